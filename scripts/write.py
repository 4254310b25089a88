"""Write generated pages to disk: the only module of the generator that touches files."""

from __future__ import annotations

import os
from pathlib import Path


def temporary_path(path: Path) -> Path:
    """Where path is written before it is renamed into place: `.NAME.PID.tmp` beside it, so that
    two processes generating the same pages (`make serve` and `make build`) never share one."""
    return path.with_name(f".{path.name}.{os.getpid()}.tmp")


def is_running(pid: int) -> bool:
    """Whether another process with this id is running (this one is not writing while it asks)."""
    if pid <= 0 or pid == os.getpid():
        return False
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:  # it exists, under another user
        return True
    return True


def remove_stale_temporaries(directory: Path) -> None:
    """Remove the temporary files that interrupted writes (a killed build or server) left in
    directory; those of a process still running are writes in progress, and stay."""
    for temporary in sorted(directory.glob(".*.tmp")) if directory.is_dir() else []:
        pid = temporary.name.rsplit(".", 2)[-2]  # `.NAME.tmp` (no pid) was written by older versions
        if not (pid.isdigit() and is_running(int(pid))):
            temporary.unlink(missing_ok=True)


def write_if_changed(path: Path, content: str | bytes) -> bool:
    """Write `content` unless the file already holds it; report whether it wrote.

    `mkdocs serve` rebuilds whenever a file under docs/ changes, so rewriting identical pages
    on every build would make it reload forever.
    """
    data = content.encode("utf-8") if isinstance(content, str) else content
    if path.exists() and path.read_bytes() == data:
        return False
    path.parent.mkdir(parents=True, exist_ok=True)
    temporary = temporary_path(path)
    try:
        temporary.write_bytes(data)
        temporary.replace(path)
    except BaseException:  # an error or Ctrl-C; only a kill leaves the file, for the next write to remove
        temporary.unlink(missing_ok=True)
        raise
    return True


def write_pages(docs_dir: Path, pages: dict[str, str]) -> list[str]:
    """Make docs/*.md exactly `pages`: write what changed, remove pages no longer generated."""
    remove_stale_temporaries(docs_dir)
    changed = [name for name, content in sorted(pages.items())
               if write_if_changed(docs_dir / name, content)]
    for stale in sorted(docs_dir.glob("*.md")):
        if stale.name not in pages:
            stale.unlink()
            changed.append(stale.name)
    return changed


def write_folder(directory: Path, files: dict[str, bytes]) -> list[str]:
    """Make `directory` hold exactly `files` (the dataset downloads, the link-preview cards);
    return the changed ones as FOLDER/NAME."""
    remove_stale_temporaries(directory)
    changed = [f"{directory.name}/{name}" for name, content in sorted(files.items())
               if write_if_changed(directory / name, content)]
    for stale in sorted(directory.glob("*")) if directory.exists() else []:
        if stale.name not in files and not stale.name.startswith("."):
            stale.unlink()
            changed.append(f"{directory.name}/{stale.name}")
    return changed
