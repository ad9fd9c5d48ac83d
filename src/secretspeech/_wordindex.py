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

A vocabulary of a few thousand words keeps, for each bigram, the set of
its words that hold it as the bits of an int, and counts a query's
bigrams with a few ``&`` and ``|`` of those ints in C, leaving the places
aside: more words are found, never fewer, and the count is only a first
test. A larger vocabulary keeps postings by bigram, length and place.

Then, before difflib, a test that every near word passes: the two words
have at least *M* characters in common, counted with their repeats
(difflib's ``quick_ratio``). Each word's letters are kept as the bits of
one int, a bit for each letter and each repeat of it, so the test is an
``&`` and a count of bits, made in C for all the candidates at once.

Last, difflib's own matching (the longest block in common, then the same
on each side of it) is done here without the objects difflib makes for
it: for a query of fewer than 200 letters difflib's junk heuristic does
not apply, and the blocks, so the ratio, are difflib's to the last bit.

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
from collections.abc import Iterable, Iterator, Sequence

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
#: Vocabularies up to this many words are read by their `_Letters`.
_LETTERS_UP_TO = 8192
#: From this many letters in its second sequence, difflib leaves out the
#: letters it finds popular, and its blocks are no longer the plain ones.
_JUNK_LENGTH = 200
#: A letter's repeats in a signature are this many bits apart: the letters
#: and digits of ASCII each have a bit of their own (``ord(c) % 75``).
_LETTER_BITS = 75


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


def _signature(word: str) -> int:
    """
    Return the letters of *word* as bits: a bit for each letter and repeat.

    The bit of a letter's *k*-th repeat is ``k * _LETTER_BITS`` above its
    first, so the bits two signatures share count the letters two words
    have in common, with their repeats. Letters that share a bit (ASCII
    ones never do) are counted as one letter: the count can only grow.

    >>> bin(_signature("aba") & _signature("ab")).count("1")
    2
    """
    letters = 0
    for letter in word:
        bit = 1 << ord(letter) % _LETTER_BITS
        # The first repeat of the letter's bit not yet set.
        while letters & bit:
            bit <<= _LETTER_BITS
        letters |= bit
    return letters


def _positions(word: str) -> dict[str, list[int]]:
    """Return where each letter of *word* is, in order (difflib's b2j)."""
    found: dict[str, list[int]] = {}
    for i, letter in enumerate(word):
        found.setdefault(letter, []).append(i)
    return found


def _matched(word: str, positions: dict[str, list[int]], size: int) -> int:
    """
    Return how many letters difflib matches between *word* and a query.

    The query is the second sequence, of *size* letters (fewer than
    `_JUNK_LENGTH`, so no letter is junk), given by its `_positions`. The
    steps are difflib's ``get_matching_blocks`` and ``find_longest_match``:
    the longest block in common, the first in *word* and then in the
    query if several are as long; then the same on each side of it.
    Without junk, difflib's extensions of a block change nothing.

    >>> _matched("khrushchev", _positions("kruschev"), 8)
    8
    """
    total = 0
    todo = [(0, len(word), 0, size)]
    while todo:
        alo, ahi, blo, bhi = todo.pop()
        besti = bestj = bestsize = 0
        # The longest run of matches ending at each place of the query,
        # for the letter before.
        ending: dict[int, int] = {}
        for i in range(alo, ahi):
            now: dict[int, int] = {}
            for j in positions.get(word[i], ()):
                if j < blo:
                    continue
                if j >= bhi:
                    break
                k = now[j] = ending.get(j - 1, 0) + 1
                if k > bestsize:
                    besti, bestj, bestsize = i - k + 1, j - k + 1, k
            ending = now
        if bestsize:
            total += bestsize
            if alo < besti and blo < bestj:
                todo.append((alo, besti, blo, bestj))
            if besti + bestsize < ahi and bestj + bestsize < bhi:
                todo.append((besti + bestsize, ahi, bestj + bestsize, bhi))
    return total


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


class _Letters:
    """
    A small vocabulary's words by the letters they hold.

    Sets of words are ints, a bit for each word, the words in order of
    length so that those of one length are a run of bits. For each letter
    and each *k*, the set of the words holding it at least *k* times. The
    letters of a query, each repeat apart, add up in a counter whose
    digits are such sets (a counter for every word at once, bit-sliced),
    so that the words with at least *M* letters in common with the query
    (difflib's ``quick_ratio`` bound), for the *M* of each length, are
    found by a few dozen operations on ints, in C, however many words
    hold each letter. For a vocabulary of a few thousand words that costs
    less than reading postings of bigrams, and the bound it checks is
    difflib's own.
    """

    __slots__ = ("holding", "of_length", "order")

    def __init__(self, words: Sequence[str]) -> None:
        lengths = list(map(len, words))
        self.order = array(
            "i", sorted(range(len(words)), key=lengths.__getitem__)
        )
        holding: dict[str, list[list[int]]] = {}
        of_length: dict[int, list[int]] = {}
        for n, i in enumerate(self.order):
            word = words[i]
            of_length.setdefault(len(word), []).append(n)
            for letter, count in collections.Counter(word).items():
                repeats = holding.setdefault(letter, [])
                repeats.extend([] for _ in range(count - len(repeats)))
                for k in range(count):
                    repeats[k].append(n)
        self.holding = {
            letter: [_bits(ns) for ns in repeats]
            for letter, repeats in holding.items()
        }
        self.of_length = {size: _bits(ns) for size, ns in of_length.items()}

    def near(self, query: Query) -> list[int]:
        """
        Return the ids of the words that may be near *query*.

        Each once: the words of the lengths of the query's plan with at
        least as many letters in common with it as difflib must match.
        """
        # The digits of each word's count of letters in common, lowest
        # first, each a set of words.
        digits: list[int] = []
        word = query.word
        # Counted by str.count: a query is short, and a Counter costs more
        # to make than its few letters cost to count.
        for letter in dict.fromkeys(word):
            for held in self.holding.get(letter, ())[: word.count(letter)]:
                carry = held
                for at, digit in enumerate(digits):
                    digits[at] = digit ^ carry
                    carry &= digit
                    if not carry:
                        break
                else:
                    digits.append(carry)
        found = 0
        counted: dict[int, int] = {}
        for size, least in query.plan.least.items():
            of_length = self.of_length.get(size)
            if of_length is not None:
                enough = counted.get(least)
                if enough is None:
                    enough = counted[least] = _at_least(digits, least)
                found |= enough & of_length
        text = format(found, "b")
        top = len(text) - 1
        return [self.order[top - m.start()] for m in _ONE.finditer(text)]


def _at_least(digits: list[int], least: int) -> int:
    """
    Return the set of words whose count is at least *least* (one or more).

    >>> bin(_at_least([0b0110, 0b1100], 2))  # counts 0, 1, 3, 2
    '0b1100'
    """
    if least >> len(digits):
        return 0
    # More than least - 1: the words whose digits, from the highest, are
    # equal to its digits so far and then greater at one.
    bound = least - 1
    above = 0
    equal = -1
    for at in range(len(digits) - 1, -1, -1):
        digit = digits[at]
        if bound >> at & 1:
            equal &= digit
        else:
            above |= equal & digit
            equal &= ~digit
    return above


def _bits(ns: Iterable[int]) -> int:
    """Return the int with the bits *ns* set."""
    found = bytearray()
    for n in ns:
        byte = n >> 3
        if byte >= len(found):
            found.extend(bytes(byte + 1 - len(found)))
        found[byte] |= 1 << (n & 7)
    return int.from_bytes(found, "little")


_ONE = re.compile("1")


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

    One search may ask the indexes of several collections about the same
    words; a `Query` shared between them makes the query's bigrams, plan,
    letters and positions once, and asks about each word of the
    vocabularies once, however many of them hold it.

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
        "_letters",
        "_near",
        "_positions",
        "_prefixed",
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
        self._letters: int | None = None
        self._positions: dict[str, list[int]] | None = None
        # What was found of each word asked about, and of each word the
        # query begins.
        self._near: dict[str, float | None] = {}
        self._prefixed: dict[str, float] = {}

    def letters(self) -> int:
        """Return the query's `_signature`."""
        letters = self._letters
        if letters is None:
            letters = self._letters = _signature(self.word)
        return letters

    def near(self, word: str) -> float | None:
        """Return difflib's ratio of *word* against the query if near."""
        if word in self._near:
            return self._near[word]
        score = self._near[word] = self._ratio(word)
        return score

    def prefixed(self, word: str) -> float:
        """Return `similarity` of a word that the query begins, cheaply."""
        score = self._prefixed.get(word)
        if score is None:
            score = self._prefixed[word] = _prefix_similarity(self.word, word)
        return score

    def _ratio(self, word: str) -> float | None:
        """Return difflib's ratio of *word* against the query if near."""
        query = self.word
        if len(query) < _JUNK_LENGTH:
            positions = self._positions
            if positions is None:
                positions = self._positions = _positions(query)
            # difflib's ratio, computed as difflib computes it.
            matched = _matched(word, positions, len(query))
            score = 2.0 * matched / (len(word) + len(query))
        else:
            score = difflib.SequenceMatcher(None, word, query).ratio()
        return score if score >= self.cutoff else None


class _Bigrams:
    """
    A large vocabulary's words by their bigrams, for near spellings.

    The words that may be near a query come from the postings of its
    bigrams (`_Grams`), from a table of the words with a letter left out
    and from the words of the lengths that are read whole (see `route`);
    then only those with enough letters in common with the query (read
    off their `_signature`, in C) are kept.
    """

    __slots__ = ("by_length", "grams", "ids", "left_out", "lengths", "letters")

    def __init__(
        self, words: Sequence[str], ids: dict[str, int], cutoff: float
    ) -> None:
        self.ids = ids
        self.grams = _Grams(words)
        self.lengths = array("i", map(len, words))
        self.letters = list(map(_signature, words))
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
        for i, word in enumerate(words):
            if len(word) in left_out:
                for variant in _variants(word):
                    variants.setdefault(variant, []).append(i)
            if len(word) in scanned:
                by_length[len(word)].append(i)
        self.left_out = {k: tuple(v) for k, v in variants.items()}
        self.by_length = {k: tuple(v) for k, v in by_length.items()}

    def near(self, query: Query, words: Sequence[str]) -> list[int]:
        """
        Return the ids of the words that may be near *query*.

        Each once, and among them every near one, of every length that
        the query's plan allows.
        """
        plan = query.plan
        found: list[int] = []
        if plan.grams:
            found = self.grams.sharing(query.grams, plan, words)
        for length in plan.deletions:
            if length > len(query.word):
                found.extend(self.left_out.get(query.word, ()))
            else:
                variants = map(self.ids.get, _variants(query.word))
                found.extend(i for i in variants if i is not None)
        for length in plan.scanned:
            found.extend(self.by_length.get(length, ()))
        if not found:
            return found
        # At least as many letters in common, counted with their repeats,
        # as difflib must match for the ratio to reach the cutoff.
        letters = query.letters()
        signatures = self.letters
        lengths = self.lengths
        least = plan.least
        return [
            i
            for i in found
            if (letters & signatures[i]).bit_count() >= least[lengths[i]]
        ]


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

    __slots__ = ("_by_spelling", "_sorted", "cutoff", "ids", "words")

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
        self._by_spelling: _Letters | _Bigrams = (
            _Letters(self.words)
            if len(self.words) <= _LETTERS_UP_TO
            else _Bigrams(self.words, self.ids, cutoff)
        )

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
        by_spelling = self._by_spelling
        near = (
            by_spelling.near(query)
            if isinstance(by_spelling, _Letters)
            else by_spelling.near(query, words)
        )
        for i in near:
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
    ratio = 2.0 * len(query) / (len(query) + len(word))
    if len(word) < _JUNK_LENGTH:
        # difflib's one block is the whole query, at the start of the word.
        return max(PREFIX_SIMILARITY, ratio)
    # difflib matches at most the query's letters, so the ratio is at most
    # that; at or below PREFIX_SIMILARITY it cannot count.
    if ratio <= PREFIX_SIMILARITY:
        return PREFIX_SIMILARITY
    return similarity(query, word)
