"""Start light (issue #17): a poll that reads a new item analyses it with the knowledge base
and the event lexicon read from the cache folder, and the configuration and rules from the
cache of parsed files, so it loads no YAML parser (PyYAML's 18 modules, ~16 ms of a steady
`poll --once`). PyYAML is loaded only where YAML is parsed: building those caches, reading
the contact records (the first-contact rule's history, asked for two leaders in contact)."""

from __future__ import annotations

import subprocess
import sys

from alerts.rulepack import shipped_rules_dir
from tests.conftest import cli_env, loaded_probe, write_config
from tests.feeds import rss, rss_item

WATCHED = ("yaml", "alerts.analysis", "alerts.analysis.lexicon", "alerts.knowledge.base")


def poll(config, *args: str) -> tuple[int, set[str], str]:
    done = subprocess.run([sys.executable, "-c", loaded_probe(WATCHED), "--config",
                           str(config), "poll", "--once", "--no-send", *args],
                          cwd=config.parent, env=cli_env(), capture_output=True, text=True,
                          timeout=300)
    lines = dict(line.split(" ", 1) for line in done.stdout.splitlines()
                 if line.startswith(("EXIT ", "LOADED ")))
    assert "EXIT" in lines, done.stdout + done.stderr
    loaded = set(filter(None, lines["LOADED"].strip().split(",")))
    return int(lines["EXIT"]), loaded, done.stdout + done.stderr


def test_a_poll_that_analyses_a_new_item_loads_no_yaml_parser(tmp_path, feed_server):
    first = rss_item("Russia and Ukraine agree ceasefire in talks hosted by Erdogan",
                     guid="1", summary="Putin and Zelensky agreed to a ceasefire.")
    url = feed_server.put("/wire.xml", rss(first))
    shipped = {p.name: p.read_text("utf-8") for p in shipped_rules_dir().glob("*.yaml")}
    config = write_config(tmp_path, feeds=[{"url": url, "name": "Wire"}],
                          channels={"terminal": "console://"}, rules=shipped)
    code, _, output = poll(config, "--backfill")  # builds or reads every cache
    assert code == 0, output
    # (No meeting of two leaders: the first-contact rule's history, whose contact records
    # are parsed from YAML when first read, is not asked.)
    feed_server.put("/wire.xml", rss(rss_item(
        "Israel and Hamas agree ceasefire in Gaza, mediators say", guid="2",
        summary="The truce begins on Sunday, Qatar's foreign ministry said."), first))
    code, loaded, output = poll(config)
    assert code == 0 and ", 1 new" in output, output
    # The new item was analysed with the knowledge base and the lexicon...
    assert {"alerts.analysis", "alerts.analysis.lexicon", "alerts.knowledge.base"} <= loaded
    # ...read from the cache folder, as the configuration and rules were.
    assert "yaml" not in loaded, loaded


def test_the_knowledge_and_analysis_modules_load_no_yaml_parser_until_they_parse():
    """Each module that may parse YAML loads PyYAML only then (the contact records' modules
    are loaded by any poll whose frames pair two people)."""
    code = ("import sys\n"
            "import alerts.analysis, alerts.analysis.lexicon, alerts.knowledge.base\n"
            "import alerts.knowledge.contacts, alerts.knowledge.public_record\n"
            "print('yaml' in sys.modules)\n"
            "from alerts.knowledge.contacts import contact_record\n"
            "contact_record()\n"
            "print('yaml' in sys.modules)\n")
    done = subprocess.run([sys.executable, "-c", code], env=cli_env(), capture_output=True,
                          text=True, timeout=120)
    assert done.stdout.split() == ["False", "True"], done.stdout + done.stderr
