"""Writes alerts/knowledge/data/people-generated.yaml, countries-generated.yaml and
offices-generated.yaml.

Sources (Wikidata, CC0; see ../shared/corpus/world-leaders-wikidata/README.md):
  * geografia-2025/leaders_history.csv: heads of state and government to 2025-10-03;
  * peppercat-2022/leaders.csv: foreign ministers to mid-2022, English labels, and the
    heads of state and government of 2000-2019 that geografia lacks (Karzai, Hadi);
and the hand-written tables beside this script: countries_table.py (ISO codes, names in
Arabic and Chinese), foreign_ministers.py (foreign ministers since mid-2022, from the
maintainers' knowledge, with "approx" where the day is not certain) and historic_leaders.py
(names of the best-known leaders of 2000-2019 in the eight languages, their ambiguous
surnames, and tenures the tables lack). Tenures from 2000 on are written.

Hand-curated entries in people.yaml win at load time (alerts.knowledge.base.merge_people):
a generated person that people.yaml already has gets the curated id, so the curated
aliases stay and the curated roles replace the overlapping generated ones. Run:

    .venv/bin/python -m tests.tools.people_from_wikidata [CORPUS_DIR [OUT_DIR]]
"""

from __future__ import annotations

import csv
import re
import sys
import unicodedata
from collections import defaultdict
from dataclasses import dataclass, field
from datetime import date, timedelta
from pathlib import Path

import yaml

from tests.tools.countries_table import EXTRA_NAMES, ORG_NAMES, ORGANISATIONS, TABLE
from tests.tools.country_names import (
    CASE_ALIASES,
    PROPER_ALIASES,
    adjectives,
    capital_names,
    territory_names,
    usable_name,
)
from tests.tools.defence_ministers import ALIASES as DEFENCE_ALIASES
from tests.tools.defence_ministers import COVERED as DEFENCE_COVERED
from tests.tools.defence_ministers import (
    DEFENCE_MINISTERS,
    GENITIVES,
    NO_SHORT_CHINESE,
    POSITION,
    RU_TITLES,
    UK_TITLES,
)
from tests.tools.defence_ministers import PHRASES as DEFENCE_PHRASES
from tests.tools.foreign_ministers import ALIASES, FOREIGN_MINISTERS, NAME_FIXES, SCRIPT_NAMES
from tests.tools.german_names import POST_SOVIET, german_form
from tests.tools.historic_leaders import ALIASES as HISTORIC_ALIASES
from tests.tools.historic_leaders import AMBIGUOUS as HISTORIC_AMBIGUOUS
from tests.tools.historic_leaders import NAME_FIXES as HISTORIC_NAME_FIXES
from tests.tools.historic_leaders import ROLES as HISTORIC_ROLES
from tests.tools.leader_names import NAMES as CJK_CYRILLIC_NAMES
from tests.tools.leader_names_arabic import NAMES as ARABIC_NAMES
from tests.tools.offices_table import (
    ARABIC_ADJECTIVES,
    ARABIC_MONARCHS,
    CHINESE_MONARCHS,
    CHINESE_SHORT,
    CHINESE_SHOUXIANG,
    MONARCHS,
    ORGANISATION_OFFICES,
    PARTY_LEADERS,
    SINGULAR_ONLY,
    arabic_adjective_forms,
    arabic_feminine,
)

ROOT = Path(__file__).resolve().parents[2]
DATA = ROOT / "alerts" / "knowledge" / "data"
# The names of 2015-2025 leaders in other scripts (leader_names.py: Chinese and Cyrillic;
# leader_names_arabic.py: Arabic), written as script_aliases.
SCRIPT_NAMES_2015 = {
    person_id: CJK_CYRILLIC_NAMES.get(person_id, []) + ARABIC_NAMES.get(person_id, [])
    for person_id in CJK_CYRILLIC_NAMES.keys() | ARABIC_NAMES.keys()}
SINCE = date(2000, 1, 1)  # tenures that end before this are left out
FILL_BEFORE = date(2020, 1, 1)  # peppercat's heads fill geografia's gaps that ended before
# Where the family name comes first: the surname is the first word ("Hu Jintao", "Park
# Geun-hye"), not the last.
SURNAME_FIRST = {"CN", "TW", "KR", "KP", "HK", "MO"}
SNAPSHOT_HOS = date(2025, 10, 3)  # geografia's last day
OFFICE = {"head_of_state": "head-of-state", "head_of_government": "head-of-government",
          "foreign_minister": "foreign-minister"}
TITLE = {"head-of-state": "Head of State", "head-of-government": "Head of Government",
         "foreign-minister": "Foreign Minister", "defence-minister": "Defence Minister"}
# Words that are never a name on their own, nor safe as one.
# Governors-general geografia lists as heads of state and peppercat does not name.
GOVERNORS: set[str] = set()  # peppercat names the governors-general of the realms
# Commonwealth realms: their governors-general are listed as heads of state.
REALMS = {"AU", "CA", "NZ", "JM", "BS", "BZ", "AG", "GD", "KN", "LC", "VC", "PG", "SB", "TV",
          "BB", "MU", "TT"}
COMMON_WORDS = {"king", "queen", "prince", "sheikh", "emir", "sultan", "president", "al",
                "bin", "ibn", "el", "de", "da", "dos", "van", "von", "der", "ii", "iii", "iv"}


@dataclass
class Country:
    iso3: str
    iso2: str
    name: str
    adjective: str
    capital: str
    arabic: str
    chinese: str


COUNTRIES = [Country(*line.split("|")) for line in TABLE.splitlines()]
BY_ISO3 = {c.iso3: c for c in COUNTRIES}
BY_NAME = {c.name.lower(): c for c in COUNTRIES}
PEPPERCAT_NAMES = {"cabo verde": "CV", "congo-brazzaville": "CG", "ivory coast": "CI",
                   "paraguary": "PY", "the bahamas": "BS", "the gambia": "GM",
                   "the philippines": "PH", "the czech republic": "CZ",
                   "the federated states of micronesia": "FM",
                   "the marshall islands": "MH", "the united kingdom": "GB",
                   "the united states of america": "US", "são tomé and príncipe": "ST",
                   "brunei": "BN", "eswatini": "SZ", "north korea": "KP", "south korea": "KR"}


_LETTERS = str.maketrans({"Þ": "Th", "þ": "th", "Ð": "D", "ð": "d", "Đ": "D", "đ": "d",
                          "Ø": "O", "ø": "o", "Æ": "Ae", "æ": "ae", "ß": "ss", "Ł": "L",
                          "ł": "l", "ı": "i", "ʻ": "'", "’": "'"})


def plain(text: str) -> str:
    """Accent-free form: Lourenço -> Lourenco, Touadéra -> Touadera."""
    decomposed = unicodedata.normalize("NFKD", text.translate(_LETTERS))
    return "".join(c for c in decomposed if not unicodedata.combining(c))


def slug(name: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", plain(name).lower()).strip("-")


def day(value: str) -> date | None:
    m = re.match(r"^(\d{4})-(\d{2})-(\d{2})", value or "")
    if not m:
        return None
    try:
        return date(int(m[1]), int(m[2]), int(m[3]))
    except ValueError:
        return None


@dataclass
class Tenure:
    qid: str
    name: str
    office: str
    country: str
    start: date
    end: date | None
    title: str
    approx: bool = False
    aliases: list[str] = field(default_factory=list)


def read_heads(corpus: Path, names: dict[str, str], governors: set[str]) -> list[Tenure]:
    """Heads of state and government; a governor-general (listed as head of state of a
    Commonwealth realm) and the Vatican governorate's president are left out."""
    out = []
    path = corpus / "world-leaders-wikidata" / "geografia-2025" / "leaders_history.csv"
    for row in csv.DictReader(path.open(encoding="utf-8")):
        country = BY_ISO3.get(row["iso3"])
        start = day(row["start"])
        if country is None or start is None or (row["person_qid"] in governors
                                                and country.iso2 in REALMS):
            continue
        office = OFFICE[row["role"]]
        if country.iso2 == "VA" and office == "head-of-government":
            continue
        out.append(Tenure(row["person_qid"], names.get(row["person_qid"], row["person"]),
                          office, country.iso2, start, day(row["end"]),
                          f"{TITLE[office]} of {country.name}"))
    return out


def read_peppercat(corpus: Path) -> tuple[list[Tenure], dict[str, str], dict[tuple, str],
                                          set[str]]:
    """Foreign ministers, English labels by QID, the position titles, governors-general."""
    path = corpus / "world-leaders-wikidata" / "peppercat-2022" / "leaders.csv"
    ministers, names, titles, governors = [], {}, {}, set()
    heads = []
    for row in csv.DictReader(path.open(encoding="utf-8")):
        names[row["personID"]] = row["enwiki"] or row["person"]
        if row["role"] == "governor_general" or "Governor" in row["position"]:
            governors.add(row["personID"])
        jurisdiction = row["jurisdiction"].lower()
        iso2 = PEPPERCAT_NAMES.get(jurisdiction) or (BY_NAME[jurisdiction].iso2
                                                    if jurisdiction in BY_NAME else None)
        if iso2 is None:
            continue
        country = next(c for c in COUNTRIES if c.iso2 == iso2)
        titles[(row["personID"], iso2, row["role"])] = f"{row['position']} of {country.name}"
        start = day(row["start"])
        if row["role"] in ("head_of_state", "head_of_government") and start is not None:
            office = OFFICE[row["role"]]
            heads.append(Tenure(row["personID"], names[row["personID"]], office, iso2, start,
                                day(row["end"]), f"{row['position']} of {country.name}"))
        if row["role"] != "foreign_minister" or start is None:
            continue
        ministers.append(Tenure(row["personID"], names[row["personID"]], "foreign-minister",
                                iso2, start, day(row["end"]),
                                f"Foreign Minister of {country.name}"))
    READ_HEADS[:] = heads
    return ministers + read_defence(corpus), names, titles, governors


READ_HEADS: list[Tenure] = []  # peppercat's heads of state and government, as last read


def fill_heads(heads: list[Tenure], peppercat: list[Tenure]) -> list[Tenure]:
    """peppercat's head-of-state and head-of-government tenures of a person and seat
    geografia has no row for at all (Karzai, Hadi: Wikidata's country item names them, the
    office item does not), when they ended before FILL_BEFORE: the later ones are
    geografia's or the hand-checked data's to give."""
    known = {(t.qid, t.office, t.country) for t in heads}
    return [t for t in peppercat if (t.qid, t.office, t.country) not in known
            and t.end is not None and t.end < FILL_BEFORE]


def read_defence(corpus: Path) -> list[Tenure]:
    """Defence ministers from the snapshot's officeholders (all its positions, to mid-2022)."""
    path = corpus / "world-leaders-wikidata" / "peppercat-2022" / "officeholders.csv"
    out = []
    for row in csv.DictReader(path.open(encoding="utf-8")):
        jurisdiction = row["jurisdiction"].lower()
        iso2 = PEPPERCAT_NAMES.get(jurisdiction) or (BY_NAME[jurisdiction].iso2
                                                    if jurisdiction in BY_NAME else None)
        start = day(row["start"])
        if iso2 is None or start is None or not POSITION.match(row["position"]):
            continue
        country = next(c for c in COUNTRIES if c.iso2 == iso2)
        out.append(Tenure(row["personID"], row["enwiki"] or row["person"], "defence-minister",
                          iso2, start, day(row["end"]),
                          f"{row['position']} of {country.name}"))
    return out


def hand_over(tenures: list[Tenure]) -> list[Tenure]:
    """A hand-written defence minister's tenure replaces the snapshot's of the same person and
    seat that begins within a week of it (the snapshot's is open-ended or stale)."""
    written = {(m["country"], slug(m["name"]), m["from"]) for m in DEFENCE_MINISTERS}
    hand = [t for t in tenures if (t.country, slug(t.name), t.start.isoformat()) in written
            and t.title.startswith(f"{TITLE['defence-minister']} of ")]
    ids = {id(h) for h in hand}
    return [t for t in tenures if id(t) in ids or not any(
        h.qid == t.qid and h.office == t.office and h.country == t.country
        and abs((h.start - t.start).days) <= 7 for h in hand)]


def collapse(tenures: list[Tenure]) -> list[Tenure]:
    """One tenure per person, office and country for overlapping or adjacent statements."""
    groups: dict[tuple, list[Tenure]] = defaultdict(list)
    for t in tenures:
        groups[(t.qid, t.office, t.country)].append(t)
    out = []
    for items in groups.values():
        items.sort(key=lambda t: t.start)
        current = items[0]
        for t in items[1:]:
            if current.end is None:
                # An open statement is often stale: a closed one after it says when the
                # tenure ended (a later open one then starts a new tenure).
                if t.end is not None:
                    current.end = t.end
            elif t.start <= current.end + timedelta(days=1):
                if t.end is None or t.end > current.end:
                    current.end = t.end
            else:
                out.append(current)
                current = t
        out.append(current)
    return out


def drop_fallbacks(tenures: list[Tenure]) -> list[Tenure]:
    """Wikidata gives some presidents the head-of-government seat too (from the country's
    "head of government" statement) while a prime minister held it: such a tenure that
    matches the person's head-of-state one and overlaps another person's is left out."""
    heads = {(t.qid, t.country): t for t in tenures if t.office == "head-of-state"}
    government: dict[str, list[Tenure]] = defaultdict(list)
    for t in tenures:
        if t.office == "head-of-government":
            government[t.country].append(t)

    def fallback(t: Tenure) -> bool:
        head = heads.get((t.qid, t.country))
        if t.office != "head-of-government" or head is None or \
                abs((head.start - t.start).days) > 31:
            return False
        return any(o.qid != t.qid and (o.qid, o.country) not in heads
                   and o.start < (t.end or date.max) and t.start < (o.end or date.max)
                   for o in government[t.country])  # a prime minister meanwhile

    return [t for t in tenures if not fallback(t)]


def close_stale(tenures: list[Tenure]) -> list[Tenure]:
    """A single-seat office: a tenure ends when the next holder's begins (Wikidata keeps
    stale open-ended statements and slips a few days), unless that holder's tenure lies
    inside it (acting, co-premiers). A successor's 1 January start is a year-only date:
    moved to the day after."""
    seats: dict[tuple, list[Tenure]] = defaultdict(list)
    for t in tenures:
        seats[(t.office, t.country)].append(t)
    dropped: set[int] = set()
    for items in seats.values():
        items.sort(key=lambda t: (t.start, t.end or date.max))
        for i, t in enumerate(items):
            for n in items[i + 1:]:
                if n.qid == t.qid or id(n) in dropped or id(t) in dropped:
                    continue
                if n.start == t.start and n.end == t.end:
                    dropped.add(id(n))  # the same seat twice (a junta's council): keep one
                elif n.start == t.start and t.end is not None:
                    n.start = t.end + timedelta(days=1)  # a stale row of the successor
            later = [n for n in items[i + 1:] if n.qid != t.qid and n.start > t.start
                     and id(n) not in dropped]
            for nxt in later:
                if t.end is not None and t.end <= nxt.start:
                    break
                if (nxt.start.month, nxt.start.day) == (1, 1) and t.end is not None:
                    # Wikidata writes a year-only date as 1 January: the successor began
                    # when this tenure ended, not on New Year's Day.
                    nxt.start = t.end + timedelta(days=1)
                    break
                if nxt.end is None or t.end is None or nxt.end > t.end - timedelta(days=120):
                    # the first successor (after a stale open statement or a slip, even one
                    # ending shortly before this stale end); one well inside this tenure
                    # (acting, co-premier) is passed over
                    t.end = max(nxt.start - timedelta(days=1), t.start)
                    break
    return [t for t in tenures if id(t) not in dropped and (t.end is None or t.end >= t.start)]


LEADERS = ("head-of-state", "head-of-government", "crown-prince", "foreign-minister",
           "secretary-general")


def second_hats(tenures: list[Tenure], people: list[dict], by_name: dict[str, str]) -> list[Tenure]:
    """A defence portfolio a leader holds besides their seat (Mohammed bin Salman as crown
    prince, a president who keeps defence) is left out, so that they are described by the
    seat: a defence tenure overlapping by over 30 days one of the person's leader roles, or
    a curated role of theirs ("other": a crown prince) that is not itself defence, is left
    out when it began with that role, and ends the day before it otherwise (a minister who
    became president, whose open-ended defence statement is stale)."""
    seats: dict[str, list[tuple[date, date]]] = defaultdict(list)
    for spec in people:
        for r in spec.get("roles") or []:
            other = r.get("office") == "other" and not re.search(r"Defen[cs]e", str(r.get("title")))
            if (r.get("office") in LEADERS or other) and r.get("from"):
                seats[spec["id"]].append((date.fromisoformat(str(r["from"])),
                                          day(str(r.get("to") or "")) or date.max))
    for t in tenures:
        if t.office in LEADERS:
            seats[by_name.get(slug(t.name), t.qid)].append((t.start, t.end or date.max))

    out = []
    for t in tenures:
        if t.office == "defence-minister":
            for b, e in sorted(seats.get(by_name.get(slug(t.name), t.qid), [])):
                if (min(t.end or date.max, e) - max(t.start, b)).days > 30:
                    if b <= t.start + timedelta(days=30):
                        break  # a second hat all along: left out
                    t.end = b - timedelta(days=1)  # left defence for the seat (Prabowo)
            else:
                out.append(t)
                continue
            continue
        out.append(t)
    return out


def curated() -> tuple[list[dict], dict[str, str]]:
    people = yaml.safe_load((DATA / "people.yaml").read_text("utf-8")) or []
    by_name: dict[str, str] = {}
    for spec in people:
        for phrase in [spec["name"], *(spec.get("aliases") or [])]:
            if slug(str(phrase)):  # a name in another script has no Latin slug
                by_name.setdefault(slug(str(phrase)), spec["id"])
    return people, by_name


def alike(a: str, b: str) -> bool:
    """Two spellings of one name share a word's first four letters (Berdimuhamedow and
    Berdimuhamedov) or a whole word (Su Tseng-chang and Hope Su); an acting holder at a
    handover (Zubkov for a day before Medvedev) does not."""
    words = [w for w in slug(a).split("-") if len(w) >= 2 and w not in COMMON_WORDS]
    stems = {w[:4] for w in words if len(w) >= 4}
    return any(w in words or (len(w) >= 4 and w[:4] in stems)
               for w in slug(b).split("-") if len(w) >= 2 and w not in COMMON_WORDS)


def same_person(generated: list[Tenure], ours: list[Tenure], by_name: dict[str, str]) -> None:
    """A generated person whose tenure in a seat begins within three days of a curated
    person's is that person under another spelling (Berdimuhamedow, Hope Su): the name is
    registered so both get the curated id."""
    starts = {(t.office, t.country, t.start): t.qid.removeprefix("curated:") for t in ours}
    names = {t.qid.removeprefix("curated:"): t.name for t in ours}
    for t in generated:
        if slug(t.name) in by_name or (t.end is not None and (t.end - t.start).days < 31):
            continue  # known by name, or a stub (an acting day at a handover) tells nothing
        for shift in range(-3, 4):
            person_id = starts.get((t.office, t.country, t.start + timedelta(days=shift)))
            if person_id is not None and alike(t.name, names[person_id]):
                by_name[slug(t.name)] = person_id
                break


def yield_to_curated(tenures: list[Tenure], by_name: dict[str, str]) -> list[Tenure]:
    """people.yaml is right for the seats and periods it covers: a generated tenure of
    someone else is cut back to outside them (or left out when inside one)."""
    seats: dict[tuple, list[Tenure]] = defaultdict(list)
    for t in tenures:
        if t.qid.startswith("curated:"):
            seats[(t.office, t.country)].append(t)
    out = []
    for t in tenures:
        if t.qid.startswith("curated:"):
            continue
        same = "curated:" + by_name.get(slug(t.name), "?")
        if any(c.qid == same for c in seats.get((t.office, t.country), [])):
            continue  # people.yaml has this person's own tenure in this seat
        for c in seats.get((t.office, t.country), []):
            t_end, c_end = t.end or date.max, c.end or date.max
            if c.start > t_end or c_end < t.start:
                continue  # no overlap
            if c.start > t.start:
                t.end = c.start - timedelta(days=1)
            elif c_end < t_end:
                t.start = c_end + timedelta(days=1)
            else:
                t.end = t.start - timedelta(days=1)  # wholly inside: gone
        if t.end is None or t.end >= t.start:
            out.append(t)
    return out


def curated_tenures(people: list[dict]) -> list[Tenure]:
    out = []
    for spec in people:
        for r in spec.get("roles") or []:
            if r.get("office") in TITLE and r.get("from"):
                out.append(Tenure("curated:" + spec["id"], spec["name"], r["office"],
                                  r["country"], date.fromisoformat(str(r["from"])),
                                  day(str(r.get("to") or "")), r.get("title", "")))
    return out


def aliases_for(name: str, extra: list[str]) -> list[str]:
    forms = [name, plain(name), *extra]
    # "Surname, Given" never; a label with a parenthesis loses it.
    forms = [re.sub(r"\s*\(.*\)$", "", f).strip() for f in forms]
    seen: list[str] = []
    for f in forms:
        if f and f not in seen and len(f.split()) >= 1 and f.lower() not in COMMON_WORDS:
            seen.append(f)
    return seen


def german_forms(names: list[str]) -> list[str]:
    """The German spellings of Latin names that differ from them (german_names.py)."""
    forms = [german_form(n) for n in names if n.isascii()]
    return [f for f in forms if f not in names and f.lower() not in COMMON_WORDS]


def script_aliases(person_id: str) -> list[str]:
    """The person's names of leader_names.py, apart from the aliases: the base reads them
    alike, but does not count them as the sign of a name known abroad that makes an
    ambiguous surname a name in more contexts (KnowledgeBase._named_abroad)."""
    names = SCRIPT_NAMES_2015.get(person_id)
    return ["  script_aliases: [" + ", ".join(map(quote, dict.fromkeys(names))) + "]"] \
        if names else []


def quote(text: str) -> str:
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"') + '"'


def generate(corpus: Path, out: Path = DATA) -> None:
    ministers, english, titles, governors = read_peppercat(corpus)
    heads = read_heads(corpus, english, governors | GOVERNORS)
    heads += fill_heads(heads, READ_HEADS)
    for t in heads:
        key = (t.qid, t.country, t.office.replace("-", "_"))
        if key in titles:
            t.title = titles[key]
    generated = []
    for t in collapse(heads + ministers):
        label = {**NAME_FIXES, **HISTORIC_NAME_FIXES}.get(t.qid, t.name) or ""
        t.name = re.sub(r"\s*\(.*\)$", "", label).replace("\u2011", "-")
        if slug(t.name) and not re.match(r"^(Q\d+|https?:)", t.name) and t.qid.startswith("Q"):
            generated.append(t)
    generated = collapse(generated)
    # a hand-written tenure belongs to the latest person of that name (Bjarni Benediktsson
    # the grandson, not the grandfather)
    qids = {slug(t.name): t.qid for t in sorted(generated, key=lambda t: t.start)}
    for m in FOREIGN_MINISTERS + DEFENCE_MINISTERS:  # after collapse: a second term stays one
        country = next(c.name for c in COUNTRIES if c.iso2 == m["country"])
        generated.append(Tenure(qids.get(slug(m["name"]), "manual:" + slug(m["name"])),
                                m["name"], m.get("office", "defence-minister"), m["country"],
                                date.fromisoformat(m["from"]), day(m["to"]),
                                f"{TITLE[m.get('office', 'defence-minister')]} of {country}",
                                m["approx"] == "approx"))
    # A seat historic_leaders.ROLES gives a person replaces Wikidata's tenures of it.
    replaced = {(person_id, office, code) for person_id, _, office, _, code, _, _ in HISTORIC_ROLES}
    generated = [t for t in generated if (slug(t.name), t.office, t.country) not in replaced]
    for person_id, name, office, title, code, start, end in HISTORIC_ROLES:
        generated.append(Tenure(qids.get(person_id, "manual:" + person_id), name, office, code,
                                date.fromisoformat(start), day(end or ""), title))
    generated = drop_fallbacks(hand_over(generated))
    people, by_name = curated()
    ours = curated_tenures(people)
    same_person(generated, ours, by_name)
    everything = close_stale(generated + ours)
    kept = second_hats([t for t in yield_to_curated(everything, by_name)
                        if t.end is None or t.end >= SINCE], people, by_name)
    persons: dict[str, list[Tenure]] = defaultdict(list)
    for t in kept:
        persons[t.qid].append(t)
    # Ids: the curated one for a person people.yaml has, else a slug (with the country when
    # two people share a name).
    slugs: dict[str, set[str]] = defaultdict(set)
    for qid, items in persons.items():
        slugs[slug(items[0].name)].add(qid)
    lines = [
        "# people-generated.yaml -- GENERATED by tests/tools/people_from_wikidata.py from Wikidata",
        "# (CC0: geografia-2025 heads of state and government, peppercat-2022 foreign ministers)",
        "# and the script's hand-written tables. Do not edit: fix the tables or people.yaml",
        "# (whose entries are merged over these at load time), then run the script again.",
        "# Schema as in people.yaml. A date marked \"# approx\" is not certain to the day.",
        "",
    ]
    written: set[str] = set()
    curated_ids = {spec["id"] for spec in people}
    curated_aliases = {spec["id"]: [str(a) for a in spec.get("aliases") or []] for spec in people}
    for _, items in sorted(persons.items(), key=lambda kv: (kv[1][0].country, kv[1][0].name)):
        name = items[0].name
        person_id = by_name.get(slug(name))
        if person_id is None:
            person_id = slug(name) if len(slugs[slug(name)]) == 1 else \
                f"{slug(name)}-{items[0].country.lower()}"
            if person_id in written:  # namesakes of one country
                person_id = f"{person_id}-{items[0].qid.lower()}"
        written.add(person_id)
        extra = ([a for t in items for a in t.aliases] + ALIASES.get(person_id, [])
                 + SCRIPT_NAMES.get(person_id, []) + DEFENCE_ALIASES.get(person_id, [])
                 + HISTORIC_ALIASES.get(person_id, []))
        lines.append(f"- id: {person_id}")
        lines.append(f"  name: {quote(name)}")
        aliases = aliases_for(name, extra)
        post_soviet = any(t.country in POST_SOVIET for t in items)
        if post_soviet:
            # (and of the curated names: "Mirziyoyev" alone is "Mirsijojew")
            aliases += german_forms(aliases + curated_aliases.get(person_id, []))
        given = regnal_name(name) if any(_MONARCH.search(t.title.lower()) for t in items) \
            and person_id not in curated_ids else ""
        if " " in given:
            # an ambiguous alias is one word: a name of two only with the title before it
            # ("el rey Juan Carlos", "King Abdul Halim")
            aliases += [f"{title} {given}" for title in _KING_WORDS]
            given = ""
        lines.append("  aliases: [" + ", ".join(quote(a) for a in dict.fromkeys(aliases)) + "]")
        lines += script_aliases(person_id)
        words = plain(name).split() if " " in name and " of " not in name else []
        surname = "" if not words else words[0] if items[0].country in SURNAME_FIRST \
            else words[-1]
        if person_id in HISTORIC_AMBIGUOUS:
            lines.append("  ambiguous_aliases: ["
                         + ", ".join(map(quote, HISTORIC_AMBIGUOUS[person_id])) + "]")
        elif surname and surname.lower() not in COMMON_WORDS and len(surname) > 2 and \
                surname.lower() not in _GIVEN_TOO_COMMON and person_id not in curated_ids:
            surnames = [surname] + (german_forms([surname]) if post_soviet else [])
            lines.append("  ambiguous_aliases: [" + ", ".join(map(quote, surnames)) + "]")
        elif given and given not in aliases:
            lines.append(f"  ambiguous_aliases: [{quote(given)}]")
        lines.append("  roles:")
        for t in sorted(items, key=lambda t: t.start):
            note = "  # approx" if t.approx else ""
            lines += [f"    - office: {t.office}",
                      f"      title: {quote(t.title)}",
                      f"      country: \"{t.country}\"",
                      f"      from: \"{t.start.isoformat()}\"{note}",
                      "      to: " + (f"\"{t.end.isoformat()}\"" if t.end else "null")]
    # The curated leaders of the former Soviet Union the sources lack get German names too.
    curated_post_soviet = {spec["id"] for spec in people if any(
        str(r.get("country")) in POST_SOVIET for r in spec.get("roles") or [])}
    named = (set(SCRIPT_NAMES) | set(ALIASES) | set(DEFENCE_ALIASES) | set(HISTORIC_ALIASES)
             | set(HISTORIC_AMBIGUOUS) | set(SCRIPT_NAMES_2015)
             | {p for p in curated_post_soviet if german_forms(curated_aliases[p])})
    for person_id in sorted(named - written):
        if person_id not in curated_ids:
            raise SystemExit(f"names for unknown person {person_id!r}; fix the tables")
        forms = (ALIASES.get(person_id, []) + SCRIPT_NAMES.get(person_id, [])
                 + DEFENCE_ALIASES.get(person_id, []) + HISTORIC_ALIASES.get(person_id, []))
        if person_id in curated_post_soviet:
            forms += german_forms(curated_aliases[person_id])
        lines += [f"- id: {person_id}  # names only; the rest is in people.yaml",
                  "  aliases: [" + ", ".join(quote(a) for a in dict.fromkeys(forms)) + "]"]
        lines += script_aliases(person_id)
        if person_id in HISTORIC_AMBIGUOUS:
            lines.append("  ambiguous_aliases: ["
                         + ", ".join(map(quote, HISTORIC_AMBIGUOUS[person_id])) + "]")
    (out / "people-generated.yaml").write_text("\n".join(lines) + "\n", "utf-8")
    write_countries(out)
    write_offices(out)
    print(f"{len(persons)} people, {len(kept)} tenures", file=sys.stderr)


# "King" in the languages that write it before a name in Latin letters.
_KING_WORDS = ("King", "Rey", "Roi", "König")
# Given names too common to stand for one monarch beside another name.
# (nor, as a surname, for one who bears it last: "Osman Saleh Mohammed" is no "Mohammed ben
# Salmane")
_GIVEN_TOO_COMMON = {"muhammad", "mohammed", "mohamed", "mohammad", "ahmad", "ahmed"}
# A monarch's office, by the title Wikidata gives it ("monarch of Spain", "emir of Kuwait";
# not "United Kingdom").
_MONARCH = re.compile(r"\b(?:monarch|king|queen|emir|sultan|emperor|empress)\b")


def regnal_name(name: str) -> str:
    """The name a monarch is called by with a title, without the regnal number or the
    realm: "King Juan Carlos" (Juan Carlos I), "König Harald" (Harald V), "King Abdullah"
    (Abdullah II; Abdullah of Saudi Arabia). An ambiguous alias: a name only after a title
    or beside another name, and only when one such monarch is in office on the day (two
    kings Abdullah reigned together until 2015). "" when there is none to take."""
    given = re.sub(r"\s+[IVXL]+$", "", re.sub(r"\s+of\s.+$", "", name)).strip()
    if given == name or len(given) < 3 or given.lower() in COMMON_WORDS \
            or given.lower() in _GIVEN_TOO_COMMON:
        return ""
    return given


def group(by_language: dict[str, list[str]]) -> str:
    """A flow mapping of language -> names, each list without repeats."""
    return ", ".join(f"{lang}: [" + ", ".join(map(quote, dict.fromkeys(words))) + "]"
                     for lang, words in by_language.items() if words)


def write_countries(folder: Path) -> None:
    shipped = {spec["code"] for spec in
               yaml.safe_load((DATA / "countries.yaml").read_text("utf-8"))}
    out = [
        "# countries-generated.yaml -- GENERATED by tests/tools/people_from_wikidata.py from its",
        "# hand-written countries_table.py and country_names.py: the UN members countries.yaml",
        "# lacks (English names, adjective and capital; French, German, Spanish, Russian and",
        "# Ukrainian names from CLDR with case forms, capitals from CLDR's exemplar cities,",
        "# adjectives from country_names.ADJECTIVES, case and proper aliases from its tables),",
        "# and every country's and organisation's name in Arabic (ar) and Chinese (zh), and the",
        "# Arabic adjectives' forms (offices_table.arabic_adjective_forms). Merged with",
        "# countries.yaml at load time.",
        "# Do not edit by hand.",
        "",
    ]
    for c in COUNTRIES:
        out.append(f"- code: \"{c.iso2}\"")
        extra = EXTRA_NAMES.get(c.iso2, {})
        ar = [c.arabic, *extra.get("ar", [])]
        zh = [c.chinese, *extra.get("zh", [])]
        ar_adjectives = [f for a in ARABIC_ADJECTIVES.get(c.iso2, [])
                         for f in arabic_adjective_forms(a, c.iso2 in SINGULAR_ONLY)]
        if c.iso2 not in shipped:
            names = [c.name] + ([plain(c.name)] if plain(c.name) != c.name else [])
            out.append(f"  name: {quote(c.name)}")
            out.append("  names: {" + group({"en": names, **territory_names(c.iso2),
                                              "ar": ar, "zh": zh}) + "}")
            # A capital whose name is a common word ("La Paz", the peace; "Victoria", victory;
            # "Lima") is the country only written with its capital, inside a sentence.
            capital_ok = usable_name(c.capital)
            proper = PROPER_ALIASES.get(c.iso2, []) + ([] if capital_ok else [c.capital])
            for key, aliases in (("case_aliases", CASE_ALIASES.get(c.iso2, [])),
                                 ("proper_aliases", proper)):
                if aliases:
                    out.append(f"  {key}: [" + ", ".join(map(quote, aliases)) + "]")
            adjective = {"en": [c.adjective]} if c.adjective != c.name else {}
            if adjective or adjectives(c.iso2) or ar_adjectives:
                out.append("  adjectives: {" + group({**adjective, **adjectives(c.iso2),
                                                      "ar": ar_adjectives}) + "}")
            if capital_ok:
                out.append("  capital: {" + group({"en": [c.capital],
                                                    **capital_names(c.iso2, c.capital)}) + "}")
        else:
            out.append("  names: {ar: [" + ", ".join(map(quote, ar)) + "], zh: ["
                       + ", ".join(map(quote, zh)) + "]}")
            if ar_adjectives:
                out.append("  adjectives: {" + group({"ar": ar_adjectives}) + "}")
    for line in ORGANISATIONS.splitlines():
        code, en, ar, zh, seat = line.split("|")
        out += [f"- code: \"{code}\"", f"  name: {quote(en.split(';')[0])}",
                "  names: {en: [" + ", ".join(map(quote, en.split(";"))) + "], ar: ["
                + ", ".join(map(quote, ar.split(";"))) + "], zh: ["
                + ", ".join(map(quote, zh.split(";"))) + "]}",
                f"  capital: {{en: [{quote(seat)}]}}"]
    for code, names in ORG_NAMES.items():
        out.append(f"- code: \"{code}\"")
        out.append("  names: {" + ", ".join(f"{lang}: [" + ", ".join(map(quote, words)) + "]"
                                          for lang, words in names.items()) + "}")
    (folder / "countries-generated.yaml").write_text("\n".join(out) + "\n", "utf-8")


def token_key(phrase: str) -> str:
    from alerts.knowledge.phrases import token_text

    return token_text(phrase)


def defence_phrases(code: str, chinese: str, arabic: str) -> list[str]:
    """The defence minister of a covered state in the lexicon's other languages, from the
    adjectives countries.yaml has ("ministre israélien de la Défense", "israelische
    Verteidigungsminister", "ministro de Defensa israelí") and the tables of
    defence_ministers.py (Russian and Ukrainian genitives, Chinese, Arabic)."""
    spec = next((s for s in yaml.safe_load((DATA / "countries.yaml").read_text("utf-8"))
                 if s["code"] == code), {})
    adjectives = spec.get("adjectives") or {}
    out = []
    for fr in (adjectives.get("fr") or [])[:1]:
        out += [f"ministre {fr} de la Défense", f"ministre de la Défense {fr}"]
    for de in (adjectives.get("de") or [])[:1]:
        out += [f"{de}e Verteidigungsminister", f"{de}en Verteidigungsminister",
                f"{de}er Verteidigungsminister"]
    for es in (adjectives.get("es") or [])[:1]:
        out += [f"ministro de Defensa {es}", f"ministra de Defensa {es}"]
    ru, uk = GENITIVES[code]
    out += [f"{t} {g}" for t in RU_TITLES for g in ru.split(";")]
    out += [f"{t} {g}" for t in UK_TITLES for g in uk.split(";")]
    out += [f"وزير دفاع {arabic}"] + [f"وزير الدفاع {a}" for a in ARABIC_ADJECTIVES.get(code, [])]
    out += [f"{chinese}国防部长", f"{chinese}防长"]
    if code in CHINESE_SHORT and code not in NO_SHORT_CHINESE:
        out.append(f"{CHINESE_SHORT[code]}防长")
    return out


def write_offices(folder: Path) -> None:
    shipped = yaml.safe_load((DATA / "offices.yaml").read_text("utf-8"))
    taken = {token_key(p) for spec in shipped for p in spec.get("phrases") or []}
    covered = {spec["country"] for spec in shipped}
    out = [
        "# offices-generated.yaml -- GENERATED by tests/tools/people_from_wikidata.py from its",
        "# tables (countries_table.py, offices_table.py): English office phrases for the",
        "# countries offices.yaml lacks, and Arabic and Chinese ones for all. Merged with",
        "# offices.yaml at load time; a phrase offices.yaml has is left out. Do not edit.",
        "",
    ]

    def entry(office: str, code: str, phrases: list[str]) -> None:
        fresh = []
        for phrase in phrases:
            if token_key(phrase) not in taken:
                taken.add(token_key(phrase))
                fresh.append(phrase)
        if fresh:
            out.extend([f"- office: {office}", f"  country: \"{code}\"",
                        "  phrases: [" + ", ".join(map(quote, fresh)) + "]"])

    for c in COUNTRIES:
        names = [c.name] + ([f"the {c.name}"] if c.name.split()[-1] in
                            ("Republic", "Emirates", "Islands", "States", "Kingdom",
                             "Netherlands", "Philippines", "Bahamas", "Gambia",
                             "Maldives", "Comoros", "Seychelles") else [])
        adjectives = [c.adjective] if c.adjective != c.name else []
        zh, ar = c.chinese, c.arabic
        en: dict[str, list[str]] = {"head-of-state": [], "head-of-government": [],
                                    "foreign-minister": []}
        if c.iso2 not in covered:
            for n in names:
                en["head-of-state"] += [f"President of {n}", f"President of the Republic of {n}",
                                        f"{n}'s president", f"head of state of {n}"]
                en["head-of-government"] += [f"Prime Minister of {n}", f"{n}'s prime minister",
                                             f"head of government of {n}"]
                en["foreign-minister"] += [f"Foreign Minister of {n}",
                                           f"Minister of Foreign Affairs of {n}",
                                           f"Minister for Foreign Affairs of {n}",
                                           f"{n}'s foreign minister"]
            for a in adjectives:
                en["head-of-state"] += [f"{a} president", f"{a} head of state"]
                en["head-of-government"] += [f"{a} prime minister", f"{a} premier"]
                en["foreign-minister"] += [f"{a} foreign minister"]
            for title, codes in MONARCHS.items():
                if c.iso2 in codes.split():
                    en["head-of-state"] += [f"{title} of {n}" for n in names]
                    en["head-of-state"] += [f"{a} {title.lower()}" for a in adjectives]
        chinese = [zh] + ([CHINESE_SHORT[c.iso2]] if c.iso2 in CHINESE_SHORT else [])
        premier = "首相" if c.iso2 in CHINESE_SHOUXIANG else "总理"
        hos = [f"رئيس {ar}"] + [f"{z}总统" for z in chinese] + (
            ["中国国家主席", "国家主席"] if c.iso2 == "CN" else [])
        hog = [f"رئيس وزراء {ar}", f"رئيس حكومة {ar}"] + [f"{z}{premier}" for z in chinese]
        fm = [f"وزير خارجية {ar}"] + [f"{z}{w}" for z in chinese for w in ("外长", "外交部长")]
        if c.iso2 == "GB":
            fm.append("英国外交大臣")
        if c.iso2 == "US":
            fm += ["美国国务卿", "国务卿"]
        for adjective in ARABIC_ADJECTIVES.get(c.iso2, []):
            feminine = arabic_feminine(adjective)  # a woman in the office
            hos += [f"الرئيس {adjective}", f"الرئيسة {feminine}"]
            hog += [f"رئيس الوزراء {adjective}", f"رئيس الحكومة {adjective}",
                    f"رئيسة الوزراء {feminine}", f"رئيسة الحكومة {feminine}"]
            fm += [f"وزير الخارجية {adjective}", f"وزيرة الخارجية {feminine}"]
        hos += ARABIC_MONARCHS.get(c.iso2, []) + CHINESE_MONARCHS.get(c.iso2, [])
        if c.iso2 == "IR":  # the president heads the government; the leader is head of state
            hog, hos = hog + hos, ["المرشد الأعلى الإيراني", "المرشد الإيراني",
                                   "伊朗最高领袖"]
        entry("head-of-state", c.iso2, en["head-of-state"] + hos)
        entry("head-of-government", c.iso2, en["head-of-government"] + hog)
        entry("foreign-minister", c.iso2, en["foreign-minister"] + fm)
        if c.iso2 in DEFENCE_COVERED:  # their holders are known to this day
            defence = DEFENCE_PHRASES.get(c.iso2, [])
            for n in names:
                defence += [f"{n}'s defence minister", f"{n}'s defense minister",
                            f"Defence Minister of {n}", f"Minister of Defence of {n}"]
            for a in adjectives:
                defence += [f"{a} defence minister", f"{a} defense minister"]
            defence += defence_phrases(c.iso2, zh, ar)
            entry("defence-minister", c.iso2, defence)
    for (office, code), phrases in ORGANISATION_OFFICES.items():
        entry(office, code, phrases)
    for code, phrases in PARTY_LEADERS.items():
        entry("party-leader", code, phrases)
    (folder / "offices-generated.yaml").write_text("\n".join(out) + "\n", "utf-8")


if __name__ == "__main__":
    # people_from_wikidata [CORPUS_DIR [OUT_DIR]]: OUT_DIR (default: the package's data folder)
    generate(Path(sys.argv[1]) if len(sys.argv) > 1 else ROOT.parent / "shared" / "corpus",
             Path(sys.argv[2]) if len(sys.argv) > 2 else DATA)
