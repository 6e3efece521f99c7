"""Condition kinds, keyed by the word a rule author types (terms, all, any, not).

Each kind parses its YAML value (reporting problems with lines) and evaluates itself against
an item, returning the evidence that made it true. New kinds register in CONDITION_KINDS.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from alerts.errors import Problem
from alerts.models import Item
from alerts.rules.text import compile_terms, fold, term_problem
from alerts.yamlsource import LinedDict, LinedList

FIELDS = ("title", "summary", "content", "link", "feed", "tags", "language")
DEFAULT_FIELDS = ("title", "summary")


@dataclass(frozen=True)
class Evidence:
    """One reason a condition held: what was found and where."""

    found: str
    where: str

    def __str__(self) -> str:
        return f"'{self.found}' ({self.where})"


class MatchContext:
    """An item's fields, folded once and shared by every condition evaluated on it."""

    def __init__(self, item: Item):
        self.item = item
        self._folded: dict[str, tuple[str, str]] = {}

    def field(self, name: str) -> tuple[str, str]:
        """(original text, folded text) of a field."""
        cached = self._folded.get(name)
        if cached is None:
            item = self.item
            original = {
                "title": item.title,
                "summary": item.summary,
                "content": item.summary,
                "link": item.link or "",
                "feed": item.feed_name,
                "tags": " ".join(item.feed_tags),
                "language": item.language or "",
            }[name]
            cached = (original, fold(original))
            self._folded[name] = cached
        return cached


class Condition:
    def evaluate(self, ctx: MatchContext) -> list[Evidence] | None:
        """Evidence when the condition holds (possibly empty), None when it does not."""
        raise NotImplementedError


@dataclass
class ParseContext:
    file: str
    problems: list[Problem] = field(default_factory=list)

    def problem(self, line: int | None, message: str) -> None:
        self.problems.append(Problem(self.file, line, message))


@dataclass
class TermsCondition(Condition):
    terms: tuple[str, ...]
    fields: tuple[str, ...]
    pattern: re.Pattern[str]

    def evaluate(self, ctx: MatchContext) -> list[Evidence] | None:
        for name in self.fields:
            original, folded = ctx.field(name)
            m = self.pattern.search(folded)
            if m:
                # NFKD folding can change lengths; quote the original only when it lines up.
                found = original[m.start():m.end()] if len(original) == len(folded) else m.group()
                return [Evidence(found, name)]
        return None


@dataclass
class AllCondition(Condition):
    children: tuple[Condition, ...]

    def evaluate(self, ctx: MatchContext) -> list[Evidence] | None:
        evidence: list[Evidence] = []
        for child in self.children:
            found = child.evaluate(ctx)
            if found is None:
                return None
            evidence.extend(found)
        return evidence


@dataclass
class AnyCondition(Condition):
    children: tuple[Condition, ...]

    def evaluate(self, ctx: MatchContext) -> list[Evidence] | None:
        for child in self.children:
            found = child.evaluate(ctx)
            if found is not None:
                return found
        return None


@dataclass
class NotCondition(Condition):
    child: Condition

    def evaluate(self, ctx: MatchContext) -> list[Evidence] | None:
        return [] if self.child.evaluate(ctx) is None else None


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


def _parse_terms(spec: LinedDict, where: str, pc: ParseContext) -> Condition | None:
    _check_keys(spec, {"terms", "in"}, where, pc)
    terms = spec["terms"]
    if isinstance(terms, str):
        terms = LinedList([terms])
        terms.line, terms.item_lines = _line(spec, "terms") or 0, [_line(spec, "terms") or 0]
    if not isinstance(terms, list) or not terms:
        pc.problem(_line(spec, "terms"), f"at '{where}.terms': give a list of words or phrases, "
                                         "e.g. [ceasefire, truce]")
        return None
    good: list[str] = []
    for i, term in enumerate(terms):
        line = terms.line_of(i) if isinstance(terms, LinedList) else _line(spec, "terms")
        if isinstance(term, bool) or not isinstance(term, (str, int, float)):
            pc.problem(line, f"at '{where}.terms[{i}]': a term must be a word or phrase, not "
                             f"{type(term).__name__}; quote it")
            continue
        term = str(term)
        problem = term_problem(term)
        if problem:
            pc.problem(line, f"at '{where}.terms[{i}]': {problem}")
        else:
            good.append(term)
    fields = _parse_fields(spec, where, pc)
    if not good:
        return None
    return TermsCondition(tuple(good), fields, compile_terms(good))


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
    return children


def _parse_all(spec: LinedDict, where: str, pc: ParseContext) -> Condition | None:
    children = _parse_list("all", spec, where, pc)
    return AllCondition(tuple(children)) if children else None


def _parse_any(spec: LinedDict, where: str, pc: ParseContext) -> Condition | None:
    children = _parse_list("any", spec, where, pc)
    return AnyCondition(tuple(children)) if children else None


def _parse_not(spec: LinedDict, where: str, pc: ParseContext) -> Condition | None:
    _check_keys(spec, {"not"}, where, pc)
    child = parse_condition(spec["not"], f"{where}.not", pc, _line(spec, "not"))
    return NotCondition(child) if child is not None else None


CONDITION_KINDS: dict[str, Callable[[LinedDict, str, ParseContext], Condition | None]] = {
    "terms": _parse_terms,
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
    return CONDITION_KINDS[kinds[0]](spec, where, pc)
