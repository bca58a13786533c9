"""Rule 4: continuation.

A quote with no reporting clause of its own, right after an attributed quote of the same or
the previous paragraph, with no reporter sentence in between, goes on with the same voice:
a whole utterance, a quoted clause that ends its sentence, or one that opens it (the
reporter's words after it, as in ``"…" or to control the arsenal.``, add no voice). So does
a whole utterance right after a sentence that ends with its reporting clause
(``He is no conservative, Roe said. "He's a liberal!"``).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import attrs

from quoteattr._attribution._context import RuleContext, RuleFamily
from quoteattr._attribution._tags import (
    MAX_TAG_SENTENCE_TOKENS,
    MIN_CONTINUED_WORDS,
)
from quoteattr._types import AttributionMethod

if TYPE_CHECKING:
    from collections.abc import Sequence

    from quoteattr._attribution._cue_after import CueAfter
    from quoteattr._attribution._records import Attribution, QuoteAttribution
    from quoteattr._layout import QuoteRegion


class Continuation(RuleFamily):
    """Rule 4: a quote that goes on with the voice of the attributed quote before it."""

    def __init__(self, context: RuleContext, cue_after: CueAfter) -> None:
        """Read *context*'s document; *cue_after* reads a reporting clause set off at the end."""
        super().__init__(context)
        self.cue_after = cue_after

    def reported_just_before(self, region: QuoteRegion) -> Attribution | None:
        """The voice of the sentence before the quote, when it ends with its reporting clause.

        ``Trump is no conservative, Roe said. "He's a liberal!"``: the sentence right before,
        in the same paragraph, ends with a short clause set off by a comma that is a speaker
        and a cue; the quote opening the next sentence goes on with that voice.
        """
        layout, tokens = self.layout, self.tokens
        stop = tokens.word_before(region.first)
        if stop < 0 or tokens.orth[stop] != "." or not layout.is_outside(stop):
            return None
        if layout.paragraph_of[stop] != region.paragraph:
            return None
        words = layout.reporter_tokens(layout.sentence_of[stop])
        if words[-1] != stop or any(not layout.is_outside(i) for i in range(words[0], stop)):
            return None  # a sentence with a quote of its own: that quote's voice goes on
        commas = [position for position, i in enumerate(words) if tokens.orth[i] == ","]
        if not commas:
            return None
        clause = words[commas[-1] + 1 : -1]
        if not clause or len(clause) > MAX_TAG_SENTENCE_TOKENS:
            return None
        if any(self.token_at(i).tag_ == "VBG" for i in clause):
            return None  # ", adding." has its speaker further back
        found = self.cue_after.find(clause, region)
        if found is None or found.method is not AttributionMethod.CUE_AFTER:
            return None
        return attrs.evolve(found, method=AttributionMethod.CONTINUATION)

    def closes_plain_sentence(
        self, region: QuoteRegion, right: Sequence[int], previous: Attribution | None = None
    ) -> bool:
        """A quoted clause that ends a sentence with no reporting word of its own.

        ``Now, "within the party there is real support for it."`` after an attributed quote
        goes on with the same voice; a short fragment ("the "big idea."") does not.
        """
        text = region.ending
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
