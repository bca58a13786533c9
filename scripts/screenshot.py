#!/usr/bin/env python3
"""Regenerate docs/_static/render-example.png: quoteattr.render's picture of a short article.

The example is an invented news paragraph, parsed with a real pipeline (``en_ud_sm``, the
tests' model, unless ``--model`` says otherwise), rendered with ``quoteattr.render`` and
photographed by headless Chromium. The window is taller than the page, and the picture is
then cropped to what was drawn, so it fits the content whatever the fonts. The PNG code is
the standard library's ``zlib`` (no Pillow); tests/test_render_browser.py uses it too.

Usage: ``.venv/bin/python scripts/screenshot.py [--model NAME] [--output PATH]``. Needs
Chromium (Debian's ``chromium`` package).
"""

from __future__ import annotations

import argparse
import shutil
import struct
import subprocess
import sys
import tempfile
import zlib
from pathlib import Path
from typing import NamedTuple

REPO_ROOT = Path(__file__).resolve().parent.parent
OUTPUT = REPO_ROOT / "docs" / "_static" / "render-example.png"
BROWSERS = ("chromium", "chromium-browser")
PNG_SIGNATURE = b"\x89PNG\r\n\x1a\n"
# Wide enough for the text column (46em of 17px) and the page margins; taller than the page.
WINDOW = (880, 1400)
MARGIN = 12  # white pixels kept around what was drawn
WHITE = 255
# Invented, in the style of a wire story: a fragment after "criticizing", a quote told to
# reporters and its continuation, reported speech, a pronoun speaker, a report set into the
# clause it reports, and scare quotes that no one says.
EXAMPLE = (
    "Harbour Board chair Ida Brenner defended the dredging plan on Monday, criticizing "
    "the fishermen’s union as “stuck in the last century.”\n\n"
    "“The channel silts up every winter, and every winter we pay for it,” Brenner told "
    "reporters at the quay. “This plan ends that.”\n\n"
    "Union leader Marco Velt said the board had ignored the fishing fleet. He called the "
    "plan “a gift to the cruise lines.”\n\n"
    "The port, Brenner said, would reopen the north berth by June. The work is to be paid "
    "for by the so-called “harbour levy” on cruise passengers."
)


class Image(NamedTuple):
    """Decoded 8-bit pixels: *channels* bytes per pixel (3: RGB, 4: RGBA), row by row."""

    width: int
    height: int
    channels: int
    rows: list[bytes]


def find_chromium() -> str | None:
    """The path of a Chromium on $PATH, or None."""
    for name in BROWSERS:
        path = shutil.which(name)
        if path is not None:
            return path
    return None


def chromium_command(browser: str, profile: Path, *arguments: str) -> list[str]:
    """Headless Chromium that runs as root in a container, with a profile of its own."""
    return [
        browser,
        "--headless",
        "--no-sandbox",  # root in a container has no user namespace for the sandbox
        "--disable-gpu",
        "--disable-dev-shm-usage",  # a container's /dev/shm is often too small
        "--hide-scrollbars",
        "--force-device-scale-factor=1",
        "--no-first-run",
        f"--user-data-dir={profile}",
        *arguments,
    ]


def run_chromium(browser: str, *arguments: str) -> str:
    """Run Chromium with *arguments* and return its output; a failure raises with its errors.

    The output is decoded as it is, without turning CR LF into LF as text mode would.
    """
    with tempfile.TemporaryDirectory(prefix="quoteattr-chromium-") as profile:
        command = chromium_command(browser, Path(profile), *arguments)
        done = subprocess.run(command, capture_output=True, timeout=120, check=False)
    if done.returncode != 0:
        said = "\n".join(done.stderr.decode("utf-8", "replace").splitlines()[-5:])
        msg = f"{browser} exited with status {done.returncode}:\n{said}"
        raise RuntimeError(msg)
    output: str = done.stdout.decode("utf-8")
    return output


def screenshot(browser: str, page: Path, out: Path, size: tuple[int, int]) -> None:
    """Photograph the HTML file *page* in a window of *size* (width, height) into *out*."""
    width, height = size
    run_chromium(browser, f"--screenshot={out}", f"--window-size={width},{height}", page.as_uri())
    if not out.is_file():
        msg = f"{browser} wrote no screenshot to {out}"
        raise RuntimeError(msg)


def dump_dom(browser: str, page: Path) -> str:
    """The document Chromium built from the HTML file *page*, serialised."""
    return run_chromium(browser, "--dump-dom", page.as_uri())


# -- PNG ---------------------------------------------------------------------------------


def png_size(data: bytes) -> tuple[int, int]:
    """The width and height in the IHDR chunk of the PNG *data*."""
    if data[:8] != PNG_SIGNATURE or data[12:16] != b"IHDR":
        msg = "not a PNG file"
        raise ValueError(msg)
    width, height = struct.unpack(">II", data[16:24])
    return width, height


def read_png(data: bytes) -> Image:
    """Decode an 8-bit, non-interlaced RGB or RGBA PNG (what Chromium writes)."""
    width, height = png_size(data)
    depth, colour_type, _compression, _filter, interlace = data[24:29]
    channels = {2: 3, 6: 4}.get(colour_type)
    if depth != 8 or channels is None or interlace:
        msg = f"unsupported PNG: depth {depth}, colour type {colour_type}, interlace {interlace}"
        raise ValueError(msg)
    compressed = bytearray()
    position = 8
    while position < len(data):
        (length,) = struct.unpack(">I", data[position : position + 4])
        kind = data[position + 4 : position + 8]
        if kind == b"IDAT":
            compressed += data[position + 8 : position + 8 + length]
        position += 12 + length  # length, type, data, CRC
    raw = zlib.decompress(bytes(compressed))
    return Image(width, height, channels, unfiltered(raw, width * channels, height, channels))


def unfiltered(raw: bytes, stride: int, height: int, step: int) -> list[bytes]:
    """The rows of *raw* with each row's PNG filter undone (*step*: bytes per pixel)."""
    rows: list[bytes] = []
    above = bytes(stride)
    for y in range(height):
        start = y * (stride + 1)
        kind, line = raw[start], bytearray(raw[start + 1 : start + 1 + stride])
        if kind == 1:  # Sub
            for i in range(step, stride):
                line[i] = (line[i] + line[i - step]) & 0xFF
        elif kind == 2:  # Up
            line = bytearray((a + b) & 0xFF for a, b in zip(line, above, strict=True))
        elif kind == 3:  # Average
            for i in range(stride):
                left = line[i - step] if i >= step else 0
                line[i] = (line[i] + ((left + above[i]) >> 1)) & 0xFF
        elif kind == 4:  # Paeth
            for i in range(stride):
                left = line[i - step] if i >= step else 0
                corner = above[i - step] if i >= step else 0
                line[i] = (line[i] + paeth(left, above[i], corner)) & 0xFF
        rows.append(bytes(line))
        above = rows[-1]
    return rows


def paeth(left: int, up: int, corner: int) -> int:
    """The PNG Paeth predictor: whichever neighbour is closest to left + up - corner."""
    guess = left + up - corner
    to_left, to_up, to_corner = abs(guess - left), abs(guess - up), abs(guess - corner)
    if to_left <= to_up and to_left <= to_corner:
        return left
    return up if to_up <= to_corner else corner


def drawn_box(image: Image) -> tuple[int, int, int, int] | None:
    """The smallest (left, top, right, bottom) holding every pixel that is not white."""
    step = image.channels
    blank = bytes([WHITE]) * (image.width * step)
    rows = [y for y, row in enumerate(image.rows) if row != blank]
    if not rows:
        return None
    columns = [
        x
        for x in range(image.width)
        if any(image.rows[y][x * step : x * step + 3] != b"\xff\xff\xff" for y in rows)
    ]
    return columns[0], rows[0], columns[-1] + 1, rows[-1] + 1


def cropped(image: Image, margin: int) -> Image:
    """*image* cut to what was drawn, with *margin* pixels of it around (or as it is)."""
    box = drawn_box(image)
    if box is None:
        return image
    left, top, right, bottom = box
    left, top = max(left - margin, 0), max(top - margin, 0)
    right, bottom = min(right + margin, image.width), min(bottom + margin, image.height)
    step = image.channels
    rows = [row[left * step : right * step] for row in image.rows[top:bottom]]
    return Image(right - left, bottom - top, step, rows)


def png_bytes(image: Image) -> bytes:
    """*image* as a PNG file, each row unfiltered (zlib does well on flat colour)."""
    colour_type = {3: 2, 4: 6}[image.channels]
    header = struct.pack(">IIBBBBB", image.width, image.height, 8, colour_type, 0, 0, 0)
    pixels = zlib.compress(b"".join(b"\x00" + row for row in image.rows), 9)
    return PNG_SIGNATURE + chunk(b"IHDR", header) + chunk(b"IDAT", pixels) + chunk(b"IEND", b"")


def chunk(kind: bytes, data: bytes) -> bytes:
    """A PNG chunk: length, type, data and the CRC of type and data."""
    crc = zlib.crc32(kind + data) & 0xFFFFFFFF
    return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", crc)


# -- the example -------------------------------------------------------------------------


def example_page(model: str) -> str:
    """The example article as a whole HTML page, its quotes found with *model*."""
    import quoteattr  # noqa: PLC0415 - loads spaCy; --help answers without it

    quotes = quoteattr.extract_quotes(EXAMPLE, nlp=model)
    return quoteattr.render(EXAMPLE, quotes, page=True, title="quoteattr.render example")


def main(argv: list[str] | None = None) -> int:
    """Render, photograph, crop and save the example; return the exit status."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--model", default="en_ud_sm", help="spaCy pipeline (default: %(default)s)")
    parser.add_argument("--output", type=Path, default=OUTPUT, help="PNG to write")
    args = parser.parse_args(argv)
    browser = find_chromium()
    if browser is None:
        print(
            "screenshot.py: Chromium is not installed (apt-get install chromium)", file=sys.stderr
        )
        return 1
    with tempfile.TemporaryDirectory(prefix="quoteattr-screenshot-") as scratch:
        page, shot = Path(scratch) / "example.html", Path(scratch) / "shot.png"
        page.write_text(example_page(args.model), encoding="utf-8")
        screenshot(browser, page, shot, WINDOW)
        image = cropped(read_png(shot.read_bytes()), MARGIN)
    args.output.parent.mkdir(parents=True, exist_ok=True)
    args.output.write_bytes(png_bytes(image))
    print(f"wrote {args.output} ({image.width}x{image.height})")
    return 0


if __name__ == "__main__":
    sys.exit(main())
