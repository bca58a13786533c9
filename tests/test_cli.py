"""The ``quoteattr`` command: formats, inputs, errors and exit codes.

All but the last test replace the extractor with a fake that returns hand-built quotes, so
they run without a spaCy pipeline and pin the command's own behaviour only.
"""

from __future__ import annotations

import io
import json
import subprocess
import sys
from typing import TYPE_CHECKING, Any

import pytest

from quoteattr import (
    AttributionMethod,
    Cue,
    MissingComponentError,
    ModelNotFoundError,
    Quote,
    QuoteAttrError,
    QuoteKind,
    Speaker,
    cli,
)

if TYPE_CHECKING:
    from collections.abc import Iterable, Iterator
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
    """Returns canned quotes per text and records what it was asked."""

    def __init__(self, results: dict[str, list[Quote]]) -> None:
        self.results = results
        self.texts: list[str] = []
        self.model: str | None = "(never loaded)"

    def pipe(self, texts: Iterable[str]) -> Iterator[list[Quote]]:
        for text in texts:
            self.texts.append(text)
            yield self.results.get(text, [])


@pytest.fixture
def fake(monkeypatch: pytest.MonkeyPatch) -> FakeExtractor:
    """Install a fake extractor; the model name asked for is kept in ``fake.model``."""
    extractor = FakeExtractor({FERRY: FERRY_QUOTES, UNATTRIBUTED: UNATTRIBUTED_QUOTES})

    def load(model: str | None) -> FakeExtractor:
        extractor.model = model
        return extractor

    monkeypatch.setattr(cli, "load_extractor", load)
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
    monkeypatch.setattr(cli, "load_extractor", lambda _model: FakeExtractor({text: [quote]}))
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
    monkeypatch.setattr(cli, "load_extractor", lambda _model: FakeExtractor({text: [quote]}))
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
    monkeypatch.setattr(cli, "load_extractor", lambda _model: FakeExtractor({text: [quote]}))
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


# -- errors and exit codes -----------------------------------------------------------------


def test_missing_file_fails_before_the_model_loads(
    monkeypatch: pytest.MonkeyPatch, ferry_file: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """A path that does not exist exits 1 with one line naming it, no model load."""

    def load(_model: str | None) -> FakeExtractor:
        pytest.fail("the model must not load when an input is unreadable")

    monkeypatch.setattr(cli, "load_extractor", load)
    status, out, err = run([str(ferry_file), "no-such-file.txt"], capsys)
    assert (status, out) == (1, "")
    assert err == "quoteattr: error: cannot read 'no-such-file.txt': No such file or directory\n"


@pytest.mark.usefixtures("fake")
def test_directory_is_reported_as_unreadable(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """A directory argument is an input error, not a traceback."""
    status, _out, err = run([str(tmp_path)], capsys)
    assert status == 1
    assert err.startswith(f"quoteattr: error: cannot read {str(tmp_path)!r}")
    assert "Traceback" not in err


@pytest.mark.usefixtures("fake")
def test_non_utf8_file_is_named_with_a_conversion_hint(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """A Latin-1 file exits 1, naming the file and the offending byte, and suggests iconv."""
    path = tmp_path / "latin.txt"
    path.write_bytes("“Café”".encode("cp1252"))
    status, out, err = run([str(path)], capsys)
    assert (status, out) == (1, "")
    assert err.startswith(f"quoteattr: error: {str(path)!r} is not valid UTF-8 (byte 0x93")
    assert "iconv" in err
    assert err.count("\n") == 1


@pytest.mark.usefixtures("fake")
def test_non_utf8_standard_input_is_reported(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    """Bad bytes on stdin are reported as such."""
    set_stdin(monkeypatch, b"caf\xe9")
    status, _out, err = run([], capsys)
    assert status == 1
    assert "standard input is not valid UTF-8" in err


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

    def load(_model: str | None) -> FakeExtractor:
        raise error

    monkeypatch.setattr(cli, "load_extractor", load)
    status, out, err = run([str(ferry_file)], capsys)
    assert (status, out) == (1, "")
    assert err == f"quoteattr: error: {error}\n"


@pytest.mark.parametrize("args", [["--format", "xml"], ["--no-such-option"], ["--model"]], ids=str)
def test_usage_errors_exit_2(args: list[str], capsys: pytest.CaptureFixture[str]) -> None:
    """Bad arguments are argparse's usage errors: status 2, usage on stderr."""
    status, out, err = run(args, capsys)
    assert (status, out) == (2, "")
    assert err.startswith("usage: quoteattr")


def test_version_prints_the_package_version(capsys: pytest.CaptureFixture[str]) -> None:
    """--version prints the installed distribution's version and exits 0."""
    status, out, _err = run(["--version"], capsys)
    assert status == 0
    assert out == f"quoteattr {cli.package_version()}\n"


def test_help_documents_the_output_shapes(capsys: pytest.CaptureFixture[str]) -> None:
    """--help explains each format and the exit codes."""
    status, out, _err = run(["--help"], capsys)
    assert status == 0
    for text in ('"file": "a.txt", "quotes"', "jsonl", '"speaker"', "exit status"):
        assert text in out


def run_python(*args: str) -> subprocess.CompletedProcess[str]:
    """Run this interpreter in a fresh process: module imports start from nothing."""
    command = [sys.executable, *args]
    # S603: the command is this interpreter with arguments fixed in the tests.
    return subprocess.run(command, capture_output=True, text=True, check=False, timeout=60)


def test_help_does_not_import_spacy() -> None:
    """Building the parser (all --help needs) leaves spaCy unimported, so it answers fast."""
    code = "import sys\nfrom quoteattr.cli import build_parser\nbuild_parser().format_help()\n"
    code += "print('spacy' in sys.modules)"
    assert run_python("-c", code).stdout.strip() == "False"


def test_python_dash_m_runs_the_command() -> None:
    """`python -m quoteattr` is the same command."""
    result = run_python("-m", "quoteattr", "--version")
    assert result.returncode == 0
    assert result.stdout.startswith("quoteattr ")


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
