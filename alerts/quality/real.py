"""The real labelled set (tests/data/real): real wire copy read in place from ../shared/corpus,
replayed through the shipped rules in publication order, scored per rule against events.

The set stores only item ids and labels; the news text stays in the corpus (it is the
publishers'). Each source below turns one corpus file into (id, Item) pairs; sources.yaml
names the same sources with their paths and item counts, and the tests check they agree.
"""

from __future__ import annotations

import csv
import hashlib
import json
import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path

import yaml

from alerts.models import Feed, Item
from alerts.normalise import normalise
from alerts.rulepack import shipped_rules_dir
from alerts.rules import RuleSet, load_rules
from alerts.rules.history import HistoryView
from alerts.sources import _parse_time

csv.field_size_limit(10**8)

SET_DIR = Path(__file__).resolve().parents[2] / "tests" / "data" / "real"
DEFAULT_CORPUS = SET_DIR.parents[2].parent / "shared" / "corpus"  # ../shared/corpus
SUMMARY_CHARS = 400  # how much of a press release's body stands in for a feed summary


class RealSetError(Exception):
    """The labelled set or the corpus it refers to is not what it should be."""


def _make(source: str, key: str, title: str, summary: str, published: datetime | None,
          link: str | None, language: str = "en") -> tuple[str, Item]:
    item_id = f"{source}:{key}"
    feed = Feed(url=f"corpus:{source}", name=source, interval=0, language=language)
    entry = {"id": item_id, "title": title, "summary": summary, "link": link}
    (item,) = normalise([entry], feed, feed.url)
    if published is not None:
        from dataclasses import replace

        item = replace(item, published=published)
    return item_id, item


def lead_of(body: str, limit: int = SUMMARY_CHARS) -> str:
    """The first sentences of a press release, up to `limit` characters (at least one)."""
    text = " ".join(body.split())
    sentences = re.split(r"(?<=[.!?])\s+(?=[A-Z\"'“])", text)
    out = sentences[0] if sentences else ""
    for sentence in sentences[1:]:
        if len(out) + 1 + len(sentence) > limit:
            break
        out += " " + sentence
    return out[: limit * 2]


def _json_lines(path: Path) -> Iterator[dict]:
    """The objects of a JSON Lines archive; a broken line is an error naming it."""
    for number, line in enumerate(path.read_text("utf-8").splitlines(), start=1):
        if not line.strip():
            continue
        try:
            yield json.loads(line)
        except json.JSONDecodeError as exc:
            raise RealSetError(f"{path}:{number}: not a JSON object ({exc.msg}); the archive "
                               "must hold one item per line") from None


def wsj(path: Path) -> list[tuple[str, Item]]:
    """WSJ World News: every distinct guid, as first seen (title and description)."""
    rows = []
    for row in _json_lines(path):
        rows.append(_make("wsj", row["guid"], row.get("title") or "",
                          row.get("description") or "", _parse_time(row.get("pubDate")),
                          row.get("link")))
    return rows


def agnews(path: Path) -> list[tuple[str, Item]]:
    """AG News test split, World class (label 1) only; the id is the data row number
    (0 = the first row after the header), the same in every copy of test.csv."""
    rows = []
    with path.open(encoding="utf-8") as handle:
        for number, row in enumerate(csv.DictReader(handle)):
            if row["label"] != "1":
                continue
            rows.append(_make("agnews", str(number), row["title"],
                              row["description"].replace("\\", " "), None, None))
    return rows


def _iso(text: str) -> datetime | None:
    try:
        return datetime.fromisoformat(text.replace("Z", "+00:00")).astimezone(UTC)
    except ValueError:
        return None


def kremlin(path: Path) -> list[tuple[str, Item]]:
    """en.kremlin.ru news: the id is the number at the end of the link; the summary is the
    site's own summary, or the lead of the body when it has none."""
    rows = []
    with path.open(encoding="utf-8") as handle:
        for row in csv.DictReader(handle):
            key = row["link"].rstrip("/").rsplit("/", 1)[-1]
            summary = row["summary"].strip() or lead_of(row["body"])
            rows.append(_make("kremlin", key, row["headline"], summary, _iso(row["date"]),
                              row["link"]))
    return rows


def zelenskyy(path: Path) -> list[tuple[str, Item]]:
    """president.gov.ua/en news: the id is the number at the end of the link; the summary is
    the lead of the body (the site has no summary)."""
    rows = []
    with path.open(encoding="utf-8") as handle:
        for row in csv.DictReader(handle):
            found = re.search(r"-(\d+)$", row["link"].rstrip("/"))
            key = found.group(1) if found else row["link"]
            rows.append(_make("zelenskyy", key, row["headline"], lead_of(row["body"]),
                              _iso(row["date"]), row["link"]))
    return rows


def rss2022(folder: Path) -> list[tuple[str, Item]]:
    """RSS-Link-Database 2022 (BBC, CNN, Guardian, NYT World, TVN24, Polsat; Jan-Aug 2022):
    every item of the monthly files; the id is the first 12 hex digits of the SHA-1 of the
    item's link (every link is distinct), so it survives re-sorting the files."""
    rows = []
    files = sorted(folder.glob("news-items-2022-*.jsonl"))
    if not files:
        raise RealSetError(f"{folder} holds no news-items-2022-*.jsonl files; the real "
                           "labelled set needs the monthly files of rss-link-database-2022.")
    for path in files:
        for row in _json_lines(path):
            key = hashlib.sha1(row["link"].encode()).hexdigest()[:12]
            language = (row.get("language") or "en").split("-")[0].lower()
            item_id, item = _make("rss2022", key, row.get("title") or "",
                                  row.get("description") or "",
                                  _parse_time(row.get("date_published")), row["link"], language)
            rows.append((item_id, item))
    return rows


READERS: dict[str, Callable[[Path], list[tuple[str, Item]]]] = {
    "wsj": wsj, "agnews": agnews, "kremlin": kremlin, "zelenskyy": zelenskyy,
    "rss2022": rss2022,
}


@dataclass
class Event:
    id: str
    rule: str
    what: str
    items: list[str]
    background: list[str] = field(default_factory=list)


@dataclass
class RealSet:
    sources: list[dict]
    events: list[Event]


def load_set(folder: Path = SET_DIR) -> RealSet:
    sources = yaml.safe_load((folder / "sources.yaml").read_text("utf-8"))["sources"]
    raw = yaml.safe_load((folder / "events.yaml").read_text("utf-8"))["events"]
    events = []
    seen: set[str] = set()
    for row in raw:
        if row["id"] in seen:
            raise RealSetError(f"{folder / 'events.yaml'}: event id {row['id']} is used twice; "
                               "give each event its own id.")
        seen.add(row["id"])
        events.append(Event(row["id"], row["rule"], row.get("what", ""),
                            list(row.get("items") or []), list(row.get("background") or [])))
    return RealSet(sources, events)


def load_items(corpus: Path, real: RealSet,
               readers: dict[str, Callable[[Path], list[tuple[str, Item]]]] | None = None,
               what: str = "The real labelled set",
               listed: str = "tests/data/real/sources.yaml") -> dict[str, Item]:
    """Every item of every source in sources.yaml, by id, read in place from the corpus (by
    `readers`, by source name: this set's own by default)."""
    read = READERS if readers is None else readers
    items: dict[str, Item] = {}
    for source in real.sources:
        path = corpus / source["path"]
        if not path.exists():
            raise RealSetError(f"{path} is missing. {what} reads its items in place from the "
                               f"corpus folder {corpus}; put ../shared/corpus beside the "
                               "checkout or give the corpus folder as the argument (the "
                               f"folders are listed in {listed}).")
        for item_id, item in read[source["name"]](path):
            if item_id in items:
                raise RealSetError(f"{path}: item id {item_id} appears twice; the id scheme "
                                   f"in {listed} no longer tells the items apart.")
            items[item_id] = item
    return items


def in_order(items: dict[str, Item]) -> list[tuple[str, Item]]:
    """Publication order; undated items (AG News) after the dated ones, in file order."""
    dated = sorted(((k, v) for k, v in items.items() if v.published),
                   key=lambda kv: kv[1].published)  # type: ignore[arg-type, return-value]
    return dated + [(k, v) for k, v in items.items() if not v.published]


def fire(items: dict[str, Item], rules: RuleSet) -> dict[str, set[str]]:
    """Item id -> the rules that alerted, replaying every item once in publication order
    with one history (first contact after a gap reads what earlier items recorded).
    Undated items are each matched with a fresh history: they have no place in time."""
    history = HistoryView()
    fired: dict[str, set[str]] = {}
    for item_id, item in in_order(items):
        if item.published:
            matches = rules.match(item, now=item.published, history=history)
        else:
            matches = rules.match(item, now=datetime(2005, 1, 1, tzinfo=UTC),
                                  history=HistoryView())
        got = {m.rule_id for m in matches if m.suppressed is None}
        if got:
            fired[item_id] = got
    return fired


@dataclass
class RuleScore:
    rule: str
    events: int = 0
    found: int = 0
    tp: int = 0
    background_alerts: list[str] = field(default_factory=list)
    false_positives: list[str] = field(default_factory=list)
    missed: list[str] = field(default_factory=list)

    @property
    def fp(self) -> int:
        return len(self.false_positives) + len(self.background_alerts)

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 1.0

    @property
    def recall(self) -> float:
        return self.found / self.events if self.events else 1.0


@dataclass
class RealReport:
    items: int
    per_source: dict[str, int]
    scores: dict[str, RuleScore]

    def table(self) -> str:
        lines = ["| rule | precision | recall | events | found | alerts | true pos. | "
                 "false pos. | of which background | missed events |",
                 "|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|"]
        for rule, s in sorted(self.scores.items()):
            lines.append(f"| `{rule}` | {s.precision:.2f} | {s.recall:.2f} | {s.events} | "
                         f"{s.found} | {s.tp + s.fp} | {s.tp} | {s.fp} | "
                         f"{len(s.background_alerts)} | {len(s.missed)} |")
        return "\n".join(lines)

    def findings(self) -> list[str]:
        """The table, then every false alert and every miss (a bench/quality.md section's
        body, after its own first paragraph)."""
        return ["", self.table(), "",
                "Every false alert (FP), alert on background (FP (background)) and missed event "
                "(MISS, with the items that report it):", "", *self.details()]

    def details(self) -> list[str]:
        out = []
        for rule, s in sorted(self.scores.items()):
            out += [f"- FP `{rule}`: {x}" for x in s.false_positives]
            out += [f"- FP (background) `{rule}`: {x}" for x in s.background_alerts]
            out += [f"- MISS `{rule}`: {x}" for x in s.missed]
        return out


def _line(item_id: str, items: dict[str, Item]) -> str:
    item = items.get(item_id)
    title = item.title if item else "(not in the corpus)"
    return f"{item_id} {title}".replace("|", "/")


def score(real: RealSet, items: dict[str, Item], fired: dict[str, set[str]],
          rule_ids: list[str]) -> dict[str, RuleScore]:
    scores = {}
    for rule in rule_ids:
        s = RuleScore(rule)
        events = [e for e in real.events if e.rule == rule]
        reporting = {i for e in events for i in e.items}
        background = {i for e in events for i in e.background}
        s.events = len(events)
        for event in events:
            if any(rule in fired.get(i, ()) for i in event.items):
                s.found += 1
            else:
                s.missed.append(f"{event.id} ({event.what}): "
                                + "; ".join(_line(i, items) for i in event.items))
        for item_id, _item in in_order(items):
            if rule not in fired.get(item_id, ()):
                continue
            if item_id in reporting:
                s.tp += 1
            elif item_id in background:
                s.background_alerts.append(_line(item_id, items))
            else:
                s.false_positives.append(_line(item_id, items))
        scores[rule] = s
    return scores


# The halves for development and held-out checks (issue #15): by outlet and by year at once.
# Rules are developed on one and reported on both, so a fix that only fits the items seen
# shows up as a gap between them.
HALVES: dict[str, tuple[str, ...]] = {
    "wsj": ("wsj",),  # WSJ world news, 2025-2026
    "others": ("agnews", "kremlin", "zelenskyy", "rss2022"),  # other outlets, 2004 and 2022
}


def restrict(real: RealSet, sources: tuple[str, ...]) -> RealSet:
    """The set as seen from some sources only: each event keeps its items (and background)
    from them, and an event none of them reports is dropped."""
    def mine(ids: list[str]) -> list[str]:
        return [i for i in ids if i.split(":", 1)[0] in sources]

    events = [Event(e.id, e.rule, e.what, mine(e.items), mine(e.background))
              for e in real.events if mine(e.items)]
    return RealSet([s for s in real.sources if s["name"] in sources], events)


def evaluate(corpus: Path, folder: Path = SET_DIR, rules: RuleSet | None = None,
             sources: tuple[str, ...] | None = None,
             items: dict[str, Item] | None = None) -> RealReport:
    """The scores on the whole set, or (with `sources`) on the items of those sources: the
    replay still reads every item in order, so contact history is the same either way.
    `items`: the set's items as load_items reads them, when the caller has them already."""
    real = load_set(folder)
    items = load_items(corpus, real) if items is None else items
    rules = rules or RuleSet(load_rules([shipped_rules_dir()], None))
    fired = fire(items, rules)
    rule_ids = sorted({r.id for r in rules.enabled} | {e.rule for e in real.events})
    if sources is not None:
        real = restrict(real, sources)
        items = {k: v for k, v in items.items() if k.split(":", 1)[0] in sources}
    per_source: dict[str, int] = {}
    for item_id in items:
        name = item_id.split(":", 1)[0]
        per_source[name] = per_source.get(name, 0) + 1
    return RealReport(len(items), per_source, score(real, items, fired, rule_ids))


def markdown(report: RealReport, corpus_note: str = "../shared/corpus") -> list[str]:
    """The bench/quality.md section: the table, then every false alert and every miss."""
    sources = ", ".join(f"{name} {count:,}" for name, count in report.per_source.items())
    lines = [
        f"{report.items:,} real items read in place from `{corpus_note}` ({sources}), "
        "replayed through the shipped rules in publication order with one contact history "
        "(AG News is undated: after the others, each item with a fresh history). An alert "
        "is right when its item reports an event of that rule in `tests/data/real/events.yaml`; "
        "an alert on an item that only mentions the event (background) counts as false. "
        "Recall counts events with at least one alerted item. Targets (issue #15): "
        "precision >= 0.90 and recall >= 0.85 for every rule.",
        *report.findings(),
    ]
    return lines


def main(argv: list[str] | None = None) -> int:
    """`python -m alerts.quality.real [CORPUS] [--rules DIR]`: the table, then every mistake.
    `--rules` scores another rule folder (for example an older pack checked out elsewhere)."""
    import argparse
    import sys

    from alerts.errors import AlertsError

    parser = argparse.ArgumentParser(prog="python -m alerts.quality.real")
    parser.add_argument("corpus", nargs="?", type=Path, default=DEFAULT_CORPUS)
    parser.add_argument("--rules", type=Path, default=None,
                        help="rule folder to score (default: the shipped rules)")
    parser.add_argument("--half", choices=sorted(HALVES), default=None,
                        help="score one half only: wsj (WSJ, 2025-2026) or others (AG News "
                             "2004, Kremlin, President of Ukraine and RSS 2022)")
    args = parser.parse_args(argv)
    try:
        rules = RuleSet(load_rules([args.rules], None)) if args.rules else None
        report = evaluate(args.corpus, rules=rules,
                          sources=HALVES[args.half] if args.half else None)
    except (RealSetError, AlertsError) as exc:
        print(exc, file=sys.stderr)
        return 2
    corpus = args.corpus
    print("\n".join(markdown(report, str(corpus))))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
