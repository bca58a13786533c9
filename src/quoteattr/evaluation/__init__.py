"""Measure quoteattr against gold attributions: the PolNeAR corpus, or any brat corpus.

::

    >>> from quoteattr.evaluation import evaluate
    >>> report = evaluate("polnear/dev", model="en_core_web_sm")  # doctest: +SKIP
    >>> print(report.format_table())  # doctest: +SKIP

Importing this module does not import spaCy; :func:`evaluate` loads a pipeline only when it
is not handed an extractor. See the documentation page "Evaluation" for how scores are
computed.
"""

from __future__ import annotations

from quoteattr.evaluation._brat import load_brat_corpus, load_brat_document
from quoteattr.evaluation._direct import is_direct
from quoteattr.evaluation._gold import GoldAttribution, GoldDataError, GoldDocument
from quoteattr.evaluation._report import (
    EvaluationReport,
    format_comparison,
    pooled_methods,
    write_confidence_table,
)
from quoteattr.evaluation._results import (
    AttributionText,
    CorpusStats,
    ErrorCategory,
    ErrorRecord,
    Failure,
    MethodPrecision,
    PrecisionRecall,
    Ratio,
    SubsetScores,
)
from quoteattr.evaluation._run import Extractor, evaluate, run_extractor
from quoteattr.evaluation._scoring import MIN_JACCARD, score
from quoteattr.evaluation._subsets import (
    ALL,
    DIRECT,
    INDIRECT,
    INDIRECT_SPEECH,
    SUBSETS,
    Subset,
    is_speech_cue,
    subset_named,
)

__all__ = [
    "ALL",
    "DIRECT",
    "INDIRECT",
    "INDIRECT_SPEECH",
    "MIN_JACCARD",
    "SUBSETS",
    "AttributionText",
    "CorpusStats",
    "ErrorCategory",
    "ErrorRecord",
    "EvaluationReport",
    "Extractor",
    "Failure",
    "GoldAttribution",
    "GoldDataError",
    "GoldDocument",
    "MethodPrecision",
    "PrecisionRecall",
    "Ratio",
    "Subset",
    "SubsetScores",
    "evaluate",
    "format_comparison",
    "is_direct",
    "is_speech_cue",
    "load_brat_corpus",
    "load_brat_document",
    "pooled_methods",
    "run_extractor",
    "score",
    "subset_named",
    "write_confidence_table",
]
