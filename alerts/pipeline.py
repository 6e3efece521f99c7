"""Poll one feed: fetch -> parse -> normalise -> match -> queue -> record."""

from __future__ import annotations

import asyncio
import contextlib
import hashlib
import logging
import os
import sys
from collections.abc import Awaitable, Callable, Iterable, Mapping, Sequence
from contextlib import AbstractContextManager
from dataclasses import dataclass, field, replace
from datetime import UTC, date, datetime, timedelta
from typing import TYPE_CHECKING, Any, Protocol

from alerts.backoff import BACKOFF_CAP, backoff_delay, fresh_for, retry_after_wait
from alerts.dateline import stated_time
from alerts.errors import FeedError
from alerts.models import Feed, FeedState, Fetched, Item, Match, PollResult
from alerts.parsememo import ParseMemo
from alerts.redact import Redactor
from alerts.routing import Composer
from alerts.rules import Rule, RuleSet
from alerts.rules.context import Evidence, MatchContext
from alerts.rules.history import HistoryBackend, HistoryEntry, HistoryView
from alerts.state import FeedHealth, KnownItem, QueuedAlert, last_seen_due
from alerts.state.items import PackedTexts
from alerts.stories import (
    EventKey,
    StoryDesk,
    StoryRef,
    StoryStore,
    WordKeys,
    already_alerted,
    corroborated,
    event_of,
    event_types,
    publisher,
    story_settings,
    word_keys,
)

if TYPE_CHECKING:
    from alerts.analysis import Analysis
    from alerts.analysis.ahead import AnalysisPool
    from alerts.fetch import Fetcher  # the poll worker fetches nothing: no httpx to import

log = logging.getLogger(__name__)

FLOOD_MIN_ITEMS = 10
FLOOD_SHARE = 0.8
# A document of at most this many bytes is parsed on the event loop when the fast reader
# reads it (a few milliseconds at most); a larger one, or one only a parse worker reads, in
# a thread. The polling process is CPU-bound while it digests: its parse threads added only
# their switching with the loop for the GIL (#17: the all-new cycle's 200 documents took
# 1.23 s of CPU in threads against 0.88 s read one after another).
INLINE_PARSE_BYTES = 256 * 1024
# A document that brings at least this many items whose analysis will be read (new or edited,
# and a candidate of a rule that may read it, or matched by a rule on words, whose story reads
# it) has them analysed ahead, in worker processes (alerts.analysis.ahead); fewer are
# analysed here, with no worker started. The environment's ALERTS_AHEAD_MIN overrides it (1:
# every such document; 0: never).
AHEAD_MIN = 16


def ahead_min() -> int:
    try:
        return int(os.environ.get("ALERTS_AHEAD_MIN", AHEAD_MIN))
    except ValueError:
        return AHEAD_MIN


def utc_now() -> datetime:
    return datetime.now(UTC)


def fixed_clock(moment: datetime) -> Callable[[], datetime]:
    """A clock that always says `moment`: replays poll each item at its own time."""
    return lambda: moment


class PollStore(StoryStore, HistoryBackend, Protocol):
    """The part of the state a poll uses (`alerts.state.Store` is one): a feed's validators
    and health, which items are known, mutes and what a story already alerted, and the one
    write transaction that records a poll; the story desk's and the rule history's reads
    besides (StoryStore, HistoryBackend)."""

    def write(self) -> AbstractContextManager[object]: ...
    def adopt_feed(self, url: str, legacy_url: str, secrets: Iterable[str]) -> bool: ...
    def feed_standing(self, url: str) -> tuple[FeedState, FeedHealth]: ...
    def set_next_poll(self, url: str, until: datetime) -> None: ...
    def record_moved(self, url: str, moved_to: str) -> bool: ...
    def record_unchanged(self, url: str, name: str, now: datetime, fetched: Fetched) -> None: ...
    def record_feed_error(self, url: str, name: str, now: datetime, error: str,
                          kind: str, status: int | None = None, *,
                          next_poll_after: datetime | None = None) -> None: ...
    def record_feed_postponed(self, url: str, name: str, now: datetime, status: int,
                              until: datetime, reason: str) -> None: ...
    def record_feed_disabled(self, url: str, name: str, now: datetime, status: int,
                             reason: str) -> None: ...
    def known_items(self, feed_url: str, keys: list[str]) -> dict[str, KnownItem]: ...
    def pack_ahead(self, items: list[Item]) -> PackedTexts: ...
    def train_left(self, now: datetime) -> bool: ...
    def matched_rules(self, item_id: int) -> frozenset[str]: ...
    def any_mutes(self) -> bool: ...
    def muted(self, rule_id: str, story_id: int | None,
              now: datetime) -> dict[str, Any] | None: ...
    def story_alerted(self, story_id: int, rule_id: str) -> int | None: ...
    def story_sources_for(self, story: StoryRef, rule_ids: Sequence[str]
                          ) -> dict[str, list[dict[str, Any]]]: ...
    def story_developments(self, story_id: int, rule_id: str) -> list[str]: ...
    def record_development(self, story_id: int, rule_id: str, status: str, item: Item,
                           at: datetime) -> None: ...
    def record_poll(self, *, feed_url: str, feed_name: str, now: datetime, fetched: Fetched,
                    body_hash: str, new_items: list[Item], edited_items: list[Item],
                    seen_keys: list[str], alerts: list[QueuedAlert],
                    history: list[HistoryEntry] = ...,
                    feed_title: str | None = None, packed: PackedTexts | None = None
                    ) -> int: ...


Offload = Callable[[Feed, Fetched, FeedState, FeedHealth, PollResult, str],
                  Awaitable[PollResult]]


class Poller:
    """Everything one poll needs; the daemon and `poll --once` share it."""

    def __init__(self, store: PollStore, fetcher: Fetcher | None, rules: RuleSet, *,
                 max_entries: int = 500,
                 force_backfill: bool = False, clock: Callable[[], datetime] = utc_now,
                 composer: Composer | None = None,
                 story_window: timedelta = timedelta(hours=48),
                 backoff_cap: float = BACKOFF_CAP, parse_memo: ParseMemo | None = None):
        self.store = store
        self.backoff_cap = backoff_cap
        self.fetcher = fetcher
        self.rules = rules
        self.max_entries = max_entries
        self.force_backfill = force_backfill
        self.clock = clock
        self.composer = composer or Composer()  # routing and templates (plain text by default)
        self.stories = StoryDesk(store, window=story_window)
        self._adopted: set[str] = set()  # feeds whose stored form was checked (adopt_feed)
        # Entries already stored are not parsed again while this poller lives (alerts.parse);
        # `poll --once` passes the memo its previous run saved (ParseMemo.load).
        self.parse_memo = parse_memo if parse_memo is not None else ParseMemo()
        # The daemon's (alerts.pollworker): a feed's first poll, whose every item is new, is
        # digested in a process that ends when idle; None: here, as every other poll.
        self.offload: Offload | None = None
        # Analysis ahead (see AHEAD_MIN): how many items a document needs for it (0: never),
        # and the workers' pool (None: the process-wide one, made when first needed).
        self.ahead_min = ahead_min()
        self.ahead_pool: AnalysisPool | None = None
        # True in a poll worker (alerts.pollworker), one of several digesting at once: the
        # analyses that would go ahead are made here, before the poll's write transaction,
        # so that the transaction the other workers wait for holds matching and recording
        # only (#17: with them made inside it, two workers digested no faster than one).
        self.ahead_here = False

    async def poll(self, feed: Feed, *, force: bool = False) -> PollResult:
        """`force`: poll now, whatever a backoff, Retry-After or 410 said (the operator
        asked for this feed by name)."""
        assert self.fetcher is not None, "polling needs a fetcher"
        result = PollResult(feed.url, "error")
        if not self.rules.enabled:
            return self._no_rules(result)
        if feed.request_url and feed.url not in self._adopted:
            self._adopted.add(feed.url)
            # Older versions stored the feed under the URL they requested, secrets filled in.
            if self.store.adopt_feed(feed.url, feed.request_url, feed.secrets):
                log.info("%s: its stored state is now kept under %s, without credentials",
                         feed.name, feed.url)
        state, health = self.store.feed_standing(feed.url)
        result.health_settled = not health.flagged and health.disabled_at is None
        if health.disabled_at is not None and not force:
            result.status = "disabled"
            result.error = health.disabled_reason
            return result
        # The scheduler jitters each run by up to a tenth of the interval: a poll due a
        # moment from now is made now rather than a whole interval late.
        slack = timedelta(seconds=0.2 * feed.interval)
        if (not force and health.next_poll_after is not None
                and self.clock() < health.next_poll_after - slack):
            # No request: a failing server is given its rest, a fresh feed is not asked again.
            result.status = "backoff" if health.error_kind else "waiting"
            result.error = f"next poll after {health.next_poll_after:%Y-%m-%d %H:%M:%S} UTC"
            return result
        try:
            # A feed that moved for good (every redirect hop permanent) is fetched where it is;
            # one with credentials at its configured URL, the only one that holds them.
            target = (None if _private(feed) else health.moved_to) or feed.request_url \
                or feed.url
            fetched = await self.fetcher.fetch(target, state.etag, state.last_modified,
                                               headers=feed.headers, secrets=feed.secrets)
        except FeedError as exc:
            if exc.status == 410:
                return self._gone(feed, result, exc)
            if exc.status in (429, 503) and self._postpone(feed, result, exc):
                return result
            return self._failed(feed, result, exc, exc.status, failures=state.error_count)
        result.http_status = fetched.status
        if fetched.not_modified or fetched.body is None:
            self.store.record_unchanged(feed.url, feed.name, self.clock(), fetched)
            result.status = "not-modified"
            self._keep_fresh(feed, fetched.max_age)
            return result
        body_hash = hashlib.sha256(fetched.body).hexdigest()
        if state.initialised and body_hash == state.body_hash:
            # Servers without validators: identical bytes need no parsing.
            self.store.record_unchanged(feed.url, feed.name, self.clock(), fetched)
            result.status = "unchanged"
            self._keep_fresh(feed, fetched.max_age)
            return result
        if self.offload is not None and not state.initialised:
            return await self.offload(feed, fetched, state, health, result, body_hash)
        return await self.digest(feed, fetched, state, health, result, body_hash)

    async def digest(self, feed: Feed, fetched: Fetched, state: FeedState, health: FeedHealth,
                     result: PollResult, body_hash: str) -> PollResult:
        """A changed document, fetched: parsed, its new and edited items matched, and the
        poll recorded in one transaction (`process`). `state` and `health`: the feed's as
        read before the fetch; `body_hash`: the document's sha256."""
        assert fetched.body is not None, "a 304 has nothing to digest"
        # The parse worker gets the feed without its credentials; a feed with credentials is
        # parsed whole every time (its items are masked after parsing).
        plain = replace(feed, request_url="", headers=(), secrets=())
        memo = None if feed.secrets else self.parse_memo
        # Loaded with the first document to parse: a cycle of 304s needs none (#17).
        from alerts.parse import NeedsWorker, parse_items
        try:
            parsed = None
            if len(fetched.body) <= INLINE_PARSE_BYTES:
                with contextlib.suppress(NeedsWorker):
                    parsed = parse_items(fetched.body, fetched.final_url,
                                         fetched.content_type, plain, self.max_entries, memo,
                                         here_only=True)
            if parsed is None:
                parsed = await asyncio.to_thread(parse_items, fetched.body, fetched.final_url,
                                                 fetched.content_type, plain,
                                                 self.max_entries, memo)
            known = self.store.known_items(feed.url, [i.key for i in parsed.items]
                                           + [key for key, _ in parsed.unchanged])
            if parsed.stale(known):  # the store does not hold what the memo skipped
                parsed = await asyncio.to_thread(parse_items, fetched.body,
                                                 fetched.final_url, fetched.content_type,
                                                 plain, self.max_entries, memo, False)
                known = self.store.known_items(feed.url, [i.key for i in parsed.items])
        except FeedError as exc:
            return self._failed(feed, result, exc, fetched.status, failures=state.error_count)
        items = parsed.items
        if feed.secrets:  # a wire that echoes its key in its links must not have it stored
            items = _without_secrets(items, Redactor(feed.secrets))
        if parsed.dropped:
            log.warning("%s: the document has %d entries, more than fetch.max_entries (%d); "
                        "the %d oldest were left out (it lists its entries %s first). Raise "
                        "fetch.max_entries if this feed really carries that many new items.",
                        feed.name, parsed.dropped + self.max_entries, self.max_entries,
                        parsed.dropped, "oldest" if parsed.oldest_first else "newest")
        alerting = state.initialised or feed.backfill or self.force_backfill
        unchanged = [key for key, _ in parsed.unchanged]
        flooded = (self._flooded(items, known, state.last_success, len(unchanged))
                   if state.initialised else 0)
        if flooded:
            alerting = False
            result.flood = True
            log.warning("%s: %d of its %d items came back as new, most of them published "
                        "before the last poll (new GUIDs for old stories, a CMS move?); they "
                        "were recorded without alerting. If this feed really publishes that "
                        "much at once, nothing is lost but these alerts.", feed.name,
                        flooded, len(items))
        prepared = await self._prepare(items, known)
        # In a poll worker, the new items' texts are packed before the transaction too.
        packed = (self.store.pack_ahead([item for item in items if item.key not in known])
                  if self.ahead_here else None)
        self.process(feed, items, fetched, body_hash, result, alerting=alerting, known=known,
                     feed_title=parsed.title, unchanged=unchanged, prepared=prepared,
                     packed=packed)
        if packed is not None:  # the text dictionary, if this poll made it due
            self.store.train_left(self.clock())
        self.parse_memo.keep(feed.url, parsed.memo)  # stored: its entries need no parse again
        self._keep_fresh(feed, fetched.max_age, parsed.ttl)
        if (fetched.permanent_redirect and fetched.final_url != (health.moved_to or feed.url)
                and self.store.record_moved(feed.url, fetched.final_url)):
            log.warning("%s: %s moved permanently to %s; it is polled there from now on%s. "
                        "Replace the URL in alerts.yaml with the new one.", feed.name,
                        feed.url, fetched.final_url,
                        " (through the old address, which holds its credentials)"
                        if _private(feed) else "")
        return result

    async def _prepare(self, items: list[Item], known: Mapping[str, KnownItem]
                       ) -> dict[int, _Prepared]:
        """Each new or edited item's matching context and candidate rules (the prefilter,
        run once: _process matches with them), by id(item); when at least ahead_min items
        are candidates of rules that may read the analysis or matched by rules on words,
        their analyses made in worker processes meanwhile (with `ahead_here`, made here, for
        any number of items)."""
        prepared: dict[int, _Prepared] = {}
        if not self.rules.enabled:
            return prepared
        readers: list[_Prepared] = []  # candidates of a rule that may read the analysis
        worded: list[_Prepared] = []  # candidates of rules on the text alone
        for item in items:
            previous = known.get(item.key)
            if previous is not None and not previous.edited(item):
                continue  # only marked seen
            ctx = MatchContext(item, now=self.clock())
            # A candidate whose condition certainly fails on the words found (an event rule
            # without one of its acts' words) is no candidate: it matches nothing, and would
            # send the item ahead for an analysis no rule reads (#17: a fifth of the WSJ
            # year's items sent ahead with the shipped rules).
            ready = prepared[id(item)] = _Prepared(ctx, [
                rule for rule in self.rules.candidates(ctx)
                if not rule.condition.cost or rule.condition.possible(ctx)])
            # Only a rule that reads more than the text (cost 0: terms, regex, near) may
            # read the item's analysis; a matched item's story reads it too.
            if any(rule.condition.cost for rule in ready.rules):
                readers.append(ready)
            elif ready.rules:
                worded.append(ready)
        wanted = readers
        # Fewer items than ahead_min go ahead too while a worker is alive (a larger document
        # started it): only starting one costs more than it saves.
        minimum = 1 if self.ahead_here or (self.ahead_min > 0 and self._ahead_warm()) \
            else self.ahead_min
        if worded and 0 < minimum <= len(readers) + len(worded):
            # Which rules on the text match is known now (the text is all they read): the
            # items they match, whose stories read the analysis, are sent ahead too, and
            # matching later tries only the rules found here (#17: with 1,000 such rules,
            # 6,491 items' analyses and mentions were made in the polling process).
            for ready in worded:
                ready.decided = _matching_words(ready.context, ready.rules)
                ready.rules = [rule for rule in ready.rules if rule.id in ready.decided]
            wanted = [ready for ready in prepared.values() if ready.rules]
        if wanted and self.ahead_here:
            for ready in wanted:
                # The story's keys too, from words and frames alone: the write transaction
                # the other workers wait for only looks them up (#17).
                item = ready.context.item
                mine = ready.context.analysis()
                mine.mentions  # noqa: B018 (made now, read later)
                signed = False
                if ready.decided is not None:  # its rules are those it matches: their event
                    types = event_types(ready.rules)
                    event = ready.events[frozenset(types)] = event_of(item, types, mine)
                    # A report with an event is placed by it alone, unless a rule asks
                    # otherwise (an event rule's match is known in the transaction only).
                    signed = event is None or any(
                        story_settings(rule, self.stories.window).by != "event"
                        for rule in ready.rules)
                ready.words = word_keys(item, signed)
        elif wanted and 0 < minimum <= len(wanted):
            from alerts.analysis.ahead import analyse_ahead

            for ready in wanted:
                ready.day = ready.context.day
            made = await analyse_ahead([(r.context.item.title, r.context.item.summary, r.day)
                                        for r in wanted], self.ahead_pool)
            for ready, analysis in zip(wanted, made, strict=True):
                ready.analysis = analysis
        return prepared

    def _ahead_warm(self) -> bool:
        """An analysis worker is alive in this process (alerts.analysis.ahead, not even
        imported before a document first went ahead)."""
        ahead = sys.modules.get("alerts.analysis.ahead")
        return ahead is not None and bool(ahead.warm(self.ahead_pool))

    def _assign(self, item: Item, matches: list[Match], feed: Feed, feed_title: str | None,
                ctx: MatchContext, ready: _Prepared | None = None
                ) -> tuple[StoryRef | None, EventKey | None, datetime]:
        """The item's story, the event it reports, and when it was published (else the date
        its dateline gives; its arrival without either, or for a date in the future):
        stories group by the event's time. `ctx`: the item's matching context, whose one
        analysis (made there when a rule read it) the story keys read too; `ready`: what
        _prepare made of the item, with its story's keys when made there."""
        arrived = self.clock()
        at = min(item.published or stated_time(item) or arrived, arrived)
        if not matches:
            return None, None, at
        rules = [r for r in (self.rules.by_id.get(m.rule_id) for m in matches) if r]
        analysis = ctx.analysis()
        types = event_types(rules)
        made = ready.events if ready is not None else {}
        # The event of the rules it matched, when made ahead for their event types.
        event = (made[frozenset(types)] if frozenset(types) in made
                 else event_of(item, types, analysis))
        story = self.stories.assign(item, [m.rule_id for m in matches],
                                    entity_keys(item, analysis), at,
                                    publisher(feed.url, feed.publisher or feed_title),
                                    event=event, settings=story_settings(
                                        rules[0] if rules else None, self.stories.window),
                                    words=ready.words if ready is not None else None)
        return story, event, at

    def _story(self, story: StoryRef | None, match: Match, rule: Rule | None, update: bool,
               alerted_now: set[tuple[int, str]], event: EventKey | None = None,
               mutes: bool = True, reports: _Reports | None = None
               ) -> tuple[Match, bool, list[dict] | None]:
        """One alert per (rule, story), once the story has enough sources; then one
        follow-up per development of its event (a new status), unless `updates: false`.
        Also the story's reports for the rule when they were read for this (None: not
        read), so that the message does not read them again. `mutes`: False when the
        state holds no mute at all (asked once per poll), so none is looked up;
        `reports`: the story's reports for the item's rules, read once for the item."""
        if mutes and match.suppressed is None:  # muted: silent, its history kept
            mute = self.store.muted(match.rule_id, story.id if story else None, self.clock())
            if mute is not None:
                until = f"until {mute['until'][:16]} UTC" if mute["until"] else "until unmuted"
                match = replace(match, suppressed=f"muted ({mute['target']}, {until}; "
                                                  "`alerts unmute` lifts it)")
        if story is None:
            return match, update, None
        match = replace(match, story_id=story.id)
        if update or match.suppressed is not None:
            return match, update, None
        # A story this report started has alerted for nothing before this poll.
        if (story.id, match.rule_id) in alerted_now or (
                story.joined_by != "new" and self.store.story_alerted(story.id, match.rule_id)):
            return (*already_alerted(match, story, rule, event,
                                     self.store.story_developments(story.id, match.rule_id)),
                    None)
        sources = (reports or _Reports(self.store, story, [match.rule_id]))(match.rule_id)
        return corroborated(match, [s["publisher"] for s in sources], rule), False, sources

    def _flooded(self, items: list[Item], known: Mapping[str, KnownItem],
                 last_success: datetime | None, unchanged: int = 0) -> int:
        """How many items came back as new when most of a known feed did, and mostly old
        news (GUID churn); 0 otherwise. `unchanged`: known items not parsed again."""
        total = len(items) + unchanged
        if total < FLOOD_MIN_ITEMS:
            return 0
        new = [i for i in items if i.key not in known]
        if len(new) < FLOOD_SHARE * total:
            return 0
        cutoff = (last_success or self.clock()) - timedelta(days=1)
        # Undated items prove nothing either way: a wrong date must not cost an alert.
        old = [i for i in new if i.published is not None and i.published < cutoff]
        return len(new) if len(old) >= FLOOD_SHARE * len(new) else 0

    def process(self, feed: Feed, items: list[Item], fetched: Fetched, body_hash: str,
                result: PollResult, *, alerting: bool, item_time: bool = False,
                known: Mapping[str, KnownItem] | None = None,
                feed_title: str | None = None, unchanged: Sequence[str] = (),
                prepared: Mapping[int, _Prepared] | None = None,
                packed: PackedTexts | None = None) -> None:
        """Match new and edited items and record them, their stories and their alerts in one
        transaction: all of the poll is stored, or none of it and it is redone next time.

        `item_time` makes each item's publication time "now" for history (replay); `known`:
        the items' stored versions, when the caller looked them up already; `feed_title`:
        the feed's own title, which names its publisher unless the configuration does;
        `unchanged`: keys of stored items the document still holds, unchanged and not parsed
        again (alerts.parse), which are only marked seen; `prepared`: _prepare's answer for
        these items; `packed`: their texts packed ahead (Items.pack_ahead)."""
        if not self.rules.enabled:
            self._no_rules(result)
            return
        with self.store.write():
            if known is None:
                known = self.store.known_items(feed.url, [i.key for i in items])
            self._process(feed, items, fetched, body_hash, result, alerting=alerting,
                          item_time=item_time, known=known, feed_title=feed_title,
                          unchanged=unchanged, prepared=prepared or {}, packed=packed)

    def _process(self, feed: Feed, items: list[Item], fetched: Fetched, body_hash: str,
                 result: PollResult, *, alerting: bool, item_time: bool,
                 known: Mapping[str, KnownItem], feed_title: str | None = None,
                 unchanged: Sequence[str] = (),
                 prepared: Mapping[int, _Prepared] | None = None,
                 packed: PackedTexts | None = None) -> None:
        result.entries = len(items) + len(unchanged)
        history = HistoryView(self.store)
        new_items: list[Item] = []
        edited: list[Item] = []
        alerts: list[QueuedAlert] = []
        alerted_now: set[tuple[int, str]] = set()  # (story, rule) alerted earlier in this poll
        mutes: bool | None = None  # whether any is stored: asked at the poll's first match
        for item in items:
            previous = known.get(item.key)
            if previous is None:
                new_items.append(item)
                already: frozenset[str] = frozenset()
            elif previous.edited(item):
                edited.append(item)
                # An edit alerts only for newly matched rules.
                already = self.store.matched_rules(previous.id)
            else:
                continue
            now = (item.published or self.clock()) if item_time else self.clock()
            # The item is read once: its folded fields and its analysis, made for matching,
            # are the ones its story and messages use (MatchContext).
            ready = prepared.get(id(item)) if prepared else None
            if ready is None:
                ctx = MatchContext(item, now=now, history=history)
                matches = self.rules.match(item, context=ctx)
            else:
                ctx = ready.context
                ctx.now, ctx.history = now, history
                if ready.analysis is not None:  # made ahead: read as if made here
                    from alerts.analysis import remember

                    remember(item.title, item.summary, ready.day, ready.analysis)
                matches = self.rules.match(item, context=ctx, candidates=ready.rules,
                                           decided=ready.decided)
            # One story per item, whichever rules it matched; each rule alerts once in it,
            # and again for each development of its event (stories.development).
            story, event, story_at = self._assign(item, matches, feed, feed_title, ctx, ready)
            reports = (_Reports(self.store, story, [m.rule_id for m in matches])
                       if story is not None else None)
            for match in matches:
                rule = self.rules.by_id.get(match.rule_id)
                update = match.rule_id in already
                if update and not getattr(rule, "updates", False):
                    continue  # the story already alerted, and the rule wants no follow-ups
                is_development = not update
                if mutes is None:  # False: no mute to look up for any match of the poll
                    mutes = self.store.any_mutes()
                match, update, read = self._story(story, match, rule, update, alerted_now,
                                                  event, mutes, reports)
                is_development = is_development and update
                send = alerting and match.suppressed is None
                if send and match.story_id is not None:
                    alerted_now.add((match.story_id, match.rule_id))
                    if event is not None and event.status:
                        self.store.record_development(match.story_id, match.rule_id,
                                                      event.status, item, story_at)
                # The story's reports as _story read them (nothing was stored since).
                sources = ((read if read is not None
                            else reports(match.rule_id) if reports is not None
                            else self.store.story_sources(match.story_id, match.rule_id))
                           if send and match.story_id is not None else [])
                others = [s for s in sources if s["item_key"] != item.key and (
                    not is_development or s["status"] == (event.status if event else None))]
                messages = (self.composer.compose(item, match, rule, update=update,
                                                  sources=others, later=True,
                                                  analysis=ctx.analysis())
                            if send else ())
                alerts.append(QueuedAlert(item.key, match, messages, update=update,
                                          alerted=send and not update))
                result.matched_rules.append(match.rule_id)
                result.matches.append((item, match))

        now = self.clock()
        # Items found again, whose last time seen is to be written (not at every poll: once
        # it is an hour old); an unchanged key not looked up is, as every one was before.
        seen = [*last_seen_due(known, now, (i.key for i in items)),
                *last_seen_due(known, now, unchanged, unknown=True)]
        result.alerts_queued = self.store.record_poll(
            feed_url=feed.url, feed_name=feed.name, now=now, fetched=fetched,
            body_hash=body_hash, new_items=new_items, edited_items=edited, seen_keys=seen,
            alerts=alerts, history=history.take(), feed_title=feed_title, packed=packed)
        result.status = "new"
        result.new_items = len(new_items)
        result.edited_items = len(edited)
        if not alerting:
            result.suppressed_backlog = len(new_items)

    @staticmethod
    def _no_rules(result: PollResult) -> PollResult:
        """With no rule enabled nothing could match, and recording the items would mark them
        handled for good: they are left in the feed for when rules are loaded again."""
        result.status = "no-rules"
        result.error = ("no rule is loaded, so the feed was not polled; its new items are "
                        "picked up once rules are loaded again")
        return result

    def backoff_delay(self, feed: Feed, failures: int) -> float:
        """Seconds before polling a feed again after its `failures`-th failure in a row."""
        return backoff_delay(feed.interval, failures, self.backoff_cap)

    def _failed(self, feed: Feed, result: PollResult, exc: FeedError,
                status: int | None = None, *, failures: int = 0) -> PollResult:
        now = self.clock()
        until = now + timedelta(seconds=self.backoff_delay(feed, failures + 1))
        self.store.record_feed_error(feed.url, feed.name, now, str(exc), exc.kind,
                                     status, next_poll_after=until)
        result.error = str(exc)
        result.status = "error"
        result.http_status = status
        return result

    def _keep_fresh(self, feed: Feed, max_age: float | None, ttl: object = None) -> None:
        """Cache-Control max-age and RSS <ttl> (minutes) are a lower bound on the interval:
        the publisher said the feed will not change sooner. Capped like backoff."""
        lower = fresh_for(max_age, ttl, self.backoff_cap)
        if lower > feed.interval:
            self.store.set_next_poll(feed.url, self.clock() + timedelta(seconds=lower))

    def _postpone(self, feed: Feed, result: PollResult, exc: FeedError) -> bool:
        """429/503 with a Retry-After: wait as asked, which is not a failure of the feed."""
        now = self.clock()
        seconds = retry_after_wait(exc.retry_after, now, self.backoff_cap)
        if seconds is None or exc.status is None:
            return False  # no usable Retry-After: an ordinary failure, with backoff
        until = now + timedelta(seconds=seconds)
        reason = (f"{feed.url} asked to wait (HTTP {exc.status}, Retry-After "
                  f"{exc.retry_after}); it is polled again after {until:%Y-%m-%d %H:%M:%S} UTC")
        self.store.record_feed_postponed(feed.url, feed.name, now, exc.status, until, reason)
        result.status = "postponed"
        result.http_status = exc.status
        result.error = reason
        return True

    def _gone(self, feed: Feed, result: PollResult, exc: FeedError) -> PollResult:
        """410 Gone: the publisher removed the feed on purpose, so polling it stops."""
        reason = (f"{feed.url} answered 410 Gone: the publisher removed this feed, so it is no "
                  "longer polled; remove it from the feeds in alerts.yaml (or replace it with "
                  "its new address)")
        self.store.record_feed_disabled(feed.url, feed.name, self.clock(), 410, reason)
        log.error("%s: %s", feed.name, reason)
        result.status = "disabled"
        result.http_status = 410
        result.error = reason
        return result


@dataclass
class _Prepared:
    """What Poller._prepare made of one item before its poll's transaction."""

    context: MatchContext
    rules: list[Rule]  # its candidate rules
    analysis: Analysis | None = None  # made ahead, on `day`
    day: date | None = None
    # The evidence of its rules on the text alone, found before matching (those it does
    # not match are no longer among `rules`); None: none was looked for.
    decided: dict[str, list[Evidence]] | None = None
    # Its story's keys, made before the transaction in a poll worker (ahead_here): those of
    # its words, and its event for the event types of the rules it matches on words alone
    # (`decided`), by those types.
    words: WordKeys | None = None
    events: dict[frozenset[str], EventKey | None] = field(default_factory=dict)


def _matching_words(ctx: MatchContext, rules: list[Rule]) -> dict[str, list[Evidence]]:
    """The evidence of each of `rules` (rules on the text alone: condition cost 0) that the
    item matches, by rule id: what they read (the item's fields, the prefilter's term hits)
    is all there before the poll's matching, and they read no history, clock or analysis,
    so each answers here as it would there (RuleSet.match takes these answers)."""
    out = {}
    for rule in rules:
        ctx.rule_id = rule.id
        evidence = rule.condition.evaluate(ctx)
        if evidence is not None:
            out[rule.id] = evidence
    ctx.rule_id = ""
    return out


class _Reports:
    """An item's story's reports for each rule the item matched, as story_sources gives
    them: read when a match first needs them, in one query for all the rules, and without
    any for a story the item has just started (#17: they were read once per match)."""

    def __init__(self, store: PollStore, story: StoryRef, rule_ids: list[str]):
        self.store = store
        self.story = story
        self.rule_ids = rule_ids
        self._read: dict[str, list[dict[str, Any]]] | None = None

    def __call__(self, rule_id: str) -> list[dict[str, Any]]:
        if self._read is None:
            self._read = self.store.story_sources_for(self.story, self.rule_ids)
        found = self._read.get(rule_id)
        return found if found is not None else self.store.story_sources(self.story.id,
                                                                         rule_id)


def _without_secrets(items: list[Item], redact: Redactor) -> list[Item]:
    """The items with any of the feed's secrets masked wherever they appear."""
    masked = []
    for item in items:
        fields = {"key": item.key, "guid": item.guid, "link": item.link, "title": item.title,
                  "summary": item.summary}
        changed: dict[str, Any] = {k: redact(v) for k, v in fields.items()
                                   if v and redact(v) != v}
        masked.append(replace(item, **changed) if changed else item)
    return masked


def _private(feed: Feed) -> bool:
    """The feed is reached with credentials (in its URL or its headers)."""
    return bool(feed.secrets or feed.headers)


def entity_keys(item: Item, analysis: Analysis | None = None) -> list[str]:
    """Who a report is about, for joining differently worded reports of one event: each pair
    of people it names and each pair of countries (or the one country). `analysis`: the
    item's one analysis, when the caller carries it."""
    from itertools import combinations

    if analysis is None:
        from alerts.analysis import analyse

        analysis = analyse(item)
    mentions = analysis.mentions
    people = sorted({m.entity.id for m in mentions if m.entity.kind == "person"})
    countries = sorted({m.entity.id for m in mentions if m.entity.kind == "country"})
    keys = ["+".join(pair) for pair in combinations(people, 2)]
    keys += (["+".join(pair) for pair in combinations(countries, 2)] if len(countries) >= 2
             else countries)
    return keys


def describe(result: PollResult, feed: Feed) -> str:
    """One line a person can read about a poll."""
    if result.status == "error":
        return f"{feed.name}: failed: {result.error}"
    if result.status == "backoff":
        return f"{feed.name}: skipped after repeated failures; {result.error}"
    if result.status == "waiting":
        return f"{feed.name}: skipped, the server said it stays fresh; {result.error}"
    if result.status in ("postponed", "disabled", "no-rules"):
        return f"{feed.name}: {result.error}"
    if result.status in ("not-modified", "unchanged"):
        return f"{feed.name}: unchanged"
    parts = [f"{result.entries} entries", f"{result.new_items} new"]
    if result.edited_items:
        parts.append(f"{result.edited_items} edited")
    if result.flood:
        parts.append(f"most items came back as new (GUID churn?): {result.suppressed_backlog} "
                     "recorded without alerting")
    elif result.suppressed_backlog:
        parts.append(f"first poll: {result.suppressed_backlog} existing items recorded without "
                     "alerting (use --backfill to alert on them)")
    else:
        parts.append(f"{result.alerts_queued} alerts queued")
    return f"{feed.name}: " + ", ".join(parts)
