"""What became of a target, computed from small made-up figures: the comparator its Chinese states,
"strive to" (力争) as aspirational, the boundaries of each comparison, a second half computed from
a whole year less the part before, units of another magnitude, and main points cut into words
and figure references with the periods they name."""

from __future__ import annotations

from decimal import Decimal

import pytest

from scripts.model.outcomes import (
    AROUND,
    STATUSES,
    assess,
    comparator_of,
    reaches,
    status_counts,
)
from scripts.model.points import period_mentions, point_pieces, references
from scripts.model.records import Figure, MainPoint, Outcome, Period, PeriodWords


def target(quote: str, value, unit: str = "item", period: str = "2024") -> Figure:
    return Figure.model_validate({
        "id": "a-target", "topic": "t", "label": {"zh": "目标", "en": "Target"}, "value": value, "unit": unit,
        "kind": "target", "period": period, "source": {"sentence": "p01-s01", "quote": quote, "quote_en": "its English"}})


def outcome(value, unit: str = "item", status: str | None = None, since: str | None = None) -> Outcome:
    return Outcome.model_validate({
        "id": "an-outcome", "figure": "a-target", "label": {"zh": "结果", "en": "Outcome"}, "value": value,
        "unit": unit, "period": "2024", "vintage": "preliminary", "status": status, "since": since,
        "source": "a-source"})


@pytest.mark.parametrize("quote, kind, word", [
    ("特色农产品加工收入突破3亿元", "above", "突破"),
    ("确保粮食产量达到6000万斤以上", "at-least", "以上"),
    ("参保率不低于95%", "at-least", "不低于"),
    ("能耗增长控制在2%", "at-most", "控制在"),
    ("事故起数在5起以内", "at-most", "以内"),
    ("新增就业1200人左右", "around", "左右"),
    ("完成9个“千村美丽”", "reach", None),
])
def test_the_comparator_is_read_from_the_target_s_chinese(quote, kind, word):
    comparator = comparator_of(target(quote, 1), quote)
    assert (comparator.kind, comparator.word) == (kind, word)


@pytest.mark.parametrize("sentence, quote, aspirational", [
    ("下半年,力争签约亿元以上项目4个以上,对接洽谈企业30家以上。", "对接洽谈企业30家以上", True),
    ("力争创建特色基地3个。", "力争创建特色基地3个", True),
    ("确保粮食产量达到6000万斤以上,力争年末肉牛总养殖量达到3.3万头以上。", "确保粮食产量达到6000万斤以上", False),
    ("力争年末肉牛总养殖量达到3.3万头以上,确保粮食产量达到6000万斤以上。", "确保粮食产量达到6000万斤以上", False),
    ("全年整改农村户用问题厕所580座。", "全年整改农村户用问题厕所580座", False),
])
def test_strive_to_marks_a_target_aspirational_up_to_the_next_firmer_word(sentence, quote, aspirational):
    assert comparator_of(target(quote, 1), sentence).aspirational is aspirational


@pytest.mark.parametrize("kind, outcome_value, met", [
    ("at-least", "30", True), ("at-least", "29.99", False),
    ("reach", "30", True), ("reach", "29", False),
    ("above", "30", False), ("above", "30.01", True),
    ("at-most", "30", True), ("at-most", "30.01", False),
    ("around", "31.5", True), ("around", "28.5", True), ("around", "31.51", False), ("around", "28.49", False),
])
def test_each_comparison_at_its_boundary(kind, outcome_value, met):
    assert AROUND == Decimal("0.05")
    assert reaches(kind, Decimal(outcome_value), Decimal(30)) is met


def test_a_second_half_is_the_whole_year_less_the_part_before():
    before = target("对接洽谈企业66家", 66, period="2024-to-date").model_copy(update={"id": "before", "kind": "count"})
    goal = target("对接洽谈企业30家以上", 30, period="2024-H2")
    figures = {"before": before, "a-target": goal}
    assert assess(goal, "对接洽谈企业30家以上", outcome(96, since="before"), figures).status == "met"
    missed = assess(goal, "对接洽谈企业30家以上", outcome(95, since="before"), figures)
    assert (missed.status, missed.compared, missed.computed) == ("not-met", Decimal(29), True)


def test_an_outcome_in_another_magnitude_is_compared_in_the_target_s_unit():
    goal = target("年末肉牛总养殖量达到3.3万头以上", 3.3, unit="10,000 head")
    reached = assess(goal, goal.source.quote, outcome(33000, unit="head"), {})
    assert (reached.status, reached.compared) == ("met", Decimal("3.3"))
    assert assess(goal, goal.source.quote, outcome(32999, unit="head"), {}).status == "not-met"


def test_no_outcome_and_an_incomparable_one_are_never_a_failure():
    goal = target("完成9个“千村美丽”", 9)
    assert assess(goal, goal.source.quote, None, {}).status == "no-comparable-outcome"
    incomparable = outcome(12, status="no-comparable-outcome")
    assert assess(goal, goal.source.quote, incomparable, {}).status == "no-comparable-outcome"
    counted = status_counts([assess(goal, goal.source.quote, None, {})])
    assert list(counted) == list(STATUSES) and counted == {"met": 0, "not-met": 0, "no-comparable-outcome": 1}


# Main points

PERIODS = (
    Period(id="h1", zh="上半年", en="H1", words=PeriodWords(zh=["上半年"], en=["first half"])),
    Period(id="year", zh="全年", en="Year", words=PeriodWords(zh=["全年"], en=["year", "whole year"])),
    Period(id="h2", zh="下半年", en="H2", words=PeriodWords(zh=["下半年"], en=["second half"])),
)


def test_a_point_is_cut_into_its_words_and_figure_references():
    pieces = point_pieces("增长{gdp}，居全市{rank}。")
    assert [(piece.text, piece.figure) for piece in pieces] == [
        ("增长", None), ("{gdp}", "gdp"), ("，居全市", None), ("{rank}", "rank"), ("。", None)]
    assert references("{a} and { b }") == ["a", "b"]
    assert references("no figures") == []


def test_period_words_longest_first_whole_words_and_not_inside_references():
    assert period_mentions("In the first half of the year", PERIODS, "en") == ["h1", "year"]
    assert period_mentions("For the whole year, a yearly {year-target}", PERIODS, "en") == ["year"]
    assert period_mentions("全年确保，下半年力争，上半年增长{全年}", PERIODS, "zh") == ["year", "h2", "h1"]
    assert period_mentions("In the First Half", PERIODS, "en") == ["h1"]


def test_a_main_point_is_one_of_two_kinds_in_both_languages():
    with pytest.raises(ValueError):
        MainPoint.model_validate({"kind": "says", "zh": "x", "en": "y"})
