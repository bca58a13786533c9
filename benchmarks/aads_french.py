"""How much of the direct speech in French fiction quoteattr finds, character by character.

    python benchmarks/aads_french.py [--split val|train] [--data DIR] [--per-file] [--json OUT]
    python benchmarks/aads_french.py --extractor [--model fr_core_news_sm]

Reads the AADS corpus (Durandard et al., ACL 2023; ``../shared/data/aads_french/{train,val}``,
one JSON file per chapter: ``{"name", "text", "direct_speech": [[start, end], ...]}``) and
scores the speech quoteattr finds against the gold spans: precision, recall and F1 over
characters, micro-averaged over the split (every character of every file counts once). The
per-file figures (``--per-file``) show where the misses are; tune on the split's figure, never
on one file's.

What is speech
    By default, the spans of ``find_quote_marks(text, conventions=<French>)``: every closed
    top-level quotation (« », “ ”, …) and every dialogue line opened by a dash, as the French
    quotation conventions (``src/quoteattr/lang/fr/quotes.tsv`` and ``incises.txt``) read
    them, split around the narrator's incises. Unclosed quotations are left out: a reader
    cannot tell where they end. With ``--extractor``, the quotes in marks (kinds ``direct``
    and ``partial``) of ``QuoteExtractor("fr_core_news_sm")``: the figure docs/languages.md
    reports, and on AADS the same as the marks layer's.

How characters are compared
    The gold spans include the quotation marks and the dialogue dash (``— Oui,``), and their
    edges carry a space or not at random (about 9 % of the spans start or end with one). So
    both the gold and the found spans are trimmed, before counting, of whitespace, quotation
    marks and dashes at their edges: what is scored is the speech itself, not where an
    annotator's selection began, and quoteattr's quote offsets (marks excluded) and mark
    offsets (marks included) score alike. Characters inside a span all count, spaces too.

The exit status is 0 whatever the figures: this is a report, run by hand, never a test.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Any

import regex

from quoteattr._data import table_rows
from quoteattr._marks import QuoteConventions, find_quote_marks, quote_conventions

if TYPE_CHECKING:
    from collections.abc import Callable, Iterable, Sequence

#: ``../shared/data/aads_french`` beside the checkout (or beside any folder above it, so a
#: git worktree nested deeper finds it too).
DEFAULT_DATA = next(
    (
        folder / "shared" / "data" / "aads_french"
        for folder in Path(__file__).resolve().parents[1:]
        if (folder / "shared" / "data" / "aads_french").is_dir()
    ),
    Path(__file__).resolve().parents[2] / "shared" / "data" / "aads_french",
)
FRENCH_DATA = Path(__file__).resolve().parents[1] / "src" / "quoteattr" / "lang" / "fr"
DEFAULT_MODEL = "fr_core_news_sm"
#: What is trimmed from both ends of every span, gold and found, before counting.
_EDGE = regex.compile(r"[\s\p{Quotation_Mark}\p{Pd}]*+", regex.VERSION1)

Span = tuple[int, int]


def french_conventions(folder: Path = FRENCH_DATA) -> QuoteConventions:
    """The French quotation conventions, read from the data files of *folder*."""
    _header, rows = table_rows((folder / "quotes.tsv").read_text(encoding="utf-8"))
    settings = {row[0]: row[1] for row in rows}
    _header, incises = table_rows((folder / "incises.tsv").read_text(encoding="utf-8"))
    return quote_conventions(settings, incises)


def load_split(folder: Path) -> list[dict[str, Any]]:
    """The AADS files of *folder*, sorted by name."""
    return [json.loads(path.read_text(encoding="utf-8")) for path in sorted(folder.glob("*.json"))]


def marks_speech(conventions: QuoteConventions | None) -> Callable[[str], list[Span]]:
    """Speech as the marks layer finds it: closed top-level quotations and dialogue lines."""

    def spans(text: str) -> list[Span]:
        return [(s.start, s.end) for s in find_quote_marks(text, conventions) if s.closed]

    return spans


def extractor_speech(model: str) -> Callable[[str], list[Span]]:
    """Speech as the extractor finds it: its quotes in marks (needs the French profile)."""
    from quoteattr import QuoteExtractor  # noqa: PLC0415 - only this optional path needs spaCy

    extractor = QuoteExtractor(model, kinds={"direct", "partial"})

    def spans(text: str) -> list[Span]:
        return [(quote.start, quote.end) for quote in extractor(text)]

    return spans


def trimmed(text: str, start: int, end: int) -> Span:
    """*start*–*end* without the whitespace, quotation marks and dashes at its edges."""
    start = _EDGE.match(text, start, end).end()
    while end > start and _EDGE.fullmatch(text[end - 1]):
        end -= 1
    return start, end


def covered(text: str, spans: Iterable[Span]) -> bytearray:
    """One byte per character of *text*: 1 where a trimmed span covers it."""
    mask = bytearray(len(text))
    for start, end in spans:
        first, last = trimmed(text, start, end)
        mask[first:last] = b"\x01" * (last - first)
    return mask


def counts(text: str, gold: Iterable[Span], found: Iterable[Span]) -> tuple[int, int, int]:
    """Characters found and gold, found only, gold only: true, false and missed positives."""
    gold_mask, found_mask = covered(text, gold), covered(text, found)
    both = sum(1 for g, f in zip(gold_mask, found_mask, strict=True) if g and f)
    return both, sum(found_mask) - both, sum(gold_mask) - both


def prf(true: int, false: int, missed: int) -> tuple[float, float, float]:
    """Precision, recall and F1 of these character counts (0 where undefined)."""
    precision = true / (true + false) if true + false else 0.0
    recall = true / (true + missed) if true + missed else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return precision, recall, f1


def score(
    documents: Sequence[dict[str, Any]], speech: Callable[[str], list[Span]]
) -> dict[str, Any]:
    """Micro-averaged character figures of *speech* on *documents*, and per-file ones."""
    files = []
    totals = [0, 0, 0]
    for document in documents:
        text = document["text"]
        found = counts(text, (tuple(span) for span in document["direct_speech"]), speech(text))
        totals = [total + count for total, count in zip(totals, found, strict=True)]
        files.append({"name": document["name"], "counts": found, "prf": prf(*found)})
    return {"counts": totals, "prf": prf(*totals), "files": files}


def main(argv: Sequence[str] | None = None) -> int:
    """Score the split and print the figures."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--split", choices=("val", "train"), default="val")
    parser.add_argument("--data", type=Path, default=DEFAULT_DATA, help="the AADS folder")
    parser.add_argument("--per-file", action="store_true", help="print each file's figures")
    parser.add_argument(
        "--english",
        action="store_true",
        help="read the marks with the default (English) conventions: the figure before French",
    )
    parser.add_argument(
        "--extractor",
        action="store_true",
        help="score QuoteExtractor's quotes in marks (needs the French language profile)",
    )
    parser.add_argument("--model", default=DEFAULT_MODEL, help="pipeline for --extractor")
    parser.add_argument("--json", type=Path, help="write the figures here")
    args = parser.parse_args(argv)

    documents = load_split(args.data / args.split)
    if not documents:
        print(f"no AADS files in {args.data / args.split}", file=sys.stderr)
        return 1
    if args.extractor:
        system = f"QuoteExtractor({args.model!r}) quotes in marks"
        speech = extractor_speech(args.model)
    elif args.english:
        system = "find_quote_marks(text)"
        speech = marks_speech(None)
    else:
        system = "find_quote_marks(text, conventions=<French>)"
        speech = marks_speech(french_conventions())
    report = score(documents, speech)
    report.update(system=system, split=args.split, files_scored=len(documents))

    if args.per_file:
        for entry in report["files"]:
            precision, recall, f1 = entry["prf"]
            print(f"{entry['name'][:44]:44}  P {precision:.3f}  R {recall:.3f}  F1 {f1:.3f}")
    precision, recall, f1 = report["prf"]
    true, false, missed = report["counts"]
    print(f"{system} on AADS {args.split} ({len(documents)} files), characters micro-averaged")
    print(f"precision {precision:.3f}  recall {recall:.3f}  F1 {f1:.3f}")
    print(f"(found and gold {true}, found only {false}, gold only {missed})")
    if args.json:
        args.json.write_text(json.dumps(report, indent=2) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
