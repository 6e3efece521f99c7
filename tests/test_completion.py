"""Shell completion as the README documents it: the scripts, and real completions."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from tests.conftest import ROOT, cli_env

ALERTS = Path(sys.executable).parent / "alerts"


def test_the_documented_completion_scripts_and_their_answers():
    readme = (ROOT / "README.md").read_text()
    assert "_ALERTS_COMPLETE=bash_source alerts" in readme
    for shell in ("bash", "zsh", "fish"):
        script = subprocess.run([str(ALERTS)], env=cli_env() | {
            "_ALERTS_COMPLETE": f"{shell}_source"}, capture_output=True, text=True, timeout=60)
        assert script.returncode == 0 and "_ALERTS_COMPLETE" in script.stdout, shell
    # What bash would be told for `alerts fe<TAB>` and `alerts feeds <TAB>`.
    def complete(words: str, cword: int) -> list[str]:
        done = subprocess.run([str(ALERTS)], env=cli_env() | {
            "_ALERTS_COMPLETE": "bash_complete", "COMP_WORDS": words,
            "COMP_CWORD": str(cword)}, capture_output=True, text=True, timeout=60)
        return [line.split(",", 1)[1] for line in done.stdout.splitlines() if "," in line]

    assert "feeds" in complete("alerts fe", 1) and "feedback" in complete("alerts fe", 1)
    assert set(complete("alerts feeds ", 2)) >= {"add", "list", "remove", "import", "export"}
    assert os.environ.get("_ALERTS_COMPLETE") is None
