"""The candidate prefilter never loses a match: it agrees with evaluating every rule."""

from __future__ import annotations

import random
from datetime import UTC, datetime
from pathlib import Path

import yaml

from alerts.models import Item
from alerts.rulepack import shipped_rules_dir
from alerts.rules import RuleSet, load_rules
from alerts.rules.context import MatchContext

LABELLED = Path(__file__).parent / "data" / "labelled"


def everything(rules: RuleSet, item: Item) -> list[str]:
    ctx = MatchContext(item, record=False)
    found = []
    for rule in rules.enabled:
        ctx.rule_id = rule.id
        if rule.condition.evaluate(ctx) is not None:
            found.append(rule.id)
    return found


def labelled_items() -> list[Item]:
    items = []
    for path in sorted(LABELLED.glob("*.yaml")):
        for row in yaml.safe_load(path.read_text("utf-8")):
            items.append(Item(feed_url="x", feed_name="x", key=row["id"], guid=None, link=None,
                              title=row["title"], summary=row.get("summary", ""),
                              published=datetime.fromisoformat(
                                  row["published"].replace("Z", "+00:00")).astimezone(UTC)))
    return items


def test_shipped_rules_on_the_labelled_set():
    rules = RuleSet(load_rules([shipped_rules_dir()], None))
    items = labelled_items()
    assert len(items) > 100
    for item in items:
        assert [m.rule_id for m in rules.match(item)] == everything(rules, item), item.title


def test_random_rules_and_texts(tmp_path):
    rng = random.Random(7)
    words = ["peace", "talks", "truce", "cease", "ceasefire", "fire", "call", "calls", "for",
             "urge", "urged", "élysée", "elysee", "путин", "talk", "s", "phone-call", "phone"]
    docs = []
    for n in range(150):
        def terms() -> list[str]:
            picked = []
            for _ in range(rng.randint(1, 3)):
                phrase = " ".join(rng.sample(words, rng.randint(1, 2)))
                if rng.random() < 0.3 and len(phrase.split()[-1]) >= 3:
                    phrase += "*"
                picked.append(phrase)
            return picked
        shape = rng.choice(["terms", "all", "any", "not"])
        if shape == "terms":
            match = {"terms": terms()}
        elif shape == "not":
            match = {"all": [{"terms": terms()}, {"not": {"terms": terms()}}]}
        else:
            match = {shape: [{"terms": terms()}, {"terms": terms(), "in": ["title"]}]}
        docs.append({"id": f"r{n}", "match": match})
    (tmp_path / "r.yaml").write_text(yaml.safe_dump_all(docs, allow_unicode=True), "utf-8")
    rules = RuleSet(load_rules([tmp_path], None))
    for n in range(300):
        text = " ".join(rng.choices([*words, ",", ".", "-", "x"], k=rng.randint(3, 14)))
        item = Item(feed_url="x", feed_name="x", key=str(n), guid=None, link=None,
                    title=text, summary=" ".join(rng.choices(words, k=5)), published=None)
        assert [m.rule_id for m in rules.match(item)] == everything(rules, item), text
