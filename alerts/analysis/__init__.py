"""One analysis pass per item: sentences, mentions on the item's date, event frames.

`analyse(item)` is the only place that reads an item's text for meaning. Matching, story
grouping, rendering and `alerts explain` all read the same `Analysis` (remembered for the
last items, so each stage asking about one item gets the object built once).
"""

from __future__ import annotations

import threading
from collections import OrderedDict
from collections.abc import Callable
from datetime import date
from typing import TYPE_CHECKING

from alerts.analysis.frames import SPEECH_WORDS, SentenceFrames, find_hits, speaker_of
from alerts.analysis.lexicon import Lexicon, lexicon
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
from alerts.analysis.sentences import is_cjk, split_sentences, tokens
from alerts.fold import fold

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


def _sentence_mentions(kb: KnowledgeBase, words: tuple[str, ...], day: date | None
                       ) -> list[tuple[int, int, Mention]]:
    import bisect

    text, starts = _token_string(words)
    out = []
    for m in kb.mentions(text, day):
        # A key starts with the space before its first word, or (Chinese) at the character.
        offset = m.start + 1 if text[m.start] == " " else m.start
        index = max(bisect.bisect_right(starts, offset) - 1, 0)
        # The phrase's last token: the first token starting at or after its end.
        end = offset + len(m.alias)
        last = max(bisect.bisect_left(starts, end) - 1, index)
        out.append((index, last, m))
    return out


def _sentence(lex: Lexicon, field: str, index: int, text: str, start: int, end: int,
              headline: bool) -> tuple[Sentence, list]:
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
    stripped = body.strip()
    if stripped.endswith(("?", "؟", "？")) or stripped.startswith("¿"):
        flags.add("question")
        cues.append(("question", stripped[-1]))
    if headline:
        opinion = next((h for h in hits if h.entry.category == "flag"
                        and (h.entry.name == "opinion"
                             or (h.entry.name == "opinion_openers" and h.first == 0))), None)
        if opinion is not None:
            flags.add("opinion")
            cues.append(("opinion", body[spans[opinion.first][0]:spans[opinion.last][1]]))
    position = "headline" if field == "title" else ("lead" if index == 0 else "body")
    return Sentence(field, index, position, body, words, spans, frozenset(flags),
                    tuple(cues)), hits


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


def _knowledge(kb: KnowledgeBase | Callable[[], KnowledgeBase] | None) -> KnowledgeBase:
    if kb is None:
        from alerts.knowledge import knowledge_base

        return knowledge_base()
    if callable(kb) and not hasattr(kb, "mentions"):
        return kb()
    return kb  # type: ignore[return-value]


def _analyse(title: str, summary: str, day: date | None,
             kb_source: KnowledgeBase | Callable[[], KnowledgeBase] | None) -> Analysis:
    lex = lexicon()
    sentences: list[Sentence] = []
    hits_of: list[list] = []
    for s, e in split_sentences(title) or [(0, 0)]:
        sentence, hits = _sentence(lex, "title", len(sentences), title, s, e, True)
        sentences.append(sentence)
        hits_of.append(hits)
    headline_count = len(sentences)
    for index, (s, e) in enumerate(split_sentences(summary)):
        sentence, hits = _sentence(lex, "summary", index, summary, s, e, False)
        sentences.append(sentence)
        hits_of.append(hits)
    item_flags = frozenset(f for s in sentences[:headline_count] for f in s.flags
                           if f in ("opinion", "question"))
    # Generic talks are peace talks when the item says what they are for.
    purposes: dict[str, str] = {}
    for sentence, hits in zip(sentences, hits_of, strict=True):
        for h in hits:
            if h.entry.category == "purpose":
                purposes.setdefault(h.entry.type, sentence.quote(h.first, h.last))
    kb: KnowledgeBase | None = None
    frames: list[EventFrame] = []
    speaker = None  # who says "I" in the summary, when the headline names them
    if any(w in SPEECH_WORDS for s in sentences[:headline_count] for w in s.tokens):
        kb = _knowledge(kb_source)
        for sentence in sentences[:headline_count]:
            named = [(i, m) for i, _, m in _sentence_mentions(kb, sentence.tokens, day)]
            speaker = speaker or speaker_of(sentence, named)
    for number, (sentence, hits) in enumerate(zip(sentences, hits_of, strict=True)):
        if not any(h.entry.category == "noun" or (h.entry.category == "act"
                                                  and h.entry.standalone) for h in hits):
            continue
        if kb is None:
            kb = _knowledge(kb_source)
        found = _sentence_mentions(kb, sentence.tokens, day)
        # "the US President's national security adviser" is not the president: a possessive
        # names whose someone is, not who took part.
        possessive = {last for _, last, _ in found if last + 1 < len(sentence.tokens)
                      and sentence.tokens[last + 1] == "s"
                      and sentence.text[sentence.spans[last][1]:
                                        sentence.spans[last + 1][0]] in ("'", "’")}
        mentions = [(i, m) for i, last, m in found if last not in possessive
                    or m.entity.kind == "country"]
        frames.extend(SentenceFrames(lex, sentence, number, day, mentions, kb, item_flags,
                                     purposes, {i for i, last, _ in found
                                                if last in possessive}, hits,
                                     speaker if number >= headline_count else None).frames())
    from alerts.knowledge.phrases import token_text

    if kb is None:
        kb = _knowledge(kb_source)
    item_mentions = tuple(kb.mentions(token_text(f"{title} . {summary}"), day))
    return Analysis(day, fold(title), fold(summary), tuple(sentences), item_mentions,
                    tuple(frames), item_flags)


def analyse(item: Item, day: date | None = None,
            kb: KnowledgeBase | Callable[[], KnowledgeBase] | None = None) -> Analysis:
    """The item's analysis on its publication date (or `day` when it has none)."""
    when = item.published.date() if item.published else day
    return analyse_text(item.title, item.summary, when, kb)
