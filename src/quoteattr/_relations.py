"""One small layer that names the dependency relations the attribution rules need.

spaCy pipelines come with one of two label schemes: Universal Dependencies (UD pipelines such
as ``en_ud_sm``) or ClearNLP (``en_core_web_*``). The rules never look at a label string;
they ask this module for a :class:`Rel`, and for the few structures that differ in shape
between the schemes (prepositional phrases, passive agents, "according to") this module
answers with the same tokens either way.

Two shapes differ most:

* prepositional phrases: UD makes the preposition a ``case`` child of its noun
  (``obl``/``nmod``); ClearNLP makes the noun a ``pobj`` child of the preposition (``prep``);
* multiword names: UD heads them on the first word (``flat``), ClearNLP on the last
  (``compound``). Rules that need a name take the whole subtree or the proper-noun run, so
  the head's position never matters.
"""

from __future__ import annotations

import enum
from typing import TYPE_CHECKING

import attrs

if TYPE_CHECKING:
    from collections.abc import Collection, Iterable, Iterator, Sequence

    from spacy.tokens import Doc, Token

    from quoteattr._layout import DocLayout

__all__ = ["CLEAR", "UD", "DocRelations", "LabelScheme", "Rel", "Relations", "detect_scheme"]


class Rel(enum.Enum):
    """A relation between a token and its head, named for what the rules need."""

    ROOT = enum.auto()
    SUBJECT = enum.auto()
    PASSIVE_SUBJECT = enum.auto()
    OBJECT = enum.auto()
    INDIRECT_OBJECT = enum.auto()
    CLAUSAL_COMPLEMENT = enum.auto()  # ccomp: said that …
    OPEN_COMPLEMENT = enum.auto()  # xcomp: quoted as saying …
    PARATAXIS = enum.auto()
    ADVERBIAL_CLAUSE = enum.auto()
    RELATIVE_CLAUSE = enum.auto()
    CLAUSAL_MODIFIER = enum.auto()  # acl
    AGENT = enum.auto()  # passive by-phrase (UD: the noun; ClearNLP: the "by")
    OBLIQUE = enum.auto()  # UD obl/nmod noun; ClearNLP prep (the preposition)
    PREPOSITIONAL_OBJECT = enum.auto()  # ClearNLP pobj
    CASE = enum.auto()  # UD case (the preposition under its noun); possessive 's
    APPOSITION = enum.auto()
    CONJUNCT = enum.auto()
    COORDINATOR = enum.auto()
    NAME_PART = enum.auto()  # UD flat, both schemes' compound
    MODIFIER = enum.auto()  # amod, nummod, det, poss … : inside a noun phrase
    FIXED = enum.auto()
    MARKER = enum.auto()
    AUXILIARY = enum.auto()
    PUNCT = enum.auto()
    OTHER = enum.auto()

    # A member equals only itself, so hash it by identity, in C: Enum.__hash__ hashes the
    # name in Python, and the rules look relations up in sets all the time.
    __hash__ = object.__hash__


class LabelScheme(enum.Enum):
    """The dependency label scheme of a pipeline."""

    UD = "ud"
    CLEAR = "clear"


_UD_LABELS: dict[str, Rel] = {
    "ROOT": Rel.ROOT,
    "root": Rel.ROOT,
    "nsubj": Rel.SUBJECT,
    "nsubj:outer": Rel.SUBJECT,
    "csubj": Rel.SUBJECT,
    "nsubj:pass": Rel.PASSIVE_SUBJECT,
    "csubj:pass": Rel.PASSIVE_SUBJECT,
    "obj": Rel.OBJECT,
    "iobj": Rel.INDIRECT_OBJECT,
    "ccomp": Rel.CLAUSAL_COMPLEMENT,
    "xcomp": Rel.OPEN_COMPLEMENT,
    "parataxis": Rel.PARATAXIS,
    "advcl": Rel.ADVERBIAL_CLAUSE,
    "acl:relcl": Rel.RELATIVE_CLAUSE,
    "advcl:relcl": Rel.RELATIVE_CLAUSE,
    "acl": Rel.CLAUSAL_MODIFIER,
    "obl:agent": Rel.AGENT,
    "obl": Rel.OBLIQUE,
    "obl:tmod": Rel.OBLIQUE,
    "obl:npmod": Rel.OBLIQUE,
    "obl:unmarked": Rel.OBLIQUE,
    "nmod": Rel.OBLIQUE,
    "nmod:unmarked": Rel.OBLIQUE,
    "case": Rel.CASE,
    "appos": Rel.APPOSITION,
    "conj": Rel.CONJUNCT,
    "cc": Rel.COORDINATOR,
    "flat": Rel.NAME_PART,
    "flat:name": Rel.NAME_PART,
    "compound": Rel.NAME_PART,
    "amod": Rel.MODIFIER,
    "nummod": Rel.MODIFIER,
    "det": Rel.MODIFIER,
    "det:predet": Rel.MODIFIER,
    "det:poss": Rel.MODIFIER,
    "nmod:poss": Rel.MODIFIER,
    "nmod:desc": Rel.MODIFIER,
    "fixed": Rel.FIXED,
    "mark": Rel.MARKER,
    "aux": Rel.AUXILIARY,
    "aux:pass": Rel.AUXILIARY,
    "cop": Rel.AUXILIARY,
    "punct": Rel.PUNCT,
}

_CLEAR_LABELS: dict[str, Rel] = {
    "ROOT": Rel.ROOT,
    "nsubj": Rel.SUBJECT,
    "csubj": Rel.SUBJECT,
    "expl": Rel.OTHER,
    "nsubjpass": Rel.PASSIVE_SUBJECT,
    "csubjpass": Rel.PASSIVE_SUBJECT,
    "dobj": Rel.OBJECT,
    "dative": Rel.INDIRECT_OBJECT,
    "ccomp": Rel.CLAUSAL_COMPLEMENT,
    "xcomp": Rel.OPEN_COMPLEMENT,
    "parataxis": Rel.PARATAXIS,
    "advcl": Rel.ADVERBIAL_CLAUSE,
    "relcl": Rel.RELATIVE_CLAUSE,
    "acl": Rel.CLAUSAL_MODIFIER,
    "agent": Rel.AGENT,
    "prep": Rel.OBLIQUE,
    "pobj": Rel.PREPOSITIONAL_OBJECT,
    "case": Rel.CASE,
    "appos": Rel.APPOSITION,
    "conj": Rel.CONJUNCT,
    "cc": Rel.COORDINATOR,
    "compound": Rel.NAME_PART,
    "amod": Rel.MODIFIER,
    "nummod": Rel.MODIFIER,
    "det": Rel.MODIFIER,
    "predet": Rel.MODIFIER,
    "poss": Rel.MODIFIER,
    "nmod": Rel.MODIFIER,
    "quantmod": Rel.MODIFIER,
    "mark": Rel.MARKER,
    "aux": Rel.AUXILIARY,
    "auxpass": Rel.AUXILIARY,
    "neg": Rel.MODIFIER,
    "punct": Rel.PUNCT,
}

# Labels that occur in one scheme only; a handful in a parsed text decide its scheme.
_UD_ONLY = frozenset(
    {"obj", "obl", "nsubj:pass", "flat", "aux:pass", "nmod:poss", "acl:relcl", "iobj", "fixed"}
    | {"cop", "compound:prt", "obl:agent", "csubj:pass", "det:poss", "obl:tmod", "obl:npmod"}
)
_CLEAR_ONLY = frozenset(
    {"dobj", "pobj", "nsubjpass", "prep", "auxpass", "dative", "attr", "acomp", "poss", "neg"}
    | {"npadvmod", "relcl", "agent", "pcomp", "oprd", "prt", "quantmod", "csubjpass"}
)


def detect_scheme(labels: Iterable[str]) -> LabelScheme:
    """Return the scheme whose distinctive labels occur more often in *labels*.

    Ties (a text too short to tell, or an unknown scheme) default to UD, whose core labels
    (nsubj, ccomp, conj, appos) ClearNLP shares anyway.
    """
    ud = clear = 0
    for label in labels:
        if label in _UD_ONLY:
            ud += 1
        elif label in _CLEAR_ONLY:
            clear += 1
    return LabelScheme.CLEAR if clear > ud else LabelScheme.UD


@attrs.frozen
class Relations:
    """The relations of one label scheme; :meth:`over` binds them to a parsed document."""

    scheme: LabelScheme
    _labels: dict[str, Rel] = attrs.field(repr=False)

    def rel_of_label(self, label: str) -> Rel:
        """Return the relation a dependency label names."""
        found = self._labels.get(label)
        if found is None:
            # Unknown subtypes ("obl:arg", "nmod:npmod") behave like their base label.
            found = self._labels.get(label.split(":", 1)[0], Rel.OTHER)
        return found

    def rel(self, token: Token) -> Rel:
        """Return the relation of *token* to its head."""
        return self.rel_of_label(token.dep_)

    def over(self, layout: DocLayout) -> DocRelations:
        """The relation queries over *layout*'s document (made once per document)."""
        bound = layout.relations.get(self.scheme)
        if bound is None:
            bound = layout.relations[self.scheme] = DocRelations(self, layout)
        return bound


class DocRelations:
    """Relation queries over the tokens of one parsed document.

    They read the document's tables (:class:`~quoteattr._layout.DocLayout`): token
    indices, heads and labels in plain lists, and the Token objects made once, since spaCy
    makes new Token objects for every ``token.head`` and ``token.children``.
    """

    def __init__(self, relations: Relations, layout: DocLayout) -> None:
        """Bind *relations* to *layout*'s document."""
        self.scheme = relations.scheme
        self._token_at = layout.token_at
        self._heads = layout.tokens.head
        self._children_of = layout.tokens.children
        #: The relation of every token to its head, looked up by index in the hot loops.
        self.rels: list[Rel] = layout.tokens.per_label(relations.rel_of_label)

    def rel(self, token: Token) -> Rel:
        """Return the relation of *token* to its head."""
        return self.rels[token.i]

    def rel_at(self, i: int) -> Rel:
        """Return the relation of token *i* to its head."""
        return self.rels[i]

    def children(self, token: Token, *rels: Rel) -> list[Token]:
        """Return the children of *token* whose relation is one of *rels*, in order."""
        token_at, rel_of = self._token_at, self.rels
        return [token_at(i) for i in self._children_of(token.i) if rel_of[i] in rels]

    def first_child(self, token: Token, *rels: Rel) -> Token | None:
        """Return the first child of *token* with one of *rels*, or ``None``."""
        rel_of = self.rels
        for i in self._children_of(token.i):
            if rel_of[i] in rels:
                return self._token_at(i)
        return None

    def subject(self, verb: Token) -> Token | None:
        """Return the active subject of *verb* (its nominal or clausal subject)."""
        return self.first_child(verb, Rel.SUBJECT)

    def passive_subject(self, verb: Token) -> Token | None:
        """Return the subject of *verb* in the passive voice."""
        return self.first_child(verb, Rel.PASSIVE_SUBJECT)

    def agent(self, verb: Token, prepositions: Collection[str]) -> Token | None:
        """Return the noun of the passive by-phrase of *verb* ("told by the mayor").

        *prepositions* are the language's agent prepositions ("by"), in lowercase.
        """
        for child in self.children(verb, Rel.AGENT, Rel.OBLIQUE):
            noun, preposition = self._preposition_and_noun(child)
            if noun is not None and preposition is not None and preposition.lower_ in prepositions:
                return noun
        return None

    def prepositional_phrases(self, token: Token) -> Iterator[tuple[Token, Token]]:
        """Yield ``(preposition, noun)`` for each prepositional phrase attached to *token*."""
        for child in self.children(token, Rel.AGENT, Rel.OBLIQUE):
            noun, preposition = self._preposition_and_noun(child)
            if noun is not None and preposition is not None:
                yield preposition, noun

    def according_to_object(self, according: Token, phrase: Sequence[str]) -> Token | None:
        """Return the noun of "according to X", given the phrase's first token.

        *phrase* is the phrase's words in lowercase (``("according", "to")``).
        """
        if self.scheme is LabelScheme.CLEAR:
            # ClearNLP hangs the noun from the phrase's last preposition ("to").
            rest = set(phrase[1:])
            to = next(
                (
                    self._token_at(i)
                    for i in self._children_of(according.i)
                    if self._token_at(i).lower_ in rest
                ),
                None,
            )
            if to is not None:
                return self.first_child(to, Rel.PREPOSITIONAL_OBJECT)
            return self.first_child(according, Rel.PREPOSITIONAL_OBJECT)
        # UD: the phrase is a case marker (its other words fixed to it) under the noun.
        head = self._heads[according.i]
        if self.rel(according) is Rel.CASE and head != according.i:
            return self._token_at(head)
        return self._noun_under_phrase(according.i, len(phrase))

    def _noun_under_phrase(self, first: int, length: int) -> Token | None:
        """The noun a phrase's later word marks as its case, the first word hanging from it.

        UD may split a phrase between the noun's case and another relation ("D’après le
        ministère": "après" case, "D’" advmod, both under "ministère").
        """
        stop = min(first + length, len(self._heads))
        head = self._heads[first]
        if head in range(first, stop):
            return None
        for i in range(first + 1, stop):
            if self._heads[i] == head and self.rel(self._token_at(i)) is Rel.CASE:
                return self._token_at(head)
        return None

    def conjuncts(self, token: Token) -> tuple[Token, ...]:
        """Return the tokens coordinated with *token* (excluding itself).

        As spaCy's ``token.conjuncts``: up the ``conj`` chain to its first member, then
        down every ``conj`` dependent to its right.
        """
        if "conjuncts" in token.doc.user_token_hooks:
            return tuple(t for t in token.conjuncts if t.i != token.i)
        heads = self._heads
        start = token.i
        while start != heads[start] and self._is_conj(start):
            start = heads[start]
        members = [start]
        for word in members:  # grows as it goes
            members += [
                child for child in self._children_of(word) if child > word and self._is_conj(child)
            ]
        return tuple(self._token_at(i) for i in members if i != token.i)

    def _is_conj(self, i: int) -> bool:
        """Whether token *i* has the label ``conj`` itself (not a subtype)."""
        return self.rels[i] is Rel.CONJUNCT and self._token_at(i).dep_ == "conj"

    def governor(self, token: Token) -> Token | None:
        """Return the head of *token*, or ``None`` at the root."""
        head = self._heads[token.i]
        return None if head == token.i else self._token_at(head)

    def _preposition_and_noun(self, child: Token) -> tuple[Token | None, Token | None]:
        if self.scheme is LabelScheme.CLEAR:
            # prep/agent → pobj: the child is the preposition.
            return self.first_child(child, Rel.PREPOSITIONAL_OBJECT), child
        # obl/nmod → case: the child is the noun.
        return child, self.first_child(child, Rel.CASE)


UD = Relations(LabelScheme.UD, _UD_LABELS)
CLEAR = Relations(LabelScheme.CLEAR, _CLEAR_LABELS)
_BY_SCHEME = {LabelScheme.UD: UD, LabelScheme.CLEAR: CLEAR}


def relations_for(scheme: LabelScheme) -> Relations:
    """Return the relation layer of *scheme*."""
    return _BY_SCHEME[scheme]


def relations_for_doc(doc: Doc) -> Relations:
    """Return the relation layer matching the labels used in *doc*."""
    return relations_for(detect_scheme(token.dep_ for token in doc))
