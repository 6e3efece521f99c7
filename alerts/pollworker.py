"""A feed's first poll digested in a process that ends when idle (issue #17, idle memory).

A feed's first poll brings every item it carries (50 a feed, 10,000 for 200 feeds), and
digesting them (parsing, the analysis, the knowledge base, matching, stories) makes some
hundred MiB of short-lived Python objects. In the daemon's own process the few objects that
outlive such a poll (the modules it imports, the scheduler's next run times, the parse memo,
cached URLs) stay scattered over the allocator's 1 MiB arenas, which CPython cannot give
back while any object lives in them: after a first poll of 200 feeds the daemon held 58
arenas for 22 MiB of live objects and idled at about 94 MiB, against 39 MiB for a daemon
whose feeds were known.

So the daemon fetches as before (its one HTTP client, each host's turns, the deadline) and
hands a first poll's document to a worker process (`python -m alerts.pollworker`), which
runs the very same `Poller.digest` on its own connection to the same state database (one
transaction per poll, as always) and answers with the poll's result, the parse memo of the
feed and its log records, which the daemon logs as its own. Each worker digests one document
at a time, and ends IDLE_SECONDS after its last one; the next first poll (a feed added later)
starts another. There are as many workers as cores, up to MAX_WORKERS (`PollWorkers`): their
digests run side by side, and their write transactions take turns. `poll --once` hands them
its first polls too, when it has several (alerts.once). Every other poll (a known feed's new
items, which are few) is digested here.

If the worker cannot start or is lost, the poll is digested here, as before: the poll's
transaction was committed whole or not at all, and a document digested again finds the items
it stored already known.
"""

from __future__ import annotations

import asyncio
import logging
import os
import pickle
import subprocess
import sys
import time
from collections.abc import Callable, Sequence
from typing import IO, TYPE_CHECKING, Any

from alerts import childpipe

if TYPE_CHECKING:
    from alerts.config import Settings
    from alerts.models import Feed, FeedState, Fetched, PollResult
    from alerts.parsememo import ParseMemo
    from alerts.pipeline import Offload
    from alerts.rules import RuleSet
    from alerts.state import FeedHealth

log = logging.getLogger(__name__)

IDLE_SECONDS = 1.0  # a burst of first polls keeps the worker; an idle daemon has none
# Workers digesting first polls at once, at most: each poll's write transaction (matching,
# stories, recording) is one at a time, about 40% of a digest with 1,000 broad rules, so a
# fourth would mostly wait for it.
MAX_WORKERS = 3
# Feeds polled for the first time in one run from which their documents are digested in poll
# workers rather than in the polling process (alerts.once).
FIRST_POLLS_FOR_WORKERS = 4
START_TIMEOUT = 60.0  # seconds for the worker to load the modules a digest needs
_READY = b"ready\n"


class WorkerLost(Exception):
    """The worker did not start, ended, or answered something unreadable."""


class PollWorker:
    """The daemon's side: `digest` has the same contract as `Poller.digest`.

    `setup()` gives what a digest depends on besides its request: the settings in force, the
    rules and whether the daemon alerts on first polls (--backfill). When they change (a
    reload), the worker is replaced before the next digest. `memo`: the daemon's parse memo,
    which gets the feed's memo back as if the poll had run here."""

    def __init__(self, setup: Callable[[], tuple[Settings, RuleSet, bool]], memo: ParseMemo,
                 here: Offload, idle_seconds: float = IDLE_SECONDS,
                 said: set[str] | None = None,
                 spawned: subprocess.Popen[bytes] | None = None):
        """`spawned`: its process, started already (`spawn`) and waiting for its setup."""
        self.setup = setup
        self.memo = memo
        self.here = here
        self.idle_seconds = idle_seconds
        self._turn = asyncio.Semaphore(1)
        self._proc: subprocess.Popen[bytes] | None = spawned
        self._setup: tuple[Settings, RuleSet, bool] | None = None  # None: none given yet
        self._idle: asyncio.TimerHandle | None = None
        self.broken = False  # a worker could not start: first polls are digested here
        self.started = 0  # worker processes started (for the tests)
        self.sent = 0  # documents given to a worker
        self.digested = 0  # documents the worker digested
        # Why workers could not start, as said in the log: a pool's share it, so that its
        # workers failing alike say it once.
        self.said = said if said is not None else set()

    @property
    def running(self) -> bool:
        return self._proc is not None and self._proc.poll() is None

    async def digest(self, feed: Feed, fetched: Fetched, state: FeedState,
                     health: FeedHealth, result: PollResult, body_hash: str) -> PollResult:
        from alerts.fetch import _take_turn

        await _take_turn(self._turn)  # the poll's deadline stops while it waits its turn
        try:
            if self._idle is not None:
                self._idle.cancel()
                self._idle = None
            if self.broken:
                return await self.here(feed, fetched, state, health, result, body_hash)
            request = (feed, fetched, state, health, result, body_hash,
                       self.memo.get(feed.url))
            setup = self.setup()
            try:
                reply = await asyncio.to_thread(self._call, setup, request)
            except WorkerLost as exc:
                self.close()
                # One that cannot start is not tried again: every first poll runs here.
                self.broken = self.broken or "start" in str(exc)
                if not self.broken or str(exc) not in self.said:
                    log.warning("%s: %s; its first poll is digested in the daemon's own "
                                "process instead%s", feed.name, exc, ", as are the next ones"
                                if self.broken else "")
                if self.broken:
                    self.said.add(str(exc))
                return await self.here(feed, fetched, state, health, result, body_hash)
            except BaseException:  # cancelled (the deadline, a stop): its transaction is
                self.close()  # committed whole or not at all
                raise
        finally:
            self._turn.release()
            self._arm_idle()
        kind, value, memo, records = reply
        for record in records:
            logging.getLogger(record.name).handle(record)
        if kind == "raised":
            raise value
        self.digested += 1
        if memo is not None:
            self.memo.keep(feed.url, memo)
        done: PollResult = value
        return done

    async def warm(self) -> str | None:
        """Start the worker now, when first polls are on their way, so that its start (its
        modules and the knowledge base: a few hundred ms) overlaps their fetches. One that
        cannot start leaves them to the daemon, as `digest` would; then why (else None)."""
        from alerts.fetch import _take_turn

        await _take_turn(self._turn)
        try:
            if self.broken or (self.running and self._setup is not None):
                return None
            try:
                await asyncio.to_thread(self._ready, self.setup())
            except WorkerLost as exc:
                self.close()
                self.broken = True
                if str(exc) in self.said:
                    return None
                self.said.add(str(exc))
                return str(exc)
            return None
        finally:
            self._turn.release()
            self._arm_idle()

    def _arm_idle(self) -> None:
        if self._proc is not None and self._idle is None:
            self._idle = asyncio.get_running_loop().call_later(self.idle_seconds,
                                                               self._idle_over)

    def _idle_over(self) -> None:
        self._idle = None
        if not self._turn.locked():
            self.close()

    def _ready(self, setup: tuple[Settings, RuleSet, bool]) -> None:
        """A worker running with `setup`: this one, or a new one."""
        if self._proc is not None and self._setup is None and self._proc.poll() is None:
            self._set_up(self._proc, setup)  # spawned before its setup was known
            return
        if self._proc is not None and (self._setup is None or any(
                new is not old for new, old in zip(setup, self._setup, strict=True))):
            self.close()  # a reload: the worker digests with what is in force
        if self._proc is None or self._proc.poll() is not None:
            self.close()
            self._start(setup)

    def _call(self, setup: tuple[Settings, RuleSet, bool], request: tuple) -> tuple:
        self._ready(setup)
        proc = self._proc
        assert proc is not None and proc.stdin is not None and proc.stdout is not None
        try:
            _write(proc.stdin, request)
        except (OSError, pickle.PicklingError) as exc:
            raise WorkerLost(f"the poll worker could not be given the document ({exc})") \
                from exc
        self.sent += 1
        return _read(proc.stdout, None, "the poll worker")

    def _start(self, setup: tuple[Settings, RuleSet, bool]) -> None:
        try:
            proc = spawn()
        except OSError as exc:
            raise WorkerLost(f"the poll worker could not start ({exc})") from exc
        self._proc = proc
        self._set_up(proc, setup)

    def _set_up(self, proc: subprocess.Popen[bytes],
                setup: tuple[Settings, RuleSet, bool]) -> None:
        """Give the started worker what it digests with, and wait until it is ready."""
        self.started += 1
        log.debug("poll worker started (process %d)", proc.pid)
        assert proc.stdin is not None and proc.stdout is not None
        root_logger = logging.getLogger()
        try:
            _write(proc.stdin, (*setup, root_logger.getEffectiveLevel()))
            ready = _read_exact(proc.stdout, len(_READY), time.monotonic() + START_TIMEOUT,
                                 "the poll worker")
        except (OSError, WorkerLost, TimeoutError) as exc:
            self.close()
            raise WorkerLost(f"the poll worker did not start ({exc or 'no answer'})") from exc
        if ready != _READY:
            self.close()
            raise WorkerLost("the poll worker did not start")
        self._setup = setup

    def close(self) -> None:
        """End the worker, if any (stdin closed ends its loop; then it is killed)."""
        if self._idle is not None:
            self._idle.cancel()
            self._idle = None
        proc, self._proc, self._setup = self._proc, None, None
        if proc is not None:
            childpipe.kill(proc)  # whatever it was doing: its transaction is whole or rolled back


class PollWorkers:
    """Several PollWorkers digesting first polls side by side, each one document at a time:
    `digest` (the contract of `Poller.digest`) gives a document to whichever is free, and
    waits for one when none is. Their write transactions take turns through a lock file
    beside the state (Database.take_turns), which wakes the one waiting as soon as the other's
    ends; with the daemon and the `alerts` commands, through SQLite's locking as always.

    A first poll of many feeds (`poll --once` on a new state, or a backfill) was digested in
    the polling process while an analysis worker took its items' analyses: the polling
    process set the pace, at 90-100% of a core, and with 1,000 rules the analysis worker idled
    two thirds of the time. Whole digests in two workers keep both cores busy (#17)."""

    def __init__(self, workers: list[PollWorker]):
        self.workers = workers
        self._free: asyncio.Queue[PollWorker] | None = None

    @classmethod
    def made(cls, count: int, setup: Callable[[], tuple[Settings, RuleSet, bool]],
             memo: ParseMemo, here: Offload, idle_seconds: float = IDLE_SECONDS,
             spawned: Sequence[subprocess.Popen[bytes]] = ()) -> PollWorkers:
        """`spawned`: worker processes started already (`spawn`), given to the first of
        the `count` workers."""
        said: set[str] = set()
        procs = list(spawned)[:count]
        return cls([PollWorker(setup, memo, here, idle_seconds, said,
                               procs[n] if n < len(procs) else None) for n in range(count)])

    async def warm(self, count: int) -> None:
        """Start `count` of the workers now (first polls are on their way); why any could
        not is said once."""
        problems = await asyncio.gather(*(worker.warm() for worker in self.workers[:count]))
        for problem in problems:
            if problem:
                log.warning("%s; first polls are digested in this process instead", problem)

    async def digest(self, feed: Feed, fetched: Fetched, state: FeedState,
                     health: FeedHealth, result: PollResult, body_hash: str) -> PollResult:
        if self._free is None:
            self._free = asyncio.Queue()
            for worker in self.workers:
                self._free.put_nowait(worker)
        worker = await self._free.get()
        try:
            return await worker.digest(feed, fetched, state, health, result, body_hash)
        finally:
            self._free.put_nowait(worker)

    def close(self) -> None:
        for worker in self.workers:
            worker.close()
        if any(worker.started for worker in self.workers):
            log.debug("poll workers: %d started, %d documents digested",
                      sum(w.started for w in self.workers),
                      sum(w.digested for w in self.workers))


def spawn() -> subprocess.Popen[bytes]:
    """A poll worker's process, started: it loads the modules a digest needs, then waits for
    its setup (PollWorker). OSError when it cannot be started."""
    return childpipe.start("alerts.pollworker")  # its log records come back with its answers


class Spawned:
    """Poll workers' processes started before the rules are read (spawn_early), for
    alerts.once.poll_once to give its workers; those it does not take are ended by close()."""

    def __init__(self, procs: list[subprocess.Popen[bytes]]):
        self.procs = procs

    def take(self) -> list[subprocess.Popen[bytes]]:
        taken, self.procs = self.procs, []
        return taken

    def close(self) -> None:
        for proc in self.take():
            childpipe.kill(proc)


def spawn_early(settings: Settings, only: tuple[str, ...] = ()) -> Spawned | None:
    """On a state not made yet, every feed's poll is a first poll: its poll workers' processes
    are started as soon as the settings are read (`alerts poll`, before it loads the rest of
    its modules), and load theirs while that process reads the rules and makes the state
    (#17: the workers were the last ready, a fifth of a second after the first document was
    fetched). None otherwise, and with `only` (a few feeds named), for which
    alerts.once.poll_once decides as before."""
    count = min(worker_count(), len(settings.feeds))
    if (only or count < 2 or len(settings.feeds) < FIRST_POLLS_FOR_WORKERS
            or settings.state_path.exists()):
        return None
    procs = []
    try:
        for _ in range(count):
            procs.append(spawn())
    except OSError:  # those that could not start are started again, and say why, later
        pass
    log.debug("poll workers: %d processes started before the rules are read (a new state): %s",
              len(procs), ", ".join(str(proc.pid) for proc in procs))
    return Spawned(procs)


def worker_count() -> int:
    """How many poll workers digest first polls at once: one a usable core, at most
    MAX_WORKERS; the environment's ALERTS_POLL_WORKERS overrides it (0: none where the
    polling process can digest them itself, `poll --once`; the daemon keeps one)."""
    try:
        return max(0, int(os.environ["ALERTS_POLL_WORKERS"]))
    except (KeyError, ValueError):
        return min(len(os.sched_getaffinity(0)), MAX_WORKERS)


def _write(stream: IO[bytes], message: object) -> None:
    stream.write(childpipe.framed(pickle.dumps(message, protocol=pickle.HIGHEST_PROTOCOL)))
    stream.flush()


def _read_exact(stream: IO[bytes], n: int, deadline: float | None, who: str) -> bytes:
    try:
        return childpipe.read_exact(stream, n, deadline)
    except EOFError:
        raise WorkerLost(f"{who} ended") from None


def _read(stream: IO[bytes], deadline: float | None, who: str) -> Any:
    size = int.from_bytes(_read_exact(stream, childpipe.HEADER, deadline, who), "big")
    data = _read_exact(stream, size, deadline, who)
    try:
        return pickle.loads(data)
    except Exception as exc:
        raise WorkerLost(f"unreadable answer from {who}: {exc}") from exc


class _Records(logging.Handler):
    """The worker's log records, kept to be sent back with its answer."""

    def __init__(self) -> None:
        super().__init__()
        self.records: list[logging.LogRecord] = []

    def emit(self, record: logging.LogRecord) -> None:
        # Made plain for pickling: the message formatted, the traceback as text.
        if record.exc_info and not record.exc_text:
            record.exc_text = logging.Formatter().formatException(record.exc_info)
        record.msg, record.args = record.getMessage(), None
        record.exc_info = None
        self.records.append(record)

    def take(self) -> list[logging.LogRecord]:
        records, self.records = self.records, []
        return records


def _answer(stream: IO[bytes], kind: str, value: object, memo: object,
            records: list[logging.LogRecord]) -> None:
    try:
        _write(stream, (kind, value, memo, records))
    except (pickle.PicklingError, TypeError, AttributeError) as exc:
        from alerts.errors import AlertsError

        _write(stream, ("raised", AlertsError(f"{type(value).__name__}: {value} ({exc})"),
                        None, records))


def serve() -> int:
    """The worker's loop: a setup, then one document at a time until stdin closes."""
    # Answers go on a private copy of stdout; anything printed goes to stderr (nowhere).
    out = os.fdopen(os.dup(1), "wb")
    os.dup2(2, 1)
    inp = sys.stdin.buffer
    # What every digest needs, loaded before the setup is read: a worker started early (`poll
    # --once` on a new state, spawn_early) loads it while the polling process
    # reads its rules and opens the state.
    from datetime import timedelta

    import alerts.parse  # noqa: F401 (the fast reader and feedparser's parts it uses)
    from alerts.analysis import lexicon
    from alerts.knowledge.choice import use_folder
    from alerts.pipeline import Poller
    from alerts.routing import Composer
    from alerts.state import Store

    lexicon()
    try:
        settings, rules, force_backfill, level = _read(inp, None, "the daemon")
    except WorkerLost:
        return 0

    records = _Records()
    root = logging.getLogger()
    root.handlers[:] = [records]
    root.setLevel(level)
    for name in ("apprise", "apscheduler", "httpx", "httpcore"):  # as alerts.logs does
        logging.getLogger(name).setLevel(max(level, logging.WARNING))
    # The user's knowledge folder, as the daemon chose it when it read the configuration
    # (alerts.cli): a first poll must know the people and names the rules were checked with.
    for problem in use_folder(settings.knowledge_path):
        logging.getLogger(__name__).warning("%s; this first poll is read without that folder",
                                            problem)
    store = Store(settings.state_path)
    store.take_turns()  # with the pool's other workers, at each write transaction
    # As the daemon makes its poller (alerts.daemon) and applies a reload to it.
    poller = Poller(store, None, rules, max_entries=settings.fetch.max_entries,
                    force_backfill=force_backfill, composer=Composer.from_settings(settings),
                    story_window=timedelta(seconds=settings.stories.window))
    # No analysis ahead in other processes (alerts.analysis.ahead): this process digests one
    # document at a time, so it would only wait while a worker analysed, and the worker, idle
    # while the document's items were matched and stored, would end and start again for the
    # next one (measured: a daemon's first poll of 200 feeds started one every second or two,
    # and idled at 212 MiB in three processes 3 s after its polls instead of 49 MiB in one).
    # The analyses are made here instead, before the write transaction other workers wait for.
    poller.ahead_min = 0
    poller.ahead_here = True
    loop = asyncio.new_event_loop()
    out.write(_READY)
    out.flush()
    try:
        while True:
            try:
                request = _read(inp, None, "the daemon")
            except WorkerLost:
                return 0  # stdin closed: the daemon is done with this worker
            feed, fetched, state, health, result, body_hash, memo = request
            if memo is None:
                poller.parse_memo.forget(feed.url)
            else:
                poller.parse_memo.keep(feed.url, memo)
            try:
                done = loop.run_until_complete(
                    poller.digest(feed, fetched, state, health, result, body_hash))
            except Exception as exc:
                _answer(out, "raised", exc, None, records.take())
                continue
            _answer(out, "done", done, poller.parse_memo.get(feed.url), records.take())
    finally:
        loop.close()
        store.close()


if __name__ == "__main__":
    sys.exit(serve())
