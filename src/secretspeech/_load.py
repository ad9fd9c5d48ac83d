"""
Read corpus data into validated records: the only module that parses.

A corpus is a UTF-8 text plus a JSON document of records whose evidence
points into that text. Everything is checked before a `Corpus` exists; the
first broken rule raises `InvalidCorpusError` naming the source, the record
and the problem.
"""

from __future__ import annotations

import codecs
import json
import os
import sys
import threading
import typing
from collections.abc import Callable, Mapping
from importlib import resources
from os import PathLike
from pathlib import Path
from typing import Any, TypeVar

import attrs

from secretspeech._corpus import Corpus
from secretspeech._dates import Calendar, DateBasis, HistoricalDate
from secretspeech._model import (
    CORPUS_FORMAT,
    SCHEMA,
    Article,
    Evidence,
    Quantity,
    Source,
    plain,
)
from secretspeech._text import brief, shown
from secretspeech.exceptions import (
    CorpusFileError,
    InvalidCorpusError,
    InvalidTypeError,
    InvalidValueError,
    SecretSpeechError,
)


__all__ = ["load_bundled", "load_corpus", "parse_corpus"]

#: The corpus format this module reads.
FORMAT = CORPUS_FORMAT
#: The largest corpus JSON document accepted, in bytes.
MAX_BYTES = 20_000_000
#: The largest number of records of one kind accepted.
MAX_RECORDS = 100_000

_T = TypeVar("_T")
_lock = threading.Lock()
_bundled: Corpus | None = None

# The collections a document may leave out: those `Corpus` gives a default.
_OPTIONAL_KINDS = frozenset(
    f.name for f in attrs.fields(Corpus) if f.default is not attrs.NOTHING
)


def load_bundled() -> Corpus:
    """
    Return the corpus shipped with the package, loading it on first use.

    The data is read, validated and indexed once per process; concurrent
    first calls wait for the one load.

    Returns:
        The bundled corpus.

    >>> from secretspeech._load import load_bundled
    >>> load_bundled() is load_bundled()
    True
    """
    global _bundled  # noqa: PLW0603 -- the one cache, written once under a lock
    if _bundled is None:
        with _lock:
            if _bundled is None:
                data = resources.files("secretspeech") / "_data"
                _bundled = parse_corpus(
                    (data / "corpus.json").read_text(encoding="utf-8"),
                    (data / "article.txt").read_text(encoding="utf-8"),
                    source="secretspeech/_data/corpus.json",
                )
    return _bundled


def load_corpus(
    records: str | Path, text: str | Path, /, *, encoding: str = "utf-8"
) -> Corpus:
    """
    Load and validate a corpus from a JSON file of records and a text file.

    The JSON document has the shape of the bundled
    ``secretspeech/_data/corpus.json``; its ``article.sha256`` must be the
    SHA-256 of the text.

    Args:
        records: Path of the JSON document.
        text: Path of the UTF-8 text the evidence refers to.
        encoding: Encoding of both files.

    Returns:
        The validated corpus.

    Raises:
        CorpusFileError: If the operating system cannot read a file (it is
            missing, a directory, not readable); an `OSError` with the
            ``errno`` and ``filename`` of the failure, which is its
            ``__cause__``.
        InvalidCorpusError: If a file is too large, not in *encoding*, or
            breaks any rule of a corpus; the message names the file, the
            record and the problem.
        InvalidTypeError: If *records* or *text* is not a path, or
            *encoding* is not a str.
        InvalidValueError: If a path holds a character no file name can
            (a NUL), or *encoding* is not a text encoding Python knows.

    >>> import secretspeech as ss
    >>> from secretspeech._load import load_corpus
    >>> load_corpus("missing.json", "missing.txt")
    Traceback (most recent call last):
    ...
    secretspeech.exceptions.CorpusFileError: missing.json: No such file ...
    """
    check_paths("load_corpus", records=records, text=text)
    _check_encoding(encoding)
    source = str(records)
    size = on_file("load_corpus", "records", records, _size)
    if size > MAX_BYTES:
        raise InvalidCorpusError(
            f"{source}: {size} bytes is more than the limit of {MAX_BYTES}"
        )
    # Bytes, not read_text: newline translation would change the text the
    # offsets and the checksum refer to.
    document = _decode(
        records,
        on_file("load_corpus", "records", records, Path.read_bytes),
        encoding,
    )
    body = _decode(
        text, on_file("load_corpus", "text", text, Path.read_bytes), encoding
    )
    return parse_corpus(document, body, source=source)


def check_paths(function: str, **paths: object) -> None:
    """
    Check that every one of *paths* is a `str` or an `os.PathLike`.

    Raises:
        InvalidTypeError: If one is anything else; the message names it.
    """
    for argument, value in paths.items():
        if not isinstance(value, str | os.PathLike):
            raise InvalidTypeError(
                f"{function}() takes a path for {argument}, got {shown(value)}"
            )


def _check_encoding(encoding: object) -> None:
    """Refuse an *encoding* that is not the name of a text encoding."""
    if not isinstance(encoding, str):
        raise InvalidTypeError(
            f"load_corpus() takes the name of an encoding as a str for "
            f"encoding=, got {shown(encoding)}"
        )
    try:
        # A codec such as "rot13" or "hex" is known but turns bytes into
        # bytes or str into str; str.decode() refuses it.
        text_codec = codecs.lookup(encoding)._is_text_encoding  # noqa: SLF001
    except (LookupError, ValueError):
        text_codec = False
    if not text_codec:
        raise InvalidValueError(
            f"load_corpus(): encoding={brief(encoding)} is not a text "
            "encoding Python knows, such as 'utf-8'"
        )


def _size(path: Path) -> int:
    return path.stat().st_size


def on_file(
    function: str,
    argument: str,
    path: str | PathLike[str],
    act: Callable[[Path], _T],
) -> _T:
    """
    Run *act* on *path*, turning every failure into an error that names it.

    This is the one file policy of `load_corpus` and `save_corpus`, which
    name themselves as *function* and the path's parameter as *argument*.

    Raises:
        CorpusFileError: If the operating system refuses (`file_error`).
        InvalidTypeError: If *path* is an `os.PathLike` that gives bytes.
        InvalidValueError: If *path* holds a NUL or an unpaired surrogate,
            so that the operating system cannot even be asked.
    """
    try:
        return act(Path(path))
    except OSError as e:
        raise file_error(path, e) from e
    except TypeError as e:
        raise InvalidTypeError(
            f"{function}() takes a path for {argument}, got {shown(path)}: {e}"
        ) from e
    except ValueError as e:
        raise InvalidValueError(
            f"{function}(): {argument}={brief(str(path))} is not a path the "
            f"operating system can open: {e}"
        ) from e


def _decode(path: str | PathLike[str], data: bytes, encoding: str) -> str:
    """Decode the bytes read from *path*, naming it if they are not text."""
    try:
        return data.decode(encoding)
    except UnicodeError as e:
        raise InvalidCorpusError(f"{path}: not {encoding}: {e}") from e


def file_error(path: object, error: OSError) -> CorpusFileError:
    """
    Return the `CorpusFileError` for *error*, raised reading or writing *path*.

    It keeps the error's ``errno``, ``strerror`` and ``filename`` (or
    *path*, if the error names no file); raise it ``from error``.
    """
    if error.errno is None or error.strerror is None:
        return CorpusFileError(f"{path}: {error}")
    filename = error.filename if error.filename is not None else str(path)
    return CorpusFileError(
        error.errno, error.strerror, filename, None, error.filename2
    )


def parse_corpus(
    document: str | Mapping[str, Any],
    text: str,
    /,
    *,
    source: str = "<corpus>",
    record_types: Mapping[str, type[Any]] | None = None,
) -> Corpus:
    """
    Build a validated `Corpus` from a JSON document (or its parsed mapping).

    Args:
        document: The JSON text, or the mapping it parses to.
        text: The canonical text the evidence refers to.
        source: A name for the data, used in error messages.
        record_types: Record types of your own by collection name
            (``{"events": MyEvent}``): subclasses of ours, whose fields of
            their own declare their part in the schema as ours do.

    Returns:
        The validated corpus.

    Raises:
        InvalidCorpusError: If any rule is broken.
        InvalidTypeError: If *record_types* is not a mapping of collection
            names to subclasses of their record types.
    """
    kinds = _record_types(record_types)
    if isinstance(document, str):
        if len(document) > MAX_BYTES:
            raise InvalidCorpusError(f"{source}: the document is too large")
        try:
            data = json.loads(document, parse_int=_int)
        except _LongNumberError as e:
            raise InvalidCorpusError(
                f"{source}: {_position(document, e.token)}a number of "
                f"{len(e.token.lstrip('-'))} digits is longer than Python "
                f"reads (sys.get_int_max_str_digits() is "
                f"{sys.get_int_max_str_digits()})"
            ) from None
        except (json.JSONDecodeError, RecursionError) as e:
            raise InvalidCorpusError(f"{source}: not valid JSON: {e}") from e
    else:
        data = document
    return _Parser(source, text, kinds).corpus(data)


def _record_types(given: Mapping[str, type[Any]] | None) -> dict[str, type]:
    """Return the record type of each collection, with the user's own."""
    kinds: dict[str, type] = {c.name: c.record_type for c in SCHEMA}
    if given is None:
        return kinds
    if not isinstance(given, Mapping):
        raise InvalidTypeError(
            f"record_types= takes a mapping of collection names to record "
            f"types, got {shown(given)}"
        )
    for name, cls in given.items():
        cls_: object = cls
        if name not in kinds:
            raise InvalidTypeError(
                f"record_types= names {shown(name)}, which is not a "
                f"collection; choose from {', '.join(kinds)}"
            )
        if not (isinstance(cls_, type) and issubclass(cls_, kinds[name])):
            raise InvalidTypeError(
                f"record_types={{{name!r}: ...}} takes a subclass of "
                f"{kinds[name].__name__}, got {shown(cls)}"
            )
    return {**kinds, **given}


class _LongNumberError(Exception):
    """A JSON integer with more digits than `int` converts."""

    def __init__(self, token: str) -> None:
        super().__init__(f"a number of {len(token)} characters")
        self.token = token


def _int(token: str) -> int:
    """Read a JSON integer, refusing one over Python's digit limit."""
    try:
        return int(token)
    except ValueError:
        # The only way int() fails on a JSON integer: more digits than
        # sys.get_int_max_str_digits() allows.
        raise _LongNumberError(token) from None


def _position(document: str, token: str) -> str:
    """Say where *token* first occurs in *document*: "line 3 column 7: "."""
    # The scanner hands over the number as written, so it is there.
    at = document.index(token)
    line = document.count("\n", 0, at) + 1
    column = at - document.rfind("\n", 0, at)
    return f"line {line} column {column}: "


class _Parser:
    def __init__(self, source: str, text: str, kinds: dict[str, type]) -> None:
        self.source = source
        self.text = text
        self.kinds = kinds
        self.where = source

    def fail(self, problem: str) -> InvalidCorpusError:
        return InvalidCorpusError(f"{self.where}: {problem}")

    def corpus(self, data: object) -> Corpus:
        top = self.mapping(data, "the document")
        # type() and not ==: JSON true would equal 1.
        if type(top.get("format")) is not int or top["format"] != FORMAT:
            raise self.fail(
                f"format must be {FORMAT}, got {top.get('format')!r}"
            )
        known = {"format", "data_version", "article", *self.kinds}
        self.no_extra(top, known)
        data_version = self.string(top.get("data_version"), "data_version")
        self.where = f"{self.source}: article"
        article = self.article(self.mapping(top.get("article"), "article"))

        built: dict[str, tuple[Any, ...]] = {}
        for kind, cls in self.kinds.items():
            if kind not in top and kind in _OPTIONAL_KINDS:
                built[kind] = ()
                continue
            items = top.get(kind)
            if not isinstance(items, list):
                self.where = self.source
                raise self.fail(f"{kind!r} must be a list of records")
            if len(items) > MAX_RECORDS:
                self.where = self.source
                raise self.fail(
                    f"{kind!r} has more than {MAX_RECORDS} records"
                )
            records: list[object] = []
            for i, item in enumerate(items):
                self.where = f"{self.source}: {kind}[{i}]"
                raw = self.mapping(item, "a record")
                if isinstance(raw.get("id"), str):
                    self.where = f"{self.source}: {kind}[{i}] ({raw['id']!r})"
                records.append(self.record(cls, raw))
            built[kind] = tuple(records)

        self.where = self.source
        # The corpus keeps its own rules (ids, references, evidence against
        # the text); the loader adds the file's name to what it refuses.
        return self.build(
            Corpus, article=article, data_version=data_version, **built
        )

    # -- shapes

    def mapping(self, value: object, what: str) -> Mapping[str, Any]:
        if not isinstance(value, Mapping):
            raise self.fail(f"{what} must be a JSON object, got {value!r:.60}")
        return value

    def string(self, value: object, what: str) -> str:
        if not isinstance(value, str):
            raise self.fail(f"{what} must be a string, got {value!r:.60}")
        return value

    def no_extra(self, raw: Mapping[str, Any], known: set[str]) -> None:
        extra = sorted(set(raw) - known)
        if extra:
            raise self.fail(f"unknown field(s) {', '.join(map(repr, extra))}")

    def build(self, cls: Callable[..., _T], **kwargs: Any) -> _T:  # noqa: ANN401
        try:
            return cls(**kwargs)
        except SecretSpeechError as e:
            raise self.fail(str(e)) from e
        except (TypeError, ValueError) as e:
            raise self.fail(f"{e}") from e

    # -- values

    def evidence(self, raw: object, field: str) -> Evidence:
        span = self.mapping(raw, f"{field} item")
        self.no_extra(span, {"start", "end", "exact", "prefix", "suffix"})
        return self.build(Evidence, **span)

    def date(self, raw: object, field: str) -> HistoricalDate:
        d = self.mapping(raw, field)
        self.no_extra(
            d,
            {
                "text",
                "edtf",
                "earliest",
                "latest",
                "precision",
                "approximate",
                "uncertain",
                "calendar",
                "relative_to",
                "basis",
                "reason",
            },
        )
        for key in ("text", "edtf"):
            if not isinstance(d.get(key), str):
                raise self.fail(
                    f"{field}: {key!r} must be a string, got "
                    f"{d.get(key)!r:.60}"
                )
        calendar = self.member(
            Calendar, d.get("calendar", "gregorian"), f"{field}: calendar"
        )
        basis = None
        if d.get("basis") is not None:
            basis = self.member(DateBasis, d["basis"], f"{field}: basis")
        try:
            date = HistoricalDate.from_edtf(
                d["edtf"],
                text=d["text"],
                calendar=calendar,
                relative_to=d.get("relative_to"),
                basis=basis,
                reason=d.get("reason"),
            )
        except SecretSpeechError as e:
            raise self.fail(f"{field}: {e}") from e
        # The bounds, precision and flags follow from the EDTF string, so a
        # document may leave them out; where it gives them they must agree.
        for key in (
            "earliest",
            "latest",
            "precision",
            "approximate",
            "uncertain",
        ):
            self.agrees(d, date, key, field)
        return date

    def member(
        self, vocabulary: Callable[[object], _T], raw: object, field: str
    ) -> _T:
        try:
            return vocabulary(raw)
        except SecretSpeechError as e:
            # The vocabulary's own message lists the choices.
            raise self.fail(f"{field}: {e}") from None

    def agrees(
        self,
        given: Mapping[str, Any],
        date: HistoricalDate,
        key: str,
        field: str,
    ) -> None:
        if key not in given:
            return
        expected = plain(getattr(date, key))
        if given[key] != expected or type(given[key]) is not type(expected):
            raise self.fail(
                f"{field}: {key} is {given[key]!r:.60}, but edtf "
                f"{date.edtf!r} gives {expected!r}"
            )

    def article(self, raw: Mapping[str, Any]) -> Article:
        self.no_extra(
            raw,
            {
                "title",
                "standfirst",
                "author",
                "publication",
                "issue",
                "published",
                "caption",
                "sha256",
                "language",
            },
        )
        fields = dict(raw)
        fields["published"] = self.date(raw.get("published"), "published")
        return self.build(Article, text=self.text, **fields)

    def record(self, cls: type[_T], raw: Mapping[str, Any]) -> _T:
        # Each field is read by its declared type, so a record type with
        # fields of its own (a subclass given in the schema) reads the same.
        hints = typing.get_type_hints(cls)
        known = {a.name for a in attrs.fields(cls)}  # type: ignore[arg-type]
        self.no_extra(raw, known)
        fields = dict(raw)
        for key, value in raw.items():
            fields[key] = self.value(value, hints[key], key)
        return self.build(cls, **fields)

    def value(self, raw: object, hint: object, field: str) -> object:  # noqa: PLR0911 -- a return per kind
        """Read one field's JSON value as its declared type asks."""
        if raw is None:
            return None
        if typing.get_origin(hint) is tuple:
            item = typing.get_args(hint)[0]
            if item is Source:
                if not isinstance(raw, list):
                    raise self.fail(f"{field} must be a list, got {raw!r:.60}")
                return tuple(
                    self.build(Source, **self.mapping(one, f"{field} item"))
                    for one in raw
                )
            if item in {Evidence, HistoricalDate}:
                if not isinstance(raw, list):
                    raise self.fail(f"{field} must be a list, got {raw!r:.60}")
                read = self.evidence if item is Evidence else self.date
                return tuple(read(one, field) for one in raw)
        elif hint is Evidence:
            return self.evidence(raw, field)
        elif hint is Quantity or Quantity in typing.get_args(hint):
            return self.build(Quantity, **self.mapping(raw, field))
        elif hint is HistoricalDate or HistoricalDate in typing.get_args(hint):
            return self.date(raw, field)
        # JSON has no tuples; the model converts lists of ids and names.
        return tuple(raw) if isinstance(raw, list) else raw

    # -- the whole
