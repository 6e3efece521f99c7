"""Matching cost as the number of rules grows, beside a per-rule loop measured in the same run.

    .venv/bin/python bench/bench_matching.py            # writes bench/results/matching.md

Rules are as selective as the shipped ones: each anchors on words that appear in a small
share of items. Every figure is the median of several runs.
"""

from __future__ import annotations

import random
import statistics
import sys
import tempfile
import time
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from report import publish  # noqa: E402 - bench/ is on sys.path when a script runs

from alerts.models import Item  # noqa: E402
from alerts.rules import RuleSet, load_rules  # noqa: E402
from alerts.rules.context import MatchContext  # noqa: E402

RUNS = 5
RULE_COUNTS = (10, 100, 1_000, 10_000)
ITEMS = 400


def vocabulary(rng: random.Random, size: int) -> list[str]:
    letters = "abcdefghijklmnopqrstuvwxyz"
    words: set[str] = set()
    while len(words) < size:
        words.add("".join(rng.choice(letters) for _ in range(rng.randint(5, 10))))
    return sorted(words)


def make_items(rng: random.Random, words: list[str]) -> list[Item]:
    # Zipf-like: a few common words, a long tail, as in headlines.
    weights = [1 / (rank + 1) for rank in range(len(words))]
    items = []
    for n in range(ITEMS):
        title = " ".join(rng.choices(words, weights, k=12)).capitalize()
        summary = " ".join(rng.choices(words, weights, k=30))
        items.append(Item(feed_url="bench:", feed_name="Bench", key=str(n), guid=None,
                          link=None, title=title, summary=summary, published=None))
    return items


# Where rules find their anchor words, by frequency rank. "shipped-like" is tuned so that a
# rule is a candidate for, and matches, about as many items as the shipped rules do on a real
# world-news feed; "rare-word" rules anchor on the long tail (a desk's names and places).
SCENARIOS = {"shipped-like": (300, 1_500), "rare-word": (2_000, 20_000)}


def write_rules(folder: Path, rng: random.Random, words: list[str], count: int,
                anchors: tuple[int, int]) -> None:
    tail = words[anchors[0]:anchors[1]]
    common = words[:200]
    per_file = 100
    for start in range(0, count, per_file):
        docs = []
        for n in range(start, min(count, start + per_file)):
            docs.append({
                "id": f"rule-{n}",
                "title": f"Rule {n}",
                "match": {"all": [
                    {"terms": rng.sample(tail, 3)},
                    {"terms": rng.sample(common, 4)},
                    {"not": {"terms": rng.sample(tail, 2)}},
                ]},
            })
        (folder / f"rules-{start:05}.yaml").write_text(yaml.safe_dump_all(docs), "utf-8")


def per_item(func, items: list[Item]) -> float:
    """Median seconds per item over RUNS runs."""
    times = []
    for _ in range(RUNS):
        started = time.perf_counter()
        for item in items:
            func(item)
        times.append((time.perf_counter() - started) / len(items))
    return statistics.median(times)


def naive_loop(rules: RuleSet):
    """The baseline: every rule evaluated on every item, no prefilter."""
    def match(item: Item) -> int:
        ctx = MatchContext(item)
        return sum(rule.condition.evaluate(ctx) is not None for rule in rules.enabled)
    return match


def selectivity(rules: RuleSet, items: list[Item]) -> tuple[float, float]:
    """Share of items for which an average rule is a candidate, and share it matches."""
    candidates = sum(len(rules.candidates(item)) for item in items)
    matches = sum(len(rules.match(item)) for item in items)
    total = len(items) * len(rules.enabled)
    return candidates / total, matches / total


def shipped_selectivity() -> str:
    """The same figures for the shipped rules on a real news feed, when the corpus is here."""
    archive = ROOT.parent / "shared" / "corpus" / "wsj-world-snapshots"
    archive = archive / "items-2025-04-to-2026-02.jsonl"
    if not archive.exists():
        return "(the shared corpus is not here, so the shipped rules' figures are not measured)"
    from alerts.config import FetchSettings
    from alerts.rulepack import shipped_rules_dir
    from alerts.sources import read_inputs

    items = read_inputs([str(archive)], FetchSettings())[0].items
    candidate, match = selectivity(RuleSet(load_rules([shipped_rules_dir()], None)), items)
    return (f"the shipped rules on {len(items):,} WSJ world-news items: a rule is a candidate "
            f"for {candidate:.2%} of items and matches {match:.2%}")


def scenario(name: str, words: list[str], items: list[Item]) -> list[str]:
    rows = []
    reload_row = None
    synthetic = (0.0, 0.0)
    for count in RULE_COUNTS:
        with tempfile.TemporaryDirectory() as tmp:
            folder = Path(tmp)
            write_rules(folder, random.Random(count), words, count, SCENARIOS[name])
            loads, parses, reloads = [], [], []
            for run in range(3):
                from alerts.rules import loader

                loader._cache.clear()
                started = time.perf_counter()
                rules = RuleSet(load_rules([folder], None))
                loads.append(time.perf_counter() - started)
                # A hot reload after one file changed: only that file is parsed again.
                changed = sorted(folder.glob("*.yaml"))[0]
                changed.write_text(changed.read_text("utf-8") + f"# edit {run}\n", "utf-8")
                started = time.perf_counter()
                rules = RuleSet(load_rules([folder], None))
                reloads.append(time.perf_counter() - started)
                started = time.perf_counter()
                for path in sorted(folder.glob("*.yaml")):
                    list(yaml.load_all(path.read_text("utf-8"), Loader=yaml.CSafeLoader))
                parses.append(time.perf_counter() - started)
            if count == RULE_COUNTS[-1]:
                reload_row = (statistics.median(loads), statistics.median(parses),
                              statistics.median(reloads))
            if count == 1_000:
                synthetic = selectivity(rules, items)
            fast = per_item(rules.match, items)
            # The per-rule loop is slow at large counts: a subset gives the same per-item cost.
            sample = items[: max(20, ITEMS * 10 // count)]
            slow = per_item(naive_loop(rules), sample)
            matched = sum(bool(rules.match(i)) for i in items)
            rows.append((count, fast, slow, matched))
            print(f"{name}: {count:>6} rules: {1 / fast:>9,.0f} items/s (per-rule loop "
                  f"{1 / slow:>9,.0f}), {matched} of {ITEMS} items matched", flush=True)
    base_fast, base_slow = rows[0][1], rows[0][2]
    lines = [
        f"### {name} rules",
        "",
        "| rules | items/s | time per item vs 10 rules | per-rule loop items/s | "
        "per-rule loop vs 10 rules | speed-up over the loop | items matched |",
        "|---:|---:|---:|---:|---:|---:|---:|",
    ]
    for count, fast, slow, matched in rows:
        lines.append(f"| {count:,} | {1 / fast:,.0f} | {fast / base_fast:.1f}x | {1 / slow:,.0f} "
                     f"| {slow / base_slow:.1f}x | {slow / fast:.0f}x | {matched} of {ITEMS} |")
    assert reload_row is not None
    load, parse, reload = reload_row
    lines += [
        "",
        f"Loading and checking {RULE_COUNTS[-1]:,} rules from 100 files, cold: {load:.2f} s "
        f"({load / parse:.1f}x the time libyaml alone takes to parse the same files, "
        f"{parse:.2f} s). Reloading them after one file changed: {reload:.2f} s "
        f"({reload / load:.2f}x the cold load).",
    ]
    lines += [
        "",
        f"Selectivity: a rule here is a candidate for {synthetic[0]:.2%} of items and "
        f"matches {synthetic[1]:.2%}.",
        "",
    ]
    return lines


def every_kind() -> list[str]:
    """1,000 rules of every condition kind (tests/tools/same_alerts.py: terms with phrases
    and wildcards, near by words and by sentence, regex, not, any, fields, entities, counts,
    events, contact, event frames, gap, count, throttle) on real news, one history, as the
    daemon matches them: CPU time per item (process time, steadier than the clock on a
    shared machine), beside the per-rule loop in the same run."""
    from alerts.rules.history import HistoryView
    from tests.tools import same_alerts

    real = same_alerts.real_items()
    if real is None:
        return ["### every kind of condition, real news", "",
                "(the shared corpus is not here, so this is not measured)", ""]
    items = [item for _, item in real[::4]]
    with tempfile.TemporaryDirectory() as tmp:
        rules = same_alerts.generated_rules(same_alerts.vocabulary(i for _, i in real),
                                            Path(tmp))

    def run(match, subset: list[Item]) -> float:
        history = HistoryView()
        started = time.process_time()
        for item in subset:
            match(item, history)
        return (time.process_time() - started) / len(subset)

    def fast(item: Item, history: HistoryView) -> None:
        rules.match(item, now=item.published or same_alerts.UNDATED, history=history)

    def loop(item: Item, history: HistoryView) -> None:
        ctx = MatchContext(item, now=item.published or same_alerts.UNDATED, history=history)
        for rule in rules.enabled:
            ctx.rule_id = rule.id
            rule.condition.evaluate(ctx)

    for item in items[:200]:  # the analysis and knowledge base loaded, caches warm
        fast(item, HistoryView())
    ours = statistics.median(run(fast, items) for _ in range(3))
    sample = items[:400]  # the loop is slow: a part of the items gives its cost per item
    slow = run(loop, sample)
    return [
        "### every kind of condition, real news",
        "",
        f"{len(rules.enabled):,} generated rules (tests/tools/same_alerts.py) on {len(items):,} "
        "items of the real set (every 4th), one history:",
        "",
        "| | CPU ms per item | items/s |",
        "|---|---:|---:|",
        f"| ours | {ours * 1000:.3f} | {1 / ours:,.0f} |",
        f"| per-rule loop (first {len(sample)} items) | {slow * 1000:.3f} | {1 / slow:,.0f} |",
        "",
        f"Speed-up over the loop: {slow / ours:.1f}x.",
        "",
    ]


def main() -> None:
    rng = random.Random(20250701)
    words = vocabulary(rng, 20_000)
    items = make_items(rng, words)
    lines = [f"For comparison, {shipped_selectivity()}.", ""]
    for name in SCENARIOS:
        lines += scenario(name, words, items)
    lines += every_kind()
    table = "\n".join(lines)
    publish("matching", table)


if __name__ == "__main__":
    main()
