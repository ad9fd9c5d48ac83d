"""
from_dict is the inverse of as_dict, for every type of the model.

The law runs over the public strategies, so a field added to a record type
is held to it at once; the examples pin what from_dict refuses.
"""

from __future__ import annotations

import json
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import secretspeech as ss
from secretspeech import strategies
from secretspeech._load import MODEL_TYPES


#: Each type of the model, and the public strategy that draws it.
DRAWN: dict[type[Any], st.SearchStrategy[Any]] = {
    **{
        c.record_type: getattr(strategies, c.name)(source="synthetic")
        for c in ss.SCHEMA
    },
    ss.Article: strategies.articles(source="synthetic"),
    ss.Evidence: strategies.evidence(source="synthetic"),
    ss.HistoricalDate: strategies.historical_dates(source="synthetic"),
    ss.Quantity: strategies.quantities(source="synthetic"),
    ss.Source: strategies.sources(source="synthetic"),
    ss.Corpus: strategies.corpora(source="synthetic", max_size=2),
}


def test_every_type_is_drawn() -> None:
    """The law covers every type as_dict takes, the corpus included."""
    assert set(DRAWN) == set(MODEL_TYPES)


@pytest.mark.parametrize("cls", list(DRAWN), ids=lambda c: c.__name__)
@settings(suppress_health_check=[HealthCheck.too_slow])
@given(data=st.data())
def test_from_dict_inverts_as_dict(
    cls: type[Any], data: st.DataObject
) -> None:
    """from_dict(type(x), as_dict(x)) == x, through JSON and back too."""
    value = data.draw(DRAWN[cls])
    plain = ss.as_dict(value)

    assert ss.from_dict(cls, plain) == value
    assert ss.from_dict(cls, json.loads(json.dumps(plain))) == value


def test_the_bundled_corpus() -> None:
    """The bundled corpus and each of its records come back equal."""
    corpus = ss.corpus()

    assert ss.from_dict(ss.Corpus, ss.as_dict(corpus)) == corpus
    for record in corpus.records():
        assert ss.from_dict(type(record), ss.as_dict(record)) == record


def test_a_corpus_dict_holds_its_text() -> None:
    """as_dict(corpus) is its document, with the article's text in it."""
    corpus = ss.corpus()
    data = ss.as_dict(corpus)
    document = corpus.to_document()

    assert data["article"].pop("text") == corpus.article.text
    assert data == document


class TestRefusals:
    """from_dict runs the same checks as any other construction."""

    def test_a_broken_record(self) -> None:
        """A rule of the record refuses, naming the field."""
        data = ss.as_dict(ss.events.get("secret-speech"))
        data["kind"] = "picnic"

        with pytest.raises(
            ss.InvalidCorpusError,
            match=r"^from_dict\(Event\): 'picnic' is not an EventKind",
        ):
            ss.from_dict(ss.Event, data)

    def test_an_unknown_field(self) -> None:
        """A key the type does not have is refused, not dropped."""
        data = ss.as_dict(ss.people[0]) | {"nickname": "Nikita"}

        with pytest.raises(ss.InvalidCorpusError, match="unknown field"):
            ss.from_dict(ss.Person, data)

    def test_evidence_off_the_text(self) -> None:
        """A corpus whose spans miss its text is refused."""
        data = ss.as_dict(ss.corpus())
        data["article"]["text"] = data["article"]["text"].upper()

        with pytest.raises(ss.InvalidCorpusError, match="SHA-256"):
            ss.from_dict(ss.Corpus, data)

    @pytest.mark.parametrize("cls", [ss.Article, ss.Corpus])
    def test_no_text(self, cls: type[Any]) -> None:
        """An article or corpus without its text says what is missing."""
        with pytest.raises(ss.InvalidCorpusError, match="text must be"):
            ss.from_dict(cls, {"article": {}})

    @pytest.mark.parametrize("cls", [dict, str, int, ss.Collection, None])
    def test_not_a_type_of_the_model(self, cls: object) -> None:
        """from_dict builds the model's types only."""
        with pytest.raises(ss.InvalidTypeError, match="from_dict"):
            ss.from_dict(cls, {})  # type: ignore[arg-type]

    @pytest.mark.parametrize("data", [None, [], "x"])
    def test_not_a_dict(self, data: object) -> None:
        """The data is a mapping."""
        with pytest.raises(ss.InvalidTypeError, match="as a dict"):
            ss.from_dict(ss.Person, data)  # type: ignore[arg-type]
