"""Attribution: link each quote to its reporting cue and the mention of its speaker.

The rules run in the order news style makes most reliable, and the first that matches wins:

1. the reporting clause right after the quote: ``"…," Blinken told reporters`` /
   ``"…," said Blinken`` / ``"…," according to officials``;
2. the reporting clause right before it: ``Blinken said: "…"`` / ``He added, "…"`` /
   ``According to officials, "…"`` (also when the clause ends the previous paragraph with a
   colon);
3. a cue that governs the quote in the dependency tree, anywhere in its sentence:
   ``criticizing the campaign as "over the top"``;
4. continuation: a quote with no reporting clause of its own, right after an attributed quote
   of the same or the previous paragraph, with no reporter sentence in between.

Rules 1 and 2 read the tokens' universal part-of-speech tags and the cue lexicon, which small
parsers get right far more often than the attachments around quotation marks. The dependency
tree (through :mod:`quoteattr._relations`) then supplies the speaker and the extent of its
noun phrase, with the tagged words next to the cue as the fallback.

The rule families, each a module of this package, in the order of the layout:

* ``_context``: the document, its relations and words, and the tests every rule asks
  (a verb? a cue?); ``_tags``: the tags and limits the rules share; ``_records``: what
  they find;
* ``_noun_phrases`` and ``_mentions``: the speaker's mention, from the tags and the tree;
* ``_according_to``, ``_cue_after`` (rule 1), ``_cue_before`` (rule 2), ``_embedded``
  (rule 3), ``_continuation`` (rule 4), and ``_byline`` and ``_titles`` (signed quotes,
  and quotes that name a work);
* ``_attributor``: :class:`Attributor`, which applies them in order.
"""

from __future__ import annotations

from quoteattr._attribution._attributor import Attributor
from quoteattr._attribution._records import (
    Attribution,
    Mention,
    QuoteAttribution,
    make_attribution,
)

__all__ = [
    "Attribution",
    "Attributor",
    "Mention",
    "QuoteAttribution",
    "make_attribution",
]
