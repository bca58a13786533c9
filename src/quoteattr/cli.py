"""The ``quoteattr`` command: find and attribute the quotations in texts, at any scale.

Inputs (text files, directories of them, JSONL records, standard input) are read one at a
time as the extractor asks for them, and results are written as they come, so memory stays
flat over millions of texts. Only the paths are checked up front, so a mistyped one fails
before the slow model load. An input that fails is reported on standard error and the run
goes on; the exit status says whether any did.

spaCy, tqdm and the extraction code are imported only once the arguments are valid, so
``quoteattr --help`` and usage errors answer at once.
"""

from __future__ import annotations

import argparse
import contextlib
import csv
import errno
import io
import json
import os
import shlex
import shutil
import stat
import sys
import textwrap
from importlib import metadata
from pathlib import Path
from typing import TYPE_CHECKING, Any, Literal, Protocol, TextIO, overload

import attrs

from quoteattr._records import RECORD_COLUMNS, to_records
from quoteattr._render import escape, fragment, page_end, page_start
from quoteattr._types import REPORTED_KINDS, QuoteKind
from quoteattr.errors import QuoteAttrError

if TYPE_CHECKING:
    from collections.abc import Callable, Iterable, Iterator, Sequence

    from quoteattr import Quote
    from quoteattr._types import ExtractionFailure
    from quoteattr.evaluation import EvaluationReport, Subset

__all__ = ["main"]

STDIN_NAME = "<stdin>"
FORMATS = ("table", "json", "jsonl", "csv", "html")
INPUT_FORMATS = ("auto", "text", "jsonl")
PARSE_MODES = ("full", "relevant")
# What a directory is searched for, by the input format; suffixes match in any case.
TEXT_SUFFIXES = (".txt",)
JSONL_SUFFIXES = (".jsonl", ".ndjson")
DEFAULT_BATCH_SIZE = 8  # as QuoteExtractor.pipe (kept literal: --help must not import the rules)
# The --format csv columns: the input's name, then quoteattr.to_records' columns.
CSV_HEADER = ("file", *RECORD_COLUMNS)
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
# Telling a binary input from text in a legacy encoding: the bytes read, and the share of
# them that may be control characters other than those text uses (tab, line and page breaks,
# escape, and DOS's end-of-file mark). Random bytes hold about 10 %.
BINARY_SAMPLE_BYTES = 8192
MAX_TEXT_CONTROL_SHARE = 0.02
TEXT_BYTES = bytes(range(0x20, 0x7F)) + bytes(range(0x80, 0x100)) + b"\t\n\v\f\r\x1a\x1b"
UTF16_BOMS = (b"\xff\xfe", b"\xfe\xff")
# What the command says when no pipeline can be loaded.
INSTALL_MODEL = (
    "install one (pip install a pipeline's wheel, e.g. en_core_web_sm, or python -m spacy "
    "download en_core_web_sm)"
)

EPILOG = f"""\
inputs:
  FILE         a text file: one text, named by its path.
  DIRECTORY    every *.txt file in it and its subdirectories, in sorted
               order, each named by its path (with --input-format jsonl:
               every *.jsonl and *.ndjson file). Links to directories are not
               followed.
  FILE.jsonl   one JSON object per line (also *.ndjson, or any input with
               --input-format jsonl), each a text: the string in its "text"
               field (--text-field), named FILE:LINE, or by its --id-field.
               Blank lines are skipped.
  -            standard input, also when no input is given: one text named
               "{STDIN_NAME}", or with --input-format jsonl, records named
               {STDIN_NAME}:LINE.
  Text is UTF-8. The paths are checked before the model loads; the texts are
  read one at a time as the work reaches them, so memory stays flat however
  many there are.

output formats:
  table  per input, a heading and one row per quote: kind, speaker (the
         resolved name, else the words of the mention), cue, and the quote
         shortened to fit the terminal; "{EMPTY_CELL}" where a quote has no speaker or cue.
  json   one JSON document for the whole run: a list with one object per input,
           [{{"file": "a.txt", "quotes": [QUOTE, ...]}}, ...]
  jsonl  one JSON object per line, per quote: {{"file": "a.txt", **QUOTE}}
  csv    a header, then one row per quote: file, quote_index, kind, text,
         start, end, speaker_text, speaker_start, speaker_end, speaker_name,
         speaker_kind, speaker_entity_id, cue_text, cue_start, cue_end,
         cue_lemma, method, confidence; quote_index counts from 0 within an
         input, and a missing value is an empty cell.
  html   one HTML page, a section per input: its text with each quote, its
         speaker and its cue marked in the speaker's colour, and linked; for
         reading in a browser (quoteattr -f html article.txt > article.html).
  QUOTE is {{"text", "start", "end", "kind", "speaker", "cue", "method",
  "confidence"}}; speaker is null or {{"text", "start", "end", "name", "label",
  "entity_id", "title", "kind", "resolution", "parts"}};
  cue is null or {{"text", "start", "end", "lemma"}}. start/end are character
  offsets into the input's text. "file" is the input's name: its path,
  "{STDIN_NAME}", FILE:LINE or the record's --id-field. Every format is written
  input by input as the run goes.

quote kinds (-k/--kinds, comma-separated; all by default):
  direct    a quoted utterance framed by a reporting clause: "We will go," she said.
  partial   a quoted fragment in the reporter's sentence: called the plan "a farce"
  indirect  reported speech without quotation marks: he said that talks failed
  mixed     reported speech holding a quoted fragment: said it was "a farce"
  e.g. --kinds direct,partial for the quotations in quotation marks only.

large jobs:
  quoteattr -f csv articles/ > quotes.csv
  quoteattr -f jsonl -j 4 --id-field url news.jsonl > quotes.jsonl
  zcat news.jsonl.gz | quoteattr --input-format jsonl -f jsonl --parse relevant
  A progress bar shows on standard error when it is a terminal (--no-progress
  hides it); it never goes to standard output.

errors:
  An input that cannot be read, is not UTF-8 or looks binary, a JSONL line
  that is not an object with a string text field, or a text the extractor
  fails on is reported on standard error as "quoteattr: error: NAME: WHAT"
  and left out of the output; the run goes on with the next input. A closed
  standard input or output, or one that cannot be written (a full disk), ends
  the run with one such line.

commands:
  quoteattr evaluate GOLD_DIR ...
         score quoteattr against gold attributions in brat standoff files, such
         as the PolNeAR corpus (see quoteattr evaluate --help). To read a file
         named "evaluate", write it as ./evaluate.

Output is UTF-8.
exit status: 0 success, 1 an input failed (after the others were done), a
path does not exist, or the model could not load; 2 a usage error.
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

--model may be repeated to score several pipelines on the same gold, e.g.
  quoteattr evaluate polnear/dev -m en_core_web_sm -m en_ud_sm
The table then has a column per pipeline and a block of rows per subset;
--json writes {"reports": [REPORT, ...]}, one per pipeline in the order given;
--confidence-table writes the precision of each method over every pipeline's
quotes together.

exit status: 0 success, 1 an input or model error, 2 a usage error.
"""


@attrs.frozen
class Item:
    """One text to find quotes in, or why there is none, with the name to report it by."""

    name: str
    text: str = ""
    #: Why the input gave no text (unreadable, not UTF-8, a bad JSONL record); the text is
    #: then empty, and the item still goes through the extractor to keep its place in order.
    error: str | None = None


class Extractor(Protocol):
    """What the command needs from :class:`quoteattr.QuoteExtractor`.

    The command streams ``(text, item)`` pairs and wants a failure in place of a failed
    item's quotes; ``quoteattr evaluate`` passes plain texts.
    """

    @overload
    def pipe(self, texts: Iterable[str]) -> Iterator[list[Quote]]: ...

    @overload
    def pipe(
        self,
        texts: Iterable[tuple[str, Item]],
        *,
        batch_size: int,
        n_process: int,
        as_tuples: Literal[True],
        on_error: Literal["return"],
    ) -> Iterator[tuple[list[Quote] | ExtractionFailure, Item]]: ...


class InputError(Exception):
    """An input cannot be used; the message names it and says what to do."""


class OutputError(Exception):
    """Standard output cannot take the results: it is closed, or its disk is full."""


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


def reported(command: Callable[[], int]) -> int:
    """Run *command*; an error it ends with is one ``quoteattr: error:`` line, not a traceback."""
    try:
        return command()
    except (InputError, QuoteAttrError) as error:
        return fail(str(error))
    except OutputError as error:
        fail(str(error))
        return abandon_stdout()
    except BrokenPipeError:
        return closed_pipe()
    except KeyboardInterrupt:
        return 130  # the shell's convention: 128 + SIGINT


def build_parser() -> argparse.ArgumentParser:
    """The command-line interface, with the inputs and output shapes in the epilog."""
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
        metavar="INPUT",
        help='text files, directories of them, or JSONL files; "-" or none at all reads '
        "standard input (see below)",
    )
    add_input_options(parser.add_argument_group("input"))
    add_extraction_options(parser.add_argument_group("extraction"))
    add_output_options(parser.add_argument_group("output"))
    parser.add_argument("--version", action="version", version=f"%(prog)s {package_version()}")
    return parser


def add_input_options(group: argparse._ArgumentGroup) -> None:
    """--input-format, --text-field and --id-field."""
    group.add_argument(
        "--input-format",
        choices=INPUT_FORMATS,
        default="auto",
        help="how to read the inputs: text, jsonl, or auto (the default): JSONL for "
        "*.jsonl and *.ndjson files, text for the rest",
    )
    group.add_argument(
        "--text-field",
        default="text",
        metavar="NAME",
        help="the field of a JSONL record that holds its text (default: %(default)s)",
    )
    group.add_argument(
        "--id-field",
        metavar="NAME",
        help="name each JSONL record by this field (a string or a number) instead of FILE:LINE",
    )


def add_extraction_options(group: argparse._ArgumentGroup) -> None:
    """--model, --kinds, --parse, --jobs and --batch-size."""
    group.add_argument(
        "-m",
        "--model",
        metavar="NAME",
        help="spaCy pipeline to parse with: an installed package name or a path "
        "(default: $QUOTEATTR_MODEL, else en_core_web_sm, else any installed English "
        "pipeline with a parser)",
    )
    group.add_argument(
        "-k",
        "--kinds",
        type=parse_kinds,
        metavar="KINDS",
        help=f"comma-separated kinds of quote to find, from: {', '.join(KIND_NAMES)} "
        "(default: all; see below)",
    )
    group.add_argument(
        "--parse",
        choices=PARSE_MODES,
        default="full",
        help="full (the default) parses every sentence; relevant parses only the "
        "sentences that can hold a quote and those its speaker needs: faster",
    )
    group.add_argument(
        "-j",
        "--jobs",
        type=parse_jobs,
        default=1,
        metavar="N",
        help="worker processes for parsing (default: %(default)s; -1: one per CPU core)",
    )
    group.add_argument(
        "--batch-size",
        type=parse_batch_size,
        default=DEFAULT_BATCH_SIZE,
        metavar="N",
        help="texts parsed together (default: %(default)s)",
    )


def add_output_options(group: argparse._ArgumentGroup) -> None:
    """--format and --no-progress."""
    group.add_argument(
        "-f",
        "--format",
        choices=FORMATS,
        default="table",
        help="output format (default: %(default)s; see below)",
    )
    group.add_argument(
        "--no-progress",
        dest="progress",
        action="store_false",
        help="no progress bar (shown on standard error only when it is a terminal)",
    )


def parse_kinds(names: str) -> frozenset[QuoteKind]:
    """``direct,partial`` as quote kinds; an unknown or missing name is a usage error."""
    from quoteattr._extractor import check_kinds  # noqa: PLC0415 - extraction code on use

    try:
        return check_kinds(filter(None, (part.strip() for part in names.split(","))))
    except ValueError as error:
        raise argparse.ArgumentTypeError(str(error)) from None


def parse_jobs(value: str) -> int:
    """``--jobs``: a number of worker processes, or -1 for one per CPU core."""
    jobs = parse_int(value)
    if jobs < 1 and jobs != -1:
        raise argparse.ArgumentTypeError(
            f"{value!r} is no number of processes; use 1 or more, or -1 for one per CPU core"
        )
    return jobs


def parse_batch_size(value: str) -> int:
    """``--batch-size``: 1 or more texts."""
    size = parse_int(value)
    if size < 1:
        raise argparse.ArgumentTypeError(f"{value!r} is too small; use 1 or more")
    return size


def parse_int(value: str) -> int:
    """*value* as a whole number, or a usage error."""
    try:
        return int(value)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{value!r} is not a whole number") from None


def package_version() -> str:
    """The installed distribution's version (the single source is the package metadata)."""
    try:
        return metadata.version("quoteattr")
    except metadata.PackageNotFoundError:  # running from a source tree that is not installed
        return "unknown"


# -- the run -----------------------------------------------------------------------------


@attrs.define
class Tally:
    """How far the run has gone: inputs met, inputs that failed, quotes written."""

    inputs: int = 0
    failed: int = 0
    quotes: int = 0


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
    extractor = load_extractor(args.model, args.kinds, parse=args.parse)
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


# -- input -------------------------------------------------------------------------------


@attrs.frozen
class ReadOptions:
    """How inputs are read: the --input-format, --text-field and --id-field options."""

    input_format: str = "auto"
    text_field: str = "text"
    id_field: str | None = None

    def reads_jsonl(self, name: str) -> bool:
        """Whether the input *name* holds JSONL records rather than one text."""
        if self.input_format == "auto":
            return name.lower().endswith(JSONL_SUFFIXES)
        return self.input_format == "jsonl"

    @property
    def directory_suffixes(self) -> tuple[str, ...]:
        """The files a directory is searched for."""
        return JSONL_SUFFIXES if self.input_format == "jsonl" else TEXT_SUFFIXES


def path_problems(names: Sequence[str]) -> list[str]:
    """Why each path that cannot be read cannot, found before the model loads."""
    return [problem for name in names if (problem := path_problem(name)) is not None]


def path_problem(name: str) -> str | None:
    """Why the input *name* cannot be read, or None; its contents are not read yet."""
    if name == "-":
        # Started with standard input closed (quoteattr - <&-), Python has no sys.stdin.
        return "cannot read standard input: it is closed" if sys.stdin is None else None
    if not name:  # Path("") would be the current directory
        return "cannot read '': an empty argument names no file"
    try:
        mode = Path(name).stat().st_mode
    except OSError as error:
        return f"cannot read {name!r}: {reason(error)}"
    # Listing a directory and opening what it holds needs search permission too.
    wanted = os.R_OK | os.X_OK if stat.S_ISDIR(mode) else os.R_OK
    if not os.access(name, wanted):
        return f"cannot read {name!r}: {os.strerror(errno.EACCES)}"
    return None


def known_total(names: Sequence[str], options: ReadOptions) -> int | None:
    """How many texts the inputs hold, when each is one text; None when that is unknown."""
    if any(options.reads_jsonl(name) or is_directory(name) for name in names):
        return None
    return len(names)


def is_directory(name: str) -> bool:
    """Whether the input *name* is a directory to search ("-" is standard input)."""
    return name != "-" and Path(name).is_dir()


def read_items(names: Iterable[str], options: ReadOptions) -> Iterator[Item]:
    """Every text of the inputs *names*, in order, each read only when it is reached."""
    for name in names:
        if name == "-" and options.reads_jsonl(name):
            yield from stdin_jsonl_items(options)
        elif name == "-":
            yield stdin_item()
        elif is_directory(name):
            yield from directory_items(name, options)
        else:
            yield from file_items(name, options)


def file_items(path: str, options: ReadOptions) -> Iterator[Item]:
    """The text of the file *path*, or its JSONL records."""
    if options.reads_jsonl(path):
        yield from jsonl_file_items(path, options)
    else:
        yield text_file_item(path)


def directory_items(directory: str, options: ReadOptions) -> Iterator[Item]:
    """The inputs below *directory*; an error if there are none, which is surely a mistake."""
    found = False
    for item in tree_items(directory, options):
        found = True
        yield item
    if not found:
        patterns = " or ".join(f"*{suffix}" for suffix in options.directory_suffixes)
        yield Item(directory, error=f"no {patterns} files in this directory or below it")


def tree_items(directory: str, options: ReadOptions) -> Iterator[Item]:
    """The inputs of the files below *directory* that *options* look for, in path order.

    Sorting each directory's entries by name and descending in that order sorts the paths
    part by part, while holding one listing per level rather than the whole tree. Links to
    directories are not followed, so a link cycle cannot loop.
    """
    try:
        with os.scandir(directory) as scan:
            entries = sorted(scan, key=lambda entry: entry.name)
    except OSError as error:
        yield Item(directory, error=f"cannot list the directory: {reason(error)}")
        return
    for entry in entries:
        if entry.is_dir(follow_symlinks=False):
            yield from tree_items(entry.path, options)
        elif entry.name.lower().endswith(options.directory_suffixes) and entry.is_file():
            yield from file_items(entry.path, options)


def text_file_item(path: str) -> Item:
    """The file *path* as one text."""
    try:
        data = Path(path).read_bytes()
    except OSError as error:
        return Item(path, error=f"cannot read: {reason(error)}")
    return decoded_item(path, data)


def stdin_item() -> Item:
    """Standard input as one text."""
    try:
        data = read_stdin_bytes()
    except OSError as error:
        return Item(STDIN_NAME, error=f"cannot read: {reason(error)}")
    return decoded_item(STDIN_NAME, data)


def stdin_jsonl_items(options: ReadOptions) -> Iterator[Item]:
    """The JSONL records on standard input, read line by line."""
    try:
        yield from jsonl_items(STDIN_NAME, stdin_lines(), options)
    except OSError as error:  # a read that fails part way through
        yield Item(STDIN_NAME, error=f"cannot read: {reason(error)}")


def read_stdin_bytes() -> bytes:
    """The raw bytes of standard input, so it decodes as UTF-8 whatever the locale."""
    buffer = getattr(sys.stdin, "buffer", None)
    if buffer is None:  # a text-only stream, e.g. replaced by an embedding program
        return sys.stdin.read().encode("utf-8")
    data: bytes = buffer.read()
    return data


def stdin_lines() -> Iterator[bytes]:
    """The raw lines of standard input, read as they are asked for."""
    buffer = getattr(sys.stdin, "buffer", None)
    if buffer is None:
        return (line.encode("utf-8") for line in sys.stdin)
    lines: Iterator[bytes] = iter(buffer)
    return lines


def decoded_item(name: str, data: bytes) -> Item:
    """*data* decoded as UTF-8 (dropping a byte-order mark); offsets count these characters.

    Bytes are decoded without newline translation, so a CRLF line break stays two characters
    and every offset matches the file as written.
    """
    try:
        return Item(name, data.decode("utf-8-sig"))
    except UnicodeDecodeError as error:
        return Item(name, error=undecodable(error, name, whole_file=name != STDIN_NAME))


def undecodable(error: UnicodeDecodeError, source: str, *, whole_file: bool) -> str:
    """Why bytes of *source* are no text: binary, or text in an encoding other than UTF-8.

    *whole_file* says whether the bytes are all of a file, rather than standard input or
    one line of a JSONL file.
    """
    data: bytes = error.object
    if data.startswith(UTF16_BOMS):
        return f"not UTF-8 but UTF-16; {how_to_convert(source, 'UTF-16')}"
    if looks_binary(data):
        return f"looks like {'a binary file' if whole_file else 'binary data'}, not text"
    where = f"byte 0x{data[error.start]:02x} at offset {error.start}"
    return f"not valid UTF-8 ({where}); {how_to_convert(source)}"


def looks_binary(data: bytes) -> bool:
    """Whether *data* (which is not UTF-8) is binary rather than text in another encoding.

    Text in any 8-bit encoding holds no NUL and hardly any control characters; images,
    archives and executables hold plenty. Whether the bytes decode as UTF-8 says nothing
    here: Russian in Windows-1251 is almost all bytes that do not.
    """
    sample = data[:BINARY_SAMPLE_BYTES]
    if b"\0" in sample:
        return True
    controls = len(sample.translate(None, TEXT_BYTES))
    return controls > len(sample) * MAX_TEXT_CONTROL_SHARE


def how_to_convert(name: str, encoding: str = "WINDOWS-1252") -> str:
    """A conversion command for a file in *encoding* (Windows-1252 is the usual legacy one)."""
    iconv = f"iconv -f {encoding} -t UTF-8"
    if name == STDIN_NAME:
        return f"convert it to UTF-8 first, e.g. by piping it through {iconv}"
    converted = f"converted{Path(name).suffix or '.txt'}"
    return f"convert it to UTF-8 first, e.g. {iconv} {shlex.quote(name)} > {converted}"


def reason(error: OSError) -> str:
    """The operating system's words for *error* ("No such file or directory")."""
    return error.strerror or str(error)


# -- JSONL input -------------------------------------------------------------------------


def jsonl_file_items(path: str, options: ReadOptions) -> Iterator[Item]:
    """The records of the JSONL file *path*, read line by line."""
    try:
        with Path(path).open("rb") as file:
            yield from jsonl_items(path, file, options)
    except OSError as error:  # on opening, or a read that fails part way through
        yield Item(path, error=f"cannot read: {reason(error)}")


def jsonl_items(source: str, lines: Iterable[bytes], options: ReadOptions) -> Iterator[Item]:
    """One item per non-blank line of *lines*, located as ``SOURCE:LINE``."""
    for number, line in enumerate(lines, start=1):
        if line.strip():
            yield line_item(f"{source}:{number}", line, source, options)


def line_item(location: str, line: bytes, source: str, options: ReadOptions) -> Item:
    """The record on one JSONL *line*, or why it is none."""
    try:
        record = json.loads(line.rstrip(b"\r\n").decode("utf-8-sig"))
    except UnicodeDecodeError as error:
        return Item(location, error=undecodable(error, source, whole_file=False))
    except json.JSONDecodeError as error:
        return Item(location, error=f"not valid JSON ({where_json_fails(error)})")
    except RecursionError:
        return Item(location, error="not valid JSON (nested too deeply)")
    return record_item(location, record, options)


def where_json_fails(error: json.JSONDecodeError) -> str:
    """``Expecting value at column 1``; some of json's messages end in "at" already."""
    at = "" if error.msg.endswith(" at") else " at"
    return f"{error.msg}{at} column {error.colno}"


def record_item(location: str, record: object, options: ReadOptions) -> Item:
    """The text of a decoded JSONL *record*, named by its id field or its *location*."""
    if not isinstance(record, dict):
        return Item(location, error=f"not a JSON object but {json_type(record)}")
    text = record.get(options.text_field)
    if not isinstance(text, str):
        return Item(location, error=field_problem(record, options.text_field, "a string"))
    if options.id_field is None:
        return Item(location, text)
    name = record_name(record.get(options.id_field))
    if name is None:
        # No silent fallback to FILE:LINE: the output would mix two kinds of name.
        return Item(location, error=field_problem(record, options.id_field, "a string or number"))
    return Item(name, text)


def record_name(value: object) -> str | None:
    """An id field's value as a name: a string as is, a number as JSON writes it."""
    if isinstance(value, str):
        return value
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        return json.dumps(value)
    return None


def field_problem(record: dict[str, Any], field: str, wanted: str) -> str:
    """Why *record*'s *field* is not the *wanted* kind of value."""
    if field not in record:
        return f"no {field!r} field"
    return f"the {field!r} field is {json_type(record[field])}, not {wanted}"


def json_type(value: object) -> str:
    """What kind of JSON value *value* is, for messages."""
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "a boolean"
    if isinstance(value, (int, float)):
        return "a number"
    if isinstance(value, str):
        return "a string"
    return "an array" if isinstance(value, list) else "an object"


# -- extraction --------------------------------------------------------------------------


def load_extractor(
    model: str | None, kinds: frozenset[QuoteKind] | None = None, *, parse: str = "full"
) -> Extractor:
    """Load the pipeline and build the extractor (imports spaCy: the slow part).

    *kinds* are the kinds of quote to find; ``None`` finds every kind. *parse* is
    ``"full"`` or ``"relevant"`` (parse only the sentences that can hold a quote).
    """
    from quoteattr import QuoteExtractor  # noqa: PLC0415 - keeps --help fast
    from quoteattr.errors import MissingComponentError, ModelNotFoundError  # noqa: PLC0415

    try:
        return QuoteExtractor(model, kinds=kinds, parse=parse)
    except ModelNotFoundError as error:
        # Its message is for Python callers (nlp=...); the command has --model.
        raise InputError(model_not_found(model, error)) from None
    except MissingComponentError:
        name = model_name(model)
        raise InputError(
            f"the spaCy pipeline {name} has no dependency parser, which quoteattr needs; "
            "choose one that has with --model NAME, e.g. en_core_web_sm"
        ) from None


def model_name(model: str | None) -> str:
    """The pipeline asked for, for messages: --model, else $QUOTEATTR_MODEL, else the default."""
    if model is not None:
        return repr(model)
    from quoteattr._pipeline import MODEL_ENV_VAR  # noqa: PLC0415 - the extraction code is loaded

    named = os.environ.get(MODEL_ENV_VAR)
    return "chosen by default" if not named else f"{named!r} (${MODEL_ENV_VAR})"


def model_not_found(model: str | None, error: OSError) -> str:
    """What to do when the pipeline *model* (None: the default) cannot be loaded."""
    from quoteattr._pipeline import MODEL_ENV_VAR  # noqa: PLC0415 - the extraction code is loaded

    name = model if model is not None else os.environ.get(MODEL_ENV_VAR)
    if not name:
        return (
            "no English spaCy pipeline with a parser is installed; "
            f"{INSTALL_MODEL}, or name one with --model NAME"
        )
    import spacy.util  # noqa: PLC0415 - loaded already, by the attempt to load the pipeline

    asked = model_name(model)
    if Path(name).exists() or spacy.util.is_package(name):
        # There is something by that name, and spaCy said what is wrong with it.
        cause = error.__cause__ or error
        return f"cannot load the spaCy pipeline {asked}: {cause}; choose another with --model NAME"
    return (
        f"no spaCy pipeline named {asked} is installed; {INSTALL_MODEL} "
        "or choose another with --model NAME"
    )


# -- progress ----------------------------------------------------------------------------


class Progress:
    """tqdm's progress bar on standard error, and the writes that must not garble it."""

    def __init__(self, *, enabled: bool, total: int | None, out: TextIO) -> None:
        """A bar over *total* inputs (unknown if None) while results go to *out*."""
        # tqdm comes with spaCy; imported here, since only a run draws a bar.
        from tqdm import tqdm  # noqa: PLC0415 - only when a bar is shown

        self._tqdm: Any = tqdm
        # disable=None: tqdm draws the bar only when standard error is a terminal.
        self._bar: Any = tqdm(
            total=total, unit=" texts", disable=None if enabled else True, file=sys.stderr
        )
        # Results on the same terminal would run into the bar: it is cleared around them.
        self._shares_terminal: bool = not self._bar.disable and out.isatty()

    def advance(self, tally: Tally) -> None:
        """Count one more input, and show the quotes found (and failures) so far."""
        if not self._bar.disable:
            failed = f", failed={tally.failed}" if tally.failed else ""
            self._bar.set_postfix_str(f"quotes={tally.quotes}{failed}", refresh=False)
        self._bar.update()

    def report(self, message: str) -> None:
        """Write ``quoteattr: error: MESSAGE`` on standard error, above the bar."""
        line = f"quoteattr: error: {message}"
        if self._bar.disable:
            sys.stderr.write(line + "\n")
        else:
            self._tqdm.write(line, file=sys.stderr)

    def paused(self) -> contextlib.AbstractContextManager[object]:
        """A context in which standard output can be written without garbling the bar."""
        if not self._shares_terminal:
            return contextlib.nullcontext()
        clearing: contextlib.AbstractContextManager[object] = self._tqdm.external_write_mode(
            file=sys.stdout
        )
        return clearing

    def close(self) -> None:
        """Leave the bar's final state on the terminal."""
        self._bar.close()


# -- output ------------------------------------------------------------------------------


class Writer:
    """Writes each input's quotes to *out* as they come, flushing after each input."""

    def __init__(self, out: TextIO) -> None:
        """Write to *out*."""
        self.out = out

    def start(self) -> None:
        """Write what comes before the first input."""

    def write(self, name: str, quotes: Sequence[Quote]) -> None:
        """Write the quotes of the input *name*."""
        raise NotImplementedError

    def write_item(self, item: Item, quotes: Sequence[Quote]) -> None:
        """Write the quotes of *item*; a format that shows the text itself overrides this."""
        self.write(item.name, quotes)

    def finish(self) -> None:
        """Write what comes after the last input."""


class TableWriter(Writer):
    """A heading per input, then one aligned row per quote, fitted to the terminal."""

    def __init__(self, out: TextIO) -> None:
        """Write to *out*, as wide as the terminal (or $COLUMNS)."""
        super().__init__(out)
        self.width = shutil.get_terminal_size((PIPE_WIDTH, 24)).columns
        self.inputs = 0

    def write(self, name: str, quotes: Sequence[Quote]) -> None:
        """The heading and rows of one input, after a blank line if it is not the first."""
        if self.inputs:
            self.out.write("\n")
        self.inputs += 1
        self.out.write(file_heading(name, len(quotes)) + "\n")
        self.out.writelines(line + "\n" for line in table_lines(quotes, self.width))
        self.out.flush()


class JsonWriter(Writer):
    """One JSON document, ``[{"file": ..., "quotes": [...]}, ...]``, an entry at a time.

    The text is what ``json.dump(entries, indent=2)`` writes, without holding the entries.
    """

    def __init__(self, out: TextIO) -> None:
        """Write to *out*."""
        super().__init__(out)
        self.entries = 0

    def start(self) -> None:
        """Open the list."""
        self.out.write("[")
        self.out.flush()

    def write(self, name: str, quotes: Sequence[Quote]) -> None:
        """One ``{"file", "quotes"}`` entry, indented as a list item."""
        entry = {"file": name, "quotes": [quote.to_dict() for quote in quotes]}
        text = json.dumps(entry, ensure_ascii=False, indent=2)
        self.out.write(("," if self.entries else "") + "\n" + textwrap.indent(text, "  "))
        self.entries += 1
        self.out.flush()

    def finish(self) -> None:
        """Close the list."""
        self.out.write("\n]\n" if self.entries else "]\n")
        self.out.flush()


class JsonlWriter(Writer):
    """One JSON object per quote and line: ``{"file": ..., **quote}``."""

    def write(self, name: str, quotes: Sequence[Quote]) -> None:
        """A line per quote of the input *name*."""
        for quote in quotes:
            record: dict[str, Any] = {"file": name, **quote.to_dict()}
            self.out.write(json.dumps(record, ensure_ascii=False) + "\n")
        self.out.flush()


class CsvWriter(Writer):
    """A header, then one row per quote with flat columns (:data:`CSV_HEADER`)."""

    def __init__(self, out: TextIO) -> None:
        """Write to *out*, rows ending in a line feed as the other formats' lines do."""
        super().__init__(out)
        if isinstance(out, io.TextIOWrapper):
            # The csv module ends rows itself; translating "\n" (on Windows) would also
            # turn a quote's own "\r\n" into "\r\r\n" and break its offsets.
            out.reconfigure(newline="")
        self.rows = csv.DictWriter(out, CSV_HEADER, lineterminator="\n")

    def start(self) -> None:
        """The header."""
        self.rows.writeheader()
        self.out.flush()

    def write(self, name: str, quotes: Sequence[Quote]) -> None:
        """A row per quote of the input *name*."""
        self.rows.writerows(to_records(quotes, file=name))
        self.out.flush()


class HtmlWriter(Writer):
    """One HTML page: a section per input, its text with the quotes marked (quoteattr.render).

    The page is written as it grows, like the JSON document: its head and styles first, then
    each input's section as soon as its quotes are found, then the end of the page.
    """

    def __init__(self, out: TextIO) -> None:
        """Write to *out*."""
        super().__init__(out)
        self.sections = 0

    def start(self) -> None:
        """The head of the page, with the styles every section shares."""
        self.out.write(page_start("quoteattr"))
        self.out.flush()

    def write_item(self, item: Item, quotes: Sequence[Quote]) -> None:
        """The section of one input: a heading with its name, then its marked text."""
        self.sections += 1
        # Each section's element ids get a prefix of their own, so the links stay apart.
        marked = fragment(item.text, quotes, id_prefix=f"qa{self.sections}", style=False)
        heading = escape(file_heading(item.name, len(quotes)))
        self.out.write(
            f'<section id="input-{self.sections}">\n<h2 class="qa-name">{heading}</h2>\n'
            f"{marked}\n</section>\n"
        )
        self.out.flush()

    def finish(self) -> None:
        """The end of the page."""
        self.out.write(page_end())
        self.out.flush()


WRITERS: dict[str, type[Writer]] = {
    "table": TableWriter,
    "json": JsonWriter,
    "jsonl": JsonlWriter,
    "csv": CsvWriter,
    "html": HtmlWriter,
}


def file_heading(name: str, count: int) -> str:
    """``article.txt: 3 quotes``."""
    if count == 0:
        return f"{name}: no quotes found"
    return f"{name}: {count} quote{'s' if count != 1 else ''}"


def table_lines(quotes: Sequence[Quote], width: int) -> list[str]:
    """The header and rows of one input's table; empty when there are no quotes."""
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
        report = evaluation.evaluate(documents, load_extractor(model), subsets=args.subsets)
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


def write_stdout(text: str) -> None:
    """Write *text* to standard output and flush it, so a failure shows here, not at exit."""
    out = utf8_stdout()
    with writing_stdout():
        out.write(text)
        out.flush()


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
    """Standard output as UTF-8, whatever the locale, and never failing to encode.

    A lone surrogate (escaped in a JSON record, or from a file name that is not UTF-8) is
    written as its backslash escape, so one odd input cannot end a long run.

    Raises:
        OutputError: standard output is closed (``quoteattr … >&-``).
    """
    stream = sys.stdout
    if stream is None:  # Python's stand-in for a standard output closed when it started
        raise OutputError("cannot write to standard output: it is closed")
    if isinstance(stream, io.TextIOWrapper):
        stream.reconfigure(encoding="utf-8", errors="backslashreplace")
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


@contextlib.contextmanager
def writing_stdout() -> Iterator[None]:
    """Turn a failure to write standard output (a full disk, an I/O error) into an OutputError.

    A closed pipe stays a BrokenPipeError: the reader went away, which is not worth a message.
    """
    try:
        yield
    except BrokenPipeError:
        raise
    except OSError as error:
        raise OutputError(f"cannot write to standard output: {reason(error)}") from None


def closed_pipe() -> int:
    """The reader went away (``quoteattr … | head``): stop quietly, as Unix tools do."""
    return abandon_stdout()


def abandon_stdout() -> int:
    """Stop writing standard output, whatever it still holds; return exit status 1.

    Standard output is pointed at the null device, so that the interpreter's final flush of
    what could not be written does not fail again (with an "Exception ignored" traceback).
    """
    if sys.stdout is not None:
        with contextlib.suppress(OSError, ValueError):  # no file descriptor to point anywhere
            devnull = os.open(os.devnull, os.O_WRONLY)
            os.dup2(devnull, sys.stdout.fileno())
            os.close(devnull)
    return 1
