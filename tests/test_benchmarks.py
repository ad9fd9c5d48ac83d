"""
The benchmarks at scale (``benchmarks/bench_scale.py``) ask fair questions.

No timing here: the benchmark times, these tests check what it times.  The
generated corpus loads and is valid against the JSON Schema; each question
gets the same answer from the library, from SQLite and from the plain scan
(so the three columns measure the same thing); the answers are the same
size at every size of corpus (so a cost that grows is the query's own);
every `filter` criterion is asked; and the targets are judged as the
benchmark says: a short run (CI) fails on ratios and growth only.
"""

from __future__ import annotations

import gc
import json
import types
from collections.abc import Iterator
from pathlib import Path
from xml.etree import ElementTree

import jsonschema
import pytest

import secretspeech as ss
from secretspeech._load import parse_corpus


BENCHMARKS = Path(__file__).resolve().parent.parent / "benchmarks"
SIZES = (300, 900)


@pytest.fixture(scope="module")
def bench() -> Iterator[types.SimpleNamespace]:
    """Import the benchmark's modules, which import each other by name."""
    with pytest.MonkeyPatch.context() as patch:
        patch.syspath_prepend(str(BENCHMARKS))
        import _generate  # noqa: PLC0415 -- only with benchmarks/ on the path
        import _queries  # noqa: PLC0415 -- as above
        import bench_scale  # noqa: PLC0415 -- as above

        yield types.SimpleNamespace(
            generate=_generate, queries=_queries, scale=bench_scale
        )


@pytest.fixture(scope="module")
def corpora(
    bench: types.SimpleNamespace,
) -> dict[int, tuple[object, ss.Corpus]]:
    """Generate and load a corpus of each of `SIZES`."""
    found = {}
    for size in SIZES:
        generated = bench.generate.generate(size)
        document = json.dumps(generated.document, ensure_ascii=False)
        found[size] = (generated, parse_corpus(document, generated.text))
    return found


def test_generated_corpus_is_valid(
    bench: types.SimpleNamespace,
    corpora: dict[int, tuple[object, ss.Corpus]],
) -> None:
    """The document loads (every reference and span checked) and validates."""
    for size, (generated, corpus) in corpora.items():
        jsonschema.validate(generated.document, ss.json_schema())  # type: ignore[attr-defined]
        assert size == generated.size == sum(1 for _ in corpus.records())  # type: ignore[attr-defined]
        for name, share in bench.generate.SHARES.items():
            assert len(getattr(corpus, name)) == round(size * share)


def test_generation_is_seeded(bench: types.SimpleNamespace) -> None:
    """The same size and seed make the same corpus; another seed another."""
    generate = bench.generate.generate
    again = generate(300)
    assert again == generate(300)
    assert (
        generate(300, seed=16).document["people"] != again.document["people"]
    )
    # The probes are the same at every size.
    assert generate(900).probes == again.probes


def test_names_vary_and_grow(
    corpora: dict[int, tuple[object, ss.Corpus]],
) -> None:
    """Nearly every person has a name of their own, at every size."""
    for size, (_, corpus) in corpora.items():
        names = {p.name for p in corpus.people}
        assert len(names) > 0.95 * len(corpus.people)
        assert len(corpus.people) >= 0.1 * size


def test_too_small_is_refused(bench: types.SimpleNamespace) -> None:
    """Below the probes' own needs, generate() says so."""
    with pytest.raises(ValueError, match="at least 200 records"):
        bench.generate.generate(199)


def test_three_ways_agree(
    bench: types.SimpleNamespace,
    corpora: dict[int, tuple[object, ss.Corpus]],
) -> None:
    """Library, SQLite and scan answer each question alike, at every size."""
    queries = bench.queries
    counts: dict[str, set[int]] = {}
    for generated, corpus in corpora.values():
        document = generated.document  # type: ignore[attr-defined]
        records = {
            name: tuple(getattr(corpus, name))
            for name in bench.generate.COLLECTIONS
        }
        database = queries.Database(json.dumps(document), records)
        scan = queries.Scan(document, corpus)
        for q in queries.questions(generated.probes):  # type: ignore[attr-defined]
            library = queries.answer(q.library(corpus))
            sqlite = queries.answer(q.sqlite(database))
            scanned = queries.answer(q.scan(scan))
            if q.ranked:
                library, sqlite, scanned = (
                    sorted(library),
                    sorted(sqlite),
                    sorted(scanned),
                )
            assert library == sqlite == scanned, q.name
            counts.setdefault(q.name, set()).add(len(library))
    # The same number of records at every size, and something to find
    # unless the question is a miss.
    for name, found in counts.items():
        assert len(found) == 1, name
        assert (found == {0}) == name.endswith(" miss"), name
    # Some dates reach past the year, so strict=True keeps fewer.
    for name in ("events", "quotations", "statistics"):
        assert counts[f"{name}.filter(during=1666)"] == {5}
        assert counts[f"{name}.filter(during=1666, strict=True)"] == {3}


def test_every_criterion_is_asked(bench: types.SimpleNamespace) -> None:
    """Each criterion of every collection has a question of its own."""
    probes = bench.generate.generate(300).probes
    asked = set(bench.queries.filters(probes))
    names = {q.name for q in bench.queries.questions(probes)}
    for collection in ("events", "quotations", "statistics"):
        assert f"{collection}.filter(during=1666)" in names
        assert f"{collection}.filter(during=1666, strict=True)" in names
        asked |= {(collection, "during"), (collection, "strict")}
    assert set(bench.queries.criteria()) == asked


def sizes(scale: types.ModuleType, costs: list[float]) -> list[object]:
    """Make a result per size, each with one query of the given cost."""
    return [
        scale.Sizes(
            size,
            (size * 1e-4, size * 1e-5, size * 1e-6),
            size * 1.1e-4,
            1000.0,
            1400.0,
            2000.0,
            500.0,
            {"people.filter(role='monarch')": (cost, cost, cost)},
            {"people.filter(role='monarch')": 5},
        )
        for size, cost in zip((1_000, 10_000), costs, strict=True)
    ]


def test_a_load_is_timed_with_the_runs_objects_frozen(
    bench: types.SimpleNamespace,
) -> None:
    """The collector runs during a timed load, but never over the run's own."""
    seen = []

    def call() -> None:
        seen.append((gc.isenabled(), gc.get_freeze_count()))

    holding = [[n] for n in range(10_000)]  # the run's objects, tracked
    assert gc.get_freeze_count() == 0

    assert bench.scale.timed_once(call) >= 0
    enabled, frozen = seen[0]
    assert enabled
    assert frozen >= len(holding)
    assert gc.get_freeze_count() == 0


def test_growth_is_held_in_a_short_run(bench: types.SimpleNamespace) -> None:
    """A query that grows 4x at ten times the records is a missed ratio."""
    scale = bench.scale
    bundled = {"Stalin": 1e-3}  # 1000 µs: an absolute miss
    steady = scale.targets(
        sizes(scale, [1e-5, 1.2e-5]), None, bundled, frozenset()
    )
    growing = scale.targets(
        sizes(scale, [1e-5, 4e-5]), None, bundled, frozenset()
    )

    assert [t.what for t in scale.held(steady, short=False)] == [
        "slowest search on the bundled data ('Stalin')"
    ]
    assert scale.held(steady, short=True) == []
    missed = scale.held(growing, short=True)
    assert [(t.what, t.value) for t in missed] == [
        ("people.filter(role='monarch') growth 10⁴ vs 10³", pytest.approx(4))
    ]
    assert missed[0].line().startswith("MISSED people.filter")


def test_date_queries_are_held_against_sqlite(
    bench: types.SimpleNamespace,
) -> None:
    """A date query 4x SQLite's cost at the largest size is a missed ratio."""
    scale = bench.scale
    results = sizes(scale, [1e-5, 1e-5])
    name = "people.filter(role='monarch')"
    results[-1].costs[name] = (4e-5, 1e-5, 1e-3)  # type: ignore[attr-defined]
    found = scale.targets(results, None, {"Stalin": 1e-5}, frozenset({name}))
    missed = scale.held(found, short=True)
    assert [t.what for t in missed] == [
        f"{name} growth 10⁴ vs 10³",
        f"{name} vs SQLite at 10⁴",
    ]


def test_table_and_plot(bench: types.SimpleNamespace, tmp_path: Path) -> None:
    """The table has a row per query and for loading; the plot is self-contained."""
    scale = bench.scale
    results = sizes(scale, [1e-5, 2e-5])
    lines = scale.table(results)
    assert lines[0].startswith("| query | answer | 10³ | 10⁴ | SQLite 10⁴ |")
    assert (
        "| `people.filter(role='monarch')` | 5 | 10 µs | 20 µs |" in lines[2]
    )
    assert lines[-4].startswith(
        "| load (JSON text to corpus) | all | 100 ms | 1 s |"
    )
    assert lines[-3].startswith(
        "| load and the first lookup by name | 1 | 110 ms | 1.1 s |"
    )
    assert lines[-1].startswith(
        "| memory kept per record, every index built | | 1,400 B | 1,400 B |"
    )

    path = tmp_path / "performance.svg"
    scale.plot(results, frozenset(), path)
    root = ElementTree.parse(path).getroot()  # noqa: S314 -- our own drawing
    # Text is drawn as paths: no fonts, and nothing fetched from elsewhere.
    assert not root.findall(".//{http://www.w3.org/2000/svg}text")
    svg = path.read_text("utf-8")
    assert "@font-face" not in svg
    assert 'href="http' not in svg


def test_an_open_target_is_shown_but_not_held_by_a_short_run(
    bench: types.SimpleNamespace,
) -> None:
    """A missed ratio marked open fails the full run only, and says so."""
    scale = bench.scale
    boot = {
        "import attrs": 1.0,
        "import secretspeech": 0.5,
        "pycountry: import + lookup": 1.0,
        "secretspeech: import + lookup": 1.5,
    }
    found = scale.targets(
        sizes(scale, [1e-5, 1e-5]), boot, {"Stalin": 1e-5}, frozenset()
    )
    first = [t for t in found if "pycountry" in t.what]

    assert [t.met for t in first] == [False]
    assert scale.held(found, short=True) == []
    assert scale.held(found, short=False) == first
    assert "open, not held by --short: issue 15" in first[0].line()


def test_a_target_shows_three_figures_without_an_exponent(
    bench: types.SimpleNamespace,
) -> None:
    """A thousand µs prints as 1,050, not 1.05e+03; a ratio as 1.37x."""
    slow = bench.scale.Target("search", 1050.4, 100, " µs", ratio=False)
    ratio = bench.scale.Target("growth", 1.3712, 1.5, "x", ratio=True)

    assert "search: 1,050 µs (target <= 100 µs" in slow.line()
    assert "growth: 1.37x (target <= 1.5x" in ratio.line()
