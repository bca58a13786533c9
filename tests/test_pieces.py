"""Long texts parsed in pieces: where they are cut, and quotes found as in a whole parse."""

from __future__ import annotations

import itertools
from typing import TYPE_CHECKING, Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from quoteattr import Quote, QuoteKind, Speaker, find_quote_marks
from quoteattr._parsing import (
    EMBEDDING_CHARACTERS,
    PARSE_GROUP_CHARACTERS,
    embedding_batches,
    groups_by_length,
)
from quoteattr._pieces import (
    CONTEXT_CHARACTERS,
    LONG_QUOTE_CHARACTERS,
    LONG_TEXT_CHARACTERS,
    LONG_TEXT_TOKENS,
    PIECE_CHARACTERS,
    PIECE_TOKENS,
    Piece,
    pieces_of,
    stitched,
)
from quotechecks import assert_disjoint, assert_no_pair_of_marks_cut, checked

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


def test_a_dense_text_is_cut_by_its_tokens_not_only_its_characters() -> None:
    """A text of many tokens to the character is parsed in pieces of bounded tokens."""
    text = "x,y " * 10_000  # 40,000 characters, 30,000 tokens
    assert len(text) < LONG_TEXT_CHARACTERS
    pieces = pieces_of(text, max_length=1_000_000)
    assert len(pieces) > 1
    check_tiling(text, pieces, PIECE_CHARACTERS + 2 * CONTEXT_CHARACTERS)
    for piece in pieces:
        owned = text[piece.own_start : piece.own_end]
        assert len(owned.replace(" ", "")) <= PIECE_TOKENS


def test_a_news_text_under_the_limits_is_one_piece() -> None:
    """Ordinary prose of fewer tokens than the limit is parsed whole, however close."""
    text = article(520)
    assert LONG_TEXT_TOKENS < len(text) < LONG_TEXT_CHARACTERS
    assert len(pieces_of(text, max_length=1_000_000)) == 1


def test_a_quotation_longer_than_a_piece_is_owned_whole_by_one_piece() -> None:
    """No cut falls inside a quotation that a piece can hold, however long it is."""
    quotation = " ".join(FILLER * 400)  # about 31,000 characters in one paragraph
    text = article(200) + '"' + quotation + '," Nadia Osei said.\n\n' + article(200)
    (mark,) = [m for m in find_quote_marks(text) if len(m.text) > PIECE_CHARACTERS]
    pieces = pieces_of(text, max_length=1_000_000)
    (owner,) = [p for p in pieces if p.own_start <= mark.start < p.own_end]
    assert owner.own_end >= mark.end
    check_tiling(text, pieces, 1_000_000)


def test_a_quote_an_earlier_piece_reported_is_not_reported_again() -> None:
    """Stitching keeps the first piece's quote and drops a later one that overlaps it."""
    text = 'Ada Ng said the "pier" would open, "and soon" Bo Li said.'
    first, second = Piece(0, 40, 0, 30), Piece(20, len(text), 30, len(text))
    whole_report = Quote(text=text[12:45], start=12, end=45, kind=QuoteKind.MIXED)
    tail = Quote(text=text[35:45], start=15, end=25, kind=QuoteKind.INDIRECT)
    quotes = stitched([first, second], [[whole_report], [tail]])
    assert quotes == [whole_report]


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


@pytest.mark.model
def test_pieces_never_overlap_or_repeat_a_quote(
    extractor: QuoteExtractor, monkeypatch: pytest.MonkeyPatch
) -> None:
    """With a tiny max_length a text parsed in pieces gives the quotes of a whole parse."""
    text = (
        'Renner said the levy was "a plain insult." Harbour fees would rise anyway, she said. '
    ) * 3
    whole = extractor(text)
    monkeypatch.setattr(extractor.nlp, "max_length", 200)
    pieced = checked(text, extractor(text))
    assert_disjoint(pieced)
    assert_no_pair_of_marks_cut(text, pieced)
    assert [(q.start, q.end, q.kind) for q in pieced] == [(q.start, q.end, q.kind) for q in whole]


@pytest.mark.model
def test_a_quotation_longer_than_a_piece_is_found_and_attributed_in_a_long_text(
    extractor: QuoteExtractor,
) -> None:
    """A 25,000-character quotation is found with its speaker, in a short text or a long one."""
    quotation = " ".join(["We will rebuild the pier and the market hall before winter."] * 410)
    assert LONG_QUOTE_CHARACTERS < len(quotation) > PIECE_CHARACTERS
    alone = f'"{quotation}," Mayor Ida Brenner told reporters.'
    long_text = article(300) + alone + "\n\n" + article(300)
    assert len(long_text) > LONG_TEXT_CHARACTERS
    for text in (alone, long_text):
        start = text.index(quotation)
        (quote,) = [q for q in checked(text, extractor(text)) if q.start == start]
        assert quote.text == quotation + ","
        assert quote.kind is QuoteKind.DIRECT
        assert quote.speaker is not None
        assert quote.speaker.name == "Ida Brenner"


@pytest.mark.model
def test_a_quotation_no_piece_can_hold_comes_back_unattributed(
    default_extractor: QuoteExtractor, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A quotation longer than max_length allows is returned whole, without a speaker."""
    quotation = " ".join(FILLER * 20)
    text = article(10) + f'"{quotation}," Nadia Osei said.\n\n' + article(10)
    monkeypatch.setattr(default_extractor.nlp, "max_length", 1_000)
    quotes = checked(text, default_extractor(text))
    (quote,) = [q for q in quotes if q.text == quotation + ","]
    assert quote.kind is QuoteKind.DIRECT
    assert quote.speaker is None
    assert_disjoint(quotes)


@pytest.mark.model
def test_quote_marks_are_paired_the_same_whether_or_not_the_text_is_cut(
    default_extractor: QuoteExtractor, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The quotations in marks of a text do not depend on where, or whether, it is cut."""
    from quoteattr import QuoteExtractor  # noqa: PLC0415 - the real class, not the type

    marks_only = QuoteExtractor(default_extractor.nlp, kinds={"direct", "partial"})
    text = article(60, every=3).replace("the", "the'") + '"Unclosed at the very end.\n'
    whole = [(q.start, q.end) for q in marks_only(text)]
    monkeypatch.setattr(default_extractor.nlp, "max_length", 700)
    assert [(q.start, q.end) for q in marks_only(text)] == whole


@pytest.mark.model
def test_a_quotation_no_piece_holds_hides_no_quote_after_it(
    default_extractor: QuoteExtractor, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The words of a quotation cut by pieces are nobody's report: the quote after it stays."""
    too_long = "the pier would reopen, and the market hall soon after the storms of the summer."
    text = (
        '"We will rebuild," Hana Okafor said.\n\n'
        f'Hana Okafor said: 「{too_long}」 "We will rebuild," Okafor said.'
    )
    monkeypatch.setattr(default_extractor.nlp, "max_length", 80)
    quotes = checked(text, default_extractor(text))
    assert [quote.text for quote in quotes] == ["We will rebuild,", too_long, "We will rebuild,"]
    assert quotes[1].speaker is None
    assert_disjoint(quotes)
