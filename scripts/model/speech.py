"""Cut the speech into its structure: paragraphs (one per line of the seed) and sentences.

Ids come from position alone, so they are the same in both languages and stable as long as the
seed is: paragraph `p07` is the seed's 7th line, sentence `p07-s03` its 3rd sentence. A sentence
ends after 。！？ or ； (with any closing quotation mark that follows); a line without such an
ending (the title block, headings) is one sentence.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

SENTENCE = re.compile(r".*?(?:[。！？；][”’」』]*|$)", re.DOTALL)
PART_HEADING = re.compile(r"^([一二三四五六七八九十]+)、")
ITEM_START = re.compile(r"^([一二三四五六七八九十]+)([是要])")


@dataclass(frozen=True)
class Sentence:
    id: str
    text: str


@dataclass(frozen=True)
class Paragraph:
    id: str
    kind: str  # title, date, speaker, salutation, part, item or body
    sentences: tuple[Sentence, ...]

    @property
    def text(self) -> str:
        return "".join(sentence.text for sentence in self.sentences)


def paragraph_kind(index: int, line: str) -> str:
    """The role of the seed's line number `index` (0-based) in the speech's structure."""
    opening = {0: "title", 1: "date", 2: "speaker", 3: "salutation"}
    if index in opening:
        return opening[index]
    if PART_HEADING.match(line):
        return "part"
    if ITEM_START.match(line):
        return "item"
    return "body"


def split_sentences(line: str) -> list[str]:
    return [piece for piece in SENTENCE.findall(line) if piece]


def split_speech(text: str) -> tuple[Paragraph, ...]:
    """The whole speech as paragraphs of sentences, with position-derived ids."""
    paragraphs = []
    for index, line in enumerate(text.split("\n")):
        paragraph_id = f"p{index + 1:02d}"
        sentences = tuple(Sentence(f"{paragraph_id}-s{number:02d}", piece)
                          for number, piece in enumerate(split_sentences(line), 1))
        paragraphs.append(Paragraph(paragraph_id, paragraph_kind(index, line), sentences))
    return tuple(paragraphs)
