"""
Argument checks and the words of messages, shared by every query.

Each check names the argument and quotes the input when it refuses; the
helpers here say what a record is called (`names_of`, `title_of`), which
ids it holds (`ids_in`) and how to name record types in a message
(`noun`).  It reads the schema; it knows nothing of collections' indexes.
"""

from __future__ import annotations

import enum
from collections.abc import Iterable, Iterator, Sequence
from collections.abc import Set as AbstractSet
from typing import Any

from secretspeech._dates import HistoricalDate
from secretspeech._model import (
    SCHEMA,
    Event,
    Group,
    Note,
    Person,
    Place,
    Quotation,
    Record,
    Relation,
    Statistic,
    date_fields,
    schema_of,
)
from secretspeech._text import brief, shown
from secretspeech.exceptions import (
    InvalidTypeError,
    InvalidValueError,
    NotFoundError,
)


#: Every collection, in order: what ``among`` means where any record will do.
ANY = tuple(c.name for c in SCHEMA)
#: The record type of each collection, by name.
TYPE_OF = {c.name: c.record_type for c in SCHEMA}


def id_fields(record_type: type[Any]) -> tuple[str, ...]:
    """
    Return the fields of a record type that hold ids.

    Those of `CollectionSchema.id_fields`: ``relative_to`` stands for the
    records a date was resolved against.

    >>> import secretspeech as ss
    >>> from secretspeech._checks import id_fields
    >>> id_fields(ss.Quotation)
    ('speaker', 'addressees', 'occasion', 'subjects', 'relative_to')
    """
    schema = schema_of(record_type)
    return tuple(schema.id_fields) if schema else ()


def is_record(value: object) -> bool:
    """Tell whether *value* is a record of some collection."""
    return schema_of(type(value)) is not None


def noun(record_type: type[Any] | None, *, plural: bool = False) -> str:
    """
    Name a record type in messages: ``"person"``, ``"events"``.

    >>> from secretspeech import Person
    >>> from secretspeech._checks import noun
    >>> noun(Person), noun(Person, plural=True), noun(None)
    ('person', 'people', 'record')
    """
    schema = None if record_type is None else schema_of(record_type)
    if schema is None:
        return "records" if plural else "record"
    return schema.name if plural else schema.noun


def nouns(among: tuple[str, ...]) -> str:
    """Name the record types of some collections: "person or group"."""
    if among == ANY:
        return "record"
    names = [noun(TYPE_OF[name]) for name in among]
    if len(names) == 1:
        return names[0]
    return f"{', '.join(names[:-1])} or {names[-1]}"


def describe(value: object) -> str:
    """
    Show a value in an error message, briefly.

    Records show as their type and id, not their long repr.

    >>> import secretspeech as ss
    >>> from secretspeech._checks import describe
    >>> describe(ss.people[0]), describe(3)
    ("the Person 'nikita-khrushchev'", '3 (int)')
    """
    rid = getattr(value, "id", None)
    if is_record(value) and isinstance(rid, str):
        return f"the {type(value).__name__} {brief(rid)}"
    # Never fails: an int too long for repr(), or a value whose repr()
    # raises, is still described.
    return shown(value)


def names_of(record: Record) -> tuple[str, ...]:
    """
    Return the strings `Collection.lookup` finds *record* by.

    People, groups, places and events: the id, the name, each alias and
    each of the other names.
    Quotations: the id, the full text and each segment. Statistics: the id
    and the quantity as written. Relations and notes: the id.

    >>> import secretspeech as ss
    >>> from secretspeech._checks import names_of
    >>> names_of(ss.people.get("vladimir-lenin"))
    ('vladimir-lenin', 'Vladimir Lenin', 'Lenin')
    """
    if isinstance(record, Person | Group | Place | Event):
        return (record.id, record.name, *record.aliases, *record.other_names)
    if isinstance(record, Quotation):
        return (record.id, record.text, *(s.exact for s in record.segments))
    if isinstance(record, Statistic):
        return (record.id, record.quantity.text)
    return (record.id,)


def title_of(record: Record) -> str:
    """
    Return the string that names *record* best in a message.

    >>> import secretspeech as ss
    >>> from secretspeech._checks import title_of
    >>> title_of(ss.statistics.get("war-dead"))
    'as many as 29 million'
    """
    names = names_of(record)
    return names[1] if len(names) > 1 else names[0]


def texts_of(record: Record) -> tuple[str, ...]:
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
    >>> from secretspeech._checks import ids_in
    >>> ids_in(ss.quotations.get("muck"), "speaker")
    ('leonid-brezhnev',)
    >>> ids_in(ss.events.get("swing-back-1963"), "relative_to")
    ('attack-on-stalin-1961',)
    """
    if field == "relative_to":
        return tuple(
            dict.fromkeys(
                d.relative_to
                for _, d in dates_in(record)
                if d.relative_to is not None
            )
        )
    value = getattr(record, field)
    if value is None:
        return ()
    if isinstance(value, str):
        return (value,)
    return tuple(value)


def dates_in(record: Record) -> Iterator[tuple[str, HistoricalDate]]:
    """
    Yield every date of *record*, each with the field that holds it.

    An event's ``date`` and ``also_dated``, a person's ``born`` and
    ``died``, a date field of a subclass's own: each may count from a
    record (``relative_to``).

    >>> import secretspeech as ss
    >>> from secretspeech._checks import dates_in
    >>> [(f, d.text) for f, d in dates_in(ss.people.get("joseph-stalin"))]
    [('born', '18 December 1878'), ('died', '5 March 1953')]
    """
    for name in date_fields(type(record)):
        value = getattr(record, name)
        if isinstance(value, HistoricalDate):
            yield name, value
        elif value is not None:
            for i, date in enumerate(value):
                yield f"{name}[{i}]", date


def many(value: object) -> tuple[object, ...]:
    """
    Turn a criterion value into the values it stands for ("any of").

    A str, bytes or member is one value, not a sequence of its parts, so
    that ``b"x"`` is refused as bytes and not read as the int 120.
    """
    if isinstance(value, str | bytes | bytearray | enum.Enum) or not (
        isinstance(value, Sequence | AbstractSet)
    ):
        return (value,)
    return tuple(value)


def not_found(
    what: str,
    value: str,
    suggestions: Iterable[str],
    *,
    argument: str | None = None,
) -> NotFoundError:
    """
    Build the error for a name that matches nothing, with suggestions.

    Args:
        what: What was looked for, such as "person".
        value: The name given.
        suggestions: The names to suggest, best first; the first three
            different ones are shown. Not read for a blank *value*, so
            it may be a generator that does the work of finding them.
        argument: The argument that took *value*, such as "at=".

    Returns:
        The error, to raise.
    """
    if not value.strip():
        return NotFoundError(
            f"{argument or ''}{brief(value)}: a blank name matches no {what}; "
            "give an id or a name (search() ranks records by any words)"
        )
    close = tuple(dict.fromkeys(suggestions))[:3]
    if argument is None:
        message = f"no {what} has the id, name or alias {brief(value)}"
    else:
        message = (
            f"{argument}{brief(value)}: no {what} has this id, name or alias"
        )
    if close:
        quoted = [brief(c) for c in close]
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
        InvalidTypeError: If *value* has a type that is not a period.
        InvalidValueError: If it cannot be read as a date.

    >>> from secretspeech._checks import period
    >>> period(1956, "during=").edtf
    '1956'
    >>> period(1.5, "during=")  # doctest: +ELLIPSIS
    Traceback (most recent call last):
    ...
    secretspeech.exceptions.InvalidTypeError: during=: a period must be ...
    """
    try:
        return HistoricalDate.coerce(value)
    except InvalidValueError as e:
        raise InvalidValueError(f"{argument}: {e}") from None
    except InvalidTypeError as e:
        # The constructor's message, prefixed with the query's argument.
        raise InvalidTypeError(f"{argument}: {e}") from None


def check_flag(value: object, argument: str) -> bool:
    """
    Check that *value* is a `bool`.

    Raises:
        InvalidTypeError: If it is anything else, even ``0`` or ``1``.
    """
    if not isinstance(value, bool):
        raise InvalidTypeError(
            f"{argument} takes True or False, got {describe(value)}"
        )
    return value


def check_count(
    value: object, argument: str, *, least: int = 0, optional: bool = False
) -> int | None:
    """
    Check that *value* is an `int` of at least *least* (or `None`).

    Raises:
        InvalidTypeError: If it is not an `int` (a `bool` is not one here).
        InvalidValueError: If it is less than *least*.
    """
    if value is None and optional:
        return None
    if not isinstance(value, int) or isinstance(value, bool):
        expected = "an int or None" if optional else "an int"
        raise InvalidTypeError(
            f"{argument} takes {expected}, got {describe(value)}"
        )
    if value < least:
        raise InvalidValueError(
            f"{argument} must be at least {least}, got {brief(value)}"
        )
    return value
