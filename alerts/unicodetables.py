"""Tables of character properties computed from Python's unicodedata, kept in the cache
folder (issue #17).

Folding and cleaning text use character classes found by asking unicodedata about every
code point of a range: 13-16 ms each, at every start of `poll --once` that reads new items.
Each is built once per Python and kept (alerts.buildcache), under a key of the Unicode
version, Python's version and the code that builds it, so that another Python, another
Unicode or an edited builder builds it again.
"""

from __future__ import annotations

import hashlib
import marshal
import sys
import unicodedata
from collections.abc import Callable, Iterable
from types import FunctionType
from typing import TypeVar

from alerts import buildcache

T = TypeVar("T")


def key(name: str, build: Callable[[], object], uses: Iterable[Callable[..., object]] = ()
        ) -> str:
    """The key of a table: its name, the Unicode and Python versions, and the code of
    `build` and of the functions it `uses` (its bytecode, constants and names)."""
    digest = hashlib.blake2b(digest_size=16)
    for part in (name, unicodedata.unidata_version, sys.version):
        digest.update(part.encode() + b"\0")
    for function in (build, *uses):
        if not isinstance(function, FunctionType):
            raise TypeError(f"{function!r} is not a Python function: its code cannot be keyed")
        digest.update(marshal.dumps(function.__code__))
    return digest.hexdigest()


def table(name: str, build: Callable[[], T], kind: type,
          uses: Iterable[Callable[..., object]] = ()) -> T:
    """What `build()` makes (of type `kind`), read from the cache folder when this Python,
    this Unicode and this code made it before. `uses`: our functions `build` calls, whose
    code is part of the key too (build must depend on nothing else of ours)."""
    return buildcache.built(buildcache.cache_root() / "unicode", name, key(name, build, uses),
                            build, kind)
