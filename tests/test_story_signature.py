"""Word signatures and link keys of stories (#17: computed cheaply, compared exactly).

Signatures and band keys are stored with each story: a signature computed after an upgrade
must equal the one computed before, or reports of one event would stop joining their story
(migration 0029 recomputed the stored ones when the scheme changed to one 64-bit hash per
word pair). The known values below pin the scheme; the reference below says what it is.
"""

from __future__ import annotations

import hashlib
import random
import statistics
from itertools import pairwise

import pytest

from alerts.stories import (
    _DONORS,
    _PLAIN_LINK,
    MIN_SHINGLES,
    PERMUTATIONS,
    SIMILAR,
    _grams,
    _split_link_key,
    bands,
    item_signature,
    link_key,
    signature,
    similarity,
    text_key,
)

# sha256 (first 16 hex digits) of repr(signature) and of repr(bands), as computed by the
# one-permutation signature of 6 Dec 2026 (migration 0029).
KNOWN = [
    ("Macron and Putin speak by phone for the first time since 2022, Elysee says",
     "5dff0b63cf514cb1", "284d79ac4cb44d5c"),
    ("Le cessez-le-feu entre Israël et le Hamas entre en vigueur à Gaza dimanche matin",
     "98c501430229d9f0", "c504560a3264da58"),
    ("Россия и Украина договорились о прекращении огня на Пасху, заявил Кремль в воскресенье",
     "cf7e98dfeb72abda", "6f1baedcb9d604aa"),
    (" ".join(f"word{i}" for i in range(150)),  # more word pairs than lanes
     "0e949446b64a5c1e", "fd93d0ef2f7b7f3b"),
]


def _digest(value: object) -> str:
    return hashlib.sha256(repr(value).encode()).hexdigest()[:16]


@pytest.mark.parametrize(("text", "sig_digest", "bands_digest"), KNOWN)
def test_signature_and_bands_are_those_stored(text, sig_digest, bands_digest):
    sig = signature(text)
    assert sig is not None and len(sig) == PERMUTATIONS
    assert _digest(sig) == sig_digest
    assert _digest(bands(sig)) == bands_digest


def _reference(text: str) -> tuple[int, ...] | None:
    """The scheme written out plainly: each word pair's blake2b-64 (little-endian) picks a
    lane with its top 6 bits and is worth its low 32 bits there; a lane keeps its least
    value; an empty lane takes the value of the first lane in its donor order that holds
    one (donors: the other lanes, sorted by blake2b-64 of "lane:other")."""
    from alerts.fold import fold

    words = [w for w in __import__("re").findall(r"[^\W_]+", fold(text))]
    grams = {f"{a} {b}" for a, b in pairwise(words)} if len(words) > 1 else set(words)
    if len(grams) < MIN_SHINGLES:
        return None
    lanes: dict[int, int] = {}
    for gram in grams:
        h = int.from_bytes(hashlib.blake2b(gram.encode(), digest_size=8).digest(), "little")
        lane, value = h >> 58, h & 0xFFFFFFFF
        lanes[lane] = min(value, lanes.get(lane, value))

    def donors(lane: int) -> list[int]:
        return sorted((o for o in range(64) if o != lane), key=lambda o: hashlib.blake2b(
            f"{lane}:{o}".encode(), digest_size=8).digest())
    return tuple(lanes[i] if i in lanes else next(lanes[d] for d in donors(i) if d in lanes)
                 for i in range(64))


def test_signature_is_the_written_out_scheme():
    rng = random.Random(17)
    words = [f"w{n}" for n in range(300)] + ["cessez-le-feu", "перемирие", "停火", "Gaza"]
    for _ in range(300):
        text = " ".join(rng.choices(words, k=rng.randrange(1, 200)))
        assert signature(text) == _reference(text), text


def test_each_lane_has_its_own_fixed_order_of_donors():
    for lane, order in enumerate(_DONORS):
        assert sorted(order) == [o for o in range(PERMUTATIONS) if o != lane]
    assert len(set(_DONORS)) == PERMUTATIONS  # not one order shared (that would correlate)
    assert _digest(_DONORS) == "02e88d96d4b05c2f"


def test_the_share_of_equal_lanes_estimates_the_word_pairs_in_common():
    # Pairs of texts with known overlap (Jaccard of their word pairs from 0.1 to 1): the
    # estimate is unbiased and close, and the join decision at SIMILAR rarely differs from
    # the exact one away from the threshold.
    rng = random.Random(3)
    vocabulary = [f"v{n}" for n in range(5000)]
    errors, wrong = [], 0
    for _ in range(400):
        words = rng.choices(vocabulary, k=rng.randint(12, 80))
        p = rng.uniform(0.0, 0.5)
        other = [rng.choice(vocabulary) if rng.random() < p else w for w in words]
        one, two = " ".join(words), " ".join(other)
        g1, g2 = _grams(one), _grams(two)
        exact = len(g1 & g2) / len(g1 | g2)
        a, b = signature(one), signature(two)
        assert a is not None and b is not None
        estimate = similarity(a, b)
        errors.append(estimate - exact)
        if abs(exact - SIMILAR) > 0.15:
            wrong += (estimate >= SIMILAR) != (exact >= SIMILAR)
    assert abs(statistics.mean(errors)) < 0.015
    assert statistics.mean(abs(e) for e in errors) < 0.05
    assert wrong <= 2


def test_close_texts_share_a_band_and_far_ones_do_not():
    rng = random.Random(4)
    vocabulary = [f"v{n}" for n in range(5000)]
    close_missed = far_shared = 0
    for _ in range(300):
        words = rng.choices(vocabulary, k=60)
        near = [rng.choice(vocabulary) if rng.random() < 0.03 else w for w in words]
        far = rng.choices(vocabulary, k=60)
        sig, sig_near, sig_far = signature(" ".join(words)), signature(" ".join(near)), \
            signature(" ".join(far))
        close_missed += not set(bands(sig)) & set(bands(sig_near))
        far_shared += bool(set(bands(sig)) & set(bands(sig_far)))
    assert close_missed <= 3
    assert far_shared == 0


def test_word_pairs_are_the_grams():
    assert _grams("") == set()
    assert _grams("gaza") == {"gaza"}
    assert _grams("a b a b") == {"a b", "b a"}


def test_short_texts_have_no_signature():
    assert signature(" ".join(f"w{i}" for i in range(MIN_SHINGLES))) is None  # 7 pairs
    assert signature(" ".join(f"w{i}" for i in range(MIN_SHINGLES + 1))) is not None


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
