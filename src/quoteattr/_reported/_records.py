"""What the reported-speech rules find: a report's content, attribution and kind."""

from __future__ import annotations

from typing import TYPE_CHECKING

import attrs

if TYPE_CHECKING:
    from collections.abc import Iterable

    from quoteattr._attribution import Attribution
    from quoteattr._types import QuoteKind


__all__ = ["Candidate", "ReportedSpeech", "outermost", "regions_in"]


@attrs.frozen
class ReportedSpeech:
    """A report found outside the quotes: its content's token range and its attribution."""

    #: First and one-past-last token of the content.
    first: int
    stop: int
    attribution: Attribution
    kind: QuoteKind
    #: The quote regions (indices into the layout's regions) the content takes in.
    regions: tuple[int, ...] = ()


@attrs.frozen
class Candidate:
    first: int
    stop: int
    cue: int
    attribution: Attribution
    #: The reporting clause sits inside the content: "Israel, he said, would proceed".
    inserted: bool = False


def regions_in(region_of: list[int], first: int, stop: int) -> set[int]:
    """The quote regions with a token from *first* up to *stop*."""
    return set(region_of[first:stop]) - {-1}  # -1: outside every quote


def outermost(candidates: Iterable[Candidate]) -> list[Candidate]:
    """The candidates no other candidate's content holds, longest first.

    A report inside another report's content is part of what the outer speaker said; of two
    whose contents overlap otherwise (a parse gone wrong), the longer stands.
    """
    kept: list[Candidate] = []
    for candidate in sorted(candidates, key=lambda c: (c.first - c.stop, c.first)):
        if any(
            other.first <= candidate.cue < other.stop
            or (candidate.first < other.stop and other.first < candidate.stop)
            for other in kept
        ):
            continue
        kept.append(candidate)
    return kept
