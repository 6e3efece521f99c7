"""Warnings for rules that are valid but almost surely not what their author meant.

A `not:` directly under `any:` holds for nearly every item (every item without the words),
so the whole `any:` does, and so does the rule unless another condition saves it; a rule
whose whole match is a `not:` alerts on nearly everything. `alerts check` prints these as
`warning: file:line: ...`; they never stop a rule from loading.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any

from alerts.rules.loader import rule_files
from alerts.yamlsource import line_at, load_documents


def _walk(node: Any, path: tuple[Any, ...]) -> Iterator[tuple[str, tuple[Any, ...]]]:
    if isinstance(node, dict):
        for key, value in node.items():
            if key == "any" and isinstance(value, list):
                for i, child in enumerate(value):
                    if isinstance(child, dict) and set(child) == {"not"}:
                        yield "any-not", (*path, key, i)
            yield from _walk(value, (*path, key))
    elif isinstance(node, list):
        for i, child in enumerate(node):
            yield from _walk(child, (*path, i))


def lint_rules(paths: Iterable[Path]) -> list[str]:
    warnings: list[str] = []
    files, _ = rule_files(paths)
    for file in files:
        documents, problems = load_documents(file)
        if problems:
            continue  # `alerts check` reports those as problems already
        for doc in documents:
            data = doc.data
            if not isinstance(data, dict) or "match" not in data:
                continue
            rule = data.get("id", "?")
            match = data["match"]
            if isinstance(match, dict) and set(match) == {"not"}:
                warnings.append(f"{file}:{line_at(data, ('match', 'not'))}: rule '{rule}' matches "
                                "every item without these words, which is nearly every item; "
                                "add a condition the items must meet beside the 'not'")
            for _, where in _walk(match, ("match",)):
                warnings.append(
                    f"{file}:{line_at(data, where)}: rule '{rule}': a 'not' directly under "
                    "'any' holds for every item without those words, so the 'any' matches "
                    "nearly everything; move the 'not' under an 'all' beside what it excludes")
    return warnings
