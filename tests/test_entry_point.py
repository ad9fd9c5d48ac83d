"""The Hypothesis entry point: strategies reach users' tests unasked."""

from __future__ import annotations

import collections.abc
import os
import subprocess
import sys
import textwrap
from typing import TYPE_CHECKING

import pytest
from hypothesis import find, given, settings
from hypothesis import strategies as st
from hypothesis.errors import NoSuchExample, ResolutionFailed

import secretspeech as ss
from helpers import untraced
from secretspeech._hypothesis_plugin import (
    _collections,
    _hypothesis_setup_hook,
)


if TYPE_CHECKING:
    from pathlib import Path


REGISTERED = [
    ss.Person,
    ss.Group,
    ss.Place,
    ss.Event,
    ss.Quotation,
    ss.Statistic,
    ss.Claim,
    ss.Relation,
    ss.Note,
    ss.Evidence,
    ss.HistoricalDate,
    ss.Quantity,
    ss.Article,
    ss.Corpus,
    ss.Collection,
]

# The types whose every draw is a whole corpus.  A corpus costs as much to
# draw as a hundred records, and what corpora() draws is checked at full
# strength where it is tested (tests/test_strategies.py, and the laws of
# tests/test_laws.py): here, a few draws check that st.from_type reaches it.
DRAWN_WHOLE = [ss.Corpus, ss.Collection]
WIRING_EXAMPLES = 10


def _name(cls: type) -> str:
    return cls.__name__


# A user's test module: it never imports secretspeech.strategies.
USER_TESTS = """
import hashlib
import sys

import attrs
from hypothesis import find, given, settings, strategies as st

import secretspeech as ss

HOOK_WAS_LAZY = "secretspeech.strategies" not in sys.modules


@attrs.frozen
class Card:
    quotation: ss.Quotation
    when: ss.HistoricalDate


@given(st.from_type(ss.Event))
def test_from_type(event):
    assert isinstance(event, ss.Event)
    assert event.evidence


@given(st.builds(Card))
def test_builds(card):
    assert isinstance(card.quotation, ss.Quotation)
    assert isinstance(card.when, ss.HistoricalDate)


def test_hook_imports_nothing_until_asked():
    assert HOOK_WAS_LAZY


def test_secretspeechs_strategy():
    # It shrinks to the article's first event, as documented.
    assert find(st.from_type(ss.Event), lambda _: True) is ss.events[0]


@given(st.from_type(ss.Article))
def test_article(article):
    text = article.text.encode("utf-8")
    assert hashlib.sha256(text).hexdigest() == article.sha256


@settings(max_examples=10)
@given(st.from_type(ss.Collection[ss.Event]))
def test_collection(events):
    assert all(isinstance(event, ss.Event) for event in events)
"""


# The user's settings: this interpreter shares the machine with the
# suite's workers, so how long drawing takes is left unchecked, as in the
# suite's own profiles (tests/conftest.py).
USER_CONFTEST = """
from hypothesis import HealthCheck, settings

settings.register_profile(
    "user", deadline=None, suppress_health_check=[HealthCheck.too_slow]
)
settings.load_profile("user")
"""


def run(args: list[str], cwd: Path) -> subprocess.CompletedProcess[str]:
    """Run Python with *args* in *cwd*, with plugins enabled, untraced."""
    env = untraced(os.environ)
    env.pop("HYPOTHESIS_NO_PLUGINS", None)
    return subprocess.run(
        [sys.executable, *args],
        cwd=cwd,
        env=env,
        capture_output=True,
        text=True,
        check=False,
        timeout=300,
    )


def test_user_tests_pass(tmp_path: Path) -> None:
    """A user's tests with st.from_type and st.builds pass in pytest."""
    (tmp_path / "test_user.py").write_text(textwrap.dedent(USER_TESTS))
    (tmp_path / "conftest.py").write_text(USER_CONFTEST)

    # Hypothesis's pytest plugin, as a user's pytest loads it; not the
    # other plugins installed here, whose whole packages pytest would
    # rewrite the asserts of (seconds) and which play no part: the
    # strategies are registered through Hypothesis's own entry point.
    result = run(
        [
            *("-m", "pytest", "-q", "-p", "no:cacheprovider"),
            *("--disable-plugin-autoload", "-p", "_hypothesis_pytestplugin"),
            "test_user.py",
        ],
        tmp_path,
    )

    assert 0 == result.returncode, result.stdout + result.stderr
    assert "6 passed" in result.stdout


# What a fresh interpreter imports, first with secretspeech alone and then
# with its strategies imported before Hypothesis is: one interpreter for
# both, as the second step starts where the first ends.
FRESH_IMPORTS = """
import sys

import secretspeech

print("hypothesis" in sys.modules, "secretspeech.strategies" in sys.modules)

import secretspeech.strategies as s
from hypothesis import strategies as st
import secretspeech as ss

print(type(st.from_type(ss.Note).example()).__name__)
"""


@pytest.fixture(scope="module")
def fresh_imports(
    tmp_path_factory: pytest.TempPathFactory,
) -> subprocess.CompletedProcess[str]:
    """Run FRESH_IMPORTS in a new interpreter, with plugins enabled."""
    return run(
        ["-W", "ignore", "-c", FRESH_IMPORTS],
        tmp_path_factory.mktemp("fresh"),
    )


def test_import_does_not_import_hypothesis(
    fresh_imports: subprocess.CompletedProcess[str],
) -> None:
    """Importing secretspeech loads neither Hypothesis nor the strategies."""
    assert 0 == fresh_imports.returncode, fresh_imports.stderr
    hypothesis, strategies = fresh_imports.stdout.splitlines()[0].split()

    assert "False" == hypothesis, "hypothesis"
    assert "False" == strategies, "strategies"


def test_importing_strategies_first(
    fresh_imports: subprocess.CompletedProcess[str],
) -> None:
    """Importing secretspeech.strategies before Hypothesis works."""
    assert 0 == fresh_imports.returncode, fresh_imports.stderr

    assert "Note" == fresh_imports.stdout.splitlines()[1]


@pytest.mark.parametrize(
    "cls", [c for c in REGISTERED if c not in DRAWN_WHOLE], ids=_name
)
@given(data=st.data())
def test_every_type_registered(cls: type, data: st.DataObject) -> None:
    """st.from_type draws an instance of every registered type."""
    assert isinstance(data.draw(st.from_type(cls)), cls)


@pytest.mark.parametrize("cls", DRAWN_WHOLE, ids=_name)
@settings(max_examples=WIRING_EXAMPLES)
@given(data=st.data())
def test_corpus_types_registered(cls: type, data: st.DataObject) -> None:
    """st.from_type draws a Corpus, or a Collection, from corpora()."""
    assert isinstance(data.draw(st.from_type(cls)), cls)


def test_corpus_shrinks_to_the_bundled_one() -> None:
    """st.from_type(Corpus) uses corpora(), which shrinks to ss.corpus()."""
    assert ss.corpus() is find(st.from_type(ss.Corpus), lambda _: True)


@given(st.from_type(ss.Record))  # type: ignore[arg-type]
def test_record_union(record: ss.Person) -> None:
    """st.from_type of the Record union draws records of any type."""
    assert isinstance(record, tuple(s.record_type for s in ss.SCHEMA))


def test_article_shrinks_to_the_bundled_one() -> None:
    """st.from_type(Article) uses articles(), which shrinks to ss.article."""
    assert ss.article is find(st.from_type(ss.Article), lambda _: True)


class TestCollection:
    """st.from_type(Collection[...]) draws the collections of a corpus."""

    @pytest.mark.filterwarnings("error")
    def test_no_small_search_space(self) -> None:
        """A bare Collection draws collections of any type, without warning."""
        drawn = find(
            st.from_type(ss.Collection),
            lambda c: any(isinstance(r, ss.Event) for r in c),
        )

        assert isinstance(drawn, ss.Collection)
        assert ss.people is find(st.from_type(ss.Collection), lambda _: True)

    def test_shrinks_to_the_bundled_collection(self) -> None:
        """Collection[Event] shrinks to the bundled events."""
        strategy = st.from_type(ss.Collection[ss.Event])

        assert ss.events is find(strategy, lambda _: True)

    @settings(max_examples=25)
    @given(st.from_type(ss.Collection[ss.Person | ss.Group | ss.Place]))
    def test_union(
        self, collection: ss.Collection[ss.Person | ss.Group | ss.Place]
    ) -> None:
        """A union of record types draws a collection of one of them."""
        assert len({type(r) for r in collection}) <= 1
        assert all(
            isinstance(r, ss.Person | ss.Group | ss.Place) for r in collection
        )

    @pytest.mark.parametrize(
        "thing",
        [
            ss.Collection[int],  # type: ignore[type-var]
            ss.Collection[ss.Event | None],  # type: ignore[type-var]
        ],
        ids=["int", "Event | None"],
    )
    def test_not_records(self, thing: type) -> None:
        """A Collection of what is not a record type does not resolve."""
        with pytest.raises(ResolutionFailed):
            find(st.from_type(thing), lambda _: True)

    @pytest.mark.parametrize(
        "thing",
        [
            collections.abc.Sequence,
            collections.abc.Sequence[int],
            collections.abc.Sequence[ss.Event],
            collections.abc.Sized,
            collections.abc.Iterable[ss.Person],
        ],
        ids=[
            "Sequence",
            "Sequence[int]",
            "Sequence[Event]",
            "Sized",
            "Iterable[Person]",
        ],
    )
    def test_other_types_unchanged(self, thing: type) -> None:
        """Types that Collection is a subclass of never draw a Collection."""
        # The function registered for Collection declines them, so that
        # Hypothesis leaves them to its own strategies...
        assert _collections(thing) is NotImplemented
        # ... which never draw one, in as many tries as any test makes.
        with pytest.raises(NoSuchExample):
            find(
                st.from_type(thing),
                lambda value: isinstance(value, ss.Collection),
                settings=settings(max_examples=settings().max_examples),
            )


def test_hook_can_run_again() -> None:
    """Running the hook again keeps the registered strategies."""
    _hypothesis_setup_hook()

    assert ss.events[0] is find(st.from_type(ss.Event), lambda _: True)


def test_strategies_without_hypothesis_say_what_to_install(
    tmp_path: Path,
) -> None:
    """Without Hypothesis, importing the strategies names the extra."""
    blocker = tmp_path / "sitecustomize.py"
    blocker.write_text(
        "import sys\n"
        "class Block:\n"
        "    def find_spec(self, name, path=None, target=None):\n"
        "        if name == 'hypothesis' or name.startswith('hypothesis.'):\n"
        "            raise ModuleNotFoundError(name=name)\n"
        "sys.meta_path.insert(0, Block())\n",
        encoding="utf-8",
    )
    result = subprocess.run(
        [sys.executable, "-c", "import secretspeech.strategies"],
        capture_output=True,
        text=True,
        check=False,
        env={
            **os.environ,
            # First, before whatever path the suite itself runs with.
            "PYTHONPATH": os.pathsep.join(
                filter(None, [str(tmp_path), os.environ.get("PYTHONPATH")])
            ),
        },
    )

    assert result.returncode == 1
    assert (
        "secretspeech.exceptions.MissingDependencyError: secretspeech."
        "strategies needs Hypothesis; install it with pip install "
        "'secretspeech[hypothesis]'"
    ) in result.stderr
