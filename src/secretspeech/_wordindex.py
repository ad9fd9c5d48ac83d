"""
The words of a vocabulary, found by exact, prefix and near spelling.

`secretspeech._text.close_words` says which words of a vocabulary a query
word may mean by asking difflib about every word. `WordIndex` gives the
same answer for the same words, and asks difflib only about words that
could pass:

- the word itself is a dictionary lookup;
- the words a query of three letters or more begins lie together in the
  sorted vocabulary, found by bisection;
- a near spelling (``ratio() >= cutoff``) must be about as long as the
  query and share enough two-letter pieces (bigrams) with it, at about
  the same places.

Why the bigrams: difflib's ratio is ``2M/T``, where *T* is the length of
both words together and *M* the characters of its matching blocks. Blocks
that touch in both words make one longer common run, and between two runs
lies at least one character left unmatched, in one word or the other, so
there are at most ``T - 2M + 1`` runs. A run of *s* characters holds
``s - 1`` bigrams found in both words, so the words share at least
``M - (T - 2M + 1) = 3M - T - 1`` of them, each at a different place of
the query. With *M* the least number of matched characters whose ratio
reaches the cutoff for a given pair of lengths (*a* for the query, *b*
for the word), that is a threshold a word must meet to be worth asking
difflib about. And a bigram of a run, at place *i* of the query and *j*
of the word, has ``j - i`` between ``-(a - M)`` and ``b - M``: the
characters left unmatched before it, in the word less in the query. None
of this depends on which blocks difflib finds (nor on its heuristic for
long sequences): any blocks of that size would do.

For the cutoff 0.8 the threshold is at least one whenever ``T >= 6``. The
pairs of lengths below that are a word of two letters against one of
three, whose matched characters must be all of the shorter word, so one
is the other with a letter left out: those are found in a table of the
three-letter words with a letter left out. (For lower cutoffs there are
more such pairs, and words of the lengths they allow are all asked
about.)

Then, before difflib, two cheap tests that every near word passes: the
two words have at least *M* characters in common, counted with their
repeats; and where *M* must be all of the shorter word, the shorter word
is a subsequence of the longer.

Building the index reads each word once and never asks difflib.
"""

from __future__ import annotations

import bisect
import collections
import difflib
import functools
import itertools
import math
import operator
import re
from array import array
from collections.abc import Callable, Iterable, Iterator, Sequence

from secretspeech._text import PREFIX_SIMILARITY, WORD_CUTOFF, similarity
from secretspeech.exceptions import InvalidValueError


__all__ = ["Postings", "Query", "WordIndex"]

# How a query word of one length finds near words of another.
_NONE = 0  # no word of that length can pass (or only the word itself)
_GRAMS = 1  # words sharing enough bigrams at about the same places
_DELETIONS = 2  # one word is the other with a letter left out
_SCAN = 3  # every word of that length

#: Places of a bigram from this one on are kept as this one: a word of
#: more letters is found by its first ones, and by any bigram after them.
_LAST_PLACE = 31
#: Postings this short are read whole rather than by place.
_SHORT = 8


def least_matched(total: int, cutoff: float) -> int:
    """
    Return the fewest matched characters whose ratio reaches *cutoff*.

    The ratio is computed as difflib computes it, ``2.0 * M / total``, so
    the answer agrees with difflib's own comparison to the last bit.

    >>> least_matched(10, 0.8), least_matched(5, 0.8)
    (4, 2)
    """
    matched = max(0, math.ceil(cutoff * total / 2) - 1)
    while 2.0 * matched / total < cutoff:
        matched += 1
    return matched


def route(query: int, word: int, cutoff: float) -> tuple[int, int]:
    """
    Say how words of length *word* near a query of length *query* are found.

    Returns:
        The way (`_GRAMS`, `_DELETIONS`, `_SCAN` or `_NONE`) and, for
        `_GRAMS`, the least number of places of the query whose bigram
        such a word shares.

    >>> route(8, 9, 0.8), route(2, 3, 0.8), route(1, 1, 0.8)
    ((1, 3), (2, 0), (0, 0))
    """
    total = query + word
    shorter = min(query, word)
    matched = least_matched(total, cutoff)
    if matched > shorter:
        return _NONE, 0
    shared = 3 * matched - total - 1
    if shared >= 1:
        return _GRAMS, shared
    if matched == shorter and query == word:
        # Every character matched: only the word itself, found exactly.
        return _NONE, 0
    if matched == shorter and abs(query - word) == 1:
        return _DELETIONS, 0
    return _SCAN, 0


def _short_pairs(cutoff: float) -> Iterator[tuple[int, int, int]]:
    """Yield the pairs of lengths whose bigram threshold is below one."""
    # 3M - T - 1 >= 1 once T * (1.5 * cutoff - 1) >= 2; a margin of two
    # covers the rounding of M.
    longest = math.ceil(2 / (1.5 * cutoff - 1)) + 2
    for total in range(2, longest + 1):
        for query in range(1, total):
            way, _ = route(query, total - query, cutoff)
            if way in {_DELETIONS, _SCAN}:
                yield query, total - query, way


def _variants(word: str) -> dict[str, None]:
    """Return *word* with each of its letters left out, once each."""
    return dict.fromkeys(word[:i] + word[i + 1 :] for i in range(len(word)))


def _within(word: str, text: str) -> bool:
    """Tell whether *word* is a subsequence of *text*."""
    rest = iter(text)
    return all(c in rest for c in word)


class Postings:
    """
    Lists of ints, one for each int from 0, stored flat in two arrays.

    Much smaller than a list of tuples: four bytes an item, and four a
    list.

    >>> postings = Postings([[0, 2], [], [1]])
    >>> len(postings), list(postings[0]), list(postings[1])
    (3, [0, 2], [])
    """

    __slots__ = ("_flat", "_starts")

    def __init__(self, lists: Sequence[Sequence[int]]) -> None:
        self._flat = array("i", itertools.chain.from_iterable(lists))
        self._starts = array(
            "i", itertools.accumulate(map(len, lists), initial=0)
        )

    @classmethod
    def grouped(
        cls, keys: Sequence[int], values: Sequence[int], size: int
    ) -> Postings:
        """
        Gather *values* under their *keys*, from 0 to *size* - 1.

        Each list holds the values of its key in ascending order.

        >>> postings = Postings.grouped([2, 0, 2], [5, 6, 1], 3)
        >>> [list(postings[i]) for i in range(3)]
        [[6], [], [1, 5]]
        """
        # One sort of ints, in C, rather than a list per key: building a
        # list per word of a large vocabulary costs most in the collector.
        codes = sorted(map(operator.or_, map(_HIGH.__mul__, keys), values))
        self = cls.__new__(cls)
        self._flat = array("i", map(_LOW.__and__, codes))
        counts = collections.Counter(keys)
        self._starts = array(
            "i",
            itertools.accumulate(
                map(counts.get, range(size), itertools.repeat(0)), initial=0
            ),
        )
        return self

    def __len__(self) -> int:
        return len(self._starts) - 1

    def __getitem__(self, index: int) -> array[int]:
        return self._flat[self._starts[index] : self._starts[index + 1]]


# A key and a value in one int: the key above bit 32, the value below.
_HIGH = 1 << 32
_LOW = _HIGH - 1


class _Grams:
    """
    The bigrams of a vocabulary's words, by bigram, word length and place.

    For each bigram and length, one sorted array of ``place << shift |
    id``: the words holding the bigram at places from *lo* to *hi* are
    one slice of it. A bigram first, so that a query's bigram that no
    word holds costs one lookup, not one for each length.
    """

    __slots__ = ("mask", "postings", "shift")

    def __init__(self, words: Sequence[str]) -> None:
        self.shift = max(26, len(words).bit_length())
        self.mask = (1 << self.shift) - 1
        # Four bytes an entry while place and id fit in a signed int.
        typecode = "i" if self.shift <= 26 else "q"
        longest = max(map(len, words), default=0)
        places = [min(p, _LAST_PLACE) << self.shift for p in range(longest)]
        found: dict[int, collections.defaultdict[str, list[int]]] = {}
        for i, word in enumerate(words):
            postings = found.get(len(word))
            if postings is None:
                postings = found[len(word)] = collections.defaultdict(list)
            # The bigrams of the word, each with its place.
            for gram, place in zip(
                map(operator.add, word, word[1:]), places, strict=False
            ):
                postings[gram].append(place | i)
        self.postings: dict[str, dict[int, array[int]]] = {}
        for size, by_gram in found.items():
            for gram, entries in by_gram.items():
                self.postings.setdefault(gram, {})[size] = array(
                    typecode, sorted(entries)
                )

    def sharing(
        self, grams: Sequence[str], plan: _Plan, words: Sequence[str]
    ) -> list[int]:
        """
        Return the words sharing enough bigrams with a query.

        Args:
            grams: The bigrams of the query, in order.
            plan: The lengths of words to return (`_Plan.grams`), each
                with how many places of the query must have their bigram
                in the word and how far from a place of the query the
                word's bigram may be.
            words: The vocabulary, for the length of each word.

        Returns:
            The ids of those words, each once, and maybe of a few more.
        """
        postings = self.postings
        shift = self.shift
        lengths = plan.grams
        slices = []
        for i, gram in enumerate(grams):
            by_length = postings.get(gram)
            if by_length is None:
                continue
            for length, before, after in lengths:
                posting = by_length.get(length)
                if posting is None:
                    continue
                if len(posting) > _SHORT:
                    # Places before 0 or after the last are kept as those.
                    lo = min(max(0, i + before), _LAST_PLACE) << shift
                    hi = min(i + after, _LAST_PLACE + 1) << shift
                    start = bisect.bisect_left(posting, lo)
                    posting = posting[
                        start : bisect.bisect_left(posting, hi, start)
                    ]
                slices.append(posting)
        if not slices:
            return []
        # Counted in C. A word holding a bigram at several places near one
        # of the query's (or anywhere, in a short posting taken whole) is
        # counted more than once: a few more candidates, never fewer.
        counts = collections.Counter(
            map(self.mask.__and__, itertools.chain.from_iterable(slices))
        )
        shared = plan.shared
        return [i for i, n in counts.items() if n >= shared[len(words[i])]]


class Query:
    """
    A query word, with what asking an index about it needs, made once.

    One search asks the indexes of several collections about the same
    words; a `Query` shared between them makes the query's difflib
    matcher, letter counts, bigrams and plan once, and asks difflib about
    each word of the vocabularies once, however many of them hold it.

    To tell cheaply which candidates cannot be near the query, before
    difflib: difflib matches each of its *M* characters to an equal one of
    the other word, in order; so *M* is at most the characters the two
    words have in common, and if *M* must be all of the shorter word, the
    shorter word is a subsequence of the longer one.

    Args:
        word: A normalised word.
        cutoff: The least difflib ratio of a near spelling.

    >>> query = Query("kruschev")
    >>> WordIndex(["khrushchev", "stalin"]).close(query)
    {0: 0.8888888888888888}
    >>> WordIndex(["khrushchev", "brezhnev"]).close(query)
    {0: 0.8888888888888888}
    """

    __slots__ = (
        "_counts",
        "_matcher",
        "_near",
        "_prefixed",
        "_sieves",
        "_subsequence",
        "cutoff",
        "grams",
        "plan",
        "word",
    )

    def __init__(self, word: str, cutoff: float = WORD_CUTOFF) -> None:
        self.word = word
        self.cutoff = cutoff
        self.grams = list(map(operator.add, word, word[1:]))
        self.plan = _plan(len(word), cutoff)
        self._counts: collections.Counter[str] | None = None
        self._subsequence: re.Pattern[str] | None = None
        self._matcher: difflib.SequenceMatcher[str] | None = None
        self._sieves: dict[int, Callable[[str], bool]] = {}
        # What difflib said of each word asked about, and of each word the
        # query begins.
        self._near: dict[str, float | None] = {}
        self._prefixed: dict[str, float] = {}

    def near(self, word: str) -> float | None:
        """Return difflib's ratio of *word* against the query if near."""
        if word in self._near:
            return self._near[word]
        sieve = self._sieves.get(len(word))
        if sieve is None:
            sieve = self._sieves[len(word)] = self._sieve(len(word))
        score = self._ratio(word) if sieve(word) else None
        self._near[word] = score
        return score

    def prefixed(self, word: str) -> float:
        """Return `similarity` of a word that the query begins, cheaply."""
        score = self._prefixed.get(word)
        if score is None:
            score = self._prefixed[word] = _prefix_similarity(self.word, word)
        return score

    def _sieve(self, length: int) -> Callable[[str], bool]:
        """Return a test that the near words of *length* all pass."""
        query = self.word
        size = len(query)
        least = self.plan.least[length]
        if least < min(size, length):
            counts = self._counts
            if counts is None:
                counts = self._counts = collections.Counter(query)
            return lambda word: (
                sum(map(counts.__getitem__, counts.keys() & set(word)))
                >= least
            )
        if length < size:
            return lambda word: _within(word, query)
        pattern = self._subsequence
        if pattern is None:
            # The query's characters in order, each matched as early as it
            # can be and never given back: a test in linear time.
            pattern = self._subsequence = re.compile(
                "".join(f"[^{c}]*+{c}" for c in map(re.escape, query))
            )
        return lambda word: pattern.match(word) is not None

    def _ratio(self, word: str) -> float | None:
        """Return difflib's ratio of *word* against the query if near."""
        matcher = self._matcher
        if matcher is None:
            matcher = self._matcher = difflib.SequenceMatcher(
                None, b=self.word
            )
        # The very steps of close_words, so the scores are the same.
        matcher.set_seq1(word)
        if (
            matcher.real_quick_ratio() >= self.cutoff
            and matcher.quick_ratio() >= self.cutoff
        ):
            score = matcher.ratio()
            if score >= self.cutoff:
                return score
        return None


class WordIndex:
    """
    The words of a vocabulary, found by exact, prefix and near spelling.

    Args:
        words: The vocabulary, different normalised words; a word's id is
            its position.
        cutoff: The least difflib ratio of a near spelling, from 0.7 to 1.

    Raises:
        InvalidValueError: If *cutoff* is below 0.7 or above 1.

    >>> index = WordIndex(["khrushchev", "stalin", "speech", "speeches"])
    >>> sorted(index.close("kruschev").items())
    [(0, 0.8888888888888888)]
    >>> sorted(index.close("speech").items())
    [(2, 1.0), (3, 0.9)]
    """

    __slots__ = (
        "_by_length",
        "_grams",
        "_left_out",
        "_sorted",
        "cutoff",
        "ids",
        "words",
    )

    def __init__(
        self, words: Iterable[str], /, *, cutoff: float = WORD_CUTOFF
    ) -> None:
        if not 0.7 <= cutoff <= 1:
            # At 2/3 and below the bigram threshold never grows past zero,
            # and just above it only for very long words.
            raise InvalidValueError(
                f"cutoff must be from 0.7 to 1, got {cutoff!r}"
            )
        self.cutoff = cutoff
        self.words = tuple(words)
        self.ids = {word: i for i, word in enumerate(self.words)}
        self._sorted = sorted(self.words)
        self._grams = _Grams(self.words)
        # Only the lengths that the short pairs of this cutoff ask for.
        left_out: set[int] = set()
        scanned: set[int] = set()
        for query, length, way in _short_pairs(cutoff):
            if way == _SCAN:
                scanned.add(length)
            elif length > query:
                left_out.add(length)
        variants: dict[str, list[int]] = {}
        by_length: dict[int, list[int]] = {size: [] for size in scanned}
        for i, word in enumerate(self.words):
            if len(word) in left_out:
                for variant in _variants(word):
                    variants.setdefault(variant, []).append(i)
            if len(word) in scanned:
                by_length[len(word)].append(i)
        self._left_out = {k: tuple(v) for k, v in variants.items()}
        self._by_length = {k: tuple(v) for k, v in by_length.items()}

    def close(self, query: str | Query, /) -> dict[int, float]:
        """
        Find the words *query* may mean, as `close_words` finds them.

        The word itself scores 1; a word that a query of three letters or
        more begins scores its `similarity`; any other word scores its
        difflib ratio against the query if that reaches the cutoff.

        Args:
            query: A normalised word, or a `Query` of one shared with
                other indexes.

        Returns:
            The id of each close word with its similarity, in no
            particular order.

        >>> WordIndex(["stalin", "stalinism", "satlin"]).close("stalin")
        {0: 1.0, 1: 0.9, 2: 0.8333333333333334}
        """
        if isinstance(query, str):
            query = Query(query, self.cutoff)
        elif query.cutoff != self.cutoff:
            query = Query(query.word, self.cutoff)
        word = query.word
        found: dict[int, float] = {}
        own = self.ids.get(word)
        if own is not None:
            found[own] = 1.0
        if len(word) >= 3:
            for begun in self._begun_by(word):
                found[self.ids[begun]] = query.prefixed(begun)
        words = self.words
        for i in self._near(query):
            if i not in found:
                score = query.near(words[i])
                if score is not None:
                    found[i] = score
        return found

    def beginnings(self, query: str, /) -> list[int]:
        """
        Return the ids of the words of three letters or more that begin *query*.

        The word itself is left out.

        >>> WordIndex(["nikita", "ni", "nik", "khrushchev"]).beginnings(
        ...     "nikitakhrushchev"
        ... )
        [2, 0]
        """  # noqa: E501 -- the summary is one line
        return [
            i
            for size in range(3, len(query))
            if (i := self.ids.get(query[:size])) is not None
        ]

    def _begun_by(self, query: str) -> Iterator[str]:
        """Yield the words longer than *query* that it begins."""
        ordered = self._sorted
        at = bisect.bisect_right(ordered, query)
        while at < len(ordered) and ordered[at].startswith(query):
            yield ordered[at]
            at += 1

    def _near(self, query: Query) -> list[int]:
        """
        Return the ids of the words that may be near *query*.

        Each once, and among them every near one, of every length that
        the query's plan allows.
        """
        plan = query.plan
        found: list[int] = []
        if plan.grams:
            found = self._grams.sharing(query.grams, plan, self.words)
        for length in plan.deletions:
            if length > len(query.word):
                found.extend(self._left_out.get(query.word, ()))
            else:
                variants = map(self.ids.get, _variants(query.word))
                found.extend(i for i in variants if i is not None)
        for length in plan.scanned:
            found.extend(self._by_length.get(length, ()))
        return found


class _Plan:
    """
    How to find the near words of a query of some length.

    Attributes:
        grams: For each length of word found by its bigrams, the length
            and how far from a place of the query (``before`` to
            ``after``, excluded) the word's bigram may be.
        shared: For those lengths, how many places of the query must have
            their bigram in the word (see `route`).
        deletions: The lengths found as a letter left out or added.
        scanned: The lengths whose every word is asked about.
        least: For every length of the plan, the least number of
            characters difflib must match for the ratio to reach the
            cutoff.
    """

    __slots__ = ("deletions", "grams", "least", "scanned", "shared")

    def __init__(self, size: int, cutoff: float) -> None:
        self.grams: list[tuple[int, int, int]] = []
        self.shared: dict[int, int] = {}
        self.deletions: list[int] = []
        self.scanned: list[int] = []
        self.least: dict[int, int] = {}
        # Every length whose ratio against the query can reach the cutoff
        # (``2 * shorter / total >= cutoff``).
        low = math.floor(size * cutoff / (2 - cutoff))
        high = math.ceil(size * (2 - cutoff) / cutoff)
        for length in range(max(1, low), high + 1):
            way, shared = route(size, length, cutoff)
            least = least_matched(size + length, cutoff)
            if way == _GRAMS:
                self.grams.append((length, least - size, length - least + 1))
                self.shared[length] = shared
            elif way == _DELETIONS:
                self.deletions.append(length)
            elif way == _SCAN:
                self.scanned.append(length)
            else:
                continue
            self.least[length] = least


@functools.lru_cache(maxsize=256)
def _plan(size: int, cutoff: float) -> _Plan:
    """Return how to find the near words of a query of *size* letters."""
    return _Plan(size, cutoff)


def _prefix_similarity(query: str, word: str) -> float:
    """Return `similarity` of a word that *query* begins, cheaply."""
    # difflib matches at most the query's letters, so the ratio is at most
    # 2 * len(query) / total; below PREFIX_SIMILARITY it cannot count.
    if 2.0 * len(query) / (len(query) + len(word)) <= PREFIX_SIMILARITY:
        return PREFIX_SIMILARITY
    return similarity(query, word)
