"""Finding glossary terms in text, one rule for the build's checks and the pages' links: the
longest term wins (江源大街 over 江源), and occurrences never overlap."""

from __future__ import annotations

import re
from collections.abc import Iterable
from functools import cache

from scripts.model.records import GlossaryEntry

Span = tuple[int, int, str]  # start, end, glossary entry id
Form = tuple[str, re.Pattern, str]  # text, pattern matching it as a whole word, entry id


@cache  # the glossary has more forms than re's own cache holds: compile each once
def form_pattern(form: str) -> re.Pattern:
    """A form that starts or ends with a Latin letter or digit matches only where no Latin letter,
    digit, _ or - continues it: English forms match whole words ("Jiangyuan" not inside
    "Jiangyuanese"), and a Chinese term that starts with a digit (2024新春禧乐会) still matches
    right after a Chinese character (re.ASCII: Han characters are not word characters here)."""
    pattern = re.escape(form)
    if form[:1].isascii() and form[:1].isalnum():
        pattern = rf"(?<![\w-]){pattern}"
    if form[-1:].isascii() and form[-1:].isalnum():
        pattern = rf"{pattern}(?![\w-])"
    return re.compile(pattern, re.ASCII)


def term_forms(glossary: Iterable[GlossaryEntry], language: str) -> list[Form]:
    """Every form of every term, longest first."""
    forms = [(entry.zh, entry.id) for entry in glossary] if language == "zh" else \
        [(form, entry.id) for entry in glossary for form in (entry.en, *entry.variants)]
    return [(form, form_pattern(form), entry_id)
            for form, entry_id in sorted(forms, key=lambda form: (-len(form[0]), form[0]))]


def find_terms(text: str, forms: list[Form], once: set[str] | None = None) -> list[Span]:
    """Where glossary terms occur in `text`, longest first, never overlapping.

    With `once`, each term is given at most once, and only if not already in `once` (which is
    updated): the pages link a term once per paragraph. Its other occurrences still hold their
    place, so a shorter term is never found inside them (长白山 inside a second 长白山菌菇小镇).
    """
    taken: list[tuple[int, int]] = []
    spans: list[Span] = []
    for form, pattern, entry_id in forms:
        if form not in text:
            continue
        for match in pattern.finditer(text):
            if any(match.start() < end and start < match.end() for start, end in taken):
                continue
            taken.append(match.span())
            if once is None or entry_id not in once:
                spans.append((match.start(), match.end(), entry_id))
                if once is not None:
                    once.add(entry_id)
    return sorted(spans)
