"""Whether a gold attribution's content is a direct quotation, by its quotation marks."""

from __future__ import annotations

import enum
from typing import TYPE_CHECKING

import attrs

if TYPE_CHECKING:
    from collections.abc import Iterable, Sequence

    from quoteattr.evaluation._gold import Span

__all__ = ["is_direct"]


class _MarkRole(enum.Enum):
    """What a mark does inside a quotation."""

    OPENS = enum.auto()  # opens a nested quote
    CLOSES = enum.auto()  # closes the innermost open quote
    TOGGLES = enum.auto()  # closes the open quote, or opens one when none is open


@attrs.frozen
class _MarkFamily:
    """Quotation marks that pair with each other, as the corpus uses them."""

    #: Marks that open a quotation, longest first.
    openers: tuple[str, ...]
    #: Marks accepted as its final closing mark.
    closers: tuple[str, ...]
    #: Inside the quotation: marks that open a nested quote, marks that close one, and marks
    #: that close the open quote or else open one. A family without any is not checked
    #: inside (a single curly quote closes with the apostrophe's character).
    nested_openers: tuple[str, ...] = ()
    nested_closers: tuple[str, ...] = ()
    toggles: tuple[str, ...] = ()


#: Punctuation that may follow the closing mark inside a direct quote's span.
TRAILING_PUNCTUATION = frozenset(".,;:!?)…—–-")
#: The New York Times' ``''…''`` first, so its marks are not read as two apostrophes.
#: Double quotes close with any double mark: the corpus has ``“…"``, ``"…”`` and ``“…“``.
MARK_FAMILIES = (
    _MarkFamily(openers=("''",), closers=("''",), toggles=("''",)),
    _MarkFamily(
        openers=('"', "“"),
        closers=('"', "”", "“"),
        nested_openers=("“",),
        nested_closers=("”",),
        toggles=('"',),
    ),
    _MarkFamily(openers=("‘",), closers=("’",)),
)


def is_direct(text: str, content: Sequence[Span]) -> bool:
    """Whether the content *content* (fragments into *text*) is a direct quotation.

    It is when one fragment, or one run of consecutive fragments separated by nothing but
    whitespace, opens with a quotation mark and ends with a matching closing mark, with no
    word outside the marks (so ``"A" or "B"`` is not direct). The marks may sit just outside
    the fragment, and punctuation may follow the closing mark. The marks counted are ``"``,
    ``“ ”``, ``‘ ’`` and the New York Times' doubled apostrophes ``''…''``; a double quote
    may close with either double mark. A paragraph of a longer quotation, which news style
    leaves open because the next paragraph reopens it, counts as closed.
    """
    fragments = sorted(content)
    return any(_is_quotation(text, start, end) for start, end in _runs(text, fragments))


def _runs(text: str, fragments: Sequence[Span]) -> Iterable[Span]:
    """Every fragment, and every run of fragments joined by whitespace, as one range."""
    for first, (start, first_end) in enumerate(fragments):
        end = first_end
        yield start, end
        for next_start, next_end in fragments[first + 1 :]:
            if next_start < end or text[end:next_start].strip():
                break
            end = next_end
            yield start, end


def _is_quotation(text: str, start: int, end: int) -> bool:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    if start == end:
        return False
    opening = _opening_mark(text, start)
    if opening is None:
        return False
    body_start, family = opening
    body_end = _closing_mark(text, body_start, end, family)
    if body_end is None:
        return False
    return not _words_outside(text, body_start, body_end, family)


def _opening_mark(text: str, start: int) -> tuple[int, _MarkFamily] | None:
    """Where the body after the opening mark at, just before or straddling *start* begins."""
    for family in MARK_FAMILIES:
        for opener in family.openers:
            if text.startswith(opener, start):
                return start + len(opener), family
    for family in MARK_FAMILIES:
        for opener in family.openers:
            for mark_start in range(max(0, start - len(opener)), start):
                if text.startswith(opener, mark_start):
                    return mark_start + len(opener), family
    return None


def _closing_mark(text: str, body_start: int, end: int, family: _MarkFamily) -> int | None:
    """Where the closing mark at, before trailing punctuation or just after *end* begins."""
    before_punctuation = end
    while before_punctuation > body_start and text[before_punctuation - 1] in TRAILING_PUNCTUATION:
        before_punctuation -= 1
    for candidate in (end, before_punctuation):
        for closer in family.closers:
            if candidate - len(closer) >= body_start and text.endswith(closer, 0, candidate):
                return candidate - len(closer)
    for closer in family.closers:
        for mark_start in range(max(body_start, end - len(closer) + 1), end + 1):
            if text.startswith(closer, mark_start):
                return mark_start
    if _next_paragraph_reopens(text, end, family):
        return end
    return None


def _next_paragraph_reopens(text: str, end: int, family: _MarkFamily) -> bool:
    """Whether a line break and then an opening mark follow *end*: the quote goes on."""
    following = len(text) - len(text[end:].lstrip())
    if "\n" not in text[end:following]:
        return False
    return any(text.startswith(opener, following) for opener in family.openers)


def _words_outside(text: str, body_start: int, body_end: int, family: _MarkFamily) -> bool:
    """Whether a mark inside the body closes the quotation and words follow it."""
    depth = 1  # how many quotes are open: the quotation itself, and any nested in it
    position = body_start
    while position < body_end:
        mark, role = _inner_mark(text, position, family)
        reopening = depth > 0 and _starts_paragraph(text, position, body_start)
        if role is _MarkRole.TOGGLES and not reopening:
            depth = depth - 1 if depth else 1
        elif role is _MarkRole.OPENS and not reopening:
            depth += 1
        elif role is _MarkRole.CLOSES:
            depth = max(depth - 1, 0)
        elif role is None and not depth and text[position].isalnum():
            return True
        position += len(mark) if mark else 1
    return False


def _inner_mark(text: str, position: int, family: _MarkFamily) -> tuple[str, _MarkRole | None]:
    """The mark of *family* at *position* and what it does inside a quotation."""
    for role, marks in (
        (_MarkRole.TOGGLES, family.toggles),
        (_MarkRole.OPENS, family.nested_openers),
        (_MarkRole.CLOSES, family.nested_closers),
    ):
        for mark in marks:
            if text.startswith(mark, position):
                return mark, role
    return "", None


def _starts_paragraph(text: str, position: int, body_start: int) -> bool:
    """Whether *position* starts a paragraph (news style reopens a long quote there)."""
    line_start = text.rfind("\n", body_start, position)
    return line_start >= 0 and not text[line_start:position].strip()
