"""The typed data the site is built from, parsed once from data/ and never touched as raw dicts.

Fields annotated `Verbatim` hold Chinese copied exactly from the speech; validation checks each
one against the seed. The JSON Schema editors use is derived from these models
(`python -m scripts.generate --schema`).
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass
from typing import Annotated, Literal

from pydantic import BaseModel, ConfigDict, Field, StringConstraints

from scripts.quantity import UNITS
from scripts.speech import Paragraph


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
    parts: Annotated[list[Part], Field(min_length=1)]


SentenceId = Annotated[str, StringConstraints(pattern=r"^p\d{2}-s\d{2}$")]


class SpeechSentence(Record):
    """One sentence of the speech: the Chinese (as the seed has it) and its English.

    `en` may hold quantities as placeholders, {5.13万亩}, rendered by scripts/quantity.py.
    `topic` marks the short topic phrases (农业生产稳中提质。) shown in bold.
    """

    zh: Text
    en: Text
    topic: bool = False


GlossaryKind = Literal["formula", "slogan", "enterprise", "project", "park", "place", "programme", "organization"]


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


Slug = Annotated[str, StringConstraints(pattern=r"^[a-z0-9]+(?:-[a-z0-9]+)*$")]


class Topic(Record):
    """A section of the speech that figures belong to: a result area, a task, or another part."""

    id: Slug
    group: Literal["results", "tasks", "other"]
    paragraph: Annotated[str, StringConstraints(pattern=r"^p\d{2}$")]
    title: Localized


FigureKind = Literal["result", "change", "share", "count", "rank", "target", "threshold"]
Period = Literal["2024-H1", "2024-01-08", "2024-H2", "2024", "2024-year-end", "2023", "cumulative"]
Basis = Literal["year-on-year", "provincial-average", "city-average", "city-ranking", "full-year-target"]
Qualifier = Literal["at-least", "more-than", "exceeds"]
Unit = Literal[tuple(UNITS)]


class FigureSource(Record):
    sentence: SentenceId = Field(description="Id of the sentence of data/speech.yaml the figure comes from.")
    quote: Text = Field(description="The words of that sentence that give the figure, copied exactly.")


class Related(Record):
    """A figure this one should be read beside, and how the two differ."""

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
    period: Period
    basis: Basis | None = None
    qualifier: Qualifier | None = None
    headline: bool = Field(default=False, description="Shown as a card on the home page.")
    related: Related | None = None
    source: FigureSource


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
