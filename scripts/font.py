"""The font the link-preview cards are drawn with: fontconfig's choice for Chinese on this machine.

Light (the standard library only): the generation's fingerprint names the font by its file and
a digest of it, so installing or removing a font redraws every card (scripts/incremental.py).
"""

from __future__ import annotations

import hashlib
import os
import subprocess
from functools import cache
from pathlib import Path

QUERY = ":lang=zh-cn"  # fontconfig's pattern: a font that covers Simplified Chinese


def matched_font() -> str | None:
    """The file of the font fontconfig chooses for Chinese, or None if it chooses none."""
    try:
        found = subprocess.run(["fc-match", "-f", "%{file}", QUERY], capture_output=True, text=True,
                               check=False).stdout.strip()
    except OSError:
        return None
    return found if found and Path(found).is_file() else None


@cache
def _file_digest(path: str, size: int, modified: int) -> str:
    digest = hashlib.sha256()
    with open(path, "rb") as handle:
        for block in iter(lambda: handle.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def font_identity() -> str:
    """The card font's file and a digest of its bytes ("none" without one): what a card's bytes
    depend on beyond its text."""
    path = matched_font()
    if path is None:
        return "none"
    status = os.stat(path)
    return f"{path} {_file_digest(path, status.st_size, status.st_mtime_ns)}"
