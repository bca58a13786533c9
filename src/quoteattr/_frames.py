"""``to_dataframe``: the flat records of :func:`~quoteattr.to_records` as a typed pandas frame.

pandas is an optional dependency (the ``pandas`` extra) and is imported on the first call,
never by ``import quoteattr``. The columns are typed, not left to inference, so a frame of
quotes has the same dtypes whether or not any quote lacks a speaker, and whether or not
there is any row at all: offsets that may be missing are nullable integers, text is
pandas' string dtype.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import TYPE_CHECKING, Any, cast, overload

from quoteattr._records import NUMBER_DTYPES, RECORD_COLUMNS, _check_extra, to_records

if TYPE_CHECKING:
    from collections.abc import Iterator
    from types import ModuleType

    import pandas as pd

    from quoteattr._types import Quote

__all__ = ["to_dataframe"]


@overload
def to_dataframe(
    quotes: Iterable[Quote], /, *, id_column: None = None, **extra: object
) -> pd.DataFrame: ...
@overload
def to_dataframe(
    quotes: Mapping[Any, Iterable[Quote]] | Iterable[tuple[Any, Iterable[Quote]]],
    /,
    *,
    id_column: str,
    **extra: object,
) -> pd.DataFrame: ...


def to_dataframe(
    quotes: Any,
    /,
    *,
    id_column: str | None = None,
    **extra: object,
) -> pd.DataFrame:
    """Return the quotes as a pandas DataFrame: one row per quote, typed columns.

    Takes the quotes of one text, or, with *id_column*, of many texts, each with an id:

    - ``to_dataframe(quotes)``: the quotes of one text, as the extractor returns them;
    - ``to_dataframe(pairs, id_column="doc_id")``: ``(doc_id, quotes)`` pairs, such as
      ``zip(ids, extractor.pipe(texts))`` or ``enumerate(extractor.pipe(texts))``, or a
      mapping ``{doc_id: quotes}``. The ids fill the *id_column* column, and
      ``quote_index`` counts from 0 within each text.

    The columns are *id_column* (if given), then the *extra* columns (the same value in
    every row), then :data:`~quoteattr.RECORD_COLUMNS`, holding what
    :func:`~quoteattr.to_records` gives. ``quote_index``, ``start`` and ``end`` are
    ``int64``; the speaker's and cue's offsets and ``speaker_entity_id`` are nullable
    ``Int64`` and ``confidence`` nullable ``Float64``, with ``<NA>`` where a quote has no
    speaker, cue or confidence; the other record columns are ``string``. The dtypes of the
    id and *extra* columns are inferred from their values, as ``pandas.array`` does
    (``string`` for text, ``Int64`` for integers). The index is a ``RangeIndex``; a text
    without quotes has no rows, and no quotes at all give an empty frame with every column.

    Args:
        quotes: the quotes of one text; or, with *id_column*, ``(doc_id, quotes)`` pairs or
            a mapping from ids to quotes.
        id_column: the name of the column that holds each text's id; ``None`` (the
            default) when *quotes* are one text's.
        **extra: columns to put before the quote's own in every row.

    Returns:
        A ``pandas.DataFrame`` with one row per quote, in order.

    Raises:
        ImportError: pandas is not installed: ``pip install 'quoteattr[pandas]'``.
        TypeError: *quotes* is not what *id_column* says: without it, not an iterable of
            :class:`~quoteattr.Quote`; with it, not a mapping or ``(doc_id, quotes)`` pairs.
        ValueError: *id_column* or an *extra* key is the name of a record column, or
            *id_column* is also an *extra* key.
    """
    pd = _import_pandas()
    if id_column is None:
        rows = _rows_of_one_text(quotes, extra)
        leading: dict[str, list[object]] = {name: [value] for name, value in extra.items()}
    else:
        rows, ids = _rows_of_many_texts(quotes, id_column, extra)
        leading = {id_column: ids, **{name: [value] for name, value in extra.items()}}
    columns = {
        name: pd.array([row[name] for row in rows], dtype=_inferred_dtype(pd, values))
        for name, values in leading.items()
    }
    columns.update(record_arrays(pd, rows, pd.StringDtype()))
    return pd.DataFrame(columns)


def record_arrays(
    pd: ModuleType, records: list[dict[str, object]], text_dtype: object
) -> dict[str, Any]:
    """Each record column of *records* as a typed pandas array, in column order.

    Numbers take their :data:`NUMBER_DTYPES`, so a missing offset stays ``<NA>`` in an
    integer column; every other column holds text in *text_dtype*.
    """
    return {
        name: pd.array(
            [record[name] for record in records], dtype=NUMBER_DTYPES.get(name) or text_dtype
        )
        for name in RECORD_COLUMNS
    }


def _import_pandas() -> ModuleType:
    """The pandas module, or an ImportError that says which extra brings it."""
    try:
        import pandas as pd  # noqa: PLC0415 - an optional dependency, loaded on first use only
    except ImportError as error:
        msg = f"quoteattr.to_dataframe needs pandas ({error}); pip install 'quoteattr[pandas]'"
        raise ImportError(msg, name="pandas") from error
    module: ModuleType = pd  # pandas is untyped (see pyproject's mypy overrides)
    return module


def _rows_of_one_text(quotes: object, extra: dict[str, object]) -> list[dict[str, object]]:
    """The records of one text's *quotes*; a TypeError that points to *id_column* if many."""
    if isinstance(quotes, Mapping):
        msg = "a mapping holds the quotes of many texts: pass id_column= to name its keys' column"
        raise TypeError(msg)
    try:
        # Whatever came in: to_records checks it, and its TypeError says what it got.
        return to_records(cast("Iterable[Quote]", quotes), **extra)
    except TypeError as error:
        msg = f"{error}; for the quotes of many texts, pass (doc_id, quotes) pairs and id_column="
        raise TypeError(msg) from error


def _rows_of_many_texts(
    documents: object, id_column: str, extra: dict[str, object]
) -> tuple[list[dict[str, object]], list[object]]:
    """The records of every text of *documents*, and every text's id (with quotes or not)."""
    if id_column in extra:
        msg = f"id_column {id_column!r} is also an extra column; choose one"
        raise ValueError(msg)
    # Checked here too, so that a clash is refused even when no text has a quote.
    _check_extra({id_column: None, **extra})
    rows: list[dict[str, object]] = []
    ids: list[object] = []
    for doc_id, quotes in _pairs(documents):
        ids.append(doc_id)
        try:
            rows += to_records(cast("Iterable[Quote]", quotes), **{id_column: doc_id}, **extra)
        except TypeError as error:
            msg = f"the quotes of {doc_id!r}: {error}"
            raise TypeError(msg) from error
    return rows, ids


def _pairs(documents: object) -> Iterator[tuple[object, object]]:
    """``(doc_id, quotes)`` for each text of a mapping or an iterable of pairs."""
    if isinstance(documents, Mapping):
        yield from documents.items()
        return
    if isinstance(documents, (str, bytes, bytearray)) or not isinstance(documents, Iterable):
        msg = (
            "with id_column, quotes must be a mapping or an iterable of (doc_id, quotes) "
            f"pairs, not {type(documents).__name__}"
        )
        raise TypeError(msg)
    for position, pair in enumerate(documents):
        # Only tuples: a list of two Quote records (one text's) is no (doc_id, quotes) pair.
        if not isinstance(pair, tuple) or len(pair) != 2:
            msg = (
                f"with id_column, each item must be a (doc_id, quotes) pair, not "
                f"{type(pair).__name__} (item {position}); for extractor.pipe(texts), "
                "pass zip(ids, extractor.pipe(texts)) or enumerate(extractor.pipe(texts))"
            )
            raise TypeError(msg)
        yield pair


def _inferred_dtype(pd: ModuleType, values: list[object]) -> object:
    """The dtype pandas infers for *values* (its nullable ones); ``object`` if it cannot."""
    if not values:
        return object
    try:
        dtype: object = pd.array(values).dtype
    except (TypeError, ValueError):
        return object
    return dtype
