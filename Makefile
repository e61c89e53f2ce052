# Quick start: `make example` runs the checks on the bundled example; `make test` runs every test.
PYTHON ?= python3
VENV ?= .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.PHONY: install example test lint typecheck bench docs mutation clean

$(STAMP): pyproject.toml requirements.lock
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -c requirements.lock -e '.[test]'
	touch $(STAMP)

install: $(STAMP)

example: $(STAMP)
	@# Exit status 1 means "findings at error level" -- the example has some on purpose; 2 (bad input) fails.
	$(BIN)/coproduction check examples/oxfordshire --as-of 2026-11-25 || [ $$? -eq 1 ]

test: $(STAMP)
	$(BIN)/ruff check src tests examples benchmarks tools
	$(BIN)/mypy
	$(BIN)/python -m pytest

# The documentation site (docs/ and the API reference from the docstrings) into site/; strict: a warning fails it.
# `make test` builds it too (tests/test_docs_site.py). The pages open from disk (site/index.html); search needs a
# local server: `.venv/bin/python -m http.server -d site`.
docs: $(STAMP)
	$(BIN)/mkdocs build --strict --site-dir site

bench: $(STAMP)
	$(BIN)/python -m benchmarks
	$(BIN)/python -m benchmarks.bench_calendar

# Mutation testing of the checks (slow, so not part of `make test`): one-line changes to the rules in
# src/coproduction/checks/, each run against the checks' tests in a temporary copy of src/. tools/mutation/README.md.
mutation: $(STAMP)
	$(BIN)/python tools/mutation/runner.py --gaps
	$(BIN)/python tools/mutation/runner.py

clean:
	rm -rf $(VENV) build site *.egg-info src/*.egg-info .pytest_cache .mypy_cache .hypothesis
