"""Writing records and corpora out as plain JSON data and files."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from secretspeech._catalog import check_paths
from secretspeech._corpus import Corpus
from secretspeech._dates import HistoricalDate
from secretspeech._model import (
    COLLECTIONS,
    Article,
    Evidence,
    Quantity,
    plain,
)
from secretspeech.exceptions import InvalidQueryError, InvalidValueError


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

    Raises:
        InvalidQueryError: If *corpus* is not a `Corpus`, or *records* or
            *text* is not a path.
        InvalidValueError: If *records* and *text* are the same file.
        OSError: If a file cannot be written.

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
        raise InvalidQueryError(
            f"save_corpus() takes a Corpus, got {type(corpus).__name__}"
        )
    check_paths("save_corpus", records=records, text=text)
    if Path(records).resolve() == Path(text).resolve():
        raise InvalidValueError(
            f"save_corpus() would write the records and the text to the same "
            f"file, {str(records)!r}; give two paths"
        )
    document = json.dumps(corpus.to_document(), ensure_ascii=False, indent=1)
    Path(records).write_text(document + "\n", encoding="utf-8")
    # newline="" keeps the text byte for byte, so its checksum still holds.
    Path(text).write_text(corpus.article.text, encoding="utf-8", newline="")


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
        InvalidQueryError: If *value* is none of these.

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
        raise InvalidQueryError(
            f"as_dict() takes one of {names}, got {type(value).__name__}"
        )
    data: dict[str, Any] = plain(value)
    return data
