"""Folding (alerts.fold): the marks deleted by the fast character class are exactly those of
the table, for every code point, beside and after letters."""

from __future__ import annotations

import random
import unicodedata

from alerts.fold import _combining_marks, _simplified, fold


def by_table(text: str) -> str:
    """fold() as first written: every combining mark deleted through the translate table,
    and every traditional Chinese character made simplified (whatever the text holds)."""
    if text.isascii():
        return text.lower()
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    stripped = decomposed.translate(_combining_marks())
    folded = unicodedata.normalize("NFC", stripped).replace("ı", "i")
    return folded.translate(_simplified())


def test_every_code_point_folds_as_the_table_says():
    for cp in range(0x80, 0x30000):
        if unicodedata.category(chr(cp)) == "Cs":
            continue  # lone surrogates are no text
        text = f"a{chr(cp)}é"
        assert fold(text) == by_table(text), hex(cp)


def test_mixed_text_folds_as_the_table_says():
    rng = random.Random(3)
    for _ in range(5000):
        text = "".join(chr(rng.choice([rng.randrange(0x20, 0x7f), rng.randrange(0x80, 0x3000),
                                       rng.randrange(0x300, 0x370),
                                       rng.randrange(0x1f300, 0x1f600)]))
                       for _ in range(12))
        text = "".join(c for c in text if unicodedata.category(c) != "Cs")
        assert fold(text) == by_table(text), repr(text)
    assert fold("Élysée, Erdoğan, Ёлка, 🙂 café") == "elysee, erdogan, елка, 🙂 cafe"


def test_token_text_skips_the_arabic_table_only_where_it_changes_nothing():
    from alerts.knowledge import phrases

    def by_table(text: str) -> str:
        folded = fold(text)
        if not folded.isascii():
            folded = folded.translate(phrases._ARABIC_FORMS)
        return " " + phrases._NON_WORD.sub(" ", folded).strip() + " "

    rng = random.Random(7)
    letters = [*"ab ,.é", "\u0649", "\u0629", "\u0640", "\u0671", "\u064a", "\u0647", "\u0627",
               "\u0628", "Ж"]
    for _ in range(3000):
        text = "".join(rng.choice(letters) for _ in range(rng.randrange(1, 14)))
        assert phrases.token_text(text) == by_table(text), repr(text)
    assert phrases.token_text("السعودية مصطفى") == " السعوديه مصطفي "
