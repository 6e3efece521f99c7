"""What a rule file may say, written once: every rule key and condition kind with the JSON
Schema of its value, what it means and an example.

The loader takes its keys from here (`RULE_KEYS`, `LIBRARY_KEYS`, the id and name patterns);
alerts.rules.reading keeps one reader per condition kind (`CONDITION_KINDS`), and
alerts.rules.schema builds the JSON Schema of rule files (`alerts schema rules`) from these
definitions and refuses to build when a kind has a reader but no definition, or the reverse.
`alerts help rule`, `alerts help conditions` and the README's tables of rule keys and
conditions are made of the same words (alerts.helptopics). tests/test_rule_schema.py checks
that every example loads and validates, and that the loader and the schema agree.

Schemas here name the enumerations the code decides (severities, fields, event types...) as
`{"$ref": "#/$defs/NAME"}`; alerts.rules.schema fills `$defs` from the code.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

# A rule's id, a term list's name, a shared history's name.
ID_PATTERN = r"^[a-z0-9][a-z0-9._-]{0,79}$"
LIST_NAME_PATTERN = r"^[a-z0-9][a-z0-9_.-]*$"
HISTORY_NAME_PATTERN = r"^[a-z0-9_.-]+$"

# Who did what in an event frame (`event: {roles: {caller: Macron}}`).
ROLES = ("caller", "called", "host", "visitor", "parties", "demander", "actor", "target")

_NONE = object()


@dataclass(frozen=True)
class Word:
    """A rule key, or a condition kind. `usage` is how it is written and `description` what
    it says, both Markdown as the README's tables show them; `schema` is the JSON Schema of a
    rule key's value, or of a condition's mapping (its kind and the keys beside it);
    `example` is a value the loader accepts: a rule key's value, or a whole condition."""

    name: str
    schema: dict[str, Any]
    description: str
    example: Any
    usage: str = ""
    default: Any = _NONE
    required: bool = False

    @property
    def has_default(self) -> bool:
        return self.default is not _NONE

    @property
    def written(self) -> str:
        """How the reference writes it: its usage, else `name`."""
        return self.usage or f"`{self.name}`"


# Kinds of value, as JSON Schema.
DURATION: dict[str, Any] = {"type": ["string", "number"],
                            "description": "A duration: 90 (seconds), 30s, 15m, 6h, 2d."}
NAMES: dict[str, Any] = {"oneOf": [
    {"type": "string", "pattern": r"\S"},
    {"type": "array", "items": {"type": "string", "pattern": r"\S"}}]}
TERMS: dict[str, Any] = {
    "oneOf": [{"type": ["string", "number"], "minLength": 1},
              {"type": "array", "minItems": 1, "items": {"type": ["string", "number"]}}],
    "description": "Words or phrases, matched on word boundaries ignoring case and accents; "
                   "'word*' allows any ending; '@name' includes a term list."}
FIELDS_IN: dict[str, Any] = {
    "oneOf": [{"$ref": "#/$defs/field"},
              {"type": "array", "minItems": 1, "items": {"$ref": "#/$defs/field"}}],
    "description": "Where to look (default: title and summary)."}
ENTITY_KEY: dict[str, Any] = {
    "$ref": "#/$defs/entity-key",
    "description": "What the history is kept per: each pair of people (default for gap) or "
                   "countries mentioned, the set of entities, the rule (default for count), "
                   "or the feed."}
HISTORY: dict[str, Any] = {
    "type": "string", "pattern": HISTORY_NAME_PATTERN,
    "description": "A name shared by rules that keep one history between them."}
AT_LEAST: dict[str, Any] = {"type": "integer", "minimum": 1}


def _one_or_list(ref: str, description: str) -> dict[str, Any]:
    return {"description": description, "oneOf": [
        {"$ref": f"#/$defs/{ref}"},
        {"type": "array", "minItems": 1, "items": {"$ref": f"#/$defs/{ref}"}}]}


# The keys of a rule document, in the order the reference lists them.
RULE_WORDS: tuple[Word, ...] = (
    Word("id", {"type": "string", "pattern": ID_PATTERN},
         "the rule's name: lowercase letters, digits, `-`, `_` and `.`, at most 80 characters, "
         "unique among the loaded rules; alerts, history, `alerts explain` and `alerts mute` "
         "use it", "ceasefire-call", required=True),
    Word("title", {"type": "string"},
         "what happened, in a few words; starts every alert (`[severity] Title: headline`)",
         "Ceasefire called for"),
    Word("description", {"type": "string"},
         "what the rule is for, for the people who read and maintain it",
         "Leaders or international bodies call for a ceasefire."),
    Word("severity", {"$ref": "#/$defs/severity"},
         "`info`, `low`, `medium` (default), `high` or `critical`: the message type chat "
         "services show, and what routes, digests and quiet hours go by", "high",
         default="medium"),
    Word("enabled", {"type": "boolean"},
         "`true` (default) or `false`: a disabled rule is checked but matches nothing, and can "
         "be deleted without SIGHUP", False, default=True),
    Word("tags", NAMES, "words that routes (`routes: [{tags: [...]}]`) send by",
         ["ceasefire", "europe"]),
    Word("notify", NAMES,
         "channel names, one or a list (default: `defaults.channels`); routes may add others",
         ["email", "chat"]),
    Word("throttle", {"oneOf": [
        DURATION,
        {"type": "object", "additionalProperties": False, "required": ["period"],
         "properties": {"period": DURATION, "key": ENTITY_KEY}}]},
         "at most one alert per key per period: `6h`, or `{period: 6h, key: rule}` with key "
         "`people`, `countries`, `entities`, `rule` or `feed`", {"period": "6h", "key": "people"}),
    Word("match", {"$ref": "#/$defs/condition"},
         "the conditions (`alerts help conditions`): `all`, `any` and `not` nested freely "
         "around them; required", {"terms": ["ceasefire", "truce"]}, required=True),
    Word("examples", {
        "type": "object", "additionalProperties": False,
        "properties": {"match": {"type": "array", "items": {"type": "string"},
                                 "description": "Headlines that must fire the rule."},
                       "no_match": {"type": "array", "items": {"type": "string"},
                                    "description": "Headlines that must not fire it."}}},
         "`{match: [...], no_match: [...]}`: headlines that must and must not fire the rule; "
         "`alerts check` tries them",
         {"match": ["Pope urges Christmas truce"], "no_match": ["Markets rally on jobs data"]}),
    Word("story", {
        "type": "object", "additionalProperties": False,
        "properties": {
            "window": {**DURATION, "default": "48h",
                       "description": "How far apart, by publication time, two reports of one "
                                      "event may be (e.g. 48h, 3d). An item published outside "
                                      "a story's window never joins it."},
            "by": {"$ref": "#/$defs/story-by", "default": "event",
                   "description": "What makes two reports one story besides the same page or "
                                  "text: 'event' (default) when their event frames agree on "
                                  "type, kind of report and participants (a preview never "
                                  "absorbs the event); 'people' when the same rule fired on "
                                  "the same people or countries; 'text' only close wording."}}},
         "`{window: 48h, by: event}`: how reports are grouped into one story that alerts once; "
         "`by: event` (default), `people` or `text`", {"window": "48h", "by": "event"}),
    Word("updates", {"type": "boolean"},
         "unset (default): each development of the event alerts as a follow-up; `true`: every "
         "new report of the story does; `false`: one alert per story, nothing after it", True),
    Word("corroborate", {"type": "integer", "minimum": 1},
         "a number (default 1): alert only once that many distinct sources report the story", 2,
         default=1),
)

# The keys of a library document (no `id`): term lists, and the files whose lists it uses.
LIBRARY_WORDS: tuple[Word, ...] = (
    Word("lists", {"type": "object", "propertyNames": {"pattern": LIST_NAME_PATTERN},
                   "additionalProperties": TERMS},
         "named term lists, used in `terms` as `@name`",
         {"truce-words": ["ceasefire", "truce", "armistice"]}),
    Word("import", {"oneOf": [{"type": "string"},
                              {"type": "array", "items": {"type": "string"}}]},
         "rule files whose term lists this file may use, relative to it", ["words.yaml"]),
)

RULE_KEYS = tuple(word.name for word in RULE_WORDS)
LIBRARY_KEYS = tuple(word.name for word in LIBRARY_WORDS)


def _list_of_conditions() -> dict[str, Any]:
    return {"type": "array", "minItems": 1, "items": {"$ref": "#/$defs/condition"}}


def _count_of() -> dict[str, Any]:
    return {"oneOf": [AT_LEAST, {"type": "object", "additionalProperties": False,
                                 "required": ["at_least"], "properties": {"at_least": AT_LEAST}}]}


# The condition kinds, in the order the reference lists them. A condition is a mapping with
# exactly one of these keys (and the keys its kind allows beside it).
CONDITION_WORDS: tuple[Word, ...] = (
    Word("event", {"event": {
        "type": "object", "required": ["type"], "additionalProperties": False,
        "properties": {
            "type": {"$ref": "#/$defs/event-type", "description": "The event type."},
            "status": _one_or_list("status", "What became of the event (its act); each type's "
                                             "statuses are listed in rules/README.md."),
            "modality": _one_or_list("modality", "Whether it happened (default: happened)."),
            "position": _one_or_list("position", "Where the sentence is: headline, lead (first "
                                                 "sentence of the summary) or body."),
            "people": {"const": 2, "description": "A pair of known people of different "
                                                  "states (contact)."},
            "roles": {"type": "object", "propertyNames": {"$ref": "#/$defs/role"},
                      "additionalProperties": {"oneOf": [
                          {"type": "string"}, {"type": "array", "items": {"type": "string"}}]},
                      "description": "Role to people or countries, e.g. {caller: Macron}."},
            "flags": _one_or_list("flag", "Flags the frame must carry."),
            "not_flags": _one_or_list("flag", "Flags that rule the frame out."),
        }}},
         "the item's analysis found an event of that type (`contact`, `ceasefire`, "
         "`peace-talks`, `relations`) whose act (status), modality (`happened`, `planned`, "
         "`hypothetical`, `denied`, `refused`, `demanded`), place in the text (`headline`, "
         "`lead` = first sentence of the summary, `body`) and flags (`question`, `opinion`, "
         "`reported`, `preview`, `anniversary`, `backdrop`, `metaphor`) are as given; "
         "`people: 2` asks for a pair of known people of different states (contact), `roles: "
         "{caller: Macron}` for who did what. See [rules/README.md](rules/README.md)",
         {"event": {"type": "ceasefire", "status": ["agreed", "took-effect"],
                    "modality": "happened", "position": ["headline", "lead"],
                    "not_flags": ["metaphor", "backdrop"]}},
         usage="`event: {type: ceasefire, status: [agreed, took-effect], modality: happened, "
               "position: [headline, lead], not_flags: [metaphor, backdrop]}`"),
    Word("terms", {"terms": TERMS, "in": FIELDS_IN},
         "a word or phrase occurs, on word boundaries, ignoring case and accents (`Elysee` "
         "finds `Élysée`), in any script; `word*` allows any ending; `@name` includes a term "
         "list", {"terms": ["ceasefire", "truce*"], "in": ["title", "summary"]},
         usage="`terms: [...]`"),
    Word("regex", {"regex": {"type": "string", "minLength": 1},
                   "in": FIELDS_IN},
         "an RE2 pattern (linear time: no backreferences or lookarounds) matches, "
         "case-insensitive, on the original text", {"regex": "cease-?fire", "in": ["title"]},
         usage='`regex: "..."`'),
    Word("near", {"near": {"type": "array", "minItems": 2, "maxItems": 2, "items": TERMS},
                  "within": {"oneOf": [{"type": "integer", "minimum": 1},
                                       {"const": "sentence"}], "default": 10,
                             "description": "At most this many words apart, or 'sentence'."},
                  "in": FIELDS_IN},
         "a term of each list occurs within N words, or in one sentence",
         {"near": [["Macron"], ["Putin"]], "within": "sentence"},
         usage="`near: [[...], [...]]` with `within: N` or `within: sentence`"),
    Word("entities", {"entities": {
        "oneOf": [{"type": "string"},
                  {"type": "array", "minItems": 1, "items": {"type": "string"}},
                  {"type": "object", "additionalProperties": False, "minProperties": 1,
                   "maxProperties": 1,
                   "properties": {"any": {"type": "array", "minItems": 1,
                                          "items": {"type": "string"}},
                                  "all": {"type": "array", "minItems": 1,
                                          "items": {"type": "string"}}}}]}},
         "the knowledge base finds these people, countries or organisations, by any alias, "
         "native script or office held on the item's date (\"the French president\", \"the "
         "Kremlin\")", {"entities": ["Macron", "Putin"]},
         usage="`entities: [Macron, Putin]` or `entities: {any: [...]}`"),
    Word("contact", {"contact": {"const": True}},
         "two known people of different countries are in direct contact (a call, talks, a "
         "meeting, a visit), asserted: not planned, refused or denied", {"contact": True},
         usage="`contact: true`"),
    Word("people", {"people": _count_of()},
         "at least that many distinct known people are mentioned", {"people": 2},
         usage="`people: 2`"),
    Word("countries", {"countries": _count_of()},
         "at least that many distinct known countries are mentioned", {"countries": 2},
         usage="`countries: 2`"),
    Word("events", {"events": {
        "oneOf": [{"type": "string"}, {"type": "array", "minItems": 1,
                                       "items": {"type": "string"}}]}},
         "a phrase of that event type occurs (contact, ceasefire-call, ceasefire-agreed, "
         "diplomatic-relations, peace-talks)", {"events": ["contact"]},
         usage="`events: [contact]`"),
    Word("gap", {"gap": {
        "type": "object", "additionalProperties": False, "required": ["days"],
        "properties": {
            "days": {**AT_LEAST, "description": "How many days without a matching item."},
            "key": ENTITY_KEY, "history": HISTORY,
            "stated": {"type": "boolean", "default": False,
                       "description": "Also believe a gap the report states ('first call "
                                      "since September 2022'); the report wins over stored "
                                      "history."}}}},
         "the last matching item for the key (each pair of people mentioned, the pair of "
         "countries, the set of entities, the rule or the feed) is more than N days old; "
         "`history: NAME` shares one history between rules",
         {"gap": {"days": 180, "key": "people"}}, usage="`gap: {days: 180, key: people}`"),
    Word("count", {"count": {
        "type": "object", "additionalProperties": False, "required": ["at_least", "within"],
        "properties": {
            "at_least": {**AT_LEAST, "description": "How many matching items."},
            "feeds": {**AT_LEAST, "default": 1, "description": "From how many distinct "
                                                               "feeds."},
            "within": DURATION, "key": ENTITY_KEY, "history": HISTORY}}},
         "at least N matching items from M distinct feeds arrived within the window",
         {"count": {"at_least": 3, "feeds": 2, "within": "6h"}},
         usage="`count: {at_least: 3, feeds: 2, within: 6h}`"),
    Word("all", {"all": _list_of_conditions()},
         "every condition of the list holds", {"all": [{"terms": ["ceasefire"]},
                                                      {"entities": {"any": ["Russia",
                                                                            "Ukraine"]}}]},
         usage="`all: [...]`"),
    Word("any", {"any": _list_of_conditions()},
         "at least one condition of the list holds",
         {"any": [{"terms": ["truce"]}, {"event": {"type": "ceasefire"}}]},
         usage="`any: [...]`"),
    Word("not", {"not": {"$ref": "#/$defs/condition"}},
         "the condition does not hold; `gap` and `count` cannot be negated (they record "
         "history whenever they are evaluated)", {"not": {"terms": ["anniversary"]}},
         usage="`not: {...}`"),
)

CONDITION_NAMES = tuple(word.name for word in CONDITION_WORDS)
