"""Rule 6 (``COMPLEMENT``, the cue's object): what was said, as a phrase the cue takes.

A naming cue and its object with what it is called (``called the plan a farce``,
``described his skills as a work in progress``); a cue and the phrase its preposition opens
(``called for a ban``, ``talked about the economy``); a cue whose direct object is what was
said (``announced his resignation``). Each lemma's shape is in the profile.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from quoteattr._attribution._context import RuleContext, RuleFamily
from quoteattr._cues import CueCategory
from quoteattr._relations import Rel
from quoteattr._types import AttributionMethod
from quoteattr.lang._profile import PronounKind

if TYPE_CHECKING:
    from spacy.tokens import Token

    from quoteattr._reported._candidates import Candidates
    from quoteattr._reported._extent import Extents
    from quoteattr._reported._guards import Guards
    from quoteattr._reported._records import Candidate
    from quoteattr._reported._words import ReportingWords

# What a naming cue calls its object: a second object, a predicate, or a clause the parse
# made of it ("called him a loser": ClearNLP ``oprd``, UD ``xcomp`` or ``iobj`` + ``obj``).
_PREDICATES = frozenset(
    {Rel.OBJECT, Rel.OPEN_COMPLEMENT, Rel.CLAUSAL_COMPLEMENT, Rel.OTHER, Rel.APPOSITION}
)
_OBJECTS = frozenset({Rel.OBJECT, Rel.INDIRECT_OBJECT})
_CLAUSES = frozenset({Rel.ADVERBIAL_CLAUSE, Rel.CLAUSAL_COMPLEMENT, Rel.OPEN_COMPLEMENT})
# The cue's dependents after its content that carry it on: "proposed a levy [on polluters]",
# "called for the state [to act]".
_CARRIED = frozenset({Rel.OBLIQUE, Rel.ADVERBIAL_CLAUSE, Rel.OPEN_COMPLEMENT})
# What a naming cue can call its object: a noun phrase or an adjective ("called it
# unfair"), not a particle ("called him out").
_NO_PREDICATE = frozenset({"ADP", "PART", "ADV"})
_CONTENT_NOUNS = frozenset({"NOUN", "PROPN", "NUM"})


class ObjectReports(RuleFamily):
    """Rule 6: what was said, as the cue's object, its naming or its preposition's phrase."""

    def __init__(
        self,
        context: RuleContext,
        words: ReportingWords,
        guards: Guards,
        extents: Extents,
        candidates: Candidates,
    ) -> None:
        """Read *context*'s document, with the rule families it asks."""
        super().__init__(context)
        self.words = words
        self.guards = guards
        self.extents = extents
        self.candidates = candidates
        profile = self.profile
        prepositions: dict[str, set[str]] = {}
        for phrase in profile.preposition_cues:
            if len(phrase) == 2:  # a lemma and its preposition
                prepositions.setdefault(phrase[0], set()).add(phrase[1])
        self._prepositions = {lemma: frozenset(words) for lemma, words in prepositions.items()}
        self._lemmas = profile.object_cues | profile.naming_cues | frozenset(prepositions)
        self._reflexives = frozenset(
            pronoun.form for pronoun in profile.pronouns if PronounKind.REFLEXIVE in pronoun.kinds
        )

    def takes_content(self, token: Token) -> bool:
        """A cue verb whose object, naming or preposition's phrase can be what was said.

        The profile vouches for verbs trusted as cues only next to a quote elsewhere:
        "talked about the economy" reports, where "talked" alone would not.
        """
        lemma = self.context.cue_lemma(token)
        return (
            lemma is not None
            and lemma in self._lemmas
            and self.lexicon.category(lemma) is not CueCategory.COGNITION
            and self.context.is_cue(token)
            and self.context.is_verb(token)
        )

    def report(self, cue: Token) -> Candidate | None:
        """The phrase *cue* takes as what was said, attributed to its speaker."""
        if not self.guards.asserted(cue) or self.relations.passive_subject(cue) is not None:
            return None
        if self._after_preposition(cue):
            return None
        lemma = self.context.cue_lemma(cue)
        if lemma is None:
            return None
        span = (
            (self._naming(cue) if lemma in self.profile.naming_cues else None)
            or self._preposition_phrase(cue, self._prepositions.get(lemma, frozenset()))
            or (self._object(cue) if lemma in self.profile.object_cues else None)
        )
        if span is None:
            return None
        first, stop = span
        stop = self.extents.until_next_report(first, self._carry_on(cue, stop), cue)
        # A headline the parse ran into the paragraph below it ends at its paragraph.
        paragraph_of = self.layout.paragraph_of
        stop = next((i for i in range(first, stop) if paragraph_of[i] != paragraph_of[cue.i]), stop)
        return self.candidates.attributed(cue, first, stop, AttributionMethod.COMPLEMENT)

    def _after_preposition(self, cue: Token) -> bool:
        """A gerund a preposition opens: "criticized for announcing the steps", "by calling for".

        The phrase is the reporter's account of an act, not what was said.
        """
        if cue.tag_ != "VBG":
            return False
        head = self.layout.head(cue)
        if head.i < cue.i and self.tokens.pos[head.i] == "ADP":
            return True  # ClearNLP: the gerund is the preposition's object
        marker = self.relations.first_child(cue, Rel.MARKER)
        return marker is not None and marker.i < cue.i  # UD: the preposition is its marker

    def _carry_on(self, cue: Token, stop: int) -> int:
        """Extend the content over the cue's phrases that go on from it.

        What was said runs on after the object, in the cue's prepositional phrases and
        clauses that start where it stops: "announced his engagement [to a former model]",
        "called for the state [to act]". A phrase of time ("on Tuesday") or an adverbial
        clause ("before leaving", "when …") is the reporter's, and punctuation ends the run.
        """
        for child in self.layout.children(cue):
            if child.i < stop:
                continue
            rel = self.relations.rel(child)
            if child.left_edge.i != stop or rel not in _CARRIED:
                break
            if rel is Rel.ADVERBIAL_CLAUSE and self._is_adverbial(child):
                break  # "… before explaining why": the reporter's account goes on
            if any(self.words.is_time(token) for token in self._phrase_tokens(child)):
                break  # "announced it on Tuesday": the reporter's time
            stop = child.right_edge.i + 1
        return stop

    def _is_adverbial(self, clause: Token) -> bool:
        """A clause a marker opens ("when …", "before …"), or a participle ("following …")."""
        marker = self.relations.first_child(clause, Rel.MARKER)
        if marker is not None:
            return marker.lower_ not in self.profile.infinitive_markers
        return clause.tag_ in {"VBG", "VBN"}

    def _phrase_tokens(self, phrase: Token) -> list[Token]:
        token_at = self.token_at
        return [token_at(i) for i in self.layout.subtree(phrase)]

    def _naming(self, cue: Token) -> tuple[int, int] | None:
        """The object and what the cue calls it: "called [him a loser]", "[it] as [a farce]".

        What it is called is a dependent after the object (a predicate, a second object), an
        apposition on it (``the plan "a farce"``), or the phrase a naming marker opens.
        """
        obj = self.relations.first_child(cue, *_OBJECTS)
        if obj is None or obj.i < cue.i or self.words.is_time(obj):
            return None
        if self.tokens.lower_[obj.i] in self._reflexives:
            return None  # "a group that calls itself …": a name, not a judgment
        relations, pos = self.relations, self.tokens.pos
        called = [
            (child.left_edge.i, child.right_edge.i + 1)
            for child in self.layout.children(cue)
            if child.i > obj.i
            and relations.rel(child) in _PREDICATES
            and (pos[child.i] not in _NO_PREDICATE or self._quoted(child))
        ]
        called += [
            (opener.i + 1, phrase.right_edge.i + 1)
            for phrase, opener in self._opened_phrases(cue)
            if opener.i > obj.right_edge.i and opener.lower_ in self.profile.naming_markers
        ]
        called += [
            (child.left_edge.i, child.right_edge.i + 1)
            for child in self.layout.children(obj)
            if child.i > obj.i and relations.rel(child) is Rel.APPOSITION
        ]
        if not called:
            return None
        first, stop = min(called)[0], max(end for _, end in called)
        if self._all_quoted(first, stop):
            return None  # ``called the plan "a farce"``: the quote says it all
        return obj.left_edge.i, stop

    def _all_quoted(self, first: int, stop: int) -> bool:
        """Whether every word from *first* up to *stop* lies in a quote."""
        region_of, is_punct = self.layout.region_of, self.tokens.is_punct
        words = [i for i in range(first, stop) if not is_punct[i] and not self.tokens.is_space[i]]
        return bool(words) and all(region_of[i] >= 0 for i in words)

    def _quoted(self, phrase: Token) -> bool:
        """Whether a quote's words lie in *phrase*: ``called it "a farce"``."""
        region_of = self.layout.region_of
        return any(region_of[i] >= 0 for i in self.layout.subtree(phrase))

    def _preposition_phrase(
        self, cue: Token, prepositions: frozenset[str]
    ) -> tuple[int, int] | None:
        """What follows the cue's preposition: "called for [a ban]", "for [the state to act]"."""
        if not prepositions:
            return None
        for phrase, opener in self._opened_phrases(cue):
            if opener.i > cue.i and opener.lower_ in prepositions:
                first, stop = opener.i + 1, phrase.right_edge.i + 1
                return None if self._all_quoted(first, stop) else (first, stop)
        return None

    def _opened_phrases(self, cue: Token) -> list[tuple[Token, Token]]:
        """The cue's phrases that a preposition or marker opens, with it.

        ClearNLP hangs the noun from the preposition, UD the preposition from the noun; a
        clause ("for the state to act") has the word as its marker.
        """
        found = []
        relations = self.relations
        for child in self.layout.children(cue):
            rel = relations.rel(child)
            if rel in {Rel.OBLIQUE, Rel.AGENT}:
                opener = (
                    child
                    if child.left_edge.i == child.i
                    else relations.first_child(child, Rel.CASE)
                )
            elif rel in _CLAUSES:
                opener = relations.first_child(child, Rel.MARKER)
            else:
                continue
            if opener is not None and opener.i == child.left_edge.i:
                found.append((child, opener))
        return found

    def _object(self, cue: Token) -> tuple[int, int] | None:
        """A direct object that can be what was said: not a pronoun, a person or a time.

        "denied it" says too little; "cited Smith" names a source, "announced Tuesday" a
        date. An object that a clause after it is about is the listener: "urged voters to
        stay home".
        """
        obj = self.relations.first_child(cue, Rel.OBJECT)
        if obj is None or obj.i < cue.i or self.tokens.pos[obj.i] not in _CONTENT_NOUNS:
            return None
        if obj.ent_type_ == "PERSON" or self.words.is_time(obj):
            return None
        if self.relations.first_child(cue, Rel.OPEN_COMPLEMENT) is not None:
            return None
        return obj.left_edge.i, obj.right_edge.i + 1
