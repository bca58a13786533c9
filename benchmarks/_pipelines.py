"""The pipelines the benchmarks measure by default: one of each label scheme quoteattr reads."""

from __future__ import annotations

import spacy

#: ClearNLP labels (spaCy's own English pipeline) and Universal Dependencies labels.
MODELS = ("en_core_web_sm", "en_ud_sm")


def installed_models() -> list[str]:
    """The pipelines of :data:`MODELS` that are installed, with a note for each one missing."""
    found = [model for model in MODELS if spacy.util.is_package(model)]
    for model in MODELS:
        if model not in found:
            print(f"{model} is not installed: left out (python -m spacy download {model})")
    return found
