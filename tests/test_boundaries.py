"""Boundaries the data of this speech never reaches but another speech's may: each expected
value is worked out here by hand, not taken from the code."""

from __future__ import annotations

import dataclasses
from decimal import Decimal

import pytest

from scripts.build.generate import load_site_data
from scripts.model.numbers import appears, missing_numbers
from scripts.model.quantity import english_quantity
from scripts.model.records import Figure
from scripts.model.relations import days_in, rounded, whole_days
from tests.test_problems import edited


@pytest.mark.parametrize("period, days", [("2024", 366), ("2023", 365), ("2024-H1", 182), ("2023-H1", 181),
                                          ("2024-H2", 184), ("2023-H2", 184), ("2100", 365), ("2000", 366)])
def test_the_days_of_a_year_and_its_halves(period, days):
    # Leap years: 2024 and 2000 are, 2023 and 2100 (a century not divisible by 400) are not.
    assert days_in(period) == days


def share(value: float) -> Figure:
    return Figure.model_validate({
        "id": "x", "topic": "t", "label": {"zh": "x", "en": "x"}, "value": value, "unit": "percent", "kind": "share",
        "period": "2024-H1", "source": {"sentence": "p01-s01", "quote": "x", "quote_en": "x"}})


@pytest.mark.parametrize("value, days, expected", [
    (96, 182, (174, 175)),  # 95.5% to 96.5% of 182 days: 173.81 to 175.63
    (96, 200, (191, 192)),  # 95.5% of 200 is 191 days, which rounds to 96%; 96.5% is 193, which rounds to 97%
    (50, 2, (1, 1)),        # 49.5% to 50.5% of 2 days: 0.99 to 1.01
    (96.5, 200, (193, 193)),  # 96.45% to 96.55% of 200 days: 192.9 to 193.1
])
def test_the_whole_days_a_rounded_share_can_stand_for(value, days, expected):
    assert whole_days(share(value), days) == expected


@pytest.mark.parametrize("value, decimals, expected", [("2.5", 0, "3"), ("3.5", 0, "4"), ("0.125", 2, "0.13"),
                                                       ("99.545", 2, "99.55"), ("-0.5", 0, "-1")])
def test_a_tie_rounds_half_up_as_the_speech_does_not_to_even(value, decimals, expected):
    assert rounded(Decimal(value), decimals) == Decimal(expected)


@pytest.mark.parametrize("chinese, english", [
    ("1500亩", "1,500 mu (about 100 ha)"),      # exactly 100 ha
    ("1499亩", "1,499 mu (about 99.9 ha)"),     # 99.93 ha
    ("15亩", "15 mu (about 1 ha)"),             # exactly 1 ha
    ("1.5万亩", "15,000 mu (about 1,000 ha)"),  # a thousand, with its separator
])
def test_hectares_at_their_boundaries(chinese, english):
    assert english_quantity(chinese) == english


def test_a_number_at_the_start_or_end_of_a_sentence_is_found():
    assert appears("3", "3 projects were completed") and appears("3", "projects completed: 3")
    assert not appears("3", "13 projects") and not appears("3", "3.5 percent")
    assert missing_numbers("3个项目", "Three projects") == []


def test_version_ten_is_higher_than_version_nine(project):
    edited(project, "data/versions.yaml", '- version: "3.0"\n', '- version: "10.0"\n  date: 2026-12-08\n  changes:\n'
           '    - zh: 测试。\n      en: A test.\n- version: "9.1"\n  date: 2026-12-08\n  changes:\n'
           '    - zh: 测试。\n      en: A test.\n- version: "3.0"\n')
    assert [version.version for version in load_site_data(project).versions[:3]] == ["10.0", "9.1", "3.0"]


def test_a_figure_no_table_lists_links_to_the_downloads_where_every_figure_is():
    """Results lists the topics of group "results", Targets those of "tasks"; a figure of any other
    topic is in no table, so a link to it (from a main point, a check) goes to the downloads."""
    from scripts.render.views import Words

    site = load_site_data()
    figure = site.figures[0]
    groups = {topic.id: topic.group for topic in site.topics}
    assert Words(site, "en").figure_page(figure) == {"results": "results", "tasks": "targets"}[groups[figure.topic]]
    elsewhere = tuple(topic.model_copy(update={"group": "other"}) if topic.id == figure.topic else topic
                      for topic in site.topics)
    assert Words(dataclasses.replace(site, topics=elsewhere), "zh").figure_page(figure) == "downloads"
