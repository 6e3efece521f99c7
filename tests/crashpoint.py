"""Run the real `alerts` CLI and SIGKILL it the moment SQLite starts a given statement.

    python -m tests.crashpoint "INSERT INTO outbox" --config alerts.yaml poll --once

Every connection the process opens gets a trace callback (sqlite3 calls it as a statement
starts to run, before it changes anything); the first statement that starts with the given
text kills the process, as a power cut or the OOM killer would, with its transaction open.
Only the moment of death is injected: the CLI, its SQLite file and its feeds are all real.
"""

from __future__ import annotations

import os
import signal
import sqlite3
import sys


def arm(prefix: str) -> None:
    """Make every later sqlite3.connect() trace its statements and die at `prefix`."""
    connect = sqlite3.connect
    wanted = " ".join(prefix.split()).upper()

    def trace(statement: str) -> None:
        if " ".join(statement.split()).upper().startswith(wanted):
            os.kill(os.getpid(), signal.SIGKILL)

    def traced_connect(*args, **kwargs):  # type: ignore[no-untyped-def]
        conn = connect(*args, **kwargs)
        conn.set_trace_callback(trace)
        return conn

    sqlite3.connect = traced_connect  # type: ignore[assignment]


if __name__ == "__main__":
    arm(sys.argv[1])
    sys.argv = ["alerts", *sys.argv[2:]]
    from alerts.cli import main

    main()
