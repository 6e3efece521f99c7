from __future__ import annotations

import asyncio
import os
import random
import signal
import sqlite3
import subprocess
import sys
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import TYPE_CHECKING, Any

import pytest
import yaml

from tests.markers import classify
from tests.servers import WAIT_SCALE, FeedServer, SmtpServer, WebhookReceiver

if TYPE_CHECKING:
    from alerts.config import Channel, FetchSettings, NotifySettings
    from alerts.deliver import DeliveryReport
    from alerts.models import Feed, PollResult
    from alerts.rules import RuleSet
    from alerts.state import Store
    from tests.shared_work import RunCache

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT.parent / "shared" / "corpus"

# The built knowledge base, lexicon and checked settings (alerts.buildcache) are cached in a
# folder of the checkout's own, shared by every worker and CLI run of the suite and kept
# between runs, never in the user's ~/.cache (a desk running the tests beside its daemon
# would see its entries evicted by other versions of the code).
TEST_CACHE = ROOT / "test-artifacts" / "cache"
os.environ["XDG_CACHE_HOME"] = str(TEST_CACHE)
os.environ.pop("CACHE_DIRECTORY", None)  # systemd's, which would win over it

LOOPBACK = ("127.0.0.0/8",)  # test feeds are on loopback, which the address guard refuses
CEASEFIRE_RULE = """\
id: ceasefire-call
title: Someone calls for a ceasefire
severity: high
match:
  all:
    - terms: [ceasefire, truce]
    - terms: ["call* for", urge*]
"""


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    """Each test marked unit, integration or e2e (tests/markers.py); slowest files first."""
    classify(items)


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


def loaded_probe(heavy: tuple[str, ...]) -> str:
    """A `python -c` script that runs the CLI with its own arguments and prints its exit code
    and which of the `heavy` modules it loaded (tests that a path starts light). It runs the
    command group itself: `alerts.cli.main` ends the process at once (alerts.quickexit)."""
    return f"""\
import sys
from alerts.cli import cli
sys.argv = ["alerts", *sys.argv[1:]]
code = 0
try:
    cli.main(prog_name="alerts")
except SystemExit as exc:
    code = exc.code
loaded = sorted(m for m in {heavy!r} if m in sys.modules)
print("EXIT", code)
print("LOADED", ",".join(loaded))
"""


def cli_env() -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith("ALERTS_")}
    env["PYTHONUNBUFFERED"] = "1"
    return env


def run_cli(*args: str, cwd: Path | None = None, timeout: float = 60,
            env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "alerts", *args], cwd=cwd, env=env or cli_env(),
                          capture_output=True, text=True, timeout=timeout)


def query(db: Path, sql: str, *params: object) -> list[tuple]:
    """The rows of one SQL statement on a state file, read beside whoever writes it."""
    with sqlite3.connect(db, timeout=5) as conn:
        return conn.execute(sql, params).fetchall()


def outbox_messages(db: Path) -> list[Any]:
    """Every queued message, oldest first, as the sender sends it: an alert is queued with
    its title and facts and its body is rendered when sent (#17), here as the sender does,
    in the format it was queued for."""
    from alerts.deliver import rendered
    from alerts.messages import ALERT, UPDATE
    from alerts.routing import ChannelStyle
    from alerts.state import Store

    opened = Store(db)
    try:
        rows = opened.outbox_rows(r[0] for r in query(db, "SELECT id FROM outbox ORDER BY id"))
        return [rendered(opened, ChannelStyle(row.format), row)
                if not row.body and row.kind in (ALERT, UPDATE) else row for row in rows]
    finally:
        opened.close()


@pytest.fixture(scope="session")
def run_cache(tmp_path_factory: pytest.TempPathFactory) -> RunCache:
    """Expensive results shared by the test files (and xdist workers) of one run, each
    computed once (tests/shared_work.py)."""
    from tests.shared_work import RunCache, run_cache_folder

    return RunCache(run_cache_folder(tmp_path_factory.getbasetemp()))


@pytest.fixture
def store(tmp_path: Path) -> Iterator[Store]:
    """A fresh state database (tmp_path/s.db), closed after the test."""
    from alerts.state import Store

    opened = Store(tmp_path / "s.db")
    yield opened
    opened.close()


def poll_once(db: Path, feed: Feed, rules: RuleSet | None = None, *,
              fetch: FetchSettings | None = None, **poller: Any) -> PollResult:
    """One poll of `feed` through the real Fetcher and Poller, on the state at `db` (opened
    and closed around it), as `poll --once` does. `rules`: else one enabled rule (see
    polling_rules); `fetch`: else a 5 s deadline with loopback allowed; `poller`: the Poller's
    own options (clock, force_backfill, max_entries, composer, backoff_cap...)."""
    return poll_feeds(db, [feed], rules, fetch=fetch, **poller)[0]


def poll_feeds(db: Path, feeds: list[Feed], rules: RuleSet | None = None, *,
               force: bool = False, fetch: FetchSettings | None = None,
               **poller: Any) -> list[PollResult]:
    """Each of `feeds` polled once, in order, by one real Poller and Fetcher on the state at
    `db`, as poll_once does one; `force`: polled whatever their backoff (`--feed NAME`)."""
    from alerts.config import FetchSettings
    from alerts.fetch import Fetcher
    from alerts.pipeline import Poller
    from alerts.state import Store

    async def go() -> list[PollResult]:
        state = Store(db)
        fetcher = Fetcher(fetch or FetchSettings(timeout=5, allow_networks=LOOPBACK))
        try:
            polling = Poller(state, fetcher, rules if rules is not None
                             else polling_rules(db.parent), **poller)
            return [await polling.poll(feed, force=force) for feed in feeds]
        finally:
            await fetcher.aclose()
            state.close()

    return asyncio.run(go())


def deliver(store: Store, channels: dict[str, Channel], clock: Callable[[], Any] | None = None,
            settings: NotifySettings | None = None) -> DeliveryReport:
    """One round of the sender over `store`'s due alerts, through the real Notifier, with
    jitter seeded; `settings`: else tests.notify_support.settings() (5 attempts, 60 s to
    600 s backoff); `clock`: else a fixed one at notify_support.T0."""
    from alerts.deliver import deliver_due
    from alerts.notify import Notifier
    from tests.notify_support import Clock
    from tests.notify_support import settings as notify_settings

    return asyncio.run(deliver_due(store, Notifier(channels), settings or notify_settings(),
                                   clock or Clock(), random.Random(1)))


# `alerts run` as a subprocess, for the end-to-end tests of the daemon.

def start_daemon(config: Path, *extra: str, stderr: Any = subprocess.PIPE
                 ) -> subprocess.Popen[str]:
    return subprocess.Popen([sys.executable, "-m", "alerts", "--config", str(config), "run",
                             *extra], env=cli_env(), stdout=subprocess.PIPE,
                            stderr=stderr, text=True)


def stop_daemon(proc: subprocess.Popen[str], sig: int = signal.SIGTERM) -> tuple[int, str, str]:
    """Signals the daemon (SIGTERM: a clean stop) and returns its exit code and output; one
    that does not stop within 20 s (times WAIT_SCALE) is killed."""
    if proc.poll() is None:
        proc.send_signal(sig)
    try:
        out, err = proc.communicate(timeout=20 * WAIT_SCALE)
    except subprocess.TimeoutExpired:
        proc.kill()
        out, err = proc.communicate()
    return proc.returncode, out, err


def poll_marker(db: Path) -> int:
    """0 before the first successful poll; afterwards a value that changes with every poll."""
    if not db.exists():
        return 0
    try:
        row = query(db, "SELECT count(*), max(last_success) FROM feeds "
                        "WHERE last_success IS NOT NULL")[0]
    except sqlite3.OperationalError:
        return 0
    return row[0] and hash(row[1])


def alerts_received(webhook: WebhookReceiver) -> list[dict]:
    """What a receiver got, less the operator's notices (about rule files, feeds)."""
    return [m for m in webhook.received if not str(m.get("title", "")).startswith("alerts: ")]
