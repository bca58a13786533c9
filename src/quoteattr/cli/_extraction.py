"""Loading the extractor for the command, with messages that name --model."""

from __future__ import annotations

import os
from pathlib import Path
from typing import TYPE_CHECKING, Literal, Protocol, overload

from quoteattr.cli._streams import InputError

if TYPE_CHECKING:
    from collections.abc import Iterable, Iterator

    from quoteattr import Quote
    from quoteattr._types import ExtractionFailure, QuoteKind
    from quoteattr.cli._items import Item

# What the command says when no pipeline can be loaded.
INSTALL_MODEL = (
    "install one (pip install a pipeline's wheel, e.g. en_core_web_sm, or python -m spacy "
    "download en_core_web_sm)"
)


class Extractor(Protocol):
    """What the command needs from :class:`quoteattr.QuoteExtractor`.

    The command streams ``(text, item)`` pairs and wants a failure in place of a failed
    item's quotes; ``quoteattr evaluate`` passes plain texts.
    """

    @overload
    def pipe(self, texts: Iterable[str]) -> Iterator[list[Quote]]: ...

    @overload
    def pipe(
        self,
        texts: Iterable[tuple[str, Item]],
        *,
        batch_size: int,
        n_process: int,
        as_tuples: Literal[True],
        on_error: Literal["return"],
    ) -> Iterator[tuple[list[Quote] | ExtractionFailure, Item]]: ...


def load_extractor(
    model: str | None, kinds: frozenset[QuoteKind] | None = None, *, parse: str = "full"
) -> Extractor:
    """Load the pipeline and build the extractor (imports spaCy: the slow part).

    *kinds* are the kinds of quote to find; ``None`` finds every kind. *parse* is
    ``"full"`` or ``"relevant"`` (parse only the sentences that can hold a quote).
    """
    from quoteattr import QuoteExtractor  # noqa: PLC0415 - keeps --help fast
    from quoteattr.errors import MissingComponentError, ModelNotFoundError  # noqa: PLC0415

    try:
        return QuoteExtractor(model, kinds=kinds, parse=parse)
    except ModelNotFoundError as error:
        # Its message is for Python callers (nlp=...); the command has --model.
        raise InputError(model_not_found(model, error)) from None
    except MissingComponentError:
        name = model_name(model)
        raise InputError(
            f"the spaCy pipeline {name} has no dependency parser, which quoteattr needs; "
            "choose one that has with --model NAME, e.g. en_core_web_sm"
        ) from None


def model_name(model: str | None) -> str:
    """The pipeline asked for, for messages: --model, else $QUOTEATTR_MODEL, else the default."""
    if model is not None:
        return repr(model)
    from quoteattr._pipeline import MODEL_ENV_VAR  # noqa: PLC0415 - the extraction code is loaded

    named = os.environ.get(MODEL_ENV_VAR)
    return "chosen by default" if not named else f"{named!r} (${MODEL_ENV_VAR})"


def model_not_found(model: str | None, error: OSError) -> str:
    """What to do when the pipeline *model* (None: the default) cannot be loaded."""
    from quoteattr._pipeline import MODEL_ENV_VAR  # noqa: PLC0415 - the extraction code is loaded

    name = model if model is not None else os.environ.get(MODEL_ENV_VAR)
    if not name:
        return (
            "no English spaCy pipeline with a parser is installed; "
            f"{INSTALL_MODEL}, or name one with --model NAME"
        )
    import spacy.util  # noqa: PLC0415 - loaded already, by the attempt to load the pipeline

    asked = model_name(model)
    if Path(name).exists() or spacy.util.is_package(name):
        # There is something by that name, and spaCy said what is wrong with it.
        cause = error.__cause__ or error
        return f"cannot load the spaCy pipeline {asked}: {cause}; choose another with --model NAME"
    return (
        f"no spaCy pipeline named {asked} is installed; {INSTALL_MODEL} "
        "or choose another with --model NAME"
    )
