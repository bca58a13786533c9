r"""Quotation marks: find them in raw text and pair them, without parsing.

``find_quote_marks(text)`` returns the top-level quotations of *text* as
:class:`~quoteattr._types.QuoteMarkSpan` records, in document order and never overlapping. A
quote inside a quote belongs to the outer one: it sits in the outer span's ``inner`` tuple.
All offsets index the caller's own string; nothing is normalised.

How the marks are read (each decision is also pinned by a test in ``tests/test_marks.py``):

Paragraphs
    A paragraph is a line: text is split at ``\n``, ``\r\n``, ``\r``, LINE SEPARATOR and
    PARAGRAPH SEPARATOR, because news texts put one paragraph on each line. A quotation never
    spans a paragraph break, except by the news convention for long quotes: when a paragraph
    ends with a quote still open and the next non-blank paragraph begins (after optional
    spaces) with an opening mark of the same kind, the quote continues there, and only the
    last paragraph closes it. That is ONE span, with ``paragraphs`` set to the number of
    paragraphs; its content runs from the first opening mark to the final closing mark and
    includes the line breaks and the reopening marks.

Marks
    ``_pairings.PAIRINGS`` lists every opening mark and the marks that close it::

        "…"  “…”  '…'  ‘…’  ''…'' (New York Times)  ``…'' (TeX, Penn Treebank)
        «…»  »…«  ‹…›  ›…‹  (outwards, or inwards as in German and Danish)
        „…“  „…”  ‚…‘  ‚…’  (German, Polish)    「…」  『…』  (CJK corner brackets)

    Other characters with the Unicode Quotation_Mark property (the reversed-9 marks, the
    fullwidth quotes) are not paired. A run of three apostrophes is a double mark plus a
    nested single one: opening, the double comes first; closing, the single does, as in
    ``''He said, 'No.''' she recalled``.

Direction
    Direction comes from the table and from the characters on either side, never from the
    Unicode category. A mark *can open* when the next character is not a space and the mark
    does not sit between a letter and punctuation; it *can close* in the mirror case
    (CommonMark's "flanking" rule). A mark that can close a quote of its kind that is open (at
    any depth) closes it, and any quote opened inside it and still open ends there. A
    straight mark does so unless it stands where a quote opens (after a space, an opening
    bracket, a dash or another mark, and before a word), so ``said."Next`` and the spaced
    ``, ' "`` of nested quotes still close; otherwise it opens a quote if it can open. A
    mark that opens one kind and closes another (``“`` closes ``„``, guillemets point either
    way) follows its context. Where only a closing mark makes sense and nothing of its own
    kind is open, a curly mark typed the wrong way round, or a straight mark after a curly
    opener (and the reverse), closes the innermost such quote, as mixed-up sources need; a
    right curly mark where only an opening mark makes sense opens one. A closing mark with
    nothing to close is ignored.

Apostrophes
    The apostrophe is the same character as the straight single quote and the right curly
    single quote, so these are never quotation marks: a mark with a letter or digit on both
    sides (don't, O'Brien, 6'2); an elision at the start of a word ('90s, '16, 'em, 'til,
    'tis, 'twas, 'cause, 'cos, 'cuz, 'bout, 'nuff, and both marks of rock 'n' roll); a
    possessive 's after punctuation (after a closing quote or a bracket). After a plural
    (voters', the Joneses') a mark followed by a space closes a single quote only when one is
    open and no other mark that could close it follows before the next opening mark;
    otherwise it is an apostrophe. A double mark right after feet and inches written with an
    apostrophe (6'2") is an inch mark.

Unclosed quotes
    An opening mark that is never closed gives a span with ``closed=False``: its content runs
    to the end of its paragraph (or to where the quote around it closes), trailing spaces
    trimmed, and ``end == content_end``. If such an unclosed quote holds a complete double
    quote (of any style; single quotes nest in doubles, doubles do not), it is cut just before
    that quote, which then stands at top level: in ``He said "yes and she said "no" to it.``
    the ``"no"`` pair is found whole, at top level. The exception is an unclosed straight,
    curly or low single mark: it is taken to have been an apostrophe (or a comma), so it gives
    no span and any quote found inside it moves up a level.

Empty quotes
    ``""`` and quotes holding only spaces pair up (so they never steal a mark from their
    neighbours) but are not returned: there is no quotation in them, and a pair of marks with
    nothing between is usually a typo, a ditto mark or an empty string in code.

Language conventions
    ``find_quote_marks(text, conventions)`` reads what a language adds (see
    ``quoteattr._conventions`` and ``_dialogue``): paragraphs opened by a dialogue dash are
    ``DIALOGUE_DASH`` spans that hold the quotes inside them; such a paragraph may carry on
    a quote left open before it; a continued quote may reopen with its closing mark (``»``);
    and the narrator's incises (``, dit-elle,``) are cut out of the speech, which leaves two
    spans. With ``conventions=None`` none of this happens.

Limits
    Quotes nest at most ``_pairer.MAX_DEPTH`` deep; an opening mark deeper than that is
    ignored (news text nests three deep at most). Eight or more marks in a row with only
    spaces between are decoration, not quotation, and are skipped; so is a whole paragraph
    with more than ``_tokens._MAX_MARKS_IN_PROSE`` marks that make up over a third of its
    characters (news paragraphs peak near an eighth). Every step is linear in the length of
    the text: the patterns are possessive and each mark is looked at a bounded number of
    times. No regex ``timeout`` is set, because a timeout would make this function raise on
    some strings, and it promises never to.

One module per step
    ``_pairings`` (which marks open and close which quotes), ``_paragraphs`` (where a
    paragraph ends), ``_tokens`` (each mark of a paragraph and its neighbours),
    ``_apostrophes`` (marks that are apostrophes or inch marks), ``_pairer`` (the stack of
    open quotes), ``_dialogue`` (dialogue dashes and incises), and this module, which runs
    them.
"""

from __future__ import annotations

from quoteattr._conventions import QuoteConventions, quote_conventions
from quoteattr._marks._dialogue import split_at_incises
from quoteattr._marks._pairer import Pairer
from quoteattr._marks._paragraphs import paragraph_spans, require_str

# Imported at run time, not for type checking only: the API reference evaluates the
# annotations of find_quote_marks to link their types.
from quoteattr._types import QuoteMarkSpan  # noqa: TC001

__all__ = ["QuoteConventions", "find_quote_marks", "paragraph_spans", "quote_conventions"]


def find_quote_marks(text: str, conventions: QuoteConventions | None = None) -> list[QuoteMarkSpan]:
    """Find the quotations in *text* and pair their marks, without parsing.

    Args:
        text: Any string. Offsets in the result index this string as given.
        conventions: What the text's language does beyond pairing marks (dialogue dashes,
            incises, ``»`` reopening a continued quote), from its language profile; see
            ``quoteattr._marks._dialogue``. ``None``, the default, reads marks as in English
            news.

    Returns:
        The top-level quotations in document order, never overlapping. Quotes inside a quote
        are in its ``inner`` tuple, recursively. See the module docstring for how marks,
        apostrophes, unclosed and multi-paragraph quotes are read.

    Raises:
        TypeError: If *text* is not a ``str``, or *conventions* neither a
            ``QuoteConventions`` nor ``None``.
    """
    text = require_str(text, "find_quote_marks")
    _require_conventions(conventions)
    spans = Pairer(text, conventions).pair()
    if conventions is None or not (conventions.split_at_incises or conventions.asides):
        return spans
    return [piece for span in spans for piece in split_at_incises(text, span, conventions)]


def _require_conventions(conventions: object) -> None:
    """Raise a TypeError naming the type, for a dict or a profile passed by mistake."""
    if conventions is not None and not isinstance(conventions, QuoteConventions):
        msg = f"conventions must be a QuoteConventions or None, got {type(conventions).__name__}"
        raise TypeError(msg)
