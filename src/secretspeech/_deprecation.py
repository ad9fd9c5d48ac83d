"""
Retire a public name without breaking its users at once.

A deprecated function keeps working but warns with a `DeprecationWarning`
that says since when, until when and what to use instead; the warning
points at the caller's line.  The policy that decides *since* and
*removal* is in the documentation (Deprecation policy).
"""

from __future__ import annotations

import functools
import warnings
from typing import TYPE_CHECKING, ParamSpec, TypeVar


if TYPE_CHECKING:
    from collections.abc import Callable


__all__ = ["deprecated", "warn"]

_P = ParamSpec("_P")
_T = TypeVar("_T")


def _message(what: str, since: str, removal: str, instead: str | None) -> str:
    use = f"; use {instead} instead" if instead else ""
    return (
        f"{what} is deprecated since secretspeech {since} and will be "
        f"removed in {removal}{use}."
    )


def warn(
    what: str,
    *,
    since: str,
    removal: str,
    instead: str | None = None,
    stacklevel: int = 2,
) -> None:
    """
    Warn that *what* is deprecated.

    For what a decorator cannot wrap: a module attribute resolved in
    ``__getattr__``, an argument or a value of one.

    Args:
        what: What is deprecated, as the user wrote it: ``"strict=1"``.
        since: The version that deprecated it.
        removal: The version that will remove it.
        instead: What to use instead, if anything.
        stacklevel: As for `warnings.warn`, counted from the caller of
            `warn`: 2 blames the caller of the function that calls it.

    >>> import warnings
    >>> from secretspeech._deprecation import warn
    >>> with warnings.catch_warnings(record=True) as caught:
    ...     warnings.simplefilter("always")
    ...     warn("ss.chronology", since="0.2.0", removal="1.0.0")
    >>> print(caught[0].message)
    ss.chronology is deprecated since secretspeech 0.2.0 and will be removed in 1.0.0.
    """  # noqa: E501 -- a doctest's output is one line
    warnings.warn(
        _message(what, since, removal, instead),
        DeprecationWarning,
        stacklevel=stacklevel + 1,
    )


def deprecated(
    *, since: str, removal: str, instead: str | None = None
) -> Callable[[Callable[_P, _T]], Callable[_P, _T]]:
    """
    Make a function warn that it is deprecated each time it is called.

    Add a ``.. deprecated::`` note to its docstring as well.

    Args:
        since: The version that deprecated it.
        removal: The version that will remove it.
        instead: What to use instead, if anything.

    Returns:
        A decorator that keeps the function's name, docstring and
        signature.

    >>> import warnings
    >>> from secretspeech._deprecation import deprecated
    >>> @deprecated(since="0.2.0", removal="1.0.0", instead="ss.timeline()")
    ... def chronology():
    ...     return ()
    >>> with warnings.catch_warnings(record=True) as caught:
    ...     warnings.simplefilter("always")
    ...     chronology()
    ()
    >>> print(caught[0].message)
    chronology() is deprecated since secretspeech 0.2.0 and will be removed in 1.0.0; use ss.timeline() instead.
    """  # noqa: E501 -- a doctest's output is one line

    def decorate(func: Callable[_P, _T]) -> Callable[_P, _T]:
        message = _message(f"{func.__qualname__}()", since, removal, instead)

        @functools.wraps(func)
        def wrapper(*args: _P.args, **kwargs: _P.kwargs) -> _T:
            warnings.warn(message, DeprecationWarning, stacklevel=2)
            return func(*args, **kwargs)

        return wrapper

    return decorate
