"""What a build can skip, and the keys that make skipping safe: a build after any edit writes the
same bytes as a build of the same tree from scratch.

Every cache follows one rule: an entry's key is a digest of everything that can change its
bytes, and the entry is verified when read (scripts/build/cache.py). The caches, and what each saves:

- The whole generation (docs/.generated.json). It records a digest of every input of the
  generated files (data/, seeds/, scripts/, the pinned packages, the Python version and the card
  font) and of every file written. While both still match, data/ is known valid and docs/
  current: nothing is loaded, checked or rendered.
- Pages (.cache/pages). A page's key: the code, the page, the language and the data the page
  reads (its inputs in scripts/render/pages.py: a page that reads anything else fails to render, so a
  key cannot leave out an input). After a data edit only the pages that show it are rendered.
- Link-preview cards (.cache/cards). A card's key: the code, Pillow's version, the font's file and
  digest, and what the card shows. After a data edit only the cards that show it are drawn.
- Search indexes (.cache/search, scripts/publish/search_index.py). An index's key: the code, Pagefind's
  version and the built pages of its language.
- Compiled templates, ours and the theme's (.cache/jinja). A template's key: its name, the Jinja
  environment's options, filters and tests, Jinja's and Python's versions, and the code (ours)
  or the pinned packages (the theme's); Jinja checks the template's source against the
  checksum stored in the entry.

The code is the digest of scripts/ and constraints.txt: any change of the generator, a template,
a strings file or a pinned package makes every page, card, index and compiled template anew.

Only the standard library here (and Jinja, which MkDocs has loaded already): a build whose
inputs did not change imports nothing more.
"""

from __future__ import annotations

import hashlib
import json
import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path

from scripts import PROJECT
from scripts.build.cache import Cache
from scripts.build.write import held_lock, write_atomically
from scripts.render.font import font_identity

MANIFEST = "docs/.generated.json"
CODE = ("scripts", "constraints.txt")       # the generator, its templates and strings, its packages
INPUTS = ("data", "seeds", *CODE)            # everything the generated files are made from
CACHE = ".cache"
COMPILED_TEMPLATES = f"{CACHE}/jinja"
GENERATION_LOCK = f"{CACHE}/generate.lock"


def key_of(*parts: str) -> str:
    return hashlib.sha256("\0".join(parts).encode()).hexdigest()


def digest_of(root: Path, names: tuple[str, ...]) -> str:
    """A digest of the named files and folders under root: paths and contents of their regular
    files (a FIFO or a socket is not read: reading one could wait forever)."""
    digest = hashlib.sha256()
    for name in names:
        path = root / name
        files = sorted(path.rglob("*")) if path.is_dir() else [path]
        for file in files:
            if file.is_file() and "__pycache__" not in file.parts:
                digest.update(file.relative_to(root).as_posix().encode() + b"\0")
                try:
                    digest.update(file.read_bytes() + b"\0")
                except OSError as error:  # unreadable: the generation runs, and its loader says why, on its line
                    digest.update(f"unreadable {error.errno}".encode() + b"\0")
    return digest.hexdigest()


def code_fingerprint(root: Path) -> str:
    """The code that makes every generated file: scripts/, the pinned packages, Python's version."""
    return key_of(digest_of(root, CODE), sys.version)


RUNNING = PROJECT  # the project whose code this process runs


def inputs_fingerprint(root: Path, font: str | None = None) -> str:
    """Everything the generated files of root are made from: its data, speech and code, the code
    this process runs (the same project, but for tests that generate a copy), and the card font
    (font_identity, asked for unless given)."""
    running = () if root.resolve() == RUNNING else (code_fingerprint(RUNNING),)
    return key_of(digest_of(root, INPUTS), sys.version, font_identity() if font is None else font, *running)


def file_digest(content: bytes) -> str:
    return hashlib.sha256(content).hexdigest()


@contextmanager
def generation_lock(root: Path) -> Iterator[None]:
    """Hold the lock on generating root's docs/: one generation at a time, whichever process
    runs it (`make build` generates while MkDocs starts, and MkDocs' hook waits for it; a
    `make serve` beside it). The kernel releases it when its holder ends, however it ends."""
    with held_lock(root / GENERATION_LOCK):
        yield


# ------------------------------------------------------------------ the generation's manifest

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
        try:
            present = {(folder / file.name).as_posix() for file in (root / folder).iterdir()
                       if file.is_file() and not file.name.startswith(".")}
        except OSError:
            return None
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
    text = json.dumps({"inputs": manifest.inputs, "outputs": manifest.outputs, "theme": manifest.theme},
                      ensure_ascii=False, indent=1, sort_keys=True)
    write_atomically(root / MANIFEST, text.encode("utf-8"))


# ------------------------------------------------------------------ compiled templates

def environment_fingerprint(environment) -> str:
    """What a Jinja environment compiles a template with: its syntax and whitespace options, its
    extensions, finalize, autoescape and undefined, the names of its filters and tests, and the
    versions of Jinja and Python (the bytecode's format)."""
    import jinja2

    def named(value) -> str:
        return getattr(value, "__qualname__", None) or repr(value)

    options = (jinja2.__version__, sys.version, environment.block_start_string, environment.block_end_string,
               environment.variable_start_string, environment.variable_end_string, environment.comment_start_string,
               environment.comment_end_string, environment.line_statement_prefix, environment.line_comment_prefix,
               environment.trim_blocks, environment.lstrip_blocks, environment.newline_sequence,
               environment.keep_trailing_newline, environment.optimized, environment.is_async,
               sorted(environment.extensions), named(environment.finalize), named(environment.autoescape),
               named(environment.undefined), sorted(environment.filters), sorted(environment.tests))
    return key_of(*map(repr, options))


def compiled_templates(root: Path, environment_key: Callable[[], str]):
    """Jinja's bytecode cache for an environment, in the build's one kind of cache: a template is
    compiled once per change of its source or of what it is compiled with (`environment_key`,
    asked when the first template is loaded, after every plugin has set the environment up)."""
    import jinja2

    class CompiledTemplates(jinja2.BytecodeCache):
        cache = Cache(root / COMPILED_TEMPLATES)
        salt: str | None = None

        def key(self, bucket) -> str:
            if self.salt is None:
                self.salt = environment_key()
            return key_of(self.salt, bucket.key)

        def load_bytecode(self, bucket) -> None:
            payload = self.cache.get(self.key(bucket))
            if payload is not None:
                bucket.bytecode_from_string(payload)  # Jinja checks its format and the source's checksum

        def dump_bytecode(self, bucket) -> None:
            self.cache.put(self.key(bucket), bucket.bytecode_to_string())

    return CompiledTemplates()
