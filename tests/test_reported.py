"""Reported speech end to end: text in, INDIRECT and MIXED quotes out, with a real pipeline.

The sentences are our own, in the style of news reports. The hand-built parses of
``test_reported_schemes.py`` pin the rules; these tests pin what the installed pipeline gives
for the same constructions, and the invariants that hold whatever it parses.
"""

from __future__ import annotations

import itertools
from typing import TYPE_CHECKING

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from quoteattr import AttributionMethod, QuoteExtractor, QuoteKind, Resolution, extract_quotes
from quoteattr._marks import find_quote_marks
from quotechecks import assert_disjoint, assert_no_pair_of_marks_cut, checked, only, summary

if TYPE_CHECKING:
    from quoteattr import Quote

pytestmark = pytest.mark.model

REPORTED = frozenset({QuoteKind.INDIRECT, QuoteKind.MIXED})
IN_MARKS = frozenset({QuoteKind.DIRECT, QuoteKind.PARTIAL})


def quotes_of(extractor: QuoteExtractor, text: str) -> list[Quote]:
    """The quotes of *text*, after checking that every offset slices back to its text."""
    return checked(text, extractor(text))


COMPLEMENT = AttributionMethod.COMPLEMENT
ACCORDING_TO = AttributionMethod.ACCORDING_TO
INDIRECT = QuoteKind.INDIRECT

# Each case: a sentence and its one report, (kind, method, content, mention, name, cue, lemma).
TYPICAL_REPORTS = [
    pytest.param(
        "Mayor Tom Lee said that the bridge would reopen in May.",
        (
            INDIRECT,
            COMPLEMENT,
            "that the bridge would reopen in May",
            "Mayor Tom Lee",
            "Tom Lee",
            "said",
            "say",
        ),
        id="that-clause after the cue",
    ),
    pytest.param(
        "Lena Ortiz argued the plan would cost too much.",
        (
            INDIRECT,
            COMPLEMENT,
            "the plan would cost too much",
            "Lena Ortiz",
            "Lena Ortiz",
            "argued",
            "argue",
        ),
        id="bare clause after the cue",
    ),
    pytest.param(
        "Lena Ortiz promised to repair the harbour wall.",
        (
            INDIRECT,
            COMPLEMENT,
            "to repair the harbour wall",
            "Lena Ortiz",
            "Lena Ortiz",
            "promised",
            "promise",
        ),
        id="to-infinitive",
    ),
    pytest.param(
        "Lena Ortiz denied misleading the council.",
        (
            INDIRECT,
            COMPLEMENT,
            "misleading the council",
            "Lena Ortiz",
            "Lena Ortiz",
            "denied",
            "deny",
        ),
        id="-ing clause of a denial",
    ),
    pytest.param(
        "Police said two men were arrested near the station on Friday.",
        (
            INDIRECT,
            COMPLEMENT,
            "two men were arrested near the station on Friday",
            "Police",
            "Police",
            "said",
            "say",
        ),
        id="a group speaks",
    ),
    pytest.param(
        "Officials warned that the river could flood again this week.",
        (
            INDIRECT,
            COMPLEMENT,
            "that the river could flood again this week",
            "Officials",
            "Officials",
            "warned",
            "warn",
        ),
        id="a warning",
    ),
    pytest.param(
        "The council voted to close the library, officials said.",
        (
            INDIRECT,
            COMPLEMENT,
            "The council voted to close the library",
            "officials",
            "officials",
            "said",
            "say",
        ),
        id="clause before the cue",
    ),
    pytest.param(
        "The port will close in June, said Ana Ruiz.",
        (
            INDIRECT,
            COMPLEMENT,
            "The port will close in June",
            "Ana Ruiz",
            "Ana Ruiz",
            "said",
            "say",
        ),
        id="clause before an inverted cue",
    ),
    pytest.param(
        "According to the Port Authority, the quay will be rebuilt.",
        (
            INDIRECT,
            ACCORDING_TO,
            "the quay will be rebuilt",
            "the Port Authority",
            "Port Authority",
            "According to",
            "according to",
        ),
        id="according to at the start",
    ),
    pytest.param(
        "The bridge will reopen in March, according to the Port Authority.",
        (
            INDIRECT,
            ACCORDING_TO,
            "The bridge will reopen in March",
            "the Port Authority",
            "Port Authority",
            "according to",
            "according to",
        ),
        id="according to at the end",
    ),
    pytest.param(
        "The quay, according to the Port Authority, will be rebuilt.",
        (
            INDIRECT,
            ACCORDING_TO,
            "The quay, according to the Port Authority, will be rebuilt",
            "the Port Authority",
            "Port Authority",
            "according to",
            "according to",
        ),
        id="according to set into the clause",
    ),
    pytest.param(
        "Ana Ruiz issued a warning that the port would close.",
        (
            INDIRECT,
            AttributionMethod.NOUN_COMPLEMENT,
            "that the port would close",
            "Ana Ruiz",
            "Ana Ruiz",
            "warning",
            "warning",
        ),
        id="noun cue",
    ),
]


@pytest.mark.parametrize(("text", "expected"), TYPICAL_REPORTS)
def test_typical_report(extractor: QuoteExtractor, text: str, expected: tuple[object, ...]) -> None:
    """A common construction of reported speech: its content, speaker and cue."""
    assert summary(only(quotes_of(extractor, text))) == expected


def test_relative_pronoun_speaker_names_its_antecedent(extractor: QuoteExtractor) -> None:
    """X, who said Y, left: the mention is "who", the name X's, resolved as a pronoun."""
    quote = only(quotes_of(extractor, "Ana Ruiz, who said the port would close, left early."))
    assert summary(quote) == (
        INDIRECT,
        COMPLEMENT,
        "the port would close",
        "who",
        "Ana Ruiz",
        "said",
        "say",
    )
    assert quote.speaker is not None
    assert quote.speaker.resolution is Resolution.PRONOUN


def test_report_ends_where_a_second_report_begins(extractor: QuoteExtractor) -> None:
    """X said Y, adding that Z: two reports by X, the first ending at the comma."""
    text = "Ana Ruiz said the port would close, adding that jobs would be lost."
    assert [(q.text, q.cue.text if q.cue else None) for q in quotes_of(extractor, text)] == [
        ("the port would close", "said"),
        ("that jobs would be lost", "adding"),
    ]


def test_quoted_fragment_inside_a_report_makes_it_mixed(extractor: QuoteExtractor) -> None:
    """X said Y was "…" for Z: one MIXED report that takes the fragment, marks and all."""
    text = 'Lena Ortiz said the closure was "a grave mistake" for the town.'
    assert summary(only(quotes_of(extractor, text))) == (
        QuoteKind.MIXED,
        COMPLEMENT,
        'the closure was "a grave mistake" for the town',
        "Lena Ortiz",
        "Lena Ortiz",
        "said",
        "say",
    )


def test_fragment_that_is_all_the_cue_reports_stays_partial(extractor: QuoteExtractor) -> None:
    """X called the plan "a farce": the quote alone, PARTIAL; no reported speech around it."""
    quote = only(quotes_of(extractor, 'Lena Ortiz called the plan "a farce".'))
    assert (quote.kind, quote.text) == (QuoteKind.PARTIAL, "a farce")


def test_direct_quote_with_its_cue_adds_no_report(extractor: QuoteExtractor) -> None:
    """ "Y," X said: one DIRECT quote; the cue that frames it reports nothing else."""
    quote = only(quotes_of(extractor, '"The port will close in June," Lena Ortiz said.'))
    assert quote.kind is QuoteKind.DIRECT
    assert quote.method is AttributionMethod.CUE_AFTER


def test_a_report_introduces_the_person_a_later_pronoun_means(
    extractor: QuoteExtractor,
) -> None:
    """X said Y. "…," she added: "she" resolves to the speaker of the report."""
    text = 'Lena Ortiz said the port would close. "It is over," she added.'
    report, quote = quotes_of(extractor, text)
    assert report.kind is INDIRECT
    assert quote.speaker is not None
    assert (quote.speaker.text, quote.speaker.name) == ("she", "Lena Ortiz")


NOTHING_REPORTED = [
    pytest.param("Investigators believe the fire was started deliberately.", id="cognition"),
    pytest.param("Lena Ortiz did not say when the port would reopen.", id="negated"),
    pytest.param("Nobody said the port would close.", id="negative subject"),
    pytest.param("Lena Ortiz will announce on Monday whether the port stays open.", id="future"),
    pytest.param("Lena Ortiz plans to announce that the port will close.", id="intention"),
    pytest.param("Lena Ortiz met reporters to announce that the port would close.", id="purpose"),
    pytest.param("Did Lena Ortiz say that the port would close?", id="question"),
    pytest.param("It was reported that the port would close.", id="passive without agent"),
    pytest.param("As Ruiz has said, the port will close.", id="as X has said"),
    pytest.param("The plan she announced in June collapsed.", id="relative clause, no clause"),
]


@pytest.mark.parametrize("text", NOTHING_REPORTED)
def test_precision_policy_reports_nothing(extractor: QuoteExtractor, text: str) -> None:
    """Each precision policy of the reported-speech rules holds on the pipeline's parse."""
    assert quotes_of(extractor, text) == []


ARTICLE = (
    "Harbour Minister Lena Ortiz said on Monday that the old quay would be demolished. "
    '"We have waited long enough," she told reporters.\n\n'
    "The work will start in spring, a spokesman said. "
    'Ortiz called the delays "a disgrace" and said the contractor was "out of its depth" '
    "on the project.\n\n"
    "The new quay, according to the Port Authority, will open in 2027. Tom Lee, who chairs "
    "the traders' association, warned that shops would lose trade."
)


def test_article_holds_every_kind(extractor: QuoteExtractor) -> None:
    """The article below exercises all four kinds, so the invariants on it mean something."""
    assert {quote.kind for quote in quotes_of(extractor, ARTICLE)} == set(QuoteKind)


def test_quotes_come_in_document_order_without_overlapping(extractor: QuoteExtractor) -> None:
    """Reported speech and quotes interleave in text order; no two contents overlap."""
    quotes = quotes_of(extractor, ARTICLE)
    for before, after in itertools.pairwise(quotes):
        assert before.end <= after.start


def test_only_an_inserted_cue_lies_inside_its_content(extractor: QuoteExtractor) -> None:
    """By design a content runs over its cue only when the cue is set into it."""
    inserted = {AttributionMethod.PARENTHETICAL, AttributionMethod.ACCORDING_TO}
    for quote in quotes_of(extractor, ARTICLE):
        assert quote.cue is not None
        inside = quote.start <= quote.cue.start < quote.end
        assert not inside or quote.method in inserted, quote


def test_kinds_in_marks_return_only_the_quotes_in_marks(extractor: QuoteExtractor) -> None:
    """kinds=["direct", "partial"] gives exactly the marked quotes; fragments come back whole."""
    name = extractor.nlp.meta["lang"] + "_" + extractor.nlp.meta["name"]
    quotes = extract_quotes(ARTICLE, nlp=name, kinds=["direct", "partial"])
    marked = {(m.content_start, m.content_end) for m in find_quote_marks(ARTICLE) if m.closed}
    assert {quote.kind for quote in quotes} <= IN_MARKS
    assert {(quote.start, quote.end) for quote in quotes} == marked
    assert "out of its depth" in {quote.text for quote in quotes}


def test_text_without_marks_or_cue_words_is_not_parsed(
    extractor: QuoteExtractor, monkeypatch: pytest.MonkeyPatch
) -> None:
    """No quotation mark and no word that can open a report: [] without calling the parser."""
    fresh = QuoteExtractor(extractor.nlp)

    class NoParse:
        """A pipeline that fails the test when asked to parse."""

        max_length = extractor.nlp.max_length

        def __call__(self, text: str) -> object:
            pytest.fail(f"parsed {text!r}")

    monkeypatch.setattr(fresh, "nlp", NoParse())
    assert fresh("The ferry left the harbour at noon. Gulls followed it out to sea.") == []


REPORT_SENTENCES = [
    "Mayor Tom Lee said that the bridge would reopen in May.",
    "The council voted to close the library, officials said.",
    "According to the Port Authority, the quay will be rebuilt.",
    'Lena Ortiz said the closure was "a grave mistake" for the town.',
    '"The port will close in June," Lena Ortiz said.',
    "Investigators believe the fire was started deliberately.",
    "The ferry left the harbour at noon.",
    "",
]
articles = st.lists(
    st.lists(st.sampled_from(REPORT_SENTENCES), max_size=4).map(" ".join), max_size=5
)


@settings(max_examples=25, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(texts=articles)
def test_pipe_matches_single_calls(extractor: QuoteExtractor, texts: list[str]) -> None:
    """pipe() yields, in input order, what calling the extractor on each text gives."""
    assert list(extractor.pipe(texts, batch_size=2)) == [extractor(text) for text in texts]


# Worker processes are plumbing, the same for any parse: the default pipeline is enough.
def test_pipe_with_two_processes_matches(default_extractor: QuoteExtractor) -> None:
    """Reported speech found in worker processes is the same, in the same order."""
    texts = [*REPORT_SENTENCES, ARTICLE] * 2
    expected = [default_extractor(text) for text in texts]
    assert list(default_extractor.pipe(texts, n_process=2, batch_size=3)) == expected


# -- reports and the quote marks around them (issue 18) ------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        'Officials said the ferry would sail again in the"spring," a clerk said.',
        'Officials said the ferry would leave at 6"30," a clerk said.',
        'The board said the quay was unsafe"for now," its chair said.',
    ],
)
def test_a_report_never_cuts_a_pair_of_marks_glued_to_a_word(
    extractor: QuoteExtractor, text: str
) -> None:
    """A report holds a pair of marks glued to a word whole, or stops before it."""
    quotes = quotes_of(extractor, text)
    assert_disjoint(quotes)
    assert_no_pair_of_marks_cut(text, quotes)
    # The quoted words are not lost: a quote of their own, or a fragment of a mixed report.
    (mark,) = find_quote_marks(text)
    assert any(q.start <= mark.content_start and mark.content_end <= q.end for q in quotes)


def test_a_quoted_fragment_is_taken_into_one_report_only(extractor: QuoteExtractor) -> None:
    """Two reports side by side never both take in the fragment between them."""
    text = 'Renner said the levy was "a plain insult." Harbour fees would rise anyway, she said.'
    quotes = quotes_of(extractor, text)
    assert_disjoint(quotes)
    assert_no_pair_of_marks_cut(text, quotes)
    fragment = text.index("a plain insult")
    assert sum(q.start <= fragment < q.end for q in quotes) == 1
