"""The number checker: every number written in digits in a Chinese sentence must appear in its
English, converted where the unit requires (by the same function as the placeholders).

Chinese numerals (一是, 三区两镇) are words, not figures, and are not checked.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from scripts.model.quantity import english_quantity

# Names that contain digits stay as written.
LITERALS = re.compile(r"PM2\.5|Rg3|\d+(?:[+×][\dK]+)+")
MONTHS = re.compile(r"(\d{1,2})(?:—(\d{1,2}))?月")
ORDINAL = re.compile(r"第(\d+)")
# A number, what may stand between it and its magnitude (3520余万元), magnitude, unit.
NUMBER = re.compile(r"(?P<number>\d+(?:\.\d+)?)(?P<about>[余多]?)(?P<magnitude>[万亿]?)(?P<unit>亩|斤|元|头|%)?")

MONTH_NAMES = ("January", "February", "March", "April", "May", "June", "July", "August",
               "September", "October", "November", "December")
WORDS = ("zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten")
ORDINALS = {1: ("first", "1st"), 2: ("second", "2nd"), 3: ("third", "3rd")}


@dataclass(frozen=True)
class Mention:
    """A number in the Chinese, and the English forms any one of which must appear."""

    chinese: str
    forms: tuple[str, ...]


def number_forms(number: str) -> tuple[str, ...]:
    """The number as written, with thousands separators, and as a word up to ten ("2.0" keeps its
    decimal: dropping it would change what the speech says)."""
    whole, point, fraction = number.partition(".")
    forms = {number, f"{int(whole):,}{point}{fraction}"}
    if number.isdigit() and int(number) < len(WORDS):
        forms.add(WORDS[int(number)])
    return tuple(sorted(forms))


def mentions(chinese: str) -> list[Mention]:
    """Every number written in digits in a Chinese sentence."""
    found: list[Mention] = []
    text = chinese

    def take(pattern: re.Pattern, forms) -> None:
        nonlocal text
        for match in pattern.finditer(text):
            found.append(Mention(match[0], forms(match)))
        text = pattern.sub(lambda match: " " * len(match[0]), text)

    take(LITERALS, lambda match: (match[0],))
    take(MONTHS, lambda match: tuple(MONTH_NAMES[int(month) - 1] for month in match.groups() if month))
    take(ORDINAL, lambda match: ORDINALS.get(int(match[1]), (f"{match[1]}th",)))
    for match in NUMBER.finditer(text):
        if match["magnitude"] or match["unit"] in {"亩", "斤", "元", "头"}:
            unit = match["unit"] if match["unit"] != "%" else ""
            forms = (english_quantity(match["number"] + match["magnitude"] + (unit or "")),)
        elif match["unit"] == "%":
            forms = tuple(f"{form}%" for form in number_forms(match["number"]))
        else:
            forms = number_forms(match["number"])
        found.append(Mention(match[0], forms))
    return found


def appears(form: str, english: str) -> bool:
    if form.isalpha():
        return re.search(rf"\b{form}\b", english, re.IGNORECASE) is not None
    return re.search(rf"(?<![\w.,]){re.escape(form)}(?![\w]|[.,]\d)", english) is not None


def missing_numbers(chinese: str, english: str) -> list[Mention]:
    """The numbers of `chinese` that `english` (placeholders expanded) does not give."""
    return [mention for mention in mentions(chinese)
            if not any(appears(form, english) for form in mention.forms)]


# The Chinese numerals of one character and what cn2an reads each as (tests/test_numbers.py checks
# every one against cn2an). Only longer numerals load cn2an, whose patterns take a tenth of a
# second to compile: more than the rest of a data edit's validation.
ONE_CHARACTER_NUMERALS = {"零": 0, "〇": 0, "一": 1, "二": 2, "两": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7,
                          "八": 8, "九": 9, "十": 10}


def numeral_value(numeral: str) -> int | float | None:
    """What a Chinese numeral (三, 二十五, 三点五) reads as, cn2an's "smart" reading; None if it reads as none."""
    if numeral in ONE_CHARACTER_NUMERALS:
        return ONE_CHARACTER_NUMERALS[numeral]
    from cn2an import cn2an  # loaded only for a numeral of more than one character

    try:
        return cn2an(numeral, "smart")
    except ValueError:
        return None
