"""The extractor: quote marks, parse, attribution and speaker resolution, put together."""

from __future__ import annotations

import os
import threading
from typing import TYPE_CHECKING, Any, Literal, TypeVar, overload

import attrs

from quoteattr._checks import ALL_KINDS, check_kinds, check_text, require_doc
from quoteattr._marks import find_quote_marks
from quoteattr._parsing import (
    DEFAULT_BATCH_SIZE,
    PARSE_GROUP_CHARACTERS,
    embedding_batches,
    groups_by_length,
    parseable,
)
from quoteattr._pieces import Piece, blanked_spans, elided, marks_within, pieces_of, stitched
from quoteattr._pipeline import deferrable_lemmatizer, parser_labels, resolve_pipeline
from quoteattr._relations import detect_scheme
from quoteattr._reported import may_report
from quoteattr._results import attribute_doc
from quoteattr._selective import ParseMode, check_parse_mode, relevant_text
from quoteattr._stream import OnError, failure_of, stream
from quoteattr._types import REPORTED_KINDS, ExtractionFailure, Quote, QuoteKind
from quoteattr.errors import MissingParseError
from quoteattr.lang import LanguageProfile, profile_for, resolve_language

if TYPE_CHECKING:
    from collections.abc import Callable, Iterable, Iterator, Sequence

    from spacy.language import Language
    from spacy.tokens import Doc, Token

    from quoteattr._stream import Outcome
    from quoteattr._types import QuoteMarkSpan

# check_kinds, attribute_doc and the rest: where the CLI, the renderer and the Dask
# integration have always imported them from.
__all__ = [
    "ALL_KINDS",
    "DEFAULT_BATCH_SIZE",
    "QuoteExtractor",
    "attribute_doc",
    "check_kinds",
    "check_text",
    "extract_quotes",
]

Context = TypeVar("Context")


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
        language: the language whose words the rules read: a code such as ``"en"``, or a
            :class:`~quoteattr.lang.LanguageProfile`. ``None``, the default, takes the
            pipeline's own (``nlp.lang``).

    Raises:
        ModelNotFoundError: no pipeline by that name, or none installed.
        MissingComponentError: the pipeline has no dependency parser.
        UnsupportedLanguageError: quoteattr has no profile for the language (the message
            names the languages it has).
        ValueError: *kinds* names no kind, or a kind that does not exist; *parse* is
            neither ``"full"`` nor ``"relevant"``.
    """

    def __init__(
        self,
        nlp: Language | str | os.PathLike[str] | None = None,
        *,
        kinds: Iterable[QuoteKind | str] | QuoteKind | str | None = None,
        parse: ParseMode | str = "full",
        language: str | LanguageProfile | None = None,
    ) -> None:
        """Resolve and check the pipeline once; see the class docstring."""
        self.kinds: frozenset[QuoteKind] = check_kinds(kinds)
        self.parse: ParseMode = check_parse_mode(parse)
        self.nlp: Language = resolve_pipeline(nlp)
        # The language asked for, if any: it holds for Docs of other pipelines too.
        self._language = language
        #: The language's profile: the words the rules read.
        self.profile: LanguageProfile = resolve_language(language, self.nlp.lang or "")
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
        all_marks = find_quote_marks(text, conventions=self.profile.quotes)
        marks = self._extractable(all_marks)
        pieces = pieces_of(
            text,
            max_length=self.nlp.max_length,
            marks=all_marks,
            abbreviations=self.profile.abbreviations,
        )
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
        doc = require_doc(doc)
        text = doc.text  # spaCy rebuilds it on every access
        if self._language is not None or doc.lang_ == self.nlp.lang:
            profile = self.profile
        else:
            profile = profile_for(doc.lang_)  # a Doc of another pipeline's language
        marks = self._extractable(find_quote_marks(text, conventions=profile.quotes))
        if not self._may_hold_quotes(text, marks, profile):
            return []
        if not doc.has_annotation("DEP"):
            msg = (
                "The Doc has no dependency parse; parse it with a pipeline that has a parser, "
                "or pass the text to the extractor instead."
            )
            raise MissingParseError(msg)
        return self._attribute(doc, marks, source=text, profile=profile)

    def _text_to_parse(self, text: str, marks: Sequence[QuoteMarkSpan]) -> str | None:
        """What to hand the parser for *text*, or ``None`` when it cannot hold a quote.

        The same length as *text*, so offsets into one are offsets into the other.
        """
        if not self._may_hold_quotes(text, marks, self.profile):
            return None
        straight = self.profile.quotes.straight_for_parser if self.profile.quotes else ()
        to_parse = elided(parseable(text, "".join(straight)), marks)
        if self.parse is ParseMode.RELEVANT:
            return relevant_text(to_parse, marks, self.kinds, self.profile)
        return to_parse

    def _may_hold_quotes(
        self, text: str, marks: Sequence[QuoteMarkSpan], profile: LanguageProfile
    ) -> bool:
        """Whether *text* can hold a quote of the kinds asked for, judged without parsing."""
        if marks:
            return True
        return bool(self.kinds & REPORTED_KINDS) and may_report(text, profile)

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
        profile: LanguageProfile | None = None,
    ) -> list[Quote]:
        profile = profile or self.profile
        if doc.vocab is self.nlp.vocab:
            return attribute_doc(
                doc,
                marks,
                source=source,
                scheme=self._scheme,
                has_ner=self._has_ner,
                kinds=self.kinds,
                lemmatize=lemmatize,
                profile=profile,
            )
        return attribute_doc(doc, marks, source=source, kinds=self.kinds, profile=profile)


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


def _require_doc(doc: object) -> Doc:
    """Return *doc* if it is a spaCy Doc (the run-time guard for untyped callers)."""
    from spacy.tokens import Doc  # noqa: PLC0415 - spaCy loads on first use only

    if not isinstance(doc, Doc):
        msg = f"from_doc() needs a spacy.tokens.Doc, not {type(doc).__name__}"
        raise TypeError(msg)
    return doc


_extractors: dict[Any, QuoteExtractor] = {}
_extractors_lock = threading.Lock()


def _shared_extractor(
    nlp: str | os.PathLike[str] | None,
    kinds: frozenset[QuoteKind],
    language: str | LanguageProfile | None,
) -> QuoteExtractor:
    """One extractor per pipeline name, kinds and language per process: calls load nothing.

    A profile object is told apart by its identity (the extractor keeps it alive).
    """
    chosen = language if language is None or isinstance(language, str) else id(language)
    key = (os.fspath(nlp) if nlp is not None else None, kinds, chosen)
    with _extractors_lock:
        extractor = _extractors.get(key)
        if extractor is None:
            # The pipeline itself is loaded once per name, whatever the kinds and language.
            same_model = next(
                (e for (name, _, _), e in _extractors.items() if name == key[0]), None
            )
            model = same_model.nlp if same_model is not None else nlp
            extractor = _extractors[key] = QuoteExtractor(model, kinds=kinds, language=language)
        return extractor


def extract_quotes(
    text: str,
    *,
    nlp: Language | str | os.PathLike[str] | None = None,
    kinds: Iterable[QuoteKind | str] | QuoteKind | str | None = None,
    language: str | LanguageProfile | None = None,
) -> list[Quote]:
    """Return everything *text* reports someone said, with its kind, speaker and cue.

    Args:
        text: the article (any str; offsets in the result index into it).
        nlp: a spaCy ``Language``, a pipeline name or path, or ``None`` for the default
            pipeline (loaded once per process).
        kinds: the kinds of quote to return (:class:`QuoteKind` values or their names);
            ``None``, the default, returns all: direct, partial, indirect and mixed.
        language: the language whose words the rules read (a code such as ``"en"``, or a
            profile); ``None``, the default, takes the pipeline's.

    Returns:
        The quotes in order of appearance. ``text[q.start:q.end] == q.text`` for each.
    """
    text = check_text(text)
    chosen = check_kinds(kinds)
    if nlp is None or isinstance(nlp, (str, os.PathLike)):
        return _shared_extractor(nlp, chosen, language)(text)
    return QuoteExtractor(nlp, kinds=chosen, language=language)(text)
