"""The Chinese font of this machine that the build draws and prints with: fontconfig's choice
for Simplified Chinese, as a file and the face in it (a .ttc file holds several).

The link-preview cards are drawn with it (scripts/render/cards.py) and the print font is a subset of it
(scripts/render/print_font.py). Light (the standard library only): the generation's fingerprint names
the font by its file, face and a digest of the file, so installing or removing a font makes
every card and the print font anew (scripts/build/incremental.py).
"""

from __future__ import annotations

import hashlib
import os
import subprocess
from dataclasses import dataclass
from functools import cache
from pathlib import Path

QUERY = ":lang=zh-cn"  # fontconfig's pattern: a font that covers Simplified Chinese


@dataclass(frozen=True)
class Face:
    path: str    # the font file
    index: int   # the face in it (0 but in a collection, .ttc)


def matched_font() -> Face | None:
    """The face fontconfig chooses for Chinese, or None if it chooses none."""
    try:
        found = subprocess.run(["fc-match", "-f", "%{file}\t%{index}", QUERY], capture_output=True, text=True,
                               check=False).stdout.strip()
    except OSError:
        return None
    path, _, index = found.partition("\t")
    if not path or not Path(path).is_file():
        return None
    return Face(path, int(index) if index.isdigit() else 0)


@cache
def _file_digest(path: str, size: int, modified: int) -> str:
    digest = hashlib.sha256()
    with open(path, "rb") as handle:
        for block in iter(lambda: handle.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def font_identity() -> str:
    """The font's file, face and a digest of its bytes ("none" without one): what a card's and
    the print font's bytes depend on beyond their text."""
    face = matched_font()
    if face is None:
        return "none"
    status = os.stat(face.path)
    return f"{face.path} {face.index} {_file_digest(face.path, status.st_size, status.st_mtime_ns)}"
