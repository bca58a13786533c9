"""The part-of-speech tags, relations and limits the attribution rules share."""

from __future__ import annotations

import regex

from quoteattr._relations import Rel

NOMINAL = frozenset({"NOUN", "PROPN", "PRON", "NUM"})
# Tags that may appear inside a noun phrase naming a speaker.
NOUN_PHRASE = NOMINAL | {"DET", "ADJ", "PART", "X", "SYM"}
# Tags allowed between a cue and the quote it introduces: objects and prepositional phrases
# ("told reporters in Tel Aviv:"), adverbs ("said simply,"), never another verb or a "that".
CUE_TO_QUOTE = NOUN_PHRASE | {"ADP", "ADV", "CCONJ", "PUNCT"}
# Tags allowed between a quote and the cue that follows its speaker ("…," Smith, 57, later told).
QUOTE_TO_CUE = NOUN_PHRASE | {"ADP", "ADV", "AUX", "CCONJ", "PUNCT"}
VERBAL = frozenset({"VERB", "AUX"})
# Fine tags of proper nouns (Penn Treebank, which both English label schemes' taggers use).
PROPER_NOUN_TAGS = frozenset({"NNP", "NNPS"})
# Coarse tags a small tagger gives names it does not know ("said Skelly," as an adverb).
MISREAD_NAME_TAGS = frozenset({"VERB", "AUX", "ADV", "ADJ", "X", "INTJ"})
# What ends a sentence, so that the word after it is capitalised by position.
SENTENCE_ENDS = (".", "!", "?", "…")
# What ends a quoted utterance or sets it off, at the end of its text.
UTTERANCE_ENDS = (".", ",", "!", "?", "…", "—", "-", ";", ":")
DASHES = frozenset({"-", "—", "–", "--", "―"})
MAX_BYLINE_TOKENS = 12
# A quoted clause shorter than this is a fragment, not a continued utterance.
MIN_CONTINUED_WORDS = 5
MAX_TITLE_WORDS = 8
WORD = regex.compile(r"\p{L}[\p{L}\p{M}'’.\-]*")
TRAILING_NOISE = frozenset({"ADV", "AUX", "PART", "CCONJ", "SCONJ", "ADP"})
LEADING_NOISE = frozenset({"CCONJ", "SCONJ", "ADV", "ADP"})
# Relations through which a quote inside a clause is still reported by the verb above it:
# "said he wanted to "drain the swamp"" climbs wanted → said; an adverbial clause does not.
COMPLEMENTS = frozenset(
    {Rel.CLAUSAL_COMPLEMENT, Rel.OPEN_COMPLEMENT, Rel.CONJUNCT, Rel.OBJECT, Rel.OTHER}
)
PLACE_AND_ORGANISATION = frozenset({"GPE", "LOC", "ORG", "FAC", "NORP"})
MAX_SPEAKER_TOKENS = 40
MAX_TAG_SENTENCE_TOKENS = 8
MAX_CUE_TO_QUOTE_TOKENS = 12
MAX_CLIMB = 8
MAX_SUBJECT_CLIMB = 3
