"""Speaker resolution: from the mention under a quote to who said it, across the document.

Deliberately light: no coreference model. Names are runs of proper nouns (or capitalised words
inside a sentence, since small taggers miss proper nouns), minus the titles before them
("U.S. Secretary of State Antony Blinken" → "Antony Blinken"). A surname resolves to the most
recent full name seen earlier that ends with it ("Blinken" → "Antony Blinken"), and "Mr." or
"Ms." picks between two people who share it. "he"/"she" resolve to the most recent person
named earlier, preferring one who was speaking or the subject of a sentence, and skipping
anyone the text shows to be of the other gender (a courtesy title, or the pronouns of a
sentence that names only them). "they" and "it" resolve to groups, organisations and places.

Each speaker gets an identity: a canonical name, a kind (person, organisation, place, group,
anonymous source), the title the text gives it, how it was resolved, and an entity number
shared by every quote of the same entity. Entity labels come from the pipeline's NER when it
has one, voted over every mention of the same name, because a small model labels the same
name differently in different sentences; a shipped list of countries and capitals stands in
for it when a place speaks for its government ("Washington contends").
"""

from __future__ import annotations

import bisect
import collections
import functools
from typing import TYPE_CHECKING, NamedTuple

import attrs

from quoteattr._relations import Rel
from quoteattr._types import AttributionMethod, Resolution, Speaker, SpeakerKind

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

    from quoteattr._attribution import Attribution
    from quoteattr._layout import DocLayout
    from quoteattr._relations import Relations
    from quoteattr.lang import LanguageProfile

__all__ = ["SpeakerResolver"]

_JOINERS = frozenset({"-", "'", "’"})
_ORGANISATION_LABELS = frozenset({"ORG", "GPE", "LOC", "FAC", "NORP"})
# Tags a small tagger gives to capitalised name words.
_NAME_TAGS = frozenset({"PROPN", "NOUN", "ADJ", "X"})
# Coarse tags a small tagger gives an uncommon given name ("Blessing" a verb) whose fine tag
# still says proper noun (Penn Treebank tags, which both English label schemes' taggers use).
_MISREAD_NAME_TAGS = frozenset({"VERB", "AUX"})
_PROPER_NOUN_TAGS = frozenset({"NNP", "NNPS"})
_PLACE_LABELS = frozenset({"GPE", "LOC", "FAC"})
_GENDER_WINDOW_SENTENCES = 2
_SUBJECTS = frozenset({Rel.SUBJECT, Rel.PASSIVE_SUBJECT})


@attrs.frozen
class _Identity:
    """Who a mention is, before it is numbered as an entity of the document."""

    #: What makes two mentions the same entity (``None``: nobody we can tell).
    key: str | None
    name: str | None
    label: str | None
    kind: SpeakerKind
    resolution: Resolution | None
    title: str | None = None
    parts: tuple[str, ...] = ()


class _NameRun(NamedTuple):
    """A run of name tokens, with the name proper after its titles.

    A named tuple, not an attrs class: a document has dozens, made in one pass.
    """

    first: int
    stop: int
    name_first: int
    name: str
    last_word: str
    person_evidence: bool
    #: A person's title stands before the name ("Sen.", "Secretary of State").
    person_title: bool
    subject: bool
    #: The gender a courtesy title before the name gives ("Ms. Lee": "f"), if any.
    title_gender: str | None


class SpeakerResolver:
    """Turns speaker mentions into :class:`Speaker` records, in document order."""

    def __init__(
        self,
        layout: DocLayout,
        relations: Relations,
        profile: LanguageProfile,
        *,
        has_ner: bool,
    ) -> None:
        """Index the names of *layout*'s document once, with the words of *profile*."""
        self.layout = layout
        self.doc: Doc = layout.doc
        self.token_at = layout.token_at
        self.tokens = layout.tokens
        self.heads = layout.tokens.head
        self.relations = relations.over(layout)
        self.has_ner = has_ner
        self.profile = profile
        self._titles_set = profile.titles
        self._places = profile.places
        # Words that join coordinated speakers: "Moscow and Beijing", "A & B".
        self._and = profile.conjunctions_and | {"&"}
        # What depends on the document's words alone, remembered for the many questions
        # about the same names; keyed by the token positions each answer reads.
        self._titles: dict[tuple[int, int], str | None] = {}
        self._appositive_titles: dict[int, str | None] = {}
        self._known_titles: dict[_NameRun, str | None] = {}
        # Whether each name run (by its first token) is a person's.
        self._persons: dict[int, bool] = {}
        self.runs = self._name_runs()
        self._run_starts = [run.first for run in self.runs]
        self._labels = self._label_votes()
        # Earlier speakers: (mention position, run) for pronoun resolution.
        self._speakers: list[tuple[int, _NameRun]] = []
        self._entity_ids: dict[str, int] = {}
        # What the text has shown of each person's gender, by entity key.
        self._genders: dict[str, str] = {}
        self._full_names: dict[int, _NameRun] = {}
        # Every identified speaker so far: (head position, identity), for "they" and "it".
        self._identities: list[tuple[int, _Identity]] = []
        # The reported speech whose speaker is being identified (see speaker()).
        self._content = range(0)

    # -- public -----------------------------------------------------------------------

    def speaker(self, attribution: Attribution, content: range = range(0)) -> Speaker:
        """Return the Speaker of *attribution*: its mention, who that is, and how we know.

        *content* is the token range of reported speech the speaker said: nobody named in
        it is who a pronoun speaker means ("Tom Lee will be consulted, she said"), as
        nobody named inside quotation marks is.
        """
        first, stop = attribution.speaker_first, attribution.speaker_stop
        start_char, end_char = self.layout.tokens.char_range(first, stop)
        self._content = content
        try:
            identity = self._identify(self.token_at(attribution.speaker_head), first, stop)
        finally:
            self._content = range(0)
        if identity.key is not None:
            self._identities.append((attribution.speaker_head, identity))
        if attribution.method is AttributionMethod.CONTINUATION:
            identity = attrs.evolve(identity, resolution=Resolution.CONTINUATION)
        return Speaker(
            text=self.layout.text[start_char:end_char],
            start=start_char,
            end=end_char,
            name=identity.name,
            label=identity.label,
            entity_id=self._entity_id(identity.key),
            title=identity.title,
            kind=identity.kind,
            resolution=identity.resolution,
            parts=identity.parts,
        )

    def _entity_id(self, key: str | None) -> int | None:
        """Number entities in order of first appearance as a speaker."""
        if key is None:
            return None
        return self._entity_ids.setdefault(key, len(self._entity_ids))

    def _identify(self, head: Token, first: int, stop: int) -> _Identity:
        antecedent = self._antecedent_of_relative(head)
        if antecedent is not None:
            # "Aguilar, who said …": who the relative clause is about.
            found = self._identify(antecedent, antecedent.left_edge.i, antecedent.i + 1)
            return attrs.evolve(found, resolution=Resolution.PRONOUN)
        members = self._coordinated(head, first, stop)
        if len(members) > 1:
            return self._coordinated_identity(members)
        run = self._run_for_mention(head, first, stop)
        if run is not None:
            full = self._full_name(run)
            gender = run.title_gender
            if gender is not None:
                self._genders.setdefault(_key(full.name), gender)
            self._speakers.append((head.i, full))
            return self._named_identity(run, full)
        if head.lower_ in self.profile.gendered_pronouns:
            return self._pronoun_identity(head)
        if head.lower_ in self.profile.plural_pronouns | self.profile.neuter_pronouns:
            return self._collective_pronoun_identity(head)
        return self._described_identity(head, first, stop)

    def _antecedent_of_relative(self, pronoun: Token) -> Token | None:
        """The noun a relative pronoun stands for: "Aguilar, the director, who" → Aguilar."""
        if pronoun.lower_ not in self.profile.relative_pronouns:
            return None
        clause = self.layout.head(pronoun)
        if clause.i == pronoun.i or self.relations.rel(clause) is not Rel.RELATIVE_CLAUSE:
            return None
        antecedent = self.layout.head(clause)
        if antecedent.i == clause.i or antecedent.i > pronoun.i:
            return None
        if (
            self.relations.rel(antecedent) is Rel.APPOSITION
            and self.heads[antecedent.i] < antecedent.i
        ):
            antecedent = self.layout.head(antecedent)  # the name an apposition describes
        return antecedent

    def _collective_pronoun_identity(self, pronoun: Token) -> _Identity:
        """Resolve "they" to the last group, organisation or place that spoke, "it" to a body."""
        wanted = {SpeakerKind.ORG, SpeakerKind.PLACE}
        if pronoun.lower_ in self.profile.plural_pronouns:
            wanted |= {SpeakerKind.GROUP}
        for position, identity in reversed(self._identities):
            if position < pronoun.i and position not in self._content and identity.kind in wanted:
                return attrs.evolve(identity, resolution=Resolution.PRONOUN, parts=())
        subject = self._plural_subject_before(pronoun) if SpeakerKind.GROUP in wanted else None
        if subject is not None:
            # "Officials met on Monday. "…," they said.": the group that was the subject.
            found = self._described_identity(subject, subject.left_edge.i, subject.i + 1)
            if found.key is not None:
                return attrs.evolve(found, resolution=Resolution.PRONOUN)
        plural = pronoun.lower_ in self.profile.plural_pronouns
        kind = SpeakerKind.GROUP if plural else SpeakerKind.UNKNOWN
        return _Identity(None, None, None, kind, None)

    def _plural_subject_before(self, pronoun: Token) -> Token | None:
        """The last plural noun that was a subject in the pronoun's or the last sentence."""
        sentence_of = self.layout.sentence_of
        i = pronoun.i - 1
        while i >= 0 and sentence_of[pronoun.i] - sentence_of[i] <= 1:
            token = self.token_at(i)
            plural = token.tag_ in {"NNS", "NNPS"} or "Plur" in token.morph.get("Number", [])
            is_subject = self.relations.rel(token) in {Rel.SUBJECT, Rel.PASSIVE_SUBJECT}
            if (
                plural
                and is_subject
                and token.pos_ in {"NOUN", "PROPN"}
                and self.layout.is_outside(i)
                and i not in self._content
            ):
                return token
            i -= 1
        return None

    def _named_identity(self, run: _NameRun, full: _NameRun) -> _Identity:
        label = self._label_of(full)
        alias = full is not run  # a surname or title form of an earlier full name
        return _Identity(
            key=_key(full.name),
            name=full.name,
            label=label,
            kind=self._kind_of_name(full, label),
            resolution=Resolution.ALIAS if alias else Resolution.MENTION,
            title=self._title_of(run) or self._title_of(full) or self._known_title(full),
        )

    def _pronoun_identity(self, pronoun: Token) -> _Identity:
        gender = "f" if pronoun.lower_ in self.profile.feminine_pronouns else "m"
        antecedent = self._antecedent(pronoun.i, gender)
        if antecedent is None:
            return _Identity(None, None, None, SpeakerKind.PERSON, None)
        self._genders.setdefault(_key(antecedent.name), gender)
        return _Identity(
            key=_key(antecedent.name),
            name=antecedent.name,
            label="PERSON" if self.has_ner else None,
            kind=SpeakerKind.PERSON,
            resolution=Resolution.PRONOUN,
            title=self._known_title(antecedent),
        )

    def _coordinated_identity(self, members: list[Token]) -> _Identity:
        parts = tuple(self._member_name(member) for member in members)
        name = _joined(parts, self.profile.list_conjunction)
        return _Identity(
            key=_key(name),
            name=name,
            label=None,
            kind=SpeakerKind.GROUP,
            resolution=Resolution.MENTION,
            parts=parts,
        )

    def _member_name(self, member: Token) -> str:
        run = self._run_at(member.i)
        if run is not None:
            return self._full_name(run).name
        # A described member ("medical staff"): its words up to its head, without the
        # coordination ("and", a comma) that may open its subtree.
        first = min(
            i
            for i in self.layout.subtree(member)
            if i <= member.i and self.tokens.lower_[i] not in self._and | {","}
        )
        return self.layout.span_text(first, member.i + 1)

    def _described_identity(self, head: Token, first: int, stop: int) -> _Identity:
        """A speaker named by a description: "officials", "a source", "the mayor"."""
        phrase = self.layout.span_text(first, stop)
        owner = self._possessive_owner(head)
        if owner is not None:
            # "his spokesperson": someone speaking for the entity the pronoun means.
            name = self.profile.speaking_for.format(noun=head.lower_, owner=owner.name)
            return _Identity(
                key=_key(name),
                name=name,
                label=None,
                kind=SpeakerKind.ANONYMOUS,
                resolution=Resolution.PRONOUN,
            )
        label = (head.ent_type_ or None) if self.has_ner else None
        titled = self._titled_person(head, first)
        if titled is not None:
            # "the secretary" after "Secretary of State Antony Blinken" introduced him.
            titled_label = self._label_of(titled)
            return _Identity(
                key=_key(titled.name),
                name=titled.name,
                label=titled_label,
                kind=self._kind_of_name(titled, titled_label),
                resolution=Resolution.ALIAS,
                title=self._known_title(titled),
            )
        kind = self._kind_of_description(head, first)
        if kind is SpeakerKind.UNKNOWN and label is not None:
            kind = _kind_of_label(label)
        named = kind in {SpeakerKind.GROUP, SpeakerKind.ANONYMOUS, SpeakerKind.ORG}
        return _Identity(
            key=_key(phrase) if named else None,
            name=self._without_article(phrase) if named else None,
            label=label,
            kind=kind,
            resolution=Resolution.MENTION if named else None,
        )

    def _without_article(self, phrase: str) -> str:
        """*phrase* without the article it opens with: "the mayor" → "mayor"."""
        first, _, rest = phrase.partition(" ")
        articles = self.profile.definite_articles | self.profile.indefinite_articles
        return rest if rest and first.lower() in articles else phrase

    def _titled_person(self, head: Token, first: int) -> _NameRun | None:
        """The person an earlier mention gave the title *head* names ("the secretary")."""
        definite = self.tokens.lower_[first] in self.profile.definite_articles
        if not definite or head.pos_ not in {"NOUN", "PROPN"}:
            return None
        words = {head.lower_}
        if head.lower_ in self.profile.leader_nouns:
            # "the Israeli leader": the nationality names the office-holder of that country.
            orth, lower = self.tokens.orth, self.tokens.lower_
            words = {lower[i] for i in range(first + 1, head.i) if orth[i][:1].isupper()}
        if not words:
            return None
        position = bisect.bisect_left(self._run_starts, first) - 1
        while position >= 0:
            if self.runs[position].first in self._content:
                position -= 1
                continue
            run = self._full_name(self.runs[position])
            title = self._title_of(self.runs[position]) or self._appositive_title(run)
            if title is not None and words <= set(title.lower().replace(".", "").split()):
                return run
            position -= 1
        return None

    def _appositive_title(self, run: _NameRun) -> str | None:
        """The title in apposition: "Antony Blinken, the secretary of state, …"."""
        if run.stop not in self._appositive_titles:
            self._appositive_titles[run.stop] = self._find_appositive_title(run)
        return self._appositive_titles[run.stop]

    def _find_appositive_title(self, run: _NameRun) -> str | None:
        orth, pos = self.tokens.orth, self.tokens.pos
        if run.stop + 2 >= len(orth) or orth[run.stop] != ",":
            return None
        first = run.stop + 1
        stop = first
        while stop < len(orth) and orth[stop] not in {",", ".", ";"} and stop - first < 8:
            stop += 1
        described = self.tokens.lower_[first] in self.profile.definite_articles and all(
            pos[i] in {"DET", "ADJ", "NOUN", "PROPN", "ADP", "PART"} for i in range(first, stop)
        )
        words = [i for i in range(first, stop) if pos[i] != "DET"]
        if any(pos[i] in {"VERB", "AUX"} for i in words):
            return None  # "in Lagos, the governor said": a clause, not an apposition
        if not words or not (
            described or any(self._title_key(i) in self._titles_set for i in words)
        ):
            return None
        return self.layout.span_text(words[0], stop)

    def _possessive_owner(self, head: Token) -> _NameRun | None:
        """The person "his"/"her" means in "his spokesperson" (a source noun only)."""
        if not self._is_source_noun(head):
            return None
        lower = self.tokens.lower_
        for child in self.tokens.children(head.i):
            if child < head.i and lower[child] in self.profile.gendered_possessives:
                gender = "f" if lower[child] in self.profile.feminine_pronouns else "m"
                return self._antecedent(child, gender)
        return None

    def _is_source_noun(self, head: Token) -> bool:
        """Whether *head* is a noun for a source ("spokesperson", "officials")."""
        source_nouns = self.profile.source_nouns
        return self.layout.lemma(head).lower() in source_nouns or head.lower_ in source_nouns

    def _kind_of_description(self, head: Token, first: int) -> SpeakerKind:
        determiner = self.tokens.lower_[first]
        plural = head.tag_ in {"NNS", "NNPS"} or "Plur" in head.morph.get("Number", [])
        if self._is_source_noun(head):
            if plural:
                return SpeakerKind.GROUP
            indefinite = determiner in self.profile.indefinite_words
            return SpeakerKind.ANONYMOUS if indefinite else SpeakerKind.PERSON
        if head.lower_ in self.profile.organisation_words:
            return SpeakerKind.ORG
        if self._title_key(head.i) in self._titles_set:
            return SpeakerKind.PERSON  # "the mayor", "the secretary"
        return SpeakerKind.GROUP if plural and head.pos_ == "NOUN" else SpeakerKind.UNKNOWN

    def _kind_of_name(self, run: _NameRun, label: str | None) -> SpeakerKind:
        if run.person_title or (label == "PERSON" and run.name not in self._places):
            return SpeakerKind.PERSON
        if run.name in self._places:
            return SpeakerKind.PLACE  # "Washington contends": the government speaks
        if run.last_word.lower().rstrip(".") in self.profile.organisation_words:
            return SpeakerKind.ORG
        by_label = SpeakerKind.UNKNOWN if label is None else _kind_of_label(label)
        if by_label is not SpeakerKind.UNKNOWN:
            return by_label
        if run.person_evidence:
            return SpeakerKind.PERSON
        # "Acme, the shipping company": an organisation by its apposition.
        described = self._appositive_title(run)
        organisation_words = self.profile.organisation_words
        if described is not None and described.split()[-1].lower() in organisation_words:
            return SpeakerKind.ORG
        return SpeakerKind.UNKNOWN

    def _title_of(self, run: _NameRun) -> str | None:
        """The title written before the name in its run: "U.S. Secretary of State"."""
        key = (run.first, run.name_first)
        if key not in self._titles:
            self._titles[key] = self._find_title(run)
        return self._titles[key]

    def _find_title(self, run: _NameRun) -> str | None:
        first = run.first
        while first > 0 and self._is_title_word(first - 1):
            first -= 1
        while first < run.name_first and (
            self.tokens.pos[first] == "DET" or self._title_key(first) in self.profile.honorifics
        ):
            first += 1  # "Ms." is a courtesy, not an office
        if first >= run.name_first:
            return None
        return self.layout.span_text(first, run.name_first)

    def _is_title_word(self, i: int) -> bool:
        key = self._title_key(i)
        if key in self.profile.title_joiners:
            return i > 0 and self._title_key(i - 1) in self._titles_set
        return key in self._titles_set

    def _known_title(self, full: _NameRun) -> str | None:
        """The first title any mention of the same person carries ("a title given once")."""
        if full not in self._known_titles:
            self._known_titles[full] = self._find_known_title(full)
        return self._known_titles[full]

    def _find_known_title(self, full: _NameRun) -> str | None:
        for run in self._runs_ending_in.get(full.last_word, ()):
            if run is full or run.name in full.name:
                title = self._title_of(run) or self._appositive_title(run)
                if title is not None:
                    return title
        return None

    # -- coordination -----------------------------------------------------------------

    def _coordinated(self, head: Token, first: int, stop: int) -> list[Token]:
        """The coordinated members of a mention ("Moscow and Beijing"), else just its head."""
        members = [head]
        members += [t for t in self.relations.conjuncts(head) if first <= t.i < stop]
        if len(members) == 1 and self._run_at(head.i) is not None:
            # The parse missed the coordination; names joined by "and" before any
            # apposition or relative clause still make one.
            for i in range(first, stop - 1):
                if self.tokens.orth[i] == ",":
                    break
                if self.tokens.lower_[i] in self._and and self._run_at(i) is None:
                    after = self._run_at(i + 1)
                    if after is not None:
                        members.append(self.token_at(after.stop - 1))
        return sorted(members, key=lambda token: token.i)

    # -- names ------------------------------------------------------------------------

    def _name_runs(self) -> list[_NameRun]:
        texts = self.layout.tokens.text
        n = len(texts)
        names = [i for i in self._name_candidates if self._is_name_token(i)]
        is_name = [False] * n
        for i in names:
            is_name[i] = True
        runs: list[_NameRun] = []
        stop = 0
        for i in names:
            if i < stop:
                continue  # inside the run before
            stop = i + 1
            while stop < n and (
                is_name[stop]
                or (
                    stop + 1 < n
                    and (
                        texts[stop] in _JOINERS
                        or texts[stop].lower() in self.profile.name_particles
                    )
                    and is_name[stop + 1]
                )
            ):
                stop += 1
            run = self._make_run(i, stop)
            if run is not None:
                runs.append(run)
        return runs

    def _is_name_token(self, i: int) -> bool:
        tokens = self.layout.tokens
        text, pos = tokens.text[i], tokens.pos[i]
        if not text[:1].isupper() or not self.layout.is_outside(i):
            return False
        if pos not in _NAME_TAGS and not self._is_misread_proper_noun(i):
            return False
        if self._is_inflected_cue(text):
            return False  # a headline's verb: "Top Diplomat Warns Israel"
        if i not in self._sentence_openers:
            return pos == "PROPN" or text in self._capitalised_inside
        # Opening a sentence, "Residents" looks like a name to a small tagger; believe it
        # when the word is capitalised elsewhere too, is an entity, or starts a longer name.
        starts_name = (
            pos == "PROPN"
            and i + 1 < len(tokens.pos)
            and tokens.pos[i + 1] == "PROPN"
            and tokens.text[i + 1][:1].isupper()
        )
        return starts_name or text in self._capitalised_inside or bool(tokens.ent_type[i])

    @functools.cached_property
    def _name_candidates(self) -> list[int]:
        """The tokens tagged like names and written with a capital first letter.

        Names are made of nothing else; the other capitalised words are never asked about.
        """
        texts = self.layout.tokens.text
        tokens = self.layout.tokens
        found = [i for i in tokens.tagged(_NAME_TAGS) if texts[i][:1].isupper()]
        misread = [i for i in tokens.tagged(_MISREAD_NAME_TAGS) if self._is_misread_proper_noun(i)]
        return sorted(found + misread) if misread else found

    def _is_misread_proper_noun(self, i: int) -> bool:
        """A capitalised word tagged a verb whose fine tag says proper noun ("Blessing")."""
        return (
            self.layout.tokens.text[i][:1].isupper()
            and self.layout.tokens.pos[i] in _MISREAD_NAME_TAGS
            and self.token_at(i).tag_ in _PROPER_NOUN_TAGS
        )

    @functools.cached_property
    def _sentence_openers(self) -> set[int]:
        """The name candidates that open a sentence."""
        return {i for i in self._name_candidates if self._opens_sentence(i)}

    @functools.cached_property
    def _capitalised_inside(self) -> frozenset[str]:
        """Words written capitalised somewhere other than at the start of a sentence."""
        texts, openers = self.layout.tokens.text, self._sentence_openers
        return frozenset(texts[i] for i in self._name_candidates if i not in openers)

    def _opens_sentence(self, i: int) -> bool:
        tokens = self.layout.tokens
        previous = i - 1
        while previous >= 0 and tokens.is_space[previous]:
            previous -= 1
        if previous < 0 or self.layout.sentence_of[i] != self.layout.sentence_of[previous]:
            return True
        if tokens.text[previous] in {":", "(", "—", "–"}:
            return True
        return self.layout.region_of[previous] < 0 and tokens.is_quote[previous]

    def _is_inflected_cue(self, word: str) -> bool:
        """Whether *word* is an inflected reporting verb ("Warns", "Told"), never in a name."""
        lower = word.lower()
        lemma = self.profile.cues.forms.get(lower)
        return lemma is not None and lemma != lower

    def _make_run(self, first: int, stop: int) -> _NameRun | None:
        titles = self._titles_set
        non_person = self.profile.non_person_descriptors
        # The name proper follows the last title in the run: "Harbour Minister Teresa Okafor".
        name_first = first
        person_title = False
        for i in range(first, stop - 1):
            key = self._title_key(i)
            if key in titles:
                person_title |= key not in non_person
                name_first = i + 1
        # A capitalised word that is no known title is part of the name, wherever the
        # pipeline's PERSON entity starts: small models miss given names ("Ida Brenner" with
        # only "Brenner" a PERSON), far more often than a name follows an unlisted occupation.
        if (
            name_first == stop - 1
            and self.tokens.ent_type[stop - 1] in _ORGANISATION_LABELS
            and self._title_key(stop - 1) not in titles
        ):
            # "General Motors": a one-word remainder of an organisation keeps its first word.
            name_first, person_title = first, False
        if self._title_key(name_first) in titles and name_first == stop - 1:
            return None  # only titles: "the President said"
        person_title |= self._title_before(first)
        ent_type, orth = self.tokens.ent_type, self.tokens.orth
        labels: set[str] = set()
        words = 0
        for i in range(name_first, stop):
            labels.add(ent_type[i])
            words += orth[i] not in _JOINERS
        person_evidence = (
            "PERSON" in labels or person_title or (words >= 2 and not labels & _ORGANISATION_LABELS)
        )
        rels = self.relations.rels
        subject = any(rels[i] in _SUBJECTS for i in range(first, stop))
        return _NameRun(
            first=first,
            stop=stop,
            name_first=name_first,
            name=self.layout.span_text(name_first, stop),
            last_word=orth[stop - 1],
            person_evidence=person_evidence,
            person_title=person_title,
            subject=subject,
            title_gender=self._gender_of_titles(first, name_first),
        )

    def _title_before(self, first: int) -> bool:
        """Whether a person's title ends right before token *first*.

        Titles outside the run are lowercase ("former president Obama") or joined by "of"
        ("Secretary of State Antony Blinken"), so walk back over both.
        """
        titles, joiners = self._titles_set, self.profile.title_joiners
        i = first - 1
        while i >= 0 and first - i <= 6:
            key = self._title_key(i)
            if key not in titles and key not in joiners:
                return False
            if key in titles and key not in self.profile.non_person_descriptors:
                return True
            i -= 1
        return False

    def _title_key(self, i: int) -> str:
        """Token *i* as the title list writes it: lowercase, without a full stop ("sen")."""
        return self.tokens.lower_[i].rstrip(".")

    def _run_at(self, i: int) -> _NameRun | None:
        position = bisect.bisect_right(self._run_starts, i) - 1
        if position >= 0 and self.runs[position].first <= i < self.runs[position].stop:
            return self.runs[position]
        return None

    def _run_for_mention(self, head: Token, first: int, stop: int) -> _NameRun | None:
        """The name a mention is about: the run holding its head, else one in apposition.

        "Brandt, a former engineer" and "the mayor, Lukas Brandt" name Brandt; "a spokesman
        for committee Democrats" names nobody.
        """
        run = self._run_at(head.i)
        if run is not None:
            return run
        token_at = self.token_at
        position = bisect.bisect_left(self._run_starts, first)
        while position < len(self.runs) and self.runs[position].first < stop:
            candidate = self.runs[position]
            if candidate.stop <= stop:
                leading = candidate.first == first and self.tokens.orth[candidate.stop] == ","
                # "the mayor, Lukas Brandt" / "councillor Ruth Elland": the name closing
                # the mention after an apposition comma or a title noun.
                before = token_at(candidate.first - 1)
                trailing = candidate.stop == stop and (before.text == "," or before.pos_ == "NOUN")
                if candidate.person_evidence or leading or trailing:
                    return candidate
            position += 1
        return None

    def _full_name(self, run: _NameRun, gender: str | None = None) -> _NameRun:
        """Return the earlier run with the full form of a one-word name, else *run* itself.

        The most recent full name with that surname wins, unless the mention's own title
        ("Mrs. Clinton") or *gender* rules it out and an older one agrees.
        """
        if " " in run.name:
            return run
        gender = gender or run.title_gender
        if gender is None:
            # Asked for every candidate of every pronoun, and independent of what has been
            # learnt about genders: remember it.
            cached = self._full_names.get(run.first)
            if cached is None:
                cached = self._full_names[run.first] = self._latest_full_name(run, None)
            return cached
        return self._latest_full_name(run, gender)

    def _latest_full_name(self, run: _NameRun, gender: str | None) -> _NameRun:
        fallback: _NameRun | None = None
        for earlier in reversed(self._full_names_ending_in.get(run.last_word, ())):
            if earlier.first >= run.first:
                continue
            known = self._genders.get(_key(earlier.name))
            if gender is None or known is None or known == gender:
                return earlier
            fallback = fallback or earlier
        return fallback or run

    @functools.cached_property
    def _full_names_ending_in(self) -> dict[str, list[_NameRun]]:
        """The names of more than one word, by their last word, in document order."""
        return {
            word: [run for run in runs if " " in run.name]
            for word, runs in self._runs_ending_in.items()
        }

    @functools.cached_property
    def _runs_ending_in(self) -> dict[str, list[_NameRun]]:
        """The name runs by their last word, in document order."""
        found: dict[str, list[_NameRun]] = {}
        for run in self.runs:
            found.setdefault(run.last_word, []).append(run)
        return found

    def _gender_of_titles(self, first: int, name_first: int) -> str | None:
        """The gender, "f" or "m", of the first courtesy title before the name, if any."""
        lower = self.tokens.lower_
        for i in range(max(first - 1, 0), name_first):
            title = lower[i].rstrip(".")
            if title in self.profile.feminine_titles:
                return "f"
            if title in self.profile.masculine_titles:
                return "m"
        return None

    def _antecedent(self, pronoun: int, gender: str | None) -> _NameRun | None:
        """The person a "he"/"she" most likely means: a recent speaker or subject.

        Candidates whose gender the text has shown (a "Ms." or an earlier "he") and that
        disagree with the pronoun are passed over.
        """
        content = self._content
        earlier = self.runs[: bisect.bisect_left(self._run_starts, pronoun)]
        candidates: list[tuple[int, _NameRun]] = [
            (run.first, run)
            for run in earlier
            if run.first not in content and run.subject and self._is_person(run)
        ]
        candidates += [
            (position, run)
            for position, run in self._speakers
            if position < pronoun
            and position not in content
            and self._full_name(run).name not in self._places
        ]
        if not candidates:
            candidates = [
                (r.first, r) for r in earlier if r.first not in content and self._is_person(r)
            ]
        ordered = sorted(candidates, key=lambda item: item[0], reverse=True)
        sentence = self.layout.sentence_of[pronoun]
        if gender is not None:
            # A person the text shows to be of the pronoun's gender, mentioned lately, beats
            # a more recent one whose gender it never shows.
            for position, run in ordered:
                if sentence - self.layout.sentence_of[position] > _GENDER_WINDOW_SENTENCES:
                    break
                full = self._full_name(run, gender)
                if self._gender_of(full) == gender:
                    return full
        for _position, run in ordered:
            full = self._full_name(run, gender)
            known = self._gender_of(full)
            if gender is None or known is None or known == gender:
                return full
        return None

    def _is_person(self, run: _NameRun) -> bool:
        """A person by its own words, or by the full name a surname stands for ("Ruiz")."""
        found = self._persons.get(run.first)
        if found is None:
            full = self._full_name(run)
            if full.name in self._places and not full.person_title:
                found = False
            else:
                found = run.person_evidence or full.person_evidence
            # Remembered unless the full name depends on the genders learnt so far: a
            # one-word name with a courtesy title ("Ms. Lee").
            if " " in run.name or run.title_gender is None:
                self._persons[run.first] = found
        return found

    def _gender_of(self, full: _NameRun) -> str | None:
        """Gender ("f" or "m") when the text shows it: a title, or the pronouns around it."""
        key = _key(full.name)
        return (
            self._genders.get(key)
            or self._titled_genders.get(key)
            or self._pronoun_genders.get(key)
        )

    @functools.cached_property
    def _pronoun_genders(self) -> dict[str, str]:
        """The gender the pronouns near a lone named person give them.

        "Sanders said his plan …": when a "he"/"his" follows exactly one person named in
        its sentence, it votes for that person; a clear majority decides.
        """
        votes: dict[str, collections.Counter[str]] = collections.defaultdict(collections.Counter)
        sentence_of = self.layout.sentence_of
        texts = self.layout.tokens.text
        feminine = self.profile.feminine_pronouns
        gendered = feminine | self.profile.masculine_pronouns
        for i in self.layout.tokens.lowercase_positions_of(gendered):
            gender = "f" if texts[i].lower() in feminine else "m"
            if not self.layout.is_outside(i):
                continue
            nearby = {
                _key(self._full_name(run).name)
                for run in self._runs_before(i)
                if sentence_of[i] == sentence_of[run.first] and self._is_person(run)
            }
            if len(nearby) == 1:
                votes[nearby.pop()][gender] += 1
        genders: dict[str, str] = {}
        for key, counts in votes.items():
            (best, count), *rest = counts.most_common()
            if not rest or count >= 2 * rest[0][1]:
                genders[key] = best
        return genders

    def _runs_before(self, i: int) -> list[_NameRun]:
        """The name runs of the few sentences before token *i* (at most 20 runs back)."""
        position = bisect.bisect_left(self._run_starts, i)
        return self.runs[max(0, position - 20) : position]

    @functools.cached_property
    def _titled_genders(self) -> dict[str, str]:
        """The gender each "Mr."/"Ms." mention gives the full name it stands for."""
        genders: dict[str, str] = {}
        for run in self.runs:
            gender = run.title_gender
            if gender is not None:
                genders.setdefault(_key(self._full_name(run, gender).name), gender)
        return genders

    # -- labels -----------------------------------------------------------------------

    def _label_votes(self) -> dict[str, collections.Counter[str]]:
        """One vote per mention: the entity label on the last word of each name."""
        votes: dict[str, collections.Counter[str]] = collections.defaultdict(collections.Counter)
        if not self.has_ner:
            return votes
        for run in self.runs:
            label = self.tokens.ent_type[run.stop - 1]
            if label:
                votes[run.last_word][label] += 1
        return votes

    def _label_of(self, run: _NameRun) -> str | None:
        if not self.has_ner:
            return None
        if run.person_title:
            return "PERSON"
        counts = self._labels.get(run.last_word)
        if not counts:
            return None
        # Ties go to PERSON: people are the usual speakers, and small models over-label GPE.
        best = max(counts.items(), key=lambda item: (item[1], item[0] == "PERSON"))
        return best[0]


def _key(name: str) -> str:
    return " ".join(name.lower().split())


def _joined(names: tuple[str, ...], conjunction: str) -> str:
    """Join names as "A and B" or "A, B and C", with the language's *conjunction*."""
    joint = f" {conjunction} "
    if len(names) <= 2:
        return joint.join(names)
    return ", ".join(names[:-1]) + joint + names[-1]


def _kind_of_label(label: str) -> SpeakerKind:
    if label == "PERSON":
        return SpeakerKind.PERSON
    if label == "ORG":
        return SpeakerKind.ORG
    if label in _PLACE_LABELS:
        return SpeakerKind.PLACE
    return SpeakerKind.GROUP if label == "NORP" else SpeakerKind.UNKNOWN
