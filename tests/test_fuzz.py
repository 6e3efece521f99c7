"""Fuzzing the rule and config loaders: random and mutated YAML.

The only outcomes allowed are a valid load or FileProblems naming the file; never another
exception (a traceback for the user), never a hang. Examples are derandomised so CI is
repeatable; raise FUZZ_EXAMPLES locally for a longer hunt.
"""

from __future__ import annotations

import os
import signal
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from alerts.config import load_settings
from alerts.errors import FileProblems
from alerts.rules import load_rules
from tests.conftest import CEASEFIRE_RULE, ROOT

EXAMPLES = int(os.environ.get("FUZZ_EXAMPLES", "150"))
PER_EXAMPLE_LIMIT = 10.0  # seconds; a loader that takes longer is hanging

FUZZ = settings(max_examples=EXAMPLES, deadline=None, derandomize=True, database=None,
                suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large,
                                       HealthCheck.function_scoped_fixture])

CONFIG_SEED = """\
state: state/alerts.db
rules: [rules, extra/more.yaml]
defaults:
  interval: 10m
  language: en
  backfill: false
  channels: [terminal, hook]
fetch:
  timeout: 20s
  max_bytes: 2MiB
  max_entries: 300
  contact: mailto:desk@example.org
  allow_networks: [10.0.0.0/8, "fd00::/8"]
notify:
  interval: 30s
  max_attempts: 5
  retry_base: 30s
  retry_max: 1h
channels:
  terminal: console://
  hook: ["json://127.0.0.1:9999/x"]
  mail:
    urls: ["mailto://${FUZZ_UNSET_USER}:${FUZZ_UNSET_PASS}@127.0.0.1:2525?to=a@example.org"]
    tags: [ops]
  ops: {config: apprise.yml, tags: [ops]}
feeds:
  - url: https://example.org/feed.xml
    name: Example
    tags: [fr]
    backfill: true
  - url: http://example.org/other.xml
    interval: 90
    language: fr
"""

# The shipped rules import term lists from library files (rules/_*.yaml); those are written
# beside every fuzzed rule file so the imports resolve, and are fuzzed themselves too.
LIBRARIES = {p.name: p.read_text(encoding="utf-8")
             for p in sorted((ROOT / "rules").glob("_*.yaml"))}
RULE_SEEDS = [CEASEFIRE_RULE, *LIBRARIES.values()] + [
    p.read_text(encoding="utf-8") for p in sorted((ROOT / "rules").glob("[!_]*.yaml"))]

# Pieces of YAML syntax and values that have tripped loaders before: anchors and aliases,
# tags (including Python object tags), merge keys, odd scalars, control characters.
SNIPPETS = [
    ":", ": ", "- ", "-", "{", "}", "[", "]", ",", "&a ", "*a", "<<: *a\n", "? ", "|\n", ">-\n",
    "'", '"', "#", "\t", "\n", "\n  ", "\n    - ", "---\n", "...\n", "%YAML 1.1\n", "%TAG ! x\n",
    "!!python/object/apply:os.system ['true']", "!!binary aGk=", "!!set {a, b}", "!!omap [a: 1]",
    "!!timestamp 2001-12-14", "!!float", "!custom ", "true", "false", "NO", "on", "~", "null",
    "1e309", "-.inf", ".nan", "0x1F", "0o17", "-1", "0", "99999999999999999999999", "12:30:00",
    "2025-02-30", "\x00", "\x07", "\ufeff", "\u202e", "\ud7ff", "${UNSET_FUZZ_VAR}", "${", "*",
    "terms: []", "all: []", "any: [{}]", "not:", "match:", "id: a", "severity: huge",
    "interval: -5s", "max_bytes: 1ZB", "allow_networks: [nonsense]", "url: gopher://x",
    "x" * 300, "é" * 50, "[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[", "{a: {b: {c: {d: {e: {}}}}}}",
]


@contextmanager
def time_limit(seconds: float) -> Iterator[None]:
    """Turn a hang into a failure: SIGALRM interrupts the loader."""
    def expired(signum, frame):  # type: ignore[no-untyped-def]
        raise TimeoutError(f"the loader ran for more than {seconds:g} s")

    previous = signal.signal(signal.SIGALRM, expired)
    signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)


def outcome_is_clean(load: Callable[[Path], object], path: Path, data: bytes) -> None:
    path.write_bytes(data)
    try:
        with time_limit(PER_EXAMPLE_LIMIT):
            load(path)
    except Exception as exc:
        if not isinstance(exc, FileProblems):
            raise
        assert exc.problems, "an error with no problem in it"
        for problem in exc.problems:
            assert problem.file, f"a problem without a file: {problem}"
            assert isinstance(problem.message, str) and problem.message.strip()
            assert problem.line is None or problem.line >= 1, problem


@st.composite
def mutated(draw: st.DrawFn, seeds: list[str]) -> bytes:
    text = draw(st.sampled_from(seeds))
    for _ in range(draw(st.integers(1, 6))):
        op = draw(st.sampled_from(["insert", "delete", "replace", "dup-line", "swap-lines",
                                   "indent", "truncate"]))
        pos = draw(st.integers(0, max(0, len(text))))
        if op == "insert":
            text = text[:pos] + draw(st.sampled_from(SNIPPETS)) + text[pos:]
        elif op == "delete":
            text = text[:pos] + text[pos + draw(st.integers(1, 40)):]
        elif op == "replace":
            piece = draw(st.one_of(st.sampled_from(SNIPPETS), st.text(max_size=8)))
            text = text[:pos] + piece + text[pos + len(piece):]
        elif op == "truncate":
            text = text[:pos]
        else:
            lines = text.split("\n")
            i = draw(st.integers(0, len(lines) - 1))
            j = draw(st.integers(0, len(lines) - 1))
            if op == "dup-line":
                lines.insert(j, lines[i])
            elif op == "swap-lines":
                lines[i], lines[j] = lines[j], lines[i]
            else:
                lines[i] = " " * draw(st.integers(0, 6)) + lines[i].lstrip(" ")
            text = "\n".join(lines)
    data = text.encode("utf-8", "surrogatepass")
    if draw(st.integers(0, 20)) == 0:  # now and then, bytes that are not UTF-8 at all
        data = data[:pos] + b"\xff\xfe\xc3" + data[pos:]
    return data


random_yaml = st.one_of(
    st.binary(max_size=300),
    st.text(st.characters(codec="utf-8"), max_size=300).map(lambda s: s.encode("utf-8")),
    st.lists(st.sampled_from(SNIPPETS), max_size=30).map(lambda p: "".join(p).encode("utf-8")),
)


def rules_loader(path: Path) -> object:
    for name, text in LIBRARIES.items():
        library = path.parent / name
        if not library.exists():
            library.write_text(text, encoding="utf-8")
    return load_rules([path], {"terminal", "chat"}, ("terminal",))


@FUZZ
@given(data=mutated(RULE_SEEDS))
def test_mutated_rules_load_or_report_problems(tmp_path_factory, data):
    outcome_is_clean(rules_loader, tmp_path_factory.mktemp("r") / "rule.yaml", data)


@FUZZ
@given(data=random_yaml)
def test_random_yaml_as_rules_loads_or_reports_problems(tmp_path_factory, data):
    outcome_is_clean(rules_loader, tmp_path_factory.mktemp("r") / "rule.yaml", data)


@FUZZ
@given(data=mutated([CONFIG_SEED]))
def test_mutated_config_loads_or_reports_problems(tmp_path_factory, data):
    outcome_is_clean(load_settings, tmp_path_factory.mktemp("c") / "alerts.yaml", data)


@FUZZ
@given(data=random_yaml)
def test_random_yaml_as_config_loads_or_reports_problems(tmp_path_factory, data):
    outcome_is_clean(load_settings, tmp_path_factory.mktemp("c") / "alerts.yaml", data)


def test_the_seeds_themselves_are_valid(tmp_path):
    """Mutations start from documents that load, so they probe the edges of valid input."""
    for i, seed in enumerate(RULE_SEEDS):
        path = tmp_path / f"seed{i}.yaml"
        path.write_text(seed, encoding="utf-8")
        assert isinstance(rules_loader(path), list)  # loads; a library file has no rules
    path = tmp_path / "alerts.yaml"
    path.write_text(CONFIG_SEED.replace("${FUZZ_UNSET_USER}:${FUZZ_UNSET_PASS}@", ""),
                    encoding="utf-8")
    assert load_settings(path).fetch.allow_networks == ("10.0.0.0/8", "fd00::/8")


# Found by the fuzz tests above and fixed since: each stays as a regression test.
_YAMLSOURCE = ("alerts/yamlsource.py load_documents(): loader.construct_document() raises "
               "ValueError/AttributeError/IndexError on scalars PyYAML resolves but cannot "
               "build; catch them there and report a Problem at node.start_mark.line + 1")
_CONFIG_SORT = ("alerts/config.py _schema_message(): sorted(set(err.instance) - ...) compares "
                "int and str keys; sort with key=str as load_settings() already does")


@pytest.mark.parametrize("text", [
    pytest.param(b"!!timestamp\n", id="bad-timestamp-tag"),
    pytest.param(b"id: a\nwhen: 2025-02-30\n", id="impossible-date"),
    pytest.param(b"x: !!float\n", id="empty-float-tag"),
    pytest.param(b"x: !!float abc\n", id="bad-float-tag"),
])
@pytest.mark.parametrize("loader", ["rules", "config"])
def test_scalars_yaml_cannot_build_are_problems_not_tracebacks(tmp_path, text, loader):
    load = rules_loader if loader == "rules" else load_settings
    outcome_is_clean(load, tmp_path / "f.yaml", text)


def test_mixed_type_unknown_keys_in_config_are_problems(tmp_path):
    outcome_is_clean(load_settings, tmp_path / "alerts.yaml", b"1: a\nb: c\n")
