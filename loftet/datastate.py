"""What the database holds right now: its data version, or why there is nothing to show.

The data version names one state of the data (the newest load batch and when it was loaded);
every cached query result is keyed by it, so a load or a swapped database file is seen at once.
Within a web request it is read once and kept in `flask.g`; outside requests (scripts, tests,
background jobs) each call asks the database.

A `DATABASE_URL` pointing at a SQLite file that does not exist is reported as missing without
connecting, so the app never creates an empty database file.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from pathlib import Path

from flask import g, has_request_context
from sqlalchemy import make_url, text
from sqlalchemy.exc import SQLAlchemyError

from loftet.config import database_url

log = logging.getLogger(__name__)

OK, EMPTY, MISSING, UNREACHABLE = "ok", "tom", "mangler", "utilgjengelig"
LOAD_HINT = (
    "Last demodata med «python -m etl demo», eller ekte data med "
    "«python -m etl load <filer eller mappe>» (se README)."
)


@dataclass(frozen=True)
class DataState:
    """The database as the app sees it: `status` is OK, EMPTY, MISSING or UNREACHABLE."""

    status: str
    version: str = ""
    """Empty unless `status` is OK."""
    detail: str = ""

    @property
    def has_data(self) -> bool:
        return self.status == OK

    @property
    def message(self) -> str:
        """A plain Norwegian sentence for the user."""
        if self.status == OK:
            return "Data er lastet."
        if self.status == UNREACHABLE:
            return "Databasen svarer ikke akkurat nå. Prøv igjen om litt."
        return f"Ingen data er lastet ennå. {LOAD_HINT}"


def sqlite_file(url: str) -> Path | None:
    """The file of a SQLite URL; None for other databases and in-memory SQLite."""
    parsed = make_url(url)
    if not parsed.drivername.startswith("sqlite"):
        return None
    database = parsed.database or ""
    if database in ("", ":memory:") or database.startswith("file:"):
        return None
    return Path(database)


def read_state(url: str | None = None) -> DataState:
    """Ask the database (never creating a SQLite file) for its data version."""
    url = url or database_url()
    path = sqlite_file(url)
    if path is not None and not path.is_file():
        return DataState(MISSING, detail=f"{path} finnes ikke")
    from loftet.db import get_read_engine

    try:
        with get_read_engine(url).connect() as conn:
            row = conn.execute(text("SELECT MAX(batch_id), MAX(lastet) FROM lastebatch")).one()
    except SQLAlchemyError as exc:
        if _is_missing_table(exc):
            return DataState(EMPTY, detail="tabellene mangler")
        log.warning("database check failed: %s", exc)
        return DataState(UNREACHABLE, detail=str(exc).splitlines()[0])
    if row[0] is None:
        return DataState(EMPTY, detail="ingen lastinger")
    return DataState(OK, version=f"{row[0]}@{row[1]}")


def _is_missing_table(exc: SQLAlchemyError) -> bool:
    words = str(exc).lower()
    return "no such table" in words or "does not exist" in words or "undefinedtable" in words


def current_state() -> DataState:
    """`read_state()`, read once per web request."""
    if not has_request_context():
        return read_state()
    state = g.get("loftet_data_state")
    if state is None:
        state = read_state()
        g.loftet_data_state = state
    return state


def data_version() -> str:
    """The current data version ("" when there is no data)."""
    return current_state().version
