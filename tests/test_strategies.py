"""Tests for `secretspeech.strategies`: what they draw and what they refuse."""

from __future__ import annotations

import contextlib
import datetime
import hashlib
import inspect
import json
import re

import attrs
import pytest
from hypothesis import Phase, find, given, settings
from hypothesis import strategies as st
from hypothesis.errors import InvalidArgument, NoSuchExample

import secretspeech as ss
from record_kinds import KINDS, spans_of
from secretspeech import strategies
from secretspeech._load import FORMAT, parse_corpus
from secretspeech._model import plain
from secretspeech.strategies import (
    articles,
    corpora,
    events,
    evidence,
    historical_dates,
    people,
    quantities,
    sources,
)


TEXT = "In 1956 Khrushchev spoke.\n“We should not pour muck on ourselves.”"
#: Every public strategy of the module, by name.
STRATEGIES = {
    name: getattr(strategies, name)
    for name in strategies.__all__
    if inspect.isfunction(getattr(strategies, name))
}


#: Arguments of the wrong type or out of range for most strategies.
class NoRepr:
    """
    A value whose repr fails in secretspeech: a refusal must still quote it.

    Hypothesis shows it as any other value when it reports the refusal.
    """

    def __repr__(self) -> str:
        caller = inspect.currentframe()
        caller = caller.f_back if caller else None
        if caller and caller.f_globals["__name__"].startswith("secretspeech"):
            raise RuntimeError("no repr")
        return "NoRepr()"


class Ambiguous:
    """A value like an array: == answers another of it, which has no bool."""

    def __eq__(self, other: object) -> Ambiguous:  # type: ignore[override]
        return self

    def __ne__(self, other: object) -> Ambiguous:  # type: ignore[override]
        return self

    def __hash__(self) -> int:
        return 0

    def __bool__(self) -> bool:
        raise ValueError("the truth value of an array is ambiguous")


ODD_VALUES: dict[str, object] = {
    "object": object(),
    "None": None,
    "float": 1.5,
    "bool": True,
    "negative": -1,
    "str": "x",
    "bytes": b"x",
    "empty list": [],
    "list of object": [object()],
    "enum member": ss.Calendar.JULIAN,
    "no repr": NoRepr(),
    "array-like": Ambiguous(),
}
#: The strategies that take a *text* for their synthetic values.
TEXT_TAKERS = sorted(
    name
    for name, strategy in STRATEGIES.items()
    if "text" in inspect.signature(strategy).parameters
)


def draw_once(strategy: st.SearchStrategy[object]) -> object:
    """Draw a value of *strategy*, which checks its arguments first."""
    return find(
        strategy,
        lambda _: True,
        settings=settings(database=None, phases=[Phase.generate]),
    )


def refusal(strategy: st.SearchStrategy[object]) -> str:
    """
    Return the message of the error that drawing from *strategy* raises.

    Without the notes that Hypothesis adds to it.
    """
    with pytest.raises(InvalidArgument) as info:
        draw_once(strategy)
    assert isinstance(info.value, ss.SecretSpeechError)
    return str(info.value)


def dumped(corpus: ss.Corpus) -> ss.Corpus:
    """Write *corpus* as JSON text and read it back with the validator."""
    document = json.dumps(corpus.to_document(), ensure_ascii=False)
    return parse_corpus(document, corpus.article.text)


def same_corpus(a: ss.Corpus, b: ss.Corpus) -> bool:
    """Tell whether two corpora hold equal data (`Corpus` compares by id)."""
    return (a.article, a.data_version) == (b.article, b.data_version) and all(
        getattr(a, name) == getattr(b, name) for name in KINDS
    )


def law_json_round_trip(corpus: ss.Corpus, _data: object) -> None:
    """A drawn corpus, written as JSON and read back, is unchanged."""
    assert same_corpus(corpus, dumped(corpus))


#: The laws of a drawn synthetic corpus, checked on each corpus drawn by
#: tests/test_drawn_corpora.py.
SYNTHETIC_LAWS = (law_json_round_trip,)


class TestRecords:
    """The record strategies draw valid records of the right type."""

    @pytest.mark.parametrize("name", sorted(KINDS))
    @given(data=st.data())
    def test_synthetic_evidence_points_into_text(
        self, name: str, data: st.DataObject
    ) -> None:
        """Synthetic records given a text have every span in that text."""
        record = data.draw(KINDS[name][1](source="synthetic", text=TEXT))

        assert isinstance(record, KINDS[name][0])
        assert all(span.matches(TEXT) for span in spans_of(record))

    @pytest.mark.parametrize("name", sorted(KINDS))
    @given(data=st.data())
    def test_valid_again(self, name: str, data: st.DataObject) -> None:
        """Every drawn record passes the model's validators when rebuilt."""
        record = data.draw(KINDS[name][1]())

        assert record == attrs.evolve(record)

    @pytest.mark.parametrize("name", sorted(KINDS))
    def test_article_records_in_data_order(self, name: str) -> None:
        """source="article" draws only the article's records, from the first."""
        collection = getattr(ss.corpus(), name)
        strategy = KINDS[name][1](source="article")

        assert collection[0] is find(strategy, lambda _: True)
        assert collection[-1] is find(strategy, lambda r: r == collection[-1])

    @pytest.mark.parametrize("name", sorted(KINDS))
    @given(data=st.data())
    def test_article_source(self, name: str, data: st.DataObject) -> None:
        """Every record drawn from the article is one of its records."""
        record = data.draw(KINDS[name][1](source="article"))

        assert record in getattr(ss.corpus(), name)

    def test_any_draws_both(self) -> None:
        """source="any" draws the article's records and new ones."""
        bundled = ss.corpus().events

        assert bundled[0] is find(events(), lambda _: True)
        assert find(events(), lambda e: e not in bundled).id

    def test_synthetic_shrinks_to_simplest(self) -> None:
        """A synthetic person shrinks to one-character strings and defaults."""
        person = find(people(source="synthetic", text=" x"), lambda _: True)

        assert (
            ss.Person(
                id="0",
                name="0",
                description="0",
                evidence=[ss.Evidence(start=1, end=2, exact="x", prefix=" ")],
            )
            == person
        )


class TestEvidence:
    """`evidence` draws spans whose offsets and quote agree."""

    @given(evidence())
    def test_consistent(self, span: ss.Evidence) -> None:
        """The quote is as long as the offsets say and is not blank."""
        assert len(span.exact) == span.end - span.start
        assert span.exact.strip()

    @given(evidence(source="synthetic", text=TEXT))
    def test_in_text(self, span: ss.Evidence) -> None:
        """A synthetic span of a given text matches it."""
        assert span.matches(TEXT)

    @given(evidence(source="article"))
    def test_in_article(self, span: ss.Evidence) -> None:
        """A span of the article matches the article's text."""
        assert span.matches(ss.article.text)

    def test_shrinks_to_first_character(self) -> None:
        """A synthetic span shrinks to the first non-blank character."""
        span = find(evidence(source="synthetic", text="\n ab"), lambda _: True)

        assert (
            ss.Evidence(start=2, end=3, exact="a", prefix="\n ", suffix="b")
            == span
        )


class TestHistoricalDates:
    """`historical_dates` honours its options."""

    @given(
        historical_dates(
            calendars=[ss.Calendar.JULIAN], min_value=1900, max_value=1920
        )
    )
    def test_calendar_and_years(self, date: ss.HistoricalDate) -> None:
        """Only Julian dates that name years from 1900 to 1920 are drawn."""
        years = strategies._written_years(date.edtf)

        assert ss.Calendar.JULIAN is date.calendar
        assert years is None or 1900 <= years[0] <= years[1] <= 1920

    @given(historical_dates(intervals=False))
    def test_no_intervals(self, date: ss.HistoricalDate) -> None:
        """intervals=False draws single dates only."""
        assert ss.Precision.INTERVAL is not date.precision

    @given(historical_dates(open_ends=False))
    def test_no_open_ends(self, date: ss.HistoricalDate) -> None:
        """open_ends=False draws no open interval."""
        assert not date.is_open

    @given(historical_dates(source="article"))
    def test_article_dates(self, date: ss.HistoricalDate) -> None:
        """source="article" draws dates that the bundled data holds."""
        corpus = ss.corpus()
        held = {corpus.article.published}
        for record in corpus.records():
            held.update(getattr(record, "also_dated", ()))
            for field in ("date", "born", "died"):
                held.add(getattr(record, field, None))  # type: ignore[arg-type]

        assert date in held

    @given(historical_dates(source="synthetic", min_value=9990))
    def test_late_years(self, date: ss.HistoricalDate) -> None:
        """Dates near the end of 9999 are built, in either calendar."""
        assert date.earliest <= date.latest

    def test_decades_and_centuries_fit(self) -> None:
        """A decade or century is drawn only if it fits the years."""
        decade = find(
            historical_dates(
                source="synthetic", min_value=1950, max_value=1959
            ),
            lambda d: d.precision is ss.Precision.DECADE,
        )

        assert "195X" == decade.edtf.rstrip("?~%")
        with pytest.raises(NoSuchExample):
            find(
                historical_dates(
                    source="synthetic", min_value=1951, max_value=1960
                ),
                lambda d: d.precision is ss.Precision.DECADE,
                settings=settings(max_examples=200),
            )


class TestQuantities:
    """`quantities` honours its options."""

    @given(quantities(kinds=["vague", ss.QuantityKind.AT_LEAST]))
    def test_kinds(self, quantity: ss.Quantity) -> None:
        """Only the kinds asked for are drawn, by member or by value."""
        assert quantity.kind in {
            ss.QuantityKind.VAGUE,
            ss.QuantityKind.AT_LEAST,
        }

    def test_shrinks_to_exact_zero(self) -> None:
        """A synthetic quantity shrinks to the exact figure 0."""
        quantity = find(quantities(source="synthetic"), lambda _: True)

        assert (ss.QuantityKind.EXACT, 0, 0, 0) == (
            quantity.kind,
            quantity.value,
            quantity.low,
            quantity.high,
        )


class TestSources:
    """The works that notes cite."""

    @given(sources(source="article"))
    def test_article_sources(self, source: ss.Source) -> None:
        """source="article" draws the sources the bundled notes cite."""
        assert any(source in note.sources for note in ss.notes)

    @given(sources(source="synthetic"))
    def test_synthetic_sources(self, source: ss.Source) -> None:
        """A synthetic source has a kind, a title and a citation."""
        assert isinstance(source.kind, ss.SourceKind)
        assert source.citation.endswith(".")


class TestArticles:
    """`articles` draws articles that the loader accepts."""

    @given(articles())
    def test_valid(self, article: ss.Article) -> None:
        """An article's SHA-256 is its text's, and it passes its validators."""
        digest = hashlib.sha256(article.text.encode("utf-8")).hexdigest()

        assert isinstance(article, ss.Article)
        assert digest == article.sha256
        assert isinstance(article.published, ss.HistoricalDate)
        assert article == attrs.evolve(article)

    @given(articles(source="synthetic"))
    def test_loader_accepts(self, article: ss.Article) -> None:
        """A synthetic article, in a JSON document, loads back unchanged."""
        fields = plain(article)
        del fields["text"]
        document = {
            "format": FORMAT,
            "data_version": "2026.01.01",
            "article": fields,
            **{name: [] for name in KINDS},
        }

        corpus = parse_corpus(json.dumps(document), article.text)

        assert article == corpus.article

    @given(articles(source="synthetic", text=TEXT))
    def test_text(self, article: ss.Article) -> None:
        """A given text is the article's."""
        assert TEXT == article.text

    def test_article(self) -> None:
        """source="article" draws the bundled article itself."""
        assert ss.article is find(articles(source="article"), lambda _: True)

    def test_any_draws_both(self) -> None:
        """source="any" shrinks to the bundled article and draws new ones."""
        assert ss.article is find(articles(), lambda _: True)
        assert find(articles(), lambda a: a != ss.article).text

    def test_synthetic_shrinks_to_simplest(self) -> None:
        """A synthetic article shrinks to one-character strings and year 1."""
        article = find(articles(source="synthetic", text=" x"), bool)

        assert (
            ss.Article(
                title="0",
                standfirst="0",
                author="0",
                publication="0",
                issue=0,
                published=ss.HistoricalDate.from_edtf("0001", text="0"),
                caption="0",
                text=" x",
                sha256=hashlib.sha256(b" x").hexdigest(),
                language="en-GB",
            )
            == article
        )

    @given(corpora(source="synthetic", max_size=0))
    def test_corpora_hold_one(self, corpus: ss.Corpus) -> None:
        """The article of a synthetic corpus is one `articles` could draw."""
        article = corpus.article
        digest = hashlib.sha256(article.text.encode("utf-8")).hexdigest()

        assert digest == article.sha256
        assert article.published.precision is not ss.Precision.INTERVAL


class TestCorpora:
    """`corpora` draws whole datasets that the loader accepts."""

    def test_bundled_round_trip(self) -> None:
        """The bundled corpus, written as JSON and read back, is unchanged."""
        corpus = ss.corpus()

        assert same_corpus(corpus, dumped(corpus))

    @given(corpora(source="synthetic", text=TEXT, max_size=2))
    def test_text_and_size(self, corpus: ss.Corpus) -> None:
        """A given text is the article's, and no collection exceeds max_size."""
        assert TEXT == corpus.article.text
        assert all(len(getattr(corpus, name)) <= 2 for name in KINDS)

    @given(corpora(source="synthetic", max_size=0))
    def test_empty(self, corpus: ss.Corpus) -> None:
        """max_size=0 draws corpora with no records."""
        assert [] == list(corpus.records())

    def test_article(self) -> None:
        """source="article" draws the bundled corpus itself."""
        assert ss.corpus() is find(corpora(source="article"), lambda _: True)

    @pytest.mark.parametrize(
        "basis", [ss.DateBasis.RELATIVE, ss.DateBasis.INFERRED]
    )
    def test_no_date_is_counted_from_its_own_record(
        self, basis: ss.DateBasis
    ) -> None:
        """A date drawn for a record counts from another, or from none."""
        scope = strategies._Scope((TEXT, strategies._anchors(TEXT)))
        drawn = ss.HistoricalDate.from_edtf(
            "1956",
            text="that year",
            relative_to="x",
            basis=basis,
            reason="guessed" if basis is ss.DateBasis.INFERRED else None,
        )

        assert drawn is scope.date(lambda _: drawn, "y")
        own = scope.date(lambda _: drawn, "x")
        assert own.relative_to is None
        assert (own.edtf, own.text, own.reason) == (
            drawn.edtf,
            drawn.text,
            drawn.reason,
        )
        assert own.basis is (
            ss.DateBasis.STATED if basis is ss.DateBasis.RELATIVE else basis
        )


class TestRoom:
    """Spans drawn beside others are drawn in the room the others leave."""

    TEXT = "Stalin said: we will bury you. Nobody knew."

    def span(self, start: int, end: int) -> ss.Evidence:
        """The span of TEXT from *start* to *end*."""
        return ss.Evidence.from_offsets(self.TEXT, start, end)

    @pytest.mark.parametrize(
        ("avoid", "rooms"),
        [
            ((), [(0, 30)]),
            (((12, 30),), [(0, 12)]),
            (((0, 6), (12, 16)), [(6, 12), (16, 30)]),
            (((16, 20), (0, 6), (31, 37)), [(6, 16), (20, 30)]),
            (((0, 35),), []),
        ],
    )
    def test_the_rooms_left(
        self,
        avoid: tuple[tuple[int, int], ...],
        rooms: list[tuple[int, int]],
    ) -> None:
        """What others leave of 0 to 30, in whatever order they come."""
        spans = tuple(self.span(a, b) for a, b in avoid)

        assert rooms == strategies._rooms(0, 30, spans)

    @given(st.data())
    def test_clear_of_the_others(self, data: st.DataObject) -> None:
        """A span drawn beside others is inside the evidence and apart."""
        scope = strategies._Scope((self.TEXT, strategies._anchors(self.TEXT)))
        evidence = (self.span(0, 30), self.span(31, 43))
        quoted = (self.span(13, 29), self.span(31, 37))

        span = scope.inside(data.draw, evidence, avoid=quoted)

        assert span is not None
        assert any(e.start <= span.start < span.end <= e.end for e in evidence)
        assert all(span.end <= q.start or q.end <= span.start for q in quoted)

    def test_no_room(self) -> None:
        """Where the others fill the evidence but for spaces, nothing."""
        scope = strategies._Scope((self.TEXT, strategies._anchors(self.TEXT)))
        evidence = (self.span(0, 30),)
        quoted = (self.span(0, 12), self.span(13, 30))

        assert scope.inside(lambda _: 0, evidence, avoid=quoted) is None


class TestInvalidArguments:
    """
    Impossible arguments raise `InvalidArgument` when a value is drawn.

    Making the strategy raises nothing: see tests/test_strategies_style.py.
    """

    @pytest.mark.parametrize("name", TEXT_TAKERS)
    @pytest.mark.parametrize(
        ("kwargs", "match"),
        [
            ({"source": "web"}, "source must be"),
            (
                {"source": "article", "text": TEXT},
                "only for source='synthetic'",
            ),
            ({"text": TEXT}, "only for source='synthetic'"),
            ({"source": "synthetic", "text": " \n\t"}, "not whitespace"),
            ({"source": "synthetic", "text": ""}, "not whitespace"),
            (
                {"source": "synthetic", "text": "In 1956 \ud800 he spoke."},
                "writable as UTF-8, but it holds a lone surrogate '\\\\ud800' at 8$",
            ),
            ({"source": "synthetic", "text": b"x"}, "a str, not bytes"),
        ],
    )
    def test_text(
        self, name: str, kwargs: dict[str, object], match: str
    ) -> None:
        """A bad source or text is refused by every strategy with a text."""
        strategy = STRATEGIES[name](**kwargs)

        assert re.search(match, refusal(strategy))

    @pytest.mark.parametrize(
        ("kwargs", "match"),
        [
            ({"min_value": 0}, "min_value must be an int from 1 to 9999$"),
            (
                {"max_value": 10000},
                "max_value must be an int from 1 to 9999$",
            ),
            ({"min_value": True}, "an int from 1 to 9999, not bool$"),
            ({"max_value": False}, "an int from 1 to 9999, not bool$"),
            ({"min_value": 1956.0}, "an int from 1 to 9999, not float$"),
            ({"max_value": "1956"}, "an int from 1 to 9999, not str$"),
            (
                {"min_value": datetime.date(1956, 2, 25)},
                "min_value must be an int from 1 to 9999, not date$",
            ),
            (
                {"min_value": 1957, "max_value": 1956},
                "min_value must not be greater than max_value$",
            ),
            ({"calendars": []}, "at least one Calendar"),
            (
                {"calendars": ["mayan"]},
                "'mayan' is not a Calendar; choose from",
            ),
            (
                {"calendars": "julian"},
                "an iterable of Calendar members, not str$",
            ),
            (
                {"calendars": ss.Calendar.JULIAN},
                "an iterable of Calendar members, not a single member",
            ),
            (
                {"calendars": 2},
                "an iterable of Calendar members, not int$",
            ),
            (
                {"calendars": b"julian"},
                "an iterable of Calendar members, not bytes$",
            ),
            ({"intervals": "no"}, "intervals must be True or False, not str"),
            ({"intervals": 0}, "intervals must be True or False, not int"),
            (
                {"open_ends": None},
                "open_ends must be True or False, not NoneType",
            ),
            (
                {"calendars": [ss.Calendar.JULIAN], "max_value": 1},
                "Julian date of those years",
            ),
            ({"source": "article", "min_value": 9000}, "has no such value"),
        ],
    )
    def test_historical_dates(
        self, kwargs: dict[str, object], match: str
    ) -> None:
        """Years and calendars that allow no date are refused."""
        strategy = historical_dates(**kwargs)  # type: ignore[arg-type]

        assert re.search(match, refusal(strategy))

    @pytest.mark.parametrize(
        ("kwargs", "match"),
        [
            ({"kinds": []}, "at least one QuantityKind"),
            ({"kinds": ["lots"]}, "'lots' is not a QuantityKind; choose from"),
            (
                {"source": "any", "kinds": "exact"},
                "an iterable of QuantityKind members, not str$",
            ),
            (
                {"kinds": ss.QuantityKind.EXACT},
                "an iterable of QuantityKind members, not a single member",
            ),
            (
                {"kinds": 1},
                "an iterable of QuantityKind members, not int$",
            ),
            (
                {"kinds": bytearray(b"exact")},
                "an iterable of QuantityKind members, not bytearray$",
            ),
        ],
    )
    def test_quantities(self, kwargs: dict[str, object], match: str) -> None:
        """Kinds that allow no quantity are refused."""
        strategy = quantities(**kwargs)  # type: ignore[arg-type]

        assert re.search(match, refusal(strategy))

    @pytest.mark.parametrize(
        ("max_size", "match"),
        [
            (-1, "max_size must be an int >= 0$"),
            (True, "max_size must be an int >= 0, not bool$"),
            (1.5, "max_size must be an int >= 0, not float$"),
            (None, "max_size must be an int >= 0, not NoneType$"),
        ],
    )
    def test_corpora(self, max_size: object, match: str) -> None:
        """A max_size that is not an int >= 0 is refused, a bool too."""
        strategy = corpora(max_size=max_size)  # type: ignore[arg-type]

        assert re.search(match, refusal(strategy))

    @pytest.mark.parametrize("name", sorted(STRATEGIES))
    def test_source(self, name: str) -> None:
        """Every strategy refuses an unknown source."""
        strategy = STRATEGIES[name](source="all")

        assert re.search("source must be", refusal(strategy))

    @pytest.mark.parametrize(
        ("name", "argument"),
        [
            (name, argument)
            for name, strategy in sorted(STRATEGIES.items())
            for argument in inspect.signature(strategy).parameters
        ],
    )
    @pytest.mark.parametrize("value", ODD_VALUES.values(), ids=ODD_VALUES)
    def test_refused_as_invalid(
        self, name: str, argument: str, value: object
    ) -> None:
        """An odd argument draws a value or raises InvalidArgument, no other."""
        strategy = STRATEGIES[name](**{argument: value})

        # Only refusals that are Hypothesis' error and ours: see below.
        with contextlib.suppress(
            strategies._InvalidTypeError,
            strategies._InvalidValueError,
        ):
            draw_once(strategy)

    @pytest.mark.parametrize(
        ("strategy", "error"),
        [
            (events(source="web"), ss.InvalidValueError),
            (events(text=TEXT), ss.InvalidValueError),
            (events(source="synthetic", text=" "), ss.InvalidValueError),
            (events(source="synthetic", text=b"x"), ss.InvalidTypeError),
            (historical_dates(min_value=0), ss.InvalidValueError),
            (historical_dates(min_value=1956.0), ss.InvalidTypeError),
            (
                historical_dates(min_value=1957, max_value=1956),
                ss.InvalidValueError,
            ),
            (historical_dates(calendars=[]), ss.InvalidValueError),
            (historical_dates(calendars=["mayan"]), ss.InvalidValueError),
            (historical_dates(calendars=[1]), ss.InvalidTypeError),
            (historical_dates(calendars="julian"), ss.InvalidTypeError),
            (
                historical_dates(calendars=ss.Calendar.JULIAN),
                ss.InvalidTypeError,
            ),
            (historical_dates(intervals=0), ss.InvalidTypeError),
            (
                historical_dates(calendars=[ss.Calendar.JULIAN], max_value=1),
                ss.InvalidValueError,
            ),
            (
                quantities(source="article", kinds=["at least"]),
                ss.InvalidValueError,
            ),
            (corpora(max_size=-1), ss.InvalidValueError),
            (corpora(max_size=True), ss.InvalidTypeError),
            (events(source=None), ss.InvalidTypeError),
            (events(source=b"article"), ss.InvalidTypeError),
        ],
        ids=repr,
    )
    def test_refusals_keep_the_error_contract(
        self, strategy: st.SearchStrategy[object], error: type[Exception]
    ) -> None:
        """
        A refusal is Hypothesis' InvalidArgument and one of our errors.

        So ``except ss.SecretSpeechError``, ``except TypeError`` and
        ``except ValueError`` catch it as they catch every other error of
        the package: a wrong type is an InvalidTypeError, a wrong value an
        InvalidValueError.
        """
        with pytest.raises(InvalidArgument) as info:
            draw_once(strategy)

        assert isinstance(info.value, error)
