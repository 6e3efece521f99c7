"""Leaders named as a group by their states: "Chinese, Russian, Indian leaders", "the French
and Russian presidents", "les dirigeants chinois, russe et indien", "die chinesischen und
indischen Staatschefs", "лидеры Китая, России и Индии", "قادة الصين وروسيا والهند".

Each state of the group stands for the holder, on the item's day, of the office the plural
noun names ("presidents": the head of state; "leaders": the office that leads that state's
government, KnowledgeBase.leading_office). A group needs two states or more: "Russian
leaders" alone may be any officials. The states must form one list next to the noun (before
it in English and German, after it in French and Spanish as adjectives, after it as "of"
or a genitive in Russian, Ukrainian and Arabic), joined only by "and", "of" or an article.
Chinese abbreviations ("中俄印领导人") are not read: the token text has no word breaks.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from datetime import date
from typing import Any, Protocol

from alerts.knowledge.phrases import token_text


class _Mentioned(Protocol):
    """A mention of the knowledge base (base.Mention), as this module reads it."""

    @property
    def entity(self) -> Any: ...

    @property
    def alias(self) -> str: ...

    @property
    def start(self) -> int: ...


class _Offices(Protocol):
    """What this module asks the knowledge base (base.KnowledgeBase)."""

    def holder(self, office: str, country: str, day: date | None) -> Any: ...

    def leading_office(self, country: str, day: date | None) -> str: ...

    def president_office(self, country: str) -> str: ...

LEADING = ""  # the office that leads the state's government on the day

# The plural nouns that say "presidents" (not "heads of state"): each state's president,
# whichever office that is (KnowledgeBase.president_office).
_PRESIDENT_NOUNS = ("presidents", "präsidenten", "prasidenten", "presidentes", "президенты",
                    "президентов", "президентам", "президентами", "президенти", "президентів",
                    "رؤساء")

# Plural nouns for holders of one office in several states, folded as token text.
PLURAL_OFFICES: dict[str, str] = {token_text(phrase).strip(): office for office, phrases in {
    # "Staatschefs", "chefs d'État" name leaders loosely in news (Modi among them).
    LEADING: ["leaders", "dirigeants", "leaders", "chefs d'etat et de gouvernement",
              "chefs d'etat", "staats und regierungschefs", "staatschefs", "spitzenpolitiker",
              "lideres", "líderes", "mandatarios", "лидеры", "лидеров", "лидерам", "лидерами",
              "лидерах", "лідери", "лідерів", "лідерам", "лідерами", "قاده", "قادة", "زعماء",
              "領導人", "领导人"],
    "head-of-state": ["heads of state", "staatsoberhaupter", "staatsoberhäupter",
                      "jefes de estado", *_PRESIDENT_NOUNS],
    "head-of-government": ["prime ministers", "premiers ministres", "regierungschefs",
                           "primeros ministros", "премьер-министры", "премьер-министров",
                           "премьеры", "прем'єр-міністри", "прем’єр-міністри",
                           "прем'єр-міністрів", "прем’єр-міністрів", "رؤساء وزراء",
                           "رؤساء حكومات"],
    "foreign-minister": ["foreign ministers", "ministres des affaires etrangeres",
                         "chefs de la diplomatie", "aussenminister", "außenminister",
                         "cancilleres", "ministros de exteriores",
                         "ministros de asuntos exteriores", "министры иностранных дел",
                         "главы мид", "глав мид", "міністри закордонних справ",
                         "глави мзс", "وزراء خارجية", "وزراء الخارجية"],
}.items() for phrase in phrases}
_PRESIDENTS = frozenset(token_text(p).strip() for p in _PRESIDENT_NOUNS)
_NOUN = re.compile(r"(?<= )(?:" + "|".join(re.escape(k) for k in sorted(
    PLURAL_OFFICES, key=len, reverse=True)) + r")(?= )")
_FIRST_WORDS = frozenset(noun.split()[0] for noun in PLURAL_OFFICES)
# Words that may stand between the states of a list, or between the noun and its states.
JOINS = frozenset(token_text(w).strip() for w in (
    "and", "of", "the", "et", "de", "des", "du", "d", "les", "la", "le", "und", "der", "die",
    "y", "e", "de", "los", "las", "el", "и", "і", "й", "та", "و"))


def _words(tokens: str) -> list[tuple[int, int]]:
    """(start, end) of each word of a token text."""
    return [(m.start(), m.end()) for m in re.finditer(r"[^ ]+", tokens)]


def group_members(kb: _Offices, tokens: str, mentions: Sequence[_Mentioned],
                  day: date | None) -> list[tuple[Any, str, int, int]]:
    """The office holders a group of states with a plural office noun names in `tokens`
    (token text), given the mentions already found in it: (the person's entity, the words
    that name them, where, where the group's words begin), for the knowledge base to make
    mentions of (unless the words before the group name someone else: "advisers to")."""
    if _FIRST_WORDS.isdisjoint(tokens.split()):
        return []  # most texts: no plural office noun (a set lookup per word, no regex)
    nouns = list(_NOUN.finditer(tokens))
    if not nouns:
        return []

    words = _words(tokens)
    starts = {s: i for i, (s, _) in enumerate(words)}
    index_of: dict[int, int] = {}
    for i, (s, e) in enumerate(words):
        for k in range(s, e + 1):
            index_of.setdefault(k, i)
    # Each country mention as a run of words (first, last).
    runs: dict[int, tuple[int, _Mentioned]] = {}  # first word -> (last word, mention)
    ends: dict[int, tuple[int, _Mentioned]] = {}  # last word -> (first word, mention)
    for m in mentions:
        if m.entity.kind != "country":
            continue
        first = index_of.get(m.start + 1, index_of.get(m.start))
        if first is None:
            continue
        last = first + max(1, len(token_text(m.alias).split())) - 1
        runs[first] = (last, m)
        ends[last] = (first, m)
    found: list[tuple[Any, str, int, int]] = []
    for noun in nouns:
        office = PLURAL_OFFICES[noun.group(0)]
        first_word = starts.get(noun.start())
        if first_word is None:
            continue
        last_word = first_word + len(noun.group(0).split()) - 1
        group: list[_Mentioned] = []
        i = first_word - 1  # before the noun: "Chinese, Russian and Indian leaders"
        while i in ends:
            start, m = ends[i]
            group.append(m)
            i = start - 1
            if i >= 0 and tokens[words[i][0]:words[i][1]] in JOINS and i - 1 in ends:
                i -= 1
        if len(group) < 2:
            group = []
            i = last_word + 1  # after it: "les dirigeants chinois, russe et indien"
            skipped = 0
            while i < len(words):
                if i in runs:
                    last, m = runs[i]
                    group.append(m)
                    i, skipped = last + 1, 0
                elif tokens[words[i][0]:words[i][1]] in JOINS and skipped < 2:
                    i, skipped = i + 1, skipped + 1
                else:
                    break
        states = {m.entity.id for m in group}
        if len(states) < 2:
            continue
        begins = min(noun.start() - 1, *(m.start for m in group))
        for m in sorted(group, key=lambda m: m.start):
            wanted = office or kb.leading_office(m.entity.id, day)
            if wanted == "head-of-state" and noun.group(0) in _PRESIDENTS:
                # "Президенты России, Турции и Ирана": Iran's president heads its government
                wanted = kb.president_office(m.entity.id)
            person = kb.holder(wanted, m.entity.id, day)
            if person is not None:
                found.append((person, f"{m.alias} ({noun.group(0)})", m.start, begins))
    return found
