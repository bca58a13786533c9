"""A language's data files read into its :class:`~quoteattr.lang._profile.LanguageProfile`.

:func:`word_lists` reads the sectioned word list (``words.txt``), :func:`pronoun_table` the
pronouns, :func:`entries` a plain list; :func:`profile_from_data` reads a language folder
whole.
"""

from __future__ import annotations

import functools
import importlib
from typing import TYPE_CHECKING, Any

import attrs

from quoteattr._data import data_lines, read_package_data, sections, table_rows
from quoteattr.lang._profile import Gender, LanguageProfile, Number, Pronoun, PronounKind

if TYPE_CHECKING:
    from collections.abc import Callable

__all__ = ["entries", "profile_from_data", "pronoun_table", "spacy_stop_words", "word_lists"]


def word_lists(text: str) -> dict[str, Any]:
    """The profile's word-list fields from a sectioned list's *text* (``words.txt``).

    Each ``[section]`` fills the field of that name: words (split on spaces), phrases (one
    a line, as word tuples) or one line of text.

    Raises:
        ValueError: a section names no word-list field of :class:`LanguageProfile`.
    """
    kinds = {
        field.name: field.metadata["section"]
        for field in attrs.fields(LanguageProfile)
        if "section" in field.metadata
    }
    found: dict[str, Any] = {}
    for name, lines in sections(text).items():
        kind = kinds.get(name)
        if kind is None:
            msg = f"[{name}] is no word list of a language profile; they are: {sorted(kinds)}"
            raise ValueError(msg)
        if kind == "words":
            found[name] = frozenset(word for line in lines for word in line.split())
        elif kind == "phrases":
            found[name] = tuple(tuple(line.split()) for line in lines)
        else:
            found[name] = " ".join(lines)
    return found


def pronoun_table(text: str) -> tuple[Pronoun, ...]:
    """The pronouns of a table's *text* (``pronouns.tsv``: form, person, number, gender, kinds).

    Raises:
        ValueError: a row has the wrong number of cells, or a value no field takes.
    """
    _header, rows = table_rows(text)
    pronouns = []
    for row in rows:
        form, person, number, gender, kinds = row
        pronouns.append(
            Pronoun(
                form=form,
                person=int(person),
                number=Number(number),
                gender=None if gender == "-" else Gender(gender),
                kinds=frozenset(PronounKind(kind.strip()) for kind in kinds.split(",")),
            )
        )
    return tuple(pronouns)


def entries(text: str) -> frozenset[str]:
    """The entries of a plain word list's *text*, one a line (``titles.txt``)."""
    return frozenset(data_lines(text))


def profile_from_data(  # noqa: PLR0913 - what a language's module gives, by name
    package: str,
    *,
    code: str,
    name: str,
    regular_forms: Callable[[str], set[str]],
    plurals: Callable[[frozenset[str]], frozenset[str]],
    noun_readings: Callable[[str], frozenset[str]],
    **settings: Any,  # noqa: ANN401 - LanguageProfile fields of any type
) -> LanguageProfile:
    """The profile whose data files lie in the language folder *package*.

    The folder holds ``cues.tsv``, ``irregular_forms.tsv``, ``noun_cues.txt``,
    ``pronouns.tsv``, ``titles.txt``, ``places.txt`` and ``words.txt``; the language's module
    gives what is no list: the inflection of the cue verbs (*regular_forms*), the plurals of
    the noun cues (*plurals*), which verb forms read as nouns (*noun_readings*), and any
    other field of :class:`LanguageProfile` as a keyword (*settings*). The stop words are
    spaCy's own for the language *code*.
    """
    from quoteattr._cues import lexicon_from_tables  # noqa: PLC0415 - _cues imports the profiles

    def read(file: str) -> str:
        return read_package_data(package, file)

    noun_cues = entries(read("noun_cues.txt"))
    return LanguageProfile(
        code=code,
        name=name,
        cues=lexicon_from_tables(
            read("cues.tsv"), read("irregular_forms.tsv"), regular_forms=regular_forms
        ),
        noun_cues=noun_cues,
        noun_cue_forms=plurals(noun_cues),
        pronouns=pronoun_table(read("pronouns.tsv")),
        titles=entries(read("titles.txt")),
        places=entries(read("places.txt")),
        noun_readings=noun_readings,
        stop_words=functools.partial(spacy_stop_words, code),
        **settings,
        **word_lists(read("words.txt")),
    )


@functools.cache
def spacy_stop_words(code: str) -> frozenset[str]:
    """SpaCy's stop words of the language *code*, loaded on first use."""
    module = importlib.import_module(f"spacy.lang.{code}.stop_words")
    return frozenset(module.STOP_WORDS)
