"""Random mistakes in data/ (property-based, with Hypothesis): dropped, repeated and re-indented
lines, values of the wrong type, and junk bytes. Every run must end in either a clean list of
`data/FILE.yaml:LINE: ...` problems, with the generated pages untouched, or a valid site; never
a traceback, never a hang."""

from __future__ import annotations

import re
import signal
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from scripts.build.generate import DataError, generate
from tests.conftest import copy_project

DATA_FILES = sorted(f"data/{path.name}" for path in (Path(__file__).parent.parent / "data").glob("*.yaml"))
PROBLEM = re.compile(r"^(data/[\w.-]+\.yaml):(\d+): ")
JUNK = st.one_of(st.binary(min_size=1, max_size=8),
                 st.sampled_from([b"\x00", b"\xff\xfe", b"\x1b[31m", b"\t", b"'", b'"', b"[", b"{", b"&a ", b"*a",
                                  b": ", b"- ", b"---\n", b"!!python/object:os.system ", b"\xe2\x80\xae"]))
VALUES = st.sampled_from(["[]", "{}", "[1, [2]]", "{a: 1}", "~", "42", "-1.5e3", "true", "2024-13-01", "''", "'x'",
                          '"\\u0000"', "&x y", "*x", "|\n  block", ">-", "!!binary aGk=", "? [k]", "%YAML 1.1"])


def mutate(text: bytes, kind: str, line_index: int, junk: bytes, value: str, shift: int) -> bytes:
    lines = text.split(b"\n")
    index = line_index % len(lines)
    line = lines[index]
    if kind == "drop line":
        del lines[index]
    elif kind == "repeat line":
        lines.insert(index, line)
    elif kind == "re-indent line":
        stripped = line.lstrip(b" ")
        lines[index] = b" " * max(0, len(line) - len(stripped) + shift) + stripped
    elif kind == "change value":
        key, separator, _ = line.partition(b": ")
        lines[index] = key + b": " + value.encode() if separator else value.encode() + b" " + line
    elif kind == "insert junk":
        position = shift % (len(line) + 1)
        lines[index] = line[:position] + junk + line[position:]
    return b"\n".join(lines)


@pytest.fixture(scope="module")
def fuzzed_project(tmp_path_factory) -> Path:
    project = copy_project(tmp_path_factory.mktemp("fuzz") / "project")
    generate(project)
    return project


def pages(project: Path) -> dict[str, bytes]:
    return {path.relative_to(project).as_posix(): path.read_bytes() for path in sorted((project / "docs").rglob("*"))
            if path.is_file()}


class Hang(Exception):
    pass


def on_alarm(signum, frame):
    raise Hang("validation took more than 20 s")


# derandomize: the same 120 mistakes on every run, so CI is reproducible (a failure names its example).
@settings(max_examples=120, deadline=None, derandomize=True, database=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(file=st.sampled_from(DATA_FILES),
       kind=st.sampled_from(["drop line", "repeat line", "re-indent line", "change value", "insert junk"]),
       line_index=st.integers(min_value=0, max_value=5000), junk=JUNK, value=VALUES,
       shift=st.integers(min_value=-4, max_value=40))
def test_every_mistake_ends_in_file_line_problems_or_a_valid_site(fuzzed_project, file, kind, line_index, junk,
                                                                  value, shift):
    path = fuzzed_project / file
    original = path.read_bytes()
    before = pages(fuzzed_project)
    broken = mutate(original, kind, line_index, junk, value, shift)
    path.write_bytes(broken)
    previous = signal.signal(signal.SIGALRM, on_alarm)
    signal.alarm(20)
    try:
        generate(fuzzed_project)
    except DataError as error:
        assert error.problems, "a DataError without problems"
        line_count = broken.count(b"\n") + 1
        for problem in error.problems:
            text = str(problem)
            match = PROBLEM.match(text)
            assert match, f"not FILE:LINE: {text!r}"
            if match[1] == file:
                assert 1 <= int(match[2]) <= line_count, f"line out of the file: {text!r}"
            else:  # a mistake in one file shows as a problem of another only through a reference to it
                assert (fuzzed_project / match[1]).exists()
        assert pages(fuzzed_project) == before, "a failed generation changed docs/"
    else:
        written = pages(fuzzed_project)
        assert {"docs/index.md", "docs/index.en.md"} <= set(written)
    finally:
        signal.alarm(0)
        signal.signal(signal.SIGALRM, previous)
        path.write_bytes(original)
        generate(fuzzed_project) if pages(fuzzed_project) != before else None
