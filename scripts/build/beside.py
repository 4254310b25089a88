"""Work done beside the generation, on the machine's other core: a forked copy of this process
does it while this one goes on, and hands its result back through a pipe (pickled).

    with beside(work) as other:
        ...                       # this process's own part
        result = other.result()   # waits for the copy; raises what `work` raised

The copy is made only when that is safe: in a process with one thread (`make build`'s). Where
another thread runs (`mkdocs serve`, whose server threads may hold locks a copy would find held
forever), `work` runs here when its result is asked for, so both ways give the same result. A copy
still running when the block is left (its result not asked for, after an error) is stopped and
reaped: it never outlives the block, nor holds a lock or a file past it.
"""

from __future__ import annotations

import os
import pickle
import signal
import sys
import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from typing import Generic, TypeVar

T = TypeVar("T")


@dataclass
class Other(Generic[T]):
    """The work, done in the forked copy `pid` (reporting through `pipe`), or here when pid is None."""

    work: Callable[[], T]
    pid: int | None = None
    pipe: int | None = None

    def result(self) -> T:
        if self.pid is None:
            return self.work()
        with os.fdopen(self.pipe, "rb") as stream:
            self.pipe = None
            report = stream.read()
        _, status = os.waitpid(self.pid, 0)
        self.pid = None
        if not report:
            raise RuntimeError(f"the process working beside the generation ended without a result "
                               f"(wait status {status})")
        succeeded, value = pickle.loads(report)
        if not succeeded:
            raise value
        return value

    def stop(self) -> None:
        """End the copy if it still runs, and reap it."""
        if self.pipe is not None:
            os.close(self.pipe)
            self.pipe = None
        if self.pid is not None:
            os.kill(self.pid, signal.SIGKILL)
            os.waitpid(self.pid, 0)
            self.pid = None


def can_fork() -> bool:
    return hasattr(os, "fork") and threading.active_count() == 1


@contextmanager
def beside(work: Callable[[], T]) -> Iterator[Other[T]]:
    """`work` started in a forked copy of this process where that is safe (see above)."""
    other: Other[T] = Other(work)
    if can_fork():
        sys.stdout.flush()
        sys.stderr.flush()
        reading, writing = os.pipe()
        pid = os.fork()
        if pid == 0:  # the copy: do the work, report, and end without this process's exit handlers
            os.close(reading)
            try:
                with os.fdopen(writing, "wb") as stream:
                    stream.write(report_of(work))
            finally:
                os._exit(0)
        os.close(writing)
        other.pid, other.pipe = pid, reading
    try:
        yield other
    finally:
        other.stop()


def report_of(work: Callable[[], object]) -> bytes:
    """(True, the result) or (False, the error raised), pickled; an error that cannot be pickled
    is reported as a RuntimeError with its kind and message."""
    try:
        outcome = (True, work())
    except Exception as error:  # noqa: BLE001 (handed to the waiting process, which raises it)
        outcome = (False, error)
    try:
        return pickle.dumps(outcome)
    except Exception as error:  # noqa: BLE001
        failure = outcome[1] if not outcome[0] else error
        return pickle.dumps((False, RuntimeError(f"{type(failure).__name__}: {failure}")))
