"""The subsets of the gold scored on their own (direct, indirect…), and speech cues."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

import attrs

from quoteattr._cues import CueCategory, default_lexicon
from quoteattr._types import MARKED_KINDS, REPORTED_KINDS, QuoteKind

if TYPE_CHECKING:
    from collections.abc import Callable

    from quoteattr.evaluation._gold import GoldAttribution

__all__ = [
    "ALL",
    "DIRECT",
    "INDIRECT",
    "INDIRECT_SPEECH",
    "SUBSETS",
    "Subset",
    "is_speech_cue",
    "subset_named",
]


#: Cue categories that report what was said as speech: saying, taking a position in words,
#: saying it some way. Judgments (criticize, praise) and thoughts (think, believe) are not.
SPEECH_CATEGORIES = frozenset({CueCategory.SPEECH, CueCategory.STANCE, CueCategory.MANNER})

_WORD = re.compile(r"\w+(?:['’]\w+)*")


def is_speech_cue(cue_text: str | None) -> bool:
    """Whether a gold cue's words report speech or communication.

    True when the cue begins with "according to", or when one of its words is a verb of
    quoteattr's cue lexicon (in any inflection: "said", "told", "warns") whose category is
    speech ("say", "tell"), stance ("argue", "deny", "warn") or manner ("whisper").
    Evaluation verbs, which judge rather than report ("criticized", "praised", "blamed"),
    cognition verbs ("think", "believe"), words outside the lexicon ("show", "find") and
    punctuation (":") are no speech cues; nor is a missing cue (``None``).
    """
    if cue_text is None:
        return False
    words = [word.lower() for word in _WORD.findall(cue_text)]
    if words[:2] == ["according", "to"]:
        return True
    lexicon = default_lexicon()
    for word in words:
        lemma = lexicon.lemma_of(word, word)
        if lemma is not None and lexicon.category(lemma) in SPEECH_CATEGORIES:
            return True
    return False


def _any_attribution(_gold: GoldAttribution) -> bool:
    return True


def _direct_attribution(gold: GoldAttribution) -> bool:
    return gold.direct


def _indirect_attribution(gold: GoldAttribution) -> bool:
    return not gold.direct


def _indirect_speech_attribution(gold: GoldAttribution) -> bool:
    return not gold.direct and is_speech_cue(gold.cue_text)


@attrs.frozen
class Subset:
    """A part of the gold that is scored on its own, and the quotes that answer for it.

    Gold attributions outside the subset are not gold while it is scored; a leftover
    prediction lying mostly inside one of them is neutral rather than false. Quotes of
    other kinds are no predictions for the subset: they are left out of its scores.
    """

    #: The name used in reports and on the command line.
    name: str
    #: Whether a gold attribution belongs to the subset.
    includes: Callable[[GoldAttribution], bool]
    #: The kinds of quote that are predictions for this subset.
    kinds: frozenset[QuoteKind]


#: Direct quotations (see :func:`~quoteattr.evaluation.is_direct`), answered by the quotes
#: in quotation marks (``direct`` and ``partial``): reported speech claims no quotation.
DIRECT = Subset("direct", _direct_attribution, MARKED_KINDS)
#: Indirect attributions whose cue reports speech (see :func:`is_speech_cue`): "said that…",
#: "according to…", answered by reported speech (``indirect`` and ``mixed``).
INDIRECT_SPEECH = Subset("indirect_speech", _indirect_speech_attribution, REPORTED_KINDS)
#: Every attribution that is not direct, whatever its cue (beliefs, judgments and
#: attributions without a cue too), answered by reported speech (``indirect``, ``mixed``).
INDIRECT = Subset("indirect", _indirect_attribution, REPORTED_KINDS)
#: Every attribution, direct or not, answered by every quote.
ALL = Subset("all", _any_attribution, frozenset(QuoteKind))
#: The subsets scored by default, in report order.
SUBSETS = (DIRECT, INDIRECT_SPEECH, INDIRECT, ALL)


def subset_named(name: str) -> Subset:
    """The subset of :data:`SUBSETS` called *name*.

    Raises:
        ValueError: there is no such subset; the message lists the names.
    """
    for subset in SUBSETS:
        if subset.name == name:
            return subset
    names = ", ".join(subset.name for subset in SUBSETS)
    raise ValueError(f"unknown subset {name!r}; choose from {names}")
