"""The quotation marks this library pairs: which mark opens a quote, and which close it.

:data:`PAIRINGS` is the table the module docstring of :mod:`quoteattr._marks` describes; the
other tables are read from it, or name the marks some rule treats apart (the apostrophes, the
inch marks, the marks typed the wrong way round).
"""

from __future__ import annotations

import types
from typing import TYPE_CHECKING, Final, NamedTuple

from quoteattr._types import MarkStyle

if TYPE_CHECKING:
    from collections.abc import Mapping

__all__ = [
    "APOSTROPHES",
    "APOSTROPHE_LIKE_STYLES",
    "CLOSES",
    "CLOSING_CHARACTERS",
    "DOUBLE_STYLES",
    "INCH_MARKS",
    "KNOWN_MARKS",
    "LENIENT_CLOSES",
    "LENIENT_OPENS",
    "OPENS",
    "PAIRINGS",
    "SINGLE_CLOSERS",
    "SYMMETRIC",
    "Pairing",
]

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


class Pairing(NamedTuple):
    """One way to open a quotation, and the marks that may close it."""

    style: MarkStyle
    opener: str
    closers: tuple[str, ...]


#: Every opening mark and its closers. A pairing's position in this table is its *kind*.
PAIRINGS: Final[tuple[Pairing, ...]] = (
    Pairing(MarkStyle.STRAIGHT_DOUBLE, _STRAIGHT_DOUBLE, (_STRAIGHT_DOUBLE,)),
    Pairing(MarkStyle.CURLY_DOUBLE, _LEFT_DOUBLE, (_RIGHT_DOUBLE,)),
    Pairing(MarkStyle.STRAIGHT_SINGLE, _STRAIGHT_SINGLE, (_STRAIGHT_SINGLE,)),
    Pairing(MarkStyle.CURLY_SINGLE, _LEFT_SINGLE, (_RIGHT_SINGLE,)),
    Pairing(MarkStyle.DOUBLED_APOSTROPHE, _DOUBLED_APOSTROPHE, (_DOUBLED_APOSTROPHE,)),
    Pairing(MarkStyle.BACKTICK, _TWO_BACKTICKS, (_DOUBLED_APOSTROPHE,)),
    Pairing(MarkStyle.GUILLEMET, _LEFT_GUILLEMET, (_RIGHT_GUILLEMET,)),
    Pairing(MarkStyle.GUILLEMET, _RIGHT_GUILLEMET, (_LEFT_GUILLEMET,)),
    Pairing(MarkStyle.SINGLE_GUILLEMET, _LEFT_SINGLE_GUILLEMET, (_RIGHT_SINGLE_GUILLEMET,)),
    Pairing(MarkStyle.SINGLE_GUILLEMET, _RIGHT_SINGLE_GUILLEMET, (_LEFT_SINGLE_GUILLEMET,)),
    Pairing(MarkStyle.LOW_HIGH, _LOW_DOUBLE, (_LEFT_DOUBLE, _RIGHT_DOUBLE)),
    Pairing(MarkStyle.LOW_HIGH_SINGLE, _LOW_SINGLE, (_LEFT_SINGLE, _RIGHT_SINGLE)),
    Pairing(MarkStyle.CORNER, "\N{LEFT CORNER BRACKET}", ("\N{RIGHT CORNER BRACKET}",)),
    Pairing(MarkStyle.CORNER, "\N{LEFT WHITE CORNER BRACKET}", ("\N{RIGHT WHITE CORNER BRACKET}",)),
    Pairing(
        MarkStyle.CORNER,
        "\N{HALFWIDTH LEFT CORNER BRACKET}",
        ("\N{HALFWIDTH RIGHT CORNER BRACKET}",),
    ),
    Pairing(
        MarkStyle.CORNER,
        "\N{PRESENTATION FORM FOR VERTICAL LEFT CORNER BRACKET}",
        ("\N{PRESENTATION FORM FOR VERTICAL RIGHT CORNER BRACKET}",),
    ),
    Pairing(
        MarkStyle.CORNER,
        "\N{PRESENTATION FORM FOR VERTICAL LEFT WHITE CORNER BRACKET}",
        ("\N{PRESENTATION FORM FOR VERTICAL RIGHT WHITE CORNER BRACKET}",),
    ),
)

#: Styles whose marks double as apostrophes (or, for the low single mark, as a comma): an
#: unclosed one is taken to be that, not a quote.
APOSTROPHE_LIKE_STYLES: Final = frozenset(
    {MarkStyle.STRAIGHT_SINGLE, MarkStyle.CURLY_SINGLE, MarkStyle.LOW_HIGH_SINGLE}
)
#: The outer level of quoting. Quotes of this level do not nest in one another, so one found
#: complete inside an unclosed one shows where that one should have ended.
DOUBLE_STYLES: Final = frozenset(
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
APOSTROPHES: Final = frozenset({_STRAIGHT_SINGLE, _RIGHT_SINGLE, _LEFT_SINGLE})
SINGLE_CLOSERS: Final = frozenset({_STRAIGHT_SINGLE, _RIGHT_SINGLE})
#: Marks that may close a double quote, and so may be inch marks after feet and inches.
INCH_MARKS: Final = frozenset({_STRAIGHT_DOUBLE, _RIGHT_DOUBLE, _DOUBLED_APOSTROPHE})


def _kind_opened_by() -> Mapping[str, int]:
    return types.MappingProxyType({p.opener: kind for kind, p in enumerate(PAIRINGS)})


def _kinds_closed_by() -> Mapping[str, tuple[int, ...]]:
    glyphs = {closer for pairing in PAIRINGS for closer in pairing.closers}
    return types.MappingProxyType(
        {
            glyph: tuple(k for k, pairing in enumerate(PAIRINGS) if glyph in pairing.closers)
            for glyph in glyphs
        }
    )


OPENS: Final = _kind_opened_by()
CLOSES: Final = _kinds_closed_by()
KNOWN_MARKS: Final = frozenset(OPENS) | frozenset(CLOSES)
#: The characters closing marks are made of: what ends a quote nested at the end of another.
CLOSING_CHARACTERS: Final = frozenset("".join(CLOSES))
#: Marks that open and close the same kind: only the context tells which they do.
SYMMETRIC: Final = frozenset(
    glyph for glyph, kind in OPENS.items() if glyph in PAIRINGS[kind].closers
)
#: Curly marks typed the wrong way round: where the context leaves no doubt (see
#: ``MarkToken.opens_clearly``) a right mark with nothing to close opens its left partner's kind.
LENIENT_OPENS: Final[Mapping[str, int]] = types.MappingProxyType(
    {_RIGHT_DOUBLE: OPENS[_LEFT_DOUBLE], _RIGHT_SINGLE: OPENS[_LEFT_SINGLE]}
)
#: Marks that, where only a closing mark makes sense and no quote of their own kind is open,
#: close a quote opened by a related mark: a curly mark typed the wrong way round, or a straight
#: mark closing a curly quote (and the reverse), as mixed-up sources do.
LENIENT_CLOSES: Final[Mapping[str, tuple[int, ...]]] = types.MappingProxyType(
    {
        _LEFT_DOUBLE: (OPENS[_LEFT_DOUBLE], OPENS[_STRAIGHT_DOUBLE]),
        _RIGHT_DOUBLE: (OPENS[_STRAIGHT_DOUBLE],),
        _STRAIGHT_DOUBLE: (OPENS[_LEFT_DOUBLE],),
        _LEFT_SINGLE: (OPENS[_LEFT_SINGLE], OPENS[_STRAIGHT_SINGLE]),
        _RIGHT_SINGLE: (OPENS[_STRAIGHT_SINGLE],),
        _STRAIGHT_SINGLE: (OPENS[_LEFT_SINGLE],),
    }
)
