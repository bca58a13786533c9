"""English output stays as it was: the PolNeAR digests of scripts/output_digest.py.

A sample of ten dev documents per pipeline, compared with the committed digests. A change
meant to change the output updates the digests in the same commit (see the script).
"""

from __future__ import annotations

import json
from typing import TYPE_CHECKING

import pytest

from scriptloader import load_script
from shareddata import SHARED

if TYPE_CHECKING:
    from pathlib import Path

CORPUS = SHARED / "data" / "polnear"

pytestmark = [
    pytest.mark.polnear,
    pytest.mark.model,
    pytest.mark.skipif(not (CORPUS / "dev").is_dir(), reason=f"PolNeAR is not at {CORPUS}"),
]


def test_the_output_of_ten_dev_documents_is_unchanged(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    """Each pipeline's quotes of the first ten dev documents hash to the committed digests."""
    monkeypatch.setenv("QUOTEATTR_SHARED", str(SHARED))
    script = load_script("output_digest")
    status = script.main(["--sample", "10"])
    output = capsys.readouterr().out
    assert status == 0, output
    assert "output unchanged" in output


def test_a_changed_output_is_reported(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    """A digest that differs fails the check and names the document."""
    monkeypatch.setenv("QUOTEATTR_SHARED", str(SHARED))
    script = load_script("output_digest")
    stored = json.loads(script.DIGESTS.read_text(encoding="utf-8"))
    stored["digests"] = dict.fromkeys(stored["digests"], "0" * 64)
    changed = tmp_path / "digests.json"
    changed.write_text(json.dumps(stored), encoding="utf-8")
    status = script.main(["--sample", "1", "--model", "en_core_web_sm", "--digests", str(changed)])
    output = capsys.readouterr().out
    assert status == 1
    assert "en_core_web_sm/dev/" in output
    assert "output changed" in output
