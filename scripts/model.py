"""The typed data the site is built from, parsed once from data/ and never touched as raw dicts.

Fields annotated `Verbatim` hold Chinese copied exactly from the speech; validation checks each
one against the seed. The JSON Schema editors use is derived from these models
(`python -m scripts.generate --schema`).
"""

from __future__ import annotations

import datetime
from typing import Annotated

from pydantic import BaseModel, ConfigDict, Field, StringConstraints


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
    """One of the speech's three numbered parts (一、二、三、)."""

    heading: LocalizedQuote
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
    parts: Annotated[list[Part], Field(min_length=3, max_length=3)]
