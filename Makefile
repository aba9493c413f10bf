# Two set-up commands for a fresh machine (see README.md):
#   make week   installs, then runs the whole week on the embedded defaults
#   make test   installs with the test tools, then runs the tests
PYTHON ?= python3.11
VENV := .venv
BIN := $(VENV)/bin
EDITOR_EMAIL ?= editor@example.com

.PHONY: week test install install-dev chromium email-clients lint bench bench-web clean

$(BIN)/python:
	$(PYTHON) -m venv $(VENV) || python3 -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip

install: $(BIN)/python
	$(BIN)/pip install --quiet -e .

install-dev: $(BIN)/python
	$(BIN)/pip install --quiet -e '.[dev]'

chromium:
	@command -v chromium >/dev/null || { apt-get update -qq && apt-get install -y -qq chromium >/dev/null; }

week: install
	$(BIN)/verdicts week --subscribers verdicts/samples/subscribers.csv --approve-as $(EDITOR_EMAIL)

# doiuse-email (caniemail's data) for the client-support test, from the committed lock file.
EMAIL_CLIENTS := tests/emails/clients
email-clients:
	@test -d $(EMAIL_CLIENTS)/node_modules/doiuse-email || npm ci --prefix $(EMAIL_CLIENTS) --no-audit --no-fund --silent

test: install-dev chromium email-clients
	$(BIN)/ruff check .
	$(BIN)/python -m pytest -n 2

bench: install-dev
	$(BIN)/python bench/ingest.py
	$(BIN)/python bench/send.py

bench-web: install-dev
	@command -v wrk >/dev/null || { apt-get update -qq && apt-get install -y -qq wrk >/dev/null; }
	$(BIN)/python bench/web.py

clean:
	rm -rf var
