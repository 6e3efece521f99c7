"""Importing a stage loads only what it needs (#20): each stage is imported alone in a fresh
interpreter, which reports the modules it ended with. None loads Apprise, the templates
(Jinja2, MarkupSafe), the configuration's schema checks (jsonschema), the scheduler, the web
front end or the command line.

What each stage loads besides the standard library (measured when this test was written):
- alerts.fetch: httpx and its parts (httpcore, h11, anyio, idna, certifi); httpx itself
  imports its command line (click, pygments) when they are installed
- alerts.parse: nothing (feedparser runs in the parse workers, loaded there)
- alerts.analysis: PyYAML and pyahocorasick (the lexicon and the knowledge base's phrases)
- alerts.rules: nothing until a part is asked for; its loader PyYAML, its engine pyahocorasick
- alerts.stories: nothing
- alerts.state: sqlite-utils and what it imports (click, dateutil, pluggy, sqlite-fts4)
"""

from __future__ import annotations

import json
import subprocess
import sys

import pytest

from tests.conftest import ROOT

NEVER = ("apprise", "jinja2", "jsonschema", "markupsafe", "apscheduler", "datasette", "click")
# click comes with a library a stage needs, which imports it itself (checked below).
BROUGHT_BY = {"alerts.fetch": {"click": "httpx"}, "alerts.state": {"click": "sqlite_utils"}}
# Our own modules a stage does not need: the configuration's loader (its schema, routing and
# templates) for fetching; the rule engine and loader for the state, which reads only the
# rule history's records.
NOT_NEEDED = {"alerts.fetch": ("alerts.config", "alerts.options", "alerts.routing",
                               "alerts.render"),
              "alerts.state": ("alerts.rules.engine", "alerts.rules.loader",
                               "alerts.rules.conditions"),
              "alerts.stories": ("alerts.rules", "alerts.state", "alerts.analysis"),
              # The poll worker digests documents the polling process fetched (#17: httpx
              # and its parts were a quarter of the worker's start).
              "alerts.pipeline": ("alerts.fetch", "httpx", "httpcore")}
STAGES = ("alerts.fetch", "alerts.parse", "alerts.analysis", "alerts.rules",
          "alerts.rules.loader", "alerts.rules.engine", "alerts.stories", "alerts.state")


def loaded_by(module: str) -> set[str]:
    """The modules in sys.modules after importing `module` alone, and their top-level
    packages."""
    code = (f"import sys, json; import {module}; "
            "print(json.dumps(sorted({*sys.modules, *(m.split('.')[0] for m in sys.modules)})))")
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                          timeout=60, cwd=ROOT)
    assert done.returncode == 0, done.stderr
    return set(json.loads(done.stdout.strip().splitlines()[-1]))


@pytest.mark.parametrize("stage", STAGES)
def test_importing_a_stage_loads_none_of_the_heavy_parts(stage):
    allowed = BROUGHT_BY.get(stage, {})
    heavy = sorted(name for name in NEVER if name not in allowed)
    found = sorted(loaded_by(stage) & set(heavy))
    assert not found, (f"importing {stage} loads {', '.join(found)}: import it where it is "
                       "used (inside the function, or under TYPE_CHECKING for annotations)")


@pytest.mark.parametrize("stage", sorted(NOT_NEEDED))
def test_importing_a_stage_loads_none_of_our_modules_it_does_not_need(stage):
    found = sorted(loaded_by(stage) & set(NOT_NEEDED[stage]))
    assert not found, f"importing {stage} loads {', '.join(found)}, which it does not need"


@pytest.mark.parametrize(("package", "library"), sorted(
    {(package, library) for allowed in BROUGHT_BY.values()
     for package, library in allowed.items()}))
def test_what_a_stage_may_load_comes_with_a_library_it_needs(package, library):
    # Were this false, the allowance would hide an import of our own: remove it.
    assert package in loaded_by(library)
