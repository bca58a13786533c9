"""Scoring one subset of the gold: matches, speakers, cues and what is neutral."""

from __future__ import annotations

from typing import TYPE_CHECKING

import attrs

from quoteattr.evaluation._error_records import match_error, predicted_text, unmatched_error
from quoteattr.evaluation._matching import Unit, match_greedily
from quoteattr.evaluation._mentions import (
    joined,
    names_person,
    normalize_mention,
    overlaps,
    pronoun_reference,
    range_of,
    roles_swapped,
)
from quoteattr.evaluation._results import ErrorCategory, ErrorRecord, Ratio, SubsetScores

if TYPE_CHECKING:
    from collections.abc import Iterable, Sequence

    from quoteattr._types import QuoteKind
    from quoteattr.evaluation._matching import Candidate, Gold, Piece, PreparedDocument
    from quoteattr.evaluation._subsets import Subset

#: A leftover prediction with at least this share of its characters inside one attribution
#: outside the subset being scored is neutral there: neither right nor wrong.
NEUTRAL_SHARE = 0.5


@attrs.define
class _Tally:
    """The counts of one subset, added up over documents."""

    gold: int = 0
    matched: int = 0
    false_positives: int = 0
    neutral: int = 0
    end_to_end_correct: int = 0
    with_source: int = 0
    speaker_lenient: int = 0
    speaker_strict: int = 0
    with_cue: int = 0
    cue: int = 0
    pronoun_sources: int = 0
    pronouns_resolved: int = 0
    roles_swapped: int = 0
    errors: list[ErrorRecord] = attrs.Factory(list)

    def freeze(self, subset: Subset) -> SubsetScores:
        return SubsetScores(
            subset=subset.name,
            gold=self.gold,
            matched=self.matched,
            false_positives=self.false_positives,
            neutral=self.neutral,
            end_to_end_correct=self.end_to_end_correct,
            speaker_lenient=Ratio(self.speaker_lenient, self.with_source),
            speaker_strict=Ratio(self.speaker_strict, self.with_source),
            cue=Ratio(self.cue, self.with_cue),
            pronoun_resolution=Ratio(self.pronouns_resolved, self.pronoun_sources),
            roles_swapped=self.roles_swapped,
            errors=tuple(self.errors),
        )


def score_subset(
    documents: Iterable[PreparedDocument], subset: Subset, min_jaccard: float
) -> SubsetScores:
    """The scores of *subset* over every document, with its errors."""
    tally = _Tally()
    for document in documents:
        _score_document(document, subset, min_jaccard, tally)
    return tally.freeze(subset)


def _score_document(
    document: PreparedDocument, subset: Subset, min_jaccard: float, tally: _Tally
) -> None:
    golds = [gold for gold in document.golds if subset.includes(gold.attribution)]
    others = [gold for gold in document.golds if not subset.includes(gold.attribution)]
    units = _units_of_kinds(document.units, subset.kinds)
    matches, used = match_greedily(golds, units, min_jaccard)
    tally.gold += len(golds)
    tally.matched += len(matches)
    for match in matches:
        _score_match(document, match, tally)
    matched = {match.gold.position for match in matches}
    for gold in golds:
        if gold.position not in matched:
            tally.errors.append(unmatched_error(document, gold, units, subset.kinds))
    for unit in units:
        leftover = tuple(piece for piece in unit.pieces if piece.position not in used)
        if not leftover:
            continue
        if _is_neutral(leftover, others):
            tally.neutral += 1
        else:
            tally.false_positives += 1
            predicted = predicted_text(leftover)
            tally.errors.append(
                ErrorRecord(ErrorCategory.FALSE_POSITIVE, document.name, None, predicted)
            )


def _units_of_kinds(units: Iterable[Unit], kinds: frozenset[QuoteKind]) -> list[Unit]:
    """The units restricted to quotes of *kinds*; units left empty are dropped."""
    kept = []
    for unit in units:
        pieces = tuple(piece for piece in unit.pieces if piece.quote.kind in kinds)
        if pieces:
            kept.append(Unit(unit.position, pieces))
    return kept


def _is_neutral(leftover: Sequence[Piece], others: Iterable[Gold]) -> bool:
    """Whether the leftover lies mostly inside one attribution outside the subset."""
    characters = frozenset().union(*(piece.characters for piece in leftover))
    if not characters:
        return False
    return any(
        len(characters & gold.characters) >= NEUTRAL_SHARE * len(characters) for gold in others
    )


def _score_match(document: PreparedDocument, match: Candidate, tally: _Tally) -> None:
    """Count the speaker, cue and end-to-end results of one match, and their errors."""
    gold = match.gold.attribution
    speaker, cue = match.unit.speaker, match.unit.cue
    gold_source, gold_cue = gold.source, gold.cue
    if roles_swapped(speaker, cue, gold):
        gold_source, gold_cue = gold_cue, gold_source
        tally.roles_swapped += 1
    lenient = False
    if gold_source is not None:
        tally.with_source += 1
        lenient = speaker is not None and overlaps(range_of(speaker), gold_source)
        tally.speaker_lenient += lenient
        source = joined(document.text, gold_source)
        tally.speaker_strict += speaker is not None and normalize_mention(
            speaker.text
        ) == normalize_mention(source)
    if lenient and speaker is not None and gold_source is not None:
        reference = pronoun_reference(document.text, document.golds, gold_source)
        if reference is not None:
            tally.pronoun_sources += 1
            tally.pronouns_resolved += names_person(speaker.name, reference)
    correct = lenient or (gold_source is None and speaker is None)
    tally.end_to_end_correct += correct
    if not correct:
        tally.errors.append(match_error(ErrorCategory.WRONG_SPEAKER, document, match))
    if gold_cue is not None:
        tally.with_cue += 1
        cue_correct = cue is not None and overlaps(range_of(cue), gold_cue)
        tally.cue += cue_correct
        if not cue_correct:
            tally.errors.append(match_error(ErrorCategory.WRONG_CUE, document, match))
