"""Where each quote sits among the tokens of a parsed document.

The rules reason about the *reporter's* sentences: the text around the quotes. The parser's own
sentence boundaries are unreliable around quotation marks (a closing mark often starts a new
"sentence"), so this module draws its own: a reporter sentence ends at a sentence-final
punctuation token outside every quote, after a quote whose content ends with a full stop, and
at every paragraph break. A quote therefore always lies inside one reporter sentence.
"""

from __future__ import annotations

import bisect
from typing import TYPE_CHECKING

import attrs

if TYPE_CHECKING:
    from collections.abc import Sequence

    from spacy.tokens import Doc

    from quoteattr._types import QuoteMarkSpan

__all__ = ["DocLayout", "QuoteRegion", "TokenTable"]

SENTENCE_FINAL = frozenset({".", "!", "?", "…", "...", "?!", "!?"})
_LINE_BREAKS = ("\n", "\r", "\u2028", "\u2029")


@attrs.frozen
class QuoteRegion:
    """A quote's marks and the token range they cover."""

    marks: QuoteMarkSpan
    #: First token of the quote, opening mark included.
    first: int
    #: One past the last token of the quote, closing mark included.
    stop: int
    #: First and one-past-last token of the content, marks excluded.
    content_first: int
    content_stop: int
    #: The reporter sentence and paragraph the quote starts in.
    sentence: int
    paragraph: int


class TokenTable:
    """The token attributes the rules scan, read from the Doc once as plain lists.

    Scanning ``doc[i].text`` over a whole article creates a Python object per token and
    access; the rules touch every token a few times, so they read these lists instead.
    """

    def __init__(self, doc: Doc, text: str) -> None:
        """Read offsets, texts, whitespace, tags and entity types of every token.

        *text* is ``doc.text`` (or a string of the same length), which spaCy would rebuild
        from the tokens on every access.
        """
        attributes: list[int | str] = ["IDX", "LENGTH", "IS_SPACE", "POS", "ENT_TYPE"]
        columns = doc.to_array(attributes).tolist() if len(doc) else []
        strings = doc.vocab.strings
        self.idx: list[int] = [row[0] for row in columns]
        self.text: list[str] = [text[row[0] : row[0] + row[1]] for row in columns]
        self.is_space: list[bool] = [bool(row[2]) for row in columns]
        self.pos: list[str] = [strings[row[3]] if row[3] else "" for row in columns]
        self.ent_type: list[str] = [strings[row[4]] if row[4] else "" for row in columns]

    def char_range(self, first: int, stop: int) -> tuple[int, int]:
        """The character offsets that tokens ``first`` up to ``stop`` cover."""
        return self.idx[first], self.idx[stop - 1] + len(self.text[stop - 1])

    def is_line_break(self, i: int) -> bool:
        """Whether token *i* is whitespace that contains a paragraph break."""
        return self.is_space[i] and any(mark in self.text[i] for mark in _LINE_BREAKS)


class DocLayout:
    """Per-token lookup tables for one parsed document and its quotes."""

    def __init__(self, doc: Doc, marks: Sequence[QuoteMarkSpan], text: str) -> None:
        """Map every token of *doc* to its quote (if any), reporter sentence and paragraph.

        *text* is the caller's string (``doc.text``, or one of the same length) from which
        every result text is sliced.
        """
        self.doc = doc
        self.text = text
        self.tokens = TokenTable(doc, text)
        self._by_sentence: dict[int, list[int]] | None = None
        self.region_of: list[int] = [-1] * len(doc)
        spans = self._token_spans(marks)
        self.paragraph_of = self._paragraphs(doc)
        self.sentence_of = self._sentences(doc, spans, marks)
        self.regions: tuple[QuoteRegion, ...] = tuple(
            QuoteRegion(
                marks=mark,
                first=first,
                stop=stop,
                content_first=content_first,
                content_stop=content_stop,
                sentence=self.sentence_of[min(first, len(doc) - 1)] if len(doc) else 0,
                paragraph=self.paragraph_of[min(first, len(doc) - 1)] if len(doc) else 0,
            )
            for mark, (first, stop, content_first, content_stop) in zip(marks, spans, strict=True)
        )

    def _token_spans(self, marks: Sequence[QuoteMarkSpan]) -> list[tuple[int, int, int, int]]:
        """Return, per quote, its token range and content token range; fill ``region_of``.

        A token belongs to the quote its first character falls in. A quote with no token of
        its own (its marks glued inside a longer token) covers an empty range.
        """
        spans: list[tuple[int, int, int, int]] = []
        idx = self.tokens.idx
        for index, mark in enumerate(marks):
            # The first token starting at or after each boundary.
            first, content_first, content_stop, stop = (
                bisect.bisect_left(idx, offset)
                for offset in (mark.start, mark.content_start, mark.content_end, mark.end)
            )
            for token_index in range(first, stop):
                self.region_of[token_index] = index
            spans.append((first, stop, content_first, max(content_first, content_stop)))
        return spans

    def _paragraphs(self, doc: Doc) -> list[int]:
        paragraph = 0
        paragraph_of: list[int] = []
        for i in range(len(doc)):
            paragraph_of.append(paragraph)
            if self.tokens.is_line_break(i):
                paragraph += 1
        return paragraph_of

    def _sentences(
        self, doc: Doc, spans: Sequence[tuple[int, int, int, int]], marks: Sequence[QuoteMarkSpan]
    ) -> list[int]:
        ends_with_full_stop = {
            stop - 1
            for (_first, stop, _cf, _cs), mark in zip(spans, marks, strict=True)
            if stop > 0 and mark.text.rstrip().endswith((".", "…"))
        }
        sentence = 0
        sentence_of: list[int] = []
        texts = self.tokens.text
        for i in range(len(doc)):
            inside = self.region_of[i] >= 0
            if not inside and self.tokens.is_line_break(i):
                sentence += 1
                sentence_of.append(sentence)
                continue
            sentence_of.append(sentence)
            if i in ends_with_full_stop or (not inside and texts[i] in SENTENCE_FINAL):
                sentence += 1
        return sentence_of

    def reporter_tokens(self, sentence: int) -> list[int]:
        """Return the tokens of one reporter sentence that lie outside every quote."""
        if self._by_sentence is None:
            by_sentence: dict[int, list[int]] = {}
            for i, number in enumerate(self.sentence_of):
                if self.region_of[i] < 0 and not self.tokens.is_space[i]:
                    by_sentence.setdefault(number, []).append(i)
            self._by_sentence = by_sentence
        return self._by_sentence.get(sentence, [])

    def is_outside(self, i: int) -> bool:
        """Whether token *i* lies outside every quote."""
        return self.region_of[i] < 0

    def left_frame(self, region: QuoteRegion) -> list[int]:
        """Return the reporter tokens before *region* in its sentence, after any earlier quote."""
        frame: list[int] = []
        i = region.first - 1
        while i >= 0 and self.sentence_of[i] == region.sentence and self.region_of[i] < 0:
            if not self.tokens.is_space[i]:
                frame.append(i)
            i -= 1
        frame.reverse()
        return frame

    def right_frame(self, region: QuoteRegion) -> list[int]:
        """Return the reporter tokens after *region* in its sentence, before any later quote.

        Empty when the quote's own content ended the sentence.
        """
        frame: list[int] = []
        if region.stop == 0:
            return frame
        sentence = self.sentence_of[region.stop - 1]
        i = region.stop
        n = len(self.doc)
        while i < n and self.sentence_of[i] == sentence and self.region_of[i] < 0:
            if not self.tokens.is_space[i]:
                frame.append(i)
            i += 1
        return frame
