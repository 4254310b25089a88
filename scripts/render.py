"""Render data into Markdown pages: pure functions, data in, text out.

Templates live in scripts/templates/<language>/<page>.md.j2, one per page and language, so the
two languages always have the same pages. Every value from data/ is escaped for HTML and for
Markdown, so text such as "<script>" or "*" in a YAML string is shown as written, never run.
"""

from __future__ import annotations

import datetime
import re
from pathlib import Path
from typing import Any

import jinja2
from markupsafe import Markup

from scripts.model import Document

LANGUAGES = ("zh", "en")
DEFAULT_LANGUAGE = "zh"
PAGES = ("index", "about")
TEMPLATES = Path(__file__).parent / "templates"

_MARKDOWN_SPECIAL = re.compile(r"([\\`*_\[\]{}|~#!])")


def escape_text(value: Any) -> Any:
    """Backslash-escape Markdown syntax in data text; HTML escaping follows (autoescape)."""
    if isinstance(value, Markup) or not isinstance(value, str):
        return value
    return _MARKDOWN_SPECIAL.sub(r"\\\1", value)


def english_date(day: datetime.date) -> str:
    """2024-08-22 -> "22 August 2024"."""
    return f"{day.day} {day:%B} {day.year}"


def code(value: str) -> Markup:
    """Data text shown as inline code, escaped for HTML (Markdown escapes would show in code)."""
    return Markup("<code>{}</code>").format(value)


def page_path(page: str, language: str) -> str:
    """Where a page's Markdown goes under docs/: index.md (Chinese), index.en.md (English)."""
    return f"{page}.md" if language == DEFAULT_LANGUAGE else f"{page}.{language}.md"


def template_environment() -> jinja2.Environment:
    environment = jinja2.Environment(
        loader=jinja2.FileSystemLoader(TEMPLATES),
        autoescape=True,
        finalize=escape_text,
        undefined=jinja2.StrictUndefined,
        keep_trailing_newline=True,
        trim_blocks=True,
        lstrip_blocks=True,
    )
    environment.filters["english_date"] = english_date
    environment.filters["code"] = code
    environment.globals["page_path"] = page_path
    return environment


_ENVIRONMENT = template_environment()


def render_page(page: str, language: str, document: Document) -> str:
    """One page in one language, as Markdown."""
    template = _ENVIRONMENT.get_template(f"{language}/{page}.md.j2")
    return template.render(document=document, language=language)


def render_site(document: Document) -> dict[str, str]:
    """Every generated page, keyed by its path under docs/."""
    return {page_path(page, language): render_page(page, language, document)
            for page in PAGES for language in LANGUAGES}
