"""
Fuzz counts: how many broken corpus documents load, and how many are refused.

This runs what ``tests/test_fuzz.py`` runs, at any size, and prints what
the tests only assert: how many single changes the deterministic sweep
made and how each ended, and how many documents and JSON texts the fuzz
drew and how each ended. Every document must load (and save and load
again unchanged) or be refused with an `InvalidCorpusError` that names
the record; any other ending is a failure, printed, and the exit status
is 1.

Run from the repository, with the test dependencies installed::

    python scripts/fuzz.py                      # the ci profile's sizes
    python scripts/fuzz.py --examples 4000 --texts 1000 --every 1

``--every K`` sweeps every K-th record of each collection as well as the
samples (``--every 0``: the samples only); ``--no-shapes`` leaves the
samples out. ``--seed`` fixes what the fuzz draws.
"""

from __future__ import annotations

import argparse
import collections
import sys
from collections.abc import Callable, Iterator, Sequence
from pathlib import Path
from typing import Any


ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tests"))

import hypothesis  # noqa: E402 -- after the path to the tests
from hypothesis import HealthCheck, given, settings  # noqa: E402
from hypothesis import strategies as st  # noqa: E402

import test_fuzz as fuzz  # noqa: E402


#: How a document ended: loaded, refused by name, or a failure.
LOADED, REFUSED, FAILED = "loaded", "refused", "failed"


def swept(every: int, shapes: bool) -> Iterator[tuple[str, str, str]]:
    """
    Make the sweep's single changes; yield (where, change, ending) of each.

    The changes are those of ``TestSweep`` (each shape of `LOADS`) and of
    ``test_every_record`` (every *every*-th record of each collection).
    """
    places: list[tuple[str, Any, Callable[[str, str], bool], dict[str, Any]]]
    places = []
    if shapes:
        places += [(shape, *fuzz.place(shape)) for shape in sorted(fuzz.LOADS)]
    for name in fuzz.COLLECTIONS if every else ():
        for record in fuzz.bundled()[name][::every]:
            document = fuzz.sample_of((record["id"],))
            index = fuzz.position(document, name, record["id"])
            names = fuzz.names_record(name, record["id"], document)
            places.append((f"{name}[{index}]", (name, index), names, document))
    for where, path, names, document in places:
        for change, changed in fuzz.single_changes(document, path):
            try:
                error = fuzz.outcome(changed)
            except Exception as e:  # noqa: BLE001 -- any other ending fails
                yield where, change, f"{FAILED}: {type(e).__name__}: {e}"
                continue
            if error is None:
                yield where, change, LOADED
            elif names(change, str(error)):
                yield where, change, REFUSED
            else:
                yield where, change, f"{FAILED}: {error}"


def drawn(
    strategy: st.SearchStrategy[Any], examples: int, seed: int
) -> collections.Counter[str]:
    """Parse *examples* documents that *strategy* draws; count the endings."""
    endings: collections.Counter[str] = collections.Counter()

    @hypothesis.seed(seed)
    @settings(
        max_examples=examples,
        database=None,
        deadline=None,
        phases=[hypothesis.Phase.generate],
        suppress_health_check=list(HealthCheck),
    )
    @given(strategy)
    def parse(document: Any) -> None:
        try:
            loaded = fuzz.loads_or_is_refused(document)
        except Exception as e:  # noqa: BLE001 -- any other ending fails
            endings[f"{FAILED}: {type(e).__name__}: {e}"] += 1
        else:
            endings[LOADED if loaded else REFUSED] += 1

    parse()
    return endings


def ended(endings: collections.Counter[str]) -> str:
    """Say how many of a count loaded, were refused and failed."""
    failed = sum(n for k, n in endings.items() if k.startswith(FAILED))
    return (
        f"{sum(endings.values()):>6,} in all: {endings[LOADED]:>6,} loaded, "
        f"{endings[REFUSED]:>6,} refused by name, {failed:,} failed"
    )


def main(argv: Sequence[str] | None = None) -> int:
    """Run the sweep and the fuzz, print the counts, and return 0 or 1."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[1])
    parser.add_argument("--examples", type=int, default=fuzz.EXAMPLES)
    parser.add_argument("--texts", type=int, default=fuzz.EXAMPLES // 4)
    parser.add_argument("--every", type=int, default=fuzz.EVERY)
    parser.add_argument("--no-shapes", action="store_true")
    parser.add_argument("--seed", type=int, default=0)
    options = parser.parse_args(argv)

    sweep: collections.Counter[str] = collections.Counter()
    failures: list[str] = []
    for where, change, ending in swept(options.every, not options.no_shapes):
        sweep[ending if not ending.startswith(FAILED) else FAILED] += 1
        if ending.startswith(FAILED):
            failures.append(f"sweep {where} {change}: {ending}")
    documents = drawn(fuzz.broken_documents(), options.examples, options.seed)
    texts = drawn(fuzz.broken_texts(), options.texts, options.seed)
    for endings in (documents, texts):
        failures += [k for k in endings if k.startswith(FAILED)]

    print(f"sweep of single changes   {ended(sweep)}")
    print(f"fuzz of changed documents {ended(documents)}")
    print(f"fuzz of damaged JSON      {ended(texts)}")
    for failure in failures:
        print(failure[:500])
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
