"""Render one page in one language as Markdown: pure functions, data in, text out.

One template per page for both languages (scripts/render/templates/pages/<page>.md.j2), the building
blocks in scripts/render/templates/macros.md.j2, and each language's interface words in one file,
scripts/render/strings/<language>.yaml, looked up by key with t(). A template reads the shared
words and its page's view (scripts/render/views.py). Every value from data/ reaches the page
through one escaping path (scripts/render/escape.py), applied by the environment to each {{ }}.
The front matter is written by a YAML serializer, never by string formatting. The link-preview
card of a page is described here too; scripts/render/cards.py draws it.
"""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass
from functools import cache, cached_property
from pathlib import Path

import jinja2
import yaml
from markupsafe import Markup

from scripts.model.figures import card_label, compact_value, headline_figures
from scripts.model.records import ChartSpec, SiteData
from scripts.render.cards import Card
from scripts.render.charts import chart_of
from scripts.render.citations import citation_record
from scripts.render.escape import inert
from scripts.render.interface import date_text
from scripts.render.pages import BY_NAME, card_name
from scripts.render.structured import structured_data
from scripts.render.views import Words, names, page_view

TEMPLATES = Path(__file__).parent / "templates"
DUMPER = getattr(yaml, "CSafeDumper", yaml.SafeDumper)  # libyaml when built in: the same text, five times faster
CHART = '{% import "macros.md.j2" as ui with context %}{{ ui.chart(drawn) }}'


def template_environment() -> jinja2.Environment:
    """The environment the pages are rendered in (the build gives it a cache of compiled templates)."""
    return jinja2.Environment(
        loader=jinja2.FileSystemLoader(TEMPLATES),
        autoescape=True,
        finalize=inert,  # the one escaping path for data text (Markup from t() passes as it is)
        undefined=jinja2.StrictUndefined,
        keep_trailing_newline=True,
        trim_blocks=True,
        lstrip_blocks=True,
    )


@dataclass(frozen=True)
class Templates:
    """The page templates of one environment."""

    environment: jinja2.Environment

    def page(self, page: str) -> jinja2.Template:
        return self.environment.get_template(f"pages/{page}.md.j2")

    @cached_property
    def chart(self) -> jinja2.Template:
        return self.environment.from_string(CHART)


@cache
def plain_templates() -> Templates:
    """Templates compiled in memory only (for a render outside a build)."""
    return Templates(template_environment())


def page_description(page: str, language: str, t, document) -> str:
    """The page's one-line description, as plain text (its front matter, its link-preview card)."""
    return t.plain(f"{page}.description", name=getattr(document.speaker.name, language),
                   office=getattr(document.speaker.office, language), meeting=getattr(document.meeting, language))


def front_matter(page: str, words: Words) -> str:
    """The page's front matter, serialized by YAML (a description may hold any character)."""
    language, site = words.language, words.site
    meta = {"description": page_description(page, language, words.t, site.document),
            "card": f"cards/{card_name(page, language)}", **dict(BY_NAME[page].front_matter)}
    described = structured_data(page, site)
    if described:
        meta["structured_data"] = described
    if page == "downloads":  # BibTeX and CSL-JSON, written by the theme with the site's address
        meta["citation_record"] = citation_record(site)
    return "---\n" + yaml.dump(meta, Dumper=DUMPER, allow_unicode=True, sort_keys=True, width=10_000) + "---\n\n"


def render_page(page: str, language: str, site: SiteData, templates: Templates | None = None) -> str:
    """One page in one language, as Markdown with its front matter, from the data it declares."""
    templates = templates or plain_templates()
    site = view_for(site, page)
    words = Words(site, language)
    shared = words.template_names()

    def draw(spec: ChartSpec) -> Markup:
        """A chart of data/charts.yaml as HTML bars."""
        figures = {figure_id: words.figure_named(figure_id) for figure_id in spec.figures}
        return Markup(templates.chart.render({**shared, "drawn": chart_of(spec, figures, language)}))

    view = page_view(page, site, words, draw)
    context = {**shared, **names(view)}
    body = templates.page(page).render(context)
    return front_matter(page, words) + body.lstrip("\n")


# ------------------------------------------------------------------ what a page may read

class UndeclaredInput(RuntimeError):
    """A page read data it does not declare in scripts/render/pages.py."""


@dataclass(frozen=True)
class Withheld:
    """A field of the data that a page did not declare: any use of it stops the render."""

    name: str
    page: str

    def refuse(self, *arguments):
        raise UndeclaredInput(f"page {self.page!r} reads site.{self.name}: add {self.name!r} to the inputs of "
                              f"Page({self.page!r}) in scripts/render/pages.py")

    __getattr__ = __iter__ = __len__ = __getitem__ = __contains__ = __bool__ = refuse


def view_for(site: SiteData, page: str) -> SiteData:
    """The data as `page` may read it: its declared fields, the others withheld."""
    inputs = BY_NAME[page].inputs
    return dataclasses.replace(site, **{field.name: Withheld(field.name, page) for field in dataclasses.fields(site)
                                        if field.name not in inputs})


# ------------------------------------------------------------------ its link-preview card

def card_of(page: str, language: str, site: SiteData) -> Card:
    """What the link-preview card of a page shows, in its language."""
    words = Words(site, language)
    document = site.document
    speaker, meeting = getattr(document.speaker.name, language), getattr(document.meeting, language)
    figures = tuple((compact_value(figure, language), card_label(figure, language), words.period_of(figure))
                    for figure in headline_figures(site))[:4] if BY_NAME[page].key_figures_card else ()
    title = getattr(document.site_title, language) if page == "index" else words.t.plain(f"{page}.title")
    band = document.title if page == "index" else document.site_title  # the home card's title is the site's
    return Card(site=getattr(band, language), title=title, summary=page_description(page, language, words.t, document),
                figures=figures, footer=f"{speaker} · {meeting} · {date_text(document.date, language)}")
