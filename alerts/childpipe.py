"""A `python -m` worker process, the pipe to it (parse, poll and analysis workers) and a
pool of them that end when idle (parse and analysis workers).

Each worker is started with this checkout first on its path, speaks in frames (an 8-byte
big-endian length, then that many bytes) over its stdin and stdout, and writes nothing else
anywhere (its stderr goes nowhere: it must not hold the daemon's own open, or a supervisor
reading it would wait for the worker). What a frame holds, and which exception a lost
worker becomes, is each worker's own business.
"""

from __future__ import annotations

import contextlib
import os
import select
import subprocess
import sys
import threading
import time
from collections.abc import Callable
from pathlib import Path
from typing import IO, Generic, Literal, Protocol, TypeVar

HEADER = 8


def start(module: str, *args: str, python: str | None = None) -> subprocess.Popen[bytes]:
    """`python -W ignore -m module args...` (this interpreter, sys.executable as it is now,
    unless `python` names another), its stdin and stdout piped. OSError when it cannot be
    started."""
    root = str(Path(__file__).resolve().parent.parent)
    env = dict(os.environ)
    env["PYTHONPATH"] = os.pathsep.join(p for p in (root, env.get("PYTHONPATH")) if p)
    return subprocess.Popen([python or sys.executable, "-W", "ignore", "-m", module, *args],
                            stdin=subprocess.PIPE, stdout=subprocess.PIPE,
                            stderr=subprocess.DEVNULL, env=env, cwd=root)


def framed(payload: bytes) -> bytes:
    return len(payload).to_bytes(HEADER, "big") + payload


def read_exact(stream: IO[bytes], n: int, deadline: float | None) -> bytes:
    """`n` bytes from the stream by `deadline` (time.monotonic; None: no limit).
    TimeoutError when the deadline passes first, EOFError when the stream ends first."""
    fd = stream.fileno()
    parts: list[bytes] = []
    got = 0
    while got < n:
        if deadline is not None:
            remaining = deadline - time.monotonic()
            if remaining <= 0 or not select.select([fd], [], [], remaining)[0]:
                raise TimeoutError
        chunk = os.read(fd, min(n - got, 1 << 20))
        if not chunk:
            raise EOFError
        parts.append(chunk)
        got += len(chunk)
    return b"".join(parts)


def read_frame(stream: IO[bytes]) -> bytes | None:
    """The worker's side: the next frame's bytes, or None when the parent closed the pipe."""
    try:
        size = int.from_bytes(read_exact(stream, HEADER, None), "big")
        return read_exact(stream, size, None)
    except EOFError:
        return None


def kill(proc: subprocess.Popen[bytes]) -> None:
    """End it now (whatever it was doing) and close the pipes to it."""
    if proc.poll() is None:
        proc.kill()
    proc.wait()
    for stream in (proc.stdin, proc.stdout):
        if stream is not None:
            with contextlib.suppress(OSError):
                stream.close()


def close(proc: subprocess.Popen[bytes]) -> None:
    """Ask politely (its stdin closed ends its loop), then insist."""
    try:
        if proc.stdin is not None:
            proc.stdin.close()
        proc.wait(timeout=2)
    except (OSError, subprocess.TimeoutExpired):
        pass
    kill(proc)


class Worker(Protocol):
    idle_since: float

    def close(self) -> None: ...

    def kill(self) -> None: ...


W = TypeVar("W", bound=Worker)


class IdlePool(Generic[W]):
    """Up to `workers` worker processes shared by threads: an idle one is taken again, a new
    one is started while fewer are alive, and one idle for `idle_seconds` ends (a reaper
    thread runs while any is idle), so an idle daemon holds none. What a worker is, how it
    starts and what happens when none can is each pool's own business (`_take`)."""

    def __init__(self, workers: int, idle_seconds: float, name: str):
        self.workers = workers
        self.idle_seconds = idle_seconds
        self._name = name  # "parse", "analysis": its reaper thread's name
        self._idle: list[W] = []
        self._started = 0
        self._cond = threading.Condition()
        self._reaper: threading.Thread | None = None
        self._closed = False

    def _take(self, refused: Callable[[], bool], wait: bool) -> W | Literal["start"] | None:
        """An idle worker; "start" when a new one is to be started (its place is held: give
        it back with _unstarted if it cannot start); None when none can be had: `refused()`,
        the pool closed, or (without `wait`) every worker busy. Called holding no lock."""
        with self._cond:
            while True:
                if refused() or self._closed:
                    return None
                if self._idle:
                    return self._idle.pop()
                if self._started < self.workers:
                    self._started += 1
                    return "start"
                if not wait:
                    return None
                self._cond.wait()

    def _unstarted(self) -> None:
        """A worker _take made room for did not start."""
        with self._cond:
            self._started -= 1
            self._cond.notify_all()

    def _release(self, worker: W, keep: bool) -> None:
        """A job's worker back: kept idle (`keep`) unless the pool is closed; else ended,
        politely when it was healthy, killed when not."""
        with self._cond:
            pooled = keep and not self._closed
            if pooled:
                worker.idle_since = time.monotonic()
                self._idle.append(worker)
                if self._reaper is None:
                    self._reaper = threading.Thread(target=self._reap, daemon=True,
                                                    name=f"{self._name}-worker-reaper")
                    self._reaper.start()
            else:
                self._started -= 1
            self._cond.notify()
        if not pooled:
            (worker.close if keep else worker.kill)()

    def _reap(self) -> None:
        """Ends the workers idle for idle_seconds; runs while any worker is idle."""
        while True:
            with self._cond:
                now = time.monotonic()
                expired = [w for w in self._idle if now - w.idle_since >= self.idle_seconds]
                for worker in expired:
                    self._idle.remove(worker)
                self._started -= len(expired)
                if expired:
                    self._cond.notify_all()
                if not self._idle and not expired:
                    self._reaper = None
                    return
                wait = (min(w.idle_since for w in self._idle) + self.idle_seconds - now
                        if self._idle else 0.0)
            for worker in expired:
                worker.close()
            if wait > 0:
                time.sleep(min(wait, self.idle_seconds) + 0.05)

    @property
    def running(self) -> int:
        """Worker processes alive now (busy or idle)."""
        with self._cond:
            return self._started

    def close(self) -> None:
        with self._cond:
            self._closed = True
            idle, self._idle = self._idle, []
            self._started -= len(idle)
            self._cond.notify_all()
        for worker in idle:
            worker.close()
