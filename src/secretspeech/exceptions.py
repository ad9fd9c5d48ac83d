"""
Every error that *secretspeech* raises.

Each error is a `SecretSpeechError` and also the builtin exception that
callers would catch anyway, so ``except LookupError`` and ``except
SecretSpeechError`` both work:

- a value of the wrong type is an `InvalidTypeError`, a `TypeError`;
- a value of the right type that cannot be used, such as a date that
  cannot be read, is an `InvalidValueError`, a `ValueError`;
- an id or name that matches nothing is a `NotFoundError`, a
  `LookupError`;
- corpus data that breaks a rule is an `InvalidCorpusError`, a
  `ValueError`;
- a corpus file the operating system cannot read or write is a
  `CorpusFileError`, an `OSError` with the ``errno``, ``strerror`` and
  ``filename`` of the failure;
- an optional library that a function needs (pandas, pyarrow, networkx,
  Hypothesis) but that is not installed is a `MissingDependencyError`, a
  `ModuleNotFoundError` whose message says which extra installs it.

Each message names the record type and field, or the function and
argument, and quotes the value it refuses, shortened.

Python's own errors about a call itself are left as Python raises them:
a missing or unexpected argument is a plain `TypeError`, as for any
function; setting a field of a frozen record is attrs'
`~attrs.exceptions.FrozenInstanceError`; indexing a collection past its
end is an `IndexError`, as for any sequence. An error raised by a
callable you pass in, such as the predicate of `Collection.where`,
reaches you unchanged.
"""

from __future__ import annotations


__all__ = [
    "CorpusFileError",
    "InvalidCorpusError",
    "InvalidTypeError",
    "InvalidValueError",
    "MissingDependencyError",
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
    A value has the right type but cannot be used.

    A kind that names no member, a date that cannot be read or is
    impossible, a period whose end comes before its start, an empty name:
    the message names the record type and field, or the function and
    argument, and quotes the value.

    >>> import secretspeech as ss
    >>> try:
    ...     ss.events.filter(kind="picnic")
    ... except ValueError as e:
    ...     print(type(e).__name__)
    InvalidValueError
    >>> try:
    ...     ss.HistoricalDate.from_edtf("1956-13", text="?")
    ... except ValueError as e:
    ...     print(type(e).__name__)
    InvalidValueError
    """


class InvalidTypeError(SecretSpeechError, TypeError):
    """
    A value has a type that cannot be used where it was given.

    Constructors, the vocabularies (such as `EventKind`) and functions
    raise it for an argument or field of the wrong type; the message names
    the record type and field, or the function and argument, and the value
    with its type. A `bool` is not taken for an `int`, nor a `str` for a
    list of strings.

    >>> import secretspeech as ss
    >>> try:
    ...     ss.HistoricalDate.from_edtf(1956, text="1956")
    ... except TypeError as e:
    ...     print(type(e).__name__)
    ...     print(e)
    InvalidTypeError
    HistoricalDate.from_edtf() takes an EDTF str, got 1956 (int)
    """


class InvalidCorpusError(SecretSpeechError, ValueError):
    """
    A dataset breaks one of the rules every corpus must keep.

    The message names the file, the record and the problem: a duplicate id,
    a reference that does not resolve, evidence that does not match the text
    at its offsets, bounds in the wrong order, or a text whose checksum
    differs from the one recorded.

    >>> import tempfile
    >>> from pathlib import Path
    >>> import secretspeech as ss
    >>> folder = Path(tempfile.mkdtemp())
    >>> _ = (folder / "c.json").write_text('{"format": 0}', encoding="utf-8")
    >>> _ = (folder / "a.txt").write_text("Text.", encoding="utf-8")
    >>> try:
    ...     ss.load_corpus(folder / "c.json", folder / "a.txt")
    ... except ValueError as e:
    ...     print(type(e).__name__, "-", str(e).removeprefix(str(folder)))
    InvalidCorpusError - /c.json: format must be 1, got 0
    """


class CorpusFileError(SecretSpeechError, OSError):
    """
    A corpus file cannot be read or written.

    `load_corpus` and `save_corpus` raise it, both ways alike, for every
    failure of the operating system: a missing file, a directory, no
    permission, a full disk. ``errno``, ``strerror`` and ``filename`` are
    those of the failure, the original error (such as a
    `FileNotFoundError`) is its ``__cause__``, and the message names the
    file first, as every corpus error does. A file that can be read but
    does not hold a valid corpus is another matter: `InvalidCorpusError`.

    The error is an `OSError` but not a `FileNotFoundError`: to tell a
    missing file apart, compare ``errno`` with `errno.ENOENT`.

    >>> import errno
    >>> import secretspeech as ss
    >>> try:
    ...     ss.load_corpus("no-such-corpus.json", "no-such-text.txt")
    ... except OSError as e:
    ...     print(type(e).__name__, e.errno == errno.ENOENT, e.filename)
    ...     print(e)
    CorpusFileError True no-such-corpus.json
    no-such-corpus.json: No such file or directory
    """

    def __str__(self) -> str:
        # "corpus.json: Permission denied", in the form of the other corpus
        # errors, rather than OSError's "[Errno 13] ...: 'corpus.json'".
        if self.filename is not None and self.strerror is not None:
            return f"{self.filename}: {self.strerror}"
        return super().__str__()


class MissingDependencyError(SecretSpeechError, ModuleNotFoundError):
    """
    An optional library that a function needs is not installed.

    The tables need pandas (and pyarrow for Parquet), the graph functions
    networkx, `secretspeech.strategies` Hypothesis: each is installed by an
    extra of the package, which the message names. ``name`` is the missing
    library, as for any `ModuleNotFoundError`, and the import's own error
    is the ``__cause__``.

    >>> import secretspeech as ss
    >>> e = ss.MissingDependencyError(
    ...     'to_graph() needs networkx, which is not installed; install it '
    ...     'with: pip install "secretspeech[graph]"',
    ...     name="networkx",
    ... )
    >>> isinstance(e, ModuleNotFoundError), e.name
    (True, 'networkx')
    """
