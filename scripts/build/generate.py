"""Generate the site's pages from data/: load -> validate -> render -> write.

    python -m scripts.build.generate            write docs/*.md (only files whose content changed)
    python -m scripts.build.generate --check    validate data/ only; write nothing
    python -m scripts.build.generate --schema   write the JSON Schemas of data/*.yaml to data/schema/

On bad data it prints one line per problem, `data/FILE.yaml:LINE: field: what is wrong`, exits 1
and writes nothing. MkDocs runs the same `generate()` through scripts/publish/hooks.py, so every
`make build` and `make serve` regenerates the pages.
"""

from __future__ import annotations

import argparse
import json
import sys
from dataclasses import dataclass
from pathlib import Path

from scripts import PROJECT
from scripts.build.beside import beside
from scripts.build.cache import Cache
from scripts.build.incremental import (
    CACHE,
    RUNNING,
    Manifest,
    code_fingerprint,
    current_manifest,
    file_digest,
    inputs_fingerprint,
    write_manifest,
)
from scripts.build.rendering import (
    RenderCaches,
    compiled,
    drawn_cards,
    render_fonts,
    render_site,
)
from scripts.build.write import write_folder, write_if_changed, write_pages
from scripts.load.validate import DATA_FILES, DataError, load_data, validate
from scripts.model.languages import LANGUAGES
from scripts.model.records import SiteData
from scripts.render.cards import FontMissing
from scripts.render.citations import theme_citation_words
from scripts.render.downloads import download_files
from scripts.render.font import font_identity
from scripts.render.interface import date_text, translator
from scripts.render.page import page_description

ROOT = PROJECT
__all__ = ["DataError", "FontMissing", "Generation", "generate", "load_site_data"]


@dataclass(frozen=True)
class Generation:
    """What one generation did."""

    up_to_date: bool                      # inputs unchanged since the last generation: nothing done
    theme: dict[str, dict[str, str]]      # per language, the words of the data the theme shows
    written: tuple[str, ...] = ()         # files under docs/ whose content changed
    rendered: tuple[str, ...] = ()        # pages rendered afresh (the others came from the cache)
    cards_drawn: int = 0                  # link-preview cards drawn afresh


def load_site_data(root: Path = ROOT) -> SiteData:
    """Load and validate data/; raise DataError listing every problem in every file."""
    return validate(load_data(root), root)


def render_caches(root: Path, font: str) -> RenderCaches:
    """The page and card caches of root (scripts/build/incremental.py), keyed by the code that renders
    them (this process's) and the card font (font_identity)."""
    return RenderCaches(code_fingerprint(RUNNING), font, Cache(root / CACHE / "pages"),
                        Cache(root / CACHE / "cards"), Cache(root / CACHE / "fonts"))


def theme_words(site: SiteData) -> dict[str, dict[str, str]]:
    """The data the theme shows, per language: the site's name and description (every page's
    header and tab), and what the footer and its citation line say (kept in the manifest for
    unchanged builds)."""
    document = site.document
    return {language: {"site_title": getattr(document.site_title, language),
                       "site_description": page_description("index", language, translator(language), document),
                       "meeting": getattr(document.meeting, language), "date": date_text(document.date, language),
                       **theme_citation_words(site, language)}
            for language in LANGUAGES}


def generate(root: Path = ROOT, font: str | None = None) -> Generation:
    """Regenerate docs/ from data/: load -> validate -> render -> write. Nothing is done when
    no input changed; only the pages and cards whose data changed are made. `font` is the card
    font's identity (font_identity), asked for unless given."""
    font = font_identity() if font is None else font
    fingerprint = inputs_fingerprint(root, font)
    manifest = current_manifest(root, fingerprint)
    if manifest is not None:
        return Generation(up_to_date=True, theme=manifest.theme)
    site = load_site_data(root)
    caches = render_caches(root, font)
    with beside(lambda: drawn_cards(site, caches)) as cards:  # on the other core, while the pages are rendered
        pages = render_site(site, caches, compiled(RUNNING, caches.code))
        files = {"downloads": download_files(site), "fonts": render_fonts(pages, caches)}
        files["cards"], cards_drawn = cards.result()
    written = write_pages(root / "docs", pages)
    for folder, contents in files.items():
        written += write_folder(root / "docs" / folder, contents)
    outputs = {**{f"docs/{name}": file_digest(text.encode("utf-8")) for name, text in pages.items()},
               **{f"docs/{folder}/{name}": file_digest(content) for folder, contents in files.items()
                  for name, content in contents.items()}}
    theme = theme_words(site)
    write_manifest(root, Manifest(fingerprint, outputs, theme))
    generation = Generation(False, theme, tuple(written), tuple(caches.rendered), cards_drawn)
    caches.prune()
    return generation


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
            written = generate().written
            print(f"Generated pages: {len(written)} changed." if written else "Generated pages are up to date.")
    except DataError as error:
        print(error, file=sys.stderr)
        if not arguments.check:
            print("docs/ was left as it was.", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
