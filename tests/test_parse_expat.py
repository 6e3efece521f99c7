"""feedparser's strict parser is Python's expat reader, asked for by name (issue #17): it
no longer tries to import libxml2's SAX driver first for every document, and where that
driver is installed it is not the one that reads. A real `drv_libxml2` module on the path
says whether it was asked to make a parser."""

from __future__ import annotations

import subprocess
import sys

from tests.conftest import cli_env
from tests.feeds import rss, rss_item

DRIVER = """\
from pathlib import Path
from xml.sax.expatreader import create_parser as _expat

def create_parser():
    Path(__file__).with_name("asked").write_text("libxml2's driver made the parser")
    return _expat()
"""

PARSE = """
import sys
from alerts.parseworker import parse_bytes
parsed = parse_bytes(sys.stdin.buffer.read(), "https://wire.example/feed.xml", None)
print("|".join(e.title for e in parsed.entries))
"""


def test_feedparser_reads_with_expat_though_libxml2s_driver_is_installed(tmp_path):
    (tmp_path / "drv_libxml2.py").write_text(DRIVER, "utf-8")
    env = cli_env() | {"PYTHONPATH": str(tmp_path)}
    body = rss(rss_item("Talks resume in Doha", guid="1"), rss_item("Truce holds", guid="2"))
    done = subprocess.run([sys.executable, "-c", PARSE], input=body.encode(), env=env,
                          capture_output=True, timeout=60)
    assert done.returncode == 0, done.stderr.decode()
    assert done.stdout.decode().strip() == "Talks resume in Doha|Truce holds"
    assert not (tmp_path / "asked").exists()
