"""
Static checks of `secretspeech.strategies`: read by mypy, never run.

Each strategy is a ``SearchStrategy`` of the type it is named for, so
``@given`` passes that type to a user's annotated test.
"""

from __future__ import annotations

from typing import assert_type

from hypothesis import given
from hypothesis.strategies import SearchStrategy

import secretspeech as ss
from secretspeech import strategies


def strategy_types() -> None:
    assert_type(strategies.people(), SearchStrategy[ss.Person])
    assert_type(strategies.groups(), SearchStrategy[ss.Group])
    assert_type(strategies.places(), SearchStrategy[ss.Place])
    assert_type(
        strategies.events(source="synthetic", text="In 1956."),
        SearchStrategy[ss.Event],
    )
    assert_type(strategies.quotations(), SearchStrategy[ss.Quotation])
    assert_type(strategies.statistics(), SearchStrategy[ss.Statistic])
    assert_type(strategies.relations(), SearchStrategy[ss.Relation])
    assert_type(strategies.notes(), SearchStrategy[ss.Note])
    assert_type(
        strategies.evidence(source="article"), SearchStrategy[ss.Evidence]
    )
    assert_type(
        strategies.historical_dates(
            calendars=[ss.Calendar.JULIAN], min_value=1917, max_value=1918
        ),
        SearchStrategy[ss.HistoricalDate],
    )
    assert_type(
        strategies.quantities(kinds=[ss.QuantityKind.EXACT, "at most"]),
        SearchStrategy[ss.Quantity],
    )
    assert_type(strategies.corpora(max_size=2), SearchStrategy[ss.Corpus])


@given(strategies.events(), strategies.corpora(source="synthetic"))
def a_users_test(event: ss.Event, corpus: ss.Corpus) -> None:
    assert_type(event, ss.Event)
    assert_type(corpus.timeline(), tuple[ss.Event, ...])


def bounds_are_named_as_in_hypothesis() -> None:
    # The years are bounded by min_value and max_value: mypy refuses the
    # old names (were it to accept them, this ignore would be an error).
    strategies.historical_dates(min_year=1917)  # type: ignore[call-arg]
