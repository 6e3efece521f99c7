"""Where the shipped rule pack is: inside the wheel, or at the top of a source checkout."""

from __future__ import annotations

from pathlib import Path

from alerts.errors import AlertsError


def shipped_rules_dir() -> Path:
    package = Path(__file__).resolve().parent
    for candidate in (package / "rulepack", package.parent / "rules"):
        if candidate.is_dir():
            return candidate
    raise AlertsError("the shipped rule pack is missing from this installation; reinstall "
                      "the package")
