"""The figures dataset as the pages show it: values in each language, grouped by topic.

The Chinese of a figure is the speech's own wording, read from its quote where the number is
written: 突破3亿元, 3520余万元, 第1位, 2万亩以上. The English is derived from value, unit and qualifier.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import Decimal
from functools import lru_cache

from scripts.model.quantity import UNITS, figure_amount
from scripts.model.records import Figure, SiteData, Topic

ENGLISH_QUALIFIERS = {"at-least": "at least {}", "more-than": "more than {}", "exceeds": "over {}"}
# The Chinese words that qualify a number, and the qualifier of data/figures.yaml each means.
CHINESE_QUALIFIERS = {"突破": "exceeds", "余": "more-than", "以上": "at-least"}
NUMBER = r"\d+(?:\.\d+)?"
# How the speech writes a figure; {units} is filled in for each unit (the number is any number:
# chinese_wording picks the match of the figure's own).
WORDING = (
    r"(?P<before>突破)?"                          # a qualifier word before the number: 突破3亿元
    r"(?P<ordinal>第)?"                           # a rank: 第1位
    r"(?<![\d.])(?P<number>" + NUMBER + r")(?!\.?\d)"  # a number as written, not part of a longer one
    r"(?P<approximately>余)?"                     # 3520余万元
    r"(?P<shared>(?:[和、及与]" + NUMBER + r")*)"  # 1.4和2.0个百分点: further numbers sharing the unit
    r"(?P<unit>{units})"                          # the longest form of the unit that starts there
    r"(?:(?P<aside>[(（][^()（）]*[)）]|[)）])?"   # 97%(354天)以上: an aside before the qualifier
    r"(?P<after>以上|余))?"                       # 2万亩以上
)


@dataclass(frozen=True)
class Wording:
    """How the speech writes one figure: its qualifier words, number and unit, as in the quote."""

    before: str          # 突破, or ""
    ordinal: str         # 第, or ""
    number: str          # 3520, 1.4: exactly as written
    approximately: str   # 余 right after the number, or ""
    unit: str            # 万元, 件次, 个百分点: the form of the unit the speech uses here
    after: str           # 以上 or 余 after the unit, or ""

    @property
    def text(self) -> str:
        """The wording as the pages show it: 3520余万元; 1.4个百分点 for 1.4和2.0个百分点."""
        return self.before + self.ordinal + self.number + self.approximately + self.unit + self.after

    @property
    def qualifiers(self) -> frozenset[str]:
        """The qualifiers (more-than, at-least, exceeds) its words mean; empty if it has none."""
        words = (self.before, self.approximately, self.after)
        return frozenset(CHINESE_QUALIFIERS[word] for word in words if word)


def value_text(value: float | int) -> str:
    """A figure's value as the speech writes it: 5.13, 16, 2.0."""
    return str(value) if isinstance(value, int) else repr(value)


@lru_cache(maxsize=None)
def wording_pattern(unit: str) -> re.Pattern[str]:
    """The pattern of a number written with `unit` (an id of UNITS), longest unit forms first:
    one per unit, compiled once (a pattern per figure took a tenth of a generation)."""
    forms = sorted(UNITS[unit][0], key=len, reverse=True)
    return re.compile(WORDING.format(units="|".join(map(re.escape, forms))))


def wording_match(quote: str, number: str, unit: str) -> re.Match[str] | None:
    """The first place where the quote writes `number` with `unit` (the matches may overlap:
    1.4和2.0个百分点 writes 1.4 and 2.0 with the same unit)."""
    pattern, position = wording_pattern(unit), 0
    while (match := pattern.search(quote, position)) is not None:
        if match["number"] == number:
            return match
        position = match.start() + 1
    return None


def chinese_wording(figure: Figure) -> Wording | None:
    """How the figure's quote writes its value and unit, or None if it does not (a wrong unit)."""
    match = wording_match(figure.source.quote, value_text(figure.value), figure.unit)
    if match is None:
        return None
    parts = match.groupdict(default="")
    return Wording(parts["before"], parts["ordinal"], parts["number"], parts["approximately"],
                   parts["unit"], parts["after"])


def chinese_amount(figure: Figure) -> str:
    """The figure in Chinese as the speech words it, qualifier included: 3520余万元, 第1位, 6%以上;
    a figure the speech writes in a Chinese numeral as that numeral (零, 第一)."""
    if figure.numeral:
        return figure.numeral
    wording = chinese_wording(figure)
    if wording is None:
        raise ValueError(f"figure {figure.id!r}: its quote {figure.source.quote!r} does not write "
                         f"{value_text(figure.value)} with the unit {figure.unit!r} (validation reports this)")
    return wording.text


def display_value(figure: Figure, language: str) -> str:
    """The figure's value in one language, with its qualifier (at least, more than, over)."""
    if language == "zh":
        return chinese_amount(figure)
    amount = figure_amount(Decimal(value_text(figure.value)), figure.unit)
    return ENGLISH_QUALIFIERS[figure.qualifier].format(amount) if figure.qualifier else amount


def amount_text(value: float | int | Decimal, unit: str, language: str, like: Figure | None = None) -> str:
    """A number of this site's own (an outcome, a difference) in one language: in Chinese the
    number with the unit as the speech writes it for the figure it is `like` (96家, as 对接洽谈企业66家),
    else the unit's first written form (16个, 16.7亿元); in English as the tables give it."""
    number = value if isinstance(value, Decimal) else Decimal(value_text(value))
    if language == "zh":
        wording = chinese_wording(like) if like is not None and like.unit == unit else None
        return f"{number.normalize():f}{wording.unit if wording else UNITS[unit][0][0]}"
    return figure_amount(number, unit)


def figures_by_topic(site: SiteData, group: str) -> list[tuple[Topic, list[Figure]]]:
    """The topics of a group (results or tasks) in speech order, each with its figures."""
    return [(topic, [figure for figure in site.figures if figure.topic == topic.id])
            for topic in site.topics if topic.group == group]


def headline_figures(site: SiteData) -> list[Figure]:
    """The key figures, shown as cards on the home page, on the brief and on the link-preview cards."""
    return [figure for figure in site.figures if figure.headline]


def figure_by_id(site: SiteData) -> dict[str, Figure]:
    return {figure.id: figure for figure in site.figures}


# The longest label a key-figure card shows (home page, link previews), in characters: two lines
# of a card's column, whatever CJK font draws it. A longer label needs a `card_label` in data.
CARD_LABEL_LIMITS = {"zh": 16, "en": 60}


def card_label(figure: Figure, language: str) -> str:
    """A key figure's label on a card: its card_label, or its label where that is short enough."""
    return getattr(figure.card_label or figure.label, language)


# Units written shorter on the home page's cards, where a value must fit on one line.
COMPACT_UNITS = {"en": {"percentage point": "pp"}}


def compact_value(figure: Figure, language: str) -> str:
    """The value for a card: as in the tables, with a short unit where one exists (1.4 pp)."""
    short = COMPACT_UNITS.get(language, {}).get(figure.unit)
    if short and not figure.qualifier:
        return f"{value_text(figure.value)} {short}"
    return display_value(figure, language)
