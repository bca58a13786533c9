"""The ``quoteattr`` command: find and attribute the quotations in text files.

spaCy and the extraction code are imported inside :func:`main`, only once the arguments are
valid and the input is read, so ``quoteattr --help`` and usage errors answer at once.
"""

from __future__ import annotations

import argparse
import contextlib
import io
import json
import os
import shlex
import shutil
import sys
from importlib import metadata
from pathlib import Path
from typing import TYPE_CHECKING, Any, Protocol, TextIO

import attrs

from quoteattr._types import REPORTED_KINDS, QuoteKind
from quoteattr.errors import QuoteAttrError

if TYPE_CHECKING:
    from collections.abc import Iterable, Iterator, Sequence

    from quoteattr import Quote
    from quoteattr.evaluation import EvaluationReport, Subset

__all__ = ["main"]

STDIN_NAME = "<stdin>"
FORMATS = ("table", "json", "jsonl")
# Table columns never wider than this, so a long speaker leaves room for the quote.
MAX_SPEAKER_WIDTH = 20
MAX_CUE_WIDTH = 12
MIN_QUOTE_WIDTH = 24
# The width when standard output is not a terminal (a pipe, a file, a CI log) and $COLUMNS
# is not set: wider than the usual 80, since nothing wraps there.
PIPE_WIDTH = 120
EMPTY_CELL = "-"
# The names --kinds accepts.
KIND_NAMES = tuple(kind.value for kind in QuoteKind)

EPILOG = f"""\
output formats:
  table  per file, a heading and one row per quote: kind, speaker (the resolved
         name, else the words of the mention), cue, and the quote shortened to
         fit the terminal; "{EMPTY_CELL}" where a quote has no speaker or cue.
  json   one JSON document for the whole run: a list with one object per file,
           [{{"file": "a.txt", "quotes": [QUOTE, ...]}}, ...]
  jsonl  one JSON object per line, per quote: {{"file": "a.txt", **QUOTE}}
  QUOTE is {{"text", "start", "end", "kind", "speaker", "cue", "method",
  "confidence"}}; speaker is null or {{"text", "start", "end", "name", "label",
  "entity_id", "title", "kind", "resolution", "parts"}};
  cue is null or {{"text", "start", "end", "lemma"}}. start/end are character
  offsets into the file's text. Standard input is named "{STDIN_NAME}".

quote kinds (-k/--kinds, comma-separated; all by default):
  direct    a quoted utterance framed by a reporting clause: "We will go," she said.
  partial   a quoted fragment in the reporter's sentence: called the plan "a farce"
  indirect  reported speech without quotation marks: he said that talks failed
  mixed     reported speech holding a quoted fragment: said it was "a farce"
  e.g. --kinds direct,partial for the quotations in quotation marks only.

commands:
  quoteattr evaluate GOLD_DIR ...
         score quoteattr against gold attributions in brat standoff files, such
         as the PolNeAR corpus (see quoteattr evaluate --help). To read a file
         named "evaluate", write it as ./evaluate.

Input files must be UTF-8. Output is UTF-8.
exit status: 0 success, 1 an input or model error, 2 a usage error.
"""

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

exit status: 0 success, 1 an input or model error, 2 a usage error.
"""


class Extractor(Protocol):
    """What the command needs from :class:`quoteattr.QuoteExtractor`."""

    def pipe(self, texts: Iterable[str]) -> Iterator[list[Quote]]:
        """Yield the quotes of each text, in input order."""
        ...


@attrs.frozen
class Source:
    """One input: the name to report it by and its decoded text."""

    name: str
    text: str


class InputError(Exception):
    """An input file cannot be used; the message names it and says what to do."""


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
    try:
        sources = read_sources(args.files)
        extractor = load_extractor(args.model, args.kinds)
        results = zip(sources, extractor.pipe(source.text for source in sources), strict=True)
        write_results(results, args.format, utf8_stdout())
    except (InputError, QuoteAttrError) as error:
        return fail(str(error))
    except BrokenPipeError:
        return closed_pipe()
    except KeyboardInterrupt:
        return 130  # the shell's convention: 128 + SIGINT
    return 0


def build_parser() -> argparse.ArgumentParser:
    """The command-line interface, with the output shapes documented in the epilog."""
    parser = argparse.ArgumentParser(
        prog="quoteattr",
        description="Find the quotations in English news text and attribute each one to\n"
        "its speaker and reporting verb.",
        epilog=EPILOG,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument(
        "files",
        nargs="*",
        metavar="FILE",
        help='UTF-8 text files to read; "-" or none at all reads standard input',
    )
    parser.add_argument(
        "-f",
        "--format",
        choices=FORMATS,
        default="table",
        help="output format (default: %(default)s; see below)",
    )
    parser.add_argument(
        "-m",
        "--model",
        metavar="NAME",
        help="spaCy pipeline to parse with: an installed package name or a path "
        "(default: $QUOTEATTR_MODEL, else en_core_web_sm, else any installed English "
        "pipeline with a parser)",
    )
    parser.add_argument(
        "-k",
        "--kinds",
        type=parse_kinds,
        metavar="KINDS",
        help=f"comma-separated kinds of quote to find, from: {', '.join(KIND_NAMES)} "
        "(default: all; see below)",
    )
    parser.add_argument("--version", action="version", version=f"%(prog)s {package_version()}")
    return parser


def parse_kinds(names: str) -> frozenset[QuoteKind]:
    """``direct,partial`` as quote kinds; an unknown or missing name is a usage error."""
    from quoteattr._extractor import check_kinds  # noqa: PLC0415 - extraction code on use

    try:
        return check_kinds(filter(None, (part.strip() for part in names.split(","))))
    except ValueError as error:
        raise argparse.ArgumentTypeError(str(error)) from None


def package_version() -> str:
    """The installed distribution's version (the single source is the package metadata)."""
    try:
        return metadata.version("quoteattr")
    except metadata.PackageNotFoundError:  # running from a source tree that is not installed
        return "unknown"


# -- input -------------------------------------------------------------------------------


def read_sources(names: Sequence[str]) -> list[Source]:
    """Read every input up front, so a bad path fails before the slow model load."""
    return [read_source(name) for name in names or ["-"]]


def read_source(name: str) -> Source:
    """Read one file (or standard input for ``-``) as UTF-8."""
    if name == "-":
        return Source(STDIN_NAME, decode(read_stdin_bytes(), STDIN_NAME))
    try:
        with open(name, "rb") as file:  # noqa: PTH123 - a plain path string from the user
            data = file.read()
    except OSError as error:
        reason = error.strerror or str(error)
        raise InputError(f"cannot read {name!r}: {reason}") from None
    return Source(name, decode(data, name))


def read_stdin_bytes() -> bytes:
    """The raw bytes of standard input, so it decodes as UTF-8 whatever the locale."""
    buffer = getattr(sys.stdin, "buffer", None)
    if buffer is None:  # a text-only stream, e.g. replaced by an embedding program
        return sys.stdin.read().encode("utf-8")
    data: bytes = buffer.read()
    return data


def decode(data: bytes, name: str) -> str:
    """Decode *data* as UTF-8 (dropping a byte-order mark); offsets count these characters.

    Bytes are decoded without newline translation, so a CRLF line break stays two characters
    and every offset matches the file as written.
    """
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        where = f"byte 0x{data[error.start]:02x} at offset {error.start}"
        raise InputError(
            f"{describe(name)} is not valid UTF-8 ({where}); {how_to_convert(name)}"
        ) from None


def describe(name: str) -> str:
    """How messages refer to an input."""
    return "standard input" if name == STDIN_NAME else repr(name)


def how_to_convert(name: str) -> str:
    """A conversion command for a file in a legacy encoding (Windows-1252 is the usual one)."""
    iconv = "iconv -f WINDOWS-1252 -t UTF-8"
    if name == STDIN_NAME:
        return f"convert it to UTF-8 first, e.g. by piping it through {iconv}"
    return f"convert it to UTF-8 first, e.g. {iconv} {shlex.quote(name)} > converted.txt"


# -- extraction --------------------------------------------------------------------------


def load_extractor(model: str | None, kinds: frozenset[QuoteKind] | None = None) -> Extractor:
    """Load the pipeline and build the extractor (imports spaCy: the slow part).

    *kinds* are the kinds of quote to find; ``None`` finds every kind.
    """
    from quoteattr import QuoteExtractor  # noqa: PLC0415 - keeps --help fast

    return QuoteExtractor(model, kinds=kinds)


# -- output ------------------------------------------------------------------------------


def write_results(results: Iterable[tuple[Source, list[Quote]]], fmt: str, out: TextIO) -> None:
    """Write every file's quotes to *out* in the format *fmt*."""
    if fmt == "json":
        write_json(results, out)
    elif fmt == "jsonl":
        write_jsonl(results, out)
    else:
        write_table(results, out, width=shutil.get_terminal_size((PIPE_WIDTH, 24)).columns)


def write_json(results: Iterable[tuple[Source, list[Quote]]], out: TextIO) -> None:
    """One JSON document: ``[{"file": ..., "quotes": [...]}, ...]``."""
    document = [
        {"file": source.name, "quotes": [quote.to_dict() for quote in quotes]}
        for source, quotes in results
    ]
    json.dump(document, out, ensure_ascii=False, indent=2)
    out.write("\n")


def write_jsonl(results: Iterable[tuple[Source, list[Quote]]], out: TextIO) -> None:
    """One JSON object per quote and line: ``{"file": ..., **quote}``, streamed per file."""
    for source, quotes in results:
        for quote in quotes:
            record: dict[str, Any] = {"file": source.name, **quote.to_dict()}
            out.write(json.dumps(record, ensure_ascii=False) + "\n")
        out.flush()


def write_table(results: Iterable[tuple[Source, list[Quote]]], out: TextIO, width: int) -> None:
    """A heading per file, then one aligned row per quote, fitted to *width* columns."""
    for index, (source, quotes) in enumerate(results):
        if index:
            out.write("\n")
        out.write(file_heading(source.name, len(quotes)) + "\n")
        out.writelines(line + "\n" for line in table_lines(quotes, width))
        out.flush()


def file_heading(name: str, count: int) -> str:
    """``article.txt: 3 quotes``."""
    if count == 0:
        return f"{name}: no quotes found"
    return f"{name}: {count} quote{'s' if count != 1 else ''}"


def table_lines(quotes: Sequence[Quote], width: int) -> list[str]:
    """The header and rows of one file's table; empty when there are no quotes."""
    if not quotes:
        return []
    header = ("#", "kind", "speaker", "cue", "quote")
    rows = [
        (str(number), quote.kind.value, speaker_cell(quote), cue_cell(quote))
        for number, quote in enumerate(quotes, start=1)
    ]
    widths = [max(len(header[i]), *(len(row[i]) for row in rows)) for i in range(4)]
    widths[2] = min(widths[2], MAX_SPEAKER_WIDTH)
    widths[3] = min(widths[3], MAX_CUE_WIDTH)
    # Two spaces between columns and two of indentation.
    quote_width = max(MIN_QUOTE_WIDTH, width - sum(widths) - 2 * len(widths) - 2)
    lines = [format_row(header, widths)]
    for row, quote in zip(rows, quotes, strict=True):
        lines.append(format_row((*row, shorten(shown(quote), quote_width)), widths))
    return lines


def format_row(cells: tuple[str, str, str, str, str], widths: Sequence[int]) -> str:
    """Number, kind, speaker and cue padded (or shortened) to *widths*; then the quote."""
    number, kind, speaker, cue, text = cells
    labels = (
        shorten(cell, w).ljust(w) for cell, w in zip((kind, speaker, cue), widths[1:4], strict=True)
    )
    return "  " + "  ".join([number.rjust(widths[0]), *labels, text]).rstrip()


def speaker_cell(quote: Quote) -> str:
    """The speaker's resolved name, else the words of the mention."""
    if quote.speaker is None:
        return EMPTY_CELL
    return one_line(quote.speaker.name or quote.speaker.text)


def cue_cell(quote: Quote) -> str:
    """The reporting words as written ("told", "according to")."""
    return EMPTY_CELL if quote.cue is None else one_line(quote.cue.text)


def shown(quote: Quote) -> str:
    """The text on one line; a quotation between marks, so its edges are visible.

    Reported speech is shown as written: it is no quotation, and a mixed quote carries
    its own marks.
    """
    if quote.kind in REPORTED_KINDS:
        return one_line(quote.text)
    return f"“{one_line(quote.text)}”"


def one_line(text: str) -> str:
    """*text* with each run of whitespace (paragraph breaks too) as one space."""
    return " ".join(text.split())


def shorten(text: str, width: int) -> str:
    """*text* cut to *width* characters, ending in an ellipsis when cut."""
    if len(text) <= width:
        return text
    return text[: max(width - 1, 0)].rstrip() + "…"


# -- evaluate ----------------------------------------------------------------------------


def evaluate_main(argv: Sequence[str]) -> int:
    """Run ``quoteattr evaluate`` with *argv* (the arguments after ``evaluate``)."""
    try:
        args = build_evaluate_parser().parse_args(argv)
    except SystemExit as exiting:
        return exit_status(exiting)
    from quoteattr import evaluation  # noqa: PLC0415 - keeps the main command's start fast

    try:
        # The gold is read first, so a wrong directory fails before the slow model load.
        documents = evaluation.load_brat_corpus(args.gold)
        extractor = load_extractor(args.model)
        report = evaluation.evaluate(documents, extractor, subsets=args.subsets)
        report = attrs.evolve(report, gold=args.gold)
        write_report(report, args.json, args.confidence_table)
    except (InputError, QuoteAttrError) as error:
        return fail(str(error))
    except BrokenPipeError:
        return closed_pipe()
    except KeyboardInterrupt:
        return 130
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
        help="spaCy pipeline to parse with, as for quoteattr itself",
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


def write_report(report: EvaluationReport, json_out: str | None, table_out: str | None) -> None:
    """The files asked for, then the table on stdout (unless the JSON goes there)."""
    from quoteattr.evaluation import write_confidence_table  # noqa: PLC0415

    if table_out is not None:
        with output_errors(table_out):
            write_confidence_table(report, table_out)
    if json_out is not None:
        document = json.dumps(report.to_dict(), ensure_ascii=False, indent=2) + "\n"
        if json_out == "-":
            utf8_stdout().write(document)
            return
        with output_errors(json_out):
            Path(json_out).write_text(document, encoding="utf-8")
    utf8_stdout().write(report.format_table())


@contextlib.contextmanager
def output_errors(name: str) -> Iterator[None]:
    """Turn a failure to write *name* into an input error that names it."""
    try:
        yield
    except OSError as error:
        reason = error.strerror or str(error)
        raise InputError(f"cannot write {name!r}: {reason}") from None


# -- process plumbing --------------------------------------------------------------------


def utf8_stdout() -> TextIO:
    """Standard output, switched to UTF-8 if the locale chose something narrower."""
    stream = sys.stdout
    encoding = (getattr(stream, "encoding", None) or "").lower().replace("_", "-")
    if isinstance(stream, io.TextIOWrapper) and encoding not in {"utf-8", "utf8"}:
        stream.reconfigure(encoding="utf-8")
    return stream


def exit_status(exiting: SystemExit) -> int:
    """The status a ``SystemExit`` carries (argparse always passes an int)."""
    if exiting.code is None:
        return 0
    return exiting.code if isinstance(exiting.code, int) else 1


def fail(message: str) -> int:
    """Report a user-facing error the way argparse does, and return exit status 1."""
    sys.stderr.write(f"quoteattr: error: {message}\n")
    return 1


def closed_pipe() -> int:
    """The reader went away (``quoteattr … | head``): stop quietly, as Unix tools do."""
    # Point stdout at devnull so the interpreter's final flush does not raise again.
    devnull = os.open(os.devnull, os.O_WRONLY)
    os.dup2(devnull, sys.stdout.fileno())
    return 1
