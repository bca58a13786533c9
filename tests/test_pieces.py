"""Long texts parsed in pieces: where they are cut, and quotes found as in a whole parse."""

from __future__ import annotations

import itertools
from typing import TYPE_CHECKING, Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from quoteattr import Quote, QuoteKind, Speaker, find_quote_marks
from quoteattr._extractor import (
    EMBEDDING_CHARACTERS,
    PARSE_GROUP_CHARACTERS,
    embedding_batches,
    groups_by_length,
)
from quoteattr._pieces import (
    CONTEXT_CHARACTERS,
    LONG_TEXT_CHARACTERS,
    PIECE_CHARACTERS,
    Piece,
    pieces_of,
    stitched,
)

if TYPE_CHECKING:
    from collections.abc import Iterable, Iterator

    from quoteattr import QuoteExtractor

FILLER = [
    "The harbour board met on Tuesday and the session ran late into the evening.",
    "Ferries were delayed by fog, and the morning timetable was posted again at noon.",
    "Shops along the quay stayed open, and the market sold out of bread by ten.",
]
QUOTED = [
    '"The new pier will open before the summer," {name} told the board.',
    '{name} said: "We have waited long enough for this bridge."',
    '"Nobody expected the tide to rise so fast," said {name}.',
]
NAMES = ["Mirela Vasquez", "Tomas Brandt", "Nadia Osei", "Kofi Adjei"]


def article(paragraphs: int, *, every: int = 7) -> str:
    """Invented news: filler paragraphs, and a quoted one every *every* paragraphs."""
    lines = []
    quotes = itertools.cycle(QUOTED)
    names = itertools.cycle(NAMES)
    for number in range(paragraphs):
        if number % every == every - 1:
            lines.append(next(quotes).format(name=next(names)))
        else:
            lines.append(FILLER[number % len(FILLER)])
    return "\n\n".join(lines) + "\n"


def check_tiling(text: str, pieces: list[Piece], max_length: int) -> None:
    assert pieces[0].own_start == 0
    assert pieces[-1].own_end == len(text)
    for before, after in itertools.pairwise(pieces):
        assert before.own_end == after.own_start
    for piece in pieces:
        assert piece.start <= piece.own_start < piece.own_end <= piece.end
        assert piece.end - piece.start <= max_length


# -- where a long text is cut ------------------------------------------------------------------


def test_a_short_text_is_one_piece() -> None:
    text = article(20)
    assert pieces_of(text, max_length=1_000_000) == [Piece(0, len(text), 0, len(text))]


def test_a_long_text_is_cut_at_paragraph_starts_into_bounded_pieces() -> None:
    text = article(1200)
    assert len(text) > LONG_TEXT_CHARACTERS
    pieces = pieces_of(text, max_length=1_000_000)
    assert len(pieces) > 1
    check_tiling(text, pieces, PIECE_CHARACTERS + 2 * CONTEXT_CHARACTERS)
    for piece in pieces[1:]:
        assert text[piece.own_start - 1] == "\n"
        assert text[piece.start - 1] == "\n"
        assert piece.own_start - piece.start <= CONTEXT_CHARACTERS


def test_a_text_longer_than_max_length_is_cut_below_it() -> None:
    text = article(40)
    pieces = pieces_of(text, max_length=600)
    check_tiling(text, pieces, 600)


def test_no_cut_falls_inside_a_quotation_running_over_paragraphs() -> None:
    # News style: each paragraph of a long quotation reopens it; only the last closes it.
    line = '"Every line of this statement goes on at some length.'
    text = article(30) + "\n\n".join([line] * 12) + '"\n\n' + article(30)
    (quote,) = [mark for mark in find_quote_marks(text) if mark.paragraphs > 1]
    assert quote.paragraphs == 12
    pieces = pieces_of(text, max_length=3_000)
    assert len(pieces) > 2
    for piece in pieces:
        assert not quote.start < piece.own_start < quote.end
        assert not quote.start < piece.start < quote.end


def test_a_text_without_line_breaks_is_cut_between_sentences_then_words() -> None:
    sentences = " ".join(FILLER * 10)
    for piece in pieces_of(sentences, max_length=400)[1:]:
        assert sentences[piece.own_start - 2 : piece.own_start] == ". "
    words = "word " * 200
    for piece in pieces_of(words, max_length=100)[1:]:
        assert words[piece.own_start - 1] == " "


@settings(max_examples=60)
@given(
    paragraphs=st.lists(
        st.sampled_from([*FILLER, *(q.format(name="Ana Ruiz") for q in QUOTED), '"', "", "«"]),
        min_size=1,
        max_size=60,
    ),
    breaks=st.sampled_from(["\n", "\n\n", "\r\n", " "]),
    max_length=st.integers(min_value=1, max_value=1500),
)
def test_pieces_tile_any_text_within_max_length(
    paragraphs: list[str], breaks: str, max_length: int
) -> None:
    text = breaks.join(paragraphs)
    if not text:
        return
    pieces = pieces_of(text, max_length=max_length)
    check_tiling(text, pieces, max(max_length, 1))


# -- stitching the pieces' quotes back -----------------------------------------------------------


def quote_at(text: str, start: int, speaker: tuple[int, int, str, int] | None = None) -> Quote:
    """A quote of *text* from *start* to the next '"', spoken by (start, end, name, entity)."""
    end = text.index('"', start)
    found = None
    if speaker is not None:
        first, last, name, entity = speaker
        found = Speaker(text=text[first:last], start=first, end=last, name=name, entity_id=entity)
    return Quote(text=text[start:end], start=start, end=end, kind=QuoteKind.DIRECT, speaker=found)


def test_stitched_quotes_move_into_the_whole_text_and_keep_one_entity_per_name() -> None:
    text = 'Ada Ng: "one" Bo Li: "two"\nAda Ng: "three"\n'
    first, second = Piece(0, 27, 0, 27), Piece(14, len(text), 27, len(text))
    in_first = [
        quote_at(text, 9, (0, 6, "Ada Ng", 0)),
        quote_at(text, 22, (14, 19, "Bo Li", 1)),
    ]
    # The second piece starts at 14 and numbers its own entities from 0.
    shifted = text[14:]
    in_second = [
        quote_at(shifted, 8, (0, 5, "Bo Li", 0)),  # context: the first piece owns it
        quote_at(shifted, 22, (13, 19, "Ada Ng", 1)),
    ]
    quotes = stitched([first, second], [in_first, in_second])
    assert [quote.text for quote in quotes] == ["one", "two", "three"]
    for quote in quotes:
        assert text[quote.start : quote.end] == quote.text
        assert quote.speaker is not None
        assert text[quote.speaker.start : quote.speaker.end] == quote.speaker.text
    assert [quote.speaker.entity_id for quote in quotes if quote.speaker] == [0, 1, 0]


# -- the extractor on long texts ---------------------------------------------------------------


class ParseSpy:
    """Wraps a pipeline and records what it is handed: each text, and each call's total."""

    def __init__(self, nlp: Any) -> None:
        self._nlp = nlp
        self.lengths: list[int] = []
        self.at_once: list[int] = []

    def __getattr__(self, name: str) -> Any:
        return getattr(self._nlp, name)

    def __call__(self, text: str) -> Any:
        self.lengths.append(len(text))
        self.at_once.append(len(text))
        return self._nlp(text)

    def pipe(self, texts: Iterable[str], **options: Any) -> Iterator[Any]:
        texts = list(texts)
        self.lengths += [len(text) for text in texts]
        self.at_once.append(sum(self.lengths[-len(texts) :]))
        yield from self._nlp.pipe(texts, **options)


def summary(quotes: list[Quote]) -> list[tuple[str, int, str | None, str | None]]:
    return [
        (
            quote.text,
            quote.start,
            quote.speaker.name if quote.speaker else None,
            quote.cue.text if quote.cue else None,
        )
        for quote in quotes
    ]


@pytest.mark.model
def test_pieces_give_the_quotes_of_a_whole_parse(
    extractor: QuoteExtractor, monkeypatch: pytest.MonkeyPatch
) -> None:
    text = article(90)
    whole = extractor(text)
    assert len(whole) >= 10
    monkeypatch.setattr(extractor.nlp, "max_length", 2_000)
    spy = ParseSpy(extractor.nlp)
    monkeypatch.setattr(extractor, "nlp", spy)
    assert summary(extractor(text)) == summary(whole)
    assert summary(next(extractor.pipe([text]))) == summary(whole)
    assert max(spy.lengths) <= 2_000
    assert max(spy.at_once) <= PARSE_GROUP_CHARACTERS


@pytest.mark.model
def test_a_five_megabyte_article_is_parsed_in_bounded_pieces(
    default_extractor: QuoteExtractor, monkeypatch: pytest.MonkeyPatch
) -> None:
    from quoteattr import QuoteExtractor  # noqa: PLC0415 - the real class, not the type

    # Mostly filler, so that selective parsing keeps the test fast; every piece's quotes
    # still have to be found and moved into the whole text.
    text = article(64_000, every=400)
    assert len(text) > 5_000_000
    spy = ParseSpy(default_extractor.nlp)
    selective = QuoteExtractor(default_extractor.nlp, kinds={"direct"}, parse="relevant")
    monkeypatch.setattr(selective, "nlp", spy)
    quotes = selective(text)
    assert len(quotes) == 64_000 // 400
    for quote in quotes:
        assert text[quote.start : quote.end] == quote.text
        assert quote.speaker is not None
        assert quote.speaker.name in NAMES
    assert max(spy.lengths) <= PIECE_CHARACTERS + 2 * CONTEXT_CHARACTERS
    assert max(spy.at_once) <= max(PARSE_GROUP_CHARACTERS, *spy.lengths)


@given(st.lists(st.integers(min_value=0, max_value=30_000), max_size=12))
def test_parse_groups_keep_order_and_limit_and_are_about_even(lengths: list[int]) -> None:
    texts = ["x" * length for length in lengths]
    groups = list(groups_by_length(texts, 40_000))
    assert list(itertools.chain.from_iterable(groups)) == texts
    assert all(group for group in groups)
    for group in groups:
        assert len(group) == 1 or sum(map(len, group)) <= 40_000
    # As few groups as the limit allows, give or take the texts that do not fit evenly.
    total = sum(lengths)
    assert len(groups) <= max(1, 2 * -(-total // 40_000))


def test_a_batch_of_eight_articles_is_one_parse_group_not_a_large_and_a_small_one() -> None:
    assert [len(group) for group in groups_by_length(["x" * 4_800] * 8, 40_000)] == [8]
    assert [len(group) for group in groups_by_length(["x" * 6_000] * 8, 40_000)] == [4, 4]


@pytest.mark.model
def test_tok2vec_embeds_a_few_long_texts_at_a_time_and_the_parse_is_the_same(
    default_extractor: QuoteExtractor,
) -> None:
    nlp = default_extractor.nlp
    texts = [article(280), "Nothing to see.", article(30)]
    assert len(texts[0]) > EMBEDDING_CHARACTERS
    config = embedding_batches(nlp, texts)
    assert config == {"tok2vec": {"batch_size": 1}}
    together = [doc.to_bytes() for doc in nlp.pipe(texts, batch_size=3)]
    apart = [doc.to_bytes() for doc in nlp.pipe(texts, batch_size=3, component_cfg=config)]
    assert apart == together


@pytest.mark.model
def test_short_texts_are_embedded_together(default_extractor: QuoteExtractor) -> None:
    assert embedding_batches(default_extractor.nlp, ["A short text."] * 8) == {}
    assert embedding_batches(default_extractor.nlp, ["x" * 4_000] * 8) == {
        "tok2vec": {"batch_size": 5}
    }
