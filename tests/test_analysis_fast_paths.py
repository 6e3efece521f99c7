"""The analysis's quick paths give what its general paths give (issue #15's speed clause).

Each quick path is compared with the general one it stands in for, on written text in the
eight languages (accents, Cyrillic, Arabic, Chinese, both apostrophes, contractions) and on
every headline and summary of the labelled sets (and of a year of WSJ World News when the
shared corpus is beside the checkout). No timing here: bench/bench_analysis.py measures.
"""

from __future__ import annotations

import json
import random
from functools import cache
from pathlib import Path

import pytest

from alerts.analysis import _cuts, _short_forms
from alerts.analysis.sentences import (
    _LAST_WORD,
    _last_word,
    _read_tokens,
    lexicon_tokens,
    split_sentences,
    tokens,
)
from alerts.knowledge import knowledge_base
from alerts.knowledge.base import Entity, Mention
from alerts.quality.labelled import load_labelled

ROOT = Path(__file__).resolve().parent.parent
WSJ = ROOT.parent / "shared" / "corpus" / "wsj-world-snapshots" / "items-2025-04-to-2026-02.jsonl"

WRITTEN = [
    "",
    "   ",
    "Trump and Putin agree a ceasefire in Ukraine.",
    "Trump's envoy met Putin's aide; the U.S. didn't say when they'd meet again.",
    "DON'T SAY IT: they'D go, we can't, she won’t, he’d, it isn’t, they donʼt",
    "O'Brien's 'talks' at the UN, the US and the AU: CAR-T, AU$, PORT-AU-PRINCE",
    "UNESCO and USAID, not the UN; USA vs US",
    "snake_case words_with_underscores and 3.5 p.m. talks on 12/05",
    "Élysée: Macron reçoit Zelensky à l'Élysée, l’accord n’est pas signé",
    "Der Bundeskanzler empfängt Selenskyj; Gespräche über einen Waffenstillstand.",
    "El presidente Sánchez habló con Zelenski. ¿Habrá un alto el fuego?",
    "Путин и Зеленский договорились о прекращении огня в г. Москва",
    "Зеленський: Україна і Малі розірвали відносини. Малі країни — ні.",
    "أعلن الرئيس الأمريكي وقف إطلاق النار بين إسرائيل وإيران؟ وللرئيس",
    "普京与马克龙通话。双方同意停火！",
    "Mixed 普京Trump and 马克龙 talks",
    "Gen. Smith and Mr. Jones; EE.UU. y la ONU.\nGen\n. next",
    "Kim and Xi met; Prime Minister Abe; May 5; Trump, Kim",
    "½ and ² and ١٢ digits, ℌ letters, ﬁ ligatures",
    "“Quoted” — dashes… and Trump’s curly apostrophe, x\u00a0y, Ⓐbc, ①②, İstanbul",
    "x" * 50 + ". a.b.c.d. ..e. f",
]


@cache
def _labelled_texts() -> list[str]:
    out: list[str] = []
    for name in ("labelled", "blind", "blind2", "blind3"):
        folder = ROOT / "tests" / "data" / name
        if folder.is_dir():
            for row in load_labelled(folder):
                out += [row.item.title, row.item.summary]
    return out


def _texts() -> list[str]:
    texts = WRITTEN + _labelled_texts()
    return texts + [t[s:e] for t in texts for s, e in split_sentences(t)]


def _random_texts(count: int) -> list[str]:
    """Strings of the characters each path treats apart, in every order."""
    letters = ["a", "T", "t", "d", "D", "n", "1", "_", ".", "..", " ", "\n", "'", "’", "é",
               "Б", "中", "ال", "-", "?", "US", "UN", "Малі", "—", "“", "Ⓐ", "İ", "①"]
    rng = random.Random(15)
    return ["".join(rng.choice(letters) for _ in range(rng.randint(0, 60)))
            for _ in range(count)]


def test_tokens_quick_paths_give_the_general_reading() -> None:
    texts = _texts() + _random_texts(3000)
    assert any(t.isascii() and "'" in t for t in texts)
    different = [t for t in texts if tokens(t) != _read_tokens(t)]
    assert different == []


@pytest.mark.skipif(not WSJ.exists(), reason="the shared corpus is not beside the checkout")
def test_tokens_quick_paths_on_a_year_of_wsj() -> None:
    texts = []
    with WSJ.open(encoding="utf-8") as lines:
        for line in lines:
            row = json.loads(line)
            texts += [str(row.get(k) or "") for k in ("title", "summary", "description")]
    texts += [t[s:e] for t in texts for s, e in split_sentences(t)]
    assert [t for t in texts if tokens(t) != _read_tokens(t)] == []


def test_lexicon_tokens_remembered_are_those_read() -> None:
    for text in _texts()[:400] + _random_texts(300):
        quoted = text.translate(str.maketrans({"’": "'", "‘": "'", "ʼ": "'"}))
        assert lexicon_tokens(text) == _read_tokens(quoted)[0]
        assert lexicon_tokens(text) == _read_tokens(quoted)[0]  # from the memo


def _searched(text: str, stop: int) -> str | None:
    found = _LAST_WORD.search(text, max(0, stop - 40), stop)
    return found.group(1) if found else None


def test_last_word_read_backwards_is_the_pattern_searched() -> None:
    different = []
    for text in WRITTEN + _random_texts(1500):
        for stop in range(len(text) + 1):
            if _last_word(text, stop) != _searched(text, stop):
                different.append((text, stop))
    for text in _labelled_texts():
        for stop in (i for i, c in enumerate(text) if c == "."):
            if _last_word(text, stop) != _searched(text, stop):
                different.append((text, stop))
    assert different == []


def test_case_hits_skip_the_pattern_only_where_no_alias_is_written() -> None:
    kb = knowledge_base()
    texts = _texts() + _random_texts(2000)
    found = 0
    for text in texts:
        by_pattern = kb._case_alias_hits(text)
        found += len(by_pattern)
        assert [h for h in kb.case_hits(text) if h[1] in kb._case] == by_pattern, text
    assert found > 0  # the sample holds case aliases the pattern finds


def test_short_forms_of_an_alias_are_cut_once() -> None:
    """_cuts remembers each alias's short forms; _short_forms gives them to the item's
    bodies as it did when cutting each mention's alias in turn."""
    def cut_now(alias: str) -> list[tuple[str, ...]]:
        words = tokens(alias)[0]
        if any(len(w) == 1 and "\u4e00" <= w <= "\u9fff" for w in words):
            return []
        out = []
        for cut in [words[k:] for k in range(1, len(words))] + \
                [words[:k] for k in range(len(words) - 1, 0, -1)]:
            while cut and cut[-1] in ("of", "the", "de", "la"):
                cut = cut[:-1]
            if len(cut) >= 2 and cut[0] not in ("of", "the", "de", "la"):
                out.append(cut)
        return out

    for alias in ["UN Security Council", "Consejo de Seguridad de la ONU",
                  "United States of America", "联合国安理会", "Rada", "Совет Безопасности ООН"]:
        assert list(_cuts(alias)) == cut_now(alias), alias
    body = Entity("UN", "country", "United Nations")
    person = Entity("p", "person", "Someone")
    mentions = (Mention(body, "UN Security Council", 0, "name"),
                Mention(person, "Prime Minister Someone Else", 30, "name"))
    assert _short_forms(mentions) == {("security", "council"): mentions[0],
                                      ("un", "security"): mentions[0]}


def test_hits_in_a_stretch_of_a_scanned_text_are_the_stretch_own() -> None:
    """KnowledgeBase._hits takes a sentence's automaton hits from its item's text scanned
    before; they must be those both automatons find in the sentence itself, in order, for
    every stretch of the text (sentences, and stretches cut anywhere)."""
    from alerts.analysis import _token_string
    from alerts.knowledge.phrases import token_text

    kb = knowledge_base()
    rng = random.Random(17)
    taken = scanned = 0
    for text in WRITTEN + _labelled_texts():
        whole = token_text(text)
        kb._scans = ()
        kb._hits(whole)
        stretches = [_token_string(tokens(text[s:e])[0])[0] for s, e in split_sentences(text)]
        for _ in range(6):
            a = rng.randrange(len(whole))
            stretches.append(whole[a:rng.randint(a, len(whole))])
        for stretch in stretches:
            if any(stretch in remembered for remembered, _, _ in kb._scans):
                taken += 1
            else:
                scanned += 1
            got = kb._hits(stretch)
            assert got == (list(kb._names.find(stretch)), list(kb._offices.find(stretch))), \
                (text, stretch)
    assert taken > 1000 and scanned > 0
