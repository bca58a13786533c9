"""The quotation marks of a paragraph, each with what stands on either side of it.

Whether a mark *can open* or *can close* a quote is read here from its neighbours
(CommonMark's flanking rule); which it does is the pairer's decision
(:mod:`quoteattr._marks._pairer`).
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, Final, NamedTuple

# The regex package ships no type information, and the lint extra installs no stubs for it.
import regex

from quoteattr._marks._pairings import KNOWN_MARKS

if TYPE_CHECKING:
    from collections.abc import Iterator

__all__ = ["PUNCTUATION", "SPACE", "WORD", "MarkToken", "make_token", "mark_tokens"]

#: A paragraph with more marks than this, making up over a third of its characters, is not
#: prose (news text peaks near an eighth): it is skipped rather than paired mark by mark.
_MAX_MARKS_IN_PROSE: Final = 16

_FLAGS: Final = regex.VERSION1 | regex.VERBOSE

_MARK_PATTERN: Final = regex.compile(
    r"""
    # Every match starts with one of these: saying so first lets the search skip ahead.
    (?= [\p{Quotation_Mark}`] )
    (?:
      # eight or more marks with only spaces between: decoration, skipped whole
      (?P<decoration>
          [\p{Quotation_Mark}`] (?: \s*+ [\p{Quotation_Mark}`] ){7} [\p{Quotation_Mark}`\s]*+
      )
    | '++            # a run of apostrophes: split into doubled ones and a single one later
    | ``
    | \p{Quotation_Mark}
    )
    """,
    _FLAGS,
)
#: What ends a phrase: a comma, a colon, a closing bracket, a full stop that starts no "...".
_PHRASE_END: Final = regex.compile(r"[,;:!?)\]}]|\.(?!\.)", _FLAGS)
_OPENING_PUNCTUATION: Final = regex.compile(r"[\p{Ps}\p{Pi}\p{Pd}\p{Quotation_Mark}/`]", _FLAGS)

# What stands on either side of a mark. A paragraph's edge counts as a space.
SPACE: Final = 0
PUNCTUATION: Final = 1  # also symbols and other quotation marks
WORD: Final = 2  # letters and digits


class MarkToken(NamedTuple):
    """One quotation mark (or an apostrophe, until the pairing decides) in a paragraph."""

    glyph: str
    start: int
    end: int
    before: int
    after: int
    can_open: bool
    can_close: bool
    #: Whether a space (or a paragraph's start), an opening bracket, a dash or another quotation
    #: mark comes before the mark: where a quote opens.
    after_space_or_opener: bool

    @property
    def opens_clearly(self) -> bool:
        """Whether only an opening mark makes sense here (``, "word``)."""
        return self.can_open and not self.can_close

    @property
    def closes_clearly(self) -> bool:
        """Whether only a closing mark makes sense here (``word", ``)."""
        return self.can_close and not self.can_open


def _classify(char: str) -> int:
    if char.isspace():
        return SPACE
    return WORD if char.isalnum() else PUNCTUATION


#: The class of each ASCII character, looked up rather than computed: this runs for every mark.
_ASCII_CLASSES: Final = tuple(_classify(chr(code)) for code in range(128))


def _char_class(char: str) -> int:
    code = ord(char)
    return _ASCII_CLASSES[code] if code < 128 else _classify(char)


def make_token(text: str, start: int, end: int, paragraph: tuple[int, int]) -> MarkToken:
    before = _char_class(text[start - 1]) if start > paragraph[0] else SPACE
    after = _char_class(text[end]) if end < paragraph[1] else SPACE
    # CommonMark's flanking rule: a mark between a word and punctuation leans to the word.
    # Punctuation that ends a phrase never follows an opening mark, so a mark before it
    # closes, even after a space: French « Oui », German „ Ja “, and "'we'", all close.
    ends_phrase = after == PUNCTUATION and _PHRASE_END.match(text, end) is not None
    can_open = after != SPACE and (after != PUNCTUATION or before != WORD) and not ends_phrase
    can_close = ends_phrase or (before != SPACE and (before != PUNCTUATION or after != WORD))
    after_space_or_opener = before == SPACE or (
        before == PUNCTUATION and _OPENING_PUNCTUATION.match(text[start - 1]) is not None
    )
    return MarkToken(
        text[start:end], start, end, before, after, can_open, can_close, after_space_or_opener
    )


def mark_tokens(text: str, paragraph: tuple[int, int]) -> list[MarkToken]:
    matches = list(_MARK_PATTERN.finditer(text, *paragraph))
    if len(matches) > _MAX_MARKS_IN_PROSE and _is_mark_soup(matches, paragraph):
        return []
    tokens: list[MarkToken] = []
    for match in matches:
        start, end = match.span()
        if end - start <= 2:
            if text[start:end] in KNOWN_MARKS:
                tokens.append(make_token(text, start, end, paragraph))
        elif match.lastgroup != "decoration":
            tokens.extend(_split_apostrophes(text, start, end, paragraph))
    return tokens


def _is_mark_soup(matches: list[Any], paragraph: tuple[int, int]) -> bool:
    """Whether quotation marks make up more than a third of the paragraph: not prose."""
    mark_characters: int = sum(match.end() - match.start() for match in matches)
    return 3 * mark_characters > paragraph[1] - paragraph[0]


def _split_apostrophes(
    text: str, start: int, end: int, paragraph: tuple[int, int]
) -> Iterator[MarkToken]:
    """Split a run of three or more apostrophes into doubled ones and a single one.

    ``''He said, 'No.'''`` closes the single quote, then the double one; ``'''Sir`` opens the
    double quote, then the single one.
    """
    position = start
    if (end - start) % 2 and make_token(text, start, end, paragraph).can_close:
        yield make_token(text, position, position + 1, paragraph)
        position += 1
    while end - position >= 2:
        yield make_token(text, position, position + 2, paragraph)
        position += 2
    if position < end:
        yield make_token(text, position, end, paragraph)
