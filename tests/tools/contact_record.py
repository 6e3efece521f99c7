"""Builds alerts/knowledge/data/contacts.yaml: leaders' calls and meetings on record, as facts.

    .venv/bin/python tests/tools/contact_record.py [CORPUS]   # default ../shared/corpus

Reads the leaders' own press releases in kremlin-zelenskyy-press-releases (en.kremlin.ru,
CC BY 4.0; president.gov.ua/en) and writes, for every readout of a call, meeting, talks or
visit, one line: the date, the two people (knowledge-base ids) and the kind of contact. No
text of the releases is copied: only who met or spoke with whom, and when.

Who took part is read the way the daemon reads news (the analysis pass: contact frames in the
headline and first sentence that happened, with their pairs), plus, for the Kremlin's
readout headlines ("Telephone conversation with ...", "Meeting with ...", "Talks with ..."),
every person in office on the day named in the headline. Only pairs with the source's own
leader are kept: the record says whom Putin (or Zelensky) spoke with, nothing about others.

The Kremlin's English news publishes every call and meeting of the president (the real
labelled set relies on this, see tests/data/real/README.md): for Putin the record is marked
complete over the dates of the file, so a pair with no entry there had no contact in that
window. The Ukrainian presidency's releases are kept as entries only (no completeness).
"""

from __future__ import annotations

import csv
import re
import sys
from datetime import date, datetime
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

from alerts.analysis import analyse_text  # noqa: E402
from alerts.knowledge import knowledge_base  # noqa: E402
from alerts.knowledge.contacts import state_office  # noqa: E402
from alerts.knowledge.phrases import token_text  # noqa: E402

csv.field_size_limit(10**8)
OUT = ROOT / "alerts" / "knowledge" / "data" / "contacts.yaml"
FOLDER = "kremlin-zelenskyy-press-releases"
SOURCES = [
    {"id": "kremlin", "file": "putin.csv", "leader": "vladimir-putin", "complete": True,
     "what": "the news of the President of Russia, en.kremlin.ru/events/president/news",
     "licence": "CC BY 4.0 (kremlin.ru); facts only, attributed to kremlin.ru"},
    {"id": "president-gov-ua", "file": "zelenskyy.csv", "leader": "volodymyr-zelensky",
     "complete": False,
     "what": "the news of the President of Ukraine, president.gov.ua/en/news",
     "licence": "site terms not verified: facts only (dates and participants), attributed"},
]
READOUT = re.compile(r"^(Telephone conversations? with|Meeting with|Talks with|Conversation with|"
                     r"Russian-\w+ talks|Joint news conference|Press statements|Visit to)")
KIND = {"Telephone": "call", "Conversation": "call", "Meeting": "meeting", "Talks": "talks",
        "Russian": "talks", "Joint": "talks", "Press": "talks", "Visit": "visit"}


def first_sentence(text: str) -> str:
    text = " ".join(text.split())
    m = re.match(r"(.*?[.!?])(?:\s+[A-Z\"'“]|$)", text)
    return m.group(1) if m else text[:400]


def in_office(entity, day: date, leader) -> bool:
    """A leader or minister of another state on the day (a meeting with one's own minister
    is no diplomatic contact)."""
    mine = state_office(leader, day)
    theirs = state_office(entity, day)
    return theirs is not None and (mine is None or theirs.country != mine.country)


def contacts_of(source: dict, row: dict) -> set[tuple[str, str, str]]:
    """(other person's id, kind, how it was read) for one press release."""
    leader = source["leader"]
    day = datetime.fromisoformat(row["date"].replace("Z", "+00:00")).date()
    headline = " ".join(row["headline"].split())
    lead = first_sentence(row.get("summary") or row["body"])
    found: set[tuple[str, str, str]] = set()
    kb = knowledge_base()
    analysis = analyse_text(headline, lead, day)
    for frame in analysis.frames:
        if frame.type != "contact" or frame.modality != "happened" \
                or frame.position not in ("headline", "lead") or frame.flags & {"anniversary"}:
            continue
        for a, b in frame.pairs:
            ids = {a.entity_id, b.entity_id}
            if leader in ids and len(ids) == 2:
                (other,) = ids - {leader}
                if in_office(kb.entities.get(other), day, kb.entities.get(leader)):
                    found.add((other, frame.status or "meeting", "frame"))
    m = READOUT.match(headline) if source["id"] == "kremlin" else None
    if m:
        kind = KIND[m.group(1).split()[0].split("-")[0]]
        for mention in kb.mentions(token_text(headline), day):
            entity = mention.entity
            if entity.id != leader and in_office(entity, day, kb.entities.get(leader)):
                found.add((entity.id, kind, "headline"))
    return {(o, k, how) for o, k, how in found}


def build(corpus: Path) -> str:
    lines = [
        "# Leaders' calls and meetings on record: who had direct contact with whom, and when.",
        "# Facts only (dates and participants), no text; written by tests/tools/contact_record.py",
        f"# from ../shared/corpus/{FOLDER}",
        "# (the leaders' own press releases); do not edit by hand, run the script.",
        "# A gap rule with `history: contact` reads it beside what the",
        "# daemon has seen: the newest contact of a pair before a report's day is its last on",
        "# record; where a source is complete, a pair with no entry had no contact there.",
        "sources:",
    ]
    entries: dict[tuple[str, str, str], str] = {}
    read_by: dict[tuple[str, str, str], bool] = {}  # whether a readout's headline said the kind
    for source in SOURCES:
        rows = list(csv.DictReader((corpus / FOLDER / source["file"]).open(encoding="utf-8")))
        days = sorted(datetime.fromisoformat(r["date"].replace("Z", "+00:00")).date()
                      for r in rows)
        lines += [f"  - id: {source['id']}",
                  f"    leader: {source['leader']}",
                  f"    what: \"{source['what']}\"",
                  f"    licence: \"{source['licence']}\"",
                  f"    from: \"{days[0].isoformat()}\"",
                  f"    to: \"{days[-1].isoformat()}\"",
                  f"    complete: {'true' if source['complete'] else 'false'}"]
        for row in rows:
            day = datetime.fromisoformat(row["date"].replace("Z", "+00:00")).date().isoformat()
            # The readout's own headline says the kind best ("Talks with"), then the frames,
            # in any release of the day ("Statements by leaders ... following trilateral
            # talks" comes before "Meeting with Ilham Aliyev and Nikol Pashinyan").
            for other, kind, how in sorted(contacts_of(source, row),
                                           key=lambda c: (c[0], c[2] != "headline", c[1])):
                key = (day, *sorted((source["leader"], other)))
                if key not in entries or (how == "headline" and not read_by[key]):
                    entries[key] = f"{kind}, {source['id']}"  # type: ignore[index]
                    read_by[key] = how == "headline"  # type: ignore[index]
    lines.append("contacts:  # [date, person, person, kind, source]")
    for (day, a, b), what in sorted(entries.items()):
        kind, source_id = what.split(", ")
        lines.append(f"  - [\"{day}\", {a}, {b}, {kind}, {source_id}]")
    return "\n".join(lines) + "\n"


def main() -> int:
    corpus = Path(sys.argv[1]) if len(sys.argv) > 1 else ROOT.parent / "shared" / "corpus"
    if not (corpus / FOLDER).is_dir():
        print(f"{corpus / FOLDER} is missing: give the corpus folder as the argument.",
              file=sys.stderr)
        return 2
    OUT.write_text(build(corpus), "utf-8")
    print(f"wrote {OUT}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
