"""The reported-speech rules on hand-built parses, in both label schemes.

ClearNLP tables are written in the shape ``en_core_web_sm`` produces (``compound`` on the first
words of a name, ``prep``/``pobj``, ``neg``); UD tables in the shape of UD pipelines (``flat``
under the first word of a name, ``obl`` with ``case``, ``advmod`` for "not"). A sentence given
in both schemes must give the same report (only a method may differ, where it names the shape
the rule read). Then come the precision policies listed in the docstring of
``quoteattr._reported``, each a sentence that reports nothing; then parses that once misled
the rules, each pinning its fix (a known failure, when there is one, is a strict xfail with
the output it gives, so that a fix shows up as XPASS).
"""

from __future__ import annotations

import pytest

from handbuilt import parse
from quoteattr import AttributionMethod, Quote, QuoteKind, Resolution
from quoteattr._extractor import ALL_KINDS, attribute_doc
from quoteattr._marks import find_quote_marks
from quoteattr._relations import LabelScheme, detect_scheme
from quotechecks import checked, only, summary

REPORTED = frozenset({QuoteKind.INDIRECT, QuoteKind.MIXED})


def quotes_of(table: str, *, kinds: frozenset[QuoteKind] = ALL_KINDS) -> list[Quote]:
    """Every quote of the parse, after checking that each offset slices back to its text."""
    doc = parse(table)
    marks = [mark for mark in find_quote_marks(doc.text) if mark.closed]
    return checked(doc.text, attribute_doc(doc, marks, kinds=kinds))


# -- complement after the cue ---------------------------------------------------------------

CLEAR_SAID_THAT = """
Ana        1   compound PROPN NNP
Ruiz       2   nsubj   PROPN  NNP
said       2   ROOT    VERB   VBD  say
that       7   mark    SCONJ  IN
the        5   det     DET    DT
port       7   nsubj   NOUN   NN
would      7   aux     AUX    MD
close      2   ccomp   VERB   VB
in         7   prep    ADP    IN
June       8   pobj    PROPN  NNP
.          2   punct   PUNCT  .
"""

UD_SAID_THAT = """
Ana        2   nsubj   PROPN  NNP
Ruiz       0   flat    PROPN  NNP
said       2   ROOT    VERB   VBD  say
that       7   mark    SCONJ  IN
the        5   det     DET    DT
port       7   nsubj   NOUN   NN
would      7   aux     AUX    MD
close      2   ccomp   VERB   VB
in         9   case    ADP    IN
June       7   obl     PROPN  NNP
.          2   punct   PUNCT  .
"""


@pytest.mark.parametrize("table", [CLEAR_SAID_THAT, UD_SAID_THAT], ids=["clear", "ud"])
def test_that_clause_after_the_cue(table: str) -> None:
    """X said that Y …: the that-clause, from "that" on, is X's."""
    assert summary(only(quotes_of(table))) == (
        QuoteKind.INDIRECT,
        AttributionMethod.COMPLEMENT,
        "that the port would close in June",
        "Ana Ruiz",
        "Ana Ruiz",
        "said",
        "say",
    )


CLEAR_SAID_BARE = """
Ana        1   compound PROPN NNP
Ruiz       2   nsubj   PROPN  NNP
said       2   ROOT    VERB   VBD  say
the        4   det     DET    DT
port       6   nsubj   NOUN   NN
would      6   aux     AUX    MD
close      2   ccomp   VERB   VB
in         6   prep    ADP    IN
June       7   pobj    PROPN  NNP
.          2   punct   PUNCT  .
"""

UD_SAID_BARE = """
Ana        2   nsubj   PROPN  NNP
Ruiz       0   flat    PROPN  NNP
said       2   ROOT    VERB   VBD  say
the        4   det     DET    DT
port       6   nsubj   NOUN   NN
would      6   aux     AUX    MD
close      2   ccomp   VERB   VB
in         8   case    ADP    IN
June       6   obl     PROPN  NNP
.          2   punct   PUNCT  .
"""


@pytest.mark.parametrize("table", [CLEAR_SAID_BARE, UD_SAID_BARE], ids=["clear", "ud"])
def test_bare_clause_after_the_cue(table: str) -> None:
    """X said Y …, without "that": the clause is X's all the same."""
    assert summary(only(quotes_of(table))) == (
        QuoteKind.INDIRECT,
        AttributionMethod.COMPLEMENT,
        "the port would close in June",
        "Ana Ruiz",
        "Ana Ruiz",
        "said",
        "say",
    )


CLEAR_PROMISED = """
Ana        1   compound PROPN NNP
Ruiz       2   nsubj   PROPN  NNP
promised   2   ROOT    VERB   VBD  promise
to         4   aux     PART   TO
reopen     2   xcomp   VERB   VB
the        6   det     DET    DT
port       4   dobj    NOUN   NN
.          2   punct   PUNCT  .
"""

UD_PROMISED = """
Ana        2   nsubj   PROPN  NNP
Ruiz       0   flat    PROPN  NNP
promised   2   ROOT    VERB   VBD  promise
to         4   mark    PART   TO
reopen     2   xcomp   VERB   VB
the        6   det     DET    DT
port       4   obj     NOUN   NN
.          2   punct   PUNCT  .
"""


@pytest.mark.parametrize("table", [CLEAR_PROMISED, UD_PROMISED], ids=["clear", "ud"])
def test_to_infinitive_of_a_verb_that_reports_words(table: str) -> None:
    """X promised to reopen the port: the infinitive is what X promised."""
    assert summary(only(quotes_of(table))) == (
        QuoteKind.INDIRECT,
        AttributionMethod.COMPLEMENT,
        "to reopen the port",
        "Ana Ruiz",
        "Ana Ruiz",
        "promised",
        "promise",
    )


# -- content before the cue -----------------------------------------------------------------

CLEAR_CLAUSE_THEN_CUE = """
The        1   det     DET    DT
port       3   nsubj   NOUN   NN
will       3   aux     AUX    MD
close      9   ccomp   VERB   VB
in         3   prep    ADP    IN
June       4   pobj    PROPN  NNP
,          9   punct   PUNCT  ,
Ana        8   compound PROPN NNP
Ruiz       9   nsubj   PROPN  NNP
said       9   ROOT    VERB   VBD  say
.          9   punct   PUNCT  .
"""

UD_CLAUSE_THEN_CUE = """
The        1   det     DET    DT
port       3   nsubj   NOUN   NN
will       3   aux     AUX    MD
close      3   ROOT    VERB   VB
in         5   case    ADP    IN
June       3   obl     PROPN  NNP
,          9   punct   PUNCT  ,
Ana        9   nsubj   PROPN  NNP
Ruiz       7   flat    PROPN  NNP
said       3   parataxis VERB VBD  say
.          3   punct   PUNCT  .
"""


@pytest.mark.parametrize(
    ("table", "method"),
    [
        (CLEAR_CLAUSE_THEN_CUE, AttributionMethod.COMPLEMENT),
        (UD_CLAUSE_THEN_CUE, AttributionMethod.PARENTHETICAL),
    ],
    ids=["clear", "ud"],
)
def test_clause_before_the_cue(table: str, method: AttributionMethod) -> None:
    """Y …, X said: the same report whether the parse makes Y the cue's ccomp or the cue Y's."""
    # ClearNLP hangs the clause from the cue, UD the cue from the clause: the method names
    # the shape the rule read, and only it differs.
    assert summary(only(quotes_of(table))) == (
        QuoteKind.INDIRECT,
        method,
        "The port will close in June",
        "Ana Ruiz",
        "Ana Ruiz",
        "said",
        "say",
    )


CLEAR_INSERTED = """
Ana        1   compound PROPN NNP
Ruiz       2   nsubj   PROPN  NNP
runs       2   ROOT    VERB   VBZ  run
the        4   det     DET    DT
port       2   dobj    NOUN   NN
.          2   punct   PUNCT  .
The        7   det     DET    DT
plan       13  nsubj   NOUN   NN
,          13  punct   PUNCT  ,
she        10  nsubj   PRON   PRP
said       13  parataxis VERB VBD  say
,          13  punct   PUNCT  ,
will       13  aux     AUX    MD
fail       13  ROOT    VERB   VB
.          13  punct   PUNCT  .
"""

UD_INSERTED = """
Ana        2   nsubj   PROPN  NNP
Ruiz       0   flat    PROPN  NNP
runs       2   ROOT    VERB   VBZ  run
the        4   det     DET    DT
port       2   obj     NOUN   NN
.          2   punct   PUNCT  .
The        7   det     DET    DT
plan       13  nsubj   NOUN   NN
,          10  punct   PUNCT  ,
she        10  nsubj   PRON   PRP
said       13  parataxis VERB VBD  say
,          10  punct   PUNCT  ,
will       13  aux     AUX    MD
fail       13  ROOT    VERB   VB
.          13  punct   PUNCT  .
"""


@pytest.mark.parametrize("table", [CLEAR_INSERTED, UD_INSERTED], ids=["clear", "ud"])
def test_reporting_clause_set_into_the_content(table: str) -> None:
    """The plan, she said, will fail: one stretch of content around the inserted clause."""
    quote = only(quotes_of(table))
    assert summary(quote) == (
        QuoteKind.INDIRECT,
        AttributionMethod.PARENTHETICAL,
        "The plan, she said, will fail",
        "she",
        "Ana Ruiz",
        "said",
        "say",
    )
    assert quote.speaker is not None
    assert quote.speaker.resolution is Resolution.PRONOUN


# en_ud_sm hangs an inserted reporting clause from the subject noun, not from the verb.
UD_INSERTED_ON_THE_NOUN = """
Ana        2   nsubj   PROPN  NNP
Ruiz       0   flat    PROPN  NNP
runs       2   ROOT    VERB   VBZ  run
the        4   det     DET    DT
port       2   obj     NOUN   NN
.          2   punct   PUNCT  .
The        7   det     DET    DT
plan       13  nsubj   NOUN   NN
,          7   punct   PUNCT  ,
she        10  nsubj   PRON   PRP
said       7   parataxis VERB VBD  say
,          10  punct   PUNCT  ,
will       13  aux     AUX    MD
fail       13  ROOT    VERB   VB
.          13  punct   PUNCT  .
"""

# en_ud_sm also makes the content's subject a second subject of the inserted cue.
UD_INSERTED_TWO_SUBJECTS = """
The        1   det     DET    DT
plan       5   nsubj   NOUN   NN
,          1   punct   PUNCT  ,
Ana        5   nsubj   PROPN  NNP
Ruiz       3   flat    PROPN  NNP
said       8   parataxis VERB VBD  say
,          5   punct   PUNCT  ,
will       8   aux     AUX    MD
fail       8   ROOT    VERB   VB
on         10  case    ADP    IN
appeal     8   obl     NOUN   NN
.          8   punct   PUNCT  .
"""


@pytest.mark.parametrize(
    ("table", "expected"),
    [
        pytest.param(
            UD_INSERTED_ON_THE_NOUN,
            (
                QuoteKind.INDIRECT,
                AttributionMethod.PARENTHETICAL,
                "The plan, she said, will fail",
                "she",
                "Ana Ruiz",
                "said",
                "say",
            ),
            id="hung-from-the-subject-noun",
        ),
        pytest.param(
            UD_INSERTED_TWO_SUBJECTS,
            (
                QuoteKind.INDIRECT,
                AttributionMethod.PARENTHETICAL,
                "The plan, Ana Ruiz said, will fail on appeal",
                "Ana Ruiz",
                "Ana Ruiz",
                "said",
                "say",
            ),
            id="content-subject-on-the-cue",
        ),
    ],
)
def test_inserted_reporting_clause_as_a_small_parser_hangs_it(
    table: str, expected: tuple[object, ...]
) -> None:
    """The plan, she said, will fail, parsed as en_ud_sm does: the same report as above."""
    assert summary(only(quotes_of(table))) == expected


# -- according to ---------------------------------------------------------------------------

CLEAR_ACCORDING_FIRST = """
According  10  prep    VERB   VBG  accord
to         0   prep    ADP    IN
the        4   det     DET    DT
Port       4   compound PROPN NNP
Authority  1   pobj    PROPN  NNP
,          10  punct   PUNCT  ,
the        7   det     DET    DT
quay       10  nsubj   NOUN   NN
will       10  aux     AUX    MD
be         10  auxpass AUX    VB   be
rebuilt    10  ROOT    VERB   VBN  rebuild
.          10  punct   PUNCT  .
"""

UD_ACCORDING_FIRST = """
According  4   case    VERB   VBG  accord
to         0   fixed   ADP    IN
the        4   det     DET    DT
Port       4   compound PROPN NNP
Authority  10  obl     PROPN  NNP
,          4   punct   PUNCT  ,
the        7   det     DET    DT
quay       10  nsubj:pass NOUN NN
will       10  aux     AUX    MD
be         10  aux:pass AUX   VB   be
rebuilt    10  ROOT    VERB   VBN  rebuild
.          10  punct   PUNCT  .
"""

CLEAR_ACCORDING_LAST = """
The        1   det     DET    DT
quay       4   nsubjpass NOUN NN
will       4   aux     AUX    MD
be         4   auxpass AUX    VB   be
rebuilt    4   ROOT    VERB   VBN  rebuild
,          4   punct   PUNCT  ,
according  4   prep    VERB   VBG  accord
to         6   prep    ADP    IN
the        10  det     DET    DT
Port       10  compound PROPN NNP
Authority  7   pobj    PROPN  NNP
.          4   punct   PUNCT  .
"""

UD_ACCORDING_LAST = """
The        1   det     DET    DT
quay       4   nsubj:pass NOUN NN
will       4   aux     AUX    MD
be         4   aux:pass AUX   VB   be
rebuilt    4   ROOT    VERB   VBN  rebuild
,          10  punct   PUNCT  ,
according  10  case    VERB   VBG  accord
to         6   fixed   ADP    IN
the        10  det     DET    DT
Port       10  compound PROPN NNP
Authority  4   obl     PROPN  NNP
.          4   punct   PUNCT  .
"""


@pytest.mark.parametrize(
    ("table", "content", "cue"),
    [
        (CLEAR_ACCORDING_FIRST, "the quay will be rebuilt", "According to"),
        (UD_ACCORDING_FIRST, "the quay will be rebuilt", "According to"),
        (CLEAR_ACCORDING_LAST, "The quay will be rebuilt", "according to"),
        (UD_ACCORDING_LAST, "The quay will be rebuilt", "according to"),
    ],
    ids=["clear-first", "ud-first", "clear-last", "ud-last"],
)
def test_according_to_speaks_for_the_sentence(table: str, content: str, cue: str) -> None:
    """According to X, Y … and Y …, according to X: Y is X's, before or after the phrase."""
    assert summary(only(quotes_of(table))) == (
        QuoteKind.INDIRECT,
        AttributionMethod.ACCORDING_TO,
        content,
        "the Port Authority",
        "Port Authority",
        cue,
        "according to",
    )


# -- noun cues and relative clauses ---------------------------------------------------------

CLEAR_NOUN_CUE = """
Ana        1   compound PROPN NNP
Ruiz       3   poss    PROPN  NNP
's         1   case    PART   POS
warning    9   nsubj   NOUN   NN
that       8   mark    SCONJ  IN
the        6   det     DET    DT
port       8   nsubj   NOUN   NN
would      8   aux     AUX    MD
close      3   acl     VERB   VB
alarmed    9   ROOT    VERB   VBD  alarm
traders    9   dobj    NOUN   NNS  trader
.          9   punct   PUNCT  .
"""

UD_NOUN_CUE = """
Ana        3   nmod:poss PROPN NNP
Ruiz       0   flat    PROPN  NNP
's         0   case    PART   POS
warning    9   nsubj   NOUN   NN
that       8   mark    SCONJ  IN
the        6   det     DET    DT
port       8   nsubj   NOUN   NN
would      8   aux     AUX    MD
close      3   acl     VERB   VB
alarmed    9   ROOT    VERB   VBD  alarm
traders    9   obj     NOUN   NNS  trader
.          9   punct   PUNCT  .
"""


@pytest.mark.parametrize("table", [CLEAR_NOUN_CUE, UD_NOUN_CUE], ids=["clear", "ud"])
def test_noun_cue_spoken_by_its_owner(table: str) -> None:
    """X's warning that Y …: the owner of the noun said Y; the noun is the cue."""
    assert summary(only(quotes_of(table))) == (
        QuoteKind.INDIRECT,
        AttributionMethod.NOUN_COMPLEMENT,
        "that the port would close",
        "Ana Ruiz",
        "Ana Ruiz",
        "warning",
        "warning",
    )


CLEAR_RELATIVE_SPEAKER = """
Ana        1   compound PROPN NNP
Ruiz       10  nsubj   PROPN  NNP
,          1   punct   PUNCT  ,
who        4   nsubj   PRON   WP
said       1   relcl   VERB   VBD  say
the        6   det     DET    DT
port       8   nsubj   NOUN   NN
would      8   aux     AUX    MD
close      4   ccomp   VERB   VB
,          1   punct   PUNCT  ,
left       10  ROOT    VERB   VBD  leave
early      10  advmod  ADV    RB
.          10  punct   PUNCT  .
"""

UD_RELATIVE_SPEAKER = """
Ana        10  nsubj   PROPN  NNP
Ruiz       0   flat    PROPN  NNP
,          4   punct   PUNCT  ,
who        4   nsubj   PRON   WP
said       0   acl:relcl VERB VBD  say
the        6   det     DET    DT
port       8   nsubj   NOUN   NN
would      8   aux     AUX    MD
close      4   ccomp   VERB   VB
,          4   punct   PUNCT  ,
left       10  ROOT    VERB   VBD  leave
early      10  advmod  ADV    RB
.          10  punct   PUNCT  .
"""


@pytest.mark.parametrize(
    "table", [CLEAR_RELATIVE_SPEAKER, UD_RELATIVE_SPEAKER], ids=["clear", "ud"]
)
def test_relative_pronoun_is_the_mention_and_its_antecedent_the_name(table: str) -> None:
    """X, who said Y, left: the mention is "who", as written; its name is X's."""
    quote = only(quotes_of(table))
    assert summary(quote) == (
        QuoteKind.INDIRECT,
        AttributionMethod.COMPLEMENT,
        "the port would close",
        "who",
        "Ana Ruiz",
        "said",
        "say",
    )
    assert quote.speaker is not None
    assert quote.speaker.resolution is Resolution.PRONOUN


# -- more shapes: two cues, a listener, an inserted phrase ----------------------------------

CLEAR_TWO_CUES = """
Ana        1   compound PROPN NNP
Ruiz       2   nsubj   PROPN  NNP
announced  2   ROOT    VERB   VBD  announce
that       7   mark    SCONJ  IN
the        5   det     DET    DT
port       7   nsubj   NOUN   NN
would      7   aux     AUX    MD
close      2   ccomp   VERB   VB
and        2   cc      CCONJ  CC
vowed      2   conj    VERB   VBD  vow
to         11  aux     PART   TO
fight      9   xcomp   VERB   VB
for        11  prep    ADP    IN
the        14  det     DET    DT
jobs       12  pobj    NOUN   NNS  job
.          2   punct   PUNCT  .
"""

UD_TWO_CUES = """
Ana        2   nsubj   PROPN  NNP
Ruiz       0   flat    PROPN  NNP
announced  2   ROOT    VERB   VBD  announce
that       7   mark    SCONJ  IN
the        5   det     DET    DT
port       7   nsubj   NOUN   NN
would      7   aux     AUX    MD
close      2   ccomp   VERB   VB
and        9   cc      CCONJ  CC
vowed      2   conj    VERB   VBD  vow
to         11  mark    PART   TO
fight      9   xcomp   VERB   VB
for        14  case    ADP    IN
the        14  det     DET    DT
jobs       11  obl     NOUN   NNS  job
.          2   punct   PUNCT  .
"""


@pytest.mark.parametrize("table", [CLEAR_TWO_CUES, UD_TWO_CUES], ids=["clear", "ud"])
def test_coordinated_cues_give_two_reports(table: str) -> None:
    """X announced that Y and vowed to Z: two reports by X, the first ending before "and"."""
    assert [summary(quote) for quote in quotes_of(table)] == [
        (
            QuoteKind.INDIRECT,
            AttributionMethod.COMPLEMENT,
            "that the port would close",
            "Ana Ruiz",
            "Ana Ruiz",
            "announced",
            "announce",
        ),
        (
            QuoteKind.INDIRECT,
            AttributionMethod.COMPLEMENT,
            "to fight for the jobs",
            "Ana Ruiz",
            "Ana Ruiz",
            "vowed",
            "vow",
        ),
    ]


CLEAR_TOLD_THAT = """
Ana        1   compound PROPN NNP
Ruiz       2   nsubj   PROPN  NNP
told       2   ROOT    VERB   VBD  tell
reporters  2   dobj    NOUN   NNS  reporter
that       8   mark    SCONJ  IN
the        6   det     DET    DT
port       8   nsubj   NOUN   NN
would      8   aux     AUX    MD
close      2   ccomp   VERB   VB
.          2   punct   PUNCT  .
"""

UD_TOLD_THAT = """
Ana        2   nsubj   PROPN  NNP
Ruiz       0   flat    PROPN  NNP
told       2   ROOT    VERB   VBD  tell
reporters  2   iobj    NOUN   NNS  reporter
that       8   mark    SCONJ  IN
the        6   det     DET    DT
port       8   nsubj   NOUN   NN
would      8   aux     AUX    MD
close      2   ccomp   VERB   VB
.          2   punct   PUNCT  .
"""


@pytest.mark.parametrize("table", [CLEAR_TOLD_THAT, UD_TOLD_THAT], ids=["clear", "ud"])
def test_listener_between_cue_and_clause(table: str) -> None:
    """X told reporters that Y …: the listener is neither speaker nor content."""
    assert summary(only(quotes_of(table))) == (
        QuoteKind.INDIRECT,
        AttributionMethod.COMPLEMENT,
        "that the port would close",
        "Ana Ruiz",
        "Ana Ruiz",
        "told",
        "tell",
    )


CLEAR_ACCORDING_INSIDE = """
The        1   det     DET    DT
quay       11  nsubjpass NOUN NN
,          11  punct   PUNCT  ,
according  11  prep    VERB   VBG  accord
to         3   prep    ADP    IN
the        7   det     DET    DT
Port       7   compound PROPN NNP
Authority  4   pobj    PROPN  NNP
,          11  punct   PUNCT  ,
will       11  aux     AUX    MD
be         11  auxpass AUX    VB   be
rebuilt    11  ROOT    VERB   VBN  rebuild
.          11  punct   PUNCT  .
"""

UD_ACCORDING_INSIDE = """
The        1   det     DET    DT
quay       11  nsubj:pass NOUN NN
,          7   punct   PUNCT  ,
according  7   case    VERB   VBG  accord
to         3   fixed   ADP    IN
the        7   det     DET    DT
Port       7   compound PROPN NNP
Authority  11  obl     PROPN  NNP
,          7   punct   PUNCT  ,
will       11  aux     AUX    MD
be         11  aux:pass AUX   VB   be
rebuilt    11  ROOT    VERB   VBN  rebuild
.          11  punct   PUNCT  .
"""


@pytest.mark.parametrize(
    "table", [CLEAR_ACCORDING_INSIDE, UD_ACCORDING_INSIDE], ids=["clear", "ud"]
)
def test_according_to_set_into_the_clause(table: str) -> None:
    """Y, according to X, …: the content runs over the inserted phrase, as one stretch."""
    assert summary(only(quotes_of(table))) == (
        QuoteKind.INDIRECT,
        AttributionMethod.ACCORDING_TO,
        "The quay, according to the Port Authority, will be rebuilt",
        "the Port Authority",
        "Port Authority",
        "according to",
        "according to",
    )


CLEAR_ISSUED_WARNING = """
Ana        1   compound PROPN NNP
Ruiz       2   nsubj   PROPN  NNP
issued     2   ROOT    VERB   VBD  issue
a          4   det     DET    DT
warning    2   dobj    NOUN   NN
that       9   mark    SCONJ  IN
the        7   det     DET    DT
port       9   nsubj   NOUN   NN
would      9   aux     AUX    MD
close      4   acl     VERB   VB
.          2   punct   PUNCT  .
"""

UD_ISSUED_WARNING = """
Ana        2   nsubj   PROPN  NNP
Ruiz       0   flat    PROPN  NNP
issued     2   ROOT    VERB   VBD  issue
a          4   det     DET    DT
warning    2   obj     NOUN   NN
that       9   mark    SCONJ  IN
the        7   det     DET    DT
port       9   nsubj   NOUN   NN
would      9   aux     AUX    MD
close      4   acl     VERB   VB
.          2   punct   PUNCT  .
"""


@pytest.mark.parametrize("table", [CLEAR_ISSUED_WARNING, UD_ISSUED_WARNING], ids=["clear", "ud"])
def test_noun_cue_spoken_by_whoever_issued_it(table: str) -> None:
    """X issued a warning that Y …: the subject of the verb the noun is the object of speaks."""
    assert summary(only(quotes_of(table))) == (
        QuoteKind.INDIRECT,
        AttributionMethod.NOUN_COMPLEMENT,
        "that the port would close",
        "Ana Ruiz",
        "Ana Ruiz",
        "warning",
        "warning",
    )


CLEAR_INSERTED_INVERTED = """
The        1   det     DET    DT
plan       8   nsubj   NOUN   NN
,          3   punct   PUNCT  ,
said       8   parataxis VERB VBD  say
Ana        5   compound PROPN NNP
Ruiz       3   nsubj   PROPN  NNP
,          3   punct   PUNCT  ,
will       8   aux     AUX    MD
fail       8   ROOT    VERB   VB
on         8   prep    ADP    IN
appeal     9   pobj    NOUN   NN
.          8   punct   PUNCT  .
"""

UD_INSERTED_INVERTED = """
The        1   det     DET    DT
plan       8   nsubj   NOUN   NN
,          3   punct   PUNCT  ,
said       8   parataxis VERB VBD  say
Ana        3   nsubj   PROPN  NNP
Ruiz       4   flat    PROPN  NNP
,          3   punct   PUNCT  ,
will       8   aux     AUX    MD
fail       8   ROOT    VERB   VB
on         10  case    ADP    IN
appeal     8   obl     NOUN   NN
.          8   punct   PUNCT  .
"""


@pytest.mark.parametrize(
    "table", [CLEAR_INSERTED_INVERTED, UD_INSERTED_INVERTED], ids=["clear", "ud"]
)
def test_inserted_reporting_clause_with_the_speaker_after_the_cue(table: str) -> None:
    """The plan, said X, will fail: the name after an inverted cue speaks."""
    assert summary(only(quotes_of(table))) == (
        QuoteKind.INDIRECT,
        AttributionMethod.PARENTHETICAL,
        "The plan, said Ana Ruiz, will fail on appeal",
        "Ana Ruiz",
        "Ana Ruiz",
        "said",
        "say",
    )


# -- the boundary with quotes ---------------------------------------------------------------

CLEAR_MIXED = """
Ana        1   compound PROPN NNP
Ruiz       2   nsubj   PROPN  NNP
said       2   ROOT    VERB   VBD  say
the        4   det     DET    DT
closure    5   nsubj   NOUN   NN
was        2   ccomp   AUX    VBD  be
"          9   punct   PUNCT  ``
a          9   det     DET    DT
grave      9   amod    ADJ    JJ
mistake    5   attr    NOUN   NN
"          9   punct   PUNCT  ''
for        5   prep    ADP    IN
the        13  det     DET    DT
town       11  pobj    NOUN   NN
.          2   punct   PUNCT  .
"""

UD_MIXED = """
Ana        2   nsubj   PROPN  NNP
Ruiz       0   flat    PROPN  NNP
said       2   ROOT    VERB   VBD  say
the        4   det     DET    DT
closure    9   nsubj   NOUN   NN
was        9   cop     AUX    VBD  be
"          9   punct   PUNCT  ``
a          9   det     DET    DT
grave      9   amod    ADJ    JJ
mistake    2   ccomp   NOUN   NN
"          9   punct   PUNCT  ''
for        13  case    ADP    IN
the        13  det     DET    DT
town       9   nmod    NOUN   NN
.          2   punct   PUNCT  .
"""


@pytest.mark.parametrize("table", [CLEAR_MIXED, UD_MIXED], ids=["clear", "ud"])
def test_reported_clause_with_a_quoted_fragment_is_mixed(table: str) -> None:
    """X said Y was "a grave mistake" for Z: one MIXED report; the fragment is absorbed."""
    assert summary(only(quotes_of(table))) == (
        QuoteKind.MIXED,
        AttributionMethod.COMPLEMENT,
        'the closure was "a grave mistake" for the town',
        "Ana Ruiz",
        "Ana Ruiz",
        "said",
        "say",
    )


CLEAR_CALLED = """
Ana        1   compound PROPN NNP
Ruiz       2   nsubj   PROPN  NNP
called     2   ROOT    VERB   VBD  call
the        4   det     DET    DT
plan       2   dobj    NOUN   NN
"          7   punct   PUNCT  ``
a          7   det     DET    DT
farce      2   oprd    NOUN   NN
"          7   punct   PUNCT  ''
.          2   punct   PUNCT  .
"""

UD_CALLED = """
Ana        2   nsubj   PROPN  NNP
Ruiz       0   flat    PROPN  NNP
called     2   ROOT    VERB   VBD  call
the        4   det     DET    DT
plan       2   obj     NOUN   NN
"          7   punct   PUNCT  ``
a          7   det     DET    DT
farce      2   xcomp   NOUN   NN
"          7   punct   PUNCT  ''
.          2   punct   PUNCT  .
"""


@pytest.mark.parametrize("table", [CLEAR_CALLED, UD_CALLED], ids=["clear", "ud"])
def test_fragment_that_is_all_the_cue_reports_stays_partial(table: str) -> None:
    """X called the plan "a farce": the quote stands alone; no reported speech is added."""
    assert summary(only(quotes_of(table))) == (
        QuoteKind.PARTIAL,
        AttributionMethod.EMBEDDED,
        "a farce",
        "Ana Ruiz",
        "Ana Ruiz",
        "called",
        "call",
    )


CLEAR_SAID_THAT_QUOTED = """
Ana        1   compound PROPN NNP
Ruiz       2   nsubj   PROPN  NNP
said       2   ROOT    VERB   VBD  say
on         2   prep    ADP    IN
Monday     3   pobj    PROPN  NNP
that       9   mark    SCONJ  IN
"          9   punct   PUNCT  ``
we         9   nsubj   PRON   PRP
will       9   aux     AUX    MD
win        2   ccomp   VERB   VB
"          9   punct   PUNCT  ''
.          2   punct   PUNCT  .
"""

UD_SAID_THAT_QUOTED = """
Ana        2   nsubj   PROPN  NNP
Ruiz       0   flat    PROPN  NNP
said       2   ROOT    VERB   VBD  say
on         4   case    ADP    IN
Monday     2   obl     PROPN  NNP
that       9   mark    SCONJ  IN
"          9   punct   PUNCT  ``
we         9   nsubj   PRON   PRP
will       9   aux     AUX    MD
win        2   ccomp   VERB   VB
"          9   punct   PUNCT  ''
.          2   punct   PUNCT  .
"""


@pytest.mark.parametrize(
    "table", [CLEAR_SAID_THAT_QUOTED, UD_SAID_THAT_QUOTED], ids=["clear", "ud"]
)
def test_quoted_clause_after_that_is_mixed(table: str) -> None:
    """X said on Monday that "we will win": "that" makes the quoted clause a reported one."""
    assert summary(only(quotes_of(table))) == (
        QuoteKind.MIXED,
        AttributionMethod.COMPLEMENT,
        'that "we will win"',
        "Ana Ruiz",
        "Ana Ruiz",
        "said",
        "say",
    )


CLEAR_DIRECT_THEN_CUE = """
"          4   punct   PUNCT  ``
The        2   det     DET    DT
port       4   nsubj   NOUN   NN
will       4   aux     AUX    MD
close      11  ccomp   VERB   VB
in         4   prep    ADP    IN
June       5   pobj    PROPN  NNP
,          4   punct   PUNCT  ,
"          11  punct   PUNCT  ''
Ana        10  compound PROPN NNP
Ruiz       11  nsubj   PROPN  NNP
said       11  ROOT    VERB   VBD  say
.          11  punct   PUNCT  .
"""

UD_DIRECT_THEN_CUE = """
"          4   punct   PUNCT  ``
The        2   det     DET    DT
port       4   nsubj   NOUN   NN
will       4   aux     AUX    MD
close      11  ccomp   VERB   VB
in         6   case    ADP    IN
June       4   obl     PROPN  NNP
,          4   punct   PUNCT  ,
"          11  punct   PUNCT  ''
Ana        11  nsubj   PROPN  NNP
Ruiz       9   flat    PROPN  NNP
said       11  ROOT    VERB   VBD  say
.          11  punct   PUNCT  .
"""


@pytest.mark.parametrize("table", [CLEAR_DIRECT_THEN_CUE, UD_DIRECT_THEN_CUE], ids=["clear", "ud"])
def test_direct_quote_with_trailing_cue_adds_no_report(table: str) -> None:
    """ "Y," X said: the cue frames a whole quoted utterance; no indirect record besides."""
    assert summary(only(quotes_of(table))) == (
        QuoteKind.DIRECT,
        AttributionMethod.CUE_AFTER,
        "The port will close in June,",
        "Ana Ruiz",
        "Ana Ruiz",
        "said",
        "say",
    )


# -- precision policies: each sentence reports nothing --------------------------------------

CLEAR_BELIEVES = """
Ana        1   compound PROPN NNP
Ruiz       2   nsubj   PROPN  NNP
believes   2   ROOT    VERB   VBZ  believe
the        4   det     DET    DT
port       6   nsubj   NOUN   NN
will       6   aux     AUX    MD
close      2   ccomp   VERB   VB
in         6   prep    ADP    IN
June       7   pobj    PROPN  NNP
.          2   punct   PUNCT  .
"""

UD_BELIEVES = """
Ana        2   nsubj   PROPN  NNP
Ruiz       0   flat    PROPN  NNP
believes   2   ROOT    VERB   VBZ  believe
the        4   det     DET    DT
port       6   nsubj   NOUN   NN
will       6   aux     AUX    MD
close      2   ccomp   VERB   VB
in         8   case    ADP    IN
June       6   obl     PROPN  NNP
.          2   punct   PUNCT  .
"""


@pytest.mark.parametrize("table", [CLEAR_BELIEVES, UD_BELIEVES], ids=["clear", "ud"])
def test_cognition_verb_reports_nothing(table: str) -> None:
    """Policy: reported thought is not speech ("believes the port will close")."""
    assert quotes_of(table) == []


CLEAR_DID_NOT_SAY = """
Ana        1   compound PROPN NNP
Ruiz       4   nsubj   PROPN  NNP
did        4   aux     AUX    VBD  do
not        4   neg     PART   RB
say        4   ROOT    VERB   VB   say
that       9   mark    SCONJ  IN
the        7   det     DET    DT
port       9   nsubj   NOUN   NN
would      9   aux     AUX    MD
close      4   ccomp   VERB   VB
in         9   prep    ADP    IN
June       10  pobj    PROPN  NNP
.          4   punct   PUNCT  .
"""

UD_DID_NOT_SAY = """
Ana        4   nsubj   PROPN  NNP
Ruiz       0   flat    PROPN  NNP
did        4   aux     AUX    VBD  do
not        4   advmod  PART   RB
say        4   ROOT    VERB   VB   say
that       9   mark    SCONJ  IN
the        7   det     DET    DT
port       9   nsubj   NOUN   NN
would      9   aux     AUX    MD
close      4   ccomp   VERB   VB
in         11  case    ADP    IN
June       9   obl     PROPN  NNP
.          4   punct   PUNCT  .
"""


@pytest.mark.parametrize("table", [CLEAR_DID_NOT_SAY, UD_DID_NOT_SAY], ids=["clear", "ud"])
def test_negated_cue_reports_nothing(table: str) -> None:
    """Policy: a negated cue ("did not say that …") reports nothing."""
    assert quotes_of(table) == []


CLEAR_NOBODY_SAID = """
Nobody     1   nsubj   PRON   NN   nobody
said       1   ROOT    VERB   VBD  say
the        3   det     DET    DT
port       5   nsubj   NOUN   NN
would      5   aux     AUX    MD
close      1   ccomp   VERB   VB
in         5   prep    ADP    IN
June       6   pobj    PROPN  NNP
.          1   punct   PUNCT  .
"""


def test_negative_subject_reports_nothing() -> None:
    """Policy: a cue whose subject is "nobody" is negated too."""
    assert quotes_of(CLEAR_NOBODY_SAID) == []


CLEAR_WILL_ANNOUNCE = """
Ana        1   compound PROPN NNP
Ruiz       3   nsubj   PROPN  NNP
will       3   aux     AUX    MD
announce   3   ROOT    VERB   VB   announce
that       8   mark    SCONJ  IN
the        6   det     DET    DT
port       8   nsubj   NOUN   NN
is         8   aux     AUX    VBZ  be
closing    3   ccomp   VERB   VBG  close
in         8   prep    ADP    IN
June       9   pobj    PROPN  NNP
.          3   punct   PUNCT  .
"""

UD_WOULD_ARGUE = """
Ana        3   nsubj   PROPN  NNP
Ruiz       0   flat    PROPN  NNP
would      3   aux     AUX    MD
argue      3   ROOT    VERB   VB   argue
that       8   mark    SCONJ  IN
the        6   det     DET    DT
port       8   nsubj   NOUN   NN
is         8   aux     AUX    VBZ  be
closing    3   ccomp   VERB   VBG  close
in         10  case    ADP    IN
June       8   obl     PROPN  NNP
.          3   punct   PUNCT  .
"""


@pytest.mark.parametrize(
    "table", [CLEAR_WILL_ANNOUNCE, UD_WOULD_ARGUE], ids=["clear-will", "ud-would"]
)
def test_future_or_conditional_cue_reports_nothing(table: str) -> None:
    """Policy: a modal cue ("will announce", "would argue") has reported nothing yet."""
    assert quotes_of(table) == []


CLEAR_PLANS_TO_ANNOUNCE = """
Ana        1   compound PROPN NNP
Ruiz       2   nsubj   PROPN  NNP
plans      2   ROOT    VERB   VBZ  plan
to         4   aux     PART   TO
announce   2   xcomp   VERB   VB   announce
that       9   mark    SCONJ  IN
the        7   det     DET    DT
port       9   nsubj   NOUN   NN
will       9   aux     AUX    MD
close      4   ccomp   VERB   VB
in         9   prep    ADP    IN
June       10  pobj    PROPN  NNP
.          2   punct   PUNCT  .
"""

UD_EXPECTED_TO_ANNOUNCE = """
Ana        3   nsubj:pass PROPN NNP
Ruiz       0   flat    PROPN  NNP
is         3   aux:pass AUX   VBZ  be
expected   3   ROOT    VERB   VBN  expect
to         5   mark    PART   TO
announce   3   xcomp   VERB   VB   announce
that       10  mark    SCONJ  IN
the        8   det     DET    DT
port       10  nsubj   NOUN   NN
will       10  aux     AUX    MD
close      5   ccomp   VERB   VB
in         12  case    ADP    IN
June       10  obl     PROPN  NNP
.          3   punct   PUNCT  .
"""


@pytest.mark.parametrize(
    "table",
    [CLEAR_PLANS_TO_ANNOUNCE, UD_EXPECTED_TO_ANNOUNCE],
    ids=["clear-plans", "ud-expected"],
)
def test_intended_cue_reports_nothing(table: str) -> None:
    """Policy: a cue under an intention ("plans to announce that …") reports nothing yet."""
    assert quotes_of(table) == []


CLEAR_MET_TO_ANNOUNCE = """
Ana        1   compound PROPN NNP
Ruiz       2   nsubj   PROPN  NNP
met        2   ROOT    VERB   VBD  meet
reporters  2   dobj    NOUN   NNS  reporter
to         5   aux     PART   TO
announce   2   advcl   VERB   VB   announce
that       10  mark    SCONJ  IN
the        8   det     DET    DT
port       10  nsubj   NOUN   NN
would      10  aux     AUX    MD
close      5   ccomp   VERB   VB
.          2   punct   PUNCT  .
"""


def test_infinitive_of_purpose_reports_nothing() -> None:
    """Policy: a cue in an infinitive of purpose ("met reporters to announce") reports nothing."""
    assert quotes_of(CLEAR_MET_TO_ANNOUNCE) == []


CLEAR_DID_HE_SAY = """
Did        3   aux     AUX    VBD  do
Ana        2   compound PROPN NNP
Ruiz       3   nsubj   PROPN  NNP
say        3   ROOT    VERB   VB   say
that       8   mark    SCONJ  IN
the        6   det     DET    DT
port       8   nsubj   NOUN   NN
would      8   aux     AUX    MD
close      3   ccomp   VERB   VB
in         8   prep    ADP    IN
June       9   pobj    PROPN  NNP
?          3   punct   PUNCT  .
"""


def test_reporters_question_reports_nothing() -> None:
    """Policy: a reporter's own question ("Did X say that …?") reports nothing."""
    assert quotes_of(CLEAR_DID_HE_SAY) == []


CLEAR_IT_WAS_REPORTED = """
It         2   nsubjpass PRON PRP
was        2   auxpass AUX    VBD  be
reported   2   ROOT    VERB   VBN  report
that       7   mark    SCONJ  IN
the        5   det     DET    DT
port       7   nsubj   NOUN   NN
would      7   aux     AUX    MD
close      2   ccomp   VERB   VB
in         7   prep    ADP    IN
June       8   pobj    PROPN  NNP
.          2   punct   PUNCT  .
"""

UD_IT_WAS_REPORTED = """
It         2   expl    PRON   PRP
was        2   aux:pass AUX   VBD  be
reported   2   ROOT    VERB   VBN  report
that       7   mark    SCONJ  IN
the        5   det     DET    DT
port       7   nsubj   NOUN   NN
would      7   aux     AUX    MD
close      2   ccomp   VERB   VB
in         9   case    ADP    IN
June       7   obl     PROPN  NNP
.          2   punct   PUNCT  .
"""


@pytest.mark.parametrize("table", [CLEAR_IT_WAS_REPORTED, UD_IT_WAS_REPORTED], ids=["clear", "ud"])
def test_passive_cue_without_agent_reports_nothing(table: str) -> None:
    """Policy: "it was reported that …" has no speaker and is left out."""
    assert quotes_of(table) == []


CLEAR_NESTED = """
Ana        1   compound PROPN NNP
Ruiz       2   nsubj   PROPN  NNP
said       2   ROOT    VERB   VBD  say
Tom        4   compound PROPN NNP
Lee        5   nsubj   PROPN  NNP
told       2   ccomp   VERB   VBD  tell
her        5   dobj    PRON   PRP
that       11  mark    SCONJ  IN
the        9   det     DET    DT
port       11  nsubj   NOUN   NN
would      11  aux     AUX    MD
close      5   ccomp   VERB   VB
in         11  prep    ADP    IN
June       12  pobj    PROPN  NNP
.          2   punct   PUNCT  .
"""

UD_NESTED = """
Ana        2   nsubj   PROPN  NNP
Ruiz       0   flat    PROPN  NNP
said       2   ROOT    VERB   VBD  say
Tom        5   nsubj   PROPN  NNP
Lee        3   flat    PROPN  NNP
told       2   ccomp   VERB   VBD  tell
her        5   obj     PRON   PRP
that       11  mark    SCONJ  IN
the        9   det     DET    DT
port       11  nsubj   NOUN   NN
would      11  aux     AUX    MD
close      5   ccomp   VERB   VB
in         13  case    ADP    IN
June       11  obl     PROPN  NNP
.          2   punct   PUNCT  .
"""


@pytest.mark.parametrize("table", [CLEAR_NESTED, UD_NESTED], ids=["clear", "ud"])
def test_nested_report_gives_only_the_outermost(table: str) -> None:
    """Policy: in "X said Y told her that …" the whole content is X's; Y's is not added."""
    assert summary(only(quotes_of(table))) == (
        QuoteKind.INDIRECT,
        AttributionMethod.COMPLEMENT,
        "Tom Lee told her that the port would close in June",
        "Ana Ruiz",
        "Ana Ruiz",
        "said",
        "say",
    )


CLEAR_PLAN_SHE_ANNOUNCED = """
The        1   det     DET    DT
plan       6   nsubj   NOUN   NN
she        3   nsubj   PRON   PRP
announced  1   relcl   VERB   VBD  announce
in         3   prep    ADP    IN
June       4   pobj    PROPN  NNP
collapsed  6   ROOT    VERB   VBD  collapse
.          6   punct   PUNCT  .
"""

UD_PLAN_SHE_ANNOUNCED = """
The        1   det     DET    DT
plan       6   nsubj   NOUN   NN
she        3   nsubj   PRON   PRP
announced  1   acl:relcl VERB VBD  announce
in         5   case    ADP    IN
June       3   obl     PROPN  NNP
collapsed  6   ROOT    VERB   VBD  collapse
.          6   punct   PUNCT  .
"""


@pytest.mark.parametrize(
    "table", [CLEAR_PLAN_SHE_ANNOUNCED, UD_PLAN_SHE_ANNOUNCED], ids=["clear", "ud"]
)
def test_relative_clause_without_a_clause_reports_nothing(table: str) -> None:
    """Policy: "the plan she announced" has no clause to report; the noun it names is no speech."""
    assert quotes_of(table) == []


@pytest.mark.parametrize("table", [CLEAR_MIXED, UD_MIXED], ids=["clear", "ud"])
def test_without_reported_kinds_the_fragment_comes_back_partial(table: str) -> None:
    """Policy: kinds without MIXED return the quoted fragment as the PARTIAL quote it is."""
    quote = only(quotes_of(table, kinds=frozenset({QuoteKind.DIRECT, QuoteKind.PARTIAL})))
    assert quote.kind is QuoteKind.PARTIAL
    assert quote.text == "a grave mistake"
    assert quote.speaker is not None
    assert quote.speaker.text == "Ana Ruiz"
    assert quote.cue is not None
    assert quote.cue.lemma == "say"


# -- hard parses ------------------------------------------------------------------------------
# Parses that misled the rules once (they were known failures, strict xfails, until fixed).

CLEAR_TITLE_AFTER_PLACE = """
The        1   det     DET    DT
port       3   nsubj   NOUN   NN
will       3   aux     AUX    MD
close      9   ccomp   VERB   VB
in         3   prep    ADP    IN
Lagos      4   pobj    PROPN  NNP
,          9   punct   PUNCT  ,
the        8   det     DET    DT
governor   9   nsubj   NOUN   NN
said       9   ROOT    VERB   VBD  say
.          9   punct   PUNCT  .
"""

UD_TITLE_AFTER_PLACE = """
The        1   det     DET    DT
port       3   nsubj   NOUN   NN
will       3   aux     AUX    MD
close      3   ROOT    VERB   VB
in         5   case    ADP    IN
Lagos      3   obl     PROPN  NNP
,          9   punct   PUNCT  ,
the        8   det     DET    DT
governor   9   nsubj   NOUN   NN
said       3   parataxis VERB VBD  say
.          3   punct   PUNCT  .
"""

# en_ud_sm reads "told reporters that …" as a relative clause on the listener.
UD_TOLD_THAT_AS_RELATIVE = """
Ana        2   nsubj   PROPN  NNP
Ruiz       0   flat    PROPN  NNP
told       2   ROOT    VERB   VBD  tell
reporters  2   iobj    NOUN   NNS  reporter
that       8   mark    PRON   WDT
the        6   det     DET    DT
port       8   nsubj   NOUN   NN
would      8   aux     AUX    MD
close      3   acl:relcl VERB VB
.          2   punct   PUNCT  .
"""

# en_ud_sm hangs a reporting clause after the content as a conjunct of its verb.
UD_CUE_AS_CONJUNCT = """
The        1   det     DET    DT
port       3   nsubj   NOUN   NN
will       3   aux     AUX    MD
close      3   ROOT    VERB   VB
in         5   case    ADP    IN
June       3   obl     PROPN  NNP
,          12  punct   PUNCT  ,
a          8   det     DET    DT
spokesman  12  nsubj   NOUN   NN
for        11  case    ADP    IN
the        11  det     DET    DT
council    8   nmod    NOUN   NN
said       3   conj    VERB   VBD  say
.          3   punct   PUNCT  .
"""

# en_ud_sm makes an inserted inverted cue the root, with the content's subject its subject.
UD_INSERTED_INVERTED_AS_ROOT = """
The        1   det     DET    DT
plan       3   nsubj   NOUN   NN
,          1   punct   PUNCT  ,
said       3   ROOT    VERB   VBD  say
Ana        3   nsubj   PROPN  NNP
Ruiz       4   flat    PROPN  NNP
,          3   punct   PUNCT  ,
will       8   aux     AUX    MD
fail       3   ccomp   VERB   VB
on         10  case    ADP    IN
appeal     8   obl     NOUN   NN
.          3   punct   PUNCT  .
"""


# A pronoun speaker after the content: "she" is the woman named before, not the man the
# content is about.
CLEAR_PRONOUN_AFTER_A_NAMED_CONTENT = """
Ana        1   compound PROPN NNP
Ruiz       2   nsubj   PROPN  NNP
runs       2   ROOT    VERB   VBZ  run
the        4   det     DET    DT
port       2   dobj    NOUN   NN
.          2   punct   PUNCT  .
Tom        7   compound PROPN NNP
Lee        10  nsubjpass PROPN NNP
will       10  aux     AUX    MD
be         10  auxpass AUX    VB   be
consulted  13  ccomp   VERB   VBN  consult
,          13  punct   PUNCT  ,
she        13  nsubj   PRON   PRP
said       13  ROOT    VERB   VBD  say
.          13  punct   PUNCT  .
"""

UD_PRONOUN_AFTER_A_NAMED_CONTENT = """
Ana        2   nsubj   PROPN  NNP
Ruiz       0   flat    PROPN  NNP
runs       2   ROOT    VERB   VBZ  run
the        4   det     DET    DT
port       2   obj     NOUN   NN
.          2   punct   PUNCT  .
Tom        10  nsubj:pass PROPN NNP
Lee        6   flat    PROPN  NNP
will       10  aux     AUX    MD
be         10  aux:pass AUX   VB   be
consulted  10  ROOT    VERB   VBN  consult
,          13  punct   PUNCT  ,
she        13  nsubj   PRON   PRP
said       10  parataxis VERB VBD  say
.          10  punct   PUNCT  .
"""

UD_PRONOUN_INSERTED_AFTER_A_NAME = """
Ana        2   nsubj   PROPN  NNP
Ruiz       0   flat    PROPN  NNP
runs       2   ROOT    VERB   VBZ  run
the        4   det     DET    DT
port       2   obj     NOUN   NN
.          2   punct   PUNCT  .
Tom        14  nsubj:pass PROPN NNP
Lee        6   flat    PROPN  NNP
,          10  punct   PUNCT  ,
she        10  nsubj   PRON   PRP
said       14  parataxis VERB VBD  say
,          10  punct   PUNCT  ,
will       14  aux     AUX    MD
be         14  aux:pass AUX   VB   be
consulted  14  ROOT    VERB   VBN  consult
.          14  punct   PUNCT  .
"""


# Parses that misled the rules once; each pins the fix: (content, speaker mention, speaker
# name, cue).
HARD_PARSES = [
    pytest.param(
        CLEAR_PRONOUN_AFTER_A_NAMED_CONTENT,
        ("Tom Lee will be consulted", "she", "Ana Ruiz", "said"),
        id="clear-pronoun-not-resolved-into-its-own-content",
    ),
    pytest.param(
        UD_PRONOUN_AFTER_A_NAMED_CONTENT,
        ("Tom Lee will be consulted", "she", "Ana Ruiz", "said"),
        id="ud-pronoun-not-resolved-into-its-own-content",
    ),
    pytest.param(
        UD_PRONOUN_INSERTED_AFTER_A_NAME,
        ("Tom Lee, she said, will be consulted", "she", "Ana Ruiz", "said"),
        id="ud-inserted-pronoun-not-resolved-into-its-own-content",
    ),
    pytest.param(
        CLEAR_TITLE_AFTER_PLACE,
        ("The port will close in Lagos", "the governor", None, "said"),
        id="clear-title-not-named-after-the-place-ending-the-content",
    ),
    pytest.param(
        UD_TITLE_AFTER_PLACE,
        ("The port will close in Lagos", "the governor", None, "said"),
        id="ud-title-not-named-after-the-place-ending-the-content",
    ),
    pytest.param(
        UD_INSERTED_INVERTED_AS_ROOT,
        ("The plan, said Ana Ruiz, will fail on appeal", "Ana Ruiz", "Ana Ruiz", "said"),
        id="ud-inserted-inverted-cue-as-root",
    ),
    pytest.param(
        UD_CUE_AS_CONJUNCT,
        (
            "The port will close in June",
            "a spokesman for the council",
            "spokesman for the council",
            "said",
        ),
        id="ud-reporting-clause-as-conjunct-of-the-content",
    ),
    pytest.param(
        UD_TOLD_THAT_AS_RELATIVE,
        ("that the port would close", "Ana Ruiz", "Ana Ruiz", "told"),
        id="ud-that-clause-parsed-as-relative-clause-of-the-listener",
    ),
]


@pytest.mark.parametrize(("table", "expected"), HARD_PARSES)
def test_hard_parse(table: str, expected: tuple[str, str, str | None, str]) -> None:
    """A parse that once misled the rules: its content, speaker and cue as a reader sees them."""
    found = [
        (q.text, q.speaker.text, q.speaker.name, q.cue.text if q.cue else "")
        for q in quotes_of(table)
        if q.kind in REPORTED and q.speaker is not None
    ]
    assert found == [expected]


# -- the tables themselves --------------------------------------------------------------------

TABLE_PAIRS = {
    "said-that": (CLEAR_SAID_THAT, UD_SAID_THAT),
    "said-bare": (CLEAR_SAID_BARE, UD_SAID_BARE),
    "promised": (CLEAR_PROMISED, UD_PROMISED),
    "clause-then-cue": (CLEAR_CLAUSE_THEN_CUE, UD_CLAUSE_THEN_CUE),
    "inserted": (CLEAR_INSERTED, UD_INSERTED),
    "according-first": (CLEAR_ACCORDING_FIRST, UD_ACCORDING_FIRST),
    "according-last": (CLEAR_ACCORDING_LAST, UD_ACCORDING_LAST),
    "noun-cue": (CLEAR_NOUN_CUE, UD_NOUN_CUE),
    "relative-speaker": (CLEAR_RELATIVE_SPEAKER, UD_RELATIVE_SPEAKER),
    "two-cues": (CLEAR_TWO_CUES, UD_TWO_CUES),
    "told-that": (CLEAR_TOLD_THAT, UD_TOLD_THAT),
    "according-inside": (CLEAR_ACCORDING_INSIDE, UD_ACCORDING_INSIDE),
    "issued-warning": (CLEAR_ISSUED_WARNING, UD_ISSUED_WARNING),
    "inserted-inverted": (CLEAR_INSERTED_INVERTED, UD_INSERTED_INVERTED),
    "mixed": (CLEAR_MIXED, UD_MIXED),
    "called": (CLEAR_CALLED, UD_CALLED),
    "said-that-quoted": (CLEAR_SAID_THAT_QUOTED, UD_SAID_THAT_QUOTED),
    "direct-then-cue": (CLEAR_DIRECT_THEN_CUE, UD_DIRECT_THEN_CUE),
    "believes": (CLEAR_BELIEVES, UD_BELIEVES),
    "did-not-say": (CLEAR_DID_NOT_SAY, UD_DID_NOT_SAY),
    "modal": (CLEAR_WILL_ANNOUNCE, UD_WOULD_ARGUE),
    "intention": (CLEAR_PLANS_TO_ANNOUNCE, UD_EXPECTED_TO_ANNOUNCE),
    "it-was-reported": (CLEAR_IT_WAS_REPORTED, UD_IT_WAS_REPORTED),
    "nested": (CLEAR_NESTED, UD_NESTED),
    "plan-she-announced": (CLEAR_PLAN_SHE_ANNOUNCED, UD_PLAN_SHE_ANNOUNCED),
    "title-after-place": (CLEAR_TITLE_AFTER_PLACE, UD_TITLE_AFTER_PLACE),
    "pronoun-after-named-content": (
        CLEAR_PRONOUN_AFTER_A_NAMED_CONTENT,
        UD_PRONOUN_AFTER_A_NAMED_CONTENT,
    ),
}
SINGLE_TABLES = {
    "nobody-said": (CLEAR_NOBODY_SAID, LabelScheme.CLEAR),
    "met-to-announce": (CLEAR_MET_TO_ANNOUNCE, LabelScheme.CLEAR),
    "did-he-say": (CLEAR_DID_HE_SAY, LabelScheme.CLEAR),
    "inserted-on-the-noun": (UD_INSERTED_ON_THE_NOUN, LabelScheme.UD),
    "inserted-two-subjects": (UD_INSERTED_TWO_SUBJECTS, LabelScheme.UD),
    "told-that-as-relative": (UD_TOLD_THAT_AS_RELATIVE, LabelScheme.UD),
    "cue-as-conjunct": (UD_CUE_AS_CONJUNCT, LabelScheme.UD),
    "pronoun-inserted-after-name": (UD_PRONOUN_INSERTED_AFTER_A_NAME, LabelScheme.UD),
    "inserted-inverted-as-root": (UD_INSERTED_INVERTED_AS_ROOT, LabelScheme.UD),
}
ALL_TABLES = [
    *(
        pytest.param(clear, LabelScheme.CLEAR, id=f"{name}-clear")
        for name, (clear, _) in TABLE_PAIRS.items()
    ),
    *(pytest.param(ud, LabelScheme.UD, id=f"{name}-ud") for name, (_, ud) in TABLE_PAIRS.items()),
    *(pytest.param(table, scheme, id=name) for name, (table, scheme) in SINGLE_TABLES.items()),
]


@pytest.mark.parametrize(("table", "scheme"), ALL_TABLES)
def test_tables_are_read_in_the_scheme_they_are_written_in(table: str, scheme: LabelScheme) -> None:
    """Each table is detected as the scheme it is written in, so that scheme's rules run."""
    assert detect_scheme(token.dep_ for token in parse(table)) is scheme
