"""Settings that passed the schema are not checked again (issue #17): a poll from cron does
not load jsonschema for a configuration it checked before. Only a pass is remembered, keyed
by the settings as read, so a changed or wrong file is always checked and told at its line;
a remembered pass anyone else could have written is not believed."""

from __future__ import annotations

from pathlib import Path

import jsonschema
import pytest

from alerts import config
from alerts.config import load_settings
from alerts.errors import ConfigError
from tests.conftest import write_config


@pytest.fixture
def checks(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> list[int]:
    """A private cache folder, and a count of the schema checks made."""
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "xdg"))
    monkeypatch.delenv("CACHE_DIRECTORY", raising=False)
    made: list[int] = []
    real = jsonschema.Draft202012Validator

    def counted(*args, **kwargs):  # type: ignore[no-untyped-def]
        made.append(1)
        return real(*args, **kwargs)

    monkeypatch.setattr(jsonschema, "Draft202012Validator", counted)
    return made


def settings_file(tmp_path: Path, **extra: object) -> Path:
    return write_config(tmp_path, feeds=[{"url": "https://example.org/feed.xml",
                                          "name": "Wire"}],
                        channels={"desk": "json://127.0.0.1:9/hook"}, **extra)


def test_settings_that_passed_are_not_checked_again(tmp_path, checks):
    path = settings_file(tmp_path)
    first = load_settings(path)
    assert len(checks) == 1
    again = load_settings(path)
    assert len(checks) == 1, "the same settings were checked against the schema again"
    assert again == first
    assert list((tmp_path / "xdg" / "alerts" / "config").glob("valid.*.ok"))


def test_a_wrong_setting_is_told_every_time_even_after_a_pass(tmp_path, checks):
    path = settings_file(tmp_path)
    load_settings(path)
    text = path.read_text("utf-8").replace("timeout: 5", "timeout: 5\n  retries: 3")
    path.write_text(text, "utf-8")
    line = text.splitlines().index("  retries: 3") + 1
    for _ in range(2):  # a failure is never remembered as a pass
        with pytest.raises(ConfigError) as caught:
            load_settings(path)
        assert [(p.file, p.line) for p in caught.value.problems] == [(str(path), line)]
        assert "'retries'" in str(caught.value)
    assert len(checks) == 3


def test_the_same_text_of_another_type_is_checked(tmp_path, checks):
    # A date and the string of that date read alike but are different settings: a feed
    # named "2026-12-05" is fine, one named 2026-12-05 (a YAML date) is not.
    path = settings_file(tmp_path)
    path.write_text(path.read_text("utf-8").replace("name: Wire", "name: '2026-12-05'"),
                    "utf-8")
    load_settings(path)
    path.write_text(path.read_text("utf-8").replace("'2026-12-05'", "2026-12-05"), "utf-8")
    with pytest.raises(ConfigError) as caught:
        load_settings(path)
    assert "name" in str(caught.value)
    assert len(checks) == 2


def test_a_pass_anyone_could_have_written_is_not_believed(tmp_path, checks):
    path = settings_file(tmp_path)
    load_settings(path)
    (remembered,) = (tmp_path / "xdg" / "alerts" / "config").glob("valid.*.ok")
    remembered.chmod(0o666)
    load_settings(path)
    assert len(checks) == 2


def test_without_a_cache_folder_every_load_is_checked(tmp_path, checks, monkeypatch):
    blocked = tmp_path / "not-a-folder"
    blocked.write_text("", "utf-8")  # a file where the cache folder would be
    monkeypatch.setenv("XDG_CACHE_HOME", str(blocked))
    path = settings_file(tmp_path)
    load_settings(path)
    load_settings(path)
    assert len(checks) == 2


def test_the_key_follows_the_schema(tmp_path, checks, monkeypatch):
    path = settings_file(tmp_path)
    load_settings(path)
    monkeypatch.setitem(config._SCHEMA, "description", "a later version's schema")
    load_settings(path)
    assert len(checks) == 2
