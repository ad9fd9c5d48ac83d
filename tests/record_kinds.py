"""Each kind of record, with its strategy, for tests over all of them."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

import secretspeech as ss
from secretspeech import strategies


if TYPE_CHECKING:
    from collections.abc import Callable

    from hypothesis.strategies import SearchStrategy


#: For each collection of a corpus: its record type and its strategy.
KINDS: dict[str, tuple[type[Any], Callable[..., SearchStrategy[Any]]]] = {
    "people": (ss.Person, strategies.people),
    "groups": (ss.Group, strategies.groups),
    "places": (ss.Place, strategies.places),
    "events": (ss.Event, strategies.events),
    "quotations": (ss.Quotation, strategies.quotations),
    "statistics": (ss.Statistic, strategies.statistics),
    "relations": (ss.Relation, strategies.relations),
    "notes": (ss.Note, strategies.notes),
}


def spans_of(record: object) -> tuple[ss.Evidence, ...]:
    """Return every span a record holds: its segments and its evidence."""
    segments: tuple[ss.Evidence, ...] = getattr(record, "segments", ())
    spans: tuple[ss.Evidence, ...] = getattr(record, "evidence")  # noqa: B009
    return segments + spans
