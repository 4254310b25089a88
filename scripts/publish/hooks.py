"""MkDocs hooks: run the generator before each build and fix what the i18n plugin leaves.

- on_pre_build, on_files: regenerate docs/*.md from data/ (so `make serve` and `make build` can
  never show stale pages), doing only what changed inputs call for (scripts/build/incremental.py);
  bad data stops the build with `file:line: field: problem` lines.
  Under `mkdocs serve` (on_startup tells) bad data does not stop the build: the problems are
  printed the same way, docs/ keeps the last good pages, and every page shows them in a banner
  (`data_problems`, read by overrides/main.html) until the data is fixed and saved.
- on_serve: watch docs/ for its hand-written assets only, so a save makes one build.
- on_env: the theme's templates compiled once, not on every build (Jinja's bytecode cache).
- on_page_context, on_template_context: the interface strings of the page's language for the
  theme's parts (`ui`: footer, language switch, search button, 404 page), absolute hreflang
  alternates with x-default, and the site's path (for search result links; read by overrides/).
- on_post_template, on_post_build: a 404 page per language (404.html, en/404.html), a sitemap
  per language root, and the search index of every language (Pagefind, scripts/publish/search_index.py;
  under `mkdocs serve` it is written just after the reload).

mkdocs-static-i18n runs every hook once per language (the English build is nested inside the
Chinese one), so each hook here is idempotent. What lasts across the builds of one process (the
generation's state, the 404 pages, the search indexes under way) is the one object `state`; the
work is done in the modules beside this one: generation.py, theme.py, indexing.py, site_files.py.
"""

from __future__ import annotations

import logging
import sys
from dataclasses import dataclass, field
from pathlib import Path

from markupsafe import Markup
from mkdocs.plugins import event_priority
from mkdocs.structure.files import Files, get_files

# MkDocs loads this file by path; make the `scripts` package importable from the project root.
sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

# Only light modules here: a build whose inputs did not change loads no more (scripts/build/incremental.py).
from scripts.build.incremental import (  # noqa: E402
    compiled_templates,
    digest_of,
    environment_fingerprint,
    generation_lock,
    inputs_fingerprint,
    key_of,
)
from scripts.model.languages import DEFAULT_LANGUAGE, LANGUAGES  # noqa: E402
from scripts.publish.generation import Generation  # noqa: E402
from scripts.publish.indexing import Indexing  # noqa: E402
from scripts.publish.site_files import write_language_sitemaps, write_not_found_pages  # noqa: E402
from scripts.publish.theme import (  # noqa: E402
    hreflang_links,
    interface_context,
    json_ld,
    report_links,
    theme_language,
    titled_permalinks,
)
from scripts.render.citations import bibtex, csl_json, gbt7714  # noqa: E402
from scripts.render.interface import translator  # noqa: E402
from scripts.render.pages import PAGES  # noqa: E402


@dataclass
class State:
    """What lasts across the builds of this process: MkDocs loads this module once, and `mkdocs
    serve` builds again on every save."""

    generation: Generation = field(default_factory=Generation)
    inputs: str = ""  # the fingerprint of the inputs of the build under way, read as it starts
    not_found: dict[str, str] = field(default_factory=dict)  # the rendered 404 page of each language
    indexing: Indexing = field(default_factory=Indexing)


state = State()


def on_config(config):
    """The navigation: every page of the registry (scripts/render/pages.py), in its order; each is
    named in the language being built by on_nav."""
    config["nav"] = [f"{page}.md" for page in PAGES]
    return config


def on_startup(command, dirty) -> None:
    """Remember the command (only `mkdocs serve` keeps going on bad data), and keep the terminal
    to what a maintainer needs: the i18n plugin's notes (one per language and setting it
    overrides, and one about the language switch's links, which the plugin itself writes as
    index.html because the site has no directory URLs) are hidden; its warnings still show."""
    state.generation.serving = command == "serve"
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


def on_pre_build(config) -> None:
    """Read the inputs' fingerprint as the build starts (on_files regenerates the pages from them).
    The i18n plugin runs this hook again for each other language, inside the default language's
    build: that build's generation serves them all, so every language of one build shows the same data."""
    root = Path(config.config_file_path).parent
    if nested_build(config):
        # The languages are built one after another, the default first; its pages are complete.
        state.indexing.start(Path(config.site_dir), root, DEFAULT_LANGUAGE)
        return
    try:
        state.indexing.finish()  # under `mkdocs serve`, the last build's search index
    except RuntimeError as error:
        print(f"The search index was not written: {error}", file=sys.stderr, flush=True)
    state.inputs = inputs_fingerprint(root)


@event_priority(100)  # before mkdocs-static-i18n sorts the files by language
def on_files(files, config):
    """Regenerate the pages, once per build, and list docs/ again. `make build` generates while
    MkDocs starts (scripts/build/site.py): the wait for it is here rather than in on_pre_build, so
    that MkDocs cleans the site folder and lists the theme's files meanwhile. Its list of docs/
    may then be out of date (pages added, or made for the first time), so docs/ is listed anew."""
    if nested_build(config):
        state.generation.tolerate_warnings()  # this language's build too, while the pages are not current
    else:
        root = Path(config.config_file_path).parent
        with generation_lock(root):  # `make build` may be generating these inputs already: then wait for it
            state.generation.regenerate(root, state.inputs)
        files = listed_again(files, config)
    name_site(config)
    return files


def listed_again(files: Files, config) -> Files:
    """docs/ listed anew, with the theme's files MkDocs added to the earlier list (those whose
    path no file of docs/ has: a file of docs/ overrides the theme's)."""
    fresh = get_files(config)
    for file in files:
        if file.src_dir != config.docs_dir and fresh.get_file_from_path(file.src_uri) is None:
            fresh.append(file)
    return fresh


def name_site(config) -> None:
    """The site's name and description in the language being built, from data/document.yaml
    (through the generation's theme words); mkdocs.yml holds only a placeholder. Text from data/
    reaches the theme escaped, as Markup: the theme writes config.site_name both raw and through
    `| e`, and Markup is shown as text by both, never run, never escaped twice."""
    words = state.generation.theme.get(config.theme["language"]) or {}
    if words.get("site_title"):
        config["site_name"] = Markup.escape(words["site_title"])
        config["site_description"] = Markup.escape(words["site_description"])


def page_interface(context: dict, language: str, config, page=None) -> dict:
    """The theme's strings in `language` and the problems for the banner, in a template context."""
    interface_context(context, language, state.generation.theme.get(language), context["base_url"], page, config)
    context["data_problems"] = state.generation.problems()
    return context


def on_template_context(context, template_name, config):
    """The static templates (404.html) in the language being built, with absolute links."""
    return page_interface(context, theme_language(config), config)


def on_page_content(html, page, config, files):
    """Heading permalinks titled in the page's language; "report an error" links open the repository's form."""
    language = getattr(page.file, "locale", None) or theme_language(config)
    language = language if language in LANGUAGES else DEFAULT_LANGUAGE
    html = titled_permalinks(html, language)
    return report_links(html, config.extra.get("repository", ""), page.canonical_url or "", language)


def on_post_template(output, template_name, config):
    """Keep each language's 404 page: the i18n plugin writes every language's to the root."""
    if template_name == "404.html":
        state.not_found[theme_language(config)] = output
    return output


@event_priority(-50)  # after mkdocs-static-i18n has set this page's alternates
def on_page_context(context, page, config, nav):
    page_interface(context, context.get("i18n_page_locale", DEFAULT_LANGUAGE), config, page)
    # The i18n plugin sets this page's alternates as an attribute, as Material's templates read it.
    alternates = getattr(config.extra, "alternate", None) or []
    context["hreflang_links"] = hreflang_links(config.site_url, alternates)
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
    site, root = Path(config.site_dir), Path(config.config_file_path).parent
    if nested_build(config):  # one language's pages are complete: index them while the next is built
        state.indexing.start(site, root, theme_language(config))
        return
    write_language_sitemaps(site)
    write_not_found_pages(site, state.not_found)
    for language in LANGUAGES:
        state.indexing.start(site, root, language)
    if not state.generation.serving:  # under `mkdocs serve` the browser reloads now; search catches up a moment later
        state.indexing.finish()


def nested_build(config) -> bool:
    """Whether this is the build of a language other than the default, which mkdocs-static-i18n
    runs inside the default language's build (after that one's pages are written)."""
    return getattr(config.plugins.get("i18n"), "building", False)
