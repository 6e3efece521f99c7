"""Precision and recall of the shipped rules on the labelled set (tests/data/labelled).

    .venv/bin/python bench/quality.py [--details]

Items are replayed in publication order through the real pipeline with a fresh state, so
history-based rules see only what came before. Writes nothing; prints a table.
"""

from __future__ import annotations

import sys
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from alerts.quality.labelled import evaluate_labelled  # noqa: E402


def main() -> None:
    details = "--details" in sys.argv
    report = evaluate_labelled(ROOT / "tests" / "data" / "labelled")
    print(report.table())
    if details:
        for line in report.mistakes():
            print(line)


if __name__ == "__main__":
    Counter()
    main()
