"""Rules are refused by the automaton's hits only when they certainly do not hold (#17: the
terms found in an item's fields are one set per item, shared by every rule)."""

from __future__ import annotations

import random
from pathlib import Path

import yaml

from alerts.models import Item
from alerts.rules import RuleSet, load_rules
from alerts.rules.context import MatchContext

WORDS = ["peace", "talks", "truce", "cease", "ceasefire", "fire", "call", "calls", "for",
         "urge", "urged", "élysée", "путин", "talk", "phone", "x9"]
FIELDS = ["title", "summary", "content", "lead", "link", "feed", "categories"]


def every_rule(rules: RuleSet, item: Item) -> list[str]:
    """Each rule evaluated without the automaton's hits: nothing refused on them."""
    ctx = MatchContext(item, record=False)
    found = []
    for rule in rules.enabled:
        ctx.rule_id = rule.id
        if rule.condition.evaluate(ctx) is not None:
            found.append(rule.id)
    return found


def _item(rng: random.Random, n: int) -> Item:
    def text(k: int) -> str:
        return " ".join(rng.choices([*WORDS, ".", ","], k=rng.randint(0, k)))
    return Item(feed_url="https://feeds.example/x", feed_name=text(3), key=str(n), guid=None,
                link=f"https://site.example/{'-'.join(rng.choices(WORDS, k=2))}",
                title=text(8), summary=text(14), published=None,
                content=text(20) if rng.random() < 0.5 else "",
                categories=tuple(rng.choices(WORDS, k=rng.randint(0, 2))))


def test_random_rules_over_every_field_and_near(tmp_path: Path):
    rng = random.Random(11)

    def terms(fields: bool = True) -> dict:
        spec: dict = {"terms": [" ".join(rng.sample(WORDS, rng.randint(1, 2)))
                                for _ in range(rng.randint(1, 3))]}
        if fields and rng.random() < 0.5:
            spec["in"] = rng.sample(FIELDS, rng.randint(1, 3))
        return spec

    def near() -> dict:
        spec: dict = {"near": [terms(False)["terms"], terms(False)["terms"]],
                      "within": rng.choice([1, 3, "sentence"])}
        if rng.random() < 0.5:
            spec["in"] = rng.sample(FIELDS, rng.randint(1, 3))
        return spec

    def leaf() -> dict:
        return terms() if rng.random() < 0.6 else near()

    docs = []
    for n in range(200):
        shape = rng.choice(["all", "all", "any", "nested"])
        if shape == "nested":
            match = {"all": [leaf(), {"any": [leaf(), leaf()]}, {"not": leaf()}]}
        else:
            match = {shape: [leaf() for _ in range(rng.randint(2, 4))]}
        docs.append({"id": f"r{n}", "match": match})
    (tmp_path / "r.yaml").write_text(yaml.safe_dump_all(docs, allow_unicode=True), "utf-8")
    rules = RuleSet(load_rules([tmp_path], None))
    matched = 0
    for n in range(400):
        item = _item(rng, n)
        found = [m.rule_id for m in rules.match(item)]
        assert found == every_rule(rules, item), item
        matched += len(found)
    assert matched > 100  # the rules do match: the comparison says something


def test_seen_terms_are_the_hits_of_every_field_asked():
    ctx = MatchContext(Item(feed_url="x", feed_name="x", key="1", guid=None, link=None,
                            title="a", summary="b", published=None))
    assert ctx.seen_terms(("title",)) is None  # no hits yet: nothing can be told
    ctx.term_hits = {"title": {" a ": 1}, "summary": {" b ": 1}, "content": {}}
    assert ctx.seen_terms(("title", "summary", "content")) == {" a ", " b "}
    assert ctx.seen_terms(("summary",)) == {" b "}
    assert ctx.seen_terms(("title", "link")) is None  # the link was not scanned
    # Hits of another pass (another item's, or after a rule reload): read again.
    ctx.term_hits = {"title": {" c ": 1}, "summary": {}, "content": {}}
    assert ctx.seen_terms(("title", "summary", "content")) == {" c "}
