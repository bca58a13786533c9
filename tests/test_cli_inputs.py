"""The ``quoteattr`` command's inputs at scale: directories, JSONL records, failures per input.

Like tests/test_cli.py, these replace the extractor with a fake, so they pin the command's
own reading, naming and error reporting without a spaCy pipeline. The last sections run the
command in a process of its own, for standard streams that are closed or cannot be written,
and load pipelines by name, for what the command says when none can be.
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Any

import pytest
import spacy
import spacy.util

import quoteattr._pipeline
from quoteattr import QuoteKind, cli
from quoteattr.cli import _extraction
from quoteattr.cli._formats import FORMATS
from test_cli import (
    FERRY,
    FERRY_QUOTES,
    NO_QUOTES,
    UNATTRIBUTED,
    UNATTRIBUTED_QUOTES,
    FakeExtractor,
    loader,
    make_quote,
    never_loads,
    run,
    set_stdin,
)

if TYPE_CHECKING:
    from collections.abc import Iterable, Iterator


@pytest.fixture
def fake(monkeypatch: pytest.MonkeyPatch) -> FakeExtractor:
    """Install a fake extractor that knows FERRY and UNATTRIBUTED."""
    extractor = FakeExtractor({FERRY: FERRY_QUOTES, UNATTRIBUTED: UNATTRIBUTED_QUOTES})
    monkeypatch.setattr(_extraction, "load_extractor", loader(extractor))
    return extractor


def json_files(out: str) -> list[str]:
    """The input names of a --format json document, in order."""
    return [entry["file"] for entry in json.loads(out)]


def jsonl_files(out: str) -> list[str]:
    """The input name of each line of --format jsonl output."""
    return [json.loads(line)["file"] for line in out.splitlines()]


def write_lines(path: Path, *lines: str | bytes) -> Path:
    """Write *lines* (text as UTF-8, bytes as they are) to *path*, one per line."""
    path.write_bytes(
        b"".join((line if isinstance(line, bytes) else line.encode()) + b"\n" for line in lines)
    )
    return path


def record(text: object, **fields: object) -> str:
    """One JSONL line: ``{"text": text, **fields}``."""
    return json.dumps({"text": text, **fields})


# -- directories ---------------------------------------------------------------------------


def test_directory_reads_every_txt_file_below_it_in_sorted_order(
    fake: FakeExtractor, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """A directory stands for its *.txt files, recursively, sorted, each named by its path."""
    corpus = tmp_path / "corpus"
    (corpus / "a" / "deeper").mkdir(parents=True)
    (corpus / "b.txt").write_text(FERRY, encoding="utf-8")
    (corpus / "a" / "z.txt").write_text(UNATTRIBUTED, encoding="utf-8")
    (corpus / "a" / "deeper" / "council.txt").write_text(NO_QUOTES, encoding="utf-8")
    (corpus / "C.TXT").write_text(FERRY, encoding="utf-8")
    (corpus / "a" / "notes.md").write_text("not an article", encoding="utf-8")
    write_lines(corpus / "records.jsonl", record(FERRY))
    status, out, err = run(["-f", "json", str(corpus)], capsys)
    assert (status, err) == (0, "")
    assert json_files(out) == [
        str(corpus / "C.TXT"),
        str(corpus / "a" / "deeper" / "council.txt"),
        str(corpus / "a" / "z.txt"),
        str(corpus / "b.txt"),
    ]
    assert fake.texts == [FERRY, NO_QUOTES, UNATTRIBUTED, FERRY]


@pytest.mark.usefixtures("fake")
def test_directories_files_and_stdin_keep_the_argument_order(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    """Each argument's texts come in its place: a file, a directory's files, then stdin."""
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "one.txt").write_text(FERRY, encoding="utf-8")
    (corpus / "two.txt").write_text(NO_QUOTES, encoding="utf-8")
    single = tmp_path / "pier.txt"
    single.write_text(UNATTRIBUTED, encoding="utf-8")
    set_stdin(monkeypatch, NO_QUOTES.encode())
    _status, out, _err = run(["-f", "json", str(single), str(corpus), "-"], capsys)
    assert json_files(out) == [
        str(single),
        str(corpus / "one.txt"),
        str(corpus / "two.txt"),
        "<stdin>",
    ]


def test_directory_with_input_format_jsonl_reads_its_jsonl_files(
    fake: FakeExtractor, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """--input-format jsonl makes a directory stand for its *.jsonl and *.ndjson files."""
    shards = tmp_path / "shards"
    shards.mkdir()
    write_lines(shards / "2.ndjson", record(UNATTRIBUTED))
    write_lines(shards / "1.jsonl", record(FERRY), record(NO_QUOTES))
    (shards / "readme.txt").write_text(FERRY, encoding="utf-8")
    status, out, _err = run(["--input-format", "jsonl", "-f", "json", str(shards)], capsys)
    assert status == 0
    assert json_files(out) == [
        f"{shards / '1.jsonl'}:1",
        f"{shards / '1.jsonl'}:2",
        f"{shards / '2.ndjson'}:1",
    ]
    assert fake.texts == [FERRY, NO_QUOTES, UNATTRIBUTED]


@pytest.mark.usefixtures("fake")
def test_directory_without_texts_is_reported_and_the_rest_goes_on(
    ferry_file: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """A directory with no *.txt file is surely a mistake: an error, but not a fatal one."""
    empty = tmp_path / "empty"
    (empty / "sub").mkdir(parents=True)
    (empty / "notes.md").write_text(FERRY, encoding="utf-8")
    status, out, err = run(["-f", "jsonl", str(empty), str(ferry_file)], capsys)
    assert status == 1
    assert jsonl_files(out) == [str(ferry_file)] * 2
    assert err.splitlines() == [
        f"quoteattr: error: {empty}: no *.txt files in this directory or below it",
        "quoteattr: 1 of 2 inputs failed; see the errors above",
    ]


# -- JSONL ---------------------------------------------------------------------------------


def test_jsonl_records_are_texts_named_by_file_and_line(
    fake: FakeExtractor, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Each line of a .jsonl file is a text, named FILE:LINE; blank lines are skipped."""
    path = write_lines(tmp_path / "news.jsonl", record(FERRY, id="a"), "", record(UNATTRIBUTED))
    status, out, _err = run(["-f", "jsonl", str(path)], capsys)
    assert status == 0
    assert jsonl_files(out) == [f"{path}:1", f"{path}:1", f"{path}:3"]
    assert fake.texts == [FERRY, UNATTRIBUTED]


def test_text_field_and_id_field_choose_the_fields(
    fake: FakeExtractor, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """--text-field names where the text is; --id-field what the record is called."""
    path = write_lines(
        tmp_path / "news.ndjson",
        json.dumps({"body": FERRY, "url": "https://example.org/ferry", "text": "ignored"}),
        json.dumps({"body": UNATTRIBUTED, "url": 17}),
    )
    args = ["--text-field", "body", "--id-field", "url", "-f", "json", str(path)]
    status, out, _err = run(args, capsys)
    assert status == 0
    assert json_files(out) == ["https://example.org/ferry", "17"]
    assert fake.texts == [FERRY, UNATTRIBUTED]


def test_input_format_text_reads_a_jsonl_file_whole(
    fake: FakeExtractor, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """--input-format text overrides the suffix: the file is one text, as written."""
    path = write_lines(tmp_path / "news.jsonl", record(FERRY))
    status, out, _err = run(["--input-format", "text", "-f", "json", str(path)], capsys)
    assert status == 0
    assert json_files(out) == [str(path)]
    assert fake.texts == [path.read_text(encoding="utf-8")]


def test_standard_input_reads_jsonl_when_told(
    fake: FakeExtractor, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    """--input-format jsonl reads stdin as records, named <stdin>:LINE."""
    set_stdin(monkeypatch, f"{record(FERRY)}\n{record(UNATTRIBUTED)}\n".encode())
    status, out, _err = run(["--input-format", "jsonl", "-f", "json"], capsys)
    assert status == 0
    assert json_files(out) == ["<stdin>:1", "<stdin>:2"]
    assert fake.texts == [FERRY, UNATTRIBUTED]


class WatchedLines:
    """A binary standard input whose lines note the output written before each is read."""

    def __init__(self, lines: list[bytes], capsys: pytest.CaptureFixture[str]) -> None:
        self.lines = lines
        self.capsys = capsys
        self.output_before: list[str] = []

    def __iter__(self) -> Iterator[bytes]:
        output = ""
        for line in self.lines:
            output += self.capsys.readouterr().out
            self.output_before.append(output)
            yield line


@pytest.mark.usefixtures("fake")
def test_jsonl_is_read_as_the_work_reaches_it(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    """A record's quotes are out before the next line is read: memory stays flat."""
    lines = WatchedLines([f"{record(FERRY)}\n".encode(), f"{record(NO_QUOTES)}\n".encode()], capsys)
    monkeypatch.setattr(sys, "stdin", type("Stdin", (), {"buffer": lines})())
    assert cli.main(["--input-format", "jsonl", "-f", "jsonl"]) == 0
    assert lines.output_before[0] == ""
    assert jsonl_files(lines.output_before[1]) == ["<stdin>:1", "<stdin>:1"]


@pytest.mark.parametrize(
    ("line", "message"),
    [
        (b"not json", "not valid JSON (Expecting value at column 1)"),
        (b'{"text": "open', "not valid JSON (Unterminated string starting at column 10)"),
        (b'["a", "list"]', "not a JSON object but an array"),
        (b'"just a string"', "not a JSON object but a string"),
        (b'{"body": "no text field"}', "no 'text' field"),
        (b'{"text": null}', "the 'text' field is null, not a string"),
        (b'{"text": 42}', "the 'text' field is a number, not a string"),
        (b'{"text": ["a"]}', "the 'text' field is an array, not a string"),
    ],
    ids=str,
)
def test_a_bad_jsonl_record_is_reported_and_the_others_go_through(
    line: bytes,
    message: str,
    fake: FakeExtractor,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
) -> None:
    """A line that is no usable record is one error naming FILE:LINE; the run goes on."""
    path = write_lines(tmp_path / "news.jsonl", record(FERRY), line, record(UNATTRIBUTED))
    status, out, err = run(["-f", "jsonl", str(path)], capsys)
    assert status == 1
    assert jsonl_files(out) == [f"{path}:1", f"{path}:1", f"{path}:3"]
    assert err.splitlines() == [
        f"quoteattr: error: {path}:2: {message}",
        "quoteattr: 1 of 3 inputs failed; see the errors above",
    ]
    assert [text for text in fake.texts if text] == [FERRY, UNATTRIBUTED]


@pytest.mark.usefixtures("fake")
def test_a_jsonl_line_that_is_not_utf8_is_reported_with_a_conversion_hint(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Latin-1 bytes in one record: that record fails, with the byte and an iconv command."""
    path = write_lines(tmp_path / "news.jsonl", record(FERRY), b'{"text": "caf\xe9"}')
    status, out, err = run(["-f", "jsonl", str(path)], capsys)
    assert status == 1
    assert jsonl_files(out) == [f"{path}:1", f"{path}:1"]
    assert err.splitlines()[0] == (
        f"quoteattr: error: {path}:2: not valid UTF-8 (byte 0xe9 at offset 13); convert it to "
        f"UTF-8 first, e.g. iconv -f WINDOWS-1252 -t UTF-8 {path} > converted.jsonl"
    )


@pytest.mark.parametrize(
    ("fields", "message"),
    [
        ({}, "no 'id' field"),
        ({"id": None}, "the 'id' field is null, not a string or number"),
        ({"id": True}, "the 'id' field is a boolean, not a string or number"),
        ({"id": {"n": 1}}, "the 'id' field is an object, not a string or number"),
    ],
    ids=str,
)
@pytest.mark.usefixtures("fake")
def test_a_record_without_a_usable_id_is_reported_by_its_line(
    fields: dict[str, Any], message: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """With --id-field, a record it cannot name is an error, never quietly renamed."""
    path = write_lines(tmp_path / "news.jsonl", record(FERRY, id="ferry"), record(FERRY, **fields))
    status, out, err = run(["--id-field", "id", "-f", "jsonl", str(path)], capsys)
    assert status == 1
    assert jsonl_files(out) == ["ferry", "ferry"]
    assert err.splitlines()[0] == f"quoteattr: error: {path}:2: {message}"


@pytest.mark.parametrize("fmt", ["jsonl", "json", "csv", "table"])
def test_a_lone_surrogate_in_a_record_does_not_end_the_run(
    fmt: str, monkeypatch: pytest.MonkeyPatch, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """JSON may escape half a surrogate pair; such a quote is written escaped, not fatal."""
    text = '"Hi \ud800 there," she said.'
    quote = make_quote(text, "Hi \ud800 there,", QuoteKind.DIRECT)
    extractor = FakeExtractor({text: [quote], FERRY: FERRY_QUOTES})
    monkeypatch.setattr(_extraction, "load_extractor", loader(extractor))
    path = write_lines(tmp_path / "odd.jsonl", record(text), record(FERRY))
    status, out, _err = run(["-f", fmt, str(path)], capsys)
    assert status == 0
    assert "Hi \\ud800 there," in out
    assert "The ferry will run again by June," in out
    if fmt == "jsonl":
        assert json.loads(out.splitlines()[0])["text"] == "Hi \ud800 there,"


@pytest.mark.usefixtures("fake")
def test_json_output_stays_one_valid_document_when_records_fail(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Failed inputs are left out of --format json, which still parses."""
    path = write_lines(tmp_path / "news.jsonl", "{", record(FERRY), "[]", record(NO_QUOTES), "7")
    status, out, _err = run(["-f", "json", str(path)], capsys)
    assert status == 1
    assert json_files(out) == [f"{path}:2", f"{path}:4"]


# -- failures per input --------------------------------------------------------------------


@pytest.fixture
def ferry_file(tmp_path: Path) -> Path:
    path = tmp_path / "ferry.txt"
    path.write_text(FERRY, encoding="utf-8")
    return path


@pytest.mark.usefixtures("fake")
def test_a_non_utf8_file_is_reported_and_the_run_goes_on(
    ferry_file: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """A Latin-1 file among good ones: its error (with the iconv hint), everyone else's output."""
    latin = tmp_path / "latin.txt"
    latin.write_bytes("“Café”".encode("cp1252"))
    status, out, err = run(["-f", "jsonl", str(ferry_file), str(latin), str(ferry_file)], capsys)
    assert status == 1
    assert jsonl_files(out) == [str(ferry_file)] * 4
    assert err.splitlines() == [
        (
            f"quoteattr: error: {latin}: not valid UTF-8 (byte 0x93 at offset 0); convert it "
            f"to UTF-8 first, e.g. iconv -f WINDOWS-1252 -t UTF-8 {latin} > converted.txt"
        ),
        "quoteattr: 1 of 3 inputs failed; see the errors above",
    ]


def test_an_extraction_failure_is_reported_and_the_run_goes_on(
    monkeypatch: pytest.MonkeyPatch,
    ferry_file: Path,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
) -> None:
    """A text the extractor fails on is named with what it said; the next one still runs."""
    extractor = FakeExtractor({FERRY: FERRY_QUOTES}, failing=frozenset({UNATTRIBUTED}))
    monkeypatch.setattr(_extraction, "load_extractor", loader(extractor))
    pier = tmp_path / "pier.txt"
    pier.write_text(UNATTRIBUTED, encoding="utf-8")
    status, out, err = run(["-f", "csv", str(pier), str(ferry_file)], capsys)
    assert status == 1
    assert [row.split(",")[0] for row in out.splitlines()[1:]] == [str(ferry_file)] * 2
    assert err.splitlines()[0] == (
        f"quoteattr: error: {pier}: extraction failed: ValueError: the parser broke"
    )


class DeletingExtractor(FakeExtractor):
    """A fake that deletes a file as soon as it is given its first text."""

    def __init__(self, doomed: Path) -> None:
        super().__init__({FERRY: FERRY_QUOTES})
        self.doomed = doomed

    def pipe(self, texts: Iterable[Any], **options: Any) -> Iterator[Any]:
        for result in super().pipe(texts, **options):
            self.doomed.unlink(missing_ok=True)
            yield result


def test_files_are_read_when_reached_and_one_gone_meanwhile_is_reported(
    monkeypatch: pytest.MonkeyPatch,
    ferry_file: Path,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
) -> None:
    """Only paths are checked up front; a file deleted before its turn fails on its own."""
    doomed = tmp_path / "doomed.txt"
    doomed.write_text(FERRY, encoding="utf-8")
    monkeypatch.setattr(_extraction, "load_extractor", loader(DeletingExtractor(doomed)))
    status, out, err = run(["-f", "jsonl", str(ferry_file), str(doomed), str(ferry_file)], capsys)
    assert status == 1
    assert jsonl_files(out) == [str(ferry_file)] * 4
    assert err.splitlines()[0] == (
        f"quoteattr: error: {doomed}: cannot read: No such file or directory"
    )


def test_every_missing_path_is_named_before_the_model_loads(
    monkeypatch: pytest.MonkeyPatch,
    ferry_file: Path,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
) -> None:
    """Missing paths end the run at once, each named, with no model load and no output."""
    monkeypatch.setattr(_extraction, "load_extractor", never_loads("no model for a missing path"))
    missing_dir, missing_jsonl = tmp_path / "no-such-dir", tmp_path / "gone.jsonl"
    args = [str(missing_dir), str(ferry_file), str(missing_jsonl)]
    status, out, err = run(args, capsys)
    assert (status, out) == (1, "")
    assert err.splitlines() == [
        f"quoteattr: error: cannot read {str(missing_dir)!r}: No such file or directory",
        f"quoteattr: error: cannot read {str(missing_jsonl)!r}: No such file or directory",
    ]


@pytest.mark.usefixtures("fake")
def test_one_failed_input_alone_gets_no_count(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """With a single input the error says it all: no "1 of 1 inputs failed" line."""
    path = write_lines(tmp_path / "one.jsonl", "[]")
    status, _out, err = run(["-f", "jsonl", str(path)], capsys)
    assert status == 1
    assert err == f"quoteattr: error: {path}:1: not a JSON object but an array\n"


# -- binary files and other encodings ------------------------------------------------------


@pytest.mark.usefixtures("fake")
@pytest.mark.parametrize(
    "data",
    [
        pytest.param(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)), id="with-nul"),
        pytest.param(bytes(range(1, 256)) * 4, id="control-bytes"),
    ],
)
def test_a_binary_file_is_called_binary_without_an_iconv_hint(
    data: bytes, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """A file of NUL or control bytes is reported as binary, not as text to convert."""
    path = tmp_path / "picture.txt"
    path.write_bytes(data)
    status, out, err = run([str(path)], capsys)
    assert (status, out) == (1, "")
    assert err == f"quoteattr: error: {path}: looks like a binary file, not text\n"


@pytest.mark.usefixtures("fake")
def test_binary_standard_input_is_called_binary_data(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    """Binary bytes piped in are binary data, not text."""
    set_stdin(monkeypatch, b"\x1f\x8b\x08\x00\xff\x03")
    status, _out, err = run([], capsys)
    assert status == 1
    assert err == "quoteattr: error: <stdin>: looks like binary data, not text\n"


@pytest.mark.usefixtures("fake")
def test_text_in_a_single_byte_encoding_still_gets_the_iconv_hint(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Cyrillic in Windows-1251, almost no byte of it UTF-8, is text to convert, not binary."""
    path = tmp_path / "cyrillic.txt"
    path.write_bytes("«Паром выйдет в июне», — сказала Ирина Орлова.".encode("cp1251"))
    status, _out, err = run([str(path)], capsys)
    assert status == 1
    assert err.startswith(f"quoteattr: error: {path}: not valid UTF-8 (byte 0xab at offset 0);")
    assert "iconv -f WINDOWS-1252 -t UTF-8" in err


@pytest.mark.usefixtures("fake")
def test_a_utf16_file_gets_a_utf16_conversion_hint(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """A UTF-16 file (with its byte order mark, as Windows writes it) is named as such."""
    path = tmp_path / "notepad.txt"
    path.write_bytes(FERRY.encode("utf-16"))
    status, _out, err = run([str(path)], capsys)
    assert status == 1
    assert err == (
        f"quoteattr: error: {path}: not UTF-8 but UTF-16; convert it to UTF-8 first, "
        f"e.g. iconv -f UTF-16 -t UTF-8 {path} > converted.txt\n"
    )


# -- standard streams that are closed or full ----------------------------------------------

# The command with a stand-in extractor, for runs in a process of their own: it finds one
# quote, the first character of each text that has one, so every format has something to
# write.
ONE_QUOTE_COMMAND = """
import sys
from quoteattr import Quote, QuoteKind, cli
from quoteattr.cli import _extraction

class OneQuote:
    def pipe(self, texts, *, as_tuples=False, **options):
        for entry in texts:
            text = entry[0] if as_tuples else entry
            quotes = [Quote(text[:1], 0, 1, QuoteKind.DIRECT)] if text else []
            yield (quotes, entry[1]) if as_tuples else quotes

_extraction.load_extractor = lambda *args, **options: OneQuote()
sys.exit(cli.main(sys.argv[1:]))
"""


def run_command(shell_redirection: str, *args: str) -> subprocess.CompletedProcess[str]:
    """Run the command on *args* in a shell, with *shell_redirection* applied (e.g. ``<&-``)."""
    command = ["/bin/sh", "-c", f'exec "$@" {shell_redirection}', "sh", sys.executable, *args]
    return subprocess.run(command, capture_output=True, text=True, check=False, timeout=120)


@pytest.fixture
def text_file(tmp_path: Path) -> Path:
    """A text file with a quote in it."""
    path = tmp_path / "ferry.txt"
    path.write_text(FERRY, encoding="utf-8")
    return path


def test_closed_standard_input_is_one_error_line() -> None:
    """`quoteattr - <&-` says standard input is closed, with no traceback, before loading."""
    result = run_command("<&-", "-m", "quoteattr", "--no-progress", "-")
    assert (result.returncode, result.stdout) == (1, "")
    assert result.stderr == "quoteattr: error: cannot read standard input: it is closed\n"


@pytest.mark.parametrize("input_format", ["text", "jsonl"])
def test_unreadable_standard_input_is_one_error_line(input_format: str, tmp_path: Path) -> None:
    """Standard input open for writing only fails to read: one line naming <stdin>."""
    write_only = f"0>{tmp_path / 'write-only.txt'}"
    args = ["-c", ONE_QUOTE_COMMAND, "--input-format", input_format, "-"]
    result = run_command(write_only, *args)
    assert (result.returncode, result.stdout) == (1, "")
    assert result.stderr == "quoteattr: error: <stdin>: cannot read: Bad file descriptor\n"


@pytest.mark.parametrize(
    "args", [pytest.param([], id="quoteattr"), pytest.param(["evaluate"], id="evaluate")]
)
def test_closed_standard_output_is_one_error_line(args: list[str], text_file: Path) -> None:
    """`quoteattr FILE >&-` says standard output is closed, on standard error, before loading."""
    # evaluate checks its output first too: the gold directory need not even exist.
    result = run_command(">&-", "-m", "quoteattr", *args, str(text_file))
    assert result.returncode == 1
    assert result.stderr == "quoteattr: error: cannot write to standard output: it is closed\n"


@pytest.mark.skipif(not Path("/dev/full").exists(), reason="no /dev/full on this system")
@pytest.mark.parametrize("output_format", FORMATS)
def test_a_full_disk_is_one_error_line(output_format: str, text_file: Path) -> None:
    """Output to a full disk is one error line, also at exit: no "Exception ignored"."""
    args = ["-c", ONE_QUOTE_COMMAND, "-f", output_format, str(text_file)]
    result = run_command(">/dev/full", *args)
    assert result.returncode == 1
    expected = "quoteattr: error: cannot write to standard output: No space left on device\n"
    assert result.stderr == expected


@pytest.mark.skipif(not Path("/dev/full").exists(), reason="no /dev/full on this system")
def test_a_full_disk_under_evaluate_is_one_error_line(tmp_path: Path) -> None:
    """evaluate's table to a full disk is one error line, rather than a failure at exit."""
    (tmp_path / "pier.txt").write_text(NO_QUOTES, encoding="utf-8")
    (tmp_path / "pier.ann").write_text("", encoding="utf-8")
    result = run_command(">/dev/full", "-c", ONE_QUOTE_COMMAND, "evaluate", str(tmp_path))
    assert result.returncode == 1
    expected = "quoteattr: error: cannot write to standard output: No space left on device\n"
    assert result.stderr == expected


# -- pipelines that cannot be loaded, in the command's words -------------------------------

INSTALL_ADVICE = (
    "install one (pip install a pipeline's wheel, e.g. en_core_web_sm, or python -m spacy "
    "download en_core_web_sm)"
)


@pytest.fixture
def no_default_pipeline(monkeypatch: pytest.MonkeyPatch) -> None:
    """Forget the default pipeline this process may have loaded, so it is looked for again."""
    monkeypatch.setattr(quoteattr._pipeline, "_default", None)


@pytest.mark.parametrize("command", [[], ["evaluate"]], ids=["quoteattr", "evaluate"])
def test_a_missing_model_names_the_option_and_how_to_install_one(
    command: list[str], text_file: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """--model with a name nobody installed: what to install, and --model, never nlp=."""
    # evaluate reads its gold first, so it gets a directory; the model fails before scoring.
    (text_file.parent / "ferry.ann").write_text("", encoding="utf-8")
    status, out, err = run([*command, "-m", "xx_no_such_pipeline", str(text_file.parent)], capsys)
    assert (status, out) == (1, "")
    assert err == (
        "quoteattr: error: no spaCy pipeline named 'xx_no_such_pipeline' is installed; "
        f"{INSTALL_ADVICE} or choose another with --model NAME\n"
    )


@pytest.mark.usefixtures("no_default_pipeline")
def test_a_missing_model_from_the_environment_names_the_variable(
    monkeypatch: pytest.MonkeyPatch, text_file: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """A pipeline named by $QUOTEATTR_MODEL that is not installed says where the name came from."""
    monkeypatch.setenv("QUOTEATTR_MODEL", "xx_gone_pipeline")
    status, _out, err = run([str(text_file)], capsys)
    assert status == 1
    assert err == (
        "quoteattr: error: no spaCy pipeline named 'xx_gone_pipeline' ($QUOTEATTR_MODEL) is "
        f"installed; {INSTALL_ADVICE} or choose another with --model NAME\n"
    )


@pytest.mark.usefixtures("no_default_pipeline")
def test_no_installed_pipeline_says_how_to_install_one(
    monkeypatch: pytest.MonkeyPatch, text_file: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """With no pipeline installed at all, the command says to install one or name one."""
    monkeypatch.delenv("QUOTEATTR_MODEL", raising=False)
    monkeypatch.setattr(spacy.util, "get_installed_models", list)
    status, _out, err = run([str(text_file)], capsys)
    assert status == 1
    assert err == (
        "quoteattr: error: no English spaCy pipeline with a parser is installed; "
        f"{INSTALL_ADVICE}, or name one with --model NAME\n"
    )


def test_a_directory_that_holds_no_pipeline_gets_spacys_reason(
    tmp_path: Path, text_file: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """--model with a directory that is no pipeline: the reason spaCy gives, and --model."""
    empty = tmp_path / "empty"
    empty.mkdir()
    status, _out, err = run(["-m", str(empty), str(text_file)], capsys)
    assert status == 1
    assert err.startswith(f"quoteattr: error: cannot load the spaCy pipeline {str(empty)!r}: ")
    assert err.endswith("; choose another with --model NAME\n")
    assert "nlp=" not in err


def test_a_pipeline_without_a_parser_names_the_option(
    tmp_path: Path, text_file: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """A pipeline directory with no parser: the command says to choose one with --model."""
    blank = tmp_path / "blank"
    spacy.blank("en").to_disk(blank)
    status, _out, err = run(["-m", str(blank), str(text_file)], capsys)
    assert status == 1
    assert err == (
        f"quoteattr: error: the spaCy pipeline {str(blank)!r} has no dependency parser, which "
        "quoteattr needs; choose one that has with --model NAME, e.g. en_core_web_sm\n"
    )
