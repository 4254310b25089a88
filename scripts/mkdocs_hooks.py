"""MkDocs hooks: run the generator before each build and fix what the i18n plugin leaves.

- on_pre_build: regenerate docs/*.md from data/ (so `make serve` and `make build` can never
  show stale pages); bad data stops the build with `file:line: field: problem` lines.
- on_page_context: absolute hreflang alternates with x-default, and the search base of each
  language (read by overrides/main.html).
- on_post_build: one search index per language, and a sitemap per language root.

mkdocs-static-i18n runs every hook once per language (the English build is nested inside the
Chinese one), so each hook here is idempotent.
"""

from __future__ import annotations

import hashlib
import json
import logging
import sys
from pathlib import Path
from urllib.parse import urljoin
from xml.etree import ElementTree

from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority

# MkDocs loads this file by path; make the `scripts` package importable from the project root.
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from scripts.generate import DataError, generate  # noqa: E402

# jieba (used by Material to segment Chinese for search) logs its dictionary loading on every build.
logging.getLogger("jieba").setLevel(logging.WARNING)
from scripts.render import DEFAULT_LANGUAGE, LANGUAGES  # noqa: E402

SITEMAP_NS = "http://www.sitemaps.org/schemas/sitemap/0.9"
XHTML_NS = "http://www.w3.org/1999/xhtml"


_generated_from: str | None = None  # fingerprint of the inputs of the last generation


def inputs_fingerprint(root: Path) -> str:
    """A digest of everything the generated pages depend on (data, seed, generator, templates)."""
    digest = hashlib.sha256()
    for folder in ("data", "seeds", "scripts"):
        for path in sorted((root / folder).rglob("*")):
            if path.is_file() and "__pycache__" not in path.parts:
                digest.update(path.relative_to(root).as_posix().encode())
                digest.update(path.read_bytes())
    return digest.hexdigest()


def on_pre_build(config) -> None:
    """Regenerate the pages, once per build: the i18n plugin runs this hook again for English,
    when the inputs have not changed."""
    global _generated_from
    root = Path(config.config_file_path).parent
    fingerprint = inputs_fingerprint(root)
    if fingerprint == _generated_from:
        return
    try:
        generate(root)
    except DataError as error:
        raise PluginError(f"\n{error}") from None
    _generated_from = fingerprint


def language_root(language: str) -> str:
    """Path of a language's home below the site root: "" for Chinese, "en/" for English."""
    return "" if language == DEFAULT_LANGUAGE else f"{language}/"


def hreflang_links(site_url: str, alternates: list[dict]) -> list[tuple[str, str]]:
    """(hreflang, absolute URL) for each language version of a page, plus x-default (Chinese)."""
    links = [(alternate["lang"], urljoin(site_url, alternate["link"])) for alternate in alternates]
    default = [url for lang, url in links if lang == DEFAULT_LANGUAGE]
    return links + [("x-default", default[0])] if default else links


@event_priority(-50)  # after mkdocs-static-i18n has set this page's alternates
def on_page_context(context, page, config, nav):
    language = context.get("i18n_page_locale", DEFAULT_LANGUAGE)
    # The i18n plugin sets this page's alternates as an attribute, as Material's templates read it.
    alternates = getattr(config.extra, "alternate", None) or []
    context["hreflang_links"] = hreflang_links(config.site_url, alternates)
    # Material's search loads <base>/search/search_index.json and resolves result links against
    # <base>: pointing the English pages at en/ gives them the English index (see on_post_build).
    base = context["base_url"]
    context["search_base_url"] = f"{base}/{language_root(language)}"
    return context


@event_priority(-200)  # after mkdocs-static-i18n has merged every language into one index
def on_post_build(config) -> None:
    site = Path(config.site_dir)
    split_search_index(site)
    write_language_sitemaps(site)


def split_search_index(site: Path) -> None:
    """Give each language its own index, so a query returns pages in the reader's language."""
    index_file = site / "search" / "search_index.json"
    if not index_file.exists():
        return
    index = json.loads(index_file.read_text(encoding="utf-8"))
    for language in LANGUAGES:
        prefix = language_root(language)
        others = [language_root(other) for other in LANGUAGES if other != language and language_root(other)]
        docs = [dict(entry, location=entry["location"][len(prefix):]) for entry in index["docs"]
                if entry["location"].startswith(prefix)
                and not any(entry["location"].startswith(other) for other in others)]
        target = site / prefix / "search" / "search_index.json"
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(json.dumps({"config": index["config"], "docs": docs}, ensure_ascii=False,
                                     separators=(",", ":")), encoding="utf-8")


def write_language_sitemaps(site: Path) -> None:
    """Write <lang>/sitemap.xml listing that language's pages (with their alternates).

    Material fetches sitemap.xml next to every hreflang alternate; for the English pages that is
    en/sitemap.xml, which the i18n plugin does not write.
    """
    sitemap_file = site / "sitemap.xml"
    if not sitemap_file.exists():
        return
    ElementTree.register_namespace("", SITEMAP_NS)
    ElementTree.register_namespace("xhtml", XHTML_NS)
    tree = ElementTree.parse(sitemap_file)
    for language in LANGUAGES:
        if language == DEFAULT_LANGUAGE:
            continue
        urlset = ElementTree.Element(f"{{{SITEMAP_NS}}}urlset")
        for url in tree.getroot().findall(f"{{{SITEMAP_NS}}}url"):
            own = url.find(f"{{{XHTML_NS}}}link[@hreflang='{language}']")
            if own is not None and own.get("href") == url.findtext(f"{{{SITEMAP_NS}}}loc"):
                urlset.append(url)
        target = site / language_root(language) / "sitemap.xml"
        ElementTree.ElementTree(urlset).write(target, encoding="utf-8", xml_declaration=True)
