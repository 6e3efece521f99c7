"""The shipped rules and the knowledge base on real data from ../shared/corpus.

Every function returns lines of Markdown for bench/quality.md; none of the data is shipped.
"""

from __future__ import annotations

import csv
import json
import re
from collections import Counter
from dataclasses import dataclass
from datetime import UTC, date, datetime
from pathlib import Path

from alerts.config import FetchSettings
from alerts.knowledge import knowledge_base
from alerts.knowledge.phrases import token_text
from alerts.models import Item
from alerts.rulepack import shipped_rules_dir
from alerts.rules import RuleSet, load_rules
from alerts.rules.history import HistoryView

csv.field_size_limit(10**8)


def _item(title: str, summary: str, published: datetime | None, key: str) -> Item:
    return Item(feed_url="corpus", feed_name="corpus", key=key, guid=key, link=None,
                title=title, summary=summary, published=published)


def kremlin_readouts(corpus: Path) -> list[str]:
    """Every "Telephone conversation with ..." readout must be a contact with the right pair."""
    kb = knowledge_base()
    rows = list(csv.DictReader((corpus / "kremlin-zelenskyy-press-releases" / "putin.csv")
                               .open(encoding="utf-8")))
    readouts = [r for r in rows if r["headline"].startswith("Telephone conversation with")]
    putin = kb.resolve("Vladimir Putin")
    right = 0
    misses: list[str] = []
    not_in_kb: list[str] = []
    unnamed = 0
    for row in readouts:
        day = datetime.fromisoformat(row["date"].replace("Z", "+00:00")).date()
        counterpart_text = row["headline"].removeprefix("Telephone conversation with").strip()
        expected = [m.entity for m in kb.mentions(token_text(counterpart_text), day)
                    if m.entity.kind == "person"]
        if not expected:
            not_in_kb.append(counterpart_text)
            continue
        if not row["summary"].strip():
            unnamed += 1  # the headline alone never names Putin: nothing to pair him with
            continue
        contact = kb.contact(token_text(f"{row['headline']} . {row['summary']}"), day)
        pair = {contact.first.entity.id, contact.second.entity.id} if contact else set()
        parties = {e.id for e in expected} | ({putin.id} if putin else set())
        if contact and pair <= parties:  # a three-way call may pair two of the guests
            right += 1
        else:
            got = " and ".join(sorted(pair)) or "no contact"
            misses.append(f"{row['date'][:10]} {row['headline']} (found: {got})")
    covered = len(readouts) - len(not_in_kb) - unnamed
    lines = [
        f"- Kremlin readouts titled \"Telephone conversation with ...\": **{len(readouts)}**; "
        f"{unnamed} have an empty summary, so their text never names Putin (a feed setting "
        "naming the speaker would be needed) and are left out.",
        f"- Counterpart in the knowledge base and text naming both: {covered}; detected as a "
        f"contact between the right people: **{right} of {covered} ({right / covered:.1%})**.",
        f"- Counterparts not in the knowledge base ({len(not_in_kb)}; the base covers heads of "
        "state and government and foreign ministers of the countries the issue lists): "
        + ", ".join(sorted(set(not_in_kb))) + ".",
    ]
    if misses:
        lines.append(f"- Misses ({len(misses)}):")
        lines += [f"  - {m}" for m in misses]
    return lines


def zelenskyy_readouts(corpus: Path) -> list[str]:
    """Leader calls are contacts; calls by aides and the first lady are not."""
    kb = knowledge_base()
    rows = list(csv.DictReader((corpus / "kremlin-zelenskyy-press-releases" / "zelenskyy.csv")
                               .open(encoding="utf-8")))
    calls = [r for r in rows if re.search(r"(?:tele)?phone conversation", r["headline"], re.I)]
    leader = [r for r in calls if r["headline"].startswith(("Volodymyr Zelenskyy",
                                                            "President of Ukraine"))]
    others = [r for r in calls if r not in leader]
    found_leader = found_other = 0
    for row in calls:
        day = datetime.fromisoformat(row["date"].replace("Z", "+00:00")).date()
        first_sentence = row["body"].split(". ")[0]
        contact = kb.contact(token_text(f"{row['headline']} . {first_sentence}"), day)
        if row in leader:
            found_leader += contact is not None
        else:
            found_other += contact is not None
    return [
        f"- Office of the President of Ukraine readouts of phone conversations: {len(calls)}; "
        f"by the president: {len(leader)}, detected as contacts: **{found_leader}**; by aides "
        f"or the first lady: {len(others)}, wrongly detected as leader contacts: "
        f"**{found_other}**.",
    ]


def _rule_alerts(items: list[Item], rules: RuleSet, continuous: bool) -> list[tuple[Item, str]]:
    history = HistoryView() if continuous else None
    alerts = []
    for item in items:
        now = item.published or datetime(2005, 1, 1, tzinfo=UTC)
        view = history if continuous else HistoryView()
        for match in rules.match(item, now=now, history=view):
            if match.suppressed is None:
                alerts.append((item, match.rule_id))
    return alerts


def ag_news(corpus: Path) -> tuple[list[str], list[tuple[Item, str]]]:
    rows = list(csv.DictReader((corpus / "ag-news-test" / "test.csv").open(encoding="utf-8")))
    items = [_item(r["title"], r["description"].replace("\\", " "), None, f"ag-{n}")
             for n, r in enumerate(rows)]
    rules = RuleSet(load_rules([shipped_rules_dir()], None))
    by_label: dict[str, list[tuple[Item, str]]] = {}
    for label, name in (("1", "World"), ("2", "Sports"), ("3", "Business"), ("4", "Sci/Tech")):
        chosen = [i for i, r in zip(items, rows, strict=True) if r["label"] == label]
        by_label[name] = _rule_alerts(chosen, rules, continuous=False)
    lines = []
    for name, alerts in by_label.items():
        count = sum(1 for r in rows if r["label"] == {"World": "1", "Sports": "2",
                                                      "Business": "3", "Sci/Tech": "4"}[name])
        per_rule = Counter(rule for _, rule in alerts)
        lines.append(f"- {name}: {count} items, {len(alerts)} alerts"
                     + (f" ({', '.join(f'{k} {v}' for k, v in sorted(per_rule.items()))})"
                        if alerts else ""))
    return lines, by_label["World"] + by_label["Sports"] + by_label["Business"] + \
        by_label["Sci/Tech"]


def wsj(corpus: Path) -> tuple[list[str], list[tuple[Item, str]]]:
    from alerts.sources import read_inputs

    archive = corpus / "wsj-world-snapshots" / "items-2025-04-to-2026-02.jsonl"
    items = read_inputs([str(archive)], FetchSettings())[0].items
    items.sort(key=lambda i: i.published or datetime.max.replace(tzinfo=UTC))
    rules = RuleSet(load_rules([shipped_rules_dir()], None))
    alerts = _rule_alerts(items, rules, continuous=True)
    per_rule = Counter(rule for _, rule in alerts)
    return [f"- WSJ World News, {len(items):,} items (Apr 2025 - Feb 2026, replayed in "
            f"order with history): {len(alerts)} alerts ("
            + ", ".join(f"{k} {v}" for k, v in sorted(per_rule.items())) + ")"], alerts


PETRARCH_FILES = ("PETR2_GSR_validation.xml", "PETR.UnitTest.records.xml")


@dataclass(frozen=True)
class CodedSentence:
    """One PETRARCH record: its id, its text and its CAMEO event codes (none: no event)."""

    id: str
    text: str
    codes: tuple[str, ...]

    @property
    def consult(self) -> bool:
        """CAMEO 04x: consult, by telephone, visit, host, meet, mediate, negotiate."""
        return any(c.startswith("04") for c in self.codes)


def petrarch_sentences(path: Path) -> list[CodedSentence]:
    """The coded sentences of a PETRARCH records file. The files are not well-formed XML
    (the validation file closes a self-closed <Sentence .../> again with </Sentence>), and
    a record's <EventCoding> elements come BEFORE its <Text>, so each record is read from
    one '<Sentence ' to the next: the codes before its text, the text inside <Text>."""
    xml = path.read_text("utf-8")
    out: list[CodedSentence] = []
    for chunk in re.split(r"<Sentence\s", xml)[1:]:
        text = re.search(r"<Text>(.*?)</Text>", chunk, re.S)
        if text is None:
            continue
        ident = re.search(r'\bid="([^"]*)"', chunk[:text.start()])
        codes = re.findall(r'eventcode="(\d+)"', chunk[:text.start()])
        out.append(CodedSentence(ident.group(1) if ident else f"record-{len(out) + 1}",
                                 " ".join(text.group(1).split()), tuple(codes)))
    return out


def event_cases(corpus: Path) -> list[str]:
    """PLOVER and PETRARCH sentences: is a consultation found as a contact phrase?"""
    kb = knowledge_base()
    records = json.loads((corpus / "plover-gold-standard" / "PLOVER_GSR_CAMEO.json")
                         .read_text("utf-8"))[1:]
    consult = [r for r in records if r["event"] == "CONSULT"]
    other = [r for r in records if r["event"] != "CONSULT"]

    def has_contact(text: str) -> bool:
        return any(e.event.id == "contact"
                   for e in kb.event_mentions(token_text(text), asserted_only=True))

    hit = sum(has_contact(r["text"]) for r in consult)
    false = sum(has_contact(r["text"]) for r in other)
    lines = [
        f"- PLOVER gold sentences coded CONSULT (visit, host, phone, meet): {len(consult)}; a "
        f"contact phrase found in **{hit}**. Other events: {len(other)}; a contact phrase "
        f"found in {false} (contact also needs two known people, so these alone never alert).",
    ]
    for name in PETRARCH_FILES:
        sentences = petrarch_sentences(corpus / "petrarch-validation" / name)
        p_consult = [s.text for s in sentences if s.consult]
        p_other = [s.text for s in sentences if s.codes and not s.consult]
        p_none = [s.text for s in sentences if not s.codes]
        lines.append(
            f"- PETRARCH {name}: {len(sentences)} sentences; coded 04x (consult, phone, visit, "
            f"meet, negotiate): {len(p_consult)}, a contact phrase found in "
            f"**{sum(map(has_contact, p_consult))}**. Coded other events: {len(p_other)}, "
            f"contact phrase in {sum(map(has_contact, p_other))}; coded no event: "
            f"{len(p_none)}, contact phrase in {sum(map(has_contact, p_none))}.")
    return lines


def review_list(alerts: list[tuple[Item, str]]) -> list[str]:
    lines = []
    for item, rule in alerts:
        when = item.published.date().isoformat() if item.published else "undated"
        lines.append(f"| {when} | `{rule}` | {item.title.replace('|', '/')} |")
    return lines


def today() -> date:
    return datetime.now(UTC).date()


def story_replay(paths: list[Path], label: str) -> tuple[list[str], list[tuple[Item, str, str]]]:
    """Replay snapshots or feeds through the real pipeline (fresh state, sending nothing)
    and count items, edits, stories and alerts; an alert that repeats an event is one whose
    story already alerted for the same rule, or that shares a link with an earlier alert."""
    import tempfile

    from alerts.models import Fetched, PollResult
    from alerts.pipeline import Poller, fixed_clock
    from alerts.replay import ordered
    from alerts.sources import read_path
    from alerts.state import Store

    sources = [s for path in paths for s in read_path(path)]
    rows = ordered(sources)
    rules = RuleSet(load_rules([shipped_rules_dir()], None))
    edits = 0
    alerts: list[tuple[Item, str, str]] = []
    with tempfile.TemporaryDirectory() as tmp:
        store = Store(Path(tmp) / "replay.db")
        last = None
        for feed, item in rows:
            moment = item.published or last
            last = moment or last
            poller = (Poller(store, None, rules, clock=fixed_clock(moment)) if moment
                      else Poller(store, None, rules))
            result = PollResult(feed.url, "new")
            poller.process(feed, [item], Fetched(feed.url, feed.url, 200, b""), "", result,
                           alerting=True, item_time=True)
            edits += result.edited_items
            for matched, match in result.matches:
                if match.suppressed is None:
                    alerts.append((matched, match.rule_id, f"story-{match.story_id}"))
        items = store.count("items")
        stories = store.count("stories")
        multi = store.stories_with_outlets(limit=8)
        store.close()
    per_story = Counter((rule, story) for _, rule, story in alerts)
    links = Counter((rule, item.link) for item, rule, _ in alerts if item.link)
    repeats = sum(n - 1 for n in per_story.values()) + sum(n - 1 for n in links.values())
    lines = [f"- {label}: {len(rows):,} item occurrences in {len(sources)} documents, "
             f"{items:,} distinct items, {edits} edits detected, {stories} stories for matched "
             f"items, **{len(alerts)} alerts, {repeats} repeated**."]
    if multi:
        lines.append("  Stories reported by several outlets: " + "; ".join(
            f"\"{title}\" ({n})" for title, n in multi) + ".")
    return lines, alerts
