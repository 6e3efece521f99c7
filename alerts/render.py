"""Messages from templates: Jinja2, one environment per format, every feed field escaped.

Templates see plain data (the alert's facts, see `alert_facts`). Whatever a template prints
with `{{ ... }}` is cleaned of control characters and escaped for the channel's format:
Markdown punctuation is backslash-escaped (so `_`, `#`, `-` or `<` in a headline cannot break
Telegram or Mattermost), HTML is entity-escaped. Links pass only through the `link` filter,
which lets http and https through and nothing else.
"""

from __future__ import annotations

import hashlib
import html
import logging
import re
import unicodedata
from collections.abc import Iterable, Mapping
from datetime import datetime
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING, Any
from urllib.parse import quote, urlsplit

from alerts.messages import FORMATS

if TYPE_CHECKING:  # Jinja2 and markupsafe are imported when a message is rendered
    import jinja2
    from markupsafe import Markup

log = logging.getLogger(__name__)

TITLE_MAX = 250
SUMMARY_MAX = 600
EXTENSION = {"text": "txt", "markdown": "md", "html": "html"}
DEFAULT_TITLE = ("{% if update %}Update: {% endif %}[{{ severity }}] {{ rule_title }}: "
                 "{{ title }}")
DIGEST_TITLE = "{{ headline }}"
_MD_SPECIAL = re.compile(r"([\\`*_{}\[\]()#+\-.!|~<>=&])")
_LINK_SAFE = "/:?#@!$&'*+,;=%~._-"  # kept as they are in a link; the rest is percent-encoded


class TemplateProblem(ValueError):
    """A channel's template cannot be compiled or rendered."""


# -- escaping ---------------------------------------------------------------------------------

def clean(text: Any, *, newlines: bool = False) -> str:
    """Text without control, format or private-use characters; newlines kept on request."""
    if text is None:
        return ""
    text = str(text)
    if text.isprintable():
        # The common case, in any script: no control, format, private-use or unassigned
        # character, no line break or tab, so nothing to take out.
        return text
    out = []
    for ch in text:
        if ch == "\n" and newlines:
            out.append(ch)
        elif ch in "\t\r\n":
            out.append(" ")
        elif unicodedata.category(ch)[0] != "C":
            out.append(ch)
    return "".join(out)


def escape_markdown(text: Any) -> str:
    """Backslash before every CommonMark punctuation character (valid CommonMark for any ASCII
    punctuation); Apprise turns it into each chat service's own dialect."""
    return _MD_SPECIAL.sub(r"\\\1", clean(text, newlines=True))


_URL = re.compile(r"https?://[^\s<>\"]+")


def escape_markdown_keep_links(text: Any) -> str:
    """Markdown-escaped text whose http(s) links stay as they are, so chat services that
    display Markdown even for plain text (Mattermost, Slack, Discord...) still link them."""
    text = clean(text, newlines=True)
    out, last = [], 0
    for m in _URL.finditer(text):
        out.append(escape_markdown(text[last:m.start()]))
        out.append(m.group(0))
        last = m.end()
    out.append(escape_markdown(text[last:]))
    return "".join(out)


_ANCHOR = re.compile(r"""<a\b[^>]*?\bhref\s*=\s*("[^"]*"|'[^']*'|[^\s>]+)[^>]*>(.*?)</a\s*>""",
                     re.IGNORECASE | re.DOTALL)
_TAG = re.compile(r"<[^>]*>")


def html_link_addresses(text: str) -> str:
    """HTML in which every http(s) link shows its address after its text (`title (URL)`), so
    that a conversion to plain text, such as the text part of an HTML email, keeps where each
    link leads; a link whose text already is its address is left alone."""
    def spell(m: re.Match[str]) -> str:
        href = html.unescape(m.group(1).strip("\"'")).strip()
        if safe_link(href) is None:
            return m.group(0)
        shown = html.unescape(_TAG.sub("", m.group(2))).strip()
        if shown == href:
            return m.group(0)
        return f"{m.group(0)} ({escape(href)})"

    from markupsafe import escape  # as Jinja2 escapes: only when HTML is rendered
    return _ANCHOR.sub(spell, text)


def escape_for(fmt: str, text: Any) -> str:
    if fmt == "markdown":
        return escape_markdown(text)
    if fmt == "html":
        from markupsafe import escape  # as Jinja2 escapes: only when HTML is rendered

        return str(escape(clean(text, newlines=True)))
    return clean(text, newlines=True)


# An http(s) link of a host name, an optional port and a path of characters that are kept
# as they are: safe_link gives it back unchanged (the common case, checked at once).
_PLAIN_LINK = re.compile(r"https?://[A-Za-z0-9](?:[A-Za-z0-9.-]{0,250}[A-Za-z0-9])?"
                         r"(?::[0-9]{1,5})?(?:/[A-Za-z0-9_~.%/-]*)?")


def safe_link(url: Any) -> str | None:
    """The link when it is http or https with a host, else None; unsafe characters encoded."""
    if not isinstance(url, str):
        return None
    if _PLAIN_LINK.fullmatch(url):
        return url
    return _checked_link(url)


def _checked_link(url: str) -> str | None:
    url = clean(url).strip()
    try:
        parts = urlsplit(url)
    except ValueError:
        return None
    if parts.scheme.lower() not in ("http", "https") or not parts.netloc:
        return None
    return quote(url, safe=_LINK_SAFE)


# -- environments -----------------------------------------------------------------------------

def _finalizer(fmt: str):  # type: ignore[no-untyped-def]
    from markupsafe import Markup  # with Jinja2, when a message is rendered

    def finalize(value: Any) -> Any:
        if value is None:
            return ""
        if isinstance(value, Markup):
            return value
        if fmt == "markdown":
            return escape_markdown(value)
        return clean(value, newlines=True)  # HTML autoescaping follows
    return finalize


def _link_filter(fmt: str):  # type: ignore[no-untyped-def]
    from markupsafe import Markup, escape

    def link(url: Any) -> Markup:
        safe = safe_link(url)
        if safe is None:
            return Markup("")
        if fmt == "html":
            return Markup(escape(safe))
        return Markup(safe)  # parentheses are encoded: they would end a Markdown link
    return link


@lru_cache(maxsize=32)
def environment(fmt: str, folder: str | None = None) -> jinja2.Environment:
    import jinja2

    loaders: list[jinja2.BaseLoader] = []
    if folder:
        loaders.append(jinja2.FileSystemLoader(folder))
    loaders.append(jinja2.PackageLoader("alerts", "templates"))
    env = jinja2.Environment(
        loader=jinja2.ChoiceLoader(loaders),
        autoescape=fmt == "html",
        finalize=_finalizer(fmt),
        undefined=jinja2.StrictUndefined,
        keep_trailing_newline=False,
        trim_blocks=False,
    )
    env.filters["link"] = _link_filter(fmt)
    return env


@lru_cache(maxsize=64)
def _inline(fmt: str, folder: str | None, source: str) -> jinja2.Template:
    return environment(fmt, folder).from_string(source)


def _default_title(facts: Mapping[str, Any]) -> str | None:
    """DEFAULT_TITLE without Jinja (a title per queued alert; the template engine costs more
    than the title): the same text, as the text format's finalizer makes it; None when the
    facts are not the plain strings it expects (then the template says what is wrong)."""
    if "update" not in facts or "severity" not in facts or "rule_title" not in facts \
            or "title" not in facts:
        return None
    # Asked twice for each queued alert (#17): written out, without generators.
    severity, rule_title, title = facts["severity"], facts["rule_title"], facts["title"]
    if not ((severity is None or isinstance(severity, str))
            and (rule_title is None or isinstance(rule_title, str))
            and (title is None or isinstance(title, str))):
        return None
    return _title_text(bool(facts["update"]), severity or "", rule_title or "", title or "")


@lru_cache(maxsize=1024)
def _title_text(update: bool, severity: str, rule_title: str, title: str) -> str:
    """The default title's text, made once for an alert (#17: queueing an alert reads its
    title when rendered, and again when stored, to know whether it is the default one)."""
    # _one_line cleans as the text finalizer does (and makes one line of it).
    return _one_line(f"{'Update: ' if update else ''}[{severity}] {rule_title}: {title}")


def _one_line(text: str, limit: int = TITLE_MAX) -> str:
    text = " ".join(clean(text).split())
    return text if len(text) <= limit else text[: limit - 1] + "…"


# -- alert facts ------------------------------------------------------------------------------

def short_hash(*parts: str, size: int = 10) -> str:
    return hashlib.sha256("\x1f".join(parts).encode()).hexdigest()[:size]


def item_story(feed_url: str, key: str) -> str:
    """Until stories cluster across outlets, an item is its own story (as in `alerts replay`)."""
    return "s:" + short_hash(feed_url, key, size=16)


def alert_id(rule_id: str, story: str) -> str:
    """One id per (rule, story): the same alert always carries the same id."""
    return short_hash(rule_id, story)


def update_id(thread: str, *what: str) -> str:
    return f"{thread}-{short_hash(*what, size=4)}"


def when(published: datetime | None) -> str:
    if not published:
        return "date unknown"
    if not isinstance(published, datetime) or published.year < 1000:  # %Y: not padded
        # to 4 digits everywhere
        return published.strftime("%Y-%m-%d %H:%M UTC")
    # strftime's text, formatted without it (#17: a tenth of the cost, once an alerted item)
    return (f"{published.year}-{published.month:02d}-{published.day:02d} "
            f"{published.hour:02d}:{published.minute:02d} UTC")


def who(title: str, summary: str, day: datetime | None, analysis: Any = None) -> list[str]:
    """People named in the text (with their office on that day), else countries.
    `analysis`: the item's analysis when the caller carries it (the poller's, from
    matching); used when it is of the same day, else the text is analysed here."""
    try:
        from alerts.analysis import analyse_text

        on = day.date() if day else None
        # The item's one analysis (carried, or remembered from matching), on its own date.
        found = (analysis.mentions if analysis is not None and analysis.day == on
                 else analyse_text(title, summary, on).mentions)
    except Exception:  # the knowledge base is a nicety here, never a reason to lose an alert
        log.exception("could not look up who is named in an alert; sending it without")
        return []
    people = [m.entity.describe(day.date() if day else None) for m in found
              if m.entity.kind == "person"]
    if people:
        return people[:6]
    return [m.entity.name for m in found][:6]


def source(feed: str, title: str, link: str | None) -> dict[str, Any]:
    return {"feed": clean(feed), "title": _one_line(title or "(untitled)", 400),
            "link": safe_link(link)}


# -- rendering --------------------------------------------------------------------------------

class Renderer:
    """Title and body templates of one channel, in its format."""

    def __init__(self, fmt: str = "text", *, title: str | None = None,
                 body: str | None = None, digest: str | None = None,
                 folder: str | Path | None = None):
        if fmt not in FORMATS:
            raise TemplateProblem(f"unknown format {fmt!r}; use one of {', '.join(FORMATS)}")
        self.format = fmt
        self.folder = str(folder) if folder else None
        self.title_source = title
        self.body_name = body
        self.digest_name = digest

    def _env(self, fmt: str) -> jinja2.Environment:
        return environment(fmt, self.folder)

    def _template(self, name: str | None, default: str, fmt: str) -> jinja2.Template:
        import jinja2

        try:
            return self._env(fmt).get_template(name or f"{default}.{EXTENSION[fmt]}.j2")
        except jinja2.TemplateSyntaxError as exc:
            raise TemplateProblem(f"template {exc.filename or name}:{exc.lineno}: "
                                  f"{(exc.message or '').rstrip('.')}") from None
        except jinja2.TemplateNotFound:
            raise TemplateProblem(f"template {name!r} not found in {self.folder}") from None

    def _title(self, source: str | None, default: str, facts: Mapping[str, Any]) -> str:
        if source is None and default == DEFAULT_TITLE:
            quick = _default_title(facts)
            if quick is not None:
                return quick  # without Jinja2, not even imported (a poll that only queues)
        import jinja2

        try:
            template = _inline("text", self.folder, source or default)
        except jinja2.TemplateSyntaxError as exc:
            raise TemplateProblem(f"title template, line {exc.lineno}: "
                                  f"{(exc.message or '').rstrip('.')}") from None
        return _one_line(template.render(facts))

    def _render(self, facts: Mapping[str, Any], title_source: str | None, default_title: str,
                body_name: str | None, default_body: str) -> tuple[str, str]:
        import jinja2

        try:
            title = self._title(title_source, default_title, facts)
            body = self._template(body_name, default_body, self.format).render(facts)
        except TemplateProblem:
            raise
        except jinja2.TemplateError as exc:
            raise TemplateProblem(f"template: {exc}") from None
        return title, body.strip() + "\n"

    def alert(self, facts: Mapping[str, Any]) -> tuple[str, str]:
        """(plain-text title, body in this channel's format). A broken custom template never
        loses an alert: the default one is used and the problem logged."""
        try:
            return self._render(facts, self.title_source, DEFAULT_TITLE, self.body_name,
                                "alert")
        except TemplateProblem as exc:
            if not (self.title_source or self.body_name):
                raise
            log.error("%s; the default template was used instead (check with `alerts check`)",
                      exc)
            return Renderer(self.format)._render(facts, None, DEFAULT_TITLE, None, "alert")

    def alert_title(self, facts: Mapping[str, Any]) -> str:
        """The alert's title alone (the body is rendered when it is sent); the default title
        when a custom one is broken, as alert() does."""
        try:
            return self._title(self.title_source, DEFAULT_TITLE, facts)
        except TemplateProblem as exc:
            if not self.title_source:
                raise
            log.error("%s; the default title was used instead (check with `alerts check`)",
                      exc)
            return self._title(None, DEFAULT_TITLE, facts)

    def digest(self, facts: Mapping[str, Any]) -> tuple[str, str]:
        try:
            return self._render(facts, None, DIGEST_TITLE, self.digest_name, "digest")
        except TemplateProblem as exc:
            if not self.digest_name:
                raise
            log.error("%s; the default digest template was used instead", exc)
            return Renderer(self.format)._render(facts, None, DIGEST_TITLE, None, "digest")

    def notice(self, title: str, lines: Iterable[str]) -> tuple[str, str]:
        """A message for the operator: plain lines, escaped for the format."""
        lines = list(lines)
        if self.format == "html":
            body = "<br>\n".join(escape_for("html", line) for line in lines)
        elif self.format == "markdown":
            body = "\n\n".join(escape_markdown(line) for line in lines)
        else:
            body = "\n".join(clean(line) for line in lines)
        return _one_line(title), body + "\n"

    def check(self) -> list[str]:
        """Problems found by compiling and trying the templates on a sample alert."""
        import jinja2

        problems: list[str] = []
        for what, call in (("alert", lambda: self._render(SAMPLE, self.title_source,
                                                          DEFAULT_TITLE, self.body_name,
                                                          "alert")),
                           ("digest", lambda: self._render(digest_facts([SAMPLE], "digest",
                                                                        "d0"),
                                                           None, DIGEST_TITLE,
                                                           self.digest_name, "digest"))):
            try:
                call()
            except (TemplateProblem, jinja2.TemplateError) as exc:
                problems.append(f"{what} {exc}")
        return problems


# -- digests ----------------------------------------------------------------------------------

REASONS = {
    "digest": "Digest",
    "quiet": "Held during quiet hours",
    "rate": "Rate limit reached, gathered",
}


def digest_facts(alerts: list[Mapping[str, Any]], reason: str, digest_id: str,
                 detail: str = "") -> dict[str, Any]:
    """Alerts grouped by rule (most severe first), then by story (sources merged)."""
    from alerts.policy import severity_rank

    groups: dict[str, dict[str, Any]] = {}
    for facts in alerts:
        rule = facts.get("rule_id") or "?"
        group = groups.setdefault(rule, {"rule_id": rule,
                                         "rule_title": facts.get("rule_title") or rule,
                                         "severity": facts.get("severity") or "medium",
                                         "count": 0, "stories": {}})
        group["count"] += 1
        story_key = facts.get("story") or facts.get("alert_id")
        story = group["stories"].get(story_key)
        if story is None:
            story = {"story": story_key, "title": facts.get("title") or "(untitled)",
                     "when": facts.get("when") or "date unknown",
                     "who": list(facts.get("who") or []), "sources": [], "alert_ids": []}
            group["stories"][story_key] = story
        for src in facts.get("sources") or []:
            if src not in story["sources"]:
                story["sources"].append(src)
        if facts.get("alert_id"):
            story["alert_ids"].append(facts["alert_id"])
    ordered = sorted(groups.values(), key=lambda g: -severity_rank(g["severity"]))
    for group in ordered:
        group["stories"] = list(group["stories"].values())
    count = len(alerts)
    rules = ", ".join(f"{g['rule_title']} ({g['count']})" for g in ordered)
    label = REASONS.get(reason, "Digest")
    headline = f"{label}: {count} alert{'s' if count != 1 else ''}"
    if detail:
        headline += f" {detail}"
    return {"headline": f"{headline} — {rules}", "count": count, "reason": reason,
            "groups": ordered, "alert_id": digest_id}


SAMPLE: dict[str, Any] = {
    "alert_id": "0123456789", "thread": None, "update": False, "severity": "high",
    "rule_id": "sample-rule", "rule_title": "A sample rule", "rule_description": "",
    "tags": [], "title": "Sample <headline> with _under_scores_ # and - dashes",
    "summary": "A sample summary.", "who": ["Sample Person, Sample Office"],
    "when": "2025-07-01 15:00 UTC", "published": "2025-07-01T15:00:00+00:00",
    "feed": "Sample feed", "link": "https://example.org/a",
    "sources": [{"feed": "Sample feed", "title": "Sample headline",
                 "link": "https://example.org/a"}],
    "explanation": "matched because: 'sample' (title)", "story": "s:sample",
}
