"""The figures dataset as the pages show it: values in each language, grouped by topic."""

from __future__ import annotations

from decimal import Decimal

from scripts.model import Figure, SiteData, Topic
from scripts.quantity import UNITS, figure_amount

QUALIFIERS = {
    "zh": {"at-least": "{}以上", "more-than": "{}余", "exceeds": "突破{}"},
    "en": {"at-least": "at least {}", "more-than": "more than {}", "exceeds": "over {}"},
}


def value_text(value: float | int) -> str:
    """A figure's value as the speech writes it: 5.13, 16, 2.0."""
    return str(value) if isinstance(value, int) else repr(value)


def chinese_amount(figure: Figure) -> str:
    """The value as the speech writes it, with the unit the quote uses: 5.13万亩, 7.1%, 第1位."""
    form = next((form for form in UNITS[figure.unit][0] if form in figure.source.quote), UNITS[figure.unit][0][0])
    if figure.unit == "rank":
        return f"第{value_text(figure.value)}{form}"
    return f"{value_text(figure.value)}{form}"


def display_value(figure: Figure, language: str) -> str:
    """The figure's value in one language, with its qualifier (at least, more than, over)."""
    amount = chinese_amount(figure) if language == "zh" else \
        figure_amount(Decimal(value_text(figure.value)), figure.unit)
    return QUALIFIERS[language][figure.qualifier].format(amount) if figure.qualifier else amount


def figures_by_topic(site: SiteData, group: str) -> list[tuple[Topic, list[Figure]]]:
    """The topics of a group (results or tasks) in speech order, each with its figures."""
    return [(topic, [figure for figure in site.figures if figure.topic == topic.id])
            for topic in site.topics if topic.group == group]


def figure_by_id(site: SiteData) -> dict[str, Figure]:
    return {figure.id: figure for figure in site.figures}
