"""German spellings of names from the former Soviet Union, derived from their English ones.

German outlets transliterate Russian, Ukrainian, Belarusian, Caucasian and Central Asian
names by German rules ("Schawkat Mirsijojew", "Serdar Berdimuhamedow", "Sergej Lawrow",
"Ilham Alijew"), which the English forms of Wikidata do not match. The blind contact set of
smaller states' leaders of 7 Dec 2026 (probe85) showed dpa leads naming them so. The rules
here map the English transliteration's letters to the German ones; a name the rules do not
change gets no German form, and forms they get wrong match nothing.
"""

from __future__ import annotations

import re

# The states whose leaders' names German writes by these rules.
POST_SOVIET = frozenset({"RU", "UA", "BY", "KZ", "KG", "TJ", "TM", "UZ", "AZ", "AM", "GE",
                         "MD"})

# In order, each on the last one's result: "z" is voiced, German "s" (so "zh" becomes "sh",
# then "sch"); "ts" is German "z"; "ch" is "tsch" before "kh" becomes "ch"; "shch" is kept
# aside; "y" next to a vowel ("Mirziyoyev", "Sergey", "Ayvazyan") is "j", between two
# consonants ("Tymoshenko") it stays.
_SHCH = "\x01"
_RULES = (
    ("shch", _SHCH), ("z", "s"), ("ts", "z"), ("ch", "tsch"), ("kh", "ch"), ("sh", "sch"),
    (_SHCH, "schtsch"), ("v", "w"),
)
_Y_BY_VOWEL = re.compile(r"y(?=[aeiou])|(?<=[aeiou])y")


def german_form(name: str) -> str:
    """The German spelling of an English-transliterated name, case kept per word."""
    return " ".join(_word(w) for w in name.split(" "))


def _word(word: str) -> str:
    capital = word[:1].isupper()
    text = word.lower()
    for english, german in _RULES:
        text = text.replace(english, german)
    text = _Y_BY_VOWEL.sub("j", text)
    parts = text.split("-")
    if capital:
        parts = [p[:1].upper() + p[1:] for p in parts]
    return "-".join(parts)
