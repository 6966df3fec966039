# citydip: `make demo` and `make test` are all a new user needs.
PYTHON ?= python3.11
VENV   ?= .venv
PY      = $(VENV)/bin/python
PIP     = $(VENV)/bin/pip
NPM_STATIC = src/citydip/mapping/static/vendor
PYTEST_ARGS ?=

.PHONY: demo test install install-test browsers bench lint docs clean

$(VENV)/.installed: pyproject.toml
	test -x $(PY) || $(PYTHON) -m venv $(VENV) || python3 -m venv $(VENV)
	$(PIP) install -q --upgrade pip
	$(PIP) install -q -e .
	touch $@

$(VENV)/.installed-test: $(VENV)/.installed
	$(PIP) install -q -e '.[test]'
	touch $@

install: $(VENV)/.installed

install-test: $(VENV)/.installed-test

demo: install
	$(VENV)/bin/citydip demo

# Browser tests need Chromium from Debian; installed when missing and possible (CI runs as root).
browsers:
	@command -v chromium >/dev/null 2>&1 || { [ "$$(id -u)" = 0 ] && (apt-get update -qq && apt-get install -y -qq chromium >/dev/null) || echo "chromium missing: browser tests will be skipped"; }

test: install-test browsers
	$(VENV)/bin/pytest -n 2 --dist loadgroup $(PYTEST_ARGS)

bench: install-test
	$(PY) bench/frame_build.py

clean:
	rm -rf $(VENV) citydip.sqlite3* staticfiles
