"""The caller's text as a plain ``str``, whatever subclass of ``str`` it came as."""

from __future__ import annotations

__all__ = ["plain_str"]


def plain_str(text: str) -> str:
    """*text* itself if it is an exact ``str``, else its characters as one.

    A subclass of ``str`` (``numpy.str_``, from ``df["text"].to_numpy()``; a user's own) is
    text all the same, but spaCy's tokenizer takes an exact ``str`` only, and result texts
    sliced from a subclass would come back as that subclass. ``str.__str__`` copies the
    characters without calling anything the subclass overrides (its ``__str__``,
    ``__getitem__`` or ``__iter__``), so the copy is the text the caller holds.
    """
    return str.__str__(text)
