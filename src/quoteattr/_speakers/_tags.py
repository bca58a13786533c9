"""The tags, labels and limits speaker resolution shares."""

from __future__ import annotations

from quoteattr._relations import Rel

JOINERS = frozenset({"-", "'", "’"})
ORGANISATION_LABELS = frozenset({"ORG", "GPE", "LOC", "FAC", "NORP"})
# Tags a small tagger gives to capitalised name words.
NAME_TAGS = frozenset({"PROPN", "NOUN", "ADJ", "X"})
# Coarse tags a small tagger gives an uncommon given name ("Blessing" a verb) whose fine tag
# still says proper noun (Penn Treebank tags, which both English label schemes' taggers use).
MISREAD_NAME_TAGS = frozenset({"VERB", "AUX"})
PROPER_NOUN_TAGS = frozenset({"NNP", "NNPS"})
PLACE_LABELS = frozenset({"GPE", "LOC", "FAC"})
GENDER_WINDOW_SENTENCES = 2
SUBJECTS = frozenset({Rel.SUBJECT, Rel.PASSIVE_SUBJECT})
