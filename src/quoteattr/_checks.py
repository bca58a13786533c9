"""Checks of what callers pass: texts, kinds of quote, Docs; errors that say what to do."""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING

from quoteattr._text import plain_str
from quoteattr._types import QuoteKind

if TYPE_CHECKING:
    from spacy.tokens import Doc


__all__ = ["ALL_KINDS", "check_kinds", "check_text", "require_doc"]

#: Every kind of quote: what the extractor returns unless told otherwise.
ALL_KINDS = frozenset(QuoteKind)


def check_text(text: object, *, position: int | None = None) -> str:
    """Return *text* as a plain str if it is a str, else raise a TypeError that says what to do.

    A subclass of str (``numpy.str_``, a user's own) comes back as an exact str with the
    same characters, which spaCy accepts and offsets index (see :func:`plain_str`).
    """
    if isinstance(text, str):
        return plain_str(text)
    where = "" if position is None else f" (item {position})"
    if isinstance(text, (bytes, bytearray)):
        msg = (
            f"text must be a str, not {type(text).__name__}{where}; "
            "decode it first, e.g. data.decode('utf-8')"
        )
    else:
        msg = f"text must be a str, not {type(text).__name__}{where}"
    raise TypeError(msg)


def check_kinds(kinds: object) -> frozenset[QuoteKind]:
    """Return *kinds* (``None``, one kind or an iterable of kinds or their names) as a set.

    Raises:
        TypeError: *kinds* holds something that is not a kind or a kind's name.
        ValueError: a name is no kind's, or no kind is left.
    """
    if kinds is None:
        return ALL_KINDS
    items = [kinds] if isinstance(kinds, (str, QuoteKind)) else kinds
    # Bytes are iterable, but their items are ints: refused whole, as the bytes they are.
    if isinstance(items, _BYTES_LIKE) or not isinstance(items, Iterable):
        raise _not_a_kind(kinds)
    names = ", ".join(kind.value for kind in QuoteKind)
    chosen: set[QuoteKind] = set()
    for item in items:
        if isinstance(item, QuoteKind):
            chosen.add(item)
        elif isinstance(item, str):
            try:
                chosen.add(QuoteKind(plain_str(item).strip().lower()))
            except ValueError:
                msg = f"unknown quote kind {item!r}; choose from {names}"
                raise ValueError(msg) from None
        else:
            raise _not_a_kind(item)
    if not chosen:
        msg = f"kinds is empty; choose one or more of {names}"
        raise ValueError(msg)
    return frozenset(chosen)


_BYTES_LIKE = (bytes, bytearray, memoryview)


def _not_a_kind(value: object) -> TypeError:
    """The error for *value* given where kinds go, with advice for bytes."""
    msg = f"kinds must be QuoteKind values or their names, not {type(value).__name__}"
    if isinstance(value, _BYTES_LIKE):
        msg += "; decode it first, e.g. data.decode('utf-8')"
    return TypeError(msg)


def require_doc(doc: object) -> Doc:
    """Return *doc* if it is a spaCy Doc (the run-time guard for untyped callers)."""
    from spacy.tokens import Doc  # noqa: PLC0415 - spaCy loads on first use only

    if not isinstance(doc, Doc):
        msg = f"from_doc() needs a spacy.tokens.Doc, not {type(doc).__name__}"
        raise TypeError(msg)
    return doc
