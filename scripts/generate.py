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
from dataclasses import dataclass
from pathlib import Path

from scripts.model import Document
from scripts.render import render_site
from scripts.validate import validate_document
from scripts.write import write_pages
from scripts.yamlfile import Problem, YamlError, load_yaml

ROOT = Path(__file__).resolve().parent.parent
DOCUMENT_FILE = "data/document.yaml"


@dataclass(frozen=True)
class SiteData:
    """Everything the pages are rendered from, validated."""

    document: Document
    speech: str


class DataError(Exception):
    """data/ has problems; `problems` lists every one."""

    def __init__(self, problems: list[Problem]):
        self.problems = sorted(problems, key=lambda problem: (problem.file, problem.line))
        super().__init__(format_problems(problems))


def format_problems(problems: list[Problem]) -> str:
    count = len(problems)
    return "\n".join([*map(str, problems), f"{count} problem{'s' if count != 1 else ''} in data/; nothing was written."])


def load_site_data(root: Path = ROOT) -> SiteData:
    """Load and validate data/; raise DataError listing every problem."""
    try:
        document_yaml = load_yaml(root / DOCUMENT_FILE, DOCUMENT_FILE)
    except YamlError as error:
        raise DataError(error.problems) from None
    document, speech, problems = validate_document(document_yaml, root)
    if problems or document is None:
        raise DataError(problems)
    return SiteData(document, speech)


def generate(root: Path = ROOT) -> list[str]:
    """Regenerate docs/*.md from data/; return the pages that changed."""
    site_data = load_site_data(root)
    pages = render_site(site_data.document)
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
