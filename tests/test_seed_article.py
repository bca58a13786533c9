"""Acceptance: the article the project was created from (read from ../shared, never copied)."""

from __future__ import annotations

import itertools

import pytest

from quoteattr import (
    AttributionMethod,
    Quote,
    QuoteExtractor,
    QuoteKind,
    Resolution,
    SpeakerKind,
    extract_quotes,
    find_quote_marks,
    speakers,
)
from quoteattr._attribution import Attribution
from quoteattr._layout import DocLayout
from quoteattr._relations import relations_for_doc
from quoteattr._speakers import SpeakerResolver
from quoteattr.lang import profile_for
from shareddata import SHARED

SEED = SHARED / "seeds" / "000_49845cc105cf4106.txt"

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


# Every report a reader would list: (cue, speaker's name, how the content begins).
SEED_REPORTS = [
    ("cautioning", "Antony Blinken", "that Israel risked"),
    ("warned", "Antony Blinken", "that such an operation"),
    ("stated", "Benjamin Netanyahu", "that Israel would proceed"),
    ("asserted", "Benjamin Netanyahu", "that defeating Hamas"),
    ("maintains", "Israel", "that Rafah is"),
    ("contends", "Washington", "that a ground assault"),
    ("argued", "Moscow and Beijing", "it would still not"),
    ("deny", "Hamas and medical staff", "fighters were present"),
    ("report", "Gaza health authorities", "that more than"),
]


@pytest.mark.parametrize(("cue", "name", "opening"), SEED_REPORTS)
def test_seed_reported_speech(
    seed_quotes: tuple[str, list[Quote]], cue: str, name: str, opening: str
) -> None:
    """Each report without quotation marks is INDIRECT, with its cue and resolved speaker."""
    text, quotes = seed_quotes
    (quote,) = [q for q in quotes if q.cue is not None and q.cue.text == cue]
    assert quote.kind is QuoteKind.INDIRECT
    assert quote.text.startswith(opening)
    assert text[quote.start : quote.end] == quote.text
    assert quote.speaker is not None
    assert quote.speaker.name == name


def test_seed_reports_keep_the_quotes(extractor: QuoteExtractor) -> None:
    """Asking only for quotes in marks gives the two quotations and nothing else."""
    text = SEED.read_text(encoding="utf-8")
    quotes = extract_quotes(text, nlp=extractor.nlp, kinds=["direct", "partial"])
    assert [q.kind for q in quotes] == [QuoteKind.DIRECT, QuoteKind.PARTIAL]


def test_seed_reports_in_text_order(seed_quotes: tuple[str, list[Quote]]) -> None:
    """Quotes and reports come in the order of the text, none overlapping another."""
    _text, quotes = seed_quotes
    for before, after in itertools.pairwise(quotes):
        assert before.end <= after.start


@pytest.mark.parametrize(
    ("cue", "pronoun", "name"),
    [("warned", "He", "Antony Blinken"), ("asserted", "he", "Benjamin Netanyahu")],
)
def test_seed_pronoun_speakers_resolve(
    extractor: QuoteExtractor, cue: str, pronoun: str, name: str
) -> None:
    """The pronoun subjects of the seed's reported speech resolve to the right person.

    This asks the resolver directly about the pronoun subject of each cue, whatever the
    rules for reported speech make of the sentence.
    """
    text = SEED.read_text(encoding="utf-8")
    doc = extractor.nlp(text)
    layout = DocLayout(doc, find_quote_marks(text), text)
    resolver = SpeakerResolver(layout, relations_for_doc(doc), profile_for("en"), has_ner=True)
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
