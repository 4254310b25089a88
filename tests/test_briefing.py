"""The briefing as a reader gets it: the main points and their numbers, every key figure with its
period, where the speech was published (on About and in every citation), what became of each
target by the year's end, the arithmetic checks' summary, and "report an error" with the item
filled in. Expectations come from data/ read afresh and from the other pages of the built site,
never from the functions that rendered these."""

from __future__ import annotations

import json
import re
from decimal import Decimal
from urllib.parse import parse_qs, urlsplit

import pytest
import yaml
from bs4 import BeautifulSoup

from tests.conftest import ROOT

HOMES = {"zh": "", "en": "en/"}
STRINGS = {language: yaml.safe_load((ROOT / f"scripts/render/strings/{language}.yaml").read_text(encoding="utf-8"))
           for language in HOMES}


def data(name: str):
    return yaml.safe_load((ROOT / "data" / name).read_text(encoding="utf-8"))


DOCUMENT, FIGURES, POINTS = data("document.yaml"), data("figures.yaml"), data("points.yaml")
OUTCOMES, SOURCES, PERIODS = data("outcomes.yaml"), data("sources.yaml"), data("periods.yaml")
RELATIONS, SPEECH = data("relations.yaml"), data("speech.yaml")
BY_ID = {figure["id"]: figure for figure in FIGURES}
TASKS = {topic["id"] for topic in data("topics.yaml") if topic["group"] == "tasks"}
# The speech's targets, as the Targets page lists them: the targets and floors of part two.
TARGETS = [figure for figure in FIGURES if figure["kind"] in ("target", "threshold") and figure["topic"] in TASKS]
PERIOD_NAMES = {language: {period["id"]: period[language] for period in PERIODS} for language in HOMES}
REFERENCE = re.compile(r"\{([^{}]*)\}")


def page(site, path: str) -> BeautifulSoup:
    return BeautifulSoup((site.directory / path).read_text(encoding="utf-8"), "html.parser")


def figure_values(site, language: str) -> dict[str, tuple[str, str]]:
    """Each figure's value as its table row on the results or targets page shows it, and that row's address."""
    values = {}
    for name in ("results.html", "targets.html"):
        for row in page(site, HOMES[language] + name).select("tr[id^=figure-]"):
            values[row["id"].removeprefix("figure-")] = (row.select_one(".value").get_text(), f"{name}#{row['id']}")
    return values


# The main points -------------------------------------------------------------------------------


@pytest.mark.parametrize("language", HOMES)
@pytest.mark.parametrize("name", ["index.html", "brief.html"])
def test_the_main_points_show_the_values_of_the_figures_they_cite(site, language, name):
    """Each point, in data order, with each of its numbers the cited figure's value as its table
    row shows it, linked to that row; and no number of its own."""
    values = figure_values(site, language)
    items = page(site, HOMES[language] + name).select(".main-points li")
    ordered = [point for kind in ("reports", "asks") for point in POINTS if point["kind"] == kind]
    assert len(items) == len(ordered)
    for item, point in zip(items, ordered):
        cited = REFERENCE.findall(point[language])
        links = item.select("a.point-figure")
        assert [(link.get_text(), link["href"]) for link in links] == [values[figure_id] for figure_id in cited], \
            point[language]
        own_words = "".join(text for text in REFERENCE.split(point[language])[::2])
        assert item.get_text() == "".join(
            piece if index % 2 == 0 else values[piece][0]
            for index, piece in enumerate(REFERENCE.split(point[language]))), own_words
        if language == "zh":
            for link, figure_id in zip(links, cited):
                assert str(BY_ID[figure_id]["value"]) in link.get_text(), figure_id


def test_each_point_names_the_periods_of_its_figures_in_their_words():
    """The data itself: every point names, in each language, the period of every figure it cites."""
    words = {period["id"]: period.get("words") for period in PERIODS}
    for point in POINTS:
        for language in HOMES:
            text = point[language].casefold()
            for figure_id in REFERENCE.findall(point[language]):
                period = BY_ID[figure_id]["period"]
                assert any(word.casefold() in text for word in words[period][language]), (figure_id, point[language])


# Key figures and their periods -----------------------------------------------------------------


@pytest.mark.parametrize("language", HOMES)
def test_the_brief_gives_each_key_figure_its_period_and_whole_year(site, language):
    rows = page(site, HOMES[language] + "brief.html").select(".brief-table")[0].select("tbody tr")
    headline = [figure for figure in FIGURES if figure.get("headline")]
    assert len(rows) == len(headline)
    answered = {outcome["figure"]: outcome for outcome in OUTCOMES if outcome.get("figure")}
    for row, figure in zip(rows, headline):
        cells = row.find_all("td")
        assert row.th.get_text() == figure["label"][language]
        assert cells[1].get_text() == PERIOD_NAMES[language][figure["period"]], figure["id"]
        outcome = answered.get(figure["id"])
        assert (PERIOD_NAMES[language][outcome["period"]] in cells[2].get_text()) if outcome else cells[2].get_text() == ""


def test_link_preview_cards_show_each_key_figure_s_period_and_whole_label():
    """What each card draws (value, label, period), and that no label is cut with the font this machine has."""
    from scripts.build.generate import load_site_data
    from scripts.render.cards import font, wrapped
    from scripts.render.page import card_of

    site = load_site_data()
    headline = [figure for figure in FIGURES if figure.get("headline")]
    for language in HOMES:
        for name in ("index", "brief"):
            card = card_of(name, language, site)
            assert [(label, period) for _, label, period in card.figures] == [
                ((figure.get("card_label") or figure["label"])[language], PERIOD_NAMES[language][figure["period"]])
                for figure in headline[:4]]
        for figure in headline:
            label = (figure.get("card_label") or figure["label"])[language]
            lines = wrapped(label, font(24), (1200 - 2 * 64) // 2 - 24, 2)
            assert "".join(lines).replace(" ", "") == label.replace(" ", ""), (figure["id"], lines)


def test_a_link_preview_card_draws_each_period_beside_its_value():
    """The same card drawn without its periods differs in each figure's row, and only there."""
    import dataclasses
    import io

    from PIL import Image, ImageChops

    from scripts.build.generate import load_site_data
    from scripts.render.cards import card_png
    from scripts.render.page import card_of

    card = card_of("index", "en", load_site_data())
    bare = dataclasses.replace(card, figures=tuple((value, label, "") for value, label, _ in card.figures))
    drawn, without = (Image.open(io.BytesIO(card_png(each))).convert("RGB") for each in (card, bare))
    difference = ImageChops.difference(drawn, without)
    for column in ((0, 600), (600, 1200)):  # each column of figures has its periods drawn
        left, top, right, bottom = difference.crop((column[0], 0, column[1], 630)).getbbox()
        assert 250 < top and bottom < 560, (column, top, bottom)  # below the title, above the footer


# Where the speech was published --------------------------------------------------------------


@pytest.mark.parametrize("language", HOMES)
def test_about_says_where_the_speech_was_published_who_keeps_the_site_and_how_to_report(site, language):
    about = page(site, HOMES[language] + "about.html")
    article = about.select_one("article")
    published = DOCUMENT["published"]
    assert article.find("a", href=published["url"]).get_text() == published["url"]
    text = article.get_text()
    for field in ("publisher", "website", "column"):
        assert published[field][language] in text, field
    assert DOCUMENT["source"]["sha256"] in text and DOCUMENT["keeper"][language] in text
    assert article.select_one("#report") is not None and article.select("a.report-link")


def test_every_citation_carries_the_publication_address(site):
    url = DOCUMENT["published"]["url"]
    for path in site.html_pages():
        if path.name != "404.html":
            assert url in BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser").select_one(".cite-this").get_text(), path
    for language in HOMES:
        downloads = page(site, HOMES[language] + "downloads.html")
        assert url in downloads.select_one("p.citation").get_text()
        bibtex, csl = (downloads.select_one(f"#{format} + pre code").get_text() for format in ("bibtex", "csl-json"))
        reference = downloads.select_one("code.gbt7714")
        if language == "zh":  # the form a Chinese reader pastes: an online dataset, with the page's address
            assert "[DS/OL]" in reference.get_text() and reference.get_text().rstrip(".").endswith("downloads.html")
        else:
            assert reference is None
        assert url.replace("_", r"\_") in bibtex
        [item] = json.loads(csl)
        assert item["source"] == url and item["original-publisher"] == DOCUMENT["published"]["publisher"]["zh"]
        assert url in page(site, HOMES[language] + "brief.html").select_one("article").get_text()
        home = page(site, HOMES[language] + "index.html")
        assert home.select_one("article").find("a", href=url) is not None
    figures = json.loads((site.directory / "downloads/figures.json").read_text(encoding="utf-8"))
    assert figures["published"]["url"] == url and url in figures["citation"]


# What became of the targets --------------------------------------------------------------------

STATUS_WORDS = {"zh": {"met": "已实现", "not-met": "未实现", "no-comparable-outcome": "未见可比结果"},
                "en": {"met": "Met", "not-met": "Not met", "no-comparable-outcome": "No comparable outcome published"}}
# How a target's Chinese compares an outcome with it, word by word (the page states the same rules).
AT_LEAST, ABOVE, AT_MOST = ("以上", "不低于"), ("突破",), ("以内", "控制在", "不超过")


def in_base_unit(value, unit: str) -> Decimal:
    """10,000 head -> x 10,000; 100 million yuan -> x 100,000,000; else x 1."""
    number = Decimal(str(value))
    if unit.startswith("10,000 "):
        return number * 10_000
    if unit.startswith("100 million "):
        return number * 100_000_000
    return number


def expected_status(target: dict) -> str:
    """The status recomputed here from the data: the outcome (less the figure for the part of the
    year before, if it names one) against the target, as the target's Chinese words compare them."""
    outcome = next((outcome for outcome in OUTCOMES if outcome.get("figure") == target["id"]), None)
    if outcome is None or outcome.get("status") == "no-comparable-outcome":
        return "no-comparable-outcome"
    value = in_base_unit(outcome["value"], outcome["unit"])
    if outcome.get("since"):
        since = BY_ID[outcome["since"]]
        value -= in_base_unit(since["value"], since["unit"])
    goal, quote = in_base_unit(target["value"], target["unit"]), target["source"]["quote"]
    if any(word in quote for word in AT_MOST):
        met = value <= goal
    elif "左右" in quote:
        met = abs(value - goal) <= goal * Decimal("0.05")
    elif any(word in quote for word in ABOVE):
        met = value > goal
    else:  # 以上, 不低于, or a number to reach
        met = value >= goal
    return "met" if met else "not-met"


def test_the_statuses_recomputed_here_are_the_statuses_the_data_states():
    stated = {outcome["figure"]: outcome["status"] for outcome in OUTCOMES if outcome.get("status")}
    assert {figure_id: expected_status(BY_ID[figure_id]) for figure_id in stated} == stated


@pytest.mark.parametrize("language", HOMES)
def test_each_target_shows_one_of_the_three_statuses_as_recomputed_from_the_data(site, language):
    rows = page(site, HOMES[language] + "outcomes.html").select(".outcome-targets tbody tr:not(.note-row)")
    shown = {}
    for row in rows:
        target_id = row.th.a["href"].split("#figure-")[1]
        [status] = row.select(".status")
        shown[target_id] = status.get_text()
    assert shown == {target["id"]: STATUS_WORDS[language][expected_status(target)] for target in TARGETS}


@pytest.mark.parametrize("language", HOMES)
@pytest.mark.parametrize("name", ["index.html", "brief.html", "outcomes.html"])
def test_the_count_of_targets_per_status_is_the_count_of_rows(site, language, name):
    counts = {status: sum(expected_status(target) == status for target in TARGETS) for status in STATUS_WORDS[language]}
    line = page(site, HOMES[language] + name).select_one(".status-counts").get_text()
    assert str(len(TARGETS)) in line
    for status, count in counts.items():
        assert f"{STATUS_WORDS[language][status]}{'：' if language == 'zh' else ': '}{count}" in line, (status, line)


@pytest.mark.parametrize("language", HOMES)
def test_the_brief_lists_every_target_of_the_speech_in_speech_order(site, language):
    """The brief's targets table: each target and threshold of the targets' topics, once, in the
    order of data/figures.yaml, each linking to its row on the Targets page."""
    brief = page(site, HOMES[language] + "brief.html")
    [heading] = [h2 for h2 in brief.select("h2") if h2.get_text().strip().rstrip("¶\u2060 ") == STRINGS[language]["brief"]["targets"]]
    rows = heading.find_next("table").select("tbody th a")
    assert [link["href"] for link in rows] == [f"targets.html#figure-{target['id']}" for target in TARGETS]


@pytest.mark.parametrize("language", HOMES)
def test_a_second_half_target_shows_the_rest_of_the_year_as_computed(site, language):
    for outcome in (outcome for outcome in OUTCOMES if outcome.get("since")):
        row = page(site, HOMES[language] + "outcomes.html").select_one(f"tr#outcome-{outcome['id']}")
        since = BY_ID[outcome["since"]]
        rest = outcome["value"] - since["value"]
        computed = row.select_one(".computed-rest").get_text()
        assert str(rest) in computed and str(since["value"]) in computed
        assert row.select_one(".computed-mark") is not None


@pytest.mark.parametrize("language", HOMES)
def test_every_outcome_names_its_source_and_every_source_its_address_and_dates(site, language):
    outcomes = page(site, HOMES[language] + "outcomes.html")
    for source in SOURCES:
        item = outcomes.select_one(f"#source-{source['id']}")
        assert item.find("a", href=source["url"]) is not None
        assert source["title"][language] in item.get_text()
    for outcome in OUTCOMES:
        row = outcomes.select_one(f"tr#outcome-{outcome['id']}")
        assert row is not None, outcome["id"]
        assert row.select_one("a.outcome-source-link")["href"].endswith(f"#source-{outcome['source']}")


# How an outcome's value reads, in each unit outcomes.yaml uses: the Chinese number and unit (the
# unit as the figure it answers is written on its own row: 96家 beside 30家以上), the English amount.
def outcome_text(value, unit: str, language: str, written_beside: str | None = None) -> str:
    if language == "zh":
        unit_word = re.sub(r"^突破|^第|[\d.]+|以上$|余", "", written_beside) if written_beside else None
        return f"{value}{unit_word or {'percent': '%', 'item': '个', '100 million yuan': '亿元'}[unit]}"
    if unit == "100 million yuan":
        yuan = Decimal(str(value)) * 100_000_000
        return f"{float(yuan) / 1e9:g} billion yuan" if yuan >= 10**9 else f"{float(yuan) / 1e6:g} million yuan"
    return f"{value}%" if unit == "percent" else str(value)


@pytest.mark.parametrize("language", HOMES)
def test_every_outcome_shows_its_value_and_unit_in_the_page_language(site, language):
    outcomes = page(site, HOMES[language] + "outcomes.html")
    rows = figure_values(site, language)
    for outcome in (outcome for outcome in OUTCOMES if outcome.get("value") is not None):
        vintage = outcomes.select_one(f"tr#outcome-{outcome['id']} .vintage")  # in the outcome's own cell
        assert vintage.get_text() in {"预计数", "初步数", "最终数", "estimate", "preliminary", "final"}
        value = vintage.parent.select_one(".value").get_text()
        figure = BY_ID.get(outcome.get("figure") or "")
        beside = rows[figure["id"]][0] if figure and figure["unit"] == outcome["unit"] else None
        assert value == outcome_text(outcome["value"], outcome["unit"], language, beside), outcome["id"]
    # An outcome without a figure says so where the figure would be, never an empty cell.
    said = {"zh": "未给出同一口径的数字（见说明）", "en": "No figure of this measure (see the note)"}[language]
    without = [outcome for outcome in OUTCOMES if outcome.get("value") is None]
    assert without  # test setup: the data has such an outcome
    for outcome in without:
        row = outcomes.select_one(f"tr#outcome-{outcome['id']}")
        assert row.select_one(".no-value").get_text() == said and row.select_one(".value").get_text(), outcome["id"]


def test_the_outcome_downloads_carry_every_source_field(site):
    import csv
    import io

    rows = list(csv.DictReader(io.StringIO((site.directory / "downloads/outcomes.csv").read_text(encoding="utf-8-sig"))))
    sources = {source["id"]: source for source in SOURCES}
    assert [row["id"] for row in rows] == [outcome["id"] for outcome in OUTCOMES]
    for row, outcome in zip(rows, OUTCOMES):
        source = sources[outcome["source"]]
        assert (row["source_url"], row["source_posted"], row["source_delivered"]) == \
            (source["url"], str(source["posted"]), str(source.get("delivered") or ""))
        assert (row["source_title_zh"], row["source_publisher_en"]) == (source["title"]["zh"], source["publisher"]["en"])
        target = BY_ID.get(outcome.get("figure") or "")
        assert row["status"] == (expected_status(target) if target and target["kind"] == "target" else "")
    payload = json.loads((site.directory / "downloads/outcomes.json").read_text(encoding="utf-8"))
    assert {item["figure"]: item["status"] for item in payload["targets"]} == \
        {target["id"]: expected_status(target) for target in TARGETS}


# The arithmetic checks' summary ---------------------------------------------------------------


@pytest.mark.parametrize("language", HOMES)
def test_the_checks_page_opens_with_one_table_of_every_check_and_its_verdict(site, language):
    article = page(site, HOMES[language] + "checks.html").select_one("article")
    first_table = article.find("table")
    rows = first_table.select("tbody tr")
    assert [row.th.a["href"] for row in rows] == [f"#check-{relation['id']}" for relation in RELATIONS]
    counts = article.select_one(".verdict-counts")
    assert counts.find_next("table") is first_table  # the count per verdict comes before the table
    verdicts = [row.select_one(".verdict")["class"][1] for row in rows]
    for verdict in set(verdicts):
        word = counts.select_one(f".{verdict}").get_text()
        assert f"{word}{'：' if language == 'zh' else ': '}{verdicts.count(verdict)}" in counts.get_text()
    # Each check's stated value is its stated figure's, as the figure's own row shows it.
    values = figure_values(site, language)
    for row, relation in zip(rows, RELATIONS):
        stated = row.find_all("td")[1]
        assert (stated.select_one(".value").get_text() == values[relation["stated"]][0]) if relation.get("stated") \
            else stated.select_one(".value") is None


def test_english_formulas_are_in_the_units_of_the_inputs_beside_them(site):
    """An input shown as "29,600 head" is 29,600 in the formula, not 2.96 (its count of 10,000)."""
    article = page(site, "en/checks.html").select_one("article")
    for relation in RELATIONS:
        block = article.select_one(f"#check-{relation['id']}").find_next("table")
        formula = block.select_one("code.formula").get_text()
        for item in block.select("ul.inputs li"):
            number = re.search(r"\d[\d,.]*(?: (?:million|billion))?", item.select_one(".value").get_text())[0]
            assert number in formula, (relation["id"], number, formula)


# Report an error -------------------------------------------------------------------------------

FORM = ROOT / ".github" / "ISSUE_TEMPLATE" / "report-an-error.yml"
# The issue's title, in the page's language, names the item (the interface strings' report.title).
REPORT_TITLES = {"zh": "本站错误：{item}", "en": "Error on the site: {item}"}


def report_query(link) -> dict[str, str]:
    parts = urlsplit(link["href"])
    assert parts.scheme == "https" and parts.path.endswith("/issues/new"), link["href"]
    return {name: values[0] for name, values in parse_qs(parts.query).items()}


def test_the_report_form_has_the_fields_the_links_fill_in():
    form = yaml.safe_load(FORM.read_text(encoding="utf-8"))
    fields = {item["id"] for item in form["body"] if "id" in item}
    assert {"page", "item", "evidence"} <= fields


@pytest.mark.parametrize("language", HOMES)
def test_every_figure_row_offers_report_an_error_with_its_id_filled_in(site, language):
    for name in ("results.html", "targets.html"):
        path = HOMES[language] + name
        for row in page(site, path).select("tr[id^=figure-]"):
            query = report_query(row.select_one("a.report-link"))
            assert query["template"] == FORM.name
            assert (query["item"], query["page"]) == (row["id"], site.url + path)
            assert query["title"] == REPORT_TITLES[language].format(item=row["id"])


@pytest.mark.parametrize("language", HOMES)
def test_a_sentence_s_permalink_offers_report_an_error_for_that_sentence(reader_page, language):
    target, other = "p20-s03", "p20-s04"
    tab = reader_page(f"{HOMES[language]}speech.html#{target}")
    link = tab.locator(f"#{target} + a.report-link")
    assert link.is_visible()
    query = report_query(BeautifulSoup(link.evaluate("element => element.outerHTML"), "html.parser").a)
    assert query["item"] == target and query["page"].endswith(f"{HOMES[language]}speech.html")
    assert not tab.locator(f"#{other} + a.report-link").is_visible()  # only the sentence linked to
    assert target in SPEECH and other in SPEECH
