"""The reported-speech finder: every rule over one document, outermost reports first."""

from __future__ import annotations

from typing import TYPE_CHECKING

from quoteattr._attribution._context import RuleFamily
from quoteattr._reported._according_to import AccordingToReports
from quoteattr._reported._candidates import Candidates
from quoteattr._reported._clauses import Clauses
from quoteattr._reported._extent import Extents
from quoteattr._reported._fitting import Fitting
from quoteattr._reported._guards import Guards
from quoteattr._reported._noun_cues import NounReports
from quoteattr._reported._objects import ObjectReports
from quoteattr._reported._openers import report_openers
from quoteattr._reported._parenthetical import Parentheticals
from quoteattr._reported._records import Candidate, ReportedSpeech, outermost
from quoteattr._reported._verb_report import VerbReports
from quoteattr._reported._word_order import WordOrderReports
from quoteattr._reported._words import ReportingWords
from quoteattr._types import QuoteKind

if TYPE_CHECKING:
    from collections.abc import Sequence

    from spacy.tokens import Token

    from quoteattr._attribution import Attributor, QuoteAttribution


__all__ = ["ReportedSpeechFinder"]


class ReportedSpeechFinder(RuleFamily):
    """Finds the reported speech of one document, given its attributed quotes."""

    def __init__(self, attributor: Attributor) -> None:
        """Share the quote rules' document, relations, words and speaker rules."""
        context = attributor.context
        super().__init__(context)
        self.attributor = attributor
        self._openers = report_openers(self.profile)
        self.words = ReportingWords(context)
        self.clauses = Clauses(context, self.words)
        self.guards = Guards(context, self.words)
        self.extents = Extents(context, self.words, self.clauses)
        self.candidates = Candidates(
            context, attributor.phrases, attributor.mentions, self.words, self.extents
        )
        self.parentheticals = Parentheticals(
            context,
            attributor.phrases,
            attributor.mentions,
            self.words,
            self.clauses,
            self.extents,
            self.candidates,
        )
        self.verbs = VerbReports(
            context,
            self.words,
            self.clauses,
            self.guards,
            self.extents,
            self.candidates,
            self.parentheticals,
        )
        self.according_reports = AccordingToReports(
            context, attributor.according, self.clauses, self.extents, self.candidates
        )
        self.nouns = NounReports(context, attributor.mentions, self.extents, self.candidates)
        self.word_order = WordOrderReports(
            context, attributor.phrases, self.words, self.clauses, self.candidates
        )
        self.objects = ObjectReports(
            context, self.words, self.guards, self.extents, self.candidates
        )
        self.fitting = Fitting(context, self.extents)

    def find_all(self, quotes: Sequence[QuoteAttribution]) -> list[ReportedSpeech]:
        """Every report of the document, outermost first in text order, fitted to *quotes*."""
        # A cue that frames a whole quoted utterance reports that quote; it reports a clause
        # too only when the clause comes between it and the quote ("said the port would
        # close: "…"").
        framing = {
            quote.attribution.cue_first: quote.region
            for quote in quotes
            if quote.kind is QuoteKind.DIRECT and quote.attribution is not None
        }
        # Only a token whose form can open a report is looked at: most words never can.
        openers = self.tokens.lowercase_positions_of(self._openers)
        candidates = []
        for i in openers:
            candidate = self._candidate(self.token_at(i))
            if candidate is not None:
                candidates.append(candidate)
        kept = outermost(candidates)
        # A quoted fragment is said once: when two reports would both take it in, it goes
        # to the one whose cue is nearest, and the other ends before it (or starts after).
        first_fits = [self.fitting.fit_to_quotes(candidate, quotes) for candidate in kept]
        owner = self._fragment_owners(kept, first_fits)
        found: list[ReportedSpeech] = []
        for candidate, first_fit in zip(kept, first_fits, strict=True):
            taken = frozenset(index for index, cue in owner.items() if cue != candidate.cue)
            fitted = first_fit
            if first_fit is not None and taken.intersection(first_fit.regions):
                # Fitted again only when a fragment it took in is another report's.
                fitted = self.fitting.fit_to_quotes(candidate, quotes, taken=taken)
            if fitted is not None:
                fitted = self.fitting.fit_to_marks(fitted)
            framed = framing.get(candidate.cue)
            if fitted is None or (
                framed is not None
                and not (candidate.cue < fitted.first and fitted.stop <= framed.first)
            ):
                continue
            found.append(fitted)
        return sorted(found, key=lambda report: report.first)

    def _fragment_owners(
        self, candidates: Sequence[Candidate], fits: Sequence[ReportedSpeech | None]
    ) -> dict[int, int]:
        """For each quote region some report takes in, the cue of the report it belongs to.

        *fits* are the *candidates* fitted to the quotes with no fragment taken. Of the
        reports that would take a fragment in, the one whose cue stands in the fragment's
        reporter sentence wins, then the one whose cue is nearest to it.
        """
        claims: dict[int, list[int]] = {}
        for candidate, fitted in zip(candidates, fits, strict=True):
            for index in () if fitted is None else fitted.regions:
                claims.setdefault(index, []).append(candidate.cue)
        sentence_of = self.layout.sentence_of
        owners: dict[int, int] = {}
        for index, cues in claims.items():
            region = self.layout.regions[index]
            owners[index] = min(
                cues,
                key=lambda cue: (
                    sentence_of[cue] != region.sentence,
                    min(abs(cue - region.first), abs(cue - region.stop)),
                    cue,
                ),
            )
        return owners

    def _candidate(self, token: Token) -> Candidate | None:
        i, tokens = token.i, self.tokens
        if not self.layout.is_outside(i) or tokens.is_punct[i] or tokens.is_space[i]:
            return None
        if tokens.lower_[i] in self.profile.according_to_openers:
            return self.according_reports.report(token)
        if (
            tokens.pos[i] in {"NOUN", "PROPN"}
            and self.layout.lemma(token).lower() in self.profile.noun_cues
        ):
            found = self.nouns.report(token)
            if found is not None:
                return found
        if self.words.is_reporting_verb(token):
            found = self.verbs.report(token)
            if found is None and self.objects.takes_content(token):
                found = self.objects.report(token)
            return found or self.word_order.report(token)
        if self.objects.takes_content(token):
            found = self.objects.report(token)
            if found is not None:
                return found
        if self.words.is_reporting_word(token):
            return self.word_order.report(token)
        if self.verbs.reports_that_clause(token):
            return self.verbs.report(token)
        return None
