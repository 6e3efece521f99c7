"""The state's bytes per stored item (issue #17), alone and with where the bytes go.

    .venv/bin/python bench/bench_state_size.py          # writes bench/results/state_size.md
    BENCH_FEEDS=50 .venv/bin/python bench/bench_state_size.py   # a quick, smaller look

The same measure as bench_cycle.py's last two rows, without rss2email or timing: the same
loopback feeds (BENCH_FEEDS x BENCH_ITEMS), `alerts poll --once --no-send --backfill` on a
fresh state with the shipped rules and with BENCH_RULES generated rules as broad as the
shipped ones; then the database checkpointed and copied with VACUUM INTO (free pages do not
count) over the items stored. For each state it also gives the bytes of every table and
index (SQLite's dbstat) and, for the largest tables, the bytes of each column's values, so
a change to the schema shows where it saved. BENCH_KEEP=DIR keeps the databases in DIR.

A third state, not one of the issue's rows, is measured the same way on real news: the 3,540
items of WSJ World News 2025-26 (../shared/corpus/wsj-world-snapshots) served as feeds of 50,
as bench/cycle_real.py serves them, with the shipped rules (skipped when ../shared is absent).
The bench's words are random letters and 38% of its items match the shipped rules (every
other feed carries the same ceasefire sentence), so its match and story state is far larger
than real news makes, and its texts pack worse.
"""

from __future__ import annotations

import os
import sqlite3
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

from bench_cycle import (  # noqa: E402 - bench/ is on sys.path when a script runs
    BIN,
    BYTES_TARGET,
    ITEMS,
    RULES,
    Wire,
    broad_rules,
    ours,
    serve,
    write_config,
)
from report import publish  # noqa: E402

from tests.servers import FeedServer  # noqa: E402


def vacuumed(db: Path, work: Path) -> Path:
    copy = work / f"{db.stem}.vacuumed.db"
    copy.unlink(missing_ok=True)
    with sqlite3.connect(db) as conn:
        conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        conn.execute("VACUUM INTO ?", [str(copy)])
    return copy


def _stored_length(column: str) -> str:
    """SQL for the bytes a value takes in its record: an integer as SQLite stores it (1 to 8
    bytes; times are microseconds since migrations 0017 and 0018), a text or blob its length."""
    c = f'"{column}"'
    return (f"CASE typeof({c}) WHEN 'integer' THEN CASE WHEN {c} BETWEEN 0 AND 1 THEN 0 "
            f"WHEN {c} BETWEEN -128 AND 127 THEN 1 WHEN {c} BETWEEN -32768 AND 32767 THEN 2 "
            f"WHEN {c} BETWEEN -8388608 AND 8388607 THEN 3 "
            f"WHEN {c} BETWEEN -2147483648 AND 2147483647 THEN 4 "
            f"WHEN {c} BETWEEN -140737488355328 AND 140737488355327 THEN 6 ELSE 8 END "
            f"WHEN 'real' THEN 8 ELSE length(CAST({c} AS BLOB)) END")


def breakdown(copy: Path, items: int) -> list[str]:
    """Bytes per stored item of every table and index, largest first; then per column of
    the tables that hold most (the values' stored lengths, before SQLite's record overhead)."""
    conn = sqlite3.connect(copy)
    try:
        pages = conn.execute("SELECT name, sum(pgsize) FROM dbstat GROUP BY name "
                             "ORDER BY 2 DESC").fetchall()
        total = sum(size for _, size in pages)
        lines = ["| table or index | bytes per item | share |", "|---|---:|---:|"]
        lines += [f"| {name} | {size / items:,.0f} | {size / total:.0%} |"
                  for name, size in pages if size / items >= 1]
        tables = {name for (name,) in conn.execute(
            "SELECT name FROM sqlite_schema WHERE type = 'table'")}
        lines += ["", "| table.column | bytes per item |", "|---|---:|"]
        for name, size in pages:
            if name not in tables or size / total < 0.05:
                continue
            columns = [row[1] for row in conn.execute(f"PRAGMA table_info('{name}')")]
            sums = conn.execute("SELECT " + ", ".join(
                f"coalesce(sum({_stored_length(c)}), 0)" for c in columns)
                + f" FROM \"{name}\"").fetchone()
            pairs = sorted(zip(columns, sums, strict=True), key=lambda p: -p[1])
            lines += [f"| {name}.{column} | {value / items:,.0f} |"
                      for column, value in pairs if value / items >= 1]
        return lines
    finally:
        conn.close()


def real_news(server: FeedServer) -> tuple[list[str], int]:
    """The real WSJ items served as feeds of 50 (as bench/cycle_real.py), and how many items
    they hold; no feeds without the shared corpus."""
    from bench_analysis import CORPUS
    from cycle_real import PER_FEED, rss

    from alerts.quality.real import wsj

    path = CORPUS / "wsj-world-snapshots" / "items-2025-04-to-2026-02.jsonl"
    if not path.exists():
        return [], 0
    items = [item for _, item in wsj(path)]
    return [server.put(f"/wsj{n}.xml", rss(items[i:i + PER_FEED]),
                       content_type="application/xml")
            for n, i in enumerate(range(0, len(items), PER_FEED))], len(items)


def main() -> None:
    from alerts.rulepack import shipped_rules_dir

    wire = Wire()
    server = FeedServer()
    sections: list[str] = []
    summary = ["| rules | items stored | bytes per item | target | verdict |",
               "|---|---:|---:|---:|---|"]
    try:
        urls = serve(server, wire, ITEMS)
        with tempfile.TemporaryDirectory() as tmp:
            work = Path(os.environ.get("BENCH_KEEP") or tmp)
            work.mkdir(parents=True, exist_ok=True)
            generated = broad_rules(work / "rules", wire)
            real, real_items = real_news(server)
            runs = [("shipped", "shipped rules", shipped_rules_dir(), urls),
                    ("1000", f"{RULES:,} generated rules", generated, urls)]
            if real:
                runs.append(("real", f"real news ({real_items:,} WSJ items), shipped rules "
                             "(not an issue row)", shipped_rules_dir(), real))
            for name, label, rules, feeds in runs:
                for suffix in ("", "-wal", "-shm", ".lock", ".parse-memo.json"):
                    (work / f"{name}.db{suffix}").unlink(missing_ok=True)
                config = write_config(work / f"{name}.yaml", feeds, rules, f"{name}.db")
                result = subprocess.run(ours(config, "--backfill"), cwd=work,
                                        capture_output=True, text=True, timeout=1800)
                if result.returncode not in (0, 3):
                    raise SystemExit(f"{BIN / 'alerts'} failed ({result.returncode}): "
                                     f"{result.stderr[-2000:]}")
                copy = vacuumed(work / f"{name}.db", work)
                with sqlite3.connect(copy) as conn:
                    items = conn.execute("SELECT count(*) FROM items").fetchone()[0]
                per_item = copy.stat().st_size / max(items, 1)
                target = BYTES_TARGET.get(name, BYTES_TARGET["shipped"])
                verdict = "met" if per_item <= target else \
                    f"**missed** by {per_item / target:.1f}x"
                if name == "real":  # not the measure: beside it, for comparison
                    verdict = f"{'under' if per_item <= target else 'over'} it (comparison)"
                summary.append(f"| {label} | {items:,} | {per_item:,.0f} | at most "
                               f"{target:,} | {verdict} |")
                sections += ["", f"### {label}", "", *breakdown(copy, max(items, 1))]
                print(summary[-1], flush=True)
    finally:
        server.close()
    publish("state_size", "\n".join([
        f"State bytes per stored item, {len(urls)} feeds x {ITEMS} items "
        f"(`bench/bench_state_size.py`)", "", *summary, *sections]))


if __name__ == "__main__":
    main()
