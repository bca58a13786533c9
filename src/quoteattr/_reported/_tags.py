"""The part-of-speech tags, relations and limits the reported-speech rules share."""

from __future__ import annotations

from typing import TYPE_CHECKING

from quoteattr._relations import Rel

if TYPE_CHECKING:
    from spacy.tokens import Token

# Tags of words that carry content: a reported clause with none of them outside its quoted
# fragment is nothing but that fragment ("said that "we will win"").
CONTENT_WORDS = frozenset({"NOUN", "PROPN", "PRON", "VERB", "AUX", "ADJ", "NUM", "ADV"})
NOUN_PHRASE = frozenset({"NOUN", "PROPN", "PRON", "NUM", "DET", "ADJ", "PART", "CCONJ"})
# Dependents of the cue after its complement that carry the clause on (a parse that split it).
CARRY_ON = frozenset(
    {Rel.ADVERBIAL_CLAUSE, Rel.CONJUNCT, Rel.CLAUSAL_COMPLEMENT, Rel.OPEN_COMPLEMENT, Rel.OTHER}
)
NOT_IN_REPORTING_CLAUSE = frozenset({Rel.OBJECT, Rel.CLAUSAL_COMPLEMENT, Rel.OPEN_COMPLEMENT})
SUBJECTS = frozenset({Rel.SUBJECT, Rel.PASSIVE_SUBJECT})
# Relations of the clause a noun cue opens: "the claim [that …]".
NOUN_CLAUSES = frozenset({Rel.CLAUSAL_MODIFIER, Rel.CLAUSAL_COMPLEMENT, Rel.OTHER})
# Punctuation where the reporter's own words may take over from the reported clause.
CLAUSE_BREAKS = frozenset({",", ";", "—", "–", "--"})
EDGE_PUNCTUATION = frozenset({",", ".", ";", ":", "—", "–", "-", "--", "(", ")", "…"})
MIN_CONTENT_WORDS = 2
MAX_CLIMB = 8


def is_finite(token: Token) -> bool:
    return token.tag_ in {"VBD", "VBZ", "VBP", "MD"}
