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

from scripts.charts import Chart
from scripts.figures import display_value, figure_by_id
from scripts.model import Figure, GlossaryEntry, SiteData
from scripts.quantity import expand_placeholders
from scripts.speech import Sentence
from scripts.terms import Span, find_terms, term_forms

GLOSSARY_PAGE = "glossary.html"
SPEECH_PAGE = "speech.html"
LABELS = {
    "zh": {"permalink": "本句链接", "occurs": "讲话中出现于", "separator": "", "colon": "："},
    "en": {"permalink": "Link to this sentence", "occurs": "In the speech", "separator": " ", "colon": ": "},
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
            f'<p class="occurrences">{LABELS[language]["occurs"]}{LABELS[language]["colon"]}{links}</p></dd>')


def glossary_section(entries: Iterable[GlossaryEntry], site: SiteData, language: str) -> str:
    return '<dl class="glossary">\n' + "\n".join(glossary_entry(entry, site, language) for entry in entries) + "\n</dl>"


PERIODS = {
    "zh": {"2024-H1": "2024年上半年", "2024-01-08": "2024年1—8月", "2024-H2": "2024年下半年", "2024": "2024年",
           "2024-year-end": "2024年末", "2023": "2023年", "cumulative": "累计"},
    "en": {"2024-H1": "H1 2024", "2024-01-08": "Jan–Aug 2024", "2024-H2": "H2 2024", "2024": "2024",
           "2024-year-end": "End of 2024", "2023": "2023", "cumulative": "Cumulative"},
}
BASES = {
    "zh": {"year-on-year": "同比", "provincial-average": "与全省平均水平比", "city-average": "与全市平均水平比",
           "city-ranking": "全市排名", "full-year-target": "与全年目标比"},
    "en": {"year-on-year": "Year on year", "provincial-average": "Against the provincial average",
           "city-average": "Against the city average", "city-ranking": "Rank in Baishan",
           "full-year-target": "Against the full-year target"},
}
TABLE_HEADS = {
    "zh": ("指标", "数值", "时期", "比较", "出处"),
    "en": ("Indicator", "Value", "Period", "Compared with", "Source"),
}
TARGET_HEADS = {
    "zh": ("目标", "数值", "时期", "相关的上半年数字", "出处"),
    "en": ("Target", "Value", "Period", "Related first-half figure", "Source"),
}


def source_cell(figure: Figure) -> str:
    """The figure's source: a link to its sentence, and the Chinese words quoted."""
    sentence_id = figure.source.sentence
    return (f'<a href="{SPEECH_PAGE}#{sentence_id}">{sentence_id}</a> '
            f'<span class="quote" lang="zh">{html.escape(figure.source.quote)}</span>')


def figure_row(figure: Figure, language: str) -> str:
    cells = [html.escape(getattr(figure.label, language)),
             html.escape(display_value(figure, language)),
             html.escape(PERIODS[language][figure.period]),
             html.escape(BASES[language][figure.basis]) if figure.basis else "",
             source_cell(figure)]
    return f'<tr id="figure-{figure.id}">' + "".join(f"<td>{cell}</td>" for cell in cells) + "</tr>"


def table(heads: tuple[str, ...], rows: list[str], css: str) -> str:
    head = "".join(f"<th>{html.escape(cell)}</th>" for cell in heads)
    return f'<div class="{css}"><table><thead><tr>{head}</tr></thead><tbody>{"".join(rows)}</tbody></table></div>'


def figure_table(figures: list[Figure], language: str) -> str:
    return table(TABLE_HEADS[language], [figure_row(figure, language) for figure in figures], "figures")


def target_table(figures: list[Figure], site: SiteData, language: str) -> str:
    by_id = figure_by_id(site)
    rows = []
    for figure in figures:
        related = ""
        if figure.related:
            other = by_id[figure.related.figure]
            related = (f'<a href="results.html#figure-{other.id}">{html.escape(getattr(other.label, language))}</a>: '
                       f'{html.escape(display_value(other, language))} ({html.escape(PERIODS[language][other.period])})'
                       f'<br><small>{html.escape(getattr(figure.related.note, language))}</small>')
        cells = [html.escape(getattr(figure.label, language)), html.escape(display_value(figure, language)),
                 html.escape(PERIODS[language][figure.period]), related, source_cell(figure)]
        rows.append(f'<tr id="figure-{figure.id}">' + "".join(f"<td>{cell}</td>" for cell in cells) + "</tr>")
    return table(TARGET_HEADS[language], rows, "figures targets")


def chart_html(chart: Chart, language: str) -> str:
    """A chart with its title, a text description, and its data as a table."""
    svg = chart.svg.replace("<svg ", f'<svg role="img" aria-label="{html.escape(chart.title)}" ', 1)
    rows = "".join(f'<tr><td>{html.escape(label)}</td><td>{html.escape(value)}</td>'
                   f'<td><a href="{SPEECH_PAGE}#{sentence_id}">{sentence_id}</a></td></tr>'
                   for label, value, sentence_id in chart.rows)
    heads = (*TABLE_HEADS[language][:2], TABLE_HEADS[language][4])
    return (f'<figure class="chart" id="chart-{chart.key}">'
            f'<figcaption><strong>{html.escape(chart.title)}</strong></figcaption>'
            f'<div class="chart-body"><div class="chart-image">{svg}</div>'
            f'<div class="chart-data"><table><thead><tr>{"".join(f"<th>{head}</th>" for head in heads)}</tr></thead>'
            f'<tbody>{rows}</tbody></table></div></div>'
            f'<p class="chart-description">{html.escape(chart.description)}</p></figure>')


def cards(site: SiteData, language: str) -> str:
    """The headline figures as cards, each linking to its row and its source sentence."""
    items = []
    for figure in site.figures:
        if figure.headline:
            items.append(
                f'<div class="card"><a class="card-main" href="results.html#figure-{figure.id}">'
                f'<span class="card-value">{html.escape(display_value(figure, language))}</span>'
                f'<span class="card-label">{html.escape(getattr(figure.label, language))}</span></a>'
                f'<a class="card-source" href="{SPEECH_PAGE}#{figure.source.sentence}">{figure.source.sentence}</a></div>')
    return f'<div class="cards">{"".join(items)}</div>'


def quoted_sentence(site: SiteData, sentence_id: str, language: str) -> str:
    """A sentence of the speech in `language`, linked to its place in the full text."""
    sentence = site.translation[sentence_id]
    text = sentence.zh if language == "zh" else expand_placeholders(sentence.en)
    return f'{html.escape(text)} <a class="source-link" href="{SPEECH_PAGE}#{sentence_id}">{sentence_id}</a>'


STATUSES = {
    "zh": {"started": "已开工", "completed": "已竣工投产", "under-way": "加快推进中", "to-be-completed": "年内竣工",
           "planned": "筹备中", "listed": "已纳入省市重点项目库"},
    "en": {"started": "Construction started", "completed": "Completed and in operation", "under-way": "Being pushed forward",
           "to-be-completed": "To be completed this year", "planned": "In preparation",
           "listed": "In the provincial and city key project pool"},
}
STATUS_LABEL = {"zh": "状态", "en": "Status"}
SAYS_LABEL = {"zh": "讲话中", "en": "What the speech says"}


def entity_entry(entry: GlossaryEntry, site: SiteData, language: str) -> str:
    """A project, enterprise or park: its names, status, figures, and every sentence naming it."""
    by_id = figure_by_id(site)
    facts = []
    if entry.status:
        facts.append(f"<strong>{STATUS_LABEL[language]}</strong>{LABELS[language]['colon']}"
                     f"{html.escape(STATUSES[language][entry.status])}")
    for figure_id in entry.figures:
        figure = by_id[figure_id]
        facts.append(f'<a href="results.html#figure-{figure.id}">{html.escape(getattr(figure.label, language))}</a>'
                     f'{LABELS[language]["colon"]}'
                     f'{html.escape(display_value(figure, language))} '
                     f'(<a href="{SPEECH_PAGE}#{figure.source.sentence}">{figure.source.sentence}</a>)')
    sentences = "".join(f"<li>{quoted_sentence(site, sentence_id, language)}</li>" for sentence_id in occurrences(entry, site))
    return (f'<dt id="entity-{entry.id}"><span lang="zh">{html.escape(entry.zh)}</span> '
            f'<span lang="en">{html.escape(entry.en)}</span> '
            f'<a class="glossary-link" href="{GLOSSARY_PAGE}#term-{entry.id}">{"术语表" if language == "zh" else "Glossary"}</a></dt>'
            f'<dd>{"".join(f"<p>{fact}</p>" for fact in facts)}'
            f'<p class="occurrences">{SAYS_LABEL[language]}{LABELS[language]["colon"].strip()}</p><ul>{sentences}</ul></dd>')


def entity_list(site: SiteData, kind: str, language: str) -> str:
    # Anything the speech gives a project status (an enterprise's LNG plant, say) is listed as a project.
    entries = [entry for entry in site.glossary
               if ("project" if entry.status or entry.kind == "project" else entry.kind) == kind]
    return '<dl class="glossary entities">' + "\n".join(entity_entry(entry, site, language) for entry in entries) + "</dl>"
