"""The site's search index: Pagefind run over the built pages, once per build, cached by content.

Pagefind writes one index per `<html lang>` (Chinese segmented by its extended build), so a
reader's query finds pages in the reader's language only, and the browser fetches nothing of it
until the reader searches. Only the page content marked `data-pagefind-body`
(overrides/main.html) is indexed, without the permalink and source-link glyphs. The index of
identical pages is identical, so it is kept under .cache/pagefind/, keyed by a digest of every
page, and copied instead of rebuilt when no page changed.
"""

from __future__ import annotations

import hashlib
import os
import shutil
import subprocess
import sys
from pathlib import Path

BUNDLE = "pagefind"
# Links that are glyphs or repeated labels, not text a reader searches for.
NOT_INDEXED = (".headerlink", ".sentence-link", ".source-link")
KEEP = 4  # cached indexes kept: the current one and a few recent (an undo finds its index again)


def pages_digest(site: Path) -> str:
    """A digest of every built page, path and content (the index depends on nothing else)."""
    digest = hashlib.sha256()
    for page in sorted(site.rglob("*.html")):
        if BUNDLE not in page.relative_to(site).parts:
            digest.update(page.relative_to(site).as_posix().encode() + b"\0" + page.read_bytes())
    return digest.hexdigest()


def run_pagefind(site: Path, output: Path) -> None:
    arguments = [sys.executable, "-m", "pagefind", "--site", str(site), "--output-path", str(output), "--quiet"]
    for selector in NOT_INDEXED:
        arguments += ["--exclude-selectors", selector]
    result = subprocess.run(arguments, capture_output=True, text=True, check=False)
    if result.returncode != 0:
        raise RuntimeError(f"Pagefind failed to index {site}:\n{result.stdout}{result.stderr}")


def index_site(site: Path, cache: Path) -> bool:
    """Put the search index of the pages in `site` at site/pagefind/; return whether Pagefind
    ran (False when the index of exactly these pages was cached)."""
    key = pages_digest(site)
    cached = cache / key
    ran = not cached.is_dir()
    if ran:
        cache.mkdir(parents=True, exist_ok=True)
        building = cache / f".{key}.{os.getpid()}.tmp"
        shutil.rmtree(building, ignore_errors=True)
        run_pagefind(site, building)
        building.replace(cached)
        for stale in sorted((entry for entry in cache.iterdir() if entry.is_dir() and entry != cached),
                            key=lambda entry: entry.stat().st_mtime)[:-KEEP + 1 or None]:
            shutil.rmtree(stale, ignore_errors=True)
    else:
        os.utime(cached)  # most recently used
    shutil.rmtree(site / BUNDLE, ignore_errors=True)
    shutil.copytree(cached, site / BUNDLE)
    return ran
