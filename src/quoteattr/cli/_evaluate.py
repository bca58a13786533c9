"""``quoteattr evaluate``: score quoteattr against gold attributions in brat files."""

from __future__ import annotations

import argparse
import json
from pathlib import Path
from typing import TYPE_CHECKING, Any

import attrs

from quoteattr.cli import _extraction
from quoteattr.cli._streams import (
    exit_status,
    output_errors,
    reported,
    utf8_stdout,
    write_stdout,
)

if TYPE_CHECKING:
    from collections.abc import Sequence

    from quoteattr.evaluation import EvaluationReport, Subset


EVALUATE = "evaluate"
EVALUATE_EPILOG = """\
subsets of the gold (--subsets), and the quote kinds scored against each:
  direct           direct quotations, against quotes in marks (direct, partial)
  indirect_speech  indirect attributions with a speech cue (say, tell, argue,
                   according to...), against reported speech (indirect, mixed)
  indirect         every attribution that is not direct, against reported speech
  all              every attribution, against every quote

GOLD_DIR holds brat annotations in one of two layouts: PolNeAR's split,
text/NAME.txt with attributions/NAME_XXXX.ann (XXXX names the annotator; with
several, the first in sorted order is used), or NAME.txt next to NAME.ann.

The table goes to standard output: for each subset of the gold, the counts,
content precision/recall/F1, speaker and cue accuracy and end-to-end scores,
each rate with the counts behind it; then the precision of each attribution
method. --json writes the full report, with the errors for analysis.

--model may be repeated to score several pipelines on the same gold, e.g.
  quoteattr evaluate polnear/dev -m en_core_web_sm -m en_ud_sm
The table then has a column per pipeline and a block of rows per subset;
--json writes {"reports": [REPORT, ...]}, one per pipeline in the order given;
--confidence-table writes the precision of each method per label scheme,
pooling the quotes of the pipelines of each scheme.

exit status: 0 success, 1 an input or model error, 2 a usage error.
"""


def evaluate_main(argv: Sequence[str]) -> int:
    """Run ``quoteattr evaluate`` with *argv* (the arguments after ``evaluate``)."""
    try:
        args = build_evaluate_parser().parse_args(argv)
    except SystemExit as exiting:
        return exit_status(exiting)
    return reported(lambda: evaluate_run(args))


def evaluate_run(args: argparse.Namespace) -> int:
    """Score the extractor against the gold of *args* and write the report."""
    from quoteattr import evaluation  # noqa: PLC0415 - keeps the main command's start fast

    utf8_stdout()  # the table goes there: a closed one fails before any work
    # The gold is read first, so a wrong directory fails before the slow model load.
    documents = evaluation.load_brat_corpus(args.gold)
    reports: list[EvaluationReport] = []
    for model in args.model or [None]:
        # One pipeline at a time: the previous one is dropped before the next loads.
        # Looked up on its module when called, as in the main command's run.
        extractor = _extraction.load_extractor(model)
        report = evaluation.evaluate(documents, extractor, subsets=args.subsets)
        reports.append(attrs.evolve(report, gold=args.gold, model=report.model or model))
    write_report(reports, args.json, args.confidence_table)
    return 0


def build_evaluate_parser() -> argparse.ArgumentParser:
    """The ``quoteattr evaluate`` subcommand's interface."""
    parser = argparse.ArgumentParser(
        prog=f"quoteattr {EVALUATE}",
        description="Score quoteattr against gold attributions: run it over every text of\n"
        "GOLD_DIR and compare what it finds with the annotations.",
        epilog=EVALUATE_EPILOG,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("gold", metavar="GOLD_DIR", help="a directory of brat annotations")
    parser.add_argument(
        "-m",
        "--model",
        metavar="NAME",
        action="append",
        help="spaCy pipeline to parse with, as for quoteattr itself; repeat it to compare "
        "pipelines side by side (see below)",
    )
    parser.add_argument(
        "--subsets",
        type=parse_subsets,
        default="direct,indirect_speech,indirect,all",  # a string default goes through type
        metavar="SUBSETS",
        help="comma-separated subsets of the gold to score, one column each (default: "
        "%(default)s; see below)",
    )
    parser.add_argument(
        "--json",
        metavar="OUT",
        help='write the full report as JSON to OUT; "-" writes it to standard output '
        "instead of the table",
    )
    parser.add_argument(
        "--confidence-table",
        metavar="OUT",
        help="write the precision of each attribution method to OUT as a TSV (the table "
        "behind Quote.confidence)",
    )
    return parser


def parse_subsets(names: str) -> tuple[Subset, ...]:
    """``direct,indirect`` as subsets, each once, in the order given."""
    from quoteattr.evaluation import subset_named  # noqa: PLC0415 - only for evaluate

    subsets: list[Subset] = []
    for name in filter(None, (part.strip() for part in names.split(","))):
        try:
            subset = subset_named(name)
        except ValueError as error:
            raise argparse.ArgumentTypeError(str(error)) from None
        if subset not in subsets:
            subsets.append(subset)
    if not subsets:
        raise argparse.ArgumentTypeError("name at least one subset, e.g. direct,indirect")
    return tuple(subsets)


def write_report(
    reports: Sequence[EvaluationReport], json_out: str | None, table_out: str | None
) -> None:
    """The files asked for, then the table on stdout (unless the JSON goes there).

    One report is written as it is; several, one per pipeline, as a table with a column
    each, a JSON object holding the list of them, and a confidence table pooled over them.
    """
    from quoteattr.evaluation import format_comparison, write_confidence_table  # noqa: PLC0415

    if table_out is not None:
        with output_errors(table_out):
            write_confidence_table(reports, table_out)
    if json_out is not None:
        if len(reports) == 1:
            data: dict[str, Any] = reports[0].to_dict()
        else:
            data = {"reports": [report.to_dict() for report in reports]}
        document = json.dumps(data, ensure_ascii=False, indent=2) + "\n"
        if json_out == "-":
            write_stdout(document)
            return
        with output_errors(json_out):
            Path(json_out).write_text(document, encoding="utf-8")
    table = reports[0].format_table() if len(reports) == 1 else format_comparison(reports)
    write_stdout(table)
