"""Pictures of who said what: a text as HTML, each quote marked with its speaker and cue.

The markup is built here from the quotes' character offsets rather than with displaCy's span
renderer: displaCy needs token-aligned spans of a ``Doc`` (a quote's text starts inside the
token of its opening mark when the tokenizer keeps them together, and a plain ``str`` has no
Doc at all), lays each token out in a box of its own, which loses the text's line breaks,
and links nothing. Building from offsets keeps every character of the caller's text, in
order and escaped, so the page's text is the text the offsets index.

Only the standard library is used, and nothing is imported from spaCy until a ``Doc`` is
passed, so ``import quoteattr`` stays cheap.
"""

from __future__ import annotations

from quoteattr._render._markup import escape
from quoteattr._render._page import fragment, page_end, page_start, render

__all__ = ["escape", "fragment", "page_end", "page_start", "render"]
