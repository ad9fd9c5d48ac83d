"""Writing records and corpora out as plain JSON data and files."""

from __future__ import annotations

import contextlib
import errno
import functools
import json
import os
import secrets
import stat
from collections.abc import Callable, Mapping
from os import PathLike
from pathlib import Path
from typing import Any, TypeVar

from secretspeech._corpus import Corpus
from secretspeech._load import (
    MAX_BYTES,
    MAX_RECORDS,
    MAX_TEXT_BYTES,
    MODEL_TYPES,
    NotAFileError,
    check_limits,
    check_paths,
    file_error,
    on_file,
    parse_corpus,
)
from secretspeech._model import (
    COLLECTIONS,
    plain,
)
from secretspeech._quotes import ExtractionScore, PartScore, QuoteMatch
from secretspeech._text import brief, shown
from secretspeech.exceptions import (
    InvalidCorpusError,
    InvalidTypeError,
    InvalidValueError,
)


__all__ = ["as_dict", "save_corpus"]


#: The values queries answer with that as_dict also gives as plain data.
_ANSWERS: tuple[type[Any], ...] = (QuoteMatch, ExtractionScore, PartScore)


def save_corpus(  # noqa: PLR0913 -- each limit is an argument
    corpus: Corpus,
    records: str | PathLike[str],
    text: str | PathLike[str],
    /,
    *,
    max_records_bytes: int = MAX_BYTES,
    max_text_bytes: int = MAX_TEXT_BYTES,
    max_records: int = MAX_RECORDS,
) -> None:
    """
    Write a corpus as a JSON file of records and a UTF-8 text file.

    `load_corpus` reads the two files back into an equal corpus, so a
    corpus can be saved, shared, edited and loaded again; the JSON is
    `Corpus.to_document`, indented, with non-ASCII characters as they are.
    A corpus whose collection holds records of a type of your own (a
    subclass of ours) is read back by `load_corpus` given that type in
    ``record_types=``, as this reads it back.

    Nothing is written that `load_corpus` would refuse: the document is
    read back in memory first, and each file must be within the limit that
    `load_corpus` will be given (*max_records_bytes*, *max_text_bytes*,
    *max_records*).

    The pair is replaced whole, never written into. Each file is written
    to a temporary file beside it and flushed to the disk; then the text
    takes the place of the old text, and the records the place of the old
    records. If anything fails before that, the old files are left as they
    were and the temporary files are removed. A crash (a kill, a power
    cut) leaves the old pair or the new one, with one exception: between
    the two replacements, the new text stands beside the old records, and
    `load_corpus` refuses that pair, since the records hold the SHA-256 of
    their own text (if the text did not change, the pair is the old one).
    A crash may also leave temporary files, named ``.NAME.*.tmp`` after
    the file they were for, to delete.

    A replaced file keeps its permissions, and a symbolic link is followed:
    the file it points to is replaced. Other hard links to an old file
    keep the old contents.

    Args:
        corpus: The corpus to write.
        records: Path of the JSON file to write.
        text: Path of the text file to write.
        max_records_bytes: The largest JSON document written, in bytes;
            20,000,000 unless raised, as for `load_corpus`.
        max_text_bytes: The largest text written, in bytes; 20,000,000
            unless raised, as for `load_corpus`.
        max_records: The most records one collection may hold; 100,000
            unless raised, as for `load_corpus`.

    Errors are those of `load_corpus`, the other way round: what the
    operating system refuses is a `CorpusFileError` naming the file, with
    the ``errno`` of the failure, and nothing is written before every
    check has passed.

    Raises:
        CorpusFileError: If the operating system cannot write a file (a
            missing folder, a folder in the file's place, a path ending
            in ``/``, which names a folder, no permission, a full disk);
            an `OSError` with the ``errno`` and ``filename`` of the
            failure, which is its ``__cause__``.
        InvalidTypeError: If *corpus* is not a `Corpus`, *records* or
            *text* is not a path, or a limit is not an int.
        InvalidValueError: If *records* and *text* are the same file
            (through a link too), a path is empty, holds a character no file
            name can (a NUL) or names something other than a regular file
            (a named pipe, a device), a limit is less than 1, or the corpus
            holds what `load_corpus` would not read back: what JSON or
            UTF-8 cannot write (an int of more digits than
            `sys.get_int_max_str_digits`, an unpaired surrogate), or a file
            larger than its limit.

    >>> import tempfile
    >>> from pathlib import Path
    >>> import secretspeech as ss
    >>> folder = Path(tempfile.mkdtemp())
    >>> ss.save_corpus(ss.corpus(), folder / "c.json", folder / "a.txt")
    >>> again = ss.load_corpus(folder / "c.json", folder / "a.txt")
    >>> again.events == ss.events and again.article == ss.article
    True
    """
    if not isinstance(corpus, Corpus):
        raise InvalidTypeError(
            f"save_corpus() takes a Corpus, got {shown(corpus)}"
        )
    check_paths("save_corpus", records=records, text=text)
    check_limits(
        "save_corpus",
        max_records_bytes=max_records_bytes,
        max_text_bytes=max_text_bytes,
        max_records=max_records,
    )
    records_file = _Target.of("records", records)
    text_file = _Target.of("text", text)
    if records_file.path == text_file.path or (
        records_file.old is not None
        and text_file.old is not None
        and os.path.samestat(records_file.old, text_file.old)
    ):
        raise InvalidValueError(
            f"save_corpus() would write the records and the text to the same "
            f"file, {brief(str(records))}; give two files"
        )
    data, body = _contents(
        corpus, str(records), max_records_bytes, max_text_bytes, max_records
    )
    _write_pair(records_file, data, text_file, body)


def _contents(
    corpus: Corpus,
    source: str,
    max_records_bytes: int,
    max_text_bytes: int,
    max_records: int,
) -> tuple[bytes, bytes]:
    """Return the bytes of the records and of the text, once checked."""
    try:
        document = json.dumps(
            corpus.to_document(), ensure_ascii=False, indent=1
        )
    except ValueError as e:
        raise InvalidValueError(
            f"save_corpus(): the corpus cannot be written as JSON: {e}"
        ) from e
    # Encoded before anything is written, and written as bytes, so that the
    # text stays byte for byte what its checksum was taken of.
    data = _utf8(document + "\n", "the corpus")
    body = _utf8(corpus.article.text, "the article's text")
    for what, size, limit, argument in (
        ("records", len(data), max_records_bytes, "max_records_bytes"),
        ("text", len(body), max_text_bytes, "max_text_bytes"),
    ):
        if size > limit:
            raise InvalidValueError(
                f"save_corpus(): the {what} would be {size} bytes, more than "
                f"{argument}={limit}; load_corpus would refuse them unless "
                f"given a larger {argument}= too"
            )
    try:
        # Read back as load_corpus reads it, with the corpus's own record
        # types, so that a corpus of records of your own is read as one.
        parse_corpus(
            document,
            corpus.article.text,
            source=source,
            record_types=_record_types(corpus),
            max_length=max_records_bytes,
            max_records=max_records,
        )
    except InvalidCorpusError as e:
        raise InvalidValueError(
            f"save_corpus(): load_corpus would refuse the files: {e}"
        ) from e
    return data, body


def _record_types(corpus: Corpus) -> dict[str, type[Any]]:
    """Return the one type of the records of each collection that has one."""
    types: dict[str, type[Any]] = {}
    for name, _ in COLLECTIONS:
        kinds = {type(r) for r in getattr(corpus, name)}
        if len(kinds) == 1:
            types[name] = kinds.pop()
    return types


def _utf8(text: str, what: str) -> bytes:
    """Encode *text* to write it, naming *what* it is if UTF-8 cannot."""
    try:
        return text.encode("utf-8")
    except UnicodeEncodeError as e:
        raise InvalidValueError(
            f"save_corpus(): {what} cannot be written as UTF-8: {e}"
        ) from e


_T = TypeVar("_T")
#: What ends a path that names a folder: "out/" (and "out\\" on Windows).
_SEPARATORS = (os.sep, os.altsep or os.sep)


class _Target:
    """One file to replace: its path as given, the file it names, the old."""

    __slots__ = ("given", "old", "path")

    def __init__(
        self,
        given: str | PathLike[str],
        path: Path,
        old: os.stat_result | None,
    ) -> None:
        self.given = given
        self.path = path
        self.old = old

    @classmethod
    def of(
        cls,
        argument: str,
        given: str | PathLike[str],
        function: str = "save_corpus",
    ) -> _Target:
        """Look at the file *given* names; refuse one that cannot be saved."""
        path = Path(on_file(function, argument, given, _resolved))
        if os.fspath(given).endswith(_SEPARATORS):
            # "out/" names a folder, though pathlib reads it as "out": it
            # is refused as open() refuses it, not written as a file.
            code = errno.ENOTDIR if path.is_file() else errno.EISDIR
            error = OSError(code, os.strerror(code))
            raise file_error(given, error)
        try:
            old = on_file(function, argument, given, _existing)
        except NotAFileError as e:
            raise InvalidValueError(
                f"{function}(): {argument}={brief(str(given))} is not a "
                f"regular file but {e.kind}"
            ) from None
        return cls(given, path, old)

    def attempt(self, act: Callable[[], _T]) -> _T:
        """Run *act*, naming this file if the operating system refuses."""
        try:
            return act()
        except OSError as e:
            # The error may name a temporary file: give the user's name.
            raise file_error(self.given, e, ours=True) from e

    def temporary(self, payload: bytes, made: list[Path]) -> Path:
        """Write *payload* to a new file beside this one; return its path."""
        name = self._fresh()
        # Made by hand rather than by tempfile.mkstemp, which makes a file
        # only its owner may read: a file made with os.open's default
        # mode gets the user's umask, as a file written in place did.
        fd = self.attempt(
            lambda: os.open(
                name,
                os.O_WRONLY
                | os.O_CREAT
                | os.O_EXCL
                | getattr(os, "O_BINARY", 0),
                0o666,
            )
        )
        made.append(name)

        def write() -> None:
            try:
                if self.old is not None:
                    name.chmod(stat.S_IMODE(self.old.st_mode))
                left = memoryview(payload)
                while left:
                    left = left[os.write(fd, left) :]
                os.fsync(fd)
            finally:
                os.close(fd)

        self.attempt(write)
        return name

    def keep_aside(self, made: list[Path]) -> Path | None:
        """
        Link the old file to a second name, to put it back if need be.

        Returns:
            The second name, or `None` if the file system has no hard
            links (or there was no old file).
        """
        if self.old is None:
            return None
        name = self._fresh()
        try:
            name.hardlink_to(self.path)
        except OSError:
            return None
        made.append(name)
        return name

    def _fresh(self) -> Path:
        # Hidden, named after the file it is for, and unique: os.O_EXCL
        # and os.link refuse a name that exists, so none is overwritten.
        return self.path.with_name(
            f".{self.path.name}.{secrets.token_hex(8)}.tmp"
        )


def write_files(
    function: str, files: Mapping[str, bytes], /, *, overwrite: bool
) -> tuple[Path, ...]:
    """
    Write new files atomically: each whole, or not at all.

    Every payload goes to a temporary file beside its target and is flushed
    to the disk before any target is replaced, so a failure while writing
    leaves every old file as it was; then each takes its target's place
    by a rename.  An existing target is refused unless *overwrite*.

    Args:
        function: The public function writing, named in messages
            (``"to_csv"``).
        files: The payload of each file, by path.
        overwrite: Whether existing files may be replaced.

    Returns:
        The paths written, in the order given.

    Raises:
        CorpusFileError: If the operating system refuses a file (a folder
            in its place, or a path ending in ``/``, say), or a file exists
            and *overwrite* is false (``EEXIST``).
        InvalidValueError: If a target is a named pipe or a device.
    """
    targets: list[tuple[_Target, bytes]] = []
    for given, payload in files.items():
        target = _Target.of("path", given, function)
        if target.old is not None and not overwrite:
            error = FileExistsError(
                errno.EEXIST, "File exists; pass overwrite=True to replace it"
            )
            raise file_error(given, error, ours=True)
        targets.append((target, payload))
    made: list[Path] = []
    try:
        written = [(t, t.temporary(payload, made)) for t, payload in targets]
        for target, name in written:
            target.attempt(functools.partial(name.replace, target.path))
            made.remove(name)
            _sync_folder(target.path.parent)
    finally:
        for name in made:
            with contextlib.suppress(OSError):
                name.unlink()
    return tuple(t.path for t, _ in targets)


def _resolved(path: Path) -> str:
    """Return the absolute path *path* names, through symbolic links."""
    # Not Path.resolve(), which raises RuntimeError on a loop of links in
    # Python 3.11 and 3.12; os.stat() in _existing says what is wrong.
    return os.path.realpath(path)


def _existing(path: Path) -> os.stat_result | None:
    """
    Return the status of the file at *path*, or `None` if there is none.

    Raises:
        OSError: If *path* is a folder, a file this process may not write,
            or cannot be looked at (a loop of links, say).
        NotAFileError: If *path* is a named pipe, a device, a socket.
    """
    try:
        old = path.stat()
    except FileNotFoundError:
        return None
    if stat.S_ISDIR(old.st_mode):
        raise IsADirectoryError(errno.EISDIR, os.strerror(errno.EISDIR))
    if not stat.S_ISREG(old.st_mode):
        raise NotAFileError(old.st_mode)
    # The file is replaced, which its folder's permissions allow; a file
    # that may not be written is not replaced either.
    if not os.access(path, os.W_OK):
        raise PermissionError(errno.EACCES, os.strerror(errno.EACCES))
    return old


def _write_pair(
    records: _Target, data: bytes, text: _Target, body: bytes
) -> None:
    """Replace the text, then the records; put the text back on failure."""
    made: list[Path] = []  # temporary files of ours that exist
    try:
        new_text = text.temporary(body, made)
        new_records = records.temporary(data, made)
        old_text = text.keep_aside(made)
        # The text first, the records second: a crash between the two
        # leaves the old records beside the new text, a pair load_corpus
        # refuses, since the records hold the SHA-256 of their own text.
        text.attempt(lambda: new_text.replace(text.path))
        made.remove(new_text)
        # On the disk too, before the records change.
        _sync_folder(text.path.parent)
        try:
            records.attempt(lambda: new_records.replace(records.path))
        except BaseException:
            _put_back(text, old_text, made)
            raise
        made.remove(new_records)
        _sync_folder(records.path.parent)
    finally:
        for name in made:
            with contextlib.suppress(OSError):
                name.unlink()


def _put_back(text: _Target, old_text: Path | None, made: list[Path]) -> None:
    """Undo the replacement of the text, as far as it can be undone."""
    # Best effort: the error that brought us here is the one to report.
    with contextlib.suppress(OSError):
        if text.old is None:
            text.path.unlink()
        elif old_text is not None:
            old_text.replace(text.path)
            made.remove(old_text)


def _sync_folder(folder: Path) -> None:
    """Flush a folder's entries to the disk, where the platform can."""
    # Windows cannot open a folder, and some file systems refuse to sync
    # one: the files are in place all the same.
    with contextlib.suppress(OSError):
        fd = os.open(folder, os.O_RDONLY)
        try:
            os.fsync(fd)
        finally:
            os.close(fd)


def as_dict(value: object, /) -> dict[str, Any]:
    """
    Return a record, or a value of the model, as plain JSON data.

    Fields become keys; tuples become lists, dates ISO strings and
    vocabulary members their values, so ``json.dumps`` takes the result as
    it is. A record's dict is the one `Corpus.to_document` holds for it;
    the `Article`'s also holds its text, and a `Corpus` gives its
    document with the article's text in it. `from_dict` reads any of them
    back.

    Args:
        value: A record, an `Article`, `Evidence`, `HistoricalDate`,
            `Quantity`, `Source` or `Corpus`; or an answer of the quote
            checker or the scorer (`QuoteMatch`, `ExtractionScore`,
            `PartScore`), which `from_dict` does not read back.

    Returns:
        A new dict of plain JSON values.

    Raises:
        InvalidTypeError: If *value* is none of these.

    >>> import json
    >>> import secretspeech as ss
    >>> data = ss.as_dict(ss.events.get("famine-1946-7"))
    >>> data["date"]["edtf"], data["date"]["earliest"], data["kind"]
    ('1946/1947', '1946-01-01', 'famine')
    >>> json.loads(json.dumps(data)) == data
    True
    """
    if not isinstance(value, (*MODEL_TYPES, *_ANSWERS)):
        names = ", ".join(t.__name__ for t in (*MODEL_TYPES, *_ANSWERS))
        raise InvalidTypeError(
            f"as_dict() takes one of {names}, got {shown(value)}"
        )
    if isinstance(value, Corpus):
        document = value.to_document()
        document["article"]["text"] = value.article.text
        return document
    data: dict[str, Any] = plain(value)
    return data
