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

from scripts.downloads import download_files
from scripts.model import SiteData
from scripts.render import render_site
from scripts.validate import DATA_FILES, DataError, load_data, validate
from scripts.write import write_downloads, write_if_changed, write_pages

ROOT = Path(__file__).resolve().parent.parent
__all__ = ["DataError", "generate", "load_site_data", "write_site"]


def load_site_data(root: Path = ROOT) -> SiteData:
    """Load and validate data/; raise DataError listing every problem in every file."""
    return validate(load_data(root), root)


def write_site(site: SiteData, root: Path = ROOT) -> list[str]:
    """Render the pages and downloads of validated data and write them under docs/; return what changed."""
    pages, downloads = render_site(site), download_files(site)
    return write_pages(root / "docs", pages) + write_downloads(root / "docs" / "downloads", downloads)


def generate(root: Path = ROOT) -> list[str]:
    """Regenerate docs/ from data/: load -> validate -> render -> write; return what changed."""
    return write_site(load_site_data(root), root)


def schemas() -> dict[str, str]:
    """The JSON Schema of each data file, for editors that validate YAML as it is typed."""
    return {f"{Path(data_file.path).stem}.schema.json":
            json.dumps({"$schema": "https://json-schema.org/draft/2020-12/schema", "title": data_file.path,
                        **data_file.adapter.json_schema()}, ensure_ascii=False, indent=2, sort_keys=True) + "\n"
            for data_file in DATA_FILES}


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
