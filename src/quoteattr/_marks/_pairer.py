"""The pairing of quotation marks: a stack of open quotes, paragraph by paragraph."""

from __future__ import annotations

from typing import TYPE_CHECKING, Final, NamedTuple

from quoteattr._marks._apostrophes import is_inch_mark, looks_like_apostrophe
from quoteattr._marks._dialogue import dash_line, dash_span, turns
from quoteattr._marks._pairings import (
    APOSTROPHE_LIKE_STYLES,
    APOSTROPHES,
    CLOSES,
    DOUBLE_STYLES,
    LENIENT_CLOSES,
    LENIENT_OPENS,
    OPENS,
    PAIRINGS,
    SINGLE_CLOSERS,
    SYMMETRIC,
)
from quoteattr._marks._paragraphs import PARAGRAPH_BREAK, paragraph_spans
from quoteattr._marks._tokens import SPACE, WORD, mark_tokens
from quoteattr._types import QuoteMarkSpan

if TYPE_CHECKING:
    from quoteattr._conventions import QuoteConventions
    from quoteattr._marks._tokens import MarkToken

__all__ = ["MAX_DEPTH", "Pairer"]

#: Nesting deeper than this is not prose; deeper openers are ignored to keep time linear.
MAX_DEPTH: Final = 8


class _Open(NamedTuple):
    """A quotation that is open: one level of the pairing stack."""

    kind: int
    start: int
    content_start: int
    paragraphs: int
    inner: list[QuoteMarkSpan]


def _trimmed_end(text: str, start: int, limit: int) -> int:
    """Return where the text from *start* to *limit* ends, without its trailing whitespace."""
    return start + len(text[start:limit].rstrip())


class Pairer:
    """Pairs the marks of one text, paragraph by paragraph, with a stack of open quotes."""

    def __init__(self, text: str, conventions: QuoteConventions | None = None) -> None:
        self._text = text
        self._conventions = conventions
        self._stack: list[_Open] = []
        # For each kind, the stack positions of its open quotes: finds the innermost quote a
        # mark can close in constant time, however deep the stack.
        self._open_of_kind: list[list[int]] = [[] for _ in PAIRINGS]
        self._spans: list[QuoteMarkSpan] = []
        self._paragraph = (0, 0)

    def pair(self) -> list[QuoteMarkSpan]:
        """Pair every mark of the text and return the top-level spans."""
        previous_end = 0
        for paragraph in paragraph_spans(self._text):
            self._paragraph = paragraph
            tokens = mark_tokens(self._text, paragraph)
            line = None if self._conventions is None else self._dash_line(paragraph)
            if line is not None and self._stack and self._conventions.dash_continues_quote:  # type: ignore[union-attr]
                # ``« Question ?`` ¶ ``— Réponse. »``: the dash carries the quote on.
                self._stack[0] = self._stack[0]._replace(paragraphs=self._stack[0].paragraphs + 1)
                first, line = 0, None
            else:
                first = self._continue_quote(tokens, previous_end)
            found_before = len(self._spans)
            for index in range(first, len(tokens)):
                self._take(tokens, index)
            if line is None:
                # Only the outermost quote may run on into the next paragraph.
                self._end_from(1, paragraph[1])
                if self._conventions is not None and not self._stack:
                    self._take_turns(paragraph, found_before)
            else:
                # A dialogue line holds whatever was quoted in it, open or closed.
                self._end_from(0, paragraph[1])
                inner = self._spans[found_before:]
                del self._spans[found_before:]
                self._spans.append(dash_span(self._text, line, inner))
            previous_end = paragraph[1]
        self._end_from(0, previous_end)
        return self._spans

    def _take_turns(self, paragraph: tuple[int, int], found_before: int) -> None:
        """Make the turns opened by dashes inside *paragraph* spans, holding the quotes in them."""
        assert self._conventions is not None  # noqa: S101 - checked by the caller
        found = self._spans[found_before:]
        lines = turns(self._text, paragraph, found, self._conventions)
        if not lines:
            return
        del self._spans[found_before:]
        self._spans.extend(span for span in found if span.start < lines[0][0])
        for line in lines:
            inner = [span for span in found if line[0] <= span.start < line[2]]
            self._spans.append(dash_span(self._text, line, inner))

    def _continue_quote(self, tokens: list[MarkToken], previous_end: int) -> int:
        """Carry an open quote into this paragraph if it reopens; return the first token left."""
        if not self._stack:
            return 0
        pending = self._stack[0]
        if tokens and self._reopens(tokens[0], pending.kind):
            self._stack[0] = pending._replace(paragraphs=pending.paragraphs + 1)
            return 1
        self._end_from(0, previous_end)
        return 0

    def _dash_line(self, paragraph: tuple[int, int]) -> tuple[int, int, int] | None:
        """The dash and content of *paragraph* if it is a line of dialogue, with content."""
        assert self._conventions is not None  # noqa: S101 - checked by the caller
        line = dash_line(self._text, paragraph, self._conventions)
        return None if line is None or line[1] == line[2] else line

    def _reopens(self, token: MarkToken, kind: int) -> bool:
        if self._text[self._paragraph[0] : token.start].strip():
            return False
        if looks_like_apostrophe(self._text, token, self._paragraph):
            return False
        if (
            self._conventions is not None
            and self._conventions.reopen_with_closer
            and token.glyph in PAIRINGS[kind].closers
        ):
            return True  # ``« …`` ¶ ``» …``, as older French typesetting reopens a quote
        return self._kind_to_open(token) == kind

    def _take(self, tokens: list[MarkToken], index: int) -> None:
        """Let the mark at *index* close or open a quote, or leave it as a plain character."""
        token = tokens[index]
        if token.glyph in APOSTROPHES and self._is_apostrophe(tokens, index):
            return
        if is_inch_mark(self._text, token, self._paragraph[0]):
            return
        closing = self._closable(token)
        if closing >= 0 and self._closes_here(token):
            self._close(closing, token)
        elif (kind := self._kind_to_open(token)) is not None:
            self._open(kind, token)

    @staticmethod
    def _closes_here(token: MarkToken) -> bool:
        """Whether *token*, able to close an open quote, does so rather than open a new one."""
        if token.glyph in SYMMETRIC:
            # Only a space or an opening bracket, dash or mark before it, and a word after it,
            # make a straight mark open when a quote of its kind is open: a closing mark typed
            # with no space after it (``said."Next``) or with one before it still closes.
            return not (token.after_space_or_opener and token.can_open)
        # A mark that opens one kind and closes another follows its context.
        return token.glyph not in OPENS or not token.opens_clearly

    def _kind_to_open(self, token: MarkToken) -> int | None:
        """Return the kind of quote *token* would open where it stands, if any."""
        if token.glyph in SYMMETRIC:
            return OPENS[token.glyph] if token.can_open else None
        if token.glyph in OPENS:
            if token.closes_clearly and not self._after_elision(token):
                return None
            return OPENS[token.glyph]
        return LENIENT_OPENS.get(token.glyph) if token.opens_clearly else None

    def _after_elision(self, token: MarkToken) -> bool:
        """Whether *token* is glued to an elided word (``d’« injuste »``) where that opens."""
        start = token.start
        return (
            self._conventions is not None
            and self._conventions.opens_after_elision
            and start - 2 >= self._paragraph[0]
            and self._text[start - 1] in APOSTROPHES
            and self._text[start - 2].isalpha()
        )

    def _closable(self, token: MarkToken) -> int:
        """Return the stack position of the innermost quote *token* can close, or -1."""
        innermost = -1
        for kind in CLOSES.get(token.glyph, ()):
            opened = self._open_of_kind[kind]
            if opened and opened[-1] > innermost:
                innermost = opened[-1]
        if innermost >= 0 or not token.closes_clearly:
            return innermost
        for kind in LENIENT_CLOSES.get(token.glyph, ()):
            opened = self._open_of_kind[kind]
            if opened and opened[-1] > innermost:
                innermost = opened[-1]
        return innermost

    def _is_apostrophe(self, tokens: list[MarkToken], index: int) -> bool:
        token = tokens[index]
        if looks_like_apostrophe(self._text, token, self._paragraph):
            return True
        if token.before != WORD or token.after != SPACE or self._text[token.start - 1] not in "sS":
            return False
        # voters' / the Joneses': a closing quote only if no later mark could close instead.
        closing = self._closable(token)
        return closing >= 0 and self._later_single_closer(tokens, index, closing)

    def _later_single_closer(self, tokens: list[MarkToken], index: int, closing: int) -> bool:
        """Whether a later mark can close the single quote at *closing* before one opens.

        Each call stops at the next single mark that is not an apostrophe, so every token is
        looked at by one call at most and the scan stays linear.
        """
        for later in range(index + 1, len(tokens)):
            token = tokens[later]
            if token.glyph not in APOSTROPHES:
                if 0 <= self._closable(token) < closing:
                    return False  # the quote around the single one closes first
            elif not looks_like_apostrophe(self._text, token, self._paragraph):
                return token.can_close and (token.glyph in SINGLE_CLOSERS or not token.can_open)
        return False

    def _open(self, kind: int, token: MarkToken) -> None:
        if len(self._stack) >= MAX_DEPTH:
            return
        self._open_of_kind[kind].append(len(self._stack))
        self._stack.append(_Open(kind, token.start, token.end, 1, []))

    def _pop(self) -> _Open:
        quote = self._stack.pop()
        self._open_of_kind[quote.kind].pop()
        return quote

    def _siblings(self) -> list[QuoteMarkSpan]:
        """Return the list that a span ending now belongs to: its parent's inner or top level."""
        return self._stack[-1].inner if self._stack else self._spans

    def _close(self, position: int, token: MarkToken) -> None:
        self._end_from(position + 1, token.start)
        quote = self._pop()
        content = self._text[quote.content_start : token.start]
        if not content or content.isspace():
            return  # an empty pair: see "Empty quotes" in the module docstring
        span = QuoteMarkSpan(
            start=quote.start,
            end=token.end,
            content_start=quote.content_start,
            content_end=token.start,
            text=content,
            style=PAIRINGS[quote.kind].style,
            closed=True,
            paragraphs=quote.paragraphs,
            inner=tuple(quote.inner),
        )
        self._siblings().append(span)

    def _end_from(self, position: int, limit: int) -> None:
        """End, unclosed at *limit*, every open quote from stack *position* up."""
        while len(self._stack) > position:
            quote = self._pop()
            if PAIRINGS[quote.kind].style in APOSTROPHE_LIKE_STYLES:
                self._siblings().extend(quote.inner)
            else:
                self._siblings().extend(self._unclosed(quote, limit))

    def _unclosed(self, quote: _Open, limit: int) -> list[QuoteMarkSpan]:
        """Return the span of an unclosed quote, then the inner quotes it must give up."""
        style = PAIRINGS[quote.kind].style
        # A complete double quote inside an unclosed one most likely means the unclosed one
        # ended, unmarked, before it: cut there and let that quote stand alone.
        inner = quote.inner
        cut = next((i for i, s in enumerate(inner) if s.style in DOUBLE_STYLES), len(inner))
        if cut < len(inner):
            limit = inner[cut].start
        content_end = _trimmed_end(self._text, quote.content_start, limit)
        if content_end == quote.content_start:
            return inner[cut:]
        paragraphs = quote.paragraphs
        if paragraphs > 1:
            breaks = PARAGRAPH_BREAK.findall(self._text, quote.content_start, content_end)
            paragraphs = 1 + len(breaks)
        span = QuoteMarkSpan(
            start=quote.start,
            end=content_end,
            content_start=quote.content_start,
            content_end=content_end,
            text=self._text[quote.content_start : content_end],
            style=style,
            closed=False,
            paragraphs=paragraphs,
            inner=tuple(inner[:cut]),
        )
        return [span, *inner[cut:]]
