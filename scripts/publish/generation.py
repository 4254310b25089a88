"""Keep docs/ generated from the current inputs, before each MkDocs build: what stops a generation
stops `make build`; under `mkdocs serve` the last good pages stay served, with the problems in a
banner on every page (`data_problems`, read by overrides/main.html) until they are fixed and saved."""

from __future__ import annotations

import logging
import sys
import traceback
from dataclasses import dataclass, field
from pathlib import Path

from mkdocs.exceptions import PluginError
from mkdocs.utils import CountHandler

from scripts.build.incremental import current_manifest


@dataclass(frozen=True)
class Failure:
    """What stopped a generation: `message` for the terminal, `items` for the banner."""

    message: str
    items: tuple[dict[str, str], ...]


@dataclass
class Generation:
    """The generation as the builds of one MkDocs process see it (`mkdocs serve` rebuilds many times)."""

    serving: bool = False                   # `mkdocs serve`: bad data does not stop the build
    theme: dict[str, dict[str, str]] = field(default_factory=dict)  # per language, the data's words the theme shows
    failed_from: str | None = None          # fingerprint of the inputs whose generation last failed
    failure: Failure | None = None          # what stopped it; None once the pages are current

    def problems(self) -> list[dict[str, str]]:
        """The problems for the banner: empty when the pages are current."""
        return list(self.failure.items if self.failure else [])

    def regenerate(self, root: Path, fingerprint: str) -> None:
        """Make docs/ hold the pages of the inputs whose fingerprint is given (scripts/build/incremental.py
        inputs_fingerprint), unless it does already (the manifest and every file it lists are checked
        on each build: a page deleted by hand is made again)."""
        manifest = current_manifest(root, fingerprint)
        if manifest is not None:  # generated from exactly these inputs, and untouched since
            self.theme, self.failed_from, self.failure = manifest.theme, None, None
            return
        if fingerprint != self.failed_from:  # the same inputs fail the same way: not generated again
            failure = self.generate_or_report(root)
            if failure is None:
                self.failed_from, self.failure = None, None
                return
            self.failed_from, self.failure = fingerprint, failure
            if self.serving:
                # Printed, not logged as an error, which would count against `strict` and abort the
                # build (then the server would hold requests until the problem is fixed).
                print(f"{failure.message}\nServing the last good pages, with these problems in a banner on every "
                      "page, until they are fixed.", file=sys.stderr, flush=True)
        if not self.serving:
            raise PluginError(f"\n{self.failure.message}")
        self.tolerate_warnings()

    def tolerate_warnings(self) -> None:
        """While the pages are not current under `mkdocs serve`, the last good pages are served, or
        whatever there is when there are none (docs/*.md not generated yet: then the nav's pages
        are missing). The warnings of the build under way (each language's) are printed but do not
        abort it under `strict`: an aborted build would make the server hold requests."""
        if not (self.serving and self.failure):
            return
        for handler in logging.getLogger("mkdocs").handlers:
            if isinstance(handler, CountHandler):
                handler.setLevel(logging.CRITICAL + 1)

    def generate_or_report(self, root: Path) -> Failure | None:
        """Generate docs/ (scripts/build/generate.py); None if it was generated, else what stopped
        it: each data problem on its `FILE:LINE`, or the one line of any other error (a missing
        font, a fault in the generator) with the place in the code it came from."""
        from scripts.build.generate import (  # loaded when there is work for it
            DataError,
            FontMissing,
            generate,
        )

        try:
            self.theme = generate(root).theme
        except DataError as error:
            return Failure(str(error), tuple({"where": f"{problem.file}:{problem.line}",
                                              "text": f"{problem.field}: {problem.message}" if problem.field
                                              else problem.message} for problem in error.problems))
        except FontMissing as error:  # this machine, not the data: say what to install
            return Failure(str(error), ({"where": "font", "text": str(error)},))
        except Exception as error:  # noqa: BLE001 (a fault in the code: said in one line, never a hung server)
            where, what = error_place(error, root), one_line(error)
            return Failure(f"{where}: the generator failed: {what}", ({"where": where, "text": what},))
        return None


def one_line(error: BaseException) -> str:
    """An error as one line: its kind and the first line of its message."""
    message = str(error).strip().splitlines()
    return f"{type(error).__name__}: {message[0]}" if message else type(error).__name__


def error_place(error: BaseException, root: Path) -> str:
    """Where in the project's code an error was raised (its innermost frame under root): FILE:LINE."""
    frames = [frame for frame in traceback.extract_tb(error.__traceback__)
              if Path(frame.filename).resolve().is_relative_to(root.resolve())]
    if not frames:
        return "generator"
    frame = frames[-1]
    return f"{Path(frame.filename).resolve().relative_to(root.resolve()).as_posix()}:{frame.lineno}"
