"""The main points (data/points.yaml): this site's own sentences on what the speech reports and
asks for, whose every number is a reference to a figure, written {figure-id}.

Pure functions, text in, pieces out. A point is cut into plain runs and references; the pages
show each reference as the figure's value in the page's language (the Chinese as the speech
words it, the English as the tables give it), linked to the figure's row, so a point can never
show a number the data does not hold. The words of data/periods.yaml that name a period are
found in a point, longest first, so that the build can check that a point names the period of
every figure it cites, and no other.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from scripts.model.records import Period

REFERENCE = re.compile(r"\{([^{}]*)\}")


@dataclass(frozen=True)
class PointPiece:
    text: str                 # plain text, or the reference as written ({gdp-growth-h1})
    figure: str | None = None  # the figure id, when the piece is a reference


def point_pieces(text: str) -> tuple[PointPiece, ...]:
    """The point cut into plain runs and references: "增长{gdp-growth-h1}。" ->
    ("增长", {gdp-growth-h1} -> gdp-growth-h1, "。")."""
    pieces, position = [], 0
    for match in REFERENCE.finditer(text):
        pieces += [PointPiece(text[position:match.start()]), PointPiece(match[0], match[1].strip())]
        position = match.end()
    pieces.append(PointPiece(text[position:]))
    return tuple(piece for piece in pieces if piece.text)


def references(text: str) -> list[str]:
    """The figure ids a point cites, in order."""
    return [piece.figure for piece in point_pieces(text) if piece.figure is not None]


def plain_runs(text: str) -> str:
    """The point's own words, its references left out (where a stray number or brace would be)."""
    return "".join(piece.text for piece in point_pieces(text) if piece.figure is None)


def period_mentions(text: str, periods: list[Period] | tuple[Period, ...], language: str) -> list[str]:
    """The ids of the periods whose words (data/periods.yaml `words`) a point's plain runs name,
    in order, the longest word first wherever two overlap ("first half" before "half")."""
    words = sorted(((word, period.id) for period in periods if period.words
                    for word in getattr(period.words, language)), key=lambda pair: -len(pair[0]))
    plain = plain_runs(text)
    folded = plain.casefold() if language == "en" else plain
    taken = [False] * len(folded)
    found: list[tuple[int, str]] = []
    for word, period_id in words:
        needle = word.casefold() if language == "en" else word
        for match in re.finditer(re.escape(needle), folded):
            span = range(match.start(), match.end())
            if language == "en" and not whole_words(folded, match.start(), match.end()):
                continue
            if any(taken[index] for index in span):
                continue
            for index in span:
                taken[index] = True
            found.append((match.start(), period_id))
    return [period_id for _, period_id in sorted(found)]


def whole_words(text: str, start: int, end: int) -> bool:
    """Whether text[start:end] is not part of a longer word ("half" in "halftime" is not)."""
    before = text[start - 1] if start > 0 else " "
    after = text[end] if end < len(text) else " "
    return not (before.isalnum() or after.isalnum())
