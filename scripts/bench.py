"""Measure the build: `make bench` prints a table of medians over 5 runs.

- data: load and validate data/ (in this process);
- generate: load, validate, render and write the pages (in this process);
- full build: `python -m scripts.build` in a fresh process (generation, both languages, search
  indexes), wall time and peak resident memory of the process tree.
"""

from __future__ import annotations

import os
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

from scripts.generate import ROOT, generate, load_site_data

RUNS = 5


def time_in_process(work: Callable[[], object]) -> float:
    start = time.perf_counter()
    work()
    return time.perf_counter() - start


def full_build(site_dir: Path) -> tuple[float, float]:
    """(wall seconds, peak MiB) of one build in a child process."""
    start = time.perf_counter()
    child = subprocess.Popen([sys.executable, "-m", "scripts.build", "--site-dir", str(site_dir)],
                             cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    _, status, usage = os.wait4(child.pid, 0)
    wall = time.perf_counter() - start
    if os.waitstatus_to_exitcode(status) != 0:
        sys.exit("The build failed; run `make build` to see why.")
    return wall, usage.ru_maxrss / 1024  # Linux reports KiB; includes waited-for children


def main() -> int:
    data = [time_in_process(lambda: load_site_data(ROOT)) for _ in range(RUNS)]
    pages = [time_in_process(lambda: generate(ROOT)) for _ in range(RUNS)]
    with tempfile.TemporaryDirectory() as scratch:
        builds = [full_build(Path(scratch) / "site") for _ in range(RUNS)]
    rows = [
        ("load + validate data/", f"{statistics.median(data) * 1000:.0f} ms", "-"),
        ("generate pages", f"{statistics.median(pages) * 1000:.0f} ms", "-"),
        ("full build (both languages)", f"{statistics.median(wall for wall, _ in builds):.2f} s",
         f"{statistics.median(peak for _, peak in builds):.0f} MiB"),
    ]
    print(f"Median of {RUNS} runs on {os.cpu_count()} cores:\n")
    print("| step | wall time | peak memory |")
    print("| --- | --- | --- |")
    for row in rows:
        print("| " + " | ".join(row) + " |")
    return 0


if __name__ == "__main__":
    sys.exit(main())
