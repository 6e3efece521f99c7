"""Who is who and what happened: people, countries, offices and event types, found in text."""

from alerts.knowledge.base import Entity, EventType, KnowledgeBase, Mention, knowledge_base

__all__ = ["Entity", "EventType", "KnowledgeBase", "Mention", "knowledge_base"]
