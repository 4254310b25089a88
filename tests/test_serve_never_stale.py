"""`make serve` never serves what stale code made, and never hangs: an edit of scripts/ restarts
the server on the new code; what stops a generation (a fault in the code, a data file that is a
named pipe, a page deleted by hand, data/ removed and restored) shows in the banner while the
server answers at once; and after a session of edits, `make build` writes what a fresh copy of
the same tree builds. The project is the small fictional speech: the machinery is the same."""

from __future__ import annotations

import time

import httpx
import pytest

from tests.conftest import fictional_project
from tests.test_differential import PLACE, differences, fresh_build, make_build
from tests.test_serve import banner_text, page_text, serving, wait_for

SPEAKER = "Lin Xiaodong"  # the fictional speech's speaker, on its English home page


@pytest.fixture
def project(tmp_path):
    return fictional_project(tmp_path / "project")


def answers_quickly(url: str) -> str:
    """The page, which the server must send within 2 s."""
    started = time.monotonic()
    response = httpx.get(url, timeout=5)
    assert time.monotonic() - started < 2 and response.status_code == 200, f"{url}: slow or failed"
    return response.text


def edit(project, file: str, old: str, new: str) -> None:
    path = project / file
    text = path.read_text(encoding="utf-8")
    assert old in text, f"test setup: {old!r} not in {file}"
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def test_serve_restarts_on_new_code_and_make_build_then_builds_what_a_fresh_copy_builds(project, tmp_path):
    with serving(project) as (url, terminal):
        home = url + "en/index.html"
        assert wait_for(lambda: SPEAKER in page_text(home), 60), "the server did not start"
        steps = [  # (file, old, new, what the English home page shows once the server has caught up)
            ("data/document.yaml", PLACE, "  en: A district of fiction\n", "A district of fiction<"),
            ("scripts/render/strings/en.yaml", "  document: About the speech\n", "  document: About this speech\n",
             "About this speech"),
            ("scripts/render/templates/pages/index.md.j2", "## {{ t('index.contents') }}\n",
             "## {{ t('index.contents') }} {: #contents }\n", 'id="contents"'),
            ("scripts/render/page.py", "        trim_blocks=True,\n", "        trim_blocks=False,\n", None),
            ("docs/assets/stylesheets/extra.css", "/* System fonts only", "/* The system's fonts only", None),
        ]
        for file, old, new, shows in steps:
            restarts = terminal.read_text(encoding="utf-8").count("restarting the server")
            edit(project, file, old, new)
            if shows:
                assert wait_for(lambda: shows in page_text(home), 60), f"{file}: the edit did not show"
            elif file.startswith("scripts/"):
                assert wait_for(lambda: terminal.read_text(encoding="utf-8").count("restarting the server") > restarts,
                                30), f"{file}: the server was not restarted"
                assert wait_for(lambda: SPEAKER in page_text(home), 60), f"{file}: the server did not return"
            else:
                time.sleep(3)
    built = make_build(project)
    assert differences(built, fresh_build(project, tmp_path / "fresh")) == []


def test_serve_shows_what_stops_a_generation_and_always_answers(project):
    with serving(project) as (url, terminal):
        home, about = url + "en/index.html", url + "en/about.html"
        assert wait_for(lambda: SPEAKER in page_text(home), 60), "the server did not start"

        # A fault in the code (not the data): its one line and its place, in the banner.
        edit(project, "scripts/render/page.py", '    """One page in one language, as Markdown with its front matter, from the data it declares."""\n',
             '    """One page in one language, as Markdown with its front matter, from the data it declares."""\n'
             '    raise RuntimeError("a deliberate fault")\n')
        assert wait_for(lambda: "a deliberate fault" in (banner_text(page_text(home)) or ""), 60), "no banner for a fault"
        banner = banner_text(answers_quickly(home))
        assert "RuntimeError: a deliberate fault" in banner and "scripts/render/page.py:" in banner, banner
        edit(project, "scripts/render/page.py", '    raise RuntimeError("a deliberate fault")\n', "")
        assert wait_for(lambda: banner_text(page_text(home)) is None and SPEAKER in page_text(home), 60)

        # A generated page deleted by hand is made again on the next build.
        (project / "docs/about.en.md").unlink()
        edit(project, "data/document.yaml", PLACE, "  en: A district of fiction\n")
        assert wait_for(lambda: "A district of fiction<" in page_text(home), 60), "the edit did not show"
        assert "About this site" in answers_quickly(about) and (project / "docs/about.en.md").is_file()

        # A named pipe where a data file belongs: named in the banner, never waited on.
        charts = project / "data/charts.yaml"
        saved = charts.read_bytes()
        charts.unlink()
        import os

        os.mkfifo(charts)
        assert wait_for(lambda: "data/charts.yaml:1" in (banner_text(page_text(home)) or ""), 30), "no banner for a pipe"
        assert "not a regular file" in banner_text(answers_quickly(home))
        charts.unlink()
        charts.write_bytes(saved)
        assert wait_for(lambda: banner_text(page_text(home)) is None, 60), "the banner stayed"

        # data/ removed and restored: still watched afterwards.
        moved = project.parent / "data-moved"
        (project / "data").rename(moved)
        time.sleep(2)
        answers_quickly(home)
        moved.rename(project / "data")
        time.sleep(2)
        edit(project, "data/document.yaml", "  en: A district of fiction\n", "  en: A district, after the restore\n")
        assert wait_for(lambda: "A district, after the restore" in page_text(home), 60), "data/ is no longer watched"
        assert banner_text(answers_quickly(home)) is None
    assert "Traceback" not in terminal.read_text(encoding="utf-8")
