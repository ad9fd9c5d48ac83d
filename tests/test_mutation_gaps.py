"""
Mistakes that mutation testing (``scripts/mutation.py``) found no test for.

Each test names the mutant it kills: a limit one off, a loop that stops a
byte early, a position counted from the wrong end. Files of 20 MB are
sparse (made with ``truncate``), so the tests cost little.
"""

from __future__ import annotations

import errno
import json
from pathlib import Path
from typing import Any

import attrs
import pytest

import secretspeech as ss
from helpers import bundled_document
from secretspeech import _load


def sized(path: Path, size: int) -> Path:
    """Make *path* a file of *size* NUL bytes (sparse: nothing written)."""
    with path.open("wb") as f:
        f.truncate(size)
    return path


def refusal(document: Any, **options: Any) -> str:
    """Return the message with which parse_corpus refuses *document*."""
    with pytest.raises(ss.InvalidCorpusError) as caught:
        _load.parse_corpus(
            document, ss.article.text, source="t.json", **options
        )
    return str(caught.value)


#: The default limits, as the docs give them (not read from the module,
#: whose constants a mutant changes).
LIMIT = 20_000_000
RECORDS = 100_000


class TestLimits:
    """The default limits hold exactly: at the limit read, one over refused."""

    def test_default_document_length(self) -> None:
        """20,000,000 characters are parsed; one more is too large."""
        at = "{}" + " " * (LIMIT - 2)

        assert "format must be 1" in refusal(at)
        assert (
            f"t.json: the document is longer than the limit of {LIMIT} "
            "characters; load_corpus(..., max_records_bytes=...) raises it"
        ) == refusal(at + " ")

    @pytest.mark.parametrize("argument", ["records", "text"])
    def test_default_file_limits(self, tmp_path: Path, argument: str) -> None:
        """A file at its default limit is read; one byte more is refused."""
        records = tmp_path / "c.json"
        records.write_text(json.dumps(bundled_document()), encoding="utf-8")
        text = tmp_path / "a.txt"
        text.write_text(ss.article.text, encoding="utf-8")
        path = records if argument == "records" else text
        over = f"{path}: more than the limit of {LIMIT} bytes"

        sized(path, LIMIT)
        with pytest.raises(ss.InvalidCorpusError) as at:
            ss.load_corpus(records, text)
        sized(path, LIMIT + 1)
        with pytest.raises(ss.InvalidCorpusError) as beyond:
            ss.load_corpus(records, text)

        assert not str(at.value).startswith(over)
        assert str(beyond.value).startswith(over)

    def test_a_limit_of_whole_chunks(self, tmp_path: Path) -> None:
        """Read in chunks, a file one byte over a whole chunk is refused."""
        # Mutant: `while left > 0` -> `while left > 1` stops a byte short
        # when the limit is a whole number of chunks.
        limit = _load._CHUNK
        text = tmp_path / "a.txt"
        text.write_text(ss.article.text, encoding="utf-8")
        records = sized(tmp_path / "c.json", limit + 1)

        with pytest.raises(ss.InvalidCorpusError) as caught:
            ss.load_corpus(records, text, max_records_bytes=limit)

        assert f"more than the limit of {limit} bytes" in str(caught.value)

    def test_records_at_the_limit(self) -> None:
        """100,000 records are read; one more is refused unread."""
        document = bundled_document()
        document["people"] = [{}] * RECORDS

        assert "people[0]" in refusal(document)
        document["people"] = [{}] * (RECORDS + 1)
        assert (
            f"t.json: 'people' has more than the limit of {RECORDS} records; "
            "load_corpus(..., max_records=...) raises it"
        ) == refusal(document)


class TestMessages:
    """What the loader's messages say, exactly."""

    def test_where_a_long_number_is(self) -> None:
        """A number too long to read is placed by line and column."""
        # Mutants: counting lines, or finding the line's start, from the
        # document's end or from its second character.
        before = '{"format": 1, "data_version": '
        document = "\n" + before + "7" * 5000 + "}"

        message = refusal(document)

        assert message.startswith(
            f"t.json: line 2 column {len(before) + 1}: a number of 5000 "
        )

    @pytest.mark.parametrize(
        ("fields", "end"),
        [("abc", "'a', 'b', 'c'"), ("abcd", "'a', 'b', 'c' and 1 more")],
    )
    def test_unknown_fields_named_and_counted(
        self, fields: str, end: str
    ) -> None:
        """Three unknown fields are named; a fourth is counted."""
        document = bundled_document()
        document["people"][0].update(dict.fromkeys(fields, 1))

        assert refusal(document).endswith(f"unknown field(s) {end}")

    def test_an_os_error_with_no_errno(
        self, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
    ) -> None:
        """An OSError that gives no errno still names the file."""

        def fail(_path: Path, _limit: int) -> bytes:
            raise OSError("the disk went away")

        monkeypatch.setattr(_load, "_read", fail)
        records = tmp_path / "c.json"

        with pytest.raises(ss.CorpusFileError) as caught:
            ss.load_corpus(records, tmp_path / "a.txt")

        assert f"{records}: the disk went away" == str(caught.value)

    def test_a_path_that_gives_bytes(self, tmp_path: Path) -> None:
        """An os.PathLike that gives bytes is no path load_corpus takes."""
        # Mutant: the `raise` of on_file's TypeError branch deleted.

        class BytesPath:
            def __fspath__(self) -> bytes:
                return b"c.json"

        with pytest.raises(
            ss.InvalidTypeError, match=r"load_corpus\(\) takes a path for"
        ):
            ss.load_corpus(BytesPath(), tmp_path / "a.txt")  # type: ignore[arg-type]

    def test_an_os_error_with_an_errno_but_no_reason(
        self, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
    ) -> None:
        """An OSError with an errno but no strerror is quoted as it is."""
        # Mutant: `errno is None or strerror is None` -> `and`.
        error = OSError("the disk went away")
        error.errno = errno.EIO

        def fail(_path: Path, _limit: int) -> bytes:
            raise error

        monkeypatch.setattr(_load, "_read", fail)
        records = tmp_path / "c.json"

        with pytest.raises(ss.CorpusFileError) as caught:
            ss.load_corpus(records, tmp_path / "a.txt")

        assert f"{records}: the disk went away" == str(caught.value)


class TestCatalog:
    """What `Collection` promises at the edges its other tests leave."""

    def test_a_standalone_collection_reads_the_article(self) -> None:
        """A collection of its own takes the article where any record may."""
        # Mutants: `among == ANY` -> `among != ANY` and `value == "article"`
        # -> `value != "article"` in _OwnIds.id.
        notes = ss.Collection(ss.notes)

        for about in (ss.article, "article", "joseph-stalin"):
            assert list(ss.notes.filter(about=about)) == list(
                notes.filter(about=about)
            )
        with pytest.raises(ss.InvalidTypeError, match="at= takes a place"):
            ss.Collection(ss.events).filter(at=ss.article)

    @pytest.mark.parametrize("given", [5, "ab", b"ab"])
    def test_not_an_iterable_of_records(self, given: object) -> None:
        """A non-iterable, a str or bytes is not a sequence of records."""
        # Mutant: `or` -> `and` lets a str through, and 5 to tuple().
        with pytest.raises(
            ss.InvalidTypeError, match="Collection takes an iterable"
        ):
            ss.Collection(given)  # type: ignore[arg-type]

    def test_three_suggestions_at_most(self) -> None:
        """A name not found suggests the three closest names, no more."""
        with pytest.raises(ss.NotFoundError) as caught:
            ss.events.lookup("soviet")

        suggested = str(caught.value).split("did you mean ")[1]
        assert 3 == len(suggested.replace(" or ", ", ").split("', '"))

    @pytest.mark.parametrize(("size", "more"), [(3, ""), (4, ", …")])
    def test_repr_shows_three_ids(self, size: int, more: str) -> None:
        """The repr shows three ids, and an ellipsis only if there are more."""
        ids = ", ".join(p.id for p in ss.people[:3])

        assert f"<Collection of {size} [{ids}{more}]>" == repr(
            ss.people[:size]
        )

    def test_equal_only_to_a_collection(self) -> None:
        """A collection is not equal to a list of the same records."""
        # Mutant: `return NotImplemented` -> `return None` in __eq__.
        assert (ss.people == list(ss.people)) is False
        assert (ss.people != list(ss.people)) is True

    @pytest.mark.parametrize(("at", "found"), [(32, True), (33, False)])
    def test_the_words_of_a_query_that_count(
        self, at: int, found: bool
    ) -> None:
        """The first 32 different words of a query count, and no more."""
        # Mutant: MAX_QUERY_WORDS one less or one more.
        others = [
            f"qq{chr(97 + i // 26)}{chr(97 + i % 26)}" for i in range(40)
        ]
        query = [*others[: at - 1], "khrushchev", *others[at - 1 :]]

        assert found == (
            "nikita-khrushchev"
            in [p.id for p in ss.people.search(" ".join(query))]
        )

    def test_a_name_that_is_all_query_ranks_first(self) -> None:
        """Stop words aside, a name that is all query beats a longer one."""
        # Mutant: `[...] or list(ws)` -> `and`: a name's stop words count
        # against it, and "Zed of Troy" ties "Zed Troy Smith".
        said = ss.Evidence(start=0, end=3, exact="Zed")
        people = ss.Collection(
            ss.Person(id=rid, name=name, description="A man.", evidence=[said])
            for rid, name in (
                ("smith", "Zed Troy Smith"),
                ("zed", "Zed of Troy"),
            )
        )

        assert ["zed", "smith"] == [p.id for p in people.search("zed troy")]

    def test_an_exact_name_ranks_first(self) -> None:
        """The exact name outranks the same words in another order."""
        # Mutant: `(1 + fullness) / 2` -> `/ 1` lifts a full match to the
        # exact score, and data order puts "Zed Troy" first.
        said = ss.Evidence(start=0, end=3, exact="Zed")
        people = ss.Collection(
            ss.Person(id=rid, name=name, description="A man.", evidence=[said])
            for rid, name in (("p1", "Zed Troy"), ("p2", "Troy Zed"))
        )

        assert ["p2", "p1"] == [p.id for p in people.search("troy zed")]

    def test_a_word_of_the_name_alone_finds_the_record(self) -> None:
        """Search finds a record by a word only its name holds."""
        # Mutant: `names_of(record)[1:]` -> `[2:]` leaves the name out of
        # the words searched.
        said = ss.Evidence(start=0, end=3, exact="Zed")
        people = ss.Collection(
            [
                ss.Person(
                    id="p1",
                    name="Zed Troy",
                    description="A man.",
                    evidence=[said],
                )
            ]
        )

        assert ["p1"] == [p.id for p in people.search("troy")]

    def test_an_empty_collection_of_a_corpus_knows_its_criteria(
        self,
    ) -> None:
        """A corpus's empty collection still checks its own criteria."""
        # Mutants in _bind that keep the base of an empty collection, which
        # knows no record type and so no criteria.
        notes = attrs.evolve(ss.corpus(), notes=()).notes

        assert [] == list(notes.filter(verdict="agrees"))
        with pytest.raises(ss.InvalidValueError, match="not a Verdict"):
            notes.filter(verdict="nonsense")
        with pytest.raises(ss.InvalidTypeError, match="unknown criterion"):
            notes.filter(kind="speech")


class TestDates:
    """What `HistoricalDate` says of values it refuses."""

    @pytest.mark.parametrize("year", [0, 10000])
    def test_a_year_out_of_range_says_so(self, year: int) -> None:
        """Year 0 and year 10000 are refused as years, not as EDTF."""
        # Mutants: `1 <= value <= 9999` with 0 or 10000 let the year on to
        # the EDTF reader, which refuses it in other words.
        with pytest.raises(
            ss.InvalidValueError,
            match=f"^{year} is not a year from 1 to 9999$",
        ):
            ss.HistoricalDate.coerce(year)

    @pytest.mark.parametrize("year", [1, 9999])
    def test_the_first_and_last_years(self, year: int) -> None:
        """Years 1 and 9999 are periods of their own."""
        date = ss.HistoricalDate.coerce(year)

        assert (year, year) == (date.earliest.year, date.latest.year)

    def test_a_calendar_that_is_not_a_calendar(self) -> None:
        """from_edtf takes a Calendar member, not its name."""
        with pytest.raises(
            ss.InvalidTypeError, match="takes a Calendar as calendar"
        ):
            ss.HistoricalDate.from_edtf(
                "1956",
                text="1956",
                calendar="julian",  # type: ignore[arg-type]
            )


class TestCorpus:
    """What `Corpus` refuses before it checks any record."""

    @pytest.mark.parametrize(
        ("field", "value", "message"),
        [
            ("article", "the article", "article must be an Article"),
            ("data_version", 20261129, "data_version must be a str"),
        ],
    )
    def test_a_field_of_the_wrong_type(
        self, field: str, value: object, message: str
    ) -> None:
        """A corpus's article and data version are checked by type first."""
        with pytest.raises(ss.InvalidTypeError, match=message):
            attrs.evolve(ss.corpus(), **{field: value})

    def test_a_tie_goes_to_the_first_evidence(self) -> None:
        """Of two events on one date, the one first told is first."""
        # Mutant: the timeline's tie-break reads the last evidence span.
        corpus = ss.corpus()
        told_first = corpus.events.get("october-revolution")
        told_later = corpus.events.get("lateness-criminalised")
        assert told_first is not None
        assert told_later is not None
        assert told_first.evidence[0].start < told_later.evidence[0].start
        assert told_first.evidence[-1].start > told_later.evidence[-1].start
        events = [
            attrs.evolve(e, date=told_later.date) if e is told_first else e
            for e in corpus.events
        ]

        ids = [e.id for e in attrs.evolve(corpus, events=events).timeline()]

        assert ids.index(told_first.id) + 1 == ids.index(told_later.id)
