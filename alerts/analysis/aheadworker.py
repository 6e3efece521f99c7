"""The analysis worker process (`python -m alerts.analysis.aheadworker`), see ahead.py.

It loads the knowledge base and the event lexicon (from their disk caches, alerts.buildcache)
once, says it is ready, then answers one request at a time until its stdin closes (the
parent is done with it, or gone). Protocol on stdin/stdout, both ways: an 8-byte big-endian
length, then a pickle. A request is (knowledge folder or "", its stamp, [(title, summary,
day), ...]); the answer ("ok", [wire fields, ...]) with the mentions read, ("stale", "")
when the folder's files are no longer those the parent's base was built from, or ("error",
message).
"""

from __future__ import annotations

import os
import pickle
import signal
import sys
from datetime import date
from pathlib import Path
from typing import Any

from alerts import childpipe

READY = b"ready\n"


def answer(folder: str, stamp: str, jobs: list[tuple[str, str, date | None]]
           ) -> tuple[str, Any]:
    """The answer to one request (see the module)."""
    from alerts.analysis import analyse_text, wire
    from alerts.knowledge.base import knowledge_base
    from alerts.knowledge.user import folder_stamp

    path = Path(folder) if folder else None
    if folder_stamp(path) != stamp:
        return "stale", ""
    kb = knowledge_base(path if path is not None else None)
    made = [analyse_text(title, summary, day, kb) for title, summary, day in jobs]
    # Their mentions read here too: the items sent ahead are rule candidates, most of which
    # match on the bench's and a first poll's documents, and then their story keys read the
    # mentions in the polling process, which sets the pace (#17: 0.9 -> 0.35 s of its CPU
    # in the all-new cycle). Read here they cross as references to the polling process's
    # knowledge base (alerts.analysis.wire).
    for analysis in made:
        analysis.mentions  # noqa: B018 - read for their side effect
    return "ok", [wire.fields(analysis, kb) for analysis in made]


def serve() -> int:
    """The worker's loop (see the module)."""
    # Ctrl-C in a terminal reaches the whole process group; the parent decides what stops.
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    replies = os.fdopen(os.dup(1), "wb")
    os.dup2(2, 1)  # a stray print must not corrupt the protocol
    requests = sys.stdin.buffer
    from alerts.analysis import lexicon
    from alerts.knowledge.base import knowledge_base

    lexicon()
    knowledge_base(None)  # the shipped base; a user's folder is loaded with its request
    replies.write(READY)
    replies.flush()
    while True:
        payload = childpipe.read_frame(requests)
        if payload is None:
            return 0
        try:
            folder, stamp, jobs = pickle.loads(payload)
            reply = answer(folder, stamp, jobs)
        except Exception as exc:  # the parent analyses these items itself
            reply = ("error", f"{type(exc).__name__}: {exc}"[:500])
        from alerts.analysis import wire

        try:
            replies.write(childpipe.framed(wire.dumps(reply)))
            replies.flush()
        except OSError:
            return 0


if __name__ == "__main__":
    sys.exit(serve())
