# The two commands a newcomer runs: `make serve` (the local workbench) and `make test`.
# Both install what they need: tox in a local virtual environment, and for the tests
# Debian's Chromium.

PYTHON ?= python3
TOOLS := .venv
TOX := $(TOOLS)/bin/tox
ARGS ?=

.PHONY: serve test lint tools chromium clean

serve: tools
	$(TOX) -e serve -- $(ARGS)

test: tools chromium
	$(TOX) -e lint,py312,py311

lint: tools
	$(TOX) -e lint

tools: $(TOX)

$(TOX):
	$(PYTHON) -m venv $(TOOLS)
	$(TOOLS)/bin/python -m pip install --quiet --upgrade pip
	$(TOOLS)/bin/python -m pip install --quiet 'tox>=4.11'

chromium:
	sh tests/browser/ensure-chromium.sh

clean:
	rm -rf .tox $(TOOLS) build dist *.egg-info
