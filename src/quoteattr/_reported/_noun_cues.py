"""Rule 4 (``NOUN_COMPLEMENT``): a noun cue and its ``that``-clause, spoken by its owner.

``his claim that …``, ``issued a warning that …``.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from quoteattr._attribution import make_attribution
from quoteattr._attribution._context import RuleContext, RuleFamily
from quoteattr._relations import Rel
from quoteattr._reported._records import Candidate
from quoteattr._reported._tags import NOUN_CLAUSES, SUBJECTS
from quoteattr._types import AttributionMethod

if TYPE_CHECKING:
    from spacy.tokens import Token

    from quoteattr._attribution import Mention
    from quoteattr._attribution._mentions import Mentions
    from quoteattr._layout import DocLayout
    from quoteattr._relations import DocRelations
    from quoteattr._reported._candidates import Candidates
    from quoteattr._reported._extent import Extents

#: The parts of speech of a noun cue's owner: "her claim", "the mayor's warning".
_OWNER_TAGS = frozenset({"PRON", "PROPN", "NOUN"})


def noun_cue_owner(noun: Token, layout: DocLayout, relations: DocRelations) -> Token | None:
    """The owner before a noun cue, who speaks: "[her] claim", "[the mayor's] warning"."""
    for child in layout.children(noun):
        if (
            child.i < noun.i
            and relations.rel(child) is Rel.MODIFIER
            and child.pos_ in _OWNER_TAGS
            and child.tag_ != "DT"
        ):
            return child
    return None


class NounReports(RuleFamily):
    """Rule 4: a noun cue and its that-clause, spoken by its owner."""

    def __init__(
        self, context: RuleContext, mentions: Mentions, extents: Extents, candidates: Candidates
    ) -> None:
        """Read *context*'s document, with the rule families it asks."""
        super().__init__(context)
        self.mentions = mentions
        self.extents = extents
        self.candidates = candidates

    def report(self, noun: Token) -> Candidate | None:
        """``his claim that …``, ``issued a warning that …``: the owner of the noun speaks."""
        clause = next(
            (
                self.token_at(child)
                for child in self.tokens.children(noun.i)
                if child > noun.i and self._is_noun_clause(noun, self.token_at(child))
            ),
            None,
        )
        if clause is None:
            return None
        speaker = self._noun_cue_speaker(noun)
        if speaker is None:
            return None
        first, stop = self.extents.extent(clause)
        lemma = self.layout.lemma(noun).lower()
        attribution = make_attribution(
            noun.i, noun.i + 1, lemma, AttributionMethod.NOUN_COMPLEMENT, speaker
        )
        return self.candidates.checked(Candidate(first, stop, noun.i, attribution))

    def _is_noun_clause(self, noun: Token, clause: Token) -> bool:
        """Whether *clause* is what the noun cue *noun* reports: "the claim [that …]"."""
        if self.relations.rel(clause) in NOUN_CLAUSES:
            return any(
                self.tokens.lower_[g] in self.profile.declarative_complementizers and g < clause.i
                for g in self.tokens.children(clause.i)
            )
        return self._is_misread_relative(noun, clause)

    def _is_misread_relative(self, noun: Token, clause: Token) -> bool:
        """A noun cue's ``that``-clause that the parse read as a relative clause.

        "a warning that the port would close": small parsers make "that" the object of
        "close". The clause has a subject of its own and "that" opens it right after the
        noun; a relative clause that needs "that" as its object ("the claim that he made")
        is told apart by its verb, which takes the noun cue as object (the profile's
        ``noun_cue_verbs``).
        """
        if self.relations.rel(clause) is not Rel.RELATIVE_CLAUSE:
            return False
        opener = noun.i + 1
        if opener >= len(self.doc) or (
            self.tokens.lower_[opener] not in self.profile.declarative_complementizers
        ):
            return False
        if self.heads[opener] != clause.i or self.relations.rels[opener] in SUBJECTS:
            return False
        subject = self.relations.subject(clause)
        if subject is None or subject.i == opener:
            return False  # "a warning that came late": "that" is the subject
        return self.layout.lemma(clause).lower() not in self.profile.noun_cue_verbs

    def _noun_cue_speaker(self, noun: Token) -> Mention | None:
        relations = self.relations
        sentence = self.layout.reporter_tokens(self.layout.sentence_of[noun.i])
        before = [i for i in sentence if i < noun.i]
        owner = noun_cue_owner(noun, self.layout, relations)
        if owner is not None:
            return self.mentions.mention(owner, before)
        if relations.rel(noun) is Rel.OBJECT and self.heads[noun.i] != noun.i:
            # "issued a stern warning that …": whoever issued it.
            return self.mentions.tree_speaker(self.layout.head(noun), before)
        return None
