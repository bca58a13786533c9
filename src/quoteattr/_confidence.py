"""``Quote.confidence``: the measured precision of the rule that attributed a quote.

The numbers live in ``data/confidence.tsv``, written by the evaluator on the PolNeAR
training split, never on the split the published accuracy is measured on::

    quoteattr evaluate polnear/train -m en_core_web_sm -m en_ud_sm --confidence-table OUT

The table has a row per label scheme and method: ``clear`` rows are measured with a
ClearNLP pipeline (en_core_web_sm), ``ud`` rows with a Universal Dependencies one
(en_ud_sm), because the reported-speech rules' precision differs between the two parses by
more than sampling noise (docs/accuracy.md, "Confidence", has the figures). A pipeline of
either scheme, in any language, reads the rows of its scheme. A method measured on too few
quotes gets no number: a precision over a handful of cases would claim more than it knows.
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
_HEADER = ["scheme", "method", "precision", "quotes", "correct"]


def parse_confidence_table(text: str) -> Mapping[tuple[str, AttributionMethod], float]:
    """Read a confidence table (TSV, ``#`` comments, a header row) into precisions.

    The keys are ``(scheme, method)``: the label scheme the row was measured with
    (``clear``, ``ud``) and the method. Rows for methods this version does not know (a
    table from a newer release) and methods measured on fewer than
    :data:`MIN_MEASURED_QUOTES` quotes are left out.
    """
    message = f"a confidence table starts with the header row {chr(9).join(_HEADER)!r}"
    try:
        header, rows = table_rows(text)
    except ValueError:
        raise ValueError(message) from None
    if header != _HEADER:
        raise ValueError(message)
    known = {method.value: method for method in AttributionMethod}
    table: dict[tuple[str, AttributionMethod], float] = {}
    for scheme, method, precision, quotes, _correct in rows:
        if method in known and int(quotes) >= MIN_MEASURED_QUOTES:
            table[scheme, known[method]] = float(precision)
    return MappingProxyType(table)


@functools.cache
def _shipped_table() -> Mapping[tuple[str, AttributionMethod], float]:
    return parse_confidence_table(read_data(_TABLE))


def confidence_of(method: AttributionMethod | None, scheme: str) -> float | None:
    """The measured precision of *method* under the label *scheme* (``clear``, ``ud``).

    ``None`` for no method, or one measured on too few quotes with that scheme.
    """
    if method is None:
        return None
    return _shipped_table().get((scheme, method))
