"""The search index of each language, written in the background as soon as the language's pages
are built (scripts/publish/search_index.py does the indexing): the default language's while the
next is built, and under `mkdocs serve` just after the browser reloads."""

from __future__ import annotations

from concurrent.futures import Future, ThreadPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path

from scripts.build.cache import Cache
from scripts.build.incremental import CACHE, code_fingerprint
from scripts.model.languages import LANGUAGES
from scripts.publish.search_index import index_language, language_pages
from scripts.publish.site_files import language_root


@dataclass
class Indexing:
    """The indexes being written, at most one per language and build."""

    workers: ThreadPoolExecutor = field(default_factory=lambda: ThreadPoolExecutor(
        max_workers=len(LANGUAGES), thread_name_prefix="search-index"))
    running: dict[str, Future] = field(default_factory=dict)  # per language, its index being written
    cache: Cache | None = None  # the search indexes' cache of the build under way (pruned after both languages)
    code: str = ""              # and the code fingerprint that keys it
    root: Path | None = None

    def start(self, site: Path, root: Path, language: str) -> None:
        """Write the search index of one language's built pages in the background, once per build."""
        if language in self.running:
            return
        roots = {each: language_root(each) for each in LANGUAGES}
        pages = language_pages(site, roots)[language]
        if self.cache is None or self.root != root:
            self.root, self.cache, self.code = root, Cache(root / CACHE / "search"), code_fingerprint(root)
        self.running[language] = self.workers.submit(index_language, site, pages, language, roots[language],
                                                     self.cache, self.code)

    def finish(self) -> None:
        """Wait for the indexes being written; raise the first failure; keep in the cache only the
        indexes of this build."""
        running, cache = list(self.running.values()), self.cache
        self.running.clear()
        self.cache, self.root, self.code = None, None, ""
        for future in running:
            future.result()
        if cache is not None and running:
            cache.prune()
