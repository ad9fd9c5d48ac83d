"""
Static checks of the public API's types: read by mypy, never run.

Each function states, with `typing.assert_type`, the type a user's type
checker must infer.  ``tests/test_typing.py`` runs ``mypy --strict`` here.
"""

from __future__ import annotations

import datetime
from typing import Any, assert_type

import attrs

import secretspeech as ss


def collections() -> None:
    assert_type(ss.people, ss.Collection[ss.Person])
    assert_type(ss.groups, ss.Collection[ss.Group])
    assert_type(ss.places, ss.Collection[ss.Place])
    assert_type(ss.events, ss.Collection[ss.Event])
    assert_type(ss.quotations, ss.Collection[ss.Quotation])
    assert_type(ss.statistics, ss.Collection[ss.Statistic])
    assert_type(ss.relations, ss.Collection[ss.Relation])
    assert_type(ss.notes, ss.Collection[ss.Note])
    assert_type(ss.people[0], ss.Person)
    assert_type(ss.people[1:], ss.Collection[ss.Person])
    assert_type(len(ss.people), int)
    for person in ss.people:
        assert_type(person, ss.Person)


def collection_queries() -> None:
    assert_type(ss.people.get("joseph-stalin"), ss.Person | None)
    # As dict.get: a default of another type joins the union, and a
    # record as default leaves None out.
    assert_type(ss.people.get("gorbachev", "none"), ss.Person | str)
    assert_type(ss.people.get("gorbachev", ss.people[0]), ss.Person)
    assert_type(ss.people.get("gorbachev", None), ss.Person | None)
    assert_type(ss.people.lookup("Stalin"), ss.Person)
    assert_type(ss.people.search("Stalin"), tuple[ss.Person, ...])
    assert_type(ss.people.filter(role="leader"), ss.Collection[ss.Person])
    assert_type(
        ss.statistics.filter(kind=ss.QuantityKind.AT_MOST, during=1946),
        ss.Collection[ss.Statistic],
    )
    assert_type(
        ss.events.filter(during=1956, strict=True, at="Hungary"),
        ss.Collection[ss.Event],
    )
    assert_type(
        ss.quotations.filter(by=ss.people[0]), ss.Collection[ss.Quotation]
    )
    assert_type(
        ss.statistics.filter(counting="deaths", during="1946/1947"),
        ss.Collection[ss.Statistic],
    )
    assert_type(
        ss.events.where(lambda e: e.date is None), ss.Collection[ss.Event]
    )


def module_queries() -> None:
    assert_type(ss.corpus(), ss.Corpus)
    assert_type(ss.get("hungary"), ss.Record | ss.Article | None)
    assert_type(ss.lookup("Hungary"), ss.Record | ss.Article)
    assert_type(ss.lookup("article"), ss.Article)
    assert_type(ss.involving(ss.article), tuple[ss.Record, ...])
    assert_type(ss.search("Kruschev", limit=3), tuple[ss.Record, ...])
    assert_type(ss.timeline(start=1956, end="1964"), tuple[ss.Event, ...])
    assert_type(ss.involving("Hungary"), tuple[ss.Record, ...])
    assert_type(ss.related("secret-speech"), tuple[ss.Relation, ...])
    assert_type(ss.causes("hungarian-revolution"), tuple[ss.Event, ...])
    assert_type(
        ss.consequences("stalins-death", depth=2), tuple[ss.Event, ...]
    )
    assert_type(ss.context("muck", sentences=0), str)
    assert_type(ss.refs("muck", "speaker"), tuple[ss.Person, ...])
    assert_type(ss.refs("secret-speech", "groups"), tuple[ss.Group, ...])
    assert_type(ss.refs("secret-speech", "places"), tuple[ss.Place, ...])
    assert_type(ss.refs("hungary", "within"), tuple[ss.Place, ...])
    assert_type(
        ss.refs("blind-kittens", "addressees"),
        tuple[ss.Person | ss.Group, ...],
    )
    assert_type(
        ss.refs("blind-kittens", "subjects"),
        tuple[ss.Record | ss.Article, ...],
    )
    assert_type(ss.refs("muck"), tuple[ss.Record | ss.Article, ...])
    for referenced in ss.refs("muck"):
        assert_type(referenced.id, str)
    assert_type(ss.article, ss.Article)
    assert_type(ss.DATA_VERSION, str)
    assert_type(ss.__version__, str)
    assert_type(ss.load_corpus("corpus.json", "article.txt"), ss.Corpus)
    assert_type(ss.save_corpus(ss.corpus(), "c.json", "a.txt"), None)
    assert_type(ss.corpus().to_document(), dict[str, Any])


def corpus_queries(corpus: ss.Corpus) -> None:
    assert_type(corpus.get("article"), ss.Article)
    assert_type(corpus.get("hungary"), ss.Record | ss.Article | None)
    assert_type(corpus.get("hungary", 0), ss.Record | ss.Article | int)
    assert_type(corpus.get("hungary", ss.places[0]), ss.Record | ss.Article)
    assert_type(ss.get("hungary", "none"), ss.Record | ss.Article | str)
    assert_type(corpus.refs("blind-kittens", "speaker"), tuple[ss.Person, ...])
    assert_type(
        corpus.refs("blind-kittens", "addressees"),
        tuple[ss.Person | ss.Group, ...],
    )
    assert_type(corpus.lookup("Hungary"), ss.Record | ss.Article)
    assert_type(corpus.timeline(), tuple[ss.Event, ...])
    assert_type(corpus.events, ss.Collection[ss.Event])
    assert_type(corpus.data_version, str)
    for record in corpus.records():
        assert_type(record, ss.Record)


def records(event: ss.Event, quotation: ss.Quotation) -> None:
    assert_type(event.id, str)
    assert_type(event.date, ss.HistoricalDate | None)
    assert_type(event.also_dated, tuple[ss.HistoricalDate, ...])
    assert_type(event.participants, tuple[str, ...])
    assert_type(event.evidence, tuple[ss.Evidence, ...])
    assert_type(event.kind, ss.EventKind)
    assert_type(quotation.text, str)
    assert_type(quotation.insertions, tuple[str, ...])
    assert_type(quotation.speaker, str | None)
    assert_type(ss.relations[0].is_causal, bool)
    assert_type(ss.statistics[0].quantity, ss.Quantity)
    assert_type(ss.statistics[0].quantity.value, int | None)
    assert_type(ss.article.published_on, datetime.date)
    assert_type(ss.article.id, str)
    assert_type(ss.CAUSAL_KINDS, tuple[ss.RelationKind, ...])


def building_records() -> None:
    span = ss.Evidence.from_offsets("The speech made history.", 4, 10)
    assert_type(span, ss.Evidence)
    assert_type(
        span.reanchor("Indeed: The speech made history."), ss.Evidence | None
    )
    date = ss.HistoricalDate.from_edtf("1956-02-25", text="25 February")
    event = ss.Event(
        id="secret-speech",
        name="The secret speech",
        summary="Khrushchev denounces Stalin.",
        kind=ss.EventKind.SPEECH,
        date=date,
        also_dated=[date],
        participants=["nikita-khrushchev"],
        evidence=[span],
    )
    assert_type(event, ss.Event)
    quantity = ss.Quantity(
        text="as many as 29 million",
        kind=ss.QuantityKind.AT_MOST,
        unit="person",
        value=29_000_000,
        high=29_000_000,
        hedge="as many as",
    )
    assert_type(quantity, ss.Quantity)


def dates() -> None:
    date = ss.HistoricalDate.coerce(1956)
    assert_type(date, ss.HistoricalDate)
    assert_type(date.overlaps(date), bool)
    assert_type(date.contains(date), bool)
    assert_type(date.order(date), ss.Order)
    assert_type(date.sort_key, tuple[datetime.date, datetime.date])
    assert_type(date.precision, ss.Precision)
    assert_type(date.calendar, ss.Calendar)


def errors() -> None:
    try:
        ss.people.lookup("Gorbachev")
    except ss.NotFoundError as e:
        assert_type(e, ss.NotFoundError)
    except ss.SecretSpeechError as e:
        assert_type(e, ss.SecretSpeechError)


def argument_and_speech_acts() -> None:
    assert_type(ss.claims, ss.Collection[ss.Claim])
    assert_type(
        ss.claims.filter(stance=ss.Stance.REPORT, by="Khrushchev"),
        ss.Collection[ss.Claim],
    )
    assert_type(ss.claims[0].cue, ss.Evidence | None)
    assert_type(
        ss.quotations.filter(at="swing-back-1963"), ss.Collection[ss.Quotation]
    )
    assert_type(ss.quotations[0].occasion, str | None)
    assert_type(ss.refs("muck", "occasion"), tuple[ss.Event, ...])
    assert_type(
        ss.refs("testament-says-stalin-too-powerful", "parent"),
        tuple[ss.Claim, ...],
    )
    assert_type(ss.article.sentences, tuple[ss.Evidence, ...])
    assert_type(ss.context("muck", span=True), ss.Evidence)
    assert_type(
        ss.check_quote("You are blind kittens"), tuple[ss.QuoteMatch, ...]
    )
    assert_type(ss.check_quote("x")[0].verdict, ss.QuoteVerdict)
    assert_type(ss.score_extraction([]).content, ss.PartScore)
    assert_type(ss.score_extraction([]).cue.exact_recall, float)


def round_trip() -> None:
    assert_type(ss.from_dict(ss.Event, ss.as_dict(ss.events[0])), ss.Event)
    assert_type(ss.from_dict(ss.Corpus, ss.as_dict(ss.corpus())), ss.Corpus)
    assert_type(ss.json_schema(), dict[str, Any])


@attrs.frozen(kw_only=True)
class WeatherEvent(ss.Event):
    """A record type of a user's own, as `load_corpus(record_types=)` takes."""

    weather: str = ""


def own_record_types(events: ss.Collection[WeatherEvent]) -> None:
    # A collection is immutable, so one of a subclass's records is one of
    # the base's: it goes wherever that is asked for, and filters as it.
    wider: ss.Collection[ss.Event] = events
    assert_type(wider, ss.Collection[ss.Event])
    assert_type(events.get("x"), WeatherEvent | None)
    assert_type(events[0], WeatherEvent)
    assert_type(
        events.where(lambda e: e.weather == "cold"),
        ss.Collection[WeatherEvent],
    )
    assert_type(
        events.filter(kind="speech", at="Moscow"), ss.Collection[ss.Event]
    )
