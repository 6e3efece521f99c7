"""tests/tools/contact_record.py: the kind of a contact is the one a readout's headline says,
whichever release of the day comes first (issue #16, the contact record behind first contact).

Two releases of one day in a small corpus of our own: a statement whose words read as a call
("Statements following talks", "spoke"), then the readout "Talks with President ...". The
record says talks, as the readout does, not the call read from the first release's words."""

from __future__ import annotations

import csv
import importlib.util
from pathlib import Path

TOOL = Path(__file__).parent / "tools" / "contact_record.py"
FIELDS = ["link", "headline", "date", "location", "summary", "body"]


def _tool():
    spec = importlib.util.spec_from_file_location("contact_record_tool", TOOL)
    module = importlib.util.module_from_spec(spec)  # type: ignore[arg-type]
    spec.loader.exec_module(module)  # type: ignore[union-attr]
    return module


def _write(path: Path, rows: list[dict[str, str]]) -> None:
    with path.open("w", encoding="utf-8", newline="") as file:
        writer = csv.DictWriter(file, FIELDS)
        writer.writeheader()
        for row in rows:
            writer.writerow({k: row.get(k, "") for k in FIELDS})


def test_the_readout_headline_says_the_kind_whichever_release_comes_first(tmp_path):
    tool = _tool()
    folder = tmp_path / tool.FOLDER
    folder.mkdir()
    day = "2022-02-15T12:00:00Z"
    _write(folder / "putin.csv", [
        {"link": "a", "date": day, "headline": "Statements for the press following talks",
         "summary": "Vladimir Putin spoke with Federal Chancellor of Germany Olaf Scholz."},
        {"link": "b", "date": "2022-02-15T15:00:00Z",
         "headline": "Talks with Federal Chancellor of Germany Olaf Scholz",
         "summary": "Vladimir Putin held talks with Federal Chancellor of Germany Olaf Scholz."},
    ])
    _write(folder / "zelenskyy.csv", [
        {"link": "c", "date": day, "headline": "President of Ukraine held a phone call with "
                                               "Federal Chancellor of Germany Olaf Scholz",
         "summary": "Volodymyr Zelenskyy had a phone call with Olaf Scholz."},
    ])
    lines = [line for line in tool.build(tmp_path).splitlines() if line.startswith("  - [")]
    assert '  - ["2022-02-15", olaf-scholz, vladimir-putin, talks, kremlin]' in lines, lines
    assert '  - ["2022-02-15", olaf-scholz, volodymyr-zelensky, call, president-gov-ua]' \
        in lines, lines
