"""Quality of the shipped rules, measured: writes bench/quality.md.

    .venv/bin/python bench/quality.py            # labelled set, and ../shared/corpus if present
    .venv/bin/python bench/quality.py --details  # also print every mistake on the labelled set
    .venv/bin/python bench/quality.py --real-baseline DIR  # also score an older rule folder
                                                           # on the real labelled set
"""

from __future__ import annotations

import sys
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from alerts.quality import corpus  # noqa: E402
from alerts.quality.labelled import evaluate_labelled  # noqa: E402
from alerts.quality.real import evaluate as evaluate_real  # noqa: E402
from alerts.quality.real import markdown as real_markdown  # noqa: E402

CORPUS = ROOT.parent / "shared" / "corpus"


def reviewed(alerts: list, verdicts: dict) -> tuple[list[str], list[str], int, int]:
    rows, wrong = [], []
    agree = disagree = 0
    for item, rule in alerts:
        verdict = verdicts.get((rule, item.title))
        mark = verdict["verdict"] if verdict else "not reviewed"
        agree += mark == "agree"
        disagree += mark == "disagree"
        if mark == "disagree":
            wrong.append(f"  - `{rule}`: {item.title} ({verdict.get('why', '')})")
        rows.append(f"| `{rule}` | {item.title} | {mark} |")
    return rows, wrong, agree, disagree


def real_section(baseline: Path | None = None) -> list[str]:
    """The real labelled set with the shipped rules, and optionally an older rule folder."""
    lines = [
        "## Real labelled set (`tests/data/real`, issue #15)",
        "",
        "Reproduce with `.venv/bin/python bench/quality.py` or, for this section alone, "
        "`.venv/bin/python -m alerts.quality.real`; the targets are also a test "
        "(`.venv/bin/python -m pytest tests/test_quality_real.py -m quality_target`). "
        "How the set was labelled, the definitions and an error analysis by mechanism: "
        "[tests/data/real/README.md](../tests/data/real/README.md).",
        "",
        *real_markdown(evaluate_real(CORPUS)),
        "",
    ]
    from alerts.quality.real import HALVES

    for half, sources in HALVES.items():
        report = evaluate_real(CORPUS, sources=sources)
        lines += [
            f"The half `{half}` ({', '.join(sources)}; "
            f"`.venv/bin/python -m alerts.quality.real --half {half}`): the rules of issue #15 "
            "were developed on both halves' mistakes, so neither is a clean hold-out; a gap "
            "between them shows what fits one outlet or period only.",
            "",
            report.table(),
            "",
        ]
    if baseline is not None:
        from alerts.rules import RuleSet, load_rules

        report = evaluate_real(CORPUS, rules=RuleSet(load_rules([baseline], None)))
        lines += [
            f"Baseline, the rule folder `{baseline.name}` given with `--real-baseline` "
            "(for the pack as shipped before the rewrite of issue #15: "
            "`git worktree add /tmp/rules003 003a07a`, then "
            "`--real-baseline /tmp/rules003/rules`); every mistake of it with "
            "`.venv/bin/python -m alerts.quality.real --rules DIR`:",
            "",
            report.table(),
            "",
        ]
    return lines


def main() -> None:
    report = evaluate_labelled(ROOT / "tests" / "data" / "labelled")
    if "--details" in sys.argv:
        print("\n".join(report.mistakes()))
    out = [
        "# Quality of the shipped rules",
        "",
        "Reproduce with `.venv/bin/python bench/quality.py` (the corpus sections need "
        "`../shared/corpus`). The labelled set is also a test (`tests/test_quality.py`).",
        "",
        "## Labelled set (`tests/data/labelled`, eight languages)",
        "",
        "Each item is judged on its own text with an empty history: the set samples four",
        "years, it is not a continuous watch, so gaps between its items mean nothing.",
        "Target: precision >= 0.95 and recall >= 0.90 for every rule.",
        "",
        report.table(),
        "",
    ]
    if CORPUS.is_dir():
        verdicts = {(r["rule"], r["title"]): r for r in
                    yaml.safe_load((ROOT / "bench" / "review.yaml").read_text("utf-8"))}
        ag_lines, ag_alerts = corpus.ag_news(CORPUS)
        wsj_lines, wsj_alerts = corpus.wsj(CORPUS)
        ag_rows, ag_wrong, ag_ok, ag_bad = reviewed(ag_alerts, verdicts)
        wsj_rows, wsj_wrong, wsj_ok, wsj_bad = reviewed(wsj_alerts, verdicts)
        baseline = (Path(sys.argv[sys.argv.index("--real-baseline") + 1])
                    if "--real-baseline" in sys.argv[:-1] else None)
        out += [
            *real_section(baseline),
            "## Contact detection on leaders' call readouts",
            "",
            *corpus.kremlin_readouts(CORPUS),
            *corpus.zelenskyy_readouts(CORPUS),
            "",
            "## Alerts on general world news",
            "",
            "Few alerts, and each one reviewed by a person (verdicts in `bench/review.yaml`).",
            "",
            *ag_lines,
            f"- Reviewed: {ag_ok} agreed, {ag_bad} disagreed: false-positive rate "
            f"{ag_bad / max(1, ag_ok + ag_bad):.0%} of alerts, "
            f"{ag_bad / 7600:.2%} of items.",
            *wsj_lines,
            f"- Reviewed: {wsj_ok} agreed, {wsj_bad} disagreed: false-positive rate "
            f"{wsj_bad / max(1, wsj_ok + wsj_bad):.0%} of alerts, "
            f"{wsj_bad / 3540:.2%} of items.",
            "",
            "Alerts a reviewer disagreed with:",
            "",
            *ag_wrong,
            *wsj_wrong,
            "",
            "## One alert per event: stories across outlets, edits and re-posts",
            "",
            "Each corpus replayed through the real pipeline with a fresh state and the shipped",
            "rules (`alerts replay` does the same).",
            "",
            *corpus.story_replay([CORPUS / "fastfeedparser-realworld" / "news"],
                                 "fastfeedparser-realworld, 24 world-news feeds of one day")[0],
            *corpus.story_replay([CORPUS / "whitehouse-briefings-snapshots" / "snapshots"],
                                 "whitehouse-briefings-snapshots, 171 polls of one feed")[0],
            *corpus.story_replay([CORPUS / "wsj-world-snapshots" / "snapshots-2025-05-06"],
                                 "wsj-world-snapshots, 187 polls of one feed")[0],
            "",
            "## Event phrases on coded sentences",
            "",
            *corpus.event_cases(CORPUS),
            "",
            "## Every alert on the two corpora",
            "",
            "| rule | headline | verdict |",
            "|---|---|---|",
            *ag_rows,
            *wsj_rows,
        ]
    (ROOT / "bench" / "quality.md").write_text("\n".join(out) + "\n", "utf-8")
    print("\n".join(out[:40]))


if __name__ == "__main__":
    main()
