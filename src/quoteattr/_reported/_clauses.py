"""Clause shapes the reported-speech rules ask about.

What heads a clause, a relative or adverbial clause, a reporting clause ("he said"), and
the main clause above a phrase.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from quoteattr._attribution._context import RuleContext, RuleFamily
from quoteattr._relations import Rel
from quoteattr._reported._tags import (
    CONTENT_WORDS,
    MAX_CLIMB,
    NOT_IN_REPORTING_CLAUSE,
    SUBJECTS,
    is_finite,
)

if TYPE_CHECKING:
    from collections.abc import Sequence

    from spacy.tokens import Token

    from quoteattr._reported._words import ReportingWords


class Clauses(RuleFamily):
    """The shapes of clauses the reports rules ask about."""

    def __init__(self, context: RuleContext, words: ReportingWords) -> None:
        """Read *context*'s document, with the rule families it asks."""
        super().__init__(context)
        self.words = words

    def heads_clause(self, token: Token) -> bool:
        """A verb, or a predicate with a subject of its own."""
        return token.pos_ in {"VERB", "AUX"} or self.relations.subject(token) is not None

    def verb_at_or_above(self, node: Token, steps: int = MAX_CLIMB) -> Token | None:
        """*node* if it heads a clause, else the first clause head above it."""
        for _ in range(steps):
            if self.heads_clause(node):
                return node
            if self.heads[node.i] == node.i:
                return None
            node = self.layout.head(node)
        return None

    def is_relative(self, verb: Token) -> bool:
        """A verb of a relative clause: "supporters who defend him" (not a split clause)."""
        lower = self.tokens.lower_
        relative_words = self.profile.relative_words
        return any(lower[child] in relative_words for child in self.tokens.children(verb.i)) or (
            self.relations.rel(verb) is Rel.RELATIVE_CLAUSE and self.relations.subject(verb) is None
        )

    def is_adverbial(self, clause: Token) -> bool:
        """A clause opened by "as", "when", "because" …: the parse's ccomp is an adverbial."""
        lower, rels = self.tokens.lower_, self.relations.rels
        return any(
            lower[child] in self.profile.adverbial_markers and child < clause.i
            for child in self.tokens.children(clause.i)
            if rels[child] is Rel.MARKER
        )

    def is_clause(self, head: Token) -> bool:
        """A verb, or a predicate with a subject or copula ("Rafah is the last stronghold")."""
        if self.tokens.pos[head.i] in {"VERB", "AUX"}:
            return True
        children = self.tokens.children(head.i)
        lower, rels = self.tokens.lower_, self.relations.rels
        return any(
            lower[child] in self.profile.clause_complementizers and child < head.i
            for child in children
        ) or any(
            rels[child] in SUBJECTS
            or (rels[child] is Rel.AUXILIARY and self.words.is_copula(self.token_at(child)))
            for child in children
        )

    def is_reporting_clause(self, cue: Token) -> bool:
        """A short clause of speaker and cue ("he said", "said Smith on Tuesday").

        No other verb, no object or complement, and no coordinator: ", and he answered the
        criticism" is a clause of its own, not a reporting clause.
        """
        rels, pos = self.relations.rels, self.tokens.pos
        if any(
            rels[child] in NOT_IN_REPORTING_CLAUSE
            or (rels[child] is Rel.COORDINATOR and child < cue.i)
            for child in self.tokens.children(cue.i)
        ):
            return False
        return not any(
            i != cue.i and pos[i] != "AUX" and self.context.is_verb_at(i)
            for i in self.layout.subtree(cue)
        )

    def is_finite_clause(self, verb: Token) -> bool:
        return is_finite(verb) or any(
            self.relations.rels[child] is Rel.AUXILIARY and is_finite(self.token_at(child))
            for child in self.tokens.children(verb.i)
        )

    def has_content_words(self, first: int, stop: int) -> bool:
        return any(
            self.tokens.pos[i] in CONTENT_WORDS
            and self.tokens.lower_[i] not in self.profile.relative_words
            for i in range(first, stop)
        )

    def main_clause(self, phrase: Token, sentence: Sequence[int]) -> Token | None:
        """The highest clause above *phrase* that lies in its reporter sentence."""
        members = set(sentence)
        found = None
        node = phrase
        for _ in range(MAX_CLIMB):
            head = self.layout.head(node)
            if head.i == node.i or head.i not in members:
                break
            if self.heads_clause(head):
                found = head
            node = head
        return found

    def opens_clause(self, tokens: Sequence[int]) -> bool:
        """A subject and then a verb before any punctuation: "fighters were present"."""
        token_at = self.token_at
        saw_noun = False
        for i in tokens:
            token = token_at(i)
            if token.is_punct:
                return False
            if self.context.is_verb(token):
                return saw_noun
            if token.pos_ in {"NOUN", "PROPN", "PRON", "NUM"}:
                saw_noun = True
            elif token.pos_ not in {"DET", "ADJ", "SCONJ"}:
                return False
        return False

    def subtree_tokens(self, token: Token) -> list[Token]:
        """``token.subtree``, from the tokens made once."""
        token_at = self.token_at
        return [token_at(i) for i in self.layout.subtree(token)]
