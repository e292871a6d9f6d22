#!/usr/bin/env bash
# The ETL, query, reconciliation, server and browser smoke tests again, on a throw-away
# PostgreSQL server (scripts/postgres.sh). Called by `make test` after the SQLite run.
set -euo pipefail
cd "$(dirname "$0")/.."
PY=${PY:-.venv/bin/python}
TESTS=(
  tests/integration/test_etl.py
  tests/integration/test_dekning_oversikt_queries.py
  tests/integration/test_dekning_queries.py
  tests/integration/test_kvalitet_queries.py
  tests/integration/test_budsjett_queries.py
  tests/integration/test_kompetanse_queries.py
  tests/integration/test_kommune_queries.py
  tests/integration/test_reconciliation.py
  tests/integration/test_server.py
  tests/integration/test_behov.py
  tests/integration/test_data_page.py
  tests/integration/test_om_page.py
  "tests/e2e/test_pages_e2e.py::test_page_renders_charts_without_errors"
)
dir=$(mktemp -d "${TMPDIR:-/tmp}/loftet-pg.XXXXXX")
trap 'bash scripts/postgres.sh stop "$dir"' EXIT
echo "==> PostgreSQL: starter en midlertidig server"
url=$(bash scripts/postgres.sh start "$dir")
echo "==> PostgreSQL: kjører ETL-, spørrings-, avstemmings-, server- og nettlesertester"
started=$(date +%s)
LOFTET_TEST_POSTGRES="$url" "$PY" -m pytest -q -n "${TEST_WORKERS:-2}" --dist loadfile "${TESTS[@]}"
echo "==> PostgreSQL: ferdig på $(( $(date +%s) - started )) s"
