"""`alerts explain`: for each item, whether one rule matched and why, condition by condition."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from typing import TYPE_CHECKING

from alerts.models import Item
from alerts.rules import Rule, RuleSet
from alerts.rules.engine import explain
from alerts.rules.history import HistoryView

if TYPE_CHECKING:
    from alerts.state import Store


def frame_lines(item: Item) -> Iterator[str]:
    """The events the item's analysis found, part by part, with the words for each."""
    from alerts.analysis import analyse

    analysis = analyse(item, datetime.now(UTC).date())
    if not analysis.frames:
        yield "  events found: none"
        return
    yield "  events found:"
    for frame in analysis.frames:
        sentence = analysis.sentences[frame.sentence]
        status = frame.status or "no act said"
        pairs = "; ".join(f"{a.name} ({a.role}) with {b.name} ({b.role})" for a, b in frame.pairs)
        named = pairs or ", ".join(f"{p.name} ({p.role})" for p in frame.participants)
        flags = ", ".join(sorted(frame.flags)) or "none"
        yield (f"    - {frame.type} / {status} / {frame.modality}, in {sentence.where()}"
               + (f"; who: {named}" if named else "") + f"; flags: {flags}")
        words = "; ".join(str(e) for e in frame.evidence)
        yield f"      evidence: {words}"


def _when(stamp: str | datetime | None) -> str:
    if stamp is None:
        return "undated"
    text = stamp.strftime("%Y-%m-%d %H:%M") if isinstance(stamp, datetime) else stamp[:16]
    return text.replace("T", " ") + " UTC"


def _hours(window: timedelta) -> str:
    hours = round(window.total_seconds() / 3600, 1)
    return f"{hours:g} h" if hours < 72 else f"{hours / 24:.3g} days"


def story_lines(store: Store, rule: Rule, item: Item, window: timedelta) -> Iterator[str]:
    """Which story took (or would take) the item for this rule, and why: how it joined
    (the same page, a re-post, event frames that agree on who and what, close wording),
    the dates against the story's window, and whether the rule alerts for it."""
    from alerts.dateline import stated_time
    from alerts.pipeline import entity_keys
    from alerts.stories import (
        EventKey,
        StoryDesk,
        development,
        event_of,
        event_types,
        link_key,
        story_settings,
    )

    settings = story_settings(rule, window)
    event = event_of(item, event_types([rule]))
    at = min(item.published or stated_time(item) or datetime.now(UTC), datetime.now(UTC))
    me = (item.feed_url, item.key)
    member = store.story_member(*me)
    found = None
    if member is None:
        found = StoryDesk(store, settings.window).find(
            item, [rule.id], entity_keys(item), at, event=event, settings=settings)
        if found.story is not None and found.story.joined_by in ("link", "text"):
            # The report as it was polled, read here from another address (a feed file, or
            # a feed whose own link names its site): its stored membership is the answer.
            page = link_key(item.link)
            same = next((s for s in store.story_sources(found.story.id)
                         if (page and link_key(s["link"]) == page)
                         or s["title"] == item.title), None)
            if same is not None:
                me = (same["feed_url"], same["item_key"])
                member = store.story_member(*me)
    if member is not None:
        story_id, title = member["story_id"], member["story_title"]
        joined_by, why = member["joined_by"], member["why"] or ""
        stored = EventKey.decode(member["event"]) if member["event"] else None
        yield f"  story: story-{story_id} ({title!r}) took this report when it was polled"
    else:
        assert found is not None
        if found.story is None:
            said = f"its event ({event.describe()})" if event else "no event with a party"
            yield (f"  story: a new one. No story within {_hours(settings.window)} of "
                   f"{_when(item.published)} has the same page or text, or an event that "
                   f"agrees with {said} (by: {settings.by}); "
                   f"{rule.id} would alert for it as the first report of its event")
            return
        story_id, title = found.story.id, found.story.title
        joined_by, why = found.story.joined_by, found.story.why
        stored = found.story_event
        yield f"  story: story-{story_id} ({title!r}) would take this report"
    if joined_by == "new":
        yield "    how: it is the first report of its event"
    else:
        yield f"    how: joined by {joined_by}: {why or 'no reason recorded'}"
    if stored is not None:
        yield f"    the story's event: {stored.describe()}"
    if event is not None:
        yield (f"    this report's event: {event.describe()}"
               + (f", {event.status}" if event.status else ", no act said"))
    others = [s for s in store.story_sources(story_id) if (s["feed_url"], s["item_key"]) != me]
    if others:
        yield (f"    dates: published {_when(item.published)}; the story's other "
               f"{len(others)} report(s) from {_when(others[0]['at'])} to "
               f"{_when(others[-1]['at'])}; reports join within {_hours(settings.window)} "
               "of one another (publication times, never arrival)")
    done = store.story_developments(story_id, rule.id)
    alerted = store.story_alerted(story_id, rule.id) is not None
    if done:
        yield f"    {rule.id} alerted in this story for: {' -> '.join(done)}"
    elif alerted:
        yield f"    {rule.id} alerted in this story"
    if member is not None:
        yield from _polled_outcome(store, rule, me)
        return
    status = event.status if event else ""
    if not alerted and not done:
        yield (f"    alert: {rule.id} has not alerted in this story: this report would "
               "alert (once the story has the sources the rule asks for)")
    elif event is not None and getattr(rule, "updates", None) is not False and done and \
            development(event.type, status, done):
        yield (f"    alert: '{status}' is a development of the story: {rule.id} would "
               "alert again, as a follow-up threaded to the first alert")
    elif getattr(rule, "updates", None) is True:
        yield f"    alert: the rule says updates: true, so {rule.id} would alert again"
    else:
        copy = (f"a copy of '{status}', already alerted" if status and status in done
                else f"'{status or 'no act said'}' is no new stage of the story's event")
        yield (f"    alert: none; {copy}: this report would be listed among the story's "
               "sources")


def explain_items(rules: RuleSet, rule: Rule, items: list[Item],
                  history: HistoryView | None, store: Store | None = None,
                  window: timedelta = timedelta(hours=48)) -> Iterator[str]:
    for item in items:
        now = item.published or datetime.now(UTC)
        when = item.published.strftime("%Y-%m-%d %H:%M UTC") if item.published else "undated"
        yield f"Item: {item.title or '(untitled)'}  [{item.feed_name}, {when}]"
        trace = rules.trace(rule, item, now=now, history=history)
        candidate = rule in rules.candidates(item) if rule.enabled else False
        verdict = "MATCH" if trace.ok else "no match"
        yield f"  {rule.id}: {verdict}" + ("" if rule.enabled else " (rule is disabled)")
        yield from ("    " + line for line in trace.lines())
        yield from frame_lines(item)
        if trace.ok:
            from alerts.rules.context import MatchContext

            ctx = MatchContext(item, now=now, history=history, record=False, rule_id=rule.id)
            evidence = rule.condition.evaluate(ctx) or []
            yield f"  {explain(evidence)}"
            if store is not None:
                yield from story_lines(store, rule, item, window)
            if not candidate:
                yield ("  note: the prefilter would not have selected this rule; report this "
                       "as a bug")
        yield ""


def _polled_outcome(store: Store, rule: Rule, me: tuple[str, str]) -> Iterator[str]:
    """What the rule did when the report was polled, as recorded."""
    outcome = store.match_outcome(*me, rule.id)
    if outcome is None:
        yield (f"    alert: none; {rule.id} did not match this report when it was polled "
               "(the rule or the report has changed since)")
    elif outcome["alerted"]:
        yield f"    alert: this report raised the story's alert for {rule.id}"
    elif outcome["suppressed"]:
        yield f"    alert: none; {outcome['suppressed']}"
    elif outcome["followed_up"]:
        yield ("    alert: a follow-up, threaded to the story's first alert, with the "
               "sources of its status")
    else:
        yield ("    alert: none; recorded without alerting (a feed's first poll records "
               "its backlog: `--backfill` alerts on it)")


def source_note(source: dict, first_at: str, developments: list[dict],
                window: timedelta) -> str:
    """For `alerts history`: how one report of a story joined it (first report, or by what
    and why), how long after (or before: a report published earlier that arrived later)
    the report that opened the story, against the window, and what it added: the status
    that alerted, a development alerted as a follow-up, a copy, or no new stage."""
    said = f"{source['status']}; " if source.get("status") else ""
    if source.get("joined_by") in (None, "new"):
        how = "first report"
    else:
        how = f"joined by {source['joined_by']}" + (f": {source['why']}" if source.get("why")
                                                     else "")
        gap = (datetime.fromisoformat(source["at"]) - datetime.fromisoformat(first_at))
        side = "after" if gap >= timedelta(0) else "before"
        how += f"; {_hours(abs(gap))} {side} the story's first report, window {_hours(window)}"
    status = source.get("status")
    if not status:
        return f"[{said}{how}]"
    alerted = [d for d in developments if d["status"] == status]
    if any(d["at"] == source["at"] for d in alerted):
        first = min(developments, key=lambda d: d["at"])
        added = ("alerted" if first["status"] == status and first["at"] == source["at"]
                 else "a development: alerted as a follow-up")
    elif any(d["at"] < source["at"] for d in alerted):
        added = f"a copy of '{status}': no alert"
    elif developments and not alerted:
        # A late report of an earlier stage ("talks begin" arriving after "talks collapse"),
        # another wording of a stage alerted, or a development under `updates: false`.
        stages = " -> ".join(dict.fromkeys(d["status"] for d in developments))
        added = f"no alert; the story alerted for {stages}"
    else:
        return f"[{said}{how}]"
    return f"[{said}{how}; {added}]"
