"""Invariants of ``QuoteExtractor`` on generated news-like text, with a real pipeline.

Each example is parsed, so the default profile runs fewer examples than the mark-layer
properties; ``HYPOTHESIS_PROFILE=long`` searches far more. ``HYPOTHESIS_PARSED_EXAMPLES=N``
sets the number of examples of each test here, whatever the profile.
"""

from __future__ import annotations

import itertools
import os
from typing import TYPE_CHECKING

import pytest
from hypothesis import HealthCheck, event, given, settings
from hypothesis import strategies as st

from quoteattr import (
    ExtractionFailure,
    ParseMode,
    QuoteExtractor,
    QuoteKind,
    extract_quotes,
    find_quote_marks,
)
from quoteattr._parsing import parseable
from quoteattr._types import MARKED_KINDS, REPORTED_KINDS
from quotechecks import assert_no_pair_of_marks_cut
from test_marks_properties import (
    ALL_MARKS,
    APOSTROPHE_SNIPPETS,
    BREAKS,
    INVISIBLE,
    UNPAIRED_MARKS,
    nested_text,
)

if TYPE_CHECKING:
    from spacy.language import Language

    from quoteattr import Quote, QuoteMarkSpan

pytestmark = pytest.mark.model

REPORTER_WORDS = [
    "Okafor",
    "Teresa",
    "Hana Okafor",
    "said",
    "told",
    "says",
    "warned",
    "denied",
    "added",
    "reporters",
    "she",
    "he",
    "they",
    "officials",
    "according to",
    "the mayor",
    "was quoted as saying",
    "argued that",
    "that",
    "the plan was",
    "would reopen",
    ",",
    ".",
    ":",
    " \N{EM DASH} ",
    " ",
    " ",
    "don't",
    "the '90s",
]
pieces = st.one_of(
    st.sampled_from(REPORTER_WORDS),
    st.sampled_from(ALL_MARKS),
    st.sampled_from(BREAKS),
    st.sampled_from(APOSTROPHE_SNIPPETS),
    st.sampled_from(UNPAIRED_MARKS),
    st.sampled_from(INVISIBLE),
    st.text(st.characters(exclude_categories=()), max_size=4),
)
#: Sentences shaped like news attributions, so the rules, not only the guards, get to run.
SPEAKERS = ["Hana Okafor", "Okafor", "she", "he", "the mayor", "officials", "Mr. O'Brien"]
VERBS = ["said", "told reporters", "warned", "added", "argued", "insisted", "denied"]
CLAUSES = ["we will rebuild", "the pier would reopen", "it is done", "the plan was a farce"]
OPENERS_AND_CLOSERS = [
    ('"', '"'),
    ("\N{LEFT DOUBLE QUOTATION MARK}", "\N{RIGHT DOUBLE QUOTATION MARK}"),
    ("'", "'"),
    ("\N{LEFT SINGLE QUOTATION MARK}", "\N{RIGHT SINGLE QUOTATION MARK}"),
    ("``", "''"),
    (
        "\N{LEFT-POINTING DOUBLE ANGLE QUOTATION MARK}",
        "\N{RIGHT-POINTING DOUBLE ANGLE QUOTATION MARK}",
    ),
    ("\N{DOUBLE LOW-9 QUOTATION MARK}", "\N{LEFT DOUBLE QUOTATION MARK}"),
    ("\N{LEFT CORNER BRACKET}", "\N{RIGHT CORNER BRACKET}"),
    ('"', "\N{RIGHT DOUBLE QUOTATION MARK}"),
    ('"', ""),
]
TEMPLATES = [
    "{o}{c1},{e} {s} {v}.",
    "{o}{c1},{e} {v} {s}.",
    "{s} {v}: {o}{c1}.{e}",
    "{s} {v} that {c1}.",
    "{c1}, {s} {v}.",
    "{s} {v} the plan was {o}{c2}{e} and {c1}.",
    "According to {s}, {c1}.",
    "{o}{c1},{e} {s} {v}, {o}{c2}.{e}",
    "{s} was quoted as saying {o}{c1}{e}.",
    "{o}{c1}.{e} \N{EM DASH} {s}",
    "{o}{c1}.",
]
news_sentence = st.builds(
    lambda template, marks, s, v, c1, c2: template.format(
        o=marks[0], e=marks[1], s=s, v=v, c1=c1, c2=c2
    ),
    st.sampled_from(TEMPLATES),
    st.sampled_from(OPENERS_AND_CLOSERS),
    st.sampled_from(SPEAKERS),
    st.sampled_from(VERBS),
    st.sampled_from(CLAUSES),
    st.sampled_from(CLAUSES),
)
news_like = st.one_of(
    st.lists(pieces, max_size=60).map("".join),
    st.lists(st.one_of(pieces, nested_text), max_size=8).map("".join),
    # Sentences joined by spaces and breaks, with odd characters and marks between.
    st.lists(st.one_of(news_sentence, news_sentence, pieces), max_size=12).map(" ".join),
)
# Each example is parsed: a twentieth of the profile's examples (the "ci" profile gives 60).
PARSED_EXAMPLES = int(
    os.environ.get("HYPOTHESIS_PARSED_EXAMPLES", max(60, settings().max_examples // 20))
)
fewer_examples = settings(
    max_examples=PARSED_EXAMPLES,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
#: Extractors over each pipeline of the session, one per set of kinds and parse mode.
_variants: dict[tuple[Language, frozenset[QuoteKind], ParseMode], QuoteExtractor] = {}


def variant(
    extractor: QuoteExtractor,
    kinds: frozenset[QuoteKind] = frozenset(QuoteKind),
    parse: ParseMode = ParseMode.FULL,
) -> QuoteExtractor:
    """An extractor over *extractor*'s pipeline that returns *kinds* and parses as *parse*."""
    key = (extractor.nlp, kinds, parse)
    if key not in _variants:
        _variants[key] = QuoteExtractor(extractor.nlp, kinds=kinds, parse=parse)
    return _variants[key]


def assert_slices_back(text: str, quote: Quote) -> None:
    assert text[quote.start : quote.end] == quote.text
    if quote.speaker is not None:
        assert text[quote.speaker.start : quote.speaker.end] == quote.speaker.text
    if quote.cue is not None:
        assert text[quote.cue.start : quote.cue.end] == quote.cue.text


def extractable(text: str) -> list[QuoteMarkSpan]:
    """The spans a quote in marks is made of: closed, top-level, not blank."""
    return [span for span in find_quote_marks(text) if span.closed and span.text.strip()]


def offsets(quotes: list[Quote]) -> list[tuple[int, int]]:
    return [(quote.start, quote.end) for quote in quotes]


def assert_ordered_and_disjoint(quotes: list[Quote]) -> None:
    for before, after in itertools.pairwise(quotes):
        assert before.end <= after.start, (before, after)


def assert_marks_are_quotes(text: str, quotes: list[Quote]) -> None:
    """Each quote in marks is a closed top-level span, and no such span is lost.

    A span is its own quote in marks, or a fragment taken into a mixed report.
    """
    spans = extractable(text)
    contents = {(span.content_start, span.content_end) for span in spans}
    marked = {(q.start, q.end) for q in quotes if q.kind in MARKED_KINDS}
    mixed = [q for q in quotes if q.kind is QuoteKind.MIXED]
    assert marked <= contents, marked - contents
    for quote in mixed:
        assert any(quote.start <= s.start and s.end <= quote.end for s in spans), quote
    for span in spans:
        in_mixed = any(q.start <= span.start and span.end <= q.end for q in mixed)
        assert in_mixed or (span.content_start, span.content_end) in marked, span


@fewer_examples
@given(text=news_like)
def test_every_offset_slices_back(extractor: QuoteExtractor, text: str) -> None:
    """No str raises, and every quote, speaker and cue is a slice of the input."""
    quotes = extractor(text)
    for quote in quotes:
        assert_slices_back(text, quote)
    # --hypothesis-show-statistics shows how often the rules found something.
    event(f"{min(len(quotes), 3)}{'+' if len(quotes) > 2 else ''} quotes")
    for kind in sorted({quote.kind.value for quote in quotes}):
        event(f"a quote of kind {kind}")
    if any(quote.speaker is not None for quote in quotes):
        event("a quote with a speaker")


@fewer_examples
@given(text=news_like)
def test_quotes_are_ordered_and_disjoint(extractor: QuoteExtractor, text: str) -> None:
    """Quotes come in document order and never overlap: a fragment in a report is taken in."""
    assert_ordered_and_disjoint(extractor(text))


@fewer_examples
@given(text=news_like)
def test_results_are_deterministic(extractor: QuoteExtractor, text: str) -> None:
    """The same text gives the same quotes."""
    assert extractor(text) == extractor(text)


@fewer_examples
@given(text=news_like)
def test_quotes_in_marks_are_the_closed_top_level_spans(
    extractor: QuoteExtractor, text: str
) -> None:
    """Quotes in marks are the closed top-level spans, but for fragments in mixed reports."""
    assert_marks_are_quotes(text, extractor(text))


@fewer_examples
@given(text=news_like)
def test_every_closed_span_is_a_quote_when_only_marks_are_asked_for(
    extractor: QuoteExtractor, text: str
) -> None:
    """kinds={direct, partial} returns one quote per closed top-level span, none lost."""
    quotes = variant(extractor, MARKED_KINDS)(text)
    spans = extractable(text)
    assert offsets(quotes) == [(span.content_start, span.content_end) for span in spans]
    assert {quote.kind for quote in quotes} <= MARKED_KINDS


@fewer_examples
@given(text=news_like)
def test_attributions_are_whole(extractor: QuoteExtractor, text: str) -> None:
    """Cue and method come together; reported speech always has a speaker; entities count up."""
    quotes = extractor(text)
    for quote in quotes:
        assert (quote.cue is None) == (quote.method is None), quote
        if quote.method is None:
            assert quote.speaker is None, quote
            assert quote.confidence is None, quote
        if quote.kind in REPORTED_KINDS:
            assert quote.speaker is not None, quote
        if quote.kind in MARKED_KINDS:
            # The reporter's words attribute a quote in marks, never its own words.
            for part in (quote.speaker, quote.cue):
                assert part is None or not quote.start <= part.start < quote.end, (part, quote)
    ids = [q.speaker.entity_id for q in quotes if q.speaker and q.speaker.entity_id is not None]
    first_seen = list(dict.fromkeys(ids))
    assert first_seen == list(range(len(first_seen)))


@fewer_examples
@given(text=news_like, kinds=st.sets(st.sampled_from(QuoteKind), min_size=1))
def test_fewer_kinds_give_a_subset(
    extractor: QuoteExtractor, text: str, kinds: set[QuoteKind]
) -> None:
    """Asking for some kinds gives those of all kinds, plus the fragments of dropped mixed ones."""
    everything = extractor(text)
    chosen = variant(extractor, frozenset(kinds))(text)
    assert {q.kind for q in chosen} <= kinds
    expected = {(q.start, q.end) for q in everything if q.kind in kinds}
    assert expected <= set(offsets(chosen))
    fragments = set()
    if QuoteKind.MIXED not in kinds:
        spans = extractable(text)
        for quote in everything:
            if quote.kind is QuoteKind.MIXED:
                fragments |= {
                    (s.content_start, s.content_end)
                    for s in spans
                    if quote.start <= s.start and s.end <= quote.end
                }
    assert set(offsets(chosen)) - expected <= fragments


@fewer_examples
@given(texts=st.lists(news_like, min_size=1, max_size=4), batch_size=st.integers(1, 3))
def test_every_entry_point_agrees(
    extractor: QuoteExtractor, texts: list[str], batch_size: int
) -> None:
    """pipe() (raising or returning failures), extract_quotes() and from_doc() give call()'s."""
    one_by_one = [extractor(text) for text in texts]
    assert list(extractor.pipe(texts, batch_size=batch_size)) == one_by_one
    returned = list(extractor.pipe(texts, batch_size=batch_size, on_error="return"))
    assert not [failure for failure in returned if isinstance(failure, ExtractionFailure)]
    assert returned == one_by_one
    text = texts[0]
    assert extract_quotes(text, nlp=extractor.nlp) == one_by_one[0]
    # spaCy cannot store a lone surrogate, so a Doc is made of the text with "?" for each.
    storable = text.encode("utf-8", "replace").decode("utf-8")
    # from_doc reads the Doc as the caller's pipeline parsed it; the extractor parses the
    # text with stand-ins (a plain space for a no-break one …), so only where there are
    # none is the parse, and so the result, the same.
    if parseable(storable) == storable:
        expected = one_by_one[0] if storable == text else extractor(storable)
        assert extractor.from_doc(extractor.nlp(storable)) == expected


@fewer_examples
@given(text=news_like)
def test_relevant_parsing_keeps_the_invariants(extractor: QuoteExtractor, text: str) -> None:
    """parse="relevant" slices back, never overlaps, and loses no quote in marks either."""
    quotes = variant(extractor, parse=ParseMode.RELEVANT)(text)
    for quote in quotes:
        assert_slices_back(text, quote)
    assert_ordered_and_disjoint(quotes)
    assert_marks_are_quotes(text, quotes)


@fewer_examples
@given(text=news_like)
def test_no_quote_cuts_a_pair_of_marks(extractor: QuoteExtractor, text: str) -> None:
    """Every quote holds each closed pair of marks whole, lies inside it, or is apart from it."""
    assert_no_pair_of_marks_cut(text, extractor(text))


news_paragraphs = st.lists(
    st.one_of(news_sentence, st.lists(news_sentence, max_size=3).map(" ".join), pieces),
    min_size=2,
    max_size=10,
).map("\n\n".join)


@fewer_examples
@given(text=news_paragraphs, max_length=st.integers(min_value=80, max_value=600))
def test_pieces_keep_the_quotes_of_the_whole_text(
    extractor: QuoteExtractor, text: str, max_length: int
) -> None:
    """Cut into pieces, a text gives the same quotations in marks, none overlapping.

    Attribution may differ near a cut (a piece sees only its own context), but no quote in
    marks is lost, split or reported twice, and no piece reports what another did.
    """
    marks_only = variant(extractor, MARKED_KINDS)
    whole, whole_in_marks = extractor(text), marks_only(text)
    saved = extractor.nlp.max_length
    extractor.nlp.max_length = max_length
    try:
        pieced, pieced_in_marks = extractor(text), marks_only(text)
    finally:
        extractor.nlp.max_length = saved
    if len(text) > max_length:
        event("parsed in pieces")
    assert offsets(pieced_in_marks) == offsets(whole_in_marks)
    for quotes in (whole, pieced):
        for quote in quotes:
            assert_slices_back(text, quote)
        assert_ordered_and_disjoint(quotes)
        assert_no_pair_of_marks_cut(text, quotes)
        assert_marks_are_quotes(text, quotes)


class _Text(str):
    """A str subclass whose own methods must never be called for its characters."""

    __slots__ = ()

    def __str__(self) -> str:
        raise AssertionError("str() of the subclass was called")


@fewer_examples
@given(text=news_like)
def test_a_str_subclass_gives_the_quotes_of_its_str(extractor: QuoteExtractor, text: str) -> None:
    """A str subclass gives exactly the quotes of the plain str, with plain str texts."""
    quotes = extractor(_Text(text))
    assert quotes == extractor(text)
    assert all(type(quote.text) is str for quote in quotes)
