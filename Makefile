# chipwatch: set-up and the two everyday commands. Needs only python3.11 (or python3 = 3.11), pip and make.
SHELL := /bin/bash
PYTHON ?= $(shell command -v python3.11 || command -v python3)
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.chipwatch-installed
export UV_COMPILE_BYTECODE := 1
export DAGSTER_HOME := $(CURDIR)/.dagster_home
## The instance settings copied into DAGSTER_HOME: instance/dagster.yaml (SQLite), or with CHIPWATCH_INSTANCE=postgres
## instance/dagster.postgres.yaml (README "Beyond one machine"); `chipwatch run` picks the same file.
INSTANCE_YAML := instance/dagster$(if $(CHIPWATCH_INSTANCE),.$(CHIPWATCH_INSTANCE)).yaml

.PHONY: install run test lint dev serve check-defs bench sql clean

install: $(STAMP)

$(STAMP): requirements.lock pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --disable-pip-version-check uv==0.13.8
	$(BIN)/uv pip install --quiet --python $(BIN)/python -r requirements.lock
	$(BIN)/uv pip install --quiet --python $(BIN)/python --no-deps -e .
	@mkdir -p $(DAGSTER_HOME) && cp $(INSTANCE_YAML) $(DAGSTER_HOME)/dagster.yaml
	@touch $(STAMP)

## The main job: the whole asset graph, offline, on the bundled sample archive.
run: $(STAMP)
	$(BIN)/chipwatch run

## The test suite.
test: $(STAMP)
	$(BIN)/python -m pytest

## The published snapshot, read-only, in Harlequin (a terminal SQL IDE); the README's questions are in
## warehouse/sql/analyst_questions.sql (Ctrl+O opens it). Needs a snapshot: `make run` first.
sql: $(STAMP)
	$(BIN)/chipwatch sql

lint: $(STAMP)
	$(BIN)/ruff check .

# dg (dagster-dg-cli) reads pyproject.toml's [tool.dg]; VIRTUAL_ENV tells it this is the project's venv.
DG := VIRTUAL_ENV=$(CURDIR)/$(VENV) $(BIN)/dg

## The Dagster UI with the whole lineage, on http://127.0.0.1:3000 (dg dev; the automation stays stopped)
dev: $(STAMP)
	@mkdir -p $(DAGSTER_HOME) && cp $(INSTANCE_YAML) $(DAGSTER_HOME)/dagster.yaml
	$(DG) dev -h 127.0.0.1 -p 3000

## The deployment: dagster-webserver (UI on http://127.0.0.1:3000) and dagster-daemon, the automation on
## (live crawl every CHIPWATCH_CRAWL_EVERY, default 10m; marts and snapshot after each crawl). Ctrl-C stops both.
serve: $(STAMP)
	$(BIN)/chipwatch serve

## Load and validate the code location (dg check defs).
check-defs: $(STAMP)
	@mkdir -p $(DAGSTER_HOME) && cp $(INSTANCE_YAML) $(DAGSTER_HOME)/dagster.yaml
	$(DG) check defs

bench: $(STAMP)
	$(BIN)/python bench/run_all.py

clean:
	rm -rf $(VENV) $(DAGSTER_HOME) warehouse/*.duckdb warehouse/*.wal warehouse/published warehouse/output
