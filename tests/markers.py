"""Every test is `unit`, `integration` or `e2e`, told from what it uses, so that
`pytest -m unit` (seconds), `-m "not e2e"` or `-m e2e` run one kind (markers registered in
pyproject.toml; tests/conftest.py applies them at collection):

- e2e: it starts the real CLI or daemon as a subprocess (in its own code, a helper of its
  module, or a fixture it uses), or it carries the `slow` marker;
- integration: it uses real parts in-process: files under tmp_path, SQLite, a server on
  127.0.0.1 (a fixture of tests/conftest.py or tests/servers.py);
- unit: none of these.

A test can say it itself (`@pytest.mark.e2e`), which wins. Files are also ordered for the
parallel run (`make test`, pytest-xdist with --dist loadfile): the longest start first, so
that none of them starts last and holds up the end of the run.
"""

from __future__ import annotations

import inspect
import re
from collections.abc import Callable, Iterable
from functools import cache
from types import FunctionType

import pytest

KINDS = ("unit", "integration", "e2e")

# What starts a process of alerts (or any program) from a test.
_SUBPROCESS = re.compile(r"\b(run_cli|subprocess\.(run|Popen|check_output|call)|Popen\(|"
                         r"sys\.executable|start_daemon|os\.fork)\b")
# What uses a real file, database or server in the test process.
_REAL_PARTS = re.compile(r"\b(tmp_path|tmp_path_factory|Store\(|sqlite3\.|FeedServer|"
                         r"SmtpServer|WebhookReceiver|SlowServer|Controller\(|socket\.|"
                         r"Fetcher\(|write_config|load_settings\(|\.write_text\(|\.write_bytes\()")
_REAL_FIXTURES = frozenset({"tmp_path", "tmp_path_factory", "feed_server", "smtp", "webhook",
                            "store", "tmpdir", "monkeypatch_state"})


@cache
def _source(func: Callable[..., object]) -> str:
    try:
        return inspect.getsource(func)
    except (OSError, TypeError):
        return ""


def _called(func: FunctionType, depth: int) -> Iterable[FunctionType]:
    """The module-level functions and classes of the tests package that `func` names, and
    what they name in turn, `depth` levels down."""
    if depth <= 0:
        return
    code = getattr(func, "__code__", None)
    if code is None:
        return
    names = set(code.co_names)
    for const in code.co_consts:  # nested functions and lambdas
        if hasattr(const, "co_names"):
            names.update(const.co_names)
    globals_ = getattr(func, "__globals__", {})
    for name in names:
        target = globals_.get(name)
        module = getattr(target, "__module__", "") or ""
        if not module.startswith("tests"):
            continue
        if isinstance(target, FunctionType):
            yield target
            yield from _called(target, depth - 1)
        elif isinstance(target, type):
            for attr in vars(target).values():
                if isinstance(attr, FunctionType):
                    yield attr
                    yield from _called(attr, depth - 1)


def _sources(item: pytest.Function) -> str:
    """The test's code, what of the tests package it calls, and its fixtures' code."""
    funcs: list[Callable[..., object]] = [item.function]
    funcs.extend(_called(item.function, 2))  # type: ignore[arg-type]
    info = getattr(item, "_fixtureinfo", None)
    for name in item.fixturenames:
        for fixturedef in (info.name2fixturedefs.get(name, ()) if info else ()):
            func = fixturedef.func
            if (getattr(func, "__module__", "") or "").startswith("tests"):
                funcs.append(func)
                funcs.extend(_called(func, 2))  # type: ignore[arg-type]
    return "\n".join(_source(f) for f in funcs)


def kind_of(item: pytest.Item) -> str:
    for kind in KINDS:
        if item.get_closest_marker(kind) is not None:
            return kind
    if item.get_closest_marker("slow") is not None:
        return "e2e"
    if not isinstance(item, pytest.Function):
        return "integration"
    code = _sources(item)
    if _SUBPROCESS.search(code):
        return "e2e"
    if _REAL_FIXTURES & set(item.fixturenames) or _REAL_PARTS.search(code):
        return "integration"
    return "unit"


# The files that took longest in a full run (`pytest --durations`, summed per file; measured
# 2026-12-05), longest first. Only the order of the parallel run depends on it: a file that
# is missing or renamed is ordered by its count of e2e tests like every other.
LONGEST_FILES = (
    "test_same_alerts.py", "test_state_guard.py", "test_storage_faults.py",
    "test_delivery_crash.py", "test_stories_measured.py", "test_tools.py", "test_daemon.py",
    "test_cli.py", "test_desk.py", "test_sweep.py", "test_opml_real.py", "test_parse_fast.py",
    "test_outbox_cli.py", "test_quality_real.py", "test_knowledge_cache.py",
    "test_outbox_atomic.py", "test_feed_secrets.py", "test_stories_corpus.py",
    "test_rule_safety.py", "test_pipx_install.py", "test_start_light.py",
    "test_story_explain.py", "test_feeds_cli.py", "test_knowledge_data.py",
    "test_systemd_install.py", "test_config_reload.py", "test_health.py", "test_web.py",
)


def classify(items: list[pytest.Item]) -> None:
    """Mark every item with its kind, and order the files for the parallel run: the longest
    known ones first, then those with the most e2e tests (a subprocess each)."""
    e2e_per_file: dict[str, int] = {}
    for item in items:
        kind = kind_of(item)
        if item.get_closest_marker(kind) is None:
            item.add_marker(getattr(pytest.mark, kind))
        path = str(item.path)
        e2e_per_file[path] = e2e_per_file.get(path, 0) + (kind == "e2e")
    first_seen = {str(item.path): n for n, item in reversed(list(enumerate(items)))}
    rank = {name: n for n, name in enumerate(LONGEST_FILES)}

    def order(item: pytest.Item) -> tuple[int, int, int]:
        path = str(item.path)
        return (rank.get(item.path.name, len(rank)), -e2e_per_file[path], first_seen[path])

    items.sort(key=order)

