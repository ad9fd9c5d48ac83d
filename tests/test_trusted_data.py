"""
The bundled data is trusted through its digest, and only through it.

``scripts/build_data.py`` records the SHA-256 of ``article.txt`` and
``corpus.json`` in ``corpus.sha256`` once the data has loaded with every
check.  Data whose files have exactly that digest is built without the
validators and the corpus-wide checks; any other data, a file changed by
one byte or a folder with no digest, is checked in full, and refused if it
breaks a rule.
"""

from __future__ import annotations

import json
import shutil
from importlib import resources
from pathlib import Path
from typing import Any

import attrs
import pytest

import secretspeech as ss
from secretspeech import _corpus, _load
from secretspeech._load import DATA_FILES, DIGEST_FILE, load_data, parse_corpus


SOURCE = "secretspeech/_data/corpus.json"


def package_data() -> Path:
    """Return the installed package's data folder as a path."""
    return Path(str(resources.files("secretspeech") / "_data"))


def copied(tmp_path: Path) -> Path:
    """Copy the data files and their digest to a folder of their own."""
    folder = tmp_path / "data"
    folder.mkdir()
    for name in (*DATA_FILES, DIGEST_FILE):
        shutil.copyfile(package_data() / name, folder / name)
    return folder


def checked_in_full(monkeypatch: pytest.MonkeyPatch) -> list[object]:
    """Record every corpus-wide check that runs from now on."""
    seen: list[object] = []
    check = _corpus._check

    def spy(corpus: ss.Corpus) -> None:
        seen.append(corpus)
        check(corpus)

    monkeypatch.setattr(_corpus, "_check", spy)
    return seen


def full_load(folder: Path) -> ss.Corpus:
    """Load the data in *folder* with every check, as any user's data."""
    return parse_corpus(
        (folder / "corpus.json").read_text(encoding="utf-8"),
        (folder / "article.txt").read_text(encoding="utf-8"),
        source=SOURCE,
    )


def fields(record: object) -> list[tuple[str, type, object]]:
    """Return each field of an attrs value with the type of its value."""
    return [
        (f.name, type(getattr(record, f.name)), getattr(record, f.name))
        for f in attrs.fields(type(record))
    ]


class TestTrusted:
    """The bundled data, built the trusted way, is the data fully checked."""

    def test_equals_the_fully_checked_data(
        self, monkeypatch: pytest.MonkeyPatch
    ) -> None:
        """Every record, field and type is what the full load makes."""
        seen = checked_in_full(monkeypatch)
        trusted = load_data(package_data(), source=SOURCE)
        assert seen == []

        checked = full_load(package_data())

        assert seen == [checked]
        assert trusted == checked
        assert trusted.article == checked.article
        for mine, theirs in zip(
            trusted.records(), checked.records(), strict=True
        ):
            assert type(mine) is type(theirs)
            assert fields(mine) == fields(theirs)

    def test_nested_values_have_the_types_of_the_full_load(self) -> None:
        """Spans, dates, quantities and sources: same fields, same types."""
        trusted = load_data(package_data(), source=SOURCE)
        checked = full_load(package_data())

        for mine, theirs in zip(
            trusted.records(), checked.records(), strict=True
        ):
            for (name, kind, value), (_, their_kind, their_value) in zip(
                fields(mine), fields(theirs), strict=True
            ):
                assert kind is their_kind, name
                items = value if isinstance(value, tuple) else (value,)
                theirs_ = (
                    their_value
                    if isinstance(their_value, tuple)
                    else (their_value,)
                )
                for item, their_item in zip(items, theirs_, strict=True):
                    if attrs.has(type(item)):
                        assert fields(item) == fields(their_item), name

    def test_the_bundled_corpus_is_the_trusted_one(self) -> None:
        """What the package serves equals the trusted load of its folder."""
        assert ss.corpus() == load_data(package_data(), source=SOURCE)

    def test_queries_answer_alike(self) -> None:
        """The indexes of the trusted corpus are built as for any other."""
        trusted = load_data(package_data(), source=SOURCE)
        checked = full_load(package_data())

        assert trusted.people.lookup("Stalin") == checked.people.lookup(
            "Stalin"
        )
        assert trusted.timeline() == checked.timeline()
        assert trusted.involving("hungary") == checked.involving("hungary")
        assert trusted.events.search("speech") == checked.events.search(
            "speech"
        )


class TestNotTrusted:
    """Any other data is checked in full."""

    def test_a_changed_byte_is_checked_in_full(
        self, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
    ) -> None:
        """A file that differs from the digest is loaded as a user's file."""
        folder = copied(tmp_path)
        records = folder / "corpus.json"
        document = json.loads(records.read_text(encoding="utf-8"))
        document["people"][0]["description"] += " Changed."
        records.write_text(json.dumps(document), encoding="utf-8")
        seen = checked_in_full(monkeypatch)

        loaded = load_data(folder, source=SOURCE)

        assert seen == [loaded]
        assert loaded.people[0].description.endswith(" Changed.")
        assert loaded == full_load(folder)

    @pytest.mark.parametrize(
        ("mutate", "problem"),
        [
            (
                lambda d: d["events"][0]["evidence"][0].update(start=0),
                "characters long but its offsets",
            ),
            (
                lambda d: d["events"][0].update(places=["nowhere"]),
                "'nowhere', which is not a record",
            ),
            (
                lambda d: d["people"][1].update(id=d["people"][0]["id"]),
                "duplicate id",
            ),
        ],
    )
    def test_a_broken_file_is_refused(
        self, tmp_path: Path, mutate: Any, problem: str
    ) -> None:
        """A change that breaks a rule is refused, as for a user's file."""
        folder = copied(tmp_path)
        records = folder / "corpus.json"
        document = json.loads(records.read_text(encoding="utf-8"))
        mutate(document)
        records.write_text(json.dumps(document), encoding="utf-8")

        with pytest.raises(ss.InvalidCorpusError, match=problem) as caught:
            load_data(folder, source=SOURCE)

        assert str(caught.value).startswith(SOURCE)

    def test_a_changed_digest_is_checked_in_full(
        self, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
    ) -> None:
        """A digest that is not of the files trusts nothing."""
        folder = copied(tmp_path)
        digest = folder / DIGEST_FILE
        digest.write_bytes(digest.read_bytes().replace(b"a", b"b", 1))
        seen = checked_in_full(monkeypatch)

        loaded = load_data(folder, source=SOURCE)

        assert seen == [loaded]

    def test_no_digest_is_checked_in_full(
        self, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
    ) -> None:
        """Data without a recorded digest is checked in full."""
        folder = copied(tmp_path)
        (folder / DIGEST_FILE).unlink()
        seen = checked_in_full(monkeypatch)

        loaded = load_data(folder, source=SOURCE)

        assert seen == [loaded]
        assert loaded == ss.corpus()

    @pytest.mark.parametrize("given", [str, Path], ids=["str", "Path"])
    def test_no_digest_in_a_folder_given_either_way(
        self,
        tmp_path: Path,
        monkeypatch: pytest.MonkeyPatch,
        given: type[Any],
    ) -> None:
        """A folder named by a str (as the package's own) reads the same."""
        folder = copied(tmp_path)
        (folder / DIGEST_FILE).unlink()
        seen = checked_in_full(monkeypatch)

        loaded = load_data(given(folder), source=SOURCE)

        assert seen == [loaded]
        assert loaded == ss.corpus()

    @pytest.mark.parametrize("given", [str, Path], ids=["str", "Path"])
    @pytest.mark.parametrize("name", DATA_FILES)
    def test_a_missing_data_file_is_named(
        self, tmp_path: Path, given: type[Any], name: str
    ) -> None:
        """A package without one of its data files says which."""
        folder = copied(tmp_path)
        (folder / name).unlink()

        with pytest.raises(ss.CorpusFileError) as raised:
            load_data(given(folder), source=SOURCE)

        assert str(raised.value) == f"{SOURCE}: the package has no {name}"

    def test_windows_newlines_read_as_text(self, tmp_path: Path) -> None:
        """A checkout with CRLF line ends loads as before: read as text."""
        folder = copied(tmp_path)
        for name in DATA_FILES:
            data = (folder / name).read_bytes()
            (folder / name).write_bytes(data.replace(b"\n", b"\r\n"))

        assert load_data(folder, source=SOURCE) == ss.corpus()

    def test_a_forged_digest_is_what_skips_the_checks(
        self, tmp_path: Path
    ) -> None:
        """
        The digest, and nothing else, decides: the checks are not run.

        Data broken on purpose, with a digest forged to match it, is built
        unchecked; that is why the build records a digest only for data
        that has passed every check.
        """
        folder = copied(tmp_path)
        records = folder / "corpus.json"
        document = json.loads(records.read_text(encoding="utf-8"))
        document["events"][0].update(places=["nowhere"])
        records.write_bytes(json.dumps(document).encode("utf-8"))
        files = {name: (folder / name).read_bytes() for name in DATA_FILES}
        (folder / DIGEST_FILE).write_text(
            _load.digest_listing(files), encoding="ascii"
        )

        forged = load_data(folder, source=SOURCE)

        assert forged.events[0].places == ("nowhere",)
        with pytest.raises(ss.InvalidCorpusError, match="nowhere"):
            full_load(folder)


class TestUnchecked:
    """The trusted builder converts as the constructor does."""

    def test_defaults_and_factories(self) -> None:
        """Defaults, factories (with or without self) and converters."""

        @attrs.frozen(kw_only=True)
        class Box:
            size: int = attrs.field(converter=int)
            label: str = "box"
            tags: list[str] = attrs.Factory(list)
            name: str = attrs.Factory(
                lambda self: f"{self.label}-{self.size}", takes_self=True
            )

        made = _load._unchecked(Box, {"size": "3"})

        assert made == Box(size=3)
        assert (made.size, made.label, made.tags, made.name) == (
            3,
            "box",
            [],
            "box-3",
        )


class TestDataFolder:
    """Where the package's own data is read from."""

    def test_a_folder_on_disk_is_read_with_os_alone(self) -> None:
        """Installed as files, the data folder is a plain path string."""
        folder = _load._data_folder()

        assert isinstance(folder, str)
        assert Path(folder) == package_data()

    def test_a_package_in_a_zip_file_reads_through_importlib(
        self, monkeypatch: pytest.MonkeyPatch
    ) -> None:
        """With no folder on disk, importlib.resources finds the data."""
        monkeypatch.setattr(_load.os.path, "isdir", lambda _path: False)

        folder = _load._data_folder()

        assert not isinstance(folder, str)
        assert load_data(folder, source=SOURCE) == ss.corpus()
