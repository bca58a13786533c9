"""Finding, loading and checking the spaCy pipeline.

spaCy is imported here on first use, never when ``import quoteattr`` runs, and nothing is ever
downloaded: a missing pipeline is a :class:`~quoteattr.errors.ModelNotFoundError` that says
how to install one.
"""

from __future__ import annotations

import os
import threading
from pathlib import Path
from typing import TYPE_CHECKING

from quoteattr.errors import INSTALL_HINT, MissingComponentError, ModelNotFoundError

if TYPE_CHECKING:
    from spacy.language import Language

__all__ = [
    "MODEL_ENV_VAR",
    "PREFERRED_MODELS",
    "default_pipeline",
    "deferrable_lemmatizer",
    "resolve_pipeline",
]

MODEL_ENV_VAR = "QUOTEATTR_MODEL"
#: Tried in this order when no pipeline is named; then any English pipeline with a parser.
PREFERRED_MODELS = ("en_core_web_sm", "en_core_web_md", "en_core_web_lg", "en_core_web_trf")

_lock = threading.Lock()
_default: Language | None = None


def resolve_pipeline(nlp: object) -> Language:
    """Return a ready pipeline for *nlp*: ``None`` (the default), a name or path, or a Language.

    Typed ``object`` because it is the run-time guard for callers without type checking.
    """
    if nlp is None:
        return default_pipeline()
    if isinstance(nlp, (str, os.PathLike)):
        return check_pipeline(load_pipeline(nlp))
    from spacy.language import Language  # noqa: PLC0415 - spaCy loads on first use only

    if isinstance(nlp, Language):
        return check_pipeline(nlp)
    msg = (
        f"nlp must be a spacy Language, a pipeline name or path, or None, not {type(nlp).__name__}"
    )
    raise TypeError(msg)


def default_pipeline() -> Language:
    """Return the process-wide default pipeline, loading it on first use.

    ``$QUOTEATTR_MODEL`` if set; else the first installed of :data:`PREFERRED_MODELS`; else
    any installed English pipeline with a parser.
    """
    global _default  # noqa: PLW0603 - one pipeline per process, loaded once under a lock
    with _lock:
        if _default is None:
            name = os.environ.get(MODEL_ENV_VAR) or _installed_english_pipeline()
            _default = check_pipeline(load_pipeline(name))
        return _default


def load_pipeline(name: str | os.PathLike[str]) -> Language:
    """Load a pipeline by package name or path, as a quoteattr error when it is missing."""
    import spacy  # noqa: PLC0415 - spaCy loads on first use only

    try:
        return spacy.load(os.fspath(name))
    except OSError as error:
        reason = str(error).rstrip(". ")
        msg = f"Could not load the spaCy pipeline {str(name)!r}: {reason}. {INSTALL_HINT}"
        raise ModelNotFoundError(msg) from error


def check_pipeline(nlp: Language) -> Language:
    """Return *nlp* if it can parse, else raise :class:`MissingComponentError`."""
    if not has_parser(nlp):
        components = ", ".join(nlp.pipe_names) or "none"
        msg = (
            f"The spaCy pipeline {nlp.meta.get('name', '?')!r} has no dependency parser "
            f"(its components: {components}); quoteattr needs one. {INSTALL_HINT}"
        )
        raise MissingComponentError(msg)
    return nlp


def has_parser(nlp: Language) -> bool:
    """Whether *nlp* has an enabled dependency parser."""
    from spacy.pipeline import DependencyParser  # noqa: PLC0415

    return any(isinstance(component, DependencyParser) for _name, component in nlp.pipeline)


def parser_labels(nlp: Language) -> tuple[str, ...]:
    """Return the dependency labels the pipeline's parser predicts."""
    from spacy.pipeline import DependencyParser  # noqa: PLC0415

    for _name, component in nlp.pipeline:
        if isinstance(component, DependencyParser):
            return tuple(component.labels)
    return ()


def deferrable_lemmatizer(nlp: Language) -> str | None:
    """The name of *nlp*'s lemmatizer if quoteattr may run it only on the words it reads.

    The rules read the lemmas of a few dozen words of an article; lemmatizing all of them
    costs about 5 % of the parse. spaCy's rule and lookup lemmatizers work one token at a
    time (``lemmatize(token)``), so the same lemma can be had on demand, provided no later
    component might read lemmas: only the statistical components spaCy ships may follow.
    """
    from spacy.pipeline import (  # noqa: PLC0415
        DependencyParser,
        EntityRecognizer,
        Lemmatizer,
        Morphologizer,
        SentenceRecognizer,
        Sentencizer,
        Tagger,
        Tok2Vec,
    )

    safe_after: tuple[type, ...] = (DependencyParser, EntityRecognizer, Morphologizer)
    safe_after += (SentenceRecognizer, Sentencizer, Tagger, Tok2Vec)
    found: str | None = None
    for name, component in nlp.pipeline:
        if found is not None and not isinstance(component, safe_after):
            return None
        if found is None and _lemmatizes_token_by_token(component, Lemmatizer):
            found = name
    return found


def _lemmatizes_token_by_token(component: object, lemmatizer: type) -> bool:
    """Whether *component* is a spaCy lemmatizer that fills each missing lemma on its own.

    That is what its ``__call__`` does, unless a subclass changed it or it overwrites the
    lemmas other components set (the attribute ruler's exceptions).
    """
    return (
        isinstance(component, lemmatizer)
        and type(component).__call__ is lemmatizer.__call__
        and not getattr(component, "overwrite", True)
        and callable(getattr(component, "lemmatize", None))
    )


def _installed_english_pipeline() -> str:
    import spacy.util  # noqa: PLC0415

    installed = set(spacy.util.get_installed_models())
    for name in PREFERRED_MODELS:
        if name in installed:
            return name
    for name in sorted(installed):
        if _is_english_with_parser(name):
            return name
    msg = f"No English spaCy pipeline with a parser is installed. {INSTALL_HINT}"
    raise ModelNotFoundError(msg)


def _is_english_with_parser(name: str) -> bool:
    import spacy.util  # noqa: PLC0415

    try:
        meta = spacy.util.get_model_meta(Path(spacy.util.get_package_path(name)) / _data_dir(name))
    except (OSError, ValueError, ModuleNotFoundError):
        return False
    return meta.get("lang") == "en" and "parser" in meta.get("pipeline", [])


def _data_dir(name: str) -> str:
    """The folder inside a pipeline package that holds ``meta.json`` ("name-version")."""
    import spacy.util  # noqa: PLC0415

    package = Path(spacy.util.get_package_path(name))
    for child in sorted(package.iterdir()):
        if child.is_dir() and (child / "meta.json").is_file():
            return child.name
    return "."
