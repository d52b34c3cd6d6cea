# Both targets set everything up on first use (virtual environment, dependencies, and on
# Debian/Ubuntu the system libraries Qt needs). See tools/dev.py.
PYTHON ?= python3

.PHONY: run test lint setup bench

run:
	$(PYTHON) tools/dev.py run $(ARGS)

test:
	$(PYTHON) tools/dev.py test $(ARGS)

lint:
	$(PYTHON) tools/dev.py lint

setup:
	$(PYTHON) tools/dev.py setup

bench: setup
	.venv/bin/python benchmarks/store.py
