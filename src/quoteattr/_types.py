"""The result types: plain frozen records with character offsets, no spaCy objects.

They outlive the ``Doc`` they came from, pickle across processes and serialise to JSON with
``to_dict()``. Every ``start``/``end`` pair is a half-open character range into the caller's
original string, so ``source[x.start:x.end] == x.text`` for every record that has a ``text``.
"""

from __future__ import annotations

import enum
from typing import TYPE_CHECKING, Any, Protocol

import attrs

if TYPE_CHECKING:
    from collections.abc import Iterable

__all__ = [
    "MARKED_KINDS",
    "REPORTED_KINDS",
    "AttributionMethod",
    "Cue",
    "MarkStyle",
    "Quote",
    "QuoteKind",
    "QuoteMarkSpan",
    "Resolution",
    "Speaker",
    "SpeakerKind",
    "asdict",
]


class QuoteKind(str, enum.Enum):
    """How what was said sits in the reporter's text."""

    #: A quoted utterance framed by a reporting clause: ``"We will go," she said.``
    DIRECT = "direct"
    #: A quoted fragment inside the reporter's own sentence: ``called the plan "a farce"``.
    #: Also a fragment that is the whole of what a cue reports.
    PARTIAL = "partial"
    #: Reported speech without quotation marks: ``Netanyahu stated that Israel would
    #: proceed alone``. The text is the reported clause.
    INDIRECT = "indirect"
    #: Reported speech with a quoted fragment inside it: ``Smith said the plan was "a
    #: farce"``. The text is the whole reported clause, marks included.
    MIXED = "mixed"


#: The kinds in quotation marks: a quote's text is what stands between the marks.
MARKED_KINDS = frozenset({QuoteKind.DIRECT, QuoteKind.PARTIAL})
#: The kinds of reported speech: a quote's text is the reported clause.
REPORTED_KINDS = frozenset({QuoteKind.INDIRECT, QuoteKind.MIXED})


class AttributionMethod(str, enum.Enum):
    """The rule that attributed a quote to its speaker and cue.

    ``Quote.confidence`` is the measured precision of the method that fired, so the names
    stay stable: they are keys of that table.
    """

    #: The reporting clause follows the quote: ``"…," Blinken told reporters`` /
    #: ``"…," said Blinken``.
    CUE_AFTER = "cue_after"
    #: The reporting clause precedes the quote: ``Blinken said: "…"``.
    CUE_BEFORE = "cue_before"
    #: ``according to X, "…"`` / ``"…," according to X``; for reported speech, the clause
    #: the phrase modifies: ``according to officials, the talks failed``.
    ACCORDING_TO = "according_to"
    #: A passive report: ``X was quoted as saying "…"``.
    QUOTED_AS_SAYING = "quoted_as_saying"
    #: The cue governs the quoted fragment in the dependency tree:
    #: ``criticizing the campaign as "over the top"``.
    EMBEDDED = "embedded"
    #: A name set off by a colon, with no verb: ``Pollster Jane Roe: "…"`` (the colon is the cue).
    COLON = "colon"
    #: A dash and a bare name after the quote, to the end of the paragraph:
    #: ``"…" — Jane Roe`` (the dash is the cue).
    BYLINE = "byline"
    #: A clause with no reporting verb announces the quote with a colon; its subject is the
    #: speaker and its verb the cue: ``She turned to the crowd: "…"``.
    COLON_CLAUSE = "colon_clause"
    #: No reporting clause of its own; the speaker of the quote just before, in the same or
    #: the previous paragraph, carries over: ``"…," he said. "More words."``.
    CONTINUATION = "continuation"
    #: Reported speech: the content is the clause the cue governs, before or after it:
    #: ``Netanyahu stated that Israel would proceed alone`` / ``Israel would proceed alone,
    #: Netanyahu said`` / ``she promised to refrain from …``.
    COMPLEMENT = "complement"
    #: Reported speech: a reporting clause set into or after the clause it reports, which
    #: the parse hangs from that clause: ``Israel, he said, would proceed alone``.
    PARENTHETICAL = "parenthetical"
    #: Reported speech: a noun cue and its clause: ``a warning that Israel risked
    #: isolation``, ``his claim that …``.
    NOUN_COMPLEMENT = "noun_complement"
    #: Reported speech the parse missed: a noun phrase, a reporting word the tagger took for
    #: a noun, then a clause: ``Hamas and medical staff deny fighters were present``.
    WORD_ORDER = "word_order"


class SpeakerKind(str, enum.Enum):
    """What sort of source a speaker is."""

    #: A named or titled person: "Antony Blinken", "the mayor", "he".
    PERSON = "person"
    #: An organisation: "the White House", "Hamas", "the health ministry".
    ORG = "org"
    #: A country or city standing for its government: "Israel maintains", "Washington contends".
    PLACE = "place"
    #: Several people or bodies: "officials", "Moscow and Beijing", "medical staff".
    GROUP = "group"
    #: A source the text does not name: "a source familiar with the talks", "one official".
    ANONYMOUS = "anonymous"
    #: None of the above could be told from the text.
    UNKNOWN = "unknown"


class Resolution(str, enum.Enum):
    """How a speaker's ``name`` was found."""

    #: The mention itself names the speaker in full: "U.S. President Joe Biden".
    MENTION = "mention"
    #: A short form joined to a fuller mention earlier in the text: "Blinken", "Mr. Blinken".
    ALIAS = "alias"
    #: A pronoun resolved to an earlier entity: "he" → Antony Blinken.
    PRONOUN = "pronoun"
    #: Carried over from the quote before, which this one continues.
    CONTINUATION = "continuation"


class MarkStyle(str, enum.Enum):
    """The pair of quotation marks that delimit a quote."""

    STRAIGHT_DOUBLE = "straight_double"  # "…"
    CURLY_DOUBLE = "curly_double"  # “…”
    STRAIGHT_SINGLE = "straight_single"  # '…'
    CURLY_SINGLE = "curly_single"  # ‘…’
    DOUBLED_APOSTROPHE = "doubled_apostrophe"  # ''…'' (New York Times house style)
    BACKTICK = "backtick"  # ``…''
    GUILLEMET = "guillemet"  # «…» and »…«
    SINGLE_GUILLEMET = "single_guillemet"  # ‹…› and ›…‹
    LOW_HIGH = "low_high"  # „…“ and „…”
    LOW_HIGH_SINGLE = "low_high_single"  # ‚…‘ and ‚…’
    CORNER = "corner"  # 「…」 and 『…』
    #: A line of dialogue: a paragraph opened by a dash (``— Oui.``), under conventions
    #: that say so (French); its ``start`` is the dash and it has no closing mark.
    DIALOGUE_DASH = "dialogue_dash"


def _serialize(_inst: object, _field: object, value: object) -> object:
    if isinstance(value, enum.Enum):
        return value.value
    return list(value) if isinstance(value, tuple) else value


def asdict(record: Quote | Speaker | Cue | QuoteMarkSpan) -> dict[str, Any]:
    """Return *record* as a JSON-safe dict: enums become their string values."""
    return attrs.asdict(record, value_serializer=_serialize)


class _Range(Protocol):
    start: int
    end: int


class _TextRange(_Range, Protocol):
    text: str


def _check_range(instance: _Range, _attribute: object, _value: object) -> None:
    if instance.start > instance.end:
        msg = f"start ({instance.start}) must not exceed end ({instance.end})"
        raise ValueError(msg)


def _check_text_fits_range(instance: _TextRange, _attribute: object, _value: object) -> None:
    if len(instance.text) != instance.end - instance.start:
        msg = f"text has {len(instance.text)} characters but the range {instance.start}:"
        msg += f"{instance.end} has {instance.end - instance.start}"
        raise ValueError(msg)


def _str_tuple(names: Iterable[str]) -> tuple[str, ...]:
    return tuple(names)


def _span_tuple(spans: Iterable[QuoteMarkSpan]) -> tuple[QuoteMarkSpan, ...]:
    return tuple(spans)


_OFFSET = [attrs.validators.instance_of(int), attrs.validators.ge(0)]
_END = [attrs.validators.instance_of(int), _check_range]
_END_OF_TEXT = [*_END, _check_text_fits_range]
_TEXT = attrs.validators.instance_of(str)
_OPTIONAL_TEXT = attrs.validators.optional(_TEXT)


@attrs.frozen
class QuoteMarkSpan:
    """A pair of quotation marks and the text between them, found without parsing.

    ``start``/``end`` include the marks; ``content_start``/``content_end`` exclude them.
    A quote that runs over several paragraphs (each paragraph reopens it, only the last
    closes it) is one span with ``paragraphs > 1``; its content includes the reopening marks.
    An opening mark that is never closed gives ``closed=False``, and the span stops at the
    end of its paragraph so it never swallows the rest of the document.
    """

    start: int = attrs.field(validator=_OFFSET)
    end: int = attrs.field(validator=_END)
    content_start: int = attrs.field(validator=_OFFSET)
    content_end: int = attrs.field(validator=_OFFSET)
    text: str = attrs.field(validator=_TEXT)
    style: MarkStyle = attrs.field(validator=attrs.validators.instance_of(MarkStyle))
    closed: bool = True
    paragraphs: int = attrs.field(default=1, validator=attrs.validators.ge(1))
    #: Quotes nested inside this one (a quote inside a quote belongs to the outer one).
    inner: tuple[QuoteMarkSpan, ...] = attrs.field(default=(), converter=_span_tuple)

    @content_end.validator
    def _check_content(self, _attribute: object, value: int) -> None:
        if not self.start <= self.content_start <= value <= self.end:
            msg = "content must lie within the marks: "
            msg += f"{self.start} <= {self.content_start} <= {value} <= {self.end}"
            raise ValueError(msg)
        if len(self.text) != value - self.content_start:
            msg = "text must be the content between content_start and content_end"
            raise ValueError(msg)

    def to_dict(self) -> dict[str, Any]:
        """Return this span as a JSON-safe dict."""
        return asdict(self)


@attrs.frozen
class Speaker:
    """Who said it: the mention where the quote is attributed, and who that is.

    ``text`` is the noun phrase as written ("he", "Blinken", "Moscow and Beijing",
    "U.S. President Joe Biden"); ``name`` is the canonical name of who that is, resolved
    across the document ("Antony Blinken"; for anonymous and group sources, the phrase
    itself); ``label`` is the pipeline's entity type (PERSON, ORG, GPE, NORP …) when it
    recognises entities, else ``None``.

    ``entity_id`` is the same for every quote by the same entity in one document (numbered
    from 0 in order of first appearance as a speaker); ``title`` is the title or office the
    text gives the entity ("U.S. Secretary of State"); ``kind`` says what sort of source it
    is; ``resolution`` how ``name`` was found; ``parts`` names the members of a coordinated
    speaker ("Moscow and Beijing" → ``("Moscow", "Beijing")``).
    """

    text: str = attrs.field(validator=_TEXT)
    start: int = attrs.field(validator=_OFFSET)
    end: int = attrs.field(validator=_END_OF_TEXT)
    name: str | None = attrs.field(default=None, validator=_OPTIONAL_TEXT)
    label: str | None = attrs.field(default=None, validator=_OPTIONAL_TEXT)
    entity_id: int | None = attrs.field(default=None, validator=attrs.validators.optional(_OFFSET))
    title: str | None = attrs.field(default=None, validator=_OPTIONAL_TEXT)
    kind: SpeakerKind = attrs.field(
        default=SpeakerKind.UNKNOWN, validator=attrs.validators.instance_of(SpeakerKind)
    )
    resolution: Resolution | None = attrs.field(
        default=None,
        validator=attrs.validators.optional(attrs.validators.instance_of(Resolution)),
    )
    parts: tuple[str, ...] = attrs.field(default=(), converter=_str_tuple)

    def to_dict(self) -> dict[str, Any]:
        """Return this speaker as a JSON-safe dict."""
        return asdict(self)


@attrs.frozen
class Cue:
    """The reporting word or phrase: "told" (lemma "tell"), "according to"."""

    text: str = attrs.field(validator=_TEXT)
    start: int = attrs.field(validator=_OFFSET)
    end: int = attrs.field(validator=_END_OF_TEXT)
    lemma: str = attrs.field(validator=_TEXT)

    def to_dict(self) -> dict[str, Any]:
        """Return this cue as a JSON-safe dict."""
        return asdict(self)


@attrs.frozen
class Quote:
    """What someone said: its text and offsets, kind, speaker and cue.

    For a quote in marks (``DIRECT``, ``PARTIAL``) the text is its content without the
    marks; for reported speech (``INDIRECT``, ``MIXED``) it is the reported clause, with
    the marks of any fragment quoted inside it. ``speaker``, ``cue`` and ``method`` are
    ``None`` when no rule attributed the quote
    (scare quotes, titles, or a reporting clause the rules cannot read). ``confidence``
    is the measured precision of ``method`` on the PolNeAR training split, or ``None``
    where no measurement exists.
    """

    text: str = attrs.field(validator=_TEXT)
    start: int = attrs.field(validator=_OFFSET)
    end: int = attrs.field(validator=_END_OF_TEXT)
    kind: QuoteKind = attrs.field(validator=attrs.validators.instance_of(QuoteKind))
    speaker: Speaker | None = attrs.field(
        default=None, validator=attrs.validators.optional(attrs.validators.instance_of(Speaker))
    )
    cue: Cue | None = attrs.field(
        default=None, validator=attrs.validators.optional(attrs.validators.instance_of(Cue))
    )
    method: AttributionMethod | None = attrs.field(
        default=None,
        validator=attrs.validators.optional(attrs.validators.instance_of(AttributionMethod)),
    )
    confidence: float | None = attrs.field(
        default=None,
        validator=attrs.validators.optional(
            [
                attrs.validators.instance_of(float),
                attrs.validators.ge(0.0),
                attrs.validators.le(1.0),
            ]
        ),
    )

    def to_dict(self) -> dict[str, Any]:
        """Return this quote, with its speaker and cue, as a JSON-safe dict."""
        return asdict(self)


@attrs.frozen
class ExtractionFailure:
    """An input of :meth:`QuoteExtractor.pipe` that gave no result, in place of its quotes.

    Yielded with ``on_error="return"``, so a stream over millions of texts keeps going and
    still accounts for every input: ``index`` is the item's position in the input.
    """

    #: The position of the failed item in the input (0 for the first).
    index: int
    #: The name of the exception's type, e.g. ``"TypeError"``.
    error_type: str
    #: What went wrong, as the exception said it.
    message: str

    def __str__(self) -> str:
        """``item 3: TypeError: text must be a str, not int``."""
        return f"item {self.index}: {self.error_type}: {self.message}"

    def to_dict(self) -> dict[str, Any]:
        """Return this failure as a JSON-safe dict."""
        return attrs.asdict(self)
