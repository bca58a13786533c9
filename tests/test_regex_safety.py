"""Adversarial text takes time linear in its length: no regular expression backtracks.

A pattern that backtracks (nested quantifiers, alternatives that overlap under a quantifier,
a variable-width lookbehind over a long run) turns a few hundred kilobytes of odd text, a
scraped page of ornaments or a table with no full stops, into minutes of CPU. Each input
here is timed at a size n and at 4n: linear work takes about 4 times as long on the larger
one, quadratic work 16 times, so a bound of 8 fails the second and not the first. n is grown
until the small run is long enough to measure (``FLOOR_SECONDS``), so the ratio holds on a
fast machine and a slow one. Times are CPU times of this process, the best of a few runs: other
processes on a busy machine do not add to them.
"""

from __future__ import annotations

import gc
import time
from typing import TYPE_CHECKING, Any, NamedTuple

import pytest

from quoteattr import QuoteExtractor, find_quote_marks
from quoteattr._extractor import ALL_KINDS
from quoteattr._marks._pairings import PAIRINGS
from quoteattr._selective import relevant_text, sentence_spans
from quoteattr.lang import profile_for

if TYPE_CHECKING:
    from collections.abc import Callable

#: Every mark the pairing table knows, the two-character ones included.
ALL_MARKS = sorted({mark for p in PAIRINGS for mark in (p.opener, *p.closers)})

#: The small run must take this long before the ratio means anything.
FLOOR_SECONDS = 0.02
#: Linear growth gives a ratio near 4 and quadratic growth near 16.
MAX_RATIO = 8.0
#: The largest small size tried: work still under the floor at 65,536 characters costs
#: under 0.3 µs a character, and four times the text must still take under 8 times as long.
MAX_SIZE = 1 << 16
#: Anything slower than this on the large input is a hang, whatever the ratio says.
MAX_SECONDS = 5.0


class Adversary(NamedTuple):
    """A family of hostile texts: *build(n)* gives one of about n characters."""

    name: str
    build: Callable[[int], str]


def repeated(piece: str) -> Callable[[int], str]:
    """Texts made of *piece* over and over, about n characters long."""
    return lambda n: piece * max(1, n // len(piece))


def framed(before: str, piece: str, after: str) -> Callable[[int], str]:
    """A long run of *piece* between *before* and *after*."""
    return lambda n: before + piece * max(1, n // len(piece)) + after


#: Runs of one mark: only mark pairing tells the marks apart.
MARK_RUNS = [Adversary(f"run of {mark!r}", repeated(mark)) for mark in ALL_MARKS]
ADVERSARIES = [
    Adversary("alternating straight marks", repeated("\"'")),
    Adversary("marks between spaces", repeated('" ')),
    Adversary("forty marks then a word", repeated('"' * 40 + " word ")),
    Adversary("a mark before every word", repeated('"ab ')),
    Adversary("a mark every third character", repeated('"a ')),
    Adversary("a mark far from the next", framed('"', " ", '"')),
    Adversary("spaces", repeated(" ")),
    Adversary("no-break spaces", repeated("\N{NO-BREAK SPACE}")),
    Adversary("newlines", repeated("\n")),
    Adversary("CRLF line ends", repeated("\r\n")),
    Adversary("lone CR line ends", repeated("\r")),
    Adversary("an unclosed quote per CRLF line", repeated('"a\r\n')),
    Adversary("a quote continued over every paragraph", repeated('"We go on.\n\n')),
    Adversary("an unclosed quote of words", framed("“", "word ", "")),
    Adversary("apostrophes inside words", repeated("don't O'Brien's rock 'n' roll ")),
    Adversary("plural possessives in a single quote", framed("'x ", "voters' don't ", "")),
    Adversary("one line with no spaces", repeated("a")),
    Adversary("one word of capitals and hyphens", repeated("A-")),
    Adversary("one word of capitals and apostrophes", repeated("A'")),
    Adversary("nested marks of every style", repeated("“‘«‹„‚「『")),
    Adversary("nested quotes that open words", repeated("“a ‘b «c ‹d „e ‚f ")),
    Adversary("full stops", repeated(".")),
    Adversary("exclamation marks", repeated("!")),
    Adversary("question marks", repeated("?")),
    Adversary("full stops between spaces", repeated(". ")),
    Adversary("ellipses before capitals", repeated("... A ")),
    Adversary("U.S. repeated", repeated("U.S. ")),
    Adversary("U.S. without spaces", repeated("U.S.")),
    Adversary("titles repeated", repeated("Mr. ")),
    Adversary("closing marks after a full stop", framed("Done.", '"', " Then")),
    Adversary("brackets after a full stop", framed("Done.", ")", " Then")),
    Adversary("spaces after a full stop", framed("Done.", " ", "then")),
    Adversary("capitalised words without a full stop", repeated("Ana Ruiz went home and ")),
    Adversary("names, quotes and filler", repeated('Ana Ruiz left. Ben Ode said "yes" to Ana. ')),
]


def sentences(text: str) -> list[tuple[int, int]]:
    """Selective parsing's sentence splitter, with the English abbreviations."""
    return sentence_spans(text, profile_for("en").abbreviations)


def relevant(text: str) -> str:
    """Selective parsing's whole text pass: sentences, marks, the blanked copy."""
    return relevant_text(text, find_quote_marks(text), ALL_KINDS, profile_for("en"))


#: The passes over raw text: mark pairing (paragraph splitting included), selective parsing's
#: sentence splitter, and its whole pass (sentences, reporting words, names).
TEXT_FUNCTIONS: list[Callable[[str], object]] = [find_quote_marks, sentences, relevant]


def linearity_cases() -> list[Any]:
    """Every text pass with every adversary."""
    return [
        pytest.param(function, adversary, id=f"{function.__name__}-{adversary.name}")
        for function in TEXT_FUNCTIONS
        for adversary in ADVERSARIES
    ]


def seconds(function: Callable[[str], object], text: str, runs: int = 3) -> float:
    """The best time of *runs* calls: noise only ever adds time."""
    best = float("inf")
    gc.disable()  # a collection during one run would not scale with the input
    try:
        for _ in range(runs):
            started = time.process_time()
            function(text)
            best = min(best, time.process_time() - started)
    finally:
        gc.enable()
    return best


def assert_linear(function: Callable[[str], object], build: Callable[[int], str]) -> None:
    """Four times the text takes no more than ``MAX_RATIO`` times as long."""
    function(build(1000))  # warm up: caches, lazily loaded tables
    gc.collect()  # once: a full collection costs more than most runs here
    size = 256
    while seconds(function, build(size), runs=1) < FLOOR_SECONDS and size < MAX_SIZE:
        size *= 2
    # A busy machine can slow one measurement; quadratic work fails every attempt.
    for _attempt in range(3):
        small = seconds(function, build(size))
        large = seconds(function, build(4 * size), runs=2)
        assert large < MAX_SECONDS, f"{4 * size} characters took {large:.2f} s"
        if large / max(small, FLOOR_SECONDS) <= MAX_RATIO:
            return
    pytest.fail(f"{size} → {4 * size} characters: {small:.4f} s → {large:.4f} s")


@pytest.mark.parametrize(("function", "adversary"), linearity_cases())
def test_time_grows_linearly(function: Callable[[str], object], adversary: Adversary) -> None:
    """Each text pass stays linear on each hostile input."""
    assert_linear(function, adversary.build)


@pytest.mark.parametrize("adversary", MARK_RUNS, ids=[a.name for a in MARK_RUNS])
def test_mark_pairing_time_grows_linearly_on_runs_of_each_mark(adversary: Adversary) -> None:
    """A run of any one mark, single or double, straight, curly or bracket, stays linear."""
    assert_linear(find_quote_marks, adversary.build)


def test_a_run_of_each_mark_is_decoration() -> None:
    """100,000 of any one mark (an ornament line) is decoration: no quote, found quickly."""
    for mark in ALL_MARKS:
        text = mark * 100_000
        assert seconds(find_quote_marks, text, runs=1) < MAX_SECONDS
        assert find_quote_marks(text) == []


def test_marks_far_apart_still_pair() -> None:
    """Linear time does not come from giving up: a pair 200,000 spaces apart is found."""
    text = "“" + "word " * 40_000 + "”"
    [span] = find_quote_marks(text)
    assert (span.start, span.end, span.closed) == (0, len(text), True)


def test_deep_nesting_keeps_the_outer_quote() -> None:
    """Openers nested past the depth limit are skipped, and the outer quote still closes."""
    text = "“We " + "‘a " * 200 + "end,” she said."
    [span] = find_quote_marks(text)
    assert (span.start, span.end, span.closed) == (0, text.index("”") + 1, True)


# End to end: the parser dominates the time, so these inputs are moderate, and each holds a
# quote with its cue so the text is parsed and attributed, not skipped.

ATTRIBUTED = '"We agree," Ruiz said. '
EXTRACTOR_ADVERSARIES = [
    Adversary("a mark before every word", framed(ATTRIBUTED, '"ab ', "")),
    Adversary("quotes in one endless sentence", repeated('"We agree," Ana Ruiz said and ')),
    Adversary("U.S. repeated", framed(ATTRIBUTED, "U.S. ", "")),
    Adversary("apostrophes inside words", framed(ATTRIBUTED, "don't O'Brien's rock 'n' roll ", "")),
    Adversary("nested quotes that open words", framed(ATTRIBUTED, "“a ‘b «c ‹d „e ", "")),
    Adversary("CRLF paragraphs of quotes", repeated('"We go on," Ruiz said.\r\n')),
]


@pytest.mark.model
@pytest.mark.parametrize(
    "adversary", EXTRACTOR_ADVERSARIES, ids=[a.name for a in EXTRACTOR_ADVERSARIES]
)
def test_extraction_time_grows_linearly(
    default_extractor: QuoteExtractor, adversary: Adversary
) -> None:
    """The whole extraction, parse and rules, is linear on hostile text too."""
    small_text, large_text = adversary.build(1_000), adversary.build(4_000)
    quotes = default_extractor(small_text)  # also warms up
    assert quotes
    assert all(small_text[quote.start : quote.end] == quote.text for quote in quotes)
    small = seconds(default_extractor, small_text, runs=2)
    large = seconds(default_extractor, large_text, runs=2)
    assert large < MAX_SECONDS
    assert large / max(small, FLOOR_SECONDS) <= MAX_RATIO, (small, large)
