"""English: the profile the rules read for a pipeline whose ``nlp.lang`` is ``"en"``.

The data files beside this module hold the words: the cue verbs (``cues.tsv``) and their
irregular forms (``irregular_forms.tsv``), noun cues (``noun_cues.txt``), titles
(``titles.txt``), places (``places.txt``), pronouns (``pronouns.tsv``) and every other word
list (``words.txt``, a section each). This module adds what is not a list: English
inflection, which derives a cue verb's forms ("deny" → "denies", "denied", "denying") and a
noun cue's plural.
"""

from __future__ import annotations

import functools
from typing import TYPE_CHECKING

from quoteattr.lang._loading import profile_from_data

if TYPE_CHECKING:
    from quoteattr._cues import CueLexicon
    from quoteattr.lang._profile import LanguageProfile

__all__ = ["english_lexicon", "noun_readings", "profile", "regular_forms"]

_VOWELS = frozenset("aeiou")
_SIBILANT_ENDINGS = ("s", "sh", "ch", "x", "z", "o")


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


def noun_readings(lemma: str) -> frozenset[str]:
    """The forms of a verb *lemma* that read as a noun after a determiner: base and "-s"."""
    return frozenset({lemma, lemma + "s", lemma + "es"})


def _plurals(nouns: frozenset[str]) -> frozenset[str]:
    """The nouns and their plurals as the noun cues need them ("claim", "claims")."""
    return nouns | {noun + "s" for noun in nouns}


@functools.cache
def english_lexicon() -> CueLexicon:
    """The English cue lexicon (loaded once)."""
    return profile().cues


@functools.cache
def profile() -> LanguageProfile:
    """The English profile (built once)."""
    return profile_from_data(
        __name__,
        code="en",
        name="English",
        regular_forms=regular_forms,
        plurals=_plurals,
        noun_readings=noun_readings,
    )
