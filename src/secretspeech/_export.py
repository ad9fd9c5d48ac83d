"""Writing records and corpora out as plain JSON data and files."""

from __future__ import annotations

import json
import os
from pathlib import Path
from typing import Any

from secretspeech._corpus import Corpus
from secretspeech._dates import HistoricalDate
from secretspeech._load import check_paths, on_file
from secretspeech._model import (
    COLLECTIONS,
    Article,
    Evidence,
    Quantity,
    plain,
)
from secretspeech._text import brief, shown
from secretspeech.exceptions import InvalidTypeError, InvalidValueError


__all__ = ["as_dict", "save_corpus"]

_MODEL_TYPES: tuple[type[Any], ...] = (
    *(cls for _, cls in COLLECTIONS),
    Article,
    Evidence,
    HistoricalDate,
    Quantity,
)


def save_corpus(
    corpus: Corpus, records: str | Path, text: str | Path, /
) -> None:
    """
    Write a corpus as a JSON file of records and a UTF-8 text file.

    `load_corpus` reads the two files back into an equal corpus, so a
    corpus can be saved, shared, edited and loaded again; the JSON is
    `Corpus.to_document`, indented, with non-ASCII characters as they are.

    Args:
        corpus: The corpus to write.
        records: Path of the JSON file to write.
        text: Path of the text file to write.

    Errors are those of `load_corpus`, the other way round: what the
    operating system refuses is a `CorpusFileError` naming the file, with
    the ``errno`` of the failure; nothing is written before every check
    has passed, but if the second file fails, the first stays written.

    Raises:
        CorpusFileError: If the operating system cannot write a file (a
            missing folder, no permission, a full disk); an `OSError` with
            the ``errno`` and ``filename`` of the failure, which is its
            ``__cause__``.
        InvalidTypeError: If *corpus* is not a `Corpus`, or *records* or
            *text* is not a path.
        InvalidValueError: If *records* and *text* are the same file, a
            path holds a character no file name can (a NUL), or the
            corpus holds what JSON or UTF-8 cannot write (an int of more
            digits than `sys.get_int_max_str_digits`, an unpaired
            surrogate).

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
    if on_file("save_corpus", "records", records, _resolved) == on_file(
        "save_corpus", "text", text, _resolved
    ):
        raise InvalidValueError(
            f"save_corpus() would write the records and the text to the same "
            f"file, {brief(str(records))}; give two paths"
        )
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
    on_file("save_corpus", "records", records, lambda p: p.write_bytes(data))
    on_file("save_corpus", "text", text, lambda p: p.write_bytes(body))


def _resolved(path: Path) -> str:
    """Return the absolute path *path* names, through symbolic links."""
    # Not Path.resolve(), which raises RuntimeError on a loop of links in
    # Python 3.11 and 3.12; writing to the loop says what is wrong.
    return os.path.realpath(path)


def _utf8(text: str, what: str) -> bytes:
    """Encode *text* to write it, naming *what* it is if UTF-8 cannot."""
    try:
        return text.encode("utf-8")
    except UnicodeEncodeError as e:
        raise InvalidValueError(
            f"save_corpus(): {what} cannot be written as UTF-8: {e}"
        ) from e


def as_dict(value: object, /) -> dict[str, Any]:
    """
    Return a record, or a value of the model, as plain JSON data.

    Fields become keys; tuples become lists, dates ISO strings and
    vocabulary members their values, so ``json.dumps`` takes the result as
    it is. A record's dict is the one `Corpus.to_document` holds for it
    (the `Article`'s also holds its text).

    Args:
        value: A record, an `Article`, `Evidence`, `HistoricalDate` or
            `Quantity`.

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
    if not isinstance(value, _MODEL_TYPES):
        names = ", ".join(t.__name__ for t in _MODEL_TYPES)
        raise InvalidTypeError(
            f"as_dict() takes one of {names}, got {shown(value)}"
        )
    data: dict[str, Any] = plain(value)
    return data
