"""A state's office holder named by the office's noun beside the state: "le président
sénégalais", "le roi du Maroc", "der kenianische Präsident", "el canciller chileno",
"президент Кении", "прем'єр-міністром Кенії".

offices.yaml writes such phrases out for the states it curates, and offices-generated.yaml
the English, Arabic and Chinese ones for every state; this module reads the other languages'
for every state from the state's mention and the noun next to it, so that no phrase is listed
per state (a list would hold some 14,000 phrases more, about 10 MiB of automaton). The noun
stands right before the state (French and Spanish adjectives, "du"/"de" and a name, Russian
and Ukrainian genitives), right after it (German, Russian and Ukrainian adjectives), or around
it ("ministre sénégalais des Affaires étrangères").
"""

from __future__ import annotations

import functools
from typing import Any, NamedTuple, Protocol

from alerts.knowledge.phrases import token_text

# The office a noun names: one of the base's offices, or PRESIDENT (whichever office the
# state's president holds: Iran's heads its government) or CANCILLER (Spanish: the foreign
# minister, but the head of government of a state led by a chancellor).
PRESIDENT = "president"
CANCILLER = "canciller"
_CHANCELLOR_STATES = frozenset({"DE", "AT"})

_BEFORE = {  # noun, then the state (after a preposition or as a genitive)
    PRESIDENT: ["président", "présidente", "presidente", "presidenta", "mandatario",
                "mandataria", "Präsident", "Präsidentin", "президент", "президента",
                "президенту", "президентом", "президенте", "президенті", "президентові"],
    "head-of-state": ["chef de l'État", "cheffe de l'État", "chef d'État", "roi", "reine",
                      "souverain", "émir", "jefe de Estado", "jefa de Estado", "rey", "reina",
                      "monarca", "emir", "Staatschef", "König", "Königin", "король",
                      "короля", "королю", "королём", "королем", "королеві", "эмир", "эмира",
                      "эмиру", "эмиром", "емір", "еміра", "еміру", "еміром"],
    "head-of-government": [
        "chef du gouvernement", "cheffe du gouvernement", "Premier ministre",
        "Première ministre", "jefe del Gobierno", "jefa del Gobierno",
        "presidente del Gobierno", "presidenta del Gobierno", "primer ministro",
        "primera ministra", "Regierungschef", "Regierungschefin", "Ministerpräsident",
        "Premierminister", "Premierministerin", "Kanzler", "Kanzlerin",
        *(f"{noun}{case}" for noun in ("премьер-министр", "премьер") for case in
          ("", "а", "у", "ом", "е")),
        *(f"{head} правительства" for head in ("глава", "главы", "главе", "главой", "главу")),
        *(f"прем'єр{rest}{case}" for rest in ("-міністр", "") for case in
          ("", "а", "у", "ом", "і", "ові")),
        *(f"{head} уряду" for head in ("голова", "голови", "голові", "головою", "очільник",
                                        "очільника", "очільником"))],
    "foreign-minister": [
        "ministre des Affaires étrangères", "chef de la diplomatie",
        "cheffe de la diplomatie", "ministro de Exteriores", "ministra de Exteriores",
        "ministro de Asuntos Exteriores", "ministra de Asuntos Exteriores",
        "ministro de Relaciones Exteriores", "ministra de Relaciones Exteriores",
        "jefe de la diplomacia", "jefa de la diplomacia", "Außenminister",
        "Außenministerin",
        *(f"министр{case} иностранных дел" for case in ("", "а", "у", "ом", "е")),
        *(f"{head} МИД" for head in ("глава", "главы", "главе", "главой", "главу")),
        *(f"міністр{case} закордонних справ" for case in ("", "а", "у", "ом", "і", "ові")),
        *(f"{head} МЗС" for head in ("глава", "глави", "главі", "главою", "голова",
                                      "голови", "очільник", "очільника", "очільником"))],
    CANCILLER: ["canciller"],
}
_AFTER = {  # the state's adjective, then the noun
    PRESIDENT: ["Präsident", "Präsidenten", "Präsidentin", "президент", "президента",
                "президенту", "президентом", "президенте"],
    "head-of-state": ["Staatschef", "Staatschefin", "Staatsoberhaupt", "König", "Königin",
                      "Emir"],
    "head-of-government": ["Regierungschef", "Regierungschefin", "Ministerpräsident",
                           "Ministerpräsidenten", "Ministerpräsidentin", "Premierminister",
                           "Premierministerin", "Kanzler", "Kanzlerin", "Bundeskanzler",
                           "Bundeskanzlerin",
                           *(f"премьер{case}" for case in ("", "а", "у", "ом", "е")),
                           *(f"прем'єр{case}" for case in ("", "а", "у", "ом", "і"))],
    "foreign-minister": ["Außenminister", "Außenministerin", "Chefdiplomat",
                         "Chefdiplomatin", "Chefdiplomaten"],
}
_AROUND = {  # the noun's first word, the state's adjective, then the rest of the noun
    "foreign-minister": [("ministre", "des Affaires étrangères"),
                         ("ministro", "de Asuntos Exteriores"),
                         ("ministra", "de Asuntos Exteriores"),
                         ("ministro", "de Relaciones Exteriores"),
                         ("ministra", "de Relaciones Exteriores")],
}
# Words between a noun and the state's name: "le roi du Maroc", "el presidente de Chile".
_JOINS = ("du", "de la", "de l'", "d'", "des", "de", "del", "von")

_WINDOW = 160  # characters around a state read for its nouns (more than their words need)

Hit = tuple[int, str, tuple[tuple[str, str, str], ...]]  # as KnowledgeBase._hits gives them


class _States(Protocol):
    """What this module asks the knowledge base (base.KnowledgeBase)."""

    entities: dict[str, Any]

    def president_office(self, country: str) -> str: ...


def _key(phrase: str) -> str:
    return token_text(phrase).strip()


class _Nouns(NamedTuple):
    before: frozenset[str]  # nouns that stand right before a state (token text)
    after: frozenset[str]  # nouns that stand right after a state's adjective
    joins: frozenset[str]  # the prepositions between a noun and a state's name
    rests: dict[str, list[str]]  # a noun's first word before a state -> the rests after it
    offices: dict[str, tuple[str, str]]  # a noun's token text -> (office, as written)
    longest: int  # words in the longest noun
    ends: frozenset[str]  # the words a noun or a preposition before a state ends with
    starts: frozenset[str]  # the words a noun after a state starts with


@functools.cache
def _nouns() -> _Nouns:
    """The nouns by their token text, made when first needed."""
    offices: dict[str, tuple[str, str]] = {}
    for table in (_BEFORE, _AFTER):
        for office, nouns in table.items():
            for noun in nouns:
                offices[_key(noun)] = (office, noun)
    rests: dict[str, list[str]] = {}
    for office, pairs in _AROUND.items():
        for head, rest in pairs:
            offices[_key(f"{head} {rest}")] = (office, f"{head} {rest}")
            rests.setdefault(_key(head), []).append(_key(rest))
    before = frozenset(_key(n) for ns in _BEFORE.values() for n in ns)
    after = frozenset(_key(n) for ns in _AFTER.values() for n in ns)
    joins = frozenset(_key(j) for j in _JOINS)
    return _Nouns(before, after, joins, rests, offices,
                  max(len(n.split()) for n in before | after),
                  frozenset(n.split()[-1] for n in before | joins | set(rests)),
                  frozenset(n.split()[0] for n in after))


def titled_offices(kb: _States, tokens: str, hits: list[Hit]) -> list[Hit]:
    """Office hits, as the base's office index gives them, for each office noun next to a
    state's mention among `hits` (the names index's hits in `tokens`, none of them a part
    of a longer name). Where an office phrase
    reads the same words, both name one holder: the state's president is whoever the office
    phrases say ("President of Iran" heads its government)."""
    states = [(start, key, payload) for start, key, payloads in hits for payload in payloads
              if payload[2] == "country" and kb.entities[payload[0]].kind == "country"]
    if not states:
        return []
    nouns = _nouns()
    found: list[Hit] = []
    for start, key, (code, alias, _) in states:
        end = start + len(key)
        for first, last, noun, join, place in _nouns_beside(tokens, start, end, nouns):
            office, written = nouns.offices[noun]
            if office == PRESIDENT:
                office = kb.president_office(code)
            elif office == CANCILLER:
                office = "head-of-government" if code in _CHANCELLOR_STATES else "foreign-minister"
            if place == "after":
                words = f"{alias} {written}"
            elif place == "around":
                head, _, rest = written.partition(" ")
                words = f"{head} {alias} {rest}"
            else:  # the noun, the preposition if any, the state
                words = " ".join(w for w in (written, join, alias) if w)
            found.append((first, tokens[first:last], ((office, code, words),)))
    return found


def _nouns_beside(tokens: str, start: int, end: int, nouns: _Nouns
                  ) -> list[tuple[int, int, str, str, str]]:
    """(where the office's words begin, where they end, the noun's token text, the
    preposition between, where the noun stands: "before", "after" or "around" the state)
    for each noun read beside the state whose key spans tokens[start:end] (a padded key: its
    spaces are shared with the words around it). Only the few words around the state are
    read: set lookups, for every state a text names."""
    out: list[tuple[int, int, str, str, str]] = []
    # (most states stand beside no office noun: one word either side says so)
    previous = tokens[tokens.rfind(" ", 0, start) + 1:start]
    following = tokens[end:tokens.find(" ", end)] if end < len(tokens) else ""
    if previous not in nouns.ends and following not in nouns.starts:
        return out
    reach = nouns.longest + 2
    # the words, nearest last (from a window: the whole text is not copied for each state)
    before = tokens[max(0, start - _WINDOW):start + 1].rsplit(" ", reach + 1)[1:-1]
    for size in (0, 1, 2):  # the preposition's words: none, "du", "de la"
        join = " ".join(before[len(before) - size:]) if size else ""
        if size and join not in nouns.joins:
            continue
        for length in range(nouns.longest, 0, -1):
            if length + size > len(before):
                continue
            noun = " ".join(before[len(before) - size - length:len(before) - size])
            if noun in nouns.before:
                first = start - len(join) - len(noun) - (2 if join else 1)
                out.append((first, end, noun, join, "before"))
                break
        else:
            continue
        break
    after = tokens[end - 1:end + _WINDOW].split(" ", reach + 1)[1:-1]
    for length in range(min(len(after), nouns.longest), 0, -1):
        noun = " ".join(after[:length])
        if noun in nouns.after:
            out.append((start, end + len(noun), noun, "", "after"))
            break
    if before and before[-1] in nouns.rests:
        for rest in nouns.rests[before[-1]]:
            if tokens.startswith(f" {rest} ", end - 1):
                out.append((start - len(before[-1]) - 1, end + len(rest),
                            f"{before[-1]} {rest}", "", "around"))
                break
    return out
