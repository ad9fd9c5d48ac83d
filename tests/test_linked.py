"""
Linked data and graphs: JSON-LD, web annotations, TimelineJS and networkx.

Each export is read back as a user's tool would read it: the JSON-LD and
the annotations as RDF by rdflib, and by pyld with a document loader that
refuses every fetch (the network is cut for the whole module, too); the
TimelineJS JSON against a JSON Schema of TimelineJS's documented format;
the GraphML file by networkx.  The bundled corpus and generated ones.
"""

from __future__ import annotations

import builtins
import collections
import contextlib
import datetime
import errno
import json
import socket
import subprocess
import sys
import tempfile
from collections.abc import Iterator
from pathlib import Path
from typing import Any
from xml.etree import ElementTree

import attrs
import jsonschema
import networkx as nx
import pytest
import rdflib
from hypothesis import HealthCheck, given, settings
from pyld import jsonld
from rdflib import RDF, XSD, Literal, Namespace

import secretspeech as ss
from secretspeech import strategies
from secretspeech._checks import ids_in
from secretspeech._linked import (
    BASE,
    VOCAB,
    to_annotations,
    to_graph,
    to_graphml,
    to_jsonld,
    to_timelinejs,
)
from secretspeech._model import schema_of
from secretspeech.exceptions import (
    CorpusFileError,
    InvalidTypeError,
    InvalidValueError,
    SecretSpeechError,
)


CORPUS = ss.corpus()
TEXT = CORPUS.article.text
SDO = Namespace("http://schema.org/")
OA = Namespace("http://www.w3.org/ns/oa#")
SS = Namespace(VOCAB)
DATA = Namespace(BASE)
EDTF = rdflib.URIRef("http://id.loc.gov/datatypes/edtf/EDTF-level1")
#: The schema.org type of each collection, as the docs give them.
TYPES = {
    "people": SDO.Person,
    "groups": SDO.Organization,
    "places": SDO.Place,
    "events": SDO.Event,
    "quotations": SDO.Quotation,
    "statistics": SDO.Observation,
    "claims": SDO.Claim,
    "relations": SS.Relation,
    "notes": SDO.Comment,
}
FEW = settings(
    max_examples=10,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow],
)
# rdflib's own JSON-LD parser builds a ConjunctiveGraph, which it deprecates.
pytestmark = pytest.mark.filterwarnings(
    "ignore:ConjunctiveGraph is deprecated:DeprecationWarning"
)


@pytest.fixture(autouse=True)
def no_network(monkeypatch: pytest.MonkeyPatch) -> None:
    """Cut the network: reading the exports must never fetch anything."""

    def refuse(*args: object, **_: object) -> None:
        raise AssertionError(f"a connection was attempted: {args}")

    monkeypatch.setattr(socket.socket, "connect", refuse)
    monkeypatch.setattr(socket, "create_connection", refuse)


def refuse_to_load(url: str, _options: object = None) -> None:
    """A pyld document loader that fetches nothing."""
    raise AssertionError(f"pyld tried to load {url}")


#: The W3C Web Annotation context, which every annotation names.
ANNO = "http://www.w3.org/ns/anno.jsonld"


def only_the_w3c_context(url: str, _options: object = None) -> dict[str, Any]:
    """
    A pyld document loader that gives the W3C context as empty, only it.

    An annotation must name the W3C context; that it reads the same
    without a term of it shows that it writes out every term it uses.
    """
    if url != ANNO:
        refuse_to_load(url)
    return {
        "contextUrl": None,
        "documentUrl": url,
        "document": {"@context": {}},
    }


@pytest.fixture
def w3c_context_empty(monkeypatch: pytest.MonkeyPatch) -> None:
    """Have rdflib read the W3C context as empty, and fetch nothing else."""
    from rdflib.plugins.shared.jsonld import context  # noqa: PLC0415

    def source_to_json(url: str, *_: object, **__: object) -> tuple[Any, Any]:
        return only_the_w3c_context(url)["document"], None

    monkeypatch.setattr(context, "source_to_json", source_to_json)


def rdf(document: object) -> rdflib.Graph:
    """Read JSON-LD as RDF, as rdflib reads it."""
    return rdflib.Graph().parse(data=json.dumps(document), format="json-ld")


@contextlib.contextmanager
def raises(
    error: type[SecretSpeechError], builtin: type[Exception], *quoted: str
) -> Iterator[None]:
    """Expect *error*, also a *builtin*, with each of *quoted* in the message."""
    with pytest.raises(error) as info:
        yield
    assert isinstance(info.value, builtin)
    for text in quoted:
        assert text in str(info.value), (text, str(info.value))


def evolve(corpus: ss.Corpus, *records: Any) -> ss.Corpus:
    """Return *corpus* with *records* in place of those with their ids."""
    changes: dict[str, list[Any]] = {}
    for record in records:
        schema = schema_of(type(record))
        assert schema is not None
        kept = changes.setdefault(
            schema.name, list(getattr(corpus, schema.name))
        )
        ids = [r.id for r in kept]
        if record.id in ids:
            kept[ids.index(record.id)] = record
        else:
            kept.append(record)
    return attrs.evolve(corpus, **changes)


def dated(event_id: str, edtf: str, **fields: Any) -> ss.Event:
    """Return a bundled event with another date."""
    date = ss.HistoricalDate.from_edtf(edtf, text=f"as {edtf}", **fields)
    return attrs.evolve(CORPUS.events.get(event_id), date=date)


def walk(value: object) -> Iterator[dict[str, Any]]:
    """Yield every JSON object inside *value*."""
    if isinstance(value, dict):
        yield value
        for item in value.values():
            yield from walk(item)
    elif isinstance(value, list):
        for item in value:
            yield from walk(item)


# -- JSON-LD -----------------------------------------------------------------


DOCUMENT = to_jsonld(CORPUS)


@pytest.fixture(scope="module")
def graph() -> rdflib.Graph:
    """The bundled corpus's JSON-LD, read as RDF once."""
    return rdf(DOCUMENT)


def test_a_person_is_a_schema_org_person(graph: rdflib.Graph) -> None:
    """Khrushchev is a schema:Person named "Nikita Khrushchev"."""
    khrushchev = DATA["nikita-khrushchev"]

    assert (khrushchev, RDF.type, SDO.Person) in graph
    assert [Literal("Nikita Khrushchev")] == list(
        graph.objects(khrushchev, SDO.name)
    )
    assert (
        khrushchev,
        SDO.sameAs,
        rdflib.URIRef("http://www.wikidata.org/entity/Q35314"),
    ) in graph
    assert [Literal("1894-04-15", datatype=XSD.date)] == list(
        graph.objects(khrushchev, SDO.birthDate)
    )


def test_event_dates_at_their_precision(graph: rdflib.Graph) -> None:
    """A day, a year, a stated interval; no window, decade or Julian month."""

    def dates(event_id: str) -> tuple[list[Any], list[Any]]:
        event = DATA[event_id]
        return (
            list(graph.objects(event, SDO.startDate)),
            list(graph.objects(event, SDO.endDate)),
        )

    assert ([Literal("1956-02-25", datatype=XSD.date)], []) == dates(
        "secret-speech"
    )
    assert ([Literal("1940", datatype=XSD.gYear)], []) == dates(
        "trotsky-killed"
    )
    assert ([Literal("1953-03", datatype=XSD.gYearMonth)], []) == dates(
        "stalins-death"
    )
    # Stated at both ends: how long it lasted.
    assert (
        [Literal("1946", datatype=XSD.gYear)],
        [Literal("1947", datatype=XSD.gYear)],
    ) == dates("famine-1946-7")
    # ISO 8601 has no decade and no "about": no schema.org date, none made.
    assert ([], []) == dates("khrushchev-praises-stalin")
    # Windows the event falls in, not how long it lasted: counted from the
    # speech ("later in 1956"), inferred, or with no start ("By 1939").
    for window in (
        "hungarian-revolution",
        "polish-demonstrations",
        "speech-reaches-west",
        "sputnik",
        "lateness-criminalised",
    ):
        assert ([], []) == dates(window), window
    # A Julian month has no schema.org date, only its full form.
    assert ([], []) == dates("october-revolution")


def test_a_date_in_full(graph: rdflib.Graph) -> None:
    """The wording, the EDTF, the bounds, the basis and what it counts from."""
    thaw = graph.value(DATA.thaw, SS.date)
    lateness = graph.value(DATA["lateness-criminalised"], SS.date)
    revolution = graph.value(DATA["october-revolution"], SS.date)

    assert Literal("At first") == graph.value(thaw, SS.text)
    assert Literal("1953-03/1955", datatype=EDTF) == graph.value(thaw, SS.edtf)
    assert DATA["stalins-death"] == graph.value(thaw, SS.relative_to)
    assert Literal("relative") == graph.value(thaw, SS.basis)
    assert Literal("1953-03-01", datatype=XSD.date) == graph.value(
        thaw, SS.earliest
    )
    # An unknown start has no first day: not 0001-01-01.
    assert graph.value(lateness, SS.earliest) is None
    assert Literal("1939-12-31", datatype=XSD.date) == graph.value(
        lateness, SS.latest
    )
    assert Literal("julian") == graph.value(revolution, SS.calendar)
    assert Literal("1917-11-13", datatype=XSD.date) == graph.value(
        revolution, SS.latest
    )


def test_a_quotation_and_its_speaker(graph: rdflib.Graph) -> None:
    """The words, the speaker, the occasion, the addressees."""
    linen = DATA["dirty-linen"]
    nonentities = DATA["miserable-nonentities"]
    kittens = DATA["blind-kittens"]

    assert (linen, RDF.type, SDO.Quotation) in graph
    assert (linen, SDO.spokenByCharacter, DATA["nikita-khrushchev"]) in graph
    assert (linen, SDO.creator, DATA["nikita-khrushchev"]) in graph
    assert Literal(CORPUS.quotations.get("dirty-linen").text) == graph.value(
        linen, SDO.text
    )
    assert DATA["khrushchev-praises-stalin"] == graph.value(
        nonentities, SDO.recordedAt
    )
    assert (kittens, SS.addressees, DATA["those-at-the-top"]) in graph
    assert 2 == len(list(graph.objects(linen, SS.segments)))


def test_every_id_is_a_link(graph: rdflib.Graph) -> None:
    """Each id a record holds links its node to the node of that record."""
    for record in CORPUS.records():
        schema = schema_of(type(record))
        assert schema is not None
        expected = {
            DATA[rid]
            for field in schema.id_fields
            if field != "relative_to"  # in the date's own node
            for rid in ids_in(record, field)
        }
        if isinstance(record, ss.Claim):
            expected.add(DATA.article)  # its appearance

        assert expected == {
            o
            for o in graph.objects(DATA[record.id])
            if str(o).startswith(BASE)
        }, record.id


def test_every_span_is_a_specific_resource(graph: rdflib.Graph) -> None:
    """Each evidence span: a quote and a position selector on the article."""
    for record in CORPUS.records():
        found = set()
        for resource in graph.objects(DATA[record.id], SS.evidence):
            assert (resource, RDF.type, OA.SpecificResource) in graph
            assert DATA.article == graph.value(resource, OA.hasSource)
            selectors = {
                graph.value(s, RDF.type): s
                for s in graph.objects(resource, OA.hasSelector)
            }
            quote = selectors[OA.TextQuoteSelector]
            position = selectors[OA.TextPositionSelector]
            found.add(
                (
                    str(graph.value(quote, OA.exact)),
                    str(graph.value(quote, OA.prefix) or ""),
                    str(graph.value(quote, OA.suffix) or ""),
                    graph.value(position, OA.start).toPython(),
                    graph.value(position, OA.end).toPython(),
                )
            )

        assert {
            (e.exact, e.prefix, e.suffix, e.start, e.end)
            for e in record.evidence
        } == found, record.id


def test_claims_have_an_author_and_appear_in_the_article(
    graph: rdflib.Graph,
) -> None:
    """The author's own voice is the article's author; a report its speaker."""
    assertion = DATA["this-was-nonsense"]
    report = DATA["testament-says-stalin-too-powerful"]
    author = graph.value(assertion, SDO.author)

    assert (assertion, RDF.type, SDO.Claim) in graph
    assert Literal("Mike Haynes") == graph.value(author, SDO.name)
    assert author == graph.value(DATA.article, SDO.author)
    assert DATA["vladimir-lenin"] == graph.value(report, SDO.author)
    assert DATA.article == graph.value(report, SDO.appearance)
    assert Literal("report") == graph.value(report, SS.stance)


def test_the_article(graph: rdflib.Graph) -> None:
    """A NewsArticle with its text, issue, date and language."""
    article = DATA.article
    issue = graph.value(article, SDO.isPartOf)

    assert (article, RDF.type, SDO.NewsArticle) in graph
    assert Literal(CORPUS.article.title) == graph.value(article, SDO.headline)
    assert Literal(TEXT) == graph.value(article, SDO.articleBody)
    assert Literal("2006-02-18", datatype=XSD.date) == graph.value(
        article, SDO.datePublished
    )
    assert Literal("en-GB") == graph.value(article, SDO.inLanguage)
    assert 1988 == graph.value(issue, SDO.issueNumber).toPython()
    assert Literal("Socialist Worker") == graph.value(
        graph.value(article, SDO.publisher), SDO.name
    )


def test_statistics_and_notes(graph: rdflib.Graph) -> None:
    """A number with its bounds; a note with its sources."""
    war_dead = DATA["war-dead"]
    value = graph.value(war_dead, SDO.value)
    note = DATA["published-in-ussr"]
    source = CORPUS.notes.get("published-in-ussr").sources[0]

    assert (war_dead, RDF.type, SDO.Observation) in graph
    assert 29_000_000 == graph.value(value, SDO.maxValue).toPython()
    assert Literal("as many as") == graph.value(value, SS.hedge)
    assert DATA["second-world-war"] == graph.value(
        war_dead, SDO.observationAbout
    )
    assert (note, RDF.type, SDO.Comment) in graph
    assert Literal("disagrees") == graph.value(note, SS.verdict)
    assert Literal(source.title) in {
        graph.value(c, SDO.name) for c in graph.objects(note, SDO.citation)
    }


def test_a_source_read_online_is_at_a_web_page(graph: rdflib.Graph) -> None:
    """
    A source's address is a schema.org ``url``: an IRI, not a string.

    schema.org's own context reads ``url`` as an IRI (``"@type": "@id"``),
    so a string there would be a different triple; an address that is no
    absolute IRI is kept as a string under ``ss:read_at`` instead.
    """
    sources = [
        s for n in CORPUS.notes for s in n.sources if s.read_at is not None
    ]
    urls = set(graph.objects(None, SDO.url))
    note = CORPUS.notes[0]
    shelf = attrs.evolve(note.sources[0], read_at="the British Library")
    other = rdf(
        to_jsonld(evolve(CORPUS, attrs.evolve(note, sources=(shelf,))))
    )
    cited = other.value(DATA[note.id], SDO.citation)

    assert sources
    assert {rdflib.URIRef(s.read_at) for s in sources} == urls
    assert None is other.value(cited, SDO.url)
    assert Literal("the British Library") == other.value(cited, SS.read_at)


def test_the_context_is_whole() -> None:
    """Every key and type is defined inline; no context is ever fetched."""
    context = DOCUMENT["@context"]
    terms = set(context)

    assert isinstance(context, dict)
    for node in walk(DOCUMENT["@graph"]):
        for key, value in node.items():
            assert key.startswith(("@", "ss:")) or key in terms, key
            if key == "@type":
                # A node's type is a term; a literal's, a datatype's IRI.
                assert value.startswith(("ss:", "xsd:", "http://")) or (
                    value in terms
                ), value
    for name, value in context.items():
        iri = value if isinstance(value, str) else value["@id"]
        assert iri.startswith(("http://", "https://")), name


def test_pyld_reads_it_as_rdflib_does() -> None:
    """pyld, never loading a document, finds the same number of triples."""
    options = {"documentLoader": refuse_to_load}

    expanded = jsonld.expand(DOCUMENT, options)
    quads = jsonld.to_rdf(
        DOCUMENT, {**options, "format": "application/n-quads"}
    )

    assert 1 + sum(1 for _ in CORPUS.records()) == len(expanded)
    assert len(rdf(DOCUMENT)) == len(quads.splitlines())


def test_another_base() -> None:
    """Records take their IRIs from the base given."""
    document = json.dumps(to_jsonld(CORPUS, base="urn:example:"))
    annotations = json.dumps(to_annotations(CORPUS, base="urn:example:"))

    assert '"@id": "urn:example:secret-speech"' in document
    assert '"source": "urn:example:article"' in document
    assert '"id": "urn:example:secret-speech/evidence/0"' in annotations
    assert BASE not in document + annotations


@pytest.mark.parametrize("function", [to_jsonld, to_annotations])
def test_a_bad_base(function: Any) -> None:
    """The base must be an absolute IRI in a str."""
    name = function.__name__
    with raises(InvalidTypeError, TypeError, f"{name}() takes the base="):
        function(CORPUS, base=b"urn:x:")
    with raises(InvalidValueError, ValueError, f"{name}(): base=", "'data'"):
        function(CORPUS, base="data")
    # RFC 3987: one "#" only, and "%" begins two hex digits.  With either,
    # every IRI made from the base is none, and a triple store refuses it.
    for base in ("https://example.org/a#b#", "https://example.org/%zz/"):
        with raises(InvalidValueError, ValueError, f"{name}(): base="):
            function(CORPUS, base=base)
    for base in ("https://example.org/a%C3%B3#", "urn:x:\u00e9/"):
        assert function(CORPUS, base=base)


@pytest.mark.parametrize(
    "function",
    [to_jsonld, to_annotations, to_timelinejs, to_graph],
)
def test_a_corpus_only(function: Any) -> None:
    """Each function takes a Corpus, and says so."""
    with raises(
        InvalidTypeError,
        TypeError,
        f"{function.__name__}() takes a Corpus, got",
    ):
        function(CORPUS.people)


def test_each_call_is_new() -> None:
    """Changing one result changes neither the next nor another annotation."""
    first = to_jsonld(CORPUS)
    first["@context"]["start"]["@id"] = "changed"
    notes = to_annotations(CORPUS)
    notes[0]["@context"][1]["start"]["@id"] = "changed"

    assert DOCUMENT == to_jsonld(CORPUS)
    assert "changed" != notes[1]["@context"][1]["start"]["@id"]


# -- Web Annotations ---------------------------------------------------------


ANNOTATIONS = to_annotations(CORPUS)


def test_an_annotation_per_span() -> None:
    """Each record has as many annotations as evidence spans, ids unique."""
    counts = collections.Counter(a["body"]["id"] for a in ANNOTATIONS)
    ids = [a["id"] for a in ANNOTATIONS]

    assert {
        f"{BASE}{r.id}": len(r.evidence) for r in CORPUS.records()
    } == counts
    assert len(ids) == len(set(ids))


def test_the_selectors_match_the_text() -> None:
    """Each target is the article; its selectors are the text's own."""
    for annotation in ANNOTATIONS:
        target = annotation["target"]
        quote, position = target["selector"]
        start, end = position["start"], position["end"]

        assert f"{BASE}article" == target["source"]
        assert ["TextQuoteSelector", "TextPositionSelector"] == [
            quote["type"],
            position["type"],
        ]
        assert TEXT[start:end] == quote["exact"]
        assert TEXT[:start].endswith(quote.get("prefix", ""))
        assert TEXT[end:].startswith(quote.get("suffix", ""))


def test_bodies_and_motivations() -> None:
    """The body is the record; the motivation what the span does for it."""
    first = {}
    for annotation in ANNOTATIONS:
        first.setdefault(annotation["body"]["type"], annotation)

    assert {
        "schema:Person": "identifying",
        "schema:Organization": "identifying",
        "schema:Place": "identifying",
        "schema:Event": "identifying",
        "schema:Quotation": "identifying",
        "schema:Observation": "identifying",
        "schema:Claim": "describing",
        "ss:Relation": "linking",
        "schema:Comment": "assessing",
    } == {kind: a["motivation"] for kind, a in first.items()}
    labels = {f"{BASE}{r.id}": str(r) for r in CORPUS.records()}
    for annotation in ANNOTATIONS:
        body = annotation["body"]
        assert labels[body["id"]] == body["label"]


@pytest.mark.usefixtures("w3c_context_empty")
def test_annotations_read_as_rdf() -> None:
    """Each annotation names the W3C context, and reads the same without it."""
    annotation = next(
        a for a in ANNOTATIONS if a["body"]["id"].endswith("#war-dead")
    )
    graph = rdf(annotation)
    subject = rdflib.URIRef(annotation["id"])
    target = graph.value(subject, OA.hasTarget)

    # The model's "MUST": the W3C context is one of the annotation's.
    assert all(a["@context"][0] == ANNO for a in ANNOTATIONS)
    assert isinstance(annotation["@context"][1], dict)
    assert (subject, RDF.type, OA.Annotation) in graph
    assert (subject, OA.motivatedBy, OA.identifying) in graph
    assert (subject, OA.hasBody, DATA["war-dead"]) in graph
    assert (DATA["war-dead"], RDF.type, SDO.Observation) in graph
    assert DATA.article == graph.value(target, OA.hasSource)
    assert 1 == len(
        jsonld.expand(annotation, {"documentLoader": only_the_w3c_context})
    )


# -- TimelineJS --------------------------------------------------------------


# TimelineJS's JSON format as https://timeline.knightlab.com/docs/json-format
# .html documents it: every object, and every property each may have.
_NUMBER = {"type": "integer"}
_DATE = {
    "type": "object",
    "required": ["year"],
    "additionalProperties": False,
    "properties": {
        "year": _NUMBER,
        "month": {"type": "integer", "minimum": 1, "maximum": 12},
        "day": {"type": "integer", "minimum": 1, "maximum": 31},
        "hour": {"type": "integer", "minimum": 0, "maximum": 23},
        "minute": {"type": "integer", "minimum": 0, "maximum": 59},
        "second": {"type": "integer", "minimum": 0, "maximum": 59},
        "millisecond": _NUMBER,
        "display_date": {"type": "string"},
    },
    "dependentRequired": {"day": ["month"]},
}
_TEXT = {
    "type": "object",
    "additionalProperties": False,
    "properties": {"headline": {"type": "string"}, "text": {"type": "string"}},
}
_SLIDE = {
    "type": "object",
    "additionalProperties": False,
    "properties": {
        "start_date": _DATE,
        "end_date": _DATE,
        "text": _TEXT,
        "media": {
            "type": "object",
            "required": ["url"],
            "properties": {"url": {"type": "string"}},
        },
        "group": {"type": "string"},
        "display_date": {"type": "string"},
        "background": {"type": "object"},
        "autolink": {"type": "boolean"},
        "unique_id": {"type": "string"},
    },
}
TIMELINEJS = {
    "$schema": "https://json-schema.org/draft/2020-12/schema",
    "type": "object",
    "required": ["events"],
    "additionalProperties": False,
    "properties": {
        "events": {
            "type": "array",
            "items": {**_SLIDE, "required": ["start_date"]},
        },
        "title": _SLIDE,
        "eras": {
            "type": "array",
            "items": {
                "type": "object",
                "required": ["start_date", "end_date"],
                "additionalProperties": False,
                "properties": {
                    "start_date": _DATE,
                    "end_date": _DATE,
                    "text": _TEXT,
                },
            },
        },
        "scale": {"enum": ["human", "cosmological"]},
    },
}
VALIDATOR = jsonschema.Draft202012Validator(TIMELINEJS)
TIMELINE = to_timelinejs(CORPUS)
SLIDES = {slide["unique_id"]: slide for slide in TIMELINE["events"]}


def test_the_schema_of_the_format_refuses_what_it_should() -> None:
    """The schema holds: a string year, a 13th month, a stray key fail."""
    jsonschema.Draft202012Validator.check_schema(TIMELINEJS)
    bad = [
        {"events": [{"start_date": {"year": "1956"}}]},
        {"events": [{"start_date": {"year": 1956, "month": 13}}]},
        {"events": [{"start_date": {"year": 1956, "day": 2}}]},
        {"events": [{"text": {"headline": "no date"}}]},
        {"events": [{"start_date": {"year": 1956}, "colour": "red"}]},
    ]

    for timeline in bad:
        assert not VALIDATOR.is_valid(timeline), timeline


def test_the_timeline_has_the_documented_shape() -> None:
    """It validates; each slide has a unique id; the title is the article's."""
    VALIDATOR.validate(TIMELINE)

    assert len(TIMELINE["events"]) == len(SLIDES)
    assert CORPUS.article.title == TIMELINE["title"]["text"]["headline"]


def test_dated_events_only_in_time_order() -> None:
    """Undated events are left out; the rest come as the timeline has them."""
    events = [
        s["unique_id"]
        for s in TIMELINE["events"]
        if s["unique_id"] not in {q.id for q in CORPUS.quotations}
    ]

    assert [e.id for e in CORPUS.timeline()] == events
    assert "stalins-rise" not in SLIDES


def test_dates_at_their_precision() -> None:
    """A year has only a year, a month no day; single dates have no end."""
    keys = {"year": {"year"}, "month": {"year", "month"}}
    keys["day"] = {"year", "month", "day"}
    for event in CORPUS.timeline():
        assert event.date is not None
        slide = SLIDES[event.id]
        precision = event.date.precision.value
        if precision in keys and event.date.calendar is ss.Calendar.GREGORIAN:
            assert keys[precision] == set(slide["start_date"]), event.id
            assert "end_date" not in slide, event.id

    assert {"year": 1940} == SLIDES["trotsky-killed"]["start_date"]
    assert {"year": 1930} == SLIDES["repression-of-the-1930s"]["start_date"]
    # An end is drawn to its last day: TimelineJS reads a bare year as the
    # first.
    assert {"year": 1939, "month": 12, "day": 31} == SLIDES[
        "repression-of-the-1930s"
    ]["end_date"]
    assert {"year": 1957} == SLIDES["khrushchev-zigzags"]["start_date"]
    assert {"year": 1964, "month": 12, "day": 31} == SLIDES[
        "khrushchev-zigzags"
    ]["end_date"]


def test_no_slide_ends_before_it_starts() -> None:
    """Every end, read as TimelineJS reads it, is on or after its start."""

    def day(side: dict[str, int]) -> datetime.date:
        # TimelineJS's reading: a missing month or day is the first.
        return datetime.date(
            side["year"], side.get("month", 1), side.get("day", 1)
        )

    for slide in SLIDES.values():
        if "end_date" in slide:
            assert day(slide["start_date"]) <= day(slide["end_date"]), slide
    # Each end is the last day its date allows: 1946-7 runs to the end of
    # 1947, "soon" to the end of 1956, "the following weeks" to April's.
    ends = {
        "famine-1946-7": datetime.date(1947, 12, 31),
        "speech-reaches-west": datetime.date(1956, 12, 31),
        "speech-read-out": datetime.date(1956, 4, 30),
    }
    for event_id, last in ends.items():
        assert last == day(SLIDES[event_id]["end_date"]), event_id
        assert last == CORPUS.events.get(event_id).date.latest


def test_an_unknown_start_shows_the_wording() -> None:
    """By 1939 is placed at its end, worded as the article words it."""
    slide = SLIDES["lateness-criminalised"]

    assert {"year": 1939} == slide["start_date"]
    assert "end_date" not in slide
    assert "By 1939 (? – 1939)" == slide["display_date"]


def test_wording_resolved_relative_and_inferred() -> None:
    """The wording with its date; what a date counts from; why inferred."""
    thaw = SLIDES["thaw"]
    sputnik = SLIDES["sputnik"]
    revolution = SLIDES["october-revolution"]

    assert (
        "soon (25 February 1956 – about 1956)"
        == (SLIDES["speech-reaches-west"]["display_date"])
    )
    assert "At first (March 1953 – 1955)" == thaw["display_date"]
    assert (
        "“At first” is counted from “Stalin’s death”." in thaw["text"]["text"]
    )
    assert sputnik["display_date"].endswith("(1957 – 1964; inferred)")
    assert "it is inferred: " in sputnik["text"]["text"]
    assert "1940" == SLIDES["trotsky-killed"]["display_date"]
    # A Julian month runs over its Gregorian days.
    assert "October 1917 (Julian calendar)" == revolution["display_date"]
    assert {"year": 1917, "month": 10, "day": 14} == revolution["start_date"]
    assert {"year": 1917, "month": 11, "day": 13} == revolution["end_date"]


def test_quotations_with_their_occasion() -> None:
    """Words said at an event are in its slide; others stand alone."""
    nonentities = CORPUS.quotations.get("miserable-nonentities")
    event = SLIDES["khrushchev-praises-stalin"]["text"]["text"]
    linen = SLIDES["dirty-linen"]

    assert "miserable-nonentities" not in SLIDES
    assert f"“{nonentities.text}”<br>— Nikita Khrushchev" in event
    assert (
        "devoted to Communism" in (SLIDES["swing-back-1963"]["text"]["text"])
    )
    # Said on no occasion the article names, but dated: a slide of its own.
    assert "quotation" == linen["group"]
    assert (
        "soon after (25 February 1956 – about 1956)" == (linen["display_date"])
    )
    assert "blind-kittens" not in SLIDES  # neither occasion nor date


def test_html_is_escaped() -> None:
    """Text becomes HTML with its markup characters escaped."""
    event = attrs.evolve(
        CORPUS.events.get("trotsky-killed"), name="<b>Trotsky & co</b>"
    )
    slide = to_timelinejs(evolve(CORPUS, event))["events"]

    assert "&lt;b&gt;Trotsky &amp; co&lt;/b&gt;" in {
        s["text"]["headline"] for s in slide
    }


def test_a_period() -> None:
    """Only what may fall in the period, quotations included."""
    timeline = to_timelinejs(CORPUS, start=1956, end="1956-02")
    later = to_timelinejs(CORPUS, start=1995)

    assert [
        "leadership-agrees-on-more",
        "delegates-recalled",
        "secret-speech",
        "speech-read-out",
        "speech-reaches-west",
        "dirty-linen",
        "polish-demonstrations",
        "hungarian-revolution",
        "soviet-invasion-of-hungary",
    ] == [s["unique_id"] for s in timeline["events"]]
    assert [] == later["events"]
    VALIDATOR.validate(later)


def test_a_bad_period() -> None:
    """The period's errors name the function."""
    with raises(
        InvalidValueError,
        ValueError,
        "to_timelinejs(): start=1960 begins after end=1950 ends",
    ):
        to_timelinejs(CORPUS, start=1960, end=1950)
    with raises(InvalidTypeError, TypeError, "to_timelinejs(): start="):
        to_timelinejs(CORPUS, start=1.5)


@pytest.mark.parametrize(
    ("edtf", "fields", "start", "end", "display"),
    [
        (
            "19XX",
            {},
            {"year": 1900},
            {"year": 1999, "month": 12, "day": 31},
            "as 19XX (1900–1999)",
        ),
        ("1956?", {}, {"year": 1956}, None, "as 1956? (1956?)"),
        ("1956%", {}, {"year": 1956}, None, "as 1956% (about 1956?)"),
        ("1956/..", {}, {"year": 1956}, None, "as 1956/.. (1956 – …)"),
        ("../1939", {}, {"year": 1939}, None, "as ../1939 (… – 1939)"),
        (
            "1917-10/..",
            {"calendar": ss.Calendar.JULIAN},
            {"year": 1917, "month": 10, "day": 14},
            None,
            "as 1917-10/.. (October 1917 – …; Julian calendar)",
        ),
        (
            "../1917-10",
            {"calendar": ss.Calendar.JULIAN},
            {"year": 1917, "month": 11, "day": 13},
            None,
            "as ../1917-10 (… – October 1917; Julian calendar)",
        ),
    ],
)
def test_every_form_of_date(
    edtf: str,
    fields: dict[str, Any],
    start: dict[str, int],
    end: dict[str, int] | None,
    display: str,
) -> None:
    """Centuries, qualifiers, open ends, Julian open ends."""
    corpus = evolve(CORPUS, dated("trotsky-killed", edtf, **fields))
    slide = {s["unique_id"]: s for s in to_timelinejs(corpus)["events"]}[
        "trotsky-killed"
    ]

    assert start == slide["start_date"]
    assert end == slide.get("end_date")
    assert display == slide["display_date"]


def test_quotations_whose_occasion_has_no_date() -> None:
    """Placed by their own date, or left out without one."""
    linen = CORPUS.quotations.get("dirty-linen")
    kittens = CORPUS.quotations.get("blind-kittens")
    linen, kittens = (
        attrs.evolve(
            q,
            occasion="stalins-rise",
            occasion_link=q.evidence[0],
            no_occasion=None,
        )
        for q in (linen, kittens)
    )
    relative = dated("trotsky-killed", "2006", relative_to="article")
    timeline = to_timelinejs(evolve(CORPUS, linen, kittens, relative))
    slides = {s["unique_id"]: s for s in timeline["events"]}

    assert "quotation" == slides["dirty-linen"]["group"]
    assert "blind-kittens" not in slides
    assert (
        "“as 2006” is counted from the article."
        in (slides["trotsky-killed"]["text"]["text"])
    )


def test_a_relative_date_names_its_anchor_as_a_title() -> None:
    """An event's name, a headline, is quoted, not run into the sentence."""
    zigzags = SLIDES["khrushchev-zigzags"]["text"]["text"]
    crisis = [
        slide["text"]["text"]
        for slide in TIMELINE["events"]
        if "is counted from “Khrushchev removed from power”."
        in slide["text"]["text"]
    ]

    assert (
        "“In the next years” is counted from “The failed attempt to "
        "overthrow Khrushchev”."
    ) in zigzags
    assert "counted from The" not in json.dumps(TIMELINE, ensure_ascii=False)
    assert crisis


# -- graphs ------------------------------------------------------------------


GRAPH = to_graph(CORPUS)
#: Records that are nodes: all but the relations, which are edges.
NODES = [r for r in CORPUS.records() if not isinstance(r, ss.Relation)]


def test_nodes_and_edges_from_the_schema() -> None:
    """A node a record and the article; an edge an id, or a relation."""
    edges = collections.Counter(
        (r.id, target, field)
        for r in NODES
        for field in schema_of(type(r)).id_fields  # type: ignore[union-attr]
        for target in ids_in(r, field)
    )
    edges.update((r.source, r.target, r.kind.value) for r in CORPUS.relations)

    assert {"article", *(r.id for r in NODES)} == set(GRAPH.nodes)
    assert edges == collections.Counter(
        (u, v, kind) for u, v, kind in GRAPH.edges(data="kind")
    )
    assert {r.id for r in CORPUS.relations} == {
        rid for *_, rid in GRAPH.edges(data="relation") if rid
    }


def test_node_attributes() -> None:
    """The noun, a label, the fields flattened to GraphML's scalars."""
    speech = GRAPH.nodes["secret-speech"]
    lateness = GRAPH.nodes["lateness-criminalised"]
    khrushchev = GRAPH.nodes["nikita-khrushchev"]

    assert "event" == speech["kind"]
    assert "speech" == speech["event_kind"]
    assert "Khrushchev’s secret speech" == speech["label"]
    assert "1956-02-25" == speech["date_earliest"]
    assert ["secret speech", "the speech"] == json.loads(speech["aliases"])
    assert "/1939" == lateness["date_edtf"]
    assert "date_earliest" not in lateness  # an unknown start
    assert "1939-12-31" == lateness["date_latest"]
    assert ["leader"] == json.loads(khrushchev["roles"])
    assert khrushchev["named"] is True
    assert "at most" == GRAPH.nodes["war-dead"]["quantity_kind"]
    assert 29_000_000 == GRAPH.nodes["war-dead"]["quantity_high"]
    assert "article" == GRAPH.nodes["article"]["kind"]
    assert "text" not in GRAPH.nodes["article"]
    assert {
        "title": CORPUS.article.title,
        "data_version": CORPUS.data_version,
    } == GRAPH.graph
    for data in [
        *(d for _, d in GRAPH.nodes(data=True)),
        *(d for *_, d in GRAPH.edges(data=True)),
    ]:
        assert all(type(v) in {str, int, bool} for v in data.values())


def test_a_relation_named_by_a_record_is_a_node() -> None:
    """
    A note about a relation makes the relation a node too.

    The article's date, counted from a record, is an edge to it.
    """
    relation = CORPUS.relations[0]
    note = attrs.evolve(CORPUS.notes[0], about=(relation.id,))
    published = ss.HistoricalDate.from_edtf(
        "2006-02-18", text="a week before", relative_to="secret-speech"
    )
    article = attrs.evolve(CORPUS.article, published=published)
    graph = to_graph(attrs.evolve(evolve(CORPUS, note), article=article))

    assert "relation" == graph.nodes[relation.id]["kind"]
    assert relation.kind.value == graph.nodes[relation.id]["relation_kind"]
    assert "about" in {
        k
        for _, v, k in graph.out_edges(note.id, data="kind")
        if v == relation.id
    }
    assert [("secret-speech", "relative_to")] == [
        (v, k) for _, v, k in graph.out_edges("article", data="kind")
    ]


def read_back(path: Path) -> nx.MultiDiGraph:
    """Read a GraphML file as the docs say."""
    graph = nx.read_graphml(path, force_multigraph=True)
    # networkx adds empty defaults of its own.
    assert {} == graph.graph.pop("node_default")
    assert {} == graph.graph.pop("edge_default")
    return graph


def same_graph(expected: nx.MultiDiGraph, actual: nx.MultiDiGraph) -> None:
    """Assert two graphs have the same nodes, edges and attributes."""
    assert expected.graph == actual.graph
    assert dict(expected.nodes(data=True)) == dict(actual.nodes(data=True))
    assert sorted(expected.edges(keys=True, data=True), key=str) == sorted(
        actual.edges(keys=True, data=True), key=str
    )


def test_graphml_round_trip(tmp_path: Path) -> None:
    """The file read back: the same nodes, edges and attributes."""
    path = to_graphml(CORPUS, tmp_path / "speech.graphml")

    assert tmp_path / "speech.graphml" == path
    assert path.read_bytes().startswith(
        b'<?xml version="1.0" encoding="UTF-8"?>'
    )
    same_graph(GRAPH, read_back(path))


def test_graphml_edge_ids_are_unique(tmp_path: Path) -> None:
    """Each edge has an id of its own: Gephi and yEd drop a repeated one."""
    path = to_graphml(CORPUS, tmp_path / "speech.graphml")
    ns = {"g": "http://graphml.graphdrawing.org/xmlns"}
    root = ElementTree.parse(path).getroot()  # noqa: S314 -- our own file
    ids = [edge.get("id") for edge in root.iterfind(".//g:edge", ns)]

    assert len(ids) == GRAPH.number_of_edges()
    assert len(set(ids)) == len(ids)
    assert sorted(key for *_, key in GRAPH.edges(keys=True)) == list(
        range(len(ids))
    )


def test_graphml_is_not_overwritten(tmp_path: Path) -> None:
    """An existing file stays unless overwrite=True; no temporary is left."""
    path = tmp_path / "speech.graphml"
    path.write_text("old", encoding="utf-8")

    with pytest.raises(CorpusFileError) as info:
        to_graphml(CORPUS, path)

    assert errno.EEXIST == info.value.errno
    assert "old" == path.read_text(encoding="utf-8")
    assert [path] == list(tmp_path.iterdir())
    to_graphml(CORPUS, str(path), overwrite=True)
    assert [path] == list(tmp_path.iterdir())
    same_graph(GRAPH, read_back(path))


def test_graphml_bad_arguments(tmp_path: Path) -> None:
    """The path, the flag, a folder, a string XML cannot hold."""

    class BytesPath:
        def __fspath__(self) -> bytes:
            return b"speech.graphml"

    person = attrs.evolve(CORPUS.people[0], description="form\x0cfeed")
    with raises(InvalidTypeError, TypeError, "to_graphml() takes a Corpus"):
        to_graphml(CORPUS.people, tmp_path / "x.graphml")
    with raises(InvalidTypeError, TypeError, "to_graphml() takes a path"):
        to_graphml(CORPUS, 3)
    with raises(InvalidTypeError, TypeError, "to_graphml() takes a path"):
        to_graphml(CORPUS, BytesPath())
    with raises(InvalidTypeError, TypeError, "to_graphml(): overwrite="):
        to_graphml(CORPUS, tmp_path / "x.graphml", overwrite=1)
    with pytest.raises(CorpusFileError) as info:
        to_graphml(CORPUS, tmp_path, overwrite=True)
    assert errno.EISDIR == info.value.errno
    with raises(
        InvalidValueError,
        ValueError,
        "to_graphml(): the description of node 'nikita-khrushchev' holds "
        "'\\x0c'",
    ):
        to_graphml(evolve(CORPUS, person), tmp_path / "x.graphml")
    assert [] == list(tmp_path.iterdir())


# -- generated corpora -------------------------------------------------------


@FEW
@given(strategies.corpora(source="synthetic"))
def test_generated_corpora(corpus: ss.Corpus) -> None:
    """Every export of a generated corpus reads back as it should."""
    graph = rdf(to_jsonld(corpus))
    typed = {
        s for s in graph.subjects(RDF.type, None) if str(s).startswith(BASE)
    }
    annotations = to_annotations(corpus)
    timeline = to_timelinejs(corpus)
    nodes = to_graph(corpus)

    for schema in ss.SCHEMA:
        for record in getattr(corpus, schema.name):
            assert (DATA[record.id], RDF.type, TYPES[schema.name]) in graph
    assert 1 + sum(1 for _ in corpus.records()) == len(typed)
    assert sum(len(r.evidence) for r in corpus.records()) == len(annotations)
    for annotation in annotations:
        quote, position = annotation["target"]["selector"]
        assert (
            corpus.article.text[position["start"] : position["end"]]
            == (quote["exact"])
        )
    VALIDATOR.validate(timeline)
    assert {e.id for e in corpus.timeline()} <= {
        s["unique_id"] for s in timeline["events"]
    }
    assert (
        1 + sum(1 for r in corpus.records() if not isinstance(r, ss.Relation))
        <= nodes.number_of_nodes()
    )
    with tempfile.TemporaryDirectory() as folder:
        path = to_graphml(corpus, Path(folder) / "g.graphml")
        same_graph(nodes, read_back(path))


# -- the libraries -----------------------------------------------------------


def test_importing_secretspeech_imports_no_library() -> None:
    """networkx, rdflib and pyld: never imported by importing the package."""
    code = (
        "import secretspeech, sys; secretspeech.people; "
        "import secretspeech._linked; "
        "assert 'networkx' not in sys.modules, 'networkx'; "
        "assert 'rdflib' not in sys.modules, 'rdflib'; "
        "assert 'pyld' not in sys.modules, 'pyld'"
    )
    subprocess.run([sys.executable, "-c", code], check=True, timeout=120)


@pytest.mark.parametrize(
    ("function", "call"),
    [
        ("to_graph", lambda: to_graph(CORPUS)),
        ("to_graphml", lambda: to_graphml(CORPUS, "never.graphml")),
    ],
)
def test_without_networkx(
    function: str, call: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Without networkx: MissingDependencyError, saying what to install."""
    monkeypatch.setitem(sys.modules, "networkx", None)  # type: ignore[arg-type]

    with pytest.raises(
        ss.MissingDependencyError,
        match=rf'^{function}\(\) needs networkx.*pip install "secretspeech\[graph\]"',
    ) as info:
        call()

    assert "networkx" == info.value.name
    assert isinstance(info.value, ModuleNotFoundError)
    assert isinstance(info.value.__cause__, ModuleNotFoundError)
    assert not Path("never.graphml").exists()


def test_networkx_missing_a_library_of_its_own(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """With networkx, but not what it needs: that error, unchanged."""
    real = builtins.__import__

    def fail(name: str, *args: Any, **kwargs: Any) -> Any:
        if name == "networkx":
            raise ModuleNotFoundError("No module named 'scipy'", name="scipy")
        return real(name, *args, **kwargs)

    monkeypatch.setattr(builtins, "__import__", fail)

    with pytest.raises(ModuleNotFoundError, match="scipy") as info:
        to_graph(CORPUS)

    assert not isinstance(info.value, ss.SecretSpeechError)
