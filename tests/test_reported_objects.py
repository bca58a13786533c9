"""Reported speech the clause rules missed or misread, and objects that are no content.

Hand-built parses first, in both label schemes, for the shapes a small parser gives: a
headline run into the paragraph below it, a noun cue's ``that``-clause read as a relative
clause. Then the installed pipelines end to end (``en_core_web_sm`` and ``en_ud_sm``, each
skipped when absent), with sentences of our own: a listener is never reported as content.
"""

from __future__ import annotations

import importlib.util
from typing import TYPE_CHECKING

import pytest
import spacy
from spacy.tokens import Doc

from handbuilt import parse, shared_vocab
from quoteattr import AttributionMethod, QuoteExtractor, QuoteKind
from quoteattr._extractor import ALL_KINDS, attribute_doc
from quotechecks import checked, only, summary

if TYPE_CHECKING:
    from quoteattr import Quote

REPORTED = frozenset({QuoteKind.INDIRECT, QuoteKind.MIXED})
PIPELINES = ["en_core_web_sm", "en_ud_sm"]


def reports_of_doc(doc: Doc) -> list[Quote]:
    """The reported speech of a parsed Doc, offsets checked."""
    quotes = checked(doc.text, attribute_doc(doc, [], kinds=ALL_KINDS))
    return [quote for quote in quotes if quote.kind in REPORTED]


# -- a headline run into the paragraph below it ---------------------------------------------

# word, head, dep (ClearNLP, UD), pos, tag, lemma: the shape en_core_web_sm gives a headline
# and the first sentence under it, one tree across the paragraph break.
HEADLINE_ROWS = [
    ("Harbour", 1, "compound", "compound", "PROPN", "NNP", "harbour"),
    ("Chief", 2, "nsubj", "nsubj", "PROPN", "NNP", "chief"),
    ("Warns", 2, "ROOT", "ROOT", "PROPN", "NNP", "warns"),
    ("Of", 2, "prep", "case", "ADP", "IN", "of"),
    ("Closure", 3, "pobj", "obl", "NOUN", "NN", "closure"),
    ("\n\n", 4, "dep", "dep", "SPACE", "_SP", "\n\n"),
    ("Koss", 7, "nsubj", "nsubj", "PROPN", "NNP", "Koss"),
    ("issued", 2, "ccomp", "ccomp", "VERB", "VBD", "issue"),
    ("a", 9, "det", "det", "DET", "DT", "a"),
    ("notice", 7, "dobj", "obj", "NOUN", "NN", "notice"),
    (",", 7, "punct", "punct", "PUNCT", ",", ","),
    ("cautioning", 7, "advcl", "advcl", "VERB", "VBG", "caution"),
    ("that", 16, "mark", "mark", "SCONJ", "IN", "that"),
    ("the", 14, "det", "det", "DET", "DT", "the"),
    ("quay", 16, "nsubj", "nsubj", "NOUN", "NN", "quay"),
    ("would", 16, "aux", "aux", "AUX", "MD", "would"),
    ("close", 11, "ccomp", "ccomp", "VERB", "VB", "close"),
    (".", 2, "punct", "punct", "PUNCT", ".", "."),
]


def headline_doc(scheme: str) -> Doc:
    """ "Harbour Chief Warns Of Closure" over "Koss issued a notice, cautioning that …"."""
    column = 2 if scheme == "clear" else 3
    rows = HEADLINE_ROWS
    if scheme == "ud":  # UD hangs the preposition from its noun
        rows = [*rows[:3], ("Of", 4, "", "case", "ADP", "IN", "of"), *rows[4:]]
        rows[4] = ("Closure", 2, "", "obl", "NOUN", "NN", "closure")
    words = [row[0] for row in rows]
    spaces = [
        not (i + 1 == len(words) or words[i + 1] in {",", ".", "\n\n"} or word == "\n\n")
        for i, word in enumerate(words)
    ]
    return Doc(
        shared_vocab(),
        words=words,
        spaces=spaces,
        heads=[int(row[1]) for row in rows],
        deps=[str(row[column]) for row in rows],
        pos=[str(row[4]) for row in rows],
        tags=[str(row[5]) for row in rows],
        lemmas=[str(row[6]) for row in rows],
    )


@pytest.mark.parametrize("scheme", ["clear", "ud"])
def test_headline_cue_does_not_report_the_paragraph_below(scheme: str) -> None:
    """A complement across a paragraph break is none; the sentence keeps its own cue."""
    report = only(reports_of_doc(headline_doc(scheme)))
    assert (report.kind, report.method, report.text) == (
        QuoteKind.INDIRECT,
        AttributionMethod.COMPLEMENT,
        "that the quay would close",
    )
    assert report.speaker is not None
    assert report.cue is not None
    assert (report.speaker.text, report.cue.text) == ("Koss", "cautioning")


# -- a noun cue's that-clause read as a relative clause -------------------------------------

CLEAR_WARNING_AS_RELATIVE = """
Ana        1   compound PROPN NNP
Ruiz       2   nsubj   PROPN  NNP
issued     2   ROOT    VERB   VBD  issue
a          4   det     DET    DT
warning    2   dobj    NOUN   NN
that       9   dobj    PRON   WDT
the        7   det     DET    DT
port       9   nsubj   NOUN   NN
would      9   aux     AUX    MD
close      4   relcl   VERB   VB
.          2   punct   PUNCT  .
"""

UD_WARNING_AS_RELATIVE = """
Ana        2   nsubj   PROPN  NNP
Ruiz       0   flat    PROPN  NNP
issued     2   ROOT    VERB   VBD  issue
a          4   det     DET    DT
warning    2   obj     NOUN   NN
that       9   obj     PRON   WDT
the        7   det     DET    DT
port       9   nsubj   NOUN   NN
would      9   aux     AUX    MD
close      4   acl:relcl VERB VB
.          2   punct   PUNCT  .
"""


@pytest.mark.parametrize(
    "table", [CLEAR_WARNING_AS_RELATIVE, UD_WARNING_AS_RELATIVE], ids=["clear", "ud"]
)
def test_noun_cue_clause_misread_as_relative_clause(table: str) -> None:
    """ "issued a warning that the port would close" is reported however "that" is parsed."""
    assert summary(only(reports_of_doc(parse(table)))) == (
        QuoteKind.INDIRECT,
        AttributionMethod.NOUN_COMPLEMENT,
        "that the port would close",
        "Ana Ruiz",
        "Ana Ruiz",
        "warning",
        "warning",
    )


CLEAR_WARNING_SHE_MADE = """
Ana        1   compound PROPN NNP
Ruiz       2   nsubj   PROPN  NNP
repeated   2   ROOT    VERB   VBD  repeat
the        4   det     DET    DT
warning    2   dobj    NOUN   NN
that       7   dobj    PRON   WDT
she        7   nsubj   PRON   PRP
made       4   relcl   VERB   VBD  make
last       9   amod    ADJ    JJ
year       7   npadvmod NOUN  NN
.          2   punct   PUNCT  .
"""


def test_relative_clause_that_takes_the_noun_cue_as_object_reports_nothing() -> None:
    """ "the warning that she made": a verb that takes the noun cue makes a relative clause."""
    assert reports_of_doc(parse(CLEAR_WARNING_SHE_MADE)) == []


# -- the installed pipelines ----------------------------------------------------------------


@pytest.fixture(scope="module", params=PIPELINES)
def pipeline_extractor(request: pytest.FixtureRequest) -> QuoteExtractor:
    """A quote extractor over each installed pipeline in turn."""
    name = str(request.param)
    if importlib.util.find_spec(name) is None:
        pytest.skip(f"the pipeline {name} is not installed")
    return QuoteExtractor(spacy.load(name))


def reports_of(extractor: QuoteExtractor, text: str) -> list[Quote]:
    """The reported speech of *text*, offsets checked."""
    return [quote for quote in checked(text, extractor(text)) if quote.kind in REPORTED]


@pytest.mark.model
def test_noun_cue_clause_end_to_end(pipeline_extractor: QuoteExtractor) -> None:
    """A noun cue's that-clause is its owner's, whichever way the pipeline parses "that"."""
    text = "Ana Ruiz issued a warning that the port would close."
    assert summary(only(reports_of(pipeline_extractor, text))) == (
        QuoteKind.INDIRECT,
        AttributionMethod.NOUN_COMPLEMENT,
        "that the port would close",
        "Ana Ruiz",
        "Ana Ruiz",
        "warning",
        "warning",
    )


@pytest.mark.model
def test_cue_trusted_only_by_quotes_reports_its_that_clause(
    pipeline_extractor: QuoteExtractor,
) -> None:
    """ "pointed out that …": a that-clause makes "point" a reporting verb."""
    text = "Lena Ortiz pointed out that the quay had been closed twice this year."
    assert summary(only(reports_of(pipeline_extractor, text))) == (
        QuoteKind.INDIRECT,
        AttributionMethod.COMPLEMENT,
        "that the quay had been closed twice this year",
        "Lena Ortiz",
        "Lena Ortiz",
        "pointed",
        "point",
    )


@pytest.mark.model
def test_that_clause_beyond_another_verb_is_not_the_cues(
    pipeline_extractor: QuoteExtractor,
) -> None:
    """ "went to great lengths to quash any talk that …": "went" reports nothing."""
    text = "The council went to great lengths to quash any talk that the port would close."
    assert reports_of(pipeline_extractor, text) == []


@pytest.mark.model
def test_stop_inside_brackets_does_not_end_the_sentence(
    pipeline_extractor: QuoteExtractor,
) -> None:
    """ "Sen. Ann Lee (D-Vt.) on Saturday …": the speaker before the bracket still speaks."""
    text = (
        "Sen. Ann Lee (D-Vt.) on Saturday criticized the harbour accord, saying the "
        "agreement goes nowhere near far enough."
    )
    report = only(reports_of(pipeline_extractor, text))
    assert report.text == "the agreement goes nowhere near far enough"
    assert report.speaker is not None
    assert report.speaker.text.startswith("Sen. Ann Lee")


# Each case: a sentence and its listener, which no report may take in.
LISTENER_OBJECTS = [
    pytest.param("Mayor Tom Lee told reporters on Tuesday.", "reporters", id="tell"),
    pytest.param("The council informed residents of the closure.", "residents", id="inform"),
    pytest.param("Lena Ortiz assured the fishermen of her support.", "fishermen", id="assure"),
    pytest.param("The harbour master urged the crews to stay ashore.", "crews", id="urge"),
    pytest.param("The minister asked the port workers a question.", "workers", id="ask"),
]


@pytest.mark.model
@pytest.mark.parametrize(("text", "listener"), LISTENER_OBJECTS)
def test_listener_object_is_not_reported(
    pipeline_extractor: QuoteExtractor, text: str, listener: str
) -> None:
    """The object of tell, inform, assure, urge or ask is who heard it, never what was said."""
    assert not any(listener in quote.text for quote in reports_of(pipeline_extractor, text))
