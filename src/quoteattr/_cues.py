"""The reporting-cue lexicon: which words introduce what someone said.

The lemmas live in ``data/cues.tsv`` (with a category each) so they can be reviewed and
extended without touching code. A token is recognised by its lemma, or by its word form when
the lemmatizer got it wrong (small pipelines often tag "says" as a noun); the forms are derived
from the lemmas with English inflection rules plus ``data/irregular_forms.tsv``.
"""

from __future__ import annotations

import enum
import functools
import unicodedata

import attrs

from quoteattr._data import read_data, table_rows

__all__ = ["CueCategory", "CueLexicon", "default_lexicon"]

_VOWELS = frozenset("aeiou")
_SIBILANT_ENDINGS = ("s", "sh", "ch", "x", "z", "o")
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


def _rows(name: str) -> list[list[str]]:
    _header, rows = table_rows(read_data(name))
    return rows


def _ends_vowel_consonant(lemma: str) -> bool:
    return len(lemma) >= 3 and lemma[-1] not in _VOWELS | {"w", "x", "y"} and lemma[-2] in _VOWELS


def regular_forms(lemma: str) -> set[str]:
    """Return the regular inflections of a verb *lemma* (-s, -ed, -ing).

    Final-consonant doubling depends on stress (and "qu" spells a consonant), which
    spelling does not show, so both spellings are produced ("admitted"/"admited",
    "quipped"); the wrong one is simply never seen.
    """
    if lemma.endswith("y") and lemma[-2:-1] not in _VOWELS:
        stem = lemma[:-1]
        return {stem + "ies", stem + "ied", lemma + "ing"}
    third = lemma + ("es" if lemma.endswith(_SIBILANT_ENDINGS) else "s")
    if lemma.endswith("e"):
        stem = lemma if lemma.endswith(("ee", "ye", "oe")) else lemma[:-1]
        return {third, lemma + "d", stem + "ing"}
    forms = {third, lemma + "ed", lemma + "ing"}
    if _ends_vowel_consonant(lemma):
        doubled = lemma + lemma[-1]
        forms |= {doubled + "ed", doubled + "ing"}
    return forms


@functools.cache
def default_lexicon() -> CueLexicon:
    """Return the lexicon shipped with quoteattr (loaded once)."""
    categories: dict[str, CueCategory] = {}
    adjacent_only: set[str] = set()
    for lemma, category, scope in _rows("cues.tsv"):
        categories[lemma] = CueCategory(category)
        if scope == "adjacent":
            adjacent_only.add(lemma)
    # Earlier lemmas win a shared regular form; irregular forms override them all.
    forms = {form: lemma for lemma in reversed(categories) for form in regular_forms(lemma)}
    forms.update((form, lemma) for form, lemma in _rows("irregular_forms.tsv"))
    return CueLexicon(categories=categories, forms=forms, adjacent_only=frozenset(adjacent_only))
