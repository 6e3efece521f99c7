"""The event lexicon (alerts/knowledge/data/frames.yaml), loaded once and indexed by token.

Every phrase becomes a tuple of folded tokens; "agree{|s|d}" lists its endings explicitly
(there are no prefix wildcards, so "sever" never finds "several"). A lookup is one
dictionary access per token of a sentence.
"""

from __future__ import annotations

import hashlib
import pickle
import re
import sys
from dataclasses import dataclass, field, fields, replace
from functools import lru_cache
from importlib import resources
from typing import Any

from alerts import buildcache
from alerts.analysis.sentences import lexicon_tokens

# Arabic proclitics (and, so, with, for, like, the) that may precede a word; the longest
# that leaves a word of at least two letters is tried first.
_ARABIC_PREFIXES = ("وبال", "وال", "بال", "فال", "كال", "لل", "ال", "وب", "ول", "فب", "فل",
                    "وك", "و", "ف", "ب", "ل", "ك")
_ARABIC = re.compile(r"[\u0621-\u064a]")
# How many leaders a plural subject says it stands for ("the two leaders"; "any": no number).
ANAPHOR_COUNTS = {"two": 2, "three": 3, "any": 0}
MODALITY_CUES = ("planned", "agreement", "hypothetical", "negation", "cancellation", "refusal",
                 "denial", "demand", "infinitive")


# The name of a purpose entry of `side_purpose`: a purpose of a war's sides that is not its
# end (an exchange of prisoners), see frames.yaml.
SIDE = "side"


class LexiconError(ValueError):
    """The lexicon file is malformed (a shipped-data bug, caught by the tests)."""


@dataclass(frozen=True)
class Entry:
    category: str  # noun | act | cue | boundary | backdrop | preview | metaphor | flag |
    #                purpose | nominal | topic | condition | own_forces | text_subordinator |
    #                report | occurrence | purpose_end | rumour | dismissal | domain |
    #                domain_label | place | duration | anaphor | officials | past_time |
    #                armed_party | war_context | complementizer | discussion
    type: str = ""  # the event type (nouns, acts, purpose)
    name: str = ""  # noun kind, act, cue name, flag name
    standalone: bool = False  # an act that is the event without a noun
    kinds: tuple[str, ...] = ()  # an act's noun kinds (empty: any)
    form: str = ""  # as the lexicon writes it
    before: bool = False  # an act that governs only a noun after it ("recognise a state")
    after: bool = False  # an act said only of a noun before it, its subject ("talks struggle")
    # An act written around its noun ("order{|s|ed} … to leave"): the words that must follow
    # the noun in its clause; the entry is indexed by the words before the "…".
    then: tuple[str, ...] = ()
    # An act whose object may be a state's name, standing for its noun ("recognise Palestine")
    names_state: bool = False
    # An act that holds only of another state's noun: "cuts US embassy staff" expels them,
    # "US cuts Havana embassy staff" withdraws its own.
    foreign: bool = False
    lang: str = ""  # the language of the form (as frames.yaml lists it)


# The particles of German separable verbs: the lexicon's "bricht ab" also holds as "bricht
# die Beziehungen ab", the particle ending the verb's clause. Folded, as the lexicon's tokens
# are ("zurück" is "zuruck": "weist die Forderung zurück").
PARTICLES = frozenset(lexicon_tokens(" ".join((
    "ab", "an", "auf", "aus", "ein", "herab", "statt", "vor", "zu", "zurück", "zusammen"))))


# A first token's phrases (Lexicon.tails): its one-word entries, and by second token the
# longer phrases' lengths (the tokens after the first) with their entries.
Tails = tuple[tuple["Entry", ...],
              dict[str, tuple[tuple[int, dict[tuple[str, ...], tuple["Entry", ...]]], ...]]]


@dataclass
class Lexicon:
    types: dict[str, str] = field(default_factory=dict)  # type -> title
    statuses: dict[str, tuple[str, ...]] = field(default_factory=dict)  # type -> acts
    kinds: dict[str, tuple[str, ...]] = field(default_factory=dict)  # type -> noun kinds
    languages: set[str] = field(default_factory=set)
    # first token -> [(tokens, entry)], longest first
    index: dict[str, list[tuple[tuple[str, ...], Entry]]] = field(default_factory=dict)
    # first token -> (its one-word entries, {second token: ((n, {the n tokens after the
    # first: their entries}), ...), longest first}), each entry list in the index's order: a
    # sentence's scan looks up the words after a token only for the lengths of the phrases
    # that start with both words, instead of comparing every phrase that starts with it
    tails: dict[str, Tails | bytes] = field(default_factory=dict)  # bytes: packed (tail())
    # first token -> ((particle, entry), ...): German separable verbs ("bricht ... ab")
    separable: dict[str, tuple[tuple[str, Entry], ...]] = field(default_factory=dict)
    nominal: set[tuple[str, ...]] = field(default_factory=set)
    anchors: dict[str, set[str]] = field(default_factory=dict)  # type -> prefilter keys
    # type -> act name -> prefilter keys of its phrases (see status_anchors)
    act_anchors: dict[str, dict[str, set[str]]] = field(default_factory=dict)
    terminal: dict[str, tuple[str, ...]] = field(default_factory=dict)  # type -> acts
    parties: dict[tuple[str, str], int] = field(default_factory=dict)  # (type, kind) -> states
    broad_purpose: set[tuple[str, ...]] = field(default_factory=set)
    # Words that tie a deal to its purpose a few words on (purpose_end links), the longest
    # first: read where a deal is, not scanned as hits ("to" is in most sentences).
    accord_links: tuple[tuple[str, ...], ...] = ()

    # Pickled (the cache file a poll reads), each first token's tails are packed apart and
    # unpacked when a sentence first holds that token (tail()), and the index (read only
    # for Arabic sentences) is packed whole and unpacked at its first use (#17: unpickling
    # the lexicon's ~7,400 entries was ~27 ms of a steady-state poll that analyses a few
    # dozen items). A packed value is `bytes`.
    def __getstate__(self) -> dict[str, Any]:
        state = dict(self.__dict__)
        state["tails"] = {word: tail if isinstance(tail, bytes) else _pack(tail)
                          for word, tail in self.tails.items()}
        index = state.pop("_index_packed", None)
        state["index"] = index if index is not None else _pack(state["index"])
        return state

    def __setstate__(self, state: dict[str, Any]) -> None:
        if isinstance(state.get("index"), bytes):
            state = dict(state)
            state["_index_packed"] = state.pop("index")
        self.__dict__.update(state)

    def __getattr__(self, name: str) -> Any:
        """The index, unpacked at its first use (only a pickled lexicon lacks it)."""
        packed = self.__dict__.get("_index_packed") if name == "index" else None
        if packed is None:
            raise AttributeError(name)
        index = self.__dict__.setdefault("index", pickle.loads(packed))
        self.__dict__.pop("_index_packed", None)  # another thread may have done it
        return index

    def __eq__(self, other: object) -> bool:
        """Field by field, packed parts unpacked (a lexicon read back equals the built one)."""
        if not isinstance(other, Lexicon):
            return NotImplemented
        for lex in (self, other):
            for word in lex.tails:
                lex.tail(word)
        return all(getattr(self, f.name) == getattr(other, f.name) for f in fields(self))

    def tail(self, word: str) -> Tails | None:
        """tails[word], unpacked if it was still packed; None when no phrase starts so."""
        found = self.tails.get(word)
        if isinstance(found, bytes):
            found = self.tails[word] = pickle.loads(found)
        return found

    def add(self, phrase: str, entry: Entry, lang: str) -> None:
        variants = expand(phrase)
        if lang in ("ru", "uk") and entry.category == "act":
            variants += [v for f in variants for v in neuter_pasts(f) if v not in variants]
        for variant in variants:
            if "…" in variant:
                head, _, rest = variant.partition("…")
                then = lexicon_tokens(rest)
                if entry.category != "act" or not then or not lexicon_tokens(head) \
                        or "…" in rest:
                    raise LexiconError(f"frames.yaml: {phrase!r}: only an act may be written "
                                       "around its noun, once, with words on both sides")
                self.add(head, replace(entry, then=then, before=True), lang)
                continue
            words = lexicon_tokens(variant)
            if not words:
                raise LexiconError(f"frames.yaml: {phrase!r} has no letters")
            self.index.setdefault(words[0], []).append((words, replace(entry, lang=lang)))
            self.languages.add(lang)
            # A separable verb's particle may stand far after it ("bricht ... ab", "rief
            # Putin an"): the prefilter looks for the verb alone.
            first_part = words[:1] if entry.category == "act" and len(words) == 2 \
                and words[1] in PARTICLES else words
            if entry.category == "noun" or (entry.category == "act"
                                             and (entry.standalone or entry.names_state)):
                self.anchors.setdefault(entry.type, set()).add(_anchor(first_part))
            if entry.category == "act" and entry.type:
                self.act_anchors.setdefault(entry.type, {}).setdefault(
                    entry.name, set()).add(_anchor(first_part))

    def finish(self) -> None:
        for entries in self.index.values():
            entries.sort(key=lambda pair: -len(pair[0]))
        self.separable = {}
        for word, entries in self.index.items():
            found = tuple((words[1], entry) for words, entry in entries
                          if len(words) == 2 and words[1] in PARTICLES)
            if found:
                self.separable[word] = found
        self.tails = {}
        for word, entries in self.index.items():
            singles = tuple(entry for words, entry in entries if len(words) == 1)
            by_second: dict[str, dict[int, dict[tuple[str, ...], list[Entry]]]] = {}
            for words, entry in entries:
                if len(words) > 1:
                    by_second.setdefault(words[1], {}).setdefault(len(words) - 1, {}) \
                        .setdefault(words[1:], []).append(entry)
            self.tails[word] = (singles, {
                second: tuple((size, {rest: tuple(found) for rest, found in tails.items()})
                              for size, tails in sorted(by_size.items(), reverse=True))
                for second, by_size in by_second.items()})
        # A meeting about ending a war is peace talks: the contact words select those items too.
        if "peace-talks" in self.anchors:
            self.anchors["peace-talks"] |= self.anchors.get("contact", set())
        # A halt to fighting with the war named between is a ceasefire's noun (frames.py,
        # _halts_named): its last word selects the item.
        if "ceasefire" in self.anchors:
            self.anchors["ceasefire"] |= {_anchor((word,)) for word in HALT_OBJECTS}


# The event types whose frame status is only ever the name of an act read with the noun
# (frames.SentenceFrames._typed, which at most clears it): no act word of a status, no frame
# with that status. A ceasefire's status also comes from demands, ultimatums, orders and
# conditions, and talks are "held" by their setting or length, so theirs are not listed.
STATUS_FROM_ACTS = frozenset({"relations"})


def _pack(value: object) -> bytes:
    return pickle.dumps(value, protocol=pickle.HIGHEST_PROTOCOL)


# The words of fighting that end a halt to it named with its war (frames._halts_named).
HALT_OBJECTS = ("fighting", "hostilities")


def _anchor(words: tuple[str, ...]) -> str:
    """A substring the prefilter looks for in a field's token text (" word word "): the
    whole phrase ("se parlent", not " se"); in Arabic its longest word's stem."""
    first = words[0]
    if len(first) == 1 and not first.isascii() and not _ARABIC.match(first):
        return "".join(w for w in words if len(w) == 1)[:2] or first  # Chinese: no spaces
    longest = max(words, key=len)
    if _ARABIC.match(longest):
        # Any clitic may come before it, ة (ه) or a pronoun after it.
        return longest[:-1] if len(longest) > 3 else longest
    if "not" in words:
        return f" {longest} "  # "n't" is a word of its own only in analysed text
    return " " + " ".join(words) + " "


_BRACES = re.compile(r"\{([^{}]*)\}")
# A Russian or Ukrainian past tense has a neuter beside its feminine and plural
# ("разорвала", "разорвали": "Мали разорвало отношения"), which the word lists need not spell.
_PAST = re.compile(r"(?<=[аеиоуыяэюіїє]л)[аи]$")


def neuter_pasts(phrase: str) -> list[str]:
    """The phrase with one of its past-tense words in the neuter: 'разорвала отношения' ->
    ['разорвало отношения']."""
    words = phrase.split(" ")
    return [" ".join([*words[:k], _PAST.sub("о", w), *words[k + 1:]])
            for k, w in enumerate(words) if _PAST.search(w)]


def expand(phrase: str) -> list[str]:
    """'agree{|s|d} to' -> ['agree to', 'agrees to', 'agreed to']."""
    m = _BRACES.search(phrase)
    if not m:
        return [phrase]
    out = []
    for ending in m.group(1).split("|"):
        out.extend(expand(phrase[:m.start()] + ending + phrase[m.end():]))
    return out


_ARABIC_SUFFIXES = ("هما", "هم", "ها", "نا", "كم", "ه")  # its, their, our, your (enclitics)
# Words that mean something else with a possessive: "جولته" is his tour, not a round of talks.
_OWN_SENSE = frozenset({"جوله"})
# A verb's number: the present dual and plural ("يعلنان", "تقيمان", "يعلنون": they (two)
# announce), read as the singular the lexicon lists (يعلن، تقيم); the past plural and
# feminine dual ("أعلنوا", "أعلنتا") as the past singular (أعلن، أعلنت).
_ARABIC_PRESENT = ("ي", "ت", "وي", "وت")  # (or after "and")
_ARABIC_NUMBER = (("ان", 2, True), ("ون", 2, True), ("وا", 2, False), ("تا", 1, False))


@lru_cache(maxsize=65536)
def arabic_candidates(token: str) -> tuple[str, ...]:
    """The token and the words it may be with a proclitic (و، ب، ال...) removed and an
    enclitic pronoun removed (سفارتها "its embassy" -> سفارة, whose ة became ت)."""
    if not _ARABIC.match(token):
        return (token,)
    stems = [token]
    for ending, cut, present in _ARABIC_NUMBER:
        if token.endswith(ending) and len(token) - cut >= 3 \
                and (not present or token.startswith(_ARABIC_PRESENT)):
            stems.append(token[:-cut])
            break
    for suffix in _ARABIC_SUFFIXES:
        if token.endswith(suffix) and len(token) - len(suffix) >= 3:
            stem = token[:-len(suffix)]
            if stem.endswith("ت"):
                if stem[:-1] + "ه" in _OWN_SENSE:
                    break
                stems.append(stem)
                stems.append(stem[:-1] + "ه")  # folded ة
            else:
                stems.append(stem)
            break
    out: list[str] = []
    for stem in stems:
        out.append(stem)
        for prefix in _ARABIC_PREFIXES:
            if stem.startswith(prefix) and len(stem) - len(prefix) >= 2:
                out.append(stem[len(prefix):])
                if prefix == "لل":
                    out.append("ال" + stem[2:])
    return tuple(dict.fromkeys(out))


def _languages(value: Any, where: str) -> dict[str, list[str]]:
    if not isinstance(value, dict):
        raise LexiconError(f"frames.yaml: {where} must map languages to lists of words")
    for lang, forms in value.items():
        if not isinstance(forms, list) or not all(isinstance(f, str) for f in forms):
            raise LexiconError(f"frames.yaml: {where}.{lang} must be a list of quoted words")
    return value


def build(data: dict[str, Any]) -> Lexicon:
    lex = Lexicon()
    for type_id, spec in (data.get("types") or {}).items():
        lex.types[type_id] = str(spec.get("title") or type_id)
        kinds = spec.get("nouns") or {}
        lex.kinds[type_id] = tuple(kinds)
        for kind, langs in kinds.items():
            for lang, forms in _languages(langs, f"types.{type_id}.nouns.{kind}").items():
                for form in forms:
                    lex.add(form, Entry("noun", type_id, kind, form=form), lang)
        acts = spec.get("acts") or {}
        lex.statuses[type_id] = tuple(acts)
        lex.terminal[type_id] = tuple(spec.get("terminal") or ())
        lex.broad_purpose.update(lexicon_tokens(w) for w in spec.get("broad_purpose") or ())
        for kind, count in (spec.get("parties") or {}).items():
            if kind not in kinds:
                raise LexiconError(f"frames.yaml: types.{type_id}.parties names unknown noun "
                                   f"kind {kind!r}")
            lex.parties[(type_id, kind)] = int(count)
        if any(t not in acts for t in lex.terminal[type_id]):
            raise LexiconError(f"frames.yaml: types.{type_id}.terminal names an unknown act")
        for act, act_spec in acts.items():
            act_kinds = tuple(act_spec.get("kinds") or ())
            unknown = [k for k in act_kinds if k not in kinds]
            if unknown:
                raise LexiconError(f"frames.yaml: types.{type_id}.acts.{act}.kinds names "
                                   f"unknown noun kinds {unknown}")
            standalone = bool(act_spec.get("standalone"))
            before = bool(act_spec.get("before"))
            names_state = bool(act_spec.get("names_state"))
            for lang, forms in _languages(act_spec.get("forms") or {},
                                          f"types.{type_id}.acts.{act}.forms").items():
                for form in forms:
                    lex.add(form, Entry("act", type_id, act, standalone, act_kinds, form,
                                        before, names_state=names_state), lang)
            for lang, forms in _languages(act_spec.get("object_forms") or {},
                                          f"types.{type_id}.acts.{act}.object_forms").items():
                for form in forms:
                    lex.add(form, Entry("act", type_id, act, standalone, act_kinds, form,
                                        before=True), lang)
            for lang, forms in _languages(act_spec.get("foreign_forms") or {},
                                          f"types.{type_id}.acts.{act}.foreign_forms").items():
                for form in forms:
                    lex.add(form, Entry("act", type_id, act, standalone, act_kinds, form,
                                        before, names_state=names_state, foreign=True), lang)
            for lang, forms in _languages(act_spec.get("subject_forms") or {},
                                          f"types.{type_id}.acts.{act}.subject_forms").items():
                for form in forms:
                    lex.add(form, Entry("act", type_id, act, standalone, act_kinds, form,
                                        after=True), lang)
        for lang, forms in _languages(spec.get("purpose") or {},
                                      f"types.{type_id}.purpose").items():
            for form in forms:
                lex.add(form, Entry("purpose", type_id, form=form), lang)
        # A purpose said as a grammar (see frames.yaml, purpose_end): a word of ending and,
        # a few words after it, a word of armed conflict ("ending the three-year war").
        ending = spec.get("purpose_end") or {}
        if not isinstance(ending, dict) \
                or set(ending) - {"ends", "objects", "accords", "meetings", "links"}:
            raise LexiconError(f"frames.yaml: types.{type_id}.purpose_end must have only "
                               "'ends', 'objects', 'accords', 'meetings' and 'links', each "
                               "mapping languages to words")
        for forms in _languages(ending.get("links") or {},
                                f"types.{type_id}.purpose_end.links").values():
            links = set(lex.accord_links) | {lexicon_tokens(variant) for form in forms
                                             for variant in expand(form)}
            lex.accord_links = tuple(sorted(links, key=lambda words: (-len(words), words)))
        for part, name in (("ends", "end"), ("objects", "object"), ("accords", "accord"),
                           ("meetings", "meeting")):
            for lang, forms in _languages(ending.get(part) or {},
                                          f"types.{type_id}.purpose_end.{part}").items():
                for form in forms:
                    lex.add(form, Entry("purpose_end", type_id, name, form=form), lang)
                    if name in ("accord", "meeting"):  # the head of a noun (see
                        # frames._purposes_of_ending)
                        for variant in expand(form):
                            lex.anchors.setdefault(type_id, set()).add(
                                _anchor(lexicon_tokens(variant)))
        for lang, forms in _languages(spec.get("side_purpose") or {},
                                      f"types.{type_id}.side_purpose").items():
            for form in forms:
                lex.add(form, Entry("purpose", type_id, SIDE, form=form), lang)
    for cue, langs in (data.get("modality") or {}).items():
        if cue not in MODALITY_CUES:
            raise LexiconError(f"frames.yaml: modality.{cue} is not one of "
                               f"{', '.join(MODALITY_CUES)}")
        for lang, forms in _languages(langs, f"modality.{cue}").items():
            for form in forms:
                lex.add(form, Entry("cue", name=cue, form=form), lang)
    for category in ("boundaries", "backdrop", "backdrop_clause", "preview", "metaphor",
                     "topic", "determiners", "subordinators", "text_subordinators",
                     "conditions", "own_forces", "settings", "outcomes", "elapsed", "ultimatums",
                     "giving", "reports", "occurrence", "rumours", "dismissals", "domains",
                     "domain_labels", "places", "qualities", "idioms", "impossible",
                     "legislatures",
                     "durations", "officials", "past_times", "future_times", "armed_parties",
                     "war_context", "complementizers", "discussion"):
        name = {"boundaries": "boundary", "determiners": "determiner",
                "subordinators": "subordinator", "text_subordinators": "text_subordinator",
                "conditions": "condition", "ultimatums": "ultimatum",
                "reports": "report", "rumours": "rumour",
                "dismissals": "dismissal", "domains": "domain",
                "domain_labels": "domain_label", "places": "place", "qualities": "quality",
                "idioms": "idiom", "legislatures": "legislature",
                "durations": "duration", "past_times": "past_time",
                "future_times": "future_time",
                "armed_parties": "armed_party",
                "complementizers": "complementizer"}.get(category, category)
        for lang, forms in _languages(data.get(category) or {}, category).items():
            for form in forms:
                lex.add(form, Entry(name, name=name, form=form), lang)
    for count, langs in (data.get("anaphors") or {}).items():
        if count not in ANAPHOR_COUNTS:
            raise LexiconError(f"frames.yaml: anaphors.{count} is not one of "
                               f"{', '.join(ANAPHOR_COUNTS)}")
        for lang, forms in _languages(langs, f"anaphors.{count}").items():
            for form in forms:
                lex.add(form, Entry("anaphor", name=count, form=form), lang)
    for flag, langs in (data.get("flags") or {}).items():
        for lang, forms in _languages(langs, f"flags.{flag}").items():
            for form in forms:
                lex.add(form, Entry("flag", name=flag, form=form), lang)
    for forms in _languages(data.get("nominal") or {}, "nominal").values():
        for form in forms:
            for variant in expand(form):
                lex.nominal.add(lexicon_tokens(variant))
    lex.finish()
    return lex


# The code a built lexicon is the output of (its words are in frames.yaml): a change to any
# of them builds it again. Taken once, at import (alerts.buildcache.code_digest).
BUILT_BY = ("analysis/lexicon.py", "analysis/sentences.py", "fold.py", "knowledge/phrases.py")
_CODE_DIGEST = buildcache.code_digest(BUILT_BY)


def frames_text() -> bytes:
    return resources.files("alerts.knowledge").joinpath("data", "frames.yaml").read_bytes()


def built_key(text: bytes, code: bytes) -> str:
    """What a built lexicon depends on: frames.yaml, the building code, Python's version."""
    digest = hashlib.blake2b(digest_size=16)
    digest.update(text + b"\0" + code + sys.version.encode())
    return digest.hexdigest()


def _from_yaml(text: bytes) -> Lexicon:
    import yaml  # only to build (#17: a poll reads the built lexicon from the cache)

    loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
    return build(yaml.load(text.decode("utf-8"), Loader=loader) or {})


@lru_cache(maxsize=1)
def lexicon() -> Lexicon:
    """The event lexicon, read from the cache folder when this frames.yaml and this code
    built it before (about a seventh of the time of building it), built and kept there
    otherwise (alerts.buildcache)."""
    text = frames_text()
    return buildcache.built(buildcache.cache_root() / "analysis", "lexicon",
                            built_key(text, _CODE_DIGEST), lambda: _from_yaml(text), Lexicon)
