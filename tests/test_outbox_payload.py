"""Store less (issue #17): the facts stored with a queued message leave out the item's
summary and the match's explanation (stored with the item and the match, and read from there
when the message is rendered); a digest made from what is stored is the digest the full
facts make."""

from __future__ import annotations

import json
from datetime import UTC, datetime

from alerts.models import Item, Match
from alerts.render import Renderer, digest_facts
from alerts.routing import ChannelStyle, Composer, alert_facts

SUMMARY = ("The Secretary-General urged all parties to agree an immediate ceasefire, "
           "saying that civilians have paid the highest price in a war now in its third year.")


def alert(n: int) -> tuple[Item, Match]:
    item = Item(feed_url="https://wire.example/rss", feed_name="Wire", key=f"k{n}", guid=None,
                link=f"https://wire.example/{n}", title=f"UN chief urges ceasefire in Sudan ({n})",
                summary=SUMMARY, published=datetime(2025, 7, 1, 15, n, tzinfo=UTC))
    match = Match(rule_id="ceasefire-call", rule_title="Someone calls for a ceasefire",
                  severity="high", channels=("mail",),
                  explanation="matched because: ceasefire called-for: 'ceasefire' + 'urges'",
                  story_id=7)
    return item, match


def test_a_queued_message_stores_neither_summary_nor_explanation_and_digests_alike():
    composer = Composer({"mail": ChannelStyle("html")}, (), ("mail",))
    sources = [("Other wire", "Guterres calls for Sudan truce", "https://other.example/1")]
    queued = [composer.compose(*alert(n), sources=sources)[0] for n in range(3)]
    stored = [json.loads(json.dumps(m.payload)) for m in queued]  # as the state keeps it
    for message in stored:
        text = json.dumps(message)
        assert "civilians" not in text and "matched because" not in text
    full = [alert_facts(*alert(n), sources=sources) for n in range(3)]
    assert digest_facts(stored, "digest", "d1") == digest_facts(full, "digest", "d1")
    for fmt in ("text", "markdown", "html"):
        assert Renderer(fmt).digest(digest_facts(stored, "digest", "d1")) == \
            Renderer(fmt).digest(digest_facts(full, "digest", "d1"))
    # The message itself is rendered from all of them.
    assert "civilians" in queued[0].body
