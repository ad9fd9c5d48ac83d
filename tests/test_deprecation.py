"""Tests for `secretspeech._deprecation`."""

from __future__ import annotations

import sys

import pytest

from secretspeech._deprecation import deprecated, warn


@deprecated(since="0.2.0", removal="1.0.0", instead="new()")
def old(x: int, *, y: int = 1) -> int:
    """Add."""
    return x + y


class TestDeprecated:
    """The decorator for deprecated functions."""

    def test_warns_and_works(self) -> None:
        """A call warns, naming versions and replacement, and still works."""
        with pytest.warns(DeprecationWarning, match="deprecated") as caught:
            result = old(1, y=2)

        assert 3 == result
        assert (
            "old() is deprecated since secretspeech 0.2.0 and will be "
            "removed in 1.0.0; use new() instead."
        ) == str(caught[0].message)

    def test_blames_the_caller(self) -> None:
        """The warning points at the line that called the function."""
        line = sys._getframe().f_lineno + 2
        with pytest.warns(DeprecationWarning, match="deprecated") as caught:
            old(1)

        assert (__file__, line) == (caught[0].filename, caught[0].lineno)

    def test_keeps_name_and_doc(self) -> None:
        """The wrapper keeps the function's name and docstring."""
        assert ("old", "Add.") == (old.__name__, old.__doc__)


class TestWarn:
    """The function for what a decorator cannot wrap."""

    def test_message(self) -> None:
        """The message names what, since, removal and no replacement."""
        with pytest.warns(DeprecationWarning, match="deprecated") as caught:
            warn("strict=1", since="0.2.0", removal="1.0.0")

        assert (
            "strict=1 is deprecated since secretspeech 0.2.0 and will be "
            "removed in 1.0.0."
        ) == str(caught[0].message)

    def test_blames_the_callers_caller(self) -> None:
        """By default the warning points at whoever called the caller."""

        def api() -> None:
            warn("api()", since="0.2.0", removal="1.0.0")

        line = sys._getframe().f_lineno + 2
        with pytest.warns(DeprecationWarning, match="deprecated") as caught:
            api()

        assert (__file__, line) == (caught[0].filename, caught[0].lineno)
