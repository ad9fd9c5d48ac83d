"""
Linked data and graphs: JSON-LD, web annotations, TimelineJS and networkx.

Every exporter here reads any `Corpus` through the one schema: the
collections of `SCHEMA`, the id fields of `CollectionSchema.id_fields` and
the attrs fields of the record types.  What is spelled out here is only
what the schema cannot say: which schema.org type and property render a
collection and a field, and which Web Annotation motivation fits a
collection.  A field with no schema.org counterpart is written under the
edition's own vocabulary, by its Python name.

Nothing here reads the network, and networkx is imported only inside the
graph functions, so ``import secretspeech`` never imports it.
"""

from __future__ import annotations

import copy
import datetime
import enum
import html
import itertools
import json
import os
import re
from collections.abc import Iterable, Iterator, Mapping
from os import PathLike
from pathlib import Path
from typing import TYPE_CHECKING, Any

import attrs

from secretspeech._catalog import Period
from secretspeech._checks import check_flag, ids_in, period
from secretspeech._corpus import Corpus
from secretspeech._dates import (
    MONTH_NAMES,
    Calendar,
    DateBasis,
    HistoricalDate,
    _days_in_month,
)
from secretspeech._export import write_files
from secretspeech._load import check_paths
from secretspeech._model import (
    Article,
    Claim,
    CollectionSchema,
    Event,
    Evidence,
    Quantity,
    Quotation,
    Record,
    Relation,
    Source,
    plain,
    schema_of,
)
from secretspeech._text import brief, quoted, shown
from secretspeech.exceptions import (
    InvalidTypeError,
    InvalidValueError,
    MissingDependencyError,
)


if TYPE_CHECKING:
    import networkx  # type: ignore[import-untyped]


__all__ = [
    "BASE",
    "VOCAB",
    "to_annotations",
    "to_graph",
    "to_graphml",
    "to_jsonld",
    "to_timelinejs",
]

#: The default base of record IRIs: a record's IRI is the base and its id.
BASE = "https://secretspeech.readthedocs.io/data/#"
#: The namespace of the edition's own terms: a field's Python name after it.
VOCAB = "https://secretspeech.readthedocs.io/vocab#"

_SCHEMA_ORG = "http://schema.org/"
_OA = "http://www.w3.org/ns/oa#"
_XSD = "http://www.w3.org/2001/XMLSchema#"
_RDFS = "http://www.w3.org/2000/01/rdf-schema#"
# The Library of Congress datatype of EDTF strings; the dates read here
# are EDTF level 0 with some level-1 features.
_EDTF = "http://id.loc.gov/datatypes/edtf/EDTF-level1"
_WIKIDATA = "http://www.wikidata.org/entity/"
# An absolute IRI (RFC 3987): a scheme, a colon, and no character IRIs
# refuse; "%" only before two hex digits, and one "#" at most.
_IRI_CHAR = r"(?:[^\x00-\x20\x7f<>\"{}|\\^`%#]|%[0-9A-Fa-f]{2})*"
_IRI = re.compile(rf"[A-Za-z][A-Za-z0-9+.-]*:{_IRI_CHAR}(?:#{_IRI_CHAR})?")
# One side of an EDTF date in the subset `HistoricalDate` reads.
_SIDE = re.compile(
    r"(?P<year>[0-9]{4})(?:-(?P<month>[0-9]{2})(?:-(?P<day>[0-9]{2}))?)?"
    r"|(?P<decade>[0-9]{3})X|(?P<century>[0-9]{2})XX"
)
_QUALIFIERS = "?~%"
# An interval end that is no date: open ("..") or unknown ("").
_NO_DATE = ("", "..")

#: The schema.org type of each collection's records.
_TYPES: Mapping[str, str] = {
    "people": "Person",
    "groups": "Organization",
    "places": "Place",
    "events": "Event",
    "quotations": "Quotation",
    "statistics": "Observation",
    "claims": "Claim",
    "relations": "ss:Relation",
    "notes": "Comment",
}
#: The schema.org properties of fields, by field name, for every record type
#: and value; `_PROPERTIES_OF` overrides them for one scope.
_PROPERTIES: Mapping[str, tuple[str, ...]] = {
    "name": ("name",),
    "aliases": ("alternateName",),
    "description": ("description",),
    "summary": ("description",),
    "wikidata": ("sameAs",),
    "members": ("member",),
    "within": ("containedInPlace",),
    "subjects": ("about",),
    "about": ("about",),
}
#: The schema.org properties of fields in one scope: a collection, or the
#: name of a value type.
_PROPERTIES_OF: Mapping[str, Mapping[str, tuple[str, ...]]] = {
    "events": {
        "participants": ("attendee",),
        "groups": ("attendee",),
        "places": ("location",),
    },
    "quotations": {
        "speaker": ("spokenByCharacter", "creator"),
        "occasion": ("recordedAt",),
    },
    "statistics": {
        "quantity": ("value",),
        "counting": ("variableMeasured",),
        "about": ("observationAbout",),
    },
    "claims": {"by": ("author",), "parent": ("isPartOf",)},
    "notes": {"text": ("text",), "sources": ("citation",)},
    "Quantity": {
        "value": ("value",),
        "low": ("minValue",),
        "high": ("maxValue",),
        "unit": ("unitText",),
    },
    "Source": {
        "title": ("name",),
        "author": ("author",),
        "publisher": ("publisher",),
        "read_at": ("url",),
    },
}
#: The schema.org date properties that render a date field, besides the
#: full date under the field's own term: (start, end), or (one, None) for a
#: property of one date, which an interval does not fill.
_DATE_PROPERTIES: Mapping[tuple[str, str], tuple[str, str | None]] = {
    ("events", "date"): ("startDate", "endDate"),
    ("people", "born"): ("birthDate", None),
    ("people", "died"): ("deathDate", None),
}
#: The schema.org type of a value inside a record.
_VALUE_TYPES: Mapping[type, str] = {
    Quantity: "QuantitativeValue",
    Source: "CreativeWork",
}
#: The JSON-LD context of the W3C Web Annotation model, which every
#: annotation must name (Web Annotation Data Model, 3.1).
_ANNOTATION_CONTEXT = "http://www.w3.org/ns/anno.jsonld"
#: The Web Annotation motivation of each collection's evidence.
_MOTIVATIONS: Mapping[str, str] = {
    "people": "identifying",
    "groups": "identifying",
    "places": "identifying",
    "events": "identifying",
    "quotations": "identifying",
    "statistics": "identifying",
    "claims": "describing",
    "relations": "linking",
    "notes": "assessing",
}
# The article's author, a node of its own, whom claims in the author's voice
# name: a blank node, so that it can never take a record's IRI.
_AUTHOR = "_:author"

# The Web Annotation terms of the selectors, as the W3C context maps them.
_SELECTOR_TERMS: Mapping[str, object] = {
    "SpecificResource": f"{_OA}SpecificResource",
    "TextQuoteSelector": f"{_OA}TextQuoteSelector",
    "TextPositionSelector": f"{_OA}TextPositionSelector",
    "source": {"@id": f"{_OA}hasSource", "@type": "@id"},
    "selector": {"@id": f"{_OA}hasSelector", "@type": "@id"},
    "exact": f"{_OA}exact",
    "prefix": f"{_OA}prefix",
    "suffix": f"{_OA}suffix",
    "start": {"@id": f"{_OA}start", "@type": f"{_XSD}nonNegativeInteger"},
    "end": {"@id": f"{_OA}end", "@type": f"{_XSD}nonNegativeInteger"},
}


# The schema.org terms that no mapping above holds: those of the article's
# node (`_article_node`) and those `_derived` writes.
_OTHER_TERMS = (
    "NewsArticle",
    "Organization",
    "Periodical",
    "Person",
    "PublicationIssue",
    "ImageObject",
    "headline",
    "abstract",
    "author",
    "publisher",
    "isPartOf",
    "issueNumber",
    "datePublished",
    "articleBody",
    "inLanguage",
    "image",
    "caption",
    "name",
    "appearance",
    "text",
)


def _schema_terms() -> tuple[str, ...]:
    """Return every schema.org term the JSON-LD uses, sorted."""
    terms = {t for t in _TYPES.values() if ":" not in t}
    terms |= set(_VALUE_TYPES.values())
    for properties in (_PROPERTIES, *_PROPERTIES_OF.values()):
        terms |= {p for names in properties.values() for p in names}
    terms |= {p for pair in _DATE_PROPERTIES.values() for p in pair if p}
    terms |= set(_OTHER_TERMS)
    return tuple(sorted(terms))


def _jsonld_context() -> dict[str, Any]:
    """Return the full @context of `to_jsonld`: no term is left to fetch."""
    context: dict[str, Any] = {
        "ss": VOCAB,
        "xsd": _XSD,
    }
    context.update({t: f"{_SCHEMA_ORG}{t}" for t in _schema_terms()})
    context.update(copy.deepcopy(dict(_SELECTOR_TERMS)))
    return context


def _annotation_context() -> dict[str, Any]:
    """Return the full @context of `to_annotations`, from the W3C one."""
    context: dict[str, Any] = {
        "schema": _SCHEMA_ORG,
        "ss": VOCAB,
        "id": "@id",
        "type": "@type",
        "Annotation": f"{_OA}Annotation",
        "motivation": {"@id": f"{_OA}motivatedBy", "@type": "@vocab"},
        "body": {"@id": f"{_OA}hasBody", "@type": "@id"},
        "target": {"@id": f"{_OA}hasTarget", "@type": "@id"},
        "label": f"{_RDFS}label",
    }
    context.update(
        {m: f"{_OA}{m}" for m in sorted(set(_MOTIVATIONS.values()))}
    )
    context.update(copy.deepcopy(dict(_SELECTOR_TERMS)))
    return context


# -- checks ------------------------------------------------------------------


def _check_corpus(function: str, corpus: object) -> Corpus:
    if not isinstance(corpus, Corpus):
        raise InvalidTypeError(
            f"{function}() takes a Corpus, got {shown(corpus)}"
        )
    return corpus


def _check_base(function: str, base: object) -> str:
    if not isinstance(base, str):
        raise InvalidTypeError(
            f"{function}() takes the base= of IRIs as a str, got {shown(base)}"
        )
    if not _IRI.fullmatch(base):
        raise InvalidValueError(
            f"{function}(): base= must be an absolute IRI such as "
            f"{BASE!r}, got {brief(base)}"
        )
    return base


# -- JSON-LD -----------------------------------------------------------------


def to_jsonld(corpus: Corpus, /, *, base: str = BASE) -> dict[str, Any]:
    """
    Return the corpus as JSON-LD, in schema.org terms, with its evidence.

    The document is one ``@graph``: the article as a ``NewsArticle``
    (``headline``, ``abstract``, ``author``, ``publisher`` and
    ``isPartOf`` the issue of the paper, ``datePublished``,
    ``articleBody``, ``inLanguage``, the photo's ``caption``), then every
    record.  People are a ``Person``, groups an ``Organization``, places a
    ``Place``, events an ``Event``, quotations a ``Quotation``, statistics
    an ``Observation`` (a ``QuantitativeValue`` under ``value``), claims a
    ``Claim``, notes a ``Comment`` and relations an ``ss:Relation``.

    Fields become schema.org properties where schema.org has one (an
    event's ``startDate``, ``endDate``, ``location``, ``attendee`` and
    ``about``; a place's ``containedInPlace``; a quotation's ``text``,
    ``spokenByCharacter`` and ``creator`` for its speaker and
    ``recordedAt`` for its occasion; a claim's ``author``, ``appearance``
    and ``isPartOf``; a note's ``citation``, each source a
    ``CreativeWork``, whose address is its ``url``, an IRI node (or, if
    no absolute IRI, a string under ``ss:read_at``); ``sameAs`` for
    Wikidata); every other field is
    written under the edition's own vocabulary,
    ``https://secretspeech.readthedocs.io/vocab#`` (the prefix ``ss:``),
    by its Python name (``ss:kind``, ``ss:addressees``, ``ss:stance``).
    A claim in the author's own voice has the article's author as its
    ``author``.

    A date is written twice: in full, as an ``ss:HistoricalDate`` under the
    field's own term (the article's wording, the EDTF string with the
    Library of Congress EDTF datatype, the first and last possible day,
    precision, calendar, basis and what a relative date counts from), and,
    for an event's date and a person's birth and death, as schema.org
    dates where they say no more than the article: ``"1956"``,
    ``"1956-02"`` or ``"1956-02-25"`` as ``xsd:gYear``, ``xsd:gYearMonth``
    or ``xsd:date``, never a day the wording does not give.  A single
    date is the ``startDate``; an interval is a ``startDate`` and an
    ``endDate`` only if the article states both ends ("1946-7"), since
    any other interval is a window the event falls in ("later in 1956"),
    not how long it lasted.  What ISO 8601 cannot say (the 1920s, about
    1956), an open or unknown end, and a date of the Julian calendar
    (schema.org dates are Gregorian) have no schema.org date: their full
    form has them, with Gregorian bounds.

    Every span (``ss:evidence``, a quotation's ``ss:segments`` and
    ``ss:cue``, a relation's ``ss:link``...) is a W3C Web Annotation
    ``SpecificResource`` whose ``source`` is the article, with a
    ``TextQuoteSelector`` (``exact``, ``prefix``, ``suffix``) and a
    ``TextPositionSelector`` (``start``, ``end``).

    The ``@context`` is written out in full, every term mapped to its IRI,
    so nothing is ever fetched to read the document.

    Args:
        corpus: The corpus to write.
        base: The base of IRIs: a record's IRI is *base* followed by its
            id, the article's *base* followed by ``"article"``.  By default
            ``"https://secretspeech.readthedocs.io/data/#"``.

    Returns:
        A new dict of plain JSON values, for ``json.dump``.

    Raises:
        InvalidTypeError: If *corpus* is not a `Corpus` or *base* not a
            str.
        InvalidValueError: If *base* is not an absolute IRI.

    >>> import secretspeech as ss
    >>> from secretspeech import formats
    >>> doc = formats.to_jsonld(ss.corpus())
    >>> doc["@context"]["Person"]
    'http://schema.org/Person'
    >>> speech = next(
    ...     n for n in doc["@graph"] if n["@id"].endswith("#secret-speech")
    ... )
    >>> speech["@type"], speech["startDate"]
    ('Event', {'@value': '1956-02-25', '@type': 'xsd:date'})
    """
    _check_corpus("to_jsonld", corpus)
    _check_base("to_jsonld", base)
    article = f"{base}article"
    graph: list[dict[str, Any]] = [_article_node(corpus.article, base)]
    for schema, record in _records(corpus):
        graph.append(_record_node(record, schema, base, article))
    return {"@context": _jsonld_context(), "@graph": graph}


def _records(corpus: Corpus) -> Iterator[tuple[CollectionSchema, Record]]:
    """Yield every record with its own schema (a subclass has its own)."""
    for record in corpus.records():
        schema = schema_of(type(record))
        assert schema is not None  # noqa: S101 -- a Corpus holds records
        yield schema, record


def _iri(base: str, rid: str) -> dict[str, str]:
    return {"@id": f"{base}{rid}"}


def _article_node(article: Article, base: str) -> dict[str, Any]:
    """Return the article as a schema.org ``NewsArticle``."""
    node: dict[str, Any] = {
        "@id": f"{base}article",
        "@type": "NewsArticle",
        "headline": article.title,
        "abstract": article.standfirst,
        "author": {"@id": _AUTHOR, "@type": "Person", "name": article.author},
        "publisher": {"@type": "Organization", "name": article.publication},
        "isPartOf": {
            "@type": "PublicationIssue",
            "issueNumber": article.issue,
            "isPartOf": {"@type": "Periodical", "name": article.publication},
        },
        "image": {"@type": "ImageObject", "caption": article.caption},
        "articleBody": article.text,
        "inLanguage": article.language,
        "ss:sha256": article.sha256,
        "ss:published": _date_node(article.published, base),
    }
    node.update(_schema_dates(article.published, ("datePublished", None)))
    return node


def _record_node(
    record: Record, schema: CollectionSchema, base: str, article: str
) -> dict[str, Any]:
    """Return one record as a node, field by field."""
    node: dict[str, Any] = {
        "@id": f"{base}{record.id}",
        "@type": _TYPES[schema.name],
    }
    for field in attrs.fields(type(record)):
        name = field.name
        value = getattr(record, name)
        if name == "id" or value is None or value == ():
            continue
        if name in schema.id_fields:
            refs = [_iri(base, i) for i in ids_in(record, name)]
            # One id (a speaker) is one node; a tuple of ids, a list.
            objects: Any = refs[0] if isinstance(value, str) else refs
        elif name in _IRI_FIELDS:
            objects = {"@id": f"{_IRI_FIELDS[name]}{value}"}
        else:
            objects = _objects(value, base, article)
        for term in _terms(schema.name, name):
            _put(node, term, objects)
        dates = _DATE_PROPERTIES.get((schema.name, name))
        if dates is not None:
            node.update(_schema_dates(value, dates))
    node.update(_derived(record, article))
    return node


#: Fields that hold the id of an outside authority, and its IRIs.
_IRI_FIELDS: Mapping[str, str] = {"wikidata": _WIKIDATA}
#: Fields of values that hold an address, by the value type's name: an IRI
#: node under their schema.org term (whose range is URL), a string under
#: the edition's own term if it is no absolute IRI.
_ADDRESS_FIELDS = frozenset({("Source", "read_at")})


def _put(node: dict[str, Any], term: str, objects: object) -> None:
    """Add *objects* under *term*, beside what another field put there."""
    if term in node:
        # Two fields, one property: an event's people and groups attend.
        before, after = (
            v if isinstance(v, list) else [v] for v in (node[term], objects)
        )
        node[term] = before + after
    else:
        node[term] = objects


def _derived(record: Record, article: str) -> dict[str, Any]:
    """Return what schema.org wants of a record that no field holds."""
    if isinstance(record, Quotation):
        # The words themselves: the segments, joined.
        return {"text": record.text}
    if isinstance(record, Claim):
        derived: dict[str, Any] = {"appearance": {"@id": article}}
        if record.by is None:
            # The author's own voice.
            derived["author"] = {"@id": _AUTHOR}
        return derived
    return {}


def _terms(scope: str, name: str) -> tuple[str, ...]:
    """Return the keys a field is written under in *scope*."""
    own = _PROPERTIES_OF.get(scope, {})
    if name in own:
        return own[name]
    return _PROPERTIES.get(name, (f"ss:{name}",))


def _objects(value: object, base: str, article: str) -> Any:  # noqa: ANN401 -- JSON
    """Return a field's value as JSON-LD: literals, nodes, lists of them."""
    cls = type(value)
    if isinstance(value, tuple):
        return [_objects(v, base, article) for v in value]
    if isinstance(value, Evidence):
        return _span(value, article, "@type")
    if isinstance(value, HistoricalDate):
        return _date_node(value, base)
    if isinstance(value, enum.Enum):
        return value.value
    if attrs.has(cls):
        scope = cls.__name__
        node: dict[str, Any] = {"@type": _VALUE_TYPES.get(cls, f"ss:{scope}")}
        for field in attrs.fields(cls):
            item = getattr(value, field.name)
            if item is None or item == ():
                continue
            if (scope, field.name) in _ADDRESS_FIELDS:
                terms, objects = _address(scope, field.name, item)
            else:
                terms = _terms(scope, field.name)
                objects = _objects(item, base, article)
            for term in terms:
                _put(node, term, objects)
        return node
    return value


def _address(
    scope: str, name: str, address: str
) -> tuple[tuple[str, ...], object]:
    """
    Return the keys and the object of a field that holds an address.

    schema.org's ``url`` is an IRI, which a plain string is not: an
    absolute IRI is a node, anything else a string under the edition's term.
    """
    if _IRI.fullmatch(address):
        return _terms(scope, name), {"@id": address}
    return (f"ss:{name}",), address


def _span(span: Evidence, article: str, type_key: str) -> dict[str, Any]:
    """
    Return a span as a Web Annotation ``SpecificResource``.

    *type_key* is ``"@type"`` in `to_jsonld`, ``"type"`` (the Web
    Annotation model's alias) in `to_annotations`.
    """
    quote: dict[str, Any] = {
        type_key: "TextQuoteSelector",
        "exact": span.exact,
    }
    if span.prefix:
        quote["prefix"] = span.prefix
    if span.suffix:
        quote["suffix"] = span.suffix
    position = {
        type_key: "TextPositionSelector",
        "start": span.start,
        "end": span.end,
    }
    return {
        type_key: "SpecificResource",
        "source": article,
        "selector": [quote, position],
    }


def _date_node(date: HistoricalDate, base: str) -> dict[str, Any]:
    """Return a date in full as an ``ss:HistoricalDate``."""
    node: dict[str, Any] = {"@type": "ss:HistoricalDate"}
    for name, value in _date_fields(date, ()):
        key = f"ss:{name}"
        if value is None:
            continue
        if name == "relative_to":
            node[key] = _iri(base, str(value))
        elif name == "edtf":
            node[key] = {"@value": value, "@type": _EDTF}
        elif isinstance(value, datetime.date):
            node[key] = {"@value": value.isoformat(), "@type": "xsd:date"}
        else:
            node[key] = value.value if isinstance(value, enum.Enum) else value
    return node


def _open_sides(edtf: str) -> tuple[bool, bool]:
    """Tell whether the start and the end of an EDTF string are no dates."""
    start, slash, end = edtf.partition("/")
    return bool(slash) and start in _NO_DATE, bool(slash) and end in _NO_DATE


def _schema_dates(
    date: HistoricalDate, properties: tuple[str, str | None]
) -> dict[str, Any]:
    """
    Return a date as the schema.org date properties that fit it, if any.

    schema.org's dates are ISO 8601 days, months or years of the Gregorian
    calendar, and an event's ``startDate`` and ``endDate`` say when it
    began and ended.  So a date fills them only when it says that much:

    - a single date, as ISO 8601 writes it (no decade, century or
      qualifier), is the ``startDate`` (or the one date of a property such
      as ``birthDate``);
    - an interval the article states with both ends (“1946-7”) is the
      ``startDate`` and the ``endDate``;
    - any other interval is a window the event falls in, not how long it
      lasted (“later in 1956”, counted from the speech; “By 1939”, whose
      start is unknown): it fills neither.

    What fills nothing is still there in full, under the field's own term.
    """
    if date.calendar is not Calendar.GREGORIAN:
        # schema.org dates are Gregorian; the full date has the bounds.
        return {}
    first, last = properties
    start, slash, end = date.edtf.partition("/")
    if not slash:
        value = _iso_literal(start)
        return {} if value is None else {first: value}
    if last is None or date.basis is not DateBasis.STATED:
        return {}
    begins, ends = _iso_literal(start), _iso_literal(end)
    if begins is None or ends is None:
        return {}
    return {first: begins, last: ends}


def _iso_literal(side: str) -> dict[str, str] | None:
    """Return one side of an EDTF string as an ISO 8601 literal, if one."""
    match = _SIDE.fullmatch(side)
    if match is None or not match["year"]:
        # No date, a qualifier, a decade or a century: ISO 8601 has no
        # word for it, and schema.org takes nothing else.
        return None
    kind = (
        "date" if match["day"] else "gYearMonth" if match["month"] else "gYear"
    )
    return {"@value": side, "@type": f"xsd:{kind}"}


# -- Web Annotations ---------------------------------------------------------


def to_annotations(
    corpus: Corpus, /, *, base: str = BASE
) -> list[dict[str, Any]]:
    """
    Return the evidence of every record as W3C Web Annotations.

    Each `Evidence` span of each record's ``evidence`` becomes one
    annotation in the JSON-LD of the Web Annotation Data Model, as
    annotation tools such as Recogito and Hypothes.is-style clients read
    it: ``type`` ``Annotation``, an ``id`` (the record's IRI, then
    ``/evidence/`` and the span's index), a ``motivation``, a ``body``
    that is the record (its IRI as ``id``, its schema.org ``type`` as in
    `to_jsonld`, and ``label``, what ``str()`` gives of it) and a
    ``target``: a ``SpecificResource`` whose ``source`` is the article,
    with a ``TextQuoteSelector`` (``exact``, and ``prefix`` and ``suffix``
    where the text has them) and a ``TextPositionSelector`` (``start``,
    ``end``).

    The motivation says what the span does for the record: it
    ``identifying`` a person, group, place, event, quotation or statistic;
    ``describing`` what a claim states; ``linking`` the two records of a
    relation; ``assessing``, for a note, the article against the public
    record.

    Every annotation's ``@context`` is the W3C one,
    ``"http://www.w3.org/ns/anno.jsonld"``, as the model requires
    (annotation tools know an annotation by it), then every term the
    annotation uses written out in full (those of the W3C context, and
    the ``schema`` and ``ss`` prefixes of the body types).  A JSON-LD
    processor fetches the W3C context, as any context a document names,
    and fails if it cannot; one that may not fetch reads the same triples
    if its document loader gives the W3C context as empty.

    Args:
        corpus: The corpus whose evidence to write.
        base: The base of IRIs, as for `to_jsonld`.

    Returns:
        A new list of annotations, record by record in the order of
        `Corpus.records`, each record's spans in order.

    Raises:
        InvalidTypeError: If *corpus* is not a `Corpus` or *base* not a
            str.
        InvalidValueError: If *base* is not an absolute IRI.

    >>> import secretspeech as ss
    >>> from secretspeech import formats
    >>> notes = formats.to_annotations(ss.corpus())
    >>> first = notes[0]
    >>> first["type"], first["motivation"], first["body"]["label"]
    ('Annotation', 'identifying', 'Nikita Khrushchev')
    >>> first["target"]["selector"][1]
    {'type': 'TextPositionSelector', 'start': 75, 'end': 107}
    """
    _check_corpus("to_annotations", corpus)
    _check_base("to_annotations", base)
    article = f"{base}article"
    annotations = []
    for schema, record in _records(corpus):
        kind = _TYPES[schema.name]
        body = {
            "id": f"{base}{record.id}",
            "type": kind if ":" in kind else f"schema:{kind}",
            "label": str(record),
        }
        for i, span in enumerate(record.evidence):
            annotations.append(
                {
                    "@context": [_ANNOTATION_CONTEXT, _annotation_context()],
                    "id": f"{base}{record.id}/evidence/{i}",
                    "type": "Annotation",
                    "motivation": _MOTIVATIONS[schema.name],
                    "body": dict(body),
                    "target": _span(span, article, "type"),
                }
            )
    return annotations


# -- TimelineJS --------------------------------------------------------------


def to_timelinejs(
    corpus: Corpus,
    /,
    *,
    start: Period | None = None,
    end: Period | None = None,
) -> dict[str, Any]:
    """
    Return the dated events as TimelineJS 3 JSON, quotations with them.

    The result has the shape of TimelineJS's JSON format: a ``title``
    slide (the article's title, standfirst and byline) and ``events``, a
    slide for each dated event, in time order, with its ``unique_id``
    (the record's id), ``start_date``, ``end_date``, ``display_date``,
    ``text`` (``headline``: the event's name; ``text``: HTML) and
    ``group`` (the event's kind).  Events with no date are left out.

    Dates keep their precision: a start has ``year``, ``month`` and
    ``day`` (numbers, as TimelineJS documents them) only as far as the
    wording fixes them, so a year has only ``year``, which TimelineJS
    reads as its first day.  An end is drawn to its last day: a year ends
    on 31 December, a month on its last day, since TimelineJS would read
    a missing month or day as the first.  A single date has no
    ``end_date``, but a decade or a century runs from its first year to
    the last day of its last; an interval runs from its start to its end,
    and an open or unknown end is left out, not made up.
    TimelineJS needs a ``start_date``, so an interval whose start is
    unknown ("By 1939": ``/1939``) is placed at its end, with no
    ``end_date``.  A date of the Julian calendar runs over its Gregorian
    days.  Each slide's ``display_date`` is the wording with the date it
    resolves to, and whether it is inferred: ``"soon (25 February 1956 –
    about 1956)"``, ``"By 1939 (? – 1939)"``, ``"between 1957 and 1964
    (1957 – 1964; inferred)"``; the slide's text says what a relative
    date counts from and why an inferred one is inferred.

    A quotation with an ``occasion`` is quoted in the text of its event's
    slide, with its speaker.  A quotation whose occasion has no date, or
    that has none, gets a slide of its own in the group ``"quotation"``
    if it has a date of its own, and is left out if it has not.

    Args:
        corpus: The corpus to draw.
        start: Keep what may fall in this period or later, as for
            `Corpus.timeline`.
        end: Keep what may begin by the end of this period.

    Returns:
        A new dict of plain JSON values; ``json.dumps`` it for
        ``new TL.Timeline(element, data)``.

    Raises:
        InvalidTypeError: If *corpus* is not a `Corpus`, or *start* or
            *end* is not a period.
        InvalidValueError: If *start* or *end* is not a valid date, or
            *start* begins after *end* ends.

    >>> import secretspeech as ss
    >>> from secretspeech import formats
    >>> timeline = formats.to_timelinejs(ss.corpus(), start=1961, end=1961)
    >>> slide = timeline["events"][0]
    >>> slide["start_date"], slide["display_date"]
    ({'year': 1957}, 'In the next years (1957 – 1964)')
    >>> slide["end_date"]
    {'year': 1964, 'month': 12, 'day': 31}
    """
    _check_corpus("to_timelinejs", corpus)
    try:
        events = corpus.timeline(start=start, end=end)
    except (InvalidTypeError, InvalidValueError) as e:
        raise type(e)(f"to_timelinejs(): {e}") from None
    low = None if start is None else period(start, "start=").earliest
    high = None if end is None else period(end, "end=").latest
    said_at: dict[str, list[Quotation]] = {}
    slides: list[tuple[tuple[Any, ...], dict[str, Any]]] = []
    for quotation in corpus.quotations:
        occasion = (
            corpus.get(quotation.occasion) if quotation.occasion else None
        )
        if isinstance(occasion, Event) and occasion.date is not None:
            said_at.setdefault(occasion.id, []).append(quotation)
        elif quotation.date is not None and _reaches(
            quotation.date, low, high
        ):
            slides.append(
                (
                    _order(quotation.date, quotation),
                    _quotation_slide(corpus, quotation, quotation.date),
                )
            )
    for event in events:
        assert event.date is not None  # noqa: S101 -- the timeline is dated
        slides.append(
            (
                _order(event.date, event),
                _event_slide(
                    corpus, event, event.date, said_at.get(event.id, ())
                ),
            )
        )
    slides.sort(key=lambda item: item[0])
    return {
        "title": _title_slide(corpus.article),
        "events": [slide for _, slide in slides],
    }


def _reaches(
    date: HistoricalDate,
    low: datetime.date | None,
    high: datetime.date | None,
) -> bool:
    """Tell whether *date* may fall in *low* to *high*, as timeline() does."""
    return (low is None or low <= date.latest) and (
        high is None or date.earliest <= high
    )


def _order(date: HistoricalDate, record: Record) -> tuple[Any, ...]:
    """Return the key that orders slides as `Corpus.timeline` orders events."""
    return (date.sort_key, record.evidence[0].start)


def _title_slide(article: Article) -> dict[str, Any]:
    byline = (
        f"{article.author}, {article.publication}, issue {article.issue}, "
        f"{_render(article.published.edtf)}"
    )
    return {
        "text": {
            "headline": _html(article.title),
            "text": f"<p>{_html(article.standfirst)}</p>"
            f"<p>{_html(byline)}</p>",
        }
    }


def _event_slide(
    corpus: Corpus,
    event: Event,
    date: HistoricalDate,
    quotations: Iterable[Quotation],
) -> dict[str, Any]:
    """Return the slide of a dated event, with the words said at it."""
    text = [f"<p>{_html(event.summary)}</p>"]
    text.extend(_quote(corpus, q) for q in quotations)
    text.extend(_date_notes(corpus, date))
    return {
        "unique_id": event.id,
        **_dates(date),
        "text": {"headline": _html(event.name), "text": "".join(text)},
        "group": event.kind.value,
    }


def _quotation_slide(
    corpus: Corpus, quotation: Quotation, date: HistoricalDate
) -> dict[str, Any]:
    """Return the slide of a quotation that no dated event holds."""
    text = [_quote(corpus, quotation)]
    if quotation.no_occasion is not None:
        text.append(f"<p>{_html(quotation.no_occasion)}</p>")
    text.extend(_date_notes(corpus, date))
    return {
        "unique_id": quotation.id,
        **_dates(date),
        "text": {
            "headline": _html(f"“{quotation.text}”"),
            "text": "".join(text),
        },
        "group": "quotation",
    }


def _quote(corpus: Corpus, quotation: Quotation) -> str:
    """Return a quotation as an HTML block quote, with its speaker."""
    speakers = corpus.refs(quotation, "speaker")
    cite = "".join(f"<br>— {_html(str(s))}" for s in speakers)
    return f"<blockquote>“{_html(quotation.text)}”{cite}</blockquote>"


def _date_notes(corpus: Corpus, date: HistoricalDate) -> list[str]:
    """Return what a slide says of a relative or inferred date."""
    notes = []
    if date.relative_to is not None:
        anchor = corpus.get(date.relative_to)
        # A record's name is a headline ("The failed attempt to overthrow
        # Khrushchev"): quoted as a title, it reads inside a sentence.
        name = (
            "the article"
            if isinstance(anchor, Article)
            else quoted(str(anchor))
        )
        notes.append(
            f"<p><small>“{_html(date.text)}” is counted from "
            f"{_html(name)}.</small></p>"
        )
    if date.reason is not None:
        # Only an inferred date has a reason.
        notes.append(
            "<p><small>The article gives no date; it is inferred: "
            f"{_html(date.reason)}</small></p>"
        )
    return notes


def _html(text: str) -> str:
    return html.escape(text, quote=False)


def _dates(date: HistoricalDate) -> dict[str, Any]:
    """Return a slide's ``start_date``, ``end_date`` and ``display_date``."""
    if date.calendar is not Calendar.GREGORIAN:
        # TimelineJS's days are Gregorian: the date's bounds are too.
        start_day, end_day = (
            None if side else {"year": d.year, "month": d.month, "day": d.day}
            for side, d in zip(
                _open_sides(date.edtf),
                (date.earliest, date.latest),
                strict=True,
            )
        )
        first = start_day or end_day
        last = end_day if start_day else None
    else:
        start, slash, end = date.edtf.partition("/")
        first = _timeline_date(start, last=False)
        if not slash:
            # One date has no end, but a decade or a century runs on.
            last = _timeline_date(start, last=True) if "X" in start else None
        elif first is None:
            # No start to give: placed at its end, as precise as worded.
            first, last = _timeline_date(end, last=False), None
        else:
            last = _timeline_date(end, last=True)
    slide: dict[str, Any] = {"start_date": first}
    if last is not None:
        slide["end_date"] = last
    slide["display_date"] = _display(date)
    return slide


def _timeline_date(side: str, *, last: bool) -> dict[str, int] | None:
    """
    Return one side of an EDTF string as a TimelineJS date object.

    A start keeps its precision: TimelineJS reads a missing month or day
    as the first, which is where a year or a month starts.  For the same
    reason an end that is a year, a month, a decade or a century is given
    its last day, or TimelineJS would end it on its first.

    >>> _timeline_date("1947", last=True), _timeline_date("1947", last=False)
    ({'year': 1947, 'month': 12, 'day': 31}, {'year': 1947})
    >>> _timeline_date("1956-02~", last=True)
    {'year': 1956, 'month': 2, 'day': 29}
    """
    if side in _NO_DATE:
        return None
    match = _SIDE.fullmatch(side.rstrip(_QUALIFIERS))
    assert match is not None  # noqa: S101 -- HistoricalDate parsed it
    if match["decade"]:
        year = int(match["decade"]) * 10 + (9 if last else 0)
    elif match["century"]:
        year = int(match["century"]) * 100 + (99 if last else 0)
    else:
        year = int(match["year"])
    found = {"year": year}
    if match["month"]:
        found["month"] = int(match["month"])
    if match["day"]:
        found["day"] = int(match["day"])
    elif last:
        month = found.setdefault("month", 12)
        found["day"] = _days_in_month(year, month, Calendar.GREGORIAN)
    return found


def _render(edtf: str) -> str:
    """
    Say an EDTF string in words: ``"25 February 1956 – about 1956"``.

    An unknown end is ``?``, an open end ``…``.
    """
    start, slash, end = edtf.partition("/")
    if not slash:
        return _render_side(start)
    words = {"": "?", "..": "…"}
    return " – ".join(
        words[side] if side in words else _render_side(side)
        for side in (start, end)
    )


def _render_side(side: str) -> str:
    """Say one date of an EDTF string in words."""
    bare = side.rstrip(_QUALIFIERS)
    qualifier = side[len(bare) :]
    match = _SIDE.fullmatch(bare)
    assert match is not None  # noqa: S101 -- HistoricalDate parsed it
    if match["decade"]:
        said = f"the {match['decade']}0s"
    elif match["century"]:
        first = int(match["century"]) * 100
        said = f"{first}–{first + 99}"
    else:
        said = match["year"]
        if match["month"]:
            said = f"{MONTH_NAMES[int(match['month']) - 1]} {said}"
        if match["day"]:
            said = f"{int(match['day'])} {said}"
    if qualifier in {"~", "%"}:
        said = f"about {said}"
    if qualifier in {"?", "%"}:
        said = f"{said}?"
    return said


def _display(date: HistoricalDate) -> str:
    """Return the wording of a date, with what it resolves to beside it."""
    resolved = _render(date.edtf)
    beside = [] if resolved == date.text else [resolved]
    if date.calendar is not Calendar.GREGORIAN:
        beside.append(f"{date.calendar.value.title()} calendar")
    if date.basis is DateBasis.INFERRED:
        beside.append("inferred")
    return f"{date.text} ({'; '.join(beside)})" if beside else date.text


# -- graphs ------------------------------------------------------------------


def _networkx(function: str) -> Any:  # noqa: ANN401 -- the module, untyped
    """
    Import networkx, which the extra ``graph`` installs.

    Raises:
        MissingDependencyError: If it is not installed, saying how to
            install it.
    """
    try:
        import networkx  # noqa: PLC0415 -- only the graph functions need it
    except ModuleNotFoundError as e:
        if e.name != "networkx":
            raise  # networkx is there, but something it needs is not
        raise MissingDependencyError(
            f"{function}() needs networkx, which is not installed; install "
            'it with: pip install "secretspeech[graph]"',
            name="networkx",
        ) from e
    return networkx


def to_graph(corpus: Corpus, /) -> networkx.MultiDiGraph:
    """
    Return the corpus as a networkx graph: records linked by their ids.

    Every record is a node, keyed by its id, except relations, which are
    edges; the article is a node too, ``"article"``, since records may
    name it.  A node's attributes are ``kind``, the noun of its collection
    (``"person"``, ``"event"``), ``label``, what ``str()`` gives of it, and
    its fields that hold no ids, flattened to values GraphML can hold:

    - a `str`, `int` or `bool` as it is; a vocabulary member as its value;
      the record's own ``kind`` as ``<noun>_kind`` (``event_kind``);
    - a date as one attribute per field of `HistoricalDate`, named
      ``<field>_<attribute>`` (``date_text``, ``date_edtf``,
      ``date_earliest``...), days as ISO strings; a `Quantity` likewise
      (``quantity_value``, ``quantity_kind``...);
    - a list of strings or values (``aliases``, ``roles``, a note's
      ``sources``) as a string of JSON, the values as `as_dict` gives
      them;
    - nothing at all for `None`, an empty list, an open end's day, or a
      span of the text (`to_annotations` has the spans); nor the article's
      text.

    Each id a record holds is an edge from the record to the record it
    names, whose ``kind`` is the field (``participants``, ``speaker``,
    ``occasion``, ``subjects``, ``relative_to``...), as
    `CollectionSchema.id_fields` lists them.  Each relation is an edge
    from its source to its target whose ``kind`` is the relation's kind
    (``"enables"``) and ``relation`` its id.  A relation another record
    names (a note about it) is a node too.  Edge keys are numbers unique
    in the whole graph (0, 1, 2... in the order the edges are added), not
    only between two nodes, since GraphML writes them as edge ids, which
    Gephi and yEd need to be unique; the graph's own attributes are the
    article's ``title`` and the ``data_version``.

    Args:
        corpus: The corpus to draw.

    Returns:
        A new ``networkx.MultiDiGraph``.

    Raises:
        InvalidTypeError: If *corpus* is not a `Corpus`.
        MissingDependencyError: If networkx is not installed (the
            ``graph`` extra).

    >>> import secretspeech as ss
    >>> from secretspeech import formats
    >>> graph = formats.to_graph(ss.corpus())
    >>> speech = graph.nodes["secret-speech"]
    >>> speech["kind"], speech["event_kind"], speech["date_edtf"]
    ('event', 'speech', '1956-02-25')
    >>> sorted(
    ...     v for _, v, kind in graph.out_edges("dirty-linen", data="kind")
    ...     if kind == "speaker"
    ... )
    ['nikita-khrushchev']
    """
    _check_corpus("to_graph", corpus)
    nx = _networkx("to_graph")
    article = corpus.article
    graph = nx.MultiDiGraph(
        title=article.title, data_version=corpus.data_version
    )
    graph.add_node(
        "article",
        **{
            **_scalars(article, ("relative_to",), skip=("text",)),
            "kind": "article",
            "label": article.title,
        },
    )
    # One key for every edge: GraphML's edge ids, which must not repeat.
    keys = itertools.count()
    if article.published.relative_to is not None:
        graph.add_edge(
            "article",
            article.published.relative_to,
            key=next(keys),
            kind="relative_to",
        )
    relations = []
    for schema, record in _records(corpus):
        if isinstance(record, Relation):
            relations.append((schema, record))
        else:
            graph.add_node(record.id, **_node(record, schema))
    for schema, record in _records(corpus):
        if not isinstance(record, Relation):
            for field in schema.id_fields:
                for rid in ids_in(record, field):
                    graph.add_edge(record.id, rid, key=next(keys), kind=field)
    _add_relations(graph, relations, keys)
    return graph


def _add_relations(
    graph: networkx.MultiDiGraph,
    relations: list[tuple[CollectionSchema, Relation]],
    keys: Iterator[int],
) -> None:
    """Add each relation as an edge, and as a node where one is named."""
    for schema, relation in relations:
        graph.add_edge(
            relation.source,
            relation.target,
            key=next(keys),
            **_scalars(relation, tuple(schema.id_fields)),
            relation=relation.id,
        )
    for schema, relation in relations:
        if relation.id in graph:
            # A record names it: a node, so that the edge has its end.
            graph.nodes[relation.id].update(_node(relation, schema))


def _node(record: Record, schema: CollectionSchema) -> dict[str, Any]:
    """Return a record's node attributes."""
    found = _scalars(record, tuple(schema.id_fields))
    if "kind" in found:
        found[f"{schema.noun}_kind"] = found.pop("kind")
    found["kind"] = schema.noun
    found["label"] = str(record)
    return found


def _scalars(
    value: Record | Article, ids: tuple[str, ...], skip: tuple[str, ...] = ()
) -> dict[str, Any]:
    """Return the fields of *value* that hold no ids, flattened."""
    found: dict[str, Any] = {}
    for field in attrs.fields(type(value)):
        if field.name not in ("id", *ids, *skip):
            _flatten(field.name, getattr(value, field.name), ids, found)
    return found


def _flatten(
    name: str, value: object, ids: tuple[str, ...], found: dict[str, Any]
) -> None:
    """Put *value* into *found* as GraphML values, named after *name*."""
    cls = type(value)
    if value is None or value == () or isinstance(value, Evidence):
        return
    if isinstance(value, tuple):
        if not any(isinstance(v, Evidence) for v in value):
            found[name] = json.dumps(plain(value), ensure_ascii=False)
    elif isinstance(value, HistoricalDate):
        for key, item in _date_fields(value, ids):
            _flatten(f"{name}_{key}", item, ids, found)
    elif attrs.has(cls):
        for field in attrs.fields(cls):
            _flatten(
                f"{name}_{field.name}", getattr(value, field.name), ids, found
            )
    elif isinstance(value, enum.Enum):
        found[name] = value.value
    elif isinstance(value, datetime.date):
        found[name] = value.isoformat()
    else:
        found[name] = value


def _date_fields(
    date: HistoricalDate, ids: tuple[str, ...]
) -> Iterator[tuple[str, object]]:
    """Yield a date's fields but its ids and the days of its open ends."""
    open_start, open_end = _open_sides(date.edtf)
    for field in attrs.fields(HistoricalDate):
        name = field.name
        if name in ids or (name, True) in (
            ("earliest", open_start),
            ("latest", open_end),
        ):
            continue
        yield name, getattr(date, name)


# A character that an XML 1.0 file cannot carry back as it was: the
# controls (a carriage return comes back as a line feed), lone surrogates
# and the two non-characters U+FFFE and U+FFFF.
_NOT_XML = re.compile("[^\t\n\x20-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")


def _check_xml(graph: networkx.MultiDiGraph) -> None:
    """Refuse a graph holding a string that GraphML cannot give back."""
    where: list[tuple[str, dict[str, Any]]] = [("the graph", graph.graph)]
    where.extend((f"node {brief(n)}", data) for n, data in graph.nodes.items())
    where.extend(
        (f"edge {brief(u)} -> {brief(v)}", data)
        for u, v, data in graph.edges(data=True)
    )
    for place, data in where:
        for name, value in data.items():
            found = _NOT_XML.search(value) if isinstance(value, str) else None
            if found:
                raise InvalidValueError(
                    f"to_graphml(): the {name} of {place} holds "
                    f"{brief(found.group())}, a character GraphML (XML) "
                    "cannot hold"
                )


def to_graphml(
    corpus: Corpus,
    path: str | PathLike[str],
    /,
    *,
    overwrite: bool = False,
) -> Path:
    """
    Write the graph of `to_graph` as a GraphML file.

    The attributes are those of `to_graph`: strings, numbers and booleans
    only, so that ``networkx.read_graphml(path, force_multigraph=True)``
    gives back the same nodes, edges (with their keys) and attributes.
    The file is written whole or not at all (to a temporary file beside
    it, then renamed), and an existing file is replaced only with
    *overwrite*.

    Args:
        corpus: The corpus to draw.
        path: The file to write.
        overwrite: Whether an existing file may be replaced.

    Returns:
        The path written, absolute.

    Raises:
        CorpusFileError: If the operating system refuses the file (a
            missing folder, a folder in its place or a path ending in
            ``/``: ``errno.EISDIR``), or it exists and *overwrite* is
            false (``errno.EEXIST``).
        InvalidTypeError: If *corpus* is not a `Corpus`, *path* not a path
            or *overwrite* not a bool.
        InvalidValueError: If *path* is empty or names a pipe or a device,
            or a string of the graph holds a character that XML cannot (a
            control character other than a tab or a line feed, say).
        MissingDependencyError: If networkx is not installed.

    >>> import tempfile
    >>> from pathlib import Path
    >>> import networkx
    >>> import secretspeech as ss
    >>> from secretspeech import formats
    >>> folder = Path(tempfile.mkdtemp())
    >>> path = formats.to_graphml(ss.corpus(), folder / "speech.graphml")
    >>> graph = networkx.read_graphml(path, force_multigraph=True)
    >>> graph.nodes["nikita-khrushchev"]["label"]
    'Nikita Khrushchev'
    """
    _check_corpus("to_graphml", corpus)
    check_paths("to_graphml", path=path)
    check_flag(overwrite, "to_graphml(): overwrite=")
    where = os.fspath(path)
    if not isinstance(where, str):
        raise InvalidTypeError(
            f"to_graphml() takes a path for path, got {shown(path)}"
        )
    nx = _networkx("to_graphml")
    graph = to_graph(corpus)
    _check_xml(graph)
    lines = ['<?xml version="1.0" encoding="UTF-8"?>']
    lines.extend(nx.generate_graphml(graph))
    data = "\n".join(lines).encode("utf-8")
    return write_files("to_graphml", {where: data}, overwrite=overwrite)[0]
