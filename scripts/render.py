"""Render data into Markdown pages: pure functions, data in, text out.

Templates live in scripts/templates/<language>/<page>.md.j2, one per page and language, so the
two languages always have the same pages. Every value from data/ is escaped for HTML and for
Markdown, so text such as "<script>" or "*" in a YAML string is shown as written, never run.
"""

from __future__ import annotations

import datetime
from pathlib import Path

import jinja2
from markupsafe import Markup

from scripts import charts, markup
from scripts.downloads import citation
from scripts.figures import figures_by_topic
from scripts.markup import escape_text
from scripts.model import SiteData

LANGUAGES = ("zh", "en")
DEFAULT_LANGUAGE = "zh"
PAGES = ("index", "results", "targets", "projects", "challenges", "speech", "parallel", "glossary", "downloads", "about")
GLOSSARY_KINDS = ("formula", "slogan", "programme", "enterprise", "project", "park", "place", "organization")
TEMPLATES = Path(__file__).parent / "templates"

def english_date(day: datetime.date) -> str:
    """2024-08-22 -> "August 22, 2024" (the translation uses American English)."""
    return f"{day:%B} {day.day}, {day.year}"


def code(value: str) -> Markup:
    """Data text shown as inline code, escaped for HTML (Markdown escapes would show in code)."""
    return Markup("<code>{}</code>").format(value)


def page_path(page: str, language: str) -> str:
    """Where a page's Markdown goes under docs/: index.md (Chinese), index.en.md (English)."""
    return f"{page}.md" if language == DEFAULT_LANGUAGE else f"{page}.{language}.md"


def trusted(build_html):
    """A template function returning the HTML of `build_html`, marked safe (it escapes its data)."""
    return lambda *arguments: Markup(build_html(*arguments))


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
    environment.globals.update(
        page_path=page_path,
        speech_parts=speech_parts,
        glossary_sections=glossary_sections,
        figures_by_topic=figures_by_topic,
        challenge_groups=challenge_groups,
        chart=chart,
        # Markup builders: their HTML is already escaped, so templates insert it as it is.
        full_text=trusted(markup.full_text),
        parallel_text=trusted(markup.parallel_text),
        figure_table=trusted(markup.figure_table),
        target_table=trusted(markup.target_table),
        cards=trusted(markup.cards),
        entity_list=trusted(markup.entity_list),
    )
    return environment


def chart(site: SiteData, language: str, key: str) -> Markup:
    """One chart as HTML (nothing when the data has no figures for it)."""
    made = charts.make_chart(key, site, language)
    return Markup(markup.chart_html(made, language)) if made else Markup("")


def challenge_groups(site: SiteData, language: str) -> list[dict]:
    """Each list of challenges with its items, as the speech words them in `language`."""
    def quote(sentence_id: str) -> Markup:
        return Markup(markup.quoted_sentence(site, sentence_id, language))

    return [{"title": getattr(group.title, language), "intro": quote(group.intro),
             "items": [(quote(item.heading), [quote(sentence) for sentence in item.detail]) for item in group.items],
             "outro": [quote(sentence) for sentence in group.outro]}
            for group in site.challenges]


def speech_parts(site: SiteData, language: str) -> list[tuple[str, str, str]]:
    """(sentence id, heading, summary) of each part of the speech, the heading as the speech
    and its translation give it."""
    headings = [paragraph.sentences[0] for paragraph in site.paragraphs if paragraph.kind == "part"]
    return [(heading.id, markup.sentence_text(heading, language, site), getattr(part.summary, language))
            for heading, part in zip(headings, site.document.parts, strict=True)]


def glossary_sections(site: SiteData, language: str) -> list[tuple[str, Markup, int]]:
    """(kind, rendered entries, count) for each kind of term, in a fixed order."""
    sections = []
    for kind in GLOSSARY_KINDS:
        entries = sorted((entry for entry in site.glossary if entry.kind == kind),
                         key=lambda entry: entry.en.casefold() if language == "en" else entry.pinyin.casefold())
        if entries:
            sections.append((kind, Markup(markup.glossary_section(entries, site, language)), len(entries)))
    return sections


_ENVIRONMENT = template_environment()


def render_page(page: str, language: str, site: SiteData) -> str:
    """One page in one language, as Markdown."""
    template = _ENVIRONMENT.get_template(f"{language}/{page}.md.j2")
    downloads = "downloads/" if language == DEFAULT_LANGUAGE else "../downloads/"  # one copy, at the root
    return template.render(site=site, document=site.document, language=language, citation=citation(site),
                           downloads=downloads)


def render_site(site: SiteData) -> dict[str, str]:
    """Every generated page, keyed by its path under docs/."""
    return {page_path(page, language): render_page(page, language, site)
            for page in PAGES for language in LANGUAGES}
