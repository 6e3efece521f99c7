"""Where every benchmark leaves its table: bench/results/NAME.md, and the terminal."""

from __future__ import annotations

from pathlib import Path

RESULTS = Path(__file__).resolve().parent / "results"


def publish(name: str, table: str) -> None:
    RESULTS.mkdir(exist_ok=True)
    (RESULTS / f"{name}.md").write_text(table + "\n", "utf-8")
    print("\n" + table)
