"""Link-preview cards: one 1200x630 PNG per page and language, for Open Graph and Twitter.

Drawn with Pillow and a CJK font installed on this machine (fontconfig finds it; nothing is
fetched): the site's title in a band, the page's title, and either the page's key figures (value
and label) or its one-line summary. Pure: text in, PNG bytes out, the same bytes for the same
text, so the generation caches cards by content (scripts/build/rendering.py) and draws none on a rebuild
whose inputs did not change.
"""

from __future__ import annotations

import io
from dataclasses import dataclass
from functools import cache
from typing import TYPE_CHECKING

from scripts.render.font import Face, matched_font

if TYPE_CHECKING:
    from PIL import ImageFont

# Pillow is imported where a card is drawn: a generation that draws none (its cards cached) does
# not load it, and one that draws some does so beside the pages (scripts/build/beside.py).

SIZE = (1200, 630)
MARGIN = 64
BAND = (63, 81, 181)          # the theme's indigo header
INK, MUTED, PAPER = (33, 33, 33), (97, 97, 97), (255, 255, 255)


class FontMissing(RuntimeError):
    """No font that covers Chinese is installed."""


@dataclass(frozen=True)
class Card:
    """What a card shows, in one language."""

    site: str                                # the site's title, in the band
    title: str                               # the page's title
    summary: str                             # one line on the page, when it has no key figures
    figures: tuple[tuple[str, str, str], ...]  # (value, label, period) of up to 4 key figures
    footer: str                              # the speech: who, where, when


@cache
def cjk_font() -> Face:
    """An installed font face that covers Chinese (fontconfig's choice for lang=zh)."""
    found = matched_font()
    if found is None or not _covers_chinese(found):
        raise FontMissing("no installed font covers Chinese, so the link-preview cards cannot be drawn: "
                          "install one (Debian: apt-get install fonts-wqy-microhei; `make` does it)")
    return found


def _covers_chinese(face: Face) -> bool:
    from PIL import ImageFont

    font = ImageFont.truetype(face.path, 20, index=face.index, layout_engine=ImageFont.Layout.BASIC)
    return font.getmask("中").getbbox() is not None


@cache
def font(size: int) -> ImageFont.FreeTypeFont:
    # The basic layout: Chinese and English need no shaping, and it takes any text (raqm, the
    # complex one, fails on some control characters a careless edit can leave in data).
    from PIL import ImageFont

    face = cjk_font()
    return ImageFont.truetype(face.path, size, index=face.index, layout_engine=ImageFont.Layout.BASIC)


def wrapped(text: str, face: ImageFont.FreeTypeFont, width: int, lines: int) -> list[str]:
    """text in at most `lines` lines of at most `width` pixels: English breaks at spaces, Chinese
    between any two characters; a text too long ends in an ellipsis after its last whole word.
    Line breaks, tabs and other spacing in the text count as one space."""
    text = " ".join("".join(character if character.isprintable() else " " for character in text).split())
    words = text.split(" ") if " " in text else list(text)
    joiner = " " if " " in text else ""
    result: list[str] = []
    line = ""
    for word in words:
        candidate = f"{line}{joiner}{word}" if line else word
        if face.getlength(candidate) <= width:
            line = candidate
            continue
        if line:
            result.append(line)
        line = word
    if line:
        result.append(line)
    if len(result) > lines:
        result = result[:lines]
        while result[-1] and face.getlength(result[-1] + "…") > width:
            result[-1] = result[-1].rsplit(" ", 1)[0] if " " in result[-1] else result[-1][:-1]
        result[-1] += "…"
    return result


def one_line(text: str, face: ImageFont.FreeTypeFont, width: int) -> str:
    """text on one line of at most `width` pixels (empty text stays empty)."""
    return (wrapped(text, face, width, 1) or [""])[0]


def card_png(card: Card) -> bytes:
    """The card as PNG bytes."""
    from PIL import Image, ImageDraw

    image = Image.new("RGB", SIZE, PAPER)
    draw = ImageDraw.Draw(image)
    width = SIZE[0] - 2 * MARGIN
    draw.rectangle((0, 0, SIZE[0], 120), fill=BAND)
    site_face = font(34)
    for number, line in enumerate(wrapped(card.site, site_face, width, 2)):
        draw.text((MARGIN, 22 + number * 42), line, font=site_face, fill=PAPER)
    title_face = font(52 if card.figures else 60)
    y = 150
    for line in wrapped(card.title, title_face, width, 2):
        draw.text((MARGIN, y), line, font=title_face, fill=INK)
        y += 64 if card.figures else 74
    y += 14
    if card.figures:
        # Each figure: its value with its period beside it, and its label on up to two lines.
        value_face, label_face, period_face = font(50), font(24), font(24)
        column = width // 2
        for index, (value, label, period) in enumerate(card.figures[:4]):
            x, top = MARGIN + (index % 2) * column, y + (index // 2) * 130
            shown = one_line(value, value_face, column - 24)
            draw.text((x, top), shown, font=value_face, fill=BAND)
            beside = x + value_face.getlength(shown) + 14
            draw.text((beside, top + 22), one_line(period, period_face, x + column - 24 - beside), font=period_face,
                      fill=MUTED)
            for number, line in enumerate(wrapped(label, label_face, column - 24, 2)):
                draw.text((x, top + 60 + number * 30), line, font=label_face, fill=INK)
    else:
        summary_face = font(34)
        for line in wrapped(card.summary, summary_face, width, 4):
            draw.text((MARGIN, y), line, font=summary_face, fill=MUTED)
            y += 48
    footer_face = font(24)
    draw.text((MARGIN, SIZE[1] - 56), one_line(card.footer, footer_face, width), font=footer_face, fill=MUTED)
    output = io.BytesIO()
    image.save(output, format="PNG", compress_level=1)  # 85 KB either way; level 1 encodes fastest
    return output.getvalue()
