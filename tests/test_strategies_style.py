"""
The strategies follow Hypothesis' API style.

Making a strategy does no work: it neither checks the arguments nor reads
the bundled data, and its repr is the call.  Bad arguments raise
`InvalidArgument` when a value is first drawn.  Bounds are named
*min_value*/*max_value* and sizes *min_size*/*max_size*.
"""

from __future__ import annotations

import inspect
import subprocess
import sys
import textwrap

import pytest
from hypothesis import find, given, settings
from hypothesis import strategies as st
from hypothesis.errors import InvalidArgument

import secretspeech as ss
from secretspeech import strategies
from secretspeech.strategies import historical_dates, people


#: Every public strategy of the module, by name.
STRATEGIES = {
    name: getattr(strategies, name)
    for name in strategies.__all__
    if inspect.isfunction(getattr(strategies, name))
}
#: Values that some or all arguments of the strategies refuse.
BAD_VALUES: dict[str, object] = {
    "object": object(),
    "negative": -1,
    "large": 10**6,
    "float": 1.5,
    "bool": True,
    "str": "nowhere",
    "bytes": b"x",
    "empty list": [],
    "list of object": [object()],
    "enum member": ss.Calendar.JULIAN,
}
#: Every (name, parameter) of the public strategies.
PARAMETERS = [
    (name, parameter)
    for name, strategy in sorted(STRATEGIES.items())
    for parameter in inspect.signature(strategy).parameters
]


def refused_in_given(strategy: st.SearchStrategy[object]) -> str:
    """Return the message of the error a test `@given` *strategy* raises."""

    @settings(database=None)
    @given(strategy)
    def test(_value: object) -> None:
        """Never runs: the first draw raises."""

    with pytest.raises(InvalidArgument) as info:
        test()
    return str(info.value)


class TestMakingDoesNoWork:
    """Making a strategy checks nothing and reads nothing."""

    @pytest.mark.parametrize(("name", "parameter"), PARAMETERS)
    @pytest.mark.parametrize("value", BAD_VALUES.values(), ids=BAD_VALUES)
    def test_bad_arguments_raise_nothing(
        self, name: str, parameter: str, value: object
    ) -> None:
        """Any value of any argument makes a strategy, without error."""
        strategy = STRATEGIES[name](**{parameter: value})

        assert isinstance(strategy, st.SearchStrategy)
        assert repr(strategy).startswith(f"{name}(")

    @pytest.mark.parametrize("name", sorted(STRATEGIES))
    def test_first_draw_raises(self, name: str) -> None:
        """@given raises InvalidArgument with the message of the check."""
        strategy = STRATEGIES[name](source="nowhere")

        assert (
            f"{name}(source='nowhere'): source must be 'article', "
            "'synthetic' or 'any'"
        ) == refused_in_given(strategy)

    def test_every_draw_checks(self) -> None:
        """A strategy refused once is refused again: nothing is kept."""
        strategy = historical_dates(min_value=1957, max_value=1956)
        message = (
            "historical_dates(min_value=1957, max_value=1956): "
            "min_value must not be greater than max_value"
        )

        assert message == refused_in_given(strategy)
        assert message == refused_in_given(strategy)

    def test_no_data_is_read(self) -> None:
        """Making every strategy, and its repr, leaves the data unread."""
        code = textwrap.dedent(
            """
            from hypothesis import find

            import secretspeech._load as load
            from secretspeech import strategies as s

            made = [
                getattr(s, name)(**kwargs)
                for name in s.__all__
                if name != "Source"
                for kwargs in ({}, {"source": "article"}, {"source": "any"})
            ]
            made.append(s.quantities(source="article", kinds=["exact"]))
            made.append(s.historical_dates(source="article", min_value=1956))
            shown = [repr(strategy) for strategy in made]
            assert load._bundled is None, "read while made"
            find(s.people(source="article"), lambda _: True)
            assert load._bundled is not None, "not read when drawn"
            """
        )

        result = subprocess.run(
            [sys.executable, "-c", code],
            capture_output=True,
            text=True,
            check=False,
            timeout=300,
        )

        assert 0 == result.returncode, result.stderr


class TestCalls:
    """A call the strategy cannot take is Python's error, naming it."""

    @pytest.mark.parametrize("name", sorted(STRATEGIES))
    def test_positional(self, name: str) -> None:
        """Arguments are keyword-only; the message shows the keyword."""
        with pytest.raises(TypeError) as info:
            STRATEGIES[name]("synthetic")

        assert (
            f"{name}() takes no positional arguments; name each, as in "
            f"{name}(source='synthetic')"
        ) == str(info.value)

    @pytest.mark.parametrize("name", sorted(STRATEGIES))
    def test_unknown_keyword(self, name: str) -> None:
        """An argument the strategy does not have is named."""
        with pytest.raises(TypeError) as info:
            STRATEGIES[name](sauce="article")

        assert f"{name}() got an unexpected keyword argument 'sauce'" == str(
            info.value
        )


class TestRepr:
    """A strategy's repr is the call, without the defaults."""

    @pytest.mark.parametrize("name", sorted(STRATEGIES))
    def test_defaults(self, name: str) -> None:
        """Without arguments, or with the defaults, the call has none."""
        strategy = STRATEGIES[name]

        assert f"{name}()" == repr(strategy())
        assert f"{name}()" == repr(strategy(source="any"))

    @pytest.mark.parametrize(
        ("kwargs", "expected"),
        [
            pytest.param(kwargs, expected, id=expected)
            for kwargs, expected in [
                ({"source": "article"}, "people(source='article')"),
                (
                    {"source": "synthetic", "text": "In 1956."},
                    "events(source='synthetic', text='In 1956.')",
                ),
                (
                    {
                        "calendars": [ss.Calendar.JULIAN],
                        "min_value": 1917,
                        "max_value": 1918,
                    },
                    (
                        "historical_dates(calendars=[Calendar.JULIAN], "
                        "min_value=1917, max_value=1918)"
                    ),
                ),
                (
                    {"source": "synthetic", "min_value": 1, "intervals": 0},
                    "historical_dates(source='synthetic', intervals=0)",
                ),
                ({"kinds": ["vague"]}, "quantities(kinds=['vague'])"),
                (
                    {"source": "synthetic", "max_size": 2},
                    "corpora(source='synthetic', max_size=2)",
                ),
                ({"source": "nowhere"}, "people(source='nowhere')"),
            ]
        ],
    )
    def test_call(self, kwargs: dict[str, object], expected: str) -> None:
        """The arguments given, as given, but those left at their defaults."""
        name = expected.partition("(")[0]

        assert expected == repr(STRATEGIES[name](**kwargs))

    def test_after_drawing(self) -> None:
        """Drawing does not change the repr."""
        strategy = people(source="article")

        find(strategy, lambda _: True)

        assert "people(source='article')" == repr(strategy)

    def test_iterator_read_once(self) -> None:
        """An iterator argument is read when made, and shown as a tuple."""
        strategy = historical_dates(calendars=iter([ss.Calendar.JULIAN]))

        assert "historical_dates(calendars=(Calendar.JULIAN,))" == repr(
            strategy
        )

        @settings(max_examples=20, database=None)
        @given(strategy)
        def test(date: ss.HistoricalDate) -> None:
            assert ss.Calendar.JULIAN is date.calendar

        test()


class TestNames:
    """Functions and arguments are named as in Hypothesis."""

    def test_bounds(self) -> None:
        """Bounds are min_value/max_value, sizes min_size/max_size."""
        named = {"min_value", "max_value", "min_size", "max_size"}
        odd = [
            f"{name}({parameter}=)"
            for name, parameter in PARAMETERS
            if parameter.startswith(("min", "max", "low", "high"))
            or "size" in parameter
            if parameter not in named
        ]

        assert [] == odd

    @pytest.mark.parametrize("name", sorted(STRATEGIES))
    def test_keyword_only(self, name: str) -> None:
        """Every argument is keyword-only, with a default."""
        for parameter in inspect.signature(
            STRATEGIES[name]
        ).parameters.values():
            assert inspect.Parameter.KEYWORD_ONLY is parameter.kind
            assert inspect.Parameter.empty is not parameter.default

    @pytest.mark.parametrize("name", sorted(STRATEGIES))
    def test_documented(self, name: str) -> None:
        """A lazy strategy function keeps its name and documentation."""
        strategy = STRATEGIES[name]

        assert name == strategy.__name__
        assert "Args:" in (strategy.__doc__ or "")
        assert "When a value is drawn" in (strategy.__doc__ or "")
