"""Markup in data/ stays text: HTML, Markdown, Jinja and spreadsheet formulas written into every
free-text field of every data file reach the built pages, the search results and the downloads
as the characters a maintainer typed, never as a live element, link, image, block or formula."""

from __future__ import annotations

import csv
import io
import json
import re
from pathlib import Path

import pytest
import yaml
from bs4 import BeautifulSoup

from scripts.build.site import build

# Spreadsheet formula first (a CSV cell must not start with it), then HTML that would run script,
# Markdown that would link or load from elsewhere, TeX, attribute lists and Jinja, and lines that
# would start blocks.
MARKUP = ('=HYPERLINK("https://evil.example/","x") <script>alert("INJECTED")</script> '
          '<img src=x onerror=alert(1)> [link](javascript:alert(1)) ![pic](https://evil.example/i.png) '
          '**bold** `code` $x^2$ &amp; <!-- comment --> | cell | ')
BRACES = "{: #injected } {{ 7*7 }} {% raw %}"
BLOCKS = "\n# INJECTED heading\n\n---\n\n- item\n\n<div>block</div>\n"
# The English sentences may hold {quantity} placeholders; braces there are refused with a message
# (tested in tests/test_speech.py), so their markup has none.
PAYLOAD = MARKUP + BRACES + BLOCKS
SENTENCE_PAYLOAD = MARKUP + BLOCKS
# A main point's numbers are references in braces, and it may hold no digit of its own (both are
# refused with a message, tested in tests/test_outcome_problems.py), so its markup has neither.
POINT_PAYLOAD = re.sub(r"\d", "n", MARKUP) + BLOCKS
# A key figure's card label is short (at most 16 characters in Chinese and 50 in English:
# tests/test_outcome_problems.py).
CARD_PAYLOADS = {"zh": "<img src=x>", "en": '<script>alert("INJECTED")</script>'}

# The fields a maintainer writes freely, by file: everything else is an id, a choice from a list,
# or Chinese that must be the speech's own words (checked against the seed).
FREE_TEXT = {
    "data/document.yaml": ["title.en", "speaker.name.en", "speaker.office.en", "meeting.en", "place.zh",
                           "place.en", "site_title.zh", "site_title.en", "parts.*.summary.zh", "parts.*.summary.en",
                           "published.publisher.zh", "published.publisher.en", "published.website.zh",
                           "published.website.en", "published.column.zh", "published.column.en", "keeper.zh", "keeper.en"],
    "data/glossary.yaml": ["*.pinyin", "*.explanation.zh", "*.explanation.en"],
    "data/topics.yaml": ["*.title.zh", "*.title.en"],
    "data/figures.yaml": ["*.label.zh", "*.label.en", "*.related.note.zh", "*.related.note.en"],
    "data/figures-excluded.yaml": ["*.reason"],
    "data/challenges.yaml": ["*.title.zh", "*.title.en"],
    "data/charts.yaml": ["*.title.zh", "*.title.en"],
    "data/speech.yaml": ["*.en", "*.note"],
    "data/periods.yaml": ["*.zh", "*.en"],
    "data/relations.yaml": ["*.label.zh", "*.label.en", "*.note.zh", "*.note.en"],
    "data/versions.yaml": ["*.changes.*.zh", "*.changes.*.en"],
    "data/points.yaml": ["*.zh", "*.en"],
    "data/sources.yaml": ["*.publisher.zh", "*.publisher.en", "*.title.zh", "*.title.en", "*.note.zh", "*.note.en"],
    "data/outcomes.yaml": ["*.label.zh", "*.label.en", "*.note.zh", "*.note.en"],
}
PAYLOADS = {"data/speech.yaml": SENTENCE_PAYLOAD, "data/points.yaml": POINT_PAYLOAD}


def with_payload(value, path: list[str], payload: str):
    """`value` with `payload` put before the text at every field matching path ("*" is any item)."""
    head, rest = path[0], path[1:]
    if isinstance(value, list) and head == "*":
        return [with_payload(item, rest, payload) for item in value]
    if isinstance(value, dict):
        keys = value.keys() if head == "*" else [head] if head in value else []
        return {**value, **{key: (payload + value[key] if not rest else with_payload(value[key], rest, payload))
                            for key in keys}}
    return value


@pytest.fixture(scope="module")
def hostile_site(tmp_path_factory) -> Path:
    from tests.conftest import copy_project

    project = copy_project(tmp_path_factory.mktemp("hostile") / "project")
    for file, fields in FREE_TEXT.items():
        data = yaml.safe_load((project / file).read_text(encoding="utf-8"))
        for field in fields:
            data = with_payload(data, field.split("."), PAYLOADS.get(file, PAYLOAD))
        if file == "data/figures.yaml":  # the key figures' cards: a short label, all markup
            for figure in data:
                if figure.get("headline"):
                    figure["card_label"] = dict(CARD_PAYLOADS)
        (project / file).write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")
    site = project / "site"
    assert build(site, root=project) == 0, "the site with markup in its data did not build"
    return site


def parses_as_json(text: str) -> bool:
    try:
        json.loads(text)
    except ValueError:
        return False
    return True


def live_markup(html: str) -> list[str]:
    """What in `html` a browser would run, load, follow or show as structure from the payload."""
    soup = BeautifulSoup(html, "html.parser")
    scripts = soup.find_all("script")
    found = [f"<script> {tag.string[:40]!r}" for tag in scripts
             if tag.string and "INJECTED" in tag.string and tag.get("type") != "application/ld+json"]
    # A schema.org description holds the data as JSON text: it must stay one whole JSON value.
    found += [f"<script type=application/ld+json> broken: {tag.string[:40]!r}" for tag in scripts
              if tag.get("type") == "application/ld+json" and not parses_as_json(tag.string or "")]
    found += [f"<{tag.name} {name}=...>" for tag in soup.find_all(True) for name in tag.attrs if name.startswith("on")]
    found += [f"<a href={tag['href']!r}>" for tag in soup.find_all("a", href=True)
              if tag["href"].strip().lower().startswith(("javascript:", "https://evil", "http://evil"))]
    found += [f"<img src={tag.get('src')!r}>" for tag in soup.find_all("img") if "evil" in tag.get("src", "") or tag.get("src") == "x"]
    found += [f"<{tag.name}> {tag.get_text()[:40]!r}" for tag in soup.find_all(["h1", "h2", "h3", "h4", "h5", "h6", "strong", "code", "li", "div", "hr"])
              if "INJECTED heading" in tag.get_text() and tag.get_text().strip().startswith("INJECTED") or
              tag.name in {"strong", "code", "li"} and tag.get_text() in {"bold", "code", "item"}]
    found += [f"id={tag['id']!r}" for tag in soup.find_all(id="injected")]
    found += ["a <!-- comment --> became a comment" for text in soup.find_all(string=True)
              if type(text).__name__ == "Comment" and text.strip() == "comment"]
    return found


def test_no_page_runs_links_or_structures_markup_from_data(hostile_site):
    pages = sorted(hostile_site.rglob("*.html"))
    live = {page.relative_to(hostile_site).as_posix(): found for page in pages
            if (found := live_markup(page.read_text(encoding="utf-8")))}
    assert live == {}


def test_markup_from_data_is_shown_as_the_characters_written(hostile_site):
    for home in ("index.html", "en/index.html"):
        soup = BeautifulSoup((hostile_site / home).read_text(encoding="utf-8"), "html.parser")
        text = " ".join(soup.get_text().split())
        for written in ('<script>alert("INJECTED")</script>', "[link](javascript:alert(1))",
                        "![pic](https://evil.example/i.png)", "**bold**", "{{ 7*7 }}", "{% raw %}", "$x^2$",
                        "&amp;", "<!-- comment -->", "# INJECTED heading", "<div>block</div>"):
            assert written in text, f"{home}: {written!r} is not shown as written"
    # The English description names the speaker in his English name and office, free text.
    soup = BeautifulSoup((hostile_site / "en/index.html").read_text(encoding="utf-8"), "html.parser")
    assert '<script>alert("INJECTED")</script>' in soup.find("meta", attrs={"name": "description"})["content"]
    # The site's name, from data/, in the tab, the header and the link previews: escaped once,
    # so shown as written (not as &lt;script&gt;).
    document = yaml.safe_load((hostile_site.parent / "data/document.yaml").read_text(encoding="utf-8"))
    name = document["site_title"]["en"]
    results = BeautifulSoup((hostile_site / "en/results.html").read_text(encoding="utf-8"), "html.parser")
    assert results.title.get_text().endswith(f" - {name}")
    assert " ".join(results.select_one(".md-header__topic").get_text().split()) == " ".join(name.split())
    assert results.find("meta", property="og:title")["content"] == f"Results so far · {name}"
    assert results.find("meta", property="og:site_name")["content"] == name


@pytest.fixture(scope="module")
def hostile_url(hostile_site, tmp_path_factory):
    """The site with markup in its data, served under the sub-path it was built for."""
    import functools
    import threading
    from http.server import ThreadingHTTPServer

    from tests.conftest import SUB_PATH, QuietHandler, free_port

    root = tmp_path_factory.mktemp("hostile-web")
    (root / SUB_PATH.strip("/")).symlink_to(hostile_site)
    port = free_port()
    server = ThreadingHTTPServer(("127.0.0.1", port), functools.partial(QuietHandler, directory=str(root)))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    yield f"http://127.0.0.1:{port}{SUB_PATH}"
    server.shutdown()
    server.server_close()


@pytest.mark.parametrize("start", ["index.html", "en/index.html"])
def test_search_results_show_the_markup_as_text(hostile_url, browser, start):
    """The search index holds the data's text; the results dialog shows it and runs nothing."""
    context = browser.new_context()
    tab = context.new_page()
    dialogs = []
    tab.on("dialog", lambda dialog: (dialogs.append(dialog.message), dialog.dismiss()))
    tab.goto(hostile_url + start)
    tab.keyboard.press("/")
    tab.wait_for_selector("pagefind-modal input", state="visible")
    tab.keyboard.type("INJECTED")
    tab.wait_for_selector("pagefind-modal pagefind-results a", timeout=20_000)
    tab.wait_for_timeout(1000)
    results = tab.eval_on_selector("pagefind-modal pagefind-results", "element => element.innerHTML")
    text = tab.eval_on_selector("pagefind-modal pagefind-results", "element => element.textContent")
    context.close()
    assert dialogs == []
    assert live_markup(results) == []
    assert "INJECTED" in text and "<script>" in text


def test_no_spreadsheet_cell_is_a_formula_and_the_json_keeps_the_text(hostile_site):
    downloads = hostile_site / "downloads"
    rows = list(csv.reader(io.StringIO((downloads / "figures.csv").read_text(encoding="utf-8-sig"))))
    header = rows[0]
    cells = [(header[column], cell) for row in rows[1:] for column, cell in enumerate(row)]
    assert [cell for name, cell in cells if cell.startswith(("=", "+", "@", "\t", "\r"))
            or cell.startswith("-") and name != "value"] == []
    assert any(cell.startswith("'=HYPERLINK(") for name, cell in cells if name == "label_en")
    figures = json.loads((downloads / "figures.json").read_text(encoding="utf-8"))["figures"]
    assert all(figure["label_en"].startswith('=HYPERLINK("https://evil.example/","x") <script>') for figure in figures)
