"""The generation does only the work its inputs call for: nothing when no input changed, and
after an edit only the pages that show the edited data, and only the charts that draw it."""

from __future__ import annotations

from scripts.build.generate import generate
from tests.conftest import PAGE_NAMES
from tests.test_validation import edit

# The pages that show figures, in both languages: the cards of the home page, the tables and
# charts, the arithmetic checks, the projects' investments, the brief and the downloads page's counts.
FIGURE_PAGES = {f"{page}{suffix}.md" for page in ("index", "brief", "results", "targets", "outcomes", "checks", "projects", "downloads")
                for suffix in ("", ".en")}


def test_a_second_generation_with_unchanged_inputs_does_nothing(project):
    first = generate(project)
    assert not first.up_to_date and len(first.rendered) == 2 * len(PAGE_NAMES[:-1]) == first.cards_drawn
    again = generate(project)
    assert again.up_to_date and again.rendered == () and again.cards_drawn == 0 and again.written == ()


def test_an_input_no_page_reads_renders_nothing(project):
    generate(project)
    edit(project, "  reason: The year in the name of the meeting", "  reason: The year in the meeting's name",
         "data/figures-excluded.yaml")
    generation = generate(project)
    assert not generation.up_to_date and generation.rendered == () and generation.cards_drawn == 0


def test_one_figure_edited_renders_the_pages_that_show_figures(project):
    generate(project)
    edit(project, "    en: Regional GDP, year-on-year growth", "    en: GDP, year-on-year growth", "data/figures.yaml")
    generation = generate(project)
    assert set(generation.rendered) == FIGURE_PAGES
    assert generation.cards_drawn == 2  # the English home page's and brief's: a key figure's label
    assert "GDP, year-on-year growth" in (project / "docs/results.en.md").read_text(encoding="utf-8")


def test_each_cache_keeps_only_what_the_last_generation_used(project):
    """The pages, cards and print font of earlier generations are removed, whichever process made
    them (the cards are drawn in a forked copy of this one: scripts/build/beside.py)."""
    generate(project)
    kept = []
    for old, new in (("Regional GDP, year-on-year growth", "GDP, year-on-year growth"), ("GDP, year-on-year", "GDP")):
        edit(project, f"    en: {old}", f"    en: {new}", "data/figures.yaml")
        assert generate(project).cards_drawn == 2
        kept.append({folder: len([entry for entry in (project / ".cache" / folder).iterdir() if not entry.name.startswith(".")])
                     for folder in ("pages", "cards", "fonts")})
    every_page = 2 * len(PAGE_NAMES[:-1])
    assert kept == [{"pages": every_page, "cards": every_page, "fonts": 1}] * 2


def test_a_generated_page_edited_by_hand_is_regenerated(project):
    generate(project)
    page = project / "docs/about.md"
    original = page.read_text(encoding="utf-8")
    page.write_text(original.replace("来源", "来 源"), encoding="utf-8")
    generation = generate(project)
    assert not generation.up_to_date and page.read_text(encoding="utf-8") == original


def test_a_page_that_reads_data_it_does_not_declare_is_refused(monkeypatch):
    """What keeps the page cache honest: a page sees only the data in its cache key."""
    import dataclasses

    import pytest

    from scripts.build.generate import load_site_data
    from scripts.render import pages
    from scripts.render.page import UndeclaredInput, render_page

    site = load_site_data()
    narrowed = dataclasses.replace(pages.BY_NAME["results"], inputs=("document", "topics", "charts"))  # not "figures"
    monkeypatch.setitem(pages.BY_NAME, "results", narrowed)
    with pytest.raises(UndeclaredInput, match=r"page 'results' reads site.figures"):
        render_page("results", "en", site)


def test_each_languages_pages_have_their_own_search_index_rebuilt_only_when_they_change(tmp_path):
    """Pagefind runs for a language whose pages changed, and its cached index serves the other."""
    from scripts.build.cache import Cache
    from scripts.publish.search_index import index_language, language_pages

    site, cache = tmp_path / "site", Cache(tmp_path / "cache")
    pages = {"index.html": ("zh", "江源区 人参"), "404.html": ("zh", "未找到"),
             "en/index.html": ("en", "Jiangyuan ginseng"), "en/results.html": ("en", "GDP growth")}
    for path, (language, text) in pages.items():
        (site / path).parent.mkdir(parents=True, exist_ok=True)
        (site / path).write_text(f'<html lang="{language}"><body><main data-pagefind-body><h1>{text}</h1>'
                                 "</main></body></html>", encoding="utf-8")
    roots = {"zh": "", "en": "en/"}
    by_language = language_pages(site, roots)
    assert by_language == {"zh": ["index.html"], "en": ["en/index.html", "en/results.html"]}
    assert [index_language(site, by_language[language], language, roots[language], cache, "code") for language in roots] == [True, True]
    assert (site / "pagefind/pagefind-entry.json").is_file() and (site / "en/pagefind/pagefind-entry.json").is_file()

    (site / "en/results.html").write_text((site / "en/results.html").read_text(encoding="utf-8")
                                          .replace("growth", "rose"), encoding="utf-8")
    by_language = language_pages(site, roots)
    assert [index_language(site, by_language[language], language, roots[language], cache, "code") for language in roots] == [False, True]


def test_the_search_cache_keeps_only_the_indexes_of_the_last_build(tmp_path):
    """After a build, the search indexes' cache holds one entry per language: those of the pages
    just built, not those of earlier builds (a cache that only grows would fill the disk of a
    maintainer who keeps `make serve` running)."""
    from scripts.publish.indexing import Indexing

    site, root = tmp_path / "site", tmp_path / "project"
    for path, (language, text) in {"index.html": ("zh", "江源区 人参"), "en/index.html": ("en", "Jiangyuan")}.items():
        (site / path).parent.mkdir(parents=True, exist_ok=True)
        (site / path).write_text(f'<html lang="{language}"><body><main data-pagefind-body><h1>{text}</h1>'
                                 "</main></body></html>", encoding="utf-8")
    indexing = Indexing()
    entries = []
    for word in ("Jiangyuan", "Baishan", "Jilin"):
        (site / "en/index.html").write_text((site / "en/index.html").read_text(encoding="utf-8")
                                            .replace(">Jiangyuan<", f">{word}<").replace(">Baishan<", f">{word}<"),
                                            encoding="utf-8")
        for language in ("zh", "en"):
            indexing.start(site, root, language)
        indexing.finish()
        entries.append(len([entry for entry in (root / ".cache/search").iterdir() if not entry.name.startswith(".")]))
    assert entries == [2, 2, 2]


def test_another_card_font_draws_every_card_and_generates_again(project, monkeypatch):
    """The cards' bytes depend on the font that draws them: installing or removing a CJK font
    (another file, or the same file changed) makes the next generation draw every card anew."""
    from scripts.build import generate as generation_module
    from scripts.render import font

    first = generate(project)
    assert first.cards_drawn == 2 * len(PAGE_NAMES[:-1])
    monkeypatch.setattr(font, "font_identity", lambda: "/usr/share/fonts/another.ttc 0123")
    monkeypatch.setattr(generation_module, "font_identity", font.font_identity)
    from scripts.build import incremental

    monkeypatch.setattr(incremental, "font_identity", font.font_identity)
    again = generate(project)
    assert not again.up_to_date and again.cards_drawn == first.cards_drawn and again.rendered == ()
