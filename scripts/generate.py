"""Generate the site's pages from data/: load -> validate -> render -> write.

    python -m scripts.generate            write docs/*.md (only files whose content changed)
    python -m scripts.generate --check    validate data/ only; write nothing
    python -m scripts.generate --schema   write the JSON Schemas of data/*.yaml to data/schema/

On bad data it prints one line per problem, `data/FILE.yaml:LINE: field: what is wrong`, exits 1
and writes nothing. MkDocs runs the same `generate()` through scripts/mkdocs_hooks.py, so every
`make build` and `make serve` regenerates the pages.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from pydantic import TypeAdapter

from scripts.model import Document, SiteData
from scripts.render import render_site
from scripts.speech import split_speech
from scripts.validate import (CHALLENGES_ADAPTER, CHARTS_ADAPTER, check_charts, EXCLUSIONS_ADAPTER, FIGURES_ADAPTER, GLOSSARY_ADAPTER,
                              SPEECH_ADAPTER, TOPICS_ADAPTER, check_coverage,
                              check_challenges, check_exclusions, check_figures, check_glossary_figures, check_parts, check_terms_translated, parse_list, validate_document, validate_glossary,
                              validate_translation)
from scripts.downloads import download_files
from scripts.write import write_downloads, write_if_changed, write_pages
from scripts.yamlfile import Problem, YamlDocument, YamlError, load_yaml

ROOT = Path(__file__).resolve().parent.parent
DOCUMENT_FILE = "data/document.yaml"
SPEECH_FILE = "data/speech.yaml"
GLOSSARY_FILE = "data/glossary.yaml"
TOPICS_FILE = "data/topics.yaml"
FIGURES_FILE = "data/figures.yaml"
EXCLUDED_FILE = "data/figures-excluded.yaml"
CHALLENGES_FILE = "data/challenges.yaml"
CHARTS_FILE = "data/charts.yaml"
DATA_FILES = (DOCUMENT_FILE, SPEECH_FILE, GLOSSARY_FILE, TOPICS_FILE, FIGURES_FILE, EXCLUDED_FILE, CHALLENGES_FILE,
              CHARTS_FILE)


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
    topics, figures, found = validate_figures(files, translation)
    problems += found
    if glossary is not None and figures:
        problems += check_glossary_figures(files[GLOSSARY_FILE], glossary, figures)
    challenges = None
    if CHALLENGES_FILE in files:
        challenges, found = parse_list(files[CHALLENGES_FILE], CHALLENGES_ADAPTER)
        problems += found
        if challenges is not None and translation is not None:
            problems += check_challenges(files[CHALLENGES_FILE], challenges, translation)
    charts = None
    if CHARTS_FILE in files:
        charts, found = parse_list(files[CHARTS_FILE], CHARTS_ADAPTER)
        problems += found
        if charts is not None and figures:
            problems += check_charts(files[CHARTS_FILE], charts, figures)
    if problems or document is None or translation is None or glossary is None or challenges is None or charts is None:
        raise DataError(problems)
    return SiteData(document, speech, paragraphs, translation, tuple(glossary), tuple(topics), tuple(figures),
                    tuple(challenges), tuple(charts))


def validate_figures(files: dict[str, YamlDocument], translation) -> tuple[list, list, list[Problem]]:
    """The topics, the figures and the excluded numbers, checked against each other and the speech."""
    if not {TOPICS_FILE, FIGURES_FILE, EXCLUDED_FILE} <= set(files):
        return [], [], []
    topics, problems = parse_list(files[TOPICS_FILE], TOPICS_ADAPTER)
    figures, found = parse_list(files[FIGURES_FILE], FIGURES_ADAPTER)
    problems += found
    exclusions, found = parse_list(files[EXCLUDED_FILE], EXCLUSIONS_ADAPTER)
    problems += found
    if topics is None or figures is None or exclusions is None or translation is None:
        return topics or [], figures or [], problems
    problems += check_figures(files[FIGURES_FILE], figures, topics, translation)
    problems += check_exclusions(files[EXCLUDED_FILE], exclusions, translation)
    if not problems:
        problems += check_coverage(files[FIGURES_FILE], figures, exclusions, translation)
    return topics, figures, problems


def write_site(site_data: SiteData, root: Path = ROOT) -> list[str]:
    """Write the pages and downloads of validated data under docs/; return what changed."""
    pages = render_site(site_data)
    return write_pages(root / "docs", pages) + write_downloads(root / "docs" / "downloads", download_files(site_data))


def generate(root: Path = ROOT) -> list[str]:
    """Regenerate docs/*.md from data/; return the pages that changed."""
    return write_site(load_site_data(root), root)


def schemas() -> dict[str, str]:
    """The JSON Schema of each data file, for editors that validate YAML as it is typed."""
    adapters = {"document": TypeAdapter(Document), "speech": SPEECH_ADAPTER, "glossary": GLOSSARY_ADAPTER,
                "topics": TOPICS_ADAPTER, "figures": FIGURES_ADAPTER, "figures-excluded": EXCLUSIONS_ADAPTER,
                "challenges": CHALLENGES_ADAPTER, "charts": CHARTS_ADAPTER}
    return {f"{name}.schema.json": json.dumps({"$schema": "https://json-schema.org/draft/2020-12/schema",
                                               "title": f"data/{name}.yaml", **adapter.json_schema()},
                                              ensure_ascii=False, indent=2, sort_keys=True) + "\n"
            for name, adapter in adapters.items()}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true", help="validate data/ only")
    parser.add_argument("--schema", action="store_true", help="write the JSON Schemas of data/ to data/schema/")
    arguments = parser.parse_args(argv)
    if arguments.schema:
        changed = [name for name, text in schemas().items() if write_if_changed(ROOT / "data" / "schema" / name, text)]
        print(f"Schemas written: {', '.join(changed)}." if changed else "Schemas are up to date.")
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
