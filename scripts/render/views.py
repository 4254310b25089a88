"""What each page's template reads: one typed view per page, and the words every page shares.

A template sees the names of two objects: `Words` (the page's language: its interface strings,
and how a figure, a period, a date or a sentence is said in it) and the view of its page below
(what that page shows, computed from the data the page declares in scripts/render/pages.py). A
name a template uses that neither holds stops the render (Jinja's StrictUndefined).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, fields
from functools import cached_property

from markupsafe import Markup

from scripts.model.figures import (
    amount_text,
    card_label,
    compact_value,
    display_value,
    figure_by_id,
    figures_by_topic,
    headline_figures,
)
from scripts.model.languages import DEFAULT_LANGUAGE
from scripts.model.outcomes import (
    AROUND,
    TARGET_KINDS,
    Assessment,
    assessments,
    outcomes_by_figure,
    speech_targets,
    status_counts,
)
from scripts.model.points import point_pieces
from scripts.model.quantity import expand_placeholders
from scripts.model.records import (
    ENTITY_KINDS,
    Figure,
    GlossaryEntry,
    Outcome,
    OutcomeSource,
    SiteData,
)
from scripts.model.relations import (
    Computed,
    amount,
    computed_relations,
    formula_in,
    verdict_counts,
)
from scripts.render.citations import citation_text
from scripts.render.downloads import DOWNLOAD_NAMES, download_files
from scripts.render.entities import (
    entities,
    entity_sentences,
    glossary_sections,
    occurrences,
)
from scripts.render.escape import inert
from scripts.render.interface import Translator, date_text, file_size, translator
from scripts.render.pages import PAGES, page_path
from scripts.render.text import (
    full_text,
    headword,
    in_running_text,
    parallel_text,
    quoted_within_quotes,
    sentence_text,
    speech_parts,
)

FIGURE_PAGES = {"results": "results", "tasks": "targets"}  # the page of each group of topics; the others: downloads


def names(view) -> dict:
    """A view's fields, the names its template reads."""
    return {field.name: getattr(view, field.name) for field in fields(view)}


@dataclass(frozen=True)
class Words:
    """What every page says the same way in its language. Its methods and properties are names
    in every template; a property is computed once, when a template first reads it."""

    site: SiteData
    language: str

    # ---------------------------------------------------------------- the interface and the document

    @cached_property
    def t(self) -> Translator:
        return translator(self.language, {page: page_path(page, self.language) for page in PAGES})

    @property
    def document(self):
        return self.site.document

    @property
    def pages(self) -> tuple[str, ...]:
        return PAGES

    @property
    def unofficial(self) -> Markup:
        return self.t("unofficial")

    def localized(self, text) -> str:
        return getattr(text, self.language)

    def headword(self, name: str) -> str:
        return headword(name)

    def table_name(self, entry) -> str:
        return headword(getattr(entry.name or entry, self.language))

    def date_text(self, day) -> str:
        return date_text(day, self.language)

    def page_path(self, page: str) -> str:
        return page_path(page, self.language)

    def page_url(self, page: str) -> str:
        return f"{page}.html"

    # ---------------------------------------------------------------- the speech and its figures

    def sentence_in(self, sentence_id: str) -> str:
        return sentence_text(self.site, sentence_id, self.language)

    def quote_in_english(self, source) -> str:
        return quoted_within_quotes(expand_placeholders(source.quote_en))

    @cached_property
    def _figures(self) -> dict[str, Figure]:
        return figure_by_id(self.site)

    def figure_named(self, figure_id: str) -> Figure:
        """The figure of an id (a figure's related figure, a main point's or an outcome's)."""
        return self._figures[figure_id]

    @cached_property
    def _periods(self) -> dict:
        return {period.id: period for period in self.site.periods}

    @cached_property
    def _topic_groups(self) -> dict[str, str]:
        return {topic.id: topic.group for topic in self.site.topics}

    def label_of(self, figure: Figure) -> str:
        return getattr(figure.label, self.language)

    def value_of(self, figure: Figure) -> str:
        return display_value(figure, self.language)

    def period_of(self, figure: Figure) -> str:
        return self.period_name(figure.period)

    def period_name(self, period_id: str) -> str:
        return getattr(self._periods[period_id], self.language)

    def card_label_of(self, figure: Figure) -> str:
        return card_label(figure, self.language)

    def compact_value_of(self, figure: Figure) -> str:
        return compact_value(figure, self.language)

    def figure_page(self, figure: Figure) -> str:
        """The page that lists a figure: Results, Targets, or (a figure of no table) Downloads."""
        return FIGURE_PAGES.get(self._topic_groups[figure.topic], "downloads")

    def outcome_amount(self, value, unit, like=None) -> str:
        return amount_text(value, unit, self.language, like)

    def template_names(self) -> dict:
        """Every public method and property, by name, for the template (a property must be cheap
        and read no data: it is read for every page)."""
        shared = {name: getattr(self, name) for name in dir(type(self))
                  if not name.startswith("_") and name != "template_names"}
        return shared | {"site": self.site, "language": self.language}


# -------------------------------------------------------------------- the views of the pages

@dataclass(frozen=True)
class Assessed:
    """The targets beside their outcomes (the home page, the brief and What happened next)."""

    assessments: list[Assessment]
    status_counts: dict[str, int]
    results_with_outcomes: list[tuple[Figure, Outcome]]


def assessed(site: SiteData) -> Assessed:
    answered = outcomes_by_figure(site.outcomes)
    judged = assessments(site)
    return Assessed(judged, status_counts(judged), [(figure, answered[figure.id]) for figure in site.figures
                                                     if figure.id in answered and figure.kind != "target"])


@dataclass(frozen=True)
class KeyFigures:
    headline_figures: list[Figure]
    main_points: Callable[[str], list]  # the main points of a kind ("reports", "asks"), as pieces


def key_figures(site: SiteData, language: str) -> KeyFigures:
    return KeyFigures(headline_figures(site), lambda kind: [point_pieces(getattr(point, language))
                                                            for point in site.points if point.kind == kind])


@dataclass(frozen=True)
class IndexView(KeyFigures, Assessed):
    speech_parts: list[dict]
    challenge_titles: Markup


@dataclass(frozen=True)
class BriefView(KeyFigures, Assessed):
    speech_targets: list[Figure]
    entities: list[dict]
    outcome_of: Callable[[Figure], Outcome | None]


@dataclass(frozen=True)
class FiguresView:
    """Results and Targets: the figures by topic, with their charts and the checks they enter."""

    topics: list[tuple]
    charts: list[Markup]
    target_kinds: tuple[str, ...]  # the figures of the targets tables; the others are listed after them
    checks_of: Callable[[Figure], list[Computed]]


@dataclass(frozen=True)
class OutcomesView(Assessed):
    also_reported: list[Outcome]
    source_of: Callable[[Outcome], OutcomeSource]
    around_percent: int


@dataclass(frozen=True)
class ChecksView:
    computed_relations: list[Computed]
    verdict_counts: dict[str, int]
    computed_amount: Callable[[Computed], str]
    formula_of: Callable[[Computed], str]


@dataclass(frozen=True)
class ProjectsView:
    entities: list[dict]
    entity_kinds: tuple[str, ...]
    entity_sentences: list[tuple[str, list[GlossaryEntry]]]


@dataclass(frozen=True)
class SpeechView:
    full_text: list[dict]


@dataclass(frozen=True)
class ParallelView:
    parallel_text: list[dict]


@dataclass(frozen=True)
class GlossaryView:
    glossary_sections: list[dict]
    occurrences: Callable[[GlossaryEntry], list[str]]


@dataclass(frozen=True)
class DownloadsView:
    download_names: dict[str, str]
    download_size: Callable[[str], str]
    downloads: str  # the folder of the files from this language's pages (one copy, at the root)
    citation: Markup


@dataclass(frozen=True)
class NoView:
    """A page that reads only the shared words (challenges, changes, about)."""


def index_view(site: SiteData, words: Words, draw: Callable) -> IndexView:
    titles = words.t("list_separator").join(inert(in_running_text(words.localized(group.title)))
                                            for group in site.challenges)
    return IndexView(**names(key_figures(site, words.language)), **names(assessed(site)),
                     speech_parts=speech_parts(site, words.language), challenge_titles=titles)


def brief_view(site: SiteData, words: Words, draw: Callable) -> BriefView:
    answered = outcomes_by_figure(site.outcomes)
    return BriefView(**names(key_figures(site, words.language)), **names(assessed(site)),
                     speech_targets=speech_targets(site), entities=entities(site),
                     outcome_of=lambda figure: answered.get(figure.id))


def figures_view(group: str, page: str) -> Callable[[SiteData, Words, Callable], FiguresView]:
    """The view of the page listing the figures of a group of topics (Results: "results"; Targets: "tasks")."""
    def view(site: SiteData, words: Words, draw: Callable) -> FiguresView:
        relations = computed_relations(site.relations, site.figures)
        return FiguresView(figures_by_topic(site, group), [draw(spec) for spec in site.charts if spec.page == page],
                           TARGET_KINDS, lambda figure: [computed for computed in relations if figure.id in
                                                         (*computed.relation.inputs, computed.relation.stated)])
    return view


def outcomes_view(site: SiteData, words: Words, draw: Callable) -> OutcomesView:
    sources = {source.id: source for source in site.sources}
    return OutcomesView(**names(assessed(site)),
                        also_reported=[outcome for outcome in site.outcomes if outcome.figure is None],
                        source_of=lambda outcome: sources[outcome.source], around_percent=int(AROUND * 100))


def checks_view(site: SiteData, words: Words, draw: Callable) -> ChecksView:
    relations, language = computed_relations(site.relations, site.figures), words.language
    return ChecksView(relations, verdict_counts(relations), lambda computed: amount(computed, language),
                      lambda computed: formula_in(computed, language))


def projects_view(site: SiteData, words: Words, draw: Callable) -> ProjectsView:
    listed = entities(site)
    return ProjectsView(listed, ENTITY_KINDS, entity_sentences(listed))


def downloads_view(site: SiteData, words: Words, draw: Callable) -> DownloadsView:
    files = download_files(site)
    return DownloadsView(DOWNLOAD_NAMES, lambda name: file_size(len(files[name])),
                         "downloads/" if words.language == DEFAULT_LANGUAGE else "../downloads/",
                         citation_text(site, words.language))


# The builder of each page's view: (the page's data, its Words, a chart drawer) -> its view.
VIEWS: dict[str, Callable] = {
    "index": index_view,
    "brief": brief_view,
    **{page: figures_view(group, page) for group, page in FIGURE_PAGES.items()},
    "outcomes": outcomes_view,
    "checks": checks_view,
    "projects": projects_view,
    "speech": lambda site, words, draw: SpeechView(full_text(site, words.language)),
    "parallel": lambda site, words, draw: ParallelView(parallel_text(site)),
    "glossary": lambda site, words, draw: GlossaryView(glossary_sections(site), lambda entry: occurrences(site, entry)),
    "downloads": downloads_view,
}


def page_view(page: str, site: SiteData, words: Words, draw: Callable):
    """The view of `page`: what its template reads besides the shared words."""
    return VIEWS.get(page, lambda *_: NoView())(site, words, draw)
