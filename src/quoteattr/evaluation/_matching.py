"""Predictions against gold, as sets of counted characters: preparing them, and matching.

Content is compared as sets of character positions, leaving out whitespace and quotation
marks: the gold keeps the marks inside its content and quoteattr leaves them out, and
neither should decide a match. Quotes sharing a speaker mention and a cue form one
prediction *unit*, so a quote given in pieces (``"A," he said. "B."``) is scored once,
however it is represented.
"""

from __future__ import annotations

import heapq
from typing import TYPE_CHECKING

import attrs

if TYPE_CHECKING:
    from collections.abc import Iterable, Sequence

    from quoteattr._types import Cue, Quote, Speaker
    from quoteattr.evaluation._gold import GoldAttribution, GoldDocument, Span

#: Characters never counted: the gold includes the marks in its content, quoteattr does not.
QUOTE_MARK_CHARACTERS = frozenset("\"“”‘’„‟«»‹›'`")


@attrs.frozen
class Gold:
    """A gold attribution with its counted characters; *position* is its order in the file."""

    position: int
    attribution: GoldAttribution
    characters: frozenset[int]


@attrs.frozen
class Piece:
    """A predicted quote with its counted characters; *position* is its order in the list."""

    position: int
    quote: Quote
    characters: frozenset[int]


@attrs.frozen
class Unit:
    """Quotes with the same speaker mention and cue: one attribution, maybe in pieces."""

    position: int
    pieces: tuple[Piece, ...]

    @property
    def speaker(self) -> Speaker | None:
        return self.pieces[0].quote.speaker

    @property
    def cue(self) -> Cue | None:
        return self.pieces[0].quote.cue


@attrs.frozen
class PreparedDocument:
    """A document ready to score: gold and quotes with their characters, quotes in units."""

    name: str
    text: str
    golds: tuple[Gold, ...]
    pieces: tuple[Piece, ...]
    units: tuple[Unit, ...]


def prepare(document: GoldDocument, quotes: Sequence[Quote]) -> PreparedDocument:
    """*document* and the *quotes* predicted for it, ready to score."""
    text = document.text
    golds = tuple(
        Gold(position, attribution, counted_characters(text, attribution.content))
        for position, attribution in enumerate(document.attributions)
    )
    for quote in quotes:
        if quote.end > len(text):
            raise ValueError(
                f"a quote of {document.name!r} ends at {quote.end}, past the end of its text "
                f"({len(text)} characters): are the predictions in document order?"
            )
    pieces = tuple(
        Piece(position, quote, counted_characters(text, [(quote.start, quote.end)]))
        for position, quote in enumerate(quotes)
    )
    return PreparedDocument(document.name, text, golds, pieces, group_units(pieces))


def counted_characters(text: str, spans: Iterable[Span]) -> frozenset[int]:
    """The positions in *spans* that count: neither whitespace nor a quotation mark."""
    return frozenset(
        position
        for start, end in spans
        for position in range(start, end)
        if not text[position].isspace() and text[position] not in QUOTE_MARK_CHARACTERS
    )


def group_units(pieces: Iterable[Piece]) -> tuple[Unit, ...]:
    """Group attributed quotes by speaker mention and cue; a quote lacking either is alone."""
    groups: dict[object, list[Piece]] = {}
    for piece in pieces:
        speaker, cue = piece.quote.speaker, piece.quote.cue
        if speaker is None and cue is None:
            continue  # unattributed: not a prediction
        key: object = piece.position  # alone in its unit
        if speaker is not None and cue is not None:
            key = (speaker.start, speaker.end, cue.start, cue.end)
        groups.setdefault(key, []).append(piece)
    return tuple(Unit(position, tuple(group)) for position, group in enumerate(groups.values()))


def is_unattributed(quote: Quote) -> bool:
    """Whether *quote* has neither speaker nor cue: found, but no prediction to score."""
    return quote.speaker is None and quote.cue is None


@attrs.frozen
class Candidate:
    """A gold attribution and the pieces of one unit that overlap it."""

    gold: Gold
    unit: Unit
    pieces: tuple[Piece, ...]
    jaccard: float

    @property
    def order(self) -> tuple[float, int, int, int, int]:
        """Best similarity first; ties go to the earliest gold, then the earliest unit."""
        gold_start = self.gold.attribution.content[0][0]
        unit_start = self.unit.pieces[0].quote.start
        return (-self.jaccard, gold_start, self.gold.position, unit_start, self.unit.position)


def candidate_for(gold: Gold, unit: Unit, used: set[int]) -> Candidate | None:
    """The unit's unused pieces that overlap *gold*, as one prediction; None if there are none."""
    pieces = tuple(
        piece
        for piece in unit.pieces
        if piece.position not in used and piece.characters & gold.characters
    )
    if not pieces:
        return None
    predicted = frozenset().union(*(piece.characters for piece in pieces))
    return Candidate(gold, unit, pieces, _jaccard(gold.characters, predicted))


def _jaccard(first: frozenset[int], second: frozenset[int]) -> float:
    union = len(first | second)
    return len(first & second) / union if union else 0.0


def match_greedily(
    golds: Sequence[Gold], units: Sequence[Unit], min_jaccard: float
) -> tuple[list[Candidate], set[int]]:
    """Match greedily, best similarity first: each gold once, each piece (quote) once.

    A candidate whose pieces were taken by a better match is re-formed from the pieces left,
    and competes again if it still reaches *min_jaccard*. Returns the matches and the
    positions of the pieces they used.
    """
    used: set[int] = set()
    queue: list[tuple[tuple[float, int, int, int, int], Candidate]] = []
    for gold in golds:
        for unit in units:
            candidate = candidate_for(gold, unit, used)
            if candidate is not None and candidate.jaccard >= min_jaccard:
                queue.append((candidate.order, candidate))
    heapq.heapify(queue)
    matched: set[int] = set()
    matches: list[Candidate] = []
    while queue:
        _, candidate = heapq.heappop(queue)
        if candidate.gold.position in matched:
            continue
        if any(piece.position in used for piece in candidate.pieces):
            rest = candidate_for(candidate.gold, candidate.unit, used)
            if rest is not None and rest.jaccard >= min_jaccard:
                heapq.heappush(queue, (rest.order, rest))
            continue
        matches.append(candidate)
        matched.add(candidate.gold.position)
        used.update(piece.position for piece in candidate.pieces)
    return matches, used
