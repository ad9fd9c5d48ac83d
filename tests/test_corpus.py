"""Tests for `secretspeech.Corpus`: resolving and relating records."""

from __future__ import annotations

import contextlib
import datetime as dt
import itertools
from collections.abc import Iterator
from typing import Any

import attrs
import pytest
from hypothesis import given
from hypothesis import strategies as st

import secretspeech as ss
from secretspeech import (
    CAUSAL_KINDS,
    Article,
    Corpus,
    Event,
    Evidence,
    HistoricalDate,
    Relation,
)
from secretspeech._checks import id_fields, ids_in, names_of
from secretspeech.exceptions import (
    InvalidCorpusError,
    InvalidTypeError,
    InvalidValueError,
    NotFoundError,
    SecretSpeechError,
)


C = ss.corpus()
RECORDS = tuple(C.records())
ENTITIES = (*C.people, *C.groups, *C.places)
DATED = tuple(e for e in C.events if e.date is not None)


@contextlib.contextmanager
def raises(
    error: type[SecretSpeechError], builtin: type[Exception], *quoted: str
) -> Iterator[None]:
    """Expect *error*, also a *builtin*, with each of *quoted* in the message."""
    with pytest.raises(error) as info:
        yield
    assert isinstance(info.value, builtin)
    assert isinstance(info.value, SecretSpeechError)
    for text in quoted:
        assert text in str(info.value), (text, str(info.value))


def ids(records: Any) -> list[str]:
    """Return the ids of some records, in order."""
    return [r.id for r in records]


class TestRecordsOfAnotherCorpus:
    """A record this corpus does not hold is refused, not answered for."""

    @pytest.mark.parametrize(
        "ask",
        [
            C.context,
            C.causes,
            C.related,
            C.refs,
            lambda r: C.relations.filter(source=r),
        ],
    )
    def test_changed_copy(self, ask: Any) -> None:
        """A record that shares an id but differs names its id."""
        other = attrs.evolve(C.events.get("secret-speech"), summary="Else.")

        with raises(
            InvalidValueError, ValueError, "'secret-speech'", "this corpus"
        ):
            ask(other)

    def test_person_of_another_corpus(self) -> None:
        """A person criterion is checked the same way."""
        other = attrs.evolve(C.people[0], description="Someone else.")

        with raises(InvalidValueError, ValueError, "involving=", "Person("):
            C.events.filter(involving=other)

    def test_equal_copy_is_accepted(self) -> None:
        """An equal record (say, from a reloaded copy) stands for its twin."""
        twin = attrs.evolve(C.events.get("secret-speech"))

        assert C.causes(twin) == C.causes("secret-speech")
        assert C.context(twin) == C.context("secret-speech")


class TestConstruction:
    """A corpus binds its collections and builds its indexes once."""

    def test_collections_read_names_through_the_corpus(self) -> None:
        """The corpus's collections resolve names in criteria."""
        assert C.events.filter(at="Hungary")

    def test_wrong_record_type(self) -> None:
        """A collection of the wrong records is a corpus error."""
        with raises(
            InvalidCorpusError, ValueError, "people", "'october-revolution'"
        ):
            Corpus(
                article=C.article,
                data_version="test",
                people=list(C.events),
                groups=(),
                places=(),
                events=(),
                quotations=(),
                statistics=(),
                relations=(),
            )

    def test_immutable(self) -> None:
        """A corpus cannot be changed."""
        with pytest.raises(attrs.exceptions.FrozenInstanceError):
            C.people = C.groups  # type: ignore[misc]

    def test_records_order(self) -> None:
        """records() runs collection by collection in the documented order."""
        expected = [r for c in ss.SCHEMA for r in getattr(C, c.name)]

        assert expected == list(C.records())


class TestGet:
    """`Corpus.get` finds any record by id."""

    @given(st.sampled_from(RECORDS))
    def test_every_record(self, record: Any) -> None:
        """Every record is found by its id, whatever its type."""
        assert C.get(record.id) is record

    def test_article(self) -> None:
        """The key "article" gives the Article."""
        assert isinstance(C.get("article"), Article)

    def test_default(self) -> None:
        """A miss gives the default."""
        assert C.get("no-such-id") is None
        assert C.people[0] is C.get("no-such-id", C.people[0])

    def test_wrong_type(self) -> None:
        """A non-str key is a query error."""
        with raises(InvalidTypeError, TypeError, "1956"):
            C.get(1956)  # type: ignore[call-overload]


class TestLookup:
    """`Corpus.lookup` across collections."""

    def test_any_type(self) -> None:
        """Names of any type of record are found."""
        assert "red-square" == C.lookup("Red Square").id
        assert "secret-speech" == C.lookup("Khrushchev’s speech").id
        assert "war-dead" == C.lookup("as many as 29 million").id

    def test_id_of_a_later_collection(self) -> None:
        """An id finds its record even where names prefer another type."""
        assert "thaw-term" == C.lookup("thaw-term").id
        assert "thaw" == C.lookup("thaw").id

    def test_collection_preference(self) -> None:
        """Shared names prefer people, groups, places, events, quotations."""
        assert "miserable-nonentities" == (
            C.lookup("miserable nonentities").id
        )
        assert "anti-cosmopolitanism-campaign" == (
            C.lookup("Cosmopolitanism").id
        )
        assert "cult-of-personality" == C.lookup("cult of personality").id

    def test_article(self) -> None:
        """The id "article" finds the Article, as get() does."""
        assert C.article is C.lookup("article") is C.get("article")

    @pytest.mark.parametrize(
        "name", ["Article", "ARTICLE", " article ", "the Article"]
    )
    def test_article_read_as_ids_are(self, name: str) -> None:
        """The article's id is read as record ids are: any case, "the"."""
        assert C.lookup("ISSUE-DATING") is C.get("issue-dating")
        assert C.lookup(name) is C.article
        assert C.involving(name) == C.involving("article")
        assert C.notes.filter(about=name) == C.notes.filter(about="article")
        with raises(InvalidTypeError, TypeError, "the Article is not one"):
            C.context(name)

    def test_record_named_article_wins(self) -> None:
        """A record named "Article" is found by that name, as ids lose."""
        named = attrs.evolve(C.people[0], aliases=("Article",))
        corpus = attrs.evolve(C, people=[named, *C.people[1:]])

        assert corpus.lookup("Article") == named
        assert corpus.lookup("article") is corpus.article
        assert corpus.involving("Article") == corpus.involving(named)
        assert corpus.involving("The article") == corpus.involving(named)

    def test_miss(self) -> None:
        """A miss quotes the input and suggests close names."""
        with raises(NotFoundError, LookupError, "'Hungry'", "'Hungary'"):
            C.lookup("Hungry")

    def test_wrong_type(self) -> None:
        """A non-str name is a query error."""
        with raises(InvalidTypeError, TypeError, "lookup()"):
            C.lookup(C.people[0])  # type: ignore[arg-type]

    def test_every_record_by_every_name(self) -> None:
        """Each record's names lead back to it or to a preferred record."""
        for record in RECORDS:
            for name in names_of(record):
                found = C.lookup(name)
                assert found is record or (
                    RECORDS.index(found) < RECORDS.index(record)
                ), (record.id, name, found.id)


class TestSearch:
    """`Corpus.search` across collections."""

    def test_typo(self) -> None:
        """The issue's example: a misspelling finds Khrushchev first."""
        assert "nikita-khrushchev" == C.search("Kruschev")[0].id

    def test_mixed_types(self) -> None:
        """Results come from several collections."""
        found = C.search("Hungary")

        assert {"Place", "Event"} <= {type(r).__name__ for r in found}
        assert "hungary" == found[0].id

    def test_limit(self) -> None:
        """*limit* caps the results."""
        assert 3 == len(C.search("Stalin", limit=3))

    def test_bad_limit(self) -> None:
        """A negative limit is a value error."""
        with raises(InvalidValueError, ValueError, "-2"):
            C.search("Stalin", limit=-2)


class TestTimeline:
    """`Corpus.timeline` orders dated events."""

    def test_is_sorted_permutation_of_dated(self) -> None:
        """All dated events, each once, ordered by sort_key."""
        line = C.timeline()
        keys = [e.date.sort_key for e in line]

        assert sorted(ids(DATED)) == sorted(ids(line))
        assert sorted(keys) == keys

    def test_ties_follow_the_article(self) -> None:
        """Equal sort keys are ordered by the start of the first evidence."""
        line = C.timeline()

        for a, b in itertools.pairwise(line):
            if a.date.sort_key == b.date.sort_key:
                assert a.evidence[0].start <= b.evidence[0].start

    def test_1961_to_1964(self) -> None:
        """The issue's four events of 1961-1964 come in order."""
        found = ids(C.timeline(start=1961, end=1964))
        four = [
            "attack-on-stalin-1961",
            "stalin-reburied",
            "swing-back-1963",
            "khrushchev-removed",
        ]

        assert four == [i for i in found if i in four]
        assert four == ids(C.timeline(start=1961, end=1964, strict=True))

    def test_overlap_includes_spans(self) -> None:
        """Events dated 1957/1964 overlap 1961."""
        assert "khrushchev-zigzags" in ids(C.timeline(start=1961, end=1961))

    def test_open_ends(self) -> None:
        """Giving only start or end leaves the other side open."""
        assert "october-revolution" == C.timeline(end=1917)[0].id
        assert all(
            e.date.latest >= dt.date(1988, 1, 1)
            for e in C.timeline(start=1988)
        )

    def test_open_dated_event(self) -> None:
        """An event "by 1939" overlaps any earlier year, but is not in one."""
        assert "lateness-criminalised" in ids(C.timeline(end=1930))
        assert "lateness-criminalised" not in ids(
            C.timeline(start=1930, end=1939, strict=True)
        )

    def test_accepts_every_period_type(self) -> None:
        """Years, EDTF strings, dates and HistoricalDates all work."""
        expected = C.timeline(start=1956, end=1956)

        assert expected == C.timeline(start="1956", end="1956")
        assert expected == C.timeline(
            start=dt.date(1956, 1, 1), end=dt.date(1956, 12, 31)
        )
        assert expected == C.timeline(
            start=HistoricalDate.coerce(1956), end="1956-12"
        )

    def test_start_after_end(self) -> None:
        """A period that ends before it starts is a value error."""
        with raises(InvalidValueError, ValueError, "1964", "1961"):
            C.timeline(start=1964, end=1961)

    def test_bad_period(self) -> None:
        """An unreadable period names its argument."""
        with raises(InvalidValueError, ValueError, "start=", "1956-13"):
            C.timeline(start="1956-13")
        with raises(InvalidTypeError, TypeError, "end="):
            C.timeline(end=19.64)  # type: ignore[arg-type]

    def test_strict_type(self) -> None:
        """The strict flag takes only a bool."""
        with raises(InvalidTypeError, TypeError, "strict="):
            C.timeline(strict=1)  # type: ignore[arg-type]

    def test_strict_needs_a_period(self) -> None:
        """strict=True with neither start nor end is refused, as in filter."""
        with raises(InvalidTypeError, TypeError, "start=", "end="):
            C.timeline(strict=True)
        with raises(InvalidTypeError, TypeError, "during="):
            C.events.filter(strict=True)

        assert C.timeline(start=1956, strict=True)

    @given(st.integers(1900, 2000), st.integers(0, 40), st.booleans())
    def test_agrees_with_filter(
        self, start: int, span: int, strict: bool
    ) -> None:
        """The timeline of a period holds what events.filter(during=) finds."""
        period = f"{start}/{start + span}"

        line = C.timeline(start=start, end=start + span, strict=strict)

        assert set(line) == set(C.events.filter(during=period, strict=strict))
        keys = [e.date.sort_key for e in line]
        assert sorted(keys) == keys


class TestInvolving:
    """`Corpus.involving` finds what refers to an entity."""

    def test_mexico(self) -> None:
        """An event at a place refers to it."""
        assert "trotsky-killed" in ids(C.involving("Mexico"))

    def test_every_kind_of_reference(self) -> None:
        """Events, quotations, statistics, relations, notes and groups."""
        found = C.involving("Stalin")
        kinds = {type(r).__name__ for r in found}

        assert {"Event", "Quotation", "Statistic", "Group"} <= kinds
        assert "blind-kittens" in ids(found)
        assert "stalins-supporters" in ids(found)

    def test_record_id_or_name(self) -> None:
        """A record, its id and its name give the same answer."""
        stalin = C.people.get("joseph-stalin")

        assert C.involving(stalin) == C.involving("joseph-stalin")
        assert C.involving(stalin) == C.involving("Stalin’s")

    def test_any_record(self) -> None:
        """An event is involved in the records (claims too) that name it."""
        found = [r.id for r in C.involving("famine-1946-7")]

        assert [
            "famine-dead",
            "logic-was-to-squeeze-the-population",
            "industrialisation-redoubled-contributes-to-famine-1946-7",
            "famine-deaths-range",
        ] == found
        assert [r.id for r in C.involving(C.events.get("famine-1946-7"))] == (
            found
        )

    def test_not_a_record(self) -> None:
        """Something that is neither a record nor a str is a query error."""
        with raises(InvalidTypeError, TypeError, "3"):
            C.involving(3)  # type: ignore[arg-type]

    def test_unknown(self) -> None:
        """An unknown name is not found."""
        with raises(NotFoundError, LookupError, "'Atlantis'"):
            C.involving("Atlantis")

    @given(st.sampled_from(ENTITIES))
    def test_inverse_of_references(self, entity: Any) -> None:
        """A record involves e exactly when e is among its references."""
        found = C.involving(entity)

        for record in found:
            assert entity in C.refs(record)
        assert set(found) == {r for r in RECORDS if entity in C.refs(r)}


class TestRelated:
    """`Corpus.related` lists relations in and out."""

    def test_example(self) -> None:
        """Stalin's death enables the thaw."""
        assert ["enables"] == [
            r.kind.value for r in C.related("stalins-death")
        ]

    def test_in_and_out_in_data_order(self) -> None:
        """Both directions, in the order of the data."""
        found = C.related("secret-speech")

        assert list(found) == [
            r for r in C.relations if "secret-speech" in (r.source, r.target)
        ]
        assert any(r.source == "secret-speech" for r in found)
        assert any(r.target == "secret-speech" for r in found)

    def test_none(self) -> None:
        """A record nothing relates to gives an empty tuple."""
        assert () == C.related(C.relations[0])

    @given(st.sampled_from(tuple(C.relations)))
    def test_both_ends_see_it(self, relation: Relation) -> None:
        """A relation is related to its source and its target."""
        assert relation in C.related(relation.source)
        assert relation in C.related(relation.target)


def _causal_sources(event: Event) -> list[str]:
    """Return the events with a causal relation into *event*, in order."""
    return list(
        dict.fromkeys(
            r.source
            for r in C.relations
            if r.target == event.id
            and r.kind in CAUSAL_KINDS
            and isinstance(C.get(r.source), Event)
        )
    )


class TestCauses:
    """`Corpus.causes` and `Corpus.consequences`."""

    def test_hungary_reaches_the_speech(self) -> None:
        """The issue's example: the speech led to the Hungarian revolution."""
        assert "secret-speech" in ids(C.causes("hungarian-revolution"))

    def test_depth(self) -> None:
        """Deeper walks reach further back, nearest first."""
        near = ids(C.causes("hungarian-revolution"))
        far = ids(C.causes("hungarian-revolution", depth=2))

        assert near == far[: len(near)]
        assert "succession-struggle" in far
        assert "succession-struggle" not in near

    def test_two_ways_to_one_event(self) -> None:
        """An event reached by two paths is listed once, at the nearest."""
        link = C.relations.get(
            "secret-speech-contributes-to-eastern-bloc-discussion"
        )
        shortcut = attrs.evolve(
            link, id="shortcut", source="succession-struggle"
        )
        corpus = attrs.evolve(C, relations=(*C.relations, shortcut))

        found = ids(corpus.consequences("succession-struggle", depth=3))

        # The struggle's own consequences first, the shortcut's target last.
        assert found[:3] == [
            "secret-speech",
            "limits-of-criticism",
            "eastern-bloc-discussion",
        ]
        assert found.count("eastern-bloc-discussion") == 1

    def test_consequences(self) -> None:
        """Stalin's death led to the thaw."""
        assert ["thaw"] == ids(C.consequences("Stalin’s death"))

    def test_not_causal(self) -> None:
        """precedes, part of and reports are not followed."""
        assert "delegates-recalled" not in ids(
            C.causes("secret-speech", depth=5)
        )

    @pytest.mark.parametrize("depth", [0, -1])
    def test_depth_too_small(self, depth: int) -> None:
        """A depth below 1 is a value error."""
        with raises(InvalidValueError, ValueError, "depth=", str(depth)):
            C.causes("secret-speech", depth=depth)

    @pytest.mark.parametrize("depth", [True, 1.0, "2", None])
    def test_depth_type(self, depth: Any) -> None:
        """The depth must be an int, and not a bool."""
        with raises(InvalidTypeError, TypeError, "depth="):
            C.consequences("secret-speech", depth=depth)

    def test_not_an_event(self) -> None:
        """Only events have causes."""
        with raises(InvalidValueError, ValueError, "'hungary'"):
            C.causes("hungary")
        with raises(InvalidTypeError, TypeError, "'hungary'"):
            C.causes(C.places.get("hungary"))  # type: ignore[arg-type]

    @given(st.sampled_from(tuple(C.events)))
    def test_depth_one_is_direct(self, event: Event) -> None:
        """depth=1 gives the direct causal sources, in relation order."""
        assert _causal_sources(event) == ids(C.causes(event))

    @given(st.sampled_from(tuple(C.events)), st.integers(1, 6))
    def test_walks_are_clean(self, event: Event, depth: int) -> None:
        """No duplicates, never the event, and deeper walks extend shallower."""
        for walk in (C.causes, C.consequences):
            found = walk(event, depth=depth)
            assert len(set(found)) == len(found)
            assert event not in found
            shallower = walk(event, depth=max(1, depth - 1))
            assert found[: len(shallower)] == shallower

    @given(st.sampled_from(tuple(C.events)))
    def test_causes_invert_consequences(self, event: Event) -> None:
        """Each direct cause has the event among its direct consequences."""
        for cause in C.causes(event):
            assert event in C.consequences(cause)


class TestContext:
    """`Corpus.context` quotes the article around a record."""

    def test_muck(self) -> None:
        """The sentence with the quotation and its attribution."""
        assert (
            "“We should not pour muck on ourselves,” said new leader Leonid "
            "Brezhnev."
        ) == C.context("muck", sentences=0)

    def test_closing_quote_after_stop(self) -> None:
        """A quotation ending “…enemies.” keeps its closing quote."""
        assert C.context("blind-kittens", sentences=0).endswith("enemies.”")

    def test_one_each_side(self) -> None:
        """sentences=1 adds one sentence before and one after."""
        assert (
            "There would be no more inconsistency. “We should not pour muck on "
            "ourselves,” said new leader Leonid Brezhnev. The Stalin problem "
            "would now be dealt with by suppressing discussion of it."
        ) == C.context("muck")

    def test_across_paragraphs(self) -> None:
        """Context runs into the next paragraph when the sentence ends one."""
        found = C.context("thaw-term", sentences=1)

        assert "\n\n" in found
        assert found.endswith(
            "At the start of 1956 it seemed that more was necessary."
        )

    def test_start_of_article(self) -> None:
        """At the start of the article there is nothing before."""
        first = Evidence.from_offsets(C.article.text, 0, 9)

        assert C.context(first, sentences=3).startswith("Political speeches")

    def test_evidence(self) -> None:
        """An Evidence gives the sentences around it."""
        ev = C.events.get("stalins-death").evidence[1]

        assert ev.exact in C.context(ev, sentences=0)

    def test_foreign_evidence(self) -> None:
        """Evidence from another text is a value error."""
        ev = Evidence.from_offsets("Nothing like the article.", 0, 7)

        with raises(InvalidValueError, ValueError, "'Nothing'"):
            C.context(ev)

    def test_negative(self) -> None:
        """A negative count is a value error."""
        with raises(InvalidValueError, ValueError, "sentences=", "-1"):
            C.context("muck", sentences=-1)

    @pytest.mark.parametrize("sentences", [False, 1.5])
    def test_count_type(self, sentences: Any) -> None:
        """The count of sentences must be an int."""
        with raises(InvalidTypeError, TypeError, "sentences="):
            C.context("muck", sentences=sentences)

    def test_bad_record(self) -> None:
        """A value that is not a record, evidence or str is a query error."""
        with raises(InvalidTypeError, TypeError, "42"):
            C.context(42)  # type: ignore[arg-type]

    @given(st.sampled_from(RECORDS), st.integers(0, 3))
    def test_holds_the_evidence(self, record: Any, sentences: int) -> None:
        """The context holds the first evidence and grows with *sentences*."""
        narrow = C.context(record, sentences=sentences)
        wide = C.context(record, sentences=sentences + 1)

        assert record.evidence[0].exact in narrow
        assert narrow in wide
        assert narrow in C.article.text


class TestRefs:
    """`Corpus.refs` resolves ids: of one field, or of all."""

    def test_speaker(self) -> None:
        """A quotation's speaker is one person."""
        assert ["joseph-stalin"] == ids(C.refs("blind-kittens", "speaker"))

    def test_no_speaker(self) -> None:
        """An empty id field gives an empty tuple."""
        assert () == C.refs("secret-speech-term", "speaker")

    def test_article(self) -> None:
        """A note about the article resolves to the Article."""
        notes = [n for n in C.notes if "article" in n.about]

        for note in notes:
            assert C.article in C.refs(note, "about")

    def test_article_is_involved(self) -> None:
        """involving() and related() take the article, by id or itself."""
        about = [
            r
            for r in RECORDS
            if "article" in getattr(r, "about", ())
            or "article" in ids_in(r, "relative_to")
        ]

        assert any(isinstance(r, ss.Note) for r in about)
        assert "secret-speech" in ids(about)
        assert tuple(about) == C.involving("article")
        assert C.involving(C.article) == C.involving("article")
        assert () == C.related(C.article)

    @pytest.mark.parametrize(
        "ask", [C.context, C.refs, C.causes, C.consequences]
    )
    def test_article_is_not_a_record_elsewhere(self, ask: Any) -> None:
        """Record-only questions about the article say why they refuse."""
        for article in ("article", C.article):
            with raises(
                InvalidTypeError, TypeError, "the Article is not one here"
            ):
                ask(article)

    def test_every_reference_has_an_id(self) -> None:
        """Whatever refs() returns, the article included, has an id."""
        for note in C.notes:
            ids = [r.id for r in C.refs(note)]

            assert list(note.about) == ids

    def test_relative_to(self) -> None:
        """relative_to gives the records a record's dates count from."""
        swing = C.events.get("swing-back-1963")

        assert ["attack-on-stalin-1961"] == ids(C.refs(swing, "relative_to"))
        assert "attack-on-stalin-1961" in ids(C.refs(swing))
        assert swing in C.involving("attack-on-stalin-1961")
        assert () == C.refs("muck", "relative_to")

    def test_unknown_field(self) -> None:
        """A field that holds no ids is a query error naming the fields."""
        with raises(InvalidTypeError, TypeError, "'summary'", "'places'"):
            C.refs("secret-speech", "summary")
        with raises(InvalidTypeError, TypeError, "'roles'", "'relative_to'"):
            C.refs("joseph-stalin", "roles")

    @given(st.sampled_from(RECORDS))
    def test_references_are_the_fields(self, record: Any) -> None:
        """refs() with no field is refs() over every id field, without repeats."""
        expected = [
            r
            for field in id_fields(type(record))
            for r in C.refs(record, field)
        ]

        assert list(dict.fromkeys(expected)) == list(C.refs(record))


@attrs.frozen(kw_only=True)
class _PersonWithMore(ss.Person):
    """A person with a field of any type, which may hold spans too."""

    more: object = ()


class TestSpansInFieldsOfAnyType:
    """A field declared as any type is searched for spans, item by item."""

    def with_more(self, more: object) -> ss.Corpus:
        """Return the bundled corpus whose first person holds *more*."""
        first = _PersonWithMore(**attrs.asdict(ss.people[0], recurse=False))
        people = (attrs.evolve(first, more=more), *ss.people[1:])
        return attrs.evolve(ss.corpus(), people=people)

    def test_a_span_that_matches(self) -> None:
        """A span beside other values in a tuple is checked and kept."""
        span = ss.people[0].evidence[0]

        corpus = self.with_more(("a note", span))

        assert corpus.people[0].more == ("a note", span)  # type: ignore[attr-defined]

    def test_a_span_that_does_not_match(self) -> None:
        """A span that the text does not hold is refused, by its place."""
        span = ss.people[0].evidence[0]
        moved = attrs.evolve(span, start=span.start + 1, end=span.end + 1)

        with pytest.raises(ss.InvalidCorpusError, match=r"more\[1\]"):
            self.with_more(("a note", moved))


class TestTheArticlesAnchor:
    """A publication date resolved against a record names one that exists."""

    def with_anchor(self, anchor: str) -> ss.Corpus:
        """Return the bundled corpus, its publication dated from *anchor*."""
        published = attrs.evolve(
            ss.article.published,
            relative_to=anchor,
            basis=ss.DateBasis.RELATIVE,
            reason=None,
        )
        article = attrs.evolve(ss.article, published=published)
        return attrs.evolve(ss.corpus(), article=article)

    def test_a_record(self) -> None:
        """An anchor that is a record's id is kept."""
        corpus = self.with_anchor("secret-speech")

        assert corpus.article.published.relative_to == "secret-speech"

    def test_nothing(self) -> None:
        """An anchor that names nothing is refused, naming the field."""
        with pytest.raises(ss.InvalidCorpusError) as caught:
            self.with_anchor("nowhere")

        assert str(caught.value) == (
            "article: published.relative_to names 'nowhere', which is not a "
            "record"
        )


@attrs.frozen(kw_only=True)
class _PersonRemembered(ss.Person):
    """A person with a date field of its own."""

    remembered: ss.HistoricalDate | None = None


class TestALifeDatedFromARecord:
    """
    A person's birth or death dated from a record refers to that record.

    Every date of a record may be relative (`CollectionSchema.id_fields`
    gives ``relative_to`` to each type with a date field), not only the
    ``date`` of an event, quotation or statistic.
    """

    def died(self, anchor: str) -> ss.Corpus:
        """Return the bundled corpus, Stalin's death dated from *anchor*."""
        died = ss.HistoricalDate.from_edtf(
            "1953-03", text="three years earlier", relative_to=anchor
        )
        stalin = attrs.evolve(C.get("joseph-stalin"), died=died)
        people = [stalin if p.id == stalin.id else p for p in C.people]
        return attrs.evolve(C, people=people)

    def test_a_record(self) -> None:
        """The anchor is among the person's references, both ways."""
        corpus = self.died("secret-speech")
        stalin = corpus.people.get("joseph-stalin")

        assert ["secret-speech"] == ids(corpus.refs(stalin, "relative_to"))
        assert "secret-speech" in ids(corpus.refs(stalin))
        assert stalin in corpus.involving("secret-speech")

    def test_nothing(self) -> None:
        """An anchor that names nothing is refused, naming the field."""
        with pytest.raises(ss.InvalidCorpusError) as caught:
            self.died("nowhere")

        assert str(caught.value) == (
            "people ('joseph-stalin'): died.relative_to names 'nowhere', which "
            "is not a record"
        )

    def test_itself(self) -> None:
        """A date counted from the record it dates is refused."""
        with pytest.raises(ss.InvalidCorpusError) as caught:
            self.died("joseph-stalin")

        assert str(caught.value) == (
            "people ('joseph-stalin'): died.relative_to names the record itself"
        )

    def test_an_event_dated_from_itself(self) -> None:
        """So is an event's, in any of its dates."""
        event = C.get("secret-speech")
        assert isinstance(event, ss.Event)
        date = ss.HistoricalDate.from_edtf(
            "1956", text="that year", relative_to=event.id
        )
        for moved, field in (
            (attrs.evolve(event, date=date), "date"),
            (attrs.evolve(event, also_dated=(date,)), r"also_dated\[0\]"),
        ):
            events = [moved if e.id == event.id else e for e in C.events]

            with pytest.raises(
                ss.InvalidCorpusError,
                match=rf"\('secret-speech'\): {field}\.relative_to names the "
                "record itself",
            ):
                attrs.evolve(C, events=events)

    def test_a_date_field_of_our_own(self) -> None:
        """A date in a field of a subclass is read the same way."""
        remembered = ss.HistoricalDate.from_edtf(
            "1961", text="in 1961", relative_to="nowhere"
        )
        stalin = _PersonRemembered(
            **attrs.asdict(C.get("joseph-stalin"), recurse=False),
            remembered=remembered,
        )
        people = [stalin if p.id == stalin.id else p for p in C.people]

        with pytest.raises(
            ss.InvalidCorpusError,
            match=r"\('joseph-stalin'\): remembered\.relative_to names 'nowhere'",
        ):
            attrs.evolve(C, people=people)

    def test_one_of_several_dates(self) -> None:
        """An event's further date is named by its place among them."""
        event = next(e for e in C.events if e.also_dated)
        later = ss.HistoricalDate.from_edtf(
            "1961", text="in 1961", relative_to="nowhere"
        )
        moved = attrs.evolve(event, also_dated=(*event.also_dated, later))
        events = [moved if e.id == event.id else e for e in C.events]
        where = len(event.also_dated)

        with pytest.raises(
            ss.InvalidCorpusError,
            match=rf"also_dated\[{where}\]\.relative_to names 'nowhere'",
        ):
            attrs.evolve(C, events=events)
