"""Invariants of ``find_quote_marks`` on generated text, and exact recovery of clean nesting.

Run with ``HYPOTHESIS_PROFILE=long`` to search far more examples than the default profile.
"""

from __future__ import annotations

import itertools
from typing import NamedTuple

from hypothesis import given
from hypothesis import strategies as st

from quoteattr._marks import find_quote_marks, paragraph_spans
from quoteattr._marks._pairer import MAX_DEPTH
from quoteattr._marks._pairings import DOUBLE_STYLES, LENIENT_CLOSES, LENIENT_OPENS, PAIRINGS
from quoteattr._types import MarkStyle, QuoteMarkSpan

#: Every mark the pairing table knows, the multi-character ones included.
ALL_MARKS = sorted({mark for p in PAIRINGS for mark in (p.opener, *p.closers)})
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

#: Words, reporting verbs and names (one with an apostrophe), and English, French, German,
#: Japanese, Hebrew and Arabic words, so marks stand between every class of character.
WORDS = [
    *("we", "will", "build", "it", "Mayor", "s", "n", "em", "90"),
    *("said", "told", "says", "warned", "added", "according to", "Okafor", "Teresa Lind"),
    *("O'Brien", "O\N{RIGHT SINGLE QUOTATION MARK}Neill", "dit-il", "sagte", "言った"),
    *("שלום", "قال"),
]
#: Characters with the Quotation_Mark property that no pairing uses, and look-alikes.
UNPAIRED_MARKS = [
    *("\N{SINGLE HIGH-REVERSED-9 QUOTATION MARK}", "\N{DOUBLE HIGH-REVERSED-9 QUOTATION MARK}"),
    *("\N{DOUBLE LOW-REVERSED-9 QUOTATION MARK}", "\N{REVERSED DOUBLE PRIME QUOTATION MARK}"),
    *("\N{DOUBLE PRIME QUOTATION MARK}", "\N{LOW DOUBLE PRIME QUOTATION MARK}"),
    *("\N{FULLWIDTH QUOTATION MARK}", "\N{FULLWIDTH APOSTROPHE}", "`", "\N{ACUTE ACCENT}"),
    *("\N{DOUBLE PRIME}", "\N{PRIME}", "&quot;", "&ldquo;", "&#8217;", "&#x27;"),
]
#: Characters that are neither words, spaces nor punctuation to the eye: controls (NUL, ESC,
#: DEL, the C1 NEXT LINE, and the separators str.isspace takes for spaces), bidi controls,
#: joiners, the BOM, combining marks, emoji (a ZWJ sequence, a flag, a skin tone) and lone
#: surrogates (valid in a str, but not encodable).
INVISIBLE = [
    *("\x00", "\x07", "\x1b", "\x7f", "\x85", "\x0b", "\x0c", "\x1c", "\x1f"),
    *("\u202a", "\u202b", "\u202c", "\u202e", "\u2066", "\u2067", "\u2069", "\u200e"),
    *("\u200f", "\u061c", "\u200b", "\u200d", "\ufeff", "\u00ad", "\u2060"),
    *("\u0301", "e\u0301", "\u20dd", "\u0308\u0308"),
    *("\U0001f600", "\U0001f469\u200d\U0001f469\u200d\U0001f467", "\U0001f1eb\U0001f1f7"),
    *("\U0001f44d\U0001f3fd", "\ud800", "\udfff", "\ud83d", "\ude00"),
]
any_text = st.text(st.characters(exclude_categories=()), max_size=6)
#: Arbitrary unicode, lone surrogates and every other category included.
wide_text = st.text(st.characters(exclude_categories=()), max_size=400)
pieces = st.one_of(
    st.sampled_from(WORDS),
    st.sampled_from(ALL_MARKS),
    st.sampled_from(APOSTROPHE_SNIPPETS),
    st.sampled_from(BREAKS),
    st.sampled_from(SPACES),
    st.sampled_from(PUNCTUATION),
    st.sampled_from(UNPAIRED_MARKS),
    st.sampled_from(INVISIBLE),
    any_text,
)
#: Every pair of marks the table knows, and the lenient ones sources mix up (straight with
#: curly, curly typed the wrong way round), so well- and ill-formed nesting both occur.
ANY_PAIRS = sorted(
    {(p.opener, closer) for p in PAIRINGS for closer in p.closers}
    | {('"', "\N{RIGHT DOUBLE QUOTATION MARK}"), ("\N{LEFT DOUBLE QUOTATION MARK}", '"')}
    | {("\N{RIGHT DOUBLE QUOTATION MARK}", "\N{RIGHT DOUBLE QUOTATION MARK}")}
    | {("'", "\N{RIGHT SINGLE QUOTATION MARK}"), ("\N{LEFT SINGLE QUOTATION MARK}", "'")}
)


def _wrapped(inner: st.SearchStrategy[str]) -> st.SearchStrategy[str]:
    """A quotation around *inner* parts, its closing mark sometimes missing or misplaced."""
    return st.builds(
        lambda pair, parts, closing, space: (
            pair[0] + space.join(parts) + (pair[1] if closing else space)
        ),
        st.sampled_from(ANY_PAIRS),
        st.lists(inner, min_size=1, max_size=3),
        st.booleans(),
        st.sampled_from([" ", "", ", ", "\N{NO-BREAK SPACE}"]),
    )


#: Quotations nested up to about a dozen deep, in any mix of styles, closed or not.
nested_text = st.recursive(st.one_of(st.sampled_from(WORDS), pieces), _wrapped, max_leaves=30)
#: Text that mixes words, every quotation mark, apostrophes, line breaks, deep nesting and
#: arbitrary unicode.
messy_text = st.one_of(
    st.lists(pieces, max_size=80).map("".join),
    st.lists(st.one_of(pieces, nested_text), max_size=12).map("".join),
    any_text,
    wide_text,
)


def walk(spans: tuple[QuoteMarkSpan, ...] | list[QuoteMarkSpan]) -> list[QuoteMarkSpan]:
    """Return every span, inner ones included, parents before children."""
    return [found for span in spans for found in (span, *walk(span.inner))]


def depth(spans: tuple[QuoteMarkSpan, ...] | list[QuoteMarkSpan]) -> int:
    """Return how many levels deep *spans* nest (1 for spans with no inner ones)."""
    return max((1 + depth(span.inner) for span in spans), default=0)


def assert_sorted_and_disjoint(spans: tuple[QuoteMarkSpan, ...] | list[QuoteMarkSpan]) -> None:
    for before, after in itertools.pairwise(spans):
        assert before.end <= after.start, (before, after)


#: The style each opening mark gives, a right curly mark opening its left partner's kind.
STYLE_OPENED_BY = {
    **{p.opener: p.style for p in PAIRINGS},
    **{glyph: PAIRINGS[kind].style for glyph, kind in LENIENT_OPENS.items()},
}
#: The marks that may close each style: its own closers, and those mixed-up sources use.
CLOSERS_OF: dict[MarkStyle, set[str]] = {}
for _pairing in PAIRINGS:
    CLOSERS_OF.setdefault(_pairing.style, set()).update(_pairing.closers)
for _glyph, _kinds in LENIENT_CLOSES.items():
    for _kind in _kinds:
        CLOSERS_OF[PAIRINGS[_kind].style].add(_glyph)
#: Styles whose unclosed marks are taken for apostrophes (or a comma), never returned.
APOSTROPHE_LIKE = {MarkStyle.STRAIGHT_SINGLE, MarkStyle.CURLY_SINGLE, MarkStyle.LOW_HIGH_SINGLE}
LINE_BREAKS = {"\n", "\r", "\N{LINE SEPARATOR}", "\N{PARAGRAPH SEPARATOR}"}

# Each invariant is a check of one text, so the fuzz corpus (test_fuzz_corpus.py) runs them too.


def check_spans_slice_back(text: str, spans: list[QuoteMarkSpan]) -> None:
    """Every span's text is the source between its content offsets."""
    for span in walk(spans):
        assert 0 <= span.start <= span.content_start <= span.content_end <= span.end <= len(text)
        assert text[span.content_start : span.content_end] == span.text


def check_sorted_and_disjoint(_text: str, spans: list[QuoteMarkSpan]) -> None:
    """Top-level spans, and the inner spans of each span, are in order and disjoint."""
    assert_sorted_and_disjoint(spans)
    for span in walk(spans):
        assert_sorted_and_disjoint(span.inner)


def check_inner_within_content(_text: str, spans: list[QuoteMarkSpan]) -> None:
    """A nested span lies inside its parent's content, never over its marks."""
    for span in walk(spans):
        for inner in span.inner:
            assert span.content_start <= inner.start
            assert inner.end <= span.content_end


def check_unclosed_end_and_no_blank(text: str, spans: list[QuoteMarkSpan]) -> None:
    """Unclosed spans end where their trimmed content ends; no span holds only spaces."""
    for span in walk(spans):
        assert span.text.strip()
        if not span.closed:
            assert span.end == span.content_end
            assert not text[span.content_end - 1].isspace()


def check_paragraph_counts(text: str, spans: list[QuoteMarkSpan]) -> None:
    """paragraphs is the number of paragraphs a span touches, so only long quotes cross breaks."""
    paragraphs = paragraph_spans(text)
    for span in walk(spans):
        covered = [p for p in paragraphs if p[0] < span.end and span.start < p[1]]
        assert span.paragraphs == len(covered), (span, covered)


def check_marks_at_the_edges(text: str, spans: list[QuoteMarkSpan]) -> None:
    """The offsets sit on the marks: an opener of the span's style, a closer that can close it."""
    for span in walk(spans):
        opener = text[span.start : span.content_start]
        assert STYLE_OPENED_BY.get(opener) is span.style, (opener, span)
        closer = text[span.content_end : span.end]
        if span.closed:
            assert closer in CLOSERS_OF[span.style], (closer, span)
        else:
            assert not closer


def check_unclosed_styles(_text: str, spans: list[QuoteMarkSpan]) -> None:
    """An unclosed single mark is an apostrophe, and an unclosed quote is cut before a double."""
    for span in walk(spans):
        if not span.closed:
            assert span.style not in APOSTROPHE_LIKE, span
            assert not any(inner.style in DOUBLE_STYLES for inner in span.inner), span


def check_depth(_text: str, spans: list[QuoteMarkSpan]) -> None:
    """No span lies deeper than MAX_DEPTH levels, however many marks open."""
    assert depth(spans) <= MAX_DEPTH


def check_paragraph_spans(text: str, _spans: list[QuoteMarkSpan]) -> None:
    """Paragraphs are in order, hold no break and are not blank; between them, only breaks."""
    paragraphs = paragraph_spans(text)
    edges = [0, *itertools.chain.from_iterable(paragraphs), len(text)]
    for start, end in paragraphs:
        assert start < end
        assert not LINE_BREAKS & set(text[start:end])
        assert not text[start:end].isspace()
    for gap_start, gap_end in zip(edges[::2], edges[1::2], strict=True):
        gap = text[gap_start:gap_end]
        assert gap_start <= gap_end
        assert not gap.strip(), gap
        between = gap_start > 0 and gap_end < len(text)
        assert not between or LINE_BREAKS & set(gap), gap


def check_shifted_by_a_plain_paragraph(text: str, spans: list[QuoteMarkSpan]) -> None:
    """Paragraphs are read independently: a plain one before the text only shifts offsets."""
    prefix = "Plain words, no marks.\n"
    expected = [layout(span, 0) for span in spans]
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


MARK_INVARIANTS = [
    check_spans_slice_back,
    check_sorted_and_disjoint,
    check_inner_within_content,
    check_unclosed_end_and_no_blank,
    check_paragraph_counts,
    check_marks_at_the_edges,
    check_unclosed_styles,
    check_depth,
    check_paragraph_spans,
    check_shifted_by_a_plain_paragraph,
]


def assert_mark_invariants(text: str) -> list[QuoteMarkSpan]:
    """Run every invariant on the spans of *text*; return them."""
    spans = find_quote_marks(text)
    assert find_quote_marks(text) == spans
    for check in MARK_INVARIANTS:
        check(text, spans)
    return spans


@given(messy_text)
def test_never_raises_and_every_text_slices_back(text: str) -> None:
    """No str makes it raise, and every span's text is the source between its content offsets."""
    check_spans_slice_back(text, find_quote_marks(text))


@given(messy_text)
def test_spans_are_sorted_and_never_overlap(text: str) -> None:
    """Top-level spans, and the inner spans of each span, are in order and disjoint."""
    check_sorted_and_disjoint(text, find_quote_marks(text))


@given(messy_text)
def test_inner_spans_lie_within_their_parents_content(text: str) -> None:
    """A nested span lies inside its parent's content, never over its marks."""
    check_inner_within_content(text, find_quote_marks(text))


@given(messy_text)
def test_unclosed_spans_end_with_their_content_and_no_span_is_blank(text: str) -> None:
    """Unclosed spans end where their trimmed content ends; no span holds only spaces."""
    check_unclosed_end_and_no_blank(text, find_quote_marks(text))


@given(messy_text)
def test_paragraph_count_matches_the_paragraphs_a_span_covers(text: str) -> None:
    """paragraphs is the number of paragraphs a span touches, so only long quotes cross breaks."""
    check_paragraph_counts(text, find_quote_marks(text))


@given(messy_text, messy_text)
def test_deterministic(text: str, other: str) -> None:
    """The same text gives the same spans, whatever ran before."""
    first = find_quote_marks(text)
    find_quote_marks(other)
    assert find_quote_marks(text) == first


@given(messy_text)
def test_a_plain_paragraph_before_the_text_only_shifts_the_offsets(text: str) -> None:
    """Paragraphs are read independently: a plain one before the text only shifts offsets."""
    check_shifted_by_a_plain_paragraph(text, find_quote_marks(text))


@given(messy_text)
def test_a_span_starts_with_an_opening_mark_of_its_style_and_ends_with_a_closer(
    text: str,
) -> None:
    """The offsets sit on the marks: an opener of the span's style, a closer that can close it."""
    check_marks_at_the_edges(text, find_quote_marks(text))


@given(messy_text)
def test_unclosed_spans_are_doubles_that_hold_no_double(text: str) -> None:
    """An unclosed single mark is an apostrophe, and an unclosed quote is cut before a double."""
    check_unclosed_styles(text, find_quote_marks(text))


@given(messy_text)
def test_quotes_nest_at_most_max_depth(text: str) -> None:
    """No span lies deeper than MAX_DEPTH levels, however many marks open."""
    check_depth(text, find_quote_marks(text))


@given(messy_text)
def test_paragraph_spans_are_the_non_blank_lines(text: str) -> None:
    """Paragraphs are in order, hold no break and are not blank; between them, only breaks."""
    check_paragraph_spans(text, find_quote_marks(text))


@given(wide_text)
def test_any_unicode_keeps_every_invariant(text: str) -> None:
    """Arbitrary code points, surrogates and controls included, keep every invariant."""
    assert_mark_invariants(text)


# Clean text: well-formed quotes nested in alternating levels must be found exactly.


class Quoted(NamedTuple):
    """A generated quotation: its marks and what it holds (words and nested quotations)."""

    style: MarkStyle
    opener: str
    closer: str
    parts: tuple[str | Quoted, ...]
    #: Punctuation right after the closing mark: ``"…",`` / ``«…».``.
    after: str = ""


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


#: What may follow a closing mark: mostly nothing, else punctuation.
AFTER_CLOSER = ["", "", "", ",", ".", ":", ";", "?", "!"]


def quotations(
    pairs: list[tuple[MarkStyle, str, str]], nested: st.SearchStrategy[Quoted] | None
) -> st.SearchStrategy[Quoted]:
    part = clean_words if nested is None else st.one_of(clean_words, nested)
    return st.builds(
        lambda pair, parts, after: Quoted(pair[0], pair[1], pair[2], tuple(parts), after),
        st.sampled_from(pairs),
        st.lists(part, min_size=1, max_size=3),
        st.sampled_from(AFTER_CLOSER),
    )


def paired_marks(style: MarkStyle, inner: MarkStyle | None) -> bool:
    # Straight single marks nest only in straight or doubled straight marks, as in print.
    straight_inner = inner is MarkStyle.STRAIGHT_SINGLE
    return not straight_inner or style in {MarkStyle.STRAIGHT_DOUBLE, MarkStyle.DOUBLED_APOSTROPHE}


def closes_a_nested_quote_before_punctuation(quoted: Quoted) -> bool:
    """Whether *quoted* ends ``'nested'",``: a straight closer between marks and punctuation."""
    ends_nested = isinstance(quoted.parts[-1], Quoted)
    return ends_nested and quoted.closer in {'"', "''"} and bool(quoted.after)


def documents(
    outer_pairs: list[tuple[MarkStyle, str, str]], inner_pairs: list[tuple[MarkStyle, str, str]]
) -> st.SearchStrategy[list[list[str | Quoted]]]:
    """Paragraphs of words and quotations, each quotation closed in its paragraph.

    Two quotations at most per paragraph keep its marks as sparse as prose (see
    _MAX_MARKS_IN_PROSE).
    """
    inner_quotations = quotations(inner_pairs, None)
    outer_quotations = quotations(outer_pairs, inner_quotations).filter(
        lambda q: (
            all(paired_marks(q.style, p.style if isinstance(p, Quoted) else None) for p in q.parts)
            and not closes_a_nested_quote_before_punctuation(q)
        )
    )
    return st.lists(
        st.lists(st.one_of(clean_words, outer_quotations), min_size=1, max_size=4).filter(
            lambda parts: sum(isinstance(part, Quoted) for part in parts) <= 2
        ),
        min_size=1,
        max_size=3,
    )


clean_documents = documents(OUTER_PAIRS, INNER_PAIRS)
#: French typesetting: a space (often a no-break one) inside each guillemet.
FRENCH_PAIRS = [
    (
        MarkStyle.GUILLEMET,
        f"\N{LEFT-POINTING DOUBLE ANGLE QUOTATION MARK}{space}",
        f"{space}{closer}",
    )
    for space in (" ", "\N{NO-BREAK SPACE}", "\N{NARROW NO-BREAK SPACE}")
    for closer in ["\N{RIGHT-POINTING DOUBLE ANGLE QUOTATION MARK}"]
]
FRENCH_INNER_PAIRS = [
    (
        MarkStyle.SINGLE_GUILLEMET,
        "\N{SINGLE LEFT-POINTING ANGLE QUOTATION MARK}\N{NO-BREAK SPACE}",
        "\N{NO-BREAK SPACE}\N{SINGLE RIGHT-POINTING ANGLE QUOTATION MARK}",
    ),
    (MarkStyle.CURLY_DOUBLE, "\N{LEFT DOUBLE QUOTATION MARK}", "\N{RIGHT DOUBLE QUOTATION MARK}"),
]


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
        text += part.after
    return text, expected


def as_expected(span: QuoteMarkSpan) -> Expected:
    assert span.closed
    return Expected(span.start, span.end, span.style, tuple(map(as_expected, span.inner)))


@given(clean_documents)
def test_well_formed_nesting_is_found_exactly(paragraphs: list[list[str | Quoted]]) -> None:
    """Well-formed quotes, nested in alternating levels, are found exactly."""
    assert_found_exactly(paragraphs)


def assert_found_exactly(paragraphs: list[list[str | Quoted]]) -> None:
    """The quotations of *paragraphs*, one per line, are the spans find_quote_marks gives."""
    text = ""
    expected: list[Expected] = []
    for paragraph in paragraphs:
        rendered, spans = render(paragraph, len(text))
        text += rendered + "\n"
        expected.extend(spans)
    assert [as_expected(span) for span in find_quote_marks(text)] == expected


@given(documents(FRENCH_PAIRS, FRENCH_INNER_PAIRS))
def test_french_spaced_guillemets_are_found_exactly(paragraphs: list[list[str | Quoted]]) -> None:
    """« … » with spaces inside, nesting ‹ … › or “…”, are found exactly, punctuation after."""
    assert_found_exactly(paragraphs)


def well_paired(quoted: Quoted) -> bool:
    return all(
        paired_marks(quoted.style, p.style if isinstance(p, Quoted) else None) for p in quoted.parts
    )


#: ``"… 'nested'",``: a quotation in straight or doubled marks that ends with a nested one,
#: punctuation right after its closer.
nested_at_the_end_then_punctuation = st.builds(
    lambda pair, parts, last, after: Quoted(pair[0], pair[1], pair[2], (*parts, last), after),
    st.sampled_from([pair for pair in OUTER_PAIRS if pair[2] in {'"', "''"}]),
    st.lists(clean_words, max_size=2),
    quotations(INNER_PAIRS, None),
    st.sampled_from([after for after in AFTER_CLOSER if after]),
).filter(well_paired)


@given(nested_at_the_end_then_punctuation)
def test_a_straight_closer_after_a_nested_quote_and_before_punctuation_closes(
    quoted: Quoted,
) -> None:
    """``"a 'b'",``: the double closes after the single one, with punctuation after it."""
    assert_found_exactly([["Mayor", quoted, "left"]])
