"""Shared and indexed: every page carries link-preview metadata with absolute URLs under the
configured site URL and its own 1200x630 card; cards are drawn only when what they show changes."""

from __future__ import annotations

import json
from collections import Counter

import pytest
import yaml
from bs4 import BeautifulSoup
from PIL import Image

from scripts.build.generate import generate
from tests.conftest import PAGE_NAMES, ROOT
from tests.test_validation import edit

DOCUMENT = yaml.safe_load((ROOT / "data/document.yaml").read_text(encoding="utf-8"))
VERSIONS = yaml.safe_load((ROOT / "data/versions.yaml").read_text(encoding="utf-8"))
LOCALES = {"zh": ("zh_CN", "en_US"), "en": ("en_US", "zh_CN")}

SHARED_NAMES = [name for name in PAGE_NAMES if name != "404"]  # the pages a reader shares


def shared_pages(site) -> list[str]:
    """Every page a reader may share: all but the 404 pages."""
    return [path.relative_to(site.directory).as_posix() for path in site.html_pages()
            if path.name != "404.html" and "pagefind" not in path.parts]


def meta(html: BeautifulSoup, key: str) -> str:
    tag = html.find("meta", attrs={"property": key}) or html.find("meta", attrs={"name": key})
    assert tag is not None, key
    return tag["content"]


def test_every_page_has_link_preview_metadata_with_absolute_urls(site):
    pages = shared_pages(site)
    assert len(pages) == 2 * len(SHARED_NAMES)
    images = Counter()
    for path in pages:
        html = BeautifulSoup((site.directory / path).read_text(encoding="utf-8"), "html.parser")
        language = "en" if path.startswith("en/") else "zh"
        assert meta(html, "og:url") == site.url + path == html.find("link", rel="canonical")["href"]
        assert (meta(html, "og:locale"), meta(html, "og:locale:alternate")) == LOCALES[language]
        assert meta(html, "og:description") == meta(html, "twitter:description") == meta(html, "description")
        assert meta(html, "og:title") and meta(html, "og:title") == meta(html, "twitter:title")
        assert meta(html, "twitter:card") == "summary_large_image"
        image = meta(html, "og:image")
        assert image == meta(html, "twitter:image") and image.startswith(site.url)
        page = path.removeprefix("en/").removesuffix(".html")
        assert image == f"{site.url}cards/{page}-{language}.png"
        with Image.open(site.directory / image.removeprefix(site.url)) as card:
            assert card.format == "PNG" and card.size == (1200, 630)
        assert (meta(html, "og:image:width"), meta(html, "og:image:height")) == ("1200", "630")
        images[image] += 1
    assert set(images.values()) == {1}  # each card belongs to exactly one page
    assert {f"{site.url}cards/{card.name}" for card in (site.directory / "cards").iterdir()} == set(images)


def test_cards_are_drawn_only_when_what_they_show_changes(project):
    first = generate(project)
    assert first.cards_drawn == 2 * len(SHARED_NAMES)  # a card per page and language
    assert generate(project).cards_drawn == 0  # inputs unchanged: nothing is done
    edit(project, "    en: Regional GDP, year-on-year growth", "    en: GDP, year-on-year growth", "data/figures.yaml")
    assert generate(project).cards_drawn == 2  # a key figure's English label: the English home and brief cards
    edit(project, "  reason: The year in the name of the meeting", "  reason: The year in the meeting's name",
         "data/figures-excluded.yaml")
    assert generate(project).cards_drawn == 0


def json_ld(site, path: str) -> dict:
    html = BeautifulSoup((site.directory / path).read_text(encoding="utf-8"), "html.parser")
    [script] = html.find_all("script", type="application/ld+json")
    return json.loads(script.string)


def resolves(site, url: str) -> bool:
    return url.startswith(site.url) and (site.directory / url.removeprefix(site.url)).is_file()


@pytest.mark.parametrize("home", ["index.html", "en/index.html"])
def test_the_home_page_describes_the_speech(site, home):
    speech = json_ld(site, home)
    assert (speech["@context"], speech["@type"], speech["inLanguage"]) == ("https://schema.org", "CreativeWork", "zh")
    assert speech["name"] == DOCUMENT["title"]["zh"]
    assert speech["author"]["name"] == DOCUMENT["speaker"]["name"]["zh"]
    assert speech["dateCreated"] == str(DOCUMENT["date"])
    assert speech["locationCreated"]["name"] == DOCUMENT["place"]["zh"]
    translation = speech["workTranslation"]
    assert translation["inLanguage"] == "en" and translation["url"] == site.url + "en/speech.html"
    assert resolves(site, translation["url"])
    published = DOCUMENT["published"]  # where the speech itself was published: its address and publisher
    assert (speech["url"], speech["datePublished"]) == (published["url"], str(published["posted"]))
    assert (speech["publisher"]["name"], speech["publisher"]["alternateName"]) == \
        (published["publisher"]["zh"], published["publisher"]["en"])


@pytest.mark.parametrize("downloads", ["downloads.html", "en/downloads.html"])
def test_the_downloads_page_describes_the_dataset(site, downloads):
    dataset = json_ld(site, downloads)
    assert dataset["@type"] == "Dataset" and dataset["name"] and dataset["description"]
    assert dataset["license"] == "https://creativecommons.org/licenses/by/4.0/"
    assert dataset["creator"]["name"] and dataset["inLanguage"] == ["zh", "en"]
    assert (dataset["version"], dataset["dateModified"]) == (VERSIONS[0]["version"], str(VERSIONS[0]["date"]))
    year = DOCUMENT["date"].year
    assert dataset["temporalCoverage"] == f"{year}-01-01/{year}-12-31"
    assert dataset["spatialCoverage"]["name"] == DOCUMENT["place"]["zh"]
    assert dataset["isBasedOn"]["@type"] == "CreativeWork" and dataset["isBasedOn"]["dateCreated"] == str(DOCUMENT["date"])
    assert dataset["isBasedOn"]["url"] == DOCUMENT["published"]["url"]
    assert dataset["isBasedOn"]["publisher"]["name"] == DOCUMENT["published"]["publisher"]["zh"]
    formats = {item["contentUrl"].rsplit("/", 1)[1]: item["encodingFormat"] for item in dataset["distribution"]}
    assert formats == {"figures.csv": "text/csv", "figures.json": "application/json", "outcomes.csv": "text/csv",
                       "outcomes.json": "application/json", "datapackage.json": "application/json"}
    assert all(resolves(site, item["contentUrl"]) for item in dataset["distribution"])


@pytest.mark.parametrize("downloads", ["downloads.html", "en/downloads.html"])
def test_the_downloads_page_gives_bibtex_and_csl_json_with_the_sites_address(site, downloads):
    html = BeautifulSoup((site.directory / downloads).read_text(encoding="utf-8"), "html.parser")
    # Each format under its own heading (the Chinese page gives GB/T 7714 before them).
    blocks = {heading.get_text(): heading.find_next("code").get_text() for heading in html.select(".cite-formats h3")}
    bibtex, csl = blocks["BibTeX"], json.loads(blocks["CSL-JSON"])
    assert bibtex.startswith("@misc{") and f"url = {{{site.url}downloads.html}}" in bibtex
    assert f"version = {{{VERSIONS[0]['version']}}}" in bibtex and f"year = {{{VERSIONS[0]['date'].year}}}" in bibtex
    [item] = csl
    assert (item["type"], item["URL"], item["version"]) == ("dataset", f"{site.url}downloads.html", VERSIONS[0]["version"])
    # The dataset's title: English for reference managers, Chinese in GB/T 7714 (on the Chinese page).
    title = f"{DOCUMENT['site_title']['en']}: figures"
    assert f"title = {{{{{title}}}}}" in bibtex and item["title"] == title
    assert item["original-title"] == DOCUMENT["title"]["zh"]
    if "GB/T 7714" in " ".join(blocks):
        [gbt] = [text for heading, text in blocks.items() if "7714" in heading]
        assert gbt.startswith(f"{DOCUMENT['site_title']['zh']}：数字数据集[DS/OL]. 版本{VERSIONS[0]['version']}.")
    date = VERSIONS[0]["date"]
    assert item["issued"] == {"date-parts": [[date.year, date.month, date.day]]}


def test_bibtex_fields_escape_what_bibtex_would_read_as_commands():
    from scripts.render.citations import bibtex_text

    assert bibtex_text("50% of {x} & y_1 #2 $3 ~ ^ \\") == \
        r"50\% of \textbraceleft{}x\textbraceright{} \& y\_1 \#2 \$3 \textasciitilde{} \textasciicircum{} \textbackslash{}"


@pytest.mark.parametrize("path, locale", [("results.html", "zh-CN"), ("en/results.html", "en-US")])
def test_the_citation_line_adds_todays_date_and_copies_the_whole_citation(browser, site, path, locale):
    context = browser.new_context(permissions=["clipboard-read", "clipboard-write"])
    try:
        tab = context.new_page()
        tab.goto(site.url + path)
        today = tab.evaluate("locale => new Date().toLocaleDateString(locale, "
                             "{year: 'numeric', month: 'long', day: 'numeric'})", locale)
        line = tab.locator(".cite-this")
        assert today in line.inner_text() and VERSIONS[0]["version"] in line.inner_text()
        assert site.url + path in line.inner_text()
        tab.bring_to_front()  # the clipboard is written only for the focused page
        tab.click(".cite-copy")
        tab.wait_for_function("document.querySelector('.cite-copy').textContent === document.querySelector('.cite-copy').dataset.copied")
        copied = tab.evaluate("navigator.clipboard.readText()")
        assert copied == line.locator(".cite-text").inner_text() + line.locator(".cite-accessed").inner_text()
    finally:
        context.close()
