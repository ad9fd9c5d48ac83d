"""
Period queries by the index of days against a scan of every date.

`Intervals` (behind ``Collection.filter(during=, strict=)`` and
`Corpus.timeline`) must keep exactly the dates that
`HistoricalDate.overlaps` and `HistoricalDate.contains` keep; the scans
below ask those methods of every record and know nothing of the index.
A filter of several criteria must find what each finds on its own.
"""

from __future__ import annotations

import datetime as dt
import itertools
from typing import Any

import attrs
import pytest
from hypothesis import given
from hypothesis import strategies as st

import secretspeech as ss
from secretspeech import _catalog
from secretspeech._catalog import base_of, read_period
from secretspeech._intervals import Intervals
from secretspeech.strategies import historical_dates
from test_laws import (
    CRITERIA,
    LawData,
    assert_laws_listed,
    criteria,
)


DATED = ("events", "quotations", "statistics")
#: A few dates, so that drawn lists repeat and nest them: open and unknown
#: ends, the Julian calendar, qualifiers and the bundled ones.
SHARED = st.lists(historical_dates(), min_size=1, max_size=6)


def kept(
    date: ss.HistoricalDate, period: ss.HistoricalDate, strict: bool
) -> bool:
    """The scan's test of one date: what the documentation promises."""
    return period.contains(date) if strict else period.overlaps(date)


@st.composite
def date_lists(draw: st.DrawFn) -> list[ss.HistoricalDate | None]:
    """Draw up to 60 dates, often the same ones, with gaps (`None`)."""
    pool = draw(SHARED)
    one = st.none() | st.sampled_from(pool) | historical_dates()
    return draw(st.lists(one, max_size=60))


@st.composite
def periods(
    draw: st.DrawFn, dates: list[ss.HistoricalDate | None]
) -> ss.HistoricalDate:
    """Draw a period, often one whose bounds are a date's own."""
    days = [d for date in dates if date for d in (date.earliest, date.latest)]
    if days and draw(st.booleans()):
        first, last = sorted(
            draw(st.lists(st.sampled_from(days), min_size=2, max_size=2))
        )
        return ss.HistoricalDate.from_edtf(
            f"{first.isoformat()}/{last.isoformat()}", text="drawn"
        )
    return draw(historical_dates())


def scan(
    dates: list[ss.HistoricalDate | None],
    period: ss.HistoricalDate,
    strict: bool,
) -> list[int]:
    """Return the positions of the dates the period keeps, by a scan."""
    return [
        pos
        for pos, date in enumerate(dates)
        if date is not None and kept(date, period, strict)
    ]


def dated_events(dates: list[ss.HistoricalDate | None]) -> list[ss.Event]:
    """Return bundled events under new ids, one with each of *dates*."""
    events = list(ss.events)
    return [
        attrs.evolve(events[n % len(events)], id=f"event-{n}", date=date)
        for n, date in enumerate(dates)
    ]


class TestIndex:
    """`Intervals` answers as the scan does, each date once."""

    @given(st.data())
    def test_against_a_scan(self, data: Any) -> None:
        """Overlapping, within and the bound of both, for drawn dates."""
        dates = data.draw(date_lists())
        index = Intervals(dates)
        assert sum(d is not None for d in dates) == len(index)
        for _ in range(4):
            period = data.draw(periods(dates))
            first, last = period.earliest, period.latest
            overlapping = index.overlapping(first, last)
            within = index.within(first, last)

            assert scan(dates, period, strict=False) == sorted(overlapping)
            assert scan(dates, period, strict=True) == sorted(within)
            assert len(set(within)) == len(within)
            assert len(overlapping) == index.most(first, last, strict=False)
            assert len(within) <= index.most(first, last, strict=True)

    def test_empty(self) -> None:
        """No dates: no answers, and no error from the empty tree."""
        index = Intervals([None, None])
        day = dt.date(1956, 2, 25)
        assert 0 == len(index)
        assert [] == index.overlapping(day, day)
        assert [] == index.within(dt.date.min, dt.date.max)
        assert 0 == index.most(dt.date.min, dt.date.max, strict=False)

    @pytest.mark.parametrize("edtf", ["1956", "../1939", "1956/..", "/1939"])
    def test_one(self, edtf: str) -> None:
        """One date, open or not, at every side of a period."""
        date = ss.HistoricalDate.coerce(edtf)
        index = Intervals([date])
        for year in (1, 1939, 1940, 1955, 1956, 1957, 9999):
            period = ss.HistoricalDate.coerce(year)
            for strict in (False, True):
                find = index.within if strict else index.overlapping
                found = find(period.earliest, period.latest)
                assert scan([date], period, strict) == found

    def test_many_alike(self) -> None:
        """Hundreds of dates, nested and repeated, as a deep tree."""
        dates: list[ss.HistoricalDate | None] = []
        for n in range(600):
            year, years = 1900 + n % 97, n % 13
            edtf = (
                f"{year:04d}/{year + years:04d}"
                if years
                else f"{year:04d}-{1 + n % 12:02d}"
            )
            dates.append(ss.HistoricalDate.coerce(edtf))
        dates += [ss.HistoricalDate.coerce("../1950"), None]
        index = Intervals(dates)
        for start, end in itertools.product(range(1895, 2000, 7), repeat=2):
            if start > end:
                continue
            period = ss.HistoricalDate.coerce(f"{start:04d}/{end:04d}")
            for strict in (False, True):
                find = index.within if strict else index.overlapping
                assert scan(dates, period, strict) == sorted(
                    find(period.earliest, period.latest)
                )


class TestFilterDuring:
    """``filter(during=, strict=)`` keeps what the scan keeps, in order."""

    @given(st.data())
    def test_many_records_and_their_slices(self, data: Any) -> None:
        """A collection of drawn dates, and slices of it in either order."""
        dates = data.draw(date_lists())
        collection = ss.Collection(dated_events(dates))
        period = data.draw(periods(dates))
        strict = data.draw(st.booleans())
        start = data.draw(st.integers(0, len(dates)))
        step = data.draw(st.sampled_from([1, 2, -1]))
        part = collection[start::step]

        found = part.filter(during=period, strict=strict)

        assert [
            r
            for r in part
            if r.date is not None and kept(r.date, period, strict)
        ] == list(found)

    def test_a_slice_smaller_than_the_period(self) -> None:
        """A few records of many: they, not the period's, are read."""
        dates = [ss.HistoricalDate.coerce(1956)] * 50
        collection = ss.Collection(dated_events([*dates, None]))
        assert [] == list(collection[-1:].filter(during=1956))
        assert ["event-1"] == [
            e.id for e in collection[1:2].filter(during=1956)
        ]

    def test_periods_are_read_once(self) -> None:
        """A year, string or day is read once; what it reads is the same."""
        assert read_period(1956, "during=") is read_period(1956, "during=")
        assert read_period("1956", "x=") is read_period("1956", "x=")
        day = dt.date(1956, 2, 25)
        assert read_period(day, "during=") is read_period(day, "during=")
        date = ss.HistoricalDate.coerce("195X")
        assert date is read_period(date, "during=")
        moment = dt.datetime(1956, 2, 25, 0, 5, tzinfo=dt.UTC)
        assert "1956-02-25" == read_period(moment, "during=").edtf
        with pytest.raises(ss.InvalidTypeError, match="during="):
            read_period(1956.0, "during=")
        with pytest.raises(ss.InvalidValueError, match="during="):
            read_period(0, "during=")


class TestSeveralCriteria:
    """A filter of several criteria finds what each finds on its own."""

    def test_records_without_a_date(self) -> None:
        """Postings first, the period checked on each: undated ones fail."""
        events = ss.events
        undated = [e for e in events if e.date is None and e.places]
        place = undated[0].places[0]
        at = events.filter(at=place)
        expected = [
            e
            for e in at
            if e.date is not None
            and e.date.overlaps(ss.HistoricalDate.coerce("../9999"))
        ]
        # A period as wide as can be: the place's postings are smaller.
        assert expected == list(events.filter(at=place, during="../9999"))
        assert len(expected) < len(at)

    def test_the_narrowest_is_read(
        self, monkeypatch: pytest.MonkeyPatch
    ) -> None:
        """Only the smallest candidate set is read; a far larger one is asked."""
        day = ss.HistoricalDate.coerce("1956-02-25")
        dates = [day, *[ss.HistoricalDate.coerce(1917)] * 399]
        collection = ss.Collection(dated_events(dates))
        asked: list[int] = []
        posted = _catalog._posted

        def spy(postings: list[tuple[int, ...]], pos: int) -> bool:
            asked.append(pos)
            return posted(postings, pos)

        monkeypatch.setattr(_catalog, "_posted", spy)
        place = "soviet-union"
        broad = collection.filter(at=place)
        # One record on the day, and some 190 in the place: the one is read
        # and the place's postings searched for it.
        assert len(broad) > _catalog._DENSE
        found = collection.filter(at=place, during=day)
        assert [0] == asked
        assert [e for e in broad if e.date == day] == list(found)

        def unread(*_: object) -> list[int]:
            raise AssertionError

        # All of time against a place of a dozen: the period is not read.
        monkeypatch.setattr(Intervals, "overlapping", unread)
        narrow = collection.filter(at="hungary")
        assert 0 < len(narrow) * _catalog._DENSE < len(collection)
        assert narrow == collection.filter(at="hungary", during="../9999")

    def test_any_of_several_values(self) -> None:
        """Several values of the narrowest criterion: any of them."""
        events = ss.events
        found = events.filter(kind=["speech", "revolution"], during="19XX")
        expected = [
            e
            for e in events
            if e.kind.value in {"speech", "revolution"}
            and e.date is not None
            and e.date.overlaps(ss.HistoricalDate.coerce("19XX"))
        ]
        assert expected == list(found)
        assert expected


class TestTimeline:
    """`Corpus.timeline` by the index of days: the scan's events, in order."""

    def test_the_whole_timeline_is_the_stored_one(self) -> None:
        """No copy: the same tuple every time."""
        corpus = ss.corpus()
        assert corpus.timeline() is corpus.timeline()
        assert corpus.timeline() is corpus._index.timeline

    def test_the_events_index_is_the_collections(self) -> None:
        """The timeline reads the day index of ``corpus.events``."""
        corpus = ss.corpus()
        assert len(base_of(corpus.events).dates) == len(corpus.timeline())


# -- the laws of a drawn corpus
#
# Drawing a corpus costs far more than checking any of these on it, so each
# drawn corpus is checked against all of them, as the laws of the queries
# are (tests/test_laws.py): each law sees every one of the test's examples,
# and a failure names its law.


def law_filter_during_is_the_scan(corpus: ss.Corpus, data: LawData) -> None:
    """filter(during=, strict=) on a dated collection keeps the scan's."""
    collection = getattr(corpus, data.draw(st.sampled_from(DATED), "name"))
    dates = [r.date for r in collection]
    period = data.draw(periods(dates), "period")
    strict = data.draw(st.booleans(), "strict")

    found = collection.filter(during=period, strict=strict)

    assert [collection[p] for p in scan(dates, period, strict)] == list(found)


def law_criteria_intersect_in_every_order(
    corpus: ss.Corpus, data: LawData
) -> None:
    """filter(**all) finds what each criterion finds, in any order."""
    name = data.draw(st.sampled_from(sorted(CRITERIA)), "collection")
    collection = getattr(corpus, name)
    chosen = data.draw(criteria(corpus, name), "criteria")
    # strict= qualifies during= and goes with it.
    groups = [
        {k: v for k, v in chosen.items() if k in keys}
        for keys in ({k} for k in chosen if k != "strict")
    ]
    for group in groups:
        if "during" in group:
            group["strict"] = chosen.get("strict", False)

    found = collection.filter(**chosen)

    singles = [set(collection.filter(**group)) for group in groups]
    assert [r for r in collection if all(r in s for s in singles)] == list(
        found
    )
    for order in itertools.permutations(groups):
        chained = collection
        for group in order:
            chained = chained.filter(**group)
        assert found == chained


def law_timeline_is_the_scan(corpus: ss.Corpus, data: LawData) -> None:
    """timeline(start=, end=, strict=): the scan's events, in its order."""
    dates = [e.date for e in corpus.events]
    start = data.draw(st.none() | periods(dates), "start")
    end = data.draw(st.none() | periods(dates), "end")
    bounded = start is not None or end is not None
    strict = data.draw(st.booleans(), "strict") and bounded
    first = dt.date.min if start is None else start.earliest
    last = dt.date.max if end is None else end.latest
    if last < first:
        return
    period = (
        ss.HistoricalDate.from_edtf(
            f"{first.isoformat()}/{last.isoformat()}", text="period"
        )
        if bounded
        else None
    )
    order = {e.id: n for n, e in enumerate(corpus.events)}
    expected = sorted(
        (
            e
            for e in corpus.events
            if e.date is not None
            and (period is None or kept(e.date, period, strict))
        ),
        key=lambda e: (e.date.sort_key, e.evidence[0].start, order[e.id]),  # type: ignore[union-attr]
    )

    found = corpus.timeline(start=start, end=end, strict=strict)

    assert [e.id for e in expected] == [e.id for e in found]


#: The laws of the index over one drawn corpus, checked on each corpus drawn
#: by tests/test_drawn_corpora.py.
CORPUS_LAWS = (
    law_filter_during_is_the_scan,
    law_criteria_intersect_in_every_order,
    law_timeline_is_the_scan,
)


class TestDrawnCorpora:
    """The index answers as the scans do on every drawn corpus."""

    def test_every_law_is_checked(self) -> None:
        """
        CORPUS_LAWS holds every law_ function of this module, once.

        tests/test_drawn_corpora.py checks them on every drawn corpus.
        """
        assert_laws_listed(globals(), CORPUS_LAWS)
