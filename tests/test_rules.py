import textwrap

import pytest

from alerts.errors import RuleError
from alerts.models import Item
from alerts.rules import RuleSet, load_rules
from alerts.rules.text import fold


def item(title: str, summary: str = "", **kw) -> Item:
    return Item(feed_url="https://x.org/rss", feed_name=kw.pop("feed_name", "Wire"), key="k",
                guid=None, link=kw.pop("link", "https://x.org/1"), title=title, summary=summary,
                published=None, **kw)


def ruleset(tmp_path, text: str, channels=("chat",)) -> RuleSet:
    (tmp_path / "r.yaml").write_text(textwrap.dedent(text), encoding="utf-8")
    rules = load_rules([tmp_path], set(channels), tuple(channels))
    return RuleSet(rules, tuple(channels))


def problems(tmp_path, text: str, channels=("chat",), name="r.yaml") -> list[str]:
    (tmp_path / name).write_text(textwrap.dedent(text), encoding="utf-8")
    with pytest.raises(RuleError) as info:
        load_rules([tmp_path], set(channels), ())
    return [str(p) for p in info.value.problems]


def test_fold_is_case_and_accent_insensitive():
    assert fold("Élysée") == "elysee"
    assert fold("Erdoğan") == fold("ERDOGAN")
    assert fold("Путин") == "путин"


@pytest.mark.parametrize(("terms", "text", "hit"), [
    ("[ceasefire]", "Leaders urge a CEASEFIRE now", True),
    ("[ceasefire]", "ceasefires", False),  # word boundary
    ("[negotiat*]", "negotiations resume", True),
    ("[negotiat*]", "renegotiate", False),
    ("['phone call']", "a phone-call between", True),
    ("['phone call']", "phone and call", False),
    ("[Elysee]", "l'Élysée a dit", True),
    ("[Erdoğan]", "Erdogan spoke", True),
    ("[Путин]", "Путин и Макрон", True),
    ("[\"وقف إطلاق النار\"]", "دعا إلى وقف إطلاق النار", True),
    ("[Zelensky]", "Zelenskyy said", False),  # variants only when listed
])
def test_terms(tmp_path, terms, text, hit):
    rs = ruleset(tmp_path, f"id: t\nmatch:\n  terms: {terms}\n")
    assert bool(rs.match(item(text))) is hit


def test_all_any_not_and_explanation(tmp_path):
    rs = ruleset(tmp_path, """\
        id: ceasefire-call
        title: Ceasefire call
        severity: high
        match:
          all:
            - terms: [ceasefire, truce]
            - any:
                - terms: ["call* for"]
                - terms: [urge*]
            - not:
                terms: [rejected]
        """)
    (match,) = rs.match(item("Macron urges Putin to agree a ceasefire"))
    assert match.rule_id == "ceasefire-call" and match.severity == "high"
    assert match.channels == ("chat",)
    assert match.explanation == "matched because: 'ceasefire' (title), 'urges' (title)"
    assert rs.match(item("Kremlin rejected calls for a ceasefire")) == []
    assert rs.match(item("Ceasefire holds")) == []


def test_fields_limit_where_terms_are_looked_for(tmp_path):
    rs = ruleset(tmp_path, """\
        id: t
        match:
          all:
            - terms: [embassy]
              in: [title]
            - terms: [wire]
              in: feed
        """)
    assert rs.match(item("Embassy closed", feed_name="Main Wire"))
    assert not rs.match(item("Closed", "the embassy", feed_name="Main Wire"))
    assert not rs.match(item("Embassy closed", feed_name="Blog"))


def test_several_rules_per_file_and_disabled_rules(tmp_path):
    rs = ruleset(tmp_path, """\
        id: a
        match: {terms: [truce]}
        ---
        id: b
        enabled: false
        match: {terms: [truce]}
        """)
    assert [m.rule_id for m in rs.match(item("truce"))] == ["a"]
    assert len(rs) == 2


def test_every_problem_reported_with_file_and_line(tmp_path):
    found = problems(tmp_path, """\
        id: Bad Id
        severity: urgent
        enabled: on
        notify: [pager]
        colour: red
        match:
          all:
            - terms: [ceasefire, "", "neg*otiate"]
            - terms: [ok]
              in: [body]
            - frobnicate: 1
        """)
    text = "\n".join(found)
    assert "r.yaml:1: every rule needs an 'id'" in text
    assert "r.yaml:2: severity 'urgent'" in text
    assert "r.yaml:3: 'enabled' must be true or false, not 'on'" in text
    assert "r.yaml:5: unknown key 'colour'" in text
    assert "r.yaml:8: at 'match.all[0].terms[1]': empty term" in text
    assert "r.yaml:8: at 'match.all[0].terms[2]'" in text and "only at the end" in text
    assert "r.yaml:10: at 'match.all[1].in[0]': unknown field 'body'" in text
    assert "r.yaml:11: at 'match.all[2]': expected exactly one condition kind" in text


def test_unknown_channel_and_duplicate_ids_across_files(tmp_path):
    (tmp_path / "a.yaml").write_text("id: dup\nmatch: {terms: [x]}\n")
    found = problems(tmp_path, "id: dup\nnotify: [pager]\nmatch: {terms: [y]}\n", name="b.yaml")
    text = "\n".join(found)
    assert "b.yaml:1: rule id 'dup' is already used at" in text and "a.yaml:1" in text
    found = problems(tmp_path, "id: other\nnotify: [pager]\nmatch: {terms: [y]}\n", name="b.yaml")
    assert any("b.yaml:2" in p and "unknown channel 'pager'" in p and "chat" in p for p in found)


def test_rule_without_channels_needs_defaults(tmp_path):
    (tmp_path / "r.yaml").write_text("id: a\nmatch: {terms: [x]}\n")
    with pytest.raises(RuleError) as info:
        load_rules([tmp_path], {"chat"}, ())
    assert "names no channel" in str(info.value)


def test_yaml_errors_and_missing_paths(tmp_path):
    found = problems(tmp_path, "id: a\nmatch: {terms: [x]\n")
    assert found[0].startswith(str(tmp_path / "r.yaml") + ":")
    with pytest.raises(RuleError) as info:
        load_rules([tmp_path / "absent"], None)
    assert "not found" in str(info.value)


def test_norway_stays_a_string(tmp_path):
    rs = ruleset(tmp_path, "id: a\nmatch: {terms: [NO, Norway]}\n")
    assert rs.match(item("NO and Sweden"))


def test_shipped_rule_pack_loads():
    from alerts.rulepack import shipped_rules_dir

    rules = load_rules([shipped_rules_dir()], {"terminal"}, ("terminal",))
    assert {r.id for r in rules} >= {"ceasefire-call", "ceasefire-agreed", "peace-talks",
                                     "diplomatic-relations", "first-contact-after-gap"}


def test_examples_are_checked(tmp_path):
    from alerts.rules.engine import verify_examples

    (tmp_path / "r.yaml").write_text(textwrap.dedent("""\
        id: a
        match: {terms: [truce]}
        examples:
          match:
            - "Leaders agree truce"
            - "Leaders agree armistice"
          no_match:
            - "Markets rise"
            - "A truce in the price war"
        """))
    rules = load_rules([tmp_path], {"c"}, ("c",))
    found = [str(p) for p in verify_examples(rules)]
    assert len(found) == 2
    assert ":6: rule 'a' should match this example but does not" in found[0]
    assert ":9: rule 'a' matches this example but should not" in found[1]


def test_shipped_rule_examples_hold():
    from alerts.rulepack import shipped_rules_dir
    from alerts.rules.engine import verify_examples

    rules = load_rules([shipped_rules_dir()], {"terminal"}, ("terminal",))
    assert all(r.examples_match and r.examples_no_match for r in rules)
    assert verify_examples(rules) == []
