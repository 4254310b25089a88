# The site's commands. `make help` lists them. Every target sets up what it needs itself:
# a Python virtual environment in .venv with the pinned packages and, for the tests, Debian's
# Chromium and a CJK font.

PYTHON ?= python3
VENV ?= .venv
PY := $(VENV)/bin/python
INSTALLED := $(VENV)/.installed
CHROMIUM ?= /usr/bin/chromium
export NO_MKDOCS_2_WARNING := 1

.DEFAULT_GOAL := help
.PHONY: help serve build test bench check browser clean

help: ## List the commands
	@grep -E '^[a-z]+:.*## ' $(MAKEFILE_LIST) | awk -F ':.*## ' '{printf "  make %-8s %s\n", $$1, $$2}'

serve: $(INSTALLED) ## Serve the site at http://127.0.0.1:8000/ with live reload
	$(PY) -m mkdocs serve --dev-addr 127.0.0.1:8000

build: $(INSTALLED) ## Build the site into site/ (the previous site stays if the build fails)
	$(PY) -m scripts.build

test: $(INSTALLED) browser ## Run every test (builds the real site, drives Chromium)
	$(PY) -m pytest

bench: $(INSTALLED) ## Measure build time and peak memory (median of 5 runs)
	$(PY) -m scripts.bench

check: $(INSTALLED) ## Validate data/ without building
	$(PY) -m scripts.generate --check

browser: ## Install Debian's Chromium and a CJK font if missing (for the browser tests)
	@if [ ! -x "$(CHROMIUM)" ] || ! fc-list 2>/dev/null | grep -qi 'wenquanyi\|noto sans cjk'; then \
		echo "Installing chromium and fonts-wqy-microhei with apt-get"; \
		apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium fonts-wqy-microhei >/dev/null; \
	fi

clean: ## Remove the virtual environment, the built site and generated pages
	rm -rf $(VENV) site docs/*.md

$(INSTALLED): requirements.txt constraints.txt
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --disable-pip-version-check -r requirements.txt -c constraints.txt
	touch $@
