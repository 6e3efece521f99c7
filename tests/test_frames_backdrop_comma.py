"""A word that makes a contact the backdrop of the news ("after", "current", "день после")
reaches only the phrase it opens: past a comma it is said of something else. "В понедельник,
на следующий день после инаугурации, провел переговоры с Путиным" held the talks the day
after the inauguration (probe25, a Ukrainian agency's lead of 2005); "on current issues, via
videoconference" held the call by video (a Kremlin readout)."""

from __future__ import annotations

from datetime import date

from alerts.analysis import analyse_text
from tests.contact_frames import news


def test_a_time_after_something_else_set_off_by_commas_is_no_backdrop() -> None:
    day = date(2005, 1, 24)
    assert news("Переговоры в Москве", "Президент Украины Виктор Ющенко в понедельник, на "
                "следующий день после инаугурации, провел переговоры с Владимиром Путиным.",
                day) == {"viktor-yushchenko+vladimir-putin"}
    # a week after the talks, with no comma, still tells of talks before the news
    assert news("Визит", "Через неделю после переговоров с Путиным Ющенко уехал в Брюссель.",
                day) == set()


def test_a_backdrop_word_does_not_reach_past_a_comma() -> None:
    frames = analyse_text("Talks", "Putin talked with Erdogan on current issues, via "
                          "videoconference.", date(2021, 9, 29)).frames
    calls = [f for f in frames if f.type == "contact" and f.words("event") == "videoconference"]
    assert calls and all("backdrop" not in f.flags for f in calls)
    # right before its noun, with no comma, it still does
    frames = analyse_text("Talks", "Fighting continued despite the ceasefire talks.",
                          date(2021, 9, 29)).frames
    assert any("backdrop" in f.flags for f in frames if f.type == "peace-talks")
