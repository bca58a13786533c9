"""The text as HTML: escaped character for character, with an element around each mark.

A mark is a quote, a speaker mention or a cue, with its caption or its references.
"""

from __future__ import annotations

import html
import re
from typing import TYPE_CHECKING

import attrs

from quoteattr._types import Cue, Quote, Speaker

if TYPE_CHECKING:
    from quoteattr._render._colours import Colour, Colours


# What html.escape leaves that would still change the page's text: a carriage return
# (HTML turns CR LF into LF unless the CR is a character reference), NUL (dropped by the
# parser) and lone surrogates (no encoding can write them). Each becomes one character, so
# the page's text keeps the length, and the offsets, of the caller's.
_UNSAFE = re.compile("[\r\x00\ud800-\udfff]")
_REPLACEMENTS = {"\r": "&#13;", "\x00": "&#xFFFD;"}


def escape(text: str) -> str:
    """*text* as HTML text or attribute value, one character of page text per character."""
    escaped = html.escape(text)
    if _UNSAFE.search(escaped) is None:
        return escaped
    return _UNSAFE.sub(lambda found: _REPLACEMENTS.get(found.group(), "&#xFFFD;"), escaped)


# Where two marks cover the same range, the quote holds the speaker, which holds the cue.
QUOTE_LAYER, SPEAKER_LAYER, CUE_LAYER = 0, 1, 2


@attrs.frozen
class Mark:
    """An element to wrap around ``text[start:end]``, with what goes before and after it."""

    start: int
    end: int
    layer: int
    #: The opening tag, with its id, classes, colour and offsets.
    tag: str
    #: The opening tag of a later piece, when a crossing mark splits this one (no id).
    again: str
    #: A caption before the element, or references after it.
    before: str = ""
    after: str = ""


@attrs.define
class _Shared:
    """A speaker mention or a cue, and the numbers of the quotes that share it."""

    part: Speaker | Cue
    colour: Colour
    numbers: list[int] = attrs.Factory(list)


def marks_of(quotes: list[Quote], colours: Colours, prefix: str) -> list[Mark]:
    """A mark per quote, and one per speaker mention and per cue however many quotes share it.

    A quote that continues an earlier one shares its speaker's and its cue's offsets.
    """
    speakers: dict[tuple[int, int], _Shared] = {}
    cues: dict[tuple[int, int], _Shared] = {}
    for number, quote in enumerate(quotes, start=1):
        for part, shared in ((quote.speaker, speakers), (quote.cue, cues)):
            if part is not None:
                key = (part.start, part.end)
                shared.setdefault(key, _Shared(part, colours.of_quote(quote)))
                shared[key].numbers.append(number)
    speaker_ids = {span: index for index, span in enumerate(speakers)}
    marks = [
        _quote_mark(number, quote, colours.of_quote(quote), prefix, speaker_ids)
        for number, quote in enumerate(quotes, start=1)
    ]
    marks += [
        _part_mark(f"{prefix}-s{index}", shared, prefix)
        for index, shared in enumerate(speakers.values())
    ]
    marks += [
        _part_mark(f"{prefix}-c{index}", shared, prefix)
        for index, shared in enumerate(cues.values())
    ]
    return marks


def _quote_mark(
    number: int,
    quote: Quote,
    colour: Colour,
    prefix: str,
    speaker_ids: dict[tuple[int, int], int],
) -> Mark:
    speaker = quote.speaker
    classes = "qa-quote" if speaker is not None else "qa-quote qa-unattributed"
    entity = "" if speaker is None or speaker.entity_id is None else str(speaker.entity_id)
    data = (
        f'data-quote="{number}" data-kind="{quote.kind.value}" data-entity="{entity}" '
        f'data-start="{quote.start}" data-end="{quote.end}"'
    )
    tooltip = escape(_describe(number, quote))
    common = f'class="{classes}" style="{colour.style()}" {data}'
    tag = f'<span id="{prefix}-q{number}" {common} title="{tooltip}">'
    caption = escape(_caption(number, quote))
    if speaker is None:
        before = f'<span class="qa-tag qa-caption" style="{colour.style()}">{caption}</span>'
    else:
        target = f"{prefix}-s{speaker_ids[speaker.start, speaker.end]}"
        before = (
            f'<a class="qa-tag qa-caption" style="{colour.style()}" href="#{target}">{caption}</a>'
        )
    return Mark(quote.start, quote.end, QUOTE_LAYER, tag, f"<span {common}>", before=before)


def _part_mark(element_id: str, shared: _Shared, prefix: str) -> Mark:
    """The mark of a speaker mention or a cue, followed by the numbers of its quotes."""
    part = shared.part
    if isinstance(part, Speaker):
        layer, kind, tooltip = SPEAKER_LAYER, "qa-speaker", part.name or part.text
    else:
        layer, kind, tooltip = CUE_LAYER, "qa-cue", part.lemma
    common = f'class="{kind}" style="{shared.colour.style()}"'
    return Mark(
        part.start,
        part.end,
        layer,
        f'<span id="{element_id}" {common} data-start="{part.start}" data-end="{part.end}" '
        f'title="{escape(tooltip)}">',
        f"<span {common}>",
        after=_references(shared.numbers, prefix),
    )


def _references(numbers: list[int], prefix: str) -> str:
    """The numbers of the quotes of a mention or cue, each a link to its quote."""
    links = ",".join(f'<a href="#{prefix}-q{number}">{number}</a>' for number in numbers)
    return f'<sup class="qa-tag qa-refs">{links}</sup>'


def _caption(number: int, quote: Quote) -> str:
    """``1 Ida Brenner · tell``: the quote's number, who said it and the cue's lemma."""
    if quote.speaker is None:
        return f"{number} no speaker"
    caption = f"{number} {quote.speaker.name or quote.speaker.text}"
    return caption if quote.cue is None else f"{caption} · {quote.cue.lemma}"


def _describe(number: int, quote: Quote) -> str:
    """The tooltip of a quote: its kind, and the rule that attributed it."""
    how = "" if quote.method is None else f", {quote.method.value}"
    if quote.confidence is not None:
        how += f", precision {quote.confidence:.2f}"
    return f"quote {number}: {quote.kind.value}{how}"


def markup(text: str, marks: list[Mark]) -> str:
    """*text*, escaped, with an element around each mark's range.

    The elements are opened and closed at the marks' boundaries in order. A mark inside
    another (a speaker inside the clause it reports, a cue inside the speaker) nests; a mark
    that crosses another's end is closed there and goes on as a second element after it,
    so the HTML stays well formed and the text stays whole and in order.
    """
    opening = sorted(marks, key=lambda mark: (mark.start, -mark.end, mark.layer))
    boundaries = sorted({0, len(text), *(m.start for m in marks), *(m.end for m in marks)})
    parts: list[str] = []
    open_marks: list[Mark] = []
    position = next_mark = 0
    for point in boundaries:
        parts.append(escape(text[position:point]))
        position = point
        _close_at(point, open_marks, parts)
        while next_mark < len(opening) and opening[next_mark].start == point:
            mark = opening[next_mark]
            next_mark += 1
            parts.append(mark.before + mark.tag)
            if mark.end == point:  # nothing to wrap: closed at once
                parts.append("</span>" + mark.after)
            else:
                open_marks.append(mark)
    return "".join(parts)


def _close_at(point: int, open_marks: list[Mark], parts: list[str]) -> None:
    """Close the marks that end at *point*, and reopen those inside them that go on."""
    first = next((i for i, mark in enumerate(open_marks) if mark.end == point), None)
    if first is None:
        return
    closing = open_marks[first:]
    del open_marks[first:]
    parts.extend(
        "</span>" + (mark.after if mark.end == point else "") for mark in reversed(closing)
    )
    for mark in closing:
        if mark.end != point:
            parts.append(mark.again)
            open_marks.append(mark)
