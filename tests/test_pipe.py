"""Streaming many texts: order, contexts, error policies, worker processes.

Most tests drive the stream with a fake batch extractor, so they pin the stream's own
behaviour fast and without a pipeline; the rest run the real extractor.
"""

from __future__ import annotations

import itertools
import os
from typing import TYPE_CHECKING, Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

from quoteattr import ExtractionError, ExtractionFailure, Quote, QuoteExtractor, QuoteKind
from quoteattr._stream import failure_of, stream

if TYPE_CHECKING:
    from collections.abc import Iterable, Sequence

    from quoteattr._stream import Outcome

ARTICLE = [
    '"The ferry runs again in June," Hana Okafor told reporters.',
    "The council met on Tuesday and adjourned early.",
    "Okafor said the repairs were nearly done.",
]


class EchoExtractor:
    """One quote per text, spanning it; a text containing "boom" fails inside."""

    def __init__(self) -> None:
        self.batches: list[list[int]] = []

    def extract_batch(self, batch: Sequence[tuple[int, str]]) -> list[Outcome]:
        self.batches.append([index for index, _text in batch])
        return [self._one(index, text) for index, text in batch]

    @staticmethod
    def _one(index: int, text: str) -> Outcome:
        if "boom" in text:
            return failure_of(ValueError(f"cannot handle {text!r}"), index)
        return [Quote(text=text, start=0, end=len(text), kind=QuoteKind.DIRECT)] if text else []


def run(items: Iterable[object], **options: Any) -> list[Any]:
    settings: dict[str, Any] = {
        "batch_size": 2,
        "n_process": 1,
        "as_tuples": False,
        "on_error": "raise",
    }
    settings.update(options)
    return list(stream(EchoExtractor(), items, **settings))


def test_results_come_in_input_order_one_per_text() -> None:
    texts = [f"text {n}" for n in range(7)]
    results = run(texts, batch_size=3)
    assert [result[0].text for result in results] == texts


def test_contexts_come_back_beside_their_results() -> None:
    pairs = [("a", {"id": 1}), ("", {"id": 2}), ("c", {"id": 3})]
    results = run(pairs, as_tuples=True)
    assert [context for _quotes, context in results] == [{"id": 1}, {"id": 2}, {"id": 3}]
    assert [len(quotes) for quotes, _context in results] == [1, 0, 1]


def test_the_input_is_read_as_it_is_consumed() -> None:
    """An endless generator streams: a few batches are read, never the whole input."""
    extractor = EchoExtractor()
    endless = (f"text {n}" for n in itertools.count())
    results = stream(
        extractor, endless, batch_size=4, n_process=1, as_tuples=False, on_error="raise"
    )
    first_ten = list(itertools.islice(results, 10))
    assert len(first_ten) == 10
    assert extractor.batches == [[0, 1, 2, 3], [4, 5, 6, 7], [8, 9, 10, 11]]


def test_a_wrong_item_raises_a_type_error_naming_its_position() -> None:
    with pytest.raises(TypeError, match=r"text must be a str, not int \(item 2\)"):
        run(["a", "b", 3])


def test_bytes_say_how_to_decode() -> None:
    with pytest.raises(TypeError, match=r"not bytes; decode it first"):
        run([b"raw"])


def test_an_item_that_is_not_a_pair_is_refused_with_as_tuples() -> None:
    with pytest.raises(TypeError, match=r"\(text, context\) pair, not str \(item 0\)"):
        run(["text alone"], as_tuples=True)


def test_a_failure_inside_raises_an_extraction_error_naming_the_item() -> None:
    with pytest.raises(ExtractionError, match=r"item 1: ValueError: cannot handle 'boom'"):
        run(["fine", "boom", "never reached"])


def test_skip_drops_failed_items_and_keeps_the_rest() -> None:
    pairs = [("a", 0), (None, 1), ("boom", 2), ("d", 3)]
    results = run(pairs, as_tuples=True, on_error="skip")
    assert [context for _quotes, context in results] == [0, 3]


def test_return_yields_a_failure_in_place() -> None:
    results = run(["a", 7, "boom"], on_error="return")
    assert isinstance(results[0], list)
    assert results[1] == ExtractionFailure(1, "TypeError", "text must be a str, not int")
    assert isinstance(results[2], ExtractionFailure)
    assert results[2].error_type == "ValueError"
    assert str(results[2]) == "item 2: ValueError: cannot handle 'boom'"
    assert results[2].to_dict() == {
        "index": 2,
        "error_type": "ValueError",
        "message": "cannot handle 'boom'",
    }


@given(
    st.lists(st.one_of(st.text(max_size=5), st.integers(), st.none(), st.binary(max_size=3))),
    st.integers(min_value=1, max_value=5),
)
def test_every_item_gives_exactly_one_outcome(items: list[object], batch_size: int) -> None:
    """With on_error="return" nothing is lost: failures stand exactly where wrong items were."""
    results = run(items, batch_size=batch_size, on_error="return")
    assert len(results) == len(items)
    for index, (item, result) in enumerate(zip(items, results, strict=True)):
        if isinstance(item, str) and "boom" not in item:
            assert isinstance(result, list)
        else:
            assert isinstance(result, ExtractionFailure)
            assert result.index == index


@pytest.mark.parametrize(
    ("options", "error", "message"),
    [
        ({"batch_size": 0}, ValueError, "batch_size must be at least 1"),
        ({"batch_size": 2.5}, TypeError, "batch_size must be an int"),
        ({"n_process": 0}, ValueError, "n_process must be a positive number"),
        ({"n_process": "2"}, TypeError, "n_process must be an int"),
        ({"on_error": "ignore"}, ValueError, "on_error must be one of raise, skip, return"),
    ],
)
def test_wrong_options_fail_at_the_call(
    options: dict[str, Any], error: type[Exception], message: str
) -> None:
    """Checked when pipe() is called, before any result is asked for."""
    settings: dict[str, Any] = {"batch_size": 2, "n_process": 1, "on_error": "raise"}
    with pytest.raises(error, match=message):
        stream(EchoExtractor(), [], as_tuples=False, **{**settings, **options})


# -- the real extractor -------------------------------------------------------------------


@pytest.mark.model
def test_pipe_equals_calls_and_keeps_ids(default_extractor: QuoteExtractor) -> None:
    pairs = [(text, f"doc-{n}") for n, text in enumerate(ARTICLE)]
    results = list(default_extractor.pipe(pairs, as_tuples=True, batch_size=2))
    assert [doc_id for _quotes, doc_id in results] == ["doc-0", "doc-1", "doc-2"]
    assert [quotes for quotes, _doc_id in results] == [default_extractor(text) for text in ARTICLE]


@pytest.mark.model
def test_a_failing_text_does_not_stop_the_others(
    default_extractor: QuoteExtractor, monkeypatch: pytest.MonkeyPatch
) -> None:
    """An exception in attribution is that text's failure; its batch mates still come back."""
    attribute = QuoteExtractor._attribute

    def fragile(
        self: QuoteExtractor, doc: object, marks: object, *, source: str, **options: Any
    ) -> object:
        if "repairs" in source:
            raise RuntimeError("rule crashed")
        return attribute(self, doc, marks, source=source, **options)  # type: ignore[arg-type]

    monkeypatch.setattr(QuoteExtractor, "_attribute", fragile)
    results = list(default_extractor.pipe(ARTICLE, on_error="return", batch_size=8))
    assert results[2] == ExtractionFailure(2, "RuntimeError", "rule crashed")
    assert results[0] == default_extractor(ARTICLE[0])
    with pytest.raises(ExtractionError, match="item 2: RuntimeError: rule crashed"):
        list(default_extractor.pipe(ARTICLE))


@pytest.mark.model
def test_a_failing_parse_is_retried_text_by_text(
    default_extractor: QuoteExtractor, monkeypatch: pytest.MonkeyPatch
) -> None:
    nlp = default_extractor.nlp
    parse_one = type(nlp).__call__

    def no_batches(*_args: object, **_kwargs: object) -> object:
        raise MemoryError("batch too big")

    def parse_or_fail(self: object, text: str, **kwargs: object) -> object:
        if "repairs" in text:
            raise ValueError("cannot parse")
        return parse_one(self, text, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(type(nlp), "pipe", no_batches)
    monkeypatch.setattr(type(nlp), "__call__", parse_or_fail)
    results = list(default_extractor.pipe(ARTICLE, on_error="return"))
    assert results[2] == ExtractionFailure(2, "ValueError", "cannot parse")
    assert results[1] == []  # no quote marks or reporting word: never parsed
    assert isinstance(results[0], list)
    assert len(results[0]) == 1


@pytest.mark.model
def test_worker_processes_give_the_same_results_in_order(default_extractor: QuoteExtractor) -> None:
    texts: list[Any] = [*ARTICLE * 3, 42]
    pairs = [(text, object()) for text in texts]  # contexts never travel: need not pickle
    alone = list(default_extractor.pipe(pairs, as_tuples=True, on_error="return", batch_size=2))
    workers = list(
        default_extractor.pipe(pairs, as_tuples=True, on_error="return", batch_size=2, n_process=2)
    )
    assert workers == alone
    assert isinstance(workers[-1][0], ExtractionFailure)


@pytest.mark.model
def test_a_dead_worker_is_an_extraction_error(
    default_extractor: QuoteExtractor, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A worker killed mid-batch (say, out of memory) fails the stream loudly."""
    attribute = QuoteExtractor._attribute
    parent = os.getpid()

    def dies_in_worker(
        self: QuoteExtractor, doc: object, marks: object, *, source: str, **options: Any
    ) -> object:
        if os.getpid() != parent:
            os._exit(1)
        return attribute(self, doc, marks, source=source, **options)  # type: ignore[arg-type]

    monkeypatch.setattr(QuoteExtractor, "_attribute", dies_in_worker)
    with pytest.raises(ExtractionError, match="a worker process died"):
        list(default_extractor.pipe(ARTICLE, n_process=2, batch_size=1))


@pytest.mark.model
def test_stopping_early_shuts_the_workers_down(default_extractor: QuoteExtractor) -> None:
    results = default_extractor.pipe(itertools.cycle(ARTICLE), n_process=2, batch_size=2)
    assert len(list(itertools.islice(results, 5))) == 5
    results.close()  # type: ignore[attr-defined]
