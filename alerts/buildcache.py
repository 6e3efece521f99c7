"""Things built once and kept on disk, keyed by what they are built from (issue #17).

A process that needs the knowledge base's automata, the event lexicon or the knowledge that a
configuration passed its schema reads them from the cache folder instead of building or
checking them again, as long as the data and the code that built them are the same (the
key). A file anyone but this user could have written is never read: a pickle is code to
Python's unpickler. Without a usable cache folder (a read-only home), everything is built
each time and nothing is lost.
"""

from __future__ import annotations

import gc
import hashlib
import os
import pickle
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import BinaryIO, TypeVar, cast

T = TypeVar("T")
PACKAGE = Path(__file__).resolve().parent


def cache_root() -> Path:
    """systemd's CacheDirectory= (a hardened unit's home is read-only), else the XDG one."""
    service = os.environ.get("CACHE_DIRECTORY", "").split(":")[0]
    if service:
        return Path(service)
    base = os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
    return Path(base) / "alerts"


def owned(path: Path) -> bool:
    """A file this user owns and no one else may write (as ssh treats its keys): the only
    kind of cache file that is believed."""
    try:
        info = path.stat()
    except OSError:
        return False
    return info.st_uid == os.getuid() and not info.st_mode & 0o022


def code_digest(modules: Iterable[str]) -> bytes:
    """The digest of these modules of the package (paths under alerts/) as they are now.
    Take it once, at import: a process still running old code after an upgrade must not file
    what it builds under the new code's key. Unreadable code gives a key no other process
    shares."""
    digest = hashlib.blake2b(digest_size=16)
    for module in modules:
        try:
            digest.update(module.encode() + b"\0" + (PACKAGE / module).read_bytes())
        except OSError:
            digest.update(f"{os.getpid()}\0{module}".encode())
    return digest.digest()


def _write_private(path: Path, write: Callable[[BinaryIO], object]) -> None:
    """`path` written by `write` whole or not at all, readable and writable by this user
    only."""
    partial = path.with_suffix(f".{os.getpid()}.tmp")
    try:
        with open(os.open(partial, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600), "wb") as file:
            write(file)
        partial.replace(path)
    finally:
        partial.unlink(missing_ok=True)


def _prune(folder: Path, name: str, suffix: str, keep: int) -> None:
    """The `keep` most recent files of this name kept, the others (older data or code)
    removed."""
    found = sorted(folder.glob(f"{name}.*{suffix}"), key=lambda p: p.stat().st_mtime,
                   reverse=True)
    for old in found[keep:]:
        old.unlink(missing_ok=True)


# Set in a child process started by `built(..., child=...)`: build and store here.
IN_CHILD = "ALERTS_BUILD_HERE"
CHILD_TIMEOUT = 600.0  # seconds a child gets to build and store (the knowledge base: ~10 s)


# Set by `short_lived()`: what is read is frozen out of the cyclic collector's sight.
_freeze_loaded = False


def short_lived() -> None:
    """This process ends after one run (`poll --once`): what it reads from the cache lives
    until then, so once read it is left out of the cyclic collector's walks (`gc.freeze`,
    with every other object alive at that moment). The knowledge base is about 800,000
    objects: each full collection after it walked them all, and three took ~55 ms of a
    steady-state poll's ~1.8 s. Not for a long-lived process: the cycles among frozen
    objects would never be collected when it lets them go."""
    global _freeze_loaded
    _freeze_loaded = True


def _load(file: BinaryIO) -> object:
    """pickle.load with the cyclic collector paused: the allocations of a large unpickling
    (the knowledge base) set off collections that walk every object alive, and none of
    them can find garbage in what is being built."""
    paused = gc.isenabled()
    gc.disable()
    try:
        return pickle.load(file)
    finally:
        if paused:
            gc.enable()
        if _freeze_loaded:
            gc.freeze()


def _read(cached: Path, kind: type) -> object | None:
    if owned(cached):
        try:
            with cached.open("rb") as file:
                found = _load(file)
            if isinstance(found, kind):
                return found
        except Exception:  # a broken or foreign file (another version): build it again
            pass
    return None


def _build_in_child(child: tuple[str, ...]) -> bool:
    """`child` = (module, function, *string arguments) run in a fresh Python process that
    builds and stores the thing itself (IN_CHILD set); whether it ended well."""
    import subprocess
    import sys

    if not sys.executable:
        return False
    module, function, *arguments = child
    code = (f"import sys; from importlib import import_module; "
            f"getattr(import_module({module!r}), {function!r})(*sys.argv[1:])")
    try:
        done = subprocess.run([sys.executable, "-c", code, *arguments],
                              env=os.environ | {IN_CHILD: "1"}, stdin=subprocess.DEVNULL,
                              capture_output=True, timeout=CHILD_TIMEOUT, check=False)
    except (OSError, subprocess.SubprocessError):
        return False
    return done.returncode == 0


def built(folder: Path, name: str, key: str, build: Callable[[], T], kind: type,
          keep: int = 3, child: tuple[str, ...] | None = None) -> T:
    """What `build()` makes, read from `folder/name.key.pickle` when it is there, owned by
    this user and of the expected `kind`; built and stored otherwise (the `keep` most
    recent of this name are kept). A broken or foreign file is built again.

    With `child` (module, function, *string arguments: a call that reaches this `built`
    with the same key in a fresh process), a missing file is built and stored by that call
    in a child process and read back here; only if that fails is it built here. For what
    holds pyahocorasick automata: pickling one leaks the whole pickled dump and keeps its
    values alive (pyahocorasick 2.3.1, issue WojciechMula/pyahocorasick#219), which in a
    daemon that built its knowledge base was about 14 MiB held for good, more at each
    rebuild; and the build's own garbage stays out of a long-lived process too."""
    cached = folder / f"{name}.{key}.pickle"
    found = _read(cached, kind)
    if found is not None:
        return cast(T, found)
    if child is not None and not os.environ.get(IN_CHILD) and _build_in_child(child):
        found = _read(cached, kind)
        if found is not None:
            return cast(T, found)
    made = build()
    try:
        folder.mkdir(parents=True, exist_ok=True)
        _write_private(cached, lambda file: pickle.dump(made, file,
                                                        protocol=pickle.HIGHEST_PROTOCOL))
        _prune(folder, name, ".pickle", keep)
    except OSError:
        pass  # a read-only home (a hardened service without CacheDirectory=): built each time
    except (pickle.PicklingError, TypeError, AttributeError):
        pass  # something in it cannot be stored (a loader added later): built each time
    return made


def marked(folder: Path, name: str, key: str) -> bool:
    """Whether `mark` recorded this key (in a file only this user could have written)."""
    return owned(folder / f"{name}.{key}.ok")


def mark(folder: Path, name: str, key: str, keep: int = 8) -> None:
    """Record that the thing keyed `key` passed its check; quietly nothing when the cache
    folder cannot be written."""
    try:
        folder.mkdir(parents=True, exist_ok=True)
        _write_private(folder / f"{name}.{key}.ok", lambda file: None)
        _prune(folder, name, ".ok", keep)
    except OSError:
        pass
