"""Report candidates: a speaker for the content, and the checks every candidate passes.

The content must be long enough and must not hold its own cue or speaker.
"""

from __future__ import annotations

import bisect
from typing import TYPE_CHECKING

import attrs

from quoteattr._attribution import make_attribution
from quoteattr._attribution._context import RuleContext, RuleFamily
from quoteattr._reported._records import Candidate
from quoteattr._reported._tags import (
    MIN_CONTENT_WORDS,
    NOUN_PHRASE,
)

if TYPE_CHECKING:
    from collections.abc import Sequence

    from spacy.tokens import Token

    from quoteattr._attribution import Mention
    from quoteattr._attribution._mentions import Mentions
    from quoteattr._attribution._noun_phrases import NounPhrases
    from quoteattr._reported._extent import Extents
    from quoteattr._reported._words import ReportingWords
    from quoteattr._types import AttributionMethod


class Candidates(RuleFamily):
    """A report candidate made whole: its speaker found, its edges trimmed."""

    def __init__(
        self,
        context: RuleContext,
        phrases: NounPhrases,
        mentions: Mentions,
        words: ReportingWords,
        extents: Extents,
    ) -> None:
        """Read *context*'s document, with the rule families it asks."""
        super().__init__(context)
        self.phrases = phrases
        self.mentions = mentions
        self.words = words
        self.extents = extents

    def attributed(
        self, cue: Token, first: int, stop: int, method: AttributionMethod
    ) -> Candidate | None:
        sentence = self.layout.reporter_tokens(self.layout.sentence_of[cue.i])
        inserted = first < cue.left_edge.i and cue.right_edge.i + 1 < stop
        if inserted:
            # "Voters, Clinton suggested, don't have to worry": the speaker is set off with
            # the cue, after the comma that opens the insertion.
            opening = max(
                (i for i in range(first, cue.i) if self.tokens.orth[i] == ","), default=first
            )
            allowed = [i for i in sentence if opening < i < cue.i or cue.i < i <= cue.right_edge.i]
        else:
            # The sentence's words around the content (both are in order).
            allowed = sentence[: bisect.bisect_left(sentence, first)]
            allowed += sentence[bisect.bisect_left(sentence, stop) :]
        speaker = self.mentions.tree_speaker(cue, allowed)
        if speaker is None and cue.tag_ != "VBG":
            speaker = self._speaker_before(cue, allowed)
        if speaker is None:
            return None
        lemma = self.words.cue_lemma_or_own(cue)
        attribution = make_attribution(cue.i, cue.i + 1, lemma, method, speaker)
        return self.checked(Candidate(first, stop, cue.i, attribution, inserted))

    def _speaker_before(self, cue: Token, allowed: Sequence[int]) -> Mention | None:
        """The noun phrase before a cue whose subject the parse lost, read from the tags.

        "As part of his plea, Marcel Lazar, 44, said": the name before an apposition or a
        relative clause set off by commas, else the noun phrase right before the cue.
        """
        before = [i for i in allowed if i < cue.i]
        while before and self.tokens.pos[before[-1]] in {"ADV", "AUX", "PART"}:
            before.pop()  # "has also said"
        segments: list[list[int]] = [[]]
        for i in before:
            if self.tokens.orth[i] == "," or self.context.is_spaced_dash(i):
                segments.append([])
            else:
                segments[-1].append(i)
        if len(segments) >= 3 and not segments[-1]:
            name, insertion = segments[-3], segments[-2]
            if not insertion or not (
                self._is_noun_phrase(insertion)
                or self.tokens.lower_[insertion[0]] in self.profile.relative_words
            ):
                return None
        else:
            name = segments[-1]
        run: list[int] = []
        for i in reversed(name):
            if self.tokens.pos[i] not in NOUN_PHRASE - {"CCONJ"} and self.tokens.orth[i] not in {
                "-",
                "&",
            }:
                break
            run.insert(0, i)
        if not run or not self._is_noun_phrase(run):
            return None
        return self.phrases.noun_phrase(run)

    def _is_noun_phrase(self, tokens: Sequence[int]) -> bool:
        return all(
            self.tokens.pos[i] in NOUN_PHRASE or self.tokens.orth[i] in {"-", "&", "(", ")"}
            for i in tokens
        ) and any(self.tokens.pos[i] in {"NOUN", "PROPN", "PRON", "NUM"} for i in tokens)

    def checked(self, candidate: Candidate) -> Candidate | None:
        """Trim a candidate's edges; drop it when the content is too short or holds the cue.

        Only a reporting clause set into the content ("Israel, he said, would proceed") may
        lie inside it.
        """
        first, stop = self.extents.trimmed(candidate.first, candidate.stop)
        if first > candidate.cue:
            first, stop = self.extents.trimmed(first, self.extents.until_next_report(first, stop))
        attribution = candidate.attribution
        holds_cue = first <= candidate.cue < stop
        holds_speaker = first < attribution.speaker_stop and attribution.speaker_first < stop
        if stop - first < MIN_CONTENT_WORDS:
            return None
        if (holds_cue or holds_speaker) and not candidate.inserted:
            return None
        return attrs.evolve(candidate, first=first, stop=stop)
