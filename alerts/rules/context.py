"""What conditions evaluate against: one item, its folded fields, mentions and history."""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from datetime import UTC, date, datetime
from itertools import combinations
from typing import TYPE_CHECKING

from alerts.models import Item
from alerts.rules.history import HistoryView
from alerts.rules.text import FieldText

if TYPE_CHECKING:
    from alerts.analysis import Analysis, EventFrame
    from alerts.knowledge.base import Contact, EventMention, KnowledgeBase, Mention
    from alerts.knowledge.gaps import StatedGap

FIELDS = ("title", "summary", "content", "lead", "link", "feed", "tags", "language", "author",
          "categories")
_FIRST_SENTENCE = re.compile(r"^(.*?[.!?;。؟])(?:\s|$)", re.S)


def _union(hits: dict[str, dict[str, int]], fields: tuple[str, ...]) -> set[str] | None:
    seen: set[str] = set()
    last = None
    for name in fields:
        scanned = hits.get(name)
        if scanned is None:
            return None
        if scanned is not last:  # content without a full text is the summary's dict
            seen.update(scanned)
            last = scanned
    return seen


def lead_of(title: str, summary: str) -> str:
    """The headline and the summary's first sentence: where a report says what happened;
    what follows is often background ("...since the truce took effect in January")."""
    m = _FIRST_SENTENCE.match(summary)
    first = m.group(1) if m else summary
    return f"{title}. {first}" if first else title


def _original(item: Item, name: str) -> str:
    """A field's text as written. Only the one asked for is made: the prefilter reads the
    title and the summary, and the lead takes a regular expression over the summary."""
    match name:
        case "title":
            return item.title
        case "summary":
            return item.summary
        case "content":
            return item.content  # the full text (MatchContext.field: without one, the summary)
        case "lead":
            return lead_of(item.title, item.summary)
        case "link":
            return item.link or ""
        case "feed":
            return item.feed_name
        case "tags":
            return " ".join(item.feed_tags)
        case "language":
            return item.language or ""
        case "author":
            return item.author
        case "categories":
            # "; " ends a sentence for `near: within: sentence` between two categories.
            return "; ".join(item.categories)
    raise KeyError(name)


# Where terms, near and regex look without `in:`: the full text too, so that words only in an
# article's body (content:encoded) are found; `lead` stays the headline and first sentence.
DEFAULT_FIELDS = ("title", "summary", "content")


# Talks that are contact between their parties: begun, held or resumed.
TALKS_HELD = frozenset({"begin", "held", "resume"})


@dataclass(frozen=True)
class Evidence:
    """One reason a condition held: a quote and where it was, or a plain note."""

    found: str
    where: str = ""
    quote: bool = True

    def __str__(self) -> str:
        if not self.quote:
            return self.found
        return f"'{self.found}' ({self.where})" if self.where else f"'{self.found}'"


@dataclass
class MatchContext:
    """An item's fields, folded once and shared by every rule evaluated on it."""

    item: Item
    now: datetime = field(default_factory=lambda: datetime.now(UTC))
    history: HistoryView | None = None
    record: bool = True  # False for `alerts explain`: look at history, never change it
    rule_id: str = ""  # set by the engine before each rule
    knowledge: Callable[[], KnowledgeBase] | None = None
    _fields: dict[str, FieldText] = field(default_factory=dict)
    # Offsets of every rule term in each field, from one automaton pass (see RuleSet).
    term_hits: dict[str, dict[str, int]] | None = None
    # seen_terms' answers for the term_hits they were read from.
    _seen: dict[tuple[str, ...], set[str] | None] = field(default_factory=dict)
    _seen_in: dict[str, dict[str, int]] | None = None
    _mentions: list[Mention] | None = None
    _events: list[EventMention] | None = None
    _contact: Contact | bool | None = False
    _analysis: Analysis | None = None
    # The frames an `event:` condition of the rule being evaluated accepted: history keys
    # (who made contact with whom) come from them rather than from every name in the text.
    frames: list[EventFrame] | None = None
    # The day the text is about when the item has none (`alerts explain --date`).
    text_day: date | None = None

    def field(self, name: str) -> FieldText:
        """A field's text as written, folded and as tokens, computed once per item."""
        if name == "content" and not self.item.content:
            name = "summary"  # no full text beyond the summary: one text, folded once
        cached = self._fields.get(name)
        if cached is None:
            cached = self._fields[name] = FieldText(_original(self.item, name))
        return cached

    def seen_terms(self, fields: tuple[str, ...]) -> set[str] | None:
        """Every term key the automaton found in any of these fields, worked out once per
        item and tuple of fields; None when there are no hits or a field was not scanned
        (then nothing can be told from them)."""
        hits = self.term_hits
        if hits is None:
            return None
        if self._seen_in is not hits:
            self._seen, self._seen_in = {}, hits
        try:
            return self._seen[fields]
        except KeyError:
            pass
        self._seen[fields] = seen = _union(hits, fields)
        return seen

    @property
    def day(self) -> date:
        if self.item.published is None and self.text_day is not None:
            return self.text_day
        return (self.item.published or self.now).date()

    @property
    def when(self) -> datetime:
        """When the reported events happened, for history: the publication time (or the
        date the user gave), never the moment of matching."""
        if self.item.published is not None:
            return self.item.published
        if self.text_day is not None:
            return datetime(self.text_day.year, self.text_day.month, self.text_day.day,
                            tzinfo=UTC)
        return self.now

    def analysis(self) -> Analysis:
        """The item's one analysis pass (sentences, mentions, event frames)."""
        if self._analysis is None:
            from alerts.analysis import analyse_text

            self._analysis = analyse_text(self.item.title, self.item.summary, self.day,
                                          self.knowledge)
        return self._analysis

    def _kb(self) -> KnowledgeBase:
        if self.knowledge is None:
            from alerts.knowledge import knowledge_base

            self.knowledge = knowledge_base
        return self.knowledge()

    def _tokens(self) -> str:
        from alerts.knowledge.phrases import token_text

        return token_text(f"{self.item.title} . {self.item.summary}")

    def mentions(self) -> list[Mention]:
        if self._mentions is None:
            self._mentions = list(self.analysis().mentions)
        return self._mentions

    def events(self) -> list[EventMention]:
        if self._events is None:
            self._events = self._kb().event_mentions(self._tokens(), asserted_only=True)
        return self._events

    def contact(self) -> Contact | None:
        if self._contact is False:
            self._contact = self._kb().contact(self._tokens(), self.day)
        return self._contact  # type: ignore[return-value]

    def _contact_text(self) -> str:
        """The sentences that report a contact that happened, talks that began, were held or
        resumed among them ("Netanyahu and Abbas launch first direct peace talks in 20
        months"): where a stated gap counts ("first time since 2019" elsewhere in the item
        may be about anything, a first visit to a museum, a first rate cut)."""
        analysis = self.analysis()
        said = sorted({f.sentence for f in analysis.frames if f.modality == "happened" and (
            f.type == "contact" or (f.type == "peace-talks" and f.status in TALKS_HELD))})
        return " ".join(analysis.sentences[i].text.rstrip(".") + "." for i in said)

    def undated_gaps(self) -> list[str]:
        """Gaps the contact sentences state from something undated (gaps.undated_gaps)."""
        from alerts.knowledge.gaps import undated_gaps

        text = self._contact_text()
        return undated_gaps(text, self.day) if text else []

    def stated_gaps(self) -> list[StatedGap]:
        from alerts.knowledge.gaps import stated_gaps

        analysis = self.analysis()
        text = self._contact_text()
        if not text:
            return []
        said = sorted({f.sentence for f in analysis.frames if f.modality == "happened" and (
            f.type == "contact" or (f.type == "peace-talks" and f.status in TALKS_HELD))})
        # "We haven't spoken to him in two years" is a denied contact that states the gap.
        denied = sorted({f.sentence for f in analysis.frames if f.type == "contact"
                         and f.modality == "denied"} - set(said))
        negated = " ".join(analysis.sentences[i].text.rstrip(".") + "." for i in denied)
        return stated_gaps(text, self.day) + [g for g in stated_gaps(negated, self.day)
                                              if g.kind == "not-since"]

    def keys(self, kind: str) -> list[tuple[str, str]]:
        """(history key, how to say it) for a key kind; empty when the item has none."""
        if kind == "rule":
            return [("*", "this rule")]
        if kind == "feed":
            return [(self.item.feed_url, self.item.feed_name)]
        if kind == "people" and self.frames:
            pairs: dict[str, str] = {}
            for frame in self.frames:
                for a, b in frame.pairs:
                    first, second = sorted((a, b), key=lambda p: p.entity_id)
                    pairs.setdefault(f"{first.entity_id}+{second.entity_id}",
                                     f"{first.name} and {second.name}")
            if pairs:
                return list(pairs.items())
        wanted = {"people": "person", "countries": "country"}.get(kind)
        mentioned = [m.entity for m in self.mentions()
                     if wanted is None or m.entity.kind == wanted]
        if kind == "entities":
            if not mentioned:
                return []
            ids = sorted({e.id for e in mentioned})
            return [("+".join(ids), ", ".join(e.name for e in mentioned))]
        unique = {e.id: e for e in mentioned}
        couples: Iterable[tuple[str, str]] = combinations(sorted(unique), 2)
        if kind == "people":
            # Diplomacy is between states: two members of one government are not a pair.
            def country(entity_id: str) -> str:
                role = unique[entity_id].role_at(self.day)
                return role.country if role else entity_id
            couples = ((a, b) for a, b in couples if country(a) != country(b))
        return [(f"{a}+{b}", f"{unique[a].name} and {unique[b].name}") for a, b in couples]
