"""Bad input in data/: every problem reported as `file:line: field: problem`, nothing written."""

from pathlib import Path

import pytest

from scripts.build.generate import DataError, generate, load_site_data

DOCUMENT = "data/document.yaml"


def edit(project: Path, old: str, new: str, file: str = DOCUMENT) -> None:
    path = project / file
    text = path.read_text(encoding="utf-8")
    assert old in text, f"test setup: {old!r} not in {file}"
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def line_of(project: Path, text: str, file: str = DOCUMENT) -> int:
    for number, line in enumerate((project / file).read_text(encoding="utf-8").splitlines(), 1):
        if text in line:
            return number
    raise AssertionError(f"test setup: {text!r} not in {file}")


def problems(project: Path) -> list[str]:
    with pytest.raises(DataError) as raised:
        load_site_data(project)
    return [str(problem) for problem in raised.value.problems]


def test_yaml_syntax_error_names_the_line(project):
    edit(project, "  en: Pan Guoqiang", "  en: Pan: Guoqiang: [")
    line = line_of(project, "Pan: Guoqiang")
    [problem] = problems(project)
    assert problem.startswith(f"{DOCUMENT}:{line}: YAML syntax error")


def test_missing_field_names_its_parent_line(project):
    edit(project, "    en: Deputy Secretary of the District Party Committee and District Head\n", "")
    line = line_of(project, "  office:")
    assert problems(project) == [f"{DOCUMENT}:{line}: speaker.office.en: missing (add this field)"]


def test_wrong_type_is_named_with_what_was_found(project):
    edit(project, "date: 2024-08-22", "date: 22 August 2024")
    line = line_of(project, "date: 22 August")
    assert problems(project) == [
        f"{DOCUMENT}:{line}: date: expected a date written YYYY-MM-DD, without quotes, found text '22 August 2024'"]


def test_impossible_date_is_reported_not_crashed_on(project):
    edit(project, "date: 2024-08-22", "date: 2024-13-01")
    line = line_of(project, "date: 2024-13-01")
    assert problems(project) == [
        f"{DOCUMENT}:{line}: date: '2024-13-01' cannot be read (month must be in 1..12); correct the value"]


def test_number_where_text_belongs_is_not_silently_converted(project):
    edit(project, "  en: Pan Guoqiang", "  en: 42")
    line = line_of(project, "  en: 42")
    assert problems(project) == [f"{DOCUMENT}:{line}: speaker.name.en: expected text, found a number 42"]


def test_unknown_field_is_reported(project):
    edit(project, "date: 2024-08-22", "date: 2024-08-22\nvenue: Baishan")
    line = line_of(project, "venue:")
    assert problems(project) == [
        f"{DOCUMENT}:{line}: venue: unknown field (remove it, or check its spelling against the schema)"]


def test_duplicate_key_is_reported(project):
    edit(project, "date: 2024-08-22", "date: 2024-08-22\ndate: 2024-08-23")
    first, second = line_of(project, "date: 2024-08-22"), line_of(project, "date: 2024-08-23")
    assert problems(project) == [f"{DOCUMENT}:{second}: date: written twice (first on line {first}); keep one"]


def test_quote_not_in_the_speech_is_reported(project):
    edit(project, "  zh: 潘国强  # verbatim", "  zh: 潘国庆  # verbatim")
    line = line_of(project, "潘国庆")
    [problem] = problems(project)
    assert problem.startswith(f"{DOCUMENT}:{line}: speaker.name.zh: '潘国庆' is not in the speech")


def test_full_width_punctuation_is_not_the_speech(project):
    # The speech writes half-width parentheses in its title; a "corrected" quote is not verbatim.
    edit(project, "  zh: 在区政府2024年全体(扩大)会议上的讲话", "  zh: 在区政府2024年全体（扩大）会议上的讲话")
    [problem] = problems(project)
    assert ": title.zh: '在区政府2024年全体（扩大）会议上的讲话' is not in the speech" in problem


def test_changed_seed_stops_the_build(project):
    seed = next((project / "seeds").iterdir())
    seed.write_bytes(seed.read_bytes().replace("7.1%".encode(), "7.2%".encode(), 1))
    line = line_of(project, "sha256:")
    found = problems(project)
    assert f"{DOCUMENT}:{line}: source.sha256: {seed.relative_to(project)} has changed" in found[0]
    # ... and the translation of the changed sentence is named as stale.
    assert any(": p07-s02: zh: stale" in problem for problem in found)


def test_date_must_match_how_the_speech_writes_it(project):
    edit(project, "date: 2024-08-22", "date: 2024-08-21")
    [problem] = problems(project)
    assert "date_as_written: '2024年8月22日' does not match date 2024-08-21" in problem


def test_every_problem_is_reported_at_once(project):
    edit(project, "  en: Pan Guoqiang", "  en: 42")
    edit(project, "date: 2024-08-22", "date: 2024-08-22\nvenue: Baishan")
    edit(project, "  - summary:\n      zh: 要求打破", "  - summary:\n      zz: 要求打破")
    found = problems(project)
    assert len(found) == 4  # wrong type, unknown field, and parts[2].summary: zz unknown, zh missing
    assert all(problem.startswith(f"{DOCUMENT}:") for problem in found)


def test_empty_file_and_missing_file(project):
    (project / DOCUMENT).write_text("# nothing yet\n", encoding="utf-8")
    assert problems(project) == [f"{DOCUMENT}:1: the file is empty (restore it from git)"]
    (project / DOCUMENT).unlink()
    assert problems(project) == [f"{DOCUMENT}:1: file not found (restore it from git)"]


def test_bad_data_writes_nothing(project):
    generate(project)
    before = {path.name: path.read_bytes() for path in (project / "docs").glob("*.md")}
    edit(project, "  en: Pan Guoqiang", "  en: [")
    with pytest.raises(DataError):
        generate(project)
    assert {path.name: path.read_bytes() for path in (project / "docs").glob("*.md")} == before


def test_one_summary_per_part_of_the_speech(project):
    text = (project / DOCUMENT).read_text(encoding="utf-8")
    last = text.rindex("  - summary:")
    (project / DOCUMENT).write_text(text[:last], encoding="utf-8")
    line = line_of(project, "parts:")
    assert problems(project) == [f"{DOCUMENT}:{line}: parts: 2 summaries for the speech's 3 parts; give one per part, in order"]


def test_glossary_term_not_in_the_speech(project):
    edit(project, "  zh: 两不愁三保障\n", "  zh: 两不愁四保障\n", "data/glossary.yaml")
    line = line_of(project, "两不愁四保障", "data/glossary.yaml")
    [problem] = problems(project)
    assert problem.startswith(f"data/glossary.yaml:{line}: liang-bu-chou-san-bao-zhang: zh: '两不愁四保障' is not in the speech")


def test_glossary_term_rendered_differently_in_the_translation(project):
    edit(project, "Two Assurances and Three Guarantees", "Two Worries and Three Guarantees", "data/speech.yaml")
    [problem] = problems(project)
    assert "p11-s02: en: glossary term 两不愁三保障 is not rendered as 'Two Assurances and Three Guarantees'" in problem


def test_glossary_unknown_kind(project):
    edit(project, "  kind: formula\n", "  kind: slogan-ish\n", "data/glossary.yaml")
    line = line_of(project, "slogan-ish", "data/glossary.yaml")
    [problem] = problems(project)
    assert problem.startswith(f"data/glossary.yaml:{line}: liang-bu-chou-san-bao-zhang: kind: Input should be 'formula', 'slogan'")


def test_glossary_duplicate_id(project):
    text = (project / "data/glossary.yaml").read_text(encoding="utf-8")
    second_id = text.split("\n- id: ")[2].split("\n")[0]
    edit(project, f"- id: {second_id}\n", "- id: liang-bu-chou-san-bao-zhang\n", "data/glossary.yaml")
    first, duplicate = [number for number, line in enumerate((project / "data/glossary.yaml").read_text(encoding="utf-8").splitlines(), 1)
                        if line == "- id: liang-bu-chou-san-bao-zhang"]
    assert problems(project) == [f"data/glossary.yaml:{duplicate}: liang-bu-chou-san-bao-zhang: id: 'liang-bu-chou-san-bao-zhang' "
                                 f"is also the id of the record on line {first}; give each its own id, or merge them"]
