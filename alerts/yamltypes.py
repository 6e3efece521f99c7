"""What a parsed YAML file is made of: mappings and sequences that know their lines, and
documents. Apart from alerts.yamlsource (the cached loading) and alerts.yamlload (the
parsing with PyYAML) so that each can import them without importing the other."""

from __future__ import annotations

from typing import Any


class LinedDict(dict):
    """A mapping that knows the 1-based line of itself and of each key."""

    line: int = 0
    key_lines: dict[Any, int]

    def line_of(self, key: Any) -> int:
        return self.key_lines.get(key, self.line)


class LinedList(list):
    """A sequence that knows the 1-based line of itself and of each element."""

    line: int = 0
    item_lines: list[int]

    def line_of(self, index: int) -> int:
        if 0 <= index < len(self.item_lines):
            return self.item_lines[index]
        return self.line


MAX_EXPANDED_NODES = 200_000
# Text that aliases add on top of what the file itself holds: 100 aliases to a 1 MB string
# are only 101 nodes but 100 MB of text for every later stage to validate and search.
MAX_ALIAS_CHARACTERS = 1_000_000


class Document:
    """One YAML document of a file, with where it came from."""

    def __init__(self, path: str, data: Any, line: int):
        self.path = path
        self.data = data
        self.line = line
