"""Rule 1 (``COMPLEMENT``): a cue verb and its clausal complement, before or after it.

The ``that``-clause, a bare clause, or the ``to``-infinitive or ``-ing`` clause of a verb
that reports words (``promised to refrain``, ``denies restricting``).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from quoteattr._attribution._context import RuleContext, RuleFamily
from quoteattr._cues import CueCategory
from quoteattr._relations import Rel
from quoteattr._reported._noun_cues import noun_cue_owner
from quoteattr._reported._tags import (
    is_finite,
)
from quoteattr._types import AttributionMethod

if TYPE_CHECKING:
    from spacy.tokens import Token

    from quoteattr._reported._candidates import Candidates
    from quoteattr._reported._clauses import Clauses
    from quoteattr._reported._extent import Extents
    from quoteattr._reported._guards import Guards
    from quoteattr._reported._parenthetical import Parentheticals
    from quoteattr._reported._records import Candidate
    from quoteattr._reported._words import ReportingWords


# Where a parse hangs a cue's that-clause when it misses it: the object, a listener, or a
# phrase of the cue ("said in a statement that …").
_HOSTS = frozenset({Rel.OBJECT, Rel.INDIRECT_OBJECT, Rel.OBLIQUE})


class VerbReports(RuleFamily):
    """Rule 1: a cue verb and the clause it reports."""

    def __init__(  # noqa: PLR0913, PLR0917 - the families it asks, wired once by the finder
        self,
        context: RuleContext,
        words: ReportingWords,
        clauses: Clauses,
        guards: Guards,
        extents: Extents,
        candidates: Candidates,
        parentheticals: Parentheticals,
    ) -> None:
        """Read *context*'s document, with the rule families it asks."""
        super().__init__(context)
        self.words = words
        self.clauses = clauses
        self.guards = guards
        self.extents = extents
        self.candidates = candidates
        self.parentheticals = parentheticals

    def report(self, cue: Token) -> Candidate | None:
        if not self.guards.asserted(cue):
            return None
        complement = self._complement(cue)
        if complement is not None and self.parentheticals.opens_insertion(cue):
            # "The new quay, said Ortiz, would open in 2027."
            return self.parentheticals.parenthetical(cue, complement)
        extent = (
            self.extents.extent(complement) if complement is not None else self._split_clause(cue)
        )
        if extent is None:
            host = (
                self.parentheticals.host_clause(cue)
                if self.clauses.is_reporting_clause(cue)
                else None
            )
            return None if host is None else self.parentheticals.parenthetical(cue, host)
        first, stop = extent
        if complement is not None and complement.i < cue.i:
            first = self.extents.sentence_start(first, cue)
        else:
            stop = self.extents.until_next_report(
                first, self.extents.carry_on(cue, first, stop), cue
            )
        return self.candidates.attributed(cue, first, stop, AttributionMethod.COMPLEMENT)

    def reports_that_clause(self, token: Token) -> bool:
        """A cue trusted only next to a quote, with a ``that``-clause: "pointed out that …".

        "point", "post" or "continue" mostly mean something else ("points to a risk",
        "continued to rise"); followed by a clause that "that" opens, with no other verb
        between them, they report it.
        """
        lemma = self.context.cue_lemma(token)
        if lemma is None or self.lexicon.category(lemma) in {None, CueCategory.COGNITION}:
            return False
        if not (self.context.is_cue(token) and self.context.is_verb(token)):
            return False
        for clause in self.relations.children(token, Rel.CLAUSAL_COMPLEMENT):
            opener = self._opening_complementizer(clause) if clause.i > token.i else None
            if opener is not None and not any(
                self.context.is_verb_at(i) for i in range(token.i + 1, opener)
            ):
                return True
        return False

    def _opening_complementizer(self, clause: Token) -> int | None:
        """The declarative complementizer ("that") that opens *clause*, if it has one."""
        lower = self.tokens.lower_
        return next(
            (
                child
                for child in self.tokens.children(clause.i)
                if child < clause.i and lower[child] in self.profile.declarative_complementizers
            ),
            None,
        )

    def _complement(self, cue: Token) -> Token | None:
        """The clause *cue* reports: a clausal complement, or an infinitive or -ing clause.

        The nearest after the cue wins (a parse may add a stray second complement further
        on); else a clausal complement before it ("Israel would proceed, he said"). A clause
        in another paragraph is none: the parse ran a headline into the text below it.
        """
        relations = self.relations
        paragraph_of = self.layout.paragraph_of
        clauses = [
            clause
            for clause in relations.children(cue, Rel.CLAUSAL_COMPLEMENT)
            if paragraph_of[clause.i] == paragraph_of[cue.i]
            and self.clauses.is_clause(clause)
            and not self.clauses.is_adverbial(clause)
            and not self._is_set_off_participle(cue, clause)
        ]
        clauses += [
            child
            for child in relations.children(cue, Rel.OPEN_COMPLEMENT)
            if child.i > cue.i and child.pos_ in {"VERB", "AUX"} and self._reports_by(cue, child)
        ]
        clauses += self._question_clauses(cue)
        if not clauses:
            clauses = self._misattached_complements(cue)
        after = [clause for clause in clauses if clause.i > cue.i]
        if after:
            return min(after, key=lambda clause: clause.left_edge.i)
        return max(clauses, key=lambda clause: clause.i, default=None)

    def _question_clauses(self, cue: Token) -> list[Token]:
        """The question a question cue reports, which a parse may make an adverbial clause.

        "asked whether they would attend", "asked if it was over": a clause right after the
        cue that a question opener ("if", "whether") opens.
        """
        if self.context.cue_lemma(cue) not in self.profile.question_cues:
            return []
        openers = self.profile.question_openers
        return [
            clause
            for clause in self.relations.children(cue, Rel.ADVERBIAL_CLAUSE)
            if clause.i > cue.i
            and self.tokens.lower_[clause.left_edge.i] in openers
            and self.relations.rel_at(clause.left_edge.i) is Rel.MARKER
        ]

    def _misattached_complements(self, cue: Token) -> list[Token]:
        """A that-clause the parse hung from a noun after the cue: "said in a statement that …".

        Small parsers attach it to the last noun before it, as a clausal modifier or a
        relative clause; "that" opens it as a marker, not as a relative pronoun, and it has a
        subject of its own. The noun is the cue's object or lies in a phrase of the cue; a
        noun cue with an owner reports its clause itself ("repeated her claim that …").
        """
        relations, lower = self.relations, self.tokens.lower_
        nouns = [
            child
            for child in self.layout.children(cue)
            if child.i > cue.i and relations.rel(child) in _HOSTS
        ]
        nouns += [
            noun
            for host in list(nouns)
            for noun in relations.children(host, Rel.PREPOSITIONAL_OBJECT)
        ]
        return [
            clause
            for noun in nouns
            if not self._owned_noun_cue(noun)
            for clause in relations.children(noun, Rel.CLAUSAL_MODIFIER, Rel.RELATIVE_CLAUSE)
            if clause.i > noun.i
            and lower[clause.left_edge.i] in self.profile.declarative_complementizers
            and relations.rel_at(clause.left_edge.i) is Rel.MARKER
            and relations.subject(clause) is not None
        ]

    def _owned_noun_cue(self, noun: Token) -> bool:
        """A noun cue with its owner before it, who speaks: "her claim", "the mayor's warning"."""
        if self.layout.lemma(noun).lower() not in self.profile.noun_cues:
            return False
        return noun_cue_owner(noun, self.layout, self.relations) is not None

    def _split_clause(self, cue: Token) -> tuple[int, int] | None:
        """A clause the parse split into an object and a verb: "says the polls are wrong".

        Verbs of saying rarely take a plain object; when one follows the cue and a finite
        verb comes after it within the cue's phrase, the object opens the reported clause.
        """
        lemma = self.context.cue_lemma(cue)
        if lemma not in self.profile.clause_cues:
            return None
        obj = self.relations.first_child(cue, Rel.OBJECT)
        if obj is None or obj.i < cue.i or obj.lower_ in self.profile.pronoun_objects:
            return None
        if self.words.is_time(obj) or any(
            self.tokens.orth[i] in {",", ";", ":"} for i in range(cue.i + 1, obj.left_edge.i)
        ):
            return None
        # A verb coordinated with the cue is the speaker's next act ("acknowledged U.S.
        # support … and recognized the need"), not the rest of a split clause.
        coordinated = {
            i
            for child in self.relations.children(cue, Rel.CONJUNCT)
            for i in self.layout.subtree(child)
        }
        after = [
            t
            for t in self.layout.token_range(obj.right_edge.i + 1, cue.right_edge.i + 1)
            if t.i not in coordinated
        ]
        finite = any(is_finite(t) and self.layout.is_outside(t.i) for t in after) or any(
            is_finite(t) and t.i != obj.i and not self.clauses.is_relative(t)
            for t in self.clauses.subtree_tokens(obj)
        )
        if not finite:
            return None
        return obj.left_edge.i, obj.right_edge.i + 1

    def _reports_by(self, cue: Token, verb: Token) -> bool:
        """Whether an open complement says what was said: "promised to act", "denied lying".

        An -ing form after "said" is the reporter's ("said, answering a question"); only
        verbs that take a gerund as their object report one ("denied restricting food").
        """
        lower = self.tokens.lower_
        infinitive = self.profile.infinitive_markers
        if any(
            lower[child] in infinitive and child < verb.i for child in self.tokens.children(verb.i)
        ):
            return True
        lemma = self.context.cue_lemma(cue)
        between = range(cue.i + 1, verb.left_edge.i)
        return lemma in self.profile.gerund_cues and not any(
            self.tokens.orth[i] == "," for i in between
        )

    def _is_set_off_participle(self, cue: Token, clause: Token) -> bool:
        """A participle after a comma (", answering a question") is the reporter's words."""
        if clause.tag_ != "VBG" or clause.i < cue.i:
            return False
        return any(self.tokens.orth[i] == "," for i in range(cue.i + 1, clause.left_edge.i))
