"""Bytes as text: UTF-8, or a message telling binary data from a legacy encoding."""

from __future__ import annotations

import shlex
from pathlib import Path

from quoteattr.cli._items import STDIN_NAME, Item

# Telling a binary input from text in a legacy encoding: the bytes read, and the share of
# them that may be control characters other than those text uses (tab, line and page breaks,
# escape, and DOS's end-of-file mark). Random bytes hold about 10 %.
BINARY_SAMPLE_BYTES = 8192
MAX_TEXT_CONTROL_SHARE = 0.02
TEXT_BYTES = bytes(range(0x20, 0x7F)) + bytes(range(0x80, 0x100)) + b"\t\n\v\f\r\x1a\x1b"
UTF16_BOMS = (b"\xff\xfe", b"\xfe\xff")


def decoded_item(name: str, data: bytes) -> Item:
    """*data* decoded as UTF-8 (dropping a byte-order mark); offsets count these characters.

    Bytes are decoded without newline translation, so a CRLF line break stays two characters
    and every offset matches the file as written.
    """
    try:
        return Item(name, data.decode("utf-8-sig"))
    except UnicodeDecodeError as error:
        return Item(name, error=undecodable(error, name, whole_file=name != STDIN_NAME))


def undecodable(error: UnicodeDecodeError, source: str, *, whole_file: bool) -> str:
    """Why bytes of *source* are no text: binary, or text in an encoding other than UTF-8.

    *whole_file* says whether the bytes are all of a file, rather than standard input or
    one line of a JSONL file.
    """
    data: bytes = error.object
    if data.startswith(UTF16_BOMS):
        return f"not UTF-8 but UTF-16; {how_to_convert(source, 'UTF-16')}"
    if looks_binary(data):
        return f"looks like {'a binary file' if whole_file else 'binary data'}, not text"
    where = f"byte 0x{data[error.start]:02x} at offset {error.start}"
    return f"not valid UTF-8 ({where}); {how_to_convert(source)}"


def looks_binary(data: bytes) -> bool:
    """Whether *data* (which is not UTF-8) is binary rather than text in another encoding.

    Text in any 8-bit encoding holds no NUL and hardly any control characters; images,
    archives and executables hold plenty. Whether the bytes decode as UTF-8 says nothing
    here: Russian in Windows-1251 is almost all bytes that do not.
    """
    sample = data[:BINARY_SAMPLE_BYTES]
    if b"\0" in sample:
        return True
    controls = len(sample.translate(None, TEXT_BYTES))
    return controls > len(sample) * MAX_TEXT_CONTROL_SHARE


def how_to_convert(name: str, encoding: str = "WINDOWS-1252") -> str:
    """A conversion command for a file in *encoding* (Windows-1252 is the usual legacy one)."""
    iconv = f"iconv -f {encoding} -t UTF-8"
    if name == STDIN_NAME:
        return f"convert it to UTF-8 first, e.g. by piping it through {iconv}"
    converted = f"converted{Path(name).suffix or '.txt'}"
    return f"convert it to UTF-8 first, e.g. {iconv} {shlex.quote(name)} > {converted}"
