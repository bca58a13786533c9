"""A signed quote: ``"…" — Jane Roe``.

Reader responses, pull quotes and epigraphs sign a quote with a dash and a name, in the
quote's paragraph or in one of its own under it; the dash is the cue.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from quoteattr._attribution._context import RuleContext, RuleFamily
from quoteattr._attribution._records import Attribution, make_attribution
from quoteattr._attribution._tags import (
    DASHES,
    MAX_BYLINE_TOKENS,
    NOUN_PHRASE,
)
from quoteattr._types import AttributionMethod

if TYPE_CHECKING:
    from quoteattr._attribution._noun_phrases import NounPhrases
    from quoteattr._layout import QuoteRegion


class Byline(RuleFamily):
    """A signed quote: a dash, then only a name to the end of the paragraph."""

    def __init__(self, context: RuleContext, phrases: NounPhrases) -> None:
        """Read *context*'s document, with the rule families it asks."""
        super().__init__(context)
        self.phrases = phrases

    def find(self, region: QuoteRegion) -> Attribution | None:
        """``"…" — Jane Roe``: a dash, then only a name to the end of the paragraph.

        Reader responses, pull quotes and epigraphs sign a quote this way; the dash is the
        cue. Small tokenizers glue the dash to the closing mark ("”―"), so that token counts.
        """
        layout = self.layout
        stop = self._next_paragraph_start(region)
        if stop == 0 or stop >= len(self.doc):
            return None
        if self.tokens.orth[stop] in DASHES:
            dash, first = stop, stop + 1
        elif len(self.tokens.orth[stop - 1]) > 1 and self.tokens.orth[stop - 1][-1] in "—–―":
            dash, first = stop - 1, stop
        else:
            return None
        words: list[int] = []
        i = first
        # Up to the end of the paragraph, but never further than a byline can be long.
        while (
            i < len(self.doc)
            and len(words) <= MAX_BYLINE_TOKENS + 1
            and layout.is_outside(i)
            and not layout.tokens.is_line_break(i)
        ):
            if not self.tokens.is_space[i]:
                words.append(i)
            i += 1
        if words and self.tokens.orth[words[-1]] == ".":
            words.pop()
        if not words or len(words) > MAX_BYLINE_TOKENS:
            return None
        if any(self.tokens.pos[j] not in NOUN_PHRASE and self.tokens.orth[j] != "," for j in words):
            return None
        if not any(self.tokens.pos[j] == "PROPN" for j in words):
            return None
        speaker = self.phrases.noun_phrase(words)
        if speaker is None:
            return None
        return make_attribution(dash, dash + 1, "—", AttributionMethod.BYLINE, speaker)

    def _next_paragraph_start(self, region: QuoteRegion) -> int:
        """Where a signature may start: right after the quote, or on the next line.

        Fact checks and round-ups put the signature in a paragraph of its own under a quote
        that fills its paragraph (``"…"`` ¶ ``- Jane Roe.``).
        """
        i = region.stop
        line_breaks = 0
        while i < len(self.doc) and self.tokens.is_space[i]:
            line_breaks += self.layout.tokens.is_line_break(i)
            i += 1
        if (
            line_breaks == 1
            and i < len(self.doc)
            and self.layout.is_outside(i)
            and self._opens_paragraph(region.first)
        ):
            return i
        return region.stop

    def _opens_paragraph(self, i: int) -> bool:
        """Whether token *i* is the first word of its paragraph."""
        i -= 1
        while i >= 0 and self.tokens.is_space[i]:
            if self.layout.tokens.is_line_break(i):
                return True
            i -= 1
        return i < 0
