"""Knowledge the user adds: YAML files in a folder beside the rules, checked line by line.

Each file is a mapping with any of these sections (all optional):

    people:         [{id, name, aliases, ambiguous_aliases, case_aliases, roles: [{office,
                      title, country, from, to}]}]
    organisations:  [{code, name, names: {LANG: [...]}, adjectives: {...}, capital: {...},
                      case_aliases: [...], proper_aliases: [...]}]
    countries:      the same as organisations
    offices:        [{office, country, phrases: [...]}]
    events:         [{id, title, triggers: {LANG: [...]}}]
    leaders:        [{code, leader: head-of-state | head-of-government, from}]
    conflicts:      [{id, name, parties: [codes], theatre: [codes], others: [names], from, to,
                      sides: [[codes], [codes]], mediators: [{who: [codes], from, to}]}]

An entry whose id (or code) the shipped data already has extends it: its aliases, names,
phrases and triggers are added, its roles replace the shipped roles of the same office and
country that they overlap, and a name or title given replaces the shipped one. A leader (by
code) or a conflict (by id) replaces the shipped entry.

`case_aliases` are short forms matched only as written, capitals included, because their
lower-case form is a common word ("US", not the pronoun "us"); not in a sentence written all
in capitals, nor inside a longer code ("CAR-T", "PORT-AU-PRINCE"). Each needs a capital
letter. `proper_aliases` (organisations and countries) are names that are also a common word
capitalised at a sentence's start (Ukrainian "Малі" is Mali and "small"): matched as written,
only inside a sentence that is not written in Title Case.
"""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any

from alerts.errors import Problem
from alerts.yamlsource import LinedDict, LinedList, load_documents

SECTIONS = ("people", "organisations", "countries", "offices", "events", "leaders",
            "conflicts")
PERSON_KEYS = ("id", "name", "aliases", "ambiguous_aliases", "case_aliases", "roles")
ROLE_KEYS = ("office", "title", "country", "from", "to")
PLACE_KEYS = ("code", "name", "names", "adjectives", "capital", "case_aliases",
              "proper_aliases")
OFFICE_KEYS = ("office", "country", "phrases")
EVENT_KEYS = ("id", "title", "triggers")
LEADER_KEYS = ("code", "leader", "from")
LEADING = ("head-of-state", "head-of-government")
CONFLICT_KEYS = ("id", "name", "parties", "theatre", "others", "from", "to", "sides",
                 "mediators")
MEDIATOR_KEYS = ("who", "from", "to")
OFFICES = ("head-of-state", "head-of-government", "foreign-minister", "secretary-general",
           "crown-prince", "party-leader", "other")
_EXAMPLES = {"people": "- {id: jane-doe, name: Jane Doe}",
             "events": "- {id: summit, triggers: {en: [summit]}}",
             "organisations": "- {code: BRICS, name: BRICS}",
             "countries": "- {code: BRICS, name: BRICS}",
             "offices": "- {office: other, country: XX, phrases: [...]}",
             "leaders": "- {code: JP, leader: head-of-government}",
             "conflicts": "- {id: x-y, name: the X-Y war, parties: [XX, YY], theatre: [YY], "
                          "from: \"2024-01-31\", to: null}"}
_ID = re.compile(r"^[a-z0-9][a-z0-9._-]{0,79}$")
_CODE = re.compile(r"^[A-Z][A-Z0-9-]{1,39}$")


@dataclass
class UserKnowledge:
    """What a folder adds, and what is wrong with it (file:line problems)."""

    folder: Path | None = None
    people: list[dict] = field(default_factory=list)
    countries: list[dict] = field(default_factory=list)
    offices: list[dict] = field(default_factory=list)
    events: list[dict] = field(default_factory=list)
    leaders: list[dict] = field(default_factory=list)
    conflicts: list[dict] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)
    # (kind, id) -> file and line of the entry that defined it
    where: dict[tuple[str, str], tuple[str, int]] = field(default_factory=dict)
    stamp: str = ""


def knowledge_files(folder: Path) -> list[Path]:
    return sorted(p for p in folder.rglob("*") if p.suffix in (".yaml", ".yml") and p.is_file()
                  and not any(part.startswith(".") for part in p.relative_to(folder).parts))


def folder_stamp(folder: Path | None) -> str:
    """The identity of a folder's knowledge files by content (a changed file, a new file)."""
    if folder is None or not folder.is_dir():
        return ""
    digest = hashlib.blake2b(digest_size=16)
    for path in knowledge_files(folder):
        digest.update(str(path).encode())
        try:
            digest.update(path.read_bytes())
        except OSError:
            digest.update(b"?")
    return digest.hexdigest()


def read_folder(folder: Path | None) -> UserKnowledge:
    found = UserKnowledge(folder, stamp=folder_stamp(folder))
    if folder is None:
        return found
    if not folder.is_dir():
        found.problems.append(Problem(str(folder), None, "the knowledge folder does not exist; "
                                      "create it or fix the 'knowledge' setting"))
        return found
    for path in knowledge_files(folder):
        _read_file(path, found)
    return found


class _File:
    def __init__(self, path: Path, found: UserKnowledge):
        self.name = str(path)
        self.found = found

    def problem(self, line: int | None, message: str) -> None:
        self.found.problems.append(Problem(self.name, line, message))


def _line(container: Any, key: Any, default: int | None) -> int | None:
    if isinstance(container, (LinedDict, LinedList)):
        return container.line_of(key)
    return default


def _read_file(path: Path, found: UserKnowledge) -> None:
    docs, problems = load_documents(path)
    found.problems.extend(problems)
    f = _File(path, found)
    for doc in docs:
        data = doc.data
        if data is None:
            continue
        if not isinstance(data, dict):
            f.problem(doc.line, "a knowledge file is a mapping with sections "
                                f"{', '.join(SECTIONS)}; see the example in README.md")
            continue
        for key, entries in data.items():
            line = _line(data, key, doc.line)
            if key not in SECTIONS:
                f.problem(line, f"unknown section {key!r}; allowed: {', '.join(SECTIONS)}")
                continue
            if not isinstance(entries, list):
                f.problem(line, f"'{key}' takes a list of entries, each starting with '- '")
                continue
            for i, entry in enumerate(entries):
                entry_line = _line(entries, i, line)
                if not isinstance(entry, dict):
                    f.problem(entry_line, f"each entry of '{key}' is a mapping, e.g. "
                                          + _EXAMPLES[key])
                    continue
                reader = {"people": _person, "organisations": _place, "countries": _place,
                          "offices": _office, "events": _event, "leaders": _leader,
                          "conflicts": _conflict}[key]
                reader(entry, entry_line, f)


def _keys(entry: dict, allowed: tuple[str, ...], line: int | None, f: _File, what: str) -> None:
    for key in entry:
        if key not in allowed:
            f.problem(_line(entry, key, line), f"unknown key {key!r} in {what}; allowed: "
                                               f"{', '.join(allowed)}")


def _text(value: Any) -> bool:
    return isinstance(value, str) and bool(value.strip())


def _texts(entry: dict, key: str, line: int | None, f: _File, example: str) -> list[str]:
    value = entry.get(key, [])
    if isinstance(value, str):
        value = [value]
    if not isinstance(value, list) or not all(_text(v) for v in value):
        f.problem(_line(entry, key, line), f"'{key}' is a list of quoted names, e.g. "
                                           f"{key}: {example}")
        return []
    return [str(v) for v in value]


def case_alias_problem(alias: str) -> str | None:
    """Why `alias` cannot be a case alias (matched as written, capitals included), or None."""
    if not re.search(r"[^\W\d_]", alias):
        return f"{alias!r} has no letters; a case alias is a name as it is printed, e.g. \"US\""
    if alias == alias.lower():
        return (f"{alias!r} has no capital letter, so case does not set it apart; put it "
                "under 'aliases' (or write it as it is printed, e.g. \"US\")")
    return None


def _case_aliases(entry: dict, line: int | None, f: _File,
                  key: str = "case_aliases") -> list[str]:
    """Aliases matched as written: each needs a capital (else it is a plain alias)."""
    kept = []
    for alias in _texts(entry, key, line, f, '["US"]' if key == "case_aliases" else '["Малі"]'):
        problem = case_alias_problem(alias)
        if problem:
            f.problem(_line(entry, key, line), f"{key}: {problem}")
        else:
            kept.append(alias)
    return kept


def _by_language(entry: dict, key: str, line: int | None, f: _File) -> dict[str, list[str]]:
    value = entry.get(key)
    if value is None:
        return {}
    if isinstance(value, list):
        value = {"en": value}
    if not isinstance(value, dict):
        f.problem(_line(entry, key, line), f"'{key}' maps languages to lists, e.g. "
                                           f"{key}: {{en: [...], fr: [...]}}")
        return {}
    out: dict[str, list[str]] = {}
    for lang, phrases in value.items():
        if isinstance(phrases, str):
            phrases = [phrases]
        if not isinstance(lang, str) or not isinstance(phrases, list) or not all(
                _text(p) for p in phrases):
            f.problem(_line(value, lang, line), f"'{key}.{lang}' must be a list of quoted "
                                                "phrases")
            continue
        out[lang] = [str(p) for p in phrases]
    return out


def _date(value: Any, line: int | None, f: _File, where: str) -> tuple[bool, str | None]:
    if value in (None, ""):
        return True, None
    if isinstance(value, date):
        return True, value.isoformat()
    try:
        return True, date.fromisoformat(str(value)).isoformat()
    except ValueError:
        f.problem(line, f"{where} {value!r} is not a date; write \"YYYY-MM-DD\", e.g. "
                        "\"2024-09-05\", or null for still in office")
        return False, None


def _remember(f: _File, kind: str, key: str, line: int | None) -> bool:
    """False (and a problem) when this id was already given in the user's files."""
    seen = f.found.where.get((kind, key))
    if seen is not None:
        f.problem(line, f"{kind} {key!r} is already defined at {seen[0]}:{seen[1]}; merge the "
                        "two entries or give this one another id")
        return False
    f.found.where[(kind, key)] = (f.name, line or 0)
    return True


def _person(entry: dict, line: int | None, f: _File) -> None:
    _keys(entry, PERSON_KEYS, line, f, "a person")
    person_id = entry.get("id")
    if not isinstance(person_id, str) or not _ID.match(person_id):
        f.problem(_line(entry, "id", line), "every person needs an 'id' of lowercase letters, "
                                            "digits and '-', e.g. id: jane-doe")
        return
    spec: dict[str, Any] = {"id": person_id}
    if "name" in entry:
        if not _text(entry["name"]):
            f.problem(_line(entry, "name", line), "'name' must be text, e.g. name: Jane Doe")
        else:
            spec["name"] = str(entry["name"])
    spec["aliases"] = _texts(entry, "aliases", line, f, '["Jane Doe", "J. Doe"]')
    spec["ambiguous_aliases"] = _texts(entry, "ambiguous_aliases", line, f, '["Doe"]')
    spec["case_aliases"] = _case_aliases(entry, line, f)
    roles = entry.get("roles", [])
    if not isinstance(roles, list):
        f.problem(_line(entry, "roles", line), "'roles' is a list of {office, title, country, "
                                               "from, to}")
        roles = []
    spec["roles"] = []
    for i, role in enumerate(roles):
        role_line = _line(roles, i, line)
        if not isinstance(role, dict):
            f.problem(role_line, "each role is a mapping: {office: foreign-minister, title: "
                                 "..., country: XX, from: \"YYYY-MM-DD\", to: null}")
            continue
        _keys(role, ROLE_KEYS, role_line, f, "a role")
        office = role.get("office", "other")
        if office not in OFFICES:
            f.problem(_line(role, "office", role_line), f"office {office!r} is not one of "
                                                        f"{', '.join(OFFICES)}")
            continue
        country = role.get("country")
        if not isinstance(country, str) or not _CODE.match(country):
            f.problem(_line(role, "country", role_line),
                      "each role needs a 'country': an ISO code such as \"FR\" or an "
                      "organisation code such as \"NATO\" (quote it)")
            continue
        ok_from, start = _date(role.get("from"), _line(role, "from", role_line), f, "'from'")
        ok_to, end = _date(role.get("to"), _line(role, "to", role_line), f, "'to'")
        if not (ok_from and ok_to):
            continue
        if start and end and end < start:
            f.problem(_line(role, "to", role_line), f"the role ends ({end}) before it starts "
                                                    f"({start}); swap or fix the dates")
            continue
        spec["roles"].append({"office": office, "title": str(role.get("title") or ""),
                              "country": country, "from": start, "to": end})
    if _remember(f, "person", person_id, line):
        spec["_where"] = (f.name, line)
        f.found.people.append(spec)


def _place(entry: dict, line: int | None, f: _File) -> None:
    _keys(entry, PLACE_KEYS, line, f, "an organisation or country")
    code = entry.get("code")
    if not isinstance(code, str) or not _CODE.match(code):
        f.problem(_line(entry, "code", line), "every organisation needs a 'code' of capital "
                                              "letters, digits and '-', e.g. code: BRICS")
        return
    spec: dict[str, Any] = {"code": code}
    if "name" in entry:
        if not _text(entry["name"]):
            f.problem(_line(entry, "name", line), "'name' must be text")
        else:
            spec["name"] = str(entry["name"])
    for group in ("names", "adjectives", "capital"):
        spec[group] = _by_language(entry, group, line, f)
    spec["case_aliases"] = _case_aliases(entry, line, f)
    spec["proper_aliases"] = _case_aliases(entry, line, f, "proper_aliases")
    if _remember(f, "organisation", code, line):
        f.found.countries.append(spec)


def _office(entry: dict, line: int | None, f: _File) -> None:
    _keys(entry, OFFICE_KEYS, line, f, "an office")
    office = entry.get("office")
    country = entry.get("country")
    if office not in OFFICES:
        f.problem(_line(entry, "office", line), f"office {office!r} is not one of "
                                                f"{', '.join(OFFICES)}")
        return
    if not isinstance(country, str) or not _CODE.match(country):
        f.problem(_line(entry, "country", line), "an office needs a 'country' code, e.g. "
                                                 "country: \"FR\"")
        return
    phrases = _texts(entry, "phrases", line, f, '["French president"]')
    if phrases:
        f.found.offices.append({"office": office, "country": country, "phrases": phrases})


def _event(entry: dict, line: int | None, f: _File) -> None:
    _keys(entry, EVENT_KEYS, line, f, "an event type")
    event_id = entry.get("id")
    if not isinstance(event_id, str) or not _ID.match(event_id):
        f.problem(_line(entry, "id", line), "every event type needs an 'id', e.g. id: summit")
        return
    spec: dict[str, Any] = {"id": event_id, "triggers": _by_language(entry, "triggers", line, f)}
    if "title" in entry:
        spec["title"] = str(entry["title"])
    if _remember(f, "event type", event_id, line):
        f.found.events.append(spec)


def _leader(entry: dict, line: int | None, f: _File) -> None:
    _keys(entry, LEADER_KEYS, line, f, "a state's leader")
    code = entry.get("code")
    if not isinstance(code, str) or not _CODE.match(code):
        f.problem(_line(entry, "code", line), "a leader entry needs the state's 'code', e.g. "
                                              "code: \"JP\"")
        return
    leader = entry.get("leader")
    if leader not in LEADING:
        f.problem(_line(entry, "leader", line), f"'leader' is {' or '.join(LEADING)} (the "
                                                "office that leads the state's government), "
                                                f"not {leader!r}")
        return
    ok, start = _date(entry.get("from"), _line(entry, "from", line), f, "'from'")
    if ok and _remember(f, "leader of", code, line):
        f.found.leaders.append({"code": code, "leader": leader, "from": start})


def _conflict(entry: dict, line: int | None, f: _File) -> None:
    _keys(entry, CONFLICT_KEYS, line, f, "a conflict")
    conflict_id = entry.get("id")
    if not isinstance(conflict_id, str) or not _ID.match(conflict_id):
        f.problem(_line(entry, "id", line), "every conflict needs an 'id' of lowercase "
                                            "letters, digits and '-', e.g. id: x-y-war")
        return
    codes: dict[str, list[str]] = {}
    for key in ("parties", "theatre"):
        value = entry.get(key)
        if isinstance(value, str):
            value = [value]
        if not isinstance(value, list) or not value or not all(
                isinstance(c, str) and _CODE.match(c) for c in value):
            f.problem(_line(entry, key, line), f"'{key}' is a list of state codes, e.g. "
                                               f"{key}: [\"UA\"] (quote each code)")
            return
        codes[key] = value
    others = _texts(entry, "others", line, f, '["Hamas"]')
    ok_from, start = _date(entry.get("from"), _line(entry, "from", line), f, "'from'")
    ok_to, end = _date(entry.get("to"), _line(entry, "to", line), f, "'to'")
    if not (ok_from and ok_to):
        return
    if start is None:
        f.problem(_line(entry, "from", line) or line, "a conflict needs 'from', the date the "
                                                      "fighting began, e.g. from: \"2022-02-24\"")
        return
    if end and end < start:
        f.problem(_line(entry, "to", line), f"the conflict ends ({end}) before it starts "
                                            f"({start}); swap or fix the dates")
        return
    talks = _talks(entry, line, f)
    if talks is None:
        return
    if _remember(f, "conflict", conflict_id, line):
        f.found.conflicts.append({"id": conflict_id, "name": str(entry.get("name") or
                                                                 conflict_id),
                                  **codes, "others": others, "from": start, "to": end, **talks})


def _codes(value: Any) -> list[str] | None:
    if isinstance(value, str):
        value = [value]
    if isinstance(value, list) and value and all(isinstance(c, str) and _CODE.match(c)
                                                 for c in value):
        return value
    return None


def _talks(entry: dict, line: int | None, f: _File) -> dict | None:
    """A conflict's optional `sides` (two lists of codes) and `mediators` ({who, from, to}:
    who mediated talks between the sides, and when); None after a problem."""
    out: dict[str, Any] = {}
    sides = entry.get("sides")
    if sides is not None:
        lists = [_codes(side) for side in sides] if isinstance(sides, list) else []
        if len(lists) != 2 or any(c is None for c in lists):
            f.problem(_line(entry, "sides", line), "'sides' is two lists of state codes, the "
                                                   "two sides of the war, e.g. sides: "
                                                   "[[\"CD\"], [\"RW\"]]")
            return None
        out["sides"] = lists
    mediators = []
    for m in entry.get("mediators") or []:
        where = _line(entry, "mediators", line)
        if not isinstance(m, dict) or _codes(m.get("who")) is None:
            f.problem(where, "each of 'mediators' is {who: [codes], from: date, to: date or "
                             "null}, e.g. - {who: [\"QA\"], from: \"2025-01-27\", to: null}")
            return None
        _keys(m, MEDIATOR_KEYS, where, f, "a mediator")
        ok_from, start = _date(m.get("from"), where, f, "a mediator's 'from'")
        ok_to, end = _date(m.get("to"), where, f, "a mediator's 'to'")
        if not (ok_from and ok_to):
            return None
        mediators.append({"who": _codes(m.get("who")), "from": start, "to": end})
    if mediators:
        out["mediators"] = mediators
    return out
