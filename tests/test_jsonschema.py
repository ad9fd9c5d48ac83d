"""
The JSON Schema of the corpus document: shipped, current, and right.

A JSON Schema validator (the ``jsonschema`` package) checks the bundled
document and generated corpora against it, and refuses broken ones.
"""

from __future__ import annotations

import copy
import json
from importlib import resources
from typing import Any

import jsonschema
import pytest
from hypothesis import HealthCheck, given, settings

import secretspeech as ss
from secretspeech._jsonschema import _type
from secretspeech.strategies import corpora


SCHEMA = ss.json_schema()
VALIDATOR = jsonschema.Draft202012Validator(
    SCHEMA, format_checker=jsonschema.FormatChecker()
)


def errors(document: object) -> list[str]:
    """Return what the validator finds wrong, inside anyOf too."""
    found: list[str] = []
    pending = list(VALIDATOR.iter_errors(document))
    while pending:
        error = pending.pop()
        found.append(error.message)
        pending += error.context
    return found


def test_the_schema_is_a_valid_schema() -> None:
    """The schema itself is valid JSON Schema 2020-12."""
    jsonschema.Draft202012Validator.check_schema(SCHEMA)


def test_the_shipped_file_is_the_schema() -> None:
    """The package ships the schema json_schema() makes, for other tools."""
    shipped = resources.files("secretspeech") / "_data" / "corpus.schema.json"

    assert json.loads(shipped.read_text("utf-8")) == SCHEMA


def test_callers_get_a_copy() -> None:
    """Changing the returned dict changes nothing for the next caller."""
    schema = ss.json_schema()
    schema["$defs"]["Claim"]["required"].clear()

    assert ss.json_schema() == SCHEMA


def test_the_bundled_document_is_valid() -> None:
    """What save_corpus writes of the bundled corpus validates."""
    assert errors(ss.corpus().to_document()) == []


@settings(max_examples=25, suppress_health_check=[HealthCheck.too_slow])
@given(corpora(source="synthetic", max_size=3))
def test_generated_corpora_are_valid(corpus: ss.Corpus) -> None:
    """Any valid corpus's document validates."""
    assert errors(json.loads(json.dumps(corpus.to_document()))) == []


def changed(path: tuple[Any, ...], value: object) -> dict[str, Any]:
    """The bundled document with the value at *path* set (or deleted)."""
    document = copy.deepcopy(ss.corpus().to_document())
    node = document
    for key in path[:-1]:
        node = node[key]
    if value is DELETE:
        del node[path[-1]]
    else:
        node[path[-1]] = value
    return document


DELETE = object()


@pytest.mark.parametrize(
    ("path", "value", "words"),
    [
        (("format",), 2, "was expected"),
        (("people",), DELETE, "'people' is a required property"),
        (("events", 0, "kind"), "picnic", "is not one of"),
        (("events", 0, "id"), "Not An Id", "does not match"),
        (("events", 0, "evidence"), [], "should be non-empty"),
        (("claims", 0, "stance"), "rumour", "is not one of"),
        (("quotations", 1, "cue", "start"), "0", "is not of type 'integer'"),
        (("people", 0, "nickname"), "Nikita", "Additional properties"),
        (("statistics", 0, "quantity", "value"), -1, "less than the minimum"),
        (("events", 0, "date", "earliest"), "1917-13-01", "is not a 'date'"),
        (("article", "title"), " ", "does not match"),
    ],
)
def test_a_broken_document_fails(
    path: tuple[Any, ...], value: object, words: str
) -> None:
    """Each kind of mistake the schema can state is refused."""
    found = errors(changed(path, value))

    assert any(words in message for message in found), found


def test_optional_collections_may_be_left_out() -> None:
    """Claims and notes may be missing, as load_corpus allows."""
    assert errors(changed(("claims",), DELETE)) == []
    assert errors(changed(("notes",), DELETE)) == []


def test_a_field_type_without_json_is_refused() -> None:
    """A field type the generator cannot describe stops it, by name."""
    with pytest.raises(
        TypeError, match="no JSON Schema for <class 'complex'>"
    ):
        _type(complex)
    # A hint that is not a class at all: a name the generator cannot read.
    with pytest.raises(TypeError, match="no JSON Schema for 'Undefined'"):
        _type("Undefined")
