"""Shared test configuration."""

from __future__ import annotations

import os

import pytest
from hypothesis import settings

from quoteattr import ModelNotFoundError, QuoteExtractor

# "ci" (the default) is reproducible and bounded; HYPOTHESIS_PROFILE=long searches far wider
# (HYPOTHESIS_MAX_EXAMPLES=N sets how far, e.g. for a shorter run on a busy machine).
settings.register_profile("ci", derandomize=True, max_examples=300, deadline=None)
settings.register_profile(
    "long",
    max_examples=int(os.environ.get("HYPOTHESIS_MAX_EXAMPLES", "20000")),
    deadline=None,
    print_blob=True,
)
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "ci"))


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    """The examples in README.md and docs/ parse text: they need a pipeline too."""
    import spacy.util  # noqa: PLC0415 - only when collecting

    no_pipeline = not spacy.util.get_installed_models()
    for item in items:
        if isinstance(item, pytest.DoctestItem) and item.path.suffix == ".md":
            item.add_marker(pytest.mark.model)
            if no_pipeline:
                item.add_marker(pytest.mark.skip(reason="no spaCy pipeline installed"))


@pytest.fixture(scope="session")
def extractor() -> QuoteExtractor:
    """The default pipeline's extractor; tests that need one skip when none is installed."""
    try:
        return QuoteExtractor()
    except ModelNotFoundError as error:
        pytest.skip(f"no spaCy pipeline installed: {error}")
