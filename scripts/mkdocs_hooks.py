"""MkDocs hooks: run the generator before each build and fix what the i18n plugin leaves.

- on_pre_build: regenerate docs/*.md from data/ (so `make serve` and `make build` can never
  show stale pages), doing only what changed inputs call for (scripts/incremental.py); bad
  data stops the build with `file:line: field: problem` lines.
  Under `mkdocs serve` (on_startup tells) bad data does not stop the build: the problems are
  printed the same way, docs/ keeps the last good pages, and every page shows them in a banner
  (`data_problems`, read by overrides/main.html) until the data is fixed and saved.
- on_serve: watch docs/ for its hand-written assets only, so a save makes one build.
- on_env: the theme's templates compiled once, not on every build (Jinja's bytecode cache).
- on_page_context, on_template_context: the interface strings of the page's language for the
  theme's parts (`ui`: footer, language switch, search button, 404 page), absolute hreflang
  alternates with x-default, and the site's path (for search result links; read by overrides/).
- on_post_template, on_post_build: a 404 page per language (404.html, en/404.html), a sitemap
  per language root, and the search index of every language (Pagefind, scripts/search_index.py;
  under `mkdocs serve` it is written just after the reload).

mkdocs-static-i18n runs every hook once per language (the English build is nested inside the
Chinese one), so each hook here is idempotent.
"""

from __future__ import annotations

import json
import logging
import re
import sys
import traceback
from concurrent.futures import Future, ThreadPoolExecutor
from dataclasses import dataclass
from html import escape, unescape
from pathlib import Path
from urllib.parse import urlencode, urljoin, urlsplit
from xml.etree import ElementTree

from markupsafe import Markup
from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority
from mkdocs.utils import CountHandler

# MkDocs loads this file by path; make the `scripts` package importable from the project root.
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

# Only light modules here: a build whose inputs did not change loads no more (scripts/incremental.py).
from scripts.citations import bibtex, csl_json, gbt7714  # noqa: E402
from scripts.cache import Cache  # noqa: E402
from scripts.incremental import (CACHE, code_fingerprint, compiled_templates, current_manifest, digest_of,  # noqa: E402
                                 environment_fingerprint, generation_lock, inputs_fingerprint, key_of)
from scripts.interface import DEFAULT_LANGUAGE, LANGUAGES, strings, translator  # noqa: E402
from scripts.pages import PAGES  # noqa: E402
from scripts.search_index import index_language, language_pages  # noqa: E402

SITEMAP_NS = "http://www.sitemaps.org/schemas/sitemap/0.9"
THEME_WORDS = ("site_title", "site_description", "meeting", "date", "version", "version_date", "publisher", "posted",
               "speech_url")
REPORT_FORM = "report-an-error.yml"  # .github/ISSUE_TEMPLATE/: its fields `page` and `item` are filled in
REPORT_LINK = re.compile(r'href="report:([^"]*)"')
XHTML_NS = "http://www.w3.org/1999/xhtml"


# MkDocs loads this module once per process, so these last across the rebuilds of `mkdocs serve`.
_command = "build"                   # the MkDocs command running: "build", "serve" or "gh-deploy"
_theme: dict[str, dict[str, str]] = {}  # per language, the data's words the theme shows (footer)
_failed_from: str | None = None     # fingerprint of the inputs whose generation last failed
_failure = None                      # what stopped it (a Failure); None once the pages are current
_not_found: dict[str, str] = {}      # the rendered 404 page of each language
_indexer = ThreadPoolExecutor(max_workers=len(LANGUAGES), thread_name_prefix="search-index")
_indexing: dict[str, Future] = {}  # per language, its search index being written (in the background)
_search_cache: dict = {}  # the cache and code fingerprint of the search indexes of the build under way


def on_config(config):
    """The navigation: every page of the registry (scripts/pages.py), in its order; each is
    named in the language being built by on_nav."""
    config["nav"] = [f"{page}.md" for page in PAGES]
    return config


def on_startup(command, dirty) -> None:
    """Remember the command (only `mkdocs serve` keeps going on bad data), and keep the terminal
    to what a maintainer needs: the i18n plugin's notes (one per language and setting it
    overrides, and one about the language switch's links, which the plugin itself writes as
    index.html because the site has no directory URLs) are hidden; its warnings still show."""
    global _command
    _command = command
    logging.getLogger("mkdocs.plugins.mkdocs_static_i18n").setLevel(logging.WARNING)


def on_serve(server, config, builder):
    """One rebuild per save. The pages under docs/ are written by on_pre_build during a build;
    watching them would start a second build after each one. So docs/ is watched for its
    hand-written assets only; data/, seeds/, scripts/ and overrides/ through mkdocs.yml's `watch`."""
    docs = Path(config.docs_dir)
    server.unwatch(str(docs))
    server.watch(str(docs / "assets"))
    return server


def on_env(env, config, files):
    """The filters that write the pages' schema.org descriptions and the dataset's BibTeX and
    CSL-JSON, and the theme's templates compiled once per change of their source, of the
    environment or of the pinned packages (the theme's version among them), not on every build."""
    env.filters["json_ld"] = json_ld
    env.filters["bibtex"] = bibtex
    env.filters["csl_json"] = csl_json
    env.filters["gbt7714"] = gbt7714
    root = Path(config.config_file_path).parent
    env.bytecode_cache = compiled_templates(root, lambda: key_of(environment_fingerprint(env),
                                                                 digest_of(root, ("constraints.txt",))))
    return env


LINKS = ("url", "contentUrl", "@id")  # the fields of a schema.org description that hold addresses


def json_ld(described: dict, site_url: str) -> Markup:
    """A page's schema.org description (scripts/structured.py) as the text of its <script>: its
    addresses made absolute under the site's URL, and <, > and & escaped as JSON allows, so no
    text from data/ can end the script element."""
    def absolute(value, key=None):
        if isinstance(value, dict):
            return {name: absolute(item, name) for name, item in value.items()}
        if isinstance(value, list):
            return [absolute(item, key) for item in value]
        return urljoin(site_url, value) if key in LINKS and isinstance(value, str) else value
    text = json.dumps(absolute(described), ensure_ascii=False, sort_keys=True)
    return Markup(text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026"))


def on_pre_build(config) -> None:
    """Regenerate the pages, once per build: the i18n plugin runs this hook again for English,
    when the inputs have not changed. A failure is remembered for the same inputs too."""
    if nested_build(config):
        # The languages are built one after another, the default first; its pages are complete.
        start_indexing(config, DEFAULT_LANGUAGE)
    else:
        try:
            finish_indexing()  # under `mkdocs serve`, the last build's search index
        except RuntimeError as error:
            print(f"The search index was not written: {error}", file=sys.stderr, flush=True)
    root = Path(config.config_file_path).parent
    with generation_lock(root):  # `make build` may be generating already: then wait for it
        regenerate(root)
    name_site(config)


def name_site(config) -> None:
    """The site's name and description in the language being built, from data/document.yaml
    (through the generation's theme words); mkdocs.yml holds only a placeholder. Text from data/
    reaches the theme escaped, as Markup: the theme writes config.site_name both raw and through
    `| e`, and Markup is shown as text by both, never run, never escaped twice."""
    words = _theme.get(config.theme["language"]) or {}
    if words.get("site_title"):
        config["site_name"] = Markup.escape(words["site_title"])
        config["site_description"] = Markup.escape(words["site_description"])


def regenerate(root: Path) -> None:
    """Make docs/ hold the pages of the current inputs, unless it does already (the manifest and
    every file it lists are checked on each build: a page deleted by hand is made again). What
    stops the generation, bad data or anything else, stops `make build`; under `mkdocs serve`
    the last good pages stay served, with the problems in a banner on every page."""
    global _theme, _failed_from, _failure
    fingerprint = inputs_fingerprint(root)
    manifest = current_manifest(root, fingerprint)
    if manifest is not None:  # generated from exactly these inputs, and untouched since
        _theme, _failed_from, _failure = manifest.theme, None, None
        return
    if fingerprint != _failed_from:  # the same inputs fail the same way: not generated again
        failure = generate_or_report(root)
        if failure is None:
            _failed_from, _failure = None, None
            return
        _failed_from, _failure = fingerprint, failure
        if _command == "serve":
            # Printed, not logged as an error, which would count against `strict` and abort the
            # build (then the server would hold requests until the problem is fixed).
            print(f"{failure.message}\nServing the last good pages, with these problems in a banner on every "
                  "page, until they are fixed.", file=sys.stderr, flush=True)
    if _command != "serve":
        raise PluginError(f"\n{_failure.message}")
    # Serving the last good pages, or whatever there is when there are none (docs/*.md not
    # generated yet: then the nav's pages are missing). The warnings of this build are printed
    # but do not abort it under `strict`: an aborted build would make the server hold requests.
    for handler in logging.getLogger("mkdocs").handlers:
        if isinstance(handler, CountHandler):
            handler.setLevel(logging.CRITICAL + 1)


@dataclass(frozen=True)
class Failure:
    """What stopped a generation: `message` for the terminal, `items` for the banner."""

    message: str
    items: tuple[dict[str, str], ...]


def generate_or_report(root: Path) -> Failure | None:
    """Generate docs/ (scripts/generate.py); None if it was generated, else what stopped it: each
    data problem on its `FILE:LINE`, or the one line of any other error (a missing font, a fault
    in the generator) with the place in the code it came from."""
    global _theme
    from scripts.generate import DataError, FontMissing, generate  # loaded when there is work for it

    try:
        _theme = generate(root).theme
    except DataError as error:
        return Failure(str(error), tuple({"where": f"{problem.file}:{problem.line}",
                                          "text": f"{problem.field}: {problem.message}" if problem.field
                                          else problem.message} for problem in error.problems))
    except FontMissing as error:  # this machine, not the data: say what to install
        return Failure(str(error), ({"where": "font", "text": str(error)},))
    except Exception as error:  # noqa: BLE001 (a fault in the code: said in one line, never a hung server)
        where, what = error_place(error, root), one_line(error)
        return Failure(f"{where}: the generator failed: {what}", ({"where": where, "text": what},))
    return None


def one_line(error: BaseException) -> str:
    """An error as one line: its kind and the first line of its message."""
    message = str(error).strip().splitlines()
    return f"{type(error).__name__}: {message[0]}" if message else type(error).__name__


def error_place(error: BaseException, root: Path) -> str:
    """Where in the project's code an error was raised (its innermost frame under root): FILE:LINE."""
    frames = [frame for frame in traceback.extract_tb(error.__traceback__)
              if Path(frame.filename).resolve().is_relative_to(root.resolve())]
    if not frames:
        return "generator"
    frame = frames[-1]
    return f"{Path(frame.filename).resolve().relative_to(root.resolve()).as_posix()}:{frame.lineno}"


def problems_context(context: dict) -> None:
    """The problems for the banner (overrides/main.html): empty when the pages are current."""
    context["data_problems"] = list(_failure.items if _failure else [])


def language_root(language: str) -> str:
    """Path of a language's home below the site root: "" for Chinese, "en/" for English."""
    return "" if language == DEFAULT_LANGUAGE else f"{language}/"


def hreflang_links(site_url: str, alternates: list[dict]) -> list[tuple[str, str]]:
    """(hreflang, absolute URL) for each language version of a page, plus x-default (Chinese)."""
    links = [(alternate["lang"], urljoin(site_url, alternate["link"])) for alternate in alternates]
    default = [url for lang, url in links if lang == DEFAULT_LANGUAGE]
    return links + [("x-default", default[0])] if default else links


def theme_strings(language: str, page=None, config=None) -> dict:
    """The interface strings the theme's parts show, in `language`, with their data filled in."""
    values = _theme.get(language, dict.fromkeys(THEME_WORDS, ""))
    t = translator(language)
    filled_later = {"theme.cite", "theme.accessed"}
    ui = {key.removeprefix("theme."): t(key, **values) for key in strings(language)
          if key.startswith("theme.") and key not in filled_later}
    ui["accessed"] = t("theme.accessed", date="{date}")  # the reader's date, written in by the page's script
    if page is not None and page.canonical_url:
        ui["cite"] = t("theme.cite", **{**values, "title": page.title or "", "site": config.site_name,
                                        "url": page.canonical_url})
    return ui


def interface_context(context: dict, language: str, base: str, page=None, config=None) -> None:
    """Put the theme's strings and the language's root address into a template context."""
    root = f"{base.rstrip('/')}/{language_root(language)}"
    site_path = urlsplit(config.site_url).path if config is not None and config.site_url else "/"
    context.update(ui=theme_strings(language, page, config),
                   ui_language=language, ui_root=root, ui_home=f"{root}index.html", site_path=site_path)


def theme_language(config) -> str:
    """The language being built (mkdocs-static-i18n sets the theme's language for each)."""
    language = config.theme["language"] if "language" in config.theme else DEFAULT_LANGUAGE
    return language if language in LANGUAGES else DEFAULT_LANGUAGE


def on_template_context(context, template_name, config):
    """The static templates (404.html) in the language being built, with absolute links."""
    language = theme_language(config)
    interface_context(context, language, context["base_url"], config=config)
    problems_context(context)
    return context


def on_page_content(html, page, config, files):
    """Heading permalinks titled in the page's language (Python-Markdown writes "Permanent link"),
    joined to the heading's last word (a U+2060 at the start of the link), so a heading that fills its line does not wrap
    its hidden ¶ onto a blank line of its own. "Report an error" links open the repository's form."""
    language = getattr(page.file, "locale", None) or theme_language(config)
    language = language if language in LANGUAGES else DEFAULT_LANGUAGE
    title = strings(language)["theme.heading_link"]
    html = re.sub(r'(<a class="headerlink"[^>]*>)', r"\1&#8288;", html)
    html = report_links(html, config.extra.get("repository", ""), page.canonical_url or "", language)
    return html.replace('title="Permanent link"', f'title="{escape(title, quote=True)}"')


def report_address(repository: str, page_url: str, item: str, language: str) -> str:
    """The repository's "report an error" form, with the page and the item (a sentence or figure
    id) filled in: GitHub fills an issue form's fields from the query, by their ids."""
    title = strings(language)["report.title"].format(item=item)
    query = urlencode({"template": REPORT_FORM, "title": title, "page": page_url, "item": item})
    return f"{repository.rstrip('/')}/issues/new?{query}"


def report_links(html: str, repository: str, page_url: str, language: str) -> str:
    """Every `report:ITEM` link the generator wrote, made the address of the repository's form,
    and every `repository:` link the repository's address (only the build knows them)."""
    html = html.replace('href="repository:"', f'href="{escape(repository)}"')
    return REPORT_LINK.sub(lambda match: f'href="{escape(report_address(repository, page_url, unescape(match[1]), language))}"',
                           html)


def on_post_template(output, template_name, config):
    """Keep each language's 404 page: the i18n plugin writes every language's to the root."""
    if template_name == "404.html":
        _not_found[theme_language(config)] = output
    return output


@event_priority(-50)  # after mkdocs-static-i18n has set this page's alternates
def on_page_context(context, page, config, nav):
    language = context.get("i18n_page_locale", DEFAULT_LANGUAGE)
    interface_context(context, language, context["base_url"], page, config)
    # The i18n plugin sets this page's alternates as an attribute, as Material's templates read it.
    alternates = getattr(config.extra, "alternate", None) or []
    context["hreflang_links"] = hreflang_links(config.site_url, alternates)
    problems_context(context)
    return context


@event_priority(-50)  # after mkdocs-static-i18n has made the navigation of the language being built
def on_nav(nav, config, files):
    """Each page's label in the navigation (and its browser tab) is its title in the interface
    strings of the language being built: a page's name has one source in each language."""
    t = translator(config.theme["language"])
    for page in nav.pages:
        page.title = t.plain(f"{Path(page.file.src_uri).name.split('.')[0]}.title")
    return nav


@event_priority(-200)  # after mkdocs-static-i18n has built every language
def on_post_build(config) -> None:
    site = Path(config.site_dir)
    if nested_build(config):  # one language's pages are complete: index them while the next is built
        start_indexing(config, theme_language(config))
        return
    write_language_sitemaps(site)
    write_not_found_pages(site)
    for language in LANGUAGES:
        start_indexing(config, language)
    if _command != "serve":  # under `mkdocs serve` the browser reloads now; search catches up a moment later
        finish_indexing()


def nested_build(config) -> bool:
    """Whether this is the build of a language other than the default, which mkdocs-static-i18n
    runs inside the default language's build (after that one's pages are written)."""
    return getattr(config.plugins.get("i18n"), "building", False)


def start_indexing(config, language: str) -> None:
    """Write the search index of one language's built pages in the background, once per build."""
    if language in _indexing:
        return
    site, root = Path(config.site_dir), Path(config.config_file_path).parent
    roots = {each: language_root(each) for each in LANGUAGES}
    pages = language_pages(site, roots)[language]
    if _search_cache.get("root") != root:  # one cache per build of both languages (pruned after both)
        _search_cache.update(root=root, cache=Cache(root / CACHE / "search"), code=code_fingerprint(root))
    _indexing[language] = _indexer.submit(index_language, site, pages, language, roots[language], _search_cache["cache"],
                                          _search_cache["code"])


def finish_indexing() -> None:
    """Wait for the search indexes being written; raise the first failure; keep in the cache only
    the indexes of this build."""
    indexing = list(_indexing.values())
    _indexing.clear()
    cache = _search_cache.pop("cache", None)
    _search_cache.clear()
    for future in indexing:
        future.result()
    if cache is not None and indexing:
        cache.prune()


def write_not_found_pages(site: Path) -> None:
    """404.html in the default language at the root, and one in each language's folder."""
    for language, output in _not_found.items():
        target = site / language_root(language) / "404.html"
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(output, encoding="utf-8")


def write_language_sitemaps(site: Path) -> None:
    """Write <lang>/sitemap.xml listing that language's pages (with their alternates).

    Material fetches sitemap.xml next to every hreflang alternate; for the English pages that is
    en/sitemap.xml, which the i18n plugin does not write.
    """
    sitemap_file = site / "sitemap.xml"
    if not sitemap_file.exists():
        return
    ElementTree.register_namespace("", SITEMAP_NS)
    ElementTree.register_namespace("xhtml", XHTML_NS)
    tree = ElementTree.parse(sitemap_file)
    for language in LANGUAGES:
        if language == DEFAULT_LANGUAGE:
            continue
        urlset = ElementTree.Element(f"{{{SITEMAP_NS}}}urlset")
        for url in tree.getroot().findall(f"{{{SITEMAP_NS}}}url"):
            own = url.find(f"{{{XHTML_NS}}}link[@hreflang='{language}']")
            if own is not None and own.get("href") == url.findtext(f"{{{SITEMAP_NS}}}loc"):
                urlset.append(url)
        target = site / language_root(language) / "sitemap.xml"
        target.parent.mkdir(parents=True, exist_ok=True)
        ElementTree.ElementTree(urlset).write(target, encoding="utf-8", xml_declaration=True)
