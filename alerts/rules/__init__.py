"""The rule language: loading, checking, matching and explaining.

`from alerts.rules import RuleSet, load_rules, Rule` loads the engine, the loader and the
conditions only when one of them is asked for: a module that needs only a part (alerts.state
reads alerts.rules.history) does not load the rest."""

from __future__ import annotations

from importlib import import_module
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from alerts.rules.engine import RuleSet
    from alerts.rules.loader import load_rules
    from alerts.rules.model import Rule

__all__ = ["Rule", "RuleSet", "load_rules"]

_HOMES = {"RuleSet": "alerts.rules.engine", "load_rules": "alerts.rules.loader",
          "Rule": "alerts.rules.model"}


def __getattr__(name: str) -> Any:
    home = _HOMES.get(name)
    if home is None:
        raise AttributeError(f"module 'alerts.rules' has no attribute {name!r}")
    value = getattr(import_module(home), name)
    globals()[name] = value  # asked once
    return value
