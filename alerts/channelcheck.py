"""The channel check (`notify.channel_problems`) without loading Apprise into this process.

Apprise imports all of its plugins to resolve any URL (about 23 MiB of modules that stay in
memory for the life of the process). The daemon must refuse to start with an unusable
channel (exit 2), but it sends nothing until an alert is due, which may be hours away or
never: so the check runs in a short-lived child process (`python -m alerts.channelcheck`)
that gets the channels on its standard input, runs the very same check, and answers with
the problems' messages as JSON. Its memory goes back to the system when it exits.

Once Apprise is loaded here anyway (something was sent), the check runs in this process, as
it is then cheaper. If the child cannot run or answers something unreadable, the check runs
in this process too: the start-up contract never depends on the child.
"""

from __future__ import annotations

import json
import logging
import os
import pickle
import subprocess
import sys
from collections.abc import Mapping
from pathlib import Path
from typing import Any

from alerts.config import Channel
from alerts.errors import Problem

log = logging.getLogger(__name__)

CHILD_TIMEOUT = 120.0  # seconds the child gets (Apprise may read a channel's config file)


def channel_problems(settings: Any) -> list[Problem]:
    """Every channel's problems, as problems of the configuration file, like
    `alerts.notify.channel_problems`, checked in a child process unless Apprise is loaded."""
    if "apprise" in sys.modules:
        return _in_process(settings)
    messages = _in_child(settings.channels)
    if messages is None:
        return _in_process(settings)
    return [Problem(str(settings.path), None, message) for message in messages]


def _in_process(settings: Any) -> list[Problem]:
    from alerts.notify import channel_problems as check

    return check(settings)


def _in_child(channels: Mapping[str, Channel]) -> list[str] | None:
    """The problems' messages from a child process; None when it gave no usable answer."""
    root = str(Path(__file__).resolve().parent.parent)
    env = dict(os.environ)
    env["PYTHONPATH"] = os.pathsep.join(p for p in (root, env.get("PYTHONPATH")) if p)
    try:
        done = subprocess.run(
            [sys.executable, "-W", "ignore", "-m", "alerts.channelcheck"],
            input=pickle.dumps(dict(channels), protocol=pickle.HIGHEST_PROTOCOL),
            capture_output=True, env=env, cwd=root, timeout=CHILD_TIMEOUT, check=False)
    except (OSError, subprocess.SubprocessError, pickle.PicklingError) as exc:
        log.debug("the channel check could not run in a child process (%s); checking here",
                  exc)
        return None
    try:
        answer = json.loads(done.stdout)
    except ValueError:
        answer = None
    if done.returncode != 0 or not isinstance(answer, list) \
            or not all(isinstance(m, str) for m in answer):
        log.debug("the channel check's child process gave no answer (exit %s); checking "
                  "here", done.returncode)
        return None
    return answer


def main() -> None:
    """The child: channels (pickled by the parent) on stdin, the problems as JSON."""
    channels = pickle.loads(sys.stdin.buffer.read())
    from alerts.notify import Notifier

    messages = [problem.message for problem in Notifier(channels).check()]
    sys.stdout.write(json.dumps(messages))
    sys.stdout.flush()


if __name__ == "__main__":
    main()
