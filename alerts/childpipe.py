"""A `python -m` worker process and the pipe to it (parse, poll and analysis workers).

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
import time
from pathlib import Path
from typing import IO

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
