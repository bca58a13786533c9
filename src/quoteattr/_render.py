"""Pictures of who said what: a text as HTML, each quote marked with its speaker and cue.

The markup is built here from the quotes' character offsets rather than with displaCy's span
renderer: displaCy needs token-aligned spans of a ``Doc`` (a quote's text starts inside the
token of its opening mark when the tokenizer keeps them together, and a plain ``str`` has no
Doc at all), lays each token out in a box of its own, which loses the text's line breaks,
and links nothing. Building from offsets keeps every character of the caller's text, in
order and escaped, so the page's text is the text the offsets index.

Only the standard library is used, and nothing is imported from spaCy until a ``Doc`` is
passed, so ``import quoteattr`` stays cheap.
"""

from __future__ import annotations

import colorsys
import html
import re
from typing import TYPE_CHECKING

import attrs

from quoteattr._text import plain_str
from quoteattr._types import Cue, Quote, Speaker

if TYPE_CHECKING:
    from collections.abc import Hashable, Iterable

    from spacy.tokens import Doc

__all__ = ["escape", "fragment", "page_end", "page_start", "render"]

#: Speakers are coloured in order of first appearance with these (Tableau 10, without its
#: grey, which marks unattributed quotes); later speakers get hues spread by the golden angle.
PALETTE = (
    "#4e79a7",
    "#f28e2b",
    "#e15759",
    "#76b7b2",
    "#59a14f",
    "#edc948",
    "#b07aa1",
    "#ff9da7",
    "#9c755f",
)
UNATTRIBUTED_COLOUR = "#8c8c8c"
GOLDEN_ANGLE = 137.508
# How much of a speaker's colour goes into a quote's background and a speaker's: light
# enough that black text on them stays easy to read.
QUOTE_TINT = 0.22
SPEAKER_TINT = 0.45
# Element ids are PREFIX-q1, PREFIX-s0 …: the prefix must make a valid, unambiguous id.
ID_PREFIX = re.compile(r"[A-Za-z][A-Za-z0-9_-]*")
# What html.escape leaves that would still change the page's text: a carriage return
# (HTML turns CR LF into LF unless the CR is a character reference), NUL (dropped by the
# parser) and lone surrogates (no encoding can write them). Each becomes one character, so
# the page's text keeps the length, and the offsets, of the caller's.
_UNSAFE = re.compile("[\r\x00\ud800-\udfff]")
_REPLACEMENTS = {"\r": "&#13;", "\x00": "&#xFFFD;"}

STYLE = """\
.qa-render { font: 17px/1.75 Georgia, "Times New Roman", serif; color: #1b1b1b;
  max-width: 46em; }
.qa-text { white-space: pre-wrap; overflow-wrap: anywhere; }
.qa-legend { font: 13px/1.6 system-ui, sans-serif; margin: 0 0 .8em; color: #444; }
.qa-key { display: inline-block; margin-right: 1em; white-space: nowrap; }
.qa-swatch { display: inline-block; width: .9em; height: .9em; vertical-align: -.1em;
  margin-right: .3em; border-radius: .2em; background: var(--qa-colour); }
.qa-quote { background: var(--qa-tint); border-bottom: 2px solid var(--qa-colour); }
.qa-quote.qa-unattributed { border-bottom-style: dashed; }
.qa-speaker { background: var(--qa-mid); font-weight: bold; border-radius: .2em; }
.qa-cue { border-bottom: 2px dotted var(--qa-colour); font-style: italic; }
.qa-quote:target, .qa-speaker:target, .qa-cue:target { outline: 2px solid var(--qa-colour); }
.qa-tag { font: 600 11px/1 system-ui, sans-serif; vertical-align: .6em; color: #1b1b1b;
  text-decoration: none; white-space: nowrap; user-select: none; }
.qa-caption { display: inline-block; padding: .15em .35em; margin: 0 .2em 0 .1em;
  border-radius: .7em; background: var(--qa-mid); border: 1px solid var(--qa-colour); }
.qa-refs { margin-left: .1em; color: #333; }
.qa-refs a { color: inherit; text-decoration: none; }
"""
# Only for a whole page: a fragment must not restyle the page it is put in.
PAGE_STYLE = """\
body { margin: 24px 32px; background: #fff; }
h2.qa-name { font: 600 15px/1.4 system-ui, sans-serif; margin: 1.6em 0 .6em; color: #333; }
"""


def render(
    text_or_doc: str | Doc,
    quotes: Iterable[Quote] | None = None,
    *,
    page: bool = False,
    title: str | None = None,
    id_prefix: str = "qa",
) -> str:
    """Return HTML that marks each quote of a text, its speaker and its cue.

    Each speaker entity (``speaker.entity_id``) gets a colour of its own, which marks its
    quotes (a tinted background, underlined), its mentions (a stronger background, bold)
    and its cues (dotted underline); unattributed quotes are grey with a dashed underline.
    A caption opens each quote: its number, the speaker's name and the cue's lemma, linking
    to the speaker's mention; the mention and the cue carry the numbers of their quotes,
    linking back. A legend above the text names the colours. The HTML is self-contained:
    inline CSS, no script, nothing fetched. Every character of the text is kept, escaped,
    with its line breaks: without the labels (the elements of class ``qa-tag``), the text
    of the page is the text given, so the quotes' offsets index it too.

    Args:
        text_or_doc: the text, or a parsed spaCy ``Doc`` (whose ``doc.text`` is the text).
        quotes: the quotes to mark, with offsets into that text. By default they are found:
            with :func:`~quoteattr.extract_quotes` for a str (the default pipeline), or in
            the Doc's own parse.
        page: a whole HTML document rather than a fragment to put in a page of your own.
        title: the document's title, with *page* (default ``"quoteattr"``).
        id_prefix: the prefix of the element ids that the links point at (``qa-q1`` is the
            first quote). Give each fragment on one page its own.

    Raises:
        TypeError: *text_or_doc* is neither a str nor a Doc.
        ValueError: a quote, speaker or cue does not fit the text (its offsets do not slice
            its ``text`` out of it), or *id_prefix* is not a letter followed by letters,
            digits, ``-`` or ``_``.
        MissingParseError: a Doc without a dependency parse, when quotes must be found.
    """
    text, found = _text_and_quotes(text_or_doc, quotes)
    body = fragment(text, found, id_prefix=id_prefix, style=not page)
    if not page:
        return body
    return page_start(title or "quoteattr") + body + "\n" + page_end()


def page_start(title: str) -> str:
    """The start of a whole HTML document titled *title*, its styles included, to ``<body>``."""
    return (
        "<!DOCTYPE html>\n"
        '<html lang="en">\n<head>\n<meta charset="utf-8">\n'
        '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
        f"<title>{escape(title)}</title>\n<style>\n{STYLE}{PAGE_STYLE}</style>\n</head>\n<body>\n"
    )


def page_end() -> str:
    """The end of a document begun with :func:`page_start`."""
    return "</body>\n</html>\n"


def fragment(
    text: str, quotes: Iterable[Quote], *, id_prefix: str = "qa", style: bool = True
) -> str:
    """*text* with *quotes* marked, in a ``<div>``; with *style*, the CSS comes along."""
    if not ID_PREFIX.fullmatch(id_prefix):
        msg = f"id_prefix must be a letter then letters, digits, - or _, not {id_prefix!r}"
        raise ValueError(msg)
    ordered = _checked(text, quotes)
    colours = Colours.of(ordered)
    marks = _marks(ordered, colours, id_prefix)
    return (
        '<div class="qa-render">\n'
        + (f"<style>\n{STYLE}</style>\n" if style else "")
        + _legend(ordered, colours)
        + f'<div class="qa-text">{_markup(text, marks)}</div>\n</div>'
    )


def escape(text: str) -> str:
    """*text* as HTML text or attribute value, one character of page text per character."""
    escaped = html.escape(text)
    if _UNSAFE.search(escaped) is None:
        return escaped
    return _UNSAFE.sub(lambda found: _REPLACEMENTS.get(found.group(), "&#xFFFD;"), escaped)


# -- the text and its quotes -------------------------------------------------------------


def _text_and_quotes(
    text_or_doc: str | Doc, quotes: Iterable[Quote] | None
) -> tuple[str, Iterable[Quote]]:
    """The text to show, and its quotes: those given, or those found in it."""
    if isinstance(text_or_doc, str):
        text = plain_str(text_or_doc)  # a str subclass is shown (and parsed) as its characters
        if quotes is not None:
            return text, quotes
        from quoteattr._extractor import extract_quotes  # noqa: PLC0415 - loads the rules

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

    # As the extractor does: an unclosed or empty pair of marks is not reported as a quote.
    marks = [mark for mark in find_quote_marks(text) if mark.closed and mark.text.strip()]
    if not marks and not may_report(text):
        return []
    if not doc.has_annotation("DEP"):
        msg = (
            "The Doc has no dependency parse, so its quotes cannot be found; parse it with a "
            "pipeline that has a parser, or pass the quotes to render()."
        )
        raise MissingParseError(msg)
    return attribute_doc(doc, marks, source=text)


def _checked(text: str, quotes: Iterable[Quote]) -> list[Quote]:
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


# -- colours -----------------------------------------------------------------------------


def _mixed_with_white(colour: str, share: float) -> str:
    """*colour* (``#rrggbb``) with only *share* of it left over white."""
    channels = (int(colour[i : i + 2], 16) for i in (1, 3, 5))
    return "#" + "".join(f"{round(255 - (255 - c) * share):02x}" for c in channels)


@attrs.frozen
class Colour:
    """A speaker's colour, and the lighter tints of it that quotes and mentions wear."""

    strong: str
    mid: str
    tint: str

    @classmethod
    def of(cls, strong: str) -> Colour:
        """*strong* (``#rrggbb``) and its tints."""
        return cls(
            strong, _mixed_with_white(strong, SPEAKER_TINT), _mixed_with_white(strong, QUOTE_TINT)
        )

    def style(self) -> str:
        """The CSS custom properties the stylesheet colours an element with."""
        return f"--qa-colour:{self.strong};--qa-mid:{self.mid};--qa-tint:{self.tint}"


UNATTRIBUTED = Colour.of(UNATTRIBUTED_COLOUR)


@attrs.frozen
class Colours:
    """The colour of each speaker of a text, keyed as :func:`speaker_key` keys them."""

    by_speaker: dict[Hashable, Colour]
    names: dict[Hashable, str]

    @classmethod
    def of(cls, quotes: Iterable[Quote]) -> Colours:
        """A colour for each speaker of *quotes*, in order of first appearance."""
        by_speaker: dict[Hashable, Colour] = {}
        names: dict[Hashable, str] = {}
        for quote in quotes:
            if quote.speaker is None:
                continue
            key = speaker_key(quote.speaker)
            if key not in by_speaker:
                by_speaker[key] = Colour.of(nth_colour(len(by_speaker)))
                names[key] = quote.speaker.name or quote.speaker.text
        return cls(by_speaker, names)

    def of_quote(self, quote: Quote) -> Colour:
        """The colour of *quote*'s speaker; grey when it has none."""
        if quote.speaker is None:
            return UNATTRIBUTED
        return self.by_speaker[speaker_key(quote.speaker)]


def speaker_key(speaker: Speaker) -> Hashable:
    """What makes two speakers the same: their entity, else their name, else their words."""
    if speaker.entity_id is not None:
        return ("entity", speaker.entity_id)
    return ("name", speaker.name or speaker.text)


def nth_colour(index: int) -> str:
    """The colour of the *index*-th speaker (from 0): the palette, then spread hues."""
    if index < len(PALETTE):
        return PALETTE[index]
    hue = (index - len(PALETTE)) * GOLDEN_ANGLE % 360 / 360
    red, green, blue = colorsys.hls_to_rgb(hue, 0.5, 0.55)
    return "#" + "".join(f"{round(channel * 255):02x}" for channel in (red, green, blue))


def _legend(quotes: list[Quote], colours: Colours) -> str:
    """One key per speaker: its colour, name and number of quotes; then the unattributed."""
    if not quotes:
        return '<p class="qa-legend">No quotes found.</p>\n'
    counts: dict[Hashable, int] = {}
    for quote in quotes:
        key = None if quote.speaker is None else speaker_key(quote.speaker)
        counts[key] = counts.get(key, 0) + 1
    keys = [
        _key(colours.by_speaker[key], colours.names[key], counts[key]) for key in colours.by_speaker
    ]
    if None in counts:
        keys.append(_key(UNATTRIBUTED, "no speaker found", counts[None]))
    return f'<p class="qa-legend">{"".join(keys)}</p>\n'


def _key(colour: Colour, name: str, count: int) -> str:
    quotes = f"{count} quote{'' if count == 1 else 's'}"
    return (
        f'<span class="qa-key" style="{colour.style()}"><span class="qa-swatch"></span>'
        f"{escape(name)} ({quotes})</span>"
    )


# -- marks -------------------------------------------------------------------------------

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


def _marks(quotes: list[Quote], colours: Colours, prefix: str) -> list[Mark]:
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


# -- markup ------------------------------------------------------------------------------


def _markup(text: str, marks: list[Mark]) -> str:
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
