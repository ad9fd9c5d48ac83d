"""
Shared test configuration: the Hypothesis profiles, and the built site.

``ci`` is loaded unless ``HYPOTHESIS_PROFILE`` names another: it is
derandomized, so every run tries the same examples and a failure in CI
reproduces locally.  For a deeper local search, which is random and so
finds new examples on each run::

    HYPOTHESIS_PROFILE=thorough pytest tests

How the suite stays fast, with the same checks:

- It runs on every core, with pytest-xdist (``-n auto --dist loadfile`` in
  pyproject's addopts; ``-n 0`` runs it in one process, for a debugger).
  Each test runs once, on one worker, with the other tests of its file
  (they share module fixtures and, in places, files written in turn).
  The files that take longest are handed out first (``SLOWEST_FIRST``
  below), so that the workers end together, not one waiting for the
  other to finish a long file it took last; and a worker ends without a
  last collection of its garbage (``pytest_unconfigure``).  Only the
  plugins the suite uses are loaded (pyproject's addopts), so pytest does
  not rewrite the asserts of all of Hypothesis in every process.
- The project's own modules are compiled once, before the workers start
  (``pytest_configure``), not by each interpreter the suite runs.
- Coverage is measured only with ``--cov`` (CI's second run): tracing
  every line more than doubles the time on Python 3.11.  pytest-cov then
  combines the workers' coverage, subprocesses' included, except for the
  tools some tests run on the code (the site build, a user's test
  session, mypy), which run untraced (``helpers.untraced``).
- The site is built once per run: the tests that read it (the ``site``
  fixture below) are all in ``tests/test_site.py``, so one worker builds
  it.  A test elsewhere that took the fixture would build it again.
- Drawing a corpus costs far more than checking a law on it, so the laws
  that test files state of a drawn corpus (the queries', the date index's,
  the claims', the JSON round trip's) are checked together on each drawn
  corpus (``tests/test_drawn_corpora.py``): each law sees as many corpora
  as before, and a failure names the law it broke.
- The command line, its reference's examples and the example scripts run
  in-process, except where a new interpreter is what is tested (the
  module entry point, a terminal's encoding, a closed pipe, the runs the
  docs show); checks that only need a fresh interpreter share one
  (``tests/test_entry_point.py``).
"""

from __future__ import annotations

import compileall
import gc
import os
import subprocess
import sys
from pathlib import Path

import pytest
from hypothesis import HealthCheck, Phase, settings

from helpers import untraced


# No deadline in either, and no health check of how slow drawing is:
# timings on shared CI machines, and beside the other xdist workers, vary
# too much for a per-example deadline or a time limit on drawing to mean
# anything, and the slow strategy (corpora) is slow on every example,
# which neither would fix.  Speed is measured by benchmarks/ instead.
settings.register_profile(
    "ci",
    derandomize=True,
    max_examples=100,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow],
    print_blob=True,
    # The explain phase reruns a failing example to say which lines ran;
    # it costs seconds per failure search and adds nothing a report needs
    # in CI.  The thorough profile keeps it.
    phases=[phase for phase in Phase if phase is not Phase.explain],
)
settings.register_profile(
    "thorough",
    max_examples=2000,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow],
    print_blob=True,
)
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "ci"))


#: The test files that take longest, slowest first, as measured with
#: ``--durations=0``: xdist hands them out first (in this order, as
#: pyproject's addopts turn off its own ordering by number of tests), and
#: the rest after them, in the order they are collected.
SLOWEST_FIRST = (
    "tests/test_site.py",
    "tests/test_entry_point.py",
    "tests/test_strategies.py",
    "tests/test_error_contract.py",
    "tests/test_drawn_corpora.py",
    "tests/test_wordindex.py",
    "tests/test_dates.py",
    "tests/test_dates_edtf_oracle.py",
    "tests/test_tables.py",
    "tests/test_laws.py",
    "tests/test_round_trip.py",
    # mypy, with no cache yet in a clean checkout, as in CI.
    "tests/test_typing.py",
    "tests/test_figures.py",
)


#: The folders of the project's own Python, which the tests import or run.
OWN_CODE = ("src", "docs/hooks", "examples", "scripts", "benchmarks")


def pytest_configure(config: pytest.Config) -> None:
    """
    Compile the project's own modules once, before any worker starts.

    Where ``PYTHONDONTWRITEBYTECODE`` is set, Python caches nothing it
    compiles, so each worker, and each interpreter a test starts (the
    command line, the examples, the site build: about sixty), compiled the
    package again.  `compileall` writes the bytecode all the same, and
    every process then reads it, as from an installed wheel; a file that
    changes later is compiled again, as always.
    """
    if hasattr(config, "workerinput"):
        return
    root = Path(__file__).resolve().parent.parent
    for folder in OWN_CODE:
        compileall.compile_dir(root / folder, quiet=1)


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    """Put the tests of the files in `SLOWEST_FIRST` first, in its order."""
    rank = {name: i for i, name in enumerate(SLOWEST_FIRST)}
    items.sort(
        key=lambda item: rank.get(item.nodeid.split("::")[0], len(rank))
    )


@pytest.hookimpl(trylast=True)
def pytest_unconfigure() -> None:
    """
    Let this process end without collecting its garbage once more.

    As Python ends, it collects the whole heap again before it frees it: a
    worker that ran half the suite holds hundreds of thousands of objects,
    and that took it nearly two seconds, for which xdist waited.  Nothing
    needs it, as the process ends; frozen objects are freed all the same.
    """
    gc.freeze()


#: The repository address the site fixture builds with, as Read the Docs
#: gives it (a clone address); the site shows it as a web address.
REPO_CLONE_URL = "https://example.org/secretspeech/secretspeech.git"


@pytest.fixture(scope="session")
def site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Build the whole site once, as the docs say, into a temporary dir."""
    out = tmp_path_factory.mktemp("site")
    env = {
        **untraced(os.environ),
        "NO_MKDOCS_2_WARNING": "1",
        "NO_COLOR": "1",
        "READTHEDOCS_GIT_CLONE_URL": REPO_CLONE_URL,
    }
    env.pop("SECRETSPEECH_REPO_URL", None)
    done = subprocess.run(
        [
            sys.executable,
            "-m",
            "mkdocs",
            "build",
            "--strict",
            "--site-dir",
            str(out),
        ],
        cwd=Path(__file__).resolve().parent.parent,
        env=env,
        capture_output=True,
        text=True,
        check=False,
        timeout=600,
    )
    assert done.returncode == 0, done.stdout + done.stderr
    assert "WARNING" not in done.stderr, done.stderr
    return out
