"""Every kind of rule problem is reported at once, with its file and line."""

from __future__ import annotations

import textwrap

import jsonschema
import pytest
import yaml

from alerts.errors import RuleError
from alerts.rulepack import shipped_rules_dir
from alerts.rules import RuleSet, load_rules
from alerts.rules.engine import example_item
from alerts.rules.schema import rule_schema


def problems(tmp_path, text: str) -> list[str]:
    (tmp_path / "r.yaml").write_text(textwrap.dedent(text), "utf-8")
    with pytest.raises(RuleError) as info:
        load_rules([tmp_path], None)
    return [str(p) for p in info.value.problems]


@pytest.mark.parametrize(("line", "yaml_text", "message"), [
    (3, "id: a\nmatch:\n  regex: '(a)\\1'\n", "RE2"),
    (3, "id: a\nmatch:\n  regex: '(?=x)y'\n", "no backreferences or lookarounds"),
    (3, "id: a\nmatch:\n  entities: [Macrn]\n", "unknown entity 'Macrn'; did you mean"),
    (3, "id: a\nmatch:\n  events: [handshake]\n", "unknown event type 'handshake'; known:"),
    (3, "id: a\nmatch:\n  terms: ['@nope']\n", "unknown term list '@nope'"),
    (4, "id: a\nmatch:\n  near: [[a], [b]]\n  within: lots\n", "'sentence'"),
    (3, "id: a\nmatch:\n  near: [[a]]\n", "two lists of terms"),
    (3, "id: a\nmatch:\n  gap: {key: people}\n", "a whole number of at least 1"),
    (3, "id: a\nmatch:\n  count: {at_least: 2}\n", "a duration such as 6h"),
    (3, "id: a\nmatch:\n  gap: {days: 9, key: planets}\n", "'planets' is not one of"),
    (3, "id: a\nmatch:\n  people: many\n", "how many must be mentioned"),
    (2, "id: a\nthrottle: soon\nmatch: {terms: [x]}\n", "'throttle' takes a period"),
    (3, "id: a\nmatch:\n  not:\n    gap: {days: 5}\n", "cannot be negated"),
    (1, "lists: {Bad Name: [x]}\n", "list name 'Bad Name'"),
    (1, "import: [missing.yaml]\n", "cannot import 'missing.yaml'"),
])
def test_each_problem_has_its_line(tmp_path, line, yaml_text, message):
    found = problems(tmp_path, yaml_text)
    assert any(f"r.yaml:{line}:" in p and message in p for p in found), found


def test_all_problems_at_once(tmp_path):
    found = problems(tmp_path, """\
        id: a
        match:
          all:
            - regex: '(a)\\1'
            - entities: [Nobody Atall]
            - terms: ['']
        """)
    assert [p.split(":")[1] for p in found] == ["4", "5", "6"]


def test_hostile_regex_runs_in_linear_time(tmp_path):
    # Catastrophic for backtracking engines (seconds for 30 characters); RE2 takes it in stride.
    (tmp_path / "r.yaml").write_text("id: a\nmatch: {regex: '^(\\w+\\s?)*$', in: title}\n")
    rules = RuleSet(load_rules([tmp_path], None))
    assert rules.match(example_item("a" * 5000 + "!")) == []


def test_imported_term_lists(tmp_path):
    lib = tmp_path / "lib"
    lib.mkdir()
    (lib / "words.yaml").write_text("lists:\n  truce-words: [ceasefire, truce]\n")
    rules_dir = tmp_path / "rules"
    rules_dir.mkdir()
    (rules_dir / "r.yaml").write_text("import: [../lib/words.yaml]\n---\n"
                                      "id: a\nmatch: {terms: ['@truce-words', armistice]}\n")
    rules = RuleSet(load_rules([rules_dir], None))
    assert rules.match(example_item("A truce at last"))
    assert not rules.match(example_item("Peace at last"))


def test_circular_import_is_a_problem(tmp_path):
    (tmp_path / "a.yaml").write_text("import: [b.yaml]\n")
    (tmp_path / "b.yaml").write_text("import: [a.yaml]\n")
    with pytest.raises(RuleError) as info:
        load_rules([tmp_path / "a.yaml"], None)
    assert "goes round in a circle" in str(info.value)


def schema() -> dict:
    return rule_schema()


def test_shipped_rules_and_cases_validate_against_the_published_schema():
    validator = jsonschema.Draft202012Validator(schema())
    for path in shipped_rules_dir().glob("*.yaml"):
        for doc in yaml.safe_load_all(path.read_text("utf-8")):
            errors = list(validator.iter_errors(doc))
            assert not errors, f"{path.name}: {errors[0].message}"


@pytest.mark.parametrize("doc", [
    {"id": "a"},
    {"id": "Bad Id", "match": {"terms": ["x"]}},
    {"id": "a", "match": {"terms": ["x"], "regex": "y"}},
    {"id": "a", "match": {"gap": {"key": "people"}}},
    {"id": "a", "severity": "urgent", "match": {"terms": ["x"]}},
])
def test_schema_rejects_what_the_loader_rejects(doc):
    assert list(jsonschema.Draft202012Validator(schema()).iter_errors(doc))
