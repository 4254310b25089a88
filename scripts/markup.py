"""HTML for the speech pages: sentences with permalinks, glossary links, the parallel grid.

Pure functions from data to text. Every text from data/ passes through `html.escape`; the
Markdown around these blocks comes from scripts/render.py.
"""

from __future__ import annotations

import html
import re
from collections.abc import Iterable
from typing import Any

from markupsafe import Markup

from scripts.model import GlossaryEntry, SiteData
from scripts.quantity import expand_placeholders
from scripts.speech import Sentence
from scripts.terms import Span, find_terms, term_forms

GLOSSARY_PAGE = "glossary.html"
SPEECH_PAGE = "speech.html"
LABELS = {
    "zh": {"permalink": "本句链接", "occurs": "讲话中出现于", "separator": ""},
    "en": {"permalink": "Link to this sentence", "occurs": "In the speech", "separator": " "},
}


def sentence_text(sentence: Sentence, language: str, site: SiteData) -> str:
    """A sentence in one language: the seed's Chinese, or the English with quantities rendered."""
    if language == "zh":
        return sentence.text
    return expand_placeholders(site.translation[sentence.id].en)


def linked_html(text: str, spans: list[Span], glossary_href: str) -> str:
    pieces, position = [], 0
    for start, end, entry_id in spans:
        pieces.append(html.escape(text[position:start]))
        pieces.append(f'<a class="term" href="{glossary_href}#term-{entry_id}">{html.escape(text[start:end])}</a>')
        position = end
    pieces.append(html.escape(text[position:]))
    return "".join(pieces)


def sentence_span(sentence_id: str, inner_html: str, language: str, topic: bool = False,
                  anchor: bool = True) -> str:
    """A sentence with its id (when `anchor`) and a permalink shown on hover and focus."""
    if topic:
        inner_html = f"<strong>{inner_html}</strong>"
    identity = f' id="{sentence_id}"' if anchor else ""
    label = html.escape(f"{LABELS[language]['permalink']} {sentence_id}")
    return (f'<span class="sentence"{identity} data-sentence="{sentence_id}">{inner_html}'
            f'<a class="sentence-link" href="#{sentence_id}" aria-label="{label}"></a></span>')


_MARKDOWN_SPECIAL = re.compile(r"([\\`*_\[\]{}|~#!])")


def escape_text(value: Any) -> Any:
    """Backslash-escape Markdown syntax in data text (HTML escaping is done separately)."""
    if isinstance(value, Markup) or not isinstance(value, str):
        return value
    return _MARKDOWN_SPECIAL.sub(r"\\\1", value)


def markdown_heading_text(text: str) -> str:
    """Heading text for Markdown: HTML-escaped, Markdown syntax backslash-escaped."""
    return escape_text(html.escape(text, quote=False))


def full_text(site: SiteData, language: str) -> str:
    """The whole speech in one language, headed as the speech is structured, every sentence
    anchored; glossary terms link to their entries (once per paragraph)."""
    forms = term_forms(site.glossary, language)
    join = LABELS[language]["separator"]
    blocks = []
    for paragraph in site.paragraphs:
        texts = [sentence_text(sentence, language, site) for sentence in paragraph.sentences]
        first = paragraph.sentences[0]
        if paragraph.kind == "part":
            blocks.append(f"## {markdown_heading_text(texts[0])} {{#{first.id}}}")
            continue
        body = list(zip(paragraph.sentences, texts))
        if paragraph.kind == "item":
            blocks.append(f"### {markdown_heading_text(texts[0])} {{#{first.id}}}")
            body = body[1:]
        linked: set[str] = set()
        spans = [sentence_span(sentence.id, linked_html(text, find_terms(text, forms, linked), GLOSSARY_PAGE),
                               language, site.translation[sentence.id].topic)
                 for sentence, text in body]
        blocks.append(f'<p class="speech-{paragraph.kind}" id="{paragraph.id}">{join.join(spans)}</p>')
    return "\n\n".join(blocks) + "\n"


def parallel_text(site: SiteData, language: str) -> str:
    """Chinese and English side by side, sentence by sentence (a grid on wide screens; on phones
    each Chinese paragraph followed by its English)."""
    blocks = []
    for paragraph in site.paragraphs:
        if paragraph.kind == "part":
            sentence = paragraph.sentences[0]
            chinese, english = (sentence_text(sentence, lang, site) for lang in ("zh", "en"))
            blocks.append(f"## {markdown_heading_text(chinese)} / {markdown_heading_text(english)} "
                          f"{{#{sentence.id} data-sentence=\"{sentence.id}\"}}")
            continue
        columns = []
        for column_language in ("zh", "en"):
            spans = LABELS[column_language]["separator"].join(
                sentence_span(sentence.id, html.escape(sentence_text(sentence, column_language, site)),
                              language, topic=site.translation[sentence.id].topic or
                              (paragraph.kind == "item" and index == 0), anchor=column_language == "zh")
                for index, sentence in enumerate(paragraph.sentences))
            columns.append(f'<div class="parallel-{column_language}" lang="{column_language}">{spans}</div>')
        blocks.append(f'<div class="parallel" id="{paragraph.id}" style="--sentences: {len(paragraph.sentences)}">'
                      f'{"".join(columns)}</div>')
    return "\n\n".join(blocks) + "\n"


def occurrences(entry: GlossaryEntry, site: SiteData) -> list[str]:
    """The ids of the sentences whose Chinese contains the term."""
    return [sentence.id for paragraph in site.paragraphs for sentence in paragraph.sentences
            if entry.zh in sentence.text]


def glossary_entry(entry: GlossaryEntry, site: SiteData, language: str) -> str:
    links = ", ".join(f'<a href="{SPEECH_PAGE}#{sentence_id}">{sentence_id}</a>'
                      for sentence_id in occurrences(entry, site))
    explanation = entry.explanation.zh if language == "zh" else entry.explanation.en
    return (f'<dt id="term-{entry.id}"><span lang="zh">{html.escape(entry.zh)}</span> '
            f'<span class="pinyin">{html.escape(entry.pinyin)}</span> '
            f'<span lang="en">{html.escape(entry.en)}</span></dt>\n'
            f'<dd><p>{html.escape(explanation)}</p>'
            f'<p class="occurrences">{LABELS[language]["occurs"]}: {links}</p></dd>')


def glossary_section(entries: Iterable[GlossaryEntry], site: SiteData, language: str) -> str:
    return '<dl class="glossary">\n' + "\n".join(glossary_entry(entry, site, language) for entry in entries) + "\n</dl>"
