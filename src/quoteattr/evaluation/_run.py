"""Running an extractor over a gold corpus, recording the documents it fails on."""

from __future__ import annotations

import os
from typing import TYPE_CHECKING, Protocol

import attrs

from quoteattr.evaluation._brat import load_brat_corpus
from quoteattr.evaluation._results import Failure
from quoteattr.evaluation._scoring import MIN_JACCARD, score

if TYPE_CHECKING:
    from collections.abc import Iterable, Iterator, Sequence

    from quoteattr._types import Quote
    from quoteattr.evaluation._gold import GoldDocument
    from quoteattr.evaluation._report import EvaluationReport
    from quoteattr.evaluation._subsets import Subset

__all__ = ["Extractor", "evaluate", "run_extractor"]

#: Documents handed to the extractor's ``pipe`` at once; a failure retries only its batch.
BATCH_SIZE = 32


class Extractor(Protocol):
    """What evaluation needs from :class:`quoteattr.QuoteExtractor`."""

    def pipe(self, texts: Iterable[str]) -> Iterator[list[Quote]]:
        """Yield the quotes of each text, in input order."""
        ...


def evaluate(
    gold: str | os.PathLike[str] | Sequence[GoldDocument],
    extractor: Extractor | None = None,
    *,
    model: str | None = None,
    subsets: Sequence[Subset] | None = None,
    min_jaccard: float = MIN_JACCARD,
) -> EvaluationReport:
    """Run *extractor* over the gold corpus *gold* and score what it finds.

    A document the extractor raises on is recorded in the report's failures and scored as
    if nothing was found in it; the run goes on.

    Args:
        gold: a brat corpus directory (see :func:`load_brat_corpus`), or loaded documents.
        extractor: a :class:`~quoteattr.QuoteExtractor`, or anything with its ``pipe``;
            ``None`` builds ``QuoteExtractor(model)``.
        model: the spaCy pipeline to build the extractor with, when none is given.
        subsets: the subsets of the gold to score, in report order (default:
            :data:`~quoteattr.evaluation.SUBSETS`).
        min_jaccard: the least character Jaccard similarity for a match.

    Raises:
        GoldDataError: the gold corpus cannot be read.
        ModelNotFoundError: the model cannot be loaded.
        ValueError: both an extractor and a model were given.
    """
    if extractor is not None and model is not None:
        raise ValueError("pass an extractor or a model name, not both")
    gold_name = None
    if isinstance(gold, (str, os.PathLike)):
        gold_name = os.fspath(gold)
        documents = load_brat_corpus(gold)
    else:
        documents = list(gold)
    if extractor is None:
        from quoteattr._extractor import QuoteExtractor  # noqa: PLC0415 - loads spaCy

        extractor = QuoteExtractor(model)
    predictions, failures = run_extractor(extractor, documents)
    report = score(
        documents, predictions, failures=failures, min_jaccard=min_jaccard, subsets=subsets
    )
    model_name, model_version = _model_of(extractor)
    scheme = getattr(extractor, "label_scheme", None)
    return attrs.evolve(
        report,
        gold=gold_name,
        model=model_name,
        model_version=model_version,
        label_scheme=scheme if isinstance(scheme, str) else None,
    )


def run_extractor(
    extractor: Extractor, documents: Sequence[GoldDocument], *, batch_size: int = BATCH_SIZE
) -> tuple[list[list[Quote]], list[Failure]]:
    """The quotes *extractor* finds in each document, and the documents it failed on.

    Documents go through ``pipe`` in batches. When a batch raises, its documents are run
    again one at a time, so one bad article becomes a :class:`Failure` (with empty
    predictions) instead of ending the run.
    """
    predictions: list[list[Quote]] = []
    failures: list[Failure] = []
    for first in range(0, len(documents), batch_size):
        batch = documents[first : first + batch_size]
        try:
            found = list(extractor.pipe(document.text for document in batch))
        except Exception:  # noqa: BLE001 - retried per document below, where it is recorded
            found = []
        if len(found) != len(batch):
            found = [_run_one(extractor, document, failures) for document in batch]
        predictions.extend(found)
    return predictions, failures


def _run_one(extractor: Extractor, document: GoldDocument, failures: list[Failure]) -> list[Quote]:
    """The quotes of one document; on an exception, record a failure and find none."""
    try:
        (quotes,) = extractor.pipe([document.text])
    except Exception as error:  # noqa: BLE001 - one bad article must not end the evaluation
        failures.append(Failure(document.name, f"{type(error).__name__}: {error}"))
        return []
    return quotes


def _model_of(extractor: Extractor) -> tuple[str | None, str | None]:
    """The extractor's pipeline as ``lang_name`` and its version, from ``nlp.meta``."""
    meta = getattr(getattr(extractor, "nlp", None), "meta", None)
    if not isinstance(meta, dict):
        return None, None
    lang, name, version = meta.get("lang"), meta.get("name"), meta.get("version")
    model = f"{lang}_{name}" if lang and name else None
    return model, str(version) if version else None
