"""The generator: both languages, escaping, determinism, and writing only what changed."""

import dataclasses
import os
from pathlib import Path

import markdown
import pytest
import yaml
from bs4 import BeautifulSoup

from scripts.build.generate import generate, load_site_data
from scripts.build.rendering import render_site
from scripts.model.languages import LANGUAGES
from scripts.render.downloads import DOWNLOAD_NAMES
from scripts.render.entities import toneless
from scripts.render.escape import inert
from scripts.render.interface import strings
from scripts.render.pages import PAGES, page_path
from tests.conftest import PAGE_NAMES, ROOT


def site_data():
    return load_site_data(ROOT)


def as_html(page: str) -> BeautifulSoup:
    """A generated page as Python-Markdown renders it (the engine MkDocs uses)."""
    _, _, body = page.partition("\n---\n")
    return BeautifulSoup(markdown.markdown(body, extensions=["tables", "admonition", "attr_list", "toc"]), "html.parser")


def split_front_matter(page: str) -> tuple[dict, str]:
    """The front matter of a generated page, parsed by YAML, and the Markdown after it."""
    assert page.startswith("---\n"), page[:80]
    head, separator, body = page[4:].partition("\n---\n")
    assert separator, "the front matter is not closed"
    return yaml.safe_load(head), body


# The site's pages, written out here by hand: the registry (scripts/render/pages.py) must hold them all.
READER_PAGE_NAMES = ("index", "brief", "results", "targets", "outcomes", "checks", "projects", "challenges", "speech",
                     "parallel", "glossary", "downloads", "changes", "about")


def test_every_page_exists_in_both_languages():
    """Every page a reader can reach is generated in both languages: index.md and index.en.md,
    and nothing else."""
    pages = render_site(site_data())
    expected = [f"{name}{suffix}.md" for name in READER_PAGE_NAMES for suffix in ("", ".en")]
    assert sorted(pages) == sorted(expected)
    assert [name for name in PAGE_NAMES if name != "404"] == list(READER_PAGE_NAMES)  # the tests' list is the same


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
        assert "unofficial translation" in pages[name].lower()
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


HOSTILE = ['<script>alert("x")</script>', "*bold* _it_", "[link](javascript:alert(1))", "![i](https://evil.example/i.png)",
           "# heading", "line one\n\n# injected heading\n\n---\n\n- item", "1. list", "| a | b |", "{: #id }", "`code`",
           "a: b # not a comment", '"quoted" \'single\'']


@pytest.mark.parametrize("text", HOSTILE)
@pytest.mark.parametrize("context", ["paragraph", "heading", "table", "html"])
def test_escaped_text_reads_as_written_in_every_markdown_context(text, context):
    """The one escaping path: the same escaped text is inert in Markdown and in HTML blocks."""
    escaped = inert(text)
    source = {"paragraph": f"Before {escaped} after", "heading": f"## {escaped}",
              "table": f"| head |\n| --- |\n| {escaped} |", "html": f'<p title="{escaped}">{escaped}</p>'}[context]
    html = BeautifulSoup(markdown.markdown(source, extensions=["tables", "attr_list"]), "html.parser")
    shown = " ".join(text.split())  # line breaks become spaces
    assert shown in " ".join(html.get_text().split())
    assert not html.find(["script", "img", "em", "strong", "code", "hr", "ul", "ol", "h1"])
    assert not html.find("a") and len(html.find_all(["h2", "h3"])) == (1 if context == "heading" else 0)
    if context == "html":
        assert html.find("p")["title"] == shown


def test_escaping_leaves_ordinary_text_alone():
    assert inert("在区政府2024年全体(扩大)会议上的讲话") == "在区政府2024年全体(扩大)会议上的讲话"
    assert inert("Regional GDP, year-on-year growth") == "Regional GDP, year-on-year growth"


@pytest.mark.parametrize("language", LANGUAGES)
def test_every_page_has_front_matter_that_yaml_reads(language):
    """The front matter is serialized, so a description with ": " or quotes stays front matter."""
    pages = render_site(site_data())
    for page in PAGES:
        meta, body = split_front_matter(pages[page_path(page, language)])
        assert isinstance(meta["description"], str) and meta["description"].strip()
        assert body.lstrip().startswith("# ")
        assert "{{" not in body and "{%" not in body


def test_a_description_with_yaml_syntax_stays_in_the_front_matter():
    site = site_data()
    document = site.document
    tricky = 'Pan: "Guoqiang" # not a comment\n---\nhide: [toc]'
    hostile = document.model_copy(update={"speaker": document.speaker.model_copy(
        update={"name": document.speaker.name.model_copy(update={"en": tricky})})})
    page = render_site(dataclasses.replace(site, document=hostile))["index.en.md"]
    meta, _ = split_front_matter(page)
    assert tricky in meta["description"] and set(meta) == {"description", "card", "structured_data"}
    assert meta["structured_data"]["author"]["alternateName"] == tricky  # data, in YAML, not front matter syntax


def test_both_languages_have_the_same_interface_strings():
    assert set(strings("zh")) == set(strings("en"))
    assert all(value.strip() for key, value in strings("zh").items() if key not in {"unofficial", "sentence_separator", "index.summary"})


def test_glossary_is_sorted_by_pinyin_without_tones():
    assert toneless("Xí Jìnpíng") == "xi jinping"
    assert sorted(["xuánzhuǎnmén", "Xí Jìnpíng", "xiāngcūn"], key=toneless) == ["Xí Jìnpíng", "xiāngcūn", "xuánzhuǎnmén"]
    page = as_html(render_site(site_data())["glossary.md"])
    for section in page.find_all("dl"):
        keys = [toneless(term.find(class_="pinyin").get_text()) for term in section.find_all("dt")]
        assert keys == sorted(keys)


def generated_files(project: Path) -> dict[str, bytes]:
    docs = project / "docs"
    return {path.relative_to(docs).as_posix(): path.read_bytes() for path in sorted(docs.rglob("*"))
            if path.is_file() and "assets" not in path.parts}


def test_generation_is_deterministic(tmp_path, project):
    """Pages, charts, downloads and link-preview cards (PNG): two runs give byte-identical files."""
    generate(project)
    first = generated_files(project)
    for name in first:
        (project / "docs" / name).unlink()
    generate(project)
    second = generated_files(project)
    # pages and cards in both languages, the downloads, and the manifest
    assert first == second and len(first) == 2 * len(PAGES) + len(DOWNLOAD_NAMES) + 2 * len(PAGES) + 1 + 1  # and the print font
    assert b'class="chart"' in first["results.md"] and b'class="chart"' in first["results.en.md"]


def test_unchanged_pages_are_not_rewritten(project):
    # pages and cards in both languages, the downloads and the print font
    assert len(generate(project).written) == 4 * len(PAGES) + len(DOWNLOAD_NAMES) + 1
    page = project / "docs" / "index.md"
    os.utime(page, (1_000_000, 1_000_000))
    assert generate(project).written == ()
    assert page.stat().st_mtime == 1_000_000


def test_a_page_no_longer_generated_is_removed(project):
    generate(project)
    stale = project / "docs" / "old-page.md"
    stale.write_text("# old\n", encoding="utf-8")
    assert "old-page.md" in generate(project).written
    assert not stale.exists()


def test_generated_pages_are_not_committed():
    ignored = (ROOT / ".gitignore").read_text(encoding="utf-8")
    assert "/docs/*.md" in ignored
    assert not [path for path in (ROOT / "docs").rglob("*.md") if path.parent != ROOT / "docs"]


def test_one_template_per_page_for_both_languages():
    templates = ROOT / "scripts" / "render" / "templates" / "pages"
    assert {path.name for path in templates.glob("*.j2")} == {f"{page}.md.j2" for page in PAGES}


def test_html_in_the_translation_and_glossary_is_shown_as_text(project):
    from tests.test_validation import edit

    edit(project, "    Comrades:", "    Comrades <script>alert(1)</script>:", "data/speech.yaml")
    edit(project, "The national benchmark for ending", "The national <b>x</b> benchmark for ending", "data/glossary.yaml")
    generate(project)
    speech = as_html((project / "docs/speech.en.md").read_text(encoding="utf-8"))
    glossary = as_html((project / "docs/glossary.en.md").read_text(encoding="utf-8"))
    assert speech.find("script") is None and "Comrades <script>alert(1)</script>:" in speech.get_text()
    assert glossary.find("b") is None and "The national <b>x</b> benchmark" in glossary.get_text()


def test_names_standing_alone_are_capitalized_and_titles_in_a_list_are_not():
    from scripts.render.text import headword, in_running_text

    assert headword("solid waste treatment") == "Solid waste treatment"
    assert headword("固废处理") == "固废处理"
    assert [in_running_text(title) for title in ["Four pressures", "GDP growth", "固废处理"]] \
        == ["four pressures", "GDP growth", "固废处理"]
    page = as_html(render_site(site_data())["index.en.md"]).get_text()
    assert "Challenges and work style: four pressures, four bad practices to break, three orientations to adopt." in page
