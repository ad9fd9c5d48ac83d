"""
The JSON Schema of the corpus document, generated from the model.

`save_corpus` writes a document that `load_corpus` reads; this describes
it for tools outside Python (validators, editors, other languages).  It is
read off the record types: each attrs field's type hint gives its JSON
type, its default whether it is required, and its validator the rules a
JSON Schema can state (an id's pattern, a Wikidata id's, a digest's and a
language tag's, a non-blank string, a non-negative number, at least one
evidence span).  `_FIELD_RULES` adds the rules of one field that the
model keeps elsewhere (an EDTF string's form, the length of a span's
prefix and suffix, a note's at least one subject and source).  Rules that
span fields or records (a span must match the text, an id must name a
record) are beyond JSON Schema and stay with the loader.
"""

from __future__ import annotations

import datetime as dt
import enum
import functools
import inspect
import types
import typing
from collections.abc import Mapping
from typing import Any

import attrs

from secretspeech._corpus import Corpus
from secretspeech._dates import HistoricalDate, _not_blank
from secretspeech._model import (
    _ID_RE,
    _LANGUAGE_TAG,
    _SHA256,
    _WIKIDATA_ID,
    CONTEXT_CHARS,
    CORPUS_FORMAT,
    SCHEMA,
    Article,
    Evidence,
    Note,
    Quantity,
    Source,
    _check_evidence,
    _check_id,
    _check_ids,
    _check_non_negative,
    _check_optional_count,
    _check_optional_id,
    _check_optional_text,
    _check_text,
    _check_texts,
    _check_wikidata,
    type_hints,
)


__all__ = ["json_schema"]

#: The dialect of the schema.
DIALECT = "https://json-schema.org/draft/2020-12/schema"
#: The values inside records, each described once under ``$defs``.
_VALUES: tuple[type[Any], ...] = (Evidence, HistoricalDate, Quantity, Source)


def _whole(pattern: str) -> str:
    """Anchor a pattern that the model reads with ``fullmatch``."""
    return "^" + pattern.removesuffix(r"\Z") + "$"


#: What a validator of the model says, in JSON Schema words.
_ID = {"type": "string", "pattern": _whole(_ID_RE.pattern)}
_TEXT = {"type": "string", "pattern": r"\S"}
_RULES: tuple[tuple[object, dict[str, Any]], ...] = (
    (_check_id, _ID),
    (_check_optional_id, _ID),
    (_check_text, _TEXT),
    (_check_optional_text, _TEXT),
    (_not_blank, {"pattern": r"\S"}),
    (_check_non_negative, {"minimum": 0}),
    (_check_optional_count, {"minimum": 0}),
    (_check_wikidata, {"pattern": _whole(_WIKIDATA_ID.pattern)}),
    (Article._check_sha256, {"pattern": _whole(_SHA256.pattern)}),  # noqa: SLF001 -- the model's own validator
    (Article._check_language, {"pattern": _whole(_LANGUAGE_TAG.pattern)}),  # noqa: SLF001 -- the model's own validator
)
# One date of the EDTF subset (`_dates._DATE_RE`), spelled out so that
# only years, months and days that exist match: the years 0001 to 9999
# (no decade or century holding the year 0000), the months 01 to 12, and
# the days of each month in either calendar, 29 February only in a year
# that is a leap year in one of them (a multiple of 4).  Which calendar
# is another field, so 29 February 1900, a Julian day, is the loader's.
# tests/test_jsonschema.py holds it to what `HistoricalDate` reads.
_YEAR = r"(?:[1-9][0-9]{3}|0[1-9][0-9]{2}|00[1-9][0-9]|000[1-9])"
_LEAP_YEAR = (
    r"(?:[0-9]{2}(?:0[48]|[2468][048]|[13579][26])|(?:[1-9][0-9]|0[1-9])00)"
)
_MONTH_AND_DAY = (
    r"(?:(?:0[13578]|1[02])(?:-(?:0[1-9]|[12][0-9]|3[01]))?"
    r"|(?:0[469]|11)(?:-(?:0[1-9]|[12][0-9]|30))?"
    r"|02(?:-(?:0[1-9]|1[0-9]|2[0-8]))?)"
)
_EDTF_DATE = (
    rf"(?:{_LEAP_YEAR}-02-29|{_YEAR}(?:-{_MONTH_AND_DAY})?"
    r"|(?:[1-9][0-9]{2}|0[1-9][0-9]|00[1-9])X|(?:[1-9][0-9]|0[1-9])XX)"
    r"[?~%]?"
)
# An interval is two, one of which may be open ("..") or unknown (empty).
_EDTF = rf"(?:{_EDTF_DATE}(?:/(?:{_EDTF_DATE}|\.\.)?)?|(?:\.\.)?/{_EDTF_DATE})"
#: The rules of one field that the model keeps outside the field's
#: validator (in a class's ``__attrs_post_init__``, or the corpus's check
#: that a date is relative to one of its records), by class and field.
_FIELD_RULES: tuple[tuple[type[Any], str, dict[str, Any]], ...] = (
    (Evidence, "prefix", {"maxLength": CONTEXT_CHARS}),
    (Evidence, "suffix", {"maxLength": CONTEXT_CHARS}),
    (HistoricalDate, "edtf", {"pattern": _whole(_EDTF)}),
    (HistoricalDate, "relative_to", _ID),
    (Note, "about", {"minItems": 1}),
    (Note, "sources", {"minItems": 1}),
)
#: Validators of tuple fields, and what they say of the items and the list.
_ITEM_RULES: tuple[tuple[object, dict[str, Any], dict[str, Any]], ...] = (
    (_check_ids, _ID, {"uniqueItems": True}),
    (_check_texts, _TEXT, {"uniqueItems": True}),
    (_check_evidence, {}, {"minItems": 1}),
)


def json_schema() -> dict[str, Any]:
    """
    Return the JSON Schema of the corpus document that `save_corpus` writes.

    The schema (JSON Schema 2020-12) is generated from the record types,
    so it always describes the documents this version reads and writes;
    the package ships the same schema as ``corpus.schema.json`` for tools
    outside Python.  It states the shape of each record and value, which
    fields are required, their types, vocabularies and the rules of one
    field (the pattern of an id, a Wikidata id, a digest, a language tag
    and an EDTF string, whose years, months and days must exist, a
    non-blank string, a non-negative number, at most 32 characters of a
    span's prefix and suffix, a list that may not be empty).  Rules
    between fields and records (a span must match the text, an id must
    name a record, a date's bounds and its calendar's days must be those
    of its EDTF string) are beyond JSON Schema: `load_corpus` checks
    them.

    The document keeps the article's text in a file of its own. What
    `as_dict` gives of a corpus (and ``secretspeech export --format
    json`` writes) is the same document with the text in
    ``article.text``, which this schema refuses: validate it with the
    text taken out.

    Returns:
        A new dict, ready for ``json.dump`` or a JSON Schema validator.

    >>> import secretspeech as ss
    >>> schema = ss.json_schema()
    >>> schema["$defs"]["Claim"]["properties"]["stance"]["enum"]
    ['assertion', 'report', 'evaluation']
    >>> sorted(schema["required"])
    ['article', 'data_version', 'events', 'format', 'groups', 'people', 'places', 'quotations', 'relations', 'statistics']
    """  # noqa: E501 -- a doctest's output is one line
    schema: dict[str, Any] = _deep_copy(_schema())
    return schema


@functools.cache
def _schema() -> dict[str, Any]:
    defs = {cls.__name__: _object(cls) for cls in _VALUES}
    defs["Article"] = _object(Article, leave_out=("text",))
    properties: dict[str, Any] = {
        "format": {"const": CORPUS_FORMAT},
        "data_version": _TEXT,
        "article": {"$ref": "#/$defs/Article"},
    }
    required = ["format", "data_version", "article"]
    corpus_fields = {f.name: f for f in attrs.fields(Corpus)}
    for collection in SCHEMA:
        name = collection.record_type.__name__
        defs[name] = _object(collection.record_type)
        properties[collection.name] = {
            "type": "array",
            "items": {"$ref": f"#/$defs/{name}"},
        }
        if corpus_fields[collection.name].default is attrs.NOTHING:
            required.append(collection.name)
    return {
        "$schema": DIALECT,
        "$id": "https://secretspeech.readthedocs.io/corpus.schema.json",
        "title": "secretspeech corpus document",
        "description": (
            "The records of one article, as save_corpus writes them and "
            "load_corpus reads them; the article's text is a file of its "
            "own, tied to the document by its SHA-256."
        ),
        "type": "object",
        "properties": properties,
        "required": required,
        "additionalProperties": False,
        "$defs": defs,
    }


def _object(cls: type[Any], leave_out: tuple[str, ...] = ()) -> dict[str, Any]:
    """Describe an attrs class as a JSON object, field by field."""
    hints = type_hints(cls)
    properties: dict[str, Any] = {}
    required: list[str] = []
    needed = _needed(cls)
    for field in attrs.fields(cls):
        if field.name in leave_out or not field.init:
            continue
        described = _field(hints[field.name], field)
        for owner, name, rule in _FIELD_RULES:
            if issubclass(cls, owner) and field.name == name:
                described = _merge(described, rule)
        properties[field.name] = described
        if field.name in needed:
            required.append(field.name)
    described = {
        "type": "object",
        "properties": properties,
        "required": required,
        "additionalProperties": False,
    }
    doc = inspect.getdoc(cls) or cls.__name__
    described["description"] = doc.split("\n\n")[0].replace("\n", " ")
    return described


def _needed(cls: type[Any]) -> set[str]:
    """The fields a document must give for *cls*."""
    if cls is HistoricalDate:
        # A document gives a date's wording and EDTF; the loader computes
        # the rest with from_edtf, and checks any that are given.
        signature = inspect.signature(HistoricalDate.from_edtf)
        return {
            p.name
            for p in signature.parameters.values()
            if p.default is p.empty
        }
    return {
        f.name
        for f in attrs.fields(cls)
        if f.init and f.default is attrs.NOTHING
    }


def _field(hint: object, field: attrs.Attribute[Any]) -> dict[str, Any]:
    """Describe one field: its type, then what its validator says."""
    described = _type(hint)
    validators = _validators(field.validator)
    for validator in validators:
        for check, rule in _RULES:
            if validator is check:
                described = _merge(described, rule)
        for check, items, whole in _ITEM_RULES:
            if validator is check and described.get("type") == "array":
                described = {
                    **described,
                    "items": _merge(described["items"], items),
                    **whole,
                }
    return described


def _validators(validator: object) -> list[object]:
    """The validator functions of a field, out of attrs' and/optional."""
    if validator is None:
        return []
    if isinstance(validator, list | tuple):
        return [v for one in validator for v in _validators(one)]
    for wrapped in ("_validators", "validator"):
        inner = getattr(validator, wrapped, None)
        if inner is not None:
            return _validators(inner)
    return [validator]


def _merge(described: dict[str, Any], rule: dict[str, Any]) -> dict[str, Any]:
    """Add *rule* to a description, inside ``anyOf`` where None is allowed."""
    if "anyOf" in described:
        return {
            "anyOf": [
                _merge(option, rule) if option != {"type": "null"} else option
                for option in described["anyOf"]
            ]
        }
    if "$ref" in described:
        return described
    return {**described, **rule}


def _type(hint: object) -> dict[str, Any]:  # noqa: C901, PLR0911 -- one per kind
    """Describe a type hint of the model as JSON Schema."""
    origin = typing.get_origin(hint)
    if origin in (types.UnionType, typing.Union):
        options = [_type(arg) for arg in typing.get_args(hint)]
        return {"anyOf": options}
    if origin is tuple:
        return {"type": "array", "items": _type(typing.get_args(hint)[0])}
    if hint is type(None):
        return {"type": "null"}
    if isinstance(hint, type):
        if issubclass(hint, enum.Enum):
            return {"enum": [member.value for member in hint]}
        if hint in _VALUES:
            return {"$ref": f"#/$defs/{hint.__name__}"}
        if issubclass(hint, bool):
            return {"type": "boolean"}
        if issubclass(hint, int):
            return {"type": "integer"}
        if issubclass(hint, str):
            return {"type": "string"}
        if issubclass(hint, dt.date):
            return {"type": "string", "format": "date"}
    msg = f"no JSON Schema for {hint!r}"  # a field type the model lacks
    raise TypeError(msg)


def _deep_copy(value: object) -> Any:  # noqa: ANN401 -- JSON is untyped
    """Copy nested dicts and lists, so callers cannot change the cache."""
    if isinstance(value, Mapping):
        return {k: _deep_copy(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_deep_copy(v) for v in value]
    return value
