# The two commands a newcomer runs: `make serve` (the local workbench) and `make test`.
# Both install what they need: tox in a local virtual environment, and for the tests
# Debian's Chromium.

PYTHON ?= python3
TOOLS := .venv
TOX := $(TOOLS)/bin/tox
ARGS ?=

.PHONY: serve test lint tools chromium clean translations

serve: tools
	$(TOX) -e serve -- $(ARGS)

test: tools chromium
	$(TOX) -e lint,py312,py311,tutor,xapi

lint: tools
	$(TOX) -e lint

tools: $(TOX)

$(TOX):
	$(PYTHON) -m venv $(TOOLS)
	$(TOOLS)/bin/python -m pip install --quiet --upgrade pip
	$(TOOLS)/bin/python -m pip install --quiet 'tox>=4.11'

chromium:
	sh tests/browser/ensure-chromium.sh

# Refresh the gettext catalogues from the code, then list what is left to translate
# (docs/translations.md). ARGS=--check changes nothing. Needs only Babel and Django.
translations: tools
	$(TOOLS)/bin/python -m pip install --quiet 'babel>=2.14' 'Django>=4.2'
	PYTHONPATH=. $(TOOLS)/bin/python -m eip.i18n $(ARGS)

clean:
	rm -rf .tox $(TOOLS) build dist *.egg-info
