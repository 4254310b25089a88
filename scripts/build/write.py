"""Write generated files to disk, each whole or not at all: the one atomic write of the build,
and the one lock of a file the build's processes share."""

from __future__ import annotations

import fcntl
import os
import shutil
import sys
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path


@contextmanager
def held_lock(path: Path, waiting: str | None = None) -> Iterator[int]:
    """Hold an exclusive lock on path (created if missing, never removed); yield its descriptor.

    The kernel releases it when the last process holding it ends, however it ends. If another
    process holds it, this one waits, first saying `waiting` on one line if given."""
    path.parent.mkdir(parents=True, exist_ok=True)
    with open(path, "a", encoding="utf-8") as handle:
        try:
            fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            if waiting:
                print(waiting, file=sys.stderr, flush=True)
            fcntl.flock(handle, fcntl.LOCK_EX)
        yield handle.fileno()


def temporary_path(path: Path) -> Path:
    """Where path is written before it is renamed into place: `.NAME.PID-THREAD.tmp` beside it, so
    that two processes (`make serve` and `make build`), or two threads, never share one."""
    return path.with_name(f".{path.name}.{os.getpid()}-{threading.get_ident()}.tmp")


def is_running(pid: int) -> bool:
    """Whether another process with this id is running (this one's writes are told by thread)."""
    if pid <= 0 or pid == os.getpid():
        return False
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:  # it exists, under another user
        return True
    return True


def is_writing(token: str) -> bool:
    """Whether the writer named in a temporary file's name (`PID-THREAD`) may still be writing it:
    another process that is running, or a thread of this one that is."""
    pid, _, thread = token.partition("-")
    if not pid.isdigit():
        return False  # `.NAME.tmp` (no writer named): written by older versions
    if int(pid) != os.getpid():
        return is_running(int(pid))
    return thread.isdigit() and int(thread) in {each.ident for each in threading.enumerate()}


def remove_stale_temporaries(directory: Path) -> None:
    """Remove the temporary files and folders that interrupted writes (a killed build or server)
    left in directory; those of a writer still running are writes in progress, and stay."""
    for temporary in sorted(directory.glob(".*.tmp")) if directory.is_dir() else []:
        if not is_writing(temporary.name.rsplit(".", 2)[-2]):
            if temporary.is_dir() and not temporary.is_symlink():
                shutil.rmtree(temporary, ignore_errors=True)
            else:
                temporary.unlink(missing_ok=True)


def write_atomically(path: Path, data: bytes) -> None:
    """Write data to path whole or not at all: into a temporary file beside it, then renamed over it
    (a reader sees the old file or the new one, never half of one)."""
    path.parent.mkdir(parents=True, exist_ok=True)
    temporary = temporary_path(path)
    try:
        temporary.write_bytes(data)
        temporary.replace(path)
    except BaseException:  # an error or Ctrl-C; only a kill leaves the file, for the next write to remove
        temporary.unlink(missing_ok=True)
        raise


def write_if_changed(path: Path, content: str | bytes) -> bool:
    """Write `content` unless the file already holds it; report whether it wrote.

    `mkdocs serve` rebuilds whenever a file under docs/ changes, so rewriting identical pages
    on every build would make it reload forever.
    """
    data = content.encode("utf-8") if isinstance(content, str) else content
    if path.is_file() and path.read_bytes() == data:
        return False
    write_atomically(path, data)
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
