"""MkDocs hooks: run the generator before each build and fix what the i18n plugin leaves.

- on_pre_build: regenerate docs/*.md from data/ (so `make serve` and `make build` can never
  show stale pages); bad data stops the build with `file:line: field: problem` lines.
  Under `mkdocs serve` (on_startup tells) bad data does not stop the build: the problems are
  printed the same way, docs/ keeps the last good pages, and every page shows them in a banner
  (`data_problems`, read by overrides/main.html) until the data is fixed and saved.
- on_page_context, on_template_context: the interface strings of the page's language for the
  theme's parts (`ui`: footer, language switch, search dialog, 404 page), absolute hreflang
  alternates with x-default, and the search base of each language (read by overrides/).
- on_post_template, on_post_build: a 404 page per language (404.html, en/404.html), one search
  index per language, and a sitemap per language root.

mkdocs-static-i18n runs every hook once per language (the English build is nested inside the
Chinese one), so each hook here is idempotent.
"""

from __future__ import annotations

import hashlib
import logging
import re
import sys
from html import escape
from pathlib import Path
from urllib.parse import urljoin, urlsplit
from xml.etree import ElementTree

from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority
from mkdocs.utils import CountHandler

# MkDocs loads this file by path; make the `scripts` package importable from the project root.
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from scripts.generate import DataError, load_site_data, write_site  # noqa: E402

from scripts.interface import DEFAULT_LANGUAGE, LANGUAGES, strings, translator  # noqa: E402
from scripts.model import SiteData  # noqa: E402
from scripts.render import date_text  # noqa: E402
from scripts.search_index import index_site  # noqa: E402

SITEMAP_NS = "http://www.sitemaps.org/schemas/sitemap/0.9"
XHTML_NS = "http://www.w3.org/1999/xhtml"


# MkDocs loads this module once per process, so these last across the rebuilds of `mkdocs serve`.
_command = "build"                   # the MkDocs command running: "build", "serve" or "gh-deploy"
_generated_from: str | None = None  # fingerprint of the inputs of the last generation
_site_data: SiteData | None = None   # the data of the last generation, for the theme's strings
_failed_from: str | None = None     # fingerprint of the inputs that last failed validation
_failure: DataError | None = None    # their problems; None once the pages match the inputs
_not_found: dict[str, str] = {}      # the rendered 404 page of each language


def inputs_fingerprint(root: Path) -> str:
    """A digest of everything the generated pages depend on (data, seed, generator, templates)."""
    digest = hashlib.sha256()
    for folder in ("data", "seeds", "scripts"):
        for path in sorted((root / folder).rglob("*")):
            if path.is_file() and "__pycache__" not in path.parts:
                digest.update(path.relative_to(root).as_posix().encode())
                digest.update(path.read_bytes())
    return digest.hexdigest()


def on_startup(command, dirty) -> None:
    """Remember the command: only `mkdocs serve` keeps going on bad data."""
    global _command
    _command = command


def on_serve(server, config, builder):
    """One rebuild per save. The pages under docs/ are written by on_pre_build during a build;
    watching them would start a second build after each one. So docs/ is watched for its
    hand-written assets only; data/, seeds/, scripts/ and overrides/ through mkdocs.yml's `watch`."""
    docs = Path(config.docs_dir)
    server.unwatch(str(docs))
    server.watch(str(docs / "assets"))
    return server


def on_pre_build(config) -> None:
    """Regenerate the pages, once per build: the i18n plugin runs this hook again for English,
    when the inputs have not changed. A failure is remembered for the same inputs too."""
    global _generated_from, _site_data, _failed_from, _failure
    root = Path(config.config_file_path).parent
    fingerprint = inputs_fingerprint(root)
    if fingerprint == _generated_from:  # docs/ holds the pages of exactly these inputs
        _failure = None
        return
    if fingerprint != _failed_from:
        try:
            site_data = load_site_data(root)
        except DataError as error:
            _failed_from, _failure = fingerprint, error
            if _command != "serve":
                raise PluginError(f"\n{error}") from None
            # The same lines as a failed build prints; printed, not logged as an error, which
            # would count against `strict` and abort the build (then the server holds requests).
            print(f"{error}\nServing the last good pages, with these problems in a banner on "
                  "every page, until the data is fixed.", file=sys.stderr, flush=True)
        else:
            write_site(site_data, root)
            _site_data, _generated_from = site_data, fingerprint
            _failed_from, _failure = None, None
            return
    if _command != "serve":
        raise PluginError(f"\n{_failure}")
    # Serving the last good pages, or whatever there is when there are none (docs/*.md not
    # generated yet: then the nav's pages are missing). The warnings of this build are printed
    # but do not abort it under `strict`: an aborted build would make the server hold requests.
    for handler in logging.getLogger("mkdocs").handlers:
        if isinstance(handler, CountHandler):
            handler.setLevel(logging.CRITICAL + 1)


def problems_context(context: dict) -> None:
    """The data's problems for the banner (overrides/main.html): empty when the data is good."""
    context["data_problems"] = [
        {"where": f"{problem.file}:{problem.line}",
         "text": f"{problem.field}: {problem.message}" if problem.field else problem.message}
        for problem in (_failure.problems if _failure else [])]


def language_root(language: str) -> str:
    """Path of a language's home below the site root: "" for Chinese, "en/" for English."""
    return "" if language == DEFAULT_LANGUAGE else f"{language}/"


def hreflang_links(site_url: str, alternates: list[dict]) -> list[tuple[str, str]]:
    """(hreflang, absolute URL) for each language version of a page, plus x-default (Chinese)."""
    links = [(alternate["lang"], urljoin(site_url, alternate["link"])) for alternate in alternates]
    default = [url for lang, url in links if lang == DEFAULT_LANGUAGE]
    return links + [("x-default", default[0])] if default else links


def theme_strings(language: str, build_date, page=None, config=None) -> dict:
    """The interface strings the theme's parts show, in `language`, with their data filled in."""
    document = _site_data.document if _site_data else None
    values = {"meeting": getattr(document.meeting, language) if document else "",
              "date": date_text(document.date, language) if document else ""}
    t = translator(language)
    filled_later = {"theme.footer_updated", "theme.cite"}
    ui = {key.removeprefix("theme."): t(key, **values) for key in strings(language)
          if key.startswith("theme.") and key not in filled_later}
    ui["footer_updated"] = t("theme.footer_updated", date=date_text(build_date.date(), language))
    if page is not None and page.canonical_url:
        ui["cite"] = t("theme.cite", title=page.title or "", site=config.site_name, url=page.canonical_url)
    return ui


def interface_context(context: dict, language: str, base: str, page=None, config=None) -> None:
    """Put the theme's strings and the language's root address into a template context."""
    root = f"{base.rstrip('/')}/{language_root(language)}"
    site_path = urlsplit(config.site_url).path if config is not None and config.site_url else "/"
    context.update(ui=theme_strings(language, context["build_date_utc"], page, config),
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
    its hidden ¶ onto a blank line of its own."""
    language = getattr(page.file, "locale", None) or theme_language(config)
    title = strings(language if language in LANGUAGES else DEFAULT_LANGUAGE)["theme.heading_link"]
    html = re.sub(r'(<a class="headerlink"[^>]*>)', r"\1&#8288;", html)
    return html.replace('title="Permanent link"', f'title="{escape(title, quote=True)}"')


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


@event_priority(-200)  # after mkdocs-static-i18n has built every language
def on_post_build(config) -> None:
    site = Path(config.site_dir)
    write_language_sitemaps(site)
    write_not_found_pages(site)
    i18n = config.plugins.get("i18n")
    if not getattr(i18n, "building", False):  # the outer build, every language written: index them
        index_site(site, Path(config.config_file_path).parent / ".cache" / "pagefind")


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
        ElementTree.ElementTree(urlset).write(target, encoding="utf-8", xml_declaration=True)
