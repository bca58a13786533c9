"""The extractor: quote marks, parse, attribution and speaker resolution, put together."""

from __future__ import annotations

import math
import os
import threading
import unicodedata
from collections.abc import Iterable
from typing import TYPE_CHECKING, Any, Literal, TypeVar, overload

import attrs
import regex

from quoteattr._attribution import Attributor, QuoteAttribution
from quoteattr._confidence import confidence_of
from quoteattr._cues import default_lexicon
from quoteattr._layout import DocLayout
from quoteattr._marks import find_quote_marks
from quoteattr._pieces import Piece, blanked_spans, elided, marks_within, pieces_of, stitched
from quoteattr._pipeline import deferrable_lemmatizer, parser_labels, resolve_pipeline
from quoteattr._relations import LabelScheme, detect_scheme, relations_for
from quoteattr._reported import ReportedSpeechFinder, may_report
from quoteattr._selective import ParseMode, check_parse_mode, relevant_text
from quoteattr._speakers import SpeakerResolver
from quoteattr._stream import OnError, failure_of, stream
from quoteattr._text import plain_str
from quoteattr._types import REPORTED_KINDS, Cue, ExtractionFailure, Quote, QuoteKind
from quoteattr.errors import MissingParseError

if TYPE_CHECKING:
    from collections.abc import Callable, Iterator, Sequence

    from spacy.language import Language
    from spacy.tokens import Doc, Token

    from quoteattr._reported import ReportedSpeech
    from quoteattr._stream import Outcome
    from quoteattr._types import QuoteMarkSpan

__all__ = ["QuoteExtractor", "attribute_doc", "extract_quotes"]

# Texts parsed together. spaCy's peak memory grows with the batch (about 250 MB over the
# loaded pipeline at 8 news articles, 600 MB at 32) while its speed barely changes.
DEFAULT_BATCH_SIZE = 8
# What drives that memory is the text handed to spaCy at once, so a batch is parsed in groups
# of at most this many characters (a longer text goes alone), and the embedding layer
# (tok2vec), which needs the most memory per character, takes a group's texts a few at a time
# (see embedding_batches). Measured on PolNeAR: spaCy's working memory is 61 MB for 40,000
# characters parsed so, 106 MB in one batch. The parser, the slowest part, runs faster on
# bigger groups: at 60,000 characters a batch of eight news articles is seldom split, and
# the parse keeps pace with nlp.pipe (at 40,000 it ran 3% slower) for the same peak memory.
PARSE_GROUP_CHARACTERS = 60_000
# The most characters tok2vec embeds at once, unless one text is longer. Short texts stay
# together: embedding eight one-sentence texts one by one took half as long again.
EMBEDDING_CHARACTERS = 20_000
#: Every kind of quote: what the extractor returns unless told otherwise.
ALL_KINDS = frozenset(QuoteKind)

Context = TypeVar("Context")


def check_text(text: object, *, position: int | None = None) -> str:
    """Return *text* as a plain str if it is a str, else raise a TypeError that says what to do.

    A subclass of str (``numpy.str_``, a user's own) comes back as an exact str with the
    same characters, which spaCy accepts and offsets index (see :func:`plain_str`).
    """
    if isinstance(text, str):
        return plain_str(text)
    where = "" if position is None else f" (item {position})"
    if isinstance(text, (bytes, bytearray)):
        msg = (
            f"text must be a str, not {type(text).__name__}{where}; "
            "decode it first, e.g. data.decode('utf-8')"
        )
    else:
        msg = f"text must be a str, not {type(text).__name__}{where}"
    raise TypeError(msg)


def check_kinds(kinds: object) -> frozenset[QuoteKind]:
    """Return *kinds* (``None``, one kind or an iterable of kinds or their names) as a set.

    Raises:
        TypeError: *kinds* holds something that is not a kind or a kind's name.
        ValueError: a name is no kind's, or no kind is left.
    """
    if kinds is None:
        return ALL_KINDS
    items = [kinds] if isinstance(kinds, (str, QuoteKind)) else kinds
    # Bytes are iterable, but their items are ints: refused whole, as the bytes they are.
    if isinstance(items, _BYTES_LIKE) or not isinstance(items, Iterable):
        raise _not_a_kind(kinds)
    names = ", ".join(kind.value for kind in QuoteKind)
    chosen: set[QuoteKind] = set()
    for item in items:
        if isinstance(item, QuoteKind):
            chosen.add(item)
        elif isinstance(item, str):
            try:
                chosen.add(QuoteKind(plain_str(item).strip().lower()))
            except ValueError:
                msg = f"unknown quote kind {item!r}; choose from {names}"
                raise ValueError(msg) from None
        else:
            raise _not_a_kind(item)
    if not chosen:
        msg = f"kinds is empty; choose one or more of {names}"
        raise ValueError(msg)
    return frozenset(chosen)


_BYTES_LIKE = (bytes, bytearray, memoryview)


def _not_a_kind(value: object) -> TypeError:
    """The error for *value* given where kinds go, with advice for bytes."""
    msg = f"kinds must be QuoteKind values or their names, not {type(value).__name__}"
    if isinstance(value, _BYTES_LIKE):
        msg += "; decode it first, e.g. data.decode('utf-8')"
    return TypeError(msg)


class QuoteExtractor:
    """Finds quotations and attributes them, holding one spaCy pipeline for reuse.

    Args:
        nlp: a loaded spaCy ``Language``, the name or path of an installed pipeline, or
            ``None`` for the default (``$QUOTEATTR_MODEL``, else ``en_core_web_sm``, else any
            installed English pipeline with a parser). The pipeline must have a parser.
        kinds: the kinds of quote to return (:class:`QuoteKind` values or their names);
            ``None``, the default, returns every kind. ``{"direct", "partial"}`` keeps to
            quotations in marks and skips the search for reported speech.
        parse: ``"full"`` (the default) parses the whole text. ``"relevant"`` parses only
            the sentences that can hold a quote of *kinds* (quote marks, a reporting word)
            and the sentences speaker resolution reads (the one before, and where each name
            they use first appears): faster, with offsets still into the whole text.

    Raises:
        ModelNotFoundError: no pipeline by that name, or none installed.
        MissingComponentError: the pipeline has no dependency parser.
        ValueError: *kinds* names no kind, or a kind that does not exist; *parse* is
            neither ``"full"`` nor ``"relevant"``.
    """

    def __init__(
        self,
        nlp: Language | str | os.PathLike[str] | None = None,
        *,
        kinds: Iterable[QuoteKind | str] | QuoteKind | str | None = None,
        parse: ParseMode | str = "full",
    ) -> None:
        """Resolve and check the pipeline once; see the class docstring."""
        self.kinds: frozenset[QuoteKind] = check_kinds(kinds)
        self.parse: ParseMode = check_parse_mode(parse)
        self.nlp: Language = resolve_pipeline(nlp)
        self._scheme = detect_scheme(parser_labels(self.nlp))
        self._has_ner = "ner" in self.nlp.pipe_names
        # Left out of the parse, and asked only for the lemmas the rules read.
        lemmatizer = deferrable_lemmatizer(self.nlp)
        self._left_out = [] if lemmatizer is None else [lemmatizer]

    def __repr__(self) -> str:
        """Name the pipeline in use."""
        meta = self.nlp.meta
        return f"QuoteExtractor(nlp={meta.get('lang', '?')}_{meta.get('name', '?')})"

    def __call__(self, text: str) -> list[Quote]:
        """Return the quotes of *text*, in order of appearance."""
        text = check_text(text)
        plan = self._plan(text)
        found = [
            [] if part.to_parse is None else self._quotes_of(part, self.nlp(part.to_parse))
            for part in plan.parts
        ]
        return self._stitched(plan, found)

    @overload
    def pipe(
        self,
        texts: Iterable[str],
        *,
        batch_size: int = ...,
        n_process: int = ...,
        as_tuples: Literal[False] = ...,
        on_error: Literal["raise", "skip"] = ...,
    ) -> Iterator[list[Quote]]: ...
    @overload
    def pipe(
        self,
        texts: Iterable[str],
        *,
        batch_size: int = ...,
        n_process: int = ...,
        as_tuples: Literal[False] = ...,
        on_error: Literal["return"],
    ) -> Iterator[list[Quote] | ExtractionFailure]: ...
    @overload
    def pipe(
        self,
        texts: Iterable[tuple[str, Context]],
        *,
        batch_size: int = ...,
        n_process: int = ...,
        as_tuples: Literal[True],
        on_error: Literal["raise", "skip"] = ...,
    ) -> Iterator[tuple[list[Quote], Context]]: ...
    @overload
    def pipe(
        self,
        texts: Iterable[tuple[str, Context]],
        *,
        batch_size: int = ...,
        n_process: int = ...,
        as_tuples: Literal[True],
        on_error: Literal["return"],
    ) -> Iterator[tuple[list[Quote] | ExtractionFailure, Context]]: ...

    def pipe(
        self,
        texts: Iterable[Any],
        *,
        batch_size: int = DEFAULT_BATCH_SIZE,
        n_process: int = 1,
        as_tuples: bool = False,
        on_error: OnError = "raise",
    ) -> Iterator[Any]:
        """Yield the quotes of each text of *texts*, in input order, streaming.

        Memory stays flat however many texts come in: a few batches are held at a time.

        Args:
            texts: strings; or, with *as_tuples*, ``(text, context)`` pairs, whose context
                (an id, a record: anything) comes back beside the text's quotes.
            batch_size: texts parsed together.
            n_process: worker processes (``-1``: one per CPU core). Each worker holds a copy
                of the pipeline and does the whole job, parse and attribution, on a batch.
            as_tuples: take ``(text, context)`` pairs and yield ``(quotes, context)`` pairs.
            on_error: what a failed item does: an item that is not a str, or an exception
                while extracting it. ``"raise"`` (the default) raises ``TypeError`` for a
                wrong item and :class:`~quoteattr.ExtractionError` otherwise, naming the
                item's position; ``"skip"`` drops the item; ``"return"`` yields an
                :class:`~quoteattr.ExtractionFailure` in place of its quotes.

        Raises:
            TypeError: a wrong item, with ``on_error="raise"``; a wrong option; or *texts*
                a single text (call the extractor on it) or no iterable at all.
            ValueError: *batch_size* below 1, *n_process* below 1 (other than -1), or an
                unknown *on_error*.
            ExtractionError: extraction failed on an item, with ``on_error="raise"``; or a
                worker process died.
        """
        return stream(
            self,
            texts,
            batch_size=batch_size,
            n_process=n_process,
            as_tuples=as_tuples,
            on_error=on_error,
        )

    def extract_batch(self, batch: Sequence[tuple[int, str]]) -> list[Outcome]:
        """The outcome of each ``(input position, text)`` of *batch*: quotes, or a failure.

        The texts to parse are parsed together; a failure on one text (in the parse or in
        attribution) is recorded in its place and the others go on. Used by :meth:`pipe`.
        """
        prepared = [self._prepare(index, text) for index, text in batch]
        to_parse = [
            part.to_parse
            for plan in prepared
            if not isinstance(plan, ExtractionFailure)
            for part in plan.parts
            if part.to_parse is not None
        ]
        # Lazily: the Docs of a long text's pieces are attributed as they come, one group
        # of pieces in memory at a time.
        parsed = self._parse_each(to_parse)
        return [
            plan if isinstance(plan, ExtractionFailure) else self._finish(index, plan, parsed)
            for (index, _text), plan in zip(batch, prepared, strict=True)
        ]

    def _prepare(self, index: int, text: str) -> _Plan | ExtractionFailure:
        try:
            return self._plan(text)
        except Exception as error:  # noqa: BLE001 - recorded, and the batch goes on
            return failure_of(error, index)

    def _finish(self, index: int, plan: _Plan, parsed: Iterator[Doc | Exception]) -> Outcome:
        """The quotes of the text *plan* is for, taking each part's Doc from *parsed*.

        Every part's Doc is taken, even after a failure, so the next text gets its own.
        """
        found: list[list[Quote]] = []
        failure: ExtractionFailure | None = None
        for part in plan.parts:
            doc = None if part.to_parse is None else next(parsed)
            if failure is not None:
                continue
            if isinstance(doc, Exception):
                failure = failure_of(doc, index)
                continue
            try:
                found.append([] if doc is None else self._quotes_of(part, doc))
            except Exception as error:  # noqa: BLE001 - recorded, and the batch goes on
                failure = failure_of(error, index)
        if failure is not None:
            return failure
        return self._stitched(plan, found)

    def _plan(self, text: str) -> _Plan:
        """*text* (or, if long or dense, each of its pieces) with its marks and what to parse.

        The marks are paired once, over the whole text, so cutting it changes no quotation.
        """
        all_marks = find_quote_marks(text)
        marks = self._extractable(all_marks)
        pieces = pieces_of(text, max_length=self.nlp.max_length, marks=all_marks)
        unparsed = [mark for mark in marks if not any(piece.holds(mark) for piece in pieces)]
        parts: list[_Part] = []
        for piece in pieces:
            if len(pieces) == 1:
                parts.append(_Part(piece, text, marks, self._text_to_parse(text, marks)))
                continue
            own = text[piece.start : piece.end]
            own_marks = marks_within(marks, piece)
            to_parse = self._text_to_parse(own, own_marks)
            if to_parse is not None and unparsed:
                # The part of a quotation no piece holds is no reporter's text either.
                to_parse = blanked_spans(to_parse, unparsed, piece.start)
            parts.append(_Part(piece, own, own_marks, to_parse))
        return _Plan(parts, unparsed)

    def _stitched(self, plan: _Plan, found: list[list[Quote]]) -> list[Quote]:
        pieces = [part.piece for part in plan.parts]
        return stitched(pieces, found, unparsed=plan.unparsed, kinds=self.kinds)

    def _quotes_of(self, part: _Part, doc: Doc) -> list[Quote]:
        return self._attribute(doc, part.marks, source=part.text, lemmatize=self._lemmatize())

    def _lemmatize(self) -> Callable[[Token], list[str]] | None:
        """The left-out lemmatizer's ``lemmatize``, for the Docs the extractor parsed."""
        if not self._left_out:
            return None
        lemmatizer: Any = self.nlp.get_pipe(self._left_out[0])
        lemmatize: Callable[[Token], list[str]] = lemmatizer.lemmatize
        return lemmatize

    def _parse_each(self, texts: list[str]) -> Iterator[Doc | Exception]:
        """Parse *texts* in groups of bounded length, each group parsed as it is needed."""
        for group in groups_by_length(texts, PARSE_GROUP_CHARACTERS):
            yield from self._parse_group(group)

    def _parse_group(self, texts: list[str]) -> list[Doc | Exception]:
        """Parse *texts* together; if that fails, one by one, to find the bad one."""
        try:
            return list(
                self.nlp.pipe(
                    texts,
                    batch_size=len(texts),
                    component_cfg=embedding_batches(self.nlp, texts),
                    disable=self._left_out,
                )
            )
        except Exception:  # noqa: BLE001 - each text gets its own outcome below
            return [self._parse_alone(text) for text in texts]

    def _parse_alone(self, text: str) -> Doc | Exception:
        try:
            return self.nlp(text, disable=self._left_out)
        except Exception as error:  # noqa: BLE001 - recorded in the text's place
            return error

    def from_doc(self, doc: Doc) -> list[Quote]:
        """Return the quotes of an already parsed *doc* (offsets into ``doc.text``).

        Raises:
            MissingParseError: *doc* has no dependency parse.
        """
        doc = _require_doc(doc)
        text = doc.text  # spaCy rebuilds it on every access
        marks = self._extractable(find_quote_marks(text))
        if not self._may_hold_quotes(text, marks):
            return []
        if not doc.has_annotation("DEP"):
            msg = (
                "The Doc has no dependency parse; parse it with a pipeline that has a parser, "
                "or pass the text to the extractor instead."
            )
            raise MissingParseError(msg)
        return self._attribute(doc, marks, source=text)

    def _text_to_parse(self, text: str, marks: Sequence[QuoteMarkSpan]) -> str | None:
        """What to hand the parser for *text*, or ``None`` when it cannot hold a quote.

        The same length as *text*, so offsets into one are offsets into the other.
        """
        if not self._may_hold_quotes(text, marks):
            return None
        to_parse = elided(parseable(text), marks)
        if self.parse is ParseMode.RELEVANT:
            return relevant_text(to_parse, marks, self.kinds)
        return to_parse

    def _may_hold_quotes(self, text: str, marks: Sequence[QuoteMarkSpan]) -> bool:
        """Whether *text* can hold a quote of the kinds asked for, judged without parsing."""
        if marks:
            return True
        return bool(self.kinds & REPORTED_KINDS) and may_report(text)

    @staticmethod
    def _extractable(marks: Sequence[QuoteMarkSpan]) -> list[QuoteMarkSpan]:
        # An unclosed mark is kept by find_quote_marks but too unreliable to report as a quote.
        return [mark for mark in marks if mark.closed and mark.text.strip()]

    def _attribute(
        self,
        doc: Doc,
        marks: Sequence[QuoteMarkSpan],
        *,
        source: str | None = None,
        lemmatize: Callable[[Token], list[str]] | None = None,
    ) -> list[Quote]:
        if doc.vocab is self.nlp.vocab:
            return attribute_doc(
                doc,
                marks,
                source=source,
                scheme=self._scheme,
                has_ner=self._has_ner,
                kinds=self.kinds,
                lemmatize=lemmatize,
            )
        return attribute_doc(doc, marks, source=source, kinds=self.kinds)


@attrs.frozen
class _Part:
    """A text, or a piece of a long one, ready for the parser: its marks and what it gets."""

    piece: Piece
    #: The piece's text: the caller's whole text unless it is long.
    text: str
    marks: list[QuoteMarkSpan]
    #: ``None`` when the text cannot hold a quote and is not parsed at all.
    to_parse: str | None


@attrs.frozen
class _Plan:
    """How a text is parsed: its parts, and the quotations no part can hold whole."""

    parts: list[_Part]
    unparsed: list[QuoteMarkSpan]


# What the parser gets in place of characters it would misread (always one for one):
# a lone surrogate, which spaCy cannot store; a Unicode space other than U+0020, which spaCy
# makes a token of its own ("Teresa<NBSP>Okafor" would be two names); and an invisible format
# character (soft hyphen, zero-width space, byte order mark, bidi control) at a word's edge,
# which the tokenizer glues to the mark or verb beside it. Inside a word, a format character
# stays: the cue lexicon reads through it. One character class finds them all and
# _stand_in tells them apart: a pattern with look-arounds at every position took ten times
# as long over a typical article.
_STAND_IN_CANDIDATES = regex.compile(
    r"[\ud800-\udfff\u00a0\u1680\u2000-\u200a\u202f\u205f\u3000\p{Cf}]"
)


#: The longest run of characters without a space that the parser sees: see parseable.
LONGEST_WORD = 200
_LONG_RUN = regex.compile(rf"\S{{{LONGEST_WORD + 1},}}")


def embedding_batches(nlp: Language, texts: Sequence[str]) -> dict[str, dict[str, Any]]:
    """``component_cfg`` for ``nlp.pipe(texts)``: tok2vec in batches of few characters.

    As many texts at a time as that many of the longest would fit in
    ``EMBEDDING_CHARACTERS`` (at least one); nothing when that is all of *texts*. The
    components that listen to a tok2vec read its output from ``doc.tensor`` when they
    predict, whatever batches it ran in, so the parse is the same.
    """
    from spacy.pipeline import Tok2Vec  # noqa: PLC0415 - spaCy is loaded: here is a pipeline

    longest = max((len(text) for text in texts), default=0)
    size = max(1, EMBEDDING_CHARACTERS // max(1, longest))
    if size >= len(texts):
        return {}
    return {name: {"batch_size": size} for name, pipe in nlp.pipeline if isinstance(pipe, Tok2Vec)}


def groups_by_length(texts: Sequence[str], limit: int) -> Iterator[list[str]]:
    """*texts* in order, in groups of at most *limit* characters (a longer text alone).

    The groups are about even: as few as the limit allows, each closed once it holds its
    share of the characters, so no group is left with a text or two. spaCy parses a group
    as one batch, and a small batch costs more per text.
    """
    total = sum(len(text) for text in texts)
    share = total / max(1, math.ceil(total / limit))
    group: list[str] = []
    length = 0
    for text in texts:
        if group and (0 < share <= length or length + len(text) > limit):
            yield group
            group, length = [], 0
        group.append(text)
        length += len(text)
    if group:
        yield group


def parseable(text: str) -> str:
    """*text* as the parser should see it: the same length, stand-ins where it would misread.

    See ``_STAND_IN_CANDIDATES``: a lone surrogate becomes U+FFFD, a Unicode space a plain
    space, an invisible character at a word's edge a space. Each is one character for one,
    so every offset still indexes the caller's string, from which all result texts are
    sliced. A run of more than ``LONGEST_WORD`` characters without a space gets a space
    in place of every ``LONGEST_WORD``-th character: spaCy's tokenizer takes time that grows
    with the square of such a run's length, and no word is that long.
    """
    if not text.isascii():
        text = _STAND_IN_CANDIDATES.sub(_stand_in, text)
    return _LONG_RUN.sub(_spaced, text)


def _spaced(match: regex.Match[str]) -> str:
    run = match.group()
    return " ".join(
        run[start + 1 : start + LONGEST_WORD] if start else run[:LONGEST_WORD]
        for start in range(0, len(run), LONGEST_WORD)
    )


def _stand_in(match: regex.Match[str]) -> str:
    character = match.group()
    category = unicodedata.category(character)
    if category == "Cs":
        return "\N{REPLACEMENT CHARACTER}"  # a lone surrogate
    if category != "Cf":
        return " "  # a Unicode space
    # A format character inside a word, a letter on either side, stays.
    text, start = match.string, match.start()
    inside_word = (
        0 < start < len(text) - 1 and text[start - 1].isalpha() and text[start + 1].isalpha()
    )
    return character if inside_word else " "


def _require_doc(doc: object) -> Doc:
    """Return *doc* if it is a spaCy Doc (the run-time guard for untyped callers)."""
    from spacy.tokens import Doc  # noqa: PLC0415 - spaCy loads on first use only

    if not isinstance(doc, Doc):
        msg = f"from_doc() needs a spacy.tokens.Doc, not {type(doc).__name__}"
        raise TypeError(msg)
    return doc


def attribute_doc(  # noqa: PLR0913 - keyword-only settings the extractor knows already
    doc: Doc,
    marks: Sequence[QuoteMarkSpan],
    *,
    source: str | None = None,
    scheme: LabelScheme | None = None,
    has_ner: bool | None = None,
    kinds: frozenset[QuoteKind] = ALL_KINDS,
    lemmatize: Callable[[Token], list[str]] | None = None,
) -> list[Quote]:
    """Attribute the quotes at *marks* in a parsed *doc*, and find its reported speech.

    Result texts are sliced from *source* (the caller's string; ``doc.text`` by default),
    which must have the same length. The label scheme and NER availability are read off
    the doc unless given (the extractor knows them from its pipeline). Only quotes of
    *kinds* are returned; without ``MIXED``, the quoted fragments of reported speech come
    back as the ``PARTIAL`` quotes they are on their own. *lemmatize* is the pipeline
    lemmatizer's ``lemmatize`` if it was left out of the parse (see
    :func:`~quoteattr._pipeline.deferrable_lemmatizer`).
    """
    text = doc.text if source is None else source
    relations = relations_for(scheme or detect_scheme(token.dep_ for token in doc))
    layout = DocLayout(doc, marks, text, lemmatize)
    attributor = Attributor(layout, relations, default_lexicon())
    quoted = attributor.attribute_all()
    reported: list[ReportedSpeech] = []
    if kinds & REPORTED_KINDS:
        found = ReportedSpeechFinder(attributor).find_all(quoted)
        reported = [report for report in found if report.kind in kinds]
    subsumed = {index for report in reported for index in report.regions}
    records: list[QuoteAttribution | ReportedSpeech] = [
        found for index, found in enumerate(quoted) if index not in subsumed
    ]
    records += reported
    records.sort(key=_start_token)
    if has_ner is None:
        has_ner = doc.has_annotation("ENT_IOB")
    # Every speaker is resolved, returned or not: an indirect report can introduce the
    # person a later "he" means.
    resolver = SpeakerResolver(layout, relations, has_ner=has_ner)
    quotes = [_to_quote(layout, record, resolver) for record in records]
    return _numbered([quote for quote in quotes if quote.kind in kinds])


def _start_token(record: QuoteAttribution | ReportedSpeech) -> int:
    return record.region.first if isinstance(record, QuoteAttribution) else record.first


def _numbered(quotes: list[Quote]) -> list[Quote]:
    """Renumber speaker entities from 0 in order of first appearance among *quotes*."""
    numbers: dict[int, int] = {}
    renumbered: list[Quote] = []
    for quote in quotes:
        speaker = quote.speaker
        if speaker is not None and speaker.entity_id is not None:
            number = numbers.setdefault(speaker.entity_id, len(numbers))
            if number != speaker.entity_id:
                speaker = attrs.evolve(speaker, entity_id=number)
        renumbered.append(
            attrs.evolve(quote, speaker=speaker) if speaker != quote.speaker else quote
        )
    return renumbered


def _to_quote(
    layout: DocLayout, record: QuoteAttribution | ReportedSpeech, resolver: SpeakerResolver
) -> Quote:
    if isinstance(record, QuoteAttribution):
        marks = record.region.marks
        start, end, text = marks.content_start, marks.content_end, marks.text
        said = range(0)
    else:
        start, end = layout.tokens.char_range(record.first, record.stop)
        text = layout.text[start:end]
        said = range(record.first, record.stop)
    kind, attribution = record.kind, record.attribution
    if attribution is None:
        return Quote(text=text, start=start, end=end, kind=kind)
    cue_start, cue_end = layout.tokens.char_range(attribution.cue_first, attribution.cue_stop)
    return Quote(
        text=text,
        start=start,
        end=end,
        kind=kind,
        speaker=resolver.speaker(attribution, said),
        cue=Cue(
            text=layout.text[cue_start:cue_end],
            start=cue_start,
            end=cue_end,
            lemma=attribution.lemma,
        ),
        method=attribution.method,
        confidence=confidence_of(attribution.method),
    )


_extractors: dict[Any, QuoteExtractor] = {}
_extractors_lock = threading.Lock()


def _shared_extractor(
    nlp: str | os.PathLike[str] | None, kinds: frozenset[QuoteKind]
) -> QuoteExtractor:
    """One extractor per pipeline name and kinds per process, so repeated calls load nothing."""
    key = (os.fspath(nlp) if nlp is not None else None, kinds)
    with _extractors_lock:
        extractor = _extractors.get(key)
        if extractor is None:
            # The pipeline itself is loaded once per name, whatever the kinds.
            same_model = next((e for (name, _), e in _extractors.items() if name == key[0]), None)
            model = same_model.nlp if same_model is not None else nlp
            extractor = _extractors[key] = QuoteExtractor(model, kinds=kinds)
        return extractor


def extract_quotes(
    text: str,
    *,
    nlp: Language | str | os.PathLike[str] | None = None,
    kinds: Iterable[QuoteKind | str] | QuoteKind | str | None = None,
) -> list[Quote]:
    """Return everything *text* reports someone said, with its kind, speaker and cue.

    Args:
        text: the article (any str; offsets in the result index into it).
        nlp: a spaCy ``Language``, a pipeline name or path, or ``None`` for the default
            pipeline (loaded once per process).
        kinds: the kinds of quote to return (:class:`QuoteKind` values or their names);
            ``None``, the default, returns all: direct, partial, indirect and mixed.

    Returns:
        The quotes in order of appearance. ``text[q.start:q.end] == q.text`` for each.
    """
    text = check_text(text)
    chosen = check_kinds(kinds)
    if nlp is None or isinstance(nlp, (str, os.PathLike)):
        return _shared_extractor(nlp, chosen)(text)
    return QuoteExtractor(nlp, kinds=chosen)(text)
