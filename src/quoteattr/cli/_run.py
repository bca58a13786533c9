"""The main command's run: check the inputs, load the model, stream the results out."""

from __future__ import annotations

import contextlib
import sys
from typing import TYPE_CHECKING

from quoteattr.cli import _extraction
from quoteattr.cli._formats import WRITERS
from quoteattr.cli._inputs import known_total, path_problems, read_items
from quoteattr.cli._items import ReadOptions
from quoteattr.cli._progress import Progress, Tally
from quoteattr.cli._streams import fail, utf8_stdout, writing_stdout

if TYPE_CHECKING:
    import argparse
    from collections.abc import Iterable

    from quoteattr import Quote
    from quoteattr._types import ExtractionFailure
    from quoteattr.cli._formats import Writer
    from quoteattr.cli._items import Item


def run(args: argparse.Namespace) -> int:
    """Check the paths, load the model, then stream every input through it to stdout."""
    out = utf8_stdout()  # a closed standard output fails before the slow model load
    names: list[str] = args.files or ["-"]
    problems = path_problems(names)
    if problems:
        for problem in problems:
            fail(problem)
        return 1
    options = ReadOptions(args.input_format, args.text_field, args.id_field)
    # Looked up on its module when called, so one stand-in (a test's fake) serves both commands.
    extractor = _extraction.load_extractor(args.model, args.kinds, parse=args.parse)
    items = read_items(names, options)
    outcomes = extractor.pipe(
        ((item.text, item) for item in items),
        batch_size=args.batch_size,
        n_process=args.jobs,
        as_tuples=True,
        on_error="return",
    )
    total = known_total(names, options)
    with contextlib.closing(Progress(enabled=args.progress, total=total, out=out)) as progress:
        tally = write_outcomes(outcomes, WRITERS[args.format](out), progress)
    return final_status(tally)


def write_outcomes(
    outcomes: Iterable[tuple[list[Quote] | ExtractionFailure, Item]],
    writer: Writer,
    progress: Progress,
) -> Tally:
    """Write each input's quotes as it comes; report each failed input; count them all."""
    tally = Tally()
    with progress.paused(), writing_stdout():
        writer.start()
    try:
        for outcome, item in outcomes:
            tally.inputs += 1
            if item.error is not None:
                progress.report(f"{item.name}: {item.error}")
                tally.failed += 1
            elif isinstance(outcome, list):
                with progress.paused(), writing_stdout():
                    writer.write_item(item, outcome)
                tally.quotes += len(outcome)
            else:
                progress.report(f"{item.name}: {extraction_failed(outcome)}")
                tally.failed += 1
            progress.advance(tally)
    finally:
        # Also when the run is cut short (Ctrl-C, a worker that died): a JSON document
        # still closes, and holds the inputs done so far.
        with progress.paused(), writing_stdout():
            writer.finish()
    return tally


def extraction_failed(failure: ExtractionFailure) -> str:
    """What the extractor said about an input it failed on."""
    return f"extraction failed: {failure.error_type}: {failure.message}"


def final_status(tally: Tally) -> int:
    """0 if every input went through, else 1; with several inputs, a count of the failures.

    The count does not start with ``error:``, so grepping for that finds the inputs alone.
    """
    if not tally.failed:
        return 0
    if tally.inputs > 1:
        sys.stderr.write(
            f"quoteattr: {tally.failed} of {tally.inputs} inputs failed; see the errors above\n"
        )
    return 1
