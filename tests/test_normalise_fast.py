"""Short ways through normalise (issue #17) give what the long ones give: a plain absolute
link is its own canonical form, simple markup loses its tags as html.parser takes them off,
and whitespace folds the same with str.split."""

from __future__ import annotations

import random
import re

import pytest

import alerts.normalise as normalise
from alerts.normalise import _clean, canonical_link
from tests.conftest import CORPUS

BASES = [None, "http://127.0.0.1:9/corpus/x.xml", "https://feeds.example.org/a/b.rss",
         "http://h/"]
EDGES = [
    "https://h/a/../b", "https://h//a", "https://h/./a", "http://h", "https://h/", "https://h.",
    "https://-h/", "https://h/a%2F..%2Fb", "https://h/a.", "https://h/..", "http://h/a//../b",
    "https://1.2.3.4/x", "https://xn--d1acufc.xn--p1ai/a", "https://a_b.example/x",
    "https://h/~user/x.html", "HTTPS://H.example/A", "https://h.example:443/a",
    "https://h.example/a?utm_source=x", "https://h.example/a#top", " https://h.example/a ",
    "https://h.example/" + "a" * 3000, "https://h.example/a b", "https://h.example/\u202ea",
    "https://" + "h" * 300 + ".example/", "https://h.example/a;p=1", "https://user@h.example/",
]


def long_way(function, *args):  # type: ignore[no-untyped-def]
    """`function` with normalise's short ways closed."""
    normalise._SHORT_WAYS = False
    try:
        return function(*args)
    finally:
        normalise._SHORT_WAYS = True


def corpus_links() -> set[str]:
    found: set[str] = set()
    for path in sorted(CORPUS.rglob("*")):
        if path.is_file() and path.stat().st_size < 3_000_000:
            text = path.read_text("utf-8", "ignore")
            found.update(re.findall(r"""https?://[^\s<>"'\]\[)(]+""", text))
    return found


def test_edge_links_are_canonical_the_long_way():
    for link in EDGES:
        for base in BASES:
            assert canonical_link(link, base) == long_way(canonical_link, link, base), (link, base)
    assert canonical_link("http://h.example") == "http://h.example/"


@pytest.mark.sweep
@pytest.mark.skipif(not CORPUS.is_dir(), reason="shared corpus (../shared) not present")
def test_every_link_of_the_corpus_is_canonical_the_long_way():
    links = corpus_links()
    short = 0
    for link in links:
        for base in BASES:
            assert canonical_link(link, base) == long_way(canonical_link, link, base), (link, base)
        short += normalise._PLAIN_LINK.fullmatch(link.strip()) is not None
    assert short > len(links) / 3  # the short way is really taken


def test_whitespace_folds_as_the_regular_expression_does():
    rng = random.Random(5)
    spaces = [" ", "\t", "\n", "\r", "\x0b", "\x0c", "\x1c", "\x1f", "\x85", "\xa0", "\u1680",
              "\u2000", "\u2028", "\u2029", "\u202f", "\u205f", "\u3000", "\u200b", "\ufeff"]
    for _ in range(3000):
        text = "".join(rng.choice(spaces + list("ab\u00e9\u0416"))
                       for _ in range(rng.randrange(0, 16)))
        expected = re.sub(r"\s+", " ", normalise._patterns()[0].sub(
            normalise._control_to_space, text)).strip()
        assert _clean(text) == expected, repr(text)


HTML = [
    "<p>Talks <b>resume</b> &amp; go on</p>", "a<br/>b", "a<br>b", "<P CLASS='x'>Up</P>",
    "<a href='/x/1'>link</a> &lt;b&gt; &amp", "&amp;lt;", "&am<b></b>p;", "x &#8212; y &#x2014;",
    "<p>one</p><p>two</p>", "<div><script>bad()</script>ok</div>", "a < b", "a <3 b",
    "<!-- c -->text", "<p title=\"a>b\">x</p>", "<img src=x.png alt=photo>caption",
    "<p\n class=\"x\"\n>multi</p>", "</p>stray end", "<p/>", "<span>&nbsp;x&nbsp</span>",
    "<style>p{}</style>text", "<p>unclosed", "text &copy 2025 &notin; &noti;", "<a b='1' c>t</a>",
    "<x:tag>ns</x:tag>", "<p>a</p >b", "<br / >c", "<h1>T</h1>\n<p>Body &hellip;</p>",
    "<p>\u00a0nbsp\u00a0</p>", "<td>1</td><td>2</td>", "<p>&#0;&#x110000;&#55296;</p>",
]


def test_markup_loses_its_tags_as_html_parser_takes_them_off():
    from alerts.normalise import html_to_text

    rng = random.Random(11)
    pieces = ["<p>", "</p>", "<b>", "</b>", "<br/>", "<a href='/x'>", "</a>", "<div class=\"c\">",
              "</div>", "&amp;", "&lt;", "&#233;", "&eacute;", "&nbsp;", "& ", " < ", ">", "text",
              " words ", "\n", "&am", "p;", "<i>", "</i>", "<li>", "<script>", "</script>",
              "<!--", "-->", "<?x?>", "<p title='a'>", "<P>", "</P >"]
    cases = HTML + ["".join(rng.choice(pieces) for _ in range(rng.randrange(1, 12)))
                    for _ in range(4000)]
    short = 0
    for value in cases:
        assert html_to_text(value) == long_way(html_to_text, value), repr(value)
        short += normalise._simple_text(value) is not None
    assert short > len(cases) / 4  # the short way is really taken


@pytest.mark.sweep
@pytest.mark.skipif(not CORPUS.is_dir(), reason="shared corpus (../shared) not present")
def test_the_markup_of_every_corpus_feed_loses_its_tags_as_html_parser_takes_them_off():
    """Every title, summary and content feedparser reads in the corpus (escaped markup and
    CDATA alike, as the fields reach html_to_text)."""
    from alerts.normalise import html_to_text
    from alerts.parseworker import parse_bytes
    from tests.test_sweep import corpus_feeds

    values: set[str] = set()
    for path in corpus_feeds():
        try:
            parsed = parse_bytes(path.read_bytes(), "http://127.0.0.1:9/c.xml", None)
        except Exception:  # refused documents have no fields to compare
            continue
        for entry in parsed.get("entries", []):
            values.update(str(entry.get(k) or "") for k in ("title", "summary"))
            values.update(str(c.get("value") or "") for c in entry.get("content") or []
                          if hasattr(c, "get"))
    short = 0
    for value in values:
        assert html_to_text(value) == long_way(html_to_text, value), repr(value[:300])
        short += normalise._simple_text(value) is not None
    assert short > 1000, short
