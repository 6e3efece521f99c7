"""Who is who and what happened: people, countries, offices and event types, found in text.

The names below are loaded from alerts.knowledge.base when first asked for, so that a module
of this package (choice, the user's folder) can be imported without the base (#17)."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from alerts.knowledge.base import Entity, EventType, KnowledgeBase, Mention, knowledge_base

__all__ = ["Entity", "EventType", "KnowledgeBase", "Mention", "knowledge_base"]


def __getattr__(name: str) -> Any:
    if name in __all__:
        from alerts.knowledge import base

        return getattr(base, name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
