"""
Benchmarks: what bad input costs grows no faster than the input.

Targets (issue 12): each of these once grew with the square of its input,
and each must now grow in proportion to it (or stay bounded):

- loading a corpus whose people all share one name;
- splitting a paragraph of many short sentences into sentences;
- searching for one word repeated many times (which must also cost little
  more than reading the query's words: each word counts once);
- finding editorial insertions in a run of ``[`` with no ``]``.

For each, the input is timed at a size and at ``GROWTH`` times that size, in
the same run; the second may cost at most ``MAX_RATIO`` times the first
(``GROWTH`` itself for a linear cost, about ``GROWTH ** 2`` for a quadratic
one).  The ratios, not the seconds, are the targets.

Run: ``python benchmarks/bench_bad_input.py`` (prints a table; exit status 1
if a target is missed).
"""

from __future__ import annotations

import sys
import timeit
from collections.abc import Callable

import attrs

import secretspeech as ss
from secretspeech._text import sentence_spans, words


GROWTH = 4
#: A linear cost gives GROWTH; a quadratic one about GROWTH ** 2 = 16.
MAX_RATIO = 2.0 * GROWTH
#: A search may cost this many times the reading of its query's words.
MAX_QUERY_RATIO = 4.0


def loading(size: int) -> Callable[[], object]:
    """Index *size* people who share one name, as loading a corpus does."""
    stalin = ss.people.lookup("Stalin")
    people = [attrs.evolve(stalin, id=f"stalin-{n}") for n in range(size)]
    return lambda: ss.Collection(people)


def splitting(size: int) -> Callable[[], object]:
    """Split one paragraph of *size* short sentences."""
    text = "A b. " * size
    return lambda: sentence_spans(text)


def searching(size: int) -> Callable[[], object]:
    """Search the events for one word repeated *size* times."""
    query = "stalin " * size
    return lambda: ss.events.search(query)


def insertions(size: int) -> Callable[[], object]:
    """Find the insertions in a quotation of *size* "[" and no "]"."""
    text = "[" * size
    span = ss.Evidence.from_offsets(text, 0, size)
    quotation = ss.Quotation(
        id="brackets", segments=[span], kind="utterance", evidence=[span]
    )
    return lambda: quotation.insertions


#: Each case: its name, the size it starts at, and how to make a run.
CASES: tuple[tuple[str, int, Callable[[int], Callable[[], object]]], ...] = (
    ("index: people sharing a name", 5_000, loading),
    ("split: one long paragraph", 20_000, splitting),
    ("search: one word repeated", 5_000, searching),
    ("insertions: '[' without ']'", 20_000, insertions),
)


def best(run: Callable[[], object], repeat: int = 3) -> float:
    """Return the best time of *run*, in seconds."""
    return min(timeit.repeat(run, number=1, repeat=repeat))


def main() -> int:
    """Print the table and return 1 if a target is missed."""
    ss.corpus()  # loaded once, outside the timings
    failures = []
    print(f"{'case':<30}{'size':>8}{'time':>11}{f'x{GROWTH}':>11}{'ratio':>7}")
    for name, size, make in CASES:
        small = best(make(size))
        large = best(make(size * GROWTH))
        ratio = large / small
        print(
            f"{name:<30}{size:>8}{small * 1e3:>9.2f}ms"
            f"{large * 1e3:>9.2f}ms{ratio:>7.1f}"
        )
        if ratio > MAX_RATIO:
            failures.append(
                f"{name}: {GROWTH} times the input costs {ratio:.1f} times "
                f"as much (target at most {MAX_RATIO:.0f})"
            )
    # A long query costs what reading its words costs, and little more: each
    # word counts once, and only the first few.
    query = "stalin " * 20_000
    searched = best(lambda: ss.events.search(query))
    read = best(lambda: words(query))
    ratio = searched / read
    print(
        f"{'search: long query / its words':<30}{20_000:>8}"
        f"{searched * 1e3:>9.2f}ms{read * 1e3:>9.2f}ms{ratio:>7.1f}"
    )
    if ratio > MAX_QUERY_RATIO:
        failures.append(
            f"a long search costs {ratio:.1f} times reading its words "
            f"(target at most {MAX_QUERY_RATIO:.0f})"
        )
    for failure in failures:
        print(f"MISSED: {failure}", file=sys.stderr)
    return 1 if failures else 0


if __name__ == "__main__":
    raise SystemExit(main())
