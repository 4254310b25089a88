"""The project's own files, as a build reads them: for copies the tests break and the benchmark edits."""

from __future__ import annotations

import re
import shutil
from pathlib import Path
from urllib.parse import urlsplit

from scripts import PROJECT

ROOT = PROJECT
# What a build reads: configuration, data, the speech, the generator, the theme's overrides, the
# hand-written assets, and the pinned packages (part of the generation's fingerprint).
PROJECT_INPUTS = ("mkdocs.yml", "data", "seeds", "scripts", "overrides", "docs/assets", "constraints.txt")


def sub_path(root: Path = ROOT) -> str:
    """The path the site lives under on GitHub Pages (/REPO/): that of mkdocs.yml's default
    site_url, the one place it is written (the tests, the benchmark and the static server serve
    the site under it, as GitHub Pages will)."""
    config = (root / "mkdocs.yml").read_text(encoding="utf-8")
    default = re.search(r'^site_url: !ENV \[SITE_URL, "([^"]+)"\]', config, re.MULTILINE)
    return urlsplit(default[1]).path if default else "/"


SUB_PATH = sub_path()


def copy_project(target: Path) -> Path:
    """Copy what a build reads (not generated pages, caches or the venv) into target."""
    ignore = shutil.ignore_patterns("__pycache__", ".pytest_cache")
    for name in PROJECT_INPUTS:
        source = ROOT / name
        if source.is_dir():
            shutil.copytree(source, target / name, ignore=ignore)
        else:
            (target / name).parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(source, target / name)
    return target
