import pytest

from alerts.config import find_config, load_settings, parse_duration, parse_size
from alerts.errors import ConfigError

GOOD = """\
state: data/alerts.db
rules: [my-rules]
defaults:
  interval: 10m
  language: en
  channels: [terminal]
fetch:
  timeout: 20s
  max_bytes: 2MiB
channels:
  terminal: console://
  hook: ["json://127.0.0.1:9999/x"]
  mail:
    urls: ["mailto://${TEST_SMTP_USER}:${TEST_SMTP_PASS}@127.0.0.1:2525?to=a@example.org"]
feeds:
  - url: https://example.org/feed.xml
    name: Example
    tags: [fr]
    backfill: true
  - url: http://example.org/other.xml
    interval: 90
    language: fr
"""


def write(tmp_path, text, name="alerts.yaml"):
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def problems_of(path):
    with pytest.raises(ConfigError) as info:
        load_settings(path)
    return info.value.problems


def test_good_config_loads_with_paths_relative_to_the_file(tmp_path, monkeypatch):
    monkeypatch.setenv("TEST_SMTP_USER", "desk")
    monkeypatch.setenv("TEST_SMTP_PASS", "s3cret-pass")
    settings = load_settings(write(tmp_path, GOOD))
    assert settings.state_path == tmp_path / "data" / "alerts.db"
    assert settings.rule_paths == (tmp_path / "my-rules",)
    first, second = settings.feeds
    assert (first.interval, first.language, first.tags) == (600, "en", ("fr",))
    assert first.backfill is True
    assert (second.interval, second.language, second.name) == (90, "fr", second.url)
    assert settings.fetch.timeout == 20 and settings.fetch.max_bytes == 2 * 1024 * 1024
    assert settings.channels["mail"].urls[0].startswith("mailto://desk:s3cret-pass@")
    assert settings.default_channels == ("terminal",)


def test_every_problem_is_reported_at_once_with_its_line(tmp_path, monkeypatch):
    monkeypatch.delenv("TEST_SMTP_USER", raising=False)
    monkeypatch.setenv("TEST_SMTP_PASS", "x")
    text = GOOD.replace("interval: 10m", "interval: soon").replace(
        "http://example.org/other.xml", "ftp://example.org/other.xml")
    problems = problems_of(write(tmp_path, text))
    by_line = {p.line: p.message for p in problems}
    assert "positive duration" in by_line[4]
    assert "TEST_SMTP_USER is not set" in by_line[14]
    assert "must start with http:// or https://" in by_line[20]
    assert all(p.file.endswith("alerts.yaml") for p in problems)


def test_unknown_setting_names_the_allowed_ones(tmp_path):
    problems = problems_of(write(tmp_path, "feeds: []\nfeed_list: []\n"))
    assert problems[0].line == 2
    assert "'feed_list'" in problems[0].message and "feeds" in problems[0].message


def test_wrong_type_and_missing_url(tmp_path):
    problems = problems_of(write(tmp_path, "feeds:\n  - name: x\n  - url: 5\n"))
    messages = " | ".join(str(p) for p in problems)
    assert "alerts.yaml:2" in messages and "'url' is a required property" in messages
    assert "alerts.yaml:3" in messages and "expected string" in messages


def test_password_written_in_the_file_is_refused(tmp_path):
    text = "channels:\n  mail: mailto://desk:hunter2@smtp.example.org\nfeeds: []\n"
    problems = problems_of(write(tmp_path, text))
    assert problems[0].line == 2 and "${VARIABLE}" in problems[0].message
    assert "hunter2" not in str(problems[0])


def test_duplicate_feed_and_unknown_default_channel(tmp_path):
    text = ("defaults:\n  channels: [nowhere]\nfeeds:\n  - url: https://a.example/f\n"
            "  - url: https://a.example/f\n")
    messages = [str(p) for p in problems_of(write(tmp_path, text))]
    assert any(":2:" in m and "'nowhere' is not defined" in m for m in messages)
    assert any(":5:" in m and "listed twice" in m for m in messages)


def test_yaml_syntax_error_and_non_mapping(tmp_path):
    assert problems_of(write(tmp_path, "feeds: [\n"))[0].line is not None
    assert "mapping" in problems_of(write(tmp_path, "- a\n- b\n"))[0].message


def test_empty_file_is_a_valid_empty_config(tmp_path):
    settings = load_settings(write(tmp_path, ""))
    assert settings.feeds == () and settings.state_path == tmp_path / "state" / "alerts.db"


def test_find_config_order(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    monkeypatch.delenv("ALERTS_CONFIG", raising=False)
    with pytest.raises(ConfigError) as info:
        find_config(None)
    assert "alerts init" in str(info.value)
    write(tmp_path, "feeds: []\n")
    assert find_config(None).name == "alerts.yaml"
    monkeypatch.setenv("ALERTS_CONFIG", "/elsewhere.yaml")
    assert str(find_config(None)) == "/elsewhere.yaml"
    assert str(find_config("given.yaml")) == "given.yaml"


@pytest.mark.parametrize(("text", "seconds"), [
    (90, 90), ("30s", 30), ("15m", 900), ("1h", 3600), ("1d", 86400), ("250ms", 0.25),
    ("0", None), (-5, None), ("soon", None), (True, None),
])
def test_durations(text, seconds):
    assert parse_duration(text) == seconds


def test_sizes():
    assert parse_size("10MiB") == 10 * 1024 * 1024
    assert parse_size("5MB") == 5_000_000
    assert parse_size(1234) == 1234
    assert parse_size("lots") is None
