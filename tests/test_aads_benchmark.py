"""benchmarks/aads_french.py scores a tiny invented AADS-format split."""

from __future__ import annotations

import importlib.util
import json
from pathlib import Path
from typing import TYPE_CHECKING

import pytest

if TYPE_CHECKING:
    from types import ModuleType

SCRIPT = Path(__file__).resolve().parent.parent / "benchmarks" / "aads_french.py"
TEXT = "Le chat dormait.\n— Oui, dit la petite, il joue.\nElle cria : « Viens ! »\n"


def load() -> ModuleType:
    """The benchmark script as a module."""
    spec = importlib.util.spec_from_file_location("aads_french", SCRIPT)
    assert spec is not None
    assert spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def gold(text: str, *pieces: str) -> list[list[int]]:
    """The offsets of each piece in *text*, as AADS lists its direct speech."""
    return [[text.index(piece), text.index(piece) + len(piece)] for piece in pieces]


@pytest.fixture
def corpus(tmp_path: Path) -> Path:
    """An AADS folder with one invented chapter in val."""
    (tmp_path / "val").mkdir()
    document = {
        "name": "invented",
        "text": TEXT,
        "direct_speech": gold(TEXT, "— Oui,", " il joue.", "« Viens ! »"),
        "corpus": "test",
    }
    (tmp_path / "val" / "invented.json").write_text(json.dumps(document), encoding="utf-8")
    return tmp_path


def test_the_script_scores_an_invented_split(
    corpus: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Dash line, incise and guillemets all found: F1 1.0, printed and written as JSON."""
    out = tmp_path / "figures.json"
    assert load().main(["--data", str(corpus), "--per-file", "--json", str(out)]) == 0
    assert "F1 1.000" in capsys.readouterr().out
    report = json.loads(out.read_text(encoding="utf-8"))
    assert report["prf"] == [1.0, 1.0, 1.0]
    assert report["files"][0]["name"] == "invented"


def test_english_conventions_miss_the_dialogue(corpus: Path) -> None:
    """The default conventions find the guillemets only: recall below 1, precision 1."""
    module = load()
    report = module.score(module.load_split(corpus / "val"), module.marks_speech(None))
    precision, recall, _f1 = report["prf"]
    assert precision == 1.0
    assert recall < 1.0


def test_edges_are_trimmed_of_spaces_marks_and_dashes() -> None:
    """A span's spaces, quotation marks and dashes at its edges are not counted."""
    module = load()
    text = "— « Oui » "
    assert module.trimmed(text, 0, len(text)) == (text.index("Oui"), text.index("Oui") + 3)
