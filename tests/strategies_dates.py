# Copyright (c) 2026 The secretspeech developers. SPDX-License-Identifier: MIT
"""
Hypothesis strategies for `secretspeech._dates`.

The strategies build canonical EDTF strings from their parts, so they know
each side's first and last day *in its own calendar* without asking the code
under test.  That lets them order the two sides of an interval and lets the
tests check the bounds independently.
"""

from __future__ import annotations

import calendar as _calendar
from typing import TYPE_CHECKING, NamedTuple

from hypothesis import strategies as st

from secretspeech._dates import Calendar, HistoricalDate


if TYPE_CHECKING:
    from collections.abc import Sequence


FORMS = ("year", "month", "day", "decade", "century")
QUALIFIERS = ("", "?", "~", "%")
OPEN = ".."


class Side(NamedTuple):
    """One date of the accepted forms, with its first and last day."""

    edtf: str
    form: str
    qualifier: str
    first: tuple[int, int, int]
    last: tuple[int, int, int]


def month_length(year: int, month: int, calendar: Calendar) -> int:
    """Return the number of days in *month* of *year* in *calendar*."""
    if calendar is Calendar.JULIAN and month == 2:
        return 29 if year % 4 == 0 else 28
    return _calendar.monthrange(year, month)[1]


def _year_range(calendar: Calendar) -> tuple[int, int]:
    """Return the years whose every day has a representable Gregorian day."""
    # Julian 0001-01-01 is Gregorian 0000-12-30 and Julian 9999-12-31 is
    # Gregorian 10000-01-13; both are outside what datetime.date holds.
    return (1, 9999) if calendar is Calendar.GREGORIAN else (2, 9998)


@st.composite
def sides(
    draw: st.DrawFn,
    *,
    calendar: Calendar = Calendar.GREGORIAN,
    forms: Sequence[str] = FORMS,
    qualifiers: Sequence[str] = QUALIFIERS,
) -> Side:
    """Generate one date (not an interval) of one of *forms*."""
    low, high = _year_range(calendar)
    form = draw(st.sampled_from(forms))
    qualifier = draw(st.sampled_from(qualifiers))
    if form == "decade":
        prefix = draw(st.integers(max(1, low // 10), (high - 9) // 10))
        first = (prefix * 10, 1, 1)
        last = (prefix * 10 + 9, 12, 31)
        text = f"{prefix:03d}X"
    elif form == "century":
        prefix = draw(st.integers(max(1, low // 100), (high - 99) // 100))
        first = (prefix * 100, 1, 1)
        last = (prefix * 100 + 99, 12, 31)
        text = f"{prefix:02d}XX"
    else:
        # Leap years, century years and February are where the calendars
        # differ, so draw them more often than chance would.
        year = draw(
            st.integers(low, high)
            | st.integers(1, high // 4).map(lambda k: 4 * k)
            | st.integers(1, high // 100).map(lambda c: 100 * c)
        )
        first, last, text = (year, 1, 1), (year, 12, 31), f"{year:04d}"
        if form in {"month", "day"}:
            month = draw(st.just(2) | st.integers(1, 12))
            length = month_length(year, month, calendar)
            first, last = (year, month, 1), (year, month, length)
            text += f"-{month:02d}"
            if form == "day":
                day = draw(st.integers(1, length))
                first = last = (year, month, day)
                text += f"-{day:02d}"
    return Side(text + qualifier, form, qualifier, first, last)


@st.composite
def edtf_strings(
    draw: st.DrawFn,
    *,
    calendar: Calendar = Calendar.GREGORIAN,
    forms: Sequence[str] = FORMS,
    qualifiers: Sequence[str] = QUALIFIERS,
    intervals: bool = True,
    open_ends: bool = True,
) -> str:
    """Generate a canonical EDTF string of the accepted subset."""
    side = sides(calendar=calendar, forms=forms, qualifiers=qualifiers)
    if not intervals or draw(st.booleans()):
        return draw(side).edtf
    start, end = draw(side), draw(side)
    # Swapping a reversed pair gives a valid interval: if end is over before
    # start begins, then end begins before start is over.
    if end.last < start.first:
        start, end = end, start
    shape = draw(
        st.sampled_from(
            ("closed", "open start", "open end") if open_ends else ("closed",)
        )
    )
    if shape == "open start":
        return f"{OPEN}/{end.edtf}"
    if shape == "open end":
        return f"{start.edtf}/{OPEN}"
    return f"{start.edtf}/{end.edtf}"


texts = st.text(min_size=1).filter(str.strip)
record_ids = st.none() | st.from_regex(r"[a-z][a-z0-9_]{0,15}", fullmatch=True)


@st.composite
def historical_dates_st(
    draw: st.DrawFn,
    *,
    calendars: Sequence[Calendar] = (Calendar.GREGORIAN, Calendar.JULIAN),
    intervals: bool = True,
    open_ends: bool = True,
) -> HistoricalDate:
    """Generate a valid `HistoricalDate` of any accepted form."""
    calendar = draw(st.sampled_from(calendars))
    edtf = draw(
        edtf_strings(
            calendar=calendar, intervals=intervals, open_ends=open_ends
        )
    )
    return HistoricalDate.from_edtf(
        edtf,
        text=draw(texts),
        calendar=calendar,
        relative_to=draw(record_ids),
    )
