"""The prefilter's cheaper reading of an item (issue #17): the token form of ASCII text made
without folding, the scanner's two automata, word numbers counted from the token text, and
only the fields asked for made. Each gives what the slower way gave; each test fails if its
shortcut is taken where it does not hold."""

from __future__ import annotations

import random
import re
import string
from datetime import UTC, datetime
from pathlib import Path

import ahocorasick
import pytest
import yaml

from alerts.fold import fold
from alerts.models import Item
from alerts.rulepack import shipped_rules_dir
from alerts.rules import RuleSet, load_rules
from alerts.rules import context as context_module
from alerts.rules.context import MatchContext
from alerts.rules.text import FieldText, KeyScanner, token_form
from tests.test_prefilter import everything  # the rules that hold, every one evaluated

_WORD = re.compile(r"[^\W_]+")


def folded_tokens(text: str) -> str:
    """The token form the slow way: folded, then every run of letters and digits."""
    return " " + " ".join(_WORD.findall(fold(text))) + " "


def test_the_token_form_of_ascii_text_is_the_folded_one():
    # Every ASCII character alone and beside letters: '_' and the control characters
    # separate words, digits do not.
    for code in range(128):
        char = chr(code)
        for text in (char, f"Ab{char}9c", f"{char}X{char}{char}y"):
            assert token_form(text) == folded_tokens(text), repr(text)
            assert FieldText(text).spans == [m.span() for m in _WORD.finditer(fold(text))]
    rng = random.Random(17)
    alphabet = string.printable + "\x00\x1c\x1f\x7f"
    for _ in range(2000):
        text = "".join(rng.choices(alphabet, k=rng.randint(0, 40)))
        assert token_form(text) == folded_tokens(text), repr(text)
    assert token_form("") == folded_tokens("") == "  "


def test_text_whose_only_other_characters_separate_words_takes_the_ascii_way():
    import unicodedata

    from alerts.rules.text import _SEPARATORS

    for char in _SEPARATORS:
        assert not char.isalnum() and not _WORD.findall(fold(char)), repr(char)
        assert unicodedata.combining(char) == 0
    rng = random.Random(19)
    alphabet = string.ascii_letters + string.digits + " _-.,'" + _SEPARATORS
    for _ in range(3000):
        text = "".join(rng.choices(alphabet, k=rng.randint(0, 30)))
        assert token_form(text) == folded_tokens(text), repr(text)
    assert token_form("Trump’s “deal” — £5bn… • done") == " trump s deal 5bn done "
    # One letter beyond ASCII, and the text is folded as a whole.
    assert token_form("Macron’s Élysée") == folded_tokens("Macron’s Élysée") == " macron s elysee "


def test_the_token_form_of_other_text_is_folded():
    for text in ("Élysée: Erdoğan, Ёлка!", "Straße_Ⅻ ﬁne", "中国和俄罗斯恢复邦交", "ſ K",
                 "x\u00a0y\u2003z", "İstanbul ıi",
                 # folded to ASCII (then read the quick way): accents, ligatures, x²
                 "Le président a appelé à un cessez-le-feu, à l'Élysée_x²", "Łódź œuvre"):
        assert token_form(text) == folded_tokens(text), text
        assert FieldText(text).folded == fold(text)


def test_word_numbers_are_counted_from_the_token_text():
    text = FieldText("  The U.N. envoy's __ call_for a 2-day truce; Élysée said.")
    spans = text.spans
    assert len(spans) == len(text.tokens.split())
    offset = 1
    for number, (start, end) in enumerate(spans):
        assert text.word_index(offset) == number
        offset += end - start + 1


def reference_offsets(keys: list[str], tokens: str) -> dict[str, int]:
    """What one automaton of every key found: each key's first offset."""
    automaton = ahocorasick.Automaton()
    for key in keys:
        automaton.add_word(key, (key, len(key)))
    automaton.make_automaton()
    return {key: end - length + 1 for end, (key, length) in reversed(list(automaton.iter(tokens)))}


KEYS = [" talks ", " peace talks ", " negotiat", " call ", " calls for ", "邦交", "恢复",
        "谈判", " 中国 ", "وقف", " ceasefire "]


@pytest.mark.parametrize("text", [
    "Peace talks resume; peace talks stall. Negotiators call, calls for ceasefire",
    "中国和俄罗斯恢复邦交, 谈判 中国 talks",
    "وقف إطلاق النار ceasefire ceasefire",
    "nothing here at all",
    "",
])
def test_the_scanner_finds_what_one_automaton_of_every_key_found(text: str):
    tokens = token_form(text)
    assert KeyScanner(KEYS).first_offsets(tokens) == reference_offsets(KEYS, tokens)


def test_keys_without_a_leading_space_are_found_inside_a_word():
    # Chinese is written without spaces: its keys are in the second automaton, run over a
    # text that holds one of their first letters.
    tokens = token_form("两国宣布恢复邦交")
    assert KeyScanner(KEYS).first_offsets(tokens) == {"恢复": 5, "邦交": 7}
    assert KeyScanner(["邦交"]).first_offsets(tokens) == {"邦交": 7}
    assert KeyScanner([" talks "]).first_offsets(tokens) == {}
    assert not KeyScanner([])


def test_a_chinese_act_word_selects_its_rule_through_the_second_automaton():
    # The shipped relations rule is a candidate for a Chinese headline through its act
    # words (恢复, restore), and matches it.
    rules = RuleSet(load_rules([shipped_rules_dir()], None))
    item = Item(feed_url="test:", feed_name="Test", key="k", guid=None, link=None,
                title="沙特和伊朗恢复外交关系", summary="",
                published=datetime(2024, 4, 6, tzinfo=UTC))
    ctx = MatchContext(item, now=datetime(2024, 4, 6, tzinfo=UTC), record=False)
    assert [rule.id for rule in rules.candidates(ctx)] == ["diplomatic-relations"]
    assert ctx.term_hits is not None and ctx.term_hits["title"] == {"外交": 8, "恢复": 6}
    assert [m.explanation for m in rules.match(item, context=ctx)] == [
        "matched because: relations restored: '外交关系' + '恢复', happened (not planned, "
        "not denied), in the headline; named: '伊朗' (Iran)"]


def test_only_the_fields_asked_for_are_made(monkeypatch: pytest.MonkeyPatch):
    def no_lead(title: str, summary: str) -> str:
        raise AssertionError("the lead was made though no one asked for it")

    monkeypatch.setattr(context_module, "lead_of", no_lead)
    item = Item(feed_url="test:", feed_name="Test", key="k", guid=None, link=None,
                title="Envoys meet", summary="They met. Then they left.", published=None,
                categories=["a", "b"])
    ctx = MatchContext(item, record=False)
    assert ctx.field("title").original == "Envoys meet"
    assert ctx.field("summary").original == "They met. Then they left."
    assert ctx.field("content") is ctx.field("summary")  # no full text: the summary
    assert ctx.field("categories").original == "a; b"
    monkeypatch.undo()
    assert ctx.field("lead").original == "Envoys meet. They met."


def test_a_candidate_missing_a_group_it_needs_is_left_out(tmp_path: Path):
    (tmp_path / "r.yaml").write_text("""\
id: all-of-two
match:
  all:
    - terms: [embassy]
    - terms: [closed, shut]
---
id: near-two
match:
  near: [[embassy], [reopened]]
  within: 3
---
id: three-groups
match:
  all:
    - terms: [embassy]
    - terms: [kabul]
    - not: {terms: [rumour]}
    - all: [{terms: [closed]}, {terms: [taliban], in: [title]}]
""", "utf-8")
    rules = RuleSet(load_rules([tmp_path], None))

    def candidates(title: str, summary: str = "") -> list[str]:
        item = Item(feed_url="test:", feed_name="Test", key=title, guid=None, link=None,
                    title=title, summary=summary, published=None)
        found = [rule.id for rule in rules.candidates(item)]
        assert [m.rule_id for m in rules.match(item, record=False)] == everything(rules, item)
        return found

    assert candidates("Embassy in Kabul") == []
    assert candidates("Embassy reopened") == ["near-two"]
    assert candidates("Embassy in Kabul", "It was shut.") == ["all-of-two"]
    assert candidates("Embassy in Kabul closed", "The Taliban") == ["all-of-two", "three-groups"]
    # A group in another field than its condition's still keeps the rule: the pass's
    # union of fields only tells what is in none.
    assert candidates("Embassy", "closed in Kabul") == ["all-of-two"]


def test_leaving_candidates_out_loses_no_match(tmp_path: Path):
    rng = random.Random(23)
    words = ["peace", "talks", "truce", "ceasefire", "call", "calls", "for", "urge", "élysée",
             "путин", "phone-call", "phone", "embassy", "closed"]

    def terms() -> list[str]:
        picked = []
        for _ in range(rng.randint(1, 3)):
            phrase = " ".join(rng.sample(words, rng.randint(1, 2)))
            if rng.random() < 0.3 and len(phrase.split()[-1]) >= 3:
                phrase += "*"
            picked.append(phrase)
        return picked

    def condition(depth: int = 0) -> dict:
        shape = rng.choice(["terms", "near", "all", "not"] if depth < 2 else ["terms", "near"])
        where = rng.choice([None, ["title"], ["summary"], ["lead"], ["title", "summary"]])
        if shape == "terms":
            return {"terms": terms(), **({"in": where} if where else {})}
        if shape == "near":
            return {"near": [terms(), terms()], "within": rng.choice([1, 3, "sentence"]),
                    **({"in": where} if where else {})}
        if shape == "not":
            return {"all": [condition(depth + 1), {"not": condition(depth + 1)}]}
        return {"all": [condition(depth + 1) for _ in range(rng.randint(2, 4))]}

    docs = [{"id": f"r{n}", "match": condition()} for n in range(200)]
    (tmp_path / "r.yaml").write_text(yaml.safe_dump_all(docs, allow_unicode=True), "utf-8")
    rules = RuleSet(load_rules([tmp_path], None))
    assert rules._needed_by and rules._needs  # both kinds of rules are there
    for n in range(400):
        title = " ".join(rng.choices([*words, ",", ".", "x"], k=rng.randint(2, 12)))
        summary = " ".join(rng.choices([*words, ".", "y"], k=rng.randint(0, 12)))
        item = Item(feed_url="x", feed_name="x", key=str(n), guid=None, link=None,
                    title=title, summary=summary, published=None)
        assert [m.rule_id for m in rules.match(item, record=False)] == everything(rules, item)
