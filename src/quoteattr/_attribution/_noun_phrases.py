"""Speaker mentions from the tagged words: ``"…," said Antony Blinken``, ``Sen. Jane Roe said``.

Small taggers get the part-of-speech of the words next to a cue right far more often than
the parser gets the attachments around quotation marks; these rules read the noun phrase
off the tags, and trim it to what annotators mark.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from quoteattr._attribution._context import RuleContext, RuleFamily
from quoteattr._attribution._records import Mention
from quoteattr._attribution._tags import (
    LEADING_NOISE,
    MAX_SPEAKER_TOKENS,
    NOMINAL,
    NOUN_PHRASE,
    TRAILING_NOISE,
)
from quoteattr._relations import Rel

if TYPE_CHECKING:
    from collections.abc import Sequence

    from spacy.tokens import Token


class NounPhrases(RuleFamily):
    """Speakers read off the tagged words next to a cue: the noun phrase before or after it."""

    def __init__(self, context: RuleContext) -> None:
        """Read *context*'s document."""
        super().__init__(context)
        # What may join a speaker's noun phrase after a cue, and may not end it.
        self._phrase_joiners = self.profile.noun_phrase_joiners | {"-", "&"}

    def trimmed(self, head: int, first: int, stop: int) -> Mention | None:
        if self.tokens.pos[first] in {"ADP", "SCONJ"}:
            # An opening phrase the parser folded into the name ("After the vote, Speaker
            # Tom Reed"): the mention starts after its comma.
            commas = [i for i in range(first, head) if self.tokens.orth[i] == ","]
            first = commas[-1] + 1 if commas else first
        while first < head and (
            self.tokens.is_punct[first] or self.tokens.pos[first] in LEADING_NOISE
        ):
            first += 1
        while stop - 1 > head and (
            self.tokens.is_punct[stop - 1] or self.tokens.pos[stop - 1] in TRAILING_NOISE
        ):
            if self.tokens.orth[stop - 1] == ")" and any(
                self.tokens.orth[i] == "(" for i in range(first, stop)
            ):
                break  # "Tom Reed (R-OH)" keeps its closing parenthesis
            stop -= 1
        if first >= stop:
            return None
        return Mention(head=head, first=first, stop=stop)

    def noun_phrase(self, tokens: Sequence[int]) -> Mention | None:
        """The noun phrase formed by all of *tokens* (already checked to be one)."""
        words = list(tokens)
        while words and self.tokens.lower_[words[-1]] in self.profile.relative_pronouns:
            words.pop()  # "a shirt that read …": the antecedent is the speaker
        if not words or len(words) > MAX_SPEAKER_TOKENS:
            return None
        head = self._noun_phrase_head(words)
        if head is None:
            return None
        return self.trimmed(head, words[0], words[-1] + 1)

    def noun_phrase_before(self, tokens: Sequence[int]) -> Mention | None:
        """The noun phrase that ends *tokens* ("… Sen. Jane Roe" before "said")."""
        position = len(tokens)
        while position > 0:
            token = self.token_at(tokens[position - 1])
            if not (
                token.pos_ in NOUN_PHRASE
                or token.text in {",", "-", "&"}
                or self.context.is_misread_name(token.i)
            ):
                break
            position -= 1
        return self.noun_phrase(tokens[position:])

    def noun_phrase_after(self, tokens: Sequence[int]) -> Mention | None:
        """The noun phrase that begins *tokens* ("said Antony Blinken")."""
        run: list[int] = []
        for i in tokens[:MAX_SPEAKER_TOKENS]:
            token = self.token_at(i)
            joins = token.text in {"-", "&"} or (
                token.lower_ in self.profile.noun_phrase_joiners and bool(run)
            )
            if (
                token.pos_ in NOUN_PHRASE
                or joins
                or self._modifies_noun_after(token)
                or self.context.is_misread_name(i)
            ):
                run.append(i)
            else:
                break
        while run and self.tokens.lower_[run[-1]] in self._phrase_joiners:
            run.pop()
        return self.noun_phrase(run)

    def _modifies_noun_after(self, token: Token) -> bool:
        """A verb form the parse makes a modifier of a later noun: "said retired engineer …".

        Taggers call such participles verbs, which would end the noun phrase at its first word.
        """
        head = self.heads[token.i]
        return (
            head > token.i
            and self.relations.rel(token) is Rel.MODIFIER
            and self.tokens.pos[head] in NOMINAL
        )

    def _noun_phrase_head(self, words: Sequence[int]) -> int | None:
        for i in words:
            if self.tokens.pos[i] == "PRON":
                return i
        # The last noun before any insertion ("Jim Bennett, 57, …" → Bennett).
        head = None
        for i in words:
            if head is not None and self.tokens.orth[i - 1] == ",":
                break
            if self.tokens.pos[i] in NOMINAL or self.context.is_misread_name(i):
                head = i
        return head
