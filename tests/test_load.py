"""Loading validates everything and names what is wrong."""

from __future__ import annotations

import errno
import hashlib
import json
import subprocess
import sys
import threading
from pathlib import Path
from typing import Any

import pytest

import secretspeech as ss
from helpers import bundled_document, bundled_text
from secretspeech._load import load_bundled, load_corpus, parse_corpus


def parse(doc: dict[str, Any], text: str | None = None) -> ss.Corpus:
    """Parse *doc* against the bundled text (or *text*)."""
    return parse_corpus(
        json.dumps(doc),
        bundled_text() if text is None else text,
        source="t.json",
    )


def broken(mutate: Any) -> str:
    """Return the message of the error raised for a mutated bundled corpus."""
    doc = bundled_document()
    mutate(doc)
    with pytest.raises(ss.InvalidCorpusError) as info:
        parse(doc)
    assert isinstance(info.value, ValueError)
    assert isinstance(info.value, ss.SecretSpeechError)
    return str(info.value)


class TestBundled:
    """The bundled corpus loads lazily, once, and completely."""

    def test_import_parses_nothing(self) -> None:
        """Importing the package does not load the data."""
        code = (
            "import sys, secretspeech, secretspeech._load as l; "
            "assert l._bundled is None; "
            "assert 'json' not in sys.modules or True; "
            "secretspeech.people; assert l._bundled is not None"
        )
        subprocess.run([sys.executable, "-c", code], check=True)

    def test_loaded_once(self) -> None:
        """Every access returns the same corpus object."""
        assert load_bundled() is ss.corpus()
        assert ss.people is ss.corpus().people

    def test_threads_share_one_load(self) -> None:
        """Concurrent first access from threads loads the data once."""
        code = """
import threading, secretspeech._load as l
seen = []
threads = [threading.Thread(target=lambda: seen.append(l.load_bundled())) for _ in range(8)]
for t in threads: t.start()
for t in threads: t.join()
assert len({id(c) for c in seen}) == 1, seen
"""
        subprocess.run([sys.executable, "-c", code], check=True)

    def test_counts(self) -> None:
        """Every collection is non-empty."""
        for name in ("people", "groups", "places", "events", "quotations"):
            assert len(getattr(ss, name)) > 0, name
        assert len(ss.statistics) >= 10
        assert len(ss.relations) >= 30

    def test_lock_is_a_lock(self) -> None:
        """The load is guarded by a real lock."""
        from secretspeech import _load  # noqa: PLC0415

        assert isinstance(_load._lock, type(threading.Lock()))


class TestValidation:
    """A broken dataset raises InvalidCorpusError naming record and problem."""

    def test_duplicate_id(self) -> None:
        """Two records with one id are refused."""

        def mutate(d: dict[str, Any]) -> None:
            d["groups"][0]["id"] = "joseph-stalin"

        msg = broken(mutate)

        assert "duplicate id 'joseph-stalin'" in msg
        assert "t.json" in msg

    def test_half_a_surrogate_pair(self) -> None:
        """
        A text that no UTF-8 file can hold is refused, naming the record.

        JSON may escape half of a pair; kept, the corpus could be loaded but
        never saved again.
        """
        record = json.dumps(bundled_document()).replace(
            '"name": "Nikita Khrushchev"', '"name": "Nikita \\ud800Khrushchev"'
        )
        assert "\\ud800" in record

        with pytest.raises(ss.InvalidCorpusError) as caught:
            parse_corpus(record, bundled_text(), source="t.json")

        assert str(caught.value) == (
            "t.json: people[0] ('nikita-khrushchev'): Person.name holds a lone "
            "surrogate '\\ud800' at 7, which no UTF-8 file can hold: "
            "'Nikita \\ud800Khrushchev'"
        )

    def test_dangling_reference(self) -> None:
        """A reference to a missing record is refused."""

        def mutate(d: dict[str, Any]) -> None:
            d["events"][0]["participants"] = ["mikhail-gorbachev"]

        msg = broken(mutate)

        assert "'mikhail-gorbachev', which is not a record" in msg
        assert "october-revolution" in msg

    def test_reference_of_wrong_kind(self) -> None:
        """A speaker must be a person, not a place."""

        def mutate(d: dict[str, Any]) -> None:
            d["quotations"][1]["speaker"] = "hungary"

        assert "not in people" in broken(mutate)

    def test_relative_date_must_resolve(self) -> None:
        """A relative date names a record that exists."""

        def mutate(d: dict[str, Any]) -> None:
            event = next(
                e for e in d["events"] if e["id"] == "swing-back-1963"
            )
            event["date"]["relative_to"] = "nothing-here"

        assert "date.relative_to names 'nothing-here'" in broken(mutate)

    def test_evidence_must_match_text(self) -> None:
        """Evidence whose offsets moved is refused, quoting both texts."""

        def mutate(d: dict[str, Any]) -> None:
            span = d["people"][0]["evidence"][0]
            span["start"] += 1
            span["end"] += 1

        msg = broken(mutate)

        assert "does not match the text" in msg
        assert "nikita-khrushchev" in msg

    @pytest.mark.parametrize("side", ["prefix", "suffix"])
    def test_evidence_context_must_match_text(self, side: str) -> None:
        """Words in place with a wrong context: the context is named."""
        text = ss.article.text
        span = ss.people[0].evidence[0]
        read = (
            text[span.start - 2 : span.start]
            if side == "prefix"
            else text[span.end : span.end + 2]
        )

        def mutate(d: dict[str, Any]) -> None:
            d["people"][0]["evidence"][0][side] = "#!"

        msg = broken(mutate)

        assert f"{span.exact!r} is at {span.start}:{span.end}" in msg
        assert f"its {side} '#!' does not match the text, which reads" in msg
        assert msg.endswith(repr(read))

    def test_evidence_past_the_end_of_text(self) -> None:
        """A span past the end of the text says where the text ends."""
        size = len(ss.article.text)

        def mutate(d: dict[str, Any]) -> None:
            d["people"][0]["evidence"][0].update(
                start=size - 1, end=size + 2, exact="abc"
            )

        assert (
            f"'abc' does not match the text at {size - 1}:{size + 2}, "
            f"which ends at {size}" in broken(mutate)
        )

    def test_evidence_length_must_fit_offsets(self) -> None:
        """Evidence whose text is longer than its offsets is refused."""

        def mutate(d: dict[str, Any]) -> None:
            d["people"][0]["evidence"][0]["end"] += 3

        assert "characters long but its offsets" in broken(mutate)

    def test_checksum(self) -> None:
        """A text other than the one recorded is refused."""
        with pytest.raises(ss.InvalidCorpusError, match="SHA-256"):
            parse(bundled_document(), bundled_text() + " ")

    @pytest.mark.parametrize(
        ("bom", "saved", "annotated", "said"),
        [
            (True, "\n", "\n", "without the byte order mark at its start"),
            (False, "\r\n", "\n", "with its CRLF line endings as LF"),
            (False, "\n", "\r\n", "with its LF line endings as CRLF"),
            (
                True,
                "\r\n",
                "\n",
                (
                    "without the byte order mark at its start and with its "
                    "CRLF line endings as LF"
                ),
            ),
            (False, " \n", "\n", None),
        ],
    )
    def test_checksum_names_a_changed_encoding(
        self, bom: bool, saved: str, annotated: str, said: str | None
    ) -> None:
        """A text saved with a BOM or other line endings is named so."""
        text = bundled_text()
        doc = bundled_document()
        digest = hashlib.sha256(text.replace("\n", annotated).encode())
        doc["article"]["sha256"] = digest.hexdigest()
        on_disk = "\ufeff" * bom + text.replace("\n", saved)
        with pytest.raises(ss.InvalidCorpusError) as info:
            parse(doc, on_disk)
        message = str(info.value)
        if said is None:
            assert message.endswith(
                "the text is not the one the offsets refer to"
            )
        else:
            assert f"refer to; it would be, {said}" in message

    def test_unknown_field(self) -> None:
        """A field the model does not know is refused by name."""

        def mutate(d: dict[str, Any]) -> None:
            d["places"][0]["population"] = 200_000_000

        assert "unknown field(s) 'population'" in broken(mutate)

    @pytest.mark.parametrize(
        ("removed", "said"),
        [
            (["name"], "missing field 'name'"),
            (["name", "kind"], "missing fields 'name' and 'kind'"),
        ],
    )
    def test_missing_field(self, removed: list[str], said: str) -> None:
        """A required field left out is named as a field, not an argument."""

        def mutate(d: dict[str, Any]) -> None:
            for name in removed:
                del d["events"][0][name]

        msg = broken(mutate)

        assert msg.endswith(f"events[0] ('october-revolution'): {said}")
        assert "__init__" not in msg

    def test_an_export_for_a_corpus_file(self) -> None:
        """as_dict output given as a corpus file: says what it is."""
        document = ss.as_dict(ss.corpus())

        with pytest.raises(ss.InvalidCorpusError) as info:
            parse(document, bundled_text())

        assert str(info.value).endswith(
            "article: unknown field(s) 'text': a corpus file keeps the "
            "article's text in a file of its own; this looks like as_dict() "
            "output (secretspeech export --format json), which from_dict() "
            "reads"
        )

    def test_date_bounds_order(self) -> None:
        """A date whose earliest bound is after its latest is refused."""

        def mutate(d: dict[str, Any]) -> None:
            event = next(e for e in d["events"] if e["id"] == "trotsky-killed")
            event["date"]["earliest"] = "1941-01-01"

        assert "trotsky-killed" in broken(mutate)

    def test_date_must_agree_with_edtf(self) -> None:
        """Stored bounds that contradict the EDTF string are refused."""

        def mutate(d: dict[str, Any]) -> None:
            event = next(e for e in d["events"] if e["id"] == "trotsky-killed")
            event["date"]["latest"] = "1940-06-30"

        message = broken(mutate)
        assert "trotsky-killed" in message
        assert "date: latest is '1940-06-30', but edtf" in message

    def test_date_from_text_and_edtf_alone(self) -> None:
        """A date given as text and EDTF gets its bounds computed."""
        doc = bundled_document()
        event = next(e for e in doc["events"] if e["id"] == "famine-1946-7")
        event["date"] = {"text": "1946-7", "edtf": "1946/1947"}

        date = parse(doc).events.get("famine-1946-7").date  # type: ignore[union-attr]

        assert ss.events.get("famine-1946-7").date == date  # type: ignore[union-attr]

    @pytest.mark.parametrize(
        ("date", "problem"),
        [
            ({"text": "1946-7"}, "date: 'edtf' must be a string, got None"),
            ({"edtf": "1946"}, "date: 'text' must be a string, got None"),
            (
                {"text": "x", "edtf": "1946", "calendar": "lunar"},
                "date: calendar: 'lunar' is not a Calendar",
            ),
            ({"text": "x", "edtf": "1946-13"}, "date: "),
            (
                {"text": "x", "edtf": "1946", "precision": "day"},
                "precision is 'day', but edtf '1946' gives 'year'",
            ),
            (
                {"text": "x", "edtf": "1946", "approximate": 0},
                "approximate is 0, but edtf '1946' gives False",
            ),
        ],
    )
    def test_bad_date(self, date: dict[str, Any], problem: str) -> None:
        """A date missing its text or EDTF, or contradicting it, is named."""

        def mutate(d: dict[str, Any]) -> None:
            d["events"][0]["date"] = date

        assert problem in broken(mutate)

    def test_quantity_bounds_order(self) -> None:
        """A quantity whose low bound is above its high bound is refused."""

        def mutate(d: dict[str, Any]) -> None:
            d["statistics"][1]["quantity"]["low"] = 10**10

        assert "greater than high" in broken(mutate)

    def test_quantity_kind_agrees(self) -> None:
        """An exact quantity with a hedge is refused."""

        def mutate(d: dict[str, Any]) -> None:
            stat = next(s for s in d["statistics"] if s["id"] == "war-dead")
            stat["quantity"]["kind"] = "exact"

        assert "war-dead" in broken(mutate)

    def test_record_without_evidence(self) -> None:
        """Every record needs at least one evidence span."""

        def mutate(d: dict[str, Any]) -> None:
            d["places"][0]["evidence"] = []

        assert "at least one Evidence" in broken(mutate)

    def test_bad_id(self) -> None:
        """Ids are lower-case slugs."""

        def mutate(d: dict[str, Any]) -> None:
            d["people"][0]["id"] = "Nikita Khrushchev"

        assert "lower-case slug" in broken(mutate)

    @pytest.mark.parametrize("version", [99, True, "1", 1.0])
    def test_wrong_format(self, version: object) -> None:
        """A format that is not the int 1 is refused, JSON true included."""

        def mutate(d: dict[str, Any]) -> None:
            d["format"] = version

        assert "format must be 1" in broken(mutate)

    def test_not_json(self) -> None:
        """A document that is not JSON is refused."""
        with pytest.raises(ss.InvalidCorpusError, match="not valid JSON"):
            parse_corpus("{", bundled_text())

    def test_collection_not_a_list(self) -> None:
        """A collection must be a list."""

        def mutate(d: dict[str, Any]) -> None:
            d["events"] = {"a": 1}

        assert "'events' must be a list" in broken(mutate)

    def test_record_not_an_object(self) -> None:
        """A record must be a JSON object."""

        def mutate(d: dict[str, Any]) -> None:
            d["events"][0] = "october"

        assert "events[0]" in broken(mutate)

    def test_bad_enum_value(self) -> None:
        """A kind outside its vocabulary is refused, naming the value."""

        def mutate(d: dict[str, Any]) -> None:
            d["events"][0]["kind"] = "picnic"

        message = broken(mutate)
        assert "'picnic' is not an EventKind; choose from" in message
        assert "'power struggle'" in message

    def test_notes_are_optional(self) -> None:
        """A corpus without notes loads with an empty notes collection."""
        doc = bundled_document()
        doc.pop("notes", None)

        assert len(parse(doc).notes) == 0


class TestLoadCorpus:
    """Users load their own files."""

    def test_round_trip_through_files(self, tmp_path: Path) -> None:
        """The bundled data written to files loads back equal."""
        records = tmp_path / "corpus.json"
        text = tmp_path / "article.txt"
        records.write_text(json.dumps(bundled_document()), encoding="utf-8")
        text.write_text(bundled_text(), encoding="utf-8")

        loaded = load_corpus(records, text)

        assert tuple(loaded.events) == tuple(ss.events)
        assert loaded.article == ss.article

    @pytest.mark.parametrize(
        ("records", "text", "argument"),
        [(123, "a.txt", "records"), ("c.json", None, "text")],
    )
    def test_not_a_path(self, records: Any, text: Any, argument: str) -> None:
        """An argument that is not a path is a TypeError naming it."""
        with pytest.raises(ss.InvalidTypeError, match=argument) as caught:
            load_corpus(records, text)

        assert isinstance(caught.value, TypeError)

    def test_missing_file(self, tmp_path: Path) -> None:
        """A missing file is a CorpusFileError naming it, an OSError."""
        missing = tmp_path / "nope.json"

        with pytest.raises(ss.CorpusFileError, match=r"nope\.json") as caught:
            load_corpus(missing, tmp_path / "nope.txt")

        assert isinstance(caught.value, OSError)
        assert caught.value.errno == errno.ENOENT
        assert caught.value.filename == str(missing)
        assert isinstance(caught.value.__cause__, FileNotFoundError)
        assert str(caught.value) == f"{missing}: No such file or directory"

    def test_a_folder_is_not_a_file(self, tmp_path: Path) -> None:
        """Reading a folder is the operating system's error, named."""
        with pytest.raises(ss.CorpusFileError) as caught:
            load_corpus(tmp_path, tmp_path / "a.txt")

        assert caught.value.errno == errno.EISDIR

    def test_missing_text_names_the_text(self, tmp_path: Path) -> None:
        """A missing text file is named, not the records file."""
        ss.save_corpus(ss.corpus(), tmp_path / "c.json", tmp_path / "a.txt")

        with pytest.raises(ss.CorpusFileError) as caught:
            load_corpus(tmp_path / "c.json", tmp_path / "nope.txt")

        assert str(caught.value).startswith(f"{tmp_path / 'nope.txt'}: ")

    @pytest.mark.parametrize("encoding", ["bogus", "rot13", "utf\x00"])
    def test_unknown_encoding(self, tmp_path: Path, encoding: str) -> None:
        """A name that is not a text encoding is a ValueError naming it."""
        with pytest.raises(ss.InvalidValueError, match="encoding=") as caught:
            load_corpus(
                tmp_path / "c.json", tmp_path / "a.txt", encoding=encoding
            )

        assert repr(encoding) in str(caught.value)

    def test_encoding_type(self, tmp_path: Path) -> None:
        """An encoding that is not a str is a TypeError naming it."""
        with pytest.raises(ss.InvalidTypeError, match="encoding="):
            load_corpus(tmp_path / "c.json", tmp_path / "a.txt", encoding=8)  # type: ignore[arg-type]

    @pytest.mark.parametrize("name", ["c\x00.json", "c\ud800.json"])
    def test_path_the_system_cannot_take(
        self, tmp_path: Path, name: str
    ) -> None:
        """A NUL or a lone surrogate in a path is a ValueError naming it."""
        with pytest.raises(ss.InvalidValueError, match="records="):
            load_corpus(str(tmp_path / name), tmp_path / "a.txt")

    def test_not_utf8(self, tmp_path: Path) -> None:
        """A file in another encoding is refused."""
        records = tmp_path / "c.json"
        records.write_bytes(b"\xff\xfe{}")
        (tmp_path / "t.txt").write_text("x", encoding="utf-8")

        with pytest.raises(ss.InvalidCorpusError, match="not utf-8"):
            load_corpus(records, tmp_path / "t.txt")

    def test_size_limit(self, tmp_path: Path) -> None:
        """A document over the size limit is refused before it is parsed."""
        records = tmp_path / "c.json"
        records.write_text("{" + " " * 10 + "}", encoding="utf-8")

        # The text is missing: the records are refused before it is opened.
        with pytest.raises(ss.InvalidCorpusError) as caught:
            load_corpus(records, tmp_path / "t.txt", max_records_bytes=11)

        assert (
            f"{records}: more than the limit of 11 bytes; "
            "load_corpus(..., max_records_bytes=...) raises it"
        ) == str(caught.value)

    def test_deep_nesting(self) -> None:
        """Pathologically deep JSON is an InvalidCorpusError, not a crash."""
        with pytest.raises(ss.InvalidCorpusError):
            parse_corpus("[" * 100_000 + "]" * 100_000, "x")


class TestSaveCorpus:
    """A corpus saved to files loads back equal."""

    def test_round_trip(self, tmp_path: Path) -> None:
        """save_corpus then load_corpus gives an equal corpus."""
        ss.save_corpus(ss.corpus(), tmp_path / "c.json", tmp_path / "a.txt")

        again = load_corpus(tmp_path / "c.json", tmp_path / "a.txt")

        assert again.article == ss.article
        assert again.data_version == ss.DATA_VERSION
        for name in ("people", "events", "quotations", "relations", "notes"):
            assert getattr(again, name) == getattr(ss, name)
        assert again == ss.corpus()
        assert hash(again) == hash(ss.corpus())

    def test_equality_is_by_value(self) -> None:
        """Corpora differing in any record or the data version differ."""
        doc = bundled_document()
        same = parse(doc)
        doc["data_version"] = "other"
        other_version = parse(doc)
        doc = bundled_document()
        doc["people"][0]["description"] = "Someone else."
        other_person = parse(doc)

        assert same == ss.corpus()
        assert other_version != ss.corpus()
        assert other_person != ss.corpus()

    def test_text_kept_byte_for_byte(self, tmp_path: Path) -> None:
        """The text file is the canonical text exactly, newlines included."""
        text = "First line.\r\nSecond line.\n"
        doc = bundled_document()
        doc["article"]["sha256"] = hashlib.sha256(text.encode()).hexdigest()
        for schema in ss.SCHEMA:
            doc[schema.name] = []
        corpus = parse_corpus(doc, text)

        ss.save_corpus(corpus, tmp_path / "c.json", tmp_path / "t.txt")

        assert (tmp_path / "t.txt").read_bytes() == text.encode()
        assert load_corpus(
            tmp_path / "c.json", tmp_path / "t.txt"
        ).article == (corpus.article)

    def test_document_is_plain_json(self) -> None:
        """to_document holds only JSON types and parses back equal."""
        document = ss.corpus().to_document()
        again = parse_corpus(json.dumps(document), bundled_text())

        assert json.loads(json.dumps(document)) == document
        assert again.events == ss.events
        assert again.statistics == ss.statistics

    def test_not_a_corpus(self, tmp_path: Path) -> None:
        """Saving something that is not a corpus is a type error."""
        with pytest.raises(ss.InvalidTypeError, match="takes a Corpus"):
            ss.save_corpus(
                ss.people,  # type: ignore[arg-type]
                tmp_path / "c.json",
                tmp_path / "a.txt",
            )

    def test_same_file_twice(self, tmp_path: Path) -> None:
        """Records and text written to one file is refused, not clobbered."""
        path = tmp_path / "c.json"

        with pytest.raises(ss.InvalidValueError, match="same file"):
            ss.save_corpus(ss.corpus(), path, tmp_path / "." / "c.json")

        assert not path.exists()

    def test_path_type(self, tmp_path: Path) -> None:
        """A path that is not a str or PathLike is a type error."""
        with pytest.raises(ss.InvalidTypeError, match="path for text"):
            ss.save_corpus(ss.corpus(), tmp_path / "c.json", 3)  # type: ignore[arg-type]


class TestAsDict:
    """as_dict() turns one record or value into plain JSON data."""

    def test_every_record_is_its_document_entry(self) -> None:
        """A record's dict is the one the corpus document holds for it."""
        document = ss.corpus().to_document()
        for name in ("people", "events", "quotations", "statistics", "notes"):
            for record, entry in zip(
                getattr(ss, name), document[name], strict=True
            ):
                assert entry == ss.as_dict(record)
                assert json.loads(json.dumps(ss.as_dict(record))) == entry

    def test_values(self) -> None:
        """Dates, quantities and evidence are plain data too."""
        date = ss.events.get("stalins-death").date  # type: ignore[union-attr]

        assert "1953-03-01" == ss.as_dict(date)["earliest"]
        assert "text" in ss.as_dict(ss.article)

    @pytest.mark.parametrize(
        "value", [None, "secret-speech", ss.Precision.DAY]
    )
    def test_not_a_model_value(self, value: object) -> None:
        """Anything else is a type error naming what it takes."""
        with pytest.raises(ss.InvalidTypeError, match="as_dict\\(\\) takes"):
            ss.as_dict(value)


class TestRaisableLimits:
    """Every limit of a load is an argument, named where it is exceeded."""

    def test_records_of_one_collection(self, tmp_path: Path) -> None:
        """More records than max_records= is refused; raising it loads."""
        records = tmp_path / "c.json"
        text = tmp_path / "a.txt"
        ss.save_corpus(ss.corpus(), records, text)
        sizes = {s.name: len(getattr(ss, s.name)) for s in ss.SCHEMA}
        largest = max(sizes, key=lambda name: sizes[name])
        most = sizes[largest]

        with pytest.raises(ss.InvalidCorpusError) as caught:
            load_corpus(records, text, max_records=most - 1)

        assert str(caught.value) == (
            f"{records}: {largest!r} has more than the limit of {most - 1} "
            "records; load_corpus(..., max_records=...) raises it"
        )
        assert load_corpus(records, text, max_records=most) == ss.corpus()

    @pytest.mark.parametrize(
        ("limit", "error"),
        [(0, ss.InvalidValueError), ("10", ss.InvalidTypeError)],
    )
    def test_max_records_is_a_count(self, limit: Any, error: type) -> None:
        """max_records= takes an int of 1 or more, like the byte limits."""
        with pytest.raises(error, match="max_records="):
            load_corpus("c.json", "a.txt", max_records=limit)

    def test_save_refuses_what_load_would(self, tmp_path: Path) -> None:
        """save_corpus takes max_records= too, and refuses past it."""
        records = tmp_path / "c.json"
        text = tmp_path / "a.txt"

        with pytest.raises(ss.InvalidValueError, match="max_records=") as e:
            ss.save_corpus(ss.corpus(), records, text, max_records=2)
        ss.save_corpus(ss.corpus(), records, text, max_records=len(ss.claims))

        assert "load_corpus would refuse the files" in str(e.value)
        assert load_corpus(records, text) == ss.corpus()

    def test_the_document_length(self) -> None:
        """A longer JSON text than max_length= names the limit."""
        with pytest.raises(ss.InvalidCorpusError) as caught:
            parse_corpus("{}   ", "", source="t.json", max_length=4)

        assert str(caught.value) == (
            "t.json: the document is longer than the limit of 4 characters; "
            "load_corpus(..., max_records_bytes=...) raises it"
        )


class TestSharing:
    """Equal values read from one document are one object."""

    def test_ids_are_one_object(self) -> None:
        """An id that records refer to is the str of the record's own id."""
        corpus = parse(bundled_document())
        speech = corpus.events.get("secret-speech")
        khrushchev = corpus.people.get("nikita-khrushchev")

        assert "nikita-khrushchev" in speech.participants
        held = speech.participants[
            speech.participants.index("nikita-khrushchev")
        ]
        assert held is khrushchev.id

    def test_equal_spans_and_dates_are_one_object(self) -> None:
        """Two records with the same span and date share them."""
        doc = bundled_document()
        first = doc["events"][0]
        copy = json.loads(json.dumps(first))
        copy["id"] = "copy-of-the-first"
        copy["name"] = "A copy"
        copy.pop("aliases", None)
        copy.pop("other_names", None)
        doc["events"].append(copy)

        corpus = parse(doc)
        a, b = corpus.events[0], corpus.events.get("copy-of-the-first")

        assert a.evidence[0] is b.evidence[0]
        assert a.date is not None
        assert a.date is b.date

    @pytest.mark.parametrize(
        ("change", "problem"),
        [
            ({"start": 1.0}, "must be a non-negative int, got 1.0"),
            ({"end": True}, "must be a non-negative int, got True"),
        ],
    )
    def test_a_span_equal_in_value_but_not_in_type(
        self, change: dict[str, Any], problem: str
    ) -> None:
        """JSON 1.0 or true equals 1, but is no offset: still refused."""
        doc = bundled_document()
        span = {"start": 1, "end": 2, "exact": bundled_text()[1:2]}
        span["prefix"] = bundled_text()[:1]
        span["suffix"] = bundled_text()[2:34]
        doc["people"][0]["evidence"].append(span)
        doc["people"][1]["evidence"].append({**span, **change})

        with pytest.raises(ss.InvalidCorpusError, match=problem) as caught:
            parse(doc)

        assert "people[1]" in str(caught.value)

    def test_a_date_equal_in_value_but_not_in_type(self) -> None:
        """A date whose flag is JSON 0, not false, is refused after one."""
        doc = bundled_document()
        date = {"text": "1956", "edtf": "1956", "approximate": False}
        doc["events"][0]["date"] = date
        doc["events"][1]["date"] = {**date, "approximate": 0}

        with pytest.raises(ss.InvalidCorpusError, match="approximate is 0"):
            parse(doc)

    def test_a_shared_span_with_an_unknown_field(self) -> None:
        """A span equal to one read before is still refused for an extra."""
        doc = bundled_document()
        span = dict(doc["people"][0]["evidence"][0])
        doc["people"][1]["evidence"].append({**span, "note": "x"})

        with pytest.raises(ss.InvalidCorpusError, match="unknown field"):
            parse(doc)

    def test_a_vocabulary_spelt_otherwise(self) -> None:
        """A kind in another spelling is read forgivingly, as before."""
        doc = bundled_document()
        doc["events"][0]["kind"] = "POWER_STRUGGLE"

        assert parse(doc).events[0].kind is ss.EventKind.POWER_STRUGGLE

    def test_a_vocabulary_value_that_is_no_str(self) -> None:
        """A kind that is a number is refused by name."""
        doc = bundled_document()
        doc["events"][0]["kind"] = 5

        with pytest.raises(ss.InvalidCorpusError, match="EventKind takes"):
            parse(doc)

    def test_values_of_other_types_are_read_not_shared(self) -> None:
        """A span or date given in other types reads, one object each."""
        doc = bundled_document()
        span = doc["people"][0]["evidence"][0]
        # A mapping may hold any int; the JSON reader gives only int itself.
        span["start"] = _Offset(span["start"])
        span["end"] = _Offset(span["end"])
        date = doc["events"][0]["date"]
        date["calendar"] = ss.Calendar(date.get("calendar", "gregorian"))
        doc["events"][1]["date"] = dict(date)

        corpus = parse_corpus(doc, bundled_text(), source="t.json")

        assert corpus.people[0].evidence[0].start == span["start"]
        assert corpus.events[0].date == corpus.events[1].date
        assert corpus.events[0].date is not corpus.events[1].date


class _Offset(int):
    """An int of another type, such as a mapping may hold."""

    __slots__ = ()
