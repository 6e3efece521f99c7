"""How long history must be kept: what the loaded rules' state conditions (gap, count) and
throttles read, for pruning (`HistoryKeep`) and for the warnings of `alerts check`.

Apart from `alerts.rules.history` (what history is and how it is read), so that the
conditions can use history without history needing the conditions.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any

from alerts.rules.conditions import CountCondition, GapCondition
from alerts.rules.history import HistoryKeep
from alerts.rules.model import Rule


@dataclass(frozen=True)
class HistoryNeed:
    """How far back the loaded rules read one history scope."""

    window: timedelta  # entries this recent are read (a count's window, a gap, a throttle)
    latest: bool  # a gap is measured from the newest entry per key, however old it is
    rule: Rule  # the rule that reads furthest back, to name in messages
    what: str  # "a gap of 180 days", "a count within 30d", "a throttle of 6h"


def _conditions(condition: Any) -> Iterator[Any]:
    yield condition
    for attribute in ("groups", "children"):
        for child in getattr(condition, attribute, ()) or ():
            yield from _conditions(child)
    child = getattr(condition, "child", None)
    if child is not None:
        yield from _conditions(child)


def history_needs(rules: Iterable[Rule]) -> dict[str, HistoryNeed]:
    """Each history scope the rules read (disabled rules too: they may be enabled again),
    with the longest window any of them reads it over."""
    needs: dict[str, HistoryNeed] = {}

    def need(scope: str, window: timedelta, latest: bool, rule: Rule, what: str) -> None:
        known = needs.get(scope)
        if known is None or window > known.window:
            needs[scope] = HistoryNeed(window, latest or (known is not None and known.latest),
                                       rule, what)
        elif latest and not known.latest:
            needs[scope] = HistoryNeed(known.window, True, known.rule, known.what)

    for rule in rules:
        for node in _conditions(rule.condition):
            if isinstance(node, GapCondition):
                scope = f"shared:{node.shared}" if node.shared else f"rule:{rule.id}"
                # One day more: the gap counts whole days between the two reports.
                need(scope, timedelta(days=node.days + 1), True, rule,
                     f"a gap of {node.days} days")
            elif isinstance(node, CountCondition):
                scope = f"shared:{node.shared}" if node.shared else f"rule:{rule.id}"
                need(scope, node.within, False, rule, f"a count within {_days(node.within)}")
        if rule.throttle_seconds is not None:
            period = timedelta(seconds=rule.throttle_seconds)
            need(f"throttle:{rule.id}", period, False, rule, f"a throttle of {_days(period)}")
    return needs


def history_keep(needs: dict[str, HistoryNeed], before: datetime,
                 now: datetime) -> dict[str, HistoryKeep]:
    """Per scope, what pruning at the retention cutoff `before` must still keep."""
    return {scope: HistoryKeep(min(before, now - need.window), need.latest)
            for scope, need in needs.items()}


def retention_warnings(rules: Iterable[Rule], retention: float) -> list[str]:
    """Rules that read their own history further back than stories.retention, for
    `alerts check` (shared histories are never pruned)."""
    kept = timedelta(seconds=retention)
    warnings = []
    for scope, need in sorted(history_needs(rules).items()):
        read = need.window - (timedelta(days=1) if need.latest else timedelta())
        if scope.startswith("shared:") or read <= kept:
            continue
        rule = need.rule
        warnings.append(
            f"{rule.file}:{rule.line}: rule '{rule.id}' uses {need.what}, longer than "
            f"stories.retention ({_days(kept)}). Its history is kept past the retention for as "
            "long as the rule is loaded, so it still fires; but renaming or removing the rule "
            "loses it. To keep it regardless, give the condition a shared 'history: NAME' "
            f"(never pruned), or set stories.retention to at least {_days(read)}.")
    return warnings


def _days(delta: timedelta) -> str:
    seconds = int(delta.total_seconds())
    for unit, size in (("d", 86400), ("h", 3600), ("m", 60)):
        if seconds % size == 0 and seconds >= size:
            return f"{seconds // size}{unit}"
    return f"{seconds}s"
