"""The rules shown in the documentation load and behave as documented."""

import re
import shutil
import subprocess

import pytest

from alerts.rules import load_rules
from alerts.rules.engine import verify_examples
from tests.conftest import ROOT, run_cli

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


# The reference (alerts/reference.yaml): one source for `alerts help`, the man page and the
# README's tables of commands, rule keys, conditions and fields.

def _docs_tool():
    from tests.tools import docs

    return docs


def test_readme_tables_are_the_reference():
    docs = _docs_tool()
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    assert set(docs.blocks(readme)) == {("commands", None), ("commands", "outbox"),
                                        ("rule", None), ("conditions", None), ("fields", None)}
    assert docs.render(readme) == readme, (
        "README.md's reference tables differ from alerts/reference.yaml: edit the YAML, not "
        "the table, and run `make docs`")


def test_the_docs_tool_rewrites_a_table_edited_by_hand(tmp_path):
    docs = _docs_tool()
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    edited = readme.replace("| `alerts check` |", "| `alerts check --everything` |", 1)
    assert edited != readme
    copy = tmp_path / "README.md"
    copy.write_text(edited, encoding="utf-8")
    assert docs.main(["--check", str(copy)]) == 1 and copy.read_text() == edited
    assert docs.main([str(copy)]) == 0 and copy.read_text() == readme
    # An emptied table is written again, and takes nothing of the text after it.
    start = readme.index("<!-- reference:rule")
    body = readme.index("| key |", start)
    emptied = readme[:body] + readme[readme.index("<!-- /reference -->", body):]
    assert docs.render(emptied) == readme
    unknown = readme.replace("<!-- reference:fields", "<!-- reference:nothing", 1)
    unclosed = readme[:start] + readme[start:].replace("\n<!-- /reference -->", "", 1)
    for broken in (unknown, unclosed):
        copy.write_text(broken, encoding="utf-8")
        assert docs.main(["--check", str(copy)]) == 1 and copy.read_text() == broken
        assert docs.main([str(copy)]) == 1 and copy.read_text() == broken


def _commands():
    import click

    from alerts.cli import cli

    for name, command in cli.commands.items():
        yield name
        if isinstance(command, click.Group):
            for sub in command.commands:
                yield f"{name} {sub}"


@pytest.mark.parametrize("name", list(_commands()))
def test_every_command_is_in_the_reference(name):
    from alerts.helptopics import command_rows

    assert command_rows(name), f"`alerts {name}` is not in alerts/reference.yaml (commands)"


def _backticked(cells):
    return {word for cell in cells for word in re.findall(r"`([^`]+)`", cell)}


def test_rule_keys_are_the_schema_s():
    from alerts.helptopics import topics
    from alerts.rules.schema import rule_schema

    schema = rule_schema()
    documented = [row["key"].strip("`") for row in topics()["rule"].rows]
    assert sorted(documented) == sorted(schema["$defs"]["rule"]["properties"])


def test_fields_are_the_schema_s():
    from alerts.helptopics import topics
    from alerts.rules.schema import rule_schema

    schema = rule_schema()
    assert _backticked(row["field"] for row in topics()["fields"].rows) == \
        set(schema["$defs"]["field"]["enum"])


def test_every_condition_kind_is_documented():
    from alerts.helptopics import topics
    from alerts.rules.reading import CONDITION_KINDS

    cells = " ".join(row["condition"] for row in topics()["conditions"].rows)
    missing = [kind for kind in CONDITION_KINDS if kind not in ("all", "any", "not")
               and f"`{kind}:" not in cells and f", {kind}:" not in cells]
    assert not missing, f"conditions missing from alerts/reference.yaml: {missing}"


def test_help_lists_topics_shows_one_and_names_them_for_an_unknown_one():
    from alerts.helptopics import plain, topics

    listed = run_cli("help")
    assert listed.returncode == 0, listed.stderr
    for name in topics():
        assert f"\n  {name} " in listed.stdout
    conditions = run_cli("help", "conditions")
    assert conditions.returncode == 0
    flat = " ".join(conditions.stdout.split())
    for row in topics()["conditions"].rows:
        assert " ".join(plain(row["holds"]).split()) in flat
    feeds = run_cli("help", "feeds")
    assert feeds.returncode == 0 and "alerts feeds import FILE.opml" in feeds.stdout
    assert "alerts run" not in feeds.stdout
    unknown = run_cli("help", "nothing")
    assert unknown.returncode == 1 and unknown.stdout == ""
    assert "no help topic or command 'nothing'" in unknown.stderr
    assert "commands, rule, conditions, fields, config" in unknown.stderr


def test_help_config_is_the_readme_s_option_table():
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    start = readme.index("<!-- options table:")
    table = readme[start:readme.index("<!-- end of options table -->", start)]
    options = re.findall(r"^\| `([^`]+)` \| (`[^`]*`)? *\|", table, re.M)
    assert len(options) > 20
    done = run_cli("help", "config")
    assert done.returncode == 0, done.stderr
    shown = done.stdout.splitlines()
    for option, default in options:
        at = shown.index(option)
        if default:
            entry = shown[at + 1:shown.index("", at)]
            assert f"    default: {default.strip('`')}" in entry, (option, entry)


def test_the_man_page_is_the_reference_and_troff_reads_it_cleanly(tmp_path):
    from alerts.helptopics import plain, topics

    done = run_cli("help", "--man")
    assert done.returncode == 0, done.stderr
    page = tmp_path / "alerts.1"
    page.write_text(done.stdout, encoding="ascii")  # every other character is escaped
    assert done.stdout.startswith(".TH ALERTS 1 ")
    for topic in topics().values():
        assert f"\n.SH {topic.title.upper()}\n" in done.stdout
    if not shutil.which("groff"):
        pytest.skip("groff is not installed: the page was not typeset")
    checked = subprocess.run(["groff", "-man", "-ww", "-z", str(page)], capture_output=True,
                             text=True, timeout=60)
    assert checked.returncode == 0 and checked.stderr == "", checked.stderr
    shown = subprocess.run(["groff", "-man", "-Tutf8", "-P", "-cbou", "-rLL=200n", str(page)],
                           capture_output=True, text=True, timeout=60).stdout
    flat = " ".join(shown.replace("\u2010", "-").split())
    for topic in topics().values():
        first = next(iter(topic.columns))
        for row in topic.rows:
            assert " ".join(plain(row[first]).split()) in flat, row[first]
