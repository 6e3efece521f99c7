"""The default title is made without the template engine (issue #17: a title per queued
alert); it must be exactly what the template makes, hostile text included."""

from __future__ import annotations

import pytest

from alerts.render import DEFAULT_TITLE, SAMPLE, Renderer, _inline, _one_line

NASTY = [
    "Plain headline",
    "Line one\nline two\r\n\tand a tab",
    "Bidi \u202eevil\u202c and zero\u200bwidth, NUL \x00 and bell \x07",
    "<b>markup</b> & *stars* _under_ [link](javascript:x) #tag",
    "x" * 400,
    "",
]


@pytest.mark.parametrize("title", NASTY)
@pytest.mark.parametrize("update", [False, True])
def test_the_default_title_is_what_the_template_makes(title: str, update: bool):
    facts = {**SAMPLE, "update": update, "rule_title": f"Rule {title[:20]}", "title": title}
    by_template = _one_line(_inline("text", None, DEFAULT_TITLE).render(facts))
    for fmt in ("text", "markdown", "html"):
        assert Renderer(fmt).alert_title(facts) == by_template
        assert Renderer(fmt).alert(facts)[0] == by_template


def test_facts_the_default_title_cannot_read_go_to_the_template():
    from alerts.render import TemplateProblem

    with pytest.raises(Exception) as raised:
        Renderer("text").alert_title({"update": False, "severity": "high", "title": "x"})
    assert not isinstance(raised.value, AssertionError)
    assert isinstance(raised.value, TemplateProblem) or "rule_title" in str(raised.value)
