"""Wall-clock steps, and a scheduler that keeps its rhythm through them.

APScheduler 3 plans runs in wall-clock time but sleeps on the event loop's monotonic clock.
When the wall clock is stepped (NTP correcting a wrong clock, an operator, a VM restored from
a snapshot), a step back leaves every job waiting until the wall clock catches up (a stall of
the step's length), and a step forward makes every job due at once (a burst). Comparing the
wall clock with a clock that is never stepped tells the two apart from time simply passing;
the boot-time clock also counts time spent suspended, so waking a laptop is not a step and
its overdue polls run (once each: runs are coalesced).
"""

from __future__ import annotations

import logging
import time
from collections.abc import Callable
from datetime import timedelta

from apscheduler.schedulers.asyncio import AsyncIOScheduler

log = logging.getLogger(__name__)

# A step smaller than this is noise; NTP slews (at most 0.5 ms per second) rather than steps
# below 128 ms, so the proportional allowance covers long sleeps between wake-ups.
STEP_THRESHOLD = 5.0
SLEW_ALLOWANCE = 0.001


def _steady() -> float:
    try:
        return time.clock_gettime(time.CLOCK_BOOTTIME)
    except (AttributeError, OSError):  # not Linux
        return time.monotonic()


class ClockSteps:
    """Reports by how many seconds the wall clock was stepped since the last check."""

    def __init__(self, wall: Callable[[], float] = time.time,
                 steady: Callable[[], float] = _steady, threshold: float = STEP_THRESHOLD):
        self.wall = wall
        self.steady = steady
        self.threshold = threshold
        self._wall = wall()
        self._steady = steady()

    def check(self) -> float:
        """The step in seconds (positive: forward), or 0.0 when the clock only ran."""
        wall, steady = self.wall(), self.steady()
        elapsed = steady - self._steady
        step = (wall - self._wall) - elapsed
        self._wall, self._steady = wall, steady
        if abs(step) < max(self.threshold, SLEW_ALLOWANCE * elapsed):
            return 0.0
        return step


class SteadyScheduler(AsyncIOScheduler):
    """An AsyncIOScheduler whose jobs keep the time left to their next run across a step.

    Every wake-up (the scheduler's timer, or a job added or changed) first checks for a step
    and moves each job's next run by it, before any job is found due. `on_step` is told the
    step so that deadlines stored elsewhere (backoff, retries) move with it.
    """

    def __init__(self, *args: object, steps: ClockSteps | None = None,
                 on_step: Callable[[float], None] | None = None, **kwargs: object):
        super().__init__(*args, **kwargs)
        self.steps = steps or ClockSteps()
        self.on_step = on_step
        self._shifting = False

    def wakeup(self) -> None:
        if self._shifting:
            return  # jobs moved one by one wake us; process them once all have moved
        step = self.steps.check()
        if step:
            self._shift(step)
        super().wakeup()

    def _shift(self, step: float) -> None:
        direction = "forward" if step > 0 else "back"
        log.warning("the system clock was stepped %s by %s; every feed keeps the time left to "
                    "its next poll (no burst of polls, no pause)", direction,
                    timedelta(seconds=round(abs(step))))
        delta = timedelta(seconds=step)
        self._shifting = True
        try:
            for job in self.get_jobs():
                if job.next_run_time is not None:
                    job.modify(next_run_time=job.next_run_time + delta)
        finally:
            self._shifting = False
        if self.on_step is not None:
            try:
                self.on_step(step)
            except Exception:  # the schedule has moved; stored deadlines are second best
                log.exception("could not move stored retry times after the clock step")
