"""`make draft` (scripts/tools/draft.py): a first draft of the data from a speech's text, measured
against hand-checked answers, on the speech of data/ and on a fictional speech it has never seen
(tests/fixtures/fictional-speech/, written for these tests and never published). The tables are
printed (pytest -s shows them); the shares below are the floors the draft must keep."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from scripts.build.generate import DataError, load_site_data
from scripts.model.speech import split_speech
from scripts.tools.draft import compare, draft, main
from tests.conftest import ROOT

FICTIONAL = ROOT / "tests/fixtures/fictional-speech"


def real_seed() -> Path:
    return ROOT / yaml.safe_load((ROOT / "data/document.yaml").read_text(encoding="utf-8"))["source"]["file"]


def measured(seed: Path, confirmed: Path, out: Path) -> tuple[dict[str, tuple[int, int]], list[str]]:
    proposals = draft(seed, out, ROOT / "data")
    ids = [sentence.id for paragraph in split_speech(seed.read_text(encoding="utf-8")) for sentence in paragraph.sentences]
    table, disagreements = compare(proposals, ids, confirmed)
    print(f"\n{seed.name}:\n" + "\n".join(f"  {row.name}: {row.agreed} of {row.compared}" for row in table))
    print("\n".join(f"  {line}" for line in disagreements))
    return {row.name: (row.agreed, row.compared) for row in table}, disagreements


def share(pair: tuple[int, int]) -> float:
    return pair[0] / pair[1]


def test_the_draft_of_this_speech_agrees_with_its_confirmed_data(tmp_path):
    table, _ = measured(real_seed(), ROOT / "data", tmp_path / "draft")
    sentences = yaml.safe_load((ROOT / "data/speech.yaml").read_text(encoding="utf-8"))
    assert table["sentences and their ids"] == (len(sentences), len(sentences))
    agreed, numbers = table["numbers proposed as a figure or excluded"]
    assert agreed == numbers and numbers > 100
    assert share(table["value and unit"]) >= 0.98
    assert share(table["period"]) >= 0.95
    assert share(table["kind"]) >= 0.85


def test_the_draft_of_a_speech_it_has_never_seen_agrees_with_the_hand_made_answer(tmp_path):
    table, _ = measured(FICTIONAL / "seed.txt", FICTIONAL / "answer", tmp_path / "draft")
    answer = yaml.safe_load((FICTIONAL / "answer/figures.yaml").read_text(encoding="utf-8"))
    assert table["sentences and their ids"] == (26, 26)
    assert table["numbers proposed as a figure or excluded"][0] == table["numbers proposed as a figure or excluded"][1]
    assert table["value and unit"] == (len(answer), len(answer))
    assert share(table["period"]) >= 0.9 and share(table["kind"]) >= 0.85


def test_numerals_in_names_stay_words_and_numeral_quantities_are_proposed(tmp_path):
    draft(FICTIONAL / "seed.txt", tmp_path, ROOT / "data")
    figures = yaml.safe_load((tmp_path / "figures.yaml").read_text(encoding="utf-8").split("\n", 3)[3])
    # One figure per number of the hand-made answer: none from 三抓三促, 四个不摘 or 一般, and no
    # quote rewritten by a converter (1般, 3抓3促).
    answer = yaml.safe_load((FICTIONAL / "answer/figures.yaml").read_text(encoding="utf-8"))
    assert len(figures) == len(answer)
    quotes = " ".join(figure["source"]["quote"] for figure in figures)
    assert "一般公共预算" in quotes and "1般" not in quotes
    [zero] = [figure for figure in figures if figure.get("numeral")]
    assert (zero["numeral"], zero["value"], zero["kind"], zero["period"]) == ("零", "0", "count", "2025-H1")
    glossary = yaml.safe_load((tmp_path / "glossary.yaml").read_text(encoding="utf-8").split("\n", 3)[3])
    assert [entry["zh"] for entry in glossary] == ["三抓三促", "四个不摘"]
    periods = yaml.safe_load((tmp_path / "periods.yaml").read_text(encoding="utf-8").split("\n", 3)[3])
    assert {period["id"] for period in periods} >= {"2025-Q1", "2025-01-to-07", "2025-H1", "2025-to-date", "2025"}


def test_make_draft_prints_the_agreement_table_for_the_seed_of_data(tmp_path, capsys):
    assert main([str(real_seed()), "--out", str(tmp_path)]) == 0
    printed = capsys.readouterr().out
    assert "| sentences and their ids |" in printed and "| kind |" in printed
    assert main([str(tmp_path / "missing.txt")]) == 1
    assert "no such file" in capsys.readouterr().err


def test_an_unconfirmed_draft_is_refused_on_the_line_of_each_mark(project, tmp_path):
    draft(real_seed(), tmp_path, ROOT / "data")
    drafted = (tmp_path / "figures.yaml").read_text(encoding="utf-8")
    (project / "data/figures.yaml").write_text(drafted, encoding="utf-8")
    with pytest.raises(DataError) as raised:
        load_site_data(project)
    marks = [problem for problem in raised.value.problems if problem.file == "data/figures.yaml"]
    lines = drafted.splitlines()
    first_id = next(line.split(": ", 1)[1] for line in lines if line.startswith("- id: "))
    assert len([line for line in lines if line.strip() == "draft: true"]) == \
        len([problem for problem in marks if problem.field.endswith(": draft")])
    first = marks[0]
    assert lines[first.line - 1].strip() == "draft: true" and first.field == f"{first_id}: draft"
    assert first.message.startswith("an unconfirmed proposal of `make draft`")


def proposals_of(body: str, part: int = 1) -> dict[str, tuple]:
    """The draft's reading of each number of `body`, as a sentence of the given part of a tiny
    speech of 5 August 2025: text -> (value, unit, period, kind) or the reason it is excluded."""
    from datetime import date

    from scripts.tools.draft import propose_numbers

    lines = ["讲话", "(2025年8月5日)", "区长 某", "同志们:", "一、回顾", body if part == 1 else "回顾。",
             "二、任务", body if part == 2 else "任务。"]
    proposals = propose_numbers(split_speech("\n".join(lines)), date(2025, 8, 5))
    return {proposal.text: proposal.excluded or (proposal.value, proposal.unit, proposal.period, proposal.kind)
            for proposal in proposals if not proposal.sentence.startswith(("p01", "p02"))}


@pytest.mark.parametrize("body, part, text, expected", [
    # units: the number's own, the one that follows, the last of a list, 户 for households only
    ("分别高于全省和全市平均水平1.4和2.0个百分点。", 1, "1.4", ("1.4", "percentage point", "2025-to-date", "change")),
    ("全区脱贫人口476户。", 1, "476", ("476", "household", "2025-to-date", "count")),
    ("新增企业15户。", 1, "15", ("15", "item", "2025-to-date", "count")),
    ("接待游客36.5万人次。", 1, "36.5万", ("36.5", "10,000 person-times", "2025-to-date", "count")),
    # periods: the clause's words, 累计 onward in its sentence, 其中 after a sentence with words,
    # a quarter and months read against the speech's date, and the parts' own time without words
    ("累计完成修复651.14公顷,矿点修复27个。", 1, "27", ("27", "item", "cumulative", "count")),
    ("上半年新开工项目18个。其中产业项目12个。", 1, "12", ("12", "item", "2025-H1", "count")),
    ("3—7月,工业产值完成12.6亿元。", 1, "12.6亿元", ("12.6", "100 million yuan", "2025-03-to-07", "result")),
    ("一季度,地区生产总值增长5.8%。", 1, "5.8%", ("5.8", "percent", "2025-Q1", "change")),
    ("新建道路35公里。", 2, "35", ("35", "km", "2025", "target")),
    # kinds: a target's cue words in any part, a floor before a noun, a share, a rank
    ("力争创建特色基地3个。", 1, "3", ("3", "item", "2025-to-date", "target")),
    ("开复工500万元以上重点项目52个。", 1, "500万元", ("500", "10,000 yuan", "2025-to-date", "threshold")),
    ("开工率达到85%。", 1, "85%", ("85", "percent", "2025-to-date", "share")),
    ("增速位列全市第2位。", 1, "第2", ("2", "rank", "2025-to-date", "rank")),
    # not figures: a month, a number inside a quoted name, a year of a name
    ("依托“长白山365里路”建设。", 1, "365", "Part of a quoted name, not a quantity."),
    ("2025新春活动顺利举办。", 1, "2025", "A year in a name, not a quantity."),
    ("1—8月,运行平稳。", 1, "1—8月", "A period of months, not a quantity."),
])
def test_each_reading_of_a_number(body, part, text, expected):
    assert proposals_of(body, part)[text] == expected
