"""Analyses made in this process against the same made by real analysis workers (#17).

    .venv/bin/python tests/tools/ahead_equal.py [--corpus]

Every item of the repository's labelled sets (tests/data: labelled, blind 1-4, the written
contrast cases) and, with --corpus and ../shared/corpus beside the checkout, the real set's
items and the WSJ archive's: each analysed here, and through alerts.analysis.ahead's workers
(two, each share split as a document's would be), then compared by repr (mentions included,
read after checking that both left them unread or both read them; each frozenset's members
sorted, see `canonical`). Prints one JSON line:
how many were compared, how many came from the workers, and the first differences.
tests/test_analysis_ahead.py runs the same comparison.
"""

from __future__ import annotations

import asyncio
import json
import re
import sys
from datetime import date
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

from alerts.models import Item  # noqa: E402

DATA = ROOT / "tests" / "data"
CORPUS = ROOT.parent / "shared" / "corpus"
UNDATED = date(2025, 1, 1)
BATCH = 400


def labelled_items() -> list[Item]:
    from alerts.quality.blind import load_blind
    from alerts.quality.contrast import edited as contrast_item
    from alerts.quality.contrast import load_cases
    from alerts.quality.labelled import load_labelled

    items = [row.item for row in load_labelled(DATA / "labelled")]
    for name in ("blind", "blind2", "blind3", "blind4"):
        items += [contrast_item(case, {}) for case in load_blind(DATA / name).cases
                  if case.item_id is None]
    items += [contrast_item(case, {}) for case in load_cases() if case.item_id is None]
    return items


def corpus_items() -> list[Item]:
    from alerts.config import FetchSettings
    from alerts.quality.real import load_items, load_set
    from alerts.sources import read_inputs

    items = list(load_items(CORPUS, load_set()).values())
    archive = CORPUS / "wsj-world-snapshots" / "items-2025-04-to-2026-02.jsonl"
    items += read_inputs([str(archive)], FetchSettings())[0].items
    return items


_SET = re.compile(r"frozenset\(\{([^{}]*)\}\)")


def canonical(analysis: object) -> str:
    """repr(analysis), each frozenset's members in sorted order: a set rebuilt from a pickle
    may list its members in another order than the one it was copied from, even in one
    process (its table is laid out afresh); every reader of the analysis's flags tests
    membership or sorts them."""
    return _SET.sub(lambda m: "frozenset({" + ", ".join(sorted(m[1].split(", "))) + "})",
                    repr(analysis))


def compare(items: list[Item]) -> dict:
    """Each item analysed here and through two real workers (see the module)."""
    from concurrent.futures import ThreadPoolExecutor

    from alerts.analysis import _analyse
    from alerts.analysis.ahead import AnalysisPool

    jobs = [(i.title, i.summary, i.published.date() if i.published else UNDATED)
            for i in items]
    batches = [jobs[k:k + BATCH] for k in range(0, len(jobs), BATCH)]
    pool = AnalysisPool(workers=2)
    differ: list[str] = []
    from_workers = 0
    # The workers answer the next batch while this thread analyses the last one.
    with ThreadPoolExecutor(1) as ahead:
        try:
            pending = ahead.submit(_through_workers, batches[0], pool) if batches else None
            for number, batch in enumerate(batches):
                assert pending is not None
                made = pending.result()
                pending = (ahead.submit(_through_workers, batches[number + 1], pool)
                           if number + 1 < len(batches) else None)
                for (title, summary, day), remote in zip(batch, made, strict=True):
                    if remote is None:
                        continue
                    from_workers += 1
                    local = _analyse(title, summary, day, None)
                    if callable(remote.found):
                        differ.append(f"{title!r}: mentions not read by the worker")
                    elif canonical(local) != canonical(remote) or local != remote:
                        differ.append(f"{title!r}: {canonical(local)[:300]} != "
                                      f"{canonical(remote)[:300]}")
        finally:
            pool.close()
    return {"compared": len(jobs), "from_workers": from_workers, "differ": differ[:10],
            "differences": len(differ)}


def _through_workers(batch: list, pool: object) -> list:
    """analyse_ahead's answer for one batch, on an event loop of this thread's own (not
    asyncio.run: at its end it may print its task, and an Analysis's repr reads its
    mentions)."""
    from alerts.analysis.ahead import analyse_ahead

    loop = asyncio.new_event_loop()
    try:
        return loop.run_until_complete(analyse_ahead(batch, pool))  # type: ignore[arg-type]
    finally:
        loop.close()


def main(argv: list[str]) -> int:
    items = labelled_items()
    if "--corpus" in argv:
        if not CORPUS.is_dir():
            print(json.dumps({"skipped": "no ../shared/corpus"}))
            return 0
        items += corpus_items()
    print(json.dumps(compare(items)))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
