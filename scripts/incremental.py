"""What the generation can skip: content-hash caches that can never serve stale output.

- The whole generation. docs/.generated.json records a digest of every input of the generated
  files (data/, seeds/, scripts/, the pinned packages) and of every file written. While both
  still match, data/ is known valid and docs/ current: nothing is loaded, checked or rendered.
- One page. Its key is a digest of the code, the page, the language and the data the page
  reads (scripts/render.py PAGE_INPUTS: a page that reads anything else fails to render, so a
  key cannot leave out an input).
- One chart. Its key is a digest of the code, the language, its spec and its figures.
- One compiled template, ours or the theme's: Jinja's own bytecode cache, keyed by the
  template's name and checked against a checksum of its source.

Only the standard library here (and Jinja, which MkDocs has loaded already): a build whose
inputs did not change imports nothing more.
"""

from __future__ import annotations

import fcntl
import hashlib
import json
import os
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path

MANIFEST = "docs/.generated.json"
CODE = ("scripts", "constraints.txt")       # the generator, its templates and strings, its packages
INPUTS = ("data", "seeds", *CODE)            # everything the generated files are made from
COMPILED_TEMPLATES = ".cache/jinja"
GENERATION_LOCK = ".cache/generate.lock"


def digest_of(root: Path, names: tuple[str, ...]) -> str:
    """A digest of the named files and folders under root: paths and contents."""
    digest = hashlib.sha256()
    for name in names:
        path = root / name
        files = sorted(path.rglob("*")) if path.is_dir() else [path]
        for file in files:
            if file.is_file() and "__pycache__" not in file.parts:
                digest.update(file.relative_to(root).as_posix().encode() + b"\0")
                digest.update(file.read_bytes() + b"\0")
    return digest.hexdigest()


@contextmanager
def generation_lock(root: Path) -> Iterator[None]:
    """Hold the lock on generating root's docs/: one generation at a time, whichever process
    runs it (`make build` generates while MkDocs starts, and MkDocs' hook waits for it; a
    `make serve` beside it). The kernel releases it when its holder ends, however it ends."""
    path = root / GENERATION_LOCK
    path.parent.mkdir(parents=True, exist_ok=True)
    with open(path, "a", encoding="utf-8") as handle:
        fcntl.flock(handle, fcntl.LOCK_EX)
        yield


def compiled_templates(root: Path):
    """Jinja's bytecode cache under root: a template is compiled once per change of its source,
    not on every build (compiling the theme's and the pages' templates took a third of a build).
    Jinja writes each entry atomically and recompiles when the source's checksum differs."""
    import jinja2

    folder = root / COMPILED_TEMPLATES
    folder.mkdir(parents=True, exist_ok=True)
    return jinja2.FileSystemBytecodeCache(str(folder))


def inputs_fingerprint(root: Path) -> str:
    return digest_of(root, INPUTS)


def code_fingerprint(root: Path) -> str:
    return digest_of(root, CODE)


def file_digest(content: bytes) -> str:
    return hashlib.sha256(content).hexdigest()


@dataclass(frozen=True)
class Manifest:
    """What the last successful generation read and wrote."""

    inputs: str                               # inputs_fingerprint of its inputs
    outputs: dict[str, str]                   # path under the root -> digest of the content written
    theme: dict[str, dict[str, str]] = field(default_factory=dict)  # per language: the theme's data words


def read_manifest(root: Path) -> Manifest | None:
    try:
        stored = json.loads((root / MANIFEST).read_text(encoding="utf-8"))
        return Manifest(stored["inputs"], stored["outputs"], stored.get("theme", {}))
    except (OSError, ValueError, KeyError, TypeError):
        return None


def current_manifest(root: Path, fingerprint: str) -> Manifest | None:
    """The manifest, if the generated files are exactly those of these inputs; else None."""
    manifest = read_manifest(root)
    if manifest is None or manifest.inputs != fingerprint:
        return None
    for folder in {Path(name).parent for name in manifest.outputs}:  # no file left over beside them
        present = {(folder / file.name).as_posix() for file in (root / folder).iterdir()
                   if file.is_file() and not file.name.startswith(".")}
        if not present <= set(manifest.outputs):
            return None
    for name, expected in manifest.outputs.items():
        try:
            if file_digest((root / name).read_bytes()) != expected:
                return None
        except OSError:
            return None
    return manifest


def write_manifest(root: Path, manifest: Manifest) -> None:
    path = root / MANIFEST
    path.parent.mkdir(parents=True, exist_ok=True)
    temporary = path.with_name(f"{path.name}.{os.getpid()}.tmp")
    temporary.write_text(json.dumps({"inputs": manifest.inputs, "outputs": manifest.outputs, "theme": manifest.theme},
                                    ensure_ascii=False, indent=1, sort_keys=True), encoding="utf-8")
    temporary.replace(path)


def key_of(*parts: str) -> str:
    return hashlib.sha256("\0".join(parts).encode()).hexdigest()


class TextCache:
    """Texts (or, with binary, bytes) by key, in memory and in a folder (so that `make build`
    processes share them)."""

    def __init__(self, directory: Path | None, binary: bool = False):
        self.directory = directory
        self.binary = binary
        self.memory: dict[str, str | bytes] = {}
        self.used: set[str] = set()    # keys asked for or stored since the last prune
        self.made: list[str] = []      # keys stored since the last prune: what was made afresh

    def get(self, key: str):
        self.used.add(key)
        if key in self.memory:
            return self.memory[key]
        if self.directory is not None:
            try:
                stored = self.directory / key
                self.memory[key] = stored.read_bytes() if self.binary else stored.read_text(encoding="utf-8")
                return self.memory[key]
            except OSError:
                return None
        return None

    def put(self, key: str, text: str | bytes) -> None:
        self.used.add(key)
        self.made.append(key)
        self.memory[key] = text
        if self.directory is not None:
            self.directory.mkdir(parents=True, exist_ok=True)
            temporary = self.directory / f".{key}.{os.getpid()}.tmp"
            temporary.write_bytes(text if isinstance(text, bytes) else text.encode("utf-8"))
            temporary.replace(self.directory / key)

    def prune(self) -> None:
        """Forget every text not used since the last prune (the cache holds one generation)."""
        self.memory = {key: text for key, text in self.memory.items() if key in self.used}
        if self.directory is not None and self.directory.is_dir():
            for stored in self.directory.iterdir():
                if stored.name not in self.used and not stored.name.startswith("."):
                    stored.unlink(missing_ok=True)
        self.used, self.made = set(), []
