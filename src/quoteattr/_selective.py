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
from typing import TYPE_CHECKING

import regex

from quoteattr._cues import CueCategory, default_lexicon
from quoteattr._reported import noun_cue_words
from quoteattr._types import REPORTED_KINDS

if TYPE_CHECKING:
    from collections.abc import Iterable, Iterator, Sequence

    from quoteattr._types import QuoteKind, QuoteMarkSpan

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
# The word before a full stop that does not end a sentence: "Mr.", "U.S.", "Jan.", "J.".
_ABBREVIATION = regex.compile(
    r"(?:\b\p{Lu}\.)+$|\b(?:Mr|Mrs|Ms|Dr|Sen|Rep|Gov|Gen|Lt|Col|Sgt|Capt|Adm|Cmdr|St|Jr|Sr"
    r"|Prof|Rev|Hon|Inc|Corp|Co|Ltd|No|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec"
    r"|Ave|Ft|Mt|vs|etc)\.$"
)
# Longer than any abbreviation above ("Sept." or one initial of "U.S."): at a boundary only
# this much of the sentence is searched, so a run of abbreviations costs linear time.
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
# Words after which a verb's base or "-s" form is a noun ("the state", "her claims", "in many
# states"); "to" is left out, since "to state" is a verb.
_NOUN_MARKERS = frozenset(
    {"a", "an", "the", "this", "these", "those", "another", "no", "any", "each", "every", "some"}
    | {"all", "both", "many", "several", "few", "more", "most", "other", "such", "whose"}
    | {"my", "your", "his", "her", "its", "our", "their"}
    | {"of", "in", "on", "for", "with", "by", "from", "at", "as"}
)


def relevant_text(text: str, marks: Sequence[QuoteMarkSpan], kinds: frozenset[QuoteKind]) -> str:
    """*text* with every sentence that cannot matter blanked out (same length)."""
    sentences = sentence_spans(text)
    keep = _holding_quotes(text, sentences, marks, reported=bool(kinds & REPORTED_KINDS))
    if len(keep) == len(sentences):
        return text
    keep |= _context_of(text, sentences, keep)
    return _blanked(text, sentences, keep)


def sentence_spans(text: str) -> list[tuple[int, int]]:
    """The ``(start, end)`` of each sentence of *text*, found by punctuation and line breaks.

    The spans tile the text: the whitespace after a sentence belongs to it.
    """
    spans: list[tuple[int, int]] = []
    start = 0
    for boundary in _SENTENCE_END.finditer(text):
        end = boundary.start()
        reach = max(start, end - _ABBREVIATION_REACH)
        if boundary.group() != "\n" and _ABBREVIATION.search(text, reach, end):
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
    *,
    reported: bool,
) -> set[int]:
    """The sentences that overlap quote marks or, if *reported*, have a reporting word."""
    keep = _overlapping(sentences, [(mark.start, mark.end) for mark in marks])
    # The sentence a quote runs into on its line may name its speaker: '"…." ― Ana Diaz'.
    keep |= {
        after for index in keep if (after := _next_on_line(text, sentences, index)) is not None
    }
    if reported:
        words = _reporting_words()
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


def _reads_before(sentence: str) -> bool:
    """Whether a kept sentence may need the one before: it has no cue word of its own.

    'Lee went on:' then a quoted paragraph; a sentence with its own cue is attributed
    within itself.
    """
    cues = _all_cue_words()
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


def _has_reporting_word(sentence: str, words: frozenset[str]) -> bool:
    """Whether *sentence* has a word that can open reported speech (see the module docstring)."""
    first = len(sentence) - len(sentence.lstrip())
    found = list(_WORD.finditer(sentence))
    for index, match in enumerate(found):
        word = match.group()
        # A capital inside a sentence makes a name ("United States"), not a verb.
        if word[0].isupper() and match.start() > first:
            continue
        lowered = word.lower()
        if lowered not in words:
            continue
        if lowered == "according" or _that_follows(found, index):
            return True
        before = found[index - 1].group().lower() if index else ""
        if not _reads_as_noun(lowered, before):
            return True
    return False


def _that_follows(words: Sequence[regex.Match[str]], index: int) -> bool:
    """Whether "that" is one of the two words after *index*: "claims that", "said Monday that"."""
    return any(match.group().lower() == "that" for match in words[index + 1 : index + 3])


def _reads_as_noun(word: str, before: str) -> bool:
    """Whether reporting *word* (lowercase) is a noun here, judged by itself and the word before.

    A noun cue that is no verb's form always is; a verb's base or "-s" form is after a
    determiner, a possessive, a quantifier or a preposition ("the state", "in their attacks").
    """
    lemma = default_lexicon().lemma_of(word, word)
    if lemma is None:  # a reporting word that is no verb's form: a noun cue
        return True
    return before in _NOUN_MARKERS and word in {lemma, lemma + "s", lemma + "es"}


def _context_of(text: str, sentences: Sequence[tuple[int, int]], keep: set[int]) -> set[int]:
    """The sentences speaker resolution reads for the kept ones: see the module docstring."""
    context: set[int] = set()
    for index in keep:
        if _reads_before(text[slice(*sentences[index])]):
            before = _previous_words(text, sentences, index)
            if before is not None:
                context.add(before)
    first_seen = _first_sentence_of_names(text, sentences)
    for index in keep:
        start, end = sentences[index]
        for match in _capitalised(text, start, end):
            first = first_seen.get(match.group(), index)
            if first < index:
                context.add(first)
    return context - keep


def _first_sentence_of_names(text: str, sentences: Sequence[tuple[int, int]]) -> dict[str, int]:
    """Where each name first appears: a capitalised word the text never writes in lowercase.

    The lowercase test (and spaCy's stop words) drops the words a sentence merely opens
    with ("The", "But").
    """
    lowercase = {match.group() for match in _WORD.finditer(text) if match.group().islower()}
    lowercase |= _stop_words()
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


@functools.cache
def _all_cue_words() -> frozenset[str]:
    """Every form of every cue verb, thought included."""
    lexicon = default_lexicon()
    return frozenset(lexicon.forms) | frozenset(lexicon.categories)


@functools.cache
def _reporting_words() -> frozenset[str]:
    """Every word form that can open reported speech: cue verbs, noun cues, "according"."""
    lexicon = default_lexicon()
    reporting = {
        lemma
        for lemma, category in lexicon.categories.items()
        if category in _REPORTING_CATEGORIES and lexicon.governs_at_distance(lemma)
    }
    forms = {form for form, lemma in lexicon.forms.items() if lemma in reporting}
    return frozenset(forms | reporting | noun_cue_words() | {"according"})


@functools.cache
def _stop_words() -> frozenset[str]:
    from spacy.lang.en.stop_words import STOP_WORDS  # noqa: PLC0415 - spaCy loads on first use

    return frozenset(STOP_WORDS)
