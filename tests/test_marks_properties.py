"""Invariants of ``find_quote_marks`` on generated text, and exact recovery of clean nesting.

Run with ``HYPOTHESIS_PROFILE=long`` to search far more examples than the default profile.
"""

from __future__ import annotations

import itertools
from typing import NamedTuple

from hypothesis import given
from hypothesis import strategies as st

from quoteattr._marks import _PAIRINGS, find_quote_marks, paragraph_spans
from quoteattr._types import MarkStyle, QuoteMarkSpan

#: Every mark the pairing table knows, the multi-character ones included.
ALL_MARKS = sorted({mark for p in _PAIRINGS for mark in (p.opener, *p.closers)})
APOSTROPHE_SNIPPETS = [
    "don't",
    "don\N{RIGHT SINGLE QUOTATION MARK}t",
    "'90s",
    "\N{RIGHT SINGLE QUOTATION MARK}90s",
    "\N{LEFT SINGLE QUOTATION MARK}90s",
    "'em",
    "'til",
    "rock 'n' roll",
    "voters' ",
    "the Joneses\N{RIGHT SINGLE QUOTATION MARK} ",
    "6'2\"",
    "'''",
    "''''",
]
BREAKS = ["\n", "\r\n", "\r", "\N{LINE SEPARATOR}", "\N{PARAGRAPH SEPARATOR}", "\n\n"]
SPACES = [" ", "  ", "\t", "\N{NO-BREAK SPACE}"]
PUNCTUATION = [*".,;:!?()-/", "\N{EM DASH}", "\N{HORIZONTAL ELLIPSIS}"]

words = st.sampled_from(["we", "will", "build", "it", "Mayor", "said", "s", "n", "em", "90"])
any_text = st.text(st.characters(exclude_categories=()), max_size=6)
pieces = st.one_of(
    words,
    st.sampled_from(ALL_MARKS),
    st.sampled_from(APOSTROPHE_SNIPPETS),
    st.sampled_from(BREAKS),
    st.sampled_from(SPACES),
    st.sampled_from(PUNCTUATION),
    any_text,
)
#: Text that mixes words, every quotation mark, apostrophes, line breaks and arbitrary unicode.
messy_text = st.one_of(st.lists(pieces, max_size=80).map("".join), any_text)


def walk(spans: tuple[QuoteMarkSpan, ...] | list[QuoteMarkSpan]) -> list[QuoteMarkSpan]:
    """Return every span, inner ones included, parents before children."""
    return [found for span in spans for found in (span, *walk(span.inner))]


def assert_sorted_and_disjoint(spans: tuple[QuoteMarkSpan, ...] | list[QuoteMarkSpan]) -> None:
    for before, after in itertools.pairwise(spans):
        assert before.end <= after.start, (before, after)


@given(messy_text)
def test_never_raises_and_every_text_slices_back(text: str) -> None:
    """No str makes it raise, and every span's text is the source between its content offsets."""
    for span in walk(find_quote_marks(text)):
        assert 0 <= span.start <= span.content_start <= span.content_end <= span.end <= len(text)
        assert text[span.content_start : span.content_end] == span.text


@given(messy_text)
def test_spans_are_sorted_and_never_overlap(text: str) -> None:
    """Top-level spans, and the inner spans of each span, are in order and disjoint."""
    spans = find_quote_marks(text)
    assert_sorted_and_disjoint(spans)
    for span in walk(spans):
        assert_sorted_and_disjoint(span.inner)


@given(messy_text)
def test_inner_spans_lie_within_their_parents_content(text: str) -> None:
    """A nested span lies inside its parent's content, never over its marks."""
    for span in walk(find_quote_marks(text)):
        for inner in span.inner:
            assert span.content_start <= inner.start
            assert inner.end <= span.content_end


@given(messy_text)
def test_unclosed_spans_end_with_their_content_and_no_span_is_blank(text: str) -> None:
    """Unclosed spans end where their trimmed content ends; no span holds only spaces."""
    for span in walk(find_quote_marks(text)):
        assert span.text.strip()
        if not span.closed:
            assert span.end == span.content_end
            assert not text[span.content_end - 1].isspace()


@given(messy_text)
def test_paragraph_count_matches_the_paragraphs_a_span_covers(text: str) -> None:
    """paragraphs is the number of paragraphs a span touches, so only long quotes cross breaks."""
    paragraphs = paragraph_spans(text)
    for span in walk(find_quote_marks(text)):
        covered = [p for p in paragraphs if p[0] < span.end and span.start < p[1]]
        assert span.paragraphs == len(covered), (span, covered)


@given(messy_text, messy_text)
def test_deterministic(text: str, other: str) -> None:
    """The same text gives the same spans, whatever ran before."""
    first = find_quote_marks(text)
    find_quote_marks(other)
    assert find_quote_marks(text) == first


@given(messy_text)
def test_a_plain_paragraph_before_the_text_only_shifts_the_offsets(text: str) -> None:
    """Paragraphs are read independently: a plain one before the text only shifts offsets."""
    prefix = "Plain words, no marks.\n"
    expected = [layout(span, 0) for span in find_quote_marks(text)]
    assert [layout(span, len(prefix)) for span in find_quote_marks(prefix + text)] == expected


def layout(span: QuoteMarkSpan, offset: int) -> tuple[object, ...]:
    """Return everything about *span*, with offsets counted from *offset*."""
    offsets = (span.start, span.end, span.content_start, span.content_end)
    inner = tuple(layout(inner, offset) for inner in span.inner)
    return (
        *(o - offset for o in offsets),
        span.text,
        span.style,
        span.closed,
        span.paragraphs,
        inner,
    )


# Clean text: well-formed quotes nested in alternating levels must be found exactly.


class Quoted(NamedTuple):
    """A generated quotation: its marks and what it holds (words and nested quotations)."""

    style: MarkStyle
    opener: str
    closer: str
    parts: tuple[str | Quoted, ...]


class Expected(NamedTuple):
    """The span a generated quotation must give: offsets, style and nested quotations."""

    start: int
    end: int
    style: MarkStyle
    inner: tuple[Expected, ...]


OUTER_PAIRS = [
    (MarkStyle.STRAIGHT_DOUBLE, '"', '"'),
    (MarkStyle.CURLY_DOUBLE, "\N{LEFT DOUBLE QUOTATION MARK}", "\N{RIGHT DOUBLE QUOTATION MARK}"),
    (MarkStyle.DOUBLED_APOSTROPHE, "''", "''"),
    (MarkStyle.BACKTICK, "``", "''"),
    (
        MarkStyle.GUILLEMET,
        "\N{LEFT-POINTING DOUBLE ANGLE QUOTATION MARK}",
        "\N{RIGHT-POINTING DOUBLE ANGLE QUOTATION MARK}",
    ),
    (MarkStyle.LOW_HIGH, "\N{DOUBLE LOW-9 QUOTATION MARK}", "\N{LEFT DOUBLE QUOTATION MARK}"),
    (MarkStyle.CORNER, "\N{LEFT CORNER BRACKET}", "\N{RIGHT CORNER BRACKET}"),
]
INNER_PAIRS = [
    (MarkStyle.STRAIGHT_SINGLE, "'", "'"),
    (MarkStyle.CURLY_SINGLE, "\N{LEFT SINGLE QUOTATION MARK}", "\N{RIGHT SINGLE QUOTATION MARK}"),
    (
        MarkStyle.SINGLE_GUILLEMET,
        "\N{SINGLE LEFT-POINTING ANGLE QUOTATION MARK}",
        "\N{SINGLE RIGHT-POINTING ANGLE QUOTATION MARK}",
    ),
]
#: Words that are neither elisions ('em, 'til) nor plurals, so every mark beside them is a mark.
clean_words = st.lists(
    st.sampled_from(["we", "will", "build", "it", "again", "today", "Mayor", "left", "bridge"]),
    min_size=1,
    max_size=3,
).map(" ".join)


def quotations(
    pairs: list[tuple[MarkStyle, str, str]], nested: st.SearchStrategy[Quoted] | None
) -> st.SearchStrategy[Quoted]:
    part = clean_words if nested is None else st.one_of(clean_words, nested)
    return st.builds(
        lambda pair, parts: Quoted(pair[0], pair[1], pair[2], tuple(parts)),
        st.sampled_from(pairs),
        st.lists(part, min_size=1, max_size=3),
    )


def paired_marks(style: MarkStyle, inner: MarkStyle | None) -> bool:
    # Straight single marks nest only in straight or doubled straight marks, as in print.
    straight_inner = inner is MarkStyle.STRAIGHT_SINGLE
    return not straight_inner or style in {MarkStyle.STRAIGHT_DOUBLE, MarkStyle.DOUBLED_APOSTROPHE}


inner_quotations = quotations(INNER_PAIRS, None)
outer_quotations = quotations(OUTER_PAIRS, inner_quotations).filter(
    lambda q: all(
        paired_marks(q.style, p.style if isinstance(p, Quoted) else None) for p in q.parts
    )
)
#: A document: paragraphs of words and quotations, each quotation closed in its paragraph.
#: Two quotations at most per paragraph keep its marks as sparse as prose (see _MAX_MARKS_IN_PROSE).
clean_documents = st.lists(
    st.lists(st.one_of(clean_words, outer_quotations), min_size=1, max_size=4).filter(
        lambda parts: sum(isinstance(part, Quoted) for part in parts) <= 2
    ),
    min_size=1,
    max_size=3,
)


def render(
    parts: tuple[str | Quoted, ...] | list[str | Quoted], offset: int
) -> tuple[str, list[Expected]]:
    """Join *parts* with spaces; return the text and the spans its quotations must give."""
    text = ""
    expected: list[Expected] = []
    for index, part in enumerate(parts):
        if index:
            text += " "
        if isinstance(part, str):
            text += part
            continue
        start = offset + len(text)
        content, inner = render(part.parts, start + len(part.opener))
        text += part.opener + content + part.closer
        expected.append(Expected(start, offset + len(text), part.style, tuple(inner)))
    return text, expected


def as_expected(span: QuoteMarkSpan) -> Expected:
    assert span.closed
    return Expected(span.start, span.end, span.style, tuple(map(as_expected, span.inner)))


@given(clean_documents)
def test_well_formed_nesting_is_found_exactly(paragraphs: list[list[str | Quoted]]) -> None:
    """Well-formed quotes, nested in alternating levels, are found exactly."""
    text = ""
    expected: list[Expected] = []
    for paragraph in paragraphs:
        rendered, spans = render(paragraph, len(text))
        text += rendered + "\n"
        expected.extend(spans)
    assert [as_expected(span) for span in find_quote_marks(text)] == expected
