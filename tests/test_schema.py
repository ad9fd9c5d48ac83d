"""
The schema: declared once, in field metadata, and read everywhere else.

`secretspeech.SCHEMA` lists the collections; each `CollectionSchema` reads
the record type's field metadata for the fields that hold ids and the
criteria of `Collection.filter`.  These tests check that the places that
must spell the schema out for static typing (the `Corpus` fields, the
`filter` overloads and its docstring) agree with it, and that a record
type with a field of its own goes through the same machinery with one
declaration.
"""

from __future__ import annotations

import inspect
import typing
from collections.abc import Iterable
from typing import Any, get_args

import attrs
import pytest

import secretspeech as ss
from secretspeech import _catalog
from secretspeech._load import parse_corpus
from secretspeech._model import _declare, _strings, schema_of


def test_the_corpus_has_one_field_per_collection() -> None:
    """`Corpus` declares the collections of `SCHEMA`, in order and type."""
    hints = typing.get_type_hints(ss.Corpus)
    fields = [
        f.name
        for f in attrs.fields(ss.Corpus)
        if f.init and f.name not in {"article", "data_version"}
    ]

    assert [c.name for c in ss.SCHEMA] == fields
    for schema in ss.SCHEMA:
        assert ss.Collection[schema.record_type] == hints[schema.name]


def test_the_corpus_takes_each_collection_as_its_records() -> None:
    """
    Each collection argument of `Corpus` is typed by its record type.

    attrs types it as the converter's parameter, ``Iterable[R]`` with the
    type variable of `Collection`, which means nothing in a `Corpus`: the
    API reference showed it, and `typing.get_type_hints` could not read it.
    """
    hints = typing.get_type_hints(ss.Corpus.__init__)
    shown = inspect.signature(ss.Corpus).parameters

    for schema in ss.SCHEMA:
        name = schema.record_type.__name__
        assert Iterable[schema.record_type] == hints[schema.name]
        assert f"Iterable[{name}]" == shown[schema.name].annotation


def test_the_filter_overloads_take_the_declared_criteria() -> None:
    """Each typed overload of `Collection.filter` takes its criteria."""
    overloads = typing.get_overloads(ss.Collection.filter)
    by_type = {}
    for overload in overloads:
        hints = typing.get_type_hints(
            overload, vars(_catalog) | {"Collection": ss.Collection}
        )
        (record_type,) = get_args(hints["self"])
        keywords = [
            p.name
            for p in inspect.signature(overload).parameters.values()
            if p.kind is inspect.Parameter.KEYWORD_ONLY
        ]
        by_type[record_type] = sorted(keywords)

    assert {c.record_type: sorted(c.criteria) for c in ss.SCHEMA} == by_type


def entry_of(doc: str, collection: str) -> str:
    """Return a docstring's ``- COLLECTION:`` entry, up to the next one."""
    line = next(
        line for line in doc.splitlines() if f"- {collection}:" in line
    )
    start = doc.index(line)
    # The last entry ends with the list, not with the docstring.
    ends = (doc.find("\n- ", start + 1), doc.find("\n\n", start))
    return doc[start : min((e for e in ends if e != -1), default=len(doc))]


@pytest.mark.parametrize(
    ("method", "names", "shown"),
    [
        (ss.Collection.filter, "criteria", "``{}=``"),
        (ss.Corpus.refs, "id_fields", "``{}``"),
    ],
    ids=["filter's criteria", "refs' id fields"],
)
def test_a_docstring_names_every_field_of_each_type(
    method: object, names: str, shown: str
) -> None:
    """`Collection.filter` lists each criterion, `Corpus.refs` each id field."""
    doc = inspect.getdoc(method) or ""
    for schema in ss.SCHEMA:
        entry = entry_of(doc, schema.name)
        for name in getattr(schema, names):
            assert shown.format(name) in entry, (schema.name, name)


def test_criteria_are_classified_by_field_type() -> None:
    """What a criterion takes follows from the fields that declare it."""
    events = ss.SCHEMA[3].criteria

    assert "ids" == events["involving"].takes
    assert ("people", "groups", "places") == events["involving"].among
    assert "period" == events["during"].takes
    assert "modifier" == events["strict"].takes
    assert ss.EventKind is events["kind"].vocabulary
    statistics = ss.SCHEMA[5].criteria
    assert ("quantity.kind",) == statistics["kind"].fields
    assert "words" == statistics["counting"].takes
    assert "flag" == ss.SCHEMA[0].criteria["named"].takes


def test_unknown_criteria_list_the_declared_ones() -> None:
    """A criterion a collection does not declare is refused by name."""
    with pytest.raises(ss.InvalidTypeError, match="named=, role="):
        ss.people.filter(kind="party")


# -- one declaration adds a field --------------------------------------------


@attrs.frozen(kw_only=True)
class WeatherEvent(ss.Event):
    """An event with two fields of our own, each declared once."""

    weather: str = attrs.field(
        default="", metadata=_declare(criteria=("weather",))
    )
    near: tuple[str, ...] = attrs.field(
        default=(),
        converter=_strings,
        metadata=_declare(refers_to=("places",), criteria=("near",)),
    )


def _document(**extra: dict[str, Any]) -> dict[str, Any]:
    """Return the bundled document with fields added to some events."""
    document = ss.corpus().to_document()
    for event in document["events"]:
        event.update(extra.get(event["id"], {}))
    return document


def test_a_field_of_our_own_is_read_indexed_and_checked() -> None:
    """Loader, catalog, corpus and exporter all read the one declaration."""
    document = _document(
        **{
            "secret-speech": {"weather": "cold", "near": ["hungary"]},
            "stalins-death": {"weather": "Cold"},
        }
    )
    corpus = parse_corpus(
        document, ss.article.text, record_types={"events": WeatherEvent}
    )
    speech = corpus.events.get("secret-speech")

    assert isinstance(speech, WeatherEvent)
    assert ("hungary",) == speech.near
    assert {"secret-speech", "stalins-death"} == {
        e.id for e in corpus.events.filter(weather="colds")
    }
    assert [speech] == list(corpus.events.filter(near="Hungary"))
    assert (corpus.places.get("hungary"),) == corpus.refs(speech, "near")
    assert speech in corpus.involving("hungary")
    assert (
        "cold"
        == corpus.to_document()["events"][
            [e.id for e in corpus.events].index("secret-speech")
        ]["weather"]
    )
    schema = schema_of(WeatherEvent)
    assert schema is not None
    assert {"near", "weather"} <= set(schema.criteria)


def test_a_field_of_our_own_keeps_the_corpus_rules() -> None:
    """An id in the new field must name a record of the declared kind."""
    for near, problem in (
        (["nowhere"], "near names 'nowhere', which is not a record"),
        (["joseph-stalin"], "which is in people, not in places"),
    ):
        document = _document(**{"secret-speech": {"near": near}})

        with pytest.raises(ss.InvalidCorpusError, match=problem):
            parse_corpus(
                document,
                ss.article.text,
                record_types={"events": WeatherEvent},
            )


def test_record_types_must_extend_ours() -> None:
    """Only a subclass of a collection's record type stands in for it."""
    with pytest.raises(
        ss.exceptions.InvalidTypeError, match="subclass of Event"
    ):
        parse_corpus({}, "", record_types={"events": ss.Person})
    with pytest.raises(
        ss.exceptions.InvalidTypeError, match="not a collection"
    ):
        parse_corpus({}, "", record_types={"weather": WeatherEvent})
