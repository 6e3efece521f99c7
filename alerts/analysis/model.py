"""What one analysis pass finds in an item: plain, frozen data read by every later stage."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from alerts.knowledge.base import Mention

POSITIONS = ("headline", "lead", "body")
MODALITIES = ("happened", "happening", "planned", "hypothetical", "denied", "refused",
              "demanded")
# Sentence flags, then the flags a frame adds from the words around its event noun.
SENTENCE_FLAGS = ("question", "opinion", "reported", "preview", "anniversary")
FRAME_FLAGS = ("backdrop", "metaphor")
FLAGS = SENTENCE_FLAGS + FRAME_FLAGS


@dataclass(frozen=True)
class Sentence:
    """One sentence of the headline or the summary, as written and as folded tokens."""

    field: str  # "title" | "summary"
    index: int  # within its field
    position: str  # "headline" | "lead" | "body"
    text: str  # as written
    tokens: tuple[str, ...]  # folded words (a Chinese character is a word of its own)
    spans: tuple[tuple[int, int], ...]  # each token's characters in `text`
    flags: frozenset[str] = frozenset()
    cues: tuple[tuple[str, str], ...] = ()  # (flag, the words that set it)

    def where(self) -> str:
        if self.position == "body":
            return f"sentence {self.index + 1} of the summary"
        return "the headline" if self.position == "headline" else "the first sentence"

    def quote(self, first: int, last: int) -> str:
        """Tokens first..last as written."""
        return self.text[self.spans[first][0]:self.spans[last][1]]


@dataclass(frozen=True)
class Participant:
    entity_id: str
    name: str
    kind: str  # "person" | "country" | ...
    role: str  # caller, called, host, visitor, parties, demander, actor, target
    alias: str  # the words of the text that named it
    description: str  # "Emmanuel Macron, President of France" on the item's date
    country: str  # the state a person served on that date ("" when unknown)


@dataclass(frozen=True)
class Evidence:
    part: str  # "event", "status", "modality", "participant", "flag"
    words: str  # as written

    def __str__(self) -> str:
        return f"{self.part}: '{self.words}'"


@dataclass(frozen=True)
class EventFrame:
    """One event a sentence reports: what, what became of it, who, whether, when, where."""

    type: str  # contact, ceasefire, peace-talks, relations
    status: str  # the act: agreed, took-effect, call, severed... ("" when none is said)
    kind: str  # the kind of the event noun (embassy, call, generic...) or the act's
    modality: str
    participants: tuple[Participant, ...]
    pairs: tuple[tuple[Participant, Participant], ...]  # contact: who with whom
    time: date | None
    position: str
    sentence: int  # index into Analysis.sentences
    flags: frozenset[str]
    evidence: tuple[Evidence, ...]

    def words(self, part: str) -> str:
        return next((e.words for e in self.evidence if e.part == part), "")

    def where(self, analysis: Analysis) -> str:
        return analysis.sentences[self.sentence].where()


@dataclass(frozen=True)
class Analysis:
    """One item, analysed once: sentences, mentions on the item's date, event frames."""

    day: date | None
    title: str  # folded
    summary: str  # folded
    sentences: tuple[Sentence, ...]
    # The mentions (see `mentions`), or how to read them: most analysed items match no rule
    # and nothing asks for them.
    found: tuple[Mention, ...] | Callable[[], tuple[Mention, ...]] = \
        field(compare=False, repr=False)
    frames: tuple[EventFrame, ...]
    flags: frozenset[str] = field(default=frozenset())  # item flags: opinion, question

    @property
    def mentions(self) -> tuple[Mention, ...]:
        """The first mention of each known entity, in text order, read from the knowledge
        base when first asked."""
        found = self.found
        if callable(found):
            found = found()
            object.__setattr__(self, "found", found)
        return found

    def __repr__(self) -> str:
        return (f"Analysis(day={self.day!r}, title={self.title!r}, summary={self.summary!r}, "
                f"sentences={self.sentences!r}, mentions={self.mentions!r}, "
                f"frames={self.frames!r}, flags={self.flags!r})")

    def frames_of(self, event_type: str) -> list[EventFrame]:
        return [f for f in self.frames if f.type == event_type]
