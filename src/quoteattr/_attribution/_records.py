"""What the attribution rules find: which tokens are a quote's cue and speaker, and how."""

from __future__ import annotations

from typing import TYPE_CHECKING

import attrs

if TYPE_CHECKING:
    from quoteattr._layout import QuoteRegion
    from quoteattr._types import AttributionMethod, QuoteKind


@attrs.frozen
class Attribution:
    """Which tokens are the cue and the speaker of a quote, and which rule said so."""

    cue_first: int
    cue_stop: int
    lemma: str
    method: AttributionMethod
    #: Head token of the speaker mention and the mention's token range.
    speaker_head: int
    speaker_first: int
    speaker_stop: int


@attrs.frozen
class QuoteAttribution:
    """A quote region with its kind and attribution (``None`` when no rule matched)."""

    region: QuoteRegion
    kind: QuoteKind
    attribution: Attribution | None


@attrs.frozen
class Mention:
    """A speaker mention: its head token and its token range."""

    head: int
    first: int
    stop: int


def make_attribution(
    cue_first: int, cue_stop: int, lemma: str, method: AttributionMethod, speaker: Mention
) -> Attribution:
    """The attribution of a cue's token range and a speaker mention, by *method*."""
    return Attribution(
        cue_first=cue_first,
        cue_stop=cue_stop,
        lemma=lemma,
        method=method,
        speaker_head=speaker.head,
        speaker_first=speaker.first,
        speaker_stop=speaker.stop,
    )
