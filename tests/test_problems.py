"""Every problem the validator can report, triggered once each: the message names the file, the
line a maintainer must fix, the field, and what to do. The expected lines are found in the edited
file by their text, independently of the loader."""

from __future__ import annotations

from pathlib import Path

import pytest

from scripts.generate import DataError, load_site_data

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
    [problem] = problems(project)
    assert problem.startswith("data/topics.yaml:1: cannot be read (")


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
    text = edited(project, "data/figures.yaml", "    figure: cereals-sown-area-2024\n", "    figure: cereal-area\n")
    record = [line for line in text.splitlines()[:line_with(text, "figure: cereal-area")] if line.startswith("- id: ")][-1]
    assert_only(project, f"data/figures.yaml:{line_with(text, 'figure: cereal-area')}: {record[6:]}: related.figure: "
                         "unknown figure 'cereal-area' (expected the id of another figure)")


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
