"""Commands only: parse options, call the library, turn errors into messages and exit codes."""

from __future__ import annotations

import json
import logging
import shutil
import sys
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import TYPE_CHECKING

import click

from alerts import __version__
from alerts.errors import AlertsError, ConfigError, FileProblems, Problem, StateDamaged
from alerts.logs import setup_logging

if TYPE_CHECKING:
    from collections.abc import Callable

    from alerts.config import FetchSettings, Settings
    from alerts.state import Store

EXIT_PROBLEMS = 2  # config or rule files are wrong, or the state is damaged: restarts can't help
EXIT_FAILED = 1


def find_config(explicit: str | None) -> Path:
    """The configuration file (alerts.config, loaded by the commands that read it: `--help`,
    `init` and `schema` start without the configuration's loader)."""
    from alerts.config import find_config as find

    return find(explicit)


def load_settings(path: str | Path) -> Settings:
    from alerts.config import load_settings as load

    return load(path)


def _no_fetch_settings() -> FetchSettings:
    from alerts.config import FetchSettings

    return FetchSettings()


def _fail(exc: AlertsError) -> None:
    if isinstance(exc, FileProblems):
        click.echo(f"{len(exc.problems)} problem(s) found:", err=True)
        for problem in exc.problems:
            click.echo(f"  {problem}", err=True)
        sys.exit(EXIT_PROBLEMS)
    click.echo(f"error: {exc}", err=True)
    sys.exit(EXIT_PROBLEMS if isinstance(exc, StateDamaged) else EXIT_FAILED)


def _open_state(settings: Settings) -> Store:
    """The state database, once SQLite's quick_check passed: a damaged file is refused with
    how to recover (alerts.errors.StateDamaged) instead of tracebacks at every query."""
    from alerts.state import Store, ensure_intact

    ensure_intact(settings.state_path)
    return Store(settings.state_path)


def _load(config: str | None, verify: bool = False, channels: bool = True,
          require_rules: bool = True,
          settled: Callable[[Settings], object] | None = None) -> tuple[Settings, object]:
    """Settings and rules, with every problem in both reported together. `channels=False`
    leaves the channel check to the caller (the daemon runs it beside its first polls);
    `require_rules=False` accepts a set without an enabled rule (a reload judges it);
    `settled` is given the settings as soon as they are read, before the rules."""
    settings = load_settings(find_config(config))
    if settled is not None:
        settled(settings)
    from alerts.knowledge.choice import use_folder
    from alerts.rules import RuleSet, load_rules  # after `settled`: workers it starts load now
    from alerts.rules.engine import verify_examples
    from alerts.rules.loader import no_rules_problem

    problems: list[Problem] = use_folder(settings.knowledge_path)  # before the rules name people
    if channels:
        from alerts.notify import channel_problems

        problems.extend(channel_problems(settings))
    try:
        rules = load_rules(settings.rule_paths, set(settings.channels), settings.default_channels)
    except FileProblems as exc:
        problems.extend(exc.problems)
        rules = []
    else:
        empty = no_rules_problem(rules, settings.rule_paths, str(settings.path))
        if require_rules and empty is not None:
            problems.append(empty)
    if verify:
        problems.extend(verify_examples(rules))
    if problems:
        raise ConfigError(problems)
    return settings, RuleSet(rules, settings.default_channels)


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="alerts")
@click.option("--config", "-c", envvar="ALERTS_CONFIG", metavar="PATH",
              help="Configuration file (default: $ALERTS_CONFIG, then ./alerts.yaml).")
@click.option("--log-level", default="info", show_default=True,
              type=click.Choice(["debug", "info", "warning", "error"]))
@click.option("--log-format", default="text", show_default=True,
              type=click.Choice(["text", "json"]),
              help="json: one object per line, for journald and log shippers.")
@click.pass_context
def cli(ctx: click.Context, config: str | None, log_level: str, log_format: str) -> None:
    """Streaming alerts for diplomatic developments: poll feeds, match rules, notify."""
    ctx.obj = {"config": config}
    setup_logging(log_level, log_format)


@cli.command()
@click.option("--duration", type=float, metavar="SECONDS",
              help="Stop by itself after this many seconds.")
@click.option("--backfill", is_flag=True,
              help="Alert on the items already in feeds polled for the first time.")
@click.pass_context
def run(ctx: click.Context, duration: float | None, backfill: bool) -> None:
    """Run the daemon: poll every feed at its interval and send alerts until stopped."""
    from alerts.daemon import Daemon
    from alerts.lock import StateLock
    from alerts.state import ensure_intact

    try:
        # Apprise is loaded and the channels checked while the first polls already run.
        settings, rules = _load(ctx.obj["config"], channels=False)
        # One daemon per state file: a second one would send every alert again. The lock
        # is held until this process ends (the kernel drops it even on SIGKILL).
        lock = StateLock(settings.state_path)
        lock.acquire("run")
        ensure_intact(settings.state_path)

        def reload_rules():  # type: ignore[no-untyped-def]
            # Only the rules are taken; the channels were checked at start.
            return _load(ctx.obj["config"], channels=False, require_rules=False)[1]

        def reload_config():  # type: ignore[no-untyped-def]
            # alerts.yaml and the rules; the daemon checks changed channels itself.
            return _load(ctx.obj["config"], channels=False, require_rules=False)

        daemon = Daemon(settings, rules, reload_rules=reload_rules,  # type: ignore[arg-type]
                        reload_config=reload_config,
                        duration=duration, force_backfill=backfill)
        import asyncio

        code = asyncio.run(daemon.run())
        lock.release()
        sys.exit(code)
    except AlertsError as exc:
        _fail(exc)


@cli.command()
@click.option("--once", is_flag=True, default=True,
              help="One cycle over all feeds, then exit (the only mode; for cron and timers).")
@click.option("--backfill", is_flag=True,
              help="Alert on the items already in feeds polled for the first time.")
@click.option("--no-send", is_flag=True, help="Record and queue alerts without sending them.")
@click.option("--feed", "only", multiple=True, metavar="NAME",
              help="Only this feed (name or URL; repeatable), polled now whatever its backoff.")
@click.pass_context
def poll(ctx: click.Context, once: bool, backfill: bool, no_send: bool,
         only: tuple[str, ...]) -> None:
    """Poll every feed once, send due alerts, and exit (0: all well, 3: a feed or a delivery
    failed, or no feed could be polled). Beside a running daemon it polls and stores, and
    leaves the sending to the daemon."""
    from alerts import buildcache
    from alerts.pollworker import Spawned, spawn_early

    buildcache.short_lived()  # the knowledge base read is kept to the end: no GC walks (#17)
    early: Spawned | None = None  # poll workers started before the rules are read

    def settled(settings: Settings) -> None:
        nonlocal early
        early = spawn_early(settings, only)

    try:
        # The channels are checked by poll_once, when a message is to be sent.
        settings, rules = _load(ctx.obj["config"], channels=False, settled=settled)
        # Imported once the poll workers are started (spawn_early), as are the rest below.
        from alerts.lock import StateLock
        from alerts.state.integrity import ensure_intact_since_clean_run, note_clean_run

        # Not checked again when it is as the last run that checked it left it (#17).
        checked = ensure_intact_since_clean_run(settings.state_path)
        lock = StateLock(settings.state_path)

        def claim() -> str | None:
            # Only one process sends from a state file, or alerts would go out twice.
            holder = lock.try_acquire("poll --once")
            if holder is None:
                return None
            return (f"not sending: {holder.describe()} runs on this state database and sends "
                    "its alerts, including those queued by this poll")

        import asyncio

        from alerts.once import poll_once

        code = asyncio.run(poll_once(settings, rules, force_backfill=backfill,  # type: ignore[arg-type]
                                     send=not no_send, report=click.echo, claim=claim,
                                     only=only, spawned=early))
        note_clean_run(settings.state_path, checked)  # every connection is closed by now
        sys.exit(code)
    except AlertsError as exc:
        _fail(exc)
    finally:  # those not given to poll workers (a rule file's error, say) are ended
        if early is not None:
            early.close()


@cli.command()
@click.pass_context
def check(ctx: click.Context) -> None:
    """Validate the configuration, channels and rules; exit non-zero on any problem."""
    from alerts.rules.retention import retention_warnings

    try:
        settings, rules = _load(ctx.obj["config"], verify=True)
    except AlertsError as exc:
        _fail(exc)
        return
    for warning in retention_warnings(rules.rules, settings.stories.retention):  # type: ignore[attr-defined]
        click.echo(f"warning: {warning}", err=True)
    from alerts.knowledge.base import user_warnings

    for problem in user_warnings(settings.knowledge_path):
        click.echo(f"warning: {problem}", err=True)
    from alerts.feedcheck import refused_feed_warnings
    from alerts.rules.lint import lint_rules

    for warning in lint_rules(settings.rule_paths):
        click.echo(f"warning: {warning}", err=True)

    for warning in refused_feed_warnings(settings):  # type: ignore[arg-type]
        click.echo(f"warning: {warning}", err=True)
    click.echo(f"{settings.path}: OK: {len(settings.feeds)} feeds, {len(settings.channels)} "
               f"channels, {len(rules)} rules")  # type: ignore[arg-type]


@cli.command()
@click.argument("directory", default=".", type=click.Path(file_okay=False))
@click.option("--force", is_flag=True, help="Overwrite an existing alerts.yaml.")
def init(directory: str, force: bool) -> None:
    """Write a commented starter alerts.yaml (and a copy of the shipped rules) into DIRECTORY."""
    from importlib import resources

    target = Path(directory)
    target.mkdir(parents=True, exist_ok=True)
    config_path = target / "alerts.yaml"
    if config_path.exists() and not force:
        click.echo(f"{config_path} already exists; pass --force to overwrite it", err=True)
        sys.exit(EXIT_FAILED)
    config_path.write_text(resources.files("alerts").joinpath("starter.yaml").read_text("utf-8"),
                           encoding="utf-8")
    rules_dir = target / "rules"
    if not rules_dir.exists():
        from alerts.rulepack import shipped_rules_dir
        shutil.copytree(shipped_rules_dir(), rules_dir)
    click.echo(f"wrote {config_path} and {rules_dir}/; edit the feeds and channels, then run "
               f"`alerts --config {config_path} check`")


@cli.command()
@click.option("--json", "as_json", is_flag=True, help="Print JSON, for scripts.")
@click.pass_context
def status(ctx: click.Context, as_json: bool) -> None:
    """Each feed's health (last success, last error, next poll) and the outbox."""
    from alerts.lock import StateLock
    from alerts.stories import publisher

    try:
        settings = load_settings(find_config(ctx.obj["config"]))
        from alerts.health import stale

        store = _open_state(settings)
        # The same query as `alerts outbox`: "failed" is a pending message that failed once.
        data: dict = {"feeds": store.feeds_overview(), "outbox": store.outbox_summary()}
        now = datetime.now(UTC)
        configured = {feed.url: feed for feed in settings.feeds}
        for row in data["feeds"]:
            row["stale"] = stale(store, row, now)  # polled fine, but its publishing stopped
            feed = configured.get(row["url"])
            # Who publishes it: as configured, else the feed's own title, else its host.
            row["publisher"] = publisher(row["url"], (feed.publisher if feed else None)
                                         or row.get("title"))
        store.close()
        holder = StateLock(settings.state_path).holder()
        data["daemon"] = {"pid": holder.pid, "command": holder.command,
                          "since": holder.since} if holder else None
    except AlertsError as exc:
        _fail(exc)
        return
    if as_json:
        click.echo(json.dumps(data, indent=2, default=str))
        return
    polled = {row["url"] for row in data["feeds"]}
    unpolled = [f for f in settings.feeds if f.url not in polled]
    if holder is not None:
        click.echo(f"Sending: {holder.describe()}")
    else:
        click.echo("Sending: no daemon is running on this state (`alerts run` starts one)")
    click.echo(f"Feeds ({len(data['feeds']) + len(unpolled)}):")
    for row in data["feeds"]:
        click.echo(_feed_status(row))
    for waiting in unpolled:
        click.echo(f"  {waiting.name} <{waiting.url}>\n    not polled yet")
    counts = data["outbox"]
    summary = ", ".join(f"{counts[k]} {k}" for k in sorted(counts)) or "empty"
    click.echo(f"Outbox: {summary}")
    if counts.get("dead") or counts.get("failed"):
        click.echo("  see them with `alerts outbox`; requeue with `alerts outbox retry --all`")
    elif counts.get("pending"):
        click.echo("  see them with `alerts outbox`")


def _feed_status(row: dict) -> str:
    """A few readable lines on one feed's health, for `alerts status`."""
    def when(value: str | None) -> str:
        return value[:19].replace("T", " ") + " UTC" if value else "never"

    lines = [f"  {row.get('name') or row['url']} <{row['url']}>",
             f"    publisher: {row['publisher']}" if row.get("publisher") else "",
             f"    last success: {when(row.get('last_success'))}, "
             f"items seen: {row.get('items_seen', 0)}"]
    lines = [line for line in lines if line]
    if row.get("disabled_at"):
        lines.append(f"    DISABLED since {when(row['disabled_at'])}: {row.get('disabled_reason')}")
        return "\n".join(lines)
    if row.get("error_kind") == "postponed":
        lines.append(f"    postponed: {row['last_error']}")
    elif row.get("last_error"):
        lines.append(f"    last error ({row.get('error_count', 0)} in a row): {row['last_error']}")
    if row.get("next_poll_after"):
        lines.append(f"    next poll after: {when(row['next_poll_after'])}")
    if row.get("stale"):
        lines.append("    stale: no new item for much longer than usual; check that the feed "
                     "has not moved")
    if row.get("moved_to"):
        lines.append(f"    moved permanently to {row['moved_to']}; replace the URL in "
                     "alerts.yaml")
    return "\n".join(lines)


@cli.group(invoke_without_command=True)
@click.option("--status", "statuses", multiple=True,
              type=click.Choice(["pending", "failed", "dead", "sent", "digested"]),
              help="Only these (repeatable; default: pending, failed and dead).")
@click.option("--json", "as_json", is_flag=True, help="One JSON array instead of a table.")
@click.pass_context
def outbox(ctx: click.Context, statuses: tuple[str, ...], as_json: bool) -> None:
    """List pending, failed and dead messages with their last error; `alerts outbox retry`
    sends failed or dead ones again."""
    if ctx.invoked_subcommand is not None:
        return
    from alerts.outbox import LISTED, OUTBOX_SHOWN, outbox_json, outbox_lines

    wanted = set(statuses or LISTED)
    try:
        settings = load_settings(find_config(ctx.obj["config"]))
        store = _open_state(settings)
        # The rows as shown: "pending" ones that failed once are "failed" (as counted below).
        rows = store.outbox_list(wanted, limit=-1 if as_json else OUTBOX_SHOWN, as_shown=True)
        counts = {status: n for status, n in store.outbox_summary().items() if status in wanted}
        store.close()
    except AlertsError as exc:
        _fail(exc)
        return
    if as_json:
        click.echo(json.dumps(outbox_json(rows), indent=2))
    else:
        click.echo("\n".join(outbox_lines(rows, counts)))


@outbox.command(name="retry")
@click.argument("ids", nargs=-1, type=int)
@click.option("--all", "all_", is_flag=True, help="Every failed or dead message.")
@click.pass_context
def outbox_retry(ctx: click.Context, ids: tuple[int, ...], all_: bool) -> None:
    """Requeue messages by ID (or --all failed and dead ones) to be sent at once."""
    from datetime import UTC, datetime

    from alerts.outbox import retry_lines

    if bool(ids) == all_:
        click.echo("give the ids of the messages to retry (see `alerts outbox`), or --all",
                   err=True)
        sys.exit(EXIT_FAILED)
    try:
        settings = load_settings(find_config(ctx.obj["config"]))
        store = _open_state(settings)
        before = store.outbox_retry(None if all_ else list(ids), datetime.now(UTC))
        store.close()
    except AlertsError as exc:
        _fail(exc)
        return
    lines, requeued = retry_lines(before)
    click.echo("\n".join(lines))
    sys.exit(0 if requeued or all_ else EXIT_FAILED)


@cli.command(name="notify-test")
@click.argument("channel")
@click.pass_context
def notify_test(ctx: click.Context, channel: str) -> None:
    """Send a test message to CHANNEL now and say whether each of its services accepted it."""
    from datetime import UTC, datetime

    from alerts.notify import Notifier
    from alerts.outbox import sample_message

    try:
        settings = load_settings(find_config(ctx.obj["config"]))
        if channel not in settings.channels:
            known = ", ".join(sorted(settings.channels)) or "none"
            raise AlertsError(f"there is no channel '{channel}'; channels in the "
                              f"configuration: {known}")
        notifier = Notifier(settings.channels, settings.notify.send_timeout)
        message = sample_message(settings.channels[channel], datetime.now(UTC))
        import asyncio

        outcome = asyncio.run(notifier.send_within(
            channel, message.title, message.body, format=message.format,
            alert_id=message.alert_id, severity=message.severity))
    except AlertsError as exc:
        _fail(exc)
        return
    for result in outcome.services:
        state = "accepted it" if result.ok else f"did NOT accept it: {result.error}"
        click.echo(f"  {result.label}: {state}")
    total = len(outcome.services)
    if outcome.ok:
        click.echo(f"The test message arrived at {'the' if total == 1 else f'all {total}'} "
                   f"service{'s' if total != 1 else ''} of channel '{channel}'; check that it "
                   "reached you.")
        return
    failed = sum(not r.ok for r in outcome.services) or 1
    click.echo(f"The test message did NOT arrive at {failed} of {max(total, failed)} "
               f"service(s) of channel '{channel}': {outcome.error}. Fix the URL, credentials "
               "or network, then run `alerts notify-test` again.", err=True)
    sys.exit(EXIT_FAILED)


@cli.command()
@click.option("--duration", type=float, metavar="SECONDS",
              help="Stop by itself after this many seconds (default: run until Ctrl-C).")
@click.option("--every", type=float, default=3.0, show_default=True, metavar="SECONDS",
              help="How often the demo wire releases new items.")
@click.option("--state", type=click.Path(dir_okay=False), default=None,
              help="State database for the demo (default: a fresh temporary one).")
def demo(duration: float | None, every: float, state: str | None) -> None:
    """Run the daemon against a built-in demo wire served on 127.0.0.1."""
    from alerts.demo.run import run_demo

    try:
        sys.exit(run_demo(duration=duration, every=every, state=state))
    except AlertsError as exc:
        _fail(exc)


def _tool_rules(config: str | None, rule_paths: tuple[str, ...]) -> tuple[object, object]:
    """Rules for explain and replay: --rules, else the configuration's, else the shipped pack,
    and the settings when there is a configuration. Channels are not checked: these commands
    never send."""
    from alerts.rulepack import shipped_rules_dir
    from alerts.rules import RuleSet, load_rules

    settings = None
    if rule_paths:
        paths = [Path(p) for p in rule_paths]
    else:
        try:
            settings = load_settings(find_config(config))
            paths = list(settings.rule_paths)
        except ConfigError:
            if config:
                raise
            paths = [shipped_rules_dir()]
    if settings is None and config:
        settings = load_settings(find_config(config))
    if settings is not None:
        from alerts.knowledge.choice import use_folder

        problems = use_folder(settings.knowledge_path)  # type: ignore[attr-defined]
        if problems:
            raise ConfigError(problems)
    rules = RuleSet(load_rules(paths, None))
    return rules, settings


@cli.command()
@click.argument("of", type=click.Choice(["rules", "config"]), default="rules")
def schema(of: str) -> None:
    """Print the JSON Schema of rule files, or with `config` of alerts.yaml (every key,
    condition or option with its description and an example), for editors: validation and
    completion."""
    import json

    if of == "config":
        from alerts.options import config_schema

        built = config_schema()
    else:
        from alerts.rules.schema import rule_schema

        built = rule_schema()
    click.echo(json.dumps(built, indent=2, ensure_ascii=False))


@cli.command(name="help")
@click.argument("topic", required=False)
@click.option("--man", is_flag=True,
              help="Print all of it as a man page: alerts help --man > alerts.1; man -l alerts.1")
def help_(topic: str | None, man: bool) -> None:
    """The reference: commands, rule keys, conditions, fields (the README's tables come from
    the same source). Without TOPIC, the topics; a command's name shows its entry."""
    from alerts import helptopics

    try:
        if man:
            click.echo(helptopics.man_page(__version__), nl=False)
        elif topic:
            click.echo(helptopics.help_text(topic), nl=False)
        else:
            click.echo(helptopics.topic_list(), nl=False)
    except AlertsError as exc:
        _fail(exc)


@cli.command(name="explain")
@click.argument("rule_id")
@click.option("--text", help="A headline, optionally followed by a newline and a summary.")
@click.option("--file", "file_", type=click.Path(dir_okay=False),
              help="A feed file (every item is explained) or a text file.")
@click.option("--url", help="A feed URL (every item is explained).")
@click.option("--rules", "rule_paths", multiple=True, type=click.Path(),
              help="Rule files or folders (default: the configuration's, else the shipped pack).")
@click.option("--state", type=click.Path(dir_okay=False),
              help="State database (read only) whose history gap and count conditions "
                   "consult, and whose stories say which one took each item, and why.")
@click.option("--date", "on", type=click.DateTime(formats=["%Y-%m-%d"]),
              help="The date the --text is about (YYYY-MM-DD): offices and gaps are read on it.")
@click.pass_context
def explain_cmd(ctx: click.Context, rule_id: str, text: str | None, file_: str | None,
                url: str | None, rule_paths: tuple[str, ...], state: str | None,
                on: datetime | None) -> None:
    """Show whether RULE_ID matches each item, and why, condition by condition."""
    from alerts.explain import explain_items
    from alerts.rules.history import HistoryView
    from alerts.sources import from_text, read_inputs
    from alerts.state import Store, ensure_intact

    if sum(x is not None for x in (text, file_, url)) != 1:
        click.echo("give exactly one of --text, --file or --url", err=True)
        sys.exit(EXIT_FAILED)
    try:
        rules, settings = _tool_rules(ctx.obj["config"], rule_paths)
        fetch = settings.fetch if settings else _no_fetch_settings()  # type: ignore[attr-defined]
        rule = rules.by_id.get(rule_id)  # type: ignore[attr-defined]
        if rule is None:
            known = ", ".join(sorted(rules.by_id))  # type: ignore[attr-defined]
            raise AlertsError(f"no rule with id '{rule_id}'; rules loaded: {known}")
        if text is not None:
            sources = [from_text(text)]
            if on is not None:  # an undated text is read as of the date the user gives
                from dataclasses import replace

                when = on.replace(tzinfo=UTC)
                sources = [replace(source, items=[replace(i, published=i.published or when)
                                                  for i in source.items])
                           for source in sources]
        elif on is not None:
            raise AlertsError("--date goes with --text; feed items carry their own dates")
        else:
            sources = read_inputs([file_ or url or ""], fetch)  # type: ignore[arg-type]
        if state:
            ensure_intact(Path(state))  # a damaged file: how to recover, not a traceback
        store = Store(state) if state else None
        # Without --state the shipped records of leaders' contacts still answer.
        history = HistoryView(store)
        for source in sources:
            # With --state, which story took (or would take) each item, and why (#16).
            window = timedelta(seconds=settings.stories.window  # type: ignore[attr-defined]
                               if settings else 48 * 3600)
            for line in explain_items(rules, rule, source.items, history,  # type: ignore[arg-type]
                                      store, window):
                click.echo(line)
        if store:
            store.close()
    except AlertsError as exc:
        _fail(exc)


@cli.command()
@click.argument("inputs", nargs=-1, required=True)
@click.option("--rules", "rule_paths", multiple=True, type=click.Path(),
              help="Rule files or folders (default: the configuration's, else the shipped pack).")
@click.option("--state", type=click.Path(dir_okay=False),
              help="Use and update this state database (its history, items and matches).")
@click.option("--fresh", is_flag=True, help="Start from empty state (the default).")
@click.option("--since", type=click.DateTime(formats=["%Y-%m-%d", "%Y-%m-%dT%H:%M:%S"]),
              help="Report alerts from this date on; earlier items still build history.")
@click.option("--format", "fmt", type=click.Choice(["json", "text"]), default="json",
              show_default=True)
@click.pass_context
def replay(ctx: click.Context, inputs: tuple[str, ...], rule_paths: tuple[str, ...],
           state: str | None, fresh: bool, since: object, fmt: str) -> None:
    """Backtest: run feed files, .jsonl archives, folders, URLs, or `stored` (the items in the
    configured state database) through the pipeline in publication order, sending nothing;
    print one line per alert."""
    import tempfile
    from datetime import UTC

    from alerts.replay import format_json, format_text
    from alerts.replay import replay as run_replay
    from alerts.sources import read_inputs
    from alerts.state import Store, ensure_intact

    if state and fresh:
        click.echo("give --state or --fresh, not both", err=True)
        sys.exit(EXIT_FAILED)
    try:
        rules, settings = _tool_rules(ctx.obj["config"], rule_paths)
        fetch = settings.fetch if settings else _no_fetch_settings()  # type: ignore[attr-defined]
        stored = settings.state_path if settings else None  # type: ignore[attr-defined]
        if state and stored and Path(state).resolve() == stored.resolve() and any(
                i == "stored" for i in inputs):
            raise AlertsError("replaying stored items into the database they come from finds "
                              "them all seen already; use --fresh or another --state")
        sources = read_inputs(list(inputs), fetch, stored)
        with tempfile.TemporaryDirectory(prefix="alerts-replay-") as tmp:
            if state:
                ensure_intact(Path(state))  # a damaged file: how to recover, not a traceback
            store = Store(state or Path(tmp) / "replay.db")
            start = since.replace(tzinfo=UTC) if since else None  # type: ignore[attr-defined]
            count = 0
            for alert in run_replay(sources, rules, store, since=start):  # type: ignore[arg-type]
                click.echo(format_json(alert) if fmt == "json" else format_text(alert))
                count += 1
            store.close()
        items = sum(len(s.items) for s in sources)
        click.echo(f"replayed {items} items from {len(sources)} feeds: {count} alerts", err=True)
    except AlertsError as exc:
        _fail(exc)


@cli.command()
@click.option("--days", type=float, default=7, show_default=True,
              help="How far back to look.")
@click.option("--json", "as_json", is_flag=True, help="One JSON document, for scripts.")
@click.pass_context
def history(ctx: click.Context, days: float, as_json: bool) -> None:
    """Recent stories (one real-world event each) with every source that reported them."""
    from datetime import UTC, datetime, timedelta

    try:
        settings = load_settings(find_config(ctx.obj["config"]))
        store = _open_state(settings)
        try:
            since = datetime.now(UTC) - timedelta(days=days)
            stories = store.recent_stories(since, limit=200)
            for story in stories:
                story["sources"] = store.story_sources(story["id"])
                story["developments"] = store.story_timeline(story["id"])
        finally:
            store.close()
    except AlertsError as exc:
        _fail(exc)
        return
    if as_json:
        click.echo(json.dumps(stories, indent=2, default=str, ensure_ascii=False))
        return
    from alerts.explain import source_note

    default_window = timedelta(seconds=settings.stories.window)
    try:  # a rule's own `story: {window}` applies to its stories
        from alerts.rules import load_rules

        windows = {r.id: timedelta(seconds=r.story_window)
                   for r in load_rules(settings.rule_paths) if r.story_window}
    except AlertsError:
        windows = {}  # rules that do not load: the configured window (`alerts check` says why)
    if not stories:
        click.echo(f"no stories in the last {days:g} days")
    for story in stories:
        alerted = story["alerted_rules"] or "no alert"
        click.echo(f"story-{story['id']}  {story['last_at'][:16]}  {story['title']}  "
                   f"[{story['publishers']} sources; alerted: {alerted}]")
        if story.get("event"):
            from alerts.stories import EventKey

            event = EventKey.decode(story["event"])
            if event is not None:
                click.echo(f"    event: {event.describe()}")
        if story["developments"]:
            click.echo("    developments: " + " -> ".join(
                f"{d['status']} ({d['at'][:16]}, {d['rule_id']})"
                for d in story["developments"]))
        # Times are measured from the report that opened the story, which need not be the
        # earliest published (an older report can arrive later).
        opened = next((s["at"] for s in story["sources"] if s["joined_by"] in (None, "new")),
                      story["sources"][0]["at"] if story["sources"] else "")
        rule_ids = (story["alerted_rules"] or "").split(",")
        window = windows.get(rule_ids[0], default_window)
        for source in story["sources"]:
            # Which status each report gave, why it joined the story, and what it added (#16).
            note = source_note(source, opened, story["developments"], window)
            click.echo(f"    {source['at'][:16]}  {source['publisher']}: {source['title']}"
                       + (f"  {source['link']}" if source["link"] else "") + f"  {note}")


def _open_store(ctx: click.Context):  # type: ignore[no-untyped-def]
    from alerts.state import Store

    settings = load_settings(find_config(ctx.find_root().obj["config"]))
    return settings, Store(settings.state_path)


@cli.command()
@click.argument("alert_id", required=False)
@click.argument("verdict", required=False, type=click.Choice(["right", "wrong"]))
@click.option("--note", help="Why, in a few words (kept with the judgement).")
@click.option("--export", "export", is_flag=True,
              help="Print the alerts judged wrong as `examples: no_match` entries per rule.")
@click.pass_context
def feedback(ctx: click.Context, alert_id: str | None, verdict: str | None, note: str | None,
             export: bool) -> None:
    """Judge an alert right or wrong (its id is in every message), or export the wrong ones."""
    from alerts.feedback import export_no_match

    try:
        settings, store = _open_store(ctx)
        try:
            if export:
                from alerts.rules import load_rules

                rules = load_rules(settings.rule_paths, set(settings.channels),
                                   settings.default_channels)
                click.echo(export_no_match(store.feedback_rows(), {r.id: r for r in rules}),
                           nl=False)
                return
            if not alert_id or not verdict:
                raise click.UsageError("give an alert id and right or wrong, e.g. "
                                       "`alerts feedback a1b2c3d4e wrong --note 'a plan'`, "
                                       "or --export")
            facts = store.alert_facts(alert_id)
            if facts is None:
                raise AlertsError(f"no alert with the id {alert_id!r} in "
                                  f"{settings.state_path}; the id is in the message's footer "
                                  "(and in `alerts outbox`)")
            replaced = store.record_feedback(alert_id, facts, verdict, note,
                                             datetime.now(UTC))
        finally:
            store.close()
    except AlertsError as exc:
        _fail(exc)
        return
    click.echo(f"{'changed' if replaced else 'recorded'}: alert {alert_id} "
               f"({facts['rule_id']}: {facts['title']}) was {verdict}; `alerts quality` shows "
               "each rule's precision")


@cli.command()
@click.pass_context
def quality(ctx: click.Context) -> None:
    """Each rule's precision on your own judgements (`alerts feedback`), by month."""
    from alerts.feedback import quality as rule_quality
    from alerts.feedback import quality_table

    try:
        _, store = _open_store(ctx)
        try:
            rows = store.feedback_rows()
        finally:
            store.close()
    except AlertsError as exc:
        _fail(exc)
        return
    click.echo(quality_table(rule_quality(rows)))


def _mute_target(target: str) -> tuple[str, str]:
    if target.startswith("story-") and target[6:].isdigit():
        return target, "story"
    if target.isdigit():
        return f"story-{target}", "story"
    return target, "rule"


@cli.command()
@click.argument("target", required=False)
@click.option("--for", "duration", metavar="DURATION",
              help="How long, e.g. 3d, 12h (default: until `alerts unmute`).")
@click.option("--list", "list_", is_flag=True, help="The mutes in force.")
@click.pass_context
def mute(ctx: click.Context, target: str | None, duration: str | None, list_: bool) -> None:
    """Silence a story (story-12, from `alerts history`) or a rule; history is still kept."""
    from datetime import timedelta

    from alerts.config import parse_duration

    now = datetime.now(UTC)
    try:
        settings, store = _open_store(ctx)
        try:
            if list_:
                found = store.mutes(now)
                if not found:
                    click.echo("nothing is muted")
                for m in found:
                    lasts = f"until {m['until'][:16]} UTC" if m["until"] else "until unmuted"
                    click.echo(f"{m['target']}  ({m['kind']}, {lasts})")
                return
            if not target:
                raise click.UsageError("give a story (story-12) or a rule id, or --list")
            name, kind = _mute_target(target)
            if kind == "rule":
                from alerts.rules import load_rules

                known = {r.id for r in load_rules(settings.rule_paths, set(settings.channels),
                                                  settings.default_channels)}
                if name not in known:
                    raise AlertsError(f"no rule {name!r} is loaded; give a rule id from "
                                      "`alerts check`, or a story as story-12")
            elif not store.story_exists(int(name[6:])):
                raise AlertsError(f"there is no {name}; `alerts history` lists the stories")
            seconds = parse_duration(duration) if duration else None
            if duration and seconds is None:
                raise AlertsError(f"--for {duration!r} is not a duration; write it like 30m, "
                                  "12h or 3d")
            until = now + timedelta(seconds=seconds) if seconds else None
            store.mute(name, kind, until, now)
        finally:
            store.close()
    except AlertsError as exc:
        _fail(exc)
        return
    click.echo(f"muted {name} " + (f"until {until:%Y-%m-%d %H:%M} UTC" if until
                                   else "until `alerts unmute " + name + "`"))


@cli.command()
@click.argument("target")
@click.pass_context
def unmute(ctx: click.Context, target: str) -> None:
    """Lift a mute set with `alerts mute`."""
    try:
        _, store = _open_store(ctx)
        try:
            name, _ = _mute_target(target)
            lifted = store.unmute(name)
        finally:
            store.close()
    except AlertsError as exc:
        _fail(exc)
        return
    click.echo(f"unmuted {name}" if lifted else f"{name} was not muted")


@cli.group()
def feeds() -> None:
    """Add, list, remove, import and export feeds (alerts.yaml is edited in place)."""


def _config_path(ctx: click.Context) -> Path:
    return find_config(ctx.find_root().obj["config"])


def _fetch_settings(path: Path) -> FetchSettings:
    from alerts.feedlist import load_without_secrets

    try:
        return load_without_secrets(path).fetch
    except AlertsError:
        return _no_fetch_settings()  # a config `feeds add` is about to fix


@feeds.command(name="add")
@click.argument("url")
@click.option("--name", help="Name shown in alerts and logs (default: the feed's title).")
@click.option("--interval", help="Time between polls, e.g. 10m (default: defaults.interval).")
@click.option("--language", help="Language of the feed's text, e.g. fr.")
@click.option("--tags", help="Comma-separated tags rules can test.")
@click.option("--no-discover", is_flag=True,
              help="Add the URL as given, without fetching it to find the feed.")
@click.pass_context
def feeds_add(ctx: click.Context, url: str, name: str | None, interval: str | None,
              language: str | None, tags: str | None, no_discover: bool) -> None:
    """Add a feed, given its address or a web page that links to it."""
    from alerts.discover import discover
    from alerts.feedlist import ConfigDocument, FeedEntry

    try:
        path = _config_path(ctx)
        doc = ConfigDocument(path)
        title = lang = None
        if not no_discover:
            found = discover(url, _fetch_settings(path))
            if found.via_page:
                click.echo(f"{url} is a web page; its feed is {found.url}")
            url, title, lang = found.url, found.title, found.language
        entry = FeedEntry(url, name or title, interval, language or lang,
                          tuple(t.strip() for t in (tags or "").split(",") if t.strip()))
        added, _ = doc.add([entry])
        if not added:
            click.echo(f"{url} is already in {path}; nothing changed")
            return
        doc.save()
    except AlertsError as exc:
        _fail(exc)
        return
    click.echo(f"added {entry.name or url} ({url}) to {path}; a running daemon picks it up "
               "after a restart (systemctl restart alerts)")


@feeds.command(name="list")
@click.option("--json", "as_json", is_flag=True, help="One JSON array, for scripts.")
@click.pass_context
def feeds_list(ctx: click.Context, as_json: bool) -> None:
    """The feeds alerts.yaml lists, as written there (secrets stay ${VARIABLES})."""
    from dataclasses import asdict

    from alerts.feedlist import ConfigDocument

    try:
        entries = ConfigDocument(_config_path(ctx)).entries()
    except AlertsError as exc:
        _fail(exc)
        return
    if as_json:
        click.echo(json.dumps([asdict(e) for e in entries], indent=2, ensure_ascii=False))
        return
    if not entries:
        click.echo("no feeds yet: add one with `alerts feeds add URL`")
    for entry in entries:
        extra = ", ".join(x for x in (entry.interval and f"every {entry.interval}",
                                      entry.language, ",".join(entry.tags)) if x)
        click.echo(f"{entry.name or '-'}  {entry.url}" + (f"  ({extra})" if extra else ""))


@feeds.command(name="remove")
@click.argument("url_or_name")
@click.pass_context
def feeds_remove(ctx: click.Context, url_or_name: str) -> None:
    """Remove a feed, by URL or name. Its history stays in the state."""
    from alerts.feedlist import ConfigDocument

    try:
        path = _config_path(ctx)
        doc = ConfigDocument(path)
        entry = doc.remove(url_or_name)
        doc.save()
    except AlertsError as exc:
        _fail(exc)
        return
    click.echo(f"removed {entry.name or entry.url} from {path}")


@feeds.command(name="import")
@click.argument("opml_file", type=click.Path(exists=True, dir_okay=False))
@click.pass_context
def feeds_import(ctx: click.Context, opml_file: str) -> None:
    """Add every feed of an OPML file (another reader's export); folders become tags."""
    from alerts.feedlist import ConfigDocument
    from alerts.opml import read_opml

    try:
        path = _config_path(ctx)
        doc = ConfigDocument(path)
        added, skipped = doc.add(read_opml(Path(opml_file).read_bytes(), opml_file))
        if added:
            doc.save()
    except AlertsError as exc:
        _fail(exc)
        return
    click.echo(f"imported {len(added)} feed(s) into {path}"
               + (f"; {len(skipped)} already there" if skipped else ""))


@feeds.command(name="export")
@click.option("--output", "-o", type=click.Path(dir_okay=False),
              help="Write to this file (default: standard output).")
@click.pass_context
def feeds_export(ctx: click.Context, output: str | None) -> None:
    """Every feed as OPML 2.0, for another reader (secrets stay ${VARIABLES})."""
    from alerts.feedlist import ConfigDocument
    from alerts.opml import write_opml

    try:
        data = write_opml(ConfigDocument(_config_path(ctx)).entries())
    except AlertsError as exc:
        _fail(exc)
        return
    if output:
        Path(output).write_bytes(data)
    else:
        click.echo(data.decode("utf-8"), nl=False)


@cli.command()
@click.option("--host", default="127.0.0.1", show_default=True,
              help="Address to listen on; beyond loopback a token is required.")
@click.option("--port", default=8001, show_default=True, type=int)
@click.option("--state", "state_file", type=click.Path(dir_okay=False), metavar="FILE",
              help="State database to show (default: the one alerts.yaml names).")
@click.option("--token", envvar="ALERTS_WEB_TOKEN", metavar="TOKEN",
              help="Readers must present this token (default: $ALERTS_WEB_TOKEN).")
@click.pass_context
def web(ctx: click.Context, host: str, port: int, state_file: str | None,
        token: str | None) -> None:
    """Stories, alerts, feed health and the outbox in the browser (Datasette, read-only)."""
    from alerts.web import serve

    try:
        path = Path(state_file) if state_file else \
            load_settings(find_config(ctx.obj["config"])).state_path
        click.echo(f"serving {path} read-only on http://{host}:{port}/ (Ctrl-C stops it)",
                   err=True)
        serve(Path(path), host, port, token)
    except AlertsError as exc:
        _fail(exc)


@cli.command()
@click.option("--backup", "backup_path", type=click.Path(dir_okay=False), metavar="PATH",
              help="Also write a consistent copy of the state database to PATH (safe while "
                   "the daemon runs).")
@click.pass_context
def doctor(ctx: click.Context, backup_path: str | None) -> None:
    """Check the state database (SQLite's integrity check, the daemon's lock) and say what to
    do; with --backup, copy it safely. Exit 2 when it is damaged."""
    from alerts.lock import StateLock
    from alerts.state import backup, integrity_problems, recovery_advice

    try:
        settings = load_settings(find_config(ctx.obj["config"]))
        path = settings.state_path
        if not path.exists():
            click.echo(f"state: {path} does not exist yet; the first poll creates it")
            if backup_path:
                raise AlertsError(f"there is no state database at {path} yet, so there is "
                                  "nothing to back up")
            return
        size = path.stat().st_size
        wal = path.with_name(path.name + "-wal")
        extra = f" (+ {wal.stat().st_size:,} bytes of WAL)" if wal.exists() else ""
        click.echo(f"state: {path}, {size:,} bytes{extra}")
        holder = StateLock(path).holder()
        click.echo(f"daemon: {holder.describe()} holds the state's lock and sends its alerts"
                   if holder else "daemon: none is running on this state")
        problems = integrity_problems(path, full=True)
        if problems:
            click.echo("integrity: DAMAGED; SQLite says:")
            for problem in problems:
                click.echo(f"  {problem}")
            click.echo(f"{recovery_advice(path)}.", err=True)
            if backup_path:
                click.echo("No backup was written: it would copy the damage. Recover as said "
                           "above instead.", err=True)
            sys.exit(EXIT_PROBLEMS)
        click.echo("integrity: ok (PRAGMA integrity_check)")
        if backup_path:
            counts = backup(path, Path(backup_path))
            click.echo(f"backup: wrote {backup_path} ({counts['feeds']} feeds, {counts['items']} "
                       f"items, {counts['outbox']} outbox messages, {counts['stories']} "
                       f"stories); it passed integrity_check. To restore it, stop alerts, move "
                       f"it to {path} and delete {path.name}-wal and {path.name}-shm beside "
                       "it if present.")
    except AlertsError as exc:
        _fail(exc)


def main() -> None:
    """The program (`alerts`, `python -m alerts`): runs the command and ends the process.
    Code that goes on after a command calls `cli.main(...)`, which raises SystemExit."""
    logging.captureWarnings(True)
    try:
        cli(prog_name="alerts")
    except SystemExit as done:
        # The process ends without freeing its objects one by one (0.1-0.15 s after a poll
        # that read the knowledge base), unless that could lose something (#17).
        from alerts.quickexit import finish

        finish(done.code)
        raise
