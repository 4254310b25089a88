"""Every problem the validator can report, triggered once each: the message names the file, the
line a maintainer must fix, the field, and what to do. The expected lines are found in the edited
file by their text, independently of the loader."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
import yaml

from scripts.build.generate import DataError, load_site_data

SEED = "seeds/jiangyuan-2024-08-22-district-head-speech.txt"


def problems(project: Path) -> list[str]:
    with pytest.raises(DataError) as raised:
        load_site_data(project)
    return [str(problem) for problem in raised.value.problems]


def edited(project: Path, file: str, old: str, new: str) -> str:
    path = project / file
    text = path.read_text(encoding="utf-8")
    assert text.count(old) >= 1, f"test setup: {old!r} not in {file}"
    text = text.replace(old, new, 1)
    path.write_text(text, encoding="utf-8")
    return text


def line_with(text: str, marker: str, occurrence: int = 1) -> int:
    """The number of the line holding the `occurrence`-th copy of marker."""
    found = [number for number, line in enumerate(text.splitlines(), 1) if marker in line]
    assert len(found) >= occurrence, f"test setup: {marker!r} found {len(found)} times"
    return found[occurrence - 1]


def assert_only(project: Path, expected: str) -> None:
    assert problems(project) == [expected]


# The loader: every file that cannot be read as data is one problem on the line to fix.

def test_a_key_written_twice_in_a_single_record(project):
    text = edited(project, "data/document.yaml", "date: 2024-08-22\n", "date: 2024-08-22\ndate: 2024-08-22\n")
    first, second = line_with(text, "date: 2024-08-22"), line_with(text, "date: 2024-08-22", 2)
    assert_only(project, f"data/document.yaml:{second}: date: written twice (first on line {first}); keep one")


def test_a_sentence_id_written_twice(project):
    text = edited(project, "data/speech.yaml", "p09-s03:\n", "p09-s02:\n  zh: x\n  en: y\np09-s03:\n")
    first, second = line_with(text, "p09-s02:"), line_with(text, "p09-s02:", 2)
    assert_only(project, f"data/speech.yaml:{second}: p09-s02: written twice (first on line {first}); keep one")


def test_english_written_twice_in_a_sentence(project):
    # The first copy is the one YAML keeps; the mistake is named, not mistaken for a missing number.
    text = edited(project, "data/speech.yaml", "p15-s01:\n", "p15-s01:\n  en: xx\n")
    first = line_with(text, "  en: xx")
    second = first + 2  # after the zh line
    assert text.splitlines()[second - 1].startswith("  en: ")
    found = problems(project)
    assert found[0] == f"data/speech.yaml:{second}: p15-s01: en: written twice (first on line {first}); keep one"


def test_a_key_written_twice_in_a_list_of_records(project):
    text = edited(project, "data/figures.yaml", "  basis: year-on-year\n  headline: true\n",
                  "  basis: year-on-year\n  headline: true\n  headline: false\n")
    first, second = line_with(text, "  headline: true"), line_with(text, "  headline: false")
    assert_only(project, f"data/figures.yaml:{second}: gdp-growth-h1: headline: written twice (first on line {first}); keep one")


@pytest.mark.parametrize("file, old, new", [
    ("data/charts.yaml", "  page: results\n", "  page: results\n  page: targets\n"),
    ("data/topics.yaml", "  group: results\n", "  group: results\n  group: tasks\n"),
    ("data/challenges.yaml", "  intro: p15-s01\n", "  intro: p15-s01\n  intro: p15-s02\n"),
    ("data/figures-excluded.yaml", "  text: \"2024\"\n", "  text: \"2024\"\n  text: \"2025\"\n"),
    ("data/glossary.yaml", "  kind: formula\n", "  kind: formula\n  kind: slogan\n"),
])
def test_a_key_written_twice_in_any_file(project, file, old, new):
    key = old.split(":")[0].strip()
    text = edited(project, file, old, new)
    first, second = line_with(text, old.rstrip("\n")), line_with(text, new.splitlines()[1])
    [problem] = problems(project)
    assert problem.startswith(f"{file}:{second}: ") and f"{key}: written twice (first on line {first}); keep one" in problem


def test_a_value_yaml_cannot_read_is_reported_not_dropped(project):
    text = edited(project, "data/figures.yaml", "  basis: year-on-year\n  headline: true\n",
                  "  basis: 2024-13-01\n  headline: true\n")
    line = line_with(text, "basis: 2024-13-01")
    assert_only(project, f"data/figures.yaml:{line}: gdp-growth-h1: basis: '2024-13-01' cannot be read "
                         "(month must be in 1..12); correct the value")


def test_a_list_as_a_key(project):
    text = edited(project, "data/topics.yaml", "  group: results\n", "  ? [group]\n  : results\n")
    line = line_with(text, "? [group]")
    found = problems(project)
    assert f"data/topics.yaml:{line}: headline: a key must be plain text, not a list or group" in found


def test_an_unclosed_quote_is_reported_where_it_opens(project):
    text = edited(project, "data/document.yaml", "  en: Pan Guoqiang", '  en: "Pan Guoqiang')
    line = line_with(text, '"Pan Guoqiang')
    [problem] = problems(project)
    assert problem.startswith(f"data/document.yaml:{line}: YAML syntax error: a quoted text opened on this line is not closed")


def test_an_unclosed_bracket_is_reported_where_it_opens(project):
    text = edited(project, "data/challenges.yaml", "  outro: [p15-s10, p15-s11, p15-s12]", "  outro: [p15-s10, p15-s11, p15-s12")
    line = line_with(text, "  outro: [p15-s10, p15-s11, p15-s12")
    [problem] = problems(project)
    assert problem.startswith(f"data/challenges.yaml:{line}: YAML syntax error: a '[' opened on this line is not closed")


def test_two_documents_in_one_file(project):
    text = edited(project, "data/charts.yaml", "- id: growth\n", "---\n- id: growth\n")
    text = edited(project, "data/charts.yaml", "\n- id: ", "\n---\n- id: ")
    [problem] = problems(project)
    assert problem.startswith(f"data/charts.yaml:{line_with(text, '---', 2)}: YAML syntax error: but found another document")


def test_invalid_utf8_is_reported_on_its_line(project):
    path = project / "data/topics.yaml"
    data = path.read_bytes().replace("主要经济指标".encode(), b"\xe4\xb8" + "要经济指标".encode(), 1)
    path.write_bytes(data)
    line = data[:data.index(b"\xe4\xb8\xe8")].count(b"\n") + 1
    [problem] = problems(project)
    assert problem.startswith(f"data/topics.yaml:{line}: not UTF-8 text (byte 0xe4 at column ")
    assert problem.endswith("save the file as UTF-8")


@pytest.mark.parametrize("character", ["\x00", "\x07", "\x1b", "\x7f", "\u202e", "\x85"[:0] + "\x9b"])
def test_invisible_characters_are_reported_on_their_line(project, character):
    text = edited(project, "data/glossary.yaml", "  pinyin: sān bǎozhàng", f"  pinyin: sān{character} bǎozhàng")
    line = line_with(text, f"sān{character}")
    assert_only(project, f"data/glossary.yaml:{line}: invisible character U+{ord(character):04X} "
                         "(a control or text-direction character); delete it")


def test_an_alias_bomb_is_refused_before_it_expands(project):
    bomb = "a: &a [x, x, x, x, x, x, x, x, x]\n" + "".join(
        f"{name}: &{name} [{', '.join([f'*{previous}'] * 9)}]\n" for previous, name in zip("abcdefgh", "bcdefghi"))
    (project / "data/charts.yaml").write_text(bomb, encoding="utf-8")
    assert_only(project, "data/charts.yaml:1: anchors and aliases (&name, *name) are not allowed in data files; "
                         "write the value out in full")


def test_an_alias_alone_is_refused_on_its_line(project):
    text = edited(project, "data/topics.yaml", "  group: results\n", "  group: &g results\n")
    assert_only(project, f"data/topics.yaml:{line_with(text, '&g')}: anchors and aliases (&name, *name) are not "
                         "allowed in data files; write the value out in full")


@pytest.mark.parametrize("depth", [6, 2000, 100_000])
def test_nesting_deeper_than_the_schema_is_refused(project, depth):
    # charts.yaml: a list of charts (1), each a group (2) whose title is a group (3).
    text = edited(project, "data/charts.yaml", "  page: results\n", f"  page: {'[' * depth}{']' * depth}\n")
    assert_only(project, f"data/charts.yaml:{line_with(text, '  page: [')}: nested deeper than 3 levels, more than "
                         "this file's schema has; check the indentation")


def test_a_huge_file_is_refused_unread(project):
    with (project / "data/glossary.yaml").open("a", encoding="utf-8") as stream:
        stream.write("# padding\n" * 300_000)
    assert_only(project, "data/glossary.yaml:1: larger than 2 MB, far more than a speech's data; "
                         "check that this is the right file")


def test_a_folder_where_a_file_belongs(project):
    (project / "data/topics.yaml").unlink()
    (project / "data/topics.yaml").mkdir()
    assert problems(project) == ["data/topics.yaml:1: not a regular file (a folder, a named pipe or a device); restore "
                                 "the file from git"]


# The checks: each kind of problem the data can have once it is read.

def test_the_source_file_must_be_in_seeds(project):
    text = edited(project, "data/document.yaml", f"  file: {SEED}", "  file: /etc/hostname")
    assert_only(project, f"data/document.yaml:{line_with(text, 'file: /etc/hostname')}: source.file: '/etc/hostname' "
                         "is not a file in seeds/ (expected seeds/NAME.txt, the speech this data is about)")


def test_the_source_file_cannot_climb_out_of_seeds(project):
    text = edited(project, "data/document.yaml", f"  file: {SEED}", "  file: seeds/../mkdocs.yml")
    [problem] = problems(project)
    assert problem.startswith(f"data/document.yaml:{line_with(text, 'file: seeds/..')}: source.file: "
                              "'seeds/../mkdocs.yml' is not a file in seeds/")


def test_the_source_file_is_missing(project):
    (project / SEED).unlink()
    text = (project / "data/document.yaml").read_text(encoding="utf-8")
    assert_only(project, f"data/document.yaml:{line_with(text, '  file: ')}: source.file: {SEED} not found "
                         "(restore it with git)")


def test_the_source_file_is_not_utf8(project):
    (project / SEED).write_bytes(b"\xff\xfe" + (project / SEED).read_bytes())
    text = (project / "data/document.yaml").read_text(encoding="utf-8")
    assert_only(project, f"data/document.yaml:{line_with(text, '  file: ')}: source.file: {SEED} is not UTF-8 text "
                         "(restore it with git)")


@pytest.mark.parametrize("file, old, new", [
    ("data/topics.yaml", "- id: industry\n", "- id: headline\n"),
    ("data/charts.yaml", "- id: livestock\n", "- id: growth\n"),
    ("data/challenges.yaml", "- id: behaviours\n", "- id: pressures\n"),
])
def test_two_records_with_one_id(project, file, old, new):
    record = new[len("- id: "):].strip()
    text = edited(project, file, old, new)
    first, second = line_with(text, new.strip()), line_with(text, new.strip(), 2)
    assert f"{file}:{second}: {record}: id: '{record}' is also the id of the record on line {first}; " \
           "give each its own id, or merge them" in problems(project)


def test_a_glossary_term_twice(project):
    text = edited(project, "data/glossary.yaml", "  zh: 三保障\n", "  zh: 两不愁三保障\n")
    first, second = line_with(text, "  zh: 两不愁三保障"), line_with(text, "  zh: 两不愁三保障", 2)
    assert f"data/glossary.yaml:{second}: san-bao-zhang: zh: '两不愁三保障' is also the term on line {first}; " \
           "merge the two entries" in problems(project)


def test_chinese_in_an_english_name(project):
    text = edited(project, "data/glossary.yaml", "  en: Three Guarantees\n", "  en: Three 保障\n")
    assert_only(project, f"data/glossary.yaml:{line_with(text, 'en: Three 保障')}: san-bao-zhang: en: "
                         "Chinese in the English name; write pinyin or English")


def test_chinese_in_an_english_variant(project):
    text = edited(project, "data/glossary.yaml", "  en: Three Guarantees\n  variants: []\n",
                  "  en: Three Guarantees\n  variants: [三保障]\n")
    assert_only(project, f"data/glossary.yaml:{line_with(text, 'variants: [三保障]')}: san-bao-zhang: variants[0]: "
                         "Chinese in the English name; write pinyin or English")


def test_a_glossary_term_links_an_unknown_figure(project):
    text = edited(project, "data/glossary.yaml", "  figures: [futao-ginseng-project-investment]",
                  "  figures: [futao-ginseng-investment]")
    assert_only(project, f"data/glossary.yaml:{line_with(text, 'futao-ginseng-investment')}: fu-tao-ren-shen: figures[0]: "
                         "unknown figure 'futao-ginseng-investment' (expected an id from data/figures.yaml)")


def test_a_related_figure_that_does_not_exist(project):
    text = edited(project, "data/figures.yaml", "    figure: enterprises-in-talks-2024\n", "    figure: enterprises-talks\n")
    assert_only(project, f"data/figures.yaml:{line_with(text, 'figure: enterprises-talks')}: enterprises-in-talks-h2-target: "
                         "related.figure: unknown figure 'enterprises-talks' (expected the id of another figure)")


def test_a_related_figure_in_another_unit_is_not_comparable(project):
    text = edited(project, "data/figures.yaml", "    figure: enterprises-in-talks-2024\n", "    figure: cattle-raised-2024\n")
    assert_only(project, f"data/figures.yaml:{line_with(text, 'figure: cattle-raised-2024')}: enterprises-in-talks-h2-target: "
                         "related.figure: cattle-raised-2024 is in '10,000 head', this figure in 'item': not comparable "
                         "(a related figure measures the same thing in the same unit; else remove `related`)")


def test_a_figure_from_an_unknown_sentence(project):
    text = edited(project, "data/figures.yaml", "    sentence: p07-s02\n", "    sentence: p07-s99\n")
    assert f"data/figures.yaml:{line_with(text, 'sentence: p07-s99')}: gdp-growth-h1: source.sentence: unknown sentence " \
           "'p07-s99' (expected an id from data/speech.yaml)" in problems(project)


def test_an_exclusion_of_an_unknown_sentence(project):
    text = edited(project, "data/figures-excluded.yaml", "- sentence: p02-s01\n  text: \"8月\"",
                  "- sentence: p02-s99\n  text: \"8月\"")
    assert f"data/figures-excluded.yaml:{line_with(text, 'p02-s99')}: [1]: sentence: unknown sentence 'p02-s99' " \
           "(expected an id from data/speech.yaml)" in problems(project)


def test_an_exclusion_that_is_not_a_number_of_its_sentence(project):
    text = edited(project, "data/figures-excluded.yaml", "  text: \"8月\"", "  text: \"9月\"")
    [problem] = problems(project)
    assert problem.startswith(f"data/figures-excluded.yaml:{line_with(text, '9月')}: [1]: text: '9月' is not a number "
                              "of sentence p02-s01 (expected one of: ")


def test_a_challenge_names_an_unknown_sentence(project):
    text = edited(project, "data/challenges.yaml", "{heading: p15-s04, detail: [p15-s05]}",
                  "{heading: p15-s04, detail: [p15-s95]}")
    assert_only(project, f"data/challenges.yaml:{line_with(text, 'p15-s95')}: pressures: items[1].detail[0]: unknown "
                         "sentence 'p15-s95' (expected an id from data/speech.yaml)")


# Found by mutation testing: each test below fails if the check it names is weakened.

def last_field_line(text: str) -> int:
    """The line of the last field written in a data file (a key at any depth, or a list item):
    where a maintainer adds what is missing from the file."""
    return max(number for number, line in enumerate(text.splitlines(), 1)
               if re.match(r"^\s*(?:- )?[\w-]+:", line))


def test_a_summary_for_a_part_the_speech_does_not_have(project):
    last = "focused on efficiency, process and results.\n"
    text = edited(project, "data/document.yaml", last,
                  last + "  - summary:\n      zh: 第四部分。\n      en: A fourth part.\n")
    assert_only(project, f"data/document.yaml:{line_with(text, 'parts:')}: parts: 4 summaries for the speech's 3 "
                         "parts; give one per part, in order")


def test_every_unknown_id_of_a_list_is_reported_not_only_the_first(project):
    edited(project, "data/charts.yaml", "    - sheep-raised-growth-2024\n", "    - goats-raised-growth-h1\n")
    text = edited(project, "data/charts.yaml", "    - poultry-raised-growth-2024\n", "    - ducks-raised-growth-h1\n")
    assert problems(project) == [
        f"data/charts.yaml:{line_with(text, 'goats-raised')}: livestock: figures[1]: unknown figure "
        "'goats-raised-growth-h1' (expected an id from data/figures.yaml)",
        f"data/charts.yaml:{line_with(text, 'ducks-raised')}: livestock: figures[2]: unknown figure "
        "'ducks-raised-growth-h1' (expected an id from data/figures.yaml)"]


def test_a_sentence_missing_from_the_translation_is_reported_at_the_end_of_the_file(project):
    chinese = yaml.safe_load((project / "data/speech.yaml").read_text(encoding="utf-8"))["p10-s02"]["zh"]
    original = (project / "data/speech.yaml").read_text(encoding="utf-8")
    start = original.index("p10-s02:\n")
    block = original[start:original.index("\np10-s03:", start) + 1]
    text = edited(project, "data/speech.yaml", block, "")
    assert_only(project, f"data/speech.yaml:{last_field_line(text)}: p10-s02: missing: the speech has this sentence, "
                         f"add it with its English (zh: {chinese!r})")


def test_a_figure_related_to_itself(project):
    text = edited(project, "data/figures.yaml", "    figure: enterprises-in-talks-2024\n",
                  "    figure: enterprises-in-talks-h2-target\n")
    assert_only(project, f"data/figures.yaml:{line_with(text, 'figure: enterprises-in-talks-h2-target')}: "
                         "enterprises-in-talks-h2-target: related.figure: unknown figure 'enterprises-in-talks-h2-target' "
                         "(expected the id of another figure)")


def test_a_value_that_is_only_part_of_a_number_of_the_quote(project):
    # 7 is written in 7.1, but the speech's number is 7.1: the value must be a whole number of the quote.
    text = edited(project, "data/figures.yaml", "  value: 7.1\n", "  value: 7\n")
    assert_only(project, f"data/figures.yaml:{line_with(text, '  value: 7')}: gdp-growth-h1: value: 7 is not in the "
                         "quote '全区地区生产总值同比增长7.1%' (expected the number exactly as the speech writes it, or the Chinese numeral it writes in `numeral`)")


def test_an_unknown_topic_of_a_target_with_a_related_figure(project):
    topics = sorted(topic["id"] for topic in yaml.safe_load((project / "data/topics.yaml").read_text(encoding="utf-8")))
    text = edited(project, "data/figures.yaml", "- id: grain-sown-area-target-2024\n  topic: industry\n",
                  "- id: grain-sown-area-target-2024\n  topic: grain\n")
    assert_only(project, f"data/figures.yaml:{line_with(text, 'topic: grain')}: grain-sown-area-target-2024: topic: "
                         f"unknown topic 'grain' (expected one of: {', '.join(topics)})")


def test_an_exclusion_that_is_only_part_of_a_number_of_its_sentence(project):
    # The sentence has 8月; the digit alone is not one of its numbers.
    text = edited(project, "data/figures-excluded.yaml", "  text: \"8月\"", "  text: \"8\"")
    line = line_with(text, '  text: "8"')
    [problem] = problems(project)
    assert problem.startswith(f"data/figures-excluded.yaml:{line}: [1]: text: '8' is not a "
                              "number of sentence p02-s01 (expected one of: ")


def test_a_number_written_twice_in_a_sentence_is_covered_once_per_mention(project):
    # p18-s07 sets two targets of 5 (new cooperatives, new family farms): one figure does not cover both.
    original = (project / "data/figures.yaml").read_text(encoding="utf-8")
    start = original.index("- id: new-family-farms-h2-target\n")
    text = edited(project, "data/figures.yaml", original[start:original.index("\n- id: ", start) + 1], "")
    assert_only(project, f"data/figures.yaml:{last_field_line(text)}: p18-s07: the number '5' of this sentence is "
                         "neither a figure nor excluded (add it to data/figures.yaml, or to data/figures-excluded.yaml "
                         "with a reason)")


def test_a_challenge_outro_names_an_unknown_sentence(project):
    text = edited(project, "data/challenges.yaml", "  outro: [p15-s10, p15-s11, p15-s12]", "  outro: [p15-s10, p15-s11, p15-s92]")
    assert_only(project, f"data/challenges.yaml:{line_with(text, 'p15-s92')}: pressures: outro[2]: unknown sentence "
                         "'p15-s92' (expected an id from data/speech.yaml)")


def test_chart_figures_must_share_a_basis(project):
    # key-projects-start-rate-h1 is a first-half percentage like the others, but a rate, not a growth year on year.
    text = edited(project, "data/charts.yaml", "    - retail-sales-growth-h1\n",
                  "    - retail-sales-growth-h1\n    - key-projects-start-rate-h1\n")
    assert_only(project, f"data/charts.yaml:{line_with(text, '- key-projects-start-rate-h1')}: growth: figures[5]: "
                         "'key-projects-start-rate-h1' has basis None, but 'gdp-growth-h1' has 'year-on-year' (a chart's "
                         "figures must share unit, period and basis; draw the others in a chart of their own)")


def test_problems_are_listed_file_by_file_in_the_order_files_refer_to_each_other_then_line_by_line(project):
    # speech.yaml holds the sentences challenges.yaml refers to: its problem comes first, though
    # both its name and its line would sort after the challenge's.
    late = edited(project, "data/speech.yaml", "  zh: 工作汇报,要少说困难、多说办法,少讲原因、多讲结果。",
                  "  zh: 工作汇报,要少说困难、多说办法,少讲原因、多讲结果!")
    early = edited(project, "data/challenges.yaml", "{heading: p25-s08, detail: [p25-s09, p25-s10, p25-s11]}",
                   "{heading: p25-s98, detail: [p25-s09, p25-s10, p25-s11]}")
    sentence_line, challenge_line = line_with(late, "多讲结果!"), line_with(early, "p25-s98")
    assert sentence_line > challenge_line  # test setup: line order alone would put challenges.yaml first
    assert [line.split(" (")[0].split(": the speech")[0] for line in problems(project)] == [
        f"data/speech.yaml:{sentence_line}: p25-s10: zh: stale",
        f"data/challenges.yaml:{challenge_line}: orientations: items[2].heading: unknown sentence 'p25-s98'"]


def test_a_cause_is_listed_before_its_consequences(project):
    # A wrong period in figures.yaml also makes the chart that draws the figure mix periods:
    # the figure's line comes first, though charts.yaml sorts before figures.yaml by name.
    text = edited(project, "data/figures.yaml", "  period: 2024-H1\n  basis: year-on-year\n  headline: true\n",
                  "  period: 2024-Q9\n  basis: year-on-year\n  headline: true\n")
    listed = problems(project)
    assert listed[0] == (f"data/figures.yaml:{line_with(text, '2024-Q9')}: gdp-growth-h1: period: unknown period "
                         "'2024-Q9' (expected an id from data/periods.yaml: 2024-H1, 2024-to-date, 2024-H2, 2024, "
                         "2024-year-end, cumulative, whole-project)")
    assert len(listed) > 1 and all(line.startswith("data/charts.yaml:") for line in listed[1:])


def test_every_mistake_of_one_figure_is_listed(project):
    text = edited(project, "data/figures.yaml", "  topic: headline\n  label:\n    zh: 地区生产总值同比增长\n",
                  "  topic: headlin\n  label:\n    zh: 地区生产总值同比增长\n")
    text = edited(project, "data/figures.yaml", "    quote: 全区地区生产总值同比增长7.1%\n",
                  "    quote: 全区区生产总值同比增长7.1%\n")
    text = edited(project, "data/figures.yaml", "the district’s regional GDP grew 7.1%", "the district’s regional GDP rose 7.1%")
    assert [line.split(" (")[0] for line in problems(project)] == [
        f"data/figures.yaml:{line_with(text, 'topic: headlin')}: gdp-growth-h1: topic: unknown topic 'headlin'",
        f"data/figures.yaml:{line_with(text, '全区区')}: gdp-growth-h1: source.quote: '全区区生产总值同比增长7.1%' "
        "is not in sentence p07-s02",
        f"data/figures.yaml:{line_with(text, 'GDP rose')}: gdp-growth-h1: source.quote_en: 'the district’s regional "
        "GDP rose 7.1% year on year' is not in the English of sentence p07-s02"]


@pytest.mark.parametrize("character", ["\u2066", "\u2067", "\u2068", "\u2069"])
def test_bidirectional_isolates_are_reported_on_their_line(project, character):
    # Like the overrides U+202A-U+202E, the isolates make text display in another order than it is stored.
    text = edited(project, "data/glossary.yaml", "  pinyin: sān bǎozhàng", f"  pinyin: sān{character} bǎozhàng")
    assert_only(project, f"data/glossary.yaml:{line_with(text, f'sān{character}')}: invisible character "
                         f"U+{ord(character):04X} (a control or text-direction character); delete it")


def test_nesting_one_level_deeper_than_the_schema_is_refused(project):
    # charts.yaml has 3 levels: a list of charts, each a group, whose figures are a list (or title a group).
    text = edited(project, "data/charts.yaml", "  page: results\n", "  page: [[]]\n")
    assert_only(project, f"data/charts.yaml:{line_with(text, '  page: [[]]')}: nested deeper than 3 levels, more than "
                         "this file's schema has; check the indentation")


def test_nesting_as_deep_as_the_schema_is_left_to_the_schema(project):
    text = edited(project, "data/charts.yaml", "  page: results\n", "  page: []\n")
    [problem] = problems(project)
    assert problem.startswith(f"data/charts.yaml:{line_with(text, '  page: []')}: growth: page: ")
    assert "nested deeper" not in problem


def test_a_syntax_error_after_quoted_text_is_reported_where_yaml_stopped(project):
    # An unquoted ': ' in a text, after quoted texts that each close on their own line: the
    # mistake is on its own line, and no quote runs away.
    text = edited(project, "data/figures-excluded.yaml", "  reason: The day of the date", "  reason: The day: of the date")
    [problem] = problems(project)
    assert problem.startswith(f"data/figures-excluded.yaml:{line_with(text, 'The day: of the date')}: "
                              "YAML syntax error: mapping values are not allowed")
    assert problem.endswith("(check indentation, and quote text that contains ': ' or starts with a symbol)")
    assert "quoted text" not in problem


# A figure's English quote, a figure in a Chinese numeral, its kind, and the projects page's rows.

def test_an_english_quote_that_is_not_in_the_sentence_english(project):
    text = edited(project, "data/figures.yaml", "    quote_en: the district’s regional GDP grew 7.1% year on year\n",
                  "    quote_en: regional GDP rose 7.1% year on year\n")
    [problem] = problems(project)
    assert problem.startswith(f"data/figures.yaml:{line_with(text, 'quote_en: regional GDP rose')}: gdp-growth-h1: "
                              "source.quote_en: 'regional GDP rose 7.1% year on year' is not in the English of sentence "
                              "p07-s02 (expected words copied exactly from: ")


def test_an_english_quote_without_the_number_of_the_chinese(project):
    text = edited(project, "data/figures.yaml", "    quote_en: the district’s regional GDP grew 7.1% year on year\n",
                  "    quote_en: the district’s regional GDP grew\n")
    assert_only(project, f"data/figures.yaml:{line_with(text, 'quote_en: the district’s regional GDP grew')}: "
                         "gdp-growth-h1: source.quote_en: 'the district’s regional GDP grew' does not give 7.1% of the "
                         "quote '全区地区生产总值同比增长7.1%' (expected the English words that translate the quote, its "
                         "numbers among them)")


def test_a_numeral_that_is_not_in_the_quote(project):
    text = edited(project, "data/figures.yaml", "  numeral: 零\n", "  numeral: 〇\n")
    line = line_with(text, "  numeral: 〇")
    found = problems(project)
    assert (f"data/figures.yaml:{line}: straw-burning-spots-h1: numeral: '〇' is not in the quote '我区秸秆全域禁烧工作实现“零”火点' "
            "(expected the Chinese numeral as the quote writes it)") in found


def test_a_numeral_that_reads_as_another_value(project):
    text = edited(project, "data/figures.yaml", "  value: 0\n  unit: item\n  kind: count\n  period: 2024-H1\n  numeral: 零\n",
                  "  value: 1\n  unit: item\n  kind: count\n  period: 2024-H1\n  numeral: 零\n")
    record = line_with(text, "- id: straw-burning-spots-h1")
    value = next(number for number, line in enumerate(text.splitlines(), 1) if number > record and line == "  value: 1")
    assert_only(project, f"data/figures.yaml:{value}: straw-burning-spots-h1: value: 1, but the numeral '零' reads 0 "
                         "(expected the value the numeral writes)")


def test_a_count_of_an_amount_measured(project):
    text = edited(project, "data/figures.yaml", "  unit: 10,000 mu\n  kind: result\n", "  unit: 10,000 mu\n  kind: count\n")
    assert_only(project, f"data/figures.yaml:{line_with(text, '  kind: count', 1)}: cereals-sown-area-2024: kind: count, but "
                         "'10,000 mu' measures an amount (expected kind: result: a count is a number of items, households, "
                         "people or head; a result an amount of area, length, money or weight)")


def test_an_enterprise_without_what_the_speech_says_of_it(project):
    text = edited(project, "data/glossary.yaml", "  said:\n    zh: 被评为市级产业化联合体\n    en: Named a city-level industrialization consortium\n", "")
    record = line_with(text, "- id: yuan-xiang-zu-dai-ji")
    kind = next(number for number, line in enumerate(text.splitlines(), 1) if number > record and line == "  kind: enterprise")
    assert_only(project, f"data/glossary.yaml:{kind}: yuan-xiang-zu-dai-ji: kind: 源翔祖代鸡 is a enterprise without `said` "
                         "(add said: with zh: and en:, a short phrase each: what the speech says of it)")


def test_the_same_place_as_an_unknown_entry(project):
    text = edited(project, "data/glossary.yaml", "  same_as: xiao-yang-qiao-han-wu-ao-tao-di-zhi-wen-hua-cun\n",
                  "  same_as: xiao-yang-qiao-cun-wen-hua\n")
    assert_only(project, f"data/glossary.yaml:{line_with(text, 'same_as: xiao-yang-qiao-cun-wen-hua')}: "
                         "xiao-yang-qiao-wen-hua-cun: same_as: unknown entry 'xiao-yang-qiao-cun-wen-hua' (expected the id "
                         "of another entry of data/glossary.yaml)")


def test_the_same_place_as_something_the_projects_page_does_not_list(project):
    text = edited(project, "data/glossary.yaml", "  same_as: xiao-yang-qiao-han-wu-ao-tao-di-zhi-wen-hua-cun\n",
                  "  same_as: xiao-yang-qiao-cun\n")
    assert_only(project, f"data/glossary.yaml:{line_with(text, 'same_as: xiao-yang-qiao-cun')}: xiao-yang-qiao-wen-hua-cun: "
                         "same_as: 小洋桥文化村 and 小洋桥村 cannot be listed as one (expected two projects, enterprises or "
                         "parks, the other without same_as)")
