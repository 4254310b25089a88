"""The site's interface words in each language: one file per language, looked up by key.

scripts/render/strings/<language>.yaml holds every word a reader sees that does not come from data/
(headings, table heads, link texts, the footer, the 404 page), as mkdocs-material keeps its own
strings in partials/languages/<language>.html. Both files have the same keys (a test checks);
adding a language adds one file. Strings may hold Markdown and HTML written by us; their
{placeholders} are filled with data through the one escaping path (scripts/render/escape.py).
"""

from __future__ import annotations

import datetime
from functools import cache
from pathlib import Path

import yaml
from markupsafe import Markup

from scripts.render.escape import inert

STRINGS = Path(__file__).parent / "strings"


def flatten(tree: dict, prefix: str = "") -> dict[str, str]:
    """{"a": {"b": "x"}} -> {"a.b": "x"}."""
    flat = {}
    for key, value in tree.items():
        name = f"{prefix}{key}"
        if isinstance(value, dict):
            flat.update(flatten(value, f"{name}."))
        else:
            flat[name] = "" if value is None else str(value)
    return flat


@cache
def strings(language: str) -> dict[str, str]:
    """Every interface string of `language`, by dotted key."""
    with open(STRINGS / f"{language}.yaml", encoding="utf-8") as file:
        return flatten(yaml.load(file, Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader)))  # libyaml when built in


class Translator:
    """t("results.title") -> the string in the page's language, as Markup for the templates."""

    def __init__(self, language: str, defaults: dict[str, str] | None = None):
        self.language = language
        self.table = strings(language)
        self.defaults = defaults or {}
        self.escaped_defaults = {name: inert(value) for name, value in self.defaults.items()}  # once, not per string

    def raw(self, key: str) -> str:
        try:
            return self.table[key]
        except KeyError:
            raise KeyError(f"scripts/render/strings/{self.language}.yaml has no string {key!r}") from None

    def __call__(self, key: str, **values) -> Markup:
        """The string with its placeholders filled by escaped values."""
        filled = {**self.escaped_defaults, **{name: inert(value) for name, value in values.items()}}
        return Markup(self.raw(key).format_map(filled))

    def plain(self, key: str, **values) -> str:
        """The string as plain text (for the front matter, which YAML serializes)."""
        return self.raw(key).format_map({**self.defaults, **values})


def translator(language: str, defaults: dict[str, str] | None = None) -> Translator:
    return Translator(language, defaults)


def english_date(day: datetime.date) -> str:
    """2024-08-22 -> "August 22, 2024" (the translation uses American English)."""
    return f"{day:%B} {day.day}, {day.year}"


def file_size(size: int) -> str:
    """A file's size as a download link gives it: 950 B, 12.3 KB, 1.2 MB (1 KB = 1,024 bytes)."""
    for unit, scale in (("MB", 1024 ** 2), ("KB", 1024)):
        if size >= scale:
            return f"{size / scale:.1f} {unit}"
    return f"{size} B"


def date_text(day: datetime.date, language: str) -> str:
    return f"{day.year}年{day.month}月{day.day}日" if language == "zh" else english_date(day)
