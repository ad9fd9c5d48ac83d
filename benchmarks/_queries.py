"""
The questions the scale benchmark asks, each three ways.

Each `Question` is asked of the library (a `secretspeech.Corpus`), of an
in-memory SQLite database holding the same records with an index for it
(`Database`), and of a plain scan over the records (`Scan`).  The three
must give the same answer; ``tests/test_benchmarks.py`` checks that they
do, so the three columns of the benchmark time the same question.

The database is built from the JSON document, not from the library's
records, with the tables a careful user would make: ids as a primary key,
normalised names, a key table for every `filter` criterion (the criteria's
fields are read off ``ss.SCHEMA``), the ids each record refers to, the
relations by target, an R*Tree of (earliest, latest) per dated collection
and an FTS5 index of the words search reads.  Its answers are row numbers,
turned into the library's record objects, so each column ends with the
same objects in hand.
"""

from __future__ import annotations

import datetime as dt
import json
import operator
import sqlite3
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from typing import Any

from _generate import COLLECTIONS, Probes, key

import secretspeech as ss
from secretspeech import Corpus


#: The kinds of relation `Corpus.causes` follows.
CAUSAL = tuple(kind.value for kind in ss.CAUSAL_KINDS)
_RANK = {name: rank for rank, name in enumerate(COLLECTIONS)}
_SCHEMA = {schema.name: schema for schema in ss.SCHEMA}
_DATED = ("events", "quotations", "statistics")
#: The criteria with a key table; ``during=`` and ``strict=`` are dates.
_KEYED = ("ids", "vocabulary", "flag", "words")


def names(collection: str, raw: dict[str, Any]) -> list[str]:
    """Return the strings a record is looked up by (as `lookup` reads)."""
    found = [raw["id"]]
    if collection in {"people", "groups", "places", "events"}:
        found += [
            raw["name"],
            *raw.get("aliases", ()),
            *raw.get("other_names", ()),
        ]
    elif collection == "quotations":
        segments = [s["exact"] for s in raw["segments"]]
        found += [" ".join(s.removesuffix(",") for s in segments), *segments]
    elif collection == "statistics":
        found.append(raw["quantity"]["text"])
    return found


def searchable(collection: str, raw: dict[str, Any]) -> str:
    """Return the text `search` reads in a record: names, ids, texts."""
    texts = names(collection, raw)
    if collection in {"people", "groups", "places", "statistics"}:
        texts.append(raw["description"])
    if collection == "events":
        texts.append(raw["summary"])
    elif collection == "statistics":
        texts.append(raw["counting"])
    elif collection == "relations":
        texts.append(f"{raw['source']} {raw['kind']} {raw['target']}")
    elif collection == "notes":
        texts.append(raw["text"])
    return " ".join(texts)


def _values(raw: dict[str, Any], field: str) -> list[object]:
    """Return what a field of a JSON record holds, as a list."""
    value: Any = raw
    for part in field.split("."):
        value = value.get(part) if isinstance(value, dict) else None
    if field == "named" and value is None:
        value = True
    if value is None:
        return []
    return list(value) if isinstance(value, list) else [value]


def _key_of(takes: str, value: object) -> str:
    """Return the key-table form of a criterion's value."""
    if isinstance(value, bool):
        return "1" if value else "0"
    if takes == "words":
        return key(str(value))
    return str(value)


def _referred(collection: str, raw: dict[str, Any]) -> set[str]:
    """Return every id a JSON record refers to."""
    found: set[str] = set()
    for field in _SCHEMA[collection].id_fields:
        if field == "relative_to":
            dates = [raw.get("date"), *raw.get("also_dated", ())]
            found.update(
                d["relative_to"] for d in dates if d and d.get("relative_to")
            )
        else:
            found.update(map(str, _values(raw, field)))
    return found


def _day(iso: str) -> int:
    return dt.date.fromisoformat(iso).toordinal()


def period(year: int) -> tuple[int, int]:
    """Return the first and last day of *year* as ordinals."""
    return dt.date(year, 1, 1).toordinal(), dt.date(year, 12, 31).toordinal()


def _fts(text: str) -> str:
    """Return an FTS5 query for any word of *text*, each as a prefix."""
    return " OR ".join(f'"{w}"*' for w in key(text).split())


class Database:
    """
    The records of a document in an in-memory SQLite database, indexed.

    Args:
        document: The JSON text of a corpus, or its parsed mapping.
        records: The library's records of each collection, in document
            order, to turn row numbers into; empty to build only.
    """

    def __init__(
        self,
        document: str | dict[str, Any],
        records: dict[str, Sequence[Any]] | None = None,
    ) -> None:
        data = json.loads(document) if isinstance(document, str) else document
        self.records = [
            tuple((records or {}).get(name, ())) for name in COLLECTIONS
        ]
        db = self.db = sqlite3.connect(":memory:")
        db.executescript(
            """
            CREATE TABLE records(id TEXT PRIMARY KEY, rank INT, pos INT)
                WITHOUT ROWID;
            CREATE TABLE names(key TEXT, rank INT, pos INT);
            CREATE TABLE keys(rank INT, criterion TEXT, key TEXT, pos INT);
            CREATE TABLE refs(target TEXT, rank INT, pos INT);
            CREATE TABLE relations(
                pos INTEGER PRIMARY KEY, kind TEXT, source TEXT, target TEXT);
            CREATE TABLE timeline(
                pos INTEGER PRIMARY KEY, first INT, last INT, start INT);
            CREATE VIRTUAL TABLE texts USING fts5(
                body, kind UNINDEXED, pos UNINDEXED);
            """
        )
        for name in _DATED:
            db.execute(
                f"CREATE VIRTUAL TABLE dates_{name} USING rtree(pos, lo, hi)"
            )
        for name in COLLECTIONS:
            self._insert(name, data[name])
        db.executescript(
            """
            CREATE INDEX names_key ON names(key, rank, pos);
            CREATE INDEX keys_key ON keys(rank, criterion, key, pos);
            CREATE INDEX refs_target ON refs(target, rank, pos);
            CREATE INDEX relations_target ON relations(target, pos);
            ANALYZE;
            """
        )

    def _insert(self, name: str, rows: list[dict[str, Any]]) -> None:
        db, rank = self.db, _RANK[name]
        criteria = [
            (criterion, c.takes, c.fields)
            for criterion, c in _SCHEMA[name].criteria.items()
            if c.takes in _KEYED
        ]
        db.executemany(
            "INSERT INTO records VALUES (?, ?, ?)",
            ((raw["id"], rank, pos) for pos, raw in enumerate(rows)),
        )
        db.executemany(
            "INSERT INTO names VALUES (?, ?, ?)",
            (
                (k, rank, pos)
                for pos, raw in enumerate(rows)
                for k in dict.fromkeys(key(n) for n in names(name, raw))
                if k
            ),
        )
        db.executemany(
            "INSERT INTO keys VALUES (?, ?, ?, ?)",
            (
                (rank, criterion, k, pos)
                for pos, raw in enumerate(rows)
                for criterion, takes, fields in criteria
                for k in {
                    _key_of(takes, v) for f in fields for v in _values(raw, f)
                }
            ),
        )
        db.executemany(
            "INSERT INTO refs VALUES (?, ?, ?)",
            (
                (target, rank, pos)
                for pos, raw in enumerate(rows)
                for target in _referred(name, raw)
            ),
        )
        db.executemany(
            "INSERT INTO texts(body, kind, pos) VALUES (?, ?, ?)",
            (
                (searchable(name, raw), rank, pos)
                for pos, raw in enumerate(rows)
            ),
        )
        if name == "relations":
            db.executemany(
                "INSERT INTO relations VALUES (?, ?, ?, ?)",
                (
                    (pos, raw["kind"], raw["source"], raw["target"])
                    for pos, raw in enumerate(rows)
                ),
            )
        if name in _DATED:
            dated = [
                (pos, raw) for pos, raw in enumerate(rows) if raw.get("date")
            ]
            db.executemany(
                f"INSERT INTO dates_{name} VALUES (?, ?, ?)",  # noqa: S608 -- our own names
                (
                    (
                        pos,
                        _day(r["date"]["earliest"]),
                        _day(r["date"]["latest"]),
                    )
                    for pos, r in dated
                ),
            )
        if name == "events":
            db.executemany(
                "INSERT INTO timeline VALUES (?, ?, ?, ?)",
                (
                    (pos, *_sort_key(r["date"]), r["evidence"][0]["start"])
                    for pos, r in dated
                ),
            )

    def _rows(self, sql: str, *args: object) -> list[Any]:
        return [
            self.records[rank][pos]
            for rank, pos in self.db.execute(sql, args).fetchall()
        ]

    def get(self, rid: str) -> object:
        """Return the record with id *rid*, or None."""
        found = self._rows("SELECT rank, pos FROM records WHERE id = ?", rid)
        return found[0] if found else None

    def lookup(self, name: str) -> object:
        """Return the record an id or name names, or None (with hints)."""
        found = self.get(name)
        if found is not None:
            return found
        rows = self._rows(
            "SELECT rank, pos FROM names WHERE key = ? "
            "ORDER BY rank, pos LIMIT 1",
            key(name),
        )
        if rows:
            return rows[0]
        # A miss suggests names, as the library's message does.
        self._rows(
            "SELECT kind, pos FROM texts WHERE texts MATCH ? "
            "ORDER BY bm25(texts) LIMIT 3",
            _fts(name),
        )
        return None

    def search(self, text: str) -> list[Any]:
        """Return the records that hold a word of *text* (best first)."""
        return self._rows(
            "SELECT kind, pos FROM texts WHERE texts MATCH ? "
            "ORDER BY bm25(texts)",
            _fts(text),
        )

    def filter(
        self, collection: str, criterion: str, value: object
    ) -> list[Any]:
        """Return the records of *collection* that a criterion keeps."""
        takes = _SCHEMA[collection].criteria[criterion].takes
        return self._rows(
            "SELECT DISTINCT rank, pos FROM keys "
            "WHERE rank = ? AND criterion = ? AND key = ? ORDER BY pos",
            _RANK[collection],
            criterion,
            _key_of(takes, value),
        )

    def during(
        self, collection: str, year: int, *, strict: bool = False
    ) -> list[Any]:
        """Return the records whose date overlaps (or lies in) *year*."""
        lo, hi = period(year)
        test = "lo >= ? AND hi <= ?" if strict else "hi >= ? AND lo <= ?"
        return self._rows(
            f"SELECT {_RANK[collection]}, pos FROM dates_{collection} "  # noqa: S608 -- our own names
            f"WHERE {test} ORDER BY pos",
            lo,
            hi,
        )

    def timeline(self, year: int) -> list[Any]:
        """Return the events that overlap *year*, in time order."""
        lo, hi = period(year)
        return self._rows(
            # CROSS JOIN: the R*Tree first (SQLite keeps the order given).
            f"SELECT {_RANK['events']}, t.pos FROM dates_events AS d "  # noqa: S608 -- our own names
            "CROSS JOIN timeline AS t ON t.pos = d.pos "
            "WHERE d.hi >= ? AND d.lo <= ? "
            "ORDER BY t.first, t.last, t.start, t.pos",
            lo,
            hi,
        )

    def involving(self, rid: str) -> list[Any]:
        """Return every record that refers to *rid*."""
        return self._rows(
            "SELECT DISTINCT rank, pos FROM refs WHERE target = ? "
            "ORDER BY rank, pos",
            rid,
        )

    def causes(self, rid: str) -> list[Any]:
        """Return the events a causal relation leads from to event *rid*."""
        events = _RANK["events"]
        marks = ", ".join("?" * len(CAUSAL))
        found = self.db.execute(
            "SELECT s.id, s.pos FROM relations AS r "  # noqa: S608 -- marks only
            "JOIN records AS s ON s.id = r.source "
            "JOIN records AS t ON t.id = r.target "
            f"WHERE r.target = ? AND r.kind IN ({marks}) "
            "AND s.rank = ? AND t.rank = ? ORDER BY r.pos",
            (rid, *CAUSAL, events, events),
        ).fetchall()
        positions = dict.fromkeys(pos for sid, pos in found if sid != rid)
        return [self.records[events][pos] for pos in positions]


def _sort_key(date: dict[str, Any]) -> tuple[int, int]:
    """Return the ordinals `HistoricalDate.sort_key` orders by."""
    first, last = _day(date["earliest"]), _day(date["latest"])
    open_start = "/" in date["edtf"] and date["edtf"].partition("/")[0] in {
        "",
        "..",
    }
    return (last, last) if open_start else (first, last)


class Scan:
    """
    The records in lists, each question answered by reading all of them.

    The keys `lookup` compares and the words `search` reads are worked out
    once, as a table's columns would be; every query then reads every row.

    Args:
        document: The parsed JSON document.
        corpus: The corpus loaded from it.
    """

    def __init__(self, document: dict[str, Any], corpus: Corpus) -> None:
        self.collections = {
            name: tuple(getattr(corpus, name)) for name in COLLECTIONS
        }
        self.all = [r for name in COLLECTIONS for r in self.collections[name]]
        self.keys = [
            (record, frozenset(key(n) for n in names(name, raw)))
            for name in COLLECTIONS
            for record, raw in zip(
                self.collections[name], document[name], strict=True
            )
        ]
        self.texts = [
            (record, " " + key(searchable(name, raw)))
            for name in COLLECTIONS
            for record, raw in zip(
                self.collections[name], document[name], strict=True
            )
        ]
        self.fields = {
            name: [
                operator.attrgetter(field)
                for field in _SCHEMA[name].id_fields
                if field != "relative_to"
            ]
            for name in COLLECTIONS
        }

    def get(self, rid: str) -> object:
        """Return the record with id *rid*, or None."""
        return next((r for r in self.all if r.id == rid), None)

    def lookup(self, name: str) -> object:
        """Return the record an id or name names, or None."""
        found = self.get(name)
        if found is None:
            wanted = key(name)
            found = next((r for r, keys in self.keys if wanted in keys), None)
        return found

    def search(self, text: str) -> list[Any]:
        """Return the records with a word that starts with one of *text*."""
        starts = [" " + w for w in key(text).split()]
        return [
            r for r, words in self.texts if any(s in words for s in starts)
        ]

    def filter(
        self, collection: str, criterion: str, value: object
    ) -> list[Any]:
        """Return the records of *collection* that a criterion keeps."""
        c = _SCHEMA[collection].criteria[criterion]
        reads = [operator.attrgetter(f) for f in c.fields]
        if c.takes == "words":
            wanted = key(str(value))
            return [
                r
                for r in self.collections[collection]
                if key(reads[0](r)) == wanted
            ]
        return [
            r
            for r in self.collections[collection]
            if any(_holds(read(r), value) for read in reads)
        ]

    def during(
        self, collection: str, year: int, *, strict: bool = False
    ) -> list[Any]:
        """Return the records whose date overlaps (or lies in) *year*."""
        lo, hi = dt.date(year, 1, 1), dt.date(year, 12, 31)
        if strict:
            return [
                r
                for r in self.collections[collection]
                if r.date is not None
                and lo <= r.date.earliest
                and r.date.latest <= hi
            ]
        return [
            r
            for r in self.collections[collection]
            if r.date is not None
            and r.date.earliest <= hi
            and lo <= r.date.latest
        ]

    def timeline(self, year: int) -> list[Any]:
        """Return the events that overlap *year*, in time order."""
        found = [
            (e.date.sort_key, e.evidence[0].start, pos, e)
            for pos, e in enumerate(self.collections["events"])
            if e.date is not None
            and e.date.earliest <= dt.date(year, 12, 31)
            and dt.date(year, 1, 1) <= e.date.latest
        ]
        found.sort(key=lambda item: item[:3])
        return [item[3] for item in found]

    def involving(self, rid: str) -> list[Any]:
        """Return every record that refers to *rid*."""
        return [
            r
            for name in COLLECTIONS
            for r in self.collections[name]
            if any(_holds(read(r), rid) for read in self.fields[name])
        ]

    def causes(self, rid: str) -> list[Any]:
        """Return the events a causal relation leads from to event *rid*."""
        events = {e.id: e for e in self.collections["events"]}
        found = dict.fromkeys(
            r.source
            for r in self.collections["relations"]
            if r.target == rid
            and r.kind in CAUSAL
            and r.source in events
            and r.target in events
            and r.source != rid
        )
        return [events[s] for s in found]


def _holds(value: object, wanted: object) -> bool:
    if isinstance(value, tuple):
        return wanted in value
    return value == wanted


@dataclass(frozen=True)
class Question:
    """
    One question, asked three ways.

    Attributes:
        name: How the table names it.
        library: Asks a `Corpus`.
        sqlite: Asks a `Database`.
        scan: Asks a `Scan`.
        dated: Whether it is a date query, held within a ratio of SQLite.
        ranked: Whether the answer is ranked (compared as a set: SQLite
            ranks by its own measure).
    """

    name: str
    library: Callable[[Corpus], object]
    sqlite: Callable[[Database], object]
    scan: Callable[[Scan], object]
    dated: bool = False
    ranked: bool = False


def answer(value: object) -> list[str]:
    """Return the ids an answer holds, in order (None for a miss is [])."""
    if value is None:
        return []
    if isinstance(value, Sequence) and not isinstance(value, str):
        return [r.id for r in value]
    return [value.id]  # type: ignore[attr-defined]


def _missing(lookup: Callable[[str], object], name: str) -> object:
    try:
        return lookup(name)
    except ss.NotFoundError:
        return None


def filters(p: Probes) -> dict[tuple[str, str], object]:
    """Return the probe value of every `filter` criterion but the dates."""
    return {
        ("people", "role"): "monarch",
        ("people", "named"): False,
        ("groups", "kind"): "victims",
        ("groups", "member"): p.person,
        ("places", "kind"): "building",
        ("places", "within"): p.place,
        ("events", "involving"): p.person,
        ("events", "at"): p.place,
        ("events", "about"): p.event,
        ("events", "kind"): "science",
        ("quotations", "by"): p.person,
        ("quotations", "to"): p.group,
        ("quotations", "about"): p.event,
        ("quotations", "at"): p.event,
        ("quotations", "kind"): "quoted term",
        ("statistics", "counting"): p.counting,
        ("statistics", "at"): p.place,
        ("statistics", "about"): p.event,
        ("statistics", "kind"): "order of magnitude",
        ("claims", "stance"): "report",
        ("claims", "by"): p.person,
        ("claims", "within"): p.claim,
        ("claims", "about"): p.event,
        ("relations", "kind"): "causes",
        ("relations", "source"): p.source_event,
        ("relations", "target"): p.event,
        ("relations", "involving"): p.event,
        ("notes", "verdict"): "identifies",
        ("notes", "about"): p.event,
    }


def questions(p: Probes) -> list[Question]:
    """Return every question about the probes, each with a constant answer."""
    found = [
        Question(
            "get(id)",
            lambda c: c.get(p.event),
            lambda d: d.get(p.event),
            lambda s: s.get(p.event),
        ),
        Question(
            "lookup(name)",
            lambda c: c.lookup(p.person_name),
            lambda d: d.lookup(p.person_name),
            lambda s: s.lookup(p.person_name),
        ),
        Question(
            "lookup(name) miss",
            lambda c: _missing(c.lookup, p.missing_name),
            lambda d: d.lookup(p.missing_name),
            lambda s: s.lookup(p.missing_name),
        ),
        Question(
            "search(word)",
            lambda c: c.search(p.word),
            lambda d: d.search(p.word),
            lambda s: s.search(p.word),
            ranked=True,
        ),
        Question(
            "search(word) miss",
            lambda c: c.search(p.missing_word),
            lambda d: d.search(p.missing_word),
            lambda s: s.search(p.missing_word),
            ranked=True,
        ),
    ]
    for (name, criterion), value in filters(p).items():
        shown = f"'{value}'" if isinstance(value, str) else value
        found.append(
            Question(
                f"{name}.filter({criterion}={shown})",
                lambda c, n=name, k=criterion, v=value: getattr(c, n).filter(
                    **{k: v}
                ),
                lambda d, n=name, k=criterion, v=value: d.filter(n, k, v),
                lambda s, n=name, k=criterion, v=value: s.filter(n, k, v),
            )
        )
    for name in _DATED:
        for strict in (False, True):
            shown = ", strict=True" if strict else ""
            found.append(
                Question(
                    f"{name}.filter(during={p.year}{shown})",
                    lambda c, n=name, s=strict: getattr(c, n).filter(
                        during=p.year, strict=s
                    ),
                    lambda d, n=name, s=strict: d.during(n, p.year, strict=s),
                    lambda s, n=name, st=strict: s.during(
                        n, p.year, strict=st
                    ),
                    dated=True,
                )
            )
    found += [
        Question(
            f"timeline(start={p.year}, end={p.year})",
            lambda c: c.timeline(start=p.year, end=p.year),
            lambda d: d.timeline(p.year),
            lambda s: s.timeline(p.year),
            dated=True,
        ),
        Question(
            "involving(person)",
            lambda c: c.involving(p.person),
            lambda d: d.involving(p.person),
            lambda s: s.involving(p.person),
        ),
        Question(
            "causes(event)",
            lambda c: c.causes(p.event),
            lambda d: d.causes(p.event),
            lambda s: s.causes(p.event),
        ),
    ]
    return found


def criteria() -> Iterator[tuple[str, str]]:
    """Yield every (collection, criterion) `filter` takes."""
    for schema in ss.SCHEMA:
        for criterion in schema.criteria:
            yield schema.name, criterion
