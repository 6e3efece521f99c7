"""The JSON Schema of rule files (`alerts schema rules`), built from alerts.rules.grammar
(every rule key and condition kind with its description and an example) and from the tables
the loader checks against: severities, fields, history keys, story groupings, and the event
types, statuses, modalities, positions and flags of the analysis.

It refuses to build when a condition kind has a reader (alerts.rules.reading.CONDITION_KINDS)
but no definition in the grammar, or the reverse: the schema never lags behind the loader.
"""

from __future__ import annotations

import copy
from typing import Any

from alerts.rules.grammar import CONDITION_WORDS, LIBRARY_WORDS, ROLES, RULE_WORDS, Word


class GrammarError(ValueError):
    """The grammar and the loader disagree (a programming error, found by the tests)."""


def _sentence(markdown: str) -> str:
    """A reference cell as a schema description: a capital first letter and a full stop."""
    text = markdown[:1].upper() + markdown[1:]
    return text if text.endswith(".") else text + "."


def _annotated(word: Word) -> dict[str, Any]:
    node = copy.deepcopy(word.schema)
    node["description"] = _sentence(word.description)
    node["examples"] = [word.example]
    if word.has_default:
        node["default"] = word.default
    return node


def _condition(word: Word) -> dict[str, Any]:
    """One kind of condition: its key, required, and the keys its kind allows beside it."""
    properties = copy.deepcopy(word.schema)
    own = properties[word.name]
    own["description"] = _sentence("Holds when " + word.description)
    return {"title": word.name, "required": [word.name], "additionalProperties": False,
            "properties": properties, "examples": [word.example]}


def _enumerations() -> dict[str, dict[str, Any]]:
    """The `$defs` the grammar's schemas refer to, from the tables the loader checks with."""
    from alerts.analysis import FLAGS, MODALITIES, POSITIONS
    from alerts.analysis.lexicon import lexicon
    from alerts.rules.context import FIELDS
    from alerts.rules.model import SEVERITIES
    from alerts.rules.reading import ENTITY_KEYS
    from alerts.stories import BY

    lex = lexicon()
    statuses = sorted({status for acts in lex.statuses.values() for status in acts})
    return {
        "severity": {"enum": list(SEVERITIES)},
        "field": {"enum": list(FIELDS)},
        "entity-key": {"enum": list(ENTITY_KEYS)},
        "story-by": {"enum": list(BY)},
        "event-type": {"enum": list(lex.types)},
        "status": {"enum": statuses},
        "modality": {"enum": list(MODALITIES)},
        "position": {"enum": list(POSITIONS)},
        "flag": {"enum": list(FLAGS)},
        "role": {"enum": list(ROLES)},
    }


def _statuses_by_type() -> list[dict[str, Any]]:
    """An event's statuses are those of its type (`status: agreed` is a ceasefire's)."""
    from alerts.analysis.lexicon import lexicon

    rules = []
    for event_type, acts in lexicon().statuses.items():
        one = {"enum": list(acts)}
        rules.append({"if": {"properties": {"type": {"const": event_type}},
                             "required": ["type"]},
                      "then": {"properties": {"status": {"oneOf": [
                          one, {"type": "array", "minItems": 1, "items": one}]}}}})
    return rules


def _check_kinds() -> None:
    from alerts.rules.reading import CONDITION_KINDS

    defined = [word.name for word in CONDITION_WORDS]
    unread = sorted(set(defined) - set(CONDITION_KINDS))
    undefined = sorted(set(CONDITION_KINDS) - set(defined))
    if unread or undefined:
        raise GrammarError(
            "alerts.rules.grammar and the readers of alerts.rules.reading disagree: "
            + "; ".join(part for part in (
                f"no reader for {', '.join(unread)}" if unread else "",
                f"no definition (schema, description, example) for {', '.join(undefined)}"
                if undefined else "") if part)
            + "; give every condition kind both")


def rule_schema() -> dict[str, Any]:
    """The JSON Schema (draft 2020-12) of one YAML document of a rule file: a rule, or a
    library of term lists. Every key and condition kind has its description and an example."""
    _check_kinds()
    kinds = []
    for word in CONDITION_WORDS:
        branch = _condition(word)
        if word.name == "event":
            branch["properties"]["event"]["allOf"] = _statuses_by_type()
        kinds.append(branch)
    rule = {"type": "object", "additionalProperties": False,
            "required": [w.name for w in RULE_WORDS if w.required],
            "properties": {w.name: _annotated(w) for w in RULE_WORDS}}
    library = {"type": "object", "additionalProperties": False, "minProperties": 1,
               "properties": {w.name: _annotated(w) for w in LIBRARY_WORDS}}
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "title": "alerts rule file document",
        "description": "One YAML document of a rule file: a rule (with 'id' and 'match'), or a "
                       "library of term lists (with 'lists' and/or 'import'). See "
                       "`alerts help rule` and `alerts help conditions`.",
        "oneOf": [{"$ref": "#/$defs/rule"}, {"$ref": "#/$defs/library"}],
        "$defs": {
            "rule": rule,
            "library": library,
            "condition": {"type": "object", "description": "Exactly one condition kind.",
                          "oneOf": kinds},
            **_enumerations(),
        },
    }
