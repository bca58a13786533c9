"""``extract_quotes``: one call, with the extractor of its pipeline shared across calls."""

from __future__ import annotations

import os
import threading
from typing import TYPE_CHECKING, Any

from quoteattr._checks import check_kinds, check_text
from quoteattr._extractor import QuoteExtractor

if TYPE_CHECKING:
    from collections.abc import Iterable

    from spacy.language import Language

    from quoteattr._types import Quote, QuoteKind
    from quoteattr.lang import LanguageProfile

__all__ = ["extract_quotes"]

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
