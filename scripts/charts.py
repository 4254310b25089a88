"""Static SVG charts, drawn at build time with matplotlib from the figures dataset.

Each chart is a pure function from data to SVG text and is byte-identical across builds and
machines: a fixed hash salt, no timestamp, and one font bundled with matplotlib for layout (the
browser draws the text with the page's own fonts, Chinese included). Text and axes are drawn in
`currentColor`, so the charts follow the page's light or dark scheme.
"""

from __future__ import annotations

import io
import re
import textwrap
import warnings
from dataclasses import dataclass

import matplotlib

matplotlib.use("svg")

from matplotlib import pyplot  # noqa: E402  (after choosing the backend)

from scripts.figures import display_value, figure_by_id  # noqa: E402
from scripts.model import Figure, SiteData  # noqa: E402

INK = "#010101"  # drawn as currentColor in the page
COLORS = ("#4a7bd0", "#e08a3c")  # first half, target: readable on light and dark backgrounds
STYLE = {
    "svg.hashsalt": "jiangyuan-briefing",
    "svg.fonttype": "none",
    "font.family": ["DejaVu Sans"],
    "font.size": 10,
    "text.color": INK,
    "axes.edgecolor": INK,
    "axes.labelcolor": INK,
    "xtick.color": INK,
    "ytick.color": INK,
    "axes.spines.top": False,
    "axes.spines.right": False,
    "figure.facecolor": "none",
    "axes.facecolor": "none",
    "savefig.transparent": True,
}
TITLES = {
    "growth": {"zh": "2024年上半年主要指标同比增速", "en": "Headline indicators, first half of 2024, year-on-year growth"},
    "livestock": {"zh": "2024年上半年牲畜饲养量同比增长", "en": "Livestock raised in the first half of 2024, year-on-year change"},
    "targets": {"zh": "下半年目标与上半年相关数字", "en": "Targets for the rest of 2024 beside related first-half figures"},
}
SERIES = {"zh": ("上半年", "目标"), "en": ("First half", "Target")}


@dataclass(frozen=True)
class Chart:
    key: str
    title: str
    description: str
    svg: str
    rows: list[tuple[str, str, str]]  # (label, value, source sentence id) for the table beside the chart


def _svg(figure) -> str:
    buffer = io.StringIO()
    figure.savefig(buffer, format="svg", metadata={"Date": None, "Creator": None}, bbox_inches="tight")
    pyplot.close(figure)
    text = buffer.getvalue()
    text = text[text.index("<svg"):]  # inline in the page: no XML declaration or doctype
    text = text.replace(INK, "currentColor")
    return re.sub(r'\s(width|height)="[\d.]+pt"', "", text, count=2)


def _wrap(label: str, language: str, width: int) -> str:
    return "\n".join(textwrap.wrap(label, width // 2 if language == "zh" else width)) or label


def _bars(labels: list[str], values: list[float], texts: list[str], language: str):
    with pyplot.rc_context(STYLE):
        figure, axes = pyplot.subplots(figsize=(7, 0.55 * len(labels) + 0.8))
        positions = range(len(labels))[::-1]
        axes.barh(list(positions), values, color=COLORS[0], height=0.6)
        axes.set_yticks(list(positions), [_wrap(label, language, 34) for label in labels])
        for position, value, text in zip(positions, values, texts):
            axes.text(value, position, f" {text}", va="center")
        axes.set_xlim(min(0, min(values)) * 1.1, max(values) * 1.25)
        axes.axvline(0, color=INK, linewidth=0.8)
        axes.tick_params(axis="x", labelbottom=False, length=0)
        axes.spines["bottom"].set_visible(False)
        return _svg(figure)


def growth_chart(site: SiteData, language: str) -> Chart | None:
    """Year-on-year growth of the headline indicators (GDP, agriculture, industry, ...)."""
    figures = [figure for figure in site.figures
               if figure.topic == "headline" and figure.kind == "change" and figure.unit == "percent"]
    if not figures:
        return None
    labels = [getattr(figure.label, language) for figure in figures]
    texts = [display_value(figure, language) for figure in figures]
    gaps = [figure for figure in site.figures if figure.topic == "headline" and figure.unit == "percentage point"]
    rank = [figure for figure in site.figures if figure.topic == "headline" and figure.kind == "rank"]
    described = figures + rank + gaps
    rows = [(getattr(figure.label, language), display_value(figure, language), figure.source.sentence)
            for figure in described]
    description = ("；".join if language == "zh" else "; ".join)(f"{label}: {value}" for label, value, _ in rows)
    return Chart("growth", TITLES["growth"][language], description,
                 _bars(labels, [figure.value for figure in figures], texts, language), rows)


def livestock_chart(site: SiteData, language: str) -> Chart | None:
    """Cattle, sheep and poultry raised, each with its change on a year earlier."""
    herds = [figure for figure in site.figures if figure.unit == "10,000 head" and figure.kind == "result"]
    if not herds:
        return None
    sentence = herds[0].source.sentence
    changes = [figure for figure in site.figures if figure.source.sentence == sentence and figure.kind == "change"]
    if len(changes) != len(herds):
        return None
    labels = [f"{getattr(herd.label, language)} ({display_value(herd, language)})" for herd in herds]
    texts = [f"+{display_value(change, language)}" for change in changes]
    rows = [(label, text, change.source.sentence) for label, text, change in zip(labels, texts, changes)]
    description = ("；".join if language == "zh" else "; ".join)(f"{label}: {text}" for label, text, _ in rows)
    return Chart("livestock", TITLES["livestock"][language], description,
                 _bars(labels, [change.value for change in changes], texts, language), rows)


def target_pairs(site: SiteData) -> list[tuple[Figure, Figure]]:
    """(first-half figure, target) for every target related to a first-half figure in the same unit."""
    by_id = figure_by_id(site)
    tasks = {topic.id for topic in site.topics if topic.group == "tasks"}
    return [(by_id[figure.related.figure], figure) for figure in site.figures
            if figure.topic in tasks and figure.kind in {"target", "threshold"} and figure.related
            and by_id[figure.related.figure].unit == figure.unit]


def targets_chart(site: SiteData, language: str) -> Chart | None:
    """Each target beside its related first-half figure, one small panel each (own scale)."""
    pairs = target_pairs(site)
    if not pairs:
        return None
    columns = 3
    rows = -(-len(pairs) // columns)
    with pyplot.rc_context(STYLE):
        figure, axes_grid = pyplot.subplots(rows, columns, figsize=(7.5, 2.8 * rows), squeeze=False)
        for axes, (first_half, target) in zip(axes_grid.flat, pairs):
            values = [first_half.value * 1.0, target.value * 1.0]
            axes.bar([0, 1], values, color=COLORS, width=0.6)
            axes.set_xticks([0, 1], SERIES[language])
            for position, item in enumerate((first_half, target)):
                axes.text(position, values[position], display_value(item, language), ha="center", va="bottom", fontsize=8)
            axes.set_title(_wrap(getattr(target.label, language), language, 30), fontsize=9)
            axes.set_ylim(0, max(values) * 1.3)
            axes.tick_params(axis="y", labelleft=False, length=0)
            axes.spines["left"].set_visible(False)
        for axes in list(axes_grid.flat)[len(pairs):]:
            axes.set_visible(False)
        figure.subplots_adjust(hspace=1.2, wspace=0.3)
        svg = _svg(figure)
    rows_table = [(getattr(target.label, language),
                   f"{display_value(first_half, language)} → {display_value(target, language)}",
                   target.source.sentence)
                  for first_half, target in pairs]
    description = ("；".join if language == "zh" else "; ".join)(f"{label}: {value}" for label, value, _ in rows_table)
    return Chart("targets", TITLES["targets"][language], description, svg, rows_table)


MAKERS = {"growth": growth_chart, "livestock": livestock_chart, "targets": targets_chart}


def make_chart(key: str, site: SiteData, language: str) -> Chart | None:
    """The chart `key` in `language`, or None when the data has no figures for it."""
    with warnings.catch_warnings():
        # Layout uses one bundled font for the same output everywhere; the Chinese glyphs it lacks
        # are drawn by the browser.
        warnings.simplefilter("ignore", UserWarning)
        return MAKERS[key](site, language)
