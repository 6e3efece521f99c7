"""The `feeds:` list of alerts.yaml, edited in place: comments, order and layout kept.

Every change is checked before it is written: the edited text is loaded by the same
`load_settings` the daemon uses (from a temporary file beside the real one, so relative
paths resolve alike), and only a configuration that loads replaces the file, atomically.
"""

from __future__ import annotations

import io
import os
import re
import tempfile
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from alerts.errors import AlertsError, FileProblems

if TYPE_CHECKING:
    from alerts.config import Settings


class FeedListError(AlertsError):
    """The change cannot be made: say what to do instead."""


@dataclass(frozen=True)
class FeedEntry:
    url: str
    name: str | None = None
    interval: str | None = None
    language: str | None = None
    tags: tuple[str, ...] = ()
    publisher: str | None = None


def _yaml() -> Any:
    from ruamel.yaml import YAML

    yaml = YAML()  # round-trip: comments, key order and quoting survive
    yaml.preserve_quotes = True
    yaml.width = 4096
    yaml.indent(mapping=2, sequence=4, offset=2)
    return yaml


class ConfigDocument:
    """alerts.yaml as a round-trip document."""

    def __init__(self, path: Path):
        self.path = path
        self.yaml = _yaml()
        try:
            self.text = path.read_text(encoding="utf-8")
        except OSError as exc:
            raise FeedListError(f"cannot read {path} ({exc.strerror}); run `alerts init` to "
                                "create a configuration, or pass --config") from None
        self.data = self.yaml.load(self.text)
        if self.data is None:
            from ruamel.yaml.comments import CommentedMap

            self.data = CommentedMap()
        if not hasattr(self.data, "get"):
            raise FeedListError(f"{path} is not a mapping of settings; fix it by hand (see "
                                "`alerts check`) before editing its feeds")

    def feeds(self) -> list[Any]:
        from ruamel.yaml.comments import CommentedSeq

        feeds = self.data.get("feeds")
        if feeds is None:
            feeds = CommentedSeq()
            self.data["feeds"] = feeds
        if not isinstance(feeds, list):
            raise FeedListError(f"{self.path}: 'feeds' is not a list; fix it by hand first")
        return feeds

    def entries(self) -> list[FeedEntry]:
        out = []
        for spec in self.feeds():
            if isinstance(spec, str):
                out.append(FeedEntry(spec))
            elif hasattr(spec, "get"):
                out.append(FeedEntry(str(spec.get("url", "")), spec.get("name"),
                                     _str(spec.get("interval")), spec.get("language"),
                                     tuple(spec.get("tags") or ()), spec.get("publisher")))
        return out

    def find(self, url_or_name: str) -> int | None:
        for i, entry in enumerate(self.entries()):
            if url_or_name in (entry.url, entry.name):
                return i
        return None

    def add(self, entries: Iterable[FeedEntry]) -> tuple[list[FeedEntry], list[FeedEntry]]:
        """Append the entries not listed yet (by URL); returns (added, already there)."""
        from ruamel.yaml.comments import CommentedMap

        feeds = self.feeds()
        known = {e.url for e in self.entries()}
        added, skipped = [], []
        for entry in entries:
            if entry.url in known:
                skipped.append(entry)
                continue
            spec = CommentedMap()
            spec["url"] = entry.url
            for key in ("name", "interval", "language", "publisher"):
                if getattr(entry, key):
                    spec[key] = getattr(entry, key)
            if entry.tags:
                spec["tags"] = list(entry.tags)
            feeds.append(spec)
            known.add(entry.url)
            added.append(entry)
        return added, skipped

    def remove(self, url_or_name: str) -> FeedEntry:
        index = self.find(url_or_name)
        if index is None:
            raise FeedListError(f"no feed with the URL or name {url_or_name!r} in {self.path}; "
                                "`alerts feeds list` shows them")
        entry = self.entries()[index]
        del self.feeds()[index]
        return entry

    def render(self) -> str:
        out = io.StringIO()
        self.yaml.dump(self.data, out)
        return out.getvalue()

    def save(self) -> None:
        """Validate the edited configuration as the daemon would, then replace the file."""
        text = self.render()
        fd, temp = tempfile.mkstemp(prefix=".alerts-", suffix=".yaml", dir=self.path.parent)
        try:
            with os.fdopen(fd, "w", encoding="utf-8") as handle:
                handle.write(text)
            try:
                load_without_secrets(Path(temp))
            except FileProblems as exc:
                raise FeedListError(
                    f"the change was not written: with it {self.path} would not load:\n"
                    + "\n".join(str(p).replace(temp, str(self.path)) for p in exc.problems)
                ) from None
            if self.path.exists():
                os.chmod(temp, self.path.stat().st_mode & 0o7777)
            os.replace(temp, self.path)
        except BaseException:
            Path(temp).unlink(missing_ok=True)
            raise


_UNSET = re.compile(r"environment variable (\w+) is not set")


def load_without_secrets(path: Path) -> Settings:
    """The settings as the daemon would load them, where ${VARIABLES} this shell lacks (the
    daemon's EnvironmentFile holds them) stand for a placeholder, in this process only."""
    from alerts.config import load_settings

    for _ in range(2):
        try:
            return load_settings(path)
        except FileProblems as exc:
            unset = {m.group(1) for p in exc.problems if (m := _UNSET.search(str(p)))}
            if not unset or len(unset) < len(exc.problems) or any(
                    name in os.environ for name in unset):
                raise
            for name in unset:
                os.environ[name] = "unset-in-this-shell"
    return load_settings(path)


def _str(value: Any) -> str | None:
    return None if value is None else str(value)
