"""Instructions per item of the analysis of the all-new bench's items, for comparing checkouts
without the machine's noise (issue #17).

    .venv/bin/python bench/analysis_instructions.py [CHECKOUT ...]   # default: this one

Wall and CPU time move by 5-40% from run to run on the shared machines, so a reading that
costs a few per cent more shows in neither; a dozen such costs made the all-new cycle 23%
dearer over four days before anyone saw it (bench/README.md, eleventh session). Counted
instructions move by about 0.1%. For each checkout (a `git worktree` of an older commit,
say), this runs valgrind's callgrind twice over one process of that checkout: once to set up
(load the knowledge base and the lexicon from a warm cache, read bench_cycle's 400 French and
Russian items, those the shipped rules analyse) and once to do the same and then analyse the
400 items three times, the analysis cache emptied before each; the difference over 1,200 is
the figure, in thousands of instructions an item. Needs valgrind (`apt install valgrind`);
about a minute a checkout. Prints one line a checkout; writes nothing.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
ITEMS = 400
ROUNDS = 3

# The work measured, run inside the checkout's own process (its `alerts` first on the path).
CHILD = r"""
import html, os, re, sys
from datetime import date
import alerts  # the checkout's, before bench_cycle puts this one's on the path
sys.path.insert(1, os.environ["BENCH_DIR"])
from bench_cycle import Wire
from alerts.analysis import _cache, analyse_text
from alerts.knowledge import knowledge_base
kb = knowledge_base()
wire = Wire()
texts = []
for feed in (1, 2, 6, 7, 11, 12, 16, 17):  # the French and Russian feeds: rule candidates
    for i in range(50):
        _, title, body = wire.item(feed, i)
        texts.append((title, re.sub(r"<[^>]+>", "", html.unescape(body))))
day = date(2025, 7, 2)
analyse_text(*texts[0], day, kb)
for _ in range(int(os.environ["ROUNDS"])):
    for title, summary in texts:
        _cache.clear()
        analyse_text(title, summary, day, kb)
"""


def _instructions(checkout: Path, rounds: int) -> int:
    env = os.environ | {"PYTHONPATH": str(checkout), "BENCH_DIR": str(HERE),
                        "ROUNDS": str(rounds)}
    run = subprocess.run(["valgrind", "--tool=callgrind", "--callgrind-out-file=/dev/null",
                          sys.executable, "-c", CHILD], cwd=checkout, env=env,
                         capture_output=True, text=True, check=True)
    found = re.search(r"Collected : (\d+)", run.stderr)
    if found is None:
        raise SystemExit(f"valgrind gave no count for {checkout}: {run.stderr[-300:]}")
    return int(found.group(1))


def alerts_of(checkout: Path) -> Path:
    """Where the child's `alerts` comes from (the checkout's own, or the figure is wrong)."""
    env = os.environ | {"PYTHONPATH": str(checkout), "BENCH_DIR": str(HERE), "ROUNDS": "0"}
    code = CHILD.replace("kb = knowledge_base()", "print(alerts.__file__); raise SystemExit")
    out = subprocess.run([sys.executable, "-c", code], cwd=checkout, env=env, check=True,
                         capture_output=True, text=True).stdout.strip()
    return Path(out).resolve().parent


def main() -> None:
    if shutil.which("valgrind") is None:
        raise SystemExit("valgrind is not installed: run `apt install valgrind` and try again.")
    checkouts = [Path(a).resolve() for a in sys.argv[1:]] or [HERE.parent]
    for checkout in checkouts:
        env = os.environ | {"PYTHONPATH": str(checkout), "BENCH_DIR": str(HERE), "ROUNDS": "0"}
        # (a first run builds the checkout's caches, which the counted runs then read)
        subprocess.run([sys.executable, "-c", CHILD], cwd=checkout, env=env, check=True)
        setup = _instructions(checkout, 0)
        total = _instructions(checkout, ROUNDS)
        assert alerts_of(checkout) == checkout / "alerts", checkout
        print(f"{checkout}: {(total - setup) / (ITEMS * ROUNDS) / 1000:,.0f} thousand "
              "instructions an item")


if __name__ == "__main__":
    main()
