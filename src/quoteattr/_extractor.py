"""The extractor: quote marks, parse, attribution and speaker resolution, put together."""

from __future__ import annotations

import os
import re
import threading
from typing import TYPE_CHECKING, Any

from quoteattr._attribution import Attributor
from quoteattr._confidence import confidence_of
from quoteattr._cues import default_lexicon
from quoteattr._layout import DocLayout
from quoteattr._marks import find_quote_marks
from quoteattr._pipeline import parser_labels, resolve_pipeline
from quoteattr._relations import LabelScheme, detect_scheme, relations_for
from quoteattr._speakers import SpeakerResolver
from quoteattr._types import Cue, Quote
from quoteattr.errors import MissingParseError

if TYPE_CHECKING:
    from collections.abc import Iterable, Iterator, Sequence

    from spacy.language import Language
    from spacy.tokens import Doc

    from quoteattr._attribution import QuoteAttribution
    from quoteattr._types import QuoteMarkSpan

__all__ = ["QuoteExtractor", "attribute_doc", "extract_quotes"]

DEFAULT_BATCH_SIZE = 32


def check_text(text: object, *, position: int | None = None) -> str:
    """Return *text* if it is a str, else raise a TypeError that says what to do."""
    if isinstance(text, str):
        return text
    where = "" if position is None else f" (item {position})"
    if isinstance(text, (bytes, bytearray)):
        msg = (
            f"text must be a str, not {type(text).__name__}{where}; "
            "decode it first, e.g. data.decode('utf-8')"
        )
    else:
        msg = f"text must be a str, not {type(text).__name__}{where}"
    raise TypeError(msg)


class QuoteExtractor:
    """Finds quotations and attributes them, holding one spaCy pipeline for reuse.

    Args:
        nlp: a loaded spaCy ``Language``, the name or path of an installed pipeline, or
            ``None`` for the default (``$QUOTEATTR_MODEL``, else ``en_core_web_sm``, else any
            installed English pipeline with a parser). The pipeline must have a parser.

    Raises:
        ModelNotFoundError: no pipeline by that name, or none installed.
        MissingComponentError: the pipeline has no dependency parser.
    """

    def __init__(self, nlp: Language | str | os.PathLike[str] | None = None) -> None:
        """Resolve and check the pipeline once; see the class docstring."""
        self.nlp: Language = resolve_pipeline(nlp)
        self._scheme = detect_scheme(parser_labels(self.nlp))
        self._has_ner = "ner" in self.nlp.pipe_names

    def __repr__(self) -> str:
        """Name the pipeline in use."""
        meta = self.nlp.meta
        return f"QuoteExtractor(nlp={meta.get('lang', '?')}_{meta.get('name', '?')})"

    def __call__(self, text: str) -> list[Quote]:
        """Return the quotes of *text*, in order of appearance."""
        check_text(text)
        marks = self._extractable_marks(text)
        if not marks:
            return []  # nothing to attribute: skip the parse
        return self._attribute(self.nlp(parseable(text)), marks, source=text)

    def pipe(
        self,
        texts: Iterable[str],
        *,
        batch_size: int = DEFAULT_BATCH_SIZE,
        n_process: int = 1,
    ) -> Iterator[list[Quote]]:
        """Yield the quotes of each text of *texts*, in input order, streaming.

        Parsing is batched through ``nlp.pipe``; ``n_process > 1`` parses in worker
        processes. A non-str item raises :class:`TypeError` naming its position.
        """
        pairs = ((parseable(check_text(text, position=i)), text) for i, text in enumerate(texts))
        for doc, source in self.nlp.pipe(
            pairs, as_tuples=True, batch_size=batch_size, n_process=n_process
        ):
            marks = self._extractable_marks(source)
            yield self._attribute(doc, marks, source=source) if marks else []

    def from_doc(self, doc: Doc) -> list[Quote]:
        """Return the quotes of an already parsed *doc* (offsets into ``doc.text``).

        Raises:
            MissingParseError: *doc* has no dependency parse.
        """
        doc = _require_doc(doc)
        text = doc.text  # spaCy rebuilds it on every access
        marks = self._extractable_marks(text)
        if not marks:
            return []
        if not doc.has_annotation("DEP"):
            msg = (
                "The Doc has no dependency parse; parse it with a pipeline that has a parser, "
                "or pass the text to the extractor instead."
            )
            raise MissingParseError(msg)
        return self._attribute(doc, marks, source=text)

    @staticmethod
    def _extractable_marks(text: str) -> list[QuoteMarkSpan]:
        # An unclosed mark is kept by find_quote_marks but too unreliable to report as a quote.
        return [mark for mark in find_quote_marks(text) if mark.closed and mark.text.strip()]

    def _attribute(
        self, doc: Doc, marks: Sequence[QuoteMarkSpan], *, source: str | None = None
    ) -> list[Quote]:
        if doc.vocab is self.nlp.vocab:
            return attribute_doc(
                doc, marks, source=source, scheme=self._scheme, has_ner=self._has_ner
            )
        return attribute_doc(doc, marks, source=source)


_SURROGATE = re.compile("[\ud800-\udfff]")


def parseable(text: str) -> str:
    """*text* with lone surrogates replaced by U+FFFD, which spaCy can store.

    A lone surrogate is a valid ``str`` character that cannot be encoded, and spaCy's
    string store encodes every token. The replacement is one character for one, so every
    offset still indexes the caller's string, from which all result texts are sliced.
    """
    if text.isascii() or _SURROGATE.search(text) is None:
        return text
    return _SURROGATE.sub("\N{REPLACEMENT CHARACTER}", text)


def _require_doc(doc: object) -> Doc:
    """Return *doc* if it is a spaCy Doc (the run-time guard for untyped callers)."""
    from spacy.tokens import Doc  # noqa: PLC0415 - spaCy loads on first use only

    if not isinstance(doc, Doc):
        msg = f"from_doc() needs a spacy.tokens.Doc, not {type(doc).__name__}"
        raise TypeError(msg)
    return doc


def attribute_doc(
    doc: Doc,
    marks: Sequence[QuoteMarkSpan],
    *,
    source: str | None = None,
    scheme: LabelScheme | None = None,
    has_ner: bool | None = None,
) -> list[Quote]:
    """Attribute the quotes at *marks* in a parsed *doc*.

    Result texts are sliced from *source* (the caller's string; ``doc.text`` by default),
    which must have the same length. The label scheme and NER availability are read off
    the doc unless given (the extractor knows them from its pipeline).
    """
    text = doc.text if source is None else source
    relations = relations_for(scheme or detect_scheme(token.dep_ for token in doc))
    layout = DocLayout(doc, marks, text)
    attributor = Attributor(layout, relations, default_lexicon())
    if has_ner is None:
        has_ner = doc.has_annotation("ENT_IOB")
    resolver = SpeakerResolver(layout, relations, has_ner=has_ner)
    return [_to_quote(layout, found, resolver) for found in attributor.attribute_all()]


def _to_quote(layout: DocLayout, found: QuoteAttribution, resolver: SpeakerResolver) -> Quote:
    marks = found.region.marks
    attribution = found.attribution
    if attribution is None:
        return Quote(
            text=marks.text, start=marks.content_start, end=marks.content_end, kind=found.kind
        )
    cue_start, cue_end = layout.tokens.char_range(attribution.cue_first, attribution.cue_stop)
    return Quote(
        text=marks.text,
        start=marks.content_start,
        end=marks.content_end,
        kind=found.kind,
        speaker=resolver.speaker(attribution),
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


def _shared_extractor(nlp: str | os.PathLike[str] | None) -> QuoteExtractor:
    """One extractor per pipeline name per process, so repeated calls load nothing."""
    key = os.fspath(nlp) if nlp is not None else None
    with _extractors_lock:
        extractor = _extractors.get(key)
        if extractor is None:
            extractor = _extractors[key] = QuoteExtractor(nlp)
        return extractor


def extract_quotes(
    text: str, *, nlp: Language | str | os.PathLike[str] | None = None
) -> list[Quote]:
    """Return every quotation in *text* with its kind, speaker and reporting cue.

    Args:
        text: the article (any str; offsets in the result index into it).
        nlp: a spaCy ``Language``, a pipeline name or path, or ``None`` for the default
            pipeline (loaded once per process).

    Returns:
        The quotes in order of appearance. ``text[q.start:q.end] == q.text`` for each.
    """
    check_text(text)
    if nlp is None or isinstance(nlp, (str, os.PathLike)):
        return _shared_extractor(nlp)(text)
    return QuoteExtractor(nlp)(text)
