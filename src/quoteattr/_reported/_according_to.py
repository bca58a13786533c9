"""Rule 3 (``ACCORDING_TO``): ``according to X`` and the clause it modifies.

At a sentence's edge the phrase speaks for the whole sentence.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from quoteattr._attribution._context import RuleContext, RuleFamily
from quoteattr._reported._records import Candidate

if TYPE_CHECKING:
    from spacy.tokens import Token

    from quoteattr._attribution._according_to import AccordingTo
    from quoteattr._reported._candidates import Candidates
    from quoteattr._reported._clauses import Clauses
    from quoteattr._reported._extent import Extents


class AccordingToReports(RuleFamily):
    """Rule 3: "according to X" and the clause it modifies."""

    def __init__(
        self,
        context: RuleContext,
        according: AccordingTo,
        clauses: Clauses,
        extents: Extents,
        candidates: Candidates,
    ) -> None:
        """Read *context*'s document, with the rule families it asks."""
        super().__init__(context)
        self.according = according
        self.clauses = clauses
        self.extents = extents
        self.candidates = candidates

    def report(self, according: Token) -> Candidate | None:
        lower = self.tokens.lower_
        longest = max(len(phrase) for phrase in self.profile.according_to)
        written = lower[according.i : according.i + longest]
        found = self.profile.according_to_phrase_at(written, 0)
        # A phrase of one word needs a word after it too.
        if found is None or according.i + max(len(found), 2) > len(self.doc):
            return None
        noun = self.relations.according_to_object(according, found)
        if noun is None:
            return None
        # Under UD the phrase hangs from its noun (the noun's case, or beside it).
        phrase = noun if self.heads[according.i] == noun.i else according
        phrase_first = min(according.i, noun.left_edge.i)
        phrase_stop = max(according.i + len(found), noun.right_edge.i + 1)
        sentence = self.layout.reporter_tokens(self.layout.sentence_of[according.i])
        if according.i not in sentence:
            return None
        words = [i for i in sentence if not self.tokens.is_punct[i]]
        at_edge = bool(words) and (words[0] >= phrase_first or words[-1] < phrase_stop)
        # "According to X, …" and "…, according to X." speak for the whole sentence.
        if at_edge:
            clause = self.clauses.main_clause(phrase, sentence)
        else:  # the first clause above the phrase; a root phrase has none
            clause = (
                None
                if self.heads[phrase.i] == phrase.i
                else self.clauses.verb_at_or_above(self.layout.head(phrase), 4)
            )
        if clause is None or phrase_first <= clause.i < phrase_stop:
            return None
        tokens = sentence[sentence.index(according.i) :]
        attribution = self.according.according_to(tokens, 0)
        if attribution is None:
            return None
        first, stop = self.extents.extent(clause, left_out=range(phrase_first, phrase_stop))
        inserted = first < phrase_first and phrase_stop < stop
        if inserted and not self.clauses.has_content_words(first, phrase_first):
            # "fighters who, according to officials, killed …": only a relative pronoun or a
            # conjunction stands before the phrase.
            first, inserted = phrase_stop, False
        relative_words = self.profile.relative_words - self.profile.declarative_complementizers
        while first < stop and self.tokens.lower_[first] in relative_words:
            first += 1
        return self.candidates.checked(Candidate(first, stop, according.i, attribution, inserted))
