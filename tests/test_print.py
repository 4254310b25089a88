"""Printed as a reader prints from Chromium: the one-page brief fits two A4 pages and carries its
figures as text (Chinese included: the font is embedded), and no page prints the site's chrome."""

from __future__ import annotations

import io
import re

import pytest
import yaml
from pypdf import PdfReader

from tests.conftest import ROOT

FIGURES = yaml.safe_load((ROOT / "data/figures.yaml").read_text(encoding="utf-8"))
HEADLINE = [figure for figure in FIGURES if figure.get("headline")]
HOMES = {"zh": "", "en": "en/"}
CHROME = (".md-header", ".md-sidebar--primary", ".md-sidebar--secondary", ".md-footer", ".site-search-open")


def flat(text: str) -> str:
    """Text without whitespace: PDF text extraction spaces Chinese from digits (2024 年)."""
    return re.sub(r"\s+", "", text)


@pytest.mark.parametrize("language", HOMES)
def test_the_brief_prints_on_at_most_two_a4_pages_with_its_key_figures(reader_page, language):
    tab = reader_page(HOMES[language] + "brief.html")
    pdf = PdfReader(io.BytesIO(tab.pdf(format="A4", prefer_css_page_size=True)))
    assert 1 <= len(pdf.pages) <= 2
    width, height = float(pdf.pages[0].mediabox.width), float(pdf.pages[0].mediabox.height)
    assert (round(width), round(height)) == (595, 842)  # A4 in points
    text = flat("".join(page.extract_text() for page in pdf.pages))
    for figure in HEADLINE:
        assert flat(figure["label"][language]) in text, figure["id"]
        assert str(figure["value"]) in text, figure["id"]
    fonts = [font.get_object() for page in pdf.pages for font in (page["/Resources"].get("/Font") or {}).values()]
    assert fonts and all(embedded(font) for font in fonts)  # text in fonts the PDF carries, not an image


# The Kangxi radicals and their supplement: look-alikes of ideographs (⽣ for 生) that a PDF's text
# carries when its font maps them to the ideographs' glyphs (Noto Sans CJK does).
RADICALS = re.compile(r"[\u2e80-\u2fdf]")


@pytest.mark.parametrize("language", HOMES)
def test_the_printed_brief_s_chinese_is_the_characters_themselves(reader_page, language):
    """Copied or searched, the PDF's Chinese is the text, not look-alike radicals, whatever CJK
    fonts this machine has (the page prints in the site's own print font: scripts/render/print_font.py)."""
    tab = reader_page(HOMES[language] + "brief.html")
    text = "".join(page.extract_text() for page in PdfReader(io.BytesIO(tab.pdf(format="A4"))).pages)
    radicals = sorted(set(RADICALS.findall(text)))
    assert not radicals, (f"the PDF's text has {len(radicals)} Kangxi radicals where ideographs belong "
                          f"({''.join(radicals[:12])}): the page was not printed in fonts/print-zh.woff2")
    if language == "zh":
        assert flat(DOCUMENT["title"]["zh"]) in flat(text)


DOCUMENT = yaml.safe_load((ROOT / "data/document.yaml").read_text(encoding="utf-8"))


def embedded(font) -> bool:
    """Whether the PDF carries the font's glyphs: a Type 3 font draws them itself, a composite
    font's are in its descendant font."""
    if font.get("/Subtype") == "/Type3":
        return "/CharProcs" in font
    if "/DescendantFonts" in font:
        font = font["/DescendantFonts"][0].get_object()
    descriptor = font["/FontDescriptor"].get_object()
    return any(key in descriptor for key in ("/FontFile", "/FontFile2", "/FontFile3"))


@pytest.mark.parametrize("path", ["index.html", "en/results.html", "targets.html", "en/speech.html", "en/downloads.html"])
def test_a_printed_page_shows_its_content_without_the_sites_chrome(reader_page, path):
    tab = reader_page(path)
    tab.emulate_media(media="print")
    for selector in CHROME:
        shown = tab.eval_on_selector_all(selector, "elements => elements.filter(element => "
                                                   "getComputedStyle(element).display !== 'none').length")
        assert shown == 0, f"{path}: {selector} prints"
    assert tab.eval_on_selector("article h1", "element => element.getBoundingClientRect().width") > 0
