"""Acceptance: the article the project was created from (read from ../shared, never copied)."""

from __future__ import annotations

from pathlib import Path

import pytest

from quoteattr import (
    AttributionMethod,
    Quote,
    QuoteExtractor,
    QuoteKind,
    Resolution,
    SpeakerKind,
    find_quote_marks,
    speakers,
)
from quoteattr._attribution import Attribution
from quoteattr._layout import DocLayout
from quoteattr._relations import relations_for_doc
from quoteattr._speakers import SpeakerResolver

SEED = Path(__file__).resolve().parents[2] / "shared" / "seeds" / "000_49845cc105cf4106.txt"

pytestmark = [
    pytest.mark.model,
    pytest.mark.skipif(not SEED.is_file(), reason="the seed article (../shared/seeds) is absent"),
]


@pytest.fixture(scope="module")
def seed_quotes(extractor: QuoteExtractor) -> tuple[str, list[Quote]]:
    text = SEED.read_text(encoding="utf-8")
    return text, extractor(text)


def quote_ending(quotes: list[Quote], ending: str) -> Quote:
    matches = [q for q in quotes if q.text.rstrip().endswith(ending)]
    assert len(matches) == 1, [q.text for q in quotes]
    return matches[0]


def test_blinken_told_reporters(seed_quotes: tuple[str, list[Quote]]) -> None:
    """The quote ending "not the way to do it," is Blinken's (Antony Blinken), cue "told"."""
    _text, quotes = seed_quotes
    quote = quote_ending(quotes, "not the way to do it,")
    assert quote.kind is QuoteKind.DIRECT
    assert quote.speaker is not None
    assert quote.speaker.text == "Blinken"
    assert quote.speaker.name == "Antony Blinken"
    assert quote.cue is not None
    assert quote.cue.text == "told"


def test_biden_criticizing_over_the_top(seed_quotes: tuple[str, list[Quote]]) -> None:
    """ "over the top" is PARTIAL, said by Joe Biden, cue "criticizing"."""
    _text, quotes = seed_quotes
    quote = quote_ending(quotes, "over the top")
    assert quote.kind is QuoteKind.PARTIAL
    assert quote.speaker is not None
    assert quote.speaker.text in {"Joe Biden", "U.S. President Joe Biden"}
    assert quote.speaker.name == "Joe Biden"
    assert quote.cue is not None
    assert quote.cue.text == "criticizing"


def test_offsets_slice_back(seed_quotes: tuple[str, list[Quote]]) -> None:
    """Every offset in the seed's quotes indexes the original text."""
    text, quotes = seed_quotes
    assert quotes
    for quote in quotes:
        assert text[quote.start : quote.end] == quote.text


def test_seed_speakers_are_entities_with_titles(seed_quotes: tuple[str, list[Quote]]) -> None:
    """Blinken and Biden are two people, each with the office the article gives them."""
    _text, quotes = seed_quotes
    entities = {entity.name: entity for entity in speakers(quotes)}
    blinken, biden = entities["Antony Blinken"], entities["Joe Biden"]
    assert (blinken.kind, blinken.title) == (SpeakerKind.PERSON, "U.S. Secretary of State")
    assert (biden.kind, biden.title) == (SpeakerKind.PERSON, "U.S. President")
    assert blinken.entity_id != biden.entity_id
    told = quote_ending(quotes, "not the way to do it,")
    assert told.speaker is not None
    assert told.speaker.resolution is Resolution.ALIAS


@pytest.mark.parametrize(
    ("cue", "pronoun", "name"),
    [("warned", "He", "Antony Blinken"), ("asserted", "he", "Benjamin Netanyahu")],
)
def test_seed_pronoun_speakers_resolve(
    extractor: QuoteExtractor, cue: str, pronoun: str, name: str
) -> None:
    """The pronoun subjects of the seed's reported speech resolve to the right person.

    Those reports have no quotation marks (indirect speech comes with its own rules), so
    this asks the resolver directly about the pronoun subject of each cue.
    """
    text = SEED.read_text(encoding="utf-8")
    doc = extractor.nlp(text)
    layout = DocLayout(doc, find_quote_marks(text), text)
    resolver = SpeakerResolver(layout, relations_for_doc(doc), has_ner=True)
    (subject,) = [t for t in doc if t.text == pronoun and t.head.text == cue]
    attribution = Attribution(
        cue_first=subject.head.i,
        cue_stop=subject.head.i + 1,
        lemma=subject.head.lemma_,
        method=AttributionMethod.CUE_BEFORE,
        speaker_head=subject.i,
        speaker_first=subject.i,
        speaker_stop=subject.i + 1,
    )
    speaker = resolver.speaker(attribution)
    assert (speaker.name, speaker.resolution) == (name, Resolution.PRONOUN)
