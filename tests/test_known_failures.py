"""The table of known failures names tests that exist, on the pipeline its reason names."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from known_failures import KNOWN_FAILURES
from pipelines import PIPELINES

TESTS = Path(__file__).resolve().parent
# module.py::test_name[id-more ids]
NODE = re.compile(r"(?P<module>test_\w+\.py)::(?P<test>test_\w+)\[(?P<pipeline>\w+)[\]-]")


@pytest.mark.parametrize("node", sorted(KNOWN_FAILURES))
def test_each_known_failure_names_a_test_and_its_pipeline(node: str) -> None:
    """The key is a test in a module here, its first id a pipeline's; the reason names it."""
    match = NODE.match(node)
    assert match is not None, node
    source = (TESTS / match["module"]).read_text(encoding="utf-8")
    assert f"def {match['test']}(" in source
    (name,) = [name for name, short in PIPELINES.items() if short == match["pipeline"]]
    assert KNOWN_FAILURES[node].startswith(f"{name}: ")
