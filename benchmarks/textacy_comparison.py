"""Accuracy of quoteattr against textacy's direct_quotations on PolNeAR dev, in one run.

    python benchmarks/textacy_comparison.py [--model en_ud_sm] [--gold DIR] [--json OUT]

Needs the ``bench`` extra (``pip install -e '.[bench]'``, or ``make accuracy``), which
installs textacy 0.13. Every gold text is parsed once; on the same Docs it then runs

* quoteattr:  ``QuoteExtractor(nlp).from_doc(doc)``;
* textacy:    ``textacy.extract.triples.direct_quotations(doc)``, each (speaker, cue, content)
  triple turned into a ``Quote``: the content without its quotation marks, the speaker and the
  cue as the character range from their first to their last token, kind DIRECT, no method.

Both prediction sets go through the same ``quoteattr.evaluation.score``. textacy raises on
articles with an odd number of quotation-mark tokens (it will not guess which one is
unclosed); such an article counts as a failure and contributes no predictions. The two
attribution passes are timed in alternating rounds (the median is reported) on the parsed
Docs; the parse is timed once, on its own.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import re
import statistics
import sys
import time
from collections import Counter
from collections.abc import Callable
from functools import partial
from importlib.metadata import version
from pathlib import Path
from typing import TYPE_CHECKING, TypeVar

import attrs
import spacy

from quoteattr import Cue, Quote, QuoteExtractor, QuoteKind, Speaker
from quoteattr.evaluation import SUBSETS, Failure, load_brat_corpus, score

try:
    from textacy.extract.triples import direct_quotations
except ModuleNotFoundError as missing:
    sys.exit(f"{missing}: install the bench extra, pip install -e '.[bench]' (or make accuracy)")

if TYPE_CHECKING:
    from collections.abc import Mapping, Sequence

    from spacy.language import Language
    from spacy.tokens import Doc, Span, Token

    from quoteattr.evaluation import EvaluationReport, Ratio, SubsetScores

T = TypeVar("T")
#: One system: the quotes of a parsed Doc, with offsets into ``doc.text``.
Extract = Callable[["Doc"], list[Quote]]

DEFAULT_GOLD = Path(__file__).resolve().parents[2] / "shared" / "data" / "polnear" / "dev"


# -- textacy's triples as quoteattr records ----------------------------------------------


def textacy_quotes(doc: Doc) -> list[Quote]:
    """textacy's direct quotations of *doc* as ``Quote`` records (offsets into ``doc.text``).

    Raises whatever ``direct_quotations`` raises. A mistake in the conversion would be
    counted among textacy's failures too, but under its own exception and message.
    """
    triples = list(direct_quotations(doc))  # a generator: it raises while being consumed
    source = doc.text
    return [triple_to_quote(source, speaker, cue, content) for speaker, cue, content in triples]


def triple_to_quote(
    source: str, speaker: Sequence[Token], cue: Sequence[Token], content: Span
) -> Quote:
    """One ``DQTriple`` as a ``Quote``: content without marks, speaker and cue as ranges."""
    start, end = content.start_char, content.end_char
    # textacy's content runs from one quotation-mark token to the next, both included.
    if content[0].is_quote:
        start = content[0].idx + len(content[0])
    if content[-1].is_quote and len(content) > 1:
        end = content[-1].idx
    start, end = strip_whitespace(source, start, end)
    speaker_start, speaker_end = token_range(speaker)
    cue_start, cue_end = token_range(cue)
    return Quote(
        text=source[start:end],
        start=start,
        end=end,
        kind=QuoteKind.DIRECT,
        speaker=Speaker(
            text=source[speaker_start:speaker_end], start=speaker_start, end=speaker_end
        ),
        cue=Cue(
            text=source[cue_start:cue_end],
            start=cue_start,
            end=cue_end,
            lemma=cue_head(cue).lemma_.lower(),
        ),
    )


def token_range(tokens: Sequence[Token]) -> tuple[int, int]:
    """Character range from the first to the last of *tokens* (textacy sorts them)."""
    first = min(tokens, key=lambda token: token.i)
    last = max(tokens, key=lambda token: token.i)
    return first.idx, last.idx + len(last)


def cue_head(cue: Sequence[Token]) -> Token:
    """The reporting verb of a textacy cue: the one token the others (aux, neg) hang from."""
    members = {token.i for token in cue}
    heads = [token for token in cue if token.head.i not in members or token.head.i == token.i]
    return heads[0] if heads else cue[0]


def strip_whitespace(source: str, start: int, end: int) -> tuple[int, int]:
    """Narrow ``start:end`` past the whitespace at either end, as quoteattr's content does."""
    while start < end and source[start].isspace():
        start += 1
    while end > start and source[end - 1].isspace():
        end -= 1
    return start, end


# -- the two passes ----------------------------------------------------------------------


def run(extract: Extract, docs: Sequence[Doc]) -> tuple[list[list[Quote]], list[str | None]]:
    """The quotes of each Doc, and for each the exception *extract* raised on it, or ``None``.

    Both systems get this treatment, as :func:`quoteattr.evaluation.evaluate` gives an
    extractor: an exception is recorded as ``Type: message`` and the Doc has no quotes.
    """
    attempts = [attempt(extract, doc) for doc in docs]
    return [quotes for quotes, _ in attempts], [error for _, error in attempts]


def attempt(extract: Extract, doc: Doc) -> tuple[list[Quote], str | None]:
    try:
        return extract(doc), None
    except Exception as error:  # noqa: BLE001 - a failure on one article is data, counted
        return [], f"{type(error).__name__}: {error}"


def timed(run: Callable[[], T]) -> tuple[float, T]:
    start = time.perf_counter()
    result = run()
    return time.perf_counter() - start, result


def failure_kinds(failures: Sequence[Failure]) -> Counter[str]:
    """Failures grouped by exception and message, numbers blanked ("23 quotation marks")."""
    return Counter(re.sub(r"\d+", "N", failure.message) for failure in failures)


# -- output ------------------------------------------------------------------------------


def versions(nlp: Language) -> dict[str, str]:
    meta = nlp.meta
    return {
        "python": platform.python_version(),
        "spacy": version("spacy"),
        "pipeline": f"{meta.get('lang', '?')}_{meta.get('name', '?')} {meta.get('version', '?')}",
        "quoteattr": version("quoteattr"),
        "textacy": version("textacy"),
    }


def rate(ratio: Ratio) -> str:
    value = ratio.value
    return "-" if value is None else f"{value:.3f}"


def side_by_side(
    reports: Mapping[str, EvaluationReport], ms_per_doc: Mapping[str, float]
) -> list[str]:
    """The key rows of every report, a column per system and subset."""
    columns = [
        (name, report.scores(subset.name)) for subset in SUBSETS for name, report in reports.items()
    ]
    rows: list[list[str]] = [
        ["", *(f"{scores.subset}: {name}" for name, scores in columns)],
        ["gold attributions", *(str(scores.gold) for _, scores in columns)],
        ["predicted", *(str(scores.predicted) for _, scores in columns)],
    ]
    measures: list[tuple[str, Callable[[SubsetScores], Ratio]]] = [
        ("content precision", lambda s: s.content.precision),
        ("content recall", lambda s: s.content.recall),
        ("content F1", lambda s: s.content.f1),
        ("speaker, lenient", lambda s: s.speaker_lenient),
        ("speaker, strict", lambda s: s.speaker_strict),
        ("cue", lambda s: s.cue),
        ("end-to-end precision", lambda s: s.end_to_end.precision),
        ("end-to-end recall", lambda s: s.end_to_end.recall),
        ("end-to-end F1", lambda s: s.end_to_end.f1),
    ]
    rows += [[label, *(rate(get(scores)) for _, scores in columns)] for label, get in measures]
    rows.append(
        ["failed articles", *(str(len(reports[name].corpus.failures)) for name, _ in columns)]
    )
    rows.append(["attribution ms/doc", *(f"{ms_per_doc[name]:.2f}" for name, _ in columns)])
    widths = [max(len(row[column]) for row in rows) for column in range(len(rows[0]))]
    return [
        "  ".join(
            cell.ljust(width) if column == 0 else cell.rjust(width)
            for column, (cell, width) in enumerate(zip(row, widths, strict=True))
        )
        for row in rows
    ]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--model", default=os.environ.get("QUOTEATTR_MODEL", "en_ud_sm"))
    parser.add_argument("--gold", type=Path, default=DEFAULT_GOLD, help="a PolNeAR split folder")
    parser.add_argument("--rounds", type=int, default=3, help="timing rounds (median reported)")
    parser.add_argument("--batch-size", type=int, default=32)
    parser.add_argument("--json", type=Path, metavar="OUT", help="write both reports as JSON")
    args = parser.parse_args()

    if not args.gold.is_dir():
        print(f"gold folder not found: {args.gold}", file=sys.stderr)
        return 1
    documents = load_brat_corpus(args.gold)
    texts = [document.text for document in documents]
    nlp = spacy.load(args.model)
    extractor = QuoteExtractor(nlp)
    parse_seconds, docs = timed(lambda: list(nlp.pipe(texts, batch_size=args.batch_size)))
    info = versions(nlp)

    systems: dict[str, Extract] = {"quoteattr": extractor.from_doc, "textacy": textacy_quotes}
    # Alternating rounds, so that machine noise hits both alike; the output is deterministic.
    rounds = max(args.rounds, 1)
    seconds: dict[str, list[float]] = {name: [] for name in systems}
    outcomes: dict[str, tuple[list[list[Quote]], list[str | None]]] = {}
    for _ in range(rounds):
        for name, extract in systems.items():
            elapsed, outcomes[name] = timed(partial(run, extract, docs))
            seconds[name].append(elapsed)
    ms_per_doc = {name: statistics.median(s) / len(docs) * 1000 for name, s in seconds.items()}

    pipeline, _, pipeline_version = info["pipeline"].partition(" ")
    reports: dict[str, EvaluationReport] = {}
    for name, (predictions, errors) in outcomes.items():
        failures = [
            Failure(document.name, error)
            for document, error in zip(documents, errors, strict=True)
            if error is not None
        ]
        report = score(documents, predictions, failures=failures)
        reports[name] = attrs.evolve(
            report, gold=str(args.gold), model=pipeline, model_version=pipeline_version
        )

    for name, report in reports.items():
        print(f"===== {name} {info[name]}, scored by quoteattr.evaluation =====")
        print(report.format_table())
    print("===== side by side =====")
    print(", ".join(f"{name} {value}" for name, value in info.items()))
    print(f"gold: {args.gold}, {len(documents)} articles")
    print(
        f"parse (once, shared by both): {parse_seconds:.1f} s, "
        f"{parse_seconds / len(docs) * 1000:.0f} ms/doc; "
        f"attribution: median of {rounds} alternating rounds on the parsed Docs"
    )
    for name, report in reports.items():
        failed = report.corpus.failures
        print(f"{name} raised on {len(failed)} of {len(docs)} articles (scored as no quotes)")
        for kind, count in failure_kinds(failed).most_common():
            print(f"  {count:3} x {kind}")
    print()
    print("\n".join(side_by_side(reports, ms_per_doc)))

    if args.json:
        payload = {
            "versions": info,
            "gold": str(args.gold),
            "articles": len(documents),
            "parse_seconds": parse_seconds,
            "systems": {
                name: {
                    "report": report.to_dict(),
                    "attribution_seconds": seconds[name],
                    "attribution_ms_per_doc": ms_per_doc[name],
                }
                for name, report in reports.items()
            },
        }
        args.json.write_text(json.dumps(payload, indent=2) + "\n", encoding="utf-8")
        print(f"\nwrote {args.json}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
