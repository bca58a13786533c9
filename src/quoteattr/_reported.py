"""Reported speech: what someone said, without quotation marks around all of it.

News reports most speech indirectly: ``Netanyahu stated that Israel would proceed alone``,
``the talks had failed, officials said``, ``according to the ministry, 40 people died``. Each
rule below finds a reporting cue outside every quote and the clause it reports:

1. a cue verb and its clausal complement, before or after it (``COMPLEMENT``): the
   ``that``-clause, a bare clause, or the ``to``-infinitive or ``-ing`` clause of a verb that
   reports words (``promised to refrain``, ``denies restricting``);
2. a reporting clause set into or after the clause it reports, which the parse hangs from that
   clause (``PARENTHETICAL``: ``Israel, he said, would proceed alone``);
3. ``according to X`` and the clause it modifies (``ACCORDING_TO``);
4. a noun cue and its ``that``-clause, spoken by its owner (``NOUN_COMPLEMENT``: ``his claim
   that …``, ``issued a warning that …``);
5. when the parse missed the cue (a small tagger calls "deny" a noun), the word order alone:
   a noun phrase, a reporting word and a clause (``WORD_ORDER``).

The speaker comes from the same tree rules as for quotes (:class:`Attributor`), and the
speaker resolution then applies unchanged.

Precision guards, each a documented policy:

* reported thought is not speech: cognition verbs ("think", "believe", "hope") report
  nothing; nor do evidence verbs outside the lexicon ("the data show");
* a cue that is negated ("did not say"), future or conditional ("will announce", "would
  argue"), the object of an intention ("plans to say", "is expected to announce") or an
  infinitive of purpose ("met reporters to announce") reports nothing yet;
* a reporter's own question ("Did he say that …?") reports nothing;
* a passive cue without an agent ("it was reported that", "he was told that") has no speaker
  and is left out; so is any report whose speaker the rules cannot find;
* nested reports give only the outermost: in "Smith said Jones told her that …" the content
  is Smith's;
* a cue inside a relative clause reports only its own clause ("officials who said the talks
  had failed", "a rule he said would fail"); "the plan he announced" has no clause to report.

The boundary with quotes: reported speech that contains a quoted fragment is ``MIXED`` and
takes the fragment into its text; when the fragment is all the cue reports (``called the plan
"a farce"``, ``said that "we will win"``) the quote stands alone, and no reported speech is
added; a whole quoted utterance (``DIRECT``) never lies inside reported speech.
"""

from __future__ import annotations

import bisect
import functools
from typing import TYPE_CHECKING

import attrs
import regex

from quoteattr._attribution import RELATIVE_PRONOUNS, make_attribution
from quoteattr._cues import CueCategory, default_lexicon
from quoteattr._data import data_lines, read_data
from quoteattr._relations import Rel
from quoteattr._types import AttributionMethod, QuoteKind

if TYPE_CHECKING:
    from collections.abc import Iterable, Sequence

    from spacy.tokens import Token

    from quoteattr._attribution import Attribution, Attributor, Mention, QuoteAttribution

__all__ = ["ReportedSpeech", "ReportedSpeechFinder", "may_report"]

_NEGATIONS = frozenset({"not", "n't", "never", "nt"})
_NEGATIVE_SUBJECTS = frozenset({"nobody", "none", "noone", "neither"})
_MODALS = frozenset(
    {"will", "would", "shall", "should", "could", "might", "may", "must", "'ll", "’ll", "wo"}
    | {"'d", "’d", "ca", "can"}
)
# Verbs whose open complement is a report that happened: "went on to say", "continued to
# insist", "seemed to suggest". Any other governor ("plans to say") makes it an intention.
_ASPECT_GOVERNORS = frozenset(
    {"go", "continue", "begin", "start", "proceed", "keep", "seem", "appear", "repeat"}
)
# Tags of words that carry content: a reported clause with none of them outside its quoted
# fragment is nothing but that fragment ("said that "we will win"").
_CONTENT_WORDS = frozenset({"NOUN", "PROPN", "PRON", "VERB", "AUX", "ADJ", "NUM", "ADV"})
_NOUN_PHRASE = frozenset({"NOUN", "PROPN", "PRON", "NUM", "DET", "ADJ", "PART", "CCONJ"})
# Dependents of the cue after its complement that carry the clause on (a parse that split it).
_CARRY_ON = frozenset(
    {Rel.ADVERBIAL_CLAUSE, Rel.CONJUNCT, Rel.CLAUSAL_COMPLEMENT, Rel.OPEN_COMPLEMENT, Rel.OTHER}
)
# Cues that report a clause and hardly ever an object: an object after one is the subject
# of a clause the parse split ("says the latest polls are wrong").
_CLAUSE_CUES = frozenset(
    {"say", "claim", "argue", "insist", "contend", "assert", "allege", "predict"}
    | {"suggest", "state", "declare", "report", "write", "maintain", "admit"}
    | {"acknowledge", "concede", "warn", "complain", "agree", "confirm", "deny", "boast"}
)
# Cues whose object can be an -ing clause: "denied restricting", "recalled taking".
_GERUND_CUES = frozenset(
    {"deny", "admit", "recall", "suggest", "propose", "recommend", "mention", "acknowledge"}
    | {"report", "describe", "advocate", "defend", "justify", "confess", "regret", "urge"}
    | {"oppose", "support", "discuss", "consider", "reject", "dismiss", "favor", "endorse"}
)
_ADVERBIAL_MARKERS = frozenset(
    {"as", "when", "while", "because", "after", "before", "since", "until", "once", "so"}
)
_NOT_IN_REPORTING_CLAUSE = frozenset({Rel.OBJECT, Rel.CLAUSAL_COMPLEMENT, Rel.OPEN_COMPLEMENT})
_SUBJECTS = frozenset({Rel.SUBJECT, Rel.PASSIVE_SUBJECT})
# Relations of the clause a noun cue opens: "the claim [that …]".
_NOUN_CLAUSES = frozenset({Rel.CLAUSAL_MODIFIER, Rel.CLAUSAL_COMPLEMENT, Rel.OTHER})
_CONCESSIONS = frozenset({"though", "although", "while", "whereas"})
# Punctuation where the reporter's own words may take over from the reported clause.
_CLAUSE_BREAKS = frozenset({",", ";", "—", "–", "--"})
_RELATIVE_WORDS = RELATIVE_PRONOUNS | {"where", "when"}
_EDGE_PUNCTUATION = frozenset({",", ".", ";", ":", "—", "–", "-", "--", "(", ")", "…"})
_MIN_CONTENT_WORDS = 2
_MAX_CLIMB = 8
_TIME_WORDS = frozenset(
    {"monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "today"}
    | {"morning", "afternoon", "evening", "night", "day", "week", "weekend", "month", "year"}
    | {"tonight", "yesterday", "tomorrow"}
)


def _is_finite(token: Token) -> bool:
    return token.tag_ in {"VBD", "VBZ", "VBP", "MD"}


def _is_time(token: Token) -> bool:
    return token.lower_ in _TIME_WORDS or token.ent_type_ in {"DATE", "TIME"}


_WORD = regex.compile(r"\p{L}+")


@functools.cache
def _noun_cues() -> frozenset[str]:
    return frozenset(data_lines(read_data("noun_cues.txt")))


@functools.cache
def _noun_cue_verbs() -> frozenset[str]:
    return frozenset(data_lines(read_data("noun_cue_verbs.txt")))


@functools.cache
def noun_cue_words() -> frozenset[str]:
    """The noun cues and their plurals, as written: "claim", "claims"."""
    nouns = _noun_cues()
    return nouns | {noun + "s" for noun in nouns}


@functools.cache
def _cue_words() -> frozenset[str]:
    """Every word form that can open a report: cue verbs' forms, noun cues, "according"."""
    lexicon = default_lexicon()
    forms = set(lexicon.forms) | set(lexicon.categories)
    return frozenset(forms | noun_cue_words() | {"according"})


def may_report(text: str) -> bool:
    """Whether *text* has a word that can open reported speech (checked before parsing)."""
    words = _cue_words()
    return any(word in words for word in _WORD.findall(text.lower()))


@attrs.frozen
class ReportedSpeech:
    """A report found outside the quotes: its content's token range and its attribution."""

    #: First and one-past-last token of the content.
    first: int
    stop: int
    attribution: Attribution
    kind: QuoteKind
    #: The quote regions (indices into the layout's regions) the content takes in.
    regions: tuple[int, ...] = ()


@attrs.frozen
class _Candidate:
    first: int
    stop: int
    cue: int
    attribution: Attribution
    #: The reporting clause sits inside the content: "Israel, he said, would proceed".
    inserted: bool = False


class ReportedSpeechFinder:
    """Finds the reported speech of one document, given its attributed quotes."""

    def __init__(self, attributor: Attributor) -> None:
        """Share the quote rules' document, layout, relations and speaker rules."""
        self.attributor = attributor
        self.layout = attributor.layout
        self.doc = attributor.doc
        self.token_at = attributor.token_at
        self.tokens = attributor.tokens
        self.heads = attributor.heads
        self.relations = attributor.relations
        self.lexicon = attributor.lexicon

    def find_all(self, quotes: Sequence[QuoteAttribution]) -> list[ReportedSpeech]:
        """Every report of the document, outermost first in text order, fitted to *quotes*."""
        # A cue that frames a whole quoted utterance reports that quote; it reports a clause
        # too only when the clause comes between it and the quote ("said the port would
        # close: "…"").
        framing = {
            quote.attribution.cue_first: quote.region
            for quote in quotes
            if quote.kind is QuoteKind.DIRECT and quote.attribution is not None
        }
        # Only a token whose form can open a report is looked at: most words never can.
        words = _cue_words()
        openers = self.tokens.lowercase_positions_of(words)
        candidates = []
        for i in openers:
            candidate = self._candidate(self.token_at(i))
            if candidate is not None:
                candidates.append(candidate)
        kept = _outermost(candidates)
        # A quoted fragment is said once: when two reports would both take it in, it goes
        # to the one whose cue is nearest, and the other ends before it (or starts after).
        owner = self._fragment_owners(kept, quotes)
        found: list[ReportedSpeech] = []
        for candidate in kept:
            taken = frozenset(index for index, cue in owner.items() if cue != candidate.cue)
            fitted = self._fit_to_quotes(candidate, quotes, taken=taken)
            if fitted is not None:
                fitted = self._fit_to_marks(fitted)
            framed = framing.get(candidate.cue)
            if fitted is None or (
                framed is not None
                and not (candidate.cue < fitted.first and fitted.stop <= framed.first)
            ):
                continue
            found.append(fitted)
        return sorted(found, key=lambda report: report.first)

    def _fragment_owners(
        self, candidates: Sequence[_Candidate], quotes: Sequence[QuoteAttribution]
    ) -> dict[int, int]:
        """For each quote region some report takes in, the cue of the report it belongs to.

        Of the reports that would take a fragment in, the one whose cue stands in the
        fragment's reporter sentence wins, then the one whose cue is nearest to it.
        """
        claims: dict[int, list[int]] = {}
        for candidate in candidates:
            fitted = self._fit_to_quotes(candidate, quotes)
            for index in () if fitted is None else fitted.regions:
                claims.setdefault(index, []).append(candidate.cue)
        sentence_of = self.layout.sentence_of
        owners: dict[int, int] = {}
        for index, cues in claims.items():
            region = self.layout.regions[index]
            owners[index] = min(
                cues,
                key=lambda cue: (
                    sentence_of[cue] != region.sentence,
                    min(abs(cue - region.first), abs(cue - region.stop)),
                    cue,
                ),
            )
        return owners

    # -- candidates ---------------------------------------------------------------------

    def _candidate(self, token: Token) -> _Candidate | None:
        i, tokens = token.i, self.tokens
        if not self.layout.is_outside(i) or tokens.is_punct[i] or tokens.is_space[i]:
            return None
        if tokens.lower_[i] == "according":
            return self._according_to(token)
        if tokens.pos[i] in {"NOUN", "PROPN"} and self.layout.lemma(token).lower() in _noun_cues():
            found = self._noun_report(token)
            if found is not None:
                return found
        if self._is_reporting_verb(token):
            return self._verb_report(token) or self._word_order_report(token)
        if self._is_reporting_word(token):
            return self._word_order_report(token)
        if self._reports_that_clause(token):
            return self._verb_report(token)
        return None

    def _reports_that_clause(self, token: Token) -> bool:
        """A cue trusted only next to a quote, with a ``that``-clause: "pointed out that …".

        "point", "post" or "continue" mostly mean something else ("points to a risk",
        "continued to rise"); followed by a clause that "that" opens, with no other verb
        between them, they report it.
        """
        lemma = self.attributor.cue_lemma(token)
        if lemma is None or self.lexicon.category(lemma) in {None, CueCategory.COGNITION}:
            return False
        if not (self.attributor.is_cue(token) and self.attributor.is_verb(token)):
            return False
        for clause in self.relations.children(token, Rel.CLAUSAL_COMPLEMENT):
            opener = self._opening_that(clause) if clause.i > token.i else None
            if opener is not None and not any(
                self.attributor.is_verb_at(i) for i in range(token.i + 1, opener)
            ):
                return True
        return False

    def _opening_that(self, clause: Token) -> int | None:
        """The "that" that opens *clause*, if it has one."""
        lower = self.tokens.lower_
        return next(
            (
                child
                for child in self.tokens.children(clause.i)
                if child < clause.i and lower[child] == "that"
            ),
            None,
        )

    def _is_reporting_word(self, token: Token) -> bool:
        """A reporting verb's form whatever its tag, from a lexicon lemma that reports speech."""
        lemma = self.attributor.cue_lemma(token)
        return lemma is not None and self._reports_speech(lemma)

    def _cue_lemma_or_own(self, token: Token) -> str:
        """The lemma a report records for its cue: the lexicon's, else the token's own."""
        return self.attributor.cue_lemma(token) or self.layout.lemma(token).lower()

    def _reports_speech(self, lemma: str) -> bool:
        category = self.lexicon.category(lemma)
        return (
            category is not None
            and category is not CueCategory.COGNITION
            and self.lexicon.governs_at_distance(lemma)
        )

    def _is_reporting_verb(self, token: Token) -> bool:
        return self.attributor.is_cue(token) and self._is_reporting_word(token)

    # -- rule 1 and 2: a cue verb and its clause ----------------------------------------

    def _verb_report(self, cue: Token) -> _Candidate | None:
        if not self._asserted(cue):
            return None
        complement = self._complement(cue)
        if complement is not None and self._opens_insertion(cue):
            # "The new quay, said Ortiz, would open in 2027."
            return self._parenthetical(cue, complement)
        extent = self._extent(complement) if complement is not None else self._split_clause(cue)
        if extent is None:
            host = self._host_clause(cue) if self._is_reporting_clause(cue) else None
            return None if host is None else self._parenthetical(cue, host)
        first, stop = extent
        if complement is not None and complement.i < cue.i:
            first = self._sentence_start(first, cue)
        else:
            stop = self._until_next_report(first, self._carry_on(cue, first, stop), cue)
        return self._attributed(cue, first, stop, AttributionMethod.COMPLEMENT)

    def _opens_insertion(self, cue: Token) -> bool:
        """An inverted cue set into a clause: ", said Ortiz," with the clause around it."""
        if cue.i == 0 or self.tokens.orth[cue.i - 1] != ",":
            return False
        sentence = self.layout.reporter_tokens(self.layout.sentence_of[cue.i])
        after = [i for i in sentence if i > cue.i]
        name = self.attributor.noun_phrase_after(after)
        return (
            name is not None
            and name.stop < len(self.doc)
            and self.tokens.orth[name.stop] == ","
            and any(i < cue.i - 1 for i in sentence)
        )

    def _host_clause(self, cue: Token) -> Token | None:
        """The clause a reporting clause is set into or after ("Israel, he said, would …").

        The parse hangs it from that clause's verb (``parataxis``), or, set off by commas,
        from a noun of it as if it were a relative clause ("The river, she warned, could
        rise": the verb above that noun).
        """
        if self.relations.rel(cue) is Rel.PARATAXIS:
            return (
                self._verb_at_or_above(self.layout.head(cue))
                if self.heads[cue.i] != cue.i
                else None
            )
        words = [i for i in self.layout.subtree_in_spacy_order(cue) if not self.tokens.is_punct[i]]
        before, after = words[0] - 1, words[-1] + 1
        set_off = (
            before >= 0
            and self.tokens.orth[before] == ","
            and after < len(self.doc)
            and self.tokens.orth[after] in {",", ".", ";"}
        )
        rel = self.relations.rel(cue)
        closes = after >= len(self.doc) or self.tokens.orth[after] in {".", "!", "?"}
        if set_off and closes and rel is Rel.CONJUNCT and self.heads[cue.i] < cue.i:
            # "The port will close in June, a spokesman for the council said."
            return self._verb_at_or_above(self.layout.head(cue))
        if not set_off or rel is not Rel.RELATIVE_CLAUSE:
            return None
        subject = self.relations.subject(cue)
        if subject is None or subject.lower_ in _RELATIVE_WORDS:
            return None  # a true relative clause: "the river, which rose …"
        return self._verb_at_or_above(self.layout.head(cue))

    def _heads_clause(self, token: Token) -> bool:
        """A verb, or a predicate with a subject of its own."""
        return token.pos_ in {"VERB", "AUX"} or self.relations.subject(token) is not None

    def _verb_at_or_above(self, node: Token, steps: int = _MAX_CLIMB) -> Token | None:
        """*node* if it heads a clause, else the first clause head above it."""
        for _ in range(steps):
            if self._heads_clause(node):
                return node
            if self.heads[node.i] == node.i:
                return None
            node = self.layout.head(node)
        return None

    def _sentence_start(self, first: int, cue: Token) -> int:
        """Where a clause reported by a cue after it starts: at its reporter sentence's start.

        "At the rally on Tuesday, a girl was pepper-sprayed, police said": the opening
        phrase belongs to what the police said, whatever the parse attached it to.
        """
        sentence = self.layout.reporter_tokens(self.layout.sentence_of[cue.i])
        if not sentence or sentence[0] >= first:
            return first
        if any(self.layout.region_of[i] >= 0 for i in range(sentence[0], first)):
            return first
        return sentence[0]

    def _parenthetical(self, cue: Token, host: Token) -> _Candidate | None:
        """A reporting clause set into or after the clause it reports.

        The speaker is the subject nearest before the cue, or the name after an inverted
        cue ("…, said Smith"); the content is the host clause with whatever the parse hung
        from the reporting clause, less the reporting clause itself.
        """
        subjects = [
            child
            for child in self.relations.children(cue, Rel.SUBJECT)
            if child.i < cue.i and child.pos_ in {"PRON", "PROPN", "NOUN"}
        ]
        sentence = set(self.layout.reporter_tokens(self.layout.sentence_of[cue.i]))
        clause_tokens = [i for i in self.layout.subtree_in_spacy_order(cue) if i in sentence]
        speaker = None
        if subjects and not self._opens_insertion(cue):
            subject = max(subjects, key=lambda child: child.i)
            opening = max(
                (i for i in range(cue.left_edge.i, subject.i) if self.tokens.orth[i] == ","),
                default=cue.left_edge.i - 1,
            )
            speaker = self.attributor.mention(subject, [i for i in clause_tokens if i > opening])
        if speaker is None:
            speaker = self.attributor.noun_phrase_after([i for i in clause_tokens if i > cue.i])
        if speaker is None:
            return None
        # The reporting clause: from its speaker (or the cue) on, over the cue's own words
        # ("said on Tuesday"), up to punctuation or the host clause.
        hosted = set(self.layout.subtree(host))
        insertion_stop = max(speaker.stop, cue.i + 1)
        while (
            insertion_stop < len(self.doc)
            and not self.tokens.is_punct[insertion_stop]
            and insertion_stop not in hosted
            and cue.left_edge.i <= insertion_stop <= cue.right_edge.i
        ):
            insertion_stop += 1
        insertion = range(min(speaker.first, cue.i), insertion_stop)
        # What the parse hung from the reporting clause before it belongs to the content
        # ("The quay, the master said, …"); what follows it is the clause's own (", a
        # professor at …").
        indices = hosted | {i for i in self.layout.subtree(cue) if i < insertion.start}
        first, stop = self._extent(host, left_out=insertion, among=indices)
        if stop <= insertion.start:
            first = self._sentence_start(first, cue)
        lemma = self._cue_lemma_or_own(cue)
        method = AttributionMethod.PARENTHETICAL
        attribution = make_attribution(cue.i, cue.i + 1, lemma, method, speaker)
        inserted = first < insertion.start and insertion.stop < stop
        return self._checked(_Candidate(first, stop, cue.i, attribution, inserted))

    def _complement(self, cue: Token) -> Token | None:
        """The clause *cue* reports: a clausal complement, or an infinitive or -ing clause.

        The nearest after the cue wins (a parse may add a stray second complement further
        on); else a clausal complement before it ("Israel would proceed, he said"). A clause
        in another paragraph is none: the parse ran a headline into the text below it.
        """
        relations = self.relations
        paragraph_of = self.layout.paragraph_of
        clauses = [
            clause
            for clause in relations.children(cue, Rel.CLAUSAL_COMPLEMENT)
            if paragraph_of[clause.i] == paragraph_of[cue.i]
            and self._is_clause(clause)
            and not self._is_adverbial(clause)
            and not self._is_set_off_participle(cue, clause)
        ]
        clauses += [
            child
            for child in relations.children(cue, Rel.OPEN_COMPLEMENT)
            if child.i > cue.i and child.pos_ in {"VERB", "AUX"} and self._reports_by(cue, child)
        ]
        after = [clause for clause in clauses if clause.i > cue.i]
        if after:
            return min(after, key=lambda clause: clause.left_edge.i)
        return max(clauses, key=lambda clause: clause.i, default=None)

    def _split_clause(self, cue: Token) -> tuple[int, int] | None:
        """A clause the parse split into an object and a verb: "says the polls are wrong".

        Verbs of saying rarely take a plain object; when one follows the cue and a finite
        verb comes after it within the cue's phrase, the object opens the reported clause.
        """
        lemma = self.attributor.cue_lemma(cue)
        if lemma not in _CLAUSE_CUES:
            return None
        obj = self.relations.first_child(cue, Rel.OBJECT)
        if obj is None or obj.i < cue.i or obj.lower_ in {"it", "this", "that", "so"}:
            return None
        if _is_time(obj) or any(
            self.tokens.orth[i] in {",", ";", ":"} for i in range(cue.i + 1, obj.left_edge.i)
        ):
            return None
        # A verb coordinated with the cue is the speaker's next act ("acknowledged U.S.
        # support … and recognized the need"), not the rest of a split clause.
        coordinated = {
            i
            for child in self.relations.children(cue, Rel.CONJUNCT)
            for i in self.layout.subtree(child)
        }
        after = [
            t
            for t in self.layout.token_range(obj.right_edge.i + 1, cue.right_edge.i + 1)
            if t.i not in coordinated
        ]
        finite = any(_is_finite(t) and self.layout.is_outside(t.i) for t in after) or any(
            _is_finite(t) and t.i != obj.i and not self._is_relative(t)
            for t in self._subtree_tokens(obj)
        )
        if not finite:
            return None
        return obj.left_edge.i, obj.right_edge.i + 1

    def _is_relative(self, verb: Token) -> bool:
        """A verb of a relative clause: "supporters who defend him" (not a split clause)."""
        lower = self.tokens.lower_
        return any(lower[child] in _RELATIVE_WORDS for child in self.tokens.children(verb.i)) or (
            self.relations.rel(verb) is Rel.RELATIVE_CLAUSE and self.relations.subject(verb) is None
        )

    def _reports_by(self, cue: Token, verb: Token) -> bool:
        """Whether an open complement says what was said: "promised to act", "denied lying".

        An -ing form after "said" is the reporter's ("said, answering a question"); only
        verbs that take a gerund as their object report one ("denied restricting food").
        """
        lower = self.tokens.lower_
        if any(lower[child] == "to" and child < verb.i for child in self.tokens.children(verb.i)):
            return True
        lemma = self.attributor.cue_lemma(cue)
        between = range(cue.i + 1, verb.left_edge.i)
        return lemma in _GERUND_CUES and not any(self.tokens.orth[i] == "," for i in between)

    def _is_set_off_participle(self, cue: Token, clause: Token) -> bool:
        """A participle after a comma (", answering a question") is the reporter's words."""
        if clause.tag_ != "VBG" or clause.i < cue.i:
            return False
        return any(self.tokens.orth[i] == "," for i in range(cue.i + 1, clause.left_edge.i))

    def _is_adverbial(self, clause: Token) -> bool:
        """A clause opened by "as", "when", "because" …: the parse's ccomp is an adverbial."""
        lower, rels = self.tokens.lower_, self.relations.rels
        return any(
            lower[child] in _ADVERBIAL_MARKERS and child < clause.i
            for child in self.tokens.children(clause.i)
            if rels[child] is Rel.MARKER
        )

    def _is_clause(self, head: Token) -> bool:
        """A verb, or a predicate with a subject or copula ("Rafah is the last stronghold")."""
        if self.tokens.pos[head.i] in {"VERB", "AUX"}:
            return True
        children = self.tokens.children(head.i)
        lower, rels = self.tokens.lower_, self.relations.rels
        return any(
            lower[child] in {"that", "whether", "if"} and child < head.i for child in children
        ) or any(
            rels[child] in _SUBJECTS
            or (rels[child] is Rel.AUXILIARY and self.layout.lemma(self.token_at(child)) == "be")
            for child in children
        )

    def _is_reporting_clause(self, cue: Token) -> bool:
        """A short clause of speaker and cue ("he said", "said Smith on Tuesday").

        No other verb, no object or complement, and no coordinator: ", and he answered the
        criticism" is a clause of its own, not a reporting clause.
        """
        rels, pos = self.relations.rels, self.tokens.pos
        if any(
            rels[child] in _NOT_IN_REPORTING_CLAUSE
            or (rels[child] is Rel.COORDINATOR and child < cue.i)
            for child in self.tokens.children(cue.i)
        ):
            return False
        return not any(
            i != cue.i and pos[i] != "AUX" and self.attributor.is_verb_at(i)
            for i in self.layout.subtree(cue)
        )

    def _asserted(self, cue: Token) -> bool:
        """Whether *cue* reports something said: not negated, future, intended or asked."""
        relations, lower = self.relations, self.tokens.lower_
        children = self.tokens.children(cue.i)
        for child in children:
            word = lower[child]
            if word in _NEGATIONS:
                return False
            if self.relations.rels[child] is Rel.AUXILIARY and (
                word in _MODALS or self.token_at(child).tag_ == "MD"
            ):
                return False
        subject = relations.subject(cue)
        if subject is not None and (
            lower[subject.i] in _NEGATIVE_SUBJECTS
            or any(lower[child] == "no" for child in self.tokens.children(subject.i))
        ):
            return False
        if any(lower[child] == "as" and child < cue.i for child in children):
            return False  # "as Rubio has said": a comment on the reporter's own clause
        if self._is_passive(cue) and relations.agent(cue) is None:
            return False  # "it was reported that …", "refugees admitted to …"
        infinitive = any(lower[child] == "to" and child < cue.i for child in children)
        if relations.rel(cue) is Rel.OPEN_COMPLEMENT or infinitive:
            governor = self.layout.head(cue)
            if governor.i == cue.i or self.layout.lemma(governor).lower() not in _ASPECT_GOVERNORS:
                return False
            if not self._asserted(governor):
                return False
        return not self._in_question(cue)

    def _is_passive(self, cue: Token) -> bool:
        """A passive cue: a passive subject, or a bare past participle ("refugees admitted")."""
        relations = self.relations
        if relations.passive_subject(cue) is not None:
            return True
        if cue.tag_ != "VBN":
            return False
        if any(
            self.relations.rels[child] is Rel.AUXILIARY
            and self.layout.lemma(self.token_at(child)) == "be"
            for child in self.tokens.children(cue.i)
        ):
            return True  # "was reported"
        # A bare participle after a noun is a reduced relative ("refugees admitted to …");
        # elsewhere it is a past tense the tagger mistook ("and vowed to …").
        return relations.rel(cue) in {Rel.CLAUSAL_MODIFIER, Rel.MODIFIER}

    def _in_question(self, token: Token) -> bool:
        tokens = self.layout.reporter_tokens(self.layout.sentence_of[token.i])
        return bool(tokens) and self.tokens.orth[tokens[-1]] == "?"

    def _until_next_report(self, first: int, stop: int, cue: Token | None = None) -> int:
        """End the content where the reporter's own words take over.

        A comma or semicolon before another report (", adding that …", ", according to …"),
        a concession (", though she gave no details"), an adverbial participle (", compared
        with …") or a new clause with a subject of its own (", but the talks failed") ends
        what was reported.
        """
        token_at, region_of = self.token_at, self.layout.region_of
        orth, lower = self.tokens.orth, self.tokens.lower_
        in_adverbial = cue is not None and self._is_adverbial(cue)
        for i in range(first + 1, stop - 1):
            if region_of[i] >= 0:
                continue  # inside a quote
            if in_adverbial and orth[i] == ",":
                return i  # "After Obama announced that X, forces …": the main clause is not his
            if lower[i] in {"and", "but"} and self._another_report(token_at(i + 1)):
                return i  # "announced that X and vowed to Y": two reports
            if orth[i] not in _CLAUSE_BREAKS:
                continue
            if orth[i] == ";" or self._opens_reporter_words(token_at(i + 1)):
                return i
        return stop

    def _another_report(self, token: Token) -> bool:
        """A reporting verb coordinated with the cue: "announced X and vowed to Y".

        It has no subject of its own and a finite form, not the base form of a verb in a
        list inside the content ("asked them to raise their hands and pledge loyalty").
        """
        bare_participle = token.tag_ == "VBN" and not any(
            self.relations.rels[child] is Rel.AUXILIARY for child in self.tokens.children(token.i)
        )  # a small tagger's "vowed" after "and"
        return (
            self._is_reporting_verb(token)
            and self.attributor.is_verb(token)
            and (token.tag_ in {"VBD", "VBZ", "VBP"} or bare_participle)
            and self.relations.subject(token) is None
        )

    def _opens_reporter_words(self, token: Token) -> bool:
        relations = self.relations
        word = token.lower_
        if word in {"according", "however", "compared"}:
            return True
        if word in _CONCESSIONS:
            return self.heads[token.i] > token.i and self._heads_clause(self.layout.head(token))
        if token.tag_ == "VBG" and self._is_reporting_verb(token):
            return True
        if token.tag_ == "VBN" and relations.rel(token) is Rel.ADVERBIAL_CLAUSE:
            return True  # ", compared with …"
        if word in {"and", "but", "or"} and self.heads[token.i] > token.i:
            clause = self.layout.head(token)
            opens_that = any(
                self.tokens.lower_[child] in {"that", "whether", "if"}
                for child in self.tokens.children(clause.i)
            )
            return not opens_that and relations.subject(clause) is not None
        return False

    def _carry_on(self, cue: Token, first: int, stop: int) -> int:
        """Extend a complement to the right over the phrases that continue it.

        Small parsers split a long clause: in "asserted that defeating Hamas without entering
        Rafah … was impossible" the complement is "that defeating Hamas" and the rest hangs
        from the cue. Each phrase that starts where the content stops joins it, unless it is
        one of the cue's own dependents that is no clause ("said X on Tuesday"), or another
        report. Across a comma only a coordinated member joins ("to enact reform, fix the
        system and …"); across a colon, whatever it introduces; any other punctuation ends it.
        """
        token_at, layout = self.token_at, self.layout
        sentence = layout.sentence_of[cue.i]
        while stop < len(self.doc) and layout.sentence_of[stop] == sentence:
            token = token_at(stop)
            if token.is_space:
                break
            after_comma = False
            if token.is_punct and layout.is_outside(stop):
                following = stop + 1
                if token.text not in {",", ":"} or following >= len(self.doc):
                    break
                if self.tokens.is_space[following] or layout.sentence_of[following] != sentence:
                    break
                if token.text == "," and self._opens_reporter_words(token_at(following)):
                    break
                after_comma = token.text == ","
                token = token_at(following)
            phrase = self._phrase_at(token, cue, first)
            if phrase is None or (after_comma and self.relations.rel(phrase) is not Rel.CONJUNCT):
                break
            if after_comma and self.heads[phrase.i] == cue.i and self._is_finite_clause(phrase):
                break  # "said X, and has since issued …": the speaker's next act
            if self._another_report(phrase):
                break
            stop = max(stop + 1, phrase.right_edge.i + 1)
        return stop

    def _is_finite_clause(self, verb: Token) -> bool:
        return _is_finite(verb) or any(
            self.relations.rels[child] is Rel.AUXILIARY and _is_finite(self.token_at(child))
            for child in self.tokens.children(verb.i)
        )

    def _phrase_at(self, token: Token, cue: Token, first: int) -> Token | None:
        """The largest phrase from *token* on that stays within the content and the cue.

        It may take in words of the content before *token* ("that Trump was" + "''ignorant''
        of Islam": the predicate heads both); ``None`` when it is one of the cue's own
        dependents that is no clause, or lies outside the cue's clause altogether.
        """
        node = token
        while self.heads[node.i] not in {node.i, cue.i} and self.heads[node.i] >= token.i:
            node = self.layout.head(node)
        if node.left_edge.i < first:
            return None
        if self.heads[node.i] == cue.i:
            return node if self.relations.rel(node) in _CARRY_ON else None
        # Attached somewhere left of the phrase: inside the content, or above the cue.
        return None if self.heads[node.i] < cue.i else node

    # -- rule 3: according to -----------------------------------------------------------

    def _according_to(self, according: Token) -> _Candidate | None:
        if according.i + 1 >= len(self.doc) or self.tokens.lower_[according.i + 1] != "to":
            return None
        noun = self.relations.according_to_object(according)
        if noun is None:
            return None
        phrase = noun if self.relations.rel(according) is Rel.CASE else according
        phrase_first = min(according.i, noun.left_edge.i)
        phrase_stop = max(according.i + 2, noun.right_edge.i + 1)
        sentence = self.layout.reporter_tokens(self.layout.sentence_of[according.i])
        if according.i not in sentence:
            return None
        words = [i for i in sentence if not self.tokens.is_punct[i]]
        at_edge = bool(words) and (words[0] >= phrase_first or words[-1] < phrase_stop)
        # "According to X, …" and "…, according to X." speak for the whole sentence.
        if at_edge:
            clause = self._main_clause(phrase, sentence)
        else:  # the first clause above the phrase; a root phrase has none
            clause = (
                None
                if self.heads[phrase.i] == phrase.i
                else self._verb_at_or_above(self.layout.head(phrase), 4)
            )
        if clause is None or phrase_first <= clause.i < phrase_stop:
            return None
        tokens = sentence[sentence.index(according.i) :]
        attribution = self.attributor.according_to(tokens, 0)
        if attribution is None:
            return None
        first, stop = self._extent(clause, left_out=range(phrase_first, phrase_stop))
        inserted = first < phrase_first and phrase_stop < stop
        if inserted and not self._has_content_words(first, phrase_first):
            # "fighters who, according to officials, killed …": only a relative pronoun or a
            # conjunction stands before the phrase.
            first, inserted = phrase_stop, False
        while first < stop and self.tokens.lower_[first] in _RELATIVE_WORDS - {"that"}:
            first += 1
        return self._checked(_Candidate(first, stop, according.i, attribution, inserted))

    def _has_content_words(self, first: int, stop: int) -> bool:
        return any(
            self.tokens.pos[i] in _CONTENT_WORDS and self.tokens.lower_[i] not in _RELATIVE_WORDS
            for i in range(first, stop)
        )

    def _main_clause(self, phrase: Token, sentence: Sequence[int]) -> Token | None:
        """The highest clause above *phrase* that lies in its reporter sentence."""
        members = set(sentence)
        found = None
        node = phrase
        for _ in range(_MAX_CLIMB):
            head = self.layout.head(node)
            if head.i == node.i or head.i not in members:
                break
            if self._heads_clause(head):
                found = head
            node = head
        return found

    # -- rule 4: noun cues ------------------------------------------------------------------

    def _noun_report(self, noun: Token) -> _Candidate | None:
        """``his claim that …``, ``issued a warning that …``: the owner of the noun speaks."""
        clause = next(
            (
                self.token_at(child)
                for child in self.tokens.children(noun.i)
                if child > noun.i and self._is_noun_clause(noun, self.token_at(child))
            ),
            None,
        )
        if clause is None:
            return None
        speaker = self._noun_cue_speaker(noun)
        if speaker is None:
            return None
        first, stop = self._extent(clause)
        lemma = self.layout.lemma(noun).lower()
        attribution = make_attribution(
            noun.i, noun.i + 1, lemma, AttributionMethod.NOUN_COMPLEMENT, speaker
        )
        return self._checked(_Candidate(first, stop, noun.i, attribution))

    def _is_noun_clause(self, noun: Token, clause: Token) -> bool:
        """Whether *clause* is what the noun cue *noun* reports: "the claim [that …]"."""
        lower = self.tokens.lower_
        if self.relations.rel(clause) in _NOUN_CLAUSES:
            return any(lower[g] == "that" and g < clause.i for g in self.tokens.children(clause.i))
        return self._is_misread_relative(noun, clause)

    def _is_misread_relative(self, noun: Token, clause: Token) -> bool:
        """A noun cue's ``that``-clause that the parse read as a relative clause.

        "a warning that the port would close": small parsers make "that" the object of
        "close". The clause has a subject of its own and "that" opens it right after the
        noun; a relative clause that needs "that" as its object ("the claim that he made")
        is told apart by its verb, which takes the noun cue as object (data file).
        """
        if self.relations.rel(clause) is not Rel.RELATIVE_CLAUSE:
            return False
        opener = noun.i + 1
        if opener >= len(self.doc) or self.tokens.lower_[opener] != "that":
            return False
        if self.heads[opener] != clause.i or self.relations.rels[opener] in _SUBJECTS:
            return False
        subject = self.relations.subject(clause)
        if subject is None or subject.i == opener:
            return False  # "a warning that came late": "that" is the subject
        return self.layout.lemma(clause).lower() not in _noun_cue_verbs()

    def _noun_cue_speaker(self, noun: Token) -> Mention | None:
        relations = self.relations
        sentence = self.layout.reporter_tokens(self.layout.sentence_of[noun.i])
        before = [i for i in sentence if i < noun.i]
        for child in self.layout.children(noun):
            if child.i < noun.i and self.relations.rels[child.i] is Rel.MODIFIER:
                owner = child if child.pos_ in {"PRON", "PROPN", "NOUN"} else None
                if owner is not None and child.tag_ != "DT":
                    return self.attributor.mention(owner, before)
        if relations.rel(noun) is Rel.OBJECT and self.heads[noun.i] != noun.i:
            # "issued a stern warning that …": whoever issued it.
            return self.attributor.tree_speaker(self.layout.head(noun), before)
        return None

    # -- rule 5: word order, when the parse missed the cue --------------------------------

    def _word_order_report(self, word: Token) -> _Candidate | None:
        """``Hamas and medical staff deny fighters were present``: a verb tagged as a noun.

        Taken only where nothing else reads the sentence: the reporting word stands after a
        noun phrase that opens its clause, no verb comes before it, and a clause with a
        subject and a verb of its own follows.
        """
        if self.attributor.is_verb(word):
            return None
        layout = self.layout
        sentence = layout.reporter_tokens(layout.sentence_of[word.i])
        if word.i not in sentence:
            return None
        position = sentence.index(word.i)
        before, after = sentence[:position], sentence[position + 1 :]
        if not before or not all(
            self.tokens.pos[i] in _NOUN_PHRASE or self.tokens.lower_[i] in {"and", "&", ","}
            for i in before
        ):
            return None
        if self.tokens.pos[before[-1]] not in {"NOUN", "PROPN"} or not self._opens_clause(after):
            return None
        speaker = self.attributor.noun_phrase(before)
        if speaker is None:
            return None
        stop = after[-1] + 1
        lemma = self._cue_lemma_or_own(word)
        attribution = make_attribution(
            word.i, word.i + 1, lemma, AttributionMethod.WORD_ORDER, speaker
        )
        return self._checked(_Candidate(after[0], stop, word.i, attribution))

    def _opens_clause(self, tokens: Sequence[int]) -> bool:
        """A subject and then a verb before any punctuation: "fighters were present"."""
        token_at = self.token_at
        saw_noun = False
        for i in tokens:
            token = token_at(i)
            if token.is_punct:
                return False
            if self.attributor.is_verb(token):
                return saw_noun
            if token.pos_ in {"NOUN", "PROPN", "PRON", "NUM"}:
                saw_noun = True
            elif token.pos_ not in {"DET", "ADJ", "SCONJ"}:
                return False
        return False

    # -- extents and speakers -------------------------------------------------------------

    def _extent(
        self, head: Token, *, left_out: Iterable[int] = (), among: Iterable[int] | None = None
    ) -> tuple[int, int]:
        """The token range of *head*'s subtree, within the paragraph, without some tokens.

        The tokens *left_out* are not content; when they sit inside the clause ("Israel, he
        said, would proceed"), the range runs over them: content is one stretch of text.
        *among*, when given, replaces the subtree as the tokens to span.
        """
        left_out = set(left_out)
        layout, tokens = self.layout, self.tokens
        paragraph_of, region_of = layout.paragraph_of, layout.region_of
        is_space, is_punct, orth = tokens.is_space, tokens.is_punct, tokens.orth
        paragraph = paragraph_of[head.i]
        indices = [
            i
            for i in (layout.subtree(head) if among is None else among)
            if i not in left_out
            and paragraph_of[i] == paragraph
            and not is_space[i]
            # The reporter's punctuation is no content, but for what closes or ends it.
            and not (is_punct[i] and region_of[i] < 0 and orth[i] not in {")", "%"})
        ]
        if not indices:
            return head.i, head.i
        return min(indices), max(indices) + 1

    def _subtree_tokens(self, token: Token) -> list[Token]:
        """``token.subtree``, from the tokens made once."""
        token_at = self.token_at
        return [token_at(i) for i in self.layout.subtree(token)]

    def _attributed(
        self, cue: Token, first: int, stop: int, method: AttributionMethod
    ) -> _Candidate | None:
        sentence = self.layout.reporter_tokens(self.layout.sentence_of[cue.i])
        inserted = first < cue.left_edge.i and cue.right_edge.i + 1 < stop
        if inserted:
            # "Voters, Clinton suggested, don't have to worry": the speaker is set off with
            # the cue, after the comma that opens the insertion.
            opening = max(
                (i for i in range(first, cue.i) if self.tokens.orth[i] == ","), default=first
            )
            allowed = [i for i in sentence if opening < i < cue.i or cue.i < i <= cue.right_edge.i]
        else:
            # The sentence's words around the content (both are in order).
            allowed = sentence[: bisect.bisect_left(sentence, first)]
            allowed += sentence[bisect.bisect_left(sentence, stop) :]
        speaker = self.attributor.tree_speaker(cue, allowed)
        if speaker is None and cue.tag_ != "VBG":
            speaker = self._speaker_before(cue, allowed)
        if speaker is None:
            return None
        lemma = self._cue_lemma_or_own(cue)
        attribution = make_attribution(cue.i, cue.i + 1, lemma, method, speaker)
        return self._checked(_Candidate(first, stop, cue.i, attribution, inserted))

    def _speaker_before(self, cue: Token, allowed: Sequence[int]) -> Mention | None:
        """The noun phrase before a cue whose subject the parse lost, read from the tags.

        "As part of his plea, Marcel Lazar, 44, said": the name before an apposition or a
        relative clause set off by commas, else the noun phrase right before the cue.
        """
        before = [i for i in allowed if i < cue.i]
        while before and self.tokens.pos[before[-1]] in {"ADV", "AUX", "PART"}:
            before.pop()  # "has also said"
        segments: list[list[int]] = [[]]
        for i in before:
            if self.tokens.orth[i] == "," or self.attributor.is_spaced_dash(i):
                segments.append([])
            else:
                segments[-1].append(i)
        if len(segments) >= 3 and not segments[-1]:
            name, insertion = segments[-3], segments[-2]
            if not insertion or not (
                self._is_noun_phrase(insertion)
                or self.tokens.lower_[insertion[0]] in _RELATIVE_WORDS
            ):
                return None
        else:
            name = segments[-1]
        run: list[int] = []
        for i in reversed(name):
            if self.tokens.pos[i] not in _NOUN_PHRASE - {"CCONJ"} and self.tokens.orth[i] not in {
                "-",
                "&",
            }:
                break
            run.insert(0, i)
        if not run or not self._is_noun_phrase(run):
            return None
        return self.attributor.noun_phrase(run)

    def _is_noun_phrase(self, tokens: Sequence[int]) -> bool:
        return all(
            self.tokens.pos[i] in _NOUN_PHRASE or self.tokens.orth[i] in {"-", "&", "(", ")"}
            for i in tokens
        ) and any(self.tokens.pos[i] in {"NOUN", "PROPN", "PRON", "NUM"} for i in tokens)

    def _checked(self, candidate: _Candidate) -> _Candidate | None:
        """Trim a candidate's edges; drop it when the content is too short or holds the cue.

        Only a reporting clause set into the content ("Israel, he said, would proceed") may
        lie inside it.
        """
        first, stop = self._trimmed(candidate.first, candidate.stop)
        if first > candidate.cue:
            first, stop = self._trimmed(first, self._until_next_report(first, stop))
        attribution = candidate.attribution
        holds_cue = first <= candidate.cue < stop
        holds_speaker = first < attribution.speaker_stop and attribution.speaker_first < stop
        if stop - first < _MIN_CONTENT_WORDS:
            return None
        if (holds_cue or holds_speaker) and not candidate.inserted:
            return None
        return attrs.evolve(candidate, first=first, stop=stop)

    def _trimmed(self, first: int, stop: int) -> tuple[int, int]:
        layout = self.layout
        while first < stop and (
            self.tokens.is_space[first]
            or (self.tokens.orth[first] in _EDGE_PUNCTUATION and layout.is_outside(first))
        ):
            first += 1
        while stop > first and (
            self.tokens.is_space[stop - 1]
            or (self.tokens.orth[stop - 1] in _EDGE_PUNCTUATION and layout.is_outside(stop - 1))
        ):
            stop -= 1
        return first, stop

    # -- fitting to the quotes -----------------------------------------------------------

    def _fit_to_quotes(
        self,
        candidate: _Candidate,
        quotes: Sequence[QuoteAttribution],
        *,
        taken: frozenset[int] = frozenset(),
    ) -> ReportedSpeech | None:
        """Take quoted fragments into the content; cut quotes with a reporting clause out.

        A fragment nobody else reports (unattributed, or reported by a cue that governs it)
        joins the content whole, within the paragraph. Any other quote (a whole utterance, or
        one with its own reporting clause) ends the content on the cue's side of it, with its
        speaker and cue, and so does a fragment another report has *taken*. When nothing
        but a fragment remains, the quote says it all.
        """
        first, stop = candidate.first, candidate.stop
        region_of = self.layout.region_of
        paragraph = self.layout.paragraph_of[candidate.cue]
        for index in sorted(_regions_in(region_of, first, stop)):
            quote = quotes[index]
            region = quote.region
            if index not in taken and self._joins(quote, paragraph, candidate):
                first, stop = min(first, region.first), max(stop, region.stop)
                continue
            cut_first, cut_stop = region.first, region.stop
            if quote.attribution is not None and quote.attribution.cue_first != candidate.cue:
                own = quote.attribution
                cut_first = min(cut_first, own.cue_first, own.speaker_first)
                cut_stop = max(cut_stop, own.cue_stop, own.speaker_stop)
            if cut_first > candidate.cue:
                stop = min(stop, cut_first)
            else:
                first = max(first, cut_stop)
        first, stop = self._trimmed(first, stop)
        holds_cue = first <= candidate.cue < stop
        if stop - first < _MIN_CONTENT_WORDS or (holds_cue and not candidate.inserted):
            return None
        regions = tuple(sorted(_regions_in(region_of, first, stop)))
        if not self._has_reporter_content(first, stop):
            return None
        kind = QuoteKind.MIXED if regions else QuoteKind.INDIRECT
        return ReportedSpeech(first, stop, candidate.attribution, kind, regions)

    def _fit_to_marks(self, report: ReportedSpeech) -> ReportedSpeech | None:
        """*report* with no pair of quote marks cut in two; ``None`` if too little is left.

        A mark glued to a word (``in the"summer,"``) shares a token with it, so a token
        range can end inside a quote's marks. The report then stops before the pair (or
        starts after it, when the pair began first), leaving out the token that holds both.
        A pair inside one token (``href="…"``) has no token of its own: it belongs to the
        report whose text holds it.
        """
        start, end = self.tokens.char_range(report.first, report.stop)
        clipped_start, clipped_end = start, end
        for region in self.layout.regions:
            marks = region.marks
            if marks.end <= clipped_start or clipped_end <= marks.start:
                continue
            if clipped_start <= marks.start and marks.end <= clipped_end:
                continue
            if marks.start < clipped_start:
                clipped_start = marks.end
            else:
                clipped_end = marks.start
        first, stop = report.first, report.stop
        if (clipped_start, clipped_end) != (start, end):
            first, stop = self._tokens_within(clipped_start, clipped_end, first, stop)
            first, stop = self._trimmed(first, stop)
            if stop - first < _MIN_CONTENT_WORDS or not self._has_reporter_content(first, stop):
                return None
            clipped_start, clipped_end = self.tokens.char_range(first, stop)
        regions = _regions_in(self.layout.region_of, first, stop)
        regions.update(
            index
            for index, region in enumerate(self.layout.regions)
            if clipped_start <= region.marks.start and region.marks.end <= clipped_end
        )
        if (first, stop, set(report.regions)) == (report.first, report.stop, regions):
            return report
        kind = QuoteKind.MIXED if regions else QuoteKind.INDIRECT
        return attrs.evolve(
            report, first=first, stop=stop, kind=kind, regions=tuple(sorted(regions))
        )

    def _tokens_within(self, start: int, end: int, first: int, stop: int) -> tuple[int, int]:
        """The tokens of ``first`` up to ``stop`` whose characters lie in ``[start, end)``."""
        first = bisect.bisect_left(self.tokens.idx, start, first, stop)
        last = first
        while last < stop and self.tokens.char_range(last, last + 1)[1] <= end:
            last += 1
        return first, last

    def _has_reporter_content(self, first: int, stop: int) -> bool:
        """Whether a content word outside every quote lies in tokens ``first`` to ``stop``."""
        region_of = self.layout.region_of
        return any(
            self.tokens.pos[i] in _CONTENT_WORDS and region_of[i] < 0 for i in range(first, stop)
        )

    def _joins(self, quote: QuoteAttribution, paragraph: int, candidate: _Candidate) -> bool:
        """Whether a quote is a fragment of the reported speech around it.

        It is when no other report claims it: it has no attribution, one by a cue governing
        it from a distance, by the same cue, or by a cue inside the reported clause (a report
        within the report).
        """
        if quote.kind is QuoteKind.DIRECT:
            return False
        own = quote.attribution
        if own is not None and not (
            own.method is AttributionMethod.EMBEDDED
            or own.cue_first == candidate.cue
            or candidate.first <= own.cue_first < candidate.stop
        ):
            return False
        region = quote.region
        paragraph_of = self.layout.paragraph_of
        last = max(region.first, region.stop - 1)
        return paragraph_of[region.first] == paragraph_of[last] == paragraph


def _regions_in(region_of: list[int], first: int, stop: int) -> set[int]:
    """The quote regions with a token from *first* up to *stop*."""
    return set(region_of[first:stop]) - {-1}  # -1: outside every quote


def _outermost(candidates: Iterable[_Candidate]) -> list[_Candidate]:
    """The candidates no other candidate's content holds, longest first.

    A report inside another report's content is part of what the outer speaker said; of two
    whose contents overlap otherwise (a parse gone wrong), the longer stands.
    """
    kept: list[_Candidate] = []
    for candidate in sorted(candidates, key=lambda c: (c.first - c.stop, c.first)):
        if any(
            other.first <= candidate.cue < other.stop
            or (candidate.first < other.stop and other.first < candidate.stop)
            for other in kept
        ):
            continue
        kept.append(candidate)
    return kept
