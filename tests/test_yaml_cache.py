"""A YAML file parsed without problems is read back from the cache folder the next time
(alerts.yamlsource, issue #17): the same documents, lines and types, without loading PyYAML;
an edited file is parsed again, and a file with problems tells them every time."""

from __future__ import annotations

import json
import os
import subprocess
import sys

from alerts.yamlsource import LinedDict, LinedList, load_documents, plain
from tests.conftest import ROOT

TEXT = """\
feeds:
  - url: https://example.org/a.xml  # a comment
    name: A
  - {url: "https://example.org/b.xml", name: B}
codes: [NO, on, yes]
when: 2025-06-30
anchor: &shared {x: 1}
again: *shared
---
second: true
"""

CHILD = """\
import json, sys
from alerts.yamlsource import load_documents, line_at
docs, problems = load_documents(sys.argv[1])
d = docs[0].data
print(json.dumps({
    "loaded": sorted(m for m in sys.modules
                     if m == "yaml" or m.startswith(("yaml.", "alerts.yamlload"))),
    "problems": [p.message for p in problems],
    "lines": [x.line for x in docs],
    "feed_b": line_at(d, ("feeds", 1, "name")), "codes": line_at(d, ("codes", 2)),
    "types": [type(d).__name__, type(d["feeds"]).__name__, type(d["feeds"][1]).__name__],
    "shared": d["anchor"] is d["again"], "when": repr(d["when"]),
    "data": repr([x.data for x in docs]),
}))
"""


def load_in_child(path, cache):
    env = {k: v for k, v in os.environ.items() if k != "CACHE_DIRECTORY"}
    env["XDG_CACHE_HOME"] = str(cache)
    done = subprocess.run([sys.executable, "-c", CHILD, str(path)], cwd=ROOT, env=env,
                          capture_output=True, text=True, timeout=60)
    assert done.returncode == 0, done.stderr
    return json.loads(done.stdout)


def test_a_file_read_again_comes_from_the_cache_as_it_was_parsed(tmp_path):
    path = tmp_path / "alerts.yaml"
    path.write_text(TEXT, "utf-8")
    first = load_in_child(path, tmp_path / "cache")
    second = load_in_child(path, tmp_path / "cache")
    assert "yaml" in first["loaded"] and "alerts.yamlload" in first["loaded"]
    assert second["loaded"] == [], second["loaded"]
    assert {**first, "loaded": []} == second
    assert second["lines"] == [1, 10] and second["feed_b"] == 4 and second["codes"] == 5
    assert second["types"] == ["LinedDict", "LinedList", "LinedDict"] and second["shared"]
    assert second["when"] == "datetime.date(2025, 6, 30)"


def test_a_cached_load_equals_a_fresh_parse(tmp_path):
    path = tmp_path / "alerts.yaml"
    path.write_text(TEXT, "utf-8")
    load_documents(path)  # stored
    cached, problems = load_documents(path)
    fresh, _ = load_documents(path, TEXT)  # a text given is always parsed
    assert problems == []
    assert [plain(d.data) for d in cached] == [plain(d.data) for d in fresh]
    for ours, theirs in zip(cached, fresh, strict=True):
        assert (ours.path, ours.line) == (theirs.path, theirs.line) == (str(path), ours.line)
        assert isinstance(ours.data, LinedDict)
        assert ours.data.key_lines == theirs.data.key_lines
    feeds = cached[0].data["feeds"]
    assert isinstance(feeds, LinedList) and feeds.item_lines == [2, 4]


def test_an_edited_file_is_parsed_again(tmp_path):
    path = tmp_path / "alerts.yaml"
    path.write_text("a: 1\n", "utf-8")
    assert load_documents(path)[0][0].data == {"a": 1}
    path.write_text("a: 2\n", "utf-8")
    assert load_documents(path)[0][0].data == {"a": 2}


def test_a_file_with_problems_tells_them_each_time(tmp_path):
    path = tmp_path / "alerts.yaml"
    path.write_text("a: 1\nb: 2\na: 3\n", "utf-8")
    for _ in range(2):
        docs, problems = load_documents(path)
        assert docs == [] and len(problems) == 1
        assert problems[0].line == 3 and "appears twice" in problems[0].message


def test_a_file_in_use_outlives_the_files_stored_after_it(tmp_path, monkeypatch):
    from alerts import yamlsource

    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))
    monkeypatch.setattr(yamlsource, "CACHE_KEEP", 4)
    folder = tmp_path / "cache" / "alerts" / "yaml"
    used, once = tmp_path / "used.yaml", tmp_path / "once.yaml"
    used.write_text("desk: used at every start\n", "utf-8")
    once.write_text("desk: read once\n", "utf-8")
    load_documents(once)
    for n in range(12):  # others stored meanwhile, three times the number kept
        load_documents(used)  # a start reads it again
        other = tmp_path / f"other{n}.yaml"
        other.write_text(f"n: {n}\n", "utf-8")
        load_documents(other)
    kept = {p.read_bytes() for p in folder.glob("parsed.*.pickle")}
    assert len(kept) == 4
    docs, _ = load_documents(used)
    assert docs[0].data == {"desk": "used at every start"}
    assert any(b"used at every start" in blob for blob in kept)
    assert not any(b"read once" in blob for blob in kept)
