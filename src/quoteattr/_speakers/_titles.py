"""Titles: what the text calls a person ("U.S. Secretary of State").

Before the name, in apposition ("Antony Blinken, the secretary of state"), or given once for
every mention of the same person.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from quoteattr._relations import Rel
from quoteattr._speakers._part import SpeakerPart

if TYPE_CHECKING:
    from quoteattr._layout import DocLayout
    from quoteattr._relations import DocRelations
    from quoteattr._speakers._names import NameRuns
    from quoteattr._speakers._records import NameRun
    from quoteattr.lang import LanguageProfile


class Titles(SpeakerPart):
    """The titles a person carries: before the name, in apposition, or given once."""

    def __init__(
        self, layout: DocLayout, relations: DocRelations, profile: LanguageProfile, names: NameRuns
    ) -> None:
        """Read *layout*'s document, with the parts it asks."""
        super().__init__(layout, relations, profile)
        self.names = names
        # What depends on the document's words alone, remembered for the many questions
        # about the same names; keyed by the token positions each answer reads.
        self._titles: dict[tuple[int, int], str | None] = {}
        self._appositive_titles: dict[int, str | None] = {}
        self._known_titles: dict[NameRun, str | None] = {}

    def appositive_title(self, run: NameRun) -> str | None:
        """The title in apposition: "Antony Blinken, the secretary of state, …"."""
        if run.stop not in self._appositive_titles:
            self._appositive_titles[run.stop] = self._find_appositive_title(run)
        return self._appositive_titles[run.stop]

    def _find_appositive_title(self, run: NameRun) -> str | None:
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
            described or any(self.names.title_key(i) in self._titles_set for i in words)
        ):
            return None
        return self.layout.span_text(words[0], stop)

    def title_apposed_before(self, run: NameRun) -> str | None:
        """The title the name is in apposition to: "la ministre de la Santé, Claire Dubois".

        Only where the profile says such a title names the person (``titles_name_apposed_person``).
        """
        first = run.first
        if not self.profile.titles_name_apposed_person or first < 2:
            return None
        head = self.heads[first]
        if (
            self.tokens.orth[first - 1] != ","
            or head >= first
            or self.relations.rel(self.token_at(first)) is not Rel.APPOSITION
            or self.names.title_key(head) not in self._titles_set
        ):
            return None
        words = range(self.token_at(head).left_edge.i, first - 1)
        start = next((i for i in words if self.tokens.pos[i] != "DET"), head)
        return self.layout.span_text(start, first - 1)

    def title_of(self, run: NameRun) -> str | None:
        """The title written before the name in its run: "U.S. Secretary of State"."""
        key = (run.first, run.name_first)
        if key not in self._titles:
            self._titles[key] = self._find_title(run)
        return self._titles[key]

    def _find_title(self, run: NameRun) -> str | None:
        first = run.first
        while first > 0 and self._is_title_word(first - 1):
            first -= 1
        while first < run.name_first and (
            self.tokens.pos[first] == "DET"
            or self.tokens.lower_[first] in self.profile.elided_articles
            or self.names.title_key(first) in self.profile.honorifics
        ):
            first += 1  # "Ms." is a courtesy, not an office; "L’" (tagged a name) an article
        if first >= run.name_first:
            return None
        return self.layout.span_text(first, run.name_first)

    def _is_title_word(self, i: int) -> bool:
        key = self.names.title_key(i)
        if key in self.profile.title_joiners:
            return i > 0 and self.names.title_key(i - 1) in self._titles_set
        return key in self._titles_set

    def known_title(self, full: NameRun) -> str | None:
        """The first title any mention of the same person carries ("a title given once")."""
        if full not in self._known_titles:
            self._known_titles[full] = self._find_known_title(full)
        return self._known_titles[full]

    def _find_known_title(self, full: NameRun) -> str | None:
        for run in self.names.runs_ending_in.get(full.last_word, ()):
            if run is full or run.name in full.name:
                title = (
                    self.title_of(run)
                    or self.appositive_title(run)
                    or self.title_apposed_before(run)
                )
                if title is not None:
                    return title
        return None
