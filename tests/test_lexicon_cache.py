"""The event lexicon and what reading the rules needs of it are kept on disk (issue #17):
a process reads them from the cache folder instead of building them from frames.yaml, as
long as frames.yaml and the code are the ones that built them, and reading the rules loads
neither the analysis nor the lexicon."""

from __future__ import annotations

import importlib
import json
import subprocess
import sys
from pathlib import Path

import pytest

from alerts.rules import vocabulary
from alerts.rules.grammar import ROLES  # noqa: F401 - the rules' package, loaded as a poll does
from tests.conftest import ROOT, cli_env

# The module (alerts.analysis names its function `lexicon` too).
lexicon_module = importlib.import_module("alerts.analysis.lexicon")


@pytest.fixture
def cache(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "xdg"))
    monkeypatch.delenv("CACHE_DIRECTORY", raising=False)
    lexicon_module.lexicon.cache_clear()
    vocabulary.event_vocabulary.cache_clear()
    yield tmp_path / "xdg" / "alerts" / "analysis"
    lexicon_module.lexicon.cache_clear()
    vocabulary.event_vocabulary.cache_clear()


def refuse_building(monkeypatch: pytest.MonkeyPatch) -> None:
    def refuse(*args):  # type: ignore[no-untyped-def]
        raise AssertionError("built from frames.yaml, not read from the cache")
    monkeypatch.setattr(lexicon_module, "_from_yaml", refuse)
    monkeypatch.setattr(vocabulary, "from_lexicon", refuse)


def test_the_lexicon_is_read_back_equal_to_one_built(cache, monkeypatch):
    built = lexicon_module.lexicon()
    assert [p.name.split(".")[0] for p in cache.glob("*.pickle")] == ["lexicon"]
    lexicon_module.lexicon.cache_clear()
    refuse_building(monkeypatch)
    again = lexicon_module.lexicon()
    assert again is not built and again == built
    assert again == lexicon_module.build(
        __import__("yaml").safe_load(lexicon_module.frames_text()))


def test_the_vocabulary_is_what_the_lexicon_says(cache, monkeypatch):
    from alerts.analysis import FLAGS, MODALITIES, POSITIONS

    lex = lexicon_module.lexicon()
    first = vocabulary.event_vocabulary()
    vocabulary.event_vocabulary.cache_clear()
    refuse_building(monkeypatch)
    kept = vocabulary.event_vocabulary()
    assert kept == first
    assert kept.types == tuple(lex.types) and kept.statuses == lex.statuses
    assert kept.anchors == {t: frozenset(keys) for t, keys in lex.anchors.items()}
    assert (kept.flags, kept.modalities, kept.positions) == (FLAGS, MODALITIES, POSITIONS)


def test_a_changed_frames_file_or_code_builds_them_again(cache):
    text = lexicon_module.frames_text()
    changed = text.replace(b"ceasefire", b"truce", 1)
    assert changed != text
    assert vocabulary.vocabulary_key(changed) != vocabulary.vocabulary_key(text)
    code = lexicon_module._CODE_DIGEST
    assert lexicon_module.built_key(changed, code) != lexicon_module.built_key(text, code)
    assert lexicon_module.built_key(text, code[::-1]) != lexicon_module.built_key(text, code)
    # The vocabulary is rebuilt whenever the lexicon would be, and for the analysis' names.
    assert set(lexicon_module.BUILT_BY) | {"analysis/model.py"} <= set(vocabulary.SOURCES)
    for module in vocabulary.SOURCES:
        assert (vocabulary.buildcache.PACKAGE / module).is_file(), module
    assert vocabulary.FRAMES.read_bytes() == text


def test_a_cache_file_others_may_write_is_not_read(cache, monkeypatch):
    vocabulary.event_vocabulary()
    (kept,) = cache.glob("vocabulary.*.pickle")
    kept.chmod(0o666)
    vocabulary.event_vocabulary.cache_clear()
    made = []
    real = vocabulary.from_lexicon
    monkeypatch.setattr(vocabulary, "from_lexicon", lambda: made.append(1) or real())
    vocabulary.event_vocabulary()
    assert made == [1]


PROBE = """\
import dataclasses, json, sys
from alerts.rules import load_rules
from alerts.rulepack import shipped_rules_dir
rules = load_rules([shipped_rules_dir()], {"desk"}, ("desk",))
def plain(value):  # every condition as data, sets sorted (their order is per process)
    if dataclasses.is_dataclass(value):
        return [type(value).__name__] + [plain(getattr(value, f.name))
                                         for f in dataclasses.fields(value)]
    if isinstance(value, (set, frozenset)):
        return sorted(map(plain, value))
    if isinstance(value, (list, tuple)):
        return [plain(v) for v in value]
    return value if isinstance(value, (str, int, float, bool, type(None))) else repr(value)
events = [[r.id, plain(r.condition)] for r in rules]
fold = sys.modules.get("alerts.fold")
tables = bool(fold and fold._combining_marks.cache_info().currsize)
print(json.dumps({"loaded": sorted(m for m in sys.modules if m.startswith("alerts.analysis"))
                            + ["the folding tables"] * tables, "events": events}))
"""


def read_shipped_rules(cache_home: Path) -> dict:
    env = cli_env() | {"XDG_CACHE_HOME": str(cache_home)}
    env.pop("CACHE_DIRECTORY", None)
    done = subprocess.run([sys.executable, "-c", PROBE], cwd=ROOT, env=env,
                          capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr
    return json.loads(done.stdout.strip().splitlines()[-1])


def test_reading_the_rules_loads_no_analysis_and_reads_them_the_same(tmp_path):
    first = read_shipped_rules(tmp_path / "xdg")  # builds the vocabulary (loads the lexicon)
    assert "alerts.analysis.lexicon" in first["loaded"]
    again = read_shipped_rules(tmp_path / "xdg")
    assert again["loaded"] == [], f"reading the rules loaded {again['loaded']}"
    assert again["events"] == first["events"] and "EventCondition" in json.dumps(again)
