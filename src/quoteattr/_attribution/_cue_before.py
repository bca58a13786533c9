"""Rule 2: the reporting clause right before the quote.

``Blinken said: "…"`` / ``He added, "…"`` / ``According to officials, "…"`` (also when the
clause ends the previous paragraph with a colon), a bare noun phrase and a colon
(``Pollster Jane Roe: "…"``), and any clause a colon closes (``She turned to the crowd: "…"``).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from quoteattr._attribution._context import RuleContext, RuleFamily
from quoteattr._attribution._records import Attribution, make_attribution
from quoteattr._attribution._tags import (
    CUE_TO_QUOTE,
    DASHES,
    MAX_CUE_TO_QUOTE_TOKENS,
    MAX_SUBJECT_CLIMB,
)
from quoteattr._relations import Rel
from quoteattr._types import AttributionMethod

if TYPE_CHECKING:
    from collections.abc import Sequence

    from spacy.tokens import Token

    from quoteattr._attribution._according_to import AccordingTo
    from quoteattr._attribution._mentions import Mentions
    from quoteattr._attribution._noun_phrases import NounPhrases
    from quoteattr._layout import QuoteRegion


class CueBefore(RuleFamily):
    """Rule 2: the reporting clause right before the quote."""

    def __init__(
        self, context: RuleContext, phrases: NounPhrases, mentions: Mentions, according: AccordingTo
    ) -> None:
        """Read *context*'s document, with the rule families it asks."""
        super().__init__(context)
        self.phrases = phrases
        self.mentions = mentions
        self.according = according

    def lead_in(self, region: QuoteRegion) -> list[int]:
        """The clause ending in a colon just before a quote that opens a paragraph.

        News style introduces a block quote at the end of the previous paragraph
        ("Cruz continued:"); the paragraph break must not hide that clause.
        """
        layout = self.layout
        i = self.tokens.word_before(region.first)
        if i < 0 or self.tokens.orth[i] != ":" or not layout.is_outside(i):
            return []
        return [j for j in layout.reporter_tokens(layout.sentence_of[i]) if j <= i]

    def find(self, frame: Sequence[int]) -> Attribution | None:
        if not frame:
            return None
        for start in range(len(frame) - 1):
            according = self.according.according_to(frame, start)
            if according is not None:
                return according
        found = self._walk_back_to_cue(frame)
        if found is None and self.tokens.orth[frame[-1]] == ":":
            found = self._colon_clause(frame) or self._colon(frame) or self._colon_verb(frame)
        return found

    def _colon_clause(self, frame: Sequence[int]) -> Attribution | None:
        """The cue of a clause a colon closes, whatever its object holds.

        "Renner recalled the night the water broke through:" — walking back stops at
        "broke"; the tree leads from the colon up to "recalled".
        """
        members = set(frame)
        node = self.token_at(frame[-1])
        for _ in range(MAX_SUBJECT_CLIMB + 1):
            if self.heads[node.i] == node.i or self.heads[node.i] not in members:
                return None
            node = self.layout.head(node)
            if self.context.is_cue(node) and self.context.governs_at_distance(node):
                return self._clause_before(node, frame, frame.index(node.i), set_off=True)
        return None

    def _colon_verb(self, frame: Sequence[int]) -> Attribution | None:
        """Any clause a colon closes: ``She turned to the crowd: "…"``.

        With no reporting verb in sight, the clause that announces a whole quoted utterance
        still names who speaks: the subject of its verb. The verb stands as the cue.
        """
        members = set(frame)
        verb = self._verb_above(frame[-1], members)
        if verb is None:
            verbs = [i for i in frame[:-1] if self.context.is_verb(self.token_at(i))]
            verb = self.token_at(verbs[-1]) if verbs else None
        if verb is None or self.relations.rel(verb) is Rel.RELATIVE_CLAUSE:
            return None  # "a phrase that could have come from him:" — not who speaks
        # "He adds that voters have two choices:" — the reporting verb above speaks.
        verb = self.context.reporting_verb_above(verb) or verb
        subject = self.mentions.subject_of(self._predicate_of(verb))
        if subject is None or subject.i not in members or subject.i > verb.i:
            return None
        speaker = self.mentions.mention(subject, [i for i in frame if i < verb.i])
        if speaker is None:
            return None
        return make_attribution(
            verb.i,
            verb.i + 1,
            self.layout.lemma(verb).lower(),
            AttributionMethod.COLON_CLAUSE,
            speaker,
        )

    def _predicate_of(self, verb: Token) -> Token:
        """The word a copula or auxiliary serves, which holds the clause's subject.

        "The coach was blunt:": UD makes "blunt" the head of the clause, "was" a copula.
        """
        if self.relations.rel(verb) is Rel.AUXILIARY and self.heads[verb.i] != verb.i:
            return self.layout.head(verb)
        return verb

    def _verb_above(self, i: int, members: set[int]) -> Token | None:
        """The first verb above token *i* in the tree, among *members*."""
        node = self.token_at(i)
        for _ in range(MAX_SUBJECT_CLIMB + 1):
            if self.heads[node.i] == node.i or self.heads[node.i] not in members:
                return None
            node = self.layout.head(node)
            if self.context.is_verb(node):
                return node
        return None

    def _walk_back_to_cue(self, frame: Sequence[int]) -> Attribution | None:
        """From the opening mark back over objects and adverbials to the cue."""
        position = len(frame) - 1
        set_off = self.tokens.orth[frame[position]] in {":", ","}
        if set_off:
            position -= 1
        lowest = max(0, position - MAX_CUE_TO_QUOTE_TOKENS)
        while position >= lowest:
            token = self.token_at(frame[position])
            if token.text in DASHES:
                return None
            if self.context.is_cue(token):
                return self._clause_before(token, frame, position, set_off)
            if (
                token.pos_ not in CUE_TO_QUOTE
                or token.lower_ in self.profile.declarative_complementizers
            ):
                return None
            position -= 1
        return None

    def _sentence_before(self, cue: Token) -> list[int]:
        """The reporter's words of *cue*'s sentence before it, across any quote."""
        sentence = self.layout.sentence_of[cue.i]
        return [i for i in self.layout.reporter_tokens(sentence) if i < cue.i]

    def _colon(self, frame: Sequence[int]) -> Attribution | None:
        """``Pollster Jane Roe: "…"`` — a bare noun phrase and a colon introduce the quote."""
        colon = frame[-1]
        # Only the words after a dash: "Pollsters agree - Carl Bialik: "…"".
        dashes = [n for n, i in enumerate(frame) if self.context.is_spaced_dash(i)]
        words = list(frame[dashes[-1] + 1 if dashes else 0 : -1])
        if not words or len(words) > MAX_CUE_TO_QUOTE_TOKENS:
            return None
        if any(self.context.is_verb(self.token_at(i)) for i in words):
            return None
        if not any(self.tokens.pos[i] in {"PROPN", "NOUN"} for i in words):
            return None
        speaker = self.phrases.noun_phrase(words)
        if speaker is None:
            return None
        return make_attribution(colon, colon + 1, ":", AttributionMethod.COLON, speaker)

    def _clause_before(
        self, cue: Token, frame: Sequence[int], position: int, set_off: bool
    ) -> Attribution | None:
        # A clause introduces the quote when a colon or comma sets the quote off, or when the
        # cue stands right before it; words in between make the quote embedded in the clause
        # ("called the plan "reckless""), where only unambiguous cues count.
        introduces = set_off or position == len(frame) - 1
        if not introduces and not self.context.governs_at_distance(cue):
            return None
        # A participle ("…, saying:") has no subject of its own; the noun before it is
        # usually an object, so only the parse may name the speaker.
        participle = cue.tag_ == "VBG"
        speaker = (
            self.mentions.tree_speaker(cue, frame[:position])
            # The parse's subject after the cue, inverted ("…, explained Rosenberg:"), before
            # the words before it, which may be an adverbial ("In other words, …").
            or self.mentions.tree_speaker(cue, frame[position + 1 :])
            # The parse's subject before an earlier quote of the sentence, which cut the frame:
            # "As Amar, author of "Our Constitution," put it, "…"".
            or self.mentions.tree_speaker(cue, self._sentence_before(cue))
            or (None if participle else self.phrases.noun_phrase_before(frame[:position]))
            or (self.mentions.clause_subject(frame[:position]) if participle else None)
        )
        if (
            speaker is None
            and not participle
            and all(self.tokens.pos[i] in {"ADV", "CCONJ", "PUNCT"} for i in frame[:position])
        ):
            # Inverted, as in "Continued Stone: "…"": the speaker follows the cue.
            speaker = self.phrases.noun_phrase_after(frame[position + 1 :])
        if speaker is None:
            return None
        default = AttributionMethod.CUE_BEFORE if introduces else AttributionMethod.EMBEDDED
        return self.context.make(cue, self.context.method_for(cue, default), speaker)
