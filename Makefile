# Two commands do all set-up on a fresh machine: `make run` and `make test`.
# Prefer CPython 3.12: on 3.11, PySide6 6.12 leaks references to None/True and can abort
# (msp_desktop/ui/pyside_fix.py guards against it). Fall back to python3 (>= 3.11).
PY ?= $(shell for p in python3.12 $(wildcard $(HOME)/.pyenv/versions/3.12*/bin/python3.12) \
        python3; do if $$p -c 'import sys; sys.exit(sys.version_info < (3, 11))' \
        >/dev/null 2>&1; then echo $$p; break; fi; done)
PYVER := $(shell $(PY) -c 'import sys; print("%d.%d" % sys.version_info[:2])')
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed-$(PYVER)

.PHONY: run test lint bench screenshots translations clean

$(STAMP): requirements.txt requirements-dev.txt pyproject.toml
	@if [ -x $(BIN)/python ] && [ "$$($(BIN)/python -c 'import sys; print("%d.%d" % sys.version_info[:2])')" != "$(PYVER)" ]; then \
		echo "Recreating $(VENV) for Python $(PYVER)"; rm -rf $(VENV); fi
	test -x $(BIN)/python || $(PY) -m venv $(VENV)
	$(BIN)/pip install -q --upgrade pip
	$(BIN)/pip install -q -r requirements.txt -r requirements-dev.txt
	$(BIN)/pip install -q --no-deps -e .
	touch $(STAMP)

run: $(STAMP)
	$(BIN)/msp-desktop $(ARGS)

lint: $(STAMP)
	$(BIN)/ruff check msp_desktop tests bench packaging
	$(BIN)/lint-imports --no-cache --no-logo
	$(BIN)/mypy

test: lint
	QT_QPA_PLATFORM=offscreen $(BIN)/python -m pytest -q $(PYTEST_ARGS)

bench: $(STAMP)
	QT_QPA_PLATFORM=offscreen $(BIN)/python bench/run_all.py $(ARGS)

screenshots: $(STAMP)
	QT_QPA_PLATFORM=offscreen $(BIN)/python -m msp_desktop.ui.screenshots docs/screenshots

# Refresh the Welsh translation template (UI strings and the domain labels shown in forms).
translations: $(STAMP)
	$(BIN)/python -m msp_desktop.ui.domain_catalog
	$(BIN)/pyside6-lupdate $$(find msp_desktop/ui msp_desktop/app.py -name '*.py') \
		-ts resources/translations/msp_desktop_cy.ts

clean:
	rm -rf $(VENV) build *.egg-info
