"""
Print every number of the article as a table, with its hedge and bounds.

Usage::

    python examples/statistics_table.py

*value* is the figure given, if any; *low* and *high* are the least and the
most that the wording allows, a dash meaning that the wording leaves that
side open.
"""

from __future__ import annotations

import sys

import secretspeech as ss


COLUMNS = (
    "as written",
    "kind",
    "hedge",
    "value",
    "low",
    "high",
    "counting",
    "when",
)


def row(statistic: ss.Statistic) -> tuple[str, ...]:
    """Return the cells of one statistic."""
    q = statistic.quantity

    def number(value: int | None) -> str:
        return "-" if value is None else f"{value:,}"

    return (
        q.text,
        q.kind.value,
        q.hedge or "-",
        number(q.value),
        number(q.low),
        number(q.high),
        statistic.counting,
        statistic.date.text if statistic.date else "-",
    )


def main() -> int:
    """Print the table."""
    rows = [COLUMNS, *(row(s) for s in ss.statistics)]
    widths = [max(len(r[i]) for r in rows) for i in range(len(COLUMNS))]
    numeric = {COLUMNS.index(c) for c in ("value", "low", "high")}
    for n, cells in enumerate(rows):
        line = "  ".join(
            cell.rjust(w) if i in numeric and n else cell.ljust(w)
            for i, (cell, w) in enumerate(zip(cells, widths, strict=True))
        )
        print(line.rstrip())
        if n == 0:
            print("  ".join("-" * w for w in widths))
    return 0


if __name__ == "__main__":
    if sys.argv[1:]:
        # No arguments: anything given is a usage error, as secretspeech
        # treats one (exit status 2).
        print("usage: statistics_table.py", file=sys.stderr)
        sys.exit(2)
    sys.exit(main())
