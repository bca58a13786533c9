r"""Quotation marks: find them in raw text and pair them, without parsing.

``find_quote_marks(text)`` returns the top-level quotations of *text* as
:class:`~quoteattr._types.QuoteMarkSpan` records, in document order and never overlapping. A
quote inside a quote belongs to the outer one: it sits in the outer span's ``inner`` tuple.
All offsets index the caller's own string; nothing is normalised.

How the marks are read (each decision is also pinned by a test in ``tests/test_marks.py``):

Paragraphs
    A paragraph is a line: text is split at ``\n``, ``\r\n``, ``\r``, LINE SEPARATOR and
    PARAGRAPH SEPARATOR, because news texts put one paragraph on each line. A quotation never
    spans a paragraph break, except by the news convention for long quotes: when a paragraph
    ends with a quote still open and the next non-blank paragraph begins (after optional
    spaces) with an opening mark of the same kind, the quote continues there, and only the
    last paragraph closes it. That is ONE span, with ``paragraphs`` set to the number of
    paragraphs; its content runs from the first opening mark to the final closing mark and
    includes the line breaks and the reopening marks.

Marks
    ``_PAIRINGS`` lists every opening mark and the marks that close it::

        "…"  “…”  '…'  ‘…’  ''…'' (New York Times)  ``…'' (TeX, Penn Treebank)
        «…»  »…«  ‹…›  ›…‹  (outwards, or inwards as in German and Danish)
        „…“  „…”  ‚…‘  ‚…’  (German, Polish)    「…」  『…』  (CJK corner brackets)

    Other characters with the Unicode Quotation_Mark property (the reversed-9 marks, the
    fullwidth quotes) are not paired. A run of three apostrophes is a double mark plus a
    nested single one: opening, the double comes first; closing, the single does, as in
    ``''He said, 'No.''' she recalled``.

Direction
    Direction comes from the table and from the characters on either side, never from the
    Unicode category. A mark *can open* when the next character is not a space and the mark
    does not sit between a letter and punctuation; it *can close* in the mirror case
    (CommonMark's "flanking" rule). A mark that can close a quote of its kind that is open (at
    any depth) closes it, and any quote opened inside it and still open ends there. A
    straight mark does so unless it stands where a quote opens (after a space, an opening
    bracket, a dash or another mark, and before a word), so ``said."Next`` and the spaced
    ``, ' "`` of nested quotes still close; otherwise it opens a quote if it can open. A
    mark that opens one kind and closes another (``“`` closes ``„``, guillemets point either
    way) follows its context. Where only a closing mark makes sense and nothing of its own
    kind is open, a curly mark typed the wrong way round, or a straight mark after a curly
    opener (and the reverse), closes the innermost such quote, as mixed-up sources need; a
    right curly mark where only an opening mark makes sense opens one. A closing mark with
    nothing to close is ignored.

Apostrophes
    The apostrophe is the same character as the straight single quote and the right curly
    single quote, so these are never quotation marks: a mark with a letter or digit on both
    sides (don't, O'Brien, 6'2); an elision at the start of a word ('90s, '16, 'em, 'til,
    'tis, 'twas, 'cause, 'cos, 'cuz, 'bout, 'nuff, and both marks of rock 'n' roll); a
    possessive 's after punctuation (after a closing quote or a bracket). After a plural
    (voters', the Joneses') a mark followed by a space closes a single quote only when one is
    open and no other mark that could close it follows before the next opening mark;
    otherwise it is an apostrophe. A double mark right after feet and inches written with an
    apostrophe (6'2") is an inch mark.

Unclosed quotes
    An opening mark that is never closed gives a span with ``closed=False``: its content runs
    to the end of its paragraph (or to where the quote around it closes), trailing spaces
    trimmed, and ``end == content_end``. If such an unclosed quote holds a complete double
    quote (of any style; single quotes nest in doubles, doubles do not), it is cut just before
    that quote, which then stands at top level: in ``He said "yes and she said "no" to it.``
    the ``"no"`` pair is found whole, at top level. The exception is an unclosed straight,
    curly or low single mark: it is taken to have been an apostrophe (or a comma), so it gives
    no span and any quote found inside it moves up a level.

Empty quotes
    ``""`` and quotes holding only spaces pair up (so they never steal a mark from their
    neighbours) but are not returned: there is no quotation in them, and a pair of marks with
    nothing between is usually a typo, a ditto mark or an empty string in code.

Language conventions
    ``find_quote_marks(text, conventions)`` reads what a language adds (see
    ``quoteattr._conventions`` and ``quoteattr._dialogue``): paragraphs opened by a dialogue
    dash are ``DIALOGUE_DASH`` spans that hold the quotes inside them; such a paragraph may
    carry on a quote left open before it; a continued quote may reopen with its closing mark
    (``»``); and the narrator's incises (``, dit-elle,``) are cut out of the speech, which
    leaves two spans. With ``conventions=None`` none of this happens.

Limits
    Quotes nest at most ``_MAX_DEPTH`` deep; an opening mark deeper than that is ignored
    (news text nests three deep at most). Eight or more marks in a row with only spaces
    between are decoration, not quotation, and are skipped; so is a whole paragraph with more
    than ``_MAX_MARKS_IN_PROSE`` marks that make up over a third of its characters (news
    paragraphs peak near an eighth). Every step is linear in the
    length of the text: the patterns are possessive and each mark is looked at a bounded
    number of times. No regex ``timeout`` is set, because a timeout would make this function
    raise on some strings, and it promises never to.
"""

from __future__ import annotations

import re
import types
from typing import TYPE_CHECKING, Any, Final, NamedTuple

# The regex package ships no type information, and the lint extra installs no stubs for it.
import regex

from quoteattr._conventions import QuoteConventions, quote_conventions
from quoteattr._dialogue import dash_line, dash_span, split_at_incises, turns
from quoteattr._text import plain_str
from quoteattr._types import MarkStyle, QuoteMarkSpan

if TYPE_CHECKING:
    from collections.abc import Iterator, Mapping

__all__ = ["QuoteConventions", "find_quote_marks", "paragraph_spans", "quote_conventions"]

# mypy's attrs plugin reads ``QuoteMarkSpan.inner``'s ``converter=tuple`` as taking an unbound
# ``Iterable[_T_co]`` and rejects every argument, so spans are built through this alias.

_STRAIGHT_DOUBLE: Final = '"'
_STRAIGHT_SINGLE: Final = "'"
_DOUBLED_APOSTROPHE: Final = "''"
_TWO_BACKTICKS: Final = "``"
_LEFT_DOUBLE: Final = "\N{LEFT DOUBLE QUOTATION MARK}"
_RIGHT_DOUBLE: Final = "\N{RIGHT DOUBLE QUOTATION MARK}"
_LEFT_SINGLE: Final = "\N{LEFT SINGLE QUOTATION MARK}"
_RIGHT_SINGLE: Final = "\N{RIGHT SINGLE QUOTATION MARK}"
_LOW_DOUBLE: Final = "\N{DOUBLE LOW-9 QUOTATION MARK}"
_LOW_SINGLE: Final = "\N{SINGLE LOW-9 QUOTATION MARK}"
_LEFT_GUILLEMET: Final = "\N{LEFT-POINTING DOUBLE ANGLE QUOTATION MARK}"
_RIGHT_GUILLEMET: Final = "\N{RIGHT-POINTING DOUBLE ANGLE QUOTATION MARK}"
_LEFT_SINGLE_GUILLEMET: Final = "\N{SINGLE LEFT-POINTING ANGLE QUOTATION MARK}"
_RIGHT_SINGLE_GUILLEMET: Final = "\N{SINGLE RIGHT-POINTING ANGLE QUOTATION MARK}"


class _Pairing(NamedTuple):
    """One way to open a quotation, and the marks that may close it."""

    style: MarkStyle
    opener: str
    closers: tuple[str, ...]


#: Every opening mark and its closers. A pairing's position in this table is its *kind*.
_PAIRINGS: Final[tuple[_Pairing, ...]] = (
    _Pairing(MarkStyle.STRAIGHT_DOUBLE, _STRAIGHT_DOUBLE, (_STRAIGHT_DOUBLE,)),
    _Pairing(MarkStyle.CURLY_DOUBLE, _LEFT_DOUBLE, (_RIGHT_DOUBLE,)),
    _Pairing(MarkStyle.STRAIGHT_SINGLE, _STRAIGHT_SINGLE, (_STRAIGHT_SINGLE,)),
    _Pairing(MarkStyle.CURLY_SINGLE, _LEFT_SINGLE, (_RIGHT_SINGLE,)),
    _Pairing(MarkStyle.DOUBLED_APOSTROPHE, _DOUBLED_APOSTROPHE, (_DOUBLED_APOSTROPHE,)),
    _Pairing(MarkStyle.BACKTICK, _TWO_BACKTICKS, (_DOUBLED_APOSTROPHE,)),
    _Pairing(MarkStyle.GUILLEMET, _LEFT_GUILLEMET, (_RIGHT_GUILLEMET,)),
    _Pairing(MarkStyle.GUILLEMET, _RIGHT_GUILLEMET, (_LEFT_GUILLEMET,)),
    _Pairing(MarkStyle.SINGLE_GUILLEMET, _LEFT_SINGLE_GUILLEMET, (_RIGHT_SINGLE_GUILLEMET,)),
    _Pairing(MarkStyle.SINGLE_GUILLEMET, _RIGHT_SINGLE_GUILLEMET, (_LEFT_SINGLE_GUILLEMET,)),
    _Pairing(MarkStyle.LOW_HIGH, _LOW_DOUBLE, (_LEFT_DOUBLE, _RIGHT_DOUBLE)),
    _Pairing(MarkStyle.LOW_HIGH_SINGLE, _LOW_SINGLE, (_LEFT_SINGLE, _RIGHT_SINGLE)),
    _Pairing(MarkStyle.CORNER, "\N{LEFT CORNER BRACKET}", ("\N{RIGHT CORNER BRACKET}",)),
    _Pairing(
        MarkStyle.CORNER, "\N{LEFT WHITE CORNER BRACKET}", ("\N{RIGHT WHITE CORNER BRACKET}",)
    ),
    _Pairing(
        MarkStyle.CORNER,
        "\N{HALFWIDTH LEFT CORNER BRACKET}",
        ("\N{HALFWIDTH RIGHT CORNER BRACKET}",),
    ),
    _Pairing(
        MarkStyle.CORNER,
        "\N{PRESENTATION FORM FOR VERTICAL LEFT CORNER BRACKET}",
        ("\N{PRESENTATION FORM FOR VERTICAL RIGHT CORNER BRACKET}",),
    ),
    _Pairing(
        MarkStyle.CORNER,
        "\N{PRESENTATION FORM FOR VERTICAL LEFT WHITE CORNER BRACKET}",
        ("\N{PRESENTATION FORM FOR VERTICAL RIGHT WHITE CORNER BRACKET}",),
    ),
)

#: Styles whose marks double as apostrophes (or, for the low single mark, as a comma): an
#: unclosed one is taken to be that, not a quote.
_APOSTROPHE_LIKE_STYLES: Final = frozenset(
    {MarkStyle.STRAIGHT_SINGLE, MarkStyle.CURLY_SINGLE, MarkStyle.LOW_HIGH_SINGLE}
)
#: The outer level of quoting. Quotes of this level do not nest in one another, so one found
#: complete inside an unclosed one shows where that one should have ended.
_DOUBLE_STYLES: Final = frozenset(
    {
        MarkStyle.STRAIGHT_DOUBLE,
        MarkStyle.CURLY_DOUBLE,
        MarkStyle.DOUBLED_APOSTROPHE,
        MarkStyle.BACKTICK,
        MarkStyle.GUILLEMET,
        MarkStyle.LOW_HIGH,
        MarkStyle.CORNER,
    }
)
#: The characters that may be apostrophes, and those of them that close a quote.
_APOSTROPHES: Final = frozenset({_STRAIGHT_SINGLE, _RIGHT_SINGLE, _LEFT_SINGLE})
_SINGLE_CLOSERS: Final = frozenset({_STRAIGHT_SINGLE, _RIGHT_SINGLE})
#: Marks that may close a double quote, and so may be inch marks after feet and inches.
_INCH_MARKS: Final = frozenset({_STRAIGHT_DOUBLE, _RIGHT_DOUBLE, _DOUBLED_APOSTROPHE})

#: Nesting deeper than this is not prose; deeper openers are ignored to keep time linear.
_MAX_DEPTH: Final = 8
#: A paragraph with more marks than this, making up over a third of its characters, is not
#: prose (news text peaks near an eighth): it is skipped rather than paired mark by mark.
_MAX_MARKS_IN_PROSE: Final = 16


def _kind_opened_by() -> Mapping[str, int]:
    return types.MappingProxyType({p.opener: kind for kind, p in enumerate(_PAIRINGS)})


def _kinds_closed_by() -> Mapping[str, tuple[int, ...]]:
    glyphs = {closer for pairing in _PAIRINGS for closer in pairing.closers}
    return types.MappingProxyType(
        {
            glyph: tuple(k for k, pairing in enumerate(_PAIRINGS) if glyph in pairing.closers)
            for glyph in glyphs
        }
    )


_OPENS: Final = _kind_opened_by()
_CLOSES: Final = _kinds_closed_by()
_KNOWN_MARKS: Final = frozenset(_OPENS) | frozenset(_CLOSES)
#: Marks that open and close the same kind: only the context tells which they do.
_SYMMETRIC: Final = frozenset(
    glyph for glyph, kind in _OPENS.items() if glyph in _PAIRINGS[kind].closers
)
#: Curly marks typed the wrong way round: where the context leaves no doubt (see
#: ``_Token.opens_clearly``) a right mark with nothing to close opens its left partner's kind.
_LENIENT_OPENS: Final[Mapping[str, int]] = types.MappingProxyType(
    {_RIGHT_DOUBLE: _OPENS[_LEFT_DOUBLE], _RIGHT_SINGLE: _OPENS[_LEFT_SINGLE]}
)
#: Marks that, where only a closing mark makes sense and no quote of their own kind is open,
#: close a quote opened by a related mark: a curly mark typed the wrong way round, or a straight
#: mark closing a curly quote (and the reverse), as mixed-up sources do.
_LENIENT_CLOSES: Final[Mapping[str, tuple[int, ...]]] = types.MappingProxyType(
    {
        _LEFT_DOUBLE: (_OPENS[_LEFT_DOUBLE], _OPENS[_STRAIGHT_DOUBLE]),
        _RIGHT_DOUBLE: (_OPENS[_STRAIGHT_DOUBLE],),
        _STRAIGHT_DOUBLE: (_OPENS[_LEFT_DOUBLE],),
        _LEFT_SINGLE: (_OPENS[_LEFT_SINGLE], _OPENS[_STRAIGHT_SINGLE]),
        _RIGHT_SINGLE: (_OPENS[_STRAIGHT_SINGLE],),
        _STRAIGHT_SINGLE: (_OPENS[_LEFT_SINGLE],),
    }
)

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
#: Words that start with an elided letter or century: 'em, 'til, '90s, rock 'n' roll.
_ELISION: Final = regex.compile(
    r"(?: \d\d s?+ | em | til | tis | twas | cause | cos | cuz | bout | nuff | n ) (?!\w)",
    _FLAGS | regex.IGNORECASE,
)
_POSSESSIVE_S: Final = regex.compile(r"s (?!\w)", _FLAGS | regex.IGNORECASE)
#: Feet and inches ending where a double mark starts: 6'2" or 5’11”.
_FEET_AND_INCHES: Final = regex.compile(r"\d ['\N{RIGHT SINGLE QUOTATION MARK}] \d \d?+ \Z", _FLAGS)
#: What ends a phrase: a comma, a colon, a closing bracket, a full stop that starts no "...".
_PHRASE_END: Final = regex.compile(r"[,;:!?)\]}]|\.(?!\.)", _FLAGS)
_OPENING_PUNCTUATION: Final = regex.compile(r"[\p{Ps}\p{Pi}\p{Pd}\p{Quotation_Mark}/`]", _FLAGS)
# The standard library's engine scans a plain character class about twice as fast.
_LINE: Final = re.compile(r"[^\n\r\N{LINE SEPARATOR}\N{PARAGRAPH SEPARATOR}]+")
_PARAGRAPH_BREAK: Final = regex.compile(
    r"(?: \r\n | [\n\r\N{LINE SEPARATOR}\N{PARAGRAPH SEPARATOR}] ) \s*+", _FLAGS
)

# What stands on either side of a mark. A paragraph's edge counts as a space.
_SPACE: Final = 0
_PUNCTUATION: Final = 1  # also symbols and other quotation marks
_WORD: Final = 2  # letters and digits


class _Token(NamedTuple):
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


class _Open(NamedTuple):
    """A quotation that is open: one level of the pairing stack."""

    kind: int
    start: int
    content_start: int
    paragraphs: int
    inner: list[QuoteMarkSpan]


def find_quote_marks(text: str, conventions: QuoteConventions | None = None) -> list[QuoteMarkSpan]:
    """Find the quotations in *text* and pair their marks, without parsing.

    Args:
        text: Any string. Offsets in the result index this string as given.
        conventions: What the text's language does beyond pairing marks (dialogue dashes,
            incises, ``»`` reopening a continued quote), from its language profile; see
            ``quoteattr._dialogue``. ``None``, the default, reads marks as in English news.

    Returns:
        The top-level quotations in document order, never overlapping. Quotes inside a quote
        are in its ``inner`` tuple, recursively. See the module docstring for how marks,
        apostrophes, unclosed and multi-paragraph quotes are read.

    Raises:
        TypeError: If *text* is not a ``str``, or *conventions* neither a
            ``QuoteConventions`` nor ``None``.
    """
    text = _require_str(text, "find_quote_marks")
    _require_conventions(conventions)
    spans = _Pairer(text, conventions).pair()
    if conventions is None or not (conventions.split_at_incises or conventions.asides):
        return spans
    return [piece for span in spans for piece in split_at_incises(text, span, conventions)]


def paragraph_spans(text: str) -> list[tuple[int, int]]:
    r"""Return the ``(start, end)`` of every non-blank line of *text*, line breaks excluded.

    News texts put each paragraph on a line of its own, so a line is a paragraph. The breaks
    are ``\n``, ``\r\n``, ``\r``, LINE SEPARATOR and PARAGRAPH SEPARATOR.

    Raises:
        TypeError: If *text* is not a ``str``.
    """
    text = _require_str(text, "paragraph_spans")
    return [line.span() for line in _LINE.finditer(text) if not line.group().isspace()]


def _require_conventions(conventions: object) -> None:
    """Raise a TypeError naming the type, for a dict or a profile passed by mistake."""
    if conventions is not None and not isinstance(conventions, QuoteConventions):
        msg = f"conventions must be a QuoteConventions or None, got {type(conventions).__name__}"
        raise TypeError(msg)


def _require_str(text: object, function: str) -> str:
    """*text* as a plain str (a subclass's characters too), else a TypeError naming its type."""
    if isinstance(text, str):
        return plain_str(text)
    kind = type(text).__name__
    if isinstance(text, (bytes, bytearray, memoryview)):
        msg = f"{function}() needs a str, got {kind}: decode it first, e.g. data.decode('utf-8')"
        raise TypeError(msg)
    msg = f"{function}() needs a str, got {kind}"
    raise TypeError(msg)


def _classify(char: str) -> int:
    if char.isspace():
        return _SPACE
    return _WORD if char.isalnum() else _PUNCTUATION


#: The class of each ASCII character, looked up rather than computed: this runs for every mark.
_ASCII_CLASSES: Final = tuple(_classify(chr(code)) for code in range(128))


def _char_class(char: str) -> int:
    code = ord(char)
    return _ASCII_CLASSES[code] if code < 128 else _classify(char)


def _make_token(text: str, start: int, end: int, paragraph: tuple[int, int]) -> _Token:
    before = _char_class(text[start - 1]) if start > paragraph[0] else _SPACE
    after = _char_class(text[end]) if end < paragraph[1] else _SPACE
    # CommonMark's flanking rule: a mark between a word and punctuation leans to the word.
    # Punctuation that ends a phrase never follows an opening mark, so a mark before it
    # closes, even after a space: French « Oui », German „ Ja “, and "'we'", all close.
    ends_phrase = after == _PUNCTUATION and _PHRASE_END.match(text, end) is not None
    can_open = after != _SPACE and (after != _PUNCTUATION or before != _WORD) and not ends_phrase
    can_close = ends_phrase or (before != _SPACE and (before != _PUNCTUATION or after != _WORD))
    after_space_or_opener = before == _SPACE or (
        before == _PUNCTUATION and _OPENING_PUNCTUATION.match(text[start - 1]) is not None
    )
    return _Token(
        text[start:end], start, end, before, after, can_open, can_close, after_space_or_opener
    )


def _tokens(text: str, paragraph: tuple[int, int]) -> list[_Token]:
    matches = list(_MARK_PATTERN.finditer(text, *paragraph))
    if len(matches) > _MAX_MARKS_IN_PROSE and _is_mark_soup(matches, paragraph):
        return []
    tokens: list[_Token] = []
    for match in matches:
        start, end = match.span()
        if end - start <= 2:
            if text[start:end] in _KNOWN_MARKS:
                tokens.append(_make_token(text, start, end, paragraph))
        elif match.lastgroup != "decoration":
            tokens.extend(_split_apostrophes(text, start, end, paragraph))
    return tokens


def _is_mark_soup(matches: list[Any], paragraph: tuple[int, int]) -> bool:
    """Whether quotation marks make up more than a third of the paragraph: not prose."""
    mark_characters: int = sum(match.end() - match.start() for match in matches)
    return 3 * mark_characters > paragraph[1] - paragraph[0]


def _split_apostrophes(
    text: str, start: int, end: int, paragraph: tuple[int, int]
) -> Iterator[_Token]:
    """Split a run of three or more apostrophes into doubled ones and a single one.

    ``''He said, 'No.'''`` closes the single quote, then the double one; ``'''Sir`` opens the
    double quote, then the single one.
    """
    position = start
    if (end - start) % 2 and _make_token(text, start, end, paragraph).can_close:
        yield _make_token(text, position, position + 1, paragraph)
        position += 1
    while end - position >= 2:
        yield _make_token(text, position, position + 2, paragraph)
        position += 2
    if position < end:
        yield _make_token(text, position, end, paragraph)


def _looks_like_apostrophe(text: str, token: _Token, paragraph: tuple[int, int]) -> bool:
    """Whether the context alone shows *token* to be an apostrophe, not a quotation mark."""
    if token.glyph not in _APOSTROPHES:
        return False
    if token.before == _WORD and token.after == _WORD:
        return True  # don't, O'Brien, 6'2
    if token.before != _WORD and _ELISION.match(text, token.end, paragraph[1]):
        return True  # '90s, 'em, the first mark of 'n'
    if token.before == _PUNCTUATION and _POSSESSIVE_S.match(text, token.end, paragraph[1]):
        return True  # a possessive after a closing quote or a bracket
    return token.after != _WORD and _closes_n_elision(text, token.start, paragraph[0])


def _closes_n_elision(text: str, start: int, paragraph_start: int) -> bool:
    """Whether the mark at *start* is the second mark of rock 'n' roll."""
    if start - 2 < paragraph_start or text[start - 1] not in "nN":
        return False
    if text[start - 2] not in _APOSTROPHES:
        return False
    return start - 3 < paragraph_start or not text[start - 3].isalnum()


def _is_inch_mark(text: str, token: _Token, paragraph_start: int) -> bool:
    if token.glyph not in _INCH_MARKS or not text[token.start - 1 : token.start].isdigit():
        return False
    search_from = max(paragraph_start, token.start - 4)
    return _FEET_AND_INCHES.search(text, search_from, token.start) is not None


def _trimmed_end(text: str, start: int, limit: int) -> int:
    """Return where the text from *start* to *limit* ends, without its trailing whitespace."""
    return start + len(text[start:limit].rstrip())


class _Pairer:
    """Pairs the marks of one text, paragraph by paragraph, with a stack of open quotes."""

    def __init__(self, text: str, conventions: QuoteConventions | None = None) -> None:
        self._text = text
        self._conventions = conventions
        self._stack: list[_Open] = []
        # For each kind, the stack positions of its open quotes: finds the innermost quote a
        # mark can close in constant time, however deep the stack.
        self._open_of_kind: list[list[int]] = [[] for _ in _PAIRINGS]
        self._spans: list[QuoteMarkSpan] = []
        self._paragraph = (0, 0)

    def pair(self) -> list[QuoteMarkSpan]:
        """Pair every mark of the text and return the top-level spans."""
        previous_end = 0
        for paragraph in paragraph_spans(self._text):
            self._paragraph = paragraph
            tokens = _tokens(self._text, paragraph)
            line = None if self._conventions is None else self._dash_line(paragraph)
            if line is not None and self._stack and self._conventions.dash_continues_quote:  # type: ignore[union-attr]
                # ``« Question ?`` ¶ ``— Réponse. »``: the dash carries the quote on.
                self._stack[0] = self._stack[0]._replace(paragraphs=self._stack[0].paragraphs + 1)
                first, line = 0, None
            else:
                first = self._continue_quote(tokens, previous_end)
            found_before = len(self._spans)
            for index in range(first, len(tokens)):
                self._take(tokens, index)
            if line is None:
                # Only the outermost quote may run on into the next paragraph.
                self._end_from(1, paragraph[1])
                if self._conventions is not None and not self._stack:
                    self._take_turns(paragraph, found_before)
            else:
                # A dialogue line holds whatever was quoted in it, open or closed.
                self._end_from(0, paragraph[1])
                inner = self._spans[found_before:]
                del self._spans[found_before:]
                self._spans.append(dash_span(self._text, line, inner))
            previous_end = paragraph[1]
        self._end_from(0, previous_end)
        return self._spans

    def _take_turns(self, paragraph: tuple[int, int], found_before: int) -> None:
        """Make the turns opened by dashes inside *paragraph* spans, holding the quotes in them."""
        assert self._conventions is not None  # noqa: S101 - checked by the caller
        found = self._spans[found_before:]
        lines = turns(self._text, paragraph, found, self._conventions)
        if not lines:
            return
        del self._spans[found_before:]
        self._spans.extend(span for span in found if span.start < lines[0][0])
        for line in lines:
            inner = [span for span in found if line[0] <= span.start < line[2]]
            self._spans.append(dash_span(self._text, line, inner))

    def _continue_quote(self, tokens: list[_Token], previous_end: int) -> int:
        """Carry an open quote into this paragraph if it reopens; return the first token left."""
        if not self._stack:
            return 0
        pending = self._stack[0]
        if tokens and self._reopens(tokens[0], pending.kind):
            self._stack[0] = pending._replace(paragraphs=pending.paragraphs + 1)
            return 1
        self._end_from(0, previous_end)
        return 0

    def _dash_line(self, paragraph: tuple[int, int]) -> tuple[int, int, int] | None:
        """The dash and content of *paragraph* if it is a line of dialogue, with content."""
        assert self._conventions is not None  # noqa: S101 - checked by the caller
        line = dash_line(self._text, paragraph, self._conventions)
        return None if line is None or line[1] == line[2] else line

    def _reopens(self, token: _Token, kind: int) -> bool:
        if self._text[self._paragraph[0] : token.start].strip():
            return False
        if _looks_like_apostrophe(self._text, token, self._paragraph):
            return False
        if (
            self._conventions is not None
            and self._conventions.reopen_with_closer
            and token.glyph in _PAIRINGS[kind].closers
        ):
            return True  # ``« …`` ¶ ``» …``, as older French typesetting reopens a quote
        return self._kind_to_open(token) == kind

    def _take(self, tokens: list[_Token], index: int) -> None:
        """Let the mark at *index* close or open a quote, or leave it as a plain character."""
        token = tokens[index]
        if token.glyph in _APOSTROPHES and self._is_apostrophe(tokens, index):
            return
        if _is_inch_mark(self._text, token, self._paragraph[0]):
            return
        closing = self._closable(token)
        if closing >= 0 and self._closes_here(token):
            self._close(closing, token)
        elif (kind := self._kind_to_open(token)) is not None:
            self._open(kind, token)

    @staticmethod
    def _closes_here(token: _Token) -> bool:
        """Whether *token*, able to close an open quote, does so rather than open a new one."""
        if token.glyph in _SYMMETRIC:
            # Only a space or an opening bracket, dash or mark before it, and a word after it,
            # make a straight mark open when a quote of its kind is open: a closing mark typed
            # with no space after it (``said."Next``) or with one before it still closes.
            return not (token.after_space_or_opener and token.can_open)
        # A mark that opens one kind and closes another follows its context.
        return token.glyph not in _OPENS or not token.opens_clearly

    def _kind_to_open(self, token: _Token) -> int | None:
        """Return the kind of quote *token* would open where it stands, if any."""
        if token.glyph in _SYMMETRIC:
            return _OPENS[token.glyph] if token.can_open else None
        if token.glyph in _OPENS:
            return None if token.closes_clearly else _OPENS[token.glyph]
        return _LENIENT_OPENS.get(token.glyph) if token.opens_clearly else None

    def _closable(self, token: _Token) -> int:
        """Return the stack position of the innermost quote *token* can close, or -1."""
        innermost = -1
        for kind in _CLOSES.get(token.glyph, ()):
            opened = self._open_of_kind[kind]
            if opened and opened[-1] > innermost:
                innermost = opened[-1]
        if innermost >= 0 or not token.closes_clearly:
            return innermost
        for kind in _LENIENT_CLOSES.get(token.glyph, ()):
            opened = self._open_of_kind[kind]
            if opened and opened[-1] > innermost:
                innermost = opened[-1]
        return innermost

    def _is_apostrophe(self, tokens: list[_Token], index: int) -> bool:
        token = tokens[index]
        if _looks_like_apostrophe(self._text, token, self._paragraph):
            return True
        if (
            token.before != _WORD
            or token.after != _SPACE
            or self._text[token.start - 1] not in "sS"
        ):
            return False
        # voters' / the Joneses': a closing quote only if no later mark could close instead.
        closing = self._closable(token)
        return closing >= 0 and self._later_single_closer(tokens, index, closing)

    def _later_single_closer(self, tokens: list[_Token], index: int, closing: int) -> bool:
        """Whether a later mark can close the single quote at *closing* before one opens.

        Each call stops at the next single mark that is not an apostrophe, so every token is
        looked at by one call at most and the scan stays linear.
        """
        for later in range(index + 1, len(tokens)):
            token = tokens[later]
            if token.glyph not in _APOSTROPHES:
                if 0 <= self._closable(token) < closing:
                    return False  # the quote around the single one closes first
            elif not _looks_like_apostrophe(self._text, token, self._paragraph):
                return token.can_close and (token.glyph in _SINGLE_CLOSERS or not token.can_open)
        return False

    def _open(self, kind: int, token: _Token) -> None:
        if len(self._stack) >= _MAX_DEPTH:
            return
        self._open_of_kind[kind].append(len(self._stack))
        self._stack.append(_Open(kind, token.start, token.end, 1, []))

    def _pop(self) -> _Open:
        quote = self._stack.pop()
        self._open_of_kind[quote.kind].pop()
        return quote

    def _siblings(self) -> list[QuoteMarkSpan]:
        """Return the list that a span ending now belongs to: its parent's inner or top level."""
        return self._stack[-1].inner if self._stack else self._spans

    def _close(self, position: int, token: _Token) -> None:
        self._end_from(position + 1, token.start)
        quote = self._pop()
        content = self._text[quote.content_start : token.start]
        if not content or content.isspace():
            return  # an empty pair: see "Empty quotes" in the module docstring
        span = QuoteMarkSpan(
            start=quote.start,
            end=token.end,
            content_start=quote.content_start,
            content_end=token.start,
            text=content,
            style=_PAIRINGS[quote.kind].style,
            closed=True,
            paragraphs=quote.paragraphs,
            inner=tuple(quote.inner),
        )
        self._siblings().append(span)

    def _end_from(self, position: int, limit: int) -> None:
        """End, unclosed at *limit*, every open quote from stack *position* up."""
        while len(self._stack) > position:
            quote = self._pop()
            if _PAIRINGS[quote.kind].style in _APOSTROPHE_LIKE_STYLES:
                self._siblings().extend(quote.inner)
            else:
                self._siblings().extend(self._unclosed(quote, limit))

    def _unclosed(self, quote: _Open, limit: int) -> list[QuoteMarkSpan]:
        """Return the span of an unclosed quote, then the inner quotes it must give up."""
        style = _PAIRINGS[quote.kind].style
        # A complete double quote inside an unclosed one most likely means the unclosed one
        # ended, unmarked, before it: cut there and let that quote stand alone.
        inner = quote.inner
        cut = next((i for i, s in enumerate(inner) if s.style in _DOUBLE_STYLES), len(inner))
        if cut < len(inner):
            limit = inner[cut].start
        content_end = _trimmed_end(self._text, quote.content_start, limit)
        if content_end == quote.content_start:
            return inner[cut:]
        paragraphs = quote.paragraphs
        if paragraphs > 1:
            breaks = _PARAGRAPH_BREAK.findall(self._text, quote.content_start, content_end)
            paragraphs = 1 + len(breaks)
        span = QuoteMarkSpan(
            start=quote.start,
            end=content_end,
            content_start=quote.content_start,
            content_end=content_end,
            text=self._text[quote.content_start : content_end],
            style=style,
            closed=False,
            paragraphs=paragraphs,
            inner=tuple(inner[:cut]),
        )
        return [span, *inner[cut:]]
