"""
The records of the edition: small immutable values that refer by id.

Nothing here reads files or knows about collections; `secretspeech._load`
builds these records and `secretspeech._catalog` indexes them.
"""

from __future__ import annotations

import datetime
import enum
import functools
import itertools
import re
import types
import typing
from collections.abc import Callable, Iterable, Mapping
from typing import Any, Literal, TypeAlias, TypeVar

import attrs

from secretspeech._dates import HistoricalDate
from secretspeech._text import (
    brief,
    paragraph_spans,
    quoted,
    sentence_spans,
    shown,
    unwritable,
)
from secretspeech._vocabulary import Vocabulary
from secretspeech.exceptions import (
    InvalidTypeError,
    InvalidValueError,
)


_ID_RE = re.compile(r"[a-z0-9]+(?:-[a-z0-9]+)*\Z")
# No "[" inside: a run of "[" without "]" then fails at once, not after
# scanning the rest of the text from every "[".
_INSERTION_RE = re.compile(r"\[[^\[\]]+\]")
# Words that state a number, which a hedge ("as many as") never holds.
_NUMBER_WORD = re.compile(
    r"\d|\b(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|"
    r"twelve|twenty|thirty|forty|fifty|hundreds?|thousands?|millions?|"
    r"billions?|dozens?|score)\b",
    re.IGNORECASE,
)
# How `Quotation.text` marks the words left out between two segments.
_JOIN = " […] "
_T = TypeVar("_T")
#: How many characters of context an `Evidence` keeps on each side.
CONTEXT_CHARS = 32


# The schema is declared here, once, in the metadata of the record fields:
# which fields hold ids (and of which collections) and which criteria of
# `Collection.filter` read them.  `CollectionSchema` reads it back; the
# catalog, the loader, the corpus, the strategies and the docs read that.
_REFERS_TO = "secretspeech.refers_to"
_CRITERIA = "secretspeech.criteria"
_VIA = "secretspeech.via"
#: Stands for "a record of any collection" where a field holds ids.
ANY_COLLECTION = "*"


def _declare(
    *,
    refers_to: tuple[str, ...] = (),
    criteria: tuple[str, ...] = (),
    via: str | None = None,
) -> dict[str, object]:
    """
    Return the field metadata that declares a field's part in the schema.

    Args:
        refers_to: The collections whose ids the field holds
            (`ANY_COLLECTION` for any); empty if it holds no ids.
        criteria: The `Collection.filter` keywords that read the field.
        via: For a value with a vocabulary inside (a `Quantity`), the
            attribute the criteria read.
    """
    metadata: dict[str, object] = {}
    if refers_to:
        metadata[_REFERS_TO] = refers_to
    if criteria:
        metadata[_CRITERIA] = criteria
    if via:
        metadata[_VIA] = via
    return metadata


def _name(inst: object, attribute: attrs.Attribute[Any]) -> str:
    """Name a field in a message as ``Record.field``."""
    return f"{type(inst).__name__}.{attribute.name}"


def check_type(
    kind: type | tuple[type, ...], description: str
) -> Callable[[object, attrs.Attribute[Any], object], None]:
    """
    Return a validator that refuses values that are not of type *kind*.

    Like `attrs.validators.instance_of`, but it raises `InvalidTypeError`
    naming the record type and field: ``Person.named must be True or
    False, got 1 (int)``. A `bool` is never taken for an `int`.

    >>> import attrs
    >>> from secretspeech._model import check_type
    >>> @attrs.frozen
    ... class Box:
    ...     size: int = attrs.field(validator=check_type(int, "an int"))
    >>> Box(True)
    Traceback (most recent call last):
    ...
    secretspeech.exceptions.InvalidTypeError: Box.size must be an int, got True (bool)
    """  # noqa: E501 -- a doctest's output is one line
    kinds = kind if isinstance(kind, tuple) else (kind,)

    def check(
        inst: object, attribute: attrs.Attribute[Any], value: object
    ) -> None:
        if not isinstance(value, kinds) or (
            isinstance(value, bool) and bool not in kinds
        ):
            raise InvalidTypeError(
                f"{_name(inst, attribute)} must be {description}, got "
                f"{shown(value)}"
            )

    return check


def _as_tuple(value: Iterable[_T]) -> tuple[_T, ...]:
    """
    Convert a list, or any other iterable of items, to a tuple.

    A str is iterable too, but turning "abc" into ("a", "b", "c") would
    hide a mistake, and a mapping would lose its values; they, and values
    that are not iterable at all, are returned unchanged, for the field's
    validator to refuse by name (a converter does not know the field).
    """
    if type(value) is tuple:
        # The usual case, and the loader's: no abstract class to ask.
        return value
    if isinstance(value, str | bytes | bytearray | Mapping) or not isinstance(
        value, Iterable
    ):
        return value  # type: ignore[return-value]
    return tuple(value)


def _strings(value: Iterable[str]) -> tuple[str, ...]:
    return _as_tuple(value)


def _roles(value: Iterable[str]) -> tuple[PersonRole, ...]:
    roles = _as_tuple(value)
    if not isinstance(roles, tuple):
        # The one field with this converter and no validator.
        raise InvalidTypeError(
            "Person.roles must be a list or tuple of PersonRole members or "
            f"their values, got {shown(value)}"
        )
    return tuple(PersonRole(r) for r in roles)


def _dates_tuple(
    value: Iterable[HistoricalDate],
) -> tuple[HistoricalDate, ...]:
    return _as_tuple(value)


def _evidence_tuple(value: Iterable[Evidence]) -> tuple[Evidence, ...]:
    return _as_tuple(value)


def _check_tuple(
    inst: object, attribute: attrs.Attribute[Any], value: object, of: str
) -> tuple[object, ...]:
    """Check that a converted field is a tuple, naming what it holds."""
    if isinstance(value, tuple):
        return value
    if isinstance(value, str):
        raise InvalidTypeError(
            f"{_name(inst, attribute)} must be a list or tuple of {of}, got "
            f"the string {brief(value)}; put it in a list: [{brief(value)}]"
        )
    raise InvalidTypeError(
        f"{_name(inst, attribute)} must be a list or tuple of {of}, got "
        f"{shown(value)}"
    )


def _check_id(
    inst: object, attribute: attrs.Attribute[Any], value: object
) -> None:
    if not isinstance(value, str):
        raise InvalidTypeError(
            f"{_name(inst, attribute)} must be an id str, got {shown(value)}"
        )
    if not _ID_RE.match(value):
        raise InvalidValueError(
            f"{_name(inst, attribute)} must be a lower-case slug such as "
            f"'nikita-khrushchev', got {brief(value)}"
        )


def _check_ids(
    inst: object, attribute: attrs.Attribute[Any], value: object
) -> None:
    # The usual case in one pass, with no call per id: distinct slugs.
    if (
        type(value) is tuple
        and all(type(i) is str and _ID_RE.match(i) for i in value)
        and len(set(value)) == len(value)
    ):
        return
    items = _check_tuple(inst, attribute, value, "ids")
    for item in items:
        _check_id(inst, attribute, item)
    _check_unique(inst, attribute, items, "an id")


def _check_unique(
    inst: object,
    attribute: attrs.Attribute[Any],
    items: tuple[object, ...],
    what: str,
) -> None:
    seen: set[object] = set()
    for item in items:
        if item in seen:
            raise InvalidValueError(
                f"{_name(inst, attribute)} repeats {what}: {brief(item)}"
            )
        seen.add(item)


def _check_optional_id(
    inst: object, attribute: attrs.Attribute[Any], value: object
) -> None:
    if value is not None:
        _check_id(inst, attribute, value)


def _check_text(
    inst: object, attribute: attrs.Attribute[Any], value: object
) -> None:
    if not isinstance(value, str):
        raise InvalidTypeError(
            f"{_name(inst, attribute)} must be a str, got {shown(value)}"
        )
    # Not strip(), which would copy a long text to look at it.
    if not value or value.isspace():
        raise InvalidValueError(
            f"{_name(inst, attribute)} must be a non-empty string, got "
            f"{brief(value)}"
        )
    bad = unwritable(value)
    if bad is not None:
        raise InvalidValueError(
            f"{_name(inst, attribute)} holds {bad}, which no UTF-8 file can "
            f"hold: {brief(value)}"
        )


def _check_optional_text(
    inst: object, attribute: attrs.Attribute[Any], value: object
) -> None:
    if value is not None:
        _check_text(inst, attribute, value)


def _check_texts(
    inst: object, attribute: attrs.Attribute[Any], value: object
) -> None:
    items = _check_tuple(inst, attribute, value, "strings")
    for item in items:
        _check_text(inst, attribute, item)
    _check_unique(inst, attribute, items, "a value")


def _check_evidence(
    inst: object, attribute: attrs.Attribute[Any], value: object
) -> None:
    items = _check_tuple(inst, attribute, value, "Evidence")
    for item in items:
        # The exact type first: the loader's spans, with no subclass to ask.
        if type(item) is not Evidence and not isinstance(item, Evidence):
            raise InvalidTypeError(
                f"{_name(inst, attribute)} must hold Evidence, got "
                f"{shown(item)}"
            )
    if not items:
        raise InvalidValueError(
            f"{_name(inst, attribute)} needs at least one Evidence"
        )


def _check_optional_span(
    inst: object, attribute: attrs.Attribute[Any], value: object
) -> None:
    if value is not None and not isinstance(value, Evidence):
        raise InvalidTypeError(
            f"{_name(inst, attribute)} must be an Evidence or None, got "
            f"{shown(value)}"
        )


def _check_inside(
    record: str,
    name: str,
    span: Evidence | None,
    evidence: tuple[Evidence, ...],
) -> None:
    """Refuse a span (a link, a cue) that lies in none of the evidence."""
    if span is not None and not any(
        e.start <= span.start and span.end <= e.end for e in evidence
    ):
        raise InvalidValueError(
            f"{record}: its {name} {brief(span.exact)} lies in none of its "
            "evidence spans"
        )


def _check_segments(
    record: str, segments: tuple[Evidence, ...], evidence: tuple[Evidence, ...]
) -> None:
    """Refuse quoted words out of order, overlapping, or outside evidence."""
    for before, after in itertools.pairwise(segments):
        if after.start < before.end:
            raise InvalidValueError(
                f"{record}: segments must be in text order, each after the "
                f"last: {brief(after.exact)} begins at {after.start}, before "
                f"{brief(before.exact)} ends at {before.end}"
            )
    for i, segment in enumerate(segments):
        _check_inside(record, f"segments[{i}]", segment, evidence)


def _check_optional_date(
    inst: object, attribute: attrs.Attribute[Any], value: object
) -> None:
    if value is not None and not isinstance(value, HistoricalDate):
        raise InvalidTypeError(
            f"{_name(inst, attribute)} must be a HistoricalDate or None, got "
            f"{shown(value)}"
        )


def _check_dates(
    inst: object, attribute: attrs.Attribute[Any], value: object
) -> None:
    for item in _check_tuple(inst, attribute, value, "HistoricalDate"):
        if not isinstance(item, HistoricalDate):
            raise InvalidTypeError(
                f"{_name(inst, attribute)} must hold HistoricalDate, got "
                f"{shown(item)}"
            )


def _check_non_negative(
    inst: object, attribute: attrs.Attribute[Any], value: object
) -> None:
    if not isinstance(value, int) or isinstance(value, bool):
        raise InvalidTypeError(
            f"{_name(inst, attribute)} must be a non-negative int, got "
            f"{shown(value)}"
        )
    if value < 0:
        raise InvalidValueError(
            f"{_name(inst, attribute)} must be a non-negative int, got "
            f"{brief(value)}"
        )


def _check_optional_count(
    inst: object, attribute: attrs.Attribute[Any], value: object
) -> None:
    if value is not None:
        _check_non_negative(inst, attribute, value)


def _check_is_text(text: object, method: str) -> None:
    if not isinstance(text, str):
        raise InvalidTypeError(
            f"{method} takes the text as a str, got {shown(text)}"
        )


def _characters(count: int) -> str:
    """
    Say how many characters, singular or plural.

    >>> _characters(1), _characters(0), _characters(12)
    ('1 character', '0 characters', '12 characters')
    """
    return f"{count} character{'' if count == 1 else 's'}"


@attrs.frozen(kw_only=True)
class Evidence:
    """
    A span of the article that supports a record.

    It combines the two W3C Web Annotation selectors: the position
    (*start*, *end*) and the quote (*exact* with a little *prefix* and
    *suffix*), so the span can be found again if offsets ever drift.

    Attributes:
        start: Offset of the first character in `Article.text`.
        end: Offset just past the last character (``text[start:end]``).
        exact: The characters of the span, verbatim.
        prefix: Up to 32 characters before the span.
        suffix: Up to 32 characters after the span.

    The repr leaves out *prefix* and *suffix*, which the offsets and the
    text determine, so that records with many spans stay readable.

    >>> import secretspeech as ss
    >>> ev = ss.get("secret-speech").evidence[0]
    >>> ss.article.text[ev.start:ev.end] == ev.exact
    True
    """

    start: int = attrs.field(validator=_check_non_negative)
    end: int = attrs.field(validator=_check_non_negative)
    exact: str = attrs.field(validator=_check_text)
    prefix: str = attrs.field(
        default="", repr=False, validator=check_type(str, "a str")
    )
    suffix: str = attrs.field(
        default="", repr=False, validator=check_type(str, "a str")
    )

    def __attrs_post_init__(self) -> None:
        if self.end - self.start != len(self.exact):
            raise InvalidValueError(
                f"Evidence {brief(self.exact)} is "
                f"{_characters(len(self.exact))} long but its offsets "
                f"{brief(self.start)}:{brief(self.end)} span "
                f"{brief(self.end - self.start)}"
            )
        if (
            len(self.prefix) > CONTEXT_CHARS
            or len(self.suffix) > CONTEXT_CHARS
        ):
            raise InvalidValueError(
                f"Evidence {brief(self.exact)}: prefix and suffix are at "
                f"most {CONTEXT_CHARS} characters"
            )

    def __str__(self) -> str:
        return self.exact

    @classmethod
    def from_offsets(cls, text: str, start: int, end: int, /) -> Evidence:
        """
        Cut the span *start*:*end* out of *text* with its context.

        Args:
            text: The canonical text the offsets refer to.
            start: Offset of the first character.
            end: Offset just past the last character.

        Returns:
            The evidence, with up to 32 characters of prefix and suffix.

        Raises:
            InvalidTypeError: If *text* is not a str or an offset is not an
                int.
            InvalidValueError: If the offsets are outside *text* or empty.

        >>> from secretspeech import Evidence
        >>> ev = Evidence.from_offsets("The speech made history.", 4, 10)
        >>> ev.exact, ev.prefix, ev.suffix
        ('speech', 'The ', ' made history.')
        """
        if not isinstance(text, str):
            raise InvalidTypeError(
                f"Evidence.from_offsets() takes the text as a str, got "
                f"{shown(text)}"
            )
        offsets: dict[str, object] = {"start": start, "end": end}
        for name, offset in offsets.items():
            if not isinstance(offset, int) or isinstance(offset, bool):
                raise InvalidTypeError(
                    f"Evidence.from_offsets() takes {name} as an int, got "
                    f"{shown(offset)}"
                )
        if not 0 <= start < end <= len(text):
            raise InvalidValueError(
                f"Evidence.from_offsets(): offsets {brief(start)}:"
                f"{brief(end)} are not a non-empty span of a text of "
                f"{_characters(len(text))}"
            )
        return cls(
            start=start,
            end=end,
            exact=text[start:end],
            prefix=text[max(0, start - CONTEXT_CHARS) : start],
            suffix=text[end : end + CONTEXT_CHARS],
        )

    def matches(self, text: str, /) -> bool:
        """
        Tell whether *text* holds exactly this span at these offsets.

        Args:
            text: The canonical text.

        Returns:
            `True` if the characters, the prefix and the suffix all agree.

        Raises:
            InvalidTypeError: If *text* is not a str.

        >>> from secretspeech import Evidence
        >>> text = "The speech made history."
        >>> Evidence.from_offsets(text, 4, 10).matches(text)
        True
        """
        _check_is_text(text, "Evidence.matches()")
        return (
            text[self.start : self.end] == self.exact
            and text[max(0, self.start - len(self.prefix)) : self.start]
            == self.prefix
            and text[self.end : self.end + len(self.suffix)] == self.suffix
        )

    def reanchor(self, text: str, /) -> Evidence | None:
        """
        Find this span again in *text* by its quote and context.

        The offsets are tried first; otherwise the occurrence of *exact*
        whose surroundings agree with *prefix* and *suffix* is chosen.

        Args:
            text: A text that may have changed around the span.

        Returns:
            The evidence at its new place, or `None` if the quote and its
            context no longer occur exactly once.

        Raises:
            InvalidTypeError: If *text* is not a str.

        >>> from secretspeech import Evidence
        >>> ev = Evidence.from_offsets("The speech made history.", 4, 10)
        >>> ev.reanchor("Indeed: The speech made history.").start
        12
        """
        _check_is_text(text, "Evidence.reanchor()")
        if self.matches(text):
            return self
        found = []
        at = text.find(self.exact)
        while at != -1:
            before = text[max(0, at - len(self.prefix)) : at]
            after_ = text[
                at + len(self.exact) : at + len(self.exact) + len(self.suffix)
            ]
            if before == self.prefix and after_ == self.suffix:
                found.append(at)
            at = text.find(self.exact, at + 1)
        if len(found) != 1:
            return None
        return Evidence.from_offsets(
            text, found[0], found[0] + len(self.exact)
        )


class _Vocabulary(enum.StrEnum, metaclass=Vocabulary):
    """
    A closed list of words, read forgivingly and refused clearly.

    Besides its value, a member is found by its name or any spelling that
    differs only in case or in spaces, hyphens and underscores
    (``"power-struggle"``, ``"POWER_STRUGGLE"``); another str raises
    `InvalidValueError` listing the choices, and a value that is not a str
    `InvalidTypeError` (see `secretspeech._vocabulary.Vocabulary`).
    """


class QuantityKind(_Vocabulary):
    """
    How firmly the article states a number.

    >>> import secretspeech as ss
    >>> ss.statistics.get("famine-dead").quantity.kind
    <QuantityKind.APPROXIMATE: 'approximate'>
    >>> ss.QuantityKind("at most") is ss.QuantityKind.AT_MOST
    True
    """

    #: A plain figure with no hedge: "Ten million", "four".
    EXACT = "exact"
    #: A point estimate with a hedge: "perhaps two million".
    APPROXIMATE = "approximate"
    #: An upper bound: "as many as 29 million", "up to six million".
    AT_MOST = "at most"
    #: A lower bound.
    AT_LEAST = "at least"
    #: Only the power of ten is given: "hundreds of thousands".
    ORDER_OF_MAGNITUDE = "order of magnitude"
    #: No figure at all: "several millions", "millions".
    VAGUE = "vague"


@attrs.frozen(kw_only=True)
class Quantity:
    """
    A number as the article states it, with its hedge.

    The bounds are what the wording allows, not what is true; `None` means
    the wording leaves that side open. The kind agrees with the bounds:

    - ``EXACT``: *value*, *low* and *high* are equal;
    - ``APPROXIMATE``: *value* is set; bounds, if set, bracket it;
    - ``AT_MOST``: *high* equals *value*;
    - ``AT_LEAST``: *low* equals *value*;
    - ``ORDER_OF_MAGNITUDE``: no *value*; *low* and *high* are set;
    - ``VAGUE``: no *value*.

    Attributes:
        text: The words as written: ``"as many as 29 million"``.
        kind: How firmly the figure is stated.
        unit: What is counted, in the singular: ``"person"``.
        value: The figure given, if any.
        low: The least the wording allows, or `None`.
        high: The most the wording allows, or `None`.
        hedge: The hedge as written (``"as many as"``), if any: only the
            words that qualify the number, never the number words
            (``"millions"`` is the figure, not a hedge).

    >>> import secretspeech as ss
    >>> q = ss.statistics.lookup("as many as 29 million").quantity
    >>> (q.kind, q.hedge, q.high)
    (<QuantityKind.AT_MOST: 'at most'>, 'as many as', 29000000)
    """

    text: str = attrs.field(validator=_check_text)
    kind: QuantityKind = attrs.field(converter=QuantityKind)
    unit: str = attrs.field(validator=_check_text)
    value: int | None = attrs.field(
        default=None, validator=_check_optional_count
    )
    low: int | None = attrs.field(
        default=None, validator=_check_optional_count
    )
    high: int | None = attrs.field(
        default=None, validator=_check_optional_count
    )
    hedge: str | None = attrs.field(
        default=None, validator=_check_optional_text
    )

    def __attrs_post_init__(self) -> None:
        problem = self._problem()
        if problem:
            raise InvalidValueError(f"Quantity {brief(self.text)}: {problem}")

    def _problem(self) -> str | None:  # noqa: C901, PLR0911, PLR0912 -- a rule per kind
        low, high, value, kind = self.low, self.high, self.value, self.kind
        if low is not None and high is not None and low > high:
            return f"low {brief(low)} is greater than high {brief(high)}"
        if self.hedge is not None and self.hedge not in self.text:
            return f"hedge {brief(self.hedge)} is not in the text"
        if self.hedge is not None and _NUMBER_WORD.search(self.hedge):
            return (
                f"hedge {brief(self.hedge)} holds number words; the hedge "
                "is only the words that qualify the number"
            )
        if kind is QuantityKind.EXACT:
            if value is None or low != value or high != value:
                return "an exact quantity has value == low == high"
            if self.hedge is not None:
                return "an exact quantity has no hedge"
        elif kind is QuantityKind.APPROXIMATE:
            if value is None:
                return "an approximate quantity has a value"
            if (low is not None and low > value) or (
                high is not None and high < value
            ):
                return (
                    "the bounds of an approximate quantity bracket its value"
                )
        elif kind is QuantityKind.AT_MOST:
            if high is None or value != high:
                return "an at-most quantity has value == high"
        elif kind is QuantityKind.AT_LEAST:
            if low is None or value != low:
                return "an at-least quantity has value == low"
        elif kind is QuantityKind.ORDER_OF_MAGNITUDE:
            if value is not None or low is None or high is None:
                return "an order of magnitude has low and high but no value"
        elif value is not None:
            return "a vague quantity has no value"
        return None

    def __str__(self) -> str:
        return self.text


class PersonRole(_Vocabulary):
    """
    What a person is in the article.

    >>> import secretspeech as ss
    >>> [p.name for p in ss.people.filter(role=ss.PersonRole.REVOLUTIONARY)]
    ['Vladimir Lenin', 'Leon Trotsky', 'Nikolai Bukharin']
    """

    LEADER = "leader"
    REVOLUTIONARY = "revolutionary"
    MONARCH = "monarch"
    WRITER = "writer"
    AGENT = "agent"
    AUTHOR = "author"


class GroupKind(_Vocabulary):
    """
    What sort of group a `Group` is.

    >>> import secretspeech as ss
    >>> ss.groups.get("bolsheviks").kind
    <GroupKind.PARTY: 'party'>
    """

    PARTY = "party"
    ASSEMBLY = "assembly"
    LEADERSHIP = "leadership"
    CLASS = "class"
    PEOPLE = "people"
    MOVEMENT = "movement"
    MILITARY = "military"
    FACTION = "faction"
    VICTIMS = "victims"
    OTHER = "other"


class PlaceKind(_Vocabulary):
    """
    What sort of place a `Place` is.

    >>> import secretspeech as ss
    >>> [p.name for p in ss.places.filter(kind="site")]
    ['Red Square']
    """

    COUNTRY = "country"
    REGION = "region"
    CITY = "city"
    SITE = "site"
    BUILDING = "building"
    INSTITUTION = "institution"


class EventKind(_Vocabulary):
    """
    What sort of event an `Event` is.

    >>> import secretspeech as ss
    >>> ss.events.get("famine-1946-7").kind
    <EventKind.FAMINE: 'famine'>
    >>> ss.EventKind.FAMINE == "famine"
    True
    """

    REVOLUTION = "revolution"
    SPEECH = "speech"
    MEETING = "meeting"
    PUBLICATION = "publication"
    DEATH = "death"
    KILLING = "killing"
    REPRESSION = "repression"
    FAMINE = "famine"
    WAR = "war"
    POLICY = "policy"
    CAMPAIGN = "campaign"
    PROTEST = "protest"
    INVASION = "invasion"
    POWER_STRUGGLE = "power struggle"
    SCIENCE = "science"
    DIPLOMACY = "diplomacy"
    ECONOMY = "economy"
    SOCIAL = "social"
    OTHER = "other"


class QuotationKind(_Vocabulary):
    """
    Whether quoted words were said or only marked as a term.

    >>> import secretspeech as ss
    >>> ss.quotations.get("thaw-term").kind
    <QuotationKind.QUOTED_TERM: 'quoted term'>
    """

    #: Words someone said or wrote.
    UTTERANCE = "utterance"
    #: A term or slogan in quote marks: “thaw”, “cult of personality”.
    QUOTED_TERM = "quoted term"


class Stance(_Vocabulary):
    """
    Whose voice a `Claim` is in: the author's, or someone the author reports.

    >>> import secretspeech as ss
    >>> ss.claims.get("this-was-nonsense").stance
    <Stance.EVALUATION: 'evaluation'>
    """

    #: The author states it as fact or argues it.
    ASSERTION = "assertion"
    #: The author reports what someone said, argued, claimed or thought.
    REPORT = "report"
    #: The author judges it: "This was nonsense", "Few mourned this".
    EVALUATION = "evaluation"


class RelationKind(_Vocabulary):
    """
    How a `Relation` links its source to its target.

    The first four are causal: `Corpus.causes` and `Corpus.consequences`
    follow them.

    >>> import secretspeech as ss
    >>> ss.relations.get("stalins-death-enables-thaw").kind
    <RelationKind.ENABLES: 'enables'>
    >>> ss.RelationKind.ENABLES in ss.CAUSAL_KINDS
    True
    """

    #: The source brought the target about.
    CAUSES = "causes"
    #: The source helped to bring the target about.
    CONTRIBUTES_TO = "contributes to"
    #: The target grew out of or followed from the source.
    LEADS_TO = "leads to"
    #: The source made the target possible.
    ENABLES = "enables"
    #: The source came before the target (order only).
    PRECEDES = "precedes"
    #: The source is a part of the target.
    PART_OF = "part of"
    #: The source was a reaction to the target.
    RESPONDS_TO = "responds to"
    #: The source tells of the target (a speech revealing a deed).
    REPORTS = "reports"
    #: The source works against the target.
    OPPOSES = "opposes"


#: The relation kinds that `Corpus.causes` and `Corpus.consequences` follow.
CAUSAL_KINDS: tuple[RelationKind, ...] = (
    RelationKind.CAUSES,
    RelationKind.CONTRIBUTES_TO,
    RelationKind.LEADS_TO,
    RelationKind.ENABLES,
)


class Verdict(_Vocabulary):
    """
    What the public record says of the article's claim that a `Note` is about.

    >>> import secretspeech as ss
    >>> ss.notes.get("published-in-ussr").verdict
    <Verdict.DISAGREES: 'disagrees'>
    >>> len(ss.notes.filter(verdict="looser")) > 0
    True
    """

    #: The record says the same thing.
    AGREES = "agrees"
    #: Broadly right but imprecise, or at the edge of the published range.
    LOOSER = "looser"
    #: The sources disagree with each other.
    DISPUTED = "disputed"
    #: The record contradicts the article.
    DISAGREES = "disagrees"
    #: No source was found, or only sources of `SourceKind.OTHER_WEB`.
    UNVERIFIED = "unverified"
    #: The record names or dates what the article leaves open.
    IDENTIFIES = "identifies"


class SourceKind(_Vocabulary):
    """
    What sort of work a `Source` is.

    >>> import secretspeech as ss
    >>> ss.SourceKind("reference work")
    <SourceKind.REFERENCE_WORK: 'reference work'>
    """

    #: An encyclopedia, dictionary, database such as Wikidata, anthology of
    #: speeches or similar work of reference.
    REFERENCE_WORK = "reference work"
    #: A book or article by historians, or a university publication.
    SCHOLARLY = "scholarly"
    #: A newspaper, magazine or news agency.
    PRESS = "press"
    #: Published primary documents: decrees, transcripts, memoirs, editions
    #: of a speech, documentary collections and digital archives.
    ARCHIVE = "archive"
    #: A publication of a government, party or the article's publisher.
    OFFICIAL = "official"
    #: Anything else on the web: a blog, a personal page, a repository.
    OTHER_WEB = "other web"


# A Wikidata item id: Q and a number without leading zeros.
_WIKIDATA_ID = re.compile(r"Q[1-9][0-9]*")


def _check_wikidata(
    inst: object, attribute: attrs.Attribute[Any], value: object
) -> None:
    if value is None:
        return
    if not isinstance(value, str):
        raise InvalidTypeError(
            f"{_name(inst, attribute)} must be a Wikidata id str or None, "
            f"got {shown(value)}"
        )
    if not _WIKIDATA_ID.fullmatch(value):
        raise InvalidValueError(
            f"{_name(inst, attribute)} must be a Wikidata item id such as "
            f"'Q855', got {brief(value)}"
        )


@attrs.frozen(kw_only=True)
class Source:
    """
    A work that a `Note` cites, as a historian would cite it.

    The citation is the work itself: its author, title, periodical or
    publisher, date and pages.  *read_at* is only where it was read.

    Attributes:
        kind: What sort of work it is.
        title: The title of the article, entry, book or document.
        author: As credited; `None` if none is.
        periodical: The newspaper, magazine, journal or encyclopedia that
            holds the work, if any.
        publisher: The publisher of a book or site, if any.
        date: The date of publication as printed ("14 January 1957").
        pages: Pages, volume or chapter cited, if any.
        read_at: The address where the work was read, if it was read
            online.
        note: One sentence more, such as "English translation".

    >>> import secretspeech as ss
    >>> source = ss.notes.get("published-in-ussr").sources[0]
    >>> isinstance(source.kind, ss.SourceKind)
    True
    """

    kind: SourceKind = attrs.field(converter=SourceKind)
    title: str = attrs.field(validator=_check_text)
    author: str | None = attrs.field(
        default=None, validator=_check_optional_text
    )
    periodical: str | None = attrs.field(
        default=None, validator=_check_optional_text
    )
    publisher: str | None = attrs.field(
        default=None, validator=_check_optional_text
    )
    date: str | None = attrs.field(
        default=None, validator=_check_optional_text
    )
    pages: str | None = attrs.field(
        default=None, validator=_check_optional_text
    )
    read_at: str | None = attrs.field(
        default=None, validator=_check_optional_text
    )
    note: str | None = attrs.field(
        default=None, validator=_check_optional_text
    )

    @property
    def citation(self) -> str:
        """
        The source as one line of a bibliography.

        Author, title in quotation marks, periodical or publisher, date and
        pages, in that order, each where known; *read_at* is not part of it.
        Double quotes inside the title become single (“Khrushchev and the
        ‘Anti-Party Group’”).

        >>> import secretspeech as ss
        >>> ss.Source(
        ...     kind="press",
        ...     title="We Are All Stalinists",
        ...     periodical="Time",
        ...     date="14 January 1957",
        ... ).citation
        '“We Are All Stalinists”, Time, 14 January 1957.'
        """
        parts = [
            part
            for part in (
                self.author,
                quoted(self.title),
                self.periodical,
                self.publisher,
                self.date,
                self.pages,
            )
            if part
        ]
        return ", ".join(parts) + "."

    def __str__(self) -> str:
        return self.citation


def _sources_tuple(value: Iterable[Source]) -> tuple[Source, ...]:
    return _as_tuple(value)


def _check_sources(
    inst: object, attribute: attrs.Attribute[Any], value: object
) -> None:
    items = _check_tuple(inst, attribute, value, "Source values")
    for item in items:
        if not isinstance(item, Source):
            raise InvalidTypeError(
                f"{_name(inst, attribute)} must hold Source values, got "
                f"{shown(item)}"
            )


@attrs.frozen(kw_only=True)
class Person:
    """
    A person the article mentions, named or not.

    Unnamed people are people too: the tsar, "one novelist", the "Russian
    agent". Their *name* is the article's own wording.

    Attributes:
        id: Stable, readable id, such as ``"nikita-khrushchev"``.
        name: The fullest name the article gives.
        aliases: Other names and wordings the article uses, word for word.
        other_names: Names from the public record that the article does
            not use; `Collection.lookup` finds them too.
        description: One sentence on who this is in the article.
        roles: What the person is in the article.
        named: Whether the article gives a proper name.
        wikidata: The person's Wikidata item id, such as ``"Q855"``.
        born: The date of birth, from the public record
            (`DateBasis.RECORD`).
        died: The date of death, from the public record.
        evidence: The spans that mention the person.

    >>> import secretspeech as ss
    >>> ss.people.lookup("Khrushchev").name
    'Nikita Khrushchev'
    """

    id: str = attrs.field(validator=_check_id)
    name: str = attrs.field(validator=_check_text)
    aliases: tuple[str, ...] = attrs.field(
        default=(), converter=_strings, validator=_check_texts
    )
    other_names: tuple[str, ...] = attrs.field(
        default=(), converter=_strings, validator=_check_texts
    )
    description: str = attrs.field(validator=_check_text)
    roles: tuple[PersonRole, ...] = attrs.field(
        default=(), converter=_roles, metadata=_declare(criteria=("role",))
    )
    named: bool = attrs.field(
        default=True,
        validator=check_type(bool, "True or False"),
        metadata=_declare(criteria=("named",)),
    )
    wikidata: str | None = attrs.field(default=None, validator=_check_wikidata)
    born: HistoricalDate | None = attrs.field(
        default=None, validator=_check_optional_date
    )
    died: HistoricalDate | None = attrs.field(
        default=None, validator=_check_optional_date
    )
    evidence: tuple[Evidence, ...] = attrs.field(
        converter=_evidence_tuple, validator=_check_evidence
    )

    def __attrs_post_init__(self) -> None:
        born, died = self.born, self.died
        if (
            born is not None
            and died is not None
            and died.latest < born.earliest
        ):
            raise InvalidValueError(
                f"Person {self.id!r} died ({brief(died.text)}) before being "
                f"born ({brief(born.text)})"
            )

    def __str__(self) -> str:
        return self.name


@attrs.frozen(kw_only=True)
class Group:
    """
    A group of people: a party, a congress, a class, a people, a leadership.

    Attributes:
        id: Stable, readable id, such as ``"bolsheviks"``.
        name: The name or wording the article uses.
        aliases: Other names and wordings the article uses, word for word.
        other_names: Names from the public record that the article does
            not use; `Collection.lookup` finds them too.
        description: One sentence on who they are in the article.
        kind: What sort of group this is.
        members: Ids of the people the article places in the group.
        evidence: The spans that mention the group.

    >>> import secretspeech as ss
    >>> ss.groups.lookup("the Nazis").kind
    <GroupKind.PARTY: 'party'>
    """

    id: str = attrs.field(validator=_check_id)
    name: str = attrs.field(validator=_check_text)
    aliases: tuple[str, ...] = attrs.field(
        default=(), converter=_strings, validator=_check_texts
    )
    other_names: tuple[str, ...] = attrs.field(
        default=(), converter=_strings, validator=_check_texts
    )
    description: str = attrs.field(validator=_check_text)
    kind: GroupKind = attrs.field(
        converter=GroupKind, metadata=_declare(criteria=("kind",))
    )
    members: tuple[str, ...] = attrs.field(
        default=(),
        converter=_strings,
        validator=_check_ids,
        metadata=_declare(refers_to=("people",), criteria=("member",)),
    )
    evidence: tuple[Evidence, ...] = attrs.field(
        converter=_evidence_tuple, validator=_check_evidence
    )

    def __str__(self) -> str:
        return self.name


@attrs.frozen(kw_only=True)
class Place:
    """
    A place: a country, a region, a building.

    Attributes:
        id: Stable, readable id, such as ``"hungary"``.
        name: The name the article uses.
        aliases: Other names and wordings the article uses, word for word.
        other_names: Names from the public record that the article does
            not use; `Collection.lookup` finds them too.
        description: One sentence on the place's part in the article.
        kind: What sort of place this is.
        within: Id of the place this one lies in, if the article says so.
        evidence: The spans that mention the place.

    >>> import secretspeech as ss
    >>> ss.places.lookup("Poland").within
    'eastern-europe'
    """

    id: str = attrs.field(validator=_check_id)
    name: str = attrs.field(validator=_check_text)
    aliases: tuple[str, ...] = attrs.field(
        default=(), converter=_strings, validator=_check_texts
    )
    other_names: tuple[str, ...] = attrs.field(
        default=(), converter=_strings, validator=_check_texts
    )
    description: str = attrs.field(validator=_check_text)
    kind: PlaceKind = attrs.field(
        converter=PlaceKind, metadata=_declare(criteria=("kind",))
    )
    within: str | None = attrs.field(
        default=None,
        validator=_check_optional_id,
        metadata=_declare(refers_to=("places",), criteria=("within",)),
    )
    evidence: tuple[Evidence, ...] = attrs.field(
        converter=_evidence_tuple, validator=_check_evidence
    )

    def __attrs_post_init__(self) -> None:
        if self.within == self.id:
            raise InvalidValueError(f"Place {self.id!r} lies within itself")

    def __str__(self) -> str:
        return self.name


@attrs.frozen(kw_only=True)
class Event:
    """
    Something that happened, dated as precisely as the article dates it.

    Attributes:
        id: Stable, readable id, such as ``"secret-speech"``.
        name: A short title.
        aliases: Other names and wordings the article uses, word for word.
        other_names: Names from the public record that the article does
            not use; `Collection.lookup` finds them too.
        summary: One or two sentences in the article's terms.
        kind: What sort of event this is.
        date: When, as the article words it; `None` if it gives no time.
        also_dated: Other wordings the article uses for the same time,
            each resolved (``"three years earlier"``).
        participants: Ids of the people who took part: who acted, not who
            the event was about.
        groups: Ids of the groups taking part.
        places: Ids of the places where it happened.
        subjects: Ids of the records the event is about: the speech of
            1956 is about Stalin, who had died three years before.
        evidence: The spans that tell of the event.

    >>> import secretspeech as ss
    >>> ss.events.get("secret-speech").date.edtf
    '1956-02-25'
    """

    id: str = attrs.field(validator=_check_id)
    name: str = attrs.field(validator=_check_text)
    aliases: tuple[str, ...] = attrs.field(
        default=(), converter=_strings, validator=_check_texts
    )
    other_names: tuple[str, ...] = attrs.field(
        default=(), converter=_strings, validator=_check_texts
    )
    summary: str = attrs.field(validator=_check_text)
    kind: EventKind = attrs.field(
        converter=EventKind, metadata=_declare(criteria=("kind",))
    )
    date: HistoricalDate | None = attrs.field(
        default=None,
        validator=_check_optional_date,
        metadata=_declare(criteria=("during",)),
    )
    also_dated: tuple[HistoricalDate, ...] = attrs.field(
        default=(), converter=_dates_tuple, validator=_check_dates
    )
    participants: tuple[str, ...] = attrs.field(
        default=(),
        converter=_strings,
        validator=_check_ids,
        metadata=_declare(refers_to=("people",), criteria=("involving",)),
    )
    groups: tuple[str, ...] = attrs.field(
        default=(),
        converter=_strings,
        validator=_check_ids,
        metadata=_declare(refers_to=("groups",), criteria=("involving",)),
    )
    places: tuple[str, ...] = attrs.field(
        default=(),
        converter=_strings,
        validator=_check_ids,
        metadata=_declare(refers_to=("places",), criteria=("involving", "at")),
    )
    subjects: tuple[str, ...] = attrs.field(
        default=(),
        converter=_strings,
        validator=_check_ids,
        metadata=_declare(refers_to=(ANY_COLLECTION,), criteria=("about",)),
    )
    evidence: tuple[Evidence, ...] = attrs.field(
        converter=_evidence_tuple, validator=_check_evidence
    )

    def __attrs_post_init__(self) -> None:
        if self.id in self.subjects:
            raise InvalidValueError(f"Event {self.id!r} is about itself")

    def __str__(self) -> str:
        return self.name


@attrs.frozen(kw_only=True)
class Quotation:
    """
    Words in quotation marks, verbatim, with who said them to whom and when.

    A quotation interrupted by its attribution (“We should not,” he said
    soon after, “give ammunition…”) is one record with several *segments*.
    Editorial brackets such as ``[or]`` are kept as printed.

    Attributes:
        id: Stable, readable id, such as ``"blind-kittens"``.
        segments: The quoted words, one `Evidence` per pair of quote marks,
            without the marks, in text order and apart.
        kind: An utterance, or a term only marked by quotes.
        speaker: Id of the person who said or coined it; `None` if the
            article does not say.
        speaker_mention: The words that name the speaker where the
            quotation is attributed ("he", "new leader Leonid Brezhnev").
        cue: The attribution: the words outside the quote marks that say
            who said it ("he said", "said new leader Leonid Brezhnev").
            With *speaker_mention* and *segments*, the speaker, cue and
            content that quotation extractors find.
        addressees: Ids of the people or groups spoken to.
        date: When it was said, as the article words it.
        occasion: Id of the event at which the words were said, where the
            article ties them to one.
        occasion_link: The article's words that tie the quotation to its
            *occasion* ("This came from").
        no_occasion: For words said on no occasion the article names: why
            (so a timeline places them by *date*, or skips them, without
            guessing).
        subjects: Ids of the records the words are about.
        evidence: The spans with the quotation and its attribution; the
            segments, the cue, the speaker mention and the occasion link
            lie inside them.

    >>> import secretspeech as ss
    >>> q = ss.quotations.get("dirty-linen")
    >>> len(q.segments)
    2
    >>> q.insertions
    ('[or]',)
    """

    id: str = attrs.field(validator=_check_id)
    segments: tuple[Evidence, ...] = attrs.field(
        converter=_evidence_tuple, validator=_check_evidence
    )
    kind: QuotationKind = attrs.field(
        converter=QuotationKind, metadata=_declare(criteria=("kind",))
    )
    speaker: str | None = attrs.field(
        default=None,
        validator=_check_optional_id,
        metadata=_declare(refers_to=("people",), criteria=("by",)),
    )
    speaker_mention: Evidence | None = attrs.field(
        default=None, validator=_check_optional_span
    )
    cue: Evidence | None = attrs.field(
        default=None, validator=_check_optional_span
    )
    addressees: tuple[str, ...] = attrs.field(
        default=(),
        converter=_strings,
        validator=_check_ids,
        metadata=_declare(refers_to=("people", "groups"), criteria=("to",)),
    )
    date: HistoricalDate | None = attrs.field(
        default=None,
        validator=_check_optional_date,
        metadata=_declare(criteria=("during",)),
    )
    occasion: str | None = attrs.field(
        default=None,
        validator=_check_optional_id,
        metadata=_declare(refers_to=("events",), criteria=("at",)),
    )
    occasion_link: Evidence | None = attrs.field(
        default=None, validator=_check_optional_span
    )
    no_occasion: str | None = attrs.field(
        default=None, validator=_check_optional_text
    )
    subjects: tuple[str, ...] = attrs.field(
        default=(),
        converter=_strings,
        validator=_check_ids,
        metadata=_declare(refers_to=(ANY_COLLECTION,), criteria=("about",)),
    )
    evidence: tuple[Evidence, ...] = attrs.field(
        converter=_evidence_tuple, validator=_check_evidence
    )

    def __attrs_post_init__(self) -> None:
        name = f"Quotation {self.id!r}"
        if self.id in self.subjects:
            raise InvalidValueError(f"{name} is about itself")
        _check_segments(name, self.segments, self.evidence)
        if self.speaker_mention is not None and self.speaker is None:
            raise InvalidValueError(
                f"{name}: a speaker_mention needs a speaker it mentions"
            )
        if (self.occasion is None) != (self.occasion_link is None):
            raise InvalidValueError(
                f"{name}: an occasion and its occasion_link go together"
            )
        if self.occasion is not None and self.no_occasion is not None:
            raise InvalidValueError(
                f"{name}: it has an occasion, so no_occasion must be None"
            )
        for field in ("speaker_mention", "cue", "occasion_link"):
            _check_inside(name, field, getattr(self, field), self.evidence)
        for segment in self.segments:
            for field in ("speaker_mention", "cue"):
                span = getattr(self, field)
                if (
                    span is not None
                    and span.start < segment.end
                    and (segment.start < span.end)
                ):
                    raise InvalidValueError(
                        f"{name}: its {field} {brief(span.exact)} overlaps "
                        "the quoted words; it lies outside the quote marks"
                    )

    @property
    def text(self) -> str:
        """
        The quoted words, to read or show: the segments, joined by ``[…]``.

        The segments are verbatim; this is not.  Where the attribution
        interrupts the quotation (“We should not,” he said, “give…”), the
        join is marked ``[…]``, and a comma that ends a segment belongs to
        the attribution, not to the words, so it is left out.

        >>> import secretspeech as ss
        >>> ss.quotations.get("dirty-linen").text
        'We should not […] give ammunition to the enemy [or] wash our dirty linen before their eyes.'
        >>> ss.quotations.get("muck").text
        'We should not pour muck on ourselves'
        >>> ss.quotations.get("muck").segments[0].exact
        'We should not pour muck on ourselves,'
        """  # noqa: E501 -- a doctest's output is one line
        return _JOIN.join(s.exact.removesuffix(",") for s in self.segments)

    @property
    def insertions(self) -> tuple[str, ...]:
        """
        The editorial insertions in square brackets, in order.

        >>> import secretspeech as ss
        >>> ss.quotations.get("miserable-nonentities").insertions
        ('[who]',)
        """
        return tuple(
            found
            for segment in self.segments
            for found in _INSERTION_RE.findall(segment.exact)
        )

    def __str__(self) -> str:
        return self.text


@attrs.frozen(kw_only=True)
class Statistic:
    """
    A number the article gives, with what it counts, when and where.

    Attributes:
        id: Stable, readable id, such as ``"war-dead"``.
        quantity: The number with its hedge.
        counting: What is counted, as a short plural noun: ``"deaths"``.
        description: One sentence in the article's terms.
        date: The time the number refers to, if the article says.
        places: Ids of the places it refers to.
        about: Ids of the events, groups or people it is about.
        evidence: The spans that state the number.

    >>> import secretspeech as ss
    >>> ss.statistics.get("famine-dead").quantity.text
    'perhaps two million'
    """

    id: str = attrs.field(validator=_check_id)
    quantity: Quantity = attrs.field(
        validator=check_type(Quantity, "a Quantity"),
        metadata=_declare(criteria=("kind",), via="kind"),
    )
    counting: str = attrs.field(
        validator=_check_text, metadata=_declare(criteria=("counting",))
    )
    description: str = attrs.field(validator=_check_text)
    date: HistoricalDate | None = attrs.field(
        default=None,
        validator=_check_optional_date,
        metadata=_declare(criteria=("during",)),
    )
    places: tuple[str, ...] = attrs.field(
        default=(),
        converter=_strings,
        validator=_check_ids,
        metadata=_declare(refers_to=("places",), criteria=("at",)),
    )
    about: tuple[str, ...] = attrs.field(
        default=(),
        converter=_strings,
        validator=_check_ids,
        metadata=_declare(refers_to=(ANY_COLLECTION,), criteria=("about",)),
    )
    evidence: tuple[Evidence, ...] = attrs.field(
        converter=_evidence_tuple, validator=_check_evidence
    )

    def __attrs_post_init__(self) -> None:
        if self.id in self.about:
            raise InvalidValueError(f"Statistic {self.id!r} is about itself")

    def __str__(self) -> str:
        return f"{self.quantity.text} ({self.counting})"


@attrs.frozen(kw_only=True)
class Claim:
    """
    One thing the article asserts, argues, judges or reports.

    The article is an argument as well as a story: each claim is one of
    its statements, in the voice the article gives it.  The author asserts
    most of them; others are reports of what someone said or thought
    ("Stalin, he argued, had not followed Lenin"), and a report may hold
    another (Khrushchev cites Lenin's testament, which says that Stalin
    had too much power): each step is a claim whose *parent* is the one
    that reports it.  The steps of an argument share a parent too (the
    four ways in which Khrushchev limited the criticism).

    Attributes:
        id: Stable, readable id.
        summary: What is claimed, in one plain sentence close to the
            article's words.
        stance: The author's assertion, a report, or an evaluation.
        by: For a report, the id of the person or group whose words or
            thoughts the author reports; `None` for the author's own voice.
        cue: For a report, the words that mark it ("he argued",
            "saying", "they hoped"), inside one of the *evidence* spans.
        parent: Id of the claim this one is a step of, or is reported in.
        subjects: Ids of the records the claim is about.
        evidence: The spans that make the claim.

    >>> import secretspeech as ss
    >>> claim = ss.claims.get("testament-says-stalin-too-powerful")
    >>> claim.stance.value, claim.by, claim.cue.exact
    ('report', 'vladimir-lenin', 'saying')
    """

    id: str = attrs.field(validator=_check_id)
    summary: str = attrs.field(validator=_check_text)
    stance: Stance = attrs.field(
        converter=Stance, metadata=_declare(criteria=("stance",))
    )
    by: str | None = attrs.field(
        default=None,
        validator=_check_optional_id,
        metadata=_declare(refers_to=("people", "groups"), criteria=("by",)),
    )
    cue: Evidence | None = attrs.field(
        default=None, validator=_check_optional_span
    )
    parent: str | None = attrs.field(
        default=None,
        validator=_check_optional_id,
        metadata=_declare(refers_to=("claims",), criteria=("within",)),
    )
    subjects: tuple[str, ...] = attrs.field(
        default=(),
        converter=_strings,
        validator=_check_ids,
        metadata=_declare(refers_to=(ANY_COLLECTION,), criteria=("about",)),
    )
    evidence: tuple[Evidence, ...] = attrs.field(
        converter=_evidence_tuple, validator=_check_evidence
    )

    def __attrs_post_init__(self) -> None:
        name = f"Claim {self.id!r}"
        reported = self.stance is Stance.REPORT
        if reported and (self.by is None or self.cue is None):
            raise InvalidValueError(
                f"{name}: a report names who is reported (by) and the "
                "words that report them (cue)"
            )
        if not reported and (self.by is not None or self.cue is not None):
            raise InvalidValueError(
                f"{name}: only a report has a by and a cue; "
                f"{self.stance.value!r} is the author's own voice"
            )
        if self.parent == self.id:
            raise InvalidValueError(f"{name} is its own parent")
        if self.id in self.subjects:
            raise InvalidValueError(f"{name} is about itself")
        _check_inside(name, "cue", self.cue, self.evidence)

    def __str__(self) -> str:
        return self.summary


@attrs.frozen(kw_only=True)
class Relation:
    """
    A typed link the article asserts between two records.

    Attributes:
        id: Stable, readable id.
        kind: How *source* relates to *target*.
        source: Id of the record the link starts from.
        target: Id of the record the link points to.
        link: The article's own words that make the link ("helped to
            encourage", "The logic was the same"), inside one of the
            *evidence* spans; *kind* renders them.
        evidence: The spans that assert the link.

    >>> import secretspeech as ss
    >>> [r.kind.value for r in ss.related("hungarian-revolution")][:1]
    ['contributes to']
    """

    id: str = attrs.field(validator=_check_id)
    kind: RelationKind = attrs.field(
        converter=RelationKind, metadata=_declare(criteria=("kind",))
    )
    source: str = attrs.field(
        validator=_check_id,
        metadata=_declare(
            refers_to=(ANY_COLLECTION,), criteria=("source", "involving")
        ),
    )
    target: str = attrs.field(
        validator=_check_id,
        metadata=_declare(
            refers_to=(ANY_COLLECTION,), criteria=("target", "involving")
        ),
    )
    link: Evidence = attrs.field(validator=check_type(Evidence, "an Evidence"))
    evidence: tuple[Evidence, ...] = attrs.field(
        converter=_evidence_tuple, validator=_check_evidence
    )

    def __attrs_post_init__(self) -> None:
        if self.source == self.target:
            raise InvalidValueError(
                f"Relation {self.id!r} links {self.source!r} to itself"
            )
        _check_inside(
            f"Relation {self.id!r}", "link", self.link, self.evidence
        )

    @property
    def is_causal(self) -> bool:
        """
        Whether the relation is one of `CAUSAL_KINDS`.

        >>> import secretspeech as ss
        >>> ss.relations[0].is_causal in (True, False)
        True
        """
        return self.kind in CAUSAL_KINDS

    def __str__(self) -> str:
        return f"{self.source} {self.kind.value} {self.target}"


@attrs.frozen(kw_only=True)
class Note:
    """
    What the public record says where it differs from or adds to the article.

    Notes never change the article's own data; they sit beside it with
    their sources.

    Attributes:
        id: Stable, readable id.
        verdict: What the public record says of the article's claim.
        about: Ids of the records the note is about.
        text: The note, in plain words.
        sources: The works cited, at least one.
        evidence: The article's spans the note comments on.

    >>> import secretspeech as ss
    >>> note = ss.notes.get("published-in-ussr")
    >>> note.verdict
    <Verdict.DISAGREES: 'disagrees'>
    """

    id: str = attrs.field(validator=_check_id)
    verdict: Verdict = attrs.field(
        converter=Verdict, metadata=_declare(criteria=("verdict",))
    )
    about: tuple[str, ...] = attrs.field(
        converter=_strings,
        validator=_check_ids,
        metadata=_declare(refers_to=(ANY_COLLECTION,), criteria=("about",)),
    )
    text: str = attrs.field(validator=_check_text)
    sources: tuple[Source, ...] = attrs.field(
        converter=_sources_tuple, validator=_check_sources
    )
    evidence: tuple[Evidence, ...] = attrs.field(
        converter=_evidence_tuple, validator=_check_evidence
    )

    def __attrs_post_init__(self) -> None:
        if not self.about:
            raise InvalidValueError(f"Note {self.id!r} is about nothing")
        if self.id in self.about:
            raise InvalidValueError(f"Note {self.id!r} is about itself")
        if not self.sources:
            raise InvalidValueError(f"Note {self.id!r} cites no source")

    def __str__(self) -> str:
        return self.text


def _saved_otherwise(text: str, sha256: str) -> str:
    """
    Say how *text* differs from the text whose digest is *sha256*, if known.

    An editor or a checkout may add a byte order mark or change the line
    endings, which leaves every word in place but moves every offset. Only
    a refusal pays for these tries, and a try that changes nothing cannot
    match, since the text itself did not.
    """
    import hashlib  # noqa: PLC0415 -- only a refusal comes here

    bare = text.removeprefix("\ufeff")
    bom = [] if bare == text else ["without the byte order mark at its start"]
    tries = (
        (bare, bom),
        (
            bare.replace("\r\n", "\n"),
            [*bom, "with its CRLF line endings as LF"],
        ),
        (
            bare.replace("\n", "\r\n"),
            [*bom, "with its LF line endings as CRLF"],
        ),
    )
    for fixed, changes in tries:
        if fixed == text:
            continue
        found = hashlib.sha256(fixed.encode("utf-8", "surrogatepass"))
        if found.hexdigest() == sha256:
            return f"; it would be, {' and '.join(changes)}"
    return ""


# A BCP 47 tag, simply: a language and optional subtags ("en", "en-GB",
# "zh-Hant-TW").
_LANGUAGE_TAG = re.compile(r"[A-Za-z]{2,3}(?:-[A-Za-z0-9]{1,8})*")
# A SHA-256 digest as `hashlib` spells it: 64 lower-case hex digits.
_SHA256 = re.compile(r"[0-9a-f]{64}")


@attrs.frozen(kw_only=True)
class Article:
    """
    The article itself: its canonical text and what is known about it.

    Attributes:
        title: The headline.
        standfirst: The line under the headline.
        author: The byline.
        publication: The paper.
        issue: The issue number.
        published: The publication date.
        caption: The photo caption.
        text: The canonical body text every `Evidence` refers to.
        sha256: The SHA-256 of *text* encoded as UTF-8.
        language: The BCP 47 language tag.

    >>> import secretspeech as ss
    >>> ss.article.issue, ss.article.published.edtf
    (1988, '2006-02-18')
    """

    title: str = attrs.field(validator=_check_text)
    standfirst: str = attrs.field(validator=_check_text)
    author: str = attrs.field(validator=_check_text)
    publication: str = attrs.field(validator=_check_text)
    issue: int = attrs.field(validator=_check_non_negative)
    published: HistoricalDate = attrs.field(
        validator=check_type(HistoricalDate, "a HistoricalDate")
    )
    caption: str = attrs.field(validator=_check_text)
    text: str = attrs.field(repr=False, validator=_check_text)
    sha256: str = attrs.field()
    language: str = attrs.field(default="en-GB", validator=_check_text)

    @sha256.validator
    def _check_sha256(
        self, _attribute: attrs.Attribute[str], value: str
    ) -> None:
        if not isinstance(value, str):
            raise InvalidTypeError(
                f"Article.sha256 must be a str, got {shown(value)}"
            )
        if not _SHA256.fullmatch(value):
            raise InvalidValueError(
                f"Article.sha256 must be 64 hex digits, got {brief(value)}"
            )
        # The digest is what ties offsets to a text: a different text, even
        # by one byte, would make every span point somewhere else.
        import hashlib  # noqa: PLC0415 -- the bundled data skips this check

        digest = hashlib.sha256(self.text.encode("utf-8", "surrogatepass"))
        if digest.hexdigest() != value:
            raise InvalidValueError(
                f"Article.sha256 is {value}, but the text's SHA-256 is "
                f"{digest.hexdigest()}: the text is not the one the offsets "
                f"refer to{_saved_otherwise(self.text, value)}"
            )

    @language.validator
    def _check_language(
        self, _attribute: attrs.Attribute[str], value: str
    ) -> None:
        # _check_text has refused anything but a non-blank str already.
        if not _LANGUAGE_TAG.fullmatch(value):
            raise InvalidValueError(
                f"Article.language must be a BCP 47 tag such as 'en-GB', "
                f"got {brief(value)}"
            )

    @property
    def id(self) -> str:
        """
        The id that stands for the article wherever a record id may.

        A note may be about the article, so `Corpus.refs` can return the
        `Article` beside records; this property lets code read ``.id`` from
        any of them.

        >>> import secretspeech as ss
        >>> ss.article.id
        'article'
        """
        return "article"

    @functools.cached_property
    def paragraphs(self) -> tuple[Evidence, ...]:
        """
        The paragraphs of *text*, as spans, in order.

        >>> import secretspeech as ss
        >>> len(ss.article.paragraphs)
        40
        >>> ss.article.paragraphs[2].exact
        'The speech made history. Khrushchev ripped aside the propaganda image of the former dictator Joseph Stalin, who had died three years earlier. He did it from the centre of power.'
        """  # noqa: E501 -- a doctest's output is one line
        return self._spans(paragraph_spans(self.text))

    @functools.cached_property
    def sentences(self) -> tuple[Evidence, ...]:
        """
        The sentences of *text*, as spans, in order.

        A sentence ends at ``.``, ``!``, ``?`` or ``…`` and any closing
        quotes after it, when a capital, a digit or an opening quote
        follows; nothing inside double quotes ends a sentence, so a quoted
        passage stays with its attribution; a paragraph always ends one.
        `Corpus.context` reads the same sentences.

        >>> import secretspeech as ss
        >>> [s.exact for s in ss.article.sentences[7:9]]
        ['The speech made history.', 'Khrushchev ripped aside the propaganda image of the former dictator Joseph Stalin, who had died three years earlier.']
        """  # noqa: E501 -- a doctest's output is one line
        return self._spans(sentence_spans(self.text))

    def _spans(
        self, spans: tuple[tuple[int, int], ...]
    ) -> tuple[Evidence, ...]:
        return tuple(Evidence.from_offsets(self.text, a, b) for a, b in spans)

    @property
    def published_on(self) -> datetime.date:
        """
        The publication day as a `datetime.date`.

        >>> import secretspeech as ss
        >>> ss.article.published_on.isoformat()
        '2006-02-18'
        """
        return self.published.earliest

    def __str__(self) -> str:
        return self.title

    def _repr_pretty_(self, p: Any, cycle: bool) -> None:  # noqa: ANN401, ARG002
        # IPython and hypothesis' reports ignore repr=False on the text;
        # keep their output as short as repr().
        p.text(repr(self))


#: Any record that has an id.
Record: TypeAlias = (
    Person
    | Group
    | Place
    | Event
    | Quotation
    | Statistic
    | Claim
    | Relation
    | Note
)


#: What a `Collection.filter` criterion takes, by the type of the fields it
#: reads: record ids, a vocabulary member, a flag, a period, words, or (for
#: ``strict=``) a flag that modifies ``during=``.
CriterionTakes: TypeAlias = Literal[
    "ids", "vocabulary", "flag", "period", "words", "modifier"
]


@attrs.frozen
class Criterion:
    """
    One keyword of `Collection.filter`, as the schema declares it.

    Attributes:
        name: The keyword: ``"involving"``.
        takes: What it takes, from the type of the fields it reads:
            ``"ids"`` (records, their ids or names), ``"vocabulary"`` (a
            member of *vocabulary* or its value), ``"flag"`` (a `bool`),
            ``"period"`` (a date or period), ``"words"`` (text matched
            singular or plural) or ``"modifier"`` (``strict=``, a `bool`
            that changes ``during=``).
        fields: The fields it reads; a dotted path reads inside a value
            (``"quantity.kind"``).
        among: For ``"ids"``: the collections the records may come from;
            ``("*",)`` for any.
        vocabulary: For ``"vocabulary"``: the enumeration.

    >>> import secretspeech as ss
    >>> ss.SCHEMA[3].criteria["involving"].fields
    ('participants', 'groups', 'places')
    """

    name: str
    takes: CriterionTakes
    fields: tuple[str, ...] = ()
    among: tuple[str, ...] = ()
    vocabulary: type[enum.Enum] | None = None


def _check_record_type(
    inst: object, attribute: attrs.Attribute[Any], value: object
) -> None:
    if not (isinstance(value, type) and attrs.has(value)):
        raise InvalidTypeError(
            f"{_name(inst, attribute)} must be an attrs class, got "
            f"{shown(value)}"
        )


@attrs.frozen
class CollectionSchema:
    """
    One collection of a corpus: its name, its record type and their schema.

    The schema is declared once, in the metadata of the record types'
    fields; this reads it back, for the loader, the catalog, the
    strategies, the exporters and for you.  `SCHEMA` holds one for each
    collection, in order.

    Attributes:
        name: The collection's name, as in ``ss.people`` and in the corpus
            document: ``"people"``.
        record_type: The attrs class of its records: `Person`.
        noun: One record, in messages: ``"person"``.
        fields: The names of the record type's fields, in declaration
            order.
        id_fields: Each field that holds ids, with the collections its ids
            may name (``"*"``: any); ``relative_to`` stands for the records
            a date was resolved against, on record types with dates.
        criteria: The keywords `Collection.filter` takes for this
            collection, sorted, each with what the schema declares of it:
            its ``name``; what it ``takes`` (``"ids"``: records, their ids
            or names; ``"vocabulary"``: a member of its ``vocabulary`` or
            its value; ``"flag"``: a `bool`; ``"period"``: a date or
            period; ``"words"``: text matched singular or plural;
            ``"modifier"``: ``strict=``, a `bool` that changes
            ``during=``); the ``fields`` it reads (a dotted path reads
            inside a value: ``"quantity.kind"``); for ids, the collections
            they may come from, ``among`` (``("*",)``: any).

    >>> import secretspeech as ss
    >>> events = ss.SCHEMA[3]
    >>> events.name, events.record_type.__name__, events.noun
    ('events', 'Event', 'event')
    >>> events.id_fields["places"]
    ('places',)
    >>> list(events.criteria)
    ['about', 'at', 'during', 'involving', 'kind', 'strict']
    >>> involving = events.criteria["involving"]
    >>> involving.takes, involving.among
    ('ids', ('people', 'groups', 'places'))
    """

    name: str = attrs.field(validator=_check_text)
    record_type: type[Record] = attrs.field(validator=_check_record_type)
    noun: str = attrs.field(validator=_check_text)
    fields: tuple[str, ...] = attrs.field(init=False)
    id_fields: Mapping[str, tuple[str, ...]] = attrs.field(
        init=False, eq=False, repr=False
    )
    criteria: Mapping[str, Criterion] = attrs.field(
        init=False, eq=False, repr=False
    )

    def __attrs_post_init__(self) -> None:
        declared = attrs.fields(self.record_type)
        hints = type_hints(self.record_type)
        refs = {
            f.name: f.metadata[_REFERS_TO]
            for f in declared
            if _REFERS_TO in f.metadata
        }
        if date_fields(self.record_type):
            refs["relative_to"] = (ANY_COLLECTION,)
        names = {c for f in declared for c in f.metadata.get(_CRITERIA, ())}
        criteria = {}
        for name in names:
            readers = [
                f for f in declared if name in f.metadata.get(_CRITERIA, ())
            ]
            criteria[name] = _criterion(name, readers, hints, refs)
            if criteria[name].takes == "period":
                criteria["strict"] = Criterion("strict", "modifier")
        object.__setattr__(self, "fields", tuple(f.name for f in declared))
        object.__setattr__(self, "id_fields", types.MappingProxyType(refs))
        object.__setattr__(
            self,
            "criteria",
            types.MappingProxyType(dict(sorted(criteria.items()))),
        )


def _criterion(
    name: str,
    readers: list[attrs.Attribute[Any]],
    hints: Mapping[str, Any],
    refs: dict[str, tuple[str, ...]],
) -> Criterion:
    """Classify a criterion by the fields that declare it."""
    first = readers[0]
    hint = hints[first.name]
    path = first.name
    via = first.metadata.get(_VIA)
    if isinstance(via, str):
        hint = type_hints(hint)[via]
        path = f"{first.name}.{via}"
    fields = tuple(f.name for f in readers)
    if all(f in refs for f in fields):
        among = tuple(dict.fromkeys(c for f in fields for c in refs[f]))
        if ANY_COLLECTION in among:
            among = (ANY_COLLECTION,)
        return Criterion(name, "ids", fields, among=among)
    for arg in (hint, *typing.get_args(hint)):
        if isinstance(arg, type) and issubclass(arg, enum.Enum):
            return Criterion(name, "vocabulary", (path,), vocabulary=arg)
    if _holds(hint, HistoricalDate):
        return Criterion(name, "period", fields)
    if hint is bool:
        return Criterion(name, "flag", fields)
    return Criterion(name, "words", fields)


def _holds(hint: object, wanted: type) -> bool:
    """Tell whether a field's type hint is or holds *wanted*."""
    return hint is wanted or any(
        _holds(arg, wanted) for arg in typing.get_args(hint)
    )


def type_hints(cls: type) -> Mapping[str, Any]:
    """
    Return the resolved annotations of the class *cls*, read once per class.

    The schema, the loader, the corpus checks and the exporters each read a
    record type's annotations; resolving them compiles every annotation's
    text, so it is done once.

    >>> from secretspeech._model import Person, type_hints
    >>> type_hints(Person)["name"]
    <class 'str'>
    """
    # A function in front of the cache, so that it takes any class: the
    # cache's own signature asks for a Hashable, which mypy does not see
    # in a union of classes.
    return _type_hints(cls)


@functools.lru_cache(maxsize=256)
def _type_hints(cls: type) -> Mapping[str, Any]:
    return types.MappingProxyType(typing.get_type_hints(cls))


def date_fields(record_type: type) -> tuple[str, ...]:
    """
    Return the fields of a record type that hold dates, in field order.

    The ``relative_to`` of each of their dates is an id the record holds:
    what the schema's ``relative_to`` stands for.

    >>> from secretspeech._model import Event, Person, date_fields
    >>> date_fields(Event), date_fields(Person)
    (('date', 'also_dated'), ('born', 'died'))
    """
    return _date_fields(record_type)


@functools.lru_cache(maxsize=256)
def _date_fields(record_type: type) -> tuple[str, ...]:
    hints = type_hints(record_type)
    return tuple(
        f.name
        for f in attrs.fields(record_type)
        if _holds(hints[f.name], HistoricalDate)
    )


#: The collections of a corpus, in the order of the data and of lookups
#: across collections: the one list of them.
SCHEMA: tuple[CollectionSchema, ...] = (
    CollectionSchema("people", Person, "person"),
    CollectionSchema("groups", Group, "group"),
    CollectionSchema("places", Place, "place"),
    CollectionSchema("events", Event, "event"),
    CollectionSchema("quotations", Quotation, "quotation"),
    CollectionSchema("statistics", Statistic, "statistic"),
    CollectionSchema("claims", Claim, "claim"),
    CollectionSchema("relations", Relation, "relation"),
    CollectionSchema("notes", Note, "note"),
)


def schema_of(record_type: type) -> CollectionSchema | None:
    """
    Return the schema of the collection whose records are *record_type*.

    A subclass of a record type, with fields of its own, belongs to its
    base's collection, with its own schema: its fields' metadata declare
    what they hold, as ours do. `None` for anything else.

    >>> import secretspeech as ss
    >>> from secretspeech._model import schema_of
    >>> schema_of(ss.Event).name, schema_of(str)
    ('events', None)
    """
    found = _SCHEMA_OF.get(record_type)
    if found is not None:
        return found
    for schema in SCHEMA:
        if issubclass(record_type, schema.record_type):
            # Classes hash by identity; typeshed's Hashable misses that.
            return _subclass_schema(schema, record_type)  # type: ignore[arg-type]
    return None


@functools.lru_cache(maxsize=64)
def _subclass_schema(
    base: CollectionSchema, record_type: type
) -> CollectionSchema:
    # Read a subclass's field metadata once, not on every lookup.
    return CollectionSchema(base.name, record_type, base.noun)


_SCHEMA_OF: Mapping[type, CollectionSchema] = types.MappingProxyType(
    {c.record_type: c for c in SCHEMA}
)
#: The same, as (name, record type) pairs.
COLLECTIONS: tuple[tuple[str, type[Record]], ...] = tuple(
    (c.name, c.record_type) for c in SCHEMA
)


#: The version of the corpus JSON format that `Corpus.to_document` writes
#: and the loader reads.
CORPUS_FORMAT = 1


def plain(value: object) -> Any:  # noqa: ANN401 -- JSON is untyped
    """
    Turn a record or value into plain JSON data.

    Records become objects of their fields, tuples lists, vocabulary
    members their values and dates ISO strings.

    >>> from secretspeech._model import plain
    >>> import secretspeech as ss
    >>> plain(ss.statistics.get("war-dead").quantity)["kind"]
    'at most'
    """
    cls = type(value)
    if attrs.has(cls):
        return {
            a.name: plain(getattr(value, a.name)) for a in attrs.fields(cls)
        }
    if isinstance(value, tuple):
        return [plain(v) for v in value]
    if isinstance(value, enum.Enum):
        return value.value
    if isinstance(value, datetime.date):
        return value.isoformat()
    return value
