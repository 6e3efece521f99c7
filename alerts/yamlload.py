"""The YAML parsing behind alerts.yamlsource.load_documents: PyYAML (libyaml when present)
with YAML 1.2 booleans, line-aware containers, duplicate keys refused and alias expansion
bounded. Imported only when a file is not in the cache of parsed files (issue #17: PyYAML
and parsing the configuration and rules were about 30 ms of every cold start)."""

from __future__ import annotations

import re

import yaml

from alerts.errors import Problem
from alerts.yamltypes import (
    MAX_ALIAS_CHARACTERS,
    MAX_EXPANDED_NODES,
    Document,
    LinedDict,
    LinedList,
)


class _DuplicateKey(yaml.MarkedYAMLError):
    pass


# libyaml's parser is several times faster and still gives every node its line.
_BaseLoader: type = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


class StrictLoader(_BaseLoader):  # type: ignore[misc, valid-type]
    """Safe loading with YAML 1.2 booleans, line-aware containers and duplicate-key errors."""


# Drop the YAML 1.1 bool resolver, then add one that only knows true/false.
StrictLoader.yaml_implicit_resolvers = {
    first: [(tag, rx) for tag, rx in resolvers if tag != "tag:yaml.org,2002:bool"]
    for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
}
StrictLoader.add_implicit_resolver(
    "tag:yaml.org,2002:bool",
    re.compile(r"^(?:true|True|TRUE|false|False|FALSE)$"),
    list("tTfF"),
)


def _construct_mapping(loader: StrictLoader, node: yaml.MappingNode) -> LinedDict:
    loader.flatten_mapping(node)
    result = LinedDict()
    result.line = node.start_mark.line + 1
    result.key_lines = {}
    for key_node, value_node in node.value:
        key = loader.construct_object(key_node, deep=True)
        try:
            hash(key)
        except TypeError:
            raise _DuplicateKey(
                None, None, "a mapping key must be a plain value", key_node.start_mark
            ) from None
        if key in result:
            raise _DuplicateKey(
                None,
                None,
                f"key {key!r} appears twice in the same mapping (first on line "
                f"{result.key_lines[key]}); keep only one",
                key_node.start_mark,
            )
        result[key] = loader.construct_object(value_node, deep=True)
        result.key_lines[key] = key_node.start_mark.line + 1
    return result


def _construct_sequence(loader: StrictLoader, node: yaml.SequenceNode) -> LinedList:
    result = LinedList(loader.construct_object(child, deep=True) for child in node.value)
    result.line = node.start_mark.line + 1
    result.item_lines = [child.start_mark.line + 1 for child in node.value]
    return result


StrictLoader.add_constructor(yaml.resolver.BaseResolver.DEFAULT_MAPPING_TAG, _construct_mapping)
StrictLoader.add_constructor(yaml.resolver.BaseResolver.DEFAULT_SEQUENCE_TAG, _construct_sequence)


def _expanded_size(node: yaml.Node, memo: dict[int, tuple[int, int]]) -> tuple[int, int]:
    """(nodes, characters of scalars) after aliases are expanded: nested aliases grow
    exponentially ("billion laughs"), and one alias to a long text repeats all of it."""
    known = memo.get(id(node))
    if known is not None:
        return known
    memo[id(node)] = (1, 0)  # a cycle counts once rather than recursing forever
    if isinstance(node, yaml.MappingNode):
        children = [n for pair in node.value for n in pair]
    elif isinstance(node, yaml.SequenceNode):
        children = list(node.value)
    else:
        children = []
    nodes, chars = 1, len(node.value) if isinstance(node, yaml.ScalarNode) else 0
    for child in children:
        child_nodes, child_chars = _expanded_size(child, memo)
        nodes += child_nodes
        chars += child_chars
    memo[id(node)] = (nodes, chars)
    return nodes, chars


def _written_characters(node: yaml.Node) -> int:
    """Characters of the scalars as written, each node once (what the file itself holds)."""
    seen: set[int] = set()
    stack, total = [node], 0
    while stack:
        current = stack.pop()
        if id(current) in seen:
            continue
        seen.add(id(current))
        if isinstance(current, yaml.ScalarNode):
            total += len(current.value)
        elif isinstance(current, yaml.MappingNode):
            stack.extend(n for pair in current.value for n in pair)
        elif isinstance(current, yaml.SequenceNode):
            stack.extend(current.value)
    return total


def _alias_problem(name: str, node: yaml.Node) -> Problem | None:
    """Too many values, or too much text, once aliases are expanded; None when fine."""
    memo: dict[int, tuple[int, int]] = {}
    nodes, chars = _expanded_size(node, memo)
    if nodes > MAX_EXPANDED_NODES:
        return Problem(name, node.start_mark.line + 1,
                       "this document expands to too many values through YAML aliases "
                       "(*name); write the values out instead")
    added = chars - _written_characters(node)
    if added > MAX_ALIAS_CHARACTERS:
        return Problem(name, _largest_alias_line(node) or node.start_mark.line + 1,
                       f"YAML aliases (*name) in this document repeat {added:,} characters of "
                       f"text, more than the {MAX_ALIAS_CHARACTERS:,} allowed; write the text "
                       "once, or shorten the aliased value")
    return None


def _largest_alias_line(node: yaml.Node) -> int | None:
    """The line where the longest text that is referenced more than once is anchored."""
    counts: dict[int, int] = {}
    scalars: dict[int, yaml.ScalarNode] = {}
    stack = [node]
    while stack:
        current = stack.pop()
        counts[id(current)] = counts.get(id(current), 0) + 1
        if counts[id(current)] > 1:
            continue
        if isinstance(current, yaml.ScalarNode):
            scalars[id(current)] = current
        elif isinstance(current, yaml.MappingNode):
            stack.extend(n for pair in current.value for n in pair)
        elif isinstance(current, yaml.SequenceNode):
            stack.extend(current.value)
    repeated = [s for key, s in scalars.items() if counts[key] > 1]
    if not repeated:
        return None
    return max(repeated, key=lambda s: len(s.value)).start_mark.line + 1


def _value_line(node: yaml.Node, exc: Exception) -> int | None:
    """The line of the scalar that failed, found by its text in the error when we can."""
    stack = [node]
    while stack:
        current = stack.pop()
        if isinstance(current, yaml.ScalarNode) and current.value and current.value in str(exc):
            return current.start_mark.line + 1
        if isinstance(current, yaml.MappingNode):
            stack.extend(n for pair in current.value for n in pair)
        elif isinstance(current, yaml.SequenceNode):
            stack.extend(current.value)
    return None


def _problem_from_yaml_error(path: str, exc: yaml.YAMLError, text: str = "") -> Problem:
    mark = getattr(exc, "problem_mark", None) or getattr(exc, "context_mark", None)
    line = mark.line + 1 if mark is not None else None
    what = getattr(exc, "problem", None) or str(exc)
    if isinstance(exc, _DuplicateKey):
        return Problem(path, line, what)
    if mark is not None and _tab_at(text, mark.line, mark.column):
        return Problem(path, line, f"a tab character at column {mark.column + 1}: YAML indents "
                                   "with spaces only; replace the tab with spaces")
    context = getattr(exc, "context", None)
    text = f"{context}, {what}" if context else what
    return Problem(path, line, f"this is not valid YAML ({text}); check indentation and quoting")


def _tab_at(text: str, line: int, column: int) -> bool:
    """The error points at a tab, or into the tabs that indent its line (libyaml's marks
    carry no buffer, so the text is read here)."""
    lines = text.splitlines()
    if not 0 <= line < len(lines):
        return False
    before = lines[line][:column + 1]
    return "\t" in before and not before.strip()


def parse_documents(name: str, text: str) -> tuple[list[Document], list[Problem]]:
    """Every document of the YAML `text` (of the file `name`). Syntax errors become problems,
    never tracebacks."""
    documents: list[Document] = []
    loader = StrictLoader(text)
    try:
        while loader.check_node():
            node = loader.get_node()
            if node is None:
                continue
            problem = _alias_problem(name, node)
            if problem is not None:
                return documents, [problem]
            try:
                data = loader.construct_document(node)
            except (ValueError, TypeError, AttributeError, IndexError, OverflowError) as exc:
                # PyYAML recognised a value it cannot build: an impossible date such as
                # 2025-02-30, or a tag like "!!float abc".
                return documents, [Problem(name, _value_line(node, exc) or node.start_mark.line + 1,
                                           f"a value cannot be read ({exc}); quote it to keep "
                                           "it as text")]
            documents.append(Document(name, data, node.start_mark.line + 1))
    except yaml.YAMLError as exc:
        return documents, [_problem_from_yaml_error(name, exc, text)]
    except RecursionError:
        return documents, [Problem(name, None, "the YAML is nested too deeply; flatten it")]
    finally:
        loader.dispose()
    return documents, []
