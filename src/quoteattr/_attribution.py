"""Attribution: link each quote to its reporting cue and the mention of its speaker.

The rules run in the order news style makes most reliable, and the first that matches wins:

1. the reporting clause right after the quote: ``"…," Blinken told reporters`` /
   ``"…," said Blinken`` / ``"…," according to officials``;
2. the reporting clause right before it: ``Blinken said: "…"`` / ``He added, "…"`` /
   ``According to officials, "…"`` (also when the clause ends the previous paragraph with a
   colon);
3. a cue that governs the quote in the dependency tree, anywhere in its sentence:
   ``criticizing the campaign as "over the top"``;
4. continuation: a quote with no reporting clause of its own, right after an attributed quote
   of the same or the previous paragraph, with no reporter sentence in between.

Rules 1 and 2 read the tokens' universal part-of-speech tags and the cue lexicon, which small
parsers get right far more often than the attachments around quotation marks. The dependency
tree (through :mod:`quoteattr._relations`) then supplies the speaker and the extent of its
noun phrase, with the tagged words next to the cue as the fallback.
"""

from __future__ import annotations

import itertools
from typing import TYPE_CHECKING

import attrs
import regex

from quoteattr._relations import Rel
from quoteattr._types import AttributionMethod, QuoteKind

if TYPE_CHECKING:
    from collections.abc import Sequence

    from spacy.tokens import Doc, Token

    from quoteattr._cues import CueLexicon
    from quoteattr._layout import DocLayout, QuoteRegion
    from quoteattr._relations import Relations

__all__ = [
    "RELATIVE_PRONOUNS",
    "Attribution",
    "Attributor",
    "Mention",
    "QuoteAttribution",
    "make_attribution",
]

NOMINAL = frozenset({"NOUN", "PROPN", "PRON", "NUM"})
# Tags that may appear inside a noun phrase naming a speaker.
_NOUN_PHRASE = NOMINAL | {"DET", "ADJ", "PART", "X", "SYM"}
# Tags allowed between a cue and the quote it introduces: objects and prepositional phrases
# ("told reporters in Tel Aviv:"), adverbs ("said simply,"), never another verb or a "that".
_CUE_TO_QUOTE = _NOUN_PHRASE | {"ADP", "ADV", "CCONJ", "PUNCT"}
# Tags allowed between a quote and the cue that follows its speaker ("…," Smith, 57, later told).
_QUOTE_TO_CUE = _NOUN_PHRASE | {"ADP", "ADV", "AUX", "CCONJ", "PUNCT"}
_VERBAL = frozenset({"VERB", "AUX"})
# Fine tags of proper nouns (Penn Treebank, which both English label schemes' taggers use).
_PROPER_NOUN_TAGS = frozenset({"NNP", "NNPS"})
# The lemma of the passive that reports through a participle: "was quoted as saying".
_QUOTED_LEMMA = "quote"
_DASHES = frozenset({"-", "—", "–", "--", "―"})
_MAX_BYLINE_TOKENS = 12
# A quoted clause shorter than this is a fragment, not a continued utterance.
_MIN_CONTINUED_WORDS = 5
# Words before a capitalised quote that make it a name: "on "Meet the Press"", "the "Never
# Trump" movement", "author of "The Long Road"".
_TITLE_INTRODUCERS = frozenset(
    {"on", "of", "in", "the", "program", "programme", "show", "podcast", "book", "film"}
    | {"movie", "titled", "entitled", "dubbed", "nicknamed", "hashtag", "slogan"}
)
_TITLE_SMALL_WORDS = frozenset(
    {"a", "an", "and", "as", "at", "by", "de", "for", "from", "in", "of", "on", "or", "the"}
    | {"to", "vs", "vs.", "with"}
)
_MAX_TITLE_WORDS = 8
_WORD = regex.compile(r"\p{L}[\p{L}\p{M}'’.\-]*")
RELATIVE_PRONOUNS = frozenset({"who", "whom", "which", "that", "whose"})
_EXPLETIVES = frozenset({"there", "here"})
_TRAILING_NOISE = frozenset({"ADV", "AUX", "PART", "CCONJ", "SCONJ", "ADP"})
_LEADING_NOISE = frozenset({"CCONJ", "SCONJ", "ADV", "ADP"})
# Relations through which a quote inside a clause is still reported by the verb above it:
# "said he wanted to "drain the swamp"" climbs wanted → said; an adverbial clause does not.
_COMPLEMENTS = frozenset(
    {Rel.CLAUSAL_COMPLEMENT, Rel.OPEN_COMPLEMENT, Rel.CONJUNCT, Rel.OBJECT, Rel.OTHER}
)
# Proper nouns that never continue a speaker's name: "said Smith Tuesday".
_CALENDAR_WORDS = frozenset(
    {"monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"}
    | {"january", "february", "march", "april", "may", "june", "july", "august"}
    | {"september", "october", "november", "december", "today", "tonight"}
)
# Nouns of time a small parser may take for the subject ("a statement Thursday night
# condemning …" → night): never a speaker.
_TIMES = _CALENDAR_WORDS | {
    "morning",
    "afternoon",
    "evening",
    "night",
    "day",
    "week",
    "weekend",
    "month",
    "year",
}
_PLACE_AND_ORGANISATION = frozenset({"GPE", "LOC", "ORG", "FAC", "NORP"})
_MAX_SPEAKER_TOKENS = 40
_MAX_TAG_SENTENCE_TOKENS = 8
_MAX_CUE_TO_QUOTE_TOKENS = 12
_MAX_CLIMB = 8
_MAX_SUBJECT_CLIMB = 3


def _is_temporal(token: Token) -> bool:
    return token.lower_ in _TIMES or token.ent_type_ in {"DATE", "TIME"}


def _looks_like_title(text: str) -> bool:
    """Capitalised like a title ("Meet the Press", "Fox News Sunday"), not a sentence."""
    if text.rstrip().endswith(("?", "!")):
        return False
    # One word more than a title may have is enough to tell: long quotes are not read whole.
    words = [word.group() for word in itertools.islice(_WORD.finditer(text), _MAX_TITLE_WORDS + 1)]
    if not words or len(words) > _MAX_TITLE_WORDS:
        return False
    if any(word in {"I", "I'm", "I’m"} for word in words):
        return False
    return words[0][0].isupper() and all(
        word[0].isupper() or word.lower() in _TITLE_SMALL_WORDS for word in words
    )


@attrs.frozen
class Attribution:
    """Which tokens are the cue and the speaker of a quote, and which rule said so."""

    cue_first: int
    cue_stop: int
    lemma: str
    method: AttributionMethod
    #: Head token of the speaker mention and the mention's token range.
    speaker_head: int
    speaker_first: int
    speaker_stop: int


@attrs.frozen
class QuoteAttribution:
    """A quote region with its kind and attribution (``None`` when no rule matched)."""

    region: QuoteRegion
    kind: QuoteKind
    attribution: Attribution | None


@attrs.frozen
class Mention:
    """A speaker mention: its head token and its token range."""

    head: int
    first: int
    stop: int


def make_attribution(
    cue_first: int, cue_stop: int, lemma: str, method: AttributionMethod, speaker: Mention
) -> Attribution:
    """The attribution of a cue's token range and a speaker mention, by *method*."""
    return Attribution(
        cue_first=cue_first,
        cue_stop=cue_stop,
        lemma=lemma,
        method=method,
        speaker_head=speaker.head,
        speaker_first=speaker.first,
        speaker_stop=speaker.stop,
    )


class Attributor:
    """Applies the attribution rules to one parsed document."""

    def __init__(self, layout: DocLayout, relations: Relations, lexicon: CueLexicon) -> None:
        """Prepare to attribute the quotes of *layout* with a label scheme and a lexicon."""
        self.layout = layout
        self.doc: Doc = layout.doc
        self.token_at = layout.token_at
        self.tokens = layout.tokens
        self.heads = layout.tokens.head
        self.relations = relations.over(layout)
        self.lexicon = lexicon
        # Whether each token asked about is a cue, and a verb that governs at a distance:
        # the rules ask about the same words again and again.
        self._cues: dict[int, bool] = {}
        self._verbs_governing_at_distance: dict[int, bool] = {}

    # -- the whole document -------------------------------------------------------------

    def attribute_all(self) -> list[QuoteAttribution]:
        """Return every quote of the document with its kind and attribution, in order."""
        results: list[QuoteAttribution] = []
        last_utterance: QuoteAttribution | None = None
        for region in self.layout.regions:
            if self._is_title(region):
                # A show, book or slogan named in marks is nobody's utterance, and the quote
                # after it still continues the one before: "…," he said on ''This Week.''
                results.append(QuoteAttribution(region, QuoteKind.PARTIAL, None))
                continue
            left, right = self.layout.left_frame(region), self.layout.right_frame(region)
            attribution = self.attribute(region, left, right)
            kind = self.kind_of(region, attribution, left, right)
            continues = kind is QuoteKind.DIRECT or self._closes_plain_sentence(region, right)
            if attribution is None and last_utterance is not None and continues:
                attribution = self._continuation(last_utterance, region)
            last_utterance = QuoteAttribution(region, kind, attribution)
            results.append(last_utterance)
        return results

    def _is_title(self, region: QuoteRegion) -> bool:
        """Whether the quote names a work or a thing: ``on ABC's "This Week,"``.

        Its words are capitalised like a title, and the reporter's words around it use it as
        a name: after a possessive or a preposition, or as a modifier of the noun after it
        (``the "Avatar" star``).
        """
        if not _looks_like_title(region.marks.text):
            return False
        layout = self.layout
        before = region.first - 1
        while before >= 0 and self.tokens.is_space[before]:
            before -= 1
        if before >= 0 and layout.is_outside(before):
            word = self.tokens.lower_[before]
            if word in _TITLE_INTRODUCERS or word.endswith(("'s", "’s")):
                return True
        after = region.stop
        ends_open = not region.marks.text.rstrip().endswith((",", ".", ";", ":"))
        return (
            ends_open
            and after < len(self.doc)
            and layout.is_outside(after)
            and self.tokens.pos[after] in {"NOUN", "PROPN"}
        )

    def attribute(
        self, region: QuoteRegion, left: Sequence[int], right: Sequence[int]
    ) -> Attribution | None:
        """Return the attribution of one quote from its own reporting clause, if any.

        *left* and *right* are the reporter's words around the quote in its sentence.
        """
        if region.content_first >= region.content_stop:
            return None
        byline = self._byline(region)
        if byline is not None:
            return byline
        left = left or self._lead_in(region)
        after = self._cue_after(right or self._tag_sentence(region), region)
        before = self._cue_before(left)
        # A comma closing the quote announces the attribution that follows it; a participle
        # after the quote ("…," adding that) is weaker than a clause before it.
        after_first = region.marks.text.rstrip().endswith(",") or not left
        if after is not None and self.token_at(after.cue_first).tag_ == "VBG":
            after_first = False
        if before is not None and before.cue_stop - 1 == left[-1]:
            # A cue right against the opening mark governs the quote: under what Smith
            # called "the old model," the club charged … — Smith, not the club.
            after_first = False
        for found in (after, before) if after_first else (before, after):
            if found is not None:
                return found
        return self._embedded(region)

    def kind_of(
        self,
        region: QuoteRegion,
        attribution: Attribution | None,
        left: Sequence[int],
        right: Sequence[int],
    ) -> QuoteKind:
        """DIRECT when the quote is a whole utterance framed by its reporting clause."""
        method = attribution.method if attribution else None
        # The cue right before the quote, or set off from it by a comma or a colon only.
        cue_adjacent = (
            attribution is not None
            and bool(left)
            and (
                attribution.cue_stop - 1 == left[-1]
                or (attribution.cue_stop == left[-1] and self.tokens.orth[left[-1]] in {",", ":"})
            )
        )
        starts_utterance = (
            not left
            or cue_adjacent
            or method is AttributionMethod.CUE_BEFORE
            or self.tokens.orth[left[-1]] == ":"
            or (method is AttributionMethod.ACCORDING_TO and self.tokens.orth[left[-1]] == ",")
        )
        ends_utterance = (
            not right
            or method is AttributionMethod.CUE_AFTER
            or self.tokens.orth[right[0]] in {".", "!", "?", ";", ":", "…"}
            or region.marks.text.rstrip().endswith((".", ",", "!", "?", "…", "—", "-", ";", ":"))
        )
        return QuoteKind.DIRECT if starts_utterance and ends_utterance else QuoteKind.PARTIAL

    def _tag_sentence(self, region: QuoteRegion) -> list[int]:
        """A bare ``Trump said.`` right after a quote that ended with a full stop.

        Writers often close the quote with a period and still attach the reporting clause;
        only a short sentence that is nothing but speaker and cue is taken.
        """
        layout = self.layout
        if region.stop >= len(self.doc) or region.stop == 0:
            return []
        sentence = layout.sentence_of[region.stop]
        if sentence == layout.sentence_of[region.stop - 1]:
            return []
        tokens = layout.reporter_tokens(sentence)
        if not tokens or tokens[0] != region.stop or len(tokens) > _MAX_TAG_SENTENCE_TOKENS:
            return []
        if (
            self.tokens.orth[tokens[-1]] != "."
            or layout.paragraph_of[tokens[0]] != region.paragraph
        ):
            return []
        if any(
            self.is_verb(self.token_at(i)) and not self.is_cue(self.token_at(i)) for i in tokens
        ):
            return []
        return tokens

    def _byline(self, region: QuoteRegion) -> Attribution | None:
        """``"…" — Jane Roe``: a dash, then only a name to the end of the paragraph.

        Reader responses, pull quotes and epigraphs sign a quote this way; the dash is the
        cue. Small tokenizers glue the dash to the closing mark ("”―"), so that token counts.
        """
        layout = self.layout
        stop = self._next_paragraph_start(region)
        if stop == 0 or stop >= len(self.doc):
            return None
        if self.tokens.orth[stop] in _DASHES:
            dash, first = stop, stop + 1
        elif len(self.tokens.orth[stop - 1]) > 1 and self.tokens.orth[stop - 1][-1] in "—–―":
            dash, first = stop - 1, stop
        else:
            return None
        words: list[int] = []
        i = first
        # Up to the end of the paragraph, but never further than a byline can be long.
        while (
            i < len(self.doc)
            and len(words) <= _MAX_BYLINE_TOKENS + 1
            and layout.is_outside(i)
            and not layout.tokens.is_line_break(i)
        ):
            if not self.tokens.is_space[i]:
                words.append(i)
            i += 1
        if words and self.tokens.orth[words[-1]] == ".":
            words.pop()
        if not words or len(words) > _MAX_BYLINE_TOKENS:
            return None
        if any(
            self.tokens.pos[j] not in _NOUN_PHRASE and self.tokens.orth[j] != "," for j in words
        ):
            return None
        if not any(self.tokens.pos[j] == "PROPN" for j in words):
            return None
        speaker = self.noun_phrase(words)
        if speaker is None:
            return None
        return make_attribution(dash, dash + 1, "—", AttributionMethod.BYLINE, speaker)

    def _next_paragraph_start(self, region: QuoteRegion) -> int:
        """Where a signature may start: right after the quote, or on the next line.

        Fact checks and round-ups put the signature in a paragraph of its own under a quote
        that fills its paragraph (``"…"`` ¶ ``- Jane Roe.``).
        """
        i = region.stop
        line_breaks = 0
        while i < len(self.doc) and self.tokens.is_space[i]:
            line_breaks += self.layout.tokens.is_line_break(i)
            i += 1
        if (
            line_breaks == 1
            and i < len(self.doc)
            and self.layout.is_outside(i)
            and self._opens_paragraph(region.first)
        ):
            return i
        return region.stop

    def _opens_paragraph(self, i: int) -> bool:
        """Whether token *i* is the first word of its paragraph."""
        i -= 1
        while i >= 0 and self.tokens.is_space[i]:
            if self.layout.tokens.is_line_break(i):
                return True
            i -= 1
        return i < 0

    def _lead_in(self, region: QuoteRegion) -> list[int]:
        """The clause ending in a colon just before a quote that opens a paragraph.

        News style introduces a block quote at the end of the previous paragraph
        ("Cruz continued:"); the paragraph break must not hide that clause.
        """
        layout = self.layout
        i = region.first - 1
        while i >= 0 and self.tokens.is_space[i]:
            i -= 1
        if i < 0 or self.tokens.orth[i] != ":" or not layout.is_outside(i):
            return []
        return [j for j in layout.reporter_tokens(layout.sentence_of[i]) if j <= i]

    # -- rule 1: the reporting clause after the quote -----------------------------------

    def _cue_after(self, frame: Sequence[int], region: QuoteRegion) -> Attribution | None:
        tokens = list(frame)
        while tokens and self.tokens.orth[tokens[0]] == ",":
            tokens.pop(0)
        if not tokens:
            return None
        according = self.according_to(tokens, 0)
        if according is not None:
            return according
        if (
            self.tokens.pos[tokens[0]] == "CCONJ"
            or self.tokens.lower_[tokens[0]] in RELATIVE_PRONOUNS
        ):
            # "…," but he denied it / "Opening Night," which airs Monday: not an attribution.
            return None
        start = 1 if self.tokens.pos[tokens[0]] == "ADV" and len(tokens) > 1 else 0
        if self.is_cue(self.token_at(tokens[start])):
            return self._cue_then_speaker(self.token_at(tokens[start]), tokens[start + 1 :], region)
        return self._speaker_then_cue(tokens)

    def _cue_then_speaker(
        self, cue: Token, rest: Sequence[int], region: QuoteRegion
    ) -> Attribution | None:
        """``"…," said Blinken`` — or, for a participle, ``"…," adding …`` (speaker before)."""
        if cue.tag_ == "VBG":
            speaker = self.tree_speaker(cue, self.layout.reporter_tokens(region.sentence))
        else:
            speaker = self.tree_speaker(cue, rest) or self.noun_phrase_after(rest)
        if speaker is None:
            return None
        return self._make(cue, self._method_for(cue, AttributionMethod.CUE_AFTER), speaker)

    def _speaker_then_cue(self, tokens: Sequence[int]) -> Attribution | None:
        """``"…," Blinken told reporters`` — a noun phrase, then the cue."""
        for position in range(min(len(tokens), _MAX_SPEAKER_TOKENS)):
            token = self.token_at(tokens[position])
            before = tokens[:position]
            if self.is_cue(token) and not self._relative_clause_of_other(token, before):
                if not any(self.is_nominal(self.token_at(i)) for i in before):
                    return None
                # "…," the minister was quoted as saying: "saying" reports, and its speaker
                # is the one quoted, not a listener of a passive "was quoted".
                token = self._saying_under_quoted(token, tokens[position + 1 :]) or token
                speaker = self.tree_speaker(token, tokens)
                if speaker is None and self.relations.passive_subject(token) is not None:
                    return None  # "…," he was told: the subject only listened
                speaker = speaker or self.noun_phrase(before)
                if speaker is None:
                    return None
                method = self._method_for(token, AttributionMethod.CUE_AFTER)
                return self._make(token, method, speaker)
            if token.pos_ not in _QUOTE_TO_CUE and not self._inside_insertion(before):
                return None
        return None

    def _saying_under_quoted(self, quoted: Token, after: Sequence[int]) -> Token | None:
        """The cue of "as saying" under a "quoted" among the words *after* it, if any."""
        if self.cue_lemma(quoted) != _QUOTED_LEMMA:
            return None
        for i in after:
            token = self.token_at(i)
            above = self._quoted_above(token) if self.is_cue(token) else None
            if above is not None and above.i == quoted.i:
                return token
        return None

    def _relative_clause_of_other(self, cue: Token, before: Sequence[int]) -> bool:
        """Whether *cue* reports inside a relative clause about some other noun.

        Parsers often hang the reporting clause after a quote from the quote's last noun as a
        relative clause (``"…,'' he told Fox News``); when the words before the cue are all
        the cue's own subject, that attachment is an error, not a clause about the noun.
        """
        if self.relations.rel(cue) is not Rel.RELATIVE_CLAUSE:
            return False
        subject = self.relations.subject(cue)
        if subject is None or subject.lower_ in RELATIVE_PRONOUNS:
            return True
        own = set(self.layout.subtree(subject))
        return any(i not in own and not self.tokens.is_punct[i] for i in before)

    def is_nominal(self, token: Token) -> bool:
        """A noun, or an adjective the parse made a subject ("the former executive").

        A word whose fine tag says proper noun is a noun whatever its coarse tag: small
        taggers call an uncommon given name a verb ("said Blessing Okafor").
        """
        if token.pos_ in NOMINAL or token.tag_ in _PROPER_NOUN_TAGS:
            return True
        return token.pos_ == "ADJ" and self.relations.rel(token) is Rel.SUBJECT

    def _inside_insertion(self, before: Sequence[int]) -> bool:
        """Whether a comma or relative pronoun opened an insertion ("Smith, who met …,")."""
        return any(
            self.tokens.orth[i] == "," or self.tokens.lower_[i] in RELATIVE_PRONOUNS for i in before
        )

    # -- rule 2: the reporting clause before the quote ----------------------------------

    def _cue_before(self, frame: Sequence[int]) -> Attribution | None:
        if not frame:
            return None
        for start in range(len(frame) - 1):
            according = self.according_to(frame, start)
            if according is not None:
                return according
        found = self._walk_back_to_cue(frame)
        if found is None and self.tokens.orth[frame[-1]] == ":":
            found = self._colon_clause(frame) or self._colon(frame) or self._colon_verb(frame)
        return found

    def _colon_clause(self, frame: Sequence[int]) -> Attribution | None:
        """The cue of a clause a colon closes, whatever its object holds.

        "Renner recalled the night the water broke through:" — walking back stops at
        "broke"; the tree leads from the colon up to "recalled".
        """
        members = set(frame)
        node = self.token_at(frame[-1])
        for _ in range(_MAX_SUBJECT_CLIMB + 1):
            if self.heads[node.i] == node.i or self.heads[node.i] not in members:
                return None
            node = self.layout.head(node)
            if self.is_cue(node) and self._governs_at_distance(node):
                return self._clause_before(node, frame, frame.index(node.i), set_off=True)
        return None

    def _colon_verb(self, frame: Sequence[int]) -> Attribution | None:
        """Any clause a colon closes: ``She turned to the crowd: "…"``.

        With no reporting verb in sight, the clause that announces a whole quoted utterance
        still names who speaks: the subject of its verb. The verb stands as the cue.
        """
        members = set(frame)
        verb = self._verb_above(frame[-1], members)
        if verb is None:
            verbs = [i for i in frame[:-1] if self.is_verb(self.token_at(i))]
            verb = self.token_at(verbs[-1]) if verbs else None
        if verb is None or self.relations.rel(verb) is Rel.RELATIVE_CLAUSE:
            return None  # "a phrase that could have come from him:" — not who speaks
        # "He adds that voters have two choices:" — the reporting verb above speaks.
        verb = self._reporting_verb_above(verb) or verb
        subject = self._subject_of(self._predicate_of(verb))
        if subject is None or subject.i not in members or subject.i > verb.i:
            return None
        speaker = self.mention(subject, [i for i in frame if i < verb.i])
        if speaker is None:
            return None
        return make_attribution(
            verb.i,
            verb.i + 1,
            self.layout.lemma(verb).lower(),
            AttributionMethod.COLON_CLAUSE,
            speaker,
        )

    def _predicate_of(self, verb: Token) -> Token:
        """The word a copula or auxiliary serves, which holds the clause's subject.

        "The coach was blunt:": UD makes "blunt" the head of the clause, "was" a copula.
        """
        if self.relations.rel(verb) is Rel.AUXILIARY and self.heads[verb.i] != verb.i:
            return self.layout.head(verb)
        return verb

    def _verb_above(self, i: int, members: set[int]) -> Token | None:
        """The first verb above token *i* in the tree, among *members*."""
        node = self.token_at(i)
        for _ in range(_MAX_SUBJECT_CLIMB + 1):
            if self.heads[node.i] == node.i or self.heads[node.i] not in members:
                return None
            node = self.layout.head(node)
            if self.is_verb(node):
                return node
        return None

    def _walk_back_to_cue(self, frame: Sequence[int]) -> Attribution | None:
        """From the opening mark back over objects and adverbials to the cue."""
        position = len(frame) - 1
        set_off = self.tokens.orth[frame[position]] in {":", ","}
        if set_off:
            position -= 1
        lowest = max(0, position - _MAX_CUE_TO_QUOTE_TOKENS)
        while position >= lowest:
            token = self.token_at(frame[position])
            if token.text in _DASHES:
                return None
            if self.is_cue(token):
                return self._clause_before(token, frame, position, set_off)
            if token.pos_ not in _CUE_TO_QUOTE or token.lower_ == "that":
                return None
            position -= 1
        return None

    def _colon(self, frame: Sequence[int]) -> Attribution | None:
        """``Pollster Jane Roe: "…"`` — a bare noun phrase and a colon introduce the quote."""
        colon = frame[-1]
        # Only the words after a dash: "Pollsters agree - Carl Bialik: "…"".
        dashes = [n for n, i in enumerate(frame) if self.is_spaced_dash(i)]
        words = list(frame[dashes[-1] + 1 if dashes else 0 : -1])
        if not words or len(words) > _MAX_CUE_TO_QUOTE_TOKENS:
            return None
        if any(self.is_verb(self.token_at(i)) for i in words):
            return None
        if not any(self.tokens.pos[i] in {"PROPN", "NOUN"} for i in words):
            return None
        speaker = self.noun_phrase(words)
        if speaker is None:
            return None
        return make_attribution(colon, colon + 1, ":", AttributionMethod.COLON, speaker)

    def is_spaced_dash(self, i: int) -> bool:
        """A dash between words ("agree - Carl"), not a hyphen inside one ("30-minute")."""
        token_at = self.token_at
        return self.tokens.orth[i] in _DASHES and (
            bool(token_at(i).whitespace_) or (i > 0 and bool(token_at(i - 1).whitespace_))
        )

    def _clause_before(
        self, cue: Token, frame: Sequence[int], position: int, set_off: bool
    ) -> Attribution | None:
        # A clause introduces the quote when a colon or comma sets the quote off, or when the
        # cue stands right before it; words in between make the quote embedded in the clause
        # ("called the plan "reckless""), where only unambiguous cues count.
        introduces = set_off or position == len(frame) - 1
        if not introduces and not self._governs_at_distance(cue):
            return None
        # A participle ("…, saying:") has no subject of its own; the noun before it is
        # usually an object, so only the parse may name the speaker.
        participle = cue.tag_ == "VBG"
        speaker = (
            self.tree_speaker(cue, frame[:position])
            or (None if participle else self.noun_phrase_before(frame[:position]))
            or self.tree_speaker(cue, frame[position + 1 :])
            or (self._clause_subject(frame[:position]) if participle else None)
        )
        if (
            speaker is None
            and not participle
            and all(self.tokens.pos[i] in {"ADV", "CCONJ", "PUNCT"} for i in frame[:position])
        ):
            # Inverted, as in "Continued Stone: "…"": the speaker follows the cue.
            speaker = self.noun_phrase_after(frame[position + 1 :])
        if speaker is None:
            return None
        default = AttributionMethod.CUE_BEFORE if introduces else AttributionMethod.EMBEDDED
        return self._make(cue, self._method_for(cue, default), speaker)

    # -- "according to" ------------------------------------------------------------------

    def according_to(self, tokens: Sequence[int], start: int) -> Attribution | None:
        if start + 2 >= len(tokens):
            return None
        lower = self.tokens.lower_
        if lower[tokens[start]] != "according" or lower[tokens[start + 1]] != "to":
            return None
        according, to = self.token_at(tokens[start]), self.token_at(tokens[start + 1])
        rest = tokens[start + 2 :]
        noun = self.relations.according_to_object(according)
        speaker = self.mention(noun, rest) if noun is not None else None
        speaker = speaker or self.noun_phrase_after(rest)
        if speaker is None:
            return None
        method = AttributionMethod.ACCORDING_TO
        return make_attribution(according.i, to.i + 1, "according to", method, speaker)

    # -- rule 3: a cue that governs the quote ---------------------------------------------

    def _embedded(self, region: QuoteRegion) -> Attribution | None:
        cue = self._governing_cue(region)
        if cue is None:
            return None
        speaker = self.tree_speaker(cue, self.layout.reporter_tokens(region.sentence))
        if speaker is None:
            return None
        return self._make(cue, self._method_for(cue, AttributionMethod.EMBEDDED), speaker)

    def _governing_cue(self, region: QuoteRegion) -> Token | None:
        """The first cue above the quote in the tree, within its sentence."""
        layout, heads, token_at = self.layout, self.heads, self.token_at
        sentence_of, pos = layout.sentence_of, layout.tokens.pos
        # The content tokens' chains of heads meet: a node already climbed from with at
        # least as many steps left led to no cue, and will not now.
        steps_left_at: dict[int, int] = {}
        for i in range(region.content_first, region.content_stop):
            node = i
            steps = 0
            while heads[node] != node and steps < _MAX_CLIMB:
                if steps_left_at.get(node, -1) >= _MAX_CLIMB - steps:
                    break
                steps_left_at[node] = _MAX_CLIMB - steps
                head = heads[node]
                if sentence_of[head] != region.sentence:
                    break
                # Leaving a reporter clause of its own: only complements are reported.
                leaves_clause = layout.is_outside(node) and pos[node] in _VERBAL
                if leaves_clause and self.relations.rel(token_at(node)) not in _COMPLEMENTS:
                    break
                if layout.is_outside(head) and self._is_verb_governing_at_distance(head):
                    return token_at(head)
                node = head
                steps += 1
        return None

    def _is_verb_governing_at_distance(self, i: int) -> bool:
        found = self._verbs_governing_at_distance.get(i)
        if found is None:
            token = self.token_at(i)
            found = self.is_verb(token) and self._governs_at_distance(token)
            self._verbs_governing_at_distance[i] = found
        return found

    # -- rule 4: continuation -----------------------------------------------------------

    def _closes_plain_sentence(self, region: QuoteRegion, right: Sequence[int]) -> bool:
        """A quoted clause that ends a sentence with no reporting word of its own.

        ``Now, "within the party there is real support for it."`` after an attributed quote
        goes on with the same voice; a short fragment ("the "big idea."") does not.
        """
        text = region.marks.text.rstrip()
        ends = text.endswith((".", "!", "?", "…")) or (
            bool(right) and self.tokens.orth[right[0]] in {".", "!", "?"}
        )
        if not ends or len(text.split()) < _MIN_CONTINUED_WORDS:
            return False
        words = self.layout.reporter_tokens(region.sentence)
        return not any(self.is_cue(self.token_at(i)) for i in words)

    def _continuation(self, previous: QuoteAttribution, region: QuoteRegion) -> Attribution | None:
        if previous.attribution is None:
            return None
        layout = self.layout
        previous_last = max(previous.region.stop - 1, previous.region.first)
        if region.paragraph - layout.paragraph_of[previous_last] > 1:
            return None
        # Any reporter sentence of its own between the two quotes breaks the chain; the
        # words leading into this quote in its own sentence do not.
        allowed = {previous.region.sentence, layout.sentence_of[previous_last], region.sentence}
        for i in range(previous.region.stop, region.first):
            token = self.token_at(i)
            reporter_word = layout.is_outside(i) and not (token.is_space or token.is_punct)
            if reporter_word and layout.sentence_of[i] not in allowed:
                return None
        return attrs.evolve(previous.attribution, method=AttributionMethod.CONTINUATION)

    # -- cues -----------------------------------------------------------------------------

    def is_verb(self, token: Token) -> bool:
        return self.is_verb_at(token.i)

    def is_verb_at(self, i: int) -> bool:
        """Whether token *i* is tagged a verb (or an auxiliary)."""
        return self.tokens.pos[i] in _VERBAL or self.token_at(i).tag_.startswith("VB")

    def is_cue(self, token: Token) -> bool:
        """Whether *token* is a reporting verb (trusting inflected forms over bad tags)."""
        found = self._cues.get(token.i)
        if found is None:
            found = self._cues[token.i] = self._is_cue(token)
        return found

    def _is_cue(self, token: Token) -> bool:
        i, tokens = token.i, self.tokens
        word = tokens.orth[i]
        if len(word) > 1 and word.isupper():
            return False  # headline capitals: "RED STATES OUTNUMBER BLUE STATES"
        if i > 0 and tokens.orth[i - 1] in _DASHES and not self.token_at(i - 1).whitespace_:
            return False  # a compound adjective: "self-described", "so-called"
        if tokens.ent_type[i] in _PLACE_AND_ORGANISATION:
            return False  # "the United States", "Reports Inc."
        lemma = self.cue_lemma(token)
        if lemma is None:
            return False
        if self.is_verb_at(i):
            return True
        # Small taggers call "says" a noun and "added" an adjective; an inflected form
        # right next to a quote is still the cue. A bare lemma ("the report") is not.
        lower = tokens.lower_[i]
        return lower != lemma and lower in self.lexicon.forms and not lower.endswith("ing")

    def cue_lemma(self, token: Token) -> str | None:
        """The lexicon's lemma for *token* (by its lemma, else its form), if it is a cue word."""
        return self.lexicon.lemma_of(self.tokens.orth[token.i], self.layout.lemma(token))

    def _governs_at_distance(self, token: Token) -> bool:
        lemma = self.cue_lemma(token)
        return lemma is not None and self.lexicon.governs_at_distance(lemma)

    def _method_for(self, cue: Token, default: AttributionMethod) -> AttributionMethod:
        if self._quoted_above(cue) is not None:
            return AttributionMethod.QUOTED_AS_SAYING
        return default

    def _quoted_above(self, cue: Token) -> Token | None:
        """The "quoted" that *cue* hangs from in "was quoted as saying", if any."""
        node = cue
        for _ in range(2):
            if self.heads[node.i] == node.i:
                break
            node = self.layout.head(node)
            if self.layout.lemma(node) == _QUOTED_LEMMA:
                return node
        return None

    def _make(self, cue: Token, method: AttributionMethod, speaker: Mention) -> Attribution:
        lemma = self.cue_lemma(cue) or self.layout.lemma(cue)
        first = cue.i
        if method is AttributionMethod.QUOTED_AS_SAYING:
            first = self._quoted_phrase_start(cue)
        return make_attribution(first, cue.i + 1, lemma, method, speaker)

    def _quoted_phrase_start(self, cue: Token) -> int:
        """Where "was quoted as saying" starts: the whole phrase is the cue, as annotators mark.

        The auxiliaries of "quoted" right before it join ("is quoted", "has been quoted").
        """
        quoted = self._quoted_above(cue)
        if quoted is None or quoted.i > cue.i:
            return cue.i
        first = quoted.i
        auxiliaries = {t.i for t in self.relations.children(quoted, Rel.AUXILIARY)}
        while first - 1 in auxiliaries:
            first -= 1
        return first

    # -- speakers from the tree -------------------------------------------------------

    def tree_speaker(self, cue: Token, allowed: Sequence[int]) -> Mention | None:
        """The speaker the parse gives *cue*, if it lies among the *allowed* tokens."""
        head = self._subject_of(cue)
        if head is None or head.i not in allowed:
            return None
        mention = self.mention(head, allowed)
        if mention is not None and mention.stop <= cue.i:
            mention = self._extend_to_cue(mention, cue, allowed)
        return mention

    def _subject_of(self, cue: Token) -> Token | None:
        relations = self.relations
        subject = relations.subject(cue)
        if subject is None and relations.passive_subject(cue) is not None:
            # "was told by the mayor": the agent spoke; "was told" alone: the subject listened.
            subject = relations.agent(cue)
        if subject is None and relations.rel(cue) is not Rel.ROOT:
            subject = self._clause_subject_above(cue)
        if subject is not None and subject.lower_ in RELATIVE_PRONOUNS:
            # "Smith, who said …": the mention is "who", as written; speaker resolution
            # names the antecedent the relative clause hangs from.
            is_relative = relations.rel(cue) is Rel.RELATIVE_CLAUSE and self.heads[cue.i] != cue.i
            subject = subject if is_relative else None
        if subject is None or not (self.is_nominal(subject) or subject.pos_ == "DET"):
            return None
        return None if subject.lower_ in _EXPLETIVES or _is_temporal(subject) else subject

    def _clause_subject(self, tokens: Sequence[int]) -> Mention | None:
        """The subject of the clause a participle closes, when the parse lost the link.

        "Lopez emailed members, telling them, "…"": the first word the parse calls a
        subject, else the noun phrase that opens the clause before its verb.
        """
        for i in tokens:
            token = self.token_at(i)
            is_subject = self.relations.rel(token) is Rel.SUBJECT and self.is_nominal(token)
            if (
                is_subject
                and token.lower_ not in RELATIVE_PRONOUNS | _EXPLETIVES
                and not _is_temporal(token)
            ):
                return self.mention(token, tokens)
        run: list[int] = []
        for i in tokens:
            token = self.token_at(i)
            if self.is_verb(token):
                return self.noun_phrase(run)
            if token.pos_ not in _NOUN_PHRASE and token.text != "," and token.pos_ != "ADP":
                return None
            run.append(i)
        return None

    def _clause_subject_above(self, cue: Token) -> Token | None:
        """The subject of the clause a subjectless cue hangs from ("…, saying").

        Climbs over nouns too: small parsers often attach a participle to the nearest noun
        ("noted her years as senator, saying" → senator), where the clause's subject spoke.
        "X was quoted as saying" resolves to X.
        """
        relations = self.relations
        node = cue
        for _ in range(_MAX_SUBJECT_CLIMB):
            governor = relations.governor(node)
            if governor is None:
                return None
            if self.layout.lemma(governor) == "quote":
                return relations.passive_subject(governor) or relations.subject(governor)
            if self.is_verb(governor):
                found = relations.subject(governor) or relations.passive_subject(governor)
                reporter = self._reporting_verb_above(governor)
                if reporter is not None:
                    # "Putin acknowledged that soldiers had fought, saying …": the clause
                    # the participle hangs from is itself reported; its reporter speaks.
                    found = relations.subject(reporter) or found
                if found is not None:
                    return found
            node = governor
        return None

    def _reporting_verb_above(self, verb: Token) -> Token | None:
        """The cue whose clausal complement *verb* is, if any ("said [that] X fought").

        Not a cue in another paragraph: the parse ran a headline into the text below it.
        """
        if self.relations.rel(verb) is not Rel.CLAUSAL_COMPLEMENT or self.heads[verb.i] == verb.i:
            return None
        head = self.layout.head(verb)
        paragraph_of = self.layout.paragraph_of
        if paragraph_of[head.i] != paragraph_of[verb.i]:
            return None
        return head if self.is_cue(head) and self.layout.is_outside(head.i) else None

    def mention(self, head: Token, allowed: Sequence[int]) -> Mention | None:
        """The noun phrase headed by *head*, clipped to the *allowed* tokens.

        It keeps appositions and relative clauses ("Biden, who served 36 years in the
        Senate"), as readers and annotators do, but not a relative clause that reports
        speech of its own ("Smith, who also said that …"), and it always keeps the whole
        proper name around the head, whatever the parser attached to it.
        """
        permitted = set(allowed)
        if head.i not in permitted or not self.layout.is_outside(head.i):
            return None
        first = head.i
        while first - 1 in permitted and (
            first - 1 >= head.left_edge.i or self._continues_name(first - 1, head)
        ):
            first -= 1
        stop = head.i + 1
        right_edge = head.right_edge.i
        while stop in permitted and (stop <= right_edge or self._continues_name(stop, head)):
            if self._opens_reporting_clause(stop, right_edge):
                break
            stop += 1
        return self._trimmed(head.i, first, stop)

    def _continues_name(self, i: int, head: Token) -> bool:
        """Whether token *i* carries on the name around *head* ("councillor Ruth Elland")."""
        token = self.token_at(i)
        return (
            head.pos_ in {"PROPN", "NOUN"}
            and token.pos_ == "PROPN"
            and token.lower_ not in _CALENDAR_WORDS
            and token.ent_type_ not in {"DATE", "TIME"}
        )

    def _opens_reporting_clause(self, i: int, right_edge: int) -> bool:
        """Whether a comma at *i* opens a clause that reports speech of its own.

        "Smith, who also said …" and "Smith, a spokesman, adding that …": the speaker's
        noun phrase ends at the comma, wherever the parser hung the clause.
        """
        token_at = self.token_at
        if self.tokens.orth[i] != "," or i + 1 >= len(self.doc):
            return False
        following = token_at(i + 1)
        if following.tag_ == "VBG" and self.is_cue(following):
            return True
        if self.tokens.lower_[i + 1] not in RELATIVE_PRONOUNS:
            return False
        return any(self.is_cue(token_at(j)) for j in range(i + 2, right_edge + 1))

    def _extend_to_cue(self, mention: Mention, cue: Token, allowed: Sequence[int]) -> Mention:
        """Widen a speaker before its cue over the appositions around it.

        "Smith, the mayor, said": the insertion up to the last comma before the cue joins
        the mention (what follows that comma is the verb group: "was quoted as"). "Smith, a
        former engineer, said", where the parser made "engineer" the subject, takes the
        name before the comma in too.
        """
        permitted = set(allowed)
        first, stop = mention.first, mention.stop
        between = [i for i in allowed if stop <= i < cue.i]
        if between and all(self.tokens.pos[i] in _NOUN_PHRASE for i in between):
            # A noun the parser split off the phrase: "a factory [executive] tells".
            stop = between[-1] + 1
        commas = [i for i in between if self.tokens.orth[i] == ","]
        if between and self.tokens.orth[between[0]] == "," and len(commas) >= 2:
            verb_group = [i for i in between if i > commas[-1]]
            if not any(self.tokens.pos[i] in NOMINAL for i in verb_group):
                stop = commas[-1]
        if (
            self.tokens.pos[mention.head] == "NOUN"
            and first - 1 in permitted
            and self.tokens.orth[first - 1] == ","
        ):
            start = first - 1
            while start - 1 in permitted and self.tokens.pos[start - 1] in _NOUN_PHRASE:
                start -= 1
            # Only a name opening the clause: "In April, Trump" is no apposition.
            opens_clause = start == allowed[0] or self.tokens.is_punct[start - 1]
            if opens_clause and any(self.tokens.pos[i] == "PROPN" for i in range(start, first - 1)):
                first = start
        return self._trimmed(mention.head, first, stop) or mention

    def _trimmed(self, head: int, first: int, stop: int) -> Mention | None:
        if self.tokens.pos[first] in {"ADP", "SCONJ"}:
            # An opening phrase the parser folded into the name ("After the vote, Speaker
            # Tom Reed"): the mention starts after its comma.
            commas = [i for i in range(first, head) if self.tokens.orth[i] == ","]
            first = commas[-1] + 1 if commas else first
        while first < head and (
            self.tokens.is_punct[first] or self.tokens.pos[first] in _LEADING_NOISE
        ):
            first += 1
        while stop - 1 > head and (
            self.tokens.is_punct[stop - 1] or self.tokens.pos[stop - 1] in _TRAILING_NOISE
        ):
            if self.tokens.orth[stop - 1] == ")" and any(
                self.tokens.orth[i] == "(" for i in range(first, stop)
            ):
                break  # "Tom Reed (R-OH)" keeps its closing parenthesis
            stop -= 1
        if first >= stop:
            return None
        return Mention(head=head, first=first, stop=stop)

    # -- speakers from the tagged words next to the cue -----------------------------------

    def noun_phrase(self, tokens: Sequence[int]) -> Mention | None:
        """The noun phrase formed by all of *tokens* (already checked to be one)."""
        words = list(tokens)
        while words and self.tokens.lower_[words[-1]] in RELATIVE_PRONOUNS:
            words.pop()  # "a shirt that read …": the antecedent is the speaker
        if not words or len(words) > _MAX_SPEAKER_TOKENS:
            return None
        head = self._noun_phrase_head(words)
        if head is None:
            return None
        return self._trimmed(head, words[0], words[-1] + 1)

    def noun_phrase_before(self, tokens: Sequence[int]) -> Mention | None:
        """The noun phrase that ends *tokens* ("… Sen. Jane Roe" before "said")."""
        position = len(tokens)
        while position > 0:
            token = self.token_at(tokens[position - 1])
            if not (token.pos_ in _NOUN_PHRASE or token.text in {",", "-", "&"}):
                break
            position -= 1
        return self.noun_phrase(tokens[position:])

    def noun_phrase_after(self, tokens: Sequence[int]) -> Mention | None:
        """The noun phrase that begins *tokens* ("said Antony Blinken")."""
        run: list[int] = []
        for i in tokens[:_MAX_SPEAKER_TOKENS]:
            token = self.token_at(i)
            joins = token.text in {"-", "&"} or (token.lower_ in {"of", "for"} and bool(run))
            if token.pos_ in _NOUN_PHRASE or joins or self._modifies_noun_after(token):
                run.append(i)
            else:
                break
        while run and self.tokens.lower_[run[-1]] in {"of", "for", "-", "&"}:
            run.pop()
        return self.noun_phrase(run)

    def _modifies_noun_after(self, token: Token) -> bool:
        """A verb form the parse makes a modifier of a later noun: "said retired engineer …".

        Taggers call such participles verbs, which would end the noun phrase at its first word.
        """
        head = self.heads[token.i]
        return (
            head > token.i
            and self.relations.rel(token) is Rel.MODIFIER
            and self.tokens.pos[head] in NOMINAL
        )

    def _noun_phrase_head(self, words: Sequence[int]) -> int | None:
        for i in words:
            if self.tokens.pos[i] == "PRON":
                return i
        # The last noun before any insertion ("Jim Bennett, 57, …" → Bennett).
        head = None
        for i in words:
            if head is not None and self.tokens.orth[i - 1] == ",":
                break
            if self.tokens.pos[i] in NOMINAL:
                head = i
        return head
