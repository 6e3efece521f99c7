"""Things built once and kept on disk are built by a child process when their cache file is
missing (alerts.buildcache.built with `child`), so that a long-lived process does not keep
what building and pickling leave behind: pickling a pyahocorasick automaton leaks the whole
pickled dump (pyahocorasick 2.3.1, WojciechMula/pyahocorasick#219), which a daemon that
built its knowledge base kept for good (issue #17, idle memory)."""

from __future__ import annotations

import gc
import tracemalloc
from pathlib import Path

import ahocorasick

from alerts import buildcache

WORDS = 20_000  # pickled, about 3 MiB of automaton nodes


class Words:
    """An automaton of WORDS phrases, as the knowledge base's indexes hold them."""

    def __init__(self) -> None:
        self.automaton = ahocorasick.Automaton()
        for n in range(WORDS):
            self.automaton.add_word(f"word {n} of many", n)
        self.automaton.make_automaton()

    def find(self, text: str) -> list[int]:
        return [n for _, n in self.automaton.iter(text)]


def store(folder: str) -> None:
    """The child's call: the same `built`, which builds and stores in that process."""
    built(Path(folder), [])


def built(folder: Path, calls: list[str],
          child: tuple[str, ...] | None = None) -> Words:
    def build() -> Words:
        calls.append("built here")
        return Words()

    return buildcache.built(folder, "words", "key", build, Words, child=child)


def test_a_missing_file_is_built_and_pickled_by_a_child_and_nothing_stays_here(tmp_path):
    calls: list[str] = []
    tracemalloc.start()
    try:
        before = tracemalloc.get_traced_memory()[0]
        words = built(tmp_path, calls, child=(__name__, "store", str(tmp_path)))
        assert words.find("the word 17 of many times") == [17]
        assert calls == []  # built by the child, read back here
        assert [p.name for p in tmp_path.glob("words.*.pickle")] == ["words.key.pickle"]
        del words
        gc.collect()
        kept = tracemalloc.get_traced_memory()[0] - before
    finally:
        tracemalloc.stop()
    # Built and pickled here, the pickled dump (about 3 MiB) would stay.
    assert kept < 256 * 1024, kept
    # Read back by the next process without building.
    assert built(tmp_path, calls).find("word 9 of many") == [9] and calls == []


def test_a_child_that_fails_leaves_the_build_to_this_process(tmp_path):
    calls: list[str] = []
    words = built(tmp_path, calls, child=(__name__, "no_such_function", str(tmp_path)))
    assert calls == ["built here"]
    assert words.find("word 3 of many") == [3]
    assert (tmp_path / "words.key.pickle").is_file()  # and stored, as before
