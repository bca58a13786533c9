"""The console examples in README.md and docs/*.md run, and print what the page shows.

Each ```console block is a session: a line starting ``$ `` is a command, the lines after it
are what it prints (standard output, then standard error). The command runs through
``quoteattr.cli.main`` in this process, in a scratch directory holding
``examples/article.txt`` and the files the page declares in a comment::

    <!-- file pier.txt:
    Ida Brenner was elected mayor in May. "We will rebuild the pier," Brenner told reporters.
    -->

Output is compared as doctest compares it, with ``...`` matching anything (the first rows of
a long table, then ``...``). A block that cannot run (``pip install``, a pipe, files of the
reader's own) says so in a comment on the line before it: ``<!-- not run: REASON -->``.
The Python examples run as doctests (``--doctest-glob``); the other Python blocks, fragments
that name the reader's own data, are compiled here so they at least stay valid Python.
"""

from __future__ import annotations

import doctest
import re
import runpy
import shlex
import shutil
from pathlib import Path
from typing import NamedTuple

import pytest

from quoteattr import cli
from quoteattr._data import data_lines, read_data

REPO_ROOT = Path(__file__).resolve().parent.parent
PAGES = (REPO_ROOT / "README.md", *sorted((REPO_ROOT / "docs").glob("*.md")))
EXAMPLE_ARTICLE = REPO_ROOT / "examples" / "article.txt"

FENCE = re.compile(r"^```(?P<lang>\w+)\n(?P<body>.*?)^```$", re.MULTILINE | re.DOTALL)
NOT_RUN = re.compile(r"<!-- not run: [^\n]*-->\n\n?\Z")
DECLARED_FILE = re.compile(r"<!-- file (?P<name>\S+):\n(?P<text>.*?)-->", re.DOTALL)
ENV_ASSIGNMENT = re.compile(r"[A-Z_]+=")
SHELL_SYNTAX = frozenset({"|", ">", ">>", "<", "&&", ";"})


class Block(NamedTuple):
    """A fenced code block of a page, and the files the page declares for its examples."""

    page: Path
    line: int
    body: str
    files: dict[str, str]

    @property
    def name(self) -> str:
        return f"{self.page.relative_to(REPO_ROOT)}:{self.line}"


def code_blocks(lang: str, *, with_unrun: bool = False) -> list[Block]:
    """Every ```lang block of the pages, in page order, without the not-run ones."""
    blocks = []
    for page in PAGES:
        text = page.read_text(encoding="utf-8")
        files = {match["name"]: match["text"] for match in DECLARED_FILE.finditer(text)}
        for fence in FENCE.finditer(text):
            if fence["lang"] != lang:
                continue
            if not with_unrun and NOT_RUN.search(text, 0, fence.start()):
                continue
            line = text.count("\n", 0, fence.start()) + 1
            blocks.append(Block(page, line, fence["body"], files))
    return blocks


def session(body: str) -> list[tuple[str, str]]:
    """The (command, expected output) pairs of a console block."""
    steps: list[tuple[str, list[str]]] = []
    for line in body.splitlines():
        if line.startswith("$ "):
            steps.append((line[2:], []))
        elif steps:
            steps[-1][1].append(line)
        else:
            msg = f"output before any command: {line!r}; commands start with '$ '"
            raise ValueError(msg)
    return [(command, "".join(f"{out}\n" for out in output)) for command, output in steps]


def parse_command(command: str) -> tuple[dict[str, str], list[str]]:
    """The environment variables and the quoteattr arguments of a ``$`` line."""
    words = shlex.split(command)
    environment = {}
    while words and ENV_ASSIGNMENT.match(words[0]):
        name, _, value = words.pop(0).partition("=")
        environment[name] = value
    if not words or words[0] != "quoteattr" or SHELL_SYNTAX.intersection(words):
        msg = (
            f"cannot run {command!r}: only quoteattr commands, without pipes or redirects, "
            "run as tests; put <!-- not run: REASON --> on the line before the block"
        )
        raise ValueError(msg)
    return environment, words[1:]


@pytest.fixture
def scratch(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A working directory with examples/article.txt, as in a clone of the repository."""
    (tmp_path / "examples").mkdir()
    shutil.copyfile(EXAMPLE_ARTICLE, tmp_path / "examples" / "article.txt")
    monkeypatch.chdir(tmp_path)
    # The table's width comes from $COLUMNS when standard output is not a terminal.
    monkeypatch.delenv("COLUMNS", raising=False)
    return tmp_path


@pytest.mark.model
@pytest.mark.docs
@pytest.mark.parametrize("block", code_blocks("console"), ids=lambda block: block.name)
def test_console_example_prints_what_the_page_shows(
    block: Block,
    scratch: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    """Each command of the block prints the output shown under it."""
    for name, text in block.files.items():
        (scratch / name).write_text(text, encoding="utf-8")
    checker = doctest.OutputChecker()
    for command, expected in session(block.body):
        environment, args = parse_command(command)
        with monkeypatch.context() as patch:
            for name, value in environment.items():
                patch.setenv(name, value)
            cli.main(args)
        captured = capsys.readouterr()
        printed = captured.out + captured.err
        if not checker.check_output(expected, printed, doctest.ELLIPSIS):
            pytest.fail(f"$ {command}\n{diff(expected, printed)}", pytrace=False)


def diff(expected: str, printed: str) -> str:
    """What the page shows against what the command printed, as doctest reports it."""
    example = doctest.Example("", expected)
    return doctest.OutputChecker().output_difference(example, printed, doctest.ELLIPSIS)


FRAGMENTS = [block for block in code_blocks("python") if ">>>" not in block.body]


@pytest.mark.parametrize("block", FRAGMENTS, ids=lambda block: block.name)
def test_python_fragment_compiles(block: Block) -> None:
    """A Python block that is not a doctest is at least valid Python."""
    compile(block.body, block.name, "exec")


def test_every_not_run_comment_marks_a_console_block() -> None:
    """A misplaced comment (before prose, a Python block) would hide no block: it fails."""
    unrun = len(code_blocks("console", with_unrun=True)) - len(code_blocks("console"))
    marked = sum(
        len(re.findall(r"<!-- not run: ", page.read_text(encoding="utf-8"))) for page in PAGES
    )
    assert unrun == marked


def test_confidence_figures_match_the_shipped_table() -> None:
    """The precisions the pages quote are those of quoteattr/data/confidence.tsv.

    Re-measuring the table (quoteattr evaluate --confidence-table) fails this test until
    the accuracy page's table and the evaluation page's excerpt show the new figures.
    """
    shipped = data_lines(read_data("confidence.tsv"))
    rows = {(f[0], f[1]): f[2:4] for f in (line.split("\t") for line in shipped)}
    accuracy = (REPO_ROOT / "docs" / "accuracy.md").read_text(encoding="utf-8")
    shown = re.findall(
        r"^\| `(\w+)` \| (\d\.\d{3}) \((\d+) quotes\) \| (\d\.\d{3}) \((\d+)\) \|$",
        accuracy,
        re.MULTILINE,
    )
    assert shown
    for method, clear, clear_quotes, ud, ud_quotes in shown:
        assert rows["clear", method] == [clear, clear_quotes], method
        assert rows["ud", method] == [ud, ud_quotes], method
    evaluation = (REPO_ROOT / "docs" / "evaluation.md").read_text(encoding="utf-8")
    excerpt = [line for line in evaluation.splitlines() if re.match(r"\w+\t\w+\t\d\.\d{3}\t", line)]
    assert excerpt
    assert set(excerpt) <= set(shipped)


def test_the_docs_site_keeps_quotation_marks_as_written() -> None:
    """Neither Sphinx's smart quotes nor MyST's typography turn "…," into ”…,”."""
    pytest.importorskip("sphinx")
    conf = runpy.run_path(str(REPO_ROOT / "docs" / "conf.py"))
    assert conf["smartquotes"] is False
    assert not {"smartquotes", "replacements"} & set(conf["myst_enable_extensions"])


def test_the_readme_links_work_on_pypi() -> None:
    """The README is PyPI's long description: no relative links or anchors, which break there."""
    readme = (REPO_ROOT / "README.md").read_text(encoding="utf-8")
    targets = re.findall(r"\]\(([^)]*)\)", readme)
    assert targets
    assert [target for target in targets if not target.startswith("https://")] == []
