"""Shared fixtures: a copy of the project to break, the real site built and served under a
sub-path, Debian's Chromium driven by Playwright, and pages opened as a reader opens them (on a
phone or a desktop, in the light or the dark scheme)."""

from __future__ import annotations

import functools
import os
import sys
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest

from scripts.build.site import build
from scripts.render.pages import PAGES
from scripts.tools.project import PROJECT_INPUTS, SUB_PATH, copy_project  # noqa: F401 (the tests' copies; the GitHub Pages sub-path)
from scripts.tools.static_server import free_port  # noqa: F401 (the tests' servers)

ROOT = Path(__file__).resolve().parent.parent
FICTIONAL = ROOT / "tests/fixtures/fictional-speech"  # a small speech written for the tests, never published
CHROMIUM = os.environ.get("CHROMIUM", "/usr/bin/chromium")
# Flags for a headless Chromium on a machine without network access or a display.
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                 "--disable-background-networking", "--disable-component-update", "--disable-sync"]
# Every page a reader can reach, in both languages, with the 404 page of each language.
PAGE_NAMES = (*PAGES, "404")  # the registry's pages (scripts/render/pages.py) and the page of a missing address
READER_PAGES = [f"{name}.html" for name in PAGE_NAMES] + [f"en/{name}.html" for name in PAGE_NAMES]
# The two screens a reader uses, by width in CSS pixels: a phone (iPhone 12 to 15) and a laptop.
SCREENS = {
    390: {"viewport": {"width": 390, "height": 844}, "is_mobile": True, "device_scale_factor": 2},
    1280: {"viewport": {"width": 1280, "height": 800}},
}


@pytest.fixture
def project(tmp_path: Path) -> Path:
    """A private copy of the project that a test may break."""
    return copy_project(tmp_path / "project")


@dataclass(frozen=True)
class BuiltSite:
    directory: Path          # the built site
    url: str                 # where it is served: http://127.0.0.1:PORT/jiangyuan-briefing/

    def html_pages(self) -> list[Path]:
        return sorted(self.directory.rglob("*.html"))

    def url_of(self, page: Path) -> str:
        return self.url + page.relative_to(self.directory).as_posix()


def fictional_project(target: Path) -> Path:
    """A copy of the project with the fictional speech (26 sentences, with its confirmed data) in
    place of data/ and seeds/: the small speech the tests of the generator and the build use where
    they test the machinery, not this speech's facts (it builds in about two thirds of the time)."""
    import shutil

    import yaml

    project = copy_project(target)
    shutil.rmtree(project / "data")
    shutil.copytree(FICTIONAL / "data", project / "data")
    shutil.rmtree(project / "seeds")
    (project / "seeds").mkdir()
    document = yaml.safe_load((FICTIONAL / "data/document.yaml").read_text(encoding="utf-8"))
    shutil.copy2(FICTIONAL / "seed.txt", project / "seeds" / Path(document["source"]["file"]).name)
    return project


class QuietHandler(SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args) -> None:  # noqa: A002 (signature of the base class)
        pass


class QuietServer(ThreadingHTTPServer):
    """A server that says nothing when the browser drops a connection it no longer needs (a page
    left while it loads); any other error in a request is printed as usual."""

    def handle_error(self, request, client_address) -> None:
        if not isinstance(sys.exc_info()[1], (BrokenPipeError, ConnectionResetError)):
            super().handle_error(request, client_address)


@contextmanager
def built_and_served(web_root: Path, root: Path = ROOT) -> Iterator[BuiltSite]:
    """The site of the project at root, built with `mkdocs build --strict` into web_root and
    served from 127.0.0.1 under the GitHub Pages sub-path, as long as the context lasts."""
    port = free_port()
    url = f"http://127.0.0.1:{port}{SUB_PATH}"
    directory = web_root / SUB_PATH.strip("/")
    assert build(directory, site_url=url, root=root) == 0, f"the site of {root} did not build"
    handler = functools.partial(QuietHandler, directory=str(web_root))
    server = QuietServer(("127.0.0.1", port), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield BuiltSite(directory, url)
    finally:
        server.shutdown()
        server.server_close()


@pytest.fixture(scope="session")
def site(tmp_path_factory: pytest.TempPathFactory) -> Iterator[BuiltSite]:
    """The real site, built and served under its sub-path."""
    with built_and_served(tmp_path_factory.mktemp("web")) as built:
        yield built


@pytest.fixture(scope="session")
def browser():
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield chromium
        chromium.close()


@dataclass
class PageLog:
    """What a browser page did: every request URL and every console error."""

    requests: list[str] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)


@pytest.fixture
def page_log() -> PageLog:
    return PageLog()


@pytest.fixture
def page(browser, page_log: PageLog):
    """A fresh browser tab (desktop size) that records requests and console errors."""
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    tab = context.new_page()
    tab.on("request", lambda request: page_log.requests.append(request.url))
    tab.on("console", lambda message: message.type == "error" and page_log.errors.append(message.text))
    tab.on("pageerror", lambda error: page_log.errors.append(str(error)))
    yield tab
    context.close()


def screen(width: int, scheme: str = "light") -> dict:
    """Options for browser.new_context(): the screen of that width in that colour scheme."""
    return {**SCREENS[width], "color_scheme": scheme}


def load(tab, url: str) -> int:
    """Open url in tab as a reader would and wait until it has loaded and its fonts are ready;
    return the HTTP status."""
    response = tab.goto(url, wait_until="load")
    tab.evaluate("document.fonts.ready.then(() => true)")
    return response.status if response else 0


@pytest.fixture
def reader_page(browser, site: BuiltSite):
    """Opens a page of the site in a fresh browser context: reader_page(path, width, scheme).
    Fails, naming the page, if the server does not answer 200 (a page missing from the site)."""
    contexts = []

    def open_page(path: str, width: int = 1280, scheme: str = "light"):
        context = browser.new_context(**screen(width, scheme))
        contexts.append(context)
        tab = context.new_page()
        status = load(tab, site.url + path)
        assert status == 200, f"{path}: HTTP {status}: the page is missing from the built site"
        return tab

    yield open_page
    for context in contexts:
        context.close()


# Tiers: the suite runs the fast tests of the data and the domain first (seconds), then the
# tests that generate or build copies of the project (the caches' and the server's on the small
# fictional speech, fictional_project), then those that read the real built site and drive the
# browser, so a mistake in the data or the arithmetic is reported first.
BROWSER_FIXTURES = {"browser", "page", "reader_page"}
BUILD_FIXTURES = {"project", "site", "tmp_path", "tmp_path_factory"}


def tier(item: pytest.Item) -> int:
    used = set(getattr(item, "fixturenames", ()))
    if used & BROWSER_FIXTURES:
        return 2
    return 1 if used & BUILD_FIXTURES else 0


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    """Order the test files by tier (a file's tier is its slowest test's), each file whole, so its
    module fixtures are made once, and files of one tier in the order collected."""
    file_tier: dict[str, int] = {}
    for item in items:
        file_tier[item.nodeid.split("::")[0]] = max(file_tier.get(item.nodeid.split("::")[0], 0), tier(item))
    items.sort(key=lambda item: file_tier[item.nodeid.split("::")[0]])
