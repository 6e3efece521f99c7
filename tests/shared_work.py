"""Expensive results that several test files need, computed once per test run.

Under pytest-xdist each worker is its own process, so a session fixture would still compute
once per worker. A `RunCache` keeps each result as a pickle in a folder of this run's
temporary root (`tmp_path_factory`, shared by the workers of one run and gone with it), and
a file lock makes the second worker wait for the first instead of computing it again.

A result is filed under a digest of its name and of the bytes of every file it is computed
from (the whole `alerts` package, the data files, the corpus files it reads). A result of
other code or other data is never read back: change any of them, even during a run, and it
is computed again (tests/test_shared_work.py shows it). Every caller gets its own copy,
unpickled, so no test sees what another one changed.
"""

from __future__ import annotations

import fcntl
import hashlib
import os
import pickle
import sys
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import TYPE_CHECKING, Any, TypeVar

if TYPE_CHECKING:
    from alerts.models import Item

T = TypeVar("T")

ROOT = Path(__file__).resolve().parent.parent
PACKAGE = ROOT / "alerts"


def files_under(*folders: Path) -> list[Path]:
    """Every file below `folders` (caches of Python's and tools' own left out), sorted."""
    return sorted(p for folder in folders for p in folder.rglob("*")
                  if p.is_file() and "__pycache__" not in p.parts)


def digest(name: str, inputs: Iterable[Path]) -> str:
    """What a result depends on: its name, the Python that computes it, and the path and
    bytes of every input file (a missing one counts as missing, not as empty)."""
    h = hashlib.blake2b(digest_size=16)
    h.update(f"{name}\0{sys.version}\0".encode())
    for path in sorted(set(inputs)):
        h.update(str(path).encode() + b"\0")
        try:
            with path.open("rb") as file:
                for block in iter(lambda: file.read(1 << 20), b""):
                    h.update(block)
        except FileNotFoundError:
            h.update(b"\0missing\0")
        h.update(b"\0")
    return h.hexdigest()


class RunCache:
    """Results kept in `folder` for the rest of the run, one pickle per name and inputs."""

    def __init__(self, folder: Path):
        self.folder = folder
        self.computed: list[str] = []  # names this process computed (the tests read it)

    def get(self, name: str, inputs: Iterable[Path], compute: Callable[[], T]) -> T:
        self.folder.mkdir(parents=True, exist_ok=True)
        key = digest(name, inputs)
        path = self.folder / f"{name}.{key}.pickle"
        with open(self.folder / f"{name}.{key}.lock", "w") as lock:
            fcntl.flock(lock, fcntl.LOCK_EX)  # a second worker waits for the first's result
            try:
                if path.exists():
                    with path.open("rb") as file:
                        found: T = pickle.load(file)
                    return found
                result = compute()
                self.computed.append(name)
                partial = path.with_suffix(f".{os.getpid()}.tmp")
                with partial.open("wb") as file:
                    pickle.dump(result, file, protocol=pickle.HIGHEST_PROTOCOL)
                partial.replace(path)
            finally:
                fcntl.flock(lock, fcntl.LOCK_UN)
        # A copy of what was stored, as every other caller gets.
        with path.open("rb") as file:
            copy: T = pickle.load(file)
        return copy


def run_cache_folder(basetemp: Path) -> Path:
    """The folder every worker of this run shares: xdist gives each worker a basetemp of its
    own inside the run's (popen-gw0...), a run without xdist has only its own."""
    if os.environ.get("PYTEST_XDIST_WORKER"):
        basetemp = basetemp.parent
    return basetemp / "shared-results"


# -- the real labelled set (tests/data/real), read in place from ../shared/corpus ----------------

def real_set_inputs(corpus: Path) -> list[Path]:
    """What the real set's items are made from: the package's code and data, the set's
    files, and the corpus files its sources.yaml names (a folder's files all)."""
    import yaml

    from alerts.quality.real import SET_DIR

    sources = yaml.safe_load((SET_DIR / "sources.yaml").read_text("utf-8"))["sources"]
    corpus_files: list[Path] = []
    for source in sources:
        path = corpus / source["path"]
        corpus_files += files_under(path) if path.is_dir() else [path]
    return [*files_under(PACKAGE, SET_DIR), *corpus_files]


def real_items(cache: RunCache, corpus: Path) -> dict[str, Item]:
    """`alerts.quality.real.load_items(corpus, load_set())`, computed once per run."""
    from alerts.quality.real import load_items, load_set

    def compute() -> dict[str, Any]:
        return load_items(corpus, load_set())

    return cache.get("real-items", real_set_inputs(corpus), compute)
