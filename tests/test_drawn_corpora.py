"""
The laws of drawn corpora, each checked on every corpus drawn.

Drawing a corpus costs far more than checking a law on it, so the laws that
other test files state of a drawn corpus (their ``CORPUS_LAWS`` of any
corpus, their ``SYNTHETIC_LAWS`` of a synthetic one) are checked here, all
of them on each corpus of one draw: every law sees as many corpora as a
test of its own would give it, and a failure names the law it broke.
"""

from __future__ import annotations

from typing import Any

from hypothesis import given
from hypothesis import strategies as st

import secretspeech as ss
import test_claims
import test_immutability
import test_intervals
import test_laws
import test_strategies
from secretspeech.strategies import corpora
from test_laws import assert_laws_listed, check_laws


#: The laws of any corpus: the article's own, or a synthetic one.
ANY_CORPUS = (test_laws, test_intervals)
#: The laws of a synthetic corpus.
SYNTHETIC = (test_claims, test_immutability, test_strategies)


@given(corpora(), st.data())
def test_laws_of_any_drawn_corpus(corpus: ss.Corpus, data: Any) -> None:
    """Every law of every CORPUS_LAWS holds for every drawn corpus."""
    for module in ANY_CORPUS:
        check_laws(corpus, data, module.CORPUS_LAWS)


@given(corpora(source="synthetic"), st.data())
def test_laws_of_a_drawn_synthetic_corpus(
    corpus: ss.Corpus, data: Any
) -> None:
    """Every law of every SYNTHETIC_LAWS holds for every drawn corpus."""
    for module in SYNTHETIC:
        check_laws(corpus, data, module.SYNTHETIC_LAWS)


def test_every_law_is_checked() -> None:
    """Each module's law_ functions are all in the laws checked here."""
    for module in ANY_CORPUS:
        assert_laws_listed(vars(module), module.CORPUS_LAWS)
    for module in SYNTHETIC:
        assert_laws_listed(vars(module), module.SYNTHETIC_LAWS)
