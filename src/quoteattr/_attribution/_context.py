"""The context the attribution rules share: one document, and what they ask of its tokens.

A token is a cue when the language's lexicon knows its lemma, or its inflected form when the
small tagger got the part of speech wrong; the answers are remembered per document.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from quoteattr._attribution._records import Attribution, Mention, make_attribution
from quoteattr._attribution._tags import (
    DASHES,
    MISREAD_NAME_TAGS,
    NOMINAL,
    PLACE_AND_ORGANISATION,
    PROPER_NOUN_TAGS,
    SENTENCE_ENDS,
    VERBAL,
)
from quoteattr._relations import Rel
from quoteattr._types import AttributionMethod

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

    from quoteattr._layout import DocLayout
    from quoteattr._relations import Relations
    from quoteattr.lang import LanguageProfile


def _is_capitalised(word: str) -> bool:
    """A word written as a name is: one capital, then small letters ("Skelly", not "NASA")."""
    return len(word) > 1 and word.isalpha() and word[0].isupper() and word[1:].islower()


class RuleContext:
    """One parsed document as the attribution rules read it, and the tests they share.

    Its tables, its relations and its language's words; and what every rule family asks of
    a token: is it a verb, a reporting cue, a noun, a word of time.
    """

    def __init__(self, layout: DocLayout, relations: Relations, profile: LanguageProfile) -> None:
        """Read *layout*'s document with a label scheme's relations and a language's words."""
        self.layout = layout
        self.doc: Doc = layout.doc
        self.token_at = layout.token_at
        self.tokens = layout.tokens
        self.heads = layout.tokens.head
        self.relations = relations.over(layout)
        self.profile = profile
        self.lexicon = profile.cues
        self._participle_endings = tuple(profile.present_participle_endings)
        # Whether each token asked about is a cue, and a verb that governs at a distance:
        # the rules ask about the same words again and again.
        self._cues: dict[int, bool] = {}
        self._verbs_governing_at_distance: dict[int, bool] = {}

    def is_nominal(self, token: Token) -> bool:
        """A noun, or an adjective the parse made a subject ("the former executive").

        A word whose fine tag says proper noun is a noun whatever its coarse tag: small
        taggers call an uncommon given name a verb ("said Blessing Okafor").
        """
        if token.pos_ in NOMINAL or token.tag_ in PROPER_NOUN_TAGS:
            return True
        if self.is_misread_name(token.i):
            return True
        rel = self.relations.rel(token)
        if rel is Rel.NAME_PART and not self.is_cue(token):
            # The parse reads a word the tagger called a verb as part of a name or of a
            # compound noun: "screenwriter Cole Haddon wrote".
            head = self.layout.head(token)
            return head.i != token.i and head.pos_ in NOMINAL
        return token.pos_ == "ADJ" and rel is Rel.SUBJECT

    def is_misread_name(self, i: int) -> bool:
        """A capitalised word the tagger read as a verb or modifier where its place says name.

        Small taggers read an uncommon surname as an adverb (``said Skelly,``) or a place as
        a verb (``Tulsa police Chief …``). Inside running text, next to a lowercase word, a
        capital that the start of a sentence does not explain marks a name.
        """
        tokens = self.tokens
        word = tokens.orth[i]
        if tokens.pos[i] not in MISREAD_NAME_TAGS or not _is_capitalised(word):
            return False
        before = tokens.word_before(i)
        if before < 0 or self.layout.paragraph_of[before] != self.layout.paragraph_of[i]:
            return False
        if not self._continues_sentence(before):
            return False
        after = tokens.word_after(i)
        neighbours = (tokens.orth[before], tokens.orth[after] if after < len(tokens.orth) else "")
        return any(neighbour[:1].islower() for neighbour in neighbours)

    def _continues_sentence(self, before: int) -> bool:
        """Whether the token after token *before* is inside a sentence, not at its start."""
        word = self.tokens.orth[before]
        region = self.layout.region_of[before]
        if region >= 0 and before == self.layout.regions[region].first:
            return False  # an opening mark: the quote's first word
        if region >= 0 and before == self.layout.regions[region].stop - 1:
            return not self.layout.regions[region].ending.endswith(SENTENCE_ENDS)
        return word not in SENTENCE_ENDS and word not in {":", ";"} and word not in DASHES

    def is_spaced_dash(self, i: int) -> bool:
        """A dash between words ("agree - Carl"), not a hyphen inside one ("30-minute")."""
        token_at = self.token_at
        return self.tokens.orth[i] in DASHES and (
            bool(token_at(i).whitespace_) or (i > 0 and bool(token_at(i - 1).whitespace_))
        )

    def is_verb_governing_at_distance(self, i: int) -> bool:
        found = self._verbs_governing_at_distance.get(i)
        if found is None:
            token = self.token_at(i)
            found = self.is_verb(token) and self.governs_at_distance(token)
            self._verbs_governing_at_distance[i] = found
        return found

    def is_verb(self, token: Token) -> bool:
        return self.is_verb_at(token.i)

    def is_verb_at(self, i: int) -> bool:
        """Whether token *i* is tagged a verb (or an auxiliary)."""
        return self.tokens.pos[i] in VERBAL or self.token_at(i).tag_.startswith("VB")

    def is_cue(self, token: Token) -> bool:
        """Whether *token* is a reporting verb (trusting inflected forms over bad tags)."""
        found = self._cues.get(token.i)
        if found is None:
            found = self._cues[token.i] = self._is_cue(token)
        return found

    def _is_cue(self, token: Token) -> bool:
        i, tokens = token.i, self.tokens
        word = tokens.orth[i]
        if len(word) > 1 and word.isupper():
            return False  # headline capitals: "RED STATES OUTNUMBER BLUE STATES"
        if i > 0 and tokens.orth[i - 1] in DASHES and not self.token_at(i - 1).whitespace_:
            return False  # a compound adjective: "self-described", "so-called"
        if tokens.ent_type[i] in PLACE_AND_ORGANISATION:
            return False  # "the United States", "Reports Inc."
        lemma = self.cue_lemma(token)
        if lemma is None:
            return False
        if self.is_verb_at(i):
            return True
        # Small taggers call "says" a noun and "added" an adjective; an inflected form
        # right next to a quote is still the cue. A bare lemma ("the report") is not.
        lower = tokens.lower_[i]
        return (
            lower != lemma
            and lower in self.lexicon.forms
            and not lower.endswith(self._participle_endings)
        )

    def cue_lemma(self, token: Token) -> str | None:
        """The lexicon's lemma for *token* (by its lemma, else its form), if it is a cue word."""
        return self.lexicon.lemma_of(self.tokens.orth[token.i], self.layout.lemma(token))

    def governs_at_distance(self, token: Token) -> bool:
        lemma = self.cue_lemma(token)
        return lemma is not None and self.lexicon.governs_at_distance(lemma)

    def method_for(self, cue: Token, default: AttributionMethod) -> AttributionMethod:
        if self.quoted_above(cue) is not None:
            return AttributionMethod.QUOTED_AS_SAYING
        return default

    def quoted_above(self, cue: Token) -> Token | None:
        """The "quoted" that *cue* hangs from in "was quoted as saying", if any."""
        node = cue
        for _ in range(2):
            if self.heads[node.i] == node.i:
                break
            node = self.layout.head(node)
            if self.layout.lemma(node) in self.profile.quoted_lemmas:
                return node
        return None

    def make(self, cue: Token, method: AttributionMethod, speaker: Mention) -> Attribution:
        lemma = self.cue_lemma(cue) or self.layout.lemma(cue)
        first = cue.i
        if method is AttributionMethod.QUOTED_AS_SAYING:
            first = self._quoted_phrase_start(cue)
        return make_attribution(first, cue.i + 1, lemma, method, speaker)

    def _quoted_phrase_start(self, cue: Token) -> int:
        """Where "was quoted as saying" starts: the whole phrase is the cue, as annotators mark.

        The auxiliaries of "quoted" right before it join ("is quoted", "has been quoted").
        """
        quoted = self.quoted_above(cue)
        if quoted is None or quoted.i > cue.i:
            return cue.i
        first = quoted.i
        auxiliaries = {t.i for t in self.relations.children(quoted, Rel.AUXILIARY)}
        while first - 1 in auxiliaries:
            first -= 1
        return first

    def is_temporal(self, token: Token) -> bool:
        """A word of time, which is never a speaker: "Thursday", "night", a DATE entity."""
        return token.lower_ in self.profile.time_words or token.ent_type_ in {"DATE", "TIME"}

    def reporting_verb_above(self, verb: Token) -> Token | None:
        """The cue whose clausal complement *verb* is, if any ("said [that] X fought").

        Not a cue in another paragraph: the parse ran a headline into the text below it.
        """
        if self.relations.rel(verb) is not Rel.CLAUSAL_COMPLEMENT or self.heads[verb.i] == verb.i:
            return None
        head = self.layout.head(verb)
        paragraph_of = self.layout.paragraph_of
        if paragraph_of[head.i] != paragraph_of[verb.i]:
            return None
        return head if self.is_cue(head) and self.layout.is_outside(head.i) else None


class RuleFamily:
    """A family of rules over one document: its context's tables, at hand as attributes."""

    def __init__(self, context: RuleContext) -> None:
        """Take *context*'s document, tables, relations and words."""
        self.context = context
        self.layout = context.layout
        self.doc = context.doc
        self.token_at = context.token_at
        self.tokens = context.tokens
        self.heads = context.heads
        self.relations = context.relations
        self.profile = context.profile
        self.lexicon = context.lexicon
