"""The health check's median of gaps between arrivals (alerts.health._median) is
statistics.median's, which it replaces so that a cold poll does not load statistics (#17)."""

from __future__ import annotations

import random
import statistics
from datetime import timedelta

import pytest

from alerts.health import _median


@pytest.mark.parametrize("count", [1, 2, 3, 4, 7, 10, 51])
def test_the_median_of_gaps_is_statistics_median(count):
    rng = random.Random(count)
    gaps = [timedelta(seconds=rng.randint(0, 10**6), microseconds=rng.randint(0, 999_999))
            for _ in range(count)]
    assert _median(gaps) == statistics.median(gaps)
    assert _median(list(reversed(gaps))) == statistics.median(gaps)
