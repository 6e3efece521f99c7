"""The PETRARCH coded sentences of ../shared/corpus are read (bench/quality.md's "Event
phrases on coded sentences"): a reader that finds no sentence, or no code, reports 0 of 0
and says nothing, as the regex before this test did for a year of runs."""

from __future__ import annotations

from pathlib import Path

import pytest

from alerts.quality.corpus import PETRARCH_FILES, event_cases, petrarch_sentences
from alerts.quality.real import DEFAULT_CORPUS

FOLDER = DEFAULT_CORPUS / "petrarch-validation"

pytestmark = pytest.mark.skipif(
    not FOLDER.is_dir(),
    reason=f"the PETRARCH records are read in place from {FOLDER}, which is absent")


def test_the_validation_file_gives_its_78_sentences_with_their_codes():
    sentences = petrarch_sentences(FOLDER / "PETR2_GSR_validation.xml")
    assert len(sentences) == 78
    assert len({s.id for s in sentences}) == 78
    assert sum(bool(s.codes) for s in sentences) == 66  # 12 say noevents="True"
    assert sum(s.consult for s in sentences) == 9
    first = sentences[0]
    assert first.id == "AFP0808020625_4" and first.codes == ("042",)
    assert first.text.startswith("The stopover came as the US leader prepared")


def test_the_unit_test_records_give_their_sentences_with_their_codes():
    sentences = petrarch_sentences(FOLDER / "PETR.UnitTest.records.xml")
    assert len(sentences) == 284
    assert sum(s.consult for s in sentences) == 26
    assert sum(bool(s.codes) for s in sentences) == 255


def test_every_file_reports_sentences_and_contact_phrases_found():
    lines = event_cases(DEFAULT_CORPUS)
    assert len(lines) == 1 + len(PETRARCH_FILES)
    for name, line in zip(PETRARCH_FILES, lines[1:], strict=True):
        assert name in line
        assert ": 0 sentences" not in line and "coded 04x (consult, phone, visit, meet, " \
            "negotiate): 0," not in line, line
        found = int(line.split("a contact phrase found in **")[1].split("**")[0])
        assert found > 0, line


def test_a_record_without_text_is_left_out_and_one_without_an_id_is_numbered(tmp_path: Path):
    path = tmp_path / "records.xml"
    path.write_text('<Sentences>\n<Sentence date="1"/>\n<EventCoding eventcode="041"/>\n'
                    '<Text>\nA  phoned\n B.\n</Text></Sentence>\n<Sentence id="x"/>'
                    '<EventCoding noevents="True"/></Sentence>\n', "utf-8")
    [only] = petrarch_sentences(path)
    assert only.id == "record-1" and only.text == "A phoned B." and only.codes == ("041",)
    assert only.consult
