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

from scripts.build.generate import DataError, load_site_data
from scripts.model.figures import display_value, value_text
from scripts.model.numbers import mentions
from scripts.model.quantity import UNITS, figure_amount
from tests.conftest import ROOT
from tests.test_validation import edit, line_of

FIGURES = "data/figures.yaml"


@pytest.fixture(scope="module")
def data():
    return load_site_data(ROOT)


CHINESE_DIGITS = "零一二三四五六七八九"
ENGLISH_WORDS = ("zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine")


def test_every_figure_is_quoted_verbatim_from_its_sentence_in_both_languages():
    """Read from the YAML and the seed, not through the validator: the Chinese quote is in the
    seed and in its sentence and writes the value (in digits, or in the Chinese numeral the figure
    names); the English quote is in the sentence's English and gives the value too."""
    import yaml

    figures = yaml.safe_load((ROOT / "data/figures.yaml").read_text(encoding="utf-8"))
    sentences = yaml.safe_load((ROOT / "data/speech.yaml").read_text(encoding="utf-8"))
    seed = next((ROOT / "seeds").glob("*.txt")).read_text(encoding="utf-8")
    assert len(figures) > 100
    for figure in figures:
        source, value = figure["source"], figure["value"]
        sentence = sentences[source["sentence"]]
        assert source["quote"] in sentence["zh"] and sentence["zh"] in seed, figure["id"]
        written = str(value)  # as the YAML writes it: 2.0 stays 2.0
        if figure.get("numeral"):
            assert figure["numeral"] in source["quote"], figure["id"]
            assert CHINESE_DIGITS.index(figure["numeral"][-1]) == value, figure["id"]
        else:
            assert written in re.findall(r"\d+(?:\.\d+)?", source["quote"]), figure["id"]
        assert source["quote_en"] in sentence["en"], figure["id"]
        english = source["quote_en"].lower()
        assert (written in english or f"{value:,}" in english or "{" + written in english
                or (value < 10 and ENGLISH_WORDS[int(value)] in english)
                or (value == 0 and "no " in english) or (figure["unit"] == "rank" and "first" in english)), figure["id"]


def test_every_number_of_the_speech_is_a_figure_or_excluded_with_a_reason(data):
    import yaml

    exclusions = yaml.safe_load((ROOT / "data/figures-excluded.yaml").read_text(encoding="utf-8"))
    excluded = Counter((item["sentence"], item["text"]) for item in exclusions)
    assert all(item["reason"].strip() for item in exclusions)
    accounted = total = 0
    for sentence_id, sentence in data.translation.items():
        values = Counter(value_text(figure.value) for figure in data.figures
                         for source in (figure.source, *figure.also_in) if source.sentence == sentence_id)
        for mention in mentions(sentence.zh):
            total += 1
            if excluded[(sentence_id, mention.chinese)]:
                accounted += 1
                continue
            numbers = re.findall(r"\d+(?:\.\d+)?", mention.chinese)
            assert all(values[number] for number in numbers), (sentence_id, mention.chinese)
            values.subtract(numbers)
            accounted += 1
    assert accounted == total > len(exclusions)


def test_headline_figures(data):
    headline = {figure.id: figure for figure in data.figures if figure.headline}
    values = sorted((value_text(figure.value), figure.unit) for figure in headline.values())
    assert ("7.1", "percent") in values and ("1", "rank") in values
    assert ("1.4", "percentage point") in values and ("2.0", "percentage point") in values
    assert {("5.9", "percent"), ("42.7", "percent"), ("16", "percent"), ("5.3", "percent")} <= set(values)


def test_a_target_stands_beside_a_figure_so_far_only_of_the_same_measure(data):
    """The year-end beef cattle target (3.3万头以上) is not the cattle raised so far (2.96万头,
    animals in stock plus those sold): another measure, so no figure stands beside it. The
    second half's enterprises in talks (30家以上) is the same measure as the 66 so far."""
    by_id = {figure.id: figure for figure in data.figures}
    target = next(figure for figure in data.figures if figure.source.quote.endswith("3.3万头以上"))
    assert target.qualifier == "at-least" and target.period == "2024-year-end" and target.related is None
    assert display_value(target, "en") == "at least 33,000 head"
    talks = next(figure for figure in data.figures if figure.source.quote.endswith("对接洽谈企业30家以上"))
    so_far = by_id[talks.related.figure]
    assert (value_text(so_far.value), so_far.unit, so_far.period) == ("66", talks.unit, "2024-to-date")
    for figure in data.figures:
        if figure.related:
            assert by_id[figure.related.figure].unit == figure.unit, figure.id


# The Chinese shown for a figure is the speech's own wording, read where the number is written.

def shown_without_qualifier(shown: str) -> tuple[str, list[str]]:
    """3520余万元 -> ("3520余万元", []); 突破3亿元 -> ("3亿元", ["突破"]); 6%以上 -> ("6%", ["以上"])."""
    words = []
    if shown.startswith("突破"):
        shown, words = shown[len("突破"):], ["突破"]
    for word in ("以上", "余"):
        if shown.endswith(word):
            shown, words = shown[:-len(word)], [*words, word]
    return shown, words


def test_every_chinese_value_is_the_speech_s_own_wording(data):
    meaning = {"突破": "exceeds", "余": "more-than", "以上": "at-least"}
    for figure in data.figures:
        quote, number = figure.source.quote, value_text(figure.value)
        if figure.numeral:  # written in a Chinese numeral (“零”火点): shown as the speech writes it
            assert display_value(figure, "zh") == figure.numeral and figure.numeral in quote, figure.id
            continue
        shown, words = shown_without_qualifier(display_value(figure, "zh"))
        written = re.fullmatch(rf"(第?{re.escape(number)}余?)(.+)", shown)
        assert written and written[2] in UNITS[figure.unit][0], (figure.id, shown)
        head, unit = written.groups()
        if "余" in head:
            words.append("余")
        assert {meaning[word] for word in words} == ({figure.qualifier} if figure.qualifier else set()), figure.id
        verbatim = re.search(rf"(?<![\d.]){re.escape(shown)}", quote)
        if verbatim:  # and no longer form of the unit starts after the number (61件次, not 61件)
            longer = [form for form in UNITS[figure.unit][0] if len(form) > len(unit) and form.startswith(unit)]
            assert not any(quote[verbatim.end() - len(unit):].startswith(form) for form in longer), figure.id
        else:  # one unit shared by several numbers: 1.4和2.0个百分点 shows 1.4个百分点
            assert re.search(rf"(?<![\d.]){re.escape(head)}(?:[和、及与]\d+(?:\.\d+)?)+{re.escape(unit)}", quote), \
                (figure.id, shown, quote)


@pytest.mark.parametrize(("number", "quote", "chinese"), [
    ("3520", "累计发放各类补贴资金3520余万元", "3520余万元"),
    ("1000", "覆盖1000余人次", "1000余人次"),
    ("1553", "完成审批服务事项1553件", "1553件"),
    ("1546", "其中进厅事项1546项", "1546项"),
    ("4", "培育康盛石油、天驰家电、宇泰珠宝、顺达通讯4户企业年内实现入统", "4户"),
    ("61", "办理合法性审查61件次", "61件次"),
    ("1", "增速位列全市第1位", "第1位"),
    ("1.4", "分别高于全省和全市平均水平1.4和2.0个百分点", "1.4个百分点"),
    ("2.0", "分别高于全省和全市平均水平1.4和2.0个百分点", "2.0个百分点"),
    ("3", "特色农产品加工收入突破3亿元", "突破3亿元"),
    ("2", "特色种植面积达到2万亩以上", "2万亩以上"),
    ("97", "力争全年优良天数比例达到97%(354天)以上", "97%以上"),
    ("354", "力争全年优良天数比例达到97%(354天)以上", "354天以上"),
])
def test_chinese_values_as_the_speech_words_them(data, number, quote, chinese):
    [figure] = [figure for figure in data.figures
                if figure.source.quote == quote and value_text(figure.value) == number]
    assert display_value(figure, "zh") == chinese


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
    first, duplicate = [number for number, line in enumerate(text.replace(f"- id: {second}\n", "- id: gdp-growth-h1\n").splitlines(), 1)
                        if line == "- id: gdp-growth-h1"]
    assert f"{FIGURES}:{duplicate}: gdp-growth-h1: id: 'gdp-growth-h1' is also the id of the record on line {first}; give each its own id, or merge them" in problems(project)


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
                       "(expected the number exactly as the speech writes it, or the Chinese numeral it writes in `numeral`)")


def test_unit_that_does_not_follow_the_number(project):
    # 亩 is in the quote, but after 5.13 the speech writes 万亩: the unit is '10,000 mu'
    edit(project, "  unit: 10,000 mu\n", "  unit: mu\n", FIGURES)
    line = first_figure_line(project, "  unit: mu")
    assert problems(project) == [
        f"{FIGURES}:{line}: cereals-sown-area-2024: unit: 'mu' is written 亩, which does not follow 5.13 in the quote "
        "'今年种植谷物5.13万亩' (expected the unit of the words right after the number, 余 allowed between them: "
        "see UNITS in scripts/model/quantity.py, e.g. 5.13万亩 is '10,000 mu')"]


@pytest.mark.parametrize(("old", "new", "located_at", "message"), [
    ("  qualifier: more-than\n  source:\n    sentence: p13-s02\n",
     "  qualifier: at-least\n  source:\n    sentence: p13-s02\n", "  qualifier: at-least",
     "subsidies-paid: qualifier: 'at-least' (以上), but the quote writes '3520余万元' (expected qualifier: more-than, "
     "as the speech words it: 余 is more-than, 以上 at-least, 突破 exceeds)"),
    ("  qualifier: more-than\n  source:\n    sentence: p13-s02\n",
     "  source:\n    sentence: p13-s02\n", "- id: subsidies-paid",
     "subsidies-paid: qualifier: missing, but the quote writes '3520余万元' (expected qualifier: more-than, "
     "as the speech words it: 余 is more-than, 以上 at-least, 突破 exceeds)"),
    ("  basis: year-on-year\n  headline: true\n",
     "  basis: year-on-year\n  qualifier: exceeds\n  headline: true\n", "  qualifier: exceeds",
     "gdp-growth-h1: qualifier: 'exceeds' (突破), but the quote writes '7.1%' (expected no qualifier: remove this "
     "field, as the speech words it: 余 is more-than, 以上 at-least, 突破 exceeds)"),
])
def test_qualifier_that_disagrees_with_the_quote(project, old, new, located_at, message):
    edit(project, old, new, FIGURES)
    figure_id = message.split(":")[0]
    lines = (project / FIGURES).read_text(encoding="utf-8").splitlines()
    start = lines.index(f"- id: {figure_id}")
    line = next(number for number, text in enumerate(lines[start:], start + 1) if located_at in text)
    assert problems(project) == [f"{FIGURES}:{line}: {message}"]


def test_a_number_dropped_from_the_dataset_is_named(project):
    text = (project / FIGURES).read_text(encoding="utf-8")
    start = text.index("- id: gdp-growth-h1")
    end = text.index("\n- id:", start + 1)
    (project / FIGURES).write_text(text[:start] + text[end + 1:], encoding="utf-8")
    found = problems(project)
    assert any(": p07-s02: the number '7.1%' of this sentence is neither a figure nor excluded" in problem
               for problem in found)


def test_html_in_a_label_is_shown_as_text(project):
    from scripts.build.generate import generate

    edit(project, "    en: Regional GDP, year-on-year growth\n",
         "    en: GDP <script>alert(1)</script> <b>growth</b>\n", FIGURES)
    generate(project)
    for page in ("results.en.md", "index.en.md"):
        html = BeautifulSoup((project / "docs" / page).read_text(encoding="utf-8"), "html.parser")
        assert html.find("script") is None and html.find("b") is None, page
        assert "GDP <script>alert(1)</script> <b>growth</b>" in html.get_text(), page


# The pages, charts and downloads built from the dataset.

LANGUAGE_ROOTS = {"zh": "", "en": "en/"}


def soup(site, page: str) -> BeautifulSoup:
    return BeautifulSoup((site.directory / page).read_text(encoding="utf-8"), "html.parser")


def test_both_languages_show_the_same_figures(site, data):
    for page in ("results.html", "targets.html"):
        chinese = [row["id"] for row in soup(site, page).select("tr[id^=figure-]")]
        english = [row["id"] for row in soup(site, "en/" + page).select("tr[id^=figure-]")]
        assert chinese == english and chinese


def test_targets_stand_beside_comparable_figures_so_far_with_a_note_on_their_periods(site, data):
    target = next(figure for figure in data.figures if figure.source.quote.endswith("对接洽谈企业30家以上"))
    row = soup(site, "en/targets.html").find(id=f"figure-{target.id}")
    assert row.find("a", href=f"results.html#figure-{target.related.figure}") is not None
    note = row.find_next_sibling("tr")  # the note on their periods: a full-width row under the target
    assert "66" in row.select_one(".cell-block").get_text() and "note-row" in note["class"]
    assert target.related.note.en in note.get_text()
    beef = next(figure for figure in data.figures if figure.source.quote.endswith("3.3万头以上"))
    beside = soup(site, "en/targets.html").find(id=f"figure-{beef.id}").select_one(".cell-block")
    assert beside is None or not beside.get_text().strip()  # no column, or an empty cell


@pytest.mark.parametrize("language", LANGUAGE_ROOTS)
def test_charts_are_bars_of_text_each_linked_to_its_sentence(site, data, language):
    """Each chart of data/charts.yaml: its title, and per figure a label, a value as text, a bar
    whose length is the value's share of the largest, and a source link. No table, no
    description restating the values: the bars are the text."""
    import yaml

    specs = yaml.safe_load((ROOT / "data/charts.yaml").read_text(encoding="utf-8"))
    by_id = {figure.id: figure for figure in data.figures}
    assert specs
    for spec in specs:
        chart = soup(site, LANGUAGE_ROOTS[language] + f"{spec['page']}.html").find(id=f"chart-{spec['id']}")
        assert chart.figcaption.get_text() == spec["title"][language]
        rows = chart.select("li.bar-row")
        figures = [by_id[figure_id] for figure_id in spec["figures"]]
        assert len(rows) == len(figures)
        largest = max(abs(figure.value) for figure in figures)
        page = soup(site, LANGUAGE_ROOTS[language] + f"{spec['page']}.html")
        for row, figure in zip(rows, figures):
            assert row.select_one(".bar-label").get_text() == getattr(figure.label, language)
            # The value as the figure's own table row shows it (checked against data/ in
            # tests/test_pages_against_data.py).
            table_value = page.find(id=f"figure-{figure.id}").select_one(".value").get_text()
            assert row.select_one(".bar-value").get_text() == table_value and value_text(figure.value) in table_value
            width = float(re.search(r"width: ([\d.]+)%", row.select_one(".bar")["style"])[1])
            assert width == pytest.approx(abs(figure.value) / largest * 100, abs=0.01)
            assert row.find("a", href=f"speech.html#{figure.source.sentence}") is not None
        assert not chart.find(["svg", "table"]) and not chart.select(".chart-description")


def test_chart_figures_must_share_unit_period_and_basis(project):
    edit(project, "    - retail-sales-growth-h1\n", "    - retail-sales-growth-h1\n    - gdp-growth-rank-in-city-h1\n",
         "data/charts.yaml")
    line = line_of(project, "    - gdp-growth-rank-in-city-h1", "data/charts.yaml")
    assert problems(project) == [
        f"data/charts.yaml:{line}: growth: figures[5]: 'gdp-growth-rank-in-city-h1' has unit 'rank', but 'gdp-growth-h1' "
        "has 'percent' (a chart's figures must share unit, period and basis; draw the others in a chart of their own)"]


def test_chart_figure_that_does_not_exist(project):
    edit(project, "    - sheep-raised-growth-2024\n", "    - goats-raised-growth-h1\n", "data/charts.yaml")
    line = line_of(project, "    - goats-raised-growth-h1", "data/charts.yaml")
    assert problems(project) == [
        f"data/charts.yaml:{line}: livestock: figures[1]: unknown figure 'goats-raised-growth-h1' "
        "(expected an id from data/figures.yaml)"]


def test_chart_on_a_page_that_shows_no_charts(project):
    edit(project, "  page: results\n", "  page: glossary\n", "data/charts.yaml")
    line = line_of(project, "  page: glossary", "data/charts.yaml")
    [problem] = problems(project)
    assert problem.startswith(f"data/charts.yaml:{line}: growth: page: ") and "'results' or 'targets'" in problem


def test_downloads_csv_json_and_data_package(site, data):
    folder = site.directory / "downloads"
    raw = (folder / "figures.csv").read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")  # BOM: Excel reads the Chinese as UTF-8
    rows = list(csv.DictReader(io.StringIO(raw.decode("utf-8-sig"))))
    assert len([row for row in rows if row["derived"] == "false"]) == len(data.figures)
    gdp = next(row for row in rows if row["id"] == "gdp-growth-h1")
    assert (gdp["value"], gdp["unit"], gdp["sentence"], gdp["quote"]) == ("7.1", "percent", "p07-s02", "全区地区生产总值同比增长7.1%")
    payload = json.loads((folder / "figures.json").read_text(encoding="utf-8"))
    assert len([record for record in payload["figures"] if not record["derived"]]) == len(data.figures)
    assert payload["license"] == "CC-BY-4.0"
    assert data.document.source.sha256 in payload["citation"]


def test_data_package_is_valid_frictionless(site):
    from frictionless import Package

    package = Package(str(site.directory / "downloads" / "datapackage.json"))
    report = package.validate()
    assert report.valid, report.flatten(["rowNumber", "fieldName", "type", "note"])
    assert [resource.name for resource in package.resources] == ["figures", "figures-json", "outcomes", "outcomes-json"]


@pytest.mark.parametrize("language", LANGUAGE_ROOTS)
def test_the_downloads_page_links_the_files(site, language):
    page = soup(site, LANGUAGE_ROOTS[language] + "downloads.html")
    for name in ("figures.csv", "figures.json", "outcomes.csv", "outcomes.json", "datapackage.json"):
        link = page.find("a", string=name)
        target = (site.directory / LANGUAGE_ROOTS[language] / link["href"]).resolve()
        assert target == (site.directory / "downloads" / name).resolve()


def test_every_page_has_a_cite_this_line(site):
    for path in site.html_pages():
        if path.name == "404.html":
            continue
        cite = BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser").select_one(".cite-this")
        assert cite is not None and site.url in cite.get_text(), path


def test_projects_page_has_a_table_per_kind_and_quotes_each_sentence_once(site, data):
    """Projects, then parks and towns, then enterprises, each in a table of its own under its
    heading; every row says what the speech says of it; projects with an investment come first;
    an entry that is the same place as another is named in that one's row, not a row of its own."""
    page = soup(site, "en/projects.html")
    astaxanthin = next(entry for entry in data.glossary if entry.zh == "虾青素")
    row = page.find(id=f"entity-{astaxanthin.id}")
    assert row.name == "tr" and "Construction started" in row.get_text() and "930 million yuan" in row.get_text()
    assert row.th.get_text().startswith("Astaxanthin project")
    assert astaxanthin.said.en in row.get_text()
    kinds = {"project": "kind-project", "park": "kind-park", "enterprise": "kind-enterprise"}
    for entry in data.glossary:
        kind = "project" if entry.status or entry.kind == "project" else entry.kind
        if kind not in kinds:
            continue
        if entry.same_as:
            assert page.find(id=f"entity-{entry.id}") is None, entry.id
            assert entry.en in page.find(id=f"entity-{entry.same_as}").th.get_text(), entry.id
            continue
        found = page.find(id=f"entity-{entry.id}")
        assert found is not None, entry.id
        assert found.find_previous("h2")["id"] == kinds[kind], entry.id  # under its kind's heading
    projects = page.find(id="kind-project").find_next("table").select("tbody tr")
    invested = [bool(tr.select_one(".value")) for tr in projects]
    assert invested == sorted(invested, reverse=True) and any(invested)
    # The sentences are folded below the tables, each quoted once; a row's sources are labelled.
    assert page.select("table")[-1].find_next("details") is not None
    quoted = [item["id"] for item in page.select("details li[id^=quote-]")]
    assert quoted and len(quoted) == len(set(quoted))
    labels = [link.get_text() for link in row.select("a.source-link")]
    assert labels == ["source"] + [f"source {number}" for number in range(2, len(labels) + 1)]
    for link in row.select("a.source-link"):
        assert page.find(id=link["href"].removeprefix("#")) is not None


def test_schemas_are_published_and_current():
    from scripts.build.generate import schemas

    for name, text in schemas().items():
        assert (ROOT / "data" / "schema" / name).read_text(encoding="utf-8") == text, \
            f"data/schema/{name} is stale: run .venv/bin/python -m scripts.build.generate --schema"
    first_line = (ROOT / FIGURES).read_text(encoding="utf-8").splitlines()[0]
    assert first_line == "# yaml-language-server: $schema=schema/figures.schema.json"


def test_the_downloads_are_those_of_the_data_asked_for(tmp_path):
    """A generation asks for the downloads three times and gets them made once; a process that
    loads other data (make serve after an edit, another speech) gets theirs."""
    from scripts.render.downloads import download_files
    from tests.conftest import ROOT, fictional_project

    real, fictional = load_site_data(ROOT), load_site_data(fictional_project(tmp_path / "fictional"))
    for site in (real, fictional, real, load_site_data(ROOT)):
        rows = csv.DictReader(io.StringIO(download_files(site)["figures.csv"].decode("utf-8-sig")))
        assert [row["id"] for row in rows if row["derived"] == "false"] == [figure.id for figure in site.figures]
        files = download_files(site)
        files["figures.csv"] = b""  # what a caller does with its files is its own
        assert download_files(site)["figures.csv"].decode("utf-8-sig").startswith("id,")
