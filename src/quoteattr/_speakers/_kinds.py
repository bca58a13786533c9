"""Kinds and labels: person, organisation, place, group or anonymous source.

Entity labels come from the pipeline's NER when it has one, voted over every mention of the
same name, because a small model labels the same name differently in different sentences;
the profile's places stand in for it when a place speaks for its government.
"""

from __future__ import annotations

import collections
from typing import TYPE_CHECKING

from quoteattr._speakers._part import SpeakerPart
from quoteattr._speakers._records import NameRun, kind_of_label
from quoteattr._types import SpeakerKind

if TYPE_CHECKING:
    from spacy.tokens import Token

    from quoteattr._layout import DocLayout
    from quoteattr._relations import DocRelations
    from quoteattr._speakers._names import NameRuns
    from quoteattr._speakers._titles import Titles
    from quoteattr.lang import LanguageProfile


class Kinds(SpeakerPart):
    """What kind of speaker a name or description is, and its entity label."""

    def __init__(  # noqa: PLR0913 - the document, its words, the parts it asks, and NER
        self,
        layout: DocLayout,
        relations: DocRelations,
        profile: LanguageProfile,
        names: NameRuns,
        titles: Titles,
        *,
        has_ner: bool,
    ) -> None:
        """Read *layout*'s document, with the parts it asks."""
        super().__init__(layout, relations, profile)
        self.names = names
        self.titles = titles
        self.has_ner = has_ner
        self._labels = self.label_votes()

    def is_source_noun(self, head: Token) -> bool:
        """Whether *head* is a noun for a source ("spokesperson", "officials")."""
        source_nouns = self.profile.source_nouns
        return self.layout.lemma(head).lower() in source_nouns or head.lower_ in source_nouns

    def kind_of_description(self, head: Token, first: int) -> SpeakerKind:
        determiner = self.tokens.lower_[first]
        plural = head.tag_ in {"NNS", "NNPS"} or "Plur" in head.morph.get("Number", [])
        if self.is_source_noun(head):
            if plural:
                return SpeakerKind.GROUP
            indefinite = determiner in self.profile.indefinite_words
            return SpeakerKind.ANONYMOUS if indefinite else SpeakerKind.PERSON
        if head.lower_ in self.profile.organisation_words:
            return SpeakerKind.ORG
        if self.names.title_key(head.i) in self._titles_set:
            return SpeakerKind.PERSON  # "the mayor", "the secretary"
        return SpeakerKind.GROUP if plural and head.pos_ == "NOUN" else SpeakerKind.UNKNOWN

    def kind_of_name(self, run: NameRun, label: str | None) -> SpeakerKind:
        if run.person_title or (label == "PERSON" and run.name not in self._places):
            return SpeakerKind.PERSON
        if run.name in self._places:
            return SpeakerKind.PLACE  # "Washington contends": the government speaks
        if run.last_word.lower().rstrip(".") in self.profile.organisation_words:
            return SpeakerKind.ORG
        by_label = SpeakerKind.UNKNOWN if label is None else kind_of_label(label)
        if by_label is not SpeakerKind.UNKNOWN:
            return by_label
        if run.person_evidence:
            return SpeakerKind.PERSON
        # "Acme, the shipping company": an organisation by its apposition.
        described = self.titles.appositive_title(run)
        organisation_words = self.profile.organisation_words
        if described is not None and described.split()[-1].lower() in organisation_words:
            return SpeakerKind.ORG
        return SpeakerKind.UNKNOWN

    def label_votes(self) -> dict[str, collections.Counter[str]]:
        """One vote per mention: the entity label on the last word of each name."""
        votes: dict[str, collections.Counter[str]] = collections.defaultdict(collections.Counter)
        if not self.has_ner:
            return votes
        for run in self.names.runs:
            label = self.tokens.ent_type[run.stop - 1]
            if label:
                votes[run.last_word][label] += 1
        return votes

    def label_of(self, run: NameRun) -> str | None:
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
