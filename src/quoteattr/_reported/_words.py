"""Reporting words: which cue verbs report speech.

Thought is not speech; the words of time and the copula the rules ask about are here too.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from quoteattr._attribution._context import RuleContext, RuleFamily
from quoteattr._cues import CueCategory

if TYPE_CHECKING:
    from spacy.tokens import Token


class ReportingWords(RuleFamily):
    """Which tokens report speech, by the lexicon and the language's words."""

    def __init__(self, context: RuleContext) -> None:
        """Read *context*'s document."""
        super().__init__(context)
        self._time_words = (
            self.profile.weekdays
            | self.profile.today
            | self.profile.time_nouns
            | self.profile.days_around_today
        )

    def is_reporting_word(self, token: Token) -> bool:
        """A reporting verb's form whatever its tag, from a lexicon lemma that reports speech."""
        lemma = self.context.cue_lemma(token)
        return lemma is not None and self._reports_speech(lemma)

    def cue_lemma_or_own(self, token: Token) -> str:
        """The lemma a report records for its cue: the lexicon's, else the token's own."""
        return self.context.cue_lemma(token) or self.layout.lemma(token).lower()

    def _reports_speech(self, lemma: str) -> bool:
        category = self.lexicon.category(lemma)
        return (
            category is not None
            and category is not CueCategory.COGNITION
            and self.lexicon.governs_at_distance(lemma)
        )

    def is_reporting_verb(self, token: Token) -> bool:
        return self.context.is_cue(token) and self.is_reporting_word(token)

    def is_copula(self, token: Token) -> bool:
        return self.layout.lemma(token) in self.profile.copulas

    def is_time(self, token: Token) -> bool:
        return token.lower_ in self._time_words or token.ent_type_ in {"DATE", "TIME"}
