"""Build parsed spaCy Docs by hand, so rules can be tested without a trained pipeline.

A parse is written as a table, one token per line::

    word  head  dep  pos  tag  [lemma]

``head`` is the absolute index of the head token (a ROOT points at itself). The spacing is
inferred the way news text is written: no space before closing punctuation or after an
opening quote (tag ``````) and none before a closing one (tag ``''``).
"""

from __future__ import annotations

import functools
from typing import TYPE_CHECKING

import spacy
from spacy.tokens import Doc

if TYPE_CHECKING:
    from spacy.vocab import Vocab

_NO_SPACE_BEFORE = frozenset({",", ".", ":", ";", "!", "?", "'s", "’s", "n't", "%", ")"})


@functools.cache
def shared_vocab() -> Vocab:
    # English's lexical attributes (lower_, is_punct …): a bare Vocab() has none.
    return spacy.blank("en").vocab


def parse(table: str, *, ents: list[str] | None = None) -> Doc:
    """Return a Doc with the words, heads, labels, tags and lemmas of *table*."""
    rows = [line.split() for line in table.strip().splitlines() if line.strip()]
    words = [row[0] for row in rows]
    tags = [row[4] for row in rows]
    spaces = []
    for i, (word, tag) in enumerate(zip(words, tags, strict=True)):
        last = i == len(words) - 1
        opening = tag == "``"
        next_closes = not last and (words[i + 1] in _NO_SPACE_BEFORE or tags[i + 1] == "''")
        spaces.append(not (last or opening or next_closes or word == "("))
    return Doc(
        shared_vocab(),
        words=words,
        spaces=spaces,
        heads=[int(row[1]) for row in rows],
        deps=[row[2] for row in rows],
        pos=[row[3] for row in rows],
        tags=tags,
        lemmas=[row[5] if len(row) > 5 else row[0].lower() for row in rows],
        ents=ents,
    )
