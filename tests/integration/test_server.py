"""The app as a server: nothing at import, no data yet, /helse, security headers, limits,
malformed requests, strict URL numbers and the shared query cache."""

from __future__ import annotations

import json
import sqlite3
import subprocess
import sys
from pathlib import Path

import dash
import pytest

from loftet.datastate import EMPTY, MISSING, OK, read_state
from loftet.filters import parse_filters, parse_int
from loftet.presentation import parse_presentation
from tests.databases import new_database_url, sqlite_path

ROOT = Path(__file__).resolve().parents[2]

IMPORT_PROBE = """
import threading, sqlalchemy.engine.base as base
statements = []
original = base.Connection.execute
base.Connection.execute = lambda self, *a, **k: statements.append(a) or original(self, *a, **k)
import app
print(len(statements), threading.active_count())
"""


def test_import_runs_no_sql_starts_no_thread_and_creates_no_file(tmp_path: Path) -> None:
    missing = tmp_path / "finnes-ikke.sqlite"
    env = {
        "DATABASE_URL": f"sqlite:///{missing}",
        "PATH": "/usr/bin:/bin",
        "LOFTET_CACHE_DIR": str(tmp_path / "cache"),
    }
    done = subprocess.run(
        [sys.executable, "-c", IMPORT_PROBE],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        check=True,
    )
    assert done.stdout.split() == ["0", "1"]
    assert not missing.exists()


def test_missing_database_is_reported_and_never_created(client, tmp_path, monkeypatch) -> None:
    missing = tmp_path / "mangler" / "loftet.sqlite"
    monkeypatch.setenv("DATABASE_URL", f"sqlite:///{missing}")
    health = client.get("/helse")
    assert health.status_code == 503 and health.json["database"] == MISSING
    assert "python -m etl demo" in health.json["melding"]
    assert client.get("/").status_code == 200
    assert not missing.exists() and not missing.parent.exists()


def _page_text(server, path_module: str, **params: str) -> str:
    page = next(p for p in dash.page_registry.values() if p["module"] == path_module)
    with server.test_request_context("/"):
        return json.dumps(page["layout"](**params).to_plotly_json(), default=str)


def test_every_page_says_no_data_and_how_to_load_it(server, client, engine, monkeypatch) -> None:
    monkeypatch.setenv("DATABASE_URL", engine.url.render_as_string(hide_password=False))
    assert read_state().status == EMPTY
    assert client.get("/helse").json["database"] == EMPTY
    for page in dash.page_registry.values():
        if page["module"].endswith("not_found_404"):
            continue
        params = {"nummer": "4601"} if page.get("path_template") else {}
        text = _page_text(server, page["module"], **params)
        assert "Ingen data er lastet" in text and "python -m etl demo" in text, page["module"]


def test_health_and_pages_with_data(server, client, small_db: str) -> None:
    health = client.get("/helse")
    assert health.status_code == 200 and health.json["database"] == OK
    assert health.json["dataversjon"]
    assert "Ingen data er lastet" not in _page_text(server, "pages.oversikt")


def test_security_headers_and_no_server_version(client, small_db: str) -> None:
    response = client.get("/")
    policy = response.headers["Content-Security-Policy"]
    directives = dict(part.strip().split(" ", 1) for part in policy.split(";"))
    assert directives["frame-ancestors"] == "'none'"
    assert directives["script-src"].startswith("'self' 'sha256-")
    assert "unsafe-inline" not in directives["script-src"]
    assert "unsafe-eval" not in directives["script-src"]
    assert response.headers["X-Content-Type-Options"] == "nosniff"
    assert response.headers["Referrer-Policy"] == "same-origin"
    assert response.headers["Server"] == "loftet"


@pytest.mark.parametrize(
    "body",
    [
        "ikke json",
        "[]",
        json.dumps({"output": "finnes.ikke"}),
        json.dumps({"output": "oversikt-kpis.children", "inputs": "x", "outputs": {}}),
        json.dumps({"output": "oversikt-kpis.children", "inputs": [{"id": 1}], "outputs": {}}),
    ],
)
def test_malformed_callback_requests_get_400(client, small_db: str, body: str) -> None:
    response = client.post("/_dash-update-component", data=body, content_type="application/json")
    assert response.status_code == 400
    assert response.get_data(as_text=True).startswith("Ugyldig forespørsel")


def test_oversized_requests_get_413(client) -> None:
    response = client.post(
        "/_dash-update-component", data=b"x" * 2_000_000, content_type="application/json"
    )
    assert response.status_code == 413


@pytest.mark.parametrize(
    "raw", ["²", "①", "١٢", "2⁰24", "1e3", "20 25", "0x10", "", None, "9" * 10]
)
def test_url_numbers_take_ascii_digits_only(raw) -> None:
    assert parse_int(raw) is None


def test_url_numbers_parse_plain_digits() -> None:
    assert [parse_int(v) for v in ("2025", " 7 ", "-1", 12)] == [2025, 7, -1, 12]


def test_unicode_digits_in_the_url_give_notices_not_errors() -> None:
    parsed = parse_filters({"aar": "²", "fra": "①", "struktur": "²⁰²⁰"})
    assert (parsed.filters.aar, parsed.filters.fra, parsed.filters.struktur) == (2026, 2020, 2024)
    assert len(parsed.notices) == 3 and "«aar=²»" in " ".join(parsed.notices)
    presentation = parse_presentation({"slide": "²", "auto": "①"})
    assert presentation.slide == 1 and presentation.auto is None
    assert any("slide=²" in n for n in presentation.notices)


def _load_budget(engine, amount: int, loaded: str) -> None:
    """A budget row and a load batch: a new data version, as a real load makes."""
    from datetime import datetime

    from loftet.db import bevilgning, lastebatch

    with engine.begin() as conn:
        conn.execute(bevilgning.delete())
        conn.execute(bevilgning.insert(), {"aar": 2021, "belop_kr": amount, "kilde": "test"})
        conn.execute(
            lastebatch.insert(),
            {
                "fil": "test",
                "filtype": "bevilgning",
                "sha256": loaded,
                "rader_avvist": 0,
                "lastet": datetime.fromisoformat(loaded),
                "rader_godtatt": 1,
            },
        )


def test_query_cache_is_shared_keyed_by_data_version_and_read_once_per_request(
    server, engine, monkeypatch
) -> None:
    from loftet import cache
    from loftet.queries import base

    monkeypatch.setenv("DATABASE_URL", engine.url.render_as_string(hide_password=False))
    _load_budget(engine, 100, "2030-01-01T00:00:00")
    runs = []
    run = base._run

    def counted(sql, params):
        runs.append(sql)
        return run(sql, params)

    monkeypatch.setattr(base, "_run", counted)
    query = "SELECT SUM(belop_kr) AS kr FROM bevilgning"
    assert int(base.read_frame(query).kr.iloc[0]) == 100
    cache._standalone.cache_clear()  # a new process: nothing in memory, the files remain
    assert int(base.read_frame(query).kr.iloc[0]) == 100 and len(runs) == 1

    with server.test_request_context("/"):
        assert int(base.read_frame(query).kr.iloc[0]) == 100
        _load_budget(engine, 200, "2030-01-02T00:00:00")
        assert int(base.read_frame(query).kr.iloc[0]) == 100, "one data version per request"
    assert int(base.read_frame(query).kr.iloc[0]) == 200 and len(runs) == 2


def test_a_new_release_never_reads_the_cache_of_the_old_one(engine, monkeypatch) -> None:
    """Cached frames and finished figures are keyed on the code too: after an upgrade on the
    same data, the old release's entries are not served."""
    from loftet import cache

    monkeypatch.setenv("DATABASE_URL", engine.url.render_as_string(hide_password=False))
    _load_budget(engine, 100, "2030-01-01T00:00:00")
    query = "SELECT SUM(belop_kr) AS kr FROM bevilgning"
    monkeypatch.setattr(cache, "code_version", lambda: "old-release")
    old_key = cache.key_for("frame", query)
    cache.cached(old_key, lambda: "built by the old release")
    monkeypatch.setattr(cache, "code_version", lambda: "new-release")
    assert cache.key_for("frame", query) != old_key
    assert cache.cached(cache.key_for("frame", query), lambda: "built now") == "built now"


def test_code_version_hashes_the_package_source() -> None:
    from loftet.cache import code_version

    version = code_version()
    assert len(version) == 16 and int(version, 16) >= 0
    assert code_version() == version


def test_a_database_without_tables_is_empty_not_an_error(tmp_path: Path) -> None:
    url = new_database_url(tmp_path, "uten_tabeller")
    if url.startswith("sqlite"):
        sqlite3.connect(sqlite_path(url)).close()
    state = read_state(url)
    assert state.status == EMPTY and not state.has_data and "python -m etl" in state.message


def test_cache_backend_follows_the_environment(tmp_path: Path, monkeypatch) -> None:
    from loftet.cache import cache_config

    monkeypatch.delenv("REDIS_URL", raising=False)
    monkeypatch.setenv("LOFTET_CACHE_DIR", str(tmp_path))
    config = cache_config()
    assert config["CACHE_TYPE"] == "FileSystemCache"
    assert config["CACHE_DIR"] == str(tmp_path / "queries")
    monkeypatch.setenv("REDIS_URL", "redis://127.0.0.1:6379/0")
    config = cache_config()
    assert config["CACHE_TYPE"] == "RedisCache"
    assert config["CACHE_REDIS_URL"] == "redis://127.0.0.1:6379/0"
