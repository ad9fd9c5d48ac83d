"""
The data version changes whenever the bundled data does.

The data is what users get: the files in ``secretspeech/_data/`` that the
package loads.  ``tests/test_data.py`` proves they are what
``scripts/build_data.py`` makes from ``data/``, so a change of the sources
that changes nothing shipped is not a data change.  This file holds the
SHA-256 of the shipped files beside the data version they had when it was
written: change a byte of the data without bumping the version, or bump the
version without noting the new digest, and a test here fails and says what
to do.
"""

from __future__ import annotations

import datetime
import hashlib
from importlib import resources
from importlib.resources.abc import Traversable
from pathlib import Path

import pytest

import secretspeech as ss


#: The data version of the files below, and their digest at that version:
#: ``sha256sum article.txt corpus.json | sha256sum`` in ``_data/`` (see
#: `data_digest`).  Change them together, in the same commit as the data:
#: ``python -m pytest tests/test_data_version.py`` prints both.
DATA_VERSION = "2026.12.04"
DATA_DIGEST = (
    "07dc43425da6e622a6332747f8d33e04823a3c0994c23106ad74420e3b6ab376"
)

#: The data files, in the order they are digested.
DATA_FILES = ("article.txt", "corpus.json")
#: The listing whose SHA-256 is `DATA_DIGEST`, which the build writes once
#: the data has loaded with every check: the package trusts data that has it.
DIGEST_FILE = "corpus.sha256"
#: The other files of ``_data/``: text about the data, not data.
NOT_DATA = frozenset({"NOTICE", "corpus.schema.json", DIGEST_FILE})

HOW_TO_BUMP = """\
To change the data (docs/explanation/data-updates.md):
  1. set data_version at the top of data/records.toml to today's date,
     YYYY.MM.DD;
  2. run `python scripts/build_data.py`;
  3. run this test again, and set DATA_VERSION and DATA_DIGEST in
     tests/test_data_version.py to the two values it prints."""


def data_folder() -> Traversable:
    """Return the installed package's ``_data`` folder."""
    return resources.files("secretspeech") / "_data"


def data_digest(folder: Traversable | Path) -> str:
    """
    Return the SHA-256 of the data files in *folder*, as one hex digest.

    It is the digest of what ``sha256sum article.txt corpus.json`` prints
    for the folder: each file's own SHA-256, two spaces and its name on a
    line.  The files are read as bytes, so no newline translation can hide
    a change, and the result is the same on every platform.
    """
    listing = "".join(
        f"{hashlib.sha256((folder / name).read_bytes()).hexdigest()}  {name}\n"
        for name in DATA_FILES
    )
    return hashlib.sha256(listing.encode("ascii")).hexdigest()


def test_the_digest_is_of_the_current_data_version() -> None:
    """The shipped data is the data of the version this file notes."""
    version, digest = ss.DATA_VERSION, data_digest(data_folder())
    if version == DATA_VERSION:
        message = (
            f"The bundled data changed, but its data_version is still "
            f"{version}.\n{HOW_TO_BUMP}"
        )
    else:
        message = (
            f"data_version is now {version}; tests/test_data_version.py "
            f"still notes {DATA_VERSION}. Note the new version and the new "
            f"digest together:\n"
            f"DATA_VERSION = {version!r}\nDATA_DIGEST = {digest!r}"
        )

    assert (DATA_VERSION, DATA_DIGEST) == (version, digest), message


def test_the_build_recorded_this_digest() -> None:
    """
    The listing the build wrote is the one this file's digest is of.

    The package builds the data the trusted way only when the listing
    matches the files; the listing is what ``sha256sum`` prints for them,
    and its own SHA-256 is the data digest.
    """
    listing = (data_folder() / DIGEST_FILE).read_bytes()
    lines = [
        f"{hashlib.sha256((data_folder() / name).read_bytes()).hexdigest()}"
        f"  {name}"
        for name in DATA_FILES
    ]

    assert listing.decode("ascii").splitlines() == lines
    assert hashlib.sha256(listing).hexdigest() == data_digest(data_folder())


def test_every_data_file_is_digested() -> None:
    """A new file in ``_data/`` cannot change the data unnoticed."""
    names = {item.name for item in data_folder().iterdir() if item.is_file()}

    assert set(DATA_FILES) | NOT_DATA == names


def test_the_version_is_a_date() -> None:
    """A data version is the date of the change, ``YYYY.MM.DD``."""
    day = datetime.date.fromisoformat(DATA_VERSION.replace(".", "-"))

    assert DATA_VERSION == day.strftime("%Y.%m.%d")


@pytest.mark.parametrize("name", DATA_FILES)
def test_one_changed_byte_changes_the_digest(
    tmp_path: Path, name: str
) -> None:
    """Whatever byte of whichever data file changes, the digest does."""
    for each in DATA_FILES:
        (tmp_path / each).write_bytes((data_folder() / each).read_bytes())
    assert data_digest(tmp_path) == data_digest(data_folder())

    changed = bytearray((tmp_path / name).read_bytes())
    changed[len(changed) // 2] ^= 0x01
    (tmp_path / name).write_bytes(bytes(changed))

    assert data_digest(tmp_path) != data_digest(data_folder())


def test_newlines_are_digested_as_they_are(tmp_path: Path) -> None:
    """A checkout with CRLF line ends is different data, not the same."""
    for name in DATA_FILES:
        data = (data_folder() / name).read_bytes()
        (tmp_path / name).write_bytes(data.replace(b"\n", b"\r\n"))

    assert data_digest(tmp_path) != data_digest(data_folder())
