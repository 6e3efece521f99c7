"""The date an undated report gives itself in its dateline (#16: stories group by publication
time, or the date the text gives, never arrival).

Only a date that OPENS the summary or the title counts ("MOSCOW, March 29, 2022 - ...",
"29 March 2022: ...", "2022-03-29 ..."): a date further in is as often one of the story's
past ("the truce agreed on 27 November 2024") as its own, and a wrong date would part a
report from its story. A feed's own date always wins; this is read only without one."""

from __future__ import annotations

import re
from datetime import UTC, date, datetime

from alerts.fold import fold
from alerts.models import Item

_MONTHS = {
    # English (with the usual abbreviations), French, German, Spanish; folded.
    "january": 1, "jan": 1, "february": 2, "feb": 2, "march": 3, "mar": 3, "april": 4,
    "apr": 4, "may": 5, "june": 6, "jun": 6, "july": 7, "jul": 7, "august": 8, "aug": 8,
    "september": 9, "sep": 9, "sept": 9, "october": 10, "oct": 10, "november": 11, "nov": 11,
    "december": 12, "dec": 12,
    "janvier": 1, "fevrier": 2, "mars": 3, "avril": 4, "mai": 5, "juin": 6, "juillet": 7,
    "aout": 8, "septembre": 9, "octobre": 10, "novembre": 11, "decembre": 12,
    "januar": 1, "janner": 1, "februar": 2, "marz": 3, "juni": 6, "juli": 7, "oktober": 10,
    "dezember": 12,
    "enero": 1, "febrero": 2, "marzo": 3, "abril": 4, "mayo": 5, "junio": 6, "julio": 7,
    "agosto": 8, "septiembre": 9, "setiembre": 9, "octubre": 10, "noviembre": 11,
    "diciembre": 12,
}
_MONTH = r"(?P<month>[a-z]+)\.?"
_DAY = r"(?P<day>\d{1,2})(?:st|nd|rd|th|er)?\.?"
_YEAR = r"(?P<year>(?:19|20)\d\d)"
# An optional place in capitals before the date ("MOSCOW, ", "KYIV (Reuters) - ").
_PLACE = r"(?:[^\W\d_][^\W\d_ .'/-]*(?:[ .'/-]+[^\W\d_]+)*\s*(?:\([^)]{1,40}\))?\s*[,:-]\s*)?"
_FORMS = [re.compile(rf"^\s*{_PLACE}{form}(?![\w])") for form in (
    rf"{_MONTH}\s+{_DAY},?\s+{_YEAR}",  # March 29, 2022
    rf"(?:le\s+|el\s+|am\s+)?{_DAY}\s+(?:de\s+)?{_MONTH}\s+(?:de\s+)?{_YEAR}",  # 29 March 2022
    rf"{_YEAR}-(?P<mon>\d\d)-(?P<day2>\d\d)",  # 2022-03-29
)]


def dateline(title: str, summary: str) -> date | None:
    """The date that opens the summary, else the title; None without one."""
    for text in (summary, title):
        found = _opening_date(fold((text or "")[:160])[:120])
        if found is not None:
            return found
    return None


def _opening_date(text: str) -> date | None:
    for form in _FORMS:
        m = form.match(text)
        if m is None:
            continue
        parts = m.groupdict()
        month = int(parts["mon"]) if parts.get("mon") else _MONTHS.get(parts.get("month") or "")
        day = parts.get("day") or parts.get("day2")
        if not month or not day:
            continue
        try:
            return date(int(parts["year"]), month, int(day))
        except ValueError:
            continue
    return None


def stated_time(item: Item) -> datetime | None:
    """For an item without a date of its own: noon UTC of the day its dateline gives."""
    day = dateline(item.title, item.summary)
    return datetime(day.year, day.month, day.day, 12, tzinfo=UTC) if day else None
