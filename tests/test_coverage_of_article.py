"""
The dataset is complete: scans of the article find nothing unrecorded.

Each test scans the canonical text for one kind of thing a reader would
expect to find as a record (quotation marks, numbers, capitalised names)
and proves a record covers every occurrence.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

import pytest

import secretspeech as ss


TEXT = ss.article.text

NUMBER_WORDS = [
    "one",
    "two",
    "three",
    "four",
    "five",
    "six",
    "seven",
    "eight",
    "nine",
    "ten",
    "eleven",
    "twelve",
    "thirteen",
    "fourteen",
    "fifteen",
    "sixteen",
    "seventeen",
    "eighteen",
    "nineteen",
    "twenty",
    "thirty",
    "forty",
    "fifty",
    "sixty",
    "seventy",
    "eighty",
    "ninety",
    "hundred",
    "hundreds",
    "thousand",
    "thousands",
    "million",
    "millions",
    "billion",
    "billions",
]
NUMBER_RE = re.compile(
    r"\d+(?:s|st|nd|rd|th)?|\b(?:" + "|".join(NUMBER_WORDS) + r")\b",
    re.IGNORECASE,
)

# Number words that are idiom, not quantity: "one-day wonders" and "zigged
# one way" count nothing, and "One novelist" is an indefinite person (a Person record).
IDIOMS = ("one-day wonders", "zigged one way")

# Capitalised words that are neither a person, a group nor a place.
NOT_NAMES = {
    # Month names: part of dates, checked by the number scan.
    "February",
    "March",
    "October",
    # Ideologies and ideas, not groups of people.
    "Communism",
    "Marxist",
    "Semitism",  # in "anti-Semitism"
    "Cosmopolitanism",
    # Ordinal adverbs that list Khrushchev's four ways.
    "Firstly",
    "Secondly",
    "Thirdly",
    "Finally",
}

# Adjectives of a recorded place or group, and the record they come from.
ADJECTIVES = {
    "Russian": "soviet-union",
    "Soviet": "soviet-union",
    "Chinese": "china",
    "Western": "the-west",
    "Eastern": "eastern-europe",
    "Bolshevik": "bolsheviks",
}


def named_records() -> Iterator[ss.Person | ss.Group | ss.Place | ss.Event]:
    """Yield every record that has a name."""
    yield from ss.people
    yield from ss.groups
    yield from ss.places
    yield from ss.events


def spans_of(record: object, words: str) -> Iterator[tuple[int, int]]:
    """Yield where *words* occur inside the record's evidence spans."""
    for ev in getattr(record, "evidence", ()):
        at = ev.exact.find(words)
        while at != -1:
            yield ev.start + at, ev.start + at + len(words)
            at = ev.exact.find(words, at + 1)


def covering_spans() -> list[tuple[int, int]]:
    """Return the spans that account for a number in the text."""
    spans: list[tuple[int, int]] = []
    for s in ss.statistics:
        spans += spans_of(s, s.quantity.text)
    for record in ss.corpus().records():
        dates = (
            getattr(record, "date", None),
            *getattr(record, "also_dated", ()),
        )
        for d in dates:
            if d is not None:
                spans += spans_of(record, d.text)
    for record in named_records():
        for name in (record.name, *record.aliases):
            spans += spans_of(record, name)
    for idiom in IDIOMS:
        spans += [(m.start(), m.end()) for m in re.finditer(idiom, TEXT)]
    return spans


def sentence_starts() -> set[int]:
    """Return the offsets of words that begin a sentence or a quotation."""
    starts = {0}
    for m in re.finditer(r"(?:[.?!]”?\s+|\n\n|“)(?=\w)", TEXT):
        starts.add(m.end())
    return starts


class TestQuotationMarks:
    """Every pair of double quotation marks is a quotation segment."""

    def test_marks_are_balanced(self) -> None:
        """Opening and closing curly double quotes alternate."""
        marks = [c for c in TEXT if c in "“”"]

        assert marks == ["“", "”"] * (len(marks) // 2)

    def test_every_pair_is_a_segment(self) -> None:
        """The words inside every pair of marks are exactly one segment."""
        pairs = [
            (m.start() + 1, m.end() - 1) for m in re.finditer("“[^”]*”", TEXT)
        ]
        segments = {
            (s.start, s.end) for q in ss.quotations for s in q.segments
        }

        assert [p for p in pairs if p not in segments] == []
        assert len(pairs) == len(segments)

    def test_no_straight_quotes(self) -> None:
        """The text uses curly quotes only, so the scan above sees them all."""
        assert '"' not in TEXT


class TestNumbers:
    """Every numeral and number word is a statistic, a date or a name."""

    def test_every_number_is_covered(self) -> None:
        """No number in the text lies outside a covering span."""
        spans = covering_spans()
        uncovered = [
            (m.group(), TEXT[max(0, m.start() - 30) : m.end() + 30])
            for m in NUMBER_RE.finditer(TEXT)
            if not any(a <= m.start() and m.end() <= b for a, b in spans)
        ]

        assert uncovered == []

    def test_scan_finds_the_hedged_figures(self) -> None:
        """The scan itself sees the numbers the statistics hold."""
        found = {m.group().lower() for m in NUMBER_RE.finditer(TEXT)}

        assert {
            "29",
            "six",
            "two",
            "hundreds",
            "thousands",
            "millions",
        } <= found

    @pytest.mark.parametrize(
        "hedge",
        ["as many as 29 million", "perhaps two million", "up to six million"],
    )
    def test_hedges_kept_exactly(self, hedge: str) -> None:
        """Each hedged figure is a statistic whose text is the article's."""
        assert ss.statistics.lookup(hedge).quantity.text == hedge


class TestNames:
    """Every capitalised name is a person, group, place or event."""

    def test_every_capitalised_word_is_recorded(self) -> None:
        """Capitalised words mid-sentence are covered by a record's name."""
        spans: list[tuple[int, int]] = []
        for record in named_records():
            for name in (record.name, *record.aliases):
                spans += spans_of(record, name)
        starts = sentence_starts()
        missing = [
            (m.group(), TEXT[max(0, m.start() - 25) : m.end() + 25])
            for m in re.finditer(r"\b[A-Z]\w*", TEXT)
            if m.start() not in starts
            and m.group() not in NOT_NAMES
            and m.group() not in ADJECTIVES
            and not any(a <= m.start() and m.end() <= b for a, b in spans)
        ]

        assert missing == []

    def test_adjectives_point_at_records(self) -> None:
        """Every adjective in the allow-list names an existing record."""
        assert all(ss.get(rid) is not None for rid in ADJECTIVES.values())

    def test_allow_list_is_needed(self) -> None:
        """Every allow-listed word actually occurs in the text."""
        assert [w for w in NOT_NAMES if w not in TEXT] == []
