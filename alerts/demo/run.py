"""`alerts demo`: the real daemon, against the demo wire, alerts printed on the terminal."""

from __future__ import annotations

import asyncio
import logging
import tempfile
from pathlib import Path

import yaml

from alerts.config import load_settings
from alerts.daemon import Daemon
from alerts.demo.server import DemoWire
from alerts.errors import StateError
from alerts.lock import StateLock
from alerts.rulepack import shipped_rules_dir
from alerts.rules import RuleSet, load_rules

log = logging.getLogger(__name__)


def write_demo_config(directory: Path, wire: DemoWire, state: str | None) -> Path:
    config = {
        # --state is read from where the command runs, not from the throwaway config's folder
        # (which goes when the demo ends, and the state with it).
        "state": str(Path(state).resolve()) if state else str(directory / "demo.db"),
        "rules": [str(shipped_rules_dir())],
        "defaults": {"interval": 2, "channels": ["terminal"]},
        "notify": {"interval": 1},
        # The demo wire is on loopback, which the address guard refuses unless allowed.
        "fetch": {"timeout": 10, "allow_networks": ["127.0.0.0/8"]},
        "channels": {"terminal": "console://"},
        "feeds": [{"url": url, "name": name} for url, name in wire.feed_urls()],
    }
    path = directory / "alerts.yaml"
    path.write_text(yaml.safe_dump(config, sort_keys=False), encoding="utf-8")
    return path


def run_demo(duration: float | None, every: float, state: str | None) -> int:
    lock = StateLock(Path(state).resolve()) if state else None
    holder = lock.try_acquire("demo") if lock else None
    if holder is not None:
        # The demo is a daemon too: beside another on the same state it would record the
        # demo's items into that state and mix its outbox with the real one.
        raise StateError(f"the state database {state} is in use by {holder.describe()}; the "
                         "demo does not run on it. Run `alerts demo` without --state (a fresh "
                         "temporary state) or give it a state file of its own")
    wire = DemoWire(every=every).start()
    try:
        with tempfile.TemporaryDirectory(prefix="alerts-demo-") as tmp:
            path = write_demo_config(Path(tmp), wire, state)
            settings = load_settings(path)
            rules = RuleSet(load_rules(settings.rule_paths, set(settings.channels),
                                       settings.default_channels), settings.default_channels)
            log.info("demo wire on %s: %d feeds, %d items, one released every %.0f s; "
                     "the first %d items of each feed are the backlog and do not alert",
                     wire.base_url, len(wire.feeds), wire.total_items, every, wire.backlog)
            return asyncio.run(Daemon(settings, rules, duration=duration).run())
    finally:
        wire.stop()
        if lock:
            lock.release()
