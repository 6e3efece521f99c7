"""Arabic readings the blind set of truces probe86 showed (issue #15):

- Arabic puts the verb first, then its subject, then the verbal noun it governs: "أعلنت
  قيادة شرطة محافظة البصرة، الخميس، التوصل إلى هدنة" announces a truce reached (it read as
  named with no verb, backdrop): the nearest verb of the event or of announcing before it;
- a word written with a final "ة" is no shorter word with the enclitic "ه" that folding makes
  of it: "وزارة" (ministry) is no "و + زار + ه" (and visited him), "الشرطة" (police) no
  "شرط" (condition).

The texts are written for these tests."""

from __future__ import annotations

from datetime import date

import pytest

from alerts.analysis import analyse_text

DAY = date(2023, 1, 12)


def agreed(summary: str) -> list[str]:
    """The flags of the truces agreed in the first sentence."""
    return [",".join(sorted(f.flags)) for f in analyse_text("هدنة", summary, DAY).frames
            if f.type == "ceasefire" and f.status == "agreed" and f.modality == "happened"
            and f.sentence == 1]


@pytest.mark.parametrize("summary", [
    "أعلنت وزارة الخارجية، الخميس، التوصل إلى هدنة بين الجيش والمتمردين.",
    "أعلنت قيادة الشرطة في المحافظة اليوم التوصل إلى هدنة بين العشيرتين.",
])
def test_the_verb_first_governs_the_verbal_noun(summary: str) -> None:
    assert agreed(summary) == [""], summary


def test_a_verb_of_another_event_governs_no_verbal_noun() -> None:
    # a meeting's verb does not report the truce named after it
    assert agreed("استقبل الرئيس وزير الخارجية الأمريكي، وبحث معه التوصل إلى هدنة.") == []


@pytest.mark.parametrize(("summary", "word"), [
    ("استقبل وزير الخارجية في وزارة الخارجية نظيره الأردني.", "وزارة"),
    ("قالت الشرطة إن الهدوء عاد إلى المدينة.", "الشرطة"),
])
def test_a_final_ta_marbuta_is_no_enclitic(summary: str, word: str) -> None:
    frames = analyse_text("خبر", summary, DAY).frames
    assert not any(word in str(e) for f in frames for e in f.evidence), summary
