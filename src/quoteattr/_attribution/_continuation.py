"""Rule 4: continuation.

A quote with no reporting clause of its own, right after an attributed quote of the same or
the previous paragraph, with no reporter sentence in between, goes on with the same voice:
a whole utterance, a quoted clause that ends its sentence, or one that opens it (the
reporter's words after it, as in ``"…" or to control the arsenal.``, add no voice).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import attrs

from quoteattr._attribution._context import RuleContext, RuleFamily
from quoteattr._attribution._tags import (
    MIN_CONTINUED_WORDS,
)
from quoteattr._types import AttributionMethod

if TYPE_CHECKING:
    from collections.abc import Sequence

    from quoteattr._attribution._records import Attribution, QuoteAttribution
    from quoteattr._layout import QuoteRegion


class Continuation(RuleFamily):
    """Rule 4: a quote that goes on with the voice of the attributed quote before it."""

    def __init__(self, context: RuleContext) -> None:
        """Read *context*'s document."""
        super().__init__(context)

    def closes_plain_sentence(
        self, region: QuoteRegion, right: Sequence[int], previous: Attribution | None = None
    ) -> bool:
        """A quoted clause that ends a sentence with no reporting word of its own.

        ``Now, "within the party there is real support for it."`` after an attributed quote
        goes on with the same voice; a short fragment ("the "big idea."") does not.
        """
        text = region.marks.text.rstrip()
        ends = text.endswith((".", "!", "?", "…")) or (
            bool(right) and self.tokens.orth[right[0]] in {".", "!", "?"}
        )
        if not ends or len(text.split()) < MIN_CONTINUED_WORDS:
            return False
        return not self._has_own_cue(region, previous)

    def opens_plain_sentence(
        self, region: QuoteRegion, left: Sequence[int], previous: Attribution | None = None
    ) -> bool:
        """A quoted clause that opens a sentence with no reporting word in it.

        ``"After much thought, I cannot back him" or his running mate.`` after an attributed
        quote is the same voice, though the reporter's words end the sentence.
        """
        if left or len(region.marks.text.split()) < MIN_CONTINUED_WORDS:
            return False
        return not self._has_own_cue(region, previous)

    def _has_own_cue(self, region: QuoteRegion, previous: Attribution | None) -> bool:
        """Whether the quote's sentence holds a cue other than that of the quote before.

        The cue of a quote split around its reporting clause (``"…," she said, "…."``)
        stands in the sentence of both pieces, and is the voice the second carries on.
        """
        skip = range(0) if previous is None else range(previous.cue_first, previous.cue_stop)
        words = self.layout.reporter_tokens(region.sentence)
        return any(self.context.is_cue(self.token_at(i)) for i in words if i not in skip)

    def continued(self, previous: QuoteAttribution, region: QuoteRegion) -> Attribution | None:
        if previous.attribution is None:
            return None
        layout = self.layout
        previous_last = max(previous.region.stop - 1, previous.region.first)
        if region.paragraph - layout.paragraph_of[previous_last] > 1:
            return None
        # Any reporter sentence of its own between the two quotes breaks the chain; the
        # words leading into this quote in its own sentence do not.
        allowed = {previous.region.sentence, layout.sentence_of[previous_last], region.sentence}
        for i in range(previous.region.stop, region.first):
            token = self.token_at(i)
            reporter_word = layout.is_outside(i) and not (token.is_space or token.is_punct)
            if reporter_word and layout.sentence_of[i] not in allowed:
                return None
        return attrs.evolve(previous.attribution, method=AttributionMethod.CONTINUATION)
