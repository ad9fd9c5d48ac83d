"""
Register the strategies of `secretspeech.strategies` with Hypothesis.

Hypothesis calls `_hypothesis_setup_hook` through the ``hypothesis`` entry
point of this package when it is imported, so that ``st.from_type(Event)``
works in a user's tests without importing `secretspeech.strategies`.

``st.from_type(Collection[Event])`` draws the events of a corpus from
``corpora()``, so that their references resolve; a bare `Collection`, or
one of a union of record types, draws a collection of any type it allows.

The hook imports neither the strategies nor the bundled data: it registers
functions that build each strategy when ``st.from_type`` first asks for it.
That keeps the hook cheap for every test session that merely has
Hypothesis installed, and it avoids a circular import when the first thing
a user imports is `secretspeech.strategies` (which imports Hypothesis,
which calls this hook while that module is still half built).
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, get_args, get_origin


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


# What a function registered for a type returns to leave the type to
# Hypothesis.  Typeshed makes NotImplemented an Any, which mypy --strict
# refuses to return; this says what Hypothesis accepts in its place.
_DECLINE: SearchStrategy[Any] = NotImplemented


def _collections(thing: Any) -> SearchStrategy[Any]:  # noqa: ANN401
    """
    Build collections of a drawn corpus for ``Collection[...]``.

    Hypothesis also asks this function about other generic types that
    `Collection` is a subclass of, such as ``Sequence[int]``: it declines
    them, and any ``Collection`` of what is not a record type, by
    returning `NotImplemented`.
    """
    from hypothesis import strategies as st  # noqa: PLC0415

    from secretspeech import strategies  # noqa: PLC0415
    from secretspeech._catalog import Collection  # noqa: PLC0415
    from secretspeech._model import SCHEMA  # noqa: PLC0415

    if (get_origin(thing) or thing) is not Collection:
        return _DECLINE
    # Collection, Collection[Event] or a union: Collection[Person | Group].
    (of,) = get_args(thing) or (Any,)
    wanted = get_args(of) or (of,)
    names = [c.name for c in SCHEMA if of is Any or c.record_type in wanted]
    if of is not Any and len(names) != len(wanted):
        return _DECLINE
    return st.tuples(strategies.corpora(), st.sampled_from(names)).map(
        lambda pair: getattr(*pair)
    )


def _hypothesis_setup_hook() -> None:
    """
    Register a strategy for every public record and value type.

    Also for `Article`, `Corpus` and `Collection`.

    Called by Hypothesis through the entry point; safe to call again.
    """
    from hypothesis import strategies as st  # noqa: PLC0415

    from secretspeech._catalog import Collection  # noqa: PLC0415
    from secretspeech._corpus import Corpus  # noqa: PLC0415
    from secretspeech._dates import HistoricalDate  # noqa: PLC0415
    from secretspeech._model import (  # noqa: PLC0415
        SCHEMA,
        Article,
        Evidence,
        Quantity,
        Source,
    )

    # Each record type's strategy is named after its collection.
    for cls, name in (
        *((c.record_type, c.name) for c in SCHEMA),
        (Evidence, "evidence"),
        (HistoricalDate, "historical_dates"),
        (Quantity, "quantities"),
        (Source, "sources"),
        (Article, "articles"),
        (Corpus, "corpora"),
    ):
        st.register_type_strategy(cls, _resolver(name))
    st.register_type_strategy(Collection, _collections)
