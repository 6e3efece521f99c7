"""Sentences and tokens, in any of the eight languages.

A full stop ends a sentence unless it ends an abbreviation ("U.S.", "Gen.", "St.", "Mr.",
"M.", "г."), an initial ("Donald J. Trump"), or the next word starts in lower case. Chinese
and Arabic stops end a sentence without a following space. Tokens are folded words (case,
accents and Arabic letter variants do not matter); each Chinese character is a token, so
Chinese phrases match as runs of characters without spaces.
"""

from __future__ import annotations

import re
from functools import lru_cache
from itertools import accumulate

from alerts.fold import fold
from alerts.knowledge.phrases import _ARABIC_FORMS

_CJK = "\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff"
# Combining marks inside a word are part of it: the Arabic short vowels and shadda ("عمّان",
# Amman, is one word, not "عم" and "ان", "if"), and accents written as marks of their own in
# text that is not ASCII. Folding drops them.
_MARKS = "\u0300-\u036f\u0483-\u0489\u0610-\u061a\u064b-\u065f\u0670\u06d6-\u06ed"
_TOKEN = re.compile(rf"[{_CJK}]|[^\W_{_CJK}](?:[^\W_{_CJK}]|[{_MARKS}])*")
_END = re.compile(
    r"[.!?…]+[\"'»”’)]*(?=\s|$)|[。！？؟]+")
ABBREVIATIONS = frozenset(fold(a) for a in [
    "Mr", "Mrs", "Ms", "Dr", "Gen", "Lt", "Col", "Maj", "Capt", "Sgt", "Adm", "Cmdr", "Sen",
    "Rep", "Gov", "Pres", "Prof", "St", "Jr", "Sr", "Rev", "Hon", "No", "Nos", "vs", "etc",
    "Inc", "Ltd", "Co", "Corp", "Jan", "Feb", "Mar", "Apr", "Jun", "Jul", "Aug", "Sep", "Sept",
    "Oct", "Nov", "Dec", "Mt", "Ft", "approx", "est", "dept", "Univ", "Ave", "M", "Mme",
    "Mmes", "Mlle", "MM", "Pr", "Me", "Gén", "av", "Bd", "Nr", "bzw", "ca", "Hr", "Fr", "z.B",
    "d.h", "u.a", "Sra", "Srta", "Dña", "Gral", "Excmo", "Ud", "Uds", "EE.UU", "pág", "núm",
    "г", "гг", "ул", "им", "тыс", "млн", "млрд", "см", "т.е", "т.д", "т.п", "т.к", "р", "грн",
    "ім", "тис", "обл", "вул",
    # The states of US datelines as AP style writes them ("CAMP DAVID, Md. — President
    # Biden hosted ...", "ORLANDO, Fla. (AP) —"): the stop ends the place, not a sentence.
    "Ala", "Ariz", "Ark", "Calif", "Colo", "Conn", "Del", "Fla", "Ga", "Ill", "Ind", "Kan",
    "Ky", "La", "Md", "Mass", "Mich", "Minn", "Miss", "Mo", "Mont", "Neb", "Nev", "Okla",
    "Ore", "Pa", "Tenn", "Vt", "Va", "Wash", "Wis", "Wyo"])
# German writes a day of the month as an ordinal with a full stop ("ab dem 15. Februar"):
# that stop ends no sentence.
_ORDINAL_DAY = re.compile(r"(?<!\d)\d{1,2}$")
_MONTHS_AFTER_ORDINAL = frozenset(fold(m) for m in [
    "Januar", "Jänner", "Februar", "März", "April", "Mai", "Juni", "Juli", "August",
    "September", "Oktober", "November", "Dezember"])
_NEXT_WORD = re.compile(r"\s*([^\W\d_]+)")
_QUOTES = str.maketrans({"’": "'", "‘": "'", "ʼ": "'"})


_LAST_WORD = re.compile(r"([^\W_]+(?:\.[^\W_]+)*)$")


def _last_word(text: str, stop: int) -> str | None:
    """What _LAST_WORD finds in the 40 characters before `stop` (the word, or words joined
    by single dots, that ends there: "U.S", "Gen"), read backwards from `stop` by hand: the
    pattern, searched, is tried from each of the 40 positions in turn. Its word character
    is one for which isalnum() holds, and its end also matches before a final newline."""
    low = max(0, stop - 40)
    end = stop - 1 if stop > low and text[stop - 1] == "\n" else stop
    at = end
    while at > low:
        c = text[at - 1]
        if c.isalnum() or (c == "." and at < end and at - 1 > low
                           and text[at - 2].isalnum()):
            at -= 1
        else:
            break
    return text[at:end] if at < end else None


def _is_abbreviation(text: str, stop: int) -> bool:
    """Whether the full stop at `stop` ends an abbreviation or an initial."""
    word = _last_word(text, stop)
    if not word:
        return False
    if "." in word:  # U.S, E.U, z.B, EE.UU
        return True
    if len(word) == 1 and word.isalpha():  # an initial: "J. Trump", "M. Macron"
        return True
    return fold(word) in ABBREVIATIONS


# A dateline that ends in full stops of its own: a place in capitals, a day, and the agency
# between slashes or after a dash, if any ("MOSCOW, November 10. /TASS/.", "МОСКВА, 3 марта.
# /ТАСС/.", "МОСКВА, 29 мар — РИА Новости.", "KYIV, Dec. 3."; with a dash and the agency the
# place may be written as a word: "Анталія, 10 березня — Укрінформ."), or stopped after the place
# too, with the agency in capitals after the day ("ПАРИЖ. 9 грудня. УКРІНФОРМ."), or after a
# comma ("Баку, 29 июня, АЗЕРТАДЖ."), or in brackets after the day ("СОЧІ, 30 квітня
# (Укрінформ)."); the place may have its region in brackets ("ЭННИСКИЛЛЕН (Великобритания),
# 17 июня. /ИТАР-ТАСС/."); a place as written takes a known agency between slashes
# ("Вашингтон, 26 вересня /Укрінформ/."). It opens the first sentence, not a sentence of its
# own.
_STOPPED_DATELINE = re.compile(
    r"\s*(?P<place>[^\W\d_][^\W\d_'-]*(?:[ /-][^\W\d_][^\W\d_'-]*){0,2})"
    r"(?:\s+\([^()\n]{2,40}\))?[,.]\s+"
    r"(?:\d{1,2}\s+[^\W\d_]+\.?|[^\W\d_]+\.?\s+\d{1,2})(?:,?\s+\d{4})?"
    r"(?:\s*\.?\s*/(?P<slashed>[^/\n]{2,30})/\s*\.?|\s+\((?P<bracketed>[^()\n]{2,30})\)\."
    r"|(?P<wire>\.?\s+[-—–]{1,2}\s+[^.\n]{2,30}\.)"
    r"|\.\s+(?P<agency>[^\W\d_]{3,}(?:[ -][^\W\d_]{2,})?)\."
    r"|,\s+(?P<tagged>[^\W\d_]{3,}(?:[ -][^\W\d_]{2,})?)\.|\.)(?=\s)")


# A place as written, the day, each stopped, then the agency in capitals and a dash, as
# Interfax writes it ("Москва. 12 февраля. INTERFAX.RU - ...", "Київ. 5 березня.
# ІНТЕРФАКС-УКРАЇНА - ..."): the place and the day are no sentences of their own.
_AGENCY_AFTER_DAY = re.compile(
    r"\s*[^\W\d_][^\W\d_'-]*(?:[ -][^\W\d_][^\W\d_'-]*){0,2}[.,]\s+"
    r"\d{1,2}\s+[^\W\d_]+\.\s+[^\W\d_a-zа-яёіїєґ][^\sa-zа-яёіїєґ]{2,30}\s+[-—–]{1,2}\s+")
# A place alone in capitals, stopped, before a capitalised word ("КИЇВ. Президент ...",
# "BOGOTÁ. El presidente ..."): four Cyrillic letters or more, five Latin ones or more (not
# an acronym such as "NATO", "OTAN", "UN").
_PLACE_ALONE = re.compile(r"\s*(?:[А-ЯЁІЇЄҐ][А-ЯЁІЇЄҐ'-]{3,}|[A-ZÁÉÍÓÚÑÜÇÀÈÂÊÎÔÛ]"
                          r"[A-ZÁÉÍÓÚÑÜÇÀÈÂÊÎÔÛ'-]{4,})\.(?=\s+[^\W\d_])")
# Agencies written in mixed case after a dateline's day ("Мінськ, 12 лютого. Укрінформ.").
_AGENCIES = frozenset({"укрінформ", "укринформ", "ukrinform", "уніан", "униан", "unian",
                       "тасс", "интерфакс", "інтерфакс-україна", "ria novosti", "риа новости",
                       "белта", "бта", "xinhua", "синьхуа", "efe", "europa press"})


@lru_cache(maxsize=1024)
def stopped_dateline(text: str) -> int:
    """Where a dateline that ends in full stops ends (see _STOPPED_DATELINE), or 0. (Kept
    for recent texts: the sentence splitter, the mentions and the clauses each ask it of
    the same sentence.)"""
    opening = text.lstrip()[:2]  # (not 3: "ЭР-РИЯД, 18 фев - РИА Новости.")
    if not (opening.isalpha() and opening[:1].isupper()):
        return 0  # (most sentences: no place opens them)
    tagged_day = _AGENCY_AFTER_DAY.match(text)
    if tagged_day is not None:
        return tagged_day.end()
    found = _STOPPED_DATELINE.match(text)
    if found is None:
        # a place alone in capitals, stopped: "КИЇВ. Президент США Джордж Буш ..."
        place = _PLACE_ALONE.match(text)
        return place.end() if place is not None else 0
    letters = [c for c in found.group("place") if c.isalpha()]
    if len(letters) < 3:
        return 0
    agency = found.group("agency")
    tagged = found.group("tagged")
    if tagged is not None and not (tagged.replace(" ", "").replace("-", "").isupper()
                                   or tagged.casefold() in _AGENCIES):
        return 0  # "Paris, 3 mai, Macron." is no agency's tag
    if not all(c.isupper() for c in letters) and tagged is None and not (
            # a place as written, with its agency after a dash ("Анталія, 10 березня —
            # Укрінформ.") or a known agency after the day's stop ("Мінськ, 12 лютого.
            # Укрінформ."): the agency says it is a dateline
            text[found.end("place")] == "," and (
                found.group("wire") or any(
                    named is not None and named.casefold() in _AGENCIES
                    for named in (agency, found.group("bracketed"), found.group("slashed"))))):
        return 0
    if agency is not None and not agency.replace(" ", "").replace("-", "").isupper() \
            and agency.casefold() not in _AGENCIES:
        # "KYIV. 9 December. Talks began": the day's stop ends it, not the sentence after
        return found.start("agency")
    return found.end()


def split_sentences(text: str) -> list[tuple[int, int]]:
    """(start, end) of each sentence in `text`."""
    out: list[tuple[int, int]] = []
    start = 0
    opening = stopped_dateline(text)
    for m in _END.finditer(text):
        end = m.end()
        if end <= opening:
            continue
        if m.group(0)[0] == "." and len(m.group(0).rstrip("\"'»”’)")) == 1:
            if _is_abbreviation(text, m.start()):
                continue
            rest = text[end:].lstrip()
            if rest and rest[0].islower():
                continue  # "the U.S. envoy" with an unknown abbreviation; "3 p.m. talks"
            if _ORDINAL_DAY.search(text, 0, m.start()) and (
                    (after := _NEXT_WORD.match(text, end)) is not None
                    and fold(after.group(1)) in _MONTHS_AFTER_ORDINAL):
                continue
        if text[start:end].strip():
            out.append((start, end))
        start = end
    if text[start:].strip():
        out.append((start, len(text)))
    # Leading spaces belong to no sentence.
    trimmed = []
    for s, e in out:
        while s < e and text[s].isspace():
            s += 1
        trimmed.append((s, e))
    return trimmed


@lru_cache(maxsize=65536)
def fold_token(word: str) -> str:
    folded = fold(word)
    return folded if folded.isascii() else folded.translate(_ARABIC_FORMS)


# In ASCII text a token is a run of letters and digits (_TOKEN's class there), its folded
# form the run lower-cased; the pattern's group makes split() return the runs between the
# text around them, so the spans are sums of lengths (no match object per token).
_ASCII_RUNS = re.compile(r"([A-Za-z0-9]+)")
# What the contractions below start with: text without any of them has none to read.
_CONTRACTIONS = ("'t", "’t", "'d", "’d", "'D", "’D")


# A letter or digit outside ASCII: text without one (curly quotes and dashes are no
# letters) has only ASCII runs for tokens.
_NON_ASCII_WORD = re.compile(r"[^\W\x00-\x7f]")


def _ascii_tokens(text: str) -> tuple[tuple[str, ...], tuple[tuple[int, int], ...]]:
    """tokens() of text without a contraction whose letters and digits are all ASCII."""
    if text.isascii():
        parts = _ASCII_RUNS.split(text.lower())
        words = parts[1::2]
    else:  # lower-case the runs only: lower() may lengthen a character that is no letter
        parts = _ASCII_RUNS.split(text)
        words = " ".join(parts[1::2]).lower().split(" ") if len(parts) > 1 else []
    ends = list(accumulate(map(len, parts)))
    return tuple(words), tuple(zip(ends[0::2], ends[1::2], strict=False))


_GROUP, _SPAN = re.Match.group, re.Match.span  # (mapped in C over a sentence's matches)


def tokens(text: str) -> tuple[tuple[str, ...], tuple[tuple[int, int], ...]]:
    """Folded tokens of `text` and their character spans. English "n't" becomes "not" and
    "'d" "would"."""
    if ("'" not in text and "’" not in text) or not any(c in text for c in _CONTRACTIONS):
        # No contraction ("Trump's" is none): each token is its folded word (a lower-cased
        # one in ASCII text), in one pass without the checks below.
        if text.isascii() or _NON_ASCII_WORD.search(text) is None:
            return _ascii_tokens(text)
        found = list(_TOKEN.finditer(text))
        return tuple(map(fold_token, map(_GROUP, found))), tuple(map(_SPAN, found))
    return _read_tokens(text)


def _read_tokens(text: str) -> tuple[tuple[str, ...], tuple[tuple[int, int], ...]]:
    """tokens() of any text, token by token, contractions read (the general path: tokens()
    takes a quicker one to the same result where there is none)."""
    words: list[str] = []
    spans: list[tuple[int, int]] = []
    for m in _TOKEN.finditer(text):
        word = m.group(0)
        if word == "t" and words and m.start() >= 2 and text[m.start() - 1] in "'’" \
                and words[-1].endswith("n"):
            # didn't, won't, can't: the negation is a word of its own
            words[-1] = words[-1][:-1] or words[-1]
            words.append("not")
            spans.append((m.start() - 2, m.end()))
            continue
        if word in ("d", "D") and words and m.start() >= 1 and text[m.start() - 1] in "'’":
            # he'd, they'd: "would" (a plan or a condition), as "'ll" is "will"
            words.append("would")
            spans.append((m.start() - 1, m.end()))
            continue
        words.append(fold_token(word))
        spans.append((m.start(), m.end()))
    return tuple(words), tuple(spans)


@lru_cache(maxsize=2048)
def lexicon_tokens(phrase: str) -> tuple[str, ...]:
    """A lexicon phrase as the tokens it must match. Remembered: the frame reader asks for
    the tokens of each name it reads (a mention's alias) several times an item."""
    return tokens(phrase.translate(_QUOTES))[0]


def folded_words(*words: str) -> frozenset[str]:
    """Words as a sentence's tokens hold them (folded: "zurück" is "zuruck", "إلى" is
    "الي", "прийняв" is "прииняв"), for sets a token is looked up in; a set written with
    the accents would never match. A word that folds into several tokens ("премьер-министр")
    is an error: list its tokens apart."""
    out = set()
    for word in words:
        found = lexicon_tokens(word)
        if len(found) != 1:
            raise ValueError(f"{word!r} is not one token when folded: {found}")
        out.add(found[0])
    return frozenset(out)


def folded_phrases(*phrases: str) -> frozenset[str]:
    """Phrases as a sentence's tokens joined by one space hold them ("a reçu" is "a recu",
    "接见" is "接 见": a Chinese token is one character)."""
    return frozenset(" ".join(lexicon_tokens(phrase)) for phrase in phrases)


_CJK_CHAR = re.compile(f"[{_CJK}]")


def is_cjk(token: str) -> bool:
    return len(token) == 1 and bool(_CJK_CHAR.match(token))


def title_cased(text: str, spans: tuple[tuple[int, int], ...]) -> bool:
    """Most of the words of a sentence start with a capital (a headline in Title Case, or
    one in capitals): there every word looks like a name."""
    words = [text[a] for a, _ in spans if text[a].isalpha()]
    return len(words) >= 3 and sum(w.isupper() for w in words) > 0.6 * len(words)


def has_cjk(text: str) -> bool:
    """Whether `text` holds a Chinese or Japanese character."""
    return _CJK_CHAR.search(text) is not None
