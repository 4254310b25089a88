"""`make build` and `python -m scripts.build`: bad input stops the build with `file:line: problem`,
no traceback, and the previous site/ left exactly as it was."""

import hashlib
import os
import subprocess
import sys
from pathlib import Path

import pytest

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
         "scripts/templates/pages/about.md.j2")
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
