"""What a reader sees on the built pages, checked against data/ read afresh with plain YAML and
against expectations written here, never against the code that rendered the pages: the period,
comparison, qualifier, number, quote and source of every figure; which language is in which
column of the parallel text; no Chinese topic heading on an English page."""

from __future__ import annotations

import re

import pytest
import yaml
from bs4 import BeautifulSoup

from tests.conftest import ROOT

FIGURES = yaml.safe_load((ROOT / "data/figures.yaml").read_text(encoding="utf-8"))
SPEECH = yaml.safe_load((ROOT / "data/speech.yaml").read_text(encoding="utf-8"))
TOPICS = yaml.safe_load((ROOT / "data/topics.yaml").read_text(encoding="utf-8"))
HOMES = {"zh": "", "en": "en/"}
HAN = re.compile(r"[\u3400-\u9fff]")

# How each period and comparison of data/figures.yaml reads, in each language.
PERIODS = {
    "zh": {"2024-H1": "2024年上半年", "2024-H2": "2024年下半年", "2024": "2024年", "2024-year-end": "2024年末",
           "cumulative": "累计"},
    "en": {"2024-H1": "H1 2024", "2024-H2": "H2 2024", "2024": "2024", "2024-year-end": "End of 2024",
           "cumulative": "Cumulative"},
}
BASES = {
    "zh": {"year-on-year": "同比", "provincial-average": "与全省平均水平比", "city-average": "与全市平均水平比",
           "city-ranking": "全市排名", "full-year-target": "与全年目标比"},
    "en": {"year-on-year": "Year on year", "provincial-average": "Against the provincial average",
           "city-average": "Against the city average", "city-ranking": "Rank in the city",
           "full-year-target": "Against the full-year target"},
}
# The words of each qualifier: in Chinese as the speech writes them, in English as the site does.
QUALIFIERS = {"zh": {"more-than": "余", "at-least": "以上", "exceeds": "突破"},
              "en": {"more-than": "more than", "at-least": "at least", "exceeds": "over"}}


def page(site, path: str) -> BeautifulSoup:
    return BeautifulSoup((site.directory / path).read_text(encoding="utf-8"), "html.parser")


def figure_rows(site, language: str) -> dict[str, BeautifulSoup]:
    rows = {}
    for name in ("results.html", "targets.html"):
        rows.update({row["id"].removeprefix("figure-"): row
                     for row in page(site, HOMES[language] + name).select("tr[id^=figure-]")})
    return rows


def as_written(value) -> str:
    """The number as data/figures.yaml writes it (YAML reads 2.0 as 2.0 and 3520 as 3520)."""
    return str(value)


@pytest.mark.parametrize("language", HOMES)
def test_every_figure_row_shows_its_data(site, language):
    rows = figure_rows(site, language)
    assert sorted(rows) == sorted(figure["id"] for figure in FIGURES)
    for figure in FIGURES:
        row = rows[figure["id"]]
        assert row.select_one(".period").get_text() == PERIODS[language][figure["period"]], figure["id"]
        basis = row.select_one(".basis")
        assert (basis.get_text() if basis else None) == (BASES[language][figure["basis"]] if figure.get("basis") else None), figure["id"]
        value = row.select_one(".value").get_text()
        stated = {word for key, word in QUALIFIERS[language].items() if word in value}
        assert stated == ({QUALIFIERS[language][figure["qualifier"]]} if figure.get("qualifier") else set()), figure["id"]
        if language == "zh":
            assert as_written(figure["value"]) in value, figure["id"]
        assert row.th.get_text() == figure["label"][language], figure["id"]
        link = row.select_one("a.source-link")
        assert link["href"] == f"speech.html#{figure['source']['sentence']}", figure["id"]
        assert row.select_one(".quote").get_text() == figure["source"]["quote"], figure["id"]
        assert row.select_one(".quote")["lang"] == "zh"


@pytest.mark.parametrize("language", HOMES)
def test_each_headline_card_shows_its_figure(site, language):
    cards = page(site, HOMES[language] + "index.html").select(".card")
    headline = [figure for figure in FIGURES if figure.get("headline")]
    assert len(cards) == len(headline)
    for card, figure in zip(cards, headline):
        assert card.select_one("a.card-main")["href"] == f"results.html#figure-{figure['id']}"
        assert card.select_one("a.source-link")["href"] == f"speech.html#{figure['source']['sentence']}"
        assert as_written(figure["value"]) in card.select_one(".card-value").get_text(), figure["id"]
        assert figure["label"][language] in card.get_text(), figure["id"]


@pytest.mark.parametrize("language", HOMES)
def test_the_parallel_text_has_the_chinese_then_the_english_of_each_paragraph(site, language):
    article = page(site, HOMES[language] + "parallel.html").select_one("article")
    shown = []
    for element in article.select("div.parallel, [data-sentence]:not(.sentence)"):
        if element.name != "div":  # a part heading: its Chinese, then its English, in one heading
            chinese, english = element.find_all("span", recursive=False)
            assert (chinese["lang"], english["lang"]) == ("zh", "en"), element["data-sentence"]
            pairs = [(element["data-sentence"], chinese, english)]
        else:
            chinese, english = element.find_all("div", recursive=False)
            assert (chinese["lang"], chinese["class"], english["lang"], english["class"]) == \
                   ("zh", ["parallel-zh"], "en", ["parallel-en"])
            pairs = [(zh["data-sentence"], zh, en) for zh, en
                     in zip(chinese.select(".sentence"), english.select(".sentence"), strict=True)]
            assert [zh["data-sentence"] for _, zh, _ in pairs] == [en["data-sentence"] for _, _, en in pairs]
        for sentence_id, zh, en in pairs:
            shown.append(sentence_id)
            assert zh.get_text().strip("\u2060") == SPEECH[sentence_id]["zh"]
            assert en.get_text().strip("\u2060") and not HAN.search(en.get_text()), sentence_id
    assert shown == list(SPEECH)


def test_no_chinese_topic_heading_is_on_an_english_page(site):
    titles = [topic["title"]["zh"] for topic in TOPICS]
    for path in sorted((site.directory / "en").glob("*.html")):
        soup = page(site, path.relative_to(site.directory).as_posix())
        for element in soup.select("[lang=zh]"):
            element.decompose()  # quotes of the speech, in Chinese by design
        text = soup.get_text()
        assert [title for title in titles if title in text] == [], path.name
        assert [heading.get_text() for heading in soup.select("h1, h2, h3, h4") if HAN.search(heading.get_text())] == [], path.name
