"""The site's search index: Pagefind run over the built pages of each language, cached by content.

Each language has its own index beside its pages (pagefind/, en/pagefind/), so a reader's query
finds pages in the reader's language only, and the browser fetches nothing of it until the
reader searches (Chinese is segmented by Pagefind's extended build). Only the page content
marked `data-pagefind-body` (overrides/main.html) is indexed, without the permalink and
source-link glyphs. The index of identical pages is identical, so it is kept under
.cache/pagefind/, keyed by a digest of the language's pages, and copied instead of rebuilt
when none of them changed.

A language's index depends on its pages only, so it can be written as soon as they are: the
MkDocs hooks start each language's in the background while the next language is built.
"""

from __future__ import annotations

import hashlib
import os
import shutil
import subprocess
from pathlib import Path

from pagefind_bin_extended import get_executable

BUNDLE = "pagefind"
# Links that are glyphs or repeated labels, not text a reader searches for.
NOT_INDEXED = (".headerlink", ".sentence-link", ".source-link")
NOT_FOUND = "404.html"
KEEP = 8  # cached indexes kept: each language's latest and a few recent (an undo finds its index again)


def language_pages(site: Path, roots: dict[str, str]) -> dict[str, list[str]]:
    """The built pages of each language, as paths relative to site: a page belongs to the
    language whose root folder (roots: language -> "" or "en/") is the longest that holds it.
    The not-found pages are left out: nothing on them is indexed, and the i18n plugin rewrites
    them while the next language is built."""
    pages: dict[str, list[str]] = {language: [] for language in roots}
    by_depth = sorted(roots.items(), key=lambda item: len(item[1]), reverse=True)
    for page in sorted(site.rglob("*.html")):
        path = page.relative_to(site).as_posix()
        if BUNDLE not in page.relative_to(site).parts and page.name != NOT_FOUND:
            language = next(language for language, root in by_depth if path.startswith(root))
            pages[language].append(path)
    return pages


def pages_digest(site: Path, pages: list[str]) -> str:
    """A digest of the pages, paths and content (their index depends on nothing else)."""
    digest = hashlib.sha256()
    for page in pages:
        digest.update(page.encode() + b"\0" + (site / page).read_bytes())
    return digest.hexdigest()


def run_pagefind(site: Path, pages: list[str], output: Path) -> None:
    arguments = [str(get_executable()), "--site", str(site), "--output-path", str(output), "--quiet",
                 "--glob", "{" + ",".join(pages) + "}"]
    for selector in NOT_INDEXED:
        arguments += ["--exclude-selectors", selector]
    result = subprocess.run(arguments, capture_output=True, text=True, check=False)
    if result.returncode != 0:
        raise RuntimeError(f"Pagefind failed to index {site}:\n{result.stdout}{result.stderr}")


def index_language(site: Path, pages: list[str], root: str, cache: Path) -> bool:
    """Put the search index of `pages` (one language's, under site) at site/<root>pagefind/;
    return whether Pagefind ran (False when the index of exactly these pages was cached)."""
    key = pages_digest(site, pages)
    cached = cache / key
    ran = not cached.is_dir()
    if ran:
        cache.mkdir(parents=True, exist_ok=True)
        building = cache / f".{key}.{os.getpid()}.tmp"
        shutil.rmtree(building, ignore_errors=True)
        run_pagefind(site, pages, building)
        building.replace(cached)
        finished = [entry for entry in cache.iterdir() if entry.is_dir() and not entry.name.startswith(".")]
        for stale in sorted(finished, key=lambda entry: entry.stat().st_mtime)[:-KEEP]:
            shutil.rmtree(stale, ignore_errors=True)
    else:
        os.utime(cached)  # most recently used
    bundle = site / root / BUNDLE
    shutil.rmtree(bundle, ignore_errors=True)
    shutil.copytree(cached, bundle)
    return ran
