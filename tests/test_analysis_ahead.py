"""Analysis ahead (issue #17): a document's many new items analysed in worker processes
(alerts.analysis.ahead) give the very analyses, and so the very alerts, made in-process; a
steady poll starts no worker; a worker lost or impossible to start costs only time, said
once in the log; no worker outlives `poll --once`."""

from __future__ import annotations

import asyncio
import json
import logging
import os
import pickle
import subprocess
import sys
import uuid
from email.utils import format_datetime
from pathlib import Path

import pytest

from alerts.analysis import ahead, wire
from alerts.models import Feed, Fetched, PollResult
from alerts.pipeline import Poller, fixed_clock
from alerts.quality.story_sets import outcome_of
from alerts.rulepack import shipped_rules_dir
from alerts.state import Store
from tests.conftest import CORPUS, cli_env, loaded_probe, write_config
from tests.feeds import rss, rss_item
from tests.tools import ahead_equal, same_alerts

RECORDED = json.loads(same_alerts.FIXTURE.read_text("utf-8"))["cases"]


@pytest.fixture
def pool():
    made = ahead.AnalysisPool(workers=2)
    yield made
    made.close()


def _run(coroutine):
    """Not asyncio.run: at its end it may print its task, and an Analysis's repr reads its
    mentions (which must stay unread until asked for)."""
    loop = asyncio.new_event_loop()
    try:
        return loop.run_until_complete(coroutine)
    finally:
        loop.close()


# -- the analyses themselves ----------------------------------------------------------------

def test_every_labelled_item_analysed_by_a_worker_equals_its_analysis_made_here():
    found = ahead_equal.compare(ahead_equal.labelled_items())
    assert found["compared"] > 1000
    assert found["from_workers"] == found["compared"], found  # none fell back quietly
    assert found["differences"] == 0, found["differ"]


@pytest.mark.skipif(not CORPUS.is_dir(), reason="shared corpus (../shared) not present")
def test_real_and_wsj_items_analysed_by_a_worker_equal_their_analyses_made_here(run_cache):
    """Every fourth item of the real set and of the WSJ archive (all 29,499 in
    `tests/tools/ahead_equal.py --corpus`)."""
    from tests.shared_work import real_items

    items = list(real_items(run_cache, CORPUS).values())
    archive = CORPUS / "wsj-world-snapshots" / "items-2025-04-to-2026-02.jsonl"
    from alerts.config import FetchSettings
    from alerts.sources import read_inputs

    items += read_inputs([str(archive)], FetchSettings())[0].items
    found = ahead_equal.compare(items[::4])
    assert found["from_workers"] == found["compared"] > 5000, found
    assert found["differences"] == 0, found["differ"]


def test_mentions_are_read_by_the_worker_and_cross_read(pool):
    # The worker reads them (the polling process would, for the story keys of every item
    # that matches: its CPU sets the pace); they equal those read here.
    from alerts.analysis import _analyse

    title = "Macron and Putin hold first phone call since 2022"
    summary = "The French president spoke with the Russian president on Friday."
    day = ahead_equal.UNDATED
    here = _analyse(title, summary, day, None)
    made = _run(ahead.analyse_ahead([(title, summary, day)], pool))[0]
    assert made is not None
    assert callable(here.found) and not callable(made.found)  # read there, not here
    assert made.mentions == here.mentions and made.mentions


def test_unread_mentions_cross_unread_and_are_read_by_the_receiver():
    from alerts.analysis import _analyse, item_mentions_of
    from alerts.knowledge.base import knowledge_base

    kb = knowledge_base()
    title = "Macron and Putin hold first phone call since 2022"
    summary = "The French president spoke with the Russian president on Friday."
    day = ahead_equal.UNDATED
    here = _analyse(title, summary, day, None)
    fields = wire.fields(_analyse(title, summary, day, None), kb)
    back = wire.analysis_of(wire.loads(wire.dumps(fields)), title, summary, day, kb,
                            item_mentions_of)
    assert callable(here.found) and callable(back.found)  # neither read them
    assert back.mentions == here.mentions and back.mentions  # read on asking, the same


def test_entities_travel_as_references_to_this_process_base():
    from alerts.analysis import _analyse
    from alerts.knowledge.base import knowledge_base

    kb = knowledge_base()
    made = _analyse("Macron calls Putin", "Emmanuel Macron spoke to Vladimir Putin.",
                    ahead_equal.UNDATED, None)
    made.mentions  # noqa: B018 - read them, so that they cross as read
    fields = wire.fields(made, kb)
    assert [m[0] for m in fields[3]] == [m.entity.id for m in made.mentions]
    back = wire.analysis_of(wire.loads(wire.dumps(fields)), "Macron calls Putin",
                            "Emmanuel Macron spoke to Vladimir Putin.", ahead_equal.UNDATED, kb,
                            lambda *_: ())
    assert all(a.entity is b.entity for a, b in zip(back.mentions, made.mentions, strict=True))
    with pytest.raises(KeyError):  # an entity this base does not hold is refused
        wire.analysis_of((*fields[:3], (("no-such-entity", "x", 0, "name"),), *fields[4:]),
                         "", "", None, kb, lambda *_: ())


def test_a_worker_answer_can_only_rebuild_analysis_data():
    with pytest.raises(pickle.UnpicklingError):
        wire.loads(pickle.dumps(("ok", [os.getcwd])))


# -- alerts through the pipeline --------------------------------------------------------------

def _piped_ahead(rows, rules, pool, minimum=1):
    """same_alerts.piped, each item polled as alerts.quality.story_sets.poll_each polls it,
    but prepared by Poller._prepare (analysis ahead at `minimum` items). Also how many of the
    items' analyses the workers made."""
    import tempfile

    out: dict[str, list] = {}
    first: dict[int, str] = {}
    from_workers = 0
    loop = asyncio.new_event_loop()
    with tempfile.TemporaryDirectory(prefix="alerts-ahead-") as tmp:
        store = Store(Path(tmp) / "replay.db")
        last = same_alerts.UNDATED
        try:
            for item_id, item in rows:
                moment = item.published or last
                last = moment
                feed = Feed(url=item.feed_url, name=item.feed_name, interval=0,
                            publisher=item.feed_url.split(":", 1)[-1])
                poller = Poller(store, None, rules, clock=fixed_clock(moment))
                poller.ahead_min, poller.ahead_pool = minimum, pool
                known = store.known_items(feed.url, [item.key])
                prepared = loop.run_until_complete(poller._prepare([item], known))
                from_workers += sum(p.analysis is not None for p in prepared.values())
                result = PollResult(feed.url, "new")
                poller.process(feed, [item], Fetched(feed.url, feed.url, 200, b""), "", result,
                               alerting=True, known=known, prepared=prepared)
                for _, match in result.matches:
                    story = (None if match.story_id is None
                             else first.setdefault(match.story_id, item_id))
                    out.setdefault(item_id, []).append(
                        [match.rule_id, same_alerts._opened(outcome_of(match), first), story,
                         same_alerts._opened(match.explanation, first)])
        finally:
            store.close()
            loop.close()
    return json.loads(json.dumps(out, ensure_ascii=False)), from_workers


def test_the_labelled_replay_through_workers_gives_the_recorded_alerts(pool):
    from tests.test_same_alerts import differences

    found, from_workers = _piped_ahead(same_alerts.labelled_items(), same_alerts.shipped(), pool)
    assert from_workers > 100  # the workers made them, not this process
    changed = differences(RECORDED["labelled"], found)
    assert not changed, "\n".join(changed)


@pytest.mark.skipif(not CORPUS.is_dir(), reason="shared corpus (../shared) not present")
def test_the_generated_rules_replay_through_workers_gives_the_recorded_alerts(run_cache, pool):
    """Every kind of condition (same_alerts' real-terms-pipeline case): the rules on the
    text alone, evaluated before matching to send their matched items ahead, and the rest."""
    import tempfile

    from tests.shared_work import real_items
    from tests.test_same_alerts import differences

    real = same_alerts.real_items(real_items(run_cache, CORPUS))
    assert real is not None
    sample = real[::same_alerts.SAMPLE][:same_alerts.PIPELINE_ITEMS]
    with tempfile.TemporaryDirectory() as tmp:
        generated = same_alerts.generated_rules(
            same_alerts.vocabulary(item for _, item in real), Path(tmp))
        found, from_workers = _piped_ahead(sample, generated, pool)
    assert from_workers > 100
    changed = differences(RECORDED["real-terms-pipeline"], same_alerts.digested(found))
    assert not changed, "\n".join(changed)


def _document(rows) -> bytes:
    return rss(*(rss_item(item.title, guid=f"g-{n}", link=f"https://wire.example.org/{n}",
                          summary=item.summary,
                          pub=format_datetime(item.published or same_alerts.UNDATED,
                                              usegmt=True))
                 for n, (_, item) in enumerate(rows))).encode()


def _digest_alerts(tmp_path: Path, name: str, document: bytes, pool, minimum: int,
                   feed_server) -> tuple[list, Poller]:
    """A document polled once (backfill) by a real poller on a fresh state: its matches."""
    from alerts.config import FetchSettings
    from alerts.fetch import Fetcher

    # One address for every run: the explanations name it.
    url = feed_server.put("/wire.xml", document, content_type="application/rss+xml")
    store = Store(tmp_path / f"{name}.db")
    poller = Poller(store, None, same_alerts.shipped(), force_backfill=True)
    poller.ahead_min, poller.ahead_pool = minimum, pool

    async def run():
        poller.fetcher = Fetcher(FetchSettings(timeout=10, allow_networks=("127.0.0.0/8",)))
        try:
            return await poller.poll(Feed(url, "Wire", 900), force=True)
        finally:
            await poller.fetcher.aclose()

    try:
        result = _run(run())
    finally:
        store.close()
    assert result.status == "new", result
    return sorted((item.key, m.rule_id, m.suppressed, m.explanation)
                  for item, m in result.matches), poller


def _shares_sent(pool, monkeypatch) -> list[tuple]:
    """Every job given to `pool`'s workers from now on, in order."""
    sent: list[tuple] = []
    share = pool.share
    monkeypatch.setattr(pool, "share", lambda jobs, *a: sent.extend(jobs) or share(jobs, *a))
    return sent


def _analysed_here(monkeypatch) -> list[tuple]:
    """Every analysis made in this process from now on."""
    import alerts.analysis as analysis

    made: list[tuple] = []
    real = analysis._analyse
    monkeypatch.setattr(analysis, "_analyse", lambda *a: made.append(a) or real(*a))
    return made


@pytest.fixture(scope="module")
def labelled_document() -> bytes:
    return _document(same_alerts.labelled_items()[:120])


def test_a_document_digested_through_workers_alerts_as_in_process(tmp_path, feed_server, pool,
                                                                 labelled_document, monkeypatch):
    import alerts.analysis as analysis
    from alerts.rules import RuleSet

    here, _ = _digest_alerts(tmp_path, "here", labelled_document, None, 0, feed_server)
    assert here, "the labelled items match the shipped rules"
    made_here = _analysed_here(monkeypatch)
    # Fewer analyses remembered than the document has items: each is kept at its item's turn.
    monkeypatch.setattr(analysis, "_RECENT", 8)
    prefiltered = []
    candidates = RuleSet.candidates
    monkeypatch.setattr(RuleSet, "candidates",
                        lambda self, item: prefiltered.append(1) or candidates(self, item))
    through, _ = _digest_alerts(tmp_path, "ahead", labelled_document, pool, 1, feed_server)
    assert through == here
    assert pool.starts >= 1 and made_here == []  # every analysis came from the workers
    assert len(prefiltered) == 120  # the prefilter ran once per item


def test_candidates_whose_event_rule_certainly_fails_are_not_sent_ahead(
        tmp_path, feed_server, pool, monkeypatch):
    """The prefilter makes "relations" items candidates of diplomatic-relations, whose event
    condition needs one of its acts' words (severed, restored...): without one the rule
    cannot match, and no analysis is wanted, in a worker or here. One item that has such
    a word still goes ahead."""

    document = rss(*(rss_item(f"Breakdown in US-China relations raises specter of a new "
                              f"cold war, week {n}", guid=f"r{n}") for n in range(20)),
                   rss_item("Ukraine severs diplomatic relations with Iran", guid="s"))
    sent = _shares_sent(pool, monkeypatch)
    made_here = _analysed_here(monkeypatch)
    matches, _ = _digest_alerts(tmp_path, "ahead", document, pool, 1, feed_server)
    assert [title for title, _, _ in sent] == ["Ukraine severs diplomatic relations with Iran"]
    assert made_here == []
    assert [rule for _, rule, _, _ in matches] == ["diplomatic-relations"]
    here, _ = _digest_alerts(tmp_path, "here", document, None, 0, feed_server)
    assert here == matches


def test_a_steady_poll_starts_no_worker_and_loads_no_pool(tmp_path, feed_server, monkeypatch):
    """One new item: analysed here; alerts.analysis.ahead is not even imported."""
    url = feed_server.put("/wire.xml", rss(rss_item("UN urges ceasefire in Sudan", guid="1")))
    shipped = {p.name: p.read_text("utf-8") for p in shipped_rules_dir().glob("*.yaml")}
    config = write_config(tmp_path, feeds=[{"url": url, "name": "Wire"}],
                          channels={"hook": "json://127.0.0.1:9/hook"}, rules=shipped)
    probe = loaded_probe(("alerts.analysis.ahead", "alerts.analysis"))
    done = subprocess.run([sys.executable, "-c", probe, "--config", str(config), "poll",
                           "--once", "--backfill", "--no-send"], cwd=tmp_path, env=cli_env(),
                          capture_output=True, text=True, timeout=120)
    assert "EXIT 0" in done.stdout and "1 alerts queued" in done.stdout, done.stdout + done.stderr
    assert "LOADED alerts.analysis\n" in done.stdout  # analysed, here


WORD_RULE = """\
id: ceasefire-not-holding
title: A ceasefire, not said to hold
severity: high
match:
  all:
    - terms: [ceasefire]
    - not:
        terms: [holds]
"""


def _word_rule_poll(tmp_path, name, document, pool, minimum, feed_server):
    """`document` polled once (backfill) with one rule on words, of which "Ceasefire holds"
    is a candidate (the prefilter finds its word) that does not match."""
    from alerts.config import FetchSettings
    from alerts.fetch import Fetcher
    from alerts.rules import RuleSet, load_rules

    folder = tmp_path / "word-rules"
    folder.mkdir(exist_ok=True)
    (folder / "rule.yaml").write_text(WORD_RULE, encoding="utf-8")
    url = feed_server.put("/wire.xml", document)
    store = Store(tmp_path / f"{name}.db")
    poller = Poller(store, None, RuleSet(load_rules([folder])), force_backfill=True)
    poller.ahead_min, poller.ahead_pool = minimum, pool

    async def run():
        poller.fetcher = Fetcher(FetchSettings(timeout=10, allow_networks=("127.0.0.0/8",)))
        try:
            return await poller.poll(Feed(url, "Wire", 900), force=True)
        finally:
            await poller.fetcher.aclose()

    try:
        result = _run(run())
    finally:
        store.close()
    return sorted((item.key, m.rule_id, m.suppressed, m.story_id, m.explanation)
                  for item, m in result.matches)


def test_items_a_word_rule_matches_are_sent_ahead_and_alert_as_in_process(
        tmp_path, feed_server, pool, monkeypatch):
    """A rule on words never reads the analysis, but the story of an item it matches does:
    such items are sent ahead (found matching before the poll's matching, which does not
    evaluate those rules again); its other candidates are not."""
    from alerts.rules.conditions import AllCondition

    document = rss(*(rss_item(f"UN urges ceasefire in Sudan, day {n}", guid=f"c{n}")
                     for n in range(20)),
                   *(rss_item(f"Ceasefire holds in Sudan, day {n}", guid=f"h{n}")
                     for n in range(20)))
    here = _word_rule_poll(tmp_path, "here", document, None, 0, feed_server)
    assert len(here) == 20
    sent = _shares_sent(pool, monkeypatch)
    made_here = _analysed_here(monkeypatch)
    evaluated = []
    evaluate = AllCondition.evaluate
    monkeypatch.setattr(AllCondition, "evaluate",
                        lambda self, ctx: evaluated.append(1) or evaluate(self, ctx))
    through = _word_rule_poll(tmp_path, "ahead", document, pool, 1, feed_server)
    assert through == here
    assert sorted(title for title, _, _ in sent) == sorted(
        f"UN urges ceasefire in Sudan, day {n}" for n in range(20))
    assert made_here == []  # the matched items' stories read the workers' analyses
    assert len(evaluated) == 40  # each candidate once: a match is not evaluated again


def test_candidates_no_word_rule_matches_start_no_worker(tmp_path, feed_server, pool):
    document = rss(*(rss_item(f"Ceasefire holds in Sudan, day {n}", guid=f"h{n}")
                     for n in range(20)))
    assert _word_rule_poll(tmp_path, "words", document, pool, 1, feed_server) == []
    assert pool.starts == 0


def test_a_small_document_goes_ahead_while_a_worker_is_alive(tmp_path, feed_server, pool,
                                                             monkeypatch):
    """Below ahead_min a document starts no worker, but uses one a larger document started
    (a first poll of many feeds of few candidates each)."""
    document = rss(*(rss_item(f"UN urges ceasefire in Sudan, day {n}", guid=f"c{n}")
                     for n in range(3)))
    pool.idle_seconds = 60
    cold = _word_rule_poll(tmp_path, "cold", document, pool, 16, feed_server)
    assert len(cold) == 3 and pool.starts == 0
    assert _run(ahead.analyse_ahead([("Macron calls Putin", "", None)], pool))[0] is not None
    assert pool.running == 1  # a larger document's worker, idle now
    sent = _shares_sent(pool, monkeypatch)
    assert _word_rule_poll(tmp_path, "warm", document, pool, 16, feed_server) == cold
    assert len(sent) == 3 and pool.starts == 1


def test_a_share_finding_every_worker_busy_waits_for_one_while_the_backlog_has_room():
    """Queued (#17: analysed here instead, a third of the all-new cycle's documents were
    analysed by the polling process, whose CPU sets the pace)."""
    import threading

    pool = ahead.AnalysisPool(workers=1, backlog=10)
    taken = pool._acquire()  # the only worker, busy with another document
    assert taken is not None
    threading.Timer(0.5, pool._release, (taken, True)).start()
    try:
        made = _run(asyncio.wait_for(
            ahead.analyse_ahead([("Macron calls Putin", "", None)], pool), timeout=60))
    finally:
        pool.close()
    assert made[0] is not None and pool.starts == 1


def test_a_share_finding_every_worker_busy_and_the_backlog_full_is_analysed_here():
    """Beyond the backlog, not queued: the polling process analyses it while the workers
    work (waiting without a bound, every poll in flight could stall behind one worker)."""
    pool = ahead.AnalysisPool(workers=1, backlog=1)
    taken = pool._acquire()  # the only worker, busy with another document
    assert taken is not None
    try:
        made = _run(asyncio.wait_for(
            ahead.analyse_ahead([("Macron calls Putin", "", None)] * 2, pool), timeout=20))
    except TimeoutError:
        made = "waited for the busy worker"
    finally:
        pool._release(taken, True)
        pool.close()
    assert made == [None, None] and pool.starts == 1


def test_a_share_in_a_worker_holds_none_of_the_loops_executor_threads(monkeypatch):
    """Other feeds' polls parse in the loop's executor (asyncio.to_thread): a share waiting
    for its worker's answer must not hold one of its threads. Here the loop has one, and the
    worker's answer is held back until a parse has run."""
    import threading
    from concurrent.futures import ThreadPoolExecutor

    parsed = threading.Event()
    receive = ahead._Worker.receive

    def receive_after_a_parse(worker, seconds):
        parsed.wait(timeout=60)
        return receive(worker, seconds)

    monkeypatch.setattr(ahead._Worker, "receive", receive_after_a_parse)
    pool = ahead.AnalysisPool(workers=1)

    async def run() -> tuple[bool, list]:
        asyncio.get_running_loop().set_default_executor(ThreadPoolExecutor(1))
        analysing = asyncio.ensure_future(
            ahead.analyse_ahead([("Macron calls Putin", "", None)], pool))
        for _ in range(20):  # let it reach its worker
            await asyncio.sleep(0.01)
        try:
            await asyncio.wait_for(asyncio.to_thread(parsed.set), timeout=20)
            ran = True
        except TimeoutError:
            ran = False
            parsed.set()
        return ran, await analysing

    try:
        ran, made = _run(run())
    finally:
        pool.close()
    assert ran, "a parse waited for an analysis worker's answer"
    assert made[0] is not None


# -- what goes wrong --------------------------------------------------------------------------

def test_a_worker_that_cannot_start_costs_one_log_line_and_no_alert(tmp_path, feed_server,
                                                                   labelled_document, caplog):
    here, _ = _digest_alerts(tmp_path, "here", labelled_document, None, 0, feed_server)
    broken = ahead.AnalysisPool(workers=2, python=str(tmp_path / "no-such-python"))
    with caplog.at_level(logging.WARNING, logger="alerts.analysis.ahead"):
        first, _ = _digest_alerts(tmp_path, "broken", labelled_document, broken, 1, feed_server)
        again, _ = _digest_alerts(tmp_path, "again", labelled_document, broken, 1, feed_server)
    assert first == here and again == here
    said = [r.getMessage() for r in caplog.records if r.name == "alerts.analysis.ahead"]
    assert len(said) == 1 and "cannot start an analysis worker" in said[0], said
    assert broken.unavailable and broken.running == 0


def test_a_worker_killed_mid_job_costs_one_log_line_and_no_alert(tmp_path, feed_server,
                                                                labelled_document, caplog,
                                                                monkeypatch):
    here, _ = _digest_alerts(tmp_path, "here", labelled_document, None, 0, feed_server)
    killed = []
    send = ahead._Worker.send

    def send_then_die(worker, payload):
        send(worker, payload)  # the worker has its job; it dies before answering
        worker.proc.kill()
        killed.append(worker.proc.pid)

    monkeypatch.setattr(ahead._Worker, "send", send_then_die)
    lost = ahead.AnalysisPool(workers=2)
    try:
        with caplog.at_level(logging.WARNING, logger="alerts.analysis.ahead"):
            first, _ = _digest_alerts(tmp_path, "lost", labelled_document, lost, 1,
                                      feed_server)
            again, _ = _digest_alerts(tmp_path, "again", labelled_document, lost, 1,
                                      feed_server)
    finally:
        lost.close()
    assert len(killed) >= 2
    assert first == here and again == here
    said = [r.getMessage() for r in caplog.records if r.name == "alerts.analysis.ahead"]
    assert len(said) == 1 and "an analysis worker was lost" in said[0], said
    assert lost.running == 0  # the dead ones are not kept


def test_a_changed_knowledge_folder_is_analysed_here(pool):
    """The workers' base must be the one this process's stamp names; a stale one is not."""
    jobs = [("Macron calls Putin", "", ahead_equal.UNDATED)]
    assert pool.share(jobs, "", "not-the-stamp-of-no-folder") is None
    assert pool.share(jobs, "", "") is not None


def test_idle_workers_end(pool):
    pool.idle_seconds = 0.2
    assert _run(ahead.analyse_ahead([("Macron calls Putin", "", None)], pool))[0] is not None
    assert pool.running == 1
    from tests.servers import wait_for

    assert wait_for(lambda: pool.running == 0, timeout=30)


def _tagged(tag: str) -> list[int]:
    """Processes alive now whose environment holds `tag`."""
    out = []
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                if tag.encode() in (entry / "environ").read_bytes():
                    out.append(int(entry.name))
            except OSError:
                continue
    return out


@pytest.mark.skipif(not Path("/proc/self/environ").exists(), reason="needs /proc")
def test_poll_once_with_workers_alerts_as_in_process_and_leaves_no_worker(
        tmp_path, feed_server, labelled_document):
    """The real CLI, `poll --once --backfill --no-send`, over a real loopback feed: with
    analysis ahead forced on for every document and off, the same alerts are queued; no
    process it started outlives it."""
    from tests.conftest import outbox_messages
    from tests.servers import wait_for

    url = feed_server.put("/wire.xml", labelled_document, content_type="application/rss+xml")
    shipped = {p.name: p.read_text("utf-8") for p in shipped_rules_dir().glob("*.yaml")}
    queued = {}
    for name, minimum in (("here", "0"), ("ahead", "1")):
        folder = tmp_path / name
        folder.mkdir()
        # One feed: stories are numbered in the order polls are recorded.
        config = write_config(folder, feeds=[{"url": url, "name": "Wire"}],
                              channels={"hook": "json://127.0.0.1:9/hook"}, rules=shipped)
        tag = f"ALERTS_TEST_TAG={uuid.uuid4().hex}"
        env = cli_env() | {"ALERTS_AHEAD_MIN": minimum, tag.split("=")[0]: tag.split("=")[1]}
        done = subprocess.run([sys.executable, "-m", "alerts", "--config", str(config),
                               "--log-level", "debug", "poll", "--once", "--backfill",
                               "--no-send"], cwd=folder, env=env, capture_output=True,
                              text=True, timeout=300)
        assert done.returncode == 0, done.stdout + done.stderr
        started = "analysis worker started" in done.stderr
        assert started == (name == "ahead"), done.stderr[-3000:]
        # Its workers end with it (closed at exit; their stdin's end stops them too).
        assert wait_for(lambda tag=tag: not _tagged(tag), timeout=15), \
            f"{name}: a process of poll --once outlived it: {_tagged(tag)}"
        # Messages compared without their times.
        queued[name] = (sorted(done.stdout.splitlines()), sorted(
            repr((m.channel, m.kind, m.title, m.body, m.format, m.alert_id, m.thread_id,
                  m.severity, m.rule_id, m.story, m.payload))
            for m in outbox_messages(folder / "state" / "alerts.db")))
    assert queued["ahead"] == queued["here"]
    assert any("alerts queued" in line and not line.endswith(" 0 alerts queued")
               for line in queued["here"][0])


def test_a_first_poll_in_the_daemons_poll_worker_starts_no_analysis_worker(
        tmp_path, feed_server, labelled_document, monkeypatch, caplog):
    """alerts.pollworker runs Poller.digest in its own process, one document at a time: an
    analysis worker would only make it wait, and end and start again between documents
    (the idle-memory row of #17 measured 212 MiB in three processes with it, 49 in one
    without). It stores what digesting the document in the daemon stores."""
    from alerts.fetch import Fetcher
    from alerts.pollworker import PollWorker
    from tests.test_pollworker import configured, poller_for, stored

    url = feed_server.put("/wire.xml", labelled_document, content_type="application/rss+xml")
    shipped = {p.name: p.read_text("utf-8") for p in shipped_rules_dir().glob("*.yaml")}
    here_settings, here_rules = configured(tmp_path / "here", url, rules=shipped)
    away_settings, away_rules = configured(tmp_path / "away", url, rules=shipped)
    feed = Feed(url, "Wire", 60)
    monkeypatch.setenv("ALERTS_AHEAD_MIN", "1")  # the poll worker's environment

    async def go() -> tuple[PollResult, PollResult, PollWorker]:
        here_store, away_store = Store(here_settings.state_path), Store(away_settings.state_path)
        fetcher = Fetcher(here_settings.fetch)
        try:
            here = poller_for(here_settings, here_rules, here_store, fetcher)
            here.ahead_min = 0  # the daemon's own process, as before
            away = poller_for(away_settings, away_rules, away_store, fetcher)
            worker = PollWorker(lambda: (away_settings, away_rules, True), away.parse_memo,
                                away.digest, idle_seconds=60)
            away.offload = worker.digest
            try:
                return await here.poll(feed), await away.poll(feed), worker
            finally:
                worker.close()
        finally:
            await fetcher.aclose()
            here_store.close()
            away_store.close()

    with caplog.at_level(logging.DEBUG):
        here, _, worker = _run(go())
    assert worker.digested == 1 and here.alerts_queued > 0
    assert not any("analysis worker started" in r.getMessage() for r in caplog.records)
    assert stored(away_settings.state_path) == stored(here_settings.state_path)
