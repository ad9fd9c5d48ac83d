"""
Tests for `secretspeech._quotes`: checking quotations, scoring extractors.

The functions are called with the bundled article and quotations, as
`Corpus.check_quote` and `Corpus.score_extraction` call them; the last
class calls those, through the module functions ``ss.check_quote`` and
``ss.score_extraction``.
"""

from __future__ import annotations

import re
from typing import NamedTuple

import attrs
import pytest
from hypothesis import assume, example, given
from hypothesis import strategies as st

import secretspeech as ss
from secretspeech import _quotes
from secretspeech._quotes import (
    ExtractionScore,
    PartScore,
    QuoteMatch,
    QuoteVerdict,
    check_quote,
    score_extraction,
)
from secretspeech._text import words


TEXT = ss.article.text
QUOTATIONS = tuple(ss.quotations)
UTTERANCES = tuple(q for q in QUOTATIONS if q.kind == "utterance")
ARTICLE_WORDS = frozenset(words(TEXT))
EXACT = QuoteVerdict.EXACT
CLOSE = QuoteVerdict.CLOSE
NOT_A_QUOTATION = QuoteVerdict.NOT_A_QUOTATION
NOT_IN_ARTICLE = QuoteVerdict.NOT_IN_ARTICLE


def check(text: str, *, limit: int | None = 5) -> tuple[QuoteMatch, ...]:
    """Check *text* against the bundled article."""
    return check_quote(text, TEXT, QUOTATIONS, limit=limit)


def summary(
    matches: tuple[QuoteMatch, ...],
) -> list[tuple[str, str | None]]:
    """Return (verdict, quotation id) for each match."""
    return [
        (m.verdict.value, m.quotation.id if m.quotation else None)
        for m in matches
    ]


def quoted_words(quotation: ss.Quotation) -> list[str]:
    """Return the normalised words of a quotation's segments, in order."""
    return [w for s in quotation.segments for w in words(s.exact)]


def toy_corpus(printed: str) -> tuple[str, ss.Quotation]:
    """Return an article that quotes *printed*, and its one quotation."""
    article = f"Intro. “{printed}” End."
    start = article.index(printed)
    span = ss.Evidence.from_offsets(article, start, start + len(printed))
    quotation = ss.Quotation(
        id="toy", segments=[span], kind="quoted term", evidence=[span]
    )
    return article, quotation


# -- check_quote -----------------------------------------------------------------


class TestVerdicts:
    """One example of each verdict, as a teacher would ask."""

    def test_an_exact_quotation(self) -> None:
        """A whole segment is exact, for its quotation, at its place."""
        (match,) = check("You are blind kittens. What will happen without me?")

        assert EXACT == match.verdict
        assert 1.0 == match.score
        assert "blind-kittens" == match.quotation.id  # type: ignore[union-attr]
        assert "You are blind kittens. What will happen without me" == (
            match.span.exact  # type: ignore[union-attr]
        )
        assert () == match.differences

    def test_a_part_of_a_quotation_is_exact(self) -> None:
        """
        "You are blind kittens." is exact: a part of a quotation is.

        `Collection.lookup` finds a quotation by its whole text only.
        """
        (match,) = check("You are blind kittens.")

        assert ("exact", "blind-kittens") == summary((match,))[0]
        assert (4039, 4060) == (match.span.start, match.span.end)  # type: ignore[union-attr]

    def test_exact_across_the_segments(self) -> None:
        """The words around "he said soon after" read as one quotation."""
        (match,) = check("We should not give ammunition to the enemy")

        assert ("exact", "dirty-linen") == summary((match,))[0]
        assert match.span is not None
        assert (
            "We should not,” he said soon after, “give ammunition to the enemy"
            == match.span.exact
        )
        assert TEXT[match.span.start : match.span.end] == match.span.exact

    def test_a_misquotation(self) -> None:
        """One word changed is close, with that word as the difference."""
        matches = check("You are blind puppies. What will happen without me?")

        assert [("close", "blind-kittens")] == summary(matches)
        (match,) = matches
        assert (("kittens", "puppies"),) == match.differences
        assert 16 / 18 == pytest.approx(match.score)
        assert "You are blind kittens. What will happen without me" == (
            match.span.exact  # type: ignore[union-attr]
        )

    def test_the_authors_words(self) -> None:
        """Words of the running text are in the article, not a quotation."""
        (match,) = check("Stalin was a murderous thug")

        assert NOT_A_QUOTATION == match.verdict
        assert match.quotation is None
        assert 1.0 == match.score
        assert "Stalin was a murderous thug" == match.span.exact  # type: ignore[union-attr]
        assert TEXT.index("Stalin was a murderous") == match.span.start  # type: ignore[union-attr]

    def test_the_authors_words_misquoted(self) -> None:
        """Close to the running text: not a quotation, with differences."""
        (match,) = check(
            "Stalin was a murderous thug who destroyed the revolution"
        )

        assert NOT_A_QUOTATION == match.verdict
        assert (("had", ""),) == match.differences
        assert 18 / 19 == pytest.approx(match.score)

    def test_a_fabrication(self) -> None:
        """Words the article does not hold: one match, nothing matched."""
        assert (QuoteMatch(verdict=NOT_IN_ARTICLE, score=0.0),) == check(
            "We will bury you"
        )

    def test_a_near_miss_keeps_its_score(self) -> None:
        """Not close enough: the best score is kept with the verdict."""
        (match,) = check("The Soviet Union collapsed in 1991")

        assert NOT_IN_ARTICLE == match.verdict
        assert 2 / 3 == pytest.approx(match.score)

    def test_a_quoted_term_is_a_quotation(self) -> None:
        """A term in quote marks counts, as well as its other uses."""
        matches = check("thaw")

        assert [("exact", "thaw-term"), ("not a quotation", None)] == (
            summary(matches)
        )
        assert "thaw" == matches[1].span.exact  # type: ignore[union-attr]
        assert "spring thaw" in TEXT[matches[1].span.start - 7 :][:11]  # type: ignore[union-attr]


class TestWhatIsIgnored:
    """Quote style, case, spacing, punctuation, dashes and brackets."""

    @pytest.mark.parametrize(
        "text",
        [
            "We should not pour muck on ourselves",
            "“We should not pour muck on ourselves,”",
            '"We should not pour muck on ourselves,"',
            "‘We should not pour muck on ourselves’",
            "'We should not pour muck on ourselves'",
            "WE SHOULD NOT POUR MUCK ON OURSELVES!",
            "  we should   not\npour muck\ton ourselves ...",
            "We should not - pour muck on ourselves",
        ],
    )
    def test_style(self, text: str) -> None:
        """Every spelling of the same words is exact."""
        matches = check(text)

        assert ("exact", "muck") == summary(matches)[0]
        assert "We should not pour muck on ourselves" == (
            matches[0].span.exact  # type: ignore[union-attr]
        )

    @pytest.mark.parametrize(
        ("text", "printed"),
        [
            ("We should not pour mu\u00adck on ourselves", "muck"),
            ("We should not pour muck on our\u200dselves", "muck"),
            ("We should not pour muck on our\ufeffselves", "muck"),
            ("said new leader Leonid Bre\u0301zhnev", None),
            ("said new leader Le\u0301onid Brezhnev", None),
        ],
    )
    def test_a_word_not_split(self, text: str, printed: str | None) -> None:
        """A soft hyphen or a combining accent inside a word keeps it one."""
        (match,) = check(text)

        assert (EXACT if printed else NOT_A_QUOTATION) == match.verdict
        assert printed == (match.quotation.id if match.quotation else None)
        assert match.span is not None
        assert words(text) == words(match.span.exact)

    def test_a_joined_word_changed(self) -> None:
        """A word changed beside one with a soft hyphen is the one change."""
        (match,) = check(
            "You are blind kittens. What will hap\u00adpen without us?"
        )

        assert (("me", "us"),) == match.differences

    @pytest.mark.parametrize("dash", ["–", "—", "-", " - ", " — ", " "])
    def test_dashes(self, dash: str) -> None:
        """Any dash, or none, stands for the printed en dash."""
        (match,) = check(f"Stalin{dash}our hope. Stalin{dash}our desire.")

        assert ("exact", "miserable-nonentities") == summary((match,))[0]
        assert "Stalin–our hope. Stalin–our desire" == match.span.exact  # type: ignore[union-attr]

    @pytest.mark.parametrize(
        "text",
        [
            "give ammunition to the enemy [or] wash our dirty linen",
            "give ammunition to the enemy or wash our dirty linen",
            "give ammunition to the enemy wash our dirty linen",
        ],
    )
    def test_brackets(self, text: str) -> None:
        """An editorial insertion may be given, bare, or left out."""
        (match,) = check(text)

        assert ("exact", "dirty-linen") == summary((match,))[0]
        assert (
            "give ammunition to the enemy [or] wash our dirty linen"
            == match.span.exact  # type: ignore[union-attr]
        )

    def test_bracketed_who(self) -> None:
        """So may "[who]"; a word left out beside it is a difference."""
        (exact,) = check(
            "miserable nonentities raised their treacherous hands"
        )
        (close,) = check("miserable nonentities raised their hands against")

        assert ("exact", "miserable-nonentities") == summary((exact,))[0]
        assert (
            "miserable nonentities [who] raised their treacherous hands"
            == (
                exact.span.exact  # type: ignore[union-attr]
            )
        )
        assert ("close", "miserable-nonentities") == summary((close,))[0]
        assert (("treacherous", ""),) == close.differences

    @pytest.mark.parametrize(
        "text",
        [
            "You are blind kittens [sic]",
            "“You are blind kittens [sic].” he told those at the top",
            "You are blind [sic] kittens",
            "You are blind kittens (sic)",
            "You are blind kittens [SIC!]",
            "You are blind kittens [ sic ] ... The country will perish",
        ],
    )
    def test_sic_is_no_word(self, text: str) -> None:
        """The quoter's "[sic]" says the words are as printed."""
        match = check(text)[0]

        assert (EXACT, "blind-kittens") == (
            match.verdict,
            match.quotation.id,  # type: ignore[union-attr]
        )
        assert match.span is not None
        assert "sic" not in words(match.span.exact)

    def test_sic_alone_has_no_words(self) -> None:
        """A "[sic]" alone leaves nothing to check."""
        with pytest.raises(ss.InvalidValueError, match=r"'\[sic\]'"):
            check("[sic]")

    def test_sic_spelled_out_is_a_word(self) -> None:
        """Only "sic" in brackets is the mark, not the word on its own."""
        (match,) = check("You are blind kittens sic")

        assert CLOSE == match.verdict

    def test_an_insertion_replaced_is_a_difference(self) -> None:
        """Another word where the editor put "[or]" is a difference."""
        (match,) = check(
            "give ammunition to the enemy and wash our dirty linen"
        )

        assert CLOSE == match.verdict
        assert (("[or]", "and"),) == match.differences

    def test_the_whole_text_of_each_quotation(self) -> None:
        """`Quotation.text`, joined with "[…]", is exact for each one."""
        for quotation in QUOTATIONS:
            matches = check(quotation.text, limit=None)

            assert ("exact", quotation.id) in summary(matches), quotation.id
            (match,) = [m for m in matches if m.quotation == quotation]
            assert match.span is not None
            assert quotation.segments[0].start == match.span.start


class TestShortTexts:
    """A word or two proves a quotation only if it says something."""

    @pytest.mark.parametrize("text", ["the", "The", "of the", "we should"])
    def test_function_words_alone(self, text: str) -> None:
        """They are in almost every quotation, and so in none."""
        assert [("not in the article", None)] == summary(check(text))

    def test_three_function_words_count(self) -> None:
        """Three words in a row do, even common ones."""
        assert [("exact", "dirty-linen"), ("exact", "muck")] == summary(
            check("We should not")
        )

    @pytest.mark.parametrize(
        ("text", "quotation"),
        [
            ("blind kittens", "blind-kittens"),
            ("the enemy", "dirty-linen"),
            ("Cosmopolitanism", "cosmopolitanism-term"),
            ("secret speech", "secret-speech-term"),
        ],
    )
    def test_a_word_that_says_something(
        self, text: str, quotation: str
    ) -> None:
        """One word that is not a function word is enough."""
        assert ("exact", quotation) == summary(check(text))[0]

    def test_the_words_around_quote_marks(self) -> None:
        """
        "the" before “cult of personality” does not make it the author's.

        The quotation is close: the quote marks enclose three words.
        """
        matches = check("the cult of personality")

        assert [("close", "cult-of-personality-term")] == summary(matches)
        assert (("", "the"),) == matches[0].differences

    def test_a_quotation_with_its_attribution(self) -> None:
        """Without quote marks, the attribution is words added."""
        text = "We should not pour muck on ourselves, said new leader Leonid Brezhnev."
        matches = check(text)

        assert [("not a quotation", None), ("close", "muck")] == summary(
            matches
        )
        assert 1.0 == matches[0].score
        assert (("", "said new leader Leonid Brezhnev"),) == (
            matches[1].differences
        )
        assert 14 / 19 == pytest.approx(matches[1].score)

    @pytest.mark.parametrize(
        "text",
        [
            "You are blind kittens, said Stalin",
            "Stalin said: you are blind kittens",
        ],
    )
    def test_words_said_with_words_added(self, text: str) -> None:
        """Three words of a quotation or more, word for word, are close."""
        (match,) = check(text)

        assert ("close", "blind-kittens") == summary((match,))[0]
        assert (
            "said Stalin" in match.differences[0][1]
            or "Stalin said" in match.differences[0][1]
        )
        assert "You are blind kittens" == match.span.exact  # type: ignore[union-attr]

    @pytest.mark.parametrize(
        "text",
        ["We should not tolerate this", "Stalin was evil", "thaw began"],
    )
    def test_too_little_with_words_added(self, text: str) -> None:
        """Not three words with one that says something: not close."""
        assert NOT_IN_ARTICLE == check(text)[0].verdict


class TestQuoteMarks:
    """Words in quote marks are the quotation; the rest is context."""

    @pytest.mark.parametrize(
        "text",
        [
            "“We should not pour muck on ourselves,” said new leader Leonid Brezhnev.",
            '"We should not pour muck on ourselves," said new leader Leonid Brezhnev.',
            "‘We should not pour muck on ourselves,’ said new leader Leonid Brezhnev.",
            "'We should not pour muck on ourselves,' said new leader Leonid Brezhnev.",
        ],
    )
    def test_a_quotation_with_its_attribution(self, text: str) -> None:
        """The quoted words are exact; the whole is a passage too."""
        matches = check(text)

        assert [("exact", "muck"), ("not a quotation", None)] == summary(
            matches
        )
        assert [1.0, 1.0] == [m.score for m in matches]
        assert "We should not pour muck on ourselves" == (
            matches[0].span.exact  # type: ignore[union-attr]
        )

    @pytest.mark.parametrize(
        ("opening", "closing"),
        [
            ("„", "“"),
            ("„", "”"),
            ("«", "»"),
            ("« ", " »"),
            ("»", "«"),
            ("”", "”"),
            ("‹", "›"),
            ("‚", "‘"),
            ("「", "」"),
            ("『", "』"),
            ("＂", "＂"),
        ],
    )
    def test_the_quote_marks_of_other_languages(
        self, opening: str, closing: str
    ) -> None:
        """German, French, Swedish and CJK quote marks mark quotations."""
        text = (
            f"{opening}We should not,{closing} he said soon after, "
            f"{opening}give ammunition to the enemy{closing}"
        )
        matches = check(text)

        assert [("exact", "dirty-linen"), ("not a quotation", None)] == (
            summary(matches)
        )

    def test_an_interrupted_quotation(self) -> None:
        """Quoted words on both sides of "he said" are one quotation."""
        text = "“We should not,” he said soon after, “give ammunition to the enemy”"
        matches = check(text)

        assert [("exact", "dirty-linen"), ("not a quotation", None)] == (
            summary(matches)
        )
        assert matches[0].span == matches[1].span

    @pytest.mark.parametrize(
        ("text", "expected"),
        [
            (
                (
                    "Brezhnev said “We should not pour muck on ourselves” "
                    "and Stalin “You are blind kittens”"
                ),
                [("exact", "blind-kittens"), ("exact", "muck")],
            ),
            (
                "“thaw” and “cult of personality”",
                [
                    ("exact", "thaw-term"),
                    ("exact", "cult-of-personality-term"),
                ],
            ),
            (
                (
                    "“When it comes to combating imperialism we are all "
                    "Stalinists” “We should not pour muck on ourselves”"
                ),
                [("exact", "all-stalinists"), ("exact", "muck")],
            ),
        ],
    )
    def test_several_quotations(
        self, text: str, expected: list[tuple[str, str]]
    ) -> None:
        """Quoted words that are several quotations are each checked."""
        matches = check(text)

        assert expected == summary(matches)

    def test_several_quotations_are_each_at_their_place(self) -> None:
        """Each is matched with its own words, not the other's added."""
        matches = check("“You are blind puppies” and “We should not”")

        assert [("exact", "dirty-linen"), ("exact", "muck")] == summary(
            matches
        )[:2]
        (puppies,) = [m for m in matches if m.verdict is CLOSE]
        assert "blind-kittens" == puppies.quotation.id  # type: ignore[union-attr]
        assert (("kittens", "puppies"),) == puppies.differences

    @pytest.mark.parametrize(
        ("text", "best"),
        [
            ("“The country will perish” “You are blind puppies”", 0),
            ("“The country will flourish” “You are blind kittens”", 1),
            ("“The country will perish” “You are blind kittens”", 0),
        ],
    )
    def test_one_quotation_given_twice(self, text: str, best: int) -> None:
        """Two pieces of one quotation, out of order: the better is kept."""
        (match,) = check(text)
        pieces = re.findall("“([^”]*)”", text)

        assert "blind-kittens" == match.quotation.id  # type: ignore[union-attr]
        assert words(pieces[best]) == words(match.span.exact)  # type: ignore[union-attr]

    def test_words_that_are_no_quotation_stay_a_difference(self) -> None:
        """A quotation joined with words that are none is close to it."""
        matches = check(
            "“We should not pour muck on ourselves” “We will bury you”"
        )

        assert [("close", "muck")] == summary(matches)
        assert (("", "We will bury you"),) == matches[0].differences

    def test_a_term_in_a_sentence(self) -> None:
        """The term in quote marks is checked, not the sentence."""
        matches = check("Khrushchev called it the “cult of personality”")

        assert [("exact", "cult-of-personality-term")] == summary(matches)

    @pytest.mark.parametrize(
        ("text", "quoted"),
        [
            ("But Stalin’s paranoia also grew", None),
            ("the delegates' hotels, Stalin's 'thaw'", ("thaw",)),
            ("‘Stalin’s paranoia’ grew", ("stalin", "paranoia")),
            ("don't 'say' 'it'", ("say", "it")),
        ],
    )
    def test_apostrophes_are_not_quote_marks(
        self, text: str, quoted: tuple[str, ...] | None
    ) -> None:
        """An apostrophe inside or after a word opens and closes nothing."""
        read = _quotes._Given.join(_quotes._Given.pieces(text)).keys

        assert (quoted or words(text)) == read

    def test_quote_marks_around_no_words(self) -> None:
        """Empty quote marks leave every word to check."""
        assert ("exact", "blind-kittens") == summary(
            check("“” You are blind kittens")
        )[0]

    def test_the_authors_words_in_quote_marks(self) -> None:
        """Quote marks do not make the author's words a quotation."""
        assert [("not a quotation", None)] == summary(
            check("“Stalin was a murderous thug”")
        )

    @pytest.mark.parametrize(
        ("text", "printed"),
        [
            (
                "The author writes that “Stalin was a murderous thug”.",
                ["Stalin was a murderous thug"],
            ),
            (
                (
                    "Haynes: 'the rehabilitation of Stalin's victims would "
                    "be restricted', as we read in 2006"
                ),
                ["the rehabilitation of Stalin’s victims would be restricted"],
            ),
            (
                (
                    "“You are blind kittens,” Stalin said, and the article "
                    "adds that “Stalin’s paranoia also grew”"
                ),
                ["Stalin’s paranoia also grew"],
            ),
        ],
    )
    def test_the_authors_words_quoted_in_a_sentence(
        self, text: str, printed: list[str]
    ) -> None:
        """Quoted words that are no quotation are read in the running text."""
        matches = check(text)

        assert printed == [
            m.span.exact  # type: ignore[union-attr]
            for m in matches
            if m.verdict is NOT_A_QUOTATION
        ]
        assert all(m.score == 1.0 for m in matches)


class TestEllipses:
    """An ellipsis given marks words left out on purpose."""

    @pytest.mark.parametrize("ellipsis", ["…", "...", ". . .", "[…]", "[...]"])
    def test_words_left_out_at_an_ellipsis(self, ellipsis: str) -> None:
        """The words printed there are no difference."""
        (match,) = check(
            f"“You are blind kittens {ellipsis} The country will perish”"
        )

        assert (EXACT, 1.0, ()) == (
            match.verdict,
            match.score,
            match.differences,
        )
        assert match.span.exact.startswith("You are blind kittens. What")  # type: ignore[union-attr]

    def test_in_the_authors_words(self) -> None:
        """An ellipsis in the running text leaves words out too."""
        matches = check(
            "Stalin had claimed that his Russia had been built on the … "
            "revolution"
        )

        assert [(NOT_A_QUOTATION, 1.0, ())] == [
            (m.verdict, m.score, m.differences) for m in matches
        ]

    def test_only_where_it_stands(self) -> None:
        """Words left out elsewhere are still a difference."""
        (match,) = check(
            "You are blind … The country will perish because you "
            "recognise enemies"
        )

        assert (CLOSE, (("cannot", ""),)) == (
            match.verdict,
            match.differences,
        )

    @pytest.mark.parametrize(
        "before",
        [
            "“We … should not,” he said,",
            "As … he said: “We should not,” and",
        ],
    )
    def test_not_between_pieces_it_does_not_stand_between(
        self, before: str
    ) -> None:
        """An ellipsis before one piece leaves nothing out after it."""
        (match, *_) = check(
            f"{before} “wash our dirty linen before their eyes”"
        )

        assert (CLOSE, (("give ammunition to the enemy", ""),)) == (
            match.verdict,
            match.differences,
        )

    def test_at_the_end_of_a_piece(self) -> None:
        """An ellipsis that ends one piece leaves words out before the next."""
        (match, *_) = check(
            "“We should not …” he said, “wash our dirty linen before their "
            "eyes”"
        )

        assert (EXACT, "dirty-linen") == (
            match.verdict,
            match.quotation.id,  # type: ignore[union-attr]
        )

    def test_words_changed_at_an_ellipsis(self) -> None:
        """Words given at an ellipsis are read as usual."""
        (match,) = check("You are blind kittens … the state will perish")

        assert (CLOSE, (("country", "state"),)) == (
            match.verdict,
            match.differences,
        )

    def test_the_gap_at_the_ellipsis(self) -> None:
        """Of the places the gap may lie, the one at the ellipsis."""
        article, quotation = toy_corpus(
            "zeta alpha beta gamma alpha beta delta"
        )

        (match, *_) = check_quote(
            "“zeta alpha beta … delta”", article, (quotation,)
        )

        assert (EXACT, ()) == (match.verdict, match.differences)

    def test_a_long_passage_left_out(self) -> None:
        """An ellipsis may stand for more words than the window holds."""
        matches = check("“miserable nonentities … Stalin–our victory”")

        assert [("exact", "miserable-nonentities")] == summary(matches)[:1]


class TestDifferences:
    """Differences are runs of words, printed then given."""

    def test_words_left_out(self) -> None:
        """Words left out are paired with ""; words added likewise."""
        (match,) = check("We should not wash our dirty linen in public")

        assert ("close", "dirty-linen") == summary((match,))[0]
        assert (
            ("give ammunition to the enemy", ""),
            ("", "in public"),
        ) == match.differences
        assert 14 / 21 == pytest.approx(match.score)

    def test_the_last_word_changed(self) -> None:
        """A single word beyond the end stands for the printed word there."""
        (match,) = check("You are blind kittens. What will happen without us?")

        assert (("me", "us"),) == match.differences

    def test_the_first_word_changed(self) -> None:
        """And at the start."""
        (match,) = check("They should not pour muck on ourselves")

        assert (("We", "They"),) == match.differences

    def test_several_words_added_at_the_end(self) -> None:
        """Two words or more beyond the end are added, not substituted."""
        (match,) = check("You are blind kittens, said Stalin")

        assert (("", "said Stalin"),) == match.differences

    def test_a_word_changed_rather_than_added(self) -> None:
        """Where all the words align closely, that reading is kept."""
        (match,) = check("We should not pour muck on them")

        assert (("ourselves", "them"),) == match.differences

    def test_a_second_alignment_fits_the_first(self) -> None:
        """
        The words around a first match are aligned again, closer.

        `difflib` matches "hands against comrade" first, the longest run;
        aligned again on those words and two before them, "raised" stands
        for "treacherous" rather than being added.
        """
        (match,) = check("their raised hands against comrade")

        assert (("treacherous", "raised"),) == match.differences
        assert 0.8 == pytest.approx(match.score)

    def test_the_best_place_in_a_quotation(self) -> None:
        """Of two places in one quotation, the closer one is kept."""
        (match,) = check("Stalin hope")

        assert (("our", ""),) == match.differences
        assert "Stalin–our hope" == match.span.exact  # type: ignore[union-attr]

    def test_words_spread_out_are_not_close(self) -> None:
        """All the words found, but among too many others: score 0.5."""
        (match,) = check("give enemy dirty eyes")

        assert NOT_IN_ARTICLE == match.verdict
        assert 0.5 == match.score

    def test_words_as_written(self) -> None:
        """The given words keep their case; printed ones are as printed."""
        (match,) = check("you are blind PUPPIES")

        assert (("kittens", "PUPPIES"),) == match.differences

    def test_a_substitution_at_the_end_of_a_sentence_only(self) -> None:
        """The running text's next sentence is not paired with a word."""
        (match,) = check("Obviously Stalin was a murderous thug")

        assert (("", "Obviously"),) == match.differences
        assert match.span is not None
        assert match.span.exact.startswith("Stalin")


class TestWordsLeftOut:
    """
    Words given from both sides of words left out are read together.

    Where the words given align in several ways, the one with the best
    score is kept unless a close one finds more of them, and holds more
    of them in runs of three words or more: words the article prints, in
    order, are not reported as added.
    """

    LINEN = ss.quotations.get("dirty-linen")

    def test_both_segments_of_an_interrupted_quotation(self) -> None:
        """
        "We should not" is the first segment's, not words added.

        The second segment alone scores 14/17, with "We should not"
        added; both score 20/25, with the words between left out.
        """
        matches = check("We should not wash our dirty linen before their eyes")

        assert [("close", "dirty-linen")] == summary(matches)
        (match,) = matches
        assert (("give ammunition to the enemy", ""),) == match.differences
        assert 20 / 25 == pytest.approx(match.score)
        assert match.span is not None
        assert self.LINEN.segments[0].start == match.span.start
        assert match.span.exact.endswith(
            "wash our dirty linen before their eyes"
        )

    def test_when_the_second_segment_alone_is_not_close(self) -> None:
        """
        Six of nine words is too few to be close; all nine are found.

        Read alone, the second segment's words score best and are not
        close; the match was the run "wash … their" with "We should not"
        added.
        """
        (match,) = check("We should not wash our dirty linen before their")

        assert ("close", "dirty-linen") == summary((match,))[0]
        assert (("give ammunition to the enemy", ""),) == match.differences
        assert 18 / 23 == pytest.approx(match.score)

    def test_a_word_on_both_sides_of_the_gap(self) -> None:
        """
        "will" is printed before the words left out and at their end.

        `difflib` matches "What will" with the first segment; read with
        the second, "will perish because" holds three words, not two
        words added.
        """
        (match,) = check("You are blind kittens. What will perish because")

        assert ("close", "blind-kittens") == summary((match,))[0]
        assert (("will happen without me The country", ""),) == (
            match.differences
        )
        assert 16 / 22 == pytest.approx(match.score)
        assert match.span is not None
        assert match.span.exact.endswith("“The country will perish because")

    def test_words_left_out_in_several_places(self) -> None:
        """
        "against Stalin" is the quotation's, though "comrade" is left out.

        Read as added, they leave eight words found, six of them in a
        run; all ten are found, seven of them in runs of three or more.
        """
        (match,) = check(
            "against Stalin. Stalin–our desire. "
            "Stalin–the light advanced humanity."
        )

        assert ("close", "miserable-nonentities") == summary((match,))[0]
        assert all("" == given for _, given in match.differences)
        assert ("comrade", "") == match.differences[0]
        assert 20 / 27 == pytest.approx(match.score)

    @staticmethod
    def toy(printed: str, text: str) -> QuoteMatch:
        """Check *text* against an article that quotes *printed*."""
        article = f"A toy. “{printed}.” The end."
        start = article.index(printed)
        words_printed = ss.Evidence.from_offsets(
            article, start, start + len(printed)
        )
        quotation = ss.Quotation(
            id="toy",
            segments=[words_printed],
            kind="quoted term",
            evidence=[words_printed],
        )
        (match,) = check_quote(text, article, [quotation])
        return match

    def test_every_word_found_in_runs_of_three(self) -> None:
        """
        Every word given, in two runs of three, rather than a word added.

        Five words found and one added score 10/11; all six, with two
        words left out, 12/14.
        """
        match = self.toy(
            "alpha beta beta alpha beta beta alpha alpha beta",
            "alpha beta beta beta alpha alpha",
        )

        assert (("alpha beta", ""),) == match.differences
        assert 12 / 14 == pytest.approx(match.score)
        assert match.span is not None
        assert "alpha beta beta alpha beta beta alpha alpha" == (
            match.span.exact
        )

    def test_when_the_window_is_aligned_again(self) -> None:
        """
        Of a window's two alignments, the one kept is chosen the same way.

        The first finds six words, with two added (12/14); aligned again
        around them, the window gives seven, with one changed and one
        left out (14/17).
        """
        match = self.toy(
            "alpha alpha alpha beta beta beta alpha alpha alpha alpha beta "
            "beta beta beta",
            "beta alpha beta beta alpha alpha alpha alpha",
        )

        assert (("alpha", "beta"), ("beta", "")) == match.differences
        assert 14 / 17 == pytest.approx(match.score)

    def test_the_same_words_in_longer_runs(self) -> None:
        """
        The same words found, with more left out, do not displace a score.

        All six words are found with one word left out (12/13), or in
        two runs of three with six left out (12/18).
        """
        match = self.toy(
            "alpha alpha beta beta beta alpha alpha beta alpha beta beta "
            "alpha beta alpha alpha",
            "beta beta beta alpha beta alpha",
        )

        assert (("alpha", ""),) == match.differences
        assert 12 / 13 == pytest.approx(match.score)

    def test_the_most_held_of_the_readings_that_beat_the_score(
        self,
    ) -> None:
        """
        Of the close readings that find and hold more, the one that holds most.

        One finds six words, with one changed and one left out (12/15);
        another all seven, in runs of four and three, with seven left out
        (14/21).
        """
        match = self.toy(
            "beta alpha beta beta beta beta alpha alpha beta beta alpha "
            "alpha beta alpha",
            "beta alpha beta beta alpha beta alpha",
        )

        assert (("beta beta alpha alpha beta beta alpha", ""),) == (
            match.differences
        )
        assert 14 / 21 == pytest.approx(match.score)

    def test_a_near_miss_keeps_the_best_score(self) -> None:
        """
        Only a close reading displaces the best score.

        No reading is close: the best scores 10/13, and one that finds
        and holds more words given 2/3.
        """
        match = self.toy(
            "beta gamma beta gamma alpha gamma alpha alpha gamma gamma beta "
            "beta gamma beta",
            "alpha beta gamma beta beta beta gamma alpha",
        )

        assert NOT_IN_ARTICLE == match.verdict
        assert 10 / 13 == pytest.approx(match.score)

    def test_the_gap_as_early_as_it_can_be(self) -> None:
        """
        Of the places the words left out can be read, the first.

        “comrade Stalin. Stalin–our hope. Stalin–our desire.” given
        without one "Stalin–our hope." leaves out that sentence, not
        "hope. Stalin–our".
        """
        (match,) = check(
            "[who] raised their treacherous hands against comrade Stalin. "
            "Stalin–our desire. Stalin–the light of"
        )

        assert ("close", "miserable-nonentities") == summary((match,))[0]
        assert (("Stalin our hope", ""),) == match.differences

    def test_only_words_left_out_are_moved(self) -> None:
        """
        A word changed stays where it is, beside the same word repeated.

        "zyxq" stands for the first "Stalin" of "Stalin. Stalin–our
        hope"; the words on either side of it are not read further along.
        """
        (match,) = check(
            "against comrade zyxq Stalin–our hope. Stalin–our desire"
        )

        assert (("Stalin", "zyxq"),) == match.differences
        assert 16 / 18 == pytest.approx(match.score)

    def test_an_insertion_left_out_stays_left_out(self) -> None:
        """
        Only an insertion between two runs: they read as one, exactly.

        "or" given could also be the bracketed "[or]", with the printed
        "or" before it left out; the words are exact as printed.
        """
        match = self.toy(
            "alpha beta or [or] gamma delta", "alpha beta or gamma delta"
        )

        assert EXACT == match.verdict
        assert match.span is not None
        assert "alpha beta or [or] gamma delta" == match.span.exact

    @pytest.mark.parametrize(
        ("text", "left_out"),
        [
            ("But the enemy he was not the", "was worried about"),
            (
                "Union appeared to be growing more rational suggested",
                "more powerful and",
            ),
        ],
    )
    def test_the_authors_words(self, text: str, left_out: str) -> None:
        """The running text is read the same way."""
        matches = check(text)

        assert [("not a quotation", None)] == summary(matches)
        assert ((left_out, ""),) == matches[0].differences


class TestPlacingGaps:
    """`_quotes._placed` moves a gap, never past the words around it."""

    @staticmethod
    def stream(text: str) -> _quotes._Words:
        """The words of *text* as one quotation's."""
        tokens = _quotes._tokens(text)
        return _quotes._words(tokens, [0] * len(tokens), [True] * len(tokens))

    @pytest.mark.parametrize(
        ("printed", "placed"),
        [
            (
                "alpha beta alpha beta gamma delta",
                [(0, 0, 1), (3, 1, 3)],
            ),
            (
                "alpha beta gamma delta gamma delta",
                [(0, 0, 3), (5, 3, 1)],
            ),
        ],
        ids=["left", "right"],
    )
    def test_each_block_keeps_a_word(
        self, printed: str, placed: list[tuple[int, int, int]]
    ) -> None:
        """
        "alpha beta" and "gamma delta" around a gap of two words.

        The gap could move two words along, emptying a block; it moves
        one, and the other block holds three words.
        """
        blocks = [(0, 0, 2), (4, 2, 2)]

        given = _quotes._Given.read("alpha beta gamma delta")

        assert placed == _quotes._placed(blocks, self.stream(printed), given)


class TestTheSameWordBeyond:
    """
    A word given beyond the words matched that is the printed word there.

    A single word given before or after the words matched is read as a
    word changed for the printed word next to them; where it is that
    word, it is matched.  `difflib` aligns a window of the printed words,
    whose edge may fall just before or after it.  Read as a difference,
    the word was paired with itself, which `QuoteMatch` refuses:
    `check_quote` raised.
    """

    def test_after_the_words_matched(self) -> None:
        """
        The last "gamma" given is the "gamma" printed after "alpha".

        Nine words of eleven are found among twelve printed (18/23), not
        eight with a "gamma" changed for "gamma" (16/23).
        """
        article, quotation = toy_corpus(
            "gamma alpha beta alpha alpha gamma gamma beta alpha gamma beta "
            "alpha beta gamma beta gamma alpha alpha gamma gamma beta alpha "
            "beta gamma gamma gamma beta gamma alpha beta alpha beta alpha "
            "beta beta beta gamma beta beta."
        )

        (match,) = check_quote(
            "beta alpha gamma beta alpha alpha gamma alpha beta alpha gamma",
            article,
            [quotation],
        )

        assert CLOSE == match.verdict
        assert (("beta gamma beta", "alpha"), ("", "beta")) == (
            match.differences
        )
        assert 18 / 23 == pytest.approx(match.score)
        assert match.span is not None
        assert (
            "beta alpha gamma beta alpha beta gamma beta gamma alpha alpha "
            "gamma" == match.span.exact
        )

    def test_before_the_words_matched(self) -> None:
        """
        The first "alpha" given is the "alpha" printed before "beta".

        All ten words are found among fourteen printed (20/24), not nine
        with an "alpha" changed for "alpha" (18/24).
        """
        article, quotation = toy_corpus(
            "alpha beta beta beta alpha beta alpha alpha beta beta beta "
            "alpha alpha beta alpha alpha alpha beta beta alpha."
        )

        (match,) = check_quote(
            "alpha beta alpha alpha alpha alpha beta alpha alpha beta",
            article,
            [quotation],
        )

        assert CLOSE == match.verdict
        assert (("beta beta beta", ""), ("alpha", "")) == match.differences
        assert 20 / 24 == pytest.approx(match.score)
        assert match.span is not None
        assert (
            "alpha beta alpha alpha beta beta beta alpha alpha beta alpha "
            "alpha alpha beta" == match.span.exact
        )

    @pytest.mark.parametrize(
        "window", [(0, 2), (1, 3)], ids=["after", "before"]
    )
    def test_a_window_that_stops_short_of_it(
        self, window: tuple[int, int]
    ) -> None:
        """
        "alpha beta gamma" aligned on two of its words: all three match.

        The third word is matched with the two next to it: one run of
        three, which holds them (`_quotes._Found.held`), exactly.
        """
        article, quotation = toy_corpus("alpha beta gamma.")
        stream = _quotes._index(article, (quotation,)).quotations[0][1]

        found = _quotes._align(
            _quotes._Given.read("alpha beta gamma"), stream, article, window
        )

        assert (0, 1, 2) == found.matched
        assert () == found.differences
        assert (1.0, 3, 3) == (found.score, found.hits, found.held)


class TestRanking:
    """Best score first, quotations before the author's words, then order."""

    def test_equal_scores_in_article_order(self) -> None:
        """Two exact quotations: the earlier in the article first."""
        matches = check("We should not")

        assert [1.0, 1.0] == [m.score for m in matches]
        assert matches[0].span.start < matches[1].span.start  # type: ignore[union-attr]

    def test_quotations_before_the_authors_words(self) -> None:
        """At equal scores, a quotation comes before the running text."""
        matches = check("Stalin was a Marxist")

        assert [
            ("close", "devoted-to-communism"),
            ("not a quotation", None),
        ] == (summary(matches))
        assert matches[0].score == matches[1].score
        assert (("he", "Stalin"),) == matches[0].differences
        assert (("murderous", "Marxist"),) == matches[1].differences

    def test_better_scores_first(self) -> None:
        """An exact quotation ranks above a close passage."""
        matches = check("the “thaw” had not developed into a summer")

        assert [("exact", "thaw-term"), ("not a quotation", None)] == (
            summary(matches)
        )
        assert (("spring", ""),) == matches[1].differences
        assert 1.0 > matches[1].score > 0.9

    def test_one_match_per_quotation(self) -> None:
        """A word repeated in a quotation matches it once."""
        matches = check("Stalin", limit=None)
        ids = [m.quotation.id for m in matches if m.quotation]

        assert ["miserable-nonentities", "devoted-to-communism"] == ids
        spans = [m.span.start for m in matches]  # type: ignore[union-attr]
        assert len(set(spans)) == len(spans)


class TestLimit:
    """`limit` cuts the ranked list; `None` keeps every match."""

    def test_default_is_five(self) -> None:
        """A common word matches more than five places."""
        assert 5 == len(check("Stalin"))
        assert len(check("Stalin", limit=None)) > 5

    @pytest.mark.parametrize("limit", [1, 2, 3])
    def test_a_prefix_of_the_whole(self, limit: int) -> None:
        """The first *limit* matches of the whole list."""
        everything = check("Stalin", limit=None)

        assert everything[:limit] == check("Stalin", limit=limit)

    def test_a_fabrication_gives_one_match_at_any_limit(self) -> None:
        """Even with no limit."""
        assert 1 == len(check("We will bury you", limit=None))


class TestArguments:
    """Wrong arguments are documented errors naming check_quote()."""

    @pytest.mark.parametrize("text", [None, 5, b"Stalin", ["Stalin"]])
    def test_text_type(self, text: object) -> None:
        """The text is a str."""
        with pytest.raises(
            ss.InvalidTypeError, match=r"^check_quote\(\) takes the text"
        ):
            check_quote(text, TEXT, QUOTATIONS)  # type: ignore[arg-type]

    @pytest.mark.parametrize("text", ["", "   ", "\n", "“ ” …", "!?"])
    def test_no_words(self, text: str) -> None:
        """A text without words has nothing to check."""
        with pytest.raises(
            ss.InvalidValueError, match=r"^check_quote\(\) takes words"
        ):
            check(text)

    @pytest.mark.parametrize("limit", [True, 1.0, "5", [5]])
    def test_limit_type(self, limit: object) -> None:
        """The limit is an int or None; a bool is not an int."""
        with pytest.raises(
            ss.InvalidTypeError, match=r"^check_quote\(\) takes limit="
        ):
            check("Stalin", limit=limit)  # type: ignore[arg-type]

    @pytest.mark.parametrize(
        "limit", [0, -1, -(10**5000)], ids=["zero", "negative", "huge"]
    )
    def test_limit_value(self, limit: int) -> None:
        """The limit is positive."""
        with pytest.raises(
            ss.InvalidValueError, match=r"^check_quote\(\) takes limit="
        ):
            check("Stalin", limit=limit)

    def test_article_type(self) -> None:
        """The article is a str."""
        with pytest.raises(
            ss.InvalidTypeError, match=r"^check_quote\(\) takes the article"
        ):
            check_quote("Stalin", ss.article, QUOTATIONS)  # type: ignore[arg-type]

    @pytest.mark.parametrize(
        "quotations", [None, "blind-kittens", {"a": 1}, 3]
    )
    def test_quotations_type(self, quotations: object) -> None:
        """The quotations are an iterable of records."""
        with pytest.raises(
            ss.InvalidTypeError,
            match=r"^check_quote\(\) takes the quotations as a sequence",
        ):
            check_quote("Stalin", TEXT, quotations)  # type: ignore[arg-type]

    def test_a_record_that_is_not_a_quotation(self) -> None:
        """Each is a `Quotation`; the message gives the index."""
        with pytest.raises(
            ss.InvalidTypeError,
            match=r"^check_quote\(\) takes the quotations as Quotation "
            r"records, got the Person 'nikita-khrushchev' at index 1",
        ):
            check_quote("Stalin", TEXT, [QUOTATIONS[0], ss.people[0]])  # type: ignore[list-item]

    def test_quotations_of_another_text(self) -> None:
        """Segments must be in the article at their offsets."""
        with pytest.raises(
            ss.InvalidValueError, match=r"^check_quote\(\): a segment"
        ):
            check_quote("Stalin", TEXT.upper(), QUOTATIONS)

    def test_a_quotation_inside_another(self) -> None:
        """Words inside either of two nested quotations are quoted."""
        linen = ss.quotations.get("dirty-linen")
        start = TEXT.index("dirty linen")
        inner = ss.Evidence.from_offsets(TEXT, start, start + 11)
        term = ss.Quotation(
            id="dirty-linen-term",
            segments=[inner],
            kind="quoted term",
            evidence=[inner],
        )
        text = "wash our dirty linen before their eyes"

        assert [("exact", "dirty-linen")] == summary(
            check_quote(text, TEXT, [term, linen])
        )

    def test_no_quotations(self) -> None:
        """Without quotations, everything found is the author's words."""
        assert [("not a quotation", None)] == summary(
            check_quote("You are blind kittens", TEXT, [])
        )

    def test_records_that_do_not_hash(self) -> None:
        """A quotation type with a field that does not hash still works."""

        @attrs.frozen(kw_only=True)
        class Tagged(ss.Quotation):
            tags: list[str] = attrs.field(factory=list)

        q = ss.quotations.get("muck")
        fields = {f.name: getattr(q, f.name) for f in attrs.fields(type(q))}
        tagged = Tagged(**fields, tags=["brezhnev"])

        assert [("exact", "muck")] == summary(
            check_quote("pour muck on ourselves", TEXT, [tagged])
        )


class TestQuoteMatch:
    """A match keeps the rules of its verdict."""

    SPAN = ss.quotations.get("muck").segments[0]
    MUCK = ss.quotations.get("muck")

    def test_repr_shows_the_quotation_by_id(self) -> None:
        """The quotation's long repr is left out."""
        match = QuoteMatch(
            verdict="exact", score=1.0, quotation=self.MUCK, span=self.SPAN
        )

        assert "quotation=<Quotation 'muck'>" in repr(match)
        assert "quotation=None" in repr(
            QuoteMatch(verdict="not in the article", score=0.5)
        )

    def test_verdicts_read_forgivingly(self) -> None:
        """A verdict is read like any vocabulary."""
        assert (
            NOT_IN_ARTICLE
            == QuoteMatch(verdict="NOT_IN_ARTICLE", score=0).verdict
        )
        assert NOT_A_QUOTATION is QuoteVerdict("not-a-quotation")

    def test_differences_are_a_tuple(self) -> None:
        """A list of pairs becomes a tuple of tuples."""
        match = QuoteMatch(
            verdict="close",
            score=0.5,
            quotation=self.MUCK,
            span=self.SPAN,
            differences=[("muck", "mud")],
        )

        assert (("muck", "mud"),) == match.differences

    @pytest.mark.parametrize(
        ("fields", "error", "message"),
        [
            (
                {"verdict": "same"},
                ss.InvalidValueError,
                "is not a QuoteVerdict",
            ),
            ({"score": "1"}, ss.InvalidTypeError, "score must be a float"),
            ({"score": True}, ss.InvalidTypeError, "score must be a float"),
            ({"score": 1.5}, ss.InvalidValueError, "score must be from 0"),
            ({"score": float("nan")}, ss.InvalidValueError, "from 0 to 1"),
            (
                {"quotation": "muck"},
                ss.InvalidTypeError,
                "a Quotation or None",
            ),
            ({"span": (0, 4)}, ss.InvalidTypeError, "an Evidence or None"),
            ({"differences": "ab"}, ss.InvalidTypeError, "tuple of"),
            ({"differences": 3}, ss.InvalidTypeError, "tuple of"),
            ({"differences": [("a",)]}, ss.InvalidTypeError, "pairs of str"),
            ({"differences": [("a", 1)]}, ss.InvalidTypeError, "pairs of str"),
            ({"differences": [["a", "b"]]}, ss.InvalidTypeError, "pairs"),
            (
                {"differences": [("a", "a")]},
                ss.InvalidValueError,
                "must hold pairs that differ, got ('a', 'a')",
            ),
            ({"quotation": None}, ss.InvalidValueError, "needs the quotation"),
            ({"span": None}, ss.InvalidValueError, "needs the span"),
            ({"score": 0.9}, ss.InvalidValueError, "1.0 exactly when"),
            (
                {"differences": [("a", "b")]},
                ss.InvalidValueError,
                "1.0 exactly when",
            ),
            (
                {"differences": [("a", "b")], "score": 0.5},
                ss.InvalidValueError,
                "an exact match scores 1.0",
            ),
            (
                {"span": ss.quotations.get("thaw-term").segments[0]},
                ss.InvalidValueError,
                "outside the quotation",
            ),
            (
                {"quotation": ss.quotations.get("dirty-linen")},
                ss.InvalidValueError,
                "outside the quotation",
            ),
        ],
    )
    def test_an_exact_match_refuses(
        self, fields: dict[str, object], error: type[Exception], message: str
    ) -> None:
        """Each field is checked, and then the rules of the verdict."""
        values: dict[str, object] = {
            "verdict": "exact",
            "score": 1.0,
            "quotation": self.MUCK,
            "span": self.SPAN,
        }
        with pytest.raises(error, match=re.escape(message)):
            QuoteMatch(**(values | fields))  # type: ignore[arg-type]

    @pytest.mark.parametrize(
        ("fields", "message"),
        [
            ({"score": 1.0}, "1.0 exactly when"),
            (
                {"score": 1.0, "differences": ()},
                "an exact match scores 1.0, a close one less",
            ),
            ({"differences": ()}, "1.0 exactly when"),
            ({"quotation": None}, "needs the quotation"),
        ],
    )
    def test_a_close_match_refuses(
        self, fields: dict[str, object], message: str
    ) -> None:
        """A close match has differences and scores less than 1."""
        values: dict[str, object] = {
            "verdict": "close",
            "score": 0.8,
            "quotation": self.MUCK,
            "span": self.SPAN,
            "differences": (("muck", "mud"),),
        }
        with pytest.raises(ss.InvalidValueError, match=re.escape(message)):
            QuoteMatch(**(values | fields))  # type: ignore[arg-type]

    @pytest.mark.parametrize(
        ("fields", "message"),
        [
            ({"quotation": MUCK, "span": SPAN}, "it has no quotation"),
            ({"span": SPAN}, "it has no span"),
            ({"score": 1.0}, "no differences and a score below 1"),
            ({"differences": [("a", "")]}, "no differences"),
        ],
    )
    def test_not_in_the_article_refuses(
        self, fields: dict[str, object], message: str
    ) -> None:
        """Words not in the article have no place, quotation or difference."""
        values = {"verdict": "not in the article", "score": 0.5}
        with pytest.raises(ss.InvalidValueError, match=re.escape(message)):
            QuoteMatch(**(values | fields))  # type: ignore[arg-type]

    def test_not_a_quotation_refuses(self) -> None:
        """The author's words have a span and no quotation."""
        with pytest.raises(ss.InvalidValueError, match="needs the span"):
            QuoteMatch(verdict="not a quotation", score=1.0)
        with pytest.raises(ss.InvalidValueError, match="has no quotation"):
            QuoteMatch(
                verdict="not a quotation",
                score=1.0,
                span=self.SPAN,
                quotation=self.MUCK,
            )
        assert QuoteMatch(
            verdict="not a quotation",
            score=0.5,
            span=self.SPAN,
            differences=[("a", "")],
        ).differences


# -- check_quote, as properties ------------------------------------------------


@st.composite
def runs(draw: st.DrawFn, least: int) -> tuple[ss.Quotation, list[str], int]:
    """Draw an utterance and a run of its words (at least *least*)."""
    quotation = draw(
        st.sampled_from(
            [q for q in UTTERANCES if len(quoted_words(q)) >= least]
        )
    )
    every = quoted_words(quotation)
    length = draw(st.integers(least, len(every)))
    start = draw(st.integers(0, len(every) - length))
    return quotation, every[start : start + length], start


#: Ways of writing the same words: separators, quote marks and case.
SEPARATORS = st.sampled_from([" ", "  ", ", ", " – ", "—", " - ", "\n", "; "])
QUOTES = st.sampled_from([("", ""), ("“", "”"), ('"', '"'), ("‘", "’")])
CASES = st.sampled_from([str, str.upper, str.lower, str.capitalize])


#: The quotations of two segments or more.
INTERRUPTED = [q for q in QUOTATIONS if len(q.segments) >= 2]
#: The fewest words of a run that hold it where it is (`_quotes._holds`).
LEAST = _quotes.LEAST_WORDS


def is_subsequence(part: list[str], whole: tuple[str, ...]) -> bool:
    """Tell whether *part* occurs in *whole* in order, maybe spread out."""
    rest = iter(whole)
    return all(word in rest for word in part)


def test_the_thresholds_are_documented() -> None:
    """The docstring of check_quote states the numbers it uses."""
    doc = check_quote.__doc__ or ""

    assert f"{_quotes.CLOSE_COVERAGE:.0%} of the words" in doc
    assert f"at least {_quotes.CLOSE_SCORE}," in doc
    assert "three words or more" in doc
    assert "one or two words" in doc
    assert 3 == _quotes.LEAST_WORDS


class TestMatchingProperties:
    """What holds for every run of quoted words, however written."""

    @given(
        run=runs(3),
        separator=SEPARATORS,
        quotes=QUOTES,
        case=CASES,
    )
    def test_any_run_of_three_words_is_exact(
        self,
        run: tuple[ss.Quotation, list[str], int],
        separator: str,
        quotes: tuple[str, str],
        case: type[str],
    ) -> None:
        """Three or more words in a row of an utterance are exact for it."""
        quotation, found, _ = run
        text = quotes[0] + case(separator.join(found)) + quotes[1]
        matches = [
            m for m in check(text, limit=None) if m.quotation == quotation
        ]

        assert [EXACT] == [m.verdict for m in matches]
        span = matches[0].span
        assert span is not None
        printed = words(span.exact)
        assert (found[0], found[-1]) == (printed[0], printed[-1])
        assert is_subsequence(found, printed)
        assert TEXT[span.start : span.end] == span.exact

    @given(
        run=runs(6),
        where=st.integers(0, 100),
        new=st.from_regex(r"[qxzj]{4,9}", fullmatch=True),
    )
    def test_one_word_changed_is_close(
        self, run: tuple[ss.Quotation, list[str], int], where: int, new: str
    ) -> None:
        """
        One word of six or more replaced: close, with that difference.

        Where the printed word is repeated next to itself ("comrade
        Stalin. Stalin–our hope"), the word given may as well be read as
        added; such places are not drawn.
        """
        quotation, found, start = run
        assume(new not in ARTICLE_WORDS)
        k = where % len(found)
        every = quoted_words(quotation)
        at = start + k
        assume(every[at] not in every[max(0, at - 1) : at])
        assume(every[at] not in every[at + 1 : at + 2])
        changed = [*found[:k], new, *found[k + 1 :]]
        matches = [
            m
            for m in check(" ".join(changed), limit=None)
            if m.quotation == quotation
        ]

        assert [CLOSE] == [m.verdict for m in matches]
        ((printed, given_word),) = matches[0].differences
        assert (found[k],) == words(printed)
        assert new == given_word
        size = len(found)
        assert 2 * (size - 1) / (2 * size) == pytest.approx(matches[0].score)

    @given(data=st.data(), separator=SEPARATORS, case=CASES)
    def test_words_of_the_first_and_last_segments(
        self, data: st.DataObject, separator: str, case: type[str]
    ) -> None:
        """
        Runs of the first and last segments, the words between left out.

        Each run has three words or more (one or two words found further
        on are read as words changed where they stand).  Where leaving
        the words out keeps the score close, the quotation is matched
        across the segments, first of all the matches: the span runs from
        the first word given to the last, no word given is reported
        added or changed, the words left out are the differences (but
        for editorial insertions), and the score is that of this
        reading.
        """
        quotation = data.draw(st.sampled_from(INTERRUPTED))
        head_words, tail_words = (
            _quotes._tokens(segment.exact, segment.start)
            for segment in (quotation.segments[0], quotation.segments[-1])
        )
        every = [
            t
            for s in quotation.segments
            for t in _quotes._tokens(s.exact, s.start)
        ]
        start = data.draw(st.integers(0, len(head_words) - LEAST))
        stop = data.draw(st.integers(start + LEAST, len(head_words)))
        tail_start = data.draw(st.integers(0, len(tail_words) - LEAST))
        tail_stop = data.draw(st.integers(tail_start + LEAST, len(tail_words)))
        head = head_words[start:stop]
        tail = tail_words[tail_start:tail_stop]
        between = every[stop : len(every) - len(tail_words) + tail_start]
        left_out = [key for key, _, _, optional in between if not optional]
        size = len(head) + len(tail)
        score = 2 * size / (2 * size + len(left_out))
        assume(score >= _quotes.CLOSE_SCORE)
        text = case(separator.join(t[0] for t in head + tail))

        matches = check(text, limit=None)

        assert quotation == matches[0].quotation
        match = matches[0]
        assert match.span is not None
        assert (head[0][1], tail[-1][2]) == (
            match.span.start,
            match.span.end,
        )
        assert all("" == given for _, given in match.differences)
        assert sorted(left_out) == sorted(
            words(" ".join(printed for printed, _ in match.differences))
        )
        assert (EXACT if not left_out else CLOSE) == match.verdict
        assert (score if left_out else 1.0) == pytest.approx(match.score)

    @given(st.text(alphabet="αβγδεζηθ ,.;“”", min_size=1, max_size=60))
    def test_words_of_another_alphabet_are_not_in_the_article(
        self, text: str
    ) -> None:
        """Nothing of the article is found in Greek."""
        assume(words(text))

        assert (QuoteMatch(verdict=NOT_IN_ARTICLE, score=0.0),) == check(text)

    @given(
        text=st.lists(
            st.sampled_from(sorted(ARTICLE_WORDS)), min_size=1, max_size=12
        ).map(" ".join),
        limit=st.integers(1, 8) | st.none(),
    )
    def test_the_ranking(self, text: str, limit: int | None) -> None:
        """At least one match, at most *limit*, best first, none twice."""
        matches = check(text, limit=limit)
        scores = [m.score for m in matches]
        keys = [(m.quotation, m.span) for m in matches]

        assert 1 <= len(matches) <= (limit or len(matches))
        assert scores == sorted(scores, reverse=True)
        assert len(set(keys)) == len(keys)
        for m in matches:
            if m.span is not None:
                assert TEXT[m.span.start : m.span.end] == m.span.exact
        if len(matches) > 1 or matches[0].verdict != NOT_IN_ARTICLE:
            assert NOT_IN_ARTICLE not in [m.verdict for m in matches]


#: Vocabularies of two and three words: each word given is printed in many
#: places, so the words given align in many ways, and some at the edge of a
#: window that `difflib` aligns.
VOCABULARIES = st.sampled_from([("alpha", "beta"), ("alpha", "beta", "gamma")])


class Toy(NamedTuple):
    """
    An article quoting words of a small vocabulary, and a text to check.

    Attributes:
        article: The article.
        quotation: Its one quotation.
        text: The words to check.
        window: Which of the quotation's words that are also given a
            window of them starts at (counted round), and how many words
            it holds at most.
        contiguous: Whether to align in runs with nothing between.
    """

    article: str
    quotation: ss.Quotation
    text: str
    window: tuple[int, int] = (0, 40)
    contiguous: bool = False


@st.composite
def toys(draw: st.DrawFn) -> Toy:
    """
    Draw an article quoting words of a small vocabulary, and a text.

    The text is words of the vocabulary, or a run of the quotation with
    words changed, added or left out.
    """
    vocabulary = draw(VOCABULARIES)
    word = st.sampled_from(vocabulary)
    printed = draw(st.lists(word, min_size=5, max_size=40))
    article, quotation = toy_corpus(" ".join(printed) + ".")
    if draw(st.booleans()):
        given_words = draw(st.lists(word, min_size=1, max_size=15))
    else:
        start = draw(st.integers(0, len(printed) - 1))
        stop = draw(st.integers(start + 1, min(len(printed), start + 15)))
        given_words = printed[start:stop]
        edits = st.tuples(st.sampled_from("cal"), st.integers(0, 14), word)
        for edit, at, new in draw(st.lists(edits, max_size=3)):
            if edit == "c":
                given_words[at % len(given_words)] = new
            elif edit == "a":
                given_words.insert(at % (len(given_words) + 1), new)
            elif len(given_words) > 1:
                del given_words[at % len(given_words)]
        given_words = given_words[:15]
    text = draw(CASES)(draw(SEPARATORS).join(given_words))
    window = draw(st.tuples(st.integers(0, 39), st.integers(1, 40)))
    return Toy(article, quotation, text, window, draw(st.booleans()))


#: A quotation on which the property below found texts that failed: the
#: first "beta" given is the "beta" printed before the window aligned.
FOUND = toy_corpus(
    "alpha beta beta beta beta alpha beta alpha alpha beta alpha beta alpha."
)


class TestSmallVocabularies:
    """What holds for every text checked, with few words to tell apart."""

    @given(toy=toys())
    @example(toy=Toy(*FOUND, "beta alpha alpha beta beta alpha beta alpha"))
    @example(toy=Toy(*FOUND, "BETA ALPHA ALPHA BETA BETA ALPHA BETA ALPHA"))
    def test_every_match_holds(self, toy: Toy) -> None:
        """
        Every match is one that `QuoteMatch` takes, and check_quote says so.

        Its score is from 0 to 1, its span is the article's, within the
        quotation, and each of its differences pairs different words.
        An alignment of the words on a window of the quotation, as
        check_quote's are made, holds too (`check_an_alignment`).
        """
        matches = check_quote(
            toy.text, toy.article, [toy.quotation], limit=None
        )

        assert matches
        for match in matches:
            assert 0 <= match.score <= 1
            for printed, said in match.differences:
                assert words(printed) != words(said)
            span = match.span
            if span is not None:
                assert 0 <= span.start < span.end <= len(toy.article)
                assert toy.article[span.start : span.end] == span.exact
            if match.quotation is not None:
                assert span is not None
                segment = match.quotation.segments[0]
                assert segment.start <= span.start < span.end <= segment.end
        self.check_an_alignment(toy)

    @staticmethod
    def check_an_alignment(toy: Toy) -> None:
        """
        An alignment on any window accounts for each word once.

        Each word given is matched or in the differences, and so is each
        printed word from the first to the last; the score is the Dice
        coefficient of those counts; and no difference pairs a word with
        itself, though the window ends next to it.  Checked with each
        match, on the same words: drawing them costs more than this.
        """
        stream = _quotes._index(toy.article, (toy.quotation,)).quotations[0][1]
        given_words = _quotes._Given.read(toy.text)
        keys = given_words.keys
        # A window starts at a word given, as `_quotes._search`'s do.
        starts = [k for k, key in enumerate(stream.keys) if key in keys]
        if not starts:
            return
        lo = starts[toy.window[0] % len(starts)]
        hi = min(len(stream.keys), lo + toy.window[1])

        found = _quotes._align(
            given_words,
            stream,
            toy.article,
            (lo, hi),
            contiguous=toy.contiguous,
        )

        added = [w for _, said in found.differences for w in words(said)]
        left_out = [
            w for printed, _ in found.differences for w in words(printed)
        ]
        size, printed_words = len(keys), found.last - found.first
        assert size == found.hits + len(added)
        assert printed_words == found.hits + len(left_out)
        assert 2 * found.hits / (size + printed_words) == pytest.approx(
            found.score
        )
        assert is_subsequence([stream.keys[k] for k in found.matched], keys)
        for printed, said in found.differences:
            assert words(printed) != words(said)


# -- score_extraction ------------------------------------------------------------


def gold(
    kinds: tuple[str, ...] = ("utterance",),
) -> list[tuple[object, object, object]]:
    """The curated (speaker, cue, content) of quotations of *kinds*."""
    return [
        (q.speaker_mention, q.cue, q.segments)
        for q in QUOTATIONS
        if q.kind in kinds
    ]


def offsets(span: ss.Evidence | None) -> tuple[int, int] | None:
    """Return a span's offsets, or None."""
    return None if span is None else (span.start, span.end)


def score(
    predictions: list[tuple[object, object, object]],
    **kinds: tuple[str, ...],
) -> ExtractionScore:
    """Score predictions against the bundled article."""
    return score_extraction(predictions, TEXT, QUOTATIONS, **kinds)  # type: ignore[arg-type]


def parts(result: ExtractionScore) -> list[PartScore]:
    """Return the three part scores."""
    return [result.speaker, result.cue, result.content]


class TestPartScore:
    """Precision and recall, exact and overlapping."""

    def test_ratios(self) -> None:
        """Exact and overlapping, over predicted and over gold."""
        part = PartScore(predicted=4, gold=5, exact=2, overlapping=3)

        assert (0.5, 0.4, 0.75, 0.6) == (
            part.exact_precision,
            part.exact_recall,
            part.overlap_precision,
            part.overlap_recall,
        )

    def test_nothing_predicted_nothing_to_find(self) -> None:
        """No mistake to count: every ratio is 1.0."""
        part = PartScore(predicted=0, gold=0, exact=0, overlapping=0)

        assert (1.0, 1.0, 1.0, 1.0) == (
            part.exact_precision,
            part.exact_recall,
            part.overlap_precision,
            part.overlap_recall,
        )

    def test_nothing_predicted(self) -> None:
        """Something to find and nothing predicted: every ratio is 0.0."""
        part = PartScore(predicted=0, gold=3, exact=0, overlapping=0)

        assert (0.0, 0.0, 0.0, 0.0) == (
            part.exact_precision,
            part.exact_recall,
            part.overlap_precision,
            part.overlap_recall,
        )

    def test_nothing_to_find(self) -> None:
        """Spans predicted where there are none: every ratio is 0.0."""
        part = PartScore(predicted=2, gold=0, exact=0, overlapping=0)

        assert (0.0, 0.0, 0.0, 0.0) == (
            part.exact_precision,
            part.exact_recall,
            part.overlap_precision,
            part.overlap_recall,
        )

    @pytest.mark.parametrize(
        ("fields", "error", "message"),
        [
            ({"gold": -1}, ss.InvalidValueError, "PartScore.gold must be"),
            ({"exact": True}, ss.InvalidTypeError, "PartScore.exact must"),
            ({"predicted": 1.0}, ss.InvalidTypeError, "predicted must be"),
            ({"exact": 3}, ss.InvalidValueError, "exact <= overlapping"),
            ({"overlapping": 5}, ss.InvalidValueError, "<= predicted"),
            ({"predicted": 1}, ss.InvalidValueError, "<= predicted"),
            ({"gold": 1}, ss.InvalidValueError, "and gold"),
        ],
    )
    def test_refuses(
        self, fields: dict[str, object], error: type[Exception], message: str
    ) -> None:
        """Counts are non-negative ints that agree with each other."""
        values = {"predicted": 4, "gold": 4, "exact": 2, "overlapping": 2}
        with pytest.raises(error, match=re.escape(message)):
            PartScore(**(values | fields))  # type: ignore[arg-type]

    def test_extraction_score_holds_part_scores(self) -> None:
        """Each part is a `PartScore`."""
        part = PartScore(predicted=0, gold=0, exact=0, overlapping=0)
        with pytest.raises(
            ss.InvalidTypeError, match=r"ExtractionScore.cue must be a Part"
        ):
            ExtractionScore(speaker=part, cue=(0, 0), content=part)  # type: ignore[arg-type]


class TestScoreExtraction:
    """Triples scored against the curated quotations, part by part."""

    def test_the_gold_data(self) -> None:
        """Utterances: their segments, speaker mentions and cues."""
        result = score([])

        assert (6, 6, 8) == tuple(p.gold for p in parts(result))

    def test_both_kinds(self) -> None:
        """Quoted terms have segments, and some a speaker and a cue."""
        result = score([], kinds=("utterance", "quoted term"))

        assert (8, 8, 13) == tuple(p.gold for p in parts(result))

    def test_one_kind_given_alone(self) -> None:
        """A kind is read like the vocabulary: a member, a value or name."""
        assert (
            score([], kinds=("quoted term",))
            == score([], kinds="quoted-term")  # type: ignore[arg-type]
            == score([], kinds=ss.QuotationKind.QUOTED_TERM)  # type: ignore[arg-type]
        )
        assert 5 == score([], kinds=("quoted term",)).content.gold

    def test_offsets_or_evidence(self) -> None:
        """A pair of offsets and the `Evidence` at them count the same."""
        as_evidence = gold()
        as_offsets = [
            (offsets(s), offsets(c), [offsets(x) for x in t])  # type: ignore[arg-type]
            for s, c, t in as_evidence
        ]

        assert score(as_evidence) == score(as_offsets)

    def test_content_as_one_span_or_several(self) -> None:
        """The content is a span, or a tuple or list of spans."""
        linen = ss.quotations.get("dirty-linen")
        first, second = (offsets(s) for s in linen.segments)
        one = score([(None, None, first)]).content
        both = score([(None, None, [first, second])]).content
        whole = score([(None, None, (first[0], second[1]))]).content  # type: ignore[index]

        assert (1, 1, 1) == (one.predicted, one.exact, one.overlapping)
        assert (2, 2, 2) == (both.predicted, both.exact, both.overlapping)
        assert (1, 0, 1) == (whole.predicted, whole.exact, whole.overlapping)

    def test_each_gold_span_counts_once(self) -> None:
        """A span predicted twice is right once."""
        muck = ss.quotations.get("muck").segments[0]
        content = score([(None, None, muck), (None, None, muck)]).content

        assert (2, 1, 1) == (
            content.predicted,
            content.exact,
            content.overlapping,
        )
        assert 0.5 == content.exact_precision

    def test_overlapping_pairs_as_many_as_can_be(self) -> None:
        """
        The pairing is the largest, not the first that comes.

        A long span overlapping two gold spans is paired with the one a
        short span does not overlap, whichever comes first.
        """
        linen = ss.quotations.get("dirty-linen")
        first, second = (offsets(s) for s in linen.segments)
        assert first is not None
        assert second is not None
        long = (first[0], second[1])
        short = (first[0], first[1] - 1)
        for order in ([long, short], [short, long]):
            content = score([(None, None, s) for s in order]).content

            assert 2 == content.overlapping
            assert 0 == content.exact

    def test_spans_that_touch_do_not_overlap(self) -> None:
        """A span that ends where a gold span starts shares no character."""
        muck = ss.quotations.get("muck").segments[0]
        before = (muck.start - 5, muck.start)
        after = (muck.end, muck.end + 5)
        inside = (muck.end - 1, muck.end + 5)
        touching = score([(None, None, [before, after])]).content
        sharing = score([(None, None, inside)]).content

        assert (2, 0, 0) == (
            touching.predicted,
            touching.exact,
            touching.overlapping,
        )
        assert 1 == sharing.overlapping

    def test_a_namedtuple_or_list(self) -> None:
        """A triple is any sequence of three: a namedtuple, a list."""
        muck = ss.quotations.get("muck")
        triple = [muck.speaker_mention, muck.cue, muck.segments[0]]

        assert (1, 1, 1) == tuple(p.exact for p in parts(score([triple])))  # type: ignore[list-item]

    def test_predictions_from_a_generator(self) -> None:
        """The predictions may be any iterable."""
        result = score(iter(gold()))  # type: ignore[arg-type]

        assert all(p.exact == p.gold for p in parts(result))


class TestScoreExtractionArguments:
    """Wrong predictions name their index."""

    @pytest.mark.parametrize(
        ("predictions", "error", "message"),
        [
            ("abc", ss.InvalidTypeError, "takes the predictions as an"),
            (3, ss.InvalidTypeError, "takes the predictions as an"),
            ({"a": 1}, ss.InvalidTypeError, "takes the predictions as an"),
            ([None], ss.InvalidTypeError, "got None (NoneType) at index 0"),
            (
                [(None, None, None), "abc"],
                ss.InvalidTypeError,
                "triple, got 'abc' (str) at index 1",
            ),
            ([(None, None)], ss.InvalidValueError, "got 2 items at index 0"),
            (
                [(None, None, None, None)],
                ss.InvalidValueError,
                "got 4 items at index 0",
            ),
            (
                [(None, None, None), ("he", None, None)],
                ss.InvalidTypeError,
                "prediction 1: the speaker must be an Evidence",
            ),
            (
                [(None, (True, 3), None)],
                ss.InvalidTypeError,
                "prediction 0: the cue must be an Evidence",
            ),
            (
                [(None, (1, 2, 3), None)],
                ss.InvalidTypeError,
                "prediction 0: the cue must be",
            ),
            (
                [(None, None, 3)],
                ss.InvalidTypeError,
                "prediction 0: the content must be a span, a tuple",
            ),
            (
                [(None, None, [(1, 2), None])],
                ss.InvalidTypeError,
                (
                    "prediction 0: span 1 of the content must be an "
                    "Evidence or a (start, end) pair of ints, got None"
                ),
            ),
            (
                [(None, None, (5, 5))],
                ss.InvalidValueError,
                "prediction 0: the content span 5:5 is not a non-empty",
            ),
            (
                [(None, None, (7, 5))],
                ss.InvalidValueError,
                "the content span 7:5",
            ),
            (
                [(None, None, (-1, 5))],
                ss.InvalidValueError,
                "the content span -1:5",
            ),
            (
                [(None, None, None)] * 3 + [((0, 10**5000), None, None)],
                ss.InvalidValueError,
                "prediction 3: the speaker span 0:<an int of 5001 digits>",
            ),
            (
                [(None, None, (9000, 9999))],
                ss.InvalidValueError,
                f"of the article of {len(TEXT)} characters",
            ),
            (
                [
                    (
                        None,
                        None,
                        ss.Evidence.from_offsets("Some other text", 0, 4),
                    )
                ],
                ss.InvalidValueError,
                "prediction 0: the content 'Some' is not in the article at 0:4",
            ),
        ],
    )
    def test_predictions(
        self, predictions: object, error: type[Exception], message: str
    ) -> None:
        """Each prediction and each of its spans is checked."""
        with pytest.raises(error, match=re.escape(message)):
            score_extraction(predictions, TEXT, QUOTATIONS)  # type: ignore[arg-type]

    @pytest.mark.parametrize("span", [None, "he", (1.0, 2.0)])
    def test_a_span_of_the_content_is_not_offered_none(
        self, span: object
    ) -> None:
        """A span in a list of content spans may not be None, nor offered."""
        with pytest.raises(ss.InvalidTypeError) as info:
            score([(None, None, [(1, 2), span])])

        assert "or None" not in str(info.value)
        assert "span 1 of the content" in str(info.value)

    def test_an_evidence_beyond_the_article(self) -> None:
        """An `Evidence` of a longer text is outside this one."""
        far = ss.Evidence.from_offsets("x" * 20000, 10000, 10004)
        with pytest.raises(ss.InvalidValueError, match="10000:10004 is not"):
            score([(None, None, far)])

    @pytest.mark.parametrize(
        ("kinds", "error", "message"),
        [
            ((), ss.InvalidValueError, "at least one kind"),
            (["speech"], ss.InvalidValueError, "kinds=: 'speech' is not a"),
            ("speech", ss.InvalidValueError, "kinds=: 'speech' is not a"),
            ([3], ss.InvalidTypeError, "kinds=: QuotationKind takes"),
            (b"utterance", ss.InvalidTypeError, "kinds=: QuotationKind"),
            ({"utterance": 1}, ss.InvalidTypeError, "kinds=: QuotationKind"),
        ],
    )
    def test_kinds(
        self, kinds: object, error: type[Exception], message: str
    ) -> None:
        """Kinds are quotation kinds, at least one."""
        with pytest.raises(error, match=re.escape(message)):
            score_extraction([], TEXT, QUOTATIONS, kinds=kinds)  # type: ignore[arg-type]

    def test_article_and_quotations(self) -> None:
        """The article is a str; the quotations are records."""
        with pytest.raises(
            ss.InvalidTypeError,
            match=r"^score_extraction\(\) takes the article as a str",
        ):
            score_extraction([], None, QUOTATIONS)  # type: ignore[arg-type]
        with pytest.raises(
            ss.InvalidTypeError,
            match=r"^score_extraction\(\) takes the quotations as Quotation",
        ):
            score_extraction([], TEXT, [ss.people[0]])  # type: ignore[list-item]


# -- score_extraction, as properties -------------------------------------------

KINDS = st.sampled_from(
    [("utterance",), ("quoted term",), ("utterance", "quoted term")]
)
GOLD_SPANS = [
    (s.start, s.end)
    for q in QUOTATIONS
    for s in (q.speaker_mention, q.cue, *q.segments)
    if s is not None
]
#: A span: a gold span, one shifted or cut, or any span of the article.
SPANS = st.one_of(
    st.sampled_from(GOLD_SPANS),
    st.tuples(st.sampled_from(GOLD_SPANS), st.integers(-3, 3)).map(
        lambda g: (max(0, g[0][0] + g[1]), g[0][1])
    ),
    st.integers(0, len(TEXT) - 1).flatmap(
        lambda s: st.tuples(
            st.just(s), st.integers(s + 1, min(len(TEXT), s + 80))
        )
    ),
).filter(lambda s: s[0] < s[1])
PREDICTIONS = st.lists(
    st.tuples(
        SPANS | st.none(), SPANS | st.none(), st.lists(SPANS, max_size=2)
    ),
    max_size=8,
)


def most_pairs(
    predicted: list[tuple[int, int]], found: list[tuple[int, int]]
) -> int:
    """The largest pairing of overlapping spans, by trying every one."""
    if not predicted:
        return 0
    first, rest = predicted[0], predicted[1:]
    best = most_pairs(rest, found)
    for i, g in enumerate(found):
        if first[0] < g[1] and g[0] < first[1]:
            best = max(best, 1 + most_pairs(rest, found[:i] + found[i + 1 :]))
    return best


class TestScoringProperties:
    """What holds for any predictions."""

    @given(kinds=KINDS, as_offsets=st.booleans())
    def test_the_gold_data_scores_one(
        self, kinds: tuple[str, ...], as_offsets: bool
    ) -> None:
        """The gold spans as predictions score 1.0 everywhere."""
        predictions = gold(kinds)
        if as_offsets:
            predictions = [
                (offsets(s), offsets(c), [offsets(x) for x in t])  # type: ignore[arg-type]
                for s, c, t in predictions
            ]
        for part in parts(score(predictions, kinds=kinds)):
            assert 1.0 == part.exact_precision == part.exact_recall
            assert 1.0 == part.overlap_precision == part.overlap_recall

    @given(kinds=KINDS)
    def test_no_predictions_recall_nothing(
        self, kinds: tuple[str, ...]
    ) -> None:
        """An empty prediction list has recall 0 where there is gold."""
        for part in parts(score([], kinds=kinds)):
            assert 0 == part.predicted
            assert part.gold > 0
            assert 0.0 == part.exact_recall == part.overlap_recall

    @given(predictions=PREDICTIONS, data=st.data())
    def test_order_does_not_matter(
        self,
        predictions: list[tuple[object, object, object]],
        data: st.DataObject,
    ) -> None:
        """The predictions in any order score the same."""
        shuffled = data.draw(st.permutations(predictions))

        assert score(predictions) == score(shuffled)

    @given(predictions=PREDICTIONS, kinds=KINDS)
    def test_counts_agree(
        self,
        predictions: list[tuple[object, object, object]],
        kinds: tuple[str, ...],
    ) -> None:
        """Exact <= overlapping <= predicted and gold; as many as can be."""
        result = score(predictions, kinds=kinds)
        for i, part in enumerate(parts(result)):
            spans: list[tuple[int, int]] = []
            for prediction in predictions:
                item = prediction[i]
                if item is None:
                    continue
                spans += item if i == 2 else [item]  # type: ignore[list-item, operator]
            found = [
                (s.start, s.end)
                for q in QUOTATIONS
                if q.kind in kinds
                for s in ((q.speaker_mention,), (q.cue,), q.segments)[i]
                if s is not None
            ]

            assert part.exact <= part.overlapping
            assert part.overlapping <= min(part.predicted, part.gold)
            assert len(spans) == part.predicted
            assert len(found) == part.gold
            assert most_pairs(spans, found) == part.overlapping
            assert (
                sum(min(spans.count(s), found.count(s)) for s in set(spans))
                == part.exact
            )

    @given(
        which=st.integers(0, 100),
        shift=st.sampled_from([-1, 1]),
    )
    def test_a_span_shifted_overlaps(self, which: int, shift: int) -> None:
        """Shifting a gold span by one character: overlapping, not exact."""
        predictions = gold()
        spans = [
            (i, k)
            for i, (_, _, t) in enumerate(predictions)
            for k in range(len(t))  # type: ignore[arg-type]
        ]
        i, k = spans[which % len(spans)]
        content = list(predictions[i][2])  # type: ignore[call-overload]
        old = content[k]
        content[k] = (old.start + shift, old.end + shift)
        predictions[i] = (*predictions[i][:2], content)
        part = score(predictions).content

        assert part.gold - 1 == part.exact
        assert part.gold == part.overlapping

    def test_the_brute_force_sees_a_better_pairing(self) -> None:
        """The oracle above prefers two pairs to one."""
        assert 2 == most_pairs([(0, 10), (0, 2)], [(1, 3), (9, 11)])
        assert 1 == most_pairs([(0, 10), (0, 2)], [(1, 3)])


# -- through the corpus --------------------------------------------------------


class TestWired:
    """The module functions over the bundled corpus call these."""

    def test_check_quote(self) -> None:
        """``ss.check_quote`` is `check_quote` over the bundled data."""
        for text in ("You are blind kittens.", "We will bury you", "Stalin"):
            assert check(text) == ss.check_quote(text)
        assert check("Stalin", limit=None) == ss.check_quote(
            "Stalin", limit=None
        )

    def test_score_extraction(self) -> None:
        """``ss.score_extraction`` is `score_extraction` over it."""
        predictions = gold()

        assert score(predictions) == ss.score_extraction(predictions)
        assert score(predictions, kinds=("quoted term",)) == (
            ss.score_extraction(predictions, kinds=("quoted term",))
        )

    def test_the_names_are_public(self) -> None:
        """The classes are exported; the functions are the corpus's."""
        for name in (
            "QuoteVerdict",
            "QuoteMatch",
            "PartScore",
            "ExtractionScore",
        ):
            assert getattr(ss, name) is getattr(_quotes, name)
        assert "check_quote" == ss.check_quote.__name__
        assert "score_extraction" == ss.score_extraction.__name__
