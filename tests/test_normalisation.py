"""Text as users actually pass it: Windows line ends, odd spaces, invisible characters, entities.

Nothing is normalised in the caller's string: whatever the input, every offset in a result
slices the input back to the result's text. The sentences are our own.
"""

from __future__ import annotations

import html
import unicodedata
from typing import TYPE_CHECKING

import pytest

from quoteattr import Quote, QuoteExtractor, QuoteKind, find_quote_marks
from quoteattr._cues import default_lexicon

if TYPE_CHECKING:
    from collections.abc import Sequence

    from quoteattr._types import QuoteMarkSpan

#: Our own article: a quote continued over two paragraphs, quotes before and after their cue,
#: reported speech without marks, a nested quote, a quote continued in the next sentence.
ARTICLE_LINES = [
    "Harbour Minister Teresa Okafor spoke at the quay on Monday.",
    "",
    '"The ferry will run again by June. The engines are ready.',
    "",
    '"Ticket prices will not change," she said.',
    "Okafor said the pier had held through the storm.",
    "“We called it ‘the long winter’ for a reason,” said Ana Ruiz, the harbour master.",
    "",
    "Ruiz added that repairs would cost more than planned.",
    '"We are not finished," she said. "Not yet."',
    "Asked about the budget, Okafor said: “It is enough.”",
]

#: Spaces that are not U+0020 but look like one: no-break, thin, narrow no-break.
UNICODE_SPACES = ["\N{NO-BREAK SPACE}", "\N{THIN SPACE}", "\N{NARROW NO-BREAK SPACE}"]
#: Invisible format characters (Unicode category Cf) that copy and paste leaves inside words.
FORMAT_CHARACTERS = [
    "\N{SOFT HYPHEN}",
    "\N{ZERO WIDTH SPACE}",
    "\N{ZERO WIDTH NON-JOINER}",
    "\N{ZERO WIDTH JOINER}",
    "\N{WORD JOINER}",
    "\N{ZERO WIDTH NO-BREAK SPACE}",
]


def attributed(quotes: list[Quote]) -> list[tuple[QuoteKind, str, str | None, str | None]]:
    """(kind, text, speaker mention, cue lemma) of each quote."""
    return [
        (q.kind, q.text, q.speaker.text if q.speaker else None, q.cue.lemma if q.cue else None)
        for q in quotes
    ]


def assert_slices_back(text: str, quotes: list[Quote]) -> None:
    """Every quote, speaker and cue is a slice of the caller's *text*."""
    for quote in quotes:
        assert text[quote.start : quote.end] == quote.text
        if quote.speaker is not None:
            assert text[quote.speaker.start : quote.speaker.end] == quote.speaker.text
        if quote.cue is not None:
            assert text[quote.cue.start : quote.cue.end] == quote.cue.text


def assert_marks_slice_back(text: str, spans: Sequence[QuoteMarkSpan]) -> None:
    """Every span, and every span inside one, is a slice of *text*."""
    for span in spans:
        assert text[span.content_start : span.content_end] == span.text
        assert span.start <= span.content_start <= span.content_end <= span.end <= len(text)
        assert_marks_slice_back(text, span.inner)


def mark_shapes(text: str) -> list[tuple[str, str, bool, int]]:
    """(text, style, closed, paragraphs) of each top-level span."""
    return [(s.text, s.style.value, s.closed, s.paragraphs) for s in find_quote_marks(text)]


# Line endings


@pytest.mark.parametrize("newline", ["\r\n", "\r"], ids=["CRLF", "CR"])
def test_line_ends_give_the_same_marks(newline: str) -> None:
    """Windows and old Mac line ends split paragraphs as \\n does, the continued quote too."""
    unix = "\n".join(ARTICLE_LINES)
    text = newline.join(ARTICLE_LINES)
    assert mark_shapes(text) == [
        (content.replace("\n", newline), style, closed, paragraphs)
        for content, style, closed, paragraphs in mark_shapes(unix)
    ]
    assert find_quote_marks(text)[0].paragraphs == 2
    assert_marks_slice_back(text, find_quote_marks(text))


@pytest.mark.model
@pytest.mark.parametrize("newline", ["\r\n", "\r"], ids=["CRLF", "CR"])
def test_line_ends_give_the_same_quotes(extractor: QuoteExtractor, newline: str) -> None:
    """The same quotes, speakers and cues whatever the line ends, offsets in the caller's text."""
    unix = "\n".join(ARTICLE_LINES)
    text = newline.join(ARTICLE_LINES)
    quotes = extractor(text)
    expected = [
        (kind, content.replace("\n", newline), speaker, cue)
        for kind, content, speaker, cue in attributed(extractor(unix))
    ]
    assert attributed(quotes) == expected
    assert {kind for kind, *_ in expected} == {QuoteKind.DIRECT, QuoteKind.INDIRECT}
    assert all(speaker is not None for _, _, speaker, _ in expected)
    assert_slices_back(text, quotes)


@pytest.mark.model
@pytest.mark.parametrize("newline", ["\r\n", "\r"], ids=["CRLF", "CR"])
def test_line_ends_give_the_same_quotes_when_parsing_selectively(
    extractor: QuoteExtractor, newline: str
) -> None:
    """parse="relevant" cuts sentences at line ends too, whichever the text uses."""
    selective = QuoteExtractor(extractor.nlp, parse="relevant")
    unix = "\n".join(ARTICLE_LINES)
    text = newline.join(ARTICLE_LINES)
    quotes = selective(text)
    expected = [
        (kind, content.replace("\n", newline), speaker, cue)
        for kind, content, speaker, cue in attributed(selective(unix))
    ]
    assert attributed(quotes) == expected
    assert_slices_back(text, quotes)


# Unicode spaces


@pytest.mark.parametrize("space", UNICODE_SPACES, ids=["NBSP", "thin", "narrow NBSP"])
def test_unicode_spaces_count_as_spaces_around_marks(space: str) -> None:
    """A mark next to a no-break or thin space pairs exactly as next to a plain space."""
    text = "\n".join(ARTICLE_LINES)
    spaced = text.replace(" ", space)
    plain_spans = find_quote_marks(text)
    spans = find_quote_marks(spaced)
    assert [(s.start, s.end, s.style, s.closed) for s in spans] == [
        (s.start, s.end, s.style, s.closed) for s in plain_spans
    ]
    assert [s.text for s in spans] == [s.text.replace(" ", space) for s in plain_spans]


def test_french_spacing_inside_guillemets() -> None:
    """« … » with narrow no-break spaces inside, as French typesetting puts them, pairs."""
    thin = "\N{NARROW NO-BREAK SPACE}"
    text = f"Le ministre a déclaré «{thin}nous partons{thin}» lundi."
    [span] = find_quote_marks(text)
    assert span.closed
    assert span.text.strip() == "nous partons"


@pytest.mark.model
@pytest.mark.parametrize("space", UNICODE_SPACES, ids=["NBSP", "thin", "narrow NBSP"])
def test_unicode_spaces_between_words(extractor: QuoteExtractor, space: str) -> None:
    """A no-break space inside the speaker's name and around the quote keeps the attribution."""
    text = f'"We leave at dawn,"{space}said Teresa{space}Okafor,{space}the minister.'
    [quote] = extractor(text)
    assert quote.text == "We leave at dawn,"
    assert quote.speaker is not None
    assert quote.speaker.text.startswith(f"Teresa{space}Okafor")
    assert quote.cue is not None
    assert quote.cue.lemma == "say"
    assert_slices_back(text, [quote])


#: Our own sentences with a space between words that the parse must read through: inside a
#: name, before an apposition, throughout a report without marks.
SPACED_TEMPLATES = [
    '"We leave at dawn,"{s}said Teresa{s}Okafor,{s}the minister.',
    '"We leave at dawn," said Teresa{s}Okafor, the harbour minister.',
    "Okafor{s}said{s}the{s}pier{s}had{s}held.",
]


def positions(quotes: list[Quote]) -> list[tuple[object, ...]]:
    """Kind, offsets, speaker and cue offsets and cue lemma of each quote: no texts."""
    return [
        (
            q.kind,
            q.start,
            q.end,
            (q.speaker.start, q.speaker.end) if q.speaker else None,
            (q.cue.start, q.cue.end, q.cue.lemma) if q.cue else None,
        )
        for q in quotes
    ]


@pytest.mark.model
@pytest.mark.parametrize("space", UNICODE_SPACES, ids=["NBSP", "thin", "narrow NBSP"])
def test_unicode_spaces_attribute_as_plain_spaces(extractor: QuoteExtractor, space: str) -> None:
    """A no-break or thin space between words gives the quotes a plain space gives."""
    for template in SPACED_TEMPLATES:
        plain = template.format(s=" ")
        assert positions(extractor(template.format(s=space))) == positions(extractor(plain))


# Invisible format characters


@pytest.mark.parametrize("invisible", FORMAT_CHARACTERS, ids=lambda c: f"U+{ord(c):04X}")
def test_the_lexicon_reads_through_invisible_characters(invisible: str) -> None:
    """A soft hyphen or zero-width character inside a verb does not hide the cue."""
    lexicon = default_lexicon()
    said = f"sa{invisible}id"
    assert lexicon.lemma_of(said, said) == "say"
    criticized = f"criti{invisible}cized"
    assert lexicon.lemma_of(criticized, criticized) == "criticize"
    assert lexicon.lemma_of(f"Sa{invisible}ys", "") == "say"
    assert lexicon.lemma_of(f"ta{invisible}ble", f"ta{invisible}ble") is None


@pytest.mark.model
@pytest.mark.parametrize("invisible", FORMAT_CHARACTERS, ids=lambda c: f"U+{ord(c):04X}")
def test_invisible_character_inside_the_cue(extractor: QuoteExtractor, invisible: str) -> None:
    """ "…," Okafor criti<SHY>cized: the cue is found, and its text keeps the character."""
    cue_word = f"criti{invisible}cized"
    text = f'"The bridge is unsafe," Okafor {cue_word}.'
    [quote] = extractor(text)
    assert quote.speaker is not None
    assert quote.speaker.text == "Okafor"
    assert quote.cue is not None
    assert (quote.cue.text, quote.cue.lemma) == (cue_word, "criticize")
    assert_slices_back(text, [quote])


@pytest.mark.model
def test_invisible_character_inside_a_cue_before_a_partial_quote(
    extractor: QuoteExtractor,
) -> None:
    """Okafor criti<SHY>cized the plan as "…": the partial quote is hers."""
    text = 'Okafor criti\N{SOFT HYPHEN}cized the plan as "rushed and careless."'
    assert attributed(extractor(text)) == [
        (QuoteKind.PARTIAL, "rushed and careless.", "Okafor", "criticize")
    ]


@pytest.mark.model
def test_invisible_character_inside_a_short_cue(extractor: QuoteExtractor) -> None:
    """ "…," Okafor sa<ZWSP>id: the cue is found even when the parser does not know the word."""
    text = '"The bridge is unsafe," Okafor sa\N{ZERO WIDTH SPACE}id.'
    assert attributed(extractor(text)) == [
        (QuoteKind.DIRECT, "The bridge is unsafe,", "Okafor", "say")
    ]


@pytest.mark.model
def test_soft_hyphen_inside_a_name(extractor: QuoteExtractor) -> None:
    """A soft hyphen (from a CMS's hyphenation) inside the speaker's name stays in its text."""
    name = "Teresa Oka\N{SOFT HYPHEN}for"
    text = f'"The bridge is unsafe," {name} said.'
    [quote] = extractor(text)
    assert quote.speaker is not None
    assert quote.speaker.text == name
    assert_slices_back(text, [quote])


#: An invisible character at a word's edge, glued by spaCy's tokenizer to the mark or the
#: word beside it: a byte order mark left by reading a file as utf-8 instead of utf-8-sig, a
#: zero-width space after a colon, bidi controls around a quote, one after the verb.
RLO, PDF = "\N{RIGHT-TO-LEFT OVERRIDE}", "\N{POP DIRECTIONAL FORMATTING}"
EDGE_TEXTS = [
    '\N{ZERO WIDTH NO-BREAK SPACE}"The bridge is unsafe," Okafor said.',
    'Okafor said:\N{ZERO WIDTH SPACE}"We leave at dawn."',
    f'{RLO}"We leave at dawn," Okafor said.{PDF}',
    '"The bridge is unsafe," Okafor said\N{ZERO WIDTH SPACE}.',
]


@pytest.mark.model
@pytest.mark.parametrize("text", EDGE_TEXTS)
def test_invisible_character_at_a_word_edge(extractor: QuoteExtractor, text: str) -> None:
    """A format character beside a mark or a verb reads as the space it looks like."""
    visible = "".join(" " if unicodedata.category(char) == "Cf" else char for char in text)
    quotes = extractor(text)
    assert_slices_back(text, quotes)
    assert attributed(quotes) == attributed(extractor(visible))


# HTML entities: not read in place; callers unescape first


ENTITY_TEXTS = [
    "&quot;The bridge is unsafe,&quot; Okafor said.",
    "&#8220;The bridge is unsafe,&#8221; Okafor said.",
    "&ldquo;The bridge is unsafe,&rdquo; Okafor said.",
    "&#x201C;The bridge is unsafe,&#x201D; Okafor said.",
]


@pytest.mark.parametrize("text", ENTITY_TEXTS)
def test_entities_are_not_marks(text: str) -> None:
    """&quot; and its kin are text, not quotation marks: callers unescape HTML first."""
    assert find_quote_marks(text) == []
    [span] = find_quote_marks(html.unescape(text))
    assert span.text == "The bridge is unsafe,"


@pytest.mark.model
@pytest.mark.parametrize("text", ENTITY_TEXTS)
def test_entity_text_gives_a_valid_result_and_unescaped_text_the_quote(
    extractor: QuoteExtractor, text: str
) -> None:
    """Escaped text neither raises nor gives stray offsets; html.unescape gives the quote."""
    assert_slices_back(text, extractor(text))
    unescaped = html.unescape(text)
    assert attributed(extractor(unescaped)) == [
        (QuoteKind.DIRECT, "The bridge is unsafe,", "Okafor", "say")
    ]


# Characters that must not crash anything

ODD_TEXTS = [
    '"We won 🎉," Okafor said 👍.',
    '"Family first 👩\N{ZERO WIDTH JOINER}👩\N{ZERO WIDTH JOINER}👧," Okafor said.',
    '\N{RIGHT-TO-LEFT OVERRIDE}"We leave at dawn," Okafor said.\N{POP DIRECTIONAL FORMATTING}',
    '\N{LEFT-TO-RIGHT ISOLATE}"We leave at dawn,"\N{POP DIRECTIONAL ISOLATE} Okafor said.',
    '"\N{COMBINING ACUTE ACCENT}We leave at dawn,"\N{COMBINING ACUTE ACCENT} Okafor said.',
    "“\N{COMBINING DIAERESIS}Zoe\N{COMBINING DIAERESIS} stays,” Okafor said\N{COMBINING CEDILLA}.",
    'Okafor said:\N{ZERO WIDTH SPACE}"We leave at dawn."',
    '"\N{ZERO WIDTH SPACE}We leave at dawn,\N{ZERO WIDTH SPACE}" Okafor said.',
]


@pytest.mark.parametrize("text", ODD_TEXTS)
def test_odd_characters_near_marks_keep_marks_valid(text: str) -> None:
    """Emoji, bidi controls and combining marks next to a mark: spans stay slices of the text."""
    spans = find_quote_marks(text)
    assert spans
    assert_marks_slice_back(text, spans)


@pytest.mark.model
@pytest.mark.parametrize("text", ODD_TEXTS)
def test_odd_characters_near_marks_do_not_break_extraction(
    extractor: QuoteExtractor, text: str
) -> None:
    """The same texts extract without error, every offset a slice of the caller's text."""
    quotes = extractor(text)
    assert quotes
    assert_slices_back(text, quotes)
