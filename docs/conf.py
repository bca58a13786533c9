"""Sphinx configuration: MyST Markdown pages, the furo theme, strict and offline builds.

``make docs`` builds with ``-n -W --keep-going``: every cross-reference must resolve and every
warning fails the build. Nothing here needs the network (no intersphinx), so references to
spaCy's and the standard library's classes that Sphinx cannot resolve are listed in
``nitpick_ignore_regex`` instead of being linked.
"""

from importlib import metadata
from typing import Any

from sphinx.application import Sphinx

project = "quoteattr"
author = "The quoteattr developers"
copyright = "2026, The quoteattr developers"
# The version is single-sourced from the installed package's metadata.
release = metadata.version("quoteattr")
version = release

extensions = [
    "myst_parser",
    "sphinx.ext.autodoc",
    "sphinx.ext.napoleon",
]
source_suffix = {".md": "markdown"}
exclude_patterns = ["_build"]
# Quotation marks are this library's subject: a page must show "…," as written, not as the
# curly ”…,” Sphinx's smart quotes would make of it (nor -- as a dash, nor ... as an
# ellipsis). MyST's own typography ("smartquotes" and "replacements") stays off too.
smartquotes = False

# -- MyST ------------------------------------------------------------------------------------
myst_enable_extensions = ["colon_fence", "deflist"]
# Anchors for ## and ### headings, so pages can link to sections: [formats](cli.md#formats).
myst_heading_anchors = 3

# -- API reference ---------------------------------------------------------------------------
autodoc_member_order = "bysource"
autodoc_typehints = "description"
autodoc_typehints_description_target = "documented_params"
autodoc_default_options = {"show-inheritance": True}
napoleon_google_docstring = True
napoleon_numpy_docstring = False

nitpicky = True
nitpick_ignore_regex = [
    # spaCy and its dependencies: documented at spacy.io, not in this build.
    ("py:class", r"(spacy|thinc)(\..*)?"),
    ("py:class", r"(Language|Doc|Span|Token)"),
    # Standard-library classes that only intersphinx could link.
    ("py:class", r"(os\.)?PathLike(\[str\])?"),
    ("py:class", r"enum\.Enum"),
    ("py:class", r"(collections\.abc\.|typing\.)?(Iterable|Iterator|Sequence|Mapping)"),
    # quoteattr.dask: Dask's and pandas's classes, and the module's own type aliases.
    ("py:class", r"(db\.Bag|dd\.DataFrame|pd\.DataFrame|pd\.Index)"),
    ("py:class", r"(Model|Kinds|BagOnError|FrameOnError)"),
    # Type aliases and variables of QuoteExtractor.pipe's signature.
    ("py:class", r"(quoteattr\._stream\.|quoteattr\._extractor\.)?(OnError|Context|Outcome)"),
]

# -- HTML ------------------------------------------------------------------------------------
html_theme = "furo"
html_title = f"quoteattr {release}"


# Napoleon reads an attribute's doc comment ``#: Text: more text`` as ``type: description``,
# taking everything before the first colon for a type. This project's types live in
# annotations and its doc comments are prose, often with a colon, so attribute docstrings
# are saved before napoleon runs (priority 500) and put back after it.
_attribute_docs: dict[str, list[str]] = {}


def save_attribute_doc(
    _app: Sphinx, what: str, name: str, _obj: object, _options: object, lines: list[str]
) -> None:
    """Keep an attribute's docstring as written, before napoleon rewrites it."""
    if what == "attribute":
        _attribute_docs[name] = list(lines)


def restore_attribute_doc(
    _app: Sphinx, what: str, name: str, _obj: object, _options: object, lines: list[str]
) -> None:
    """Put back the attribute docstring saved by :func:`save_attribute_doc`."""
    if what == "attribute" and name in _attribute_docs:
        lines[:] = _attribute_docs.pop(name)


def setup(app: Sphinx) -> dict[str, Any]:
    """Wrap napoleon's docstring processing for attributes; see above."""
    app.connect("autodoc-process-docstring", save_attribute_doc, priority=400)
    app.connect("autodoc-process-docstring", restore_attribute_doc, priority=600)
    return {"parallel_read_safe": True, "parallel_write_safe": True}
