"""Check that extraction output is unchanged: a digest of each PolNeAR document's quotes.

For each document of a PolNeAR split (read from ``../shared/data/polnear``, or
``$QUOTEATTR_SHARED/data/polnear``) and each installed pipeline of ``en_core_web_sm`` (ClearNLP
labels) and ``en_ud_sm`` (UD labels), the extractor's quotes are serialised as JSON (sorted
keys) and hashed with SHA-256. The digests are compared with the committed
``scripts/output_digests.json``, which holds hashes only: of the quotes, and of the document
names (which come from headlines), never any text of the corpus, nor a quote.

A refactoring must leave every digest as it was. A change meant to change the output (a new
rule, a fixed word list) updates the digests in the same commit, with ``--update``, and says
so in the changelog's "Changed" section.

Usage::

    python scripts/output_digest.py                 # the first 10 dev documents per pipeline
    python scripts/output_digest.py --sample all    # every dev document
    python scripts/output_digest.py --sample all --update   # rewrite the committed digests

Exit status: 0 when every digest matches (or the corpus is absent: the check is skipped with
a message), 1 when one differs or is missing.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import os
import sys
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from collections.abc import Sequence

    from quoteattr import Quote

ROOT = Path(__file__).resolve().parent.parent
DIGESTS = ROOT / "scripts" / "output_digests.json"
MODELS = ("en_core_web_sm", "en_ud_sm")
DEFAULT_SAMPLE = 10


def corpus_dir() -> Path:
    """Where PolNeAR lives: ``$QUOTEATTR_SHARED/data/polnear``, else beside the repository."""
    shared = os.environ.get("QUOTEATTR_SHARED") or ROOT.parent / "shared"
    return Path(shared) / "data" / "polnear"


def documents(corpus: Path, split: str, sample: int | None) -> list[Path]:
    """The texts of *split*, sorted by name; the first *sample* of them (all for ``None``)."""
    texts = sorted((corpus / split / "text").glob("*.txt"))
    return texts if sample is None else texts[:sample]


def digest(quotes: Sequence[Quote]) -> str:
    """The SHA-256 of the quotes' records as JSON with sorted keys."""
    records = [quote.to_dict() for quote in quotes]
    data = json.dumps(records, sort_keys=True, ensure_ascii=False)
    return hashlib.sha256(data.encode("utf-8")).hexdigest()


def document_key(model: str, split: str, name: str) -> str:
    """How the digests file names a document: pipeline, split and a hash of the name."""
    return f"{model}/{split}/{hashlib.sha256(name.encode('utf-8')).hexdigest()[:16]}"


def compute(
    models: Sequence[str], paths: Sequence[Path], split: str
) -> tuple[dict[str, str], dict[str, str]]:
    """The digest of each document's quotes with each installed pipeline of *models*.

    Also the document's own name (model, split and name) for each key, for messages.
    """
    from quoteattr import QuoteExtractor  # noqa: PLC0415 - loads spaCy when run only
    from quoteattr.errors import ModelNotFoundError  # noqa: PLC0415

    found: dict[str, str] = {}
    names: dict[str, str] = {}
    for model in models:
        try:
            extractor = QuoteExtractor(model)
        except ModelNotFoundError:
            print(f"{model} is not installed: skipped")
            continue
        texts = [path.read_text(encoding="utf-8") for path in paths]
        for path, quotes in zip(paths, extractor.pipe(texts), strict=True):
            key = document_key(model, split, path.stem)
            found[key] = digest(quotes)
            names[key] = f"{model}/{split}/{path.stem}"
    return found, names


def compare(expected: dict[str, str], actual: dict[str, str], names: dict[str, str]) -> list[str]:
    """A line for each document whose digest differs from, or is missing in, *expected*."""
    problems = []
    for key, value in sorted(actual.items()):
        if key not in expected:
            problems.append(f"{names[key]}: no committed digest (run with --update)")
        elif expected[key] != value:
            problems.append(f"{names[key]}: output changed")
    return problems


def main(argv: Sequence[str] | None = None) -> int:
    """Compute the digests of a sample and compare them (or, with --update, store them)."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--split", default="dev", choices=["dev", "train"])
    parser.add_argument(
        "--sample",
        default=str(DEFAULT_SAMPLE),
        help="how many documents of the split, in name order, or 'all' (default: 10)",
    )
    parser.add_argument("--model", action="append", help="a pipeline (default: both)")
    parser.add_argument("--digests", type=Path, default=DIGESTS, help="the committed digests")
    parser.add_argument("--update", action="store_true", help="store the digests computed")
    args = parser.parse_args(argv)
    corpus = corpus_dir()
    if not (corpus / args.split / "text").is_dir():
        print(f"PolNeAR is not at {corpus}: the output check is skipped")
        return 0
    sample = None if args.sample == "all" else int(args.sample)
    paths = documents(corpus, args.split, sample)
    actual, names = compute(args.model or MODELS, paths, args.split)
    stored: dict[str, str] = {}
    if args.digests.exists():
        stored = json.loads(args.digests.read_text(encoding="utf-8"))["digests"]
    if args.update:
        stored.update(actual)
        record = {
            "about": "SHA-256 of each document's quotes; see scripts/output_digest.py",
            "digests": dict(sorted(stored.items())),
        }
        args.digests.write_text(json.dumps(record, indent=1) + "\n", encoding="utf-8")
        print(f"stored {len(actual)} digests in {args.digests}")
        return 0
    problems = compare(stored, actual, names)
    for line in problems:
        print(line)
    print(f"{len(actual) - len(problems)} of {len(actual)} documents' output unchanged")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
