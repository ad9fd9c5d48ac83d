"""
Register the strategies of `secretspeech.strategies` with Hypothesis.

Hypothesis calls `_hypothesis_setup_hook` through the ``hypothesis`` entry
point of this package when it is imported, so that ``st.from_type(Event)``
works in a user's tests without importing `secretspeech.strategies`.

The hook imports neither the strategies nor the bundled data: it registers
functions that build each strategy when ``st.from_type`` first asks for it.
That keeps the hook cheap for every test session that merely has
Hypothesis installed, and it avoids a circular import when the first thing
a user imports is `secretspeech.strategies` (which imports Hypothesis,
which calls this hook while that module is still half built).
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any


if TYPE_CHECKING:
    from collections.abc import Callable

    from hypothesis.strategies import SearchStrategy


def _resolver(name: str) -> Callable[[type], SearchStrategy[Any]]:
    """Return a function that builds ``secretspeech.strategies.<name>()``."""

    def resolve(_type: type) -> SearchStrategy[Any]:
        from secretspeech import strategies  # noqa: PLC0415

        strategy: SearchStrategy[Any] = getattr(strategies, name)()
        return strategy

    return resolve


def _hypothesis_setup_hook() -> None:
    """
    Register a strategy for every public record and value type.

    Called by Hypothesis through the entry point; safe to call again.

    .. versionadded:: 0.1.0
    """
    from hypothesis import strategies as st  # noqa: PLC0415

    from secretspeech._corpus import Corpus  # noqa: PLC0415
    from secretspeech._dates import HistoricalDate  # noqa: PLC0415
    from secretspeech._model import (  # noqa: PLC0415
        Event,
        Evidence,
        Group,
        Note,
        Person,
        Place,
        Quantity,
        Quotation,
        Relation,
        Statistic,
    )

    for cls, name in (
        (Person, "people"),
        (Group, "groups"),
        (Place, "places"),
        (Event, "events"),
        (Quotation, "quotations"),
        (Statistic, "statistics"),
        (Relation, "relations"),
        (Note, "notes"),
        (Evidence, "evidence"),
        (HistoricalDate, "historical_dates"),
        (Quantity, "quantities"),
        (Corpus, "corpora"),
    ):
        st.register_type_strategy(cls, _resolver(name))
