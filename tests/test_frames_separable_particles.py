"""German separable verbs whose particle has an umlaut (issue #15): "Israel weist die
Forderung nach einem Waffenstillstand zurück" is a rejection of the demand, not a call for a
ceasefire. The lexicon's tokens are folded ("zurück" is "zuruck"), so the particles the
separable reading looks for must be folded too, or "weist ... zurück" is never read apart.

The texts are written for these tests and run through the shipped lexicon and knowledge base.
"""

from __future__ import annotations

from datetime import date

import pytest

from alerts.analysis import analyse_text
from alerts.analysis.lexicon import PARTICLES, lexicon

DAY = date(2025, 3, 1)


def statuses(title: str, etype: str) -> list[str | None]:
    return [f.status for f in analyse_text(title, "", DAY).frames if f.type == etype]


@pytest.mark.parametrize("title", [
    "Israel weist die Forderung nach einem Waffenstillstand zurück",
    "Russland weist den Vorschlag einer Waffenruhe zurück",
    "Die Regierung weist den Aufruf zu einer Feuerpause entschieden zurück",
])
def test_a_rejection_around_its_object_is_no_call(title: str) -> None:
    found = statuses(title, "ceasefire")
    assert found and "called-for" not in found, found
    assert "rejected" in found, found


def test_the_other_separable_verbs_still_read_apart() -> None:
    assert "severed" in statuses("Ecuador bricht die Beziehungen zu Mexiko ab",
                                 "relations")


def test_every_particle_is_a_folded_token() -> None:
    # The lexicon's separable verbs end in these; an unfolded particle would never match.
    assert "zuruck" in PARTICLES and "zurück" not in PARTICLES
    assert any(p == "zuruck" for found in lexicon().separable.values() for p, _ in found)


@pytest.mark.parametrize(("title", "pair"), [
    ("Scholz rief Putin an", "olaf-scholz+vladimir-putin"),
    ("Selenskyj rief am Dienstag Macron an", "emmanuel-macron+volodymyr-zelensky"),
    ("Merz hat Trump angerufen", "donald-trump+friedrich-merz"),
])
def test_a_phone_call_around_its_object(title: str, pair: str) -> None:
    # "anrufen", the common German verb of a phone call, is separable: its particle ends
    # the clause, and the sentence's phrases hold only "rief" (also recalling an envoy's
    # "rief ... zurück"), so both the prefilter and the frame reader must read it apart.
    day = date(2025, 7, 1) if "Merz" in title else date(2023, 5, 1)
    pairs = {"+".join(sorted(p.entity_id for p in pair_))
             for f in analyse_text(title, "", day).frames
             if f.type == "contact" and f.status == "call" for pair_ in f.pairs}
    assert pair in pairs


def test_the_rules_prefilter_reads_a_separable_phone_call() -> None:
    from alerts.models import Item
    from alerts.rulepack import shipped_rules_dir
    from alerts.rules import RuleSet, load_rules
    from alerts.rules.context import MatchContext

    rules = RuleSet(load_rules([shipped_rules_dir()], None))
    item = Item("u", "f", "g", "g", None, "Scholz rief Putin an", "", None)
    assert "first-contact-after-gap" in {r.id for r in rules.candidates(MatchContext(item))}
