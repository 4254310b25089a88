"""`make serve` (scripts/tools/serve.py running `mkdocs serve`): an edit in data/ reaches the served page; bad data
keeps the last good pages served, with a banner naming each problem, until the data is fixed."""

from __future__ import annotations

import os
import re
import subprocess
import sys
import time
from collections.abc import Iterator
from contextlib import contextmanager
from html import unescape
from pathlib import Path

import httpx
import pytest

from scripts.build.generate import DataError, load_site_data
from scripts.render.interface import strings
from tests.conftest import ROOT, free_port, screen
from tests.test_validation import edit, line_of

AXE = ROOT / "node_modules" / "axe-core" / "axe.min.js"
BANNER = re.compile(r'<div class="data-problems" role="alert">(.*?)</div>', re.S)
# The home page of each language, and a text of it that the last good data put there.
HOMES = {"index.html": ("zh", "吉林省白山市江源区（白山）"), "en/index.html": ("en", "Jiangyuan, Baishan, Jilin")}


def wait_for(predicate, seconds: float) -> bool:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if predicate():
            return True
        time.sleep(0.2)
    return False


def page_text(url: str) -> str:
    try:
        return httpx.get(url, timeout=2).text
    except httpx.HTTPError:
        return ""


def banner_text(html: str) -> str | None:
    """The text of the data-problems banner, whitespace collapsed; None if the page has none."""
    match = BANNER.search(html)
    return " ".join(unescape(re.sub(r"<[^>]+>", " ", match.group(1))).split()) if match else None


def shown(problem) -> str:
    """How the banner shows a problem: `FILE:LINE` and the message."""
    text = f"{problem.file}:{problem.line} {problem.field + ': ' if problem.field else ''}{problem.message}"
    return " ".join(text.split())


def data_problems(project: Path) -> list:
    with pytest.raises(DataError) as raised:
        load_site_data(project)
    return raised.value.problems


@contextmanager
def serving(project: Path) -> Iterator[tuple[str, Path]]:
    """`make serve` on the project (scripts/tools/serve.py, which runs `mkdocs serve`): yields its address
    and the file its terminal output goes to."""
    port = free_port()
    url = f"http://127.0.0.1:{port}/"
    terminal = project.parent / "terminal.log"  # beside the project: not an input of its build
    with open(terminal, "w", encoding="utf-8") as output:
        server = subprocess.Popen(
            [sys.executable, "-m", "scripts.tools.serve", "--dev-addr", f"127.0.0.1:{port}"], cwd=project,
            env=dict(os.environ, NO_MKDOCS_2_WARNING="1", SITE_URL=url),
            stdout=subprocess.DEVNULL, stderr=output, text=True)
        try:
            yield url, terminal
        finally:
            server.terminate()
            server.wait(timeout=20)


def check_banner_in_a_phone(browser, url: str) -> None:
    """On a 390 px phone, in the light and the dark scheme, the banner is at the top of the page,
    fits the screen, and axe-core finds nothing wrong with it (contrast included)."""
    assert AXE.is_file(), f"{AXE} is missing: run `make node` (npm ci) first"
    for path in HOMES:
        for scheme in ("light", "dark"):
            context = browser.new_context(**screen(390, scheme))
            try:
                tab = context.new_page()
                tab.goto(url + path, wait_until="load")
                tab.add_script_tag(path=str(AXE))
                found = tab.evaluate("""async () => {
                    const banner = document.querySelector('[role="alert"].data-problems');
                    const box = banner.getBoundingClientRect();
                    const result = await axe.run({include: [[".md-banner"]]}, {resultTypes: ["violations"]});
                    return {top: box.top, right: box.right, width: innerWidth,
                            pageWidth: document.documentElement.scrollWidth,
                            scheme: document.body.getAttribute("data-md-color-scheme"),
                            violations: result.violations.map(v => `${v.id} (${v.impact}): ${v.nodes.length} nodes`)};
                }""")
            finally:
                context.close()
            where = f"{path} at 390 px, {scheme}"
            assert found["scheme"] == ("slate" if scheme == "dark" else "default"), where
            assert found["violations"] == [], f"{where}: {found['violations']}"
            assert found["top"] < 20, f"{where}: the banner is not at the top of the page"
            assert found["right"] <= found["width"] and found["pageWidth"] <= found["width"], \
                f"{where}: the banner does not fit the screen"


def test_serve_keeps_the_last_good_pages_with_a_banner_until_the_data_is_fixed(project, browser):
    with serving(project) as (url, terminal):
        assert wait_for(lambda: "Pan Guoqiang" in page_text(url + "en/index.html"), 60), "the server did not start"
        edit(project, "  en: Jiangyuan District, Baishan City, Jilin Province", "  en: Jiangyuan, Baishan, Jilin")
        edit(project, "  zh: 吉林省白山市江源区\n", "  zh: 吉林省白山市江源区（白山）\n")
        for path, (_, last_good) in HOMES.items():
            assert wait_for(lambda: last_good in page_text(url + path), 60), f"{path}: the edit did not show"
            assert banner_text(page_text(url + path)) is None, f"{path}: a banner on good data"

        # A mistake: the pages stay as they were, with a banner naming it, in the page's language.
        edit(project, "  en: Pan Guoqiang", "  en: 42")
        line = line_of(project, "  en: 42")
        [problem] = data_problems(project)
        assert str(problem) == f"data/document.yaml:{line}: speaker.name.en: expected text, found a number 42"
        for path, (language, last_good) in HOMES.items():
            # Each request answers at once (mkdocs used to hold it until the data was fixed).
            assert wait_for(lambda: banner_text(page_text(url + path)) is not None, 20), \
                f"{path}: no banner, or the request hung"
            started = time.monotonic()
            response = httpx.get(url + path, timeout=5)
            assert time.monotonic() - started < 5 and response.status_code == 200
            assert last_good in response.text, f"{path}: not the last good page"
            banner = banner_text(response.text)
            other = "en" if language == "zh" else "zh"
            assert strings(language)["theme.data_problems"] in banner, banner
            assert strings(other)["theme.data_problems"] not in banner, banner
            assert f"data/document.yaml:{line} speaker.name.en: expected text, found a number 42" in banner
        check_banner_in_a_phone(browser, url)

        # Fixed and saved: the banner goes, and the new content shows.
        edit(project, "  en: 42", "  en: Pan Guoqiang")
        edit(project, "  en: Jiangyuan, Baishan, Jilin", "  en: Jiangyuan District in Baishan")
        assert wait_for(lambda: "Jiangyuan District in Baishan" in page_text(url + "en/index.html"), 60)
        for path in HOMES:
            html = page_text(url + path)
            assert banner_text(html) is None, f"{path}: the banner stayed"
            assert 'class="md-banner' not in html
    errors = terminal.read_text(encoding="utf-8")
    assert f"data/document.yaml:{line}: speaker.name.en: expected text, found a number 42" in errors
    assert "Traceback" not in errors


LOADER_ERRORS = {
    "invalid YAML": ("  en: Pan Guoqiang", "  en: ["),
    "control character": ("  en: Pan Guoqiang", "  en: Pan\x07Guoqiang"),
}


@pytest.mark.parametrize("case", LOADER_ERRORS)
def test_serve_without_good_pages_shows_a_loader_error_in_a_banner(project, case):
    """A file the loader cannot read, in a fresh copy (no page generated yet): the server still
    answers, with its 404 page and the banner, and serves the site once the data is fixed."""
    old, new = LOADER_ERRORS[case]
    edit(project, old, new)
    with pytest.raises(DataError) as raised:
        load_site_data(project)
    problems = raised.value.problems
    assert not list(project.glob("docs/*.md")), "test setup: the copy has generated pages"
    with serving(project) as (url, terminal):
        assert wait_for(lambda: banner_text(page_text(url)) is not None, 60), "no banner, or the server hung"
        for path, language in (("", "zh"), ("en/404.html", "en")):
            response = httpx.get(url + path, timeout=5)
            banner = banner_text(response.text)
            assert strings(language)["theme.data_problems"] in banner, f"{path}: {banner}"
            for problem in problems:
                assert shown(problem) in banner, f"{path}: {banner}"
        edit(project, new, old)
        assert wait_for(lambda: "Pan Guoqiang" in page_text(url + "en/index.html"), 60), "the fix did not show"
        assert banner_text(page_text(url + "en/index.html")) is None
    errors = terminal.read_text(encoding="utf-8")
    for problem in problems:
        assert str(problem) in errors
    assert "Traceback" not in errors


def test_one_save_makes_one_rebuild(project):
    """The pages the build writes under docs/ do not start a second build."""
    with serving(project) as (url, terminal):
        assert wait_for(lambda: "Pan Guoqiang" in page_text(url + "en/index.html"), 60), "the server did not start"
        before = terminal.read_text(encoding="utf-8").count("Building documentation...")
        edit(project, "  en: Jiangyuan District, Baishan City, Jilin Province", "  en: Jiangyuan, Baishan, Jilin")
        assert wait_for(lambda: "Jiangyuan, Baishan, Jilin" in page_text(url + "en/index.html"), 60)
        time.sleep(3)  # long enough for a second build to start, if one were coming
        builds = terminal.read_text(encoding="utf-8").count("Building documentation...") - before
    assert builds == 1
