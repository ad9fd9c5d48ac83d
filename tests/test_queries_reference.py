"""
Each `Collection.filter` criterion against a plain scan of the records.

The scans below know nothing of the catalog's indexes: they read the fields
that the schema (`secretspeech.SCHEMA`) declares for each criterion and say
what the documentation of `Collection.filter` promises. A query that
ignores a criterion, reads the wrong field or mixes up ``strict=`` finds
other records than the scan, and fails.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable, Iterator
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import secretspeech as ss
from secretspeech._model import Criterion
from secretspeech._text import normalize, singular
from secretspeech.strategies import corpora, historical_dates


#: Corpora cost some 50 ms each to draw: a fifth of the profile's examples
#: (20 in ``ci``, 400 in ``thorough``), every criterion of every collection
#: on each.
EXAMPLES = max(10, settings().max_examples // 5)

SCHEMAS = {schema.name: schema for schema in ss.SCHEMA}
NAMED = (ss.Person, ss.Group, ss.Place, ss.Event)

#: What a scan decides of one record: (surely found, may be found).
Bounds = tuple[Callable[[Any], bool], Callable[[Any], bool]]


def read(record: object, path: str) -> tuple[object, ...]:
    """Return what a record holds at a (dotted) field path, as a tuple."""
    value = record
    for part in path.split("."):
        value = getattr(value, part)
    if value is None:
        return ()
    return value if isinstance(value, tuple) else (value,)


def exactly(keep: Callable[[Any], bool]) -> Bounds:
    """Return the bounds of a scan that decides each record exactly."""
    return keep, keep


def check(
    collection: ss.Collection[Any],
    criteria: dict[str, object],
    bounds: Bounds,
) -> None:
    """Check ``filter(**criteria)`` against the scan's *bounds*, in order."""
    surely, maybe = bounds
    found = list(collection.filter(**criteria))
    expected = [r for r in collection if surely(r)]
    allowed = [r for r in collection if maybe(r)]
    assert [] == [r.id for r in found if r not in allowed], criteria
    assert [] == [r.id for r in expected if r not in found], criteria
    # In the collection's order, each record once.
    assert [r for r in collection if r in found] == found, criteria


# -- what each kind of criterion means, from the schema and the docs --------


def holds_id(criterion: Criterion, wanted: set[str]) -> Bounds:
    """Records whose declared fields hold one of the *wanted* ids."""
    return exactly(
        lambda r: any(
            i in wanted for field in criterion.fields for i in read(r, field)
        )
    )


def is_member(criterion: Criterion, wanted: set[object]) -> Bounds:
    """Records whose declared field is (or holds) one of the *wanted*."""
    return exactly(
        lambda r: any(
            v in wanted for field in criterion.fields for v in read(r, field)
        )
    )


def has_flag(criterion: Criterion, wanted: bool) -> Bounds:
    """Records whose declared flag field is *wanted*."""
    return exactly(lambda r: read(r, criterion.fields[0]) == (wanted,))


def within(
    criterion: Criterion, first: dt.date, last: dt.date, *, strict: bool
) -> Bounds:
    """
    Dated records whose days overlap *first* to *last*, or strictly lie in.

    The days of a date are its ``earliest`` to ``latest``; a record with
    no date is never found.
    """

    def keep(record: object) -> bool:
        dates = read(record, criterion.fields[0])
        if not dates:
            return False
        date = dates[0]
        assert isinstance(date, ss.HistoricalDate)
        if strict:
            return first <= date.earliest and date.latest <= last
        return date.earliest <= last and first <= date.latest

    return exactly(keep)


# A regular plural: a consonant other than "s" and then an "s". Irregular
# plurals are not promised ("it does not know irregular plurals").
_CONSONANT = "bcdfghjklmnpqrtvwxyz"
_REGULAR_PLURAL = re.compile(rf"[{_CONSONANT}]s\Z")
_PLURAL_ENDINGS = (("ies", "y"), ("es", ""), ("s", ""))


def numbers(phrase: str) -> set[str]:
    """Return a normalised phrase in its regular singular and plural."""
    forms = {phrase}
    if phrase[-1:] in set(_CONSONANT):
        forms.add(phrase + "s")
    if _REGULAR_PLURAL.search(phrase):
        forms.add(phrase[:-1])
    return forms


def stems(phrase: str) -> set[str]:
    """Return every singular a normalised phrase might be the plural of."""
    return {phrase} | {
        phrase.removesuffix(ending) + singular
        for ending, singular in _PLURAL_ENDINGS
        if phrase.endswith(ending)
    }


def says(criterion: Criterion, wanted: list[str]) -> Bounds:
    """
    Records whose text field says one of the *wanted* things.

    Both sides are normalised as names are (case, accents, punctuation);
    a regular singular finds its plural and the other way round; nothing
    finds a record unless some singular of the two could be the same.
    """
    keys = [normalize(w) for w in wanted]
    sure = {form for key in keys for form in numbers(key)}
    possible = {stem for key in keys for stem in stems(key)}
    field = criterion.fields[0]

    def surely(record: object) -> bool:
        return normalize(str(read(record, field)[0])) in sure

    def maybe(record: object) -> bool:
        return bool(stems(normalize(str(read(record, field)[0]))) & possible)

    return surely, maybe


# -- drawing a value for each criterion -------------------------------------


def pool(corpus: ss.Corpus, criterion: Criterion) -> list[Any]:
    """Return the records a criterion that takes ids may name."""
    among = (
        [s.name for s in ss.SCHEMA]
        if criterion.among == ("*",)
        else criterion.among
    )
    found: list[Any] = [r for name in among for r in getattr(corpus, name)]
    if criterion.among == ("*",):
        found.append(corpus.article)
    return found


def forms_of(corpus: ss.Corpus, record: Any) -> list[object]:
    """Return the ways a criterion may name *record*: itself, id, name."""
    forms: list[object] = [record, record.id]
    if isinstance(record, NAMED) and corpus.lookup(record.name) is record:
        forms.append(record.name)
    return forms


@st.composite
def ids_query(
    draw: st.DrawFn, corpus: ss.Corpus, criterion: Criterion
) -> tuple[object, Bounds] | None:
    """Draw one record (or two) a criterion names, in any form."""
    records = pool(corpus, criterion)
    if not records:
        return None
    chosen = draw(st.lists(st.sampled_from(records), min_size=1, max_size=2))
    forms = [draw(st.sampled_from(forms_of(corpus, r))) for r in chosen]
    value = forms[0] if len(forms) == 1 and draw(st.booleans()) else forms
    return value, holds_id(criterion, {r.id for r in chosen})


@st.composite
def vocabulary_query(
    draw: st.DrawFn, criterion: Criterion
) -> tuple[object, Bounds]:
    """Draw one member (or two) of a criterion's vocabulary, in any form."""
    assert criterion.vocabulary is not None
    members = st.sampled_from(list(criterion.vocabulary))
    chosen = draw(st.lists(members, min_size=1, max_size=2))
    forms = [
        draw(st.sampled_from([m, m.value, m.value.upper()])) for m in chosen
    ]
    value = forms[0] if len(forms) == 1 and draw(st.booleans()) else forms
    return value, is_member(criterion, set(chosen))


@st.composite
def period_query(
    draw: st.DrawFn, collection: ss.Collection[Any], criterion: Criterion
) -> tuple[dict[str, object], Bounds]:
    """Draw a period, often one of the records' own dates, and strict=."""
    dates = [d for r in collection for d in read(r, criterion.fields[0])]
    date: ss.HistoricalDate = draw(
        st.sampled_from(dates) | historical_dates()
        if dates
        else historical_dates()
    )
    strict = draw(st.booleans())
    first, last = date.earliest, date.latest
    shapes: list[tuple[object, dt.date, dt.date]] = [(date, first, last)]
    year = draw(st.sampled_from([first.year, last.year]))
    shapes.append((year, dt.date(year, 1, 1), dt.date(year, 12, 31)))
    shapes.append((first, first, first))
    if date.calendar is ss.Calendar.GREGORIAN:
        shapes.append((date.edtf, first, last))
    value, first, last = draw(st.sampled_from(shapes))
    criteria = {"during": value}
    if strict or draw(st.booleans()):
        criteria["strict"] = strict
    return criteria, within(criterion, first, last, strict=strict)


@st.composite
def words_query(
    draw: st.DrawFn, collection: ss.Collection[Any], criterion: Criterion
) -> tuple[object, Bounds]:
    """Draw what a record says, in another case or number, or a new word."""
    # What filter accepts: a text that holds a word (":" matches nothing,
    # and is refused).
    said = [
        text
        for r in collection
        if singular(normalize(text := str(read(r, criterion.fields[0])[0])))
    ]
    words = st.text("abcdefghijklmnopqrstuvwxyz", min_size=1)
    if said:
        words |= st.sampled_from(said).flatmap(
            lambda s: st.sampled_from(
                [s, s.upper(), f" {s}. ", *sorted(numbers(normalize(s)))]
            )
        )
    chosen = draw(st.lists(words, min_size=1, max_size=2))
    value = chosen[0] if len(chosen) == 1 else chosen
    return value, says(criterion, chosen)


@st.composite
def query(
    draw: st.DrawFn, corpus: ss.Corpus, name: str, keyword: str
) -> tuple[dict[str, object], Bounds] | None:
    """Draw the criteria of one keyword and the scan that answers them."""
    collection = getattr(corpus, name)
    criterion = SCHEMAS[name].criteria[keyword]
    if criterion.takes == "ids":
        drawn = draw(ids_query(corpus, criterion))
        if drawn is None:
            return None
        return {keyword: drawn[0]}, drawn[1]
    if criterion.takes == "vocabulary":
        value, bounds = draw(vocabulary_query(criterion))
        return {keyword: value}, bounds
    if criterion.takes == "flag":
        flag = draw(st.booleans())
        return {keyword: flag}, has_flag(criterion, flag)
    if criterion.takes == "period":
        return draw(period_query(collection, criterion))
    assert criterion.takes == "words", criterion
    value, bounds = draw(words_query(collection, criterion))
    return {keyword: value}, bounds


def keywords(name: str) -> list[str]:
    """Return the criteria of a collection that select (not ``strict=``)."""
    return [
        keyword
        for keyword, c in SCHEMAS[name].criteria.items()
        if c.takes != "modifier"
    ]


def both(a: Bounds, b: Bounds) -> Bounds:
    """Return the bounds of a scan that asks for *a* and *b*."""
    return (
        lambda r: a[0](r) and b[0](r),
        lambda r: a[1](r) and b[1](r),
    )


class TestAgainstAScan:
    """`Collection.filter` finds what a scan of the declared fields finds."""

    def test_every_criterion_is_checked(self) -> None:
        """The scans know what every criterion of the schema takes."""
        takes = {
            c.takes for schema in ss.SCHEMA for c in schema.criteria.values()
        }
        known = {"ids", "vocabulary", "flag", "period", "words", "modifier"}
        assert known == takes

    @settings(max_examples=EXAMPLES)
    @given(corpora(), st.data())
    def test_against_a_scan(self, corpus: ss.Corpus, data: Any) -> None:
        """Each criterion alone, two at once and in a slice find the scan's."""
        for name in SCHEMAS:
            collection = getattr(corpus, name)
            drawn = {
                k: data.draw(query(corpus, name, k)) for k in keywords(name)
            }
            for one in drawn.values():
                if one is not None:
                    check(collection, *one)
            a, b = (
                drawn[k]
                for k in data.draw(
                    st.lists(
                        st.sampled_from(keywords(name)),
                        min_size=2,
                        max_size=2,
                        unique=True,
                    )
                )
            )
            if a is not None and b is not None:
                check(collection, {**a[0], **b[0]}, both(a[1], b[1]))
            # A slice, in data order or not, shares the indexes of the
            # whole collection and keeps only its own records.
            start = data.draw(st.integers(0, len(collection)))
            step = data.draw(st.sampled_from([1, 2, -1]))
            one = drawn[data.draw(st.sampled_from(keywords(name)))]
            if one is not None:
                check(collection[start::step], *one)


def bundled_values(
    corpus: ss.Corpus, name: str, criterion: Criterion
) -> list[tuple[dict[str, object], Bounds]]:
    """Return every value worth asking a criterion of the bundled corpus."""
    keyword = criterion.name
    collection = getattr(corpus, name)
    if criterion.takes == "ids":
        return [
            ({keyword: r}, holds_id(criterion, {r.id}))
            for r in pool(corpus, criterion)
        ]
    if criterion.takes == "vocabulary":
        assert criterion.vocabulary is not None
        return [
            ({keyword: m.value}, is_member(criterion, {m}))
            for m in criterion.vocabulary
        ]
    if criterion.takes == "flag":
        return [({keyword: f}, has_flag(criterion, f)) for f in (True, False)]
    if criterion.takes == "period":
        dates = {d for r in collection for d in read(r, criterion.fields[0])}
        return [
            (
                {keyword: d, "strict": strict},
                within(criterion, d.earliest, d.latest, strict=strict),
            )
            for d in sorted(dates, key=lambda d: d.sort_key)
            for strict in (False, True)
        ]
    said = {str(read(r, criterion.fields[0])[0]) for r in collection}
    return [
        ({keyword: form}, says(criterion, [form]))
        for s in sorted(said)
        for form in sorted(numbers(normalize(s)))
    ]


def each_criterion() -> Iterator[tuple[Any, Criterion, list[Any]]]:
    """Each bundled collection, criterion but strict=, and its values."""
    corpus = ss.corpus()
    for schema in ss.SCHEMA:
        collection = getattr(corpus, schema.name)
        for criterion in schema.criteria.values():
            if criterion.takes != "modifier":
                values = bundled_values(corpus, schema.name, criterion)
                yield collection, criterion, values


class TestBundled:
    """Over the bundled corpus, every value each criterion may take."""

    def test_every_value_of_every_criterion(self) -> None:
        """Each record, member, flag, date and word finds its scan's."""
        for collection, _, values in each_criterion():
            for criteria, bounds in values:
                check(collection, criteria, bounds)

    def test_every_criterion_narrows_something(self) -> None:
        """Each criterion keeps some but not all records for some value."""
        for collection, criterion, values in each_criterion():
            sizes = {
                len(collection.filter(**criteria)) for criteria, _ in values
            }
            assert sizes - {0, len(collection)}, criterion.name


# -- the timeline -----------------------------------------------------------


def days(value: object) -> tuple[dt.date, dt.date]:
    """Return the first and last day of a period, as its docs define them."""
    if isinstance(value, ss.HistoricalDate):
        return value.earliest, value.latest
    if isinstance(value, int):
        return dt.date(value, 1, 1), dt.date(value, 12, 31)
    assert isinstance(value, dt.date)
    return value, value


def timeline_scan(
    corpus: ss.Corpus, start: object, end: object, *, strict: bool
) -> list[ss.Event]:
    """
    The timeline as its docs say: dated events, in or overlapping a period.

    Ordered by `HistoricalDate.sort_key`, then where the first evidence
    is in the article, then data order.
    """
    first = None if start is None else days(start)[0]
    last = None if end is None else days(end)[1]
    kept = []
    for event in corpus.events:
        date = event.date
        if date is None:
            continue
        # Strictly, the event's days lie inside the period; else the two
        # share a day.
        begins, ends = (
            (date.earliest, date.latest)
            if strict
            else (date.latest, date.earliest)
        )
        if (first is None or first <= begins) and (
            last is None or ends <= last
        ):
            kept.append(event)
    order = {event.id: i for i, event in enumerate(corpus.events)}
    return sorted(
        kept,
        key=lambda e: (
            e.date.sort_key,  # type: ignore[union-attr]
            e.evidence[0].start,
            order[e.id],
        ),
    )


def check_timeline(
    corpus: ss.Corpus, start: object, end: object, *, strict: bool
) -> None:
    """Check one timeline against its scan (or its refusal of the period)."""
    if start is None and end is None and strict:
        return
    first = None if start is None else days(start)[0]
    last = None if end is None else days(end)[1]
    if first is not None and last is not None and last < first:
        with pytest.raises(ss.InvalidValueError, match="begins after"):
            corpus.timeline(start=start, end=end, strict=strict)
        return
    found = corpus.timeline(start=start, end=end, strict=strict)
    expected = timeline_scan(corpus, start, end, strict=strict)
    assert [e.id for e in expected] == [e.id for e in found]


@st.composite
def bounds_of_periods(
    draw: st.DrawFn, corpus: ss.Corpus
) -> tuple[object, object]:
    """Draw a start and an end, often the first or last day of an event."""
    dates = [e.date for e in corpus.events if e.date is not None]
    edges = [d for date in dates for d in (date.earliest, date.latest)]
    one = (
        st.none()
        | historical_dates()
        | st.integers(1, 9999)
        | st.dates(dt.date(1, 1, 1), dt.date(9999, 12, 31))
    )
    if dates:
        one |= st.sampled_from([*dates, *edges])
    return draw(one), draw(one)


class TestTimeline:
    """`Corpus.timeline` keeps and orders what a scan of the events does."""

    @settings(max_examples=EXAMPLES // 2)
    @given(corpora(), st.data())
    def test_against_a_scan(self, corpus: ss.Corpus, data: Any) -> None:
        """Each period, strict or not, gives the scan's events in order."""
        for _ in range(5):
            start, end = data.draw(bounds_of_periods(corpus))
            strict = data.draw(st.booleans())
            check_timeline(corpus, start, end, strict=strict)

    def test_every_edge_of_the_bundled_events(self) -> None:
        """A period that ends or begins on an event's first or last day."""
        corpus = ss.corpus()
        for event in corpus.events:
            if event.date is None:
                continue
            first, last = event.date.earliest, event.date.latest
            for start, end in ((last, None), (None, first), (first, last)):
                for strict in (False, True):
                    check_timeline(corpus, start, end, strict=strict)
