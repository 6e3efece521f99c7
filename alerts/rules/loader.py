"""Rule files -> Rules, with every problem in every file reported at once as file:line."""

from __future__ import annotations

import hashlib
import re
import threading
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Any, cast

from alerts.errors import Problem, RuleError
from alerts.rules.grammar import ID_PATTERN, LIBRARY_KEYS, LIST_NAME_PATTERN, RULE_KEYS
from alerts.rules.model import SEVERITIES, Rule
from alerts.rules.reading import ParseContext, parse_condition
from alerts.yamlsource import Document, LinedDict, LinedList, load_documents

# The keys of a rule and of a library of term lists are alerts.rules.grammar's, which the
# JSON Schema of rule files (alerts.rules.schema) is built from too.
_ID = re.compile(ID_PATTERN)


def rule_files(paths: Iterable[Path]) -> tuple[list[Path], list[Problem]]:
    files: list[Path] = []
    problems: list[Problem] = []
    for path in paths:
        if path.is_dir():
            files.extend(sorted(p for p in path.rglob("*") if p.suffix in (".yaml", ".yml")
                                and p.is_file() and not p.name.startswith(".")))
        elif path.is_file():
            files.append(path)
        else:
            problems.append(Problem(str(path), None, "rule file or folder not found; fix the "
                                                     "'rules' setting in the configuration"))
    return files, problems


def _string_list(doc: LinedDict, key: str, pc: ParseContext) -> tuple[str, ...]:
    value = doc.get(key, [])
    if isinstance(value, str):
        value = [value]
    if not isinstance(value, list) or not all(isinstance(v, str) and v.strip() for v in value):
        pc.problem(doc.line_of(key), f"'{key}' must be a list of names, e.g. {key}: [email]")
        return ()
    return tuple(value)


def parse_rule(doc: Any, file: str, line: int, pc: ParseContext) -> Rule | None:
    if not isinstance(doc, LinedDict):
        pc.problem(line, "a rule is a mapping with at least 'id' and 'match'; see rules/README.md")
        return None
    for key in doc:
        if key not in RULE_KEYS:
            pc.problem(doc.line_of(key), f"unknown key {key!r} in a rule; allowed: "
                                         f"{', '.join(RULE_KEYS)}")
    rule_id = doc.get("id")
    if not isinstance(rule_id, str) or not _ID.match(rule_id):
        pc.problem(doc.line_of("id") if "id" in doc else doc.line,
                   "every rule needs an 'id' of lowercase letters, digits, '-', '_' or '.', "
                   "e.g. id: ceasefire-call")
        rule_id = None
    severity = doc.get("severity", "medium")
    if severity not in SEVERITIES:
        pc.problem(doc.line_of("severity"), f"severity {severity!r} is not one of "
                                            f"{', '.join(SEVERITIES)}")
    enabled = doc.get("enabled", True)
    if not isinstance(enabled, bool):
        pc.problem(doc.line_of("enabled"), f"'enabled' must be true or false, not {enabled!r}")
        enabled = True
    corroborate = doc.get("corroborate", 1)
    if isinstance(corroborate, bool) or not isinstance(corroborate, int) or corroborate < 1:
        pc.problem(doc.line_of("corroborate"), "'corroborate' is how many distinct sources a "
                                               f"story needs before it alerts, not {corroborate!r}")
        corroborate = 1
    updates = doc.get("updates")
    if updates is not None and not isinstance(updates, bool):
        pc.problem(doc.line_of("updates"), f"'updates' must be true or false, not {updates!r}")
        updates = None
    story = _story(doc, pc)
    for key in ("title", "description"):
        if key in doc and not isinstance(doc[key], str):
            pc.problem(doc.line_of(key), f"'{key}' must be text; quote it")
    if "match" not in doc:
        pc.problem(doc.line, "the rule has no 'match' condition; add one, e.g. "
                             "match: {terms: [ceasefire]}")
        return None
    pc.rule_id = rule_id or ""
    condition = parse_condition(doc["match"], "match", pc, doc.line_of("match"))
    throttle = _throttle(doc, pc)
    channels = _string_list(doc, "notify", pc)
    tags = _string_list(doc, "tags", pc)
    examples = _examples(doc, pc)
    if condition is None or rule_id is None:
        return None
    return Rule(
        id=rule_id,
        title=str(doc.get("title") or rule_id),
        description=str(doc.get("description") or ""),
        severity=severity if severity in SEVERITIES else "medium",
        enabled=enabled,
        condition=condition,
        channels=channels,
        tags=tags,
        file=file,
        line=doc.line,
        examples_match=examples["match"],
        examples_no_match=examples["no_match"],
        throttle_seconds=throttle[0] if throttle else None,
        throttle_key=throttle[1] if throttle else "rule",
        updates=updates,
        corroborate=corroborate,
        story_window=story[0],
        story_by=story[1],
    )


def _story(doc: LinedDict, pc: ParseContext) -> tuple[float | None, str]:
    """`story: {window: 48h, by: event | people | text}`: how far apart two reports of one
    event may be published, and what makes them one."""
    from alerts.config import parse_duration
    from alerts.stories import BY

    spec = doc.get("story")
    if spec is None:
        return None, "event"
    line = doc.line_of("story")
    if not isinstance(spec, dict):
        pc.problem(line, "'story' must be a mapping, e.g. story: {window: 48h, by: event}")
        return None, "event"
    inner = getattr(spec, "line_of", lambda key: line)
    for key in spec:
        if key not in ("window", "by"):
            pc.problem(inner(key), f"'story' has no setting {key!r}; use window (e.g. 48h) "
                                   "and by (event, people or text)")
    window: float | None = None
    if "window" in spec:
        window = parse_duration(spec["window"])
        if window is None:
            pc.problem(inner("window"), f"story window {spec['window']!r} is not a duration; "
                                        "write it like 48h, 90m or 3d")
            window = None
    by = spec.get("by", "event")
    if by not in BY:
        pc.problem(inner("by"), f"story by {by!r} is not one of {', '.join(BY)}: 'event' "
                                "joins reports whose event frames agree, 'people' those on the "
                                "same people, 'text' only copies and close wording")
        by = "event"
    return window, by


def _throttle(doc: LinedDict, pc: ParseContext) -> tuple[float, str] | None:
    from alerts.config import parse_duration
    from alerts.rules.reading import ENTITY_KEYS

    spec = doc.get("throttle")
    if spec is None:
        return None
    if not isinstance(spec, dict):
        spec = {"period": spec}
    period = parse_duration(spec.get("period"))
    key = spec.get("key", "rule")
    if period is None or key not in ENTITY_KEYS or set(spec) - {"period", "key"}:
        pc.problem(doc.line_of("throttle"), "'throttle' takes a period and an optional key, "
                   f"e.g. throttle: {{period: 6h, key: people}}; keys: {', '.join(ENTITY_KEYS)}")
        return None
    return period, key


def _examples(doc: LinedDict, pc: ParseContext) -> dict[str, tuple[tuple[str, int], ...]]:
    found: dict[str, tuple[tuple[str, int], ...]] = {"match": (), "no_match": ()}
    spec = doc.get("examples")
    if spec is None:
        return found
    if not isinstance(spec, LinedDict) or set(spec) - set(found):
        pc.problem(doc.line_of("examples"), "'examples' takes 'match' and 'no_match', each a "
                                            "list of headlines")
        return found
    for key, texts in spec.items():
        if not isinstance(texts, LinedList) or not all(isinstance(t, str) for t in texts):
            pc.problem(spec.line_of(key), f"'examples.{key}' must be a list of quoted headlines")
            continue
        found[key] = tuple((t, texts.line_of(i)) for i, t in enumerate(texts))
    return found


def _stamp(path: Path) -> tuple[str, str] | None:
    """A file's identity by content: hashing is cheap next to parsing, and unlike a
    modification time it cannot miss a quick rewrite of the same size."""
    try:
        return str(path), hashlib.blake2b(path.read_bytes(), digest_size=16).hexdigest()
    except OSError:
        return None


@dataclass(frozen=True)
class _Parsed:
    stamps: tuple[tuple[str, str], ...]  # of the file and every file it imports
    checks: tuple[Any, ...]  # the channel settings it was checked against
    rules: tuple[Rule, ...]
    problems: tuple[Problem, ...]


# Reloading re-reads only files that changed (hot reload of thousands of rules stays quick).
_cache: dict[Path, _Parsed] = {}
_cache_lock = threading.Lock()


def _load_file(path: Path, channels: set[str] | None,
               default_channels: tuple[str, ...]) -> _Parsed:
    checks = (frozenset(channels) if channels is not None else None, default_channels)
    with _cache_lock:
        cached = _cache.get(path)
    if cached is not None and cached.checks == checks and all(
            _stamp(Path(stamp[0])) == stamp for stamp in cached.stamps):
        return cached
    stamps = [_stamp(path)]
    docs, yaml_problems = load_documents(path)
    pc = ParseContext(str(path))
    pc.problems.extend(yaml_problems)
    pc.lists = _file_lists(path, docs, pc, set())
    rules: list[Rule] = []
    for doc in docs:
        if doc.data is None or _is_library(doc.data):
            continue
        rule = parse_rule(doc.data, str(path), doc.line, pc)
        if channels is not None and isinstance(doc.data, LinedDict):
            _check_channels(doc.data, channels, default_channels, pc)
        if rule is not None:
            rules.append(rule)
    stamps.extend(_stamp(p) for p in pc.imports)
    parsed = _Parsed(tuple(s for s in stamps if s), checks, tuple(rules), tuple(pc.problems))
    with _cache_lock:
        _cache[path] = parsed
    return parsed


def load_rules(paths: Iterable[Path], channels: set[str] | None = None,
               default_channels: tuple[str, ...] = ()) -> list[Rule]:
    """Load and check every rule file; raise RuleError listing all problems."""
    files, problems = rule_files(paths)
    rules: list[Rule] = []
    first_seen: dict[str, Rule] = {}
    for path in files:
        parsed = _load_file(path, channels, default_channels)
        problems.extend(parsed.problems)
        for rule in parsed.rules:
            if rule.id in first_seen:
                other = first_seen[rule.id]
                problems.append(Problem(rule.file, rule.line,
                                        f"rule id '{rule.id}' is already used at "
                                        f"{other.file}:{other.line}; ids must be unique"))
                continue
            first_seen[rule.id] = rule
            rules.append(rule)
    if problems:
        raise RuleError(problems)
    return rules


def _is_library(data: Any) -> bool:
    return isinstance(data, dict) and "id" not in data and bool(set(data) & set(LIBRARY_KEYS))


def _file_lists(path: Path, docs: list[Document], pc: ParseContext,
                visiting: set[Path]) -> dict[str, tuple[str, ...]]:
    """Term lists a file defines under 'lists:' and brings in with 'import:'."""
    from alerts.rules.reading import term_list

    visiting = visiting | {path.resolve()}
    lists: dict[str, tuple[str, ...]] = {}
    for doc in docs:
        data = doc.data
        if not _is_library(data):
            continue
        for key in data:
            if key not in LIBRARY_KEYS:
                pc.problem(data.line_of(key), f"unknown key {key!r} beside 'lists'/'import'; a "
                                              "rule needs an 'id'")
        imports = data.get("import", [])
        if isinstance(imports, str):
            imports = [imports]
        if not isinstance(imports, list):
            pc.problem(data.line_of("import"), "'import' takes a list of rule file paths")
            imports = []
        for i, name in enumerate(imports):
            line = imports.line_of(i) if isinstance(imports, LinedList) else data.line
            target = (path.parent / str(name)).resolve()
            pc.imports.append(target)
            if target in visiting:
                pc.problem(line, f"import of {name!r} goes round in a circle; remove it")
                continue
            imported, import_problems = load_documents(target)
            if import_problems:
                pc.problem(line, f"cannot import {name!r}: {import_problems[0].message}")
                continue
            sub = ParseContext(str(target))
            lists.update(_file_lists(target, imported, sub, visiting))
            pc.problems.extend(sub.problems)
            pc.imports.extend(sub.imports)
        defined = data.get("lists", {})
        if not isinstance(defined, dict):
            pc.problem(data.line_of("lists"), "'lists' maps names to lists of terms, e.g. "
                                              "lists: {truce-words: [ceasefire, truce]}")
            continue
        defined = cast(LinedDict, defined)  # every mapping read from YAML is one
        for name, terms in defined.items():
            if not isinstance(name, str) or not re.match(LIST_NAME_PATTERN, name):
                pc.problem(defined.line_of(name), f"list name {name!r}: use lowercase letters, "
                                                  "digits, '-', '_' or '.'")
                continue
            pc.lists = lists
            found = term_list(terms, f"lists.{name}", defined.line_of(name), pc)
            if found:
                lists[name] = tuple(found)
    return lists


def _check_channels(doc: LinedDict, channels: set[str], default_channels: tuple[str, ...],
                    pc: ParseContext) -> None:
    rule_id = doc.get("id", "?")
    notify = doc.get("notify")
    names = [notify] if isinstance(notify, str) else notify if isinstance(notify, list) else []
    if not names and not default_channels and doc.get("enabled", True) is not False:
        pc.problem(doc.line, f"rule '{rule_id}' names no channel and the configuration sets no "
                             "defaults.channels; add notify: [CHANNEL]")
    for name in names:
        if isinstance(name, str) and name not in channels:
            known = ", ".join(sorted(channels)) or "none"
            pc.problem(doc.line_of("notify"), f"rule '{rule_id}' notifies unknown channel "
                                              f"'{name}'; channels in the configuration: {known}")


def no_rules_problem(rules: Iterable[Rule], paths: Iterable[Path], source: str) -> Problem | None:
    """A configuration whose rules can never alert is refused: every item would be recorded
    as seen and nothing sent. None when at least one rule is enabled."""
    rules = list(rules)
    if any(rule.enabled for rule in rules):
        return None
    where = ", ".join(str(p) for p in paths) or "the 'rules' setting"
    if rules:
        return Problem(source, None, f"every rule in {where} has 'enabled: false', so nothing "
                                     "would ever alert; set 'enabled: true' on at least one rule")
    return Problem(source, None, f"no rule was found in {where}, so nothing would ever alert; "
                                 "add a rule file there (see rules/README.md), or copy the "
                                 "shipped rules with `alerts init DIR`")


@dataclass(frozen=True)
class Dropped:
    """Enabled rules of the running set that a reloaded set no longer has, by file."""

    file: str
    state: str  # "deleted", "emptied" or "lost rules"
    rule_ids: tuple[str, ...]

    def __str__(self) -> str:
        ids = ", ".join(f"'{i}'" for i in self.rule_ids)
        return f"{self.file} ({self.state}): {ids}"


def dropped_rules(running: Iterable[Rule], loaded: Iterable[Rule]) -> list[Dropped]:
    """What a reload would take away: each enabled rule of the running set whose id the new
    set lacks (a file deleted, emptied, truncated by an editor mid-write, or edited). Rules
    that were disabled may go; a rule moved to another file or disabled is not dropped."""
    kept = {rule.id for rule in loaded}
    by_file: dict[str, list[str]] = {}
    for rule in running:
        if rule.enabled and rule.id not in kept:
            by_file.setdefault(rule.file, []).append(rule.id)
    found = []
    loaded_files = {rule.file for rule in loaded}
    for file, ids in by_file.items():
        path = Path(file)
        if not path.exists():
            state = "deleted"
        elif file not in loaded_files:
            state = "emptied"
        else:
            state = "lost rules"
        found.append(Dropped(file, state, tuple(ids)))
    return found
