"""The extent of reported content.

A subtree within its paragraph, carried on over phrases a parse split off, and ended where
the reporter's own words take over.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from quoteattr._attribution._context import RuleContext, RuleFamily
from quoteattr._relations import Rel
from quoteattr._reported._tags import (
    CARRY_ON,
    CLAUSE_BREAKS,
    EDGE_PUNCTUATION,
)

if TYPE_CHECKING:
    from collections.abc import Iterable

    from spacy.tokens import Token

    from quoteattr._reported._clauses import Clauses
    from quoteattr._reported._words import ReportingWords


class Extents(RuleFamily):
    """Where reported content starts and stops."""

    def __init__(self, context: RuleContext, words: ReportingWords, clauses: Clauses) -> None:
        """Read *context*'s document, with the rule families it asks."""
        super().__init__(context)
        self.words = words
        self.clauses = clauses
        self._and_but = self.profile.conjunctions_and | self.profile.conjunctions_but
        self._coordinators = (
            self.profile.conjunctions_and
            | self.profile.conjunctions_but
            | self.profile.conjunctions_or
        )
        self._reporter_asides = self.profile.reporter_asides | self.profile.according_to_openers

    def sentence_start(self, first: int, cue: Token) -> int:
        """Where a clause reported by a cue after it starts: at its reporter sentence's start.

        "At the rally on Tuesday, a girl was pepper-sprayed, police said": the opening
        phrase belongs to what the police said, whatever the parse attached it to.
        """
        sentence = self.layout.reporter_tokens(self.layout.sentence_of[cue.i])
        if not sentence or sentence[0] >= first:
            return first
        if any(self.layout.region_of[i] >= 0 for i in range(sentence[0], first)):
            return first
        return sentence[0]

    def until_next_report(self, first: int, stop: int, cue: Token | None = None) -> int:
        """End the content where the reporter's own words take over.

        A comma or semicolon before another report (", adding that …", ", according to …"),
        a concession (", though she gave no details"), an adverbial participle (", compared
        with …") or a new clause with a subject of its own (", but the talks failed") ends
        what was reported.
        """
        token_at, region_of = self.token_at, self.layout.region_of
        orth, lower = self.tokens.orth, self.tokens.lower_
        in_adverbial = cue is not None and self.clauses.is_adverbial(cue)
        for i in range(first + 1, stop - 1):
            if region_of[i] >= 0:
                continue  # inside a quote
            if in_adverbial and orth[i] == ",":
                return i  # "After Obama announced that X, forces …": the main clause is not his
            if lower[i] in self._and_but and self._another_report(token_at(i + 1)):
                return i  # "announced that X and vowed to Y": two reports
            if orth[i] not in CLAUSE_BREAKS:
                continue
            if orth[i] == ";" or self._opens_reporter_words(token_at(i + 1)):
                return i
        return stop

    def _another_report(self, token: Token) -> bool:
        """A reporting verb coordinated with the cue: "announced X and vowed to Y".

        It has no subject of its own and a finite form, not the base form of a verb in a
        list inside the content ("asked them to raise their hands and pledge loyalty").
        """
        bare_participle = token.tag_ == "VBN" and not any(
            self.relations.rels[child] is Rel.AUXILIARY for child in self.tokens.children(token.i)
        )  # a small tagger's "vowed" after "and"
        return (
            self.words.is_reporting_verb(token)
            and self.context.is_verb(token)
            and (token.tag_ in {"VBD", "VBZ", "VBP"} or bare_participle)
            and self.relations.subject(token) is None
        )

    def _opens_reporter_words(self, token: Token) -> bool:
        relations = self.relations
        word = token.lower_
        if word in self._reporter_asides:
            return True
        if word in self.profile.concessions:
            return self.heads[token.i] > token.i and self.clauses.heads_clause(
                self.layout.head(token)
            )
        if token.tag_ == "VBG" and self.words.is_reporting_verb(token):
            return True
        if token.tag_ == "VBN" and relations.rel(token) is Rel.ADVERBIAL_CLAUSE:
            return True  # ", compared with …"
        if word in self._coordinators and self.heads[token.i] > token.i:
            clause = self.layout.head(token)
            opens_that = any(
                self.tokens.lower_[child] in self.profile.clause_complementizers
                for child in self.tokens.children(clause.i)
            )
            return not opens_that and relations.subject(clause) is not None
        return False

    def carry_on(self, cue: Token, first: int, stop: int) -> int:
        """Extend a complement to the right over the phrases that continue it.

        Small parsers split a long clause: in "asserted that defeating Hamas without entering
        Rafah … was impossible" the complement is "that defeating Hamas" and the rest hangs
        from the cue. Each phrase that starts where the content stops joins it, unless it is
        one of the cue's own dependents that is no clause ("said X on Tuesday"), or another
        report. Across a comma only a coordinated member joins ("to enact reform, fix the
        system and …"); across a colon, whatever it introduces; any other punctuation ends it.
        """
        token_at, layout = self.token_at, self.layout
        sentence = layout.sentence_of[cue.i]
        while stop < len(self.doc) and layout.sentence_of[stop] == sentence:
            token = token_at(stop)
            if token.is_space:
                break
            after_comma = False
            if token.is_punct and layout.is_outside(stop):
                following = stop + 1
                if token.text not in {",", ":"} or following >= len(self.doc):
                    break
                if self.tokens.is_space[following] or layout.sentence_of[following] != sentence:
                    break
                if token.text == "," and self._opens_reporter_words(token_at(following)):
                    break
                after_comma = token.text == ","
                token = token_at(following)
            phrase = self._phrase_at(token, cue, first)
            if phrase is None or (after_comma and self.relations.rel(phrase) is not Rel.CONJUNCT):
                break
            if (
                after_comma
                and self.heads[phrase.i] == cue.i
                and self.clauses.is_finite_clause(phrase)
            ):
                break  # "said X, and has since issued …": the speaker's next act
            if self._another_report(phrase):
                break
            stop = max(stop + 1, phrase.right_edge.i + 1)
        return stop

    def _phrase_at(self, token: Token, cue: Token, first: int) -> Token | None:
        """The largest phrase from *token* on that stays within the content and the cue.

        It may take in words of the content before *token* ("that Trump was" + "''ignorant''
        of Islam": the predicate heads both); ``None`` when it is one of the cue's own
        dependents that is no clause, or lies outside the cue's clause altogether.
        """
        node = token
        while self.heads[node.i] not in {node.i, cue.i} and self.heads[node.i] >= token.i:
            node = self.layout.head(node)
        if node.left_edge.i < first:
            return None
        if self.heads[node.i] == cue.i:
            return node if self.relations.rel(node) in CARRY_ON else None
        # Attached somewhere left of the phrase: inside the content, or above the cue.
        return None if self.heads[node.i] < cue.i else node

    def extent(
        self, head: Token, *, left_out: Iterable[int] = (), among: Iterable[int] | None = None
    ) -> tuple[int, int]:
        """The token range of *head*'s subtree, within the paragraph, without some tokens.

        The tokens *left_out* are not content; when they sit inside the clause ("Israel, he
        said, would proceed"), the range runs over them: content is one stretch of text.
        *among*, when given, replaces the subtree as the tokens to span.
        """
        left_out = set(left_out)
        layout, tokens = self.layout, self.tokens
        paragraph_of, region_of = layout.paragraph_of, layout.region_of
        is_space, is_punct, orth = tokens.is_space, tokens.is_punct, tokens.orth
        paragraph = paragraph_of[head.i]
        indices = [
            i
            for i in (layout.subtree(head) if among is None else among)
            if i not in left_out
            and paragraph_of[i] == paragraph
            and not is_space[i]
            # The reporter's punctuation is no content, but for what closes or ends it.
            and not (is_punct[i] and region_of[i] < 0 and orth[i] not in {")", "%"})
        ]
        if not indices:
            return head.i, head.i
        return min(indices), max(indices) + 1

    def trimmed(self, first: int, stop: int) -> tuple[int, int]:
        layout = self.layout
        while first < stop and (
            self.tokens.is_space[first]
            or (self.tokens.orth[first] in EDGE_PUNCTUATION and layout.is_outside(first))
        ):
            first += 1
        while stop > first and (
            self.tokens.is_space[stop - 1]
            or (self.tokens.orth[stop - 1] in EDGE_PUNCTUATION and layout.is_outside(stop - 1))
        ):
            stop -= 1
        return first, stop
