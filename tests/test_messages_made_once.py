"""What an alert's message is made from, made once (#17): a rule's routing is remembered by
the Composer (and never another rule's for it), the default title's text is made once for
the title and the check of it when stored, and an item's time is written as strftime wrote
it."""

from __future__ import annotations

import random
from datetime import UTC, date, datetime, timedelta, timezone
from types import SimpleNamespace

from alerts import routing
from alerts.models import Match
from alerts.render import _default_title, when
from alerts.routing import Composer, Route


def _rule(rule_id: str, channels: tuple[str, ...] = (), tags: tuple[str, ...] = ()
          ) -> SimpleNamespace:
    return SimpleNamespace(id=rule_id, channels=channels, tags=tags)


def _match(rule_id: str, severity: str = "high") -> Match:
    return Match(rule_id=rule_id, rule_title=rule_id, severity=severity, channels=(),
                 explanation="")


def test_a_rules_routing_is_its_own_and_remembered_within_bounds(monkeypatch):
    composer = Composer(routes=(Route(channels=("urgent",), min_severity="high"),
                                Route(channels=("gulf",), tags=("gulf",))),
                        defaults=("desk",))
    gulf, plain = _rule("a", tags=("gulf",)), _rule("b", channels=("own",))
    assert composer.channels(_match("a"), gulf) == ("urgent", "gulf")
    assert composer.channels(_match("a", "low"), gulf) == ("gulf",)
    assert composer.channels(_match("b", "low"), plain) == ("own",)
    assert composer.channels(_match("c", "low"), _rule("c")) == ("desk",)
    assert composer.channels(_match("a"), gulf) == ("urgent", "gulf")  # remembered
    # Another rule found under this one's number (a rule gone, its number reused) is
    # routed for itself.
    other = _rule("a")
    composer._routed[(id(other), "high", "a")] = (gulf, ("gulf",))
    assert composer.channels(_match("a"), other) == ("urgent",)
    # Rules reloaded again and again in a running daemon are not all kept.
    monkeypatch.setattr(routing, "ROUTED_KEPT", 3)
    rules = [_rule(f"r{n}") for n in range(10)]
    for rule in rules:
        assert composer.channels(_match(rule.id, "low"), rule) == ("desk",)
        assert len(composer._routed) <= 3


def test_the_default_title_is_made_as_before_and_once():
    facts = {"update": False, "severity": "high", "rule_title": "Talks\tcollapse",
             "title": "Envoy   leaves\nDoha"}
    assert _default_title(facts) == "[high] Talks collapse: Envoy leaves Doha"
    assert _default_title(facts | {"update": 1}) == \
        "Update: [high] Talks collapse: Envoy leaves Doha"
    assert _default_title(facts | {"title": None}) == "[high] Talks collapse:"
    assert _default_title(facts | {"title": 3}) is None
    assert _default_title(facts | {"title": "x" * 300})[-1] == "…"


def test_an_items_time_is_written_as_strftime_writes_it():
    rng = random.Random(17)
    zones = [None, UTC, timezone(timedelta(hours=5, minutes=30))]
    for _ in range(5000):
        moment = datetime(rng.randint(1, 9999), rng.randint(1, 12), rng.randint(1, 28),
                          rng.randint(0, 23), rng.randint(0, 59), rng.randint(0, 59),
                          tzinfo=rng.choice(zones))
        assert when(moment) == moment.strftime("%Y-%m-%d %H:%M UTC")
    assert when(datetime(999, 1, 2, 3, 4)) == datetime(999, 1, 2, 3, 4).strftime(
        "%Y-%m-%d %H:%M UTC")
    assert when(date(2025, 7, 1)) == "2025-07-01 00:00 UTC"  # type: ignore[arg-type]
    assert when(None) == "date unknown"
