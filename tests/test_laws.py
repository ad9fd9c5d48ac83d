"""
The laws of the API, as properties over real and generated data.

Each law runs over the bundled article and over corpora from
`secretspeech.strategies.corpora` (whose default source draws both).
"""

from __future__ import annotations

from collections import Counter
from typing import TYPE_CHECKING, Any

import attrs
import pytest
from hypothesis import given
from hypothesis import strategies as st

import secretspeech as ss
from record_kinds import KINDS, spans_of
from secretspeech._model import Criterion
from secretspeech._text import normalize, singular
from secretspeech.strategies import (
    evidence,
    historical_dates,
    quantities,
)


if TYPE_CHECKING:
    from collections.abc import Callable, Mapping, Sequence


NAMED = (ss.Person, ss.Group, ss.Place, ss.Event)
DATED = ("events", "quotations", "statistics")
# For each collection, its filter criteria and what each takes: the
# collections whose records it may name, an enum, a bool, a period or what
# statistics count.
ANY = tuple(c.name for c in ss.SCHEMA)


def domain(criterion: Criterion) -> object:
    """Say what a criterion takes, as the law tests below draw it."""
    if criterion.takes == "ids":
        return ANY if criterion.among == ("*",) else criterion.among
    if criterion.takes == "vocabulary":
        return criterion.vocabulary
    if criterion.takes == "flag":
        return bool
    if criterion.takes == "period":
        return "period"
    return ("words", criterion.fields[0])


# For each collection, the criteria its schema declares and what each
# takes: ``strict=`` is drawn with ``during=``.
CRITERIA: dict[str, dict[str, object]] = {
    schema.name: {
        name: domain(c)
        for name, c in schema.criteria.items()
        if c.takes != "modifier"
    }
    for schema in ss.SCHEMA
}


def occurrences(text: str, span: ss.Evidence) -> int:
    """Count where the quote, with its prefix and suffix, is in *text*."""
    quote = span.prefix + span.exact + span.suffix
    count, at = 0, text.find(quote)
    while at != -1:  # overlapping ones too: the next try starts one on
        count += 1
        at = text.find(quote, at + 1)
    return count


def is_subsequence(found: Sequence[object], of: Sequence[object]) -> bool:
    """Tell whether *found* holds records of *of*, in the same order."""
    rest = iter(of)
    return all(any(r is item for r in rest) for item in found)


def forms_of(record: ss.Record) -> list[object]:
    """Return the ways a filter criterion may name *record*."""
    named = [record.name] if isinstance(record, NAMED) else []
    return [record, record.id, *named]


@st.composite
def criteria(
    draw: st.DrawFn, corpus: ss.Corpus, name: str
) -> dict[str, object]:
    """Draw some criteria that `Collection.filter` takes for *name*."""
    chosen: dict[str, object] = {}
    for criterion, domain in CRITERIA[name].items():
        if not draw(st.booleans()):
            continue
        value: object
        if domain is bool:
            value = draw(st.booleans())
        elif domain == "period":
            value = draw(historical_dates() | st.integers(1, 9999))
            chosen["strict"] = draw(st.booleans())
        elif isinstance(domain, tuple) and domain[0] == "words":
            # A text with no words matches nothing, and filter refuses it:
            # the words are what filter reads of it.
            texts = [
                text
                for r in getattr(corpus, name)
                if singular(normalize(text := getattr(r, domain[1])))
            ]
            if not texts:
                continue
            value = draw(st.sampled_from(texts))
        elif isinstance(domain, tuple):
            pool = [r for kind in domain for r in getattr(corpus, kind)]
            if not pool:
                continue
            one = st.sampled_from(pool).map(forms_of).flatmap(st.sampled_from)
            value = draw(one | st.lists(one, min_size=1, max_size=2))
        else:
            members = st.sampled_from(list(domain))  # type: ignore[call-overload]
            value = draw(
                members
                | members.map(lambda m: m.value.upper())
                | st.lists(members, min_size=1, max_size=2)
            )
        chosen[criterion] = value
    return chosen


@st.composite
def wider(draw: st.DrawFn, date: ss.HistoricalDate) -> ss.HistoricalDate:
    """Draw a period that contains every possible day of *date*."""
    first = draw(st.integers(1, date.earliest.year))
    last = draw(st.integers(date.latest.year, 9999))
    start = draw(st.sampled_from([f"{first:04d}", ".."]))
    end = draw(st.sampled_from([f"{last:04d}", ".."]))
    if start == end:
        start = f"{first:04d}"
    return ss.HistoricalDate.from_edtf(f"{start}/{end}", text="wider")


class TestDates:
    """The laws of `HistoricalDate`, over `historical_dates()`."""

    @given(historical_dates())
    def test_bounds_in_order(self, date: ss.HistoricalDate) -> None:
        """The first possible day is never after the last."""
        assert date.earliest <= date.latest

    @given(historical_dates(), historical_dates())
    def test_overlaps_symmetric(
        self, a: ss.HistoricalDate, b: ss.HistoricalDate
    ) -> None:
        """One date overlaps another exactly when the other overlaps it."""
        assert a.overlaps(b) == b.overlaps(a)

    @given(historical_dates())
    def test_period_overlaps_and_contains_itself(
        self, date: ss.HistoricalDate
    ) -> None:
        """Every period overlaps itself and contains itself."""
        assert date.overlaps(date)
        assert date.contains(date)

    @given(
        historical_dates(min_value=1955, max_value=1957),
        historical_dates(min_value=1955, max_value=1957),
        historical_dates(min_value=1955, max_value=1957),
    )
    def test_contains_transitive(
        self, a: ss.HistoricalDate, b: ss.HistoricalDate, c: ss.HistoricalDate
    ) -> None:
        """If a contains b and b contains c, then a contains c."""
        if a.contains(b) and b.contains(c):
            assert a.contains(c)

    @given(historical_dates())
    def test_edtf_round_trip(self, date: ss.HistoricalDate) -> None:
        """Reading a date's EDTF string again gives the same date."""
        assert date == ss.HistoricalDate.from_edtf(
            date.edtf,
            text=date.text,
            calendar=date.calendar,
            relative_to=date.relative_to,
            basis=date.basis,
            reason=date.reason,
        )


class TestQuantities:
    """The laws of `Quantity`, over `quantities()`."""

    @given(quantities())
    def test_low_not_above_high(self, q: ss.Quantity) -> None:
        """Where both bounds are given, low <= high."""
        assert q.low is None or q.high is None or q.low <= q.high

    @given(quantities())
    def test_kind_agrees_with_bounds(self, q: ss.Quantity) -> None:
        """Each kind of hedge has the value and bounds its wording allows."""
        kind = ss.QuantityKind
        if q.kind is kind.EXACT:
            assert q.value == q.low == q.high
            assert q.hedge is None
        elif q.kind is kind.APPROXIMATE:
            assert q.value is not None
            assert q.low is None or q.low <= q.value
            assert q.high is None or q.value <= q.high
        elif q.kind is kind.AT_MOST:
            assert q.value is not None
            assert q.value == q.high
        elif q.kind is kind.AT_LEAST:
            assert q.value is not None
            assert q.value == q.low
        elif q.kind is kind.ORDER_OF_MAGNITUDE:
            assert q.value is None
            assert q.low is not None
            assert q.high is not None
        else:
            assert q.value is None
        assert q.hedge is None or q.hedge in q.text


@attrs.frozen
class LawData:
    """A law's view of the test's `st.data()`: its draws carry its name."""

    data: Any
    law: str

    def draw(self, strategy: st.SearchStrategy[Any], label: str) -> Any:
        """Draw from *strategy*, labelled with the law and *label*."""
        return self.data.draw(strategy, label=f"{self.law}: {label}")


def check_laws(
    corpus: ss.Corpus, data: Any, laws: Sequence[Callable[..., None]]
) -> None:
    """Check each of *laws* on *corpus*; a failure names its law."""
    for law in laws:
        try:
            law(corpus, LawData(data, law.__name__))
        except AssertionError as broken:
            broken.add_note(f"Broken law: {law.__name__}: {law.__doc__}")
            raise


def assert_laws_listed(
    namespace: Mapping[str, Any], laws: Sequence[Callable[..., None]]
) -> None:
    """Assert that *laws* holds every ``law_`` function of *namespace*, once."""
    found = [f for name, f in namespace.items() if name.startswith("law_")]

    assert len(set(laws)) == len(laws)
    assert set(found) == set(laws)


def law_filters_compose(corpus: ss.Corpus, data: LawData) -> None:
    """filter(a).filter(b) == filter(**a, **b), a subsequence."""
    name = data.draw(st.sampled_from(sorted(CRITERIA)), "collection")
    collection = getattr(corpus, name)
    everything = data.draw(criteria(corpus, name), "criteria")
    first = {k for k in everything if data.draw(st.booleans(), f"{k} first")}
    # strict= qualifies during= and must come in the same call.
    first.discard("strict")
    if "during" in first:
        first.add("strict")
    a = {k: v for k, v in everything.items() if k in first}
    b = {k: v for k, v in everything.items() if k not in first}

    found = collection.filter(**everything)

    assert found == collection.filter(**a).filter(**b)
    assert found == collection.filter(**b).filter(**a)
    assert all(record in collection for record in found)
    assert is_subsequence(found, collection)


def law_widening_during_loses_nothing(
    corpus: ss.Corpus, data: LawData
) -> None:
    """A record found during a period is found during any wider one."""
    name = data.draw(st.sampled_from(DATED), "collection")
    collection = getattr(corpus, name)
    narrow = data.draw(historical_dates(), "narrow")
    wide = data.draw(wider(narrow), "wide")
    strict = data.draw(st.booleans(), "strict")

    found = collection.filter(during=narrow, strict=strict)

    assert set(found) <= set(collection.filter(during=wide, strict=strict))


def law_widening_timeline_loses_nothing(
    corpus: ss.Corpus, data: LawData
) -> None:
    """An event on the timeline of a period is on that of a wider one."""
    start = data.draw(st.integers(1, 9999), "start")
    end = data.draw(st.integers(start, 9999), "end")
    earlier = data.draw(st.integers(1, start), "earlier")
    later = data.draw(st.integers(end, 9999), "later")
    strict = data.draw(st.booleans(), "strict")

    found = corpus.timeline(start=start, end=end, strict=strict)

    assert set(found) <= set(
        corpus.timeline(start=earlier, end=later, strict=strict)
    )


def law_timeline_sorted_permutation(corpus: ss.Corpus, _data: LawData) -> None:
    """The timeline is sorted and holds each dated event once."""
    timeline = corpus.timeline()
    keys = [event.date.sort_key for event in timeline]  # type: ignore[union-attr]
    dated = [event for event in corpus.events if event.date is not None]

    assert sorted(keys) == keys
    assert Counter(e.id for e in dated) == Counter(e.id for e in timeline)


def law_get_returns_the_record(corpus: ss.Corpus, _data: LawData) -> None:
    """get(x.id) is x, from the corpus and from x's collection."""
    for name in ANY:
        collection = getattr(corpus, name)
        for record in collection:
            assert record is corpus.get(record.id)
            assert record is collection.get(record.id)


def law_lookup_by_id_name_and_alias(corpus: ss.Corpus, _data: LawData) -> None:
    """A collection's lookup of x's id, name or any alias returns x."""
    for name in ANY:
        collection = getattr(corpus, name)
        for record in collection:
            assert record is collection.lookup(record.id)
            if isinstance(record, NAMED):
                for key in (record.name, *record.aliases):
                    assert record is collection.lookup(key)


def law_corpus_lookup(corpus: ss.Corpus, _data: LawData) -> None:
    """The corpus's lookup of x's id, name or alias returns x."""
    for record in corpus.records():
        assert record is corpus.lookup(record.id)
        if isinstance(record, NAMED):
            for key in (record.name, *record.aliases):
                assert record is corpus.lookup(key)


#: The laws of the queries over one corpus.  Drawing a corpus costs far
#: more than checking any of them on it, so each drawn corpus is checked
#: against all of them, and those of other files (tests/test_drawn_corpora.py):
#: every law still sees every one of the test's examples.
CORPUS_LAWS = (
    law_filters_compose,
    law_widening_during_loses_nothing,
    law_widening_timeline_loses_nothing,
    law_timeline_sorted_permutation,
    law_get_returns_the_record,
    law_lookup_by_id_name_and_alias,
    law_corpus_lookup,
)


class TestQueries:
    """The laws of `Collection` and `Corpus` queries."""

    def test_every_law_is_checked(self) -> None:
        """
        CORPUS_LAWS holds every law_ function of this module, once.

        tests/test_drawn_corpora.py checks them on every drawn corpus.
        """
        assert_laws_listed(globals(), CORPUS_LAWS)

    def test_a_broken_law_is_named(self) -> None:
        """A law that does not hold is named in the error it raises."""

        def law_broken(_corpus: ss.Corpus, _data: Any) -> None:
            """Nothing holds."""
            raise AssertionError

        with pytest.raises(AssertionError) as raised:
            check_laws(
                ss.corpus(),
                None,
                [law_timeline_sorted_permutation, law_broken],
            )

        assert raised.value.__notes__ == [
            "Broken law: law_broken: Nothing holds."
        ]


@st.composite
def records_in_text(draw: st.DrawFn) -> tuple[str, object]:
    """Draw a text and a synthetic record whose evidence points into it."""
    text = draw(st.text(min_size=1).filter(str.strip))
    return text, draw(
        st.one_of(
            [k(source="synthetic", text=text) for _, k in KINDS.values()]
        )
    )


class TestEvidence:
    """The laws of `Evidence`: it points at its text and can be found."""

    def test_article_spans_match(self) -> None:
        """Every span of every bundled record reads as the article does."""
        corpus = ss.corpus()
        text = corpus.article.text
        for record in corpus.records():
            for span in spans_of(record):
                assert span.exact == text[span.start : span.end]
                assert span.matches(text)
                assert span is span.reanchor(text)

    def test_article_spans_are_unambiguous(self) -> None:
        """Each bundled quote, with its context, occurs once in the text."""
        corpus = ss.corpus()
        text = corpus.article.text
        for record in corpus.records():
            for span in spans_of(record):
                assert 1 == occurrences(text, span), span

    @given(records_in_text())
    def test_synthetic_spans_match(self, drawn: tuple[str, object]) -> None:
        """Every span of a synthetic record reads as its text does."""
        text, record = drawn
        for span in spans_of(record):
            assert span.exact == text[span.start : span.end]
            assert span is span.reanchor(text)

    @given(evidence(source="article"), st.text(min_size=1), st.data())
    def test_article_reanchors_after_insertion(
        self, span: ss.Evidence, inserted: str, data: Any
    ) -> None:
        """Re-anchoring finds an article span after text is put before."""
        text = ss.article.text
        at = data.draw(st.integers(0, span.start - len(span.prefix)))
        changed = text[:at] + inserted + text[at:]
        found = span.reanchor(changed)

        if occurrences(changed, span) == 1:
            assert found is not None
            assert span.start + len(inserted) == found.start
            assert span.exact == found.exact
        else:
            assert found is None or found.matches(changed)

    @given(records_in_text(), st.text(min_size=1), st.data())
    def test_synthetic_reanchors_after_insertion(
        self, drawn: tuple[str, object], inserted: str, data: Any
    ) -> None:
        """Re-anchoring finds a synthetic span after text is put before."""
        text, record = drawn
        span = data.draw(st.sampled_from(spans_of(record)))
        at = data.draw(st.integers(0, span.start - len(span.prefix)))
        changed = text[:at] + inserted + text[at:]
        found = span.reanchor(changed)

        if occurrences(changed, span) == 1:
            assert found is not None
            assert span.start + len(inserted) == found.start
            assert span.exact == found.exact
        else:
            assert found is None or found.matches(changed)
