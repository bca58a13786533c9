"""The ``quoteattr`` command: find and attribute the quotations in texts, at any scale.

Inputs (text files, directories of them, JSONL records, standard input) are read one at a
time as the extractor asks for them, and results are written as they come, so memory stays
flat over millions of texts. Only the paths are checked up front, so a mistyped one fails
before the slow model load. An input that fails is reported on standard error and the run
goes on; the exit status says whether any did.

spaCy, tqdm and the extraction code are imported only once the arguments are valid, so
``quoteattr --help`` and usage errors answer at once.

The modules, in the order a run meets them: ``_arguments`` (the parser and its help),
``_inputs`` with ``_items``, ``_decoding`` and ``_jsonl`` (the readers), ``_extraction``
(loading the model), ``_run`` with ``_progress`` (the run itself), ``_formats`` with
``_table`` (the output formats), ``_streams`` (standard output and the errors that end a run),
and ``_evaluate`` (the ``quoteattr evaluate`` subcommand).
"""

from __future__ import annotations

import sys
from typing import TYPE_CHECKING

from quoteattr.cli._arguments import build_parser
from quoteattr.cli._evaluate import EVALUATE, evaluate_main
from quoteattr.cli._run import run
from quoteattr.cli._streams import exit_status, reported

if TYPE_CHECKING:
    from collections.abc import Sequence

__all__ = ["main"]


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command with *argv* (default: ``sys.argv[1:]``); return the exit status.

    Never raises ``SystemExit``, so callers (and tests) always get the status back.
    ``quoteattr evaluate …`` runs :func:`evaluate_main`.
    """
    arguments = sys.argv[1:] if argv is None else list(argv)
    if arguments[:1] == [EVALUATE]:
        return evaluate_main(arguments[1:])
    try:
        args = build_parser().parse_args(argv)
    except SystemExit as exiting:  # --help, --version, or a usage error (status 2)
        return exit_status(exiting)
    return reported(lambda: run(args))
