"""`alerts check` warns about rules that match nearly everything, with file:line."""

from __future__ import annotations

from tests.conftest import run_cli, write_config

ANY_NOT = """\
id: broad
title: Too broad
match:
  all:
    - terms: [embassy]
    - any:
        - terms: [closed, closes]
        - not: {terms: [reopened]}
"""

ONLY_NOT = """\
id: everything
title: Everything
match:
  not: {terms: [football]}
"""

FINE = """\
id: fine
title: Fine
match:
  all:
    - terms: [embassy]
    - not: {terms: [reopened]}
    - any:
        - terms: [closed]
        - all: [{terms: [shut]}, {not: {terms: [temporarily]}}]
"""


def test_a_not_under_any_and_a_lone_not_are_warned_about(tmp_path):
    config = write_config(tmp_path, feeds=[], channels={"terminal": "console://"},
                          rules={"broad.yaml": ANY_NOT, "everything.yaml": ONLY_NOT,
                                 "fine.yaml": FINE})
    done = run_cli("--config", str(config), "check")
    assert done.returncode == 0, done.stderr  # warnings only: the rules still load
    warnings = [line for line in done.stderr.splitlines() if line.startswith("warning:")]
    assert len(warnings) == 2, done.stderr
    broad = next(w for w in warnings if "'broad'" in w)
    assert f"{tmp_path / 'rules' / 'broad.yaml'}:8:" in broad and "under an 'all'" in broad
    everything = next(w for w in warnings if "'everything'" in w)
    assert f"{tmp_path / 'rules' / 'everything.yaml'}:4:" in everything
    assert "fine" not in done.stderr
