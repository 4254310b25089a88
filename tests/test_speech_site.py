"""The speech pages of the built site: full text, parallel text and glossary, in both languages."""

from urllib.parse import unquote, urljoin, urlparse

import pytest
from bs4 import BeautifulSoup

from scripts.build.generate import load_site_data
from tests.conftest import ROOT

LANGUAGE_ROOTS = {"zh": "", "en": "en/"}


@pytest.fixture(scope="module")
def data():
    return load_site_data(ROOT)


def soup(site, page: str) -> BeautifulSoup:
    return BeautifulSoup((site.directory / page).read_text(encoding="utf-8"), "html.parser")


def own_text(element) -> str:
    """An element's text without its permalink (the link holds only a word joiner; ¶ is CSS)."""
    return "".join(text for text in element.find_all(string=True)
                   if not text.find_parent(class_=["sentence-link", "headerlink"])).strip()


@pytest.mark.parametrize("language", LANGUAGE_ROOTS)
def test_full_text_anchors_every_sentence_with_its_text(site, data, language):
    page = soup(site, LANGUAGE_ROOTS[language] + "speech.html")
    for sentence_id, sentence in data.translation.items():
        element = page.find(id=sentence_id)
        assert element is not None, sentence_id
        if language == "zh":
            assert own_text(element) == sentence.zh, sentence_id


@pytest.mark.parametrize("language", LANGUAGE_ROOTS)
def test_every_body_sentence_has_a_permalink(site, data, language):
    page = soup(site, LANGUAGE_ROOTS[language] + "speech.html")
    links = {link["href"] for link in page.select("a.sentence-link")}
    headings = {heading["id"] for heading in page.select("article h2[id], article h3[id]")}
    for sentence_id in data.translation:
        # Headings carry Material's own permalink (the ¶ after the heading).
        assert f"#{sentence_id}" in links or sentence_id in headings, sentence_id
    for heading_id in headings & set(data.translation):
        assert page.find(id=heading_id).find("a", class_="headerlink")["href"] == f"#{heading_id}"


@pytest.mark.parametrize("language", LANGUAGE_ROOTS)
def test_parallel_page_pairs_the_same_ids_as_the_full_text(site, data, language):
    page = soup(site, LANGUAGE_ROOTS[language] + "parallel.html")
    chinese = [element["data-sentence"] for element in page.select(".parallel-zh [data-sentence], h2[data-sentence]")]
    english = [element["data-sentence"] for element in page.select(".parallel-en [data-sentence], h2[data-sentence]")]
    assert sorted(chinese) == sorted(english) == sorted(data.translation)
    for paragraph in page.select(".parallel"):
        zh = [span["data-sentence"] for span in paragraph.select(".parallel-zh .sentence")]
        en = [span["data-sentence"] for span in paragraph.select(".parallel-en .sentence")]
        assert zh == en
        assert paragraph.select_one(".parallel-zh")["lang"] == "zh"
        assert paragraph.select_one(".parallel-en")["lang"] == "en"


def test_english_full_text_gives_the_english_and_the_rendered_quantities(site, data):
    page = soup(site, "en/speech.html")
    assert "51,300 mu (about 3,420 ha)" in own_text(page.find(id="p08-s03"))
    assert "{" not in page.find("article").get_text()


@pytest.mark.parametrize("language", LANGUAGE_ROOTS)
def test_terms_in_the_full_text_link_to_their_glossary_entries(site, data, language):
    page = soup(site, LANGUAGE_ROOTS[language] + "speech.html")
    glossary = soup(site, LANGUAGE_ROOTS[language] + "glossary.html")
    links = page.select("a.term")
    assert len(links) > 100
    for link in links:
        target = glossary.find(id=link["href"].split("#")[1])
        assert target is not None and target.name == "dt", link["href"]
    poverty = next(entry for entry in data.glossary if entry.zh == "两不愁三保障")
    assert page.select_one(f'#p11-s02 a.term[href="glossary.html#term-{poverty.id}"]') is not None


def free_occurrences(text: str, term: str, longer_terms: list[str]) -> list[int]:
    """Where term occurs in text outside every occurrence of a longer term that holds it."""
    covered = [(start, start + len(longer)) for longer in longer_terms
               for start in range(len(text)) if text.startswith(longer, start)]
    return [start for start in range(len(text)) if text.startswith(term, start)
            and not any(a <= start and start + len(term) <= b for a, b in covered)]


def test_a_term_is_linked_once_in_every_paragraph_that_has_it(site, data):
    # Read from the page and the glossary: a paragraph links each term it holds exactly once,
    # and never a shorter term inside a longer one (长白山 inside 长白山菌菇小镇).
    page = soup(site, "speech.html")
    paragraphs = page.select("article p.speech-item")
    linked = 0
    for paragraph in paragraphs:
        text = "".join(own_text(sentence) for sentence in paragraph.select(".sentence"))
        for entry in data.glossary:
            longer = [other.zh for other in data.glossary if len(other.zh) > len(entry.zh) and entry.zh in other.zh]
            expected = 1 if free_occurrences(text, entry.zh, longer) else 0
            links = paragraph.select(f'a.term[href="glossary.html#term-{entry.id}"]')
            assert len(links) == expected, (paragraph["id"], entry.zh)
            linked += expected
    assert linked > 150


@pytest.mark.parametrize("language", LANGUAGE_ROOTS)
def test_glossary_lists_every_term_with_its_sentences(site, data, language):
    page = soup(site, LANGUAGE_ROOTS[language] + "glossary.html")
    for entry in data.glossary:
        term = page.find(id=f"term-{entry.id}")
        assert term is not None, entry.id
        text = term.get_text()
        # The English stands alone here, so it starts with a capital ("Three assets").
        assert entry.zh in text and entry.en.casefold() in text.casefold() and entry.pinyin in text
        places = [link["href"] for link in term.find_next_sibling("dd").select(".occurrences a")]
        assert places and all(href.startswith("speech.html#p") for href in places), entry.id


def test_every_link_within_the_site_points_at_something_that_exists(site):
    """Every link, in either language, lands on a file of the site and at the element it names (a
    figure row, a sentence, a part); every image, script and stylesheet is there too."""
    ids = {}
    for path in site.html_pages():
        ids[path] = {element["id"] for element in BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser").find_all(id=True)}
    checked = 0
    for path in site.html_pages():
        page_url = site.url_of(path)
        for link in BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser").select(
                "a[href], link[href], img[src], script[src]"):
            target = urlparse(urljoin(page_url, link.get("href") or link["src"]))
            if not (target.scheme + "://" + target.netloc + target.path).startswith(site.url):
                continue
            target_path = site.directory / unquote(target.path[len(urlparse(site.url).path):] or "index.html")
            if target_path.is_dir():
                target_path = target_path / "index.html"
            assert target_path.is_file(), f"{path.name}: {link}"
            if target.fragment and link.name == "a":
                assert unquote(target.fragment) in ids[target_path], f"{path.name}: {link['href']}"
                checked += 1
    assert checked > 1000
