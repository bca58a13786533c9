"""The token attributes the rules scan, read from a parsed Doc once as plain lists."""

from __future__ import annotations

import functools
import itertools
import re
from typing import TYPE_CHECKING, Any, TypeVar

if TYPE_CHECKING:
    from collections.abc import Callable, Collection, Sequence

    from spacy.tokens import Doc

__all__ = ["TokenTable"]

_LINE_BREAKS = ("\n", "\r", "\u2028", "\u2029")
# The token attributes TokenTable reads, in the order it unpacks them.
_ATTRIBUTES: list[int | str] = [
    *("IDX", "IS_SPACE", "IS_PUNCT", "IS_QUOTE", "ORTH", "POS", "ENT_TYPE", "ENT_IOB"),
    *("DEP", "HEAD"),
]
# ``token.ent_iob`` of a token inside an entity, after its first ("I").
_ENT_IOB_INSIDE = 1
_SURROGATE = re.compile("[\ud800-\udfff]")
T = TypeVar("T")


class TokenTable:
    """The token attributes the rules scan, read from the Doc once as plain lists.

    Scanning ``doc[i].text`` over a whole article creates a Python object per token and
    access; the rules touch every token a few times, so they read these lists instead.
    """

    def __init__(self, doc: Doc, text: str) -> None:
        """Read offsets, texts, whitespace, tags, labels and heads of every token.

        *text* is the caller's string (see :class:`DocLayout`), which spaCy would rebuild
        from the tokens on every access.
        """
        # Imported here, as spaCy itself is: a Doc means both are loaded already.
        import numpy as np  # noqa: PLC0415

        self._strings = strings = doc.vocab.strings
        if len(doc):
            table = doc.to_array(_ATTRIBUTES)
        else:
            table = np.zeros((0, len(_ATTRIBUTES)), dtype=np.uint64)
        # One numpy row per attribute, converted whole: far faster than per token.
        idx, is_space, is_punct, is_quote, orth, pos, ent_type, ent_iob, dep, head = table.T
        self._pos, self._dep = pos, dep
        self.idx: list[int] = idx.tolist()
        self.is_space: list[bool] = is_space.astype(bool).tolist()
        self.is_punct: list[bool] = is_punct.astype(bool).tolist()
        self.is_quote: list[bool] = is_quote.astype(bool).tolist()
        #: The whitespace tokens.
        self.space_positions: list[int] = np.flatnonzero(is_space).tolist()
        #: ``token.text``: the parsed text.
        self.orth: list[str] = [strings[word] for word in orth.tolist()]
        #: The caller's text of each token. The caller's string is the parsed text, or the
        #: text it was parsed from: the parse stands a replacement character in for each lone
        #: surrogate, and blanks the sentences it was not asked to parse (into whitespace
        #: tokens). So but for surrogates, only whitespace tokens differ, and are sliced.
        self._differs_in_spaces_only = text.isascii() or _SURROGATE.search(text) is None
        differing: Sequence[int] = (
            self.space_positions if self._differs_in_spaces_only else range(len(self.orth))
        )
        self.text: list[str] = list(self.orth)
        for i in differing:
            start = self.idx[i]
            self.text[i] = text[start : start + len(self.orth[i])]
        #: ``token.lower_``.
        self.lower_: list[str]
        self.lower_, self._lowercases_as_str = _lowercased(doc, self.orth)
        # Few distinct values each, looked up once; the empty string has hash 0, and a token
        # with no entity gets "".
        self.pos: list[str] = _per_value(pos, strings.__getitem__)
        self.ent_type: list[str] = _per_value(ent_type, strings.__getitem__)
        #: Whether each token continues an entity (``token.ent_iob_ == "I"``).
        self.inside_entity: list[bool] = (ent_iob == _ENT_IOB_INSIDE).tolist()
        #: The index of each token's head (its own index at a root). spaCy stores the offset
        #: to the head unsigned: as a signed number, a head to the left is a negative offset.
        positions = np.arange(len(head))
        heads = head.astype(np.int64) + positions
        self.head: list[int] = heads.tolist()
        # Every token's children, in document order: the dependents sorted (stably) by their
        # head, and where each token's run of them starts. Two lists, not one per token.
        dependents = np.flatnonzero(heads != positions)
        by_head = dependents[np.argsort(heads[dependents], kind="stable")]
        self._children: list[int] = by_head.tolist()
        self._children_start: list[int] = np.searchsorted(
            heads[by_head], np.arange(len(head) + 1)
        ).tolist()
        #: The whitespace tokens that contain a paragraph break, and a flag for every token.
        self.line_break_positions: list[int] = [
            i for i in self.space_positions if _has_line_break(self.text[i])
        ]
        self.line_break: list[bool] = [False] * len(self.orth)
        for i in self.line_break_positions:
            self.line_break[i] = True

    def lowercase_positions_of(self, words: Collection[str]) -> list[int]:
        """The tokens whose text (the caller's) in lowercase is one of *words*, in order."""
        if not (self._differs_in_spaces_only and self._lowercases_as_str):
            return [i for i, word in enumerate(self.lower) if word in words]
        # itertools and map walk the list in C: this runs over every token.
        found = itertools.compress(itertools.count(), map(words.__contains__, self.lower_))
        is_space = self.is_space
        found_outside_spaces = [i for i in found if not is_space[i]]
        found_outside_spaces += [i for i in self.space_positions if self.text[i].lower() in words]
        return sorted(found_outside_spaces)

    def positions_of(self, words: Collection[str]) -> list[int]:
        """The tokens whose text (the caller's) is one of *words*, in order."""
        # itertools and map walk the list in C: this runs over every token.
        return list(itertools.compress(itertools.count(), map(words.__contains__, self.text)))

    def tagged(self, tags: Collection[str]) -> list[int]:
        """The tokens whose part-of-speech tag is one of *tags*, in order."""
        import numpy as np  # noqa: PLC0415

        ids = [self._strings[tag] for tag in tags]
        return np.flatnonzero(_any_of(self._pos, ids)).tolist()

    def per_label(self, value_of: Callable[[str], T]) -> list[T]:
        """``value_of(token.dep_)`` for every token, worked out once per distinct label."""
        strings = self._strings
        return _per_value(self._dep, lambda label: value_of(strings[label]))

    @functools.cached_property
    def lower(self) -> list[str]:
        """The texts in lowercase."""
        return [text.lower() for text in self.text]

    def children(self, i: int) -> list[int]:
        """The children of token *i*, in document order."""
        return self._children[self._children_start[i] : self._children_start[i + 1]]

    def subtree(self, i: int) -> list[int]:
        """Token *i* and all its descendants, in document order."""
        children, start = self._children, self._children_start
        found = [i]
        for j in found:  # grows as it goes: a breadth-first walk
            found += children[start[j] : start[j + 1]]
        found.sort()
        return found

    def char_range(self, first: int, stop: int) -> tuple[int, int]:
        """The character offsets that tokens ``first`` up to ``stop`` cover."""
        return self.idx[first], self.idx[stop - 1] + len(self.text[stop - 1])

    def word_before(self, i: int) -> int:
        """The last token before *i* that is not whitespace (-1 if there is none)."""
        before = i - 1
        while before >= 0 and self.is_space[before]:
            before -= 1
        return before

    def word_after(self, i: int) -> int:
        """The first token after *i* that is not whitespace (the token count if none is)."""
        after = i + 1
        while after < len(self.is_space) and self.is_space[after]:
            after += 1
        return after

    def is_line_break(self, i: int) -> bool:
        """Whether token *i* is whitespace that contains a paragraph break."""
        return self.line_break[i]


def _has_line_break(text: str) -> bool:
    return any(mark in text for mark in _LINE_BREAKS)


def _lowercased(doc: Doc, words: list[str]) -> tuple[list[str], bool]:
    """``token.lower_`` of every token of *doc*, given their *words*.

    Also says whether that is ``str.lower`` of each word.
    """
    from spacy.attrs import LOWER  # type: ignore[import-not-found]  # noqa: PLC0415
    from spacy.lang.lex_attrs import lower  # noqa: PLC0415 - spaCy is loaded: here is a Doc

    getters = getattr(doc.vocab, "lex_attr_getters", None) or {}
    if getters.get(LOWER) is lower:
        # The vocabulary lowercases as str.lower does: no need to look every word up.
        return list(map(str.lower, words)), True
    return [token.lower_ for token in doc], False


def _per_value(row: Any, value_of: Callable[[int], T]) -> list[T]:  # noqa: ANN401 - numpy
    """``value_of(x)`` for each number *x* of a numpy *row*, worked out once per distinct x."""
    import numpy as np  # noqa: PLC0415

    distinct, position = np.unique(row, return_inverse=True)
    values = np.empty(len(distinct), dtype=object)
    values[:] = [value_of(x) for x in distinct.tolist()]
    return values[position].tolist()  # type: ignore[no-any-return]


def _any_of(row: Any, values: Sequence[int]) -> Any:  # noqa: ANN401 - numpy arrays
    """Where a numpy *row* holds one of a few *values* (quicker than np.isin for few)."""
    import numpy as np  # noqa: PLC0415

    found = np.zeros(len(row), dtype=bool)
    for value in values:
        found |= row == value
    return found
