"""`alerts help [TOPIC]` and `alerts help --man`: the reference of alerts/reference.yaml (its
rule keys and conditions from alerts/rules/grammar.py, its options from alerts/options.py), the
same source the README's tables of commands, rule keys, conditions and fields are made from
(`markdown_table`; tests/tools/docs.py writes them, tests/test_docs.py compares)."""

from __future__ import annotations

import re
import textwrap
from dataclasses import dataclass
from datetime import date
from functools import cache
from importlib import resources
from typing import Any

import yaml

from alerts.errors import AlertsError


class HelpError(AlertsError):
    """No such topic: say which exist."""


@dataclass(frozen=True)
class Topic:
    name: str
    title: str
    summary: str
    columns: dict[str, str]  # key in a row -> its column's heading
    rows: tuple[dict[str, str], ...]


@cache
def topics() -> dict[str, Topic]:
    """Every topic of alerts/reference.yaml, in its order."""
    data: dict[str, Any] = yaml.safe_load(
        resources.files("alerts").joinpath("reference.yaml").read_text("utf-8"))
    out = {}
    for name, spec in data["topics"].items():
        columns = dict(spec["columns"])
        if "rows_from" in spec:
            rows = _grammar_rows(name, spec["rows_from"], tuple(columns))
        else:
            rows = tuple({key: str(row[key]) for key in (*columns, "readme") if key in row}
                         for row in spec["rows"])
        out[name] = Topic(name, spec["title"], spec["summary"], columns, rows)
    out["config"] = _config_topic()
    return out


def _grammar_rows(name: str, source: str,
                  columns: tuple[str, ...]) -> tuple[dict[str, str], ...]:
    """A topic's rows from alerts.rules.grammar, which the rule files' JSON Schema is built
    from: each word as it is written, and what it says."""
    from alerts.rules.grammar import CONDITION_WORDS, RULE_WORDS

    words = {"rule keys": RULE_WORDS, "condition kinds": CONDITION_WORDS}.get(source)
    if words is None or len(columns) != 2:
        raise HelpError(f"alerts/reference.yaml: topic {name!r} takes its rows from "
                        f"{source!r} in {len(columns)} columns; use 'rule keys' or 'condition "
                        "kinds', in two columns (the word, what it says)")
    first, second = columns
    return tuple({first: word.written, second: word.description} for word in words)


_CELL = re.compile(r"(?<!\\)\|")


def _config_topic() -> Topic:
    """The options of alerts.yaml, read from the README's option table as alerts.options
    writes it (`options_table()`): the same source, the same rows."""
    from alerts.options import options_table

    header, _rule, *lines = options_table().splitlines()
    names = [c.strip() for c in _CELL.split(header)[1:-1]]
    if names != ["option", "default", "what it sets"]:
        raise HelpError(f"alerts.options' table has the columns {names}; alerts/helptopics.py "
                        "reads option, default, what it sets: make the two agree")
    rows = []
    for line in lines:
        option, written, sets = (c.strip().replace("\\|", "|")
                                 for c in _CELL.split(line)[1:-1])
        rows.append({"option": option, "sets": sets, "default": written})
    return Topic("config", "Configuration",
                 "every option of alerts.yaml, what it sets and its default (`channels.*` is "
                 "any channel's name, `feeds[]` any feed; `alerts schema config` is the JSON "
                 "Schema)",
                 {"option": "option", "sets": "what it sets", "default": "default"},
                 tuple(rows))


def markdown_table(topic: Topic, readme: str | None = None) -> str:
    """The README table of a topic: its rows without `readme:`, or those with `readme: NAME`."""
    keys = list(topic.columns)
    lines = ["| " + " | ".join(topic.columns.values()) + " |", "|" + "---|" * len(keys)]
    for row in topic.rows:
        if row.get("readme") != readme:
            continue
        lines.append("| " + " | ".join(row[k].replace("|", "\\|") for k in keys) + " |")
    return "\n".join(lines) + "\n"


_LINK = re.compile(r"\[([^\]]+)\]\(([^)]+)\)")


def plain(markdown: str) -> str:
    """A cell as terminal text: no backticks, a link as its text and address."""
    return _LINK.sub(r"\1 (\2)", markdown).replace("`", "")


def _wrap(text: str, indent: str, width: int) -> list[str]:
    return textwrap.wrap(text, width=width, initial_indent=indent, subsequent_indent=indent,
                         break_long_words=False, break_on_hyphens=False) or [indent.rstrip()]


def _rows_text(topic: Topic, rows: tuple[dict[str, str], ...] | list[dict[str, str]],
               width: int) -> list[str]:
    first, *rest = topic.columns
    lines: list[str] = []
    for row in rows:
        lines.extend(_wrap(plain(row[first]), "", width))
        for n, key in enumerate(rest):
            if n and not row[key]:
                continue  # no default, say
            label = "" if n == 0 else topic.columns[key] + ": "
            lines.extend(_wrap(label + plain(row[key]), "    ", width))
        lines.append("")
    return lines


def topic_list(width: int = 78) -> str:
    """`alerts help` without a topic."""
    lines = ["Help topics (alerts help TOPIC):", ""]
    for topic in topics().values():
        lines += textwrap.wrap(f"  {topic.name:<12}{plain(topic.summary)}", width=width,
                               subsequent_indent=" " * 14, break_on_hyphens=False)
    lines.append("")
    lines += _wrap("A command's name shows its entry (alerts help feeds); alerts COMMAND --help "
                   "lists its options; alerts help --man prints all of it as a man page.",
                   "", width)
    return "\n".join(lines) + "\n"


def command_rows(name: str) -> list[dict[str, str]]:
    """The rows of the commands topic whose usage is of `alerts NAME`."""
    pattern = re.compile(rf"`alerts {re.escape(name)}(?=[ `])")
    return [row for row in topics()["commands"].rows if pattern.search(row["usage"])]


def help_text(name: str, width: int = 78) -> str:
    """A topic, or the entry of a command, as terminal text."""
    known = topics()
    if name in known:
        topic = known[name]
        head = [*_wrap(f"{topic.title}: {plain(topic.summary)}", "", width), ""]
        return "\n".join(head + _rows_text(topic, topic.rows, width)).rstrip() + "\n"
    rows = command_rows(name)
    if rows:
        lines = _rows_text(known["commands"], rows, width)
        lines.append(f"Every option: alerts {name} --help")
        return "\n".join(lines) + "\n"
    raise HelpError(f"there is no help topic or command {name!r}; the topics are "
                    f"{', '.join(known)} (or a command's name, e.g. `alerts help feeds`); "
                    "`alerts help` lists them")


# roff: a backslash is \e; a line that starts with . or ' is a request unless escaped; - in
# options is \- so that it can be searched and copied.
def _roff(markdown: str) -> str:
    text = _LINK.sub(r"\1 <\2>", markdown).replace("\\", "\\e").replace("-", "\\-")
    parts = text.split("`")
    # Text in backticks is bold; an unpaired backtick stays as it is.
    if len(parts) % 2 == 1:
        text = "".join(f"\\fB{p}\\fR" if i % 2 else p for i, p in enumerate(parts))
    return text


def _roff_line(text: str) -> str:
    """One line of text: not read as a request, every non-ASCII character as a roff escape
    (`\\[u00C9]`), so that any troff reads it whatever its input encoding."""
    text = "".join(c if ord(c) < 128 else f"\\[u{ord(c):04X}]" for c in text)
    return "\\&" + text if text.startswith((".", "'")) else text


def man_page(version: str, today: date | None = None) -> str:
    """alerts(1), every topic as a section."""
    today = today or date.today()
    out = [f'.TH ALERTS 1 "{today.isoformat()}" "alerts {version}" "User Commands"',
           ".SH NAME",
           "alerts \\- a streaming alert daemon for diplomatic developments",
           ".SH SYNOPSIS",
           ".B alerts",
           "[\\fB\\-\\-config\\fR \\fIPATH\\fR] [\\fB\\-\\-log\\-level\\fR \\fILEVEL\\fR] "
           "\\fICOMMAND\\fR [\\fIOPTIONS\\fR]",
           ".SH DESCRIPTION",
           _roff_line(_roff("`alerts` polls RSS and Atom feeds, matches every new item against "
                            "rules written in YAML, remembers what it has already told you, and "
                            "sends each alert by email, chat or any service Apprise supports, "
                            "with the reasons it matched. The configuration is `alerts.yaml` "
                            "(`--config`, else `$ALERTS_CONFIG`, else `./alerts.yaml`); "
                            "`alerts COMMAND --help` lists a command's options.")),
           ]
    for topic in topics().values():
        out.append(f".SH {topic.title.upper()}")
        out.append(_roff_line(_roff(topic.summary[:1].upper() + topic.summary[1:] + ".")))
        first, *rest = topic.columns
        for row in topic.rows:
            out += [".TP", _roff_line(_roff(row[first]))]
            for n, key in enumerate(rest):
                if n and not row[key]:
                    continue
                if n:
                    out.append(".br")
                label = "" if n == 0 else f"\\fI{topic.columns[key]}:\\fR "
                out.append(_roff_line(label + _roff(row[key])))
    out += [".SH SEE ALSO",
            _roff_line(_roff("`alerts help TOPIC`, `alerts schema` (the JSON Schema of rule "
                             "files), README.md and rules/README.md of the project."))]
    return "\n".join(out) + "\n"
