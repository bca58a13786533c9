"""The HTML a picture is made of: a fragment with its legend and marked text, or a page.

:func:`render` is the public entry; the ``quoteattr -f html`` command builds its page from
:func:`page_start`, a :func:`fragment` per input and :func:`page_end`.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from quoteattr._render._colours import Colours, legend
from quoteattr._render._markup import escape, marks_of, markup
from quoteattr._render._quotes import checked, text_and_quotes

if TYPE_CHECKING:
    from collections.abc import Iterable

    from spacy.tokens import Doc

    from quoteattr._types import Quote

__all__ = ["fragment", "page_end", "page_start", "render"]

# Element ids are PREFIX-q1, PREFIX-s0 …: the prefix must make a valid, unambiguous id.
ID_PREFIX = re.compile(r"[A-Za-z][A-Za-z0-9_-]*")


STYLE = """\
.qa-render { font: 17px/1.75 Georgia, "Times New Roman", serif; color: #1b1b1b;
  max-width: 46em; }
.qa-text { white-space: pre-wrap; overflow-wrap: anywhere; }
.qa-legend { font: 13px/1.6 system-ui, sans-serif; margin: 0 0 .8em; color: #444; }
.qa-key { display: inline-block; margin-right: 1em; white-space: nowrap; }
.qa-swatch { display: inline-block; width: .9em; height: .9em; vertical-align: -.1em;
  margin-right: .3em; border-radius: .2em; background: var(--qa-colour); }
.qa-quote { background: var(--qa-tint); border-bottom: 2px solid var(--qa-colour); }
.qa-quote.qa-unattributed { border-bottom-style: dashed; }
.qa-speaker { background: var(--qa-mid); font-weight: bold; border-radius: .2em; }
.qa-cue { border-bottom: 2px dotted var(--qa-colour); font-style: italic; }
.qa-quote:target, .qa-speaker:target, .qa-cue:target { outline: 2px solid var(--qa-colour); }
.qa-tag { font: 600 11px/1 system-ui, sans-serif; vertical-align: .6em; color: #1b1b1b;
  text-decoration: none; white-space: nowrap; user-select: none; }
.qa-caption { display: inline-block; padding: .15em .35em; margin: 0 .2em 0 .1em;
  border-radius: .7em; background: var(--qa-mid); border: 1px solid var(--qa-colour); }
.qa-refs { margin-left: .1em; color: #333; }
.qa-refs a { color: inherit; text-decoration: none; }
"""
# Only for a whole page: a fragment must not restyle the page it is put in.
PAGE_STYLE = """\
body { margin: 24px 32px; background: #fff; }
h2.qa-name { font: 600 15px/1.4 system-ui, sans-serif; margin: 1.6em 0 .6em; color: #333; }
"""


def render(
    text_or_doc: str | Doc,
    quotes: Iterable[Quote] | None = None,
    *,
    page: bool = False,
    title: str | None = None,
    id_prefix: str = "qa",
) -> str:
    """Return HTML that marks each quote of a text, its speaker and its cue.

    Each speaker entity (``speaker.entity_id``) gets a colour of its own, which marks its
    quotes (a tinted background, underlined), its mentions (a stronger background, bold)
    and its cues (dotted underline); unattributed quotes are grey with a dashed underline.
    A caption opens each quote: its number, the speaker's name and the cue's lemma, linking
    to the speaker's mention; the mention and the cue carry the numbers of their quotes,
    linking back. A legend above the text names the colours. The HTML is self-contained:
    inline CSS, no script, nothing fetched. Every character of the text is kept, escaped,
    with its line breaks: without the labels (the elements of class ``qa-tag``), the text
    of the page is the text given, so the quotes' offsets index it too.

    Args:
        text_or_doc: the text, or a parsed spaCy ``Doc`` (whose ``doc.text`` is the text).
        quotes: the quotes to mark, with offsets into that text. By default they are found:
            with :func:`~quoteattr.extract_quotes` for a str (the default pipeline), or in
            the Doc's own parse.
        page: a whole HTML document rather than a fragment to put in a page of your own.
        title: the document's title, with *page* (default ``"quoteattr"``).
        id_prefix: the prefix of the element ids that the links point at (``qa-q1`` is the
            first quote). Give each fragment on one page its own.

    Raises:
        TypeError: *text_or_doc* is neither a str nor a Doc.
        ValueError: a quote, speaker or cue does not fit the text (its offsets do not slice
            its ``text`` out of it), or *id_prefix* is not a letter followed by letters,
            digits, ``-`` or ``_``.
        MissingParseError: a Doc without a dependency parse, when quotes must be found.
    """
    text, found = text_and_quotes(text_or_doc, quotes)
    body = fragment(text, found, id_prefix=id_prefix, style=not page)
    if not page:
        return body
    return page_start(title or "quoteattr") + body + "\n" + page_end()


def page_start(title: str) -> str:
    """The start of a whole HTML document titled *title*, its styles included, to ``<body>``."""
    return (
        "<!DOCTYPE html>\n"
        '<html lang="en">\n<head>\n<meta charset="utf-8">\n'
        '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
        f"<title>{escape(title)}</title>\n<style>\n{STYLE}{PAGE_STYLE}</style>\n</head>\n<body>\n"
    )


def page_end() -> str:
    """The end of a document begun with :func:`page_start`."""
    return "</body>\n</html>\n"


def fragment(
    text: str, quotes: Iterable[Quote], *, id_prefix: str = "qa", style: bool = True
) -> str:
    """*text* with *quotes* marked, in a ``<div>``; with *style*, the CSS comes along."""
    if not ID_PREFIX.fullmatch(id_prefix):
        msg = f"id_prefix must be a letter then letters, digits, - or _, not {id_prefix!r}"
        raise ValueError(msg)
    ordered = checked(text, quotes)
    colours = Colours.of(ordered)
    marks = marks_of(ordered, colours, id_prefix)
    return (
        '<div class="qa-render">\n'
        + (f"<style>\n{STYLE}</style>\n" if style else "")
        + legend(ordered, colours)
        + f'<div class="qa-text">{markup(text, marks)}</div>\n</div>'
    )
