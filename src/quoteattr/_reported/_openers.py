"""The words that can open a report: whether a text may report speech, before it is parsed."""

from __future__ import annotations

from typing import TYPE_CHECKING

import regex

if TYPE_CHECKING:
    from quoteattr.lang import LanguageProfile

__all__ = ["may_report", "report_openers"]

# A word, with the apostrophe of an elided one: "d’" opens "d’après".
WORD = regex.compile(r"\p{L}+['’]?")


# The words that can open a report in each profile asked about, by the profile's id (the
# profile is kept with them, so the id stays its own).
_OPENERS: dict[int, tuple[LanguageProfile, frozenset[str]]] = {}


def report_openers(profile: LanguageProfile) -> frozenset[str]:
    """Every word form that can open a report: cue verbs' forms, noun cues, "according"."""
    found = _OPENERS.get(id(profile))
    if found is None:
        lexicon = profile.cues
        forms = set(lexicon.forms) | set(lexicon.categories)
        words = frozenset(forms | profile.noun_cue_forms | profile.according_to_openers)
        found = _OPENERS[id(profile)] = (profile, words)
    return found[1]


def may_report(text: str, profile: LanguageProfile | None = None) -> bool:
    """Whether *text* has a word that can open reported speech (checked before parsing).

    *profile* is the text's language; ``None`` takes the default pipeline's, English.
    """
    if profile is None:
        from quoteattr.lang.en import profile as english  # noqa: PLC0415 - on use

        profile = english()
    words = report_openers(profile)
    return any(word in words or word.rstrip("'’") in words for word in WORD.findall(text.lower()))
