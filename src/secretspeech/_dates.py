# Copyright (c) 2026 The secretspeech developers. SPDX-License-Identifier: MIT
"""
Dates and periods as the article words them, with honest bounds.

A `HistoricalDate` keeps the article's wording, an EDTF string for it and
the first and last day that the wording allows.  The bounds are always in
the proleptic Gregorian calendar, so dates from different calendars compare
directly; the EDTF string stays as the source gives it.

The accepted EDTF is EDTF level 0 plus these level-1 features:

- ``YYYY``, ``YYYY-MM`` and ``YYYY-MM-DD`` for the years 0001 to 9999,
  checked against the real length of each month;
- an unspecified last digit or last two digits of the year: ``YYYX`` (a
  decade, ``195X`` is 1950–1959) and ``YYXX`` (a century);
- a qualifier after any of these: ``?`` (uncertain), ``~`` (approximate) or
  ``%`` (both);
- intervals ``START/END`` of the dates above, each with its own qualifier,
  where ``..`` stands for an open end (``1956/..``: it goes on) and an
  empty end for an unknown one (``/1939``, "By 1939": it began at a time
  the wording does not give).  Either way the bound is the first or last
  day a date can have; the EDTF string keeps the difference.

Nothing else is accepted: no seasons (the error for ``1956-21`` names its
season), no negative or five-digit years, no times of day and no level-2
features.
The canonical spelling is exactly the forms above: no leading ``+``, no
lower-case ``x`` and no surrounding whitespace.  The error for a common
English wording of a date names its EDTF string: "the 1930s" is ``193X``,
"1946-7" is ``1946/1947`` and "By 1939" is ``/1939``.
"""

from __future__ import annotations

import datetime as dt
import enum
import functools
import re
from typing import TYPE_CHECKING, Any, NamedTuple

import attrs

from secretspeech._text import brief, shown, unwritable
from secretspeech._vocabulary import Vocabulary
from secretspeech.exceptions import (
    InvalidTypeError,
    InvalidValueError,
)


if TYPE_CHECKING:
    from collections.abc import Callable


__all__ = ["Calendar", "DateBasis", "HistoricalDate", "Order", "Precision"]


class Precision(enum.Enum, metaclass=Vocabulary):
    """
    The finest unit of time that a date's wording fixes.

    A single date has the precision of its form; an interval is always
    `INTERVAL`.

    >>> import secretspeech as ss
    >>> ss.HistoricalDate.from_edtf("195X", text="the 1950s").precision
    <Precision.DECADE: 'decade'>
    """

    DAY = "day"
    MONTH = "month"
    YEAR = "year"
    DECADE = "decade"
    CENTURY = "century"
    INTERVAL = "interval"


class Calendar(enum.Enum, metaclass=Vocabulary):
    """
    The calendar in which a date is worded.

    Bounds are always proleptic Gregorian; the calendar says how to read the
    EDTF string. Like the other vocabularies, it reads its values and
    names in any case, and refuses anything else listing the choices.

    >>> import secretspeech as ss
    >>> ss.Calendar("julian")
    <Calendar.JULIAN: 'julian'>
    >>> ss.Calendar("Julian") is ss.Calendar("JULIAN") is ss.Calendar.JULIAN
    True
    >>> ss.Calendar("Revised")
    Traceback (most recent call last):
    ...
    secretspeech.exceptions.InvalidValueError: 'Revised' is not a Calendar; ...
    """

    GREGORIAN = "gregorian"
    JULIAN = "julian"


class DateBasis(enum.Enum, metaclass=Vocabulary):
    """
    Where a date comes from: the article's words, or something else.

    >>> import secretspeech as ss
    >>> ss.events.get("famine-1946-7").date.basis
    <DateBasis.STATED: 'stated'>
    >>> ss.people.get("joseph-stalin").died.basis
    <DateBasis.RECORD: 'record'>
    """

    #: The article states the date for this record, in the words of *text*.
    STATED = "stated"
    #: The article's words date it from another record's date, given as
    #: *relative_to* ("three years earlier").
    RELATIVE = "relative"
    #: The article does not date this record; the date is read from the
    #: text around it, for the *reason* given.  *text* is then the
    #: edition's wording, not the article's.
    INFERRED = "inferred"
    #: From the public record (a life date, say), not from the article.
    RECORD = "record"


class Order(enum.Enum, metaclass=Vocabulary):
    """
    The honest answer to "which came first?".

    `UNKNOWN` means the possible days of the two dates overlap, so the text
    does not settle the order.

    >>> import secretspeech as ss
    >>> speech = ss.HistoricalDate.from_edtf("1956-02-25", text="25 February")
    >>> year = ss.HistoricalDate.from_edtf("1956", text="1956")
    >>> speech.order(year) is ss.Order.UNKNOWN
    True
    """

    BEFORE = "before"
    AFTER = "after"
    SAME = "same"
    UNKNOWN = "unknown"


_ACCEPTED_FORMS = (
    "the accepted forms are YYYY, YYYY-MM, YYYY-MM-DD, YYYX (a decade) and "
    "YYXX (a century) for the years 0001 to 9999, each optionally followed "
    "by ? (uncertain), ~ (approximate) or % (both), and intervals START/END "
    "of those, with .. for an open end and nothing for an unknown one"
)

# [0-9] rather than \d: \d also matches non-ASCII digits such as "١٩٥٦".
_DATE_RE = re.compile(
    r"(?:(?P<year>[0-9]{4})(?:-(?P<month>[0-9]{2})(?:-(?P<day>[0-9]{2}))?)?"
    r"|(?P<decade>[0-9]{3})X"
    r"|(?P<century>[0-9]{2})XX)"
    r"(?P<qualifier>[?~%])?"
)

_OPEN = ".."
# An interval end that is not a date: open (..) or unknown (empty).
_NO_DATE = frozenset({_OPEN, ""})

# The Julian day number of the day before 0001-01-01 (proleptic Gregorian),
# so that a date's ordinal is its Julian day number minus this.
_JDN_OF_ORDINAL_ZERO = 1_721_425


class _Parsed(NamedTuple):
    """The fields of a `HistoricalDate` that its EDTF string determines."""

    earliest: dt.date
    latest: dt.date
    precision: Precision
    approximate: bool
    uncertain: bool


#: The seasons of EDTF level 1, months 21 to 24, which are refused by name.
_SEASONS = ("spring", "summer", "autumn", "winter")

#: The days of each month in a common year, January first.
_MONTH_DAYS = (31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31)


def _days_in_month(year: int, month: int, calendar: Calendar) -> int:
    """Return the number of days of *month* in *year* of *calendar*."""
    if month != 2:  # February is the one that varies
        return _MONTH_DAYS[month - 1]
    # Counted here rather than with the calendar module, whose import (and
    # locale's) would be most of what reading a date costs at start-up.
    leap = year % 4 == 0
    if calendar is not Calendar.JULIAN:
        leap = leap and (year % 100 != 0 or year % 400 == 0)
    return 29 if leap else 28


def _julian_to_gregorian(year: int, month: int, day: int) -> dt.date:
    """
    Convert a Julian calendar date to the proleptic Gregorian calendar.

    Uses the Julian day number, which is valid for every year from 1 on.

    Raises:
        InvalidValueError:
            If the Gregorian date lies outside what `datetime.date` can hold.
    """
    shift = (14 - month) // 12
    y = year + 4800 - shift
    m = month + 12 * shift - 3
    jdn = day + (153 * m + 2) // 5 + 365 * y + y // 4 - 32083
    ordinal = jdn - _JDN_OF_ORDINAL_ZERO
    if not 1 <= ordinal <= dt.date.max.toordinal():
        msg = (
            f"the Julian date {year:04d}-{month:02d}-{day:02d} falls outside "
            "the Gregorian days 0001-01-01 to 9999-12-31 that bounds can hold"
        )
        raise InvalidValueError(msg)
    return dt.date.fromordinal(ordinal)


def _day(year: int, month: int, day: int, calendar: Calendar) -> dt.date:
    """Return the proleptic Gregorian day of a valid date in *calendar*."""
    if calendar is Calendar.JULIAN:
        return _julian_to_gregorian(year, month, day)
    return dt.date(year, month, day)


def _unrecognised(
    edtf: str, calendar: Calendar, *, hint: bool
) -> InvalidValueError:
    """
    Return the error for a string outside the accepted EDTF subset.

    With *hint*, an English wording of a date is told its EDTF string.
    """
    return InvalidValueError(
        f"{brief(edtf)} is not a date in the EDTF subset this edition reads"
        f"{_in_edtf(edtf, calendar) if hint else ''}; {_ACCEPTED_FORMS}"
    )


#: The months' names in English, January first: how `_edtf_hint` reads a
#: month in words, and how the exports write one.
MONTH_NAMES = (
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
)
#: A month's name, or its first three letters, or "sept", to its number.
_MONTH_NUMBERS = {
    **{name.lower(): number for number, name in enumerate(MONTH_NAMES, 1)},
    **{name[:3].lower(): n for n, name in enumerate(MONTH_NAMES, 1)},
    "sept": 9,
}
_MONTH = r"(?P<month>{})\.?".format(
    "|".join(sorted(_MONTH_NUMBERS, key=len, reverse=True))
)
_DAY = r"(?P<day>[0-9]{1,2})(?:st|nd|rd|th)?"
_YEAR = r"(?P<year>[0-9]{4})"

#: English wordings of one date, each with its EDTF.  They are read from
#: text that `_wording` has lowered and tidied.  Patterns, not compiled:
#: only an error reads them, and `re` compiles each the first time.
_DATE_WORDINGS = (
    # "1930s", "the 1930's", "the early 1950s": the decade
    (
        r"(?:the )?(?:(?:early|mid|late) )?(?P<decade>[0-9]{3})0'?s",
        "{decade}X",
    ),
    (_YEAR, "{year}"),
    # "october 1917", "feb. 1956"
    (f"{_MONTH},? {_YEAR}", "{year}-{month}"),
    # "24 february 1956", "24th of february, 1956"
    (f"{_DAY} (?:of )?{_MONTH},? {_YEAR}", "{year}-{month}-{day}"),
    # "february 24, 1956"
    (f"{_MONTH} {_DAY},? {_YEAR}", "{year}-{month}-{day}"),
)

#: English wordings of a period, each with its EDTF; a group is one date,
#: worded as `_DATE_WORDINGS` has it.  The first that fits is used.
_PERIOD_WORDINGS = (
    ("between (?P<start>.+) and (?P<end>.+)", "{start}/{end}"),
    # "1946-7", "1957 to 1964", "the 1920s and 1930s"
    (
        "(?:from )?(?P<start>.+?)(?:-|/| to | and )(?P<end>.+)",
        "{start}/{end}",
    ),
    # "by 1939": when it began, the wording does not say
    ("by (?P<date>.+)", "/{date}"),
    (r"(?:circa|ca\.?|c\.?|about|around) ?(?P<date>.+)", "{date}~"),
    ("(?P<date>.+)", "{date}"),
)

#: The last digits of a year ("1946-7") or decade ("1920s-'30s") that ends
#: a period, the rest taken from its start.
_SHORT_YEAR = r"[0-9]{1,3}"
_SHORT_DECADE = r"'?(?P<digit>[0-9])0'?s"
_WHOLE_YEAR = r"[0-9]{4}"
_WHOLE_DECADE = r"[0-9]{3}X"

#: Hyphens, dashes and minus signs; curly quotes and other apostrophes.
_DASHES = str.maketrans(
    dict.fromkeys("\u2010\u2011\u2012\u2013\u2014\u2212", "-")
)
_QUOTES = str.maketrans(dict.fromkeys("\u2018\u2019\u02bc`\u00b4\u2032", "'"))


def _wording(text: str) -> str:
    """Lower and tidy *text*: single spaces, plain dashes and quotes."""
    words = " ".join(text.split()).lower()
    words = words.translate(_DASHES).translate(_QUOTES)
    words = re.sub(r" ?- ?", "-", words).replace("mid-", "mid ")
    return re.sub(r"^(?:in|during) ", "", words)


def _date_edtf(words: str, start: str | None = None) -> str | None:
    """
    Return the EDTF of one date worded as *words*, or `None`.

    After the *start* of a period, the last digits of a year or decade
    stand for the whole: "7" after ``1946`` is ``1947``.
    """
    if start is not None:
        if re.fullmatch(_SHORT_YEAR, words) and re.fullmatch(
            _WHOLE_YEAR, start
        ):
            return start[: 4 - len(words)] + words
        short = re.fullmatch(_SHORT_DECADE, words)
        if short and re.fullmatch(_WHOLE_DECADE, start):
            return f"{start[:2]}{short['digit']}X"
    for pattern, edtf in _DATE_WORDINGS:
        match = re.fullmatch(pattern, words)
        if match is not None:
            parts = match.groupdict()
            if parts.get("month"):
                parts["month"] = f"{_MONTH_NUMBERS[parts['month']]:02d}"
            if parts.get("day"):
                parts["day"] = parts["day"].zfill(2)
            return edtf.format(**parts)
    return None


def _parses(edtf: str, calendar: Calendar) -> bool:
    """Tell whether *edtf* is a valid date in *calendar*."""
    try:
        _parse(edtf, calendar, hint=False)
    except InvalidValueError:
        return False
    return True


def _edtf_hint(
    wording: str, calendar: Calendar = Calendar.GREGORIAN
) -> str | None:
    """
    Say which EDTF string means the English *wording* of a date.

    The wordings are those of `_PERIOD_WORDINGS`, such as "the 1930s",
    "1946-7", "by 1939" or "24 February 1956", in any case and with
    surrounding spaces.  A round hundred such as "1900s" is read both as
    a century and as a decade.  Only valid EDTF is suggested, and only for
    a *wording* that is not already valid: it is worked out for an error
    message, never while parsing.

    Returns:
        str | None: The EDTF, quoted, or `None` if no valid EDTF is known
        for *wording*.

    >>> from secretspeech._dates import _edtf_hint
    >>> print(_edtf_hint("the 1930s"), _edtf_hint("1946-7"))
    '193X' '1946/1947'
    >>> print(_edtf_hint("By 1939"), _edtf_hint(" February 24, 1956 "))
    '/1939' '1956-02-24'
    >>> print(_edtf_hint("1900s"))
    '19XX' for the century or '190X' for the decade
    >>> print(_edtf_hint("31 February 1956"), _edtf_hint("1946-07"))
    None None
    """
    if _parses(wording, calendar):
        return None
    words = _wording(wording)
    for pattern, edtf in _PERIOD_WORDINGS:
        match = re.fullmatch(pattern, words)
        if match is None:
            continue
        dates: dict[str, str] = {}
        for name, part in match.groupdict().items():
            date = _date_edtf(part, dates.get("start"))
            if date is None:
                break
            dates[name] = date
        else:
            readings = [edtf.format(**dates)]
            unit = "centuries" if len(dates) > 1 else "century"
            if all(re.fullmatch("[0-9]{2}0X", d) for d in dates.values()):
                # "1900s" is the twentieth century or its first decade.
                centuries = {k: d[:2] + "XX" for k, d in dates.items()}
                readings.insert(0, edtf.format(**centuries))
            valid = [r for r in readings if _parses(r, calendar)]
            if len(valid) == 2:
                decade = "decades" if len(dates) > 1 else "decade"
                return (
                    f"{brief(valid[0])} for the {unit} or {brief(valid[1])} "
                    f"for the {decade}"
                )
            if valid:
                return brief(valid[0])
    return None


def _in_edtf(wording: str, calendar: Calendar, lead: str = "in EDTF") -> str:
    """Return " (in EDTF: ...)" for an English *wording*, or nothing."""
    hint = _edtf_hint(wording, calendar)
    return "" if hint is None else f" ({lead}: {hint})"


def _where(text: str, edtf: str) -> str:
    """Name the date *text* of *edtf* in a message."""
    return brief(edtf) if text == edtf else f"{brief(text)} in {brief(edtf)}"


def _parse_date(
    text: str, edtf: str, calendar: Calendar, *, hint: bool
) -> _Parsed:
    """
    Parse one date (not an interval) *text* that is part of *edtf*.

    With *hint*, an error for an English wording of a date tells its EDTF.

    Raises:
        InvalidValueError: If *text* is not a valid date in *calendar*.
    """
    match = _DATE_RE.fullmatch(text)
    if match is None:
        raise _unrecognised(edtf, calendar, hint=hint)
    precision = Precision.YEAR
    if match["decade"] is not None:
        first_year = int(match["decade"]) * 10
        last_year = first_year + 9
        precision = Precision.DECADE
    elif match["century"] is not None:
        first_year = int(match["century"]) * 100
        last_year = first_year + 99
        precision = Precision.CENTURY
    else:
        first_year = last_year = int(match["year"])
    if first_year == 0:
        msg = (
            f"{_where(text, edtf)} includes the year 0000; years run 0001 "
            "to 9999"
        )
        raise InvalidValueError(msg)
    month, last_month, day, last_day = 1, 12, 1, 31
    if match["month"] is not None:
        month = last_month = int(match["month"])
        if not 1 <= month <= 12:
            # "1952-53" has the form of a month but is worded as years.
            years = (
                _in_edtf(edtf, calendar, "as years, in EDTF") if hint else ""
            )
            season = (
                f", the EDTF season {_SEASONS[month - 21]}, which this "
                "edition does not read"
                if 21 <= month <= 24
                else ""
            )
            msg = (
                f"{_where(text, edtf)} has month {month:02d}{season}; months "
                f"run 01 to 12{years}"
            )
            raise InvalidValueError(msg)
        precision = Precision.MONTH
        last_day = _days_in_month(first_year, month, calendar)
    if match["day"] is not None:
        day = int(match["day"])
        if not 1 <= day <= last_day:
            msg = (
                f"{_where(text, edtf)} has day {day:02d}, but "
                f"{first_year:04d}-{month:02d} "
                f"has days 01 to {last_day} in the {calendar.value} calendar"
            )
            raise InvalidValueError(msg)
        last_day = day
        precision = Precision.DAY
    try:
        earliest = _day(first_year, month, day, calendar)
        latest = _day(last_year, last_month, last_day, calendar)
    except InvalidValueError as e:
        raise InvalidValueError(f"{_where(text, edtf)}: {e}") from None
    return _Parsed(
        earliest=earliest,
        latest=latest,
        precision=precision,
        approximate=match["qualifier"] in {"~", "%"},
        uncertain=match["qualifier"] in {"?", "%"},
    )


@functools.lru_cache(maxsize=4096)
def _parse(edtf: str, calendar: Calendar, *, hint: bool = True) -> _Parsed:
    """
    Compute the fields that *edtf*, read in *calendar*, determines.

    With *hint* (the default), the error for an English wording of a date
    says which EDTF string means it; `_edtf_hint` turns it off to check
    its own suggestions.

    Raises:
        InvalidValueError: If *edtf* is outside the subset or impossible.
    """
    if edtf.count("/") > 1:
        raise _unrecognised(edtf, calendar, hint=hint)
    start, slash, end = edtf.partition("/")
    if not slash:
        return _parse_date(edtf, edtf, calendar, hint=hint)
    if start in _NO_DATE and end in _NO_DATE:
        msg = (
            f"{brief(edtf)} has no date at either end; one end must be a date"
        )
        raise InvalidValueError(msg)
    sides = [
        _parse_date(side, edtf, calendar, hint=hint)
        for side in (start, end)
        if side not in _NO_DATE
    ]
    earliest = dt.date.min if start in _NO_DATE else sides[0].earliest
    latest = dt.date.max if end in _NO_DATE else sides[-1].latest
    if latest < earliest:
        msg = (
            f"{brief(edtf)} ends before it starts: {brief(end)} is over by "
            f"{latest}, but {brief(start)} begins on {earliest}"
        )
        raise InvalidValueError(msg)
    return _Parsed(
        earliest=earliest,
        latest=latest,
        precision=Precision.INTERVAL,
        approximate=any(side.approximate for side in sides),
        uncertain=any(side.uncertain for side in sides),
    )


def _of_type(
    kind: type, description: str
) -> Callable[[object, attrs.Attribute[Any], object], None]:
    """
    Return a validator that accepts only values whose type is *kind*.

    The type must match exactly, because a `bool` is an `int` and a
    `datetime.datetime` is a `datetime.date`, and neither is what a field of
    a `HistoricalDate` means.
    """

    def check(
        _instance: object, attribute: attrs.Attribute[Any], value: object
    ) -> None:
        if type(value) is not kind:
            msg = (
                f"HistoricalDate.{attribute.name} must be {description}, "
                f"got {shown(value)}"
            )
            raise InvalidTypeError(msg)

    return check


def _not_blank(
    _instance: object, attribute: attrs.Attribute[Any], value: str
) -> None:
    """Reject an empty or all-whitespace string, or one no file can hold."""
    if not value.strip():
        msg = (
            f"HistoricalDate.{attribute.name} must not be blank, got "
            f"{brief(value)}"
        )
        raise InvalidValueError(msg)
    bad = unwritable(value)
    if bad is not None:
        msg = (
            f"HistoricalDate.{attribute.name} holds {bad}, which no UTF-8 "
            f"file can hold: {brief(value)}"
        )
        raise InvalidValueError(msg)


def _require_date(other: object, method: str) -> None:
    """
    Check that *other*, passed to *method*, is a `HistoricalDate`.

    Raises:
        InvalidTypeError: If it is not.
    """
    if not isinstance(other, HistoricalDate):
        msg = (
            f"HistoricalDate.{method}() takes a HistoricalDate, got "
            f"{shown(other)}; use HistoricalDate.coerce() to turn a year, an "
            "EDTF string or a datetime.date into one"
        )
        raise InvalidTypeError(msg)


def _default(relative_to: str | None) -> DateBasis:
    # A date resolved against another is relative unless said otherwise.
    return DateBasis.STATED if relative_to is None else DateBasis.RELATIVE


def _default_basis(date: HistoricalDate) -> DateBasis:
    return _default(date.relative_to)


def _basis_problem(
    basis: DateBasis, relative_to: str | None, reason: str | None
) -> str | None:
    """Say how *basis*, *relative_to* and *reason* disagree, if they do."""
    if basis is DateBasis.RELATIVE and relative_to is None:
        return "a relative date names the record it is relative to"
    # Identity, not a set: an enum member hashes in Python, slowly.
    if (
        basis is DateBasis.STATED or basis is DateBasis.RECORD
    ) and relative_to:
        return f"a {basis.value} date is not relative to another record"
    if basis is DateBasis.INFERRED and reason is None:
        return "an inferred date gives its reason"
    if basis is not DateBasis.INFERRED and reason is not None:
        return f"only an inferred date gives a reason, not a {basis.value} one"
    return None


@attrs.frozen(kw_only=True)
class HistoricalDate:
    """
    A date or period as the article words it, with its possible days.

    Build one with `from_edtf` (or `coerce`); the constructor also takes
    the computed fields, but only to check them, so a record can never carry
    bounds that contradict its EDTF string.

    Comparisons are honest about uncertainty: `before` and `after` mean
    *definitely* before or after, `overlaps` means the two may share a day,
    and `order` answers `Order.UNKNOWN` when the wording does not settle
    which came first.  There is no ``<``; sort by `sort_key`.

    Attributes:
        text: The wording as written in the article, for example ``"1946-7"``
            in "Famine in 1946-7".  Never blank.

        edtf: The EDTF string for *text*, in the subset described in the
            module documentation, as the source's calendar gives it.

        earliest: The first possible day, proleptic Gregorian;
            `datetime.date.min` if the start is open (``..``).

        latest: The last possible day, proleptic Gregorian;
            `datetime.date.max` if the end is open.

        precision: The finest unit the wording fixes.

        approximate: Whether the EDTF string has ``~`` or ``%`` anywhere.

        uncertain: Whether the EDTF string has ``?`` or ``%`` anywhere.

        calendar: The calendar of the wording (and of *edtf*).  The bounds
            are Gregorian whatever it is.

        relative_to: For a relative wording such as "three years earlier",
            the id of the record it was resolved against; otherwise `None`.

        basis: Where the date comes from (`DateBasis`): the article states
            it, dates it relative to *relative_to*, or does not date the
            record at all, so that the date is inferred (for *reason*) or
            taken from the public record.  By default `DateBasis.RELATIVE`
            with *relative_to* and `DateBasis.STATED` without.

        reason: For an inferred date, what it is inferred from, in a
            sentence; `None` for any other basis.

    Raises:
        InvalidValueError:
            If *text* or *relative_to* is blank, if *edtf* cannot be parsed,
            if a computed field differs from what *edtf* gives, or if
            *basis*, *relative_to* and *reason* do not agree: a relative
            date has *relative_to*, a stated or public-record one has not,
            and an inferred date, and only an inferred date, has a
            *reason*.

        InvalidTypeError: If a field has the wrong type.

    >>> import secretspeech as ss
    >>> famine = ss.HistoricalDate.from_edtf("1946/1947", text="1946-7")
    >>> famine.earliest, famine.latest
    (datetime.date(1946, 1, 1), datetime.date(1947, 12, 31))
    >>> str(famine)
    '1946-7'
    """

    text: str = attrs.field(validator=[_of_type(str, "a str"), _not_blank])
    edtf: str = attrs.field(validator=_of_type(str, "an EDTF str"))
    earliest: dt.date = attrs.field(
        validator=_of_type(dt.date, "a datetime.date")
    )
    latest: dt.date = attrs.field(
        validator=_of_type(dt.date, "a datetime.date")
    )
    precision: Precision = attrs.field(
        validator=_of_type(Precision, "a Precision")
    )
    approximate: bool = attrs.field(
        default=False, validator=_of_type(bool, "a bool")
    )
    uncertain: bool = attrs.field(
        default=False, validator=_of_type(bool, "a bool")
    )
    calendar: Calendar = attrs.field(
        default=Calendar.GREGORIAN, validator=_of_type(Calendar, "a Calendar")
    )
    relative_to: str | None = attrs.field(
        default=None,
        validator=attrs.validators.optional(
            [_of_type(str, "a record id str or None"), _not_blank]
        ),
    )
    basis: DateBasis = attrs.field(
        default=attrs.Factory(_default_basis, takes_self=True),
        validator=_of_type(DateBasis, "a DateBasis"),
    )
    reason: str | None = attrs.field(
        default=None,
        validator=attrs.validators.optional(
            [_of_type(str, "a str or None"), _not_blank]
        ),
    )

    def __attrs_post_init__(self) -> None:
        # Runs after the field validators, so every field has its type.
        problem = _basis_problem(self.basis, self.relative_to, self.reason)
        if problem:
            raise InvalidValueError(
                f"HistoricalDate {brief(self.text)}: {problem}"
            )
        if self.latest < self.earliest:
            msg = (
                f"HistoricalDate.latest ({self.latest}) is before "
                f"HistoricalDate.earliest ({self.earliest})"
            )
            raise InvalidValueError(msg)
        try:
            expected = _parse(self.edtf, self.calendar)
        except InvalidValueError as e:
            raise InvalidValueError(f"HistoricalDate.edtf: {e}") from None
        computed = _Parsed(
            self.earliest,
            self.latest,
            self.precision,
            self.approximate,
            self.uncertain,
        )
        if computed != expected:
            name, actual, value = next(
                (name, actual, value)
                for name, actual, value in zip(
                    _Parsed._fields, computed, expected, strict=True
                )
                if actual != value
            )
            msg = (
                f"HistoricalDate.{name} is {actual!r}, but "
                f"{brief(self.edtf)} in the {self.calendar.value} "
                f"calendar gives {value!r}"
            )
            raise InvalidValueError(msg)

    @classmethod
    def from_edtf(  # noqa: PLR0913 -- each is a field of the date
        cls,
        edtf: str,
        /,
        *,
        text: str,
        calendar: Calendar = Calendar.GREGORIAN,
        relative_to: str | None = None,
        basis: DateBasis | None = None,
        reason: str | None = None,
    ) -> HistoricalDate:
        """
        Read an EDTF string, computing its bounds, precision and qualifiers.

        Args:
            edtf: An EDTF string in the subset described in the module
                documentation, for example ``"1956-02-24"``, ``"195X"``,
                ``"1984~"`` or ``"../1939"``.

            text: The wording as written in the article.

            calendar: The calendar the wording uses.  For `Calendar.JULIAN`
                the bounds are worked out in the Julian calendar and then
                converted to the proleptic Gregorian one.

            relative_to: The id of the record a relative wording was
                resolved against.

            basis: Where the date comes from; by default as for the
                constructor: relative with *relative_to*, else stated.

            reason: For an inferred date, what it is inferred from.

        Returns:
            HistoricalDate: The date, with *edtf* kept as written.

        Raises:
            InvalidValueError:
                If *edtf* is outside the subset or names an impossible date
                (such as ``1956-02-30``), if an interval ends before it
                starts, or if a Julian date falls outside the Gregorian
                years 1 to 9999.

            InvalidTypeError: If *edtf* is not a `str` or *calendar* not a
                `Calendar`.

        >>> import secretspeech as ss
        >>> revolution = ss.HistoricalDate.from_edtf(
        ...     "1917-10", text="October 1917", calendar=ss.Calendar.JULIAN
        ... )
        >>> revolution.earliest, revolution.latest
        (datetime.date(1917, 10, 14), datetime.date(1917, 11, 13))
        >>> bad = "1956-02-30"
        >>> ss.HistoricalDate.from_edtf(bad, text=bad)  # doctest: +ELLIPSIS
        Traceback (most recent call last):
        ...
        secretspeech.exceptions.InvalidValueError: '1956-02-30' has day 30, ...
        """
        if type(edtf) is not str:
            msg = (
                "HistoricalDate.from_edtf() takes an EDTF str, got "
                f"{shown(edtf)}"
            )
            raise InvalidTypeError(msg)
        if type(calendar) is not Calendar:
            msg = (
                "HistoricalDate.from_edtf() takes a Calendar as calendar, "
                f"got {shown(calendar)}"
            )
            raise InvalidTypeError(msg)
        parsed = _parse(edtf, calendar)
        return cls(
            text=text,
            edtf=edtf,
            earliest=parsed.earliest,
            latest=parsed.latest,
            precision=parsed.precision,
            approximate=parsed.approximate,
            uncertain=parsed.uncertain,
            calendar=calendar,
            relative_to=relative_to,
            reason=reason,
            basis=_default(relative_to) if basis is None else basis,
        )

    @classmethod
    def coerce(cls, value: object, /) -> HistoricalDate:
        """
        Turn what users pass as a period into a `HistoricalDate`.

        The *text* of the result is *value* as written: the year, the EDTF
        string without its surrounding whitespace, or the day in ISO form
        (a `datetime.datetime`'s day, without its time).

        Args:
            value: One of

                - an `int` year from 1 to 9999, such as ``1956``;
                - an EDTF `str` such as ``"1956-02"``, ``"1950/1959"`` or
                  ``"195X"`` (surrounding whitespace is ignored);
                - a `datetime.date`, meaning that day, or a
                  `datetime.datetime`, meaning the day it falls on;
                - a `HistoricalDate`, which is returned as it is.

        Returns:
            HistoricalDate: The period, in the Gregorian calendar.

        Raises:
            InvalidValueError:
                If *value* is an `int` outside 1 to 9999 or a `str` that is
                not a valid EDTF date in the accepted subset (a blank one is
                quoted as given).

            InvalidTypeError:
                If *value* has any other type, including `bool`.

        >>> import datetime
        >>> import secretspeech as ss
        >>> ss.HistoricalDate.coerce(1956).edtf
        '1956'
        >>> ss.HistoricalDate.coerce("195X").latest
        datetime.date(1959, 12, 31)
        >>> ss.HistoricalDate.coerce(" 1956-02 ").text
        '1956-02'
        >>> ss.HistoricalDate.coerce(datetime.datetime(1956, 2, 25, 0, 5)).text
        '1956-02-25'
        """
        if isinstance(value, HistoricalDate):
            return value
        if isinstance(value, dt.datetime):
            value = value.date()
        if isinstance(value, bool):
            pass
        elif isinstance(value, int):
            if not 1 <= value <= 9999:
                msg = f"{brief(value)} is not a year from 1 to 9999"
                raise InvalidValueError(msg)
            return cls.from_edtf(f"{value:04d}", text=str(value))
        elif isinstance(value, str):
            if not value.strip():
                # Quoted as given: stripped, it would read as ''.
                raise _unrecognised(value, Calendar.GREGORIAN, hint=False)
            return cls.from_edtf(value.strip(), text=value.strip())
        elif isinstance(value, dt.date):
            return cls.from_edtf(value.isoformat(), text=str(value))
        msg = (
            "a period must be an int year, an EDTF str, a datetime.date or a "
            f"HistoricalDate, got {shown(value)}"
        )
        raise InvalidTypeError(msg)

    def overlaps(self, other: HistoricalDate) -> bool:
        """
        Tell whether the two dates share at least one possible day.

        Symmetric, and every date overlaps itself.

        Args:
            other: The date to compare with.

        Returns:
            bool: `True` if some day is possible for both.

        Raises:
            InvalidTypeError: If *other* is not a `HistoricalDate`.

        >>> import secretspeech as ss
        >>> famine = ss.HistoricalDate.from_edtf("1946/1947", text="1946-7")
        >>> famine.overlaps(ss.HistoricalDate.coerce(1946))
        True
        """
        _require_date(other, "overlaps")
        return self.earliest <= other.latest and other.earliest <= self.latest

    def contains(self, other: HistoricalDate) -> bool:
        """
        Tell whether every possible day of *other* is possible for *self*.

        Reflexive and transitive.

        Args:
            other: The date to compare with.

        Returns:
            bool: `True` if *other*'s range lies inside *self*'s.

        Raises:
            InvalidTypeError: If *other* is not a `HistoricalDate`.

        >>> import secretspeech as ss
        >>> fifties = ss.HistoricalDate.coerce("195X")
        >>> fifties.contains(ss.HistoricalDate.coerce("1956-02-25"))
        True
        """
        _require_date(other, "contains")
        return self.earliest <= other.earliest and other.latest <= self.latest

    def before(self, other: HistoricalDate) -> bool:
        """
        Tell whether *self* is definitely before *other*.

        That is, whether *self*'s last possible day comes before *other*'s
        first.

        Args:
            other: The date to compare with.

        Returns:
            bool: `True` only if the order is certain.

        Raises:
            InvalidTypeError: If *other* is not a `HistoricalDate`.

        >>> import secretspeech as ss
        >>> coerce = ss.HistoricalDate.coerce
        >>> coerce(1953).before(coerce(1956))
        True
        >>> coerce("195X").before(coerce(1956))
        False
        """
        _require_date(other, "before")
        return self.latest < other.earliest

    def after(self, other: HistoricalDate) -> bool:
        """
        Tell whether *self* is definitely after *other*.

        That is, whether *self*'s first possible day comes after *other*'s
        last.

        Args:
            other: The date to compare with.

        Returns:
            bool: `True` only if the order is certain.

        Raises:
            InvalidTypeError: If *other* is not a `HistoricalDate`.

        >>> import secretspeech as ss
        >>> by_1939 = ss.HistoricalDate.coerce("../1939")
        >>> ss.HistoricalDate.coerce(1956).after(by_1939)
        True
        """
        _require_date(other, "after")
        return other.latest < self.earliest

    def order(self, other: HistoricalDate) -> Order:
        """
        Say which of two dates came first, as far as the wording tells.

        Args:
            other: The date to compare with.

        Returns:
            Order: `Order.BEFORE` or `Order.AFTER` when the order is
            certain; `Order.SAME` when both are the same single day;
            otherwise `Order.UNKNOWN`.

        Raises:
            InvalidTypeError: If *other* is not a `HistoricalDate`.

        >>> import secretspeech as ss
        >>> speech = ss.HistoricalDate.coerce("1956-02-25")
        >>> speech.order(ss.HistoricalDate.coerce("1956-10"))
        <Order.BEFORE: 'before'>
        >>> speech.order(ss.HistoricalDate.coerce("1956-02"))
        <Order.UNKNOWN: 'unknown'>
        """
        _require_date(other, "order")
        if self.before(other):
            return Order.BEFORE
        if self.after(other):
            return Order.AFTER
        if self.earliest == self.latest == other.earliest == other.latest:
            return Order.SAME
        return Order.UNKNOWN

    @property
    def sort_key(self) -> tuple[dt.date, dt.date]:
        """
        A key that puts dates in chronological order.

        The key is ``(earliest, latest)``, except that a date with an open
        or unknown start sorts as ``(latest, latest)``: "By 1939"
        (``/1939``) sorts at the end of 1939, not at the year 1.  If
        ``a.before(b)``, then ``a.sort_key < b.sort_key``.

        >>> import secretspeech as ss
        >>> dates = [ss.HistoricalDate.coerce(s) for s in ("1956", "../1939")]
        >>> [d.edtf for d in sorted(dates, key=lambda d: d.sort_key)]
        ['../1939', '1956']
        >>> ss.HistoricalDate.coerce("../1939").sort_key
        (datetime.date(1939, 12, 31), datetime.date(1939, 12, 31))
        """
        if self.edtf.partition("/")[0] in _NO_DATE and "/" in self.edtf:
            return (self.latest, self.latest)
        return (self.earliest, self.latest)

    @property
    def is_open(self) -> bool:
        """
        Whether an end is not a date: open (``..``) or unknown (empty).

        Either way the bound on that side is the first or last day a date
        can have.

        >>> import secretspeech as ss
        >>> ss.HistoricalDate.coerce("1956/..").is_open
        True
        >>> ss.HistoricalDate.coerce("/1939").is_open
        True
        >>> ss.HistoricalDate.coerce("1946/1947").is_open
        False
        """
        start, slash, end = self.edtf.partition("/")
        return bool(slash) and (start in _NO_DATE or end in _NO_DATE)

    def __str__(self) -> str:
        return self.text
