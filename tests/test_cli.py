"""The ``quoteattr`` command: formats, inputs, errors and exit codes.

All but the last test replace the extractor with a fake that returns hand-built quotes, so
they run without a spaCy pipeline and pin the command's own behaviour only.
"""

from __future__ import annotations

import csv
import io
import json
import subprocess
import sys
from typing import TYPE_CHECKING, Any

import pytest

from quoteattr import (
    AttributionMethod,
    Cue,
    ExtractionFailure,
    MissingComponentError,
    ModelNotFoundError,
    Quote,
    QuoteAttrError,
    QuoteKind,
    Speaker,
    cli,
)
from quoteattr.cli import _extraction
from quoteattr.cli._arguments import package_version
from quoteattr.cli._formats import CSV_HEADER

if TYPE_CHECKING:
    from collections.abc import Callable, Iterable, Iterator
    from pathlib import Path

FERRY = (
    '"The ferry will run again by June," Hana Okafor told reporters. '
    'Okafor, the harbour master, said the repairs were "nearly done."'
)
NO_QUOTES = "The council met on Tuesday and adjourned early."
UNATTRIBUTED = 'Locals call the old pier "the Spine" because of its shape.'


def span(text: str, part: str) -> tuple[int, int]:
    """The offsets of the first *part* of *text*."""
    start = text.index(part)
    return start, start + len(part)


def make_quote(
    text: str,
    content: str,
    kind: QuoteKind,
    *,
    speaker: tuple[str, str | None] | None = None,
    cue: tuple[str, str] | None = None,
    method: AttributionMethod | None = None,
) -> Quote:
    """A Quote of *content* in *text*; speaker is ``(mention, name)``, cue ``(word, lemma)``."""
    start, end = span(text, content)
    found_speaker = None
    if speaker is not None:
        mention, name = speaker
        s_start, s_end = span(text, mention)
        found_speaker = Speaker(mention, s_start, s_end, name=name, label="PERSON")
    found_cue = None
    if cue is not None:
        word, lemma = cue
        c_start, c_end = span(text, word)
        found_cue = Cue(word, c_start, c_end, lemma=lemma)
    return Quote(content, start, end, kind, found_speaker, found_cue, method, None)


FERRY_QUOTES = [
    make_quote(
        FERRY,
        "The ferry will run again by June,",
        QuoteKind.DIRECT,
        speaker=("Hana Okafor", "Hana Okafor"),
        cue=("told", "tell"),
        method=AttributionMethod.CUE_AFTER,
    ),
    make_quote(
        FERRY,
        "nearly done.",
        QuoteKind.PARTIAL,
        speaker=("Okafor, the harbour master", "Hana Okafor"),
        cue=("said", "say"),
        method=AttributionMethod.EMBEDDED,
    ),
]
UNATTRIBUTED_QUOTES = [make_quote(UNATTRIBUTED, "the Spine", QuoteKind.PARTIAL)]


class FakeExtractor:
    """Returns canned quotes per text and records what it was asked.

    A text in *failing* comes back as an ExtractionFailure, as the real extractor's
    ``on_error="return"`` gives it.
    """

    def __init__(
        self, results: dict[str, list[Quote]], failing: frozenset[str] = frozenset()
    ) -> None:
        self.results = results
        self.failing = failing
        self.texts: list[str] = []
        self.model: str | None = "(never loaded)"
        self.kinds: frozenset[QuoteKind] | None = frozenset()
        self.parse = "(never loaded)"
        self.options: dict[str, object] = {}

    def pipe(
        self,
        texts: Iterable[Any],
        *,
        batch_size: int = 8,
        n_process: int = 1,
        as_tuples: bool = False,
        on_error: str = "raise",
    ) -> Iterator[Any]:
        self.options = {"batch_size": batch_size, "n_process": n_process, "on_error": on_error}
        for index, entry in enumerate(texts):
            text, context = entry if as_tuples else (entry, None)
            self.texts.append(text)
            result: list[Quote] | ExtractionFailure = self.results.get(text, [])
            if text in self.failing:
                result = ExtractionFailure(index, "ValueError", "the parser broke")
            yield (result, context) if as_tuples else result


def loader(extractor: FakeExtractor) -> Callable[..., FakeExtractor]:
    """A stand-in for ``load_extractor`` that returns *extractor*, whatever is asked."""

    def load(_model: str | None, *_args: object, **_options: object) -> FakeExtractor:
        return extractor

    return load


def never_loads(reason: str) -> Callable[..., FakeExtractor]:
    """A stand-in for ``load_extractor`` that fails the test if the model loads."""

    def load(_model: str | None, *_args: object, **_options: object) -> FakeExtractor:
        pytest.fail(reason)

    return load


@pytest.fixture
def fake(monkeypatch: pytest.MonkeyPatch) -> FakeExtractor:
    """Install a fake extractor; the model, kinds and parse mode asked for are kept in it."""
    extractor = FakeExtractor({FERRY: FERRY_QUOTES, UNATTRIBUTED: UNATTRIBUTED_QUOTES})

    def load(
        model: str | None, kinds: frozenset[QuoteKind] | None = None, *, parse: str = "full"
    ) -> FakeExtractor:
        extractor.model, extractor.kinds, extractor.parse = model, kinds, parse
        return extractor

    monkeypatch.setattr(_extraction, "load_extractor", load)
    monkeypatch.setenv("COLUMNS", "120")
    return extractor


@pytest.fixture
def ferry_file(tmp_path: Path) -> Path:
    path = tmp_path / "ferry.txt"
    path.write_text(FERRY, encoding="utf-8")
    return path


def set_stdin(monkeypatch: pytest.MonkeyPatch, data: bytes) -> None:
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(data), encoding="utf-8"))


def run(args: list[str], capsys: pytest.CaptureFixture[str]) -> tuple[int, str, str]:
    status = cli.main(args)
    captured = capsys.readouterr()
    return status, captured.out, captured.err


# -- table ---------------------------------------------------------------------------------


@pytest.mark.usefixtures("fake")
def test_table_has_a_heading_and_a_row_per_quote(
    ferry_file: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """The default format names the file and shows kind, speaker name, cue and quote."""
    status, out, err = run([str(ferry_file)], capsys)
    assert (status, err) == (0, "")
    lines = out.splitlines()
    assert lines[0] == f"{ferry_file}: 2 quotes"
    assert lines[1].split() == ["#", "kind", "speaker", "cue", "quote"]
    assert lines[2].split()[:5] == ["1", "direct", "Hana", "Okafor", "told"]
    assert lines[2].endswith("“The ferry will run again by June,”")
    assert lines[3].split()[:5] == ["2", "partial", "Hana", "Okafor", "said"]


def test_table_shows_the_mention_when_no_name_was_resolved(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """A speaker without a resolved name is shown by the words of its mention."""
    text = '"We are ready," a spokesperson said.'
    quote = make_quote(
        text,
        "We are ready,",
        QuoteKind.DIRECT,
        speaker=("a spokesperson", None),
        cue=("said", "say"),
        method=AttributionMethod.CUE_AFTER,
    )
    monkeypatch.setattr(_extraction, "load_extractor", loader(FakeExtractor({text: [quote]})))
    path = tmp_path / "spokesperson.txt"
    path.write_text(text, encoding="utf-8")
    _status, out, _err = run([str(path)], capsys)
    assert "a spokesperson" in out.splitlines()[2]


@pytest.mark.usefixtures("fake")
def test_table_marks_a_missing_speaker_and_cue_with_a_dash(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """An unattributed quote still gets a row, with dashes for speaker and cue."""
    path = tmp_path / "pier.txt"
    path.write_text(UNATTRIBUTED, encoding="utf-8")
    _status, out, _err = run([str(path)], capsys)
    assert out.splitlines()[2].split() == ["1", "partial", "-", "-", "“the", "Spine”"]


def test_table_shortens_long_quotes_to_the_terminal_width(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Rows fit the terminal: a long quote is cut and ends in an ellipsis."""
    content = "We will keep the lighthouse lit every night of the year, storms or no storms."
    text = f'"{content}" said Ines Maro.'
    quote = make_quote(
        text, content, QuoteKind.DIRECT, speaker=("Ines Maro", "Ines Maro"), cue=("said", "say")
    )
    monkeypatch.setattr(_extraction, "load_extractor", loader(FakeExtractor({text: [quote]})))
    monkeypatch.setenv("COLUMNS", "60")
    path = tmp_path / "lighthouse.txt"
    path.write_text(text, encoding="utf-8")
    _status, out, _err = run([str(path)], capsys)
    row = out.splitlines()[2]
    assert len(row) <= 60
    assert row.endswith("…")


def test_table_puts_a_multi_paragraph_quote_on_one_line(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Line breaks inside a quote do not break the table's rows."""
    content = "The tide came in fast.\n\n“By noon the road was gone."
    text = f"“{content}”"
    quote = make_quote(text, content, QuoteKind.DIRECT)
    monkeypatch.setattr(_extraction, "load_extractor", loader(FakeExtractor({text: [quote]})))
    path = tmp_path / "tide.txt"
    path.write_text(text, encoding="utf-8")
    _status, out, _err = run([str(path)], capsys)
    assert len(out.splitlines()) == 3
    assert "fast. “By noon" in out


@pytest.mark.usefixtures("fake")
def test_table_says_so_when_a_file_has_no_quotes(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """A file without quotes gets a heading that says so, and no table."""
    path = tmp_path / "council.txt"
    path.write_text(NO_QUOTES, encoding="utf-8")
    status, out, _err = run([str(path)], capsys)
    assert status == 0
    assert out == f"{path}: no quotes found\n"


# -- json and jsonl ------------------------------------------------------------------------


@pytest.mark.usefixtures("fake")
def test_json_is_one_document_with_an_entry_per_file(
    ferry_file: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """--format json prints a list of {"file", "quotes"}, quotes as Quote.to_dict()."""
    empty = tmp_path / "council.txt"
    empty.write_text(NO_QUOTES, encoding="utf-8")
    status, out, _err = run(["--format", "json", str(ferry_file), str(empty)], capsys)
    assert status == 0
    assert json.loads(out) == [
        {"file": str(ferry_file), "quotes": [quote.to_dict() for quote in FERRY_QUOTES]},
        {"file": str(empty), "quotes": []},
    ]


@pytest.mark.usefixtures("fake")
def test_jsonl_is_one_object_per_quote(
    ferry_file: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """--format jsonl prints one {"file", **quote} object per line."""
    status, out, _err = run(["--format", "jsonl", str(ferry_file)], capsys)
    assert status == 0
    records = [json.loads(line) for line in out.splitlines()]
    assert records == [{"file": str(ferry_file), **quote.to_dict()} for quote in FERRY_QUOTES]


def test_json_keeps_non_ascii_text_readable(
    fake: FakeExtractor, ferry_file: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Curly quotes and accents are written as UTF-8, not as \\u escapes."""
    text = "“Já vou,” said Zoë Lund."
    quote = make_quote(
        text, "Já vou,", QuoteKind.DIRECT, speaker=("Zoë Lund", "Zoë Lund"), cue=("said", "say")
    )
    fake.results[text] = [quote]
    path = ferry_file.with_name("accents.txt")
    path.write_text(text, encoding="utf-8")
    _status, out, _err = run(["-f", "json", str(path)], capsys)
    assert '"text": "Já vou,"' in out
    assert '"name": "Zoë Lund"' in out
    assert "\\u" not in out


# -- csv -----------------------------------------------------------------------------------


def csv_rows(out: str) -> list[dict[str, str]]:
    """The rows of a CSV document, as the csv module reads them back."""
    return list(csv.DictReader(io.StringIO(out, newline="")))


@pytest.mark.usefixtures("fake")
def test_csv_is_a_header_and_a_row_per_quote_whose_offsets_slice_the_text(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """--format csv: flat columns; text, speaker and cue offsets index the input's text."""
    ferry = tmp_path / "ferry.txt"
    ferry.write_text(FERRY, encoding="utf-8")
    pier = tmp_path / "pier.txt"
    pier.write_text(UNATTRIBUTED, encoding="utf-8")
    status, out, _err = run(["--format", "csv", str(ferry), str(pier)], capsys)
    assert status == 0
    assert out.splitlines()[0].split(",") == list(CSV_HEADER)
    rows = csv_rows(out)
    assert [(row["file"], row["quote_index"]) for row in rows] == [
        (str(ferry), "0"),
        (str(ferry), "1"),
        (str(pier), "0"),
    ]
    for row in rows:
        source = FERRY if row["file"] == str(ferry) else UNATTRIBUTED
        assert source[int(row["start"]) : int(row["end"])] == row["text"]
    first = rows[0]
    assert FERRY[int(first["speaker_start"]) : int(first["speaker_end"])] == "Hana Okafor"
    assert FERRY[int(first["cue_start"]) : int(first["cue_end"])] == first["cue_text"] == "told"
    assert (first["kind"], first["speaker_name"], first["speaker_kind"]) == (
        "direct",
        "Hana Okafor",
        "unknown",
    )
    assert (first["cue_lemma"], first["method"], first["confidence"]) == ("tell", "cue_after", "")


@pytest.mark.usefixtures("fake")
def test_csv_leaves_missing_values_empty(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """A quote without speaker, cue, method or confidence has empty cells there."""
    path = tmp_path / "pier.txt"
    path.write_text(UNATTRIBUTED, encoding="utf-8")
    _status, out, _err = run(["-f", "csv", str(path)], capsys)
    (row,) = csv_rows(out)
    empty = [column for column, value in row.items() if value == ""]
    mention_columns = [column for column in CSV_HEADER if column.startswith(("speaker_", "cue_"))]
    assert empty == [*mention_columns, "method", "confidence"]


def test_csv_keeps_a_quote_with_line_breaks_in_one_cell(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """A quote over two paragraphs (CRLF) reads back whole, so its offsets still slice it."""
    content = "The tide came in fast.\r\n\r\n“By noon the road was gone."
    text = f"“{content}”"
    quote = make_quote(text, content, QuoteKind.DIRECT)
    monkeypatch.setattr(_extraction, "load_extractor", loader(FakeExtractor({text: [quote]})))
    path = tmp_path / "tide.txt"
    path.write_bytes(text.encode())
    _status, out, _err = run(["-f", "csv", str(path)], capsys)
    (row,) = csv_rows(out)
    assert row["text"] == content == text[int(row["start"]) : int(row["end"])]


@pytest.mark.usefixtures("fake")
def test_csv_without_quotes_is_the_header_alone(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Inputs without quotes add no rows; the header is written once, whatever comes."""
    path = tmp_path / "council.txt"
    path.write_text(NO_QUOTES, encoding="utf-8")
    status, out, _err = run(["-f", "csv", str(path), str(path)], capsys)
    assert status == 0
    assert out == ",".join(CSV_HEADER) + "\n"


# -- streaming -----------------------------------------------------------------------------


class WatchingExtractor(FakeExtractor):
    """A fake that notes what standard output holds each time it is asked for a result."""

    def __init__(self, results: dict[str, list[Quote]], capsys: pytest.CaptureFixture[str]) -> None:
        super().__init__(results)
        self.capsys = capsys
        self.seen: list[str] = []  # the output so far, before each result

    def pipe(self, texts: Iterable[Any], **options: Any) -> Iterator[Any]:
        for result in super().pipe(texts, **options):
            self.seen.append("".join(self.seen[-1:]) + self.capsys.readouterr().out)
            yield result


@pytest.mark.parametrize("fmt", ["table", "json", "jsonl", "csv"])
def test_every_format_writes_each_input_before_the_next_is_extracted(
    fmt: str,
    monkeypatch: pytest.MonkeyPatch,
    ferry_file: Path,
    capsys: pytest.CaptureFixture[str],
) -> None:
    """Results stream: the first file's quotes are out before the second file's are found."""
    extractor = WatchingExtractor({FERRY: FERRY_QUOTES}, capsys)
    monkeypatch.setattr(_extraction, "load_extractor", loader(extractor))
    status = cli.main(["-f", fmt, str(ferry_file), str(ferry_file)])
    assert status == 0
    before_second = extractor.seen[1]
    assert "The ferry will run again by June," in before_second
    assert "nearly done." in before_second
    assert before_second.count("The ferry will run again by June,") == 1


def test_streamed_json_is_one_valid_document(
    fake: FakeExtractor, ferry_file: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Written entry by entry, --format json is still json.dump's list, indented the same."""
    empty = tmp_path / "council.txt"
    empty.write_text(NO_QUOTES, encoding="utf-8")
    _status, out, _err = run(["-f", "json", str(ferry_file), str(empty), str(ferry_file)], capsys)
    expected = [
        {"file": str(ferry_file), "quotes": [quote.to_dict() for quote in FERRY_QUOTES]},
        {"file": str(empty), "quotes": []},
        {"file": str(ferry_file), "quotes": [quote.to_dict() for quote in FERRY_QUOTES]},
    ]
    assert json.loads(out) == expected
    assert out == json.dumps(expected, ensure_ascii=False, indent=2) + "\n"
    assert fake.texts == [FERRY, NO_QUOTES, FERRY]


@pytest.mark.usefixtures("fake")
def test_json_of_nothing_is_an_empty_list(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """When every input fails, --format json still prints a valid (empty) document."""
    path = tmp_path / "latin.txt"
    path.write_bytes(b"caf\xe9")
    status, out, _err = run(["-f", "json", str(path)], capsys)
    assert (status, json.loads(out)) == (1, [])


# -- jobs, batches, parse mode -------------------------------------------------------------


def test_jobs_batch_size_and_parse_reach_the_extractor(
    fake: FakeExtractor, ferry_file: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """--jobs is pipe's n_process, --batch-size its batch_size, --parse the extractor's."""
    assert (
        run(["-j", "4", "--batch-size", "8", "--parse", "relevant", str(ferry_file)], capsys)[0]
        == 0
    )
    assert fake.options == {"batch_size": 8, "n_process": 4, "on_error": "return"}
    assert fake.parse == "relevant"
    run(["--jobs", "-1", str(ferry_file)], capsys)
    assert fake.options["n_process"] == -1
    run([str(ferry_file)], capsys)
    assert fake.options == {"batch_size": 8, "n_process": 1, "on_error": "return"}
    assert fake.parse == "full"


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["-j", "0"], "argument -j/--jobs: '0' is no number of processes; use 1 or more, or -1"),
        (["--jobs", "two"], "argument -j/--jobs: 'two' is not a whole number"),
        (["--batch-size", "0"], "argument --batch-size: '0' is too small; use 1 or more"),
        (["--parse", "fast"], "argument --parse: invalid choice: 'fast'"),
        (["--input-format", "xml"], "argument --input-format: invalid choice: 'xml'"),
    ],
    ids=str,
)
def test_bad_scale_options_are_usage_errors(
    args: list[str],
    message: str,
    monkeypatch: pytest.MonkeyPatch,
    ferry_file: Path,
    capsys: pytest.CaptureFixture[str],
) -> None:
    """A wrong --jobs, --batch-size, --parse or --input-format exits 2 before any work."""
    monkeypatch.setattr(_extraction, "load_extractor", never_loads("no model after a usage error"))
    status, out, err = run([*args, str(ferry_file)], capsys)
    assert (status, out) == (2, "")
    assert f"quoteattr: error: {message}" in err


# -- progress ------------------------------------------------------------------------------


class Terminal(io.StringIO):
    """A standard error that says it is a terminal, as an interactive shell's is."""

    def isatty(self) -> bool:
        return True


@pytest.mark.usefixtures("fake")
def test_progress_bar_goes_to_a_terminal_stderr_and_never_to_stdout(
    ferry_file: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    """On a terminal the bar counts the inputs and quotes on stderr; stdout stays data."""
    terminal = Terminal()
    monkeypatch.setattr(sys, "stderr", terminal)
    status, out, _err = run(["-f", "jsonl", str(ferry_file), str(ferry_file)], capsys)
    assert status == 0
    assert [json.loads(line)["file"] for line in out.splitlines()] == [str(ferry_file)] * 4
    bar = terminal.getvalue()
    assert "2/2" in bar
    assert "quotes=4" in bar
    assert "texts" not in out


@pytest.mark.usefixtures("fake")
def test_no_progress_hides_the_bar_on_a_terminal(
    ferry_file: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    """--no-progress: nothing on stderr even when it is a terminal."""
    terminal = Terminal()
    monkeypatch.setattr(sys, "stderr", terminal)
    assert run(["--no-progress", str(ferry_file)], capsys)[0] == 0
    assert terminal.getvalue() == ""


@pytest.mark.usefixtures("fake")
def test_no_progress_bar_when_stderr_is_not_a_terminal(
    ferry_file: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Redirected or captured, stderr gets no bar: only errors would go there."""
    status, _out, err = run(["-f", "csv", str(ferry_file)], capsys)
    assert (status, err) == (0, "")


# -- inputs --------------------------------------------------------------------------------


def test_no_files_reads_standard_input(
    fake: FakeExtractor, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    """Without file arguments the text comes from stdin, named "<stdin>"."""
    set_stdin(monkeypatch, FERRY.encode())
    status, out, _err = run(["-f", "json"], capsys)
    assert status == 0
    assert [entry["file"] for entry in json.loads(out)] == ["<stdin>"]
    assert fake.texts == [FERRY]


@pytest.mark.usefixtures("fake")
def test_dash_reads_standard_input_among_files(
    ferry_file: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    """A "-" argument stands for stdin, in its place among the files."""
    set_stdin(monkeypatch, UNATTRIBUTED.encode())
    status, out, _err = run(["-f", "jsonl", str(ferry_file), "-"], capsys)
    assert status == 0
    files = [json.loads(line)["file"] for line in out.splitlines()]
    assert files == [str(ferry_file), str(ferry_file), "<stdin>"]


@pytest.mark.usefixtures("fake")
def test_multiple_files_come_out_in_argument_order(
    ferry_file: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Each file gets its own table, in the order given."""
    other = tmp_path / "pier.txt"
    other.write_text(UNATTRIBUTED, encoding="utf-8")
    _status, out, _err = run([str(other), str(ferry_file)], capsys)
    headings = [line for line in out.splitlines() if line and not line.startswith(" ")]
    assert headings == [f"{other}: 1 quote", f"{ferry_file}: 2 quotes"]


def test_file_text_is_decoded_exactly(
    fake: FakeExtractor, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """A byte-order mark is dropped; CRLF line breaks are kept, so offsets match the file."""
    path = tmp_path / "windows.txt"
    path.write_bytes(b"\xef\xbb\xbfFirst line.\r\nSecond line.\r\n")
    assert run([str(path)], capsys)[0] == 0
    assert fake.texts == ["First line.\r\nSecond line.\r\n"]


def test_model_option_is_passed_to_the_extractor(
    fake: FakeExtractor, ferry_file: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """--model names the pipeline; without it the library's default applies (None)."""
    run(["--model", "en_core_web_sm", str(ferry_file)], capsys)
    assert fake.model == "en_core_web_sm"
    run([str(ferry_file)], capsys)
    assert fake.model is None


def test_kinds_option_is_passed_to_the_extractor(
    fake: FakeExtractor, ferry_file: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """--kinds names the quote kinds to find; without it every kind is found (None)."""
    run(["--kinds", "direct, Partial", str(ferry_file)], capsys)
    assert fake.kinds == frozenset({QuoteKind.DIRECT, QuoteKind.PARTIAL})
    run(["-k", "mixed,indirect,mixed", str(ferry_file)], capsys)
    assert fake.kinds == frozenset({QuoteKind.INDIRECT, QuoteKind.MIXED})
    run([str(ferry_file)], capsys)
    assert fake.kinds is None


@pytest.mark.parametrize(
    ("value", "message"),
    [
        (
            "direct,quoted",
            "unknown quote kind 'quoted'; choose from direct, partial, indirect, mixed",
        ),
        (",", "kinds is empty; choose one or more of direct, partial, indirect, mixed"),
    ],
    ids=["unknown", "empty"],
)
def test_bad_kinds_are_a_usage_error_listing_the_kinds(
    monkeypatch: pytest.MonkeyPatch,
    ferry_file: Path,
    value: str,
    message: str,
    capsys: pytest.CaptureFixture[str],
) -> None:
    """An unknown or empty --kinds exits 2 with the valid kinds, before anything is read."""
    monkeypatch.setattr(_extraction, "load_extractor", never_loads("no model after a usage error"))
    status, out, err = run(["--kinds", value, str(ferry_file)], capsys)
    assert (status, out) == (2, "")
    assert err.startswith("usage: quoteattr")
    assert err.endswith(f"quoteattr: error: argument -k/--kinds: {message}\n")


# -- errors and exit codes -----------------------------------------------------------------


def test_missing_file_fails_before_the_model_loads(
    monkeypatch: pytest.MonkeyPatch, ferry_file: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """A path that does not exist exits 1 with one line naming it, no model load."""
    monkeypatch.setattr(_extraction, "load_extractor", never_loads("no model for a missing path"))
    status, out, err = run([str(ferry_file), "no-such-file.txt"], capsys)
    assert (status, out) == (1, "")
    assert err == "quoteattr: error: cannot read 'no-such-file.txt': No such file or directory\n"


@pytest.mark.usefixtures("fake")
def test_non_utf8_file_is_named_with_a_conversion_hint(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """A Latin-1 file exits 1, naming the file and the offending byte, and suggests iconv."""
    path = tmp_path / "latin.txt"
    path.write_bytes("“Café”".encode("cp1252"))
    status, out, err = run([str(path)], capsys)
    assert (status, out) == (1, "")
    assert err.startswith(f"quoteattr: error: {path}: not valid UTF-8 (byte 0x93 at offset 0);")
    assert err.endswith(f"iconv -f WINDOWS-1252 -t UTF-8 {path} > converted.txt\n")
    assert err.count("\n") == 1


@pytest.mark.usefixtures("fake")
def test_non_utf8_standard_input_is_reported(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    """Bad bytes on stdin are reported as such."""
    set_stdin(monkeypatch, b"caf\xe9")
    status, _out, err = run([], capsys)
    assert status == 1
    assert err.startswith("quoteattr: error: <stdin>: not valid UTF-8 (byte 0xe9 at offset 3)")
    assert "piping it through iconv" in err


@pytest.mark.parametrize(
    "error",
    [
        ModelNotFoundError("Could not load the spaCy pipeline 'en_nothing'."),
        MissingComponentError("The spaCy pipeline 'blank' has no dependency parser."),
        QuoteAttrError("Something quoteattr reports on purpose."),
    ],
)
def test_model_errors_exit_1_with_the_message(
    error: QuoteAttrError,
    monkeypatch: pytest.MonkeyPatch,
    ferry_file: Path,
    capsys: pytest.CaptureFixture[str],
) -> None:
    """quoteattr's own errors become one line on stderr and exit status 1."""

    def load(_model: str | None, *_args: object, **_options: object) -> FakeExtractor:
        raise error

    monkeypatch.setattr(_extraction, "load_extractor", load)
    status, out, err = run([str(ferry_file)], capsys)
    assert (status, out) == (1, "")
    assert err == f"quoteattr: error: {error}\n"


@pytest.mark.parametrize(
    "args", [["--format", "xml"], ["--no-such-option"], ["--model"], ["--kinds"]], ids=str
)
def test_usage_errors_exit_2(args: list[str], capsys: pytest.CaptureFixture[str]) -> None:
    """Bad arguments are argparse's usage errors: status 2, usage on stderr."""
    status, out, err = run(args, capsys)
    assert (status, out) == (2, "")
    assert err.startswith("usage: quoteattr")


def test_version_prints_the_package_version(capsys: pytest.CaptureFixture[str]) -> None:
    """--version prints the installed distribution's version and exits 0."""
    status, out, _err = run(["--version"], capsys)
    assert status == 0
    assert out == f"quoteattr {package_version()}\n"


def test_help_documents_the_output_shapes(capsys: pytest.CaptureFixture[str]) -> None:
    """--help explains each format and the exit codes."""
    status, out, _err = run(["--help"], capsys)
    assert status == 0
    for text in ('"file": "a.txt", "quotes"', "jsonl", '"speaker"', "exit status"):
        assert text in out


def test_help_documents_the_kinds(capsys: pytest.CaptureFixture[str]) -> None:
    """--help shows -k/--kinds and says what each kind of quote is."""
    status, out, _err = run(["--help"], capsys)
    assert status == 0
    assert "-k KINDS, --kinds KINDS" in out
    for kind in QuoteKind:
        assert any(line.startswith(f"  {kind.value}  ") for line in out.splitlines()), kind


def test_help_documents_the_inputs_options_and_csv_columns(
    capsys: pytest.CaptureFixture[str],
) -> None:
    """--help shows the input and scale options, what an input can be, and the CSV columns."""
    status, out, _err = run(["--help"], capsys)
    assert status == 0
    for text in (
        "--input-format {auto,text,jsonl}",
        "--text-field NAME",
        "--id-field NAME",
        "--parse {full,relevant}",
        "-j N, --jobs N",
        "--batch-size N",
        "--no-progress",
        "DIRECTORY",
        "FILE:LINE",
        '"quoteattr: error: NAME: WHAT"',
    ):
        assert text in out
    assert all(column in out for column in CSV_HEADER)


def run_python(*args: str) -> subprocess.CompletedProcess[str]:
    """Run this interpreter in a fresh process: module imports start from nothing."""
    command = [sys.executable, *args]
    # S603: the command is this interpreter with arguments fixed in the tests.
    return subprocess.run(command, capture_output=True, text=True, check=False, timeout=60)


def test_help_does_not_import_spacy() -> None:
    """Building the parser (all --help needs) leaves spaCy unimported, so it answers fast."""
    code = "import sys\nfrom quoteattr.cli._arguments import build_parser\n"
    code += "build_parser().format_help()\n"
    code += "print('spacy' in sys.modules)"
    assert run_python("-c", code).stdout.strip() == "False"


def test_python_dash_m_runs_the_command() -> None:
    """`python -m quoteattr` is the same command."""
    result = run_python("-m", "quoteattr", "--version")
    assert result.returncode == 0
    assert result.stdout.startswith("quoteattr ")


# -- evaluate ------------------------------------------------------------------------------


def brat_line(identifier: str, label: str, part: str) -> str:
    """A brat text-bound line for the first *part* of FERRY."""
    start, end = span(FERRY, part)
    return f"{identifier}\t{label} {start} {end}\t{part}\n"


FERRY_ANN = (
    brat_line("T1", "Content", '"The ferry will run again by June,"')
    + brat_line("T2", "Source", "Hana Okafor")
    + brat_line("T3", "Cue", "told")
    + "E1\tAttribution:T3 Content:T1 Cue:T3 Source:T2\n"
    + brat_line("T4", "Content", 'the repairs were "nearly done."')
    + brat_line("T5", "Source", "Okafor, the harbour master")
    + brat_line("T6", "Cue", "said")
    + "E2\tAttribution:T6 Content:T4 Cue:T6 Source:T5\n"
)


@pytest.fixture
def gold_dir(tmp_path: Path) -> Path:
    """A brat corpus of one article: FERRY, with a direct and an indirect attribution."""
    gold = tmp_path / "gold"
    gold.mkdir()
    (gold / "ferry.txt").write_text(FERRY, encoding="utf-8")
    (gold / "ferry.ann").write_text(FERRY_ANN, encoding="utf-8")
    return gold


def table_row(out: str, label: str) -> list[str]:
    """The cells after *label* in the evaluation table."""
    line = next(line for line in out.splitlines() if line.startswith(label))
    return line[len(label) :].split()


@pytest.mark.usefixtures("fake")
def test_evaluate_prints_a_column_per_subset(
    gold_dir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """`quoteattr evaluate GOLD_DIR` prints the four default subsets' scores, with counts."""
    status, out, err = run(["evaluate", str(gold_dir)], capsys)
    assert (status, err) == (0, "")
    assert table_row(out, "match: Jaccard >= 0.5") == [
        "direct",
        "indirect_speech",
        "indirect",
        "all",
    ]
    assert table_row(out, "gold attributions") == ["1", "1", "1", "2"]
    # The quotes in marks answer for direct quotations only, besides all.
    assert table_row(out, "predicted") == ["1", "0", "0", "2"]
    assert table_row(out, "content recall") == [
        *("1.000", "(1/1)"),
        *("0.000", "(0/1)"),
        *("0.000", "(0/1)"),
        *("0.500", "(1/2)"),
    ]
    assert table_row(out, "speaker, lenient")[:2] == ["1.000", "(1/1)"]
    assert "cue_after" in out
    # The heading names the (long) temporary directory; the table itself fits 100 columns.
    assert max(len(line) for line in out.splitlines()[4:]) <= 100


def test_evaluate_writes_the_json_report_and_the_confidence_table(
    fake: FakeExtractor, gold_dir: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """--json and --confidence-table write files; the table still goes to stdout."""
    report_path, table_path = tmp_path / "report.json", tmp_path / "confidence.tsv"
    args = ["evaluate", str(gold_dir), "--model", "en_test", "--json", str(report_path)]
    status, out, _err = run([*args, "--confidence-table", str(table_path)], capsys)
    assert status == 0
    assert fake.model == "en_test"
    assert fake.texts == [FERRY]
    assert "content precision" in out
    report = json.loads(report_path.read_text(encoding="utf-8"))
    assert report["gold"] == str(gold_dir)
    assert report["corpus"]["articles"] == 1
    assert list(report["subsets"]) == ["direct", "indirect_speech", "indirect", "all"]
    assert report["subsets"]["direct"]["content"]["recall"]["numerator"] == 1
    rows = [line for line in table_path.read_text(encoding="utf-8").splitlines() if line[0] != "#"]
    assert rows[0] == "scheme\tmethod\tprecision\tquotes\tcorrect"
    # The fake extractor names no label scheme: its rows are the "any" scheme's.
    assert [row.split("\t")[:2] for row in rows[1:]] == [["any", "cue_after"], ["any", "embedded"]]


def test_evaluate_with_several_models_puts_them_side_by_side(
    fake: FakeExtractor, gold_dir: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """-m A -m B scores each pipeline: a column each, a JSON report each, a table pooling them."""
    table_path = tmp_path / "confidence.tsv"
    args = ["evaluate", str(gold_dir), "-m", "en_a", "--model", "en_b"]
    status, out, err = run([*args, "--confidence-table", str(table_path)], capsys)
    assert (status, err) == (0, "")
    assert fake.model == "en_b"  # loaded in the order given, the last one last
    assert fake.texts == [FERRY, FERRY]
    assert table_row(out, "match: Jaccard >= 0.5") == ["en_a", "en_b"]
    assert table_row(out, "  gold attributions") == ["1", "1"]  # direct, the first block
    table = table_path.read_text(encoding="utf-8")
    assert "en_a" in table
    assert "en_b" in table
    # Neither fake names a label scheme: one "any" row per method, the two pooled.
    rows = [line.split("\t") for line in table.splitlines() if line[0] != "#"][1:]
    assert [row[:2] for row in rows] == [["any", "cue_after"], ["any", "embedded"]]
    assert all(int(row[3]) % 2 == 0 for row in rows)
    status, out, _err = run([*args, "--json", "-"], capsys)
    reports = json.loads(out)["reports"]
    assert [report["model"]["name"] for report in reports] == ["en_a", "en_b"]
    assert reports[0]["subsets"] == reports[1]["subsets"]


@pytest.mark.usefixtures("fake")
def test_evaluate_json_to_standard_output_replaces_the_table(
    gold_dir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """--json - prints the JSON report alone, so stdout parses as JSON."""
    status, out, _err = run(["evaluate", str(gold_dir), "--json", "-"], capsys)
    assert status == 0
    assert json.loads(out)["corpus"]["quotes"] == 2


@pytest.mark.usefixtures("fake")
def test_evaluate_subsets_chooses_the_subsets_in_the_order_given(
    gold_dir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """--subsets scores the subsets named, each once, in the order given."""
    args = ["evaluate", str(gold_dir), "--subsets", "indirect_speech, direct,direct", "--json", "-"]
    status, out, _err = run(args, capsys)
    assert status == 0
    assert list(json.loads(out)["subsets"]) == ["indirect_speech", "direct"]


def test_evaluate_scores_reported_speech_against_the_indirect_subsets(
    monkeypatch: pytest.MonkeyPatch, gold_dir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """A mixed quote matches the indirect gold; it is no prediction for the direct subset."""
    mixed = make_quote(
        FERRY,
        'the repairs were "nearly done."',
        QuoteKind.MIXED,
        speaker=("Okafor, the harbour master", "Hana Okafor"),
        cue=("said", "say"),
        method=AttributionMethod.CUE_BEFORE,
    )
    extractor = FakeExtractor({FERRY: [FERRY_QUOTES[0], mixed]})
    monkeypatch.setattr(_extraction, "load_extractor", loader(extractor))
    status, out, _err = run(["evaluate", str(gold_dir), "--json", "-"], capsys)
    assert status == 0
    subsets = json.loads(out)["subsets"]
    assert {name: scores["matched"] for name, scores in subsets.items()} == {
        "direct": 1,
        "indirect_speech": 1,
        "indirect": 1,
        "all": 2,
    }
    assert subsets["direct"]["predicted"] == 1
    assert subsets["direct"]["neutral"] == 0
    assert subsets["indirect_speech"]["predicted"] == 1


def test_evaluate_help_lists_the_subsets(capsys: pytest.CaptureFixture[str]) -> None:
    """evaluate --help names every subset, its meaning and the default."""
    status, out, _err = run(["evaluate", "--help"], capsys)
    assert status == 0
    assert "--subsets SUBSETS" in out
    assert "direct,indirect_speech,indirect,all" in out
    for line in ("  direct  ", "  indirect_speech  ", "  indirect  ", "  all  "):
        assert any(row.startswith(line) for row in out.splitlines()), line
    assert "--kinds" not in out


@pytest.mark.parametrize(
    "args",
    [
        ["evaluate"],
        ["evaluate", "gold", "--subsets", "speech"],
        ["evaluate", "gold", "--subsets", ","],
        ["evaluate", "gold", "--kinds", "direct"],
        ["evaluate", "gold", "--format", "json"],
    ],
    ids=str,
)
def test_evaluate_usage_errors_exit_2(args: list[str], capsys: pytest.CaptureFixture[str]) -> None:
    """Bad evaluate arguments are usage errors of the subcommand: status 2."""
    status, out, err = run(args, capsys)
    assert (status, out) == (2, "")
    assert err.startswith("usage: quoteattr evaluate")


def test_evaluate_unknown_subset_lists_the_subsets(capsys: pytest.CaptureFixture[str]) -> None:
    """A misspelt subset is a usage error that names the subsets there are."""
    status, _out, err = run(["evaluate", "gold", "--subsets", "direct,indirekt"], capsys)
    assert status == 2
    assert err.endswith(
        "argument --subsets: unknown subset 'indirekt'; "
        "choose from direct, indirect_speech, indirect, all\n"
    )


def test_evaluate_reads_the_gold_before_loading_the_model(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """A wrong gold directory exits 1 at once, without loading a model."""
    monkeypatch.setattr(_extraction, "load_extractor", never_loads("no model without the gold"))
    missing = tmp_path / "no-such-dir"
    status, out, err = run(["evaluate", str(missing)], capsys)
    assert (status, out) == (1, "")
    assert err == f"quoteattr: error: {str(missing)!r} is not a directory of brat annotations\n"


@pytest.mark.usefixtures("fake")
def test_evaluate_reports_bad_annotations_with_file_and_line(
    gold_dir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """An offset past the end of the text is an input error naming the .ann file and line."""
    (gold_dir / "ferry.ann").write_text("T1\tContent 10 9999\tx\n", encoding="utf-8")
    status, _out, err = run(["evaluate", str(gold_dir)], capsys)
    assert status == 1
    assert err.startswith("quoteattr: error: ")
    assert "ferry.ann, line 1: T1 range 10-9999 lies outside the text" in err


def test_evaluate_model_errors_exit_1(
    monkeypatch: pytest.MonkeyPatch, gold_dir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """A model that cannot load is one line on stderr and status 1."""

    def load(_model: str | None, *_args: object, **_options: object) -> FakeExtractor:
        raise ModelNotFoundError("Could not load the spaCy pipeline 'en_nothing'.")

    monkeypatch.setattr(_extraction, "load_extractor", load)
    status, _out, err = run(["evaluate", str(gold_dir), "-m", "en_nothing"], capsys)
    assert status == 1
    assert err == "quoteattr: error: Could not load the spaCy pipeline 'en_nothing'.\n"


@pytest.mark.usefixtures("fake")
def test_evaluate_unwritable_output_exits_1(
    gold_dir: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """An output path in a missing directory is named in a one-line error."""
    out_path = tmp_path / "missing" / "report.json"
    status, _out, err = run(["evaluate", str(gold_dir), "--json", str(out_path)], capsys)
    assert status == 1
    assert err.startswith(f"quoteattr: error: cannot write {str(out_path)!r}")


def test_help_mentions_the_evaluate_command(capsys: pytest.CaptureFixture[str]) -> None:
    """The main --help points to the subcommand; its own --help documents GOLD_DIR."""
    _status, out, _err = run(["--help"], capsys)
    assert "quoteattr evaluate GOLD_DIR" in out
    assert "./evaluate" in out
    status, out, _err = run(["evaluate", "--help"], capsys)
    assert status == 0
    assert out.startswith("usage: quoteattr evaluate")
    assert "attributions/NAME_XXXX.ann" in out


@pytest.mark.usefixtures("fake")
def test_a_file_named_evaluate_is_read_as_dot_slash_evaluate(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Only the bare word is the subcommand; ./evaluate is a file."""
    monkeypatch.chdir(tmp_path)
    (tmp_path / "evaluate").write_text(FERRY, encoding="utf-8")
    status, out, _err = run(["./evaluate"], capsys)
    assert status == 0
    assert out.splitlines()[0] == "./evaluate: 2 quotes"


def test_evaluate_help_does_not_import_spacy() -> None:
    """The subcommand's parser, like the main one, answers without importing spaCy."""
    code = "import sys\nfrom quoteattr.cli._evaluate import build_evaluate_parser\n"
    code += "build_evaluate_parser().format_help()\nprint('spacy' in sys.modules)"
    assert run_python("-c", code).stdout.strip() == "False"


# -- end to end, with a real pipeline ------------------------------------------------------


def installed_pipelines() -> list[str]:
    import spacy.util  # noqa: PLC0415 - only this test needs spaCy

    return list(spacy.util.get_installed_models())


@pytest.mark.model
def test_command_attributes_a_quote_with_a_real_pipeline(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """On a real parse, the command finds the quote and its speaker and cue."""
    if not installed_pipelines():
        pytest.skip("no spaCy pipeline is installed")
    path = tmp_path / "bridge.txt"
    path.write_text(
        "Engineers closed the Dunmore bridge on Monday.\n\n"
        '"The bridge will reopen in May," said Tomas Varga, the county engineer.\n',
        encoding="utf-8",
    )
    status, out, err = run(["--format", "jsonl", str(path)], capsys)
    assert status == 0, err
    records: list[dict[str, Any]] = [json.loads(line) for line in out.splitlines()]
    assert [record["text"] for record in records] == ["The bridge will reopen in May,"]
    assert records[0]["cue"]["lemma"] == "say"
    assert "Varga" in records[0]["speaker"]["text"]


@pytest.mark.model
def test_kinds_option_filters_the_quotes_of_a_real_pipeline(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """--kinds reaches the real extractor: a direct quote is found only when asked for."""
    if not installed_pipelines():
        pytest.skip("no spaCy pipeline is installed")
    path = tmp_path / "bridge.txt"
    path.write_text('"The bridge will reopen in May," said Tomas Varga.\n', encoding="utf-8")
    status, out, err = run(["--kinds", "direct", "-f", "jsonl", str(path)], capsys)
    assert status == 0, err
    records = [json.loads(line) for line in out.splitlines()]
    assert [(record["kind"], record["text"]) for record in records] == [
        ("direct", "The bridge will reopen in May,")
    ]
    status, out, err = run(["-k", "partial,indirect,mixed", "-f", "jsonl", str(path)], capsys)
    assert status == 0, err
    assert all(json.loads(line)["kind"] != "direct" for line in out.splitlines())
