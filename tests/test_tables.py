"""
Tables of a corpus: CSV files, pandas frames and Parquet files.

Each table is read back as a user would (``pandas.read_csv`` with the
documented decoding, ``pyarrow.parquet``, DuckDB) and every record is built
again from its row alone, with the article's text for the spans' context:
so every column holds what the records hold, for the bundled corpus and
for generated ones.
"""

from __future__ import annotations

import datetime
import errno
import json
import subprocess
import sys
import tempfile
import typing
from pathlib import Path
from typing import Any

import attrs
import pandas as pd
import pyarrow as pa
import pyarrow.parquet as pq
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import secretspeech as ss
from secretspeech import _tables, strategies
from secretspeech._tables import rows, to_csv, to_frame, to_frames, to_parquet


#: How a CSV cell of each kind of column is read, as the docs say: an
#: empty cell is no value, lists are JSON arrays.
DECODE: dict[str, Any] = {
    "text": str,
    "int": int,
    "float": float,
    "flag": {"true": True, "false": False}.__getitem__,
    "day": datetime.date.fromisoformat,
    "texts": json.loads,
    "ints": json.loads,
}
#: The tables of a corpus, by file name, and the record type of each.
TABLES = {c.name: c.record_type for c in ss.SCHEMA} | {"article": ss.Article}
FEW = settings(
    max_examples=20,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow],
)


def kinds(record_type: type) -> dict[str, str]:
    """Return the kind of each column of a record type's table."""
    found = {c.name: c.kind for c in _tables._columns(record_type)}
    if record_type is ss.Article:
        found["data_version"] = "text"
    return found


def read_csv(path: Path, record_type: type) -> list[dict[str, object]]:
    """Read a file of to_csv back as the docs say: every cell decoded."""
    columns = kinds(record_type)
    frame = pd.read_csv(path, dtype=str, keep_default_na=False)

    assert list(columns) == list(frame.columns)
    return [
        {
            name: None if cell == "" else DECODE[columns[name]](cell)
            for name, cell in row.items()
        }
        for row in frame.to_dict("records")
    ]


def _inner(hint: object) -> object:
    """The type inside ``X | None``."""
    args = [a for a in typing.get_args(hint) if a is not type(None)]
    return args[0] if type(None) in typing.get_args(hint) else hint


def _span(text: str, start: int, end: int, exact: str) -> dict[str, Any]:
    span = ss.Evidence.from_offsets(text, start, end)

    assert exact == span.exact
    return ss.as_dict(span)


def _date(row: dict[str, object], name: str) -> dict[str, Any] | None:
    """Read a date's columns back; check its bounds, flags and sort key."""
    if row[f"{name}_edtf"] is None:
        assert all(
            v is None for k, v in row.items() if k.startswith(f"{name}_")
        )
        return None
    data = {
        f.name: row[f"{name}_{f.name}"]
        for f in attrs.fields(ss.HistoricalDate)
        if f.name not in {"earliest", "latest"}
    }
    date = ss.from_dict(ss.HistoricalDate, data)
    start, slash, end = date.edtf.partition("/")
    start_open = bool(slash) and start in {"", ".."}
    end_open = bool(slash) and end in {"", ".."}

    assert start_open == row[f"{name}_start_open"]
    assert end_open == row[f"{name}_end_open"]
    assert (None if start_open else date.earliest) == row[f"{name}_earliest"]
    assert (None if end_open else date.latest) == row[f"{name}_latest"]
    assert date.sort_key[0] == row[f"{name}_sort_key"]
    return data


SPAN = ("start", "end", "exact")


def _field(row: dict[str, Any], name: str, hint: object, text: str) -> Any:
    """Read one field back from its columns, as plain data."""
    inner = _inner(hint)
    if typing.get_origin(inner) is tuple:
        return _items(row, name, typing.get_args(inner)[0], text)
    if inner is ss.HistoricalDate:
        return _date(row, name)
    if inner is ss.Evidence:
        if row[f"{name}_start"] is None:
            return None
        return _span(text, *(row[f"{name}_{p}"] for p in SPAN))
    if attrs.has(inner):  # a Quantity
        return {
            f.name: row[f"{name}_{f.name}"]
            for f in attrs.fields(inner)  # type: ignore[arg-type]
        }
    return row[name]


def _items(row: dict[str, Any], name: str, item: object, text: str) -> Any:
    """Read a tuple field back: spans, JSON of values, or a list."""
    if item is ss.Evidence:
        spans = zip(*(row[f"{name}_{p}"] for p in SPAN), strict=True)
        return [_span(text, *s) for s in spans]
    if attrs.has(item):  # type: ignore[arg-type]
        return json.loads(row[name])
    return row[name]


def rebuild(row: dict[str, object], record_type: type, text: str) -> object:
    """Build a record again from nothing but its row (and the text)."""
    hints = typing.get_type_hints(record_type)
    data = {
        f.name: _field(row, f.name, hints[f.name], text)
        for f in attrs.fields(record_type)
        if f.repr
    }
    if record_type is ss.Article:
        data["text"] = text
    return ss.from_dict(record_type, data)


def check_folder(corpus: ss.Corpus, folder: Path) -> None:
    """Every CSV file of *folder* holds *corpus*, column by column."""
    text = corpus.article.text
    for name, record_type in TABLES.items():
        table = read_csv(folder / f"{name}.csv", record_type)
        if name == "article":
            records = [corpus.article]
            assert [corpus.data_version] == [r["data_version"] for r in table]
        else:
            records = list(getattr(corpus, name))
            names, flat = rows(getattr(corpus, name))
            assert list(kinds(record_type)) == names
            assert len(flat) == len(table)
            for expected, row in zip(flat, table, strict=True):
                assert expected == row

        assert len(records) == len(table)
        for record, row in zip(records, table, strict=True):
            assert record == rebuild(row, record_type, text)


# -- CSV ---------------------------------------------------------------------


def test_the_bundled_corpus_reads_back_from_csv(tmp_path: Path) -> None:
    """Each file has a row per record, in order, that rebuilds it."""
    paths = to_csv(ss.corpus(), tmp_path)

    assert [tmp_path.resolve() / f"{n}.csv" for n in TABLES] == list(paths)
    check_folder(ss.corpus(), tmp_path)


@FEW
@given(corpus=strategies.corpora(source="synthetic"))
def test_generated_corpora_read_back_from_csv(corpus: ss.Corpus) -> None:
    """Any corpus, empty collections and all, reads back the same way."""
    with tempfile.TemporaryDirectory() as folder:
        to_csv(corpus, folder)
        check_folder(corpus, Path(folder))


def test_the_cells_are_as_documented(tmp_path: Path) -> None:
    """Lists are JSON arrays, flags true/false, days ISO, no value empty."""
    to_csv(ss.corpus(), tmp_path)
    table = pd.read_csv(
        tmp_path / "events.csv", dtype=str, keep_default_na=False
    )
    speech = table.set_index("id").loc["secret-speech"]
    undated = table.set_index("id").loc["succession-struggle"]

    assert '["nikita-khrushchev"]' == speech["participants"]
    assert [ss.as_dict(d) for d in ss.get("secret-speech").also_dated] == (
        json.loads(speech["also_dated"])
    )
    assert "[]" == undated["also_dated"]
    assert ("1956-02-25", "false") == (
        speech["date_earliest"],
        speech["date_end_open"],
    )
    assert "" == undated["date_edtf"] == undated["date_start_open"]
    assert (tmp_path / "events.csv").read_bytes().startswith(b"id,name,")
    assert b"\r\n" not in (tmp_path / "events.csv").read_bytes()


# -- columns -----------------------------------------------------------------


def flattened(record_type: type) -> list[str]:
    """The field names of a record type, in order, each date and span spread."""
    hints = typing.get_type_hints(record_type)
    names = []
    for f in attrs.fields(record_type):
        inner = _inner(hints[f.name])
        if not f.repr:
            continue
        if (
            typing.get_origin(inner) is tuple
            and typing.get_args(inner)[0] is ss.Evidence
        ):
            inner = ss.Evidence
        if inner is ss.HistoricalDate:
            parts = [a.name for a in attrs.fields(inner)]
            parts += ["start_open", "end_open", "sort_key"]
        elif attrs.has(inner):
            parts = [a.name for a in attrs.fields(inner) if a.repr]  # type: ignore[arg-type]
        else:
            parts = []
        names += [f"{f.name}_{p}" for p in parts] or [f.name]
    return names


@pytest.mark.parametrize("name", list(TABLES))
def test_columns_follow_the_fields(name: str) -> None:
    """The columns are the fields in declaration order, values spread out."""
    expected = flattened(TABLES[name])
    if name == "article":
        expected.append("data_version")

    assert expected == list(to_frames(ss.corpus())[name].columns)


def test_column_names_are_the_documented_ones() -> None:
    """The names the docs and the brief promise, in their order."""
    columns = list(to_frame(ss.events).columns)

    assert columns[6:20] == [
        "date_text",
        "date_edtf",
        "date_earliest",
        "date_latest",
        "date_precision",
        "date_approximate",
        "date_uncertain",
        "date_calendar",
        "date_relative_to",
        "date_basis",
        "date_reason",
        "date_start_open",
        "date_end_open",
        "date_sort_key",
    ]
    assert ["link_start", "link_end", "link_exact"] == list(
        to_frame(ss.relations).columns[4:7]
    )
    assert "quantity_low" in to_frame(ss.statistics).columns
    assert "prefix" not in "".join(to_frame(ss.quotations).columns)


def test_an_unknown_start_is_empty_and_flagged() -> None:
    """An unknown start ("By 1939", /1939): an empty cell, and a flag."""
    frame = to_frame(ss.events).set_index("id")
    by_1939 = frame.loc["lateness-criminalised"]
    year = frame.loc["speech-reaches-west"]  # 1956-02-25/1956~: both ends

    assert ("/1939", None) == (by_1939["date_edtf"], by_1939["date_earliest"])
    assert datetime.date(1939, 12, 31) == by_1939["date_latest"]
    assert by_1939["date_start_open"]
    assert not by_1939["date_end_open"]
    assert datetime.date(1939, 12, 31) == by_1939["date_sort_key"]
    assert (datetime.date(1956, 2, 25), datetime.date(1956, 12, 31)) == (
        year["date_earliest"],
        year["date_latest"],
    )
    assert (False, False, True) == (
        year["date_start_open"],
        year["date_end_open"],
        year["date_approximate"],
    )
    for column in ("date_earliest", "date_latest", "date_sort_key"):
        days = frame[column].dropna()
        assert datetime.date.min not in set(days)
        assert datetime.date.max not in set(days)


def open_ended() -> ss.Corpus:
    """The bundled corpus with the speech's spread left open: 1956/.."""
    corpus = ss.corpus()
    date = ss.HistoricalDate.from_edtf("1956/..", text="from 1956 on")
    events = [
        attrs.evolve(e, date=date) if e.id == "speech-reaches-west" else e
        for e in corpus.events
    ]
    return attrs.evolve(corpus, events=events)


def test_an_open_end_is_empty_and_flagged(tmp_path: Path) -> None:
    """1956/.. has no last day: empty in every format, and flagged."""
    corpus = open_ended()
    row = to_frame(corpus.events).set_index("id").loc["speech-reaches-west"]
    to_csv(corpus, tmp_path)
    to_parquet(corpus, tmp_path)
    cells = pd.read_csv(
        tmp_path / "events.csv", dtype=str, keep_default_na=False
    )
    parquet = pq.read_table(tmp_path / "events.parquet").to_pylist()

    assert (datetime.date(1956, 1, 1), None) == (
        row["date_earliest"],
        row["date_latest"],
    )
    assert (False, True) == (row["date_start_open"], row["date_end_open"])
    assert (
        "" == cells.set_index("id").loc["speech-reaches-west", "date_latest"]
    )
    assert (
        "true"
        == cells.set_index("id").loc["speech-reaches-west", "date_end_open"]
    )
    assert [None] == [
        r["date_latest"] for r in parquet if r["id"] == "speech-reaches-west"
    ]
    check_folder(corpus, tmp_path)


def test_sorting_by_the_sort_key_is_the_timeline() -> None:
    """Sort key, then last day with empty last: the order of timeline()."""
    for corpus in (ss.corpus(), open_ended()):
        frame = to_frame(corpus.events).dropna(subset=["date_sort_key"])
        ordered = frame.sort_values(
            ["date_sort_key", "date_latest"], na_position="last", kind="stable"
        )

        assert [e.id for e in corpus.timeline()] == list(ordered["id"])


# -- frames ------------------------------------------------------------------


def test_frames_have_one_type_per_kind() -> None:
    """Texts string, integers Int64, flags boolean; days and lists objects."""
    frame = to_frame(ss.quotations)
    dtypes = frame.dtypes.astype(str).to_dict()

    assert "string" == dtypes["id"] == dtypes["kind"] == dtypes["speaker"]
    assert "Int64" == dtypes["cue_start"]
    assert "boolean" == dtypes["date_end_open"]
    assert "object" == dtypes["date_earliest"] == dtypes["segments_start"]
    assert pd.isna(frame.loc[0, "cue_start"])
    assert isinstance(frame.loc[0, "segments_exact"], list)
    assert pd.RangeIndex(len(ss.quotations)).equals(frame.index)


def test_frames_hold_the_rows() -> None:
    """to_frame gives the cells of rows(), by column, NA for None."""
    for collection in (ss.people, ss.statistics, ss.notes):
        names, table = rows(collection)
        frame = to_frame(collection)
        back = frame.astype(object).where(frame.notna(), None)

        assert names == list(frame.columns)
        assert table == back.to_dict("records")


def test_to_frames_gives_every_table() -> None:
    """A frame per collection in schema order, then the article's row."""
    frames = to_frames(ss.corpus())

    assert list(TABLES) == list(frames)
    for schema in ss.SCHEMA:
        pd.testing.assert_frame_equal(
            to_frame(getattr(ss.corpus(), schema.name)), frames[schema.name]
        )
    assert 1 == len(frames["article"])
    assert ss.corpus().data_version == frames["article"].loc[0, "data_version"]


def criteria(
    corpus: ss.Corpus, schema: ss.CollectionSchema
) -> st.SearchStrategy[dict[str, object]]:
    """Draw `filter` criteria of a collection, read off the schema."""
    everything = [c.name for c in ss.SCHEMA]
    options: dict[str, st.SearchStrategy[object]] = {}
    for name, criterion in schema.criteria.items():
        if criterion.takes == "vocabulary":
            assert criterion.vocabulary is not None
            options[name] = st.sampled_from(
                [m.value for m in criterion.vocabulary]
            )
        elif criterion.takes == "period":
            options[name] = st.integers(1900, 2010)
        elif criterion.takes == "flag":
            options[name] = st.booleans()
        elif criterion.takes == "ids":
            among = (
                everything if criterion.among == ("*",) else criterion.among
            )
            options[name] = st.sampled_from(
                [r.id for c in among for r in getattr(corpus, c)]
            )
    return st.fixed_dictionaries({}, optional=options)  # type: ignore[arg-type]


#: The frame of each whole collection of the bundled corpus.
WHOLE = {c.name: to_frame(getattr(ss.corpus(), c.name)) for c in ss.SCHEMA}


@settings(max_examples=60, deadline=None)
@given(data=st.data(), schema=st.sampled_from(ss.SCHEMA))
def test_a_filtered_collection_is_the_frame_filtered(
    data: st.DataObject, schema: ss.CollectionSchema
) -> None:
    """to_frame(c.filter(...)) is to_frame(c) with the rows it keeps."""
    collection = getattr(ss.corpus(), schema.name)
    kept = collection.filter(**data.draw(criteria(ss.corpus(), schema)))
    mask = [record in kept for record in collection]

    pd.testing.assert_frame_equal(
        WHOLE[schema.name][mask].reset_index(drop=True), to_frame(kept)
    )


def test_slices_and_where_keep_their_order() -> None:
    """A reversed slice gives the rows reversed; where() the rows kept."""
    whole = WHOLE["events"]
    dated = ss.events.where(lambda e: e.date is not None)

    pd.testing.assert_frame_equal(
        whole.iloc[::-1].reset_index(drop=True), to_frame(ss.events[::-1])
    )
    pd.testing.assert_frame_equal(
        whole[whole["date_edtf"].notna()].reset_index(drop=True),
        to_frame(dated),
    )


def test_a_collection_of_its_own() -> None:
    """A Collection made by hand: its type's columns; none if it is empty."""
    made = ss.Collection(list(ss.events)[:3])
    empty = to_frame(ss.Collection())

    pd.testing.assert_frame_equal(WHOLE["events"].head(3), to_frame(made))
    assert (0, 0) == empty.shape
    assert ([], []) == rows(ss.Collection())


# -- Parquet -----------------------------------------------------------------


def arrow_to_frame(table: pa.Table) -> pd.DataFrame:
    """Read a Parquet table into the types of to_frame."""
    frame = table.to_pandas(
        types_mapper={
            pa.string(): pd.StringDtype(),
            pa.int64(): pd.Int64Dtype(),
            pa.bool_(): pd.BooleanDtype(),
        }.get
    )
    for field in table.schema:
        if pa.types.is_list(field.type):
            frame[field.name] = frame[field.name].map(
                lambda a: None if a is None else a.tolist()
            )
    return frame


def test_parquet_reads_back_as_the_frames(tmp_path: Path) -> None:
    """Each Parquet file holds the frame of its table, typed."""
    paths = to_parquet(ss.corpus(), tmp_path)
    frames = to_frames(ss.corpus())

    assert [tmp_path.resolve() / f"{n}.parquet" for n in TABLES] == list(paths)
    for name, frame in frames.items():
        table = pq.read_table(tmp_path / f"{name}.parquet")

        pd.testing.assert_frame_equal(frame, arrow_to_frame(table))
    events = pq.read_schema(tmp_path / "events.parquet")
    assert pa.date32() == events.field("date_earliest").type
    assert pa.list_(pa.string()) == events.field("participants").type
    assert pa.list_(pa.int64()) == events.field("evidence_start").type
    assert pa.bool_() == events.field("date_start_open").type


@pytest.fixture(scope="module")
def bundled_schemas(
    tmp_path_factory: pytest.TempPathFactory,
) -> dict[str, pa.Schema]:
    """The schema of each Parquet file of the bundled corpus."""
    folder = tmp_path_factory.mktemp("parquet")
    to_parquet(ss.corpus(), folder)
    return {
        name: pq.read_schema(folder / f"{name}.parquet") for name in TABLES
    }


@FEW
@given(corpus=strategies.corpora(source="synthetic", max_size=2))
def test_generated_corpora_read_back_from_parquet(
    corpus: ss.Corpus, bundled_schemas: dict[str, pa.Schema]
) -> None:
    """Typed columns even for an empty collection; the rows of every table."""
    with tempfile.TemporaryDirectory() as folder:
        to_parquet(corpus, folder)
        for name in TABLES:
            table = pq.read_table(Path(folder) / f"{name}.parquet")

            assert bundled_schemas[name] == table.schema
            if name != "article":
                assert rows(getattr(corpus, name))[1] == table.to_pylist()


def test_duckdb_answers_a_question(tmp_path: Path) -> None:
    """The events of 1956 in timeline order, asked of the Parquet files."""
    to_parquet(ss.corpus(), tmp_path)
    events = (tmp_path / "events.parquet").as_posix()
    query = f"""
        select id from '{events}'
        where (date_earliest <= date '1956-12-31' or date_start_open)
          and (date_latest >= date '1956-01-01' or date_end_open)
        order by date_sort_key, date_latest nulls last
    """  # noqa: S608 -- our own path
    try:
        import duckdb  # noqa: PLC0415
    except ModuleNotFoundError:  # pragma: no cover -- CI installs it
        table = pq.read_table(events).to_pandas()
        ids = list(
            table[
                (table.date_earliest <= datetime.date(1956, 12, 31))
                & (table.date_latest >= datetime.date(1956, 1, 1))
            ].sort_values(["date_sort_key", "date_latest"], kind="stable")[
                "id"
            ]
        )
    else:
        ids = [r[0] for r in duckdb.sql(query).fetchall()]
    expected = [e.id for e in ss.timeline(start=1956, end=1956)]

    assert expected == ids
    assert {e.id for e in ss.events.filter(during=1956)} == set(ids)
    assert "secret-speech" in ids


# -- writing -------------------------------------------------------------------


@pytest.mark.parametrize("write", [to_csv, to_parquet])
def test_files_are_never_overwritten_unless_asked(
    write: Any, tmp_path: Path
) -> None:
    """A second write is refused and changes nothing; overwrite=True works."""
    first = write(ss.corpus(), tmp_path)
    before = {p: p.read_bytes() for p in first}

    with pytest.raises(ss.CorpusFileError, match="overwrite=True") as info:
        write(open_ended(), tmp_path)

    assert errno.EEXIST == info.value.errno
    assert before == {p: p.read_bytes() for p in first}
    assert first == write(open_ended(), tmp_path, overwrite=True)
    assert before != {p: p.read_bytes() for p in first}
    assert sorted(p.name for p in first) == sorted(
        p.name for p in tmp_path.iterdir()
    )


def test_a_file_that_cannot_be_written_stops_all(tmp_path: Path) -> None:
    """A folder in the place of one file: nothing is written."""
    (tmp_path / "notes.csv").mkdir()

    with pytest.raises(ss.CorpusFileError, match=r"notes\.csv") as info:
        to_csv(ss.corpus(), tmp_path, overwrite=True)

    assert errno.EISDIR == info.value.errno
    assert ["notes.csv"] == [p.name for p in tmp_path.iterdir()]


def test_no_temporary_files_are_left_when_a_write_fails(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A failure while the files take their places leaves no temporaries."""
    replace = Path.replace

    def fail_on_notes(self: Path, target: Path) -> Path:
        if Path(target).name == "notes.parquet":
            raise OSError(errno.ENOSPC, "No space left on device")
        return replace(self, target)

    monkeypatch.setattr(Path, "replace", fail_on_notes)

    with pytest.raises(ss.CorpusFileError, match=r"notes\.parquet"):
        to_parquet(ss.corpus(), tmp_path)

    names = sorted(p.name for p in tmp_path.iterdir())
    assert not [n for n in names if n.endswith(".tmp")]
    assert "notes.parquet" not in names


@pytest.mark.parametrize("write", [to_csv, to_parquet])
def test_the_folder_must_exist(write: Any, tmp_path: Path) -> None:
    """A missing folder, or a file, is refused by name."""
    (tmp_path / "file").write_text("x")

    with pytest.raises(ss.CorpusFileError, match="nowhere") as missing:
        write(ss.corpus(), tmp_path / "nowhere")
    with pytest.raises(ss.CorpusFileError, match="file") as file:
        write(ss.corpus(), tmp_path / "file")

    assert errno.ENOENT == missing.value.errno
    assert errno.ENOTDIR == file.value.errno
    assert str(tmp_path / "nowhere") == missing.value.filename
    assert str(tmp_path / "file") == file.value.filename
    assert ["file"] == [p.name for p in tmp_path.iterdir()]


@pytest.mark.parametrize(
    ("call", "message"),
    [
        (lambda: to_csv(ss.events, "."), r"to_csv\(\) takes a Corpus"),
        (lambda: to_parquet(None, "."), r"to_parquet\(\) takes a Corpus"),
        (lambda: to_frames("corpus"), r"to_frames\(\) takes a Corpus"),
        (
            lambda: to_csv(ss.corpus(), 5),
            r"to_csv\(\) takes a path for folder",
        ),
        (
            lambda: to_csv(ss.corpus(), ".", overwrite="yes"),
            r"to_csv\(\) takes True or False for overwrite=, got 'yes'",
        ),
        (
            lambda: to_frame(ss.corpus()),
            r"to_frame\(\) takes a Collection, got Corpus\(.*\(Corpus\)$",
        ),
        (
            lambda: to_frame(ss.timeline()),
            r"to_frame\(\) takes a Collection, got .*secretspeech.Collection\(records\)",
        ),
        (lambda: rows(5), r"rows\(\) takes a Collection, got 5 \(int\)$"),
    ],
)
def test_wrong_types_are_refused_by_name(call: Any, message: str) -> None:
    """Each function names itself and the argument it refuses."""
    with pytest.raises(ss.InvalidTypeError, match=message):
        call()


def test_a_mixed_collection_is_refused() -> None:
    """People and events make no one table."""
    mixed = ss.Collection([ss.people[0], ss.events[0]])

    with pytest.raises(
        ss.InvalidValueError, match="Event, Person; make a table of each"
    ):
        to_frame(mixed)


# -- a corpus of your own ----------------------------------------------------


@attrs.frozen(kw_only=True)
class OddEvent(ss.Event):
    """An event with fields of every other type a table may meet."""

    score: float | None = None
    pair: tuple[int, int] = (0, 0)
    either: int | str = 0
    flags: tuple[bool, ...] = ()
    seen: datetime.date | None = None
    counts: tuple[int, ...] = ()


def of_type(event_type: type, event: ss.Event, **fields: object) -> Any:
    """Return *event* as an *event_type*, with *fields* of its own."""
    values = {f.name: getattr(event, f.name) for f in attrs.fields(ss.Event)}
    return event_type(**values, **fields)


def odd_corpus(**fields: object) -> ss.Corpus:
    """The bundled corpus of `OddEvent`s, the first with *fields*."""
    first, *rest = ss.corpus().events
    events = [of_type(OddEvent, first, **fields)]
    events += [of_type(OddEvent, e) for e in rest]
    return attrs.evolve(ss.corpus(), events=events)


def test_fields_of_your_own_get_columns(tmp_path: Path) -> None:
    """Numbers, days and lists of ints typed; anything else JSON text."""
    corpus = odd_corpus(
        score=0.5,
        pair=(1, 2),
        either="x",
        flags=(True,),
        seen=datetime.date(1956, 2, 25),
        counts=(3, 4),
    )
    frame = to_frame(corpus.events)
    to_parquet(corpus, tmp_path)
    to_csv(corpus, tmp_path)
    table = pq.read_table(tmp_path / "events.parquet")

    assert ["score", "pair", "either", "flags", "seen", "counts"] == list(
        frame.columns[-6:]
    )
    assert "Float64" == str(frame["score"].dtype)
    assert ("[1, 2]", '"x"', "[true]") == tuple(
        frame.loc[0, ["pair", "either", "flags"]]
    )
    assert datetime.date(1956, 2, 25) == frame.loc[0, "seen"]
    assert [3, 4] == frame.loc[0, "counts"]
    assert pd.isna(frame.loc[1, "score"])
    assert pa.float64() == table.schema.field("score").type
    assert (0.5, [3, 4]) == (
        table["score"][0].as_py(),
        table["counts"][0].as_py(),
    )
    assert 0.5 == read_csv(tmp_path / "events.csv", OddEvent)[0]["score"]


def test_a_collection_of_a_type_and_its_subclass_is_one_table() -> None:
    """An OddEvent among Events: the columns of Event."""
    mixed = ss.Collection([of_type(OddEvent, ss.events[0]), ss.events[1]])

    assert list(WHOLE["events"].columns) == list(to_frame(mixed).columns)


@attrs.frozen(kw_only=True)
class ClashingEvent(ss.Event):
    """A field named like a flattened column."""

    date_text: str = "x"


def test_two_columns_of_one_name_are_refused(tmp_path: Path) -> None:
    """A field of your own may not take the name of a flattened column."""
    events = [of_type(ClashingEvent, e) for e in ss.events]
    clash = attrs.evolve(ss.corpus(), events=events)

    with pytest.raises(
        ss.InvalidValueError, match="two columns would be named 'date_text'"
    ):
        to_csv(clash, tmp_path)
    assert [] == list(tmp_path.iterdir())


@attrs.frozen(kw_only=True)
class RemarkedPerson(ss.Person):
    """A person with a text of your own, which nothing checks."""

    remark: str = ""


def test_what_a_format_cannot_hold_is_refused(tmp_path: Path) -> None:
    """
    An integer beyond 64 bits; a text that is not UTF-8.

    Our own fields refuse a lone surrogate; a field of yours may hold one.
    """
    corpus = ss.corpus()
    huge = odd_corpus(counts=(2**63,))
    first, *rest = corpus.people
    broken = attrs.evolve(
        corpus,
        people=[
            RemarkedPerson(
                **attrs.asdict(first, recurse=False), remark="a \ud800"
            ),
            # All of one type, so that the table has the column.
            *(RemarkedPerson(**attrs.asdict(p, recurse=False)) for p in rest),
        ],
    )

    with pytest.raises(
        ss.InvalidValueError,
        match=r"to_frame\(\): the column 'counts' takes a list of 64-bit ints, got \[9223372036854775808\] \(list\)$",
    ):
        to_frame(huge.events)
    with pytest.raises(
        ss.InvalidValueError,
        match=r"to_csv\(\): the people table cannot be written as UTF-8",
    ):
        to_csv(broken, tmp_path)
    with pytest.raises(
        ss.InvalidValueError,
        match=r"to_parquet\(\): the people table cannot be written as UTF-8",
    ):
        to_parquet(broken, tmp_path)
    assert to_frame(odd_corpus(counts=(2**63 - 1,)).events).loc[0, "counts"]
    assert [] == list(tmp_path.iterdir())


@attrs.frozen(kw_only=True)
class LooseEvent(ss.Event):
    """An event with fields that attrs does not check."""

    count: int | None = None
    score: float | None = None
    when: datetime.date | None = None
    tags: tuple[str, ...] = ()


@pytest.mark.parametrize(
    ("fields", "column", "takes"),
    [
        ({"count": True}, "count", "a 64-bit int"),
        ({"count": 1.5}, "count", "a 64-bit int"),
        ({"count": -(2**63) - 1}, "count", "a 64-bit int"),
        ({"count": [1]}, "count", "a 64-bit int"),
        ({"score": "high"}, "score", "a number"),
        ({"when": datetime.datetime(1956, 2, 25)}, "when", "a datetime.date"),  # noqa: DTZ001
        ({"when": "1956"}, "when", "a datetime.date"),
        ({"tags": ("a", None)}, "tags", "a list of str"),
    ],
)
def test_a_value_a_column_cannot_hold_is_refused(
    fields: dict[str, object], column: str, takes: str
) -> None:
    """A field of your own holding what its type does not say: refused."""
    first, *rest = ss.corpus().events
    events = [of_type(LooseEvent, first, **fields)]
    events += [of_type(LooseEvent, e) for e in rest]
    corpus = attrs.evolve(ss.corpus(), events=events)

    with pytest.raises(
        ss.InvalidValueError,
        match=rf"^rows\(\): the column '{column}' takes {takes}, got ",
    ):
        rows(corpus.events)


def test_a_number_column_takes_ints_too() -> None:
    """An int in a float field is a number; -2**63 is a 64-bit int."""
    first, *rest = ss.corpus().events
    events = [of_type(LooseEvent, first, score=1, count=-(2**63))]
    events += [of_type(LooseEvent, e) for e in rest]
    frame = to_frame(attrs.evolve(ss.corpus(), events=events).events)

    assert (1.0, -(2**63)) == (frame.loc[0, "score"], frame.loc[0, "count"])


# -- the libraries -----------------------------------------------------------


def test_importing_secretspeech_imports_neither_library() -> None:
    """The functions that need pandas or pyarrow import them, not we."""
    code = (
        "import secretspeech, sys; ss = secretspeech; ss.people; "
        "import secretspeech._tables; "
        "assert 'pandas' not in sys.modules, 'pandas'; "
        "assert 'pyarrow' not in sys.modules, 'pyarrow'"
    )
    subprocess.run([sys.executable, "-c", code], check=True, timeout=120)


@pytest.mark.parametrize(
    ("missing", "call", "extra"),
    [
        ("pandas", lambda: to_frame(ss.events), "pandas"),
        ("pandas", lambda: to_frames(ss.corpus()), "pandas"),
        ("pyarrow", lambda: to_parquet(ss.corpus(), "."), "parquet"),
    ],
)
def test_a_missing_library_names_the_extra(
    missing: str, call: Any, extra: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Without the library: MissingDependencyError, saying what to install."""
    for name in list(sys.modules):
        if name == missing or name.startswith(f"{missing}."):
            monkeypatch.setitem(sys.modules, name, None)  # type: ignore[arg-type]
    monkeypatch.setitem(sys.modules, missing, None)  # type: ignore[arg-type]

    with pytest.raises(
        ss.MissingDependencyError,
        match=rf'pip install "secretspeech\[{extra}\]"',
    ) as info:
        call()

    assert missing == info.value.name
    assert isinstance(info.value, ModuleNotFoundError)


def test_a_library_missing_a_library_of_its_own_says_so(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """A library that is there but lacks one it needs: that error as is."""

    def fail(_name: str) -> None:
        raise ModuleNotFoundError("No module named 'numpy'", name="numpy")

    monkeypatch.setattr(_tables.importlib, "import_module", fail)

    with pytest.raises(ModuleNotFoundError, match="numpy") as info:
        to_frame(ss.events)

    assert "secretspeech" not in str(info.value)
    assert not isinstance(info.value, ss.SecretSpeechError)
