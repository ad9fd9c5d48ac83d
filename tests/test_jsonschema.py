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
from hypothesis import strategies as st

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
        (("article", "sha256"), "D2" * 32, "does not match"),
        (("article", "language"), "English", "does not match"),
        (("people", 0, "wikidata"), "Khrushchev", "does not match"),
        (("events", 0, "date", "edtf"), "October 1917", "does not match"),
        (("events", 0, "date", "edtf"), "/", "does not match"),
        (("events", 0, "date", "edtf"), " 1917-10", "does not match"),
        (("events", 0, "evidence", 0, "prefix"), "x" * 33, "is too long"),
        (("events", 0, "evidence", 0, "suffix"), "x" * 33, "is too long"),
        (("quotations", 1, "date", "relative_to"), "Speech", "does not match"),
        (("notes", 0, "about"), [], "should be non-empty"),
        (("notes", 0, "sources"), [], "should be non-empty"),
    ],
)
def test_a_broken_document_fails(
    path: tuple[Any, ...], value: object, words: str
) -> None:
    """Each kind of mistake the schema can state is refused, as it is read."""
    document = changed(path, value)
    # The schema reads each record alone, and the changes are to the first
    # two of a collection: the rest would only cost time to validate.
    found = errors(
        {k: v[:2] if isinstance(v, list) else v for k, v in document.items()}
    )

    assert any(words in message for message in found), found
    # The schema refuses only what load_corpus refuses.
    whole = {**document, "article": {**document["article"], "text": TEXT}}
    with pytest.raises(ss.InvalidCorpusError):
        ss.from_dict(ss.Corpus, whole)


TEXT = ss.article.text


@pytest.mark.parametrize(
    "edtf",
    [
        *("1956", "1956-02", "1956-02-25", "195X", "19XX", "1956~", "1956%"),
        *("1956-02?", "1956/1957", "/1939", "../1939", "1956/", "1956/.."),
        *("192X/193X", "1956-01~/1956-02-24"),
        *("", "/", "..", "../..", "../", "1956//1957", "1956/1957/1958"),
        *("+1956", "195x", "1956-2", " 1956", "1956-02-25T10", "the 1930s"),
        # Years, months and days that do not exist, in either calendar.
        *("0000", "000X", "00XX", "0000~", "0000/1956", "1956/..0000"),
        *("1956-00", "1956-13", "1956-02-00", "1956-01-32", "1956-13/1957"),
        *("1956-04-31", "1956-02-30", "1957-02-29"),
        *("1956-02-29", "0004-02-29", "1900-02-29"),
    ],
)
def test_the_edtf_pattern_is_the_subset_read(edtf: str) -> None:
    """An EDTF string of the form the dates read, and only one, matches."""
    pattern = SCHEMA["$defs"]["HistoricalDate"]["properties"]["edtf"]

    assert (errors_of(pattern, edtf) == []) is read_in_a_calendar(edtf)


def read_in_a_calendar(edtf: str) -> bool:
    """Tell whether a date reads *edtf* in either of its calendars."""
    for calendar in ss.Calendar:
        try:
            ss.HistoricalDate.from_edtf(
                edtf, text=edtf or "?", calendar=calendar
            )
        except ss.InvalidValueError:
            continue
        return True
    return False


@given(
    year=st.integers(0, 9999),
    month=st.integers(0, 13),
    day=st.integers(0, 32),
    size=st.sampled_from(["year", "month", "day", "decade", "century"]),
)
def test_the_edtf_pattern_knows_the_calendar(
    year: int, month: int, day: int, size: str
) -> None:
    """
    The pattern takes a year, month or day that exists in either calendar.

    Which calendar a date is in is another field, so a day that only one
    calendar has (29 February 1900, a Julian day) matches; a day neither
    has (30 February, 31 April, 29 February 1957) and a year 0000 do not.
    """
    written = {
        "year": f"{year:04d}",
        "month": f"{year:04d}-{month:02d}",
        "day": f"{year:04d}-{month:02d}-{day:02d}",
        "decade": f"{year // 10:03d}X",
        "century": f"{year // 100:02d}XX",
    }[size]
    pattern = SCHEMA["$defs"]["HistoricalDate"]["properties"]["edtf"]

    assert (errors_of(pattern, written) == []) is read_in_a_calendar(written)


def errors_of(schema: dict[str, Any], value: object) -> list[str]:
    """Return what *schema* finds wrong with *value*."""
    validator = jsonschema.Draft202012Validator(schema)
    return [error.message for error in validator.iter_errors(value)]


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
