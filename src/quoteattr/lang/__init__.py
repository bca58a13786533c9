"""Language profiles: what each language knows, for rules that know no language.

A pipeline's language (``nlp.lang``, or a Doc's ``doc.lang_``) chooses the profile, unless
the caller names one (``language="en"``). Adding a language is adding a folder beside
``en/`` (its data files and a module with a ``profile()`` function) and one line in
:data:`_MODULES`.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING

from quoteattr.errors import UnsupportedLanguageError
from quoteattr.lang._profile import Gender, LanguageProfile, Number, Pronoun, PronounKind

if TYPE_CHECKING:
    from collections.abc import Callable

__all__ = [
    "Gender",
    "LanguageProfile",
    "Number",
    "Pronoun",
    "PronounKind",
    "available_languages",
    "profile_for",
    "resolve_language",
]

# The module of each language's profile, by the code spaCy gives the language.
_MODULES = {
    "en": "quoteattr.lang.en",
    "fr": "quoteattr.lang.fr",
}


def available_languages() -> tuple[str, ...]:
    """The codes of the languages with a profile, sorted."""
    return tuple(sorted(_MODULES))


def profile_for(code: str) -> LanguageProfile:
    """The profile of the language *code* (as ``nlp.lang`` gives it: "en").

    Raises:
        UnsupportedLanguageError: no profile for *code*; the message names the languages
            there are.
    """
    module = _MODULES.get(code.strip().lower())
    if module is None:
        there = ", ".join(available_languages())
        msg = (
            f"quoteattr has no profile for the language {code!r}; the languages there are: "
            f"{there}. Use a pipeline of one of them, or pass language= to choose a profile."
        )
        raise UnsupportedLanguageError(msg)
    build: Callable[[], LanguageProfile] = importlib.import_module(module).profile
    return build()


def resolve_language(language: object, code: str) -> LanguageProfile:
    """The profile *language* names, or, when it is ``None``, that of the language *code*.

    Raises:
        UnsupportedLanguageError: no profile for the language.
        TypeError: *language* is neither a code, a profile nor ``None``.
    """
    if language is None:
        return profile_for(code)
    if isinstance(language, LanguageProfile):
        return language
    if not isinstance(language, str):  # the run-time guard for untyped callers
        kind = type(language).__name__
        msg = f"language must be a code such as 'en', a profile or None, not {kind}"
        raise TypeError(msg)
    return profile_for(language)
