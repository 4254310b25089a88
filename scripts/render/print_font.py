"""The font a printed page sets its Chinese in: a subset of this machine's Chinese font holding
exactly the Chinese characters of the site's pages, served beside them (docs/fonts/).

Chromium writes the text layer of a PDF by mapping each glyph back to the lowest code point
the font maps to it. Noto Sans CJK maps the Kangxi radicals (U+2F00-U+2FDF) to the glyphs of
the ideographs they look like, so a brief printed with it was copied and searched as ⽣ for 生.
A subset whose character map holds the site's characters only cannot map a glyph back to a
radical: the printed text is the text, whichever fonts the reader has. The browser fetches the
file only when it prints (docs/assets/stylesheets/extra.css uses it in print only).
"""

from __future__ import annotations

import io
import re

from scripts.render.font import Face

# Chinese characters and punctuation, and the full-width forms (，：（）): what the subset holds.
CHINESE = re.compile(r"[\u2e80-\u2fdf\u3000-\u303f\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\ufe30-\ufe4f\uff00-\uffef\u2018-\u201f\u2026]")


def chinese_characters(texts) -> str:
    """The Chinese characters of the texts, each once, in code point order (the subset's input).
    Kangxi radicals the texts hold (none in the speech) are kept: a text that has them shows them."""
    return "".join(sorted({character for text in texts for character in CHINESE.findall(text)}))


def print_font(face: Face, characters: str) -> bytes:
    """A WOFF2 font with the face's glyphs for `characters`, nothing else (no hinting, no layout
    features, no names but the family's). fontTools is loaded here, when there is a font to make:
    a build whose characters did not change takes the font from its cache."""
    from fontTools import subset
    from fontTools.ttLib import TTFont

    font = TTFont(face.path, fontNumber=face.index, lazy=False, recalcTimestamp=False)
    options = subset.Options()
    options.flavor = "woff2"
    options.layout_features = []
    options.hinting = False
    options.desubroutinize = True
    subsetter = subset.Subsetter(options)
    subsetter.populate(unicodes=[ord(character) for character in characters])
    subsetter.subset(font)
    output = io.BytesIO()
    font.flavor = "woff2"
    font.save(output)
    return output.getvalue()
