"""One alert per event on real feeds from ../shared/corpus (skipped when it is absent)."""

import pytest

from alerts.quality.corpus import story_replay
from tests.conftest import CORPUS

pytestmark = pytest.mark.skipif(not CORPUS.is_dir(), reason="shared corpus not present")


def test_white_house_feed_edited_in_place_never_alerts_twice():
    lines, alerts = story_replay([CORPUS / "whitehouse-briefings-snapshots" / "snapshots"], "wh")
    assert "15 edits detected" in lines[0] and "0 repeated" in lines[0]
    assert len({(rule, story) for _, rule, story in alerts}) == len(alerts)


def test_one_day_of_world_news_groups_outlets_into_stories():
    lines, alerts = story_replay([CORPUS / "fastfeedparser-realworld" / "news"], "ffp")
    assert "0 repeated" in lines[0]
    # The Geneva talks, reported by several outlets the same day, alert once.
    geneva = [a for a in alerts if "Geneva" in a[0].title or "Russia and Ukraine" in a[0].title]
    assert len({story for _, _, story in geneva}) == len(geneva)
    assert "Stories reported by several outlets" in "\n".join(lines)


def test_wsj_snapshots_edits_and_reposts_do_not_repeat_alerts():
    lines, alerts = story_replay([CORPUS / "wsj-world-snapshots" / "snapshots-2025-05-06"],
                                 "wsj")
    assert "0 repeated" in lines[0]
    # An edited headline may fire another rule, never the same one again.
    pairs = [(rule, item.link) for item, rule, _ in alerts]
    assert len(pairs) == len(set(pairs))
