"""The run's shared results (tests/shared_work.py) are never stale: a result is read back only
for the same name and the same bytes of every input, and each caller gets its own copy."""

from __future__ import annotations

import threading
from pathlib import Path

from tests.conftest import CORPUS
from tests.shared_work import PACKAGE, RunCache, real_set_inputs


def counting(value: object) -> tuple[list[int], object]:
    calls: list[int] = []

    def compute() -> object:
        calls.append(1)
        return value
    return calls, compute


def test_an_unchanged_input_is_read_back_and_a_changed_one_computed_again(tmp_path: Path):
    code, data = tmp_path / "code.py", tmp_path / "data.csv"
    code.write_text("x = 1\n")
    data.write_text("a,b\n")
    cache = RunCache(tmp_path / "cache")
    calls, compute = counting({"rows": [1, 2]})
    assert cache.get("thing", [code, data], compute) == {"rows": [1, 2]}
    assert cache.get("thing", [code, data], compute) == {"rows": [1, 2]}
    assert len(calls) == 1
    # Another cache on the same folder (another xdist worker) reads it too.
    assert RunCache(tmp_path / "cache").get("thing", [code, data], compute) == {"rows": [1, 2]}
    assert len(calls) == 1
    code.write_text("x = 2\n")  # the code changed (even by one byte, same size)
    cache.get("thing", [code, data], compute)
    assert len(calls) == 2
    data.write_text("a,c\n")  # the data changed
    cache.get("thing", [code, data], compute)
    assert len(calls) == 3
    data.unlink()  # an input gone is not an empty input
    cache.get("thing", [code, data], compute)
    data.write_text("")
    cache.get("thing", [code, data], compute)
    assert len(calls) == 5
    cache.get("other", [code, data], compute)  # another name is another result
    assert len(calls) == 6 and cache.computed == ["thing"] * 5 + ["other"]


def test_every_caller_gets_its_own_copy(tmp_path: Path):
    cache = RunCache(tmp_path)
    first = cache.get("list", [], lambda: [1, 2])
    first.append(3)
    assert cache.get("list", [], lambda: [9]) == [1, 2]


def test_workers_asking_at_once_compute_it_once(tmp_path: Path):
    """Two workers (here threads, each with its own lock file handle) ask together: the
    second waits for the first's result instead of computing it again."""
    calls: list[int] = []
    started = threading.Event()

    def slow() -> str:
        calls.append(1)
        started.set()
        threading.Event().wait(0.3)
        return "done"

    got: list[str] = []
    threads = [threading.Thread(target=lambda: got.append(RunCache(tmp_path).get("s", [], slow)))
               for _ in range(2)]
    threads[0].start()
    assert started.wait(10)
    threads[1].start()
    for t in threads:
        t.join(10)
    assert got == ["done", "done"] and len(calls) == 1


def test_the_real_sets_items_depend_on_the_code_the_set_and_the_corpus():
    inputs = real_set_inputs(CORPUS)
    assert PACKAGE / "quality" / "real.py" in inputs and PACKAGE / "normalise.py" in inputs
    assert any(p.name == "events.yaml" for p in inputs)
    assert any(p.name == "sources.yaml" for p in inputs)
    if CORPUS.is_dir():
        assert CORPUS / "ag-news-test" / "test.csv" in inputs
        assert any(p.name.startswith("news-items-2022-") for p in inputs)
