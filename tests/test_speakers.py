"""Who a speaker is across the document: names, titles, pronouns, groups and entity ids.

The texts are our own; each pins one resolution a reader of the output relies on.
"""

from __future__ import annotations

import json

import pytest

from quoteattr import (
    Quote,
    QuoteExtractor,
    QuoteKind,
    Resolution,
    Speaker,
    SpeakerEntity,
    SpeakerKind,
    speakers,
)

pytestmark = pytest.mark.model


def identities(extractor: QuoteExtractor, text: str) -> list[tuple[str | None, ...]]:
    """(mention, name, kind, resolution) for each quote's speaker."""
    rows: list[tuple[str | None, ...]] = []
    for quote in extractor(text):
        speaker = quote.speaker
        assert speaker is not None, f"no speaker for {quote.text!r}"
        resolution = speaker.resolution.value if speaker.resolution else None
        rows.append((speaker.text, speaker.name, speaker.kind.value, resolution))
    return rows


def test_two_people_with_one_surname_are_told_apart_by_their_titles(
    extractor: QuoteExtractor,
) -> None:
    text = (
        "Bill Harmon ran the port for a decade. His sister, Jane Harmon, now chairs the board. "
        '"We will not sell," Ms. Harmon said. "The port is not for sale," Mr. Harmon added.'
    )
    assert identities(extractor, text) == [
        ("Ms. Harmon", "Jane Harmon", "person", "alias"),
        ("Mr. Harmon", "Bill Harmon", "person", "alias"),
    ]
    first, second = extractor(text)
    assert first.speaker is not None
    assert second.speaker is not None
    assert first.speaker.entity_id != second.speaker.entity_id


def test_a_pronoun_after_someone_elses_quote_means_the_new_subject(
    extractor: QuoteExtractor,
) -> None:
    text = (
        '"The budget is balanced," Mayor Ida Brenner said. Tom Okafor, the treasurer, '
        'disagreed. "It is not," he said.'
    )
    assert identities(extractor, text)[1] == ("he", "Tom Okafor", "person", "pronoun")


def test_she_with_two_candidate_women_follows_the_latest_subject(
    extractor: QuoteExtractor,
) -> None:
    text = (
        "Ida Brenner and Ana Ruiz met on Monday. Brenner spoke first. "
        '"We have a plan," she said. Ruiz nodded. "It will work," she said.'
    )
    names = [row[1] for row in identities(extractor, text)]
    assert names == ["Ida Brenner", "Ana Ruiz"]


def test_an_organisation_speaks_and_it_refers_back_to_it(extractor: QuoteExtractor) -> None:
    text = (
        '"We reject the proposal," the Harbour Authority said in a statement. '
        '"It would ruin the coast," it added.'
    )
    assert identities(extractor, text) == [
        ("the Harbour Authority", "Harbour Authority", "org", "mention"),
        ("it", "Harbour Authority", "org", "pronoun"),
    ]


def test_a_title_given_once_names_the_person_later(extractor: QuoteExtractor) -> None:
    text = (
        "Port Secretary Antony Marren arrived on Tuesday. "
        '"We share the goal," Marren told reporters. "But not the method," the secretary added.'
    )
    quotes = extractor(text)
    assert [q.speaker.name if q.speaker else None for q in quotes] == ["Antony Marren"] * 2
    assert [q.speaker.title if q.speaker else None for q in quotes] == ["Port Secretary"] * 2
    assert quotes[0].speaker is not None
    assert quotes[1].speaker is not None
    assert quotes[0].speaker.entity_id == quotes[1].speaker.entity_id


def test_a_title_in_apposition_is_the_speakers_title(extractor: QuoteExtractor) -> None:
    text = 'Tobias Renner, the harbour master, spoke first. "We are ready," Renner said.'
    quote = extractor(text)[0]
    assert quote.speaker is not None
    assert (quote.speaker.name, quote.speaker.title) == ("Tobias Renner", "harbour master")


def test_anonymous_and_group_sources_stay_speakers(extractor: QuoteExtractor) -> None:
    text = (
        '"The talks are stalled," a source familiar with the negotiations said. '
        '"Nothing moves," officials said.'
    )
    assert identities(extractor, text) == [
        (
            "a source familiar with the negotiations",
            "source familiar with the negotiations",
            "anonymous",
            "mention",
        ),
        ("officials", "officials", "group", "mention"),
    ]


def test_coordinated_speakers_are_one_speaker_with_parts(extractor: QuoteExtractor) -> None:
    quote = extractor('"Both plans are wrong," Moscow and Beijing argued.')[0]
    assert quote.speaker is not None
    assert quote.speaker.kind is SpeakerKind.GROUP
    assert quote.speaker.parts == ("Moscow", "Beijing")


def test_a_spokesperson_speaks_for_the_person_the_pronoun_means(
    extractor: QuoteExtractor,
) -> None:
    text = 'Senator Ruth Elland criticised the plan. "It is reckless," her spokesperson said.'
    quote = extractor(text)[0]
    assert quote.speaker is not None
    assert quote.speaker.name == "spokesperson for Ruth Elland"
    assert quote.speaker.kind is SpeakerKind.ANONYMOUS
    assert quote.speaker.resolution is Resolution.PRONOUN


def test_speakers_groups_quotes_by_entity_in_order_of_appearance(
    extractor: QuoteExtractor,
) -> None:
    text = (
        "Mayor Ida Brenner and treasurer Tom Okafor arrived late. "
        '"We begin," Ms. Brenner said. "Too late," Mr. Okafor replied. '
        '"We begin anyway," she said.'
    )
    entities = speakers(extractor(text))
    assert [(e.name, len(e.quotes)) for e in entities] == [("Ida Brenner", 2), ("Tom Okafor", 1)]
    # "Ms." and "Mr." are what tell "she" apart: the text shows both genders.
    assert entities[0].mentions == ("Ms. Brenner", "she")
    assert entities[0].title == "Mayor"
    json.dumps([entity.to_dict() for entity in entities])


def test_speakers_keeps_unidentified_speakers_apart() -> None:
    anonymous = [
        Quote("Yes", 1, 4, kind=_DIRECT, speaker=Speaker("he", 10, 12)),
        Quote("No", 20, 22, kind=_DIRECT, speaker=Speaker("he", 30, 32)),
        Quote("Maybe", 40, 45, kind=_DIRECT),
    ]
    entities = speakers(anonymous)
    assert [len(entity.quotes) for entity in entities] == [1, 1]
    assert all(entity.entity_id is None for entity in entities)
    assert all(isinstance(entity, SpeakerEntity) for entity in entities)


def test_speakers_refuses_what_is_not_a_quote() -> None:
    with pytest.raises(TypeError, match="dict"):
        speakers([{"text": "Yes"}])  # type: ignore[list-item]


_DIRECT = QuoteKind.DIRECT


def test_pronouns_in_the_text_show_a_persons_gender(extractor: QuoteExtractor) -> None:
    """ "her plan" shows Ruiz is a woman, so the later "she" passes over Okafor."""
    text = (
        "Ana Ruiz presented her plan on Monday. Tom Okafor questioned it. "
        '"The plan is sound," she said.'
    )
    assert identities(extractor, text) == [("she", "Ana Ruiz", "person", "pronoun")]


def test_they_means_the_group_that_was_the_subject(extractor: QuoteExtractor) -> None:
    text = 'Officials met on Monday. "We are ready," they said.'
    assert identities(extractor, text) == [("they", "Officials", "group", "pronoun")]


def test_places_and_organisations_speak(extractor: QuoteExtractor) -> None:
    text = (
        '"This is a mistake," Israel maintains. "We disagree," Washington contends. '
        '"We will respond," the White House said.'
    )
    assert [row[1:3] for row in identities(extractor, text)] == [
        ("Israel", "place"),
        ("Washington", "place"),
        ("White House", "org"),
    ]


def test_the_countrys_leader_is_the_person_whose_title_names_the_country(
    extractor: QuoteExtractor,
) -> None:
    text = (
        "Valdorian Prime Minister Ana Ruiz flew in on Monday. "
        '"We will sign," the Valdorian leader said.'
    )
    assert identities(extractor, text) == [("the Valdorian leader", "Ana Ruiz", "person", "alias")]
