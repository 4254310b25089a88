"""The site's pages: the one registry the renderer, the navigation (scripts/publish/hooks.py), the
build's caches, the benchmark and the tests read.

A page NAME is rendered from scripts/render/templates/pages/NAME.md.j2 into docs/NAME.md (Chinese)
and docs/NAME.en.md (English), from the view of scripts/render/views.py named after it; its title,
description and other words are the strings NAME.* of scripts/render/strings/. Adding a page is one
entry here, one template, one view and its strings.
"""

from __future__ import annotations

from dataclasses import dataclass

from scripts.model.languages import DEFAULT_LANGUAGE


@dataclass(frozen=True)
class Page:
    name: str
    # The data the page reads (fields of SiteData). It is rendered from a copy of the data holding
    # only these: reading anything else stops the render with a message, so the page cache, keyed
    # by exactly these inputs, can never serve a page made from other data.
    inputs: tuple[str, ...]
    front_matter: tuple[tuple[str, object], ...] = ()  # options for the theme (brief: no contents, print layout)
    key_figures_card: bool = False  # its link-preview card shows the key figures (else its description)


REGISTRY = (
    Page("index", ("document", "paragraphs", "translation", "figures", "topics", "challenges", "periods", "points",
                   "outcomes"), key_figures_card=True),
    Page("brief", ("document", "paragraphs", "glossary", "figures", "topics", "periods", "versions", "points",
                   "translation", "outcomes"), (("brief", True), ("hide", ["toc"])), key_figures_card=True),
    Page("results", ("document", "figures", "topics", "charts", "periods", "relations")),
    Page("targets", ("document", "figures", "topics", "charts", "periods", "relations")),
    Page("outcomes", ("document", "translation", "figures", "topics", "periods", "sources", "outcomes")),
    Page("checks", ("document", "figures", "topics", "relations")),
    Page("projects", ("document", "paragraphs", "translation", "glossary", "figures")),
    Page("challenges", ("document", "translation", "challenges")),
    Page("speech", ("document", "paragraphs", "translation", "glossary")),
    Page("parallel", ("document", "paragraphs", "translation")),
    Page("glossary", ("document", "paragraphs", "glossary")),
    Page("downloads", ("document", "figures", "relations", "versions", "outcomes", "sources", "topics", "translation")),
    Page("changes", ("document", "versions")),
    Page("about", ("document",)),
)
PAGES = tuple(page.name for page in REGISTRY)  # in the order of the navigation
BY_NAME = {page.name: page for page in REGISTRY}


def page_path(page: str, language: str) -> str:
    """Where a page's Markdown goes under docs/: index.md (Chinese), index.en.md (English)."""
    return f"{page}.md" if language == DEFAULT_LANGUAGE else f"{page}.{language}.md"


def card_name(page: str, language: str) -> str:
    """A page's link-preview card under docs/cards/: not page.en.png, which the i18n plugin would move to en/."""
    return f"{page}-{language}.png"
