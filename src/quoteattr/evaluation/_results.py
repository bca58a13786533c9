"""What scoring finds: rates with their counts, scores per subset and method, errors."""

from __future__ import annotations

import enum
from typing import TYPE_CHECKING

import attrs

if TYPE_CHECKING:
    from quoteattr.evaluation._gold import Span

__all__ = [
    "AttributionText",
    "CorpusStats",
    "ErrorCategory",
    "ErrorRecord",
    "Failure",
    "MethodPrecision",
    "PrecisionRecall",
    "Ratio",
    "SubsetScores",
]


@attrs.frozen
class Ratio:
    """A rate with the counts behind it: ``numerator / denominator``."""

    #: What was right (matches, correct speakers…).
    numerator: int = attrs.field(validator=attrs.validators.ge(0))
    #: What was judged (predictions, gold attributions…).
    denominator: int = attrs.field(validator=attrs.validators.ge(0))

    @property
    def value(self) -> float | None:
        """The rate, or ``None`` when there is nothing to count (a zero denominator)."""
        return self.numerator / self.denominator if self.denominator else None

    def __str__(self) -> str:
        """``0.951 (410/431)``: three decimals, then the counts."""
        value = self.value
        rate = "-" if value is None else f"{value:.3f}"
        return f"{rate} ({self.numerator}/{self.denominator})"


@attrs.frozen
class PrecisionRecall:
    """Precision, recall and F1 from three counts."""

    #: Correct predictions.
    correct: int
    #: Predictions (matched or false).
    predicted: int
    #: Gold attributions.
    gold: int

    @property
    def precision(self) -> Ratio:
        """Correct predictions over predictions."""
        return Ratio(self.correct, self.predicted)

    @property
    def recall(self) -> Ratio:
        """Correct predictions over gold attributions."""
        return Ratio(self.correct, self.gold)

    @property
    def f1(self) -> Ratio:
        """The harmonic mean of precision and recall, ``2·correct / (predicted + gold)``."""
        return Ratio(2 * self.correct, self.predicted + self.gold)


class ErrorCategory(str, enum.Enum):
    """What went wrong, for error analysis."""

    #: No quote overlaps the gold attribution at all.
    MISSED = "missed"
    #: Only quotes without speaker and cue overlap the gold attribution.
    MISSED_UNATTRIBUTED = "missed_unattributed"
    #: An attributed quote overlaps the gold, but too little, or its match went elsewhere.
    WRONG_EXTENT = "wrong_extent"
    #: A prediction unit (or what is left of it after matching) matches no gold.
    FALSE_POSITIVE = "false_positive"
    #: A match whose speaker is wrong or missing, or which has a speaker the gold lacks.
    WRONG_SPEAKER = "wrong_speaker"
    #: A match whose cue misses the gold cue, or which has none.
    WRONG_CUE = "wrong_cue"


@attrs.frozen
class AttributionText:
    """One side of an error, gold or predicted: the words and offsets of each part.

    Each text joins its fragments with one space; ``*sorted_spans`` are the fragments' character
    ranges. A predicted source is the speaker mention as written.
    """

    content: str
    content_spans: tuple[Span, ...]
    source: str | None = None
    source_spans: tuple[Span, ...] | None = None
    cue: str | None = None
    cue_spans: tuple[Span, ...] | None = None


@attrs.frozen
class ErrorRecord:
    """One error in one document, with the gold and predicted attribution involved."""

    category: ErrorCategory
    #: The document's name.
    document: str
    #: The gold attribution, unless the error is a false positive.
    gold: AttributionText | None
    #: The prediction involved, if any (its quotes that overlap the gold, or its leftovers).
    predicted: AttributionText | None
    #: The character Jaccard similarity of the two contents, where both exist.
    jaccard: float | None = None


@attrs.frozen
class SubsetScores:
    """The scores of one subset of the gold, with the counts behind every rate."""

    #: The subset's name.
    subset: str
    #: Gold attributions in the subset.
    gold: int
    #: Matched pairs of a gold attribution and (part of) a prediction unit.
    matched: int
    #: Prediction units, or leftovers of units, that match nothing.
    false_positives: int
    #: Leftover units lying inside gold attributions outside the subset: not counted.
    neutral: int
    #: Matches whose speaker is right, or that rightly have none.
    end_to_end_correct: int
    #: Matches whose predicted speaker overlaps the gold source, over matches with a source.
    speaker_lenient: Ratio
    #: Matches whose speaker's words equal the gold source's (normalized), over the same.
    speaker_strict: Ratio
    #: Matches whose predicted cue overlaps the gold cue, over matches with a gold cue.
    cue: Ratio
    #: Matches whose gold source is a pronoun and whose speaker mention is found: does the
    #: resolved name end with the surname of the nearest named gold source before it?
    pronoun_resolution: Ratio = Ratio(0, 0)
    #: Matches scored with the gold's source and cue read swapped: the annotation labels the
    #: reporting verb as the source and the speaker as the cue (see ``roles_swapped``).
    roles_swapped: int = 0
    #: Every error, for analysis: missed gold, false positives, wrong speakers and cues.
    errors: tuple[ErrorRecord, ...] = attrs.field(default=(), repr=False)

    @property
    def predicted(self) -> int:
        """Matches and false positives, so what the extractor claimed, neutral units aside."""
        return self.matched + self.false_positives

    @property
    def content(self) -> PrecisionRecall:
        """Content precision and recall, from the matches."""
        return PrecisionRecall(self.matched, self.predicted, self.gold)

    @property
    def end_to_end(self) -> PrecisionRecall:
        """Content and speaker together, from the matches with the right speaker."""
        return PrecisionRecall(self.end_to_end_correct, self.predicted, self.gold)


@attrs.frozen
class MethodPrecision:
    """How often the quotes of one attribution method are attributed correctly."""

    #: An :class:`~quoteattr.AttributionMethod` value, or ``"none"``.
    method: str
    #: Quotes the method attributed (or, for ``"none"``, left unattributed).
    quotes: int
    #: Those lying in a gold attribution that agrees on the speaker.
    correct: int

    @property
    def precision(self) -> Ratio:
        """Correct quotes over quotes."""
        return Ratio(self.correct, self.quotes)


@attrs.frozen
class Failure:
    """A document the extractor raised on; its predictions count as empty."""

    #: The document's name.
    document: str
    #: The exception's type and message.
    message: str


@attrs.frozen
class CorpusStats:
    """Counts over the whole corpus."""

    #: Documents evaluated, failed ones included.
    articles: int
    #: Every quote found, attributed or not.
    quotes: int
    #: Quotes with neither speaker nor cue (scare quotes, titles): found, not scored.
    unattributed_quotes: int
    #: The documents the extractor raised on.
    failures: tuple[Failure, ...] = ()

    @property
    def quotes_per_article(self) -> float:
        """The mean number of quotes found per article."""
        return self.quotes / self.articles if self.articles else 0.0
