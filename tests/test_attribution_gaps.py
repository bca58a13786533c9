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
