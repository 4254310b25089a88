"""What a reader sees on the built pages, checked against data/ read afresh with plain YAML and
against expectations written here, never against the code that rendered the pages: the period,
comparison, qualifier, number, quote and source of every figure; which language is in which
column of the parallel text; no Chinese topic heading on an English page."""

from __future__ import annotations

import csv
import io
import json
import re

import pytest
import yaml
from bs4 import BeautifulSoup

from scripts.build.site import build
from tests.conftest import PAGE_NAMES, ROOT, copy_project

FIGURES = yaml.safe_load((ROOT / "data/figures.yaml").read_text(encoding="utf-8"))
SPEECH = yaml.safe_load((ROOT / "data/speech.yaml").read_text(encoding="utf-8"))
TOPICS = yaml.safe_load((ROOT / "data/topics.yaml").read_text(encoding="utf-8"))
HOMES = {"zh": "", "en": "en/"}
HAN = re.compile(r"[\u3400-\u9fff]")

# How each period and comparison of data/figures.yaml reads, in each language.
PERIODS = {
    "zh": {"2024-H1": "2024年上半年", "2024-to-date": "2024年初以来", "2024-H2": "2024年下半年", "2024": "2024年",
           "2024-year-end": "2024年末", "cumulative": "累计", "whole-project": "项目总投资"},
    "en": {"2024-H1": "H1 2024", "2024-to-date": "2024 to date", "2024-H2": "H2 2024", "2024": "2024",
           "2024-year-end": "End of 2024", "cumulative": "Cumulative", "whole-project": "Whole project"},
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


def as_written(figure: dict) -> str:
    """The number as the Chinese writes it: the figure's numeral (第一, 零) where it has one,
    else its value as data/figures.yaml writes it (YAML reads 2.0 as 2.0 and 3520 as 3520)."""
    return figure.get("numeral") or str(figure["value"])


@pytest.mark.parametrize("language", HOMES)
def test_every_figure_row_shows_its_data(site, language):
    rows = figure_rows(site, language)
    full_text = page(site, "en/speech.html")
    english_sentences = {sentence["data-sentence"]: sentence.get_text() for sentence in full_text.select(".sentence")}
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
            assert as_written(figure) in value, figure["id"]
        assert row.th.get_text() == figure["label"][language], figure["id"]
        link = row.select_one("a.source-link")
        assert link["href"] == f"speech.html#{figure['source']['sentence']}", figure["id"]
        original = row.select_one(".quote-original" if language == "en" else ".quote")
        assert original.get_text() == figure["source"]["quote"] and original["lang"] == "zh", figure["id"]
        if language == "en":  # the quoted words in English first: words of the sentence's English
            english = row.select_one(".quote:not(.quote-original)").get_text()
            assert english.startswith("“") and english.endswith("”"), figure["id"]
            # its own quotation marks single inside the double ones (“… for ‘upgrading small firms’”)
            sentence = english_sentences[figure["source"]["sentence"]].replace("“", "‘").replace("”", "’")
            assert english[1:-1] in sentence and "“" not in english[1:-1], figure["id"]


@pytest.mark.parametrize("language", HOMES)
def test_each_headline_card_shows_its_figure(site, language):
    cards = page(site, HOMES[language] + "index.html").select(".card")
    headline = [figure for figure in FIGURES if figure.get("headline")]
    assert len(cards) == len(headline)
    for card, figure in zip(cards, headline):
        assert card.select_one("a.card-main")["href"] == f"results.html#figure-{figure['id']}"
        assert card.select_one("a.source-link")["href"] == f"speech.html#{figure['source']['sentence']}"
        assert as_written(figure) in card.select_one(".card-value").get_text(), figure["id"]
        label = (figure.get("card_label") or figure["label"])[language]  # the short label, where one is given
        assert card.select_one(".card-label").get_text() == label, figure["id"]
        assert card.select_one(".card-period").get_text() == PERIODS[language][figure["period"]], figure["id"]


@pytest.mark.parametrize("language", HOMES)
def test_the_parallel_text_has_the_chinese_then_the_english_of_each_paragraph(site, language):
    """Sentence by sentence: each Chinese sentence, then its English, in the speech's order; a part
    heading holds both languages, its table-of-contents entry the page's."""
    article = page(site, HOMES[language] + "parallel.html").select_one("article")
    shown = []
    for element in article.select("div.parallel, h2[data-sentence]"):
        if element.name == "h2":  # a part heading: its Chinese, then its English, in one heading
            chinese, english = element.find_all("span", recursive=False)
            assert (chinese["lang"], english["lang"]) == ("zh", "en"), element["data-sentence"]
            pairs = [(element["data-sentence"], chinese, english)]
        else:
            cells = element.find_all("p", recursive=False)
            assert [(cell["lang"], cell["class"]) for cell in cells] == \
                [("zh", ["parallel-zh"]), ("en", ["parallel-en"])] * (len(cells) // 2), element["id"]
            pairs = [(zh.select_one(".sentence")["data-sentence"], zh.select_one(".sentence"), en.select_one(".sentence"))
                     for zh, en in zip(cells[::2], cells[1::2], strict=True)]
            assert [zh["data-sentence"] for _, zh, _ in pairs] == [en["data-sentence"] for _, _, en in pairs]
        for sentence_id, zh, en in pairs:
            shown.append(sentence_id)
            assert zh.get_text().strip("\u2060") == SPEECH[sentence_id]["zh"]
            assert en.get_text().strip("\u2060") and not HAN.search(en.get_text()), sentence_id
    assert shown == list(SPEECH)
    # The table of contents lists each part, in the page's language only.
    whole = page(site, HOMES[language] + "parallel.html")
    for heading in article.select("h2[data-sentence]"):
        [entry] = whole.select(f'nav a[href="#{heading["id"]}"]')
        expected = SPEECH[heading["id"]]["zh"] if language == "zh" else SPEECH[heading["id"]]["en"]
        assert " ".join(entry.get_text().split()) == expected, heading["id"]


def test_no_chinese_topic_heading_is_on_an_english_page(site):
    titles = [topic["title"]["zh"] for topic in TOPICS]
    for path in sorted((site.directory / "en").glob("*.html")):
        soup = page(site, path.relative_to(site.directory).as_posix())
        for element in soup.select("[lang=zh]"):
            element.decompose()  # quotes of the speech, in Chinese by design
        text = soup.get_text()
        assert [title for title in titles if title in text] == [], path.name
        assert [heading.get_text() for heading in soup.select("h1, h2, h3, h4") if HAN.search(heading.get_text())] == [], path.name


# Found by mutation testing: each test below fails if the page, table or file it checks is broken
# in a way a reader would meet.

GLOSSARY = yaml.safe_load((ROOT / "data/glossary.yaml").read_text(encoding="utf-8"))
CHALLENGES = yaml.safe_load((ROOT / "data/challenges.yaml").read_text(encoding="utf-8"))
# How the projects page names each kind of entity (scripts/render/strings/*.yaml, written out here).
ENTITY_KINDS = {"zh": {"project": "项目", "park": "园区与小镇", "enterprise": "企业"},
                "en": {"project": "Projects", "park": "Parks and towns", "enterprise": "Enterprises"}}
BY_ID = {figure["id"]: figure for figure in FIGURES}
SAID = {"zh": "讲话所说", "en": "What the speech says"}
# The headers of the figure tables, in each language.
TABLE_HEADERS = {
    "zh": {"results.html": ["指标", "数值", "时期", "出处"], "targets.html": ["目标", "数值", "时期", "可比的已有数字", "出处"]},
    "en": {"results.html": ["Indicator", "Value", "Period", "Source"],
           "targets.html": ["Target", "Value", "Period", "Comparable figure so far", "Source"]},
}
# A paragraph that opens with 一是, 二要 ... is an item of a part; its first sentence is the item's heading.
ITEM_HEADING = re.compile(r"^[一二三四五六七八九十]+[是要]")
LATIN = re.compile(r"[A-Za-z]")


@pytest.mark.parametrize("language", HOMES)
def test_the_projects_page_lists_each_entity_once_under_its_kind_with_what_the_speech_says(site, language):
    entries = {entry["id"]: entry for entry in GLOSSARY}
    soup = page(site, HOMES[language] + "projects.html")
    # Anything the speech gives a project status counts as a project, whatever its kind; an entry
    # that is the same place as another (same_as) is listed under that one, as "also called".
    kinds = {entry["id"]: "project" if entry.get("status") else entry["kind"] for entry in GLOSSARY
             if (entry.get("status") or entry["kind"] in ENTITY_KINDS[language]) and not entry.get("same_as")}
    listed = {}
    for kind, heading in ENTITY_KINDS[language].items():
        section = soup.find("h2", id=f"kind-{kind}")
        assert section.get_text().strip().startswith(heading), kind
        rows = section.find_next_sibling("div").select("tr[id^=entity-]")
        listed.update({row["id"].removeprefix("entity-"): (kind, row) for row in rows})
    assert sorted(listed) == sorted(kinds)
    for entry_id, (kind, row) in listed.items():
        entry = entries[entry_id]
        assert kind == kinds[entry_id], entry_id
        name = row.th.a.get_text()
        assert name.casefold() == (entry.get("name") or entry)[language].casefold() and not name[:1].islower(), entry_id
        said = row.find("td", attrs={"data-label": SAID[language]})
        assert said.get_text() == (entry["said"][language] if entry.get("said") else ""), entry_id
        for alias in (other for other in GLOSSARY if other.get("same_as") == entry_id):
            assert alias[language] in row.th.get_text(), (entry_id, alias["id"])
    # Projects with a stated investment come first.
    projects = [entry_id for entry_id, (kind, _) in listed.items() if kind == "project"]
    invested = [bool(entries[entry_id].get("figures")) for entry_id in projects]
    assert invested == sorted(invested, reverse=True) and any(invested)
    names = soup.select("li[id^=quote-] p.names a")
    assert names
    for link in names:
        entry = entries[link["href"].removeprefix("#entity-")]
        name = link.get_text()
        assert name.casefold() == (entry.get("name") or entry)[language].casefold() and not name[:1].islower(), name


@pytest.mark.parametrize("language", HOMES)
def test_the_parallel_text_bolds_topic_sentences_and_item_headings_in_both_columns(site, language):
    article = page(site, HOMES[language] + "parallel.html").select_one("article")
    expected = {sentence_id for sentence_id, sentence in SPEECH.items()
                if sentence.get("topic") or sentence_id.endswith("-s01") and ITEM_HEADING.match(sentence["zh"])}
    assert any(ITEM_HEADING.match(SPEECH[sentence_id]["zh"]) for sentence_id in expected)
    for column in ("parallel-zh", "parallel-en"):
        bold = {sentence["data-sentence"] for sentence in article.select(f"p.{column} .sentence") if sentence.strong}
        assert bold == expected, column


@pytest.mark.parametrize("language", HOMES)
def test_headline_cards_show_values_in_the_page_language(site, language):
    cards = {card.select_one("a.card-main")["href"].removeprefix("results.html#figure-"): card.select_one(".card-value").get_text()
             for card in page(site, HOMES[language] + "index.html").select(".card")}
    # Percentage points are written short on the English cards only.
    expected = {"zh": {"gdp-growth-above-province-h1": "1.4个百分点", "gdp-growth-above-city-h1": "2.0个百分点"},
                "en": {"gdp-growth-above-province-h1": "1.4 pp", "gdp-growth-above-city-h1": "2.0 pp"}}[language]
    assert {figure_id: cards[figure_id] for figure_id in expected} == expected
    if language == "zh":
        assert {figure_id: value for figure_id, value in cards.items() if LATIN.search(value)} == {}


@pytest.mark.parametrize("language", HOMES)
def test_each_target_shows_its_related_figure_with_that_figure_s_own_data(site, language):
    by_id = {figure["id"]: figure for figure in FIGURES}
    rows = {row["id"].removeprefix("figure-"): row for row in page(site, HOMES[language] + "targets.html").select("tr[id^=figure-]")}
    targets = [figure for figure in FIGURES if figure.get("related") and figure["id"] in rows]
    assert targets
    for figure in targets:
        other = by_id[figure["related"]["figure"]]
        row = rows[figure["id"]]
        cell = row.select_one("td.cell-block")
        assert cell.a["href"] == f"results.html#figure-{other['id']}", figure["id"]
        assert cell.a.get_text() == other["label"][language], figure["id"]
        assert cell.select_one(".period").get_text() == f"({PERIODS[language][other['period']]})", figure["id"]
        value = cell.select_one(".value").get_text()
        stated = {word for word in QUALIFIERS[language].values() if word in value}
        assert stated == ({QUALIFIERS[language][other["qualifier"]]} if other.get("qualifier") else set()), figure["id"]
        if language == "zh":
            assert as_written(other) in value, figure["id"]
        note = row.find_next_sibling("tr")
        assert "note-row" in note["class"] and note.get_text() == figure["related"]["note"][language], figure["id"]


@pytest.mark.parametrize("language", HOMES)
def test_every_figure_table_has_one_cell_per_column_and_notes_span_the_row(site, language):
    for name, target_headers in TABLE_HEADERS[language].items():
        tables = page(site, HOMES[language] + name).select("div.figures table")
        assert tables, name
        for table in tables:
            # The targets page lists the other figures of part two (a fund) after the targets, in a results table.
            is_targets = "targets" in table.find_parent("div", class_="figures")["class"]
            headers = target_headers if is_targets else TABLE_HEADERS[language]["results.html"]
            # The comparable-figure column is there only where a row of the table has one.
            ids = [row["id"].removeprefix("figure-") for row in table.tbody.select("tr[id^=figure-]")]
            if not any(BY_ID[figure_id].get("related") for figure_id in ids):
                headers = [header for header in headers if header != TABLE_HEADERS[language]["targets.html"][3]]
            assert [header.get_text() for header in table.thead.select("th")] == headers, name
            for row in table.tbody.find_all("tr", recursive=False):
                if "note-row" in row.get("class", []):
                    assert [cell.get("colspan") for cell in row.find_all("td", recursive=False)] == [str(len(headers))]
                else:
                    assert len(row.find_all(["th", "td"], recursive=False)) == len(headers), row.get("id")


@pytest.mark.parametrize("language", HOMES)
def test_each_challenge_quotes_and_links_its_own_sentences(site, language):
    soup = page(site, HOMES[language] + "challenges.html")
    for group in CHALLENGES:
        heading = soup.find("h2", id=group["id"])
        intro = heading.find_next_sibling("p")
        assert intro.select_one("a.source-link")["href"] == f"speech.html#{group['intro']}", group["id"]
        items = heading.find_next_sibling("ol").find_all("li", recursive=False)
        assert [item.select_one("a.source-link")["href"] for item in items] == \
               [f"speech.html#{item['heading']}" for item in group["items"]], group["id"]
        if language == "zh":
            assert [item.strong.get_text() for item in items] == [SPEECH[item["heading"]]["zh"] for item in group["items"]]
        outro = []
        for element in heading.find_next_sibling("ol").find_next_siblings():
            if element.name != "p" or element.select_one("a.source-link") is None:
                break
            outro.append(element.select_one("a.source-link")["href"])
        assert outro == [f"speech.html#{sentence_id}" for sentence_id in group["outro"]], group["id"]


def test_every_download_row_holds_its_figure_s_data(site):
    folder = site.directory / "downloads"
    rows = [row for row in csv.DictReader(io.StringIO((folder / "figures.csv").read_bytes().decode("utf-8-sig"), newline=""))
            if row["derived"] == "false"]  # the computed values follow (tests/test_trust_pages.py)
    items = [item for item in json.loads((folder / "figures.json").read_text(encoding="utf-8"))["figures"]
             if not item["derived"]]
    assert [row["id"] for row in rows] == [item["id"] for item in items] == [figure["id"] for figure in FIGURES]
    for figure, row, item in zip(FIGURES, rows, items):
        expected = {"id": figure["id"], "topic": figure["topic"], "label_zh": figure["label"]["zh"],
                    "label_en": figure["label"]["en"], "unit": figure["unit"], "kind": figure["kind"],
                    "period": figure["period"], "basis": figure.get("basis") or "", "qualifier": figure.get("qualifier") or "",
                    "related": figure["related"]["figure"] if figure.get("related") else "",
                    "sentence": figure["source"]["sentence"], "quote": figure["source"]["quote"]}
        assert {name: row[name] for name in expected} == expected
        assert {name: item[name] for name in expected} == expected
        assert row["value"] == str(figure["value"]) and item["value"] == figure["value"]
        for language, value in (("zh", row["value_zh"]), ("en", row["value_en"]), ("zh", item["value_zh"]), ("en", item["value_en"])):
            stated = {word for word in QUALIFIERS[language].values() if word in value}
            assert stated == ({QUALIFIERS[language][figure["qualifier"]]} if figure.get("qualifier") else set()), figure["id"]
            if language == "zh":
                assert as_written(figure) in value, figure["id"]
            else:
                assert not HAN.search(value), (figure["id"], value)


# Line breaks and spreadsheet control characters in free text: a carriage return must not end a
# line of the Markdown (a table row, a list), and a cell starting with a tab or a carriage return
# is neutralised like one starting with =.
PLACE = "Jiangyuan\r\r1. INJECTED list"
LABELS = {"en": "\t=1+1 Regional GDP", "zh": "\r=1+1 地区生产总值"}


@pytest.fixture(scope="module")
def unusual_site(tmp_path_factory):
    project = copy_project(tmp_path_factory.mktemp("unusual") / "project")
    document = project / "data/document.yaml"
    text = document.read_text(encoding="utf-8")
    assert "  en: Jiangyuan District, Baishan City, Jilin Province\n" in text
    document.write_text(text.replace("  en: Jiangyuan District, Baishan City, Jilin Province\n",
                                     f"  en: {json.dumps(PLACE)}\n", 1), encoding="utf-8")
    figures = project / "data/figures.yaml"
    text = figures.read_text(encoding="utf-8")
    for language, old in (("zh", "    zh: 地区生产总值同比增长\n"), ("en", "    en: Regional GDP, year-on-year growth\n")):
        assert old in text
        text = text.replace(old, f"    {language}: {json.dumps(LABELS[language], ensure_ascii=False)}\n", 1)
    figures.write_text(text, encoding="utf-8")
    site = project / "site"
    assert build(site, root=project) == 0, "the site with line breaks and tabs in its data did not build"
    return site


def test_a_carriage_return_in_data_does_not_break_a_table_or_start_a_list(unusual_site):
    soup = BeautifulSoup((unusual_site / "en/index.html").read_text(encoding="utf-8"), "html.parser")
    article = soup.select_one("article")
    rows = [[cell.get_text() for cell in row.find_all(["td", "th"])] for row in article.select("table tr")
            if not row.find_parent(class_="figures")]  # the table about the speech (not the year-end figures)
    assert ["Place", "Jiangyuan 1. INJECTED list"] in rows
    assert all(len(row) == 2 for row in rows)
    assert [item.get_text() for item in article.find_all("li") if "INJECTED" in item.get_text()] == []


def test_a_cell_starting_with_a_tab_or_a_carriage_return_is_no_formula(unusual_site):
    raw = (unusual_site / "downloads/figures.csv").read_bytes().decode("utf-8-sig")
    gdp = next(row for row in csv.DictReader(io.StringIO(raw, newline="")) if row["id"] == "gdp-growth-h1")
    assert (gdp["label_en"], gdp["label_zh"]) == ("'" + LABELS["en"], "'" + LABELS["zh"])
    figures = json.loads((unusual_site / "downloads/figures.json").read_text(encoding="utf-8"))["figures"]
    gdp = next(figure for figure in figures if figure["id"] == "gdp-growth-h1")
    assert (gdp["label_en"], gdp["label_zh"]) == (LABELS["en"], LABELS["zh"])


@pytest.mark.parametrize("language", HOMES)
def test_every_note_on_what_a_figure_compares_with_is_under_its_figure(site, language):
    """On whichever page a figure with a related figure stands, its note is the row under it."""
    rows = figure_rows(site, language)
    for figure in (figure for figure in FIGURES if figure.get("related")):
        note = rows[figure["id"]].find_next_sibling("tr")
        assert note is not None and "note-row" in note["class"], figure["id"]
        assert note.get_text() == figure["related"]["note"][language], figure["id"]


@pytest.mark.parametrize("language", HOMES)
def test_the_home_pages_part_links_land_on_their_parts(site, language):
    # Each part of the speech, as the home page lists it, links to the heading of that part in
    # the full text: the link's words are the heading's words, in the speech's order of parts.
    speech = yaml.safe_load((ROOT / "data/speech.yaml").read_text(encoding="utf-8"))
    home, full_text = page(site, HOMES[language] + "index.html"), page(site, HOMES[language] + "speech.html")
    links = [link for link in home.select("article li strong a") if link["href"].startswith("speech.html#")]
    parts = [heading for heading in full_text.select("article h2[id]") if heading["id"] in speech]
    assert len(links) == len(parts) >= 2
    for link, part in zip(links, parts, strict=True):
        assert link["href"] == f"speech.html#{part['id']}"
        heading = part.find(string=True, recursive=False) or part.get_text()
        assert link.get_text() == heading.strip() == speech[part["id"]][language].strip()


@pytest.mark.parametrize("language", HOMES)
def test_every_page_is_named_by_its_title_in_the_navigation_and_the_browser_tab(site, language):
    # One name per page and language: its title in scripts/render/strings/ (年内目标, not 下半年目标).
    titles = yaml.safe_load((ROOT / f"scripts/render/strings/{language}.yaml").read_text(encoding="utf-8"))
    home = page(site, HOMES[language] + "index.html")
    for name in PAGE_NAMES:
        if name == "404":
            continue
        title = titles[name]["title"]
        href = "." if name == "index" else f"{name}.html"
        links = [link.get_text(" ", strip=True) for link in home.select("nav.md-nav--primary a.md-nav__link")
                 if link.get("href", "").removeprefix("./") in {href, f"{name}.html"}]
        assert title in links, (name, links)
        if name != "index":  # the home page's tab shows the site's name alone
            assert page(site, HOMES[language] + f"{name}.html").title.get_text().startswith(f"{title} - "), name
