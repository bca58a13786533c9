# Development tasks. Each target first runs scripts/bootstrap.py, which creates .venv and
# installs what the target needs (skipped when already done), so every target works on a
# fresh clone with nothing but python3 (>= 3.10, with venv) and make.

PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
BOOTSTRAP := $(PYTHON) scripts/bootstrap.py
# Extra arguments for pytest, e.g. make test PYTEST_ARGS="-x -k cli"
PYTEST_ARGS ?=

.PHONY: help example test lint docs check bench accuracy clean distclean
# The targets share one .venv; two bootstraps installing into it at once would collide.
.NOTPARALLEL:

help:
	@echo "make example    run quoteattr on examples/article.txt (sets up .venv and a model)"
	@echo "make test       run the test suite (PYTEST_ARGS=... passes arguments to pytest)"
	@echo "make lint       ruff check, ruff format --check, mypy"
	@echo "make docs       build the documentation strictly into docs/_build/html"
	@echo "make check      test, lint and docs"
	@echo "make bench      speed, selective parsing, worker processes and memory against the bare parse and textacy (~30 min; BENCH_ARGS=--quick: 1 min)"
	@echo "make accuracy   PolNeAR dev scores of quoteattr against textacy (installs textacy)"
	@echo "make clean      remove build output and tool caches (keeps .venv)"
	@echo "make distclean  clean, and remove .venv too"

example:
	$(BOOTSTRAP) --model
	$(BIN)/quoteattr examples/article.txt

test:
	$(BOOTSTRAP) --model tests dask
	$(BIN)/python -m pytest $(PYTEST_ARGS)

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

check: test lint docs

# Speed and memory live in benchmarks, never in timed tests. The bench extra brings textacy,
# the comparison. make bench BENCH_ARGS=--quick is a one-minute smoke run of the same code.
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
