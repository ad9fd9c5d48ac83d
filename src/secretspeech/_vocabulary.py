"""
Closed lists of words, read forgivingly and refused clearly.

Every enum of the package (`Calendar`, `Precision` and `Order` in
`secretspeech._dates`; `EventKind`, `PersonRole` and the other kinds in
`secretspeech._model`) is made by the metaclass `Vocabulary`, so all of
them read and refuse values the same way.
"""

from __future__ import annotations

import enum
import inspect
import re
from typing import Any

from secretspeech._text import brief, shown, with_article
from secretspeech.exceptions import InvalidTypeError, InvalidValueError


__all__ = ["Vocabulary"]


class Vocabulary(enum.EnumType):
    """
    The metaclass of an enum whose values are strings.

    Calling the enum finds a member by its value, its name or any spelling
    that differs only in case or in spaces, hyphens and underscores
    (``"power-struggle"``, ``"POWER_STRUGGLE"``). A `str` that is none of
    these raises `InvalidValueError` listing the choices; anything else
    that is not a member raises `InvalidTypeError`.

    It does so before `enum` would format a ``"... is not a valid ..."``
    message with the value's repr, which fails for an int of more digits
    than `sys.get_int_max_str_digits` allows.

    >>> import secretspeech as ss
    >>> ss.EventKind("power-struggle")
    <EventKind.POWER_STRUGGLE: 'power struggle'>
    >>> ss.Calendar("Julian")
    <Calendar.JULIAN: 'julian'>
    >>> ss.Order(1)
    Traceback (most recent call last):
    ...
    secretspeech.exceptions.InvalidTypeError: Order takes a member or its value as a str, got 1 (int)
    """  # noqa: E501 -- a doctest's output is one line

    def __init__(cls, *args: Any, **kwargs: Any) -> None:  # noqa: ANN401
        super().__init__(*args, **kwargs)
        # attrs copies a converter's parameter type into the ``__init__`` it
        # writes, and the API reference shows the signature of a class; an
        # enum's own signature is that of the functional API (names=, …),
        # which says nothing about looking a member up.
        cls.__signature__ = inspect.Signature(
            [
                inspect.Parameter(
                    "value",
                    inspect.Parameter.POSITIONAL_ONLY,
                    annotation=cls | str,
                )
            ],
            return_annotation=cls,
        )

    # Only lookups: an enum with members has no functional API
    # (``Enum("Name", names)``) to offer, so the signature is narrower.
    def __call__(cls, value: object) -> Any:  # type: ignore[override]  # noqa: ANN401
        if isinstance(value, cls):
            return value
        if not isinstance(value, str):
            raise InvalidTypeError(
                f"{cls.__name__} takes a member or its value as a str, got "
                f"{shown(value)}"
            )
        members: list[enum.Enum] = list(cls)
        exact = cls._value2member_map_.get(value)
        if exact is not None:
            return exact
        wanted = _spelling(value)
        for member in members:
            if wanted in (_spelling(member.value), _spelling(member.name)):
                return member
        choices = ", ".join(repr(m.value) for m in members)
        raise InvalidValueError(
            f"{brief(value)} is not {with_article(cls.__name__)}; "
            f"choose from {choices}"
        )


def _spelling(text: str) -> str:
    return " ".join(re.split(r"[\s_-]+", text.strip())).casefold()
