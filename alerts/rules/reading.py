"""How each condition kind is read from a rule's YAML, keyed by the word a rule author types.

Each reader checks its YAML value, reports every problem with its file and line, and builds
the condition from alerts.rules.conditions (what a condition does with an item lives there).
New kinds register in CONDITION_KINDS, and get their JSON Schema, description and example in
alerts.rules.grammar (alerts.rules.schema refuses to build the rule files' schema without).
"""

from __future__ import annotations

import contextlib
import os
import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from datetime import timedelta
from typing import Any, cast

from alerts.errors import Problem
from alerts.rules.conditions import (
    AllCondition,
    AnyCondition,
    Condition,
    ContactCondition,
    CountCondition,
    EntitiesCondition,
    EntityCountCondition,
    EventCondition,
    EventsCondition,
    GapCondition,
    NearCondition,
    NotCondition,
    RegexCondition,
    TermsCondition,
)
from alerts.rules.context import DEFAULT_FIELDS, FIELDS
from alerts.rules.grammar import HISTORY_NAME_PATTERN, ROLES
from alerts.rules.text import TermSet, term_problem
from alerts.yamlsource import LinedDict, LinedList

ENTITY_KEYS = ("people", "countries", "entities", "rule", "feed")


@dataclass
class ParseContext:
    file: str
    rule_id: str = ""
    lists: dict[str, tuple[str, ...]] = field(default_factory=dict)
    knowledge: Callable[[], Any] | None = None
    problems: list[Problem] = field(default_factory=list)
    imports: list[Any] = field(default_factory=list)  # files whose lists this file uses

    def problem(self, line: int | None, message: str) -> None:
        self.problems.append(Problem(self.file, line, message))


@contextlib.contextmanager
def _quiet_stderr() -> Iterator[None]:
    """RE2 prints its parse errors on file descriptor 2; the rule loader reports them itself."""
    try:
        saved = os.dup(2)
    except OSError:
        yield
        return
    try:
        with open(os.devnull, "w") as devnull:
            os.dup2(devnull.fileno(), 2)
            yield
    finally:
        os.dup2(saved, 2)
        os.close(saved)


def _line(container: Any, key: Any) -> int | None:
    if isinstance(container, (LinedDict, LinedList)):
        return container.line_of(key)
    return getattr(container, "line", None)


def _parse_fields(spec: LinedDict, where: str, pc: ParseContext) -> tuple[str, ...]:
    value = spec.get("in", list(DEFAULT_FIELDS))
    if isinstance(value, str):
        value = [value]
    if not isinstance(value, list) or not value:
        pc.problem(_line(spec, "in"), f"at '{where}.in': give a list of fields, e.g. "
                                      "[title, summary]")
        return DEFAULT_FIELDS
    fields: list[str] = []
    for i, name in enumerate(value):
        if name not in FIELDS:
            pc.problem(_line(value, i) if isinstance(value, LinedList) else _line(spec, "in"),
                       f"at '{where}.in[{i}]': unknown field {name!r}; use one of "
                       f"{', '.join(FIELDS)}")
        else:
            fields.append(name)
    return tuple(fields) or DEFAULT_FIELDS


def term_list(value: Any, where: str, line: int | None, pc: ParseContext) -> list[str]:
    """Terms with @list references expanded; every bad term is a problem."""
    if isinstance(value, (str, int, float)) and not isinstance(value, bool):
        value = LinedList([value])
        value.line, value.item_lines = line or 0, [line or 0]
    if not isinstance(value, list) or not value:
        pc.problem(line, f"at '{where}': give a list of words or phrases, e.g. "
                         "[ceasefire, truce]")
        return []
    good: list[str] = []
    for i, term in enumerate(value):
        term_line = value.line_of(i) if isinstance(value, LinedList) else line
        if isinstance(term, bool) or not isinstance(term, (str, int, float)):
            pc.problem(term_line, f"at '{where}[{i}]': a term must be a word or phrase, not "
                                  f"{type(term).__name__}; quote it")
            continue
        term = str(term)
        if term.startswith("@"):
            listed = pc.lists.get(term[1:])
            if listed is None:
                known = ", ".join("@" + n for n in sorted(pc.lists)) or "none defined"
                pc.problem(term_line, f"at '{where}[{i}]': unknown term list {term!r}; known: "
                                      f"{known} (define it under 'lists:' or import its file)")
            else:
                good.extend(listed)
            continue
        problem = term_problem(term)
        if problem:
            pc.problem(term_line, f"at '{where}[{i}]': {problem}")
        else:
            good.append(term)
    return good


def _parse_terms(spec: LinedDict, where: str, pc: ParseContext) -> Condition | None:
    _check_keys(spec, {"terms", "in"}, where, pc)
    good = term_list(spec["terms"], f"{where}.terms", _line(spec, "terms"), pc)
    fields = _parse_fields(spec, where, pc)
    if not good:
        return None
    return TermsCondition(tuple(good), fields, TermSet(good))


def _parse_regex(spec: LinedDict, where: str, pc: ParseContext) -> Condition | None:
    import re2

    _check_keys(spec, {"regex", "in"}, where, pc)
    source = spec["regex"]
    fields = _parse_fields(spec, where, pc)
    if not isinstance(source, str) or not source:
        pc.problem(_line(spec, "regex"), f"at '{where}.regex': give a pattern in quotes")
        return None
    try:
        with _quiet_stderr():
            compiled = re2.compile("(?i)" + source)
    except re2.error as exc:
        reason = exc.args[0].decode() if exc.args and isinstance(exc.args[0], bytes) else exc
        pc.problem(_line(spec, "regex"),
                   f"at '{where}.regex': {source!r} cannot be used ({reason}); patterns run on "
                   "a linear-time engine (RE2) that has no backreferences or lookarounds: "
                   "rewrite it, or use terms")
        return None
    return RegexCondition(source, fields, compiled)


def _parse_near(spec: LinedDict, where: str, pc: ParseContext) -> Condition | None:
    _check_keys(spec, {"near", "within", "in"}, where, pc)
    groups = spec["near"]
    if not isinstance(groups, list) or len(groups) != 2:
        pc.problem(_line(spec, "near"), f"at '{where}.near': give two lists of terms, e.g. "
                                        "near: [[Macron], [Putin]]")
        return None
    within_raw = spec.get("within", 10)
    within: int | None
    if within_raw == "sentence":
        within = None
    elif isinstance(within_raw, int) and not isinstance(within_raw, bool) and within_raw > 0:
        within = within_raw
    else:
        pc.problem(_line(spec, "within"), f"at '{where}.within': a number of words (e.g. 10) "
                                          f"or 'sentence', not {within_raw!r}")
        return None
    fields = _parse_fields(spec, where, pc)
    parsed = []
    for i, group in enumerate(groups):
        terms = term_list(group, f"{where}.near[{i}]", _line(groups, i), pc)
        if terms:
            parsed.append(TermsCondition(tuple(terms), fields, TermSet(terms)))
    if len(parsed) != 2:
        return None
    return NearCondition((parsed[0], parsed[1]), within, fields)


def _knowledge(pc: ParseContext) -> Any:
    if pc.knowledge is None:
        from alerts.knowledge import knowledge_base

        pc.knowledge = knowledge_base
    return pc.knowledge()


def _parse_entities(spec: LinedDict, where: str, pc: ParseContext) -> Condition | None:
    _check_keys(spec, {"entities"}, where, pc)
    value = spec["entities"]
    mode = "all"
    line = _line(spec, "entities")
    if isinstance(value, dict):
        if set(value) not in ({"any"}, {"all"}):
            pc.problem(line, f"at '{where}.entities': a list (all of them), or any: [...] / "
                             "all: [...]")
            return None
        mode = next(iter(value))
        line = _line(value, mode)
        value = value[mode]
    if isinstance(value, str):
        value = [value]
    if not isinstance(value, list) or not value:
        pc.problem(line, f"at '{where}.entities': give a list of people, countries or "
                         "organisations, e.g. [Macron, Putin]")
        return None
    kb = _knowledge(pc)
    ids: list[str] = []
    for i, name in enumerate(value):
        entity = kb.resolve(str(name))
        if entity is None:
            hint = kb.suggest(str(name))
            pc.problem(_line(value, i) if isinstance(value, LinedList) else line,
                       f"at '{where}.entities[{i}]': unknown entity {name!r}"
                       + (f"; did you mean {', '.join(map(repr, hint))}?" if hint else
                          "; add it to the knowledge base or check the spelling"))
        else:
            ids.append(entity.id)
    return EntitiesCondition(tuple(ids), mode) if ids and len(ids) == len(value) else None


def _count_of(kind: str) -> Callable[[LinedDict, str, ParseContext], Condition | None]:
    def parse(spec: LinedDict, where: str, pc: ParseContext) -> Condition | None:
        key = "people" if kind == "person" else "countries"
        _check_keys(spec, {key}, where, pc)
        value = spec[key]
        if isinstance(value, dict) and set(value) == {"at_least"}:
            value = value["at_least"]
        if isinstance(value, bool) or not isinstance(value, int) or value < 1:
            pc.problem(_line(spec, key), f"at '{where}.{key}': how many must be mentioned, "
                                         f"e.g. {key}: 2")
            return None
        return EntityCountCondition(kind, value)
    return parse


def _parse_events(spec: LinedDict, where: str, pc: ParseContext) -> Condition | None:
    _check_keys(spec, {"events"}, where, pc)
    value = spec["events"]
    if isinstance(value, str):
        value = [value]
    if not isinstance(value, list) or not value:
        pc.problem(_line(spec, "events"), f"at '{where}.events': give event types, e.g. "
                                          "[contact]")
        return None
    kb = _knowledge(pc)
    for i, name in enumerate(value):
        if name not in kb.events:
            pc.problem(_line(value, i) if isinstance(value, LinedList) else _line(spec, "events"),
                       f"at '{where}.events[{i}]': unknown event type {name!r}; known: "
                       f"{', '.join(sorted(kb.events))}")
            return None
    return EventsCondition(tuple(value))


def _state_options(spec: Any, where: str, pc: ParseContext, allowed: set[str],
                   line: int | None) -> dict[str, Any] | None:
    if not isinstance(spec, dict):
        pc.problem(line, f"at '{where}': give its settings as a mapping, e.g. "
                         "{days: 180, key: people}")
        return None
    for key in spec:
        if key not in allowed:
            pc.problem(_line(spec, key), f"at '{where}': {key!r} does not belong here; allowed: "
                                         f"{', '.join(sorted(allowed))}")
    key = spec.get("key", "people" if "days" in allowed else "rule")
    if key not in ENTITY_KEYS:
        pc.problem(_line(spec, "key"), f"at '{where}.key': {key!r} is not one of "
                                       f"{', '.join(ENTITY_KEYS)}")
        return None
    shared = spec.get("history")
    if shared is not None and not (isinstance(shared, str)
                                   and re.match(HISTORY_NAME_PATTERN, shared)):
        pc.problem(_line(spec, "history"), f"at '{where}.history': a name of lowercase letters, "
                                           "digits, '-', '_' or '.'")
        return None
    options = LinedDict({**spec, "key": key, "history": shared})
    options.line = getattr(spec, "line", line or 0)
    options.key_lines = getattr(spec, "key_lines", {})
    return options


def _positive_int(spec: dict[str, Any], name: str, where: str, pc: ParseContext,
                  default: int | None = None) -> int | None:
    value = spec.get(name, default)
    if isinstance(value, bool) or not isinstance(value, int) or value < 1:
        pc.problem(_line(spec, name), f"at '{where}.{name}': a whole number of at least 1")
        return None
    return value


def _parse_gap(spec: LinedDict, where: str, pc: ParseContext) -> Condition | None:
    _check_keys(spec, {"gap"}, where, pc)
    options = _state_options(spec["gap"], f"{where}.gap", pc,
                             {"days", "key", "history", "stated"}, _line(spec, "gap"))
    if options is None:
        return None
    days = _positive_int(options, "days", f"{where}.gap", pc)
    stated = options.get("stated", False)
    if not isinstance(stated, bool):
        pc.problem(_line(options, "stated"), f"at '{where}.gap.stated': true or false")
        return None
    return GapCondition(days, options["key"], options["history"], stated) if days else None


def _parse_count(spec: LinedDict, where: str, pc: ParseContext) -> Condition | None:
    from alerts.config import parse_duration

    _check_keys(spec, {"count"}, where, pc)
    options = _state_options(spec["count"], f"{where}.count", pc,
                             {"at_least", "feeds", "within", "key", "history"},
                             _line(spec, "count"))
    if options is None:
        return None
    at_least = _positive_int(options, "at_least", f"{where}.count", pc)
    feeds = _positive_int(options, "feeds", f"{where}.count", pc, default=1)
    within = parse_duration(options.get("within"))
    if within is None:
        pc.problem(_line(options, "within"), f"at '{where}.count.within': a duration such as "
                                             "6h or 2d")
    if not (at_least and feeds and within):
        return None
    return CountCondition(at_least, feeds, timedelta(seconds=within), options["key"],
                          options["history"])


def _parse_list(kind: str, spec: LinedDict, where: str, pc: ParseContext) -> list[Condition]:
    _check_keys(spec, {kind}, where, pc)
    value = spec[kind]
    if not isinstance(value, list) or not value:
        pc.problem(_line(spec, kind), f"at '{where}.{kind}': give a list of conditions")
        return []
    children = []
    for i, child in enumerate(value):
        parsed = parse_condition(child, f"{where}.{kind}[{i}]", pc, _line(value, i))
        if parsed is not None:
            children.append(parsed)
    return children if len(children) == len(value) else []


def _parse_all(spec: LinedDict, where: str, pc: ParseContext) -> Condition | None:
    children = _parse_list("all", spec, where, pc)
    return AllCondition(tuple(children)) if children else None


def _parse_any(spec: LinedDict, where: str, pc: ParseContext) -> Condition | None:
    children = _parse_list("any", spec, where, pc)
    return AnyCondition(tuple(children)) if children else None


def _parse_not(spec: LinedDict, where: str, pc: ParseContext) -> Condition | None:
    _check_keys(spec, {"not"}, where, pc)
    child = parse_condition(spec["not"], f"{where}.not", pc, _line(spec, "not"))
    if child is not None and child.stateful:
        pc.problem(_line(spec, "not"), f"at '{where}.not': gap and count cannot be negated; "
                                       "they record history whenever they are evaluated")
        return None
    return NotCondition(child) if child is not None else None


def _parse_contact(spec: LinedDict, where: str, pc: ParseContext) -> Condition | None:
    _check_keys(spec, {"contact"}, where, pc)
    if spec["contact"] is not True:
        pc.problem(_line(spec, "contact"), f"at '{where}.contact': write contact: true")
        return None
    # The knowledge base is read at the first item that needs it: nothing here names an
    # entity to check, and `alerts run` starts polling sooner.
    return ContactCondition()


def _parse_event(spec: LinedDict, where: str, pc: ParseContext) -> Condition | None:
    # The lexicon's names, without loading the analysis (alerts.rules.vocabulary).
    from alerts.rules.vocabulary import event_vocabulary

    _check_keys(spec, {"event"}, where, pc)
    value = spec["event"]
    here = f"{where}.event"
    if not isinstance(value, dict):
        pc.problem(_line(spec, "event"), f"at '{here}': give the event's parts as a mapping, "
                                         "e.g. {type: ceasefire, status: [agreed]}")
        return None
    allowed = {"type", "status", "modality", "position", "people", "roles", "flags",
               "not_flags"}
    _check_keys(cast(LinedDict, value), allowed, here, pc)  # a mapping from YAML is one
    lex = event_vocabulary()
    event_type = value.get("type")
    if event_type not in lex.types:
        pc.problem(_line(value, "type") or _line(spec, "event"),
                   f"at '{here}.type': unknown event type {event_type!r}; use one of "
                   f"{', '.join(lex.types)}")
        return None
    ok = True

    def names(key: str, known: tuple[str, ...]) -> tuple[str, ...]:
        nonlocal ok
        raw = value.get(key)
        if raw is None:
            return ()
        listed = [raw] if isinstance(raw, str) else raw
        if not isinstance(listed, list) or not listed:
            pc.problem(_line(value, key), f"at '{here}.{key}': a name or a list of names from "
                                          f"{', '.join(known)}")
            ok = False
            return ()
        for i, name in enumerate(listed):
            if name not in known:
                line = _line(listed, i) if isinstance(listed, LinedList) else _line(value, key)
                what = {"flags": "flag", "not_flags": "flag"}.get(key, key)
                pc.problem(line, f"at '{here}.{key}[{i}]': unknown {what} {name!r} "
                                 f"for {event_type}; use one of {', '.join(known)}")
                ok = False
        return tuple(listed)

    statuses = names("status", lex.statuses[event_type])
    modalities = names("modality", lex.modalities) or ("happened",)
    positions = names("position", lex.positions)
    flags = names("flags", lex.flags)
    not_flags = names("not_flags", lex.flags)
    people = value.get("people", 0)
    if isinstance(people, bool) or not isinstance(people, int) or people not in (0, 2):
        pc.problem(_line(value, "people"), f"at '{here}.people': write people: 2 (a pair of "
                                           "known people of different states)")
        ok = False
    roles: list[tuple[str, tuple[str, ...]]] = []
    raw_roles = value.get("roles")
    if raw_roles is not None:
        if not isinstance(raw_roles, dict):
            pc.problem(_line(value, "roles"), f"at '{here}.roles': a mapping of role to "
                                              "people or countries, e.g. {caller: Macron}")
            return None
        kb = _knowledge(pc)
        for role, who in raw_roles.items():
            if role not in ROLES:
                pc.problem(_line(raw_roles, role), f"at '{here}.roles': unknown role {role!r}; "
                                                   f"use one of {', '.join(ROLES)}")
                ok = False
                continue
            ids = []
            for name in [who] if isinstance(who, str) else list(who or []):
                entity = kb.resolve(str(name))
                if entity is None:
                    pc.problem(_line(raw_roles, role), f"at '{here}.roles.{role}': unknown "
                                                       f"entity {name!r}; check the spelling")
                    ok = False
                else:
                    ids.append(entity.id)
            roles.append((role, tuple(ids)))
    if not ok:
        return None
    return EventCondition(event_type, statuses, modalities, positions, people, tuple(roles),
                          flags, not_flags, lex.anchors.get(event_type, frozenset()),
                          status_keys=lex.status_keys(event_type, statuses))


CONDITION_KINDS: dict[str, Callable[[LinedDict, str, ParseContext], Condition | None]] = {
    "event": _parse_event,
    "contact": _parse_contact,
    "terms": _parse_terms,
    "regex": _parse_regex,
    "near": _parse_near,
    "entities": _parse_entities,
    "people": _count_of("person"),
    "countries": _count_of("country"),
    "events": _parse_events,
    "gap": _parse_gap,
    "count": _parse_count,
    "all": _parse_all,
    "any": _parse_any,
    "not": _parse_not,
}
def _check_keys(spec: LinedDict, allowed: set[str], where: str, pc: ParseContext) -> None:
    for key in spec:
        if key not in allowed:
            pc.problem(_line(spec, key), f"at '{where}': {key!r} does not belong here; allowed: "
                                         f"{', '.join(sorted(allowed))}")


def parse_condition(spec: Any, where: str, pc: ParseContext,
                    line: int | None = None) -> Condition | None:
    if not isinstance(spec, dict) or not spec:
        pc.problem(line, f"at '{where}': a condition is a mapping with one of "
                         f"{', '.join(CONDITION_KINDS)}, e.g. terms: [ceasefire]")
        return None
    kinds = [k for k in spec if k in CONDITION_KINDS]
    if len(kinds) != 1:
        found = ", ".join(map(str, spec)) or "nothing"
        advice = ("split it into an 'all' list" if len(kinds) > 1
                  else f"use one of {', '.join(CONDITION_KINDS)}")
        pc.problem(getattr(spec, "line", line),
                   f"at '{where}': expected exactly one condition kind, found {found}; {advice}")
        return None
    return CONDITION_KINDS[kinds[0]](cast(LinedDict, spec), where, pc)
