"""Write generated pages to disk: the only module of the generator that touches files."""

from __future__ import annotations

from pathlib import Path


def write_if_changed(path: Path, content: str | bytes) -> bool:
    """Write `content` unless the file already holds it; report whether it wrote.

    `mkdocs serve` rebuilds whenever a file under docs/ changes, so rewriting identical pages
    on every build would make it reload forever.
    """
    data = content.encode("utf-8") if isinstance(content, str) else content
    if path.exists() and path.read_bytes() == data:
        return False
    path.parent.mkdir(parents=True, exist_ok=True)
    temporary = path.with_name(f".{path.name}.tmp")
    temporary.write_bytes(data)
    temporary.replace(path)
    return True


def write_pages(docs_dir: Path, pages: dict[str, str]) -> list[str]:
    """Make docs/*.md exactly `pages`: write what changed, remove pages no longer generated."""
    changed = [name for name, content in sorted(pages.items())
               if write_if_changed(docs_dir / name, content)]
    for stale in sorted(docs_dir.glob("*.md")):
        if stale.name not in pages:
            stale.unlink()
            changed.append(stale.name)
    return changed


def write_downloads(directory: Path, files: dict[str, bytes]) -> list[str]:
    """Make `directory` hold exactly `files` (the dataset downloads)."""
    changed = [f"downloads/{name}" for name, content in sorted(files.items())
               if write_if_changed(directory / name, content)]
    for stale in sorted(directory.glob("*")) if directory.exists() else []:
        if stale.name not in files and not stale.name.startswith("."):
            stale.unlink()
            changed.append(f"downloads/{stale.name}")
    return changed
