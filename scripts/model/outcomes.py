"""What became of the speech's targets: each target beside the outcome a later public document
states (data/outcomes.yaml, data/sources.yaml), and its status, computed by this site.

Pure functions, data in, verdicts out, in exact decimals. A target's comparator is read from the
Chinese as the speech states it: 以上 and 不低于 mean at least; 突破 means above; 以内, 控制在 and
不超过 mean at most; 左右 means around (within AROUND of the target); a number without such a word,
a quota (完成9个), is met when the outcome reaches it. 力争 ("strive to") marks a target as
aspirational and does not change its comparator.

The statuses: met, not met, or no comparable outcome published. The last is never a failure: it
says only that no source consulted states an outcome of the same measure and period. An outcome
for the whole year answers a target for the rest of the year only with the speech's figure for
the part before (`since`): the rest of the year is then the difference, marked as computed.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

from scripts.model.figures import value_text
from scripts.model.quantity import UNITS
from scripts.model.records import Figure, Outcome, SiteData, Topic

STATUSES = ("met", "not-met", "no-comparable-outcome")
NO_OUTCOME = "no-comparable-outcome"
AROUND = Decimal("0.05")  # 左右: met within 5% of the target, either way (stated on the page)
# The words of a target's quote that name its comparator, and what each means.
COMPARATOR_WORDS = (("以内", "at-most"), ("控制在", "at-most"), ("不超过", "at-most"), ("左右", "around"),
                    ("突破", "above"), ("不低于", "at-least"), ("以上", "at-least"))
# Words before a target, in its sentence, that say how firmly it is set; 力争 makes it aspirational.
RESOLVE_WORDS = ("力争", "确保", "必须", "务必")
# The speech's targets: the targets and thresholds of the part that sets the year's tasks (the
# topics of group "tasks"), as the Targets page lists them.
TARGET_KINDS = ("target", "threshold")
TASKS = "tasks"


@dataclass(frozen=True)
class Comparator:
    kind: str               # at-least, above, at-most, around, or reach (a quota: at least)
    word: str | None        # the Chinese word that says so, if any
    aspirational: bool      # the sentence says 力争 before the target


def comparator_of(target: Figure, sentence: str) -> Comparator:
    """How an outcome is compared with the target, as its Chinese states it."""
    kind, word = next(((kind, word) for word, kind in COMPARATOR_WORDS if word in target.source.quote),
                      ("reach", None))
    start = sentence.find(target.source.quote)
    before = sentence[:start] if start >= 0 else ""
    resolve = max(((before.rfind(cue), cue) for cue in RESOLVE_WORDS), default=(-1, None))
    in_quote = next((cue for cue in RESOLVE_WORDS if cue in target.source.quote), None)
    return Comparator(kind, word, (in_quote or (resolve[1] if resolve[0] >= 0 else None)) == "力争")


def in_base_unit(value: float | int | Decimal, unit: str) -> Decimal:
    """A value in its unit's base unit, exactly: (3.3, "10,000 head") -> 33000."""
    number = value if isinstance(value, Decimal) else Decimal(value_text(value))
    return number * UNITS[unit][1]


def comparable_units(first: str, second: str) -> bool:
    """Whether two units measure the same thing (10,000 head and head do, head and item do not)."""
    return UNITS[first][2] == UNITS[second][2]


def reaches(comparator: str, outcome: Decimal, target: Decimal) -> bool:
    """Whether an outcome meets a target under the comparator (both in the same base unit)."""
    if comparator in {"at-least", "reach"}:
        return outcome >= target
    if comparator == "above":
        return outcome > target
    if comparator == "at-most":
        return outcome <= target
    return abs(outcome - target) <= abs(target) * AROUND  # around


@dataclass(frozen=True)
class Assessment:
    """One target with its outcome, if any source states one, and its status."""

    target: Figure
    comparator: Comparator
    outcome: Outcome | None
    since: Figure | None         # the speech's figure for the part of the year before, if subtracted
    compared: Decimal | None     # the outcome for the target's period, in the target's unit (computed with `since`)
    status: str                  # met, not-met or no-comparable-outcome

    @property
    def computed(self) -> bool:
        """Whether the compared value is this site's arithmetic (a difference), not the source's."""
        return self.since is not None


def compared_value(outcome: Outcome, target: Figure, since: Figure | None) -> Decimal:
    """The outcome for the target's period, in the target's unit: the outcome less the figure
    for the part of the year before, where the outcome covers the whole year."""
    value = in_base_unit(outcome.value, outcome.unit)
    if since is not None:
        value -= in_base_unit(since.value, since.unit)
    return value / UNITS[target.unit][1]


def assess(target: Figure, sentence: str, outcome: Outcome | None, figures: dict[str, Figure]) -> Assessment:
    """The status of one target (its outcome validated: a known unit, a known `since`)."""
    comparator = comparator_of(target, sentence)
    if outcome is None or outcome.status == NO_OUTCOME or outcome.value is None or outcome.unit is None:
        return Assessment(target, comparator, outcome, None, None, NO_OUTCOME)
    since = figures.get(outcome.since) if outcome.since else None
    compared = compared_value(outcome, target, since)
    target_value = in_base_unit(target.value, target.unit) / UNITS[target.unit][1]
    met = reaches(comparator.kind, compared, target_value)
    return Assessment(target, comparator, outcome, since, compared, "met" if met else "not-met")


def is_target(figure: Figure, topics: dict[str, Topic]) -> bool:
    """Whether a figure is one of the targets the speech sets for the rest of the year."""
    topic = topics.get(figure.topic)
    return figure.kind in TARGET_KINDS and topic is not None and topic.group == TASKS


def speech_targets(site: SiteData) -> list[Figure]:
    """The speech's targets, in speech order (the Targets page, the brief, By the year's end)."""
    topics = {topic.id: topic for topic in site.topics}
    return [figure for figure in site.figures if is_target(figure, topics)]


def outcomes_by_figure(outcomes: tuple[Outcome, ...] | list[Outcome]) -> dict[str, Outcome]:
    return {outcome.figure: outcome for outcome in outcomes if outcome.figure}


def assessments(site: SiteData) -> list[Assessment]:
    """Every target of the speech, in speech order, with its status."""
    figures = {figure.id: figure for figure in site.figures}
    answered = outcomes_by_figure(site.outcomes)
    return [assess(figure, site.translation[figure.source.sentence].zh, answered.get(figure.id), figures)
            for figure in speech_targets(site)]


def status_counts(assessed: list[Assessment]) -> dict[str, int]:
    """How many targets have each status, every status listed (a count of 0 included)."""
    return {status: sum(item.status == status for item in assessed) for status in STATUSES}
