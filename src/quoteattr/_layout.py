"""Where each quote sits among the tokens of a parsed document.

The rules reason about the *reporter's* sentences: the text around the quotes. The parser's own
sentence boundaries are unreliable around quotation marks (a closing mark often starts a new
"sentence"), so this module draws its own: a reporter sentence ends at a sentence-final
punctuation token outside every quote, after a quote whose content ends with a full stop, and
at every paragraph break. A quote therefore always lies inside one reporter sentence.
"""

from __future__ import annotations

import bisect
import itertools
import operator
from typing import TYPE_CHECKING

import attrs

from quoteattr._marks._pairings import CLOSING_CHARACTERS
from quoteattr._tokens import TokenTable

if TYPE_CHECKING:
    from collections.abc import Callable, Sequence

    from spacy.tokens import Doc, Token

    from quoteattr._relations import DocRelations, LabelScheme
    from quoteattr._types import QuoteMarkSpan

__all__ = ["DocLayout", "QuoteRegion"]

SENTENCE_FINAL = frozenset({".", "!", "?", "…", "...", "?!", "!?"})


@attrs.frozen
class QuoteRegion:
    """A quote's marks and the token range they cover."""

    marks: QuoteMarkSpan
    #: First token of the quote, opening mark included.
    first: int
    #: One past the last token of the quote, closing mark included.
    stop: int
    #: First and one-past-last token of the content, marks excluded.
    content_first: int
    content_stop: int
    #: The reporter sentence and paragraph the quote starts in.
    sentence: int
    paragraph: int

    @property
    def ending(self) -> str:
        """The quote's text as it ends: no trailing space, nor the marks of a quote inside it.

        ``"… the products you called 'miracles,'"`` ends with a comma, inside the nested
        quote: the punctuation that tells how the quote ends stands before those marks.
        """
        return self.marks.text.rstrip().rstrip("".join(CLOSING_CHARACTERS)).rstrip()


class DocLayout:
    """Per-token lookup tables for one parsed document and its quotes."""

    def __init__(
        self,
        doc: Doc,
        marks: Sequence[QuoteMarkSpan],
        text: str,
        lemmatize: Callable[[Token], list[str]] | None = None,
        abbreviations: frozenset[str] = frozenset(),
    ) -> None:
        """Map every token of *doc* to its quote (if any), reporter sentence and paragraph.

        *text* is the caller's string (``doc.text``, or one of the same length) from which
        every result text is sliced. *lemmatize* is the pipeline lemmatizer's ``lemmatize``
        when the parse left it out: it gives the lemma of a token that has none.
        *abbreviations* are the language's (``Capt``, ``Gen``): a full stop split from one
        ends no sentence.
        """
        self.doc = doc
        self.text = text
        self._lemmatize = lemmatize
        self._abbreviations = abbreviations
        self._lemmas: dict[int, str] = {}
        self.tokens = TokenTable(doc, text)
        self._made: list[Token | None] = [None] * len(doc)
        self._by_sentence: dict[int, list[int]] = {}
        #: The relation queries bound to this document, by label scheme (see
        #: :meth:`quoteattr._relations.Relations.over`): made once, shared by the rules.
        self.relations: dict[LabelScheme, DocRelations] = {}
        self.region_of: list[int] = [-1] * len(doc)
        spans = self._token_spans(marks)
        # Whether each token is a reporter's word: outside every quote, and no whitespace.
        self._reporter_word = list(map(operator.lt, self.region_of, itertools.repeat(0)))
        for i in self.tokens.space_positions:
            self._reporter_word[i] = False
        self.paragraph_of = self._paragraphs()
        self.sentence_of = self._sentences(spans, marks)
        self.regions: tuple[QuoteRegion, ...] = tuple(
            QuoteRegion(
                marks=mark,
                first=first,
                stop=stop,
                content_first=content_first,
                content_stop=content_stop,
                sentence=self.sentence_of[min(first, len(doc) - 1)] if len(doc) else 0,
                paragraph=self.paragraph_of[min(first, len(doc) - 1)] if len(doc) else 0,
            )
            for mark, (first, stop, content_first, content_stop) in zip(marks, spans, strict=True)
        )

    def _token_spans(self, marks: Sequence[QuoteMarkSpan]) -> list[tuple[int, int, int, int]]:
        """Return, per quote, its token range and content token range; fill ``region_of``.

        A token belongs to the quote its first character falls in. A quote with no token of
        its own (its marks glued inside a longer token) covers an empty range.
        """
        spans: list[tuple[int, int, int, int]] = []
        idx = self.tokens.idx
        for index, mark in enumerate(marks):
            # The first token starting at or after each boundary.
            first, content_first, content_stop, stop = (
                bisect.bisect_left(idx, offset)
                for offset in (mark.start, mark.content_start, mark.content_end, mark.end)
            )
            self.region_of[first:stop] = [index] * (stop - first)
            spans.append((first, stop, content_first, max(content_first, content_stop)))
        return spans

    def _paragraphs(self) -> list[int]:
        """The paragraph of each token: the number of line breaks before it."""
        # Running totals of the line-break flags; the last total counts the token itself.
        return list(itertools.accumulate(self.tokens.line_break, initial=0))[:-1]

    def _sentences(
        self, spans: Sequence[tuple[int, int, int, int]], marks: Sequence[QuoteMarkSpan]
    ) -> list[int]:
        """The reporter sentence of each token, counted from 0.

        A line break outside the quotes starts a new sentence with itself; a sentence-final
        token outside the quotes, or the last token of a quote whose content ends with a
        full stop, ends its sentence after itself.
        """
        region_of = self.region_of
        line_breaks = {i for i in self.tokens.line_break_positions if region_of[i] < 0}
        ends = {
            stop - 1
            for (_first, stop, _cf, _cs), mark in zip(spans, marks, strict=True)
            if stop > 0 and mark.text.rstrip().endswith((".", "…"))
        }
        ends.update(
            i
            for i in self.tokens.positions_of(SENTENCE_FINAL)
            if region_of[i] < 0 and not self._closes_abbreviation(i)
        )
        # Each new sentence adds one from the token that opens it on: sum the steps.
        steps = [0] * (len(region_of) + 1)
        for i in line_breaks:
            steps[i] += 1
        for i in ends - line_breaks:
            steps[i + 1] += 1
        return list(itertools.accumulate(steps))[:-1]

    def _closes_abbreviation(self, i: int) -> bool:
        """A full stop the tokenizer split from an abbreviation, inside a sentence that goes on.

        ``Army Capt. Lena Mwangi``: the language's abbreviation, the stop glued to it, and a
        capital after it. ``Sanders (I-Vt.) on Saturday``, ``(D-Tex.), a backer``: a stop in
        brackets before a word in lower case or a comma, semicolon or colon.
        """
        orth = self.tokens.orth
        if not 0 < i < len(orth) - 1 or orth[i] != ".":
            return False
        before, after = orth[i - 1], orth[i + 1]
        if (
            before in self._abbreviations
            and self.tokens.idx[i - 1] + len(before) == self.tokens.idx[i]
            and after[:1].isupper()
        ):
            return True
        return (
            after == ")"
            and i + 2 < len(orth)
            and (orth[i + 2][:1].islower() or orth[i + 2] in {",", ";", ":"})
        )

    def reporter_tokens(self, sentence: int) -> list[int]:
        """Return the tokens of one reporter sentence that lie outside every quote."""
        found = self._by_sentence.get(sentence)
        if found is None:
            # Sentence numbers never go down, so a sentence's tokens are found by bisection.
            first = bisect.bisect_left(self.sentence_of, sentence)
            stop = bisect.bisect_right(self.sentence_of, sentence, first)
            found = self._by_sentence[sentence] = list(
                itertools.compress(range(first, stop), self._reporter_word[first:stop])
            )
        return found

    def token_at(self, i: int) -> Token:
        """``doc[i]``, made on first use and kept.

        spaCy makes a new Token object on every ``doc[i]``, and the rules look at the same
        tokens many times; only about half an article's tokens are ever looked at, so they
        are not all made up front. Compare tokens by ``.i``, never by identity: spaCy's
        ``token.head`` and ``token.children`` still make new ones.
        """
        found = self._made[i]
        if found is None:
            found = self._made[i] = self.doc[i]
        return found

    def lemma(self, token: Token) -> str:
        """``token.lemma_``, lemmatized now if the parse left the lemmatizer out.

        As the lemmatizer itself does, a lemma another component set is kept.
        """
        if self._lemmatize is None or token.lemma != 0:
            return token.lemma_
        found = self._lemmas.get(token.i)
        if found is None:
            found = self._lemmas[token.i] = self._lemmatize(token)[0]
        return found

    # -- the parse, from the tokens made once (a Tree for quoteattr._relations) ------------

    def head(self, token: Token) -> Token:
        """``token.head``, without making a new Token object."""
        return self.token_at(self.tokens.head[token.i])

    def children(self, token: Token) -> list[Token]:
        """``token.children`` in document order, without making new Token objects."""
        token_at = self.token_at
        return [token_at(i) for i in self.tokens.children(token.i)]

    def subtree(self, token: Token) -> list[int]:
        """The indices of ``token.subtree``, in document order.

        spaCy yields them in another order where the parse crosses its own branches (see
        :meth:`subtree_in_spacy_order`). Its ``left_edge`` and ``right_edge`` can miss a
        token of a crossing branch, so the tree is walked here.
        """
        return self.tokens.subtree(token.i)

    def subtree_in_spacy_order(self, token: Token) -> list[int]:
        """The indices of ``token.subtree``, in the order spaCy yields them.

        That is each left child's subtree, the token, then each right child's subtree:
        document order, except where the parse crosses its own branches.
        """
        children_of = self.tokens.children
        found: list[int] = []
        # (token, whether its children are already on the stack): popped a second time, a
        # token comes after its left subtrees and before its right ones.
        pending = [(token.i, False)]
        while pending:
            i, expanded = pending.pop()
            if expanded:
                found.append(i)
                continue
            children = children_of(i)
            pending += [(child, False) for child in reversed(children) if child > i]
            pending.append((i, True))
            pending += [(child, False) for child in reversed(children) if child < i]
        return found

    def token_range(self, first: int, stop: int) -> list[Token]:
        """The tokens of ``doc[first:stop]`` (*first* and *stop* not negative)."""
        return [self.token_at(i) for i in range(first, min(stop, len(self.doc)))]

    def span_text(self, first: int, stop: int) -> str:
        """The words of tokens *first* to *stop* (not negative), as a name or phrase reads.

        ``doc[first:stop].text`` without whitespace tokens at either end, and with a single
        space for any run of whitespace inside: a parse may hang a line break, or the blanks
        of sentences it was not asked to parse, from a name. Read off the parsed text, not
        the caller's: they differ where the parse saw a stand-in character.
        """
        orth, idx, is_space = self.tokens.orth, self.tokens.idx, self.tokens.is_space
        stop = min(stop, len(orth))
        if stop == first + 1 and not is_space[first]:
            return orth[first]  # most names are one word
        words = [i for i in range(first, stop) if not is_space[i]]
        if len(words) == 1:
            return orth[words[0]]
        parts: list[str] = []
        for before, i in zip([None, *words], words, strict=False):
            # Tokens that do not touch were apart in the text: spaCy keeps one space with a
            # token, and any other whitespace is a token of its own.
            if before is not None and idx[i] > idx[before] + len(orth[before]):
                parts.append(" ")
            parts.append(orth[i])
        return "".join(parts)

    def is_outside(self, i: int) -> bool:
        """Whether token *i* lies outside every quote."""
        return self.region_of[i] < 0

    def left_frame(self, region: QuoteRegion) -> list[int]:
        """Return the reporter tokens before *region* in its sentence, after any earlier quote."""
        frame: list[int] = []
        i = region.first - 1
        while i >= 0 and self.sentence_of[i] == region.sentence and self.region_of[i] < 0:
            if not self.tokens.is_space[i]:
                frame.append(i)
            i -= 1
        frame.reverse()
        return frame

    def right_frame(self, region: QuoteRegion) -> list[int]:
        """Return the reporter tokens after *region* in its sentence, before any later quote.

        Empty when the quote's own content ended the sentence.
        """
        frame: list[int] = []
        if region.stop == 0:
            return frame
        sentence = self.sentence_of[region.stop - 1]
        i = region.stop
        n = len(self.doc)
        while i < n and self.sentence_of[i] == sentence and self.region_of[i] < 0:
            if not self.tokens.is_space[i]:
                frame.append(i)
            i += 1
        return frame
