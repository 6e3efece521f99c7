"""One sender per state file: a lock file next to the database, held with flock().

`alerts run` holds it for its whole life; `alerts poll --once` takes it only to send (beside a
running daemon it polls and stores, and leaves sending to the daemon). The kernel releases an
flock() when the process ends in any way, SIGKILL included, so a stale lock never outlives
its holder; the pid written into the file only names the holder in messages.
"""

from __future__ import annotations

import fcntl
import os
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

from alerts.errors import StateError


def lock_path(state_path: Path) -> Path:
    """The lock file of a state database: beside it, named after it."""
    return state_path.with_name(state_path.name + ".lock")


@dataclass(frozen=True)
class Holder:
    """Who holds the lock, as written into the lock file by the holder."""

    pid: int | None
    command: str
    since: str

    def describe(self) -> str:
        who = f"process {self.pid}" if self.pid else "another process"
        if not self.command:
            return who
        since = f", since {self.since}" if self.since else ""
        return f"{who} (`alerts {self.command}`{since})"


class StateLocked(StateError):
    """Another process sends from this state database."""

    def __init__(self, state_path: Path, holder: Holder, message: str):
        self.state_path = state_path
        self.holder = holder
        super().__init__(message)


class StateLock:
    """An exclusive flock() on `<state>.lock`, kept until release() or the process ends."""

    def __init__(self, state_path: Path):
        self.state_path = Path(state_path)
        self.path = lock_path(self.state_path)
        self._fd: int | None = None

    @property
    def held(self) -> bool:
        return self._fd is not None

    def try_acquire(self, command: str) -> Holder | None:
        """Take the lock. None when taken; else who holds it (nothing is changed then)."""
        if self._fd is not None:
            return None
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            # Not inherited by child processes (PEP 446): the lock dies with this process.
            fd = os.open(self.path, os.O_RDWR | os.O_CREAT, 0o644)
        except OSError as exc:
            raise StateError(f"cannot create the lock file {self.path}: {exc}; check that its "
                             "folder is writable by the user alerts runs as") from None
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            holder = _read_holder(fd)
            os.close(fd)
            return holder
        except OSError as exc:
            os.close(fd)
            raise StateError(f"cannot lock {self.path}: {exc}; the file system may not "
                             "support locks (keep the state on a local disk)") from None
        stamp = datetime.now(UTC).strftime("%Y-%m-%d %H:%M:%S UTC")
        os.ftruncate(fd, 0)
        os.pwrite(fd, f"{os.getpid()}\n{command}\n{stamp}\n".encode(), 0)
        self._fd = fd
        return None

    def acquire(self, command: str) -> None:
        """Take the lock or raise StateLocked, saying who holds it and what to do."""
        holder = self.try_acquire(command)
        if holder is not None:
            raise StateLocked(self.state_path, holder, refusal(self.state_path, holder))

    def holder(self) -> Holder | None:
        """Who holds the lock now, without taking it; None when nobody does."""
        if self._fd is not None:
            return Holder(os.getpid(), "", "")
        try:
            fd = os.open(self.path, os.O_RDONLY)
        except FileNotFoundError:
            return None
        except OSError as exc:
            raise StateError(f"cannot read the lock file {self.path}: {exc}") from None
        try:
            # A shared lock is refused while anyone holds the exclusive one.
            fcntl.flock(fd, fcntl.LOCK_SH | fcntl.LOCK_NB)
        except BlockingIOError:
            return _read_holder(fd)
        else:
            fcntl.flock(fd, fcntl.LOCK_UN)
            return None
        finally:
            os.close(fd)

    def release(self) -> None:
        if self._fd is not None:
            os.close(self._fd)  # closing the last descriptor releases the flock
            self._fd = None


def refusal(state_path: Path, holder: Holder) -> str:
    """Why a second daemon does not start, and what to do."""
    if holder.command.startswith("poll"):
        return (f"the state database {state_path} is in use by {holder.describe()}, which is "
                "sending the alerts it polled; a daemon beside it would send them twice, so "
                "this one does not start. The poll ends by itself: start the daemon again in "
                "a minute, and stop the cron job or timer that runs `alerts poll --once` on "
                "this state if the daemon is to do the polling")
    return (f"the state database {state_path} is in use by {holder.describe()}, which sends "
            "its alerts; a second daemon on it would send every alert twice, so this one does "
            f"not start. Stop the other one first (`kill {holder.pid or 'PID'}` or `systemctl "
            "stop alerts`), or give this one its own 'state:' file")


def _read_holder(fd: int) -> Holder:
    try:
        text = os.pread(fd, 512, 0).decode("utf-8", "replace")
    except OSError:
        text = ""
    lines = [*text.splitlines(), "", "", ""]
    pid = int(lines[0]) if lines[0].strip().isdigit() else None
    return Holder(pid, lines[1].strip(), lines[2].strip())
