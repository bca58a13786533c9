"""Selective parsing: hand the parser only the sentences that can matter.

The parse is nearly all of quoteattr's cost, and most sentences of an article hold no quote.
In ``parse="relevant"`` mode the text is cut into sentences with a regular expression, and a
sentence is kept when it can hold a quote of the kinds asked for:

* it overlaps a pair of quote marks (all of a quote's sentences are kept, so no quote is cut),
  or a quote runs into it on the same line ('"…." ― Ana Diaz');
* it has a reporting word (a cue verb's form, a noun cue, "according"), when reported speech
  is asked for. Two readings that cannot report are passed over, as the parse would: a noun
  cue with no "that" after it (a noun reports only its that-clause: "her claim that …"), and
  a verb's form that reads as a noun after a determiner, a possessive or a preposition ("the
  state", "in their attacks"), unless "that" follows;

and, for speaker resolution, the context it reads:

* the sentence before a kept one that has no cue word of its own ("Ms. Ruiz went on:"
  before a quoted paragraph);
* where each capitalised word of a kept sentence first appears, because a surname resolves
  to the full name that introduced it ("Blinken" → "Antony Blinken").

Every other character becomes a space, except line breaks, so the text keeps its length and
its paragraphs: offsets into the parsed text are offsets into the caller's text, and a run
of spaces costs the parser one token.
"""

from __future__ import annotations

import enum
import functools
from typing import TYPE_CHECKING, ClassVar

import attrs
import regex

from quoteattr._cues import CueCategory
from quoteattr._types import REPORTED_KINDS

if TYPE_CHECKING:
    from collections.abc import Iterable, Iterator, Sequence

    from quoteattr._types import QuoteKind, QuoteMarkSpan
    from quoteattr.lang import LanguageProfile

__all__ = ["ParseMode", "blank", "check_parse_mode", "relevant_text", "sentence_spans"]


class ParseMode(str, enum.Enum):
    """How much of a text :class:`~quoteattr.QuoteExtractor` parses."""

    #: The whole text: the most accurate, and the default.
    FULL = "full"
    #: Only the sentences that can hold a quote, and the context speaker resolution reads.
    RELEVANT = "relevant"


def check_parse_mode(mode: object) -> ParseMode:
    """*mode* (a :class:`ParseMode` or its name) as a ParseMode, else a clear error."""
    if isinstance(mode, ParseMode):
        return mode
    if not isinstance(mode, str):
        msg = f"parse must be 'full' or 'relevant', not {type(mode).__name__}"
        raise TypeError(msg)
    try:
        return ParseMode(mode.strip().lower())
    except ValueError:
        msg = f"parse must be 'full' or 'relevant', not {mode!r}"
        raise ValueError(msg) from None


# A sentence ends at a line break, or after . ! ? … (and any closing marks) before a space
# and a capital ("… here." he said" goes on).
_SENTENCE_END = regex.compile(
    r"\n|(?<=[.!?…][\"'”’»)\]]*)[ \t\u00a0]+(?=[\"'“‘«(\[]*[\p{Lu}\p{N}])"
)
# Initials before a full stop that does not end a sentence: "U.S.", "J."; a language's
# abbreviations ("Mr.") are added to it (see _abbreviation).
_INITIALS = r"(?:\b\p{Lu}\.)+$"
# Longer than one initial of "U.S." and its full stop: at a boundary only this much of the
# sentence (or the longest abbreviation and its full stop, if longer) is searched, so a run
# of abbreviations costs linear time.
_ABBREVIATION_REACH = 8
_WORD = regex.compile(r"\p{L}+(?:['’]\p{L}+)*")
_CAPITALISED = regex.compile(r"\b\p{Lu}[\p{L}'’-]*\p{Ll}\b")
# A capitalised word's whole run of letters, apostrophes and hyphens, taken at once: matching
# _CAPITALISED once per run, not once per letter after each hyphen, keeps names linear.
_CAPITALISED_RUN = regex.compile(r"\b\p{Lu}[\p{L}'’-]*+")
# Categories whose verbs report speech without marks (thought does not).
_REPORTING_CATEGORIES = frozenset(
    {CueCategory.SPEECH, CueCategory.STANCE, CueCategory.EVALUATION, CueCategory.MANNER}
)


def relevant_text(
    text: str,
    marks: Sequence[QuoteMarkSpan],
    kinds: frozenset[QuoteKind],
    profile: LanguageProfile,
) -> str:
    """*text* with every sentence that cannot matter blanked out (same length).

    *profile* is the text's language: its cue words, abbreviations and stop words.
    """
    sentences = sentence_spans(text, profile.abbreviations)
    words = _Words.of(profile)
    reported = bool(kinds & REPORTED_KINDS)
    keep = _holding_quotes(text, sentences, marks, words if reported else None)
    if len(keep) == len(sentences):
        return text
    keep |= _context_of(text, sentences, keep, words)
    return _blanked(text, sentences, keep)


@functools.cache
def _abbreviation(abbreviations: frozenset[str]) -> tuple[regex.Pattern[str], int]:
    """The pattern of a word before a full stop that ends no sentence, and its reach.

    Initials ("U.S.", "J.") and the language's *abbreviations* ("Mr.", "Jan.").
    """
    pattern = _INITIALS
    if abbreviations:
        words = "|".join(regex.escape(word) for word in sorted(abbreviations))
        pattern += rf"|\b(?:{words})\.$"
    reach = max([_ABBREVIATION_REACH] + [len(word) + 4 for word in abbreviations])
    return regex.compile(pattern), reach


def sentence_spans(text: str, abbreviations: frozenset[str] = frozenset()) -> list[tuple[int, int]]:
    """The ``(start, end)`` of each sentence of *text*, found by punctuation and line breaks.

    A full stop after initials ("U.S.") or one of the language's *abbreviations* ("Mr")
    ends no sentence. The spans tile the text: the whitespace after a sentence belongs to it.
    """
    abbreviation, abbreviation_reach = _abbreviation(frozenset(abbreviations))
    spans: list[tuple[int, int]] = []
    start = 0
    for boundary in _SENTENCE_END.finditer(text):
        end = boundary.start()
        reach = max(start, end - abbreviation_reach)
        if boundary.group() != "\n" and abbreviation.search(text, reach, end):
            continue
        spans.append((start, boundary.end()))
        start = boundary.end()
    if start < len(text):
        spans.append((start, len(text)))
    return spans


def _holding_quotes(
    text: str,
    sentences: Sequence[tuple[int, int]],
    marks: Sequence[QuoteMarkSpan],
    words: _Words | None,
) -> set[int]:
    """The sentences that overlap quote marks or, given the *words*, have a reporting word."""
    keep = _overlapping(sentences, [(mark.start, mark.end) for mark in marks])
    # The sentence a quote runs into on its line may name its speaker: '"…." ― Ana Diaz'.
    keep |= {
        after for index in keep if (after := _next_on_line(text, sentences, index)) is not None
    }
    if words is not None:
        for index, (start, end) in enumerate(sentences):
            if index not in keep and _has_reporting_word(text[start:end], words):
                keep.add(index)
    return keep


def _overlapping(
    sentences: Sequence[tuple[int, int]], spans: Iterable[tuple[int, int]]
) -> set[int]:
    """The indices of the sentences that share a character with any of *spans*."""
    starts = [start for start, _end in sentences]
    found: set[int] = set()
    for start, end in spans:
        index = max(_bisect_right(starts, start) - 1, 0)
        while index < len(sentences) and sentences[index][0] < end:
            found.add(index)
            index += 1
    return found


def _next_on_line(text: str, sentences: Sequence[tuple[int, int]], index: int) -> int | None:
    start, end = sentences[index]
    if index + 1 >= len(sentences) or "\n" in text[start:end]:
        return None
    return index + 1


def _reads_before(sentence: str, words: _Words) -> bool:
    """Whether a kept sentence may need the one before: it has no cue word of its own.

    'Lee went on:' then a quoted paragraph; a sentence with its own cue is attributed
    within itself.
    """
    cues = words.all_cues
    return not any(match.group().lower() in cues for match in _WORD.finditer(sentence))


def _previous_words(text: str, sentences: Sequence[tuple[int, int]], index: int) -> int | None:
    """The nearest sentence before *index* with words (blank lines are sentences too)."""
    for before in range(index - 1, -1, -1):
        start, end = sentences[before]
        if not text[start:end].isspace():
            return before
    return None


def _bisect_right(values: Sequence[int], value: int) -> int:
    low, high = 0, len(values)
    while low < high:
        middle = (low + high) // 2
        if value < values[middle]:
            high = middle
        else:
            low = middle + 1
    return low


def _has_reporting_word(sentence: str, words: _Words) -> bool:
    """Whether *sentence* has a word that can open reported speech (see the module docstring)."""
    first = len(sentence) - len(sentence.lstrip())
    found = list(_WORD.finditer(sentence))
    for index, match in enumerate(found):
        word = match.group()
        # A capital inside a sentence makes a name ("United States"), not a verb.
        if word[0].isupper() and match.start() > first:
            continue
        lowered = word.lower()
        if lowered not in words.reporting:
            continue
        if lowered in words.according_to or _that_follows(found, index, words):
            return True
        before = found[index - 1].group().lower() if index else ""
        if not _reads_as_noun(lowered, before, words):
            return True
    return False


def _that_follows(found: Sequence[regex.Match[str]], index: int, words: _Words) -> bool:
    """Whether "that" is one of the two words after *index*: "claims that", "said Monday that"."""
    that = words.profile.declarative_complementizers
    return any(match.group().lower() in that for match in found[index + 1 : index + 3])


def _reads_as_noun(word: str, before: str, words: _Words) -> bool:
    """Whether reporting *word* (lowercase) is a noun here, judged by itself and the word before.

    A noun cue that is no verb's form always is; a verb's base or "-s" form is after a
    determiner, a possessive, a quantifier or a preposition ("the state", "in their attacks").
    """
    profile = words.profile
    lemma = profile.cues.lemma_of(word, word)
    if lemma is None:  # a reporting word that is no verb's form: a noun cue
        return True
    return before in profile.noun_markers and word in profile.noun_readings(lemma)


def _context_of(
    text: str, sentences: Sequence[tuple[int, int]], keep: set[int], words: _Words
) -> set[int]:
    """The sentences speaker resolution reads for the kept ones: see the module docstring."""
    context: set[int] = set()
    for index in keep:
        if _reads_before(text[slice(*sentences[index])], words):
            before = _previous_words(text, sentences, index)
            if before is not None:
                context.add(before)
    first_seen = _first_sentence_of_names(text, sentences, words.profile.stop_words())
    for index in keep:
        start, end = sentences[index]
        for match in _capitalised(text, start, end):
            first = first_seen.get(match.group(), index)
            if first < index:
                context.add(first)
    return context - keep


def _first_sentence_of_names(
    text: str, sentences: Sequence[tuple[int, int]], stop_words: frozenset[str]
) -> dict[str, int]:
    """Where each name first appears: a capitalised word the text never writes in lowercase.

    The lowercase test (and the language's *stop_words*) drops the words a sentence merely
    opens with ("The", "But").
    """
    lowercase = {match.group() for match in _WORD.finditer(text) if match.group().islower()}
    lowercase |= stop_words
    first_seen: dict[str, int] = {}
    for index, (start, end) in enumerate(sentences):
        for match in _capitalised(text, start, end):
            word = match.group()
            if word.lower() not in lowercase:
                first_seen.setdefault(word, index)
    return first_seen


def _capitalised(text: str, start: int, end: int) -> Iterator[regex.Match[str]]:
    """The capitalised words (``_CAPITALISED``) between *start* and *end*, in linear time.

    Within one run of letters, apostrophes and hyphens only the first capital can start a
    match: a later one could only end where the first one's match does.
    """
    for run in _CAPITALISED_RUN.finditer(text, start, end):
        word = _CAPITALISED.match(text, run.start(), end)
        if word is not None:
            yield word


def _blanked(text: str, sentences: Sequence[tuple[int, int]], keep: set[int]) -> str:
    parts: list[str] = []
    for index, (start, end) in enumerate(sentences):
        part = text[start:end]
        parts.append(part if index in keep else blank(part))
    return "".join(parts)


def blank(part: str) -> str:
    """*part* as spaces, keeping its line breaks (paragraphs stay where they were)."""
    return "".join(character if character in "\r\n" else " " for character in part)


@attrs.frozen
class _Words:
    """The word forms of a language that selective parsing looks for, combined once."""

    profile: LanguageProfile = attrs.field(repr=False)
    #: Every form of every cue verb, thought included.
    all_cues: frozenset[str]
    #: Every word form that can open reported speech: cue verbs that report speech, noun
    #: cues, "according".
    reporting: frozenset[str]
    #: The first words of the "according to" phrases.
    according_to: frozenset[str]

    # The words of each profile asked about, by the profile's id (the profile is kept with
    # them, so the id stays its own).
    _made: ClassVar[dict[int, _Words]] = {}

    @classmethod
    def of(cls, profile: LanguageProfile) -> _Words:
        """The words of *profile*, made on first use."""
        found = cls._made.get(id(profile))
        if found is None:
            found = cls._made[id(profile)] = cls._make(profile)
        return found

    @classmethod
    def _make(cls, profile: LanguageProfile) -> _Words:
        lexicon = profile.cues
        reporting = {
            lemma
            for lemma, category in lexicon.categories.items()
            if category in _REPORTING_CATEGORIES and lexicon.governs_at_distance(lemma)
        }
        forms = {form for form, lemma in lexicon.forms.items() if lemma in reporting}
        openers = profile.according_to_openers
        return cls(
            profile=profile,
            all_cues=frozenset(lexicon.forms) | frozenset(lexicon.categories),
            reporting=frozenset(forms | reporting | profile.noun_cue_forms | openers),
            according_to=openers,
        )
