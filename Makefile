# cdsdesk — two commands do all the set-up: `make run` and `make test`.
PYTHON ?= python3
VENV   ?= .venv
PY     := $(VENV)/bin/python
PIP    := $(PY) -m pip
STAMP  := $(VENV)/.installed
TSTAMP := $(VENV)/.installed-test

# System libraries Qt needs headless, plus fonts with full Vietnamese coverage.
QT_DEBS := libgl1 libegl1 libxkbcommon0 libfontconfig1 libdbus-1-3 libglib2.0-0 fonts-liberation2 fonts-dejavu-core
# For screenshots under Xvfb and PDF checks.
X_DEBS  := xvfb xauth libxcb-icccm4 libxcb-keysyms1 libxcb-image0 libxcb-render-util0 libxcb-shape0 libxcb-cursor0 libxkbcommon-x11-0 poppler-utils

.PHONY: run test test-pg soak bench sysdeps sysdeps-x venv install install-test screenshots translations clean

sysdeps:
	@bash tools/sysdeps.sh $(QT_DEBS)

sysdeps-x:
	@bash tools/sysdeps.sh $(QT_DEBS) $(X_DEBS)

$(PY):
	$(PYTHON) -m venv $(VENV)
	$(PIP) install -q --upgrade pip

$(STAMP): pyproject.toml | $(PY)
	$(PIP) install -q -e .
	@touch $@

$(TSTAMP): pyproject.toml | $(PY)
	$(PIP) install -q -e '.[test]'
	@touch $@ $(STAMP)

install: sysdeps $(STAMP)
install-test: sysdeps $(TSTAMP)

run: install
	$(VENV)/bin/cdsdesk gui --demo-if-empty

# With CDSDESK_TEST_PG=postgresql+psycopg://… set (.ci/run starts a server and sets it), the
# storage, service and exchange suites run against PostgreSQL as well as SQLite.
test: install-test
	QT_QPA_PLATFORM=offscreen $(PY) -m pytest -q

# The same suites against a throwaway PostgreSQL server on loopback (needs Debian's postgresql).
test-pg: install-test
	@pg_env=$$(bash tools/pg_test_server.sh start) && eval "$$pg_env" && \
	  trap 'bash tools/pg_test_server.sh stop "$$CDSDESK_PG_DIR"' EXIT && \
	  QT_QPA_PLATFORM=offscreen $(PY) -m pytest -q tests/store tests/services tests/exchange tests/safety

# Larger counts: 1000 kills per journal mode, 1000 damaged files, the whole 30 s lock …
soak: install-test
	CDSDESK_SOAK=1 QT_QPA_PLATFORM=offscreen $(PY) -m pytest -q -m slow

bench: install-test
	$(PY) benchmarks/run.py

screenshots: sysdeps-x install
	bash tools/screenshots.sh

translations: install
	$(PY) tools/build_translations.py

clean:
	rm -rf $(VENV) build dist *.egg-info
