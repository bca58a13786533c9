"""The parse leaves spaCy's lemmatizer out; the rules lemmatize the words they read.

Lemmatizing every token costs about 5 % of the parse, and the rules read a few dozen
lemmas an article. The lemmas must be the ones the pipeline's lemmatizer gives.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import pytest
import spacy

from quoteattr import QuoteExtractor, QuoteKind
from quoteattr._pipeline import deferrable_lemmatizer

if TYPE_CHECKING:
    from spacy.language import Language

# A noun cue: the rules know "claims" as the noun "claim" by its lemma alone.
NOUN_CUE = (
    'The mayor repeated her claims that the harbour was "safer than ever" and the ferries '
    "were on time."
)


def blank_with(*components: str, overwrite: bool = False) -> Language:
    nlp = spacy.blank("en")
    for name in components:
        if name == "lemmatizer":
            nlp.add_pipe(name, config={"mode": "lookup", "overwrite": overwrite})
        else:
            nlp.add_pipe(name)
    return nlp


def test_a_spacy_lemmatizer_followed_by_statistical_components_is_deferred() -> None:
    assert deferrable_lemmatizer(blank_with("tagger", "lemmatizer")) == "lemmatizer"
    assert deferrable_lemmatizer(blank_with("tagger", "lemmatizer", "ner")) == "lemmatizer"


@pytest.mark.parametrize(
    ("components", "overwrite"),
    [
        # A rule-based component after it may match on lemmas.
        (("tagger", "lemmatizer", "entity_ruler"), False),
        # One that overwrites every lemma would overwrite the attribute ruler's too.
        (("tagger", "lemmatizer"), True),
        (("tagger", "ner"), False),
    ],
)
def test_the_lemmatizer_runs_in_the_parse_when_deferring_could_change_a_lemma(
    components: tuple[str, ...], *, overwrite: bool
) -> None:
    assert deferrable_lemmatizer(blank_with(*components, overwrite=overwrite)) is None


@pytest.mark.model
def test_quotes_from_text_match_quotes_from_a_fully_processed_doc(
    extractor: QuoteExtractor,
) -> None:
    """The extractor's own parse (lemmatizer left out) and a full ``nlp(text)`` agree."""
    quotes = extractor(NOUN_CUE)
    assert quotes == extractor.from_doc(extractor.nlp(NOUN_CUE))
    assert [(quote.kind, quote.cue.lemma if quote.cue else None) for quote in quotes] == [
        (QuoteKind.MIXED, "claim")
    ]
