"""Chinese quantities in English, as official English texts give them: one function for the
translation's placeholders, the number checker and the figures.

    english_quantity("5.13万亩")  -> "51,300 mu (about 3,420 ha)"
    english_quantity("6000万斤")  -> "60 million jin (30,000 tonnes)"
    english_quantity("9.3亿元")   -> "930 million yuan"
    english_quantity("2.96万头")  -> "29,600 head"
    english_quantity("1.29万")    -> "12,900"

1 mu = 1/15 hectare; 1 jin = 0.5 kg; 万 = 10,000; 亿 = 100,000,000.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal

QUANTITY = re.compile(r"(?P<number>\d+(?:\.\d+)?)(?P<magnitude>[万亿]?)(?P<unit>亩|斤|元|头)?")
MAGNITUDES = {"": Decimal(1), "万": Decimal(10_000), "亿": Decimal(100_000_000)}
MU_PER_HECTARE = Decimal(15)
JIN_PER_TONNE = Decimal(2000)


class QuantityError(ValueError):
    """The text is not a quantity this module can render."""


@dataclass(frozen=True)
class Quantity:
    value: Decimal  # in the unit, magnitude applied: 5.13万亩 -> 51300 (mu)
    unit: str       # "亩", "斤", "元", "头" or "" (a bare number)


def parse_quantity(text: str) -> Quantity:
    match = QUANTITY.fullmatch(text)
    if not match:
        raise QuantityError(f"{text!r} is not a quantity (expected a number, then optionally 万 or 亿, "
                            "then optionally 亩, 斤, 元 or 头, e.g. 5.13万亩)")
    value = Decimal(match["number"]) * MAGNITUDES[match["magnitude"]]
    return Quantity(value, match["unit"] or "")


def plain_number(value: Decimal) -> str:
    """51300 -> "51,300"; 1337.70 -> "1,337.7"; 2.0 stays "2.0" only if given as such by the caller."""
    normalized = value.normalize()
    if normalized == normalized.to_integral_value():
        return f"{int(normalized):,}"
    whole, _, fraction = f"{normalized:f}".partition(".")
    return f"{int(whole):,}.{fraction}"


def large_number(value: Decimal) -> str:
    """Millions and billions in words, as official English does: 86110000 -> "86.11 million"."""
    for size, word in ((Decimal(10) ** 9, "billion"), (Decimal(10) ** 6, "million")):
        if value >= size:
            return f"{plain_number((value / size).quantize(Decimal('0.01'), ROUND_HALF_UP))} {word}"
    return plain_number(value)


def rounded(value: Decimal) -> str:
    """A converted amount: whole units from 100 up, one decimal below."""
    step = Decimal(1) if value >= 100 else Decimal("0.1")
    return plain_number(value.quantize(step, ROUND_HALF_UP))


def render_quantity(quantity: Quantity) -> str:
    return english_amount(quantity.value, BASE_UNITS[quantity.unit])


# Units of the figures dataset: id -> (how the speech writes it, multiplier, base unit).
UNITS: dict[str, tuple[tuple[str, ...], int, str]] = {
    "percent": (("%",), 1, "percent"),
    "percentage point": (("个百分点",), 1, "percentage point"),
    "mu": (("亩",), 1, "mu"),
    "10,000 mu": (("万亩",), 10_000, "mu"),
    "hectare": (("公顷",), 1, "hectare"),
    "10,000 jin": (("万斤",), 10_000, "jin"),
    "yuan": (("元",), 1, "yuan"),
    "10,000 yuan": (("万元",), 10_000, "yuan"),
    "100 million yuan": (("亿元",), 100_000_000, "yuan"),
    "head": (("头", "只"), 1, "head"),
    "10,000 head": (("万头", "万只"), 10_000, "head"),
    "household": (("户",), 1, "household"),
    "person": (("人", "名"), 1, "person"),
    "10,000 persons": (("万人",), 10_000, "person"),
    "person-time": (("人次",), 1, "person-time"),
    "10,000 person-times": (("万人次",), 10_000, "person-time"),
    "km": (("公里",), 1, "km"),
    "m²": (("平方米",), 1, "m²"),
    "day": (("天",), 1, "day"),
    "item": (("个", "项", "件", "家", "座", "处", "条", "场次", "次", "户", "件次", "只", "株"), 1, "item"),
    "10,000 items": (("万株", "万只"), 10_000, "item"),
    "rank": (("位",), 1, "rank"),
}
BASE_UNITS = {"亩": "mu", "斤": "jin", "元": "yuan", "头": "head", "": ""}
# Base units that count things (a figure in one is a count); the others measure an amount.
COUNTED_BASES = {"item", "household", "person", "person-time", "head"}


def counts_things(unit: str) -> bool:
    """Whether a figure in this unit is a number of things (29,600 head, 31 task forces), not an
    amount measured (51,300 mu, 930 million yuan, 80 km)."""
    return UNITS[unit][2] in COUNTED_BASES


def english_amount(value: Decimal, base: str) -> str:
    """An amount in a base unit, as official English gives it (the one place units are rendered)."""
    amount = large_number(value)
    if base == "mu":
        return f"{amount} mu (about {rounded(value / MU_PER_HECTARE)} ha)"
    if base == "jin":
        return f"{amount} jin ({rounded(value / JIN_PER_TONNE)} tonnes)"
    if base == "percent":
        return f"{amount}%"
    if base == "rank":
        return f"No. {amount}"
    plurals = {"percentage point": "percentage points", "hectare": "ha", "household": "households",
               "person": "people", "person-time": "person-times", "day": "days", "head": "head",
               "yuan": "yuan", "km": "km", "m²": "m²"}
    return f"{amount} {plurals[base]}" if base in plurals else amount


def written_number(value: Decimal) -> str:
    """A number with its written decimals and thousands separators: 2.0 -> "2.0", 1546 -> "1,546"."""
    whole, point, fraction = f"{value:f}".partition(".")
    return f"{int(whole):,}{point}{fraction}"


def keeps_written_decimals(unit: str) -> bool:
    """Whether a unit's English amount is the number as written (no magnitude, no conversion)."""
    _, multiplier, base = UNITS[unit]
    return multiplier == 1 and base not in {"mu", "jin"}


def figure_number(value: Decimal, unit: str) -> str:
    """The number of a figure's English amount, without its unit: (2.96, "10,000 head") -> "29,600";
    (9.3, "100 million yuan") -> "930 million"; (2.0, "percentage point") -> "2.0"."""
    if keeps_written_decimals(unit):
        return written_number(value)
    return large_number(value * UNITS[unit][1])


def figure_amount(value: Decimal, unit: str) -> str:
    """A figure of the dataset in English: (5.13, "10,000 mu") -> "51,300 mu (about 3,420 ha)".

    Without a magnitude the number keeps its written decimals: 2.0 percentage points stays "2.0".
    """
    _, multiplier, base = UNITS[unit]
    if keeps_written_decimals(unit):
        return english_amount(value, base).replace(large_number(value), written_number(value), 1)
    return english_amount(value * multiplier, base)


def english_quantity(text: str) -> str:
    """The English for a Chinese quantity such as 5.13万亩 (see the module docstring)."""
    return render_quantity(parse_quantity(text))


PLACEHOLDER = re.compile(r"\{([^{}]*)\}")


def expand_placeholders(english: str) -> str:
    """Replace each {quantity} in a translation by its English; raise QuantityError if one is bad."""
    return PLACEHOLDER.sub(lambda match: english_quantity(match[1]), english)
