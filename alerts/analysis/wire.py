"""An item's analysis carried between processes (alerts.analysis.ahead), compact and exact.

An `Analysis` is plain frozen data but for two things: its mentions name knowledge-base
entities, and they may not have been read yet (`Analysis.found` is then how to read them).
On the wire a mention's entity travels as its id when it is the sender's knowledge base's
own, and is resolved against the receiver's base (the same data, so the same entity); any
other (none is known) travels by value. Mentions not read stay unread: the receiver
reads them when first asked, with its own base, as the sender would have
(alerts.analysis.item_mentions). The receiver's unpickler rebuilds only analysis data.
"""

from __future__ import annotations

import gc
import io
import pickle
from collections.abc import Callable
from datetime import date
from typing import TYPE_CHECKING, Any

from alerts.analysis.model import Analysis

if TYPE_CHECKING:
    from alerts.knowledge.base import KnowledgeBase, Mention

# (folded title, folded summary, sentences, mentions or None when unread, frames, flags),
# each mention as (entity id, or the entity itself when the base does not hold it, alias,
# start, via).
Fields = tuple[Any, ...]

_ALLOWED = {
    ("alerts.analysis.model", "Sentence"), ("alerts.analysis.model", "EventFrame"),
    ("alerts.analysis.model", "Participant"), ("alerts.analysis.model", "Evidence"),
    ("alerts.knowledge.base", "Entity"), ("alerts.knowledge.base", "Role"),
    ("datetime", "date"),
}


def fields(analysis: Analysis, kb: KnowledgeBase) -> Fields:
    """What crosses for one analysis made with `kb` (its day and its raw texts are the
    receiver's already)."""
    found = analysis.found
    mentions = None
    if not callable(found):
        entities = kb.entities
        mentions = tuple((m.entity.id if entities.get(m.entity.id) is m.entity else m.entity,
                          m.alias, m.start, m.via) for m in found)
    return (analysis.title, analysis.summary, analysis.sentences, mentions, analysis.frames,
            analysis.flags)


def dumps(answer: object) -> bytes:
    return pickle.dumps(answer, protocol=pickle.HIGHEST_PROTOCOL)


def loads(data: bytes) -> Any:
    """dumps' answer read back; pickle.UnpicklingError for anything that is not analysis
    data. The collector waits meanwhile: the objects it would inspect are all new and
    acyclic (with it on, reading took twice as long)."""
    paused = gc.isenabled()
    gc.disable()
    try:
        return _Unpickler(io.BytesIO(data)).load()
    finally:
        if paused:
            gc.enable()


def analysis_of(received: Fields, title: str, summary: str, day: date | None,
                kb: KnowledgeBase,
                read: Callable[[str, str, date | None], tuple[Mention, ...]]) -> Analysis:
    """The Analysis of `title` and `summary` on `day` from its `received` fields, its
    entities those of `kb`; unread mentions are read by `read(title, summary, day)` when
    first asked for. KeyError: an entity `kb` does not hold."""
    from alerts.knowledge.base import Mention

    folded_title, folded_summary, sentences, found, frames, flags = received
    mentions: tuple[Mention, ...] | Callable[[], tuple[Mention, ...]]
    if found is None:
        mentions = lambda: read(title, summary, day)  # noqa: E731
    else:
        entities = kb.entities
        mentions = tuple(Mention(entities[e] if isinstance(e, str) else e, alias, start, via)
                         for e, alias, start, via in found)
    return Analysis(day, folded_title, folded_summary, sentences, mentions, frames, flags)


class _Unpickler(pickle.Unpickler):
    def find_class(self, module: str, name: str) -> Any:
        if (module, name) not in _ALLOWED:
            raise pickle.UnpicklingError(f"{module}.{name} is not analysis data")
        return super().find_class(module, name)
