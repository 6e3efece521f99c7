"""The knowledge base is built once and kept on disk (issue #17): a process reads its
indexes and phrase automata from the cache folder instead of building them, as long as the
data, the user's files and the code are the ones that built it; a cache file anyone else
could have written is never read (unpickling runs code)."""

from __future__ import annotations

from pathlib import Path

import pytest

from alerts.knowledge import base

TEXT = " macron spoke with jane doe and the president of ukraine "
PERSON = """\
people:
  - id: jane-doe
    name: Jane Doe
    roles:
      - {office: other, title: "Special Envoy of Ruritania", country: "FR", from: "2025-01-01"}
"""


@pytest.fixture
def cache(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "xdg"))
    monkeypatch.delenv("CACHE_DIRECTORY", raising=False)
    return tmp_path / "xdg" / "alerts" / "knowledge"


def found(kb: base.KnowledgeBase) -> list[str]:
    return [m.entity.id for m in kb.mentions(TEXT, None)]


def not_built(monkeypatch: pytest.MonkeyPatch) -> None:
    """From here on, building the base from its data fails the test."""
    def refuse(folder):
        raise AssertionError("the knowledge base was built, not read from the cache")
    monkeypatch.setattr(base, "_construct", refuse)


def test_a_built_base_is_read_back_with_the_same_answers(cache, monkeypatch, tmp_path):
    folder = tmp_path / "knowledge"
    folder.mkdir()
    (folder / "people.yaml").write_text(PERSON, "utf-8")
    built = base._build(folder)
    assert [p.name for p in cache.glob("built.*.pickle")]
    assert "jane-doe" in found(built)
    not_built(monkeypatch)
    again = base._build(folder)
    assert again is not built and found(again) == found(built)
    assert again.holder("head-of-state", "FR", None).id == "emmanuel-macron"


def test_a_changed_user_file_builds_it_again(cache, monkeypatch, tmp_path):
    folder = tmp_path / "knowledge"
    folder.mkdir()
    (folder / "people.yaml").write_text(PERSON, "utf-8")
    base._build(folder)
    (folder / "people.yaml").write_text(PERSON.replace("Jane Doe", "Joan Roe"), "utf-8")
    rebuilt = base._build(folder)
    assert "jane-doe" not in found(rebuilt)
    assert [m.entity.id for m in rebuilt.mentions(" joan roe ", None)] == ["jane-doe"]
    # The newest few are kept, the oldest removed.
    for n in range(base._BUILT_KEPT + 1):
        (folder / "people.yaml").write_text(PERSON.replace("Jane Doe", f"Jane Doe {n}"), "utf-8")
        base._build(folder)
    assert len(list(cache.glob("built.*.pickle"))) == base._BUILT_KEPT


def test_a_missing_base_is_built_by_a_child_process_and_read_back(cache, monkeypatch):
    # Building and pickling it here would keep its pickled automata in this (long-lived)
    # process for good (alerts.buildcache.built, pyahocorasick#219).
    not_built(monkeypatch)
    kb = base._build(None)
    assert "emmanuel-macron" in found(kb)
    assert [p.name for p in cache.glob("built.*.pickle")]


def test_a_broken_cache_file_is_built_again(cache, monkeypatch):
    base._build(None)
    (cached,) = cache.glob("built.*.pickle")
    cached.write_bytes(b"not a pickle")
    cached.chmod(0o600)
    kb = base._build(None)
    assert "emmanuel-macron" in found(kb)


def test_a_cache_file_others_may_write_is_not_read(cache, monkeypatch):
    base._build(None)
    (cached,) = cache.glob("built.*.pickle")
    cached.chmod(0o666)
    foreign = cached.stat().st_ino
    # Built again (by a child process: alerts.buildcache.built) and written anew, for this
    # user alone: read from now on.
    assert "emmanuel-macron" in found(base._build(None))
    (cached,) = cache.glob("built.*.pickle")
    assert cached.stat().st_ino != foreign
    assert cached.stat().st_mode & 0o077 == 0
    not_built(monkeypatch)
    assert "emmanuel-macron" in found(base._build(None))


def test_any_shipped_data_file_is_part_of_the_key(tmp_path, monkeypatch):
    import shutil

    shipped = Path(base.__file__).parent
    copy = tmp_path / "package"
    shutil.copytree(shipped / "data", copy / "data")
    monkeypatch.setattr(base.resources, "files", lambda package: copy)
    before = base._built_key(None)
    assert base._built_key(None) == before
    # A data file the base may read one day (a new list of places, say) changes the key.
    (copy / "data" / "zz-new.yaml").write_text("- {code: ZZ}\n", "utf-8")
    after = base._built_key(None)
    assert after != before
    (copy / "data" / "zz-new.yaml").write_text("- {code: ZY}\n", "utf-8")
    assert base._built_key(None) != after


def test_a_process_running_old_code_keeps_the_old_key(tmp_path):
    """After an upgrade on disk, a daemon still running the old code must not file the base
    it builds under the new code's key: the new code would read an object of the old shape
    (seen: AttributeError for a field the new code added)."""
    import shutil
    import subprocess
    import sys
    import textwrap

    package = Path(base.__file__).resolve().parent.parent
    copy = tmp_path / "site"
    shutil.copytree(package, copy / "alerts", ignore=shutil.ignore_patterns("__pycache__"))
    script = textwrap.dedent("""
        import sys
        from pathlib import Path
        from alerts.knowledge import base
        before = base._built_key(None)
        phrases = Path(base.__file__).parent / "phrases.py"
        if sys.argv[1] == "upgrade":
            phrases.write_text(phrases.read_text() + "\\n# upgraded\\n")
        print(before, base._built_key(None))
    """)

    def keys(*args: str) -> list[str]:
        done = subprocess.run([sys.executable, "-c", script, *args], cwd=copy, check=True,
                              capture_output=True, text=True, timeout=60,
                              env={"PYTHONPATH": str(copy), "PATH": "/usr/bin:/bin"})
        return done.stdout.split()

    old_loaded, after_upgrade = keys("upgrade")
    assert after_upgrade == old_loaded  # the running old code keeps its own key
    (new_loaded, _) = keys("look")
    assert new_loaded != old_loaded  # the new code has another one
