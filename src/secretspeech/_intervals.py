"""
An index of dates by their possible days, for period queries.

`Intervals` answers the two questions that `Collection.filter` (``during=``,
``strict=``) and `Corpus.timeline` ask of a sequence of dates, in time
that grows with the logarithm of the sequence and the size of the answer:
which dates share a day with a period (`HistoricalDate.overlaps`), and
which lie inside it (`HistoricalDate.contains`).  Both methods read only
the two bounds of a date, so the index keeps only those, as day numbers
(`datetime.date.toordinal`); an open or unknown end is already the first
or last day a date can have.

The index is a centred interval tree laid out flat.  Its nodes are the
distinct first and last days of the dates, as a complete binary search
tree numbered in order from 1 (node *k* sits at the level of the lowest
set bit of *k*); each date hangs on the highest node whose day it
contains, which is the node of that run with the most trailing zero bits,
so no search is needed to place it.  The dates of each node are stored
twice, sorted by first day and by last day, and the nodes follow each other
in order in one array of each, so the dates of a run of nodes are one
slice.  A period from *lo* to *hi* is then answered by:

- every date of the nodes whose day lies in the period (one slice);
- on the search path of *lo*, the dates of each node before the period
  that last until *lo* (a suffix of its dates by last day);
- on the search path of *hi*, the dates of each node after the period that
  begin by *hi* (a prefix of its dates by first day).

No other node can hold a date that meets the period: a date that does not
contain the day of a node on the path to *lo* lies wholly on one side of
it.  The nodes on a path on one side of a day are found by bit steps (those
of a Fenwick tree), so the cost is the height of the tree plus the answer.
A date that lies inside the period hangs on a node inside it, and only the
nodes of the two paths can hold a date there that reaches out of the
period: `within` checks the dates of those nodes (at most two per level)
one by one and takes the others whole.
"""

from __future__ import annotations

import itertools
import operator
from array import array
from bisect import bisect_left, bisect_right
from typing import TYPE_CHECKING


if TYPE_CHECKING:
    import datetime as dt
    from collections.abc import Iterable, Iterator

    from secretspeech._dates import HistoricalDate


__all__ = ["Intervals"]

# Day numbers (1 to 3 652 059) and positions fit a C int: 4 bytes each.
_INT = "i"
# Later than any day: 2 ** 31 - 1.
_NEVER = 0x7FFFFFFF
# A node and a day in one sort key: day numbers are below 2 ** 22, and a
# float, unlike a big int, sorts by a fast path and holds 53 bits exactly.
_DAYS = float(1 << 22)


class Intervals:
    """
    The dates of a sequence, indexed by their first and last possible days.

    Entries that are `None` (records with no date) are left out; the
    answers are positions in the sequence, in no particular order.

    Args:
        dates: The dates, one per position, `None` where there is none.

    >>> from secretspeech._dates import HistoricalDate
    >>> from secretspeech._intervals import Intervals
    >>> edtfs = ("1956-02-25", None, "1950/1959", "../1939", "1957/..")
    >>> index = Intervals([e and HistoricalDate.coerce(e) for e in edtfs])
    >>> year = HistoricalDate.coerce(1956)
    >>> sorted(index.overlapping(year.earliest, year.latest))
    [0, 2]
    >>> sorted(index.within(year.earliest, year.latest))
    [0]
    """

    __slots__ = (
        "_by_first",
        "_by_last",
        "_centres",
        "_firsts",
        "_lasts",
        "_offsets",
    )

    def __init__(self, dates: Iterable[HistoricalDate | None]) -> None:
        positions = []
        firsts = []
        lasts = []
        for pos, date in enumerate(dates):
            if date is not None:
                positions.append(pos)
                firsts.append(date.earliest.toordinal())
                lasts.append(date.latest.toordinal())
        # The nodes' days: every first and last day, so that both ends of a
        # date are found by a dictionary rather than a search.
        centres = sorted({*firsts, *lasts})
        rank = {day: number for number, day in enumerate(centres)}
        highs = [rank[last] + 1 for last in lasts]
        # A date's nodes are those after rank[first] up to rank[last] + 1,
        # numbered in order from 1; the highest of them has the most
        # trailing zero bits: the last with the bits below the first bit
        # where it differs from rank[first] cleared.
        nodes = [
            high >> (shift := (rank[first] ^ high).bit_length() - 1) << shift
            for first, high in zip(firsts, highs, strict=True)
        ]
        counts = [0] * (len(centres) + 1)
        for node in nodes:
            counts[node] += 1
        self._centres = array(_INT, centres)
        self._offsets = array(_INT, itertools.accumulate(counts))
        self._firsts, self._by_first = _sorted(nodes, firsts, positions)
        self._lasts, self._by_last = _sorted(nodes, lasts, positions)
        # After the last date, a first day no period reaches and a last day
        # before every period: see _reaching and _begun.
        self._firsts.append(_NEVER)
        self._lasts.append(0)

    def __len__(self) -> int:
        return len(self._by_first)

    def overlapping(self, first: dt.date, last: dt.date) -> list[int]:
        """
        Return the positions of the dates that share a day with a period.

        The same dates as `HistoricalDate.overlaps` keeps: each begins on
        *last* or earlier and ends on *first* or later.

        Args:
            first: The first day of the period.
            last: The last day of the period.

        Returns:
            The positions, in no particular order.
        """
        lo, hi = first.toordinal(), last.toordinal()
        centres, offsets = self._centres, self._offsets
        start, stop = bisect_left(centres, lo), bisect_right(centres, hi)
        by_first, by_last = self._by_first, self._by_last
        found = list(by_first[offsets[start] : offsets[stop]])
        for begin, end in self._reaching(start, lo):
            found += by_last[begin:end]
        for begin, end in self._begun(stop, hi):
            found += by_first[begin:end]
        return found

    def _reaching(self, start: int, lo: int) -> Iterator[tuple[int, int]]:
        """
        Find the dates of nodes before *lo* that last until *lo*.

        Only the nodes on the search path of *lo* can hold them: in the
        order of the nodes, *start* and the nodes left when its lowest set
        bits are cleared one by one.  Yields a run of ``_by_last`` for each
        node that has some.
        """
        offsets, lasts = self._offsets, self._lasts
        node = start
        while node:
            end = offsets[node]
            # The node's latest day; for an empty node another node's (or
            # the 0 after the last date), which costs a search for nothing.
            if lasts[end - 1] >= lo:
                yield bisect_left(lasts, lo, offsets[node - 1], end), end
            node &= node - 1

    def _begun(self, stop: int, hi: int) -> Iterator[tuple[int, int]]:
        """
        Find the dates of nodes after *hi* that begin by *hi*.

        As `_reaching`, on the other side: *stop* + 1 and the nodes reached
        by adding its lowest set bit, again and again.  Yields a run of
        ``_by_first`` for each node that has some.
        """
        offsets, firsts = self._offsets, self._firsts
        node, size = stop + 1, len(self._centres)
        while node <= size:
            begin = offsets[node - 1]
            # As in _reaching: the _NEVER after the last date stops nothing.
            if firsts[begin] <= hi:
                yield begin, bisect_right(firsts, hi, begin, offsets[node])
            node += node & -node

    def within(self, first: dt.date, last: dt.date) -> list[int]:
        """
        Return the positions of the dates that lie inside a period.

        The same dates as `HistoricalDate.contains` keeps: each begins on
        *first* or later and ends on *last* or earlier.

        Args:
            first: The first day of the period.
            last: The last day of the period.

        Returns:
            The positions, in no particular order.
        """
        lo, hi = first.toordinal(), last.toordinal()
        centres, offsets = self._centres, self._offsets
        start, stop = bisect_left(centres, lo), bisect_right(centres, hi)
        # Of the nodes inside the period, only those on the search paths of
        # lo and hi hold dates that reach out of it.
        edges = set()
        node = start + 1
        while node <= stop:
            edges.add(node)
            node += node & -node
        node = stop
        while node > start:
            edges.add(node)
            node &= node - 1
        firsts, by_first = self._firsts, self._by_first
        lasts, by_last = self._lasts, self._by_last
        found: list[int] = []
        done = offsets[start]
        for node in sorted(edges):
            begin, end = offsets[node - 1], offsets[node]
            found += by_first[done:begin]
            ending = set(by_last[begin : bisect_right(lasts, hi, begin, end)])
            found += (
                pos
                for pos in by_first[bisect_left(firsts, lo, begin, end) : end]
                if pos in ending
            )
            done = end
        found += by_first[done : offsets[stop]]
        return found

    def most(self, first: dt.date, last: dt.date, *, strict: bool) -> int:
        """
        Bound the number of dates that `overlapping` or `within` returns.

        Exact for `overlapping`; for `within`, the number of dates of the
        nodes inside the period, which all overlap it.  Costs a search, not
        a pass over the answer.

        Args:
            first: The first day of the period.
            last: The last day of the period.
            strict: Bound `within` rather than `overlapping`.

        Returns:
            The number of dates, or for *strict* at least that many.
        """
        lo, hi = first.toordinal(), last.toordinal()
        centres, offsets = self._centres, self._offsets
        start, stop = bisect_left(centres, lo), bisect_right(centres, hi)
        count = offsets[stop] - offsets[start]
        if not strict:
            for begin, end in (
                *self._reaching(start, lo),
                *self._begun(stop, hi),
            ):
                count += end - begin
        return count


def _sorted(
    nodes: list[int], days: list[int], positions: list[int]
) -> tuple[array[int], array[int]]:
    """Return *days* and *positions* by node, then day, then position."""
    keys = [node * _DAYS + day for node, day in zip(nodes, days, strict=True)]
    # Stable, and the positions come in order.
    order = sorted(range(len(keys)), key=keys.__getitem__)
    if len(order) < 2:
        # An itemgetter of one item returns it bare, and of none refuses.
        return array(_INT, days), array(_INT, positions)
    pick = operator.itemgetter(*order)
    return array(_INT, pick(days)), array(_INT, pick(positions))
