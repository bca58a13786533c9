"""The table format's layout: a row per quote, fitted to the terminal's width."""

from __future__ import annotations

from typing import TYPE_CHECKING

from quoteattr._types import REPORTED_KINDS

if TYPE_CHECKING:
    from collections.abc import Sequence

    from quoteattr import Quote

# Table columns never wider than this, so a long speaker leaves room for the quote.
MAX_SPEAKER_WIDTH = 20
MAX_CUE_WIDTH = 12
MIN_QUOTE_WIDTH = 24
# The width when standard output is not a terminal (a pipe, a file, a CI log) and $COLUMNS
# is not set: wider than the usual 80, since nothing wraps there.
PIPE_WIDTH = 120
EMPTY_CELL = "-"


def table_lines(quotes: Sequence[Quote], width: int) -> list[str]:
    """The header and rows of one input's table; empty when there are no quotes."""
    if not quotes:
        return []
    header = ("#", "kind", "speaker", "cue", "quote")
    rows = [
        (str(number), quote.kind.value, speaker_cell(quote), cue_cell(quote))
        for number, quote in enumerate(quotes, start=1)
    ]
    widths = [max(len(header[i]), *(len(row[i]) for row in rows)) for i in range(4)]
    widths[2] = min(widths[2], MAX_SPEAKER_WIDTH)
    widths[3] = min(widths[3], MAX_CUE_WIDTH)
    # Two spaces between columns and two of indentation.
    quote_width = max(MIN_QUOTE_WIDTH, width - sum(widths) - 2 * len(widths) - 2)
    lines = [format_row(header, widths)]
    for row, quote in zip(rows, quotes, strict=True):
        lines.append(format_row((*row, shorten(shown(quote), quote_width)), widths))
    return lines


def format_row(cells: tuple[str, str, str, str, str], widths: Sequence[int]) -> str:
    """Number, kind, speaker and cue padded (or shortened) to *widths*; then the quote."""
    number, kind, speaker, cue, text = cells
    labels = (
        shorten(cell, w).ljust(w) for cell, w in zip((kind, speaker, cue), widths[1:4], strict=True)
    )
    return "  " + "  ".join([number.rjust(widths[0]), *labels, text]).rstrip()


def speaker_cell(quote: Quote) -> str:
    """The speaker's resolved name, else the words of the mention."""
    if quote.speaker is None:
        return EMPTY_CELL
    return one_line(quote.speaker.name or quote.speaker.text)


def cue_cell(quote: Quote) -> str:
    """The reporting words as written ("told", "according to")."""
    return EMPTY_CELL if quote.cue is None else one_line(quote.cue.text)


def shown(quote: Quote) -> str:
    """The text on one line; a quotation between marks, so its edges are visible.

    Reported speech is shown as written: it is no quotation, and a mixed quote carries
    its own marks.
    """
    if quote.kind in REPORTED_KINDS:
        return one_line(quote.text)
    return f"“{one_line(quote.text)}”"


def one_line(text: str) -> str:
    """*text* with each run of whitespace (paragraph breaks too) as one space."""
    return " ".join(text.split())


def shorten(text: str, width: int) -> str:
    """*text* cut to *width* characters, ending in an ellipsis when cut."""
    if len(text) <= width:
        return text
    return text[: max(width - 1, 0)].rstrip() + "…"
