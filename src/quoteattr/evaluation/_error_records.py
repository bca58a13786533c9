"""The error records of a subset's scores, for analysis: what was missed, and why."""

from __future__ import annotations

from typing import TYPE_CHECKING

from quoteattr.evaluation._matching import candidate_for, is_unattributed
from quoteattr.evaluation._mentions import joined
from quoteattr.evaluation._results import AttributionText, ErrorCategory, ErrorRecord

if TYPE_CHECKING:
    from collections.abc import Sequence

    from quoteattr._types import QuoteKind
    from quoteattr.evaluation._gold import GoldAttribution
    from quoteattr.evaluation._matching import Candidate, Gold, Piece, PreparedDocument, Unit


def unmatched_error(
    document: PreparedDocument, gold: Gold, units: Sequence[Unit], kinds: frozenset[QuoteKind]
) -> ErrorRecord:
    """Why a gold attribution went unmatched: nothing there, unattributed, or wrong extent."""
    gold_text = _gold_text(document.text, gold.attribution)
    overlapping = (candidate_for(gold, unit, set()) for unit in units)
    candidates = [candidate for candidate in overlapping if candidate is not None]
    if candidates:
        best = min(candidates, key=lambda candidate: candidate.order)
        predicted = predicted_text(best.pieces)
        return ErrorRecord(
            ErrorCategory.WRONG_EXTENT, document.name, gold_text, predicted, best.jaccard
        )
    unattributed = tuple(
        piece
        for piece in document.pieces
        if is_unattributed(piece.quote)
        and piece.quote.kind in kinds
        and piece.characters & gold.characters
    )
    if unattributed:
        predicted = predicted_text(unattributed)
        return ErrorRecord(ErrorCategory.MISSED_UNATTRIBUTED, document.name, gold_text, predicted)
    return ErrorRecord(ErrorCategory.MISSED, document.name, gold_text, None)


def match_error(
    category: ErrorCategory, document: PreparedDocument, match: Candidate
) -> ErrorRecord:
    """A wrong speaker or cue (*category*) of a match, with both sides."""
    return ErrorRecord(
        category,
        document.name,
        _gold_text(document.text, match.gold.attribution),
        predicted_text(match.pieces),
        match.jaccard,
    )


def _gold_text(text: str, gold: GoldAttribution) -> AttributionText:
    return AttributionText(
        content=joined(text, gold.content),
        content_spans=gold.content,
        source=None if gold.source is None else joined(text, gold.source),
        source_spans=gold.source,
        cue=None if gold.cue is None else joined(text, gold.cue),
        cue_spans=gold.cue,
    )


def predicted_text(pieces: Sequence[Piece]) -> AttributionText:
    quotes = [piece.quote for piece in pieces]
    speaker, cue = quotes[0].speaker, quotes[0].cue
    return AttributionText(
        content=" ".join(quote.text for quote in quotes),
        content_spans=tuple((quote.start, quote.end) for quote in quotes),
        source=None if speaker is None else speaker.text,
        source_spans=None if speaker is None else ((speaker.start, speaker.end),),
        cue=None if cue is None else cue.text,
        cue_spans=None if cue is None else ((cue.start, cue.end),),
    )
