"""Wrong inputs at every entry point: a TypeError naming the type, never a crash further in.

tests/test_api.py covers ``extract_quotes`` with None, an int, bytes and a list, and a blank
pipeline given to ``QuoteExtractor``; tests/test_marks.py covers ``find_quote_marks`` with
bytes, None and an int; tests/test_pipe.py covers the stream's policies with a fake
extractor. This module covers the rest: the other types (bytearray, floats, NaN, pandas NA),
the extractor's own call and stream, ``to_records``, blank texts, and pipelines that cannot
parse.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING, Any

import pytest
import spacy

from quoteattr import (
    ExtractionFailure,
    MissingComponentError,
    Quote,
    QuoteAttrError,
    QuoteExtractor,
    QuoteKind,
    extract_quotes,
    find_quote_marks,
    to_records,
)
from quoteattr._marks import paragraph_spans

if TYPE_CHECKING:
    from collections.abc import Callable

    from spacy.language import Language

TEXT = '"We will rebuild the pier," Mayor Hana Okafor said on Tuesday.'


def pandas_na() -> object:
    return pytest.importorskip("pandas").NA


def numpy_nan() -> object:
    return pytest.importorskip("numpy").float64("nan")


#: Things that are not a str, as factories (pandas and numpy are optional), with the name
#: of their type that an error must give.
NOT_TEXT: list[Any] = [
    pytest.param(lambda: None, "NoneType", id="None"),
    pytest.param(TEXT.encode, "bytes", id="bytes"),
    pytest.param(lambda: bytearray(TEXT.encode()), "bytearray", id="bytearray"),
    pytest.param(lambda: 42, "int", id="int"),
    pytest.param(lambda: 4.2, "float", id="float"),
    pytest.param(lambda: float("nan"), "float", id="nan"),
    pytest.param(lambda: [TEXT], "list", id="list"),
    pytest.param(numpy_nan, "float64", id="numpy-nan"),
    pytest.param(pandas_na, "NAType", id="pandas-NA"),
]
#: The types tests/test_api.py already gives extract_quotes.
COVERED_BY_TEST_API = {"None", "bytes", "int", "list"}
BLANK_TEXTS = [
    "",
    " ",
    "\t\n",
    "\r\n\r\n",
    "\N{LINE SEPARATOR}\N{PARAGRAPH SEPARATOR}",
    "\N{NO-BREAK SPACE}\N{IDEOGRAPHIC SPACE}\N{EM SPACE}",
    "\x0b\x0c\x1c\x1d\x1e\x85",
]


def names_the_type(error: pytest.ExceptionInfo[TypeError], name: str, value: object) -> None:
    """The message names the type as a word, and says to decode bytes."""
    message = str(error.value)
    assert re.search(rf"\b{re.escape(name)}\b", message), message
    if isinstance(value, (bytes, bytearray)):
        assert "decode it first" in message, message


# extract_quotes and find_quote_marks: no pipeline needed, the type is checked first


@pytest.mark.parametrize(
    ("make", "name"),
    [param for param in NOT_TEXT if param.id not in COVERED_BY_TEST_API],
)
def test_extract_quotes_refuses_what_is_not_a_str(make: Callable[[], object], name: str) -> None:
    """bytearray, floats, NaN and pandas NA are a TypeError naming the type."""
    value = make()
    with pytest.raises(TypeError) as error:
        extract_quotes(value)  # type: ignore[arg-type]
    names_the_type(error, name, value)


@pytest.mark.parametrize(("make", "name"), NOT_TEXT)
def test_extract_quotes_checks_the_text_before_loading_a_pipeline(
    make: Callable[[], object], name: str
) -> None:
    """A wrong text is the error, not the pipeline that was never loaded."""
    value = make()
    with pytest.raises(TypeError) as error:
        extract_quotes(value, nlp="no_such_pipeline_xyz")  # type: ignore[arg-type]
    names_the_type(error, name, value)


@pytest.mark.parametrize(
    ("make", "name"),
    [param for param in NOT_TEXT if param.id not in {"None", "bytes", "int"}],
)
def test_find_quote_marks_refuses_what_is_not_a_str(make: Callable[[], object], name: str) -> None:
    """find_quote_marks and paragraph_spans name the type (bytes-likes: how to decode)."""
    value = make()
    for function in (find_quote_marks, paragraph_spans):
        with pytest.raises(TypeError) as error:
            function(value)  # type: ignore[arg-type]
        names_the_type(error, name, value)


def test_find_quote_marks_says_to_decode_a_memoryview() -> None:
    """A memoryview is bytes too."""
    with pytest.raises(TypeError, match=r"got memoryview: decode it first"):
        find_quote_marks(memoryview(TEXT.encode()))  # type: ignore[arg-type]


@pytest.mark.parametrize("text", BLANK_TEXTS)
def test_blank_text_has_no_marks(text: str) -> None:
    """Empty and whitespace-only text, every kind of space and break, gives no spans."""
    assert find_quote_marks(text) == []
    assert paragraph_spans(text) == []


# The extractor: its call and its stream


@pytest.mark.model
@pytest.mark.parametrize(("make", "name"), NOT_TEXT)
def test_the_extractor_refuses_what_is_not_a_str(
    default_extractor: QuoteExtractor, make: Callable[[], object], name: str
) -> None:
    """QuoteExtractor.__call__ names the type (bytes-likes: how to decode)."""
    value = make()
    with pytest.raises(TypeError) as error:
        default_extractor(value)  # type: ignore[arg-type]
    names_the_type(error, name, value)


@pytest.mark.model
@pytest.mark.parametrize(("make", "name"), NOT_TEXT)
def test_pipe_raises_a_type_error_naming_the_type_and_the_item(
    default_extractor: QuoteExtractor, make: Callable[[], object], name: str
) -> None:
    """By default a wrong item stops the stream with a TypeError naming it and its position."""
    value = make()
    items: list[Any] = [TEXT, value]
    results = default_extractor.pipe(items)
    assert next(results) == default_extractor(TEXT)
    with pytest.raises(TypeError) as error:
        next(results)
    names_the_type(error, name, value)
    assert "(item 1)" in str(error.value)


@pytest.mark.model
@pytest.mark.parametrize(("make", "name"), NOT_TEXT)
def test_pipe_returns_a_failure_in_place_of_a_wrong_item(
    default_extractor: QuoteExtractor, make: Callable[[], object], name: str
) -> None:
    """on_error="return" yields a TypeError failure where the item was; the rest are quotes."""
    value = make()
    items: list[Any] = [TEXT, value, TEXT]
    results = list(default_extractor.pipe(items, on_error="return", batch_size=2))
    quotes = default_extractor(TEXT)
    assert results[0] == quotes
    assert results[2] == quotes
    failure = results[1]
    assert isinstance(failure, ExtractionFailure)
    assert (failure.index, failure.error_type) == (1, "TypeError")
    assert re.search(rf"\b{re.escape(name)}\b", failure.message), failure.message
    if isinstance(value, (bytes, bytearray)):
        assert "decode it first" in failure.message


@pytest.mark.model
@pytest.mark.parametrize(
    "texts",
    [
        pytest.param(TEXT, id="str"),
        pytest.param(TEXT.encode(), id="bytes"),
        pytest.param(bytearray(TEXT.encode()), id="bytearray"),
    ],
)
def test_pipe_refuses_a_single_text(default_extractor: QuoteExtractor, texts: object) -> None:
    """pipe() wants many texts: one text is refused at the call, not read letter by letter."""
    with pytest.raises(TypeError, match="call the extractor on it") as error:
        default_extractor.pipe(texts)  # type: ignore[call-overload]
    assert type(texts).__name__ in str(error.value)


@pytest.mark.model
@pytest.mark.parametrize(
    ("make", "name"),
    [param for param in NOT_TEXT if param.id not in {"bytes", "bytearray", "list"}],
)
def test_pipe_refuses_what_is_not_iterable_at_the_call(
    default_extractor: QuoteExtractor, make: Callable[[], object], name: str
) -> None:
    """None, a number or NA as the texts is a TypeError when pipe() is called."""
    with pytest.raises(TypeError, match=rf"texts must be an iterable of texts, not {name}$"):
        default_extractor.pipe(make())  # type: ignore[call-overload]


@pytest.mark.model
@pytest.mark.parametrize("text", BLANK_TEXTS)
def test_blank_text_gives_no_quotes_everywhere(
    default_extractor: QuoteExtractor, text: str
) -> None:
    """Empty and whitespace-only text gives [] from every entry point, and no failure."""
    assert default_extractor(text) == []
    assert extract_quotes(text, nlp=default_extractor.nlp) == []
    assert list(default_extractor.pipe([text, text], on_error="return")) == [[], []]
    assert default_extractor.from_doc(default_extractor.nlp(text)) == []


@pytest.mark.model
def test_blank_text_gives_no_quotes_from_the_default_pipeline() -> None:
    """extract_quotes with the default pipeline: empty and blank text give []."""
    assert extract_quotes("") == []
    assert extract_quotes(" \r\n\N{LINE SEPARATOR} ") == []


# to_records


@pytest.mark.parametrize(("make", "name"), [param for param in NOT_TEXT if param.id != "list"])
def test_to_records_refuses_what_is_not_an_iterable_of_quotes(
    make: Callable[[], object], name: str
) -> None:
    """None, bytes, numbers and NA are a TypeError naming the type."""
    with pytest.raises(
        TypeError, match=rf"quotes must be an iterable of Quote records, not {name}$"
    ):
        to_records(make())  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("quotes", "name"),
    [
        pytest.param([TEXT], "str", id="a list of texts"),
        pytest.param([[]], "list", id="pipe's lists of quotes"),
        pytest.param([None], "NoneType", id="a list holding None"),
        pytest.param([{"text": "x"}], "dict", id="a list of dicts"),
    ],
)
def test_to_records_refuses_items_that_are_not_quotes(quotes: list[object], name: str) -> None:
    """Each item must be a Quote: the error names the item's type and position."""
    with pytest.raises(TypeError, match=rf"not {name} \(item 0\)$"):
        to_records(quotes)  # type: ignore[arg-type]


def test_to_records_refuses_a_single_quote_and_a_text() -> None:
    """One Quote, or the text itself, is not the quotes of a text."""
    quote = Quote(text="x", start=0, end=1, kind=QuoteKind.DIRECT)
    with pytest.raises(TypeError, match=r"not Quote$"):
        to_records(quote)  # type: ignore[arg-type]
    with pytest.raises(TypeError, match=r"not str$"):
        to_records(TEXT)  # type: ignore[arg-type]


# Pipelines that cannot parse


@pytest.mark.parametrize(
    ("make", "components"),
    [
        pytest.param(lambda: spacy.blank("en"), "none", id="blank"),
        pytest.param(lambda: _with_pipes("sentencizer"), "sentencizer", id="sentencizer"),
    ],
)
@pytest.mark.parametrize("text", ["", TEXT])
def test_a_pipeline_without_a_parser_is_refused_by_extract_quotes(
    make: Callable[[], Language], components: str, text: str
) -> None:
    """extract_quotes(nlp=...) refuses it, even for a text that needs no parse."""
    with pytest.raises(MissingComponentError) as error:
        extract_quotes(text, nlp=make())
    message = str(error.value)
    assert "no dependency parser" in message
    assert f"(its components: {components})" in message
    assert "spacy download" in message
    assert isinstance(error.value, QuoteAttrError)
    assert isinstance(error.value, ValueError)


@pytest.mark.model
def test_a_pipeline_with_its_parser_disabled_is_refused(default_extractor: QuoteExtractor) -> None:
    """A disabled parser is no parser: the error names the components that remain."""
    name = default_extractor.nlp.meta["lang"] + "_" + default_extractor.nlp.meta["name"]
    nlp = spacy.load(name, disable=["parser"])
    assert "parser" not in nlp.pipe_names
    with pytest.raises(MissingComponentError, match="no dependency parser") as error:
        QuoteExtractor(nlp)
    assert f"(its components: {', '.join(nlp.pipe_names)})" in str(error.value)


def _with_pipes(*names: str) -> Language:
    nlp = spacy.blank("en")
    for name in names:
        nlp.add_pipe(name)
    return nlp
