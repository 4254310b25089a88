"""Bar charts drawn in HTML and CSS from the figures dataset: pure functions, data in, bars out.

A chart is declared in data/charts.yaml (its page, title and figures). Its bars are text in the
page (labels and values a screen reader reads and search finds, in the page's own fonts at any
width) beside a bar whose length is the figure's share of the largest value. Validation makes
every figure of a chart the same unit, period and comparison, so bars never compare unlike things.
"""

from __future__ import annotations

from dataclasses import dataclass

from scripts.model.figures import display_value
from scripts.model.records import ChartSpec, Figure


@dataclass(frozen=True)
class Bar:
    label: str
    value: str     # the value as text, in the page's language
    start: float   # where the bar starts, in % of the track (after the zero line for negatives)
    size: float    # its length, in % of the track
    sentence: str  # source sentence id


@dataclass(frozen=True)
class Chart:
    key: str
    page: str
    title: str
    bars: tuple[Bar, ...]


def bar_extent(value: float, low: float, high: float) -> tuple[float, float]:
    """(start, size) in % of a track running from `low` (at most 0) to `high` (at least 0)."""
    span = (high - low) or 1.0
    zero = -low / span * 100
    size = abs(value) / span * 100
    start = zero if value >= 0 else zero - size
    return round(start, 2), round(size, 2)


def bars(figures: list[Figure], language: str) -> tuple[Bar, ...]:
    values = [float(figure.value) for figure in figures]
    low, high = min(0.0, *values), max(0.0, *values)
    return tuple(Bar(getattr(figure.label, language), display_value(figure, language),
                     *bar_extent(value, low, high), figure.source.sentence)
                 for figure, value in zip(figures, values))


def chart_of(spec: ChartSpec, figures: dict[str, Figure], language: str) -> Chart:
    """A chart of data/charts.yaml in `language`, from its figures (by id)."""
    return Chart(spec.id, spec.page, getattr(spec.title, language),
                 bars([figures[figure] for figure in spec.figures], language))
