# citydip: `make demo` and `make test` are all a new user needs.
PYTHON ?= python3.11
VENV   ?= .venv
PY      = $(VENV)/bin/python
PIP     = $(VENV)/bin/pip
NPM_STATIC = src/citydip/mapping/static/vendor
PYTEST_ARGS ?=

.PHONY: demo test install install-test browsers bench lint cli-docs messages docs clean

# The package is byte-compiled as pip compiles a regular install: an editable install leaves it to each
# command, which compiles it again every time where PYTHONDONTWRITEBYTECODE is set (0.1-0.3 s a command).
$(VENV)/.installed: pyproject.toml
	test -x $(PY) || $(PYTHON) -m venv $(VENV) || python3 -m venv $(VENV)
	$(PIP) install -q --upgrade pip
	$(PIP) install -q -e .
	$(PY) -m compileall -q src/citydip
	touch $@

$(VENV)/.installed-test: $(VENV)/.installed
	$(PIP) install -q -e '.[test]'
	touch $@

install: $(VENV)/.installed

install-test: $(VENV)/.installed-test

demo: install
	$(VENV)/bin/citydip demo

# Tests use real programs from Debian: Chromium (browser tests), GNU PSPP (reads the .sav exports),
# gettext (message catalogues), poppler (PDF pages), a CJK font (Chinese names in PDFs), Node (the
# survey's expressions.js against the Python evaluator: required, the parity tests fail without it).
# Installed when missing and possible (CI runs as root).
SYSTEM_PROGRAMS = node:nodejs chromium:chromium pspp:pspp msgfmt:gettext pdftoppm:poppler-utils /usr/share/fonts/truetype/wqy/wqy-zenhei.ttc:fonts-wqy-zenhei
browsers:
	@missing=""; for pair in $(SYSTEM_PROGRAMS); do { command -v $${pair%%:*} || test -e $${pair%%:*}; } >/dev/null 2>&1 || missing="$$missing $${pair##*:}"; done; \
	if [ -n "$$missing" ]; then \
	  if [ "$$(id -u)" = 0 ]; then apt-get update -qq && apt-get install -y -qq $$missing >/dev/null; \
	  else echo "missing:$$missing (tests that need them are skipped)"; fi; fi

# The gazetteer and partnership tests share one gazetteer built per session (it takes a while), kept
# in the test database: they run in a pytest process of their own so no other test sees it.
GAZETTEER_TESTS = tests/gazetteer tests/partnerships
test: install-test browsers
	$(VENV)/bin/pytest -n 2 --durations=15 $(addprefix --ignore=,$(GAZETTEER_TESTS)) $(PYTEST_ARGS)
	$(VENV)/bin/pytest --durations=5 $(GAZETTEER_TESTS) $(PYTEST_ARGS)

# ruff, the layers of ARCHITECTURE.md (import-linter), no missing migration, generated docs up to date.
# makemigrations --check reads no database file: an in-memory SQLite stands in.
GENERATED_DOCS = docs/cli.md docs/errors.md
lint: install-test
	$(VENV)/bin/ruff check src tests bench
	$(VENV)/bin/lint-imports
	DATABASE_URL=sqlite://:memory: DJANGO_SETTINGS_MODULE=citydip.settings $(PY) -m django makemigrations --check --dry-run
	$(VENV)/bin/cog --check $(GENERATED_DOCS)

# docs/cli.md is generated from the commands' parsers: run this after adding or changing a command.
cli-docs: install-test
	$(VENV)/bin/cog -r $(GENERATED_DOCS)

# The researchers' pages in Polish (core/staff_language.py): after adding or changing strings, update the
# catalogues, translate the new entries (tests/core/test_staff_catalogue.py lists them), compile.
messages: install-test
	cd src/citydip && DJANGO_SETTINGS_MODULE=citydip.settings ../../$(PY) -m django makemessages -l pl --no-location --no-obsolete
	cd src/citydip && DJANGO_SETTINGS_MODULE=citydip.settings ../../$(PY) -m django compilemessages -l pl

bench: install-test
	$(PY) bench/frame_build.py

clean:
	rm -rf $(VENV) citydip.sqlite3* staticfiles
