"""
Small behaviours no other test file reached: each test asserts one.

Branch coverage is gated at 100% in CI (.ci/run); these close what the
rest of the suite left open, each by what a user sees.
"""

from __future__ import annotations

import errno
import io
import json
import os
import sys
from collections.abc import Callable
from contextlib import redirect_stdout
from typing import Any

import attrs
import pytest

import secretspeech as ss
from helpers import bundled_document, bundled_text
from secretspeech import _load
from secretspeech._cli import main
from secretspeech._model import _declare, _strings, schema_of


@pytest.mark.parametrize(
    ("collection", "words"),
    [
        ("people", "name"),
        ("groups", "name"),
        ("places", "name"),
        ("events", "name"),
        ("quotations", "text"),
        ("notes", "text"),
    ],
)
def test_a_record_prints_as_its_name_or_words(
    collection: str, words: str
) -> None:
    """``str()`` of a record is what a reader calls it."""
    for record in getattr(ss, collection):
        assert getattr(record, words) == str(record)


def test_the_article_prints_as_its_title() -> None:
    """``str(ss.article)`` is the headline."""
    assert "Khrushchev’s secret speech: a crack in the monolith" == str(
        ss.article
    )


def test_evidence_prints_as_the_words_it_points_at() -> None:
    """``str()`` of evidence is its exact span of the article."""
    speech = ss.events.get("secret-speech")
    assert speech is not None
    ev = speech.evidence[0]

    assert ss.article.text[ev.start : ev.end] == str(ev)


class _ClosedPipe(io.StringIO):
    """Standard output whose reader has gone, as under ``| head``."""

    def write(self, text: str) -> int:
        raise BrokenPipeError(errno.EPIPE, os.strerror(errno.EPIPE), text)


def test_a_reader_that_stops_early_is_not_an_error(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """A closed pipe ends the command quietly, with status 0."""
    err = io.StringIO()
    monkeypatch.setattr(sys, "stdout", _ClosedPipe())
    monkeypatch.setattr(sys, "stderr", err)

    assert 0 == main([])
    # Closed, so that Python's exit reports no broken pipe either.
    assert err.closed


def test_the_command_line_writes_to_any_text_stream() -> None:
    """Output not going to a terminal (a StringIO, say) is written as is."""
    out = io.StringIO()
    with redirect_stdout(out):
        status = main(["show", "secret-speech"])

    speech = ss.events.get("secret-speech")
    assert speech is not None
    assert 0 == status
    assert speech.name in out.getvalue()


def refusal(mutate: Callable[[dict[str, Any]], object]) -> str:
    """Return the loader's message for the bundled corpus, mutated."""
    doc = bundled_document()
    mutate(doc)
    with pytest.raises(ss.InvalidCorpusError) as caught:
        _load.parse_corpus(json.dumps(doc), bundled_text(), source="t.json")
    return str(caught.value)


class TestTheLoaderRefuses:
    """Each broken shape is refused, naming the file and the place."""

    def test_a_collection_that_is_not_a_list(self) -> None:
        """``"people": {}`` is not a list of records."""
        message = refusal(lambda doc: doc.update(people={}))

        assert "t.json: 'people' must be a list of records" == message

    def test_a_collection_that_is_missing(self) -> None:
        """A collection left out is said to be missing, not to be no list."""
        message = refusal(lambda doc: doc.pop("people"))

        assert message == (
            "t.json: the document has no 'people': a list of records, "
            "possibly empty (only 'claims' and 'notes' may be left out)"
        )

    def test_more_records_than_the_limit(
        self, monkeypatch: pytest.MonkeyPatch
    ) -> None:
        """A collection longer than MAX_RECORDS is refused before parsing."""
        monkeypatch.setattr(_load, "MAX_RECORDS", 1)

        assert (
            "t.json: 'people' has more than the limit of 1 records; "
            "load_corpus(..., max_records=...) raises it"
        ) == refusal(lambda _: None)

    def test_a_document_longer_than_the_limit(
        self, monkeypatch: pytest.MonkeyPatch
    ) -> None:
        """A JSON text longer than MAX_BYTES is refused unread."""
        monkeypatch.setattr(_load, "MAX_BYTES", 10)

        with pytest.raises(ss.InvalidCorpusError, match="limit of 10 char"):
            _load.parse_corpus(" " * 11, "", source="t.json")

    def test_a_data_version_that_is_not_a_string(self) -> None:
        """The data version is text, such as "2026.11.26"."""
        message = refusal(lambda doc: doc.update(data_version=20261126))

        assert "data_version must be a string" in message

    def test_a_record_without_an_id_is_named_by_its_place(self) -> None:
        """With no id to quote, the message gives the collection and index."""
        message = refusal(lambda doc: doc["people"][0].pop("id"))

        assert message.startswith("t.json: people[0]: ")
        assert "'id'" in message

    def test_a_missing_field(self) -> None:
        """A record without a required field names the record and field."""
        message = refusal(lambda doc: doc["people"][0].pop("name"))

        assert message.startswith("t.json: people[0] ('")
        assert "'name'" in message

    @pytest.mark.parametrize(
        ("collection", "field"),
        [
            ("people", "evidence"),
            ("quotations", "segments"),
            ("events", "also_dated"),
        ],
    )
    def test_a_list_field_that_is_not_a_list(
        self, collection: str, field: str
    ) -> None:
        """Evidence, segments and extra dates are lists, not one value."""
        message = refusal(
            lambda doc: doc[collection][0].update({field: "1956"})
        )

        assert f"{field} must be a list, got '1956'" in message


def test_an_article_language_is_a_bcp47_tag() -> None:
    """An article's language is a tag such as en-GB, not "English"."""
    with pytest.raises(ss.InvalidValueError, match="BCP 47"):
        attrs.evolve(ss.article, language="English")


def test_a_record_of_another_corpus_is_refused() -> None:
    """A record whose id this corpus lacks is not silently looked up."""
    stranger = attrs.evolve(ss.people[0], id="a-stranger")

    with pytest.raises(ss.InvalidValueError, match="not a record of this"):
        ss.involving(stranger)


@pytest.mark.parametrize("article", ["article", ss.article])
def test_a_collection_of_its_own_finds_notes_about_the_article(
    article: str | ss.Article,
) -> None:
    """Outside a corpus too, the article stands for itself in ``about=``."""
    own = ss.Collection(list(ss.notes))
    expected = [n.id for n in ss.notes if "article" in n.about]

    assert expected
    # The filter overloads type about= as Record | str, without Article.
    found = own.filter(about=article)  # type: ignore[arg-type]

    assert expected == [n.id for n in found]


def test_a_criterion_of_several_record_types_names_them_all() -> None:
    """``to=`` takes people or groups, and the message says both."""
    with pytest.raises(ss.InvalidTypeError, match="a person or group"):
        ss.quotations.filter(to=5)  # type: ignore[arg-type]


@attrs.frozen(kw_only=True)
class SeenEvent(ss.Event):
    """An event with a field of ids that is not a filter criterion."""

    seen_from: tuple[str, ...] = attrs.field(
        default=(),
        converter=_strings,
        metadata=_declare(refers_to=("places",)),
    )


def _seen(seen_from: list[str]) -> ss.Corpus:
    """Parse the bundled corpus with `SeenEvent` and one field filled in."""
    document = ss.corpus().to_document()
    for event in document["events"]:
        if event["id"] == "secret-speech":
            event["seen_from"] = seen_from
    return _load.parse_corpus(
        document, ss.article.text, record_types={"events": SeenEvent}
    )


def test_a_field_may_hold_ids_without_being_a_criterion() -> None:
    """Declared with ``refers_to=`` only, ids resolve; no filter reads them."""
    corpus = _seen(["hungary"])
    speech = corpus.events.get("secret-speech")
    schema = schema_of(SeenEvent)

    assert speech is not None
    assert (corpus.places.get("hungary"),) == corpus.refs(speech, "seen_from")
    assert schema is not None
    assert "seen_from" not in schema.criteria
    with pytest.raises(ss.InvalidTypeError, match="unknown criterion"):
        corpus.events.filter(seen_from="hungary")  # type: ignore[call-arg]


def test_ids_in_a_field_of_our_own_are_checked() -> None:
    """An id there must name a record of the collection it declares."""
    with pytest.raises(ss.InvalidCorpusError, match="'nowhere'"):
        _seen(["nowhere"])


def test_record_types_is_a_mapping() -> None:
    """``record_types=`` maps collection names to record types."""
    with pytest.raises(ss.exceptions.InvalidTypeError, match="record_types="):
        _load.parse_corpus(
            {},
            "",
            record_types=[SeenEvent],  # type: ignore[arg-type]
        )
