# Copyright (c) 2026 The secretspeech developers. SPDX-License-Identifier: MIT
"""
Differential tests of `secretspeech._dates` against python-edtf.

python-edtf (``edtf`` on PyPI, 5.x) is the reference implementation of EDTF
in Python.  Its ``lower_strict()`` and ``upper_strict()`` give the first and
last day a string allows, ignoring qualifiers (qualifiers only widen the
*fuzzy* bounds), which is exactly what our ``earliest`` and ``latest`` mean.
An open end (``..``) is ``-inf`` or ``inf`` there and `datetime.date.min` or
`datetime.date.max` here.

Where the two disagree on purpose, python-edtf is the laxer one:

- it accepts the year 0000 (and so ``000X`` and ``00XX``), which
  `datetime.date` cannot hold;
- its grammar allows 29 February in every year, so ``1900-02-29`` parses;
- it accepts intervals that end before they start (``1957/1956``) and
  ``../..``.

And python-edtf 5.0.2 has gaps in the other direction, which the strategy
here avoids rather than papers over:

- a decade or century (``195X``) as one side of an interval cannot carry a
  qualifier (``195X~/1960`` is a parse error);
- nor can it sit next to an open end: ``195X/..`` is a parse error and
  ``../19XX`` raises `TypeError` from inside the parser;
- ``%`` sets only ``is_uncertain_and_approximate``, leaving
  ``is_uncertain`` and ``is_approximate`` false.
"""

from __future__ import annotations

import calendar
import datetime as dt
import math
import re
from typing import TYPE_CHECKING

from edtf import EDTFObject, EDTFParseException, parse_edtf
from hypothesis import given
from hypothesis import strategies as st

from secretspeech._dates import HistoricalDate
from secretspeech.exceptions import InvalidValueError
from strategies_dates import OPEN, QUALIFIERS, Side, sides


if TYPE_CHECKING:
    from time import struct_time


SPECIFIED = ("year", "month", "day")
UNSPECIFIED = ("decade", "century")


def as_date(bound: struct_time | float) -> dt.date:
    """Turn one of python-edtf's strict bounds into a `datetime.date`."""
    if bound == -math.inf:
        return dt.date.min
    if bound == math.inf:
        return dt.date.max
    assert not isinstance(bound, float)
    return dt.date(bound.tm_year, bound.tm_mon, bound.tm_mday)


def strict_bounds(parsed: EDTFObject) -> tuple[dt.date, dt.date]:
    """Return python-edtf's strict bounds of *parsed* as dates."""
    return as_date(parsed.lower_strict()), as_date(parsed.upper_strict())


@st.composite
def oracle_strings(draw: st.DrawFn) -> str:
    """Generate canonical EDTF strings that python-edtf 5 can read."""
    shape = draw(
        st.sampled_from(("single", "closed", "open start", "open end"))
    )
    if shape == "single":
        return draw(sides()).edtf
    if shape == "closed":
        start, end = draw(sides()), draw(sides())
        if {start.form, end.form} & set(UNSPECIFIED):
            # python-edtf cannot qualify a decade or century in an interval.
            start = draw(sides(forms=(start.form,), qualifiers=("",)))
            end = draw(sides(forms=(end.form,), qualifiers=("",)))
        if end.last < start.first:
            start, end = end, start
        return f"{start.edtf}/{end.edtf}"
    # python-edtf cannot put a decade or century next to an open end.
    side = draw(sides(forms=SPECIFIED)).edtf
    return f"{OPEN}/{side}" if shape == "open start" else f"{side}/{OPEN}"


@st.composite
def near_misses(draw: st.DrawFn) -> str:
    """Generate EDTF-like strings, some invalid, in python-edtf's reach."""

    def side(*, unspecified: bool, qualified: bool) -> str:
        """Draw one side, with X digits or a qualifier only if allowed."""
        form = draw(
            st.sampled_from(
                SPECIFIED + UNSPECIFIED if unspecified else SPECIFIED
            )
        )
        if form == "decade":
            text = f"{draw(st.integers(0, 999)):03d}X"
        elif form == "century":
            text = f"{draw(st.integers(0, 99)):02d}XX"
        else:
            text = f"{draw(st.integers(0, 9999)):04d}"
            # February and the last days of a month are where calendars
            # and parsers disagree, so draw them more often.
            if form in {"month", "day"}:
                month = draw(st.just(2) | st.integers(0, 13))
                text += f"-{month:02d}"
            if form == "day":
                day = draw(st.integers(28, 31) | st.integers(0, 32))
                text += f"-{day:02d}"
        return text + (draw(st.sampled_from(QUALIFIERS)) if qualified else "")

    shape = draw(
        st.sampled_from(("single", "closed", "open start", "open end", "both"))
    )
    if shape == "single":
        return side(unspecified=True, qualified=True)
    if shape == "both":
        return f"{OPEN}/{OPEN}"
    if shape == "closed":
        qualified = draw(st.booleans())
        return "/".join(
            side(unspecified=not qualified, qualified=qualified)
            for _ in range(2)
        )
    one = side(unspecified=False, qualified=True)
    return f"{OPEN}/{one}" if shape == "open start" else f"{one}/{OPEN}"


_YEAR_ZERO = re.compile(r"(?:^|/)(?:0000|000X|00XX)")
_FEBRUARY_29 = re.compile(r"(?:^|/)([0-9]{4})-02-29")


def deliberate_differences(edtf: str, parsed: EDTFObject) -> list[str]:
    """List the reasons we may reject a string that python-edtf accepts."""
    reasons = []
    if edtf == f"{OPEN}/{OPEN}":
        reasons.append("open at both ends")
    if _YEAR_ZERO.search(edtf):
        reasons.append("year 0000")
    if any(
        not calendar.isleap(int(year)) for year in _FEBRUARY_29.findall(edtf)
    ):
        reasons.append("29 February in a common year")
    if edtf != f"{OPEN}/{OPEN}":
        lower, upper = strict_bounds_or_none(parsed)
        if lower is not None and upper is not None and upper < lower:
            reasons.append("ends before it starts")
    return reasons


def strict_bounds_or_none(
    parsed: EDTFObject,
) -> tuple[tuple[int, int, int] | None, tuple[int, int, int] | None]:
    """Return the strict bounds as (year, month, day), None if open."""
    bounds = []
    for bound in (parsed.lower_strict(), parsed.upper_strict()):
        if isinstance(bound, float):
            bounds.append(None)
        else:
            bounds.append((bound.tm_year, bound.tm_mon, bound.tm_mday))
    return bounds[0], bounds[1]


def read_ours(edtf: str) -> HistoricalDate | InvalidValueError:
    """Read *edtf* with `HistoricalDate`, returning the error if it fails."""
    try:
        return HistoricalDate.from_edtf(edtf, text=edtf)
    except InvalidValueError as e:
        return e


def read_theirs(edtf: str) -> EDTFObject | None:
    """Read *edtf* with python-edtf, returning None if it fails."""
    try:
        parsed: EDTFObject = parse_edtf(edtf)
    except EDTFParseException:
        return None
    return parsed


class TestAgainstPythonEdtf:
    """Our reading of EDTF agrees with python-edtf's where both apply."""

    @given(oracle_strings())
    def test_strict_bounds_agree(self, edtf: str) -> None:
        """Our earliest and latest are python-edtf's strict bounds."""
        ours = HistoricalDate.from_edtf(edtf, text=edtf)
        theirs = parse_edtf(edtf)

        assert strict_bounds(theirs) == (ours.earliest, ours.latest)
        assert str(theirs) == edtf

    @given(oracle_strings())
    def test_qualifiers_agree(self, edtf: str) -> None:
        """Our approximate and uncertain flags match python-edtf's."""
        ours = HistoricalDate.from_edtf(edtf, text=edtf)
        theirs = parse_edtf(edtf)
        both = theirs.is_uncertain_and_approximate

        assert (theirs.is_approximate or both) is ours.approximate
        assert (theirs.is_uncertain or both) is ours.uncertain

    @given(sides())
    def test_precision_agrees(self, side: Side) -> None:
        """A single date's precision is the one python-edtf names."""
        edtf = side.edtf
        ours = HistoricalDate.from_edtf(edtf, text=edtf)
        theirs = parse_edtf(edtf)
        # A qualified date wraps the plain one, which has the precision.
        plain = getattr(theirs, "date", theirs)

        assert plain.precision == ours.precision.value

    @given(near_misses())
    def test_accepts_what_python_edtf_accepts(self, edtf: str) -> None:
        """We accept what python-edtf accepts, bar deliberate differences."""
        ours, theirs = read_ours(edtf), read_theirs(edtf)

        if isinstance(ours, InvalidValueError):
            assert repr(edtf) in str(ours)
            assert theirs is None or deliberate_differences(edtf, theirs)
        else:
            assert theirs is not None
            assert strict_bounds(theirs) == (ours.earliest, ours.latest)
