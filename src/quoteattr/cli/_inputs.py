"""The inputs named on the command line (files, directories, standard input) as items.

Only the paths are checked up front (:func:`path_problems`), so a mistyped one fails before
the slow model load; the texts are read one at a time, as the extractor asks for them.
"""

from __future__ import annotations

import errno
import os
import stat
import sys
from pathlib import Path
from typing import TYPE_CHECKING

from quoteattr.cli._decoding import decoded_item
from quoteattr.cli._items import STDIN_NAME, Item
from quoteattr.cli._jsonl import jsonl_file_items, jsonl_items
from quoteattr.cli._streams import reason

if TYPE_CHECKING:
    from collections.abc import Iterable, Iterator, Sequence

    from quoteattr.cli._items import ReadOptions


def path_problems(names: Sequence[str]) -> list[str]:
    """Why each path that cannot be read cannot, found before the model loads."""
    return [problem for name in names if (problem := path_problem(name)) is not None]


def path_problem(name: str) -> str | None:
    """Why the input *name* cannot be read, or None; its contents are not read yet."""
    if name == "-":
        # Started with standard input closed (quoteattr - <&-), Python has no sys.stdin.
        return "cannot read standard input: it is closed" if sys.stdin is None else None
    if not name:  # Path("") would be the current directory
        return "cannot read '': an empty argument names no file"
    try:
        mode = Path(name).stat().st_mode
    except OSError as error:
        return f"cannot read {name!r}: {reason(error)}"
    # Listing a directory and opening what it holds needs search permission too.
    wanted = os.R_OK | os.X_OK if stat.S_ISDIR(mode) else os.R_OK
    if not os.access(name, wanted):
        return f"cannot read {name!r}: {os.strerror(errno.EACCES)}"
    return None


def known_total(names: Sequence[str], options: ReadOptions) -> int | None:
    """How many texts the inputs hold, when each is one text; None when that is unknown."""
    if any(options.reads_jsonl(name) or is_directory(name) for name in names):
        return None
    return len(names)


def is_directory(name: str) -> bool:
    """Whether the input *name* is a directory to search ("-" is standard input)."""
    return name != "-" and Path(name).is_dir()


def read_items(names: Iterable[str], options: ReadOptions) -> Iterator[Item]:
    """Every text of the inputs *names*, in order, each read only when it is reached."""
    for name in names:
        if name == "-" and options.reads_jsonl(name):
            yield from stdin_jsonl_items(options)
        elif name == "-":
            yield stdin_item()
        elif is_directory(name):
            yield from directory_items(name, options)
        else:
            yield from file_items(name, options)


def file_items(path: str, options: ReadOptions) -> Iterator[Item]:
    """The text of the file *path*, or its JSONL records."""
    if options.reads_jsonl(path):
        yield from jsonl_file_items(path, options)
    else:
        yield text_file_item(path)


def directory_items(directory: str, options: ReadOptions) -> Iterator[Item]:
    """The inputs below *directory*; an error if there are none, which is surely a mistake."""
    found = False
    for item in tree_items(directory, options):
        found = True
        yield item
    if not found:
        patterns = " or ".join(f"*{suffix}" for suffix in options.directory_suffixes)
        yield Item(directory, error=f"no {patterns} files in this directory or below it")


def tree_items(directory: str, options: ReadOptions) -> Iterator[Item]:
    """The inputs of the files below *directory* that *options* look for, in path order.

    Sorting each directory's entries by name and descending in that order sorts the paths
    part by part, while holding one listing per level rather than the whole tree. Links to
    directories are not followed, so a link cycle cannot loop.
    """
    try:
        with os.scandir(directory) as scan:
            entries = sorted(scan, key=lambda entry: entry.name)
    except OSError as error:
        yield Item(directory, error=f"cannot list the directory: {reason(error)}")
        return
    for entry in entries:
        if entry.is_dir(follow_symlinks=False):
            yield from tree_items(entry.path, options)
        elif entry.name.lower().endswith(options.directory_suffixes) and entry.is_file():
            yield from file_items(entry.path, options)


def text_file_item(path: str) -> Item:
    """The file *path* as one text."""
    try:
        data = Path(path).read_bytes()
    except OSError as error:
        return Item(path, error=f"cannot read: {reason(error)}")
    return decoded_item(path, data)


def stdin_item() -> Item:
    """Standard input as one text."""
    try:
        data = read_stdin_bytes()
    except OSError as error:
        return Item(STDIN_NAME, error=f"cannot read: {reason(error)}")
    return decoded_item(STDIN_NAME, data)


def stdin_jsonl_items(options: ReadOptions) -> Iterator[Item]:
    """The JSONL records on standard input, read line by line."""
    try:
        yield from jsonl_items(STDIN_NAME, stdin_lines(), options)
    except OSError as error:  # a read that fails part way through
        yield Item(STDIN_NAME, error=f"cannot read: {reason(error)}")


def read_stdin_bytes() -> bytes:
    """The raw bytes of standard input, so it decodes as UTF-8 whatever the locale."""
    buffer = getattr(sys.stdin, "buffer", None)
    if buffer is None:  # a text-only stream, e.g. replaced by an embedding program
        return sys.stdin.read().encode("utf-8")
    data: bytes = buffer.read()
    return data


def stdin_lines() -> Iterator[bytes]:
    """The raw lines of standard input, read as they are asked for."""
    buffer = getattr(sys.stdin, "buffer", None)
    if buffer is None:
        return (line.encode("utf-8") for line in sys.stdin)
    lines: Iterator[bytes] = iter(buffer)
    return lines
