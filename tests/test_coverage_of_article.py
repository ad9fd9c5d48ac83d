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


#: Sentences that no claim, event, quotation or statistic covers, by their
#: first words, with the reason; none today.  A sentence is listed here
#: only if it asserts nothing (a heading, a fragment).
UNCOVERED: dict[str, str] = {}

#: Words that report what someone said or thought.  Each occurrence is the
#: cue of a report (a claim) or of a quotation, unless it is listed below.
REPORTING = re.compile(
    r"\b(?:said|says|saying|argued|claimed|told|hoped|revealed|likened|"
    r"agreed|obvious to|called|denounced|believed|thought|insisted|"
    r"declared)\b"
)
#: Occurrences that report no words or thoughts, by the words around them.
NOT_REPORTS = {
    "were called back": "delegates were summoned, not quoted",
    "What he said was": "the speech as a whole, told of, not its words",
    "were denounced as fascists": (
        "a deed told in the author's voice: no denouncer is named"
    ),
    "was denounced as Russian": (
        "a deed told in the author's voice: no denouncer is named"
    ),
    "Soviet Union had said": (
        "what critics had said is referred to, not reported: its content "
        "is not given"
    ),
}


def covered_by_records() -> list[tuple[int, int]]:
    """The spans of the claims, events, quotations and statistics."""
    corpus = ss.corpus()
    records = [
        *corpus.claims,
        *corpus.events,
        *corpus.quotations,
        *corpus.statistics,
    ]
    spans = [(e.start, e.end) for r in records for e in r.evidence]
    spans += [(s.start, s.end) for q in corpus.quotations for s in q.segments]
    return spans


class TestClaims:
    """The article's argument is recorded sentence by sentence."""

    def test_every_sentence_is_covered(self) -> None:
        """Each sentence is in a claim, event, quotation or statistic."""
        spans = covered_by_records()
        uncovered = [
            s.exact
            for s in ss.article.sentences
            if not any(a < s.end and s.start < b for a, b in spans)
        ]
        listed = [s for s in uncovered if s.startswith(tuple(UNCOVERED))]

        assert [s for s in uncovered if s not in listed] == []
        # Every entry names a sentence that is uncovered, and says why.
        assert len(listed) == len(UNCOVERED)
        assert all(reason.strip() for reason in UNCOVERED.values())

    def test_every_sentence_is_a_claim(self) -> None:
        """
        Each sentence is in a claim, even where an event tells it too.

        The claims are everything the article asserts, sentence by
        sentence, so a sentence that only narrates (“Stalin’s body was
        removed from Red Square and reburied.”) is a claim as well as an
        event: a reader who checks the claims misses none of its facts.
        """
        spans = [(e.start, e.end) for c in ss.claims for e in c.evidence]
        uncovered = [
            s.exact
            for s in ss.article.sentences
            if not any(a < s.end and s.start < b for a, b in spans)
        ]

        assert uncovered == []

    def test_the_scan_would_see_a_gap(self) -> None:
        """Without the claims, argument sentences would be uncovered."""
        corpus = ss.corpus()
        spans = [
            (e.start, e.end)
            for r in (*corpus.events, *corpus.quotations, *corpus.statistics)
            for e in r.evidence
        ]
        uncovered = [
            s.exact
            for s in ss.article.sentences
            if not any(a < s.end and s.start < b for a, b in spans)
        ]

        assert "This was nonsense." in uncovered
        assert "Political speeches are usually one-day wonders." in uncovered

    def test_every_reporting_word_is_a_cue(self) -> None:
        """Each word that reports speech or thought is a claim's cue."""
        cues = [c.cue for c in ss.claims if c.cue is not None]
        cues += [q.cue for q in ss.quotations if q.cue is not None]
        unreported = []
        for m in REPORTING.finditer(TEXT):
            around = TEXT[max(0, m.start() - 30) : m.end() + 30]
            if any(words in around for words in NOT_REPORTS):
                continue
            if not any(
                c.start <= m.start() and m.end() <= c.end for c in cues
            ):
                unreported.append(around)

        assert unreported == []

    def test_allow_list_is_needed(self) -> None:
        """Each reporting word let off is in the text and reports nothing."""
        for words in NOT_REPORTS:
            assert TEXT.count(words) == 1, words
            assert REPORTING.search(words), words
