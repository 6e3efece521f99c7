"""The suite keeps its build caches in the checkout, not in the user's cache folder."""

from __future__ import annotations

from alerts import buildcache
from tests.conftest import ROOT, cli_env


def test_the_suite_and_its_cli_runs_cache_inside_the_checkout():
    assert buildcache.cache_root().is_relative_to(ROOT / "test-artifacts")
    assert cli_env()["XDG_CACHE_HOME"].startswith(str(ROOT / "test-artifacts"))
