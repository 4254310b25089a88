"""The speech's text as the pages show it: sentences in each language cut into plain runs and
glossary terms, paragraphs and parts, and the capitalization of names in headings and lists."""

from __future__ import annotations

from dataclasses import dataclass

from scripts.model.quantity import expand_placeholders
from scripts.model.records import SiteData
from scripts.model.terms import Form, find_terms, term_forms


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


def pieces(text: str, forms: list[Form], linked: set[str] | None) -> tuple[Piece, ...]:
    """`text` cut into plain runs and glossary terms (each term once per `linked` set)."""
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
