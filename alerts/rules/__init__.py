"""The rule language: loading, checking, matching and explaining."""

from alerts.rules.engine import RuleSet
from alerts.rules.loader import load_rules
from alerts.rules.model import Rule

__all__ = ["Rule", "RuleSet", "load_rules"]
