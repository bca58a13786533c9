"""A colour per speaker, the tints quotes and mentions wear, and the legend naming them."""

from __future__ import annotations

import colorsys
from typing import TYPE_CHECKING

import attrs

from quoteattr._render._markup import escape

if TYPE_CHECKING:
    from collections.abc import Hashable, Iterable

    from quoteattr._types import Quote, Speaker


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


def legend(quotes: list[Quote], colours: Colours) -> str:
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
