"""Render data into Markdown pages: pure functions, data in, text out.

One template per page for both languages (scripts/templates/pages/<page>.md.j2), the building
blocks in scripts/templates/macros.md.j2, and each language's interface words in one file,
scripts/strings/<language>.yaml, looked up by key with t(). Every value from data/ reaches the
page through one escaping path (scripts/escape.py), applied by the environment to each {{ }}.
The front matter is written by a YAML serializer, never by string formatting.
"""

from __future__ import annotations

import dataclasses
import unicodedata
from dataclasses import dataclass
from functools import cache
from pathlib import Path

import jinja2
import PIL
import yaml
from markupsafe import Markup

from scripts.cards import Card, card_png, cjk_font
from scripts.charts import chart_of
from scripts.downloads import DOWNLOAD_NAMES, citation_parts, citation_record, download_files
from scripts.escape import inert
from scripts.figures import (amount_text, card_label, compact_value, display_value, figure_by_id, figures_by_topic,
                             headline_figures)
from scripts.interface import DEFAULT_LANGUAGE, LANGUAGES, date_text, file_size, translator
from scripts.cache import Cache
from scripts.incremental import code_fingerprint, compiled_templates, environment_fingerprint, key_of
from scripts.model import ENTITY_KINDS, ChartSpec, GlossaryEntry, SiteData
from scripts.pages import PAGES
from scripts.outcomes import AROUND, TARGET_KINDS, assessments, outcomes_by_figure, speech_targets, status_counts
from scripts.points import point_pieces
from scripts.quantity import expand_placeholders
from scripts.relations import amount, computed_relations, formula_in, verdict_counts
from scripts.structured import structured_data
from scripts.terms import find_terms, term_forms

# The data each page reads (fields of SiteData). A page is rendered from a view of the data
# holding only these: reading anything else stops the render with a message, so the page cache,
# keyed by exactly these inputs, can never serve a page made from other data.
PAGE_INPUTS = {
    "index": ("document", "paragraphs", "translation", "figures", "topics", "challenges", "periods", "points", "outcomes"),
    "results": ("document", "figures", "topics", "charts", "periods", "relations"),
    "targets": ("document", "figures", "topics", "charts", "periods", "relations"),
    "outcomes": ("document", "translation", "figures", "topics", "periods", "sources", "outcomes"),
    "projects": ("document", "paragraphs", "translation", "glossary", "figures"),
    "challenges": ("document", "translation", "challenges"),
    "speech": ("document", "paragraphs", "translation", "glossary"),
    "parallel": ("document", "paragraphs", "translation"),
    "glossary": ("document", "paragraphs", "glossary"),
    "downloads": ("document", "figures", "relations", "versions", "outcomes", "sources", "topics", "translation"),
    "about": ("document",),
    "checks": ("document", "figures", "topics", "relations"),
    "changes": ("document", "versions"),
    "brief": ("document", "paragraphs", "glossary", "figures", "topics", "periods", "versions", "points", "translation",
              "outcomes"),
}
PAGE_OPTIONS = {"brief": {"hide": ["toc"], "brief": True}}
GLOSSARY_KINDS = ("formula", "slogan", "programme", "enterprise", "project", "park", "place", "organization")
FIGURE_PAGES = {"results": "results", "tasks": "targets"}  # the page of each group of topics
TEMPLATES = Path(__file__).parent / "templates"
PROJECT = TEMPLATES.parent.parent

__all__ = ["LANGUAGES", "DEFAULT_LANGUAGE", "PAGES", "PAGE_INPUTS", "RenderCaches", "page_path", "render_page", "render_site"]


def page_path(page: str, language: str) -> str:
    """Where a page's Markdown goes under docs/: index.md (Chinese), index.en.md (English)."""
    return f"{page}.md" if language == DEFAULT_LANGUAGE else f"{page}.{language}.md"


def headword(name: str) -> str:
    """A name standing alone as a heading or table entry: its first letter capitalized
    ("solid waste treatment" -> "Solid waste treatment"); Chinese is unchanged."""
    first = next((index for index, character in enumerate(name) if character.isalpha()), 0)
    return name[:first] + name[first:first + 1].upper() + name[first + 1:]


def quoted_within_quotes(text: str) -> str:
    """English words shown inside double quotation marks, their own quotation marks made single
    (“… for ‘upgrading small firms’”), as English nests quotations."""
    return text.replace("“", "‘").replace("”", "’")


def in_running_text(title: str) -> str:
    """A title inside a list in running text, after a colon: its first letter lower case, unless
    its first word is written in capitals (an abbreviation such as GDP): "Challenges and work
    style: four pressures, four bad practices to break". Chinese is unchanged."""
    first_word = title.split(" ", 1)[0]
    return title if first_word.isupper() else title[:1].lower() + title[1:]


# ------------------------------------------------------------------ the speech as pieces of text

@dataclass(frozen=True)
class Piece:
    text: str
    term: str | None = None  # glossary entry id when the text is a term


@dataclass(frozen=True)
class SentenceView:
    id: str
    pieces: tuple[Piece, ...]
    bold: bool = False
    note: str | None = None  # a translator's note, after the English sentence


def translator_note(site: SiteData, sentence_id: str, language: str) -> str | None:
    """The note on a sentence's English (a pun the English cannot keep), for the English only."""
    return site.translation[sentence_id].note if language == "en" else None


def sentence_text(site: SiteData, sentence_id: str, language: str) -> str:
    """A sentence in one language: the seed's Chinese, or the English with quantities rendered."""
    sentence = site.translation[sentence_id]
    return sentence.zh if language == "zh" else expand_placeholders(sentence.en)


def pieces(text: str, forms, linked: set[str] | None) -> tuple[Piece, ...]:
    """`text` cut into plain runs and glossary terms (each term once per `linked` set)."""
    if forms is None:
        return (Piece(text),)
    cut, position = [], 0
    for start, end, entry_id in find_terms(text, forms, linked):
        cut += [Piece(text[position:start]), Piece(text[start:end], entry_id)]
        position = end
    return tuple(piece for piece in (*cut, Piece(text[position:])) if piece.text)


def full_text(site: SiteData, language: str) -> list[dict]:
    """The speech as blocks: part and item headings, and paragraphs of sentences with their
    glossary terms (each term linked once per paragraph)."""
    forms = term_forms(site.glossary, language)
    blocks = []
    for paragraph in site.paragraphs:
        first = paragraph.sentences[0]
        block = {"kind": paragraph.kind, "id": first.id, "paragraph": paragraph.id, "heading": None}
        sentences = paragraph.sentences
        if paragraph.kind in {"part", "item"}:
            block["heading"] = sentence_text(site, first.id, language)
            sentences = sentences[1:]
        linked: set[str] = set()
        block["sentences"] = [SentenceView(sentence.id, pieces(sentence_text(site, sentence.id, language), forms, linked),
                                           site.translation[sentence.id].topic,
                                           translator_note(site, sentence.id, language))
                              for sentence in sentences]
        blocks.append(block)
    return blocks


def parallel_text(site: SiteData) -> list[dict]:
    """Chinese and English sentence by sentence, paragraph by paragraph."""
    blocks = []
    for paragraph in site.paragraphs:
        first = paragraph.sentences[0]
        if paragraph.kind == "part":
            blocks.append({"kind": "part", "id": first.id, "zh": sentence_text(site, first.id, "zh"),
                           "en": sentence_text(site, first.id, "en")})
            continue
        pairs = [tuple(SentenceView(sentence.id, (Piece(sentence_text(site, sentence.id, language)),),
                                    site.translation[sentence.id].topic or (paragraph.kind == "item" and index == 0),
                                    translator_note(site, sentence.id, language)) for language in ("zh", "en"))
                 for index, sentence in enumerate(paragraph.sentences)]
        blocks.append({"kind": paragraph.kind, "paragraph": paragraph.id, "pairs": pairs})
    return blocks


def speech_parts(site: SiteData, language: str) -> list[dict]:
    """Each numbered part of the speech: its heading sentence and its summary."""
    headings = [paragraph.sentences[0] for paragraph in site.paragraphs if paragraph.kind == "part"]
    return [{"id": heading.id, "heading": sentence_text(site, heading.id, language), "summary": part.summary}
            for heading, part in zip(headings, site.document.parts, strict=True)]


# ------------------------------------------------------------------ glossary and named entities

def occurrences(site: SiteData, entry: GlossaryEntry) -> list[str]:
    """The ids of the sentences whose Chinese contains the term."""
    return [sentence.id for paragraph in site.paragraphs for sentence in paragraph.sentences
            if entry.zh in sentence.text]


def toneless(pinyin: str) -> str:
    """"Xí Jìnpíng" -> "xi jinping": the key a reader alphabetizes pinyin by."""
    decomposed = unicodedata.normalize("NFD", pinyin.casefold())
    return "".join(character for character in decomposed if not unicodedata.combining(character))


def glossary_order(entry: GlossaryEntry) -> tuple[str, str, str]:
    """By pinyin without tones, then with tones, then by the characters."""
    return toneless(entry.pinyin), entry.pinyin.casefold(), entry.zh


def glossary_sections(site: SiteData) -> list[dict]:
    """Each kind of term with its entries in pinyin order (the same order in both languages)."""
    sections = []
    for kind in GLOSSARY_KINDS:
        entries = sorted((entry for entry in site.glossary if entry.kind == kind), key=glossary_order)
        if entries:
            sections.append({"kind": kind, "entries": entries})
    return sections


def entities(site: SiteData) -> list[dict]:
    """Projects, parks and enterprises, in that order; projects with an investment first; each in
    speech order, with its figures, the entries that are the same thing under another name, and
    the sentences that name it by any of them."""
    by_id = figure_by_id(site)
    aliases: dict[str, list[GlossaryEntry]] = {}
    for entry in site.glossary:
        if entry.same_as:
            aliases.setdefault(entry.same_as, []).append(entry)
    listed = [{"entry": entry, "kind": entry.entity_kind, "figures": [by_id[figure] for figure in entry.figures],
               "aliases": aliases.get(entry.id, []),
               "sentences": sorted({sentence for named in (entry, *aliases.get(entry.id, []))
                                    for sentence in occurrences(site, named)})}
              for entry in site.glossary if entry.entity_kind and not entry.same_as]
    return sorted(listed, key=lambda entity: (ENTITY_KINDS.index(entity["kind"]), not entity["figures"],
                                              (entity["sentences"] or ["~"])[0]))


def entity_sentences(listed: list[dict]) -> list[tuple[str, list[GlossaryEntry]]]:
    """Every sentence naming an entity, once, in speech order, with the entities it names."""
    names: dict[str, list[GlossaryEntry]] = {}
    for entity in listed:
        for sentence_id in entity["sentences"]:
            names.setdefault(sentence_id, []).append(entity["entry"])
    return sorted(names.items())


# ------------------------------------------------------------------ pages

def template_environment(code: str) -> jinja2.Environment:
    """The environment the pages are rendered in; its compiled templates are cached under a key of
    its own options and of `code` (the generator's fingerprint, scripts/incremental.py)."""
    environment = jinja2.Environment(
        loader=jinja2.FileSystemLoader(TEMPLATES),
        autoescape=True,
        finalize=inert,  # the one escaping path for data text (Markup from t() passes as it is)
        undefined=jinja2.StrictUndefined,
        keep_trailing_newline=True,
        trim_blocks=True,
        lstrip_blocks=True,
    )
    environment.bytecode_cache = compiled_templates(PROJECT, lambda: key_of(environment_fingerprint(environment), code))
    return environment


_ENVIRONMENT = template_environment(code_fingerprint(PROJECT))
_CHART = _ENVIRONMENT.from_string('{% import "macros.md.j2" as ui with context %}{{ ui.chart(drawn) }}')


def page_context(site: SiteData, language: str) -> dict:
    """What every page template can use, in `language`. What takes work to compute is a
    function, computed once when a template first calls it (a page reads only what it uses)."""
    paths = {page: page_path(page, language) for page in PAGES}
    t = translator(language, paths)
    by_id = cache(lambda: figure_by_id(site))
    periods = cache(lambda: {period.id: period for period in site.periods})
    topic_groups = cache(lambda: {topic.id: topic.group for topic in site.topics})
    relations = cache(lambda: computed_relations(site.relations, site.figures))
    listed = cache(lambda: entities(site))
    assessed = cache(lambda: assessments(site))
    answered = cache(lambda: outcomes_by_figure(site.outcomes))
    sources = cache(lambda: {source.id: source for source in site.sources})
    files = cache(lambda: download_files(site))
    figure_page = lambda figure: FIGURE_PAGES.get(topic_groups()[figure.topic], "downloads")  # noqa: E731
    context = {
        "site": site, "document": site.document, "language": language, "pages": PAGES, "t": t,
        "unofficial": lambda: t("unofficial"),
        "localized": lambda text: getattr(text, language),
        "headword": headword,
        "table_name": lambda entry: headword(getattr(entry.name or entry, language)),
        "entity_kinds": ENTITY_KINDS,
        "label_of": lambda figure: getattr(figure.label, language),
        "value_of": lambda figure: display_value(figure, language),
        "period_of": lambda figure: getattr(periods()[figure.period], language),
        "period_name": lambda period_id: getattr(periods()[period_id], language),
        "card_label_of": lambda figure: card_label(figure, language),
        "compact_value_of": lambda figure: compact_value(figure, language),
        "date_text": lambda day: date_text(day, language),
        "sentence_in": lambda sentence_id: sentence_text(site, sentence_id, language),
        "quote_in_english": lambda source: quoted_within_quotes(expand_placeholders(source.quote_en)),
        "page_path": lambda page: paths[page],
        "page_url": lambda page: f"{page}.html",
        "figure_by_id": by_id,
        "figures_by_topic": lambda group: figures_by_topic(site, group),
        "target_kinds": TARGET_KINDS,  # the figures of the targets tables; the others of part two are listed after them
        "speech_targets": cache(lambda: speech_targets(site)),
        "figure_page": figure_page,
        "computed_relations": relations,
        "computed_amount": lambda computed: amount(computed, language),
        "formula_of": lambda computed: formula_in(computed, language),
        "verdict_counts": cache(lambda: verdict_counts(relations())),
        "main_points": lambda kind: [point_pieces(getattr(point, language)) for point in site.points if point.kind == kind],
        "assessments": assessed,
        "status_counts": cache(lambda: status_counts(assessed())),
        "outcome_of": lambda figure: answered().get(figure.id),
        "outcome_amount": lambda value, unit, like=None: amount_text(value, unit, language, like),
        "results_with_outcomes": cache(lambda: [(figure, answered()[figure.id]) for figure in site.figures
                                                if figure.id in answered() and figure.kind != "target"]),
        "also_reported": lambda: [outcome for outcome in site.outcomes if outcome.figure is None],
        "source_of": lambda outcome: sources()[outcome.source],
        "around_percent": int(AROUND * 100),
        "checks_of": lambda figure: [computed for computed in relations()
                                     if figure.id in (*computed.relation.inputs, computed.relation.stated)],
        "headline_figures": cache(lambda: headline_figures(site)),
        "charts": lambda page: [draw(spec, context) for spec in site.charts if spec.page == page],
        "speech_parts": cache(lambda: speech_parts(site, language)),
        "challenge_titles": cache(lambda: t("list_separator").join(
            inert(in_running_text(getattr(group.title, language))) for group in site.challenges)),
        "full_text": cache(lambda: full_text(site, language)),
        "parallel_text": cache(lambda: parallel_text(site)),
        "glossary_sections": cache(lambda: glossary_sections(site)),
        "occurrences": lambda entry: occurrences(site, entry),
        "entities": listed,
        "entity_sentences": cache(lambda: entity_sentences(listed())),
        "download_names": DOWNLOAD_NAMES,
        "download_size": lambda name: file_size(len(files()[name])),
        "downloads": "downloads/" if language == DEFAULT_LANGUAGE else "../downloads/",  # one copy, at the root
        "citation": cache(lambda: citation_parts(site, language)),
    }
    return context


def draw(spec: ChartSpec, context: dict) -> Markup:
    """A chart of data/charts.yaml as HTML bars, in the language of a page's context."""
    figures = {figure_id: context["figure_by_id"]()[figure_id] for figure_id in spec.figures}
    return Markup(_CHART.render({**context, "drawn": chart_of(spec, figures, context["language"])}))


def page_description(page: str, language: str, t, document) -> str:
    """The page's one-line description, as plain text (its front matter, its link-preview card)."""
    return t.plain(f"{page}.description", name=getattr(document.speaker.name, language),
                   office=getattr(document.speaker.office, language), meeting=getattr(document.meeting, language))


def front_matter(page: str, context: dict) -> str:
    """The page's front matter, serialized by YAML (a description may hold any character)."""
    language = context["language"]
    description = page_description(page, language, context["t"], context["document"])
    meta = {"description": description, "card": f"cards/{card_name(page, language)}", **PAGE_OPTIONS.get(page, {})}
    described = structured_data(page, context["site"])
    if described:
        meta["structured_data"] = described
    if page == "downloads":  # BibTeX and CSL-JSON, written by the theme with the site's address
        meta["citation_record"] = citation_record(context["site"])
    return "---\n" + yaml.safe_dump(meta, allow_unicode=True, sort_keys=True, width=10_000) + "---\n\n"


def render_page(page: str, language: str, site: SiteData) -> str:
    """One page in one language, as Markdown with its front matter, from the data it declares."""
    context = page_context(view_for(site, page), language)
    body = _ENVIRONMENT.get_template(f"pages/{page}.md.j2").render(context)
    return front_matter(page, context) + body.lstrip("\n")


# ------------------------------------------------------------------ what a page may read

class UndeclaredInput(RuntimeError):
    """A page read data it does not declare in PAGE_INPUTS."""


@dataclass(frozen=True)
class Withheld:
    """A field of the data that a page did not declare: any use of it stops the render."""

    name: str
    page: str

    def refuse(self, *arguments):
        raise UndeclaredInput(f"page {self.page!r} reads site.{self.name}: add {self.name!r} to "
                              f"PAGE_INPUTS[{self.page!r}] in scripts/render.py")

    __getattr__ = __iter__ = __len__ = __getitem__ = __contains__ = __bool__ = refuse


def view_for(site: SiteData, page: str) -> SiteData:
    """The data as `page` may read it: its declared fields, the others withheld."""
    return dataclasses.replace(site, **{field.name: Withheld(field.name, page) for field in dataclasses.fields(site)
                                        if field.name not in PAGE_INPUTS[page]})


# ------------------------------------------------------------------ the site, from its caches

@dataclass
class RenderCaches:
    """Rendered pages and drawn cards by key (scripts/incremental.py): a key covers the code,
    and for a card the font and Pillow that draw it."""

    code: str                # code_fingerprint: a change of generator, template, string or package invalidates all
    font: str                # the card font's file and digest (scripts/font.py)
    pages: Cache
    cards: Cache             # PNG bytes
    fonts: Cache             # the print font (WOFF2)
    rendered: list[str] = dataclasses.field(default_factory=list)  # pages rendered afresh

    def prune(self) -> None:
        """Keep what the last generation used."""
        self.pages.prune()
        self.cards.prune()
        self.fonts.prune()


CARD_FIGURES = ("index", "brief")  # the pages whose cards show the key figures; the others, their description


def card_name(page: str, language: str) -> str:
    return f"{page}-{language}.png"  # not page.en.png, which the i18n plugin would move to en/


def card_of(page: str, language: str, site: SiteData) -> Card:
    """What the link-preview card of a page shows, in its language."""
    t = translator(language, {name: page_path(name, language) for name in PAGES})
    document = site.document
    speaker, meeting = getattr(document.speaker.name, language), getattr(document.meeting, language)
    periods = {period.id: getattr(period, language) for period in site.periods}
    figures = tuple((compact_value(figure, language), card_label(figure, language), periods[figure.period])
                    for figure in headline_figures(site))[:4] if page in CARD_FIGURES else ()
    title = getattr(document.site_title, language) if page == "index" else t.plain(f"{page}.title")
    band = document.title if page == "index" else document.site_title  # the home card's title is the site's
    return Card(site=getattr(band, language), title=title, summary=page_description(page, language, t, document),
                figures=figures, footer=f"{speaker} · {meeting} · {date_text(document.date, language)}")


def render_cards(site: SiteData, caches: RenderCaches | None = None) -> dict[str, bytes]:
    """Every page's card, keyed by its file name under docs/cards/; drawn only when what it shows changed."""
    cards = {}
    for language in LANGUAGES:
        for page in PAGES:
            card = card_of(page, language, site)
            key = key_of("card", caches.code, caches.font, PIL.__version__, repr(card)) if caches else ""
            png = caches.cards.get(key) if caches else None
            if png is None:
                png = card_png(card)
                if caches:
                    caches.cards.put(key, png)
            cards[card_name(page, language)] = png
    return cards


PRINT_FONT = "print-zh.woff2"  # docs/fonts/: the stylesheet sets printed Chinese in it


def render_fonts(pages: dict[str, str], caches: RenderCaches | None = None) -> dict[str, bytes]:
    """The print font (scripts/print_font.py): the Chinese characters of every page and of the
    interface strings the theme prints, from this machine's Chinese font."""
    from scripts.print_font import chinese_characters, print_font  # fontTools, loaded when there is work for it

    characters = chinese_characters([*pages.values(), *(text for language in LANGUAGES
                                                         for text in translator(language).table.values())])
    face = cjk_font()
    key = key_of("print font", caches.code, caches.font, characters) if caches else ""
    font = caches.fonts.get(key) if caches else None
    if font is None:
        font = print_font(face, characters)
        if caches:
            caches.fonts.put(key, font)
    return {PRINT_FONT: font}


def render_site(site: SiteData, caches: RenderCaches | None = None) -> dict[str, str]:
    """Every generated page, keyed by its path under docs/. With caches, a page is rendered only
    if the data it reads changed since it was last rendered, and a chart drawn only if it did."""
    digests = {field.name: key_of(repr(getattr(site, field.name))) for field in dataclasses.fields(site)} if caches else {}
    pages = {}
    for language in LANGUAGES:
        for page in PAGES:
            path = page_path(page, language)
            if caches is None:
                pages[path] = render_page(page, language, site)
                continue
            key = key_of("page", caches.code, page, language, *(digests[name] for name in PAGE_INPUTS[page]))
            stored = caches.pages.get(key)
            if stored is None:
                text = render_page(page, language, site)
                caches.pages.put(key, text.encode("utf-8"))
                caches.rendered.append(path)
            else:
                text = stored.decode("utf-8")
            pages[path] = text
    return pages
