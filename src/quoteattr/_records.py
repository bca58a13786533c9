"""Flat records: one dict of scalars per quote, for data frames and tabular storage.

``Quote.to_dict()`` nests the speaker and cue, which suits JSON; a table wants one column
per field instead, with the same columns in every row whether a quote has a speaker or
not. This module flattens a document's quotes that way, without importing pandas, so
``pandas.DataFrame(to_records(quotes))`` and any other tabular tool take the rows as is.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING

from quoteattr._types import Quote

if TYPE_CHECKING:
    from collections.abc import Iterator

    from quoteattr._types import Cue, Speaker

__all__ = ["NUMBER_DTYPES", "RECORD_COLUMNS", "to_records"]

#: The columns of every record :func:`to_records` returns, in order (after any extra ones).
RECORD_COLUMNS: tuple[str, ...] = (
    "quote_index",
    "kind",
    "text",
    "start",
    "end",
    "speaker_text",
    "speaker_start",
    "speaker_end",
    "speaker_name",
    "speaker_kind",
    "speaker_entity_id",
    "cue_text",
    "cue_start",
    "cue_end",
    "cue_lemma",
    "method",
    "confidence",
)

# The pandas dtype of each column that is not text. Offsets every quote has are plain
# integers; those of a speaker or cue, which a quote may lack, are nullable (Int64), as is
# the confidence (Float64), so a missing value does not turn a column into floats.
NUMBER_DTYPES: dict[str, str] = {
    "quote_index": "int64",
    "start": "int64",
    "end": "int64",
    "speaker_start": "Int64",
    "speaker_end": "Int64",
    "speaker_entity_id": "Int64",
    "cue_start": "Int64",
    "cue_end": "Int64",
    "confidence": "Float64",
}


def to_records(quotes: Iterable[Quote], **extra: object) -> list[dict[str, object]]:
    """Return one flat dict per quote of one text, in order, ready for a data frame.

    Each dict holds the *extra* keys and values first (the same in every row, e.g.
    ``doc_id="a1"`` to say which text the quotes came from), then the columns of
    :data:`RECORD_COLUMNS`: ``quote_index`` (the quote's position in *quotes*, from 0),
    the quote's ``kind`` (its string value), ``text``, ``start`` and ``end``; the speaker's
    ``text``, offsets, ``name``, ``kind`` and ``entity_id``; the cue's ``text``, offsets and
    ``lemma``; the ``method`` (its string value) and the ``confidence``. A field the quote
    does not have (no speaker, no cue, no measured confidence) is ``None``.

    Args:
        quotes: the quotes of one text, as the extractor returns them.
        **extra: columns to put before the quote's own in every row.

    Returns:
        A list of dicts with the same keys, in the same order, for every quote.

    Raises:
        TypeError: *quotes* is not an iterable of :class:`~quoteattr.Quote` records (a text,
            bytes, a number, or the list of lists :meth:`QuoteExtractor.pipe` yields).
        ValueError: an *extra* key is also the name of a record column.
    """
    _check_extra(extra)
    return [{**extra, **_quote_fields(index, quote)} for index, quote in _numbered(quotes)]


def _numbered(quotes: object) -> Iterator[tuple[int, Quote]]:
    """Each quote of *quotes* with its position; a TypeError naming what else was passed."""
    if isinstance(quotes, (str, bytes, bytearray)) or not isinstance(quotes, Iterable):
        msg = f"quotes must be an iterable of Quote records, not {type(quotes).__name__}"
        raise TypeError(msg)
    for index, quote in enumerate(quotes):
        if not isinstance(quote, Quote):
            msg = (
                "quotes must hold the Quote records of one text, "
                f"not {type(quote).__name__} (item {index})"
            )
            raise TypeError(msg)
        yield index, quote


def _check_extra(extra: dict[str, object]) -> None:
    """Refuse an extra column that a quote's own field would silently overwrite."""
    clashes = sorted(set(extra) & set(RECORD_COLUMNS))
    if clashes:
        msg = f"extra columns {clashes} are record columns; choose other names"
        raise ValueError(msg)


def _quote_fields(index: int, quote: Quote) -> dict[str, object]:
    """The record columns of one quote, in :data:`RECORD_COLUMNS` order."""
    return {
        "quote_index": index,
        "kind": quote.kind.value,
        "text": quote.text,
        "start": quote.start,
        "end": quote.end,
        **_speaker_fields(quote.speaker),
        **_cue_fields(quote.cue),
        "method": None if quote.method is None else quote.method.value,
        "confidence": quote.confidence,
    }


def _speaker_fields(speaker: Speaker | None) -> dict[str, object]:
    """The ``speaker_*`` columns, all ``None`` for an unattributed quote."""
    if speaker is None:
        return dict.fromkeys(_SPEAKER_COLUMNS)
    return {
        "speaker_text": speaker.text,
        "speaker_start": speaker.start,
        "speaker_end": speaker.end,
        "speaker_name": speaker.name,
        "speaker_kind": speaker.kind.value,
        "speaker_entity_id": speaker.entity_id,
    }


def _cue_fields(cue: Cue | None) -> dict[str, object]:
    """The ``cue_*`` columns, all ``None`` for a quote without a cue."""
    if cue is None:
        return dict.fromkeys(_CUE_COLUMNS)
    return {
        "cue_text": cue.text,
        "cue_start": cue.start,
        "cue_end": cue.end,
        "cue_lemma": cue.lemma,
    }


_SPEAKER_COLUMNS = tuple(name for name in RECORD_COLUMNS if name.startswith("speaker_"))
_CUE_COLUMNS = tuple(name for name in RECORD_COLUMNS if name.startswith("cue_"))
