"""Giving memory back once the daemon is idle.

A poll analyses every new item once, but asks about the same text several times (matching,
the knowledge base's mentions, story grouping, the message's "who"), so each stage remembers
its last answers: folded and tokenised texts, analyses, mentions. After a first poll of 200
feeds these caches hold about 20 MiB that no later poll will ask for (the next items are
new texts). `forget_texts` empties them; the daemon calls it once its polls have been quiet
for a few seconds, empties SQLite's page cache (`shrink_database`), then hands the freed
memory back to the system (`malloc_trim`), which Python's allocator does not do by itself
for memory freed in scattered blocks. In the same trim, `forget_knowledge` lets the
knowledge base go too, when its cache file can give it back.

Only caches of pure functions of a text are emptied: an answer asked for again is computed
again, the same. Modules that were never imported are not imported for this.
"""

from __future__ import annotations

import ctypes
import ctypes.util
import gc
import sys
from pathlib import Path
from typing import Any

# (module, function): functools.lru_cache'd functions of a text or a word.
_LRU = (("alerts.fold", "fold"), ("alerts.knowledge.phrases", "token_text"),
        ("alerts.analysis.sentences", "fold_token"),
        ("alerts.analysis.lexicon", "arabic_candidates"), ("alerts.stories", "_decode"))


def forget_texts() -> int:
    """Empty the per-text caches; how many entries they held."""
    dropped = 0
    for module_name, name in _LRU:
        function = getattr(sys.modules.get(module_name), name, None)
        if function is not None and hasattr(function, "cache_clear"):
            dropped += function.cache_info().currsize
            function.cache_clear()
    analysis = sys.modules.get("alerts.analysis")
    if analysis is not None:
        with analysis._lock:
            dropped += len(analysis._cache)
            analysis._cache.clear()
    base = sys.modules.get("alerts.knowledge.base")
    if base is not None:
        with base._lock:
            bases = list(base._instances.values())
        for kb in bases:
            dropped += len(kb._recent)
            kb._recent.clear()
    return dropped


def forget_knowledge() -> bool:
    """Let the knowledge base go (about 30 MiB of phrase automata and entities) when it can
    be read back from its cache file: the next text that needs it loads it again in about
    a fifth of a second, the same. Kept when there is no readable cache (building it again
    would cost seconds). Whether it was let go."""
    base = sys.modules.get("alerts.knowledge.base")
    if base is None:
        return False
    with base._lock:
        if not base._instances:
            return False
        for chosen, _ in base._instances:  # (str(folder) or "None", its stamp)
            folder = None if chosen == "None" else Path(chosen)
            try:
                cached = base._cache_dir() / f"built.{base._built_key(folder)}.pickle"
            except OSError:
                return False
            if not base._readable_cache(cached):
                return False
        base._instances.clear()
    return True


def forget_lexicon() -> bool:
    """Let the event lexicon go (about 3 MiB, read during the first analysis of a poll) when
    its cache file can give it back, the same, in a few milliseconds. Kept otherwise (building
    it again takes seconds). Whether it was let go."""
    module = sys.modules.get("alerts.analysis.lexicon")
    if module is None or module.lexicon.cache_info().currsize == 0:
        return False
    from alerts import buildcache

    try:
        key = module.built_key(module.frames_text(), module._CODE_DIGEST)
        cached = buildcache.cache_root() / "analysis" / f"lexicon.{key}.pickle"
    except OSError:
        return False
    if not buildcache.owned(cached):
        return False
    module.lexicon.cache_clear()
    return True


def shrink_database(store: object) -> bool:
    """SQLite's page cache of the store's connection handed back (`PRAGMA shrink_memory`,
    up to its 2 MiB): the next poll reads the pages it needs again, from the system's file
    cache. Whether the store has a connection to shrink."""
    conn = getattr(store, "conn", None)
    if conn is None:
        return False
    import sqlite3

    try:
        conn.execute("PRAGMA shrink_memory")
    except sqlite3.Error:  # a cache: nothing is lost if it stays
        return False
    return True


def give_back() -> None:
    """Collect cycles, then return free heap memory to the system (glibc only)."""
    gc.collect()
    trim = _malloc_trim()
    if trim is not None:
        trim(0)


def _malloc_trim() -> Any:
    if not sys.platform.startswith("linux"):
        return None
    try:
        libc = ctypes.CDLL(ctypes.util.find_library("c") or "libc.so.6")
        return libc.malloc_trim
    except (OSError, AttributeError):  # not glibc (musl has no malloc_trim)
        return None
