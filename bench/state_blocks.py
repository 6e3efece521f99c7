"""Would items' texts store less packed together, one block per poll of a feed? (#17)

    .venv/bin/python bench/state_blocks.py      # writes bench/results/state_blocks.md

Since migration 0026 an item's summary and full text are packed one item at a time with zstd
and the state's trained dictionary (alerts.state.compact.TextPacker). The idea measured here:
pack the texts of the items a poll of one feed brings in one zstd block (with the same
dictionary), each item referring to (block, index), so that the items of one poll share
their redundancy. Nothing is changed in the state; this only counts bytes, on:

- the bench's items: the shipped-rules state of bench_state_size.py (200 feeds x 50 items,
  all new in one poll of each feed), made here the same way, and the same items cut into
  polls of 1, 2, 5 and 10 (a feed polled every few minutes brings one or two new items);
- real news, polled as it was published: the 3,540 items of WSJ World News 2025-26
  (../shared/corpus/wsj-world-snapshots), grouped by the snapshot (a poll about every two
  hours) in which each first appeared; the dictionary trained as a state trains it
  (alerts.state.textdict: at its TRAIN_AFTER-th item, from its latest items), the items
  after those counted;
- real news, a first poll of each feed: the 24 outlets of ../shared/corpus/
  fastfeedparser-realworld/news (1,071 items), every feed's items in one block.

A block costs, besides its packed bytes, a reference in each item's row (a mark, the block's
number and the item's index: REFERENCE bytes) and a row of its own (BLOCK_ROW bytes); a poll
bringing one item would be packed alone, as now. The read cost: unpacking one item's summary
alone against unpacking the block that holds it (no cache).
"""

from __future__ import annotations

import json
import os
import re
import sqlite3
import subprocess
import sys
import tempfile
import time
from collections import defaultdict
from collections.abc import Iterable
from html import unescape
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

import zstandard  # noqa: E402
from bench_cycle import ITEMS, Wire, ours, serve, write_config  # noqa: E402
from report import publish  # noqa: E402

from alerts.state.compact import LEVEL, TextPacker  # noqa: E402
from alerts.state.textdict import (  # noqa: E402
    DICTIONARY_SIZE,
    MAX_SAMPLE,
    TRAIN_AFTER,
    TRAIN_SAMPLES,
)
from tests.servers import FeedServer  # noqa: E402

CORPUS = ROOT.parent / "shared" / "corpus"
REFERENCE = 4  # a mark, the block's number (2 bytes as a varint up to 16,383) and the index
BLOCK_ROW = 6  # the block's rowid, record header and cell pointer
SEPARATOR = "\x00"


class Packer:
    """zstd as TextPacker packs with a dictionary (level, magicless frame, no checksum)."""

    def __init__(self, dictionary: bytes):
        trained = zstandard.ZstdCompressionDict(dictionary)
        params = zstandard.ZstdCompressionParameters.from_level(
            LEVEL, format=zstandard.FORMAT_ZSTD1_MAGICLESS, write_checksum=0,
            write_content_size=0, write_dict_id=0)
        self.compressor = zstandard.ZstdCompressor(dict_data=trained, compression_params=params)
        self.decompressor = zstandard.ZstdDecompressor(
            dict_data=trained, format=zstandard.FORMAT_ZSTD1_MAGICLESS)

    def alone(self, text: str) -> int:
        """Bytes stored for one text packed alone, as TextPacker stores it (its first byte
        names the dictionary; an empty text is stored empty)."""
        if not text:
            return 0
        raw = text.encode("utf-8")
        return min(len(raw), 1 + len(self.compressor.compress(raw)))

    def block(self, texts: list[str]) -> int:
        """Bytes stored for one poll's texts: alone when it brings one, else one block (its
        packed bytes and row) and a reference in each item."""
        if len(texts) < 2:
            return sum(self.alone(t) for t in texts)
        packed = self.compressor.compress(SEPARATOR.join(texts).encode("utf-8"))
        return 1 + len(packed) + BLOCK_ROW + REFERENCE * len(texts)


def train(texts: Iterable[str]) -> bytes:
    """A dictionary trained as alerts.state.textdict trains one."""
    samples: list[bytes | bytearray | memoryview] = [t.encode("utf-8")[:MAX_SAMPLE]
                                                      for t in texts if t]
    total = sum(map(len, samples))
    return zstandard.train_dictionary(min(DICTIONARY_SIZE, total // 2), samples,
                                      level=LEVEL).as_bytes()


def row(label: str, polls: list[list[str]], packer: Packer) -> str:
    n = sum(map(len, polls))
    raw = sum(len(t.encode("utf-8")) for poll in polls for t in poll)
    alone = sum(packer.alone(t) for poll in polls for t in poll)
    blocks = sum(packer.block(poll) for poll in polls)
    return (f"| {label} | {n:,} | {n / len(polls):.1f} | {raw / n:,.0f} | {alone / n:,.1f} | "
            f"{blocks / n:,.1f} | {(blocks - alone) / n:+,.1f} ({blocks / alone - 1:+.0%}) |")


HEADER = ["| texts | items | items a poll | raw | packed alone (now) | in blocks | change |",
          "|---|---:|---:|---:|---:|---:|---:|"]


def bench_state(work: Path) -> Path:
    """The shipped-rules state of bench_state_size.py (all new, one poll of each feed)."""
    from alerts.rulepack import shipped_rules_dir

    server = FeedServer()
    try:
        urls = serve(server, Wire(), ITEMS)
        config = write_config(work / "shipped.yaml", urls, shipped_rules_dir(), "shipped.db")
        result = subprocess.run(ours(config, "--backfill"), cwd=work, capture_output=True,
                                text=True, timeout=1800)
        if result.returncode not in (0, 3):
            raise SystemExit(f"alerts failed ({result.returncode}): {result.stderr[-2000:]}")
    finally:
        server.close()
    return work / "shipped.db"


def bench_rows(state: Path) -> tuple[list[str], str]:
    conn = sqlite3.connect(state)
    try:
        unpacker = TextPacker(conn)
        (dictionary,) = conn.execute("SELECT dictionary FROM text_dictionaries "
                                     "ORDER BY id DESC LIMIT 1").fetchone()
        polls: dict[tuple[int, int], list[tuple[str, str]]] = defaultdict(list)
        # Items name their feed by number (0028); titles are packed too (0033).
        for feed, first_seen, title, summary in conn.execute(
                "SELECT feed_id, first_seen, title, summary FROM items ORDER BY id"):
            polls[(feed, first_seen)].append((unpacker.unpack(title) or "",
                                              unpacker.unpack(summary) or ""))
        stored = [bytes(s) for (s,) in conn.execute(
            "SELECT summary FROM items WHERE typeof(summary) = 'blob' ORDER BY id LIMIT 50")]
    finally:
        conn.close()
    packer = Packer(bytes(dictionary))
    summaries = [[s for _, s in poll] for poll in polls.values()]
    titles = [[t for t, _ in poll] for poll in polls.values()]
    both = [[f"{t}{SEPARATOR}{s}" for t, s in poll] for poll in polls.values()]
    rows = [row("summaries, one poll of each feed", summaries, packer),
            row("titles, one poll of each feed (each packed alone since 0033)", titles,
                packer),
            row("title and summary together, one poll of each feed", both, packer)]
    for size in (1, 2, 5, 10):
        cut = [poll[i:i + size] for poll in summaries for i in range(0, len(poll), size)]
        rows.append(row(f"summaries, polls of {size} new items", cut, packer))
    return rows, read_cost(conn_path=state, stored=stored, packer=packer)


def read_cost(conn_path: Path, stored: list[bytes], packer: Packer) -> str:
    """Microseconds to read one summary: alone (TextPacker.unpack) against from its block."""
    conn = sqlite3.connect(conn_path)
    try:
        unpacker = TextPacker(conn)
        texts = [unpacker.unpack(s) or "" for s in stored]
        block = packer.compressor.compress(SEPARATOR.join(texts).encode("utf-8"))
        rounds = 2000
        start = time.perf_counter()
        for n in range(rounds):
            unpacker.unpack(stored[n % len(stored)])
        alone = time.perf_counter() - start
        start = time.perf_counter()
        for n in range(rounds):
            packer.decompressor.decompressobj().decompress(block).decode(
                "utf-8").split(SEPARATOR)[n % len(texts)]
        together = time.perf_counter() - start
    finally:
        conn.close()
    return (f"Reading one summary (the bench's, {len(texts)} in a block of {len(block):,} "
            f"bytes, no cache): alone {alone / rounds * 1e6:.1f} us, from its block "
            f"{together / rounds * 1e6:.1f} us.")


def plain(html: str | None) -> str:
    return re.sub(r"\s+", " ", unescape(re.sub(r"<[^>]+>", " ", html or ""))).strip()


def wsj_rows() -> list[str]:
    path = CORPUS / "wsj-world-snapshots" / "items-2025-04-to-2026-02.jsonl"
    if not path.exists():
        return [f"| (WSJ: {path} is missing) | | | | | | |"]
    items = [json.loads(line) for line in path.read_text("utf-8").splitlines() if line]
    items.sort(key=lambda i: (i["first_seen_utc"], i["guid"]))
    first = items[:TRAIN_AFTER]
    dictionary = train([plain(i["description"]) for i in first[-TRAIN_SAMPLES:]])
    packer = Packer(dictionary)
    polls: dict[str, list[dict[str, str]]] = defaultdict(list)
    for item in items[TRAIN_AFTER:]:
        polls[item["first_seen_commit"]].append(item)
    summaries = [[plain(i["description"]) for i in poll] for poll in polls.values()]
    titles = [[i["title"] for i in poll] for poll in polls.values()]
    return [row("WSJ summaries, by the poll that first saw them", summaries, packer),
            row("WSJ titles, by poll (each packed alone since 0033)", titles, packer)]


def outlets_rows() -> list[str]:
    from alerts.models import Feed
    from alerts.parse import parse_items

    folder = CORPUS / "fastfeedparser-realworld" / "news"
    if not folder.is_dir():
        return [f"| (outlets: {folder} is missing) | | | | | | |"]
    feeds = []
    for path in sorted(folder.iterdir()):
        url = f"https://example.test/{path.name}"
        feeds.append(parse_items(path.read_bytes(), url, "application/xml",
                                 Feed(url, path.name, 900), 1000).items)
    dictionary = train([t for items in feeds for i in items for t in (i.summary, i.content)
                        if t])
    packer = Packer(dictionary)
    return [row("24 outlets' summaries, a first poll of each feed",
                [[i.summary for i in items] for items in feeds], packer),
            row("24 outlets' full texts, a first poll of each feed",
                [[i.content for i in items if i.content] for items in feeds if
                 any(i.content for i in items)], packer)]


def main() -> None:
    with tempfile.TemporaryDirectory() as tmp:
        work = Path(os.environ.get("BENCH_KEEP") or tmp)
        work.mkdir(parents=True, exist_ok=True)
        for suffix in ("", "-wal", "-shm", ".lock", ".parse-memo.json", ".intact"):
            (work / f"shipped.db{suffix}").unlink(missing_ok=True)
        rows, cost = bench_rows(bench_state(work))
    rows += wsj_rows() + outlets_rows()
    for line in rows:
        print(line, flush=True)
    publish("state_blocks", "\n".join([
        "Bytes an item of items' texts packed alone (as stored since 0026) and packed in one "
        f"block per poll of a feed (`bench/state_blocks.py`; a block's reference {REFERENCE} "
        f"bytes an item and its row {BLOCK_ROW} bytes counted)", "", *HEADER, *rows, "",
        cost]))


if __name__ == "__main__":
    main()
