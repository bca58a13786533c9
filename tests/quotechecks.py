"""Checks the tests share on extracted quotes: offsets that slice back, one-line summaries."""

from __future__ import annotations

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
