"""The attribution rules on hand-built parses, in both label schemes.

ClearNLP tables are written in the shape ``en_core_web_sm`` produces; UD tables in the shape of
UD pipelines. Where the schemes differ (name heads, prepositional phrases, passive agents) each
sentence is given in both, and the result must be the same.
"""

from __future__ import annotations

import attrs
import pytest

from handbuilt import parse
from quoteattr import AttributionMethod, Quote, QuoteKind, Resolution, SpeakerKind
from quoteattr._extractor import attribute_doc
from quoteattr._marks import find_quote_marks
from quoteattr._relations import LabelScheme, detect_scheme


def quotes_of(table: str, *, ents: list[str] | None = None) -> list[Quote]:
    doc = parse(table, ents=ents)
    marks = [m for m in find_quote_marks(doc.text) if m.closed]
    return attribute_doc(doc, marks)


def only(quotes: list[Quote]) -> Quote:
    assert len(quotes) == 1, quotes
    return quotes[0]


CLEAR_TOLD = """
"          4   punct   PUNCT  ``
We         4   nsubj   PRON   PRP
will       4   aux     AUX    MD
not        4   neg     PART   RB
stop       8   ccomp   VERB   VB
,          4   punct   PUNCT  ,
"          8   punct   PUNCT  ''
Blinken    8   nsubj   PROPN  NNP
told       8   ROOT    VERB   VBD  tell
reporters  8   dobj    NOUN   NNS  reporter
in         8   prep    ADP    IN
Tel        12  compound PROPN NNP
Aviv       10  pobj    PROPN  NNP
.          8   punct   PUNCT  .
"""


def test_clear_quote_then_speaker_and_cue() -> None:
    """ "…," Blinken told reporters: speaker Blinken, cue "told" (lemma tell)."""
    quote = only(quotes_of(CLEAR_TOLD))
    assert quote.text == "We will not stop,"
    assert quote.kind is QuoteKind.DIRECT
    assert quote.method is AttributionMethod.CUE_AFTER
    assert quote.speaker is not None
    assert quote.speaker.text == "Blinken"
    assert quote.cue is not None
    assert (quote.cue.text, quote.cue.lemma) == ("told", "tell")


CLEAR_SAID_NAME = """
"          2   punct   PUNCT  ``
It         2   nsubj   PRON   PRP
is         7   ccomp   AUX    VBZ  be
a          4   det     DET    DT
mistake    2   attr    NOUN   NN
,          2   punct   PUNCT  ,
"          7   punct   PUNCT  ''
said       7   ROOT    VERB   VBD  say
Raj        9   compound PROPN NNP
Patel      7   nsubj   PROPN  NNP
,          9   punct   PUNCT  ,
the        12  det     DET    DT
city       14  poss    NOUN   NN
's         12  case    PART   POS
mayor      9   appos   NOUN   NN
.          7   punct   PUNCT  .
"""

UD_SAID_NAME = """
"          4   punct   PUNCT  ``
It         4   nsubj   PRON   PRP
is         4   cop     AUX    VBZ  be
a          4   det     DET    DT
mistake    7   ccomp   NOUN   NN
,          4   punct   PUNCT  ,
"          7   punct   PUNCT  ''
said       7   ROOT    VERB   VBD  say
Raj        7   nsubj   PROPN  NNP
Patel      8   flat    PROPN  NNP
,          14  punct   PUNCT  ,
the        12  det     DET    DT
city       14  nmod:poss NOUN NN
's         12  case    PART   POS
mayor      8   appos   NOUN   NN
.          7   punct   PUNCT  .
"""


@pytest.mark.parametrize("table", [CLEAR_SAID_NAME, UD_SAID_NAME], ids=["clear", "ud"])
def test_inverted_cue_with_appositive_speaker(table: str) -> None:
    """ "…," said Raj Patel, the city's mayor: the name heads on its last word or its first."""
    quote = only(quotes_of(table))
    assert quote.speaker is not None
    assert quote.speaker.text == "Raj Patel, the city's mayor"
    assert quote.speaker.name == "Raj Patel"
    assert quote.cue is not None
    assert quote.cue.lemma == "say"
    assert quote.method is AttributionMethod.CUE_AFTER


CLEAR_ACCORDING = """
According  9   prep    VERB   VBG  accord
to         0   prep    ADP    IN
the        3   det     DET    DT
mayor      1   pobj    NOUN   NN
,          9   punct   PUNCT  ,
"          9   punct   PUNCT  ``
the        7   det     DET    DT
bridge     9   nsubj   NOUN   NN
will       9   aux     AUX    MD
reopen     9   ROOT    VERB   VB
soon       9   advmod  ADV    RB
.          9   punct   PUNCT  .
"          9   punct   PUNCT  ''
"""

UD_ACCORDING = """
According  3   case    VERB   VBG  accord
to         0   fixed   ADP    IN
the        3   det     DET    DT
mayor      9   obl     NOUN   NN
,          3   punct   PUNCT  ,
"          9   punct   PUNCT  ``
the        7   det     DET    DT
bridge     9   nsubj   NOUN   NN
will       9   aux     AUX    MD
reopen     9   ROOT    VERB   VB
soon       9   advmod  ADV    RB
.          9   punct   PUNCT  .
"          9   punct   PUNCT  ''
"""


@pytest.mark.parametrize("table", [CLEAR_ACCORDING, UD_ACCORDING], ids=["clear", "ud"])
def test_according_to_before_the_quote(table: str) -> None:
    """According to the mayor, "…": the object of "to" speaks, in either scheme."""
    quote = only(quotes_of(table))
    assert quote.method is AttributionMethod.ACCORDING_TO
    assert quote.kind is QuoteKind.DIRECT
    assert quote.speaker is not None
    assert quote.speaker.text == "the mayor"
    assert quote.cue is not None
    assert (quote.cue.text, quote.cue.lemma) == ("According to", "according to")


CLEAR_PARTIAL = """
Joe        1   compound PROPN NNP
Biden      2   nsubj   PROPN  NNP
criticized 2   ROOT    VERB   VBD  criticize
the        4   det     DET    DT
plan       2   dobj    NOUN   NN
as         2   prep    ADP    IN
"          7   punct   PUNCT  ``
over       5   pcomp   ADP    IN
the        9   det     DET    DT
top        7   pobj    NOUN   NN
"          7   punct   PUNCT  ''
and        2   cc      CCONJ  CC
left       2   conj    VERB   VBD  leave
.          2   punct   PUNCT  .
"""


def test_clear_partial_quote_governed_by_cue() -> None:
    """Biden criticized the plan as "over the top" and left: PARTIAL, cue criticized."""
    quote = only(quotes_of(CLEAR_PARTIAL))
    assert quote.text == "over the top"
    assert quote.kind is QuoteKind.PARTIAL
    assert quote.method is AttributionMethod.EMBEDDED
    assert quote.speaker is not None
    assert quote.speaker.text == "Joe Biden"
    assert quote.cue is not None
    assert quote.cue.lemma == "criticize"


CLEAR_QUOTED_AS_SAYING = """
Jane       1   compound PROPN NNP
Roe        3   nsubjpass PROPN NNP
was        3   auxpass AUX    VBD  be
quoted     3   ROOT    VERB   VBN  quote
as         3   prep    ADP    IN
saying     4   pcomp   VERB   VBG  say
"          9   punct   PUNCT  ``
we         9   nsubj   PRON   PRP
will       9   aux     AUX    MD
win        5   ccomp   VERB   VB
.          9   punct   PUNCT  .
"          9   punct   PUNCT  ''
"""


def test_clear_quoted_as_saying() -> None:
    """X was quoted as saying "…": the passive subject of "quoted" is the speaker."""
    quote = only(quotes_of(CLEAR_QUOTED_AS_SAYING))
    assert quote.method is AttributionMethod.QUOTED_AS_SAYING
    assert quote.speaker is not None
    assert quote.speaker.text == "Jane Roe"
    assert quote.cue is not None
    assert quote.cue.text == "was quoted as saying"  # the whole phrase (issue 19)


CLEAR_PASSIVE_AGENT = """
"          2   punct   PUNCT  ``
It         2   nsubj   PRON   PRP
is         8   ccomp   AUX    VBZ  be
over       2   acomp   ADV    RB
,          2   punct   PUNCT  ,
"          8   punct   PUNCT  ''
he         8   nsubjpass PRON PRP
was        8   auxpass AUX    VBD  be
told       8   ROOT    VERB   VBN  tell
by         8   agent   ADP    IN
the        11  det     DET    DT
mayor      9   pobj    NOUN   NN
.          8   punct   PUNCT  .
"""

UD_PASSIVE_AGENT = """
"          2   punct   PUNCT  ``
It         2   nsubj   PRON   PRP
is         8   ccomp   AUX    VBZ  be
over       2   advmod  ADV    RB
,          2   punct   PUNCT  ,
"          8   punct   PUNCT  ''
he         8   nsubj:pass PRON PRP
was        8   aux:pass AUX   VBD  be
told       8   ROOT    VERB   VBN  tell
by         11  case    ADP    IN
the        11  det     DET    DT
mayor      8   obl:agent NOUN NN
.          8   punct   PUNCT  .
"""


@pytest.mark.parametrize("table", [CLEAR_PASSIVE_AGENT, UD_PASSIVE_AGENT], ids=["clear", "ud"])
def test_passive_report_credits_the_agent(table: str) -> None:
    """ "…," he was told by the mayor: the mayor spoke; "he" only listened."""
    quote = only(quotes_of(table))
    assert quote.speaker is not None
    assert quote.speaker.text == "the mayor"


CLEAR_CONTINUATION = """
Ann        1   compound PROPN NNP
Lee        2   nsubj   PROPN  NNP
spoke      2   ROOT    VERB   VBD  speak
first      2   advmod  ADV    RB
.          2   punct   PUNCT  .
"          7   punct   PUNCT  ``
We         7   nsubj   PRON   PRP
tried      11  ccomp   VERB   VBD  try
,          7   punct   PUNCT  ,
"          11  punct   PUNCT  ''
she        11  nsubj   PRON   PRP
said       11  ROOT    VERB   VBD  say
.          11  punct   PUNCT  .
"          15  punct   PUNCT  ``
It         15  nsubj   PRON   PRP
failed     15  ROOT    VERB   VBD  fail
.          15  punct   PUNCT  .
"          15  punct   PUNCT  ''
"""


def test_clear_pronoun_resolves_and_continuation_inherits() -> None:
    """ "We tried," she said. "It failed.": she → Ann Lee, and the second quote is hers too."""
    first, second = quotes_of(CLEAR_CONTINUATION)
    assert first.speaker is not None
    assert (first.speaker.text, first.speaker.name) == ("she", "Ann Lee")
    assert second.method is AttributionMethod.CONTINUATION
    assert second.speaker == attrs.evolve(first.speaker, resolution=Resolution.CONTINUATION)
    assert first.speaker.resolution is Resolution.PRONOUN
    assert second.cue == first.cue


def test_hand_built_docs_have_no_labels_without_ner() -> None:
    """A Doc without entity annotation gives speakers no label rather than a guess."""
    quote = only(quotes_of(CLEAR_TOLD))
    assert quote.speaker is not None
    assert quote.speaker.label is None


def test_entity_labels_come_from_the_doc() -> None:
    """With entity annotation, the speaker's label is the entity type of its name."""
    ents = ["O"] * 7 + ["B-PERSON"] + ["O"] * 6
    quote = only(quotes_of(CLEAR_TOLD, ents=ents))
    assert quote.speaker is not None
    assert quote.speaker.label == "PERSON"


@pytest.mark.parametrize(
    ("table", "scheme"),
    [
        (CLEAR_ACCORDING, LabelScheme.CLEAR),
        (UD_ACCORDING, LabelScheme.UD),
        (CLEAR_PASSIVE_AGENT, LabelScheme.CLEAR),
        (UD_PASSIVE_AGENT, LabelScheme.UD),
    ],
)
def test_scheme_is_detected_from_the_labels(table: str, scheme: LabelScheme) -> None:
    """The labels of a parse tell its scheme apart."""
    assert detect_scheme(token.dep_ for token in parse(table)) is scheme


CLEAR_COLON_CLAUSE = """
Okafor     1   nsubj   PROPN  NNP
turned     1   ROOT    VERB   VBD  turn
to         1   prep    ADP    IN
the        4   det     DET    DT
crowd      2   pobj    NOUN   NN
:          1   punct   PUNCT  :
"          8   punct   PUNCT  ``
We         8   nsubj   PRON   PRP
start      1   parataxis VERB VBP
now        8   advmod  ADV    RB
.          8   punct   PUNCT  .
"          8   punct   PUNCT  ''
"""

UD_COLON_CLAUSE = """
Okafor     1   nsubj   PROPN  NNP
turned     1   ROOT    VERB   VBD  turn
to         4   case    ADP    IN
the        4   det     DET    DT
crowd      1   obl     NOUN   NN
:          8   punct   PUNCT  :
"          8   punct   PUNCT  ``
We         8   nsubj   PRON   PRP
start      1   parataxis VERB VBP
now        8   advmod  ADV    RB
.          8   punct   PUNCT  .
"          8   punct   PUNCT  ''
"""


@pytest.mark.parametrize("table", [CLEAR_COLON_CLAUSE, UD_COLON_CLAUSE], ids=["clear", "ud"])
def test_colon_clause_without_reporting_verb(table: str) -> None:
    """Okafor turned to the crowd: "…" — subject and verb of the clause a colon closes."""
    quote = only(quotes_of(table))
    assert quote.method is AttributionMethod.COLON_CLAUSE
    assert quote.speaker is not None
    assert quote.speaker.text == "Okafor"
    assert quote.cue is not None
    assert quote.cue.text == "turned"


CLEAR_RELCL_CUE = """
"          3   punct   PUNCT  ``
It         3   nsubj   PRON   PRP
was        3   cop     AUX    VBD
wrong      3   ROOT    ADJ    JJ
,          3   punct   PUNCT  ,
"          3   punct   PUNCT  ''
Mr.        7   compound PROPN NNP
Okafor     8   nsubj   PROPN  NNP
told       3   relcl   VERB   VBD  tell
CNN        8   dobj    PROPN  NNP
.          3   punct   PUNCT  .
"""


def test_clear_cue_misparsed_as_relative_clause() -> None:
    """A cue the parser hung from the quote as ``relcl`` still reports it."""
    quote = only(quotes_of(CLEAR_RELCL_CUE))
    assert quote.method is AttributionMethod.CUE_AFTER
    assert quote.speaker is not None
    assert quote.speaker.text == "Mr. Okafor"


CLEAR_PLACE_SPEAKS = """
"           2   punct   PUNCT  ``
We          2   nsubj   PRON   PRP
disagree    6   ccomp   VERB   VBP
,           2   punct   PUNCT  ,
"           2   punct   PUNCT  ''
Washington  6   nsubj   PROPN  NNP
contends    6   ROOT    VERB   VBZ  contend
.           6   punct   PUNCT  .
"""


def test_clear_a_capital_speaks_for_its_government_without_ner() -> None:
    """ "…," Washington contends: a place as speaker, known without an entity recogniser."""
    quote = only(quotes_of(CLEAR_PLACE_SPEAKS))
    assert quote.speaker is not None
    assert (quote.speaker.name, quote.speaker.kind) == ("Washington", SpeakerKind.PLACE)
    assert quote.speaker.label is None
