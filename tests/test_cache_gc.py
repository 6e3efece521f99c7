"""Reading a cache file with the cyclic collector paused, and, in a process that ends after
one run (`poll --once`), frozen out of its walks (alerts.buildcache, issue #17). Each case
runs in a fresh Python process: freezing is for the whole process."""

from __future__ import annotations

import subprocess
import sys

from tests.conftest import CEASEFIRE_RULE, cli_env, loaded_probe, write_config
from tests.feeds import rss, rss_item

READ_TWICE = """
import gc, sys
from pathlib import Path
from alerts import buildcache

class Seen:
    # What the collector's state was while this object was unpickled.
    def __init__(self):
        self.enabled = None
    def __setstate__(self, state):
        self.enabled = gc.isenabled()

folder = Path(sys.argv[1])
buildcache.built(folder, "seen", "key", Seen, Seen)  # built and stored
{before}
found = buildcache.built(folder, "seen", "key", Seen, Seen)  # read back
print("DURING", found.enabled, "AFTER", gc.isenabled(), "FROZEN", gc.get_freeze_count() > 0)
"""


def read_twice(tmp_path, before: str = "") -> str:
    done = subprocess.run([sys.executable, "-c", READ_TWICE.format(before=before),
                           str(tmp_path)], env=cli_env(), capture_output=True, text=True,
                          timeout=60)
    assert done.returncode == 0, done.stderr
    return done.stdout.strip()


def test_a_cache_file_is_read_with_the_collector_paused_then_running_again(tmp_path):
    assert read_twice(tmp_path) == "DURING False AFTER True FROZEN False"


def test_a_collector_switched_off_before_stays_off(tmp_path):
    assert read_twice(tmp_path, "gc.disable()") == "DURING False AFTER False FROZEN False"


def test_a_short_lived_process_freezes_what_it_read(tmp_path):
    assert read_twice(tmp_path, "buildcache.short_lived()") == \
        "DURING False AFTER True FROZEN True"


def test_poll_once_is_a_short_lived_process(tmp_path, feed_server, webhook):
    url = feed_server.put("/wire.xml", rss(rss_item("UN urges ceasefire in Sudan", guid="1")))
    config = write_config(tmp_path, feeds=[{"url": url, "name": "Wire"}],
                          channels={"hook": webhook.url},
                          rules={"words.yaml": CEASEFIRE_RULE})
    probe = loaded_probe(()) + "import gc\nprint('FROZEN', gc.get_freeze_count() > 0)\n"
    for _ in range(2):  # the second reads its settings and rules from the cache folder
        done = subprocess.run([sys.executable, "-c", probe, "--config", str(config), "poll",
                               "--once", "--no-send"], cwd=tmp_path, env=cli_env(),
                              capture_output=True, text=True, timeout=120)
        assert "EXIT 0" in done.stdout, done.stdout + done.stderr
    assert "FROZEN True" in done.stdout
