"""Paragraphs: news texts put one on each line, and a quotation stays within one."""

from __future__ import annotations

import re
from typing import Final

import regex

from quoteattr._text import plain_str

__all__ = ["PARAGRAPH_BREAK", "paragraph_spans", "require_str"]

# The standard library's engine scans a plain character class about twice as fast.
_LINE: Final = re.compile(r"[^\n\r\N{LINE SEPARATOR}\N{PARAGRAPH SEPARATOR}]+")
PARAGRAPH_BREAK: Final = regex.compile(
    r"(?: \r\n | [\n\r\N{LINE SEPARATOR}\N{PARAGRAPH SEPARATOR}] ) \s*+",
    regex.VERSION1 | regex.VERBOSE,
)


def paragraph_spans(text: str) -> list[tuple[int, int]]:
    r"""Return the ``(start, end)`` of every non-blank line of *text*, line breaks excluded.

    News texts put each paragraph on a line of its own, so a line is a paragraph. The breaks
    are ``\n``, ``\r\n``, ``\r``, LINE SEPARATOR and PARAGRAPH SEPARATOR.

    Raises:
        TypeError: If *text* is not a ``str``.
    """
    text = require_str(text, "paragraph_spans")
    return [line.span() for line in _LINE.finditer(text) if not line.group().isspace()]


def require_str(text: object, function: str) -> str:
    """*text* as a plain str (a subclass's characters too), else a TypeError naming its type."""
    if isinstance(text, str):
        return plain_str(text)
    kind = type(text).__name__
    if isinstance(text, (bytes, bytearray, memoryview)):
        msg = f"{function}() needs a str, got {kind}: decode it first, e.g. data.decode('utf-8')"
        raise TypeError(msg)
    msg = f"{function}() needs a str, got {kind}"
    raise TypeError(msg)
