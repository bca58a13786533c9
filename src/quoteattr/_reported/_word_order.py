"""Rule 5 (``WORD_ORDER``): the word order alone, when the parse missed the cue.

A small tagger calls "deny" a noun; a noun phrase, a reporting word and a clause still
report.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from quoteattr._attribution import make_attribution
from quoteattr._attribution._context import RuleContext, RuleFamily
from quoteattr._reported._records import Candidate
from quoteattr._reported._tags import (
    NOUN_PHRASE,
)
from quoteattr._types import AttributionMethod

if TYPE_CHECKING:
    from spacy.tokens import Token

    from quoteattr._attribution._noun_phrases import NounPhrases
    from quoteattr._reported._candidates import Candidates
    from quoteattr._reported._clauses import Clauses
    from quoteattr._reported._words import ReportingWords


class WordOrderReports(RuleFamily):
    """Rule 5: the word order alone, when the parse missed the cue."""

    def __init__(
        self,
        context: RuleContext,
        phrases: NounPhrases,
        words: ReportingWords,
        clauses: Clauses,
        candidates: Candidates,
    ) -> None:
        """Read *context*'s document, with the rule families it asks."""
        super().__init__(context)
        self.phrases = phrases
        self.words = words
        self.clauses = clauses
        self.candidates = candidates

    def report(self, word: Token) -> Candidate | None:
        """``Hamas and medical staff deny fighters were present``: a verb tagged as a noun.

        Taken only where nothing else reads the sentence: the reporting word stands after a
        noun phrase that opens its clause, no verb comes before it, and a clause with a
        subject and a verb of its own follows.
        """
        if self.context.is_verb(word):
            return None
        layout = self.layout
        sentence = layout.reporter_tokens(layout.sentence_of[word.i])
        if word.i not in sentence:
            return None
        position = sentence.index(word.i)
        before, after = sentence[:position], sentence[position + 1 :]
        if not before or not all(
            self.tokens.pos[i] in NOUN_PHRASE
            or self.tokens.lower_[i] in self.profile.conjunctions_and
            or self.tokens.orth[i] in {"&", ","}
            for i in before
        ):
            return None
        if self.tokens.pos[before[-1]] not in {"NOUN", "PROPN"} or not self.clauses.opens_clause(
            after
        ):
            return None
        speaker = self.phrases.noun_phrase(before)
        if speaker is None:
            return None
        stop = after[-1] + 1
        lemma = self.words.cue_lemma_or_own(word)
        attribution = make_attribution(
            word.i, word.i + 1, lemma, AttributionMethod.WORD_ORDER, speaker
        )
        return self.candidates.checked(Candidate(after[0], stop, word.i, attribution))
