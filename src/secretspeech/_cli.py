"""
The command line: ``python -m secretspeech`` (or ``secretspeech``).

Built only on the public API, so it shows what any user's program can do.
Every command runs on the bundled corpus, or on a user's own with
``--corpus RECORDS --text TEXT``; with ``--json`` it prints what
`secretspeech.as_dict` gives of its answer.  Exit status: 0 on success, 1
when the input is well formed but nothing matches or the data is bad, 2
for a usage error.
"""

from __future__ import annotations

import argparse
import contextlib
import difflib
import enum
import inspect
import io
import json
import os
import re
import sys
import tempfile
import textwrap
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any, TextIO

import attrs

import secretspeech as ss
from secretspeech._text import brief


#: The width every line of output fits in.
WIDTH = 80
#: The bases whose text is the article's own words, and so is quoted.
_ARTICLE_WORDS = frozenset({ss.DateBasis.STATED, ss.DateBasis.RELATIVE})
#: A bare number of up to four ASCII digits is a year, as in the API.
_YEAR = re.compile(r"[0-9]{1,4}")
#: The keywords of the API that are options here, to name them as typed.
_OPTIONS = re.compile(
    r"(?<![\w-])(start|end|strict|limit|by|about|stance|kind|during|"
    r"counting)=(: ?)?"
)
#: A file an export function refuses, named by its argument: --output here.
_OUTPUT = re.compile(r"\b\w+\(\): path=")
#: The limits of `secretspeech.load_corpus` (its max_ keywords), which
#: --corpus files may need raised: each an option named as its keyword
#: (--max-records-bytes), with the keyword's default.
_LIMITS = {
    name: parameter.default
    for name, parameter in inspect.signature(ss.load_corpus).parameters.items()
    if name.startswith("max_")
}
#: How load_corpus names a limit that raises a refusal: as its option here.
_LIMIT = re.compile(r"load_corpus\(\.\.\., (max_\w+)=\.\.\.\)")
#: The --output that names standard output.
STDOUT = "-"
#: The export formats, as --format names them; csv and parquet write a
#: folder of files, the others one file.
_FORMATS = (
    "json",
    "csv",
    "parquet",
    "jsonld",
    "annotations",
    "timelinejs",
    "graphml",
)


@attrs.frozen
class Answer:
    """What a command found: its text, its data, or why it found nothing."""

    text: str
    data: Any
    #: Set when nothing matched: the message that says so.
    empty: str | None = None
    #: Set when the answer is a file's bytes (``export --output -``): what
    #: is printed, in place of the text or the data.
    payload: bytes | None = None


# -- words --------------------------------------------------------------------


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


def _published(date: ss.HistoricalDate) -> str:
    """
    Say a publication date no more precisely than it is known.

    A day, a month or a year in words (``18 February 2006``, ``February
    2006``, ``2006``); anything else (about a month, a decade, a span of
    days) as its EDTF string, rather than as a first day it may not be.
    """
    day = date.earliest
    if date.approximate or date.uncertain:
        return date.edtf
    if date.precision is ss.Precision.DAY:
        return f"{day.day} {day:%B %Y}"
    if date.precision is ss.Precision.MONTH:
        return f"{day:%B %Y}"
    if date.precision is ss.Precision.YEAR:
        return str(day.year)
    return date.edtf


def _fit(line: str) -> str:
    """Cut a line to the width, marking the cut."""
    return line if len(line) <= WIDTH else line[: WIDTH - 1] + "…"


def _wrap(text: str, indent: str = "  ") -> list[str]:
    """Wrap *text* to the width, every line indented."""
    return textwrap.wrap(
        text,
        width=WIDTH,
        initial_indent=indent,
        subsequent_indent=indent,
        break_long_words=True,
        break_on_hyphens=False,
    )


def _table(rows: Sequence[Sequence[str]]) -> list[str]:
    """Align columns; the last one takes what is left of the width."""
    if not rows:
        return []
    widths = [max(len(r[i]) for r in rows) for i in range(len(rows[0]) - 1)]
    return [
        _fit(
            "  ".join(
                [*(c.ljust(w) for c, w in zip(r, widths, strict=False)), r[-1]]
            ).rstrip()
        )
        for r in rows
    ]


def _event_lines(events: Sequence[ss.Event]) -> list[str]:
    """
    Two lines per dated event: EDTF and name, then the date's wording.

    The wording is the article's, quoted; where the article gives none for
    the event, ``(inferred)``: ``show`` gives the edition's wording.
    """
    dated = [e for e in events if e.date is not None]
    width = max((len(e.date.edtf) for e in dated if e.date), default=0)
    lines: list[str] = []
    for e in dated:
        assert e.date is not None  # noqa: S101 -- for the type checker
        lines.append(_fit(f"{e.date.edtf:<{width}}  {e.name}"))
        lines.append(_fit(f"{'':<{width}}  {_wording(e.date, short=True)}"))
    return lines


def _period(value: str | None) -> str | int | None:
    # A bare number of up to four ASCII digits is a year, as in the API
    # (EDTF wants four digits).  Anything else, "²" or a 5,000-digit
    # number, goes to the API as written, to be refused as a period.
    if value is not None and _YEAR.fullmatch(value.strip()):
        return int(value)
    return value


def _positive(value: str) -> int:
    """Read a whole number of one or more: --limit, --max-records, ..."""
    try:
        number = int(value)
    except ValueError:
        number = 0
    if number < 1:
        msg = f"must be a whole number of one or more, got {brief(value)}"
        raise argparse.ArgumentTypeError(msg)
    return number


def _path(value: str) -> str:
    """Read a path (argparse's type): an empty one names no file."""
    if not value:
        # Not the current folder, as pathlib would read it.
        msg = "an empty path names no file"
        raise argparse.ArgumentTypeError(msg)
    return value


def _data(values: Sequence[Any]) -> list[dict[str, Any]]:
    return [ss.as_dict(v) for v in values]


# -- the commands -------------------------------------------------------------


def summary(corpus: ss.Corpus) -> Answer:
    """The article, the counts per collection and the timeline."""
    a = corpus.article
    counts = {c.name: len(getattr(corpus, c.name)) for c in ss.SCHEMA}
    lines = [
        _fit(a.title),
        *_wrap(a.standfirst, ""),
        _fit(
            f"{a.author}, {a.publication} issue {a.issue}, "
            f"{_published(a.published)}"
        ),
        (
            f"{len(a.text):,} characters, SHA-256 {a.sha256[:16]}…, "
            f"data version {corpus.data_version}"
        ),
        "",
        "Records:",
        *(f"  {name:<11} {count:>4}" for name, count in counts.items()),
        "",
        "Timeline (dated events, earliest first):",
        *(_fit(f"  {line}") for line in _event_lines(corpus.timeline())),
    ]
    article = ss.as_dict(a)
    del article["text"]
    data = {
        "article": article,
        "data_version": corpus.data_version,
        "records": counts,
        "timeline": _data(corpus.timeline()),
    }
    return Answer("\n".join(lines), data)


def show(corpus: ss.Corpus, key: str) -> Answer:
    """One record, found by id or name, with the sentence it is in."""
    record = corpus.lookup(key)
    if isinstance(record, ss.Article):
        return Answer(_show_article(record), ss.as_dict(record))
    lines = [f"{type(record).__name__} {record.id!r}"]
    fields = attrs.fields(type(record))
    # The values line up after the longest name of the record's fields.
    label = max(13, *(len(f.name) + 1 for f in fields))
    for field in fields:
        value = getattr(record, field.name)
        if field.name in {"id", "evidence", "segments"} or value in ((), None):
            continue
        if field.name == "sources":
            # A citation holds commas and ends with a full stop: one a line.
            names = [field.name, *("" for _ in value[1:])]
            lines.extend(
                _field(name, source.citation, label, colon=bool(name))
                for name, source in zip(names, value, strict=True)
            )
            continue
        lines.append(_field(field.name, _value(value), label))
    if isinstance(record, ss.Quotation):
        lines.append(_field("text", record.text, label))
    spans = f"{len(record.evidence)} span(s)"
    lines.append(_field("evidence", spans, label))
    context = textwrap.fill(
        corpus.context(record, sentences=0),
        width=WIDTH,
        break_long_words=True,
        break_on_hyphens=False,
    )
    return Answer("\n".join([*lines, "", context]), ss.as_dict(record))


def _field(
    name: str, value: str, label: int = 13, *, colon: bool = True
) -> str:
    """One field of `show`, wrapped to 80 columns under its value."""
    return textwrap.fill(
        value,
        width=WIDTH,
        initial_indent=f"  {name + ':' * colon:<{label}} ",
        subsequent_indent=" " * (label + 3),
        break_long_words=True,
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


def search(corpus: ss.Corpus, words: str, limit: int | None) -> Answer:
    """Records of any kind, best match first."""
    found = corpus.search(words, limit=limit)
    rows = [(type(r).__name__.lower(), r.id, str(r)) for r in found]
    empty = f"no record matches {brief(words)}" if not found else None
    return Answer("\n".join(_table(rows)), _data(found), empty)


def timeline(
    corpus: ss.Corpus,
    start: str | None,
    end: str | None,
    *,
    strict: bool = False,
) -> Answer:
    """The dated events between two periods, one a line."""
    events = corpus.timeline(
        start=_period(start), end=_period(end), strict=strict
    )
    empty = None
    if not events:
        if start is None and end is None:
            empty = "no dated events"
        elif start == end:
            empty = f"no events in {start}"
        else:
            empty = f"no events between {start or '…'} and {end or '…'}"
    return Answer("\n".join(_event_lines(events)), _data(events), empty)


def _wanted(criteria: dict[str, Any]) -> str:
    """Say what a list was asked for, for a message that it is empty."""
    given = [f"{k} {brief(v)}" for k, v in criteria.items()]
    return (" " + ", ".join(given)) if given else ""


def quotes(corpus: ss.Corpus, criteria: dict[str, Any]) -> Answer:
    """The quotations, each with its speaker and words."""
    found = corpus.quotations.filter(**criteria)
    lines: list[str] = []
    for q in found:
        who = q.speaker or "(no speaker)"
        lines.append(_fit(f"{q.id}  {who}  [{q.kind.value}]"))
        lines += _wrap(f"“{q.text}”", "    ")
    empty = f"no quotations{_wanted(criteria)}" if not found else None
    return Answer("\n".join(lines), _data(found), empty)


def claims(corpus: ss.Corpus, criteria: dict[str, Any]) -> Answer:
    """The claims, each with its stance, its holder and what it claims."""
    found = corpus.claims.filter(**criteria)
    lines: list[str] = []
    for c in found:
        voice = c.stance.value + (f" by {c.by}" if c.by else "")
        lines.append(_fit(f"{c.id}  [{voice}]"))
        lines += _wrap(c.summary, "    ")
    empty = f"no claims{_wanted(criteria)}" if not found else None
    return Answer("\n".join(lines), _data(found), empty)


def stats(corpus: ss.Corpus, criteria: dict[str, Any]) -> Answer:
    """The numbers, as written, with what they count."""
    found = corpus.statistics.filter(**criteria)
    rows = [
        (s.id, repr(s.quantity.text), s.quantity.kind.value, s.counting)
        for s in found
    ]
    empty = f"no statistics{_wanted(criteria)}" if not found else None
    return Answer("\n".join(_table(rows)), _data(found), empty)


def people(corpus: ss.Corpus) -> Answer:
    """Everyone the article mentions, with their roles."""
    rows = [
        (p.id, p.name, ", ".join(r.value for r in p.roles))
        for p in corpus.people
    ]
    empty = "no people" if not corpus.people else None
    return Answer("\n".join(_table(rows)), _data(corpus.people), empty)


def events(corpus: ss.Corpus, criteria: dict[str, Any]) -> Answer:
    """The events in the order of the data, dated or not."""
    found = corpus.events.filter(**criteria)
    rows = [
        (e.id, e.date.edtf if e.date else "(undated)", e.name) for e in found
    ]
    empty = f"no events{_wanted(criteria)}" if not found else None
    return Answer("\n".join(_table(rows)), _data(found), empty)


def check(corpus: ss.Corpus, words: str, limit: int | None) -> Answer:
    """The quote checker: is this in the article, and as a quotation?"""
    matches = corpus.check_quote(words, limit=limit)
    lines: list[str] = []
    for m in matches:
        said = m.quotation.id if m.quotation else ""
        who = (
            f" ({m.quotation.speaker})"
            if m.quotation and (m.quotation.speaker)
            else ""
        )
        head = f"{m.verdict.value}  {m.score:.2f}  {said}{who}"
        lines.append(_fit(head.rstrip()))
        if m.span is not None:
            lines += _wrap(f"“{m.span.exact}”", "    ")
        for printed, given in m.differences:
            lines.append(_fit(f"    printed {printed!r}, given {given!r}"))
    nothing = matches[0].verdict is ss.QuoteVerdict.NOT_IN_ARTICLE
    empty = f"{brief(words)} is not in the article" if nothing else None
    return Answer("\n".join(lines), _data(matches), empty)


def export(
    corpus: ss.Corpus, kind: str, output: str, *, force: bool
) -> Answer:
    """Write the corpus in a format other programs read."""
    from secretspeech import formats  # noqa: PLC0415 -- only when exporting

    if output == STDOUT:
        # _misused() has refused the formats of many files.
        return Answer("", None, payload=_file_of(corpus, kind))
    path = Path(output)
    written: Sequence[Path]
    if kind in ("csv", "parquet"):
        if not path.is_dir():
            raise ss.InvalidValueError(
                f"--output {output!r}: {kind} writes one file per "
                "collection into a folder, which must exist"
            )
        write = formats.to_csv if kind == "csv" else formats.to_parquet
        written = write(corpus, path, overwrite=force)
    # The file as given, not as Path reads it: "out/" names a folder.
    elif kind == "graphml":
        written = [formats.to_graphml(corpus, output, overwrite=force)]
    else:
        written = [_write_json(output, _document(corpus, kind), force=force)]
    # The paths as the user gave them, not as the system resolves them.
    named = [path / p.name for p in written] if path.is_dir() else [path]
    lines = [f"wrote {p}" for p in named]
    return Answer("\n".join(lines), [str(p) for p in named])


def _document(corpus: ss.Corpus, kind: str) -> bytes:
    """Return the bytes of the JSON file of a format."""
    from secretspeech import formats  # noqa: PLC0415 -- only when exporting

    makers: dict[str, Callable[[ss.Corpus], object]] = {
        "json": ss.as_dict,
        "jsonld": formats.to_jsonld,
        "annotations": formats.to_annotations,
        "timelinejs": formats.to_timelinejs,
    }
    document = json.dumps(makers[kind](corpus), ensure_ascii=False)
    return (document + "\n").encode()


def _file_of(corpus: ss.Corpus, kind: str) -> bytes:
    """Return the bytes of the one file of a format, written nowhere."""
    if kind != "graphml":
        return _document(corpus, kind)
    from secretspeech import formats  # noqa: PLC0415 -- only when exporting

    # to_graphml writes a file, and only it checks what GraphML can hold.
    with tempfile.TemporaryDirectory() as folder:
        return formats.to_graphml(corpus, Path(folder) / "g").read_bytes()


def _write_json(path: str, document: bytes, *, force: bool) -> Path:
    """Write one JSON file, whole or not at all, as the formats do."""
    from secretspeech._export import write_files  # noqa: PLC0415

    (written,) = write_files("export", {path: document}, overwrite=force)
    return written


# -- the parser ---------------------------------------------------------------


def _option(keyword: str) -> str:
    """Return the option of an API *keyword*: max_records is --max-records."""
    return "--" + keyword.replace("_", "-")


#: The options of every command, which may come before or after its name.
_GLOBAL_FLAGS = frozenset({"--json"})
_GLOBAL_VALUES = frozenset(
    {"--corpus", "--text", *(_option(limit) for limit in _LIMITS)}
)


def _hoist(argv: Sequence[str]) -> list[str]:
    """
    Move the options of every command before the command's name.

    ``secretspeech show muck --json`` reads as ``secretspeech --json show
    muck``: the options are the main parser's, documented once, and
    taken wherever they are written.  Nothing after ``--`` moves.
    """
    front, rest = _split(argv)
    return front + rest


def _split(argv: Sequence[str]) -> tuple[list[str], list[str]]:
    """Return the options of every command, with their values, and the rest."""
    front: list[str] = []
    rest: list[str] = []
    words = iter(argv)
    for word in words:
        if word == "--":
            rest += [word, *words]
            break
        name = word.split("=", 1)[0]
        if word in _GLOBAL_FLAGS:
            front.append(word)
        elif name in _GLOBAL_VALUES:
            front.append(word)
            value = None if "=" in word else next(words, None)
            front += [] if value is None else [value]
        else:
            rest.append(word)
    return front, rest


class _Joined(argparse.Action):
    """Keep the words of a positional argument as one string, as typed."""

    def __call__(
        self,
        parser: argparse.ArgumentParser,  # noqa: ARG002 -- argparse's call
        namespace: argparse.Namespace,
        values: str | Sequence[Any] | None,
        option_string: str | None = None,  # noqa: ARG002 -- argparse's call
    ) -> None:
        assert isinstance(values, list)  # noqa: S101 -- nargs="+"
        setattr(namespace, self.dest, " ".join(values))


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="secretspeech",
        description=(
            "Explore the secret speech edition. Without a command, print "
            "a summary of the article, its records and the timeline. The "
            "options --json, --corpus, --text and the limits go with every "
            "command, before or after its name."
        ),
    )
    parser.add_argument(
        "--json",
        action="store_true",
        help="print the answer as JSON (what secretspeech.as_dict gives)",
    )
    parser.add_argument(
        "--corpus",
        type=_path,
        metavar="RECORDS",
        help="run on a corpus file of your own (with --text)",
    )
    parser.add_argument(
        "--text",
        type=_path,
        metavar="TEXT",
        help="the text file of that corpus (with --corpus)",
    )
    for limit, default in _LIMITS.items():
        parser.add_argument(
            _option(limit),
            type=_positive,
            metavar="N",
            help=(
                f"raise load_corpus's {limit} for --corpus (default "
                f"{default:,})"
            ),
        )
    parser.add_argument(
        "--version",
        action="version",
        version="secretspeech "
        + getattr(ss, "__version__", "(version unknown: not installed)"),
    )
    commands = parser.add_subparsers(dest="command", metavar="COMMAND")

    def command(name: str, text: str) -> argparse.ArgumentParser:
        return commands.add_parser(name, help=text, description=text)

    command("summary", "the article, its records and the timeline (default)")
    show_parser = command("show", "one record, by id, name or alias")
    # Words may come quoted as one argument or unquoted as several.
    show_parser.add_argument(
        "key", nargs="+", action=_Joined, help="an id, name or alias"
    )
    search_parser = command("search", "records of any kind, best first")
    search_parser.add_argument(
        "words", nargs="+", action=_Joined, help="words to look for"
    )
    search_parser.add_argument(
        "--limit", type=_positive, help="the most to show"
    )
    timeline_parser = command("timeline", "the dated events, in order")
    timeline_parser.add_argument(
        "period", nargs="?", help="a year or EDTF period: all of it"
    )
    timeline_parser.add_argument("--start", help="a year or EDTF period")
    timeline_parser.add_argument("--end", help="a year or EDTF period")
    timeline_parser.add_argument(
        "--strict",
        action="store_true",
        help="keep only events entirely inside the period",
    )
    quotes_parser = command("quotes", "the quotations")
    quotes_parser.add_argument("--by", help="a speaker")
    quotes_parser.add_argument("--about", help="any record")
    quotes_parser.add_argument("--kind", help="utterance or 'quoted term'")
    claims_parser = command("claims", "the article's argument, claim by claim")
    claims_parser.add_argument("--by", help="the person or group reported")
    claims_parser.add_argument("--about", help="any record")
    claims_parser.add_argument(
        "--stance", help="assertion, report or evaluation"
    )
    stats_parser = command("stats", "the numbers the article gives")
    stats_parser.add_argument("--counting", help="what is counted: deaths")
    stats_parser.add_argument("--about", help="any record")
    command("people", "everyone the article mentions")
    events_parser = command("events", "the events, dated or not")
    events_parser.add_argument("--kind", help="an event kind: speech, war…")
    events_parser.add_argument("--during", help="a year or EDTF period")
    check_parser = command("check", "is this quotation in the article?")
    check_parser.add_argument(
        "quote", nargs="+", action=_Joined, help="the words, in quotes"
    )
    check_parser.add_argument(
        "--limit", type=_positive, default=3, help="the most to show"
    )
    export_parser = command("export", "write the data in another format")
    export_parser.add_argument(
        "--format",
        required=True,
        choices=_FORMATS,
        metavar="FORMAT",
        help=", ".join(_FORMATS) + " (parquet and graphml need an extra)",
    )
    export_parser.add_argument(
        "--output",
        type=_path,
        required=True,
        metavar="PATH",
        help="the file to write (a folder for csv and parquet), or - for "
        "standard output",
    )
    export_parser.add_argument(
        "--force", action="store_true", help="replace files that exist"
    )
    return parser


def _criteria(args: argparse.Namespace, *names: str) -> dict[str, Any]:
    """The filter criteria given as options, periods read as in the API."""
    # An empty value is given too, to be refused as the API refuses it.
    found = {
        n: getattr(args, n) for n in names if getattr(args, n) is not None
    }
    if "during" in found:
        found["during"] = _period(found["during"])
    return found


def _timeline(args: argparse.Namespace, corpus: ss.Corpus) -> Answer:
    if args.period is None:
        return timeline(corpus, args.start, args.end, strict=args.strict)
    # A period given alone is both ends: all of it. Read first, so that a
    # period that is not one is named as typed, not as --start.
    try:
        ss.HistoricalDate.coerce(_period(args.period))
    except ss.SecretSpeechError as e:
        raise type(e)(f"period: {e}") from None
    return timeline(corpus, args.period, args.period, strict=args.strict)


#: What each command runs, given its arguments and the corpus.
_COMMANDS: dict[str, Callable[[argparse.Namespace, ss.Corpus], Answer]] = {
    "summary": lambda _, corpus: summary(corpus),
    "show": lambda args, corpus: show(corpus, args.key),
    "search": lambda args, corpus: search(corpus, args.words, args.limit),
    "timeline": _timeline,
    "quotes": lambda args, corpus: quotes(
        corpus, _criteria(args, "by", "about", "kind")
    ),
    "claims": lambda args, corpus: claims(
        corpus, _criteria(args, "by", "about", "stance")
    ),
    "stats": lambda args, corpus: stats(
        corpus, _criteria(args, "counting", "about")
    ),
    "people": lambda _, corpus: people(corpus),
    "events": lambda args, corpus: events(
        corpus, _criteria(args, "kind", "during")
    ),
    "check": lambda args, corpus: check(corpus, args.quote, args.limit),
    "export": lambda args, corpus: export(
        corpus, args.format, args.output, force=args.force
    ),
}


def _suggest(
    argv: Sequence[str], parser: argparse.ArgumentParser
) -> str | None:
    """Name the command closest to an unknown first word, if one is close."""
    # Not the value of an option (--corpus stats.json): a file, not "stats".
    words = [a for a in _split(argv)[1] if not a.startswith("-")]
    if not words:
        return None
    choices = _commands(parser)
    first = words[0]
    if first in choices:
        return None
    close = difflib.get_close_matches(first, choices, n=1, cutoff=0.6)
    if not close:
        return None
    return f"unknown command {first!r}; did you mean {close[0]!r}?"


def _commands(parser: argparse.ArgumentParser) -> list[str]:
    for action in parser._actions:  # noqa: SLF001 -- argparse keeps them here
        if isinstance(action, argparse._SubParsersAction):  # noqa: SLF001
            return list(action.choices)
    return []  # pragma: no cover -- the parser always has commands


def _print(text: str | bytes) -> int:
    """
    Print an answer; return 1, saying why, if it cannot be written.

    Bytes, a file's, are written as they are, not in the terminal's
    encoding.
    """
    out = sys.stdout
    if out is None:
        _say("cannot write the answer: standard output is closed")
        return 1
    if isinstance(out, io.TextIOWrapper):
        # A terminal that cannot show “curly quotes” gets escapes, not a
        # traceback.
        out.reconfigure(errors="backslashreplace")
    try:
        if isinstance(text, str):
            print(text, file=out)
        elif hasattr(out, "buffer"):
            out.flush()
            out.buffer.write(text)
        else:
            # A stream of text only (a StringIO, say).
            out.write(text.decode())
        # Here, not at exit, where a failure is a traceback.
        out.flush()
    except BrokenPipeError:
        # The reader (`head`, say) stopped early; that is not an error.
        sys.stderr.close()
    except OSError as e:
        # A full disk, say: the answer is lost, which the status says.
        _say(f"cannot write the answer: {e.strerror or e}")
        _discard(out)
        return 1
    return 0


def _json(data: object) -> str:
    r"""
    Return *data* as JSON that standard output can write as it is.

    Its characters as they are where the output's encoding has them;
    where it does not (an ASCII terminal), JSON's escapes (``\u00f3``),
    since `_print`'s Python escapes (``\xf3``) are not JSON.
    """
    document = json.dumps(data, ensure_ascii=False, indent=2)
    try:
        document.encode(getattr(sys.stdout, "encoding", None) or "utf-8")
    except UnicodeEncodeError:
        return json.dumps(data, indent=2)
    return document


def _discard(out: TextIO) -> None:
    """Send what *out* still holds nowhere, so that exit does not fail."""
    with contextlib.suppress(OSError, ValueError):
        null = os.open(os.devnull, os.O_WRONLY)
        try:
            os.dup2(null, out.fileno())
        finally:
            # The copy is open as out's; main() may be called again.
            os.close(null)


def _say(message: str) -> None:
    """Say on standard error why the command failed, in its own words."""
    print(f"secretspeech: {message}", file=sys.stderr)


def _fail(message: str, given: Sequence[str]) -> None:
    """
    Say why the API refused the command, in the words the user typed.

    The API's keywords become options and its functions commands, but not
    in the user's *given* words that the message quotes (``'kind=war'``,
    or ``brief`` of it, as the API quotes a long one).
    """
    quoted = {q for value in given for q in (repr(value), brief(value))}
    # Longest first, so that a quotation is kept whole; (?!) keeps none.
    kept = "|".join(map(re.escape, sorted(quoted, key=len, reverse=True)))
    parts = re.split(f"({kept or '(?!)'})", message)
    _say("".join(p if i % 2 else _typed(p) for i, p in enumerate(parts)))


def _typed(message: str) -> str:
    """Return the API's words in *message* as the command line's."""
    # The API's keywords (start=) as the options the user typed (--start).
    typed = _OPTIONS.sub(lambda m: f"--{m[1]}{': ' if m[2] else ' '}", message)
    typed = _OUTPUT.sub("--output: ", typed)
    typed = _LIMIT.sub(lambda m: _option(m[1]), typed)
    typed = typed.replace("pass overwrite=True", "use --force")
    # The API's functions as the commands that call them.
    typed = typed.replace("check_quote() takes", "check takes")
    typed = typed.replace("(search() ranks", "(the search command ranks")
    return re.sub(r"--strict True\b", "--strict", typed).replace("  ", " ")


def _misused(args: argparse.Namespace) -> str | None:
    """Say how arguments that argparse took go wrong together, if they do."""
    if (args.corpus is None) != (args.text is None):
        return "--corpus and --text go together: the records and their text"
    if args.corpus is None:
        for limit in _LIMITS:
            if getattr(args, limit) is not None:
                return (
                    f"{_option(limit)} raises a limit of --corpus files, "
                    "and no --corpus is given"
                )
    if (
        args.command == "export"
        and args.output == STDOUT
        and args.format in ("csv", "parquet")
    ):
        return (
            f"--output {STDOUT}, standard output, takes one file; "
            f"{args.format} writes a file per collection into a folder"
        )
    if args.command == "timeline" and args.period is not None:
        for option in ("start", "end"):
            value = getattr(args, option)
            if value is not None:
                return (
                    f"timeline takes a period or --start and --end, not "
                    f"both: {args.period} with --{option} {value}"
                )
    return None


def main(argv: Sequence[str] | None = None) -> int:
    """
    Run the command line and return its exit status.

    Args:
        argv: The arguments, without the program name; `sys.argv` if
            `None`.

    Returns:
        0 on success; 1 if nothing matched, the data or a value was not
        understood, or the answer could not be written; 2 for a usage
        error.
    """
    argv = list(sys.argv[1:] if argv is None else argv)
    parser = _parser()
    hint = _suggest(argv, parser)
    if hint is not None:
        parser.print_usage(sys.stderr)
        _say(hint)
        return 2
    try:
        args = parser.parse_args(_hoist(argv))
    except SystemExit as e:
        # Usage errors (2), and --help and --version (0).
        return e.code if isinstance(e.code, int) else 2
    records, text = args.corpus, args.text
    wrong = _misused(args)
    if wrong is not None:
        parser.print_usage(sys.stderr)
        _say(wrong)
        return 2
    try:
        corpus = (
            ss.corpus()
            if records is None or text is None
            else ss.load_corpus(
                records,
                text,
                **{
                    limit: getattr(args, limit)
                    for limit in _LIMITS
                    if getattr(args, limit) is not None
                },
            )
        )
        answer = _COMMANDS[args.command or "summary"](args, corpus)
    except ss.SecretSpeechError as e:
        given = [v for v in vars(args).values() if isinstance(v, str)]
        _fail(str(e), given)
        return 1
    status = 0
    if answer.payload is not None:
        status = _print(answer.payload)
    elif args.json:
        status = _print(_json(answer.data))
    elif answer.empty is None:
        status = _print(answer.text)
    if answer.empty is not None:
        _say(answer.empty)
        return 1
    return status
