"""Running queries: one lazily created engine, a result cache keyed by SQL, parameters and the
database's data version (the latest load batch), so a new load invalidates every cached frame."""

from __future__ import annotations

from collections.abc import Callable
from functools import lru_cache, wraps

import pandas as pd
from sqlalchemy import Engine, Select, text

from loftet.config import database_url
from loftet.db import get_engine, kommune

CACHE_SIZE = 1024


def data_version(engine: Engine | None = None) -> int:
    """Increases with every load; 0 for an empty database."""
    engine = engine or get_engine()
    with engine.connect() as conn:
        return conn.execute(text("SELECT COALESCE(MAX(batch_id), 0) FROM lastebatch")).scalar_one()


def _run(url: str, version: int, sql: str, params: tuple) -> pd.DataFrame:
    """Run the query; `url` and `version` are only cache keys."""
    with get_engine().connect() as conn:
        return pd.read_sql_query(text(sql), conn, params=dict(params))


_cached = lru_cache(maxsize=CACHE_SIZE)(_run)
_shared_cached = lru_cache(maxsize=16)(_run)


def read_frame(query: Select | str, **params: object) -> pd.DataFrame:
    """Run `query` (Core select or SQL text with :named parameters) and return a fresh copy.
    Results are cached until the next load (data version) or `clear_cache()`."""
    return _read(_cached, query, params)


def read_shared_frame(query: str) -> pd.DataFrame:
    """Like `read_frame`, for the few shared summaries: a cache of its own that
    `clear_cache()` keeps (a new load still invalidates it), so benchmarks can tell the
    once-per-load cost from the per-request cost."""
    return _read(_shared_cached, query, {})


def _read(cache, query: Select | str, params: dict) -> pd.DataFrame:
    if isinstance(query, Select):
        compiled = query.compile(get_engine(), compile_kwargs={"literal_binds": False})
        sql, params = str(compiled), {**compiled.params, **params}
    else:
        sql = query
    key = tuple(sorted((k, tuple(v) if isinstance(v, list) else v) for k, v in params.items()))
    return cache(database_url(), data_version(), sql, key).copy()


_derived_caches: list = []


def cached_frame(function: Callable[..., pd.DataFrame]) -> Callable[..., pd.DataFrame]:
    """Cache a DataFrame-returning query function by its (hashable) arguments and the data
    version; callers get a copy. `clear_cache()` empties it."""
    @lru_cache(maxsize=CACHE_SIZE)
    def keyed(url: str, version: int, args: tuple, kwargs: tuple) -> pd.DataFrame:
        return function(*args, **dict(kwargs))

    @wraps(function)
    def wrapper(*args: object, **kwargs: object) -> pd.DataFrame:
        key = tuple(sorted(kwargs.items()))
        return keyed(database_url(), data_version(), args, key).copy()

    _derived_caches.append(keyed)
    return wrapper


def clear_cache(*, shared: bool = False) -> None:
    """Forget cached query results; with `shared=True` also the shared summaries."""
    _cached.cache_clear()
    for cache in _derived_caches:
        cache.cache_clear()
    if shared:
        _shared_cached.cache_clear()


def municipality_key(struktur: int) -> tuple[str, str, str]:
    """(municipality number, municipality name, county number) columns of `kommune` for a
    structure."""
    if struktur == 2020:
        return "kommunenummer_2020", "navn_2020", "fylkesnummer_2020"
    return "kommunenummer", "navn", "fylkesnummer"


def county_column(struktur: int):
    """The `kommune` column holding the county number in `struktur`."""
    return kommune.c.fylkesnummer_2020 if struktur == 2020 else kommune.c.fylkesnummer


def optional_equals(column: str, param: str) -> str:
    """SQL for "`column` = :param, unless :param is NULL" (typed, so PostgreSQL accepts it)."""
    return f"(CAST(:{param} AS VARCHAR(20)) IS NULL OR {column} = :{param})"
