"""End to end: text in, attributed quotes out, with an installed pipeline.

The sentences are our own; each test pins one construction from the attribution rules.
"""

from __future__ import annotations

import json
import pickle

import attrs
import pytest

from quoteattr import (
    AttributionMethod,
    Quote,
    QuoteExtractor,
    QuoteKind,
    Resolution,
    SpeakerKind,
    extract_quotes,
)

pytestmark = pytest.mark.model


def attributed(extractor: QuoteExtractor, text: str) -> list[tuple[str, str | None, str | None]]:
    """(quote text, speaker mention, cue lemma) for each quote."""
    return [
        (q.text, q.speaker.text if q.speaker else None, q.cue.lemma if q.cue else None)
        for q in extractor(text)
    ]


def same_speaker_continued(before: Quote, after: Quote) -> bool:
    """*after* continues *before*: the same mention and entity, resolved by continuation."""
    assert before.speaker is not None
    assert after.speaker is not None
    continued = attrs.evolve(before.speaker, resolution=Resolution.CONTINUATION)
    return after.speaker == continued


def first(extractor: QuoteExtractor, text: str) -> Quote:
    quotes = extractor(text)
    assert quotes, f"no quote found in {text!r}"
    return quotes[0]


def test_quote_then_speaker_and_cue(extractor: QuoteExtractor) -> None:
    """ "…," Okafor told reporters: speaker Okafor, cue tell, a DIRECT quote."""
    quote = first(extractor, '"The repairs will be finished by spring," Okafor told reporters.')
    assert quote.text == "The repairs will be finished by spring,"
    assert quote.kind is QuoteKind.DIRECT
    assert quote.method is AttributionMethod.CUE_AFTER
    assert quote.speaker is not None
    assert quote.speaker.text == "Okafor"
    assert quote.cue is not None
    assert (quote.cue.text, quote.cue.lemma) == ("told", "tell")


def test_inverted_cue_with_appositive(extractor: QuoteExtractor) -> None:
    """ "…," said Okafor, the minister for ports: the mention keeps its apposition."""
    quote = first(
        extractor, '"We cannot wait another winter," said Okafor, the minister for ports.'
    )
    assert quote.speaker is not None
    assert quote.speaker.text == "Okafor, the minister for ports"
    assert quote.cue is not None
    assert quote.cue.lemma == "say"


def test_appositive_between_speaker_and_cue(extractor: QuoteExtractor) -> None:
    """ "…," Okafor, the minister for ports, said: the insertion belongs to the speaker."""
    quote = first(extractor, '"It is done," Okafor, the minister for ports, said on Friday.')
    assert quote.speaker is not None
    assert quote.speaker.text == "Okafor, the minister for ports"
    assert quote.cue is not None
    assert quote.cue.text == "said"


def test_cue_before_the_quote_with_colon(extractor: QuoteExtractor) -> None:
    """Okafor said: "…" — the reporting clause introduces the quote."""
    quote = first(extractor, 'Okafor said: "Every week of delay costs the town money."')
    assert quote.method is AttributionMethod.CUE_BEFORE
    assert quote.kind is QuoteKind.DIRECT
    assert quote.speaker is not None
    assert quote.speaker.text == "Okafor"


def test_quote_in_two_pieces_shares_speaker_and_cue(extractor: QuoteExtractor) -> None:
    """ "A," she said, "B." is two quotes with the same speaker and cue."""
    text = 'Teresa Okafor spoke. "Nobody wants this," she said, "but the bridge must close."'
    first_piece, second_piece = extractor(text)
    assert first_piece.speaker is not None
    assert first_piece.speaker.text == "she"
    assert first_piece.speaker.name == "Teresa Okafor"
    assert second_piece.speaker == first_piece.speaker
    assert second_piece.cue == first_piece.cue


def test_continuation_inherits_the_speaker(extractor: QuoteExtractor) -> None:
    """ "…," he said. "More words." — the second quote carries the speaker over."""
    text = '"We tried everything," Brandt said. "Nothing worked."'
    quotes = extractor(text)
    assert len(quotes) == 2
    assert quotes[1].method is AttributionMethod.CONTINUATION
    assert same_speaker_continued(quotes[0], quotes[1])


def test_continuation_reaches_into_the_next_paragraph(extractor: QuoteExtractor) -> None:
    """A quote opening the next paragraph, with no reporting clause, is the same speaker's."""
    text = '"We tried everything," Brandt said.\n\n"Nothing worked, and nobody listened."'
    quotes = extractor(text)
    assert len(quotes) == 2
    assert same_speaker_continued(quotes[0], quotes[1])


@pytest.mark.parametrize(
    "text",
    [
        # A quote opening its sentence, the reporter's words ending it: still the same voice.
        (
            '"We tried everything," Brandt said. "None of the three pumps could keep the lower '
            'fields dry this spring" or the spring before.'
        ),
        # The stop of a rank's abbreviation ends no sentence between the two quotes.
        (
            '"The pumps failed twice," said Army Capt. Lena Mwangi, who ran the crossing. '
            '"Nobody could reach the lower valve in time."'
        ),
    ],
    ids=["quote-opens-the-reporters-sentence", "abbreviated-rank-in-the-clause"],
)
def test_continuation_carries_the_speaker_over(extractor: QuoteExtractor, text: str) -> None:
    """The second quote, with no reporting clause of its own, continues the first."""
    quotes = extractor(text)
    assert len(quotes) == 2
    assert quotes[1].method is AttributionMethod.CONTINUATION
    assert same_speaker_continued(quotes[0], quotes[1])


def test_second_piece_of_a_quote_split_by_its_reporting_clause(extractor: QuoteExtractor) -> None:
    """``"The risk," said X, who …, "is that …."``: the piece after the clause is X's too."""
    text = (
        '"The risk," said Nadia Ferro, an economist who is the head of the institute, "is that '
        'we keep building on the flood plain."'
    )
    first_piece, second_piece = extractor(text)
    assert first_piece.speaker is not None
    assert second_piece.speaker is not None
    assert second_piece.speaker.text == first_piece.speaker.text
    assert second_piece.cue == first_piece.cue


def test_short_fragment_opening_a_sentence_is_not_continued(extractor: QuoteExtractor) -> None:
    """A short quoted name opening the reporter's sentence is nobody's continuation."""
    text = '"We tried everything," Brandt said. "Lower fields" flooded twice in May.'
    quotes = extractor(text)
    assert quotes[-1].text == "Lower fields"
    assert quotes[-1].speaker is None


def test_reporter_sentence_between_quotes_stops_the_continuation(
    extractor: QuoteExtractor,
) -> None:
    """A sentence of the reporter's own between two quotes breaks the chain."""
    text = (
        '"We tried everything," Brandt said.\n\nThe council met again in March.\n\n'
        '"Nothing worked."'
    )
    quotes = extractor(text)
    assert quotes[-1].speaker is None


def test_inverted_subject_after_a_cue_before_the_quote(extractor: QuoteExtractor) -> None:
    """``In other words, explained X: "…"``: the parse's subject X, not the adverbial's noun."""
    quote = first(
        extractor,
        'In other words, explained moderator Mara Lindqvist: "What does the bridge have to do '
        'with taxes?"',
    )
    assert quote.speaker is not None
    assert quote.speaker.name == "Mara Lindqvist"


def test_according_to(extractor: QuoteExtractor) -> None:
    """According to the port authority, "…" — the object of "to" speaks."""
    quote = first(extractor, 'According to the port authority, "the crane is older than the pier."')
    assert quote.method is AttributionMethod.ACCORDING_TO
    assert quote.speaker is not None
    assert quote.speaker.text == "the port authority"
    assert quote.cue is not None
    assert quote.cue.lemma == "according to"


def test_quoted_as_saying(extractor: QuoteExtractor) -> None:
    """X was quoted as saying "…" — X is the speaker, the quote DIRECT."""
    quote = first(
        extractor, 'The mayor, Lukas Brandt, was quoted as saying "the council backs the plan."'
    )
    assert quote.method is AttributionMethod.QUOTED_AS_SAYING
    assert quote.kind is QuoteKind.DIRECT
    assert quote.speaker is not None
    assert quote.speaker.name == "Lukas Brandt"


def test_partial_quote_governed_by_its_cue(extractor: QuoteExtractor) -> None:
    """Criticizing the plan as "reckless" — a PARTIAL quote, speaker the subject."""
    text = 'The minister, Teresa Okafor, criticized the plan as "reckless" on Tuesday.'
    quote = first(extractor, text)
    assert quote.text == "reckless"
    assert quote.kind is QuoteKind.PARTIAL
    assert quote.cue is not None
    assert quote.cue.lemma == "criticize"
    assert quote.speaker is not None
    assert quote.speaker.name == "Teresa Okafor"


def test_coordinated_speakers(extractor: QuoteExtractor) -> None:
    """Residents and shop owners argued that "…" — one mention covering both."""
    quote = first(
        extractor, 'Residents and shop owners argued that "the closure will empty the street."'
    )
    assert quote.speaker is not None
    assert quote.speaker.text == "Residents and shop owners"
    # Described sources are named by their phrase; a coordination lists its members.
    assert quote.speaker.name == "Residents and shop owners"
    assert quote.speaker.kind is SpeakerKind.GROUP
    assert quote.speaker.parts == ("Residents", "shop owners")
    assert quote.cue is not None
    assert quote.cue.lemma == "argue"


def test_surname_resolves_to_the_full_name(extractor: QuoteExtractor) -> None:
    """A surname takes the full name seen earlier, without its titles."""
    text = (
        "Harbour Minister Teresa Okafor visited the docks on Monday.\n\n"
        '"The repairs will be finished by spring," Okafor told reporters.'
    )
    quote = first(extractor, text)
    assert quote.speaker is not None
    assert quote.speaker.text == "Okafor"
    assert quote.speaker.name == "Teresa Okafor"


def test_pronoun_resolves_to_the_recent_person(extractor: QuoteExtractor) -> None:
    """ "he" takes the most recent person in subject position."""
    text = (
        'Lukas Brandt thanked Teresa Okafor for her patience.\n\n"This took far too long," he said.'
    )
    quote = first(extractor, text)
    assert quote.speaker is not None
    assert quote.speaker.text == "he"
    assert quote.speaker.name == "Lukas Brandt"


def test_scare_quotes_have_no_speaker(extractor: QuoteExtractor) -> None:
    """A quoted word with no reporting verb is returned, unattributed."""
    quote = first(extractor, 'The so-called "fast lane" opened in June.')
    assert quote.text == "fast lane"
    assert quote.speaker is None
    assert quote.cue is None
    assert quote.method is None


def test_nested_quote_belongs_to_the_outer_one(extractor: QuoteExtractor) -> None:
    """A quote inside a quote is part of the outer quote, not a quote of its own."""
    text = "“He called it ‘a farce’ and left,” Okafor said."
    assert attributed(extractor, text) == [("He called it ‘a farce’ and left,", "Okafor", "say")]


def test_offsets_slice_back_to_the_text(extractor: QuoteExtractor) -> None:
    """Every quote, speaker and cue is a slice of the caller's string."""
    text = "Intro.\r\n\r\n  “Café prices – up 20%,” said Zoë Ortiz,\u00a0the owner. 🙂"
    for quote in extractor(text):
        assert text[quote.start : quote.end] == quote.text
        if quote.speaker is not None:
            assert text[quote.speaker.start : quote.speaker.end] == quote.speaker.text
        if quote.cue is not None:
            assert text[quote.cue.start : quote.cue.end] == quote.cue.text


def test_lone_surrogates_are_parsed_and_kept(extractor: QuoteExtractor) -> None:
    """A lone surrogate (a valid str character spaCy cannot store) neither raises nor shifts."""
    text = '"It is done \ud800," Okafor\udfff said.'
    quote = first(extractor, text)
    assert quote.text == "It is done \ud800,"
    assert quote.speaker is not None
    assert text[quote.speaker.start : quote.speaker.end] == quote.speaker.text
    assert list(extractor.pipe([text])) == [extractor(text)]


def test_text_without_quotes_gives_nothing(extractor: QuoteExtractor) -> None:
    """No quotation marks, no quotes (and no parse needed)."""
    assert extractor("The council met on Tuesday. It adjourned at noon.") == []
    assert extractor("") == []
    assert extractor("   \n\n ") == []


def test_results_serialise_to_json_and_pickle(extractor: QuoteExtractor) -> None:
    """to_dict() is JSON-safe; quotes pickle and compare equal."""
    quotes = extractor('"It is done," Okafor said.')
    payload = json.loads(json.dumps([q.to_dict() for q in quotes]))
    assert payload[0]["kind"] == "direct"
    assert payload[0]["method"] == "cue_after"
    assert payload[0]["speaker"]["text"] == "Okafor"
    assert pickle.loads(pickle.dumps(quotes)) == quotes


def test_pipe_matches_single_calls(extractor: QuoteExtractor) -> None:
    """pipe() yields, in input order, what calling the extractor one text at a time gives."""
    texts = [
        '"It is done," Okafor said.',
        "No quotes here.",
        "",
        'Brandt said: "We will see."',
    ]
    assert list(extractor.pipe(texts, batch_size=2)) == [extractor(t) for t in texts]


# Worker processes are plumbing, the same for any parse: the default pipeline is enough.
def test_pipe_with_two_processes_matches(default_extractor: QuoteExtractor) -> None:
    """Parsing in two worker processes gives the same results, in order."""
    texts = ['"It is done," Okafor said.', "Nothing.", 'Brandt said: "We will see."'] * 3
    assert list(default_extractor.pipe(texts, n_process=2, batch_size=2)) == [
        default_extractor(t) for t in texts
    ]


def test_from_doc_matches_the_text_call(extractor: QuoteExtractor) -> None:
    """A Doc the caller parsed gives the same quotes as the text."""
    text = '"It is done," Okafor said. The council met.'
    assert extractor.from_doc(extractor.nlp(text)) == extractor(text)


def test_extract_quotes_uses_a_named_pipeline(extractor: QuoteExtractor) -> None:
    """extract_quotes(text, nlp=name) loads that pipeline once and reuses it."""
    name = extractor.nlp.meta["lang"] + "_" + extractor.nlp.meta["name"]
    text = '"It is done," Okafor said.'
    assert extract_quotes(text, nlp=name) == extractor(text)
    assert extract_quotes(text, nlp=extractor.nlp) == extractor(text)


# -- mechanisms added while measuring on PolNeAR (issue 3) -------------------------------


def test_cue_after_that_the_parser_hung_as_a_relative_clause(extractor: QuoteExtractor) -> None:
    """ "…,'' he complained: a pronoun subject makes the cue the reporting clause."""
    text = "The mayor felt slighted. ''That was no way to treat a guest,'' he complained."
    quote = first(extractor, text)
    assert quote.speaker is not None
    assert quote.speaker.text == "he"
    assert quote.cue is not None
    assert quote.cue.lemma == "complain"


def test_participle_before_the_quote_takes_the_clause_subject(extractor: QuoteExtractor) -> None:
    """X wrote to members, telling them, "…": the participle's speaker is the clause's."""
    text = (
        "Wanda Ilse, treasurer of the rowing club, wrote to members on Monday, "
        'telling them, "The boathouse roof will be mended."'
    )
    quote = first(extractor, text)
    assert quote.method is AttributionMethod.CUE_BEFORE
    assert quote.speaker is not None
    assert quote.speaker.text.startswith("Wanda Ilse")
    assert quote.cue is not None
    assert quote.cue.text == "telling"


def test_colon_after_a_clause_without_a_reporting_verb(extractor: QuoteExtractor) -> None:
    """She turned to the crowd: "…" — the clause's subject speaks; its verb is the cue."""
    quote = first(extractor, 'Okafor turned to the crowd: "We start at dawn. Bring gloves."')
    assert quote.method is AttributionMethod.COLON_CLAUSE
    assert quote.kind is QuoteKind.DIRECT
    assert quote.speaker is not None
    assert quote.speaker.text == "Okafor"
    assert quote.cue is not None
    assert quote.cue.text == "turned"


def test_dash_byline_after_the_quote(extractor: QuoteExtractor) -> None:
    """ "…" ― Name, on its own line: the dash is the cue (glued to the mark or not)."""
    text = "“The bus never comes on time.”― Ilse Marren\n\n“We need more trains.” — Tom Okafor.\n"
    quotes = extractor(text)
    assert [(q.speaker.text if q.speaker else None) for q in quotes] == [
        "Ilse Marren",
        "Tom Okafor",
    ]
    assert all(q.method is AttributionMethod.BYLINE for q in quotes)
    assert [q.cue.text.lstrip("”") if q.cue else None for q in quotes] == ["―", "—"]


def test_a_dash_inside_a_sentence_is_no_byline(extractor: QuoteExtractor) -> None:
    """ "…" — and then a clause with a verb is not a signature."""
    quote = first(extractor, '"Not again." — the crowd groaned when the lights went out.')
    assert quote.method is not AttributionMethod.BYLINE


def test_show_titles_are_not_utterances(extractor: QuoteExtractor) -> None:
    """A programme named in marks is nobody's quote; the next quote still continues."""
    text = (
        '"We will hold the line," Okafor said on Channel 9\'s "Morning Report." '
        '"Nobody should doubt it."'
    )
    quotes = extractor(text)
    assert [q.text for q in quotes] == [
        "We will hold the line,",
        "Morning Report.",
        "Nobody should doubt it.",
    ]
    title = quotes[1]
    assert (title.speaker, title.cue, title.method) == (None, None, None)
    assert quotes[2].method is AttributionMethod.CONTINUATION
    assert same_speaker_continued(quotes[0], quotes[2])


@pytest.mark.parametrize(
    "text",
    [
        (
            'Ines admired strong rulers - "He would have loved the old empire," her brother said '
            "twice - and she never denied it."
        ),
        'Some members were angry ("I want my dues back," wrote Tomas Brandt, a baker) and left.',
    ],
)
def test_quote_and_its_clause_set_off_by_dashes_or_brackets_is_an_utterance(
    extractor: QuoteExtractor, text: str
) -> None:
    """``- "…," X said -``: a whole utterance, not part of a report of the sentence around it."""
    quotes = extractor(text)
    [quote] = [q for q in quotes if q.kind is QuoteKind.DIRECT]
    assert quote.method is AttributionMethod.CUE_AFTER
    assert not [q for q in quotes if q.kind is QuoteKind.MIXED]


@pytest.mark.parametrize(
    "text",
    [
        'The troupe staged a comedy called "Sons of the Harbor," and the critics told Okafor.',
        'In her 2019 memoir, "A Quiet Harbor," Okafor said little about the strike.',
        'In an interview with "Morning Harbor Live," Okafor said the pier would reopen.',
        'The banner at the rally, <img alt="Harbor Pride Day"> said Okafor.',
    ],
)
def test_names_of_works_and_markup_values_are_not_utterances(
    extractor: QuoteExtractor, text: str
) -> None:
    """A work named after "called", after "memoir," or "with", or a markup value: no speaker."""
    named = [
        quote
        for quote in extractor(text)
        if quote.text.strip(" ,.").startswith(("Sons", "A Quiet", "Morning", "Harbor"))
    ]
    assert named
    assert all(quote.speaker is None and quote.method is None for quote in named)


def test_a_capitalised_quote_used_as_a_modifier_is_a_name(extractor: QuoteExtractor) -> None:
    """the "Green Wave" campaign: a name modifying a noun, not something said."""
    quote = first(extractor, 'Okafor launched the "Green Wave" campaign in March.')
    assert quote.speaker is None
    assert quote.method is None


def test_confidence_is_the_measured_precision_of_the_method(extractor: QuoteExtractor) -> None:
    """Attributed quotes carry their method's precision; unattributed ones carry none."""
    quotes = extractor('"It is done," Okafor said. She watched "Morning Report" on Channel 9.')
    attributed_quote, title = quotes
    assert attributed_quote.confidence is not None
    assert 0.5 < attributed_quote.confidence <= 1.0
    assert title.confidence is None


# Each case: a construction where the parse misleads, and the speaker and cue a reader sees.
SPEAKER_AND_CUE_CASES = [
    pytest.param(
        'The mayor released a statement Thursday night condemning the attack: "A dark day."',
        "The mayor",
        "condemning",
        id="a time word the parser made the subject is no speaker",
    ),
    pytest.param(
        'Under what Okafor called "the old model," the club charged members a fee.',
        "Okafor",
        "called",
        id="a cue against the opening mark wins over a later clause",
    ),
    pytest.param(
        'The rebels held the bridge for a 30-minute stretch: "We will not leave."',
        "The rebels",
        "held",
        id="a hyphen inside a word does not set off a name before a colon",
    ),
    pytest.param(
        'Okafor spoke last. He adds that voters have two choices: "Stay or go."',
        "He",
        "adds",
        id="a colon clause inside a report belongs to the reporter",
    ),
    pytest.param(
        "After the vote, Speaker of the Council Rep. Tom Reed (R-OH) said "
        "“these images have no place in a campaign.”",
        "Speaker of the Council Rep. Tom Reed (R-OH)",
        "said",
        id="a mention leaves out an opening phrase and keeps its parenthesis",
    ),
    pytest.param(
        '"We expect a long winter," Ana Ruiz, a former United States envoy to Peru, said.',
        "Ana Ruiz, a former United States envoy to Peru",
        "said",
        id="a word of a place name is never the cue",
    ),
]


@pytest.mark.parametrize(("text", "speaker", "cue"), SPEAKER_AND_CUE_CASES)
def test_speaker_and_cue_where_the_parse_misleads(
    extractor: QuoteExtractor, text: str, speaker: str, cue: str
) -> None:
    quote = first(extractor, text)
    assert quote.speaker is not None
    assert quote.cue is not None
    assert (quote.speaker.text, quote.cue.text) == (speaker, cue)
