"""Fitting reports to the quotes.

A quoted fragment nobody else reports joins the content; any other quote ends it; no pair
of quote marks is cut in two.
"""

from __future__ import annotations

import bisect
from typing import TYPE_CHECKING

import attrs

from quoteattr._attribution._context import RuleContext, RuleFamily
from quoteattr._reported._records import Candidate, ReportedSpeech, regions_in
from quoteattr._reported._tags import (
    CONTENT_WORDS,
    MIN_CONTENT_WORDS,
)
from quoteattr._types import AttributionMethod, QuoteKind

if TYPE_CHECKING:
    from collections.abc import Sequence

    from quoteattr._attribution import QuoteAttribution
    from quoteattr._reported._extent import Extents


class Fitting(RuleFamily):
    """Reports fitted to the quotes: fragments taken in, other quotes cut out."""

    def __init__(self, context: RuleContext, extents: Extents) -> None:
        """Read *context*'s document, with the rule families it asks."""
        super().__init__(context)
        self.extents = extents

    def fit_to_quotes(
        self,
        candidate: Candidate,
        quotes: Sequence[QuoteAttribution],
        *,
        taken: frozenset[int] = frozenset(),
    ) -> ReportedSpeech | None:
        """Take quoted fragments into the content; cut quotes with a reporting clause out.

        A fragment nobody else reports (unattributed, or reported by a cue that governs it)
        joins the content whole, within the paragraph. Any other quote (a whole utterance, or
        one with its own reporting clause) ends the content on the cue's side of it, with its
        speaker and cue, and so does a fragment another report has *taken*. When nothing
        but a fragment remains, the quote says it all.
        """
        first, stop = candidate.first, candidate.stop
        region_of = self.layout.region_of
        paragraph = self.layout.paragraph_of[candidate.cue]
        for index in sorted(regions_in(region_of, first, stop)):
            quote = quotes[index]
            region = quote.region
            if index not in taken and self._joins(quote, paragraph, candidate):
                first, stop = min(first, region.first), max(stop, region.stop)
                continue
            cut_first, cut_stop = region.first, region.stop
            if quote.attribution is not None and quote.attribution.cue_first != candidate.cue:
                own = quote.attribution
                cut_first = min(cut_first, own.cue_first, own.speaker_first)
                cut_stop = max(cut_stop, own.cue_stop, own.speaker_stop)
            if cut_first > candidate.cue:
                stop = min(stop, cut_first)
            else:
                first = max(first, cut_stop)
        first, stop = self.extents.trimmed(first, stop)
        holds_cue = first <= candidate.cue < stop
        if stop - first < MIN_CONTENT_WORDS or (holds_cue and not candidate.inserted):
            return None
        regions = tuple(sorted(regions_in(region_of, first, stop)))
        if not self._has_reporter_content(first, stop):
            return None
        kind = QuoteKind.MIXED if regions else QuoteKind.INDIRECT
        return ReportedSpeech(first, stop, candidate.attribution, kind, regions)

    def fit_to_marks(self, report: ReportedSpeech) -> ReportedSpeech | None:
        """*report* with no pair of quote marks cut in two; ``None`` if too little is left.

        A mark glued to a word (``in the"summer,"``) shares a token with it, so a token
        range can end inside a quote's marks. The report then stops before the pair (or
        starts after it, when the pair began first), leaving out the token that holds both.
        A pair inside one token (``href="…"``) has no token of its own: it belongs to the
        report whose text holds it.
        """
        start, end = self.tokens.char_range(report.first, report.stop)
        clipped_start, clipped_end = start, end
        for region in self.layout.regions:
            marks = region.marks
            if marks.end <= clipped_start or clipped_end <= marks.start:
                continue
            if clipped_start <= marks.start and marks.end <= clipped_end:
                continue
            if marks.start < clipped_start:
                clipped_start = marks.end
            else:
                clipped_end = marks.start
        first, stop = report.first, report.stop
        if (clipped_start, clipped_end) != (start, end):
            first, stop = self._tokens_within(clipped_start, clipped_end, first, stop)
            first, stop = self.extents.trimmed(first, stop)
            if stop - first < MIN_CONTENT_WORDS or not self._has_reporter_content(first, stop):
                return None
            clipped_start, clipped_end = self.tokens.char_range(first, stop)
        regions = regions_in(self.layout.region_of, first, stop)
        regions.update(
            index
            for index, region in enumerate(self.layout.regions)
            if clipped_start <= region.marks.start and region.marks.end <= clipped_end
        )
        if (first, stop, set(report.regions)) == (report.first, report.stop, regions):
            return report
        kind = QuoteKind.MIXED if regions else QuoteKind.INDIRECT
        return attrs.evolve(
            report, first=first, stop=stop, kind=kind, regions=tuple(sorted(regions))
        )

    def _tokens_within(self, start: int, end: int, first: int, stop: int) -> tuple[int, int]:
        """The tokens of ``first`` up to ``stop`` whose characters lie in ``[start, end)``."""
        first = bisect.bisect_left(self.tokens.idx, start, first, stop)
        last = first
        while last < stop and self.tokens.char_range(last, last + 1)[1] <= end:
            last += 1
        return first, last

    def _has_reporter_content(self, first: int, stop: int) -> bool:
        """Whether tokens ``first`` to ``stop`` report more than the quotes in them.

        They do with a content word outside every quote; or with a complementizer that makes
        a quoted clause a reported one (``said that "we will win"``), unless a quote holds
        more than one sentence: a whole utterance, quoted as such.
        """
        region_of, lower = self.layout.region_of, self.tokens.lower_
        outside = [i for i in range(first, stop) if region_of[i] < 0]
        if any(self.tokens.pos[i] in CONTENT_WORDS for i in outside):
            return True
        complementizers = self.profile.declarative_complementizers
        return any(lower[i] in complementizers for i in outside) and not any(
            self._holds_sentences(index) for index in regions_in(region_of, first, stop)
        )

    def _holds_sentences(self, index: int) -> bool:
        """Whether quote *index* holds more than one sentence of the parse."""
        region = self.layout.regions[index]
        doc = self.doc
        return any(
            doc[i].is_sent_start for i in range(region.content_first + 1, region.content_stop)
        )

    def _joins(self, quote: QuoteAttribution, paragraph: int, candidate: Candidate) -> bool:
        """Whether a quote is a fragment of the reported speech around it.

        It is when no other report claims it: it has no attribution, one by a cue governing
        it from a distance, by the same cue, or by a cue inside the reported clause (a report
        within the report).
        """
        if quote.kind is QuoteKind.DIRECT:
            return False
        own = quote.attribution
        if own is not None and not (
            own.method is AttributionMethod.EMBEDDED
            or own.cue_first == candidate.cue
            or candidate.first <= own.cue_first < candidate.stop
        ):
            return False
        region = quote.region
        paragraph_of = self.layout.paragraph_of
        last = max(region.first, region.stop - 1)
        return paragraph_of[region.first] == paragraph_of[last] == paragraph
