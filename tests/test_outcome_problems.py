"""The problems the validator reports on the main points, the key figures' card labels, where
the speech was published, and the outcomes published after it: each triggered once, with file,
line, field and what to do. The expected lines are found in the edited file by their text."""

from __future__ import annotations

from tests.test_problems import assert_only, edited, line_with, problems

DOCUMENT = "data/document.yaml"
FIGURES = "data/figures.yaml"
PERIODS = "data/periods.yaml"
POINTS = "data/points.yaml"
SOURCES = "data/sources.yaml"
OUTCOMES = "data/outcomes.yaml"

# The first main point, as data/points.yaml writes it in English.
FIRST_POINT_EN = "  en: In the first half of the year, regional GDP grew by {gdp-growth-h1} year on year"


# The main points

def test_a_point_that_cites_an_unknown_figure(project):
    text = edited(project, POINTS, "grew by {gdp-growth-h1} year on year", "grew by {gdp-growth} year on year")
    line = line_with(text, "grew by {gdp-growth} year on year")
    assert_only(project, f"{POINTS}:{line}: [0]: en: {{gdp-growth}} is not a figure (expected the id of a figure of "
                         "data/figures.yaml, written in braces: {gdp-growth-h1})")


def test_a_point_with_a_number_typed_in(project):
    text = edited(project, POINTS, "grew by {gdp-growth-h1} year on year", "grew by 7.1% year on year")
    line = line_with(text, "grew by 7.1% year on year")
    assert_only(project, f"{POINTS}:{line}: [0]: en: '7.1' is written out; write the figure's id in braces instead, "
                         "{figure-id}, so that the point always shows the data's value")


def test_a_point_with_a_brace_that_is_no_reference(project):
    text = edited(project, POINTS, "grew by {gdp-growth-h1} year on year", "grew by {gdp-growth-h1} year on year }")
    line = line_with(text, "year on year }")
    assert_only(project, f"{POINTS}:{line}: [0]: en: a brace that opens or closes no reference; write a figure as "
                         "{figure-id}")


def test_a_point_that_does_not_name_the_period_of_a_figure_it_cites(project):
    text = edited(project, POINTS, "  en: In the first half of the year, regional GDP grew",
                  "  en: Regional GDP grew")
    line = line_with(text, "  en: Regional GDP grew")
    assert_only(project, f"{POINTS}:{line}: [0]: en: cites gdp-growth-h1, gdp-growth-rank-in-city-h1, "
                         "gdp-growth-above-province-h1, gdp-growth-above-city-h1 of period 2024-H1 without naming it "
                         "(expected 'first half')")


def test_a_point_that_names_a_period_none_of_its_figures_is_of(project):
    # A figure's period changed in data/figures.yaml: the point's words would now be stale.
    text = edited(project, POINTS, "  zh: 上半年，全区开复工", "  zh: 年初以来，全区开复工")
    line = line_with(text, "  zh: 年初以来，全区开复工")
    stale = (f"{POINTS}:{line}: [2]: zh: names period 2024-to-date, which none of the figures it cites is of "
             "(key-project-investment-threshold: 2024-H1, key-projects-started-or-resumed-h1: 2024-H1, "
             "key-projects-start-rate-h1: 2024-H1); reword it or cite the figure")
    assert problems(project) == [f"{POINTS}:{line}: [2]: zh: cites key-project-investment-threshold, "
                                 "key-projects-started-or-resumed-h1, key-projects-start-rate-h1 of period 2024-H1 "
                                 "without naming it (expected '上半年')", stale]
    # ... and a period named beside the right one is refused too.
    text = edited(project, POINTS, "  zh: 年初以来，全区开复工", "  zh: 上半年和年初以来，全区开复工")
    line = line_with(text, "  zh: 上半年和年初以来，全区开复工")
    assert_only(project, f"{POINTS}:{line}: [2]: zh: names period 2024-to-date, which none of the figures it cites is "
                         "of (key-project-investment-threshold: 2024-H1, key-projects-started-or-resumed-h1: 2024-H1, "
                         "key-projects-start-rate-h1: 2024-H1); reword it or cite the figure")


def test_a_point_that_cites_a_figure_of_a_period_without_words(project):
    text = edited(project, PERIODS, "  words: {zh: [上半年], en: [first half]}\n", "")
    assert text
    point = (project / POINTS).read_text(encoding="utf-8")
    found = [problem for problem in problems(project) if problem.startswith(f"{POINTS}:{line_with(point, FIRST_POINT_EN)}:")]
    assert found == [f"{POINTS}:{line_with(point, FIRST_POINT_EN)}: [0]: en: cites a figure of period 2024-H1, which has "
                     "no `words` in data/periods.yaml; add the words that name it"]


def test_too_few_main_points(project):
    text = (project / POINTS).read_text(encoding="utf-8")
    kept = text[:text.index("- kind: reports\n  zh: 上半年，规模以上")]
    (project / POINTS).write_text(kept, encoding="utf-8")
    line = line_with(kept, "- kind: reports")
    assert_only(project, f"{POINTS}:{line}: too few items (expected at least 5)")


# The key figures' cards

def test_a_card_label_too_long_for_a_card(project):
    long = "Agriculture, forestry, animal husbandry and fishery: year-on-year growth"
    text = edited(project, FIGURES, "    en: \"Agriculture, forestry, animal husbandry and fishery: growth\"\n",
                  f"    en: \"{long}\"\n")
    line = line_with(text, long)
    assert_only(project, f"{FIGURES}:{line}: agriculture-output-growth-h1: card_label.en: {len(long)} characters, too "
                         "long for a key-figure card (at most 60); give a shorter card_label")


# Where the speech was published

def test_a_publication_address_that_is_not_a_web_address(project):
    text = edited(project, DOCUMENT, "  url: http://jy.cbs.gov.cn/", "  url: jy.cbs.gov.cn/")
    line = line_with(text, "  url: jy.cbs.gov.cn/")
    assert_only(project, f"{DOCUMENT}:{line}: published.url: 'jy.cbs.gov.cn/zwgk/ldjh/202409/t20240906_821465.html' "
                         "is not a web address (expected one starting http:// or https://, as the browser's address bar "
                         "shows it)")


def test_a_speech_posted_before_it_was_given(project):
    text = edited(project, DOCUMENT, "  posted: 2024-09-06", "  posted: 2024-08-06")
    line = line_with(text, "  posted: 2024-08-06")
    assert_only(project, f"{DOCUMENT}:{line}: published.posted: 2024-08-06 is before the speech (2024-08-22); give the "
                         "day the page says it was posted")


def test_a_text_taken_before_it_was_posted(project):
    text = edited(project, DOCUMENT, "  retrieved: 2026-11-27", "  retrieved: 2024-09-01")
    line = line_with(text, "  retrieved: 2024-09-01")
    assert_only(project, f"{DOCUMENT}:{line}: published.retrieved: 2024-09-01 is before the speech was posted "
                         "(2024-09-06); give the day its text was taken")


def test_a_publication_without_its_publisher(project):
    text = edited(project, DOCUMENT, "published:\n  publisher:\n    zh: 白山市江源区人民政府\n"
                                     "    en: Jiangyuan District People’s Government\n", "published:\n")
    line = text.splitlines().index("published:") + 1
    assert_only(project, f"{DOCUMENT}:{line}: published.publisher: missing (add this field)")


# The sources of the outcomes

def test_a_source_address_that_is_not_a_web_address(project):
    text = edited(project, SOURCES, "  url: http://jy.cbs.gov.cn/zwgk/zfgzbg/", "  url: ftp://jy.cbs.gov.cn/zwgk/zfgzbg/")
    line = line_with(text, "  url: ftp://")
    assert_only(project, f"{SOURCES}:{line}: work-report-2024: url: 'ftp://jy.cbs.gov.cn/zwgk/zfgzbg/202502/"
                         "t20250218_838743.html' is not a web address (expected one starting http:// or https://, as "
                         "the browser's address bar shows it)")


def test_a_source_dated_before_the_speech(project):
    text = edited(project, SOURCES, "  delivered: 2024-12-28", "  delivered: 2024-06-28")
    line = line_with(text, "  delivered: 2024-06-28")
    assert_only(project, f"{SOURCES}:{line}: work-report-2024: delivered: 2024-06-28 is before the speech (2024-08-22): "
                         "a source of outcomes comes after it")


def test_a_source_posted_before_it_was_delivered(project):
    text = edited(project, SOURCES, "  posted: 2025-02-18", "  posted: 2024-12-01")
    line = line_with(text, "  posted: 2024-12-01")
    assert_only(project, f"{SOURCES}:{line}: work-report-2024: posted: 2024-12-01 is before the day it was delivered "
                         "(2024-12-28)")


def test_a_source_without_its_title(project):
    text = edited(project, SOURCES, "  title:\n    zh: 白山市江源区人民政府工作报告", "  titel:\n    zh: 白山市江源区人民政府工作报告")
    found = problems(project)
    line = line_with(text, "- id: work-report-2024")
    assert f"{SOURCES}:{line}: work-report-2024: title: missing (add this field)" in found
    assert f"{SOURCES}:{line_with(text, '  titel:')}: work-report-2024: titel: unknown field (remove it, or check its " \
           "spelling against the schema)" in found


# Outcomes

def outcome_line(text: str, outcome_id: str, field: str) -> int:
    """The line of `field` in the outcome with this id."""
    start = line_with(text, f"- id: {outcome_id}")
    lines = text.splitlines()
    return next(number for number in range(start, len(lines) + 1) if lines[number - 1].startswith(f"  {field}:"))


def test_an_outcome_for_an_unknown_figure(project):
    text = edited(project, OUTCOMES, "  figure: gdp-growth-h1\n", "  figure: gdp-growth\n")
    assert_only(project, f"{OUTCOMES}:{line_with(text, 'figure: gdp-growth')}: gdp-growth-2024: figure: unknown figure "
                         "'gdp-growth' (expected an id from data/figures.yaml)")


def test_an_outcome_from_an_unknown_source(project):
    text = edited(project, OUTCOMES, "  vintage: estimate\n  source: work-report-2024\n",
                  "  vintage: estimate\n  source: work-report-2025\n")
    assert_only(project, f"{OUTCOMES}:{line_with(text, 'source: work-report-2025')}: gdp-growth-2024: source: unknown "
                         "source 'work-report-2025' (expected an id from data/sources.yaml)")


def test_an_outcome_without_its_source(project):
    text = edited(project, OUTCOMES, "  vintage: estimate\n  source: work-report-2024\n", "  vintage: estimate\n")
    assert_only(project, f"{OUTCOMES}:{line_with(text, '- id: gdp-growth-2024')}: gdp-growth-2024: source: missing "
                         "(add this field)")


def test_a_status_the_comparator_and_the_values_contradict(project):
    # 96 enterprises in the year, 66 of them by the speech: 30 in the rest of the year, the target's 30 or more.
    text = edited(project, OUTCOMES, "  value: 96\n", "  value: 95\n")
    assert_only(project, f"{OUTCOMES}:{outcome_line(text, 'enterprises-in-talks-year', 'status')}: "
                         "enterprises-in-talks-year: status: met, but the outcome, 29, against the target 30 (以上: "
                         "at-least) is not-met (correct the status or the values)")


def test_a_status_for_what_is_not_a_target(project):
    text = edited(project, OUTCOMES, "  vintage: estimate\n  source: work-report-2024\n",
                  "  vintage: estimate\n  status: met\n  source: work-report-2024\n")
    assert_only(project, f"{OUTCOMES}:{outcome_line(text, 'gdp-growth-2024', 'status')}: gdp-growth-2024: status: a "
                         "status is for a target; this outcome answers gdp-growth-h1, which is not one of the targets of part "
                         "two (remove it)")


def test_a_target_s_outcome_without_a_status(project):
    text = edited(project, OUTCOMES, "  since: enterprises-in-talks-2024\n  status: met\n",
                  "  since: enterprises-in-talks-2024\n")
    assert_only(project, f"{OUTCOMES}:{line_with(text, '- id: enterprises-in-talks-year')}: enterprises-in-talks-year: "
                         "status: missing: enterprises-in-talks-h2-target is a target (expected met, not-met or "
                         "no-comparable-outcome)")


def test_no_comparable_outcome_without_a_note_saying_why(project):
    text = (project / OUTCOMES).read_text(encoding="utf-8")
    start = text.index("- id: projects-signed-year")
    block = text[start:text.index("  source:", start)]
    note = block[block.index("  note:"):]
    (project / OUTCOMES).write_text(text.replace(block, block.replace(note, ""), 1), encoding="utf-8")
    text = (project / OUTCOMES).read_text(encoding="utf-8")
    assert_only(project, f"{OUTCOMES}:{outcome_line(text, 'projects-signed-year', 'status')}: projects-signed-year: "
                         "status: no-comparable-outcome needs a `note`, in both languages, saying why the source's "
                         "figure does not answer the target")


def test_an_outcome_without_its_vintage(project):
    text = edited(project, OUTCOMES, "  period: \"2024\"\n  vintage: estimate\n  source: work-report-2024\n",
                  "  period: \"2024\"\n  source: work-report-2024\n")
    assert_only(project, f"{OUTCOMES}:{line_with(text, '- id: gdp-growth-2024')}: gdp-growth-2024: vintage: missing "
                         "(add this field)")


def test_an_outcome_of_an_unknown_period(project):
    text = edited(project, OUTCOMES, "  period: \"2024\"\n  vintage: estimate\n  source: work-report-2024\n",
                  "  period: 2024-Q4\n  vintage: estimate\n  source: work-report-2024\n")
    [problem] = problems(project)
    assert problem.startswith(f"{OUTCOMES}:{line_with(text, 'period: 2024-Q4')}: gdp-growth-2024: period: unknown "
                              "period '2024-Q4' (expected an id from data/periods.yaml: 2024-H1,")


def test_an_outcome_in_a_unit_with_no_conversion_to_the_figure_s(project):
    text = edited(project, OUTCOMES, "  value: 5\n  unit: percent\n", "  value: 5\n  unit: percentage point\n")
    assert_only(project, f"{OUTCOMES}:{line_with(text, 'unit: percentage point')}: gdp-growth-2024: unit: 'percentage "
                         "point', but gdp-growth-h1 is in 'percent', and there is no conversion between them (give the "
                         "outcome in the figure's unit)")


def test_an_outcome_in_another_magnitude_of_the_same_unit_is_converted(project):
    # 96 items and 0.0096 of 10,000 items measure the same; the status is computed in the target's unit.
    edited(project, OUTCOMES, "  value: 96\n  unit: item\n", "  value: 0.0096\n  unit: 10,000 items\n")
    from scripts.build.generate import load_site_data

    load_site_data(project)


def test_a_whole_year_outcome_for_a_second_half_target_needs_since(project):
    text = edited(project, OUTCOMES, "  since: enterprises-in-talks-2024\n", "")
    assert_only(project, f"{OUTCOMES}:{outcome_line(text, 'enterprises-in-talks-year', 'period')}: "
                         "enterprises-in-talks-year: period: 2024, but the target is for 2024-H2; for a target of "
                         "2024-H2, an outcome of 2024 needs `since`, the speech's figure for the part of the year before")


def test_since_of_an_unknown_figure(project):
    text = edited(project, OUTCOMES, "  since: enterprises-in-talks-2024\n", "  since: enterprises-2024\n")
    assert_only(project, f"{OUTCOMES}:{line_with(text, 'since: enterprises-2024')}: enterprises-in-talks-year: since: "
                         "unknown figure 'enterprises-2024' (expected an id from data/figures.yaml)")


def test_since_of_a_figure_in_another_unit(project):
    text = edited(project, OUTCOMES, "  since: enterprises-in-talks-2024\n", "  since: cattle-raised-2024\n")
    assert_only(project, f"{OUTCOMES}:{line_with(text, 'since: cattle-raised-2024')}: enterprises-in-talks-year: since: "
                         "cattle-raised-2024 is in '10,000 head', but enterprises-in-talks-h2-target is in 'item'")


def test_since_of_a_figure_of_the_target_s_own_period(project):
    text = edited(project, OUTCOMES, "  since: enterprises-in-talks-2024\n", "  since: new-cooperatives-h2-target\n")
    assert_only(project, f"{OUTCOMES}:{line_with(text, 'since: new-cooperatives-h2-target')}: enterprises-in-talks-year: "
                         "since: new-cooperatives-h2-target is of period 2024-H2; expected a figure of another part of "
                         "2024 than 2024-H2")


def test_since_for_what_is_not_a_target(project):
    text = edited(project, OUTCOMES, "  vintage: estimate\n  source: work-report-2024\n",
                  "  vintage: estimate\n  since: gdp-growth-h1\n  source: work-report-2024\n")
    assert_only(project, f"{OUTCOMES}:{line_with(text, 'since: gdp-growth-h1')}: gdp-growth-2024: since: since is for a "
                         "target of part of a period (remove it)")


def test_a_figure_answered_twice(project):
    text = edited(project, OUTCOMES, "  figure: agriculture-output-growth-h1\n", "  figure: gdp-growth-h1\n")
    first = line_with(text, "  figure: gdp-growth-h1")
    second = line_with(text, "  figure: gdp-growth-h1", 2)
    assert_only(project, f"{OUTCOMES}:{second}: agriculture-output-growth-2024: figure: gdp-growth-h1 is answered "
                         f"already, on line {first}; give each figure one outcome")


def test_a_period_within_an_unknown_period(project):
    text = edited(project, PERIODS, "  within: \"2024\"\n", "  within: \"2025\"\n")
    assert_only(project, f"{PERIODS}:{line_with(text, 'within: ' + chr(34) + '2025')}: 2024-H1: within: unknown period "
                         "'2025' (expected the id of another period)")
