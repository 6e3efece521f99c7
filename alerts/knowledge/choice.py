"""The user's knowledge folder in use: chosen once the configuration is read (`use_folder`),
read by the knowledge base when it is first needed (base.knowledge_base).

Kept apart from the base so that choosing the folder does not load the base's module (its
phrase tables, the folding tables they build, difflib): a poll in which nothing changed
never needs the base (#17)."""

from __future__ import annotations

import threading
from pathlib import Path

from alerts.errors import Problem

lock = threading.Lock()
_current: tuple[Path | None, str] = (None, "")  # the user's knowledge folder and its stamp


def current() -> tuple[Path | None, str]:
    """The folder chosen by use_folder (None: the shipped data alone) and its stamp. Call it
    holding `lock`."""
    return _current


def use_folder(folder: Path | None) -> list[Problem]:
    """Use the user's knowledge folder from now on; its problems as file:line (none: fine).

    Reads only the user's (small) files; the shipped data is still loaded on first use.
    A changed file is noticed here, so a reload of the configuration picks it up."""
    from alerts.knowledge.user import read_folder

    global _current
    checked = read_folder(folder)
    if checked.problems:
        return checked.problems
    with lock:
        _current = (folder, checked.stamp)
    return []
