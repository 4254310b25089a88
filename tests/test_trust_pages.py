"""What a reader sees of the site's arithmetic checks, periods, versions and translator's notes,
checked against data/ read afresh with plain YAML and against arithmetic done here, in exact
fractions, never by the code that rendered the pages."""

from __future__ import annotations

import datetime
import json
import re
from decimal import ROUND_HALF_UP, Decimal, localcontext
from fractions import Fraction
from urllib.parse import urljoin

import pytest
import yaml

from tests.conftest import ROOT
from tests.test_pages_against_data import FIGURES, HOMES, page

RELATIONS = yaml.safe_load((ROOT / "data/relations.yaml").read_text(encoding="utf-8"))
VERSIONS = yaml.safe_load((ROOT / "data/versions.yaml").read_text(encoding="utf-8"))
SPEECH = yaml.safe_load((ROOT / "data/speech.yaml").read_text(encoding="utf-8"))
BY_ID = {figure["id"]: figure for figure in FIGURES}
COMPUTED_MARK = {"zh": "（计算值，非讲话原文）", "en": "(computed, not in the speech)"}

HAN = re.compile(r"[\u4e00-\u9fff]")


def days(period: str) -> int:
    """Days of a year or half-year, by the calendar: 2024 is a leap year."""
    year, _, half = period.partition("-")
    first = datetime.date(int(year), 1, 1)
    middle = datetime.date(int(year), 7, 1)
    last = datetime.date(int(year) + 1, 1, 1)
    return {"": last - first, "H1": middle - first, "H2": last - middle}[half].days


def exact(relation: dict) -> Fraction:
    values = [Fraction(str(BY_ID[figure_id]["value"])) for figure_id in relation["inputs"]]
    return {
        "share": lambda: values[0] / values[1] * 100,
        "days": lambda: values[0] / 100 * days(str(relation.get("days_of"))),
        "sum": lambda: sum(values),
        "difference": lambda: values[0] - values[1],
        "base": lambda: values[0] / (1 + values[1] / 100),
        "total": lambda: values[0] / (values[1] / 100),
        "rest": lambda: values[0] - values[1] / 100 * days(str(relation.get("days_of"))),
    }[relation["kind"]]()


def whole_days(relation: dict) -> tuple[int, int] | None:
    """For a number of days (kinds days and rest), the whole days it can be: its share, written
    to d decimals, stands for anything within half a unit of the last decimal."""
    if relation["kind"] not in ("days", "rest"):
        return None
    share = BY_ID[relation["inputs"][-1]]["value"]
    half = Fraction(1, 2 * 10 ** written_decimals(share))
    total = days(str(relation["days_of"]))
    low, high = (Fraction(str(share)) - half) * total / 100, (Fraction(str(share)) + half) * total / 100
    low, high = -((-low.numerator) // low.denominator), high.numerator // high.denominator  # ceiling, floor
    if relation["kind"] == "rest":
        whole = BY_ID[relation["inputs"][0]]["value"]
        low, high = whole - high, whole - low
    return low, high


def written_decimals(value) -> int:
    text = str(value)
    return len(text.split(".")[1]) if "." in text else 0


def rounded(value: Fraction, decimals: int) -> str:
    with localcontext() as context:
        context.prec = 50
        number = Decimal(value.numerator) / Decimal(value.denominator)
        return str(number.quantize(Decimal(1).scaleb(-decimals), rounding=ROUND_HALF_UP))


def shown_decimals(relation: dict) -> int:
    own = relation.get("decimals", 2)
    return max(own, written_decimals(BY_ID[relation["stated"]]["value"])) if relation.get("stated") else own


def check_section(site, language: str, relation_id: str):
    html = page(site, HOMES[language] + "checks.html")
    heading = html.select_one(f"h2#check-{relation_id}")
    assert heading is not None, f"no section for {relation_id}"
    return heading.find_next_sibling("div", class_="check")


@pytest.mark.parametrize("relation", RELATIONS, ids=[relation["id"] for relation in RELATIONS])
def test_each_relation_shows_the_value_computed_here_marked_as_computed(site, relation):
    expected = rounded(exact(relation), shown_decimals(relation))
    if (span := whole_days(relation)) is not None:
        expected = f"{span[0]}–{span[1]}" if span[0] != span[1] else str(span[0])
    for language in HOMES:
        table = check_section(site, language, relation["id"])
        value = table.select_one(".value").get_text()
        if language == "zh" or relation["kind"] in ("share", "days", "rest", "difference"):
            assert value.replace(",", "").startswith(expected), (language, value, expected)
        assert COMPUTED_MARK[language] in table.get_text()
        links = [link["href"] for link in table.select("ul.inputs a.source-link")]
        assert links == [f"speech.html#{BY_ID[figure_id]['source']['sentence']}" for figure_id in relation["inputs"]]


def test_the_speech_figures_that_differ_beyond_rounding_are_the_known_one(site):
    """1,546 of 1,553 is 99.549...% (the speech: 99.54%). 97% of 2024's 366 days is 355.02, but a
    share given to the whole percent is 96.5% to 97.5%, 354 to 356 days: the speech's 354 agrees."""
    assert rounded(Fraction(1546, 1553) * 100, 3) == "99.549"
    assert rounded(Fraction(97, 100) * 366, 2) == "355.02"
    differing = []
    for relation in RELATIONS:
        if not relation.get("stated"):
            continue
        computed, stated = exact(relation), Fraction(str(BY_ID[relation["stated"]]["value"]))
        span = whole_days(relation)
        agrees = computed >= stated if relation.get("at_least") else \
            span[0] <= stated <= span[1] if span else \
            rounded(computed, written_decimals(BY_ID[relation["stated"]]["value"])) == str(BY_ID[relation["stated"]]["value"])
        result = check_section(site, "en", relation["id"]).get_text()
        assert ("Differs beyond the rounding" in result) == (not agrees)
        if not agrees:
            differing.append(relation["id"])
            assert relation["note"]["en"] in result
            assert relation["note"]["zh"] in check_section(site, "zh", relation["id"]).get_text()
    assert differing == ["service-hall-share"]


@pytest.mark.parametrize("language", HOMES)
def test_a_figure_whose_arithmetic_differs_has_the_note_beside_it_and_a_link_to_the_check(site, language):
    html = page(site, HOMES[language] + "results.html")
    row = html.select_one("tr#figure-service-hall-rate-2024")
    note = row.find_next_sibling("tr")
    assert "note-row" in note["class"]
    relation = next(relation for relation in RELATIONS if relation["id"] == "service-hall-share")
    assert relation["note"][language] in note.get_text()
    assert row.select_one("a.check-link")["href"] == "checks.html#check-service-hall-share"


def test_downloads_carry_the_computed_values_as_derived_records(site):
    records = json.loads((site.directory / "downloads/figures.json").read_text(encoding="utf-8"))
    figures = [record for record in records["figures"] if not record["derived"]]
    derived = [record for record in records["figures"] if record["derived"]]
    assert [record["id"] for record in figures] == [figure["id"] for figure in FIGURES]
    assert [record["id"] for record in derived] == [relation["id"] for relation in RELATIONS]
    for record, relation in zip(derived, RELATIONS, strict=True):
        assert record["inputs"] == " ".join(relation["inputs"]) and record["formula"]
        assert rounded(Fraction(str(record["value"])), shown_decimals(relation)) == \
            rounded(exact(relation), shown_decimals(relation))
        assert record["sentence"] == "" and record["quote"] == ""
        # Each language's words in its own field: the labels as data/relations.yaml has them,
        # the English value without Chinese, the Chinese value in Chinese where its unit has a word.
        assert (record["label_zh"], record["label_en"]) == (relation["label"]["zh"], relation["label"]["en"])
        assert not HAN.search(record["value_en"]), record["id"]
        assert record["unit"] == "percent" or HAN.search(record["value_zh"]), record["id"]


def test_downloads_carry_the_headline_flag_notes_second_sources_and_the_version(site):
    records = json.loads((site.directory / "downloads/figures.json").read_text(encoding="utf-8"))
    by_id = {record["id"]: record for record in records["figures"] if not record["derived"]}
    for figure in FIGURES:
        record = by_id[figure["id"]]
        assert record["headline"] is figure.get("headline", False)
        assert record["note_en"] == (figure["related"]["note"]["en"] if figure.get("related") else "")
        assert record["also_sentences"] == " ".join(source["sentence"] for source in figure.get("also_in", []))
        assert record["data_version"] == VERSIONS[0]["version"]
    assert by_id["major-project-task-forces"]["also_sentences"] == "p19-s21"
    assert records["version"] == VERSIONS[0]["version"] and records["version_date"] == str(VERSIONS[0]["date"])
    package = json.loads((site.directory / "downloads/datapackage.json").read_text(encoding="utf-8"))
    assert package["version"] == VERSIONS[0]["version"]
    assert f"Data version {VERSIONS[0]['version']}" in records["citation"]
    csv_text = (site.directory / "downloads/figures.csv").read_text(encoding="utf-8-sig")
    header = csv_text.splitlines()[0].split(",")
    assert {"derived", "headline", "note_zh", "note_en", "also_sentences", "formula", "inputs", "data_version"} <= set(header)


@pytest.mark.parametrize("language", HOMES)
def test_the_citation_carries_the_data_version_and_its_date(site, language):
    citation = page(site, HOMES[language] + "downloads.html").select_one("p.citation").get_text()
    version, day = VERSIONS[0]["version"], VERSIONS[0]["date"]
    assert (f"数据版本{version}（{day.year}年{day.month}月{day.day}日）" if language == "zh" else
            f"Data version {version} ({day:%B} {day.day}, {day.year})") in citation


@pytest.mark.parametrize("language", HOMES)
def test_every_page_cites_and_shows_the_current_version_with_its_date(site, language):
    version, day = VERSIONS[0]["version"], VERSIONS[0]["date"]
    if language == "zh":
        cited = footer = f"数据版本{version}（{day.year}年{day.month}月{day.day}日）"
    else:
        cited, footer = (f"data version {version} ({day:%B} {day.day}, {day.year})",
                         f"Data version {version}, {day:%B} {day.day}, {day.year}")
    document = yaml.safe_load((ROOT / "data/document.yaml").read_text(encoding="utf-8"))
    published, posted = document["published"], document["published"]["posted"]
    speech = (f"{published['publisher']['zh']}，{posted.year}年{posted.month}月{posted.day}日，{published['url']}"
              if language == "zh" else
              f"published by the {published['publisher']['en']}, {posted:%B} {posted.day}, {posted.year}, {published['url']}")
    for name in ("index.html", "results.html", "about.html"):
        html = page(site, HOMES[language] + name)
        assert cited in html.select_one("p.cite-this").get_text(), name
        assert speech in html.select_one("p.cite-this").get_text(), name
        link = html.select_one("footer").find("a", string=footer)["href"]
        base = f"https://example.org/site/{HOMES[language]}"
        assert urljoin(base + name, link) == base + "changes.html", name


@pytest.mark.parametrize("language", HOMES)
def test_what_changed_lists_every_version_with_every_change(site, language):
    html = page(site, HOMES[language] + "changes.html")
    for version in VERSIONS:
        heading = html.select_one(f"h2#version-{version['version'].replace('.', '-')}")
        assert heading is not None and version["version"] in heading.get_text()
        items = heading.find_next_sibling("ul", class_="changes").select("li")
        assert [item.get_text() for item in items] == [change[language] for change in version["changes"]]


@pytest.mark.parametrize("language", HOMES)
def test_only_targets_and_floors_are_in_the_targets_tables(site, language):
    html = page(site, HOMES[language] + "targets.html")
    in_targets = [row["id"].removeprefix("figure-") for row in html.select("div.targets tr[id^=figure-]")]
    assert in_targets and all(BY_ID[figure_id]["kind"] in ("target", "threshold") for figure_id in in_targets)
    others = [row["id"].removeprefix("figure-") for row in html.select("div.figures:not(.targets) tr[id^=figure-]")]
    assert "agricultural-development-fund" in others and BY_ID["agricultural-development-fund"]["kind"] == "allocation"


def test_no_figure_is_first_half_unless_its_sentence_or_the_one_it_continues_says_so():
    for figure in FIGURES:
        stating = figure["source"].get("period_in", figure["source"]["sentence"])
        says = "上半年" in SPEECH[stating]["zh"]
        assert (figure["period"] == "2024-H1") == says, figure["id"]


def test_the_task_forces_are_one_figure_linked_to_both_sentences(site):
    assert [figure["id"] for figure in FIGURES if figure["value"] == 31] == ["major-project-task-forces"]
    row = page(site, "results.html").select_one("tr#figure-major-project-task-forces")
    assert [link["href"] for link in row.select("a.source-link")] == ["speech.html#p09-s02", "speech.html#p19-s21"]


@pytest.mark.parametrize("language", HOMES)
def test_a_translators_note_follows_its_english_sentence_only(site, language):
    noted = [sentence_id for sentence_id, sentence in SPEECH.items() if sentence.get("note")]
    assert noted == ["p24-s07"]
    html = page(site, HOMES[language] + "speech.html")
    note = html.select_one("#p24-s07 .translator-note")
    if language == "en":
        assert note is not None and note.get_text() == f"[{SPEECH['p24-s07']['note']}]"
        assert "pun" not in SPEECH["p24-s07"]["en"]
    else:
        assert note is None
    parallel = page(site, HOMES[language] + "parallel.html")
    assert parallel.select_one(".parallel-en [data-sentence=p24-s07] .translator-note") is not None
    assert parallel.select_one(".parallel-zh [data-sentence=p24-s07] .translator-note") is None
