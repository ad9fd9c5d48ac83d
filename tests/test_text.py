"""Tests for `secretspeech._text`: normalisation, matching, sentences."""

from __future__ import annotations

import re
import unicodedata

import pytest
from hypothesis import example, given
from hypothesis import strategies as st

import secretspeech as ss
from secretspeech._text import (
    close_words,
    normalize,
    sentence_spans,
    sentences_around,
    similarity,
    singular,
    suggest,
    words,
)


TEXT = ss.article.text
SPANS = sentence_spans(TEXT)


class TestNormalize:
    """Name keys ignore what users should not have to get right."""

    @pytest.mark.parametrize(
        "variant",
        [
            "Nikita Khrushchev",
            "nikita khrushchev",
            "  NIKITA   KHRUSHCHEV  ",
            "Nikita Khrushchev’s",
            "Nikita Khrushchev's",
            "Nikita Khrushchevʼs",
            "Nikita Khrushchev`s",
            "“Nikita Khrushchev”",
            "nikita-khrushchev",
            "Nikita Khrushchév",
            "Nikita Khrush\u00adchev",  # a soft hyphen, as a web page has
            "\ufeffNikita Khru\u200dshchev\u2060\u200c",
        ],
    )
    def test_variants_share_a_key(self, variant: str) -> None:
        """Case, spacing, apostrophes, quotes, hyphens and accents vanish."""
        assert "nikita khrushchev" == normalize(variant)

    def test_possessive_on_each_word(self) -> None:
        """A possessive is dropped from every word, not only the last."""
        assert "stalin death" == normalize("Stalin’s death")
        assert "delegates hotels" == normalize("the delegates’ hotels")

    def test_leading_article(self) -> None:
        """A leading article is dropped, but never the only word."""
        assert "great terror" == normalize("the Great Terror")
        assert "kremlin" == normalize("The Kremlin")
        assert "novelist" == normalize("a novelist")
        assert "the" == normalize("the")
        assert "west of the union" == normalize("the West of the Union")

    def test_other_apostrophes_are_removed(self) -> None:
        """An apostrophe inside a word joins it rather than splitting it."""
        assert ("dont", "obrien") == words("don’t O'Brien")

    def test_dashes_separate_words(self) -> None:
        """Hyphens and en dashes split words: "1946–47" is two numbers."""
        assert ("famine", "of", "1946", "47") == words("famine of 1946–47")

    def test_nothing_left(self) -> None:
        """Punctuation alone normalises to the empty key."""
        assert "" == normalize(" “’s” ")

    @given(st.text())
    @example("A:A:0")  # two leading articles
    @example("ᾈ")  # folding case expands it to two letters
    def test_idempotent(self, text: str) -> None:
        """Normalising a key again changes nothing."""
        key = normalize(text)

        assert key == normalize(key)

    @given(st.text())
    @example("ı")  # a dotless i, whose capital is "I"
    @example("ᾀ")  # an iota below, whose capital writes it beside
    @example("ŉ")  # folds to an apostrophe and an n
    def test_case_insensitive(self, text: str) -> None:
        """Upper- and lower-casing the input gives the same key."""
        assert normalize(text.lower()) == normalize(text.upper().lower())

    @given(
        st.text()
        | st.text(st.characters(max_codepoint=127))
        | st.text("abcÉé’'`_ -.")
        | st.lists(
            st.sampled_from(["s", "'s", "’", "_", "é", "A", " ", "ß"])
        ).map("".join)
    )
    @example("ͅ")  # a lone iota below, which folds to an iota
    def test_words_as_written_out(self, text: str) -> None:
        """The quick paths of words() split as the rule written out does."""
        assert slow_words(text) == words(text)


def slow_words(text: str) -> tuple[str, ...]:
    """Split *text* by the rule of words(), a character at a time."""
    # Case folded, decomposed, the marks dropped, folded again (Unicode's
    # caseless matching), apostrophes made one, and "ı" an "i".
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    decomposed = decomposed.translate(
        str.maketrans(dict.fromkeys("’‘ʼ`´′", "'"))
    )
    # Invisible characters that do not break a word are dropped.
    decomposed = "".join(
        c for c in decomposed if c not in "\u00ad\u200c\u200d\u2060\ufeff"
    )
    folded = "".join(
        c for c in decomposed if not unicodedata.combining(c)
    ).casefold()
    folded = folded.replace("ı", "i")
    found: list[str] = []
    for token in re.findall(r"[\w']+", folded):
        word = token.removesuffix("'s").strip("'").removesuffix("'s")
        found.extend(w for w in word.replace("'", "").split("_") if w)
    return tuple(found)


class TestSingular:
    """Rough singulars for matching what statistics count."""

    @pytest.mark.parametrize(
        ("plural", "one"),
        [
            ("deaths", "death"),
            ("death", "death"),
            ("prisoners", "prisoner"),
            ("death warrants", "death warrant"),
            ("casualties", "casualty"),
            ("classes", "class"),
            ("people punished", "people punished"),
            ("ways", "way"),
            # A lone "s" is no plural: it would leave no word to match.
            ("s", "s"),
            ("counting s", "counting s"),
        ],
    )
    def test_last_word(self, plural: str, one: str) -> None:
        """The last word loses its plural ending."""
        assert one == singular(plural)


class TestMatching:
    """Fuzzy word matching with difflib."""

    def test_typo_is_close(self) -> None:
        """A common misspelling of Khrushchev is close enough."""
        assert similarity("kruschev", "khrushchev") >= 0.8

    def test_prefix_is_close(self) -> None:
        """A word the query begins counts as close."""
        assert {"khrushchev": 0.9} == close_words("khrush", ["khrushchev"])

    def test_unrelated_is_not_close(self) -> None:
        """Different names are not confused."""
        assert {} == close_words("gorbachev", ["khrushchev", "stalin"])

    def test_exact_is_one(self) -> None:
        """An identical word scores 1."""
        assert {"stalin": 1.0} == close_words("stalin", ["stalin"])
        assert 1.0 == similarity("stalin", "stalin")

    def test_suggest_shows_names(self) -> None:
        """Suggestions are the names as written, closest first."""
        names = {"khrushchev": "Khrushchev", "stalin": "Stalin"}

        assert ("Khrushchev",) == suggest("Krushchev’s", names)

    def test_suggest_nothing_close(self) -> None:
        """Nothing is suggested when nothing is close."""
        assert () == suggest("Gorbachev", {"stalin": "Stalin"})


class TestSentences:
    """Sentence boundaries in the article."""

    def test_closing_quote_after_full_stop(self) -> None:
        """A closing quote after the full stop belongs to the sentence."""
        found = [TEXT[s:e] for s, e in SPANS]

        assert (
            "“The country will perish because you cannot recognise enemies.”"
        ) in found

    def test_question_inside_quote_does_not_end(self) -> None:
        """A question inside quotes followed by "he told" does not end."""
        found = [TEXT[s:e] for s, e in SPANS]

        assert (
            "“You are blind kittens. What will happen without me?” he told "
            "those at the top."
        ) in found

    def test_paragraphs_end_sentences(self) -> None:
        """A paragraph ending without a full stop still ends a sentence."""
        spans = sentence_spans("No stop here\n\nNext one.")

        assert [(0, 12), (14, 23)] == list(spans)

    def test_spans_cover_the_text(self) -> None:
        """Between sentences there is only whitespace."""
        ends = [0, *(e for _, e in SPANS)]
        starts = [s for s, _ in SPANS] + [len(TEXT)]

        for end, start in zip(ends, starts, strict=True):
            assert "" == TEXT[end:start].strip()

    def test_spans_are_trimmed(self) -> None:
        """No sentence starts or ends with whitespace."""
        for start, end in SPANS:
            assert TEXT[start:end] == TEXT[start:end].strip()

    def test_every_sentence_ends_with_punctuation(self) -> None:
        """Each sentence of the article ends with a stop or a closing quote."""
        for _, end in SPANS:
            assert TEXT[end - 1] in ".!?”"

    def test_straight_quotes(self) -> None:
        """Straight double quotes open and close like curly ones."""
        text = 'He said "Go. Now." Then he left.'

        assert ['He said "Go. Now."', "Then he left."] == [
            text[s:e] for s, e in sentence_spans(text)
        ]

    def test_lowercase_after_stop_does_not_split(self) -> None:
        """A stop followed by a lower-case word does not end a sentence."""
        assert 1 == len(sentence_spans("It cost 2.5 million. and more."))

    @given(st.text(alphabet="ab .?“”\n", max_size=40))
    def test_any_text_splits_cleanly(self, text: str) -> None:
        """Spans are ordered, non-empty, trimmed and never overlap."""
        spans = sentence_spans(text)
        previous = 0

        for start, end in spans:
            assert previous <= start < end
            assert text[start:end] == text[start:end].strip()
            previous = end

    def test_around_widens(self) -> None:
        """Extra sentences are added on both sides, within the text."""
        text = "One. Two. Three. Four."
        spans = sentence_spans(text)
        ends = [e for _, e in spans]

        assert (5, 9) == sentences_around(spans, ends, 5, 8, extra=0)
        assert (0, 22) == sentences_around(spans, ends, 5, 8, extra=5)
