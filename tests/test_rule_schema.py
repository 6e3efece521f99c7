"""The JSON Schema of rule files is built from the definitions the loader reads by
(alerts/rules/grammar.py): every key and condition kind has a description and an example
the loader accepts, the schema accepts what the loader accepts and refuses what it refuses,
and every shipped rule and every rule the documentation shows validates against it."""

from __future__ import annotations

import copy
import json
import re
import subprocess
import sys
from pathlib import Path
from typing import Any

import jsonschema
import pytest
import yaml

from alerts.errors import RuleError
from alerts.rulepack import shipped_rules_dir
from alerts.rules import load_rules
from alerts.rules.grammar import CONDITION_WORDS, LIBRARY_WORDS, RULE_WORDS
from alerts.rules.loader import LIBRARY_KEYS, RULE_KEYS
from alerts.rules.reading import CONDITION_KINDS
from alerts.rules.schema import GrammarError, rule_schema
from tests.conftest import ROOT

BASE: dict[str, Any] = {"id": "probe", "match": {"terms": ["ceasefire", "truce"]}}


@pytest.fixture(scope="module")
def validator() -> jsonschema.Draft202012Validator:
    schema = rule_schema()
    jsonschema.Draft202012Validator.check_schema(schema)
    return jsonschema.Draft202012Validator(schema)


def schema_accepts(validator: jsonschema.Draft202012Validator, doc: Any) -> bool:
    return not list(validator.iter_errors(doc))


def _first_error(validator: jsonschema.Draft202012Validator, doc: Any) -> str:
    return next(iter(validator.iter_errors(doc))).message


def loader_accepts(directory: Path, doc: Any) -> bool:
    """Whether the real loader takes the document, written as a YAML rule file."""
    directory.mkdir(parents=True, exist_ok=True)
    path = directory / f"probe{len(list(directory.iterdir()))}.yaml"
    path.write_text(yaml.safe_dump(doc, allow_unicode=True, sort_keys=False), "utf-8")
    try:
        load_rules([path], None)
    except RuleError:
        return False
    return True


def test_every_key_and_kind_the_loader_reads_is_in_the_schema_with_words_and_an_example():
    schema = rule_schema()
    rule = schema["$defs"]["rule"]
    assert set(rule["properties"]) == set(RULE_KEYS)
    assert rule["required"] == ["id", "match"]
    assert set(schema["$defs"]["library"]["properties"]) == set(LIBRARY_KEYS)
    branches = schema["$defs"]["condition"]["oneOf"]
    assert [b["required"] for b in branches] == [[w.name] for w in CONDITION_WORDS]
    assert {b["title"] for b in branches} == set(CONDITION_KINDS)
    nodes = [*rule["properties"].values(), *schema["$defs"]["library"]["properties"].values()]
    nodes += [b["properties"][b["title"]] for b in branches]
    for node in nodes:
        assert not node["description"][:1].islower() and node["description"].endswith("."), node
    for node in [*rule["properties"].values(), *branches]:
        assert len(node["examples"]) == 1, node


def test_a_kind_read_but_not_defined_or_defined_but_not_read_refuses_to_build(monkeypatch):
    from alerts.rules import grammar, reading

    monkeypatch.setitem(reading.CONDITION_KINDS, "quorum", reading.CONDITION_KINDS["people"])
    with pytest.raises(GrammarError, match=r"no definition .* for quorum"):
        rule_schema()
    monkeypatch.delitem(reading.CONDITION_KINDS, "quorum")
    monkeypatch.setattr(grammar, "CONDITION_WORDS", grammar.CONDITION_WORDS[1:])
    import alerts.rules.schema as built

    monkeypatch.setattr(built, "CONDITION_WORDS", grammar.CONDITION_WORDS)
    with pytest.raises(GrammarError, match=r"no definition .* for event"):
        rule_schema()


@pytest.mark.parametrize("word", RULE_WORDS, ids=lambda w: w.name)
def test_each_rule_key_s_example_loads_and_validates(word, validator, tmp_path):
    doc = {**BASE, word.name: word.example}
    assert schema_accepts(validator, doc), _first_error(validator, doc)
    assert loader_accepts(tmp_path, doc)


@pytest.mark.parametrize("word", LIBRARY_WORDS, ids=lambda w: w.name)
def test_each_library_key_s_example_loads_and_validates(word, validator, tmp_path):
    (tmp_path / "words.yaml").write_text("lists:\n  peace-words: [peace]\n")
    doc = {word.name: word.example}
    assert schema_accepts(validator, doc), _first_error(validator, doc)
    path = tmp_path / "rules.yaml"  # beside words.yaml, which the import example names
    path.write_text(yaml.safe_dump(doc) + "---\n" + yaml.safe_dump(BASE), "utf-8")
    assert [rule.id for rule in load_rules([path], None)] == ["probe"]


@pytest.mark.parametrize("word", CONDITION_WORDS, ids=lambda w: w.name)
def test_each_condition_kind_s_example_loads_and_validates(word, validator, tmp_path):
    doc = {**BASE, "match": word.example}
    assert schema_accepts(validator, doc), _first_error(validator, doc)
    assert loader_accepts(tmp_path, doc)


# Values for keys tried where they belong and where they do not; each is a value the key
# takes where it belongs, so that only the key's place decides.
VALUES: dict[str, Any] = {
    "in": ["title"], "within": 10, "days": 30, "key": "countries", "history": "shared",
    "stated": True, "at_least": 2, "feeds": 2, "type": "contact", "status": "call",
    "modality": "planned", "position": "headline", "people": 2, "roles": {"caller": "Macron"},
    "flags": "question", "not_flags": "opinion", "window": "3d", "by": "people",
    "period": "6h", "match": ["A truce"], "no_match": ["A rally"], "any": ["Macron"],
    "all": ["Macron"], "unknown_key": 1,
}
NESTED = {"event": "event", "gap": "gap", "count": "count"}  # a kind whose value is a mapping
RULE_MAPPINGS = ("throttle", "story", "examples")


def variants() -> list[tuple[str, dict[str, Any]]]:
    """Rules near the examples: a key added beside a condition's kind, a key added to or
    removed from a mapping (a condition's settings, throttle, story, examples)."""
    found: list[tuple[str, dict[str, Any]]] = []
    for word in CONDITION_WORDS:
        for extra in ("in", "within", "unknown_key"):
            if extra not in word.example:
                found.append((f"{word.name}+{extra}",
                              {**BASE, "match": {**word.example, extra: VALUES[extra]}}))
        if word.name in NESTED:
            inner = word.example[word.name]
            for name in VALUES:
                changed = copy.deepcopy(word.example)
                if name in inner:
                    del changed[word.name][name]
                    label = f"{word.name}-{name}"
                else:
                    changed[word.name][name] = VALUES[name]
                    label = f"{word.name}+{name}"
                found.append((label, {**BASE, "match": changed}))
    for word in RULE_WORDS:
        if word.name not in RULE_MAPPINGS:
            continue
        for name in VALUES:
            changed = copy.deepcopy(word.example)
            if name in changed:
                del changed[name]
                label = f"{word.name}-{name}"
            else:
                changed[name] = VALUES[name]
                label = f"{word.name}+{name}"
            found.append((label, {**BASE, word.name: changed}))
    return found


def test_the_schema_accepts_what_the_loader_accepts_and_refuses_what_it_refuses(validator,
                                                                               tmp_path):
    disagree = []
    for label, doc in variants():
        loader = loader_accepts(tmp_path, doc)
        if schema_accepts(validator, doc) != loader:
            disagree.append(f"{label}: the loader {'accepts' if loader else 'refuses'} it")
    assert not disagree, "the schema and the loader disagree on " + "; ".join(disagree)


@pytest.mark.parametrize("doc", [
    {"id": "a"},
    {"id": "Bad Id", "match": {"terms": ["x"]}},
    {"id": "a", "match": {"terms": ["x"], "regex": "y"}},
    {"id": "a", "match": {"gap": {"key": "people"}}},
    {"id": "a", "severity": "urgent", "match": {"terms": ["x"]}},
    {"id": "a", "match": {"event": {"type": "contact", "status": "agreed"}}},
    {"id": "a", "match": {"terms": ["x"], "in": ["body"]}},
    {"id": "a", "story": {"by": "place"}, "match": {"terms": ["x"]}},
    {"id": "a", "match": {"gap": {"days": 9, "history": "Not A Name"}}},
], ids=["no-match", "bad-id", "two-kinds", "gap-no-days", "severity", "status-of-another-type",
        "field", "story-by", "history-name"])
def test_what_the_loader_refuses_the_schema_refuses(doc, validator, tmp_path):
    assert not loader_accepts(tmp_path, doc)
    assert not schema_accepts(validator, doc)


def _rule_documents(text: str) -> list[Any]:
    return [doc for doc in yaml.safe_load_all(text) if doc is not None]


def test_every_shipped_rule_validates(validator):
    files = sorted(shipped_rules_dir().glob("*.yaml"))
    assert files
    for path in files:
        for doc in _rule_documents(path.read_text("utf-8")):
            errors = list(validator.iter_errors(doc))
            assert not errors, f"{path.name}: {errors[0].message} at {list(errors[0].path)}"


@pytest.mark.parametrize("doc", [ROOT / "README.md", ROOT / "rules" / "README.md"],
                         ids=lambda p: p.relative_to(ROOT).as_posix())
def test_every_rule_the_documentation_shows_validates(doc, validator):
    blocks = [b for b in re.findall(r"```yaml\n(.*?)```", doc.read_text("utf-8"), re.S)
              if b.lstrip().startswith(("id:", "lists:", "import:"))]
    assert blocks, f"{doc} shows no rule"
    for block in blocks:
        for rule in _rule_documents(block):
            errors = list(validator.iter_errors(rule))
            assert not errors, f"{doc.name}: {errors[0].message} in\n{block}"


def test_alerts_schema_prints_the_generated_schemas():
    for args, expected in ((["schema"], rule_schema()), (["schema", "rules"], rule_schema())):
        done = subprocess.run([sys.executable, "-m", "alerts", *args], capture_output=True,
                              text=True, timeout=60, cwd=ROOT)
        assert done.returncode == 0, done.stderr
        assert json.loads(done.stdout) == expected
