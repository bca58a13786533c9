"""People: who a surname or a pronoun means.

A surname resolves to the most recent full name seen earlier that ends with it ("Blinken" →
"Antony Blinken"), and "Mr." or "Ms." picks between two people who share it. "he"/"she"
resolve to the most recent person named earlier, preferring one who was speaking or the
subject of a sentence, and skipping anyone the text shows to be of the other gender.
"""

from __future__ import annotations

import bisect
import collections
import functools
from typing import TYPE_CHECKING

from quoteattr._speakers._part import SpeakerPart
from quoteattr._speakers._records import NameRun, entity_key
from quoteattr._speakers._tags import (
    GENDER_WINDOW_SENTENCES,
)

if TYPE_CHECKING:
    from spacy.tokens import Token

    from quoteattr._layout import DocLayout
    from quoteattr._relations import DocRelations
    from quoteattr._speakers._names import NameRuns
    from quoteattr._speakers._titles import Titles
    from quoteattr.lang import LanguageProfile


class People(SpeakerPart):
    """Who a surname or a pronoun means: full names, genders, antecedents."""

    def __init__(
        self,
        layout: DocLayout,
        relations: DocRelations,
        profile: LanguageProfile,
        names: NameRuns,
        titles: Titles,
    ) -> None:
        """Read *layout*'s document, with the parts it asks."""
        super().__init__(layout, relations, profile)
        self.names = names
        self.titles = titles
        # Whether each name run (by its first token) is a person's.
        self._persons: dict[int, bool] = {}
        self._full_names: dict[int, NameRun] = {}
        #: Earlier speakers: (mention position, run), for pronoun resolution.
        self.speakers: list[tuple[int, NameRun]] = []
        #: What the text has shown of each person's gender, by entity key.
        self.genders: dict[str, str] = {}
        #: The reported speech whose speaker is being identified: nobody named in it is
        #: who a pronoun means (see SpeakerResolver.speaker).
        self.content = range(0)

    def titled_person(self, head: Token, first: int) -> NameRun | None:
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
        position = bisect.bisect_left(self.names.run_starts, first) - 1
        while position >= 0:
            if self.names.runs[position].first in self.content:
                position -= 1
                continue
            run = self.full_name(self.names.runs[position])
            title = (
                self.titles.title_of(self.names.runs[position])
                or self.titles.appositive_title(run)
                or self.titles.title_apposed_before(self.names.runs[position])
            )
            if title is not None and words <= set(title.lower().replace(".", "").split()):
                return run
            position -= 1
        return None

    def full_name(self, run: NameRun, gender: str | None = None) -> NameRun:
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

    def _latest_full_name(self, run: NameRun, gender: str | None) -> NameRun:
        fallback: NameRun | None = None
        same_last_word: list[NameRun] = self.names.full_names_ending_in.get(run.last_word, [])
        for earlier in reversed(same_last_word):
            if earlier.first >= run.first:
                continue
            known = self.genders.get(entity_key(earlier.name))
            if gender is None or known is None or known == gender:
                return earlier
            fallback = fallback or earlier
        return fallback or run

    def antecedent(self, pronoun: int, gender: str | None) -> NameRun | None:
        """The person a "he"/"she" most likely means: a recent speaker or subject.

        Candidates whose gender the text has shown (a "Ms." or an earlier "he") and that
        disagree with the pronoun are passed over.
        """
        content = self.content
        earlier = self.names.runs[: bisect.bisect_left(self.names.run_starts, pronoun)]
        candidates: list[tuple[int, NameRun]] = [
            (run.first, run)
            for run in earlier
            if run.first not in content and run.subject and self._is_person(run)
        ]
        candidates += [
            (position, run)
            for position, run in self.speakers
            if position < pronoun
            and position not in content
            and self.full_name(run).name not in self._places
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
                if sentence - self.layout.sentence_of[position] > GENDER_WINDOW_SENTENCES:
                    break
                full = self.full_name(run, gender)
                if self._gender_of(full) == gender:
                    return full
        for _position, run in ordered:
            full = self.full_name(run, gender)
            known = self._gender_of(full)
            if gender is None or known is None or known == gender:
                return full
        return None

    def _is_person(self, run: NameRun) -> bool:
        """A person by its own words, or by the full name a surname stands for ("Ruiz")."""
        found = self._persons.get(run.first)
        if found is None:
            full = self.full_name(run)
            if full.name in self._places and not full.person_title:
                found = False
            else:
                found = run.person_evidence or full.person_evidence
            # Remembered unless the full name depends on the genders learnt so far: a
            # one-word name with a courtesy title ("Ms. Lee").
            if " " in run.name or run.title_gender is None:
                self._persons[run.first] = found
        return found

    def _gender_of(self, full: NameRun) -> str | None:
        """Gender ("f" or "m") when the text shows it: a title, or the pronouns around it."""
        key = entity_key(full.name)
        return (
            self.genders.get(key) or self._titled_genders.get(key) or self._pronoun_genders.get(key)
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
                entity_key(self.full_name(run).name)
                for run in self.names.runs_before(i)
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

    @functools.cached_property
    def _titled_genders(self) -> dict[str, str]:
        """The gender each "Mr."/"Ms." mention gives the full name it stands for."""
        genders: dict[str, str] = {}
        for run in self.names.runs:
            gender = run.title_gender
            if gender is not None:
                genders.setdefault(entity_key(self.full_name(run, gender).name), gender)
        return genders
