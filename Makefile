# Løftet-monitor: `make run` sets everything up and serves the dashboard on demo data;
# `make test` runs the whole test suite.
PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
DB := data/loftet.sqlite
HOST ?= 127.0.0.1
PORT ?= 8050
WORKERS ?= 2
TEST_WORKERS ?= 2

.PHONY: run serve warm test setup system node venv lock data demo bench loadtest lint clean

run: setup data
	@echo "==> Starter utviklingsserveren på http://$(HOST):$(PORT) (Ctrl+C stopper)"
	HOST=$(HOST) PORT=$(PORT) $(PY) app.py

serve: setup data
	@echo "==> Starter produksjonsserveren (gunicorn, $(WORKERS) prosesser) på http://$(HOST):$(PORT)"
	HOST=$(HOST) PORT=$(PORT) WEB_CONCURRENCY=$(WORKERS) $(VENV)/bin/gunicorn -c gunicorn.conf.py app:server

warm: venv
	$(PY) -m loftet.warm

test: setup lint
	@echo "==> Hele testsuiten på SQLite ($(TEST_WORKERS) prosesser)"
	$(PY) -m pytest -q -n $(TEST_WORKERS) --dist loadfile
	PY=$(PY) TEST_WORKERS=$(TEST_WORKERS) bash scripts/test_postgres.sh

setup: system venv node

system:
	@echo "==> Sjekker systempakker (chromium, chromium-driver)"
	bash scripts/install_system_packages.sh

node:
	bash scripts/install_node_packages.sh

venv: $(VENV)/.installed

$(VENV)/.installed: requirements.lock requirements-nodeps.lock
	@echo "==> Installerer låste versjoner (requirements.lock, sjekket mot hash) i $(VENV)"
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install -q --require-hashes -r requirements.lock
	$(PY) -m pip install -q --require-hashes --no-deps -r requirements-nodeps.lock
	touch $@

lock:
	@echo "==> Løser avhengighetene i pyproject.toml på nytt til requirements.lock"
	$(PY) -m piptools compile --quiet --generate-hashes --allow-unsafe --extra dev \
		--strip-extras --no-emit-index-url --no-emit-find-links \
		--output-file requirements.lock pyproject.toml

data: $(DB)

$(DB):
	@echo "==> Ingen database ennå: bygger demodata (1–3 minutter)"
	$(PY) -m etl demo

demo: venv
	@echo "==> Bygger demodata i en ny fil og bytter den inn (trygt mens appen kjører)"
	rm -f data/demo-ny.sqlite data/demo-ny.sqlite-wal data/demo-ny.sqlite-shm
	DATABASE_URL=sqlite:///data/demo-ny.sqlite $(PY) -m etl demo
	DATABASE_URL=sqlite:///$(DB) $(PY) -m etl replace data/demo-ny.sqlite
	rm -f data/demo-ny.sqlite data/demo-ny.sqlite-wal data/demo-ny.sqlite-shm

bench: setup data
	$(PY) bench/etl_bench.py
	$(PY) bench/app_bench.py
	$(PY) bench/export_bench.py
	$(PY) bench/browser_bench.py

loadtest: setup data
	@echo "==> Lasttest: 30 brukere i 60 s mot produksjonsserveren (gunicorn, $(WORKERS) prosesser)"
	$(PY) bench/load_test.py --workers $(WORKERS)

lint: venv
	@echo "==> Lint: ruff check, ruff format --check, mypy"
	$(PY) -m ruff check .
	$(PY) -m ruff format --check .
	$(PY) -m mypy

clean:
	rm -rf $(VENV) .node data/geo data/demo $(DB) $(DB)-wal $(DB)-shm
