"""The rules shown in the documentation load and behave as documented."""

import re

import pytest

from alerts.rules import load_rules
from alerts.rules.engine import verify_examples
from tests.conftest import ROOT

DOCS = [ROOT / "README.md", ROOT / "rules" / "README.md"]


@pytest.mark.parametrize("doc", DOCS, ids=lambda p: p.relative_to(ROOT).as_posix())
def test_yaml_rule_examples_in_docs_are_valid(doc, tmp_path):
    blocks = [b for b in re.findall(r"```yaml\n(.*?)```", doc.read_text(), re.S)
              if b.lstrip().startswith("id:")]
    assert blocks, f"{doc} shows no rule"
    for n, block in enumerate(blocks):
        (tmp_path / f"doc{n}.yaml").write_text(block)
    rules = load_rules([tmp_path], {"email", "chat"}, ("email",))
    assert verify_examples(rules) == []


def test_every_command_has_help():
    from click.testing import CliRunner

    from alerts.cli import cli

    for name, command in cli.commands.items():
        result = CliRunner().invoke(cli, [name, "--help"])
        assert result.exit_code == 0 and command.help, name
        assert f"`alerts {name}" in (ROOT / "README.md").read_text(), f"{name} undocumented"
