"""The site's search index: Pagefind run over the built pages of each language, cached by key.

Each language has its own index beside its pages (pagefind/, en/pagefind/), so a reader's query
finds pages in the reader's language only, and the browser fetches nothing of it until the
reader searches (Chinese is segmented by Pagefind's extended build). Only the page content
marked `data-pagefind-body` (overrides/main.html) is indexed, without the permalink and
source-link glyphs. An index is kept in the build's cache (scripts/cache.py, .cache/search/) as
one archive of its folder, keyed by the code that indexes (this module's options among it),
Pagefind's version and the language's built pages, and verified when read.

A language's index depends on its pages only, so it can be written as soon as they are: the
MkDocs hooks start each language's in the background while the next language is built.
"""

from __future__ import annotations

import hashlib
import io
import shutil
import subprocess
import tarfile
from importlib import metadata
from pathlib import Path

from pagefind_bin_extended import get_executable

from scripts.cache import Cache
from scripts.incremental import key_of
from scripts.write import temporary_path

BUNDLE = "pagefind"
# Links that are glyphs or repeated labels, not text a reader searches for.
NOT_INDEXED = (".headerlink", ".sentence-link", ".source-link")
NOT_FOUND = "404.html"


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
    """A digest of the pages, paths and content."""
    digest = hashlib.sha256()
    for page in pages:
        digest.update(page.encode() + b"\0" + (site / page).read_bytes())
    return digest.hexdigest()


def pagefind_version() -> str:
    """The indexer: Pagefind's package version and its program's file (a reinstall changes it)."""
    program = Path(get_executable())
    status = program.stat()
    return f"{metadata.version('pagefind_bin_extended')} {program} {status.st_size} {status.st_mtime_ns}"


def run_pagefind(site: Path, pages: list[str], output: Path) -> None:
    arguments = [str(get_executable()), "--site", str(site), "--output-path", str(output), "--quiet",
                 "--glob", "{" + ",".join(pages) + "}"]
    for selector in NOT_INDEXED:
        arguments += ["--exclude-selectors", selector]
    result = subprocess.run(arguments, capture_output=True, text=True, check=False)
    if result.returncode != 0:
        raise RuntimeError(f"Pagefind failed to index {site}:\n{result.stdout}{result.stderr}")


def packed(folder: Path) -> bytes:
    """The folder's files as one archive, in a fixed order and without times or owners."""
    buffer = io.BytesIO()
    with tarfile.open(fileobj=buffer, mode="w", format=tarfile.PAX_FORMAT) as archive:
        for path in sorted(folder.rglob("*")):
            if path.is_file():
                info = tarfile.TarInfo(path.relative_to(folder).as_posix())
                info.size, info.mode = path.stat().st_size, 0o644
                with open(path, "rb") as handle:
                    archive.addfile(info, handle)
    return buffer.getvalue()


def unpack(archive: bytes, folder: Path) -> None:
    with tarfile.open(fileobj=io.BytesIO(archive)) as opened:
        opened.extractall(folder, filter="data")


def index_language(site: Path, pages: list[str], root: str, cache: Cache, code: str) -> bool:
    """Put the search index of `pages` (one language's, under site) at site/<root>pagefind/;
    return whether Pagefind ran (False when the index of exactly these pages was cached)."""
    key = key_of("search", code, pagefind_version(), pages_digest(site, pages))
    archive = cache.get(key)
    bundle = site / root / BUNDLE
    shutil.rmtree(bundle, ignore_errors=True)
    if archive is not None:
        unpack(archive, bundle)
        return False
    building = temporary_path(cache.folder / key)  # `.KEY.PID-THREAD.tmp`: removed by the cache if this build is killed
    try:
        run_pagefind(site, pages, building)
        archive = packed(building)
    finally:
        shutil.rmtree(building, ignore_errors=True)
    cache.put(key, archive)
    unpack(archive, bundle)
    return True
