"""``Quote.confidence``: the measured precision of the rule that attributed a quote.

The numbers live in ``data/confidence.tsv``, written by the evaluator on the PolNeAR
training split, never on the split the published accuracy is measured on::

    quoteattr evaluate polnear/train -m en_core_web_sm -m en_ud_sm --confidence-table OUT

One table serves every pipeline: each method's quotes under both label schemes (ClearNLP,
UD) are pooled, because no method's precision differed between the schemes by more than
sampling noise (docs/accuracy.md, "Confidence", has the figures). A method measured on too
few quotes gets no number: a precision over a handful of cases would claim more than it
knows.
"""

from __future__ import annotations

import functools
from types import MappingProxyType
from typing import TYPE_CHECKING

from quoteattr._data import read_data, table_rows
from quoteattr._types import AttributionMethod

if TYPE_CHECKING:
    from collections.abc import Mapping

__all__ = ["MIN_MEASURED_QUOTES", "confidence_of", "parse_confidence_table"]

#: Fewer measured quotes than this and a method's precision is not reported.
MIN_MEASURED_QUOTES = 20
_TABLE = "confidence.tsv"
_HEADER = ["method", "precision", "quotes", "correct"]


def parse_confidence_table(text: str) -> Mapping[AttributionMethod, float]:
    """Read a confidence table (TSV, ``#`` comments, a header row) into method → precision.

    Rows for methods this version does not know (a table from a newer release) and methods
    measured on fewer than :data:`MIN_MEASURED_QUOTES` quotes are left out.
    """
    message = f"a confidence table starts with the header row {chr(9).join(_HEADER)!r}"
    try:
        header, rows = table_rows(text)
    except ValueError:
        raise ValueError(message) from None
    if header != _HEADER:
        raise ValueError(message)
    known = {method.value: method for method in AttributionMethod}
    table: dict[AttributionMethod, float] = {}
    for method, precision, quotes, _correct in rows:
        if method in known and int(quotes) >= MIN_MEASURED_QUOTES:
            table[known[method]] = float(precision)
    return MappingProxyType(table)


@functools.cache
def _shipped_table() -> Mapping[AttributionMethod, float]:
    return parse_confidence_table(read_data(_TABLE))


def confidence_of(method: AttributionMethod | None) -> float | None:
    """The measured precision of *method*, or ``None`` (no method, or too few measured)."""
    if method is None:
        return None
    return _shipped_table().get(method)
