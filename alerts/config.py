"""The settings file (alerts.yaml) -> a Settings dataclass, with every problem reported at once."""

from __future__ import annotations

import hashlib
import ipaddress
import json
import os
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any
from urllib.parse import quote, urlsplit

from alerts import __version__, buildcache
from alerts.errors import ConfigError, Problem
from alerts.models import Feed
from alerts.options import children, config_schema, default
from alerts.policy import ChannelPolicy, check_timezone, parse_policy
from alerts.redact import MASK, SECRET_HEADER, is_secret_param, redact_text
from alerts.routing import ChannelStyle, Route, parse_routes
from alerts.yamlsource import LinedDict, LinedList, line_at, load_documents, plain

if TYPE_CHECKING:
    import jsonschema

CONFIG_ENV = "ALERTS_CONFIG"
DEFAULT_CONFIG_NAME = "alerts.yaml"

_DURATION = re.compile(r"^\s*(\d+(?:\.\d+)?)\s*(ms|s|m|h|d)?\s*$")
# host:port with a port from 1 to 65535; an IPv6 host in brackets.
_LISTEN = re.compile(r"^(\[[0-9a-fA-F:.]+\]|[A-Za-z0-9.-]*):([1-9][0-9]{0,4})$")
_DURATION_UNITS = {"ms": 0.001, "s": 1, "m": 60, "h": 3600, "d": 86400, None: 1}
_SIZE = re.compile(r"^\s*(\d+(?:\.\d+)?)\s*(B|KB|KiB|MB|MiB|GB|GiB)?\s*$", re.IGNORECASE)
_SIZE_UNITS = {"b": 1, "kb": 1000, "kib": 1024, "mb": 1000**2, "mib": 1024**2,
               "gb": 1000**3, "gib": 1024**3, None: 1}
_ENV_REF = re.compile(r"\$\{([A-Za-z_][A-Za-z0-9_]*)\}")
# scheme://user:password@host — a password written into the file itself.
_INLINE_PASSWORD = re.compile(r"^[A-Za-z0-9+.-]+://[^/@?#\s]*:([^/@?#\s]+)@")
# A secret header's value: ${VARIABLE}, after a scheme word such as Bearer if need be.
_HEADER_FROM_ENV = re.compile(
    r"^\s*(?:[A-Za-z][A-Za-z0-9-]*\s+)?(?:\$\{[A-Za-z_][A-Za-z0-9_]*\}\s*)+$")
_HEADER_NAME = re.compile(r"^[!#$%&'*+.^_`|~0-9A-Za-z-]+$")
# Headers alerts sets itself, or that would break the request: not for a feed to change.
_RESERVED_HEADERS = frozenset({"host", "content-length", "transfer-encoding", "connection",
                               "te", "upgrade", "accept-encoding", "if-none-match",
                               "if-modified-since"})

# Every setting, its type, default and description are defined once, in alerts.options.
_SCHEMA: dict[str, Any] = config_schema()
# The settings of a channel in mapping form, for the message when none of its forms fits.
_CHANNEL_KEYS = [o.path.rpartition(".")[2] for o in children("channels.*")]


@dataclass(frozen=True)
class Channel:
    name: str
    urls: tuple[str, ...] = ()
    config_file: str | None = None
    tags: tuple[str, ...] = ()
    style: ChannelStyle = field(default_factory=ChannelStyle)  # format and templates
    policy: ChannelPolicy = field(default_factory=ChannelPolicy)  # digest, quiet, rate limit


@dataclass(frozen=True)
class FetchSettings:
    timeout: float = default("fetch.timeout")  # total deadline for one request
    max_bytes: int = default("fetch.max_bytes")  # decoded body size cap
    max_entries: int = default("fetch.max_entries")
    contact: str | None = None
    # CIDR ranges of private addresses feeds may come from (intranet feeds); public always ok.
    allow_networks: tuple[str, ...] = ()


@dataclass(frozen=True)
class NotifySettings:
    interval: float = default("notify.interval")
    max_attempts: int = default("notify.max_attempts")
    retry_base: float = default("notify.retry_base")
    retry_max: float = default("notify.retry_max")
    send_timeout: float = default("notify.send_timeout")  # total deadline of one send
    fallback: str | None = None  # channel told about alerts given up (dead letters)
    timezone: str = default("notify.timezone")  # for digest times and quiet hours


@dataclass(frozen=True)
class StorySettings:
    window: float = default("stories.window")  # reports this close in time can be one event
    retention: float = default("stories.retention")  # stories, keys, rule history kept


@dataclass(frozen=True)
class HealthSettings:
    failures: int = default("health.failures")  # failed polls in a row before a notice
    silence: float = default("health.silence")  # ...or this long without a successful poll


@dataclass(frozen=True)
class MetricsSettings:
    listen: str | None = None  # host:port of the Prometheus exporter; None serves nothing


@dataclass(frozen=True)
class Settings:
    path: Path | None
    state_path: Path
    rule_paths: tuple[Path, ...]
    feeds: tuple[Feed, ...]
    channels: dict[str, Channel] = field(default_factory=dict)
    default_channels: tuple[str, ...] = ()
    fetch: FetchSettings = FetchSettings()
    notify: NotifySettings = NotifySettings()
    routes: tuple[Route, ...] = ()  # channels by severity and rule tags
    stories: StorySettings = StorySettings()
    health: HealthSettings = HealthSettings()
    metrics: MetricsSettings = MetricsSettings()
    knowledge_path: Path | None = None  # the user's knowledge folder (people, offices...)


def _valid_listen(value: str) -> bool:
    match = _LISTEN.match(value)
    return match is not None and int(match.group(2)) <= 65535


def parse_duration(value: Any) -> float | None:
    if isinstance(value, bool):
        return None
    if isinstance(value, (int, float)):
        return float(value) if value > 0 else None
    m = _DURATION.match(str(value))
    if not m:
        return None
    seconds = float(m.group(1)) * _DURATION_UNITS[m.group(2)]
    return seconds if seconds > 0 else None


def parse_size(value: Any) -> int | None:
    if isinstance(value, bool):
        return None
    if isinstance(value, int):
        return value if value > 0 else None
    m = _SIZE.match(str(value))
    if not m:
        return None
    size = int(float(m.group(1)) * _SIZE_UNITS[(m.group(2) or "").lower() or None])
    return size if size > 0 else None


def find_config(explicit: str | None) -> Path:
    """--config, then $ALERTS_CONFIG, then ./alerts.yaml."""
    if explicit:
        return Path(explicit)
    from_env = os.environ.get(CONFIG_ENV)
    if from_env:
        return Path(from_env)
    local = Path(DEFAULT_CONFIG_NAME)
    if local.exists():
        return local
    raise ConfigError(
        [
            Problem(
                DEFAULT_CONFIG_NAME,
                None,
                "no configuration file found; run `alerts init` to write one here, "
                f"or pass --config PATH, or set {CONFIG_ENV}",
            )
        ]
    )


def _innermost(err: jsonschema.ValidationError) -> jsonschema.ValidationError:
    """For a channel in mapping form, the wrong setting inside rather than "no form fits"."""
    if err.validator == "anyOf" and "channels" in err.absolute_path and isinstance(
            err.instance, dict):
        inner = [e for e in err.context or () if e.validator != "type"]
        if inner:
            return min(inner, key=lambda e: len(e.absolute_path))
    return err


def _schema_message(err: jsonschema.ValidationError) -> str:
    where = ".".join(str(p) for p in err.absolute_path) or "the top level"
    if err.validator == "additionalProperties":
        extra = sorted(set(err.instance) - set(err.schema.get("properties", {})), key=str)
        allowed = ", ".join(sorted(err.schema.get("properties", {})))
        return f"at '{where}': unknown setting {', '.join(map(repr, extra))}; allowed: {allowed}"
    if err.validator == "required":
        return f"at '{where}': {err.message}; add it"
    if err.validator == "type":
        wanted = err.validator_value
        wanted = " or ".join(wanted) if isinstance(wanted, list) else wanted
        got = f"{type(err.instance).__name__} {err.instance!r}"
        return f"at '{where}': expected {wanted}, got {got}"
    if err.validator == "anyOf" and "channels" in err.absolute_path:
        keys = [repr(k) for k in _CHANNEL_KEYS]
        return (f"at '{where}': a channel is an Apprise URL, a list of URLs, "
                f"or a mapping with {', '.join(keys[:-1])} and {keys[-1]}")
    return f"at '{where}': {err.message}"


def _expand_env(value: Any, path: tuple[Any, ...], root: Any, file: str,
                problems: list[Problem]) -> Any:
    """Replace ${VAR} in every string; a missing variable is a problem with its line."""
    if isinstance(value, dict):
        out = LinedDict({k: _expand_env(v, (*path, k), root, file, problems)
                         for k, v in value.items()})
        out.line, out.key_lines = getattr(value, "line", 0), getattr(value, "key_lines", {})
        return out
    if isinstance(value, list):
        out_list = LinedList(_expand_env(v, (*path, i), root, file, problems)
                             for i, v in enumerate(value))
        out_list.line = getattr(value, "line", 0)
        out_list.item_lines = getattr(value, "item_lines", [])
        return out_list
    if isinstance(value, str):
        def sub(m: re.Match[str]) -> str:
            name = m.group(1)
            if name not in os.environ:
                problems.append(Problem(file, line_at(root, path),
                                        f"environment variable {name} is not set; export it "
                                        "before starting alerts (for systemd: Environment= "
                                        "or EnvironmentFile=)"))
                return ""
            return os.environ[name]
        return _ENV_REF.sub(sub, value)
    return value


def _schema_passed() -> Path:
    """Where the keys of settings that passed the schema are remembered."""
    return buildcache.cache_root() / "config"


def _schema_key(data: Any) -> str:
    """What a schema check's answer depends on: the settings as read (repr tells a date from
    a string and True from 1), the schema and the version of alerts."""
    digest = hashlib.blake2b(digest_size=16)
    digest.update(json.dumps(_SCHEMA, sort_keys=True, default=repr).encode())
    digest.update(f"\0{__version__}\0{data!r}".encode())
    return digest.hexdigest()


def _schema_problems(raw: dict[Any, Any], file: str) -> list[Problem]:
    """The settings checked against the schema, each problem at its line. Settings that
    passed before (the same content, schema and version: alerts.buildcache) are not checked
    again, so a poll does not load jsonschema; only a pass is remembered, never a failure,
    so a wrong file is always checked and told."""
    data = plain(raw)
    key = _schema_key(data)
    if buildcache.marked(_schema_passed(), "valid", key):
        return []
    import jsonschema

    problems = []
    validator = jsonschema.Draft202012Validator(_SCHEMA)
    for err in sorted(validator.iter_errors(data), key=lambda e: list(map(str, e.path))):
        err = _innermost(err)
        where = tuple(err.absolute_path)
        if err.validator == "additionalProperties":
            # Point at the unknown key itself, not at the mapping that holds it.
            extra = sorted(set(err.instance) - set(err.schema.get("properties", {})), key=str)
            where = (*where, extra[0]) if extra else where
        problems.append(Problem(file, line_at(raw, where), _schema_message(err)))
    if not problems:
        buildcache.mark(_schema_passed(), "valid", key, keep=64)  # empty files; a desk has few
    return problems


def load_settings(path: str | Path) -> Settings:
    """Read and validate a config file; raise ConfigError listing every problem."""
    path = Path(path)
    file = str(path)
    docs, problems = load_documents(path)
    if problems:
        raise ConfigError(problems)
    if len(docs) > 1:
        raise ConfigError([Problem(file, None, "expected exactly one YAML document; remove the "
                                               "extra '---' separators")])
    raw = docs[0].data if docs else None
    if raw is None:
        raw = LinedDict()
    if not isinstance(raw, dict):
        raise ConfigError([Problem(file, docs[0].line, "the configuration must be a mapping of "
                                                       "settings (key: value); see `alerts init`")])
    problems.extend(_schema_problems(raw, file))
    if problems:
        raise ConfigError(problems)

    _check_inline_passwords(raw, file, problems)
    data = _expand_env(raw, (), raw, file, problems)
    base = path.parent

    def resolve(p: str) -> Path:
        candidate = Path(os.path.expanduser(p))
        return candidate if candidate.is_absolute() else base / candidate

    def duration(section: dict, key: str, default: float, where: tuple[Any, ...]) -> float:
        if key not in section:
            return default
        value = parse_duration(section[key])
        if value is None:
            problems.append(Problem(file, line_at(raw, (*where, key)),
                                    f"'{key}' must be a positive duration such as 90, 30s, "
                                    f"15m, 1h or 1d, not {section[key]!r}"))
            return default
        return value

    defaults = data.get("defaults", {})
    default_interval = duration(defaults, "interval", default("defaults.interval"),
                                ("defaults",))
    default_language = defaults.get("language")
    default_backfill = bool(defaults.get("backfill", default("defaults.backfill")))

    fetch_raw = data.get("fetch", {})
    max_bytes = FetchSettings.max_bytes
    if "max_bytes" in fetch_raw:
        parsed_size = parse_size(fetch_raw["max_bytes"])
        if parsed_size is None:
            problems.append(Problem(file, line_at(raw, ("fetch", "max_bytes")),
                                    "'max_bytes' must be a size such as 5000000 or 10MiB"))
        else:
            max_bytes = parsed_size
    allow_networks: list[str] = []
    for i, cidr in enumerate(fetch_raw.get("allow_networks", [])):
        try:
            allow_networks.append(str(ipaddress.ip_network(cidr.strip(), strict=False)))
        except ValueError:
            problems.append(Problem(file, line_at(raw, ("fetch", "allow_networks", i)),
                                    f"{cidr!r} in 'allow_networks' is not an address range; "
                                    "write one such as 10.0.0.0/8 or 192.168.1.20/32"))
    fetch = FetchSettings(
        timeout=duration(fetch_raw, "timeout", FetchSettings.timeout, ("fetch",)),
        max_bytes=max_bytes,
        max_entries=int(fetch_raw.get("max_entries", FetchSettings.max_entries)),
        contact=fetch_raw.get("contact"),
        allow_networks=tuple(allow_networks),
    )
    notify_raw = data.get("notify", {})
    notify = NotifySettings(
        interval=duration(notify_raw, "interval", NotifySettings.interval, ("notify",)),
        max_attempts=int(notify_raw.get("max_attempts", NotifySettings.max_attempts)),
        retry_base=duration(notify_raw, "retry_base", NotifySettings.retry_base, ("notify",)),
        retry_max=duration(notify_raw, "retry_max", NotifySettings.retry_max, ("notify",)),
        send_timeout=duration(notify_raw, "send_timeout", NotifySettings.send_timeout,
                              ("notify",)),
        fallback=notify_raw.get("fallback"),
        timezone=notify_raw.get("timezone", NotifySettings.timezone),
    )
    if not check_timezone(notify.timezone):
        problems.append(Problem(file, line_at(raw, ("notify", "timezone")),
                                f"unknown time zone {notify.timezone!r}; use a name such as "
                                "Europe/Paris or UTC"))

    channels: dict[str, Channel] = {}
    for name, spec in data.get("channels", {}).items():
        if isinstance(spec, str):
            channels[name] = Channel(name, urls=(spec,))
        elif isinstance(spec, list):
            channels[name] = Channel(name, urls=tuple(spec))
        else:
            if not spec.get("urls") and not spec.get("config"):
                problems.append(Problem(file, line_at(raw, ("channels", name)),
                                        f"channel '{name}' has neither 'urls' nor 'config'; "
                                        "give at least one Apprise URL or an Apprise config file"))
            config_file = spec.get("config")
            channels[name] = Channel(name, urls=tuple(spec.get("urls", ())),
                                     config_file=str(resolve(config_file)) if config_file else None,
                                     tags=tuple(spec.get("tags", ())),
                                     style=_channel_style(spec, base),
                                     policy=_channel_policy(spec, name, notify.timezone, raw,
                                                            file, problems))

    default_channels = tuple(defaults.get("channels", ()))
    for i, name in enumerate(default_channels):
        if name not in channels:
            problems.append(Problem(file, line_at(raw, ("defaults", "channels", i)),
                                    f"default channel '{name}' is not defined under 'channels'; "
                                    f"defined: {', '.join(sorted(channels)) or 'none'}"))

    routes = parse_routes(data.get("routes", []))
    for i, route in enumerate(routes):
        for j, name in enumerate(route.channels):
            if name not in channels:
                problems.append(Problem(file, line_at(raw, ("routes", i, "channels", j)),
                                        f"route {i + 1} sends to channel '{name}', which is not "
                                        f"defined under 'channels'; defined: "
                                        f"{', '.join(sorted(channels)) or 'none'}"))
    if notify.fallback is not None and notify.fallback not in channels:
        problems.append(Problem(file, line_at(raw, ("notify", "fallback")),
                                f"fallback channel '{notify.fallback}' is not defined under "
                                f"'channels'; defined: {', '.join(sorted(channels)) or 'none'}"))

    feeds: list[Feed] = []
    seen_urls: dict[str, int | None] = {}
    for i, spec in enumerate(data.get("feeds", [])):
        where = ("feeds", i)
        raw_spec = raw["feeds"][i]
        # The identity shown, logged and stored: each ${VARIABLE} as ***, never its value.
        url = redact_text(_ENV_REF.sub(MASK, raw_spec["url"].strip()))
        request_url, secrets = _expand_feed_url(raw_spec["url"].strip())
        headers = _feed_headers(spec, raw, where, file, problems)
        secrets += tuple(os.environ.get(n, "") for v in (raw_spec.get("headers") or {}).values()
                         for n in _ENV_REF.findall(v))
        if not re.match(r"^https?://[^/\s]+", request_url, re.IGNORECASE):
            problems.append(Problem(file, line_at(raw, (*where, "url")),
                                    f"feed URL {url!r} must start with http:// or https://"))
        elif (bad_url := _url_problem(request_url)) is not None:
            problems.append(Problem(file, line_at(raw, (*where, "url")),
                                    f"feed URL {url!r} {bad_url}; correct it"))
        if url in seen_urls:
            problems.append(Problem(file, line_at(raw, (*where, "url")),
                                    f"feed {url} is listed twice (first on line {seen_urls[url]}); "
                                    "remove one"))
        seen_urls[url] = line_at(raw, (*where, "url"))
        feeds.append(Feed(
            url=url,
            name=spec.get("name") or url,
            interval=duration(spec, "interval", default_interval, where),
            language=spec.get("language", default_language),
            tags=tuple(spec.get("tags", ())),
            backfill=bool(spec.get("backfill", default_backfill)),
            publisher=spec.get("publisher"),
            request_url=request_url if request_url != url else "",
            headers=headers,
            secrets=tuple(sorted({s for s in secrets if s}, key=len, reverse=True)),
        ))

    rules_value = data.get("rules", default("rules"))
    rule_paths = tuple(resolve(p) for p in ([rules_value] if isinstance(rules_value, str)
                                            else rules_value))
    if "knowledge" in data:
        knowledge_path: Path | None = resolve(data["knowledge"])
        if not knowledge_path.is_dir():  # type: ignore[union-attr]
            problems.append(Problem(file, line_at(raw, ("knowledge",)),
                                    f"knowledge folder {str(knowledge_path)!r} does not exist; "
                                    "create it or fix the 'knowledge' setting"))
    else:  # default: a knowledge/ folder beside the rules, when there is one
        knowledge_path = next((p.parent / "knowledge" for p in rule_paths
                               if (p.parent / "knowledge").is_dir()), None)
    stories_raw = data.get("stories", {})
    stories = StorySettings(
        window=duration(stories_raw, "window", StorySettings.window, ("stories",)),
        retention=duration(stories_raw, "retention", StorySettings.retention, ("stories",)),
    )
    health_raw = data.get("health", {})
    health = HealthSettings(
        failures=int(health_raw.get("failures", HealthSettings.failures)),
        silence=duration(health_raw, "silence", HealthSettings.silence, ("health",)),
    )
    listen = (data.get("metrics") or {}).get("listen")
    if isinstance(listen, str) and not _valid_listen(listen):
        problems.append(Problem(file, line_at(raw, ("metrics", "listen")),
                                f"metrics.listen {listen!r} is not an address to listen on; "
                                "write host:port, e.g. 127.0.0.1:9464 (or [::1]:9464)"))
    if problems:
        raise ConfigError(problems)
    return Settings(
        path=path,
        state_path=resolve(data.get("state", default("state"))),
        rule_paths=rule_paths,
        feeds=tuple(feeds),
        channels=channels,
        default_channels=default_channels,
        fetch=fetch,
        notify=notify,
        routes=routes,
        stories=stories,
        health=health,
        metrics=MetricsSettings(listen=listen),
        knowledge_path=knowledge_path,
    )


def _channel_style(spec: dict, base: Path) -> ChannelStyle:
    """Format and templates of a channel; template files are relative to the config file."""
    return ChannelStyle(format=spec.get("format", default("channels.*.format")),
                        title=spec.get("title"),
                        template=spec.get("template"),
                        digest_template=spec.get("digest_template"),
                        folder=str(base.resolve()) if spec.get("template")
                        or spec.get("digest_template") else None)


def _channel_policy(spec: dict, name: str, timezone: str, raw: Any, file: str,
                    problems: list[Problem]) -> ChannelPolicy:
    def report(where: tuple[Any, ...], message: str) -> None:
        problems.append(Problem(file, line_at(raw, ("channels", name, *where)),
                                f"channel '{name}': {message}"))

    return parse_policy(spec, timezone, parse_duration, report)


def _url_problem(url: str) -> str | None:
    """What makes a URL unusable (a port out of range, a broken IPv6 address), if anything."""
    try:
        parts = urlsplit(url)
        parts.port  # noqa: B018 - raises ValueError when out of range
    except ValueError as exc:
        return f"cannot be used ({exc})"
    return None


def _expand_feed_url(raw_url: str) -> tuple[str, tuple[str, ...]]:
    """The URL to request, and the values of the variables in it (secrets, every one).

    A variable in the user info (user:${PASS}@) is percent-encoded, so a password with '@'
    or '/' in it still makes a valid URL; elsewhere its value is used as it is."""
    secrets: list[str] = []

    def value(m: re.Match[str], encode: bool) -> str:
        found = os.environ.get(m.group(1), "")  # a missing one is reported by _expand_env
        secrets.append(found)
        return quote(found, safe="") if encode else found

    scheme, sep, rest = raw_url.partition("://")
    authority_end = min((rest.find(c) for c in "/?#" if c in rest), default=len(rest))
    authority, tail = rest[:authority_end], rest[authority_end:]
    userinfo, at, host = authority.rpartition("@")
    userinfo = _ENV_REF.sub(lambda m: value(m, True), userinfo)
    host = _ENV_REF.sub(lambda m: value(m, False), host)
    tail = _ENV_REF.sub(lambda m: value(m, False), tail)
    scheme = _ENV_REF.sub(lambda m: value(m, False), scheme)
    return f"{scheme}{sep}{userinfo}{at}{host}{tail}", tuple(secrets)


def _feed_headers(spec: dict, raw: Any, where: tuple[Any, ...], file: str,
                  problems: list[Problem]) -> tuple[tuple[str, str], ...]:
    """A feed's own HTTP headers (for wire services that want a token), values expanded."""
    headers: list[tuple[str, str]] = []
    for name, value in (spec.get("headers") or {}).items():
        line = line_at(raw, (*where, "headers", name))
        if not _HEADER_NAME.match(str(name)):
            problems.append(Problem(file, line, f"{name!r} is not an HTTP header name; use "
                                                "letters, digits and '-' (e.g. X-Api-Key)"))
        elif str(name).lower() in _RESERVED_HEADERS:
            problems.append(Problem(file, line, f"the {name} header is set by alerts itself; "
                                                "remove it from the feed's headers"))
        elif "\r" in value or "\n" in value:
            problems.append(Problem(file, line, f"the value of the {name} header spans several "
                                                "lines (check the environment variable); an "
                                                "HTTP header is one line"))
        else:
            headers.append((str(name), value))
    return tuple(headers)


def _feed_secret_problems(url: str, headers: dict[str, str]) -> list[tuple[str, tuple]]:
    """What in a feed (as written, before ${VARIABLE}s are filled in) is a literal secret,
    each with where it is (below the feed)."""
    found: list[tuple[str, tuple]] = []
    m = _INLINE_PASSWORD.match(url)
    if m and _ENV_REF.sub("", m.group(1)):
        found.append(("its URL has a password written in the file; put the password in an "
                      "environment variable and write it as https://USER:${VARIABLE}@HOST/...",
                      ("url",)))
    try:
        query = urlsplit(url).query
    except ValueError:  # not a URL at all: reported as such by load_settings
        query = ""
    for pair in query.split("&"):
        name, _, value = pair.partition("=")
        if value and is_secret_param(name) and _ENV_REF.sub("", value):
            found.append((f"its URL has the {name} parameter written in the file; put its "
                          f"value in an environment variable and write {name}=${{VARIABLE}}",
                          ("url",)))
    for name, value in headers.items():
        if SECRET_HEADER.search(str(name)) and not _HEADER_FROM_ENV.match(str(value)):
            found.append((f"its {name} header is written in the file; put the secret in an "
                          f"environment variable and write it as ${{VARIABLE}} (e.g. "
                          f"\"Bearer ${{WIRE_TOKEN}}\")", ("headers", name)))
    return found


def _check_inline_passwords(raw: Any, file: str, problems: list[Problem]) -> None:
    for i, spec in enumerate(raw.get("feeds") or []):
        headers = spec.get("headers") or {}
        for message, where in _feed_secret_problems(str(spec.get("url", "")), headers):
            problems.append(Problem(file, line_at(raw, ("feeds", i, *where)),
                                    f"feed {i + 1}: {message}"))
    for name, spec in (raw.get("channels") or {}).items():
        urls: list[tuple[str, tuple[Any, ...]]] = []
        if isinstance(spec, str):
            urls = [(spec, ("channels", name))]
        elif isinstance(spec, list):
            urls = [(u, ("channels", name, i)) for i, u in enumerate(spec)]
        elif isinstance(spec, dict):
            urls = [(u, ("channels", name, "urls", i)) for i, u in enumerate(spec.get("urls", []))]
        for url, where in urls:
            m = _INLINE_PASSWORD.match(url)
            if m and "${" not in m.group(1):
                problems.append(Problem(file, line_at(raw, where),
                                        f"channel '{name}' has a password written in the file; "
                                        "put it in an environment variable and write "
                                        "${VARIABLE} in its place"))
