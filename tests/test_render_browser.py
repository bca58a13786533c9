"""quoteattr.render in a real browser: headless Chromium parses and draws the HTML.

The browser tests are skipped where Chromium is not installed; ``.ci/run`` installs Debian's
``chromium`` and sets ``QUOTEATTR_REQUIRE_BROWSER``, so in CI they run or fail. The browser
is driven by scripts/screenshot.py's helpers (which regenerate the docs' picture), loaded
from its path by tests/scriptloader.py.
"""

from __future__ import annotations

import os
from typing import TYPE_CHECKING

import pytest

from quoteattr import render
from quoteattr._render._colours import UNATTRIBUTED, Colours
from scriptloader import load_script
from test_render import HARBOUR, harbour_quotes, quote_at, read, speaker_at

if TYPE_CHECKING:
    from pathlib import Path

WINDOW = (1000, 700)

shots = load_script("screenshot")
BROWSER: str | None = shots.find_chromium()
if BROWSER is None and os.environ.get("QUOTEATTR_REQUIRE_BROWSER"):
    # CI sets this: there the browser check must run, never skip quietly.
    pytest.fail("QUOTEATTR_REQUIRE_BROWSER is set but Chromium is not installed", pytrace=False)
needs_chromium = pytest.mark.skipif(
    BROWSER is None,
    reason="Chromium is not installed (Debian: apt-get install chromium; .ci/run installs it)",
)


def photograph(markup: str, directory: Path, name: str) -> bytes:
    """Chromium's screenshot of *markup*, saved as an HTML file in *directory*."""
    assert BROWSER is not None
    page, shot = directory / f"{name}.html", directory / f"{name}.png"
    page.write_text(markup, encoding="utf-8")
    shots.screenshot(BROWSER, page, shot, WINDOW)
    data: bytes = shot.read_bytes()
    return data


def pixel_counts(data: bytes) -> dict[str, int]:
    """How many pixels of each colour (``#rrggbb``) the PNG *data* holds."""
    image = shots.read_png(data)
    counts: dict[str, int] = {}
    for row in image.rows:
        for x in range(0, len(row), image.channels):
            colour = "#" + row[x : x + 3].hex()
            counts[colour] = counts.get(colour, 0) + 1
    return counts


@needs_chromium
def test_chromium_draws_each_speaker_in_its_colour(tmp_path: Path) -> None:
    """A valid PNG of the window's size, with each speaker's colours drawn over white.

    The tints are exact: Chromium draws flat CSS colours without colour management, so a
    blank or unstyled page could not hold hundreds of pixels of each.
    """
    quotes = harbour_quotes()
    data = photograph(render(HARBOUR, quotes, page=True), tmp_path, "harbour")
    assert data[:8] == b"\x89PNG\r\n\x1a\n"
    assert shots.png_size(data) == WINDOW
    drawn = pixel_counts(data)
    colours = Colours.of(quotes)
    brenner, velt = colours.of_quote(quotes[0]), colours.of_quote(quotes[2])
    for colour in (brenner, velt, UNATTRIBUTED):
        assert drawn.get(colour.tint, 0) > 500, colour  # the quotes' backgrounds
    for colour in (brenner, velt):
        assert drawn.get(colour.mid, 0) > 500, colour  # the speakers' mentions
    assert drawn.get("#ffffff", 0) < 0.97 * WINDOW[0] * WINDOW[1]


@needs_chromium
def test_chromium_builds_every_marked_element_with_its_exact_text(tmp_path: Path) -> None:
    """The DOM Chromium builds has the same marks, and keeps CRLF and markup as text."""
    assert BROWSER is not None
    text = 'Dock <b>& Co</b> said:\r\n"Silt & sand, <every> winter."\r\nBrenner agreed.'
    quotes = [
        quote_at(
            text,
            "Silt & sand, <every> winter.",
            speaker=speaker_at(text, "Dock <b>& Co</b>", "Dock & Co", 0),
        )
    ]
    page = tmp_path / "dom.html"
    page.write_text(render(text, quotes, page=True), encoding="utf-8")
    dom = read(shots.dump_dom(BROWSER, page))
    assert dom.text == text
    assert [e.text for e in dom.of_class("qa-quote")] == ["Silt & sand, <every> winter."]
    assert [e.text for e in dom.of_class("qa-speaker")] == ["Dock <b>& Co</b>"]
    assert dom.tags.count("b") == 0


def test_the_screenshot_script_crops_to_what_was_drawn() -> None:
    """The docs' picture is cut to the drawn box and a white margin, and reads back."""
    white, dot = b"\xff" * 18, b"\xff" * 6 + b"\x00" * 3 + b"\xff" * 9
    shot = shots.Image(6, 4, 3, [white, dot, white, white])
    cut = shots.cropped(shot, 1)
    assert (cut.width, cut.height) == (3, 3)
    again = shots.read_png(shots.png_bytes(cut))
    assert again == cut
