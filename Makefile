# Two commands do everything on a fresh machine: `make run` and `make test`.
# Both install into .venv from the hash-pinned locks (requirements.lock for running,
# requirements-dev.lock for testing too), so every machine gets exactly the packages CI tested.
# The locks are made from pyproject.toml by `make lock`.
PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
RUNTIME := $(VENV)/.runtime-installed
DEV := $(VENV)/.dev-installed
# uv resolves the locks; it lives in its own venv and is not needed to install from them.
TOOLS := .venv-tools
UV := $(TOOLS)/bin/uv
UV_VERSION := 0.13.9
# One lock for every platform and Python >= 3.11, one version of each package (the one that
# also runs on 3.11, which CI uses), with each file's hash so pip refuses anything else.
LOCK_FLAGS := --universal --fork-strategy fewest --python-version 3.11 --generate-hashes \
	--quiet --custom-compile-command "make lock"

.PHONY: run test lint demo bench clean chromium lock

$(PY):
	$(PYTHON) -m venv $(VENV)

$(RUNTIME): requirements.lock | $(PY)
	$(PY) -m pip install --quiet --require-hashes -r requirements.lock
	touch $@

# requirements-dev.lock holds requirements.lock's pins and the dev group on top, so it installs both.
$(DEV): requirements.lock requirements-dev.lock | $(PY)
	$(PY) -m pip install --quiet --require-hashes -r requirements-dev.lock
	touch $(RUNTIME) $@

## run: install, build the demo database if it is missing, start the dashboard
# Chromium draws the PDF brief's charts; without it (no root) the dashboard runs and says so there.
run: $(RUNTIME)
	@bash scripts/ensure-chromium || echo "Chromium is missing: the PDF brief on Eksport cannot draw its charts." >&2
	$(PY) -m loaders demo
	$(PY) -m streamlit run dashboard.py

## test: install everything, lint, then (with Chromium for the browser tests) run the whole suite
# --dist load deals the tests out in turn, so the browser tests, collected first and the
# slowest, run on both workers from the start; each worker starts its own Streamlit server and
# Chromium for them (tests/browser/conftest.py). Kept in one worker they would take longer
# than the rest of the suite on the other. (loadgroup's xdist_group marks are ignored with pytest 9.2.)
test: lint chromium
	$(PY) -m pytest -q -n 2 --dist load

## lint: ruff's rules, ruff's formatting and mypy, all three reported, with pyproject.toml's settings
lint: $(DEV)
	@status=0; \
	echo "ruff check ."; $(PY) -m ruff check . || status=1; \
	echo "ruff format --check ."; $(PY) -m ruff format --check . || status=1; \
	echo "mypy"; $(PY) -m mypy || status=1; \
	exit $$status

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
	$(PY) bench/bench_load.py

## lock: after a pin changes in pyproject.toml, regenerate both locks (needs the package index)
# Kept transitive pins stay unless a change needs them moved; delete a lock to refresh them all.
# The dev lock is constrained by the runtime lock, so the packages both hold have the same pins.
lock: $(UV)
	$(UV) pip compile pyproject.toml $(LOCK_FLAGS) -o requirements.lock
	$(UV) pip compile pyproject.toml --group dev -c requirements.lock $(LOCK_FLAGS) -o requirements-dev.lock

$(UV):
	$(PYTHON) -m venv $(TOOLS)
	$(TOOLS)/bin/pip install --quiet uv==$(UV_VERSION)

clean:
	rm -rf $(VENV) $(TOOLS) .pytest_cache .mypy_cache .ruff_cache
