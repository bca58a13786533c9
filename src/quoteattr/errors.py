"""Exceptions raised by quoteattr.

Every error derives from :class:`QuoteAttrError`, and also from the closest builtin, so that
existing ``except OSError`` or ``except ValueError`` clauses keep working.
"""

from __future__ import annotations

__all__ = [
    "ExtractionError",
    "MissingComponentError",
    "MissingParseError",
    "ModelNotFoundError",
    "QuoteAttrError",
    "UnsupportedLanguageError",
]

INSTALL_HINT = (
    "Install an English spaCy pipeline with a parser, for example "
    "`python -m spacy download en_core_web_sm`, or `pip install` a pipeline wheel; "
    "then pass its name as nlp=... or set QUOTEATTR_MODEL."
)


class QuoteAttrError(Exception):
    """Base class of every error quoteattr raises on purpose."""


class ModelNotFoundError(QuoteAttrError, OSError):
    """No spaCy pipeline could be found or loaded."""


class MissingComponentError(QuoteAttrError, ValueError):
    """The pipeline lacks a component quoteattr needs (a dependency parser)."""


class MissingParseError(QuoteAttrError, ValueError):
    """A ``Doc`` handed to quoteattr has no dependency parse."""


class UnsupportedLanguageError(QuoteAttrError, ValueError):
    """quoteattr has no profile for the pipeline's language; the message names those it has."""


class ExtractionError(QuoteAttrError, RuntimeError):
    """Extraction failed on one item of a stream; the message names the item's position.

    The message also gives the type and message of the exception that caused it (which may
    have been raised in a worker process).
    """
