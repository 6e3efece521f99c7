"""Character tables from unicodedata kept in the cache folder (alerts.unicodetables, issue
#17): the same tables as built here, read back by the next process, and built again for
another Unicode, another Python or other code."""

from __future__ import annotations

import subprocess
import sys
import unicodedata

from alerts import fold, normalise
from alerts.unicodetables import key, table
from tests.conftest import cli_env

CHECK = """
import re
from alerts import fold, normalise
marks = {cp: None for cp in range(0x300, 0x20000) if __import__("unicodedata").combining(chr(cp))}
assert fold._combining_marks() == marks
control, unsafe = normalise._bmp_classes("C", "CZ")
assert normalise._patterns()[0].pattern == "[" + control + normalise._ASTRAL + "]"
assert normalise._patterns()[1].pattern == ("[" + unsafe + normalise._BROWSER_ESCAPED
                                            + normalise._ASTRAL + "]")
print(fold.fold("Élysée Erdoğan Ёлка"), normalise._clean("a\\u200bb\\x00c"))
"""


def test_the_tables_are_kept_and_read_back_the_same(tmp_path):
    env = cli_env() | {"XDG_CACHE_HOME": str(tmp_path)}
    outputs = []
    for _ in range(2):  # built and kept, then read from the cache folder
        done = subprocess.run([sys.executable, "-c", CHECK], env=env, capture_output=True,
                              text=True, timeout=60)
        assert done.returncode == 0, done.stderr
        outputs.append(done.stdout)
        kept = sorted(p.name.split(".")[0] for p in (tmp_path / "alerts" / "unicode").iterdir())
        assert kept == ["bmp-classes", "combining-marks"]
    assert outputs[0] == outputs[1] == "elysee erdogan елка a b c\n"


def test_another_builder_unicode_or_python_gets_another_table(tmp_path, monkeypatch):
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))

    def one() -> list[int]:
        return [1]

    def two() -> list[int]:
        return [2]

    def helper() -> int:
        return 3

    assert table("t", one, list) == [1]
    assert table("t", two, list) == [2]  # not the table `one` made under the same name
    assert table("t", one, list) == [1]
    assert key("t", one) != key("t", one, uses=(helper,))
    before = key("t", one)
    monkeypatch.setattr(unicodedata, "unidata_version", "1.0.0")
    assert key("t", one) != before
    monkeypatch.undo()
    monkeypatch.setattr(sys, "version", "3.99.0 (other)")
    assert key("t", one) != before


def test_the_module_tables_fold_and_clean_as_before():
    assert fold.fold("Élysée") == "elysee"
    assert normalise._clean("Verhand\xadlungen\x00heute") == "Verhandlungen heute"
