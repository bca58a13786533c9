"""The invariants of the marks layer hold under the French conventions too.

The same generated text as ``test_marks_properties`` plus French fragments (dialogue dashes,
incises, guillemets with no-break spaces): spans slice back, never overlap, nest inside their
parent's content, are never blank, count their paragraphs, and the work stays linear.
"""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from frenchdata import french_conventions
from quoteattr import find_quote_marks
from quoteattr._types import MarkStyle, QuoteMarkSpan
from test_marks_properties import (
    check_depth,
    check_inner_within_content,
    check_paragraph_counts,
    check_sorted_and_disjoint,
    check_spans_slice_back,
    messy_text,
    walk,
)
from test_regex_safety import assert_linear

FRAGMENTS = [
    "— ",
    "– ",
    "--",
    "\n— ",
    "\n",
    "« ",
    " »",
    "«\N{NO-BREAK SPACE}",
    "\N{NARROW NO-BREAK SPACE}»",
    ", dit-il, ",
    ", dit la petite. ",
    " ! s’écria-t-elle ",
    ", répondis-je",
    "… fit-on : ",
    "Oui",
    "l’État ",
    "aujourd’hui",
    " “ ",
    " ” ",
    ", ",
    ". ",
]
french_text = st.one_of(
    messy_text,
    st.lists(st.sampled_from(FRAGMENTS), max_size=40).map("".join),
)


def french(text: str) -> list[QuoteMarkSpan]:
    """The spans of *text* under the French conventions."""
    return find_quote_marks(text, french_conventions())


@given(french_text)
def test_french_spans_slice_back_and_never_overlap(text: str) -> None:
    """Every span's text is the source at its offsets; spans are sorted and disjoint."""
    spans = french(text)
    check_spans_slice_back(text, spans)
    check_sorted_and_disjoint(text, spans)
    check_inner_within_content(text, spans)
    check_depth(text, spans)


@given(french_text)
def test_french_spans_are_never_blank_and_count_their_paragraphs(text: str) -> None:
    """No span holds only spaces; paragraphs is the number of paragraphs a span touches."""
    spans = french(text)
    assert all(span.text.strip() for span in walk(spans))
    check_paragraph_counts(text, spans)


@given(french_text)
def test_french_reading_is_deterministic_and_dash_lines_start_at_their_dash(text: str) -> None:
    """The same text gives the same spans; a dialogue line's first span starts on a dash."""
    spans = french(text)
    assert french(text) == spans
    for span in spans:
        if span.style is MarkStyle.DIALOGUE_DASH and span.start != span.content_start:
            assert text[span.start] in "—–-"


def _dialogue(size: int) -> str:
    return "— Oui, dit la petite, il joue ; non, reprit-il.\n" * (size // 48 + 1)


def _long_incised_quote(size: int) -> str:
    return "« " + "Bon, dit-il, « oui » et " * (size // 24 + 1) + "»"


def _commas_no_incise(size: int) -> str:
    return "— " + "a, b, dit" * (size // 9 + 1)


def _continued_quote(size: int) -> str:
    return "« Vous ?\n" + "— Non.\n" * (size // 7 + 1)


def test_french_marks_stay_linear() -> None:
    """Dialogue, incises among nested quotes, comma runs, long continued quotes: linear time."""
    for build in (_dialogue, _long_incised_quote, _commas_no_incise, _continued_quote):
        assert_linear(french, build)
