"""
A structured, verifiable, queryable edition of one article.

The article is Mike Haynes, “Khrushchev’s secret speech: a crack in the
monolith” (Socialist Worker issue 1988, 18 February 2006).

Importing the package parses nothing; the bundled data is loaded, checked
and indexed once, on first use.

>>> import secretspeech as ss
>>> ss.people.lookup("Khrushchev’s").name
'Nikita Khrushchev'
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, Literal, overload

from secretspeech import _model
from secretspeech._catalog import Collection
from secretspeech._corpus import Corpus
from secretspeech._dates import Calendar, HistoricalDate, Order, Precision
from secretspeech._export import as_dict, save_corpus
from secretspeech._load import load_corpus
from secretspeech._model import (
    CAUSAL_KINDS,
    Article,
    Entity,
    Event,
    EventKind,
    Evidence,
    Group,
    GroupKind,
    Note,
    NoteKind,
    Person,
    PersonRole,
    Place,
    PlaceKind,
    Quantity,
    QuantityKind,
    Quotation,
    QuotationKind,
    Record,
    Relation,
    RelationKind,
    Statistic,
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
    import datetime

    __version__: str
    DATA_VERSION: str
    article: Article
    people: Collection[Person]
    groups: Collection[Group]
    places: Collection[Place]
    events: Collection[Event]
    quotations: Collection[Quotation]
    statistics: Collection[Statistic]
    relations: Collection[Relation]
    notes: Collection[Note]


__all__ = [
    "Article",
    "CAUSAL_KINDS",
    "Calendar",
    "Collection",
    "Corpus",
    "DATA_VERSION",
    "Entity",
    "Event",
    "EventKind",
    "Evidence",
    "Group",
    "GroupKind",
    "HistoricalDate",
    "InvalidCorpusError",
    "InvalidDateError",
    "InvalidQueryError",
    "InvalidValueError",
    "NotFoundError",
    "Note",
    "NoteKind",
    "Order",
    "Person",
    "PersonRole",
    "Place",
    "PlaceKind",
    "Precision",
    "Quantity",
    "QuantityKind",
    "Quotation",
    "QuotationKind",
    "Record",
    "Relation",
    "RelationKind",
    "SecretSpeechError",
    "Statistic",
    "__version__",
    "article",
    "as_dict",
    "causes",
    "consequences",
    "context",
    "corpus",
    "events",
    "get",
    "groups",
    "involving",
    "load_corpus",
    "lookup",
    "notes",
    "people",
    "places",
    "quotations",
    "references",
    "refs",
    "related",
    "relations",
    "save_corpus",
    "search",
    "statistics",
    "timeline",
]

_COLLECTIONS = frozenset(name for name, _ in _model.COLLECTIONS)


def __getattr__(name: str) -> Any:  # noqa: ANN401 -- module attributes vary
    # Module attributes resolve lazily so that importing parses nothing.
    if name in _COLLECTIONS:
        return getattr(corpus(), name)
    if name == "article":
        return corpus().article
    if name == "DATA_VERSION":
        return corpus().data_version
    if name == "__version__":
        from importlib.metadata import version  # noqa: PLC0415

        return version("secretspeech")
    raise AttributeError(f"module 'secretspeech' has no attribute {name!r}")


def __dir__() -> list[str]:
    # The public names and the private ones, but not the helpers imported
    # for annotations (annotations, TYPE_CHECKING, Any).
    return sorted({*__all__, *(n for n in globals() if n.startswith("_"))})


def corpus() -> Corpus:
    """
    Return the bundled corpus, loading and checking it on first use.

    Every module-level name (`people`, `timeline`, …) reads from it.

    Returns:
        The one bundled `Corpus`; the same object on every call.

    >>> import secretspeech as ss
    >>> ss.corpus() is ss.corpus()
    True
    """
    from secretspeech._load import load_bundled  # noqa: PLC0415

    return load_bundled()


# The key "article" names the article; any other str may name a record (or
# nothing), so the plain str overload keeps Article in its union.
@overload
def get(
    key: Literal["article"], /, default: Record | None = None
) -> Article: ...
@overload
def get(
    key: str, /, default: Record | None = None
) -> Record | Article | None: ...
def get(key: str, /, default: Record | None = None) -> Record | Article | None:
    """
    Return any record by id, whatever its type, or *default*.

    The key ``"article"`` returns the `Article`.

    Args:
        key: A record id, such as ``"secret-speech"``.
        default: What to return if no record has that id.

    Returns:
        The record, or *default*.

    >>> import secretspeech as ss
    >>> ss.get("hungary").name
    'Hungary'
    >>> ss.get("no-such-id", None) is None
    True
    """
    return corpus().get(key, default)


@overload
def lookup(name: Literal["article"], /) -> Article: ...
@overload
def lookup(name: str, /) -> Record | Article: ...
def lookup(name: str, /) -> Record | Article:
    """
    Return the one record, of any type, with this id, name or alias.

    Matching ignores case, accents, surrounding whitespace, the kind of
    apostrophe, a possessive ``’s`` and a leading article. The id
    ``"article"`` returns the `Article`, as in `get`.

    Args:
        name: An id, name or alias.

    Returns:
        The record.

    Raises:
        NotFoundError: If nothing matches; the message suggests the closest
            names.

    >>> import secretspeech as ss
    >>> ss.lookup("Red Square").id
    'red-square'
    """
    return corpus().lookup(name)


def search(text: str, /, *, limit: int | None = None) -> tuple[Record, ...]:
    """
    Rank records of every type by how well they match *text*.

    Args:
        text: Words to look for; small typos are tolerated.
        limit: The most results to return; all if `None`.

    Returns:
        The matching records, best first.

    >>> import secretspeech as ss
    >>> ss.search("Kruschev")[0].id
    'nikita-khrushchev'
    """
    return corpus().search(text, limit=limit)


def timeline(
    *,
    start: int | str | datetime.date | HistoricalDate | None = None,
    end: int | str | datetime.date | HistoricalDate | None = None,
    strict: bool = False,
) -> tuple[Event, ...]:
    """
    Return the dated events in chronological order.

    See `Corpus.timeline` for the ordering rule.

    Args:
        start: Keep events that reach this period or later.
        end: Keep events that begin by this period.
        strict: Keep only events entirely inside *start*..*end*.

    Returns:
        The events, earliest first.

    >>> import secretspeech as ss
    >>> for event in ss.timeline(start=1961, end=1964, strict=True):
    ...     print(event.date.edtf, event.id)
    1961 attack-on-stalin-1961
    1961 stalin-reburied
    1963 swing-back-1963
    1964 khrushchev-removed
    """
    return corpus().timeline(start=start, end=end, strict=strict)


def involving(record: Record | Article | str, /) -> tuple[Record, ...]:
    """
    Return every record that refers to a record.

    Most often the record is a person, group or place; for an event it
    gives the quotations, statistics, relations and notes about it.

    Args:
        record: A record, its id or name, or the article.

    Returns:
        Every record that refers to it (groups through their members,
        places through *within*, events, quotations, statistics, relations
        and notes), in corpus order.

    >>> import secretspeech as ss
    >>> "trotsky-killed" in [r.id for r in ss.involving("Mexico")]
    True
    """
    return corpus().involving(record)


def related(record: Record | Article | str, /) -> tuple[Relation, ...]:
    """
    Return the relations into and out of a record.

    Args:
        record: A record, its id or name, or the article.

    Returns:
        The relations, in data order.

    >>> import secretspeech as ss
    >>> ss.related("stalins-death")[0].kind.value
    'enables'
    """
    return corpus().related(record)


def causes(event: Event | str, /, *, depth: int = 1) -> tuple[Event, ...]:
    """
    Return what led to *event*, following causal relations backwards.

    Args:
        event: An event, or its id or name.
        depth: How many causal steps to follow.

    Returns:
        The causes, nearest first.

    >>> import secretspeech as ss
    >>> "secret-speech" in [e.id for e in ss.causes("hungarian-revolution")]
    True
    """
    return corpus().causes(event, depth=depth)


def consequences(
    event: Event | str, /, *, depth: int = 1
) -> tuple[Event, ...]:
    """
    Return what *event* led to, following causal relations forwards.

    Args:
        event: An event, or its id or name.
        depth: How many causal steps to follow.

    Returns:
        The consequences, nearest first.

    >>> import secretspeech as ss
    >>> [e.id for e in ss.consequences("stalins-death")]
    ['thaw']
    """
    return corpus().consequences(event, depth=depth)


@overload
def refs(
    record: Record | str,
    field: Literal["speaker", "participants", "members"],
    /,
) -> tuple[Person, ...]: ...
@overload
def refs(
    record: Record | str, field: Literal["groups"], /
) -> tuple[Group, ...]: ...
@overload
def refs(
    record: Record | str, field: Literal["places", "within"], /
) -> tuple[Place, ...]: ...
@overload
def refs(
    record: Record | str, field: Literal["addressees"], /
) -> tuple[Person | Group, ...]: ...
@overload
def refs(
    record: Record | str, field: str, /
) -> tuple[Record | Article, ...]: ...
def refs(record: Record | str, field: str, /) -> tuple[Record | Article, ...]:
    """
    Return the records that one id field of *record* names.

    This and `references` are the one way to follow ids: records hold ids,
    the corpus resolves them.

    Args:
        record: A record, or its id or name.
        field: One of its id fields, such as ``"speaker"``.

    Returns:
        The records, in the order of the ids.

    >>> import secretspeech as ss
    >>> [p.name for p in ss.refs("blind-kittens", "speaker")]
    ['Joseph Stalin']
    >>> [g.name for g in ss.refs("blind-kittens", "addressees")]
    ['those at the top']
    """
    return corpus().refs(record, field)


def references(record: Record | str, /) -> tuple[Record | Article, ...]:
    """
    Return every record that *record* refers to, in field order.

    Args:
        record: A record, or its id or name.

    Returns:
        The records its id fields name, without repeats.

    >>> import secretspeech as ss
    >>> [r.id for r in ss.references("muck")]
    ['leonid-brezhnev', 'brezhnev-stability', 'joseph-stalin']
    """
    return corpus().references(record)


def context(record: Record | Evidence | str, /, *, sentences: int = 1) -> str:
    """
    Return the sentences of the article around a record's first evidence.

    Args:
        record: A record, an `Evidence`, or a record id or name.
        sentences: How many sentences to add on each side, beyond those the
            evidence touches (0 for just those).

    Returns:
        The passage, as printed.

    >>> import secretspeech as ss
    >>> ss.context("muck", sentences=0)
    '“We should not pour muck on ourselves,” said new leader Leonid Brezhnev.'
    """
    return corpus().context(record, sentences=sentences)
