from __future__ import annotations

import os
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING

import pytest
import yaml

from tests.servers import FeedServer, SmtpServer, WebhookReceiver

if TYPE_CHECKING:
    from alerts.rules import RuleSet

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT.parent / "shared" / "corpus"

CEASEFIRE_RULE = """\
id: ceasefire-call
title: Someone calls for a ceasefire
severity: high
match:
  all:
    - terms: [ceasefire, truce]
    - terms: ["call* for", urge*]
"""


@pytest.fixture
def feed_server() -> Iterator[FeedServer]:
    server = FeedServer()
    yield server
    server.close()


@pytest.fixture
def webhook() -> Iterator[WebhookReceiver]:
    receiver = WebhookReceiver()
    yield receiver
    receiver.close()


@pytest.fixture
def smtp() -> Iterator[SmtpServer]:
    server = SmtpServer().start()
    yield server
    server.stop()


def polling_rules(directory: Path) -> RuleSet:
    """A set with one enabled rule, for tests about polling itself: without an enabled rule
    a poller fetches nothing (its items would be marked seen and never alert)."""
    from alerts.rules import RuleSet, load_rules

    folder = directory / "polling-rules"
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "ceasefire.yaml").write_text(CEASEFIRE_RULE, encoding="utf-8")
    return RuleSet(load_rules([folder]))


def write_config(directory: Path, *, feeds: list[dict], channels: dict,
                 rules: dict[str, str] | None = None, **extra: object) -> Path:
    """An alerts.yaml plus a rules/ folder in `directory`; returns the config path."""
    rules_dir = directory / "rules"
    rules_dir.mkdir(parents=True, exist_ok=True)
    for name, text in (rules if rules is not None else {"ceasefire.yaml": CEASEFIRE_RULE}).items():
        (rules_dir / name).write_text(text, encoding="utf-8")
    config = {
        "state": "state/alerts.db",
        "rules": ["rules"],
        "defaults": {"interval": 1, "channels": sorted(channels)},
        "notify": {"interval": 1, "retry_base": 1, "retry_max": 2},
        # Test feeds are on loopback, which the address guard refuses unless allowed.
        "fetch": {"timeout": 5, "allow_networks": ["127.0.0.0/8"]},
        "channels": channels,
        "feeds": feeds,
        **extra,
    }
    path = directory / "alerts.yaml"
    path.write_text(yaml.safe_dump(config, sort_keys=False, allow_unicode=True), encoding="utf-8")
    return path


def cli_env() -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith("ALERTS_")}
    env["PYTHONUNBUFFERED"] = "1"
    return env


def run_cli(*args: str, cwd: Path | None = None, timeout: float = 60,
            env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "alerts", *args], cwd=cwd, env=env or cli_env(),
                          capture_output=True, text=True, timeout=timeout)
