"""Speaker mentions from the dependency tree: the subject of a cue and the noun phrase it heads.

The mention keeps appositions and relative clauses ("Biden, who served 36 years in the
Senate"), as readers and annotators do, and always the whole proper name around its head.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from quoteattr._attribution._context import RuleContext, RuleFamily
from quoteattr._attribution._tags import (
    MAX_SUBJECT_CLIMB,
    NOMINAL,
    NOUN_PHRASE,
)
from quoteattr._relations import Rel

if TYPE_CHECKING:
    from collections.abc import Sequence

    from spacy.tokens import Token

    from quoteattr._attribution._noun_phrases import NounPhrases
    from quoteattr._attribution._records import Mention


class Mentions(RuleFamily):
    """Speakers read off the tree: the subject of a cue, and the extent of its noun phrase."""

    def __init__(self, context: RuleContext, phrases: NounPhrases) -> None:
        """Read *context*'s document, with the rule families it asks."""
        super().__init__(context)
        self.phrases = phrases

    def tree_speaker(self, cue: Token, allowed: Sequence[int]) -> Mention | None:
        """The speaker the parse gives *cue*, if it lies among the *allowed* tokens."""
        head = self.subject_of(cue)
        if head is None or head.i not in allowed:
            return None
        mention = self.mention(head, allowed)
        if mention is not None and mention.stop <= cue.i:
            mention = self._extend_to_cue(mention, cue, allowed)
        return mention

    def subject_of(self, cue: Token) -> Token | None:
        relations = self.relations
        subject = relations.subject(cue)
        if subject is None and relations.passive_subject(cue) is not None:
            # "was told by the mayor": the agent spoke; "was told" alone: the subject listened.
            subject = relations.agent(cue, self.profile.agent_prepositions)
        if subject is None and relations.rel(cue) is not Rel.ROOT:
            subject = self._clause_subject_above(cue)
        if subject is not None and subject.lower_ in self.profile.relative_pronouns:
            # "Smith, who said …": the mention is "who", as written; speaker resolution
            # names the antecedent the relative clause hangs from.
            is_relative = relations.rel(cue) is Rel.RELATIVE_CLAUSE and self.heads[cue.i] != cue.i
            subject = subject if is_relative else None
        if subject is None or not (self.context.is_nominal(subject) or subject.pos_ == "DET"):
            return None
        if subject.lower_ in self.profile.expletives or self.context.is_temporal(subject):
            return None
        return subject

    def clause_subject(self, tokens: Sequence[int]) -> Mention | None:
        """The subject of the clause a participle closes, when the parse lost the link.

        "Lopez emailed members, telling them, "…"": the first word the parse calls a
        subject, else the noun phrase that opens the clause before its verb.
        """
        for i in tokens:
            token = self.token_at(i)
            is_subject = self.relations.rel(token) is Rel.SUBJECT and self.context.is_nominal(token)
            if (
                is_subject
                and token.lower_ not in self.profile.relative_pronouns
                and token.lower_ not in self.profile.expletives
                and not self.context.is_temporal(token)
            ):
                return self.mention(token, tokens)
        run: list[int] = []
        for i in tokens:
            token = self.token_at(i)
            if self.context.is_verb(token):
                return self.phrases.noun_phrase(run)
            if token.pos_ not in NOUN_PHRASE and token.text != "," and token.pos_ != "ADP":
                return None
            run.append(i)
        return None

    def _clause_subject_above(self, cue: Token) -> Token | None:
        """The subject of the clause a subjectless cue hangs from ("…, saying").

        Climbs over nouns too: small parsers often attach a participle to the nearest noun
        ("noted her years as senator, saying" → senator), where the clause's subject spoke.
        "X was quoted as saying" resolves to X.
        """
        relations = self.relations
        node = cue
        for _ in range(MAX_SUBJECT_CLIMB):
            governor = relations.governor(node)
            if governor is None:
                return None
            if self.layout.lemma(governor) in self.profile.quoted_lemmas:
                return relations.passive_subject(governor) or relations.subject(governor)
            if self.context.is_verb(governor):
                found = relations.subject(governor) or relations.passive_subject(governor)
                reporter = self.context.reporting_verb_above(governor)
                if reporter is not None:
                    # "Putin acknowledged that soldiers had fought, saying …": the clause
                    # the participle hangs from is itself reported; its reporter speaks.
                    found = relations.subject(reporter) or found
                if found is not None:
                    return found
            node = governor
        return None

    def mention(self, head: Token, allowed: Sequence[int]) -> Mention | None:
        """The noun phrase headed by *head*, clipped to the *allowed* tokens.

        It keeps appositions and relative clauses ("Biden, who served 36 years in the
        Senate"), as readers and annotators do, but not a relative clause that reports
        speech of its own ("Smith, who also said that …"), and it always keeps the whole
        proper name around the head, whatever the parser attached to it.
        """
        permitted = set(allowed)
        if head.i not in permitted or not self.layout.is_outside(head.i):
            return None
        first = head.i
        while first - 1 in permitted and (
            first - 1 >= head.left_edge.i or self._continues_name(first - 1, head)
        ):
            first -= 1
        stop = head.i + 1
        right_edge = head.right_edge.i
        while stop in permitted and (stop <= right_edge or self._continues_name(stop, head)):
            if self._opens_reporting_clause(stop, right_edge):
                break
            stop += 1
        return self.phrases.trimmed(head.i, first, stop)

    def _continues_name(self, i: int, head: Token) -> bool:
        """Whether token *i* carries on the name around *head* ("councillor Ruth Elland")."""
        token = self.token_at(i)
        return (
            head.pos_ in {"PROPN", "NOUN"}
            and token.pos_ == "PROPN"
            and token.lower_ not in self.profile.calendar_words
            and token.ent_type_ not in {"DATE", "TIME"}
        )

    def _opens_reporting_clause(self, i: int, right_edge: int) -> bool:
        """Whether a comma at *i* opens a clause that reports speech of its own.

        "Smith, who also said …" and "Smith, a spokesman, adding that …": the speaker's
        noun phrase ends at the comma, wherever the parser hung the clause.
        """
        token_at = self.token_at
        if self.tokens.orth[i] != "," or i + 1 >= len(self.doc):
            return False
        following = token_at(i + 1)
        if following.tag_ == "VBG" and self.context.is_cue(following):
            return True
        if self.tokens.lower_[i + 1] not in self.profile.relative_pronouns:
            return False
        return any(self.context.is_cue(token_at(j)) for j in range(i + 2, right_edge + 1))

    def _extend_to_cue(self, mention: Mention, cue: Token, allowed: Sequence[int]) -> Mention:
        """Widen a speaker before its cue over the appositions around it.

        "Smith, the mayor, said": the insertion up to the last comma before the cue joins
        the mention (what follows that comma is the verb group: "was quoted as"). "Smith, a
        former engineer, said", where the parser made "engineer" the subject, takes the
        name before the comma in too.
        """
        permitted = set(allowed)
        first, stop = mention.first, mention.stop
        between = [i for i in allowed if stop <= i < cue.i]
        if between and all(self.tokens.pos[i] in NOUN_PHRASE for i in between):
            # A noun the parser split off the phrase: "a factory [executive] tells".
            stop = between[-1] + 1
        commas = [i for i in between if self.tokens.orth[i] == ","]
        if between and self.tokens.orth[between[0]] == "," and len(commas) >= 2:
            verb_group = [i for i in between if i > commas[-1]]
            if not any(self.tokens.pos[i] in NOMINAL for i in verb_group):
                stop = commas[-1]
        if (
            self.tokens.pos[mention.head] == "NOUN"
            and first - 1 in permitted
            and self.tokens.orth[first - 1] == ","
        ):
            start = first - 1
            while start - 1 in permitted and self.tokens.pos[start - 1] in NOUN_PHRASE:
                start -= 1
            # Only a name opening the clause: "In April, Trump" is no apposition.
            opens_clause = start == allowed[0] or self.tokens.is_punct[start - 1]
            if opens_clause and any(self.tokens.pos[i] == "PROPN" for i in range(start, first - 1)):
                first = start
        return self.phrases.trimmed(mention.head, first, stop) or mention
