"""Links in messages (#17: a plain link is recognised at once, and kept exactly as the full
check would keep it)."""

from __future__ import annotations

import random

from alerts.render import _PLAIN_LINK, _checked_link, safe_link


def test_a_plain_link_is_what_the_full_check_makes_of_it():
    rng = random.Random(4)
    pieces = ["a", "B9", "-", ".", "/", "//", "%2F", "%", "~", "_", ":", ":80", "?", "#", "@",
              "q=1", " ", "\t", "é", "\u200b", "<", '"', "'", "(", "*", "\x00", "[", "]"]
    links = ["https://www.example.com/a/b/", "http://x.org", "HTTPS://X.ORG/A%20B",
             "https://x.org:8080/", "https://x.org:99999/a", "https://-x.org/", "https://x./",
             "ftp://x.org/", "https://x.org/a b", " https://x.org/", "https:///x", "https://"]
    for _ in range(30000):
        scheme = rng.choice(["http://", "https://", "HTTP://", "ftp://", "", "https:/"])
        host = "".join(rng.choices(["a", "b-c", ".", "X9", "-", ":1"], k=rng.randint(0, 4)))
        path = "".join(rng.choices(pieces, k=rng.randint(0, 6)))
        links.append(f"{scheme}{host}{path}")
    plain = 0
    for link in links:
        assert safe_link(link) == _checked_link(link), link
        plain += _PLAIN_LINK.fullmatch(link) is not None
    assert plain > 300  # the quick way was taken often


def test_links_that_are_not_safe():
    assert safe_link("javascript:alert(1)") is None
    assert safe_link("https://x.org/a b") == "https://x.org/a%20b"
    assert safe_link(None) is None
