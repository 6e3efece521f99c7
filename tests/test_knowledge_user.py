"""Knowledge the user adds in YAML files beside the rules: merged, and checked as file:line."""

from __future__ import annotations

import textwrap
from datetime import date

import pytest

from alerts.knowledge.base import knowledge_base, merge_people, use_folder, user_warnings
from alerts.knowledge.phrases import token_text
from alerts.knowledge.user import read_folder
from tests.conftest import run_cli, write_config

GOOD = """\
people:
  - id: jane-doe
    name: Jane Doe
    aliases: ["J. Doe", "Джейн Доу"]
    roles:
      - {office: other, title: "Special Envoy of Ruritania", country: "RU-X",
         from: "2025-01-01", to: null}
  - id: emmanuel-macron
    aliases: ["Manu the Elysean"]
organisations:
  - code: BRICS
    name: BRICS
    names: {en: ["BRICS", "BRICS group"], ru: ["БРИКС"]}
offices:
  - office: other
    country: "RU-X"
    phrases: ["Ruritanian envoy"]
events:
  - id: contact
    triggers: {en: ["had a chinwag with"]}
"""


def write(folder, name: str, text: str) -> None:
    folder.mkdir(parents=True, exist_ok=True)
    (folder / name).write_text(textwrap.dedent(text), "utf-8")


def ids(kb, text: str, day: date | None = date(2025, 6, 1)) -> list[str]:
    return [m.entity.id for m in kb.mentions(token_text(text), day)]


def test_user_people_organisations_offices_and_events_join_the_shipped_ones(tmp_path):
    folder = tmp_path / "knowledge"
    write(folder, "desk.yaml", GOOD)
    kb = knowledge_base(folder)
    assert kb.resolve("Jane Doe").id == "jane-doe"
    assert kb.resolve("BRICS").id == "BRICS"
    assert ids(kb, "The Ruritanian envoy met BRICS officials") == ["jane-doe", "BRICS"]
    assert ids(kb, "The Ruritanian envoy said", date(2024, 6, 1)) == []  # not yet in office
    # An existing id is extended, not replaced: old aliases and roles stay.
    assert ids(kb, "Manu the Elysean spoke") == ["emmanuel-macron"]
    assert ids(kb, "Macron spoke") == ["emmanuel-macron"]
    assert kb.holder("head-of-state", "FR", date(2025, 6, 1)).id == "emmanuel-macron"
    assert kb.contact(token_text("Jane Doe had a chinwag with Macron"), date(2025, 6, 1))
    # The shipped base without the folder knows none of it.
    assert knowledge_base(None).resolve("Jane Doe") is None


def test_a_user_role_replaces_the_overlapping_shipped_role_of_that_office():
    shipped = [{"id": "x", "name": "X", "aliases": ["X X"], "roles": [
        {"office": "foreign-minister", "country": "ZZ", "from": "2020-01-01", "to": None},
        {"office": "head-of-state", "country": "ZZ", "from": "2010-01-01", "to": "2015-01-01"}]}]
    user = [{"id": "x", "aliases": ["Mr X"], "roles": [
        {"office": "foreign-minister", "country": "ZZ", "from": "2020-01-01",
         "to": "2023-05-01"}]}]
    merged = merge_people(shipped, user)[0]
    assert merged["aliases"] == ["X X", "Mr X"]
    assert [(r["office"], r["to"]) for r in merged["roles"]] == [
        ("head-of-state", "2015-01-01"), ("foreign-minister", "2023-05-01")]


BAD = """\
people:
  - id: jane-doe
    name: Jane Doe
    roles:
      - office: envoy
        country: "XX"
      - office: other
        country: "XX"
        from: "2025-13-01"
      - office: other
        country: XX
        from: "2025-01-01"
        to: "2024-01-01"
    nickname: JD
  - id: jane-doe
    name: Jane Doe again
places: []
offices:
  - office: other
    phrases: ["the envoy"]
"""


def test_mistakes_in_user_files_are_reported_with_file_and_line(tmp_path):
    folder = tmp_path / "knowledge"
    write(folder, "bad.yaml", BAD)
    file = folder / "bad.yaml"
    found = {str(p) for p in read_folder(folder).problems}
    assert f"{file}:5: office 'envoy' is not one of" in " ".join(found)
    assert any(p.startswith(f"{file}:9: 'from' '2025-13-01' is not a date") for p in found)
    assert any(p.startswith(f"{file}:13: the role ends (2024-01-01) before it starts")
               for p in found)
    assert any(p.startswith(f"{file}:14: unknown key 'nickname' in a person") for p in found)
    assert any(p.startswith(f"{file}:15: person 'jane-doe' is already defined at {file}:2")
               for p in found)
    assert any(p.startswith(f"{file}:17: unknown section 'places'") for p in found)
    assert any(p.startswith(f"{file}:19: an office needs a 'country' code") for p in found)
    assert len(found) == 7, found
    # A folder with problems is not used: the last good knowledge stays.
    assert use_folder(folder) and knowledge_base().resolve("Jane Doe again") is None


def test_an_alias_of_another_person_is_a_warning(tmp_path):
    folder = tmp_path / "knowledge"
    write(folder, "k.yaml", """\
        people:
          - id: vlad-the-analyst
            name: Vlad the Analyst
            aliases: ["Putin"]
        """)
    warnings = [str(w) for w in user_warnings(folder)]
    assert warnings == [f"{folder / 'k.yaml'}:2: alias 'Putin' of 'vlad-the-analyst' is already "
                        "a name of 'vladimir-putin'; text naming it will find both, so use a "
                        "longer form or move it to ambiguous_aliases"]


def test_check_reads_the_knowledge_folder_beside_the_rules(tmp_path):
    rule = "id: doe\nnotify: [terminal]\nmatch:\n  entities: [Jane Doe]\n"
    config = write_config(tmp_path, feeds=[], channels={"terminal": "console://"},
                          rules={"doe.yaml": rule})
    result = run_cli("--config", str(config), "check")
    assert result.returncode == 2 and "unknown entity 'Jane Doe'" in result.stderr
    write(tmp_path / "knowledge", "desk.yaml", GOOD)
    result = run_cli("--config", str(config), "check")
    assert result.returncode == 0, result.stderr
    broken = GOOD + "  - id: summit\n    colour: red\n"
    write(tmp_path / "knowledge", "desk.yaml", broken)
    result = run_cli("--config", str(config), "check")
    assert result.returncode == 2
    line = broken.splitlines().index("    colour: red") + 1
    assert f"{tmp_path / 'knowledge' / 'desk.yaml'}:{line}: unknown key 'colour' in an event " \
           "type" in result.stderr


def test_the_knowledge_setting_names_the_folder(tmp_path):
    config = write_config(tmp_path, feeds=[], channels={"terminal": "console://"},
                          knowledge="people-we-watch")
    result = run_cli("--config", str(config), "check")
    assert result.returncode == 2
    assert "knowledge folder" in result.stderr and "does not exist" in result.stderr
    write(tmp_path / "people-we-watch", "k.yaml", """\
        people:
          - id: vlad-the-analyst
            name: Vlad the Analyst
            aliases: ["Putin"]
        """)
    result = run_cli("--config", str(config), "check")
    assert result.returncode == 0, result.stderr
    assert "warning:" in result.stderr and "already a name of 'vladimir-putin'" in result.stderr


@pytest.fixture(autouse=True)
def _shipped_knowledge_after():
    yield
    use_folder(None)


def test_the_readme_example_is_a_valid_knowledge_file(tmp_path):
    from tests.conftest import ROOT

    readme = (ROOT / "README.md").read_text("utf-8")
    block = next(b for b in readme.split("```yaml\n")[1:] if b.startswith("people:"))
    write(tmp_path / "knowledge", "example.yaml", block.split("```")[0])
    assert read_folder(tmp_path / "knowledge").problems == []
    kb = knowledge_base(tmp_path / "knowledge")
    found = ids(kb, "Brazil's BRICS sherpa met Manu")
    assert found == ["BR", "jane-doe", "BRICS", "emmanuel-macron"]
    assert kb.resolve("金砖国家").id == "BRICS"
