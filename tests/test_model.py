"""The records validate their fields and refuse impossible values."""

from __future__ import annotations

from typing import Any

import attrs
import pytest

import secretspeech as ss


TEXT = "The speech made history. He did it from the centre of power."


def evidence(start: int = 4, end: int = 10) -> ss.Evidence:
    """Return a valid evidence span of TEXT."""
    return ss.Evidence.from_offsets(TEXT, start, end)


def quantity(**fields: Any) -> ss.Quantity:
    """Build a Quantity with defaults for the fields not given."""
    base: dict[str, Any] = {"text": "as many as 29 million", "unit": "person"}
    return ss.Quantity(**{**base, **fields})


class TestEvidence:
    """Evidence is a span with its quote and context."""

    def test_from_offsets(self) -> None:
        """The span and its context are cut from the text."""
        ev = evidence()

        assert (ev.exact, ev.prefix, ev.suffix[:6]) == (
            "speech",
            "The ",
            " made ",
        )
        assert ev.matches(TEXT)
        assert str(ev) == "speech"

    @pytest.mark.parametrize(
        ("start", "end"), [(-1, 3), (5, 5), (6, 4), (0, 999)]
    )
    def test_bad_offsets(self, start: int, end: int) -> None:
        """Offsets outside the text or empty spans are refused."""
        with pytest.raises(ss.InvalidValueError, match="offsets"):
            ss.Evidence.from_offsets(TEXT, start, end)

    def test_length_must_fit(self) -> None:
        """The exact text has the length of its offsets."""
        with pytest.raises(ss.InvalidValueError, match="characters long"):
            ss.Evidence(start=0, end=3, exact="speech")

    def test_one_character_is_singular(self) -> None:
        """A message counts one character as one, not as "1 characters"."""
        with pytest.raises(ss.InvalidValueError) as info:
            ss.Evidence(start=0, end=9, exact="X")

        assert str(info.value) == (
            "Evidence 'X' is 1 character long but its offsets 0:9 span 9"
        )

    def test_negative_start(self) -> None:
        """Offsets are non-negative ints."""
        with pytest.raises(ss.InvalidValueError, match="start"):
            ss.Evidence(start=-1, end=5, exact="speech")

    def test_context_limit(self) -> None:
        """Prefix and suffix are at most 32 characters."""
        with pytest.raises(ss.InvalidValueError, match="at most 32"):
            ss.Evidence(start=40, end=46, exact="speech", prefix="x" * 33)

    def test_does_not_match_other_text(self) -> None:
        """A span does not match a text that reads otherwise."""
        assert not evidence().matches(TEXT.replace("speech", "speeds"))

    def test_reanchor_after_insertion(self) -> None:
        """Re-anchoring finds the span after text was inserted before it."""
        moved = "Indeed. " + TEXT

        assert evidence().reanchor(moved) == ss.Evidence.from_offsets(
            moved, 12, 18
        )

    def test_reanchor_gives_up_when_gone(self) -> None:
        """Re-anchoring returns None when the quote is gone."""
        assert evidence().reanchor("Nothing here.") is None

    @pytest.mark.parametrize("text", [None, b"bytes", 3])
    def test_text_must_be_a_str(self, text: Any) -> None:
        """matches() and reanchor() refuse a text that is not a str."""
        for method in (evidence().matches, evidence().reanchor):
            with pytest.raises(ss.InvalidTypeError, match="as a str"):
                method(text)


class TestQuantity:
    """The hedge kind agrees with the bounds."""

    def test_at_most(self) -> None:
        """An upper bound has value == high."""
        q = quantity(kind="at most", value=29, high=29, hedge="as many as")

        assert (q.kind, q.low, str(q)) == (
            ss.QuantityKind.AT_MOST,
            None,
            "as many as 29 million",
        )

    @pytest.mark.parametrize(
        ("fields", "problem"),
        [
            (
                {"kind": "exact", "value": 1, "low": 1, "high": 2},
                "value == low == high",
            ),
            (
                {
                    "kind": "exact",
                    "value": 1,
                    "low": 1,
                    "high": 1,
                    "hedge": "as many as",
                },
                "no hedge",
            ),
            ({"kind": "approximate"}, "has a value"),
            ({"kind": "approximate", "value": 5, "low": 6}, "bracket"),
            ({"kind": "at most", "value": 5}, "value == high"),
            ({"kind": "at least", "value": 5, "low": 4}, "value == low"),
            ({"kind": "order of magnitude", "low": 1}, "low and high"),
            ({"kind": "vague", "value": 3}, "no value"),
            ({"kind": "vague", "low": 3, "high": 2}, "greater than high"),
            ({"kind": "vague", "hedge": "roughly"}, "not in the text"),
            ({"kind": "vague", "low": -1}, "non-negative"),
        ],
    )
    def test_disagreeing_bounds(
        self, fields: dict[str, Any], problem: str
    ) -> None:
        """Bounds that contradict the kind are refused, saying why."""
        with pytest.raises(ss.InvalidValueError, match=problem):
            quantity(**fields)

    @pytest.mark.parametrize(
        ("fields", "field"),
        [
            ({"low": True}, "Quantity.low"),
            ({"value": "3"}, "Quantity.value"),
            ({"high": 1.5}, "Quantity.high"),
            ({"hedge": 3}, "Quantity.hedge"),
            ({"text": None}, "Quantity.text"),
            ({"kind": 3}, "QuantityKind"),
        ],
    )
    def test_wrong_types(self, fields: dict[str, Any], field: str) -> None:
        """A field of the wrong type is an InvalidTypeError naming it."""
        with pytest.raises(ss.InvalidTypeError, match=field):
            quantity(**{"kind": "vague", **fields})

    def test_unknown_kind(self) -> None:
        """A kind outside the vocabulary is a ValueError listing choices."""
        with pytest.raises(
            ss.InvalidValueError, match="'roughly' is not a QuantityKind"
        ) as caught:
            quantity(kind="roughly")

        assert "choose from 'exact', 'approximate'" in str(caught.value)


class TestVocabularies:
    """The kind and role enums read spellings forgivingly."""

    @pytest.mark.parametrize(
        "enum_cls",
        [
            ss.QuantityKind,
            ss.PersonRole,
            ss.GroupKind,
            ss.PlaceKind,
            ss.EventKind,
            ss.QuotationKind,
            ss.RelationKind,
            ss.Verdict,
            ss.SourceKind,
        ],
    )
    def test_every_spelling(self, enum_cls: Any) -> None:
        """Value, name, hyphens, underscores and case all find a member."""
        for member in enum_cls:
            spellings = {
                member.value,
                member.name,
                member.value.replace(" ", "-"),
                member.value.replace(" ", "_").upper(),
                f"  {member.value.title()} ",
            }
            for spelling in spellings:
                assert enum_cls(spelling) is member, spelling

    def test_refusal_names_the_vocabulary(self) -> None:
        """A miss is an InvalidValueError with every choice."""
        with pytest.raises(ss.InvalidValueError) as caught:
            ss.EventKind("coup")

        assert str(caught.value).startswith("'coup' is not an EventKind;")
        for member in ss.EventKind:
            assert repr(member.value) in str(caught.value)

    def test_not_a_str(self) -> None:
        """A value that is not a str or a member is a type error."""
        with pytest.raises(
            ss.InvalidTypeError,
            match=r"^PlaceKind takes a member or its value as a str, got 3 ",
        ):
            ss.PlaceKind(3)


class TestRecords:
    """Ids, texts, tuples and evidence are checked on every record."""

    def person(self, **fields: Any) -> ss.Person:
        """Build a valid Person, overriding some fields."""
        base: dict[str, Any] = {
            "id": "a-speaker",
            "name": "A speaker",
            "description": "Someone.",
            "evidence": [evidence()],
        }
        return ss.Person(**{**base, **fields})

    def test_lists_become_tuples(self) -> None:
        """Sequence fields are converted to tuples."""
        p = self.person(aliases=["Speaker"], roles=["leader"])

        assert p.aliases == ("Speaker",)
        assert p.roles == (ss.PersonRole.LEADER,)
        assert isinstance(p.evidence, tuple)

    def test_evidence_of_a_subclass_is_evidence(self) -> None:
        """A span of a subclass of Evidence is held, beside plain ones."""

        @attrs.frozen(kw_only=True)
        class Marked(ss.Evidence):
            pass

        plain = evidence()
        marked = Marked(**attrs.asdict(plain))
        p = self.person(evidence=(plain, marked))

        assert p.evidence == (plain, marked)
        with pytest.raises(ss.InvalidTypeError, match="must hold Evidence"):
            self.person(evidence=(plain, marked, "a span"))

    @pytest.mark.parametrize(
        ("field", "value"),
        [
            ("name", "Sta\udc00lin"),
            ("description", "A speaker \ud800"),
            ("aliases", ("Speaker", "\udfff")),
        ],
    )
    def test_text_no_file_can_hold(self, field: str, value: Any) -> None:
        """A lone surrogate, which UTF-8 cannot encode, is refused."""
        with pytest.raises(
            ss.InvalidValueError,
            match=rf"^Person\.{field} holds a lone surrogate .* which no "
            "UTF-8 file can hold",
        ):
            self.person(**{field: value})

    def test_text_with_a_whole_pair(self) -> None:
        """A character beyond the BMP, a surrogate pair in JSON, is kept."""
        assert self.person(name="A speaker 😀").name == "A speaker 😀"

    @pytest.mark.parametrize(
        "bad", ["Has Spaces", "UPPER", "", "trailing-", "-x"]
    )
    def test_id_is_a_slug(self, bad: str) -> None:
        """Ids are lower-case slugs."""
        with pytest.raises(ss.InvalidValueError, match="slug"):
            self.person(id=bad)

    @pytest.mark.parametrize(
        ("members", "error", "message"),
        [
            (
                ("nikita-khrushchev", "Joseph Stalin"),
                ss.InvalidValueError,
                "slug",
            ),
            (("joseph-stalin", 7), ss.InvalidTypeError, "7"),
            (
                ("joseph-stalin", "joseph-stalin"),
                ss.InvalidValueError,
                "repeats",
            ),
        ],
    )
    def test_each_id_of_a_list_is_checked(
        self, members: tuple[object, ...], error: type[Exception], message: str
    ) -> None:
        """Each id of a list of ids is a slug, a str, and there once."""
        with pytest.raises(error, match=message):
            ss.Group(
                id="a-group",
                name="A group",
                description="Some people.",
                kind="party",
                members=members,
                evidence=[evidence()],
            )

    def test_a_string_is_not_a_tuple_of_strings(self) -> None:
        """A bare string for a tuple field is refused, not split."""
        with pytest.raises(
            ss.InvalidTypeError,
            match=r"Person\.aliases .* the string 'Speaker'",
        ):
            self.person(aliases="Speaker")

    def test_repeated_alias(self) -> None:
        """Aliases do not repeat."""
        with pytest.raises(ss.InvalidValueError, match="repeats"):
            self.person(aliases=["x", "x"])

    def test_empty_name(self) -> None:
        """Names are non-empty."""
        with pytest.raises(ss.InvalidValueError, match="name"):
            self.person(name="  ")

    def test_evidence_required(self) -> None:
        """A record needs at least one evidence span."""
        with pytest.raises(ss.InvalidValueError, match="at least one"):
            self.person(evidence=[])

    def test_evidence_must_be_evidence(self) -> None:
        """Evidence items must be Evidence."""
        with pytest.raises(ss.InvalidTypeError, match="must hold Evidence"):
            self.person(evidence=["speech"])

    def test_keyword_only(self) -> None:
        """Records take keyword arguments only."""
        with pytest.raises(TypeError):
            ss.Person("a", "b")  # type: ignore[misc]

    def test_frozen(self) -> None:
        """Records cannot be changed in place."""
        with pytest.raises(attrs.exceptions.FrozenInstanceError):
            self.person().name = "B"  # type: ignore[misc]

    def test_equal_by_value(self) -> None:
        """Two records with the same fields are equal and hash alike."""
        assert self.person() == self.person()
        assert hash(self.person()) == hash(self.person())

    def test_relation_to_itself(self) -> None:
        """A relation cannot link a record to itself."""
        with pytest.raises(ss.InvalidValueError, match="to itself"):
            ss.Relation(
                id="r",
                kind="causes",
                source="a",
                target="a",
                link=evidence(),
                evidence=[evidence()],
            )

    def test_quotation_segments_in_order(self) -> None:
        """Segments are in text order."""
        with pytest.raises(ss.InvalidValueError, match="text order"):
            ss.Quotation(
                id="q",
                kind="utterance",
                segments=[evidence(25, 27), evidence(4, 10)],
                evidence=[evidence()],
            )

    def test_quotation_segments_apart(self) -> None:
        """Segments do not overlap: each pair of quote marks is one."""
        with pytest.raises(ss.InvalidValueError, match="before 'speech'"):
            ss.Quotation(
                id="q",
                kind="utterance",
                segments=[evidence(4, 10), evidence(4, 10)],
                evidence=[evidence(0, 20)],
            )

    def test_quotation_segments_inside_evidence(self) -> None:
        """Segments lie in the evidence, as the cue does, evolved or not."""
        q = ss.Quotation(
            id="q",
            kind="utterance",
            segments=[evidence(4, 10)],
            evidence=[evidence(0, 12)],
        )
        with pytest.raises(
            ss.InvalidValueError,
            match=r"'q': its segments\[0\] .* lies in none of its evidence",
        ):
            attrs.evolve(q, segments=[evidence(11, 15)])

    def test_quotation_text_and_insertions(self) -> None:
        """A quotation's text joins its segments; insertions are found."""
        text = "“We [or] they,” he said, “go.”"
        q = ss.Quotation(
            id="q",
            kind="utterance",
            segments=[
                ss.Evidence.from_offsets(text, 1, 14),
                ss.Evidence.from_offsets(text, 26, 29),
            ],
            evidence=[ss.Evidence.from_offsets(text, 0, len(text))],
        )

        assert q.text == "We [or] they […] go."
        assert q.insertions == ("[or]",)
        assert str(q) == q.text

    def test_note_needs_subject_and_source(self) -> None:
        """A note is about something and cites something."""
        with pytest.raises(ss.InvalidValueError, match="cites no source"):
            ss.Note(
                id="n",
                verdict="agrees",
                about=["a"],
                text="t",
                sources=[],
                evidence=[evidence()],
            )
        with pytest.raises(ss.InvalidValueError, match="about nothing"):
            ss.Note(
                id="n",
                verdict="agrees",
                about=[],
                text="t",
                sources=[ss.Source(kind="press", title="t")],
                evidence=[evidence()],
            )

    @pytest.mark.parametrize(
        ("collection", "field"),
        [
            ("quotations", "subjects"),
            ("statistics", "about"),
            ("notes", "about"),
        ],
    )
    def test_record_about_itself(self, collection: str, field: str) -> None:
        """No record is about itself, as no event or claim is."""
        record = getattr(ss, collection)[0]
        about = (*getattr(record, field), record.id)
        with pytest.raises(
            ss.InvalidValueError, match=f"{record.id!r} is about itself"
        ):
            attrs.evolve(record, **{field: about})

    def test_date_field_type(self) -> None:
        """An event's date must be a HistoricalDate."""
        with pytest.raises(ss.InvalidTypeError, match="HistoricalDate"):
            ss.Event(
                id="e",
                name="E",
                summary="S",
                kind="speech",
                date="1956",  # type: ignore[arg-type]
                evidence=[evidence()],
            )

    def test_str_of_records(self) -> None:
        """Records print as their names or words."""
        assert str(ss.people.get("joseph-stalin")) == "Joseph Stalin"
        assert (
            str(ss.statistics.get("war-dead"))
            == "as many as 29 million (deaths)"
        )
        assert str(ss.relations[0]) == (
            "trotsky-exiled enables trotsky-campaign"
        )

    def test_article_sha256_format(self) -> None:
        """The article's checksum is 64 hex digits."""
        with pytest.raises(ss.InvalidValueError, match="64 hex"):
            attrs.evolve(ss.article, sha256="abc")


def test_a_citation_nests_the_quotes_of_a_title() -> None:
    """Quotes in a title become single inside the citation's double quotes."""
    source = ss.Source(
        kind="official",
        title="Khrushchev and the “Anti-Party Group” (1953–1957)",
        author="Avis Bohlen",
        date="27 April 1962",
    )

    assert source.citation == (
        "Avis Bohlen, “Khrushchev and the ‘Anti-Party Group’ (1953–1957)”, "
        "27 April 1962."
    )
