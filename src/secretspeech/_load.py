"""
Read corpus data into validated records: the only module that parses.

A corpus is a UTF-8 text plus a JSON document of records whose evidence
points into that text. Everything is checked before a `Corpus` exists; the
first broken rule raises `InvalidCorpusError` naming the source, the record
and the problem.
"""

from __future__ import annotations

import codecs
import enum
import errno
import functools
import json
import os
import stat
import sys
import threading
import types
import typing
from collections.abc import Callable, Mapping
from collections.abc import Set as AbstractSet
from os import PathLike
from typing import TYPE_CHECKING, Any, TypeAlias, TypeGuard, TypeVar, cast

import attrs


if TYPE_CHECKING:
    from hashlib import sha256
else:
    try:
        # CPython's own SHA-256: importing hashlib starts OpenSSL, which
        # costs more than checking the bundled data's digest with it.
        from _sha256 import sha256
    except ImportError:  # pragma: no cover -- Python 3.12 on, or not CPython
        from hashlib import sha256

from secretspeech._checks import check_count
from secretspeech._corpus import Corpus
from secretspeech._dates import Calendar, DateBasis, HistoricalDate
from secretspeech._dates import _default as _default_basis
from secretspeech._dates import _parse as _parse_edtf
from secretspeech._model import (
    CORPUS_FORMAT,
    SCHEMA,
    Article,
    Evidence,
    Quantity,
    Source,
    plain,
    schema_of,
    type_hints,
)
from secretspeech._text import brief, shown
from secretspeech.exceptions import (
    CorpusFileError,
    InvalidCorpusError,
    InvalidTypeError,
    InvalidValueError,
    SecretSpeechError,
)


if TYPE_CHECKING:
    from importlib.resources.abc import Traversable
    from pathlib import Path


__all__ = [
    "MODEL_TYPES",
    "from_dict",
    "load_bundled",
    "load_corpus",
    "parse_corpus",
]

#: The types `as_dict` writes and `from_dict` reads: the record types, the
#: values inside records, the article and the corpus.
MODEL_TYPES: tuple[type[Any], ...] = (
    *(c.record_type for c in SCHEMA),
    Article,
    Evidence,
    HistoricalDate,
    Quantity,
    Source,
    Corpus,
)

#: The corpus format this module reads.
FORMAT = CORPUS_FORMAT
#: The largest corpus JSON document accepted, in bytes: the default of
#: ``max_records_bytes=``.
MAX_BYTES = 20_000_000
#: The largest text file accepted, in bytes: the default of
#: ``max_text_bytes=``.
MAX_TEXT_BYTES = 20_000_000
#: The largest number of records of one collection accepted: the default
#: of ``max_records=``.
MAX_RECORDS = 100_000
#: The longest problem an error message states, in characters: a message
#: quotes values briefly, and this bounds what the records themselves say.
MAX_PROBLEM_CHARS = 1_000

_T = TypeVar("_T")
_V = TypeVar("_V")
_E = TypeVar("_E", bound=enum.Enum)
_lock = threading.Lock()
_bundled: Corpus | None = None

# How a corpus file is opened: never blocking (a named pipe with no writer
# would wait forever in open() itself), never taking a terminal as the
# controlling one, and in binary mode where the platform has a text one.
_OPEN_FLAGS = (
    os.O_RDONLY
    | getattr(os, "O_NONBLOCK", 0)
    | getattr(os, "O_NOCTTY", 0)
    | getattr(os, "O_BINARY", 0)
)
# Bytes read at a time: a limit raised far above a file's size costs no
# memory, and a file is never read much past its limit.
_CHUNK = 1 << 20
# How many unknown field names a message quotes.
_NAMED = 3
# What a file that is not a regular file is called in a message.
_KINDS = {
    stat.S_IFIFO: "a named pipe",
    stat.S_IFCHR: "a device",
    stat.S_IFBLK: "a device",
    stat.S_IFSOCK: "a socket",
}

#: The files of the bundled data, in the order `DIGEST_FILE` lists them.
DATA_FILES = ("article.txt", "corpus.json")
#: The file in which ``scripts/build_data.py`` records the SHA-256 of each of
#: `DATA_FILES`, as ``sha256sum`` prints them, once the data has passed
#: every check.
DIGEST_FILE = "corpus.sha256"

# The collections a document may leave out: those `Corpus` gives a default.
_OPTIONAL_KINDS = frozenset(
    f.name for f in attrs.fields(Corpus) if f.default is not attrs.NOTHING
)


def load_bundled() -> Corpus:
    """
    Return the corpus shipped with the package, loading it on first use.

    The data is read and indexed once per process; concurrent first calls
    wait for the one load. Data whose digest is the one the build recorded
    is built without checking it again (`load_data`).

    Returns:
        The bundled corpus.

    >>> from secretspeech._load import load_bundled
    >>> load_bundled() is load_bundled()
    True
    """
    global _bundled  # noqa: PLW0603 -- the one cache, written once under a lock
    if _bundled is None:
        with _lock:
            if _bundled is None:
                _bundled = load_data(
                    _data_folder(), source="secretspeech/_data/corpus.json"
                )
    return _bundled


def _data_folder() -> Traversable | str:
    """Return the folder of the bundled data: a path if it is on disk."""
    # Installed from a wheel, the package is a folder: read it with os
    # alone. importlib.resources (for a package in a zip file) and pathlib
    # import a dozen modules, a fifth of the cost of a first lookup.
    here = os.path.join(os.path.dirname(__file__), "_data")  # noqa: PTH118, PTH120
    if os.path.isdir(here):  # noqa: PTH112
        return here
    from importlib import resources  # noqa: PLC0415 -- only when zipped

    return resources.files("secretspeech") / "_data"


def _read_data(folder: Traversable | str, name: str) -> bytes | None:
    """Return the bytes of the file *name* in *folder*, `None` if absent."""
    if isinstance(folder, str):
        try:
            # os alone, as in _data_folder.
            path = os.path.join(folder, name)  # noqa: PTH118
            with open(path, "rb") as file:  # noqa: PTH123
                return file.read()
        except FileNotFoundError:
            return None
    found = folder / name
    return found.read_bytes() if found.is_file() else None


def digest_listing(files: Mapping[str, bytes]) -> str:
    """
    Return what ``sha256sum`` prints for *files*, given by name, in order.

    >>> from secretspeech._load import digest_listing
    >>> digest_listing({"a.txt": b""}).split()[1:]
    ['a.txt']
    >>> digest_listing({"a.txt": b""}).startswith("e3b0c44298fc1c149afbf4c")
    True
    """
    return "".join(
        f"{sha256(data).hexdigest()}  {name}\n" for name, data in files.items()
    )


def load_data(folder: Traversable | str, *, source: str) -> Corpus:
    """
    Load the corpus in *folder*, trusting it only if its digest says so.

    If *folder*'s `DIGEST_FILE` lists the SHA-256 of `DATA_FILES` as
    they are, the records are built without their validators and the
    corpus without its checks: the build recorded that digest only after
    loading the data with every check, and the tests prove every rule on
    exactly these bytes.  Otherwise (a file changed, or the digest is
    missing) the data is read as any other: checked in full, and refused
    if it breaks a rule.

    Raises:
        InvalidCorpusError: If the data is not trusted and breaks a rule.
    """
    data: dict[str, bytes] = {}
    for name in DATA_FILES:
        found = _read_data(folder, name)
        if found is None:
            raise CorpusFileError(f"{source}: the package has no {name}")
        data[name] = found
    recorded = _read_data(folder, DIGEST_FILE) or b""
    if recorded == digest_listing(data).encode("ascii"):
        # Exactly the bytes the build wrote and checked: no duplicate keys
        # or long numbers to look for, and no rule to check again.
        parser = _Parser(
            source,
            data["article.txt"].decode("utf-8"),
            _record_types(None),
            trusted=True,
        )
        document = json.loads(data["corpus.json"])
        return parser.corpus(document, consume=True)
    return parse_corpus(
        # As open() reads text: any newline is "\n".
        _universal(data["corpus.json"].decode("utf-8")),
        _universal(data["article.txt"].decode("utf-8")),
        source=source,
    )


def _universal(text: str) -> str:
    """Return *text* with its newlines read as text mode reads them."""
    return text.replace("\r\n", "\n").replace("\r", "\n")


def _forget_lock() -> None:
    """Give a forked child a free lock of its own."""
    # The parent's lock may be held by a thread that the child does not
    # have, and that would never release it: the child's first load would
    # wait forever.
    global _lock  # noqa: PLW0603 -- the one lock, made anew in a child
    _lock = threading.Lock()


if hasattr(os, "register_at_fork"):  # pragma: no branch -- Windows has no fork
    os.register_at_fork(after_in_child=_forget_lock)


def load_corpus(  # noqa: PLR0913 -- each limit is an argument
    records: str | PathLike[str],
    text: str | PathLike[str],
    /,
    *,
    encoding: str = "utf-8",
    max_records_bytes: int = MAX_BYTES,
    max_text_bytes: int = MAX_TEXT_BYTES,
    max_records: int = MAX_RECORDS,
    record_types: Mapping[str, type[Any]] | None = None,
) -> Corpus:
    """
    Load and validate a corpus from a JSON file of records and a text file.

    The JSON document has the shape of the bundled
    ``secretspeech/_data/corpus.json``; its ``article.sha256`` must be the
    SHA-256 of the text.

    Both must be regular files (or links to them): a named pipe or a device
    is refused before anything is read from it. Neither is read past its
    limit, whatever the file system says of its size.

    The limits bound what a file can cost before anything is checked; raise
    them for a larger corpus.  A million records of about a kilobyte each
    take ``max_records_bytes=1_500_000_000`` and, if one collection holds
    more than 100,000 of them, ``max_records=1_000_000``.

    Args:
        records: Path of the JSON document.
        text: Path of the UTF-8 text the evidence refers to.
        encoding: Encoding of both files.
        max_records_bytes: The largest JSON document read, in bytes;
            20,000,000 unless raised.
        max_text_bytes: The largest text read, in bytes; 20,000,000 unless
            raised.
        max_records: The most records one collection may hold; 100,000
            unless raised.
        record_types: Record types of your own by collection name
            (``{"events": MyEvent}``): subclasses of ours, whose fields of
            their own declare their part in the schema as ours do; the
            records of a collection named here are read as its type.  What
            `save_corpus` wrote of a corpus of such records reads back
            with them.

    Returns:
        The validated corpus.

    Raises:
        CorpusFileError: If the operating system cannot read a file (it is
            missing, a directory, not readable); an `OSError` with the
            ``errno`` and ``filename`` of the failure, which is its
            ``__cause__``.
        InvalidCorpusError: If a file is not a regular file, is larger than
            its limit, holds a collection of more records than
            *max_records*, is not in *encoding*, or breaks any rule of a
            corpus; the message names the file, the record and the
            problem, or the limit and the argument that raises it.
        InvalidTypeError: If *records* or *text* is not a path, *encoding*
            is not a str, a limit is not an int, or *record_types* is not a
            mapping of collection names to subclasses of their record
            types.
        InvalidValueError: If a path is empty or holds a character no
            file name can (a NUL, an unpaired surrogate), *encoding* is not
            a text encoding Python knows, or a limit is less than 1.

    >>> import secretspeech as ss
    >>> import secretspeech as ss
    >>> ss.load_corpus("missing.json", "missing.txt")
    Traceback (most recent call last):
    ...
    secretspeech.exceptions.CorpusFileError: missing.json: No such file ...
    """
    check_paths("load_corpus", records=records, text=text)
    _check_encoding(encoding)
    # Before reading, as the other arguments: a mistake here costs nothing.
    _record_types(record_types)
    check_limits(
        "load_corpus",
        max_records_bytes=max_records_bytes,
        max_text_bytes=max_text_bytes,
        max_records=max_records,
    )
    # Bytes, not read_text: newline translation would change the text the
    # offsets and the checksum refer to.
    document = _decode(
        records,
        _read_bounded(records, "records", max_records_bytes),
        encoding,
    )
    body = _decode(text, _read_bounded(text, "text", max_text_bytes), encoding)
    return parse_corpus(
        document,
        body,
        source=str(records),
        record_types=record_types,
        max_length=max_records_bytes,
        max_records=max_records,
    )


def check_limits(function: str, **limits: object) -> None:
    """
    Check that every one of *limits* is a size or a count: an int of 1 or more.

    Raises:
        InvalidTypeError: If one is not an `int` (a `bool` is not one).
        InvalidValueError: If one is less than 1.
    """
    for argument, value in limits.items():
        check_count(value, f"{function}(): {argument}=", least=1)


def check_paths(function: str, **paths: object) -> None:
    """
    Check that every one of *paths* is a `str` or an `os.PathLike`.

    Raises:
        InvalidTypeError: If one is anything else; the message names it.
    """
    for argument, value in paths.items():
        if not isinstance(value, str | os.PathLike):
            raise InvalidTypeError(
                f"{function}() takes a path for {argument}, got {shown(value)}"
            )


def _check_encoding(encoding: object) -> None:
    """Refuse an *encoding* that is not the name of a text encoding."""
    if not isinstance(encoding, str):
        raise InvalidTypeError(
            f"load_corpus() takes the name of an encoding as a str for "
            f"encoding=, got {shown(encoding)}"
        )
    try:
        # A codec such as "rot13" or "hex" is known but turns bytes into
        # bytes or str into str; str.decode() refuses it.
        text_codec = codecs.lookup(encoding)._is_text_encoding  # noqa: SLF001
    except (LookupError, ValueError):
        text_codec = False
    if not text_codec:
        raise InvalidValueError(
            f"load_corpus(): encoding={brief(encoding)} is not a text "
            "encoding Python knows, such as 'utf-8'"
        )


class NotAFileError(Exception):
    """
    A path names something that exists but is not a regular file.

    Raised inside `on_file`, which lets it through (it is no `OSError`,
    `TypeError` or `ValueError`), for the caller to refuse in its own words.
    """

    def __init__(self, mode: int) -> None:
        self.kind = _KINDS.get(stat.S_IFMT(mode), "a special file")
        super().__init__(self.kind)


def _read_bounded(
    path: str | PathLike[str], argument: str, limit: int
) -> bytes:
    """
    Return the bytes of the regular file *path*, refusing more than *limit*.

    Raises:
        CorpusFileError: If the operating system refuses.
        InvalidCorpusError: If *path* is not a regular file, or holds more
            than *limit* bytes.
    """
    try:
        data = on_file(
            "load_corpus", argument, path, lambda p: _read(p, limit)
        )
    except NotAFileError as e:
        raise InvalidCorpusError(
            f"{path}: not a regular file but {e.kind}"
        ) from None
    if len(data) > limit:
        raise InvalidCorpusError(
            f"{path}: more than the limit of {limit} bytes; "
            f"load_corpus(..., max_{argument}_bytes=...) raises it"
        )
    return data


def _read(path: Path, limit: int) -> bytes:
    """Read *path*, a regular file, up to one byte past *limit*."""
    fd = os.open(path, _OPEN_FLAGS)
    try:
        # The kind of the file opened, not of the path: it cannot change
        # between the look and the read.
        mode = os.fstat(fd).st_mode
        if stat.S_ISDIR(mode):
            # What reading a folder is everywhere, said before reading.
            raise IsADirectoryError(errno.EISDIR, os.strerror(errno.EISDIR))
        if not stat.S_ISREG(mode):
            raise NotAFileError(mode)
        # Bounded by the bytes read, not the size the file claims: the
        # size of a file that grows meanwhile is already wrong.
        chunks: list[bytes] = []
        left = limit + 1
        while left > 0:
            chunk = os.read(fd, min(left, _CHUNK))
            if not chunk:
                break
            chunks.append(chunk)
            left -= len(chunk)
        return b"".join(chunks)
    finally:
        os.close(fd)


def on_file(
    function: str,
    argument: str,
    path: str | PathLike[str],
    act: Callable[[Path], _T],
) -> _T:
    """
    Run *act* on *path*, turning every failure into an error that names it.

    This is the one file policy of `load_corpus` and `save_corpus`, which
    name themselves as *function* and the path's parameter as *argument*.
    Any other exception, such as a `NotAFileError`, passes through.

    Raises:
        CorpusFileError: If the operating system refuses (`file_error`).
        InvalidTypeError: If *path* is an `os.PathLike` that gives bytes.
        InvalidValueError: If *path* is empty (which `pathlib` would
            read as the current folder) or holds a NUL or an unpaired
            surrogate, so that the operating system cannot even be asked.
    """
    try:
        from pathlib import Path  # noqa: PLC0415 -- not needed to start

        if os.fspath(path) == "":
            # Path("") is the current folder; open("") is no file.
            msg = "an empty path names no file"
            raise ValueError(msg)  # noqa: TRY301 -- refused as below
        return act(Path(path))
    except OSError as e:
        raise file_error(path, e) from e
    except TypeError as e:
        raise InvalidTypeError(
            f"{function}() takes a path for {argument}, got {shown(path)}: {e}"
        ) from e
    except ValueError as e:
        raise InvalidValueError(
            f"{function}(): {argument}={brief(str(path))} is not a path the "
            f"operating system can open: {e}"
        ) from e


def _decode(path: str | PathLike[str], data: bytes, encoding: str) -> str:
    """Decode the bytes read from *path*, naming it if they are not text."""
    try:
        return data.decode(encoding)
    except UnicodeError as e:
        # The codec's own name: "UTF8" and "utf_8" are both "utf-8".
        name = codecs.lookup(encoding).name
        raise InvalidCorpusError(f"{path}: not {name}: {e!s:.200}") from e


def file_error(
    path: object, error: OSError, *, ours: bool = False
) -> CorpusFileError:
    """
    Return the `CorpusFileError` for *error*, raised reading or writing *path*.

    It keeps the error's ``errno``, ``strerror`` and ``filename`` (or
    *path*, if the error names no file); raise it ``from error``. If
    *ours*, the error names a file of the library's own making (a
    temporary file beside *path*), which is no name to give a user, so it
    is given *path*'s.
    """
    if error.errno is None or error.strerror is None:
        return CorpusFileError(f"{path}: {error}")
    if ours or error.filename is None:
        return CorpusFileError(error.errno, error.strerror, str(path))
    return CorpusFileError(
        error.errno, error.strerror, error.filename, None, error.filename2
    )


def parse_corpus(  # noqa: PLR0913 -- each limit is an argument
    document: str | Mapping[str, Any],
    text: str,
    /,
    *,
    source: str = "<corpus>",
    record_types: Mapping[str, type[Any]] | None = None,
    max_length: int | None = None,
    max_records: int | None = None,
) -> Corpus:
    """
    Build a validated `Corpus` from a JSON document (or its parsed mapping).

    Args:
        document: The JSON text, or the mapping it parses to.
        text: The canonical text the evidence refers to.
        source: A name for the data, used in error messages.
        record_types: Record types of your own by collection name
            (``{"events": MyEvent}``): subclasses of ours, whose fields of
            their own declare their part in the schema as ours do.
        max_length: The longest JSON text accepted, in characters;
            `MAX_BYTES` (20,000,000) if `None`.
        max_records: The most records one collection may hold;
            `MAX_RECORDS` (100,000) if `None`.

    Returns:
        The validated corpus.

    Raises:
        InvalidCorpusError: If any rule is broken.
        InvalidTypeError: If *record_types* is not a mapping of collection
            names to subclasses of their record types.
    """
    kinds = _record_types(record_types)
    most = MAX_RECORDS if max_records is None else max_records
    if not isinstance(document, str):
        return _Parser(source, text, kinds, max_records=most).corpus(document)
    limit = MAX_BYTES if max_length is None else max_length
    if len(document) > limit:
        raise InvalidCorpusError(
            f"{source}: the document is longer than the limit of {limit} "
            "characters; load_corpus(..., max_records_bytes=...) raises it"
        )
    # Our own parse: its arrays are tuples (`_no_duplicates`).
    parser = _Parser(source, text, kinds, max_records=most, arrays=_ARRAYS)
    return parser.corpus(_json(document, source), consume=True)


def _json(document: str, source: str) -> object:
    """
    Parse a JSON document, refusing a key given twice and naming the file.

    Raises:
        InvalidCorpusError: If *document* is not JSON, gives a key twice in
            an object or holds a number longer than Python reads.
    """
    try:
        try:
            return json.loads(document, object_pairs_hook=_no_duplicates)
        except json.JSONDecodeError:
            raise
        except ValueError:
            # The only other failure: an integer of more digits than int()
            # reads.  Read again, each integer by _int, to find it; only a
            # refused document costs the slower read.
            return json.loads(
                document, parse_int=_int, object_pairs_hook=_no_duplicates
            )
    except _DuplicateKeyError as e:
        raise InvalidCorpusError(f"{source}: {e}") from None
    except _LongNumberError as e:
        raise InvalidCorpusError(
            f"{source}: {_position(document, e.token)}a number of "
            f"{len(e.token.lstrip('-'))} digits is longer than Python "
            f"reads (sys.get_int_max_str_digits() is "
            f"{sys.get_int_max_str_digits()})"
        ) from None
    except (json.JSONDecodeError, RecursionError) as e:
        raise InvalidCorpusError(f"{source}: not valid JSON: {e}") from e


def _record_types(given: Mapping[str, type[Any]] | None) -> dict[str, type]:
    """Return the record type of each collection, with the user's own."""
    kinds: dict[str, type] = {c.name: c.record_type for c in SCHEMA}
    if given is None:
        return kinds
    if not isinstance(given, Mapping):
        raise InvalidTypeError(
            f"record_types= takes a mapping of collection names to record "
            f"types, got {shown(given)}"
        )
    for name, cls in given.items():
        cls_: object = cls
        if name not in kinds:
            raise InvalidTypeError(
                f"record_types= names {shown(name)}, which is not a "
                f"collection; choose from {', '.join(kinds)}"
            )
        if not (isinstance(cls_, type) and issubclass(cls_, kinds[name])):
            raise InvalidTypeError(
                f"record_types={{{name!r}: ...}} takes a subclass of "
                f"{kinds[name].__name__}, got {shown(cls)}"
            )
    return {**kinds, **given}


def from_dict(cls: type[_T], data: Mapping[str, Any], /) -> _T:
    """
    Build a record or value of the model from the plain data `as_dict` gives.

    The inverse of `as_dict`: ``from_dict(type(x), as_dict(x)) == x`` for
    every record, `Article`, `Evidence`, `HistoricalDate`, `Quantity`,
    `Source` and `Corpus`.  The data is read as `load_corpus` reads a file,
    field by field by the declared types, and the result is checked as any
    other construction is: an `Article`'s data holds its text, and a
    `Corpus`'s its article's text too.  A record type of your own that
    subclasses one of ours is read the same way.

    Args:
        cls: The type to build.
        data: A dict of plain JSON values, as `as_dict` gives (or
            ``json.loads`` reads).

    Returns:
        A new *cls*.

    Raises:
        InvalidTypeError: If *cls* is not a type of the model or *data* is
            not a mapping.
        InvalidCorpusError: If *data* breaks a rule of *cls*; the message
            names the field.

    >>> import secretspeech as ss
    >>> event = ss.events.get("secret-speech")
    >>> data = ss.as_dict(event)
    >>> ss.from_dict(ss.Event, data) == event
    True
    >>> ss.from_dict(ss.Person, {"id": "x"})
    Traceback (most recent call last):
    ...
    secretspeech.exceptions.InvalidCorpusError: from_dict(Person): missing fields 'name', 'description' and 'evidence'
    """  # noqa: E501 -- a doctest's output is one line
    given: object = cls
    if not (isinstance(given, type) and issubclass(given, MODEL_TYPES)):
        names = ", ".join(t.__name__ for t in MODEL_TYPES)
        raise InvalidTypeError(
            f"from_dict() takes one of {names} (or a subclass of a record "
            f"type), got {shown(cls)}"
        )
    if not isinstance(data, Mapping):
        raise InvalidTypeError(
            f"from_dict() takes the data as a dict, got {shown(data)}"
        )
    source = f"from_dict({cls.__name__})"
    built: object
    if issubclass(cls, Corpus | Article):
        text = data.get("article") if cls is Corpus else data
        text = text.get("text") if isinstance(text, Mapping) else None
        if not isinstance(text, str):
            where = "article.text" if cls is Corpus else "text"
            raise InvalidCorpusError(
                f"{source}: {where} must be the article's text, a str, got "
                f"{brief(text)}"
            )
        if cls is Corpus:
            document = dict(data)
            article = dict(document["article"])
            del article["text"]
            document["article"] = article
            built = parse_corpus(document, text, source=source)
        else:
            parser = _Parser(source, text, {})
            fields = {k: v for k, v in data.items() if k != "text"}
            built = parser.article(fields)
    else:
        parser = _Parser(source, "", {})
        if issubclass(cls, Evidence):
            built = parser.evidence(data, "Evidence")
        elif issubclass(cls, HistoricalDate):
            built = parser.date(data, "HistoricalDate")
        elif issubclass(cls, Quantity | Source):
            built = parser.build(cls, **data)
        else:
            built = parser.record(cls, data)
    return cast("_T", built)


class _DuplicateKeyError(Exception):
    """A JSON object that gives one key twice."""


def _no_duplicates(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    """
    Build a JSON object, refusing a key given twice; its arrays as tuples.

    `json` keeps the last value silently; a corpus file with two values
    for one field is a mistake to report, not to guess at.

    Each array that is the value of a key becomes a tuple, as the records
    hold it: a list is always watched by the garbage collector, while a
    tuple of strings (and an object of such tuples) is let go after its
    first collection, so that the collector does not walk the document
    again and again while the records are read.
    """
    found = {
        key: tuple(value) if type(value) is list else value
        for key, value in pairs
    }
    if len(found) == len(pairs):
        return found
    # Only a broken document comes here: find the first key given twice.
    seen: dict[str, Any] = {}
    for key, value in pairs:  # pragma: no branch -- a key repeats
        if key in seen:
            break
        seen[key] = value
    record = seen.get("id")
    where = (
        f" in the record {brief(record)}" if isinstance(record, str) else ""
    )
    msg = f"duplicate key {brief(key)}{where}; give each field once"
    raise _DuplicateKeyError(msg)


class _LongNumberError(Exception):
    """A JSON integer with more digits than `int` converts."""

    def __init__(self, token: str) -> None:
        super().__init__(f"a number of {len(token)} characters")
        self.token = token


def _int(token: str) -> int:
    """Read a JSON integer, refusing one over Python's digit limit."""
    try:
        return int(token)
    except ValueError:
        # The only way int() fails on a JSON integer: more digits than
        # sys.get_int_max_str_digits() allows.
        raise _LongNumberError(token) from None


def _position(document: str, token: str) -> str:
    """Say where *token* first occurs in *document*: "line 3 column 7: "."""
    # The scanner hands over the number as written, so it is there.
    at = document.index(token)
    line = document.count("\n", 0, at) + 1
    column = at - document.rfind("\n", 0, at)
    return f"line {line} column {column}: "


# -- reading records ----------------------------------------------------------

#: How the parser reads one field's JSON value: given the parser, the value
#: (never None) and the field's name.
_Reader: TypeAlias = Callable[["_Parser", Any, str], object]

_EVIDENCE_KEYS = frozenset({"start", "end", "exact", "prefix", "suffix"})
_DATE_KEYS = frozenset(
    {
        "text",
        "edtf",
        "earliest",
        "latest",
        "precision",
        "approximate",
        "uncertain",
        "calendar",
        "relative_to",
        "basis",
        "reason",
    }
)
# The JSON values a date's cache key may hold: no int, so that JSON true
# and 1, equal in a tuple, are never taken for each other.
_DATE_VALUE_TYPES = frozenset({str, bool, type(None)})
# The types of a span whose key `_Parser.evidence` keeps: start, end,
# exact, prefix and suffix.
_SPAN_TYPES = (int, int, str, str, str)
#: What a JSON array is read as.
_ArrayType: TypeAlias = type[list[Any]] | type[tuple[Any, ...]]
# What `_json` reads a JSON array as.
_ARRAYS: tuple[_ArrayType, ...] = (list, tuple)


def _read_plain(_parser: _Parser, raw: object, _field: str) -> object:
    # JSON has no tuples; the model converts lists of names and texts.
    return tuple(raw) if isinstance(raw, list) else raw


def _read_ids(parser: _Parser, raw: object, _field: str) -> object:
    # One str object per id, however many records name it.
    if type(raw) is str:
        return parser.ids.setdefault(raw, raw)
    if isinstance(raw, list | tuple):
        ids = parser.ids
        return tuple(
            [ids.setdefault(i, i) if type(i) is str else i for i in raw]
        )
    return raw


def _read_evidence(parser: _Parser, raw: object, field: str) -> object:
    return parser.evidence(raw, field)


def _read_date(parser: _Parser, raw: object, field: str) -> object:
    return parser.date(raw, field)


def _read_quantity(parser: _Parser, raw: object, field: str) -> object:
    return parser.value_of(Quantity, parser.mapping(raw, field))


def _each(read: _Reader, what: str) -> _Reader:
    """Return a reader of a list, each item read by *read*."""

    def read_all(parser: _Parser, raw: object, field: str) -> object:
        if not isinstance(raw, parser.arrays):
            raise parser.fail(f"{field} must be a list, got {brief(raw)}")
        return tuple([read(parser, one, field) for one in raw])

    read_all.__doc__ = f"Read a list of {what}."
    return read_all


def _read_source(parser: _Parser, raw: object, field: str) -> object:
    return parser.value_of(Source, parser.mapping(raw, f"{field} item"))


@functools.lru_cache(maxsize=64)
def _read_member(vocabulary: type[enum.Enum]) -> _Reader:
    """Return a reader of *vocabulary*'s values as its members."""
    members = {m.value: m for m in vocabulary}

    def read(_parser: _Parser, raw: object, _field: str) -> object:
        # The usual spelling at the cost of a lookup; anything else, for
        # the field's converter to read forgivingly or refuse by name.
        return members.get(raw, raw) if type(raw) is str else raw

    return read


@functools.lru_cache(maxsize=64)
def _read_members(vocabulary: type[enum.Enum]) -> _Reader:
    """Return a reader of an array of *vocabulary*'s values, as members."""
    one = _read_member(vocabulary)

    def read(parser: _Parser, raw: object, field: str) -> object:
        # Each as `_read_member` reads one; anything else is left for the
        # field's converter, which names the field when it refuses.
        if isinstance(raw, list | tuple):
            return tuple([one(parser, r, field) for r in raw])
        return raw

    return read


def _reader(hint: object, holds_ids: bool) -> _Reader:  # noqa: PLR0911 -- a return per kind
    """Return how a field declared as *hint* is read from JSON."""
    if holds_ids:
        return _read_ids
    args = typing.get_args(hint)
    if typing.get_origin(hint) is tuple:
        return _items_reader(args[0])
    if hint is Evidence or Evidence in args:
        return _read_evidence
    if hint is Quantity or Quantity in args:
        return _read_quantity
    if hint is HistoricalDate or HistoricalDate in args:
        return _read_date
    if _is_vocabulary(hint):
        return _read_member(hint)
    return _read_plain


def _items_reader(item: object) -> _Reader:
    """Return how a tuple of *item* is read from a JSON array."""
    if item is Source:
        return _each(_read_source, "sources")
    if item is Evidence:
        return _each(_read_evidence, "spans")
    if item is HistoricalDate:
        return _each(_read_date, "dates")
    if _is_vocabulary(item):
        return _read_members(item)
    return _read_plain


def _is_vocabulary(hint: object) -> TypeGuard[type[enum.Enum]]:
    """Tell whether *hint* is an enumeration."""
    return isinstance(hint, type) and issubclass(hint, enum.Enum)


@functools.lru_cache(maxsize=64)
def _readers(cls: type) -> Mapping[str, _Reader]:
    """
    Return how each field of the record type *cls* is read, by name.

    Read once per type from its declared types and schema, so a record
    type of your own with fields of its own reads the same way.
    """
    hints = type_hints(cls)
    schema = schema_of(cls)
    ids = {"id", *(() if schema is None else schema.id_fields)}
    return types.MappingProxyType(
        {
            a.name: _reader(hints[a.name], a.name in ids)
            for a in attrs.fields(cls)
        }
    )


@functools.lru_cache(maxsize=64)
def _readers_of_json(cls: type) -> Mapping[str, _Reader]:
    """
    Return the readers of `_readers` that a document `_json` parsed needs.

    Its arrays are tuples already, so a field read as it is (`_read_plain`)
    needs no reading at all.
    """
    return types.MappingProxyType(
        {
            name: read
            for name, read in _readers(cls).items()
            if read is not _read_plain
        }
    )


#: A field as `_unchecked` fills it: name, default, factory, converter.
_Slot: TypeAlias = tuple[str, object, Any, Callable[[Any], Any] | None]


@functools.lru_cache(maxsize=64)
def _slots(cls: type) -> tuple[_Slot, ...]:
    """Return the name, default, factory and converter of *cls*'s fields."""
    # attrs.Factory is a class, though typed as a function.
    factory = cast("type", attrs.Factory)
    return tuple(
        (
            a.name,
            a.default,
            a.default if isinstance(a.default, factory) else None,
            a.converter,
        )
        for a in attrs.fields(cls)
        if a.init
    )


def _missing_fields(cls: object, fields: Mapping[str, object]) -> list[str]:
    """
    Return the fields *cls* cannot be made without that *fields* lacks.

    None if *fields* also holds one that *cls* does not take: that is the
    first thing to say, and Python's own message says it.

    >>> from secretspeech._model import Person
    >>> _missing_fields(Person, {"id": "x", "name": "X"})
    ['description', 'evidence']
    >>> _missing_fields(Person, {"id": "x", "size": 1})
    []

    A maker that is not an attrs class (a function) declares no fields:

    >>> _missing_fields(Person.__init__, {})
    []
    """
    if not (isinstance(cls, type) and attrs.has(cls)):
        return []
    taken = [a for a in attrs.fields(cls) if a.init]
    if not fields.keys() <= {a.alias for a in taken}:
        return []
    return [
        a.alias
        for a in taken
        if a.default is attrs.NOTHING and a.alias not in fields
    ]


def _listed(names: list[str]) -> str:
    """
    Return *names* quoted, the last after "and".

    >>> _listed(["a"]), _listed(["a", "b", "c"])
    ("'a'", "'a', 'b' and 'c'")
    """
    quoted = [repr(n) for n in names]
    if len(quoted) == 1:
        return quoted[0]
    return f"{', '.join(quoted[:-1])} and {quoted[-1]}"


def _unchecked(cls: type[_T], fields: Mapping[str, object]) -> _T:
    """
    Make a *cls* of *fields*, converted but not validated.

    Only for the bundled data whose digest is the one `build_data`
    recorded (`load_data`): the test suite has proved every rule on
    exactly those bytes, so the validators would only say it again.
    """
    made = object.__new__(cls)
    put = object.__setattr__
    # Classes hash by identity; typeshed's Hashable misses that.
    for name, default, factory, convert in _slots(cls):  # type: ignore[arg-type]
        if name in fields:
            value = fields[name]
        elif factory is None:
            value = default
        else:
            value = (
                factory.factory(made)
                if factory.takes_self
                else factory.factory()
            )
        # The same converters as __init__: lists become tuples, values
        # vocabulary members.
        put(made, name, value if convert is None else convert(value))
    return made


class _Parser:
    """
    Read one JSON document's values into records.

    Equal spans, equal dates and equal ids read from one document are one
    object each, shared by every record that holds them: a corpus holds
    many of each, and they are immutable.
    """

    def __init__(  # noqa: PLR0913 -- each is the parser's setting
        self,
        source: str,
        text: str,
        kinds: dict[str, type],
        *,
        max_records: int = MAX_RECORDS,
        trusted: bool = False,
        arrays: tuple[_ArrayType, ...] = (list,),
    ) -> None:
        self.source = source
        self.text = text
        self.kinds = kinds
        self.where = source
        # The record being read: its collection, index and JSON value.
        self.item: tuple[str, int, object] | None = None
        self.max_records = max_records
        self.trusted = trusted
        # What a JSON array is read as: a list, or also a tuple in a
        # document `_json` parsed, which makes every array one.
        self.arrays = arrays
        self.json = tuple in arrays
        self.ids: dict[str, str] = {}
        self.spans: dict[tuple[object, ...], Evidence] = {}
        self.dates: dict[tuple[object, ...], HistoricalDate] = {}

    def fail(self, problem: str) -> InvalidCorpusError:
        # Each value is quoted briefly where it is named; this bounds what
        # the records' own messages may quote, such as a huge keyword.
        if len(problem) > MAX_PROBLEM_CHARS:
            problem = problem[: MAX_PROBLEM_CHARS - 3] + "..."
        return InvalidCorpusError(f"{self.place()}: {problem}")

    def place(self) -> str:
        """Name where the parser is, with the record's id if it has one."""
        if self.item is None:
            return self.where
        kind, i, raw = self.item
        at = f"{self.source}: {kind}[{i}]"
        rid = raw.get("id") if isinstance(raw, Mapping) else None
        return f"{at} ({brief(rid)})" if isinstance(rid, str) else at

    def intern(self, value: _V) -> _V:
        """Return the one str object of an id, or a non-str as it is."""
        if isinstance(value, str) and type(value) is str:
            return cast("_V", self.ids.setdefault(value, value))
        return value

    def corpus(self, data: object, *, consume: bool = False) -> Corpus:
        """
        Build the corpus of a parsed document.

        If *consume*, the document is the parser's own, and each record's
        JSON object is let go once read, so that the document and the
        records are not both held whole.
        """
        top = self.mapping(data, "the document")
        # type() and not ==: JSON true would equal 1.
        if type(top.get("format")) is not int or top["format"] != FORMAT:
            raise self.fail(
                f"format must be {FORMAT}, got {brief(top.get('format'))}"
            )
        known = {"format", "data_version", "article", *self.kinds}
        self.no_extra(top, known)
        data_version = self.string(top.get("data_version"), "data_version")
        self.where = f"{self.source}: article"
        article = self.article(self.mapping(top.get("article"), "article"))

        self.where = self.source
        built: dict[str, tuple[Any, ...]] = {}
        for kind, cls in self.kinds.items():
            if kind not in top and kind in _OPTIONAL_KINDS:
                built[kind] = ()
                continue
            items = self.collection(top, kind)
            held: list[Any] | None = None
            if consume:
                # The document is ours: its records are held in a list (a
                # tuple let go), so that each is let go once read.
                held = items if type(items) is list else list(items)
                items = cast("dict[str, Any]", top)[kind] = held
            records: list[object] = []
            for i, item in enumerate(items):
                self.item = (kind, i, item)
                raw = self.mapping(item, "a record")
                records.append(self.record(cls, raw))
                if held is not None:
                    held[i] = None
            self.item = None
            built[kind] = tuple(records)

        if self.trusted:
            return _trusted_corpus(article, data_version, built)
        # The corpus keeps its own rules (ids, references, evidence against
        # the text); the loader adds the file's name to what it refuses.
        return self.build(
            Corpus, article=article, data_version=data_version, **built
        )

    def collection(
        self, top: Mapping[str, Any], kind: str
    ) -> list[Any] | tuple[Any, ...]:
        """Return the records of *kind* in *top*, a list within the limit."""
        if kind not in top:
            optional = [k for k in self.kinds if k in _OPTIONAL_KINDS]
            raise self.fail(
                f"the document has no {kind!r}: a list of records, possibly "
                f"empty (only {_listed(optional)} may be left out)"
            )
        items = top[kind]
        if not isinstance(items, self.arrays):
            raise self.fail(f"{kind!r} must be a list of records")
        if len(items) > self.max_records:
            raise self.fail(
                f"{kind!r} has more than the limit of {self.max_records} "
                "records; load_corpus(..., max_records=...) raises it"
            )
        return items

    # -- shapes

    def mapping(self, value: object, what: str) -> Mapping[str, Any]:
        if type(value) is dict or isinstance(value, Mapping):
            return value
        raise self.fail(f"{what} must be a JSON object, got {brief(value)}")

    def string(self, value: object, what: str) -> str:
        if not isinstance(value, str):
            raise self.fail(f"{what} must be a string, got {brief(value)}")
        return value

    def no_extra(
        self, raw: Mapping[str, Any], known: AbstractSet[str]
    ) -> None:
        if raw.keys() <= known:
            return
        extra = sorted(set(raw) - known, key=str)
        # A few names, each shortened: a document may hold thousands of
        # unknown keys, each of megabytes.
        named = ", ".join(map(brief, extra[:_NAMED]))
        more = len(extra) - _NAMED
        raise self.fail(
            f"unknown field(s) {named}"
            + (f" and {more} more" if more > 0 else "")
        )

    def build(self, cls: Callable[..., _T], **kwargs: Any) -> _T:  # noqa: ANN401
        return self.made(cls, kwargs)

    def made(self, cls: Callable[..., _T], fields: Mapping[str, Any]) -> _T:
        """Make a *cls* of *fields*, refusing in the parser's words."""
        try:
            return cls(**fields)
        except SecretSpeechError as e:
            raise self.fail(str(e)) from e
        except (TypeError, ValueError) as e:
            missing = _missing_fields(cls, fields)
            if missing:
                # Python's words name __init__ and its arguments; a file's
                # reader wants the fields it must add.
                raise self.fail(
                    f"missing field{'s' if len(missing) > 1 else ''} "
                    f"{_listed(missing)}"
                ) from e
            raise self.fail(f"{e}") from e

    def value_of(self, cls: type[_T], fields: Mapping[str, Any]) -> _T:
        """Make a *cls* of *fields*, checked unless the data is trusted."""
        if self.trusted:
            return _unchecked(cls, fields)
        return self.made(cls, fields)

    # -- values

    def evidence(self, raw: object, field: str) -> Evidence:
        span = raw if type(raw) is dict else self.mapping(raw, f"{field} item")
        get = span.get
        key = (
            get("start"),
            get("end"),
            get("exact"),
            get("prefix", ""),
            get("suffix", ""),
        )
        # Exact types, so that the key of one span is never equal to that
        # of another that the checks would refuse (JSON true equals 1).
        if tuple(map(type, key)) != _SPAN_TYPES:
            self.no_extra(span, _EVIDENCE_KEYS)
            return self.value_of(Evidence, span)
        if not span.keys() <= _EVIDENCE_KEYS:
            self.no_extra(span, _EVIDENCE_KEYS)
        found = self.spans.get(key)
        if found is None:
            found = self.spans[key] = self.value_of(Evidence, span)
        return found

    def date(self, raw: object, field: str) -> HistoricalDate:
        d = raw if type(raw) is dict else self.mapping(raw, field)
        key = (
            tuple(d.items())
            if _DATE_VALUE_TYPES.issuperset(map(type, d.values()))
            else None
        )
        found = None if key is None else self.dates.get(key)
        if found is not None:
            return found
        made = self.new_date(d, field)
        if key is not None:
            self.dates[key] = made
        return made

    def new_date(self, d: Mapping[str, Any], field: str) -> HistoricalDate:
        self.no_extra(d, _DATE_KEYS)
        for key in ("text", "edtf"):
            if not isinstance(d.get(key), str):
                raise self.fail(
                    f"{field}: {key!r} must be a string, got "
                    f"{brief(d.get(key))}"
                )
        calendar = self.member(
            Calendar, d.get("calendar", "gregorian"), f"{field}: calendar"
        )
        basis = None
        if d.get("basis") is not None:
            basis = self.member(DateBasis, d["basis"], f"{field}: basis")
        relative_to = self.intern(d.get("relative_to"))
        if self.trusted:
            return _unchecked(
                HistoricalDate,
                {
                    **_parse_edtf(d["edtf"], calendar)._asdict(),
                    "text": d["text"],
                    "edtf": d["edtf"],
                    "calendar": calendar,
                    "relative_to": relative_to,
                    "basis": basis or _default_basis(relative_to),
                    "reason": d.get("reason"),
                },
            )
        try:
            date = HistoricalDate.from_edtf(
                d["edtf"],
                text=d["text"],
                calendar=calendar,
                relative_to=relative_to,
                basis=basis,
                reason=d.get("reason"),
            )
        except SecretSpeechError as e:
            raise self.fail(f"{field}: {e}") from e
        # The bounds, precision and flags follow from the EDTF string, so a
        # document may leave them out; where it gives them they must agree.
        for key in (
            "earliest",
            "latest",
            "precision",
            "approximate",
            "uncertain",
        ):
            self.agrees(d, date, key, field)
        return date

    def member(self, vocabulary: type[_E], raw: object, field: str) -> _E:
        if type(raw) is str:
            # The usual spelling at the cost of a lookup (`_read_member`).
            raw = _read_member(vocabulary)(self, raw, field)
        try:
            return vocabulary(raw)
        except SecretSpeechError as e:
            # The vocabulary's own message lists the choices.
            raise self.fail(f"{field}: {e}") from None

    def agrees(
        self,
        given: Mapping[str, Any],
        date: HistoricalDate,
        key: str,
        field: str,
    ) -> None:
        if key not in given:
            return
        expected = plain(getattr(date, key))
        if given[key] != expected or type(given[key]) is not type(expected):
            raise self.fail(
                f"{field}: {key} is {brief(given[key])}, but edtf "
                f"{brief(date.edtf)} gives {brief(expected)}"
            )

    def article(self, raw: Mapping[str, Any]) -> Article:
        if "text" in raw:
            # What as_dict (and `secretspeech export --format json`) write:
            # the corpus with its text, which from_dict reads.
            raise self.fail(
                "unknown field(s) 'text': a corpus file keeps the article's "
                "text in a file of its own; this looks like as_dict() output "
                "(secretspeech export --format json), which from_dict() reads"
            )
        self.no_extra(
            raw,
            {
                "title",
                "standfirst",
                "author",
                "publication",
                "issue",
                "published",
                "caption",
                "sha256",
                "language",
            },
        )
        fields = dict(raw)
        fields["published"] = self.date(raw.get("published"), "published")
        return self.value_of(Article, {**fields, "text": self.text})

    def record(self, cls: type[_T], raw: Mapping[str, Any]) -> _T:
        # Each field is read by its declared type, so a record type with
        # fields of its own (a subclass given in the schema) reads the same.
        # Classes hash by identity; typeshed's Hashable misses that.
        known = _readers(cls)  # type: ignore[arg-type]
        if not raw.keys() <= known.keys():
            self.no_extra(raw, known.keys())
        # Only the fields that need reading are read, in the document's
        # order, so that of two bad fields the first is named.
        readers = _readers_of_json(cls) if self.json else known  # type: ignore[arg-type]
        fields = dict(raw)
        for key, value in raw.items():
            read = readers.get(key)
            if read is not None and value is not None:
                fields[key] = read(self, value, key)
        return self.value_of(cls, fields)


def _trusted_corpus(
    article: Article,
    data_version: str,
    collections: dict[str, tuple[Any, ...]],
) -> Corpus:
    """
    Make the corpus of the bundled records without checking them again.

    Only `_load_data` comes here, for data whose digest is the one
    `build_data` recorded; the indexes are built as for any corpus.
    """
    corpus = _unchecked(
        Corpus,
        {"article": article, "data_version": data_version, **collections},
    )
    corpus._finish()  # noqa: SLF001 -- the corpus's own, after its check
    return corpus
