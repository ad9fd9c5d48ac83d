"""The bundled data: built from its sources, anchored, and exactly right."""

from __future__ import annotations

import hashlib
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import attrs
import pytest

import secretspeech as ss


ROOT = Path(__file__).resolve().parent.parent


def all_evidence() -> Iterator[tuple[str, ss.Evidence]]:
    """Yield every evidence span of every record, with the record's id."""
    for record in ss.corpus().records():
        for ev in record.evidence:
            yield record.id, ev
        for ev in getattr(record, "segments", ()):
            yield record.id, ev


class TestCanonicalText:
    """The one text every offset refers to."""

    def test_checksum(self) -> None:
        """The recorded SHA-256 is the text's."""
        digest = hashlib.sha256(ss.article.text.encode()).hexdigest()

        assert digest == ss.article.sha256

    def test_debris_removed(self) -> None:
        """Web-page furniture is not part of the text."""
        for debris in (
            "Downloading PDF",
            "This article is over",
            "Pictures of Stalin were burned",
            "can be read at",
            "Bookmarks",
            "Sign up",
            "Breakfast in Red",
            "Latest News",
            "Make a donation",
            "Help fund",
        ):
            assert debris not in ss.article.text

    def test_body_complete(self) -> None:
        """The text runs from the first sentence to the last."""
        text = ss.article.text

        assert text.startswith(
            "Political speeches are usually one-day wonders."
        )
        assert text.endswith("force them to take another step.\n")
        assert text.count("\n\n") == 39

    def test_metadata(self) -> None:
        """Title, standfirst, byline, issue, date and caption are metadata."""
        a = ss.article

        assert a.title == "Khrushchev’s secret speech: a crack in the monolith"
        assert a.standfirst.startswith(
            "Mike Haynes writes on how 50 years ago"
        )
        assert (a.author, a.publication, a.issue) == (
            "Mike Haynes",
            "Socialist Worker",
            1988,
        )
        assert a.published.edtf == "2006-02-18"
        assert a.published.text == "Issue 1988"
        assert a.caption == (
            "Pictures of Stalin were burned in the Hungarian revolution of 1956"
        )

    def test_repr_omits_the_text(self) -> None:
        """The article's repr stays short."""
        assert len(repr(ss.article)) < 1000


class TestEvidence:
    """Every span's text is what the article says there."""

    def test_every_span_matches(self) -> None:
        """Exact, prefix and suffix agree with the text at the offsets."""
        text = ss.article.text
        bad = [(rid, ev) for rid, ev in all_evidence() if not ev.matches(text)]

        assert bad == []

    def test_spans_are_full_context(self) -> None:
        """Prefix and suffix hold 32 characters unless the text ends."""
        text = ss.article.text
        for _rid, ev in all_evidence():
            assert len(ev.prefix) == min(32, ev.start)
            assert len(ev.suffix) == min(32, len(text) - ev.end)

    def test_every_span_reanchors(self) -> None:
        """Quote and context find each span again after the text moves."""
        moved = "An added first line.\n\n" + ss.article.text
        for _rid, ev in all_evidence():
            found = ev.reanchor(moved)
            assert found is not None
            assert found.start == ev.start + 22

    def test_date_wording_is_in_evidence(self) -> None:
        """Every date's wording occurs in its record's evidence."""
        for record in ss.corpus().records():
            dates = (
                getattr(record, "date", None),
                *getattr(record, "also_dated", ()),
            )
            for d in dates:
                if d is not None and d.basis in {
                    ss.DateBasis.STATED,
                    ss.DateBasis.RELATIVE,
                }:
                    assert any(d.text in ev.exact for ev in record.evidence), (
                        record.id,
                        d.text,
                    )

    def test_quantity_wording_is_in_evidence(self) -> None:
        """Every statistic's figure occurs, as written, in its evidence."""
        for s in ss.statistics:
            assert any(s.quantity.text in ev.exact for ev in s.evidence), s.id


class TestBuild:
    """The shipped data is exactly what the build script makes."""

    def test_data_is_up_to_date(self) -> None:
        """Rebuilding data/ changes nothing in the package."""
        result = subprocess.run(
            [
                sys.executable,
                str(ROOT / "scripts" / "build_data.py"),
                "--check",
            ],
            capture_output=True,
            text=True,
            check=False,
        )

        assert result.returncode == 0, result.stdout + result.stderr


class TestHardCases:
    """The cases any model of this article must get right."""

    def test_interrupted_quotation_is_one_record(self) -> None:
        """“We should not,” he said soon after, “give …” is one quotation."""
        q = ss.quotations.get("dirty-linen")

        assert [s.exact for s in q.segments] == [
            "We should not,",
            (
                "give ammunition to the enemy [or] wash our dirty linen "
                "before their eyes."
            ),
        ]
        assert q.speaker == "nikita-khrushchev"
        assert q.date is not None
        assert q.date.text == "soon after"
        assert q.date.relative_to == "secret-speech"

    def test_blind_kittens(self) -> None:
        """Stalin's words have two segments and an addressee group."""
        q = ss.quotations.get("blind-kittens")

        assert len(q.segments) == 2
        assert q.speaker == "joseph-stalin"
        assert q.addressees == ("those-at-the-top",)

    def test_speaker_named_a_paragraph_later(self) -> None:
        """The young Khrushchev's praise of Stalin is his."""
        q = ss.quotations.get("miserable-nonentities")

        assert q.speaker == "nikita-khrushchev"
        assert q.text.endswith("Stalin–our victory.")
        assert q.date is not None
        assert q.date.edtf == "192X/193X"

    def test_quoted_terms_are_not_speech(self) -> None:
        """Scare quotes and terms are quoted terms, not utterances."""
        terms = {
            q.id
            for q in ss.quotations
            if q.kind is ss.QuotationKind.QUOTED_TERM
        }

        assert terms == {
            "secret-speech-term",
            "catch-up-and-overtake",
            "cosmopolitanism-term",
            "thaw-term",
            "cult-of-personality-term",
        }

    @pytest.mark.parametrize(
        ("event", "edtf", "wording"),
        [
            (
                "delegates-recalled",
                "1956-02-24",
                "Late in the evening of 24 February 1956",
            ),
            (
                "secret-speech",
                "1956-02-25",
                "Just after midnight, as 25 February began",
            ),
            ("famine-1946-7", "1946/1947", "1946-7"),
            ("camps-at-peak", "1952/1953", "1952-3"),
            ("lateness-criminalised", "/1939", "By 1939"),
            ("ruling-class-forms", "192X/193X", "the 1920s and 1930s"),
            ("stalins-death", "1953-03", "March 1953"),
            ("swing-back-1963", "1963", "Two years later"),
            ("khrushchev-removed", "1964", "In 1964"),
            ("october-revolution", "1917-10", "October 1917"),
        ],
    )
    def test_dates_keep_wording_and_precision(
        self, event: str, edtf: str, wording: str
    ) -> None:
        """Dates keep the article's words and their real precision."""
        d = ss.events.get(event).date

        assert (d.edtf, d.text) == (edtf, wording)

    def test_relative_dates_are_resolved(self) -> None:
        """Relative wordings resolve against the record they depend on."""
        speech = ss.events.get("secret-speech")
        fifty = speech.also_dated[0]
        death = ss.events.get("stalins-death").also_dated[0]

        assert (fifty.text, fifty.relative_to) == (
            "Fifty years ago next week",
            "article",
        )
        assert fifty.contains(speech.date)
        assert (death.text, death.edtf, death.relative_to) == (
            "three years earlier",
            "1953",
            "secret-speech",
        )

    def test_october_1917_is_julian(self) -> None:
        """October 1917 is read in the Julian calendar, bounds Gregorian."""
        d = ss.events.get("october-revolution").date

        assert d.calendar is ss.Calendar.JULIAN
        assert (d.earliest.isoformat(), d.latest.isoformat()) == (
            "1917-10-14",
            "1917-11-13",
        )

    @pytest.mark.parametrize(
        ("stat", "kind", "hedge", "low", "high"),
        [
            ("war-dead", "at most", "as many as", None, 29_000_000),
            ("famine-dead", "approximate", "perhaps", None, None),
            ("camp-prisoners-peak", "at most", "up to", None, 6_000_000),
            ("lateness-punished", "vague", "several", 3_000_000, None),
            (
                "shot-in-the-1930s",
                "order of magnitude",
                None,
                200_000,
                999_999,
            ),
            (
                "death-warrants-signed",
                "order of magnitude",
                None,
                20_000,
                99_999,
            ),
            ("disabled-veterans", "exact", None, 10_000_000, 10_000_000),
        ],
    )
    def test_hedges(
        self,
        stat: str,
        kind: str,
        hedge: str | None,
        low: int | None,
        high: int | None,
    ) -> None:
        """Hedged figures keep their hedge, kind and honest bounds."""
        q = ss.statistics.get(stat).quantity

        assert (q.kind, q.hedge, q.low, q.high) == (kind, hedge, low, high)

    def test_unnamed_people_are_people(self) -> None:
        """The tsar, one novelist and the Russian agent are records."""
        unnamed = {p.id for p in ss.people if not p.named}

        assert unnamed == {"the-tsar", "one-novelist", "russian-agent"}

    def test_speech_encouraged_poland_and_hungary(self) -> None:
        """The article's causal claims are relations."""
        pairs = {(r.source, r.target) for r in ss.relations if r.is_causal}

        assert ("secret-speech", "polish-demonstrations") in pairs
        assert ("secret-speech", "hungarian-revolution") in pairs
        assert ("stalins-death", "thaw") in pairs


class TestRecordsAreValues:
    """Records are frozen values that hash and compare."""

    def test_every_record_hashes(self) -> None:
        """Every record can be a dict key or set member."""
        records = list(ss.corpus().records())

        assert len({hash(r) for r in records}) == len(records)

    def test_assignment_raises(self) -> None:
        """Assigning to a field raises FrozenInstanceError."""
        with pytest.raises(attrs.exceptions.FrozenInstanceError):
            ss.people[0].name = "Nikita"  # type: ignore[misc]


class TestNamesAreUnambiguous:
    """Ids, names and spans are each unambiguous."""

    def test_no_id_is_another_records_name(self) -> None:
        """No id, read as words, is the name or alias of another record."""
        from secretspeech._text import normalize  # noqa: PLC0415

        names: dict[str, set[str]] = {}
        for record in ss.corpus().records():
            for name in (
                getattr(record, "name", ""),
                *getattr(record, "aliases", ()),
            ):
                if name:
                    names.setdefault(normalize(name), set()).add(record.id)
        clashes = {
            record.id: names[normalize(record.id)] - {record.id}
            for record in ss.corpus().records()
            if names.get(normalize(record.id), set()) - {record.id}
        }

        assert clashes == {}

    def test_no_span_nested_in_another(self) -> None:
        """A record's evidence spans never lie inside one another."""
        for record in ss.corpus().records():
            spans = [(e.start, e.end) for e in record.evidence]
            nested = [
                (a, b)
                for i, (a, b) in enumerate(spans)
                for j, (c, d) in enumerate(spans)
                if i != j and c <= a and b <= d
            ]
            assert nested == [], record.id
