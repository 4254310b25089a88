"""`make build` and `python -m scripts.build`: bad input stops the build with `file:line: problem`,
no traceback, and the previous site/ left exactly as it was; the build after a killed one removes
what it left; two builds of one site run one after the other; an empty SITE_URL is unset."""

import fcntl
import hashlib
import os
import re
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from scripts.build.site import mkdocs_environment
from scripts.build.write import write_folder, write_if_changed, write_pages
from tests.conftest import ROOT
from tests.test_validation import edit, line_of


def run_build(project: Path, *arguments: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "scripts.build", *arguments], cwd=project,
                          capture_output=True, text=True, check=False)


def snapshot(directory: Path) -> dict[str, str]:
    return {path.relative_to(directory).as_posix(): hashlib.sha256(path.read_bytes()).hexdigest()
            for path in sorted(directory.rglob("*")) if path.is_file()}


@pytest.fixture(scope="module")
def built_project(tmp_path_factory) -> Path:
    """A project copy with a successful build in site/ (built once for this module)."""
    from tests.conftest import copy_project

    project = copy_project(tmp_path_factory.mktemp("built") / "project")
    result = run_build(project)
    assert result.returncode == 0, result.stderr
    return project


@pytest.fixture
def broken(built_project: Path, tmp_path: Path) -> Path:
    """A copy of the built project (site/ included) for one test to break."""
    import shutil

    copy = tmp_path / "project"
    shutil.copytree(built_project, copy, symlinks=True)
    return copy


SEED = "seeds/jiangyuan-2024-08-22-district-head-speech.txt"
# case: (file to edit, text, replacement, text on the line the message names, expected message)
CASES = {
    "malformed YAML": ("data/document.yaml", "  en: Pan Guoqiang", "  en: Pan: [Guoqiang",
                       "Pan: [Guoqiang", "YAML syntax error"),
    "missing field": ("data/document.yaml", "date_as_written: 2024年8月22日  # verbatim\n", "",
                      None, "date_as_written: missing (add this field)"),
    "wrong type": ("data/document.yaml", "date: 2024-08-22", "date: [2024]",
                   "date: [2024]", "date: expected a date written YYYY-MM-DD"),
    "quote not in the speech": ("data/document.yaml", "  zh: 区政府全体(扩大)会议  # verbatim",
                                "  zh: 区政府全体会议  # verbatim", "区政府全体会议",
                                "meeting.zh: '区政府全体会议' is not in the speech"),
    "changed seed": (SEED, "同比增长7.1%", "同比增长7.2%", "sha256:", f"source.sha256: {SEED} has changed"),
}


@pytest.mark.parametrize("case", CASES)
def test_bad_input_fails_cleanly_and_keeps_the_previous_site(broken, case):
    file, old, new, marker, message = CASES[case]
    before = snapshot(broken / "site")
    edit(broken, old, new, file)
    line = line_of(broken, marker) if marker else 1
    result = run_build(broken)
    assert result.returncode != 0
    assert f"data/document.yaml:{line}: {message}" in result.stderr
    assert "Traceback" not in result.stderr + result.stdout
    assert snapshot(broken / "site") == before


def test_a_failing_mkdocs_build_keeps_the_previous_site(broken):
    before = snapshot(broken / "site")
    # Valid data, but a page links to a page that does not exist: a warning, fatal under --strict.
    edit(broken, "## {{ t('about.source') }}\n", "[missing](missing.md)\n\n## {{ t('about.source') }}\n",
         "scripts/render/templates/pages/about.md.j2")
    result = run_build(broken)
    assert result.returncode != 0
    assert "missing.md" in result.stderr and "was left as it was" in result.stderr
    assert snapshot(broken / "site") == before
    assert not [path for path in broken.iterdir() if path.name.startswith(".site-")]


def test_a_successful_build_replaces_the_site(broken):
    edit(broken, "  en: Jiangyuan District, Baishan City, Jilin Province", "  en: Jiangyuan District, Baishan, Jilin")
    assert run_build(broken).returncode == 0
    assert "Jiangyuan District, Baishan, Jilin" in (broken / "site/en/index.html").read_text(encoding="utf-8")
    assert not [path for path in broken.iterdir() if path.name.startswith(".site-")]


def test_mkdocs_itself_reports_bad_data_without_a_traceback(broken):
    # `make serve` runs MkDocs directly: the hook must report the same lines.
    edit(broken, "  en: Pan Guoqiang", "  en: 42")
    result = subprocess.run([sys.executable, "-m", "mkdocs", "build", "--strict", "--site-dir", "elsewhere"],
                            cwd=broken, capture_output=True, text=True, check=False,
                            env=dict(os.environ, NO_MKDOCS_2_WARNING="1"))
    assert result.returncode != 0
    line = line_of(broken, "  en: 42")
    assert f"data/document.yaml:{line}: speaker.name.en: expected text, found a number 42" in result.stderr
    assert "Traceback" not in result.stderr + result.stdout


def test_make_build_exits_non_zero_on_bad_data(broken):
    (broken / "Makefile").write_bytes((ROOT / "Makefile").read_bytes())
    for name in ("requirements.txt", "constraints.txt"):
        (broken / name).write_bytes((ROOT / name).read_bytes())
    # Use the environment running the tests: a stamp newer than the requirements tells make
    # that it is installed, so the test does not install a second one.
    stamp = broken / "installed.stamp"
    stamp.touch()
    edit(broken, "  en: Pan Guoqiang", "  en: [")
    before = snapshot(broken / "site")
    result = subprocess.run(["make", "--no-print-directory", "build", f"VENV={sys.prefix}", f"INSTALLED={stamp}"],
                            cwd=broken, capture_output=True, text=True, check=False)
    assert result.returncode != 0
    assert "data/document.yaml:" in result.stderr and "Traceback" not in result.stderr
    assert snapshot(broken / "site") == before


def leftovers(project: Path) -> list[str]:
    """What builds leave beside site/ (the lock file stays on purpose), and interrupted writes in docs/."""
    return sorted([path.name for path in project.glob(".site-*")] +
                  [path.relative_to(project).as_posix() for path in project.glob("docs/**/.*.tmp")])


def wait_for(condition, seconds: float = 120) -> None:
    deadline = time.monotonic() + seconds
    while not condition():
        assert time.monotonic() < deadline, "timed out"
        time.sleep(0.02)


def test_the_build_after_a_killed_one_removes_its_leftovers(project, built_project):
    # Kill a real build, MkDocs included (its process group), while MkDocs writes the new site.
    build = subprocess.Popen([sys.executable, "-m", "scripts.build"], cwd=project, start_new_session=True,
                             stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        wait_for(lambda: list(project.glob(".site-new-*/site")) or build.poll() is not None)
    finally:
        os.killpg(build.pid, signal.SIGKILL)
        build.wait()
    assert build.returncode == -signal.SIGKILL, "the build ended before it could be killed"
    wait_for(lambda: not process_group_exists(build.pid), 10)
    assert [name for name in leftovers(project) if name.startswith(".site-new-")]
    assert not (project / "site").exists()

    result = run_build(project)
    assert result.returncode == 0, result.stderr
    assert leftovers(project) == []
    assert sorted(snapshot(project / "site")) == sorted(snapshot(built_project / "site"))


def process_group_exists(group: int) -> bool:
    try:
        os.killpg(group, 0)
    except ProcessLookupError:
        return False
    return True


def test_a_build_killed_during_the_swap_gets_the_previous_site_back(broken):
    before = snapshot(broken / "site")
    # Killed between the two renames: site/ moved aside, the new site not yet in its place.
    (broken / ".site-old-k1ll3d").mkdir()
    (broken / "site").replace(broken / ".site-old-k1ll3d" / "site")
    (broken / ".site-new-k1ll3d" / "site").mkdir(parents=True)
    (broken / ".site-new-k1ll3d" / "site" / "index.html").write_text("complete, but never swapped in")
    edit(broken, "  en: Pan Guoqiang", "  en: [")
    result = run_build(broken)
    assert result.returncode == 1 and "data/document.yaml:" in result.stderr
    assert snapshot(broken / "site") == before
    assert leftovers(broken) == []


def test_a_second_build_waits_for_the_first_and_keeps_its_folders(broken):
    # This test plays the first build: it holds the lock and has a folder in use.
    in_use = broken / ".site-new-running"
    (in_use / "site").mkdir(parents=True)
    edit(broken, "  en: Pan Guoqiang", "  en: [")  # so that the second build stops early
    with open(broken / ".site.lock", "a") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        second = subprocess.Popen([sys.executable, "-m", "scripts.build"], cwd=broken, text=True,
                                  stdout=subprocess.PIPE, stderr=subprocess.PIPE)
        try:
            message = second.stderr.readline()
            time.sleep(0.5)
            assert second.poll() is None, second.communicate()
        except BaseException:
            second.kill()
            raise
        assert message.startswith("Waiting for another build of the same site to finish")
        assert ".site.lock" in message and message.count("\n") == 1
        assert in_use.is_dir()
    stdout, stderr = second.communicate(timeout=60)
    assert second.returncode == 1 and "data/document.yaml:" in stderr and "Traceback" not in stderr
    assert leftovers(broken) == []


def default_site_url() -> str:
    [url] = re.findall(r'site_url: !ENV \[SITE_URL, "([^"]+)"\]', (ROOT / "mkdocs.yml").read_text(encoding="utf-8"))
    return url


def test_an_empty_site_url_gives_the_default_address(project):
    result = subprocess.run([sys.executable, "-m", "scripts.build"], cwd=project, capture_output=True, text=True,
                            check=False, env=dict(os.environ, SITE_URL=""))
    assert result.returncode == 0, result.stderr
    default = default_site_url()
    for sitemap in ("sitemap.xml", "en/sitemap.xml"):
        text = (project / "site" / sitemap).read_text(encoding="utf-8")
        assert "None" not in text and f"<loc>{default}" in text, sitemap
    for page in ("index.html", "en/about.html"):
        html = (project / "site" / page).read_text(encoding="utf-8")
        canonical = re.findall(r'<link rel="canonical" href="([^"]*)"', html)
        assert canonical == [default + page], page


@pytest.mark.parametrize(("environment", "argument", "expected"), [
    ("", None, None), ("", "", None), ("  ", None, None), (None, "", None),
    ("https://a.example/x/", "", "https://a.example/x/"), ("", "https://b.example/y/", "https://b.example/y/"),
    ("https://a.example/x/", "https://b.example/y/", "https://b.example/y/"),
])
def test_an_empty_site_url_is_unset(monkeypatch, environment, argument, expected):
    if environment is None:
        monkeypatch.delenv("SITE_URL", raising=False)
    else:
        monkeypatch.setenv("SITE_URL", environment)
    assert mkdocs_environment(argument).get("SITE_URL") == expected


def test_the_next_write_removes_what_interrupted_writes_left(tmp_path, monkeypatch):
    ended = subprocess.Popen(["true"])  # its process id is one of a process that has ended
    ended.wait()
    running = subprocess.Popen(["sleep", "60"])
    try:
        for directory, write in ((tmp_path / "docs", write_pages), (tmp_path / "downloads", write_folder)):
            directory.mkdir()
            stale = [".index.md.tmp", f".index.md.{ended.pid}.tmp", f".gone.md.{os.getpid()}.tmp"]
            alive = f".about.md.{running.pid}.tmp"  # another process (a server) is writing it now
            for name in [*stale, alive]:
                (directory / name).write_text("half a page")
            write(directory, {"index.md": "page"} if write is write_pages else {"index.md": b"page"})
            assert sorted(path.name for path in directory.iterdir()) == [alive, "index.md"]
    finally:
        running.kill()
        running.wait()

    def interrupted(self, target):
        raise KeyboardInterrupt
    monkeypatch.setattr(Path, "replace", interrupted)
    with pytest.raises(KeyboardInterrupt):
        write_if_changed(tmp_path / "docs" / "index.md", "new page")
    assert sorted(path.name for path in (tmp_path / "docs").iterdir()) == [f".about.md.{running.pid}.tmp", "index.md"]


def test_an_edited_theme_template_shows_in_the_next_build(broken):
    """The compiled templates are cached (.cache/jinja/) and can never be served stale."""
    assert any((broken / ".cache/jinja").iterdir())
    edit(broken, 'aria-haspopup="dialog"', 'aria-haspopup="dialog" data-edited', "overrides/partials/header.html")
    result = run_build(broken)
    assert result.returncode == 0, result.stderr
    assert "data-edited" in (broken / "site/en/results.html").read_text(encoding="utf-8")


def test_a_machine_without_a_chinese_font_gets_a_message_not_a_traceback(project, tmp_path):
    """The cards need a font that covers Chinese; fontconfig with no fonts stands for a bare machine."""
    empty = tmp_path / "fonts.conf"
    empty.write_text('<?xml version="1.0"?>\n<fontconfig></fontconfig>\n', encoding="utf-8")
    result = subprocess.run([sys.executable, "-m", "scripts.build"], cwd=project, capture_output=True, text=True,
                            env=dict(os.environ, FONTCONFIG_FILE=str(empty)), check=False)
    assert result.returncode != 0 and not (project / "site").exists()
    assert "no installed font covers Chinese" in result.stderr and "apt-get install fonts-wqy-microhei" in result.stderr
    assert "Traceback" not in result.stderr
