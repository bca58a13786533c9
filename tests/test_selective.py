"""Selective parsing (parse="relevant"): what is parsed, and that results stay exact."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from quoteattr import ParseMode, QuoteExtractor, QuoteKind, find_quote_marks
from quoteattr._extractor import ALL_KINDS
from quoteattr._selective import check_parse_mode, relevant_text, sentence_spans
from quoteattr._types import MARKED_KINDS
from quoteattr.lang import profile_for

ENGLISH = profile_for("en")

# Our own article: a name introduced early, filler, quotes, reported speech.
ARTICLE = (
    "Harbour Minister Teresa Okafor arrived in Port Lune on Monday. "
    "The weather was mild. Gulls circled the old pier.\n\n"
    "Okafor told reporters that the ferry would run again by June. "
    "Ticket prices have not changed since 2019.\n\n"
    '"We are nearly there. The engines are ready," she said. '
    "A small crowd watched from the quay.\n\n"
    "Fishermen mended their nets. The tide came in at noon."
)


def marks_of(text: str) -> list:  # type: ignore[type-arg]
    return [mark for mark in find_quote_marks(text) if mark.closed and mark.text.strip()]


def blanked(text: str, sentence: str) -> bool:
    """Whether *sentence* of *text* was replaced by spaces."""
    start = ARTICLE.index(sentence)
    return text[start : start + len(sentence)].strip() == ""


def test_the_parse_mode_is_checked() -> None:
    assert check_parse_mode("Relevant") is ParseMode.RELEVANT
    assert check_parse_mode(ParseMode.FULL) is ParseMode.FULL
    with pytest.raises(ValueError, match="parse must be 'full' or 'relevant', not 'fast'"):
        check_parse_mode("fast")
    with pytest.raises(TypeError, match="not int"):
        check_parse_mode(1)


def test_sentences_do_not_end_at_abbreviations_or_inside_a_quote_clause() -> None:
    text = 'Mr. Lee met U.S. officials. "We agreed." he said. Then he left.\nNext line'
    pieces = [text[start:end] for start, end in sentence_spans(text, ENGLISH.abbreviations)]
    assert pieces == [
        "Mr. Lee met U.S. officials. ",
        '"We agreed." he said. ',
        "Then he left.\n",
        "Next line",
    ]


@given(st.text(alphabet=st.sampled_from('ab .!?"“”\n\u00a0AZ:')))
def test_sentences_tile_the_text(text: str) -> None:
    spans = sentence_spans(text, ENGLISH.abbreviations)
    assert "".join(text[start:end] for start, end in spans) == text
    assert all(start < end for start, end in spans)


def test_only_sentences_that_can_matter_are_kept() -> None:
    text = relevant_text(ARTICLE, marks_of(ARTICLE), ALL_KINDS, ENGLISH)
    assert len(text) == len(ARTICLE)
    assert text.count("\n") == ARTICLE.count("\n")
    # Kept: the quote, the report, where the name first appears.
    for sentence in (
        '"We are nearly there. The engines are ready," she said.',
        "Okafor told reporters that the ferry would run again by June.",
        "Harbour Minister Teresa Okafor arrived in Port Lune on Monday.",
    ):
        assert not blanked(text, sentence)
        assert sentence in text
    for sentence in ("The weather was mild.", "Fishermen mended their nets."):
        assert blanked(text, sentence)


def test_quotes_in_marks_only_need_less() -> None:
    text = relevant_text(ARTICLE, marks_of(ARTICLE), MARKED_KINDS, ENGLISH)
    assert blanked(text, "Okafor told reporters that the ferry would run again by June.")
    assert not blanked(text, '"We are nearly there. The engines are ready," she said.')


@pytest.mark.parametrize(
    ("sentence", "kept"),
    [
        ("Okafor says the ferry is late.", True),
        ("According to the port, the ferry is late.", True),
        ("The council states that the pier is safe.", True),
        ("His claim that the pier is safe surprised no one.", True),
        # A noun cue reports only its that-clause.
        ("The statement ran to four pages.", False),
        # A verb's form after a determiner, a possessive or a preposition is a noun.
        ("The state of the pier worried the council.", False),
        ("Her claims about the budget went unanswered.", False),
        ("Ferries sail in many states.", False),
    ],
)
def test_a_reporting_word_that_reads_as_a_noun_keeps_no_sentence(sentence: str, kept: bool) -> None:
    text = f"Rain fell. {sentence} Gulls circled."
    parsed = relevant_text(text, marks_of(text), ALL_KINDS, ENGLISH)
    assert (sentence in parsed) is kept
    assert "Gulls circled." not in parsed


def test_a_quoted_paragraph_keeps_the_sentence_that_introduces_it() -> None:
    text = 'The storm passed. Okafor went on:\n\n"The pier stands. It held."\n\nRain fell.'
    kept = relevant_text(text, marks_of(text), MARKED_KINDS, ENGLISH)
    assert "Okafor went on:" in kept
    assert "The storm passed." not in kept


@given(
    st.lists(
        st.sampled_from(
            [
                "Ana Ruiz spoke. ",
                '"We won," she said. ',
                "Rain fell. ",
                "\n\n",
                "“Yes.” ",
                "He said it. ",
            ]
        ),
        max_size=12,
    )
)
def test_every_quote_survives_whole(pieces: list[str]) -> None:
    text = "".join(pieces)
    marks = marks_of(text)
    kept = relevant_text(text, marks, ALL_KINDS, ENGLISH)
    assert len(kept) == len(text)
    for mark in marks:
        assert kept[mark.start : mark.end] == text[mark.start : mark.end]


@pytest.mark.model
def test_relevant_parsing_finds_the_same_quotes(extractor: QuoteExtractor) -> None:
    selective = QuoteExtractor(extractor.nlp, parse="relevant")
    assert selective.parse is ParseMode.RELEVANT
    full = extractor(ARTICLE)
    found = selective(ARTICLE)
    assert [(q.kind, q.text, q.start) for q in found] == [(q.kind, q.text, q.start) for q in full]
    assert [q.kind for q in found] == [QuoteKind.INDIRECT, QuoteKind.DIRECT]
    for quote in found:
        assert ARTICLE[quote.start : quote.end] == quote.text
        assert quote.speaker is not None
        assert quote.speaker.name == "Teresa Okafor"
    assert list(selective.pipe([ARTICLE, "", "No quotes."])) == [found, [], []]


@pytest.mark.model
def test_a_speaker_after_blanked_sentences_is_named_without_the_blanks(
    extractor: QuoteExtractor,
) -> None:
    # The parse may hang the blanks of the sentences left out from the name after them.
    filler = [
        "The harbour board met on Tuesday and the session ran late into the evening.",
        "Ferries were delayed by fog, and the morning timetable was posted again at noon.",
        "Shops along the quay stayed open, and the market sold out of bread by ten.",
    ]
    quoted = 'Nadia Osei said: "We have waited long enough for this bridge."'
    text = "\n\n".join([*filler, quoted]) + "\n"
    relevant = QuoteExtractor(extractor.nlp, kinds={"direct"}, parse="relevant")
    (quote,) = relevant(text)
    assert quote.speaker is not None
    assert quote.speaker.name == "Nadia Osei"
