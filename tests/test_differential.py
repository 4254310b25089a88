"""A build after any edit is the build of the same tree from scratch, byte for byte.

One copy of the project, with the small fictional speech (the machinery is the same for any
speech, and it builds in two thirds of the time), is edited step by step, as a maintainer edits it: a data value, a page
template, a strings file, the Jinja environment's options, the escaping, the search indexer's
options, mkdocs.yml, the stylesheet and a theme override, each then reverted. After every step
its `make build` (with the caches of every earlier build) must write exactly the files a build
of a fresh copy of the same tree writes: every page, download, card and search index. Then
every cache entry is cut short, flipped or deleted, and the build must still be the fresh one,
without a traceback."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from scripts.tools.project import PROJECT_INPUTS

PLACE = "  en: A fictional district (an invented example; no real place)\n"  # in data/document.yaml

# (what a maintainer edits, file, old text, new text)
EDITS = [
    ("a data value", "data/document.yaml", PLACE, "  en: A fictional district\n"),
    ("a page template", "scripts/render/templates/pages/about.md.j2", "{{ t('about.prevails_text') }}\n",
     "{{ t('about.prevails_text') }}\n\n{{ t('about.method') }}\n"),
    ("a strings file", "scripts/render/strings/en.yaml", "  title: One-page brief\n", "  title: One-page summary\n"),
    ("the Jinja options", "scripts/render/page.py", "        trim_blocks=True,\n", "        trim_blocks=False,\n"),
    ("the escaping", "scripts/render/page.py", "        finalize=inert,", "        finalize=None,"),
    ("the theme's Jinja options", "scripts/publish/hooks.py", '    env.filters["json_ld"] = json_ld\n',
     '    env.trim_blocks = True\n    env.filters["json_ld"] = json_ld\n'),
    ("the indexer's options", "scripts/publish/search_index.py", 'NOT_INDEXED = ("headerlink", "sentence-link", "source-link")',
     'NOT_INDEXED = ("headerlink", "sentence-link")'),
    ("mkdocs.yml", "mkdocs.yml", "    - toc.follow\n", "    - toc.follow\n    - navigation.top\n"),
    ("the stylesheet", "docs/assets/stylesheets/extra.css", "/* System fonts only", "/* The system's fonts only"),
    ("a theme override", "overrides/main.html", '<div class="md-typeset cite-formats" lang="en">',
     '<div class="md-typeset cite-formats" lang="en" data-formats>'),
]


def copy_inputs(source: Path, target: Path) -> Path:
    """What a fresh clone of source's tree has: its inputs, without generated pages or caches."""
    for name in PROJECT_INPUTS:
        if (source / name).is_dir():
            shutil.copytree(source / name, target / name, ignore=shutil.ignore_patterns("__pycache__"))
        else:
            (target / name).parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(source / name, target / name)
    return target


def make_build(project: Path) -> Path:
    """`make build` in project; the built site, after checking it built without a traceback."""
    result = subprocess.run([sys.executable, "-m", "scripts.build"], cwd=project, capture_output=True, text=True,
                            env=dict(os.environ, SITE_URL="https://example.github.io/jiangyuan-briefing/"))
    assert result.returncode == 0 and "Traceback" not in result.stderr, result.stderr[-3000:]
    return project / "site"


def files(site: Path) -> dict[str, bytes]:
    return {path.relative_to(site).as_posix(): path.read_bytes() for path in sorted(site.rglob("*")) if path.is_file()}


def differences(built: Path, fresh: Path) -> list[str]:
    """The files that differ between two built sites, or that only one has."""
    first, second = files(built), files(fresh)
    return sorted(name for name in first.keys() | second.keys() if first.get(name) != second.get(name))


def fresh_build(project: Path, folder: Path) -> Path:
    return make_build(copy_inputs(project, folder))


@pytest.fixture(scope="module")
def edited(tmp_path_factory):
    """A copy of the project, built once, and the site a fresh copy of it builds."""
    from tests.conftest import fictional_project

    project = fictional_project(tmp_path_factory.mktemp("edited") / "project")
    make_build(project)
    return project, fresh_build(project, tmp_path_factory.mktemp("fresh") / "project")


def edit(project: Path, file: str, old: str, new: str) -> None:
    path = project / file
    text = path.read_text(encoding="utf-8")
    assert text.count(old) == 1, f"test setup: {old!r} is not once in {file}"
    path.write_text(text.replace(old, new), encoding="utf-8")


def test_every_edit_and_its_revert_builds_what_a_fresh_copy_builds(edited, tmp_path):
    project, original = edited
    for number, (what, file, old, new) in enumerate(EDITS):
        edit(project, file, old, new)
        built, fresh = make_build(project), fresh_build(project, tmp_path / f"edit-{number}")
        assert differences(original, fresh), f"test setup: {what} changes nothing the site shows"
        assert differences(built, fresh) == [], f"after editing {what}: the build differs from a fresh one"
        edit(project, file, new, old)
        assert differences(make_build(project), original) == [], f"after reverting {what}: the build is stale"


CACHES = (".cache/pages", ".cache/cards", ".cache/search", ".cache/jinja")


def damage(path: Path, how: str) -> None:
    data = path.read_bytes()
    if how == "truncate":
        path.write_bytes(data[:len(data) // 2])
    elif how == "flip":
        middle = len(data) // 2
        path.write_bytes(data[:middle] + bytes([data[middle] ^ 0x20]) + data[middle + 1:])
    else:
        path.unlink()


@pytest.mark.parametrize("how", ["truncate", "flip", "delete"])
def test_a_damaged_cache_never_reaches_the_site(edited, how):
    """Every entry of every cache damaged the same way, and the generated pages and the record of
    what was generated too: the next build is the fresh one."""
    project, original = edited
    make_build(project)
    damaged = [path for folder in CACHES for path in (project / folder).iterdir()
               if path.is_file() and not path.name.startswith(".")]
    assert {folder for folder in CACHES if any(path.parent == project / folder for path in damaged)} == set(CACHES)
    damaged += [project / "docs/.generated.json", project / "docs/index.en.md", project / "docs/cards/index-en.png"]
    for path in damaged:
        damage(path, how)
    assert differences(make_build(project), original) == []


def test_two_builds_into_two_site_folders_share_the_caches_safely(edited, tmp_path):
    """Two `make build`s at once, into different folders, after an edit that makes both index
    anew: both succeed and both are the fresh build; what a killed build left in the caches goes."""
    project, original = edited
    ended = subprocess.Popen(["true"])
    ended.wait()
    leftover = project / ".cache/search" / f".{'0' * 64}.{ended.pid}-1.tmp"  # a killed build's index folder
    leftover.mkdir(parents=True)
    edit(project, "data/document.yaml", PLACE, "  en: A fictional district\n")
    environment = dict(os.environ, SITE_URL="https://example.github.io/jiangyuan-briefing/")
    builds = [subprocess.Popen([sys.executable, "-m", "scripts.build", "--site-dir", str(tmp_path / name)], cwd=project,
                               env=environment, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
              for name in ("site-a", "site-b")]
    errors = [build.communicate()[1] for build in builds]
    assert [build.returncode for build in builds] == [0, 0], errors
    fresh = fresh_build(project, tmp_path / "fresh")
    assert differences(tmp_path / "site-a", fresh) == [] and differences(tmp_path / "site-b", fresh) == []
    assert not leftover.exists()
    edit(project, "data/document.yaml", "  en: A fictional district\n", PLACE)
    assert differences(make_build(project), original) == []
