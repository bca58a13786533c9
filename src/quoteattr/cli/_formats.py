"""The output formats (--format): a writer per format, each writing input by input."""

from __future__ import annotations

import csv
import io
import json
import shutil
import textwrap
from typing import TYPE_CHECKING, Any, TextIO

from quoteattr._records import RECORD_COLUMNS, to_records
from quoteattr._render import escape, fragment, page_end, page_start
from quoteattr.cli._table import PIPE_WIDTH, table_lines

if TYPE_CHECKING:
    from collections.abc import Sequence

    from quoteattr import Quote
    from quoteattr.cli._items import Item

# The --format csv columns: the input's name, then quoteattr.to_records' columns.
CSV_HEADER = ("file", *RECORD_COLUMNS)


class Writer:
    """Writes each input's quotes to *out* as they come, flushing after each input."""

    def __init__(self, out: TextIO) -> None:
        """Write to *out*."""
        self.out = out

    def start(self) -> None:
        """Write what comes before the first input."""

    def write(self, name: str, quotes: Sequence[Quote]) -> None:
        """Write the quotes of the input *name*."""
        raise NotImplementedError

    def write_item(self, item: Item, quotes: Sequence[Quote]) -> None:
        """Write the quotes of *item*; a format that shows the text itself overrides this."""
        self.write(item.name, quotes)

    def finish(self) -> None:
        """Write what comes after the last input."""


class TableWriter(Writer):
    """A heading per input, then one aligned row per quote, fitted to the terminal."""

    def __init__(self, out: TextIO) -> None:
        """Write to *out*, as wide as the terminal (or $COLUMNS)."""
        super().__init__(out)
        self.width = shutil.get_terminal_size((PIPE_WIDTH, 24)).columns
        self.inputs = 0

    def write(self, name: str, quotes: Sequence[Quote]) -> None:
        """The heading and rows of one input, after a blank line if it is not the first."""
        if self.inputs:
            self.out.write("\n")
        self.inputs += 1
        self.out.write(file_heading(name, len(quotes)) + "\n")
        self.out.writelines(line + "\n" for line in table_lines(quotes, self.width))
        self.out.flush()


class JsonWriter(Writer):
    """One JSON document, ``[{"file": ..., "quotes": [...]}, ...]``, an entry at a time.

    The text is what ``json.dump(entries, indent=2)`` writes, without holding the entries.
    """

    def __init__(self, out: TextIO) -> None:
        """Write to *out*."""
        super().__init__(out)
        self.entries = 0

    def start(self) -> None:
        """Open the list."""
        self.out.write("[")
        self.out.flush()

    def write(self, name: str, quotes: Sequence[Quote]) -> None:
        """One ``{"file", "quotes"}`` entry, indented as a list item."""
        entry = {"file": name, "quotes": [quote.to_dict() for quote in quotes]}
        text = json.dumps(entry, ensure_ascii=False, indent=2)
        self.out.write(("," if self.entries else "") + "\n" + textwrap.indent(text, "  "))
        self.entries += 1
        self.out.flush()

    def finish(self) -> None:
        """Close the list."""
        self.out.write("\n]\n" if self.entries else "]\n")
        self.out.flush()


class JsonlWriter(Writer):
    """One JSON object per quote and line: ``{"file": ..., **quote}``."""

    def write(self, name: str, quotes: Sequence[Quote]) -> None:
        """A line per quote of the input *name*."""
        for quote in quotes:
            record: dict[str, Any] = {"file": name, **quote.to_dict()}
            self.out.write(json.dumps(record, ensure_ascii=False) + "\n")
        self.out.flush()


class CsvWriter(Writer):
    """A header, then one row per quote with flat columns (:data:`CSV_HEADER`)."""

    def __init__(self, out: TextIO) -> None:
        """Write to *out*, rows ending in a line feed as the other formats' lines do."""
        super().__init__(out)
        if isinstance(out, io.TextIOWrapper):
            # The csv module ends rows itself; translating "\n" (on Windows) would also
            # turn a quote's own "\r\n" into "\r\r\n" and break its offsets.
            out.reconfigure(newline="")
        self.rows = csv.DictWriter(out, CSV_HEADER, lineterminator="\n")

    def start(self) -> None:
        """The header."""
        self.rows.writeheader()
        self.out.flush()

    def write(self, name: str, quotes: Sequence[Quote]) -> None:
        """A row per quote of the input *name*."""
        self.rows.writerows(to_records(quotes, file=name))
        self.out.flush()


class HtmlWriter(Writer):
    """One HTML page: a section per input, its text with the quotes marked (quoteattr.render).

    The page is written as it grows, like the JSON document: its head and styles first, then
    each input's section as soon as its quotes are found, then the end of the page.
    """

    def __init__(self, out: TextIO) -> None:
        """Write to *out*."""
        super().__init__(out)
        self.sections = 0

    def start(self) -> None:
        """The head of the page, with the styles every section shares."""
        self.out.write(page_start("quoteattr"))
        self.out.flush()

    def write_item(self, item: Item, quotes: Sequence[Quote]) -> None:
        """The section of one input: a heading with its name, then its marked text."""
        self.sections += 1
        # Each section's element ids get a prefix of their own, so the links stay apart.
        marked = fragment(item.text, quotes, id_prefix=f"qa{self.sections}", style=False)
        heading = escape(file_heading(item.name, len(quotes)))
        self.out.write(
            f'<section id="input-{self.sections}">\n<h2 class="qa-name">{heading}</h2>\n'
            f"{marked}\n</section>\n"
        )
        self.out.flush()

    def finish(self) -> None:
        """The end of the page."""
        self.out.write(page_end())
        self.out.flush()


WRITERS: dict[str, type[Writer]] = {
    "table": TableWriter,
    "json": JsonWriter,
    "jsonl": JsonlWriter,
    "csv": CsvWriter,
    "html": HtmlWriter,
}


def file_heading(name: str, count: int) -> str:
    """``article.txt: 3 quotes``."""
    if count == 0:
        return f"{name}: no quotes found"
    return f"{name}: {count} quote{'s' if count != 1 else ''}"


FORMATS = tuple(WRITERS)
