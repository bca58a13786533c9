"""Rule 1: the reporting clause right after the quote.

``"…," Blinken told reporters`` / ``"…," said Blinken`` / ``"…," according to officials``, and
a bare ``Trump said.`` after a quote that ended with a full stop.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from quoteattr._attribution._context import RuleContext, RuleFamily
from quoteattr._attribution._tags import (
    MAX_SPEAKER_TOKENS,
    MAX_TAG_SENTENCE_TOKENS,
    QUOTE_TO_CUE,
    UTTERANCE_ENDS,
)
from quoteattr._relations import Rel
from quoteattr._types import AttributionMethod
from quoteattr.lang import PronounKind

if TYPE_CHECKING:
    from collections.abc import Sequence

    from spacy.tokens import Token

    from quoteattr._attribution._according_to import AccordingTo
    from quoteattr._attribution._mentions import Mentions
    from quoteattr._attribution._noun_phrases import NounPhrases
    from quoteattr._attribution._records import Attribution, Mention
    from quoteattr._layout import QuoteRegion


# The most auxiliaries and inverted pronouns before an inverted cue: "a-t-il affirmé".
MAX_INVERTED_LEAD = 5


class CueAfter(RuleFamily):
    """Rule 1: the reporting clause right after the quote."""

    def __init__(
        self, context: RuleContext, phrases: NounPhrases, mentions: Mentions, according: AccordingTo
    ) -> None:
        """Read *context*'s document, with the rule families it asks."""
        super().__init__(context)
        self.phrases = phrases
        self.mentions = mentions
        self.according = according

    def tag_sentence(self, region: QuoteRegion) -> list[int]:
        """A bare ``Trump said.`` right after a quote that ended with a full stop.

        Writers often close the quote with a period and still attach the reporting clause;
        only a short sentence that is nothing but speaker and cue is taken.
        """
        layout = self.layout
        if region.stop >= len(self.doc) or region.stop == 0:
            return []
        sentence = layout.sentence_of[region.stop]
        if sentence == layout.sentence_of[region.stop - 1]:
            return []
        tokens = layout.reporter_tokens(sentence)
        if not tokens or tokens[0] != region.stop or len(tokens) > MAX_TAG_SENTENCE_TOKENS:
            return []
        if (
            self.tokens.orth[tokens[-1]] != "."
            or layout.paragraph_of[tokens[0]] != region.paragraph
        ):
            return []
        if any(
            self.context.is_verb(self.token_at(i)) and not self.context.is_cue(self.token_at(i))
            for i in tokens
        ):
            return []
        return tokens

    def find(self, frame: Sequence[int], region: QuoteRegion) -> Attribution | None:
        tokens = list(frame)
        while tokens and self.tokens.orth[tokens[0]] == ",":
            tokens.pop(0)
        if not tokens:
            return None
        according = self.according.according_to(tokens, 0)
        if according is not None:
            return according
        if (
            self.tokens.pos[tokens[0]] == "CCONJ"
            or self.tokens.lower_[tokens[0]] in self.profile.relative_pronouns
        ):
            # "…," but he denied it / "Opening Night," which airs Monday: not an attribution.
            return None
        start = 1 if self.tokens.pos[tokens[0]] == "ADV" and len(tokens) > 1 else 0
        if self.context.is_cue(self.token_at(tokens[start])):
            return self._cue_then_speaker(self.token_at(tokens[start]), tokens[start + 1 :], region)
        if self.profile.inverts_after_auxiliary:
            inverted = self._inverted_cue(tokens)
            if inverted is not None:
                return inverted
        if not self._set_off(region, frame):
            # A phrase quoted inside the reporter's noun phrase ('the "provisional" role of
            # Assad … once agreed'): the words after it go on with that phrase, and a verb
            # further on has a subject of its own, not the quote's speaker.
            return None
        return self._speaker_then_cue(tokens)

    def _set_off(self, region: QuoteRegion, frame: Sequence[int]) -> bool:
        """Whether punctuation ends the quote, inside its marks or right after them."""
        return region.ending.endswith(UTTERANCE_ENDS) or (
            bool(frame) and self.tokens.is_punct[frame[0]]
        )

    def _inverted_cue(self, tokens: Sequence[int]) -> Attribution | None:
        """A cue after its auxiliary, its subject after it or a pronoun between.

        ``« … », a déclaré le ministre`` and ``« … », a-t-il affirmé``: languages that
        invert the subject of a reporting clause put the auxiliary first, then an inverted
        pronoun or the verb and the noun phrase. The tokens before the cue must all hang
        from it: its auxiliaries and the inverted pronoun (with its linking letter).
        """
        pronouns = self.profile.pronoun_forms(PronounKind.PERSONAL)
        inverted: Token | None = None
        for position, i in enumerate(tokens[:MAX_INVERTED_LEAD]):
            token = self.token_at(i)
            if position and self.context.is_cue(token):
                if not self.relations.children(token, Rel.AUXILIARY):
                    return None
                rest = tokens[position + 1 :]
                speaker = self.mentions.tree_speaker(token, rest)
                if speaker is None and inverted is not None:
                    speaker = self.mentions.mention(inverted, [inverted.i])
                speaker = speaker or self._inverted_subject(token, rest)
                speaker = speaker or self.phrases.noun_phrase_after(rest)
                if speaker is None:
                    return None
                method = self.context.method_for(token, AttributionMethod.CUE_AFTER)
                return self.context.make(token, method, speaker)
            if self.tokens.pos[i] == "AUX" or self.tokens.is_punct[i]:
                continue
            if self.tokens.pos[i] == "PRON" and self.tokens.lower_[i] in pronouns:
                inverted = token
                continue
            if self.tokens.pos[i] != "PRON":  # a linking letter ("-t-") is a pronoun too
                return None
        return None

    def _inverted_subject(self, cue: Token, rest: Sequence[int]) -> Mention | None:
        """The noun after *cue* that the parse reads as its object: the inverted subject.

        Parsers take the subject inverted after a compound cue (``a confié une source
        proche du dossier``) for its object; read from the tree, the phrase keeps its own
        head ("source"), where the words alone would end at its last noun ("dossier").
        """
        noun = self.relations.first_child(cue, Rel.OBJECT)
        if noun is None or not rest or noun.left_edge.i != rest[0]:
            return None  # not the phrase right after the cue
        return self.mentions.mention(noun, rest)

    def _cue_then_speaker(
        self, cue: Token, rest: Sequence[int], region: QuoteRegion
    ) -> Attribution | None:
        """``"…," said Blinken`` — or, for a participle, ``"…," adding …`` (speaker before)."""
        if cue.tag_ == "VBG":
            speaker = self.mentions.tree_speaker(cue, self.layout.reporter_tokens(region.sentence))
        else:
            speaker = self.mentions.tree_speaker(cue, rest) or self.phrases.noun_phrase_after(rest)
        if speaker is None:
            return None
        return self.context.make(
            cue, self.context.method_for(cue, AttributionMethod.CUE_AFTER), speaker
        )

    def _speaker_then_cue(self, tokens: Sequence[int]) -> Attribution | None:
        """``"…," Blinken told reporters`` — a noun phrase, then the cue."""
        for position in range(min(len(tokens), MAX_SPEAKER_TOKENS)):
            token = self.token_at(tokens[position])
            before = tokens[:position]
            if self.context.is_cue(token) and not self._relative_clause_of_other(token, before):
                if not any(self.context.is_nominal(self.token_at(i)) for i in before):
                    return None
                # "…," the minister was quoted as saying: "saying" reports, and its speaker
                # is the one quoted, not a listener of a passive "was quoted".
                token = self._saying_under_quoted(token, tokens[position + 1 :]) or token
                speaker = self.mentions.tree_speaker(token, tokens)
                if speaker is None and self.relations.passive_subject(token) is not None:
                    return None  # "…," he was told: the subject only listened
                speaker = speaker or self.phrases.noun_phrase(before)
                if speaker is None:
                    return None
                method = self.context.method_for(token, AttributionMethod.CUE_AFTER)
                return self.context.make(token, method, speaker)
            if (
                token.pos_ not in QUOTE_TO_CUE
                and not self.context.is_nominal(token)
                and not self._inside_insertion(before)
            ):
                return None
        return None

    def _saying_under_quoted(self, quoted: Token, after: Sequence[int]) -> Token | None:
        """The cue of "as saying" under a "quoted" among the words *after* it, if any."""
        if self.context.cue_lemma(quoted) not in self.profile.quoted_lemmas:
            return None
        for i in after:
            token = self.token_at(i)
            above = self.context.quoted_above(token) if self.context.is_cue(token) else None
            if above is not None and above.i == quoted.i:
                return token
        return None

    def _relative_clause_of_other(self, cue: Token, before: Sequence[int]) -> bool:
        """Whether *cue* reports inside a relative clause about some other noun.

        Parsers often hang the reporting clause after a quote from the quote's last noun as a
        relative clause (``"…,'' he told Fox News``); when the words before the cue are all
        the cue's own subject, that attachment is an error, not a clause about the noun.
        """
        if self.relations.rel(cue) is not Rel.RELATIVE_CLAUSE:
            return False
        subject = self.relations.subject(cue)
        if subject is None or subject.lower_ in self.profile.relative_pronouns:
            return True
        own = set(self.layout.subtree(subject))
        return any(i not in own and not self.tokens.is_punct[i] for i in before)

    def _inside_insertion(self, before: Sequence[int]) -> bool:
        """Whether a comma or relative pronoun opened an insertion ("Smith, who met …,")."""
        return any(
            self.tokens.orth[i] == "," or self.tokens.lower_[i] in self.profile.relative_pronouns
            for i in before
        )
