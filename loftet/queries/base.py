"""Running queries: one lazily created engine per database, results in the shared cache
(`loftet.cache`) keyed by SQL, parameters, database and data version (the latest load), so a
new load invalidates every cached frame in every worker at once."""

from __future__ import annotations

from collections.abc import Callable
from functools import wraps

import pandas as pd
from sqlalchemy import Column, ColumnElement, Select, TextClause, text, type_coerce
from sqlalchemy.types import NullType

from loftet import cache
from loftet.datastate import data_version
from loftet.db import get_read_engine, kommune

QUERIES, SHARED = "queries", "shared"
"""Cache namespaces: per-view query results, and the few shared summaries."""

__all__ = ["cached_frame", "clear_cache", "data_version", "read_frame", "read_shared_frame"]


def _run(statement: Select | TextClause, params: dict) -> pd.DataFrame:
    with get_read_engine().connect() as conn:
        return pd.read_sql_query(statement, conn, params=params or None)


def read_frame(query: Select | str, **params: object) -> pd.DataFrame:
    """Run `query` (Core select or SQL text with :named parameters) and return a fresh copy.
    Results are cached until the next load (data version) or `clear_cache()`."""
    return _read(QUERIES, query, params)


def read_shared_frame(query: Select | str) -> pd.DataFrame:
    """Like `read_frame`, for the few shared summaries: a namespace of its own that
    `clear_cache()` keeps (a new load still invalidates it), so benchmarks can tell the
    once-per-load cost from the per-request cost."""
    return _read(SHARED, query, {})


def _read(namespace: str, query: Select | str, params: dict) -> pd.DataFrame:
    statement: Select | TextClause
    if not isinstance(query, str):
        # A Core statement carries its own parameters; the key is its SQL in the engine's
        # dialect plus their values.
        compiled = query.compile(get_read_engine())
        sql, statement, run_params = str(compiled), query, {}
        key_params = {**compiled.params, **params}
    else:
        sql, statement, run_params, key_params = query, text(query), params, params
    key = tuple(sorted((k, tuple(v) if isinstance(v, list) else v) for k, v in key_params.items()))
    cache_key = cache.key_for(namespace, _generation(namespace), sql, key)
    return cache.cached(cache_key, lambda: _run(statement, run_params)).copy()


def cached_frame(function: Callable[..., pd.DataFrame]) -> Callable[..., pd.DataFrame]:
    """Cache a DataFrame-returning query function by its (picklable) arguments and the data
    version; callers get a copy. `clear_cache()` forgets it."""
    name = f"{function.__module__}.{function.__qualname__}"

    @wraps(function)
    def wrapper(*args: object, **kwargs: object) -> pd.DataFrame:
        key = cache.key_for(
            QUERIES, _generation(QUERIES), name, args, tuple(sorted(kwargs.items()))
        )
        return cache.cached(key, lambda: function(*args, **kwargs)).copy()

    return wrapper


def _generation(namespace: str) -> int:
    """A counter `clear_cache` raises to make a namespace's entries unreachable."""
    key = f"generation:{namespace}"
    return cache.per_request(key, lambda: int(cache.backend().get(key) or 0))


def clear_cache(*, shared: bool = False) -> None:
    """Forget cached query results; with `shared=True` also the shared summaries."""
    for namespace in (QUERIES, SHARED) if shared else (QUERIES,):
        store = cache.backend()
        store.set(f"generation:{namespace}", _generation(namespace) + 1, timeout=0)


def municipality_key(struktur: int) -> tuple[str, str, str]:
    """Names of the (municipality number, municipality name, county number) columns of
    `kommune` for a structure (also the DataFrame columns of `reference.municipalities()`)."""
    if struktur == 2020:
        return "kommunenummer_2020", "navn_2020", "fylkesnummer_2020"
    return "kommunenummer", "navn", "fylkesnummer"


def municipality_columns(struktur: int) -> tuple[Column, Column, Column]:
    """The `kommune` columns of `municipality_key(struktur)`."""
    return tuple(kommune.c[name] for name in municipality_key(struktur))  # type: ignore[return-value]


def county_column(struktur: int) -> Column:
    """The `kommune` column holding the county number in `struktur`."""
    return municipality_columns(struktur)[2]


def as_stored(column: ColumnElement, name: str | None = None) -> ColumnElement:
    """`column` as the database driver returns it, labelled `name` (default: its own name).

    Core would turn a `DateTime` column stored as text by SQLite into `datetime` objects; the
    pages and exports expect what the driver gives (text on SQLite, timestamps on PostgreSQL).
    """
    return type_coerce(column, NullType()).label(name or column.name)


def where_equal(query: Select, column: Column, value: object) -> Select:
    """`query` narrowed to `column = value` when `value` is given, unchanged otherwise.

    A condition only when it filters, so PostgreSQL and SQLite see a plain equality they can
    use an index for (a catch-all `:p IS NULL OR column = :p` keeps them from it).
    """
    return query if value is None else query.where(column == value)
