"""How a language marks quotations beyond its pairs of marks: dialogue dashes and incises.

The pairing of quotation marks (``quoteattr._marks``) is the same for every language; what a
language adds is data, held in a :class:`QuoteConventions` that its language profile carries:
which dashes open a speaker's line of dialogue, whether such a line carries on a quotation
left open, whether a closing mark may reopen a quotation continued over paragraphs, and the
verb forms of the narrator's incises (``— Oui, dit la petite, il joue.``). The default,
``QuoteConventions()``, adds nothing: the marks are read as in English news text.

:func:`quote_conventions` builds one from the parsed rows of a profile's data files
(``quotes.tsv`` and ``incises.tsv``, e.g. ``quoteattr/lang/fr/``); nothing here knows a word
of any language.
"""

from __future__ import annotations

import functools
from typing import TYPE_CHECKING, Final

import attrs
import regex

if TYPE_CHECKING:
    from collections.abc import Iterable, Mapping, Sequence

__all__ = ["IncisePattern", "QuoteConventions", "incise_pattern", "quote_conventions"]

#: The apostrophes an elided clitic may be written with (``s'écria``, ``s’écria``).
_APOSTROPHES: Final = "'\N{RIGHT SINGLE QUOTATION MARK}"


def _sorted_strings(values: Iterable[str]) -> tuple[str, ...]:
    """Longest first, so that a pattern built from them tries ``--`` before ``-``."""
    return tuple(sorted(set(values), key=lambda value: (-len(value), value)))


def _lowered(values: Iterable[str]) -> frozenset[str]:
    return frozenset(value.lower() for value in values)


def _no_empty(
    _instance: object, attribute: attrs.Attribute[tuple[str, ...]], value: tuple[str, ...]
) -> None:
    if any(not item for item in value):
        msg = f"{attribute.name} must not hold an empty string"
        raise ValueError(msg)


def _pairs(
    _instance: object, attribute: attrs.Attribute[tuple[str, ...]], value: tuple[str, ...]
) -> None:
    if any(len(item) != 2 or item[0] == item[1] for item in value):
        msg = f"{attribute.name} must hold pairs of two different marks, such as []"
        raise ValueError(msg)


def _single_characters(
    _instance: object, attribute: attrs.Attribute[tuple[str, ...]], value: tuple[str, ...]
) -> None:
    if any(len(mark) != 1 for mark in value):
        msg = f"{attribute.name} must be single characters, not {value!r}"
        raise ValueError(msg)


@attrs.frozen
class QuoteConventions:
    """What a language's text does with quotations beyond pairing marks; all off by default.

    Attributes:
        dialogue_dashes: Marks that, opening a paragraph (after optional spaces), make it a
            speaker's line of dialogue up to its end (``—``, ``–``, ``--``).
        dash_continues_quote: A paragraph opened by a dialogue dash carries on a quotation
            left open at the end of the paragraph before (``« Question ?`` ¶ ``— Réponse. »``).
        reopen_with_closer: A quotation continued over paragraphs may reopen each one with
            its closing mark as well as its opening one (``»`` for ``«``).
        opens_after_elision: An opening-only mark glued to an elided word opens a quotation
            (``d'« injuste »``), as it would after a space.
        split_at_incises: A narrator's incise inside a dialogue line or a quotation is cut
            out, leaving the speech on either side as two spans.
        incise_verbs: Verb forms that open an incise with or without an inverted pronoun
            (``dit``, ``répondit``), lowercased.
        inverted_incise_verbs: Verb forms that open one only with an inverted pronoun
            (``dis-je``, ``ajoute-t-il``): bare, they are imperatives or participles.
        incise_clitics: Words that may come between the comma and the verb (``s'``, ``lui``);
            an elided one ends with an apostrophe.
        incise_pronouns: Inverted subject pronouns after the verb, hyphens included (``-il``).
        turn_after: Punctuation after which a dialogue dash in the middle of a paragraph opens
            a speaker's turn (``Il demanda : — Vous ?``) when a capital letter or a quotation
            mark follows it; the turn runs to the next turn's dash or to the end of the
            paragraph. Empty: only a dash opening a paragraph opens a line.
        incise_continuations: Words that, right after the comma ending an incise, carry the
            incise on to its next punctuation (``dit-il, en souriant, oui``), lowercased.
        asides: Pairs of marks, each written opener then closer (``[]``), whose content inside
            speech is the narrator's or the editor's, cut out like an incise
            (``— Ta filoche [Note : ta bourse] est vide.``).
        chained_turn_after: Punctuation after which such a dash opens a turn only if the
            paragraph has at least one other: ``Il entra. — Oui. — Non.`` is a paragraph of
            dialogue, run together; ``Il entra. — Puis il sortit.`` is narration.
        straight_for_parser: Quotation marks the parser is shown as a straight double quote
            (one character for one): the language's pipelines read them worse than ``"``.
    """

    dialogue_dashes: tuple[str, ...] = attrs.field(
        default=(), converter=_sorted_strings, validator=_no_empty
    )
    dash_continues_quote: bool = False
    reopen_with_closer: bool = False
    opens_after_elision: bool = False
    split_at_incises: bool = False
    incise_verbs: frozenset[str] = attrs.field(default=frozenset(), converter=_lowered)
    inverted_incise_verbs: frozenset[str] = attrs.field(default=frozenset(), converter=_lowered)
    incise_clitics: tuple[str, ...] = attrs.field(
        default=(), converter=_sorted_strings, validator=_no_empty
    )
    incise_pronouns: tuple[str, ...] = attrs.field(
        default=(), converter=_sorted_strings, validator=_no_empty
    )
    turn_after: tuple[str, ...] = attrs.field(
        default=(), converter=_sorted_strings, validator=_no_empty
    )
    chained_turn_after: tuple[str, ...] = attrs.field(
        default=(), converter=_sorted_strings, validator=_no_empty
    )
    incise_continuations: frozenset[str] = attrs.field(default=frozenset(), converter=_lowered)
    asides: tuple[str, ...] = attrs.field(default=(), converter=_sorted_strings, validator=_pairs)
    straight_for_parser: tuple[str, ...] = attrs.field(
        default=(), converter=_sorted_strings, validator=_single_characters
    )


_YES: Final = frozenset({"yes", "true", "1"})
_NO: Final = frozenset({"no", "false", "0", ""})
_FLAGS: Final = (
    "dash_continues_quote",
    "reopen_with_closer",
    "opens_after_elision",
    "split_at_incises",
)
_LISTS: Final = (
    "dialogue_dashes",
    "incise_clitics",
    "incise_pronouns",
    "turn_after",
    "chained_turn_after",
    "asides",
    "incise_continuations",
    "straight_for_parser",
)
#: How ``incises.tsv`` says whether a form needs an inverted pronoun.
_INVERSION: Final = {"optional": False, "required": True}


def quote_conventions(
    settings: Mapping[str, str], incises: Iterable[Sequence[str]] = ()
) -> QuoteConventions:
    """Build conventions from a profile's parsed data: ``quotes.tsv`` and ``incises.tsv``.

    *settings* maps each setting of ``quotes.tsv`` to its value (``yes``/``no`` for a flag, a
    space-separated list otherwise); *incises* holds the rows ``(form, inversion)`` of
    ``incises.tsv``, inversion being ``optional`` or ``required``.

    Raises:
        ValueError: A setting or an inversion that is not known, or a flag that is neither
            yes nor no: a typo in a data file should not silently switch a convention off.
    """
    unknown = set(settings) - set(_FLAGS) - set(_LISTS)
    if unknown:
        msg = f"unknown quotation conventions: {', '.join(sorted(unknown))}"
        raise ValueError(msg)
    flags: dict[str, bool] = {}
    for name in _FLAGS:
        value = settings.get(name, "no").strip().lower()
        if value not in _YES | _NO:
            msg = f"{name} must be yes or no, not {value!r}"
            raise ValueError(msg)
        flags[name] = value in _YES
    lists = {name: tuple(settings.get(name, "").split()) for name in _LISTS}
    optional: list[str] = []
    required: list[str] = []
    for row in incises:
        form, inversion = row[0], row[1] if len(row) > 1 else "optional"
        if inversion not in _INVERSION:
            msg = f"inversion of {form!r} must be optional or required, not {inversion!r}"
            raise ValueError(msg)
        (required if _INVERSION[inversion] else optional).append(form)
    return QuoteConventions(
        dialogue_dashes=lists["dialogue_dashes"],
        dash_continues_quote=flags["dash_continues_quote"],
        reopen_with_closer=flags["reopen_with_closer"],
        opens_after_elision=flags["opens_after_elision"],
        split_at_incises=flags["split_at_incises"],
        incise_verbs=optional,
        inverted_incise_verbs=required,
        incise_clitics=lists["incise_clitics"],
        incise_pronouns=lists["incise_pronouns"],
        turn_after=lists["turn_after"],
        chained_turn_after=lists["chained_turn_after"],
        asides=lists["asides"],
        incise_continuations=lists["incise_continuations"],
        straight_for_parser=lists["straight_for_parser"],
    )


@attrs.frozen
class IncisePattern:
    """The compiled patterns of one set of conventions (built once, see :func:`incise_pattern`)."""

    #: A dialogue dash opening a paragraph, after optional spaces, and the spaces after it.
    dash: regex.Pattern[str] | None
    #: The start of an incise: the speech's last punctuation, then the clitics and the verb.
    incise: regex.Pattern[str] | None
    #: A dialogue dash in the middle of a paragraph that may open a turn (group ``dash``),
    #: after a mark of ``turn_after`` (group ``alone``) or of ``chained_turn_after``.
    turn: regex.Pattern[str] | None = None
    #: A mark of ``chained_turn_after`` (group ``mark``) that ends a sentence: a space and a
    #: capital follow it.
    sentence_end: regex.Pattern[str] | None = None
    #: An aside in speech, with the spaces before it: ``[Note : …]``.
    aside: regex.Pattern[str] | None = None


_VERBOSE: Final = regex.VERSION1 | regex.VERBOSE


@functools.lru_cache(maxsize=16)
def incise_pattern(conventions: QuoteConventions) -> IncisePattern:
    """The patterns that find *conventions*' dashes and incises, compiled once per value."""
    dash = turn = sentence_end = None
    if conventions.dialogue_dashes:
        dashes = "|".join(regex.escape(mark) for mark in conventions.dialogue_dashes)
        # A dash that runs on into more dashes (a rule ``———``) opens no line.
        dash = regex.compile(rf"[^\S\n\r]*+ (?: {dashes} ) (?![\p{{Pd}}]) \s*+", _VERBOSE)
        if conventions.turn_after or conventions.chained_turn_after:
            alone = "|".join(regex.escape(mark) for mark in conventions.turn_after)
            chained = "|".join(regex.escape(mark) for mark in conventions.chained_turn_after)
            turn = regex.compile(
                rf"""
                (?: (?P<alone> {alone or "(?!)"} ) | {chained or "(?!)"} ) [^\S\n\r]*+
                (?P<dash> (?: {dashes} ) (?![\p{{Pd}}]) ) [^\S\n\r]*+
                (?= \p{{Lu}} | \p{{Quotation_Mark}} )
                """,
                _VERBOSE,
            )
            sentence_end = regex.compile(
                rf"(?P<mark> {chained or '(?!)'} ) (?= [^\S\n\r]++ \p{{Lu}} )", _VERBOSE
            )
    incise = None
    if conventions.split_at_incises and (
        conventions.incise_verbs or conventions.inverted_incise_verbs
    ):
        clitics = "|".join(
            regex.escape(word[:-1]) + f"[{_APOSTROPHES}]"
            if word[-1] in _APOSTROPHES
            else regex.escape(word) + r"\s++"
            for word in conventions.incise_clitics
        )
        pronouns = "|".join(regex.escape(word) for word in conventions.incise_pronouns)
        incise = regex.compile(
            rf"""
            (?: [,!?\N{{HORIZONTAL ELLIPSIS}}] | \.\.\. ) [^\S\n\r]++
            (?: {clitics or "(?!)"} )*+
            (?P<verb> \p{{L}}++ )
            (?P<pronoun> {pronouns or "(?!)"} )?+
            (?! [\w\p{{Pd}}] )
            """,
            _VERBOSE | regex.IGNORECASE,
        )
    aside = None
    if conventions.asides:
        aside = regex.compile(
            "|".join(
                rf"\s*+ {opener} [^{opener}{closer}\n\r]*+ {closer}"
                for opener, closer in (map(regex.escape, pair) for pair in conventions.asides)
            ),
            _VERBOSE,
        )
    return IncisePattern(
        dash=dash, incise=incise, turn=turn, sentence_end=sentence_end, aside=aside
    )
