# The targets here are exactly what CI runs (.ci/run calls `make test`).
PYTHON ?= $(shell command -v python3.11 || command -v python3)
VENV   := .venv
BIN    := $(VENV)/bin

.PHONY: demo test lint typecheck layers unit audit bench screenshots clean

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)

$(VENV)/.installed: pyproject.toml constraints.txt | $(BIN)/python
	$(BIN)/pip install --quiet -c constraints.txt -e .
	touch $@

$(VENV)/.dev-installed: pyproject.toml constraints.txt | $(BIN)/python
	$(BIN)/pip install --quiet -c constraints.txt -e ".[dev]"
	touch $(VENV)/.installed $@

## Create the venv, install Parley, and play the 1 March 2023 story on SQLite in demo-data/.
demo: $(VENV)/.installed
	$(BIN)/parley demo --data-dir demo-data

## Everything CI checks: lint, types, layer contracts, the whole test suite.
test: $(VENV)/.dev-installed node_modules/.installed lint typecheck layers audit unit

# Test-only JavaScript (axe-core for the browser tests' accessibility checks), when npm is
# there; without it those checks skip (and fail under CI).
node_modules/.installed: package.json package-lock.json
	@if command -v npm >/dev/null 2>&1; then npm ci --no-audit --no-fund --silent && touch $@; \
	else echo "npm not found: the browser accessibility checks will be skipped"; fi

lint:
	$(BIN)/ruff check src tests bench
	$(BIN)/ruff format --check src tests bench

typecheck:
	$(BIN)/mypy

# Known vulnerabilities in the pinned dependencies (pip-audit; says which it could not check).
audit:
	$(BIN)/python .ci/audit_deps.py

layers:
	$(BIN)/lint-imports

# The suite on every core (pytest-xdist, a module's tests on one worker so what they share
# is built once), then the tests that time themselves and the browser tests, alone.
unit:
	$(BIN)/pytest -q -n auto --dist loadscope -m "not serial"
	$(BIN)/pytest -q -m serial

## Refresh the committed screenshots in docs/screenshots/ (the README shows them) from the
## browser tests; `make test` writes its own to build/screenshots/, which git ignores.
screenshots: $(VENV)/.dev-installed node_modules/.installed
	PARLEY_SCREENSHOTS=$(CURDIR)/docs/screenshots $(BIN)/pytest -q tests/web

## Benchmarks (not part of `make test`); results go to bench/RESULTS.md by hand.
bench: $(VENV)/.dev-installed
	$(BIN)/pip install --quiet "pymerkle==7.0.0"
	$(BIN)/python bench/bench_messages.py
	$(BIN)/python bench/bench_ledger.py
	$(BIN)/python bench/bench_verify.py --entries 100000

clean:
	rm -rf $(VENV) demo-data node_modules .pytest_cache .mypy_cache .ruff_cache
