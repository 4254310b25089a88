"""The files MkDocs and the i18n plugin leave out: a 404 page and a sitemap in each language's folder."""

from __future__ import annotations

from pathlib import Path
from xml.etree import ElementTree

from scripts.model.languages import DEFAULT_LANGUAGE, LANGUAGES

SITEMAP_NS = "http://www.sitemaps.org/schemas/sitemap/0.9"
XHTML_NS = "http://www.w3.org/1999/xhtml"


def language_root(language: str) -> str:
    """Path of a language's home below the site root: "" for Chinese, "en/" for English."""
    return "" if language == DEFAULT_LANGUAGE else f"{language}/"


def write_not_found_pages(site: Path, not_found: dict[str, str]) -> None:
    """404.html in the default language at the root, and one in each language's folder."""
    for language, output in not_found.items():
        target = site / language_root(language) / "404.html"
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(output, encoding="utf-8")


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
        target.parent.mkdir(parents=True, exist_ok=True)
        ElementTree.ElementTree(urlset).write(target, encoding="utf-8", xml_declaration=True)
