"""Names: runs of proper nouns, minus the titles before them.

Runs of proper nouns, or of capitalised words inside a sentence (small taggers miss proper
nouns); the name proper follows the titles ("U.S. Secretary of State Antony Blinken" →
"Antony Blinken").
"""

from __future__ import annotations

import bisect
import functools
from typing import TYPE_CHECKING

from quoteattr._speakers._part import SpeakerPart
from quoteattr._speakers._records import NameRun
from quoteattr._speakers._tags import (
    JOINERS,
    MISREAD_NAME_TAGS,
    NAME_TAGS,
    ORGANISATION_LABELS,
    PROPER_NOUN_TAGS,
    SUBJECTS,
)

if TYPE_CHECKING:
    from spacy.tokens import Token

    from quoteattr._layout import DocLayout
    from quoteattr._relations import DocRelations
    from quoteattr.lang import LanguageProfile


class NameRuns(SpeakerPart):
    """The names of one document: runs of name words, with the titles before them."""

    def __init__(
        self, layout: DocLayout, relations: DocRelations, profile: LanguageProfile
    ) -> None:
        """Read *layout*'s document."""
        super().__init__(layout, relations, profile)
        self.runs = self.name_runs()
        self.run_starts = [run.first for run in self.runs]

    def coordinated(self, head: Token, first: int, stop: int) -> list[Token]:
        """The coordinated members of a mention ("Moscow and Beijing"), else just its head."""
        members = [head]
        members += [t for t in self.relations.conjuncts(head) if first <= t.i < stop]
        if len(members) == 1 and self.run_at(head.i) is not None:
            # The parse missed the coordination; names joined by "and" before any
            # apposition or relative clause still make one.
            for i in range(first, stop - 1):
                if self.tokens.orth[i] == ",":
                    break
                if self.tokens.lower_[i] in self._and and self.run_at(i) is None:
                    after = self.run_at(i + 1)
                    if after is not None:
                        members.append(self.token_at(after.stop - 1))
        return sorted(members, key=lambda token: token.i)

    def name_runs(self) -> list[NameRun]:
        texts = self.layout.tokens.text
        n = len(texts)
        names = [i for i in self._name_candidates if self._is_name_token(i)]
        is_name = [False] * n
        for i in names:
            is_name[i] = True
        runs: list[NameRun] = []
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
                        texts[stop] in JOINERS or texts[stop].lower() in self.profile.name_particles
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
        if pos not in NAME_TAGS and not self._is_misread_proper_noun(i):
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
        found = [i for i in tokens.tagged(NAME_TAGS) if texts[i][:1].isupper()]
        misread = [i for i in tokens.tagged(MISREAD_NAME_TAGS) if self._is_misread_proper_noun(i)]
        return sorted(found + misread) if misread else found

    def _is_misread_proper_noun(self, i: int) -> bool:
        """A capitalised word tagged a verb whose fine tag says proper noun ("Blessing")."""
        return (
            self.layout.tokens.text[i][:1].isupper()
            and self.layout.tokens.pos[i] in MISREAD_NAME_TAGS
            and self.token_at(i).tag_ in PROPER_NOUN_TAGS
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
        previous = tokens.word_before(i)
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

    def _make_run(self, first: int, stop: int) -> NameRun | None:
        titles = self._titles_set
        non_person = self.profile.non_person_descriptors
        # The name proper follows the last title in the run: "Harbour Minister Teresa Okafor".
        name_first = first
        if self.tokens.lower_[first] in self.profile.elided_articles and stop - first > 1:
            name_first += 1  # "L’Élysée": a small tagger makes the elided article a name
        person_title = False
        for i in range(first, stop - 1):
            key = self.title_key(i)
            if key in titles:
                person_title |= key not in non_person
                name_first = i + 1
        # A capitalised word that is no known title is part of the name, wherever the
        # pipeline's PERSON entity starts: small models miss given names ("Ida Brenner" with
        # only "Brenner" a PERSON), far more often than a name follows an unlisted occupation.
        if (
            name_first == stop - 1
            and self.tokens.ent_type[stop - 1] in ORGANISATION_LABELS
            and self.title_key(stop - 1) not in titles
        ):
            # "General Motors": a one-word remainder of an organisation keeps its first word.
            name_first, person_title = first, False
        if self.title_key(name_first) in titles and name_first == stop - 1:
            return None  # only titles: "the President said"
        person_title |= self._title_before(first)
        ent_type, orth = self.tokens.ent_type, self.tokens.orth
        labels: set[str] = set()
        words = 0
        for i in range(name_first, stop):
            labels.add(ent_type[i])
            words += orth[i] not in JOINERS
        person_evidence = (
            "PERSON" in labels or person_title or (words >= 2 and not labels & ORGANISATION_LABELS)
        )
        rels = self.relations.rels
        subject = any(rels[i] in SUBJECTS for i in range(first, stop))
        return NameRun(
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
            key = self.title_key(i)
            if key not in titles and key not in joiners:
                return False
            if key in titles and key not in self.profile.non_person_descriptors:
                return True
            i -= 1
        return False

    def title_key(self, i: int) -> str:
        """Token *i* as the title list writes it: lowercase, without a full stop ("sen")."""
        return self.tokens.lower_[i].rstrip(".")

    def run_at(self, i: int) -> NameRun | None:
        position = bisect.bisect_right(self.run_starts, i) - 1
        if position >= 0 and self.runs[position].first <= i < self.runs[position].stop:
            return self.runs[position]
        return None

    def run_for_mention(self, head: Token, first: int, stop: int) -> NameRun | None:
        """The name a mention is about: the run holding its head, else one in apposition.

        "Brandt, a former engineer" and "the mayor, Lukas Brandt" name Brandt; "a spokesman
        for committee Democrats" names nobody.
        """
        run = self.run_at(head.i)
        if run is not None:
            return run
        token_at = self.token_at
        position = bisect.bisect_left(self.run_starts, first)
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

    @functools.cached_property
    def full_names_ending_in(self) -> dict[str, list[NameRun]]:
        """The names of more than one word, by their last word, in document order."""
        return {
            word: [run for run in runs if " " in run.name]
            for word, runs in self.runs_ending_in.items()
        }

    @functools.cached_property
    def runs_ending_in(self) -> dict[str, list[NameRun]]:
        """The name runs by their last word, in document order."""
        found: dict[str, list[NameRun]] = {}
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

    def runs_before(self, i: int) -> list[NameRun]:
        """The name runs of the few sentences before token *i* (at most 20 runs back)."""
        position = bisect.bisect_left(self.run_starts, i)
        return self.runs[max(0, position - 20) : position]
