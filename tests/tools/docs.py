"""Write the README's reference tables from alerts/reference.yaml (`make docs`).

Each table sits between two markers:

    <!-- reference:TOPIC (generated from alerts/reference.yaml by `make docs`) -->
    ...the table...
    <!-- /reference -->

`reference:commands/outbox` holds the command rows marked `readme: outbox`. With --check it
writes nothing and exits 1 when README.md is out of date (tests/test_docs.py runs the same
comparison).

    .venv/bin/python tests/tools/docs.py [--check] [README.md]
"""

from __future__ import annotations

import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
if str(ROOT) not in sys.path:  # run as a script from anywhere
    sys.path.insert(0, str(ROOT))

from alerts.helptopics import markdown_table, topics  # noqa: E402

# An empty block is "<!-- reference:... -->", a blank line and "<!-- /reference -->".
BLOCK = re.compile(r"(?P<open><!-- reference:(?P<name>[a-z-]+)(?:/(?P<part>[a-z-]+))?"
                   r"(?: [^\n]*?)? -->\n\n)(?P<body>.*?)\n?<!-- /reference -->", re.S)
# Every marker, to tell a block without its end (which would take in the next block).
MARKER = re.compile(r"<!-- /?reference[:\s]")


CLOSE = "\n<!-- /reference -->"


class DocsError(Exception):
    pass


def blocks(readme: str) -> list[tuple[str, str | None]]:
    """(topic, part) of every generated table in the text, in order."""
    return [(m["name"], m["part"]) for m in BLOCK.finditer(readme)]


def render(readme: str) -> str:
    """The text with every generated table written afresh from the reference."""
    known = topics()

    def table(match: re.Match[str]) -> str:
        name = match["name"]
        if name not in known:
            raise DocsError(f"README.md names the reference topic {name!r}, which "
                            f"alerts/reference.yaml lacks (it has {', '.join(known)})")
        return match["open"] + markdown_table(known[name], match["part"]) + CLOSE

    found = len(BLOCK.findall(readme))
    if 2 * found != len(MARKER.findall(readme)):
        raise DocsError("a <!-- reference:TOPIC --> marker has no <!-- /reference --> of its own "
                        "(or the reverse); put one blank line after the opening marker and "
                        "close each table before the next one opens")
    return BLOCK.sub(table, readme)


def main(argv: list[str]) -> int:
    check = "--check" in argv
    paths = [a for a in argv if a != "--check"]
    path = Path(paths[0]) if paths else ROOT / "README.md"
    text = path.read_text(encoding="utf-8")
    try:
        fresh = render(text)
    except DocsError as exc:
        print(f"{path}: {exc}", file=sys.stderr)
        return 1
    if fresh == text:
        print(f"{path}: the reference tables are up to date")
        return 0
    if check:
        print(f"{path}: the reference tables differ from alerts/reference.yaml; edit the YAML "
              "(not the tables) and run `make docs`", file=sys.stderr)
        return 1
    path.write_text(fresh, encoding="utf-8")
    print(f"{path}: reference tables rewritten ({len(blocks(fresh))})")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
