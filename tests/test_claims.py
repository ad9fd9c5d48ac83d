"""
Claims, quotations as speech acts, and paragraphs and sentences as spans.

The article's argument is its claims; each quotation carries who said it,
the words of attribution and its occasion; the article's text is cut into
paragraphs and sentences, as spans.
"""

from __future__ import annotations

import attrs
import pytest
from hypothesis import given

import secretspeech as ss
from helpers import bundled_document, bundled_text
from secretspeech._load import parse_corpus
from secretspeech.strategies import articles, claims, quotations


C = ss.corpus()
TEXT = ss.article.text


def span(words: str, within: str | None = None) -> ss.Evidence:
    """Return the evidence of *words*, found once (inside *within*)."""
    base = TEXT.index(within) if within else 0
    start = TEXT.index(words, base)
    return ss.Evidence.from_offsets(TEXT, start, start + len(words))


def a_claim(**changes: object) -> ss.Claim:
    """A report of the bundled data, changed."""
    return attrs.evolve(C.claims.get("stalin-did-not-follow-lenin"), **changes)


class TestClaimRules:
    """The constructor keeps a claim's voice consistent."""

    def test_a_report_names_who_and_how(self) -> None:
        """A report without its holder or its cue is refused."""
        with pytest.raises(ss.InvalidValueError, match="names who is"):
            a_claim(by=None)
        with pytest.raises(ss.InvalidValueError, match="names who is"):
            a_claim(cue=None)

    @pytest.mark.parametrize("stance", ["assertion", "evaluation"])
    def test_the_authors_voice_has_no_holder(self, stance: str) -> None:
        """An assertion or evaluation with a by or a cue is refused."""
        with pytest.raises(ss.InvalidValueError, match="only a report"):
            a_claim(stance=stance)
        plain = a_claim(stance=stance, by=None, cue=None)

        assert plain.stance == stance

    def test_the_cue_lies_in_the_evidence(self) -> None:
        """A cue outside every evidence span is refused, quoted."""
        with pytest.raises(
            ss.InvalidValueError, match="its cue 'they hoped' lies in none"
        ):
            a_claim(cue=span("they hoped"))

    def test_not_its_own_parent_or_subject(self) -> None:
        """A claim is neither its own parent nor about itself."""
        claim = a_claim()
        with pytest.raises(ss.InvalidValueError, match="its own parent"):
            attrs.evolve(claim, parent=claim.id)
        with pytest.raises(ss.InvalidValueError, match="about itself"):
            attrs.evolve(claim, subjects=[claim.id])

    def test_a_claim_reads_as_its_summary(self) -> None:
        """str() of a claim is what it claims."""
        claim = a_claim()

        assert str(claim) == claim.summary == "Stalin had not followed Lenin."

    def test_stance_is_forgiving(self) -> None:
        """Stance reads its values in any case, and lists them if wrong."""
        assert ss.Stance("Report") is ss.Stance.REPORT
        with pytest.raises(ss.InvalidValueError, match="choose from"):
            ss.Stance("rumour")

    @given(claims(source="synthetic"))
    def test_synthetic_claims_keep_the_rules(self, claim: ss.Claim) -> None:
        """A drawn report has a holder and a cue inside its evidence."""
        assert (claim.stance is ss.Stance.REPORT) == (claim.by is not None)
        if claim.cue is not None:
            assert any(
                e.start <= claim.cue.start and claim.cue.end <= e.end
                for e in claim.evidence
            )


class TestClaimsInACorpus:
    """A corpus checks a claim's references and refuses loops."""

    @staticmethod
    def document_with(**claim_changes: object) -> dict[str, object]:
        """The bundled document, with some claims' fields changed."""
        document = bundled_document()
        for claim in document["claims"]:
            if claim["id"] in claim_changes:
                claim.update(claim_changes[claim["id"]])  # type: ignore[call-overload]
        return document

    def test_a_parent_that_is_no_claim(self) -> None:
        """A parent must be a claim, not an event."""
        document = self.document_with(
            **{"stalin-did-not-follow-lenin": {"parent": "secret-speech"}}
        )
        with pytest.raises(
            ss.InvalidCorpusError, match="parent names 'secret-speech'"
        ):
            parse_corpus(document, bundled_text())

    def test_a_loop_of_parents(self) -> None:
        """A chain of parents that comes back to its start is refused."""
        document = self.document_with(
            **{
                "khrushchev-went-further": {
                    "parent": "lenin-wrote-a-testament"
                }
            }
        )
        with pytest.raises(ss.InvalidCorpusError, match="loop") as caught:
            parse_corpus(document, bundled_text())

        assert "lenin-wrote-a-testament" in str(caught.value)

    def test_a_loop_of_places(self) -> None:
        """Places within each other are refused the same way."""
        document = bundled_document()
        for place in document["places"]:
            if place["id"] == "eastern-europe":
                place["within"] = "poland"
        with pytest.raises(ss.InvalidCorpusError, match="within goes round"):
            parse_corpus(document, bundled_text())


def law_parents_end(corpus: ss.Corpus, _data: object) -> None:
    """Every chain of parents in a drawn corpus ends."""
    for claim in corpus.claims:
        seen = set()
        at: ss.Claim | None = claim
        while at is not None:
            assert at.id not in seen
            seen.add(at.id)
            at = corpus.claims.get(at.parent) if at.parent else None


#: The laws of a drawn synthetic corpus, checked on each corpus drawn by
#: tests/test_drawn_corpora.py.
SYNTHETIC_LAWS = (law_parents_end,)


class TestTheArgument:
    """The bundled claims hold the article's argument as the issue asks."""

    def test_at_least_fifty(self) -> None:
        """The argument is more than a few claims, in every voice."""
        assert len(C.claims) >= 50
        assert {c.stance for c in C.claims} == set(ss.Stance)

    def test_the_chain_of_reports(self) -> None:
        """The author reports Khrushchev, who cites Lenin's testament."""
        lenin = C.claims.get("testament-says-stalin-too-powerful")
        chain = [lenin]
        while chain[-1].parent is not None:
            chain.append(C.claims.lookup(chain[-1].parent))
        voices = [c.by for c in chain]

        assert voices[:3] == [
            "vladimir-lenin",
            "nikita-khrushchev",
            "nikita-khrushchev",
        ]
        assert chain[-1].stance is ss.Stance.ASSERTION
        assert "lenins-testament" in lenin.subjects
        assert "too much power" in lenin.evidence[0].exact

    def test_the_four_ways_share_a_parent(self) -> None:
        """Firstly, secondly, thirdly, finally: four steps of one claim."""
        parent = C.claims.get("limit-criticism-in-four-ways")
        steps = C.claims.filter(within=parent)
        openers = [s.evidence[0].exact.split(",")[0] for s in steps]

        assert openers == ["Firstly", "Secondly", "Thirdly", "Finally"]
        assert "four main ways" in parent.evidence[0].exact
        assert "limits-of-criticism" in parent.subjects

    def test_filter_by_about_and_stance(self) -> None:
        """The criteria the issue names answer the obvious questions."""
        lenin = C.claims.filter(by="Lenin")
        verdicts = C.claims.filter(stance="evaluation", about="Khrushchev")

        assert [c.id for c in lenin] == ["testament-says-stalin-too-powerful"]
        assert "khrushchev-not-a-socialist" in [c.id for c in verdicts]
        assert all(c.stance is ss.Stance.EVALUATION for c in verdicts)

    def test_nonsense_is_about_the_quotation(self) -> None:
        """An evaluation names what it judges."""
        nonsense = C.claims.get("this-was-nonsense")

        assert "devoted-to-communism" in nonsense.subjects
        assert nonsense in C.involving("devoted-to-communism")

    def test_reports_are_in_their_holders_words(self) -> None:
        """Each report's cue reads as a word of saying or thinking."""
        verbs = (
            "said", "saying", "argued", "claimed", "told", "hoped",
            "revealed", "likened", "agreed", "obvious", "called",
            "came from", "detail", "develop", "fell for",
        )  # fmt: skip
        for claim in C.claims.filter(stance="report"):
            assert claim.cue is not None
            assert any(v in claim.cue.exact for v in verbs), claim.id


class TestSpeechActs:
    """Each utterance has its speaker's mention, its cue and its occasion."""

    @pytest.mark.parametrize(
        "quotation", C.quotations.filter(kind="utterance"), ids=str
    )
    def test_every_utterance_is_attributed(
        self, quotation: ss.Quotation
    ) -> None:
        """Speaker mention and cue are set, and placed or said unplaced."""
        assert quotation.speaker_mention is not None
        assert quotation.cue is not None
        assert (quotation.occasion is None) != (quotation.no_occasion is None)

    @pytest.mark.parametrize(
        ("quotation", "mention", "cue", "occasion"),
        [
            ("dirty-linen", "he", "he said", None),
            (
                "miserable-nonentities",
                "the young Nikita Khrushchev",
                "This came from the young Nikita Khrushchev",
                "khrushchev-praises-stalin",
            ),
            ("blind-kittens", "he", "he told", None),
            ("all-stalinists", "Khrushchev", "Khrushchev said", None),
            (
                "devoted-to-communism",
                "Khrushchev",
                "said Khrushchev",
                "swing-back-1963",
            ),
            (
                "muck",
                "new leader Leonid Brezhnev",
                "said new leader Leonid Brezhnev",
                None,
            ),
        ],
    )
    def test_the_spans(
        self, quotation: str, mention: str, cue: str, occasion: str | None
    ) -> None:
        """Each span is the article's own words, where they are printed."""
        q = C.quotations.get(quotation)
        assert q is not None
        assert q.speaker_mention is not None
        assert q.cue is not None

        assert q.speaker_mention.exact == mention
        assert TEXT[q.cue.start : q.cue.end] == cue
        assert q.occasion == occasion
        assert q.speaker_mention.matches(TEXT)

    def test_the_mention_names_the_speaker(self) -> None:
        """A mention is the speaker's name, an alias or a pronoun."""
        for q in C.quotations:
            if q.speaker_mention is None:
                continue
            speaker = C.people.lookup(q.speaker)
            names = (speaker.name, *speaker.aliases, "he", "she")
            assert any(q.speaker_mention.exact.endswith(n) for n in names), (
                q.id
            )

    def test_occasions_agree_with_dates(self) -> None:
        """A quotation said at an event is dated within the event's date."""
        for q in C.quotations:
            if q.occasion is None:
                continue
            event = C.events.lookup(q.occasion)
            assert q.date is not None
            assert event.date is not None
            assert q.date.overlaps(event.date), q.id
            assert q.occasion_link is not None
            assert q.occasion_link.matches(TEXT)

    def test_at_finds_the_words_said_at_an_event(self) -> None:
        """filter(at=) gives the quotations said at an event."""
        said = C.quotations.filter(at="swing-back-1963")

        assert [q.id for q in said] == ["devoted-to-communism"]

    def test_the_rules(self) -> None:
        """Mentions need a speaker; occasions their link; spans lie apart."""
        q = C.quotations.get("devoted-to-communism")
        assert q is not None
        with pytest.raises(ss.InvalidValueError, match="needs a speaker"):
            attrs.evolve(q, speaker=None)
        with pytest.raises(ss.InvalidValueError, match="go together"):
            attrs.evolve(q, occasion_link=None)
        with pytest.raises(ss.InvalidValueError, match="no_occasion"):
            attrs.evolve(q, no_occasion="Unknown.")
        with pytest.raises(ss.InvalidValueError, match="overlaps the quoted"):
            attrs.evolve(q, cue=span("Stalin was devoted"))
        with pytest.raises(ss.InvalidValueError, match="lies in none"):
            attrs.evolve(q, cue=span("they hoped"))
        with pytest.raises(ss.InvalidTypeError, match="an Evidence or None"):
            attrs.evolve(q, cue="said Khrushchev")

    @given(quotations(source="synthetic"))
    def test_synthetic_quotations_keep_the_rules(
        self, quotation: ss.Quotation
    ) -> None:
        """Drawn attributions lie in the evidence, outside the words."""
        for part in (quotation.cue, quotation.speaker_mention):
            if part is None:
                continue
            assert not any(
                s.start < part.end and part.start < s.end
                for s in quotation.segments
            )


class TestParagraphsAndSentences:
    """The article's paragraphs and sentences are spans of its text."""

    def test_counts_and_ends(self) -> None:
        """40 paragraphs; the first and last sentences as printed."""
        paragraphs, sentences = ss.article.paragraphs, ss.article.sentences

        assert len(paragraphs) == TEXT.count("\n\n") + 1
        assert sentences[0].exact == (
            "Political speeches are usually one-day wonders."
        )
        assert sentences[-1].exact.endswith("to take another step.")

    @given(articles(source="synthetic"))
    def test_they_cover_the_text(self, article: ss.Article) -> None:
        """
        Every character not blank is in one paragraph and one sentence.

        And each sentence lies in a paragraph.
        """
        text = article.text
        for spans in (article.paragraphs, article.sentences):
            assert all(s.matches(text) for s in spans)
            covered = [i for s in spans for i in range(s.start, s.end)]
            assert len(covered) == len(set(covered))
            assert {i for i, c in enumerate(text) if not c.isspace()} <= set(
                covered
            )
        for sentence in article.sentences:
            assert any(
                p.start <= sentence.start and sentence.end <= p.end
                for p in article.paragraphs
            )

    def test_context_as_a_span(self) -> None:
        """context(span=True) is the same passage, with its offsets."""
        for record in ("muck", "secret-speech", "war-dead"):
            for n in (0, 1, 2):
                passage = ss.context(record, sentences=n, span=True)

                assert passage.exact == ss.context(record, sentences=n)
                assert passage.matches(TEXT)

    @pytest.mark.parametrize("span", [1, "yes", None])
    def test_span_takes_a_bool(self, span: object) -> None:
        """span= is True or False, nothing else."""
        with pytest.raises(ss.InvalidTypeError, match="span= takes True"):
            ss.context("muck", span=span)  # type: ignore[call-overload]
