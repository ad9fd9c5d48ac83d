"""Every record, real or generated, is immutable all the way down."""

from __future__ import annotations

import datetime as dt
import enum
from typing import TYPE_CHECKING

import attrs
import pytest
from attrs.exceptions import FrozenInstanceError
from hypothesis import given
from hypothesis import strategies as st

import secretspeech as ss
from record_kinds import KINDS


if TYPE_CHECKING:
    from collections.abc import Iterator


ANY_RECORD = st.one_of([strategy() for _, strategy in KINDS.values()])
# The only leaves a record may hold: immutable scalars.
LEAVES = (str, int, bool, type(None), dt.date, enum.Enum)


def values_in(value: object) -> Iterator[object]:
    """Yield *value* and everything reachable through attrs fields."""
    yield value
    if isinstance(value, tuple):
        for item in value:
            yield from values_in(item)
    elif attrs.has(type(value)):
        for field in attrs.fields(type(value)):
            yield from values_in(getattr(value, field.name))


def attrs_values_in(value: object) -> list[object]:
    """Return the attrs instances reachable from *value*, itself included."""
    return [v for v in values_in(value) if attrs.has(type(v))]


def assert_frozen(value: object) -> None:
    """Check that no field of any attrs value in *value* can be set."""
    for inner in attrs_values_in(value):
        for field in attrs.fields(type(inner)):
            with pytest.raises(FrozenInstanceError):
                setattr(inner, field.name, getattr(inner, field.name))


def assert_only_immutable(value: object) -> None:
    """Check that only tuples, attrs values and scalars are reachable."""
    for inner in values_in(value):
        assert isinstance(inner, (tuple, *LEAVES)) or attrs.has(type(inner)), (
            f"{type(inner).__name__} reachable from {value!r:.80}"
        )
    hash(value)


class TestBundled:
    """The records of the bundled corpus."""

    def test_records_frozen(self) -> None:
        """No field of any bundled record or of its values can be set."""
        for record in ss.corpus().records():
            assert_frozen(record)

    def test_records_hold_no_mutable_value(self) -> None:
        """No list, dict or set is reachable from any bundled record."""
        for record in ss.corpus().records():
            assert_only_immutable(record)

    def test_article(self) -> None:
        """The article is frozen and holds only immutable values."""
        assert_frozen(ss.article)
        assert_only_immutable(ss.article)

    def test_corpus_fields_frozen(self) -> None:
        """The corpus's fields cannot be set."""
        corpus = ss.corpus()
        for field in attrs.fields(ss.Corpus):
            with pytest.raises(FrozenInstanceError):
                setattr(corpus, field.name, getattr(corpus, field.name))

    @pytest.mark.parametrize(
        "method", ["__setitem__", "__delitem__", "append", "insert", "clear"]
    )
    def test_collection_has_no_mutator(self, method: str) -> None:
        """A collection offers no method that changes it."""
        assert not hasattr(ss.Collection, method)

    def test_collection_takes_no_attribute(self) -> None:
        """A collection refuses new attributes."""
        with pytest.raises(AttributeError):
            ss.people.extra = 1  # type: ignore[attr-defined]


class TestGenerated:
    """Records drawn from `secretspeech.strategies` (corpora: below)."""

    @given(ANY_RECORD)
    def test_records_frozen(self, record: ss.Person) -> None:
        """No field of a drawn record or of its values can be set."""
        assert_frozen(record)

    @given(ANY_RECORD)
    def test_records_hold_no_mutable_value(self, record: ss.Person) -> None:
        """No list, dict or set is reachable from a drawn record."""
        assert_only_immutable(record)


def law_immutable_throughout(corpus: ss.Corpus, _data: object) -> None:
    """Every record and the article of a drawn corpus are immutable."""
    for value in (corpus.article, *corpus.records()):
        assert_frozen(value)
        assert_only_immutable(value)


#: The laws of a drawn synthetic corpus, checked on each corpus drawn by
#: tests/test_drawn_corpora.py.
SYNTHETIC_LAWS = (law_immutable_throughout,)
