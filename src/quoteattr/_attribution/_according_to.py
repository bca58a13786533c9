"""The "according to" rule: ``"…," according to officials`` / ``According to officials, "…"``.

The phrases are the language's (its profile's ``according_to``); the noun after the phrase
speaks.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from quoteattr._attribution._context import RuleContext, RuleFamily
from quoteattr._attribution._records import Attribution, make_attribution
from quoteattr._types import AttributionMethod

if TYPE_CHECKING:
    from collections.abc import Sequence

    from quoteattr._attribution._mentions import Mentions
    from quoteattr._attribution._noun_phrases import NounPhrases


class AccordingTo(RuleFamily):
    """The "according to" rule: the phrase is the cue, the noun phrase after it the speaker."""

    def __init__(self, context: RuleContext, phrases: NounPhrases, mentions: Mentions) -> None:
        """Read *context*'s document, with the rule families it asks."""
        super().__init__(context)
        self.phrases = phrases
        self.mentions = mentions

    def according_to(self, tokens: Sequence[int], start: int) -> Attribution | None:
        """The attribution of an "according to" phrase at *tokens*[*start*], if one is there."""
        lower = self.tokens.lower_
        if start >= len(tokens) or lower[tokens[start]] not in self.profile.according_to_openers:
            return None
        longest = max(len(phrase) for phrase in self.profile.according_to)
        words = [lower[i] for i in tokens[start : start + longest]]
        phrase = self.profile.according_to_phrase_at(words, 0)
        if phrase is None or start + len(phrase) >= len(tokens):
            return None
        according = self.token_at(tokens[start])
        last = tokens[start + len(phrase) - 1]
        rest = tokens[start + len(phrase) :]
        noun = self.relations.according_to_object(according, phrase)
        speaker = self.mentions.mention(noun, rest) if noun is not None else None
        speaker = speaker or self.phrases.noun_phrase_after(rest)
        if speaker is None:
            return None
        method = AttributionMethod.ACCORDING_TO
        return make_attribution(according.i, last + 1, " ".join(phrase), method, speaker)
