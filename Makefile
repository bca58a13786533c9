# Development tasks. Each target first runs scripts/bootstrap.py, which creates .venv and
# installs what the target needs (skipped when already done), so every target works on a
# fresh clone with nothing but python3 (>= 3.10, with venv) and make.

PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
BOOTSTRAP := $(PYTHON) scripts/bootstrap.py
# Extra arguments for pytest, e.g. make test PYTEST_ARGS="-x -k cli"
PYTEST_ARGS ?=

.PHONY: help example test fuzz lint docs dist check bench accuracy clean distclean
# The targets share one .venv; two bootstraps installing into it at once would collide.
.NOTPARALLEL:

help:
	@echo "make example    run quoteattr on examples/article.txt (sets up .venv and a model)"
	@echo "make test       run the test suite (PYTEST_ARGS=... passes arguments to pytest)"
	@echo "make fuzz       property tests and the fuzz corpus with the long hypothesis profile (about an hour)"
	@echo "make lint       ruff check, ruff format --check, mypy"
	@echo "make docs       build the documentation strictly into docs/_build/html"
	@echo "make dist       build sdist and wheel into dist/, twine check, install the wheel in a fresh venv"
	@echo "make check      test, lint and docs"
	@echo "make bench      speed, selective parsing, worker processes and memory against the bare parse and textacy, for en_core_web_sm and en_ud_sm (~1.5 h; BENCH_ARGS=--quick: 2 min)"
	@echo "make accuracy   PolNeAR dev scores of quoteattr against textacy, for en_core_web_sm and en_ud_sm (installs textacy)"
	@echo "make clean      remove build output and tool caches (keeps .venv)"
	@echo "make distclean  clean, and remove .venv too"

example:
	$(BOOTSTRAP) --model
	$(BIN)/quoteattr examples/article.txt

test:
	$(BOOTSTRAP) --model tests dask
	$(BIN)/python -m pytest $(PYTEST_ARGS)

# The property tests search 20,000 examples each (HYPOTHESIS_MAX_EXAMPLES=N: N), those that
# parse a twentieth of that (HYPOTHESIS_PARSED_EXAMPLES=N: N); then the fuzz corpus runs.
# The statistics at the end say how many examples each test ran.
FUZZ_TESTS := tests/test_marks_properties.py tests/test_marks_french_properties.py tests/test_extract_properties.py tests/test_fuzz_corpus.py

fuzz:
	$(BOOTSTRAP) --model tests
	HYPOTHESIS_PROFILE=long $(BIN)/python -m pytest $(FUZZ_TESTS) --hypothesis-show-statistics $(PYTEST_ARGS)

# Every checker runs even when an earlier one fails, so one run shows all the problems.
# mypy's configured files (pyproject) are src, tests and scripts.
lint:
	$(BOOTSTRAP) lint tests dask
	@status=0; \
	for check in "ruff check ." "ruff format --check ." "mypy"; do \
		echo "$(BIN)/$$check"; $(BIN)/$$check || status=1; \
	done; \
	exit $$status

docs:
	$(BOOTSTRAP) docs dask
	$(BIN)/sphinx-build -n -W --keep-going -b html docs docs/_build/html

# What a release needs, checked as PyPI and a user would: sdist and wheel build in an isolated
# environment, twine's strict metadata check, then the wheel alone (not the source tree) is
# installed into a fresh venv, where the command and the shipped data files must work.
WHEEL_CHECK := build/wheel-check

dist:
	$(BOOTSTRAP) release
	rm -rf dist $(WHEEL_CHECK)
	$(BIN)/python -m build --outdir dist .
	$(BIN)/twine check --strict dist/*
	$(PYTHON) -m venv $(WHEEL_CHECK)
	$(WHEEL_CHECK)/bin/python -m pip install --quiet --disable-pip-version-check --no-compile dist/*.whl
	cd $(WHEEL_CHECK) && bin/quoteattr --help >/dev/null && bin/quoteattr --version
	cd $(WHEEL_CHECK) && bin/python -c "$$WHEEL_SMOKE"

# Run from the fresh venv's folder, so the import is the installed wheel, not src/.
define WHEEL_SMOKE
import importlib.metadata as m, quoteattr
from quoteattr.lang import profile_for
assert "site-packages" in quoteattr.__file__, quoteattr.__file__
assert len(profile_for("en").cues) > 150 and quoteattr.find_quote_marks('"Yes," she said.')
factories = {e.name for e in m.entry_points(group="spacy_factories")}
assert "quoteattr" in factories, factories
print("wheel", quoteattr.__version__, "works from", quoteattr.__file__)
endef
export WHEEL_SMOKE

check: test lint docs

# Speed and memory live in benchmarks, never in timed tests. The bench extra brings textacy,
# the comparison. Both scripts measure every installed pipeline of en_core_web_sm (ClearNLP
# labels) and en_ud_sm (UD labels), one after the other; BENCH_ARGS="--model en_ud_sm" picks
# one. make bench BENCH_ARGS=--quick is a smoke run of the same code, a minute a pipeline.
bench:
	$(BOOTSTRAP) --model bench
	$(BIN)/python benchmarks/scale.py $(BENCH_ARGS)

# textacy comes from the bench extra, which CI never installs.
accuracy:
	$(BOOTSTRAP) --model bench
	$(BIN)/python benchmarks/textacy_comparison.py

clean:
	rm -rf docs/_build build dist .pytest_cache .mypy_cache .ruff_cache .hypothesis .coverage htmlcov
	find . -path ./$(VENV) -prune -o -name __pycache__ -type d -exec rm -rf {} +

distclean: clean
	rm -rf $(VENV)
