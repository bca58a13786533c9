"""The reviewable data files shipped in ``quoteattr/data``: word lists and tables.

Every file keeps one entry per line, with ``#`` lines as comments, so that a reviewer can
read and extend it without touching code. Tables are tab-separated with a header row.
"""

from __future__ import annotations

from importlib import resources

__all__ = ["data_lines", "read_data", "table_rows"]


def read_data(name: str) -> str:
    """The text of the shipped data file *name*."""
    return resources.files("quoteattr").joinpath("data", name).read_text(encoding="utf-8")


def data_lines(text: str) -> list[str]:
    """The entries of a data file's *text*: stripped lines, without comments or blanks."""
    return [line.strip() for line in text.splitlines() if line.strip() and line[0] != "#"]


def table_rows(text: str) -> tuple[list[str], list[list[str]]]:
    """A tab-separated table's header and rows, cells stripped.

    Raises:
        ValueError: the table has no header row.
    """
    lines = data_lines(text)
    if not lines:
        msg = "a data table needs a header row"
        raise ValueError(msg)
    header, *rows = ([cell.strip() for cell in line.split("\t")] for line in lines)
    return header, rows
