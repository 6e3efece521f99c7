"""Which channels an alert goes to, and the message each of them gets.

A rule's own `notify:` channels always apply. Routes in the configuration add channels by
severity and by rule tags. A rule that names no channel and matches no route goes to
`defaults.channels`.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from typing import Any

from alerts.messages import ALERT, UPDATE, Outgoing
from alerts.policy import SEVERITIES, severity_rank
from alerts.render import (
    Renderer,
    TemplateProblem,
    alert_id,
    clean,
    item_story,
    source,
    update_id,
    when,
    who,
)

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class Route:
    channels: tuple[str, ...]
    severity: tuple[str, ...] = ()  # any of these
    min_severity: str | None = None  # this or higher
    tags: tuple[str, ...] = ()  # the rule has any of these tags
    rules: tuple[str, ...] = ()  # the rule is one of these

    def applies(self, severity: str, tags: tuple[str, ...], rule_id: str) -> bool:
        if self.severity and severity not in self.severity:
            return False
        if self.min_severity and severity_rank(severity) < severity_rank(self.min_severity):
            return False
        if self.tags and not set(self.tags) & set(tags):
            return False
        return not (self.rules and rule_id not in self.rules)


def channels_for(severity: str, rule_id: str, rule_channels: tuple[str, ...],
                 tags: tuple[str, ...], routes: tuple[Route, ...],
                 defaults: tuple[str, ...]) -> tuple[str, ...]:
    chosen: list[str] = list(rule_channels)
    routed = False
    for route in routes:
        if route.applies(severity, tags, rule_id):
            routed = True
            chosen.extend(route.channels)
    if not chosen and not routed:
        chosen = list(defaults)
    return tuple(dict.fromkeys(chosen))


def story_key(item: Any, match: Any) -> str:
    """The story a match belongs to: the clustered story when known, else the item itself."""
    story_id = getattr(match, "story_id", None)
    if story_id is not None:
        return f"story:{story_id}"
    return getattr(match, "story", None) or item_story(item.feed_url, item.key)


def _source(entry: Any) -> dict[str, Any]:
    if isinstance(entry, Mapping):
        return source(entry.get("feed") or entry.get("publisher") or entry.get("feed_url") or "",
                      entry.get("title") or "", entry.get("link"))
    feed, title, link = entry
    return source(feed, title, link)


def alert_facts(item: Any, match: Any, rule: Any = None, *, update: bool = False,
                sources: Iterable[Any] = (), analysis: Any = None) -> dict[str, Any]:
    """Everything a template may show about one alert, as JSON-ready data.

    `sources`: other reports of the same story, as (feed, title, link) or mappings with
    feed (or publisher), title and link; `analysis`: the item's analysis when the caller
    carries it (see render.who)."""
    story = story_key(item, match)
    first = alert_id(match.rule_id, story)
    own = _item_part(item, analysis)
    found = [dict(own.source)]
    seen = {found[0]["link"] or found[0]["title"]}
    for entry in sources or getattr(match, "sources", ()) or ():
        entry = _source(entry)
        key = entry["link"] or entry["title"]
        if key not in seen:  # one line per report (the item itself is already first)
            seen.add(key)
            found.append(entry)
    return {
        "alert_id": update_id(first, item.feed_url, item.key, item.content_hash or item.title)
        if update else first,
        "thread": first if update else None,
        "update": update,
        "severity": match.severity,
        "rule_id": match.rule_id,
        "rule_title": match.rule_title,
        "rule_description": getattr(rule, "description", "") or "",
        "tags": list(getattr(rule, "tags", ()) or ()),
        "title": own.title,
        "summary": own.summary,
        "who": list(own.who),
        "when": own.when,
        "published": own.published,
        "feed": own.feed,
        "link": found[0]["link"],
        "sources": found,
        "explanation": clean(match.explanation),
        "story": story,
    }


@dataclass(frozen=True)
class _ItemPart:
    """The facts of an alert that its item alone gives."""

    title: str
    summary: str
    who: tuple[str, ...]
    when: str
    published: str | None
    feed: str
    source: Mapping[str, Any]


# The last item's part (#17: an item that matched k rules is k alerts of the same item):
# the item, the analysis it was read with, and its part. Items are frozen; the reference
# kept here keeps the one compared with `is` alive.
_LAST_ITEM: list[Any] = [None, None, None]


def _item_part(item: Any, analysis: Any) -> _ItemPart:
    if _LAST_ITEM[0] is item and _LAST_ITEM[1] is analysis:
        return _LAST_ITEM[2]  # type: ignore[no-any-return]
    part = _ItemPart(clean(item.title) or "(untitled)", summary_fact(item.summary),
                     tuple(who(item.title, item.summary, item.published, analysis)),
                     when(item.published),
                     item.published.isoformat() if item.published else None,
                     clean(item.feed_name), source(item.feed_name, item.title, item.link))
    params = getattr(type(item), "__dataclass_params__", None)
    if params is not None and params.frozen:  # an item that cannot change since
        _LAST_ITEM[:] = [item, analysis, part]
    return part


def summary_fact(summary: str | None) -> str:
    text = clean(summary or "")
    return text[:597].rstrip() + "..." if len(text) > 600 else text


# Facts not stored with a queued alert: the item's summary and the match's explanation are
# stored with the item and the match, and read from there when the message is rendered, as
# it is sent (complete_facts).
RENDERED_LATER = ("summary", "explanation")


def stored_facts(facts: Mapping[str, Any]) -> dict[str, Any]:
    stored = dict(facts)
    for key in RENDERED_LATER:
        stored.pop(key, None)
    return stored


def complete_facts(stored: Mapping[str, Any], summary: str | None,
                   explanation: str | None) -> dict[str, Any]:
    """A queued alert's facts again, from what was stored with it and the texts of its item
    and match."""
    return {**stored, "summary": summary_fact(summary), "explanation": clean(explanation or "")}


@dataclass(frozen=True)
class ChannelStyle:
    """How one channel's messages look: format and templates."""

    format: str = "text"
    title: str | None = None
    template: str | None = None
    digest_template: str | None = None
    folder: str | None = None

    def renderer(self) -> Renderer:
        return Renderer(self.format, title=self.title, body=self.template,
                        digest=self.digest_template, folder=self.folder)


ROUTED_KEPT = 4096  # (rule, severity) routings a Composer remembers
_PLAIN = ChannelStyle()  # a channel's style when it has none of its own


class Composer:
    """Routes a match to channels and makes the message each channel gets: its title at
    queue time, its body when it is sent."""

    def __init__(self, styles: Mapping[str, ChannelStyle] | None = None,
                 routes: tuple[Route, ...] = (), defaults: tuple[str, ...] | None = None,
                 facts: Callable[..., dict[str, Any]] = alert_facts):
        self.styles = dict(styles or {})
        self.routes = routes
        self.defaults = defaults
        self.facts = facts
        # What a rule's alerts of one severity are routed to, and each style's renderer,
        # made once (#17: asked again for every alert); a rule is kept with its channels,
        # so that the number it is found by stays its own.
        self._routed: dict[tuple[int, str, str], tuple[Any, tuple[str, ...]]] = {}
        self._renderers: dict[str, tuple[ChannelStyle, Renderer]] = {}  # by channel

    @classmethod
    def from_settings(cls, settings: Any) -> Composer:
        styles = {name: getattr(channel, "style", None) or ChannelStyle()
                  for name, channel in settings.channels.items()}
        return cls(styles, tuple(getattr(settings, "routes", ())), settings.default_channels)

    def channels(self, match: Any, rule: Any) -> tuple[str, ...]:
        if rule is None:
            return tuple(match.channels)
        if self.defaults is None:  # the match's own channels are the defaults
            return channels_for(match.severity, match.rule_id, tuple(rule.channels),
                                tuple(rule.tags), self.routes, tuple(match.channels))
        key = (id(rule), match.severity, match.rule_id)
        known = self._routed.get(key)
        if known is not None and known[0] is rule:
            return known[1]
        chosen = channels_for(match.severity, match.rule_id, tuple(rule.channels),
                              tuple(rule.tags), self.routes, self.defaults)
        if len(self._routed) >= ROUTED_KEPT:  # rules reloaded in a running daemon
            self._routed.clear()
        self._routed[key] = (rule, chosen)
        return chosen

    def _style(self, channel: str) -> tuple[ChannelStyle, Renderer]:
        """The channel's style and its renderer (a style's hash costs more than a name's)."""
        found = self._renderers.get(channel)
        if found is None:
            style = self.styles.get(channel, _PLAIN)
            found = self._renderers[channel] = (style, style.renderer())
        return found

    def compose(self, item: Any, match: Any, rule: Any = None, *, update: bool = False,
                sources: Iterable[Any] = (), later: bool = False,
                analysis: Any = None) -> tuple[Outgoing, ...]:
        """One message per channel. `sources`: the story's other reports (see alert_facts).
        `later`: its body is left empty, to be rendered when it is sent (alerts.deliver
        .rendered): what the poller queues. `analysis`: the item's, when carried."""
        facts = self.facts(item, match, rule, update=update, sources=sources,
                           analysis=analysis)
        stored = stored_facts(facts)
        messages: list[Outgoing] = []
        for channel in self.channels(match, rule):
            style, renderer = self._style(channel)
            try:
                # Queued, the body is rendered when the message is sent: most of the cost,
                # and of the room, of a queued message.
                title, body = ((renderer.alert_title(facts), "") if later
                               else renderer.alert(facts))
            except TemplateProblem as exc:  # only the shipped templates are left: a bug
                log.error("could not render alert for channel '%s': %s", channel, exc)
                title, body = Renderer("text").notice(
                    f"[{match.severity}] {match.rule_title}: {item.title}",
                    [item.title, match.explanation])
                style = ChannelStyle()
            messages.append(Outgoing(
                channel=channel, title=title, body=body, format=style.format,
                kind=UPDATE if update else ALERT, alert_id=facts["alert_id"],
                thread_id=facts["thread"], severity=match.severity, rule_id=match.rule_id,
                story=facts["story"], payload=stored))
        return tuple(messages)


# -- reading the settings ---------------------------------------------------------------------

ROUTE_SCHEMA: dict[str, Any] = {
    "type": "array",
    "items": {
        "type": "object",
        "additionalProperties": False,
        "required": ["channels"],
        "properties": {
            "channels": {"type": "array", "items": {"type": "string"}, "minItems": 1},
            "severity": {"anyOf": [{"enum": list(SEVERITIES)},
                                   {"type": "array", "items": {"enum": list(SEVERITIES)}}]},
            "min_severity": {"enum": list(SEVERITIES)},
            "tags": {"type": "array", "items": {"type": "string"}},
            "rules": {"type": "array", "items": {"type": "string"}},
        },
    },
}


def parse_routes(raw: list[dict]) -> tuple[Route, ...]:
    routes = []
    for spec in raw:
        severity = spec.get("severity", ())
        routes.append(Route(
            channels=tuple(spec["channels"]),
            severity=(severity,) if isinstance(severity, str) else tuple(severity),
            min_severity=spec.get("min_severity"),
            tags=tuple(spec.get("tags", ())),
            rules=tuple(spec.get("rules", ())),
        ))
    return tuple(routes)
