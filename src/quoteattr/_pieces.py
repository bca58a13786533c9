"""Long texts in pieces: bounded parses, offsets into the whole text.

spaCy refuses a text longer than ``nlp.max_length``, and its working memory grows with the
text it parses at once, so a long text (a transcript, a scraped page of many articles) is
parsed in pieces:

* A piece *owns* a stretch of the text of at most :data:`PIECE_CHARACTERS`. The stretches
  tile the text and are cut at the start of a paragraph, else of a sentence, else after a
  space; never inside a pair of quote marks, so no quotation is cut in two (only a single
  quotation longer than a piece has to be).
* Each piece is parsed with up to :data:`CONTEXT_CHARACTERS` of whole paragraphs on either
  side: the paragraph before may hold the speaker of a quote ("Lee went on:") or the quote
  a continuation goes on from, the one after a byline.
* A piece reports the quotes that start in the stretch it owns, with offsets moved into the
  whole text; speakers with the same name across pieces keep one ``entity_id``.

A surname still resolves to a full name given in the same piece or its context, not one
given many pages before: the price of bounded memory, paid only by long texts.
"""

from __future__ import annotations

import bisect
from typing import TYPE_CHECKING

import attrs
import regex

from quoteattr._marks import find_quote_marks, paragraph_spans
from quoteattr._selective import sentence_spans

if TYPE_CHECKING:
    from collections.abc import Sequence

    from quoteattr._types import Quote, Speaker

__all__ = [
    "CONTEXT_CHARACTERS",
    "LONG_TEXT_CHARACTERS",
    "PIECE_CHARACTERS",
    "Piece",
    "pieces_of",
    "stitched",
]

#: A text longer than this (or than the pipeline's ``max_length``) is parsed in pieces.
LONG_TEXT_CHARACTERS = 50_000
#: The most text a piece owns.
PIECE_CHARACTERS = 20_000
#: The most context, in whole paragraphs, parsed on either side of a piece.
CONTEXT_CHARACTERS = 2_000

_SPACE_RUN = regex.compile(r"\s+")


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


def pieces_of(text: str, *, max_length: int) -> list[Piece]:
    """How to parse *text*: one piece for the whole of it, unless it is long.

    *max_length* is the pipeline's ``nlp.max_length``; no piece is longer.
    """
    whole = [Piece(0, len(text), 0, len(text))]
    if len(text) <= min(LONG_TEXT_CHARACTERS, max_length):
        return whole
    # Context on both sides must fit in max_length beside the owned stretch.
    context = min(CONTEXT_CHARACTERS, max_length // 4)
    size = max(min(PIECE_CHARACTERS, max_length - 2 * context), 1)
    return _Cutter(text, context).pieces(size)


class _Cutter:
    """Chooses where a long text is cut: see the module docstring."""

    def __init__(self, text: str, context: int) -> None:
        self.text = text
        self.context = context
        marks = find_quote_marks(text)
        self.quote_starts = [mark.start for mark in marks]
        self.quote_ends = [mark.end for mark in marks]
        self.paragraphs = [start for start, _end in paragraph_spans(text)]
        self._sentences: list[int] | None = None

    def pieces(self, size: int) -> list[Piece]:
        pieces: list[Piece] = []
        own_start = 0
        while own_start < len(self.text):
            own_end = self._cut_before(own_start, own_start + size)
            start = self._context_start(own_start)
            end = self._context_end(own_end)
            pieces.append(Piece(start, end, own_start, own_end))
            own_start = own_end
        return pieces

    def _cut_before(self, after: int, limit: int) -> int:
        """The best place to cut in ``(after, limit]``; *limit* when it is the text's end."""
        if limit >= len(self.text):
            return len(self.text)
        for candidates in (self.paragraphs, self._sentence_starts()):
            cut = self._last_outside_quotes(candidates, after, limit)
            if cut is not None:
                return cut
        # A quotation longer than a piece, or a text without paragraphs or sentences.
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
        index = bisect.bisect_right(self.quote_starts, position - 1) - 1
        return index >= 0 and position < self.quote_ends[index]

    def _sentence_starts(self) -> list[int]:
        if self._sentences is None:
            self._sentences = [start for start, _end in sentence_spans(self.text)]
        return self._sentences

    def _after_last_space(self, after: int, limit: int) -> int | None:
        last = None
        for space in _SPACE_RUN.finditer(self.text, after + 1, limit):
            last = space.end()
        return last if last is not None and last < limit else None


def stitched(pieces: Sequence[Piece], found: Sequence[list[Quote]]) -> list[Quote]:
    """The quotes each piece owns, with offsets into the whole text, in order.

    *found* holds each piece's quotes with offsets into the piece's own text. One person is
    one speaker entity across pieces when their full name is the same.
    """
    if len(pieces) == 1:
        return list(found[0])
    entities = _Entities()
    quotes: list[Quote] = []
    for number, (piece, piece_quotes) in enumerate(zip(pieces, found, strict=True)):
        quotes.extend(
            _moved(quote, piece.start, entities.renumbered(number, quote))
            for quote in piece_quotes
            if piece.owns(quote)
        )
    return quotes


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
