"""The shipped contact records are read with libyaml when it is there (the pure-Python
parser cost about 90 ms of every poll that reads them), into the very same data."""

from __future__ import annotations

import pytest
import yaml

from alerts.knowledge import contacts, public_record


def test_the_records_read_the_same_with_libyaml():
    for module in (contacts, public_record):
        text = module.DATA.read_text("utf-8")
        assert contacts.yaml_data(text) == yaml.load(text, Loader=yaml.SafeLoader)


def test_libyaml_is_used_when_present():
    if not hasattr(yaml, "CSafeLoader"):
        pytest.skip("PyYAML without libyaml: the pure parser is all there is")
    assert contacts.yaml_loader() is yaml.CSafeLoader
