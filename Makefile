# Tổng đài 1022: `make run` serves the hotline, `make test` runs every test.
# Both create the environment when it is missing; nothing needs installing by hand.

PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
INSTALLED := $(VENV)/.installed

.PHONY: run test lint typecheck bench eval browser-deps clean

run: $(INSTALLED)
	$(BIN)/hotline nlu train --if-stale
	@# Rasa beside the bot and stopped with it; without Python 3.10 the local NLU answers
	BIN=$(BIN) bash scripts/serve_with_rasa.sh

test: $(INSTALLED) browser-deps
	@# mongoeco, the MongoDB stand-in of the store tests: required in CI, optional on a laptop
	bash scripts/mongoeco_env.sh >/dev/null || [ "$$CI" != "true" ]
	$(BIN)/ruff check hotline tests benchmarks scripts
	$(BIN)/mypy
	@# Rasa 3.6 in its own Python 3.10 env (installed once): a failed install fails the tests, and
	@# so does a missing Python 3.10 in CI; on a laptop without one the real-Rasa tests skip
	bash scripts/rasa_env.sh >/dev/null || { code=$$?; [ $$code -eq 3 ] && [ "$$CI" != "true" ]; }
	$(BIN)/python -m pytest -q

$(INSTALLED): pyproject.toml
	@$(PYTHON) -c 'import sys; sys.exit(sys.version_info < (3, 11))' || \
		{ echo "Python 3.11 or newer is needed (set PYTHON=/path/to/python3.11)"; exit 1; }
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[test]'
	touch $(INSTALLED)

# Browser tests drive Debian's Chromium through Playwright (Playwright cannot download browsers).
browser-deps:
	@bash scripts/ensure_chromium.sh
	@bash scripts/ensure_mail_servers.sh

lint: $(INSTALLED)
	$(BIN)/ruff check hotline tests benchmarks scripts
	$(BIN)/ruff format --check hotline tests benchmarks scripts

typecheck: $(INSTALLED)
	$(BIN)/mypy

eval: $(INSTALLED)
	$(BIN)/hotline nlu evaluate

bench: $(INSTALLED)
	$(BIN)/python benchmarks/rest_throughput.py
	$(BIN)/python benchmarks/nlu_latency.py

clean:
	rm -rf $(VENV) var .pytest_cache .mypy_cache .ruff_cache *.egg-info
