# Copyright (c) 2026 The secretspeech developers. SPDX-License-Identifier: MIT
"""Tests for `secretspeech._dates`."""

from __future__ import annotations

import calendar
import datetime as dt
import re
from typing import Any

import attrs
import pytest
from hypothesis import assume, given
from hypothesis import strategies as st

import secretspeech as ss
from secretspeech import _dates
from secretspeech._dates import (
    MONTH_NAMES,
    Calendar,
    DateBasis,
    HistoricalDate,
    Order,
    Precision,
    _days_in_month,
    _edtf_hint,
    _parse,
)
from secretspeech.exceptions import (
    InvalidTypeError,
    InvalidValueError,
    SecretSpeechError,
)
from strategies_dates import (
    OPEN,
    Side,
    edtf_strings,
    historical_dates_st,
    sides,
)


D = dt.date


def _changes(field: str, value: object) -> dict[str, Any]:
    """Return keyword arguments for `attrs.evolve` that set one field."""
    return {field: value}


def hd(edtf: str, calendar: Calendar = Calendar.GREGORIAN) -> HistoricalDate:
    """Build a `HistoricalDate` whose text is its EDTF string."""
    return HistoricalDate.from_edtf(edtf, text=edtf, calendar=calendar)


class TestFromEdtf:
    """Reading each accepted EDTF form."""

    @pytest.mark.parametrize(
        ("edtf", "earliest", "latest", "precision"),
        [
            ("1956", D(1956, 1, 1), D(1956, 12, 31), Precision.YEAR),
            ("1956-02", D(1956, 2, 1), D(1956, 2, 29), Precision.MONTH),
            ("1957-02", D(1957, 2, 1), D(1957, 2, 28), Precision.MONTH),
            ("1956-02-24", D(1956, 2, 24), D(1956, 2, 24), Precision.DAY),
            ("2000-02-29", D(2000, 2, 29), D(2000, 2, 29), Precision.DAY),
            ("195X", D(1950, 1, 1), D(1959, 12, 31), Precision.DECADE),
            ("19XX", D(1900, 1, 1), D(1999, 12, 31), Precision.CENTURY),
            ("0001", D(1, 1, 1), D(1, 12, 31), Precision.YEAR),
            ("9999", D(9999, 1, 1), D(9999, 12, 31), Precision.YEAR),
            ("001X", D(10, 1, 1), D(19, 12, 31), Precision.DECADE),
            ("99XX", D(9900, 1, 1), D(9999, 12, 31), Precision.CENTURY),
        ],
    )
    def test_single_dates(
        self,
        edtf: str,
        earliest: dt.date,
        latest: dt.date,
        precision: Precision,
    ) -> None:
        """Each single-date form has the bounds and precision of its form."""
        d = hd(edtf)

        assert (earliest, latest, precision) == (
            d.earliest,
            d.latest,
            d.precision,
        )
        assert edtf == d.edtf
        assert not d.approximate
        assert not d.uncertain
        assert not d.is_open

    @pytest.mark.parametrize(
        ("edtf", "approximate", "uncertain"),
        [
            ("1984~", True, False),
            ("1984?", False, True),
            ("1984%", True, True),
            ("1956-01~", True, False),
            ("1956-02-24?", False, True),
            ("195X%", True, True),
            ("19XX~", True, False),
            ("1956~/1957", True, False),
            ("1956/1957?", False, True),
            ("1956~/1957?", True, True),
            ("../1939~", True, False),
        ],
    )
    def test_qualifiers(
        self, edtf: str, approximate: bool, uncertain: bool
    ) -> None:
        """Qualifiers ?, ~ and % set the flags, anywhere in the string."""
        d = hd(edtf)

        assert (approximate, uncertain) == (d.approximate, d.uncertain)

    def test_qualifier_does_not_move_bounds(self) -> None:
        """A qualifier leaves the strict bounds of the date alone."""
        plain, approximate = hd("1956-01"), hd("1956-01~")

        assert (plain.earliest, plain.latest) == (
            approximate.earliest,
            approximate.latest,
        )
        assert plain.precision is approximate.precision

    def test_famine_interval(self) -> None:
        """'Famine in 1946-7' spans both years and overlaps 1946."""
        famine = HistoricalDate.from_edtf("1946/1947", text="1946-7")

        assert D(1946, 1, 1) == famine.earliest
        assert D(1947, 12, 31) == famine.latest
        assert Precision.INTERVAL is famine.precision
        assert str(famine) == "1946-7"
        assert famine.overlaps(hd("1946"))
        assert famine.contains(hd("1946"))

    def test_decade_interval(self) -> None:
        """'in the 1920s and 1930s' (192X/193X) runs 1920 through 1939."""
        d = hd("192X/193X")

        assert (D(1920, 1, 1), D(1939, 12, 31)) == (d.earliest, d.latest)
        assert Precision.INTERVAL is d.precision

    def test_open_start(self) -> None:
        """By 1939 (../1939) starts at date.min and sorts at 1939."""
        d = hd("../1939")

        assert (dt.date.min, D(1939, 12, 31)) == (d.earliest, d.latest)
        assert (D(1939, 12, 31), D(1939, 12, 31)) == d.sort_key
        assert d.is_open

    @pytest.mark.parametrize(
        ("edtf", "earliest", "latest"),
        [
            ("/1939", dt.date.min, D(1939, 12, 31)),
            ("1956/", D(1956, 1, 1), dt.date.max),
        ],
    )
    def test_unknown_end(
        self, edtf: str, earliest: dt.date, latest: dt.date
    ) -> None:
        """An unknown end (/1939) is as unbounded as an open one."""
        d = hd(edtf)

        assert (earliest, latest) == (d.earliest, d.latest)
        assert d.is_open
        assert d.edtf == edtf

    @pytest.mark.parametrize("edtf", ["/", "../", "/.."])
    def test_no_date_at_either_end(self, edtf: str) -> None:
        """An interval needs a date at one end at least."""
        with pytest.raises(InvalidValueError, match="no date at either end"):
            hd(edtf)

    def test_open_end(self) -> None:
        """An open end (1956/..) ends at date.max and sorts from its start."""
        d = hd("1956/..")

        assert (D(1956, 1, 1), dt.date.max) == (d.earliest, d.latest)
        assert (D(1956, 1, 1), dt.date.max) == d.sort_key
        assert d.is_open

    def test_interval_of_mixed_precision(self) -> None:
        """An interval takes the start's first day and the end's last."""
        d = hd("1956-02-24/1956-03")

        assert (D(1956, 2, 24), D(1956, 3, 31)) == (d.earliest, d.latest)

    def test_overlapping_sides(self) -> None:
        """Sides that overlap still make a valid interval."""
        d = hd("195X/1953")

        assert (D(1950, 1, 1), D(1953, 12, 31)) == (d.earliest, d.latest)

    def test_relative_to(self) -> None:
        """A relative wording records the id of its anchor."""
        d = HistoricalDate.from_edtf(
            "1953", text="three years earlier", relative_to="secret_speech"
        )

        assert d.relative_to == "secret_speech"

    def test_str_is_text(self) -> None:
        """Converting to str gives the wording, not the EDTF."""
        d = HistoricalDate.from_edtf("1956-02-25", text="25 February 1956")

        assert str(d) == "25 February 1956"


class TestJulian:
    """Dates worded in the Julian calendar."""

    def test_october_revolution(self) -> None:
        """Julian October 1917 is 14 October to 13 November (Gregorian)."""
        d = HistoricalDate.from_edtf(
            "1917-10", text="October 1917", calendar=Calendar.JULIAN
        )

        assert (D(1917, 10, 14), D(1917, 11, 13)) == (d.earliest, d.latest)
        assert d.edtf == "1917-10"
        assert Precision.MONTH is d.precision
        assert Calendar.JULIAN is d.calendar

    @pytest.mark.parametrize(
        ("edtf", "gregorian"),
        [
            ("1917-10-25", D(1917, 11, 7)),
            ("1582-10-05", D(1582, 10, 15)),
            ("1900-02-29", D(1900, 3, 13)),
            ("1956-02-29", D(1956, 3, 13)),
            ("1957-03-01", D(1957, 3, 14)),
            ("0001-01-03", D(1, 1, 1)),
            ("9999-10-19", D(9999, 12, 31)),
        ],
    )
    def test_days(self, edtf: str, gregorian: dt.date) -> None:
        """Julian days convert to the known Gregorian days."""
        d = hd(edtf, Calendar.JULIAN)

        assert (gregorian, gregorian) == (d.earliest, d.latest)

    @pytest.mark.parametrize("edtf", ["0001", "0001-01-02", "9999", "99XX"])
    def test_unrepresentable(self, edtf: str) -> None:
        """Julian dates beyond datetime.date's Gregorian range are errors."""
        with pytest.raises(InvalidValueError, match=repr(edtf)):
            hd(edtf, Calendar.JULIAN)

    def test_leap_february(self) -> None:
        """Julian February 1956 has 29 days: 14 February to 13 March."""
        d = hd("1956-02", Calendar.JULIAN)

        assert (D(1956, 2, 14), D(1956, 3, 13)) == (d.earliest, d.latest)

    def test_common_february(self) -> None:
        """Julian February 1957 has no 29th."""
        with pytest.raises(InvalidValueError, match="julian"):
            hd("1957-02-29", Calendar.JULIAN)

    def test_month_lengths(self) -> None:
        """Every month of every year has the calendar module's length."""
        for year in range(1, 10000):
            for month in range(1, 13):
                gregorian = calendar.monthrange(year, month)[1]
                leap_day = month == 2 and year % 4 == 0
                julian = 29 if leap_day else calendar.monthrange(1, month)[1]
                got = _days_in_month(year, month, Calendar.GREGORIAN)
                assert gregorian == got, (year, month)
                assert julian == _days_in_month(year, month, Calendar.JULIAN)

    def test_calendar_changes_validity(self) -> None:
        """29 February 1900 exists only in the Julian calendar."""
        with pytest.raises(InvalidValueError, match="gregorian"):
            hd("1900-02-29")

        assert D(1900, 3, 13) == hd("1900-02-29", Calendar.JULIAN).earliest


class TestInvalid:
    """Strings outside the subset or naming impossible dates."""

    @pytest.mark.parametrize(
        "edtf",
        [
            "",
            " 1956",
            "1956 ",
            "1956\n",
            "+1956",
            "-1956",
            "56",
            "19560",
            "195x",
            "1X5X",
            "1XXX",
            "195X-02",
            "1956-2",
            "1956-02-4",
            "1956-13",
            "1956-00",
            "1956-02-30",
            "1956-04-31",
            "1956-02-00",
            "1900-02-29",
            "0000",
            "000X",
            "00XX",
            "1956-21",
            "1956-02-24T10:00:00",
            "Y12000",
            "1956??",
            "~1956",
            "/",
            "../..",
            "..",
            "..~/1956",
            "1957/1956",
            "1956-03/1956-02",
            "1956/1957/1958",
            "[1956,1957]",
            "\u0661\u0669\u0665\u0666",
        ],
    )
    def test_rejected(self, edtf: str) -> None:
        """Bad strings raise InvalidValueError, a ValueError quoting them."""
        with pytest.raises(InvalidValueError) as e:
            hd(edtf)

        assert isinstance(e.value, ValueError)
        assert isinstance(e.value, SecretSpeechError)
        assert repr(edtf) in str(e.value)

    def test_unrecognised_lists_forms(self) -> None:
        """A string of no accepted form gets the list of accepted forms."""
        with pytest.raises(InvalidValueError, match="YYYY-MM-DD"):
            hd("February 1956")

    def test_reversed_interval_says_so(self) -> None:
        """An interval that ends before it starts says so."""
        with pytest.raises(InvalidValueError, match="ends before it starts"):
            hd("1957/1956")

    @pytest.mark.parametrize("edtf", [1956, None, b"1956", D(1956, 1, 1)])
    def test_wrong_type(self, edtf: object) -> None:
        """Reading EDTF takes only a str."""
        with pytest.raises(InvalidTypeError, match="takes an EDTF str"):
            HistoricalDate.from_edtf(edtf, text="x")  # type: ignore[arg-type]

    def test_wrong_calendar_type(self) -> None:
        """Reading EDTF takes only a Calendar as calendar."""
        with pytest.raises(InvalidTypeError, match="'julian'"):
            HistoricalDate.from_edtf(
                "1917",
                text="x",
                calendar="julian",  # type: ignore[arg-type]
            )


class TestCoerce:
    """Turning what users pass as a period into a HistoricalDate."""

    def test_int(self) -> None:
        """An int is a year, and its text is the int as written."""
        d = HistoricalDate.coerce(1956)

        assert d.edtf == "1956"
        assert d.text == "1956"
        assert Precision.YEAR is d.precision

    def test_small_int_is_padded(self) -> None:
        """A year below 1000 gets four digits of EDTF."""
        d = HistoricalDate.coerce(476)

        assert d.edtf == "0476"
        assert d.text == "476"

    @pytest.mark.parametrize("year", [0, -1, 10000])
    def test_int_out_of_range(self, year: int) -> None:
        """Years outside 1 to 9999 are InvalidValueError."""
        with pytest.raises(InvalidValueError, match=repr(year)):
            HistoricalDate.coerce(year)

    @pytest.mark.parametrize(
        "edtf", ["1956", "1956-02", "1950/1959", "195X", "1956-02-24"]
    )
    def test_str(self, edtf: str) -> None:
        """A str is EDTF, and it is its own text."""
        d = HistoricalDate.coerce(edtf)

        assert hd(edtf) == d

    def test_bad_str(self) -> None:
        """A bad str is InvalidValueError quoting it."""
        with pytest.raises(InvalidValueError, match="'February'"):
            HistoricalDate.coerce("February")

    def test_date(self) -> None:
        """A datetime.date is that day."""
        d = HistoricalDate.coerce(D(1956, 2, 25))

        assert d.edtf == "1956-02-25"
        assert Precision.DAY is d.precision
        assert (D(1956, 2, 25), D(1956, 2, 25)) == (d.earliest, d.latest)

    @pytest.mark.parametrize(
        "moment",
        [
            dt.datetime(1956, 2, 25, 0, 5),  # noqa: DTZ001 -- users pass naive ones
            dt.datetime(1956, 2, 25, 23, 59, tzinfo=dt.UTC),
        ],
    )
    def test_datetime_is_its_day(self, moment: dt.datetime) -> None:
        """A datetime stands for the day it falls on."""
        assert HistoricalDate.coerce(moment) == HistoricalDate.coerce(
            dt.date(1956, 2, 25)
        )

    @pytest.mark.parametrize("text", [" ", "\t\n"])
    def test_blank_is_quoted(self, text: str) -> None:
        """A blank str is refused quoting it as given, not as stripped."""
        with pytest.raises(InvalidValueError) as e:
            HistoricalDate.coerce(text)

        assert str(e.value).startswith(f"{text!r} is not a date in the EDTF")

    @pytest.mark.parametrize("text", [" 1956 ", "\t1956-02\n"])
    def test_whitespace_is_ignored(self, text: str) -> None:
        """Whitespace around an EDTF string is dropped."""
        assert text.strip() == HistoricalDate.coerce(text).edtf
        assert text.strip() == HistoricalDate.coerce(text).text

    def test_historical_date_is_returned_as_is(self) -> None:
        """A HistoricalDate comes back unchanged, as the same object."""
        d = HistoricalDate.from_edtf("1917-10", text="October 1917")

        assert d is HistoricalDate.coerce(d)

    @pytest.mark.parametrize(
        "value",
        [
            True,
            False,
            1956.0,
            None,
            [1956],
            (1956, 2),
            b"1956",
            dt.time(12),
        ],
    )
    def test_wrong_types(self, value: object) -> None:
        """Other types, bool included, are InvalidTypeError."""
        with pytest.raises(InvalidTypeError) as e:
            HistoricalDate.coerce(value)

        assert isinstance(e.value, TypeError)
        assert repr(value) in str(e.value)

    @given(st.dates())
    def test_any_date(self, day: dt.date) -> None:
        """Every datetime.date coerces to exactly that day."""
        d = HistoricalDate.coerce(day)

        assert (day, day) == (d.earliest, d.latest)
        assert str(day) == d.text

    @given(historical_dates_st())
    def test_coerce_is_identity_on_dates(self, d: HistoricalDate) -> None:
        """Coercing a HistoricalDate returns it unchanged."""
        assert d is HistoricalDate.coerce(d)


class TestValidation:
    """The constructor rejects records that contradict themselves."""

    def test_contradicting_earliest(self) -> None:
        """An earliest that the EDTF does not give is rejected."""
        d = hd("1956")

        with pytest.raises(InvalidValueError, match="earliest"):
            attrs.evolve(d, earliest=D(1955, 1, 1))

    def test_contradicting_latest(self) -> None:
        """A latest that the EDTF does not give is rejected."""
        d = hd("1956")

        with pytest.raises(InvalidValueError, match="latest"):
            attrs.evolve(d, latest=D(1957, 12, 31))

    def test_latest_before_earliest(self) -> None:
        """Bounds in the wrong order are rejected before anything else."""
        d = hd("1956")

        with pytest.raises(InvalidValueError, match="is before"):
            attrs.evolve(d, earliest=D(1956, 12, 31), latest=D(1956, 1, 1))

    @pytest.mark.parametrize(
        ("field", "value", "message"),
        [
            ("precision", Precision.DECADE, "precision is <Precision.DECADE"),
            ("approximate", True, "approximate is True"),
            ("uncertain", True, "uncertain is True"),
            ("calendar", Calendar.JULIAN, "in the julian calendar"),
            ("edtf", "1957", "but '1957'"),
        ],
    )
    def test_contradicting_fields(
        self, field: str, value: object, message: str
    ) -> None:
        """Changing one derived field or its input alone is rejected."""
        d = hd("1956")

        with pytest.raises(InvalidValueError, match=re.escape(message)):
            attrs.evolve(d, **_changes(field, value))

    def test_unparsable_edtf(self) -> None:
        """The constructor names the field when edtf cannot be parsed."""
        d = hd("1956")

        with pytest.raises(InvalidValueError, match=r"HistoricalDate\.edtf"):
            attrs.evolve(d, edtf="1956-13")

    def test_consistent_construction(self) -> None:
        """The constructor accepts fields that agree with the EDTF."""
        d = HistoricalDate(
            text="October 1917",
            edtf="1917-10",
            earliest=D(1917, 10, 14),
            latest=D(1917, 11, 13),
            precision=Precision.MONTH,
            calendar=Calendar.JULIAN,
        )

        assert d == HistoricalDate.from_edtf(
            "1917-10", text="October 1917", calendar=Calendar.JULIAN
        )

    @pytest.mark.parametrize("text", ["", " ", "\n\t"])
    def test_blank_text(self, text: str) -> None:
        """A blank text is rejected."""
        with pytest.raises(InvalidValueError, match=r"HistoricalDate\.text"):
            HistoricalDate.from_edtf("1956", text=text)

    @pytest.mark.parametrize("field", ["text", "relative_to", "reason"])
    def test_text_no_file_can_hold(self, field: str) -> None:
        """A lone surrogate, which UTF-8 cannot encode, is rejected."""
        fields = {"text": "1956", field: "in 19\ud85656"}
        if field == "reason":
            fields["basis"] = ss.DateBasis.INFERRED

        with pytest.raises(
            InvalidValueError,
            match=rf"HistoricalDate\.{field} holds a lone surrogate '\\ud856' "
            "at 5",
        ):
            HistoricalDate.from_edtf("1956", **fields)

    @pytest.mark.parametrize("relative_to", ["", " "])
    def test_blank_relative_to(self, relative_to: str) -> None:
        """A blank relative_to is rejected; it must be None or an id."""
        with pytest.raises(InvalidValueError, match="relative_to"):
            HistoricalDate.from_edtf(
                "1956", text="1956", relative_to=relative_to
            )

    @pytest.mark.parametrize(
        ("field", "value"),
        [
            ("text", 1956),
            ("edtf", 1956),
            ("earliest", "1956-01-01"),
            ("earliest", dt.datetime(1956, 1, 1, tzinfo=dt.UTC)),
            ("latest", None),
            ("precision", "year"),
            ("approximate", 0),
            ("uncertain", None),
            ("calendar", "gregorian"),
            ("relative_to", 7),
        ],
    )
    def test_wrong_field_types(self, field: str, value: object) -> None:
        """Fields of the wrong type raise InvalidTypeError naming them."""
        d = hd("1956")

        with pytest.raises(InvalidTypeError) as e:
            attrs.evolve(d, **_changes(field, value))

        assert isinstance(e.value, TypeError)
        assert f"HistoricalDate.{field}" in str(e.value)
        # Quoted briefly: a long repr is cut short.
        assert repr(value)[:50] in str(e.value)

    def test_frozen(self) -> None:
        """Assigning to a field raises FrozenInstanceError."""
        d = hd("1956")

        with pytest.raises(attrs.exceptions.FrozenInstanceError):
            d.earliest = D(1955, 1, 1)  # type: ignore[misc]

    def test_hashable_and_equal_by_value(self) -> None:
        """Equal dates are equal and hash alike; the text matters."""
        assert hd("1956") == hd("1956")
        assert len({hd("1956"), hd("1956")}) == 1
        assert hd("1956") != HistoricalDate.from_edtf("1956", text="that year")


class TestComparisons:
    """overlaps, contains, before, after and order on examples."""

    def test_before_and_after(self) -> None:
        """Disjoint dates are definitely before or after each other."""
        stalin_dies, speech = hd("1953-03-05"), hd("1956-02-25")

        assert stalin_dies.before(speech)
        assert speech.after(stalin_dies)
        assert not speech.before(stalin_dies)
        assert Order.BEFORE is stalin_dies.order(speech)
        assert Order.AFTER is speech.order(stalin_dies)

    def test_adjacent_days(self) -> None:
        """Consecutive days are ordered; they share no day."""
        evening, midnight = hd("1956-02-24"), hd("1956-02-25")

        assert evening.before(midnight)
        assert not evening.overlaps(midnight)

    def test_nested_is_unknown(self) -> None:
        """A day inside a year neither precedes nor follows it."""
        day, year = hd("1956-02-25"), hd("1956")

        assert not day.before(year)
        assert not day.after(year)
        assert day.overlaps(year)
        assert year.contains(day)
        assert not day.contains(year)
        assert Order.UNKNOWN is day.order(year)

    def test_same_day(self) -> None:
        """Two wordings of one day are the SAME."""
        a = hd("1956-02-25")
        b = HistoricalDate.from_edtf("1956-02-25", text="that night")

        assert Order.SAME is a.order(b)
        assert Order.SAME is a.order(hd("1956-02-25/1956-02-25"))

    def test_same_year_is_unknown(self) -> None:
        """Two wordings of one year are not SAME: their days may differ."""
        assert Order.UNKNOWN is hd("1956").order(hd("1956~"))

    def test_julian_and_gregorian_compare(self) -> None:
        """Bounds are Gregorian, so calendars compare directly."""
        october_julian = hd("1917-10-25", Calendar.JULIAN)

        assert hd("1917-11").contains(october_julian)
        assert Order.SAME is october_julian.order(hd("1917-11-07"))

    def test_open_start_order(self) -> None:
        """'By 1939' is before 1940 and unknown against 1939-06."""
        by_1939 = hd("../1939")

        assert by_1939.before(hd("1940"))
        assert Order.UNKNOWN is by_1939.order(hd("1939-06"))
        assert by_1939.contains(hd("1917"))

    @pytest.mark.parametrize(
        "method", ["overlaps", "contains", "before", "after", "order"]
    )
    def test_wrong_type(self, method: str) -> None:
        """Comparing with something that is not a HistoricalDate is refused."""
        with pytest.raises(InvalidTypeError, match="coerce"):
            getattr(hd("1956"), method)(1956)

    def test_sort_key_orders_a_timeline(self) -> None:
        """Sorting by sort_key gives the article's chronology."""
        dates = [hd(s) for s in ("1956", "../1939", "192X/193X", "1917-10")]

        assert [d.edtf for d in sorted(dates, key=lambda d: d.sort_key)] == [
            "1917-10",
            "192X/193X",
            "../1939",
            "1956",
        ]


def _julian_ordinal(year: int, month: int, day: int) -> int:
    """Count days in the Julian calendar so that 0001-01-03 is 1."""
    lengths = [31, 29 if year % 4 == 0 else 28, 31, 30, 31, 30]
    lengths += [31, 31, 30, 31, 30, 31]
    days_before_month = sum(lengths[: month - 1])
    previous = year - 1
    return previous * 365 + previous // 4 + days_before_month + day - 2


class TestProperties:
    """Laws that hold for every valid HistoricalDate."""

    @given(historical_dates_st())
    def test_bounds_in_order(self, d: HistoricalDate) -> None:
        """The earliest day is never after the latest."""
        assert d.earliest <= d.latest

    @given(st.data())
    def test_bounds_match_parts(self, data: st.DataObject) -> None:
        """A Gregorian single date's bounds are its first and last day."""
        side: Side = data.draw(sides())
        d = hd(side.edtf)

        assert (D(*side.first), D(*side.last)) == (d.earliest, d.latest)
        assert (side.qualifier in {"~", "%"}) is d.approximate
        assert (side.qualifier in {"?", "%"}) is d.uncertain

    @given(sides(calendar=Calendar.JULIAN))
    def test_julian_bounds(self, side: Side) -> None:
        """Julian bounds agree with an independent Julian day count."""
        d = hd(side.edtf, Calendar.JULIAN)

        assert _julian_ordinal(*side.first) == d.earliest.toordinal()
        assert _julian_ordinal(*side.last) == d.latest.toordinal()

    @given(st.data())
    def test_edtf_round_trip(self, data: st.DataObject) -> None:
        """Every canonical string reads back as itself."""
        calendar = data.draw(st.sampled_from(Calendar))
        edtf = data.draw(edtf_strings(calendar=calendar))

        assert edtf == hd(edtf, calendar).edtf

    @given(historical_dates_st())
    def test_record_round_trip(self, d: HistoricalDate) -> None:
        """Rebuilding a date from its EDTF and inputs gives it back."""
        again = HistoricalDate.from_edtf(
            d.edtf,
            text=d.text,
            calendar=d.calendar,
            relative_to=d.relative_to,
        )

        assert d == again

    @given(historical_dates_st())
    def test_evolve_round_trip(self, d: HistoricalDate) -> None:
        """The constructor accepts every date's own fields."""
        assert d == attrs.evolve(d)

    @given(historical_dates_st(), historical_dates_st())
    def test_overlaps_symmetric(
        self, a: HistoricalDate, b: HistoricalDate
    ) -> None:
        """Overlapping is symmetric."""
        assert a.overlaps(b) is b.overlaps(a)

    @given(historical_dates_st())
    def test_reflexive(self, d: HistoricalDate) -> None:
        """A date overlaps and contains itself and is not before itself."""
        assert d.overlaps(d)
        assert d.contains(d)
        assert not d.before(d)
        assert not d.after(d)

    @given(historical_dates_st(), historical_dates_st())
    def test_exactly_one_relation(
        self, a: HistoricalDate, b: HistoricalDate
    ) -> None:
        """Exactly one of before, after and overlaps holds."""
        assert [a.before(b), a.after(b), a.overlaps(b)].count(True) == 1

    @given(historical_dates_st(), historical_dates_st())
    def test_contains_implies_overlaps(
        self, a: HistoricalDate, b: HistoricalDate
    ) -> None:
        """A date that contains another overlaps it."""
        if a.contains(b):
            assert a.overlaps(b)
        if b.contains(a):
            assert b.overlaps(a)

    @given(
        historical_dates_st(),
        st.integers(0, 5000),
        st.integers(0, 5000),
        st.integers(0, 5000),
        st.integers(0, 5000),
    )
    def test_contains_transitive(
        self, c: HistoricalDate, w: int, x: int, y: int, z: int
    ) -> None:
        """If a contains b and b contains c, a contains c."""
        b = hd(_widen(c, w, x))
        a = hd(_widen(b, y, z))

        assert b.contains(c)
        assert a.contains(b)
        assert a.contains(c)

    @given(historical_dates_st(), historical_dates_st())
    def test_before_after_converse(
        self, a: HistoricalDate, b: HistoricalDate
    ) -> None:
        """Before and after are converses of each other."""
        assert a.before(b) is b.after(a)

    @given(historical_dates_st(), historical_dates_st())
    def test_order_antisymmetric(
        self, a: HistoricalDate, b: HistoricalDate
    ) -> None:
        """Swapping the dates swaps BEFORE and AFTER and keeps the rest."""
        converse = {
            Order.BEFORE: Order.AFTER,
            Order.AFTER: Order.BEFORE,
            Order.SAME: Order.SAME,
            Order.UNKNOWN: Order.UNKNOWN,
        }

        assert converse[a.order(b)] is b.order(a)

    @given(historical_dates_st(), historical_dates_st())
    def test_order_agrees_with_before(
        self, a: HistoricalDate, b: HistoricalDate
    ) -> None:
        """The order is BEFORE exactly when before() holds."""
        assert (a.order(b) is Order.BEFORE) is a.before(b)

    @given(historical_dates_st(), historical_dates_st())
    def test_sort_key_consistent_with_before(
        self, a: HistoricalDate, b: HistoricalDate
    ) -> None:
        """A date definitely before another sorts before it."""
        if a.before(b):
            assert a.sort_key < b.sort_key
        if b.before(a):
            assert b.sort_key < a.sort_key

    @given(historical_dates_st())
    def test_is_open_matches_bounds(self, d: HistoricalDate) -> None:
        """An open end shows as date.min or date.max."""
        if d.edtf.startswith(OPEN):
            assert dt.date.min == d.earliest
        if d.edtf.endswith(OPEN):
            assert dt.date.max == d.latest
        assert d.is_open is (OPEN in d.edtf)

    @given(historical_dates_st())
    def test_precision_of_intervals(self, d: HistoricalDate) -> None:
        """Intervals, and only intervals, have INTERVAL precision."""
        assert ("/" in d.edtf) is (d.precision is Precision.INTERVAL)


def _widen(d: HistoricalDate, before: int, after: int) -> str:
    """Return an EDTF interval that covers *d* and some days either side."""
    first = max(1, d.earliest.toordinal() - before)
    last = min(dt.date.max.toordinal(), d.latest.toordinal() + after)
    start = OPEN if d.edtf.startswith(OPEN) else D.fromordinal(first)
    end = OPEN if d.edtf.endswith(OPEN) else D.fromordinal(last)
    return f"{start}/{end}"


class TestBasis:
    """A date says where it comes from, and its fields agree."""

    def test_defaults(self) -> None:
        """Stated by default; relative when resolved against a record."""
        assert hd("1956").basis is DateBasis.STATED
        relative = HistoricalDate.from_edtf(
            "1953", text="three years earlier", relative_to="secret-speech"
        )
        assert relative.basis is DateBasis.RELATIVE

    @pytest.mark.parametrize(
        ("basis", "relative_to", "reason", "problem"),
        [
            (DateBasis.RELATIVE, None, None, "names the record"),
            (DateBasis.STATED, "x", None, "not relative"),
            (DateBasis.RECORD, "x", None, "not relative"),
            (DateBasis.INFERRED, None, None, "gives its reason"),
            (DateBasis.STATED, None, "why", "only an inferred date"),
        ],
    )
    def test_fields_agree(
        self,
        basis: DateBasis,
        relative_to: str | None,
        reason: str | None,
        problem: str,
    ) -> None:
        """Each disagreement of basis, anchor and reason is refused."""
        with pytest.raises(InvalidValueError, match=problem):
            HistoricalDate.from_edtf(
                "1956",
                text="1956",
                basis=basis,
                relative_to=relative_to,
                reason=reason,
            )

    def test_inferred(self) -> None:
        """An inferred date keeps its reason, relative or not."""
        d = HistoricalDate.from_edtf(
            "1956-02-25/1956-10-22",
            text="in 1956, before the revolution in Hungary",
            basis=DateBasis.INFERRED,
            relative_to="hungarian-revolution",
            reason="Placed before “finally, later in 1956”.",
        )

        assert d.reason == "Placed before “finally, later in 1956”."

    def test_basis_type(self) -> None:
        """A basis given as a str to the constructor is a type error."""
        with pytest.raises(InvalidTypeError, match="basis"):
            attrs.evolve(hd("1956"), basis="stated")


def _bundled_dates() -> list[HistoricalDate]:
    """Return every date of the bundled records and of the article."""
    dates = [ss.article.published]
    for record in ss.corpus().records():
        for field in attrs.fields(type(record)):
            value = getattr(record, field.name)
            values = value if isinstance(value, tuple) else (value,)
            dates += [d for d in values if isinstance(d, HistoricalDate)]
    return dates


#: Ways of writing the range of years START to END, "1946-7" and the like.
_RANGE_WORDINGS = (
    "{start}-{end}",
    "{start}\u2013{end}",
    "{start} \u2014 {end}",
    "{start} to {end}",
    "{start} and {end}",
    "from {start} to {end}",
    "between {start} and {end}",
)


class TestEdtfHint:
    """An English wording of a date is told the EDTF string for it."""

    @pytest.mark.parametrize(
        ("wording", "edtf"),
        [
            ("1930s", "193X"),
            ("the 1930s", "193X"),
            ("1930's", "193X"),
            ("the 1930\u2019s", "193X"),
            ("  THE 1930S ", "193X"),
            ("in the 1930s", "193X"),
            ("the early 1950s", "195X"),
            ("mid-1950s", "195X"),
            ("late 1950s", "195X"),
            ("the 1920s and 1930s", "192X/193X"),
            ("1920s-1930s", "192X/193X"),
            ("1920s to 1930s", "192X/193X"),
            ("the 1920s and '30s", "192X/193X"),
            ("1946-7", "1946/1947"),
            ("1952-3", "1952/1953"),
            ("1952-53", "1952/1953"),
            ("1946\u20131947", "1946/1947"),
            ("1946 \u2014 1947", "1946/1947"),
            ("1946/7", "1946/1947"),
            ("between 1957 and 1964", "1957/1964"),
            ("1957 to 1964", "1957/1964"),
            ("from 1957 to 1964", "1957/1964"),
            ("1957 and 1964", "1957/1964"),
            ("by 1939", "/1939"),
            ("By 1939", "/1939"),
            ("c. 1930", "1930~"),
            ("ca. 1930", "1930~"),
            ("circa 1930", "1930~"),
            ("about 1930", "1930~"),
            ("around 1930", "1930~"),
            ("in 1957", "1957"),
            ("In 1957", "1957"),
            (" 1957", "1957"),
            ("October 1917", "1917-10"),
            ("Feb 1956", "1956-02"),
            ("Sept. 1956", "1956-09"),
            ("24 February 1956", "1956-02-24"),
            ("24th of February 1956", "1956-02-24"),
            ("February 24, 1956", "1956-02-24"),
            ("5 march 1953", "1953-03-05"),
        ],
    )
    def test_wording(self, wording: str, edtf: str) -> None:
        """Each common wording is told its EDTF, which reads as valid."""
        assert _edtf_hint(wording) == repr(edtf)
        hd(edtf)

    @pytest.mark.parametrize(
        ("wording", "hint"),
        [
            ("1900s", "'19XX' for the century or '190X' for the decade"),
            ("the 2000s", "'20XX' for the century or '200X' for the decade"),
            (
                "the 1800s and 1900s",
                "'18XX/19XX' for the centuries or '180X/190X' for the decades",
            ),
            ("the 1890s and 1900s", "'189X/190X'"),
        ],
    )
    def test_round_hundred(self, wording: str, hint: str) -> None:
        """A round hundred is a century or a decade; the hint gives both."""
        assert _edtf_hint(wording) == hint

    @pytest.mark.parametrize(
        "wording",
        [
            "31 February 1956",  # no such day
            "29 February 1900",  # not a leap year in the Gregorian calendar
            "1964-57",  # ends before it starts
            "1930s to 1920s",
            "1999-00",
            "0000s",  # the year 0000
            "soon",
            "Late in the evening of 24 February 1956",
            "1956-02-3",
            "1946-07",  # valid EDTF: July 1946
            "1956",
            "193X",
            "/1939",
        ],
    )
    def test_no_hint(self, wording: str) -> None:
        """No hint for what is no date, an impossible one, or EDTF itself."""
        assert _edtf_hint(wording) is None

    def test_julian_leap_day(self) -> None:
        """A suggestion is checked in the calendar of the date."""
        assert _edtf_hint("29 February 1900", Calendar.JULIAN) == repr(
            "1900-02-29"
        )

    def test_bundled_wordings(self) -> None:
        """Each bundled wording the rules cover gets its record's own EDTF."""
        covered = set()
        for date in _bundled_dates():
            hint = _edtf_hint(date.text, date.calendar)
            if hint is not None:
                assert hint == repr(date.edtf), date.text
                covered.add(date.text)
                with pytest.raises(InvalidValueError) as e:
                    hd(date.text, date.calendar)
                assert f"in EDTF: {date.edtf!r})" in str(e.value)

        assert covered >= {
            "the 1930s",
            "the 1920s and 1930s",
            "1946-7",
            "1952-3",
            "By 1939",
            "October 1917",
            "March 1953",
            "between 1957 and 1964",
            "In 1957",
            "In 1961",
            "In 1964",
            "5 March 1953",
        }

    @pytest.mark.parametrize(
        "call",
        [
            lambda: ss.timeline(start="1930s"),
            lambda: ss.timeline(end=" the 1930s "),
            lambda: ss.events.filter(during="1930s"),
            lambda: HistoricalDate.coerce("1930s"),
            lambda: HistoricalDate.from_edtf("1930s", text="the 1930s"),
        ],
    )
    def test_in_the_message(self, call: Any) -> None:
        """Queries and readers of dates give the hint in their message."""
        with pytest.raises(InvalidValueError) as e:
            call()

        message = str(e.value)
        assert "is not a date in the EDTF subset this edition reads " in (
            message
        )
        assert "reads (in EDTF: '193X'); the accepted forms are YYYY," in (
            message
        )

    def test_message_without_hint_unchanged(self) -> None:
        """What is no date wording gets the message it always had."""
        with pytest.raises(InvalidValueError) as e:
            HistoricalDate.coerce("31 February 1956")

        assert str(e.value) == (
            "'31 February 1956' is not a date in the EDTF subset this "
            f"edition reads; {_dates._ACCEPTED_FORMS}"
        )

    @pytest.mark.parametrize(
        ("edtf", "season", "years"),
        [
            ("1956-21", "spring", ""),
            ("1956-24", "winter", ""),
            ("1920-21", "spring", " (as years, in EDTF: '1920/1921')"),
        ],
    )
    def test_season(self, edtf: str, season: str, years: str) -> None:
        """An EDTF season (21 to 24) is named as one, not as a bad month."""
        with pytest.raises(InvalidValueError) as e:
            HistoricalDate.coerce(edtf)

        assert str(e.value) == (
            f"{edtf!r} has month {edtf[-2:]}, the EDTF season {season}, "
            f"which this edition does not read; months run 01 to 12{years}"
        )

    def test_month_shaped_years(self) -> None:
        """A month-shaped "1952-53" is worded as years; they are suggested."""
        with pytest.raises(InvalidValueError) as e:
            HistoricalDate.coerce("1952-53")

        assert str(e.value) == (
            "'1952-53' has month 53; months run 01 to 12 "
            "(as years, in EDTF: '1952/1953')"
        )

    def test_worked_out_once(self) -> None:
        """The hint is worked out once; checking it asks for no other."""
        calls: list[str] = []

        def counted(wording: str, calendar: Calendar) -> str | None:
            calls.append(wording)
            return _edtf_hint(wording, calendar)

        with pytest.MonkeyPatch.context() as patch:
            patch.setattr(_dates, "_edtf_hint", counted)
            with pytest.raises(InvalidValueError, match="'1900s'"):
                HistoricalDate.coerce("1900s")

        assert calls == ["1900s"]

    @given(edtf_strings())
    def test_valid_edtf_pays_nothing(self, edtf: str) -> None:
        """Reading valid EDTF never works out a hint, and none is given."""
        with pytest.MonkeyPatch.context() as patch:
            patch.setattr(_dates, "_edtf_hint", _never)
            _parse.__wrapped__(edtf, Calendar.GREGORIAN)

        assert _edtf_hint(edtf) is None

    @given(
        start=st.integers(1000, 9999),
        length=st.integers(0, 9),
        wording=st.sampled_from(_RANGE_WORDINGS),
        data=st.data(),
    )
    def test_year_range(
        self, start: int, length: int, wording: str, data: st.DataObject
    ) -> None:
        """A range of years, its end in full or short, is START/END."""
        end = min(start + length, 9999)
        # A short end keeps the start's first digits: "1946-7", "1952-53".
        short = data.draw(
            st.sampled_from(
                [n for n in (1, 2) if str(end)[:-n] == str(start)[:-n]] + [4]
            )
        )
        text = wording.format(start=start, end=str(end)[-short:])
        # "1946-07" is valid EDTF, a month; it needs no hint.
        assume(not re.fullmatch(r"[0-9]{4}-(0[1-9]|1[0-2])", text))

        assert _edtf_hint(text) == repr(f"{start}/{end}")
        d = hd(f"{start}/{end}")
        assert (d.earliest, d.latest) == (D(start, 1, 1), D(end, 12, 31))

    @given(
        start=st.integers(1000, 9999),
        back=st.integers(1, 9),
        wording=st.sampled_from(_RANGE_WORDINGS),
    )
    def test_year_range_backwards(
        self, start: int, back: int, wording: str
    ) -> None:
        """A range that ends before it starts gets no hint."""
        assume(start - back >= 1000)
        text = wording.format(start=start, end=start - back)

        assert _edtf_hint(text) is None

    @given(
        decade=st.integers(1, 999),
        wording=st.sampled_from(
            ("{}0s", "the {}0s", "{}0's", "in the {}0s", " The {}0S ")
        ),
    )
    def test_decade(self, decade: int, wording: str) -> None:
        """A decade is YYYX; a round hundred also YYXX, the century."""
        text = wording.format(f"{decade:03d}")
        hint = _edtf_hint(text)

        edtf = f"{decade:03d}X"
        d = hd(edtf)
        assert (d.earliest, d.latest) == (
            D(decade * 10, 1, 1),
            D(decade * 10 + 9, 12, 31),
        )
        if decade % 10:
            assert hint == repr(edtf)
        else:
            assert hint == (
                f"{edtf[:2] + 'XX'!r} for the century or {edtf!r} for the "
                "decade"
            )

    @given(
        day=st.dates(min_value=D(1000, 1, 1)),
        wording=st.sampled_from(
            (
                "{day} {month} {year}",
                "{month} {day}, {year}",
                "{day}th of {month}, {year}",
            )
        ),
        abbreviated=st.booleans(),
    )
    def test_day(self, day: dt.date, wording: str, abbreviated: bool) -> None:
        """A day written with its month's name is YYYY-MM-DD."""
        month = MONTH_NAMES[day.month - 1]
        text = wording.format(
            day=day.day,
            month=month[:3] if abbreviated else month,
            year=day.year,
        )

        assert _edtf_hint(text) == repr(day.isoformat())
        assert _edtf_hint(f"{month} {day.year}") == repr(day.isoformat()[:7])

    @given(
        year=st.integers(1000, 9999),
        month=st.sampled_from((2, 4, 6, 9, 11)),
        data=st.data(),
    )
    def test_impossible_day(
        self, year: int, month: int, data: st.DataObject
    ) -> None:
        """A day its month does not have gets no hint."""
        day = data.draw(
            st.integers(calendar.monthrange(year, month)[1] + 1, 31)
        )

        assert _edtf_hint(f"{day} {MONTH_NAMES[month - 1]} {year}") is None


def _never(wording: str, calendar: Calendar) -> str | None:
    """Stand in for `_edtf_hint` where it must not be called."""
    msg = f"a hint was worked out for {wording!r} ({calendar.value})"
    raise AssertionError(msg)
