"""Measure the site as its maintainers and readers meet it: `make bench` prints one table.

Every measure is taken on a temporary copy of the project, RUNS times (median), interleaved with
the same measure of a bare MkDocs build of the same pages: the generated docs/, the same theme,
plugins and extensions, no hooks and no template overrides. These machines are noisy, so the
ratio to the bare figure of the same run says more than either number alone.

- build, inputs unchanged: `python -m scripts.build` (what `make build` runs);
- build, cold: the same with every cache removed (.cache/ and the manifest), as on a fresh clone;
- rebuild after a one-line data edit (a figure's label);
- `make serve`: from saving a one-line data edit to the page showing it, and builds per save;
- first visit: bytes a reader's browser downloads (gzip, as GitHub Pages serves) for each home
  page, and whether any of it is search;
- Lighthouse 12.2.3 (npm, pinned), mobile, performance: every page type in both languages,
  served with gzip and GitHub Pages' cache lifetime, median of LIGHTHOUSE_RUNS.

    python -m scripts.tools.bench [--runs 5] [--lighthouse-runs 3] [--no-lighthouse]
"""

from __future__ import annotations

import argparse
import contextlib
import json
import os
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Iterator
from pathlib import Path

import httpx

from scripts.render.pages import PAGES as SITE_PAGES
from scripts.tools.project import ROOT, SUB_PATH, copy_project
from scripts.tools.static_server import free_port, serve

CHROMIUM = os.environ.get("CHROMIUM", "/usr/bin/chromium")
LIGHTHOUSE = ROOT / "node_modules" / ".bin" / "lighthouse"
PAGES = SITE_PAGES  # every page, in both languages
LANGUAGES = {"zh": "", "en": "en/"}
# The environment `make` gives its commands (Makefile): Python keeps compiled modules.
ENVIRONMENT = {name: value for name, value in os.environ.items() if name != "PYTHONDONTWRITEBYTECODE"} | {
    "NO_MKDOCS_2_WARNING": "1"}


def bare_config(project: Path) -> Path:
    """mkdocs.yml without the hooks, the template overrides and the watched folders."""
    text = (project / "mkdocs.yml").read_text(encoding="utf-8")
    text = re.sub(r"^(hooks|watch):\n(?:  .*\n)+", "", text, flags=re.MULTILINE)
    text = re.sub(r"^  custom_dir: .*\n", "", text, flags=re.MULTILINE)
    text = re.sub(r"^docs_dir: .*$", f"docs_dir: {project / 'docs'}", text, flags=re.MULTILINE)
    config = project / ".cache" / "bare" / "mkdocs.yml"
    config.parent.mkdir(parents=True, exist_ok=True)
    config.write_text(text, encoding="utf-8")
    return config


def timed(command: list[str], cwd: Path) -> float:
    start = time.perf_counter()
    result = subprocess.run(command, cwd=cwd, env=ENVIRONMENT, capture_output=True, text=True, check=False)
    if result.returncode != 0:
        sys.exit(f"{' '.join(command)} failed:\n{result.stderr[-3000:]}")
    return time.perf_counter() - start


def ours(project: Path) -> float:
    return timed([sys.executable, "-m", "scripts.build", "--site-dir", str(project / "site")], project)


def bare(project: Path) -> float:
    return timed([sys.executable, "-m", "mkdocs", "build", "--quiet", "-f", str(bare_config(project)),
                  "-d", str(project / "bare-site")], project)


def clear_caches(project: Path) -> None:
    """Every cache of the build (scripts/build/incremental.py), as on a fresh clone."""
    shutil.rmtree(project / ".cache", ignore_errors=True)
    (project / "docs" / ".generated.json").unlink(missing_ok=True)


def edit_label(project: Path, run: int) -> str:
    """Change one figure's English label (a different text each run); return the new label."""
    figures = project / "data" / "figures.yaml"
    label = f"Regional GDP, year-on-year growth, edit {run}"
    text = re.sub(r"^    en: Regional GDP, year-on-year growth.*\n", f"    en: {label}\n",
                  figures.read_text(encoding="utf-8"), count=1, flags=re.MULTILINE)
    figures.write_text(text, encoding="utf-8")
    return label


def interleaved(runs: int, first: Callable[[int], float], second: Callable[[int], float]) -> tuple[float, float]:
    """Median of `runs` of each, taking turns."""
    ours_times, bare_times = [], []
    for run in range(runs):
        ours_times.append(first(run))
        bare_times.append(second(run))
    return statistics.median(ours_times), statistics.median(bare_times)


@contextlib.contextmanager
def serving(project: Path) -> Iterator[tuple[str, Path]]:
    """`make serve` (scripts/tools/serve.py) on the project; yields its page address and its terminal log."""
    port = free_port()
    log = project / "serve.log"
    url = f"http://127.0.0.1:{port}{SUB_PATH}"
    with open(log, "w", encoding="utf-8") as output:
        server = subprocess.Popen([sys.executable, "-m", "scripts.tools.serve", "--dev-addr", f"127.0.0.1:{port}"],
                                  cwd=project, env=dict(ENVIRONMENT, SITE_URL=url), stdout=output, stderr=output)
        try:
            yield url, log
        finally:
            server.terminate()
            server.wait(timeout=30)


def wait_for_text(url: str, text: str, seconds: float = 60) -> float:
    """Seconds until the page at url contains text (polled every 20 ms)."""
    start = time.perf_counter()
    while time.perf_counter() - start < seconds:
        with contextlib.suppress(httpx.HTTPError):
            if text in httpx.get(url, timeout=5).text:
                return time.perf_counter() - start
        time.sleep(0.02)
    sys.exit(f"{url} never showed {text!r}")


def serve_reloads(project: Path, runs: int) -> tuple[float, float]:
    """(median seconds from saving an edit to the page showing it, median builds per save)."""
    with serving(project) as (url, log):
        wait_for_text(url + "en/results.html", "Regional GDP")
        delays, builds = [], []
        for run in range(runs):
            before = log.read_text(encoding="utf-8").count("Building documentation")
            label = edit_label(project, 100 + run)
            delays.append(wait_for_text(url + "en/results.html", label))
            time.sleep(2)  # a second build, if one were coming, would start by now
            builds.append(log.read_text(encoding="utf-8").count("Building documentation") - before)
    return statistics.median(delays), statistics.median(builds)


def first_visit(site: Path, page: str) -> tuple[int, int]:
    """(bytes transferred, requests for search) when a reader first opens `page`, gzip on."""
    from playwright.sync_api import sync_playwright

    port = free_port()
    server = serve(site, port, SUB_PATH)
    try:
        with sync_playwright() as playwright:
            browser = playwright.chromium.launch(executable_path=CHROMIUM, args=["--no-sandbox"])
            tab = browser.new_page()
            requests = []
            tab.on("requestfinished", lambda request: requests.append(request))
            tab.goto(f"http://127.0.0.1:{port}{SUB_PATH}{page}", wait_until="networkidle")
            sizes = sum(request.sizes()["responseBodySize"] + request.sizes()["responseHeadersSize"]
                        for request in requests)
            search = sum("pagefind" in request.url or "search" in request.url for request in requests)
            browser.close()
    finally:
        server.shutdown()
        server.server_close()
    return sizes, search


def lighthouse(site: Path, page: str, runs: int) -> float:
    """Median Lighthouse mobile performance score of `page`, served as GitHub Pages serves it."""
    port = free_port()
    server = serve(site, port, SUB_PATH)
    scores = []
    try:
        for _ in range(runs):
            with tempfile.NamedTemporaryFile(suffix=".json") as report:
                subprocess.run([str(LIGHTHOUSE), f"http://127.0.0.1:{port}{SUB_PATH}{page}",
                                "--only-categories=performance", "--output=json", f"--output-path={report.name}",
                                "--quiet", "--chrome-flags=--headless=new --no-sandbox"],
                               env=dict(ENVIRONMENT, CHROME_PATH=CHROMIUM), check=True, capture_output=True)
                scores.append(json.loads(Path(report.name).read_text(encoding="utf-8"))["categories"]["performance"]["score"] * 100)
    finally:
        server.shutdown()
        server.server_close()
    return statistics.median(scores)


def table(rows: list[tuple[str, str, str, str]]) -> str:
    lines = ["| measure | this site | bare MkDocs | ratio |", "| --- | --- | --- | --- |"]
    return "\n".join(lines + [f"| {' | '.join(row)} |" for row in rows])


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--lighthouse-runs", type=int, default=3)
    parser.add_argument("--no-lighthouse", action="store_true")
    arguments = parser.parse_args(argv)
    runs = arguments.runs
    rows = []
    with tempfile.TemporaryDirectory(prefix="bench-") as scratch:
        project = copy_project(Path(scratch) / "project")
        ours(project)  # generate docs/ (the bare build builds these pages) and warm the caches

        warm = interleaved(runs, lambda run: ours(project), lambda run: bare(project))
        rows.append(("build, inputs unchanged", f"{warm[0]:.2f} s", f"{warm[1]:.2f} s", f"{warm[0] / warm[1]:.2f}"))

        def cold_build(run: int) -> float:
            clear_caches(project)
            return ours(project)
        cold = interleaved(runs, cold_build, lambda run: bare(project))
        rows.append(("build, no caches", f"{cold[0]:.2f} s", f"{cold[1]:.2f} s", f"{cold[0] / cold[1]:.2f}"))

        def edited_build(run: int) -> float:
            edit_label(project, run)
            return ours(project)
        edited = interleaved(runs, edited_build, lambda run: bare(project))
        rows.append(("rebuild after a one-line data edit", f"{edited[0]:.2f} s", f"{edited[1]:.2f} s",
                     f"{edited[0] / edited[1]:.2f}"))

        delay, builds = serve_reloads(project, runs)
        rows.append(("`make serve`: save to reload", f"{delay:.2f} s", f"{warm[1]:.2f} s (a build)", f"{delay / warm[1]:.2f}"))
        rows.append(("`make serve`: builds per save", f"{builds:.0f}", "-", "-"))

        ours(project)
        bare(project)
        site, bare_site = project / "site", project / "bare-site"
        for language, prefix in LANGUAGES.items():
            size, search = first_visit(site, f"{prefix}index.html")
            bare_size, _ = first_visit(bare_site, f"{prefix}index.html")
            rows.append((f"first visit, {language} home (gzip)", f"{size / 1024:.0f} KB, {search} search requests",
                         f"{bare_size / 1024:.0f} KB", f"{size / bare_size:.2f}"))

        if not arguments.no_lighthouse:
            if not LIGHTHOUSE.exists():
                sys.exit(f"{LIGHTHOUSE} is missing: run `make node` (npm ci) first")
            for page in PAGES:
                for language, prefix in LANGUAGES.items():
                    score = lighthouse(site, f"{prefix}{page}.html", arguments.lighthouse_runs)
                    bare_score = lighthouse(bare_site, f"{prefix}{page}.html", arguments.lighthouse_runs)
                    rows.append((f"Lighthouse mobile performance, {prefix}{page}.html", f"{score:.0f}", f"{bare_score:.0f}",
                                 f"{score / bare_score:.2f}"))
    print(f"Medians of {runs} interleaved runs (Lighthouse: {arguments.lighthouse_runs}) on {os.cpu_count()} cores:\n")
    print(table(rows))
    return 0


if __name__ == "__main__":
    sys.exit(main())
