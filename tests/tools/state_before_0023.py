"""Writes tests/data/state-before-0023.sql and tests/data/state-before-0023.json: a state made
by real polls with the schema before migration 0023 (items' summaries and full texts as plain
text), and what the store's readers returned from it then, for
tests/test_state_item_text.py to compare after the upgrade.

It was run at commit 33c3177 (the last with that schema):

    PYTHONPATH=/work/main /work/main/.venv/bin/python \\
        /work/main/tests/tools/state_before_0023.py /work/main/tests/data/state-before-0023

The polls are those of tests/tools/state_before_0016.py (two wires, close words, an edited
entry, a rule keyed by words and one by event), plus a third wire whose reports are long:
summaries and full texts (content:encoded) of several hundred characters in English, French
and Russian, one of them naming a web address, and a short one, each matched and queued as
an alert, so that the upgrade has texts to compress and texts to leave as they are.
"""

from __future__ import annotations

import sqlite3
import subprocess
import sys
import tempfile
from pathlib import Path
from xml.sax.saxutils import escape

from tests.servers import FeedServer
from tests.tools.state_before_0016 import EVENT_RULE, WORDS_RULE
from tests.tools.state_before_0016 import main as make_state
from tests.tools.state_before_0020 import more_readings

LONG = [
    ("Ceasefire talks resume in Doha as mediators press both sides",
     "Mediators from Qatar and Egypt met negotiators from both sides in Doha on Thursday to "
     "press for a ceasefire, the release of hostages and the return of displaced families, "
     "officials said. The talks, the first in three weeks, followed a week of heavy fighting; "
     "the full statement is at https://wire-c.example/statements/doha-talks-2025.",
     "Mediators from Qatar and Egypt met negotiators from both sides in Doha on Thursday. "
     "The talks lasted six hours and will continue on Friday, a senior official said, adding "
     "that a ceasefire was within reach if both sides accepted the mediators' proposal on "
     "hostages, aid and the withdrawal of forces from populated areas. " * 3),
    ("Les pourparlers de paix reprennent à Genève",
     "Les délégations des deux pays ont repris jeudi à Genève les pourparlers sur un "
     "cessez-le-feu, l'échange de prisonniers et le retour des réfugiés, ont indiqué des "
     "responsables. Les discussions doivent se poursuivre vendredi sous l'égide de l'ONU.",
     ""),
    ("Переговоры о перемирии продолжатся в пятницу",
     "Делегации двух стран провели в Женеве шестичасовые переговоры о прекращении огня, "
     "обмене пленными и возвращении беженцев, сообщили официальные лица. Следующий раунд "
     "переговоров назначен на пятницу.",
     ""),
    ("Talks", "Talks.", ""),
]


def long_feed() -> bytes:
    items = []
    for n, (title, summary, content) in enumerate(LONG):
        encoded = (f"<content:encoded>{escape(content)}</content:encoded>" if content else "")
        items.append(f"<item><title>{escape(title)}</title>"
                     f"<link>https://wire-c.example/{n}</link>"
                     f'<guid isPermaLink="false">wire-c-{n}</guid>'
                     f"<description>{escape(summary)}</description>{encoded}"
                     f"<pubDate>Thu, 03 Jul 2025 {10 + n:02}:00:00 GMT</pubDate></item>")
    return ('<?xml version="1.0" encoding="utf-8"?><rss version="2.0" '
            'xmlns:content="http://purl.org/rss/1.0/modules/content/"><channel>'
            "<title>Wire C</title><link>https://wire-c.example/</link>"
            f"<description>Wire C</description>{''.join(items)}</channel></rss>").encode()


def main(stem: Path) -> None:
    sql = stem.with_suffix(".sql")
    make_state(sql)
    server = FeedServer()
    try:
        with tempfile.TemporaryDirectory() as tmp:
            work = Path(tmp)
            db = work / "state.db"
            conn = sqlite3.connect(db)
            conn.executescript(sql.read_text("utf-8"))
            conn.close()
            (work / "rules").mkdir()
            (work / "rules" / "words.yaml").write_text(WORDS_RULE, "utf-8")
            (work / "rules" / "event.yaml").write_text(EVENT_RULE, "utf-8")
            c = server.put("/c.xml", long_feed())
            (work / "alerts.yaml").write_text(
                f"state: state.db\nrules: [rules]\n"
                f"defaults: {{channels: [desk]}}\nchannels: {{desk: 'json://127.0.0.1:9/'}}\n"
                f"fetch: {{allow_networks: ['127.0.0.0/8']}}\n"
                f"feeds:\n  - {{url: '{c}', name: Wire C}}\n", "utf-8")
            subprocess.run([sys.executable, "-m", "alerts", "--config",
                            str(work / "alerts.yaml"), "poll", "--once", "--no-send",
                            "--backfill"], cwd=work, check=True, capture_output=True)
            conn = sqlite3.connect(db)
            dump = "\n".join(conn.iterdump()).replace(c, "http://127.0.0.1:8001/c.xml")
            conn.close()
            sql.write_text(dump + "\n", "utf-8")
            db.unlink()
            conn = sqlite3.connect(db)
            conn.executescript(dump)
            conn.close()
            import json

            found = more_readings(db)
    finally:
        server.close()
    stem.with_suffix(".json").write_text(
        json.dumps(found, indent=1, ensure_ascii=False, sort_keys=True, default=str) + "\n",
        "utf-8")


if __name__ == "__main__":
    main(Path(sys.argv[1]))
