"""Serve a built site as GitHub Pages does: gzip for text, a 10-minute cache lifetime, under the
project's sub-path. For `make bench` (Lighthouse and first-visit bytes), never for the reader.

    python -m scripts.tools.static_server SITE_DIR [--port 8800] [--sub-path /REPO/]
"""

from __future__ import annotations

import argparse
import functools
import gzip
import io
import socket
import threading
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

from scripts.tools.project import SUB_PATH

TEXT = (".html", ".css", ".js", ".json", ".xml", ".svg", ".txt", ".csv", ".pf_meta", ".pf_index", ".pf_fragment")


class PagesHandler(SimpleHTTPRequestHandler):
    """Files under `sub_path`, gzipped when they are text and the browser accepts it."""

    sub_path = "/"

    def log_message(self, format, *args):  # noqa: A002 (the base class's signature)
        pass

    def translate_path(self, path: str) -> str:
        path = path.split("?", 1)[0].split("#", 1)[0]
        translated = super().translate_path("/" + path[len(self.sub_path):])
        if not path.startswith(self.sub_path) or "\0" in translated:  # %00 names no file: a 404, not a crash
            return str(Path(self.directory) / "__missing__")
        return translated

    def send_head(self):
        path = Path(self.translate_path(self.path))
        if path.is_dir():
            path = path / "index.html"
        if not path.is_file() or not path.name.endswith(TEXT) or "gzip" not in self.headers.get("Accept-Encoding", ""):
            return super().send_head()
        body = gzip.compress(path.read_bytes(), compresslevel=6)
        self.send_response(200)
        self.send_header("Content-Type", self.guess_type(str(path)))
        self.send_header("Content-Encoding", "gzip")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        return io.BytesIO(body)

    def end_headers(self):
        self.send_header("Cache-Control", "max-age=600")  # GitHub Pages' lifetime
        super().end_headers()


def free_port() -> int:
    """A TCP port nobody listens on now."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def serve(site: Path, port: int, sub_path: str) -> ThreadingHTTPServer:
    """Start serving `site` at http://127.0.0.1:PORT{sub_path} in a background thread."""
    handler = functools.partial(type("Handler", (PagesHandler,), {"sub_path": sub_path}), directory=str(site))
    server = ThreadingHTTPServer(("127.0.0.1", port), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("site", type=Path)
    parser.add_argument("--port", type=int, default=8800)
    parser.add_argument("--sub-path", default=SUB_PATH, help="default: mkdocs.yml's (scripts/tools/project.py)")
    arguments = parser.parse_args()
    server = serve(arguments.site, arguments.port, arguments.sub_path)
    print(f"Serving {arguments.site} at http://127.0.0.1:{arguments.port}{arguments.sub_path}")
    threading.Event().wait()
    server.shutdown()


if __name__ == "__main__":
    main()
