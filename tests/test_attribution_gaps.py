"""Attribution gaps the small pipelines opened (issue 19), pinned on both label schemes.

Each sentence is written for these tests; every test runs on the ClearNLP pipeline
(en_core_web_sm) and on the Universal Dependencies one (en_ud_sm), skipping one not installed.
"""

from __future__ import annotations

import pytest

from quoteattr import ModelNotFoundError, Quote, QuoteExtractor

pytestmark = pytest.mark.model

_PIPELINES = ["en_core_web_sm", "en_ud_sm"]


@pytest.fixture(scope="module", params=_PIPELINES)
def gap_extractor(request: pytest.FixtureRequest) -> QuoteExtractor:
    """An extractor over each pipeline in turn."""
    spacy = pytest.importorskip("spacy")
    name: str = request.param
    if not spacy.util.is_package(name):
        pytest.skip(f"{name} is not installed")
    try:
        return QuoteExtractor(spacy.load(name))
    except (OSError, ModelNotFoundError) as error:
        pytest.skip(f"{name} cannot be loaded: {error}")


def _only(quotes: list[Quote]) -> Quote:
    assert len(quotes) == 1, quotes
    return quotes[0]


def test_given_name_missed_by_ner_stays_in_name(gap_extractor: QuoteExtractor) -> None:
    """A capitalised given name that is no known title is part of the name, not a title."""
    quote = _only(gap_extractor("Ida Brenner said the pier would reopen."))
    assert quote.speaker is not None
    assert quote.speaker.name == "Ida Brenner"
    assert quote.speaker.title is None


@pytest.mark.parametrize(
    ("text", "speaker", "name"),
    [
        (
            '"We did our best," said Blessing Okafor, a spokesman for the port, adding it will.',
            "Blessing Okafor, a spokesman for the port",
            "Blessing Okafor",
        ),
        (
            '"The repairs took longer than hoped," said retired engineer Tom Vesk, asked why.',
            "retired engineer Tom Vesk",
            "Tom Vesk",
        ),
    ],
    ids=["given-name-tagged-verb", "participle-before-name"],
)
def test_inverted_clause_keeps_misread_speaker(
    gap_extractor: QuoteExtractor, text: str, speaker: str, name: str
) -> None:
    """``"…," said <name the tagger misreads>, <apposition>`` still names its speaker."""
    quote = gap_extractor(text)[0]
    assert quote.cue is not None
    assert quote.cue.text == "said"
    assert quote.speaker is not None
    assert quote.speaker.text == speaker
    assert quote.speaker.name == name


def test_colon_after_predicate_names_subject(gap_extractor: QuoteExtractor) -> None:
    """``The coach was blunt: "…"``: the subject of the predicate before the colon speaks."""
    quote = _only(gap_extractor('The coach was blunt: "We played badly and deserved to lose."'))
    assert quote.speaker is not None
    assert quote.speaker.text == "The coach"


@pytest.mark.parametrize(
    "text",
    [
        'The minister was quoted as saying, "We have no plans to raise taxes."',
        '"We have no plans to raise taxes," the minister was quoted as saying.',
    ],
    ids=["before", "after"],
)
def test_quoted_as_saying_is_one_cue(gap_extractor: QuoteExtractor, text: str) -> None:
    """The cue of ``was quoted as saying`` is the whole phrase, and the one quoted speaks."""
    quote = _only(gap_extractor(text))
    assert quote.cue is not None
    assert quote.cue.text == "was quoted as saying"
    assert quote.speaker is not None
    assert quote.speaker.text.lower() == "the minister"
    assert quote.kind.value == "direct"


def test_description_then_name_resolves_to_name(gap_extractor: QuoteExtractor) -> None:
    """``said the French envoy, Claire Martin``: the speaker is named by the apposition."""
    quote = _only(gap_extractor('"We will talk in spring," said the French envoy, Claire Martin.'))
    assert quote.speaker is not None
    assert quote.speaker.text == "the French envoy, Claire Martin"
    assert quote.speaker.name == "Claire Martin"


def test_signature_on_the_next_line(gap_extractor: QuoteExtractor) -> None:
    """A quote filling its paragraph, signed ``- Name.`` on the next line, is that person's."""
    quote = _only(gap_extractor('"The repairs took longer than we hoped."\n\n- Ida Brenner.\n'))
    assert quote.speaker is not None
    assert quote.speaker.text == "Ida Brenner"
    assert quote.method is not None
    assert quote.method.value == "byline"


def test_occupation_the_tagger_calls_a_verb_stays_in_the_speaker(
    gap_extractor: QuoteExtractor,
) -> None:
    """``"…," screenwriter Lena Okafor said``: a compound word tagged a verb is a noun."""
    quote = _only(
        gap_extractor(
            '"Nobody told us the dam was this old," screenwriter Lena Okafor said on Monday.'
        )
    )
    assert quote.speaker is not None
    assert quote.speaker.text == "screenwriter Lena Okafor"
    assert quote.cue is not None
    assert quote.cue.text == "said"


def test_quote_ending_in_a_nested_quote_is_a_whole_utterance(
    gap_extractor: QuoteExtractor,
) -> None:
    """``"… you called 'miracles,'" she said``: the comma inside the nested marks ends it.

    The quote is whole, so the clause after it names the speaker, and the next quote goes on
    with that voice, not with the clause before the colon.
    """
    quotes = gap_extractor(
        'Senator Jane Roe scolded him: "The experts doubt the three cures you called '
        '\'miracles,\'" she said. "I do not see why you need to go there."'
    )
    assert [quote.kind.value for quote in quotes] == ["direct", "direct"]
    for quote in quotes:
        assert quote.speaker is not None
        assert quote.speaker.text == "she"
        assert quote.cue is not None
        assert quote.cue.text == "said"


def test_reporting_clause_after_the_quote_beats_a_bare_colon(
    gap_extractor: QuoteExtractor,
) -> None:
    """``For example: "…," he told …``: a colon after words that name no one gives way."""
    quote = _only(
        gap_extractor(
            'For example: "We made a costly mistake going there in the first place," '
            "he told the radio host."
        )
    )
    assert quote.speaker is not None
    assert quote.speaker.text == "he"
    assert quote.cue is not None
    assert quote.cue.text == "told"


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        ('"I worked with him a lot," said Skelly, explaining that he knew the ward.', "Skelly"),
        ('"This plan is a bad idea," Will wrote in his column.', "Will"),
    ],
    ids=["surname-tagged-adverb", "surname-tagged-modal"],
)
def test_capitalised_word_the_tagger_misreads_is_a_name(
    gap_extractor: QuoteExtractor, text: str, speaker: str
) -> None:
    """A capital in mid-sentence marks a name, whatever part of speech the tagger gave it."""
    quote = _only(gap_extractor(text))
    assert quote.speaker is not None
    assert quote.speaker.text == speaker


def test_subheading_in_single_marks_is_nobodys_words(gap_extractor: QuoteExtractor) -> None:
    """A short line of its own in single marks, where speech is in double ones, is a heading.

    It has no speaker, and it does not carry on the voice of the quote before it.
    """
    text = (
        '"We kept the lights on," said Ada Blum, the plant manager. "We had no choice."\n\n'
        "'A Long Winter.'\n\n"
        "The plant closed in March.\n"
    )
    quotes = gap_extractor(text)
    heading = next(quote for quote in quotes if quote.text == "A Long Winter.")
    assert heading.speaker is None
    assert heading.cue is None
    assert [quote.speaker.text for quote in quotes if quote.speaker] == [
        "Ada Blum, the plant manager"
    ] * 2


def test_value_in_markup_is_nobodys_words(gap_extractor: QuoteExtractor) -> None:
    """``datetime="2016-05-02"`` is an attribute's value, whatever its words look like."""
    text = (
        "Witnesses posted updates.\n\n"
        '<tweet id="12345" author="@harbourwatch" datetime="2016-05-02">Scanner: Dan Orrin '
        "left the office, ten minutes later the alarm began</tweet>."
    )
    quotes = gap_extractor(text)
    assert [quote.text for quote in quotes] == ["12345", "@harbourwatch", "2016-05-02"]
    assert all(quote.speaker is None and quote.cue is None for quote in quotes)


def test_quote_after_a_sentence_ending_with_its_reporting_clause(
    gap_extractor: QuoteExtractor,
) -> None:
    """``The dam is safe for now, Roe said. "…"``: the quote goes on with that voice."""
    text = 'The dam is safe for now, Roe said. "We will know more when the water drops."'
    quote = _only(gap_extractor(text))
    assert quote.speaker is not None
    assert quote.speaker.text == "Roe"
    assert quote.method is not None
    assert quote.method.value == "continuation"


@pytest.mark.parametrize(
    "text",
    [
        (
            'Officials, including nine diplomats who signed a "dissent channel" memo on the '
            "war, have pressed privately for talks."
        ),
        'He waved a "no" with his hands and declared that they would win in the autumn.',
    ],
    ids=["inside-a-noun-phrase", "object-of-another-verb"],
)
def test_phrase_quoted_inside_the_sentence_takes_no_speaker_from_a_verb_further_on(
    gap_extractor: QuoteExtractor, text: str
) -> None:
    """A quoted phrase with no punctuation of its own goes on with the reporter's words:
    the subject of a cue later in the sentence did not say it."""
    quote = next(quote for quote in gap_extractor(text) if quote.kind.value == "partial")
    assert quote.speaker is None
    assert quote.cue is None


def test_subject_before_a_quoted_title_in_the_reporting_clause(
    gap_extractor: QuoteExtractor,
) -> None:
    """``As Quist, author of "…," put it, "…"``: the title quote does not hide the subject."""
    quotes = gap_extractor(
        'As Mara Quist, a historian at Leeds and the author of "The Quiet River," put it, '
        '"Nobody owns the water, and nobody ever did."'
    )
    quote = quotes[-1]
    assert quote.speaker is not None
    assert quote.speaker.text.startswith("Mara Quist")
    assert quote.cue is not None
    assert quote.cue.text == "put"
