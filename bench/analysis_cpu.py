"""CPU time per item of the analysis, for comparing two checkouts in the same run.

    .venv/bin/python bench/analysis_cpu.py [CHECKOUT]    # CHECKOUT: this one by default

Run it on a worktree of the code before a change and on the checkout with it, in turn, a
few times each (`git worktree add --detach /tmp/before <commit>`): the machine is shared,
so wall-clock figures move 2-4x while CPU time (process_time) moves by about 5%. For the
items of bench_analysis.py (the labelled set, and a year of WSJ World News when the corpus
is beside this checkout), the minimum and the median of 7 runs, in µs an item, of: the
shipped frame rules' matching (analysis included), the analysis of every item, and the
analysis of the prefilter's candidates alone. Prints one line; writes nothing.
"""

from __future__ import annotations

import os
import statistics
import sys
import time
from collections.abc import Callable
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = Path(sys.argv[1]).resolve() if len(sys.argv) > 1 else HERE.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

import bench_analysis  # noqa: E402 - from the checkout measured

import alerts.analysis as analysis  # noqa: E402
from alerts.models import Item  # noqa: E402
from alerts.rulepack import shipped_rules_dir  # noqa: E402
from alerts.rules import RuleSet, load_rules  # noqa: E402
from alerts.rules.history import HistoryView  # noqa: E402

RUNS = 7
bench_analysis.CORPUS = HERE.parent.parent / "shared" / "corpus"


def cpu(work: Callable[[Item], object], items: list[Item]) -> str:
    """'min/median' µs of CPU an item over RUNS runs, the analysis cache emptied each run."""
    times = []
    for _ in range(RUNS):
        analysis._cache.clear()
        start = time.process_time()
        for item in items:
            work(item)
        times.append((time.process_time() - start) / len(items) * 1e6)
    return f"{min(times):.0f}/{statistics.median(times):.0f}"


def main() -> None:
    if not analysis.__file__ or not analysis.__file__.startswith(str(ROOT)):
        raise SystemExit(f"alerts was imported from {analysis.__file__}, not from {ROOT}: "
                         "run this script with the checkout's own virtual environment or "
                         "give the checkout as the argument.")
    frames = RuleSet(load_rules([shipped_rules_dir()], None))
    out = [str(ROOT), f"load {os.getloadavg()[0]:.1f}"]
    for name, batch in bench_analysis.items():
        for item in batch[:20]:  # the knowledge base, the lexicon and the automatons load
            frames.match(item, history=HistoryView(), record=False)
        candidates = [item for item in batch if frames.candidates(item)]
        matched = cpu(lambda i: frames.match(i, now=i.published, history=HistoryView(),
                                             record=False), batch)
        out.append(f"{name}: match {matched} | analysis, every item "
                   f"{cpu(analysis.analyse, batch)} | analysis, {len(candidates)} candidates "
                   f"{cpu(analysis.analyse, candidates)}")
    print(" ; ".join(out), flush=True)


if __name__ == "__main__":
    main()
