"""The French quotation conventions, read from the shipped data as a language profile will."""

from __future__ import annotations

import functools
from importlib import resources

from quoteattr._data import table_rows
from quoteattr._marks import QuoteConventions, quote_conventions


def read_french(name: str) -> str:
    """The text of the data file *name* of ``quoteattr/lang/fr``."""
    folder = resources.files("quoteattr").joinpath("lang", "fr")
    return folder.joinpath(name).read_text(encoding="utf-8")


@functools.cache
def french_conventions() -> QuoteConventions:
    """``quotes.tsv`` and ``incises.tsv`` of ``quoteattr/lang/fr``, parsed and loaded."""
    _header, settings = table_rows(read_french("quotes.tsv"))
    _header, incises = table_rows(read_french("incises.tsv"))
    return quote_conventions({row[0]: row[1] for row in settings}, incises)
