"""
Ordered, immutable collections of records and the indexes behind them.

A `Collection` is a sequence in a documented, stable order (the order of
the records in the data, which follows the article) with query verbs on
top. Every index is built once, when the collection is made; a collection
made by `Collection.filter`, `Collection.where` or slicing shares the
indexes of the one it came from and only notes which records it keeps.
"""

from __future__ import annotations

import abc
import datetime
import enum
import itertools
import math
import operator
import os
from collections.abc import Callable, Iterator, Mapping, Sequence
from collections.abc import Set as AbstractSet
from typing import TYPE_CHECKING, Any, Generic, TypeAlias, TypeVar, overload

import attrs

from secretspeech._dates import HistoricalDate
from secretspeech._model import (
    COLLECTIONS,
    REFERENCES,
    Article,
    Event,
    EventKind,
    Group,
    GroupKind,
    Note,
    NoteKind,
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
    Statistic,
)
from secretspeech._text import (
    STOP_WORDS,
    close_words,
    normalize,
    singular,
    suggest,
    with_article,
    words,
)
from secretspeech.exceptions import (
    InvalidCorpusError,
    InvalidDateError,
    InvalidQueryError,
    InvalidValueError,
    NotFoundError,
    SecretSpeechError,
)


if TYPE_CHECKING:
    from collections.abc import Iterable


__all__ = [
    "COLLECTIONS",
    "ID_FIELDS",
    "Collection",
    "OneOrMany",
    "Period",
]

R = TypeVar("R", bound=Record)
_T = TypeVar("_T")

#: What `Collection.filter` and `Corpus.timeline` take as a period: an
#: `int` year, an EDTF string, a `datetime.date` or a `HistoricalDate`.
Period: TypeAlias = int | str | datetime.date | HistoricalDate
#: One value, or several meaning "any of them".
OneOrMany: TypeAlias = _T | Sequence[_T] | AbstractSet[_T]

_ANY = tuple(name for name, _ in COLLECTIONS)
_ENTITIES = ("people", "groups", "places")
_TYPE_OF = dict(COLLECTIONS)

#: The fields that hold ids, per record type: those of `REFERENCES`, and
#: ``relative_to`` for the types with dates, which stands for the records
#: their dates (``date`` and ``also_dated``) were resolved against.
ID_FIELDS: dict[type[Any], tuple[str, ...]] = {
    cls: tuple(fields)
    + (("relative_to",) if "date" in attrs.fields_dict(cls) else ())
    for cls, fields in REFERENCES.items()
}

_NOUNS: dict[type[Any], tuple[str, str]] = {
    Person: ("person", "people"),
    Group: ("group", "groups"),
    Place: ("place", "places"),
    Event: ("event", "events"),
    Quotation: ("quotation", "quotations"),
    Statistic: ("statistic", "statistics"),
    Relation: ("relation", "relations"),
    Note: ("note", "notes"),
}

# How much a match in a description or summary counts against one in a
# name.
_TEXT_WEIGHT = 0.6
# Above every other score, so an exact name ranks first.
_EXACT_SCORE = 2.0


def noun(record_type: type[Any] | None, *, plural: bool = False) -> str:
    """
    Name a record type in messages: ``"person"``, ``"events"``.

    >>> from secretspeech import Person
    >>> from secretspeech._catalog import noun
    >>> noun(Person), noun(Person, plural=True), noun(None)
    ('person', 'people', 'record')
    """
    names = ("record", "records")
    if record_type is not None and record_type in _NOUNS:
        names = _NOUNS[record_type]
    return names[plural]


def _spec(record_type: type[Any] | None) -> dict[str, _Criterion]:
    """Return the `Collection.filter` criteria of a record type."""
    if record_type is not None and record_type in _CRITERIA:
        return _CRITERIA[record_type]
    return {}


def _nouns(among: tuple[str, ...]) -> str:
    """Name the record types of some collections: "person or group"."""
    if among == _ANY:
        return "record"
    names = [noun(_TYPE_OF[name]) for name in among]
    if len(names) == 1:
        return names[0]
    return f"{', '.join(names[:-1])} or {names[-1]}"


def describe(value: object) -> str:
    """
    Show a value in an error message, briefly.

    Records show as their type and id, not their long repr.

    >>> import secretspeech as ss
    >>> from secretspeech._catalog import describe
    >>> describe(ss.people[0]), describe(3)
    ("the Person 'nikita-khrushchev'", '3 (int)')
    """
    rid = getattr(value, "id", None)
    if type(value) in _NOUNS and isinstance(rid, str):
        return f"the {type(value).__name__} {rid!r}"
    text = repr(value)
    if len(text) > 60:
        text = text[:57] + "..."
    return f"{text} ({type(value).__name__})"


def names_of(record: Record) -> tuple[str, ...]:
    """
    Return the strings `Collection.lookup` finds *record* by.

    People, groups, places and events: the id, the name and each alias.
    Quotations: the id, the full text and each segment. Statistics: the id
    and the quantity as written. Relations and notes: the id.

    >>> import secretspeech as ss
    >>> from secretspeech._catalog import names_of
    >>> names_of(ss.people.get("vladimir-lenin"))
    ('vladimir-lenin', 'Vladimir Lenin', 'Lenin')
    """
    if isinstance(record, Person | Group | Place | Event):
        return (record.id, record.name, *record.aliases)
    if isinstance(record, Quotation):
        return (record.id, record.text, *(s.exact for s in record.segments))
    if isinstance(record, Statistic):
        return (record.id, record.quantity.text)
    return (record.id,)


def title_of(record: Record) -> str:
    """
    Return the string that names *record* best in a message.

    >>> import secretspeech as ss
    >>> from secretspeech._catalog import title_of
    >>> title_of(ss.statistics.get("war-dead"))
    'as many as 29 million'
    """
    names = names_of(record)
    return names[1] if len(names) > 1 else names[0]


def _texts_of(record: Record) -> tuple[str, ...]:
    """Return the longer texts that `Collection.search` also reads."""
    if isinstance(record, Person | Group | Place):
        return (record.description,)
    if isinstance(record, Event):
        return (record.summary,)
    if isinstance(record, Statistic):
        return (record.description, record.counting)
    if isinstance(record, Relation):
        return (str(record),)
    if isinstance(record, Note):
        return (record.text,)
    return ()


def ids_in(record: Record, field: str) -> tuple[str, ...]:
    """
    Return the ids one field of *record* holds, as a tuple.

    >>> import secretspeech as ss
    >>> from secretspeech._catalog import ids_in
    >>> ids_in(ss.quotations.get("muck"), "speaker")
    ('leonid-brezhnev',)
    >>> ids_in(ss.events.get("swing-back-1963"), "relative_to")
    ('attack-on-stalin-1961',)
    """
    if field == "relative_to":
        also: tuple[HistoricalDate, ...] = getattr(record, "also_dated", ())
        dates = (getattr(record, "date", None), *also)
        return tuple(
            dict.fromkeys(
                d.relative_to
                for d in dates
                if d is not None and d.relative_to is not None
            )
        )
    value = getattr(record, field)
    if value is None:
        return ()
    if isinstance(value, str):
        return (value,)
    return tuple(value)


def _many(value: object) -> tuple[object, ...]:
    """Turn a criterion value into the values it stands for ("any of")."""
    if isinstance(value, str | enum.Enum) or not isinstance(
        value, Sequence | AbstractSet
    ):
        return (value,)
    return tuple(value)


def not_found(
    what: str,
    value: str,
    names: Mapping[str, str],
    hints: Iterable[str],
    *,
    argument: str | None = None,
) -> NotFoundError:
    """Build the error for a name that matches nothing, with suggestions."""
    if not value.strip():
        return NotFoundError(
            f"{argument or ''}{value!r}: a blank name matches no {what}; "
            "give an id or a name (search() ranks records by any words)"
        )
    close = suggest(value, names) or tuple(dict.fromkeys(hints))[:3]
    if argument is None:
        message = f"no {what} has the id, name or alias {value!r}"
    else:
        message = f"{argument}{value!r}: no {what} has this id, name or alias"
    if close:
        quoted = [repr(c) for c in close]
        tail = quoted[-1]
        if len(quoted) > 1:
            tail = f"{', '.join(quoted[:-1])} or {tail}"
        message += f"; did you mean {tail}?"
    else:
        message += "; no name is close"
    return NotFoundError(message)


def period(value: object, argument: str) -> HistoricalDate:
    """
    Read a period argument with `HistoricalDate.coerce`, naming *argument*.

    Raises:
        InvalidQueryError: If *value* has a type that is not a period.
        InvalidDateError: If it cannot be read as a date.

    >>> from secretspeech._catalog import period
    >>> period(1956, "during=").edtf
    '1956'
    >>> period(1.5, "during=")  # doctest: +ELLIPSIS
    Traceback (most recent call last):
    ...
    secretspeech.exceptions.InvalidQueryError: during=: a period must be ...
    """
    try:
        return HistoricalDate.coerce(value)
    except InvalidDateError as e:
        raise InvalidDateError(f"{argument}: {e}") from None
    except InvalidQueryError as e:
        raise InvalidQueryError(f"{argument}: {e}") from None


def check_flag(value: object, argument: str) -> bool:
    """
    Check that *value* is a `bool`.

    Raises:
        InvalidQueryError: If it is anything else, even ``0`` or ``1``.
    """
    if not isinstance(value, bool):
        raise InvalidQueryError(
            f"{argument} takes True or False, got {describe(value)}"
        )
    return value


def check_paths(function: str, **paths: object) -> None:
    """
    Check that every one of *paths* is a `str` or an `os.PathLike`.

    Raises:
        InvalidQueryError: If one is anything else; the message names it.
    """
    for argument, value in paths.items():
        if not isinstance(value, str | os.PathLike):
            raise InvalidQueryError(
                f"{function}() takes a path for {argument}, got "
                f"{describe(value)}"
            )


def check_count(
    value: object, argument: str, *, least: int = 0, optional: bool = False
) -> int | None:
    """
    Check that *value* is an `int` of at least *least* (or `None`).

    Raises:
        InvalidQueryError: If it is not an `int` (a `bool` is not one here).
        InvalidValueError: If it is less than *least*.
    """
    if value is None and optional:
        return None
    if not isinstance(value, int) or isinstance(value, bool):
        expected = "an int or None" if optional else "an int"
        raise InvalidQueryError(
            f"{argument} takes {expected}, got {describe(value)}"
        )
    if value < least:
        raise InvalidValueError(
            f"{argument} must be at least {least}, got {value!r}"
        )
    return value


# -- criteria ---------------------------------------------------------------


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
        self, value: object, argument: str, resolver: Resolver
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
        self, value: object, argument: str, resolver: Resolver
    ) -> Iterable[object]:
        return [resolver.id(v, self.among, argument) for v in _many(value)]


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
        self, value: object, argument: str, _resolver: Resolver
    ) -> Iterable[object]:
        return [self.member(v, argument) for v in _many(value)]

    def member(self, value: object, argument: str) -> enum.StrEnum:
        """Find the member of *kinds* that *value* names."""
        if isinstance(value, self.kinds):
            return value
        if isinstance(value, enum.Enum) or not isinstance(value, str):
            raise InvalidQueryError(
                f"{argument} takes {with_article(self.kinds.__name__)} or "
                f"its value as a str, got {describe(value)}"
            )
        # The vocabularies read names, values and their spellings with
        # hyphens or underscores, and list the choices when they refuse.
        try:
            return self.kinds(value)
        except ValueError as e:
            raise InvalidValueError(f"{argument}{e}") from None


class _Counting(_Criterion):
    """Statistics counting one of the given things, singular or plural."""

    def keys(self, record: Record) -> Iterable[object]:
        return (singular(normalize(getattr(record, "counting", ""))),)

    def wanted(
        self, value: object, argument: str, _resolver: Resolver
    ) -> Iterable[object]:
        found = []
        for v in _many(value):
            if not isinstance(v, str):
                raise InvalidQueryError(
                    f"{argument} takes a str such as 'deaths', got "
                    f"{describe(v)}"
                )
            found.append(singular(normalize(v)))
        return found


class _Flag(_Criterion):
    """Records whose boolean *field* has the given value."""

    def __init__(self, field: str) -> None:
        self.field = field

    def keys(self, record: Record) -> Iterable[object]:
        return (getattr(record, self.field),)

    def wanted(
        self, value: object, argument: str, _resolver: Resolver
    ) -> Iterable[object]:
        return (check_flag(value, argument),)


class _During(_Criterion):
    """
    Dated records whose date overlaps (or, strictly, lies in) a period.

    It needs no index of its own: `Collection.filter` scans the dated
    records (``_Base.dates``) that the other criteria leave.
    """

    def keys(self, _record: Record) -> Iterable[object]:
        return ()

    def wanted(
        self, value: object, argument: str, _resolver: Resolver
    ) -> Iterable[object]:
        return (period(value, argument),)


class _Strict(_Criterion):
    """The modifier of ``during=``; it selects nothing itself."""

    def keys(self, _record: Record) -> Iterable[object]:
        return ()

    def wanted(
        self, value: object, argument: str, _resolver: Resolver
    ) -> Iterable[object]:
        return (check_flag(value, argument),)


_DURING = _During()
_STRICT = _Strict()

_CRITERIA: dict[type[Any], dict[str, _Criterion]] = {
    Person: {"role": _Kind("roles", PersonRole), "named": _Flag("named")},
    Group: {
        "kind": _Kind("kind", GroupKind),
        "member": _Refs(("members",), ("people",)),
    },
    Place: {
        "kind": _Kind("kind", PlaceKind),
        "within": _Refs(("within",), ("places",)),
    },
    Event: {
        "during": _DURING,
        "strict": _STRICT,
        "involving": _Refs(("participants", "groups", "places"), _ENTITIES),
        "at": _Refs(("places",), ("places",)),
        "kind": _Kind("kind", EventKind),
    },
    Quotation: {
        "by": _Refs(("speaker",), ("people",)),
        "to": _Refs(("addressees",), ("people", "groups")),
        "about": _Refs(("subjects",), _ANY),
        "during": _DURING,
        "strict": _STRICT,
        "kind": _Kind("kind", QuotationKind),
    },
    Statistic: {
        "counting": _Counting(),
        "during": _DURING,
        "strict": _STRICT,
        "at": _Refs(("places",), ("places",)),
        "about": _Refs(("about",), _ANY),
        "kind": _Kind("quantity.kind", QuantityKind),
    },
    Relation: {
        "kind": _Kind("kind", RelationKind),
        "source": _Refs(("source",), _ANY),
        "target": _Refs(("target",), _ANY),
        "involving": _Refs(("source", "target"), _ANY),
    },
    Note: {
        "kind": _Kind("kind", NoteKind),
        "about": _Refs(("about",), _ANY),
    },
}
_ALL_CRITERIA = frozenset(name for spec in _CRITERIA.values() for name in spec)


# -- indexes ----------------------------------------------------------------


class _Base(Generic[R]):
    """
    The records of a collection and every index over them, built at once.

    Sub-collections share the base of the collection they came from.
    """

    __slots__ = (
        "by_id",
        "by_key",
        "dates",
        "fields",
        "indexes",
        "names",
        "record_type",
        "records",
        "vocabulary",
    )

    def __init__(
        self, records: tuple[R, ...], record_type: type[Any] | None
    ) -> None:
        self.records = records
        types = {type(r) for r in records}
        if record_type is None and len(types) == 1:
            record_type = types.pop()
        self.record_type = record_type
        self.by_id: dict[str, int] = {}
        keys: dict[str, list[int]] = {}
        self.names: dict[str, str] = {}
        for pos, record in enumerate(records):
            self.by_id.setdefault(record.id, pos)
            given = names_of(record)
            # The id last, so that suggestions show names rather than ids.
            for name in (*given[1:], given[0]):
                key = normalize(name)
                if key and pos not in keys.setdefault(key, []):
                    keys[key].append(pos)
                    self.names.setdefault(key, name)
        self.by_key = {k: tuple(v) for k, v in keys.items()}
        # An id weighs like a description: for most records it repeats the
        # name, and a relation's id only strings other ids together.
        self.fields = tuple(
            tuple(
                (weight, ws)
                for weight, ws in (
                    (_TEXT_WEIGHT, words(record.id)),
                    *((1.0, words(name)) for name in names_of(record)[1:]),
                    *((_TEXT_WEIGHT, words(t)) for t in _texts_of(record)),
                )
                if ws
            )
            for record in records
        )
        vocabulary: dict[str, dict[int, None]] = {}
        for pos, fields in enumerate(self.fields):
            for _, ws in fields:
                for w in ws:
                    vocabulary.setdefault(w, {})[pos] = None
        self.vocabulary = {w: tuple(ps) for w, ps in vocabulary.items()}
        spec = _spec(record_type)
        self.indexes = {
            name: criterion.index(records) for name, criterion in spec.items()
        }
        self.dates: dict[int, HistoricalDate] = {}
        for pos, record in enumerate(records):
            date = getattr(record, "date", None)
            if date is not None:
                self.dates[pos] = date

    def scores(self, text: str) -> dict[int, float]:
        """Score every record that matches some word of the search *text*."""
        query = words(text)
        content = [w for w in query if w not in STOP_WORDS] or list(query)
        if not content:
            return {}
        matches = [close_words(w, self.vocabulary) for w in content]
        candidates = {
            p for m in matches for w in m for p in self.vocabulary[w]
        }
        scores = {pos: self._score(pos, matches) for pos in candidates}
        for pos in self.by_key.get(normalize(text), ()):
            scores[pos] = _EXACT_SCORE
        return scores

    def _score(self, pos: int, matches: list[dict[str, float]]) -> float:
        """
        Score record *pos* against the close *matches* of each query word.

        A field scores its weight times the mean similarity of the query
        words to its words (a missing word counts 0), scaled from 1/2 to 1
        by the share of its own words that match: a name that is all query
        beats a long one that merely holds it. The record scores its best
        field, scaled from 1/2 to 1 by how fully the whole record matches
        the query, so records that hold every word rank higher.
        """
        best = 0.0
        anywhere = [0.0] * len(matches)
        for weight, ws in self.fields[pos]:
            sims = [
                max((m.get(w, 0.0) for w in ws), default=0.0) for m in matches
            ]
            anywhere = [max(a, b) for a, b in zip(anywhere, sims, strict=True)]
            content = [w for w in ws if w not in STOP_WORDS] or list(ws)
            covered = sum(any(w in m for m in matches) for w in content)
            coverage = covered / len(content)
            mean = math.fsum(sims) / len(sims)
            best = max(best, weight * mean * (1 + coverage) / 2)
        fullness = math.fsum(anywhere) / len(anywhere)
        return best * (1 + fullness) / 2


def base_of(collection: Collection[R]) -> _Base[R]:
    """Return the indexes behind *collection*, shared with its relatives."""
    return collection._base  # noqa: SLF001 -- the catalog's own state


def scores_in(collection: Collection[Any], text: str) -> dict[int, float]:
    """Score the records of *collection* against *text*, by base position."""
    return collection._scores(text)  # noqa: SLF001 -- the catalog's own state


def bind(
    collection: Collection[R], resolver: Resolver, record_type: type[Any]
) -> Collection[R]:
    """Return *collection* reading names through a corpus's *resolver*."""
    return collection._bind(resolver, record_type)  # noqa: SLF001 -- as above


class Resolver:
    """
    Turn what users pass for a record (a record, an id, a name) into ids.

    A collection that belongs to a `Corpus` resolves names through the
    corpus's collections; a collection made on its own takes strings as ids.
    """

    __slots__ = ("collections", "owner")

    def __init__(self, collections: Mapping[str, Collection[Any]]) -> None:
        self.collections = dict(collections)
        self.owner = {
            rid: name
            for name, collection in self.collections.items()
            for rid in base_of(collection).by_id
        }

    def id(self, value: object, among: tuple[str, ...], argument: str) -> str:
        """
        Return the id of the record *value* stands for.

        Where any record will do, the `Article` (or ``"article"``) stands
        for itself: notes may be about the article.
        """
        if among == _ANY and (
            value == "article" or isinstance(value, Article)
        ):
            return "article"
        if isinstance(value, str) and not self.collections:
            return value
        return self.record(value, among, argument).id

    def record(
        self, value: object, among: tuple[str, ...], argument: str
    ) -> Record:
        """
        Return the record *value* stands for, among some collections.

        Raises:
            InvalidQueryError: If *value* is neither a str nor a record of
                a type those collections hold.
            InvalidValueError: If it is the id of a record of another type.
            NotFoundError: If no record there has that id, name or alias.
        """
        types = tuple(_TYPE_OF[name] for name in among)
        if isinstance(value, types):
            return self.own(value, argument)
        if not isinstance(value, str):
            raise InvalidQueryError(
                f"{argument} takes {with_article(_nouns(among))} or its id "
                f"or name, got {describe(value)}"
            )
        bases = [base_of(self.collections[name]) for name in among]
        for base in bases:
            pos = base.by_id.get(value)
            if pos is not None:
                return base.records[pos]  # type: ignore[no-any-return]
        key = normalize(value)
        for base in bases:
            found = base.by_key.get(key)
            if found:
                return base.records[found[0]]  # type: ignore[no-any-return]
        raise self.miss(value, key, among, argument)

    def own(self, record: Record, argument: str) -> Record:
        """
        Return *record* if these collections hold it, else raise.

        A record of another corpus may share an id with one of these; answering
        for it would quietly answer for a different record.

        Raises:
            InvalidValueError: If no record here is equal to *record*.
        """
        if not self.collections:
            return record
        name = self.owner.get(record.id)
        if name is not None:
            base = base_of(self.collections[name])
            held = base.records[base.by_id[record.id]]
            if held is record or held == record:
                return held  # type: ignore[no-any-return]
        raise InvalidValueError(
            f"{argument}{type(record).__name__}(id={record.id!r}) is not a "
            "record of this corpus (it may come from another one); pass its "
            "id to use this corpus's record of that id"
        )

    def miss(
        self, value: str, key: str, among: tuple[str, ...], argument: str
    ) -> SecretSpeechError:
        """Build the error for a *value* that names nothing in *among*."""
        owner = self.owner.get(value.strip())
        if owner is not None:
            return InvalidValueError(
                f"{argument}{value!r} is the id of "
                f"{with_article(noun(_TYPE_OF[owner]))}, but {argument} takes "
                f"{with_article(_nouns(among))}"
            )
        elsewhere = self.named_elsewhere(key, among)
        if elsewhere is not None:
            # Suggesting near names of the wrong type would mislead: say
            # what the name is instead.
            return NotFoundError(
                f"{argument}{value!r}: no {_nouns(among)} has this id, name "
                f"or alias; it names {with_article(noun(type(elsewhere)))} "
                f"({elsewhere.id!r}), but {argument} takes "
                f"{with_article(_nouns(among))}"
            )
        names: dict[str, str] = {}
        for base in (base_of(self.collections[name]) for name in among):
            for k, v in base.names.items():
                names.setdefault(k, v)
        hints = [
            title_of(r)
            for r in ranked(
                [self.collections[name] for name in among], value, limit=3
            )
        ]
        return not_found(_nouns(among), value, names, hints, argument=argument)

    def named_elsewhere(
        self, key: str, among: tuple[str, ...]
    ) -> Record | None:
        """Return a record outside *among* with the normalised name *key*."""
        for name, collection in self.collections.items():
            if name not in among:
                found = base_of(collection).by_key.get(key)
                if found:
                    return base_of(collection).records[found[0]]  # type: ignore[no-any-return]
        return None


_NO_RESOLVER = Resolver({})


def ranked(
    collections: Sequence[Collection[Any]], text: str, *, limit: int | None
) -> tuple[Record, ...]:
    """Search several collections; rank by score, then by collection."""
    scored = [
        (-score, rank, pos, base_of(collection).records[pos])
        for rank, collection in enumerate(collections)
        for pos, score in scores_in(collection, text).items()
    ]
    scored.sort(key=lambda item: item[:3])
    return tuple(item[3] for item in scored[:limit])


# -- the collection ---------------------------------------------------------


class Collection(Sequence[R], Generic[R]):
    """
    An ordered, immutable sequence of records of one type.

    Supports `len`, iteration, indexing and slicing (a slice is again a
    `Collection`), and `in`. Order is stable: the order of the data, which
    follows the article. Two collections are equal if they hold equal
    records in the same order.

    Every query is answered from indexes built when the collection is
    made: `get` and `lookup` are dictionary lookups, `filter` on anything
    but a period costs in proportion to what it finds. `filter`, `where`
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

    _base: _Base[R]
    # The positions in the base of the records kept, in this collection's
    # order, and as a set; both None when every record is kept in order.
    _order: tuple[int, ...] | None
    _members: frozenset[int] | None
    _in_order: bool
    _records: tuple[R, ...]
    _resolver: Resolver

    def __init__(self, records: Iterable[R] = (), /) -> None:
        self._records = tuple(records)
        self._base = _Base(self._records, None)
        self._order = None
        self._members = None
        self._in_order = True
        self._resolver = _NO_RESOLVER

    @classmethod
    def _make(
        cls,
        base: _Base[R],
        positions: Sequence[int] | None,
        resolver: Resolver,
    ) -> Collection[R]:
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
        self, resolver: Resolver, record_type: type[Any]
    ) -> Collection[R]:
        """Return this collection reading names through *resolver*."""
        wrong = [r for r in self._records if not isinstance(r, record_type)]
        if wrong:
            raise InvalidCorpusError(
                f"a collection of {noun(record_type, plural=True)} holds "
                f"{describe(wrong[0])}"
            )
        base = self._base
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

    def _sub(self, positions: AbstractSet[int]) -> Collection[R]:
        """Make a sub-collection of some base positions, in this order."""
        if self._in_order:
            kept = sorted(p for p in positions if self._has(p))
        else:
            # Only a slice with a negative step leaves data order.
            kept = [p for p in self._positions() if p in positions]
        return type(self)._make(self._base, kept, self._resolver)

    @overload
    def __getitem__(self, index: int, /) -> R: ...
    @overload
    def __getitem__(self, index: slice, /) -> Collection[R]: ...
    def __getitem__(self, index: int | slice, /) -> R | Collection[R]:
        if isinstance(index, slice):
            kept = list(self._positions())[index]
            return type(self)._make(self._base, kept, self._resolver)
        if isinstance(index, str):
            # A sequence is indexed by position; say where ids and names go.
            raise InvalidQueryError(
                f"a collection is indexed by position, not by {index!r}: "
                f"use .get({index!r}) for an id or .lookup({index!r}) for "
                "a name"
            )
        return self._records[index]

    def __len__(self) -> int:
        return len(self._records)

    def __iter__(self) -> Iterator[R]:
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

    def get(self, key: str, /, default: R | None = None) -> R | None:
        """
        Return the record with id *key*, or *default*.

        Args:
            key: A record id.
            default: What to return if no record has that id.

        Returns:
            The record, or *default*.

        Raises:
            InvalidQueryError: If *key* is not a str.

        >>> import secretspeech as ss
        >>> ss.people.get("joseph-stalin").name
        'Joseph Stalin'
        >>> ss.people.get("gorbachev") is None
        True
        """
        if not isinstance(key, str):
            raise InvalidQueryError(
                f"get() takes an id str, got {describe(key)}"
            )
        pos = self._base.by_id.get(key)
        if pos is None or not self._has(pos):
            return default
        return self._base.records[pos]

    def lookup(self, name: str, /) -> R:
        """
        Return the record with this id, name or alias.

        An exact id wins. Otherwise names are compared after normalisation:
        case, accents, surrounding whitespace and punctuation, curly or
        straight apostrophes, a possessive ``’s`` and hyphens against spaces
        make no difference. Quotations are also found by their text or any
        segment of it, and statistics by their quantity as written
        (``"as many as 29 million"``). If several records share a name, the
        first in data order is returned.

        Args:
            name: An id, name or alias.

        Returns:
            The record.

        Raises:
            NotFoundError: If nothing matches; the message quotes *name*
                and suggests the closest names.
            InvalidQueryError: If *name* is not a str.

        >>> import secretspeech as ss
        >>> ss.people.lookup(" nikita KHRUSHCHEV’s ").id
        'nikita-khrushchev'
        >>> ss.people.lookup("Kruschev")
        Traceback (most recent call last):
        ...
        secretspeech.exceptions.NotFoundError: no person has the id, name or alias 'Kruschev'; did you mean 'Khrushchev' or 'Nikita Khrushchev'?
        """  # noqa: E501 -- a doctest's output is one line
        if not isinstance(name, str):
            raise InvalidQueryError(
                f"lookup() takes a name str, got {describe(name)}"
            )
        base = self._base
        pos = base.by_id.get(name)
        if pos is not None and self._has(pos):
            return base.records[pos]
        for pos in base.by_key.get(normalize(name), ()):
            if self._has(pos):
                return base.records[pos]
        names = {
            key: base.names[key]
            for key, ps in base.by_key.items()
            if any(self._has(p) for p in ps)
        }
        hints = [title_of(r) for r in self.search(name, limit=3)]
        raise not_found(self._noun(), name, names, hints)

    def _scores(self, text: str) -> dict[int, float]:
        if not isinstance(text, str):
            raise InvalidQueryError(
                f"search() takes a str, got {describe(text)}"
            )
        return {
            pos: score
            for pos, score in self._base.scores(text).items()
            if self._has(pos)
        }

    def search(
        self, text: str, /, *, limit: int | None = None
    ) -> tuple[R, ...]:
        """
        Rank the records by how well they match *text*, best first.

        Names, aliases, ids, quotation text, quantities, descriptions and
        summaries are searched, normalised as in `lookup`. A record matches
        if a word of *text* (leaving out words such as "the" and "of" when
        there are others) matches one of its words exactly, as the start of
        the word, or misspelt (difflib similarity of at least 0.8:
        "Kruschev" finds "Khrushchev"). A record named exactly *text* ranks
        first; then records that match more of the words, closer, in their
        names rather than their descriptions, and in shorter names; ties go
        to data order.

        Args:
            text: The words to look for.
            limit: The most results to return; all if `None`.

        Returns:
            The matching records, best first; empty if none match.

        Raises:
            InvalidQueryError: If *text* is not a str or *limit* is not an
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
        kind: OneOrMany[NoteKind | str] = ...,
        about: OneOrMany[Record | str] = ...,
    ) -> Collection[Note]: ...
    def filter(  # noqa: C901, PLR0912 -- one check per rule
        self: Collection[Any], **criteria: object
    ) -> Collection[Any]:
        """
        Keep the records that meet every criterion.

        Each criterion that refers to records takes a record, its id or
        its name (looked up as in `lookup`), or a list, tuple, set or
        `Collection` of them, meaning any of them (the signatures write
        this ``X | Sequence[X] | Set[X]``, or ``OneOrMany[X]`` for short).
        ``kind=`` and ``role=``
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
          place), ``kind=`` (`EventKind`);
        - quotations: ``by=`` (the speaker, a person), ``to=`` (a person or
          group spoken to), ``about=`` (any record), ``during=``,
          ``strict=``, ``kind=`` (`QuotationKind`);
        - statistics: ``counting=`` (what is counted, as in
          `Statistic.counting`, normalised, singular or plural), ``during=``,
          ``strict=``, ``at=`` (a place), ``about=`` (any record),
          ``kind=`` (the `QuantityKind` of its hedge);
        - relations: ``kind=`` (`RelationKind`), ``source=``, ``target=``,
          ``involving=`` (source or target; any record);
        - notes: ``kind=`` (`NoteKind`), ``about=`` (any record).

        ``at=`` means the place itself: places within it are not included.

        Args:
            criteria: The criteria; all of them must hold.

        Returns:
            A collection of the same kind, in the same order, so calls
            chain: ``filter(a=x).filter(b=y) == filter(a=x, b=y)``.

        Raises:
            InvalidQueryError: If a criterion is unknown for this type of
                record or a value has the wrong type.
            InvalidValueError: If a value is of the right type but not
                allowed, such as ``kind="picnic"``.
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
            raise InvalidQueryError(
                "filter() needs a collection of one type of record; use "
                "where() on a mixed collection"
            )
        for name in criteria:
            if name not in spec and (spec or name not in _ALL_CRITERIA):
                takes = ", ".join(
                    f"{n}=" for n in sorted(spec or _ALL_CRITERIA)
                )
                raise InvalidQueryError(
                    f"filter() got an unknown criterion {name}= for "
                    f"{self._noun(plural=True)}; it takes {takes}"
                )
        if not spec:
            return self
        strict = False
        when: HistoricalDate | None = None
        sets: list[set[int]] = []
        for name, value in criteria.items():
            criterion = spec[name]
            argument = f"{name}="
            if value is None:
                raise InvalidQueryError(
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
                sets.append({p for key in wanted for p in index.get(key, ())})
        if strict and when is None:
            raise InvalidQueryError("strict=True needs a during= period")
        dates = self._base.dates
        if when is not None:
            sets.append(set(dates))
        if not sets:
            return self
        sets.sort(key=len)
        found = sets[0].intersection(*sets[1:])
        if when is not None:
            keep = when.contains if strict else when.overlaps
            found = {p for p in found if keep(dates[p])}
        return self._sub(found)

    def where(self, predicate: Callable[[R], object], /) -> Collection[R]:
        """
        Keep the records for which *predicate* is true.

        Args:
            predicate: Any callable taking a record; its result is read as
                a truth value.

        Returns:
            A collection of the same kind, in the same order.

        Raises:
            InvalidQueryError: If *predicate* is not callable.

        >>> import secretspeech as ss
        >>> [p.id for p in ss.people.where(lambda p: not p.named)]
        ['the-tsar', 'one-novelist', 'russian-agent']
        """
        if not callable(predicate):
            raise InvalidQueryError(
                f"where() takes a callable, got {describe(predicate)}"
            )
        base = self._base
        return type(self)._make(
            base,
            [p for p in self._positions() if predicate(base.records[p])],
            self._resolver,
        )
