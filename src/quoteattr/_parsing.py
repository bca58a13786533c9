"""Handing text to the parser: stand-ins for what it misreads, and batches of bounded size."""

from __future__ import annotations

import functools
import math
import unicodedata
from typing import TYPE_CHECKING, Any

import regex

if TYPE_CHECKING:
    from collections.abc import Iterator, Sequence

    from spacy.language import Language


__all__ = [
    "DEFAULT_BATCH_SIZE",
    "EMBEDDING_CHARACTERS",
    "LONGEST_WORD",
    "PARSE_GROUP_CHARACTERS",
    "embedding_batches",
    "groups_by_length",
    "parseable",
]

# Texts parsed together. spaCy's peak memory grows with the batch (about 250 MB over the
# loaded pipeline at 8 news articles, 600 MB at 32) while its speed barely changes.
DEFAULT_BATCH_SIZE = 8
# What drives that memory is the text handed to spaCy at once, so a batch is parsed in groups
# of at most this many characters (a longer text goes alone), and the embedding layer
# (tok2vec), which needs the most memory per character, takes a group's texts a few at a time
# (see embedding_batches). Measured on PolNeAR: spaCy's working memory is 61 MB for 40,000
# characters parsed so, 106 MB in one batch. The parser, the slowest part, runs faster on
# bigger groups: at 60,000 characters a batch of eight news articles is seldom split, and
# the parse keeps pace with nlp.pipe (at 40,000 it ran 3% slower) for the same peak memory.
PARSE_GROUP_CHARACTERS = 60_000
# The most characters tok2vec embeds at once, unless one text is longer. Short texts stay
# together: embedding eight one-sentence texts one by one took half as long again.
EMBEDDING_CHARACTERS = 20_000
# What the parser gets in place of characters it would misread (always one for one):
# a lone surrogate, which spaCy cannot store; a Unicode space other than U+0020, which spaCy
# makes a token of its own ("Teresa<NBSP>Okafor" would be two names); and an invisible format
# character (soft hyphen, zero-width space, byte order mark, bidi control) at a word's edge,
# which the tokenizer glues to the mark or verb beside it. Inside a word, a format character
# stays: the cue lexicon reads through it. One character class finds them all and
# _stand_in tells them apart: a pattern with look-arounds at every position took ten times
# as long over a typical article.
_STAND_IN_CANDIDATES = regex.compile(
    r"[\ud800-\udfff\u00a0\u1680\u2000-\u200a\u202f\u205f\u3000\p{Cf}]"
)


#: The longest run of characters without a space that the parser sees: see parseable.
LONGEST_WORD = 200
_LONG_RUN = regex.compile(rf"\S{{{LONGEST_WORD + 1},}}")


def embedding_batches(nlp: Language, texts: Sequence[str]) -> dict[str, dict[str, Any]]:
    """``component_cfg`` for ``nlp.pipe(texts)``: tok2vec in batches of few characters.

    As many texts at a time as that many of the longest would fit in
    ``EMBEDDING_CHARACTERS`` (at least one); nothing when that is all of *texts*. The
    components that listen to a tok2vec read its output from ``doc.tensor`` when they
    predict, whatever batches it ran in, so the parse is the same.
    """
    from spacy.pipeline import Tok2Vec  # noqa: PLC0415 - spaCy is loaded: here is a pipeline

    longest = max((len(text) for text in texts), default=0)
    size = max(1, EMBEDDING_CHARACTERS // max(1, longest))
    if size >= len(texts):
        return {}
    return {name: {"batch_size": size} for name, pipe in nlp.pipeline if isinstance(pipe, Tok2Vec)}


def groups_by_length(texts: Sequence[str], limit: int) -> Iterator[list[str]]:
    """*texts* in order, in groups of at most *limit* characters (a longer text alone).

    The groups are about even: as few as the limit allows, each closed once it holds its
    share of the characters, so no group is left with a text or two. spaCy parses a group
    as one batch, and a small batch costs more per text.
    """
    total = sum(len(text) for text in texts)
    share = total / max(1, math.ceil(total / limit))
    group: list[str] = []
    length = 0
    for text in texts:
        if group and (0 < share <= length or length + len(text) > limit):
            yield group
            group, length = [], 0
        group.append(text)
        length += len(text)
    if group:
        yield group


def parseable(text: str, straight: str = "") -> str:
    """*text* as the parser should see it: the same length, stand-ins where it would misread.

    See ``_STAND_IN_CANDIDATES``: a lone surrogate becomes U+FFFD, a Unicode space a plain
    space, an invisible character at a word's edge a space. Each is one character for one,
    so every offset still indexes the caller's string, from which all result texts are
    sliced. A run of more than ``LONGEST_WORD`` characters without a space gets a space
    in place of every ``LONGEST_WORD``-th character: spaCy's tokenizer takes time that grows
    with the square of such a run's length, and no word is that long. Each character of
    *straight* (quotation marks the language's pipelines misread, see
    ``QuoteConventions.straight_for_parser``) becomes a straight double quote.
    """
    if not text.isascii():
        text = _STAND_IN_CANDIDATES.sub(_stand_in, text)
        if straight:
            text = text.translate(_straightening(straight))
    return _LONG_RUN.sub(_spaced, text)


@functools.cache
def _straightening(marks: str) -> dict[int, str]:
    return dict.fromkeys(map(ord, marks), '"')


def _spaced(match: regex.Match[str]) -> str:
    run = match.group()
    return " ".join(
        run[start + 1 : start + LONGEST_WORD] if start else run[:LONGEST_WORD]
        for start in range(0, len(run), LONGEST_WORD)
    )


def _stand_in(match: regex.Match[str]) -> str:
    character = match.group()
    category = unicodedata.category(character)
    if category == "Cs":
        return "\N{REPLACEMENT CHARACTER}"  # a lone surrogate
    if category != "Cf":
        return " "  # a Unicode space
    # A format character inside a word, a letter on either side, stays.
    text, start = match.string, match.start()
    inside_word = (
        0 < start < len(text) - 1 and text[start - 1].isalpha() and text[start + 1].isalpha()
    )
    return character if inside_word else " "
