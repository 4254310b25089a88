"""Generate the site's pages from data/: load -> validate -> render -> write.

    python -m scripts.generate            write docs/*.md (only files whose content changed)
    python -m scripts.generate --check    validate data/ only; write nothing
    python -m scripts.generate --schema   print the JSON Schema of data/document.yaml

On bad data it prints one line per problem, `data/FILE.yaml:LINE: field: what is wrong`, exits 1
and writes nothing. MkDocs runs the same `generate()` through scripts/mkdocs_hooks.py, so every
`make build` and `make serve` regenerates the pages.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from scripts.model import SiteData
from scripts.render import render_site
from scripts.speech import split_speech
from scripts.validate import (check_parts, check_terms_translated, validate_document, validate_glossary,
                              validate_translation)
from scripts.write import write_pages
from scripts.yamlfile import Problem, YamlDocument, YamlError, load_yaml

ROOT = Path(__file__).resolve().parent.parent
DOCUMENT_FILE = "data/document.yaml"
SPEECH_FILE = "data/speech.yaml"
GLOSSARY_FILE = "data/glossary.yaml"
DATA_FILES = (DOCUMENT_FILE, SPEECH_FILE, GLOSSARY_FILE)


class DataError(Exception):
    """data/ has problems; `problems` lists every one."""

    def __init__(self, problems: list[Problem]):
        self.problems = sorted(problems, key=lambda problem: (problem.file, problem.line))
        super().__init__(format_problems(problems))


def format_problems(problems: list[Problem]) -> str:
    count = len(problems)
    return "\n".join([*map(str, problems), f"{count} problem{'s' if count != 1 else ''} in data/; nothing was written."])


def load_files(root: Path) -> tuple[dict[str, YamlDocument], list[Problem]]:
    files, problems = {}, []
    for name in DATA_FILES:
        try:
            files[name] = load_yaml(root / name, name)
        except YamlError as error:
            problems += error.problems
    return files, problems


def load_site_data(root: Path = ROOT) -> SiteData:
    """Load and validate data/; raise DataError listing every problem in every file."""
    files, problems = load_files(root)
    document, speech = None, ""
    if DOCUMENT_FILE in files:
        document, speech, found = validate_document(files[DOCUMENT_FILE], root)
        problems += found
    paragraphs = split_speech(speech) if speech else ()
    if document is not None and paragraphs:
        problems += check_parts(files[DOCUMENT_FILE], document, paragraphs)
    translation = glossary = None
    if paragraphs and SPEECH_FILE in files:
        translation, found = validate_translation(files[SPEECH_FILE], paragraphs)
        problems += found
    if speech and GLOSSARY_FILE in files:
        glossary, found = validate_glossary(files[GLOSSARY_FILE], speech)
        problems += found
    if translation is not None and glossary is not None and not problems:
        problems += check_terms_translated(files[SPEECH_FILE], translation, glossary)
    if problems or document is None or translation is None or glossary is None:
        raise DataError(problems)
    return SiteData(document, speech, paragraphs, translation, tuple(glossary))


def generate(root: Path = ROOT) -> list[str]:
    """Regenerate docs/*.md from data/; return the pages that changed."""
    site_data = load_site_data(root)
    pages = render_site(site_data)
    return write_pages(root / "docs", pages)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true", help="validate data/ only")
    parser.add_argument("--schema", action="store_true", help="print the JSON Schema of the data")
    arguments = parser.parse_args(argv)
    if arguments.schema:
        print(json.dumps(Document.model_json_schema(), ensure_ascii=False, indent=2))
        return 0
    try:
        if arguments.check:
            load_site_data()
            print("data/ is valid.")
        else:
            changed = generate()
            print(f"Generated pages: {len(changed)} changed." if changed else "Generated pages are up to date.")
    except DataError as error:
        print(error, file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
