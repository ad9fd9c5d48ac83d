"""
Read corpus data into validated records: the only module that parses.

A corpus is a UTF-8 text plus a JSON document of records whose evidence
points into that text. Everything is checked before a `Corpus` exists; the
first broken rule raises `InvalidCorpusError` naming the source, the record
and the problem.
"""

from __future__ import annotations

import codecs
import hashlib
import json
import threading
from collections.abc import Callable, Mapping
from importlib import resources
from os import PathLike
from pathlib import Path
from typing import Any, TypeVar

from secretspeech._catalog import check_paths
from secretspeech._corpus import Corpus
from secretspeech._dates import Calendar, HistoricalDate
from secretspeech._model import (
    ANY_COLLECTION,
    COLLECTIONS,
    CORPUS_FORMAT,
    REFERENCES,
    Article,
    Evidence,
    Quantity,
    plain,
)
from secretspeech.exceptions import (
    InvalidCorpusError,
    InvalidQueryError,
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

_ANY = (ANY_COLLECTION,)
# Each collection's JSON key, its record class and, for every field that
# holds ids, the collections those ids may name.
_KINDS: dict[str, tuple[type[Any], dict[str, tuple[str, ...]]]] = {
    name: (cls, REFERENCES[cls]) for name, cls in COLLECTIONS
}
_OPTIONAL_KINDS = frozenset({"notes"})


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
        InvalidCorpusError: If a file cannot be read or any rule is broken;
            the message names the file, the record and the problem.
        InvalidQueryError: If *records* or *text* is not a path, or
            *encoding* is not an encoding.

    >>> import secretspeech as ss
    >>> from secretspeech._load import load_corpus
    >>> load_corpus("missing.json", "missing.txt")
    Traceback (most recent call last):
    ...
    secretspeech.exceptions.InvalidCorpusError: missing.json: cannot read: ...
    """
    check_paths("load_corpus", records=records, text=text)
    try:
        codecs.lookup(encoding)
    except (LookupError, TypeError):
        raise InvalidQueryError(
            f"encoding={encoding!r} is not an encoding Python knows"
        ) from None
    source = str(records)
    size = _read(records, lambda p: p.stat().st_size)
    if size > MAX_BYTES:
        raise InvalidCorpusError(
            f"{source}: {size} bytes is more than the limit of {MAX_BYTES}"
        )
    document = _read(records, lambda p: p.read_bytes().decode(encoding))
    # Bytes, not read_text: newline translation would change the text the
    # offsets and the checksum refer to.
    body = _read(text, lambda p: p.read_bytes().decode(encoding))
    return parse_corpus(document, body, source=source)


def _read(path: str | PathLike[str], read: Callable[[Path], _T]) -> _T:
    """Read from *path*, turning failures into errors that name it."""
    try:
        return read(Path(path))
    except OSError as e:
        raise InvalidCorpusError(f"{path}: cannot read: {e}") from e
    except UnicodeDecodeError as e:
        raise InvalidCorpusError(f"{path}: not {e.encoding}: {e}") from e


def parse_corpus(
    document: str | Mapping[str, Any],
    text: str,
    /,
    *,
    source: str = "<corpus>",
) -> Corpus:
    """
    Build a validated `Corpus` from a JSON document (or its parsed mapping).

    Args:
        document: The JSON text, or the mapping it parses to.
        text: The canonical text the evidence refers to.
        source: A name for the data, used in error messages.

    Returns:
        The validated corpus.

    Raises:
        InvalidCorpusError: If any rule is broken.
    """
    if isinstance(document, str):
        if len(document) > MAX_BYTES:
            raise InvalidCorpusError(f"{source}: the document is too large")
        try:
            data = json.loads(document)
        except (json.JSONDecodeError, RecursionError) as e:
            raise InvalidCorpusError(f"{source}: not valid JSON: {e}") from e
    else:
        data = document
    return _Parser(source, text).corpus(data)


class _Parser:
    def __init__(self, source: str, text: str) -> None:
        self.source = source
        self.text = text
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
        known = {"format", "data_version", "article", *_KINDS}
        self.no_extra(top, known)
        data_version = self.string(top.get("data_version"), "data_version")
        self.where = f"{self.source}: article"
        article = self.article(self.mapping(top.get("article"), "article"))

        built: dict[str, tuple[Any, ...]] = {}
        for kind, (cls, _refs) in _KINDS.items():
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
            records = []
            for i, item in enumerate(items):
                self.where = f"{self.source}: {kind}[{i}]"
                raw = self.mapping(item, "a record")
                if isinstance(raw.get("id"), str):
                    self.where = f"{self.source}: {kind}[{i}] ({raw['id']!r})"
                records.append(self.record(cls, raw))
            built[kind] = tuple(records)

        self.check_ids(built)
        self.where = self.source
        return Corpus(article=article, data_version=data_version, **built)

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
        ev = self.build(Evidence, **span)
        if not ev.matches(self.text):
            found = self.text[ev.start : ev.end]
            raise self.fail(
                f"{field}: evidence {ev.exact!r} does not match the text at "
                f"{ev.start}:{ev.end}, which reads {found!r}"
            )
        return ev

    def evidence_list(self, raw: object, field: str) -> tuple[Evidence, ...]:
        if not isinstance(raw, list):
            raise self.fail(f"{field} must be a list, got {raw!r:.60}")
        return tuple(self.evidence(item, field) for item in raw)

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
            },
        )
        for key in ("text", "edtf"):
            if not isinstance(d.get(key), str):
                raise self.fail(
                    f"{field}: {key!r} must be a string, got "
                    f"{d.get(key)!r:.60}"
                )
        try:
            calendar = Calendar(d.get("calendar", "gregorian"))
        except ValueError:
            choices = ", ".join(repr(c.value) for c in Calendar)
            raise self.fail(
                f"{field}: calendar {d.get('calendar')!r:.60} is not one of "
                f"{choices}"
            ) from None
        try:
            date = HistoricalDate.from_edtf(
                d["edtf"],
                text=d["text"],
                calendar=calendar,
                relative_to=d.get("relative_to"),
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
        digest = hashlib.sha256(self.text.encode("utf-8")).hexdigest()
        if raw.get("sha256") != digest:
            raise self.fail(
                f"the text's SHA-256 is {digest} but the corpus records "
                f"{raw.get('sha256')!r}: the text is not the one the "
                "offsets refer to"
            )
        fields = dict(raw)
        fields["published"] = self.date(raw.get("published"), "published")
        return self.build(Article, text=self.text, **fields)

    def record(self, cls: type[_T], raw: Mapping[str, Any]) -> _T:
        known = {a.name for a in cls.__attrs_attrs__}  # type: ignore[attr-defined]
        self.no_extra(raw, known)
        fields = dict(raw)
        for key in ("evidence", "segments"):
            if key in fields:
                fields[key] = self.evidence_list(fields[key], key)
        if fields.get("date") is not None:
            fields["date"] = self.date(fields["date"], "date")
        if "also_dated" in fields:
            if not isinstance(fields["also_dated"], list):
                raise self.fail("also_dated must be a list")
            fields["also_dated"] = tuple(
                self.date(d, "also_dated") for d in fields["also_dated"]
            )
        if "quantity" in fields:
            fields["quantity"] = self.build(
                Quantity, **self.mapping(fields["quantity"], "quantity")
            )
        for key, value in fields.items():
            # JSON has no tuples; the model converts lists of ids and names.
            if isinstance(value, list):
                fields[key] = tuple(value)
        return self.build(cls, **fields)

    # -- the whole

    def check_ids(self, built: Mapping[str, tuple[Any, ...]]) -> None:
        owner: dict[str, str] = {"article": "article"}
        for kind, records in built.items():
            for record in records:
                self.where = f"{self.source}: {kind} ({record.id!r})"
                if record.id in owner:
                    raise self.fail(
                        f"duplicate id {record.id!r}, already used in "
                        f"{owner[record.id]}"
                    )
                owner[record.id] = kind
        for kind, records in built.items():
            refs = _KINDS[kind][1]
            for record in records:
                self.where = f"{self.source}: {kind} ({record.id!r})"
                for field, allowed in refs.items():
                    value = getattr(record, field)
                    ids = value if isinstance(value, tuple) else (value,)
                    for ref in ids:
                        self.check_ref(ref, field, allowed, owner)
                for d in self.dates_of(record):
                    if d.relative_to is not None:
                        self.check_ref(
                            d.relative_to, "relative_to", _ANY, owner
                        )

    def check_ref(
        self,
        ref: str | None,
        field: str,
        allowed: tuple[str, ...],
        owner: Mapping[str, str],
    ) -> None:
        if ref is None:
            return
        if ref not in owner:
            raise self.fail(f"{field} names {ref!r}, which is not a record")
        if allowed != _ANY and owner[ref] not in allowed:
            raise self.fail(
                f"{field} names {ref!r}, which is in {owner[ref]}, "
                f"not in {' or '.join(allowed)}"
            )

    @staticmethod
    def dates_of(record: object) -> tuple[HistoricalDate, ...]:
        first = getattr(record, "date", None)
        more: tuple[HistoricalDate, ...] = getattr(record, "also_dated", ())
        return ((first,) if first is not None else ()) + more
