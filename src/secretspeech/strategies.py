"""
Hypothesis strategies for the records of *secretspeech*.

Requires Hypothesis, which the ``hypothesis`` extra installs (from the
checkout; the package is not on PyPI yet)::

    python -m pip install ".[hypothesis]"

With the extra installed you rarely need to import this module: Hypothesis
finds these strategies through the package's entry point, so
``st.from_type(Event)``, and ``st.builds(...)`` of anything with a field
typed `Event`, draw events without it, and ``st.from_type(Collection[Event])``
draws the events of a corpus from `corpora`.  Import it to choose::

    from hypothesis import given
    from secretspeech.strategies import articles, corpora, events


    @given(events(source="synthetic"))
    def test_renders(event):
        assert render(event)


    @given(articles(source="synthetic"))
    def test_cites(article):
        assert cite(article)


    @given(corpora(source="synthetic"))
    def test_exports(corpus):
        assert export(corpus)

Every strategy takes a keyword-only *source*:

- ``"article"``: values of the bundled article, drawn with
  `hypothesis.strategies.sampled_from` in the order of the data, so a
  failing example shrinks to the first one;
- ``"synthetic"``: new values that keep every rule of the model.  Their
  evidence points into *text* (a generated text if not given) and their
  references are well-formed ids that need not resolve; `corpora` makes
  records whose references resolve.  They shrink towards short, simple
  strings, the first member of each enumeration and no optional values;
- ``"any"`` (the default, and what ``st.from_type`` uses): either, shrinking
  towards the article's first value.

The strategies follow Hypothesis' own style.  Making one does no work: it
neither checks its arguments nor reads the bundled data, so strategies can
be made at import time, and its repr is the call that made it, without the
arguments left at their defaults::

    >>> from secretspeech.strategies import people
    >>> people(source="article")
    people(source='article')

Arguments that cannot produce anything raise
`hypothesis.errors.InvalidArgument` when a value is first drawn (in
``@given``, ``find`` or ``.example()``), rather than giving a
strategy that generates nothing.  The error is also one of the package's
own, as every error it raises is: for an argument of the wrong type
`secretspeech.InvalidTypeError`, else `secretspeech.InvalidValueError`.
A strategy that may draw the article's values reads the bundled data then
too.  Bounds on values are named *min_value* and *max_value*, and bounds
on sizes *min_size* and *max_size*, as in Hypothesis.
"""

from __future__ import annotations

import bisect
import enum
import functools
import hashlib
import inspect
import itertools
from collections.abc import Callable, Iterable, Iterator, Sequence
from typing import (
    TYPE_CHECKING,
    Any,
    Literal,
    ParamSpec,
    TypeAlias,
    TypeVar,
    cast,
)

import attrs


try:
    from hypothesis import strategies as st
    from hypothesis.errors import InvalidArgument
except ModuleNotFoundError as e:  # a subprocess test covers this
    from secretspeech.exceptions import MissingDependencyError

    raise MissingDependencyError(
        "secretspeech.strategies needs Hypothesis; install it with "
        "pip install 'secretspeech[hypothesis]'",
        name=e.name,
    ) from e

from secretspeech._corpus import Corpus
from secretspeech._dates import (
    Calendar,
    DateBasis,
    HistoricalDate,
    Precision,
    _days_in_month,
)
from secretspeech._load import load_bundled
from secretspeech._model import (
    _NUMBER_WORD,
    SCHEMA,
    Article,
    Claim,
    Event,
    EventKind,
    Evidence,
    Group,
    GroupKind,
    Note,
    Person,
    PersonRole,
    Place,
    PlaceKind,
    Quantity,
    QuantityKind,
    Quotation,
    QuotationKind,
    Relation,
    RelationKind,
    Source,
    SourceKind,
    Stance,
    Statistic,
    Verdict,
)
from secretspeech._text import brief, normalize, unwritable
from secretspeech.exceptions import InvalidTypeError, InvalidValueError


if TYPE_CHECKING:
    from hypothesis.strategies import DrawFn, SearchStrategy


__all__ = [
    "articles",
    "claims",
    "corpora",
    "events",
    "evidence",
    "groups",
    "historical_dates",
    "notes",
    "people",
    "places",
    "quantities",
    "quotations",
    "relations",
    "sources",
    "statistics",
]

# Where a strategy takes its values from; see the module documentation.
# Not in __all__: the signatures show it, the docs link it to the module.
Origin: TypeAlias = Literal["article", "synthetic", "any"]

_T = TypeVar("_T")
_E = TypeVar("_E", bound=enum.Enum)
_R = TypeVar("_R")
_P = ParamSpec("_P")

_SOURCES = ("article", "synthetic", "any")
# How far a synthetic span reaches on either side of its anchor character.
_REACH = 60
# The most ids, aliases or spans a synthetic record holds in one field.
_FEW = 3
# Julian 0001-01-01 and 9999-12-31 fall outside what datetime.date holds.
_JULIAN_YEARS = (2, 9998)
_QUALIFIERS = ("", "?", "~", "%")
# BCP 47 tags for synthetic articles, the bundled article's first.
_LANGUAGES = ("en-GB", "en", "en-US", "de", "fr-CA", "ru", "zh-Hant-TW")

# No surrogates (not UTF-8) and no control characters, so that a generated
# text survives a round trip through a file (no "\r").  Excluding by
# category, not codec="utf-8", which costs a second on first use.
_CHARS = st.characters(exclude_categories=("Cs", "Cc"))
_TEXTS = st.text(_CHARS | st.just("\n"), min_size=1, max_size=400).filter(
    str.strip
)
_LABELS = st.text(_CHARS, min_size=1, max_size=40).filter(str.strip)
_SLUG_CHARS = "0123456789abcdefghijklmnopqrstuvwxyz"
_LETTERS = "abcdefghijklmnopqrstuvwxyz"
# Each id, or name of words, is one string drawn and cut into parts, not a
# list of parts: Hypothesis draws a string at once, a list item by item.
# Four characters end a part, so that ids with hyphens and names of two or
# three words are frequent.
_ENDS = "-_. "
_ENDS_TO_SPACE = str.maketrans(_ENDS, " " * len(_ENDS))


def _parts(drawn: str, most: int, longest: int) -> list[str]:
    """Return the first *most* parts of *drawn*, none over *longest*."""
    return [p[:longest] for p in drawn.translate(_ENDS_TO_SPACE).split()][
        :most
    ]


def _slug(drawn: str) -> str:
    """Return an id: one to four parts of 1-12 characters, by hyphens."""
    return "-".join(_parts(drawn, 4, 12)) or "0"


def _phrase(drawn: str) -> str:
    """Return a name: one to three words of 1-8 letters, by spaces."""
    return " ".join(_parts(drawn, 3, 8)) or "a"


_IDS = st.text(_SLUG_CHARS + _ENDS, min_size=1, max_size=51).map(_slug)
# In a corpus, lookups must tell every id, name and alias apart although
# they ignore case, accents, punctuation and the like: words of a-z whose
# keys (`normalize`) differ are told apart.
_WORDS = st.text(_LETTERS + _ENDS, min_size=1, max_size=26).map(_phrase)

_Text: TypeAlias = tuple[str, tuple[int, ...]]


# -- laziness
#
# Each public strategy is written as a function that checks its arguments
# and returns the strategy to draw from; `_lazy` makes it a function that
# returns at once a strategy that calls it on every draw.  So the checks
# are cheap and the strategies they return are built once for each set of
# arguments, by the private builders `_cached` wraps.

# How many sets of arguments each builder remembers.  Bounded, for a
# strategy made afresh in every example, say in ``st.text().flatmap(...)``.
_cached = functools.lru_cache(maxsize=128)


def _lazy(
    make: Callable[_P, SearchStrategy[_T]],
) -> Callable[_P, SearchStrategy[_T]]:
    """
    Return a strategy function that does the work of *make* when drawn.

    The function returned has *make*'s name, signature and documentation.
    It returns a `hypothesis.strategies.composite` strategy, which does
    nothing until a value is drawn and whose repr is the call, without the
    arguments left at their defaults (``people(source='article')``).  Each
    draw calls *make*, which checks the arguments, raising
    `hypothesis.errors.InvalidArgument`, and returns the strategy to draw
    from.  A call *make* cannot take (*make* takes keywords only) is a
    `TypeError` at once, as for any function.
    """

    def draw_one(draw: DrawFn, /, *args: _P.args, **kwargs: _P.kwargs) -> _T:
        return draw(make(*args, **kwargs))

    # The composite takes its name and signature from draw_one: *make*'s,
    # so that its repr leaves out the defaults as Hypothesis' own do.
    signature = inspect.signature(make)
    draw = inspect.Parameter("draw", inspect.Parameter.POSITIONAL_ONLY)
    draw_one.__signature__ = signature.replace(  # type: ignore[attr-defined]
        parameters=(draw, *signature.parameters.values()),
        return_annotation=inspect.Signature.empty,
    )
    draw_one.__name__ = draw_one.__qualname__ = make.__name__
    strategy = cast(
        "Callable[..., SearchStrategy[_T]]", st.composite(draw_one)
    )

    name, first = make.__name__, next(iter(signature.parameters))

    @functools.wraps(make)
    def lazy(*args: _P.args, **kwargs: _P.kwargs) -> SearchStrategy[_T]:
        # Python's own errors about the call, but naming the strategy, not
        # the function the composite wraps it in ("accept.<locals>...").
        if args:
            raise TypeError(
                f"{name}() takes no positional arguments; name each, as in "
                f"{name}({first}={brief(args[0])})"
            )
        unknown = [k for k in kwargs if k not in signature.parameters]
        if unknown:
            raise TypeError(
                f"{name}() got an unexpected keyword argument {unknown[0]!r}"
            )
        return strategy(**{k: _kept(v) for k, v in kwargs.items()})

    return lazy


def _kept(value: _T) -> _T | tuple[Any, ...]:
    """
    Return *value*, or the items of an iterator, which every draw reads.

    ``calendars=iter([...])`` would be empty from the second draw on.
    """
    return tuple(value) if isinstance(value, Iterator) else value


# -- arguments
#
# Every check refuses in the same words: the call as written, then the rule
# the argument breaks and, for a value of the wrong type, that type.  They
# run on every draw, so they must be cheap.


class _InvalidValueError(InvalidArgument, InvalidValueError):
    """
    An argument that no value can be drawn with.

    Hypothesis' error, which it reports as a mistake in the test rather
    than as a failing example, and ours, as every error of the package is.
    """


class _InvalidTypeError(InvalidArgument, InvalidTypeError):
    """An argument of the wrong type: Hypothesis' error, and ours."""


def _refuse(
    what: str,
    name: str,
    value: object,
    rule: str,
    error: type[InvalidArgument] = _InvalidValueError,
) -> InvalidArgument:
    """Return the error for argument *name* of the strategy *what*."""
    return error(f"{what}({name}={brief(value)}): {rule}")


def _type(value: object) -> str:
    """Return the name of *value*'s type, for "not <type>" in a message."""
    return type(value).__name__


def _check_source(source: object, what: str) -> None:
    rule = "source must be 'article', 'synthetic' or 'any'"
    # The type first: an array's == answers an array, which has no bool.
    if not isinstance(source, str):
        raise _refuse(
            what,
            "source",
            source,
            f"{rule}, not {_type(source)}",
            _InvalidTypeError,
        )
    if source not in _SOURCES:
        raise _refuse(what, "source", source, rule)


def _check_text(source: object, text: object, what: str) -> None:
    """Check *source* and the text for synthetic values."""
    _check_source(source, what)
    if text is None:
        return
    if source != "synthetic":
        raise _InvalidValueError(
            f"{what}(source={source!r}, text=...): text is only for "
            "source='synthetic'; the article's values keep the article's "
            "own text"
        )
    if not isinstance(text, str):
        raise _refuse(
            what,
            "text",
            text,
            f"text must be a str, not {_type(text)}",
            _InvalidTypeError,
        )
    if not text or text.isspace():
        raise _refuse(
            what,
            "text",
            text,
            "text must hold at least one character that is not whitespace",
        )
    # No span of it, and no file, could hold such a character.
    problem = unwritable(text)
    if problem is not None:
        raise _refuse(
            what,
            "text",
            text,
            f"text must be writable as UTF-8, but it holds {problem}",
        )


def _check_int(
    value: object, name: str, what: str, *, low: int, high: int | None = None
) -> int:
    """Return *value* if it is an int from *low* to *high*, not a bool."""
    rule = f"{name} must be an int " + (
        f">= {low}" if high is None else f"from {low} to {high}"
    )
    if not isinstance(value, int) or isinstance(value, bool):
        raise _refuse(
            what, name, value, f"{rule}, not {_type(value)}", _InvalidTypeError
        )
    if value < low or (high is not None and value > high):
        raise _refuse(what, name, value, rule)
    return value


def _check_flag(value: object, name: str, what: str) -> bool:
    """Return *value* if it is True or False."""
    if not isinstance(value, bool):
        raise _refuse(
            what,
            name,
            value,
            f"{name} must be True or False, not {_type(value)}",
            _InvalidTypeError,
        )
    return value


def _check_years(
    min_value: object, max_value: object, what: str
) -> tuple[int, int]:
    low = _check_int(min_value, "min_value", what, low=1, high=9999)
    high = _check_int(max_value, "max_value", what, low=1, high=9999)
    if low > high:
        raise _InvalidValueError(
            f"{what}(min_value={min_value!r}, max_value={max_value!r}): "
            "min_value must not be greater than max_value"
        )
    return low, high


def _members(
    values: object, cls: type[_E], name: str, what: str
) -> tuple[_E, ...]:
    """Return the members of the enum *cls* that *values* name, in order."""
    if values is None:
        return tuple(cls)
    rule = f"{name} must be an iterable of {cls.__name__} members"
    # Before the check for str: a member of a StrEnum is a str too.
    if isinstance(values, cls):
        raise _refuse(
            what,
            name,
            values,
            f"{rule}, not a single member; put it in a list",
            _InvalidTypeError,
        )
    if isinstance(values, str | bytes | bytearray | memoryview) or not (
        isinstance(values, Iterable)
    ):
        raise _refuse(
            what,
            name,
            values,
            f"{rule}, not {_type(values)}",
            _InvalidTypeError,
        )
    try:
        members = tuple(dict.fromkeys(cls(v) for v in values))
    except TypeError as e:
        raise _InvalidTypeError(f"{what}({name}=...): {e}") from None
    except ValueError as e:
        raise _InvalidValueError(f"{what}({name}=...): {e}") from None
    if not members:
        raise _refuse(
            what,
            name,
            values,
            f"{name} must name at least one {cls.__name__}, or be None "
            "for all",
        )
    return members


def _choose(
    source: Origin,
    real: Callable[[], Sequence[_T]],
    synthetic: SearchStrategy[_T],
    what: str,
) -> SearchStrategy[_T]:
    """
    Combine the article's values and *synthetic* ones as *source* says.

    Reads the bundled data unless *source* is ``"synthetic"``: call it on
    a draw, never when a strategy is made.
    """
    if source == "synthetic":
        return synthetic
    values = tuple(real())
    if source == "any":
        return st.sampled_from(values) | synthetic if values else synthetic
    if not values:
        raise _InvalidValueError(
            f"{what}(source='article', ...): the article has no such "
            "value; use source='synthetic' or 'any'"
        )
    return st.sampled_from(values)


# -- text and evidence


def _anchors(text: str) -> tuple[int, ...]:
    """Return the offsets of the characters a span can be anchored on."""
    return tuple(i for i, c in enumerate(text) if not c.isspace())


def _anchored(text: str | None) -> _Text | None:
    """Return a checked *text* with its anchors, or `None` for none."""
    return None if text is None else (text, _anchors(text))


def _letters(number: int) -> str:
    """Spell *number* in letters, a word of a-z: 1 a, 26 z, 27 aa."""
    word = ""
    while number:
        number, digit = divmod(number - 1, 26)
        word = chr(ord("a") + digit) + word
    return word


# A corpus draws from the same pools of ids, and the same ranges of
# integers, for record after record: one strategy for each saves
# Hypothesis validating a new one at every draw.
@functools.lru_cache(maxsize=1024)
def _between(low: int, high: int) -> SearchStrategy[int]:
    """Return the ints from *low* to *high*, shrinking to *low*."""
    return st.integers(low, high)


def _item(draw: DrawFn, items: Sequence[_T]) -> _T:
    """Draw one of *items*, shrinking to the first, as `sampled_from`."""
    return items[draw(_between(0, len(items) - 1))]


def _distinct(
    draw: DrawFn, items: Sequence[_T], min_size: int, max_size: int
) -> tuple[_T, ...]:
    """
    Draw *min_size* to *max_size* distinct *items*, in the order drawn.

    A count, then each item from those left: no draw is ever rejected, as
    in a unique `lists`, and it shrinks to the first *min_size* items.
    """
    left = list(items)
    count = draw(_between(min_size, min(max_size, len(left))))
    return tuple(left.pop(_item(draw, range(len(left)))) for _ in range(count))


@functools.lru_cache(maxsize=256)
def _ids_from(pool: tuple[str, ...] | None) -> SearchStrategy[str]:
    """Return ids from *pool*, or any well-formed ids if it is `None`."""
    return _IDS if pool is None else st.sampled_from(pool)


@functools.lru_cache(maxsize=256)
def _optional_id(pool: tuple[str, ...] | None) -> SearchStrategy[str | None]:
    """Return `None` or an id from *pool*."""
    return st.none() if pool == () else st.none() | _ids_from(pool)


@functools.lru_cache(maxsize=16)
def _id_lists(min_size: int) -> SearchStrategy[list[str]]:
    """Return lists of a few distinct well-formed ids."""
    return st.lists(_IDS, min_size=min_size, max_size=_FEW, unique=True)


class _Scope:
    """
    What the records drawn for one example share.

    The text their evidence points into; the ids that each kind of
    reference may name (`None`: any well-formed id); and the keys of the
    ids, names and aliases used so far, which must not repeat.  A corpus
    keys them as its lookups do; a lone record only needs distinct aliases.
    """

    def __init__(
        self,
        text: _Text,
        *,
        labels: SearchStrategy[str] = _LABELS,
        key: Callable[[str], str] = str,
    ) -> None:
        self.text, self.anchors = text
        self.labels = labels
        self.key = key
        self.used: set[str] = set()
        self.people: tuple[str, ...] | None = None
        self.groups: tuple[str, ...] | None = None
        self.places: tuple[str, ...] | None = None
        self.events: tuple[str, ...] | None = None
        self.claims: tuple[str, ...] | None = None
        self.targets: tuple[str, ...] | None = None

    def span(self, draw: DrawFn) -> Evidence:
        """Draw a span around a character that is not whitespace."""
        at = _item(draw, self.anchors)
        before = min(at, _REACH) + 1
        after = min(len(self.text) - at - 1, _REACH) + 1
        # How far it reaches on either side, in one draw that shrinks to
        # the anchor alone: Hypothesis spends as much on a draw as on what
        # is drawn.
        reach = draw(_between(0, before * after - 1))
        start = at - reach // after
        end = at + 1 + reach % after
        return Evidence.from_offsets(self.text, start, end)

    def inside(
        self,
        draw: DrawFn,
        evidence: tuple[Evidence, ...],
        avoid: tuple[Evidence, ...] = (),
    ) -> Evidence | None:
        """
        Draw a span inside one of *evidence* and clear of *avoid*.

        Drawn in the room *avoid* leaves, not drawn anywhere and refused if
        it hits *avoid*: the quoted words of a quotation fill much of its
        evidence, and a speaker's mention was seldom drawn beside them.
        `None` if no room holds a character that is not whitespace.
        """
        anchors = self.anchors
        rooms = [
            (start, end)
            for span in evidence
            for start, end in _rooms(span.start, span.end, avoid)
            # Around a character that is not whitespace, as every span is.
            if bisect.bisect_left(anchors, start)
            < bisect.bisect_left(anchors, end)
        ]
        if not rooms:
            return None
        low, high = _item(draw, rooms)
        first = bisect.bisect_left(anchors, low)
        last = bisect.bisect_left(anchors, high) - 1
        at = anchors[draw(_between(first, last))]
        start = draw(_between(low, at))
        end = draw(_between(at + 1, high))
        return Evidence.from_offsets(self.text, start, end)

    def evidence(self, draw: DrawFn) -> tuple[Evidence, ...]:
        """Draw a few distinct spans, in the order drawn."""
        count = draw(_between(1, _FEW))
        return tuple(dict.fromkeys(self.span(draw) for _ in range(count)))

    def fresh(self, value: str, joiner: str, taken: str = "") -> str:
        """
        Return *value*, or it with a word added, unused (and not *taken*).

        A word added rather than a filter, which would reject draws.
        """
        extra, new = 0, value
        while self.key(new) in self.used or new == taken:
            extra += 1
            new = f"{value}{joiner}{_letters(extra)}"
        self.used.add(self.key(new))
        return new

    def label(self, draw: DrawFn) -> str:
        """Draw a name or alias that the scope has not used yet."""
        return self.fresh(draw(self.labels), " ")

    def aliases(self, draw: DrawFn) -> tuple[str, ...]:
        """Draw a few aliases that the scope has not used yet."""
        return tuple(self.label(draw) for _ in range(draw(_between(0, _FEW))))

    def refs(
        self,
        draw: DrawFn,
        pool: tuple[str, ...] | None,
        *,
        min_size: int = 0,
        but: str | None = None,
    ) -> tuple[str, ...]:
        """Draw a few distinct ids from *pool*, never *but*, a record's own."""
        drawn = (
            tuple(draw(_id_lists(min_size)))
            if pool is None
            else _distinct(draw, pool, min_size, _FEW)
        )
        return tuple(r for r in drawn if r != but)

    def date(self, draw: DrawFn, rid: str) -> HistoricalDate:
        """Draw a date of record *rid*, perhaps relative to another record."""
        date = draw(_scoped_dates(self.targets))
        if date.relative_to != rid:
            return date
        # Counted from the record it dates: the date as stated instead.
        return attrs.evolve(
            date,
            relative_to=None,
            basis=DateBasis.STATED
            if date.basis is DateBasis.RELATIVE
            else date.basis,
        )

    def optional_date(self, draw: DrawFn, rid: str) -> HistoricalDate | None:
        """Draw `None` (the simplest) or a date of record *rid*."""
        return self.date(draw, rid) if draw(st.booleans()) else None


def _rooms(
    start: int, end: int, avoid: tuple[Evidence, ...]
) -> list[tuple[int, int]]:
    """Return the stretches from *start* to *end* that *avoid* leaves free."""
    rooms = []
    for span in sorted(avoid, key=lambda a: a.start):
        if span.end <= start or end <= span.start:
            continue
        if start < span.start:
            rooms.append((start, span.start))
        start = max(start, span.end)
    if start < end:
        rooms.append((start, end))
    return rooms


@st.composite
def _texts(draw: DrawFn) -> _Text:
    text = draw(_TEXTS)
    return text, _anchors(text)


@st.composite
def _spans(draw: DrawFn, text: _Text | None) -> Evidence:
    return _Scope(text or draw(_texts())).span(draw)


@_lazy
def evidence(
    *, source: Origin = "any", text: str | None = None
) -> SearchStrategy[Evidence]:
    """
    Generate spans of a text: `Evidence` whose offsets and quote agree.

    Args:
        source: ``"article"`` for the spans of the bundled records (their
            *segments* and *evidence*, in data order), ``"synthetic"`` for
            new spans of *text*, ``"any"`` for both.
        text: The text synthetic spans are cut from; a generated text if
            `None`.  Only with ``source="synthetic"``.

    Returns:
        A strategy for `Evidence`.  A synthetic span shrinks to the first
        character of its text that is not whitespace, with its context.

    Raises:
        hypothesis.errors.InvalidArgument: When a value is drawn, if
            *source* is unknown, or if *text* is given for another source,
            is only whitespace or holds a lone surrogate.

    >>> from hypothesis import find
    >>> from secretspeech.strategies import evidence
    >>> find(evidence(source="synthetic", text="  The speech."), bool)
    Evidence(start=2, end=3, exact='T')
    """
    _check_text(source, text, "evidence")
    return _evidence(source, text)


@_cached
def _evidence(source: Origin, text: str | None) -> SearchStrategy[Evidence]:
    def real() -> tuple[Evidence, ...]:
        spans: dict[Evidence, None] = {}
        for record in load_bundled().records():
            spans.update(dict.fromkeys(getattr(record, "segments", ())))
            spans.update(dict.fromkeys(record.evidence))
        return tuple(spans)

    return _choose(source, real, _spans(_anchored(text)), "evidence")


# -- dates and quantities

_SHAPES = (
    "single",
    "closed",
    "open end",
    "open start",
    "unknown end",
    "unknown start",
)


def _written_years(edtf: str) -> tuple[int, int] | None:
    """Return the first and last year an EDTF string names, if any."""
    sides = [side[:4] for side in edtf.split("/") if side not in {"..", ""}]
    if not sides:  # pragma: no cover - every HistoricalDate names a year
        return None
    return (
        min(int(side.replace("X", "0")) for side in sides),
        max(int(side.replace("X", "9")) for side in sides),
    )


def _year_ranges(
    calendars: tuple[Calendar, ...], low: int, high: int
) -> tuple[tuple[Calendar, int, int], ...]:
    """Return each calendar with its years in *low*..*high*, if any."""
    ranges = []
    for calendar in calendars:
        first, last = low, high
        if calendar is Calendar.JULIAN:
            first, last = (
                max(low, _JULIAN_YEARS[0]),
                min(high, _JULIAN_YEARS[1]),
            )
        if first <= last:
            ranges.append((calendar, first, last))
    return tuple(ranges)


def _spans_of(size: int, low: int, high: int) -> tuple[int, int]:
    """
    Return the first and last prefix of decades or centuries in range.

    *size* is 10 or 100; spans must lie within *low*..*high* and never
    include the year 0.
    """
    return -(-max(low, size) // size), (high - size + 1) // size


@functools.lru_cache(maxsize=256)
def _forms(low: int, high: int) -> tuple[tuple[str, str], ...]:
    """Return each form that names only years in range, with a qualifier."""
    decades, centuries = _spans_of(10, low, high), _spans_of(100, low, high)
    forms = ["year", "month", "day"]
    forms += ["decade"] if decades[0] <= decades[1] else []
    forms += ["century"] if centuries[0] <= centuries[1] else []
    return tuple(itertools.product(forms, _QUALIFIERS))


def _side(
    draw: DrawFn, calendar: Calendar, low: int, high: int
) -> HistoricalDate:
    """Draw one date (not an interval) naming only years in *low*..*high*."""
    # Form and qualifier in one draw, as every other pair of choices from
    # short lists here: each draw costs Hypothesis as much as its value.
    form, qualifier = _item(draw, _forms(low, high))
    if form == "decade":
        edtf = f"{draw(_between(*_spans_of(10, low, high))):03d}X"
    elif form == "century":
        edtf = f"{draw(_between(*_spans_of(100, low, high))):02d}XX"
    else:
        year = draw(_between(low, high))
        edtf = f"{year:04d}"
        if form != "year":
            month = draw(_between(1, 12))
            edtf += f"-{month:02d}"
            if form == "day":
                days = _days_in_month(year, month, calendar)
                edtf += f"-{draw(_between(1, days)):02d}"
    edtf += qualifier
    return HistoricalDate.from_edtf(edtf, text=edtf, calendar=calendar)


# Shrinks to a date the article states, or words relative to another.
_ABSOLUTE = (DateBasis.STATED, DateBasis.INFERRED, DateBasis.RECORD)
_RELATIVE = (DateBasis.RELATIVE, DateBasis.INFERRED)


@functools.lru_cache(maxsize=64)
def _pairs(
    firsts: tuple[_T, ...], seconds: tuple[_R, ...]
) -> tuple[tuple[_T, _R], ...]:
    """Return every pair of *firsts* and *seconds*, the first ones first."""
    return tuple(itertools.product(firsts, seconds))


@st.composite
def _synthetic_dates(
    draw: DrawFn,
    ranges: tuple[tuple[Calendar, int, int], ...],
    *,
    shapes: tuple[str, ...],
    relative_to: SearchStrategy[str | None],
) -> HistoricalDate:
    (calendar, low, high), shape = _item(draw, _pairs(ranges, shapes))
    start = _side(draw, calendar, low, high)
    if shape == "single":
        edtf = start.edtf
    elif shape == "open end":
        edtf = f"{start.edtf}/.."
    elif shape == "open start":
        edtf = f"../{start.edtf}"
    elif shape == "unknown end":
        edtf = f"{start.edtf}/"
    elif shape == "unknown start":
        edtf = f"/{start.edtf}"
    else:
        end = _side(draw, calendar, low, high)
        # A reversed pair swapped is a valid interval: if end is over before
        # start begins, then end begins before start is over.
        if end.latest < start.earliest:
            start, end = end, start
        edtf = f"{start.edtf}/{end.edtf}"
    relative = draw(relative_to)
    basis = _item(draw, _RELATIVE if relative else _ABSOLUTE)
    return HistoricalDate.from_edtf(
        edtf,
        text=draw(_LABELS),
        calendar=calendar,
        relative_to=relative,
        basis=basis,
        reason=draw(_LABELS) if basis is DateBasis.INFERRED else None,
    )


@functools.lru_cache(maxsize=256)
def _scoped_dates(
    targets: tuple[str, ...] | None,
) -> SearchStrategy[HistoricalDate]:
    """Return any dates, perhaps relative to one of *targets*."""
    return _synthetic_dates(
        _year_ranges(tuple(Calendar), 1, 9999),
        shapes=_SHAPES,
        relative_to=_optional_id(targets),
    )


@_lazy
def historical_dates(  # noqa: PLR0913 -- each option is one rule of the subset
    *,
    source: Origin = "any",
    calendars: Iterable[Calendar] | None = None,
    min_value: int = 1,
    max_value: int = 9999,
    intervals: bool = True,
    open_ends: bool = True,
) -> SearchStrategy[HistoricalDate]:
    """
    Generate dates and periods in the EDTF subset of `HistoricalDate`.

    Args:
        source: ``"article"`` for the dates of the bundled records (in data
            order, then the article's publication date), ``"synthetic"``
            for new ones, ``"any"`` for both.
        calendars: The calendars allowed; `None` for all.
        min_value: The earliest year the EDTF string may name, an int
            from 1 to 9999 (a year, not a `datetime.date`: the bounds are
            on the years written, which is all a decade or a century
            names).
        max_value: The latest year the EDTF string may name, an int from
            1 to 9999.  An open end (``..``) names no year; *open_ends*
            alone governs it.
        intervals: Whether to generate intervals (``START/END``).
        open_ends: Whether intervals may have an open end.

    Returns:
        A strategy for `HistoricalDate`, built by
        `HistoricalDate.from_edtf` so that its bounds agree with its EDTF
        string.  A synthetic date shrinks to the year *min_value* with no
        qualifier, in the first of *calendars*.

    Raises:
        hypothesis.errors.InvalidArgument: When a value is drawn, if
            *source* or a calendar is unknown, if *calendars* is not an
            iterable of `Calendar` members, if a year is not an int from 1
            to 9999 or *min_value* is greater than *max_value*, if
            *intervals* or *open_ends* is not a bool, or if no date fits
            the arguments.

    >>> from hypothesis import find
    >>> from secretspeech.strategies import historical_dates
    >>> find(historical_dates(source="synthetic", min_value=1956), bool).edtf
    '1956'
    >>> find(historical_dates(source="article"), bool).text
    '15 April 1894'
    """
    what = "historical_dates"
    _check_source(source, what)
    allowed = _members(calendars, Calendar, "calendars", what)
    years = _check_years(min_value, max_value, what)
    _check_flag(intervals, "intervals", what)
    _check_flag(open_ends, "open_ends", what)
    return _historical_dates(source, allowed, years, intervals, open_ends)


@_cached
def _historical_dates(
    source: Origin,
    allowed: tuple[Calendar, ...],
    years: tuple[int, int],
    intervals: bool,
    open_ends: bool,
) -> SearchStrategy[HistoricalDate]:
    what = "historical_dates"
    min_value, max_value = years
    ranges = _year_ranges(allowed, min_value, max_value)
    if source != "article" and not ranges:
        raise _InvalidValueError(
            f"{what}(calendars={allowed!r}, min_value={min_value!r}, "
            f"max_value={max_value!r}): a Julian date of those years has "
            "Gregorian bounds outside 0001-01-01 to 9999-12-31"
        )
    shapes = _SHAPES if open_ends else _SHAPES[:2]

    def wanted(date: HistoricalDate) -> bool:
        written = _written_years(date.edtf)
        return (
            date.calendar in allowed
            and (intervals or date.precision is not Precision.INTERVAL)
            and (open_ends or not date.is_open)
            and (written is None or min_value <= written[0])
            and (written is None or written[1] <= max_value)
        )

    def real() -> tuple[HistoricalDate, ...]:
        corpus = load_bundled()
        found: dict[HistoricalDate, None] = {}
        for record in corpus.records():
            first = getattr(record, "date", None)
            more = getattr(record, "also_dated", ())
            life = (
                getattr(record, "born", None),
                getattr(record, "died", None),
            )
            found.update(dict.fromkeys(d for d in (first, *more, *life) if d))
        found[corpus.article.published] = None
        return tuple(filter(wanted, found))

    synthetic = _synthetic_dates(
        ranges,
        shapes=shapes if intervals else shapes[:1],
        relative_to=_optional_id(None),
    )
    return _choose(source, real, synthetic, what)


def _maybe(draw: DrawFn, strategy: SearchStrategy[_T]) -> _T | None:
    """Draw `None` (the simplest) or a value of *strategy*."""
    return draw(strategy) if draw(st.booleans()) else None


_FIGURES = st.integers(0, 10**12)
_HEDGES = _LABELS.filter(lambda h: not _NUMBER_WORD.search(h))


@st.composite
def _synthetic_quantities(
    draw: DrawFn, kinds: tuple[QuantityKind, ...]
) -> Quantity:
    kind = _item(draw, kinds)
    figure = draw(_FIGURES)

    # Distances from the figure, which shrink to it.  Not _between: each
    # figure would take a place in its cache.
    def below() -> int | None:
        less = _maybe(draw, st.integers(0, figure))
        return None if less is None else figure - less

    def above() -> int | None:
        more = _maybe(draw, _FIGURES)
        return None if more is None else figure + more

    value: int | None = figure
    low: int | None = figure
    high: int | None = figure
    if kind is QuantityKind.APPROXIMATE:
        low, high = below(), above()
    elif kind is QuantityKind.AT_MOST:
        low = below()
    elif kind is QuantityKind.AT_LEAST:
        high = above()
    elif kind is QuantityKind.ORDER_OF_MAGNITUDE:
        value, high = None, figure + draw(_FIGURES)
    elif kind is QuantityKind.VAGUE:
        value, low, high = None, below(), above()
    hedge = None if kind is QuantityKind.EXACT else _maybe(draw, _HEDGES)
    wording = draw(_LABELS)
    return Quantity(
        text=wording if hedge is None else f"{hedge} {wording}",
        kind=kind,
        unit=draw(_LABELS),
        value=value,
        low=low,
        high=high,
        hedge=hedge,
    )


_ALL_QUANTITIES = _synthetic_quantities(tuple(QuantityKind))


@_lazy
def quantities(
    *,
    source: Origin = "any",
    kinds: Iterable[QuantityKind | str] | None = None,
) -> SearchStrategy[Quantity]:
    """
    Generate numbers with their hedges: `Quantity` values.

    Args:
        source: ``"article"`` for the quantities of the bundled statistics,
            in data order, ``"synthetic"`` for new ones, ``"any"`` for both.
        kinds: The kinds allowed, as members or values of `QuantityKind`;
            `None` for all.

    Returns:
        A strategy for `Quantity`, whose kind always agrees with its bounds.
        A synthetic quantity shrinks to the exact figure 0.

    Raises:
        hypothesis.errors.InvalidArgument: When a value is drawn, if
            *source* or a kind is unknown, if *kinds* is empty or not an
            iterable of kinds, or if *source* is ``"article"`` and the
            article has no quantity of *kinds*.

    >>> from hypothesis import find
    >>> from secretspeech.strategies import quantities
    >>> q = find(quantities(source="synthetic", kinds=["at most"]), bool)
    >>> q.kind, q.value, q.low, q.high
    (<QuantityKind.AT_MOST: 'at most'>, 0, None, 0)
    """
    what = "quantities"
    _check_source(source, what)
    return _quantities(source, _members(kinds, QuantityKind, "kinds", what))


@_lazy
def sources(*, source: Origin = "any") -> SearchStrategy[Source]:
    """
    Generate the works that notes cite: `Source` values.

    Args:
        source: ``"article"`` for the sources of the bundled notes, in data
            order, ``"synthetic"`` for new ones, ``"any"`` for both.

    Returns:
        A strategy for `Source`.  A synthetic source shrinks to a reference
        work with a one-character title and nothing else.

    Raises:
        hypothesis.errors.InvalidArgument: When a value is drawn, if
            *source* is unknown.

    >>> from hypothesis import find
    >>> from secretspeech.strategies import sources
    >>> find(sources(source="synthetic"), bool).kind
    <SourceKind.REFERENCE_WORK: 'reference work'>
    """
    _check_source(source, "sources")
    return _sources(source)


@_cached
def _sources(source: Origin) -> SearchStrategy[Source]:
    def real() -> tuple[Source, ...]:
        found = (s for note in load_bundled().notes for s in note.sources)
        return tuple(dict.fromkeys(found))

    return _choose(source, real, _source_values(), "sources")


# The optional fields of a synthetic source: those the model lets be None.
_SOURCE_OPTIONS = tuple(
    f.name for f in attrs.fields(Source) if f.default is None
)


@st.composite
def _source_values(draw: DrawFn) -> Source:
    # Which optional fields are given, in one draw rather than one a field:
    # each is given half the time, and none when shrunk.
    given = draw(_between(0, 2 ** len(_SOURCE_OPTIONS) - 1))
    return Source(
        kind=_item(draw, _SOURCE_KINDS),
        title=draw(_LABELS),
        **{
            name: draw(_LABELS) if given >> i & 1 else None
            for i, name in enumerate(_SOURCE_OPTIONS)
        },
    )


_SOURCE_KINDS = tuple(SourceKind)
_SOURCE_LISTS = st.lists(_source_values(), min_size=1, max_size=_FEW)


@_cached
def _quantities(
    source: Origin, allowed: tuple[QuantityKind, ...]
) -> SearchStrategy[Quantity]:
    def real() -> tuple[Quantity, ...]:
        found = (s.quantity for s in load_bundled().statistics)
        return tuple(dict.fromkeys(q for q in found if q.kind in allowed))

    synthetic = _synthetic_quantities(allowed)
    return _choose(source, real, synthetic, "quantities")


# -- records


# Enumerations as tuples, to draw a member by its index.
_ROLES = tuple(PersonRole)
_GROUP_KINDS = tuple(GroupKind)
_PLACE_KINDS = tuple(PlaceKind)
_EVENT_KINDS = tuple(EventKind)
_QUOTATION_KINDS = tuple(QuotationKind)
_RELATION_KINDS = tuple(RelationKind)
_VERDICTS = tuple(Verdict)
_WIKIDATA = st.integers(1, 10**9).map("Q{}".format)


def _person(draw: DrawFn, scope: _Scope, rid: str) -> Person:
    return Person(
        id=rid,
        name=scope.label(draw),
        aliases=scope.aliases(draw),
        description=draw(_LABELS),
        roles=_distinct(draw, _ROLES, 0, _FEW),
        named=_item(draw, (True, False)),
        other_names=scope.aliases(draw),
        wikidata=_maybe(draw, _WIKIDATA),
        **_life(draw, scope, rid),
        evidence=scope.evidence(draw),
    )


def _life(
    draw: DrawFn, scope: _Scope, rid: str
) -> dict[str, HistoricalDate | None]:
    """Draw dates of birth and death from the record, in order."""
    born, died = (
        None if d is None else _from_record(d)
        for d in (
            scope.optional_date(draw, rid),
            scope.optional_date(draw, rid),
        )
    )
    if born is not None and died is not None and died.latest < born.earliest:
        born, died = died, born
    return {"born": born, "died": died}


def _from_record(date: HistoricalDate) -> HistoricalDate:
    return HistoricalDate.from_edtf(
        date.edtf,
        text=date.text,
        calendar=date.calendar,
        basis=DateBasis.RECORD,
    )


def _group(draw: DrawFn, scope: _Scope, rid: str) -> Group:
    return Group(
        id=rid,
        name=scope.label(draw),
        aliases=scope.aliases(draw),
        other_names=scope.aliases(draw),
        description=draw(_LABELS),
        kind=_item(draw, _GROUP_KINDS),
        members=scope.refs(draw, scope.people),
        evidence=scope.evidence(draw),
    )


def _other_than(rid: str, ref: str | None) -> str | None:
    """Return *ref*, or `None` for a reference of record *rid* to itself."""
    return None if ref == rid else ref


def _place(draw: DrawFn, scope: _Scope, rid: str) -> Place:
    return Place(
        id=rid,
        name=scope.label(draw),
        aliases=scope.aliases(draw),
        other_names=scope.aliases(draw),
        description=draw(_LABELS),
        kind=_item(draw, _PLACE_KINDS),
        within=_other_than(rid, draw(_optional_id(scope.places))),
        evidence=scope.evidence(draw),
    )


def _event(draw: DrawFn, scope: _Scope, rid: str) -> Event:
    return Event(
        id=rid,
        name=scope.label(draw),
        aliases=scope.aliases(draw),
        other_names=scope.aliases(draw),
        summary=draw(_LABELS),
        kind=_item(draw, _EVENT_KINDS),
        date=scope.optional_date(draw, rid),
        also_dated=tuple(
            scope.date(draw, rid) for _ in range(draw(_between(0, 2)))
        ),
        participants=scope.refs(draw, scope.people),
        groups=scope.refs(draw, scope.groups),
        places=scope.refs(draw, scope.places),
        subjects=scope.refs(draw, scope.targets, but=rid),
        evidence=scope.evidence(draw),
    )


def _quotation(draw: DrawFn, scope: _Scope, rid: str) -> Quotation:
    people, groups = scope.people, scope.groups
    addressees = None if people is None or groups is None else people + groups
    evidence = scope.evidence(draw)
    # The quoted words lie in the evidence, apart from each other.
    segments: list[Evidence] = []
    for _ in range(draw(_between(1, _FEW))):
        span = scope.inside(draw, evidence, avoid=tuple(segments))
        if span is not None:
            segments.append(span)
    quoted = tuple(sorted(segments, key=lambda e: e.start))
    speaker = draw(_optional_id(people))
    # The attribution lies in the evidence, outside the quoted words.
    mention = cue = None
    if speaker is not None and draw(st.booleans()):
        mention = scope.inside(draw, evidence, avoid=quoted)
    if draw(st.booleans()):
        cue = scope.inside(draw, evidence, avoid=quoted)
    occasion = draw(_optional_id(scope.events))
    no_occasion = None
    if occasion is None and draw(st.booleans()):
        no_occasion = draw(_LABELS)
    return Quotation(
        id=rid,
        segments=quoted,
        kind=_item(draw, _QUOTATION_KINDS),
        speaker=speaker,
        speaker_mention=mention,
        cue=cue,
        addressees=scope.refs(draw, addressees),
        date=scope.optional_date(draw, rid),
        occasion=occasion,
        occasion_link=None
        if occasion is None
        else scope.inside(draw, evidence),
        no_occasion=no_occasion,
        subjects=scope.refs(draw, scope.targets, but=rid),
        evidence=evidence,
    )


def _statistic(draw: DrawFn, scope: _Scope, rid: str) -> Statistic:
    return Statistic(
        id=rid,
        quantity=draw(_ALL_QUANTITIES),
        counting=draw(_LABELS),
        description=draw(_LABELS),
        date=scope.optional_date(draw, rid),
        places=scope.refs(draw, scope.places),
        about=scope.refs(draw, scope.targets, but=rid),
        evidence=scope.evidence(draw),
    )


def _claim(draw: DrawFn, scope: _Scope, rid: str) -> Claim:
    people, groups = scope.people, scope.groups
    holders = None if people is None or groups is None else people + groups
    stances = [Stance.ASSERTION, Stance.EVALUATION]
    if holders != ():
        stances.append(Stance.REPORT)
    stance = _item(draw, stances)
    evidence = scope.evidence(draw)
    reported = stance is Stance.REPORT
    parent = draw(_optional_id(scope.claims))
    return Claim(
        id=rid,
        summary=draw(_LABELS),
        stance=stance,
        by=draw(_ids_from(holders)) if reported else None,
        cue=scope.inside(draw, evidence) if reported else None,
        parent=parent if parent != rid else None,
        subjects=scope.refs(draw, scope.targets, but=rid),
        evidence=evidence,
    )


def _relation(draw: DrawFn, scope: _Scope, rid: str) -> Relation:
    source, target = scope.refs(draw, scope.targets, min_size=2)[:2]
    evidence = scope.evidence(draw)
    return Relation(
        id=rid,
        kind=_item(draw, _RELATION_KINDS),
        source=source,
        target=target,
        link=_item(draw, evidence),
        evidence=evidence,
    )


def _note(draw: DrawFn, scope: _Scope, rid: str) -> Note:
    # A note may also be about the article itself.
    pool = None if scope.targets is None else (*scope.targets, "article")
    # Never about itself: drawn alone, a note may draw its own id.
    about = scope.refs(draw, pool, min_size=1, but=rid)
    return Note(
        id=rid,
        verdict=_item(draw, _VERDICTS),
        about=about or ("article",),
        text=draw(_LABELS),
        sources=draw(_SOURCE_LISTS),
        evidence=scope.evidence(draw),
    )


_Build: TypeAlias = Callable[["DrawFn", _Scope, str], _R]


def _records(
    name: str, build: _Build[_R], source: Origin, text: str | None
) -> SearchStrategy[_R]:
    _check_text(source, text, name)
    strategy: SearchStrategy[_R] = _built_records(name, build, source, text)
    return strategy


@_cached
def _built_records(
    name: str, build: _Build[_R], source: Origin, text: str | None
) -> SearchStrategy[_R]:
    checked = _anchored(text)

    @st.composite
    def synthetic(draw: DrawFn) -> _R:
        return build(draw, _Scope(checked or draw(_texts())), draw(_IDS))

    def real() -> Sequence[_R]:
        records: Sequence[_R] = getattr(load_bundled(), name)
        return records

    return _choose(source, real, synthetic(), name)


@_lazy
def people(
    *, source: Origin = "any", text: str | None = None
) -> SearchStrategy[Person]:
    """
    Generate people: `Person` records.

    Args:
        source: ``"article"``, ``"synthetic"`` or ``"any"``; see the module
            documentation.
        text: The text synthetic evidence points into; a generated text if
            `None`.  Only with ``source="synthetic"``.

    Returns:
        A strategy for `Person`.

    Raises:
        hypothesis.errors.InvalidArgument: When a value is drawn, if
            *source* is unknown, or *text* is given for another source,
            has nothing but whitespace or holds a lone surrogate.

    >>> from hypothesis import find
    >>> from secretspeech.strategies import people
    >>> find(people(source="article"), bool).name
    'Nikita Khrushchev'
    """
    return _records("people", _person, source, text)


@_lazy
def groups(
    *, source: Origin = "any", text: str | None = None
) -> SearchStrategy[Group]:
    """
    Generate groups: `Group` records.

    Args:
        source: ``"article"``, ``"synthetic"`` or ``"any"``; see the module
            documentation.
        text: The text synthetic evidence points into; a generated text if
            `None`.  Only with ``source="synthetic"``.

    Returns:
        A strategy for `Group`.

    Raises:
        hypothesis.errors.InvalidArgument: When a value is drawn, if
            *source* is unknown, or *text* is given for another source,
            has nothing but whitespace or holds a lone surrogate.

    >>> from hypothesis import find
    >>> from secretspeech.strategies import groups
    >>> find(groups(source="article"), bool).id
    'twentieth-congress'
    """
    return _records("groups", _group, source, text)


@_lazy
def places(
    *, source: Origin = "any", text: str | None = None
) -> SearchStrategy[Place]:
    """
    Generate places: `Place` records.

    Args:
        source: ``"article"``, ``"synthetic"`` or ``"any"``; see the module
            documentation.
        text: The text synthetic evidence points into; a generated text if
            `None`.  Only with ``source="synthetic"``.

    Returns:
        A strategy for `Place`.

    Raises:
        hypothesis.errors.InvalidArgument: When a value is drawn, if
            *source* is unknown, or *text* is given for another source,
            has nothing but whitespace or holds a lone surrogate.

    >>> from hypothesis import find
    >>> from secretspeech.strategies import places
    >>> find(places(source="article"), lambda p: p.within is not None).id
    'eastern-bloc'
    """
    return _records("places", _place, source, text)


@_lazy
def events(
    *, source: Origin = "any", text: str | None = None
) -> SearchStrategy[Event]:
    """
    Generate events: `Event` records.

    Args:
        source: ``"article"``, ``"synthetic"`` or ``"any"``; see the module
            documentation.
        text: The text synthetic evidence points into; a generated text if
            `None`.  Only with ``source="synthetic"``.

    Returns:
        A strategy for `Event`.  A synthetic event shrinks to an undated
        ``"revolution"`` with one one-character span of evidence.

    Raises:
        hypothesis.errors.InvalidArgument: When a value is drawn, if
            *source* is unknown, or *text* is given for another source,
            has nothing but whitespace or holds a lone surrogate.

    >>> from hypothesis import find, given, settings
    >>> from secretspeech.strategies import events
    >>> find(events(source="article"), bool).id
    'october-revolution'
    >>> text = "Khrushchev spoke in February 1956."
    >>> @settings(max_examples=20, derandomize=True)
    ... @given(events(source="synthetic", text=text))
    ... def test_evidence_is_in_the_text(event):
    ...     assert all(span.matches(text) for span in event.evidence)
    >>> test_evidence_is_in_the_text()
    """
    return _records("events", _event, source, text)


@_lazy
def quotations(
    *, source: Origin = "any", text: str | None = None
) -> SearchStrategy[Quotation]:
    """
    Generate quotations: `Quotation` records.

    Synthetic segments are spans of the text, in text order.

    Args:
        source: ``"article"``, ``"synthetic"`` or ``"any"``; see the module
            documentation.
        text: The text synthetic segments and evidence point into; a
            generated text if `None`.  Only with ``source="synthetic"``.

    Returns:
        A strategy for `Quotation`.

    Raises:
        hypothesis.errors.InvalidArgument: When a value is drawn, if
            *source* is unknown, or *text* is given for another source,
            has nothing but whitespace or holds a lone surrogate.

    >>> from hypothesis import find
    >>> from secretspeech.strategies import quotations
    >>> find(quotations(source="article"), lambda q: q.speaker).id
    'dirty-linen'
    """
    return _records("quotations", _quotation, source, text)


@_lazy
def statistics(
    *, source: Origin = "any", text: str | None = None
) -> SearchStrategy[Statistic]:
    """
    Generate numbers with what they count: `Statistic` records.

    Args:
        source: ``"article"``, ``"synthetic"`` or ``"any"``; see the module
            documentation.
        text: The text synthetic evidence points into; a generated text if
            `None`.  Only with ``source="synthetic"``.

    Returns:
        A strategy for `Statistic`; synthetic ones hold a quantity from
        `quantities`.

    Raises:
        hypothesis.errors.InvalidArgument: When a value is drawn, if
            *source* is unknown, or *text* is given for another source,
            has nothing but whitespace or holds a lone surrogate.

    >>> from hypothesis import find
    >>> from secretspeech.strategies import statistics
    >>> find(statistics(source="article"), bool).quantity.text
    'several millions'
    """
    return _records("statistics", _statistic, source, text)


@_lazy
def claims(
    *, source: Origin = "any", text: str | None = None
) -> SearchStrategy[Claim]:
    """
    Generate claims: `Claim` records, the article's argument.

    A synthetic report names who is reported and its cue, inside its
    evidence; an assertion or an evaluation has neither.

    Args:
        source: ``"article"``, ``"synthetic"`` or ``"any"``; see the module
            documentation.
        text: The text synthetic evidence and cues point into; a generated
            text if `None`.  Only with ``source="synthetic"``.

    Returns:
        A strategy for `Claim`.

    Raises:
        hypothesis.errors.InvalidArgument: When a value is drawn, if
            *source* is unknown, or *text* is given for another source,
            has nothing but whitespace or holds a lone surrogate.

    >>> from hypothesis import find
    >>> from secretspeech.strategies import claims
    >>> def lenins(claim):
    ...     return claim.by == "vladimir-lenin"
    >>> find(claims(source="article"), lenins).cue.exact
    'saying'
    """
    return _records("claims", _claim, source, text)


@_lazy
def relations(
    *, source: Origin = "any", text: str | None = None
) -> SearchStrategy[Relation]:
    """
    Generate links between records: `Relation` records.

    Args:
        source: ``"article"``, ``"synthetic"`` or ``"any"``; see the module
            documentation.
        text: The text synthetic evidence points into; a generated text if
            `None`.  Only with ``source="synthetic"``.

    Returns:
        A strategy for `Relation`, whose source and target differ.

    Raises:
        hypothesis.errors.InvalidArgument: When a value is drawn, if
            *source* is unknown, or *text* is given for another source,
            has nothing but whitespace or holds a lone surrogate.

    >>> from hypothesis import find
    >>> from secretspeech.strategies import relations
    >>> find(relations(source="article"), lambda r: r.is_causal).kind
    <RelationKind.ENABLES: 'enables'>
    """
    return _records("relations", _relation, source, text)


@_lazy
def notes(
    *, source: Origin = "any", text: str | None = None
) -> SearchStrategy[Note]:
    """
    Generate notes from the public record: `Note` records.

    Args:
        source: ``"article"``, ``"synthetic"`` or ``"any"``; see the module
            documentation.  ``"article"`` raises if the bundled data has no
            notes.
        text: The text synthetic evidence points into; a generated text if
            `None`.  Only with ``source="synthetic"``.

    Returns:
        A strategy for `Note`, about at least one record and citing at
        least one source.

    Raises:
        hypothesis.errors.InvalidArgument: When a value is drawn, if
            *source* is unknown, or *text* is given for another source,
            has nothing but whitespace or holds a lone surrogate.

    >>> from hypothesis import given, settings
    >>> from secretspeech.strategies import notes
    >>> @settings(max_examples=20, derandomize=True)
    ... @given(notes(source="synthetic"))
    ... def test_notes_cite(note):
    ...     assert note.about and note.sources
    >>> test_notes_cite()
    """
    return _records("notes", _note, source, text)


# -- the article

# A publication date: a single Gregorian date, not a period.
_PUBLISHED = _synthetic_dates(
    _year_ranges((Calendar.GREGORIAN,), 1, 9999),
    shapes=_SHAPES[:1],
    relative_to=st.none(),
)


@st.composite
def _synthetic_articles(draw: DrawFn, text: _Text | None) -> Article:
    body = (text or draw(_texts()))[0]
    return Article(
        title=draw(_LABELS),
        standfirst=draw(_LABELS),
        author=draw(_LABELS),
        publication=draw(_LABELS),
        issue=draw(st.integers(0, 10**6)),
        published=draw(_PUBLISHED),
        caption=draw(_LABELS),
        text=body,
        sha256=hashlib.sha256(body.encode("utf-8")).hexdigest(),
        language=draw(st.sampled_from(_LANGUAGES)),
    )


@_lazy
def articles(
    *, source: Origin = "any", text: str | None = None
) -> SearchStrategy[Article]:
    """
    Generate articles: `Article` values, the text with its metadata.

    A synthetic article's *sha256* is the SHA-256 of its text encoded as
    UTF-8, as `secretspeech.load_corpus` demands; its publication date is
    a single Gregorian date and its language a BCP 47 tag such as
    ``"en-GB"``.

    Args:
        source: ``"article"`` for the bundled article itself,
            ``"synthetic"`` for new articles, ``"any"`` for both.
        text: The text of synthetic articles; a generated text if `None`.
            Only with ``source="synthetic"``.

    Returns:
        A strategy for `Article`.  A synthetic article shrinks to
        one-character strings, issue 0, publication in the year 1 and the
        language ``"en-GB"``.

    Raises:
        hypothesis.errors.InvalidArgument: When a value is drawn, if
            *source* is unknown, or *text* is given for another source,
            has nothing but whitespace or holds a lone surrogate.

    >>> import hashlib
    >>> from hypothesis import find
    >>> from secretspeech.strategies import articles
    >>> find(articles(source="article"), bool).issue
    1988
    >>> article = find(articles(source="synthetic", text="Spoke."), bool)
    >>> article.title, article.issue, article.published.edtf, article.language
    ('0', 0, '0001', 'en-GB')
    >>> article.sha256 == hashlib.sha256(b"Spoke.").hexdigest()
    True
    """
    _check_text(source, text, "articles")
    return _articles(source, text)


@_cached
def _articles(source: Origin, text: str | None) -> SearchStrategy[Article]:
    return _choose(
        source,
        lambda: (load_bundled().article,),
        _synthetic_articles(_anchored(text)),
        "articles",
    )


# -- whole corpora

# How to draw a record of each type; the collections and their order come
# from the schema, so a collection without a way to draw it fails here.
_BUILDERS: dict[type[Any], _Build[Any]] = {
    Person: _person,
    Group: _group,
    Place: _place,
    Event: _event,
    Quotation: _quotation,
    Statistic: _statistic,
    Claim: _claim,
    Relation: _relation,
    Note: _note,
}
_KINDS: tuple[tuple[str, _Build[Any]], ...] = tuple(
    (c.name, _BUILDERS[c.record_type]) for c in SCHEMA
)
# What subjects, relations, notes and relative dates refer to in a corpus.
_TARGETS = (
    "people",
    "groups",
    "places",
    "events",
    "quotations",
    "statistics",
    "claims",
)


@st.composite
def _synthetic_corpora(
    draw: DrawFn, text: _Text | None, max_size: int
) -> Corpus:
    scope = _Scope(text or draw(_texts()), labels=_WORDS, key=normalize)
    sizes = [draw(_between(0, max_size)) for _ in _KINDS]
    # Ids apart from each other and from the article, which notes name.
    ids = [
        scope.fresh(draw(_IDS), "-", taken="article")
        for _ in range(sum(sizes))
    ]
    planned: dict[str, list[str]] = {}
    for (name, _build), size in zip(_KINDS, sizes, strict=True):
        planned[name], ids = ids[:size], ids[size:]
    scope.people = tuple(planned["people"])
    scope.groups = tuple(planned["groups"])
    scope.events = tuple(planned["events"])
    scope.targets = tuple(i for name in _TARGETS for i in planned[name])
    if len(scope.targets) < 2:
        planned["relations"] = []
    data_version = draw(st.dates()).strftime("%Y.%m.%d")
    article = draw(_synthetic_articles((scope.text, scope.anchors)))
    collections: dict[str, tuple[Any, ...]] = {}
    for name, build in _KINDS:
        records: list[Any] = []
        for rid in planned[name]:
            # A place lies only within a place before it, and a claim is
            # only part of one before it: no loops.
            if name == "places":
                scope.places = tuple(r.id for r in records)
            if name == "claims":
                scope.claims = tuple(r.id for r in records)
            records.append(build(draw, scope, rid))
        if name == "places":
            scope.places = tuple(planned["places"])
        collections[name] = tuple(records)
    # Each record has kept its own rules as it was built; the constructor
    # keeps those of a corpus (ids, references, evidence against the text),
    # as it does for a loaded one.
    return Corpus(article=article, data_version=data_version, **collections)


@_lazy
def corpora(
    *,
    source: Origin = "any",
    text: str | None = None,
    max_size: int = 4,
) -> SearchStrategy[Corpus]:
    """
    Generate whole, valid datasets: `Corpus` objects.

    A synthetic corpus is built by the `Corpus` constructor, which keeps
    every rule of a dataset, as it does for what `secretspeech.load_corpus`
    reads: ids are unique, every reference names a record of the right
    collection, and every span matches the text.  Ids, names and aliases
    are also distinct from one another ignoring case, so that every lookup
    has one answer.

    Args:
        source: ``"article"`` for the bundled corpus itself,
            ``"synthetic"`` for new corpora, ``"any"`` for both.
        text: The article text of synthetic corpora; a generated text if
            `None`.  Only with ``source="synthetic"``.
        max_size: The most records of each type in a synthetic corpus;
            each type's count is drawn from 0 to it.  Hypothesis draws a
            bounded amount of data for an example, so a *max_size* above
            about 20 makes draws slow, and above about 40 they may fail
            its ``data_too_large`` health check: test at scale with corpora
            you generate and load instead.

    Returns:
        A strategy for `Corpus`.  A synthetic corpus shrinks to one with no
        records at all.

    Raises:
        hypothesis.errors.InvalidArgument: When a value is drawn, if
            *source* is unknown, if *text* is given for another source,
            has nothing but whitespace or holds a lone surrogate, or if
            *max_size* is not an int >= 0 (a bool is refused).

    >>> from hypothesis import given, settings
    >>> from secretspeech.strategies import corpora
    >>> @settings(max_examples=10, derandomize=True)
    ... @given(corpora(source="synthetic"))
    ... def test_participants_resolve(corpus):
    ...     for event in corpus.events:
    ...         assert all(corpus.people.get(p) for p in event.participants)
    >>> test_participants_resolve()
    """
    _check_text(source, text, "corpora")
    _check_int(max_size, "max_size", "corpora", low=0)
    return _corpora(source, text, max_size)


@_cached
def _corpora(
    source: Origin, text: str | None, max_size: int
) -> SearchStrategy[Corpus]:
    return _choose(
        source,
        lambda: (load_bundled(),),
        _synthetic_corpora(_anchored(text), max_size),
        "corpora",
    )
