"""Throughput and memory of quoteattr against the bare spaCy parse, measured in one run.

    python benchmarks/throughput.py [--model en_ud_sm] [--corpus DIR] [--rounds 3]

Reads the PolNeAR dev articles from ../shared (or any folder of .txt files), then runs, in
alternating rounds so that machine noise hits every mode alike:

* ``nlp.pipe``         — the parse alone, the floor for anything built on spaCy;
* ``extractor.pipe``   — quoteattr on the same texts (parse + marks + attribution);
* ``from_doc``         — attribution alone, on documents parsed beforehand.

It prints documents and words per second (the median round), the ratio of quoteattr to the
bare parse, and the peak resident memory after loading the pipeline and after streaming every
text through ``extractor.pipe`` (before the benchmark itself holds parsed documents).
"""

from __future__ import annotations

import argparse
import os
import resource
import statistics
import sys
import time
from importlib.metadata import version
from pathlib import Path
from typing import TYPE_CHECKING

import spacy

from quoteattr import QuoteExtractor

if TYPE_CHECKING:
    from collections.abc import Callable

DEFAULT_CORPUS = (
    Path(__file__).resolve().parents[2] / "shared" / "data" / "polnear" / "dev" / "text"
)


def peak_rss_mb() -> float:
    """Peak resident set size of this process so far, in MB (Linux reports KB)."""
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def timed(run: Callable[[], object]) -> float:
    start = time.perf_counter()
    run()
    return time.perf_counter() - start


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--model", default=os.environ.get("QUOTEATTR_MODEL", "en_ud_sm"))
    parser.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS)
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--batch-size", type=int, default=32)
    args = parser.parse_args()

    if not args.corpus.is_dir():
        print(f"corpus folder not found: {args.corpus}", file=sys.stderr)
        return 1
    texts = [p.read_text(encoding="utf-8") for p in sorted(args.corpus.glob("*.txt"))]
    words = sum(len(t.split()) for t in texts)
    nlp = spacy.load(args.model)
    extractor = QuoteExtractor(nlp)
    load_rss = peak_rss_mb()
    quotes = sum(len(found) for found in extractor.pipe(texts, batch_size=args.batch_size))
    streaming_rss = peak_rss_mb()
    docs = list(nlp.pipe(texts, batch_size=args.batch_size))  # the input for from_doc

    modes = {
        "nlp.pipe (parse only)": lambda: list(nlp.pipe(texts, batch_size=args.batch_size)),
        "extractor.pipe": lambda: list(extractor.pipe(texts, batch_size=args.batch_size)),
        "from_doc (attribution only)": lambda: [extractor.from_doc(d) for d in docs],
    }
    seconds: dict[str, list[float]] = {name: [] for name in modes}
    for _ in range(args.rounds):
        for name, run in modes.items():
            seconds[name].append(timed(run))

    print(f"pipeline {args.model} (spaCy {version('spacy')}), {len(texts)} texts, {words:,} words,")
    print(f"{quotes} quotes; median of {args.rounds} alternating rounds, one process\n")
    print(f"{'mode':30} {'seconds':>8} {'docs/s':>8} {'words/s':>9}")
    for name, values in seconds.items():
        median = statistics.median(values)
        print(f"{name:30} {median:8.2f} {len(texts) / median:8.1f} {words / median:9.0f}")
    parse = statistics.median(seconds["nlp.pipe (parse only)"])
    full = statistics.median(seconds["extractor.pipe"])
    attribution = statistics.median(seconds["from_doc (attribution only)"])
    print(f"\nthroughput extractor.pipe / nlp.pipe: {parse / full:.3f}")
    print(f"attribution / parse time:             {attribution / parse:.3%}")
    print(f"attribution per document:             {attribution / len(texts) * 1000:.2f} ms")
    print(f"peak RSS after loading the pipeline: {load_rss:.0f} MB")
    print(f"peak RSS after streaming every text: {streaming_rss:.0f} MB")
    return 0


if __name__ == "__main__":
    sys.exit(main())
