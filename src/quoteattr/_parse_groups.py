"""Many texts parsed at once, in groups of bounded length, with the lemmatizer left out.

A group that fails is parsed again text by text, so that only the bad text fails. The
lemmatizer is left out of the parse (see :func:`~quoteattr._pipeline.deferrable_lemmatizer`)
and asked, through :func:`deferred_lemmatize`, only for the lemmas the rules read.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from quoteattr._parsing import PARSE_GROUP_CHARACTERS, embedding_batches, groups_by_length

if TYPE_CHECKING:
    from collections.abc import Callable, Iterator

    from spacy.language import Language
    from spacy.tokens import Doc, Token

__all__ = ["deferred_lemmatize", "parse_each"]


def parse_each(
    nlp: Language, texts: list[str], *, left_out: list[str]
) -> Iterator[Doc | Exception]:
    """Parse *texts* in groups of bounded length, each group parsed as it is needed.

    Each text gets its Doc, or the exception its parse raised, in order.
    """
    for group in groups_by_length(texts, PARSE_GROUP_CHARACTERS):
        yield from _parse_group(nlp, group, left_out)


def deferred_lemmatize(nlp: Language, left_out: list[str]) -> Callable[[Token], list[str]] | None:
    """The left-out lemmatizer's ``lemmatize``, for the Docs parsed without it."""
    if not left_out:
        return None
    lemmatizer: Any = nlp.get_pipe(left_out[0])
    lemmatize: Callable[[Token], list[str]] = lemmatizer.lemmatize
    return lemmatize


def _parse_group(nlp: Language, texts: list[str], left_out: list[str]) -> list[Doc | Exception]:
    """Parse *texts* together; if that fails, one by one, to find the bad one."""
    try:
        return list(
            nlp.pipe(
                texts,
                batch_size=len(texts),
                component_cfg=embedding_batches(nlp, texts),
                disable=left_out,
            )
        )
    except Exception:  # noqa: BLE001 - each text gets its own outcome below
        return [_parse_alone(nlp, text, left_out) for text in texts]


def _parse_alone(nlp: Language, text: str, left_out: list[str]) -> Doc | Exception:
    try:
        return nlp(text, disable=left_out)
    except Exception as error:  # noqa: BLE001 - recorded in the text's place
        return error
