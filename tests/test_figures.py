"""The figures dataset: every figure sourced and verbatim, every number accounted for, bad input
reported precisely, and the pages, charts and downloads built from it."""

import csv
import io
import json
import re
from collections import Counter
from decimal import Decimal

import pytest
from bs4 import BeautifulSoup

from scripts.figures import display_value, value_text
from scripts.generate import DataError, load_site_data
from scripts.numbers import mentions
from scripts.quantity import figure_amount
from tests.conftest import ROOT
from tests.test_validation import edit, line_of

FIGURES = "data/figures.yaml"


@pytest.fixture(scope="module")
def data():
    return load_site_data(ROOT)


def test_every_figure_is_quoted_verbatim_from_its_sentence(data):
    assert len(data.figures) > 100
    for figure in data.figures:
        sentence = data.translation[figure.source.sentence].zh
        assert figure.source.quote in sentence, figure.id
        assert value_text(figure.value) in re.findall(r"\d+(?:\.\d+)?", figure.source.quote), figure.id


def test_every_number_of_the_speech_is_a_figure_or_excluded_with_a_reason(data):
    import yaml

    exclusions = yaml.safe_load((ROOT / "data/figures-excluded.yaml").read_text(encoding="utf-8"))
    excluded = Counter((item["sentence"], item["text"]) for item in exclusions)
    assert all(item["reason"].strip() for item in exclusions)
    accounted = total = 0
    for sentence_id, sentence in data.translation.items():
        values = Counter(value_text(figure.value) for figure in data.figures if figure.source.sentence == sentence_id)
        for mention in mentions(sentence.zh):
            total += 1
            if excluded[(sentence_id, mention.chinese)]:
                accounted += 1
                continue
            numbers = re.findall(r"\d+(?:\.\d+)?", mention.chinese)
            assert all(values[number] for number in numbers), (sentence_id, mention.chinese)
            values.subtract(numbers)
            accounted += 1
    assert accounted == total == 126


def test_headline_figures(data):
    headline = {figure.id: figure for figure in data.figures if figure.headline}
    values = sorted((value_text(figure.value), figure.unit) for figure in headline.values())
    assert ("7.1", "percent") in values and ("1", "rank") in values
    assert ("1.4", "percentage point") in values and ("2.0", "percentage point") in values
    assert {("5.9", "percent"), ("42.7", "percent"), ("16", "percent"), ("5.3", "percent")} <= set(values)


def test_the_beef_cattle_target_is_related_to_but_not_based_on_cattle_raised(data):
    by_id = {figure.id: figure for figure in data.figures}
    target = next(figure for figure in data.figures if figure.source.quote.endswith("3.3万头以上") or
                  (value_text(figure.value) == "3.3" and figure.kind == "target"))
    assert target.qualifier == "at-least" and target.period == "2024-year-end"
    assert display_value(target, "en") == "at least 33,000 head"
    cattle = by_id[target.related.figure]
    assert (value_text(cattle.value), cattle.unit, cattle.period) == ("2.96", "10,000 head", "2024-H1")
    assert display_value(cattle, "en") == "29,600 head"
    assert "not" in target.related.note.en.lower() and "不" in target.related.note.zh


def test_english_amounts_are_derived_from_the_unit():
    assert figure_amount(Decimal("5.13"), "10,000 mu") == "51,300 mu (about 3,420 ha)"
    assert figure_amount(Decimal("9.3"), "100 million yuan") == "930 million yuan"
    assert figure_amount(Decimal("8611"), "10,000 yuan") == "86.11 million yuan"
    assert figure_amount(Decimal("6000"), "10,000 jin") == "60 million jin (30,000 tonnes)"
    assert figure_amount(Decimal("2.0"), "percentage point") == "2.0 percentage points"
    assert figure_amount(Decimal("1"), "rank") == "No. 1"


# Bad input: each problem as `data/figures.yaml:LINE: ID: field: problem (expected ...)`.

def problems(project) -> list[str]:
    with pytest.raises(DataError) as raised:
        load_site_data(project)
    return [str(problem) for problem in raised.value.problems]


def first_figure_line(project, text: str) -> int:
    return line_of(project, text, FIGURES)


def test_yaml_syntax_error_in_figures(project):
    edit(project, "  value: 7.1\n", "  value: [7.1\n", FIGURES)
    [problem] = problems(project)
    assert re.match(r"data/figures\.yaml:\d+: YAML syntax error", problem)


def test_duplicate_figure_id(project):
    text = (project / FIGURES).read_text(encoding="utf-8")
    second = re.findall(r"^- id: (\S+)", text, flags=re.MULTILINE)[1]
    edit(project, f"- id: {second}\n", "- id: gdp-growth-h1\n", FIGURES)
    found = problems(project)
    assert any(re.match(r"data/figures\.yaml:\d+: gdp-growth-h1: id: duplicate id", problem) for problem in found)


def test_missing_field_names_the_figure(project):
    edit(project, "  period: 2024-H1\n  basis: year-on-year\n  headline: true\n",
         "  basis: year-on-year\n  headline: true\n", FIGURES)
    line = first_figure_line(project, "- id: gdp-growth-h1")
    assert problems(project) == [f"{FIGURES}:{line}: gdp-growth-h1: period: missing (add this field)"]


def test_wrong_type_names_the_figure(project):
    edit(project, "  value: 7.1\n", "  value: seven\n", FIGURES)
    line = first_figure_line(project, "  value: seven")
    assert problems(project) == [
        f"{FIGURES}:{line}: gdp-growth-h1: value: expected a number, as the speech writes it, found text 'seven'"]


def test_unknown_unit_and_topic(project):
    edit(project, "  unit: percent\n", "  unit: percentage\n", FIGURES)
    edit(project, "  topic: headline\n", "  topic: headlines\n", FIGURES)
    found = problems(project)
    unit_line = first_figure_line(project, "  unit: percentage")
    assert any(problem.startswith(f"{FIGURES}:{unit_line}: gdp-growth-h1: unit: Input should be 'percent'")
               for problem in found)
    edit(project, "  unit: percentage\n", "  unit: percent\n", FIGURES)
    topic_line = first_figure_line(project, "  topic: headlines")
    assert problems(project) == [
        f"{FIGURES}:{topic_line}: gdp-growth-h1: topic: unknown topic 'headlines' (expected one of: "
        "city, environment, government, headline, industry, projects, rural, task-city-countryside, "
        "task-environment, task-industry, task-projects, task-welfare, welfare)"]


def test_quote_not_in_the_speech(project):
    edit(project, "    quote: 全区地区生产总值同比增长7.1%\n", "    quote: 全区生产总值同比增长7.1%\n", FIGURES)
    line = first_figure_line(project, "全区生产总值同比增长7.1%")
    [problem] = problems(project)
    assert problem.startswith(f"{FIGURES}:{line}: gdp-growth-h1: source.quote: '全区生产总值同比增长7.1%' is not in "
                              "sentence p07-s02 (expected words copied exactly from:")


def test_value_not_in_its_quote(project):
    edit(project, "  value: 7.1\n", "  value: 7.2\n", FIGURES)
    line = first_figure_line(project, "  value: 7.2")
    [problem] = problems(project)
    assert problem == (f"{FIGURES}:{line}: gdp-growth-h1: value: 7.2 is not in the quote '全区地区生产总值同比增长7.1%' "
                       "(expected the number exactly as the speech writes it)")


def test_a_number_dropped_from_the_dataset_is_named(project):
    text = (project / FIGURES).read_text(encoding="utf-8")
    start = text.index("- id: gdp-growth-h1")
    end = text.index("\n- id:", start + 1)
    (project / FIGURES).write_text(text[:start] + text[end + 1:], encoding="utf-8")
    found = problems(project)
    assert any(": p07-s02: the number '7.1%' of this sentence is neither a figure nor excluded" in problem
               for problem in found)


def test_html_in_a_label_is_shown_as_text(project):
    from scripts.generate import generate

    edit(project, "    en: Regional GDP, year-on-year growth\n",
         "    en: Regional GDP <script>alert(1)</script> <b>growth</b>\n", FIGURES)
    generate(project)
    for page in ("results.en.md", "index.en.md"):
        html = BeautifulSoup((project / "docs" / page).read_text(encoding="utf-8"), "html.parser")
        assert html.find("script") is None and html.find("b") is None, page
        assert "Regional GDP <script>alert(1)</script> <b>growth</b>" in html.get_text(), page


# The pages, charts and downloads built from the dataset.

LANGUAGE_ROOTS = {"zh": "", "en": "en/"}


def soup(site, page: str) -> BeautifulSoup:
    return BeautifulSoup((site.directory / page).read_text(encoding="utf-8"), "html.parser")


@pytest.mark.parametrize("language", LANGUAGE_ROOTS)
def test_home_page_cards_show_the_headline_figures(site, data, language):
    cards = soup(site, LANGUAGE_ROOTS[language] + "index.html").select(".card")
    headline = [figure for figure in data.figures if figure.headline]
    assert [card.select_one("a.card-main")["href"] for card in cards] == [f"results.html#figure-{figure.id}" for figure in headline]
    assert [card.select_one("a.card-source")["href"] for card in cards] == \
        [f"speech.html#{figure.source.sentence}" for figure in headline]
    assert [card.select_one(".card-value").get_text() for card in cards] == \
        [display_value(figure, language) for figure in headline]


@pytest.mark.parametrize("language", LANGUAGE_ROOTS)
def test_every_figure_is_on_a_page_with_a_link_to_its_sentence(site, data, language):
    pages = [soup(site, LANGUAGE_ROOTS[language] + page) for page in ("results.html", "targets.html")]
    for figure in data.figures:
        rows = [page.find(id=f"figure-{figure.id}") for page in pages]
        [row] = [row for row in rows if row is not None]
        assert row.find("a", href=f"speech.html#{figure.source.sentence}") is not None, figure.id
        assert display_value(figure, language) in row.get_text(), figure.id
        assert figure.source.quote in row.get_text(), figure.id


def test_both_languages_show_the_same_figures(site, data):
    for page in ("results.html", "targets.html"):
        chinese = [row["id"] for row in soup(site, page).select("tr[id^=figure-]")]
        english = [row["id"] for row in soup(site, "en/" + page).select("tr[id^=figure-]")]
        assert chinese == english and chinese


def test_targets_stand_beside_related_first_half_figures_with_what_each_counts(site, data):
    target = next(figure for figure in data.figures if figure.kind == "target" and value_text(figure.value) == "3.3")
    row = soup(site, "en/targets.html").find(id=f"figure-{target.id}")
    assert row.find("a", href=f"results.html#figure-{target.related.figure}") is not None
    assert "29,600 head" in row.get_text() and target.related.note.en in row.get_text()


@pytest.mark.parametrize("language", LANGUAGE_ROOTS)
def test_charts_are_inline_svg_with_title_description_and_data(site, language):
    charts = {}
    for page in ("results.html", "targets.html"):
        for chart in soup(site, LANGUAGE_ROOTS[language] + page).select("figure.chart"):
            charts[chart["id"]] = chart
    assert set(charts) == {"chart-growth", "chart-livestock", "chart-targets"}
    for chart in charts.values():
        svg = chart.find("svg")
        assert svg["role"] == "img" and svg["aria-label"] == chart.figcaption.get_text()
        assert chart.select_one(".chart-description").get_text().strip()
        rows = chart.select(".chart-data tbody tr")
        assert len(rows) >= 3 and all(row.find("a", href=re.compile(r"^speech\.html#p\d\d-s\d\d$")) for row in rows)
        assert "currentColor" in str(svg) and "#000000" not in str(svg)
        assert not svg.find(attrs={"xlink:href": re.compile("^http")}) and "<image" not in str(svg)


def test_downloads_csv_json_and_data_package(site, data):
    folder = site.directory / "downloads"
    raw = (folder / "figures.csv").read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")  # BOM: Excel reads the Chinese as UTF-8
    rows = list(csv.DictReader(io.StringIO(raw.decode("utf-8-sig"))))
    assert len(rows) == len(data.figures)
    gdp = next(row for row in rows if row["id"] == "gdp-growth-h1")
    assert (gdp["value"], gdp["unit"], gdp["sentence"], gdp["quote"]) == ("7.1", "percent", "p07-s02", "全区地区生产总值同比增长7.1%")
    payload = json.loads((folder / "figures.json").read_text(encoding="utf-8"))
    assert len(payload["figures"]) == len(data.figures) and payload["license"] == "CC-BY-4.0"
    assert data.document.source.sha256 in payload["citation"]


def test_data_package_is_valid_frictionless(site):
    from frictionless import Package

    package = Package(str(site.directory / "downloads" / "datapackage.json"))
    report = package.validate()
    assert report.valid, report.flatten(["rowNumber", "fieldName", "type", "note"])
    assert [resource.name for resource in package.resources] == ["figures", "figures-json"]


@pytest.mark.parametrize("language", LANGUAGE_ROOTS)
def test_the_downloads_page_links_the_files(site, language):
    page = soup(site, LANGUAGE_ROOTS[language] + "downloads.html")
    for name in ("figures.csv", "figures.json", "datapackage.json"):
        link = page.find("a", string=name)
        target = (site.directory / LANGUAGE_ROOTS[language] / link["href"]).resolve()
        assert target == (site.directory / "downloads" / name).resolve()


def test_every_page_has_a_cite_this_line(site):
    for path in site.html_pages():
        if path.name == "404.html":
            continue
        cite = BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser").select_one(".cite-this")
        assert cite is not None and site.url in cite.get_text(), path


def test_projects_page_lists_named_projects_with_status_and_investment(site, data):
    page = soup(site, "en/projects.html")
    astaxanthin = next(entry for entry in data.glossary if entry.zh == "虾青素")
    entry = page.find(id=f"entity-{astaxanthin.id}")
    details = entry.find_next_sibling("dd").get_text()
    assert "Construction started" in details and "930 million yuan" in details
    for kind in ("project", "park", "enterprise"):
        for item in (entry for entry in data.glossary if entry.kind == kind):
            assert page.find(id=f"entity-{item.id}") is not None, item.id


def test_schemas_are_published_and_current():
    from scripts.generate import schemas

    for name, text in schemas().items():
        assert (ROOT / "data" / "schema" / name).read_text(encoding="utf-8") == text, \
            f"data/schema/{name} is stale: run .venv/bin/python -m scripts.generate --schema"
    first_line = (ROOT / FIGURES).read_text(encoding="utf-8").splitlines()[0]
    assert first_line == "# yaml-language-server: $schema=schema/figures.schema.json"
