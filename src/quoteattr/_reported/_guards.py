"""Precision guards: a cue that reports nothing yet.

A cue that is negated, future or conditional, intended, asked about, or passive without an
agent reports nothing (see the package docstring).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from quoteattr._attribution._context import RuleContext, RuleFamily
from quoteattr._relations import Rel

if TYPE_CHECKING:
    from spacy.tokens import Token

    from quoteattr._reported._words import ReportingWords


class Guards(RuleFamily):
    """The precision guards: a cue that reports nothing yet."""

    def __init__(self, context: RuleContext, words: ReportingWords) -> None:
        """Read *context*'s document, with the rule families it asks."""
        super().__init__(context)
        self.words = words

    def asserted(self, cue: Token) -> bool:
        """Whether *cue* reports something said: not negated, future, intended or asked."""
        relations, lower = self.relations, self.tokens.lower_
        children = self.tokens.children(cue.i)
        for child in children:
            word = lower[child]
            if word in self.profile.negations:
                return False
            if self.relations.rels[child] is Rel.AUXILIARY and (
                word in self.profile.modals or self.token_at(child).tag_ == "MD"
            ):
                return False
        subject = relations.subject(cue)
        if subject is not None and (
            lower[subject.i] in self.profile.negative_subjects
            or any(
                lower[child] in self.profile.negative_determiners
                for child in self.tokens.children(subject.i)
            )
        ):
            return False
        if any(
            lower[child] in self.profile.comment_markers and child < cue.i for child in children
        ):
            return False  # "as Rubio has said": a comment on the reporter's own clause
        if self._is_restrictive(cue):
            return False  # "those who said …": who is meant, not what was said
        if self._is_passive(cue) and relations.agent(cue, self.profile.agent_prepositions) is None:
            return False  # "it was reported that …", "refugees admitted to …"
        infinitive = any(
            lower[child] in self.profile.infinitive_markers and child < cue.i for child in children
        )
        if relations.rel(cue) is Rel.OPEN_COMPLEMENT or infinitive:
            governor = self.layout.head(cue)
            aspect_governors = self.profile.aspect_governors
            if governor.i == cue.i or self.layout.lemma(governor).lower() not in aspect_governors:
                return False
            if not self.asserted(governor):
                return False
        return not self._in_question(cue)

    def _is_restrictive(self, cue: Token) -> bool:
        """A cue in a relative clause that defines its noun: "voters who say the economy …".

        Its relative pronoun follows the noun with no comma between them; a clause set off by
        a comma ("Smith, who said …") adds what someone said.
        """
        if self.relations.rel(cue) is not Rel.RELATIVE_CLAUSE:
            return False
        subject = self.relations.subject(cue)
        if subject is None or self.tokens.lower_[subject.i] not in self.profile.relative_pronouns:
            return False
        return subject.i > 0 and not self.tokens.is_punct[subject.i - 1]

    def _is_passive(self, cue: Token) -> bool:
        """A passive cue: a passive subject, or a bare past participle ("refugees admitted")."""
        relations = self.relations
        if relations.passive_subject(cue) is not None:
            return True
        if cue.tag_ != "VBN":
            return False
        if any(
            self.relations.rels[child] is Rel.AUXILIARY
            and self.words.is_copula(self.token_at(child))
            for child in self.tokens.children(cue.i)
        ):
            return True  # "was reported"
        # A bare participle after a noun is a reduced relative ("refugees admitted to …");
        # elsewhere it is a past tense the tagger mistook ("and vowed to …").
        return relations.rel(cue) in {Rel.CLAUSAL_MODIFIER, Rel.MODIFIER, Rel.ADVERBIAL_CLAUSE}

    def _in_question(self, token: Token) -> bool:
        tokens = self.layout.reporter_tokens(self.layout.sentence_of[token.i])
        return bool(tokens) and self.tokens.orth[tokens[-1]] == "?"
