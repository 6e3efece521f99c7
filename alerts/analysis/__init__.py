"""One analysis pass per item: sentences, mentions on the item's date, event frames.

`analyse(item)` is the only place that reads an item's text for meaning. Matching, story
grouping, rendering and `alerts explain` all read the same `Analysis` (remembered for the
last items, so each stage asking about one item gets the object built once).
"""

from __future__ import annotations

import re
import threading
from collections import OrderedDict
from collections.abc import Callable, Sequence
from dataclasses import replace
from datetime import date
from functools import lru_cache
from itertools import accumulate
from typing import TYPE_CHECKING

from alerts.analysis.frames import (
    LABEL_WORDS,
    ORDER,
    SPEECH_WORDS,
    Hit,
    SentenceFrames,
    find_hits,
    headline_group,
    metaphor_of,
    speaker_of,
)
from alerts.analysis.lexicon import SIDE, Lexicon, lexicon
from alerts.analysis.model import (
    FLAGS,
    MODALITIES,
    POSITIONS,
    Analysis,
    EventFrame,
    Evidence,
    Participant,
    Sentence,
)
from alerts.analysis.sentences import (
    folded_words,
    has_cjk,
    is_cjk,
    split_sentences,
    stopped_dateline,
    title_cased,
    tokens,
)
from alerts.fold import fold
from alerts.knowledge.phrases import token_text

if TYPE_CHECKING:
    from alerts.knowledge.base import KnowledgeBase, Mention
    from alerts.models import Item

__all__ = ["FLAGS", "MODALITIES", "POSITIONS", "Analysis", "EventFrame", "Evidence",
           "Participant", "Sentence", "analyse", "analyse_text", "lexicon"]

_RECENT = 512
_cache: OrderedDict[tuple, Analysis] = OrderedDict()
_lock = threading.Lock()


def _token_string(words: tuple[str, ...]) -> tuple[str, list[int]]:
    """The knowledge base's token text (" word word ", Chinese without spaces) and where each
    token starts in it."""
    if not words:
        return "  ", []
    if not has_cjk("".join(words)):  # no Chinese: every word after one space
        return " " + " ".join(words) + " ", list(accumulate(
            (len(w) + 1 for w in words[:-1]), initial=1))
    parts: list[str] = [" "]
    starts: list[int] = []
    length = 1
    for i, w in enumerate(words):
        if i and not (is_cjk(w) and is_cjk(words[i - 1])):
            parts.append(" ")
            length += 1
        starts.append(length)
        parts.append(w)
        length += len(w)
    parts.append(" ")
    return "".join(parts), starts


def _dateline_end(sentence: Sentence) -> int:
    """The token where a report starts after its dateline ("KHARTOUM, Sudan (AP) —",
    "DOHA/JERUSALEM (Reuters) -", "МОСКВА, 29 мар —"), or 0: a place of up to three words
    before a dash, in capitals or followed by the agency in brackets ("Washington (CNN) —")."""
    stopped = stopped_dateline(sentence.text)
    if stopped:
        return next((i for i, (a, _) in enumerate(sentence.spans) if a >= stopped), 0)
    found = _DATELINE.match(sentence.text)
    if found is None:
        return 0
    place = found.group(1).split(",")[0]
    letters = [c for c in place if c.isalpha()]
    capitals = len(letters) >= 3 and all(c.isupper() for c in letters)
    if len(place.split()) > 3 or not (capitals or found.group(2)):
        return 0
    return next((i for i, (a, _) in enumerate(sentence.spans) if a >= found.end()), 0)


# A number of years ago written in digits, which the lexicon's anniversary words cannot
# list (folded text): "vor 25 Jahren", "hace 30 años", "il y a 40 ans", "قبل 25 عاما".
_YEARS_AGO = re.compile(r"\b(?:vor \d+ jahren|hace \d+ anos|il y a \d+ ans)\b"
                        r"|قبل \d+ (?:عاما|عام|سنة|سنوات)")
_DIGIT = re.compile(r"\d")  # a C scan: most sentences hold no digit at all
# A sentence that opens with a date years before the report tells history ("Второго октября
# 1949 года Советский Союз первым признал КНР", "1951年5月21日，中国与巴基斯坦正式建立外交关系",
# "In 1949, the Soviet Union recognised ..."): the words that may stand before its year.
_MONTHS = folded_words(
    "january", "february", "march", "april", "may", "june", "july", "august", "september",
    "october", "november", "december", "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sept",
    "sep", "oct", "nov", "dec", "janvier", "février", "mars", "avril", "mai", "juin", "juillet",
    "août", "septembre", "octobre", "novembre", "décembre", "januar", "jänner", "februar", "märz",
    "juni", "juli", "oktober", "dezember", "enero", "febrero", "marzo", "abril", "mayo", "junio",
    "julio", "agosto", "septiembre", "octubre", "noviembre", "diciembre", "января", "февраля",
    "марта", "апреля", "мая", "июня", "июля", "августа", "сентября", "октября", "ноября",
    "декабря", "січня", "лютого", "березня", "квітня", "травня", "червня", "липня", "серпня",
    "вересня", "жовтня", "листопада", "грудня", "يناير", "فبراير", "مارس", "أبريل", "مايو",
    "يونيو", "يوليو", "أغسطس", "سبتمبر", "أكتوبر", "نوفمبر", "ديسمبر")
_TIME_PREPOSITIONS = folded_words("in", "on", "en", "le", "el", "im", "am", "jahr", "в", "во",
                                  "у", "في", "عام", "سنة", "于", "of", "de", "del", "th", "st",
                                  "nd", "rd", "er")
_YEAR_MARKS = folded_words("年", "года", "году", "г", "року", "році", "р")
DATED_WORDS = 6  # the year of a date that opens a sentence, among its first words


def _dated_long_ago(words: tuple[str, ...], spans: Sequence[tuple[int, int]], body: str,
                    day: date) -> str | None:
    """The date a sentence opens with, when its year is two or more before `day` (not "since
    2016": only words of a date stand before the year)."""
    for i, word in enumerate(words[:DATED_WORDS]):
        if len(word) != 4 or not word.isdigit():
            continue
        if not 1800 <= int(word) <= day.year - 2:
            return None
        before = words[:i]
        dated = all(w in _MONTHS or w in _TIME_PREPOSITIONS or w.isdigit() for w in before) \
            or (len(before) <= 3 and any(w in _MONTHS for w in before))  # "Второго октября"
        if not before:  # the year alone: "1951年5月21日", "1949, ..." (not "2015 nuclear deal")
            after = body[spans[i][1]:spans[i + 1][0]] if i + 1 < len(words) else ""
            dated = "," in after or (i + 1 < len(words) and words[i + 1] in _YEAR_MARKS)
        return body[spans[0][0]:spans[i][1]] if dated else None
    return None


_DATELINE = re.compile(r"\s*([^\W\d_][^()\n]{0,40}?)\s*(\([^()]{1,30}\))?\s+[-—–]{1,2}\s")


def _sentence_mentions(kb: KnowledgeBase, sentence: Sentence, day: date | None,
                       people: Callable[[], frozenset[str]] | None = None
                       ) -> list[tuple[int, int, Mention]]:
    """The sentence's mentions, as (first token, last token, mention): the first of each
    entity, except that one named in a lead's dateline and again in its report is taken
    where the report names it ("WASHINGTON (Reuters) - The United States and Cuba ...").
    `people`: the ids of the people its item names, asked only when the sentence holds an
    ambiguous surname (KnowledgeBase.case_hits)."""
    cut = _dateline_end(sentence)
    if not cut:
        return _mentions_between(kb, sentence, day, 0, len(sentence.tokens), people)
    report = _mentions_between(kb, sentence, day, cut, len(sentence.tokens), people)
    named = {m.entity.id for _, _, m in report}
    place = [found for found in _mentions_between(kb, sentence, day, 0, cut, people)
             if found[2].entity.id not in named]
    return place + report


def _mentions_between(kb: KnowledgeBase, sentence: Sentence, day: date | None, lo: int,
                      hi: int, people: Callable[[], frozenset[str]] | None = None
                      ) -> list[tuple[int, int, Mention]]:
    """The mentions of tokens lo..hi-1, first of each entity, with their token indices."""
    import bisect

    text, starts = _token_string(sentence.tokens[lo:hi])
    spans = sentence.spans[lo:hi]
    # Case aliases ("US", not "us") as written in the sentence, where their tokens start.
    cased = []
    asked: list[frozenset[str]] = []  # the item's people, once asked

    def named() -> frozenset[str]:
        if not asked:
            asked.append(people() if people is not None else frozenset())
        return asked[0]
    for at, alias in kb.case_hits(sentence.text, named if people is not None else None):
        index = next((i for i, (a, _) in enumerate(spans) if a == at), None)
        if index is None:
            continue
        offset = starts[index] - 1 if text[starts[index] - 1] == " " else starts[index]
        if text.startswith(token_text(alias), offset):
            cased.append((offset, alias))
    if people is not None and any(kb.ambiguous_alias(alias) for _, alias in cased):
        named()  # whose the surname is may be whom the item names
    out = []
    for m in kb.mentions(text, day, tuple(cased), asked[0] if asked else frozenset()):
        # A key starts with the space before its first word, or (Chinese) at the character.
        offset = m.start + 1 if text[m.start] == " " else m.start
        index = max(bisect.bisect_right(starts, offset) - 1, 0)
        # The phrase's last token: the first token starting at or after its end.
        end = offset + len(m.alias)
        last = max(bisect.bisect_left(starts, end) - 1, index)
        out.append((index + lo, last + lo, m))
    return out


# Words that link a body's name to its owner ("Consejo de Seguridad de la ONU"): a short form
# neither starts nor ends with one.
_LINKS = {"of", "the", "de", "la", "le", "les", "des", "du", "del", "der", "die", "das", "von",
          "al", "l", "d"}


def _short_forms(item_mentions: tuple[Mention, ...]) -> dict[tuple[str, ...], Mention]:
    """The bare names an item may use for a body it names in full elsewhere: "UN Security
    Council" in the lead makes "Security Council" in the headline the UN's. Only the item's
    own full mentions make them, so Russia's "Security Council" in a Kremlin readout that
    never names the UN stays unresolved. Each short form keeps at least two words and is
    the front or the back of a full name of an organisation or state (not a person)."""
    out: dict[tuple[str, ...], Mention] = {}
    for m in item_mentions:
        if m.entity.kind == "person":
            continue
        for cut in _cuts(m.alias):
            out.setdefault(cut, m)
    return out


@lru_cache(maxsize=4096)
def _cuts(alias: str) -> tuple[tuple[str, ...], ...]:
    """The short forms of one alias, in _short_forms' order (none for a Chinese one): the
    same for every item that names it, so made once."""
    words = tokens(alias)[0]
    if any(is_cjk(w) for w in words):
        return ()
    out = []
    for cut in [words[k:] for k in range(1, len(words))] + \
               [words[:k] for k in range(len(words) - 1, 0, -1)]:
        while cut and cut[-1] in _LINKS:
            cut = cut[:-1]
        if len(cut) >= 2 and cut[0] not in _LINKS:
            out.append(cut)
    return tuple(out)


@lru_cache(maxsize=1)
def _case_aliases_cut(kb: KnowledgeBase) -> bool:
    """Whether a case alias of the knowledge base has short forms (none shipped has)."""
    return any(_cuts(alias) for alias in kb.case_aliases())


def _may_name_short_forms(kb: KnowledgeBase, text: str) -> bool:
    """Whether `text` may name a body by a name that has short forms (_cuts): one of the
    knowledge base's names of a state or organisation found in it has one, or a case alias
    could. Found by the names' scan alone (which the mentions' scan reuses): no mention is
    made."""
    if _case_aliases_cut(kb):
        return True
    entities = kb.entities
    return any(_cuts(alias) for _, _, payloads in kb.name_hits(token_text(text))
               for entity_id, alias, _ in payloads if entities[entity_id].kind != "person")


def _with_short_forms(sentence: Sentence, found: list[tuple[int, int, Mention]],
                      short: dict[tuple[str, ...], Mention]) -> list[tuple[int, int, Mention]]:
    """`found` with the sentence's capitalised short forms of the item's bodies added."""
    if not short:
        return found
    from alerts.knowledge.base import Mention

    taken = {i for first, last, _ in found for i in range(first, last + 1)}
    words = sentence.tokens
    added = []
    for cut, m in short.items():
        n = len(cut)
        for i in range(len(words) - n + 1):
            if words[i:i + n] == cut and not taken & set(range(i, i + n)) \
                    and sentence.text[sentence.spans[i][0]].isupper():
                alias = sentence.text[sentence.spans[i][0]:sentence.spans[i + n - 1][1]]
                added.append((i, i + n - 1, Mention(m.entity, alias, i, "short form")))
                taken |= set(range(i, i + n))
    return sorted(found + added, key=lambda t: t[0])


def _separable_act(lex: Lexicon, words: tuple[str, ...]) -> bool:
    """A German separable verb that is an event on its own, its particle later in the
    sentence ("Scholz rief Putin an"): the frame reader finds it (SentenceFrames._separated)
    though the sentence's phrases hold only its verb."""
    separable = lex.separable
    return any(entry.standalone and particle in words[i + 2:]
               for i, word in enumerate(words) for particle, entry in separable.get(word, ()))


def _sentence(lex: Lexicon, field: str, index: int, text: str, start: int, end: int,
              headline: bool, day: date | None) -> tuple[Sentence, list]:
    words, spans = tokens(text[start:end])
    hits = find_hits(lex, words)
    flags: set[str] = set()
    cues: list[tuple[str, str]] = []
    body = text[start:end]
    for h in hits:
        if h.entry.category == "flag" and h.entry.name in ("anniversary", "reported",
                                                           "preview") \
                and h.entry.name not in flags:
            flags.add(h.entry.name)
            cues.append((h.entry.name, body[spans[h.first][0]:spans[h.last][1]]))
    if "anniversary" not in flags and _DIGIT.search(body):
        ago = _YEARS_AGO.search(fold(body))
        if ago is not None:  # "Vor 25 Jahren schwiegen in Bosnien die Waffen"
            flags.add("anniversary")
            cues.append(("anniversary", ago.group()))
        elif day is not None and (dated := _dated_long_ago(words, spans, body, day)):
            flags.add("anniversary")
            cues.append(("anniversary", dated))
    stripped = body.strip()
    if (stripped.endswith(("?", "؟", "？")) or stripped.startswith("¿")) \
            and not _statement_before_question(body, spans, hits):
        flags.add("question")
        cues.append(("question", stripped[-1]))
    if headline:
        opening = {0, _after_label(body, spans)}
        places = [(h.first, h.last) for h in hits if h.entry.category == "place"]
        opinion = next((h for h in hits if h.entry.category == "flag"
                        and not any(a <= h.first and h.last <= b for a, b in places)
                        and (h.entry.name == "opinion"
                             or (h.entry.name == "opinion_openers" and h.first in opening
                                 and not _acronym(body, spans[h.first])))), None)
        if opinion is not None:
            flags.add("opinion")
            cues.append(("opinion", body[spans[opinion.first][0]:spans[opinion.last][1]]))
        market = next((h for h in hits if h.entry.category == "flag"
                       and h.entry.name == "market" and h.first in opening), None)
        if market is not None:  # "Oil slips as Trump-Putin call lifts hopes": a market report
            flags.add("backdrop")
            cues.append(("backdrop", body[spans[market.first][0]:spans[market.last][1]]
                         + ": a market report"))
        # "Henry Kissinger, Who Negotiated the Vietnam Cease-Fire, Dies at 100", "Mort de
        # Jimmy Carter, ...": an obituary retells a life, whose events are its backdrop
        obituary = next((h for h in hits if h.entry.category == "flag"
                         and h.entry.name == "obituary"
                         and (h.first in opening or _ends_with_age(words, h.last))), None)
        if obituary is not None and "backdrop" not in flags:
            flags.add("backdrop")
            cues.append(("backdrop", body[spans[obituary.first][0]:spans[obituary.last][1]]
                         + ": an obituary"))
    position = "headline" if field == "title" else ("lead" if index == 0 else "body")
    return Sentence(field, index, position, body, words, spans, frozenset(flags),
                    tuple(cues)), hits


def _ends_with_age(words: Sequence[str], last: int) -> bool:
    """Nothing after token `last` but the age: "dies at 100", "stirbt mit 100 Jahren",
    "逝世 享年100岁" (a few words, one a number; not "agree ceasefire after hostage dies")."""
    rest = words[last + 1:]
    return 0 < len(rest) <= 4 and any(w.isdigit() for w in rest)


def _statement_before_question(text: str, spans: Sequence[tuple[int, int]],
                               hits: Sequence[Hit]) -> bool:
    """A statement before a colon, the question after it about no event: "Arranca el cese al
    fuego con el ELN: ¿qué se puede esperar?" reports the truce taking effect and asks what
    comes next."""
    colon = max(text.rfind(":"), text.rfind("："))
    if colon <= 0 or any(mark in text[:colon] for mark in "?؟？¿"):
        return False
    # (a statement: an event and its act before the colon; "Nato Summit: Did Trudeau
    # forget ...?" is a label and its question)
    events = [h for h in hits if h.entry.category == "noun"]
    return any(spans[h.last][1] <= colon for h in events) \
        and any(h.entry.category == "act" and spans[h.last][1] <= colon for h in hits) \
        and not any(spans[h.first][0] > colon for h in events)


def _after_label(text: str, spans: Sequence[tuple[int, int]]) -> int:
    """The first word after a headline's short label and its colon ("Three years of war: how
    Ukraine's ceasefire hopes rose and fell"), 0 when there is none."""
    for i in range(1, min(len(spans), LABEL_WORDS + 1)):
        if ":" in text[spans[i - 1][1]:spans[i][0]]:
            return i
    return 0


def _acronym(text: str, span: tuple[int, int]) -> bool:
    """A word in capitals in a headline that is not all capitals: an acronym ("WHO chief
    pleads for ceasefire" is the World Health Organization's, no question "who")."""
    word = text[span[0]:span[1]]
    return len(word) > 1 and word.isupper() and not text.isupper()


def analyse_text(title: str, summary: str, day: date | None,
                 kb: KnowledgeBase | Callable[[], KnowledgeBase] | None = None) -> Analysis:
    """The analysis of a headline and summary on `day` (the knowledge base's date)."""
    base = _knowledge(kb)
    key = (title, summary, day, id(base))
    with _lock:
        found = _cache.get(key)
        if found is not None:
            _cache.move_to_end(key)
            return found
    result = _analyse(title, summary, day, base)
    with _lock:
        _cache[key] = result
        if len(_cache) > _RECENT:
            _cache.popitem(last=False)
    return result


def remember(title: str, summary: str, day: date | None, analysis: Analysis) -> None:
    """Keep `analysis`, made elsewhere (alerts.analysis.ahead), as analyse_text(title,
    summary, day) would have kept it here with the knowledge base in use: every stage that
    asks for it then reads it as if made here."""
    key = (title, summary, day, id(_knowledge(None)))
    with _lock:
        _cache[key] = analysis
        _cache.move_to_end(key)
        if len(_cache) > _RECENT:
            _cache.popitem(last=False)


def item_mentions_of(title: str, summary: str, day: date | None,
                     kb: KnowledgeBase | Callable[[], KnowledgeBase] | None = None
                     ) -> tuple[Mention, ...]:
    """An item's mentions (Analysis.mentions), read from the knowledge base."""
    return tuple(_knowledge(kb).text_mentions(f"{title} . {summary}", day))


@lru_cache(maxsize=1)
def _knowledge_base() -> Callable[[], KnowledgeBase]:
    """alerts.knowledge.base.knowledge_base, imported at the first analysis (an import
    statement in _knowledge would run the import machinery and the package's __getattr__
    at every call, about 8 µs, for every stage that asks for an item's analysis)."""
    from alerts.knowledge.base import knowledge_base

    return knowledge_base


def _knowledge(kb: KnowledgeBase | Callable[[], KnowledgeBase] | None) -> KnowledgeBase:
    if kb is None:
        return _knowledge_base()()
    if callable(kb) and not hasattr(kb, "mentions"):
        return kb()
    return kb  # type: ignore[return-value]


def _orders_explained(frames: list[EventFrame]) -> list[EventFrame]:
    """The lead tells whose fighters a headline's call is addressed to: "Al-Sadr calls on
    militia to stop fighting" over "al-Sadr called for his followers to end fighting" is his
    order to his own forces (a ceasefire declared), not a call on another side. A headline
    call naming a demander the lead's order does not name stays a call."""
    orders = [f for f in frames if f.type == "ceasefire" and f.position == "lead"
              and f.status == "agreed" and any(e.words.endswith(ORDER) for e in f.evidence)]
    if not orders:
        return frames
    order = orders[0]
    ordered_by = {p.entity_id for p in order.participants}
    out = []
    for f in frames:
        callers = {p.entity_id for p in f.participants if p.role == "demander"}
        if f.type == "ceasefire" and f.position == "headline" and f.status == "called-for" \
                and callers <= ordered_by:
            said = Evidence("status", "the lead: " + next(
                e.words for e in order.evidence if e.words.endswith(ORDER)))
            # The order is the status the explanation names first.
            at = next((k for k, e in enumerate(f.evidence) if e.part == "status"),
                      len(f.evidence))
            f = replace(f, status="agreed",
                        evidence=(*f.evidence[:at], said, *f.evidence[at:]))
        out.append(f)
    return out


def _anniversaries_restated(frames: list[EventFrame]) -> list[EventFrame]:
    """A headline that marks an anniversary of an act ("Ukraine marks the anniversary of
    severing relations with Russia") makes the summary's telling of the same act ("A year
    ago, Ukraine severed relations") the old event the anniversary is of, not news."""
    old = {(f.type, f.status): f for f in frames if f.position == "headline" and f.status
           and "anniversary" in f.flags}
    if not old:
        return frames
    out = []
    for f in frames:
        marked = old.get((f.type, f.status))
        if marked is not None and f.position != "headline" and "anniversary" not in f.flags:
            said = Evidence("flag", "anniversary (the headline's: "
                                    f"'{marked.words('event')}', {f.status})")
            f = replace(f, flags=f.flags | {"anniversary"}, evidence=(*f.evidence, said))
        out.append(f)
    return out


# A truce's end the headline reports, and the starts it makes history of.
_TRUCE_ENDS = ("collapsed", "violated")
_TRUCE_STARTS = ("agreed", "took-effect", "extended")


def _ends_restated(frames: list[EventFrame]) -> list[EventFrame]:
    """A headline that reports only a truce's end ("Latest Croatian truce collapses within
    hours", "Chechen truce in tatters") makes the summary's telling of how that truce was
    agreed ("shattering a ceasefire agreed only the day before", "burying the ceasefire
    signed in May") its history, not news. A headline that also tells of a truce made
    ("Truce collapses, rivals agree new ceasefire") leaves the summary as it is."""
    headline = [f for f in frames if f.type == "ceasefire" and f.position == "headline"
                and f.modality == "happened" and f.status]
    ended = next((f for f in headline if f.status in _TRUCE_ENDS), None)
    if ended is None or any(f.status in _TRUCE_STARTS for f in headline):
        return frames
    out = []
    for f in frames:
        if f.type == "ceasefire" and f.position != "headline" and f.status in _TRUCE_STARTS \
                and "backdrop" not in f.flags:
            said = Evidence("flag", "backdrop (the headline's news is its end: "
                                    f"'{ended.words('event')}' '{ended.words('status')}')")
            f = replace(f, flags=f.flags | {"backdrop"}, evidence=(*f.evidence, said))
        out.append(f)
    return out


# The words of stopped fire, fighting or hostilities in a ceasefire's noun: a war's, whoever
# is named (see _truces_of_no_war)
_FIRE = re.compile(r"fire|feu|fuego|feuer|waffen|огон|огн|вогн|вогон|النار|火|fogo|hostil|military|"
                   r"militar|combat|fighting|kampf|боев|бойов|военн|воєнн|القتال|العسكري|العدائي|"
                   r"敌对|战斗|军事")
# Hits that name a side, a place or the conflict of a war (see _truces_of_no_war)
_SIDES_OF_WAR = frozenset({"armed_party", "war_context"})


def _stops_fire(frame: EventFrame) -> bool:
    """The ceasefire's noun says fire, fighting or hostilities stop ("alto el fuego")."""
    return _FIRE.search(frame.words("event").casefold()) is not None


def _names_someone(sentence: Sentence) -> bool:
    """The sentence names someone by a capitalised word inside it (not its first word, nor
    any word of a sentence written in Title Case or capitals): "Wildberries и Ozon ...". A
    sentence that names no one ("Leaders call for a truce") says nothing of whose truce."""
    text, spans = sentence.text, sentence.spans
    return len(spans) >= 3 and not title_cased(text, spans) \
        and any(text[a].isupper() for a, _ in spans[1:])


def _truces_of_no_war(frames: list[EventFrame]) -> list[EventFrame]:
    """The item's truces are no war's when it names someone, but no state, person or body, no
    armed side and no place of a war, and its truce stops no fire (the caller checks):
    "Wildberries и Ozon объявили перемирие в войне за продавцов", studios and cinema chains
    that "announced a truce over exclusive release windows" in a quote naming Hollywood."""
    said = Evidence("flag", "metaphor (a truce of parties that are no state, person, armed "
                            "side or place of a war)")
    return [replace(f, flags=f.flags | {"metaphor"}, evidence=(*f.evidence, said))
            if f.type == "ceasefire" and not _stops_fire(f) else f for f in frames]


def _states(mentions: tuple[Mention, ...], day: date | None) -> frozenset[str]:
    """The countries an item names, and those of the people it names, on its date."""
    out = set()
    for m in mentions:
        if m.entity.kind == "country":
            out.add(m.entity.id)
        elif m.entity.kind == "person":
            role = m.entity.role_at(day)
            if role is not None and role.country:
                out.add(role.country)
    return frozenset(out)


def _analyse(title: str, summary: str, day: date | None,
             kb_source: KnowledgeBase | Callable[[], KnowledgeBase] | None) -> Analysis:
    lex = lexicon()
    sentences: list[Sentence] = []
    hits_of: list[list] = []
    for s, e in split_sentences(title) or [(0, 0)]:
        sentence, hits = _sentence(lex, "title", len(sentences), title, s, e, True, day)
        sentences.append(sentence)
        hits_of.append(hits)
    headline_count = len(sentences)
    summary_sentences = split_sentences(summary)  # read once: the lead is the first
    for index, (s, e) in enumerate(summary_sentences):
        sentence, hits = _sentence(lex, "summary", index, summary, s, e, False, day)
        sentences.append(sentence)
        hits_of.append(hits)
    item_flags = frozenset(f for s in sentences[:headline_count] for f in s.flags
                           if f in ("opinion", "question")) | frozenset(
        # a market report's or an obituary's events: the headline's backdrop cue
        "backdrop" for s in sentences[:headline_count] for name, _ in s.cues if name == "backdrop")
    # Generic talks are peace talks when the item says what they are for.
    purposes: dict[str, str] = {}
    for sentence, hits in zip(sentences, hits_of, strict=True):
        # (not a truce of trade: "vereinbaren Waffenstillstand im Handelsstreit" gives no
        # purpose to "solange verhandelt wird")
        disputes = [m for m in hits if m.entry.category in ("metaphor", "domain",
                                                             "domain_label")]
        # (nor a headline labelled by a dispute: "Asylstreit: Merkel und Seehofer schließen
        # Waffenstillstand")
        colon = sentence.text.find(":") if sentence.position == "headline" else -1
        labelled = colon >= 0 and any(sentence.spans[m.last][1] <= colon for m in disputes)
        # (nor a war named as the time since which: "first visit to Russia since Ukraine
        # war began" says when, not what talks are about)
        since = {k for b in hits if b.entry.category == "backdrop_clause"
                 for k in range(b.last + 1, b.last + 4)}
        for h in hits:
            if h.entry.category == "purpose" and not labelled and h.first not in since \
                    and not any(metaphor_of(h, m, sentence.tokens) for m in disputes):
                # A purpose of a war's sides that is not its end is kept apart (see SIDE).
                key = h.entry.type if h.entry.name != SIDE else f"{h.entry.type}/{SIDE}"
                purposes.setdefault(key, sentence.quote(h.first, h.last))
    kb: KnowledgeBase | None = None
    item_mentions: tuple[Mention, ...] | None = None
    short: dict[tuple[str, ...], Mention] | None = None

    def read_mentions() -> tuple[Mention, ...]:
        nonlocal item_mentions
        if item_mentions is None:
            item_mentions = item_mentions_of(title, summary, day, kb_source)
        return item_mentions

    def people() -> frozenset[str]:
        """Whom the item names: an ambiguous surname elsewhere in it stands for them. One
        named only by such a surname is left out when the item names another of that surname
        in full ("Clinton meets Kim" over "Former President Bill Clinton met ...": not
        Hillary Clinton, whom the surname alone would name in 2009)."""
        named = [m for m in read_mentions() if m.entity.kind == "person"]
        base = _knowledge(kb_source)
        in_full = {m.entity.id for m in named if not base.ambiguous_alias(m.alias)}
        return frozenset(m.entity.id for m in named if m.entity.id in in_full or (
            base.named_surname(m.alias, in_full) or m.entity) is m.entity)
    frames: list[EventFrame] = []
    speaker = None  # who says "I" in the summary, when the headline names them
    states: list[frozenset[str]] = []  # the states the news names (people: theirs), once

    def news_states() -> frozenset[str]:
        if not states:
            lead = next(iter(summary_sentences), (0, 0))
            assert kb is not None
            states.append(_states(tuple(kb.text_mentions(
                f"{title} . {summary[lead[0]:lead[1]]}", day)), day))
        return states[0]

    if any(not SPEECH_WORDS.isdisjoint(s.tokens) for s in sentences[:headline_count]):
        kb = _knowledge(kb_source)
        for sentence in sentences[:headline_count]:
            named = [(i, m) for i, _, m in _sentence_mentions(kb, sentence, day, people)]
            speaker = speaker or speaker_of(sentence, named)
    for number, (sentence, hits) in enumerate(zip(sentences, hits_of, strict=True)):
        if not any(h.entry.category == "noun" or (h.entry.category == "act" and (
                h.entry.standalone or h.entry.names_state)) for h in hits) \
                and not _separable_act(lex, sentence.tokens):
            continue
        if kb is None:
            kb = _knowledge(kb_source)
        if short is None:
            # Short forms come from the item's full names of bodies: read its mentions only
            # when its text holds such a name (most items' are then never read).
            short = _short_forms(read_mentions()) if _may_name_short_forms(
                kb, f"{title} . {summary}") else {}
        found = _with_short_forms(sentence, _sentence_mentions(kb, sentence, day, people),
                                  short)
        # "the US President's national security adviser" is not the president: a possessive
        # names whose someone is, not who took part.
        possessive = {last for _, last, _ in found if last + 1 < len(sentence.tokens)
                      and sentence.tokens[last + 1] == "s"
                      and sentence.text[sentence.spans[last][1]:
                                        sentence.spans[last + 1][0]] in ("'", "’")}
        # Before a contact noun it names who took part: "Trump's call with Putin",
        # "Readout of President Trump's Call with President Putin", "Biden's visit to Kyiv"
        # (at most one word between: not "Trump's envoy met Putin", a verb, nor "Trump's
        # envoy's visit", nor "Zelensky's office says meeting").
        contact = {h.first for h in hits if h.entry.type == "contact"
                   and h.entry.category == "noun"}
        mentions = [(i, m) for i, last, m in found if last not in possessive
                    or m.entity.kind == "country"
                    or any(last + 2 <= k <= last + 3 and "s" not in sentence.tokens[last + 2:k]
                           for k in contact)]
        antecedents = None
        if number == headline_count and any(h.entry.category == "anaphor" for h in hits):
            # "The leaders met ..." in the lead: whom the headline names together.
            antecedents = headline_group(
                [(s.tokens, [(i, m) for i, _, m in _with_short_forms(
                    s, _sentence_mentions(kb, s, day, people), short)])
                 for s in sentences[:headline_count]], day)
        frames.extend(SentenceFrames(lex, sentence, number, day, mentions, kb, item_flags,
                                     purposes, {i for i, last, _ in found
                                                if last in possessive}, hits,
                                     speaker if number >= headline_count else None,
                                     news_states, antecedents).frames())
    frames = _orders_explained(frames)
    frames = _anniversaries_restated(frames)
    frames = _ends_restated(frames)
    if any(f.type == "ceasefire" and f.status and not _stops_fire(f) for f in frames) \
            and not any(h.entry.category in _SIDES_OF_WAR for hits in hits_of for h in hits) \
            and any(_names_someone(s) for s in sentences) and not read_mentions():
        frames = _truces_of_no_war(frames)
    return Analysis(day, fold(title), fold(summary), tuple(sentences),
                    item_mentions if item_mentions is not None else read_mentions,
                    tuple(frames), item_flags)


def analyse(item: Item, day: date | None = None,
            kb: KnowledgeBase | Callable[[], KnowledgeBase] | None = None) -> Analysis:
    """The item's analysis on its publication date (or `day` when it has none)."""
    when = item.published.date() if item.published else day
    return analyse_text(item.title, item.summary, when, kb)
