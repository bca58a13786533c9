"""The reporting-cue lexicon: which words introduce what someone said.

Each language's lemmas live in its folder (``lang/en/cues.tsv``, with a category each) so
they can be reviewed and extended without touching code. A token is recognised by its lemma,
or by its word form when the lemmatizer got it wrong (small pipelines often tag "says" as a
noun); the forms are derived from the lemmas by the language's inflection, plus its table of
irregular forms.
"""

from __future__ import annotations

import enum
import unicodedata
from typing import TYPE_CHECKING

import attrs

from quoteattr._data import table_rows

if TYPE_CHECKING:
    from collections.abc import Callable, Iterable

__all__ = ["CueCategory", "CueLexicon", "CueScope", "default_lexicon", "lexicon_from_tables"]

# How many (word, lemma) answers a lexicon remembers before it starts afresh.
_MAX_ANSWERS = 50_000


class CueCategory(enum.Enum):
    """What a cue verb reports."""

    #: Verbs of saying and writing: "say", "tell", "announce".
    SPEECH = "speech"
    #: A position taken in words: "argue", "deny", "warn", "urge".
    STANCE = "stance"
    #: A judgment of someone or something: "criticize", "praise", "blame".
    EVALUATION = "evaluation"
    #: How something was said: "whisper", "quip".
    MANNER = "manner"
    #: Thinking and believing (reported thought, not speech): "think", "hope".
    COGNITION = "cognition"


class CueScope(enum.Enum):
    """Where a cue may report a quote from."""

    #: Anywhere in the sentence, governing the quote in the tree.
    ANY = "any"
    #: Only right next to the quote: elsewhere the verb mostly means something else.
    ADJACENT = "adjacent"


@attrs.frozen
class CueLexicon:
    """Cue lemmas with their categories, and the word forms that map back to them."""

    categories: dict[str, CueCategory]
    forms: dict[str, str]
    #: Lemmas trusted as cues only right next to a quote.
    adjacent_only: frozenset[str] = frozenset()
    # The rules ask about the same few words over and over: the answers, by (word, lemma).
    _answers: dict[tuple[str, str], str | None] = attrs.field(
        factory=dict, init=False, repr=False, eq=False
    )

    def lemma_of(self, word: str, lemma: str) -> str | None:
        """Return the cue lemma for a token with this *word* form and *lemma*, if it is a cue.

        Invisible format characters in either are ignored: "said" with a zero-width space
        or a soft hyphen inside is still "said".
        """
        key = (word, lemma)
        try:
            return self._answers[key]
        except KeyError:
            if len(self._answers) >= _MAX_ANSWERS:
                self._answers.clear()  # a stream of millions of texts: bounded memory
            found = self._answers[key] = self._find_lemma(word, lemma)
            return found

    def _find_lemma(self, word: str, lemma: str) -> str | None:
        lemma = _visible(lemma.lower())
        if lemma in self.categories:
            return lemma
        return self.forms.get(_visible(word.lower()))

    def governs_at_distance(self, lemma: str) -> bool:
        """Whether *lemma* may report a quote it governs away from the quote's edges."""
        return lemma in self.categories and lemma not in self.adjacent_only

    def category(self, lemma: str) -> CueCategory | None:
        """Return the category of a cue *lemma*, or ``None`` if it is not a cue."""
        return self.categories.get(lemma)

    def __len__(self) -> int:
        return len(self.categories)


def _visible(word: str) -> str:
    """*word* without format characters (Unicode category Cf).

    Soft hyphens from a CMS's hyphenation, zero-width spaces and joiners from copy and
    paste, a stray byte order mark: invisible to the reader, so the word is the same word.
    Nearly every word is ASCII, and ASCII has no format characters, so most skip the scan.
    """
    if word.isascii():
        return word
    return "".join(char for char in word if unicodedata.category(char) != "Cf")


def lexicon_from_tables(
    cues: str, irregular_forms: str, regular_forms: Callable[[str], Iterable[str]]
) -> CueLexicon:
    """The lexicon of a language's cue table and irregular forms (the files' texts).

    *cues* is a table of lemma, category and scope (``any``, or ``adjacent`` for a cue
    trusted only right next to a quote); *irregular_forms* a table of form and lemma;
    *regular_forms* the language's inflection, giving a lemma's regular forms. Earlier
    lemmas win a shared regular form; irregular forms override them all.
    """
    categories: dict[str, CueCategory] = {}
    adjacent_only: set[str] = set()
    for lemma, category, scope in table_rows(cues)[1]:
        categories[lemma] = CueCategory(category)
        if scope == CueScope.ADJACENT.value:
            adjacent_only.add(lemma)
    forms = {form: lemma for lemma in reversed(categories) for form in regular_forms(lemma)}
    forms.update((form, lemma) for form, lemma in table_rows(irregular_forms)[1])
    return CueLexicon(categories=categories, forms=forms, adjacent_only=frozenset(adjacent_only))


def default_lexicon() -> CueLexicon:
    """The English lexicon, for the corpus scoring of :mod:`quoteattr.evaluation`.

    The rules read the lexicon of their language's profile instead.
    """
    from quoteattr.lang.en import english_lexicon  # noqa: PLC0415 - the profiles import this

    return english_lexicon()
