"""
Benchmarks for the cost targets of the query layer.

Targets (issue 3): lookup by id or name costs the same whatever the size of
the data; indexed filters cost in proportion to their result, not to the
collection. Also: loading the bundled corpus stays small in time and memory.

The corpus is scaled by copying the bundled records under new ids (their
evidence still points into the same text, so every copy is valid). For each
size the best of several timed repeats is kept; the run fails if a query at
the largest size costs more than ``MAX_RATIO`` times what it costs at the
smallest, or if loading exceeds its budget.

Run: ``python benchmarks/bench_queries.py`` (prints a table; exit status 1
if a target is missed). Not part of the unit tests: timings depend on the
machine, so they are checked here and never in ``tests/``.
"""

from __future__ import annotations

import copy
import json
import sys
import timeit
import tracemalloc
from importlib import resources
from typing import Any

import secretspeech as ss
from secretspeech._load import parse_corpus


SIZES = (1, 10, 100)
MAX_RATIO = 3.0
LOAD_SECONDS = 1.0
LOAD_MEGABYTES = 30.0
# The fields that hold ids, from the schema (besides each record's own id).
ID_FIELDS = (
    "id",
    *dict.fromkeys(
        field
        for schema in ss.SCHEMA
        for field in schema.id_fields
        if field in schema.fields
    ),
)


def scaled(document: dict[str, Any], copies: int) -> dict[str, Any]:
    """Return *document* with every record repeated under new ids."""
    out = copy.deepcopy(document)
    kinds = [k for k in document if isinstance(document[k], list)]
    for kind in kinds:
        out[kind] = [
            renamed(record, n)
            for n in range(copies)
            for record in document[kind]
        ]
    return out


def renamed(record: dict[str, Any], n: int) -> dict[str, Any]:  # noqa: C901
    """Return a copy of *record* whose ids and names carry the suffix *n*."""
    if n == 0:
        return record
    r = copy.deepcopy(record)
    for field in ID_FIELDS:
        value = r.get(field)
        if isinstance(value, str) and value != "article":
            r[field] = f"{value}-{n}"
        elif isinstance(value, list):
            r[field] = [v if v == "article" else f"{v}-{n}" for v in value]
    for field in ("date",):
        if isinstance(r.get(field), dict) and r[field].get("relative_to"):
            rel = r[field]["relative_to"]
            r[field]["relative_to"] = rel if rel == "article" else f"{rel}-{n}"
    for d in r.get("also_dated", []):
        if d.get("relative_to") and d["relative_to"] != "article":
            d["relative_to"] = f"{d['relative_to']}-{n}"
    if "name" in r:
        r["name"] = f"{r['name']} {n}"
    if "aliases" in r:
        r["aliases"] = [f"{a} {n}" for a in r["aliases"]]
    return r


def best(statement: Any, number: int = 200, repeat: int = 7) -> float:
    """Return the best time per call of *statement*, in microseconds."""
    return (
        min(timeit.repeat(statement, number=number, repeat=repeat))
        / number
        * 1e6
    )


def main() -> int:
    """Print the table and return 1 if a target is missed."""
    data = resources.files("secretspeech") / "_data"
    document = json.loads((data / "corpus.json").read_text(encoding="utf-8"))
    text = (data / "article.txt").read_text(encoding="utf-8")

    tracemalloc.start()
    seconds = min(
        timeit.repeat(lambda: parse_corpus(document, text), number=1, repeat=3)
    )
    _, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    megabytes = peak / 2**20
    print(f"load bundled corpus: {seconds:.3f} s, peak {megabytes:.1f} MiB")
    failures = []
    if seconds > LOAD_SECONDS:
        failures.append(f"load took {seconds:.3f} s > {LOAD_SECONDS} s")
    if megabytes > LOAD_MEGABYTES:
        failures.append(
            f"load peaked at {megabytes:.1f} MiB > {LOAD_MEGABYTES}"
        )

    queries = {
        "events.get(id)": lambda c: c.events.get("hungarian-revolution"),
        "people.lookup(name)": lambda c: c.people.lookup("Nikita Khrushchev"),
        "corpus.get(id)": lambda c: c.get("war-dead"),
        "events.filter(at=…)": lambda c: c.events.filter(at="hungary"),
        "quotations.filter(by=…)": lambda c: c.quotations.filter(
            by="joseph-stalin"
        ),
        "involving(place)": lambda c: c.involving("mexico"),
    }
    timings: dict[str, list[float]] = {name: [] for name in queries}
    print(f"{'query':<26}" + "".join(f"{f'x{n}':>12}" for n in SIZES))
    for n in SIZES:
        corpus = (
            parse_corpus(scaled(document, n), text) if n > 1 else ss.corpus()
        )
        for name, query in queries.items():
            timings[name].append(best(lambda q=query, c=corpus: q(c)))
    for name, values in timings.items():
        print(f"{name:<26}" + "".join(f"{v:>10.2f}µs" for v in values))
        ratio = values[-1] / values[0]
        if ratio > MAX_RATIO:
            failures.append(
                f"{name}: x{SIZES[-1]} costs {ratio:.1f} times x{SIZES[0]}"
            )
    failures += module_access()
    for failure in failures:
        print(f"MISSED: {failure}", file=sys.stderr)
    return 1 if failures else 0


#: How much more ss.people.get may cost than get on a local name (issue 15).
MODULE_RATIO = 1.5


def module_access() -> list[str]:
    """Compare ``ss.people.get`` with ``people.get`` on a local name."""
    people = ss.people
    on_module = best(lambda: ss.people.get("joseph-stalin"), number=20_000)
    on_local = best(lambda: people.get("joseph-stalin"), number=20_000)
    ratio = on_module / on_local
    print(
        f"ss.people.get(id): {on_module:.3f} µs, {ratio:.2f}x a local "
        f"name's (target <= {MODULE_RATIO}x)"
    )
    if ratio > MODULE_RATIO:
        return [f"ss.people.get costs {ratio:.2f}x a local name's"]
    return []


if __name__ == "__main__":
    raise SystemExit(main())
