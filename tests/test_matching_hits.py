"""Matching from the automaton's hits (issue #17): `near` and `not` use the offsets one
pass found, `all` tries its cheap conditions first, and none of it changes a match or its
explanation. Each test fails if its shortcut is taken where it does not hold."""

from __future__ import annotations

from pathlib import Path

from alerts.knowledge import knowledge_base
from alerts.models import Item
from alerts.rules import RuleSet, load_rules
from alerts.rules.context import MatchContext


def ruleset(tmp_path: Path, text: str) -> RuleSet:
    (tmp_path / "rule.yaml").write_text(text, "utf-8")
    return RuleSet(load_rules([tmp_path], None))


def item(title: str, summary: str = "") -> Item:
    return Item(feed_url="test:", feed_name="Test", key=title, guid=None, link=None,
                title=title, summary=summary, published=None)


def explanations(rules: RuleSet, it: Item, **kwargs) -> list[str]:
    return [m.explanation for m in rules.match(it, record=False, **kwargs)]


def without_hits(rules: RuleSet, it: Item) -> list[str]:
    """The same rules evaluated the slow way: no automaton pass, every term searched."""
    from alerts.rules.engine import explain

    found = []
    for rule in rules.enabled:
        evidence = rule.condition.evaluate(MatchContext(it, record=False, rule_id=rule.id))
        if evidence is not None:
            found.append(explain(evidence))
    return found


def test_near_starts_from_the_first_occurrence_the_automaton_found(tmp_path: Path):
    # The first 'embassy' is next to 'closed'; the last is far from it. The pass keeps each
    # term's first offset: keeping the last would lose this match.
    rules = ruleset(tmp_path, """\
id: embassy
title: Embassy closed
match:
  near: [[embassy], [closed]]
  within: 2
""")
    it = item("Embassy closed in Kabul, and the old embassy, a landmark for decades in the "
              "city centre, will stay empty")
    assert explanations(rules, it) == without_hits(rules, it) == [
        "matched because: 'Embassy' (title), 'closed' (title, within 2 words)"]


def test_near_finds_a_wildcard_phrase_that_begins_before_its_anchor(tmp_path: Path):
    # "call* for ceasefire" is found through its longest word, "ceasefire"; the phrase
    # begins two words before it, so the search cannot start at the anchor's offset.
    rules = ruleset(tmp_path, """\
id: call
title: A call
match:
  near: [["call* for ceasefire"], [Putin]]
  within: 3
""")
    it = item("Leaders calling for ceasefire as Putin visits")
    assert explanations(rules, it) == without_hits(rules, it) == [
        "matched because: 'calling for ceasefire' (title), 'Putin' (title, within 3 words)"]


def test_near_in_one_sentence_uses_sentence_numbers(tmp_path: Path):
    rules = ruleset(tmp_path, """\
id: same-sentence
title: Same sentence
match:
  near: [[talks], [collapse*]]
  within: sentence
""")
    apart = item("Talks in Doha", "Negotiators arrived. Later the process collapsed.")
    together = item("Talks in Doha", "Negotiators said the talks collapsed on Monday.")
    assert explanations(rules, apart) == without_hits(rules, apart) == []
    assert explanations(rules, together) == without_hits(rules, together) == [
        "matched because: 'talks' (summary), 'collapsed' (summary, same sentence)"]


def test_not_with_a_wildcard_phrase_checks_the_phrase_not_its_anchor(tmp_path: Path):
    # "call* for" is looked up by "call"; "called off" has the word without the phrase, so
    # the `not` holds and the rule matches.
    rules = ruleset(tmp_path, """\
id: truce
title: Truce
match:
  all:
    - terms: [truce]
    - not: {terms: ["call* for"]}
""")
    off = item("Truce talks called off")
    call = item("Leaders call for truce")
    assert explanations(rules, off) == without_hits(rules, off) == [
        "matched because: 'Truce' (title)"]
    assert explanations(rules, call) == without_hits(rules, call) == []


def test_all_tries_text_before_the_knowledge_base_and_keeps_the_written_order(
        tmp_path: Path):
    rules = ruleset(tmp_path, """\
id: putin-call
title: Putin and a call
match:
  all:
    - entities: [Putin]
    - terms: ["call* for peace"]
""")
    asked: list[int] = []

    def knowledge():
        asked.append(1)
        return knowledge_base()

    # "peace" is there (the phrase's anchor), the phrase is not: the text condition fails
    # first, and the knowledge base is never asked.
    miss = item("Putin called for talks on peace")
    assert explanations(rules, miss, knowledge=knowledge) == []
    assert asked == []
    hit = item("Putin calls for peace")
    # The evidence is told in the order the rule is written: the person, then the words.
    assert explanations(rules, hit, knowledge=knowledge) == [
        "matched because: 'Putin' (Vladimir Putin, President of Russia), "
        "'calls for peace' (title)"]
    assert asked


def test_a_regex_is_skipped_only_where_its_fixed_words_are_missing(tmp_path: Path):
    from alerts.rules.conditions import required_literal

    assert required_literal(r"\bcease-?fire\b") == "cease"
    assert required_literal(r"\bU\.S\. envoy") == "u.s. envoy"
    assert required_literal("(?:truce|ceasefire)") is None  # alternatives: nothing fixed
    rules = ruleset(tmp_path, """\
id: kiss
title: Kiss
match:
  regex: "kiss"
""")
    # RE2's case folding takes the long s and the Kelvin sign for s and k; so must the
    # test that spares it.
    for text in ("KISS", "KIſS", "\u212aiss"):
        assert explanations(rules, item(text)) == [f"matched because: '{text}' (title)"]
    assert explanations(rules, item("kis s")) == []


def test_a_pattern_python_reads_otherwise_is_always_given_to_re2(tmp_path: Path):
    # Python's parser reads "[[:upper:]]" as a class followed by "]": a fixed "]ruce" that
    # RE2, for which it is the class of capitals, does not need.
    rules = ruleset(tmp_path, """\
id: truce
title: Truce
match:
  regex: "[[:upper:]]ruce"
""")
    assert explanations(rules, item("Truce agreed")) == ["matched because: 'Truce' (title)"]
