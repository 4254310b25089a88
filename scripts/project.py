"""The project's own files, as a build reads them: for copies the tests break and the benchmark edits."""

from __future__ import annotations

import shutil
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
# What a build reads: configuration, data, the speech, the generator, the theme's overrides, the
# hand-written assets, and the pinned packages (part of the generation's fingerprint).
PROJECT_INPUTS = ("mkdocs.yml", "data", "seeds", "scripts", "overrides", "docs/assets", "constraints.txt")


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
