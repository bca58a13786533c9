"""The precision of each attribution method: the table behind ``Quote.confidence``."""

from __future__ import annotations

from typing import TYPE_CHECKING

from quoteattr.evaluation._mentions import overlaps, range_of, roles_swapped
from quoteattr.evaluation._results import MethodPrecision

if TYPE_CHECKING:
    from collections.abc import Iterable

    from quoteattr.evaluation._matching import Piece, PreparedDocument

#: For the precision per method: a quote belongs to an attribution that holds this share of
#: its characters.
INSIDE_SHARE = 0.5
#: The method name reported for quotes without a method (no rule attributed them).
NO_METHOD = "none"


def method_precision(documents: Iterable[PreparedDocument]) -> tuple[MethodPrecision, ...]:
    """Per attribution method, how many quotes it attributed and how many correctly."""
    quotes: dict[str, int] = {}
    correct: dict[str, int] = {}
    for document in documents:
        for piece in document.pieces:
            method = NO_METHOD if piece.quote.method is None else piece.quote.method.value
            quotes[method] = quotes.get(method, 0) + 1
            correct[method] = correct.get(method, 0) + _attributed_correctly(piece, document)
    return tuple(
        MethodPrecision(method, quotes[method], correct[method]) for method in sorted(quotes)
    )


def _attributed_correctly(piece: Piece, document: PreparedDocument) -> bool:
    """Whether the quote lies in a gold attribution (any subset) that agrees on the speaker."""
    if not piece.characters:
        return False
    speaker = piece.quote.speaker
    for gold in document.golds:
        inside = len(piece.characters & gold.characters)
        if inside < INSIDE_SHARE * len(piece.characters):
            continue
        source = gold.attribution.source
        if source is None and speaker is None:
            return True
        if source is not None and speaker is not None and overlaps(range_of(speaker), source):
            return True
        if roles_swapped(speaker, piece.quote.cue, gold.attribution):
            return True
    return False
