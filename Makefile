# The site's commands. `make help` lists them. Every target sets up what it needs itself:
# a Python virtual environment in .venv with the pinned packages and, for the tests, Debian's
# Chromium, a CJK font and a Java runtime (for the HTML checker), and axe-core and vnu-jar (the
# W3C Nu Html Checker) and lighthouse (for `make bench`) from npm (pinned in package-lock.json,
# into node_modules/).

PYTHON ?= python3
VENV ?= .venv
PY := $(VENV)/bin/python
INSTALLED := $(VENV)/.installed
NODE_INSTALLED := node_modules/.installed
CHROMIUM ?= /usr/bin/chromium
export NO_MKDOCS_2_WARNING := 1
# Python keeps the generator's compiled modules (scripts/__pycache__/, ignored by git), as it does
# by default: containers often turn that off, and then every build compiles scripts/ again.
unexport PYTHONDONTWRITEBYTECODE

.DEFAULT_GOAL := help
.PHONY: help serve build test bench check draft browser font java node clean
# apt-get needs root: as root (this machine, containers) call it directly, else through sudo (CI runners).
SUDO := $(shell [ "$$(id -u)" = 0 ] || echo sudo)

help: ## List the commands
	@grep -E '^[a-z]+:.*## ' $(MAKEFILE_LIST) | awk -F ':.*## ' '{printf "  make %-8s %s\n", $$1, $$2}'

serve: $(INSTALLED) font ## Serve the site at http://127.0.0.1:8000/ with live reload
	$(PY) -m scripts.tools.serve --dev-addr 127.0.0.1:8000

build: $(INSTALLED) font ## Build the site into site/ (the previous site stays if the build fails)
	$(PY) -m scripts.build

# Two workers (pytest-xdist), a test file each at a time, so a file's module fixtures are built once.
test: $(INSTALLED) browser java $(NODE_INSTALLED) ## Run every test (builds the real site, drives Chromium)
	$(PY) -m pytest -n 2 --dist loadfile

bench: $(INSTALLED) browser $(NODE_INSTALLED) ## Measure builds, reloads, first-visit bytes and Lighthouse against bare MkDocs
	$(PY) -m scripts.tools.bench

check: $(INSTALLED) ## Validate data/ without building
	$(PY) -m scripts.build.generate --check

draft: $(INSTALLED) ## Draft the data of a new speech for review: make draft SEED=seeds/<file>.txt (writes drafts/<file>/)
	@test -n "$(SEED)" || { echo "Name the speech's text: make draft SEED=seeds/<file>.txt"; exit 2; }
	$(PY) -m scripts.tools.draft "$(SEED)"

browser: ## Install Debian's Chromium and a CJK font if missing (for the browser tests)
	@if [ ! -x "$(CHROMIUM)" ] || ! fc-list 2>/dev/null | grep -qi 'wenquanyi\|noto sans cjk'; then \
		echo "Installing chromium and fonts-wqy-microhei with apt-get"; \
		$(SUDO) apt-get update -qq && $(SUDO) env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium fonts-wqy-microhei >/dev/null; \
	fi

font: ## Install a font that covers Chinese if missing (the build draws each page's link-preview card with it)
	@if ! fc-list :lang=zh 2>/dev/null | grep -q .; then \
		echo "Installing fonts-wqy-microhei with apt-get"; \
		$(SUDO) apt-get update -qq && $(SUDO) env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq fontconfig fonts-wqy-microhei >/dev/null; \
	fi

# Before npm ci: vnu-jar's install script downloads a Java runtime when none is on PATH.
# mkdir: Debian's slim images lack man1, where the JRE's post-install script links its man pages.
java: ## Install Debian's Java runtime if missing (for the HTML checker, vnu.jar)
	@if ! command -v java >/dev/null; then \
		echo "Installing default-jre-headless with apt-get"; \
		$(SUDO) mkdir -p /usr/share/man/man1; \
		$(SUDO) apt-get update -qq && $(SUDO) env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq default-jre-headless >/dev/null; \
	fi

node: $(NODE_INSTALLED) ## Install axe-core, vnu-jar and lighthouse (the checkers of the tests and the benchmark) from package-lock.json

clean: ## Remove the virtual environment, node_modules, the built site, generated pages, caches and screenshots
	rm -rf $(VENV) node_modules site drafts docs/*.md docs/downloads docs/cards docs/fonts docs/.generated.json .cache screenshots

$(INSTALLED): requirements.txt constraints.txt
	@echo "Installing the pinned Python packages into $(VENV) (first run, or after requirements change: about a minute)..."
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --disable-pip-version-check -r requirements.txt -c constraints.txt
	@touch $@ && echo "Python packages installed."

# npm ci installs exactly what package-lock.json pins, and only when package.json or the lock
# file changed since the last install.
$(NODE_INSTALLED): package.json package-lock.json
	@command -v npm >/dev/null || { echo "Installing npm with apt-get"; \
		$(SUDO) apt-get update -qq && $(SUDO) env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq npm >/dev/null; }
	npm ci --no-audit --no-fund
	touch $@
