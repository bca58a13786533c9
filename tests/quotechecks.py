"""Checks the tests share on extracted quotes: offsets that slice back, one-line summaries."""

from __future__ import annotations

import itertools
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from quoteattr import Quote


def checked(text: str, quotes: list[Quote]) -> list[Quote]:
    """*quotes*, after asserting that every offset of each slices back into *text*."""
    for quote in quotes:
        assert text[quote.start : quote.end] == quote.text
        if quote.speaker is not None:
            assert text[quote.speaker.start : quote.speaker.end] == quote.speaker.text
        if quote.cue is not None:
            assert text[quote.cue.start : quote.cue.end] == quote.cue.text
    return quotes


def only(quotes: list[Quote]) -> Quote:
    """The one quote of *quotes*."""
    assert len(quotes) == 1, quotes
    return quotes[0]


def summary(quote: Quote) -> tuple[object, ...]:
    """(kind, method, text, speaker mention, speaker name, cue text, cue lemma)."""
    speaker, cue = quote.speaker, quote.cue
    return (
        quote.kind,
        quote.method,
        quote.text,
        speaker.text if speaker is not None else None,
        speaker.name if speaker is not None else None,
        cue.text if cue is not None else None,
        cue.lemma if cue is not None else None,
    )


def assert_disjoint(quotes: list[Quote]) -> None:
    """No two of *quotes* share a character, and they come in document order."""
    for before, after in itertools.pairwise(quotes):
        assert before.end <= after.start, (before, after)


def assert_no_pair_of_marks_cut(text: str, quotes: list[Quote]) -> None:
    """Each quote holds every pair of quote marks of *text* whole, or none of its characters."""
    from quoteattr import find_quote_marks  # noqa: PLC0415 - a test helper, imported when used

    pairs = [mark for mark in find_quote_marks(text) if mark.closed]
    for quote in quotes:
        for mark in pairs:
            inside = quote.start <= mark.start and mark.end <= quote.end
            apart = mark.end <= quote.start or quote.end <= mark.start
            within = mark.content_start <= quote.start and quote.end <= mark.content_end
            assert inside or apart or within, (quote, mark)
