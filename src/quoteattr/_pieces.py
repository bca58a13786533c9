"""Long texts in pieces: bounded parses, offsets into the whole text.

spaCy refuses a text longer than ``nlp.max_length``, and its working memory grows with the
tokens it parses at once, so a long text (a transcript, a scraped page of many articles) or
a dense one (many tokens to the character) is parsed in pieces:

* The quote marks are paired once, over the whole text, so a text's quotations are the same
  whether or not it is cut.
* A piece *owns* a stretch of the text of at most :data:`PIECE_CHARACTERS` and about
  :data:`PIECE_TOKENS` words and punctuation marks. The stretches tile the text and are cut
  at the start of a paragraph, else of a sentence, never inside a pair of quote marks; a
  quotation longer than that is owned whole by one piece.
* The middle of a quotation longer than :data:`LONG_QUOTE_CHARACTERS` is blanked for the
  parser (its first and last :data:`QUOTE_EDGE_CHARACTERS` stay): the rules read a
  quotation's edges and the words around it, not its middle, and the quote's text is taken
  from the caller's string all the same.
* Each piece is parsed with up to :data:`CONTEXT_CHARACTERS` of whole paragraphs on either
  side: the paragraph before may hold the speaker of a quote ("Lee went on:") or the quote
  a continuation goes on from, the one after a byline.
* A piece reports the quotes that start in the stretch it owns, with offsets moved into the
  whole text; speakers with the same name across pieces keep one ``entity_id``, and no
  quote overlaps one an earlier piece reported.
* Only a quotation longer than the pipeline's ``max_length`` allows a piece to hold cannot be
  parsed whole: it comes back unattributed (``DIRECT``, no speaker), never lost.

A surname still resolves to a full name given in the same piece or its context, not one
given many pages before: the price of bounded memory, paid only by long texts.
"""

from __future__ import annotations

import bisect
from typing import TYPE_CHECKING

import attrs
import regex

from quoteattr._marks import find_quote_marks, paragraph_spans
from quoteattr._selective import blank, sentence_spans
from quoteattr._types import Quote, QuoteKind

if TYPE_CHECKING:
    from collections.abc import Collection, Sequence

    from quoteattr._types import QuoteMarkSpan, Speaker

__all__ = [
    "CONTEXT_CHARACTERS",
    "LONG_QUOTE_CHARACTERS",
    "LONG_TEXT_CHARACTERS",
    "LONG_TEXT_TOKENS",
    "PIECE_CHARACTERS",
    "PIECE_TOKENS",
    "QUOTE_EDGE_CHARACTERS",
    "Piece",
    "blanked_spans",
    "elided",
    "elided_spans",
    "marks_within",
    "pieces_of",
    "stitched",
]

#: A text longer than this (or than the pipeline's ``max_length``) is parsed in pieces.
LONG_TEXT_CHARACTERS = 50_000
#: So is a text of more words and punctuation marks than this (about 50,000 characters of
#: news): spaCy's memory grows with the tokens, and some texts are nearly all punctuation.
LONG_TEXT_TOKENS = 12_000
#: The most text a piece owns, in characters and in words and punctuation marks.
PIECE_CHARACTERS = 20_000
PIECE_TOKENS = 5_000
#: The most context, in whole paragraphs, parsed on either side of a piece.
CONTEXT_CHARACTERS = 2_000
#: A quotation longer than this is parsed with its middle blanked, keeping its edges.
LONG_QUOTE_CHARACTERS = 8_000
QUOTE_EDGE_CHARACTERS = 1_000

_SPACE_RUN = regex.compile(r"\s+")
# What spaCy makes a token of, roughly: a run of word characters, or one other character.
_TOKENISH = regex.compile(r"\w+|[^\w\s]")


@attrs.frozen
class Piece:
    """A stretch of a text parsed on its own: ``text[start:end]``, context included.

    It reports the quotes that start in ``[own_start, own_end)``.
    """

    start: int
    end: int
    own_start: int
    own_end: int

    def owns(self, quote: Quote) -> bool:
        """Whether *quote* (offsets into the piece's text) starts in the owned stretch."""
        return self.own_start <= quote.start + self.start < self.own_end

    def holds(self, mark: QuoteMarkSpan) -> bool:
        """Whether the pair of marks *mark* (offsets into the whole text) lies in the piece."""
        return self.start <= mark.start and mark.end <= self.end


def elided_spans(marks: Sequence[QuoteMarkSpan]) -> list[tuple[int, int]]:
    """The ``(start, end)`` of the middle of each quotation too long to parse whole."""
    return [
        (mark.content_start + QUOTE_EDGE_CHARACTERS, mark.content_end - QUOTE_EDGE_CHARACTERS)
        for mark in marks
        if mark.closed and mark.content_end - mark.content_start > LONG_QUOTE_CHARACTERS
    ]


def elided(text: str, marks: Sequence[QuoteMarkSpan]) -> str:
    """*text* with the middle of every over-long quotation in *marks* blanked (same length)."""
    return _blanked(text, elided_spans(marks))


def blanked_spans(text: str, marks: Sequence[QuoteMarkSpan], offset: int) -> str:
    """*text* (which starts at *offset* of the whole) with each of *marks* in it blanked."""
    return _blanked(text, [(mark.start - offset, mark.end - offset) for mark in marks])


def _blanked(text: str, spans: Sequence[tuple[int, int]]) -> str:
    """*text* with each of the sorted *spans* (clipped to it) as spaces, line breaks kept."""
    if not spans:
        return text
    parts: list[str] = []
    done = 0
    for span_start, span_end in spans:
        start = min(max(span_start, done), len(text))
        end = min(max(span_end, start), len(text))
        parts += [text[done:start], blank(text[start:end])]
        done = end
    parts.append(text[done:])
    return "".join(parts)


def marks_within(marks: Sequence[QuoteMarkSpan], piece: Piece) -> list[QuoteMarkSpan]:
    """The pairs of *marks* that *piece* holds, with offsets into the piece's text."""
    if piece.start == 0:
        return [mark for mark in marks if mark.end <= piece.end]
    return [_shifted(mark, -piece.start) for mark in marks if piece.holds(mark)]


def _shifted(mark: QuoteMarkSpan, offset: int) -> QuoteMarkSpan:
    return attrs.evolve(
        mark,
        start=mark.start + offset,
        end=mark.end + offset,
        content_start=mark.content_start + offset,
        content_end=mark.content_end + offset,
        inner=tuple(_shifted(inner, offset) for inner in mark.inner),
    )


def pieces_of(
    text: str,
    *,
    max_length: int,
    marks: Sequence[QuoteMarkSpan] | None = None,
    abbreviations: frozenset[str] = frozenset(),
) -> list[Piece]:
    """How to parse *text*: one piece for the whole of it, unless it is long or dense.

    *max_length* is the pipeline's ``nlp.max_length``; no piece is longer. *marks* are the
    text's quote marks, unclosed ones included (by default, found here). *abbreviations*
    are the language's ("Mr"): a full stop after one ends no sentence, so no cut is made
    there.
    """
    if marks is None:
        marks = find_quote_marks(text)
    whole = [Piece(0, len(text), 0, len(text))]
    if len(text) > min(LONG_TEXT_CHARACTERS, max_length):
        tokens = _token_starts(text, marks)
    elif len(text) > LONG_TEXT_TOKENS:
        tokens = _token_starts(text, marks)
        if len(tokens) <= LONG_TEXT_TOKENS:
            return whole
    else:
        return whole
    # Context on both sides must fit in max_length beside the owned stretch.
    context = min(CONTEXT_CHARACTERS, max_length // 4)
    size = max(min(PIECE_CHARACTERS, max_length - 2 * context), 1)
    return _Cutter(text, context, marks, tokens, abbreviations).pieces(size, max_length)


def _token_starts(text: str, marks: Sequence[QuoteMarkSpan]) -> list[int]:
    """Where each word or punctuation mark starts, but in the blanked middle of a quote."""
    starts = [match.start() for match in _TOKENISH.finditer(text)]
    for start, end in elided_spans(marks):
        starts[bisect.bisect_left(starts, start) : bisect.bisect_left(starts, end)] = []
    return starts


class _Cutter:
    """Chooses where a long text is cut: see the module docstring."""

    def __init__(
        self,
        text: str,
        context: int,
        marks: Sequence[QuoteMarkSpan],
        tokens: list[int],
        abbreviations: frozenset[str],
    ) -> None:
        self.text = text
        self.abbreviations = abbreviations
        self.context = context
        self.quote_starts = [mark.start for mark in marks]
        self.quote_ends = [mark.end for mark in marks]
        self.tokens = tokens
        self.paragraphs = [start for start, _end in paragraph_spans(text)]
        self._sentences: list[int] | None = None

    def pieces(self, size: int, max_length: int) -> list[Piece]:
        pieces: list[Piece] = []
        own_start = 0
        while own_start < len(self.text):
            limit = min(own_start + size, self._token_limit(own_start))
            own_end = self._cut_before(own_start, limit, max_length)
            start = self._context_start(own_start)
            end = self._context_end(own_end)
            pieces.append(Piece(start, end, own_start, own_end))
            own_start = own_end
        return pieces

    def _token_limit(self, position: int) -> int:
        """Where the piece starting at *position* reaches its share of tokens."""
        index = bisect.bisect_left(self.tokens, position) + PIECE_TOKENS
        return self.tokens[index] if index < len(self.tokens) else len(self.text)

    def _cut_before(self, after: int, limit: int, max_length: int) -> int:
        """The best place to cut in ``(after, limit]``; *limit* when it is the text's end."""
        if limit >= len(self.text):
            return len(self.text)
        for candidates in (self.paragraphs, self._sentence_starts()):
            cut = self._last_outside_quotes(candidates, after, limit)
            if cut is not None:
                return cut
        # A quotation longer than a piece: owned whole, if a piece can hold it; else the
        # next piece starts with it.
        quote = self._quote_at(limit)
        if quote is not None:
            quote_start, quote_end = quote
            if quote_end - after + 2 * self.context <= max_length:
                return quote_end
            if quote_start > after:
                return quote_start
        # A text without paragraphs or sentences, or a quotation longer than max_length.
        return self._after_last_space(after, limit) or limit

    def _context_start(self, own_start: int) -> int:
        """The first paragraph within the context before *own_start*, or *own_start*."""
        index = bisect.bisect_left(self.paragraphs, own_start - self.context)
        for start in self.paragraphs[index:]:
            if start >= own_start:
                break
            if not self._inside_quote(start):
                return start
        return own_start

    def _context_end(self, own_end: int) -> int:
        """The last paragraph start within the context after *own_end*, or *own_end*."""
        cut = self._last_outside_quotes(self.paragraphs, own_end, own_end + self.context)
        return own_end if cut is None else min(cut, len(self.text))

    def _last_outside_quotes(self, candidates: Sequence[int], after: int, limit: int) -> int | None:
        """The last of the sorted *candidates* in ``(after, limit]`` outside every quote."""
        index = bisect.bisect_right(candidates, limit) - 1
        while index >= 0 and candidates[index] > after:
            if not self._inside_quote(candidates[index]):
                return candidates[index]
            index -= 1
        return None

    def _inside_quote(self, position: int) -> bool:
        """Whether a cut at *position* would separate a quote's marks."""
        return self._quote_at(position) is not None

    def _quote_at(self, position: int) -> tuple[int, int] | None:
        """The ``(start, end)`` of the quote a cut at *position* would separate, if any."""
        index = bisect.bisect_right(self.quote_starts, position - 1) - 1
        if index >= 0 and position < self.quote_ends[index]:
            return self.quote_starts[index], self.quote_ends[index]
        return None

    def _sentence_starts(self) -> list[int]:
        if self._sentences is None:
            self._sentences = [
                start for start, _end in sentence_spans(self.text, self.abbreviations)
            ]
        return self._sentences

    def _after_last_space(self, after: int, limit: int) -> int | None:
        last = None
        for space in _SPACE_RUN.finditer(self.text, after + 1, limit):
            last = space.end()
        return last if last is not None and last < limit else None


def stitched(
    pieces: Sequence[Piece],
    found: Sequence[list[Quote]],
    *,
    unparsed: Sequence[QuoteMarkSpan] = (),
    kinds: Collection[QuoteKind] = frozenset(QuoteKind),
) -> list[Quote]:
    """The quotes each piece owns, with offsets into the whole text, in order.

    *found* holds each piece's quotes with offsets into the piece's own text. One person is
    one speaker entity across pieces when their full name is the same. A quote that would
    overlap one an earlier piece reported is left out (its start lies in the later piece's
    stretch, so the earlier piece reported it whole, parsed with more of its text). The
    quotations in *unparsed*, which no piece could hold, come back unattributed, as
    ``DIRECT`` quotes if *kinds* has them.
    """
    if len(pieces) == 1 and not unparsed:
        return list(found[0])
    entities = _Entities()
    # The unparsed quotations first: a piece that cut one saw its words as plain text.
    quotes = [_unattributed(mark) for mark in unparsed] if QuoteKind.DIRECT in kinds else []
    last_end = 0
    for number, (piece, piece_quotes) in enumerate(zip(pieces, found, strict=True)):
        for quote in piece_quotes:
            if not piece.owns(quote) or piece.start + quote.start < last_end:
                continue
            moved = _moved(quote, piece.start, entities.renumbered(number, quote))
            if not any(mark.start < moved.end and moved.start < mark.end for mark in unparsed):
                quotes.append(moved)
                last_end = moved.end
    quotes.sort(key=lambda quote: quote.start)
    return quotes


def _unattributed(mark: QuoteMarkSpan) -> Quote:
    return Quote(
        text=mark.text, start=mark.content_start, end=mark.content_end, kind=QuoteKind.DIRECT
    )


class _Entities:
    """Speaker entity numbers across pieces: each piece numbers its own from 0."""

    def __init__(self) -> None:
        self._by_piece: dict[tuple[int, int], int] = {}
        self._by_name: dict[str, int] = {}
        self._count = 0

    def renumbered(self, piece: int, quote: Quote) -> int | None:
        speaker = quote.speaker
        if speaker is None or speaker.entity_id is None:
            return None
        key = (piece, speaker.entity_id)
        if key not in self._by_piece:
            name = speaker.name.casefold() if speaker.name else None
            number = self._by_name.get(name) if name else None
            if number is None:
                number, self._count = self._count, self._count + 1
                if name:
                    self._by_name[name] = number
            self._by_piece[key] = number
        return self._by_piece[key]


def _moved(quote: Quote, offset: int, entity_id: int | None) -> Quote:
    """*quote* with every offset moved by *offset* and the given speaker entity number."""
    speaker: Speaker | None = None
    if quote.speaker is not None:
        speaker = attrs.evolve(
            quote.speaker,
            start=quote.speaker.start + offset,
            end=quote.speaker.end + offset,
            entity_id=entity_id,
        )
    cue = quote.cue
    if cue is not None:
        cue = attrs.evolve(cue, start=cue.start + offset, end=cue.end + offset)
    return attrs.evolve(
        quote, start=quote.start + offset, end=quote.end + offset, speaker=speaker, cue=cue
    )
