"""The built site in Debian's Chromium, served from 127.0.0.1 under a sub-path: search in each
language (loaded only when opened, by button or keyboard, in the scheme's colours) that finds
every term of the site, with excerpts in the page's language and its words apart; the language
switch, requests that never leave the machine, no console errors, and no sideways scrolling on a
phone."""

import re
import time
from urllib.parse import unquote, urlsplit

import pytest
import yaml
from bs4 import BeautifulSoup

from tests.conftest import PAGE_NAMES, ROOT, SUB_PATH

NAMES = tuple(name for name in PAGE_NAMES if name != "404")
PAGES = [f"{name}.html" for name in NAMES] + [f"en/{name}.html" for name in NAMES]


def open_search(page) -> None:
    """Open the site's search as a keyboard user does: "/" anywhere on the page."""
    page.keyboard.press("/")
    page.wait_for_selector("pagefind-modal input", state="visible")


def search(page, query: str) -> list[str]:
    """Type a query into the search dialog on a freshly loaded page; return the result links
    once they have settled."""
    open_search(page)
    page.keyboard.type(query)
    # The summary names the query once the search is done ("Searching for cattle..." before).
    page.wait_for_function("""query => {
        const summary = document.querySelector("pagefind-modal pagefind-summary");
        const text = summary ? summary.textContent.trim() : "";
        return text.includes(query) && !text.endsWith("...");
    }""", arg=query)
    read = "links => links.map(link => link.href)"
    results, stable_since = None, time.monotonic()
    while time.monotonic() - stable_since < 1.0:
        page.wait_for_timeout(250)
        current = page.eval_on_selector_all("pagefind-modal pagefind-results a", read)
        if current != results:
            results, stable_since = current, time.monotonic()
    return results


def engine_search(page, site, root: str, queries: list[str], first: int = 5) -> dict[str, list[dict]]:
    """Each query through Pagefind's own API in the browser (the engine the dialog uses): the
    first results of each, as {url, content}."""
    page.goto(site.url + root + "index.html")
    return page.evaluate("""async ([bundle, base, queries, first]) => {
        const pagefind = await import(bundle + "pagefind.js");
        await pagefind.options({baseUrl: base});
        const found = {};
        for (const query of queries) {
            const search = await pagefind.search(query);
            found[query] = await Promise.all(search.results.slice(0, first).map(result => result.data()));
        }
        return found;
    }""", [site.url + root + "pagefind/", SUB_PATH, queries, first])


def shown_text(path, language: str) -> str:
    """The text of a built page's content in its own language, its whitespace collapsed."""
    body = BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser").select_one("[data-pagefind-body]")
    for other in body.select(f'[lang]:not([lang|="{language}"])'):
        other.decompose()
    return " ".join(body.get_text(" ").split())


def unfound_terms(page, site, root: str, language: str, terms: list[str]) -> list[str]:
    """The terms, searched in the language, with no page among their first five results whose
    shown text holds them (a headword standing alone starts with a capital: "Putting on airs")."""
    found = engine_search(page, site, root, terms)
    texts: dict = {}

    def page_holds(url: str, term: str) -> bool:
        path = site.directory / unquote(urlsplit(url).path)[len(SUB_PATH):]
        path = path / "index.html" if path.is_dir() else path
        if path not in texts:
            texts[path] = shown_text(path, language).casefold()
        return term.casefold() in texts[path]

    return [term for term in terms if not any(page_holds(result["url"], term) for result in found[term])]


def site_vocabulary(language: str) -> list[str]:
    """Every glossary headword (projects, enterprises and parks among them) and figure label, in
    the language, as data/ gives them."""
    glossary = yaml.safe_load((ROOT / "data/glossary.yaml").read_text(encoding="utf-8"))
    figures = yaml.safe_load((ROOT / "data/figures.yaml").read_text(encoding="utf-8"))
    return sorted({entry[language] for entry in glossary} | {figure["label"][language] for figure in figures})


@pytest.mark.parametrize("language, root", [("zh", ""), ("en", "en/")])
def test_every_term_of_the_site_finds_a_page_that_holds_it(site, page, language, root):
    """Each headword and figure label, searched in its language, has among the first five results
    a page whose text holds it (Pagefind cuts Chinese one way when indexing and the browser
    another when querying: a term cut differently used to find nothing)."""
    vocabulary = site_vocabulary(language)
    missed = unfound_terms(page, site, root, language, vocabulary)
    assert missed == [], f"{len(missed)} of {len(vocabulary)} terms find no page that holds them: {missed}"


def test_search_text_keeps_table_cells_apart_and_the_page_language_only(site, page):
    """A result's excerpt is read as text: a row's label and value are two words, not one
    ("growth5.3%"), and an English result shows no Chinese quote (nor a Chinese one English)."""
    results_page = BeautifulSoup((site.directory / "en/results.html").read_text(encoding="utf-8"), "html.parser")
    rows = [(row.th.get_text(" ").strip(), row.td.get_text(" ").strip()) for row in results_page.select("tr[id^=figure-]")]
    [english] = [hit for hit in engine_search(page, site, "en/", [rows[0][0]], first=10)[rows[0][0]]
                 if hit["url"].endswith("/en/results.html")]
    run_together = [f"{label}{value}" for label, value in rows if f"{label} {value}" not in english["content"]]
    assert run_together == []
    assert not re.search(r"[\u4e00-\u9fff]", english["content"])
    speech = yaml.safe_load((ROOT / "data/speech.yaml").read_text(encoding="utf-8"))
    first = next(sentence for sentence in speech.values() if len(sentence["zh"]) > 40)
    [chinese] = [hit for hit in engine_search(page, site, "", [first["zh"][:12]], first=10)[first["zh"][:12]]
                 if hit["url"].endswith("/parallel.html")]
    assert first["en"].split(",")[0][:30] not in chinese["content"]


def test_chinese_query_finds_chinese_pages_only(site, page):
    page.goto(site.url + "index.html")
    results = [unquote(url) for url in search(page, "校验值")]  # "checksum": one word, segmented by Pagefind
    assert site.url + "about.html#来源" in results  # a section, not only the page
    assert all(url.startswith(site.url) and not url.startswith(site.url + "en/") for url in results)


def test_english_query_finds_english_pages_only(site, page):
    page.goto(site.url + "en/index.html")
    results = search(page, "prevails")
    assert any(url.startswith(site.url + "en/about.html#") for url in results)
    assert all(url.startswith(site.url + "en/") for url in results)


@pytest.mark.parametrize("start, query", [("index.html", "prevails"), ("en/index.html", "校验值")])
def test_a_query_in_the_other_language_finds_nothing(site, page, start, query):
    page.goto(site.url + start)
    assert search(page, query) == []


@pytest.mark.parametrize("path", ["index.html", "en/results.html"])
def test_nothing_of_search_loads_until_a_reader_opens_it(site, page, page_log, path):
    page.goto(site.url + path, wait_until="load")
    page.wait_for_timeout(500)
    assert [url for url in page_log.requests if "pagefind" in url] == []
    page.click("[data-site-search]")  # the search button in the header
    page.wait_for_selector("pagefind-modal input", state="visible")
    assert any(url.endswith("pagefind-component-ui.js") for url in page_log.requests)
    assert all(url.startswith(site.url) for url in page_log.requests)


def test_the_keyboard_opens_search_moves_through_results_and_closes_it(site, page):
    page.goto(site.url + "en/index.html")
    results = search(page, "cattle")
    assert results
    page.keyboard.press("ArrowDown")  # from the query to the first result
    assert page.evaluate("document.activeElement.href") == results[0]
    page.keyboard.press("ArrowDown")
    assert page.evaluate("document.activeElement.href") == results[1]
    page.keyboard.press("Enter")
    page.wait_for_url(results[1])
    page.goto(site.url + "index.html")
    page.keyboard.press("Control+K")
    page.wait_for_selector("pagefind-modal input", state="visible")
    page.keyboard.press("Escape")
    page.wait_for_selector("pagefind-modal input", state="hidden")


@pytest.mark.parametrize("start, placeholder", [("index.html", "搜索"), ("en/index.html", "Search")])
def test_search_speaks_the_page_language(site, page, start, placeholder):
    page.goto(site.url + start)
    open_search(page)
    assert page.get_attribute("pagefind-modal input", "placeholder") == placeholder


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_search_takes_the_colours_of_the_scheme(site, browser, scheme):
    context = browser.new_context(viewport={"width": 390, "height": 844}, color_scheme=scheme)
    tab = context.new_page()
    tab.goto(site.url + "index.html")
    open_search(tab)
    page_background = tab.evaluate("getComputedStyle(document.body).backgroundColor")
    dialog_background = tab.evaluate(
        "getComputedStyle(document.querySelector('pagefind-modal dialog') || document.querySelector('pagefind-modal')).backgroundColor")
    context.close()
    assert dialog_background == page_background


@pytest.mark.parametrize("start, language, target", [
    ("about.html", "en", "en/about.html"),
    ("en/about.html", "zh", "about.html"),
    ("index.html", "en", "en/index.html"),
    ("en/index.html", "zh", "index.html"),
])
def test_language_switch_lands_on_the_same_page(site, page, start, language, target):
    page.goto(site.url + start)
    switch = page.locator(f".lang-switch a[hreflang={language}]")
    assert switch.is_visible()  # visible text, not hidden behind an icon menu
    switch.click()
    page.wait_for_url(site.url + target)
    assert page.locator("html").get_attribute("lang") == language


def test_pages_request_nothing_but_the_site_and_log_no_errors(site, page, page_log):
    for path in PAGES:
        page.goto(site.url + path)
        page.wait_for_load_state("networkidle")
        search(page, "江源" if not path.startswith("en/") else "Jiangyuan")
        page.wait_for_load_state("networkidle")
    assert page_log.requests
    assert all(url.startswith(site.url) for url in page_log.requests), \
        sorted({url for url in page_log.requests if not url.startswith(site.url)})
    assert page_log.errors == []


@pytest.mark.parametrize("path", PAGES)
def test_no_sideways_scrolling_on_a_phone(site, browser, path):
    context = browser.new_context(viewport={"width": 360, "height": 740}, device_scale_factor=2, is_mobile=True)
    phone = context.new_page()
    phone.goto(site.url + path)
    overflow = phone.evaluate("document.documentElement.scrollWidth - document.documentElement.clientWidth")
    context.close()
    assert overflow <= 0


@pytest.mark.parametrize("path", ["speech.html", "en/speech.html"])
def test_sentence_permalink_shows_on_hover_and_keyboard_focus(site, page, path):
    """Hidden, the ¶ takes no room (no gap after a sentence); on hover and on keyboard focus it shows."""
    page.goto(site.url + path)
    link = "#p08-s03 > a.sentence-link"
    width = f"document.querySelector('{link}').getBoundingClientRect().width"
    assert page.evaluate(width) == 0
    page.hover("#p08-s03")
    page.wait_for_function(f"{width} > 0")
    page.mouse.move(0, 0)
    page.wait_for_function(f"{width} === 0")
    page.focus(link)
    page.wait_for_function(f"{width} > 0")
    page.keyboard.press("Enter")
    page.wait_for_url(site.url + path + "#p08-s03")


def test_a_sentence_link_opens_the_page_at_that_sentence(site, page):
    page.goto(site.url + "en/speech.html#p18-s03")
    top = page.eval_on_selector("#p18-s03", "element => element.getBoundingClientRect().top")
    assert 0 <= top < 300
    assert page.eval_on_selector("#p18-s03", "element => element.matches(':target')")


def box(page, selector: str) -> dict:
    return page.eval_on_selector(selector, "element => element.getBoundingClientRect().toJSON()")


@pytest.mark.parametrize("path", ["parallel.html", "en/parallel.html"])
def test_parallel_text_side_by_side_on_wide_screens(site, page, path):
    page.goto(site.url + path)
    for sentence_id in ("p07-s02", "p08-s03", "p19-s09", "p24-s07"):
        chinese = box(page, f'p.parallel-zh:has([data-sentence="{sentence_id}"])')
        english = box(page, f'p.parallel-en:has([data-sentence="{sentence_id}"])')
        assert chinese["top"] == english["top"], sentence_id   # the same row
        assert chinese["right"] <= english["left"], sentence_id  # Chinese left, English right


@pytest.mark.parametrize("path", ["parallel.html", "en/parallel.html"])
def test_parallel_text_on_a_phone_puts_each_chinese_sentence_before_its_english(site, browser, path):
    context = browser.new_context(viewport={"width": 375, "height": 812}, is_mobile=True, device_scale_factor=2)
    phone = context.new_page()
    phone.goto(site.url + path)
    chinese = box(phone, 'p.parallel-zh:has([data-sentence="p08-s03"])')
    english = box(phone, 'p.parallel-en:has([data-sentence="p08-s03"])')
    after = box(phone, 'p.parallel-zh:has([data-sentence="p08-s04"])')  # the next sentence's Chinese
    overflow = phone.evaluate("document.documentElement.scrollWidth - document.documentElement.clientWidth")
    context.close()
    assert chinese["bottom"] <= english["top"] and english["bottom"] <= after["top"]  # sentence by sentence
    assert abs(english["left"] - chinese["left"]) < 1
    assert overflow <= 0


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_charts_follow_the_light_and_dark_schemes(site, browser, scheme):
    context = browser.new_context(viewport={"width": 1280, "height": 900}, color_scheme=scheme)
    tab = context.new_page()
    tab.goto(site.url + "en/results.html")
    colors = tab.evaluate("""() => {
        const chart = document.querySelector("#chart-growth");
        const text = chart.querySelector(".bar-label");
        const background = getComputedStyle(document.body).backgroundColor;
        return {text: getComputedStyle(text).color, page: getComputedStyle(document.querySelector("article")).color,
                background};
    }""")
    context.close()

    def luminance(color: str) -> float:
        red, green, blue = (float(part) for part in re.findall(r"[\d.]+", color)[:3])
        return 0.2126 * red + 0.7152 * green + 0.0722 * blue

    assert colors["text"] == colors["page"]  # drawn in the text color of the page
    assert abs(luminance(colors["text"]) - luminance(colors["background"])) > 100  # and readable on it
