"""Invariants of ``QuoteExtractor`` on generated news-like text, with a real pipeline.

Each example is parsed, so the default profile runs fewer examples than the mark-layer
properties; ``HYPOTHESIS_PROFILE=long`` searches far more.
"""

from __future__ import annotations

import itertools
from typing import TYPE_CHECKING

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from test_marks_properties import ALL_MARKS, BREAKS

if TYPE_CHECKING:
    from quoteattr import Quote, QuoteExtractor

pytestmark = pytest.mark.model

REPORTER_WORDS = [
    "Okafor",
    "Teresa",
    "said",
    "told",
    "reporters",
    "she",
    "he",
    "according to",
    "the mayor",
    "was quoted as saying",
    "argued that",
    ",",
    ".",
    ":",
    " ",
    " ",
    "don't",
    "the '90s",
]
pieces = st.one_of(
    st.sampled_from(REPORTER_WORDS),
    st.sampled_from(ALL_MARKS),
    st.sampled_from(BREAKS),
    st.text(st.characters(exclude_categories=()), max_size=4),
)
news_like = st.lists(pieces, max_size=60).map("".join)
# Each example is parsed: a twentieth of the profile's examples (the "ci" profile gives 60).
fewer_examples = settings(
    max_examples=max(60, settings().max_examples // 20),
    suppress_health_check=[HealthCheck.function_scoped_fixture],
)


def assert_slices_back(text: str, quote: Quote) -> None:
    assert text[quote.start : quote.end] == quote.text
    if quote.speaker is not None:
        assert text[quote.speaker.start : quote.speaker.end] == quote.speaker.text
    if quote.cue is not None:
        assert text[quote.cue.start : quote.cue.end] == quote.cue.text


@fewer_examples
@given(text=news_like)
def test_every_offset_slices_back(extractor: QuoteExtractor, text: str) -> None:
    """No str raises, and every quote, speaker and cue is a slice of the input."""
    for quote in extractor(text):
        assert_slices_back(text, quote)


@fewer_examples
@given(text=news_like)
def test_quotes_are_ordered_and_disjoint(extractor: QuoteExtractor, text: str) -> None:
    """Quotes come in document order and never overlap."""
    quotes = extractor(text)
    for before, after in itertools.pairwise(quotes):
        assert before.end <= after.start


@fewer_examples
@given(text=news_like)
def test_results_are_deterministic(extractor: QuoteExtractor, text: str) -> None:
    """The same text gives the same quotes."""
    assert extractor(text) == extractor(text)
