"""Analysis + matching per item (rules on event frames) against word matching on the same items.

    .venv/bin/python bench/bench_analysis.py            # writes bench/results/analysis.md

Items: the written labelled set (tests/data/labelled, eight languages) and, when the corpus
is beside the checkout (../shared/corpus), the 3,540 items of a year of WSJ World News. The
word-matching rules are the shipped pack as it was before issue #15 (read from git at commit
BEFORE), run by today's engine; the frame rules are the shipped pack. Each figure is the
median of several runs; the analysis cache is emptied before every run, so each item is
analysed once per run, as in a poll.
"""

from __future__ import annotations

import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from report import publish  # noqa: E402 - bench/ is on sys.path when a script runs

import alerts.analysis as analysis  # noqa: E402
from alerts.models import Item  # noqa: E402
from alerts.quality.labelled import load_labelled  # noqa: E402
from alerts.rulepack import shipped_rules_dir  # noqa: E402
from alerts.rules import RuleSet, load_rules  # noqa: E402
from alerts.rules.history import HistoryView  # noqa: E402

RUNS = 5
BEFORE = "1a98cec"  # the last commit whose shipped rules matched words
RULE_FILES = ("_lists", "ceasefire-agreed", "ceasefire-call", "diplomatic-relations",
              "first-contact-after-gap", "peace-talks")
CORPUS = ROOT.parent / "shared" / "corpus"


def word_rules(folder: Path) -> RuleSet | None:
    """The pre-#15 shipped rules, from git; None when this is not a git checkout."""
    for name in RULE_FILES:
        try:
            text = subprocess.run(["git", "show", f"{BEFORE}:rules/{name}.yaml"], cwd=ROOT,
                                  capture_output=True, text=True, check=True).stdout
        except (OSError, subprocess.CalledProcessError):
            return None
        (folder / f"{name}.yaml").write_text(text, "utf-8")
    return RuleSet(load_rules([folder], None))


def items() -> list[tuple[str, list[Item]]]:
    sets = [("labelled set (8 languages)",
             [row.item for row in load_labelled(ROOT / "tests" / "data" / "labelled")])]
    wsj = CORPUS / "wsj-world-snapshots" / "items-2025-04-to-2026-02.jsonl"
    if wsj.exists():
        from alerts.quality.real import wsj as read_wsj

        sets.append(("WSJ World News 2025-26", [item for _, item in read_wsj(wsj)]))
    return sets


def per_item(rules: RuleSet, batch: list[Item]) -> float:
    """Median seconds per item for matching the batch (analysis included, cache cleared)."""
    times = []
    for _ in range(RUNS):
        analysis._cache.clear()
        start = time.perf_counter()
        for item in batch:
            rules.match(item, now=item.published, history=HistoryView(), record=False)
        times.append((time.perf_counter() - start) / len(batch))
    return statistics.median(times)


def analysis_only(batch: list[Item]) -> float:
    times = []
    for _ in range(RUNS):
        analysis._cache.clear()
        start = time.perf_counter()
        for item in batch:
            analysis.analyse(item)
        times.append((time.perf_counter() - start) / len(batch))
    return statistics.median(times)


def main() -> None:
    frames = RuleSet(load_rules([shipped_rules_dir()], None))
    with tempfile.TemporaryDirectory() as tmp:
        words = word_rules(Path(tmp))
        rows = []
        for name, batch in items():
            # Warm-up: the knowledge base, the lexicon and the automatons load once.
            for item in batch[:20]:
                frames.match(item, history=HistoryView(), record=False)
                if words is not None:
                    words.match(item, history=HistoryView(), record=False)
            candidates = sum(1 for item in batch if frames.candidates(item))
            new = per_item(frames, batch)
            only = analysis_only(batch)
            old = per_item(words, batch) if words is not None else None
            ratio = f"{new / old:.2f}x" if old else "n/a (no git)"
            old_text = f"{old * 1e6:,.0f}" if old else "n/a"
            rows.append(f"| {name} | {len(batch):,} | {candidates:,} | {old_text} | "
                        f"{new * 1e6:,.0f} | {ratio} | {only * 1e6:,.0f} |")
    table = "\n".join([
        "| items | count | prefilter candidates | word rules µs/item | frame rules µs/item "
        "(analysis included) | ratio | analysis alone, every item, µs |",
        "|---|---:|---:|---:|---:|---:|---:|",
        *rows,
    ])
    publish("analysis", table)


if __name__ == "__main__":
    main()
