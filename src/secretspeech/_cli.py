"""
The command line: ``python -m secretspeech`` (or ``secretspeech``).

Built only on the public API, so it shows what any user's program can do.
"""

from __future__ import annotations

import argparse
import enum
import io
import re
import sys
import textwrap
from collections.abc import Sequence

import attrs

import secretspeech as ss


# The bases whose text is the article's own words, and so is quoted.
_ARTICLE_WORDS = frozenset({ss.DateBasis.STATED, ss.DateBasis.RELATIVE})


def _wording(date: ss.HistoricalDate, *, short: bool = False) -> str:
    """
    The words of *date*: quoted if they are the article's.

    An inferred date's words, or a date from the public record, are the
    edition's, so they are not quoted: ``[inferred] in 1956, before …``,
    or with *short* only ``(inferred)``.
    """
    if date.basis in _ARTICLE_WORDS:
        return repr(date.text)
    if short:
        return f"({date.basis.value})"
    return f"[{date.basis.value}] {date.text}"


def _lines(events: Sequence[ss.Event]) -> list[str]:
    """
    One aligned line per event: EDTF, wording, name.

    The wording is the article's, quoted; where the article gives none for
    the event, ``(inferred)``: ``show`` gives the edition's wording.
    """
    rows = [
        (e.date.edtf, _wording(e.date, short=True), e.name)
        if e.date
        else ("", "", "")
        for e in events
    ]
    edtf_width = max((len(r[0]) for r in rows), default=0)
    text_width = max((len(r[1]) for r in rows), default=0)
    return [
        f"{edtf:<{edtf_width}}  {text:<{text_width}}  {name}"
        for edtf, text, name in rows
    ]


def summary() -> str:
    """
    Return the readable summary of the bundled data.

    Returns:
        The article, the counts per record type and the timeline.
    """
    a = ss.article
    lines = [
        a.title,
        a.standfirst,
        (
            f"{a.author}, {a.publication} issue {a.issue}, "
            f"{a.published_on:%d %B %Y}"
        ),
        (
            f"{len(a.text):,} characters, SHA-256 {a.sha256[:16]}…, "
            f"data version {ss.DATA_VERSION}"
        ),
        "",
        "Records:",
    ]
    lines += [
        f"  {c.name:<11} {len(getattr(ss, c.name)):>4}" for c in ss.SCHEMA
    ]
    lines += ["", "Timeline (dated events, earliest first):"]
    lines += [f"  {line}" for line in _lines(ss.timeline())]
    return "\n".join(lines)


def show(key: str) -> str:
    """
    Return one record, found by id or name, with its first evidence.

    Args:
        key: An id, name or alias.

    Returns:
        The record and the sentence that supports it.

    Raises:
        NotFoundError: If nothing matches.
    """
    record = ss.lookup(key)
    if isinstance(record, ss.Article):
        return _show_article(record)
    lines = [f"{type(record).__name__} {record.id!r}"]
    fields = attrs.fields(type(record))
    # The values line up after the longest name of the record's fields.
    label = max(13, *(len(f.name) + 1 for f in fields))
    for field in fields:
        value = getattr(record, field.name)
        if field.name in {"id", "evidence", "segments"} or value in ((), None):
            continue
        lines.append(_field(field.name, _value(value), label))
    if isinstance(record, ss.Quotation):
        lines.append(_field("text", record.text, label))
    spans = f"{len(record.evidence)} span(s)"
    lines.append(_field("evidence", spans, label))
    return "\n".join([*lines, "", ss.context(record, sentences=0)])


def _field(name: str, value: str, label: int = 13) -> str:
    """One field of `show`, wrapped to 80 columns under its value."""
    return textwrap.fill(
        value,
        width=80,
        initial_indent=f"  {name + ':':<{label}} ",
        subsequent_indent=" " * (label + 3),
        break_long_words=False,
        break_on_hyphens=False,
    )


def _show_article(article: ss.Article) -> str:
    lines = [f"Article {article.id!r}"]
    for field in attrs.fields(ss.Article):
        if field.name != "text":
            value = _value(getattr(article, field.name))
            lines.append(_field(field.name, value))
    lines.append(_field("text", f"{len(article.text)} characters"))
    return "\n".join(lines)


def _value(value: object) -> str:
    if isinstance(value, tuple):
        return ", ".join(_value(v) for v in value)
    if isinstance(value, ss.HistoricalDate):
        shown = f"{_wording(value)} ({value.edtf})"
        if value.reason is not None:
            shown += f": {value.reason}"
        return shown
    if isinstance(value, ss.Quantity):
        return f"{value.text!r} ({value.kind.value}, {value.unit})"
    if isinstance(value, enum.Enum):
        return str(value.value)
    return str(value)


def timeline(
    start: str | None, end: str | None, *, strict: bool = False
) -> str:
    """Return the timeline between two periods, one event a line."""
    events = ss.timeline(start=_period(start), end=_period(end), strict=strict)
    return "\n".join(_lines(events))


def _period(value: str | None) -> str | int | None:
    # A bare number of up to four ASCII digits is a year, as in the API
    # (EDTF wants four digits).  Anything else, "²" or a 5,000-digit
    # number, goes to the API as written, to be refused as a period.
    if value is not None and _YEAR.fullmatch(value.strip()):
        return int(value)
    return value


_YEAR = re.compile(r"[0-9]{1,4}")


def main(argv: Sequence[str] | None = None) -> int:
    """
    Run the command line and return its exit status.

    Args:
        argv: The arguments, without the program name; `sys.argv` if
            `None`.

    Returns:
        0 on success, 1 if a record or period was not understood.
    """
    parser = argparse.ArgumentParser(
        prog="secretspeech",
        description="Explore the secret speech edition. Without a command, "
        "print a summary of the article, its records and the timeline.",
    )
    commands = parser.add_subparsers(dest="command")
    show_parser = commands.add_parser("show", help="show one record")
    show_parser.add_argument("key", help="an id, name or alias")
    timeline_parser = commands.add_parser("timeline", help="list events")
    timeline_parser.add_argument("--start", help="a year or EDTF period")
    timeline_parser.add_argument("--end", help="a year or EDTF period")
    timeline_parser.add_argument(
        "--strict",
        action="store_true",
        help="keep only events entirely inside the period",
    )
    args = parser.parse_args(argv)
    try:
        if args.command == "show":
            out = show(args.key)
        elif args.command == "timeline":
            out = timeline(args.start, args.end, strict=args.strict)
        else:
            out = summary()
    except ss.SecretSpeechError as e:
        print(f"secretspeech: {e}", file=sys.stderr)
        return 1
    if isinstance(sys.stdout, io.TextIOWrapper):
        # A terminal that cannot show “curly quotes” gets escapes, not a
        # traceback.
        sys.stdout.reconfigure(errors="backslashreplace")
    try:
        print(out)
    except BrokenPipeError:
        # The reader (`head`, say) stopped early; that is not an error.
        sys.stderr.close()
    return 0
