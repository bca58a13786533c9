"""quoteattr: who said what in news text.

``extract_quotes(text)`` finds every quotation, in quotation marks or reported without them
("she said that …"), and links it to its speaker and reporting verb, as frozen records with
character offsets into ``text``::

    >>> import quoteattr
    >>> quotes = quoteattr.extract_quotes('"We will go on," the mayor said.')  # doctest: +SKIP
    >>> quotes[0].speaker.text, quotes[0].cue.lemma  # doctest: +SKIP
    ('the mayor', 'say')

Importing quoteattr is cheap: spaCy and the parsing pipeline load on first use.
"""

from __future__ import annotations

from quoteattr._entities import SpeakerEntity, speakers
from quoteattr._extractor import QuoteExtractor
from quoteattr._frames import to_dataframe
from quoteattr._marks import find_quote_marks
from quoteattr._records import RECORD_COLUMNS, to_records
from quoteattr._render import render
from quoteattr._selective import ParseMode
from quoteattr._shared_extractors import extract_quotes
from quoteattr._types import (
    AttributionMethod,
    Cue,
    ExtractionFailure,
    MarkStyle,
    Quote,
    QuoteKind,
    QuoteMarkSpan,
    Resolution,
    Speaker,
    SpeakerKind,
    asdict,
)
from quoteattr.errors import (
    ExtractionError,
    MissingComponentError,
    MissingParseError,
    ModelNotFoundError,
    QuoteAttrError,
    UnsupportedLanguageError,
)

__all__ = [
    "RECORD_COLUMNS",
    "AttributionMethod",
    "Cue",
    "ExtractionError",
    "ExtractionFailure",
    "MarkStyle",
    "MissingComponentError",
    "MissingParseError",
    "ModelNotFoundError",
    "ParseMode",
    "Quote",
    "QuoteAttrError",
    "QuoteExtractor",
    "QuoteKind",
    "QuoteMarkSpan",
    "Resolution",
    "Speaker",
    "SpeakerEntity",
    "SpeakerKind",
    "UnsupportedLanguageError",
    "asdict",
    "extract_quotes",
    "find_quote_marks",
    "render",
    "speakers",
    "to_dataframe",
    "to_records",
]


def __getattr__(name: str) -> str:
    # The version lives in one place, the package metadata; read it only when asked.
    if name == "__version__":
        from importlib.metadata import version  # noqa: PLC0415

        return version("quoteattr")
    msg = f"module 'quoteattr' has no attribute {name!r}"
    raise AttributeError(msg)
