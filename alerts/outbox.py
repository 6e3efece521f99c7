"""`alerts outbox` and `alerts notify-test`: what the commands say, as lines of text."""

from __future__ import annotations

from collections import Counter
from datetime import datetime
from typing import Any

from alerts.messages import NOTICE, OutboxRow, Outgoing
from alerts.render import SAMPLE, short_hash

LISTED = ("pending", "failed", "dead")
# Rows the table shows at most; a longer table helps nobody at a terminal (--json has all).
OUTBOX_SHOWN = 1000


def shown_status(row: OutboxRow) -> str:
    if row.status == "pending" and row.attempts:
        return "failed"
    return row.status


def outbox_lines(rows: list[OutboxRow], totals: dict[str, int] | None = None) -> list[str]:
    """A table of messages, each with its last error, then a summary with what to do.
    `totals`: the counts by shown status (Store.outbox_summary, as `alerts status` gives
    them); by default the rows are counted."""
    if not rows:
        return ["The outbox has nothing pending, failed or dead."]
    lines = [f"{'ID':>6}  {'STATUS':<8} {'CHANNEL':<12} {'KIND':<7} {'TRIES':>5}  "
             f"{'NEXT TRY (UTC)':<16}  TITLE"]
    for row in rows:
        status = shown_status(row)
        next_try = row.next_attempt.strftime("%Y-%m-%d %H:%M") if status in (
            "pending", "failed") else "-"
        title = row.title if len(row.title) <= 70 else row.title[:69] + "…"
        lines.append(f"{row.id:>6}  {status:<8} {row.channel:<12} {row.kind:<7} "
                     f"{row.attempts:>5}  {next_try:<16}  {title}")
        if row.last_error and status in ("failed", "dead"):
            lines.append(f"{'':>8}last error: {row.last_error}")
    counts = Counter(totals) if totals is not None else Counter(shown_status(r) for r in rows)
    summary = ", ".join(f"{counts[s]} {s}" for s in ("pending", "failed", "dead", "sent",
                                                     "digested") if counts[s])
    lines.append("")
    listed = sum(counts.values())
    if listed > len(rows):
        lines.append(f"Listed: the oldest {len(rows):,} of {listed:,} messages; list one status "
                     "at a time with --status, or all of them with --json.")
    lines.append(f"{summary}." + (" Send failed or dead ones again with `alerts outbox retry "
                                  "ID` or `alerts outbox retry --all`."
                                  if counts["failed"] or counts["dead"] else ""))
    return lines


def outbox_json(rows: list[OutboxRow]) -> list[dict[str, Any]]:
    return [{"id": r.id, "status": shown_status(r), "channel": r.channel, "kind": r.kind,
             "attempts": r.attempts, "next_attempt": r.next_attempt.isoformat(),
             "created": r.created.isoformat(), "alert_id": r.alert_id, "title": r.title,
             "last_error": r.last_error} for r in rows]


def retry_lines(before: dict[int, str]) -> tuple[list[str], int]:
    """What `outbox retry` did, and how many messages it requeued."""
    requeued = sorted(i for i, status in before.items() if status in ("dead", "pending"))
    lines = []
    for delivery_id, status in sorted(before.items()):
        if status == "missing":
            lines.append(f"#{delivery_id} is not in the outbox; see `alerts outbox` for ids")
        elif status == "sent":
            lines.append(f"#{delivery_id} was already sent; nothing to retry")
        elif status == "digested":
            lines.append(f"#{delivery_id} went out in a digest; retry the digest instead")
    if requeued:
        ids = ", ".join(f"#{i}" for i in requeued)
        lines.append(f"requeued {len(requeued)} message{'s' if len(requeued) != 1 else ''} "
                     f"({ids}); the running daemon sends them in its next round, or run "
                     "`alerts poll --once`")
    elif not lines:
        lines.append("nothing to retry: no message is failed or dead")
    return lines, len(requeued)


def sample_message(channel: Any, now: datetime) -> Outgoing:
    """A sample alert in the channel's own format and templates, marked as a test."""
    facts = dict(SAMPLE)
    facts.update({
        "alert_id": "test-" + short_hash(channel.name, now.isoformat(), size=6),
        "rule_id": "notify-test", "rule_title": "Test message",
        "title": f"Test message for channel '{channel.name}' from alerts",
        "summary": "If you can read this, alerts can reach you here. Special characters "
                   "in headlines stay as they are: <b>, _under_, #tag, a - b.",
        "who": [], "when": now.strftime("%Y-%m-%d %H:%M UTC"),
        "explanation": f"sent by `alerts notify-test {channel.name}`",
    })
    facts["sources"] = [{"feed": "alerts", "title": facts["title"],
                         "link": "https://github.com/caronc/apprise/wiki"}]
    title, body = channel.style.renderer().alert(facts)
    return Outgoing(channel.name, title, body, channel.style.format, kind=NOTICE,
                    alert_id=facts["alert_id"], severity="info")
