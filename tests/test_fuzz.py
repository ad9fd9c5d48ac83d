"""
Broken corpus documents are parsed or refused, never crash the loader.

The documents are the bundled one, cut down to a sample, with one value
changed (the sweep) or several (the fuzz). `parse_corpus` must build a
corpus or raise `InvalidCorpusError`, whose message names the record it is
about; what it builds must save and load again unchanged.
"""

from __future__ import annotations

import functools
import json
import math
import os
from collections.abc import Callable, Iterator
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import secretspeech as ss
from helpers import strings_in
from secretspeech._load import parse_corpus
from secretspeech._text import brief


#: Parsing a sample costs a few milliseconds: twice the profile's examples
#: (200 in ``ci``, 4,000 in ``thorough``).
EXAMPLES = 2 * settings().max_examples
THOROUGH = os.environ.get("HYPOTHESIS_PROFILE") == "thorough"

COLLECTIONS = tuple(schema.name for schema in ss.SCHEMA)

#: One record of each collection that fills in most of its fields.
SAMPLE = {
    "people": "the-tsar",
    "groups": "twentieth-congress",
    "places": "soviet-union",
    "events": "secret-speech",
    "quotations": "miserable-nonentities",
    "statistics": "famine-dead",
    "claims": "testament-says-stalin-too-powerful",
    "relations": "swing-back-1963-opposes-attack-on-stalin-1961",
    "notes": "author-mike-haynes",
}

#: The wrong values every field is given, by the name a test reports.
WRONG: dict[str, object] = {
    "null": None,
    "true": True,
    "0": 0,
    "1.5": 1.5,
    '""': "",
    '"x"': "x",
    "[]": [],
    "{}": {},
}


Path = tuple[str | int, ...]


@functools.cache
def bundled() -> dict[str, Any]:
    """Return the bundled document (shared: never change it in place)."""
    return ss.corpus().to_document()


def sample() -> dict[str, Any]:
    """Return the bundled document cut down to `SAMPLE` and what it names."""
    return sample_of(tuple(SAMPLE.values()))


@functools.cache
def sample_of(ids: tuple[str, ...]) -> dict[str, Any]:
    """
    Return the bundled document cut down to some records and what they name.

    Every record a kept record refers to is kept too, so the sample loads.
    The sample of `SAMPLE` holds some 20 records, against the bundled 225,
    and parses ten times as fast.
    """
    full = bundled()
    records = {r["id"]: r for name in COLLECTIONS for r in full[name]}
    todo = [*ids, *strings_in(full["article"])]
    kept: set[str] = set()
    while todo:
        rid = todo.pop()
        if rid in records and rid not in kept:
            kept.add(rid)
            todo.extend(strings_in(records[rid]))
    document = {k: v for k, v in full.items() if k not in COLLECTIONS}
    for name in COLLECTIONS:
        document[name] = [r for r in full[name] if r["id"] in kept]
    return document


def text() -> str:
    """Return the bundled text, which every sample's evidence points into."""
    return ss.article.text


def changed(
    document: dict[str, Any], path: Path, change: Callable[[Any, Any], None]
) -> dict[str, Any]:
    """Return *document* with *change* made at *path*, sharing the rest."""
    top = dict(document)
    node: Any = top
    for step in path[:-1]:
        child = node[step]
        node[step] = dict(child) if isinstance(child, dict) else list(child)
        node = node[step]
    change(node, path[-1])
    return top


def deleted(document: dict[str, Any], path: Path) -> dict[str, Any]:
    """Return *document* without the key at *path*."""
    return changed(document, path, lambda node, key: node.pop(key))


def replaced(
    document: dict[str, Any], path: Path, value: object
) -> dict[str, Any]:
    """Return *document* with *value* at *path*."""
    return changed(
        document, path, lambda node, key: node.__setitem__(key, value)
    )


def at(document: dict[str, Any], path: Path) -> Any:
    """Return the value at *path*."""
    node: Any = document
    for step in path:
        node = node[step]
    return node


def single_changes(
    document: dict[str, Any], path: Path
) -> Iterator[tuple[str, dict[str, Any]]]:
    """
    Yield each single change of the fields of the object at *path*.

    Each field is deleted, given each `WRONG` value and, if it is a list,
    given an object with the same items; and the object is given a field
    it does not have.
    """
    fields = at(document, path)
    more = {**fields, "unknown": 1}
    yield "unknown: 1", replaced(document, path, more) if path else more
    for field, value in fields.items():
        where = (*path, field)
        yield f"{field}: delete", deleted(document, where)
        for name, wrong in WRONG.items():
            yield f"{field}: {name}", replaced(document, where, wrong)
        if isinstance(value, list):
            as_object = _as_object(value)
            yield (
                f"{field}: list as object",
                replaced(document, where, as_object),
            )


def outcome(document: dict[str, Any]) -> ss.InvalidCorpusError | None:
    """Parse *document*: None if it loads, else the error that refused it."""
    try:
        parse_corpus(document, text(), source="sample.json")
    except ss.InvalidCorpusError as e:
        return e
    return None


def reloaded(corpus: ss.Corpus) -> None:
    """Check that a corpus saves as JSON and loads again, the same."""
    document = corpus.to_document()
    again = parse_corpus(
        json.dumps(document, allow_nan=False), text(), source="again.json"
    )
    assert document == again.to_document()
    assert hash(corpus) == hash(corpus)


def position(document: dict[str, Any], name: str, rid: str) -> int:
    """Return where the record *rid* of a collection is in *document*."""
    return [r["id"] for r in document[name]].index(rid)


def sweep(
    path: Path,
    names: Callable[[str, str], bool],
    document: dict[str, Any] | None = None,
) -> tuple[set[str], list[str]]:
    """
    Make every single change at *path* in *document* and parse each.

    The document is the sample unless given.

    Returns:
        The changes that load, and the refusals whose message *names*
        (called with the change and the message) finds wanting.
    """
    loads: set[str] = set()
    unnamed: list[str] = []
    base = sample() if document is None else document
    # The changed documents share what they do not change with *base*: the
    # loader must change none of it.
    before = json.dumps(base)
    for change, changed_document in single_changes(base, path):
        error = outcome(changed_document)
        if error is None:
            loads.add(change)
        elif not names(change, str(error)):
            unnamed.append(f"{change}: {error}")
    assert before == json.dumps(base)
    return loads, unnamed


def names_record(
    name: str, rid: str | None = None, document: dict[str, Any] | None = None
) -> Callable[[str, str], bool]:
    """Tell whether a message names a record (the sampled one) of *name*."""
    rid = SAMPLE[name] if rid is None else rid
    index = position(sample() if document is None else document, name, rid)

    def names(change: str, message: str) -> bool:
        if f"{name}[{index}]" in message:
            return True  # as the loader names it, by position (and id)
        if f"{name} ({brief(rid)})" in message:
            return True  # as the corpus names it (a long id shortened)
        # A new id leaves the records that named the old one dangling.
        return change.startswith("id: ") and f"names {brief(rid)}" in message

    return names


# Of every single change, those that load: a field left out that has a
# default, a null where a field is optional, a value of the right type that
# the rules allow (a new id among them: nothing in the record's document
# names the record). Every other change is refused.
LOADS: dict[str, set[str]] = {
    "document": {
        'data_version: "x"',
        # Nothing in the sample refers to these.
        "quotations: []",
        "statistics: []",
        "claims: delete",
        "claims: []",
        "relations: []",
        "notes: delete",
        "notes: []",
    },
    "article": {
        'title: "x"',
        'standfirst: "x"',
        'author: "x"',
        'publication: "x"',
        "issue: 0",
        'caption: "x"',
        "language: delete",
    },
    "people": {
        'id: "x"',
        'name: "x"',
        "aliases: delete",
        "aliases: []",
        "other_names: delete",
        "other_names: []",
        'description: "x"',
        "roles: delete",
        "roles: []",
        # The tsar is unnamed: named=True is allowed, and so is its default.
        "named: delete",
        "named: true",
        "wikidata: delete",
        "wikidata: null",
        "born: delete",
        "born: null",
        "died: delete",
        "died: null",
    },
    "groups": {
        'id: "x"',
        'name: "x"',
        "aliases: delete",
        "aliases: []",
        "other_names: delete",
        "other_names: []",
        'description: "x"',
        "members: delete",
        "members: []",
    },
    "places": {
        'id: "x"',
        'name: "x"',
        "aliases: delete",
        "aliases: []",
        "other_names: delete",
        "other_names: []",
        'description: "x"',
        "within: delete",
        "within: null",
    },
    "events": {
        'id: "x"',
        'name: "x"',
        "aliases: delete",
        "aliases: []",
        "other_names: delete",
        "other_names: []",
        'summary: "x"',
        "date: delete",
        "date: null",
        "also_dated: delete",
        "also_dated: []",
        "participants: delete",
        "participants: []",
        "groups: delete",
        "groups: []",
        "places: delete",
        "places: []",
        "subjects: delete",
        "subjects: []",
    },
    "quotations": {
        'id: "x"',
        # The speaker is mentioned: without a speaker the mention is refused.
        "speaker_mention: delete",
        "speaker_mention: null",
        "cue: delete",
        "cue: null",
        # Said at an occasion: a reason for having none is refused.
        "no_occasion: delete",
        "no_occasion: null",
        "addressees: delete",
        "addressees: []",
        "date: delete",
        "date: null",
        "subjects: delete",
        "subjects: []",
    },
    "statistics": {
        'id: "x"',
        'counting: "x"',
        'description: "x"',
        "date: delete",
        "date: null",
        "places: delete",
        "places: []",
        "about: delete",
        "about: []",
    },
    # A report: without its holder or its cue it is refused.
    "claims": {
        'id: "x"',
        'summary: "x"',
        "parent: delete",
        "parent: null",
        "subjects: delete",
        "subjects: []",
    },
    "relations": {'id: "x"'},
    "notes": {'id: "x"', 'text: "x"'},
    # A value inside a record, swept in one record each.
    "date": {
        'text: "x"',
        "earliest: delete",
        "latest: delete",
        "precision: delete",
        "approximate: delete",
        "uncertain: delete",
        "calendar: delete",
        "relative_to: delete",
        "relative_to: null",
        "basis: delete",
        "basis: null",
        "reason: delete",
        "reason: null",
    },
    "evidence": {
        "prefix: delete",
        'prefix: ""',
        "suffix: delete",
        'suffix: ""',
    },
    "quantity": {
        'unit: "x"',
        # Perhaps two million: the number is not read back from the words.
        "value: 0",
        "low: delete",
        "low: null",
        "low: 0",
        "high: delete",
        "high: null",
        "hedge: delete",
        "hedge: null",
    },
    "source": {
        'title: "x"',
        *(
            f"{field}: {change}"
            for field in (
                "author",
                "periodical",
                "publisher",
                "date",
                "pages",
                "read_at",
                "note",
            )
            for change in ("delete", "null", '"x"')
        ),
    },
}


def names_top(change: str, message: str) -> bool:
    """Tell whether a refusal of a top-level change names what it is about."""
    field = change.split(":", maxsplit=1)[0]
    if field in COLLECTIONS and change.endswith(("[]", "delete")):
        # An empty collection leaves the records that named its own
        # dangling: the message names one of them.
        return "which is not a record" in message or repr(field) in message
    return field in message


def names_article(_change: str, message: str) -> bool:
    """Tell whether a refusal of a change to the article says so."""
    return message.startswith("sample.json: article: ")


def place(
    shape: str,
) -> tuple[Path, Callable[[str, str], bool], dict[str, Any]]:
    """
    Return where a shape of `LOADS` is swept: path, namer and document.

    The top level is swept in the sample, the article in a document of the
    article alone, and each record (and each value inside one) in a
    document of that record and the records it names.
    """
    if shape == "document":
        return (), names_top, sample()
    if shape == "article":
        return ("article",), names_article, sample_of(())
    name, *path = INSIDE.get(shape, (shape,))
    assert isinstance(name, str)
    rid = SAMPLE[name]
    document = sample_of((rid,))
    where = (name, position(document, name, rid), *path)
    return where, names_record(name, rid, document), document


#: Where each value inside a record is swept: a record and the path in it.
INSIDE: dict[str, tuple[str | int, ...]] = {
    "date": ("events", "date"),
    "evidence": ("people", "evidence", 0),
    "quantity": ("statistics", "quantity"),
    "source": ("notes", "sources", 0),
}


class TestSweep:
    """
    Every single change to the fields of samples of the bundled document.

    Parsing the whole bundled document costs 50 ms, so the sweep changes
    samples of it (`sample_of`): one record of each collection (`SAMPLE`),
    each in a document of the records it names; the article; the top level
    of a document of all of them. Each field is deleted, given every wrong
    JSON type (`WRONG`) and, if a list, given an object, and each object
    is given an unknown field. The values inside a record (a date, an
    evidence item, a quantity, a cited source) are swept in one record
    each. Some 1,100 documents; every record of every collection, under
    ``HYPOTHESIS_PROFILE=thorough``.
    """

    def test_the_sample_loads(self) -> None:
        """The sample is a corpus, with one record at least of each kind."""
        corpus = parse_corpus(sample(), text())
        for name in COLLECTIONS:
            assert SAMPLE[name] in [r.id for r in getattr(corpus, name)]

    def test_every_shape_is_swept(self) -> None:
        """LOADS has an entry for every collection and value swept."""
        assert sorted(LOADS) == sorted(
            ["document", "article", *COLLECTIONS, *INSIDE]
        )

    @pytest.mark.parametrize("shape", sorted(LOADS))
    def test_single_changes(self, shape: str) -> None:
        """Each change loads if LOADS says so, else is refused by name."""
        path, names, document = place(shape)
        loads, unnamed = sweep(path, names, document)

        assert sorted(LOADS[shape]) == sorted(loads)
        assert [] == unnamed


#: Every record under the thorough profile (about 20 s); every tenth
#: otherwise, so that the default run sweeps records beyond the sample too.
EVERY = 1 if THOROUGH else 10


@pytest.mark.parametrize("name", COLLECTIONS)
def test_every_record(name: str) -> None:
    """Every field of the records swept: each loads or is refused by name."""
    for record in bundled()[name][::EVERY]:
        document = sample_of((record["id"],))
        index = position(document, name, record["id"])
        _, unnamed = sweep(
            (name, index),
            names_record(name, record["id"], document),
            document,
        )
        assert [] == unnamed


# -- the fuzz ---------------------------------------------------------------


JSON = st.recursive(
    st.none()
    | st.booleans()
    | st.integers()
    | st.sampled_from([0, -1, 1, 2**31, 2**63, 10**30, -(10**30)])
    | st.floats()
    | st.text(max_size=20),
    lambda inner: (
        st.lists(inner, max_size=3)
        | st.dictionaries(st.text(max_size=10), inner, max_size=3)
    ),
    max_leaves=6,
)


@st.composite
def paths(draw: st.DrawFn, document: dict[str, Any]) -> Path:
    """
    Draw the path of some value in *document*, most often inside a record.

    The walk goes down into an object or list three times in four, and
    stops, once inside a collection, one time in four.
    """
    path: list[str | int] = []
    node: Any = document
    while isinstance(node, dict | list) and node:
        if len(path) >= 2 and draw(st.integers(0, 3)) == 0:
            break
        keys: list[Any] = (
            list(node) if isinstance(node, dict) else list(range(len(node)))
        )
        inner = [k for k in keys if isinstance(node[k], dict | list)]
        if inner and draw(st.integers(0, 3)):
            keys = inner
        key = draw(st.sampled_from(keys))
        path.append(key)
        node = node[key]
    return tuple(path)


#: Numbers to put in place of a number (or of anything).
ODD_NUMBERS = (10**30, -1, math.nan, math.inf, -math.inf, 2**63, -(2**63), 0.5)


def _as_object(value: list[Any]) -> dict[str, Any]:
    """Return a list as an object with the same items."""
    return {str(i): item for i, item in enumerate(value)}


def _odd_string(draw: st.DrawFn, value: str) -> str:
    """Draw a string to put in the place of the string *value*."""
    return draw(
        st.sampled_from(
            ["", " ", value.upper(), f" {value} ", value * 3, "\x00"]
        )
        | st.text(max_size=5)
    )


#: What each move puts in the place of a value.
NEW_VALUES: dict[str, Callable[[st.DrawFn, Any], object]] = {
    "replace": lambda draw, _: draw(JSON),
    "number": lambda draw, _: draw(st.sampled_from(ODD_NUMBERS)),
    "wrap": lambda _, value: [value],
    "as object": lambda _, value: _as_object(value),
    "as list": lambda _, value: list(value.values()),
    "unknown key": lambda draw, value: {
        **value,
        draw(st.text(max_size=8)): draw(JSON),
    },
    "string": _odd_string,
}


@st.composite
def one_change(draw: st.DrawFn, document: dict[str, Any]) -> dict[str, Any]:
    """Draw *document* with one value deleted, replaced or reshaped."""
    path = draw(paths(document))
    if not path:
        return document
    value = at(document, path)
    parent = at(document, path[:-1])
    moves = ["replace", "number", "wrap", "duplicate"]
    moves += ["delete"] if isinstance(parent, dict) else []
    moves += ["as object"] if isinstance(value, list) else []
    moves += ["as list", "unknown key"] if isinstance(value, dict) else []
    moves += ["string"] if isinstance(value, str) else []
    move = draw(st.sampled_from(moves))
    if move == "delete":
        return deleted(document, path)
    if move != "duplicate":
        return replaced(document, path, NEW_VALUES[move](draw, value))
    # A list item given twice (a record, an id, a span), or a value put in
    # a sibling's place as well.
    if isinstance(parent, list):
        return replaced(document, path[:-1], [*parent, value])
    sibling = draw(st.sampled_from(list(parent)))
    return replaced(document, (*path[:-1], sibling), value)


@st.composite
def broken_documents(draw: st.DrawFn) -> dict[str, Any]:
    """Draw a sample (all of `SAMPLE`, or one record) with 1 to 3 changes."""
    document = draw(
        st.sampled_from(
            [sample(), *(sample_of((rid,)) for rid in SAMPLE.values())]
        )
    )
    for _ in range(draw(st.integers(1, 3))):
        document = draw(one_change(document))
    return document


@st.composite
def broken_texts(draw: st.DrawFn) -> str:
    """Draw the sample's JSON text cut short, or with a character changed."""
    document = json.dumps(sample())
    where = draw(st.integers(0, len(document)))
    cut = draw(st.sampled_from(["cut", "insert", "replace"]))
    if cut == "cut":
        return document[:where]
    inserted = draw(st.sampled_from([*'{}[],:"\\0-eE.', "NaN"]))
    skip = 1 if cut == "replace" else 0
    return document[:where] + inserted + document[where + skip :]


def loads_or_is_refused(document: str | dict[str, Any]) -> bool:
    """
    Check that a document reloads unchanged, or is refused by name.

    Returns:
        Whether it loaded (``scripts/fuzz.py`` counts both endings).
    """
    try:
        corpus = parse_corpus(document, text(), source="sample.json")
    except ss.InvalidCorpusError as e:
        refusal = str(e)
    else:
        reloaded(corpus)
        return True
    assert refusal.startswith("sample.json: ")
    return False


class TestFuzz:
    """Parsing a document changed at random only ever refuses it politely."""

    @settings(
        max_examples=EXAMPLES,
        suppress_health_check=[HealthCheck.too_slow],
    )
    @given(broken_documents())
    def test_documents(self, document: dict[str, Any]) -> None:
        """A changed document loads (and saves and reloads), or is refused."""
        loads_or_is_refused(document)

    @settings(max_examples=EXAMPLES // 4)
    @given(broken_texts())
    def test_json_texts(self, document: str) -> None:
        """A damaged JSON text loads (and saves and reloads), or is refused."""
        loads_or_is_refused(document)
