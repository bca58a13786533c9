"""Wrong inputs at every entry point: a TypeError naming the type, never a crash further in.

tests/test_api.py covers ``extract_quotes`` with None, an int, bytes and a list, and a blank
pipeline given to ``QuoteExtractor``; tests/test_marks.py covers ``find_quote_marks`` with
bytes, None and an int; tests/test_pipe.py covers the stream's policies with a fake
extractor. This module covers the rest: the other types (bytearray, floats, NaN, pandas NA),
the extractor's own call and stream, ``to_records``, blank texts, and pipelines that cannot
parse. It also covers subclasses of str (``numpy.str_``, a user's own), which are texts like
any other, and kinds given as bytes.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING, Any, NoReturn, SupportsIndex

import pytest
import spacy
import spacy.util

from quoteattr import (
    ExtractionFailure,
    MissingComponentError,
    Quote,
    QuoteAttrError,
    QuoteExtractor,
    QuoteKind,
    extract_quotes,
    find_quote_marks,
    render,
    to_records,
)
from quoteattr._marks import paragraph_spans
from quoteattr.component import QuoteComponent

if TYPE_CHECKING:
    from collections.abc import Callable, Iterator

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


# Subclasses of str: texts all the same, read as the plain str of their characters

#: Quotes in marks and reported speech, over two paragraphs.
ARTICLE = (
    '"The ferry will sail again in June," Captain Ilse Varga told the island council.\n'
    "Varga said that the new engines had passed every test."
)
#: The pipelines with a parser whose schemes differ (OntoNotes-style, Universal Dependencies).
PIPELINES = ["en_core_web_sm", "en_ud_sm"]


class GuardedStr(str):
    """A str subclass whose own methods fail, to prove only its characters are read."""

    __slots__ = ()

    def __str__(self) -> NoReturn:
        raise AssertionError("str() of the caller's subclass was called")

    def __getitem__(self, key: SupportsIndex | slice, /) -> NoReturn:
        raise AssertionError(f"the caller's subclass was indexed with {key!r}")

    def __iter__(self) -> Iterator[str]:
        raise AssertionError("the caller's subclass was iterated")


def numpy_str(text: str) -> str:
    """*text* as a ``numpy.str_``, what ``df["text"].to_numpy()`` holds."""
    subclass: str = pytest.importorskip("numpy").str_(text)
    return subclass


STR_SUBCLASSES = [
    pytest.param(numpy_str, id="numpy.str_"),
    pytest.param(GuardedStr, id="own-subclass"),
]


@pytest.fixture(scope="module", params=PIPELINES)
def pipeline_extractor(request: pytest.FixtureRequest) -> QuoteExtractor:
    """An extractor on each pipeline of PIPELINES that is installed."""
    name: str = request.param
    if not spacy.util.is_package(name):
        pytest.skip(f"the spaCy pipeline {name} is not installed")
    return QuoteExtractor(name)


def assert_plain_results(quotes: list[Quote], text: str) -> None:
    """Every text in *quotes* is an exact str that its offsets slice out of *text*."""
    for quote in quotes:
        spans = [quote, quote.speaker, quote.cue]
        for found in (span for span in spans if span is not None):
            assert type(found.text) is str
            assert text[found.start : found.end] == found.text


@pytest.mark.model
@pytest.mark.parametrize("make", STR_SUBCLASSES)
def test_the_extractor_reads_a_str_subclass_as_its_characters(
    pipeline_extractor: QuoteExtractor, make: Callable[[str], str]
) -> None:
    """QuoteExtractor and extract_quotes give a subclass the quotes of the same plain str."""
    expected = pipeline_extractor(ARTICLE)
    assert expected, "the article must hold quotes for the comparison to mean anything"
    quotes = pipeline_extractor(make(ARTICLE))
    assert quotes == expected
    assert_plain_results(quotes, ARTICLE)
    assert extract_quotes(make(ARTICLE), nlp=pipeline_extractor.nlp) == expected


@pytest.mark.model
@pytest.mark.parametrize("make", STR_SUBCLASSES)
def test_pipe_reads_str_subclasses_in_every_mode(
    pipeline_extractor: QuoteExtractor, make: Callable[[str], str]
) -> None:
    """pipe, with as_tuples and with worker processes, fails no subclass item."""
    expected = pipeline_extractor(ARTICLE)
    texts = [make(ARTICLE), make(TEXT), ARTICLE]
    wanted = [expected, pipeline_extractor(TEXT), expected]
    assert list(pipeline_extractor.pipe(texts, batch_size=2)) == wanted
    pairs = pipeline_extractor.pipe([(text, n) for n, text in enumerate(texts)], as_tuples=True)
    assert list(pairs) == [(quotes, n) for n, quotes in enumerate(wanted)]
    in_workers = list(pipeline_extractor.pipe(texts, batch_size=1, n_process=2))
    assert in_workers == wanted
    assert_plain_results(in_workers[0], ARTICLE)


@pytest.mark.parametrize("make", STR_SUBCLASSES)
def test_find_quote_marks_reads_a_str_subclass_as_its_characters(
    make: Callable[[str], str],
) -> None:
    """find_quote_marks and paragraph_spans answer as for the plain str, with plain texts."""
    marks = find_quote_marks(make(ARTICLE))
    assert marks == find_quote_marks(ARTICLE)
    assert all(type(mark.text) is str for mark in marks)
    assert paragraph_spans(make(ARTICLE)) == paragraph_spans(ARTICLE)


@pytest.mark.parametrize("make", STR_SUBCLASSES)
def test_render_shows_a_str_subclass_as_its_characters(make: Callable[[str], str]) -> None:
    """render() of a subclass is the page of the plain str."""
    quote = Quote(text="The ferry will sail again in June,", start=1, end=35, kind=QuoteKind.DIRECT)
    assert render(make(ARTICLE), [quote]) == render(ARTICLE, [quote])


@pytest.mark.model
def test_kind_names_may_be_str_subclasses(pipeline_extractor: QuoteExtractor) -> None:
    """A kind named by a numpy.str_ or a user's subclass is that kind."""
    names = [numpy_str(" Direct"), GuardedStr("partial")]
    chosen = QuoteExtractor(pipeline_extractor.nlp, kinds=names).kinds
    assert chosen == {QuoteKind.DIRECT, QuoteKind.PARTIAL}


# Kinds as bytes: refused whole, as bytes, rather than as the ints they hold

BYTES_KINDS = [
    pytest.param(b"direct", "bytes", id="bytes"),
    pytest.param(bytearray(b"direct"), "bytearray", id="bytearray"),
    pytest.param(memoryview(b"direct"), "memoryview", id="memoryview"),
    pytest.param([b"direct", b"partial"], "bytes", id="list-of-bytes"),
]


@pytest.mark.parametrize(("kinds", "name"), BYTES_KINDS)
def test_bytes_kinds_are_refused_with_advice_to_decode(kinds: object, name: str) -> None:
    """extract_quotes and QuoteExtractor name the bytes type and say to decode, before loading."""
    expected = rf"kinds must be QuoteKind values or their names, not {name}; decode it first"
    with pytest.raises(TypeError, match=expected):
        extract_quotes(TEXT, nlp="no_such_pipeline_xyz", kinds=kinds)  # type: ignore[arg-type]
    with pytest.raises(TypeError, match=expected):
        QuoteExtractor("no_such_pipeline_xyz", kinds=kinds)  # type: ignore[arg-type]


@pytest.mark.model
@pytest.mark.parametrize(("kinds", "name"), BYTES_KINDS)
def test_the_component_refuses_bytes_kinds_alike(
    extractor: QuoteExtractor, kinds: object, name: str
) -> None:
    """The spaCy component's kinds go through the same check."""
    with pytest.raises(TypeError, match=rf"not {name}; decode it first"):
        QuoteComponent(extractor.nlp, kinds=kinds)  # type: ignore[arg-type]
