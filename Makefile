# Two commands from a fresh clone: `make demo` and `make test`. Each sets itself up.
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed-stamp
DURATION ?=

.PHONY: demo test lint docs bench clean

$(STAMP): pyproject.toml
	@test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --disable-pip-version-check --upgrade pip
	$(BIN)/python -m pip install --quiet --disable-pip-version-check -e '.[test]'
	@touch $(STAMP)

# The demo's state stays in state/demo.db for `alerts web --state state/demo.db`.
demo: $(STAMP)
	@rm -f state/demo.db state/demo.db-wal state/demo.db-shm
	$(BIN)/alerts demo --state state/demo.db $(if $(DURATION),--duration $(DURATION),)

# ruff, then mypy on alerts/ (its settings are in pyproject.toml: strict on state and rules).
lint: $(STAMP)
	$(BIN)/ruff check alerts tests $(wildcard bench)
	$(BIN)/mypy

# The README's tables of commands, rule keys, conditions and fields, from alerts/reference.yaml
# (`alerts help` shows the same; tests/test_docs.py fails when the two disagree).
docs: $(STAMP)
	$(BIN)/python tests/tools/docs.py

# The whole suite on every core (pytest-xdist; TEST_WORKERS=0 runs it in one process). Two
# workers per core: most end-to-end tests wait on a subprocess or a server, not on the CPU.
# One file per worker at a time (--dist loadfile), so a module's fixtures are built once;
# the longest files first (tests/markers.py orders them, so xdist must not reorder).
# pytest exits 5 when it collects nothing; that is not a failure of the code under test.
# Bytecode is cached (.pyc, in the usual __pycache__ folders, git-ignored) even where the
# environment says PYTHONDONTWRITEBYTECODE: else every worker compiles and rewrites every
# test module, and each of the ~500 `alerts` and parse-worker processes the suite starts
# compiles the package again (measured: 590 -> 540 CPU seconds for the whole suite).
TEST_WORKERS ?= $(shell echo $$(( $$(nproc 2>/dev/null || echo 1) * 2 )))
test: lint
	@PYTHONDONTWRITEBYTECODE= $(BIN)/python -m pytest -n $(TEST_WORKERS) --dist loadfile --no-loadscope-reorder; rc=$$?; \
	if [ $$rc -eq 5 ]; then echo "pytest collected no tests"; exit 0; fi; exit $$rc

BENCH_STAMP := $(VENV)/.bench-stamp

$(BENCH_STAMP): $(STAMP)
	$(BIN)/python -m pip install --quiet --disable-pip-version-check -e '.[test,bench]'
	@touch $(BENCH_STAMP)

# Every benchmark, each writing bench/results/*.md; under 10 minutes on 2 cores.
bench: $(BENCH_STAMP)
	@start=$$(date +%s); \
	for script in bench/bench_*.py; do echo "== $$script"; $(BIN)/python $$script || exit 1; done; \
	echo "make bench: $$(( $$(date +%s) - start )) s"

clean:
	rm -rf $(VENV) build dist *.egg-info .pytest_cache .ruff_cache .mypy_cache
