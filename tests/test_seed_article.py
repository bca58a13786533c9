"""Acceptance: the article the project was created from (read from ../shared, never copied)."""

from __future__ import annotations

from pathlib import Path

import pytest

from quoteattr import Quote, QuoteExtractor, QuoteKind, Resolution, SpeakerKind, speakers

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
