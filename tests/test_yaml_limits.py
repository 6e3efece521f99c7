"""YAML aliases that repeat a long text: refused at load, with the file and line."""

from __future__ import annotations

from alerts.yamlsource import MAX_ALIAS_CHARACTERS, load_documents
from tests.conftest import run_cli, write_config

MEGABYTE_TEXT = "x" * 1_000_000


def _aliased(times: int) -> str:
    return ("note: &big " + MEGABYTE_TEXT + "\ncopies:\n"
            + "".join("  - *big\n" for _ in range(times)))


def test_hundred_aliases_to_a_megabyte_are_refused_with_the_anchor_line():
    _, problems = load_documents("big.yaml", "first: 1\n" + _aliased(100))
    assert len(problems) == 1
    assert problems[0].file == "big.yaml" and problems[0].line == 2  # where &big is anchored
    assert "100,000,000 characters" in problems[0].message
    assert "write the text once" in problems[0].message


def test_aliases_repeating_little_text_still_load():
    text = "term: &t ceasefire\nterms: [" + ", ".join(["*t"] * 500) + "]\n"
    docs, problems = load_documents("small.yaml", text)
    assert problems == [] and len(docs[0].data["terms"]) == 500
    # One long text written out once is what the file holds, not an expansion.
    docs, problems = load_documents("long.yaml", "a: " + "y" * (2 * MAX_ALIAS_CHARACTERS) + "\n")
    assert problems == []


def test_check_refuses_a_rule_file_of_aliased_megabytes(tmp_path):
    config = write_config(tmp_path, feeds=[{"url": "https://wire.example.org/rss"}],
                          channels={"desk": "json://127.0.0.1:9/hook"})
    bomb = tmp_path / "rules" / "bomb.yaml"
    bomb.write_text("id: bomb\ntitle: &big " + MEGABYTE_TEXT + "\nseverity: low\n"
                    "match:\n  terms:\n" + "".join("    - *big\n" for _ in range(100)),
                    encoding="utf-8")
    result = run_cli("--config", str(config), "check", timeout=120)
    assert result.returncode == 2, result.stderr
    assert f"{bomb}:2: YAML aliases (*name) in this document repeat" in result.stderr
