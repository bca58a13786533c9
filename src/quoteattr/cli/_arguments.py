"""The main command's arguments: the parser, its help text and the checks of its values.

Nothing here imports spaCy or the rules, so ``quoteattr --help`` and usage errors answer
at once.
"""

from __future__ import annotations

import argparse
from importlib import metadata

from quoteattr._types import QuoteKind
from quoteattr.cli._formats import FORMATS
from quoteattr.cli._items import STDIN_NAME
from quoteattr.cli._table import EMPTY_CELL

INPUT_FORMATS = ("auto", "text", "jsonl")
PARSE_MODES = ("full", "relevant")
DEFAULT_BATCH_SIZE = 8  # as QuoteExtractor.pipe (kept literal: --help must not import the rules)
# The names --kinds accepts.
KIND_NAMES = tuple(kind.value for kind in QuoteKind)


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
