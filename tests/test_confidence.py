"""``Quote.confidence`` comes from the measured table shipped in the package."""

from __future__ import annotations

import pytest

from quoteattr import AttributionMethod
from quoteattr._confidence import MIN_MEASURED_QUOTES, confidence_of, parse_confidence_table

HEADER = "method\tprecision\tquotes\tcorrect\n"


def test_rows_become_precisions_by_method() -> None:
    table = parse_confidence_table(
        "# measured on a corpus\n" + HEADER + "cue_after\t0.950\t400\t380\nembedded\t0.7\t50\t35\n"
    )
    assert table == {AttributionMethod.CUE_AFTER: 0.95, AttributionMethod.EMBEDDED: 0.7}


def test_methods_measured_on_few_quotes_get_no_number() -> None:
    few = MIN_MEASURED_QUOTES - 1
    table = parse_confidence_table(HEADER + f"byline\t1.000\t{few}\t{few}\n")
    assert AttributionMethod.BYLINE not in table


def test_unknown_methods_and_the_none_row_are_ignored() -> None:
    table = parse_confidence_table(HEADER + "telepathy\t0.5\t100\t50\nnone\t0.1\t100\t10\n")
    assert table == {}


def test_a_table_without_its_header_is_rejected() -> None:
    with pytest.raises(ValueError, match="header row"):
        parse_confidence_table("cue_after\t0.95\t400\t380\n")


def test_the_shipped_table_covers_the_main_methods() -> None:
    for method in (AttributionMethod.CUE_AFTER, AttributionMethod.CUE_BEFORE):
        confidence = confidence_of(method)
        assert confidence is not None
        assert 0.5 < confidence <= 1.0
    assert confidence_of(None) is None
