"""The pages, the link-preview cards and the print font of a generation, each made afresh only
when its cache holds no entry for its key (scripts/build/incremental.py): what is rendered comes
from scripts/render/, what is kept from scripts/build/cache.py."""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass

import PIL

from scripts.build.cache import Cache
from scripts.build.incremental import (
    compiled_templates,
    environment_fingerprint,
    key_of,
)
from scripts.model.languages import LANGUAGES
from scripts.model.records import SiteData
from scripts.render.cards import card_png, cjk_font
from scripts.render.interface import translator
from scripts.render.page import Templates, card_of, render_page, template_environment
from scripts.render.pages import BY_NAME, PAGES, card_name, page_path
from scripts.render.print_font import chinese_characters, print_font

PRINT_FONT = "print-zh.woff2"  # docs/fonts/: the stylesheet sets printed Chinese in it


@dataclass
class RenderCaches:
    """Rendered pages, drawn cards and the print font by key: a key covers the code, and for a
    card or the font the font file and Pillow that draw it."""

    code: str                # code_fingerprint: a change of generator, template, string or package invalidates all
    font: str                # the card font's file and digest (scripts/render/font.py)
    pages: Cache
    cards: Cache             # PNG bytes
    fonts: Cache             # the print font (WOFF2)
    rendered: list[str] = dataclasses.field(default_factory=list)  # pages rendered afresh

    def prune(self) -> None:
        """Keep the pages and print fonts the last generation used (drawn_cards keeps its cards)."""
        self.pages.prune()
        self.fonts.prune()


def cached(cache: Cache | None, key: str, make) -> bytes:
    """The entry of `key`, made and kept if the cache has none (every time, without a cache)."""
    stored = cache.get(key) if cache is not None else None
    if stored is None:
        stored = make()
        if cache is not None:
            cache.put(key, stored)
    return stored


def compiled(root, code: str) -> Templates:
    """The page templates, compiled once per change of the code and of the environment's options."""
    environment = template_environment()
    environment.bytecode_cache = compiled_templates(root, lambda: key_of(environment_fingerprint(environment), code))
    return Templates(environment)


def render_site(site: SiteData, caches: RenderCaches | None = None, templates: Templates | None = None) -> dict[str, str]:
    """Every generated page, keyed by its path under docs/. With caches, a page is rendered only
    if the data it reads changed since it was last rendered."""
    digests = {field.name: key_of(repr(getattr(site, field.name))) for field in dataclasses.fields(site)} if caches else {}
    pages = {}
    for language in LANGUAGES:
        for page in PAGES:
            path = page_path(page, language)

            def render(page=page, language=language, path=path) -> bytes:
                if caches is not None:
                    caches.rendered.append(path)
                return render_page(page, language, site, templates).encode("utf-8")
            key = key_of("page", caches.code, page, language, *(digests[name] for name in BY_NAME[page].inputs)) \
                if caches else ""
            pages[path] = cached(caches.pages if caches else None, key, render).decode("utf-8")
    return pages


def render_cards(site: SiteData, caches: RenderCaches | None = None) -> dict[str, bytes]:
    """Every page's card, keyed by its file name under docs/cards/; drawn only when what it shows changed."""
    cards = {}
    for language in LANGUAGES:
        for page in PAGES:
            card = card_of(page, language, site)
            key = key_of("card", caches.code, caches.font, PIL.__version__, repr(card)) if caches else ""
            cards[card_name(page, language)] = cached(caches.cards if caches else None, key, lambda: card_png(card))
    return cards


def drawn_cards(site: SiteData, caches: RenderCaches) -> tuple[dict[str, bytes], int]:
    """Every page's card (render_cards) and how many were drawn afresh; the cards' cache then keeps
    only these. Whole in itself, so it can be done in another process (scripts/build/beside.py)."""
    cards = render_cards(site, caches)
    drawn = len(caches.cards.made)
    caches.cards.prune()
    return cards, drawn


def render_fonts(pages: dict[str, str], caches: RenderCaches | None = None) -> dict[str, bytes]:
    """The print font (scripts/render/print_font.py): the Chinese characters of every page and of the
    interface strings the theme prints, from this machine's Chinese font."""

    characters = chinese_characters([*pages.values(), *(text for language in LANGUAGES
                                                         for text in translator(language).table.values())])
    key = key_of("print font", caches.code, caches.font, characters) if caches else ""
    return {PRINT_FONT: cached(caches.fonts if caches else None, key, lambda: print_font(cjk_font(), characters))}
