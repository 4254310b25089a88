"""Build the static site into site/, replacing the previous site only if the build succeeds.

    python -m scripts.build [--site-dir DIR] [--site-url URL]

Runs `mkdocs build --strict` into a temporary directory beside the target and swaps it in. The
pages are generated from data/ while MkDocs starts; its hooks wait for them (and would generate
them if this process had not), and bad data stops the build with every problem printed as
`data/FILE.yaml:LINE: field: problem`. A failed build exits non-zero and leaves the previous
site untouched.

A build holds an exclusive lock on a file beside the target (`.site.lock` for site/) from start
to end; a second build of the same site says it is waiting and waits. Under the lock, a build
first removes what killed builds left beside the target (`.site-new-*`, `.site-old-*`), putting
the previous site back if one was killed between the two renames of the swap.
"""

from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
import tempfile
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

from scripts import PROJECT
from scripts.build.incremental import generation_lock
from scripts.build.write import held_lock
from scripts.render.font import font_identity

ROOT = PROJECT


def mkdocs_environment(site_url: str | None) -> dict[str, str]:
    """MkDocs' environment: SITE_URL is site_url, else $SITE_URL. An empty one counts as unset (and is
    removed), so mkdocs.yml's default applies: MkDocs reads an empty SITE_URL as no address at all."""
    environment = dict(os.environ, NO_MKDOCS_2_WARNING="1")
    site_url = (site_url or environment.pop("SITE_URL", "")).strip()
    if site_url:
        environment["SITE_URL"] = site_url
    return environment


def lock_path(site_dir: Path) -> Path:
    return site_dir.parent / f".{site_dir.name}.lock"


def remove_leftovers(site_dir: Path) -> None:
    """Remove the temporary directories of earlier builds of site_dir that were killed (call it
    with the lock held: no other build is running). If site_dir is missing because a build was
    killed between the two renames of swap_in, first put the previous site back."""
    old = sorted(site_dir.parent.glob(f".{site_dir.name}-old-*"), key=lambda path: path.lstat().st_mtime,
                 reverse=True)
    new = sorted(site_dir.parent.glob(f".{site_dir.name}-new-*"))
    if not site_dir.exists():
        previous = next((folder / site_dir.name for folder in old if (folder / site_dir.name).is_dir()), None)
        if previous:
            previous.replace(site_dir)
    for folder in old + new:
        if folder.is_dir() and not folder.is_symlink():
            shutil.rmtree(folder)


def swap_in(built: Path, site_dir: Path) -> None:
    """Replace site_dir by built with two renames, so the site is never half-written."""
    previous = None
    if site_dir.exists():
        previous = Path(tempfile.mkdtemp(prefix=f".{site_dir.name}-old-", dir=site_dir.parent))
        site_dir.replace(previous / site_dir.name)
    built.replace(site_dir)
    if previous:
        shutil.rmtree(previous)


def generate_ahead(root: Path) -> None:
    """Generate docs/ while MkDocs starts, on the other core: MkDocs' hook waits for this
    generation (scripts/build/incremental.py generation_lock), then finds the pages current. A failure
    is left for the hook, which finds the pages not current, generates them itself and reports
    it once, as MkDocs reports it under `make serve` (bad data: every problem, on its line)."""
    with generation_lock(root):
        try:
            # The card font is identified (hashing its megabytes frees the interpreter) while the
            # generator is imported, in a thread that has ended before the generation starts.
            with ThreadPoolExecutor(max_workers=1) as hashing:
                font = hashing.submit(font_identity)
                from scripts.build.generate import (
                    generate,  # after taking the lock: the hook must wait for it
                )
            generate(root, font.result())
        except Exception:  # noqa: BLE001 (reported by the hook, which repeats the generation)
            pass


def build(site_dir: Path, site_url: str | None = None, root: Path = ROOT) -> int:
    """Build the site into site_dir; return a process exit code."""
    site_dir = site_dir.resolve()
    site_dir.parent.mkdir(parents=True, exist_ok=True)
    # A second build of the same site waits: builds are short, and the waiting one (the later)
    # then builds the newer sources and has the last word.
    lock_file = lock_path(site_dir)
    with held_lock(lock_file, f"Waiting for another build of the same site to finish ({lock_file} is locked).") as lock:
        remove_leftovers(site_dir)
        building = Path(tempfile.mkdtemp(prefix=f".{site_dir.name}-new-", dir=site_dir.parent))
        try:
            # MkDocs holds the lock too (pass_fds): if only this process is killed, the next build
            # waits for the orphaned MkDocs instead of removing the directory it is writing into.
            mkdocs = subprocess.Popen(
                [sys.executable, "-m", "mkdocs", "build", "--strict",  # not --quiet: it hides the warnings --strict counts
                 "--config-file", str(root / "mkdocs.yml"), "--site-dir", str(building / "site")],
                cwd=root, env=mkdocs_environment(site_url), pass_fds=(lock,))
            try:
                generate_ahead(root)
            finally:
                returncode = mkdocs.wait()
            if returncode != 0:
                print(f"The build failed; {site_dir} was left as it was.", file=sys.stderr)
                return returncode
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
