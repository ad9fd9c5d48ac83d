"""
Every error that *secretspeech* raises.

Each error is a `SecretSpeechError` and also the builtin exception that
callers would catch anyway, so ``except LookupError`` and ``except
SecretSpeechError`` both work.
"""

from __future__ import annotations


__all__ = [
    "InvalidCorpusError",
    "InvalidDateError",
    "InvalidQueryError",
    "InvalidValueError",
    "NotFoundError",
    "SecretSpeechError",
]


class SecretSpeechError(Exception):
    """
    The base class of every error raised by *secretspeech*.

    >>> import secretspeech as ss
    >>> issubclass(ss.NotFoundError, ss.SecretSpeechError)
    True
    """


class NotFoundError(SecretSpeechError, LookupError):
    """
    No record matches the id or name that was asked for.

    The message quotes the input and suggests the closest names.

    >>> import secretspeech as ss
    >>> try:
    ...     ss.people.lookup("Gorbachev")
    ... except LookupError as e:
    ...     print(type(e).__name__)
    NotFoundError
    """


class InvalidValueError(SecretSpeechError, ValueError):
    """
    An argument has the right type but a value that cannot be used.

    >>> import secretspeech as ss
    >>> try:
    ...     ss.events.filter(kind="picnic")
    ... except ValueError as e:
    ...     print(type(e).__name__)
    InvalidValueError
    """


class InvalidDateError(InvalidValueError):
    """
    A date or period cannot be parsed or is impossible.

    >>> import secretspeech as ss
    >>> try:
    ...     ss.HistoricalDate.from_edtf("1956-13", text="?")
    ... except ValueError as e:
    ...     print(type(e).__name__)
    InvalidDateError
    """


class InvalidQueryError(SecretSpeechError, TypeError):
    """
    A query got an unknown criterion or an argument of the wrong type.

    >>> import secretspeech as ss
    >>> try:
    ...     ss.events.filter(colour="red")
    ... except TypeError as e:
    ...     print(type(e).__name__)
    InvalidQueryError
    """


class InvalidCorpusError(SecretSpeechError, ValueError):
    """
    A dataset breaks one of the rules every corpus must keep.

    The message names the file, the record and the problem: a duplicate id,
    a reference that does not resolve, evidence that does not match the text
    at its offsets, bounds in the wrong order, or a text whose checksum
    differs from the one recorded.

    >>> import secretspeech as ss
    >>> try:
    ...     ss.load_corpus("no-such-corpus.json", "no-such-text.txt")
    ... except ValueError as e:
    ...     print(type(e).__name__, "-", e)
    InvalidCorpusError - no-such-corpus.json: cannot read: ...
    """
