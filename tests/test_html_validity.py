"""Every built page is valid HTML: the W3C Nu Html Checker (vnu.jar, from the npm package vnu-jar
pinned in package-lock.json) reports no error on any page, in either language, 404 pages
included. The checker runs once over the whole built site; each page is then its own test."""

from __future__ import annotations

import json
import shutil
import subprocess
from dataclasses import dataclass
from pathlib import Path

import pytest

from tests.conftest import READER_PAGES, ROOT

VNU_JAR = ROOT / "node_modules" / "vnu-jar" / "build" / "dist" / "vnu.jar"
# Message types that fail a page: "error" (the markup breaks the HTML standard) and
# "non-document-error" (the checker could not read or parse the page at all).
FAILING = ("error", "non-document-error")


@dataclass(frozen=True)
class Allowed:
    """A message the checker reports on markup we cannot change without forking the theme."""

    message: str   # how the message starts
    markup: str    # a piece of the markup the message points at
    reason: str    # why it stays


# Keep this list minimal; each entry must still match (a test fails on a stale one).
ALLOWLIST = (
    # Material's base.html (not a block or a partial, so only a copy of the whole base template
    # could change it) writes autocomplete="off" on the two checkboxes that open the navigation
    # drawer and the search dialog. HTML allows autocomplete on text-like inputs only, but
    # Firefox honours it on checkboxes: without it, Firefox restores a checked box on reload or
    # "back", so the drawer or the search dialog would reopen by itself.
    Allowed("Attribute “autocomplete” is only allowed when the input type is", 'id="__drawer"',
            "Material's base.html: stops Firefox restoring the navigation drawer open"),
    Allowed("Attribute “autocomplete” is only allowed when the input type is", 'id="__search"',
            "Material's base.html: stops Firefox restoring the search dialog open"),
)


def pointed_at(message: dict) -> str:
    """The markup a message points at: the highlighted part of its extract."""
    extract = message.get("extract", "")
    if "hiliteStart" in message and "hiliteLength" in message:
        return extract[message["hiliteStart"]:message["hiliteStart"] + message["hiliteLength"]]
    return extract


def allowed_by(message: dict) -> Allowed | None:
    for entry in ALLOWLIST:
        if message.get("message", "").startswith(entry.message) and entry.markup in pointed_at(message):
            return entry
    return None


@dataclass(frozen=True)
class Report:
    checked: list[str]               # pages the checker read, relative to the site
    failures: dict[str, list[dict]]  # page -> its errors not on the allowlist
    allowed: dict[Allowed, int]      # allowlist entry -> how many messages it let through
    version: str


def describe(page: str, message: dict) -> str:
    """page, line N: message [the markup it points at]"""
    where = f"line {message['lastLine']}" if "lastLine" in message else "no line"
    extract = " ".join(message.get("extract", "").split())
    return f"{page}, {where}: {message.get('message', '')} [{extract}]"


def missing_checker() -> str | None:
    """Why the checker cannot run here, or None."""
    if shutil.which("java") is None:
        return ("java is not on PATH: the HTML checker (vnu.jar) runs on Java. `make test` installs "
                "Debian's default-jre-headless (`make java`)")
    if not VNU_JAR.is_file():
        return (f"{VNU_JAR.relative_to(ROOT)} is missing: `make node` installs vnu-jar from "
                "package-lock.json (npm ci)")
    return None


def check_html(directory: Path) -> Report:
    """Run the checker once over a whole built site and sort its messages by page."""
    problem = missing_checker()
    if problem:
        pytest.fail(problem, pytrace=False)
    # --verbose prints each file checked on stdout; the JSON report goes to stderr.
    result = subprocess.run(
        ["java", "-jar", str(VNU_JAR), "--format", "json", "--skip-non-html", "--verbose", str(directory)],
        capture_output=True, text=True, encoding="utf-8", timeout=600)
    try:  # the report starts at its first brace (the JVM may print a line before it)
        output, _ = json.JSONDecoder().raw_decode(result.stderr, max(result.stderr.find("{"), 0))
    except json.JSONDecodeError:
        pytest.fail(f"the checker did not write a JSON report (exit {result.returncode}):\n"
                    f"{result.stderr[-3000:]}", pytrace=False)
    directory = directory.resolve()

    def page_of(message: dict) -> str:
        url = message.get("url", "")
        if not url.startswith("file:"):
            return url or "(no page)"
        path = Path(url.removeprefix("file:"))
        return path.resolve().relative_to(directory).as_posix() if path.is_relative_to(directory) else url

    checked = sorted(Path(line).resolve().relative_to(directory).as_posix()
                     for line in result.stdout.splitlines() if line.strip() and Path(line).is_file())
    failures: dict[str, list[dict]] = {}
    allowed = dict.fromkeys(ALLOWLIST, 0)
    for message in output.get("messages", []):
        if message.get("type") not in FAILING:
            continue
        entry = allowed_by(message) if message["type"] == "error" else None
        if entry:
            allowed[entry] += 1
        else:
            failures.setdefault(page_of(message), []).append(message)
    return Report(checked, failures, allowed, output.get("version", "?"))


@pytest.fixture(scope="module")
def report(site) -> Report:
    return check_html(site.directory)


def test_the_checker_is_installed():
    """Never skipped: a machine without Java or vnu.jar fails here, saying what to install."""
    problem = missing_checker()
    assert problem is None, problem


def test_the_checker_read_every_built_page(site, report):
    built = sorted(page.relative_to(site.directory).as_posix() for page in site.html_pages())
    assert report.checked == built
    assert sorted(READER_PAGES) == built, "a page was added or removed: update READER_PAGES in tests/conftest.py"


@pytest.mark.parametrize("page", READER_PAGES)
def test_page_is_valid_html(report, page):
    failures = report.failures.get(page, [])
    if failures:
        pytest.fail(f"the Nu Html Checker {report.version} found {len(failures)} error(s):\n"
                    + "\n".join(describe(page, message) for message in failures), pytrace=False)


def test_no_errors_outside_the_pages(report):
    """Errors the checker could not tie to one of the pages above (a page outside the list, or
    a file it could not read)."""
    others = {page: messages for page, messages in report.failures.items() if page not in READER_PAGES}
    if others:
        pytest.fail("\n".join(describe(page, message) for page, messages in others.items()
                              for message in messages), pytrace=False)


def test_every_allowlist_entry_is_still_needed(report):
    stale = [entry.reason for entry, count in report.allowed.items() if count == 0]
    assert not stale, f"no longer reported, remove from ALLOWLIST: {stale}"
