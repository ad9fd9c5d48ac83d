"""
`Corpus`: one article, its collections and the ways to relate records.

Records refer to each other by id; the corpus resolves ids (`Corpus.get`,
`Corpus.refs`), finds what refers to a record
(`Corpus.involving`, `Corpus.related`), follows causes and consequences,
orders events in time and quotes the article around any record.
"""

from __future__ import annotations

import datetime as dt
import functools
import operator
import typing
from array import array
from collections.abc import Iterable, Iterator, Sequence
from typing import TYPE_CHECKING, Any, Literal, TypeVar, overload

import attrs

from secretspeech._catalog import (
    Collection,
    Period,
    Words,
    base_of,
    bind,
    find,
    read_period,
)
from secretspeech._checks import (
    ANY,
    check_count,
    check_flag,
    dates_in,
    describe,
    id_fields,
    ids_in,
)
from secretspeech._model import (
    ANY_COLLECTION,
    COLLECTIONS,
    CORPUS_FORMAT,
    SCHEMA,
    Article,
    Claim,
    Event,
    Evidence,
    Group,
    Note,
    Person,
    Place,
    Quotation,
    QuotationKind,
    Record,
    Relation,
    Statistic,
    plain,
    schema_of,
    type_hints,
)
from secretspeech._resolver import Resolver
from secretspeech._text import (
    brief,
    sentence_spans,
    sentences_around,
    with_article,
)
from secretspeech.exceptions import (
    InvalidCorpusError,
    InvalidTypeError,
    InvalidValueError,
)


if TYPE_CHECKING:
    # Imported when first asked for: a lookup needs none of it.
    from secretspeech._quotes import ExtractionScore, PartLike, QuoteMatch


__all__ = ["Corpus"]

D = TypeVar("D")


class _Index:
    """
    The corpus-wide indexes: by id when a `Corpus` is made, the rest later.

    Each other index is built on the first query that reads it: what
    refers to a record (`involving`), the relations of each record and the
    causal links (`related`, `causes`, `consequences`), the timeline
    (`timeline`), the sentences (`context`).  Two threads may both build
    one; they build the same thing, and one is kept.
    """

    __slots__ = (
        "_links",
        "_referrers",
        "_timeline",
        "by_id",
        "events",
        "records",
        "relations",
        "sentences",
        "text",
        "words",
    )

    def __init__(self, corpus: Corpus) -> None:
        # The corpus holds no id twice (checked, or trusted as checked).
        records = tuple(corpus.records())
        self.by_id: dict[str, Record] = dict(
            zip(map(operator.attrgetter("id"), records), records, strict=True)
        )
        # What the later indexes read; not the corpus, which holds this.
        self.records = records
        self.relations = corpus.relations
        self.events = corpus.events
        self._referrers: dict[str, tuple[Record, ...]] | None = None
        self._links: (
            tuple[
                dict[str, tuple[Relation, ...]],
                dict[str, tuple[str, ...]],
                dict[str, tuple[str, ...]],
            ]
            | None
        ) = None
        self._timeline: tuple[tuple[Event, ...], array[int]] | None = None
        # The sentences are found on the first call of `Corpus.context`,
        # not at every load: few programs ask for one.
        self.text = corpus.article.text
        self.sentences: tuple[tuple[tuple[int, int], ...], list[int]] | None
        self.sentences = None
        # The words of every collection, read on the first search.
        self.words = Words(corpus._collections())  # noqa: SLF001 -- its own

    @property
    def referrers(self) -> dict[str, tuple[Record, ...]]:
        """The records that hold each id, in corpus order, each once."""
        found = self._referrers
        if found is None:
            referrers: dict[str, list[Record]] = {}
            for record in self.records:
                for rid in dict.fromkeys(_ids(record)):
                    referrers.setdefault(rid, []).append(record)
            found = self._referrers = {
                k: tuple(v) for k, v in referrers.items()
            }
        return found

    def _linked(
        self,
    ) -> tuple[
        dict[str, tuple[Relation, ...]],
        dict[str, tuple[str, ...]],
        dict[str, tuple[str, ...]],
    ]:
        """Return the relations of each id, and the causal links both ways."""
        found = self._links
        if found is not None:
            return found
        relations_of: dict[str, list[Relation]] = {}
        causes: dict[str, list[str]] = {}
        consequences: dict[str, list[str]] = {}
        by_id = self.by_id
        for relation in self.relations:
            for end in dict.fromkeys((relation.source, relation.target)):
                relations_of.setdefault(end, []).append(relation)
            ends = (by_id.get(relation.source), by_id.get(relation.target))
            if relation.is_causal and all(isinstance(e, Event) for e in ends):
                consequences.setdefault(relation.source, []).append(
                    relation.target
                )
                causes.setdefault(relation.target, []).append(relation.source)
        found = self._links = (
            {k: tuple(v) for k, v in relations_of.items()},
            {k: tuple(v) for k, v in causes.items()},
            {k: tuple(v) for k, v in consequences.items()},
        )
        return found

    @property
    def relations_of(self) -> dict[str, tuple[Relation, ...]]:
        """The relations whose source or target is each id."""
        return self._linked()[0]

    @property
    def causes(self) -> dict[str, tuple[str, ...]]:
        """The events that each event's causal relations come from."""
        return self._linked()[1]

    @property
    def consequences(self) -> dict[str, tuple[str, ...]]:
        """The events that each event's causal relations lead to."""
        return self._linked()[2]

    def _ordered(self) -> tuple[tuple[Event, ...], array[int]]:
        """Return the dated events in order, and each event's rank."""
        found = self._timeline
        if found is not None:
            return found
        events = self.events
        dated = [
            (e.date.sort_key, e.evidence[0].start, pos, e)
            for pos, e in enumerate(events)
            if e.date is not None
        ]
        dated.sort(key=lambda item: item[:3])
        # Each event's rank on the timeline, by its position in the data,
        # to put in order what the events' index by day finds.
        ranks = array("i", [0]) * len(events)
        for rank, item in enumerate(dated):
            ranks[item[2]] = rank
        found = self._timeline = (tuple(item[3] for item in dated), ranks)
        return found

    @property
    def timeline(self) -> tuple[Event, ...]:
        """The dated events in time order."""
        return self._ordered()[0]

    @property
    def ranks(self) -> array[int]:
        """Each event's rank on the timeline, by its position in the data."""
        return self._ordered()[1]

    def sentence_spans(self) -> tuple[tuple[tuple[int, int], ...], list[int]]:
        """Return the text's sentences as spans, and their ends."""
        found = self.sentences
        if found is None:
            # Two threads may both find them, equal: either result will do.
            spans = sentence_spans(self.text)
            found = self.sentences = (spans, [end for _, end in spans])
        return found


def _check(corpus: Corpus) -> None:
    """
    Refuse a corpus that breaks a rule, naming the record and the problem.

    The article must be an `Article` and the data version a non-empty str;
    each collection holds records of its type with ids unique across the
    corpus; every id a record holds names a record of a collection its
    field allows (or the article where any record may stand); and every
    evidence span matches the article's text.
    """
    if not isinstance(corpus.article, Article):
        raise InvalidTypeError(
            f"Corpus: article must be an Article, got "
            f"{describe(corpus.article)}"
        )
    version: object = corpus.data_version
    if not isinstance(version, str):
        raise InvalidTypeError(
            f"Corpus: data_version must be a str, got {describe(version)}"
        )
    if not version.strip():
        raise InvalidCorpusError(
            f"Corpus: data_version must not be blank, got {brief(version)}"
        )
    owner = _owners(corpus)
    text = corpus.article.text
    anchor = corpus.article.published.relative_to
    if anchor is not None and anchor not in owner:
        raise _bad_ref(
            "article",
            "published.relative_to",
            anchor,
            (ANY_COLLECTION,),
            owner,
        )
    # A span shared by several records (the loader shares equal ones) is
    # checked once; the records hold it, so its id() stays its own.
    matched: set[int] = set()
    for collection in SCHEMA:
        for record in getattr(corpus, collection.name):
            _check_refs(collection.name, record, owner)
            for name, i, span in _spans(record):
                if id(span) in matched or span.matches(text):
                    matched.add(id(span))
                    continue
                item = name if i is None else f"{name}[{i}]"
                where = _where(collection.name, record.id)
                raise _mismatch(f"{where}: {item}", span, text)
    _check_loops(corpus)


def _check_refs(
    collection: str, record: Record, owner: dict[str, str]
) -> None:
    """
    Refuse an id of *record* that names nothing, the wrong kind, or itself.

    A record's own types refuse most references to themselves (a place
    within itself, a claim its own parent); this catches the rest, such as
    a date counted from the record it dates.
    """
    rid = record.id
    # Classes hash by identity; typeshed's Hashable misses that.
    for field, allowed in _id_fields(type(record)):  # type: ignore[arg-type]
        for ref in ids_in(record, field):
            # The usual case first, with no message to build.
            if ref != rid and (
                owner.get(ref) in allowed
                or (ref in owner and ANY_COLLECTION in allowed)
            ):
                continue
            where = _where(collection, rid)
            # A date's anchor is named by its date: died.relative_to.
            named = (
                next(
                    f"{name}.{field}"
                    for name, date in dates_in(record)
                    if date.relative_to == ref
                )
                if field == "relative_to"
                else field
            )
            if ref == rid:
                raise InvalidCorpusError(
                    f"{where}: {named} names the record itself"
                )
            raise _bad_ref(where, named, ref, allowed, owner)


@functools.lru_cache(maxsize=64)
def _id_fields(record_type: type) -> tuple[tuple[str, tuple[str, ...]], ...]:
    """Return the fields of a record type that hold ids, with their kinds."""
    schema = schema_of(record_type)
    assert schema is not None  # noqa: S101 -- _owners checked it
    return tuple(schema.id_fields.items())


def _owners(corpus: Corpus) -> dict[str, str]:
    """Map every id to its collection, refusing strays and duplicates."""
    owner: dict[str, str] = {"article": "article"}
    for schema in SCHEMA:
        for record in getattr(corpus, schema.name):
            if not isinstance(record, schema.record_type):
                where = _where(schema.name, getattr(record, "id", record))
                raise InvalidCorpusError(
                    f"{where}: {describe(record)} is not "
                    f"{with_article(schema.record_type.__name__)}"
                )
            if record.id in owner:
                raise InvalidCorpusError(
                    f"{_where(schema.name, record.id)}: duplicate id "
                    f"{record.id!r}, already used in {owner[record.id]}"
                )
            owner[record.id] = schema.name
    return owner


def _where(collection: str, rid: object) -> str:
    """Name a record in a message: ``people ('joseph-stalin')``."""
    return f"{collection} ({brief(rid)})"


def _mismatch(where: str, span: Evidence, text: str) -> InvalidCorpusError:
    """Return the refusal of a span that does not match the text."""
    found = text[span.start : span.end]
    at = f"{brief(span.start)}:{brief(span.end)}"
    if span.end > len(text):
        return InvalidCorpusError(
            f"{where} {brief(span.exact)} does not match the text at {at}, "
            f"which ends at {len(text)}"
        )
    if found != span.exact:
        return InvalidCorpusError(
            f"{where} {brief(span.exact)} does not match the text at {at}, "
            f"which reads {brief(found)}"
        )
    # The words are where they should be: their context is not.
    before = text[max(0, span.start - len(span.prefix)) : span.start]
    side, given, read = (
        ("prefix", span.prefix, before)
        if before != span.prefix
        else (
            "suffix",
            span.suffix,
            text[span.end : span.end + len(span.suffix)],
        )
    )
    return InvalidCorpusError(
        f"{where} {brief(span.exact)} is at {at}, but its {side} "
        f"{brief(given)} does not match the text, which reads {brief(read)}"
    )


def _bad_ref(
    where: str,
    field: str,
    ref: str,
    allowed: tuple[str, ...],
    owner: dict[str, str],
) -> InvalidCorpusError:
    """Return the refusal of an id that names nothing, or the wrong kind."""
    if ref not in owner:
        return InvalidCorpusError(
            f"{where}: {field} names {brief(ref)}, which is not a record"
        )
    return InvalidCorpusError(
        f"{where}: {field} names {brief(ref)}, which is in {owner[ref]}, "
        f"not in {' or '.join(allowed)}"
    )


def _spans(record: Record) -> Iterator[tuple[str, int | None, Evidence]]:
    """
    Yield every span of *record* with its field: evidence, link, cue.

    A span in a tuple comes with its index there, a span alone with `None`.
    """
    # Classes hash by identity; typeshed's Hashable misses that.
    for name in _span_fields(type(record)):  # type: ignore[arg-type]
        value = getattr(record, name)
        if isinstance(value, Evidence):
            yield name, None, value
        elif isinstance(value, tuple):
            for i, item in enumerate(value):
                if isinstance(item, Evidence):
                    yield name, i, item


@functools.lru_cache(maxsize=64)
def _span_fields(record_type: type) -> tuple[str, ...]:
    """Return the fields of a record type declared to hold spans."""
    hints = type_hints(record_type)
    return tuple(
        f.name for f in attrs.fields(record_type) if _may_hold(hints[f.name])
    )


def _may_hold(hint: object) -> bool:
    """Tell whether a field declared as *hint* may hold an `Evidence`."""
    return hint in {Evidence, Any, object} or any(
        _may_hold(arg) for arg in typing.get_args(hint)
    )


def _check_loops(corpus: Corpus) -> None:
    """
    Refuse a chain of one-id fields that comes back to where it started.

    A place within a place within the first, or a claim reported in a
    claim reported in the first, has no top: `refs` and the docs' chains
    would go round forever.
    """
    for schema in SCHEMA:
        chains = [
            field
            for field, allowed in schema.id_fields.items()
            if allowed == (schema.name,) and field != "relative_to"
        ]
        records = getattr(corpus, schema.name)
        for field in chains:
            step = {
                r.id: value
                for r in records
                if isinstance(value := getattr(r, field, None), str)
            }
            done: set[str] = set()
            for start in step:
                seen: list[str] = []
                at: str | None = start
                while at is not None and at not in done:
                    if at in seen:
                        loop = " -> ".join([*seen[seen.index(at) :], at])
                        raise InvalidCorpusError(
                            f"{schema.name} ({brief(start)}): {field} goes "
                            f"round in a loop: {brief(loop)}"
                        )
                    seen.append(at)
                    at = step.get(at)
                done.update(seen)


def _ids(record: Record) -> Iterator[str]:
    """Yield the ids *record* refers to, field by field."""
    for field in id_fields(type(record)):
        yield from ids_in(record, field)


@attrs.frozen(kw_only=True)
class Corpus:
    """
    An article and every record that annotates it.

    The bundled corpus is what the module-level names of `secretspeech`
    read from; `secretspeech.load_corpus` makes others. Its index by id
    is built when it is made; each other index (of references, relations,
    time, sentences) by the first query that reads it, and kept.

    Records hold the ids of the records they mention; the corpus is what
    resolves them, always the same way: `get` for one id, `refs` for one
    field (``corpus.refs(quotation, "speaker")``) or for all of a record's
    fields (``corpus.refs(quotation)``). The other way round, `involving`
    and `related` find what refers to a record. Wherever a method takes a
    record, it also takes the record's id or one of its names (as `lookup`
    reads them).

    Two corpora are equal when their articles, data versions and records
    are, so a corpus saved with `save_corpus` and read back with
    `load_corpus` equals the original.

    Attributes:
        article: The article and its canonical text.
        data_version: The version of the data, separate from the package's.
        people: The people, in the order of the data.
        groups: The groups.
        places: The places.
        events: The events, in the order the story runs.
        quotations: The quotations, in article order.
        statistics: The numbers, in article order.
        claims: What the article asserts, argues, judges and reports, in
            article order.
        relations: The links between records.
        notes: What the public record says beside the article.

    >>> import secretspeech as ss
    >>> ss.corpus().article.title
    'Khrushchev’s secret speech: a crack in the monolith'
    """

    article: Article
    data_version: str
    people: Collection[Person] = attrs.field(converter=Collection)
    groups: Collection[Group] = attrs.field(converter=Collection)
    places: Collection[Place] = attrs.field(converter=Collection)
    events: Collection[Event] = attrs.field(converter=Collection)
    quotations: Collection[Quotation] = attrs.field(converter=Collection)
    statistics: Collection[Statistic] = attrs.field(converter=Collection)
    claims: Collection[Claim] = attrs.field(default=(), converter=Collection)
    relations: Collection[Relation] = attrs.field(converter=Collection)
    notes: Collection[Note] = attrs.field(default=(), converter=Collection)
    # Derived from the fields above, so equality and hashing leave them out.
    _resolver: Resolver = attrs.field(init=False, repr=False, eq=False)
    _index: _Index = attrs.field(init=False, repr=False, eq=False)

    def __attrs_post_init__(self) -> None:
        # Every rule of a corpus is kept here, so no path (the loader, the
        # strategies, attrs.evolve, a direct call) can make a broken one;
        # only the bundled data, whose digest proves it the data the tests
        # checked, is finished without the check (`_load.load_data`).
        _check(self)
        self._finish()

    def _finish(self) -> None:
        """Build the resolver and the indexes of a checked corpus."""
        # A frozen class may still finish itself here: every index is built
        # before anyone else sees the corpus, and never changes after.
        resolver = Resolver(
            {name: getattr(self, name) for name, _ in COLLECTIONS}
        )
        for name, record_type in COLLECTIONS:
            bound = bind(getattr(self, name), resolver, record_type)
            object.__setattr__(self, name, bound)
        object.__setattr__(self, "_resolver", resolver)
        object.__setattr__(self, "_index", _Index(self))

    def _collections(self) -> tuple[Collection[Any], ...]:
        return tuple(getattr(self, name) for name, _ in COLLECTIONS)

    def to_document(self) -> dict[str, Any]:
        """
        Return the corpus as the JSON document that `load_corpus` reads.

        The document holds the article's metadata (with the SHA-256 of its
        text, but not the text) and every record, in plain JSON types:
        write it with ``json.dump``, or use `save_corpus` to write it and the
        text to files.

        Returns:
            A new dict of lists, dicts, strings, numbers, booleans and
            `None`.

        >>> import secretspeech as ss
        >>> document = ss.corpus().to_document()
        >>> document["format"], document["article"]["issue"]
        (1, 1988)
        >>> document["events"][0]["date"]["edtf"]
        '1917-10'
        """
        article = plain(self.article)
        del article["text"]
        document: dict[str, Any] = {
            "format": CORPUS_FORMAT,
            "data_version": self.data_version,
            "article": article,
        }
        for name, _ in COLLECTIONS:
            document[name] = [plain(r) for r in getattr(self, name)]
        return document

    def records(self) -> Iterator[Record]:
        """
        Iterate over every record, collection by collection.

        The order is that of `SCHEMA` (people, groups, places, events,
        quotations, statistics, claims, relations, notes); within each, the
        order of the data.

        >>> import secretspeech as ss
        >>> sum(1 for _ in ss.corpus().records()) > 100
        True
        """
        for collection in self._collections():
            yield from collection

    def _record(
        self,
        value: object,
        among: tuple[str, ...] = ANY,
        argument: str = "record=",
    ) -> Record:
        # Compared only as a str: an array's == answers elementwise.
        if (
            self._resolver.names_article(value)
            if isinstance(value, str)
            else isinstance(value, Article)
        ):
            # Ids name the article, but it is the text itself: it has no
            # evidence, refers to nothing and has no causes.
            raise InvalidTypeError(
                f"{argument} takes a record, and the Article is not one "
                "here: it has no evidence and refers to nothing (involving() "
                "and related() take it)"
            )
        return self._resolver.record(value, among, argument)

    def _referee(self, value: object) -> str:
        """Return the id of a record, or ``"article"`` for the article."""
        if (
            self._resolver.names_article(value)
            if isinstance(value, str)
            else (isinstance(value, Article) and value == self.article)
        ):
            return "article"
        return self._record(value).id

    # The key "article" names the article; any other str may name a record
    # (or nothing), so the plain str overload keeps Article in its union.
    # The default, as dict.get's, may be of any type, which the result's
    # type names.
    @overload
    def get(
        self, key: Literal["article"], /, default: object = None
    ) -> Article: ...
    @overload
    def get(self, key: str, /) -> Record | Article | None: ...
    @overload
    def get(self, key: str, /, default: D) -> Record | Article | D: ...
    def get(
        self, key: str, /, default: D | None = None
    ) -> Record | Article | D | None:
        """
        Return any record by id, whatever its type, or *default*.

        The key ``"article"`` returns the `Article`.

        Args:
            key: A record id, such as ``"secret-speech"``.
            default: What to return if no record has that id.

        Returns:
            The record, or *default*.

        Raises:
            InvalidTypeError: If *key* is not a str.

        >>> import secretspeech as ss
        >>> c = ss.corpus()
        >>> type(c.get("hungary")).__name__, type(c.get("muck")).__name__
        ('Place', 'Quotation')
        >>> c.get("article") is c.article
        True
        """
        if not isinstance(key, str):
            raise InvalidTypeError(
                f"get() takes an id str, got {describe(key)}"
            )
        if key == "article":
            return self.article
        return self._index.by_id.get(key, default)

    @overload
    def lookup(self, name: Literal["article"], /) -> Article: ...
    @overload
    def lookup(self, name: str, /) -> Record | Article: ...
    def lookup(self, name: str, /) -> Record | Article:
        """
        Return the record, of any type, with this id, name or alias.

        An id wins (``"article"`` is the `Article`'s, as in `get`);
        otherwise names are normalised as in `Collection.lookup` (and
        ``"The Article"`` is the article's id so read, unless a record has
        that name) and, if
        records of several types share a name, the order of `SCHEMA`
        decides: people first, then groups, places, events, quotations,
        statistics, claims, relations and notes.

        Args:
            name: An id, name or alias.

        Returns:
            The record.

        Raises:
            NotFoundError: If nothing matches; the message quotes *name*
                and suggests the closest names.
            InvalidTypeError: If *name* is not a str.

        >>> import secretspeech as ss
        >>> ss.corpus().lookup("the Great Terror").id
        'repression-of-the-1930s'
        """
        if not isinstance(name, str):
            raise InvalidTypeError(
                f"lookup() takes a name str, got {describe(name)}"
            )
        if self._resolver.names_article(name):
            return self.article
        found = find(self._collections(), name)
        if found is None:
            raise self._index.words.missing(name, "record")
        return found

    def search(
        self, text: str, /, *, limit: int | None = None
    ) -> tuple[Record, ...]:
        """
        Rank records of every type by how well they match *text*.

        Records are scored as in `Collection.search`; ties go to the
        collection earlier in the order of `records`, then to data order.

        Args:
            text: Words to look for; small typos are tolerated.
            limit: The most results to return; all if `None`.

        Returns:
            The matching records, best first.

        Raises:
            InvalidTypeError: If *text* is not a str or *limit* is not an
                int or `None`.
            InvalidValueError: If *limit* is negative.

        >>> import secretspeech as ss
        >>> [r.id for r in ss.corpus().search("Kruschev", limit=2)]
        ['nikita-khrushchev', 'khrushchevs-enemies']
        """
        check_count(limit, "limit=", optional=True)
        return self._index.words.search(text, limit=limit)

    def check_quote(
        self, text: str, /, *, limit: int | None = 5
    ) -> tuple[QuoteMatch, ...]:
        """
        Tell whether *text* is in the article, and whether as a quotation.

        This answers a teacher's question, "did Khrushchev really say
        this?".  The words of *text* are aligned with the words of every
        quotation (the segments of an interrupted quotation read as one)
        and of the running text.  The style of quote marks and dashes,
        case, spacing and punctuation do not count, the editor's
        insertions in square brackets (``[or]``) may be left out, and so
        may words where *text* has an ellipsis (``…``).  Each
        match has a `QuoteVerdict`: ``exact`` (the words of a quotation),
        ``close`` (a misquotation: `QuoteMatch.differences` says what
        differs), ``not a quotation`` (the author's own words) or ``not
        in the article``.

        Args:
            text: The words to check, a few words or whole sentences.
            limit: The most matches to return; all if `None`.

        Returns:
            The matches, best first; at least one, since a text that is
            nowhere in the article gets one ``not in the article`` match.

        Raises:
            InvalidTypeError: If *text* is not a str or *limit* is not an
                int or `None`.
            InvalidValueError: If *text* has no words or *limit* is not
                positive.

        >>> import secretspeech as ss
        >>> best = ss.corpus().check_quote("you are blind kittens")[0]
        >>> best.verdict.value, best.quotation.id, best.quotation.speaker
        ('exact', 'blind-kittens', 'joseph-stalin')
        >>> ss.corpus().check_quote("We will bury you!")[0].verdict.value
        'not in the article'
        """
        from secretspeech._quotes import check_quote  # noqa: PLC0415

        return check_quote(
            text, self.article.text, self.quotations, limit=limit
        )

    def score_extraction(
        self,
        predictions: Iterable[Sequence[PartLike]],
        /,
        *,
        kinds: Iterable[QuotationKind | str] = ("utterance",),
    ) -> ExtractionScore:
        """
        Score a quotation extractor's (speaker, cue, content) spans.

        A prediction is a triple in the shape that textacy's
        ``direct_quotations`` and similar extractors produce: the words
        that name the speaker, the attribution (the cue, "he said") and
        the quoted words.  Each part is a span of the article, as an
        `Evidence` or ``(start, end)`` offsets, or `None` if the extractor
        found none; the content may be a list of spans, one per pair of
        quote marks.  The gold spans are those of the quotations of
        *kinds*: `Quotation.speaker_mention`, `Quotation.cue` and
        `Quotation.segments`.  Each part gets its precision and recall,
        counting exact matches (the same offsets) and overlapping ones
        apart.

        Args:
            predictions: The extractor's triples.
            kinds: The kinds of quotation to score against.

        Returns:
            The scores of the speaker, cue and content spans.

        Raises:
            InvalidTypeError: If a prediction or a span has the wrong
                shape or type.
            InvalidValueError: If a span lies outside the article, or a
                kind is unknown.

        >>> import secretspeech as ss
        >>> gold = [
        ...     (q.speaker_mention, q.cue, q.segments)
        ...     for q in ss.quotations.filter(kind="utterance")
        ... ]
        >>> score = ss.corpus().score_extraction(gold)
        >>> score.content.exact_recall, score.speaker.exact_precision
        (1.0, 1.0)
        """
        from secretspeech._quotes import score_extraction  # noqa: PLC0415

        return score_extraction(
            predictions, self.article.text, self.quotations, kinds=kinds
        )

    def timeline(
        self,
        *,
        start: Period | None = None,
        end: Period | None = None,
        strict: bool = False,
    ) -> tuple[Event, ...]:
        """
        Return the dated events in chronological order.

        Events are ordered by `HistoricalDate.sort_key` (first possible
        day, then last); ties go to the event whose first evidence comes
        earlier in the article, then to data order. Events with no date
        are left out.

        *start* and *end* take an `int` year, an EDTF string, a
        `datetime.date` or a `HistoricalDate`, and together make the
        period from the first day of *start* to the last day of *end*
        (either may be left open). An event is kept if its date overlaps
        that period, or, with *strict*, if it lies entirely inside it.

        Args:
            start: Keep events that reach this period or later.
            end: Keep events that begin by the end of this period.
            strict: Keep only events entirely inside *start* to *end*.

        Returns:
            The events, earliest first.

        Raises:
            InvalidTypeError: If an argument has the wrong type, or
                *strict* is set without *start* or *end*.
            InvalidValueError: If *start* begins after *end* ends.
            InvalidValueError: If *start* or *end* is not a valid date.

        >>> import secretspeech as ss
        >>> c = ss.corpus()
        >>> [e.id for e in c.timeline(start=1961, end=1964, strict=True)]
        ['attack-on-stalin-1961', 'stalin-reburied', 'swing-back-1963', 'khrushchev-removed']
        >>> [e.id for e in c.timeline(start=1956, end="1956-03", strict=True)]
        ['leadership-agrees-on-more', 'delegates-recalled', 'secret-speech']
        """  # noqa: E501 -- a doctest's output is one line
        check_flag(strict, "strict=")
        if strict and start is None and end is None:
            # As in Collection.filter: a strict test without a period would
            # silently keep everything, which is never what was meant.
            raise InvalidTypeError("strict=True needs a start= or end= period")
        if start is None and end is None:
            return self._index.timeline
        first = (
            dt.date.min
            if start is None
            else read_period(start, "start=").earliest
        )
        last = dt.date.max if end is None else read_period(end, "end=").latest
        if last < first:
            raise InvalidValueError(
                f"start={brief(start)} begins after end={brief(end)} ends"
            )
        dates = base_of(self.events).dates
        found = (dates.within if strict else dates.overlapping)(first, last)
        ranks = sorted(map(self._index.ranks.__getitem__, found))
        return tuple(map(self._index.timeline.__getitem__, ranks))

    def involving(
        self, record: Record | Article | str, /
    ) -> tuple[Record, ...]:
        """
        Return every record that refers to a record.

        Most often the record is a person, group or place; for an event it
        gives the quotations, statistics, claims, relations and notes about
        it.

        A record refers to another through any field that holds ids: an
        event's participants, groups, places and subjects; a quotation's
        speaker, addressees, occasion and subjects; a statistic's places
        and what it is about; a claim's holder, parent and subjects; a
        relation's source and target; a note's subjects; a group's
        members; the place a place lies within; and a date's
        ``relative_to``, the record a relative date was counted from. The
        `Article` (or ``"article"``) gives the notes about the article and
        the records dated from it (“Fifty years ago next week”).

        Args:
            record: A record, its id or name, or the article.

        Returns:
            The records, in the order of `records`.

        Raises:
            InvalidTypeError: If *record* is not a str or a record.
            NotFoundError: If no record has that id or name.

        >>> import secretspeech as ss
        >>> [r.id for r in ss.corpus().involving("Mexico")]
        ['trotsky-killed']
        >>> [type(r).__name__ for r in ss.corpus().involving("famine-1946-7")]
        ['Statistic', 'Claim', 'Relation', 'Note']
        """
        return self._index.referrers.get(self._referee(record), ())

    def related(
        self, record: Record | Article | str, /
    ) -> tuple[Relation, ...]:
        """
        Return the relations into and out of a record.

        Args:
            record: A record, its id or name, or the article.

        Returns:
            The relations whose source or target is *record*, in data
            order.

        Raises:
            InvalidTypeError: If *record* is not a record or a str.
            NotFoundError: If no record has that id or name.

        >>> import secretspeech as ss
        >>> [str(r) for r in ss.corpus().related("stalins-death")]
        ['stalins-death enables thaw']
        """
        return self._index.relations_of.get(self._referee(record), ())

    def causes(
        self, event: Event | str, /, *, depth: int = 1
    ) -> tuple[Event, ...]:
        """
        Return what led to *event*, following causal relations backwards.

        The causal relations are those of `CAUSAL_KINDS` between two
        events. With *depth* above 1 the causes of the causes are followed
        too, up to *depth* steps.

        Args:
            event: An event, or its id or name.
            depth: How many causal steps to follow, at least 1.

        Returns:
            The causes, nearest first (then in the order of the relations),
            each once, never *event* itself.

        Raises:
            InvalidTypeError: If *event* is not an event or a str, or
                *depth* is not an int.
            InvalidValueError: If *depth* is less than 1, or *event* is the
                id of another kind of record.
            NotFoundError: If no event has that id or name.

        >>> import secretspeech as ss
        >>> [e.id for e in ss.corpus().causes("secret-speech")]
        ['succession-struggle']
        >>> [e.id for e in ss.corpus().causes("hungarian-revolution", depth=2)]
        ['secret-speech', 'succession-struggle']
        """
        return self._follow(event, depth, self._index.causes)

    def consequences(
        self, event: Event | str, /, *, depth: int = 1
    ) -> tuple[Event, ...]:
        """
        Return what *event* led to, following causal relations forwards.

        Args:
            event: An event, or its id or name.
            depth: How many causal steps to follow, at least 1.

        Returns:
            The consequences, nearest first (then in the order of the
            relations), each once, never *event* itself.

        Raises:
            InvalidTypeError: If *event* is not an event or a str, or
                *depth* is not an int.
            InvalidValueError: If *depth* is less than 1, or *event* is the
                id of another kind of record.
            NotFoundError: If no event has that id or name.

        >>> import secretspeech as ss
        >>> [e.id for e in ss.corpus().consequences("Stalin’s death")]
        ['thaw']
        >>> [e.id for e in ss.corpus().consequences("the Cold War", depth=2)]
        ['industrialisation-redoubled', 'famine-1946-7', 'camps-at-peak']
        """
        return self._follow(event, depth, self._index.consequences)

    def _follow(
        self, event: object, depth: object, graph: dict[str, tuple[str, ...]]
    ) -> tuple[Event, ...]:
        """Walk *graph* breadth first from *event*, up to *depth* steps."""
        start = self._record(event, ("events",), "event=")
        steps = check_count(depth, "depth=", least=1)
        seen = {start.id}
        frontier = [start.id]
        found: list[Event] = []
        for _ in range(steps or 0):
            following = []
            for rid in frontier:
                for other in graph.get(rid, ()):
                    if other not in seen:
                        seen.add(other)
                        following.append(other)
                        found.append(self._index.by_id[other])  # type: ignore[arg-type]
            if not following:
                break
            frontier = following
        return tuple(found)

    @overload
    def context(
        self,
        record: Record | Evidence | str,
        /,
        *,
        sentences: int = 1,
        span: Literal[False] = False,
    ) -> str: ...
    @overload
    def context(
        self,
        record: Record | Evidence | str,
        /,
        *,
        sentences: int = 1,
        span: Literal[True],
    ) -> Evidence: ...
    def context(
        self,
        record: Record | Evidence | str,
        /,
        *,
        sentences: int = 1,
        span: bool = False,
    ) -> str | Evidence:
        """
        Return the sentences of the article around a record's first evidence.

        A record's first evidence is the first in its *evidence* (the
        mention the data puts first); for a `Quotation` that is the
        passage with the quoted words and their attribution. The passage
        runs from the first sentence the evidence touches to the last, and
        *sentences* more on each side, across paragraph breaks if need be
        (fewer at the start and end of the article). A sentence ends at
        ``.``, ``!``, ``?`` or ``…`` with any closing quotes after it, when
        a capital, a digit or an opening quote follows; nothing inside
        double quotes ends a sentence, so a quotation stays with its
        attribution; a paragraph always ends a sentence.

        Args:
            record: A record, an `Evidence` of this article, or a record id
                or name.
            sentences: How many sentences to add on each side, beyond those
                the evidence touches (0 for just those).
            span: Return the passage as an `Evidence` (its offsets and
                context) rather than a str.

        Returns:
            The passage, as printed; or its span, if *span* is true.

        Raises:
            InvalidTypeError: If *record* has the wrong type, *sentences*
                is not an int or *span* not a bool.
            InvalidValueError: If *sentences* is negative or the evidence
                is not in this article's text.
            NotFoundError: If no record has that id or name.

        >>> import secretspeech as ss
        >>> ss.corpus().context("blind-kittens", sentences=0)
        'But Stalin’s paranoia also grew. “You are blind kittens. What will happen without me?” he told those at the top. “The country will perish because you cannot recognise enemies.”'
        >>> passage = ss.corpus().context("muck", sentences=0, span=True)
        >>> passage.start, passage.exact
        (9247, '“We should not pour muck on ourselves,” said new leader Leonid Brezhnev.')
        """  # noqa: E501 -- a doctest's output is one line
        extra = check_count(sentences, "sentences=") or 0
        as_span = check_flag(span, "span=")
        if isinstance(record, Evidence):
            evidence = record
            if not evidence.matches(self.article.text):
                raise InvalidValueError(
                    f"the evidence {brief(evidence.exact)} at "
                    f"{brief(evidence.start)}:{brief(evidence.end)} is not in "
                    "the article"
                )
        else:
            evidence = self._record(record).evidence[0]
        spans, ends = self._index.sentence_spans()
        first, last = sentences_around(
            spans,
            ends,
            evidence.start,
            evidence.end,
            extra=extra,
        )
        if as_span:
            return Evidence.from_offsets(self.article.text, first, last)
        return self.article.text[first:last]

    @overload
    def refs(
        self,
        record: Record | str,
        field: Literal["speaker", "participants", "members"],
        /,
    ) -> tuple[Person, ...]: ...
    @overload
    def refs(
        self, record: Record | str, field: Literal["groups"], /
    ) -> tuple[Group, ...]: ...
    @overload
    def refs(
        self, record: Record | str, field: Literal["places", "within"], /
    ) -> tuple[Place, ...]: ...
    @overload
    def refs(
        self, record: Record | str, field: Literal["addressees", "by"], /
    ) -> tuple[Person | Group, ...]: ...
    @overload
    def refs(
        self, record: Record | str, field: Literal["occasion"], /
    ) -> tuple[Event, ...]: ...
    @overload
    def refs(
        self, record: Record | str, field: Literal["parent"], /
    ) -> tuple[Claim, ...]: ...
    @overload
    def refs(
        self, record: Record | str, field: str | None = None, /
    ) -> tuple[Record | Article, ...]: ...
    def refs(
        self, record: Record | str, field: str | None = None, /
    ) -> tuple[Record | Article, ...]:
        """
        Return the records that *record* names by id: in one field, or all.

        This is how ids are resolved throughout: a quotation's speaker is
        ``corpus.refs(q, "speaker")``, an event's places
        ``corpus.refs(e, "places")``, and everything a record refers to
        ``corpus.refs(record)``. A field holding one id gives a tuple of one
        record, or an empty tuple if it is `None`. The id ``"article"`` (a
        note may be about the article) gives the `Article`.

        The id fields of each record type are those its
        `CollectionSchema.id_fields` lists:

        - people: ``relative_to``;
        - groups: ``members``;
        - places: ``within``;
        - events: ``participants``, ``groups``, ``places``, ``subjects``,
          ``relative_to``;
        - quotations: ``speaker``, ``addressees``, ``occasion``,
          ``subjects``, ``relative_to``;
        - statistics: ``places``, ``about``, ``relative_to``;
        - claims: ``by``, ``parent``, ``subjects``;
        - relations: ``source``, ``target``;
        - notes: ``about``.

        ``relative_to`` gives the records that the record's relative dates
        were counted from (a person's ``born`` and ``died`` too). For the
        fields that can only name people, groups, places, events or claims
        the return type says so; the others may name any record, or the
        article (which has the ``id`` ``"article"`` too).

        Args:
            record: A record, or its id or name.
            field: The name of one of its id fields; without it, every id
                field in the order of the record's fields, each record
                given once.

        Returns:
            The records, in the order of the ids.

        Raises:
            InvalidTypeError: If *field* is not an id field of *record*'s
                type, or an argument has the wrong type.
            NotFoundError: If no record has that id or name.

        >>> import secretspeech as ss
        >>> c = ss.corpus()
        >>> [p.name for p in c.refs("blind-kittens", "speaker")]
        ['Joseph Stalin']
        >>> [p.id for p in c.refs("hungarian-revolution", "places")]
        ['hungary']
        >>> [r.id for r in c.refs("muck")]
        ['leonid-brezhnev', 'brezhnev-stability', 'joseph-stalin']
        """
        found = self._record(record)
        if field is None:
            return self._resolve(dict.fromkeys(_ids(found)))
        fields = id_fields(type(found))
        if field not in fields:
            # Every record type has id fields: a date's relative_to at least.
            takes = ", ".join(repr(f) for f in fields)
            raise InvalidTypeError(
                f"field={brief(field)} is not an id field of "
                f"{type(found).__name__}; they are {takes}"
            )
        return self._resolve(ids_in(found, field))

    def _resolve(self, ids: Iterable[str]) -> tuple[Record | Article, ...]:
        """Return the records (or the article) with these ids, in order."""
        by_id = self._index.by_id
        return tuple(
            self.article if i == "article" else by_id[i]
            for i in ids
            if i == "article" or i in by_id
        )


# attrs types each collection argument of __init__ as its converter's
# parameter: Collection's Iterable[R_co], whose R_co is Collection's own and
# names nothing here (help(), the API reference and typing.get_type_hints read
# it).  Say which records each one takes.
Corpus.__init__.__annotations__.update(
    (name, f"Iterable[{record_type.__name__}]")
    for name, record_type in COLLECTIONS
)
