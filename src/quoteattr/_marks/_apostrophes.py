"""Marks that are not quotation marks: apostrophes, and inch marks after feet and inches.

The apostrophe is the same character as the straight single quote and the right curly single
quote; the context tells which a mark is (see "Apostrophes" in :mod:`quoteattr._marks`).
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Final

import regex

from quoteattr._marks._pairings import APOSTROPHES, INCH_MARKS
from quoteattr._marks._tokens import PUNCTUATION, WORD

if TYPE_CHECKING:
    from quoteattr._marks._tokens import MarkToken

__all__ = ["is_inch_mark", "looks_like_apostrophe"]

_FLAGS: Final = regex.VERSION1 | regex.VERBOSE

#: Words that start with an elided letter or century: 'em, 'til, '90s, rock 'n' roll.
_ELISION: Final = regex.compile(
    r"(?: \d\d s?+ | em | til | tis | twas | cause | cos | cuz | bout | nuff | n ) (?!\w)",
    _FLAGS | regex.IGNORECASE,
)
_POSSESSIVE_S: Final = regex.compile(r"s (?!\w)", _FLAGS | regex.IGNORECASE)
#: Feet and inches ending where a double mark starts: 6'2" or 5’11”.
_FEET_AND_INCHES: Final = regex.compile(r"\d ['\N{RIGHT SINGLE QUOTATION MARK}] \d \d?+ \Z", _FLAGS)


def looks_like_apostrophe(text: str, token: MarkToken, paragraph: tuple[int, int]) -> bool:
    """Whether the context alone shows *token* to be an apostrophe, not a quotation mark."""
    if token.glyph not in APOSTROPHES:
        return False
    if token.before == WORD and token.after == WORD:
        return True  # don't, O'Brien, 6'2
    if token.before != WORD and _ELISION.match(text, token.end, paragraph[1]):
        return True  # '90s, 'em, the first mark of 'n'
    if token.before == PUNCTUATION and _POSSESSIVE_S.match(text, token.end, paragraph[1]):
        return True  # a possessive after a closing quote or a bracket
    return token.after != WORD and _closes_n_elision(text, token.start, paragraph[0])


def _closes_n_elision(text: str, start: int, paragraph_start: int) -> bool:
    """Whether the mark at *start* is the second mark of rock 'n' roll."""
    if start - 2 < paragraph_start or text[start - 1] not in "nN":
        return False
    if text[start - 2] not in APOSTROPHES:
        return False
    return start - 3 < paragraph_start or not text[start - 3].isalnum()


def is_inch_mark(text: str, token: MarkToken, paragraph_start: int) -> bool:
    if token.glyph not in INCH_MARKS or not text[token.start - 1 : token.start].isdigit():
        return False
    search_from = max(paragraph_start, token.start - 4)
    return _FEET_AND_INCHES.search(text, search_from, token.start) is not None
