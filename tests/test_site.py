"""The real site, built with `mkdocs build --strict`: pages, languages, hreflang, sitemaps,
search indexes, and nothing loaded from another host."""

import json
import re
from xml.etree import ElementTree

import pytest
from bs4 import BeautifulSoup

from tests.conftest import PAGE_NAMES, SUB_PATH

NAMES = tuple(name for name in PAGE_NAMES if name != "404")
PAGES = {**{f"{name}.html": "zh" for name in NAMES}, **{f"en/{name}.html": "en" for name in NAMES}}
SITEMAP = "{http://www.sitemaps.org/schemas/sitemap/0.9}"
XHTML = "{http://www.w3.org/1999/xhtml}"


def soup(site, page: str) -> BeautifulSoup:
    return BeautifulSoup((site.directory / page).read_text(encoding="utf-8"), "html.parser")


def counterpart(page: str) -> str:
    return page.removeprefix("en/") if page.startswith("en/") else f"en/{page}"


def test_every_page_exists_in_both_languages(site):
    pages = {path.relative_to(site.directory).as_posix() for path in site.html_pages()}
    assert pages == {*PAGES, "404.html", "en/404.html"}


@pytest.mark.parametrize("page, language", PAGES.items())
def test_html_lang_is_the_page_language(site, page, language):
    assert soup(site, page).html["lang"] == language


@pytest.mark.parametrize("page, language", PAGES.items())
def test_hreflang_alternates_are_absolute_with_x_default(site, page, language):
    links = {link["hreflang"]: link["href"] for link in soup(site, page).select("link[rel=alternate][hreflang]")}
    chinese = page.removeprefix("en/")
    assert links == {"zh": site.url + chinese, "en": site.url + "en/" + chinese, "x-default": site.url + chinese}


@pytest.mark.parametrize("page", PAGES)
def test_language_selector_links_to_the_same_page(site, page):
    other = "en" if PAGES[page] == "zh" else "zh"
    [link] = soup(site, page).select(f"a.md-select__link[hreflang={other}]")
    target = (site.directory / page).parent / link["href"]
    assert target.resolve() == (site.directory / counterpart(page)).resolve()


def test_sitemap_lists_both_languages_with_alternates(site):
    root = ElementTree.parse(site.directory / "sitemap.xml").getroot()
    urls = {url.findtext(f"{SITEMAP}loc"): {link.get("hreflang"): link.get("href") for link in url.iter(f"{XHTML}link")}
            for url in root.iter(f"{SITEMAP}url")}
    assert set(urls) == {site.url + page for page in PAGES}
    for alternates in urls.values():
        assert set(alternates) == {"zh", "en"}
        assert all(href.startswith(site.url) for href in alternates.values())


def test_english_sitemap_lists_the_english_pages(site):
    root = ElementTree.parse(site.directory / "en" / "sitemap.xml").getroot()
    assert {url.findtext(f"{SITEMAP}loc") for url in root.iter(f"{SITEMAP}url")} == {
        site.url + page for page, language in PAGES.items() if language == "en"}


@pytest.mark.parametrize("bundle, language", [("pagefind", "zh"), ("en/pagefind", "en")])
def test_each_language_has_its_own_search_index(site, bundle, language):
    """Pagefind indexes every page of the language but its 404, beside the language's pages."""
    entry = json.loads((site.directory / bundle / "pagefind-entry.json").read_text(encoding="utf-8"))
    assert {name: index["page_count"] for name, index in entry["languages"].items()} == {language: len(NAMES)}


@pytest.mark.parametrize("page, language", PAGES.items())
def test_only_the_page_content_is_indexed_and_search_opens_from_the_header(site, page, language):
    html = soup(site, page)
    [body] = html.select("[data-pagefind-body]")
    assert body.find("h1") is not None and not body.find_parent("header") and not body.select(".md-footer")
    button = html.select_one("header [data-site-search]")
    assert button["aria-label"] == ("搜索" if language == "zh" else "Search")
    assert ((site.directory / page).parent / button["data-bundle"] / "pagefind-component-ui.js").resolve().is_file()


EXTERNAL = re.compile(r"^(?:[a-z][a-z0-9+.-]*:)?//", re.IGNORECASE)


def test_no_page_loads_anything_from_another_host(site):
    for path in site.html_pages():
        page = BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser")
        sources = [tag["src"] for tag in page.find_all(src=True)]
        styles = [tag["href"] for tag in page.select("link[rel~=stylesheet], link[rel~=preconnect], link[rel~=preload], link[rel~=icon]")]
        external = [url for url in sources + styles if EXTERNAL.match(url)]
        assert not external, f"{path.name} loads {external}"
        for style in page.find_all("style"):
            assert not re.search(r"url\(\s*['\"]?(?:https?:)?//", style.get_text()), path.name


def test_no_stylesheet_refers_to_another_host(site):
    stylesheets = list(site.directory.rglob("*.css"))
    assert stylesheets
    for stylesheet in stylesheets:
        urls = re.findall(r"url\(\s*['\"]?([^'\")]+)", stylesheet.read_text(encoding="utf-8"))
        assert not [url for url in urls if EXTERNAL.match(url)], stylesheet.name
        assert "@import" not in stylesheet.read_text(encoding="utf-8")


def test_fonts_come_from_the_system_with_a_cjk_stack(site):
    for path in site.html_pages():
        assert "fonts.googleapis.com" not in path.read_text(encoding="utf-8")
    css = (site.directory / "assets/stylesheets/extra.css").read_text(encoding="utf-8")
    for family in ("PingFang SC", "Microsoft YaHei", "Noto Sans CJK SC"):
        assert family in css


def test_english_pages_carry_the_unofficial_translation_note(site):
    for page, language in PAGES.items():
        text = soup(site, page).find("article").get_text()
        if language == "en":
            assert "unofficial translation" in text.lower() and "Chinese text" in text
    assert "以中文原文为准" in soup(site, "about.html").find("article").get_text()


def test_site_is_built_for_the_sub_path(site):
    assert site.url.endswith(SUB_PATH)
    canonical = soup(site, "en/about.html").find("link", rel="canonical")["href"]
    assert canonical == site.url + "en/about.html"
