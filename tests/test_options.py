"""alerts.yaml has one source of truth, alerts/options.py: the loader validates with the
schema built from it and takes its defaults from it, and the starter file, the README's
example and its option table are checked against it here."""

import json
import re
import subprocess
import sys

import jsonschema
import pytest
import yaml

from alerts.config import (
    FetchSettings,
    HealthSettings,
    NotifySettings,
    StorySettings,
    load_settings,
    parse_duration,
    parse_size,
)
from alerts.errors import ConfigError
from alerts.options import (
    BY_PATH,
    DURATION,
    OPTIONS,
    SIZE,
    config_schema,
    default,
    options_table,
)
from tests.conftest import ROOT

STARTER = ROOT / "alerts" / "starter.yaml"
README = ROOT / "README.md"
TABLE_START = "<!-- options table: generated from alerts/options.py (options_table) -->"
TABLE_END = "<!-- end of options table -->"


def properties(node: dict, path: str = ""):
    """Every (path, schema) of a property at any depth, list items and mapping values too."""
    for name, child in node.get("properties", {}).items():
        here = f"{path}.{name}" if path else name
        yield here, child
        yield from properties(child, here)
    items = node.get("items")
    if isinstance(items, dict) and "properties" in items:
        yield from properties(items, f"{path}[]")
    values = node.get("additionalProperties")
    if isinstance(values, dict) and "description" in values:
        yield f"{path}.*", values
        for form in values.get("anyOf", [values]):
            yield from properties(form, f"{path}.*")


def test_the_schema_is_valid_and_every_option_has_a_description_and_a_valid_example():
    schema = config_schema()
    jsonschema.Draft202012Validator.check_schema(schema)
    seen = dict(properties(schema))
    assert set(seen) == {o.path for o in OPTIONS}
    for path, node in seen.items():
        assert node["description"].endswith("."), path
        assert len(node["examples"]) == 1, path
        errors = list(jsonschema.Draft202012Validator(node).iter_errors(node["examples"][0]))
        assert not errors, f"{path}: its example is not valid: {errors[0].message}"


def test_a_default_as_written_means_the_default_the_loader_uses():
    for option in OPTIONS:
        if not option.has_default or option.shown is None:
            continue
        if option.schema is DURATION or option.schema.get("type") == DURATION["type"]:
            assert parse_duration(option.shown) == option.default, option.path
        elif option.schema is SIZE:
            assert parse_size(option.shown) == option.default, option.path


def test_a_configuration_that_sets_nothing_gets_the_defaults_written_in_options(tmp_path):
    (tmp_path / "rules").mkdir()
    path = tmp_path / "alerts.yaml"
    path.write_text("channels: {out: 'json://127.0.0.1:9/x'}\n"
                    "feeds: [{url: 'https://example.org/feed.xml'}]\n", encoding="utf-8")
    settings = load_settings(path)
    assert settings.state_path == tmp_path / default("state")
    assert settings.rule_paths == (tmp_path / default("rules"),)
    assert settings.feeds[0].interval == default("defaults.interval") == 900
    assert settings.feeds[0].backfill is default("defaults.backfill") is False
    assert settings.channels["out"].style.format == default("channels.*.format")
    sections = {"fetch": (settings.fetch, FetchSettings), "notify": (settings.notify,
                NotifySettings), "stories": (settings.stories, StorySettings),
                "health": (settings.health, HealthSettings)}
    for name, (loaded, cls) in sections.items():
        for field in cls.__dataclass_fields__:
            option = BY_PATH[f"{name}.{field}"]
            if option.has_default:
                assert getattr(loaded, field) == option.default, option.path
    assert settings.fetch == FetchSettings() and settings.notify == NotifySettings()


def test_the_loader_refuses_what_the_schema_refuses(tmp_path):
    path = tmp_path / "alerts.yaml"
    path.write_text("fetch: {timeout: 30s, max_entries: 0}\nnotify: {colour: red}\n",
                    encoding="utf-8")
    with pytest.raises(ConfigError) as caught:
        load_settings(path)
    text = str(caught.value)
    assert "max_entries" in text and "'colour'" in text


def uncommented(text: str) -> str:
    """The file with its commented-out settings (`# key: value`, `# - item`) switched on."""
    out = []
    for line in text.splitlines():
        m = re.match(r"^(\s*)# ((?:\s*- )|(?:\s*[a-z_]+:(?:\s|$)))", line)
        out.append(f"{m.group(1)}{line[len(m.group(1)) + 2:]}" if m else line)
    return "\n".join(out) + "\n"


def test_the_starter_file_loads_and_every_setting_it_shows_is_an_option(tmp_path):
    text = STARTER.read_text(encoding="utf-8")
    validator = jsonschema.Draft202012Validator(config_schema())
    assert not list(validator.iter_errors(yaml.safe_load(text)))
    switched_on = yaml.safe_load(uncommented(text))
    assert "routes" in switched_on and "fallback" in switched_on["notify"]  # it read them
    errors = [f"{'.'.join(map(str, e.absolute_path))}: {e.message}"
              for e in validator.iter_errors(switched_on)]
    assert not errors, f"a setting shown commented out in starter.yaml is wrong: {errors}"
    (tmp_path / "rules").mkdir()
    (tmp_path / "alerts.yaml").write_text(text, encoding="utf-8")
    load_settings(tmp_path / "alerts.yaml")


def test_the_starter_file_writes_defaults_as_the_options_define_them():
    """A value the starter sets for an option with a default, where its comment does not
    say it differs, is that default (a changed default must change the starter too)."""
    data = yaml.safe_load(STARTER.read_text(encoding="utf-8"))
    for section in ("fetch", "notify", "stories", "health"):
        for key, value in (data.get(section) or {}).items():
            option = BY_PATH[f"{section}.{key}"]
            if not option.has_default:
                continue
            parse = parse_size if option.schema is SIZE else (
                parse_duration if option.schema is DURATION else (lambda v: v))
            assert parse(value) == option.default, option.path
    assert parse_duration(data["defaults"]["interval"]) == default("defaults.interval")
    assert data["state"] == default("state")


def test_the_readme_example_is_valid_and_its_table_is_the_generated_one():
    text = README.read_text(encoding="utf-8")
    blocks = [b for b in re.findall(r"```yaml\n(.*?)```", text, re.S)
              if b.lstrip().startswith("state:")]
    assert blocks, "the README shows no alerts.yaml"
    validator = jsonschema.Draft202012Validator(config_schema())
    errors = [e.message for e in validator.iter_errors(yaml.safe_load(blocks[0]))]
    assert not errors
    assert TABLE_START in text and TABLE_END in text, "the README lost its option table"
    table = text.split(TABLE_START, 1)[1].split(TABLE_END, 1)[0].strip() + "\n"
    assert table == options_table(), (
        "the README's option table differs from alerts/options.py; paste the output of "
        "`python -c 'from alerts.options import options_table; print(options_table())'`")


def test_alerts_schema_config_prints_the_schema_the_loader_uses():
    done = subprocess.run([sys.executable, "-m", "alerts", "schema", "config"],
                          capture_output=True, text=True, timeout=60, check=True)
    assert json.loads(done.stdout) == config_schema()
