"""
Ordered, immutable collections of records and the indexes behind them.

A `Collection` is a sequence in a documented, stable order (the order of
the records in the data, which follows the article) with query verbs on
top. Each index is built once: the one by id when the collection is made,
the others by the first query that reads them; a collection made by
`Collection.filter`, `Collection.where` or slicing shares the indexes of
the one it came from and only notes which records it keeps.
"""

from __future__ import annotations

import abc
import collections
import datetime
import enum
import functools
import itertools
import math
import operator
from array import array
from bisect import bisect_left, bisect_right
from collections.abc import Callable, Iterable, Iterator, Sequence
from collections.abc import Set as AbstractSet
from typing import (
    Any,
    Generic,
    Protocol,
    TypeAlias,
    TypeVar,
    cast,
    overload,
)

from secretspeech._checks import (
    ANY,
    TYPE_OF,
    check_count,
    check_flag,
    describe,
    id_fields,
    ids_in,
    is_record,
    many,
    names_of,
    not_found,
    noun,
    nouns,
    period,
    texts_of,
    title_of,
)
from secretspeech._dates import HistoricalDate
from secretspeech._intervals import Intervals
from secretspeech._model import (
    ANY_COLLECTION,
    SCHEMA,
    Article,
    Claim,
    CollectionSchema,
    Criterion,
    Event,
    EventKind,
    Group,
    GroupKind,
    Note,
    Person,
    PersonRole,
    Place,
    PlaceKind,
    QuantityKind,
    Quotation,
    QuotationKind,
    Record,
    Relation,
    RelationKind,
    Stance,
    Statistic,
    Verdict,
    schema_of,
)
from secretspeech._text import (
    STOP_WORDS,
    brief,
    joined,
    normalize,
    singular,
    suggest,
    with_article,
    words,
)
from secretspeech._wordindex import Postings, Query, WordIndex
from secretspeech.exceptions import (
    InvalidTypeError,
    InvalidValueError,
    NotFoundError,
)


__all__ = [
    "id_fields",
    "Collection",
    "OneOrMany",
    "Period",
]

# Covariant, as a tuple is: a collection never takes records in, so one of
# a subclass's records (record_types=) is a collection of the base's.
R_co = TypeVar("R_co", bound=Record, covariant=True)
_T = TypeVar("_T")
D = TypeVar("D")

#: What `Collection.filter` and `Corpus.timeline` take as a period: an
#: `int` year, an EDTF string, a `datetime.date` or a `HistoricalDate`.
Period: TypeAlias = int | str | datetime.date | HistoricalDate
#: One value, or several meaning "any of them".
OneOrMany: TypeAlias = _T | Sequence[_T] | AbstractSet[_T]


# How much a match in a description or summary counts against one in a
# name.
_TEXT_WEIGHT = 0.6
# Above every other score, so an exact name ranks first.
_EXACT_SCORE = math.inf


def _spec(record_type: type[Any] | None) -> dict[str, _Criterion]:
    """Return the `Collection.filter` criteria of a record type."""
    schema = None if record_type is None else schema_of(record_type)
    return {} if schema is None else _criteria_of(schema)


# -- criteria ---------------------------------------------------------------


#: The most different words of a search query that count.
MAX_QUERY_WORDS = 32


class _Criterion(abc.ABC):
    """One keyword of `Collection.filter` and the index behind it."""

    def index(
        self, records: tuple[Record, ...]
    ) -> dict[object, tuple[int, ...]]:
        """Map each value the criterion can ask for to record positions."""
        found: dict[object, list[int]] = {}
        for pos, record in enumerate(records):
            for key in self.keys(record):
                found.setdefault(key, []).append(pos)
        return {key: tuple(dict.fromkeys(ps)) for key, ps in found.items()}

    @abc.abstractmethod
    def keys(self, record: Record) -> Iterable[object]:
        """Return the index keys of *record*."""

    @abc.abstractmethod
    def wanted(
        self, value: object, argument: str, resolver: Names
    ) -> Iterable[object]:
        """Turn the user's *value* into the index keys it asks for."""


class _Refs(_Criterion):
    """Records whose *fields* hold the id of one of the given records."""

    def __init__(
        self, fields: tuple[str, ...], among: tuple[str, ...]
    ) -> None:
        self.fields = fields
        self.among = among

    def keys(self, record: Record) -> Iterable[object]:
        for field in self.fields:
            yield from ids_in(record, field)

    def wanted(
        self, value: object, argument: str, resolver: Names
    ) -> Iterable[object]:
        return [resolver.id(v, self.among, argument) for v in many(value)]


class _Kind(_Criterion):
    """Records of one of the given kinds (or roles)."""

    def __init__(self, field: str, kinds: type[enum.StrEnum]) -> None:
        # A dotted field ("quantity.kind") reads through a value.
        self.read = operator.attrgetter(field)
        self.kinds = kinds

    def keys(self, record: Record) -> Iterable[object]:
        value = self.read(record)
        return value if isinstance(value, tuple) else (value,)

    def wanted(
        self, value: object, argument: str, _resolver: Names
    ) -> Iterable[object]:
        return [self.member(v, argument) for v in many(value)]

    def member(self, value: object, argument: str) -> enum.StrEnum:
        """Find the member of *kinds* that *value* names."""
        if isinstance(value, self.kinds):
            return value
        if isinstance(value, enum.Enum) or not isinstance(value, str):
            raise InvalidTypeError(
                f"{argument} takes {with_article(self.kinds.__name__)} or "
                f"its value as a str, got {describe(value)}"
            )
        # The vocabularies read names, values and their spellings with
        # hyphens or underscores, and list the choices when they refuse.
        try:
            return self.kinds(value)
        except ValueError as e:
            raise InvalidValueError(f"{argument}{e}") from None


class _Words(_Criterion):
    """Records whose text *field* says one of the given words (any number)."""

    def __init__(self, field: str) -> None:
        self.field = field

    def keys(self, record: Record) -> Iterable[object]:
        return (singular(normalize(getattr(record, self.field, ""))),)

    def wanted(
        self, value: object, argument: str, _resolver: Names
    ) -> Iterable[object]:
        found = []
        for v in many(value):
            if not isinstance(v, str):
                raise InvalidTypeError(
                    f"{argument} takes a str such as 'deaths', got "
                    f"{describe(v)}"
                )
            words = singular(normalize(v))
            if not words:
                # As a blank name is refused: it would match nothing, and
                # a filter that finds nothing should mean none is there.
                raise InvalidValueError(
                    f"{argument}{brief(v)} has no words to match; give one "
                    "such as 'deaths'"
                )
            found.append(words)
        return found


class _Flag(_Criterion):
    """Records whose boolean *field* has the given value."""

    def __init__(self, field: str) -> None:
        self.field = field

    def keys(self, record: Record) -> Iterable[object]:
        return (getattr(record, self.field),)

    def wanted(
        self, value: object, argument: str, _resolver: Names
    ) -> Iterable[object]:
        return (check_flag(value, argument),)


class _During(_Criterion):
    """
    Dated records whose date overlaps (or, strictly, lies in) a period.

    Its index is not by key but by day: ``_Base.dates``, an `Intervals`.
    """

    def keys(self, _record: Record) -> Iterable[object]:
        return ()

    def wanted(
        self, value: object, argument: str, _resolver: Names
    ) -> Iterable[object]:
        return (read_period(value, argument),)


# The types of period whose equal values are the same period: a year, an
# EDTF string, a day (a datetime is a date, but not of this type).
_PERIOD_TYPES = frozenset({int, str, datetime.date})


def read_period(value: object, argument: str) -> HistoricalDate:
    """
    Read a period argument as `period` does, naming *argument*.

    A year, string or day read before is not parsed again: a query for a
    handful of records should not cost more in reading its period.

    Raises:
        InvalidTypeError: If *value* has a type that is not a period.
        InvalidValueError: If it cannot be read as a date.

    >>> from secretspeech._catalog import read_period
    >>> read_period("195X", "during=").latest
    datetime.date(1959, 12, 31)
    >>> read_period(1956, "during=") is read_period(1956, "during=")
    True
    """
    if type(value) in _PERIOD_TYPES:
        return _read_period(value, argument)
    return period(value, argument)


# Typed: equal values of different types are different periods, or none.
@functools.lru_cache(maxsize=256, typed=True)
def _read_period(value: object, argument: str) -> HistoricalDate:
    return period(value, argument)


class _Strict(_Criterion):
    """The modifier of ``during=``; it selects nothing itself."""

    def keys(self, _record: Record) -> Iterable[object]:
        return ()

    def wanted(
        self, value: object, argument: str, _resolver: Names
    ) -> Iterable[object]:
        return (check_flag(value, argument),)


_DURING = _During()
_STRICT = _Strict()


def _criterion(criterion: Criterion) -> _Criterion:
    """Build the index and matching of one criterion the schema declares."""
    fields = criterion.fields
    if criterion.takes == "ids":
        among = criterion.among
        return _Refs(fields, ANY if ANY_COLLECTION in among else among)
    if criterion.takes == "vocabulary":
        assert criterion.vocabulary is not None  # noqa: S101 -- see Criterion
        return _Kind(fields[0], criterion.vocabulary)  # type: ignore[arg-type]
    if criterion.takes == "flag":
        return _Flag(fields[0])
    if criterion.takes == "words":
        return _Words(fields[0])
    return _DURING if criterion.takes == "period" else _STRICT


@functools.cache
def _criteria_of(schema: CollectionSchema) -> dict[str, _Criterion]:
    """Return the criteria of a collection, built once per schema."""
    return {name: _criterion(c) for name, c in schema.criteria.items()}


# The candidate sets of `Collection.filter` that are not a criterion's.
_PERIOD = -1
_OWN = -2
# How many times the candidates a set may hold and still be read whole to
# narrow them: an intersection runs in C, a search for each candidate in
# Python some twenty times slower.
_DENSE = 16


class _Query:
    """
    The criteria of one `Collection.filter` call, met from the narrowest.

    Each criterion that reads an index gives the postings of the keys it
    asks for (any of them will do; each in order of position); *when* is
    the period, if any; *own* the positions the collection keeps, if it
    keeps only some of its base's.  These are the sources: a criterion by
    its number, `_PERIOD` and `_OWN`.  The candidates are the smallest
    source; each other source then narrows them, smallest first: one at
    most `_DENSE` times as large by an intersection, a larger one by a
    search of its postings (or a look at the record's date) for each
    candidate.  No source is read whole that holds more than `_DENSE`
    times the candidates.
    """

    __slots__ = ("base", "own", "postings", "strict", "when")

    def __init__(
        self,
        base: _Base[Any],
        own: Sequence[int] | None,
        postings: list[list[tuple[int, ...]]],
        when: HistoricalDate | None,
        *,
        strict: bool,
    ) -> None:
        self.base = base
        self.own = own
        self.postings = postings
        self.when = when
        self.strict = strict

    def run(self) -> set[int]:
        """Return the base positions that meet every criterion."""
        sources = list(range(len(self.postings)))
        if self.when is not None:
            sources.append(_PERIOD)
        if self.own is not None:
            sources.append(_OWN)
        if len(sources) == 1:
            return set(self.read(sources[0]))
        sizes = sorted((self.size(source), source) for source in sources)
        found = set(self.read(sizes[0][1]))
        for size, source in sizes[1:]:
            # The collection's own records are kept by `Collection._sub`.
            if source != _OWN:
                found = self.narrow(found, source, size)
        return found

    def size(self, source: int) -> int:
        """Bound how many positions *source* holds, by a sum or a search."""
        if source >= 0:
            return sum(map(len, self.postings[source]))
        if source == _OWN:
            return len(self.own or ())
        when = self.when
        assert when is not None  # noqa: S101 -- a source only with it
        return self.base.dates.most(
            when.earliest, when.latest, strict=self.strict
        )

    def read(self, source: int) -> Iterable[int]:
        """Return the positions of *source*."""
        if source == _OWN:
            return self.own or ()
        if source == _PERIOD:
            when = self.when
            assert when is not None  # noqa: S101 -- a source only with it
            dates = self.base.dates
            find = dates.within if self.strict else dates.overlapping
            return find(when.earliest, when.latest)
        lists = self.postings[source]
        return lists[0] if len(lists) == 1 else itertools.chain(*lists)

    def narrow(self, found: set[int], source: int, size: int) -> set[int]:
        """Keep the positions of *found* that *source* holds."""
        if size <= _DENSE * len(found):
            found.intersection_update(self.read(source))
            return found
        if source == _PERIOD:
            assert self.when is not None  # noqa: S101 -- a source only with it
            keep = self.when.contains if self.strict else self.when.overlaps
            records = self.base.records
            return {p for p in found if _dated(records[p], keep)}
        lists = self.postings[source]
        return {p for p in found if _posted(lists, p)}


def _posted(postings: list[tuple[int, ...]], pos: int) -> bool:
    """Tell whether *pos* is in one of the postings, each in order."""
    for found in postings:
        at = bisect_left(found, pos)
        if at < len(found) and found[at] == pos:
            return True
    return False


def _dated(record: Record, keep: Callable[[HistoricalDate], bool]) -> bool:
    """Tell whether *record* has a date and *keep* keeps it."""
    date: HistoricalDate | None = getattr(record, "date", None)
    return date is not None and keep(date)


_ALL_CRITERIA = frozenset(
    name for schema in SCHEMA for name in schema.criteria
)


# -- indexes ----------------------------------------------------------------


class _Asked:
    """
    A search text, read once for every collection a search reads.

    Its words become `Query` objects shared by the word indexes of those
    collections, so difflib is asked about a word of several
    vocabularies once; what each index finds is kept, so a lookup miss
    that asks for suggestions and then for the best matches asks each
    index once.
    """

    __slots__ = ("_found", "key", "queries")

    def __init__(self, text: str) -> None:
        found = words(text)
        self.key = joined(found)
        # Each word counts once, and only the first few: a query that
        # repeats a word, or runs to pages, costs what a short one does.
        query = list(dict.fromkeys(found))[:MAX_QUERY_WORDS]
        content = [w for w in query if w not in STOP_WORDS] or query
        self.queries = [Query(w) for w in content]
        self._found: dict[int, list[dict[int, float]]] = {}

    def close_in(self, text: _Text) -> list[dict[int, float]]:
        """Return the words of *text* close to each query word."""
        # By identity: a `_Text` lives as long as its base, longer than
        # this search.
        found = self._found.get(id(text))
        if found is None:
            found = [text.words.close(q) for q in self.queries]
            self._found[id(text)] = found
        return found


# Up to this many matching words in all, a plain loop scores them fastest.
_FEW = 16
# Past this many matching records, those that hold every word are found
# faster from the postings of the rarest word than by reading each record.
_MANY = 64

# The kinds of fields `_Text` keeps, as bits: a name weighs 1 (an id or a
# text weighs _TEXT_WEIGHT); in a field of stop words only, every word
# counts towards how much of the field matches.
_NAME = 1
_ALL_STOP = 2
# The weight of a field of each kind, by its bits: a lookup, not a test.
_WEIGHTS = tuple(
    1.0 if kind & _NAME else _TEXT_WEIGHT for kind in range(_ALL_STOP * 2)
)


class _Text:
    """
    The words of the records of one or more bases, for search and suggestions.

    Each record's id, names and texts are its fields. Every word is stored
    once, in a `WordIndex` that finds it by exact, prefix or near
    spelling, and known elsewhere by its id: each word lists the fields
    that hold it (once for each time) and the names (normalised keys)
    that hold it, and each field its record, kind and size. Nothing else
    of a field is needed: a score reads only the words that match.

    A record is known by its number: its position in its base, after the
    records of the bases before it; so is a name, among the keys of the
    bases in turn. For one base, a record's number is its position.
    """

    __slots__ = (
        "all_stop",
        "field_kinds",
        "field_record",
        "field_sizes",
        "key_starts",
        "keys",
        "named",
        "occurrences",
        "starts",
        "stop",
        "words",
    )

    def __init__(self, bases: Sequence[_Base[Any]]) -> None:
        # Every word of every field, in order, and how many each field has.
        flat: list[str] = []
        counts = array("i")
        field_record = array("i")
        field_sizes = array("i")
        field_kinds = bytearray()
        stop = STOP_WORDS
        records = [r for base in bases for r in base.records]
        for number, record in enumerate(records):
            given = names_of(record)
            # An id weighs like a description: for most records it repeats
            # the name, and a relation's id only strings other ids
            # together.
            named = len(given)
            # A field with the same words as another of the record scores
            # no more than it (less, if it weighs less) and matches the
            # same words: it is kept once, as a name if it is one.
            fields: dict[tuple[str, ...], tuple[tuple[str, ...], int]] = {}
            for n, text in enumerate(
                (record.id, *given[1:], *texts_of(record))
            ):
                ws = words(text)
                if ws:
                    kind = _NAME if 0 < n < named else 0
                    same = tuple(sorted(ws))
                    if kind or same not in fields:
                        fields[same] = (ws, kind)
            for ws, kind in fields.values():
                flat += ws
                counts.append(len(ws))
                # The words that count towards how much of it matches.
                size = len(ws)
                if not stop.isdisjoint(ws):
                    size -= sum(map(stop.__contains__, ws))
                field_record.append(number)
                field_sizes.append(size or len(ws))
                field_kinds.append(kind if size else kind | _ALL_STOP)
        # A word's id is the place of its first occurrence among the words.
        ids = {w: i for i, w in enumerate(dict.fromkeys(flat))}
        self.occurrences = Postings.grouped(
            array("i", map(ids.__getitem__, flat)),
            array(
                "i",
                itertools.chain.from_iterable(
                    map(itertools.repeat, range(len(counts)), counts)
                ),
            ),
            len(ids),
        )
        self.field_record = field_record
        self.field_sizes = field_sizes
        self.field_kinds = bytes(field_kinds)
        self.all_stop = frozenset(
            f for f, kind in enumerate(field_kinds) if kind & _ALL_STOP
        )
        self.stop = frozenset(ids[w] for w in STOP_WORDS if w in ids)
        self.starts = tuple(
            itertools.accumulate((len(b.records) for b in bases), initial=0)
        )
        # Every word of a key is a word of the record's id or names.
        self.keys = tuple(key for base in bases for key in base.by_key)
        self.key_starts = tuple(
            itertools.accumulate((len(b.by_key) for b in bases), initial=0)
        )
        held = [dict.fromkeys(key.split(" ")) for key in self.keys]
        self.named = Postings.grouped(
            array(
                "i",
                map(ids.__getitem__, itertools.chain.from_iterable(held)),
            ),
            array(
                "i",
                itertools.chain.from_iterable(
                    map(itertools.repeat, range(len(held)), map(len, held))
                ),
            ),
            len(ids),
        )
        self.words = WordIndex(ids)

    def scores(self, asked: _Asked) -> dict[int, float]:
        """
        Score every record that matches some word of the search *asked*.

        A field scores its weight times the mean similarity of the query
        words to its words (a missing word counts 0), scaled from 1/2 to 1
        by the share of its own words that match: a name that is all query
        beats a long one that merely holds it. The record scores its best
        field, scaled from 1/2 to 1 by how fully the whole record matches
        the query, so records that hold every word rank higher; and a record
        that holds every word as written (similarity 1) scores 1 more,
        above every record that does not, which scores less than 1.

        Only the fields that hold a matching word are read: the others
        score 0 and match nothing.
        """
        matches = asked.close_in(self)
        if not matches:
            return {}
        size = len(matches)
        if size == 1:
            return self._scores_of_one(matches[0])
        # Each matching word's similarity to each query word.
        table: dict[int, list[float]] = {}
        for j, m in enumerate(matches):
            for i, similarity in m.items():
                table.setdefault(i, [0.0] * size)[j] = similarity
        # A matching word of each field, in C; and for the few fields
        # with more than one, all of them, once for each time.
        occurrences = self.occurrences
        read = [occurrences[i] for i in table]
        owner: dict[int, int] = {}
        for i, fields in zip(table, read, strict=True):
            owner.update(dict.fromkeys(fields, i))
        several: dict[int, list[int]] = {}
        if len(owner) < sum(map(len, read)):
            counts = collections.Counter(itertools.chain.from_iterable(read))
            several = {field: [] for field, n in counts.items() if n > 1}
            for i, fields in zip(table, read, strict=True):
                for field in filter(several.__contains__, fields):
                    several[field].append(i)
        scores, anywhere = self._scores_of_many(owner, several, table, size)
        self._lift_exact(
            asked,
            lambda: dict(zip(table, read, strict=True)),
            scores,
            anywhere,
        )
        return scores

    def _scores_of_many(
        self,
        owner: dict[int, int],
        several: dict[int, list[int]],
        table: dict[int, list[float]],
        size: int,
    ) -> tuple[dict[int, float], dict[int, list[float]]]:
        """
        Score the fields of *owner* against *size* query words.

        Returns each record's score, but for holding every word as
        written, and each query word's best similarity in the record.
        """
        means = {i: math.fsum(sims) / size for i, sims in table.items()}
        stop = self.stop
        kinds = self.field_kinds
        sizes = self.field_sizes
        record_of = self.field_record
        weights = _WEIGHTS
        best: dict[int, float] = {}
        anywhere: dict[int, list[float]] = {}
        for field, i in owner.items():
            kind = kinds[field]
            held = several.get(field)
            if held is None:
                # The common case: one matching word in the field.
                sims = table[i]
                mean = means[i]
                covered = 1 if kind & _ALL_STOP or i not in stop else 0
            else:
                # Each query word's best similarity in the field (every
                # list of the table is *size* long).
                sims = list(map(max, *map(table.__getitem__, held)))
                mean = math.fsum(sims) / size
                covered = len(held)
                if not kind & _ALL_STOP:
                    covered -= sum(map(stop.__contains__, held))
            score = weights[kind] * mean * (1 + covered / sizes[field]) / 2
            pos = record_of[field]
            seen = anywhere.get(pos)
            if seen is None:
                best[pos] = score
                anywhere[pos] = sims
            else:
                best[pos] = max(best[pos], score)
                anywhere[pos] = list(map(max, seen, sims))
        scores = {
            pos: best[pos] * (1 + math.fsum(sims) / size) / 2
            for pos, sims in anywhere.items()
        }
        return scores, anywhere

    def _lift_exact(
        self,
        asked: _Asked,
        postings: Callable[[], dict[int, array[int]]],
        scores: dict[int, float],
        anywhere: dict[int, list[float]],
    ) -> None:
        """
        Add 1 to the score of each record that holds every word as asked.

        *postings* gives the fields of each matching word, *anywhere* is
        each record's best similarity to each query word.
        """
        ids = self.words.ids
        exact = [ids.get(query.word, -1) for query in asked.queries]
        # None holds a word that is no word of the records.
        if -1 in exact:
            return
        size = len(exact)
        candidates: Iterable[int] = anywhere
        if len(anywhere) > _MANY:
            # Only the records of the rarest word can hold them all.
            rarest = min(map(postings().__getitem__, exact), key=len)
            candidates = set(map(self.field_record.__getitem__, rarest))
        for pos in candidates:
            if anywhere[pos].count(1.0) == size:
                scores[pos] += 1.0

    def _scores_of_one(self, similarity: dict[int, float]) -> dict[int, float]:
        """
        Score as `scores` does, for a query of one word.

        The same arithmetic with one similarity instead of a list: a
        field's mean is its best similarity, and so is a record's fullness.
        The fields' best similarities and counts are gathered in C, but
        for a few.
        """
        occurrences = self.occurrences
        stop = self.stop
        all_stop = self.all_stop
        read = [
            (occurrences[i], sim, i in stop) for i, sim in similarity.items()
        ]
        # Each field's best similarity, and how many of its words match,
        # stop words apart (they count only in a field of stop words only).
        means: dict[int, float] = {}
        held: dict[int, int] = {}
        if sum(len(fields) for fields, _, _ in read) <= _FEW:
            for fields, sim, is_stop in read:
                for field in fields:
                    seen = means.get(field)
                    if seen is None or sim > seen:
                        means[field] = sim
                    if not is_stop or field in all_stop:
                        held[field] = held.get(field, 0) + 1
        else:
            # In C: the words in ascending similarity, each written over
            # the ones before; the counts by Counter, or all one if no
            # field holds two matching words.
            read.sort(key=operator.itemgetter(1))
            for fields, sim, _ in read:
                means.update(dict.fromkeys(fields, sim))
            counted = [fields for fields, _, is_stop in read if not is_stop]
            alone = [
                filter(all_stop.__contains__, fields)
                for fields, _, is_stop in read
                if is_stop
            ]
            if sum(len(fields) for fields, _, _ in read) == len(means):
                held = dict.fromkeys(itertools.chain.from_iterable(counted), 1)
                held.update(
                    dict.fromkeys(itertools.chain.from_iterable(alone), 1)
                )
            else:
                held = collections.Counter(
                    itertools.chain.from_iterable((*counted, *alone))
                )
        kinds = self.field_kinds
        covered = held.get
        sizes = self.field_sizes
        record_of = self.field_record
        best: dict[int, float] = {}
        fullest: dict[int, float] = {}
        weights = _WEIGHTS
        for field, mean in means.items():
            score = (
                weights[kinds[field]]
                * mean
                * (1 + covered(field, 0) / sizes[field])
                / 2
            )
            pos = record_of[field]
            seen = best.get(pos)
            if seen is None:
                best[pos] = score
                fullest[pos] = mean
            else:
                best[pos] = max(seen, score)
                fullest[pos] = max(fullest[pos], mean)
        # best and fullest have the same keys, in the same order; the
        # bonus a float, as a bool added to a float takes a slow path.
        return {
            pos: top * (1 + full) / 2 + (1.0 if full == 1.0 else 0.0)
            for (pos, top), full in zip(
                best.items(), fullest.values(), strict=True
            )
        }

    def near_keys(self, asked: _Asked) -> set[int]:
        """
        Return the names (as positions in `keys`) a lookup miss may mean.

        A name is a candidate if it holds a word that a word of *text*
        matches as `search` matches words (the word itself, its start,
        or misspelt), or that begins a word of *text* ("nikita" in
        "nikitakhrushchev").
        """
        found: set[int] = set()
        for query, close in zip(
            asked.queries, asked.close_in(self), strict=True
        ):
            for i in (*close, *self.words.beginnings(query.word)):
                found.update(self.named[i])
        return found


class _Base(Generic[R_co]):
    """
    The records of a collection and every index over them.

    The index by id is built with the base; each other index on the first
    query that reads it (`by_key`, `indexes`, `dates`, `text`), so that a
    load pays only for what its program asks: a lookup by name does not
    build the date index, nor a `get` any index of names.  Two threads may
    both build an index; they build the same thing, and one is kept.

    Sub-collections share the base of the collection they came from.
    """

    __slots__ = (
        "_by_key",
        "_dates",
        "_indexes",
        "_names",
        "_text",
        "by_id",
        "record_type",
        "records",
    )

    _text: _Text | None
    _by_key: dict[str, tuple[int, ...]] | None
    _names: dict[str, str]
    _indexes: dict[str, dict[object, tuple[int, ...]]] | None
    _dates: Intervals | None

    @property
    def text(self) -> _Text:
        """
        The words of the records, for `search` and suggestions.

        Built on the first search or failed lookup, not with the rest: a
        corpus that is never searched never pays for it. Two threads may
        both build it; they build the same thing, and one is kept.
        """
        text = self._text
        if text is None:
            text = self._text = _Text((self,))
        return text

    def __init__(
        self, records: tuple[R_co, ...], record_type: type[Any] | None
    ) -> None:
        self.records = records
        types = set(map(type, records))
        if record_type is None and len(types) == 1:
            record_type = types.pop()
        self.record_type = record_type
        # The first record of an id wins, as `get` answers: the ids and
        # positions reversed, so that the first is written last.
        ids = list(map(operator.attrgetter("id"), records))
        ids.reverse()
        self.by_id: dict[str, int] = dict(
            zip(ids, range(len(ids) - 1, -1, -1), strict=True)
        )
        self._by_key = None
        self._indexes = None
        self._dates = None
        self._text = None

    @property
    def by_key(self) -> dict[str, tuple[int, ...]]:
        """
        The positions of the records by each normalised name, id last.

        Built on the first lookup by name, with `names`.
        """
        by_key = self._by_key
        if by_key is None:
            keys: dict[str, list[int]] = {}
            names: dict[str, str] = {}
            for pos, record in enumerate(self.records):
                given = names_of(record)
                # The id last, so that suggestions show names, not ids.
                for name in (*given[1:], given[0]):
                    key = normalize(name)
                    found = keys.setdefault(key, []) if key else None
                    # Positions come in order, so a repeat can only be the
                    # last one: no scan of a long list of namesakes.
                    if found is not None and (not found or found[-1] != pos):
                        found.append(pos)
                        names.setdefault(key, name)
            self._names = names
            by_key = self._by_key = {k: tuple(v) for k, v in keys.items()}
        return by_key

    @property
    def names(self) -> dict[str, str]:
        """Each normalised name's first spelling, as suggestions show it."""
        self.by_key  # noqa: B018 -- builds the names with the keys, once
        return self._names

    @property
    def indexes(self) -> dict[str, dict[object, tuple[int, ...]]]:
        """
        The index of each `Collection.filter` criterion, by name.

        Built on the first filter, every criterion at once: each is one
        pass over the records.
        """
        indexes = self._indexes
        if indexes is None:
            spec = _spec(self.record_type)
            indexes = self._indexes = {
                name: criterion.index(self.records)
                for name, criterion in spec.items()
            }
        return indexes

    @property
    def dates(self) -> Intervals:
        """The index of the records' dates by day, built on first use."""
        dates = self._dates
        if dates is None:
            dates = self._dates = Intervals(
                getattr(r, "date", None) for r in self.records
            )
        return dates


def _is_record_type(kind: type) -> bool:
    """Tell whether *kind* is the type of records of some collection."""
    return schema_of(kind) is not None


def base_of(collection: Collection[R_co]) -> _Base[R_co]:
    """Return the indexes behind *collection*, shared with its relatives."""
    return collection._base  # noqa: SLF001 -- the catalog's own state


def scores_in(collection: Collection[Any], text: str) -> dict[int, float]:
    """Score the records of *collection* against *text*, by base position."""
    return collection._scores(_asked(text))  # noqa: SLF001 -- its own state


def _asked(text: object) -> _Asked:
    """Read a search *text*, refusing what is not a str."""
    if not isinstance(text, str):
        raise InvalidTypeError(f"search() takes a str, got {describe(text)}")
    return _Asked(text)


def bind(
    collection: Collection[R_co], resolver: Names, record_type: type[Any]
) -> Collection[R_co]:
    """Return *collection* reading names through a corpus's *resolver*."""
    return collection._bind(resolver, record_type)  # noqa: SLF001 -- as above


class Names(Protocol):
    """
    What a collection asks of whoever reads names for it: the id of a record.

    A collection made on its own takes strings as ids (`_OwnIds`); one that
    belongs to a `Corpus` reads names through the corpus's collections
    (`secretspeech._resolver.Resolver`).
    """

    def id(self, value: object, among: tuple[str, ...], argument: str) -> str:
        """Return the id of the record *value* stands for, among *among*."""


class _OwnIds:
    """Read records as themselves and strings as ids, checking nothing else."""

    __slots__ = ()

    def id(self, value: object, among: tuple[str, ...], argument: str) -> str:
        if among == ANY and (value == "article" or isinstance(value, Article)):
            # Where any record will do, the article stands for itself.
            return "article"
        if isinstance(value, str):
            return value
        if isinstance(value, tuple(TYPE_OF[name] for name in among)):
            return cast("Record", value).id
        raise InvalidTypeError(
            f"{argument} takes {with_article(nouns(among))} or its id "
            f"or name, got {describe(value)}"
        )


_NO_RESOLVER: Names = _OwnIds()


def find(collections: Sequence[Collection[Any]], name: str) -> Record | None:
    """
    Return the record *name* names in *collections*, or `None`.

    The one way names are read, by `Collection.lookup`, `Corpus.lookup`
    and every criterion: an exact id in any of the collections wins; then
    a normalised name or alias, the first collection first.
    """
    for collection in collections:
        found = collection._by_id(name)  # noqa: SLF001 -- the catalog's own
        if found is not None:
            return cast("Record", found)
    key = normalize(name)
    for collection in collections:
        found = collection._by_key(key)  # noqa: SLF001 -- as above
        if found is not None:
            return cast("Record", found)
    return None


def missing(
    collections: Sequence[Collection[Any]],
    name: str,
    what: str,
    argument: str | None = None,
) -> NotFoundError:
    """
    Build the error for a *name* that `find` did not find, with hints.

    The hints are the names closest to *name* as a whole (see `suggest`)
    among the names that hold a word close to one of *name*'s: the same
    word, its start or a misspelling of it (as `Collection.search` reads
    words), or a word that begins one of *name*'s. If none is close
    enough, they are the titles of the records that `ranked` puts first.
    """
    return not_found(
        what,
        name,
        _suggestions(_Several(collections), name),
        argument=argument,
    )


def _suggestions(source: _Source, name: str) -> Iterator[str]:
    """Yield what `missing` suggests, computed only when asked for."""
    asked = _asked(name)
    close = suggest(name, source.names(asked))
    if close:
        yield from close
    else:
        best = source.ranked(asked, limit=3)
        yield from (title_of(r) for r in best)


def ranked(
    collections: Sequence[Collection[Any]], text: str, *, limit: int | None
) -> tuple[Record, ...]:
    """Search several collections; rank by score, then by collection."""
    return _Several(collections).ranked(_asked(text), limit=limit)


def _best(
    scores: dict[int, float],
    record: Callable[[int], Record],
    limit: int | None,
) -> tuple[Record, ...]:
    """Return the records of the best *scores*, ties to the lower number."""
    # Two sorts in C on plain keys, the second stable: by number, then by
    # score, best first.
    order = sorted(scores)
    order.sort(key=scores.__getitem__, reverse=True)
    return tuple(map(record, order[:limit]))


class _Source(Protocol):
    """Records searched together: what suggestions and ranking read."""

    def names(self, asked: _Asked) -> dict[str, str]:
        """Return the names a miss of *asked* may mean, each shown."""

    def ranked(
        self, asked: _Asked, *, limit: int | None
    ) -> tuple[Record, ...]:
        """Return the records best matching *asked*, best first."""


class _Several:
    """Collections searched one by one, each with its own words."""

    __slots__ = ("collections",)

    def __init__(self, collections: Sequence[Collection[Any]]) -> None:
        self.collections = collections

    def names(self, asked: _Asked) -> dict[str, str]:
        names: dict[str, str] = {}
        for collection in self.collections:
            for key, shown in collection._names(asked).items():  # noqa: SLF001
                names.setdefault(key, shown)
        return names

    def ranked(
        self, asked: _Asked, *, limit: int | None
    ) -> tuple[Record, ...]:
        if len(self.collections) == 1:
            (collection,) = self.collections
            scores = collection._scores(asked)  # noqa: SLF001 -- its own
            return _best(
                scores, base_of(collection).records.__getitem__, limit
            )
        # A collection and a position are never both equal, so the records
        # themselves are never compared; they are read for the best only.
        scored = [
            (-score, rank, pos)
            for rank, collection in enumerate(self.collections)
            for pos, score in collection._scores(asked).items()  # noqa: SLF001
        ]
        scored.sort()
        records = [base_of(c).records for c in self.collections]
        return tuple(records[rank][pos] for _, rank, pos in scored[:limit])


class Words:
    """
    The words of whole collections searched as one: a corpus's.

    A search of every collection reads its words once and finds the words
    close to each in one index over the words of them all, not in one
    index a collection; each record is then scored as its collection
    scores it. Built on the first search or failed lookup.

    Args:
        collections: Collections each holding every record of its base
            (a corpus's, in its order).
    """

    __slots__ = ("_collections", "_records", "_text")

    def __init__(self, collections: Sequence[Collection[Any]]) -> None:
        self._collections = tuple(collections)
        self._text: _Text | None = None
        self._records: tuple[Record, ...] = ()

    @property
    def text(self) -> _Text:
        """The words of the records, built on first use."""
        text = self._text
        if text is None:
            bases = [base_of(c) for c in self._collections]
            # Two threads may both build them; either will do.
            self._records = tuple(r for b in bases for r in b.records)
            text = self._text = _Text(bases)
        return text

    def ranked(
        self, asked: _Asked, *, limit: int | None
    ) -> tuple[Record, ...]:
        """Rank as `ranked` ranks the collections, for a text read."""
        text = self.text
        scores = text.scores(asked)
        # The starts of the bases, and their end.
        for start, collection in zip(
            text.starts, self._collections, strict=False
        ):
            for pos in base_of(collection).by_key.get(asked.key, ()):
                scores[start + pos] = _EXACT_SCORE
        return _best(scores, self._records.__getitem__, limit)

    def names(self, asked: _Asked) -> dict[str, str]:
        """Return the names a miss of *asked* may mean, each shown."""
        text = self.text
        found: dict[str, str] = {}
        # In order, so that the first collection's spelling is shown.
        for k in sorted(text.near_keys(asked)):
            rank = bisect_right(text.key_starts, k) - 1
            key = text.keys[k]
            found.setdefault(key, base_of(self._collections[rank]).names[key])
        return found

    def search(self, text: str, *, limit: int | None) -> tuple[Record, ...]:
        """Search every collection, as `ranked` does."""
        return self.ranked(_asked(text), limit=limit)

    def missing(self, name: str, what: str) -> NotFoundError:
        """Build the error for a *name* found nowhere, as `missing` does."""
        return not_found(what, name, _suggestions(self, name))


# -- the collection ---------------------------------------------------------


class Collection(Sequence[R_co], Generic[R_co]):
    """
    An ordered, immutable sequence of records of one type.

    Supports `len`, iteration, indexing and slicing (a slice is again a
    `Collection`), and `in`. Order is stable: the order of the data, which
    follows the article. Two collections are equal if they hold equal
    records in the same order.

    Every query is answered from an index: the one by id is built when
    the collection is made, each other by the first query that reads it,
    and kept. `get` and `lookup` are dictionary lookups; `filter` reads
    the records of its narrowest criterion (a period's by an index of
    days) and checks only those against the others. `filter`, `where`
    and slicing return collections that share those indexes.

    A collection that belongs to a `Corpus` (such as ``ss.events``) reads
    names in `filter` criteria through the corpus: ``at="Hungary"``. One
    made on its own with ``Collection(records)`` takes criteria strings as
    ids.

    Args:
        records: The records, in the order to keep.

    >>> import secretspeech as ss
    >>> ss.people[0].name
    'Nikita Khrushchev'
    >>> [e.id for e in ss.events.filter(at="Hungary", kind="revolution")]
    ['hungarian-revolution']
    """

    __slots__ = (
        "_base",
        "_in_order",
        "_members",
        "_order",
        "_records",
        "_resolver",
    )

    _base: _Base[R_co]
    # The positions in the base of the records kept, in this collection's
    # order, and as a set; both None when every record is kept in order.
    _order: tuple[int, ...] | None
    _members: frozenset[int] | None
    _in_order: bool
    _records: tuple[R_co, ...]
    _resolver: Names

    def __init__(self, records: Iterable[R_co] = (), /) -> None:
        given: object = records  # callers may pass anything at run time
        if isinstance(given, str | bytes) or not isinstance(given, Iterable):
            raise InvalidTypeError(
                f"Collection takes an iterable of records, got "
                f"{describe(records)}"
            )
        self._records = tuple(records)
        # Each type once; the first record that is none is named.
        if not all(map(_is_record_type, set(map(type, self._records)))):
            for record in self._records:  # pragma: no branch -- one is not
                if not is_record(record):
                    raise InvalidTypeError(
                        f"Collection takes records (Person, Event, …), got "
                        f"{describe(record)}"
                    )
        self._base = _Base(self._records, None)
        self._order = None
        self._members = None
        self._in_order = True
        self._resolver = _NO_RESOLVER

    @classmethod
    def _make(
        cls,
        base: _Base[R_co],
        positions: Sequence[int] | None,
        resolver: Names,
    ) -> Collection[R_co]:
        """Make a collection over *base* keeping *positions* (all if None)."""
        self = cls.__new__(cls)
        self._base = base
        self._resolver = resolver
        if positions is None:
            self._order = self._members = None
            self._in_order = True
            self._records = base.records
        else:
            self._order = tuple(positions)
            self._members = frozenset(self._order)
            self._in_order = all(
                a < b for a, b in itertools.pairwise(self._order)
            )
            self._records = tuple(base.records[p] for p in self._order)
        return self

    def _bind(
        self, resolver: Names, record_type: type[Any]
    ) -> Collection[R_co]:
        """Return this collection reading names through *resolver*."""
        # The corpus has checked that each record is of its collection's
        # type (or a subclass with fields of its own).
        base = self._base
        own = base.record_type
        if own is not None and issubclass(own, record_type):
            # Records of a subclass with fields of its own are filtered by
            # its schema, which declares those fields too.
            record_type = own
        if base.record_type is not record_type or self._members is not None:
            base = _Base(self._records, record_type)
        return type(self)._make(base, None, resolver)

    def _has(self, pos: int) -> bool:
        return self._members is None or pos in self._members

    def _positions(self) -> Sequence[int]:
        """Return the positions in the base of this collection's records."""
        if self._order is None:
            return range(len(self._base.records))
        return self._order

    def _sub(self, positions: AbstractSet[int]) -> Collection[R_co]:
        """Make a sub-collection of some base positions, in this order."""
        if self._in_order:
            kept = sorted(p for p in positions if self._has(p))
        else:
            # Only a slice with a negative step leaves data order.
            kept = [p for p in self._positions() if p in positions]
        return type(self)._make(self._base, kept, self._resolver)

    @overload
    def __getitem__(self, index: int, /) -> R_co: ...
    @overload
    def __getitem__(self, index: slice, /) -> Collection[R_co]: ...
    def __getitem__(self, index: int | slice, /) -> R_co | Collection[R_co]:
        if isinstance(index, slice):
            try:
                kept = list(self._positions())[index]
            except TypeError:
                raise InvalidTypeError(
                    f"a collection is sliced by ints or None, got "
                    f"{brief(index)}"
                ) from None
            except ValueError as e:  # a step of 0
                raise InvalidValueError(
                    f"cannot slice a collection by {brief(index)}: {e}"
                ) from None
            return type(self)._make(self._base, kept, self._resolver)
        if isinstance(index, str):
            # A sequence is indexed by position; say where ids and names go.
            raise InvalidTypeError(
                f"a collection is indexed by position, not by {brief(index)}: "
                f"use .get({brief(index)}) for an id or "
                f".lookup({brief(index)}) for a name"
            )
        try:
            # A bool is not taken for an int, here as for every argument.
            position = (
                None
                if index is True or index is False
                else operator.index(index)
            )
        except TypeError:
            position = None
        if position is None:
            raise InvalidTypeError(
                f"a collection is indexed by an int or a slice, got "
                f"{describe(index)}"
            )
        try:
            return self._records[position]
        except IndexError:
            # As for any sequence, but saying which (a tuple's own message
            # names a tuple the caller never saw).
            raise IndexError(
                f"index {brief(position)} is out of range for a collection of "
                f"{len(self._records)} records"
            ) from None

    def __len__(self) -> int:
        return len(self._records)

    def __iter__(self) -> Iterator[R_co]:
        return iter(self._records)

    def __contains__(self, item: object) -> bool:
        rid = getattr(item, "id", None)
        if not isinstance(rid, str):
            return False
        pos = self._base.by_id.get(rid)
        return (
            pos is not None
            and self._has(pos)
            and self._base.records[pos] == item
        )

    def index(
        self, value: object, start: int | None = 0, stop: int | None = None
    ) -> int:
        """
        Return the first position of *value* from *start* up to *stop*.

        As for a tuple; only the error says more.

        Args:
            value: A record.
            start: The first position to look at; negative counts from
                the end, and `None` is the start.
            stop: The position to stop before; the end if `None`.

        Returns:
            The position of the first record equal to *value*.

        Raises:
            InvalidValueError: If no record there is equal to *value* (a
                `ValueError`, as for any sequence); the message names
                *value* and the positions looked at.
            InvalidTypeError: If *start* or *stop* is not an int or `None`.

        >>> import secretspeech as ss
        >>> ss.people.index(ss.people.lookup("Stalin"))
        1
        """
        size = len(self._records)
        for argument, bound in (("start=", start), ("stop=", stop)):
            # A bool is no position a caller means (the error contract).
            if bound is not None and (
                isinstance(bound, bool)
                or not hasattr(type(bound), "__index__")
            ):
                raise InvalidTypeError(
                    f"{argument} takes an int or None, got {describe(bound)}"
                )
        begin, end, _ = slice(start, stop).indices(size)
        try:
            return self._records.index(value, begin, end)
        except ValueError:
            # The Sequence mixin's ValueError has no message at all.
            where = (
                "this collection"
                if (begin, end) == (0, size)
                else f"this collection from position {begin} up to {end}"
            )
            hint = (
                f"; it holds records: use .get({brief(value)}) for an id or "
                f".lookup({brief(value)}) for a name"
                if isinstance(value, str)
                else ""
            )
            raise InvalidValueError(
                f"index(): {describe(value)} is not in {where}{hint}"
            ) from None

    def __eq__(self, other: object) -> bool:
        if isinstance(other, Collection):
            return self._records == other._records
        return NotImplemented

    def __hash__(self) -> int:
        return hash(self._records)

    def __repr__(self) -> str:
        ids = ", ".join(r.id for r in self._records[:3])
        more = ", …" if len(self._records) > 3 else ""
        return f"<Collection of {len(self)} [{ids}{more}]>"

    def _noun(self, *, plural: bool = False) -> str:
        return noun(self._base.record_type, plural=plural)

    # As dict.get: a default of any type, which the result's type names.
    @overload
    def get(self, key: str, /) -> R_co | None: ...
    @overload
    def get(self, key: str, /, default: D) -> R_co | D: ...
    def get(self, key: str, /, default: D | None = None) -> R_co | D | None:
        """
        Return the record with id *key*, or *default*.

        Args:
            key: A record id.
            default: What to return if no record has that id.

        Returns:
            The record, or *default*.

        Raises:
            InvalidTypeError: If *key* is not a str.

        >>> import secretspeech as ss
        >>> ss.people.get("joseph-stalin").name
        'Joseph Stalin'
        >>> ss.people.get("gorbachev") is None
        True
        """
        if not isinstance(key, str):
            raise InvalidTypeError(
                f"get() takes an id str, got {describe(key)}"
            )
        pos = self._base.by_id.get(key)
        if pos is None or not self._has(pos):
            return default
        return self._base.records[pos]

    def lookup(self, name: str, /) -> R_co:
        """
        Return the record with this id, name or alias.

        An exact id wins. Otherwise names are compared after normalisation:
        case, accents, surrounding whitespace and punctuation, curly or
        straight apostrophes, a possessive ``’s``, hyphens against spaces
        and invisible soft hyphens make no difference. Quotations are also
        found by their text or any segment of it, and statistics by their
        quantity as written (``"as many as 29 million"``). If several
        records share a name, the first in data order is returned.

        Args:
            name: An id, name or alias.

        Returns:
            The record.

        Raises:
            NotFoundError: If nothing matches; the message quotes *name*
                and suggests up to three names: among the names that
                hold a word close to one of *name*'s (the same word, its
                start or a misspelling, as `Collection.search` reads
                words, or a word of three letters or more that begins one
                of *name*'s), those most alike *name* as a whole (difflib
                similarity of at least 0.6), closest first; failing those,
                the names of the records `Collection.search` ranks first.
            InvalidTypeError: If *name* is not a str.

        >>> import secretspeech as ss
        >>> ss.people.lookup(" nikita KHRUSHCHEV’s ").id
        'nikita-khrushchev'
        >>> ss.people.lookup("Kruschev")
        Traceback (most recent call last):
        ...
        secretspeech.exceptions.NotFoundError: no person has the id, name or alias 'Kruschev'; did you mean 'Khrushchev' or 'Nikita Khrushchev'?
        """  # noqa: E501 -- a doctest's output is one line
        if not isinstance(name, str):
            raise InvalidTypeError(
                f"lookup() takes a name str, got {describe(name)}"
            )
        found = find([self], name)
        if found is None:
            raise missing([self], name, self._noun())
        return found  # type: ignore[return-value]

    def _by_id(self, rid: str) -> R_co | None:
        pos = self._base.by_id.get(rid)
        if pos is not None and self._has(pos):
            return self._base.records[pos]
        return None

    def _by_key(self, key: str) -> R_co | None:
        for pos in self._base.by_key.get(key, ()):
            if self._has(pos):
                return self._base.records[pos]
        return None

    def _names(self, asked: _Asked) -> dict[str, str]:
        """Return the names of this collection a miss of *asked* may mean."""
        base = self._base
        found = {}
        for k in base.text.near_keys(asked):
            key = base.text.keys[k]
            if any(self._has(p) for p in base.by_key[key]):
                found[key] = base.names[key]
        return found

    def _scores(self, asked: _Asked) -> dict[int, float]:
        base = self._base
        scores = base.text.scores(asked)
        for pos in base.by_key.get(asked.key, ()):
            scores[pos] = _EXACT_SCORE
        members = self._members
        if members is None:
            return scores
        return {pos: s for pos, s in scores.items() if pos in members}

    def search(
        self, text: str, /, *, limit: int | None = None
    ) -> tuple[R_co, ...]:
        """
        Rank the records by how well they match *text*, best first.

        Names, aliases, ids, quotation text, quantities, descriptions and
        summaries are searched, normalised as in `lookup`. A record matches
        if a word of *text* (leaving out words such as "the" and "of" when
        there are others; each word once, and only the first 32 different
        words) matches one of its words exactly, as the start of
        the word, or misspelt (difflib similarity of at least 0.8:
        "Kruschev" finds "Khrushchev"). A record named exactly *text* ranks
        first; then records that hold every one of those words exactly,
        anywhere (a search for "Stalin" puts them before "Stalinists");
        then the others. Within each, records that match more of the
        words, closer, in their names rather than their descriptions, and
        in shorter names rank higher; ties go to data order.

        Args:
            text: The words to look for.
            limit: The most results to return; all if `None`.

        Returns:
            The matching records, best first; empty if none match.

        Raises:
            InvalidTypeError: If *text* is not a str or *limit* is not an
                int or `None`.
            InvalidValueError: If *limit* is negative.

        >>> import secretspeech as ss
        >>> [p.id for p in ss.people.search("Kruschev")]
        ['nikita-khrushchev', 'leonid-brezhnev']
        >>> [e.id for e in ss.events.search("the secret speach", limit=1)]
        ['secret-speech']
        """
        check_count(limit, "limit=", optional=True)
        return ranked([self], text, limit=limit)  # type: ignore[return-value]

    # One overload per record type, so that type checkers know the criteria.
    @overload
    def filter(
        self: Collection[Person],
        *,
        role: OneOrMany[PersonRole | str] = ...,
        named: bool = ...,
    ) -> Collection[Person]: ...
    @overload
    def filter(
        self: Collection[Group],
        *,
        kind: OneOrMany[GroupKind | str] = ...,
        member: OneOrMany[Person | str] = ...,
    ) -> Collection[Group]: ...
    @overload
    def filter(
        self: Collection[Place],
        *,
        kind: OneOrMany[PlaceKind | str] = ...,
        within: OneOrMany[Place | str] = ...,
    ) -> Collection[Place]: ...
    @overload
    def filter(
        self: Collection[Event],
        *,
        during: Period = ...,
        strict: bool = ...,
        involving: OneOrMany[Person | Group | Place | str] = ...,
        at: OneOrMany[Place | str] = ...,
        about: OneOrMany[Record | str] = ...,
        kind: OneOrMany[EventKind | str] = ...,
    ) -> Collection[Event]: ...
    @overload
    def filter(
        self: Collection[Quotation],
        *,
        by: OneOrMany[Person | str] = ...,
        to: OneOrMany[Person | Group | str] = ...,
        about: OneOrMany[Record | str] = ...,
        during: Period = ...,
        strict: bool = ...,
        at: OneOrMany[Event | str] = ...,
        kind: OneOrMany[QuotationKind | str] = ...,
    ) -> Collection[Quotation]: ...
    @overload
    def filter(
        self: Collection[Statistic],
        *,
        counting: OneOrMany[str] = ...,
        during: Period = ...,
        strict: bool = ...,
        at: OneOrMany[Place | str] = ...,
        about: OneOrMany[Record | str] = ...,
        kind: OneOrMany[QuantityKind | str] = ...,
    ) -> Collection[Statistic]: ...
    @overload
    def filter(
        self: Collection[Claim],
        *,
        stance: OneOrMany[Stance | str] = ...,
        by: OneOrMany[Person | Group | str] = ...,
        within: OneOrMany[Claim | str] = ...,
        about: OneOrMany[Record | str] = ...,
    ) -> Collection[Claim]: ...
    @overload
    def filter(
        self: Collection[Relation],
        *,
        kind: OneOrMany[RelationKind | str] = ...,
        source: OneOrMany[Record | str] = ...,
        target: OneOrMany[Record | str] = ...,
        involving: OneOrMany[Record | str] = ...,
    ) -> Collection[Relation]: ...
    @overload
    def filter(
        self: Collection[Note],
        *,
        verdict: OneOrMany[Verdict | str] = ...,
        about: OneOrMany[Record | str] = ...,
    ) -> Collection[Note]: ...
    def filter(  # noqa: C901 -- one check per rule
        self: Collection[Any], **criteria: object
    ) -> Collection[Any]:
        """
        Keep the records that meet every criterion.

        Each criterion that refers to records takes a record, its id or
        its name (looked up as in `lookup`), or a list, tuple, set or
        `Collection` of them, meaning any of them (the signatures write
        this ``X | Sequence[X] | Set[X]``; type checkers name it
        ``OneOrMany[X]``).  ``kind=`` and ``role=``
        take the enum member or its value, in any case. ``during=`` takes a
        period (an `int` year, an EDTF string such as ``"1956-02"``,
        ``"1950/1959"`` or ``"195X"``, a `datetime.date` or a
        `HistoricalDate`) and keeps the records whose date overlaps it;
        with ``strict=True``, only those whose date lies entirely inside
        it. Records with no date never match ``during=``.

        The criteria of each type:

        - people: ``role=`` (`PersonRole`), ``named=`` (`bool`);
        - groups: ``kind=`` (`GroupKind`), ``member=`` (a person);
        - places: ``kind=`` (`PlaceKind`), ``within=`` (a place);
        - events: ``during=``, ``strict=``, ``involving=`` (a person,
          group or place taking part or where it happened), ``at=`` (a
          place), ``about=`` (any record the event is about),
          ``kind=`` (`EventKind`);
        - quotations: ``by=`` (the speaker, a person), ``to=`` (a person or
          group spoken to), ``about=`` (any record), ``during=``,
          ``strict=``, ``at=`` (the event the words were said at),
          ``kind=`` (`QuotationKind`);
        - statistics: ``counting=`` (what is counted, as in
          `Statistic.counting`, normalised, singular or plural), ``during=``,
          ``strict=``, ``at=`` (a place), ``about=`` (any record),
          ``kind=`` (the `QuantityKind` of its hedge);
        - claims: ``stance=`` (`Stance`), ``by=`` (the person or group a
          report reports), ``within=`` (the claim it is a step of or
          reported in), ``about=`` (any record);
        - relations: ``kind=`` (`RelationKind`), ``source=``, ``target=``,
          ``involving=`` (source or target; any record);
        - notes: ``verdict=`` (`Verdict`), ``about=`` (any record).

        ``at=`` means the place (or event) itself: places within it are not
        included; ``within=`` means the claim itself, not its parent's
        parent.

        Args:
            criteria: The criteria; all of them must hold.

        Returns:
            A collection of the same kind, in the same order, so calls
            chain: ``filter(a=x).filter(b=y) == filter(a=x, b=y)``.

        Raises:
            InvalidTypeError: If a criterion is unknown for this type of
                record or a value has the wrong type.
            InvalidValueError: If a value is of the right type but not
                allowed, such as ``kind="picnic"`` or ``counting=""`` (no
                words to match).
            NotFoundError: If a name matches no record.

        >>> import secretspeech as ss
        >>> [s.id for s in ss.statistics.filter(counting="death", during=1946)]
        ['famine-dead']
        >>> [s.quantity.text for s in ss.statistics.filter(kind="at most")]
        ['as many as 29 million', 'up to six million']
        >>> [q.id for q in ss.quotations.filter(by="Stalin")]
        ['blind-kittens']
        >>> ss.events.filter(kind="picnic")  # doctest: +ELLIPSIS
        Traceback (most recent call last):
        ...
        secretspeech.exceptions.InvalidValueError: kind='picnic' is not an EventKind; choose from 'revolution', 'speech', ...
        """  # noqa: E501 -- a doctest's output is one line
        spec = _spec(self._base.record_type)
        if not spec and self._records:
            raise InvalidTypeError(
                "filter() needs a collection of one type of record; use "
                "where() on a mixed collection"
            )
        for name in criteria:
            if name not in spec and (spec or name not in _ALL_CRITERIA):
                takes = ", ".join(
                    f"{n}=" for n in sorted(spec or _ALL_CRITERIA)
                )
                raise InvalidTypeError(
                    f"filter() got an unknown criterion {name}= for "
                    f"{self._noun(plural=True)}; it takes {takes}"
                )
        if not spec:
            return self
        strict = False
        when: HistoricalDate | None = None
        postings: list[list[tuple[int, ...]]] = []
        for name, value in criteria.items():
            criterion = spec[name]
            argument = f"{name}="
            if value is None:
                raise InvalidTypeError(
                    f"{argument} takes a value, got None; leave the "
                    "criterion out to keep every record"
                )
            wanted = list(criterion.wanted(value, argument, self._resolver))
            if criterion is _STRICT:
                strict = bool(wanted[0])
            elif criterion is _DURING:
                when = wanted[0]  # type: ignore[assignment]
            else:
                index = self._base.indexes[name]
                postings.append([index.get(key, ()) for key in wanted])
        if strict and when is None:
            raise InvalidTypeError("strict=True needs a during= period")
        if not postings and when is None:
            return self
        return self._sub(self._meeting(postings, when, strict=strict))

    def _meeting(
        self,
        postings: list[list[tuple[int, ...]]],
        when: HistoricalDate | None,
        *,
        strict: bool,
    ) -> set[int]:
        """Return the base positions that meet every criterion of `filter`."""
        if when is not None and not postings and self._order is None:
            # The commonest query, and often a small one: straight to the
            # index.
            dates = self._base.dates
            find = dates.within if strict else dates.overlapping
            return set(find(when.earliest, when.latest))
        query = _Query(self._base, self._order, postings, when, strict=strict)
        return query.run()

    def where(
        self, predicate: Callable[[R_co], object], /
    ) -> Collection[R_co]:
        """
        Keep the records for which *predicate* is true.

        Args:
            predicate: Any callable taking a record; its result is read as
                a truth value.

        Returns:
            A collection of the same kind, in the same order.

        Raises:
            InvalidTypeError: If *predicate* is not callable.

        >>> import secretspeech as ss
        >>> [p.id for p in ss.people.where(lambda p: not p.named)]
        ['the-tsar', 'one-novelist', 'russian-agent']
        """
        if not callable(predicate):
            raise InvalidTypeError(
                f"where() takes a callable, got {describe(predicate)}"
            )
        base = self._base
        return type(self)._make(
            base,
            [p for p in self._positions() if predicate(base.records[p])],
            self._resolver,
        )
