"""Streaming many texts through an extractor: batches, worker processes, failures in place.

The stream holds a bounded number of batches at any time, whatever the length of the input,
so memory stays flat over millions of texts. With worker processes, each worker holds its
own copy of the extractor (inherited or unpickled once, when the worker starts) and runs the
whole job on a batch: parse *and* attribution. Only texts go out and only the small
:class:`~quoteattr.Quote` records come back, so the main process is never the bottleneck
(spaCy's own ``n_process`` ships every parsed Doc back to the parent instead).

Every input gives exactly one outcome, in input order: its quotes, or an
:class:`~quoteattr.ExtractionFailure` that the ``on_error`` policy raises, drops or yields.
Contexts (``as_tuples=True``) never leave the main process, so they need not be picklable.
"""

from __future__ import annotations

import collections
import concurrent.futures
import itertools
import os
from typing import TYPE_CHECKING, Literal, Protocol, TypeAlias

from quoteattr._text import plain_str
from quoteattr._types import ExtractionFailure, Quote
from quoteattr.errors import ExtractionError

if TYPE_CHECKING:
    from collections.abc import Iterable, Iterator, Sequence

__all__ = ["ON_ERROR_CHOICES", "BatchExtractor", "OnError", "Outcome", "stream"]

OnError: TypeAlias = Literal["raise", "skip", "return"]
ON_ERROR_CHOICES: tuple[OnError, ...] = ("raise", "skip", "return")
#: What one text gives: its quotes, or the failure that stands in their place.
Outcome: TypeAlias = "list[Quote] | ExtractionFailure"
# Batches in flight per worker: one being worked on, one waiting, so no worker idles while
# the parent collects a result, and memory stays a few batches deep.
_BATCHES_PER_WORKER = 2

# Items as they are met: input position, the text (or the failure of an item that is none),
# and the context.
_Item: TypeAlias = "tuple[int, str | ExtractionFailure, object]"
_Chunk: TypeAlias = "list[_Item]"
# A batch as it travels to a worker: each text with its input position. Items that are not
# texts never travel: they fail in the parent, where they are met.
_Batch: TypeAlias = "list[tuple[int, str]]"
_Done: TypeAlias = "tuple[_Chunk, list[Outcome]]"


class BatchExtractor(Protocol):
    """What the stream needs: turn a batch of texts into one outcome per text."""

    def extract_batch(self, batch: Sequence[tuple[int, str]]) -> list[Outcome]:
        """Return one outcome per ``(input position, text)`` of *batch*, in order."""
        ...


def stream(  # noqa: PLR0913 - the keyword-only options of QuoteExtractor.pipe, passed on
    extractor: BatchExtractor,
    items: Iterable[object],
    *,
    batch_size: int,
    n_process: int,
    as_tuples: bool,
    on_error: OnError,
) -> Iterator[object]:
    """Return an iterator of one result per item of *items*, as :meth:`QuoteExtractor.pipe`.

    The options, and that *items* is an iterable other than a text, are checked at once,
    before the first result is asked for.
    """
    check_options(batch_size=batch_size, on_error=on_error)
    workers = worker_count(n_process)
    iterator = _iterate(items)
    return _stream(extractor, iterator, batch_size, workers, as_tuples=as_tuples, on_error=on_error)


def _iterate(items: Iterable[object]) -> Iterator[object]:
    """An iterator over *items*; a TypeError for a text (whose characters are no texts)."""
    if isinstance(items, (str, bytes, bytearray)):
        msg = (
            f"texts must be an iterable of texts, not a single {type(items).__name__}; "
            "to extract the quotes of one text, call the extractor on it"
        )
        raise TypeError(msg)
    try:
        return iter(items)
    except TypeError:
        msg = f"texts must be an iterable of texts, not {type(items).__name__}"
        raise TypeError(msg) from None


def _stream(  # noqa: PLR0913 - stream's checked options
    extractor: BatchExtractor,
    items: Iterable[object],
    batch_size: int,
    workers: int,
    *,
    as_tuples: bool,
    on_error: OnError,
) -> Iterator[object]:
    met = (_split_item(item, index, as_tuples=as_tuples) for index, item in enumerate(items))
    chunks = _chunks(met, batch_size)
    done = _in_workers(extractor, chunks, workers) if workers > 1 else _here(extractor, chunks)
    for chunk, outcomes in done:
        yield from _apply_policy(chunk, outcomes, as_tuples=as_tuples, on_error=on_error)


def worker_count(n_process: object) -> int:
    """*n_process* as a number of processes: -1 means one per CPU core."""
    if isinstance(n_process, bool) or not isinstance(n_process, int):
        msg = f"n_process must be an int, not {type(n_process).__name__}"
        raise TypeError(msg)
    if n_process == -1:
        return os.cpu_count() or 1
    if n_process < 1:
        msg = f"n_process must be a positive number of processes or -1, not {n_process}"
        raise ValueError(msg)
    return n_process


def check_options(*, batch_size: object, on_error: object) -> None:
    """Refuse a wrong batch size or error policy before any work starts."""
    if isinstance(batch_size, bool) or not isinstance(batch_size, int):
        msg = f"batch_size must be an int, not {type(batch_size).__name__}"
        raise TypeError(msg)
    if batch_size < 1:
        msg = f"batch_size must be at least 1, not {batch_size}"
        raise ValueError(msg)
    if on_error not in ON_ERROR_CHOICES:
        msg = f"on_error must be one of {', '.join(ON_ERROR_CHOICES)}, not {on_error!r}"
        raise ValueError(msg)


def not_a_str(text: object, index: int) -> ExtractionFailure:
    """The failure for an item that is not a text, with advice for bytes."""
    message = f"text must be a str, not {type(text).__name__}"
    if isinstance(text, (bytes, bytearray)):
        message += "; decode it first, e.g. data.decode('utf-8')"
    return ExtractionFailure(index=index, error_type="TypeError", message=message)


def failure_of(error: Exception, index: int) -> ExtractionFailure:
    """The failure record of *error*, raised while extracting item *index*."""
    return ExtractionFailure(index=index, error_type=type(error).__name__, message=str(error))


def _split_item(item: object, index: int, *, as_tuples: bool) -> _Item:
    """``(index, text, context)`` for *item*; a text that is not a str becomes its failure.

    A str subclass's text becomes a plain str here, in the main process: spaCy takes no
    other, and a user's subclass might not unpickle in a worker.
    """
    context: object = None
    if as_tuples:
        if not isinstance(item, tuple) or len(item) != 2:
            message = (
                f"with as_tuples=True each item must be a (text, context) pair, "
                f"not {type(item).__name__}"
            )
            return index, ExtractionFailure(index, "TypeError", message), None
        item, context = item
    if not isinstance(item, str):
        return index, not_a_str(item, index), context
    return index, plain_str(item), context


def _chunks(items: Iterator[_Item], size: int) -> Iterator[_Chunk]:
    while chunk := list(itertools.islice(items, size)):
        yield chunk


def _texts_of(chunk: _Chunk) -> _Batch:
    return [(index, text) for index, text, _context in chunk if isinstance(text, str)]


def _merged(chunk: _Chunk, done: Sequence[Outcome]) -> list[Outcome]:
    """The outcome of every item of *chunk*: failures met here, the rest from *done*."""
    results = iter(done)
    return [text if isinstance(text, ExtractionFailure) else next(results) for _, text, _ in chunk]


def _here(extractor: BatchExtractor, chunks: Iterator[_Chunk]) -> Iterator[_Done]:
    """Run every chunk in this process."""
    for chunk in chunks:
        yield chunk, _merged(chunk, extractor.extract_batch(_texts_of(chunk)))


def _in_workers(
    extractor: BatchExtractor, chunks: Iterator[_Chunk], workers: int
) -> Iterator[_Done]:
    """Run the chunks in *workers* processes, a few ahead, and give them back in order."""
    pool = concurrent.futures.ProcessPoolExecutor(
        max_workers=workers, initializer=_start_worker, initargs=(extractor,)
    )
    pending: collections.deque[tuple[_Chunk, concurrent.futures.Future[list[Outcome]]]]
    pending = collections.deque()
    try:
        for chunk in chunks:
            pending.append((chunk, pool.submit(_work, _texts_of(chunk))))
            if len(pending) >= workers * _BATCHES_PER_WORKER:
                yield _collect(*pending.popleft())
        while pending:
            yield _collect(*pending.popleft())
    finally:
        # Also when the caller stops early: queued batches are dropped, not worked through.
        pool.shutdown(wait=True, cancel_futures=True)


def _collect(chunk: _Chunk, future: concurrent.futures.Future[list[Outcome]]) -> _Done:
    try:
        return chunk, _merged(chunk, future.result())
    except concurrent.futures.process.BrokenProcessPool as error:
        first = chunk[0][0]
        msg = (
            "a worker process died (killed, or out of memory?) while extracting the batch "
            f"of {len(chunk)} items that starts with item {first}"
        )
        raise ExtractionError(msg) from error


# The worker process's extractor, set once when the worker starts.
_worker_extractor: BatchExtractor | None = None


def _start_worker(extractor: BatchExtractor) -> None:
    global _worker_extractor  # noqa: PLW0603 - one extractor per worker process, set once
    _worker_extractor = extractor


def _work(batch: _Batch) -> list[Outcome]:
    if _worker_extractor is None:  # pragma: no cover - the pool's initializer always runs
        msg = "worker process started without an extractor"
        raise RuntimeError(msg)
    return _worker_extractor.extract_batch(batch)


def _apply_policy(
    chunk: _Chunk, outcomes: Sequence[Outcome], *, as_tuples: bool, on_error: OnError
) -> Iterator[object]:
    for (_index, _text, context), outcome in zip(chunk, outcomes, strict=True):
        if isinstance(outcome, ExtractionFailure):
            if on_error == "raise":
                raise_failure(outcome)
            if on_error == "skip":
                continue
        yield (outcome, context) if as_tuples else outcome


def raise_failure(failure: ExtractionFailure) -> None:
    """Raise *failure*: a TypeError for a wrong item, an ExtractionError otherwise."""
    if failure.error_type == "TypeError" and failure.message.startswith(("text must", "with as")):
        msg = f"{failure.message} (item {failure.index})"
        raise TypeError(msg)
    msg = f"extraction failed on item {failure.index}: {failure.error_type}: {failure.message}"
    raise ExtractionError(msg)
