"""The gold loader on the real PolNeAR splits, and ``quoteattr evaluate`` on a few articles.

The corpus README counts 19,832 training attributions (4,023 direct) and 2,192 dev
attributions (431 direct); the loader and :func:`~quoteattr.evaluation.is_direct` reproduce
every one of these numbers, and the others pinned below.
"""

from __future__ import annotations

import json
import shutil
from pathlib import Path
from typing import TYPE_CHECKING, NamedTuple

import pytest

from quoteattr import cli
from quoteattr.cli import _extraction
from quoteattr.evaluation import load_brat_corpus

if TYPE_CHECKING:
    from quoteattr import QuoteExtractor

POLNEAR = Path(__file__).resolve().parents[2] / "shared" / "data" / "polnear"

pytestmark = [
    pytest.mark.polnear,
    pytest.mark.skipif(not POLNEAR.is_dir(), reason=f"PolNeAR is not at {POLNEAR}"),
]


class SplitCounts(NamedTuple):
    """What the corpus README counts for one split."""

    articles: int
    attributions: int
    direct: int
    without_source: int
    discontinuous: int


@pytest.mark.parametrize(
    ("split", "expected"),
    [
        ("train", SplitCounts(840, 19_832, 4_023, 1_472, 3_149)),
        ("dev", SplitCounts(84, 2_192, 431, 126, 301)),
    ],
)
def test_gold_counts_match_the_corpus_readme(split: str, expected: SplitCounts) -> None:
    """Every article loads and validates; the counts are the README's, direct ones included."""
    documents = load_brat_corpus(POLNEAR / split)
    attributions = [attribution for document in documents for attribution in document.attributions]
    counts = SplitCounts(
        articles=len(documents),
        attributions=len(attributions),
        direct=sum(attribution.direct for attribution in attributions),
        without_source=sum(attribution.source is None for attribution in attributions),
        discontinuous=sum(len(attribution.content) > 1 for attribution in attributions),
    )
    assert counts == expected


def some_dev_articles(destination: Path, count: int) -> Path:
    """Copy *count* dev articles, spread over the publishers, in the PolNeAR layout."""
    dev = POLNEAR / "dev"
    (destination / "text").mkdir(parents=True)
    (destination / "attributions").mkdir()
    texts = sorted((dev / "text").glob("*.txt"))
    for text in texts[:: len(texts) // count][:count]:
        shutil.copy(text, destination / "text")
        annotation = min((dev / "attributions").glob(f"{text.stem}_*.ann"))
        shutil.copy(annotation, destination / "attributions")
    return destination


@pytest.mark.model
def test_evaluate_command_on_a_few_dev_articles(
    extractor: QuoteExtractor,
    monkeypatch: pytest.MonkeyPatch,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
) -> None:
    """End to end with a real pipeline: no failures, and most direct quotes found."""
    gold = some_dev_articles(tmp_path / "gold", 5)
    monkeypatch.setattr(_extraction, "load_extractor", lambda _model: extractor)
    report_path = tmp_path / "report.json"
    status = cli.main(["evaluate", str(gold), "--json", str(report_path)])
    out, err = capsys.readouterr()
    assert (status, err) == (0, "")
    assert "direct" in out.splitlines()[4]
    report = json.loads(report_path.read_text(encoding="utf-8"))
    assert report["corpus"]["articles"] == 5
    assert report["corpus"]["failed"] == []
    assert report["model"]["name"] is not None
    direct = report["subsets"]["direct"]
    assert direct["gold"] == 26
    assert direct["content"]["recall"]["value"] >= 0.8
    assert direct["end_to_end"]["f1"]["value"] >= 0.75
