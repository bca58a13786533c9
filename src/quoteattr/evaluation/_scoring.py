"""Scoring predicted quotes against gold attributions: matching, counts and rates.

Content is compared as sets of character positions, leaving out whitespace and quotation
marks: the gold keeps the marks inside its content and quoteattr leaves them out, and
neither should decide a match. Quotes sharing a speaker mention and a cue form one
prediction *unit*, so a quote given in pieces (``"A," he said. "B."``) is scored once,
however it is represented.
"""

from __future__ import annotations

import enum
import heapq
import re
import unicodedata
from typing import TYPE_CHECKING

import attrs

from quoteattr._cues import CueCategory, default_lexicon
from quoteattr._types import MARKED_KINDS, REPORTED_KINDS, QuoteKind
from quoteattr.evaluation._report import EvaluationReport, quoteattr_version

if TYPE_CHECKING:
    from collections.abc import Callable, Iterable, Sequence

    from quoteattr._types import Cue, Quote, Speaker
    from quoteattr.evaluation._brat import GoldAttribution, GoldDocument, Span

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
    "Failure",
    "MethodPrecision",
    "PrecisionRecall",
    "Ratio",
    "Subset",
    "SubsetScores",
    "is_speech_cue",
    "normalize_mention",
    "score",
    "subset_named",
]

#: The least character Jaccard similarity at which a prediction matches a gold attribution.
MIN_JACCARD = 0.5
#: A leftover prediction with at least this share of its characters inside one attribution
#: outside the subset being scored is neutral there: neither right nor wrong.
NEUTRAL_SHARE = 0.5
#: For the precision per method: a quote belongs to an attribution that holds this share of
#: its characters.
INSIDE_SHARE = 0.5
#: Characters never counted: the gold includes the marks in its content, quoteattr does not.
QUOTE_MARK_CHARACTERS = frozenset("\"“”‘’„‟«»‹›'`")
#: The method name reported for quotes without a method (no rule attributed them).
NO_METHOD = "none"

_LEADING_DETERMINER = re.compile(r"(?:the|an?)\s+", re.IGNORECASE)


# -- subsets -------------------------------------------------------------------------------

#: Cue categories that report what was said as speech: saying, taking a position in words,
#: saying it some way. Judgments (criticize, praise) and thoughts (think, believe) are not.
SPEECH_CATEGORIES = frozenset({CueCategory.SPEECH, CueCategory.STANCE, CueCategory.MANNER})

_WORD = re.compile(r"\w+(?:['’]\w+)*")


def is_speech_cue(cue_text: str | None) -> bool:
    """Whether a gold cue's words report speech or communication.

    True when the cue begins with "according to", or when one of its words is a verb of
    quoteattr's cue lexicon (in any inflection: "said", "told", "warns") whose category is
    speech ("say", "tell"), stance ("argue", "deny", "warn") or manner ("whisper").
    Evaluation verbs, which judge rather than report ("criticized", "praised", "blamed"),
    cognition verbs ("think", "believe"), words outside the lexicon ("show", "find") and
    punctuation (":") are no speech cues; nor is a missing cue (``None``).
    """
    if cue_text is None:
        return False
    words = [word.lower() for word in _WORD.findall(cue_text)]
    if words[:2] == ["according", "to"]:
        return True
    lexicon = default_lexicon()
    for word in words:
        lemma = lexicon.lemma_of(word, word)
        if lemma is not None and lexicon.category(lemma) in SPEECH_CATEGORIES:
            return True
    return False


def _any_attribution(_gold: GoldAttribution) -> bool:
    return True


def _direct_attribution(gold: GoldAttribution) -> bool:
    return gold.direct


def _indirect_attribution(gold: GoldAttribution) -> bool:
    return not gold.direct


def _indirect_speech_attribution(gold: GoldAttribution) -> bool:
    return not gold.direct and is_speech_cue(gold.cue_text)


@attrs.frozen
class Subset:
    """A part of the gold that is scored on its own, and the quotes that answer for it.

    Gold attributions outside the subset are not gold while it is scored; a leftover
    prediction lying mostly inside one of them is neutral rather than false. Quotes of
    other kinds are no predictions for the subset: they are left out of its scores.
    """

    #: The name used in reports and on the command line.
    name: str
    #: Whether a gold attribution belongs to the subset.
    includes: Callable[[GoldAttribution], bool]
    #: The kinds of quote that are predictions for this subset.
    kinds: frozenset[QuoteKind]


#: Direct quotations (see :func:`~quoteattr.evaluation.is_direct`), answered by the quotes
#: in quotation marks (``direct`` and ``partial``): reported speech claims no quotation.
DIRECT = Subset("direct", _direct_attribution, MARKED_KINDS)
#: Indirect attributions whose cue reports speech (see :func:`is_speech_cue`): "said that…",
#: "according to…", answered by reported speech (``indirect`` and ``mixed``).
INDIRECT_SPEECH = Subset("indirect_speech", _indirect_speech_attribution, REPORTED_KINDS)
#: Every attribution that is not direct, whatever its cue (beliefs, judgments and
#: attributions without a cue too), answered by reported speech (``indirect``, ``mixed``).
INDIRECT = Subset("indirect", _indirect_attribution, REPORTED_KINDS)
#: Every attribution, direct or not, answered by every quote.
ALL = Subset("all", _any_attribution, frozenset(QuoteKind))
#: The subsets scored by default, in report order.
SUBSETS = (DIRECT, INDIRECT_SPEECH, INDIRECT, ALL)


def subset_named(name: str) -> Subset:
    """The subset of :data:`SUBSETS` called *name*.

    Raises:
        ValueError: there is no such subset; the message lists the names.
    """
    for subset in SUBSETS:
        if subset.name == name:
            return subset
    names = ", ".join(subset.name for subset in SUBSETS)
    raise ValueError(f"unknown subset {name!r}; choose from {names}")


# -- results -------------------------------------------------------------------------------


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

    Each text joins its fragments with one space; ``*_spans`` are the fragments' character
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


# -- preparation ---------------------------------------------------------------------------


@attrs.frozen
class _Gold:
    """A gold attribution with its counted characters; *position* is its order in the file."""

    position: int
    attribution: GoldAttribution
    characters: frozenset[int]


@attrs.frozen
class _Piece:
    """A predicted quote with its counted characters; *position* is its order in the list."""

    position: int
    quote: Quote
    characters: frozenset[int]


@attrs.frozen
class _Unit:
    """Quotes with the same speaker mention and cue: one attribution, maybe in pieces."""

    position: int
    pieces: tuple[_Piece, ...]

    @property
    def speaker(self) -> Speaker | None:
        return self.pieces[0].quote.speaker

    @property
    def cue(self) -> Cue | None:
        return self.pieces[0].quote.cue


@attrs.frozen
class _Document:
    """A document ready to score: gold and quotes with their characters, quotes in units."""

    name: str
    text: str
    golds: tuple[_Gold, ...]
    pieces: tuple[_Piece, ...]
    units: tuple[_Unit, ...]


def _prepare(document: GoldDocument, quotes: Sequence[Quote]) -> _Document:
    text = document.text
    golds = tuple(
        _Gold(position, attribution, counted_characters(text, attribution.content))
        for position, attribution in enumerate(document.attributions)
    )
    for quote in quotes:
        if quote.end > len(text):
            raise ValueError(
                f"a quote of {document.name!r} ends at {quote.end}, past the end of its text "
                f"({len(text)} characters): are the predictions in document order?"
            )
    pieces = tuple(
        _Piece(position, quote, counted_characters(text, [(quote.start, quote.end)]))
        for position, quote in enumerate(quotes)
    )
    return _Document(document.name, text, golds, pieces, _units(pieces))


def counted_characters(text: str, spans: Iterable[Span]) -> frozenset[int]:
    """The positions in *spans* that count: neither whitespace nor a quotation mark."""
    return frozenset(
        position
        for start, end in spans
        for position in range(start, end)
        if not text[position].isspace() and text[position] not in QUOTE_MARK_CHARACTERS
    )


def _units(pieces: Iterable[_Piece]) -> tuple[_Unit, ...]:
    """Group attributed quotes by speaker mention and cue; a quote lacking either is alone."""
    groups: dict[object, list[_Piece]] = {}
    for piece in pieces:
        speaker, cue = piece.quote.speaker, piece.quote.cue
        if speaker is None and cue is None:
            continue  # unattributed: not a prediction
        key: object = piece.position  # alone in its unit
        if speaker is not None and cue is not None:
            key = (speaker.start, speaker.end, cue.start, cue.end)
        groups.setdefault(key, []).append(piece)
    return tuple(_Unit(position, tuple(group)) for position, group in enumerate(groups.values()))


def _is_unattributed(quote: Quote) -> bool:
    return quote.speaker is None and quote.cue is None


# -- matching ------------------------------------------------------------------------------


@attrs.frozen
class _Candidate:
    """A gold attribution and the pieces of one unit that overlap it."""

    gold: _Gold
    unit: _Unit
    pieces: tuple[_Piece, ...]
    jaccard: float

    @property
    def order(self) -> tuple[float, int, int, int, int]:
        """Best similarity first; ties go to the earliest gold, then the earliest unit."""
        gold_start = self.gold.attribution.content[0][0]
        unit_start = self.unit.pieces[0].quote.start
        return (-self.jaccard, gold_start, self.gold.position, unit_start, self.unit.position)


def _candidate(gold: _Gold, unit: _Unit, used: set[int]) -> _Candidate | None:
    """The unit's unused pieces that overlap *gold*, as one prediction; None if there are none."""
    pieces = tuple(
        piece
        for piece in unit.pieces
        if piece.position not in used and piece.characters & gold.characters
    )
    if not pieces:
        return None
    predicted = frozenset().union(*(piece.characters for piece in pieces))
    return _Candidate(gold, unit, pieces, _jaccard(gold.characters, predicted))


def _jaccard(first: frozenset[int], second: frozenset[int]) -> float:
    union = len(first | second)
    return len(first & second) / union if union else 0.0


def _match(
    golds: Sequence[_Gold], units: Sequence[_Unit], min_jaccard: float
) -> tuple[list[_Candidate], set[int]]:
    """Match greedily, best similarity first: each gold once, each piece (quote) once.

    A candidate whose pieces were taken by a better match is re-formed from the pieces left,
    and competes again if it still reaches *min_jaccard*. Returns the matches and the
    positions of the pieces they used.
    """
    used: set[int] = set()
    queue: list[tuple[tuple[float, int, int, int, int], _Candidate]] = []
    for gold in golds:
        for unit in units:
            candidate = _candidate(gold, unit, used)
            if candidate is not None and candidate.jaccard >= min_jaccard:
                queue.append((candidate.order, candidate))
    heapq.heapify(queue)
    matched: set[int] = set()
    matches: list[_Candidate] = []
    while queue:
        _, candidate = heapq.heappop(queue)
        if candidate.gold.position in matched:
            continue
        if any(piece.position in used for piece in candidate.pieces):
            rest = _candidate(candidate.gold, candidate.unit, used)
            if rest is not None and rest.jaccard >= min_jaccard:
                heapq.heappush(queue, (rest.order, rest))
            continue
        matches.append(candidate)
        matched.add(candidate.gold.position)
        used.update(piece.position for piece in candidate.pieces)
    return matches, used


# -- scoring a subset ----------------------------------------------------------------------


@attrs.define
class _Tally:
    """The counts of one subset, added up over documents."""

    gold: int = 0
    matched: int = 0
    false_positives: int = 0
    neutral: int = 0
    end_to_end_correct: int = 0
    with_source: int = 0
    speaker_lenient: int = 0
    speaker_strict: int = 0
    with_cue: int = 0
    cue: int = 0
    pronoun_sources: int = 0
    pronouns_resolved: int = 0
    errors: list[ErrorRecord] = attrs.Factory(list)

    def freeze(self, subset: Subset) -> SubsetScores:
        return SubsetScores(
            subset=subset.name,
            gold=self.gold,
            matched=self.matched,
            false_positives=self.false_positives,
            neutral=self.neutral,
            end_to_end_correct=self.end_to_end_correct,
            speaker_lenient=Ratio(self.speaker_lenient, self.with_source),
            speaker_strict=Ratio(self.speaker_strict, self.with_source),
            cue=Ratio(self.cue, self.with_cue),
            pronoun_resolution=Ratio(self.pronouns_resolved, self.pronoun_sources),
            errors=tuple(self.errors),
        )


def _score_subset(
    documents: Iterable[_Document], subset: Subset, min_jaccard: float
) -> SubsetScores:
    tally = _Tally()
    for document in documents:
        _score_document(document, subset, min_jaccard, tally)
    return tally.freeze(subset)


def _score_document(document: _Document, subset: Subset, min_jaccard: float, tally: _Tally) -> None:
    golds = [gold for gold in document.golds if subset.includes(gold.attribution)]
    others = [gold for gold in document.golds if not subset.includes(gold.attribution)]
    units = _units_of_kinds(document.units, subset.kinds)
    matches, used = _match(golds, units, min_jaccard)
    tally.gold += len(golds)
    tally.matched += len(matches)
    for match in matches:
        _score_match(document, match, tally)
    matched = {match.gold.position for match in matches}
    for gold in golds:
        if gold.position not in matched:
            tally.errors.append(_unmatched_error(document, gold, units, subset.kinds))
    for unit in units:
        leftover = tuple(piece for piece in unit.pieces if piece.position not in used)
        if not leftover:
            continue
        if _is_neutral(leftover, others):
            tally.neutral += 1
        else:
            tally.false_positives += 1
            predicted = _predicted_text(leftover)
            tally.errors.append(
                ErrorRecord(ErrorCategory.FALSE_POSITIVE, document.name, None, predicted)
            )


def _units_of_kinds(units: Iterable[_Unit], kinds: frozenset[QuoteKind]) -> list[_Unit]:
    """The units restricted to quotes of *kinds*; units left empty are dropped."""
    kept = []
    for unit in units:
        pieces = tuple(piece for piece in unit.pieces if piece.quote.kind in kinds)
        if pieces:
            kept.append(_Unit(unit.position, pieces))
    return kept


def _is_neutral(leftover: Sequence[_Piece], others: Iterable[_Gold]) -> bool:
    """Whether the leftover lies mostly inside one attribution outside the subset."""
    characters = frozenset().union(*(piece.characters for piece in leftover))
    if not characters:
        return False
    return any(
        len(characters & gold.characters) >= NEUTRAL_SHARE * len(characters) for gold in others
    )


def _score_match(document: _Document, match: _Candidate, tally: _Tally) -> None:
    """Count the speaker, cue and end-to-end results of one match, and their errors."""
    gold = match.gold.attribution
    speaker = match.unit.speaker
    lenient = False
    if gold.source is not None:
        tally.with_source += 1
        lenient = speaker is not None and _overlaps(_range(speaker), gold.source)
        tally.speaker_lenient += lenient
        source = _joined(document.text, gold.source)
        tally.speaker_strict += speaker is not None and normalize_mention(
            speaker.text
        ) == normalize_mention(source)
    if lenient and speaker is not None and gold.source is not None:
        reference = pronoun_reference(document.text, document.golds, gold.source)
        if reference is not None:
            tally.pronoun_sources += 1
            tally.pronouns_resolved += _names_person(speaker.name, reference)
    correct = lenient or (gold.source is None and speaker is None)
    tally.end_to_end_correct += correct
    if not correct:
        tally.errors.append(_match_error(ErrorCategory.WRONG_SPEAKER, document, match))
    if gold.cue is not None:
        tally.with_cue += 1
        cue = match.unit.cue
        cue_correct = cue is not None and _overlaps(_range(cue), gold.cue)
        tally.cue += cue_correct
        if not cue_correct:
            tally.errors.append(_match_error(ErrorCategory.WRONG_CUE, document, match))


_PRONOUN_SOURCES = frozenset({"he", "she", "him", "her", "they", "them", "it"})
# Capitalised words in a source that are no one's name.
_NOT_NAMES = frozenset(
    {"the", "a", "an", "this", "that", "we", "you", "our", "his", "their", "its", "mr", "ms"}
    | {"mrs", "dr", "sen", "rep", "gov", "gen", "president", "senator", "secretary"}
)


def pronoun_reference(text: str, golds: Sequence[_Gold], source: Sequence[Span]) -> str | None:
    """The surname a pronoun source most likely stands for, by the gold alone.

    PolNeAR does not annotate coreference. The reference is the nearest gold source before
    the pronoun that is a name, by its surname (last capitalised word), which a full name
    of the same person ends with too. ``None`` when *source* is no pronoun or no named
    source precedes it. An approximation: the pronoun may mean someone no gold source
    named just before.
    """
    if _joined(text, source).strip().lower() not in _PRONOUN_SOURCES:
        return None
    start = min(fragment_start for fragment_start, _ in source)
    earlier = sorted(
        (gold.attribution.source for gold in golds if gold.attribution.source is not None),
        key=lambda fragments: fragments[0][0],
    )
    named = [
        surname
        for fragments in earlier
        if fragments[0][0] < start and (surname := _surname(_joined(text, fragments)))
    ]
    return named[-1] if named else None


def _surname(mention: str) -> str | None:
    """The name's last word in a mention ("Mr. Trump's aide" → "trump"), if it has a name.

    Only the words before an apposition count ("Clinton, a Democrat" → "clinton"), and only
    capitalised ones that are not a pronoun, a determiner or a title abbreviation.
    """
    head = mention.split(",", 1)[0]
    words = [
        word.removesuffix("'s").removesuffix("’s").strip(".,;:()")
        for word in head.split()
        if word[:1].isupper()
    ]
    words = [
        word
        for word in words
        if len(word) > 1 and word.lower() not in _PRONOUN_SOURCES | _NOT_NAMES
    ]
    return words[-1].lower() if words else None


def _names_person(name: str | None, surname: str) -> bool:
    """Whether a resolved *name* ends with *surname*."""
    return name is not None and _surname(name) == surname


def _range(mention: Speaker | Cue) -> Span:
    return (mention.start, mention.end)


def _overlaps(span: Span, fragments: Iterable[Span]) -> bool:
    """Whether *span* shares at least one character with one of *fragments*."""
    start, end = span
    return any(start < other_end and other_start < end for other_start, other_end in fragments)


def normalize_mention(text: str) -> str:
    """*text* as the strict speaker comparison sees it.

    Whitespace runs become one space; leading and trailing whitespace and punctuation and
    a leading determiner (*the*, *a*, *an*) are trimmed; case is folded. "The mayor," and
    "the  Mayor" are both ``"mayor"``.
    """
    words = _trim(" ".join(text.split()))
    if determiner := _LEADING_DETERMINER.match(words):
        words = _trim(words[determiner.end() :])
    return words.casefold()


def _trim(text: str) -> str:
    """*text* without leading and trailing whitespace and punctuation."""
    start, end = 0, len(text)
    while start < end and _is_trimmed(text[start]):
        start += 1
    while end > start and _is_trimmed(text[end - 1]):
        end -= 1
    return text[start:end]


def _is_trimmed(character: str) -> bool:
    return character.isspace() or unicodedata.category(character).startswith("P")


# -- error records -------------------------------------------------------------------------


def _unmatched_error(
    document: _Document, gold: _Gold, units: Sequence[_Unit], kinds: frozenset[QuoteKind]
) -> ErrorRecord:
    """Why a gold attribution went unmatched: nothing there, unattributed, or wrong extent."""
    gold_text = _gold_text(document.text, gold.attribution)
    overlapping = (_candidate(gold, unit, set()) for unit in units)
    candidates = [candidate for candidate in overlapping if candidate is not None]
    if candidates:
        best = min(candidates, key=lambda candidate: candidate.order)
        predicted = _predicted_text(best.pieces)
        return ErrorRecord(
            ErrorCategory.WRONG_EXTENT, document.name, gold_text, predicted, best.jaccard
        )
    unattributed = tuple(
        piece
        for piece in document.pieces
        if _is_unattributed(piece.quote)
        and piece.quote.kind in kinds
        and piece.characters & gold.characters
    )
    if unattributed:
        predicted = _predicted_text(unattributed)
        return ErrorRecord(ErrorCategory.MISSED_UNATTRIBUTED, document.name, gold_text, predicted)
    return ErrorRecord(ErrorCategory.MISSED, document.name, gold_text, None)


def _match_error(category: ErrorCategory, document: _Document, match: _Candidate) -> ErrorRecord:
    return ErrorRecord(
        category,
        document.name,
        _gold_text(document.text, match.gold.attribution),
        _predicted_text(match.pieces),
        match.jaccard,
    )


def _gold_text(text: str, gold: GoldAttribution) -> AttributionText:
    return AttributionText(
        content=_joined(text, gold.content),
        content_spans=gold.content,
        source=None if gold.source is None else _joined(text, gold.source),
        source_spans=gold.source,
        cue=None if gold.cue is None else _joined(text, gold.cue),
        cue_spans=gold.cue,
    )


def _predicted_text(pieces: Sequence[_Piece]) -> AttributionText:
    quotes = [piece.quote for piece in pieces]
    speaker, cue = quotes[0].speaker, quotes[0].cue
    return AttributionText(
        content=" ".join(quote.text for quote in quotes),
        content_spans=tuple((quote.start, quote.end) for quote in quotes),
        source=None if speaker is None else speaker.text,
        source_spans=None if speaker is None else ((speaker.start, speaker.end),),
        cue=None if cue is None else cue.text,
        cue_spans=None if cue is None else ((cue.start, cue.end),),
    )


def _joined(text: str, spans: Iterable[Span]) -> str:
    """The fragments' words joined by one space, as brat stores them."""
    return " ".join(text[start:end] for start, end in spans)


# -- precision per method ------------------------------------------------------------------


def _method_precision(documents: Iterable[_Document]) -> tuple[MethodPrecision, ...]:
    """Per attribution method, how many quotes it attributed and how many correctly."""
    quotes: dict[str, int] = {}
    correct: dict[str, int] = {}
    for document in documents:
        for piece in document.pieces:
            method = NO_METHOD if piece.quote.method is None else piece.quote.method.value
            quotes[method] = quotes.get(method, 0) + 1
            correct[method] = correct.get(method, 0) + _attributed_correctly(piece, document)
    return tuple(
        MethodPrecision(method, quotes[method], correct[method]) for method in sorted(quotes)
    )


def _attributed_correctly(piece: _Piece, document: _Document) -> bool:
    """Whether the quote lies in a gold attribution (any subset) that agrees on the speaker."""
    if not piece.characters:
        return False
    speaker = piece.quote.speaker
    for gold in document.golds:
        inside = len(piece.characters & gold.characters)
        if inside < INSIDE_SHARE * len(piece.characters):
            continue
        source = gold.attribution.source
        if source is None and speaker is None:
            return True
        if source is not None and speaker is not None and _overlaps(_range(speaker), source):
            return True
    return False


# -- the whole corpus ----------------------------------------------------------------------


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
        _prepare(document, quotes) for document, quotes in zip(documents, predictions, strict=True)
    ]
    all_quotes = [quote for quotes in predictions for quote in quotes]
    corpus = CorpusStats(
        articles=len(documents),
        quotes=len(all_quotes),
        unattributed_quotes=sum(_is_unattributed(quote) for quote in all_quotes),
        failures=tuple(failures),
    )
    return EvaluationReport(
        subsets=tuple(
            _score_subset(prepared, subset, min_jaccard) for subset in subsets or SUBSETS
        ),
        methods=_method_precision(prepared),
        corpus=corpus,
        min_jaccard=min_jaccard,
        quoteattr_version=quoteattr_version(),
    )
