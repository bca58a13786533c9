"""``quoteattr.dask``: bags and data frames of texts, on a real local cluster of processes.

The cluster (two worker processes, one thread each, as the recipe recommends) starts once
for the module; every test that computes on it uses the same settings, so each worker loads
the pipeline once for them all, and the module stays fast. Results are compared with a
``QuoteExtractor`` in this process on the same texts.
"""

from __future__ import annotations

import importlib
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Any

import pytest

dask_bag = pytest.importorskip("dask.bag")
dask_dataframe = pytest.importorskip("dask.dataframe")
distributed = pytest.importorskip("distributed")
pd = pytest.importorskip("pandas")

import spacy  # noqa: E402 - only once Dask is known to be there

import quoteattr.dask  # noqa: E402
from quoteattr import (  # noqa: E402
    RECORD_COLUMNS,
    ExtractionFailure,
    ParseMode,
    Quote,
    QuoteExtractor,
    QuoteKind,
    to_records,
)
from quoteattr.dask import (  # noqa: E402
    ROW_COLUMN,
    extract_bag,
    extract_dataframe,
    extract_partition,
    pipeline_loads,
    quote_frame_meta,
    worker_extractor,
)

if TYPE_CHECKING:
    from collections.abc import Iterator

# One pipeline, by name (the workers load it themselves): these tests are about distributing
# the work, which no parse changes; the end-to-end tests run on every pipeline.
MODEL = "en_ud_sm"

# Our own sentences: a quote after and before its clause, a pronoun and a surname resolved
# across sentences, reported speech, a fragment, curly marks, and texts without quotes.
TEXTS = [
    '"The bridge opens in May," Mayor Lena Ortiz said.',
    "Rain is expected across the valley on Friday.",
    'Lena Ortiz was elected mayor in March. "We have the money," she told reporters.',
    "The harbour board said the ferry would resume on Monday.",
    'Councillor Amir Haddad called the plan "a costly mistake".',
    "“We will not close the library,” said Treasurer Joan Mbeki.",
    'Haddad said: "The vote is on Tuesday." Ortiz did not reply.',
    "",
]


@pytest.fixture(scope="module")
def local() -> QuoteExtractor:
    """The extractor the workers' results are compared with, in this process."""
    if not spacy.util.is_package(MODEL):
        pytest.skip(f"the {MODEL} pipeline is not installed")
    return QuoteExtractor(MODEL)


@pytest.fixture(scope="module")
def client(local: QuoteExtractor) -> Iterator[Any]:
    """A client of two worker processes with one thread each (after the model check)."""
    del local  # only so that a missing model skips before a cluster starts
    with (
        distributed.LocalCluster(
            n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None
        ) as cluster,
        distributed.Client(cluster) as started,
    ):
        started.wait_for_workers(2)
        yield started


def slices_back(text: str, quotes: list[Quote]) -> bool:
    """Whether every offset of *quotes* indexes its text in *text*."""
    for quote in quotes:
        parts = [quote, *(part for part in (quote.speaker, quote.cue) if part is not None)]
        if any(text[part.start : part.end] != part.text for part in parts):
            return False
    return True


def plain(frame: Any) -> list[dict[str, object]]:
    """The rows of *frame* as dicts, with ``None`` for every missing value."""
    rows: list[dict[str, object]] = frame.astype(object).to_dict("records")
    return [{key: None if value is pd.NA else value for key, value in row.items()} for row in rows]


# -- on the cluster ----------------------------------------------------------------------


@pytest.mark.model
@pytest.mark.usefixtures("client")
def test_a_bag_gives_what_the_local_pipe_gives_in_order(local: QuoteExtractor) -> None:
    texts = dask_bag.from_sequence(TEXTS, npartitions=4)
    quotes = extract_bag(texts, model=MODEL)
    results = quotes.compute()
    assert results == list(local.pipe(TEXTS))
    assert sum(map(len, results)) >= 6  # the texts hold quotes: not a vacuous equality
    assert all(slices_back(text, found) for text, found in zip(TEXTS, results, strict=True))
    # Same partitions: each partition has one result per text it had.
    assert quotes.npartitions == texts.npartitions
    sizes = texts.map_partitions(lambda part: [len(list(part))]).compute()
    assert quotes.map_partitions(lambda part: [len(list(part))]).compute() == sizes


@pytest.mark.model
def test_each_worker_loads_the_pipeline_once(client: Any) -> None:
    # Every test on the cluster asks for the same settings: one pipeline per worker in all.
    texts = dask_bag.from_sequence(TEXTS * 3, npartitions=8)
    first = extract_bag(texts, model=MODEL).compute()
    again = extract_bag(texts, model=MODEL).compute()
    assert first == again
    loads = client.run(pipeline_loads)
    assert loads == dict.fromkeys(client.scheduler_info()["workers"], 1)


@pytest.mark.model
@pytest.mark.usefixtures("client")
def test_a_failed_text_in_a_bag_can_stand_as_a_failure() -> None:
    texts = dask_bag.from_sequence([TEXTS[0], 42, TEXTS[1]], npartitions=1)
    first, failed, last = extract_bag(texts, model=MODEL, on_error="return").compute()
    assert [quote.text for quote in first] == ["The bridge opens in May,"]
    assert isinstance(failed, ExtractionFailure)
    assert (failed.index, failed.error_type) == (1, "TypeError")
    assert last == []


@pytest.mark.model
@pytest.mark.usefixtures("client")
def test_dataframe_rows_join_back_to_their_input_rows(local: QuoteExtractor) -> None:
    labels = [f"a{number}" for number in range(len(TEXTS) + 1)]
    articles = pd.DataFrame(
        {"body": [*TEXTS, None], "section": ["news"] * (len(TEXTS) + 1)},
        index=pd.Index(labels, name="article"),
    )
    ddf = dask_dataframe.from_pandas(articles, npartitions=3)
    quotes = extract_dataframe(ddf, text_column="body", model=MODEL)
    assert list(quotes.columns) == [ROW_COLUMN, *RECORD_COLUMNS]
    assert quotes.divisions == ddf.divisions
    frame = quotes.compute()
    assert frame.dtypes.equals(quote_frame_meta(ddf).dtypes)
    expected = [
        record
        for label, text in zip(labels, TEXTS, strict=False)
        for record in to_records(local(text), row=label)
    ]
    assert plain(frame) == expected
    assert list(frame.index) == list(frame[ROW_COLUMN])
    joined = frame.join(articles, how="left")
    assert (joined["section"] == "news").all()
    for row in joined.itertuples():
        assert row.body[row.start : row.end] == row.text


# -- in this process ---------------------------------------------------------------------


@pytest.mark.model
def test_a_partition_gives_no_rows_for_missing_texts(local: QuoteExtractor) -> None:
    partition = pd.DataFrame({"text": [None, float("nan"), TEXTS[0]]}, index=[7, 8, 9])
    frame = extract_partition(partition, model=MODEL)
    assert list(frame[ROW_COLUMN]) == [9]
    assert plain(frame) == to_records(local(TEXTS[0]), row=9)


@pytest.mark.model
@pytest.mark.usefixtures("local")  # for its skip when the pipeline is not installed
def test_a_text_that_is_no_str_is_named_by_its_row_or_skipped() -> None:
    partition = pd.DataFrame({"text": [TEXTS[0], b"bytes"]}, index=["ok", "bad"])
    with pytest.raises(TypeError, match="'text' of row 'bad' is a bytes"):
        extract_partition(partition, model=MODEL)
    frame = extract_partition(partition, model=MODEL, on_error="skip")
    assert list(frame[ROW_COLUMN]) == ["ok"]


def test_an_empty_partition_gives_an_empty_typed_frame() -> None:
    partition = pd.DataFrame({"text": pd.Series([], dtype=object)})
    frame = extract_partition(partition, model="a pipeline never loaded")
    assert frame.empty
    assert frame.dtypes.equals(quote_frame_meta(partition).dtypes)


def test_the_meta_has_the_row_column_then_the_record_columns() -> None:
    articles = pd.DataFrame({"text": ["x"]}, index=pd.Index([5], name="doc"))
    meta = quote_frame_meta(articles)
    assert list(meta.columns) == [ROW_COLUMN, *RECORD_COLUMNS]
    assert meta.empty
    assert meta.index.name == "doc"
    assert meta[ROW_COLUMN].dtype == articles.index.dtype
    assert meta["start"].dtype == "int64"
    assert meta["speaker_start"].dtype == "Int64"
    assert meta["confidence"].dtype == "Float64"


# -- the cache, with a stand-in for the extractor ---------------------------------------


class FakeExtractor:
    """Records how it was built, instead of loading a pipeline."""

    def __init__(self, nlp: object, **options: object) -> None:
        self.nlp = nlp
        self.options = options


def cached(model: str | Path, **settings: Any) -> object:
    """What ``worker_extractor`` returns, typed as the stand-in it is here."""
    return worker_extractor(model, **settings)


def test_the_cache_loads_once_per_model_kinds_and_parse(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(quoteattr.dask, "QuoteExtractor", FakeExtractor)
    monkeypatch.setattr(quoteattr.dask, "_CACHE", quoteattr.dask._ExtractorCache())
    relevant = cached("en_x", kinds=["direct", "partial"], parse="relevant")
    assert isinstance(relevant, FakeExtractor)
    assert relevant.nlp == "en_x"
    assert relevant.options == {
        "kinds": frozenset({QuoteKind.DIRECT, QuoteKind.PARTIAL}),
        "parse": ParseMode.RELEVANT,
    }
    # The same settings however they are spelled: the same extractor, not loaded again.
    assert cached("en_x", kinds={QuoteKind.PARTIAL, "Direct"}, parse="RELEVANT") is relevant
    assert cached(Path("en_x"), kinds=("partial", "direct"), parse="relevant") is relevant
    assert pipeline_loads() == 1
    # Any other model, kinds or mode is a pipeline of its own.
    others = [cached("en_x"), cached("en_y", parse="relevant"), cached("en_x", kinds="direct")]
    assert len({id(extractor) for extractor in [relevant, *others]}) == 4
    assert pipeline_loads() == 4


# -- mistakes, caught on the client before any task runs ---------------------------------


def test_a_loaded_pipeline_is_refused_in_favour_of_its_name() -> None:
    texts = dask_bag.from_sequence(["x"])
    with pytest.raises(TypeError, match="model='en_core_web_sm'"):
        extract_bag(texts, model=spacy.blank("en"))  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("options", "message"),
    [
        ({"kinds": "quips"}, "unknown quote kind"),
        ({"parse": "some"}, "parse must be"),
        ({"on_error": "skip"}, "on_error must be"),
    ],
)
def test_a_bag_with_bad_settings_fails_at_once(options: dict[str, Any], message: str) -> None:
    texts = dask_bag.from_sequence(["x"])
    with pytest.raises(ValueError, match=message):
        extract_bag(texts, model=MODEL, **options)


def test_a_dataframe_without_the_text_column_fails_at_once() -> None:
    ddf = dask_dataframe.from_pandas(pd.DataFrame({"body": ["x"]}), npartitions=1)
    with pytest.raises(KeyError, match="no column 'text'"):
        extract_dataframe(ddf, model=MODEL)
    with pytest.raises(ValueError, match="on_error must be"):
        extract_dataframe(ddf, text_column="body", on_error="return")  # type: ignore[arg-type]


def test_importing_without_dask_says_what_to_install(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(sys.modules, "dask.bag", None)
    monkeypatch.delitem(sys.modules, "quoteattr.dask")
    with pytest.raises(ImportError, match=r"pip install 'quoteattr\[dask\]'"):
        importlib.import_module("quoteattr.dask")
