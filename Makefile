# Two commands do everything on a fresh machine: `make run` and `make test`.
PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
RUNTIME := $(VENV)/.runtime-installed
DEV := $(VENV)/.dev-installed

.PHONY: run test demo bench clean chromium

$(PY):
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip

$(RUNTIME): requirements.txt | $(PY)
	$(PY) -m pip install --quiet -r requirements.txt
	touch $@

$(DEV): requirements.txt requirements-dev.txt | $(PY)
	$(PY) -m pip install --quiet -r requirements-dev.txt
	touch $(RUNTIME) $@

## run: install, build the demo database if it is missing, start the dashboard
# Chromium draws the PDF brief's charts; without it (no root) the dashboard runs and says so there.
run: $(RUNTIME)
	@bash scripts/ensure-chromium || echo "Chromium is missing: the PDF brief on Eksport cannot draw its charts." >&2
	$(PY) -m loaders demo
	$(PY) -m streamlit run dashboard.py

## test: install everything (Chromium for the browser tests too) and run the whole suite
# loadgroup keeps the browser tests (xdist_group "browser") in one worker, so they share one server.
test: $(DEV) chromium
	$(PY) -m pytest -q -n 2 --dist loadgroup

## chromium: Debian's Chromium for the browser tests, installed only if missing
chromium:
	bash scripts/ensure-chromium

## demo: rebuild the demo database from scratch
demo: $(RUNTIME)
	$(PY) -m loaders demo --force

## bench: the benchmarks whose figures are in the README
bench: $(DEV)
	$(PY) bench/bench_status_load.py
	$(PY) bench/bench_pages.py
	$(PY) bench/bench_report.py

clean:
	rm -rf $(VENV) .pytest_cache
