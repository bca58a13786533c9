"""Shared test configuration: the hypothesis profiles and the pipelines the tests run on.

End-to-end tests take the ``extractor`` fixture and run once per pipeline of
``pipelines.PIPELINES`` (ids ``sm`` and ``ud``): ClearNLP labels (``en_core_web_sm``) and
Universal Dependencies labels (``en_ud_sm``). ``QUOTEATTR_TEST_PIPELINES=en_ud_sm``
(comma-separated names) runs them on fewer. A pipeline that is not installed skips its
tests, saying how to install it. Tests about one parser's output take ``sm_extractor`` or
``ud_extractor``; tests of the plumbing around the parse (streams, pieces, errors, timing)
take ``default_extractor``, the pipeline ``QuoteExtractor()`` loads. Where a pipeline's parse
defeats the rules, the test is a strict xfail on that pipeline, listed in
``tests/known_failures.py``.
"""

from __future__ import annotations

import os

import pytest
from hypothesis import settings

from known_failures import KNOWN_FAILURES
from pipelines import PIPELINES, PIPELINES_ENV_VAR, selected_pipelines
from quoteattr import ModelNotFoundError, QuoteExtractor
from quoteattr._pipeline import MODEL_ENV_VAR, _installed_english_pipeline
from shareddata import SHARED

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

#: The models folder beside the repository, where ``make test`` installs the pipelines from.
SHARED_MODELS = SHARED / "models"


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    """Mark the Markdown examples as needing a pipeline, and the known failures as xfail."""
    import spacy.util  # noqa: PLC0415 - only when collecting

    no_pipeline = not spacy.util.get_installed_models()
    for item in items:
        if isinstance(item, pytest.DoctestItem) and item.path.suffix == ".md":
            # The examples in README.md and docs/ parse text: they need a pipeline too.
            item.add_marker(pytest.mark.model)
            if no_pipeline:
                item.add_marker(pytest.mark.skip(reason="no spaCy pipeline installed"))
        reason = KNOWN_FAILURES.get(item.nodeid.removeprefix("tests/"))
        if reason is not None:
            item.add_marker(pytest.mark.xfail(strict=True, reason=reason))


_extractors: dict[str, QuoteExtractor] = {}


def default_pipeline_name() -> str:
    """The name (or path) of the pipeline ``QuoteExtractor()`` loads, without loading it."""
    return os.environ.get(MODEL_ENV_VAR) or _installed_english_pipeline()


def extractor_for(name: str) -> QuoteExtractor:
    """The session's extractor over the pipeline *name*, loaded once.

    The default pipeline's is ``QuoteExtractor()`` itself, so tests and the library's own
    default (``extract_quotes(text)``) share one loaded pipeline.
    """
    if name not in _extractors:
        try:
            is_default = name == default_pipeline_name()
            _extractors[name] = QuoteExtractor() if is_default else QuoteExtractor(name)
        except ModelNotFoundError:
            pytest.skip(
                f"{name} is not installed: `make test` installs it from {SHARED_MODELS}, "
                f"or `pip install {SHARED_MODELS}/{name}-*.whl`"
            )
    return _extractors[name]


@pytest.fixture(
    scope="session",
    params=selected_pipelines(),
    ids=lambda name: PIPELINES[name],
)
def pipeline_name(request: pytest.FixtureRequest) -> str:
    """The name of the pipeline an end-to-end test runs on, once per pipeline."""
    name: str = request.param
    return name


@pytest.fixture(scope="session")
def extractor(pipeline_name: str) -> QuoteExtractor:
    """The extractor over each pipeline in turn; skips when that pipeline is not installed."""
    return extractor_for(pipeline_name)


def selected_extractor(name: str) -> QuoteExtractor:
    """The extractor over *name*, unless ``$QUOTEATTR_TEST_PIPELINES`` leaves it out."""
    if name not in selected_pipelines():
        pytest.skip(f"{name} is not among ${PIPELINES_ENV_VAR}")
    return extractor_for(name)


@pytest.fixture(scope="session")
def sm_extractor() -> QuoteExtractor:
    """The extractor over en_core_web_sm, for tests of ClearNLP-labelled parses."""
    return selected_extractor("en_core_web_sm")


@pytest.fixture(scope="session")
def ud_extractor() -> QuoteExtractor:
    """The extractor over en_ud_sm, for tests of Universal Dependencies parses."""
    return selected_extractor("en_ud_sm")


@pytest.fixture(scope="session")
def default_extractor() -> QuoteExtractor:
    """What ``QuoteExtractor()`` gives, for tests of the plumbing around the parse."""
    try:
        name = default_pipeline_name()
    except ModelNotFoundError as error:
        pytest.skip(f"no spaCy pipeline installed: {error}")
    return extractor_for(name)
