"""The arithmetic relations among the speech's figures (data/relations.yaml), computed by this site.

Pure functions, figures in, numbers out, in exact decimal arithmetic. A computed value that the
speech also states agrees with it when it rounds (half up) to the stated value at the stated
value's decimals, or, for a floor (`at_least`), when it reaches it. The pages and downloads mark
every computed value as computed by this site, with its formula and inputs; the Chinese text
prevails, and nothing here corrects it.
"""

from __future__ import annotations

import calendar
from dataclasses import dataclass
from decimal import ROUND_CEILING, ROUND_HALF_UP, Decimal

from scripts.model.figures import chinese_wording, value_text
from scripts.model.quantity import figure_amount, figure_number
from scripts.model.records import Figure, Relation

PERCENT = "percent"
# For each kind: how many inputs it takes (None: two or more), the unit each input must have
# (None: any; "same": the unit of the first), and the formula with {0}, {1}... for the inputs.
KINDS: dict[str, tuple[int | None, tuple[str | None, ...], str]] = {
    "share": (2, (None, "same"), "{0} ÷ {1} × 100"),
    "days": (1, (PERCENT,), "{0}% × {days}"),
    "sum": (None, ("same",), " + "),
    "difference": (2, (None, None), "{0} − {1}"),
    "base": (2, (None, PERCENT), "{0} ÷ (1 + {1}%)"),
    "total": (2, (None, PERCENT), "{0} ÷ {1}%"),
    "rest": (2, ("day", PERCENT), "{0} − {1}% × {days}"),
}
DAY_KINDS = ("days", "rest")  # kinds whose value is a number of days, given as the whole days it can be


@dataclass(frozen=True)
class Computed:
    """A relation computed: its exact value, shown rounded to `decimals` (the relation's, or the
    stated figure's if it has more), in `unit`."""

    relation: Relation
    inputs: tuple[Figure, ...]
    value: Decimal
    unit: str
    decimals: int
    formula: str                   # with the input values as the speech writes them: 1546 ÷ 1553 × 100
    stated: Figure | None
    agrees: bool | None            # None when the speech states no result to compare with
    days: tuple[int, int] | None = None  # the whole days a number of days can be (174, 175), for DAY_KINDS

    @property
    def shown(self) -> Decimal:
        return rounded(self.value, self.decimals)

    @property
    def verdict(self) -> str:
        """agrees, reaches (a floor the speech says was reached), differs, or unstated (the speech
        states no result to compare with)."""
        if self.agrees is None:
            return "unstated"
        if not self.agrees:
            return "differs"
        return "reaches" if self.relation.at_least else "agrees"


VERDICTS = ("agrees", "reaches", "differs", "unstated")


def verdict_counts(computed: list[Computed]) -> dict[str, int]:
    """How many relations have each verdict, every verdict listed (a count of 0 included)."""
    return {verdict: sum(item.verdict == verdict for item in computed) for verdict in VERDICTS}


def decimals_of(value: float | int) -> int:
    """The decimals the speech writes a value with: 99.54 -> 2, 16 -> 0, 2.0 -> 1."""
    written = value_text(value)
    return len(written.split(".")[1]) if "." in written else 0


def rounded(value: Decimal, decimals: int) -> Decimal:
    return value.quantize(Decimal(1).scaleb(-decimals), rounding=ROUND_HALF_UP)


def days_in(period: str) -> int:
    """The days of a year (2024: 366, a leap year) or a half-year (2024-H1: 182, 2024-H2: 184)."""
    year, _, half = period.partition("-")
    first_half = 182 if calendar.isleap(int(year)) else 181  # January to June
    return {"": first_half + 184, "H1": first_half, "H2": 184}[half]


def unit_of(relation: Relation, inputs: list[Figure]) -> str:
    """A share is in percent and a number of days in days; the others keep their first input's
    unit (a growth rate less a gap in percentage points is a growth rate)."""
    return {"share": PERCENT, "days": "day", "rest": "day"}.get(relation.kind, inputs[0].unit)


def whole_days(share: Figure, days: int) -> tuple[int, int]:
    """The whole numbers of days a share of `days` can stand for, the share being rounded half up
    as the speech writes it: 96% stands for 95.5% up to, not including, 96.5% (which rounds to
    97%); of 182 days that is 173.8 to 175.6 days, so 174 or 175; of 200 days 191 to 192."""
    half = Decimal(5).scaleb(-decimals_of(share.value) - 1)
    low, high = (exact(share) - half) / 100 * days, (exact(share) + half) / 100 * days
    return int(low.to_integral_value(rounding=ROUND_CEILING)), int(high.to_integral_value(rounding=ROUND_CEILING)) - 1


def exact(figure: Figure) -> Decimal:
    return Decimal(value_text(figure.value))


def divisor(relation: Relation, inputs: list[Figure]) -> Decimal | None:
    """What the relation divides by, if it divides: zero there is a mistake in the data."""
    if relation.kind == "share":
        return exact(inputs[1])
    if relation.kind == "base":
        return 1 + exact(inputs[1]) / 100
    if relation.kind == "total":
        return exact(inputs[1]) / 100
    return None


def compute(relation: Relation, figures: dict[str, Figure]) -> Computed:
    """The relation's value from its input figures (validated: they exist and fit its kind)."""
    inputs = [figures[figure_id] for figure_id in relation.inputs]
    values = [exact(figure) for figure in inputs]
    if relation.kind == "share":
        value = values[0] / values[1] * 100
    elif relation.kind == "days":
        value = values[0] / 100 * days_in(relation.days_of or "")
    elif relation.kind == "sum":
        value = sum(values, Decimal(0))
    elif relation.kind == "difference":
        value = values[0] - values[1]
    elif relation.kind == "base":
        value = values[0] / (1 + values[1] / 100)
    elif relation.kind == "total":
        value = values[0] / (values[1] / 100)
    else:  # rest
        value = values[0] - values[1] / 100 * days_in(relation.days_of or "")
    days = None
    if relation.kind in DAY_KINDS:
        low, high = whole_days(inputs[-1], days_in(relation.days_of or ""))
        days = (low, high) if relation.kind == "days" else (int(values[0]) - high, int(values[0]) - low)
    formula = formula_text(relation, [value_text(figure.value) for figure in inputs])
    stated = figures.get(relation.stated) if relation.stated else None
    agrees = None
    if stated is not None:
        agrees = (value >= exact(stated) if relation.at_least
                  else days[0] <= exact(stated) <= days[1] if days
                  else rounded(value, decimals_of(stated.value)) == exact(stated))
    decimals = max(relation.decimals, decimals_of(stated.value)) if stated else relation.decimals
    return Computed(relation, tuple(inputs), value, unit_of(relation, inputs), decimals, formula, stated, agrees, days)


def formula_text(relation: Relation, numbers: list[str]) -> str:
    """The relation's formula with its inputs written as `numbers`: 1546 ÷ 1553 × 100."""
    pattern = KINDS[relation.kind][2]
    if relation.kind == "sum":
        return pattern.join(numbers)
    return pattern.format(*numbers, days=days_in(relation.days_of) if relation.days_of else "")


def formula_in(computed: Computed, language: str) -> str:
    """The formula as a page in `language` shows it: in Chinese with the values as the speech
    writes them (2.96 ÷ (1 + 15.2%), beside 2.96万头); in English in the units the English inputs
    are shown in (29,600 ÷ (1 + 15.2%), beside 29,600 head)."""
    if language == "zh":
        return computed.formula
    return formula_text(computed.relation, [figure_number(Decimal(value_text(figure.value)), figure.unit)
                                            for figure in computed.inputs])


def computed_relations(relations: tuple[Relation, ...] | list[Relation], figures: list[Figure] | tuple[Figure, ...]
                       ) -> list[Computed]:
    by_id = {figure.id: figure for figure in figures}
    return [compute(relation, by_id) for relation in relations]


CHINESE_UNITS = {"percent": "%", "day": "天"}


def amount(computed: Computed, language: str) -> str:
    """The computed value in one language: 99.55%; 2.57万头 in Chinese, in the unit as the speech
    writes it for the first input; 25,700 head in English (scripts/model/quantity.py). A number of days
    is the whole days it can be: 174–175天, 174–175 days (one number where that is one)."""
    if computed.days:
        low, high = computed.days
        number = str(low) if low == high else f"{low}–{high}"
        return f"{number}天" if language == "zh" else f"{number} day{'' if number == '1' else 's'}"
    if language != "zh":
        return figure_amount(computed.shown, computed.unit)
    wording = chinese_wording(computed.inputs[0])
    unit = CHINESE_UNITS.get(computed.unit) or (wording.unit if wording else computed.unit)
    return f"{computed.shown}{unit}"
