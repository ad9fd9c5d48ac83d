"""
The records of the edition: small immutable values that refer by id.

Nothing here reads files or knows about collections; `secretspeech._load`
builds these records and `secretspeech._catalog` indexes them.
"""

from __future__ import annotations

import datetime
import enum
import inspect
import re
from collections.abc import Iterable
from typing import Any, TypeAlias

import attrs

from secretspeech._dates import HistoricalDate
from secretspeech._text import with_article
from secretspeech.exceptions import InvalidQueryError, InvalidValueError


_ID_RE = re.compile(r"[a-z0-9]+(?:-[a-z0-9]+)*\Z")
_INSERTION_RE = re.compile(r"\[[^\]]+\]")
#: How many characters of context an `Evidence` keeps on each side.
CONTEXT_CHARS = 32


def _strings(value: Iterable[str]) -> tuple[str, ...]:
    # A bare string is iterable too; turning "abc" into ("a", "b", "c")
    # would hide a mistake, so refuse it.
    if isinstance(value, str):
        raise InvalidValueError(
            f"expected a sequence of strings, got the string {value!r}"
        )
    return tuple(value)


def _roles(value: Iterable[str]) -> tuple[PersonRole, ...]:
    return tuple(PersonRole(r) for r in _strings(value))


def _dates_tuple(
    value: Iterable[HistoricalDate],
) -> tuple[HistoricalDate, ...]:
    return tuple(value)


def _evidence_tuple(value: Iterable[Evidence]) -> tuple[Evidence, ...]:
    return tuple(value)


def _check_id(
    _inst: object, attribute: attrs.Attribute[Any], value: object
) -> None:
    if not isinstance(value, str) or not _ID_RE.match(value):
        raise InvalidValueError(
            f"{attribute.name} must be a lower-case slug such as "
            f"'nikita-khrushchev', got {value!r}"
        )


def _check_ids(
    _inst: object, attribute: attrs.Attribute[Any], value: tuple[object, ...]
) -> None:
    for item in value:
        _check_id(_inst, attribute, item)
    if len(set(value)) != len(value):
        raise InvalidValueError(f"{attribute.name} repeats an id: {value!r}")


def _check_optional_id(
    inst: object, attribute: attrs.Attribute[Any], value: object
) -> None:
    if value is not None:
        _check_id(inst, attribute, value)


def _check_text(
    _inst: object, attribute: attrs.Attribute[Any], value: object
) -> None:
    if not isinstance(value, str) or not value.strip():
        raise InvalidValueError(
            f"{attribute.name} must be a non-empty string, got {value!r}"
        )


def _check_texts(
    inst: object, attribute: attrs.Attribute[Any], value: tuple[object, ...]
) -> None:
    for item in value:
        _check_text(inst, attribute, item)
    if len(set(value)) != len(value):
        raise InvalidValueError(f"{attribute.name} repeats a value: {value!r}")


def _check_evidence(
    _inst: object, attribute: attrs.Attribute[Any], value: tuple[object, ...]
) -> None:
    if not value:
        raise InvalidValueError(
            f"{attribute.name} needs at least one Evidence"
        )
    for item in value:
        if not isinstance(item, Evidence):
            raise InvalidValueError(
                f"{attribute.name} must hold Evidence, got {item!r}"
            )


def _check_optional_date(
    _inst: object, attribute: attrs.Attribute[Any], value: object
) -> None:
    if value is not None and not isinstance(value, HistoricalDate):
        raise InvalidValueError(
            f"{attribute.name} must be a HistoricalDate or None, got {value!r}"
        )


def _check_dates(
    _inst: object, attribute: attrs.Attribute[Any], value: tuple[object, ...]
) -> None:
    for item in value:
        if not isinstance(item, HistoricalDate):
            raise InvalidValueError(
                f"{attribute.name} must hold HistoricalDate, got {item!r}"
            )


def _check_non_negative(
    _inst: object, attribute: attrs.Attribute[Any], value: object
) -> None:
    if not isinstance(value, int) or isinstance(value, bool) or value < 0:
        raise InvalidValueError(
            f"{attribute.name} must be a non-negative int, got {value!r}"
        )


def _check_optional_count(
    inst: object, attribute: attrs.Attribute[Any], value: object
) -> None:
    if value is not None:
        _check_non_negative(inst, attribute, value)


def _check_is_text(text: object, method: str) -> None:
    if not isinstance(text, str):
        raise InvalidQueryError(
            f"{method} takes the text as a str, got {type(text).__name__}"
        )


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
        default="", repr=False, validator=attrs.validators.instance_of(str)
    )
    suffix: str = attrs.field(
        default="", repr=False, validator=attrs.validators.instance_of(str)
    )

    def __attrs_post_init__(self) -> None:
        if self.end - self.start != len(self.exact):
            raise InvalidValueError(
                f"Evidence {self.exact!r} is {len(self.exact)} characters "
                f"long but its offsets {self.start}:{self.end} span "
                f"{self.end - self.start}"
            )
        if (
            len(self.prefix) > CONTEXT_CHARS
            or len(self.suffix) > CONTEXT_CHARS
        ):
            raise InvalidValueError(
                f"Evidence {self.exact!r}: prefix and suffix are at most "
                f"{CONTEXT_CHARS} characters"
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
            InvalidValueError: If the offsets are outside *text* or empty.

        >>> from secretspeech import Evidence
        >>> ev = Evidence.from_offsets("The speech made history.", 4, 10)
        >>> ev.exact, ev.prefix, ev.suffix
        ('speech', 'The ', ' made history.')
        """
        if not 0 <= start < end <= len(text):
            raise InvalidValueError(
                f"offsets {start}:{end} are not a non-empty span of a text "
                f"of {len(text)} characters"
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
            InvalidQueryError: If *text* is not a str.

        >>> from secretspeech import Evidence
        >>> text = "The speech made history."
        >>> Evidence.from_offsets(text, 4, 10).matches(text)
        True
        """
        _check_is_text(text, "matches()")
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
            InvalidQueryError: If *text* is not a str.

        >>> from secretspeech import Evidence
        >>> ev = Evidence.from_offsets("The speech made history.", 4, 10)
        >>> ev.reanchor("Indeed: The speech made history.").start
        12
        """
        _check_is_text(text, "reanchor()")
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


class _Vocabulary(enum.StrEnum):
    """
    A closed list of words, read forgivingly and refused clearly.

    Besides its value, a member is found by its name or any spelling that
    differs only in case or in spaces, hyphens and underscores
    (``"power-struggle"``, ``"POWER_STRUGGLE"``); anything else raises
    `InvalidValueError` listing the choices.
    """

    def __init_subclass__(cls, **kwargs: object) -> None:
        super().__init_subclass__(**kwargs)
        # attrs copies a converter's parameter type into the ``__init__`` it
        # writes; an enum's own signature has none, so record fields such as
        # ``kind`` would show no type in signatures and the API reference.
        cls.__signature__ = inspect.Signature(  # type: ignore[attr-defined]
            [
                inspect.Parameter(
                    "value",
                    inspect.Parameter.POSITIONAL_ONLY,
                    annotation=cls | str,
                )
            ],
            return_annotation=cls,
        )

    @classmethod
    def _missing_(cls, value: object) -> _Vocabulary:
        if isinstance(value, str):
            wanted = _spelling(value)
            for member in cls:
                if wanted in (_spelling(member.value), _spelling(member.name)):
                    return member
        choices = ", ".join(repr(m.value) for m in cls)
        raise InvalidValueError(
            f"{value!r} is not {with_article(cls.__name__)}; "
            f"choose from {choices}"
        )


def _spelling(text: str) -> str:
    return " ".join(re.split(r"[\s_-]+", text.strip())).casefold()


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
        hedge: The hedge as written (``"as many as"``), if any.

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
    hedge: str | None = attrs.field(default=None)

    def __attrs_post_init__(self) -> None:
        problem = self._problem()
        if problem:
            raise InvalidValueError(f"Quantity {self.text!r}: {problem}")

    def _problem(self) -> str | None:  # noqa: C901, PLR0911, PLR0912 -- a rule per kind
        low, high, value, kind = self.low, self.high, self.value, self.kind
        if low is not None and high is not None and low > high:
            return f"low {low} is greater than high {high}"
        if self.hedge is not None and self.hedge not in self.text:
            return f"hedge {self.hedge!r} is not in the text"
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


class NoteKind(_Vocabulary):
    """
    What a `Note` adds to the article.

    >>> import secretspeech as ss
    >>> len(ss.notes.filter(kind=ss.NoteKind.CORRECTION)) > 0
    True
    """

    #: The public record differs from what the article says.
    CORRECTION = "correction"
    #: The public record names or dates what the article leaves open.
    IDENTIFICATION = "identification"
    #: The public record agrees and adds detail.
    CONTEXT = "context"


@attrs.frozen(kw_only=True)
class Person:
    """
    A person the article mentions, named or not.

    Unnamed people are people too: the tsar, "one novelist", the "Russian
    agent". Their *name* is the article's own wording.

    Attributes:
        id: Stable, readable id, such as ``"nikita-khrushchev"``.
        name: The fullest name the article gives.
        aliases: Other names and wordings the article uses.
        description: One sentence on who this is in the article.
        roles: What the person is in the article.
        named: Whether the article gives a proper name.
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
    description: str = attrs.field(validator=_check_text)
    roles: tuple[PersonRole, ...] = attrs.field(default=(), converter=_roles)
    named: bool = attrs.field(
        default=True, validator=attrs.validators.instance_of(bool)
    )
    evidence: tuple[Evidence, ...] = attrs.field(
        converter=_evidence_tuple, validator=_check_evidence
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
        aliases: Other names and wordings the article uses.
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
    description: str = attrs.field(validator=_check_text)
    kind: GroupKind = attrs.field(converter=GroupKind)
    members: tuple[str, ...] = attrs.field(
        default=(), converter=_strings, validator=_check_ids
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
        aliases: Other names and wordings.
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
    description: str = attrs.field(validator=_check_text)
    kind: PlaceKind = attrs.field(converter=PlaceKind)
    within: str | None = attrs.field(
        default=None, validator=_check_optional_id
    )
    evidence: tuple[Evidence, ...] = attrs.field(
        converter=_evidence_tuple, validator=_check_evidence
    )

    def __str__(self) -> str:
        return self.name


@attrs.frozen(kw_only=True)
class Event:
    """
    Something that happened, dated as precisely as the article dates it.

    Attributes:
        id: Stable, readable id, such as ``"secret-speech"``.
        name: A short title.
        aliases: Other names: the article's wordings and common names.
        summary: One or two sentences in the article's terms.
        kind: What sort of event this is.
        date: When, as the article words it; `None` if it gives no time.
        also_dated: Other wordings the article uses for the same time,
            each resolved (``"three years earlier"``).
        participants: Ids of the people taking part.
        groups: Ids of the groups taking part.
        places: Ids of the places where it happened.
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
    summary: str = attrs.field(validator=_check_text)
    kind: EventKind = attrs.field(converter=EventKind)
    date: HistoricalDate | None = attrs.field(
        default=None, validator=_check_optional_date
    )
    also_dated: tuple[HistoricalDate, ...] = attrs.field(
        default=(), converter=_dates_tuple, validator=_check_dates
    )
    participants: tuple[str, ...] = attrs.field(
        default=(), converter=_strings, validator=_check_ids
    )
    groups: tuple[str, ...] = attrs.field(
        default=(), converter=_strings, validator=_check_ids
    )
    places: tuple[str, ...] = attrs.field(
        default=(), converter=_strings, validator=_check_ids
    )
    evidence: tuple[Evidence, ...] = attrs.field(
        converter=_evidence_tuple, validator=_check_evidence
    )

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
            without the marks.
        kind: An utterance, or a term only marked by quotes.
        speaker: Id of the person who said or coined it; `None` if the
            article does not say.
        addressees: Ids of the people or groups spoken to.
        date: When it was said, as the article words it.
        subjects: Ids of the records the words are about.
        evidence: The spans with the quotation and its attribution.

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
    kind: QuotationKind = attrs.field(converter=QuotationKind)
    speaker: str | None = attrs.field(
        default=None, validator=_check_optional_id
    )
    addressees: tuple[str, ...] = attrs.field(
        default=(), converter=_strings, validator=_check_ids
    )
    date: HistoricalDate | None = attrs.field(
        default=None, validator=_check_optional_date
    )
    subjects: tuple[str, ...] = attrs.field(
        default=(), converter=_strings, validator=_check_ids
    )
    evidence: tuple[Evidence, ...] = attrs.field(
        converter=_evidence_tuple, validator=_check_evidence
    )

    def __attrs_post_init__(self) -> None:
        starts = [s.start for s in self.segments]
        if starts != sorted(starts):
            raise InvalidValueError(
                f"Quotation {self.id!r}: segments must be in text order"
            )

    @property
    def text(self) -> str:
        """
        The quoted words: the segments joined by single spaces.

        >>> import secretspeech as ss
        >>> ss.quotations.get("muck").text
        'We should not pour muck on ourselves,'
        """
        return " ".join(s.exact for s in self.segments)

    @property
    def insertions(self) -> tuple[str, ...]:
        """
        The editorial insertions in square brackets, in order.

        >>> import secretspeech as ss
        >>> ss.quotations.get("miserable-nonentities").insertions
        ('[who]',)
        """
        return tuple(_INSERTION_RE.findall(self.text))

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
        validator=attrs.validators.instance_of(Quantity)
    )
    counting: str = attrs.field(validator=_check_text)
    description: str = attrs.field(validator=_check_text)
    date: HistoricalDate | None = attrs.field(
        default=None, validator=_check_optional_date
    )
    places: tuple[str, ...] = attrs.field(
        default=(), converter=_strings, validator=_check_ids
    )
    about: tuple[str, ...] = attrs.field(
        default=(), converter=_strings, validator=_check_ids
    )
    evidence: tuple[Evidence, ...] = attrs.field(
        converter=_evidence_tuple, validator=_check_evidence
    )

    def __str__(self) -> str:
        return f"{self.quantity.text} ({self.counting})"


@attrs.frozen(kw_only=True)
class Relation:
    """
    A typed link the article asserts between two records.

    Attributes:
        id: Stable, readable id.
        kind: How *source* relates to *target*.
        source: Id of the record the link starts from.
        target: Id of the record the link points to.
        evidence: The spans that assert the link.

    >>> import secretspeech as ss
    >>> [r.kind.value for r in ss.related("hungarian-revolution")][:1]
    ['contributes to']
    """

    id: str = attrs.field(validator=_check_id)
    kind: RelationKind = attrs.field(converter=RelationKind)
    source: str = attrs.field(validator=_check_id)
    target: str = attrs.field(validator=_check_id)
    evidence: tuple[Evidence, ...] = attrs.field(
        converter=_evidence_tuple, validator=_check_evidence
    )

    def __attrs_post_init__(self) -> None:
        if self.source == self.target:
            raise InvalidValueError(
                f"Relation {self.id!r} links {self.source!r} to itself"
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
        kind: A correction, an identification or context.
        about: Ids of the records the note is about.
        text: The note, in plain words.
        sources: Citations, each a short reference with an address.
        evidence: The article's spans the note comments on.

    >>> import secretspeech as ss
    >>> ss.notes.get("published-in-ussr").kind
    <NoteKind.CORRECTION: 'correction'>
    """

    id: str = attrs.field(validator=_check_id)
    kind: NoteKind = attrs.field(converter=NoteKind)
    about: tuple[str, ...] = attrs.field(
        converter=_strings, validator=_check_ids
    )
    text: str = attrs.field(validator=_check_text)
    sources: tuple[str, ...] = attrs.field(
        converter=_strings, validator=_check_texts
    )
    evidence: tuple[Evidence, ...] = attrs.field(
        converter=_evidence_tuple, validator=_check_evidence
    )

    def __attrs_post_init__(self) -> None:
        if not self.about:
            raise InvalidValueError(f"Note {self.id!r} is about nothing")
        if not self.sources:
            raise InvalidValueError(f"Note {self.id!r} cites no source")

    def __str__(self) -> str:
        return self.text


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
        validator=attrs.validators.instance_of(HistoricalDate)
    )
    caption: str = attrs.field(validator=_check_text)
    text: str = attrs.field(repr=False, validator=_check_text)
    sha256: str = attrs.field()
    language: str = attrs.field(default="en-GB")

    @sha256.validator
    def _check_sha256(
        self, _attribute: attrs.Attribute[str], value: str
    ) -> None:
        if not re.fullmatch(r"[0-9a-f]{64}", value):
            raise InvalidValueError(
                f"sha256 must be 64 hex digits, got {value!r}"
            )

    @property
    def id(self) -> str:
        """
        The id that stands for the article wherever a record id may.

        A note may be about the article, so `Corpus.refs` and
        `Corpus.references` can return the `Article` beside records; this
        property lets code read ``.id`` from any of them.

        >>> import secretspeech as ss
        >>> ss.article.id
        'article'
        """
        return "article"

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
    Person | Group | Place | Event | Quotation | Statistic | Relation | Note
)
#: The records that `Corpus.involving` accepts.
Entity: TypeAlias = Person | Group | Place

#: The collections of a corpus with their record types, in the order of the
#: data and of cross-collection lookups.
COLLECTIONS: tuple[tuple[str, type[Record]], ...] = (
    ("people", Person),
    ("groups", Group),
    ("places", Place),
    ("events", Event),
    ("quotations", Quotation),
    ("statistics", Statistic),
    ("relations", Relation),
    ("notes", Note),
)
#: Stands for "a record of any collection" in `REFERENCES`.
ANY_COLLECTION = "*"
#: For each record type, the fields that hold ids and the collections the
#: ids may name. ``"article"`` may stand wherever any record may.
REFERENCES: dict[type[Record], dict[str, tuple[str, ...]]] = {
    Person: {},
    Group: {"members": ("people",)},
    Place: {"within": ("places",)},
    Event: {
        "participants": ("people",),
        "groups": ("groups",),
        "places": ("places",),
    },
    Quotation: {
        "speaker": ("people",),
        "addressees": ("people", "groups"),
        "subjects": (ANY_COLLECTION,),
    },
    Statistic: {"places": ("places",), "about": (ANY_COLLECTION,)},
    Relation: {"source": (ANY_COLLECTION,), "target": (ANY_COLLECTION,)},
    Note: {"about": (ANY_COLLECTION,)},
}

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
