"""The results: a parsed Doc's quotes attributed, its reported speech found, speakers named."""

from __future__ import annotations

from typing import TYPE_CHECKING

import attrs

from quoteattr._attribution import Attributor, QuoteAttribution
from quoteattr._confidence import confidence_of
from quoteattr._layout import DocLayout
from quoteattr._relations import LabelScheme, detect_scheme, relations_for
from quoteattr._reported import ReportedSpeechFinder
from quoteattr._speakers import SpeakerResolver
from quoteattr._types import REPORTED_KINDS, Cue, Quote, QuoteKind
from quoteattr.lang import LanguageProfile, profile_for

if TYPE_CHECKING:
    from collections.abc import Callable, Sequence

    from spacy.tokens import Doc, Token

    from quoteattr._reported import ReportedSpeech
    from quoteattr._types import QuoteMarkSpan

from quoteattr._checks import ALL_KINDS

__all__ = ["attribute_doc"]


def attribute_doc(  # noqa: PLR0913 - keyword-only settings the extractor knows already
    doc: Doc,
    marks: Sequence[QuoteMarkSpan],
    *,
    source: str | None = None,
    scheme: LabelScheme | None = None,
    has_ner: bool | None = None,
    kinds: frozenset[QuoteKind] = ALL_KINDS,
    lemmatize: Callable[[Token], list[str]] | None = None,
    profile: LanguageProfile | None = None,
) -> list[Quote]:
    """Attribute the quotes at *marks* in a parsed *doc*, and find its reported speech.

    Result texts are sliced from *source* (the caller's string; ``doc.text`` by default),
    which must have the same length. The label scheme and NER availability are read off
    the doc unless given (the extractor knows them from its pipeline). Only quotes of
    *kinds* are returned; without ``MIXED``, the quoted fragments of reported speech come
    back as the ``PARTIAL`` quotes they are on their own. *lemmatize* is the pipeline
    lemmatizer's ``lemmatize`` if it was left out of the parse (see
    :func:`~quoteattr._pipeline.deferrable_lemmatizer`). *profile* is the language whose
    words the rules read; by default the Doc's (``doc.lang_``).

    Raises:
        UnsupportedLanguageError: no *profile* given, and none for the Doc's language.
    """
    profile = profile or profile_for(doc.lang_)
    text = doc.text if source is None else source
    relations = relations_for(scheme or detect_scheme(token.dep_ for token in doc))
    layout = DocLayout(doc, marks, text, lemmatize, profile.abbreviations)
    attributor = Attributor(layout, relations, profile)
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
    resolver = SpeakerResolver(layout, relations, profile, has_ner=has_ner)
    scheme_name = relations.scheme.value
    quotes = [_to_quote(layout, record, resolver, scheme_name) for record in records]
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
    layout: DocLayout,
    record: QuoteAttribution | ReportedSpeech,
    resolver: SpeakerResolver,
    scheme: str,
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
        confidence=confidence_of(attribution.method, scheme),
    )
