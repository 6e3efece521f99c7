"""YAML loading that remembers line numbers, refuses duplicate keys and reads booleans strictly.

PyYAML follows YAML 1.1, where `NO` (Norway) and `on` are booleans. Here only `true` and
`false` are booleans, so a list of country codes or words stays a list of strings.

The parsing itself is alerts.yamlload; a file parsed without problems is kept in the cache
folder (alerts.buildcache), keyed by its text and the parsing code, and read back from there
the next time: a cold `poll --once` whose configuration and rules did not change loads
neither PyYAML nor the parser (issue #17).
"""

from __future__ import annotations

import hashlib
import os
from contextlib import suppress
from importlib.util import find_spec
from pathlib import Path
from typing import Any

from alerts import buildcache
from alerts.errors import Problem
from alerts.yamltypes import (  # noqa: F401 - the loading's types, named here for its users
    MAX_ALIAS_CHARACTERS,
    MAX_EXPANDED_NODES,
    Document,
    LinedDict,
    LinedList,
)


class _Parsed(tuple):
    """What the cache keeps of a file parsed without problems: (data, line) per document."""


def _parser_key() -> bytes:
    """The parsing code's digest: ours, and PyYAML's version and whether libyaml is there
    (found without importing PyYAML)."""
    digest = hashlib.blake2b(buildcache.code_digest(("yamlsource.py", "yamlload.py",
                                                            "yamltypes.py")),
                             digest_size=16)
    spec = find_spec("yaml")
    if spec is not None and spec.origin:
        package = Path(spec.origin)
        try:
            digest.update(package.read_bytes())  # names its __version__
            # libyaml's binding or not (find_spec of a submodule would import PyYAML).
            digest.update(repr(sorted(p.name for p in package.parent.glob("_yaml*"))).encode())
        except OSError:
            digest.update(b"unreadable")
    return digest.digest()


_PARSER_KEY = _parser_key()  # at import: see buildcache.code_digest


# Parsed files kept; each load marks its file as just used, so that the ones pruned when
# another is stored are the least recently used (a desk reads a few files at every start).
CACHE_KEEP = 256


def _cache_folder() -> Path:
    return buildcache.cache_root() / "yaml"


def load_documents(
    path: str | Path, text: str | None = None
) -> tuple[list[Document], list[Problem]]:
    """Load every document of a YAML file. Syntax errors become problems, never tracebacks.
    A file (not a `text` given) parsed without problems before is read from the cache."""
    name = str(path)
    if text is not None:
        from alerts.yamlload import parse_documents

        return parse_documents(name, text)
    try:
        raw = Path(path).read_bytes()
    except OSError as exc:
        reason = exc.strerror or str(exc)
        return [], [Problem(name, None, f"cannot read the file ({reason}); check the path")]
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = raw[: exc.start].count(b"\n") + 1
        return [], [Problem(name, line, "the file is not UTF-8 text; save it as UTF-8")]
    key = hashlib.blake2b(raw, digest_size=16, key=_PARSER_KEY).hexdigest()

    def parse() -> _Parsed:
        from alerts.yamlload import parse_documents

        documents, problems = parse_documents(name, text)
        if problems:  # told each time, from the text: never stored
            raise _NotStored(documents, problems)
        return _Parsed((d.data, d.line) for d in documents)

    folder = _cache_folder()
    try:
        parsed = buildcache.built(folder, "parsed", key, parse, _Parsed, keep=CACHE_KEEP)
    except _NotStored as exc:
        return exc.documents, exc.problems
    with suppress(OSError):  # none stored (a read-only cache folder): nothing to mark
        os.utime(folder / f"parsed.{key}.pickle")
    return [Document(name, data, line) for data, line in parsed], []


class _NotStored(Exception):
    def __init__(self, documents: list[Document], problems: list[Problem]):
        super().__init__(problems)
        self.documents = documents
        self.problems = problems


def line_at(data: Any, path: tuple[Any, ...]) -> int | None:
    """The line of the deepest element of `path` that we know, following dicts and lists."""
    line = getattr(data, "line", None)
    node = data
    for step in path:
        if isinstance(node, LinedDict) and step in node:
            line = node.line_of(step)
            node = node[step]
        elif isinstance(node, LinedList) and isinstance(step, int) and 0 <= step < len(node):
            line = node.line_of(step)
            node = node[step]
        else:
            break
        inner = getattr(node, "line", None)
        if inner and not isinstance(node, (LinedDict, LinedList)):
            line = inner
    return line


def plain(data: Any) -> Any:
    """Strip the line-aware containers (for JSON Schema validation and serialisation)."""
    if isinstance(data, dict):
        return {k: plain(v) for k, v in data.items()}
    if isinstance(data, list):
        return [plain(v) for v in data]
    return data
