"""``to_dataframe``: the records of one text or many as a typed pandas frame.

Hand-built quotes, so these run without a spaCy pipeline.
"""

from __future__ import annotations

import subprocess
import sys
from typing import TYPE_CHECKING

import pytest

from quoteattr import (
    RECORD_COLUMNS,
    AttributionMethod,
    Cue,
    ExtractionFailure,
    Quote,
    QuoteKind,
    Speaker,
    SpeakerKind,
    to_dataframe,
    to_records,
)

if TYPE_CHECKING:
    from pandas import DataFrame

pd = pytest.importorskip("pandas")

FERRY = '"The ferry runs again in June," harbour master Lise Moen said.'
NICKNAME = 'Locals call the old footbridge "the Needle" for its shape.'

# The promised dtypes of the record columns (every other one is "string").
NUMBER_DTYPES = {
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


def span(text: str, part: str) -> tuple[int, int]:
    start = text.index(part)
    return start, start + len(part)


def attributed_quote() -> Quote:
    content, mention = "The ferry runs again in June,", "harbour master Lise Moen"
    return Quote(
        content,
        *span(FERRY, content),
        QuoteKind.DIRECT,
        Speaker(mention, *span(FERRY, mention), name="Lise Moen", kind=SpeakerKind.PERSON),
        Cue("said", *span(FERRY, "said"), lemma="say"),
        AttributionMethod.CUE_AFTER,
        0.95,
    )


def unattributed_quote() -> Quote:
    return Quote("the Needle", *span(NICKNAME, "the Needle"), QuoteKind.PARTIAL)


def plain_rows(frame: DataFrame) -> list[dict[str, object]]:
    """The frame's rows as dicts of Python values, ``<NA>`` as ``None``."""
    return [
        {name: None if value is pd.NA else value for name, value in row.items()}
        for row in frame.astype(object).to_dict("records")
    ]


def assert_record_dtypes(frame: DataFrame) -> None:
    for name in RECORD_COLUMNS:
        expected = NUMBER_DTYPES.get(name, pd.StringDtype())
        assert frame[name].dtype == expected, name


def test_one_text_gives_the_records_of_to_records() -> None:
    """Without id_column, the rows and columns are to_records' for the same quotes."""
    quotes = [attributed_quote(), unattributed_quote()]
    frame = to_dataframe(quotes, source="wire")
    assert list(frame.columns) == ["source", *RECORD_COLUMNS]
    assert plain_rows(frame) == to_records(quotes, source="wire")
    assert isinstance(frame.index, pd.RangeIndex)


def test_columns_keep_their_dtypes_when_a_quote_lacks_a_speaker() -> None:
    """Missing speaker and cue offsets are <NA> in Int64 columns, not floats or objects."""
    frame = to_dataframe([unattributed_quote()])
    assert_record_dtypes(frame)
    assert frame["speaker_start"].isna().all()
    assert frame["confidence"].isna().all()


def test_no_quotes_give_an_empty_frame_with_every_typed_column() -> None:
    """An empty list of quotes is an empty frame with the same columns and dtypes."""
    frame = to_dataframe([], source="wire")
    assert list(frame.columns) == ["source", *RECORD_COLUMNS]
    assert len(frame) == 0
    assert_record_dtypes(frame)
    assert frame["source"].dtype == pd.StringDtype()


def test_many_texts_put_their_ids_first() -> None:
    """(doc_id, quotes) pairs give an id column, then extras; quote_index restarts per text."""
    pairs = [("a1", [attributed_quote(), unattributed_quote()]), ("a2", []), ("a3", [])]
    pairs.append(("a4", [unattributed_quote()]))
    frame = to_dataframe(pairs, id_column="doc_id", source="wire")
    assert list(frame.columns) == ["doc_id", "source", *RECORD_COLUMNS]
    assert list(frame["doc_id"]) == ["a1", "a1", "a4"]
    assert list(frame["quote_index"]) == [0, 1, 0]
    assert frame["doc_id"].dtype == pd.StringDtype()
    assert_record_dtypes(frame)


def test_a_mapping_of_texts_is_the_same_as_its_items() -> None:
    """{doc_id: quotes} reads as its (doc_id, quotes) items."""
    documents = {"a1": [attributed_quote()], "a2": [unattributed_quote()]}
    by_mapping = to_dataframe(documents, id_column="doc_id")
    by_pairs = to_dataframe(documents.items(), id_column="doc_id")
    pd.testing.assert_frame_equal(by_mapping, by_pairs)


def test_integer_ids_are_nullable_integers() -> None:
    """enumerate(extractor.pipe(texts)) numbers the texts; the id column is Int64."""
    frame = to_dataframe(enumerate([[unattributed_quote()], [attributed_quote()]]), id_column="n")
    assert frame["n"].dtype == "Int64"
    assert list(frame["n"]) == [0, 1]


def test_ids_of_texts_without_quotes_still_type_the_id_column() -> None:
    """Texts that all lack quotes give no rows, but their ids still say the column's dtype."""
    frame = to_dataframe([("a1", []), ("a2", [])], id_column="doc_id")
    assert len(frame) == 0
    assert frame["doc_id"].dtype == pd.StringDtype()


def test_no_texts_at_all_give_an_empty_frame_with_the_id_column() -> None:
    frame = to_dataframe([], id_column="doc_id")
    assert list(frame.columns) == ["doc_id", *RECORD_COLUMNS]
    assert_record_dtypes(frame)


def test_pairs_without_id_column_are_refused_with_a_hint() -> None:
    """Many texts need id_column; the error says so."""
    with pytest.raises(TypeError, match="id_column"):
        to_dataframe([("a1", [attributed_quote()])])  # type: ignore[list-item]
    with pytest.raises(TypeError, match="id_column"):
        to_dataframe({"a1": [attributed_quote()]})  # type: ignore[dict-item]


def test_lists_of_quotes_with_id_column_are_refused_with_a_hint() -> None:
    """extractor.pipe's lists are no (doc_id, quotes) pairs, even a list of two quotes."""
    pipe_output = [[attributed_quote(), unattributed_quote()]]
    with pytest.raises(TypeError, match=r"zip\(ids"):
        to_dataframe(pipe_output, id_column="doc_id")  # type: ignore[arg-type]
    with pytest.raises(TypeError, match="not str"):
        to_dataframe("a1", id_column="doc_id")  # type: ignore[arg-type]


def test_a_failure_in_place_of_quotes_names_its_text() -> None:
    """An ExtractionFailure (pipe's on_error="return") is a TypeError naming the text's id."""
    failure = ExtractionFailure(index=1, error_type="TypeError", message="not a str")
    pairs = [("a1", []), ("a2", failure)]
    with pytest.raises(TypeError, match=r"'a2'.*ExtractionFailure"):
        to_dataframe(pairs, id_column="doc_id")  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("id_column", "extra"),
    [("kind", {}), ("doc_id", {"doc_id": "x"}), ("doc_id", {"start": 0})],
)
def test_clashing_column_names_are_refused_even_without_quotes(
    id_column: str, extra: dict[str, object]
) -> None:
    """An id or extra column named like a record column, or like each other, is a ValueError."""
    with pytest.raises(ValueError, match="choose"):
        to_dataframe([], id_column=id_column, **extra)


def test_missing_pandas_is_an_import_error_naming_the_extra(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """Without pandas, the error says which extra to install."""
    monkeypatch.setitem(sys.modules, "pandas", None)
    with pytest.raises(ImportError, match=r"quoteattr\[pandas\]"):
        to_dataframe([attributed_quote()])


def test_import_does_not_load_pandas() -> None:
    """import quoteattr stays cheap: pandas loads on the first to_dataframe call."""
    code = "import sys, quoteattr; print('pandas' in sys.modules)"
    out = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    ).stdout
    assert out.strip() == "False"
