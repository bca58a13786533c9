"""The fuzz corpus: adversarial snippets through the mark layer and the extractor.

Each file of ``tests/fuzz/`` is one snippet (see its README); ``expected.json`` gives what a
snippet must give. Every snippet must keep the invariants the property tests check; where the
answer is clear, the expectations pin it exactly. Snippets that cannot be stored as UTF-8 (lone
surrogates) are Python literals here. A snippet whose expectation names a ``bug`` fails today:
it is a strict xfail, so fixing the bug turns it into a failure that says to drop the ``bug``.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import TYPE_CHECKING, Any

import pytest

from quoteattr import QuoteExtractor
from quoteattr._types import MARKED_KINDS
from test_extract_properties import (
    assert_marks_are_quotes,
    assert_ordered_and_disjoint,
    assert_slices_back,
    extractable,
)
from test_marks_properties import assert_mark_invariants, depth

if TYPE_CHECKING:
    from quoteattr import Quote

CORPUS = Path(__file__).parent / "fuzz"
EXPECTED: dict[str, dict[str, Any]] = json.loads(
    (CORPUS / "expected.json").read_text(encoding="utf-8")
)
#: Lone surrogates are valid in a str but cannot be written as UTF-8, so they live here.
SURROGATE_SNIPPETS: dict[str, str] = {
    "<lone high surrogate in a quote>": '"It is done \ud800," Okafor said.',
    "<lone low surrogates beside the marks>": '\udfff"quoted"\udc00 she said.',
    "<both halves of a surrogate pair, as two characters>": "\u201c\ud83d\ude00,\u201d he said.",
    "<only a lone surrogate>": "\ud800",
    "<surrogates as the whole quote>": 'She said "\udc00\ud800" twice.',
}
SURROGATE_EXPECTED: dict[str, dict[str, Any]] = {
    "<lone high surrogate in a quote>": {"quotes": 1, "marks": [["It is done \ud800,", True]]},
    "<lone low surrogates beside the marks>": {"quotes": 1, "marks": [["quoted", True]]},
    "<both halves of a surrogate pair, as two characters>": {
        "quotes": 1,
        "marks": [["\ud83d\ude00,", True]],
    },
    "<only a lone surrogate>": {"quotes": 0, "marks": []},
    "<surrogates as the whole quote>": {"quotes": 1, "marks": [["\udc00\ud800", True]]},
}


def read(name: str) -> str:
    """The snippet *name*, byte for byte (no line-ending translation)."""
    if name in SURROGATE_SNIPPETS:
        return SURROGATE_SNIPPETS[name]
    return (CORPUS / name).read_bytes().decode("utf-8")


def expectation(name: str) -> dict[str, Any]:
    return SURROGATE_EXPECTED[name] if name in SURROGATE_SNIPPETS else EXPECTED[name]


def snippets() -> list[Any]:
    """Every snippet's name, a known bug's snippet marked as a strict xfail."""
    names = sorted(path.name for path in CORPUS.glob("*.txt")) + list(SURROGATE_SNIPPETS)
    params = []
    for name in names:
        bug = expectation(name).get("bug")
        marks = [pytest.mark.xfail(strict=True, reason=f"bug: {bug}")] if bug else []
        params.append(pytest.param(name, marks=marks, id=name))
    return params


def test_every_snippet_has_an_expectation_and_every_expectation_a_snippet() -> None:
    """The corpus and expected.json name the same files."""
    assert {path.name for path in CORPUS.glob("*.txt")} == set(EXPECTED)


def test_every_snippet_is_utf8_without_a_byte_order_mark() -> None:
    """The files decode as UTF-8 and start with their own text."""
    for path in CORPUS.glob("*.txt"):
        data = path.read_bytes()
        assert not data.startswith(b"\xef\xbb\xbf"), path.name
        data.decode("utf-8")


@pytest.mark.parametrize("name", snippets())
def test_marks_keep_the_invariants_and_the_expectations(name: str) -> None:
    """Spans slice back, nest and never overlap; they are the expected ones where given."""
    text = read(name)
    spans = assert_mark_invariants(text)
    expected = expectation(name)
    if "marks" in expected:
        assert [[span.text, span.closed] for span in spans] == expected["marks"]
    if "paragraphs" in expected:
        assert [span.paragraphs for span in spans] == expected["paragraphs"]
    if "lengths" in expected:
        assert [len(span.text) for span in spans] == expected["lengths"]
    if "depth" in expected:
        assert depth(spans) == expected["depth"]
    assert len(extractable(text)) == expected["quotes"]


def assert_quote_invariants(text: str, quotes: list[Quote]) -> None:
    for quote in quotes:
        assert_slices_back(text, quote)
    assert_ordered_and_disjoint(quotes)
    assert_marks_are_quotes(text, quotes)


@pytest.mark.model
@pytest.mark.parametrize("name", snippets())
def test_the_extractor_keeps_the_invariants_and_the_expectations(
    extractor: QuoteExtractor, name: str
) -> None:
    """Quotes slice back and never overlap; the quotes in marks are the expected ones."""
    text = read(name)
    quotes = extractor(text)
    assert_quote_invariants(text, quotes)
    if "speakers" in expectation(name):
        speakers = [None if q.speaker is None else q.speaker.text for q in quotes]
        assert speakers == expectation(name)["speakers"]
    assert extractor(text) == quotes
    assert list(extractor.pipe([text, text], batch_size=2)) == [quotes, quotes]
    marks_only = QuoteExtractor(extractor.nlp, kinds=MARKED_KINDS)(text)
    assert_quote_invariants(text, marks_only)
    assert len(marks_only) == expectation(name)["quotes"]
    assert {quote.kind for quote in marks_only} <= MARKED_KINDS
