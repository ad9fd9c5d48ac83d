"""
Tables of a corpus: CSV files, pandas data frames and Parquet files.

Every table is made by one flattening, read off the record type: a row per
record, in the collection's order, and columns in the order of the record
type's attrs fields, each field giving its columns by its type hint:

- a text, a number or a flag: one column, as it is; a vocabulary member:
  its value (``"famine"``); `None`: an empty cell.
- a tuple of texts or of vocabulary members (ids, aliases, roles): one
  column holding a list.
- a `HistoricalDate` field ``date``: a column per field of the date,
  ``date_text``, ``date_edtf``, ``date_earliest``, ``date_latest``,
  ``date_precision``, ``date_approximate``, ``date_uncertain``,
  ``date_calendar``, ``date_relative_to``, ``date_basis``, ``date_reason``,
  then ``date_start_open`` and ``date_end_open`` (whether that end is open,
  ``..``, or unknown, empty, in the EDTF string) and ``date_sort_key`` (the
  day a timeline places the date: its first possible day, or its last if
  the start is open). The bound of an open or unknown end is empty, never
  ``0001-01-01`` or ``9999-12-31``. To sort as `Corpus.timeline` does, sort
  by ``date_sort_key``, then by ``date_latest`` with empty cells last. A
  record with no date has every one of those cells empty.
- any other value of the model (an `Evidence`, a `Quantity`): a column per
  field its repr shows, ``<field>_<its field>`` (``link_start``,
  ``link_end``, ``link_exact``; ``quantity_kind``, ``quantity_low``, …),
  each flattened by these rules; all empty if there is no value.
- a tuple of such values whose shown fields are all required texts and
  ints (the spans of ``evidence`` and ``segments``): the same columns, each
  a list with an item per value (``evidence_start``, ``evidence_end``,
  ``evidence_exact``).
- anything else (``also_dated``, a note's ``sources``, a field of your own
  of another type): one column of JSON text, the value as `as_dict` gives
  it, which `from_dict` reads back.

The fields a repr leaves out are left out here too: an `Evidence`'s prefix
and suffix (the text and the offsets give them) and the article's text.
Besides a table per collection there is one for the `Article`: a row,
flattened by the same rules, with the corpus's ``data_version`` last.

The formats write the values thus:

=========== ================= ===================== ================
value       pandas            CSV cell              Parquet
=========== ================= ===================== ================
text        ``string``        as it is              ``string``
int         ``Int64``         digits                ``int64``
flag        ``boolean``       ``true``, ``false``   ``bool``
day         `datetime.date`   ``YYYY-MM-DD``        ``date32``
list        `list`            JSON array            ``list<...>``
no value    ``<NA>``, `None`  empty                 null
=========== ================= ===================== ================

A CSV file is UTF-8 without a byte order mark, with a header row, a line
feed at the end of each line and quotes only where a cell needs them. Our
records never hold an empty string, so an empty cell is "no value".
"""

from __future__ import annotations

import csv
import datetime
import enum
import errno
import functools
import importlib
import io
import json
import os
import stat
import types
import typing
from collections.abc import Callable, Sequence
from os import PathLike
from pathlib import Path
from typing import TYPE_CHECKING, Any, Literal

import attrs

from secretspeech._catalog import Collection, base_of
from secretspeech._checks import describe
from secretspeech._corpus import Corpus
from secretspeech._dates import _NO_DATE, HistoricalDate
from secretspeech._export import write_files
from secretspeech._load import check_paths, on_file
from secretspeech._model import SCHEMA, plain, type_hints
from secretspeech._text import brief, shown
from secretspeech.exceptions import (
    InvalidTypeError,
    InvalidValueError,
    MissingDependencyError,
)


if TYPE_CHECKING:
    import pandas  # type: ignore[import-untyped]


__all__ = ["rows", "to_csv", "to_frame", "to_frames", "to_parquet"]

#: What a column holds: the cell of each record is one of these, or `None`.
Kind = Literal["text", "int", "float", "flag", "day", "texts", "ints"]

_SCALARS: dict[object, Kind] = {
    str: "text",
    int: "int",
    float: "float",
    bool: "flag",
    datetime.date: "day",
}
# The kinds a list column holds, by the kind of its items.
_LISTS: dict[Kind | None, Kind] = {"text": "texts", "int": "ints"}
# The kind of the items of a list column.
_ITEMS: dict[Kind, Kind] = {v: k for k, v in _LISTS.items() if k is not None}
# What a column of each kind takes, for messages.
_TAKES: dict[Kind, str] = {
    "text": "a str",
    "int": "a 64-bit int",
    "float": "a number",
    "flag": "True or False",
    "day": "a datetime.date",
    "texts": "a list of str",
    "ints": "a list of 64-bit ints",
}
# The name of the article's table, beside the collections'.
_ARTICLE = "article"


@attrs.frozen
class _Column:
    """One column of a table: its name, what it holds, how to read it."""

    name: str
    kind: Kind
    read: Callable[[Any], object]


# -- the flattening ------------------------------------------------------


def _then(
    read: Callable[[Any], Any], part: Callable[[Any], Any]
) -> Callable[[Any], Any]:
    """Return a reader of *part* of what *read* reads; `None` stays `None`."""

    def get(record: object) -> object:
        value = read(record)
        return None if value is None else part(value)

    return get


def _plain_cell(value: object) -> object:
    """A vocabulary member is its value; anything else is as it is."""
    return value.value if isinstance(value, enum.Enum) else value


def _kind(hint: object) -> Kind | None:
    """Return the kind of a one-cell type, or `None` if it is not one."""
    if isinstance(hint, type) and issubclass(hint, enum.Enum):
        return "text"
    return _SCALARS.get(hint)


def _optional(hint: object) -> object:
    """Return the type inside ``X | None``; any other hint as it is."""
    args = typing.get_args(hint)
    if typing.get_origin(hint) in {typing.Union, types.UnionType}:
        kept = [a for a in args if a is not type(None)]
        if len(kept) == 1:
            return kept[0]
    return hint


def _shown(value_type: type) -> list[tuple[str, object]]:
    """Return the fields the repr of an attrs class shows, with their types."""
    hints = type_hints(value_type)
    return [
        (f.name, hints[f.name]) for f in attrs.fields(value_type) if f.repr
    ]


def _json(value: object) -> str:
    """Return a value as JSON text, as `as_dict` gives it."""
    return json.dumps(plain(value), ensure_ascii=False)


def _flatten(
    name: str, hint: object, read: Callable[[Any], Any]
) -> list[_Column]:
    """Return the columns of a value of type *hint*, read by *read*."""
    inner = _optional(hint)
    kind = _kind(inner)
    if kind is not None:
        return [_Column(name, kind, _then(read, _plain_cell))]
    if inner is HistoricalDate:
        return _date_columns(name, read)
    if isinstance(inner, type) and attrs.has(inner):
        return [
            column
            for part, part_hint in _shown(inner)
            for column in _flatten(
                f"{name}_{part}", part_hint, _then(read, _getter(part))
            )
        ]
    if typing.get_origin(inner) is tuple:
        args = typing.get_args(inner)
        if len(args) == 2 and args[1] is Ellipsis:
            columns = _list_columns(name, args[0], read)
            if columns:
                return columns
    return [_Column(name, "text", _then(read, _json))]


def _getter(part: str) -> Callable[[Any], Any]:
    """Return a reader of the attribute *part*."""
    return lambda value: getattr(value, part)


def _list_columns(
    name: str, item: object, read: Callable[[Any], Any]
) -> list[_Column]:
    """Return the list columns of a tuple of *item*, if it has any."""
    kind = _LISTS.get(_kind(item))
    if kind is not None:
        return [_Column(name, kind, _then(read, _items(_plain_cell)))]
    if not (isinstance(item, type) and attrs.has(item)):
        return []
    parts = _shown(item)
    kinds = [_LISTS.get(_kind(hint)) for _, hint in parts]
    if not parts or None in kinds:
        return []
    return [
        _Column(f"{name}_{part}", kind, _then(read, _items(_getter(part))))
        for (part, _), kind in zip(parts, kinds, strict=True)
        if kind is not None
    ]


def _items(part: Callable[[Any], Any]) -> Callable[[Any], list[object]]:
    """Return a reader of *part* of every item of a tuple, as a list."""
    return lambda values: [_plain_cell(part(v)) for v in values]


def _ends(date: HistoricalDate) -> tuple[bool, bool]:
    """Tell whether the start and the end of *date* are open or unknown."""
    start, slash, end = date.edtf.partition("/")
    return bool(slash) and start in _NO_DATE, bool(slash) and end in _NO_DATE


def _earliest(date: HistoricalDate) -> datetime.date | None:
    return None if _ends(date)[0] else date.earliest


def _latest(date: HistoricalDate) -> datetime.date | None:
    return None if _ends(date)[1] else date.latest


# The fields of a date whose cells are not the field as it is: a bound is
# empty at an open or unknown end.
_BOUNDS: dict[str, Callable[[HistoricalDate], object]] = {
    "earliest": _earliest,
    "latest": _latest,
}
# The columns of a date after its fields.
_DATE_EXTRAS: tuple[
    tuple[str, Kind, Callable[[HistoricalDate], object]], ...
] = (
    ("start_open", "flag", lambda d: _ends(d)[0]),
    ("end_open", "flag", lambda d: _ends(d)[1]),
    ("sort_key", "day", lambda d: d.sort_key[0]),
)


def _date_columns(name: str, read: Callable[[Any], Any]) -> list[_Column]:
    """Return the columns of a `HistoricalDate` field *name*."""
    columns = []
    for part, hint in _shown(HistoricalDate):
        get = _BOUNDS.get(part, _getter(part))
        columns.extend(_flatten(f"{name}_{part}", hint, _then(read, get)))
    columns.extend(
        _Column(f"{name}_{part}", kind, _then(read, get))
        for part, kind, get in _DATE_EXTRAS
    )
    return columns


@functools.cache
def _columns(record_type: type) -> tuple[_Column, ...]:
    """Return the columns of the table of a record type, in field order."""
    return tuple(
        column
        for field, hint in _shown(record_type)
        for column in _flatten(field, hint, _getter(field))
    )


# -- tables ----------------------------------------------------------------


@attrs.frozen
class _Table:
    """The columns of a table and the cells of each, column by column."""

    columns: tuple[_Column, ...]
    cells: tuple[list[object], ...]
    size: int


def _table(
    function: str, columns: tuple[_Column, ...], records: Sequence[object]
) -> _Table:
    """
    Flatten *records* into *columns*.

    Raises:
        InvalidValueError: If two columns have one name (a field of your
            own named like a flattened one, ``date_text``), or a cell is
            not what its column holds (`_fits`).
    """
    names = [c.name for c in columns]
    for name in names:
        if names.count(name) > 1:
            raise InvalidValueError(
                f"{function}(): two columns would be named {brief(name)}; "
                "rename the field of your own that makes the second"
            )
    cells = []
    for column in columns:
        values = [column.read(r) for r in records]
        for value in values:
            if value is not None and not _fits(column.kind, value):
                raise InvalidValueError(
                    f"{function}(): the column {brief(column.name)} takes "
                    f"{_TAKES[column.kind]}, got {shown(value)}"
                )
        cells.append(values)
    return _Table(columns, tuple(cells), len(records))


def _fits(kind: Kind, value: object) -> bool:
    """
    Tell whether a column of *kind* can hold *value*.

    Our records always fit; a field of your own that attrs does not check
    may hold anything, which is refused rather than written wrong.
    """
    if isinstance(value, list):
        item = _ITEMS.get(kind)
        return item is not None and all(_fits(item, v) for v in value)
    if isinstance(value, bool):
        return kind == "flag"
    if isinstance(value, int):
        return kind == "float" or (kind == "int" and -(2**63) <= value < 2**63)
    if isinstance(value, float):
        return kind == "float"
    if isinstance(value, datetime.date):
        return kind == "day" and not isinstance(value, datetime.datetime)
    return kind == "text" and isinstance(value, str)


def _record_type(function: str, collection: Collection[Any]) -> type | None:
    """
    Return the type of the records of *collection*.

    `None` for an empty collection made on its own, which has no type.

    Raises:
        InvalidValueError: If it holds records of types neither of which
            is a subclass of the other.
    """
    known = base_of(collection).record_type
    if known is not None:
        return known
    kinds = {type(r) for r in collection}
    for kind in kinds:
        if all(issubclass(other, kind) for other in kinds):
            return kind
    if kinds:
        names = ", ".join(sorted(k.__name__ for k in kinds))
        raise InvalidValueError(
            f"{function}() takes a collection of one type of record, got "
            f"{names}; make a table of each"
        )
    return None


def _collection_table(function: str, collection: object) -> _Table:
    """Return the table of a collection, refusing anything else."""
    if not isinstance(collection, Collection):
        hint = (
            "; make one with secretspeech.Collection(records)"
            if isinstance(collection, tuple | list)
            else ""
        )
        raise InvalidTypeError(
            f"{function}() takes a Collection, got {describe(collection)}"
            f"{hint}"
        )
    record_type = _record_type(function, collection)
    columns = () if record_type is None else _columns(record_type)
    return _table(function, columns, collection)


def _check_corpus(function: str, corpus: object) -> Corpus:
    if not isinstance(corpus, Corpus):
        raise InvalidTypeError(
            f"{function}() takes a Corpus, got {describe(corpus)}"
        )
    return corpus


def _tables(function: str, corpus: Corpus) -> dict[str, _Table]:
    """Return the tables of a corpus: each collection's, then the article's."""
    tables = {
        c.name: _collection_table(function, getattr(corpus, c.name))
        for c in SCHEMA
    }
    version = _Column("data_version", "text", lambda _: corpus.data_version)
    article: type = type(corpus.article)
    tables[_ARTICLE] = _table(
        function, (*_columns(article), version), [corpus.article]
    )
    return tables


def rows(
    collection: Collection[Any], /
) -> tuple[list[str], list[dict[str, object]]]:
    """
    Flatten a collection into table rows, as every format does.

    Args:
        collection: The records.

    Returns:
        The column names, in order, and a row for each record: a `dict` of
        its cells, `None` for an empty one, lists as `list`, days as
        `datetime.date`.

    Raises:
        InvalidTypeError: If *collection* is not a `Collection`.
        InvalidValueError: If it holds records of different types.

    >>> import secretspeech as ss
    >>> from secretspeech._tables import rows
    >>> names, table = rows(ss.events)
    >>> names[:7]
    ['id', 'name', 'aliases', 'other_names', 'summary', 'kind', 'date_text']
    >>> by_1939 = next(r for r in table if r["id"] == "lateness-criminalised")
    >>> by_1939["date_edtf"], by_1939["date_earliest"], by_1939["date_start_open"]
    ('/1939', None, True)
    """  # noqa: E501 -- a doctest's output is one line
    table = _collection_table("rows", collection)
    names = [c.name for c in table.columns]
    return names, [
        dict(zip(names, cells, strict=True))
        for cells in zip(*table.cells, strict=True)
    ]


# -- the formats -----------------------------------------------------------


def _library(module: str, extra: str, function: str) -> types.ModuleType:
    """
    Import *module*, which the extra *extra* installs.

    Raises:
        MissingDependencyError: If it is not installed, saying how to
            install it.
    """
    try:
        return importlib.import_module(module)
    except ModuleNotFoundError as e:
        top = module.partition(".")[0]
        if e.name not in {module, top}:
            raise  # the library is there, but something it needs is not
        raise MissingDependencyError(
            f"{function}() needs {top}, which is not installed; install it "
            f'with: pip install "secretspeech[{extra}]"',
            name=top,
        ) from e


def _folder(function: str, folder: object) -> Path:
    """
    Return the folder to write into, which must exist.

    Raises:
        InvalidTypeError: If *folder* is not a path.
        CorpusFileError: If there is no such folder, or it is a file.
    """
    check_paths(function, folder=folder)

    def look(path: Path) -> Path:
        if not stat.S_ISDIR(path.stat().st_mode):
            raise NotADirectoryError(
                errno.ENOTDIR, os.strerror(errno.ENOTDIR), str(path)
            )
        return path

    return on_file(function, "folder", folder, look)  # type: ignore[arg-type]


def _check_overwrite(function: str, overwrite: object) -> None:
    if not isinstance(overwrite, bool):
        raise InvalidTypeError(
            f"{function}() takes True or False for overwrite=, got "
            f"{describe(overwrite)}"
        )


def _write(
    function: str,
    corpus: object,
    folder: object,
    overwrite: object,
    encode: Callable[[str, _Table], bytes],
) -> tuple[Path, ...]:
    """
    Check the arguments, then write a file of each table of *corpus*.

    The files are named after the tables, with the format *function*
    writes as suffix: ``to_csv`` writes ``people.csv``.
    """
    suffix = "." + function.removeprefix("to_")
    checked = _check_corpus(function, corpus)
    _check_overwrite(function, overwrite)
    where = _folder(function, folder)
    files = {
        str(where / f"{name}{suffix}"): encode(name, table)
        for name, table in _tables(function, checked).items()
    }
    return write_files(function, files, overwrite=bool(overwrite))


def _csv_cell(kind: Kind, value: object) -> object:
    """Return what a CSV file holds for a cell of a column of *kind*."""
    if value is None:
        return ""
    if kind == "flag":
        return "true" if value else "false"
    if kind == "day":
        return value.isoformat()  # type: ignore[attr-defined]
    if kind in {"texts", "ints"}:
        return json.dumps(value, ensure_ascii=False)
    return value


def _csv(name: str, table: _Table) -> bytes:
    """Return a table as the bytes of a CSV file."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow([c.name for c in table.columns])
    kinds = [c.kind for c in table.columns]
    for cells in zip(*table.cells, strict=True):
        writer.writerow(map(_csv_cell, kinds, cells))
    try:
        return out.getvalue().encode("utf-8")
    except UnicodeEncodeError as e:
        raise InvalidValueError(
            f"to_csv(): the {name} table cannot be written as UTF-8: {e}"
        ) from e


def to_csv(
    corpus: Corpus,
    folder: str | PathLike[str],
    /,
    *,
    overwrite: bool = False,
) -> tuple[Path, ...]:
    """
    Write a corpus as CSV files, one table per collection.

    Each collection becomes ``<collection>.csv`` (``people.csv``, …,
    ``notes.csv``, in the order of `SCHEMA`), with a header row and a row
    per record, and the article becomes ``article.csv``, one row of its
    metadata with the corpus's ``data_version``. The columns and their
    cells are those of the module's rules: an empty cell is no value,
    ``true`` and ``false`` are flags, days are ``YYYY-MM-DD``, lists are
    JSON arrays. The files are UTF-8, each written whole or not at all.

    Args:
        corpus: The corpus: the bundled one, one you loaded or made.
        folder: The folder to write into, which must exist.
        overwrite: Whether to replace files of those names.

    Returns:
        The paths written: a file per collection, then the article's.

    Raises:
        InvalidTypeError: If *corpus* is not a `Corpus`, *folder* not a
            path or *overwrite* not a `bool`.
        InvalidValueError: If *folder* is empty (``""``, which names no
            folder), or a cell cannot be written: text that is not UTF-8
            (an unpaired surrogate), an integer beyond 64 bits, or two
            columns of one name (a field of your own named like a
            flattened column).
        CorpusFileError: If *folder* does not exist or is no folder, a
            file exists and *overwrite* is false, or the system refuses a
            file.

    >>> import tempfile
    >>> import secretspeech as ss
    >>> from secretspeech import formats
    >>> paths = formats.to_csv(ss.corpus(), tempfile.mkdtemp())
    >>> [p.name for p in paths][:3], paths[-1].name
    (['people.csv', 'groups.csv', 'places.csv'], 'article.csv')
    """
    return _write("to_csv", corpus, folder, overwrite, _csv)


def _pandas_dtype(kind: Kind) -> str:
    """Return the pandas dtype of a column of *kind*."""
    return {
        "text": "string",
        "int": "Int64",
        "float": "Float64",
        "flag": "boolean",
    }.get(kind, "object")


def _frame(pd: types.ModuleType, table: _Table) -> pandas.DataFrame:
    """Return a table as a pandas data frame."""
    index = pd.RangeIndex(table.size)
    return pd.DataFrame(
        {
            column.name: pd.Series(
                cells, index=index, dtype=_pandas_dtype(column.kind)
            )
            for column, cells in zip(table.columns, table.cells, strict=True)
        },
        index=index,
    )


def to_frame(collection: Collection[Any], /) -> pandas.DataFrame:
    """
    Return a collection as a pandas data frame, a row per record.

    The columns are those of `to_csv`, in the same order: texts
    ``string``, integers ``Int64``, flags ``boolean`` (each ``<NA>`` where
    empty), days `datetime.date` (or `None`), lists `list`. A filtered
    collection gives the rows of the whole one that it keeps, with the
    same columns and types and an index from 0.

    Args:
        collection: A collection: ``ss.events``, a filtered one, or one
            made with `Collection`.

    Returns:
        A new ``pandas.DataFrame``.

    Raises:
        InvalidTypeError: If *collection* is not a `Collection`.
        InvalidValueError: If it holds records of different types, or an
            integer beyond 64 bits.
        MissingDependencyError: If pandas is not installed (the
            ``pandas`` extra).

    >>> import secretspeech as ss
    >>> from secretspeech import formats
    >>> frame = formats.to_frame(ss.events.filter(kind="famine"))
    >>> frame[["id", "date_edtf", "date_earliest"]]
                  id  date_edtf date_earliest
    0  famine-1946-7  1946/1947    1946-01-01
    """
    table = _collection_table("to_frame", collection)
    return _frame(_library("pandas", "pandas", "to_frame"), table)


def to_frames(corpus: Corpus, /) -> dict[str, pandas.DataFrame]:
    """
    Return every table of a corpus as a pandas data frame.

    Args:
        corpus: The corpus.

    Returns:
        A frame per collection, by name, in the order of `SCHEMA`, each
        as `to_frame` gives it; then ``"article"``, the one row of
        ``article.csv``.

    Raises:
        InvalidTypeError: If *corpus* is not a `Corpus`.
        InvalidValueError: If an integer is beyond 64 bits.
        MissingDependencyError: If pandas is not installed.

    >>> import secretspeech as ss
    >>> from secretspeech import formats
    >>> frames = formats.to_frames(ss.corpus())
    >>> list(frames)[-3:], int(frames["article"].loc[0, "issue"])
    (['relations', 'notes', 'article'], 1988)
    """
    checked = _check_corpus("to_frames", corpus)
    pd = _library("pandas", "pandas", "to_frames")
    return {
        name: _frame(pd, table)
        for name, table in _tables("to_frames", checked).items()
    }


def _arrow_type(pa: types.ModuleType, kind: Kind) -> Any:  # noqa: ANN401 -- pyarrow's
    """Return the Arrow type of a column of *kind*."""
    return {
        "text": pa.string,
        "int": pa.int64,
        "float": pa.float64,
        "flag": pa.bool_,
        "day": pa.date32,
        "texts": lambda: pa.list_(pa.string()),
        "ints": lambda: pa.list_(pa.int64()),
    }[kind]()


def _parquet(name: str, table: _Table) -> bytes:
    """Return a table as the bytes of a Parquet file, typed by its schema."""
    pa = _library("pyarrow", "parquet", "to_parquet")
    pq = _library("pyarrow.parquet", "parquet", "to_parquet")
    schema = pa.schema(
        [pa.field(c.name, _arrow_type(pa, c.kind)) for c in table.columns]
    )
    cells = {
        c.name: v for c, v in zip(table.columns, table.cells, strict=True)
    }
    try:
        arrow = pa.Table.from_pydict(cells, schema=schema)
    except UnicodeEncodeError as e:
        raise InvalidValueError(
            f"to_parquet(): the {name} table cannot be written as UTF-8: {e}"
        ) from e
    sink = pa.BufferOutputStream()
    pq.write_table(arrow, sink)
    data: bytes = sink.getvalue().to_pybytes()
    return data


def to_parquet(
    corpus: Corpus,
    folder: str | PathLike[str],
    /,
    *,
    overwrite: bool = False,
) -> tuple[Path, ...]:
    """
    Write a corpus as Parquet files, one table per collection.

    The files, columns and values are those of `to_csv`, with
    ``.parquet`` for ``.csv``, each column typed by an explicit schema
    (so an empty collection's file has typed columns too): texts
    ``string``, integers ``int64``, flags ``bool``, days ``date32``,
    lists ``list<string>`` or ``list<int64>``, empty cells null.

    Args:
        corpus: The corpus: the bundled one, one you loaded or made.
        folder: The folder to write into, which must exist.
        overwrite: Whether to replace files of those names.

    Returns:
        The paths written: a file per collection, then the article's.

    Raises:
        InvalidTypeError: If *corpus* is not a `Corpus`, *folder* not a
            path or *overwrite* not a `bool`.
        InvalidValueError: As for `to_csv`.
        CorpusFileError: As for `to_csv`.
        MissingDependencyError: If pyarrow is not installed (the
            ``parquet`` extra).

    >>> import tempfile
    >>> import pyarrow.parquet as pq
    >>> import secretspeech as ss
    >>> from secretspeech import formats
    >>> paths = formats.to_parquet(ss.corpus(), tempfile.mkdtemp())
    >>> pq.read_table(paths[3]).num_rows, paths[3].name
    (66, 'events.parquet')
    """
    _library("pyarrow.parquet", "parquet", "to_parquet")
    return _write("to_parquet", corpus, folder, overwrite, _parquet)
