"""A second speech builds with no change to the code: the fictional speech of
tests/fixtures/fictional-speech/ (written for the tests, never published), with its confirmed
data, put in place of data/ and seeds/ in a copy of the project, becomes a complete bilingual
site that passes the reader's checks the real site passes: every page type, the downloads, the
cards and the search; axe-core, the W3C HTML checker, no leaked template text, and the pages
against the data they were made from (read here afresh from the fixture)."""

from __future__ import annotations

import pytest
import yaml
from bs4 import BeautifulSoup

from scripts.render.pages import PAGES
from tests.conftest import (
    FICTIONAL,
    BuiltSite,
    built_and_served,
    fictional_project,
    load,
    screen,
)
from tests.test_browser import unfound_terms
from tests.test_html_validity import check_html
from tests.test_reader import AXE, AXE_RUN, LEAKS, PLACEHOLDER, article_text, run

ROOTS = {"zh": "", "en": "en/"}
READER_PAGES = [f"{ROOTS[language]}{name}.html" for language in ROOTS for name in (*PAGES, "404")]


def fixture_data(name: str):
    return yaml.safe_load((FICTIONAL / "data" / name).read_text(encoding="utf-8"))


@pytest.fixture(scope="module")
def second_site(tmp_path_factory) -> BuiltSite:
    project = fictional_project(tmp_path_factory.mktemp("second") / "project")
    with built_and_served(tmp_path_factory.mktemp("second-web"), root=project) as built:
        yield built


def soup(site: BuiltSite, path: str) -> BeautifulSoup:
    return BeautifulSoup((site.directory / path).read_text(encoding="utf-8"), "html.parser")


def test_every_page_type_the_downloads_the_cards_and_both_search_indexes_are_built(second_site):
    missing = [path for path in READER_PAGES if not (second_site.directory / path).is_file()]
    assert missing == []
    for download in ("figures.csv", "figures.json", "outcomes.csv", "outcomes.json", "datapackage.json"):
        assert (second_site.directory / "downloads" / download).stat().st_size > 0, download
    cards = sorted((second_site.directory / "cards").glob("*.png"))
    assert len(cards) == 2 * len(PAGES)
    for root in ROOTS.values():
        assert (second_site.directory / root / "pagefind" / "pagefind.js").is_file(), root


def test_the_pages_show_the_fictional_speech_and_its_figures(second_site):
    document, speech, figures = fixture_data("document.yaml"), fixture_data("speech.yaml"), fixture_data("figures.yaml")
    for language, root in ROOTS.items():
        home = soup(second_site, root + "index.html")
        assert document["site_title"][language] in home.select_one("h1").get_text(), language
        full_text = soup(second_site, root + "speech.html")
        assert [sentence_id for sentence_id in speech if full_text.find(id=sentence_id) is None] == [], language
        rows = {row["id"].removeprefix("figure-"): row for name in ("results.html", "targets.html")
                for row in soup(second_site, root + name).select("tr[id^=figure-]")}
        assert sorted(rows) == sorted(figure["id"] for figure in figures), language
        for figure in figures:
            assert rows[figure["id"]].th.get_text() == figure["label"][language], figure["id"]
            if language == "zh":
                written = figure.get("numeral") or str(figure["value"])
                assert written in rows[figure["id"]].select_one(".value").get_text(), figure["id"]


def test_no_template_or_front_matter_text_leaks(second_site):
    leaks = []
    for path in READER_PAGES:
        html = soup(second_site, path)
        for formats in html.select(".cite-formats"):
            formats.decompose()
        text = article_text(str(html)) or ""
        leaks += [f"{path}: {leak!r}" for leak in LEAKS if leak in text]
        leaks += [f"{path}: placeholder {match.group()!r}" for match in PLACEHOLDER.finditer(text)]
    assert leaks == []


def test_every_page_is_valid_html(second_site):
    report = check_html(second_site.directory)
    assert sorted(report.checked) == sorted(READER_PAGES)
    assert {page: [message["message"] for message in messages] for page, messages in report.failures.items()} == {}


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_no_page_has_a_serious_accessibility_violation(second_site, browser, scheme):
    violations = {}
    context = browser.new_context(**screen(1280, scheme))
    tab = context.new_page()
    for path in READER_PAGES:
        assert load(tab, second_site.url + path) == 200, path
        tab.add_script_tag(path=str(AXE))
        found = run(tab, AXE_RUN)
        if found:
            violations[path] = [violation["id"] for violation in found]
    context.close()
    assert violations == {}


def test_search_finds_every_figure_label_in_both_languages(second_site, browser):
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    tab = context.new_page()
    figures = fixture_data("figures.yaml")
    for language, root in ROOTS.items():
        labels = sorted({figure["label"][language] for figure in figures})
        missed = unfound_terms(tab, second_site, root, language, labels)
        assert missed == [], language
    context.close()


def test_what_the_speech_lacks_is_said_never_shown_as_an_empty_table(second_site):
    # The fictional speech names no project, enterprise or park, and no outcome is recorded.
    assert fixture_data("outcomes.yaml") == [] and fixture_data("sources.yaml") == []
    said = {"zh": ("尚未收录讲话之后公布的结果数字。", "讲话没有点名项目、企业或园区。"),
            "en": ("No outcome published after the speech has been recorded yet.",
                   "The speech names no project, enterprise or park.")}
    for language, root in ROOTS.items():
        no_outcomes, no_entities = said[language]
        for name in ("index.html", "brief.html"):
            page = soup(second_site, root + name)
            assert page.select_one(".year-end") is None, name
            assert all(table.select("tbody tr") for table in page.select("article table")), name
        assert soup(second_site, root + "index.html").select_one(".no-outcomes").get_text() == no_outcomes
        outcomes = soup(second_site, root + "outcomes.html")
        assert no_outcomes in outcomes.select_one("article").get_text() and outcomes.find(id="sources") is None
        projects = soup(second_site, root + "projects.html").select_one("article")
        assert no_entities in projects.get_text() and projects.select("table, details") == []


def test_the_brief_has_no_whole_year_column_before_any_outcome(second_site):
    for language, root in ROOTS.items():
        key_figures = soup(second_site, root + "brief.html").select_one(".brief-table")
        heads = [head.get_text() for head in key_figures.select("thead th")]
        assert len(heads) == 3 and all(len(row.find_all(["th", "td"])) == 3 for row in key_figures.select("tbody tr"))
