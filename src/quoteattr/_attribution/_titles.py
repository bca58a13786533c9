"""Quotes that name a work or a thing: ``on ABC's "This Week,"``, ``the "Avatar" star``.

Their words are capitalised like a title, and the reporter's words around them use them as
a name; they are partial quotes without a speaker. So are subheadings set in quotation marks.
"""

from __future__ import annotations

import itertools
from typing import TYPE_CHECKING

from quoteattr._attribution._context import RuleContext, RuleFamily
from quoteattr._attribution._tags import (
    MAX_TITLE_WORDS,
    WORD,
)
from quoteattr._marks._pairings import DOUBLE_STYLES
from quoteattr._relations import Rel

if TYPE_CHECKING:
    from quoteattr._layout import QuoteRegion
    from quoteattr.lang import LanguageProfile


def _title_words(text: str) -> list[str]:
    """The words of *text*, but one more than a title may have at most.

    One word more is enough to tell a title from a longer text, which is not read whole.
    """
    return [word.group() for word in itertools.islice(WORD.finditer(text), MAX_TITLE_WORDS + 1)]


def _looks_like_title(text: str, profile: LanguageProfile) -> bool:
    """Capitalised like a title ("Meet the Press", "Fox News Sunday"), not a sentence."""
    if text.rstrip().endswith(("?", "!")):
        return False
    words = _title_words(text)
    if not words or len(words) > MAX_TITLE_WORDS:
        return False
    if any(word in profile.first_person_singular for word in words):
        return False  # "I" is capitalised in a sentence too
    return words[0][0].isupper() and all(
        word[0].isupper() or word.lower() in profile.title_small_words for word in words
    )


class Titles(RuleFamily):
    """Quotes that name a work or a thing, which are nobody's utterance."""

    def __init__(self, context: RuleContext) -> None:
        """Read *context*'s document."""
        super().__init__(context)
        self._possessive_endings = tuple(self.profile.possessive_endings)
        styles = [region.marks.style in DOUBLE_STYLES for region in self.layout.regions]
        # Whether the text quotes speech in double marks, keeping single ones for quotes
        # within quotes: a single-marked line of its own is then no one's words.
        self._speech_in_double_marks = sum(styles) > len(styles) - sum(styles)

    def is_heading(self, region: QuoteRegion) -> bool:
        """Whether the quote is a subheading: a short line of its own in the inner marks.

        Newspapers head the sections of a story with a phrase from it set in single marks
        (``'A Healthy Environment.'``) where they quote speech in double ones.
        """
        if region.marks.style in DOUBLE_STYLES or not self._speech_in_double_marks:
            return False
        if len(_title_words(region.marks.text)) > MAX_TITLE_WORDS:
            return False
        paragraph_of, tokens = self.layout.paragraph_of, self.tokens
        before = tokens.word_before(region.first)
        after = tokens.word_after(region.stop - 1)
        return (before < 0 or paragraph_of[before] != region.paragraph) and (
            after >= len(self.doc) or paragraph_of[after] != paragraph_of[region.stop - 1]
        )

    def is_title(self, region: QuoteRegion) -> bool:
        """Whether the quote names a work or a thing: ``on ABC's "This Week,"``.

        Its words are capitalised like a title, and the reporter's words around it use it as
        a name: after a possessive or a preposition, after a naming verb that modifies a noun
        (``a show called "Brokers"``), after a title noun and a comma (``her memoir, "…"``),
        or as a modifier of the noun after it (``the "Avatar" star``). A value in markup
        (``alt="…"``) is a name whatever its words.
        """
        layout = self.layout
        if region.marks.start > 0 and layout.text[region.marks.start - 1] == "=":
            return True  # a value in markup: <tweet datetime="2016-03-09">
        if not _looks_like_title(region.marks.text, self.profile):
            return False
        before = self.tokens.word_before(region.first)
        if before >= 0 and layout.is_outside(before):
            word = self.tokens.lower_[before]
            if word in self.profile.title_introducers or word.endswith(self._possessive_endings):
                return True
            if self._names_a_noun(before):
                return True  # a show called "Brokers"
            if self.tokens.orth[before] == "," and self._introduces_title(
                self.tokens.word_before(before)
            ):
                return True  # a noun set off by a comma: his 2012 book, "An American Son."
        after = region.stop
        ends_open = not region.marks.text.rstrip().endswith((",", ".", ";", ":"))
        return (
            ends_open
            and after < len(self.doc)
            and layout.is_outside(after)
            and self.tokens.pos[after] in {"NOUN", "PROPN"}
        )

    def _introduces_title(self, i: int) -> bool:
        """Whether token *i* is a noun of the language's title introducers ("book", "show")."""
        return (
            i >= 0
            and self.layout.is_outside(i)
            and self.tokens.pos[i] == "NOUN"
            and self.tokens.lower_[i] in self.profile.title_introducers
        )

    def _names_a_noun(self, i: int) -> bool:
        """Whether token *i* is a naming verb modifying a noun: a show *called* "Brokers"."""
        return (
            self.relations.rel_at(i) is Rel.CLAUSAL_MODIFIER
            and self.layout.lemma(self.token_at(i)).lower() in self.profile.naming_verbs
        )
