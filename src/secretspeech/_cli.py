"""
The command line: ``python -m secretspeech`` (or ``secretspeech``).

Built only on the public API, so it shows what any user's program can do.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence

import secretspeech as ss


def _date(event: ss.Event) -> str:
    d = event.date
    return f"{d.edtf:<24} {d.text!r}" if d else "(undated)"


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
    names = (
        "people",
        "groups",
        "places",
        "events",
        "quotations",
        "statistics",
        "relations",
        "notes",
    )
    lines += [f"  {name:<11} {len(getattr(ss, name)):>4}" for name in names]
    lines += ["", "Timeline (dated events, earliest first):"]
    lines += [f"  {_date(e)}  {e.name}" for e in ss.timeline()]
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
    return f"{record!r}\n\n{ss.context(record, sentences=0)}"


def timeline(start: str | None, end: str | None) -> str:
    """Return the timeline between two periods, one event a line."""
    return "\n".join(
        f"{_date(e)}  {e.name}" for e in ss.timeline(start=start, end=end)
    )


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
    args = parser.parse_args(argv)
    try:
        if args.command == "show":
            out = show(args.key)
        elif args.command == "timeline":
            out = timeline(args.start, args.end)
        else:
            out = summary()
    except ss.SecretSpeechError as e:
        print(f"secretspeech: {e}", file=sys.stderr)
        return 1
    print(out)
    return 0
