"""The speaker resolver: from the mention under a quote to who said it, and an entity number."""

from __future__ import annotations

from typing import TYPE_CHECKING

import attrs

from quoteattr._relations import Rel
from quoteattr._speakers._kinds import Kinds
from quoteattr._speakers._names import NameRuns
from quoteattr._speakers._part import SpeakerPart
from quoteattr._speakers._people import People
from quoteattr._speakers._records import Identity, NameRun, entity_key, joined, kind_of_label
from quoteattr._speakers._titles import Titles
from quoteattr._types import AttributionMethod, Resolution, Speaker, SpeakerKind

if TYPE_CHECKING:
    from spacy.tokens import Token

    from quoteattr._attribution import Attribution
    from quoteattr._layout import DocLayout
    from quoteattr._relations import Relations
    from quoteattr.lang import LanguageProfile


__all__ = ["SpeakerResolver"]


class SpeakerResolver(SpeakerPart):
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
        bound = relations.over(layout)
        super().__init__(layout, bound, profile)
        self.has_ner = has_ner
        self.names = NameRuns(layout, bound, profile)
        self.titles = Titles(layout, bound, profile, self.names)
        self.people = People(layout, bound, profile, self.names, self.titles)
        self.kinds = Kinds(layout, bound, profile, self.names, self.titles, has_ner=has_ner)
        self._entity_ids: dict[str, int] = {}
        # Every identified speaker so far: (head position, identity), for "they" and "it".
        self._identities: list[tuple[int, Identity]] = []

    def speaker(self, attribution: Attribution, content: range = range(0)) -> Speaker:
        """Return the Speaker of *attribution*: its mention, who that is, and how we know.

        *content* is the token range of reported speech the speaker said: nobody named in
        it is who a pronoun speaker means ("Tom Lee will be consulted, she said"), as
        nobody named inside quotation marks is.
        """
        first, stop = attribution.speaker_first, attribution.speaker_stop
        start_char, end_char = self.layout.tokens.char_range(first, stop)
        self.people.content = content
        try:
            identity = self._identify(self.token_at(attribution.speaker_head), first, stop)
        finally:
            self.people.content = range(0)
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

    def _identify(self, head: Token, first: int, stop: int) -> Identity:
        antecedent = self._antecedent_of_relative(head)
        if antecedent is not None:
            # "Aguilar, who said …": who the relative clause is about.
            found = self._identify(antecedent, antecedent.left_edge.i, antecedent.i + 1)
            return attrs.evolve(found, resolution=Resolution.PRONOUN)
        members = self.names.coordinated(head, first, stop)
        if len(members) > 1:
            return self._coordinated_identity(members)
        run = self.names.run_for_mention(head, first, stop)
        if run is not None:
            full = self.people.full_name(run)
            gender = run.title_gender
            if gender is not None:
                self.people.genders.setdefault(entity_key(full.name), gender)
            self.people.speakers.append((head.i, full))
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

    def _collective_pronoun_identity(self, pronoun: Token) -> Identity:
        """Resolve "they" to the last group, organisation or place that spoke, "it" to a body."""
        wanted = {SpeakerKind.ORG, SpeakerKind.PLACE}
        if pronoun.lower_ in self.profile.plural_pronouns:
            wanted |= {SpeakerKind.GROUP}
        for position, identity in reversed(self._identities):
            if (
                position < pronoun.i
                and position not in self.people.content
                and identity.kind in wanted
            ):
                return attrs.evolve(identity, resolution=Resolution.PRONOUN, parts=())
        subject = self._plural_subject_before(pronoun) if SpeakerKind.GROUP in wanted else None
        if subject is not None:
            # "Officials met on Monday. "…," they said.": the group that was the subject.
            found = self._described_identity(subject, subject.left_edge.i, subject.i + 1)
            if found.key is not None:
                return attrs.evolve(found, resolution=Resolution.PRONOUN)
        plural = pronoun.lower_ in self.profile.plural_pronouns
        kind = SpeakerKind.GROUP if plural else SpeakerKind.UNKNOWN
        return Identity(None, None, None, kind, None)

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
                and i not in self.people.content
            ):
                return token
            i -= 1
        return None

    def _named_identity(self, run: NameRun, full: NameRun) -> Identity:
        label = self.kinds.label_of(full)
        alias = full is not run  # a surname or title form of an earlier full name
        return Identity(
            key=entity_key(full.name),
            name=full.name,
            label=label,
            kind=self.kinds.kind_of_name(full, label),
            resolution=Resolution.ALIAS if alias else Resolution.MENTION,
            title=self.titles.title_of(run)
            or self.titles.title_of(full)
            or self.titles.known_title(full),
        )

    def _pronoun_identity(self, pronoun: Token) -> Identity:
        gender = "f" if pronoun.lower_ in self.profile.feminine_pronouns else "m"
        antecedent = self.people.antecedent(pronoun.i, gender)
        if antecedent is None:
            return Identity(None, None, None, SpeakerKind.PERSON, None)
        self.people.genders.setdefault(entity_key(antecedent.name), gender)
        return Identity(
            key=entity_key(antecedent.name),
            name=antecedent.name,
            label="PERSON" if self.has_ner else None,
            kind=SpeakerKind.PERSON,
            resolution=Resolution.PRONOUN,
            title=self.titles.known_title(antecedent),
        )

    def _coordinated_identity(self, members: list[Token]) -> Identity:
        parts = tuple(self._member_name(member) for member in members)
        name = joined(parts, self.profile.list_conjunction)
        return Identity(
            key=entity_key(name),
            name=name,
            label=None,
            kind=SpeakerKind.GROUP,
            resolution=Resolution.MENTION,
            parts=parts,
        )

    def _member_name(self, member: Token) -> str:
        run = self.names.run_at(member.i)
        if run is not None:
            return self.people.full_name(run).name
        # A described member ("medical staff"): its words up to its head, without the
        # coordination ("and", a comma) that may open its subtree.
        first = min(
            i
            for i in self.layout.subtree(member)
            if i <= member.i and self.tokens.lower_[i] not in self._and | {","}
        )
        return self.layout.span_text(first, member.i + 1)

    def _described_identity(self, head: Token, first: int, stop: int) -> Identity:
        """A speaker named by a description: "officials", "a source", "the mayor"."""
        phrase = self.layout.span_text(first, stop)
        owner = self._possessive_owner(head)
        if owner is not None:
            # "his spokesperson": someone speaking for the entity the pronoun means.
            name = self.profile.speaking_for.format(noun=head.lower_, owner=owner.name)
            return Identity(
                key=entity_key(name),
                name=name,
                label=None,
                kind=SpeakerKind.ANONYMOUS,
                resolution=Resolution.PRONOUN,
            )
        label = (head.ent_type_ or None) if self.has_ner else None
        titled = self.people.titled_person(head, first)
        if titled is not None:
            # "the secretary" after "Secretary of State Antony Blinken" introduced him.
            titled_label = self.kinds.label_of(titled)
            return Identity(
                key=entity_key(titled.name),
                name=titled.name,
                label=titled_label,
                kind=self.kinds.kind_of_name(titled, titled_label),
                resolution=Resolution.ALIAS,
                title=self.titles.known_title(titled),
            )
        kind = self.kinds.kind_of_description(head, first)
        if kind is SpeakerKind.UNKNOWN and label is not None:
            kind = kind_of_label(label)
        named = kind in {SpeakerKind.GROUP, SpeakerKind.ANONYMOUS, SpeakerKind.ORG}
        return Identity(
            key=entity_key(phrase) if named else None,
            name=self._without_article(phrase) if named else None,
            label=label,
            kind=kind,
            resolution=Resolution.MENTION if named else None,
        )

    def _without_article(self, phrase: str) -> str:
        """*phrase* without its opening article: "the mayor" → "mayor", "L’Élysée" → "Élysée"."""
        articles = self.profile.definite_articles | self.profile.indefinite_articles
        first, _, rest = phrase.partition(" ")
        if rest and first.lower() in articles:
            return rest
        lower = phrase.lower()
        elided = next((a for a in self.profile.elided_articles if lower.startswith(a)), "")
        return phrase[len(elided) :] if len(phrase) > len(elided) else phrase

    def _possessive_owner(self, head: Token) -> NameRun | None:
        """The person "his"/"her" means in "his spokesperson" (a source noun only)."""
        if not self.kinds.is_source_noun(head):
            return None
        lower = self.tokens.lower_
        for child in self.tokens.children(head.i):
            if child < head.i and lower[child] in self.profile.gendered_possessives:
                gender = "f" if lower[child] in self.profile.feminine_pronouns else "m"
                return self.people.antecedent(child, gender)
        return None
