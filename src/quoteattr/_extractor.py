"""The extractor: quote marks, parse, attribution and speaker resolution, put together.

The steps live in modules of their own: the plan of a text (``_plan``: its pieces, marks and
what the parser gets), the parse (``_parse_groups``), attribution (``_results``) and the
stream of many texts (``_stream``); ``extract_quotes`` and its shared extractors are in
``_shared_extractors``.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, Literal, TypeVar, overload

from quoteattr._checks import ALL_KINDS, check_kinds, check_text, require_doc
from quoteattr._marks import find_quote_marks
from quoteattr._parse_groups import deferred_lemmatize, parse_each
from quoteattr._parsing import DEFAULT_BATCH_SIZE
from quoteattr._pipeline import deferrable_lemmatizer, parser_labels, resolve_pipeline
from quoteattr._plan import extractable, may_hold_quotes, plan_text, stitched_quotes
from quoteattr._relations import detect_scheme
from quoteattr._results import attribute_doc
from quoteattr._selective import ParseMode, check_parse_mode
from quoteattr._stream import OnError, failure_of, stream
from quoteattr._types import ExtractionFailure, Quote, QuoteKind
from quoteattr.errors import MissingParseError
from quoteattr.lang import LanguageProfile, profile_for, resolve_language

if TYPE_CHECKING:
    import os
    from collections.abc import Callable, Iterable, Iterator, Sequence

    from spacy.language import Language
    from spacy.tokens import Doc, Token

    from quoteattr._plan import Part, Plan
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

    @property
    def label_scheme(self) -> str:
        """Which dependency labels the pipeline's parser uses, ``"clear"`` or ``"ud"``.

        ``"clear"`` is the ClearNLP scheme of spaCy's English pipelines (``nsubj``,
        ``dobj``, ``prep``/``pobj``), ``"ud"`` Universal Dependencies (``obj``, ``obl``,
        ``flat``), read from the labels the parser knows. The rules read both through one
        table per scheme, and ``Quote.confidence`` is measured per scheme.
        """
        return self._scheme.value

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
        return stitched_quotes(plan, found, self.kinds)

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
        parsed = parse_each(self.nlp, to_parse, left_out=self._left_out)
        return [
            plan if isinstance(plan, ExtractionFailure) else self._finish(index, plan, parsed)
            for (index, _text), plan in zip(batch, prepared, strict=True)
        ]

    def _prepare(self, index: int, text: str) -> Plan | ExtractionFailure:
        try:
            return self._plan(text)
        except Exception as error:  # noqa: BLE001 - recorded, and the batch goes on
            return failure_of(error, index)

    def _finish(self, index: int, plan: Plan, parsed: Iterator[Doc | Exception]) -> Outcome:
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
        return stitched_quotes(plan, found, self.kinds)

    def _plan(self, text: str) -> Plan:
        return plan_text(
            text,
            profile=self.profile,
            kinds=self.kinds,
            parse=self.parse,
            max_length=self.nlp.max_length,
        )

    def _quotes_of(self, part: Part, doc: Doc) -> list[Quote]:
        lemmatize = deferred_lemmatize(self.nlp, self._left_out)
        return self._attribute(doc, part.marks, source=part.text, lemmatize=lemmatize)

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
        marks = extractable(find_quote_marks(text, conventions=profile.quotes))
        if not may_hold_quotes(text, marks, profile, self.kinds):
            return []
        if not doc.has_annotation("DEP"):
            msg = (
                "The Doc has no dependency parse; parse it with a pipeline that has a parser, "
                "or pass the text to the extractor instead."
            )
            raise MissingParseError(msg)
        return self._attribute(doc, marks, source=text, profile=profile)

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
