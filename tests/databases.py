"""Test databases: SQLite files by default; with `LOFTET_TEST_POSTGRES` set to a server URL
(`scripts/postgres.sh start` prints one), a fresh PostgreSQL database per call instead.

`make test` runs the whole suite on SQLite, then the ETL, query, reconciliation and browser
smoke tests again on a throw-away PostgreSQL server.
"""

from __future__ import annotations

import os
import uuid
from pathlib import Path

from sqlalchemy import create_engine, make_url, text

POSTGRES_ENV = "LOFTET_TEST_POSTGRES"


def postgres_server() -> str | None:
    """The PostgreSQL server URL the tests should use, or None for SQLite."""
    return os.environ.get(POSTGRES_ENV) or None


def new_database_url(folder: Path, name: str) -> str:
    """The URL of a new, empty database called after `name`."""
    server = postgres_server()
    if server is None:
        return f"sqlite:///{folder / f'{name}.sqlite'}"
    database = f"{name}_{uuid.uuid4().hex[:10]}".lower()
    admin = create_engine(server, isolation_level="AUTOCOMMIT")
    with admin.connect() as conn:
        conn.execute(text(f'CREATE DATABASE "{database}"'))
    admin.dispose()
    return make_url(server).set(database=database).render_as_string(hide_password=False)


def sqlite_path(url: str) -> str:
    """The file of a SQLite test database URL."""
    return url.removeprefix("sqlite:///")
