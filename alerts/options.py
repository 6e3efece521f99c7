"""Every setting of alerts.yaml, written once: its type, default, description and example.

The loader (`alerts.config`) validates a configuration with the JSON Schema built here
(`config_schema()`) and takes its defaults from here (`default()`); `alerts schema --config`
prints the same schema for editors; the README's option table is `options_table()`, and
`alerts/starter.yaml` and that table are checked against these definitions by
tests/test_options.py. Settings read by other modules (a route's conditions, a channel's
digest, quiet hours and rate limit) keep their schema there, beside their parser; they get
their words here, and `config_schema()` refuses to build when the two disagree.
"""

from __future__ import annotations

import copy
from dataclasses import dataclass
from typing import Any

from alerts.policy import POLICY_SCHEMA
from alerts.routing import ROUTE_SCHEMA

# Kinds of value, as JSON Schema.
DURATION: dict[str, Any] = {"type": ["number", "string"]}  # 90, 30s, 15m, 1h, 1d
SIZE: dict[str, Any] = {"type": ["integer", "string"]}  # 5000000, 10MiB
TEXT: dict[str, Any] = {"type": "string"}
NAME: dict[str, Any] = {"type": "string", "minLength": 1}
FLAG: dict[str, Any] = {"type": "boolean"}
TEXTS: dict[str, Any] = {"type": "array", "items": {"type": "string"}}
OBJECT: dict[str, Any] = {"type": "object", "additionalProperties": False}

_NO_DEFAULT = object()


@dataclass(frozen=True)
class Option:
    """One setting. `path` is dotted: `fetch.timeout`; `[]` is an item of a list
    (`feeds[].url`) and `*` any name of a mapping (`channels.*.format`).

    `default` is the value the loader uses when the setting is absent (seconds for a
    duration, bytes for a size) and `shown` that default as one writes it in YAML; an
    option without a default is optional and means "none" when absent, as its description
    says."""

    path: str
    schema: dict[str, Any]
    description: str
    example: Any
    default: Any = _NO_DEFAULT
    shown: str | None = None
    required: bool = False

    @property
    def has_default(self) -> bool:
        return self.default is not _NO_DEFAULT

    @property
    def written_default(self) -> str:
        """The default as the README shows it ('' when there is none)."""
        if not self.has_default:
            return ""
        if self.shown is not None:
            return self.shown
        if isinstance(self.default, bool):
            return "true" if self.default else "false"
        return str(self.default)


def _route(name: str) -> dict[str, Any]:
    return ROUTE_SCHEMA["items"]["properties"][name]


def _policy(*path: str) -> dict[str, Any]:
    node = POLICY_SCHEMA[path[0]]
    for part in path[1:]:
        node = node["properties"][part]
    return node


_SEVERITY_WORDS = "info, low, medium, high or critical"

OPTIONS: tuple[Option, ...] = (
    Option("state", NAME, "The SQLite database that remembers feeds, items, stories and the "
           "outbox; relative to alerts.yaml.", "state/alerts.db",
           default="state/alerts.db"),
    Option("rules", {"type": ["string", "array"], "items": NAME},
           "Rule files, or folders of `*.yaml` rule files (one path or a list).", ["rules/"],
           default="rules"),
    Option("knowledge", NAME, "Your own people, organisations, offices and event words (a "
           "folder of YAML files); without it, knowledge/ beside the rules is read if it "
           "exists.", "knowledge/"),

    Option("defaults", OBJECT, "Settings for every feed and rule that does not set its own.",
           {"interval": "15m", "channels": ["email"]}),
    Option("defaults.interval", DURATION, "How often a feed is polled unless it sets its "
           "own interval.", "15m", default=900.0, shown="15m"),
    Option("defaults.language", TEXT, "The language of feeds that do not say theirs "
           "(an ISO code).", "en"),
    Option("defaults.backfill", FLAG, "true: a new feed's existing items alert at its first "
           "poll; false: they are recorded as seen without alerting.", False, default=False),
    Option("defaults.channels", TEXTS, "Where a rule without notify: (and fitting no route) "
           "sends its alerts.", ["email"]),

    Option("fetch", OBJECT, "How feeds are fetched.", {"timeout": "30s"}),
    Option("fetch.timeout", DURATION, "The total deadline of one request, redirects "
           "included, however slowly a server sends.", "30s", default=30.0, shown="30s"),
    Option("fetch.max_bytes", SIZE, "The largest body taken, after decompression; a larger "
           "feed is a failed poll.", "10MiB", default=10 * 1024 * 1024, shown="10MiB"),
    Option("fetch.max_entries", {"type": "integer", "minimum": 1}, "Entries taken from one "
           "document: the newest are kept, and the log says how many older ones were left "
           "out.", 500, default=500),
    Option("fetch.contact", TEXT, "An address put into the User-Agent, so feed owners can "
           "reach you.", "mailto:desk@example.org"),
    Option("fetch.allow_networks", TEXTS, "Private address ranges feeds may come from (an "
           "intranet); loopback, private and link-local addresses are refused otherwise.",
           ["10.20.0.0/16"]),

    Option("stories", OBJECT, "Reports of one event by several outlets alert once.",
           {"window": "48h", "retention": "90d"}),
    Option("stories.window", DURATION, "Reports this close in publication time can be one "
           "story (a rule's story: window overrides it).", "48h", default=48 * 3600.0,
           shown="48h"),
    Option("stories.retention", DURATION, "How long stories, old items and rule history are "
           "kept (history a loaded rule still reads is kept longer).", "90d",
           default=90 * 86400.0, shown="90d"),

    Option("health", OBJECT, "When you are told that a feed is failing.",
           {"failures": 5, "silence": "24h"}),
    Option("health.failures", {"type": "integer", "minimum": 1}, "Failed polls in a row "
           "before one notice about the feed.", 5, default=5),
    Option("health.silence", DURATION, "Time without a successful poll before one notice "
           "about the feed.", "24h", default=24 * 3600.0, shown="24h"),

    Option("metrics", OBJECT, "The Prometheus exporter of `alerts run`.",
           {"listen": "127.0.0.1:9464"}),
    Option("metrics.listen", NAME, "host:port to serve /metrics on; without it no exporter "
           "runs.", "127.0.0.1:9464"),

    Option("notify", OBJECT, "How the outbox is sent.", {"interval": "30s"}),
    Option("notify.interval", DURATION, "How often the outbox is checked for alerts to send "
           "or retry.", "30s", default=30.0, shown="30s"),
    Option("notify.max_attempts", {"type": "integer", "minimum": 1}, "Failed sends of a "
           "message before it is given up as a dead letter (see `alerts outbox`).", 10,
           default=10),
    Option("notify.retry_base", DURATION, "The first wait after a failed send; it doubles, "
           "with jitter, at each failure.", "30s", default=30.0, shown="30s"),
    Option("notify.retry_max", DURATION, "The longest wait between two tries (a service's "
           "Retry-After takes precedence).", "1h", default=3600.0, shown="1h"),
    Option("notify.send_timeout", DURATION, "The total deadline of one send, however slowly "
           "the service answers; then it is a failed try.", "30s", default=30.0,
           shown="30s"),
    Option("notify.fallback", NAME, "The channel told about alerts given up, feeds failing "
           "and rules refused.", "ops"),
    Option("notify.timezone", NAME, "The time zone of digest times and quiet hours.",
           "Europe/Paris", default="UTC"),

    Option("routes", copy.deepcopy(ROUTE_SCHEMA),
           "Channels by severity, rule tags or rule ids, besides a rule's own notify:.",
           [{"severity": "critical", "channels": ["chat", "email"]}]),
    Option("routes[].channels", _route("channels"), "The channels an alert fitting this "
           "route goes to.", ["chat", "email"], required=True),
    Option("routes[].severity", _route("severity"), f"The severity ({_SEVERITY_WORDS}), or "
           "a list of them, the route is for.", ["low", "info"]),
    Option("routes[].min_severity", _route("min_severity"), "That severity or higher.",
           "medium"),
    Option("routes[].tags", _route("tags"), "Any of these rule tags.", ["sanctions"]),
    Option("routes[].rules", _route("rules"), "Any of these rule ids.", ["ceasefire-call"]),

    Option("channels", {"type": "object"}, "Channels by name: an Apprise URL, a list of "
           "URLs, or a mapping with the settings below.",
           {"desk": ["json://hooks.example.org/alerts"]}),
    Option("channels.*", {"anyOf": [
        {"type": "string", "minLength": 1},
        {"type": "array", "items": {"type": "string", "minLength": 1}, "minItems": 1},
        copy.deepcopy(OBJECT)]},
           "One channel: an Apprise URL, a list of them, or a mapping.",
           {"urls": ["mailtos://${SMTP_USER}:${SMTP_PASSWORD}@smtp.example.org"
                     "?to=desk@example.org"], "format": "html"}),
    Option("channels.*.urls", TEXTS, "Apprise URLs of the channel's services; secrets as "
           "${VARIABLE}.", ["json://hooks.example.org/alerts"]),
    Option("channels.*.config", TEXT, "An Apprise configuration file, relative to "
           "alerts.yaml.", "/etc/alerts/apprise.yml"),
    Option("channels.*.tags", TEXTS, "The Apprise tags to notify in that file.", ["ops"]),
    Option("channels.*.format", {"enum": ["text", "markdown", "html"]}, "How messages are "
           "written: text, markdown or html.", "markdown", default="text"),
    Option("channels.*.title", NAME, "A Jinja2 template of the message title (one line).",
           "{{ rule_id }}: {{ title }}"),
    Option("channels.*.template", NAME, "A Jinja2 template file of the message body, next "
           "to alerts.yaml.", "my-alert.md.j2"),
    Option("channels.*.digest_template", NAME, "A Jinja2 template file of digests, next to "
           "alerts.yaml.", "my-digest.md.j2"),
    Option("channels.*.timezone", _policy("timezone"), "The channel's own time zone for "
           "digest times and quiet hours (else notify.timezone).", "America/New_York"),
    Option("channels.*.digest", _policy("digest"), "Gather the channel's alerts into one "
           "message at set times or at an interval.", {"at": ["08:00", "18:00"]}),
    Option("channels.*.digest.every", _policy("digest", "every"), "A digest every so often.",
           "30m"),
    Option("channels.*.digest.at", _policy("digest", "at"), "A digest at these times of day.",
           ["08:00", "18:00"]),
    Option("channels.*.digest.urgent", _policy("digest", "urgent"), "This severity and above "
           "are sent at once, not gathered.", "high"),
    Option("channels.*.quiet_hours", _policy("quiet_hours"), "Hold alerts in this window of "
           "the day and send them as one digest when it ends.",
           {"from": "22:00", "to": "07:00"}),
    Option("channels.*.quiet_hours.from", _policy("quiet_hours", "from"), "When the quiet "
           "hours begin.", "22:00", required=True),
    Option("channels.*.quiet_hours.to", _policy("quiet_hours", "to"), "When they end.",
           "07:00", required=True),
    Option("channels.*.quiet_hours.urgent", _policy("quiet_hours", "urgent"), "This severity "
           "and above are sent even in quiet hours.", "high"),
    Option("channels.*.rate_limit", _policy("rate_limit"), "At most so many messages per "
           "period; the excess waits in the outbox or is gathered into one digest.",
           {"count": 20, "per": "1m"}),
    Option("channels.*.rate_limit.count", _policy("rate_limit", "count"), "Messages allowed "
           "per period.", 20, required=True),
    Option("channels.*.rate_limit.per", _policy("rate_limit", "per"), "The period.", "1m",
           default=60.0, shown="1m"),
    Option("channels.*.rate_limit.excess", _policy("rate_limit", "excess"), "wait: the "
           "excess waits its turn; digest: it is gathered into one message.", "digest",
           default="wait"),

    Option("feeds", {"type": "array", "items": copy.deepcopy(OBJECT)}, "The feeds to poll.",
           [{"url": "https://example.org/world/rss.xml", "name": "Example World"}]),
    Option("feeds[].url", NAME, "The feed's address (http or https); a password or token in "
           "it as ${VARIABLE}.", "https://example.org/world/rss.xml", required=True),
    Option("feeds[].name", TEXT, "The name shown and logged (else the URL).", "Example World"),
    Option("feeds[].interval", DURATION, "How often it is polled (else defaults.interval).",
           "10m"),
    Option("feeds[].language", TEXT, "Its language (else defaults.language).", "fr"),
    Option("feeds[].tags", TEXTS, "Tags rules can match (in: [tags]).", ["europe"]),
    Option("feeds[].backfill", FLAG, "Alert on the items already in the feed at its first "
           "poll (else defaults.backfill).", True),
    Option("feeds[].publisher", TEXT, "The outlet it belongs to; several feeds of one outlet "
           "count as one source of a story (else the feed's own title).", "Example News"),
    Option("feeds[].headers", {"type": "object", "additionalProperties": {"type": "string"}},
           "HTTP headers sent with its requests, to its own host only; secrets as "
           "${VARIABLE}.", {"Authorization": "Bearer ${WIRE_TOKEN}"}),
)

BY_PATH: dict[str, Option] = {o.path: o for o in OPTIONS}


def default(path: str) -> Any:
    """The value the loader uses when `path` is not set."""
    option = BY_PATH[path]
    if not option.has_default:
        raise KeyError(f"{path} has no default")
    return option.default


def children(path: str) -> list[Option]:
    """The options directly below `path` ('' for the top level)."""
    found = []
    for option in OPTIONS:
        parent, _, _name = _split(option.path)
        if parent == path:
            found.append(option)
    return found


def _split(path: str) -> tuple[str, str, str]:
    """('channels.*', '.', 'format') for 'channels.*.format'; ('feeds[]', '.', 'url')."""
    return path.rpartition(".")


def _annotated(option: Option) -> dict[str, Any]:
    node = copy.deepcopy(option.schema)
    node["description"] = option.description
    node["examples"] = [option.example]
    if option.has_default:
        node["default"] = option.shown if option.shown is not None else option.default
    return node


def _object_of(node: dict[str, Any]) -> dict[str, Any]:
    """Where the properties of a node go: the node, its list items, or its mapping form."""
    if node.get("type") == "array" and isinstance(node.get("items"), dict):
        return node["items"]
    for form in node.get("anyOf", ()):
        if form.get("type") == "object":
            return form
    return node


def _build(path: str, node: dict[str, Any]) -> dict[str, Any]:
    """`node` (the schema of the option at `path`) with the options below it filled in."""
    values = BY_PATH.get(f"{path}.*") if path else None
    if values is not None:  # a mapping of names (channels): each value is that option
        node["additionalProperties"] = _build(values.path, _annotated(values))
        return node
    own = children(path) + children(f"{path}[]")
    if not own:
        return node
    target = _object_of(node)
    declared = target.get("properties")
    props: dict[str, Any] = {}
    required: list[str] = []
    for option in own:
        name = _split(option.path)[2]
        props[name] = _build(option.path, _annotated(option))
        if option.required:
            required.append(name)
    if declared is not None and set(declared) != set(props):
        raise ValueError(f"the options under {path or 'the top level'} ({sorted(props)}) "
                         f"differ from the schema their parser declares ({sorted(declared)})")
    target["properties"] = props
    target["type"] = "object"
    target["additionalProperties"] = False
    if required:
        target["required"] = required
    return node


def config_schema() -> dict[str, Any]:
    """The JSON Schema (draft 2020-12) of alerts.yaml, every option with its description,
    an example and its default."""
    schema = _build("", {"type": "object"})
    form = _object_of(schema["properties"]["channels"]["additionalProperties"])
    missing = set(POLICY_SCHEMA) - set(form["properties"])
    if missing:
        raise ValueError(f"channel settings {sorted(missing)} of alerts.policy have no option")
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "title": "alerts.yaml",
        "description": "The configuration of alerts, the diplomatic-developments alert daemon "
                       "(`alerts init` writes a commented one).",
        **schema,
    }


TABLE_COLUMNS = {"option": "option", "default": "default", "description": "what it sets"}


def table_rows() -> list[dict[str, str]]:
    """One row per setting (sections and lists left out: their options say it all), cells
    in Markdown, keyed as TABLE_COLUMNS: for the README's table and `alerts help`."""
    rows = []
    for option in OPTIONS:
        if option.path in ("channels", "channels.*", "routes", "feeds") \
                or option.schema is OBJECT:
            continue
        written = option.written_default
        rows.append({"option": f"`{option.path}`", "default": f"`{written}`" if written else "",
                     "description": option.description})
    return rows


def options_table() -> str:
    """The README's table of every option, from these definitions."""
    lines = ["| " + " | ".join(TABLE_COLUMNS.values()) + " |", "|---|---|---|"]
    for row in table_rows():
        lines.append("| " + " | ".join(row[k].replace("|", "\\|") for k in TABLE_COLUMNS)
                     + " |")
    return "\n".join(lines) + "\n"
