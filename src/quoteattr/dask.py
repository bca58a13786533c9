"""Extract quotes from many texts in parallel with Dask: bags of texts and data frames.

Needs the ``dask`` extra: ``pip install 'quoteattr[dask]'``. Loading a spaCy pipeline takes
seconds and hundreds of megabytes, so each worker process loads it once, the first time a
task there needs it, and keeps it in a module-level cache keyed by the model's name, the
kinds of quote and the parse mode. Tasks carry the model's *name*, never a loaded
``Language``: a pipeline pickled into every task would cost more than the parsing.

A bag of texts becomes a bag of quote lists, one per text, in the same order and partitions::

    from distributed import Client, LocalCluster
    import dask.bag as db
    from quoteattr.dask import extract_bag

    # spaCy holds the GIL while it parses: use processes, one thread each.
    client = Client(LocalCluster(n_workers=4, threads_per_worker=1, processes=True))
    texts = db.from_sequence(articles, npartitions=16)
    quotes = extract_bag(texts, model="en_core_web_sm").compute()

A Dask data frame with a text column becomes a frame with a row per quote, whose ``row``
column (and index) holds the label of the input row it came from::

    quotes = extract_dataframe(articles_ddf, text_column="body", model="en_core_web_sm")
"""

from __future__ import annotations

import os
import threading
from typing import TYPE_CHECKING, Any, Literal, TypeAlias

from quoteattr._extractor import DEFAULT_BATCH_SIZE, QuoteExtractor, check_kinds
from quoteattr._frames import record_arrays
from quoteattr._records import to_records
from quoteattr._selective import ParseMode, check_parse_mode

# Imported here, not only for type checking, so that without the extra the import of this
# module fails at once, with the command that fixes it. pandas and dask.dataframe are not:
# they take seconds to import, which every worker would pay even for a bag of texts, and
# whoever calls the frame functions holds a frame, so has them installed.
try:
    import dask.bag as db  # noqa: TC002
except ImportError as error:
    msg = f"quoteattr.dask needs Dask ({error}); pip install 'quoteattr[dask]'"
    raise ImportError(msg) from error

if TYPE_CHECKING:
    from collections.abc import Hashable, Iterable

    import dask.dataframe as dd
    import pandas as pd

    from quoteattr._types import ExtractionFailure, Quote, QuoteKind

__all__ = [
    "ROW_COLUMN",
    "extract_bag",
    "extract_dataframe",
    "extract_partition",
    "pipeline_loads",
    "quote_frame_meta",
    "worker_extractor",
]

#: A pipeline as a task can carry it: an installed package's name or a directory.
Model: TypeAlias = "str | os.PathLike[str] | None"
#: The kinds of quote to return, as ``QuoteExtractor`` takes them.
Kinds: TypeAlias = "Iterable[QuoteKind | str] | QuoteKind | str | None"
#: What a failed text does to a bag: fail the task, or give a failure in its place.
BagOnError: TypeAlias = Literal["raise", "return"]
#: What a failed text does to a frame: fail the task, or give no rows.
FrameOnError: TypeAlias = Literal["raise", "skip"]
# What the worker cache tells pipelines apart by.
_CacheKey: TypeAlias = "tuple[str | None, frozenset[QuoteKind], ParseMode]"

#: The name of the column that holds the input row's index label.
ROW_COLUMN = "row"

# -- the pipeline, once per worker process ---------------------------------------------


class _ExtractorCache:
    """The extractors this process has loaded, and how many times it loaded one."""

    def __init__(self) -> None:
        self._extractors: dict[_CacheKey, QuoteExtractor] = {}
        # Held while loading, so two threads of one worker never load the same pipeline twice.
        self._lock = threading.Lock()
        self.loads = 0

    def get(self, key: _CacheKey) -> QuoteExtractor:
        """Return the extractor for *key*, loading it on first use."""
        with self._lock:
            extractor = self._extractors.get(key)
            if extractor is None:
                model, kinds, parse = key
                extractor = QuoteExtractor(model, kinds=kinds, parse=parse)
                self._extractors[key] = extractor
                self.loads += 1
            return extractor


_CACHE = _ExtractorCache()


def worker_extractor(
    model: Model = None, *, kinds: Kinds = None, parse: ParseMode | str = "full"
) -> QuoteExtractor:
    """Return this process's extractor for *model*, *kinds* and *parse*, loading it once.

    The first call with given settings loads the pipeline; later calls in the same process
    return the same extractor. Call it inside a task, on the worker, to build recipes of
    your own on the same cache.

    Args:
        model: the name or directory of an installed spaCy pipeline; ``None`` for the
            default that ``QuoteExtractor()`` picks on the worker.
        kinds: the kinds of quote to return, as for ``QuoteExtractor``.
        parse: the parse mode, ``"full"`` or ``"relevant"``, as for ``QuoteExtractor``.

    Raises:
        TypeError: *model* is a loaded pipeline rather than its name.
        ValueError: *kinds* or *parse* names no kind or mode.
    """
    return _CACHE.get(_cache_key(model, kinds, parse))


def pipeline_loads() -> int:
    """How many pipelines this process has loaded into its cache (for checks and tests).

    ``client.run(pipeline_loads)`` asks every worker of a ``distributed`` cluster.
    """
    return _CACHE.loads


def _cache_key(model: Model, kinds: Kinds, parse: ParseMode | str) -> _CacheKey:
    """The settings in a canonical, hashable form; fails on the client for bad ones."""
    return _model_name(model), check_kinds(kinds), check_parse_mode(parse)


def _model_name(model: object) -> str | None:
    """*model* as a name a task can carry; a loaded ``Language`` is refused."""
    if model is None or isinstance(model, str):
        return model
    path = os.fspath(model) if isinstance(model, os.PathLike) else None
    if isinstance(path, str):
        return path
    msg = (
        f"model must be the name or directory of a spaCy pipeline, not {type(model).__name__}; "
        "each worker loads the pipeline itself, once, so pass e.g. model='en_core_web_sm'"
    )
    raise TypeError(msg)


def _check_on_error(on_error: object, choices: tuple[str, ...]) -> None:
    """Refuse an error policy on the client, before any task is sent."""
    if on_error not in choices:
        msg = f"on_error must be one of {', '.join(map(repr, choices))}, not {on_error!r}"
        raise ValueError(msg)


# -- bags of texts -----------------------------------------------------------------------


def extract_bag(  # noqa: PLR0913 - keyword-only settings passed through to the workers
    bag: db.Bag,
    *,
    model: Model = None,
    kinds: Kinds = None,
    parse: ParseMode | str = "full",
    batch_size: int = DEFAULT_BATCH_SIZE,
    on_error: BagOnError = "raise",
) -> db.Bag:
    """Return a bag of the quotes of each text of *bag*: one list of quotes per text.

    The result has the same partitions as *bag*, each text's quotes where the text was.
    Each partition goes through ``QuoteExtractor.pipe`` in batches of *batch_size*, with
    the worker's cached pipeline (see :func:`worker_extractor`).

    Args:
        bag: a bag of ``str``.
        model: the name or directory of an installed spaCy pipeline, which every worker
            process loads once; ``None`` for the default.
        kinds: the kinds of quote to return, as for ``QuoteExtractor``.
        parse: the parse mode, ``"full"`` or ``"relevant"``, as for ``QuoteExtractor``.
        batch_size: texts per parsing batch.
        on_error: ``"raise"`` fails the task (and the computation) on a text that is not a
            ``str`` or cannot be extracted; ``"return"`` puts an ``ExtractionFailure`` in
            its place instead, whose ``index`` counts within the partition.

    Raises:
        TypeError: *model* is a loaded pipeline rather than its name.
        ValueError: *kinds*, *parse* or *on_error* is none of the choices.
    """
    _check_on_error(on_error, ("raise", "return"))
    model_name, chosen, mode = _cache_key(model, kinds, parse)
    quotes: db.Bag = bag.map_partitions(
        _extract_texts,
        model=model_name,
        kinds=chosen,
        parse=mode,
        batch_size=batch_size,
        on_error=on_error,
    )
    return quotes


def _extract_texts(  # noqa: PLR0913 - extract_bag's settings, as Dask passes them on
    texts: Iterable[str],
    *,
    model: str | None,
    kinds: frozenset[QuoteKind],
    parse: ParseMode,
    batch_size: int,
    on_error: BagOnError,
) -> list[list[Quote] | ExtractionFailure]:
    """The quotes of each text of one bag partition (runs on a worker)."""
    extractor = worker_extractor(model, kinds=kinds, parse=parse)
    return list(extractor.pipe(texts, batch_size=batch_size, on_error=on_error))


# -- data frames -------------------------------------------------------------------------


def extract_partition(  # noqa: PLR0913 - keyword-only settings passed through from Dask
    frame: pd.DataFrame,
    *,
    text_column: str = "text",
    model: Model = None,
    kinds: Kinds = None,
    parse: ParseMode | str = "full",
    batch_size: int = DEFAULT_BATCH_SIZE,
    on_error: FrameOnError = "raise",
) -> pd.DataFrame:
    """Return a frame with one row per quote of the texts in *frame*'s *text_column*.

    The columns are ``row`` (the index label of the input row the quote came from), then
    those of :data:`~quoteattr.RECORD_COLUMNS`; the index holds the same labels as
    ``row``, so the result joins back to *frame* on either, and a Dask frame's divisions
    stay true. Rows come in input order, each text's quotes in text order. A missing text
    (``None``, ``NaN``, ``NA``) has no quotes. Made for
    ``ddf.map_partitions(extract_partition, ..., meta=quote_frame_meta(ddf))``, which
    :func:`extract_dataframe` does for you.

    Args:
        frame: a pandas frame (one partition) with a column of texts.
        text_column: the column that holds the texts.
        model: the name or directory of an installed spaCy pipeline, which every worker
            process loads once; ``None`` for the default.
        kinds: the kinds of quote to return, as for ``QuoteExtractor``.
        parse: the parse mode, ``"full"`` or ``"relevant"``, as for ``QuoteExtractor``.
        batch_size: texts per parsing batch.
        on_error: ``"raise"`` fails on a text that is not a ``str`` or cannot be
            extracted; ``"skip"`` gives such a row no quotes.

    Raises:
        KeyError: *frame* has no column *text_column*.
        TypeError: with ``on_error="raise"``, a text is neither a ``str`` nor missing.
        ExtractionError: with ``on_error="raise"``, extraction failed on a text.
    """
    _check_on_error(on_error, ("raise", "skip"))
    labelled = _labelled_texts(frame, text_column, check=on_error == "raise")
    if not labelled:
        # Dask hands over empty partitions too; they need no pipeline loaded for them.
        return quote_frame_meta(frame)
    extractor = worker_extractor(model, kinds=kinds, parse=parse)
    records: list[dict[str, object]] = []
    # The row label travels with its text, so skipped texts cannot shift the labels.
    for quotes, label in extractor.pipe(
        labelled, batch_size=batch_size, as_tuples=True, on_error=on_error
    ):
        records.extend(to_records(quotes, **{ROW_COLUMN: label}))
    row_labels = [record[ROW_COLUMN] for record in records]
    return _quote_frame(records, _like_index(frame.index, row_labels))


def _labelled_texts(
    frame: pd.DataFrame, text_column: str, *, check: bool
) -> list[tuple[str, Hashable]]:
    """``(text, index label)`` for each row of *frame* that has a text.

    With *check*, a text that is not a ``str`` is a TypeError naming the row's label: the
    extractor could name only its position among this partition's texts.
    """
    column = frame[text_column]
    present = column[column.notna()]
    pairs = list(zip(present, present.index, strict=True))
    for text, label in pairs:
        if check and not isinstance(text, str):
            msg = f"{text_column!r} of row {label!r} is a {type(text).__name__}, not a str"
            raise TypeError(msg)
    return pairs


def _like_index(index: pd.Index, labels: list[object]) -> pd.Index:
    """An index of *labels* with the dtype and name of *index*."""
    import pandas as pd  # noqa: PLC0415 - see the import of dask.bag

    return pd.Index(labels, dtype=index.dtype, name=index.name)


def _quote_frame(records: list[dict[str, object]], index: pd.Index) -> pd.DataFrame:
    """The quote frame of *records*, typed column by column (an empty one is typed too)."""
    import pandas as pd  # noqa: PLC0415 - see the import of dask.bag

    columns: dict[str, Any] = {ROW_COLUMN: pd.array(list(index), dtype=index.dtype)}
    # Text columns in Arrow, as Dask itself stores strings.
    columns.update(record_arrays(pd, records, pd.StringDtype("pyarrow")))
    return pd.DataFrame(columns, index=index)


def quote_frame_meta(frame: pd.DataFrame | dd.DataFrame) -> pd.DataFrame:
    """An empty quote frame: the ``meta`` of ``map_partitions(extract_partition, ...)``.

    Args:
        frame: the input frame, pandas or Dask, whose index's dtype and name become those
            of the result's ``row`` column and index.
    """
    return _quote_frame([], _like_index(frame.index, []))


def extract_dataframe(  # noqa: PLR0913 - keyword-only settings passed through to the workers
    ddf: dd.DataFrame,
    *,
    text_column: str = "text",
    model: Model = None,
    kinds: Kinds = None,
    parse: ParseMode | str = "full",
    batch_size: int = DEFAULT_BATCH_SIZE,
    on_error: FrameOnError = "raise",
) -> dd.DataFrame:
    """Return a Dask frame of the quotes in *ddf*'s *text_column*, one row per quote.

    Each partition goes through :func:`extract_partition` on a worker, with the worker's
    cached pipeline; the result has the partitions and divisions of *ddf*, and the columns
    and index :func:`extract_partition` describes.

    Args:
        ddf: a Dask frame with a column of texts.
        text_column: the column that holds the texts.
        model: the name or directory of an installed spaCy pipeline, which every worker
            process loads once; ``None`` for the default.
        kinds: the kinds of quote to return, as for ``QuoteExtractor``.
        parse: the parse mode, ``"full"`` or ``"relevant"``, as for ``QuoteExtractor``.
        batch_size: texts per parsing batch.
        on_error: ``"raise"`` fails the computation on a text that is not a ``str`` or
            cannot be extracted; ``"skip"`` gives such a row no quotes.

    Raises:
        KeyError: *ddf* has no column *text_column*.
        TypeError: *model* is a loaded pipeline rather than its name.
        ValueError: *kinds*, *parse* or *on_error* is none of the choices.
    """
    if text_column not in ddf.columns:
        msg = f"no column {text_column!r} to read texts from; the columns are {list(ddf.columns)}"
        raise KeyError(msg)
    _check_on_error(on_error, ("raise", "skip"))
    model_name, chosen, mode = _cache_key(model, kinds, parse)
    quotes: dd.DataFrame = ddf.map_partitions(
        extract_partition,
        text_column=text_column,
        model=model_name,
        kinds=chosen,
        parse=mode,
        batch_size=batch_size,
        on_error=on_error,
        meta=quote_frame_meta(ddf),
    )
    return quotes
