"""Scoring predicted quotes against gold attributions: the whole corpus at once.

How predictions meet the gold is in ``_matching``; the scores of each subset in
``_subset_scores`` (with the comparison of mentions in ``_mentions`` and the error records
in ``_error_records``); the precision per method in ``method_precision``.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from quoteattr.evaluation._matching import is_unattributed, prepare
from quoteattr.evaluation._method_precision import method_precision
from quoteattr.evaluation._report import EvaluationReport, quoteattr_version
from quoteattr.evaluation._results import CorpusStats
from quoteattr.evaluation._subset_scores import score_subset
from quoteattr.evaluation._subsets import SUBSETS

if TYPE_CHECKING:
    from collections.abc import Sequence

    from quoteattr._types import Quote
    from quoteattr.evaluation._gold import GoldDocument
    from quoteattr.evaluation._results import Failure
    from quoteattr.evaluation._subsets import Subset

__all__ = ["MIN_JACCARD", "score"]

#: The least character Jaccard similarity at which a prediction matches a gold attribution.
MIN_JACCARD = 0.5


def score(
    documents: Sequence[GoldDocument],
    predictions: Sequence[Sequence[Quote]],
    *,
    failures: Sequence[Failure] = (),
    min_jaccard: float = MIN_JACCARD,
    subsets: Sequence[Subset] | None = None,
) -> EvaluationReport:
    """Score the quotes predicted for each document against its gold attributions.

    Args:
        documents: the gold documents.
        predictions: the quotes found in each document, in the same order.
        failures: the documents the extractor raised on (their predictions are empty).
        min_jaccard: the least character Jaccard similarity for a match, in (0, 1].
        subsets: the subsets of the gold to score, in report order (default: :data:`SUBSETS`).

    Raises:
        ValueError: the predictions do not line up with the documents, or *min_jaccard* is
            out of range.
    """
    if len(documents) != len(predictions):
        raise ValueError(
            f"{len(predictions)} lists of predictions for {len(documents)} documents; "
            "pass one list (maybe empty) per document, in the same order"
        )
    if not 0 < min_jaccard <= 1:
        raise ValueError(f"min_jaccard must lie in (0, 1], not {min_jaccard}")
    prepared = [
        prepare(document, quotes) for document, quotes in zip(documents, predictions, strict=True)
    ]
    all_quotes = [quote for quotes in predictions for quote in quotes]
    corpus = CorpusStats(
        articles=len(documents),
        quotes=len(all_quotes),
        unattributed_quotes=sum(is_unattributed(quote) for quote in all_quotes),
        failures=tuple(failures),
    )
    return EvaluationReport(
        subsets=tuple(score_subset(prepared, subset, min_jaccard) for subset in subsets or SUBSETS),
        methods=method_precision(prepared),
        corpus=corpus,
        min_jaccard=min_jaccard,
        quoteattr_version=quoteattr_version(),
    )
