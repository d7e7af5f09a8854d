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

.PHONY: run test soak bench sysdeps sysdeps-x venv install install-test screenshots translations clean

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

test: install-test
	QT_QPA_PLATFORM=offscreen $(PY) -m pytest -q

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
