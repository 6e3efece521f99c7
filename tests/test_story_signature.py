"""Word signatures and link keys of stories (#17: computed faster, never differently).

Signatures and band keys are stored with each story: a signature computed after an upgrade
must equal the one computed before, or reports of one event would stop joining their story.
"""

from __future__ import annotations

import hashlib
import random
import struct

import pytest

from alerts.stories import (
    _PLAIN_LINK,
    MAX_SHINGLES,
    PERMUTATIONS,
    _gram_hashes,
    _lane_minima,
    _split_link_key,
    bands,
    item_signature,
    link_key,
    signature,
    text_key,
)

LANES = struct.Struct(f"<{PERMUTATIONS}I")

# sha256 (first 16 hex digits) of repr(signature) and of repr(bands), as computed by the
# signature of 5 Dec 2026 (the per-lane minimum taken with map(min, *unpacked digests)).
KNOWN = [
    ("Macron and Putin speak by phone for the first time since 2022, Elysee says",
     "bdd704c6101d3c80", "214f771cebc34f13"),
    ("Le cessez-le-feu entre Israël et le Hamas entre en vigueur à Gaza dimanche matin",
     "446b648035487afa", "b6bda99a9021b33a"),
    ("Россия и Украина договорились о прекращении огня на Пасху, заявил Кремль в воскресенье",
     "cd532dfbc902dd42", "ee0a748f24c0f5f9"),
    (" ".join(f"word{i}" for i in range(150)),  # more word pairs than MAX_SHINGLES
     "6e61687c23cc480c", "f1df1a01306cae55"),
]


def _digest(value: object) -> str:
    return hashlib.sha256(repr(value).encode()).hexdigest()[:16]


@pytest.mark.parametrize(("text", "sig_digest", "bands_digest"), KNOWN)
def test_signature_and_bands_are_those_stored_before(text, sig_digest, bands_digest):
    sig = signature(text)
    assert sig is not None and len(sig) == PERMUTATIONS
    assert _digest(sig) == sig_digest
    assert _digest(bands(sig)) == bands_digest


def test_signature_is_the_plain_minimum_of_each_lane():
    rng = random.Random(17)
    words = [f"w{n}" for n in range(300)] + ["cessez-le-feu", "перемирие", "停火", "Gaza"]
    for _ in range(200):
        text = " ".join(rng.choices(words, k=rng.randrange(1, 160)))
        digests = _gram_hashes(text)
        sig = signature(text)
        if len(digests) < 8:
            assert sig is None
            continue
        sample = sorted(digests)[:MAX_SHINGLES]
        assert sig == tuple(map(min, *map(LANES.unpack, sample)))


def test_word_pairs_are_the_grams():
    assert len(_gram_hashes("")) == 0
    assert _gram_hashes("Gaza") == [hashlib.shake_128(b"gaza").digest(LANES.size)]
    assert sorted(_gram_hashes("a b a b")) == sorted(
        hashlib.shake_128(g).digest(LANES.size) for g in (b"a b", b"b a"))


def test_lane_minima_on_every_kind_of_lane():
    # Lanes whose top bits, low bits or both decide, equal lanes, the extremes, and odd
    # counts of digests (one waits a round).
    rng = random.Random(5)
    edges = [0, 1, 0x7F, 0x80, 0xFF]
    for count in [*range(2, 12), 63, 64, 65]:
        for _ in range(20):
            digests = [bytes(rng.choice(edges) if rng.random() < 0.6 else rng.randrange(256)
                             for _ in range(LANES.size)) for _ in range(count)]
            expected = tuple(map(min, *map(LANES.unpack, digests)))
            assert LANES.unpack(_lane_minima(digests)) == expected
    assert _lane_minima([b"\x05" * LANES.size]) == b"\x05" * LANES.size


def test_a_plain_link_is_keyed_as_urlsplit_keys_it():
    rng = random.Random(9)
    pieces = ["a", "b9", "-", ".", "/", "//", "%2F", "~", "_", "x.y", "Z", "..", "/.", "ü", "?",
              "#", ":8080", "@", "q=1", " "]
    links = ["https://www.example.com/a/b/", "https://site0.example/f0-i49", "http://x.org",
             "https://www.x.org/", "https://x.org//", "https://x.org/a//", "https://www.",
             "https://www.www.x.org/A%20B/", "http://WWW.X.ORG/a", "https://x-.org/a",
             "https://x.org/a b", "https://x.org:443/a"]
    for _ in range(20000):
        host = "".join(rng.choices(["www.", "a", "b-c", ".", "x9", "-", "W"], k=rng.randint(1, 4)))
        path = "".join(rng.choices(pieces, k=rng.randint(0, 6)))
        links.append(f"{rng.choice(['http', 'https', 'HTTPS'])}://{host}{path}")
    plain = 0
    for link in links:
        try:
            expected: object = _split_link_key(link)
        except ValueError as exc:  # what urlsplit refuses, the fast path must refuse too
            expected = repr(exc)
        try:
            found: object = link_key(link)
        except ValueError as exc:
            found = repr(exc)
        assert found == expected, link
        plain += _PLAIN_LINK.fullmatch(link) is not None
    assert plain > 500  # the fast path was taken often


# Characters where folding is subtle: combining marks (alone, stacked, at either end),
# precomposed letters, Hangul jamo that compose when adjacent, compatibility forms, final
# sigma, dotless and dotted i, German sharp s, astral letters and marks, controls.
TRICKY = ["a", "E", "\u0301", "\u0327", "\u0308\u0323", "é", "Ç", "\u1100", "\u1161", "\u11a8",
          "한", "ﬁ", "Ⅻ", "\u00a0", "Σ", "ς", "ı", "İ", "ß", "ẞ", "𝐀", "\U0001d167", "😀",
          "\u200b", "\x1f", " ", ".", "Ё", "й", "ـ", "ً", "停", "火", "-", "'"]


def test_folding_does_not_reach_across_the_separators():
    from alerts.fold import fold

    rng = random.Random(21)
    for _ in range(5000):
        one = "".join(rng.choices(TRICKY, k=rng.randint(0, 6)))
        two = "".join(rng.choices(TRICKY, k=rng.randint(0, 6)))
        for separator in (" ", "\x1f"):
            assert fold(f"{one}{separator}{two}") == f"{fold(one)}{separator}{fold(two)}", (
                one, two)


def test_an_item_s_signature_and_text_key_are_those_of_its_joined_text():
    from alerts.fold import fold
    from alerts.models import Item

    rng = random.Random(22)
    words = [*TRICKY, "cessez-le-feu", "Élysée", "перемирие", "Gaza", "talks", "停火协议"]
    for n in range(400):
        title = " ".join(rng.choices(words, k=rng.randint(0, 8)))
        summary = " ".join(rng.choices(words, k=rng.randint(0, 40)))
        item = Item(feed_url="x", feed_name="x", key=str(n), guid=None, link=None,
                    title=title, summary=summary, published=None)
        assert item_signature(item) == signature(f"{title} {summary}"), (title, summary)
        assert text_key(item) == hashlib.blake2b(fold(f"{title}\x1f{summary}").encode(),
                                                 digest_size=16).hexdigest()
