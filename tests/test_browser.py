"""The built site in Debian's Chromium, served from 127.0.0.1 under a sub-path: search in each
language, the language switch, requests that never leave the machine, no console errors, and
no sideways scrolling on a phone."""

from urllib.parse import unquote

import pytest

PAGES = ["index.html", "about.html", "en/index.html", "en/about.html"]


def search(page, query: str) -> list[str]:
    """Type a query into Material's search box on a freshly loaded page; return the result links."""
    box = page.locator("input.md-search__input")
    box.click()
    box.fill(query)
    page.keyboard.press("End")  # Material's search reacts to key events, not to the value alone
    page.wait_for_function(
        """() => {
            const meta = document.querySelector(".md-search-result__meta");
            const placeholder = JSON.parse(document.getElementById("__config").textContent)
                .translations["search.result.placeholder"];
            return meta && meta.textContent.trim() !== "" && meta.textContent !== placeholder;
        }""")
    return page.eval_on_selector_all("a.md-search-result__link", "links => links.map(link => link.href)")


def test_chinese_query_finds_chinese_pages_only(site, page):
    page.goto(site.url + "index.html")
    results = search(page, "校验值")  # "checksum": one word, segmented by jieba at build time
    assert [unquote(url) for url in results] == [site.url + "about.html", site.url + "about.html#来源"]


def test_english_query_finds_english_pages_only(site, page):
    page.goto(site.url + "en/index.html")
    results = search(page, "prevails")
    assert any(url.startswith(site.url + "en/about.html") for url in results)
    assert all(url.startswith(site.url + "en/") for url in results)


@pytest.mark.parametrize("start, query", [("index.html", "prevails"), ("en/index.html", "原文")])
def test_a_query_in_the_other_language_finds_nothing(site, page, start, query):
    page.goto(site.url + start)
    assert search(page, query) == []


@pytest.mark.parametrize("start, language, target", [
    ("about.html", "en", "en/about.html"),
    ("en/about.html", "zh", "about.html"),
    ("index.html", "en", "en/index.html"),
    ("en/index.html", "zh", "index.html"),
])
def test_language_switch_lands_on_the_same_page(site, page, start, language, target):
    page.goto(site.url + start)
    page.locator(".md-header__option .md-select button").click()
    page.locator(f"a.md-select__link[hreflang={language}]").click()
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
