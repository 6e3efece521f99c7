"""sd_notify for `Type=notify` units, spoken directly over $NOTIFY_SOCKET (no dependency).

The protocol is one datagram of `KEY=value` lines sent to a unix socket whose path is in
$NOTIFY_SOCKET ('@' at the start means the abstract namespace). Outside systemd the variable
is unset and every call is a cheap no-op.
"""

from __future__ import annotations

import logging
import os
import socket
import time
from collections.abc import Callable, Mapping

log = logging.getLogger(__name__)


def socket_address(value: str | None) -> str | bytes | None:
    """The address to send to, from $NOTIFY_SOCKET; None when there is none to use."""
    if not value:
        return None
    if value.startswith("@"):
        # Abstract namespace: a leading NUL byte instead of '@', and no file on disk.
        return b"\0" + value[1:].encode()
    if value.startswith("/"):
        return value
    return None  # e.g. vsock addresses, which this daemon never runs under


def watchdog_interval(environ: Mapping[str, str], pid: int | None = None) -> float | None:
    """Seconds systemd allows between WATCHDOG=1 pings, or None when no watchdog is set."""
    usec = environ.get("WATCHDOG_USEC", "")
    owner = environ.get("WATCHDOG_PID", "")
    if not usec.isdigit() or int(usec) == 0:
        return None
    # The variables are inherited by children; only the process they name must ping.
    if owner and owner != str(pid if pid is not None else os.getpid()):
        return None
    return int(usec) / 1_000_000


class SystemdNotifier:
    """READY, STATUS, WATCHDOG and STOPPING messages to the service manager."""

    def __init__(self, environ: Mapping[str, str] | None = None):
        env = os.environ if environ is None else environ
        self.address = socket_address(env.get("NOTIFY_SOCKET"))
        self.watchdog = watchdog_interval(env)
        self._warned = False

    @property
    def enabled(self) -> bool:
        return self.address is not None

    def notify(self, *lines: str) -> bool:
        """Send one message; False (and one logged warning) when it could not be sent."""
        if self.address is None:
            return False
        payload = "\n".join(lines).encode("utf-8")
        try:
            with socket.socket(socket.AF_UNIX, socket.SOCK_DGRAM | socket.SOCK_CLOEXEC) as sock:
                sock.sendto(payload, self.address)
        except OSError as exc:
            if not self._warned:
                self._warned = True
                log.warning("cannot reach systemd's notification socket (%s); if the unit "
                            "is Type=notify it will time out: check NOTIFY_SOCKET", exc)
            return False
        return True

    def ready(self, status: str) -> bool:
        return self.notify("READY=1", f"STATUS={status}")

    def status(self, status: str) -> bool:
        return self.notify(f"STATUS={status}")

    def ping(self) -> bool:
        return self.notify("WATCHDOG=1")

    def stopping(self) -> bool:
        return self.notify("STOPPING=1", "STATUS=stopping")


class ProgressWatch:
    """Whether polling makes progress: a successful poll within the last `window` seconds.

    Monotonic time, so a wall-clock step neither fakes progress nor hides it. Until the first
    success the daemon's start counts, so a slow first cycle is not a stall.
    """

    def __init__(self, window: float, monotonic: Callable[[], float] = time.monotonic):
        self.window = window
        self.monotonic = monotonic
        self.started = monotonic()
        self.last_success: float | None = None
        self.successes = 0

    def success(self) -> None:
        self.last_success = self.monotonic()
        self.successes += 1

    def since_success(self) -> float:
        return self.monotonic() - (self.last_success if self.last_success is not None
                                   else self.started)

    def healthy(self) -> bool:
        return self.since_success() <= self.window
