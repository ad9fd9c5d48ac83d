"""
Quoted words checked against the article, and quotation extractors scored.

Two jobs, each a pure function of the article's text and its quotations:

- `check_quote` answers a reader's question "did they really say this?":
  it aligns the words given, word by word, with the words of every
  quotation and of the running text, and says whether they are a
  quotation (exactly or closely), the author's own words, or not in the
  article at all;
- `score_extraction` compares the (speaker, cue, content) spans that a
  quotation extractor finds with the ones curated here, part by part.
"""

from __future__ import annotations

import bisect
import collections
import difflib
import enum
import functools
import itertools
import math
import re
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from typing import Any, NamedTuple, Protocol, TypeAlias, TypeVar

import attrs

from secretspeech._checks import describe
from secretspeech._model import (
    Evidence,
    Quotation,
    QuotationKind,
    _Vocabulary,
)
from secretspeech._text import (
    STOP_WORDS,
    brief,
    sentence_spans,
    shown,
    word_characters,
    words,
)
from secretspeech.exceptions import InvalidTypeError, InvalidValueError


__all__ = [
    "ExtractionScore",
    "PartScore",
    "QuoteMatch",
    "QuoteVerdict",
    "check_quote",
    "score_extraction",
]


# -- the thresholds ----------------------------------------------------------

#: The least score (the Dice coefficient of the words: twice the words in
#: common over the words given plus the words printed) of a close match.
#: "We should not wash our dirty linen in public" scores 0.67 against the
#: printed “We should not,” … “give ammunition to the enemy [or] wash our
#: dirty linen before their eyes.”, and is a misquotation of it.
CLOSE_SCORE = 0.6
#: The least share of the words given that a close match finds in order:
#: "The Soviet Union collapsed in 1991" finds half of its words in the
#: article's "The Soviet Union", which is not the sentence misquoted.
CLOSE_COVERAGE = 0.7
#: A match of fewer words than this must hold a word that says something
#: (not one of `FUNCTION_WORDS`): "the" or "we should" alone match
#: nothing, "blind kittens" and "thaw" match, and so do "we should not".
LEAST_WORDS = 3
#: How many printed words more an ellipsis given may stand for, at most,
#: than a word given: "Critics were miserable nonentities … Stalin–our
#: victory" leaves out 25.
ELLIPSIS_WORDS = 30
#: Words that do not tell one quotation from another on their own:
#: articles, pronouns, auxiliaries, prepositions and conjunctions.
FUNCTION_WORDS = STOP_WORDS | frozenset(
    {
        "about", "after", "all", "am", "any", "are", "be", "been", "before",
        "being", "but", "can", "cannot", "could", "did", "do", "does",
        "down", "had", "has", "have", "he", "her", "here", "him", "how",
        "i", "if", "into", "is", "it", "may", "me", "might", "more", "most",
        "much", "must", "my", "no", "nor", "not", "off", "our", "out",
        "over", "shall", "she", "should", "so", "some", "than", "that",
        "them", "then", "there", "these", "they", "this", "those", "too",
        "under", "up", "us", "very", "we", "what", "when", "where", "which",
        "who", "whom", "whose", "why", "will", "would", "you", "your",
    }
)  # fmt: skip

# A run of word characters and apostrophes; `words` normalises each run.
_TOKEN_RE = re.compile(r"[\w'’‘ʼ`´′]+")
_APOSTROPHES = "'’‘ʼ`´′"
# An editorial insertion, as `Quotation.insertions` finds them.
_INSERTION_RE = re.compile(r"\[[^\[\]]+\]")


class QuoteVerdict(_Vocabulary):
    """
    What `check_quote` found the words given to be.

    >>> import secretspeech as ss
    >>> ss.check_quote("You are blind kittens.")[0].verdict
    <QuoteVerdict.EXACT: 'exact'>
    >>> ss.QuoteVerdict("not a quotation")
    <QuoteVerdict.NOT_A_QUOTATION: 'not a quotation'>
    """

    #: The words of a quotation, verbatim but for the style of quote marks
    #: and dashes, case, spacing, punctuation, editorial brackets and
    #: words left out at an ellipsis.
    EXACT = "exact"
    #: A misquotation: close to the words of a quotation, with differences.
    CLOSE = "close"
    #: In the article, exactly or closely, but not inside quote marks: the
    #: author's own words.
    NOT_A_QUOTATION = "not a quotation"
    #: Nothing in the article is close enough.
    NOT_IN_ARTICLE = "not in the article"


def _quotation_repr(value: Quotation | None) -> str:
    return "None" if value is None else f"<Quotation {value.id!r}>"


def _check_score(
    _inst: object, _attribute: attrs.Attribute[Any], value: object
) -> None:
    if not isinstance(value, int | float) or isinstance(value, bool):
        raise InvalidTypeError(
            f"QuoteMatch.score must be a float from 0 to 1, got {shown(value)}"
        )
    if not 0 <= value <= 1:
        raise InvalidValueError(
            f"QuoteMatch.score must be from 0 to 1, got {brief(value)}"
        )


def _check_optional(
    kind: type, description: str
) -> Callable[[object, attrs.Attribute[Any], object], None]:
    """Return a validator that takes an instance of *kind* or `None`."""

    def check(
        inst: object, attribute: attrs.Attribute[Any], value: object
    ) -> None:
        if value is not None and not isinstance(value, kind):
            raise InvalidTypeError(
                f"{type(inst).__name__}.{attribute.name} must be "
                f"{description} or None, got {describe(value)}"
            )

    return check


def _pairs(value: Iterable[tuple[str, str]]) -> tuple[tuple[str, str], ...]:
    if isinstance(value, str | bytes | bytearray | Mapping) or not isinstance(
        value, Iterable
    ):
        return value  # type: ignore[return-value]  # refused by the validator
    return tuple(value)


def _check_differences(
    _inst: object, _attribute: attrs.Attribute[Any], value: object
) -> None:
    if not isinstance(value, tuple):
        raise InvalidTypeError(
            "QuoteMatch.differences must be a tuple of (printed, given) "
            f"pairs of str, got {shown(value)}"
        )
    for pair in value:
        if not (
            isinstance(pair, tuple)
            and len(pair) == 2
            and all(isinstance(side, str) for side in pair)
        ):
            raise InvalidTypeError(
                "QuoteMatch.differences must hold (printed, given) pairs of "
                f"str, got {shown(pair)}"
            )
        if pair[0] == pair[1]:
            raise InvalidValueError(
                "QuoteMatch.differences must hold pairs that differ, got "
                f"{brief(pair)}"
            )


@attrs.frozen(kw_only=True)
class QuoteMatch:
    """
    One place in the article that words given to `check_quote` match.

    Attributes:
        verdict: What the words are there: a quotation (exact or close),
            the author's words, or not in the article.
        score: How alike the words given and the words printed are, from
            0 to 1: twice the words they have in common over the words of
            both (the Dice coefficient); 1.0 when they are the same words.
            For `QuoteVerdict.NOT_IN_ARTICLE`, the best score of the
            places that came near (0.0 if none did).
        quotation: The quotation matched; `None` for the author's words
            and for words not in the article.
        span: The article's words that matched, from the first to the
            last (an interrupted quotation's span holds its attribution
            too); `None` for words not in the article.
        differences: Where the words differ, as (printed, given) pairs of
            words as written, in order; ``""`` on one side for words left
            out or added.  A run of printed words replaced by other words
            is one pair; words in editorial brackets such as ``[or]`` may
            be left out, and so may any words where the text given has an
            ellipsis (``…``, ``...``): they are not a difference.  For a
            quotation, the words given are those in the quote marks read
            as it, if the text has any (`check_quote` says how).
            Empty when exact.

    The repr shows the quotation by its id.

    >>> import secretspeech as ss
    >>> match = ss.check_quote("You are blind puppies.")[0]
    >>> match.verdict.value, match.quotation.id, match.differences
    ('close', 'blind-kittens', (('kittens', 'puppies'),))
    >>> match.span.exact
    'You are blind kittens'
    """

    verdict: QuoteVerdict = attrs.field(converter=QuoteVerdict)
    score: float = attrs.field(validator=_check_score)
    quotation: Quotation | None = attrs.field(
        default=None,
        repr=_quotation_repr,
        validator=_check_optional(Quotation, "a Quotation"),
    )
    span: Evidence | None = attrs.field(
        default=None, validator=_check_optional(Evidence, "an Evidence")
    )
    differences: tuple[tuple[str, str], ...] = attrs.field(
        default=(), converter=_pairs, validator=_check_differences
    )

    def __attrs_post_init__(self) -> None:
        problem = self._problem()
        if problem:
            raise InvalidValueError(
                f"QuoteMatch of verdict {self.verdict.value!r}: {problem}"
            )

    def _problem(self) -> str | None:
        quoted, placed, exact = _SHAPES[self.verdict]
        quotation, span, differences = (
            self.quotation,
            self.span,
            self.differences,
        )
        same = self.score == 1
        rules = (
            (quoted and quotation is None, "it needs the quotation matched"),
            (not quoted and quotation is not None, "it has no quotation"),
            (placed and span is None, "it needs the span matched"),
            (not placed and span is not None, "it has no span"),
            (
                not placed and (same or bool(differences)),
                "it has no differences and a score below 1",
            ),
            (
                placed and same == bool(differences),
                "its score is 1.0 exactly when it has no differences",
            ),
            (
                exact is not None and placed and same != exact,
                "an exact match scores 1.0, a close one less",
            ),
            (
                quotation is not None
                and span is not None
                and not (
                    quotation.segments[0].start
                    <= span.start
                    < span.end
                    <= quotation.segments[-1].end
                ),
                "its span lies outside the quotation",
            ),
        )
        return next((problem for broken, problem in rules if broken), None)


#: For each verdict: whether a match has a quotation, whether it has a
#: span, and whether it is exact (`None`: either).
_SHAPES = {
    QuoteVerdict.EXACT: (True, True, True),
    QuoteVerdict.CLOSE: (True, True, False),
    QuoteVerdict.NOT_A_QUOTATION: (False, True, None),
    QuoteVerdict.NOT_IN_ARTICLE: (False, False, False),
}


# -- words with their places -------------------------------------------------


@attrs.frozen
class _Words:
    """
    Normalised words of a text, with where each stands in the article.

    Attributes:
        keys: The words, normalised by `secretspeech._text.words`.
        starts: Each word's first offset in the article.
        ends: Each word's end offset.
        optional: Whether each word is an editorial insertion (``[or]``).
        groups: For each word, the stretch it belongs to: a word at either
            end of a match is only read as a substitution for a printed
            word of the same stretch (sentence, or quotation).
        quoted: Whether each word lies inside a quotation's segments.
        positions: Each word's indexes, in order.
    """

    keys: tuple[str, ...]
    starts: tuple[int, ...]
    ends: tuple[int, ...]
    optional: tuple[bool, ...]
    groups: tuple[int, ...]
    quoted: tuple[bool, ...]
    positions: Mapping[str, tuple[int, ...]] = attrs.field(eq=False)


def _tokens(text: str, offset: int = 0) -> list[tuple[str, int, int, bool]]:
    """Return (normalised word, start, end, optional) for each word."""
    brackets = [m.span() for m in _INSERTION_RE.finditer(text)]
    found = []
    # Found where a soft hyphen or a combining accent does not split a word.
    for match in _TOKEN_RE.finditer(word_characters(text)):
        raw = text[match.start() : match.end()]
        start = match.start() + len(raw) - len(raw.lstrip(_APOSTROPHES))
        end = match.end() - (len(raw) - len(raw.rstrip(_APOSTROPHES)))
        inside = _within(brackets, start, end)
        found += [
            (key, start + offset, end + offset, inside) for key in words(raw)
        ]
    return found


def _within(spans: list[tuple[int, int]], start: int, end: int) -> bool:
    """
    Tell whether *start*:*end* lies strictly inside one of *spans*.

    The spans are in order and do not overlap, as `re.finditer` finds
    them, so the one span that may hold it is found by bisection.
    """
    at = bisect.bisect_left(spans, (start,)) - 1
    return at >= 0 and end < spans[at][1]


def _words(
    tokens: list[tuple[str, int, int, bool]],
    groups: Sequence[int],
    quoted: Sequence[bool],
) -> _Words:
    positions: dict[str, list[int]] = collections.defaultdict(list)
    for i, token in enumerate(tokens):
        positions[token[0]].append(i)
    return _Words(
        keys=tuple(t[0] for t in tokens),
        starts=tuple(t[1] for t in tokens),
        ends=tuple(t[2] for t in tokens),
        optional=tuple(t[3] for t in tokens),
        groups=tuple(groups),
        quoted=tuple(quoted),
        positions={k: tuple(v) for k, v in positions.items()},
    )


@attrs.frozen
class _Index:
    """The words of the running text and of each quotation."""

    article: _Words
    quotations: tuple[tuple[Quotation, _Words], ...]


def _index(article: str, quotations: tuple[Quotation, ...]) -> _Index:
    """Return the words of *article* and *quotations*, built once."""
    try:
        hash(quotations)
    except TypeError:
        # A record type of the user's, with a field that does not hash.
        return _build_index(article, quotations)
    return _cached_index(article, quotations)


@functools.lru_cache(maxsize=8)
def _cached_index(article: str, quotations: tuple[Quotation, ...]) -> _Index:
    return _build_index(article, quotations)


def _build_index(article: str, quotations: tuple[Quotation, ...]) -> _Index:
    """Read the words of *article* and of each quotation's segments."""
    for quotation in quotations:
        for segment in quotation.segments:
            if article[segment.start : segment.end] != segment.exact:
                raise InvalidValueError(
                    f"check_quote(): a segment of the quotation "
                    f"{brief(quotation.id)}, {brief(segment.exact)}, is not "
                    "in the article at its offsets"
                )
    # The stretches inside quote marks: segments that overlap (a term
    # quoted inside a quotation) merged.
    merged: list[list[int]] = []
    for start, end in sorted(
        (s.start, s.end) for q in quotations for s in q.segments
    ):
        if merged and start <= merged[-1][1]:
            merged[-1][1] = max(merged[-1][1], end)
        else:
            merged.append([start, end])
    segments = [(start, end) for start, end in merged]
    sentence_starts = [start for start, _ in sentence_spans(article)]
    tokens = _tokens(article)
    groups = [bisect.bisect_right(sentence_starts, t[1]) for t in tokens]
    quoted = []
    for token in tokens:
        at = bisect.bisect_right(segments, (token[1], math.inf)) - 1
        quoted.append(at >= 0 and token[2] <= segments[at][1])
    running = _words(tokens, groups, quoted)
    each = []
    for quotation in quotations:
        found = [
            token
            for segment in quotation.segments
            for token in _tokens(segment.exact, segment.start)
        ]
        each.append(
            (quotation, _words(found, [0] * len(found), [True] * len(found)))
        )
    return _Index(running, tuple(each))


# -- aligning the words given with the words printed -------------------------


# An ellipsis, which marks words left out: "…", "...", ". . .".
_ELLIPSIS_RE = re.compile(r"…|\.[^\S\n]?\.[^\S\n]?\.")
# The quoter's "[sic]" or "(sic)": the words are as printed, and it is no
# word of them.
_SIC_RE = re.compile(r"[\[(]\s*sic\s*!?\s*[\])]", re.IGNORECASE)


def _given_tokens(text: str) -> list[tuple[str, int, int, bool]]:
    """Return the tokens of the words given, a "[sic]" left out."""
    marks = [m.span() for m in _SIC_RE.finditer(text)]
    return [t for t in _tokens(text) if not _within(marks, t[1], t[2])]


@attrs.frozen
class _Given:
    """
    The words given: normalised, and as written.

    Attributes:
        keys: The words, normalised.
        written: The words as written.
        elided: For each word, whether an ellipsis stands between it and
            the word before: printed words left out there are no
            difference.
    """

    keys: tuple[str, ...]
    written: tuple[str, ...]
    elided: tuple[bool, ...]

    def elides(self, at: int) -> bool:
        """Tell whether words may be left out before the word *at*."""
        return 0 < at < len(self.elided) and self.elided[at]

    @classmethod
    def read(cls, text: str) -> _Given:
        """Read the words of *text*."""
        return cls._of(text, _given_tokens(text))

    @classmethod
    def pieces(cls, text: str) -> list[_Given]:
        """
        Read the words inside each pair of quote marks of *text*, in order.

        The whole text is one piece if no quote marks hold words:
        ``“We should not,” he said, “give ammunition”`` gives "We should
        not" and "give ammunition".
        """
        tokens = _given_tokens(text)
        spans = [m.span() for m in _QUOTED_RE.finditer(text)]
        inside: dict[int, list[tuple[str, int, int, bool]]] = {}
        for token in tokens:
            at = bisect.bisect_left(spans, (token[1],)) - 1
            if _within(spans, token[1], token[2]):
                inside.setdefault(at, []).append(token)
        if not inside:
            return [cls._of(text, tokens)]
        # Read as one, then cut: an ellipsis before a piece's first word is
        # one after the last word of the piece before, not anywhere before.
        whole = cls._of(text, [t for piece in inside.values() for t in piece])
        cuts = list(itertools.accumulate(map(len, inside.values()), initial=0))
        return [whole.cut(lo, hi) for lo, hi in itertools.pairwise(cuts)]

    def cut(self, lo: int, hi: int) -> _Given:
        """Return the words from *lo* to *hi*."""
        return _Given(
            keys=self.keys[lo:hi],
            written=self.written[lo:hi],
            elided=self.elided[lo:hi],
        )

    @classmethod
    def join(cls, pieces: Iterable[_Given]) -> _Given:
        """Return the words of *pieces*, one after the other."""
        pieces = list(pieces)
        return cls(
            keys=tuple(k for p in pieces for k in p.keys),
            written=tuple(w for p in pieces for w in p.written),
            elided=tuple(e for p in pieces for e in p.elided),
        )

    @classmethod
    def _of(
        cls, text: str, tokens: list[tuple[str, int, int, bool]]
    ) -> _Given:
        ends = [0] + [t[2] for t in tokens]
        return cls(
            keys=tuple(t[0] for t in tokens),
            written=tuple(text[t[1] : t[2]] for t in tokens),
            elided=tuple(
                bool(_ELLIPSIS_RE.search(text, end, t[1]))
                for end, t in zip(ends, tokens, strict=False)
            ),
        )


# Words in quote marks, in the styles of English (“…”, "…"), Swedish
# (”…”), German („…“, „…”, »…«, ‚…‘), French («…», ‹…›) and Chinese or
# Japanese (「…」, 『…』); and in single ones that open after no letter and
# close before none (an apostrophe inside a word is neither).
_QUOTED_RE = re.compile(
    r"[“”][^“”]*”"
    r"|„[^„“”]*[“”]"
    r"|«[^«»]*»|»[^«»]*[«»]"
    r"|‹[^‹›]*›|›[^‹›]*[‹›]"
    r"|「[^「」]*」|『[^『』]*』"
    r'|"[^"]*"|＂[^＂]*＂'
    r"|‚[^‚‘’]*[‘’]"
    r"|(?<!\w)[‘'](?:[^‘’'\n]|(?<=\w)[’'](?=\w))+?[’'](?!\w)"
)


@attrs.frozen
class _Found:
    """
    One alignment of the words given with a run of printed words.

    Attributes:
        score: The Dice coefficient of the two runs of words.
        held: How many words given the alignment holds: those of its
            pieces of words matched word for word, one after the other,
            that are long enough to tell (`_holds`).
        close: Whether the alignment is close enough to report
            (`_is_close`).
        first: The index of the first printed word of the run.
        last: The index just past its last printed word.
        matched: The indexes of the printed words matched.
        skipped: How many words given lie before the first one matched
            and after the last one.
        differences: (printed, given) pairs, in order.
        contiguous: Whether the words matched are printed one after the
            other, the words given with them too, and the only
            differences are words given before or after them.
    """

    score: float
    held: int
    close: bool
    first: int
    last: int
    matched: tuple[int, ...]
    skipped: tuple[int, int]
    differences: tuple[tuple[str, str], ...]
    contiguous: bool

    @property
    def hits(self) -> int:
        """Return how many words given are matched."""
        return len(self.matched)


class _Reading(Protocol):
    """One reading of the words given: an alignment, or a run of blocks."""

    @property
    def score(self) -> float: ...

    @property
    def hits(self) -> int: ...

    @property
    def held(self) -> int: ...

    @property
    def close(self) -> bool: ...


_R = TypeVar("_R", bound=_Reading)


def _choose(readings: Iterable[_R]) -> _R:
    """
    Choose the reading of the words given that accounts for them best.

    The one with the best score (the first of equal ones), unless close
    readings find more of the words given than it does and hold more of
    them (`_Found.held`): then, of those, the one that holds the most,
    then the one with the best score.

    The score alone prefers fewer words found among fewer printed ones:
    "We should not wash our dirty linen before their eyes" scores 0.82
    against the second segment of “We should not,” … “give ammunition
    to the enemy [or] wash our dirty linen before their eyes.”, finding
    seven words, with the first segment's "We should not" read as words
    added; and 0.8 against both, finding and holding all ten, with "give
    ammunition to the enemy" left out.  Words the quotation prints, in
    order, are not reported as added to it.  But a word or two found
    further on hold nothing (`_holds`): "Stalin was a Marxist" stays
    "Stalin" for "he" in “he was a Marxist” rather than the quotation's
    "Stalin" with five words left out, and the article's "Stalin's
    paranoia also grew. “You are blind kittens" does not make "Stalin
    said: you are blind kittens" the author's words.  Nor do the same
    words found in longer runs, with more words left out between them.
    """
    best: _R | None = None
    close: list[_R] = []
    for reading in readings:
        if best is None or reading.score > best.score:
            best = reading
        if reading.close:
            close.append(reading)
    assert best is not None  # noqa: S101 -- there is a reading at least
    better = [
        reading
        for reading in close
        if reading.hits > best.hits and reading.held > best.held
    ]
    if better:
        return max(better, key=lambda reading: (reading.held, reading.score))
    return best


def _printed(stream: _Words, article: str, indexes: Iterable[int]) -> str:
    """Show printed words as written, an insertion in its brackets."""
    shown_words = []
    for i in indexes:
        word = article[stream.starts[i] : stream.ends[i]]
        shown_words.append(f"[{word}]" if stream.optional[i] else word)
    return " ".join(shown_words)


def _pairable(
    stream: _Words, unmatched: int, neighbour: int, edge: int
) -> int:
    """
    Tell (1 or 0) whether a word given beyond a match stands for a word.

    A single word given beyond either end of the matched words is read as
    a substitution for the printed word next to them ("without us" for
    "without me"), if there is one in the same stretch (the quotation, or
    the sentence of the running text); more words there are additions.
    If it is the same word, it is matched, not changed (`_chains`).
    """
    return int(
        unmatched == 1
        and 0 <= neighbour < len(stream.keys)
        and stream.groups[neighbour] == stream.groups[edge]
    )


_Block: TypeAlias = tuple[int, int, int]


def _align(
    given: _Given,
    stream: _Words,
    article: str,
    window: tuple[int, int],
    *,
    contiguous: bool = False,
) -> _Found:
    """
    Align the words given with the printed words in *window*.

    `difflib.SequenceMatcher` finds the matching blocks; of the chains of
    blocks consecutive in its answer, the one with the best score is the
    run (with *contiguous*, of the chains with no difference between
    their blocks).  Words of editorial insertions that the words given
    leave out count neither as printed words nor as differences.
    """
    lo, hi = window
    matcher = difflib.SequenceMatcher(
        None, stream.keys[lo:hi], given.keys, autojunk=False
    )
    blocks = _placed(
        [
            (lo + b.a, b.b, b.size)
            for b in matcher.get_matching_blocks()
            if b.size
        ],
        stream,
        given,
    )
    # Every window starts at a word given.
    assert blocks  # noqa: S101 -- a window is never empty of words given
    size = len(given.keys)
    run = _choose(_chains(blocks, stream, given, contiguous=contiguous))
    chain = blocks[run.start : run.stop]
    # A word given beyond either end that is the printed word there is
    # matched with it, as part of the block next to it.
    if run.head:
        a, b, n = chain[0]
        chain[0] = (a - 1, b - 1, n + 1)
    if run.tail:
        a, b, n = chain[-1]
        chain[-1] = (a, b, n + 1)
    first, last = run.first, run.last
    differences: list[tuple[str, str]] = []

    def differ(a_lo: int, a_hi: int, b_lo: int, b_hi: int) -> None:
        added = " ".join(given.written[b_lo:b_hi])
        printed = list(range(a_lo, a_hi))
        if not added and given.elides(b_lo):
            # The words given say that words are left out here.
            printed = []
        elif not added:
            # Words of an editorial insertion may be left out.
            printed = [k for k in printed if not stream.optional[k]]
        if printed or added:
            differences.append((_printed(stream, article, printed), added))

    a, b, _ = chain[0]
    differ(first, a, 0, b)
    for (a, b, n), (next_a, next_b, _) in itertools.pairwise(chain):
        differ(a + n, next_a, b + n, next_b)
    a, b, n = chain[-1]
    differ(a + n, last, b + n, size)
    return _Found(
        score=run.score,
        held=run.held,
        close=run.close,
        first=first,
        last=last,
        matched=tuple(k for a, _, n in chain for k in range(a, a + n)),
        skipped=(chain[0][1], size - b - n),
        differences=tuple(differences),
        contiguous=contiguous,
    )


def _placed(
    blocks: list[_Block], stream: _Words, given: _Given
) -> list[_Block]:
    """
    Move each gap of printed words left out to where the words hold most.

    Where words given one after the other match printed words on both
    sides of a gap, and the word matched just before the gap is also its
    last word (or the one just after it, its first), the gap can be read
    a word further along with the same words matched: "what will [happen
    … the country] will perish" is also "what [will happen … the
    country] will perish".  `difflib` takes the longest block first,
    wherever that leaves the gap; the place kept is the one whose two
    blocks hold the most words given (`_holds`), and of those the first:
    "comrade Stalin. [Stalin–our hope.] Stalin–our desire", not "comrade
    Stalin. Stalin–our [hope. Stalin–our] desire".  But where the words
    given have an ellipsis, the gap is kept there if it can be.
    """
    placed = list(blocks)
    same = stream.keys
    for k in range(len(placed) - 1):
        a, b, n = placed[k]
        c, d, m = placed[k + 1]
        if b + n != d or _joined(placed[k], placed[k + 1], stream):
            continue
        # How far the gap can move and keep the same words matched: to
        # the left while the last word before it is also its last word,
        # to the right while the first word after it is also its first.
        left = 0
        while left < n - 1 and same[a + n - 1 - left] == same[c - 1 - left]:
            left += 1
        right = 0
        while right < m - 1 and same[a + n + right] == same[c + right]:
            right += 1
        # `max` keeps the first of the shifts that hold the most.
        shift = max(
            range(-left, right + 1),
            key=lambda s: (given.elides(d + s), _holds(n + s) + _holds(m - s)),
        )
        placed[k] = (a, b, n + shift)
        placed[k + 1] = (c + shift, d + shift, m - shift)
    return placed


def _joined(before: _Block, after: _Block, stream: _Words) -> bool:
    """Tell whether nothing but an insertion left out lies between."""
    a, b, n = before
    return b + n == after[1] and all(stream.optional[a + n : after[0]])


class _Chain(NamedTuple):
    """
    A run of consecutive matching blocks, as `_chains` reads it.

    Attributes:
        score: The Dice coefficient of the words given and the printed
            words from *first* to *last*.
        hits: How many words given it matches.
        held: How many of them it holds (as `_Found.held`).
        close: Whether it is close enough to report (`_is_close`).
        start: The index of its first block.
        stop: The index just past its last block.
        first: The index of its first printed word (a word paired with
            one given included).
        last: The index just past its last printed word (likewise).
        head: Whether the word paired before its first block is the
            word given there, and so matched with the block.
        tail: Whether the word paired after its last block is, likewise.
    """

    score: float
    hits: int
    held: int
    close: bool
    start: int
    stop: int
    first: int
    last: int
    head: bool
    tail: bool


def _chains(
    blocks: list[_Block],
    stream: _Words,
    given: _Given,
    *,
    contiguous: bool,
) -> Iterator[_Chain]:
    """
    Read every run of consecutive matching blocks, for `_choose`.

    A word given paired with the printed word beyond either end
    (`_pairable`) is matched with it if it is the same word: that printed
    word may lie just outside the window `difflib` aligned, which
    `_search` fits to the words a first alignment matched.  With
    *contiguous*, only runs of blocks with nothing between them but
    insertions left out, and no word given paired with one beyond.  The
    printed words left out where the words given have an ellipsis count
    neither as printed words nor as differences, as insertions left out.
    """
    size = len(given.keys)
    keys = stream.keys
    says_each = [
        any(key not in FUNCTION_WORDS for key in keys[a : a + n])
        for a, _, n in blocks
    ]
    for i, (a0, b0, _) in enumerate(blocks):
        before = 0 if contiguous else _pairable(stream, b0, a0 - 1, a0)
        head = bool(before) and keys[a0 - 1] == given.keys[0]
        matched = piece = int(head)
        omitted = held = 0
        says = False
        for j in range(i, len(blocks)):
            a, b, n = blocks[j]
            if j > i:
                pa, pb, pn = blocks[j - 1]
                joined = _joined(blocks[j - 1], blocks[j], stream)
                if contiguous and not joined:
                    break
                if pb + pn == b and given.elides(b):
                    omitted += a - pa - pn
                elif pb + pn == b:
                    omitted += sum(stream.optional[pa + pn : a])
                if not joined:
                    held += _holds(piece)
                    piece = 0
            piece += n
            matched += n
            says = says or says_each[j]
            first, last = a0 - before, a + n
            after = (
                0
                if contiguous
                else _pairable(stream, size - b - n, last, last - 1)
            )
            tail = bool(after) and keys[last] == given.keys[-1]
            hits = matched + tail
            score = 2 * hits / (size + last + after - first - omitted)
            yield _Chain(
                score=score,
                hits=hits,
                held=held + _holds(piece + tail),
                close=_is_close(
                    score, hits, size, says=says, contiguous=contiguous
                ),
                start=i,
                stop=j + 1,
                first=first,
                last=last + after,
                head=head,
                tail=tail,
            )


def _holds(size: int) -> int:
    """
    Return how many words given a piece of *size* words holds.

    A piece is words given matched word for word, one after the other.
    It holds them all if there are at least `LEAST_WORDS`, even function
    words ("We should not"); else none: one or two words are found in
    many places, and a word found further on tells less than the same
    word read as a word changed where it stands.
    """
    return size if size >= LEAST_WORDS else 0


def _search(
    given: _Given, stream: _Words, article: str, *, contiguous: bool = False
) -> list[_Found]:
    """
    Find the runs of printed words that the words given may match.

    Windows of three times as many printed words as words given (and
    `ELLIPSIS_WORDS` more for each ellipsis given) start at
    a printed word that is also given, wherever they hold enough of the
    words given to be close, and at least half as many words apart as
    are given.  Each window is aligned (`_align`), then aligned again on
    a window fitted around what it matched, which `difflib`'s greedy
    choice of the longest block first may have missed; the better of the
    two (`_choose`) is kept.  With *contiguous*, each window also gives
    its best run of words given word for word (`_is_close` says what it
    takes).  The cost grows with the length of the stream times the
    words given, not with their product.
    """
    size = len(given.keys)
    total = len(stream.keys)
    wanted = set(given.keys)
    hits = [0]
    for key in stream.keys:
        hits.append(hits[-1] + (key in wanted))
    need = _least_found(size)
    if contiguous:
        need = min(need, LEAST_WORDS)
    length = 3 * size + 2 + ELLIPSIS_WORDS * sum(given.elided)
    step = max(1, size // 2)
    found: list[_Found] = []
    taken = -step
    anchors = sorted(
        p for key in wanted for p in stream.positions.get(key, ())
    )
    for at in anchors:
        end = min(total, at + length)
        if at < taken + step or hits[end] - hits[at] < need:
            continue
        taken = at
        first = _align(given, stream, article, (at, end))
        head, tail = first.matched[0], first.matched[-1] + 1
        fitted = _align(
            given,
            stream,
            article,
            (
                max(0, head - first.skipped[0]),
                min(total, tail + first.skipped[1]),
            ),
        )
        found.append(_choose((first, fitted)))
        if contiguous:
            found.append(
                _align(given, stream, article, (at, end), contiguous=True)
            )
    return found


def _least_found(size: int) -> int:
    """Return how many of *size* words given a close match finds at least."""
    # Rounded first: 0.7 * 10 is 7.000000000000001 in floating point.
    return math.ceil(round(CLOSE_COVERAGE * size, 9))


def _counts(keys: Iterable[str]) -> bool:
    """
    Tell whether matched words are evidence of a match.

    They are if there are at least `LEAST_WORDS` of them, or one of them
    is not among `FUNCTION_WORDS`.
    """
    keys = list(keys)
    return len(keys) >= LEAST_WORDS or any(
        k not in FUNCTION_WORDS for k in keys
    )


def _is_close(
    score: float, matched: int, size: int, *, says: bool, contiguous: bool
) -> bool:
    """
    Tell whether an alignment is close enough to report.

    Either `CLOSE_COVERAGE` of the *size* words given are *matched*, or
    (for a *contiguous* run) at least `LEAST_WORDS` words are given word
    for word, one of them not a function word (*says*), and only words
    before or after them are added ("You are blind kittens, said
    Stalin"); and the *score* is at least `CLOSE_SCORE`.
    """
    if contiguous:
        enough = matched >= LEAST_WORDS and says
    else:
        enough = matched >= _least_found(size)
    return enough and score >= CLOSE_SCORE


def check_quote(
    text: str,
    article: str,
    quotations: Sequence[Quotation],
    /,
    *,
    limit: int | None = 5,
) -> tuple[QuoteMatch, ...]:
    """
    Tell whether *text* is a quotation of the article, word for word.

    The words of *text* are aligned with the words of each quotation (its
    segments in order, so that an interrupted quotation reads as one) and
    with the running text.  Words are compared normalised: the style of
    quote marks and dashes, case, accents (a combining accent too),
    spacing and punctuation do not count, nor does a soft hyphen or
    another invisible joiner inside a word; and words the editor put in
    square brackets (``[or]``) may be left out or given without the
    brackets, and a ``[sic]`` or ``(sic)`` given is no word.  Where
    *text* has an ellipsis (``…``, ``...``, ``. . .``, ``[…]``) between
    two words, the printed words left out there are not a difference:
    "You are blind kittens … The country will perish" is exact (each
    ellipsis may stand for thirty words or more).  If *text* has words
    in quote marks
    (“…”, "…", ‘…’ or '…', or those of other languages: „…“, „…”, »…«,
    «…», ‹…›, ‚…‘, ”…”, 「…」, 『…』), only those are compared
    with the quotations, and the whole text with the running text.  The
    words of pieces in quote marks one after the other are read as one
    quotation, in order, as if they were segments (``“We should not,” he
    said, “give ammunition to the enemy”`` is the quotation of "We should
    not give ammunition to the enemy"), or as several (``“thaw” and “cult
    of personality”`` are two), whichever finds more of the words in
    close matches; of equal readings, the one of fewer quotations.  Up
    to three pieces are read as one quotation.  Words in quote marks
    that find more words in the running text than in any quotation are
    the author's words quoted, and are matched there too: ``The author
    writes that “Stalin was a murderous thug”`` is not a quotation.

    - `QuoteVerdict.EXACT`: every word given is a word of a quotation, in
      order, with no word of it left out between them but at an ellipsis
      given.  A part of a quotation is exact for it: "You are blind
      kittens." is.
    - `QuoteVerdict.CLOSE`: a misquotation.  The score (the Dice
      coefficient of the words given and the words printed from the first
      to the last matched: twice the words in common over the words of
      both) is at least 0.6, and either 70% of the words given are found,
      in order, or three words or more (one of them not a function word)
      are found word for word, with only other words added before or
      after them ("You are blind kittens, said Stalin").  Of the ways
      to align the words given with a place, the one with the best score
      is kept, unless a close one finds more of the words given, and
      more of them in runs of three words or more, word for word: words
      given from several segments of an interrupted quotation, with the
      words between them left out, are matched across the segments, and
      the words left out are the differences, not the words of one
      segment added to another.
    - `QuoteVerdict.NOT_A_QUOTATION`: close to or the same as the running
      text, by the first rule, where the words found outside quote marks
      would be enough on their own: the author's words, or a passage
      that holds more than a quotation.
    - `QuoteVerdict.NOT_IN_ARTICLE`: nothing is close enough.

    A match of one or two words must hold a word that is not a function
    word (an article, pronoun, auxiliary, preposition or conjunction such
    as "the", "we", "should", "not"): those are in almost every quotation
    and prove nothing, so "the" is not in the article as far as this
    check goes, while "thaw", "blind kittens" and "we should not" are.

    Args:
        text: The words to check, with or without quote marks.
        article: The article's text.
        quotations: The quotations of the article, of any kind: quoted
            terms (“thaw”) are quotations too.
        limit: The most matches to return; all if `None`.

    Returns:
        The matches, best first: by score, then quotations before the
        author's words, then in the order of the article.  Each quotation
        is matched at most once, at its best place; places of the running
        text do not overlap.  There is always at least one match: words
        not in the article give one match of `QuoteVerdict.NOT_IN_ARTICLE`
        with the best score of the places that came near (0.0 if none
        did).

    Raises:
        InvalidTypeError: If *text* or *article* is not a str,
            *quotations* does not hold `Quotation` records, or *limit* is
            not an int or `None`.
        InvalidValueError: If *text* has no words, *limit* is less than
            1, or a quotation's segment is not in *article* at its
            offsets.

    >>> import secretspeech as ss
    >>> [(m.verdict.value, m.quotation.id) for m in ss.check_quote(
    ...     "We should not give ammunition to the enemy"
    ... )]
    [('exact', 'dirty-linen')]
    >>> ss.check_quote("Stalin was a murderous thug")[0].verdict.value
    'not a quotation'
    >>> ss.check_quote("We will bury you")
    (QuoteMatch(verdict=<QuoteVerdict.NOT_IN_ARTICLE: 'not in the article'>, score=0.0, quotation=None, span=None, differences=()),)
    """  # noqa: E501 -- a doctest's output is one line
    given = _read_text(text, "check_quote()")
    pieces = _Given.pieces(text)
    if not isinstance(article, str):
        raise InvalidTypeError(
            f"check_quote() takes the article as a str, got {shown(article)}"
        )
    records = _read_quotations(quotations, "check_quote()")
    _read_limit(limit)
    index = _index(article, records)
    read: dict[_Given, tuple[list[_Found], float]] = {}

    def running(words: _Given) -> tuple[list[_Found], float]:
        # The whole text is also the one piece of a text with no quote marks.
        if words not in read:
            read[words] = _running_places(words, article, index)
        return read[words]

    quoted, found, missed_quoted = _quoted_matches(
        pieces, article, index, running
    )
    places, missed_running = running(given)
    matches = quoted + [
        _match(f, article, index.article, None)
        for f in _apart([*places, *found])
    ]
    if not matches:
        missed = max(missed_quoted, missed_running)
        return (QuoteMatch(verdict=QuoteVerdict.NOT_IN_ARTICLE, score=missed),)
    matches.sort(
        key=lambda m: (
            -m.score,
            m.quotation is None,
            m.span.start if m.span else 0,
        )
    )
    return tuple(matches[:limit])


def _read_limit(limit: object) -> None:
    if limit is not None and (
        not isinstance(limit, int) or isinstance(limit, bool)
    ):
        raise InvalidTypeError(
            "check_quote() takes limit= as a positive int or None, got "
            f"{describe(limit)}"
        )
    if limit is not None and limit < 1:
        raise InvalidValueError(
            "check_quote() takes limit= as a positive int or None, got "
            f"{brief(limit)}"
        )


#: The most pieces in quote marks read together as one quotation: an
#: interrupted quotation is given in two, or three if it is interrupted
#: twice.  Each piece is read in as many groups, so more would cost more.
MOST_PIECES = 3


def _quoted_matches(
    pieces: Sequence[_Given],
    article: str,
    index: _Index,
    running: Callable[[_Given], tuple[list[_Found], float]],
) -> tuple[list[QuoteMatch], list[_Found], float]:
    """
    Match the words in quote marks with the quotations.

    Pieces in quote marks one after the other may be one quotation,
    interrupted by its attribution (“We should not,” he said, “give
    ammunition to the enemy”), or several (“thaw” and “cult of
    personality”).  They are read in the groups of consecutive pieces (of
    `MOST_PIECES` at most) whose close matches find the most words given:
    of equal readings, the one of fewest groups, so that an interrupted
    quotation is read as one, and words in quote marks that match no
    quotation stay words added to the quotation given with them.  Each
    quotation is matched once, at its best place in any group.  A group
    that finds more words in the running text (by *running*, which
    returns its places there) than in any quotation is the author's
    words in quote marks: its places there are matches.

    Returns:
        The matches of quotations, the places of the running text, and
        the best score of the places not close enough.
    """
    groups: dict[tuple[int, int], tuple[list[_Placed], list[_Found], float]]
    groups = {}
    # For the first j pieces: the best (words found, -groups), and where
    # its last group begins.
    best: list[tuple[tuple[int, int], int]] = [((0, 0), 0)]
    for j in range(1, len(pieces) + 1):
        options = []
        for i in range(max(0, j - MOST_PIECES), j):
            group = _Given.join(pieces[i:j])
            placed, missed = _quoted_found(group, article, index)
            places, running_missed = running(group)
            quoted = max((f.hits for _, _, f in placed), default=0)
            written = max((f.hits for f in places), default=0)
            groups[i, j] = (
                placed,
                places if written > quoted else [],
                max(missed, running_missed),
            )
            (so_far, fewer), _ = best[i]
            options.append(((so_far + max(quoted, written), fewer - 1), i))
        best.append(max(options, key=lambda option: option[0]))
    # By the quotation's place in the index; of equal scores, the group
    # given first, as the groups are read from the last.
    kept: dict[int, QuoteMatch] = {}
    found: list[_Found] = []
    missed = 0.0
    j = len(pieces)
    while j:
        i = best[j][1]
        placed, places, group_missed = groups[i, j]
        missed = max(missed, group_missed)
        found += places
        for at, stream, quoted_found in placed:
            quotation = index.quotations[at][0]
            match = _match(quoted_found, article, stream, quotation)
            if at not in kept or match.score >= kept[at].score:
                kept[at] = match
        j = i
    return [kept[at] for at in sorted(kept)], found, missed


#: A quotation's place in the index, its words and the best place the
#: words given match it.
_Placed: TypeAlias = tuple[int, "_Words", "_Found"]


def _quoted_found(
    given: _Given, article: str, index: _Index
) -> tuple[list[_Placed], float]:
    """
    Match the words given with each quotation, at its best place.

    A run of words given word for word with words added around it
    (`_Found.contiguous`) is the reading of last resort: where an
    alignment of all the words is close, it is the one kept.

    Returns:
        The places, and the best score of the places not close enough.
    """
    placed: list[_Placed] = []
    missed = 0.0
    for at, (_, stream) in enumerate(index.quotations):
        aligned: list[_Found] = []
        runs: list[_Found] = []
        for found in _search(given, stream, article, contiguous=True):
            if not _counts(stream.keys[k] for k in found.matched):
                continue
            if not found.close:
                if not found.contiguous:
                    missed = max(missed, found.score)
            else:
                (runs if found.contiguous else aligned).append(found)
        if aligned or runs:
            placed.append((at, stream, _choose(aligned or runs)))
    return placed, missed


def _running_places(
    given: _Given, article: str, index: _Index
) -> tuple[list[_Found], float]:
    """
    Match the words given with the running text, outside quote marks.

    A place counts only if the words it matches outside quote marks would
    count on their own (`_counts`): "the" before “cult of personality”
    does not make "the cult of personality" the author's words.  Places
    that overlap a better one are left out (`_apart`).

    Returns:
        The places, and the best score of the places not close enough.
    """
    running = index.article
    places: list[_Found] = []
    missed = 0.0
    for found in _search(given, running, article):
        outside = [k for k in found.matched if not running.quoted[k]]
        if not _counts(running.keys[k] for k in outside):
            continue
        if not found.close:
            missed = max(missed, found.score)
        else:
            places.append(found)
    return _apart(places), missed


def _apart(places: list[_Found]) -> list[_Found]:
    """
    Keep the best of *places* of the running text that do not overlap.

    The best place first, as one window's alignments are chosen, then
    the best of those that do not overlap it, and so on; of equals, the
    first in the article.
    """
    places = sorted(places, key=lambda f: f.first)
    taken: list[_Found] = []
    while places:
        found = _choose(places)
        taken.append(found)
        places = [
            p for p in places if p.last <= found.first or found.last <= p.first
        ]
    return taken


def _match(
    found: _Found, article: str, stream: _Words, quotation: Quotation | None
) -> QuoteMatch:
    exact = not found.differences
    if quotation is None:
        verdict = QuoteVerdict.NOT_A_QUOTATION
    else:
        verdict = QuoteVerdict.EXACT if exact else QuoteVerdict.CLOSE
    return QuoteMatch(
        verdict=verdict,
        score=1.0 if exact else found.score,
        quotation=quotation,
        span=Evidence.from_offsets(
            article, stream.starts[found.first], stream.ends[found.last - 1]
        ),
        differences=found.differences,
    )


def _read_text(text: object, function: str) -> _Given:
    if not isinstance(text, str):
        raise InvalidTypeError(
            f"{function} takes the text as a str, got {shown(text)}"
        )
    given = _Given.read(text)
    if not given.keys:
        raise InvalidValueError(
            f"{function} takes words to check, got {brief(text)}, which has "
            "none"
        )
    return given


def _read_quotations(
    quotations: object, function: str
) -> tuple[Quotation, ...]:
    if isinstance(quotations, str | bytes | bytearray | Mapping) or not (
        isinstance(quotations, Iterable)
    ):
        raise InvalidTypeError(
            f"{function} takes the quotations as a sequence of Quotation "
            f"records, got {describe(quotations)}"
        )
    records = tuple(quotations)
    for i, record in enumerate(records):
        if not isinstance(record, Quotation):
            raise InvalidTypeError(
                f"{function} takes the quotations as Quotation records, got "
                f"{describe(record)} at index {i}"
            )
    return records


# -- scoring an extractor -----------------------------------------------------

#: A span an extractor gives: an `Evidence`, or ``(start, end)`` offsets
#: into the article.
SpanLike: TypeAlias = Evidence | tuple[int, int]
#: One part of a prediction: a span, several spans (the segments of an
#: interrupted quotation, for the content) or `None` for a part not found.
PartLike: TypeAlias = SpanLike | Sequence[SpanLike] | None
#: The parts, in order.
PARTS = ("speaker", "cue", "content")


def _ratio(part: int, whole: int, other: int) -> float:
    """
    Return *part* / *whole*; over an empty *whole*, 1.0 or 0.0.

    With nothing to divide by, the ratio is 1.0 if *other* is empty too
    (nothing predicted and nothing to find: no mistake), else 0.0.
    """
    if whole:
        return part / whole
    return 0.0 if other else 1.0


def _check_count(
    inst: object, attribute: attrs.Attribute[Any], value: object
) -> None:
    if not isinstance(value, int) or isinstance(value, bool):
        raise InvalidTypeError(
            f"{type(inst).__name__}.{attribute.name} must be a non-negative "
            f"int, got {shown(value)}"
        )
    if value < 0:
        raise InvalidValueError(
            f"{type(inst).__name__}.{attribute.name} must be a non-negative "
            f"int, got {brief(value)}"
        )


@attrs.frozen(kw_only=True)
class PartScore:
    """
    How the spans an extractor gave for one part compare with ours.

    Each gold span is matched to at most one predicted span, and each
    predicted span to at most one gold span, so that the counts do not
    depend on the order of the predictions.

    Attributes:
        predicted: The spans the extractor gave for this part.
        gold: The spans our data has for this part.
        exact: The predicted spans equal to a gold span: the same offsets.
        overlapping: The predicted spans that share at least one
            character with a gold span (the most that can be paired so),
            the exact ones included.

    A ratio with nothing to divide by (no span predicted, or none to
    find) is 1.0 if the other count is 0 too, since there was nothing to
    find and nothing was claimed, and 0.0 otherwise: a part an extractor
    never gives has precision 0.0 where there are spans to find, and an
    extractor that finds spans where there are none has recall 0.0.

    >>> import secretspeech as ss
    >>> part = ss.PartScore(predicted=4, gold=5, exact=2, overlapping=3)
    >>> part.exact_precision, part.exact_recall
    (0.5, 0.4)
    >>> part.overlap_precision, part.overlap_recall
    (0.75, 0.6)
    """

    predicted: int = attrs.field(validator=_check_count)
    gold: int = attrs.field(validator=_check_count)
    exact: int = attrs.field(validator=_check_count)
    overlapping: int = attrs.field(validator=_check_count)

    def __attrs_post_init__(self) -> None:
        if (
            not self.exact
            <= self.overlapping
            <= min(self.predicted, self.gold)
        ):
            raise InvalidValueError(
                "PartScore must have exact <= overlapping <= predicted and "
                f"gold, got exact={brief(self.exact)}, overlapping="
                f"{brief(self.overlapping)}, predicted={brief(self.predicted)}"
                f", gold={brief(self.gold)}"
            )

    @property
    def exact_precision(self) -> float:
        """
        The share of the predicted spans that are exactly a gold span.

        >>> import secretspeech as ss
        >>> part = ss.PartScore(predicted=0, gold=0, exact=0, overlapping=0)
        >>> part.exact_precision
        1.0
        """
        return _ratio(self.exact, self.predicted, self.gold)

    @property
    def exact_recall(self) -> float:
        """
        The share of the gold spans that are exactly predicted.

        >>> import secretspeech as ss
        >>> part = ss.PartScore(predicted=3, gold=0, exact=0, overlapping=0)
        >>> part.exact_recall
        0.0
        """
        return _ratio(self.exact, self.gold, self.predicted)

    @property
    def overlap_precision(self) -> float:
        """
        The share of the predicted spans that overlap a gold span.

        >>> import secretspeech as ss
        >>> part = ss.PartScore(predicted=2, gold=3, exact=0, overlapping=1)
        >>> part.overlap_precision
        0.5
        """
        return _ratio(self.overlapping, self.predicted, self.gold)

    @property
    def overlap_recall(self) -> float:
        """
        The share of the gold spans that a predicted span overlaps.

        >>> import secretspeech as ss
        >>> part = ss.PartScore(predicted=2, gold=4, exact=0, overlapping=1)
        >>> part.overlap_recall
        0.25
        """
        return _ratio(self.overlapping, self.gold, self.predicted)


def _check_part(
    inst: object, attribute: attrs.Attribute[Any], value: object
) -> None:
    if not isinstance(value, PartScore):
        raise InvalidTypeError(
            f"{type(inst).__name__}.{attribute.name} must be a PartScore, "
            f"got {describe(value)}"
        )


@attrs.frozen(kw_only=True)
class ExtractionScore:
    """
    How a quotation extractor's (speaker, cue, content) triples score.

    Attributes:
        speaker: The spans that name the speaker ("he", "Leonid
            Brezhnev"), against `Quotation.speaker_mention`.
        cue: The attribution ("he said", "said new leader Leonid
            Brezhnev"), against `Quotation.cue`.
        content: The quoted words, against `Quotation.segments`: one span
            per pair of quote marks.

    >>> import secretspeech as ss
    >>> gold = [
    ...     (q.speaker_mention, q.cue, q.segments)
    ...     for q in ss.quotations.filter(kind="utterance")
    ... ]
    >>> score = ss.score_extraction(gold)
    >>> score.content.exact_recall, score.cue.exact_precision
    (1.0, 1.0)
    """

    speaker: PartScore = attrs.field(validator=_check_part)
    cue: PartScore = attrs.field(validator=_check_part)
    content: PartScore = attrs.field(validator=_check_part)


def _is_span(value: object) -> bool:
    return isinstance(value, Evidence) or (
        isinstance(value, tuple | list)
        and len(value) == 2
        and all(isinstance(v, int) and not isinstance(v, bool) for v in value)
    )


def _offsets(
    value: object,
    article: str,
    index: int,
    part: str,
    item: int | None = None,
) -> tuple[int, int]:
    """
    Read one span of a prediction as offsets, checked against *article*.

    *item* is the place of the span in a part given as several spans.
    """
    where = f"score_extraction(): prediction {index}"
    if not _is_span(value):
        # A whole part may be None (nothing found); a span in a list may not.
        raise InvalidTypeError(
            f"{where}: the {part} must be an Evidence, a (start, end) pair "
            f"of ints or None, got {describe(value)}"
            if item is None
            else f"{where}: span {item} of the {part} must be an Evidence "
            f"or a (start, end) pair of ints, got {describe(value)}"
        )
    if isinstance(value, Evidence):
        start, end = value.start, value.end
    else:
        start, end = value  # type: ignore[misc]  # a pair, as checked
    if not 0 <= start < end <= len(article):
        raise InvalidValueError(
            f"{where}: the {part} span {brief(start)}:{brief(end)} is not a "
            f"non-empty span of the article of {len(article)} characters"
        )
    if isinstance(value, Evidence) and article[start:end] != value.exact:
        raise InvalidValueError(
            f"{where}: the {part} {brief(value.exact)} is not in the article "
            f"at {start}:{end}"
        )
    return start, end


def _read_prediction(
    prediction: object, article: str, index: int
) -> tuple[list[tuple[int, int]], ...]:
    """Read one (speaker, cue, content) triple as lists of offsets."""
    if isinstance(prediction, str | bytes | bytearray) or not isinstance(
        prediction, Sequence
    ):
        raise InvalidTypeError(
            "score_extraction() takes each prediction as a (speaker, cue, "
            f"content) triple, got {describe(prediction)} at index {index}"
        )
    if len(prediction) != 3:
        raise InvalidValueError(
            "score_extraction() takes each prediction as a (speaker, cue, "
            f"content) triple, got {len(prediction)} items at index {index}"
        )
    spans: list[list[tuple[int, int]]] = []
    for part, value in zip(PARTS, prediction, strict=True):
        if value is None:
            spans.append([])
        elif part == "content" and not _is_span(value):
            if not isinstance(value, tuple | list):
                raise InvalidTypeError(
                    f"score_extraction(): prediction {index}: the content "
                    "must be a span, a tuple or list of spans, or None, got "
                    f"{describe(value)}"
                )
            spans.append(
                [
                    _offsets(v, article, index, part, item)
                    for item, v in enumerate(value)
                ]
            )
        else:
            spans.append([_offsets(value, article, index, part)])
    return tuple(spans)


def _read_kinds(kinds: object) -> frozenset[QuotationKind]:
    """Read *kinds*: one kind, or an iterable of kinds."""
    items: Iterable[object] = (kinds,)
    if isinstance(kinds, Iterable) and not isinstance(
        kinds, str | enum.Enum | bytes | bytearray | Mapping
    ):
        items = kinds
    read = set()
    for kind in items:
        try:
            read.add(QuotationKind(kind))  # type: ignore[arg-type]  # checked by the call
        except InvalidTypeError as e:
            raise InvalidTypeError(f"score_extraction() kinds=: {e}") from None
        except InvalidValueError as e:
            raise InvalidValueError(
                f"score_extraction() kinds=: {e}"
            ) from None
    if not read:
        raise InvalidValueError(
            "score_extraction() takes at least one kind in kinds="
        )
    return frozenset(read)


def _overlapping(
    predicted: list[tuple[int, int]], gold: list[tuple[int, int]]
) -> int:
    """
    Pair as many predicted spans with gold spans they overlap as can be.

    A maximum bipartite matching (augmenting paths, found breadth first):
    the count does not depend on the order of either list.
    """
    ordered = sorted(range(len(gold)), key=lambda g: gold[g])
    starts = [gold[g][0] for g in ordered]
    longest = max((end - start for start, end in gold), default=0)
    edges = []
    for start, end in predicted:
        # A gold span overlapping start:end begins before end, and after
        # start - longest.
        lo = bisect.bisect_right(starts, start - longest)
        hi = bisect.bisect_left(starts, end)
        edges.append(
            [ordered[k] for k in range(lo, hi) if gold[ordered[k]][1] > start]
        )
    gold_of: list[int | None] = [None] * len(predicted)
    predicted_of: list[int | None] = [None] * len(gold)
    count = 0
    for root in range(len(predicted)):
        reached: dict[int, int] = {}
        queue = [root]
        free = None
        for p in queue:
            for g in edges[p]:
                if g in reached:
                    continue
                reached[g] = p
                owner = predicted_of[g]
                if owner is None:
                    free = g
                    break
                queue.append(owner)
            if free is not None:
                break
        if free is None:
            continue
        step: int | None = free
        while step is not None:
            p = reached[step]
            previous = gold_of[p]
            gold_of[p], predicted_of[step] = step, p
            step = previous
        count += 1
    return count


def _pair(span: Evidence) -> tuple[int, int]:
    return span.start, span.end


def _part_score(
    predicted: list[tuple[int, int]], gold: list[tuple[int, int]]
) -> PartScore:
    common = collections.Counter(predicted) & collections.Counter(gold)
    return PartScore(
        predicted=len(predicted),
        gold=len(gold),
        exact=sum(common.values()),
        overlapping=_overlapping(predicted, gold),
    )


def score_extraction(
    predictions: Iterable[Sequence[PartLike]],
    article: str,
    quotations: Sequence[Quotation],
    /,
    *,
    kinds: Iterable[QuotationKind | str] = ("utterance",),
) -> ExtractionScore:
    """
    Score a quotation extractor's (speaker, cue, content) triples.

    A prediction is a triple, in the shape of textacy's
    ``direct_quotations`` and of similar extractors: the words naming the
    speaker, the attribution (the cue: "he said") and the quoted words.
    Each part is a span of the article, given as an `Evidence` or as
    ``(start, end)`` character offsets, or `None` where the extractor
    found none; the content may also be a tuple or list of spans, one per
    pair of quote marks of an interrupted quotation.  Spans are compared
    by their offsets, without the quote marks: ours never include them.

    The gold data are the quotations of *kinds*: each one's
    `Quotation.segments` for the content, its `Quotation.speaker_mention`
    and its `Quotation.cue` where it has them.  Each part is scored on
    its own (`PartScore`), so a speaker found without its quotation still
    counts for the speaker.

    Args:
        predictions: The extractor's triples.
        article: The article's text, which the offsets refer to.
        quotations: The quotations of the article.
        kinds: The kinds of quotation to score against: one, or several;
            by default only utterances, since extractors look for words
            said, not terms in quote marks.

    Returns:
        The score of each part.

    Raises:
        InvalidTypeError: If *predictions* is not an iterable of triples,
            a part is not a span, a tuple of spans or `None`, *article* is
            not a str, *quotations* does not hold `Quotation` records, or
            a kind is not a `QuotationKind` or str.  The message names the
            prediction's index.
        InvalidValueError: If a prediction does not have three parts, a
            span is empty or outside the article, an `Evidence` is not in
            the article at its offsets, or a kind names no kind.

    >>> import secretspeech as ss
    >>> muck = ss.quotations.get("muck")
    >>> cue = muck.cue.start, muck.cue.end
    >>> score = ss.score_extraction([(None, cue, muck.segments[0])])
    >>> score.content.exact, score.content.gold, score.cue.exact
    (1, 8, 1)
    >>> score.content.exact_precision, score.content.exact_recall
    (1.0, 0.125)
    >>> score.speaker.exact_precision, score.speaker.exact_recall
    (0.0, 0.0)
    """
    if not isinstance(article, str):
        raise InvalidTypeError(
            "score_extraction() takes the article as a str, got "
            f"{shown(article)}"
        )
    if isinstance(predictions, str | bytes | bytearray | Mapping) or not (
        isinstance(predictions, Iterable)
    ):
        raise InvalidTypeError(
            "score_extraction() takes the predictions as an iterable of "
            f"(speaker, cue, content) triples, got {describe(predictions)}"
        )
    records = _read_quotations(quotations, "score_extraction()")
    wanted = _read_kinds(kinds)
    predicted: tuple[list[tuple[int, int]], ...] = ([], [], [])
    for index, prediction in enumerate(predictions):
        parts = _read_prediction(prediction, article, index)
        for spans, found in zip(predicted, parts, strict=True):
            spans.extend(found)
    gold: tuple[list[tuple[int, int]], ...] = ([], [], [])
    for quotation in records:
        if quotation.kind in wanted:
            mention, attribution = quotation.speaker_mention, quotation.cue
            if mention is not None:
                gold[0].append(_pair(mention))
            if attribution is not None:
                gold[1].append(_pair(attribution))
            gold[2].extend(_pair(s) for s in quotation.segments)
    speaker, cue, content = (
        _part_score(p, g) for p, g in zip(predicted, gold, strict=True)
    )
    return ExtractionScore(speaker=speaker, cue=cue, content=content)
