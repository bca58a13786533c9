"""The evaluation report: the scores with what produced them, as a table, JSON or a TSV."""

from __future__ import annotations

import enum
from importlib import metadata
from pathlib import Path
from typing import TYPE_CHECKING, Any

import attrs

from quoteattr.evaluation._results import MethodPrecision

if TYPE_CHECKING:
    import os
    from collections.abc import Iterable, Sequence

    from attrs import AttrsInstance

    from quoteattr.evaluation._results import CorpusStats, PrecisionRecall, Ratio, SubsetScores

__all__ = [
    "EvaluationReport",
    "format_comparison",
    "pooled_methods",
    "quoteattr_version",
    "write_confidence_table",
]

#: The header row of the confidence table; the library reads the file by these names.
CONFIDENCE_COLUMNS = ("scheme", "method", "precision", "quotes", "correct")


def quoteattr_version() -> str:
    """The installed quoteattr's version, from the package metadata."""
    try:
        return metadata.version("quoteattr")
    except metadata.PackageNotFoundError:  # a source tree that is not installed
        return "unknown"


@attrs.frozen
class EvaluationReport:
    """The result of an evaluation: scores per subset, precision per method, corpus counts.

    ``gold``, ``model``, ``model_version`` and ``label_scheme`` say what was evaluated, where
    known (they are ``None`` for a bare :func:`~quoteattr.evaluation.score`).
    """

    #: The scores of each subset of the gold, in the order asked for.
    subsets: tuple[SubsetScores, ...]
    #: The precision of each attribution method, sorted by method name.
    methods: tuple[MethodPrecision, ...]
    #: Articles, quotes and failures over the whole corpus.
    corpus: CorpusStats
    #: The least character Jaccard similarity a match needed.
    min_jaccard: float
    #: The version of quoteattr that was evaluated.
    quoteattr_version: str
    #: The gold corpus: the directory it was read from.
    gold: str | None = None
    #: The spaCy pipeline, as ``lang_name`` (``en_core_web_sm``).
    model: str | None = None
    #: The pipeline's version.
    model_version: str | None = None
    #: The pipeline's dependency label scheme (``"clear"``, ``"ud"``; see
    #: :attr:`QuoteExtractor.label_scheme <quoteattr.QuoteExtractor.label_scheme>`).
    label_scheme: str | None = None

    def scores(self, subset: str) -> SubsetScores:
        """The scores of the subset named *subset* (``"direct"``, ``"indirect"``, ``"all"``…).

        Raises:
            KeyError: the report has no such subset.
        """
        for scores in self.subsets:
            if scores.subset == subset:
                return scores
        raise KeyError(subset)

    def format_table(self) -> str:
        """The report as text for people: a column per subset, then a row per method."""
        return _format_table(self)

    def to_dict(self) -> dict[str, Any]:
        """The report as a JSON-safe dict, with the counts behind every rate and the errors."""
        return _report_dict(self)


# -- table ---------------------------------------------------------------------------------


def _format_table(report: EvaluationReport) -> str:
    lines = [*_heading(report), ""]
    lines += _align([_subset_header(report), *_subset_rows(report.subsets)])
    if report.methods:
        lines += ["", "attribution precision by method (every quote, against all gold):"]
        lines += _align(_method_rows(report.methods))
    return "\n".join(lines) + "\n"


def _heading(report: EvaluationReport) -> list[str]:
    corpus = report.corpus
    model = " ".join(filter(None, (report.model, report.model_version))) or "unknown model"
    gold = report.gold if report.gold is not None else "gold documents"
    lines = [
        f"quoteattr {report.quoteattr_version} with {model} on {gold}",
        f"articles: {corpus.articles}, failed: {len(corpus.failures)}",
        (
            f"quotes found: {corpus.quotes} ({corpus.quotes_per_article:.1f} per article), "
            f"unattributed (not scored): {corpus.unattributed_quotes}"
        ),
    ]
    lines += [f"  failed: {failure.document}: {failure.message}" for failure in corpus.failures]
    return lines


def _subset_header(report: EvaluationReport) -> list[str]:
    # Kept no wider than the row labels, so four subset columns fit in 100 columns.
    return [f"match: Jaccard >= {report.min_jaccard:g}"] + [
        scores.subset for scores in report.subsets
    ]


def _subset_rows(subsets: Sequence[SubsetScores]) -> list[list[str]]:
    def row(label: str, cells: Iterable[object]) -> list[str]:
        return [label, *(str(cell) for cell in cells)]

    def rates(label: str, measures: Iterable[PrecisionRecall]) -> list[list[str]]:
        measures = list(measures)
        return [
            row(f"{label} precision", (m.precision for m in measures)),
            row(f"{label} recall", (m.recall for m in measures)),
            row(f"{label} F1", (_rate(m.f1) for m in measures)),
        ]

    return [
        row("gold attributions", (s.gold for s in subsets)),
        row("predicted", (s.predicted for s in subsets)),
        row("matched", (s.matched for s in subsets)),
        row("false positives", (s.false_positives for s in subsets)),
        row("neutral (not counted)", (s.neutral for s in subsets)),
        *rates("content", (s.content for s in subsets)),
        row("speaker, lenient", (s.speaker_lenient for s in subsets)),
        row("speaker, strict", (s.speaker_strict for s in subsets)),
        row("cue", (s.cue for s in subsets)),
        *rates("end-to-end", (s.end_to_end for s in subsets)),
        row("pronoun speakers resolved", (s.pronoun_resolution for s in subsets)),
        row("gold source and cue swapped", (s.roles_swapped for s in subsets)),
    ]


def format_comparison(
    reports: Sequence[EvaluationReport], labels: Sequence[str] | None = None
) -> str:
    """Several reports on the same gold as one table for people: a column per report.

    Each subset of the first report is a block of rows, with the rows of
    :meth:`EvaluationReport.format_table`, then comes the precision of each method. Pipelines
    go across and subsets down, not both across: four subsets of two pipelines, with the
    counts behind every rate, would need 170 columns.

    Args:
        reports: the reports, in column order; each must score the first report's subsets.
        labels: the column headings (default: each report's model and its version).

    Raises:
        ValueError: no reports, as many labels as reports, or a report that lacks a subset
            of the first.
    """
    if not reports:
        raise ValueError("format_comparison needs at least one report")
    if labels is None:
        labels = [_model_label(report, number) for number, report in enumerate(reports, 1)]
    if len(labels) != len(reports):
        raise ValueError(f"{len(labels)} labels for {len(reports)} reports")
    return _format_comparison(reports, labels)


def _format_comparison(reports: Sequence[EvaluationReport], labels: Sequence[str]) -> str:
    first = reports[0]
    gold = first.gold if first.gold is not None else "gold documents"
    blank = [""] * len(reports)
    rows = [
        [f"match: Jaccard >= {first.min_jaccard:g}", *labels],
        ["articles", *(str(report.corpus.articles) for report in reports)],
        ["failed", *(str(len(report.corpus.failures)) for report in reports)],
        ["quotes found", *(str(report.corpus.quotes) for report in reports)],
        ["unattributed (not scored)", *(str(r.corpus.unattributed_quotes) for r in reports)],
    ]
    for scores in first.subsets:
        try:
            columns = [report.scores(scores.subset) for report in reports]
        except KeyError:
            raise ValueError(f"every report must score the subset {scores.subset!r}") from None
        rows += [["", *blank], [scores.subset, *blank]]
        rows += [[f"  {label}", *cells] for label, *cells in _subset_rows(columns)]
    lines = [f"quoteattr {first.quoteattr_version} on {gold}, a column per pipeline", ""]
    lines += _align(rows)
    methods = sorted({method.method for report in reports for method in report.methods})
    if methods:
        lines += ["", "attribution precision by method (every quote, against all gold):"]
        by_report = [{method.method: method for method in report.methods} for report in reports]
        method_rows = [["method", *labels]]
        method_rows += [
            [name, *(_method_cell(found.get(name)) for found in by_report)] for name in methods
        ]
        lines += _align(method_rows)
    lines += [
        f"  failed: {label}: {failure.document}: {failure.message}"
        for label, report in zip(labels, reports, strict=True)
        for failure in report.corpus.failures
    ]
    return "\n".join(lines) + "\n"


def _model_label(report: EvaluationReport, number: int) -> str:
    return " ".join(filter(None, (report.model, report.model_version))) or f"report {number}"


def _method_cell(method: MethodPrecision | None) -> str:
    return "-" if method is None else str(method.precision)


def _rate(ratio: Ratio) -> str:
    """A rate alone, for F1: its counts (2·matched over predicted + gold) say little."""
    value = ratio.value
    return "-" if value is None else f"{value:.3f}"


def _method_rows(methods: Sequence[MethodPrecision]) -> list[list[str]]:
    rows = [["method", "precision", "quotes", "correct"]]
    rows += [
        [method.method, _rate(method.precision), str(method.quotes), str(method.correct)]
        for method in methods
    ]
    return rows


def _align(rows: Sequence[Sequence[str]]) -> list[str]:
    """Rows as lines: the first column left-aligned, the others right-aligned."""
    widths = [max(len(row[column]) for row in rows) for column in range(len(rows[0]))]
    return [
        "  ".join(
            cell.ljust(width) if column == 0 else cell.rjust(width)
            for column, (cell, width) in enumerate(zip(row, widths, strict=True))
        ).rstrip()
        for row in rows
    ]


# -- JSON ----------------------------------------------------------------------------------


def _report_dict(report: EvaluationReport) -> dict[str, Any]:
    corpus = report.corpus
    return {
        "quoteattr_version": report.quoteattr_version,
        "gold": report.gold,
        "model": {
            "name": report.model,
            "version": report.model_version,
            "label_scheme": report.label_scheme,
        },
        "min_jaccard": report.min_jaccard,
        "corpus": {
            "articles": corpus.articles,
            "failed": [_record_dict(failure) for failure in corpus.failures],
            "quotes": corpus.quotes,
            "quotes_per_article": corpus.quotes_per_article,
            "unattributed_quotes": corpus.unattributed_quotes,
        },
        "subsets": {scores.subset: _subset_dict(scores) for scores in report.subsets},
        "methods": {
            method.method: {
                "precision": _ratio_dict(method.precision),
                "quotes": method.quotes,
                "correct": method.correct,
            }
            for method in report.methods
        },
    }


def _subset_dict(scores: SubsetScores) -> dict[str, Any]:
    return {
        "gold": scores.gold,
        "predicted": scores.predicted,
        "matched": scores.matched,
        "false_positives": scores.false_positives,
        "neutral": scores.neutral,
        "content": _precision_recall_dict(scores.content),
        "speaker_lenient": _ratio_dict(scores.speaker_lenient),
        "speaker_strict": _ratio_dict(scores.speaker_strict),
        "cue": _ratio_dict(scores.cue),
        "end_to_end": _precision_recall_dict(scores.end_to_end),
        "pronoun_resolution": _ratio_dict(scores.pronoun_resolution),
        "roles_swapped": scores.roles_swapped,
        "errors": [_record_dict(error) for error in scores.errors],
    }


def _precision_recall_dict(measure: PrecisionRecall) -> dict[str, Any]:
    return {
        "precision": _ratio_dict(measure.precision),
        "recall": _ratio_dict(measure.recall),
        "f1": _ratio_dict(measure.f1),
    }


def _ratio_dict(ratio: Ratio) -> dict[str, Any]:
    return {"value": ratio.value, "numerator": ratio.numerator, "denominator": ratio.denominator}


def _json_value(_instance: object, _field: object, value: object) -> object:
    if isinstance(value, enum.Enum):
        return value.value
    return _lists(value)


def _lists(value: object) -> object:
    """Tuples as lists, nested ones too (character ranges are pairs inside a tuple)."""
    if isinstance(value, tuple):
        return [_lists(item) for item in value]
    return value


def _record_dict(record: AttrsInstance) -> dict[str, Any]:
    """A frozen record as JSON-safe values: enums by value, tuples as lists."""
    return attrs.asdict(record, value_serializer=_json_value)


# -- confidence table ----------------------------------------------------------------------


def pooled_methods(reports: Iterable[EvaluationReport]) -> tuple[MethodPrecision, ...]:
    """The precision of each method over all *reports* together, sorted by method name.

    A method's quotes and correct quotes are added up across the reports, so a pipeline
    counts in proportion to the quotes it attributed with the method.
    """
    quotes: dict[str, int] = {}
    correct: dict[str, int] = {}
    for report in reports:
        for method in report.methods:
            quotes[method.method] = quotes.get(method.method, 0) + method.quotes
            correct[method.method] = correct.get(method.method, 0) + method.correct
    return tuple(MethodPrecision(name, quotes[name], correct[name]) for name in sorted(quotes))


def write_confidence_table(
    report: EvaluationReport | Iterable[EvaluationReport], path: str | os.PathLike[str]
) -> None:
    """Write the precision of each attribution method, per label scheme, as a TSV table.

    This is the table behind :attr:`Quote.confidence <quoteattr.Quote.confidence>`: a ``#``
    comment header saying how and from what it was made, the header row
    ``scheme method precision quotes correct``, then one row per label scheme and method,
    sorted, with the precision to three decimals. The scheme is the report's
    ``label_scheme`` (``any`` where unknown); reports of the same scheme (pipelines of one
    label scheme, on the same gold) are pooled (see :func:`pooled_methods`), and the header
    names every pipeline.
    """
    reports = [report] if isinstance(report, EvaluationReport) else list(report)
    if not reports:
        raise ValueError("write_confidence_table needs at least one report")
    models = [
        " ".join(filter(None, (r.model, r.model_version)))
        + (f" ({r.label_scheme})" if r.label_scheme else "")
        for r in reports
    ]
    model = ", ".join(filter(None, models)) or "an unknown model"
    gold = reports[0].gold
    corpus = Path(gold).name if gold else "unnamed gold documents"
    by_scheme: dict[str, list[EvaluationReport]] = {}
    for each in reports:
        by_scheme.setdefault(each.label_scheme or "any", []).append(each)
    lines = [
        "# The precision of each quoteattr attribution method: the share of the method's quotes",
        "# lying (by at least half their characters) in a gold attribution whose source overlaps",
        "# the quote's speaker, or which has no source when the quote has no speaker; a row per",
        "# dependency label scheme of the pipeline.",
        (
            f"# Generated by `quoteattr evaluate --confidence-table` on {corpus}, "
            f"with quoteattr {reports[0].quoteattr_version} and {model}."
        ),
        "\t".join(CONFIDENCE_COLUMNS),
    ]
    for scheme in sorted(by_scheme):
        for method in pooled_methods(by_scheme[scheme]):
            precision = method.precision.value or 0.0
            lines.append(
                f"{scheme}\t{method.method}\t{precision:.3f}\t{method.quotes}\t{method.correct}"
            )
    with open(path, "w", encoding="utf-8", newline="\n") as file:  # noqa: PTH123 - any PathLike
        file.write("\n".join(lines) + "\n")
