"""The build's cache and the edges a careless or hostile maintainer reaches: an entry cut short,
flipped or half-written is never used; two writers never meet; what a killed writer left goes;
text no page can show is refused on its line; BibTeX stays parseable whatever the title; a
request for %00 is a 404."""

from __future__ import annotations

import hashlib
import multiprocessing
import subprocess
import threading
from pathlib import Path

import httpx
import pytest

from scripts.build.cache import Cache
from scripts.render.citations import bibtex, bibtex_text, safe_name
from tests.test_problems import assert_only, edited, line_with, problems


def test_an_entry_reads_back_as_written_and_a_damaged_one_is_never_used(tmp_path):
    cache = Cache(tmp_path / "cache")
    payload = "页面 page".encode() * 100
    for damage in ("truncate", "flip", "empty", "digest only"):
        cache.put("key", payload)
        assert cache.get("key") == payload
        stored = (tmp_path / "cache" / "key").read_bytes()
        damaged = {"truncate": stored[:len(stored) // 2], "flip": stored[:40] + bytes([stored[40] ^ 1]) + stored[41:],
                   "empty": b"", "digest only": stored[:32]}[damage]
        (tmp_path / "cache" / "key").write_bytes(damaged)
        assert cache.get("key") is (None if damage != "digest only" or payload else b""), damage
        assert not (tmp_path / "cache" / "key").exists(), f"{damage}: the bad entry stayed"
    assert cache.get("missing") is None


def test_prune_keeps_what_was_used_and_removes_what_killed_writers_left(tmp_path):
    cache = Cache(tmp_path)
    cache.put("old", b"1")
    cache.prune()
    cache.put("new", b"2")
    ended = subprocess.Popen(["true"])
    ended.wait()
    (tmp_path / f".half.{ended.pid}-1.tmp").write_bytes(b"half")  # a writer that was killed
    cache.prune()
    assert sorted(path.name for path in tmp_path.iterdir()) == ["new"]


def _write_many(folder: str, start: int) -> None:
    cache = Cache(Path(folder))
    for number in range(200):
        cache.put(f"shared-{number % 5}", f"{number % 5}".encode() * 1000)


def test_writers_in_two_processes_and_two_threads_never_leave_a_bad_entry(tmp_path):
    folder = str(tmp_path / "cache")
    processes = [multiprocessing.Process(target=_write_many, args=(folder, start)) for start in (0, 1)]
    threads = [threading.Thread(target=_write_many, args=(folder, start)) for start in (2, 3)]
    for worker in (*processes, *threads):
        worker.start()
    for worker in (*processes, *threads):
        worker.join()
    cache = Cache(Path(folder))
    assert [cache.get(f"shared-{number}") for number in range(5)] == [f"{number}".encode() * 1000 for number in range(5)]
    assert not list(Path(folder).glob(".*.tmp"))


# Text no page can show, refused by `make check` on its line

DOCUMENT = "data/document.yaml"


@pytest.mark.parametrize("escape, code", [("\\u202e", "202E"), ("\\x00", "0000"), ("\\x1b", "001B"), ("\\a", "0007"),
                                          ("\\ufffe", "FFFE")])
def test_an_invisible_character_written_as_an_escape_is_refused_on_its_line(project, escape, code):
    text = edited(project, DOCUMENT, "    en: Pan Guoqiang\n", f'    en: "Pan{escape}Guoqiang"\n')
    assert_only(project, f"{DOCUMENT}:{line_with(text, 'Pan' + escape)}: speaker.name.en: invisible character "
                         f"U+{code} (a control or text-direction character, written as an escape); delete it")


def test_a_word_longer_than_any_line_is_refused(project):
    word = "W" * 1_001
    text = edited(project, DOCUMENT, "  en: Plenary (Enlarged) Meeting of the District Government\n", f"  en: {word}\n")
    assert_only(project, f"{DOCUMENT}:{line_with(text, word)}: meeting.en: a word of 1,001 characters "
                         "(WWWWWWWWWWWWWWWWWWWW…), longer than a line of any page or card (at most 100); break it with spaces")


def test_a_text_longer_than_any_page_is_refused(project):
    text = edited(project, DOCUMENT, "  en: Plenary (Enlarged) Meeting of the District Government\n",
                  "  en: " + "word " * 1_200 + "\n")
    assert problems(project) == [f"{DOCUMENT}:{line_with(text, 'word word')}: meeting.en: 5,999 characters, more "
                                 "than any page shows (at most 5,000); check that this is the right text"]


def test_a_named_pipe_where_a_data_file_belongs_is_refused_without_waiting(project):
    (project / "data/charts.yaml").unlink()
    subprocess.run(["mkfifo", str(project / "data/charts.yaml")], check=True)
    assert_only(project, "data/charts.yaml:1: not a regular file (a folder, a named pipe or a device); restore the "
                         "file from git")


# Relations and periods

RELATIONS, PERIODS = "data/relations.yaml", "data/periods.yaml"


def test_a_relation_that_states_one_of_its_own_inputs(project):
    text = edited(project, RELATIONS, "  stated: service-hall-rate-2024\n", "  stated: approval-items-in-service-hall-2024\n")
    assert_only(project, f"{RELATIONS}:{line_with(text, 'stated: approval-items-in-service-hall-2024')}: "
                         "service-hall-share: stated: approval-items-in-service-hall-2024 is one of the inputs: a relation "
                         "cannot check a figure against itself (name the figure that states the result)")


def test_days_of_a_period_the_share_is_not_of(project):
    text = edited(project, RELATIONS, '  days_of: "2024"\n', '  days_of: "2024-H1"\n')
    assert_only(project, f"{RELATIONS}:{line_with(text, 'days_of: ' + chr(34) + '2024-H1')}: good-air-days-target-days: "
                         "days_of: 2024-H1, but good-air-days-share-target is a share of 2024 (expected days_of: '2024')")


def test_period_words_that_are_not_in_the_speech(project):
    text = edited(project, PERIODS, "  sentence_says: [上半年]  # verbatim", "  sentence_says: [上半年度]  # verbatim")
    assert_only(project, f"{PERIODS}:{line_with(text, '上半年度')}: 2024-H1: sentence_says[0]: '上半年度' is not in the "
                         "speech (copy it exactly from the seed, including half-width punctuation)")


# Citations

def balanced(text: str) -> bool:
    """Whether every brace closes, counting as BibTeX does: escaped or not."""
    depth = 0
    for character in text:
        depth += {"{": 1, "}": -1}.get(character, 0)
        if depth < 0:
            return False
    return depth == 0


@pytest.mark.parametrize("title", ["Speech {briefing", "}Speech", "a {b} c", "50% & _{^~\\"])
def test_a_bibtex_entry_stays_parseable_whatever_its_title(title):
    record = {"key": f"{safe_name('jiangyuan 2024/08 speech {x}')}-figures-2.1", "title": title, "author": title,
              "version": "2.1", "date": "2026-12-07", "url": "downloads.html", "note": title}
    entry = bibtex(record, "https://example.github.io/site/")
    assert balanced(entry), entry
    assert entry.startswith("@misc{jiangyuan-2024-08-speech-x-figures-2.1,\n")
    assert bibtex_text("{") == r"\textbraceleft{}"


def test_safe_names_hold_letters_digits_and_hyphens_only():
    assert safe_name("Jiangyuan 2024-08-22 {讲话}.txt") == "jiangyuan-2024-08-22-txt"
    assert safe_name("讲话") == "speech"


# The benchmark's server

def test_a_request_with_a_null_byte_is_a_404_not_a_crash(tmp_path):
    from scripts.tools.static_server import free_port, serve

    (tmp_path / "index.html").write_text("<p>home</p>", encoding="utf-8")
    port = free_port()
    server = serve(tmp_path, port, "/site/")
    try:
        base = f"http://127.0.0.1:{port}/site/"
        assert httpx.get(base + "a%00b.html").status_code == 404
        assert httpx.get(base + "index.html").text == "<p>home</p>"  # the server still answers
    finally:
        server.shutdown()
        server.server_close()
    assert hashlib  # (imported for the helpers above)


def test_a_failing_indexer_leaves_no_half_index_and_nothing_cached(tmp_path, monkeypatch):
    """Pagefind writes its bundle straight into the site: when it fails half-way, what it wrote
    goes, the build says why, and the cache keeps nothing for those pages."""
    from scripts.publish import search_index

    site = tmp_path / "site"
    (site / "en").mkdir(parents=True)
    (site / "en/index.html").write_text('<html lang="en"><body><div data-pagefind-body><h1>Jiangyuan</h1></div>'
                                        "</body></html>", encoding="utf-8")
    failing = tmp_path / "pagefind"
    failing.write_text('#!/bin/sh\nwhile [ "$1" != --output-path ]; do shift; done\nmkdir -p "$2/fragment"\n'
                       'echo half > "$2/fragment/en_1.pf_fragment"\necho "Error: out of disk" >&2\nexit 1\n')
    failing.chmod(0o755)
    monkeypatch.setattr(search_index, "get_executable", lambda: str(failing))
    cache = Cache(tmp_path / "cache")
    with pytest.raises(RuntimeError, match=r"Pagefind failed to index (.|\n)*out of disk"):
        search_index.index_language(site, ["en/index.html"], "en", "en/", cache, "code")
    assert not (site / "en/pagefind").exists()
    assert not [entry for entry in cache.folder.iterdir() if not entry.name.startswith(".")]
