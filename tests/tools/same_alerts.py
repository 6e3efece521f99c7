"""The alerts the code raises today on the labelled sets and the shared corpora (issue #17).

    .venv/bin/python tests/tools/same_alerts.py     # rewrites tests/data/same_alerts.json

Run it only when alerts are meant to change (a rule or the analysis changed on purpose), and
say so in the commit. `tests/test_same_alerts.py` replays the same cases with the code as it
is and compares, so a change that is only meant to be faster (matching, storage, start-up)
shows every alert it would add, lose or explain differently.

Cases, each replayed in publication order with one history, as the daemon would see them:

- `labelled`: the hand-labelled items of tests/data/labelled through the real pipeline
  (`Poller.process`: matching, stories, developments, the outbox) with the shipped rules;
- `real-shipped`: the real labelled set (tests/data/real, 24,846 items read in place from
  ../shared/corpus) matched with the shipped rules and one history;
- `real-terms`: every SAMPLE-th item of the real set matched with RULES generated rules that
  use every kind of condition (terms with phrases and wildcards, near by words and by
  sentence, regex, not, any, fields, entities, people and country counts, events, contact,
  event frames, gap, count, throttle), as broad as the bench's "shipped-like" rules, their
  words drawn from the corpus itself;
- `real-terms-pipeline`: the first PIPELINE_ITEMS of that sample through the real pipeline
  with the generated rules (stories, suppression, the outbox).

Each alert is recorded as [rule, outcome, story, explanation]: outcome "alert", "update" or
the reason it was held back; story the item that opened the alert's story (or null), so that
a story numbered differently is still the same story; in the
generated cases the explanation is a digest (see `digested`).
"""

from __future__ import annotations

import json
import random
import re
import sys
import tempfile
from collections import Counter
from collections.abc import Iterable
from datetime import UTC, datetime
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

from alerts.models import Item  # noqa: E402
from alerts.rulepack import shipped_rules_dir  # noqa: E402
from alerts.rules import RuleSet, load_rules  # noqa: E402
from alerts.rules.history import HistoryView  # noqa: E402

FIXTURE = ROOT / "tests" / "data" / "same_alerts.json"
LABELLED = ROOT / "tests" / "data" / "labelled"
RULES = 1_000
SAMPLE = 12  # every 12th item of the real set for the generated rules
PIPELINE_ITEMS = 800
UNDATED = datetime(2005, 1, 1, tzinfo=UTC)  # AG News has no dates: "now" for its items
Record = list  # [rule, outcome, story, explanation]


def shipped() -> RuleSet:
    return RuleSet(load_rules([shipped_rules_dir()], None))


def labelled_items() -> list[tuple[str, Item]]:
    from alerts.quality.labelled import load_labelled

    rows = [(row.id, row.item) for row in load_labelled(LABELLED)]
    return sorted(rows, key=lambda r: (r[1].published or UNDATED, r[0]))


def real_items(items: dict[str, Item] | None = None) -> list[tuple[str, Item]] | None:
    """The real set in publication order, or None when ../shared/corpus is not here.
    `items`: the set's items as load_items reads them, when the caller has them already."""
    from alerts.quality.real import DEFAULT_CORPUS, in_order, load_items, load_set

    if not DEFAULT_CORPUS.is_dir():
        return None
    return in_order(load_items(DEFAULT_CORPUS, load_set()) if items is None else items)


# -- generated rules ------------------------------------------------------------------------

_WORD = re.compile(r"[^\W\d_]{4,}")


def vocabulary(items: Iterable[Item]) -> list[str]:
    """The corpus's words of four letters or more, most frequent first (ties by spelling)."""
    counts: Counter[str] = Counter()
    for item in items:
        counts.update(w.lower() for w in _WORD.findall(f"{item.title} {item.summary}"))
    return [w for w, _ in sorted(counts.items(), key=lambda wc: (-wc[1], wc[0]))]


PEOPLE = ["Putin", "Macron", "Zelensky", "Trump", "Xi Jinping"]
COUNTRIES = ["Ukraine", "Israel", "Iran", "China", "Russia"]


def rule_docs(words: list[str], count: int = RULES, seed: int = 17) -> list[dict]:
    """`count` rules using every kind of condition; anchors in the corpus's ranks 300-1500
    (a rule is a candidate for about as many items as the shipped ones), second terms among
    the 200 commonest words, as bench/bench_matching.py's "shipped-like" rules."""
    rng = random.Random(seed)
    tail, common, middle = words[300:1500], words[:200], words[50:600]
    rare = words[1500:5000]  # for the single-condition rules, which need one word only

    def pick(pool: list[str], k: int) -> list[str]:
        return rng.sample(pool, k)

    docs = []
    for n in range(count):
        kind = n % 20
        match: dict
        if kind < 7:
            match = {"all": [{"terms": pick(tail, 3)}, {"terms": pick(common, 4)},
                             {"not": {"terms": pick(tail, 2)}}]}
        elif kind < 10:
            match = {"near": [pick(tail, 2), pick(middle, 3)], "within": rng.randint(3, 12)}
        elif kind == 10:
            match = {"near": [pick(tail, 2), pick(common, 3)], "within": "sentence",
                     "in": rng.choice([["title", "summary"], ["lead"]])}
        elif kind == 11:
            a, b = pick(rare, 2)
            c, d = pick(common, 2)
            match = {"terms": [a[:max(3, len(a) - 1)] + "*", f"{c} {b}", f"{d[:3]}* {a}", b],
                     "in": rng.choice([["title"], ["lead"], ["title", "summary"]])}
        elif kind == 12:
            a, b = pick(rare, 2)
            match = {"any": [{"regex": rf"\b{a}\w*\s+\w+"}, {"terms": [b]}]}
        elif kind == 13:
            match = {"all": [{"terms": pick(tail, 4)},
                             rng.choice([{"countries": 1}, {"people": 1},
                                         {"entities": {"any": pick(PEOPLE + COUNTRIES, 3)}}])]}
        elif kind == 14:
            match = {"all": [{"terms": pick(tail, 4)},
                             rng.choice([{"gap": {"days": rng.randint(2, 30),
                                                  "key": "countries"}},
                                         {"count": {"at_least": 2, "within": "3d",
                                                    "key": rng.choice(["countries", "rule"])}}])]}
        elif kind == 15:
            match = {"all": [{"terms": pick(tail, 4)},
                             rng.choice([{"events": ["contact"]}, {"contact": True},
                                         {"event": {"type": "ceasefire"}}])]}
        elif kind == 16:
            match = {"all": [{"near": [pick(tail, 2), pick(common, 2)], "within": 6},
                             {"not": {"regex": rng.choice(tail)}}]}
        elif kind == 17:
            match = {"any": [{"terms": pick(tail, 2), "in": ["title"]},
                             {"all": [{"terms": pick(tail, 2)}, {"terms": pick(middle, 3)}]}]}
        elif kind == 18:
            match = {"all": [{"terms": pick(tail, 3)},
                             {"near": [PEOPLE + COUNTRIES, pick(common, 3)], "within": 8}]}
        else:
            match = {"terms": pick(rare, 3)}
        doc = {"id": f"gen-{n:04}", "title": f"Generated rule {n}", "match": match}
        if n % 50 == 19:
            doc["throttle"] = {"period": "6h", "key": "countries"}
        docs.append(doc)
    return docs


def generated_rules(words: list[str], folder: Path) -> RuleSet:
    docs = rule_docs(words)
    for start in range(0, len(docs), 100):
        (folder / f"gen-{start:04}.yaml").write_text(
            yaml.safe_dump_all(docs[start:start + 100], allow_unicode=True), "utf-8")
    return RuleSet(load_rules([folder], None))


# -- replays --------------------------------------------------------------------------------

def matched(rows: list[tuple[str, Item]], rules: RuleSet) -> dict[str, list[Record]]:
    """Item id -> its matches, each item matched in order with one shared history (undated
    items each with a fresh one, as alerts.quality.real.fire does)."""
    history = HistoryView()
    out: dict[str, list[Record]] = {}
    for item_id, item in rows:
        if item.published:
            matches = rules.match(item, now=item.published, history=history)
        else:
            matches = rules.match(item, now=UNDATED, history=HistoryView())
        if matches:
            out[item_id] = [[m.rule_id, m.suppressed or "alert", None, m.explanation]
                            for m in matches]
    return out


def _opened(text: str, first: dict[int, str]) -> str:
    """Story numbers in a reason or explanation ("already alerted for story-82") named by the
    item that opened the story, as the records name stories."""
    return re.sub(r"story-(\d+)", lambda m: f"story of {first.get(int(m[1]), m[0])}", text)


def piped(rows: list[tuple[str, Item]], rules: RuleSet) -> dict[str, list[Record]]:
    """Item id -> its matches through the real pipeline (fresh state, nothing sent)."""
    from alerts.quality.story_sets import outcome_of, poll_each

    out: dict[str, list[Record]] = {}
    first: dict[int, str] = {}  # story number -> the item that opened it
    for item_id, _, result, _ in poll_each(rows, rules, start=UNDATED):
        for _, match in result.matches:
            story = (None if match.story_id is None
                     else first.setdefault(match.story_id, item_id))
            out.setdefault(item_id, []).append(
                [match.rule_id, _opened(outcome_of(match), first), story,
                 _opened(match.explanation, first)])
    return out


def digested(alerts: dict[str, list[Record]]) -> dict[str, list[Record]]:
    """The same alerts with each explanation as the first 12 hex digits of its SHA-256 (the
    generated cases have thousands of them; a changed one still shows)."""
    import hashlib

    return {item_id: [[*record[:3], hashlib.sha256(record[3].encode()).hexdigest()[:12]]
                      for record in records] for item_id, records in alerts.items()}


def cases(items: dict[str, Item] | None = None) -> dict[str, dict[str, list[Record]] | None]:
    """Every case's alerts as the code computes them now; None for a case whose corpus is
    absent. `items`: the real set's items, when the caller has read them already."""
    found: dict[str, dict[str, list[Record]] | None] = {}
    rules = shipped()
    found["labelled"] = piped(labelled_items(), rules)
    real = real_items(items)
    if real is None:
        found.update({"real-shipped": None, "real-terms": None, "real-terms-pipeline": None})
        return found
    found["real-shipped"] = matched(real, rules)
    sample = real[::SAMPLE]
    with tempfile.TemporaryDirectory() as tmp:
        generated = generated_rules(vocabulary(item for _, item in real), Path(tmp))
        found["real-terms"] = digested(matched(sample, generated))
        found["real-terms-pipeline"] = digested(piped(sample[:PIPELINE_ITEMS], generated))
    return found


def main() -> int:
    found = cases()
    missing = [name for name, alerts in found.items() if alerts is None]
    if missing:
        print(f"The shared corpus is not beside the checkout, so {', '.join(missing)} cannot "
              "be recorded; put ../shared/corpus in place and run this again.", file=sys.stderr)
        return 1
    FIXTURE.write_text(json.dumps({"cases": found}, ensure_ascii=False, indent=0,
                                  sort_keys=True) + "\n", "utf-8")
    for name, alerts in found.items():
        assert alerts is not None
        print(f"{name}: {sum(len(v) for v in alerts.values())} matches on {len(alerts)} items")
    print(f"wrote {FIXTURE}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
