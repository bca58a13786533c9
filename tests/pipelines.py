"""The spaCy pipelines the end-to-end tests run on, and how a run chooses among them."""

from __future__ import annotations

import os

import pytest

#: Each pipeline with the short id its tests' names carry: ClearNLP labels (en_core_web_sm)
#: and Universal Dependencies labels (en_ud_sm).
PIPELINES = {"en_core_web_sm": "sm", "en_ud_sm": "ud"}
PIPELINES_ENV_VAR = "QUOTEATTR_TEST_PIPELINES"


def selected_pipelines() -> list[str]:
    """The pipelines of ``$QUOTEATTR_TEST_PIPELINES`` (comma-separated), else all of them."""
    chosen = os.environ.get(PIPELINES_ENV_VAR, "")
    names = [name.strip() for name in chosen.split(",") if name.strip()] or list(PIPELINES)
    unknown = [name for name in names if name not in PIPELINES]
    if unknown:
        msg = f"${PIPELINES_ENV_VAR} names {unknown}; the tests know {list(PIPELINES)}"
        raise pytest.UsageError(msg)
    return names
