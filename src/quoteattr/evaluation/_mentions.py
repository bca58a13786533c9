"""Comparing a predicted speaker or cue with the gold's: overlap, words, pronoun sources."""

from __future__ import annotations

import re
import unicodedata
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from collections.abc import Iterable, Sequence

    from quoteattr._types import Cue, Speaker
    from quoteattr.evaluation._gold import GoldAttribution, Span
    from quoteattr.evaluation._matching import Gold

_LEADING_DETERMINER = re.compile(r"(?:the|an?)\s+", re.IGNORECASE)
_PRONOUN_SOURCES = frozenset({"he", "she", "him", "her", "they", "them", "it"})
# Capitalised words in a source that are no one's name.
_NOT_NAMES = frozenset(
    {"the", "a", "an", "this", "that", "we", "you", "our", "his", "their", "its", "mr", "ms"}
    | {"mrs", "dr", "sen", "rep", "gov", "gen", "president", "senator", "secretary"}
)


def pronoun_reference(text: str, golds: Sequence[Gold], source: Sequence[Span]) -> str | None:
    """The surname a pronoun source most likely stands for, by the gold alone.

    PolNeAR does not annotate coreference. The reference is the nearest gold source before
    the pronoun that is a name, by its surname (last capitalised word), which a full name
    of the same person ends with too. ``None`` when *source* is no pronoun or no named
    source precedes it. An approximation: the pronoun may mean someone no gold source
    named just before.
    """
    if joined(text, source).strip().lower() not in _PRONOUN_SOURCES:
        return None
    start = min(fragment_start for fragment_start, _ in source)
    earlier = sorted(
        (gold.attribution.source for gold in golds if gold.attribution.source is not None),
        key=lambda fragments: fragments[0][0],
    )
    named = [
        surname
        for fragments in earlier
        if fragments[0][0] < start and (surname := _surname(joined(text, fragments)))
    ]
    return named[-1] if named else None


def _surname(mention: str) -> str | None:
    """The name's last word in a mention ("Mr. Trump's aide" → "trump"), if it has a name.

    Only the words before an apposition count ("Clinton, a Democrat" → "clinton"), and only
    capitalised ones that are not a pronoun, a determiner or a title abbreviation.
    """
    head = mention.split(",", 1)[0]
    words = [
        word.removesuffix("'s").removesuffix("’s").strip(".,;:()")
        for word in head.split()
        if word[:1].isupper()
    ]
    words = [
        word
        for word in words
        if len(word) > 1 and word.lower() not in _PRONOUN_SOURCES | _NOT_NAMES
    ]
    return words[-1].lower() if words else None


def names_person(name: str | None, surname: str) -> bool:
    """Whether a resolved *name* ends with *surname*."""
    return name is not None and _surname(name) == surname


def range_of(mention: Speaker | Cue) -> Span:
    """The character range of a predicted speaker or cue."""
    return (mention.start, mention.end)


def roles_swapped(speaker: Speaker | None, cue: Cue | None, attribution: GoldAttribution) -> bool:
    """Whether the gold labels its source and cue the other way round from the prediction.

    Annotators sometimes mark the reporting verb as the source and the speaker as the cue
    (``"…," Hassan said``: source "said", cue "Hassan"). A prediction whose speaker lies in
    the gold cue and whose cue lies in the gold source, the speaker touching no source, found
    the same two words: the gold's roles are read swapped for it. The crossing alone cannot
    tell which side swapped; a prediction's roles are taken as its types say (a ``Cue`` is
    the reporting word), so the gold is the one read the other way round.
    """
    source, gold_cue = attribution.source, attribution.cue
    if speaker is None or cue is None or source is None or gold_cue is None:
        return False
    speaker_range, cue_range = range_of(speaker), range_of(cue)
    return (
        overlaps(speaker_range, gold_cue)
        and overlaps(cue_range, source)
        and not overlaps(speaker_range, source)
    )


def overlaps(span: Span, fragments: Iterable[Span]) -> bool:
    """Whether *span* shares at least one character with one of *fragments*."""
    start, end = span
    return any(start < other_end and other_start < end for other_start, other_end in fragments)


def normalize_mention(text: str) -> str:
    """*text* as the strict speaker comparison sees it.

    Whitespace runs become one space; leading and trailing whitespace and punctuation and
    a leading determiner (*the*, *a*, *an*) are trimmed; case is folded. "The mayor," and
    "the  Mayor" are both ``"mayor"``.
    """
    words = _trim(" ".join(text.split()))
    if determiner := _LEADING_DETERMINER.match(words):
        words = _trim(words[determiner.end() :])
    return words.casefold()


def _trim(text: str) -> str:
    """*text* without leading and trailing whitespace and punctuation."""
    start, end = 0, len(text)
    while start < end and _is_trimmed(text[start]):
        start += 1
    while end > start and _is_trimmed(text[end - 1]):
        end -= 1
    return text[start:end]


def _is_trimmed(character: str) -> bool:
    return character.isspace() or unicodedata.category(character).startswith("P")


def joined(text: str, spans: Iterable[Span]) -> str:
    """The fragments' words joined by one space, as brat stores them."""
    return " ".join(text[start:end] for start, end in spans)
