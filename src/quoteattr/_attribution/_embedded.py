"""Rule 3: a cue that governs the quote in the dependency tree, anywhere in its sentence.

``criticizing the campaign as "over the top"``: the first cue above the quote's words, over
complements only, that may report from a distance.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from quoteattr._attribution._context import RuleContext, RuleFamily
from quoteattr._attribution._tags import (
    COMPLEMENTS,
    MAX_CLIMB,
    VERBAL,
)
from quoteattr._types import AttributionMethod

if TYPE_CHECKING:
    from spacy.tokens import Token

    from quoteattr._attribution._mentions import Mentions
    from quoteattr._attribution._records import Attribution
    from quoteattr._layout import QuoteRegion


class Embedded(RuleFamily):
    """Rule 3: a cue that governs the quote in the tree, anywhere in its sentence."""

    def __init__(self, context: RuleContext, mentions: Mentions) -> None:
        """Read *context*'s document, with the rule families it asks."""
        super().__init__(context)
        self.mentions = mentions

    def find(self, region: QuoteRegion) -> Attribution | None:
        cue = self._governing_cue(region)
        if cue is None:
            return None
        speaker = self.mentions.tree_speaker(cue, self.layout.reporter_tokens(region.sentence))
        if speaker is None:
            return None
        return self.context.make(
            cue, self.context.method_for(cue, AttributionMethod.EMBEDDED), speaker
        )

    def _governing_cue(self, region: QuoteRegion) -> Token | None:
        """The first cue above the quote in the tree, within its sentence."""
        layout, heads, token_at = self.layout, self.heads, self.token_at
        sentence_of, pos = layout.sentence_of, layout.tokens.pos
        # The content tokens' chains of heads meet: a node already climbed from with at
        # least as many steps left led to no cue, and will not now.
        steps_left_at: dict[int, int] = {}
        for i in range(region.content_first, region.content_stop):
            node = i
            steps = 0
            while heads[node] != node and steps < MAX_CLIMB:
                if steps_left_at.get(node, -1) >= MAX_CLIMB - steps:
                    break
                steps_left_at[node] = MAX_CLIMB - steps
                head = heads[node]
                if sentence_of[head] != region.sentence:
                    break
                # Leaving a reporter clause of its own: only complements are reported.
                leaves_clause = layout.is_outside(node) and pos[node] in VERBAL
                if leaves_clause and self.relations.rel(token_at(node)) not in COMPLEMENTS:
                    break
                if layout.is_outside(head) and self.context.is_verb_governing_at_distance(head):
                    return token_at(head)
                node = head
                steps += 1
        return None
