"""Writing rows: portable upserts through the DB-API's executemany."""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from sqlalchemy import Connection

_PLACEHOLDER = {"qmark": "?", "format": "%s", "pyformat": "%s", "numeric": "?"}


def upsert_statement(
    conn: Connection, table: str, columns: Sequence[str], key: Sequence[str]
) -> str:
    """`INSERT … ON CONFLICT (key) DO UPDATE` — the same SQL in SQLite and PostgreSQL."""
    mark = _PLACEHOLDER[conn.dialect.paramstyle]
    values = ", ".join([mark] * len(columns))
    updates = [c for c in columns if c not in key]
    action = (
        "DO UPDATE SET " + ", ".join(f"{c} = excluded.{c}" for c in updates)
        if updates
        else "DO NOTHING"
    )
    return (
        f"INSERT INTO {table} ({', '.join(columns)}) VALUES ({values}) "
        f"ON CONFLICT ({', '.join(key)}) {action}"
    )


def upsert_rows(
    conn: Connection, table: str, columns: Sequence[str], key: Sequence[str], rows: Iterable[tuple]
) -> None:
    """Insert or update `rows` (tuples in `columns` order) in one executemany."""
    rows = list(rows)
    if rows:
        conn.exec_driver_sql(upsert_statement(conn, table, columns, key), rows)
