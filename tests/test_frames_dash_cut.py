"""A dash or semicolon after a contact's counterpart ends whom the contact was with: the
people after it are another matter ("Macron spoke to Scholz by phone – Putin was in
Beijing"). The frame reader looks for these marks only in sentences that hold one, so each
mark is tried here."""

from __future__ import annotations

from datetime import date

import pytest

from alerts.analysis import analyse_text


@pytest.mark.parametrize("mark", ["–", "—", ";"])
def test_no_counterpart_after_a_dash(mark: str) -> None:
    text = f"Macron spoke to Scholz by phone {mark} Putin was in Beijing."
    pairs = {frozenset((a.name, b.name)) for f in analyse_text(text, "", date(2024, 5, 2)).frames
             if f.type == "contact" for a, b in f.pairs}
    assert frozenset(("Emmanuel Macron", "Olaf Scholz")) in pairs
    assert not any("Vladimir Putin" in pair for pair in pairs), pairs
