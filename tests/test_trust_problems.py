"""The problems the validator reports on periods, computed relations, versions, a fact told twice
and the glossary's English: each triggered once, with file, line, field and what to do. The
expected lines are found in the edited file by their text."""

from __future__ import annotations

from tests.test_problems import assert_only, edited, line_with, problems

FIGURES = "data/figures.yaml"
RELATIONS = "data/relations.yaml"
VERSIONS = "data/versions.yaml"
GLOSSARY = "data/glossary.yaml"


# Periods, as the speech states them

def test_a_period_that_is_not_in_periods_yaml(project):
    text = edited(project, FIGURES, "  period: 2024-to-date\n", "  period: 2024-Q3\n")
    line = line_with(text, "period: 2024-Q3")
    [problem] = problems(project)
    assert problem.startswith(f"{FIGURES}:{line}: ") and ": period: unknown period '2024-Q3' (expected an id from " \
        "data/periods.yaml: 2024-H1, 2024-to-date," in problem


def test_first_half_where_the_sentence_does_not_say_so(project):
    # specialty-crops-area-2024 comes from p08-s04, which does not say 上半年.
    text = _set_period(project, "specialty-crops-area-2024", "2024-to-date", "2024-H1")
    assert_only(project, f"{FIGURES}:{_period_line(text, 'specialty-crops-area-2024')}: specialty-crops-area-2024: "
                         "period: 2024-H1 is stated by 上半年, which neither the quote nor sentence p08-s04 says "
                         "(expected a period no words state: 2024-to-date, 2024; or name the sentence that states "
                         "it in source.period_in)")


def test_to_date_where_the_sentence_says_first_half(project):
    # key-projects-start-rate-h1 comes from p09-s03, which opens 上半年.
    text = _set_period(project, "key-projects-start-rate-h1", "2024-H1", "2024-to-date")
    assert_only(project, f"{FIGURES}:{_period_line(text, 'key-projects-start-rate-h1')}: key-projects-start-rate-h1: "
                         "period: 2024-to-date, but sentence p09-s03 says 上半年 (expected 2024-H1)")


def test_a_quote_that_says_cumulative(project):
    text = _set_period(project, "subsidies-paid", "cumulative", "2024-to-date")
    assert_only(project, f"{FIGURES}:{_period_line(text, 'subsidies-paid')}: subsidies-paid: period: 2024-to-date, "
                         "but the quote says 累计 (expected cumulative)")


def test_a_sentence_named_for_the_period_that_does_not_exist(project):
    text = edited(project, FIGURES, "    period_in: p07-s02\n", "    period_in: p07-s99\n")
    line = line_with(text, "period_in: p07-s99")
    assert_only(project, f"{FIGURES}:{line}: agriculture-output-growth-h1: source.period_in: unknown sentence "
                         "'p07-s99' (expected an id from data/speech.yaml)")


def _set_period(project, figure_id: str, old: str, new: str) -> str:
    path = project / FIGURES
    text = path.read_text(encoding="utf-8")
    start = text.index(f"- id: {figure_id}\n")
    end = text.index("\n- id: ", start + 1)
    block = text[start:end]
    assert f"  period: {old}\n" in block, f"test setup: {figure_id} is not of period {old}"
    text = text[:start] + block.replace(f"  period: {old}\n", f"  period: {new}\n") + text[end:]
    path.write_text(text, encoding="utf-8")
    return text


def _period_line(text: str, figure_id: str) -> int:
    lines = text.splitlines()
    start = lines.index(f"- id: {figure_id}")
    return next(number for number, line in enumerate(lines[start:], start + 1) if line.startswith("  period:"))


# A fact the speech tells twice

def test_a_second_source_whose_quote_is_not_in_its_sentence(project):
    text = edited(project, FIGURES, "      quote: 全区31个重大项目工作专班\n", "      quote: 全区32个重大项目工作专班\n")
    line = line_with(text, "quote: 全区32个")
    [problem] = problems(project)
    assert problem.startswith(f"{FIGURES}:{line}: major-project-task-forces: also_in[0].quote: '全区32个重大项目工作专班' "
                              "is not in sentence p19-s21 (expected words copied exactly from:")


def test_a_number_told_again_counts_once_its_second_source_is_gone(project):
    """Without also_in, the 31 of p19-s21 is neither a figure nor excluded: the coverage check says so."""
    edited(project, FIGURES, "  also_in:  # part two names the same 31 task forces\n    - sentence: p19-s21\n"
                             "      quote: 全区31个重大项目工作专班\n"
                             "      quote_en: The district’s 31 dedicated task forces for major projects\n", "")
    [problem] = problems(project)
    assert problem.endswith("p19-s21: the number '31' of this sentence is neither a figure nor excluded (add it to "
                            "data/figures.yaml, or to data/figures-excluded.yaml with a reason)")


# Computed relations

def test_a_relation_whose_stated_result_differs_without_a_note(project):
    text = (project / RELATIONS).read_text(encoding="utf-8")
    note = text[text.index("  note:\n    zh: 1553"):text.index("\n\n- id: good-air-days-target-days")]
    text = edited(project, RELATIONS, note + "\n", "")
    line = line_with(text, "  stated: service-hall-rate-2024")
    assert_only(project, f"{RELATIONS}:{line}: service-hall-share: stated: the computed share, 1546 ÷ 1553 × 100 = "
                         "99.55, differs from 99.54 (service-hall-rate-2024) beyond its rounding (expected a `note`, "
                         "in both languages, saying so neutrally: the Chinese text prevails)")


def test_a_relation_that_falls_short_of_its_floor(project):
    text = edited(project, RELATIONS, "  inputs: [cereals-sown-area-2024, beans-sown-area-2024, oilseeds-sown-area-2024]",
                  "  inputs: [cereals-sown-area-2024, beans-sown-area-2024]")
    note = text[text.index("  note:\n    zh: 三项合计"):text.index("\n\n- id: provincial-growth")]
    text = edited(project, RELATIONS, note + "\n", "")
    line = line_with(text, "  stated: grain-sown-area-target-2024")
    assert_only(project, f"{RELATIONS}:{line}: grain-area-sum: stated: the computed sum, 5.13 + 4.55 = 9.68, differs "
                         "from at least 9.82 (grain-sown-area-target-2024) beyond its rounding (expected a `note`, in "
                         "both languages, saying so neutrally: the Chinese text prevails)")


def test_a_relation_with_an_unknown_figure(project):
    text = edited(project, RELATIONS, "  inputs: [gdp-growth-h1, gdp-growth-above-city-h1]",
                  "  inputs: [gdp-growth-h1, gdp-growth-above-town-h1]")
    line = line_with(text, "gdp-growth-above-town-h1")
    assert_only(project, f"{RELATIONS}:{line}: city-growth: inputs[1]: unknown figure 'gdp-growth-above-town-h1' "
                         "(expected an id from data/figures.yaml)")


def test_a_relation_with_the_wrong_number_of_figures(project):
    text = edited(project, RELATIONS, "  inputs: [gdp-growth-h1, gdp-growth-above-city-h1]",
                  "  inputs: [gdp-growth-h1, gdp-growth-above-city-h1, gdp-growth-above-province-h1]")
    line = line_with(text, "gdp-growth-above-city-h1, gdp-growth-above-province-h1]")
    assert_only(project, f"{RELATIONS}:{line}: city-growth: inputs: a difference takes 2 figures, not 3 "
                         "(see `kind` in the schema for their order)")


def test_a_relation_whose_figure_has_the_wrong_unit(project):
    text = edited(project, RELATIONS, "  inputs: [cattle-raised-2024, cattle-raised-growth-2024]",
                  "  inputs: [cattle-raised-2024, sheep-raised-2024]")
    line = line_with(text, "  inputs: [cattle-raised-2024, sheep-raised-2024]")
    assert_only(project, f"{RELATIONS}:{line}: cattle-last-year: inputs[1]: sheep-raised-2024 is in '10,000 head', "
                         "but input 2 of a base is in 'percent'")


def test_a_share_of_days_without_its_year(project):
    text = edited(project, RELATIONS, "  days_of: 2024-H1\n", "")
    line = line_with(text, "  kind: days", 2)
    assert_only(project, f"{RELATIONS}:{line}: good-air-days-first-half: kind: days_of is for a relation of kind "
                         "days or rest, which needs it (the year or half-year, 2024 or 2024-H1)")


def test_a_floor_without_the_figure_it_compares_with(project):
    text = edited(project, RELATIONS, "  decimals: 1\n\n- id: city-growth", "  decimals: 1\n  at_least: true\n\n- id: city-growth")
    line = line_with(text, "  at_least: true", 2)
    assert_only(project, f"{RELATIONS}:{line}: provincial-growth: at_least: at_least needs the figure it compares "
                         "with, in `stated`")


# Versions

def test_versions_not_newest_first(project):
    text = edited(project, VERSIONS, '- version: "1.1"', '- version: "2.1"')
    line = line_with(text, '- version: "2.0"')
    assert_only(project, f"{VERSIONS}:{line}: [2]: version: 2.0 is not higher than 2.1 below it "
                         "(expected the newest version first)")


def test_a_version_dated_before_the_speech(project):
    text = edited(project, VERSIONS, "- version: \"1.0\"\n  date: 2026-11-27", "- version: \"1.0\"\n  date: 2024-08-01")
    line = line_with(text, "date: 2024-08-01")
    assert_only(project, f"{VERSIONS}:{line}: [4]: date: 2024-08-01 is before the speech (2024-08-22); a version of "
                         "its data cannot be")


# The glossary's English, as the text uses it

def test_a_glossary_headword_the_text_never_uses(project):
    """The 2024新春禧乐会 once had a headword ("Joy Gala") that no sentence used, and got through."""
    text = edited(project, GLOSSARY, "  en: 2024 Spring Festival Celebration\n  variants: []\n",
                  "  en: 2024 Spring Festival Joy Gala\n  variants: [2024 Spring Festival Celebration]\n")
    line = line_with(text, "  en: 2024 Spring Festival Joy Gala")
    assert_only(project, f"{GLOSSARY}:{line}: xin-chun-xi-le-hui: en: '2024 Spring Festival Joy Gala' is in no sentence "
                         "that has 2024新春禧乐会 (the text uses '2024 Spring Festival Celebration'); make the headword "
                         "the form the translation uses")


def test_a_term_whose_case_differs_from_the_glossary(project):
    """The pages link a term as written; a check that ignored case let unlinked terms through."""
    text = edited(project, "data/speech.yaml", "Peaceful Jiangyuan", "peaceful Jiangyuan")
    lines = text.splitlines()
    changed = next(number for number, content in enumerate(lines, 1) if "peaceful Jiangyuan" in content)
    key = next(number for number in range(changed, 0, -1) if lines[number - 1].startswith("  en:"))
    sentence = next(content[:-1] for content in reversed(lines[:key]) if content.startswith("p") and content.endswith(":"))
    assert_only(project, f"data/speech.yaml:{key}: {sentence}: en: glossary term 平安江源 is not rendered as "
                         "'Peaceful Jiangyuan' (whole words, case as written); use it, or add the English used here to "
                         "its variants in data/glossary.yaml")


def test_a_relation_with_the_id_of_a_figure(project):
    """Figures and computed values share one table in the downloads, keyed by id."""
    text = edited(project, RELATIONS, "- id: city-growth\n", "- id: gdp-growth-h1\n")
    line = line_with(text, "- id: gdp-growth-h1")
    assert_only(project, f"{RELATIONS}:{line}: gdp-growth-h1: id: 'gdp-growth-h1' is also the id of a figure; the "
                         "downloads list both in one table, so give the relation its own id")


def test_a_relation_that_would_divide_by_zero(project):
    """No figure of this speech is 0, so the test gives one the value 0 after loading: the check
    must report it on the relation's line instead of stopping with a traceback."""
    from scripts.build.generate import load_site_data
    from scripts.load import checks
    from scripts.load.validate import named
    from scripts.load.yamlfile import load_yaml

    site = load_site_data(project)
    figures = [figure.model_copy(update={"value": 0}) if figure.id == "approval-service-items-completed-2024"
               else figure for figure in site.figures]
    document = load_yaml(project / RELATIONS, RELATIONS)
    found = [str(named(problem, {"relations": document}))
             for problem in checks.check_relations(document, list(site.relations), figures)]
    line = line_with((project / RELATIONS).read_text(encoding="utf-8"), "  inputs: [approval-items-in-service-hall-2024")
    assert found == [f"{RELATIONS}:{line}: service-hall-share: inputs: a share of these figures divides by zero (check the values of "
                     "approval-items-in-service-hall-2024, approval-service-items-completed-2024)"]
