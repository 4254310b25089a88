"""The build's one kind of cache: entries by key in a folder under .cache/, each verified when read.

An entry is a file named by its key, holding the SHA-256 of its payload and then the payload. A
key is a digest of everything that can change the payload's bytes (scripts/build/incremental.py
`key_of`): the inputs it is made from, the code that makes it, the tools and the font that draw
or index it. A read checks the stored digest: an entry cut short, flipped or half-written is
removed and reported missing, so the caller makes it afresh; nothing unverified is ever used.
Entries are written whole under another name and renamed into place, so two builds sharing the
folder (into two site folders, or `make build` beside `make serve`) never see half an entry.

Only the standard library: a build whose inputs did not change imports nothing more.
"""

from __future__ import annotations

import hashlib
import threading
from pathlib import Path

from scripts.build.write import remove_stale_temporaries, write_atomically

DIGEST_SIZE = 32  # bytes of a SHA-256


class Cache:
    """Payloads (bytes) by key in `folder`; `used` and `made` count what a generation asked for
    and what it made afresh, and `prune` keeps only what it used."""

    def __init__(self, folder: Path):
        self.folder = folder
        self.used: set[str] = set()
        self.made: list[str] = []
        self._lock = threading.Lock()  # the search indexes of two languages are cached from two threads

    def get(self, key: str) -> bytes | None:
        """The payload stored under key, or None if there is none or it fails its digest (then removed)."""
        with self._lock:
            self.used.add(key)
        path = self.folder / key
        try:
            stored = path.read_bytes()
        except OSError:
            return None
        digest, payload = stored[:DIGEST_SIZE], stored[DIGEST_SIZE:]
        if len(stored) < DIGEST_SIZE or hashlib.sha256(payload).digest() != digest:
            path.unlink(missing_ok=True)
            return None
        return payload

    def put(self, key: str, payload: bytes) -> None:
        with self._lock:
            self.used.add(key)
            self.made.append(key)
        write_atomically(self.folder / key, hashlib.sha256(payload).digest() + payload)

    def prune(self) -> None:
        """Remove every entry not used since the last prune, and what killed writers left; start counting afresh."""
        if self.folder.is_dir():
            remove_stale_temporaries(self.folder)
            for entry in self.folder.iterdir():
                if entry.is_file() and not entry.name.startswith(".") and entry.name not in self.used:
                    entry.unlink(missing_ok=True)
        with self._lock:
            self.used, self.made = set(), []
