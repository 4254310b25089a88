"""Build the static site into site/, replacing the previous site only if the build succeeds.

    python -m scripts.build [--site-dir DIR] [--site-url URL]

Validates data/ first (every problem printed as `data/FILE.yaml:LINE: field: problem`), then runs
`mkdocs build --strict` into a temporary directory beside the target and swaps it in. A failed
build exits non-zero and leaves the previous site untouched.
"""

from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

from scripts.generate import ROOT, DataError, load_site_data


def mkdocs_environment(site_url: str | None) -> dict[str, str]:
    environment = dict(os.environ, NO_MKDOCS_2_WARNING="1")
    if site_url:
        environment["SITE_URL"] = site_url
    return environment


def swap_in(built: Path, site_dir: Path) -> None:
    """Replace site_dir by built with two renames, so the site is never half-written."""
    previous = None
    if site_dir.exists():
        previous = Path(tempfile.mkdtemp(prefix=f".{site_dir.name}-old-", dir=site_dir.parent))
        site_dir.replace(previous / site_dir.name)
    built.replace(site_dir)
    if previous:
        shutil.rmtree(previous)


def build(site_dir: Path, site_url: str | None = None, root: Path = ROOT) -> int:
    """Build the site into site_dir; return a process exit code."""
    try:
        load_site_data(root)
    except DataError as error:
        print(error, file=sys.stderr)
        return 1
    site_dir = site_dir.resolve()
    site_dir.parent.mkdir(parents=True, exist_ok=True)
    building = Path(tempfile.mkdtemp(prefix=f".{site_dir.name}-new-", dir=site_dir.parent))
    try:
        result = subprocess.run(
            [sys.executable, "-m", "mkdocs", "build", "--strict",  # not --quiet: it hides the warnings --strict counts
             "--config-file", str(root / "mkdocs.yml"), "--site-dir", str(building / "site")],
            cwd=root, env=mkdocs_environment(site_url), check=False)
        if result.returncode != 0:
            print(f"The build failed; {site_dir} was left as it was.", file=sys.stderr)
            return result.returncode
        swap_in(building / "site", site_dir)
        return 0
    finally:
        shutil.rmtree(building, ignore_errors=True)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--site-dir", type=Path, default=ROOT / "site")
    parser.add_argument("--site-url", help="public address of the site (default: $SITE_URL, or mkdocs.yml's)")
    arguments = parser.parse_args(argv)
    return build(arguments.site_dir, arguments.site_url)


if __name__ == "__main__":
    sys.exit(main())
