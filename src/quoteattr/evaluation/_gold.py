"""The gold: documents and their annotated attributions, as evaluation scores against them."""

from __future__ import annotations

from typing import TYPE_CHECKING

import attrs

from quoteattr.errors import QuoteAttrError

if TYPE_CHECKING:
    from collections.abc import Iterable

__all__ = ["GoldAttribution", "GoldDataError", "GoldDocument", "Span"]

#: A half-open character range ``(start, end)`` into a document's text.
Span = tuple[int, int]


class GoldDataError(QuoteAttrError, ValueError):
    """Gold annotations cannot be read: nothing found, bad offsets or a dangling reference."""


def sorted_spans(values: Iterable[Iterable[int]]) -> tuple[Span, ...]:
    """Fragments as sorted ``(start, end)`` tuples, each once."""
    spans = {_span(value) for value in values}
    return tuple(sorted(spans))


def _span(value: Iterable[int]) -> Span:
    start, end = value
    return (start, end)


def _optional_spans(values: Iterable[Iterable[int]] | None) -> tuple[Span, ...] | None:
    return None if values is None else sorted_spans(values)


def _check_fragments(_instance: object, _attribute: object, value: tuple[Span, ...]) -> None:
    for start, end in value:
        if not 0 <= start <= end:
            raise ValueError(f"the fragment {start}-{end} is not a character range")


def _check_content(instance: object, attribute: object, value: tuple[Span, ...]) -> None:
    if not value:
        raise ValueError("an attribution needs at least one content fragment")
    _check_fragments(instance, attribute, value)


_OPTIONAL_FRAGMENTS = attrs.validators.optional(_check_fragments)


@attrs.frozen
class GoldAttribution:
    """One annotated attribution: what was said, by whom, with which cue.

    Each part is a tuple of sorted ``(start, end)`` fragments into the document's text
    (a content given in pieces, ``"A," he said. "B."``, has several). ``source`` and ``cue``
    are ``None`` when the annotation has none (PolNeAR's ``Attribution-no-source``).
    """

    #: The content's fragments: the union of the event's ``Content`` and ``Content2`` roles.
    content: tuple[Span, ...] = attrs.field(converter=sorted_spans, validator=_check_content)
    #: The source's fragments (who), or ``None``.
    source: tuple[Span, ...] | None = attrs.field(
        default=None, converter=_optional_spans, validator=_OPTIONAL_FRAGMENTS
    )
    #: The cue's fragments (the reporting words), or ``None``.
    cue: tuple[Span, ...] | None = attrs.field(
        default=None, converter=_optional_spans, validator=_OPTIONAL_FRAGMENTS
    )
    #: Whether the content is a direct quotation (see :func:`is_direct`).
    direct: bool = False
    #: The cue's words: its fragments' text joined by one space, as brat stores it
    #: (``"according to"``, ``"told"``), or ``None`` when there is no cue or it was not
    #: given. Filled by the loader; the ``indirect_speech`` subset reads it.
    cue_text: str | None = attrs.field(
        default=None, validator=attrs.validators.optional(attrs.validators.instance_of(str))
    )


def _attributions(values: Iterable[GoldAttribution]) -> tuple[GoldAttribution, ...]:
    return tuple(values)


@attrs.frozen
class GoldDocument:
    """A text and its gold attributions, in the order of the annotation file."""

    #: The text file's name without its extension.
    name: str
    #: The text, as the offsets count it.
    text: str = attrs.field(repr=False)
    attributions: tuple[GoldAttribution, ...] = attrs.field(converter=_attributions)
