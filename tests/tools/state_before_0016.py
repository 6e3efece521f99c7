"""Writes tests/data/state-before-0016.sql: a state database made by real polls with the
schema before migration 0016 (story signatures as decimal text, LSH bands in story_keys,
queued alerts with their facts stored in full), for tests/test_state_compact.py.

It was run at commit e1b7ac2 (the last with that schema), in a worktree of that commit:

    git worktree add --detach /tmp/old e1b7ac2
    cd /tmp/old && PYTHONPATH=/tmp/old /work/main/.venv/bin/python \\
        /work/main/tests/tools/state_before_0016.py /work/main/tests/data/state-before-0016.sql

Two wires report the same events in close words (joined by wording: `story: {by: text}`),
one in Russian; a rule with the default `by: event` keys its stories by event frames; a
second poll brings an edited entry and a new one.
"""

from __future__ import annotations

import sqlite3
import subprocess
import sys
import tempfile
from pathlib import Path

from tests.feeds import rss, rss_item
from tests.servers import FeedServer

WORDS_RULE = """\
id: talks-words
title: Talks, by wording
severity: medium
story: {by: text}
match:
  terms: [talks, переговоры, ceasefire]
"""
EVENT_RULE = """\
id: ceasefire-event
title: A ceasefire is agreed
severity: high
match:
  event: {type: ceasefire, status: agreed}
"""

WIRE_A = [
    ("Delegations resume talks in Geneva on the exchange of prisoners and the front line",
     "Negotiators from both sides met again in Geneva on Tuesday to discuss an exchange of "
     "prisoners, the front line and humanitarian corridors, officials said."),
    ("Israel and Lebanon agree ceasefire after weeks of fighting",
     "Israel and Lebanon agreed a ceasefire on Tuesday, the US mediator said."),
    ("Переговоры в Женеве возобновились после долгого перерыва",
     "Делегации двух стран в Женеве возобновили переговоры об обмене пленными и о линии "
     "фронта, сообщили официальные лица."),
]
WIRE_B = [
    ("Delegations resume talks in Geneva on the exchange of prisoners and the front line, "
     "officials say",
     "Negotiators from both sides met again in Geneva on Tuesday to discuss an exchange of "
     "prisoners, the front line and humanitarian corridors, officials told reporters."),
    ("Harbour talks stall as unions walk out of the port authority meeting",
     "Talks between dock unions and the port authority stalled on Tuesday."),
]
LATER = ("Talks in Geneva end without agreement on the front line",
         "The Geneva talks ended on Wednesday without agreement on the front line, "
         "the delegations said.")


def feed(entries: list[tuple[str, str]], name: str, edited: bool = False) -> bytes:
    items = [rss_item(title + (" (updated)" if edited and n == 0 else ""),
                      guid=f"{name}-{n}", link=f"https://{name}.example/{n}",
                      summary=summary, pub=f"Tue, 01 Jul 2025 {10 + n:02}:00:00 GMT")
             for n, (title, summary) in enumerate(entries)]
    return rss(*items, title=name).encode()


def main(out: Path) -> None:
    server = FeedServer()
    try:
        with tempfile.TemporaryDirectory() as tmp:
            work = Path(tmp)
            (work / "rules").mkdir()
            (work / "rules" / "words.yaml").write_text(WORDS_RULE, "utf-8")
            (work / "rules" / "event.yaml").write_text(EVENT_RULE, "utf-8")
            a = server.put("/a.xml", feed(WIRE_A, "wire-a"))
            b = server.put("/b.xml", feed(WIRE_B, "wire-b"))
            (work / "alerts.yaml").write_text(
                f"state: state.db\nrules: [rules]\n"
                f"defaults: {{channels: [desk]}}\nchannels: {{desk: 'json://127.0.0.1:9/'}}\n"
                f"fetch: {{allow_networks: ['127.0.0.0/8']}}\n"
                f"feeds:\n  - {{url: '{a}', name: Wire A}}\n  - {{url: '{b}', name: Wire B}}\n",
                "utf-8")
            command = [sys.executable, "-m", "alerts", "--config", str(work / "alerts.yaml"),
                       "poll", "--once", "--no-send", "--backfill"]
            subprocess.run(command, cwd=work, check=True, capture_output=True)
            server.put("/a.xml", feed([*WIRE_A, LATER], "wire-a", edited=True))
            subprocess.run(command, cwd=work, check=True, capture_output=True)
            conn = sqlite3.connect(work / "state.db")
            dump = "\n".join(line for line in conn.iterdump())
            conn.close()
    finally:
        server.close()
    # Loopback ports differ from run to run: one fixed address per wire.
    dump = dump.replace(a, "http://127.0.0.1:8001/a.xml").replace(
        b, "http://127.0.0.1:8001/b.xml")
    out.write_text(dump + "\n", "utf-8")


if __name__ == "__main__":
    main(Path(sys.argv[1]))
