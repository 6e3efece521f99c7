"""`pipx install .` as a user would run it, and the installed `alerts` run outside the checkout:
the wheel carries everything the package reads at run time (the shipped rules, knowledge data,
templates, the demo wire, web metadata, the rule schema, starter.yaml...).

The install is offline: the dependencies are wheels in a wheelhouse kept in this venv
(`<venv>/wheelhouse`), filled from the package index the first time (bounded in time; the
test skips, saying so, when the index cannot be reached), and pipx's pip is told
`--no-index --find-links` it. The checkout itself is built from source by pipx."""

from __future__ import annotations

import importlib.util
import os
import subprocess
import sys
from pathlib import Path

import pytest

from alerts import __version__
from tests.conftest import ROOT

pytestmark = pytest.mark.slow

WHEELHOUSE = Path(sys.prefix) / "wheelhouse"
# What pip needs besides the package's own dependencies: the build backend (pipx builds the
# checkout in an isolated environment) and pip itself (pipx's shared libraries).
BUILD = ("hatchling", "pip")


def _run(args: list[str], timeout: float, **kwargs: object) -> subprocess.CompletedProcess[str]:
    try:
        return subprocess.run(args, capture_output=True, text=True, timeout=timeout,
                              **kwargs)  # type: ignore[call-overload]
    except subprocess.TimeoutExpired as exc:
        return subprocess.CompletedProcess(args, -1, "", f"timed out after {timeout} s: {exc}")


def _index_reachable() -> bool:
    probe = _run([sys.executable, "-m", "pip", "download", "--no-deps", "--no-cache-dir",
                  "--dest", str(WHEELHOUSE / ".probe"), "pip"], timeout=60)
    return probe.returncode == 0


def _ensure_pipx() -> None:
    if importlib.util.find_spec("pipx") is not None:
        return
    done = _run([sys.executable, "-m", "pip", "install", "--quiet", "pipx"], timeout=180)
    if done.returncode != 0:
        pytest.skip("pipx is not installed (it is in the test extra: pip install -e '.[test]') "
                    "and the package index could not be reached to install it: "
                    + done.stderr.strip()[-300:])


def _wheelhouse() -> Path:
    """Wheels of every dependency and of the build backend, offline when they are there."""
    WHEELHOUSE.mkdir(exist_ok=True)
    wanted = [sys.executable, "-m", "pip", "wheel", "--quiet", "--wheel-dir", str(WHEELHOUSE),
              str(ROOT), *BUILD]
    done = _run([*wanted, "--no-index", "--find-links", str(WHEELHOUSE)], timeout=300)
    if done.returncode != 0:
        done = _run(wanted, timeout=300)
        if done.returncode != 0:
            if not _index_reachable():
                pytest.skip("the dependencies' wheels are not in " + str(WHEELHOUSE) + " and the "
                            "package index cannot be reached to fetch them")
            pytest.fail("pip could not build the checkout and its dependencies:\n"
                        + done.stderr[-3000:])
    for own in WHEELHOUSE.glob("diplomatic_alerts-*.whl"):
        own.unlink()  # pipx builds the checkout itself, from source
    return WHEELHOUSE


def _data_files() -> list[str]:
    """Every file the package reads that is not Python, as the installed package names it."""
    listed = _run(["git", "-C", str(ROOT), "ls-files", "alerts", "rules"], timeout=30)
    if listed.returncode == 0:
        names = listed.stdout.split()
    else:  # not a git checkout: the tree as it is
        names = [p.relative_to(ROOT).as_posix() for top in ("alerts", "rules")
                 for p in (ROOT / top).rglob("*") if p.is_file()]
    out = []
    for name in names:
        if name.endswith((".py", ".pyc")) or "__pycache__" in name:
            continue
        # The shipped rule pack travels as alerts/rulepack (pyproject force-include).
        out.append("alerts/rulepack/" + name[len("rules/"):] if name.startswith("rules/")
                   else name)
    return sorted(out)


def test_pipx_install_runs_from_its_own_venv_outside_the_checkout(tmp_path):
    _ensure_pipx()
    wheels = _wheelhouse()
    home, bin_dir = tmp_path / "pipx", tmp_path / "bin"
    env = {k: v for k, v in os.environ.items()
           if not k.startswith(("ALERTS_", "PIP_", "PIPX_", "VIRTUAL_ENV", "PYTHON"))}
    env.update(PIPX_HOME=str(home), PIPX_BIN_DIR=str(bin_dir), PIPX_MAN_DIR=str(tmp_path / "man"),
               PIP_NO_INDEX="1", PIP_FIND_LINKS=str(wheels), PIP_DISABLE_PIP_VERSION_CHECK="1")
    done = _run([sys.executable, "-m", "pipx", "install", str(ROOT)], timeout=300, env=env)
    assert done.returncode == 0, done.stdout + done.stderr

    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    env["PATH"] = f"{bin_dir}{os.pathsep}{env.get('PATH', '')}"
    alerts = str(bin_dir / "alerts")

    def run(*args: str, timeout: float = 60) -> subprocess.CompletedProcess[str]:
        return _run([alerts, *args], timeout=timeout, cwd=elsewhere, env=env)

    version = run("--version")
    assert version.returncode == 0 and version.stdout.strip() == f"alerts, version {__version__}"

    python = home / "venvs" / "diplomatic-alerts" / "bin" / "python"
    where = _run([str(python), "-c", "import alerts, pathlib; print(pathlib.Path("
                  "alerts.__file__).parent.parent)"], timeout=30, cwd=elsewhere, env=env)
    site = Path(where.stdout.strip())
    assert where.returncode == 0 and site.is_relative_to(home), where.stdout + where.stderr
    missing = [name for name in _data_files() if not (site / name).is_file()]
    assert not missing, f"not in the wheel: {missing}"

    reference = run("help", "rule")  # alerts/reference.yaml, read from the package
    assert reference.returncode == 0 and "corroborate" in reference.stdout, reference.stderr

    init = run("init", "desk")
    assert init.returncode == 0, init.stderr
    check = run("--config", "desk/alerts.yaml", "check")
    assert check.returncode == 0 and "OK" in check.stdout, check.stdout + check.stderr

    # (long enough for a fresh install's first polls on a busy machine: not a timing check)
    demo = run("demo", "--duration", "15", "--every", "1", "--state", "demo.db", timeout=120)
    assert demo.returncode == 0, demo.stderr[-2000:]
    assert "matched because" in demo.stdout and "-- alert " in demo.stdout, demo.stdout[-2000:]
    assert (elsewhere / "demo.db").is_file()
