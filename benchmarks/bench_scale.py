"""
Benchmarks at scale: the library against SQLite and a plain scan (issue 15).

For each size (10^3 and 10^4 records with ``--short``, also 10^5 in the
full run) a corpus is generated (``_generate.py``: varied names and texts,
dates across ten centuries, and the same probe records at every size, so
that each query's answer is the same size at every size) and then, in the
same run:

- loaded by the library (timed without tracemalloc, with the garbage
  collector on, as a user loads it, alone and with the first lookup by
  name, which builds the index of names), into SQLite with its indexes,
  and by ``json.loads`` alone, each with the run's own objects frozen
  out of the collector's view (`timed_once`); the memory the library
  keeps per record is measured apart, under tracemalloc, after the load
  and again with every index built;
- asked every question of ``_queries.py`` three ways: get, lookup, a
  lookup that misses, search, a search that misses, every `filter`
  criterion of every collection, the date filters, a timeline window,
  `involving` and `causes`; each the best of several repeats.

It also times start-up in fresh subprocesses against ``import attrs`` and
pycountry (best of several alternating runs, on a compiled copy of the
package), module-level access against a local name
(``bench_queries.module_access``) and every search on the bundled data.

Each target is printed beside its value, ``met`` or ``MISSED``.  The
ratios and growths are measured in one run, so they hold on any machine;
the absolute targets (microseconds, seconds, bytes) are printed in the full
run.  With ``--short`` (CI) the exit status is 1 only if a ratio or growth
target is missed, never for seconds; the full run's is 1 if any is.

Run: ``python benchmarks/bench_scale.py [--short] [--write-docs]``.
``--write-docs`` (with the full run) writes the table
(``docs/assets/performance-table.md.txt``, for a page to include with
``--8<--``) and the plot (``docs/assets/performance.svg``).
"""

from __future__ import annotations

import argparse
import compileall
import gc
import importlib.util
import itertools
import json
import math
import os
import shutil
import sqlite3
import subprocess
import sys
import tempfile
import time
import timeit
import tracemalloc
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from _generate import COLLECTIONS, Generated, generate
from _queries import Database, Scan, answer, questions
from bench_queries import MODULE_RATIO, module_access

import secretspeech as ss
from secretspeech._catalog import base_of
from secretspeech._load import parse_corpus


SHORT = (1_000, 10_000)
FULL = (1_000, 10_000, 100_000)
#: An indexed query may cost this many times more at ten times the records.
MAX_GROWTH = 3.0
#: A date query may cost this many times what SQLite's does, same data.
MAX_DATE_RATIO = 3.0
#: Loading may cost this many times more per record at the largest size.
MAX_LOAD_GROWTH = 1.5
#: ``import secretspeech`` against ``import attrs``.
IMPORT_RATIO = 1.25
#: Import and first lookup against pycountry's.
FIRST_LOOKUP_RATIO = 1.0
#: Not met (issue 15): importing attrs alone costs about two thirds of
#: pycountry's import and lookup, and attrs making our record types brings
#: it past pycountry's before any data is read (the run prints both). The
#: full run holds it; CI does not, so that what is met stays held.
FIRST_LOOKUP_OPEN = "issue 15"
#: Absolute targets, printed in the full run.
BUNDLED_SEARCH_US = 100.0
MISS_AT_SCALE_MS = 2.0
LOAD_SECONDS = 2.0
LOAD_BYTES_PER_RECORD = 1536
#: The size the absolute targets are measured at.
SCALE = 100_000

ROOT = Path(__file__).resolve().parent.parent
TABLE = ROOT / "docs" / "assets" / "performance-table.md.txt"
PLOT = ROOT / "docs" / "assets" / "performance.svg"

#: Searches on the bundled data: names, misspellings, words, numbers, a
#: phrase, a miss and a long repeated query; and the costliest kinds a
#: user types: common words, which are in most records, and a sentence.
BUNDLED_SEARCHES = (
    "Kruschev",
    "the secret speach",
    "Stalin",
    "Hungary",
    "famine",
    "revolution of 1917",
    "blind kittens",
    "as many as 29 million",
    "Trotsky killed in Mexico",
    "death warrants",
    "zzyzx",
    "stalin " * 50,
    "the",
    "the of and a in",
    "Stalin Khrushchev Trotsky Bukharin Lenin",
    "Khrushchev denounced Stalin at the twentieth party congress in 1956",
)


@dataclass
class Target:
    """One target: what is measured, its value, its limit, if a ratio."""

    what: str
    value: float
    limit: float
    unit: str
    ratio: bool
    #: Why a missed ratio is not held by the short (CI) run, if it is not:
    #: a target the open issue says is not met yet. The full run holds it.
    open: str = ""

    @property
    def met(self) -> bool:
        """Whether the value is within the limit."""
        return self.value <= self.limit

    def line(self) -> str:
        """Return the line the benchmark prints."""
        verdict = "met   " if self.met else "MISSED"
        kind = "ratio" if self.ratio else "absolute"
        if self.open and not self.met:
            kind += f"; open, not held by --short: {self.open}"
        # Three figures, but a thousand µs is 1050, not 1.05e+03.
        value = f"{float(f'{self.value:.3g}'):,.{_decimals(self.value)}f}"
        return (
            f"{verdict} {self.what}: {value}{self.unit} "
            f"(target <= {self.limit:g}{self.unit}, {kind})"
        )


def _decimals(value: float) -> int:
    """Return how many decimals show *value* to three figures."""
    if value == 0 or not math.isfinite(value):
        return 0
    return max(0, 2 - math.floor(math.log10(abs(value))))


@dataclass
class Sizes:
    """What one size measured."""

    size: int
    load: tuple[float, float, float]  # library, SQLite, json.loads: seconds
    #: Load and the first lookup by name, which builds its index: seconds.
    first_lookup: float
    bytes_per_record: float
    #: What the corpus keeps once every query has built its index.
    indexed_per_record: float
    peak_per_record: float
    sqlite_bytes_per_record: float
    # Per question: (library, SQLite, scan) seconds per call, answer size.
    costs: dict[str, tuple[float, float, float]] = field(default_factory=dict)
    answers: dict[str, int] = field(default_factory=dict)


class Cell:
    """
    One call timed again and again: its best time per call, in seconds.

    The number of calls per sample is set once, so that a sample takes a
    few milliseconds; the samples of every size and column of a question
    are taken in turn, so that a slow moment of the machine falls on all
    of them alike instead of on one size.
    """

    def __init__(self, call: Callable[[], object]) -> None:
        """Time *call* once, as many times as a sample takes."""
        self.timer = timeit.Timer(call)
        self.number = 1
        while True:
            took = self.timer.timeit(self.number)
            if took >= 0.005 or self.number >= 100_000:
                break
            self.number *= 10 if took < 0.0005 else 2
        self.samples = 1
        self.best = took / self.number

    def sample(self, most: int) -> None:
        """Take one more sample, unless a slow call has had two of *most*."""
        if self.samples >= (2 if self.best > 0.25 else most):
            return
        self.samples += 1
        self.best = min(
            self.best, self.timer.timeit(self.number) / self.number
        )


def best(call: Callable[[], object], *, repeat: int = 5) -> float:
    """Return the best time of *call*, in seconds, over a few samples."""
    cell = Cell(call)
    for _ in range(repeat):
        cell.sample(repeat)
    return cell.best


def timed_once(call: Callable[[], object]) -> float:
    """
    Return how long one *call* takes, garbage collector on.

    What the run itself holds (the generated documents, the other sizes'
    corpora and databases: at 10^5 about a million objects) is frozen out
    of the collector's view first (`gc.freeze`), as in a program that
    loads its corpus at start: the call pays for collecting what it makes,
    never for scanning the benchmark's own objects again and again.
    """
    gc.collect()
    gc.freeze()
    try:
        start = time.perf_counter()
        call()
        return time.perf_counter() - start
    finally:
        gc.unfreeze()


@dataclass
class Loaded:
    """One size, loaded three ways, with what loading it measured."""

    generated: Generated
    corpus: ss.Corpus
    database: Database
    scan: Scan
    result: Sizes


def load(generated: Generated) -> Loaded:
    """Load *generated* three ways, timing each and the library's memory."""
    size = generated.size
    document = json.dumps(generated.document, ensure_ascii=False)
    text = generated.text

    def parse() -> ss.Corpus:
        return parse_corpus(document, text, max_length=len(document))

    name = generated.probes.person_name

    def parse_and_look_up() -> ss.Person:
        return parse().people.lookup(name)

    # A load at 10^5 takes seconds: two of them, and three of the others.
    loads = 2 if size >= SCALE else 3
    library = min(timed_once(parse) for _ in range(loads))
    first = min(timed_once(parse_and_look_up) for _ in range(loads))
    sqlite = min(timed_once(lambda: Database(document)) for _ in range(loads))
    plain = min(timed_once(lambda: json.loads(document)) for _ in range(loads))

    gc.collect()
    tracemalloc.start()
    before = tracemalloc.get_traced_memory()[0]
    corpus = parse()
    gc.collect()
    kept, peak = tracemalloc.get_traced_memory()
    build_every_index(corpus)
    gc.collect()
    indexed = tracemalloc.get_traced_memory()[0]
    tracemalloc.stop()

    records = {name: tuple(getattr(corpus, name)) for name in COLLECTIONS}
    database = Database(generated.document, records)
    pages = database.db.execute("PRAGMA page_count").fetchone()[0]
    page = database.db.execute("PRAGMA page_size").fetchone()[0]
    return Loaded(
        generated,
        corpus,
        database,
        Scan(generated.document, corpus),
        Sizes(
            size,
            (library, sqlite, plain),
            first,
            (kept - before) / size,
            (indexed - before) / size,
            (peak - before) / size,
            pages * page / size,
        ),
    )


def build_every_index(corpus: ss.Corpus) -> None:
    """
    Build every index a query builds on first use (the search's apart).

    A loaded corpus builds only its index by id; each other index is built
    by the first query that reads it.  This builds them all, so that the
    memory of a corpus that has answered every kind of query is measured.
    """
    for name in COLLECTIONS:
        base = base_of(getattr(corpus, name))
        for index in ("by_key", "indexes", "dates"):
            getattr(base, index)
    index = corpus._index  # noqa: SLF001 -- the benchmark measures it
    for built in ("referrers", "relations_of", "timeline"):
        getattr(index, built)


def ask(loaded: Sequence[Loaded], *, repeat: int) -> None:
    """Time every question at every size, three ways, samples in turn."""
    for question in questions(loaded[0].generated.probes):
        cells = []
        for one in loaded:
            one.result.answers[question.name] = len(
                answer(question.library(one.corpus))
            )
            cells.append(
                (
                    Cell(lambda q=question, c=one.corpus: q.library(c)),
                    Cell(lambda q=question, d=one.database: q.sqlite(d)),
                    Cell(lambda q=question, s=one.scan: q.scan(s)),
                )
            )
        for _ in range(repeat - 1):
            for three in cells:
                for cell in three:
                    cell.sample(repeat)
        for one, (library, sqlite, scan) in zip(loaded, cells, strict=True):
            one.result.costs[question.name] = (
                library.best,
                sqlite.best,
                scan.best,
            )


# -- start-up ---------------------------------------------------------------

_TIMED = (
    "import time; t = time.perf_counter(); {}; print(time.perf_counter() - t)"
)
_STARTUP = {
    "import attrs": "import attrs",
    "import secretspeech": "import secretspeech",
    "pycountry: import + lookup": (
        "import pycountry; pycountry.countries.lookup('France')"
    ),
    "secretspeech: import + lookup": (
        "import secretspeech as ss; ss.people.lookup('Stalin')"
    ),
    # Where that goes: attrs, then attrs making our record types (before
    # any data), then the bundled data.
    "secretspeech: record types": "import secretspeech._model",
    "secretspeech: import + corpus()": (
        "import secretspeech as ss; ss.corpus()"
    ),
}


def startup(runs: int) -> dict[str, float]:
    """
    Time each start-up of `_STARTUP` in fresh interpreters, best of *runs*.

    The package is copied and compiled to bytecode first (this environment
    may forbid writing bytecode), and the runs alternate, so that a slow
    moment of the machine falls on every case alike.
    """
    package = Path(ss.__file__).parent
    with tempfile.TemporaryDirectory() as tmp:
        shutil.copytree(
            package,
            Path(tmp) / "secretspeech",
            ignore=shutil.ignore_patterns("__pycache__"),
        )
        compileall.compile_dir(Path(tmp) / "secretspeech", quiet=1)
        env = {**os.environ, "PYTHONPATH": tmp}

        def run(code: str) -> str:
            done = subprocess.run(  # noqa: S603 -- our own interpreter and code
                [sys.executable, "-c", code],
                env=env,
                capture_output=True,
                text=True,
                check=True,
            )
            return done.stdout.strip()

        where = run("import secretspeech; print(secretspeech.__file__)")
        if not where.startswith(tmp):
            msg = f"the start-up runs imported {where}, not the copy"
            raise RuntimeError(msg)
        found = dict.fromkeys(_STARTUP, math.inf)
        for _ in range(runs):
            for name, snippet in _STARTUP.items():
                found[name] = min(
                    found[name], float(run(_TIMED.format(snippet)))
                )
    return found


# -- the report ---------------------------------------------------------------


def shown(seconds: float) -> str:
    """Return a time in µs, ms or s, three figures."""
    if seconds >= 1:
        return f"{seconds:.3g} s"
    if seconds >= 1e-3:
        return f"{seconds * 1e3:.3g} ms"
    return f"{seconds * 1e6:.3g} µs"


def power(size: int) -> str:
    """Return 10ⁿ for a power of ten, else the number."""
    exponent = round(math.log10(size))
    if 10**exponent == size:
        return "10" + str(exponent).translate(
            str.maketrans("0123456789", "⁰¹²³⁴⁵⁶⁷⁸⁹")
        )
    return f"{size:,}"


def table(results: Sequence[Sizes]) -> list[str]:
    """Return the Markdown table of every question and of loading."""
    sizes = [power(r.size) for r in results]
    last = results[-1]
    head = [
        "query",
        "answer",
        *(f"{s}" for s in sizes),
        f"SQLite {sizes[-1]}",
        f"scan {sizes[-1]}",
        "growth",
    ]
    lines = [
        "| " + " | ".join(head) + " |",
        "|" + "|".join(["---", *["---:"] * (len(head) - 1)]) + "|",
    ]
    for name, (_, sql, scan) in last.costs.items():
        library = [r.costs[name][0] for r in results]
        growth = max(b / a for a, b in itertools.pairwise(library))
        lines.append(
            f"| `{name}` | {last.answers[name]} | "
            + " | ".join(shown(v) for v in library)
            + f" | {shown(sql)} | {shown(scan)} | {growth:.2g}× |"
        )
    loads = [r.load[0] for r in results]
    per = [r.load[0] / r.size for r in results]
    growth = max(b / a for a, b in itertools.pairwise(per))
    lines.append(
        "| load (JSON text to corpus) | all | "
        + " | ".join(shown(v) for v in loads)
        + f" | {shown(last.load[1])} | {shown(last.load[2])} | "
        f"{growth:.2g}× per record |"
    )
    firsts = [r.first_lookup for r in results]
    per = [r.first_lookup / r.size for r in results]
    growth = max(b / a for a, b in itertools.pairwise(per))
    lines.append(
        "| load and the first lookup by name | 1 | "
        + " | ".join(shown(v) for v in firsts)
        + f" | | | {growth:.2g}× per record |"
    )
    lines.append(
        "| memory kept per record | | "
        + " | ".join(f"{r.bytes_per_record:,.0f} B" for r in results)
        + f" | {last.sqlite_bytes_per_record:,.0f} B | | |"
    )
    lines.append(
        "| memory kept per record, every index built | | "
        + " | ".join(f"{r.indexed_per_record:,.0f} B" for r in results)
        + " | | | |"
    )
    return lines


def notes(results: Sequence[Sizes]) -> list[str]:
    """Return the lines under the table that say how to read it."""
    return [
        "",
        (
            "Library cost per call at each size; SQLite (in memory, "
            "indexed) and a plain scan of the records at "
            f"{power(results[-1].size)}, the same records, the same run. "
            "*answer*: how many records the query finds, the same at every "
            "size; *growth*: the most the library's "
            "cost grows from one size to the next (ten times the records). "
            "Load: the scan column is `json.loads` of the document alone; "
            "a load builds the index by id, and each other index is built "
            "by the first query that reads it, so the first lookup by name "
            "is timed with the load too. Memory: what the loaded corpus "
            "keeps (tracemalloc), against the SQLite database's pages, and "
            "what it keeps once every index but the search's is built. "
            "Measured by `benchmarks/bench_scale.py` "
            f"on Python {sys.version.split()[0]}, SQLite "
            f"{sqlite3.sqlite_version}."
        ),
    ]


def targets(
    results: Sequence[Sizes],
    boot: dict[str, float] | None,
    bundled: dict[str, float],
    dated: frozenset[str],
) -> list[Target]:
    """Return every target with its measured value."""
    found: list[Target] = []
    for small, large in itertools.pairwise(results):
        step = f"{power(large.size)} vs {power(small.size)}"
        for name, costs in large.costs.items():
            found.append(
                Target(
                    f"{name} growth {step}",
                    costs[0] / small.costs[name][0],
                    MAX_GROWTH,
                    "x",
                    ratio=True,
                )
            )
    last = results[-1]
    for name in last.costs:
        if name in dated:
            lib, sql, _ = last.costs[name]
            found.append(
                Target(
                    f"{name} vs SQLite at {power(last.size)}",
                    lib / sql,
                    MAX_DATE_RATIO,
                    "x",
                    ratio=True,
                )
            )
    first = results[0]
    found.append(
        Target(
            f"load per record, {power(last.size)} vs {power(first.size)}",
            (last.load[0] / last.size) / (first.load[0] / first.size),
            MAX_LOAD_GROWTH,
            "x",
            ratio=True,
        )
    )
    found.append(
        Target(
            f"load and first lookup per record, {power(last.size)} vs "
            f"{power(first.size)}",
            (last.first_lookup / last.size)
            / (first.first_lookup / first.size),
            MAX_LOAD_GROWTH,
            "x",
            ratio=True,
        )
    )
    if boot is not None:
        found.append(
            Target(
                "import secretspeech vs import attrs",
                boot["import secretspeech"] / boot["import attrs"],
                IMPORT_RATIO,
                "x",
                ratio=True,
            )
        )
        found.append(
            Target(
                "import + ss.people.lookup('Stalin') vs pycountry's "
                "import + countries.lookup('France')",
                boot["secretspeech: import + lookup"]
                / boot["pycountry: import + lookup"],
                FIRST_LOOKUP_RATIO,
                "x",
                ratio=True,
                open=FIRST_LOOKUP_OPEN,
            )
        )
    worst = max(bundled, key=bundled.__getitem__)
    found.append(
        Target(
            f"slowest search on the bundled data ({worst.strip()[:20]!r})",
            bundled[worst] * 1e6,
            BUNDLED_SEARCH_US,
            " µs",
            ratio=False,
        )
    )
    at_scale = [r for r in results if r.size >= SCALE]
    if at_scale:
        big = at_scale[0]
        found.extend(
            Target(
                f"{name} at {power(big.size)}",
                big.costs[name][0] * 1e3,
                MISS_AT_SCALE_MS,
                " ms",
                ratio=False,
            )
            for name in (
                "search(word)",
                "search(word) miss",
                "lookup(name) miss",
            )
        )
        found.append(
            Target(
                f"load at {power(big.size)}",
                big.load[0],
                LOAD_SECONDS,
                " s",
                ratio=False,
            )
        )
        found.append(
            Target(
                f"memory kept per record at {power(big.size)}",
                big.bytes_per_record,
                LOAD_BYTES_PER_RECORD,
                " B",
                ratio=False,
            )
        )
    return found


def plot(results: Sequence[Sizes], dated: frozenset[str], path: Path) -> None:
    """Draw the library's cost against size, log-log, a line per query."""
    import matplotlib as mpl  # noqa: PLC0415 -- only for --write-docs

    mpl.use("Agg")
    from matplotlib.figure import Figure  # noqa: PLC0415 -- as above
    from matplotlib.lines import Line2D  # noqa: PLC0415 -- as above

    groups = {
        "get, lookup, search": "#c62828",
        "filter": "#1565c0",
        "dates": "#2e7d32",
        "involving, causes": "#6a1b9a",
    }

    def group(name: str) -> str:
        if name in dated:
            return "dates"
        if ".filter(" in name:
            return "filter"
        if name.startswith(("involving", "causes")):
            return "involving, causes"
        return "get, lookup, search"

    sizes = [r.size for r in results]
    rc = {
        "svg.hashsalt": "secretspeech",
        "svg.fonttype": "path",
        "font.family": "DejaVu Sans",
        "font.size": 9.0,
    }
    with mpl.rc_context(rc):
        # Constrained: the legend sits below the axes, on no line.
        fig = Figure(
            figsize=(7.1, 5.0), facecolor="#ffffff", layout="constrained"
        )
        ax = fig.add_subplot()
        for name in results[-1].costs:
            ax.plot(
                sizes,
                [r.costs[name][0] * 1e6 for r in results],
                color=groups[group(name)],
                linewidth=1.0,
                alpha=0.75,
                marker="o",
                markersize=2.5,
            )
        low = min(r.costs[n][0] for r in results for n in r.costs) * 1e6
        ax.plot(
            sizes,
            [low * s / sizes[0] for s in sizes],
            color="#90a4ae",
            linestyle=(0, (4, 3)),
            linewidth=1.0,
        )
        ax.set_xscale("log")
        ax.set_yscale("log")
        ax.set_xticks(sizes, [f"{s:,}" for s in sizes])
        ax.set_xlabel("records in the corpus")
        ax.set_ylabel("cost per call (µs)")
        ax.set_title("Cost of each query against the size of the corpus")
        ax.grid(visible=True, which="major", color="#dfe5e8", linewidth=0.6)
        handles = [
            Line2D([], [], color=colour, label=label)
            for label, colour in groups.items()
        ]
        handles.append(
            Line2D(
                [],
                [],
                color="#90a4ae",
                linestyle=(0, (4, 3)),
                label="in proportion to the records",
            )
        )
        fig.legend(
            handles=handles,
            loc="outside lower center",
            ncols=3,
            fontsize=8.5,
            frameon=False,
        )
        # No date and no creator's address: the same data, the same file.
        fig.savefig(
            path,
            format=path.suffix.removeprefix(".") or "svg",
            metadata={"Date": None, "Creator": None}
            if path.suffix == ".svg"
            else {},
        )


def held(found: Sequence[Target], *, short: bool) -> list[Target]:
    """
    Return the missed targets a run holds.

    A short run holds the ratios, less those still open; the full run
    holds every target.
    """
    return [
        t
        for t in found
        if not t.met and (not short or (t.ratio and not t.open))
    ]


def main(argv: Sequence[str] | None = None) -> int:
    """Run the benchmark, print the table and the targets; 1 if missed."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument(
        "--short", action="store_true", help="10^3 and 10^4 records (CI)"
    )
    parser.add_argument(
        "--write-docs",
        action="store_true",
        help="write the table and the plot into docs/assets/",
    )
    parser.add_argument(
        "--sizes",
        type=int,
        nargs="+",
        help="the sizes to measure (default: 10^3 10^4 [10^5])",
    )
    args = parser.parse_args(argv)
    sizes = args.sizes or (SHORT if args.short else FULL)
    repeat = 7

    loaded = []
    for size in sizes:
        started = time.perf_counter()
        loaded.append(load(generate(size)))
        print(
            f"generated and loaded {power(size)} records in "
            f"{time.perf_counter() - started:.0f} s",
            file=sys.stderr,
        )
    started = time.perf_counter()
    ask(loaded, repeat=repeat)
    print(
        f"asked every question in {time.perf_counter() - started:.0f} s",
        file=sys.stderr,
    )
    results = [one.result for one in loaded]
    dated = frozenset(
        q.name for q in questions(loaded[0].generated.probes) if q.dated
    )

    lines = table(results)
    print("\n".join(lines))

    bundled = {
        q: best(lambda q=q: ss.corpus().search(q), repeat=repeat)
        for q in BUNDLED_SEARCHES
    }
    print()
    for q, seconds in sorted(bundled.items(), key=lambda qs: -qs[1]):
        shown_query = q.strip()[:40]
        print(f"search on the bundled data, {shown_query!r}: {shown(seconds)}")
    boot = None
    if importlib.util.find_spec("pycountry") is None:
        print(
            "MISSED pycountry is not installed, so start-up is not measured "
            "(python -m pip install -e '.[test]')"
        )
    else:
        boot = startup(runs=7 if args.short else 15)
        print()
        pycountry = boot["pycountry: import + lookup"]
        for name, seconds in boot.items():
            print(
                f"start-up, {name}: {shown(seconds)} "
                f"({seconds / pycountry:.2f}x pycountry's import + lookup)"
            )
    print()
    found = targets(results, boot, bundled, dated)
    for target in found:
        print(target.line())
    module_missed = module_access()
    print(f"(module access target: <= {MODULE_RATIO}x, ratio)")

    if args.write_docs:
        TABLE.write_text("\n".join([*lines, *notes(results)]) + "\n", "utf-8")
        plot(results, dated, PLOT)
        print(f"wrote {TABLE.relative_to(ROOT)} and {PLOT.relative_to(ROOT)}")

    missed = held(found, short=args.short)
    if boot is None:
        missed.append(Target("start-up", math.inf, 0, "", ratio=True))
    print(
        f"\n{len(found) - sum(not t.met for t in found)} of {len(found)} "
        f"targets met; {len(missed) + len(module_missed)} missed that this "
        f"run holds ({'ratios and growth only' if args.short else 'all'})"
    )
    return 1 if missed or module_missed else 0


if __name__ == "__main__":
    raise SystemExit(main())
