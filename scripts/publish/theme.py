"""What the theme's templates show besides the pages: the interface strings of the page's language
with the data's words filled in (footer, citation line, language switch, 404 page), absolute
hreflang alternates, schema.org descriptions, and the links only the build knows (the repository's
"report an error" form)."""

from __future__ import annotations

import json
import re
from collections.abc import Callable
from functools import lru_cache
from html import escape, unescape
from urllib.parse import quote_plus, urlencode, urljoin, urlsplit

from markupsafe import Markup

from scripts.model.languages import DEFAULT_LANGUAGE, LANGUAGES
from scripts.publish.site_files import language_root
from scripts.render.interface import strings, translator

THEME_WORDS = ("site_title", "site_description", "meeting", "date", "version", "version_date", "publisher", "posted",
               "speech_url")
REPORT_FORM = "report-an-error.yml"  # .github/ISSUE_TEMPLATE/: its fields `page` and `item` are filled in
REPORT_LINK = re.compile(r'href="report:([^"]*)"')
LINKS = ("url", "contentUrl", "@id")  # the fields of a schema.org description that hold addresses


def json_ld(described: dict, site_url: str) -> Markup:
    """A page's schema.org description (scripts/render/structured.py) as the text of its <script>:
    its addresses made absolute under the site's URL, and <, > and & escaped as JSON allows, so
    no text from data/ can end the script element."""
    def absolute(value, key=None):
        if isinstance(value, dict):
            return {name: absolute(item, name) for name, item in value.items()}
        if isinstance(value, list):
            return [absolute(item, key) for item in value]
        return urljoin(site_url, value) if key in LINKS and isinstance(value, str) else value
    text = json.dumps(absolute(described), ensure_ascii=False, sort_keys=True)
    return Markup(text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026"))


def hreflang_links(site_url: str, alternates: list[dict]) -> list[tuple[str, str]]:
    """(hreflang, absolute URL) for each language version of a page, plus x-default (Chinese)."""
    links = [(alternate["lang"], urljoin(site_url, alternate["link"])) for alternate in alternates]
    default = [url for lang, url in links if lang == DEFAULT_LANGUAGE]
    return links + [("x-default", default[0])] if default else links


def theme_strings(language: str, words: dict[str, str] | None, page=None, config=None) -> dict:
    """The interface strings the theme's parts show, in `language`, with the data's words
    (`words`: THEME_WORDS, from the generation) filled in."""
    values = words or dict.fromkeys(THEME_WORDS, "")
    ui = dict(site_strings(language, tuple(values.items())))
    if page is not None and page.canonical_url:
        ui["cite"] = translator(language)("theme.cite", **{**values, "title": page.title or "", "site": config.site_name,
                                                           "url": page.canonical_url})
    return ui


@lru_cache(maxsize=8)
def site_strings(language: str, words: tuple[tuple[str, str], ...]) -> dict:
    """The theme's strings that are the same on every page (all but the page's citation), made
    once per language and data words rather than for each page."""
    t = translator(language)
    filled_later = {"theme.cite", "theme.accessed"}
    ui = {key.removeprefix("theme."): t(key, **dict(words)) for key in strings(language)
          if key.startswith("theme.") and key not in filled_later}
    ui["accessed"] = t("theme.accessed", date="{date}")  # the reader's date, written in by the page's script
    return ui


def interface_context(context: dict, language: str, words: dict[str, str] | None, base: str, page=None,
                      config=None) -> None:
    """Put the theme's strings and the language's root address into a template context."""
    root = f"{base.rstrip('/')}/{language_root(language)}"
    site_path = urlsplit(config.site_url).path if config is not None and config.site_url else "/"
    context.update(ui=theme_strings(language, words, page, config),
                   ui_language=language, ui_root=root, ui_home=f"{root}index.html", site_path=site_path)


def theme_language(config) -> str:
    """The language being built (mkdocs-static-i18n sets the theme's language for each)."""
    language = config.theme["language"] if "language" in config.theme else DEFAULT_LANGUAGE
    return language if language in LANGUAGES else DEFAULT_LANGUAGE


def titled_permalinks(html: str, language: str) -> str:
    """Heading permalinks titled in the page's language (Python-Markdown writes "Permanent link"),
    joined to the heading's last word (a U+2060 at the start of the link), so a heading that
    fills its line does not wrap its hidden ¶ onto a blank line of its own."""
    title = strings(language)["theme.heading_link"]
    html = re.sub(r'(<a class="headerlink"[^>]*>)', r"\1&#8288;", html)
    return html.replace('title="Permanent link"', f'title="{escape(title, quote=True)}"')


def report_address(repository: str, page_url: str, language: str) -> Callable[[str], str]:
    """The address of the repository's "report an error" form for an item (a sentence or figure
    id) of one page, with the page and the item filled in: GitHub fills an issue form's fields
    from the query, by their ids. The query is urlencode's of template, title, page and item; its
    parts that are the same for every item of the page are encoded once."""
    title = strings(language)["report.title"]
    start = f"{repository.rstrip('/')}/issues/new?{urlencode({'template': REPORT_FORM})}&title="
    page = urlencode({"page": page_url})
    return lambda item: f"{start}{quote_plus(title.format(item=item))}&{page}&{urlencode({'item': item})}"


def report_links(html: str, repository: str, page_url: str, language: str) -> str:
    """Every `report:ITEM` link the generator wrote, made the address of the repository's form,
    and every `repository:` link the repository's address (only the build knows them)."""
    html = html.replace('href="repository:"', f'href="{escape(repository)}"')
    address = report_address(repository, page_url, language)
    return REPORT_LINK.sub(lambda match: f'href="{escape(address(unescape(match[1])))}"', html)
