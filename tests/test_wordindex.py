"""
Tests for `secretspeech._wordindex` and the search and suggestions on it.

The index must find exactly what a scan of every word with difflib finds,
and search must score exactly as it did when it scanned: both oracles are
kept here, written from the documented rules, brute force.
"""

from __future__ import annotations

import difflib
import math
from typing import Any

import pytest
from hypothesis import example, given
from hypothesis import strategies as st

import secretspeech as ss
from secretspeech import _wordindex
from secretspeech._catalog import Words, base_of, missing, ranked, scores_in
from secretspeech._checks import names_of, not_found, texts_of
from secretspeech._text import STOP_WORDS, close_words, normalize, words
from secretspeech._wordindex import (
    Postings,
    Query,
    WordIndex,
    _at_least,
    _matched,
    _positions,
    _signature,
    least_matched,
    route,
)
from secretspeech.exceptions import InvalidValueError, NotFoundError


# -- the oracles ------------------------------------------------------------


def oracle_close(
    query: str, vocabulary: list[str], cutoff: float = 0.8
) -> dict[str, float]:
    """Ask difflib about every word, as the search documents its rules."""
    found = {}
    # The ratio of word to query, with difflib's cheap upper bounds of it
    # asked first, as difflib.get_close_matches does: a word whose bound is
    # below the cutoff cannot reach it.  The query is the matcher's second
    # sequence, which it indexes once for every word.
    matcher = difflib.SequenceMatcher(None, "", query)
    for word in vocabulary:
        if word == query:
            found[word] = 1.0
        elif len(query) >= 3 and word.startswith(query):
            ratio = difflib.SequenceMatcher(None, query, word).ratio()
            found[word] = max(0.9, ratio)
        else:
            matcher.set_seq1(word)
            if (
                matcher.real_quick_ratio() >= cutoff
                and matcher.quick_ratio() >= cutoff
                and (ratio := matcher.ratio()) >= cutoff
            ):
                found[word] = ratio
    return found


def oracle_scores(records: list[Any], text: str) -> dict[int, float]:
    """Score records as `Collection.search` did, reading every word."""
    fields = [
        [
            (weight, ws)
            for weight, ws in (
                (0.6, words(r.id)),
                *((1.0, words(n)) for n in names_of(r)[1:]),
                *((0.6, words(t)) for t in texts_of(r)),
            )
            if ws
        ]
        for r in records
    ]
    vocabulary = list(
        dict.fromkeys(w for f in fields for _, ws in f for w in ws)
    )
    query = list(dict.fromkeys(words(text)))[:32]
    content = [w for w in query if w not in STOP_WORDS] or query
    if not content:
        return {}
    matches = [oracle_close(w, vocabulary) for w in content]
    scores = {}
    for pos, record_fields in enumerate(fields):
        if not any(
            w in m for m in matches for _, ws in record_fields for w in ws
        ):
            continue
        best = 0.0
        anywhere = [0.0] * len(matches)
        for weight, ws in record_fields:
            sims = [
                max((m.get(w, 0.0) for w in ws), default=0.0) for m in matches
            ]
            anywhere = [max(a, b) for a, b in zip(anywhere, sims, strict=True)]
            counted = [w for w in ws if w not in STOP_WORDS] or list(ws)
            covered = sum(any(w in m for m in matches) for w in counted)
            mean = math.fsum(sims) / len(sims)
            best = max(best, weight * mean * (1 + covered / len(counted)) / 2)
        # Holding every word as written puts a record above all others.
        every = all(a == 1.0 for a in anywhere)
        scores[pos] = (
            every + best * (1 + math.fsum(anywhere) / len(anywhere)) / 2
        )
    key = normalize(text)
    for pos, record in enumerate(records):
        if key and key in map(normalize, names_of(record)):
            scores[pos] = math.inf
    return scores


# -- strategies -------------------------------------------------------------

# Few letters, so that words share bigrams and come close; repeats; an
# accent and a digit.
LETTERS = "abcdeé1"
short_words = st.text(LETTERS, min_size=1, max_size=4)
any_words = st.text(LETTERS, min_size=1, max_size=12)
# Past the places the index keeps apart (31).
long_words = st.text("ab", min_size=28, max_size=45)
vocabularies = st.lists(
    st.one_of(short_words, any_words, long_words), max_size=40, unique=True
)
CUTOFFS = st.sampled_from([0.7, 0.75, 0.8, 0.8, 0.85, 0.9, 1.0])


@st.composite
def edited(draw: st.DrawFn, word: str) -> str:
    """Return *word* with a few letters changed, added or left out."""
    letters = list(word)
    for _ in range(draw(st.integers(0, 3))):
        at = draw(st.integers(0, len(letters)))
        kind = draw(st.sampled_from(["add", "drop", "swap", "change"]))
        if kind == "add" or not letters:
            letters.insert(at, draw(st.sampled_from(LETTERS)))
        elif kind == "drop" and len(letters) > 1:
            del letters[min(at, len(letters) - 1)]
        elif kind == "swap" and at + 1 < len(letters):
            letters[at], letters[at + 1] = letters[at + 1], letters[at]
        else:
            letters[min(at, len(letters) - 1)] = draw(st.sampled_from(LETTERS))
    return "".join(letters) or word


@st.composite
def vocabulary_and_query(draw: st.DrawFn) -> tuple[list[str], str]:
    """Draw a vocabulary and a query, often a misspelling of one word."""
    vocabulary = draw(vocabularies)
    if vocabulary and draw(st.booleans()):
        query = draw(edited(draw(st.sampled_from(vocabulary))))
    else:
        query = draw(st.one_of(short_words, any_words, long_words))
    return vocabulary, query


# -- the word index ---------------------------------------------------------


class TestClose:
    """`WordIndex.close` finds exactly what a scan with difflib finds."""

    @pytest.mark.parametrize("letters_up_to", [0, 8192])
    @given(vocabulary_and_query(), CUTOFFS, st.sampled_from([0, 8]))
    @example((["khrushchev", "stalin", "brezhnev"], "kruschev"), 0.8, 8)
    @example((["ab", "abc", "ba", "a"], "ab"), 0.8, 8)
    @example((["abc", "bc", "ac"], "abc"), 0.8, 8)
    @example((["aaaa", "aaab", "abab"], "aaba"), 0.8, 8)
    @example((["ab" * 20, "ab" * 19 + "b"], "ab" * 20 + "a"), 0.8, 0)
    @example((["ab" * 110, "b" * 250, "a" * 199], "a" * 205), 0.8, 8)
    @example((["a" * 250 + "b", "ab"], "a" * 230), 0.8, 8)
    # Begun by the query, and long enough for difflib's junk heuristic.
    @example((["ab" * 100], "ab" * 90), 0.8, 8)
    @example((["ab" * 100], "aba"), 0.8, 8)
    def test_as_the_scan(
        self,
        letters_up_to: int,
        drawn: tuple[list[str], str],
        cutoff: float,
        short: int,
    ) -> None:
        """Every close word and its similarity, and nothing else."""
        vocabulary, query = drawn
        with pytest.MonkeyPatch.context() as patch:
            # Vocabularies up to *letters_up_to* words are read by their
            # letters, larger ones by their bigrams; postings up to
            # *short* long are read whole, not by place.
            patch.setattr(_wordindex, "_LETTERS_UP_TO", letters_up_to)
            patch.setattr(_wordindex, "_SHORT", short)
            index = WordIndex(vocabulary, cutoff=cutoff)
            found = {index.words[i]: s for i, s in index.close(query).items()}

        assert oracle_close(query, vocabulary, cutoff) == found

    def test_fewest_shared_bigrams_far_along(self) -> None:
        """A word sharing just enough bigrams, some past place 31, is near."""
        # 32 different letters matched in 17 runs (15 of two letters), the
        # runs parted by 16 letters left out, half in each word: a ratio of
        # exactly 0.8 and exactly the 15 shared bigrams the bound asks for.
        letters = iter(chr(0x3B1 + i) for i in range(60))
        runs = [
            [next(letters) for _ in range(2 if n < 15 else 1)]
            for n in range(17)
        ]
        query, word = "", ""
        for n, run in enumerate(runs):
            query += "".join(run) + (next(letters) if n < 16 and n % 2 else "")
            word += "".join(run) + (
                next(letters) if n < 16 and not n % 2 else ""
            )
        with pytest.MonkeyPatch.context() as patch:
            patch.setattr(_wordindex, "_LETTERS_UP_TO", 0)
            patch.setattr(_wordindex, "_SHORT", 0)
            found = WordIndex([word]).close(query)

        assert 0.8 == difflib.SequenceMatcher(None, word, query).ratio()
        assert {0: 0.8} == found

    @given(vocabulary_and_query())
    def test_close_words_is_the_scan(
        self, drawn: tuple[list[str], str]
    ) -> None:
        """`close_words`, the brute-force reference, agrees with the oracle."""
        vocabulary, query = drawn

        assert oracle_close(query, vocabulary) == close_words(
            query, vocabulary
        )

    @pytest.mark.parametrize("letters_up_to", [0, 8192])
    def test_bundled_words(self, letters_up_to: int) -> None:
        """Each word of the article, and a misspelling of it, as the scan."""
        vocabulary = list(dict.fromkeys(words(ss.article.text)))
        with pytest.MonkeyPatch.context() as patch:
            patch.setattr(_wordindex, "_LETTERS_UP_TO", letters_up_to)
            index = WordIndex(vocabulary)
        for word in vocabulary[::7]:
            for query in (word, word[:-1] + "x", word[1:], word[:3]):
                found = {
                    index.words[i]: s for i, s in index.close(query).items()
                }
                assert oracle_close(query, vocabulary) == found, query

    @pytest.mark.parametrize("cutoff", [0.69, 1.01, -1.0])
    def test_cutoff_out_of_range(self, cutoff: float) -> None:
        """Below 0.7 the bigrams would not narrow the search; refused."""
        with pytest.raises(InvalidValueError, match="cutoff"):
            WordIndex(["a"], cutoff=cutoff)

    def test_beginnings(self) -> None:
        """Words of three letters or more that begin the query, not itself."""
        index = WordIndex(["nikita", "ni", "nik", "nikitakhrushchev"])

        found = index.beginnings("nikitakhrushchev")

        assert ["nik", "nikita"] == [index.words[i] for i in found]


class TestQuery:
    """A `Query` shared by several indexes finds what a word finds in each."""

    @pytest.mark.parametrize("letters_up_to", [0, 8192])
    @given(
        st.lists(vocabularies, min_size=1, max_size=3),
        st.one_of(short_words, any_words, long_words),
        CUTOFFS,
        CUTOFFS,
    )
    @example([["stalinism", "stalin"], ["stalinism"]], "stalin", 0.8, 0.8)
    @example([["khrushchev"], ["khrushchev"]], "kruschev", 0.8, 0.9)
    def test_shared_as_alone(
        self,
        letters_up_to: int,
        vocabularies: list[list[str]],
        word: str,
        cutoff: float,
        asked: float,
    ) -> None:
        """The same words and scores, whatever the query's own cutoff."""
        query = Query(word, asked)
        for vocabulary in vocabularies:
            with pytest.MonkeyPatch.context() as patch:
                patch.setattr(_wordindex, "_LETTERS_UP_TO", letters_up_to)
                index = WordIndex(vocabulary, cutoff=cutoff)

            assert oracle_close(word, vocabulary, cutoff) == {
                index.words[i]: s for i, s in index.close(query).items()
            }


class TestBounds:
    """The arithmetic the index rests on."""

    @given(
        st.text("abcé", max_size=14),
        st.text("abcé", min_size=1, max_size=14),
    )
    @example("khrushchev", "kruschev")
    @example("ab" * 120, "ba" * 99)
    def test_matched_as_difflib(self, word: str, query: str) -> None:
        """The letters difflib matches, for a query short of its junk."""
        blocks = difflib.SequenceMatcher(
            None, word, query
        ).get_matching_blocks()

        assert sum(b.size for b in blocks) == _matched(
            word, _positions(query), len(query)
        )

    @given(
        st.text("abcé1\u0430", max_size=12),
        st.text("abcé1\u0430", max_size=12),
    )
    def test_letters_in_common(self, a: str, b: str) -> None:
        """The bits shared count the letters in common, at least."""
        common = sum(min(a.count(c), b.count(c)) for c in set(a))
        shared = (_signature(a) & _signature(b)).bit_count()

        assert shared >= common
        if a.isascii() and b.isascii():
            assert shared == common

    @given(st.lists(st.integers(0, 9), max_size=12), st.integers(1, 12))
    def test_at_least(self, counts: list[int], least: int) -> None:
        """The set of the words whose count, in binary digits, is enough."""
        digits = [
            sum(1 << n for n, count in enumerate(counts) if count >> at & 1)
            for at in range(max(counts, default=0).bit_length())
        ]

        assert _at_least(digits, least) == sum(
            1 << n for n, count in enumerate(counts) if count >= least
        )

    @given(st.integers(2, 200), st.sampled_from([0.7, 0.8, 0.9, 1.0]))
    def test_least_matched(self, total: int, cutoff: float) -> None:
        """The fewest matched characters whose ratio reaches the cutoff."""
        least = least_matched(total, cutoff)

        assert 2.0 * least / total >= cutoff
        assert least == 0 or 2.0 * (least - 1) / total < cutoff

    def test_short_pairs_of_the_search(self) -> None:
        """At 0.8 only 2 against 3 letters needs more than bigrams."""
        below = {
            (a, b)
            for a in range(1, 40)
            for b in range(1, 40)
            if route(a, b, 0.8)[0] not in {0, 1}
        }

        assert {(2, 3), (3, 2)} == below

    @given(st.text("ab", min_size=1, max_size=9), st.text("ab", max_size=9))
    def test_shared_bigrams_bound(self, a: str, b: str) -> None:
        """Near words share at least 3M - T - 1 bigram occurrences."""
        matcher = difflib.SequenceMatcher(None, a, b)
        matched = sum(block.size for block in matcher.get_matching_blocks())
        shared = sum(
            min(
                [a[i : i + 2] for i in range(len(a) - 1)].count(g),
                [b[i : i + 2] for i in range(len(b) - 1)].count(g),
            )
            for g in {a[i : i + 2] for i in range(len(a) - 1)}
        )

        assert shared >= 3 * matched - len(a) - len(b) - 1


class TestPostings:
    """`Postings` keeps lists of ints flat."""

    @given(st.lists(st.lists(st.integers(0, 2**31 - 1))))
    def test_round_trip(self, lists: list[list[int]]) -> None:
        """Each list comes back as it went in."""
        postings = Postings(lists)

        assert len(lists) == len(postings)
        assert lists == [list(postings[i]) for i in range(len(lists))]


# -- search on the index ----------------------------------------------------

SAID = ss.Evidence(start=0, end=3, exact="Zed")
phrases = st.lists(
    st.sampled_from(["the", "of", "a", "ab", "abc", "abd", "bca", "aé", "cab"])
    | st.text("abcé'", min_size=1, max_size=7),
    min_size=1,
    max_size=5,
).map(" ".join)


@st.composite
def people(draw: st.DrawFn) -> list[ss.Person]:
    """Draw a few people with overlapping names and descriptions."""
    return [
        ss.Person(
            id=f"p{n}",
            name=draw(phrases.filter(str.strip)),
            aliases=draw(
                st.lists(phrases.filter(str.strip), max_size=2, unique=True)
            ),
            description=draw(phrases),
            evidence=[SAID],
        )
        for n in range(draw(st.integers(1, 8)))
    ]


class TestScores:
    """Search scores exactly what it scored when it read every word."""

    @given(people(), phrases)
    @example(
        # A field of stop words only, two of which match.
        [ss.Person(id="p", name="Of the", description="x", evidence=[SAID])],
        "the of",
    )
    def test_generated(self, records: list[ss.Person], text: str) -> None:
        """Any people, any words."""
        collection = ss.Collection(records)

        assert oracle_scores(records, text) == scores_in(collection, text)

    @pytest.mark.parametrize(
        "name", ["people", "events", "quotations", "claims", "notes"]
    )
    def test_bundled(self, name: str) -> None:
        """Words of the bundled records, misspelt, alone and together."""
        collection = getattr(ss, name)
        records = list(collection)
        vocabulary = sorted(
            {w for r in records for n in names_of(r) for w in words(n)}
        )
        queries = [
            "the secret speech",
            "Kruschev",
            "the",
            "of the",
            *vocabulary[::11],
            *(w[:-1] + "e" for w in vocabulary[3::13]),
            *(" ".join(vocabulary[i : i + 3]) for i in range(0, 60, 20)),
        ]
        for text in queries:
            assert oracle_scores(records, text) == scores_in(collection, text)


#: The collections of a corpus, in its order.
NAMES = tuple(schema.name for schema in ss.SCHEMA)


class TestShared:
    """One index for several collections finds what each finds alone."""

    QUERIES = (
        "Kruschev",
        "the secret speach",
        "Stalin",
        "the",
        "the of and a in",
        "stalin " * 40,
        "Trotsky killed in Mexico",
        "as many as 29 million",
        "khrushchev stalinn speach hungry revolutoin kitens trotski",
        "zzyzx",
        "Hungarian Revolution",
        # An exact id, which ranks first only for being exact.
        "critics-of-stalin",
        "",
    )

    @pytest.mark.parametrize("text", QUERIES)
    def test_bundled_ranking(self, text: str) -> None:
        """The corpus's records, in the order the collections give them."""
        corpus = ss.corpus()
        collections = [getattr(corpus, name) for name in NAMES]

        assert ranked(collections, text, limit=None) == corpus.search(text)
        assert ranked(collections, text, limit=3) == Words(collections).search(
            text, limit=3
        )

    @given(people(), people(), phrases)
    @example(
        [ss.Person(id="p0", name="Ab", description="x", evidence=[SAID])],
        [ss.Person(id="p1", name="ab", description="ab", evidence=[SAID])],
        "ab",
    )
    def test_generated(
        self, first: list[ss.Person], second: list[ss.Person], text: str
    ) -> None:
        """Two collections of people, the same ids or not, any words."""
        collections = [ss.Collection(first), ss.Collection(second)]

        assert ranked(collections, text, limit=None) == Words(
            collections
        ).search(text, limit=None)

    @pytest.mark.parametrize(
        "name", ["Kruschev", "secret speach", "xtalin", "nikitakhrushchev"]
    )
    def test_suggestions(self, name: str) -> None:
        """A miss suggests the same names, each shown as first spelt."""
        corpus = ss.corpus()
        collections = [getattr(corpus, n) for n in NAMES]

        assert str(missing(collections, name, "record")) == str(
            Words(collections).missing(name, "record")
        )
        with pytest.raises(NotFoundError) as caught:
            corpus.lookup(name)
        assert str(missing(collections, name, "record")) == str(caught.value)

    def test_built_on_first_search(self) -> None:
        """The words of a corpus are read when it is first searched."""
        words = Words([ss.corpus().people])

        assert words._text is None
        words.search("Stalin", limit=1)
        assert words._text is not None


class TestLaziness:
    """The words are read on the first search, once for all relatives."""

    def test_built_on_first_search(self) -> None:
        """A collection never searched never reads its words."""
        collection = ss.Collection(list(ss.people))

        assert base_of(collection)._text is None
        collection.where(bool).search("Stalin")
        assert base_of(collection)._text is not None

    def test_no_suggestions_for_a_blank_name(self) -> None:
        """The suggestions of a blank name are never worked out."""

        def never() -> Any:
            raise AssertionError
            yield  # pragma: no cover -- a generator that never yields

        error = not_found("person", "  ", never())

        assert "blank name" in str(error)


# -- suggestions ------------------------------------------------------------


def suggested(collection: ss.Collection[Any], name: str) -> str:
    """Return what a failed lookup of *name* suggests."""
    with pytest.raises(NotFoundError) as caught:
        collection.lookup(name)
    return str(caught.value).partition("; ")[2]


def named(*names: str) -> ss.Collection[ss.Person]:
    """Make people of these names."""
    return ss.Collection(
        ss.Person(id=f"p{n}", name=name, description="A man.", evidence=[SAID])
        for n, name in enumerate(names)
    )


class TestSuggestions:
    """A suggestion holds a word close to one of the name looked up."""

    def test_misspelt_word(self) -> None:
        """A name holding a misspelling of the word is suggested."""
        assert "did you mean 'Khrushchev' or 'Nikita Khrushchev'?" == (
            suggested(ss.people, "Kruschev")
        )

    def test_start_of_a_word(self) -> None:
        """A name holding a word that the query begins is suggested."""
        assert "did you mean 'Hungarian Revolution'?" == suggested(
            named("Hungarian Revolution", "Polish October"), "hungar rising"
        )

    def test_word_that_begins_the_query(self) -> None:
        """Words run together: a name holding the first one is suggested."""
        assert "did you mean 'Nikita Khrushchev'?" == suggested(
            named("Nikita Khrushchev", "Nina Petrovna"), "nikitakhrushchev"
        )

    def test_alike_without_a_close_word(self) -> None:
        """A name alike as a whole, but sharing no close word, is not."""
        # "ab cd" and "abcd" score 0.89 as wholes; neither "ab" nor "cd" is
        # close to "abcd" as a word, nor three letters that begin it.
        assert "no name is close" == suggested(named("Ab Cd"), "abcd")

    def test_closest_first_three_at_most(self) -> None:
        """Among the candidates, the closest as wholes, three at most."""
        # As wholes: 0.94, 0.89, 0.88 and 0.82; "Zed" alone 0.5.
        people = named("Zed Tray", "Zed Tro", "Zed", "Zed Troya", "Zed Troy")

        assert (
            "did you mean 'Zed Troy', 'Zed Troya' or 'Zed Tro'?"
            == suggested(people, "Zed Troyy")
        )

    def test_only_the_collection_s_names(self) -> None:
        """A sub-collection suggests only the names it keeps."""
        people = named("Zed Troy", "Zed Troya")

        assert "did you mean 'Zed Troya'?" == suggested(
            people[1:], "Zed Troyy"
        )

    def test_search_when_no_name_is_close(self) -> None:
        """With no name close, the records search ranks first are offered."""
        found = suggested(ss.groups, "xtalin")

        assert found.startswith("did you mean 'Stalin and his supporters'")
