"""The text a picture shows and its quotes: those given, checked to fit, or those found."""

from __future__ import annotations

from typing import TYPE_CHECKING

from quoteattr._text import plain_str

if TYPE_CHECKING:
    from collections.abc import Iterable

    from spacy.tokens import Doc

    from quoteattr._types import Quote


def text_and_quotes(
    text_or_doc: str | Doc, quotes: Iterable[Quote] | None
) -> tuple[str, Iterable[Quote]]:
    """The text to show, and its quotes: those given, or those found in it."""
    if isinstance(text_or_doc, str):
        text = plain_str(text_or_doc)  # a str subclass is shown (and parsed) as its characters
        if quotes is not None:
            return text, quotes
        from quoteattr._shared_extractors import extract_quotes  # noqa: PLC0415 - loads the rules

        return text, extract_quotes(text)
    doc = _require_doc(text_or_doc)
    text = doc.text  # spaCy rebuilds it on every access
    return text, (_quotes_in_doc(doc, text) if quotes is None else quotes)


def _require_doc(value: object) -> Doc:
    """*value* if it is a spaCy Doc; else a TypeError that says what render takes."""
    from spacy.tokens import Doc  # noqa: PLC0415 - spaCy loads only for a Doc

    if not isinstance(value, Doc):
        msg = f"render() needs a str or a spacy.tokens.Doc, not {type(value).__name__}"
        raise TypeError(msg)
    return value


def _quotes_in_doc(doc: Doc, text: str) -> list[Quote]:
    """The quotes of a parsed *doc*, as ``QuoteExtractor.from_doc`` finds them.

    No extractor is at hand (a Doc does not hold its pipeline), so the parse is read as
    it is: the label scheme and entity recognition are told from the Doc itself.
    """
    # The extraction code is imported on use only, as spaCy is.
    from quoteattr._extractor import attribute_doc  # noqa: PLC0415
    from quoteattr._marks import find_quote_marks  # noqa: PLC0415
    from quoteattr._reported import may_report  # noqa: PLC0415
    from quoteattr.errors import MissingParseError  # noqa: PLC0415
    from quoteattr.lang import profile_for  # noqa: PLC0415

    profile = profile_for(doc.lang_)
    # As the extractor does: an unclosed or empty pair of marks is not reported as a quote.
    marks = [
        mark
        for mark in find_quote_marks(text, conventions=profile.quotes)
        if mark.closed and mark.text.strip()
    ]
    if not marks and not may_report(text, profile):
        return []
    if not doc.has_annotation("DEP"):
        msg = (
            "The Doc has no dependency parse, so its quotes cannot be found; parse it with a "
            "pipeline that has a parser, or pass the quotes to render()."
        )
        raise MissingParseError(msg)
    return attribute_doc(doc, marks, source=text)


def checked(text: str, quotes: Iterable[Quote]) -> list[Quote]:
    """*quotes* in text order, each checked to fit *text* (and its speaker and cue too)."""
    ordered = sorted(quotes, key=lambda quote: (quote.start, quote.end))
    for number, quote in enumerate(ordered, start=1):
        for part in (quote, quote.speaker, quote.cue):
            if part is None or (part.end <= len(text) and text[part.start : part.end] == part.text):
                continue
            what = f"quote {number}" if part is quote else f"the {type(part).__name__.lower()}"
            whose = "" if part is quote else f" of quote {number}"
            msg = (
                f"{what} ({part.text!r}){whose} is not at {part.start}:{part.end} of the "
                f"text; pass the quotes found in this very text"
            )
            raise ValueError(msg)
    return ordered
