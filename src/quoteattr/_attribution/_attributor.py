"""The attribution rules in their order: each quote's reporting clause, and its speaker.

See the package's docstring for the rules; each family is a module of its own.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from quoteattr._attribution._according_to import AccordingTo
from quoteattr._attribution._byline import Byline
from quoteattr._attribution._context import RuleContext, RuleFamily
from quoteattr._attribution._continuation import Continuation
from quoteattr._attribution._cue_after import CueAfter
from quoteattr._attribution._cue_before import CueBefore
from quoteattr._attribution._embedded import Embedded
from quoteattr._attribution._mentions import Mentions
from quoteattr._attribution._noun_phrases import NounPhrases
from quoteattr._attribution._records import Attribution, QuoteAttribution
from quoteattr._attribution._tags import DASHES, UTTERANCE_ENDS
from quoteattr._attribution._titles import Titles
from quoteattr._types import AttributionMethod, QuoteKind

if TYPE_CHECKING:
    from collections.abc import Sequence

    from quoteattr._layout import DocLayout, QuoteRegion
    from quoteattr._relations import Relations
    from quoteattr.lang import LanguageProfile


__all__ = ["Attributor"]


class Attributor(RuleFamily):
    """Applies the attribution rules to one parsed document, in their order."""

    def __init__(self, layout: DocLayout, relations: Relations, profile: LanguageProfile) -> None:
        """Prepare to attribute the quotes of *layout* with a label scheme and a language."""
        context = RuleContext(layout, relations, profile)
        super().__init__(context)
        self.phrases = NounPhrases(context)
        self.mentions = Mentions(context, self.phrases)
        self.according = AccordingTo(context, self.phrases, self.mentions)
        self.cue_after = CueAfter(context, self.phrases, self.mentions, self.according)
        self.cue_before = CueBefore(context, self.phrases, self.mentions, self.according)
        self.embedded = Embedded(context, self.mentions)
        self.byline = Byline(context, self.phrases)
        self.titles = Titles(context)
        self.continuation = Continuation(context, self.cue_after)

    def attribute_all(self) -> list[QuoteAttribution]:
        """Return every quote of the document with its kind and attribution, in order."""
        results: list[QuoteAttribution] = []
        last_utterance: QuoteAttribution | None = None
        for region in self.layout.regions:
            if self.titles.is_title(region) or self.titles.is_heading(region):
                # A show, book or slogan named in marks is nobody's utterance, and the quote
                # after it still continues the one before: "…," he said on ''This Week.''
                results.append(QuoteAttribution(region, QuoteKind.PARTIAL, None))
                continue
            left, right = self.layout.left_frame(region), self.layout.right_frame(region)
            attribution = self.attribute(region, left, right)
            kind = self.kind_of(region, attribution, left, right)
            previous = last_utterance.attribution if last_utterance else None
            continues = (
                kind is QuoteKind.DIRECT
                or self.continuation.closes_plain_sentence(region, right, previous)
                or self.continuation.opens_plain_sentence(region, left, previous)
            )
            if attribution is None and last_utterance is not None and continues:
                attribution = self.continuation.continued(last_utterance, region)
            if attribution is None and not left and kind is QuoteKind.DIRECT:
                attribution = self.continuation.reported_just_before(region)
            last_utterance = QuoteAttribution(region, kind, attribution)
            results.append(last_utterance)
        return results

    def attribute(
        self, region: QuoteRegion, left: Sequence[int], right: Sequence[int]
    ) -> Attribution | None:
        """Return the attribution of one quote from its own reporting clause, if any.

        *left* and *right* are the reporter's words around the quote in its sentence.
        """
        if region.content_first >= region.content_stop:
            return None
        byline = self.byline.find(region)
        if byline is not None:
            return byline
        left = left or self.cue_before.lead_in(region)
        after = self.cue_after.find(right or self.cue_after.tag_sentence(region), region)
        before = self.cue_before.find(left)
        # A comma closing the quote announces the attribution that follows it; a participle
        # after the quote ("…," adding that) is weaker than a clause before it.
        after_first = region.ending.endswith(",") or not left
        if after is not None and self.token_at(after.cue_first).tag_ == "VBG":
            after_first = False
        if (
            before is not None
            and before.cue_stop - 1 == left[-1]
            # A bare colon ("For example: "…," he told CNN") names no speaker of its own.
            and before.method is not AttributionMethod.COLON
        ):
            # A cue right against the opening mark governs the quote: under what Smith
            # called "the old model," the club charged … — Smith, not the club.
            after_first = False
        for found in (after, before) if after_first else (before, after):
            if found is not None:
                return found
        return self.embedded.find(region)

    def kind_of(
        self,
        region: QuoteRegion,
        attribution: Attribution | None,
        left: Sequence[int],
        right: Sequence[int],
    ) -> QuoteKind:
        """DIRECT when the quote is a whole utterance framed by its reporting clause."""
        method = attribution.method if attribution else None
        # The reporter's word right before the opening mark ("" when the quote opens).
        before = self.tokens.orth[left[-1]] if left else ""
        # The cue right before the quote, or set off from it by a comma or a colon only.
        cue_adjacent = (
            attribution is not None
            and bool(left)
            and (
                attribution.cue_stop - 1 == left[-1]
                or (attribution.cue_stop == left[-1] and before in {",", ":"})
            )
        )
        starts_utterance = (
            not left
            or cue_adjacent
            or method is AttributionMethod.CUE_BEFORE
            or before == ":"
            or (method is AttributionMethod.ACCORDING_TO and before == ",")
            # A quote and its reporting clause set into the reporter's sentence between
            # dashes or brackets: ``leaders - "…," Biden said - and``.
            or (method is AttributionMethod.CUE_AFTER and (before in DASHES or before == "("))
        )
        ends_utterance = (
            not right
            or method is AttributionMethod.CUE_AFTER
            or self.tokens.orth[right[0]] in {".", "!", "?", ";", ":", "…"}
            or region.ending.endswith(UTTERANCE_ENDS)
        )
        return QuoteKind.DIRECT if starts_utterance and ends_utterance else QuoteKind.PARTIAL
