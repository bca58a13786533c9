"""The reviewable data files quoteattr ships: word lists, sectioned word lists and tables.

Every file keeps one entry per line, with ``#`` lines as comments, so that a reviewer can
read and extend it without touching code. Tables are tab-separated with a header row;
sectioned lists group their entries under ``[section]`` headers. Files that hold a
language's knowledge live in its folder (``quoteattr/lang/en/``), the rest in
``quoteattr/data/``.
"""

from __future__ import annotations

from importlib import resources

__all__ = ["data_lines", "read_data", "read_package_data", "sections", "table_rows"]


def read_data(name: str) -> str:
    """The text of the shipped data file *name* in ``quoteattr/data``."""
    return resources.files("quoteattr").joinpath("data", name).read_text(encoding="utf-8")


def read_package_data(package: str, name: str) -> str:
    """The text of the data file *name* that ships beside the modules of *package*."""
    return resources.files(package).joinpath(name).read_text(encoding="utf-8")


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


def sections(text: str) -> dict[str, list[str]]:
    """The lines of a sectioned list's *text*, by section: ``[name]`` opens a section.

    Raises:
        ValueError: a line comes before the first section, or a section is named twice.
    """
    found: dict[str, list[str]] = {}
    current: list[str] | None = None
    for line in data_lines(text):
        if line.startswith("[") and line.endswith("]"):
            name = line[1:-1].strip()
            if name in found:
                msg = f"the section [{name}] is named twice"
                raise ValueError(msg)
            current = found[name] = []
        elif current is None:
            msg = f"{line!r} comes before the first [section] header"
            raise ValueError(msg)
        else:
            current.append(line)
    return found
