"""The site's search index: Pagefind run over the built pages of each language, cached by key.

Each language has its own index beside its pages (pagefind/, en/pagefind/), so a reader's query
finds pages in the reader's language only, and the browser fetches nothing of it until the
reader searches (Chinese is segmented by Pagefind's extended build). Only the page content
marked `data-pagefind-body` (overrides/main.html) is indexed, in the page's own language (a
Chinese quote on an English page is not), without the permalink and source-link glyphs.

Pagefind cuts Chinese into words with one dictionary when it indexes (jieba) and the reader's
browser cuts the query with another (Intl.Segmenter), so a term the two cut differently finds
nothing: 源翔祖代鸡 is indexed as 源翔 祖代鸡 and queried as 源 翔 祖 代 鸡. Each page is
therefore indexed with a search-only field of the site's terms it holds (the headwords and row
labels its pages name: glossary entries, figures, projects), each as every ending of it
(源翔祖代鸡 翔祖代鸡 祖代鸡 代鸡 鸡): any piece the browser cuts from a term is then the start
of an indexed word, and Pagefind matches a query word by its start. The pages are indexed from a
copy carrying that field; the served pages stay as built. An index is kept in the build's cache (scripts/build/cache.py, .cache/search/) as
one archive of its folder, keyed by the code that indexes (this module's options among it),
Pagefind's version and the language's built pages, and verified when read.

A language's index depends on its pages only, so it can be written as soon as they are: the
MkDocs hooks start each language's in the background while the next language is built.
"""

from __future__ import annotations

import hashlib
import io
import re
import shutil
import subprocess
import tarfile
from html import escape
from importlib import metadata
from pathlib import Path

from lxml import html as lxml_html
from pagefind_bin_extended import get_executable

from scripts.build.cache import Cache
from scripts.build.incremental import key_of
from scripts.build.write import temporary_path

BUNDLE = "pagefind"
# Links that are glyphs or repeated labels, not text a reader searches for.
NOT_INDEXED = ("headerlink", "sentence-link", "source-link")  # classes
NOT_FOUND = "404.html"
BODY = "<div data-pagefind-body>"  # overrides/main.html: the indexed part of a page
TERMS_FIELD = "terms"  # the search-only field (Pagefind metadata, searched but never shown)
TERM_ELEMENTS = "//dt | //th[@scope='row']"  # where the pages name the site's terms: headwords and row labels
TERM_TAGS = re.compile(r'<dt\b|<th scope="row"')  # the same elements' opening tags, as the templates write them
TERM_WEIGHT = 10  # Pagefind's weight of those elements (running text has 1, a level-1 heading 7)
# Text Pagefind's extended build segments: runs of Han characters.
SEGMENTED = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]+")


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


def not_indexed(language: str) -> tuple[str, ...]:
    """What Pagefind leaves out of a page in `language`, as CSS selectors: glyph links and text in
    another language (`zh-Latn-pinyin` is Chinese's own)."""
    return tuple(f".{name}" for name in NOT_INDEXED) + (f'[lang]:not([lang|="{language}"])',)


def not_indexed_xpath(language: str) -> str:
    """The same elements as not_indexed, as an XPath below a page's indexed part."""
    classes = " or ".join(f"contains(concat(' ', normalize-space(@class), ' '), ' {name} ')" for name in NOT_INDEXED)
    return f".//*[{classes} or (@lang and not(@lang = '{language}' or starts-with(@lang, '{language}-')))]"


def text_of(element) -> str:
    """An element's text, its whitespace collapsed (its strings one space apart)."""
    return " ".join(" ".join(element.itertext()).split())


def indexed_text(page, language: str) -> str:
    """The text of a page (an lxml tree) that Pagefind indexes, its whitespace collapsed."""
    bodies = page.xpath("//*[@data-pagefind-body]")
    if not bodies:
        return ""
    for element in bodies[0].xpath(not_indexed_xpath(language)):
        element.drop_tree()  # its tail, the text after it, stays
    return text_of(bodies[0])


def site_terms(pages: list) -> set[str]:
    """The terms the pages name (their headwords and row labels), each as the page shows it."""
    return {text_of(element) for page in pages for element in page.xpath(TERM_ELEMENTS)}


def endings(term: str) -> list[str]:
    """Every ending of each run of Han characters in the term (源翔祖代鸡 -> 源翔祖代鸡 翔祖代鸡
    祖代鸡 代鸡 鸡); none for a term without Han characters, which Pagefind indexes as written."""
    runs = SEGMENTED.findall(term)
    if not runs:
        return term.split()
    return [run[start:] for run in runs for start in range(len(run))]


def search_words(held: set[str]) -> str:
    """The words of a page's terms field: the endings of the terms it holds, without an ending
    that starts another (Pagefind finds it by the longer one)."""
    words = sorted({ending for term in held for ending in endings(term)})
    kept = [word for word, following in zip(words, words[1:] + [""]) if not following.startswith(word)]
    return " ".join(kept)


def with_terms_field(html: str, words: str) -> str:
    """The page with its terms field on the indexed part, and its headwords and row labels
    weighted above running text: a page that names a term as a headword or a row's label ranks
    above pages that only share a word's stem with it ("putting on airs" and "air quality")."""
    field = f'<div data-pagefind-body data-pagefind-meta="{TERMS_FIELD}[data-terms]" data-terms="{escape(words)}">'
    weighted = TERM_TAGS.sub(lambda tag: f"{tag[0]} data-pagefind-weight=\"{TERM_WEIGHT}\"", html)
    return weighted.replace(BODY, field, 1) if words else weighted


def indexing_copy(site: Path, pages: list[str], language: str, copy: Path) -> None:
    """Copy the pages to `copy`, each with the search words of the site's terms it holds."""
    html = {page: (site / page).read_text(encoding="utf-8") for page in pages}
    # lxml, not BeautifulSoup: parsing the pages was most of a search index's time.
    parsed = {page: lxml_html.document_fromstring(text) for page, text in html.items()}
    texts = {page: indexed_text(tree, language) for page, tree in parsed.items()}
    terms = sorted(term for term in site_terms(list(parsed.values())) if term)
    for page in pages:
        held = {term for term in terms if term in texts[page]}
        (copy / page).parent.mkdir(parents=True, exist_ok=True)
        (copy / page).write_text(with_terms_field(html[page], search_words(held)), encoding="utf-8")


def run_pagefind(pages_folder: Path, pages: list[str], language: str, output: Path) -> None:
    arguments = [str(get_executable()), "--site", str(pages_folder), "--output-path", str(output), "--quiet",
                 "--glob", "{" + ",".join(pages) + "}"]
    for selector in not_indexed(language):
        arguments += ["--exclude-selectors", selector]
    result = subprocess.run(arguments, capture_output=True, text=True, check=False)
    if result.returncode != 0:
        raise RuntimeError(f"Pagefind failed to index {pages_folder}:\n{result.stdout}{result.stderr}")


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


def index_language(site: Path, pages: list[str], language: str, root: str, cache: Cache, code: str) -> bool:
    """Put the search index of `pages` (one language's, under site) at site/<root>pagefind/;
    return whether Pagefind ran (False when the index of exactly these pages was cached)."""
    key = key_of("search", code, language, pagefind_version(), pages_digest(site, pages))
    archive = cache.get(key)
    bundle = site / root / BUNDLE
    shutil.rmtree(bundle, ignore_errors=True)
    if archive is not None:
        unpack(archive, bundle)
        return False
    copy = temporary_path(cache.folder / f"{key}-pages")  # `.NAME.PID-THREAD.tmp`: removed by the cache if this build is killed
    try:
        indexing_copy(site, pages, language, copy)
        run_pagefind(copy, pages, language, bundle)
    except BaseException:
        shutil.rmtree(bundle, ignore_errors=True)  # no half an index
        raise
    finally:
        shutil.rmtree(copy, ignore_errors=True)
    cache.put(key, packed(bundle))
    return True
