"""The plan of a text: its pieces, their quotation marks, and what the parser gets of each.

The marks are paired once, over the whole text, so cutting a long text into pieces changes no
quotation; a piece that cannot hold a quote of the kinds asked for is not parsed at all.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import attrs

from quoteattr._marks import find_quote_marks
from quoteattr._parsing import parseable
from quoteattr._pieces import Piece, blanked_spans, elided, marks_within, pieces_of, stitched
from quoteattr._reported import may_report
from quoteattr._selective import ParseMode, relevant_text
from quoteattr._types import REPORTED_KINDS

if TYPE_CHECKING:
    from collections.abc import Sequence

    from quoteattr._types import Quote, QuoteKind, QuoteMarkSpan
    from quoteattr.lang import LanguageProfile

__all__ = ["Part", "Plan", "extractable", "may_hold_quotes", "plan_text", "stitched_quotes"]


@attrs.frozen
class Part:
    """A text, or a piece of a long one, ready for the parser: its marks and what it gets."""

    piece: Piece
    #: The piece's text: the caller's whole text unless it is long.
    text: str
    marks: list[QuoteMarkSpan]
    #: ``None`` when the text cannot hold a quote and is not parsed at all.
    to_parse: str | None


@attrs.frozen
class Plan:
    """How a text is parsed: its parts, and the quotations no part can hold whole."""

    parts: list[Part]
    unparsed: list[QuoteMarkSpan]


def plan_text(
    text: str,
    *,
    profile: LanguageProfile,
    kinds: frozenset[QuoteKind],
    parse: ParseMode,
    max_length: int,
) -> Plan:
    """*text* (or, if longer than *max_length* or dense, each of its pieces), planned."""
    all_marks = find_quote_marks(text, conventions=profile.quotes)
    marks = extractable(all_marks)
    pieces = pieces_of(
        text, max_length=max_length, marks=all_marks, abbreviations=profile.abbreviations
    )
    unparsed = [mark for mark in marks if not any(piece.holds(mark) for piece in pieces)]
    parts: list[Part] = []
    for piece in pieces:
        if len(pieces) == 1:
            to_parse = _text_to_parse(text, marks, profile=profile, kinds=kinds, parse=parse)
            parts.append(Part(piece, text, marks, to_parse))
            continue
        own = text[piece.start : piece.end]
        own_marks = marks_within(marks, piece)
        to_parse = _text_to_parse(own, own_marks, profile=profile, kinds=kinds, parse=parse)
        if to_parse is not None and unparsed:
            # The part of a quotation no piece holds is no reporter's text either.
            to_parse = blanked_spans(to_parse, unparsed, piece.start)
        parts.append(Part(piece, own, own_marks, to_parse))
    return Plan(parts, unparsed)


def stitched_quotes(
    plan: Plan, found: list[list[Quote]], kinds: frozenset[QuoteKind]
) -> list[Quote]:
    """The quotes of the whole text, from the quotes *found* in each part of *plan*."""
    pieces = [part.piece for part in plan.parts]
    return stitched(pieces, found, unparsed=plan.unparsed, kinds=kinds)


def _text_to_parse(
    text: str,
    marks: Sequence[QuoteMarkSpan],
    *,
    profile: LanguageProfile,
    kinds: frozenset[QuoteKind],
    parse: ParseMode,
) -> str | None:
    """What to hand the parser for *text*, or ``None`` when it cannot hold a quote.

    The same length as *text*, so offsets into one are offsets into the other.
    """
    if not may_hold_quotes(text, marks, profile, kinds):
        return None
    straight = profile.quotes.straight_for_parser if profile.quotes else ()
    to_parse = elided(parseable(text, "".join(straight)), marks)
    if parse is ParseMode.RELEVANT:
        return relevant_text(to_parse, marks, kinds, profile)
    return to_parse


def may_hold_quotes(
    text: str,
    marks: Sequence[QuoteMarkSpan],
    profile: LanguageProfile,
    kinds: frozenset[QuoteKind],
) -> bool:
    """Whether *text* can hold a quote of *kinds*, judged without parsing."""
    if marks:
        return True
    return bool(kinds & REPORTED_KINDS) and may_report(text, profile)


def extractable(marks: Sequence[QuoteMarkSpan]) -> list[QuoteMarkSpan]:
    """The marks that may be reported as quotes: closed, around more than spaces."""
    # An unclosed mark is kept by find_quote_marks but too unreliable to report as a quote.
    return [mark for mark in marks if mark.closed and mark.text.strip()]
