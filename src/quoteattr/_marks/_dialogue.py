"""Dialogue lines opened by a dash, and the narrator's incises cut out of speech.

Both follow a language's :class:`~quoteattr._conventions.QuoteConventions`; with the default
conventions nothing here runs. The pairer (``quoteattr._marks._pairer``) calls
:func:`dash_line` for every paragraph, and ``find_quote_marks`` calls :func:`split_at_incises`
for every top-level span it found.

Dialogue lines
    A paragraph that opens (after optional spaces) with one of the conventions' dialogue
    dashes is a speaker's line up to its end: a ``DIALOGUE_DASH`` span from the dash (its
    ``start``) to the paragraph's last character that is not a space; its content starts
    after the dash and the spaces after it. Quotations inside the line are its ``inner``
    spans. A line that opens with its only quotation (``— « Entrez. » Il entra.``) ends
    with it: what follows is the narrator's.

Incises
    ``— Oui, dit la petite, il joue.``: a comma (or ``!``, ``?``, ``…``) ends the speech, and
    the narrator's incise starts with a verb form of the conventions' list, inverted
    (``dit la petite``, ``répondit-il``, ``s'écria-t-elle``; object and reflexive clitics may
    come first). The incise runs to the next comma, full stop, semicolon, colon, ``!``,
    ``?`` or ``…`` (a full stop after an abbreviation such as ``M.`` does not count), and
    the speech resumes after it; a span with an incise becomes two (or more) spans. The
    speech keeps its punctuation (``Oui,``), as the AADS annotators mark it. An incise that
    runs to the end of its span ends the speech there. The first piece keeps the span's
    opening mark and has no closing one (``end == content_end``); the last keeps the closing
    mark and has no opening one (``start == content_start``). A comma inside a quotation
    nested in the span is no incise.
"""

from __future__ import annotations

import bisect
from typing import TYPE_CHECKING, Final

import regex

from quoteattr._conventions import incise_pattern
from quoteattr._marks._paragraphs import PARAGRAPH_BREAK
from quoteattr._types import MarkStyle, QuoteMarkSpan

if TYPE_CHECKING:
    from quoteattr._conventions import QuoteConventions

__all__ = ["dash_line", "split_at_incises", "turns"]

#: Where an incise ends: a comma, or punctuation that ends a clause, but not the full stop of
#: an abbreviation (a capital and at most two lower-case letters: ``M.``, ``Mme.``, ``Dr.``).
_INCISE_END: Final = regex.compile(
    r"[,;:!?\N{HORIZONTAL ELLIPSIS}] | (?<! \b \p{Lu} \p{Ll}{0,2}+ ) \.",
    regex.VERSION1 | regex.VERBOSE,
)
_WORD: Final = regex.compile(r"\w")
_NEXT_WORD: Final = regex.compile(r"\s*+(\w++)")


def dash_line(
    text: str, paragraph: tuple[int, int], conventions: QuoteConventions
) -> tuple[int, int, int] | None:
    """Return ``(dash start, content start, content end)`` if *paragraph* is a dialogue line."""
    pattern = incise_pattern(conventions).dash
    if pattern is None:
        return None
    match = pattern.match(text, *paragraph)
    if match is None:
        return None
    content_start = match.end()
    content_end = content_start + len(text[content_start : paragraph[1]].rstrip())
    dash_start = content_start - len(text[paragraph[0] : content_start].lstrip())
    return dash_start, content_start, content_end


def turns(
    text: str, paragraph: tuple[int, int], taken: list[QuoteMarkSpan], conventions: QuoteConventions
) -> list[tuple[int, int, int]]:
    """The speakers' turns opened by dashes in the middle of *paragraph*, as :func:`dash_line`.

    A turn starts at a dialogue dash that follows one of the conventions' ``turn_after``
    marks (or, if the paragraph has two dashes that may open turns, ``chained_turn_after``
    ones) and comes before a capital or a quotation mark, outside the spans *taken*, and
    runs to the next such dash or to the end of the paragraph. A turn that ends with a
    ``turn_after`` mark ends, unless it is a single sentence, with the narrator introducing
    the next speech (``— Oui. Elle reprit :``): it ends at the last sentence before.
    """
    patterns = incise_pattern(conventions)
    pattern = patterns.turn
    if pattern is None:
        return []
    matches = [
        match
        for match in pattern.finditer(text, *paragraph)
        if not any(span.start <= match.start("dash") < span.end for span in taken)
    ]
    starts = [
        (match.start("dash"), match.end())
        for match in matches
        if len(matches) > 1 or match.group("alone") is not None
    ]
    if not starts:
        return []
    ends = [start for start, _content in starts[1:]] + [paragraph[1]]
    lines = []
    for (start, content), end in zip(starts, ends, strict=True):
        stop = content + len(text[content:end].rstrip())
        if text.endswith(conventions.turn_after, content, stop) and patterns.sentence_end:
            last = None
            for last in patterns.sentence_end.finditer(text, content, stop):  # noqa: B007
                pass
            if last is not None:
                stop = last.end("mark")
        lines.append((start, content, stop))
    return lines


def dash_span(text: str, line: tuple[int, int, int], inner: list[QuoteMarkSpan]) -> QuoteMarkSpan:
    """The ``DIALOGUE_DASH`` span of a line found by :func:`dash_line`."""
    start, content_start, content_end = line
    if (
        len(inner) == 1
        and inner[0].start == content_start
        and inner[0].closed
        and inner[0].end < content_end
    ):
        # ``— « Entrez. » Il entra.``: a line that opens with a quotation says no more than it.
        content_end = inner[0].end
    return QuoteMarkSpan(
        start=start,
        end=content_end,
        content_start=content_start,
        content_end=content_end,
        text=text[content_start:content_end],
        style=MarkStyle.DIALOGUE_DASH,
        closed=True,
        paragraphs=1,
        inner=tuple(inner),
    )


def split_at_incises(
    text: str, span: QuoteMarkSpan, conventions: QuoteConventions
) -> list[QuoteMarkSpan]:
    """Return *span* cut around the narrator's incises it holds (just *span* if none)."""
    patterns = incise_pattern(conventions)
    if patterns.incise is None and patterns.aside is None:
        return [span]
    speech = [(span.content_start, span.content_end)]
    if patterns.incise is not None:
        speech = _speech_ranges(text, span, conventions)
    if patterns.aside is not None:
        speech = _without_asides(text, speech, patterns.aside)
    if len(speech) == 1 and speech[0] == (span.content_start, span.content_end):
        return [span]
    pieces = []
    # The nested quotes are sorted and disjoint: each piece takes a slice of them, found by
    # bisection, so that many incises among many nested quotes stay linear.
    inner_starts = [s.start for s in span.inner]
    for index, (start, end) in enumerate(speech):
        low = bisect.bisect_left(inner_starts, start)
        high = bisect.bisect_left(inner_starts, end)
        first, last = index == 0, index == len(speech) - 1 and end == span.content_end
        paragraphs = 1
        if span.paragraphs > 1:
            paragraphs += len(PARAGRAPH_BREAK.findall(text, start, end))
        pieces.append(
            QuoteMarkSpan(
                start=span.start if first else start,
                end=span.end if last else end,
                content_start=span.content_start if first else start,
                content_end=end,
                text=text[span.content_start if first else start : end],
                style=span.style,
                closed=span.closed or not last,
                paragraphs=paragraphs,
                inner=tuple(s for s in span.inner[low:high] if s.end <= end),
            )
        )
    return pieces


def _speech_ranges(
    text: str, span: QuoteMarkSpan, conventions: QuoteConventions
) -> list[tuple[int, int]]:
    """The content ranges of *span* left when its incises are cut out, in order."""
    pattern = incise_pattern(conventions).incise
    assert pattern is not None  # noqa: S101 - checked by the caller
    inner_starts = [s.start for s in span.inner]
    ranges: list[tuple[int, int]] = []
    position = speech_start = span.content_start
    end = span.content_end
    while (match := pattern.search(text, position, end)) is not None:
        position = match.end()
        if not _is_incise(match, conventions) or _inside(span.inner, inner_starts, match.start()):
            position = match.start("verb")
            continue
        speech_end = match.start() + 1 if text[match.start()] != "." else match.start() + 3
        if speech_end > speech_start:
            ranges.append((speech_start, speech_end))
        stop = _INCISE_END.search(text, match.end(), end)
        while stop is not None and _continues(text, stop, end, conventions):
            stop = _INCISE_END.search(text, stop.end(), end)
        if stop is None:
            return ranges
        resume = stop.end()
        resume += len(text[resume:end]) - len(text[resume:end].lstrip())
        if resume >= end:
            return ranges
        speech_start = position = resume
    ranges.append((speech_start, end))
    return ranges


def _continues(text: str, stop: regex.Match[str], end: int, conventions: QuoteConventions) -> bool:
    """Whether the incise goes on past the comma *stop*: a word of ``incise_continuations``."""
    if stop.group() != "," or not conventions.incise_continuations:
        return False
    word = _NEXT_WORD.match(text, stop.end(), end)
    return word is not None and word.group(1).lower() in conventions.incise_continuations


def _without_asides(
    text: str, ranges: list[tuple[int, int]], aside: regex.Pattern[str]
) -> list[tuple[int, int]]:
    """*ranges* with the asides in them cut out, and pieces left without a word dropped."""
    pieces = []
    for start, end in ranges:
        cut = [(start, start)]
        for match in aside.finditer(text, start, end):
            cut[-1] = (cut[-1][0], match.start())
            cut.append((match.end(), match.end()))
        if len(cut) == 1:
            pieces.append((start, end))
            continue
        cut[-1] = (cut[-1][0], end)
        pieces.extend(piece for piece in cut if _WORD.search(text, *piece))
    return pieces


def _is_incise(match: regex.Match[str], conventions: QuoteConventions) -> bool:
    verb = match.group("verb").lower()
    if verb in conventions.incise_verbs:
        return True
    return verb in conventions.inverted_incise_verbs and match.group("pronoun") is not None


def _inside(inner: tuple[QuoteMarkSpan, ...], starts: list[int], offset: int) -> bool:
    """Whether *offset* falls within one of the nested quotations *inner* (sorted)."""
    index = bisect.bisect_right(starts, offset) - 1
    return index >= 0 and offset < inner[index].end
