"""What was said as a phrase the cue takes, questions, and the guards added with them.

Rule 6 of :mod:`quoteattr._reported`: a naming cue's object and what it is called ("called
the rules a disaster", "described the plan as a waste"), the phrase a cue's preposition opens
("called for a ban", "talked about the risk"), a direct object that is what was said
("announced her resignation"). Then a question that a parse makes an adverbial clause, and
the guards: a relative clause that defines its noun, a passive participle opening the
sentence. The sentences are our own; each runs end to end on both pipelines, and a
hand-built parse pins the question clause in both label schemes.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import pytest

from handbuilt import parse
from quoteattr import AttributionMethod, QuoteKind
from quoteattr._extractor import ALL_KINDS, attribute_doc
from quotechecks import checked, only, summary

if TYPE_CHECKING:
    from quoteattr import Quote, QuoteExtractor

REPORTED = frozenset({QuoteKind.INDIRECT, QuoteKind.MIXED})
COMPLEMENT = AttributionMethod.COMPLEMENT
INDIRECT = QuoteKind.INDIRECT


def reports(extractor: QuoteExtractor, text: str) -> list[Quote]:
    """The reported speech of *text*, every offset checked."""
    return [quote for quote in checked(text, extractor(text)) if quote.kind in REPORTED]


# Each case: a sentence and its one report (kind, method, content, mention, name, cue, lemma).
PHRASE_REPORTS = [
    pytest.param(
        "Mayor Tom Lee called the new parking rules a disaster for local shops.",
        (
            INDIRECT,
            COMPLEMENT,
            "the new parking rules a disaster for local shops",
            "Mayor Tom Lee",
            "Tom Lee",
            "called",
            "call",
        ),
        id="naming: object and what it is called",
    ),
    pytest.param(
        "Lena Ortiz described the harbour plan as a waste of public money.",
        (
            INDIRECT,
            COMPLEMENT,
            "the harbour plan as a waste of public money",
            "Lena Ortiz",
            "Lena Ortiz",
            "described",
            "describe",
        ),
        id="naming: object and its as-phrase",
    ),
    pytest.param(
        "Senator Ann Marsh called for a ban on plastic bags in city parks.",
        (
            INDIRECT,
            COMPLEMENT,
            "a ban on plastic bags in city parks",
            "Senator Ann Marsh",
            "Ann Marsh",
            "called",
            "call",
        ),
        id="preposition: called for",
    ),
    pytest.param(
        "Union leaders talked about the risk of closures at the plant.",
        (
            INDIRECT,
            COMPLEMENT,
            "the risk of closures at the plant",
            "Union leaders",
            "Union leaders",
            "talked",
            "talk",
        ),
        id="preposition: talked about",
    ),
    pytest.param(
        "Minister Ana Ruiz announced her resignation on Monday.",
        (
            INDIRECT,
            COMPLEMENT,
            "her resignation",
            "Minister Ana Ruiz",
            "Ana Ruiz",
            "announced",
            "announce",
        ),
        id="object, without the reporter's time",
    ),
    pytest.param(
        "Governor Tom Lee cited rising costs in the north of the state.",
        (
            INDIRECT,
            COMPLEMENT,
            "rising costs in the north of the state",
            "Governor Tom Lee",
            "Tom Lee",
            "cited",
            "cite",
        ),
        id="object",
    ),
    pytest.param(
        "Lena Ortiz asked if the council would vote again.",
        (
            INDIRECT,
            COMPLEMENT,
            "if the council would vote again",
            "Lena Ortiz",
            "Lena Ortiz",
            "asked",
            "ask",
        ),
        id="question",
    ),
]


@pytest.mark.parametrize(("text", "expected"), PHRASE_REPORTS)
@pytest.mark.model
def test_phrase_the_cue_takes_is_reported(
    extractor: QuoteExtractor, text: str, expected: tuple[object, ...]
) -> None:
    """A phrase the cue takes is what was said: its content, speaker and cue."""
    assert summary(only(reports(extractor, text))) == expected


NOTHING_REPORTED = [
    pytest.param("A group that calls itself the Harbour Watch met on Friday.", id="self-naming"),
    pytest.param("Ortiz called him out on Tuesday.", id="particle, no naming"),
    pytest.param("The minister announced it on Monday.", id="pronoun object"),
    pytest.param("Voters who said the economy mattered most backed Ortiz.", id="restrictive"),
    pytest.param("When asked if she would run again, Ortiz smiled.", id="passive participle"),
]


@pytest.mark.parametrize("text", NOTHING_REPORTED)
@pytest.mark.model
def test_phrase_rule_guards_report_nothing(extractor: QuoteExtractor, text: str) -> None:
    """No naming of oneself, no particle, no pronoun, no defining relative, no asked-whether."""
    assert reports(extractor, text) == []


@pytest.mark.model
def test_quoted_name_stays_partial(extractor: QuoteExtractor) -> None:
    """``called the plan "a farce"``: the quote says it all, and no report is added."""
    text = 'The mayor called the plan "a farce."'
    quotes = checked(text, extractor(text))
    assert [quote.kind for quote in quotes] == [QuoteKind.PARTIAL]


@pytest.mark.model
def test_quoted_clause_after_that_is_mixed(extractor: QuoteExtractor) -> None:
    """``said that "we will win"``: the complementizer makes the quote a reported clause."""
    quote = only(reports(extractor, 'Ana Ruiz said on Monday that "we will win."'))
    assert (quote.kind, quote.text) == (QuoteKind.MIXED, 'that "we will win."')


@pytest.mark.model
def test_quoted_utterance_of_two_sentences_after_that_stays_partial(
    extractor: QuoteExtractor,
) -> None:
    """A quote of more than one sentence after "that" is a whole utterance, quoted as such."""
    text = 'The new ad argues that "only Ruiz can win the seat. The math does not work for others."'
    quotes = checked(text, extractor(text))
    assert [quote.kind for quote in quotes] == [QuoteKind.PARTIAL]


@pytest.mark.model
def test_relative_clause_set_off_by_a_comma_still_reports(extractor: QuoteExtractor) -> None:
    """ "Ana Ruiz, who said …": a clause set off by a comma adds what someone said."""
    quote = only(reports(extractor, "Ana Ruiz, who said the port would close, left early."))
    assert quote.text == "the port would close"


# -- a question the parse made an adverbial clause, in both label schemes --------------------

CLEAR_ASKED_IF = """
Ana        1   compound PROPN NNP
Ruiz       2   nsubj   PROPN  NNP
asked      2   ROOT    VERB   VBD  ask
if         7   mark    SCONJ  IN
the        5   det     DET    DT
port       7   nsubj   NOUN   NN
would      7   aux     AUX    MD
close      2   advcl   VERB   VB
.          2   punct   PUNCT  .
"""

UD_ASKED_IF = """
Ana        2   nsubj   PROPN  NNP
Ruiz       0   flat    PROPN  NNP
asked      2   ROOT    VERB   VBD  ask
if         7   mark    SCONJ  IN
the        5   det     DET    DT
port       7   nsubj   NOUN   NN
would      7   aux     AUX    MD
close      2   advcl   VERB   VB
.          2   punct   PUNCT  .
"""


@pytest.mark.parametrize("table", [CLEAR_ASKED_IF, UD_ASKED_IF], ids=["clear", "ud"])
def test_question_read_as_an_adverbial_clause(table: str) -> None:
    """ "asked if …" with the if-clause an advcl: the question is what was asked."""
    doc = parse(table)
    quotes = checked(doc.text, attribute_doc(doc, [], kinds=ALL_KINDS))
    assert summary(only(quotes)) == (
        INDIRECT,
        COMPLEMENT,
        "if the port would close",
        "Ana Ruiz",
        "Ana Ruiz",
        "asked",
        "ask",
    )


# -- a that-clause the parse hung from a noun after the cue, in both label schemes ----------

CLEAR_SAID_IN_A_STATEMENT = """
Ana        1   compound PROPN NNP
Ruiz       2   nsubj   PROPN  NNP
said       2   ROOT    VERB   VBD  say
in         2   prep    ADP    IN
a          5   det     DET    DT
statement  3   pobj    NOUN   NN
that       10  mark    SCONJ  IN
the        8   det     DET    DT
port       10  nsubj   NOUN   NN
would      10  aux     AUX    MD
close      5   relcl   VERB   VB
.          2   punct   PUNCT  .
"""

UD_SAID_IN_A_STATEMENT = """
Ana        2   nsubj   PROPN  NNP
Ruiz       0   flat    PROPN  NNP
said       2   ROOT    VERB   VBD  say
in         5   case    ADP    IN
a          5   det     DET    DT
statement  2   obl     NOUN   NN
that       10  mark    SCONJ  IN
the        8   det     DET    DT
port       10  nsubj   NOUN   NN
would      10  aux     AUX    MD
close      5   acl     VERB   VB
.          2   punct   PUNCT  .
"""


@pytest.mark.parametrize(
    "table", [CLEAR_SAID_IN_A_STATEMENT, UD_SAID_IN_A_STATEMENT], ids=["clear", "ud"]
)
def test_that_clause_hung_from_a_noun_after_the_cue(table: str) -> None:
    """ "said in a statement that …", the clause read as the noun's modifier: it is reported."""
    doc = parse(table)
    quotes = checked(doc.text, attribute_doc(doc, [], kinds=ALL_KINDS))
    assert summary(only(quotes)) == (
        INDIRECT,
        COMPLEMENT,
        "that the port would close",
        "Ana Ruiz",
        "Ana Ruiz",
        "said",
        "say",
    )


@pytest.mark.model
def test_that_clause_after_a_phrase_of_the_cue(extractor: QuoteExtractor) -> None:
    """The pipeline's parse of "said during an interview that …" gives the clause."""
    quote = only(
        reports(extractor, "Mayor Tom Lee said during an interview that the budget was too small.")
    )
    assert (quote.text, quote.speaker and quote.speaker.text) == (
        "that the budget was too small",
        "Mayor Tom Lee",
    )
