"""The generator: both languages, escaping, determinism, and writing only what changed."""

import dataclasses
import os
from pathlib import Path

import markdown
from bs4 import BeautifulSoup

from scripts.generate import generate, load_site_data
from scripts.render import LANGUAGES, PAGES, escape_text, page_path, render_site
from tests.conftest import ROOT


def site_data():
    return load_site_data(ROOT)


def as_html(page: str) -> BeautifulSoup:
    """A generated page as Python-Markdown renders it (the engine MkDocs uses)."""
    return BeautifulSoup(markdown.markdown(page, extensions=["tables", "admonition"]), "html.parser")


def test_every_page_exists_in_both_languages():
    pages = render_site(site_data())
    assert sorted(pages) == sorted(page_path(page, language) for page in PAGES for language in LANGUAGES)
    assert len(pages) == 2 * len(PAGES) == 20


def test_home_pages_say_what_the_document_is_who_gave_it_and_when():
    site = site_data()
    document = site.document
    pages = render_site(site)
    chinese, english = as_html(pages["index.md"]).get_text(), as_html(pages["index.en.md"]).get_text()
    for text in (document.title.zh, "区委副书记、区长 潘国强", "2024年8月22日", "一、克难攻坚奋进,高质量发展迈出坚实步伐"):
        assert text in chinese
    for text in ("Pan Guoqiang", "August 22, 2024", site.translation["p06-s01"].en, site.translation["p23-s01"].en):
        assert text in english
    assert "(about.md)" in pages["index.md"] and "(about.en.md)" in pages["index.en.md"]


def test_english_pages_say_the_translation_is_unofficial_and_chinese_prevails():
    pages = render_site(site_data())
    for name in (page_path(page, "en") for page in PAGES):
        assert "unofficial translation" in pages[name]
    assert "The Chinese text prevails." in pages["about.en.md"]
    assert "以中文原文为准" in pages["about.md"]


def test_about_pages_give_the_source_file_and_checksum():
    site = site_data()
    document = site.document
    pages = render_site(site)
    for name in ("about.md", "about.en.md"):
        assert f"<code>{document.source.file}</code>" in pages[name]
        assert f"<code>{document.source.sha256}</code>" in pages[name]


def test_html_in_data_is_shown_as_text_never_run():
    site = site_data()
    document = site.document
    hostile = document.model_copy(update={"place": document.place.model_copy(
        update={"en": '<script>alert("x")</script> *bold* [link](http://evil.example)'})})
    html = as_html(render_site(dataclasses.replace(site, document=hostile))["index.en.md"])
    assert html.find("script") is None and html.find("em") is None
    assert html.find("a", href="http://evil.example") is None
    assert '<script>alert("x")</script> *bold* [link](http://evil.example)' in html.get_text()


def test_markdown_escaping_keeps_text_readable():
    assert escape_text("a*b_c [d] |e|") == r"a\*b\_c \[d\] \|e\|"
    assert escape_text("在区政府2024年全体(扩大)会议上的讲话") == "在区政府2024年全体(扩大)会议上的讲话"


def generated_files(project: Path) -> dict[str, bytes]:
    docs = project / "docs"
    return {path.relative_to(docs).as_posix(): path.read_bytes() for path in sorted(docs.rglob("*"))
            if path.is_file() and "assets" not in path.parts}


def test_generation_is_deterministic(tmp_path, project):
    """Pages, inline SVG charts and downloads: two runs give byte-identical files."""
    generate(project)
    first = generated_files(project)
    for name in first:
        (project / "docs" / name).unlink()
    generate(project)
    second = generated_files(project)
    assert first == second and len(first) == 2 * len(PAGES) + 3
    assert b"<svg" in first["results.md"] and b"<svg" in first["targets.en.md"]


def test_unchanged_pages_are_not_rewritten(project):
    assert len(generate(project)) == 2 * len(PAGES) + 3  # pages in both languages and 3 downloads
    page = project / "docs" / "index.md"
    os.utime(page, (1_000_000, 1_000_000))
    assert generate(project) == []
    assert page.stat().st_mtime == 1_000_000


def test_a_page_no_longer_generated_is_removed(project):
    generate(project)
    stale = project / "docs" / "old-page.md"
    stale.write_text("# old\n", encoding="utf-8")
    assert "old-page.md" in generate(project)
    assert not stale.exists()


def test_generated_pages_are_not_committed():
    ignored = (ROOT / ".gitignore").read_text(encoding="utf-8")
    assert "/docs/*.md" in ignored
    assert not [path for path in (ROOT / "docs").rglob("*.md") if path.parent != ROOT / "docs"]


def test_templates_exist_in_pairs():
    templates = ROOT / "scripts" / "templates"
    zh = {path.relative_to(templates / "zh") for path in (templates / "zh").rglob("*.j2") if not path.name.startswith("_")}
    en = {path.relative_to(templates / "en") for path in (templates / "en").rglob("*.j2") if not path.name.startswith("_")}
    assert zh == en == {Path(f"{page}.md.j2") for page in PAGES}


def test_html_in_the_translation_and_glossary_is_shown_as_text(project):
    from tests.test_validation import edit

    edit(project, "    Comrades:", "    Comrades <script>alert(1)</script>:", "data/speech.yaml")
    edit(project, "The national benchmark for ending", "The national <b>x</b> benchmark for ending", "data/glossary.yaml")
    generate(project)
    speech = as_html((project / "docs/speech.en.md").read_text(encoding="utf-8"))
    glossary = as_html((project / "docs/glossary.en.md").read_text(encoding="utf-8"))
    assert speech.find("script") is None and "Comrades <script>alert(1)</script>:" in speech.get_text()
    assert glossary.find("b") is None and "The national <b>x</b> benchmark" in glossary.get_text()
