"""Accuracy of quoteattr against textacy's direct_quotations on PolNeAR dev, per pipeline.

    python benchmarks/textacy_comparison.py [--model NAME ...] [--gold DIR] [--json OUT]

Needs the ``bench`` extra (``pip install -e '.[bench]'``, or ``make accuracy``), which
installs textacy 0.13. For each pipeline (``--model``, repeatable; by default
``en_core_web_sm`` and ``en_ud_sm``, ClearNLP and UD labels) every gold text is parsed
once; on the same Docs it then runs

* quoteattr:  ``QuoteExtractor(nlp).from_doc(doc)``;
* textacy:    ``textacy.extract.triples.direct_quotations(doc)``, each (speaker, cue, content)
  triple turned into a ``Quote``: the content without its quotation marks, the speaker and the
  cue as the character range from their first to their last token, kind DIRECT, no method.

Every prediction set goes through the same ``quoteattr.evaluation.score``, and the reports
are printed as one table, a column per system and pipeline
(``quoteattr.evaluation.format_comparison``), then as the Markdown tables of
docs/accuracy.md. textacy raises on articles with an odd number of quotation-mark tokens (it
will not guess which one is unclosed); such an article counts as a failure and contributes no
predictions. On each pipeline's Docs the two attribution passes are timed in alternating
rounds (the median is reported); the parse is timed once, on its own.
"""

from __future__ import annotations

import argparse
import json
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
from _pipelines import MODELS, installed_models

from quoteattr import Cue, Quote, QuoteExtractor, QuoteKind, Speaker
from quoteattr.evaluation import Failure, format_comparison, load_brat_corpus, score

try:
    from textacy.extract.triples import direct_quotations
except ModuleNotFoundError as missing:
    sys.exit(f"{missing}: install the bench extra, pip install -e '.[bench]' (or make accuracy)")

if TYPE_CHECKING:
    from collections.abc import Sequence

    from spacy.language import Language
    from spacy.tokens import Doc, Span, Token

    from quoteattr.evaluation import EvaluationReport, GoldDocument, Ratio, SubsetScores

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


@attrs.frozen
class Run:
    """One system on one pipeline's parsed Docs: its report and attribution time."""

    system: str
    pipeline: str
    report: EvaluationReport
    seconds: list[float]
    ms_per_doc: float
    parse_ms_per_doc: float

    @property
    def label(self) -> str:
        return f"{self.system} {self.pipeline}"


def run_pipeline(
    model: str, documents: Sequence[GoldDocument], gold: Path, rounds: int, batch_size: int
) -> list[Run]:
    """Parse the gold texts with *model* once, then run and score both systems on the Docs."""
    nlp = spacy.load(model)
    extractor = QuoteExtractor(nlp)
    texts = [document.text for document in documents]
    parse_seconds, docs = timed(lambda: list(nlp.pipe(texts, batch_size=batch_size)))
    pipeline, _, pipeline_version = versions(nlp)["pipeline"].partition(" ")
    systems: dict[str, Extract] = {"quoteattr": extractor.from_doc, "textacy": textacy_quotes}
    # Alternating rounds, so that machine noise hits both alike; the output is deterministic.
    seconds: dict[str, list[float]] = {name: [] for name in systems}
    outcomes: dict[str, tuple[list[list[Quote]], list[str | None]]] = {}
    for _ in range(max(rounds, 1)):
        for name, extract in systems.items():
            elapsed, outcomes[name] = timed(partial(run, extract, docs))
            seconds[name].append(elapsed)
    runs = []
    for name, (predictions, errors) in outcomes.items():
        failures = [
            Failure(document.name, error)
            for document, error in zip(documents, errors, strict=True)
            if error is not None
        ]
        report = attrs.evolve(
            score(documents, predictions, failures=failures),
            gold=str(gold),
            model=pipeline,
            model_version=pipeline_version,
        )
        runs.append(
            Run(
                system=name,
                pipeline=pipeline,
                report=report,
                seconds=seconds[name],
                ms_per_doc=statistics.median(seconds[name]) / len(docs) * 1000,
                parse_ms_per_doc=parse_seconds / len(docs) * 1000,
            )
        )
    return runs


# -- the Markdown tables of docs/accuracy.md ---------------------------------------------


def markdown(header: Sequence[str], rows: Sequence[Sequence[str]]) -> list[str]:
    lines = ["| " + " | ".join(header) + " |", "|" + "---|" * len(header)]
    return lines + ["| " + " | ".join(row) + " |" for row in rows]


def direct_table(runs: Sequence[Run]) -> list[str]:
    """Direct quotations: a column per system and pipeline, as docs/accuracy.md shows them."""
    scores = [run.report.scores("direct") for run in runs]
    measures: list[tuple[str, Callable[[SubsetScores], Ratio]]] = [
        ("content precision", lambda s: s.content.precision),
        ("content recall", lambda s: s.content.recall),
        ("**content F1**", lambda s: s.content.f1),
        ("speaker, lenient (on matches)", lambda s: s.speaker_lenient),
        ("speaker, strict (on matches)", lambda s: s.speaker_strict),
        ("cue (on matches)", lambda s: s.cue),
        ("**end-to-end F1** (content and speaker)", lambda s: s.end_to_end.f1),
    ]
    # F1 alone: its counts (2 x matched over predicted + gold) say little.
    rows = [
        [label, *(rate(get(s)) if "F1" in label else str(get(s)) for s in scores)]
        for label, get in measures
    ]
    rows.append(
        [
            "articles that raised",
            *(f"{len(run.report.corpus.failures)} of {run.report.corpus.articles}" for run in runs),
        ]
    )
    rows.append(
        ["attribution ms per article (parse excluded)", *(f"{r.ms_per_doc:.1f}" for r in runs)]
    )
    return markdown(["", *(f"{run.system} `{run.pipeline}`" for run in runs)], rows)


def reported_speech_table(runs: Sequence[Run]) -> list[str]:
    """quoteattr's reported speech on each pipeline: indirect_speech and indirect (all)."""
    columns = [
        (f"{subset} `{run.pipeline}`", run.report.scores(subset))
        for subset in ("indirect_speech", "indirect")
        for run in runs
        if run.system == "quoteattr"
    ]
    measures: list[tuple[str, Callable[[SubsetScores], object]]] = [
        ("gold attributions", lambda s: s.gold),
        ("content precision", lambda s: s.content.precision),
        ("content recall", lambda s: s.content.recall),
        ("content F1", lambda s: rate(s.content.f1)),
        ("speaker, lenient (on matches)", lambda s: s.speaker_lenient),
        ("cue (on matches)", lambda s: s.cue),
        ("**end-to-end precision**", lambda s: s.end_to_end.precision),
        ("end-to-end recall", lambda s: s.end_to_end.recall),
        ("**end-to-end F1**", lambda s: rate(s.end_to_end.f1)),
    ]
    rows = [[label, *(str(get(s)) for _, s in columns)] for label, get in measures]
    return markdown(["", *(name for name, _ in columns)], rows)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "--model",
        action="append",
        help="a pipeline to parse with; repeat for several "
        f"(default: those of {', '.join(MODELS)} installed)",
    )
    parser.add_argument("--gold", type=Path, default=DEFAULT_GOLD, help="a PolNeAR split folder")
    parser.add_argument("--rounds", type=int, default=3, help="timing rounds (median reported)")
    parser.add_argument("--batch-size", type=int, default=32)
    parser.add_argument("--json", type=Path, metavar="OUT", help="write every report as JSON")
    args = parser.parse_args()

    if not args.gold.is_dir():
        print(f"gold folder not found: {args.gold}", file=sys.stderr)
        return 1
    documents = load_brat_corpus(args.gold)
    models = args.model or installed_models()
    if not models:
        print(f"none of {', '.join(MODELS)} is installed; name one with --model", file=sys.stderr)
        return 1
    runs: list[Run] = []
    for model in models:
        print(f"parsing {len(documents)} articles with {model} and running both systems ...")
        runs += run_pipeline(model, documents, args.gold, args.rounds, args.batch_size)

    info = {
        "python": platform.python_version(),
        "spacy": version("spacy"),
        "quoteattr": version("quoteattr"),
        "textacy": version("textacy"),
    }
    print(", ".join(f"{name} {value}" for name, value in info.items()))
    print(f"gold: {args.gold}, {len(documents)} articles")
    for run in runs:
        failed = run.report.corpus.failures
        print(
            f"{run.label}: attribution {run.ms_per_doc:.2f} ms/doc (median of "
            f"{len(run.seconds)} alternating rounds on the parsed Docs; the parse "
            f"{run.parse_ms_per_doc:.0f} ms/doc), raised on {len(failed)} of {len(documents)} "
            "articles (scored as no quotes)"
        )
        for kind, count in failure_kinds(failed).most_common():
            print(f"  {count:3} x {kind}")
    print()
    print(format_comparison([run.report for run in runs], [run.label for run in runs]))
    print("docs/accuracy.md, direct quotations:\n")
    print("\n".join(direct_table(runs)))
    print("\ndocs/accuracy.md, reported speech:\n")
    print("\n".join(reported_speech_table(runs)))

    if args.json:
        payload = {
            "versions": info,
            "gold": str(args.gold),
            "articles": len(documents),
            "runs": [
                {
                    "system": run.system,
                    "pipeline": run.pipeline,
                    "report": run.report.to_dict(),
                    "parse_ms_per_doc": run.parse_ms_per_doc,
                    "attribution_seconds": run.seconds,
                    "attribution_ms_per_doc": run.ms_per_doc,
                }
                for run in runs
            ],
        }
        args.json.write_text(json.dumps(payload, indent=2) + "\n", encoding="utf-8")
        print(f"\nwrote {args.json}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
