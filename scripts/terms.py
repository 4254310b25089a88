"""Finding glossary terms in text, one rule for the build's checks and the pages' links: the
longest term wins (江源大街 over 江源), and occurrences never overlap."""

from __future__ import annotations

import re
from collections.abc import Iterable

from scripts.model import GlossaryEntry

Span = tuple[int, int, str]  # start, end, glossary entry id


def term_forms(glossary: Iterable[GlossaryEntry], language: str) -> list[tuple[str, str]]:
    """(text to look for, entry id), longest first."""
    forms = [(entry.zh, entry.id) for entry in glossary] if language == "zh" else \
        [(form, entry.id) for entry in glossary for form in (entry.en, *entry.variants)]
    return sorted(forms, key=lambda form: (-len(form[0]), form[0]))


def _pattern(form: str) -> str:
    pattern = re.escape(form)
    if form[:1].isascii() and form[:1].isalnum():
        pattern = rf"(?<![\w-]){pattern}"
    if form[-1:].isascii() and form[-1:].isalnum():
        pattern = rf"{pattern}(?![\w-])"
    return pattern


def find_terms(text: str, forms: list[tuple[str, str]], once: set[str] | None = None) -> list[Span]:
    """Where glossary terms occur in `text`, longest first, never overlapping.

    With `once`, each term is found at most once, and only if not already in `once` (which is
    updated): the pages link a term once per paragraph.
    """
    spans: list[Span] = []
    for form, entry_id in forms:
        if once is not None and entry_id in once:
            continue
        for match in re.finditer(_pattern(form), text):
            if all(match.end() <= start or match.start() >= end for start, end, _ in spans):
                spans.append((match.start(), match.end(), entry_id))
                if once is not None:
                    once.add(entry_id)
                    break
    return sorted(spans)
