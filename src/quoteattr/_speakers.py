"""Speaker resolution: from the mention under a quote to the name of who said it.

Deliberately light: no coreference model. Names are runs of proper nouns (or capitalised words
inside a sentence, since small taggers miss proper nouns), minus the titles before them
("U.S. Secretary of State Antony Blinken" → "Antony Blinken"). A surname resolves to the most
recent full name seen earlier that ends with it ("Blinken" → "Antony Blinken"). "he"/"she"
resolve to the most recent person named earlier, preferring one who was speaking or the subject
of a sentence. Entity labels come from the pipeline's NER when it has one, voted over every
mention of the same name, because a small model labels the same name differently in different
sentences.
"""

from __future__ import annotations

import bisect
import collections
import functools
from importlib import resources
from typing import TYPE_CHECKING

import attrs

from quoteattr._relations import Rel
from quoteattr._types import Speaker

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

    from quoteattr._attribution import Attribution
    from quoteattr._layout import DocLayout
    from quoteattr._relations import Relations

__all__ = ["SpeakerResolver"]

_PERSONAL_PRONOUNS = frozenset({"he", "she", "him", "her"})
# Title-like words that say nothing about being a person ("U.S.", party names).
_NON_PERSON_DESCRIPTORS = frozenset(
    {"u.s", "us", "uk", "u.k", "un", "u.n", "eu", "gop", "state", "former", "then", "acting"}
    | {"democrat", "democratic", "republican", "independent", "majority", "minority", "elect"}
)
# Lowercase particles inside names: "Osama bin Laden", "Ursula von der Leyen".
_NAME_PARTICLES = frozenset({"bin", "al", "van", "von", "der", "de", "da", "di", "du", "la", "le"})
_JOINERS = frozenset({"-", "'", "’"})
_ORGANISATION_LABELS = frozenset({"ORG", "GPE", "LOC", "FAC", "NORP"})
# Tags a small tagger gives to capitalised name words.
_NAME_TAGS = frozenset({"PROPN", "NOUN", "ADJ", "X"})


@functools.cache
def _titles() -> frozenset[str]:
    text = resources.files("quoteattr").joinpath("data", "titles.txt").read_text(encoding="utf-8")
    return frozenset(
        line.strip() for line in text.splitlines() if line.strip() and not line.startswith("#")
    )


def _title_key(token: Token) -> str:
    return token.lower_.rstrip(".")


@attrs.frozen
class _NameRun:
    """A run of name tokens, with the name proper after its titles."""

    first: int
    stop: int
    name_first: int
    name: str
    last_word: str
    person_evidence: bool
    #: A person's title stands before the name ("Sen.", "Secretary of State").
    person_title: bool
    subject: bool


class SpeakerResolver:
    """Turns speaker mentions into :class:`Speaker` records, in document order."""

    def __init__(self, layout: DocLayout, relations: Relations, *, has_ner: bool) -> None:
        """Index the names of *layout*'s document once."""
        self.layout = layout
        self.doc: Doc = layout.doc
        self.relations = relations
        self.has_ner = has_ner
        self.runs = self._name_runs()
        self._run_starts = [run.first for run in self.runs]
        self._labels = self._label_votes()
        # Earlier speakers: (mention position, run) for pronoun resolution.
        self._speakers: list[tuple[int, _NameRun]] = []

    # -- public -----------------------------------------------------------------------

    def speaker(self, attribution: Attribution) -> Speaker:
        """Return the Speaker of *attribution*, with its resolved name and label."""
        first, stop = attribution.speaker_first, attribution.speaker_stop
        start_char, end_char = self.layout.tokens.char_range(first, stop)
        name, label = self._name_and_label(self.doc[attribution.speaker_head], first, stop)
        return Speaker(
            text=self.layout.text[start_char:end_char],
            start=start_char,
            end=end_char,
            name=name,
            label=label,
        )

    def _name_and_label(self, head: Token, first: int, stop: int) -> tuple[str | None, str | None]:
        members = self._coordinated(head, first, stop)
        if len(members) > 1:
            return self._coordinated_name(members), None
        run = self._run_for_mention(head, first, stop)
        if run is not None:
            full = self._full_name(run)
            self._speakers.append((head.i, full))
            return full.name, self._label_of(full)
        if head.lower_ in _PERSONAL_PRONOUNS:
            antecedent = self._antecedent(head.i)
            if antecedent is None:
                return None, None
            return antecedent.name, "PERSON" if self.has_ner else None
        return None, (head.ent_type_ or None) if self.has_ner else None

    # -- coordination -----------------------------------------------------------------

    def _coordinated(self, head: Token, first: int, stop: int) -> list[Token]:
        """The coordinated members of a mention ("Moscow and Beijing"), else just its head."""
        members = [head]
        members += [t for t in head.conjuncts if first <= t.i < stop and t is not head]
        if len(members) == 1 and self._run_at(head.i) is not None:
            # The parse missed the coordination; names joined by "and" before any
            # apposition or relative clause still make one.
            for i in range(first, stop - 1):
                if self.doc[i].text == ",":
                    break
                if self.doc[i].lower_ in {"and", "&"} and self._run_at(i) is None:
                    after = self._run_at(i + 1)
                    if after is not None:
                        members.append(self.doc[after.stop - 1])
        return sorted(members, key=lambda token: token.i)

    def _coordinated_name(self, members: list[Token]) -> str | None:
        """Name every member ("Dara Quill and Benedikt Amsel"), or None if one is no name."""
        names: list[str] = []
        for member in members:
            run = self._run_at(member.i)
            if run is None:
                return None
            names.append(self._full_name(run).name)
        if len(names) == 2:
            return f"{names[0]} and {names[1]}"
        return ", ".join(names[:-1]) + f" and {names[-1]}"

    # -- names ------------------------------------------------------------------------

    def _name_runs(self) -> list[_NameRun]:
        doc = self.doc
        texts = self.layout.tokens.text
        runs: list[_NameRun] = []
        i = 0
        n = len(doc)
        while i < n:
            if not self._is_name_token(i):
                i += 1
                continue
            stop = i + 1
            while stop < n and (
                self._is_name_token(stop)
                or (
                    stop + 1 < n
                    and (texts[stop] in _JOINERS or texts[stop].lower() in _NAME_PARTICLES)
                    and self._is_name_token(stop + 1)
                )
            ):
                stop += 1
            run = self._make_run(i, stop)
            if run is not None:
                runs.append(run)
            i = stop
        return runs

    def _is_name_token(self, i: int) -> bool:
        tokens = self.layout.tokens
        text, pos = tokens.text[i], tokens.pos[i]
        if not text[:1].isupper() or pos not in _NAME_TAGS or not self.layout.is_outside(i):
            return False
        if not self._opens_sentence(i):
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
    def _capitalised_inside(self) -> frozenset[str]:
        """Words written capitalised somewhere other than at the start of a sentence."""
        tokens = self.layout.tokens
        return frozenset(
            tokens.text[i]
            for i in range(len(tokens.text))
            if tokens.text[i][:1].isupper()
            and tokens.pos[i] in _NAME_TAGS
            and not self._opens_sentence(i)
        )

    def _opens_sentence(self, i: int) -> bool:
        tokens = self.layout.tokens
        previous = i - 1
        while previous >= 0 and tokens.is_space[previous]:
            previous -= 1
        if previous < 0 or self.layout.sentence_of[i] != self.layout.sentence_of[previous]:
            return True
        text = tokens.text[previous]
        opening_mark = self.layout.region_of[previous] < 0 and self.doc[previous].is_quote
        return opening_mark or text in {":", "(", "—", "–"}

    def _make_run(self, first: int, stop: int) -> _NameRun | None:
        doc = self.doc
        titles = _titles()
        # The name proper follows the last title in the run: "Harbour Minister Teresa Okafor".
        name_first = first
        person_title = False
        for i in range(first, stop - 1):
            key = _title_key(doc[i])
            if key in titles:
                person_title |= key not in _NON_PERSON_DESCRIPTORS
                name_first = i + 1
        person = self._person_entity_start(first, stop)
        if person is not None and person > name_first:
            # An occupation the title list cannot know: "Hydrologist Helga Brandt".
            name_first, person_title = person, True
        if name_first == stop - 1 and doc[stop - 1].ent_type_ in _ORGANISATION_LABELS:
            # "General Motors": a one-word remainder of an organisation keeps its first word.
            name_first, person_title = first, False
        if _title_key(doc[name_first]) in titles and name_first == stop - 1:
            return None  # only titles: "the President said"
        person_title |= self._title_before(first)
        words = doc[name_first:stop]
        labels = {token.ent_type_ for token in words if token.ent_type_}
        many_words = sum(1 for token in words if token.text not in _JOINERS) >= 2
        person_evidence = (
            "PERSON" in labels or person_title or (many_words and not labels & _ORGANISATION_LABELS)
        )
        subject = any(
            self.relations.rel(token) in {Rel.SUBJECT, Rel.PASSIVE_SUBJECT}
            for token in doc[first:stop]
        )
        return _NameRun(
            first=first,
            stop=stop,
            name_first=name_first,
            name=words.text,
            last_word=doc[stop - 1].text,
            person_evidence=person_evidence,
            person_title=person_title,
            subject=subject,
        )

    def _person_entity_start(self, first: int, stop: int) -> int | None:
        """Where a PERSON entity that ends the run begins, if it starts inside the run."""
        last = self.doc[stop - 1]
        if last.ent_type_ != "PERSON":
            return None
        start = stop - 1
        while start > first and self.doc[start].ent_iob_ == "I":
            start -= 1
        return start

    def _title_before(self, first: int) -> bool:
        """Whether a person's title ends right before token *first*.

        Titles outside the run are lowercase ("former president Obama") or joined by "of"
        ("Secretary of State Antony Blinken"), so walk back over both.
        """
        titles = _titles()
        i = first - 1
        while i >= 0 and first - i <= 6:
            key = _title_key(self.doc[i])
            if key not in titles and key != "of":
                return False
            if key in titles and key not in _NON_PERSON_DESCRIPTORS:
                return True
            i -= 1
        return False

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
        doc = self.doc
        position = bisect.bisect_left(self._run_starts, first)
        while position < len(self.runs) and self.runs[position].first < stop:
            candidate = self.runs[position]
            if candidate.stop <= stop:
                leading = candidate.first == first and doc[candidate.stop].text == ","
                # "the mayor, Lukas Brandt" / "councillor Ruth Elland": the name closing
                # the mention after an apposition comma or a title noun.
                before = doc[candidate.first - 1]
                trailing = candidate.stop == stop and (before.text == "," or before.pos_ == "NOUN")
                if candidate.person_evidence or leading or trailing:
                    return candidate
            position += 1
        return None

    def _full_name(self, run: _NameRun) -> _NameRun:
        """Return the earlier run with the full form of a one-word name, else *run* itself."""
        if " " in run.name:
            return run
        position = bisect.bisect_left(self._run_starts, run.first) - 1
        while position >= 0:
            earlier = self.runs[position]
            if earlier.last_word == run.last_word and " " in earlier.name:
                return earlier
            position -= 1
        return run

    def _antecedent(self, pronoun: int) -> _NameRun | None:
        """The person a "he"/"she" most likely means: a recent speaker or subject."""
        candidates: list[tuple[int, _NameRun]] = [
            (run.first, run)
            for run in self.runs
            if run.first < pronoun and run.person_evidence and run.subject
        ]
        candidates += [(position, run) for position, run in self._speakers if position < pronoun]
        if not candidates:
            candidates = [
                (r.first, r) for r in self.runs if r.first < pronoun and r.person_evidence
            ]
        if not candidates:
            return None
        _position, run = max(candidates, key=lambda item: item[0])
        return self._full_name(run)

    # -- labels -----------------------------------------------------------------------

    def _label_votes(self) -> dict[str, collections.Counter[str]]:
        """One vote per mention: the entity label on the last word of each name."""
        votes: dict[str, collections.Counter[str]] = collections.defaultdict(collections.Counter)
        if not self.has_ner:
            return votes
        for run in self.runs:
            label = self.doc[run.stop - 1].ent_type_
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
