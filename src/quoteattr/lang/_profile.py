"""What a language knows, in one record the rules read: :class:`LanguageProfile`.

The rules find quotes and speakers from the parse's universal relations and part-of-speech
tags; every word they compare against comes from a profile. A language is a folder
(``quoteattr/lang/en/``) with data files and a small module that builds its profile with
:func:`quoteattr.lang._loading.profile_from_data`.
"""

from __future__ import annotations

import enum
from typing import TYPE_CHECKING, Any

import attrs

if TYPE_CHECKING:
    from collections.abc import Callable, Iterable

    from quoteattr._conventions import QuoteConventions
    from quoteattr._cues import CueLexicon

__all__ = ["Gender", "LanguageProfile", "Number", "Pronoun", "PronounKind"]


class Gender(enum.Enum):
    """The grammatical gender a pronoun gives its referent."""

    FEMININE = "feminine"
    MASCULINE = "masculine"
    NEUTER = "neuter"


class Number(enum.Enum):
    """Grammatical number."""

    SINGULAR = "singular"
    PLURAL = "plural"


class PronounKind(enum.Enum):
    """What a pronoun form does in its phrase."""

    #: Stands for a noun phrase: "he", "him".
    PERSONAL = "personal"
    #: A determiner of its noun: "his plan".
    POSSESSIVE = "possessive"
    #: A possessive standing alone: "hers".
    INDEPENDENT = "independent"
    #: "herself".
    REFLEXIVE = "reflexive"


@attrs.frozen
class Pronoun:
    """One pronoun form and what it tells of its referent."""

    #: As written, in lowercase.
    form: str
    person: int = attrs.field(validator=attrs.validators.in_((1, 2, 3)))
    number: Number
    #: ``None`` when the form does not tell ("they").
    gender: Gender | None
    kinds: frozenset[PronounKind]


def _frozen(words: Iterable[str]) -> frozenset[str]:
    return frozenset(words)


def _pronouns(pronouns: Iterable[Pronoun]) -> tuple[Pronoun, ...]:
    return tuple(pronouns)


def _words() -> Any:  # noqa: ANN401 - an attrs field
    """A word list read from the section of the profile's name (empty unless given)."""
    return attrs.field(
        default=frozenset(), converter=_frozen, metadata={"section": "words"}, repr=False
    )


@attrs.frozen
class LanguageProfile:
    """Everything the rules know about one language: its words, as sets and tables.

    The word lists are filled from the sections of the language's ``words.txt`` of the
    same names; that file says what each is for. Lists are in lowercase unless their
    comment there says otherwise (``first_person_singular``, ``abbreviations``).
    """

    #: The language's ISO 639-1 code, as spaCy's ``nlp.lang`` gives it ("en").
    code: str
    #: The language's English name, for messages ("English").
    name: str
    #: The reporting verbs, with their categories and the word forms that map back to them.
    cues: CueLexicon = attrs.field(repr=False)
    #: The nouns that report a that-clause ("claim"), as lemmas.
    noun_cues: frozenset[str] = attrs.field(converter=_frozen, repr=False)
    #: The noun cues as written, inflected forms too ("claim", "claims").
    noun_cue_forms: frozenset[str] = attrs.field(converter=_frozen, repr=False)
    #: Personal pronouns, with person, number, gender and kinds.
    pronouns: tuple[Pronoun, ...] = attrs.field(converter=_pronouns, repr=False)
    #: Words before a name that are a title or descriptor, not the name ("sen", "mayor"):
    #: lowercase, without a final full stop.
    titles: frozenset[str] = attrs.field(converter=_frozen, repr=False)
    #: Countries and cities whose names speak for a government, as written ("Washington").
    places: frozenset[str] = attrs.field(converter=_frozen, repr=False)
    #: The forms of a verb *lemma* that read as a noun after a determiner ("state",
    #: "states"): selective parsing passes them over there.
    noun_readings: Callable[[str], frozenset[str]] = attrs.field(repr=False)
    #: The language's stop words (spaCy's), loaded on first use: selective parsing tells
    #: names from the words a sentence merely opens with.
    stop_words: Callable[[], frozenset[str]] = attrs.field(repr=False)
    #: The language's quotation conventions (which marks pair, and how), when it has its own.
    quotes: QuoteConventions | None = attrs.field(default=None, repr=False)

    #: Whether a reporting clause after a quote may put the cue's auxiliary first and its
    #: subject after the cue or as a pronoun between (``« … », a déclaré le ministre``,
    #: ``a-t-il affirmé``).
    inverts_after_auxiliary: bool = attrs.field(default=False, repr=False)
    #: Whether a title set off by commas before a name names that person later
    #: (``la ministre de la Santé, Claire Dubois, …`` then ``la ministre``).
    titles_name_apposed_person: bool = attrs.field(default=False, repr=False)
    #: The phrases that attribute like a cue, as word tuples: ``("according", "to")``.
    according_to: tuple[tuple[str, ...], ...] = attrs.field(
        default=(), converter=tuple, metadata={"section": "phrases"}, repr=False
    )
    #: The word list for a group speaker's last two names ("A and B").
    list_conjunction: str = attrs.field(default="", metadata={"section": "text"}, repr=False)
    #: How someone speaking for a person is named, with ``{noun}`` and ``{owner}``.
    speaking_for: str = attrs.field(
        default="{noun} {owner}", metadata={"section": "text"}, repr=False
    )

    # Reporting.
    quoted_lemmas: frozenset[str] = _words()
    reporter_asides: frozenset[str] = _words()
    # Titles of works.
    title_introducers: frozenset[str] = _words()
    naming_verbs: frozenset[str] = _words()
    possessive_endings: frozenset[str] = _words()
    title_small_words: frozenset[str] = _words()
    first_person_singular: frozenset[str] = _words()
    # Grammar words.
    relative_pronouns: frozenset[str] = _words()
    relative_adverbs: frozenset[str] = _words()
    expletives: frozenset[str] = _words()
    declarative_complementizers: frozenset[str] = _words()
    clause_complementizers: frozenset[str] = _words()
    infinitive_markers: frozenset[str] = _words()
    copulas: frozenset[str] = _words()
    agent_prepositions: frozenset[str] = _words()
    conjunctions_and: frozenset[str] = _words()
    conjunctions_but: frozenset[str] = _words()
    conjunctions_or: frozenset[str] = _words()
    noun_phrase_joiners: frozenset[str] = _words()
    title_joiners: frozenset[str] = _words()
    present_participle_endings: frozenset[str] = _words()
    # Noun cues.
    noun_cue_verbs: frozenset[str] = _words()
    # What was said as a cue's object.
    object_cues: frozenset[str] = _words()
    naming_cues: frozenset[str] = _words()
    naming_markers: frozenset[str] = _words()
    #: Cue lemmas and the preposition that takes what was said: ``("call", "for")``.
    preposition_cues: tuple[tuple[str, ...], ...] = attrs.field(
        default=(), converter=tuple, metadata={"section": "phrases"}, repr=False
    )
    question_cues: frozenset[str] = _words()
    question_openers: frozenset[str] = _words()
    # Precision guards of reported speech.
    negations: frozenset[str] = _words()
    negative_subjects: frozenset[str] = _words()
    negative_determiners: frozenset[str] = _words()
    modals: frozenset[str] = _words()
    aspect_governors: frozenset[str] = _words()
    comment_markers: frozenset[str] = _words()
    clause_cues: frozenset[str] = _words()
    pronoun_objects: frozenset[str] = _words()
    gerund_cues: frozenset[str] = _words()
    adverbial_markers: frozenset[str] = _words()
    concessions: frozenset[str] = _words()
    # Time.
    weekdays: frozenset[str] = _words()
    months: frozenset[str] = _words()
    today: frozenset[str] = _words()
    days_around_today: frozenset[str] = _words()
    time_nouns: frozenset[str] = _words()
    # Speakers.
    honorifics: frozenset[str] = _words()
    feminine_titles: frozenset[str] = _words()
    masculine_titles: frozenset[str] = _words()
    non_person_descriptors: frozenset[str] = _words()
    name_particles: frozenset[str] = _words()
    organisation_words: frozenset[str] = _words()
    source_nouns: frozenset[str] = _words()
    indefinite_words: frozenset[str] = _words()
    definite_articles: frozenset[str] = _words()
    indefinite_articles: frozenset[str] = _words()
    leader_nouns: frozenset[str] = _words()
    # Selective parsing.
    abbreviations: frozenset[str] = _words()
    noun_markers: frozenset[str] = _words()

    # Sets the rules combine from the lists above, made once.
    #: Proper nouns that never continue a speaker's name: days, months, "today".
    calendar_words: frozenset[str] = attrs.field(init=False, repr=False)
    #: Words of time that are never a speaker: the calendar words and the time nouns.
    time_words: frozenset[str] = attrs.field(init=False, repr=False)
    #: Relative pronouns and adverbs: "who", "which", "where".
    relative_words: frozenset[str] = attrs.field(init=False, repr=False)
    #: The first word of every "according to" phrase.
    according_to_openers: frozenset[str] = attrs.field(init=False, repr=False)
    #: Third-person singular personal pronouns of a gender: "he", "she", "him", "her".
    gendered_pronouns: frozenset[str] = attrs.field(init=False, repr=False)
    #: Every feminine form ("she", "her", "hers", "herself"), and every masculine one.
    feminine_pronouns: frozenset[str] = attrs.field(init=False, repr=False)
    masculine_pronouns: frozenset[str] = attrs.field(init=False, repr=False)
    #: Third-person plural personal pronouns: "they", "them".
    plural_pronouns: frozenset[str] = attrs.field(init=False, repr=False)
    #: Third-person singular neuter personal pronouns: "it".
    neuter_pronouns: frozenset[str] = attrs.field(init=False, repr=False)
    #: Third-person singular possessive determiners of a gender: "his", "her".
    gendered_possessives: frozenset[str] = attrs.field(init=False, repr=False)
    #: The articles written elided, glued to the next word by their apostrophe: "l’".
    elided_articles: frozenset[str] = attrs.field(init=False, repr=False)

    def __attrs_post_init__(self) -> None:
        """Combine the lists the rules read together."""
        derived = {
            "calendar_words": self.weekdays | self.months | self.today,
            "relative_words": self.relative_pronouns | self.relative_adverbs,
            "according_to_openers": frozenset(phrase[0] for phrase in self.according_to),
            "gendered_pronouns": self.pronoun_forms(
                PronounKind.PERSONAL, Number.SINGULAR, {Gender.FEMININE, Gender.MASCULINE}
            ),
            "feminine_pronouns": self.pronoun_forms(genders={Gender.FEMININE}),
            "masculine_pronouns": self.pronoun_forms(genders={Gender.MASCULINE}),
            "plural_pronouns": self.pronoun_forms(PronounKind.PERSONAL, Number.PLURAL),
            "neuter_pronouns": self.pronoun_forms(
                PronounKind.PERSONAL, Number.SINGULAR, {Gender.NEUTER}
            ),
            "gendered_possessives": self.pronoun_forms(
                PronounKind.POSSESSIVE, Number.SINGULAR, {Gender.FEMININE, Gender.MASCULINE}
            ),
        }
        derived["time_words"] = derived["calendar_words"] | self.time_nouns
        derived["elided_articles"] = frozenset(
            article
            for article in self.definite_articles | self.indefinite_articles
            if not article[-1].isalpha()
        )
        for name, value in derived.items():
            object.__setattr__(self, name, value)  # frozen: set once, here

    def pronoun_forms(
        self,
        kind: PronounKind | None = None,
        number: Number | None = None,
        genders: Iterable[Gender] | None = None,
        person: int = 3,
    ) -> frozenset[str]:
        """The forms of the pronouns of *person* with *kind*, *number* and one of *genders*.

        ``None`` leaves that property free.
        """
        wanted = None if genders is None else frozenset(genders)
        return frozenset(
            pronoun.form
            for pronoun in self.pronouns
            if pronoun.person == person
            and (kind is None or kind in pronoun.kinds)
            and (number is None or pronoun.number is number)
            and (wanted is None or pronoun.gender in wanted)
        )

    def according_to_phrase_at(self, words: list[str], start: int) -> tuple[str, ...] | None:
        """The "according to" phrase whose words *words* (lowercase) hold at *start*, if any.

        The longest wins.
        """
        found = None
        for phrase in self.according_to:
            if tuple(words[start : start + len(phrase)]) == phrase and (
                found is None or len(phrase) > len(found)
            ):
                found = phrase
        return found
