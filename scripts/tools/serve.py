"""`make serve`: MkDocs' development server, restarted whenever it would otherwise run stale code.

    python -m scripts.tools.serve [--dev-addr 127.0.0.1:8000]

MkDocs' server rebuilds the site on every save in data/, seeds/, overrides/ and docs/assets/
(mkdocs.yml `watch`, scripts/publish/hooks.py `on_serve`), in one long-lived process. That process
cannot take in a change of its own code, so this supervisor restarts it:

- when anything under scripts/ (the generator, its templates and strings, the hooks) or
  constraints.txt changes: the new server renders with the new code from its first build;
- when a watched folder is removed, replaced or restored (`git checkout`, a restored backup):
  the new server watches the new folder.

The browser reloads by itself once the new server answers. Ctrl+C stops both.
"""

from __future__ import annotations

import argparse
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

from scripts import PROJECT
from scripts.build.incremental import CODE, code_fingerprint

ROOT = PROJECT
WATCHED_FOLDERS = ("data", "seeds", "overrides", "docs/assets")  # what MkDocs' server watches
POLL = 0.5  # seconds between two looks at the code and the folders


def code_state(root: Path) -> tuple:
    """A cheap look at the code: each file's path, size and time of change."""
    found = []
    for name in CODE:
        path = root / name
        for file in sorted(path.rglob("*")) if path.is_dir() else [path]:
            if "__pycache__" in file.parts:
                continue
            try:
                status = file.stat()
            except OSError:
                continue
            found.append((file.as_posix(), status.st_size, status.st_mtime_ns))
    return tuple(found)


def folder_identities(root: Path) -> tuple:
    """Which folder each watched path is (device and inode), or None where there is none."""
    identities = []
    for name in WATCHED_FOLDERS:
        try:
            status = (root / name).stat()
            identities.append((status.st_dev, status.st_ino))
        except OSError:
            identities.append(None)
    return tuple(identities)


class Supervisor:
    def __init__(self, root: Path, arguments: list[str]):
        self.root, self.arguments = root, arguments
        self.server: subprocess.Popen | None = None

    def start(self) -> None:
        command = [sys.executable, "-m", "mkdocs", "serve", *self.arguments]
        self.server = subprocess.Popen(command, cwd=self.root, env=dict(os.environ, NO_MKDOCS_2_WARNING="1"))

    def stop(self) -> None:
        if self.server is None or self.server.poll() is not None:
            return
        self.server.terminate()
        try:
            self.server.wait(timeout=10)
        except subprocess.TimeoutExpired:
            self.server.kill()
            self.server.wait()

    def restart(self, why: str) -> None:
        print(f"{why}: restarting the server, so that it runs and watches what is on disk now.", file=sys.stderr,
              flush=True)
        self.stop()
        self.start()

    def run(self) -> int:
        code, code_digest, folders = code_state(self.root), code_fingerprint(self.root), folder_identities(self.root)
        self.start()
        reported_exit = False
        while True:
            time.sleep(POLL)
            if self.server.poll() is not None and not reported_exit:
                print("The server stopped; it starts again on the next change of the code.", file=sys.stderr, flush=True)
                reported_exit = True
            now = code_state(self.root)
            if now != code:
                code = now
                digest = code_fingerprint(self.root)
                if digest != code_digest:
                    code_digest = digest
                    self.restart("scripts/ or constraints.txt changed")
                    reported_exit = False
                    continue
            identities = folder_identities(self.root)
            if identities != folders:
                folders = identities
                if all(identity is not None for identity in identities):
                    self.restart("a watched folder was replaced")
                    reported_exit = False


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--dev-addr", default="127.0.0.1:8000", help="address and port of the server")
    arguments = parser.parse_args(argv)
    supervisor = Supervisor(ROOT, ["--dev-addr", arguments.dev_addr])

    def stop(signum, frame):
        supervisor.stop()
        sys.exit(0)

    signal.signal(signal.SIGTERM, stop)
    try:
        return supervisor.run()
    except KeyboardInterrupt:
        supervisor.stop()
        return 0


if __name__ == "__main__":
    sys.exit(main())
