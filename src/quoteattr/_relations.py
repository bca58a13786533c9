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
    from collections.abc import Iterable, Iterator

    from spacy.tokens import Doc, Token

__all__ = ["CLEAR", "UD", "LabelScheme", "Rel", "Relations", "detect_scheme"]


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
    """Relation queries over parsed tokens, for one label scheme."""

    scheme: LabelScheme
    _labels: dict[str, Rel] = attrs.field(repr=False)

    def rel(self, token: Token) -> Rel:
        """Return the relation of *token* to its head."""
        label = token.dep_
        found = self._labels.get(label)
        if found is None:
            # Unknown subtypes ("obl:arg", "nmod:npmod") behave like their base label.
            found = self._labels.get(label.split(":", 1)[0], Rel.OTHER)
        return found

    def children(self, token: Token, *rels: Rel) -> Iterator[Token]:
        """Yield the children of *token* whose relation is one of *rels*."""
        for child in token.children:
            if self.rel(child) in rels:
                yield child

    def first_child(self, token: Token, *rels: Rel) -> Token | None:
        """Return the first child of *token* with one of *rels*, or ``None``."""
        return next(self.children(token, *rels), None)

    def subject(self, verb: Token) -> Token | None:
        """Return the active subject of *verb* (its nominal or clausal subject)."""
        return self.first_child(verb, Rel.SUBJECT)

    def passive_subject(self, verb: Token) -> Token | None:
        """Return the subject of *verb* in the passive voice."""
        return self.first_child(verb, Rel.PASSIVE_SUBJECT)

    def agent(self, verb: Token) -> Token | None:
        """Return the noun of the passive by-phrase of *verb* ("told by the mayor")."""
        for child in self.children(verb, Rel.AGENT, Rel.OBLIQUE):
            noun, preposition = self._preposition_and_noun(child)
            if noun is not None and preposition is not None and preposition.lower_ == "by":
                return noun
        return None

    def prepositional_phrases(self, token: Token) -> Iterator[tuple[Token, Token]]:
        """Yield ``(preposition, noun)`` for each prepositional phrase attached to *token*."""
        for child in self.children(token, Rel.AGENT, Rel.OBLIQUE):
            noun, preposition = self._preposition_and_noun(child)
            if noun is not None and preposition is not None:
                yield preposition, noun

    def according_to_object(self, according: Token) -> Token | None:
        """Return the noun of "according to X", given the token "according"."""
        if self.scheme is LabelScheme.CLEAR:
            to = next((c for c in according.children if c.lower_ == "to"), None)
            if to is not None:
                return self.first_child(to, Rel.PREPOSITIONAL_OBJECT)
            return self.first_child(according, Rel.PREPOSITIONAL_OBJECT)
        # UD: "according" is a case marker (with "to" fixed) under the noun.
        if self.rel(according) is Rel.CASE and according.head.i != according.i:
            return according.head
        return None

    def conjuncts(self, token: Token) -> tuple[Token, ...]:
        """Return the tokens coordinated with *token* (excluding itself)."""
        return tuple(t for t in token.conjuncts if t.i != token.i)

    def governor(self, token: Token) -> Token | None:
        """Return the head of *token*, or ``None`` at the root."""
        return None if token.head.i == token.i else token.head

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
