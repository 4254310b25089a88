"""What a reader gets, checked in Debian's Chromium on every page in both languages (and both 404
pages): no serious accessibility violations in either colour scheme, key figures in the first
screen of the home page, tables and charts that fit and stay legible on a phone, sentence
permalinks that never cover text, each page in its own language, and no template text leaking.

Each failure names the page, the screen width, the scheme, what is wrong and a few of the
offending elements (as short CSS selectors) or texts."""

from __future__ import annotations

import re
from html.parser import HTMLParser

import pytest
import yaml
from bs4 import BeautifulSoup

from tests.conftest import READER_PAGES, ROOT, BuiltSite

AXE = ROOT / "node_modules" / "axe-core" / "axe.min.js"
HOME_PAGES = ["index.html", "en/index.html"]
SPEECH_PAGES = ["speech.html", "en/speech.html"]
CHART_PAGES = ["results.html", "en/results.html"]  # pages that must have charts
WIDTHS = [390, 1280]
SCHEMES = ["light", "dark"]


def is_english(path: str) -> bool:
    return path.startswith("en/")


# JavaScript helpers shared by the checks below, prepended to each function run in the page.
HELPERS = r"""
// A short CSS selector for an element: up to four steps, from the nearest id or the article.
const describe = (element) => {
    const steps = [];
    for (let node = element; node && node.nodeType === 1 && steps.length < 4; node = node.parentElement) {
        if (node.id) { steps.unshift(`${node.localName}#${CSS.escape(node.id)}`); break; }
        if (node.localName === "article") { steps.unshift("article"); break; }
        let step = node.localName + (node.classList.length ? "." + CSS.escape(node.classList[0]) : "");
        const siblings = node.parentElement ? [...node.parentElement.children].filter(c => c.localName === node.localName) : [];
        if (siblings.length > 1) step += `:nth-of-type(${siblings.indexOf(node) + 1})`;
        steps.unshift(step);
    }
    return steps.join(" > ");
};
const round = (number) => Math.round(number * 10) / 10;
const NOT_TEXT = "script, style, noscript, template";
// Text nodes under root (not in script, style, noscript or template), optionally leaving out a subtree.
const textNodes = (root, leaveOut = null) => {
    const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT, {acceptNode: node =>
        node.parentElement.closest(NOT_TEXT) || (leaveOut && leaveOut.contains(node))
            ? NodeFilter.FILTER_REJECT : NodeFilter.FILTER_ACCEPT});
    const nodes = [];
    while (walker.nextNode()) nodes.push(walker.currentNode);
    return nodes;
};
// A Range over one character of a text node.
const characterRange = (node, index) => {
    const range = document.createRange();
    range.setStart(node, index);
    range.setEnd(node, index + 1);
    return range;
};
// Open every <details> in the article: what a reader can unfold must fit too.
const unfold = () => document.querySelectorAll("article details").forEach(details => { details.open = true; });
"""


def run(tab, body: str, argument=None):
    """Run a JavaScript function body (with HELPERS in scope) in the page and return its result."""
    return tab.evaluate(f"async (argument) => {{\n{HELPERS}\n{body}\n}}", argument)


def first(items: list, count: int = 5) -> str:
    """The first few items, for a failure message."""
    return "; ".join(str(item) for item in items[:count]) + (" ..." if len(items) > count else "")


def expect_none(problems: list, message: str) -> None:
    """Fail with message alone (it names the page, the screen and the offending elements)."""
    if problems:
        pytest.fail(message, pytrace=False)


def built_html(site: BuiltSite, path: str) -> str:
    """The page as the server sends it."""
    file = site.directory / path
    assert file.is_file(), f"{path}: the page is missing from the built site"
    return file.read_text(encoding="utf-8")


# 1. Accessibility ---------------------------------------------------------------------------


AXE_RUN = """
const result = await axe.run(document, {resultTypes: ["violations"]});
return result.violations
    .filter(violation => violation.impact === "serious" || violation.impact === "critical")
    .map(violation => ({id: violation.id, impact: violation.impact, nodes: violation.nodes.length,
                        targets: violation.nodes.slice(0, 3).map(node => node.target.join(" "))}));
"""


@pytest.mark.parametrize("scheme", SCHEMES)
@pytest.mark.parametrize("path", READER_PAGES)
def test_no_serious_accessibility_violations(reader_page, path, scheme):
    """Readers with screen readers, keyboards or low vision can use every page in both colour
    schemes: axe-core finds no violation of impact "serious" or "critical"."""
    assert AXE.is_file(), f"{AXE} is missing: run `make node` (npm ci) first"
    tab = reader_page(path, 1280, scheme)
    tab.add_script_tag(path=str(AXE))
    violations = run(tab, AXE_RUN)
    expect_none(violations, f"{path} at 1280 px, {scheme}: {len(violations)} serious/critical axe rules fail: " +
                "; ".join(f"{v['id']} ({v['impact']}, {v['nodes']} nodes: {', '.join(v['targets'])})" for v in violations))


@pytest.mark.parametrize("scheme", SCHEMES)
@pytest.mark.parametrize("path, query", [("index.html", "校验值"), ("en/index.html", "cattle")])
def test_the_search_dialog_with_results_has_no_serious_accessibility_violations(reader_page, path, query, scheme):
    """The search dialog, opened and showing results, on a phone in both schemes."""
    tab = reader_page(path, 390, scheme)
    tab.keyboard.press("/")
    tab.wait_for_selector("pagefind-modal input", state="visible")
    tab.keyboard.type(query)
    tab.wait_for_selector("pagefind-modal pagefind-results a", timeout=20_000)
    tab.wait_for_timeout(500)
    tab.add_script_tag(path=str(AXE))
    violations = run(tab, AXE_RUN)
    expect_none(violations, f"{path}, search for {query!r} at 390 px, {scheme}: " +
                "; ".join(f"{v['id']} ({v['impact']}, {v['nodes']} nodes: {', '.join(v['targets'])})" for v in violations))


# 2. Home page: the main points in the first screen, then the key figures -----------------------


FIRST_SCREEN = """
const height = innerHeight, width = innerWidth;
const points = document.querySelector("article .main-points");
const items = [...points.querySelectorAll("li")];
const whole = items.filter(item => { const box = item.getBoundingClientRect();
                                     return box.top >= 0 && box.bottom <= height; });
const cards = [...document.querySelectorAll("article .card")];
const values = cards.flatMap(card => [...card.querySelectorAll(".card-value")].map(value => {
    const range = document.createRange();
    range.selectNodeContents(value);
    const tops = [...range.getClientRects()].map(rect => rect.top);
    const box = card.getBoundingClientRect();
    const sticksOut = [...range.getClientRects()].some(rect => rect.right > box.right + 1 || rect.left < box.left - 1);
    return {text: value.textContent.trim(), lines: tops.length ? round(Math.max(...tops) - Math.min(...tops)) : 0,
            scrollWidth: value.scrollWidth, clientWidth: value.clientWidth, sticksOut};
}));
return {scrollY, height, width, items: items.length, whole: whole.length,
        pointsTop: round(points.getBoundingClientRect().top),
        gap: round(cards[0].getBoundingClientRect().top - points.getBoundingClientRect().bottom),
        cardsInRow: cards.filter(card => card.getBoundingClientRect().top === cards[0].getBoundingClientRect().top).length,
        values};
"""


@pytest.mark.parametrize("width", WIDTHS)
@pytest.mark.parametrize("path", HOME_PAGES)
def test_home_opens_with_the_main_points_then_the_key_figures(reader_page, path, width):
    """A reader who opens the home page reads the main points in the first screen (at least two of
    them whole), and the key-figure cards follow them at once, two or more to a row, each value on
    one line and never cut off."""
    tab = reader_page(path, width)
    screen = run(tab, FIRST_SCREEN)
    where = f"{path} at {width} px, light"
    assert screen["scrollY"] == 0, f"{where}: the page opened scrolled to {screen['scrollY']} px"
    assert screen["width"] == width, (f"{where}: the page is wider than the screen; Chromium shows it zoomed out "
                                      f"to {screen['width']} x {screen['height']} CSS px")
    assert screen["whole"] >= 2, (f"{where}: only {screen['whole']} of {screen['items']} main points lie entirely "
                                  f"within the first screen of {screen['height']} px (need 2); they start at "
                                  f"{screen['pointsTop']} px")
    assert 0 <= screen["gap"] <= 120, f"{where}: the cards start {screen['gap']} px below the main points"
    assert screen["cardsInRow"] >= 2, f"{where}: {screen['cardsInRow']} card in the first row (need 2 or more)"
    wrapped = [f"{v['text']!r} (its text boxes start {v['lines']} px apart)" for v in screen["values"] if v["lines"] > 2]
    clipped = [f"{v['text']!r} (scrollWidth {v['scrollWidth']} > clientWidth {v['clientWidth']}"
               f"{', sticks out of its card' if v['sticksOut'] else ''})"
               for v in screen["values"] if v["scrollWidth"] > v["clientWidth"] or v["sticksOut"]]
    expect_none(wrapped, f"{where}: {len(wrapped)} card values wrap onto a second line: {first(wrapped)}")
    expect_none(clipped, f"{where}: {len(clipped)} card values are cut off: {first(clipped)}")


# 3. Tables on a phone ---------------------------------------------------------------------------


TABLES = """
unfold();
const article = document.querySelector("article");
const frame = article.getBoundingClientRect();
const tables = [...article.querySelectorAll("table")].filter(table => table.getClientRects().length)
    .filter(table => { const box = table.getBoundingClientRect();
                       return box.right > frame.right + 1 || box.left < frame.left - 1; })
    .map(table => { const box = table.getBoundingClientRect();
                    return `${describe(table)} spans ${round(box.left)}..${round(box.right)} px`; });
const scrollers = [...article.querySelectorAll("*")].filter(element => {
    const overflow = getComputedStyle(element).overflowX;
    return (overflow === "auto" || overflow === "scroll") && element.scrollWidth > element.clientWidth + 1;
}).map(element => `${describe(element)} (${element.scrollWidth} px of content in ${element.clientWidth} px)`);
const root = document.documentElement;
return {article: [round(frame.left), round(frame.right)], tables, scrollers,
        page: {scrollWidth: root.scrollWidth, clientWidth: root.clientWidth}};
"""


@pytest.mark.parametrize("path", READER_PAGES)
def test_no_table_scrolls_sideways_on_a_phone(reader_page, path):
    """On a 390 px phone every table (also those in unfolded <details>) fits the text column:
    nothing in the article, and not the page itself, has to be scrolled sideways."""
    tab = reader_page(path, 390)
    found = run(tab, TABLES)
    where = f"{path} at 390 px, light"
    left, right = found["article"]
    expect_none(found["tables"], f"{where}: {len(found['tables'])} tables stick out of the article "
                                 f"({left}..{right} px): {first(found['tables'], 3)}")
    expect_none(found["scrollers"], f"{where}: {len(found['scrollers'])} elements in the article scroll "
                                    f"sideways: {first(found['scrollers'], 3)}")
    page = found["page"]
    assert page["scrollWidth"] <= page["clientWidth"], \
        f"{where}: the page scrolls sideways ({page['scrollWidth']} px of content in {page['clientWidth']} px)"


@pytest.mark.parametrize("path", READER_PAGES)
def test_tables_fit_and_give_every_column_room_on_a_desktop(reader_page, path):
    """At 1280 px every table fits the text column (nothing clipped or scrolled), and no column
    of a figures table is squeezed below 6 em (a note run down 30 lines of a 65 px column)."""
    tab = reader_page(path, 1280)
    found = run(tab, TABLES + "")
    where = f"{path} at 1280 px, light"
    expect_none(found["tables"], f"{where}: {len(found['tables'])} tables stick out of the article: "
                                 f"{first(found['tables'], 3)}")
    expect_none(found["scrollers"], f"{where}: {len(found['scrollers'])} elements scroll sideways: "
                                    f"{first(found['scrollers'], 3)}")
    narrow = run(tab, """
const narrow = [];
for (const table of document.querySelectorAll("article .figures table")) {
    const em = parseFloat(getComputedStyle(table).fontSize);
    for (const head of table.querySelectorAll("thead th")) {
        const width = head.getBoundingClientRect().width;
        if (width < 6 * em) narrow.push(`${describe(table)}: column "${head.textContent}" is ${round(width)} px (< 6 em)`);
    }
}
return narrow;
""")
    expect_none(narrow, f"{where}: {len(narrow)} squeezed columns: {first(narrow, 4)}")


SHORT_THINGS = ".source-link, .md-typeset .occurrences a, .figures .basis, .card-value, .nowrap, .bar-value, .figures .period"


@pytest.mark.parametrize("path", READER_PAGES)
@pytest.mark.parametrize("width", [390, 1280])
def test_short_values_and_links_never_break_inside(reader_page, path, width):
    """A source link, a period, a comparison, an occurrence link or a value such as UTF-8 is
    read as one word: it is never split over two lines ("出 / 处", "2024年上半 / 年")."""
    tab = reader_page(path, width)
    broken = run(tab, """
const broken = [];
for (const element of document.querySelectorAll(argument)) {
    if (!element.textContent.trim() || !element.getClientRects().length) continue;
    const range = document.createRange();
    range.selectNodeContents(element);
    const tops = new Set([...range.getClientRects()].filter(box => box.width > 0).map(box => Math.round(box.top / 4)));
    if (tops.size > 1) broken.push(`${describe(element)} "${element.textContent.trim()}"`);
}
return broken;
""", SHORT_THINGS)
    expect_none(broken, f"{path} at {width} px: {len(broken)} short values or links broken over lines: {first(broken, 5)}")


@pytest.mark.parametrize("path", READER_PAGES)
def test_no_heading_ends_in_a_blank_line_on_a_phone(reader_page, path):
    """A heading that fills its line does not wrap its hidden ¶ permalink onto a line of its own,
    which shows as a blank line under the heading."""
    tab = reader_page(path, 390)
    blank = run(tab, """
const blank = [];
for (const heading of document.querySelectorAll("article h1, article h2, article h3")) {
    const range = document.createRange();
    let bottom = 0;
    for (const node of textNodes(heading)) {
        if (node.parentElement.closest(".headerlink") || !node.data.trim()) continue;
        range.selectNodeContents(node);
        for (const box of range.getClientRects()) bottom = Math.max(bottom, box.bottom);
    }
    const style = getComputedStyle(heading);
    const inner = heading.getBoundingClientRect().bottom - parseFloat(style.paddingBottom);
    if (bottom && inner - bottom > parseFloat(style.lineHeight) / 2) blank.push(`${describe(heading)} "${heading.textContent.trim()}"`);
}
return blank;
""")
    expect_none(blank, f"{path} at 390 px: {len(blank)} headings end in a blank line: {first(blank, 4)}")


# 4. Chart text on a phone -------------------------------------------------------------------------


MINIMUM_CHART_TEXT = 11  # px: the smallest text a reader can read on a phone without zooming

CHART_TEXT = """
unfold();
const SVG = "http://www.w3.org/2000/svg";
const sizes = [];
for (const element of document.querySelectorAll(".chart *")) {
    const own = [...element.childNodes].filter(node => node.nodeType === Node.TEXT_NODE).map(node => node.data).join("").trim();
    if (!own) continue;
    let size;
    if (element.namespaceURI === SVG) {
        if (!["text", "tspan", "textPath"].includes(element.localName)) continue;  // title, desc, style, metadata: not drawn
        const matrix = element.getScreenCTM();
        size = matrix ? parseFloat(getComputedStyle(element).fontSize) * Math.hypot(matrix.a, matrix.b) : 0;
    } else {
        if (element.closest(NOT_TEXT)) continue;
        size = parseFloat(getComputedStyle(element).fontSize);
    }
    sizes.push({what: describe(element), text: own.slice(0, 30), size: round(size)});
}
return {charts: document.querySelectorAll(".chart").length, sizes};
"""


CHART = re.compile(r"""class=["'][^"']*\bchart\b""")


@pytest.mark.parametrize("path", READER_PAGES)
def test_chart_text_is_legible_on_a_phone(site, reader_page, path):
    """On a 390 px phone every label, number and caption of a chart (SVG text scaled down with its
    chart included) renders at 11 px or more. The results pages must have charts. (Pages whose
    HTML has no element of class "chart" are not opened in the browser: nothing to measure.)"""
    if path not in CHART_PAGES and not CHART.search(built_html(site, path)):
        return
    tab = reader_page(path, 390)
    found = run(tab, CHART_TEXT)
    where = f"{path} at 390 px, light"
    if path in CHART_PAGES:
        assert found["charts"] and found["sizes"], f"{where}: no .chart with text found (the results page has charts)"
    small = sorted((s for s in found["sizes"] if s["size"] < MINIMUM_CHART_TEXT), key=lambda s: s["size"])
    expect_none(small, (
        f"{where}: {len(small)} of {len(found['sizes'])} chart texts in {found['charts']} charts render below "
        f"{MINIMUM_CHART_TEXT} px: " + first([f"{s['text']!r} {s['size']} px ({s['what']})" for s in small])))


# 5. Sentence permalinks ---------------------------------------------------------------------------


PERMALINKS = """
const overlap = (a, b) => Math.min(a.right, b.right) - Math.max(a.left, b.left) > 0.5
                       && Math.min(a.bottom, b.bottom) - Math.max(a.top, b.top) > 0.5;
// The Range over the first (or last) non-blank character of the text under root, outside leaveOut.
const edgeCharacter = (root, leaveOut, last) => {
    const nodes = textNodes(root, leaveOut);
    for (const node of last ? nodes.reverse() : nodes) {
        const indexes = [...node.data].map((c, i) => i).filter(i => node.data[i].trim());
        if (indexes.length) return characterRange(node, last ? indexes.at(-1) : indexes[0]);
    }
    return null;
};
const missing = [], coverNext = [], coverOwn = [];
for (const sentence of document.querySelectorAll(".sentence")) {
    const id = sentence.dataset.sentence || sentence.id;
    const link = sentence.querySelector(":scope > a.sentence-link");
    if (!link) { missing.push(id); continue; }
    const box = link.getBoundingClientRect();
    const own = edgeCharacter(sentence, link, true);
    if (own && overlap(box, own.getBoundingClientRect())) coverOwn.push(id);
    const next = sentence.nextElementSibling;
    if (next && next.classList.contains("sentence")) {
        const start = edgeCharacter(next, next.querySelector(":scope > a.sentence-link"), false);
        if (start && overlap(box, start.getBoundingClientRect())) coverNext.push(`${id}→${next.dataset.sentence || next.id}`);
    }
}
return {sentences: document.querySelectorAll(".sentence").length, missing, coverNext, coverOwn};
"""


@pytest.mark.parametrize("width", WIDTHS)
@pytest.mark.parametrize("path", SPEECH_PAGES)
def test_sentence_permalinks_never_cover_text(reader_page, path, width):
    """A sentence's ¶ permalink, when shown, covers neither the first character of the sentence
    that follows it nor the last character of its own sentence."""
    tab = reader_page(path, width)
    tab.add_style_tag(content=".sentence-link{opacity:1!important}")
    found = run(tab, PERMALINKS)
    where = f"{path} at {width} px, light"
    assert found["sentences"], f"{where}: no .sentence found"
    expect_none(found["missing"], f"{where}: {len(found['missing'])} of {found['sentences']} sentences have no "
                                  f"a.sentence-link: {first(found['missing'])}")
    expect_none(found["coverNext"], f"{where}: {len(found['coverNext'])} of {found['sentences']} permalinks cover the "
                                    f"first character of the next sentence: {first(found['coverNext'], 8)}")
    expect_none(found["coverOwn"], f"{where}: {len(found['coverOwn'])} of {found['sentences']} permalinks cover the "
                                   f"last character of their own sentence: {first(found['coverOwn'], 8)}")


# 6. Each page in its own language ----------------------------------------------------------------


# Latin words a Chinese page may show although the speech does not contain them: names of file
# formats and standards that have no Chinese name and are written in Latin letters in Chinese
# text too. Only those a Chinese page names today; add one only with the reason it is needed.
ALLOWED_LATIN = {
    "CSV", "JSON",       # the formats of the downloads (downloads page)
    "UTF", "BOM",        # "UTF-8（带BOM）": the encoding of the CSV files, so that Excel reads them
    "Excel",             # the spreadsheet the CSV files open in directly (downloads page)
    "Frictionless",      # Frictionless Data Package: the standard datapackage.json follows
    "SHA",               # "SHA-256": the checksums of the downloads and of the speech
    "KB",                # the size of each download, as Chinese sites write it (downloads page)
    "GB", "DS", "OL",    # "GB/T 7714", the national standard for references, and its [DS/OL] (online dataset)
    "CC", "BY",          # "CC BY 4.0": the licence of the data (every page's footer)
    "YAML",              # the format of the data files under data/ (About page)
}
# A word in Latin letters, with the accented letters of pinyin (liǎng) kept in the word; it counts
# if it has two ASCII letters in a row ([A-Za-z]{2,}).
LATIN_WORD = re.compile(r"[A-Za-z\u00c0-\u024f\u1e00-\u1eff]+")
ENGLISH_LETTERS = re.compile(r"[A-Za-z]{2,}")
# Not words: web addresses and hexadecimal checksums (SHA-256 digests, commit ids).
NOT_WORDS = re.compile(r"https?://\S+|\b(?=[0-9a-f]*[0-9])(?=[0-9a-f]*[a-f])[0-9a-f]{7,}\b")
HAN = re.compile(r"[\u3400-\u9fff]+")

WORDING = """
const ATTRIBUTES = ["aria-label", "title", "placeholder", "alt"];
const langOf = (element) => (element.closest("[lang]")?.getAttribute("lang") || "").toLowerCase();
const items = [{text: document.title, where: "head > title", lang: langOf(document.documentElement)}];
// Text in every rendered element (display is not none), also in menus and drawers that a reader
// opens (hidden only by opacity, visibility or height until then).
for (const node of textNodes(document.body)) {
    const parent = node.parentElement;
    // Code (file names, checksums, identifiers) is in no human language.
    if (!node.data.trim() || !parent.checkVisibility() || parent.closest("code")) continue;
    items.push({text: node.data.trim(), where: describe(parent), lang: langOf(parent)});
}
for (const element of document.querySelectorAll("*")) {
    for (const name of ATTRIBUTES) {
        const value = element.getAttribute(name);
        if (value && value.trim()) items.push({text: value.trim(), where: `${describe(element)} [${name}]`, lang: langOf(element)});
    }
}
return items;
"""


def speech_words() -> set[str]:
    """The Latin words of the Chinese speech (the file that data/document.yaml names)."""
    document = yaml.safe_load((ROOT / "data" / "document.yaml").read_text(encoding="utf-8"))
    return set(LATIN_WORD.findall((ROOT / document["source"]["file"]).read_text(encoding="utf-8")))


def latin_words(text: str) -> list[str]:
    return [word for word in LATIN_WORD.findall(NOT_WORDS.sub(" ", text)) if ENGLISH_LETTERS.search(word)]


def foreign_in_chinese(items: list[dict]) -> list[tuple[str, str]]:
    """(word, element) for each Latin word that is neither in the speech nor allowed, in text that
    is marked Chinese or not marked at all. Pinyin marked lang="zh-Latn..." is Chinese: left out."""
    allowed = speech_words() | ALLOWED_LATIN
    return [(word, item["where"]) for item in items
            if (item["lang"].startswith("zh") or not item["lang"]) and not item["lang"].startswith("zh-latn")
            for word in latin_words(item["text"]) if word not in allowed]


def chinese_in_english(items: list[dict]) -> list[tuple[str, str]]:
    """(run of Han characters, element) for each one outside elements marked lang="zh..."."""
    return [(run, item["where"]) for item in items if not item["lang"].startswith("zh")
            for run in HAN.findall(item["text"])]


@pytest.mark.parametrize("path", READER_PAGES)
def test_each_page_is_in_its_own_language(reader_page, path):
    """A Chinese page shows no English beyond the Latin words of the speech itself (EOD, LNG, ...)
    and a few names of file formats; an English page shows no Chinese characters. Both hold for
    visible text, the page title, and aria-label, title, placeholder and alt, except inside
    elements marked with the other language's lang attribute."""
    tab = reader_page(path, 1280)
    items = run(tab, WORDING)
    if is_english(path):
        found, what = chinese_in_english(items), "runs of Chinese characters outside lang=zh"
    else:
        found, what = foreign_in_chinese(items), "Latin words neither in the speech nor in ALLOWED_LATIN"
    words = sorted({word for word, _ in found})
    expect_none(found, f"{path} at 1280 px, light: {len(found)} {what} ({len(words)} distinct: "
                       f"{first(words, 15)}); first: {first([f'{word!r} in {element}' for word, element in found], 8)}")


# Text that a reader sees apart stays apart as text ------------------------------------------------

RUN_TOGETHER = r"""
    const content = document.querySelector("[data-pagefind-body]") || document.querySelector("article");
    // The nearest ancestor laid out as its own box (a cell, a list item, a block-styled span).
    const box = (node) => {
        let element = node.parentElement;
        while (element !== content && getComputedStyle(element).display.startsWith("inline")) element = element.parentElement;
        return element;
    };
    const shown = (node) => node.parentElement.getClientRects().length > 0;
    const found = [];
    let previous = null, spaced = false;
    for (const node of textNodes(content)) {
        const text = node.textContent;
        if (!text.trim()) { spaced = spaced || text.length > 0; continue; }
        if (!shown(node)) continue;
        if (previous && !spaced && !/\s$/.test(previous.textContent) && !/^\s/.test(text) && box(previous) !== box(node))
            found.push(`${previous.textContent.slice(-12)}|${text.slice(0, 12)} in ${describe(box(node))}`);
        previous = node;
        spaced = false;
    }
    return found;
"""


@pytest.mark.parametrize("path", READER_PAGES)
def test_text_shown_apart_is_apart_in_the_text(reader_page, path):
    """Words a reader sees in separate boxes (table cells, list items, a card's value and label)
    are separated by white space in the page's text too: search excerpts, copied text and
    screen readers otherwise run them together ("growth5.3%", "IndicatorValuePeriod")."""
    found = run(reader_page(path, 1280), RUN_TOGETHER)
    expect_none(found, f"{path} at 1280 px: {len(found)} places where separate boxes' text runs together; "
                       f"first: {first(found, 6)}")


# Long pages scroll to their end ------------------------------------------------------------------

LONG_PAGES = [f"{root}{name}.html" for root in ("", "en/") for name in ("speech", "parallel", "glossary", "results", "checks", "projects")]

SCROLL_THROUGH = r"""
    const heights = [document.documentElement.scrollHeight];
    for (const fraction of [0.25, 0.5, 0.75, 1]) {
        scrollTo(0, fraction * (document.documentElement.scrollHeight - innerHeight));
        await new Promise(resolve => requestAnimationFrame(() => requestAnimationFrame(resolve)));
        heights.push(document.documentElement.scrollHeight);
    }
    scrollTo(0, 0);
    return heights;
"""

AT_THE_END = r"""
    const footer = document.querySelector("footer").getBoundingClientRect();
    return {bottom: Math.round(footer.bottom), screen: innerHeight,
            scrolled: Math.round(scrollY + innerHeight), height: document.documentElement.scrollHeight};
"""


@pytest.mark.parametrize("width", WIDTHS)
@pytest.mark.parametrize("path", LONG_PAGES)
def test_long_pages_keep_their_height_and_the_end_key_reaches_the_footer(reader_page, path, width):
    """The page's height is the same before and while a reader scrolls through it (a block laid
    out only when near the screen once made the scrollbar jump), and the End key shows the
    footer at the bottom of the screen."""
    tab = reader_page(path, width)
    heights = run(tab, SCROLL_THROUGH)
    assert len(set(heights)) == 1, f"{path} at {width} px: the page's height changes while scrolling: {heights} px"
    tab.keyboard.press("End")
    tab.wait_for_function("Math.abs(scrollY + innerHeight - document.documentElement.scrollHeight) <= 1")
    end = run(tab, AT_THE_END)
    assert end["bottom"] <= end["screen"] + 1 and end["scrolled"] >= end["height"] - 1, (
        f"{path} at {width} px: after the End key the footer ends at {end['bottom']} px on a "
        f"{end['screen']} px screen; scrolled to {end['scrolled']} of {end['height']} px")


LANDING = r"""
    const target = document.getElementById(argument);
    const box = target.getBoundingClientRect();
    const header = document.querySelector(".md-header").getBoundingClientRect();
    return {top: Math.round(box.top), bottom: Math.round(box.bottom), header: Math.round(header.bottom),
            screen: innerHeight, marked: getComputedStyle(target).backgroundColor};
"""


def last_sentence_id() -> str:
    speech = yaml.safe_load((ROOT / "data/speech.yaml").read_text(encoding="utf-8"))
    return list(speech)[-1]


@pytest.mark.parametrize("width", WIDTHS)
@pytest.mark.parametrize("path", SPEECH_PAGES + ["parallel.html", "en/parallel.html"])
def test_a_link_to_the_last_sentence_lands_on_it_below_the_header(reader_page, path, width):
    """A link to the speech's last sentence shows that sentence on the screen, whole, below the
    sticky header, and marked."""
    sentence = last_sentence_id()
    tab = reader_page(f"{path}#{sentence}", width)
    tab.wait_for_timeout(300)
    where = run(tab, LANDING, sentence)
    assert where["top"] >= where["header"] and where["bottom"] <= where["screen"], (
        f"{path}#{sentence} at {width} px: the sentence spans {where['top']}-{where['bottom']} px, "
        f"below a header ending at {where['header']} px on a {where['screen']} px screen")
    assert where["marked"] not in ("rgba(0, 0, 0, 0)", "transparent"), f"{path}#{sentence}: the sentence is not marked"


# 7. No template leakage ---------------------------------------------------------------------------


LEAKS = ("{{", "{%", "description:", "hide:")
PLACEHOLDER = re.compile(r"\{\d[^{}]*\}")


class ArticleText(HTMLParser):
    """The text of the page's <article> (what a reader reads there), without script and style."""

    SILENT = {"script", "style", "template", "noscript"}

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.found, self.depth, self.silent, self.parts = False, 0, 0, []

    def handle_starttag(self, tag: str, attrs) -> None:
        if tag == "article":
            self.found = True
            self.depth += 1
        elif self.depth and tag in self.SILENT:
            self.silent += 1

    def handle_endtag(self, tag: str) -> None:
        if tag == "article" and self.depth:
            self.depth -= 1
        elif self.depth and tag in self.SILENT and self.silent:
            self.silent -= 1

    def handle_data(self, data: str) -> None:
        if self.depth and not self.silent:
            self.parts.append(data)


def article_text(html: str) -> str | None:
    parser = ArticleText()
    parser.feed(html)
    return "".join(parser.parts) if parser.found else None


@pytest.mark.parametrize("path", READER_PAGES)
def test_no_template_or_front_matter_text_leaks(site, path):
    """A reader never sees Jinja syntax, front matter or an unfilled placeholder like {5.13万亩}
    in the article text (read from the page as served: the article is not changed by scripts).
    The BibTeX and CSL-JSON to copy on the downloads pages are braces by nature, and left out."""
    html = BeautifulSoup(built_html(site, path), "html.parser")
    for formats in html.select(".cite-formats"):
        formats.decompose()
    text = article_text(str(html))
    assert text is not None, f"{path}: the page has no <article>"
    leaks = [f"{leak!r} in …{text[max(0, i - 30):i + 40]!r}…" for leak in LEAKS if (i := text.find(leak)) >= 0]
    leaks += [f"placeholder {m.group()!r}" for m in PLACEHOLDER.finditer(text)]
    expect_none(leaks, f"{path}: {len(leaks)} template/front-matter leaks in the article text: {first(leaks)}")
