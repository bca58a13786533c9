"""Rule 2 (``PARENTHETICAL``): a reporting clause set into or after the clause it reports.

The parse hangs it from that clause: ``Israel, he said, would proceed alone``.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from quoteattr._attribution import make_attribution
from quoteattr._attribution._context import RuleContext, RuleFamily
from quoteattr._relations import Rel
from quoteattr._reported._records import Candidate
from quoteattr._types import AttributionMethod

if TYPE_CHECKING:
    from spacy.tokens import Token

    from quoteattr._attribution._mentions import Mentions
    from quoteattr._attribution._noun_phrases import NounPhrases
    from quoteattr._reported._candidates import Candidates
    from quoteattr._reported._clauses import Clauses
    from quoteattr._reported._extent import Extents
    from quoteattr._reported._words import ReportingWords


class Parentheticals(RuleFamily):
    """Rule 2: a reporting clause set into or after the clause it reports."""

    def __init__(  # noqa: PLR0913, PLR0917 - the families it asks, wired once by the finder
        self,
        context: RuleContext,
        phrases: NounPhrases,
        mentions: Mentions,
        words: ReportingWords,
        clauses: Clauses,
        extents: Extents,
        candidates: Candidates,
    ) -> None:
        """Read *context*'s document, with the rule families it asks."""
        super().__init__(context)
        self.phrases = phrases
        self.mentions = mentions
        self.words = words
        self.clauses = clauses
        self.extents = extents
        self.candidates = candidates

    def opens_insertion(self, cue: Token) -> bool:
        """An inverted cue set into a clause: ", said Ortiz," with the clause around it."""
        if cue.i == 0 or self.tokens.orth[cue.i - 1] != ",":
            return False
        sentence = self.layout.reporter_tokens(self.layout.sentence_of[cue.i])
        after = [i for i in sentence if i > cue.i]
        name = self.phrases.noun_phrase_after(after)
        return (
            name is not None
            and name.stop < len(self.doc)
            and self.tokens.orth[name.stop] == ","
            and any(i < cue.i - 1 for i in sentence)
        )

    def host_clause(self, cue: Token) -> Token | None:
        """The clause a reporting clause is set into or after ("Israel, he said, would …").

        The parse hangs it from that clause's verb (``parataxis``), or, set off by commas,
        from a noun of it as if it were a relative clause ("The river, she warned, could
        rise": the verb above that noun).
        """
        if self.relations.rel(cue) is Rel.PARATAXIS:
            return (
                self.clauses.verb_at_or_above(self.layout.head(cue))
                if self.heads[cue.i] != cue.i
                else None
            )
        words = [i for i in self.layout.subtree_in_spacy_order(cue) if not self.tokens.is_punct[i]]
        before, after = words[0] - 1, words[-1] + 1
        set_off = (
            before >= 0
            and self.tokens.orth[before] == ","
            and after < len(self.doc)
            and self.tokens.orth[after] in {",", ".", ";"}
        )
        rel = self.relations.rel(cue)
        closes = after >= len(self.doc) or self.tokens.orth[after] in {".", "!", "?"}
        if set_off and closes and rel is Rel.CONJUNCT and self.heads[cue.i] < cue.i:
            # "The port will close in June, a spokesman for the council said."
            return self.clauses.verb_at_or_above(self.layout.head(cue))
        if not set_off or rel is not Rel.RELATIVE_CLAUSE:
            return None
        subject = self.relations.subject(cue)
        if subject is None or subject.lower_ in self.profile.relative_words:
            return None  # a true relative clause: "the river, which rose …"
        return self.clauses.verb_at_or_above(self.layout.head(cue))

    def parenthetical(self, cue: Token, host: Token) -> Candidate | None:
        """A reporting clause set into or after the clause it reports.

        The speaker is the subject nearest before the cue, or the name after an inverted
        cue ("…, said Smith"); the content is the host clause with whatever the parse hung
        from the reporting clause, less the reporting clause itself.
        """
        subjects = [
            child
            for child in self.relations.children(cue, Rel.SUBJECT)
            if child.i < cue.i and child.pos_ in {"PRON", "PROPN", "NOUN"}
        ]
        sentence = set(self.layout.reporter_tokens(self.layout.sentence_of[cue.i]))
        clause_tokens = [i for i in self.layout.subtree_in_spacy_order(cue) if i in sentence]
        speaker = None
        if subjects and not self.opens_insertion(cue):
            subject = max(subjects, key=lambda child: child.i)
            opening = max(
                (i for i in range(cue.left_edge.i, subject.i) if self.tokens.orth[i] == ","),
                default=cue.left_edge.i - 1,
            )
            speaker = self.mentions.mention(subject, [i for i in clause_tokens if i > opening])
        if speaker is None:
            speaker = self.phrases.noun_phrase_after([i for i in clause_tokens if i > cue.i])
        if speaker is None:
            return None
        # The reporting clause: from its speaker (or the cue) on, over the cue's own words
        # ("said on Tuesday"), up to punctuation or the host clause.
        hosted = set(self.layout.subtree(host))
        insertion_stop = max(speaker.stop, cue.i + 1)
        while (
            insertion_stop < len(self.doc)
            and not self.tokens.is_punct[insertion_stop]
            and insertion_stop not in hosted
            and cue.left_edge.i <= insertion_stop <= cue.right_edge.i
        ):
            insertion_stop += 1
        insertion = range(min(speaker.first, cue.i), insertion_stop)
        # What the parse hung from the reporting clause before it belongs to the content
        # ("The quay, the master said, …"); what follows it is the clause's own (", a
        # professor at …").
        indices = hosted | {i for i in self.layout.subtree(cue) if i < insertion.start}
        first, stop = self.extents.extent(host, left_out=insertion, among=indices)
        if stop <= insertion.start:
            first = self.extents.sentence_start(first, cue)
        lemma = self.words.cue_lemma_or_own(cue)
        method = AttributionMethod.PARENTHETICAL
        attribution = make_attribution(cue.i, cue.i + 1, lemma, method, speaker)
        inserted = first < insertion.start and insertion.stop < stop
        return self.candidates.checked(Candidate(first, stop, cue.i, attribution, inserted))
