"""The quotation-mark layer: pairing marks in raw text, one behaviour per test."""

from __future__ import annotations

import pytest

from quoteattr._marks import find_quote_marks, paragraph_spans
from quoteattr._types import MarkStyle, QuoteMarkSpan


def only(text: str) -> QuoteMarkSpan:
    spans = find_quote_marks(text)
    assert len(spans) == 1, spans
    return spans[0]


def texts(text: str) -> list[str]:
    return [span.text for span in find_quote_marks(text)]


def marked(text: str, span: QuoteMarkSpan) -> str:
    return text[span.start : span.end]


# Each style


@pytest.mark.parametrize(
    ("text", "style"),
    [
        ('The mayor said "we will rebuild" on Tuesday.', MarkStyle.STRAIGHT_DOUBLE),
        ("The mayor said “we will rebuild” on Tuesday.", MarkStyle.CURLY_DOUBLE),
        ("The mayor said ‘we will rebuild’ on Tuesday.", MarkStyle.CURLY_SINGLE),
        ("The mayor said 'we will rebuild' on Tuesday.", MarkStyle.STRAIGHT_SINGLE),
        ("The mayor said ''we will rebuild'' on Tuesday.", MarkStyle.DOUBLED_APOSTROPHE),
        ("The mayor said ``we will rebuild'' on Tuesday.", MarkStyle.BACKTICK),
        ("The mayor said «we will rebuild» on Tuesday.", MarkStyle.GUILLEMET),
        ("The mayor said ‹we will rebuild› on Tuesday.", MarkStyle.SINGLE_GUILLEMET),
        ("The mayor said „we will rebuild“ on Tuesday.", MarkStyle.LOW_HIGH),
        ("The mayor said ‚we will rebuild‘ on Tuesday.", MarkStyle.LOW_HIGH_SINGLE),
        ("The mayor said 「we will rebuild」 on Tuesday.", MarkStyle.CORNER),
    ],
)
def test_each_style_is_paired(text: str, style: MarkStyle) -> None:
    """Every supported pair of marks gives one span of its style, content without the marks."""
    span = only(text)
    assert (span.text, span.style, span.closed) == ("we will rebuild", style, True)


def test_guillemets_pointing_inwards() -> None:
    """German and Danish »…« pair as guillemets too."""
    span = only("Der Minister sagte »wir bauen neu« am Dienstag.")
    assert (span.text, span.style) == ("wir bauen neu", MarkStyle.GUILLEMET)


def test_single_guillemets_pointing_inwards() -> None:
    """›…‹ pairs as single guillemets."""
    span = only("Er sagte ›nie wieder‹ und ging.")
    assert (span.text, span.style) == ("nie wieder", MarkStyle.SINGLE_GUILLEMET)


def test_low_high_closed_by_right_double_mark() -> None:
    """Polish „…” pairs as low-high."""
    span = only("Minister powiedział „odbudujemy” we wtorek.")
    assert (span.text, span.style) == ("odbudujemy", MarkStyle.LOW_HIGH)


def test_low_high_single_closed_by_right_single_mark() -> None:
    """‚…’ pairs as low-high single."""
    span = only("Sie nannte es ‚einen Fehler’ und ging.")
    assert (span.text, span.style) == ("einen Fehler", MarkStyle.LOW_HIGH_SINGLE)


def test_white_corner_brackets() -> None:
    """『…』 pairs as corner brackets."""
    span = only("彼は『はい』と言った。")
    assert (span.text, span.style) == ("はい", MarkStyle.CORNER)


def test_french_guillemets_keep_their_inner_spaces() -> None:
    """« … » spaced the French way pairs, and the spaces belong to the content."""
    span = only("Elle a dit « nous reviendrons » hier.")
    assert span.text == " nous reviendrons "


# Offsets


def test_offsets_include_the_marks_and_the_content_excludes_them() -> None:
    """start/end cover the marks; content_start/content_end cover what lies between."""
    text = 'Then "go home" she said.'
    span = only(text)
    assert (span.start, span.content_start, span.content_end, span.end) == (5, 6, 13, 14)
    assert marked(text, span) == '"go home"'


def test_offsets_are_str_indices_past_astral_characters() -> None:
    """Offsets count Python str characters, so emoji before a quote do not shift them."""
    text = "🎉🎉 Fans shouted “again” twice."
    span = only(text)
    assert text[span.content_start : span.content_end] == "again"
    assert marked(text, span) == "“again”"


def test_offsets_survive_crlf_line_ends() -> None:
    """Windows line ends are not normalised away, so offsets still slice the original."""
    text = "First line.\r\nShe said “fine” and left.\r\n"
    span = only(text)
    assert marked(text, span) == "“fine”"


def test_doubled_apostrophe_span_covers_both_apostrophes() -> None:
    """The NYT's two-apostrophe marks are two characters on each side."""
    text = "He said ''not today'' and left."
    span = only(text)
    assert marked(text, span) == "''not today''"
    assert (span.content_start - span.start, span.end - span.content_end) == (2, 2)


# Nesting


def test_single_quote_nested_in_double_quote() -> None:
    """A quote inside a quote is in the outer span's inner tuple, not at top level."""
    text = "“He called it ‘a farce,’ and left.”"
    outer = only(text)
    assert outer.text == "He called it ‘a farce,’ and left."
    (inner,) = outer.inner
    assert (inner.text, inner.style) == ("a farce,", MarkStyle.CURLY_SINGLE)
    assert outer.content_start <= inner.start < inner.end <= outer.content_end


def test_three_levels_of_nesting() -> None:
    """Nesting is recursive: a double inside a single inside a double."""
    text = "“She wrote, ‘Read “the memo” first,’ yesterday.”"
    (middle,) = only(text).inner
    (innermost,) = middle.inner
    assert innermost.text == "the memo"


def test_several_inner_quotes_in_document_order() -> None:
    """Two nested quotes both stay inside the outer one, in order."""
    span = only("“It was ‘late’ and ‘cold’ there,” she said.")
    assert [inner.text for inner in span.inner] == ["late", "cold"]


def test_straight_double_nested_in_straight_double() -> None:
    """A straight pair opened inside an open straight quote nests when the outer one closes."""
    span = only('"Do you call that "progress" at all?" he asked.')
    assert span.text == 'Do you call that "progress" at all?'
    assert [inner.text for inner in span.inner] == ["progress"]


def test_crossed_marks_close_the_outer_quote() -> None:
    """When the outer quote closes first, the single quote still open inside it is dropped."""
    span = only("“We are ‘nearly there,” he said, and left’ again.")
    assert (span.text, span.inner) == ("We are ‘nearly there,", ())


def test_nyt_tripled_apostrophes_close_single_then_double() -> None:
    """``'''`` after a nested quote closes the single quote, then the double one."""
    text = "''He told me, 'Not yet.''' she said. ''Fine.''"
    first, second = find_quote_marks(text)
    assert first.text == "He told me, 'Not yet.'"
    assert [inner.text for inner in first.inner] == ["Not yet."]
    assert second.text == "Fine."


def test_nyt_tripled_apostrophes_open_double_then_single() -> None:
    """``'''`` before a word opens the double quote, then the single one."""
    span = only("He shouted, '''Stop,' I said,'' and ran.")
    assert span.style is MarkStyle.DOUBLED_APOSTROPHE
    assert span.text == "'Stop,' I said,"
    assert [inner.text for inner in span.inner] == ["Stop,"]


# Paragraphs and multi-paragraph quotes


def test_two_paragraph_quote_is_one_span() -> None:
    """An open quote reopened at the start of the next paragraph continues there."""
    text = "“We will build the bridge.\n“And we will pay for it,” she said."
    span = only(text)
    assert (span.paragraphs, span.closed) == (2, True)
    assert span.text == "We will build the bridge.\n“And we will pay for it,"


def test_three_paragraph_quote_is_one_span() -> None:
    """Only the last of three paragraphs closes the quote."""
    text = '"One.\n\n"Two.\n\n"Three," he said.'
    span = only(text)
    assert span.paragraphs == 3
    assert (span.start, span.end) == (0, text.index(" he"))


def test_multi_paragraph_quote_keeps_nested_quotes_of_every_paragraph() -> None:
    """Quotes nested in any paragraph of a long quote belong to it."""
    span = only("“It was ‘bad.’\n“Then ‘worse,’ really.”")
    assert [inner.text for inner in span.inner] == ["bad.", "worse,"]


def test_paragraph_without_reopening_mark_ends_the_quote() -> None:
    """The next paragraph starting without a mark leaves the quote unclosed at its paragraph."""
    text = "“We will build it.\nThe council voted. “Good,” said one."
    first, second = find_quote_marks(text)
    assert (first.text, first.closed, first.paragraphs) == ("We will build it.", False, 1)
    assert first.end == first.content_end == text.index("\n")
    assert (second.text, second.closed) == ("Good,", True)


def test_reopening_mark_must_match_the_style() -> None:
    """A paragraph opening with another style does not continue the quote."""
    text = '“We will build it.\n"Good," said one.'
    first, second = find_quote_marks(text)
    assert (first.closed, second.text) == (False, "Good,")


def test_reopening_allows_leading_spaces_and_blank_lines() -> None:
    """Indentation and blank lines between the paragraphs do not stop the continuation."""
    span = only("''First part.\r\n\r\n   ''Second part,'' he said.")
    assert (span.paragraphs, span.closed) == (2, True)


def test_quote_does_not_cross_a_line_break_otherwise() -> None:
    """Without the reopening convention, a quote cannot pair with a mark in the next line."""
    text = 'He said "yes\nand" she said'
    (span,) = find_quote_marks(text)
    assert (span.text, span.closed) == ("yes", False)


@pytest.mark.parametrize(
    "separator", ["\n", "\r\n", "\r", "\N{LINE SEPARATOR}", "\N{PARAGRAPH SEPARATOR}"]
)
def test_every_line_break_separates_paragraphs(separator: str) -> None:
    """All five line breaks end a paragraph."""
    text = f'"open{separator}close"'
    assert [span.closed for span in find_quote_marks(text)] == [False]


# Apostrophes


@pytest.mark.parametrize(
    "text",
    [
        "She didn’t go, and it's late for O’Brien.",
        "They won the ’90s and the '80s and even the ‘70s.",
        "Give 'em hell, 'til dawn, 'tis true, 'cause we can.",
        "A night of rock 'n' roll and rock ’n’ roll.",
        "The Joneses’ house and the voters' concerns.",
        "The candidates’ plans differ.",
    ],
)
def test_apostrophes_are_not_quotes(text: str) -> None:
    """Contractions, elisions and plural possessives give no span."""
    assert find_quote_marks(text) == []


def test_apostrophes_inside_a_quote_do_not_close_it() -> None:
    """don’t, ’90s and rock ’n’ roll inside a single quote leave it open until its closer."""
    span = only("He said ‘don’t play ’90s rock ’n’ roll here’ loudly.")
    assert span.text == "don’t play ’90s rock ’n’ roll here"


def test_plural_possessive_inside_an_open_single_quote() -> None:
    """voters’ is an apostrophe when a later mark can close the open single quote."""
    span = only("‘The voters’ worries matter,’ she said.")
    assert span.text == "The voters’ worries matter,"


def test_straight_plural_possessive_inside_an_open_single_quote() -> None:
    """voters' is an apostrophe when a later straight mark closes the quote."""
    span = only("'The voters' worries matter,' she said.")
    assert span.text == "The voters' worries matter,"


def test_plural_ending_closes_a_single_quote_when_nothing_else_can() -> None:
    """A mark after a plural closes an open single quote if no later mark could."""
    span = only("He called them ‘dangerous games’ and left.")
    assert span.text == "dangerous games"


def test_possessive_after_a_closing_quote() -> None:
    """The ’s after a quoted title is an apostrophe, not an opening mark."""
    text = "the “Evening Hour”’s host said ‘maybe’ later."
    assert texts(text) == ["Evening Hour", "maybe"]


def test_unclosed_single_mark_is_an_apostrophe() -> None:
    """A single mark that never closes gives no span."""
    assert find_quote_marks("The ‘old days were better, he said.") == []


def test_inch_marks_are_not_quotes() -> None:
    """The double mark of 6'2" does not open a quote that swallows the rest."""
    assert texts('He is 6\'2" and she said "tall" twice.') == ["tall"]


def test_inch_marks_do_not_close_an_open_quote() -> None:
    """Inside a quote, the double mark of 6'2" does not close it."""
    span = only('"He is 6\'2" and fast," the coach said.')
    assert span.text == "He is 6'2\" and fast,"


def test_curly_inch_marks_do_not_close_an_open_quote() -> None:
    """6’2” inside a curly quote does not close it either."""
    span = only("“He is 6’2” and fast,” the coach said.")
    assert span.text == "He is 6’2” and fast,"


# Unclosed and stray marks


def test_unclosed_double_runs_to_the_end_of_its_paragraph() -> None:
    """An unclosed opener gives closed=False, content to the paragraph's end, end == content_end."""
    text = 'She said "we will win this time.   \nLater "it worked" she said.'
    first, second = find_quote_marks(text)
    assert (first.text, first.closed) == ("we will win this time.", False)
    assert first.end == first.content_end
    assert (second.text, second.closed) == ("it worked", True)


def test_unclosed_double_keeps_its_nested_single_quote() -> None:
    """An unclosed quote keeps the single quotes nested in it."""
    span = only("“She called it ‘a start’ and moved on.")
    assert (span.closed, [inner.text for inner in span.inner]) == (False, ["a start"])


def test_unclosed_single_gives_up_its_nested_quotes() -> None:
    """Quotes found inside an unclosed single mark move up to the top level."""
    assert texts("It was ‘he said “fine” to me.") == ["fine"]


def test_fresh_opener_recovers_the_following_pair() -> None:
    """In He said "yes and she said "no" to it. the "no" pair is found whole."""
    text = 'He said "yes and she said "no" to it.'
    first, second = find_quote_marks(text)
    assert (first.text, first.closed) == ("yes and she said", False)
    assert (second.text, second.closed, marked(text, second)) == ("no", True, '"no"')


def test_complete_quote_inside_an_unclosed_one_stands_alone() -> None:
    """An unclosed straight quote stops before a complete curly quote inside it."""
    text = '"He tried to joke, “Only on Sundays.” But it failed.'
    first, second = find_quote_marks(text)
    assert (first.text, first.closed) == ("He tried to joke,", False)
    assert (second.text, second.closed) == ("Only on Sundays.", True)


def test_stray_closing_mark_is_ignored() -> None:
    """A closing mark with nothing to close changes nothing."""
    assert texts("He left.” Then she said “stay” quietly.") == ["stay"]


def test_stray_straight_mark_is_ignored() -> None:
    """A straight mark that can only close, with nothing open, changes nothing."""
    assert texts('He left." Then she said "stay" quietly.') == ["stay"]


def test_straight_mark_between_spaces_is_ignored() -> None:
    """A straight mark with spaces on both sides neither opens nor closes."""
    assert find_quote_marks('Five " six') == []


def test_bad_mark_does_not_swallow_the_rest_of_the_document() -> None:
    """After an unclosed quote, every later paragraph is paired as usual."""
    text = "He began “and never stopped.\n\nThen “One,” she said.\n\n“Two,” he said."
    spans = find_quote_marks(text)
    assert [(span.text, span.closed) for span in spans] == [
        ("and never stopped.", False),
        ("One,", True),
        ("Two,", True),
    ]


# Direction from context


def test_closing_mark_without_a_space_after_it() -> None:
    """said."Next still closes: a missing space after a closing mark is a typo."""
    assert texts('"We won."She smiled. "Again."') == ["We won.", "Again."]


def test_closing_mark_with_a_space_before_it() -> None:
    """A closing mark set off by a space after a nested quote still closes."""
    text = "\"She told me, 'not now,' \" he said."
    span = only(text)
    assert span.text == "She told me, 'not now,' "
    assert [inner.text for inner in span.inner] == ["not now,"]


def test_doubled_apostrophe_closing_after_a_space() -> None:
    """The NYT's ``''`` closing after a space still closes."""
    span = only("''It was, he said, 'a mess,' '' the aide recalled.")
    assert span.text == "It was, he said, 'a mess,' "


def test_left_curly_mark_typed_as_a_closer() -> None:
    """A left mark where only a closing mark makes sense closes an open curly quote."""
    assert texts("They called it “a mistake“ twice.") == ["a mistake"]


def test_right_curly_mark_typed_as_an_opener() -> None:
    """A right mark where only an opening mark makes sense opens a curly quote."""
    span = only("Aides said it ”went well” overall.")
    assert (span.text, span.style) == ("went well", MarkStyle.CURLY_DOUBLE)


def test_straight_mark_closes_a_curly_quote() -> None:
    """Sources that mix styles close “…" as one quote."""
    assert texts('She said “we tried," and then "we won.”') == ["we tried,", "we won."]


# Empty quotes and decoration


def test_empty_quote_is_not_reported() -> None:
    """An empty pair of marks pairs up but holds no quotation, so it is not returned."""
    assert texts('The field was "" and he said "done".') == ["done"]


def test_blank_quote_is_not_reported() -> None:
    """A pair holding only spaces is not returned either."""
    assert texts("Blank « » here and «full» there.") == ["full"]


def test_empty_nyt_quote_is_not_reported() -> None:
    """Four apostrophes in a row are an empty doubled-apostrophe quote."""
    assert texts("Then '''' and ''later'' again.") == ["later"]


def test_run_of_marks_is_decoration() -> None:
    """Eight or more marks with only spaces between are skipped, not paired."""
    assert texts('"""""""" \n" " " " " " " "\nShe said "ok".') == ["ok"]


def test_paragraph_made_mostly_of_marks_is_skipped() -> None:
    """A paragraph of many marks and little else is not prose: no spans, the next one is read."""
    noise = "“a” ‘b’ «c» " * 6
    assert texts(f"{noise}\nShe said “fine” then.") == ["fine"]


def test_nesting_is_capped() -> None:
    """Openers nested deeper than eight levels are ignored, so pathological input stays cheap."""

    def depth(spans: tuple[QuoteMarkSpan, ...]) -> int:
        return 1 + max((depth(span.inner) for span in spans), default=0) if spans else 0

    text = "“a " * 20 + "b" + "” c" * 20
    assert depth(tuple(find_quote_marks(text))) == 8


def test_empty_text() -> None:
    """No text, no quotes."""
    assert find_quote_marks("") == []


def test_str_subclass_is_accepted() -> None:
    """A subclass of str is a str."""

    class Note(str):
        __slots__ = ()

    assert texts(Note('He said "hi".')) == ["hi"]


# Type errors


def test_bytes_raise_type_error_saying_to_decode() -> None:
    """bytes are refused with a message naming the type and saying to decode first."""
    with pytest.raises(TypeError, match=r"got bytes: decode it first"):
        find_quote_marks(b'"quoted"')  # type: ignore[arg-type]


@pytest.mark.parametrize(("value", "name"), [(None, "NoneType"), (42, "int")])
def test_non_str_raises_type_error_naming_the_type(value: object, name: str) -> None:
    """None and int are refused with a message naming their type."""
    with pytest.raises(TypeError, match=rf"needs a str, got {name}$"):
        find_quote_marks(value)  # type: ignore[arg-type]


# paragraph_spans


def test_paragraph_spans_split_at_every_line_break() -> None:
    """\\n, \\r\\n, \\r, LINE SEPARATOR and PARAGRAPH SEPARATOR all end a paragraph."""
    text = "a\nb\r\nc\rd\N{LINE SEPARATOR}e\N{PARAGRAPH SEPARATOR}f"
    assert [text[start:end] for start, end in paragraph_spans(text)] == list("abcdef")


def test_paragraph_spans_skip_blank_lines_and_keep_indentation() -> None:
    """Blank lines are not paragraphs; a paragraph's own spaces stay in its span."""
    text = "\n  first \n \t \n\nsecond"
    assert paragraph_spans(text) == [(1, 9), (15, 21)]


def test_paragraph_spans_refuse_bytes() -> None:
    """paragraph_spans checks its argument like find_quote_marks."""
    with pytest.raises(TypeError, match="decode it first"):
        paragraph_spans(b"text")  # type: ignore[arg-type]
