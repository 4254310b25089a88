"""Work beside the generation (scripts/build/beside.py): done in a forked copy where that is safe,
here otherwise, with the same result and the same errors either way, and no copy left behind.

Each case runs in a fresh interpreter: whether a fork is safe depends on the process's threads,
and the test runner's own threads would make every case take the unforked way."""

import subprocess
import sys
import textwrap

from scripts import PROJECT


def run(code: str) -> str:
    """The printed output of `code` run by a fresh interpreter in the project."""
    result = subprocess.run([sys.executable, "-c", textwrap.dedent(code)], cwd=PROJECT, capture_output=True, text=True,
                            timeout=60, check=False)
    assert result.returncode == 0, result.stderr
    return result.stdout.strip()


def test_the_work_is_done_in_another_process_and_its_result_handed_back():
    assert run("""
        import os
        from scripts.build.beside import beside
        with beside(lambda: (os.getpid(), {"card.png": bytes(range(256)) * 1000})) as other:
            mine = sum(range(1000))
            pid, files = other.result()
        print(pid != os.getpid(), files == {"card.png": bytes(range(256)) * 1000}, mine)
    """) == "True True 499500"


def test_with_another_thread_running_the_work_is_done_here_when_asked():
    assert run("""
        import os, threading
        from scripts.build.beside import beside
        done = []
        stop = threading.Event()
        threading.Thread(target=stop.wait).start()
        with beside(lambda: done.append(os.getpid()) or os.getpid()) as other:
            before = list(done)
            pid = other.result()
        stop.set()
        print(before, pid == os.getpid(), done == [os.getpid()])
    """) == "[] True True"


def test_an_error_of_the_work_is_raised_by_result_either_way():
    for setup in ("", "import threading; stop = threading.Event(); threading.Thread(target=stop.wait, daemon=True).start()"):
        assert run(f"""
            {setup}
            from scripts.render.cards import FontMissing
            from scripts.build.beside import beside
            def work():
                raise FontMissing("no font covers Chinese")
            try:
                with beside(work) as other:
                    other.result()
            except FontMissing as error:
                print("FontMissing:", error)
        """) == "FontMissing: no font covers Chinese"


def test_an_error_that_cannot_be_pickled_is_raised_with_its_kind_and_message():
    assert run("""
        from scripts.build.beside import beside
        class Odd(Exception):
            def __init__(self, handle):
                super().__init__("odd failure")
                self.handle = lambda: handle
        def work():
            raise Odd(1)
        try:
            with beside(work) as other:
                other.result()
        except RuntimeError as error:
            print(error)
    """) == "Odd: odd failure"


def test_a_copy_that_dies_is_reported_not_waited_for_forever():
    assert run("""
        import os, signal
        from scripts.build.beside import beside
        try:
            with beside(lambda: os.kill(os.getpid(), signal.SIGKILL)) as other:
                other.result()
        except RuntimeError as error:
            print(str(error).split(" (")[0])
    """) == "the process working beside the generation ended without a result"


def test_leaving_the_block_early_ends_the_copy_and_reaps_it():
    assert run("""
        import os, time
        from scripts.build.beside import beside
        try:
            with beside(lambda: time.sleep(60)) as other:
                copy = other.pid
                raise ValueError("the pages failed")
        except ValueError:
            pass
        try:
            os.waitpid(copy, os.WNOHANG)
            print("still a child")
        except ChildProcessError:
            print("reaped")
    """) == "reaped"
