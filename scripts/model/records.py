"""The typed data the site is built from, parsed once from data/ and never touched as raw dicts.

Fields annotated `Verbatim` hold Chinese copied exactly from the speech; validation checks each
one against the seed. The JSON Schema editors use is derived from these models
(`python -m scripts.build.generate --schema`).
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass
from typing import Annotated, Literal

from pydantic import BaseModel, ConfigDict, Field, StringConstraints

from scripts.model.quantity import UNITS
from scripts.model.speech import Paragraph


class Verbatim:
    """Marks a field whose text must occur, character for character, in the speech."""


Text = Annotated[str, StringConstraints(strip_whitespace=False, min_length=1)]
VerbatimText = Annotated[Text, Verbatim()]


class Record(BaseModel):
    """Base of every data record: immutable, no unknown fields, no silent type coercion."""

    model_config = ConfigDict(frozen=True, extra="forbid", strict=True)


class Localized(Record):
    """The same text in both languages of the site."""

    zh: Text
    en: Text


class LocalizedQuote(Record):
    """Chinese quoted verbatim from the speech, with this site's English translation."""

    zh: VerbatimText
    en: Text


class Source(Record):
    file: Text = Field(description="Path of the speech, relative to the repository root.")
    sha256: Annotated[str, StringConstraints(pattern=r"^[0-9a-f]{64}$")] = Field(
        description="SHA-256 of the speech file; the build stops if the file changes.")


class Speaker(Record):
    name: LocalizedQuote
    office: LocalizedQuote


Address = Annotated[Text, Field(description="A web address, http:// or https:// (the build checks it).")]


class Publication(Record):
    """Where the speech was published: the text in seeds/ is the one posted at `url`."""

    publisher: Localized = Field(description="Who published it (the district government).")
    website: Localized = Field(description="Where: the publisher's website.")
    column: Localized = Field(description="The column of the website it is posted in, as the site names it.")
    url: Address = Field(description="The address of the posted speech (http or https).")
    posted: datetime.date = Field(description="The day it was posted, as the page states it.")
    retrieved: datetime.date = Field(description="The day its text was taken into seeds/.")


class Part(Record):
    """A summary of one of the speech's three numbered parts (一、二、三、)."""

    summary: Localized


class Document(Record):
    """data/document.yaml: what the speech is, who gave it, when, and its structure."""

    source: Source
    title: LocalizedQuote
    speaker: Speaker
    date: datetime.date
    date_as_written: VerbatimText
    meeting: LocalizedQuote
    place: Localized
    site_title: Localized = Field(description="The briefing's title: the heading of the home page.")
    published: Publication
    keeper: Localized = Field(description=(
        "Who keeps this site and answers for it, in a sentence (the About page), this site's words."))
    parts: Annotated[list[Part], Field(min_length=1)]


SentenceId = Annotated[str, StringConstraints(pattern=r"^p\d{2}-s\d{2}$")]


class SpeechSentence(Record):
    """One sentence of the speech: the Chinese (as the seed has it) and its English.

    `en` may hold quantities as placeholders, {5.13万亩}, rendered by scripts/model/quantity.py.
    `topic` marks the short topic phrases (农业生产稳中提质。) shown in bold.
    """

    zh: Text
    en: Text
    topic: bool = False
    note: Text | None = Field(default=None, description=(
        "A translator's note on the English (a pun, a play on words the English cannot keep), "
        "shown after the English sentence; the sentence's `en` stays a translation."))


GlossaryKind = Literal["formula", "slogan", "enterprise", "project", "park", "place", "programme", "organization"]
ENTITY_KINDS = ("project", "park", "enterprise")  # what the projects page lists, in its order


class GlossaryEntry(Record):
    """A slogan, formula or name in the speech, explained in both languages."""

    id: Annotated[str, StringConstraints(pattern=r"^[a-z0-9]+(?:-[a-z0-9]+)*$")]
    zh: VerbatimText
    pinyin: Text
    en: Text
    variants: list[Text] = Field(default_factory=list)
    kind: GlossaryKind
    explanation: Localized
    status: Literal["started", "completed", "under-way", "to-be-completed", "planned", "listed"] | None = None
    figures: list[Annotated[str, StringConstraints(pattern=r"^[a-z0-9]+(?:-[a-z0-9]+)*$")]] = Field(default_factory=list)
    said: Localized | None = Field(default=None, description=(
        "Projects, enterprises and parks: what the speech says of it, a short phrase in each language "
        "(the projects page's row). Its investment and status have fields of their own."))
    name: Localized | None = Field(default=None, description=(
        "The name tables give a project the speech names by a short form (虾青素 -> 虾青素项目)."))
    same_as: Annotated[str, StringConstraints(pattern=r"^[a-z0-9]+(?:-[a-z0-9]+)*$")] | None = Field(
        default=None, description=("The id of the entry for the same thing under another name: the "
                                   "projects page lists the two as one."))

    @property
    def entity_kind(self) -> str | None:
        """How the projects page lists it: anything the speech gives a project status (an
        enterprise's plant, say) as a project; None for what the page does not list."""
        if self.status or self.kind == "project":
            return "project"
        return self.kind if self.kind in ENTITY_KINDS else None


Slug = Annotated[str, StringConstraints(pattern=r"^[a-z0-9]+(?:-[a-z0-9]+)*$")]


class Topic(Record):
    """A section of the speech that figures belong to: a result area, a task, or another part."""

    id: Slug
    group: Literal["results", "tasks", "other"]
    paragraph: Annotated[str, StringConstraints(pattern=r"^p\d{2}$")]
    title: Localized


FigureKind = Literal["result", "change", "share", "count", "rank", "target", "threshold", "allocation", "size"]
PeriodId = Annotated[str, StringConstraints(pattern=r"^[0-9A-Za-z]+(?:-[0-9A-Za-z]+)*$")]


class PeriodWords(Record):
    zh: Annotated[list[Text], Field(min_length=1)]
    en: Annotated[list[Text], Field(min_length=1)]


class Period(Record):
    """data/periods.yaml: a period figures refer to, named in both languages, with the words of
    the speech that state it."""

    id: PeriodId
    zh: Text
    en: Text
    sentence_says: list[VerbatimText] = Field(default_factory=list, description=(
        "Words that state this period for a whole sentence (上半年,): every figure of a sentence "
        "that says one is of this period, and a figure of this period comes from such a sentence."))
    quote_says: list[VerbatimText] = Field(default_factory=list, description=(
        "Words that state this period for one figure (累计): a figure whose quote says one is of "
        "this period, and a figure of this period has such a quote."))
    within: PeriodId | None = Field(default=None, description=(
        "The period this one is part of (2024-H2 is within 2024): an outcome for that whole period "
        "answers a target of this one, less the speech's figure for the part before (data/outcomes.yaml `since`)."))
    words: PeriodWords | None = Field(default=None, description=(
        "The words this site's own sentences (the main points) use for this period, per language: "
        "a main point that cites a figure names its period in these words, and names no other period."))


Basis = Literal["year-on-year", "provincial-average", "city-average", "city-ranking", "full-year-target"]
Qualifier = Literal["at-least", "more-than", "exceeds"]
Unit = Literal[tuple(UNITS)]


class FigureSource(Record):
    sentence: SentenceId = Field(description="Id of the sentence of data/speech.yaml the figure comes from.")
    quote: Text = Field(description="The words of that sentence that give the figure, copied exactly.")
    quote_en: Text = Field(description=(
        "The same words in this site's English: copied exactly from the sentence's `en` (placeholders "
        "such as {5.13万亩} included), holding the figure's value."))
    period_in: SentenceId | None = Field(default=None, description=(
        "The sentence whose words state the figure's period when neither the quote nor the sentence "
        "does: the sentence it continues (其中, of which), or its own sentence when the word (累计) "
        "stands before a list the quote is part of."))


class Related(Record):
    """A comparable figure this one should be read beside (the same measure, in the same unit: a
    target's figure so far), and how the two differ (their periods, say)."""

    figure: Slug
    note: Localized


class Figure(Record):
    """One figure the speech gives, with its source sentence and verbatim quote."""

    id: Slug
    topic: Slug
    label: Localized
    value: Annotated[float, Field(description="The number as the speech writes it (5.13 for 5.13万亩).")] | int
    unit: Unit
    kind: FigureKind
    period: PeriodId = Field(description="The id of a period of data/periods.yaml.")
    basis: Basis | None = None
    qualifier: Qualifier | None = None
    numeral: VerbatimText | None = Field(default=None, description=(
        "The Chinese numeral the quote writes the value in, when it has no digits (“零”火点: 零; 全市第一: 第一)."))
    headline: bool = Field(default=False, description="Shown as a card on the home page.")
    card_label: Localized | None = Field(default=None, description=(
        "A key figure's label on the cards (home page, link previews), where the full label would not "
        "fit: a shorter label, never cut by the page."))
    related: Related | None = None
    source: FigureSource
    also_in: list[FigureSource] = Field(default_factory=list, description=(
        "Other sentences that state the same fact (the speech tells it again), each quoted like the source."))


class Exclusion(Record):
    """A number in the speech that is not a figure (a date, an ordinal, part of a name)."""

    sentence: SentenceId
    text: Text = Field(description="The number as the number checker reads it, e.g. 2024 or 8月.")
    reason: Text


class ChallengeItem(Record):
    heading: SentenceId
    detail: list[SentenceId]


class ChallengeGroup(Record):
    """A list the speech makes of pressures, behaviours or orientations, by sentence."""

    id: Slug
    title: Localized
    intro: SentenceId
    items: Annotated[list[ChallengeItem], Field(min_length=1)]
    outro: list[SentenceId] = Field(default_factory=list)


class ChartSpec(Record):
    """A bar chart: the page it is on, its title, and the figures it draws (one bar each)."""

    id: Slug
    page: Literal["results", "targets"] = Field(description="The page that shows the chart.")
    title: Localized
    figures: Annotated[list[Slug], Field(min_length=1, description="Ids of figures with the same unit, period and basis.")]


RelationKind = Literal["share", "days", "sum", "difference", "base", "total", "rest"]


class Relation(Record):
    """data/relations.yaml: an arithmetic relation among the speech's figures, which this site
    computes (scripts/model/relations.py) and, where the speech states the result, compares with it."""

    id: Slug
    kind: RelationKind = Field(description=(
        "share: inputs [part, whole], part / whole x 100. days: inputs [share in percent], the share "
        "of the days of `days_of`. sum: inputs [a, b, ...], their sum. difference: inputs [a, b], a - b. "
        "base: inputs [level, growth in percent], the level a year before, level / (1 + growth / 100). "
        "total: inputs [count, rate in percent], the whole the rate is of, count / (rate / 100). "
        "rest: inputs [days, share in percent], the days left once the share of the days of `days_of` is "
        "taken (a full-year target's days less the first half's). A number of days is given as the whole "
        "days it can be, the share being rounded as the speech writes it (96% of 182 days: 174 to 175)."))
    label: Localized = Field(description="What the computed value is.")
    inputs: Annotated[list[Slug], Field(min_length=1, description="Ids of figures, in the order the kind names.")]
    stated: Slug | None = Field(default=None, description=(
        "The figure that states the result, if the speech states it: the computed value must agree "
        "with it within its rounding (or, with `at_least`, reach it), else `note` says how they differ."))
    at_least: bool = Field(default=False, description="The stated figure is a floor the computed value reaches "
                                                      "(a target the speech says was exceeded).")
    days_of: Annotated[str, StringConstraints(pattern=r"^\d{4}(?:-H[12])?$")] | None = Field(
        default=None, description="For kinds days and rest: the year (2024) or half-year (2024-H1) whose days the share is of.")
    decimals: Annotated[int, Field(ge=0, le=6)] = Field(default=2, description=(
        "Decimals of a computed value no figure states (one that is stated is shown to its decimals)."))
    note: Localized | None = Field(default=None, description=(
        "An editor's note, neutral, without correcting the speech: required where the computed value "
        "and the stated figure differ beyond rounding."))


class MainPoint(Record):
    """data/points.yaml: one of the main points of the speech, in this site's words, in each
    language. Every number is a reference to a figure, {figure-id}, rendered in the language's
    style; the point names the period of each figure it cites in the words of data/periods.yaml."""

    kind: Literal["reports", "asks"] = Field(description="What the speech reports, or what it asks for.")
    zh: Text
    en: Text


SourceKind = Literal["work-report", "statistical-communique", "speech", "press-release", "other"]


class OutcomeSource(Record):
    """data/sources.yaml: a public document published after the speech that states outcomes."""

    id: Slug
    kind: SourceKind
    publisher: Localized
    title: Localized = Field(description="The document's title; the Chinese as the document gives it.")
    delivered: datetime.date | None = Field(default=None, description="The day it was delivered (a report or speech).")
    posted: datetime.date = Field(description="The day it was posted at `url`.")
    url: Address
    note: Localized | None = Field(default=None, description="Which part of the document the outcomes come from.")


Vintage = Literal["estimate", "preliminary", "final"]
OutcomeStatus = Literal["met", "not-met", "no-comparable-outcome"]


class Outcome(Record):
    """data/outcomes.yaml: what a later public document states of one of the speech's figures or
    targets, in this site's words (never the document's sentences)."""

    id: Slug
    figure: Slug | None = Field(default=None, description=(
        "The id of the speech's figure or target this answers; none for an outcome the source reports "
        "that no figure of the speech measures (listed as also reported)."))
    label: Localized = Field(description="What the outcome counts, in this site's words.")
    value: Annotated[float, Field(description="The number as the source states it.")] | int | None = None
    unit: Unit | None = None
    period: PeriodId | None = Field(default=None, description="The id of a period of data/periods.yaml.")
    vintage: Vintage | None = Field(default=None, description=(
        "estimate: the source says 预计 (expected); preliminary: stated before the year's figures were final; "
        "final: the published final figure."))
    since: Slug | None = Field(default=None, description=(
        "For a target of the rest of the year answered by a figure for the whole year: the speech's "
        "figure for the part of the year before, subtracted to give the rest of the year (computed)."))
    status: OutcomeStatus | None = Field(default=None, description=(
        "For a target: met or not-met (the build recomputes it from the target's comparator and the "
        "values), or no-comparable-outcome (with a note saying why)."))
    note: Localized | None = None
    source: Slug = Field(description="The id of a source of data/sources.yaml.")


class Version(Record):
    """data/versions.yaml: one published version of the data, what changed and why (newest first)."""

    version: Annotated[str, StringConstraints(pattern=r"^\d+\.\d+$")] = Field(description="MAJOR.MINOR: MAJOR when ids or fields of the downloads change.")
    date: datetime.date
    changes: Annotated[list[Localized], Field(min_length=1, description="What changed, and why, one item each.")]


@dataclass(frozen=True)
class SiteData:
    """Everything the pages are rendered from, validated."""

    document: Document
    speech: str                              # the seed's text
    paragraphs: tuple[Paragraph, ...]        # the speech cut into paragraphs and sentences
    translation: dict[str, SpeechSentence]   # by sentence id, in the speech's order
    glossary: tuple[GlossaryEntry, ...]
    topics: tuple[Topic, ...] = ()
    figures: tuple[Figure, ...] = ()
    challenges: tuple[ChallengeGroup, ...] = ()
    charts: tuple[ChartSpec, ...] = ()
    periods: tuple[Period, ...] = ()
    relations: tuple[Relation, ...] = ()
    versions: tuple[Version, ...] = ()
    points: tuple[MainPoint, ...] = ()
    sources: tuple[OutcomeSource, ...] = ()
    outcomes: tuple[Outcome, ...] = ()
