"""What each further way of storing less would save (#17), measured on the states
`bench_state_size.py` leaves (BENCH_KEEP=DIR), and the text compression also on real items.

    BENCH_KEEP=/tmp/keep .venv/bin/python bench/bench_state_size.py
    .venv/bin/python bench/state_candidates.py /tmp/keep   # bench/results/state_candidates.md

Each candidate is applied alone to a copy of the vacuumed state with SQL that stores what it
would store (an integer feed id in place of the URL, 8 bytes in place of an ISO time, a
compressed text...), then the copy is vacuumed again: the bytes per item it saves, tables and
indexes included. None of these copies is readable by the program; they only measure.
The text compression is zlib (raw deflate, level 9) of the item's title, summary and full
text together, alone and with a preset dictionary of the most frequent words and word pairs
of the written labelled set (tests/data/labelled/*.yaml: the project's own wording, not a
corpus; up to 32 KiB); on the bench's items and on the 24,846 real items of the labelled
real set (tests/data/real, read from ../shared/corpus when present).
"""

from __future__ import annotations

import collections
import itertools
import re
import shutil
import sqlite3
import struct
import sys
import zlib
from collections.abc import Callable
from datetime import datetime
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

from report import publish  # noqa: E402

from alerts.state.compact import exact_moment  # noqa: E402


def dictionary(size: int = 32768) -> bytes:
    """The most frequent words and word pairs (three or more times) of the written labelled
    set, the most frequent last (zlib reaches the end of a dictionary most cheaply)."""
    words: collections.Counter[str] = collections.Counter()
    pairs: collections.Counter[str] = collections.Counter()
    for path in sorted((ROOT / "tests" / "data" / "labelled").glob("*.yaml")):
        for entry in yaml.safe_load(path.read_text("utf-8")):
            for text in (entry["title"], entry["summary"]):
                tokens = re.findall(r"\w+|[^\w\s]", text)
                words.update(tokens)
                pairs.update(" ".join(p) for p in itertools.pairwise(tokens))
    pool: dict[str, float] = dict(words)
    pool.update({k: v * 1.5 for k, v in pairs.items() if v >= 3})
    chosen, used = [], 0
    for word, _ in sorted(pool.items(), key=lambda kv: (-kv[1] * len(kv[0]), kv[0])):
        if used + len(word.encode()) + 1 > size:
            break
        chosen.append(word)
        used += len(word.encode()) + 1
    return " ".join(reversed(chosen)).encode()


def deflated(data: bytes, zdict: bytes | None = None) -> bytes:
    """Raw deflate, one tag byte in front; the text as it is when that is shorter."""
    packer = zlib.compressobj(9, zlib.DEFLATED, -15, 9, **({"zdict": zdict} if zdict else {}))
    packed = packer.compress(data) + packer.flush()
    return b"\x01" + packed if len(packed) < len(data) else b"\x00" + data


def joined(title: str | None, summary: str | None, content: str | None) -> bytes:
    return "\x1f".join((title or "", summary or "", content or "")).encode("utf-8",
                                                                          "surrogatepass")


def size(db: Path, items: int) -> float:
    out = db.with_suffix(".v.db")
    out.unlink(missing_ok=True)
    with sqlite3.connect(db) as conn:
        conn.execute("VACUUM INTO ?", [str(out)])
    return out.stat().st_size / items


def micro8(text: object) -> object:
    value = exact_moment(text)
    return struct.pack(">q", value) if value is not None else text


CANDIDATES: dict[str, list[str]] = {
    "feed as a small integer id (items, story members, developments, history)": [
        "UPDATE items SET feed_url = (SELECT rowid FROM feeds WHERE url = items.feed_url)",
        "UPDATE story_members SET feed_url = (SELECT rowid FROM feeds WHERE url = "
        "story_members.feed_url)",
        "UPDATE story_developments SET feed_url = (SELECT rowid FROM feeds WHERE url = "
        "story_developments.feed_url)"],
    "link left out when it is the GUID (after 0019)": [
        "UPDATE items SET link = NULL WHERE link = substr(key, 3) AND guid IS NULL"],
    "item text zlib per row": [
        "UPDATE items SET summary = c_plain(title, summary, content), title = '', content = ''"],
    "item text zlib with the dictionary": [
        "UPDATE items SET summary = c_dict(title, summary, content), title = '', content = ''"],
    "story members refer to their item by id": [
        "UPDATE story_members SET feed_url = '', item_key = (SELECT id FROM items i WHERE "
        "i.feed_url = story_members.feed_url AND i.key = story_members.item_key) "
        "WHERE EXISTS (SELECT 1 FROM items i WHERE i.feed_url = story_members.feed_url "
        "AND i.key = story_members.item_key)"],
    "one story member per report, not per rule": [
        "DELETE FROM story_members WHERE id NOT IN (SELECT min(id) FROM story_members "
        "GROUP BY story_id, feed_url, item_key)"],
    "matches.matched_at as 8 bytes": ["UPDATE matches SET matched_at = micro8(matched_at)"],
    "queued alerts' rendered subject left out (rendered again when sent)": [
        "UPDATE outbox SET title = ''"],
}


def measure(state: Path, work: Path, zdict: bytes) -> list[str]:
    with sqlite3.connect(state) as conn:
        items = conn.execute("SELECT count(*) FROM items").fetchone()[0]
    base = size(state, items)
    lines = [f"Measured state: {base:,.0f} bytes per item ({items:,} items).", "",
             "| candidate | bytes per item saved | then |", "|---|---:|---:|"]
    functions: dict[str, Callable[..., object]] = {
        "c_plain": lambda t, s, c: deflated(joined(t, s, c)),
        "c_dict": lambda t, s, c: deflated(joined(t, s, c), zdict),
        "micro8": micro8}
    for name, statements in CANDIDATES.items():
        copy = work / "candidate.db"
        shutil.copy(state, copy)
        with sqlite3.connect(copy) as conn:
            for fname, fn in functions.items():
                conn.create_function(fname, -1, fn)
            for sql in statements:
                conn.execute(sql)
        after = size(copy, items)
        lines.append(f"| {name} | {base - after:,.0f} | {after:,.0f} |")
    return lines


def real_items() -> list[tuple[str, str, str]]:
    corpus = ROOT.parent / "shared" / "corpus"
    if not corpus.is_dir():
        return []
    from alerts.quality.real import load_items, load_set

    return [(i.title, i.summary, i.content) for i in load_items(corpus, load_set()).values()]


def text_lines(label: str, texts: list[tuple[str, str, str]], zdict: bytes) -> str:
    raw = sum(len(joined(*t)) for t in texts) / len(texts)
    plain = sum(len(deflated(joined(*t))) for t in texts) / len(texts)
    with_dict = sum(len(deflated(joined(*t), zdict)) for t in texts) / len(texts)
    return (f"| {label} | {len(texts):,} | {raw:,.0f} | {plain:,.0f} ({plain / raw:.0%}) | "
            f"{with_dict:,.0f} ({with_dict / raw:.0%}) |")


def main(keep: Path) -> None:
    zdict = dictionary()
    work = keep / "candidates"
    work.mkdir(exist_ok=True)
    sections = [f"What each further way of storing less would save (`bench/state_candidates.py`"
                f", {datetime.now().date()}), on the states of `bench_state_size.py`.", ""]
    bench_texts: list[tuple[str, str, str]] = []
    for name, label in (("shipped", "shipped rules"), ("1000", "1,000 generated rules")):
        state = keep / f"{name}.vacuumed.db"
        sections += [f"### {label}", "", *measure(state, work, zdict), ""]
        if not bench_texts:
            with sqlite3.connect(state) as conn:
                bench_texts = conn.execute(
                    "SELECT title, summary, coalesce(content, '') FROM items").fetchall()
    sections += ["### Item text compressed (title, summary and full text together)", "",
                 f"Dictionary: {len(zdict):,} bytes from tests/data/labelled (written set).", "",
                 "| items | count | bytes raw | zlib per row | zlib with the dictionary |",
                 "|---|---:|---:|---:|---:|",
                 text_lines("bench (synthetic words)", bench_texts, zdict)]
    real = real_items()
    if real:
        sections.append(text_lines("real labelled set (24 outlets' items)", real, zdict))
    publish("state_candidates", "\n".join(sections))


if __name__ == "__main__":
    main(Path(sys.argv[1]))
