"""The one cache for query results, shared by every worker process.

Flask-Caching, attached to the Flask server with `init_app(server)`. The backend is a
`FileSystemCache` under `cache_dir()/queries` by default (every gunicorn worker on the machine
shares it), or Redis when `REDIS_URL` is set (workers on several machines share it). Keys carry
the database URL, the data version (`loftet.datastate`) and the code version (a hash of the
`loftet` package's source and the Plotly and Dash versions), so a new load or a new release makes
every old entry unreachable; old entries expire or are pruned by the backend.

Outside the web app (scripts, tests, background jobs in their own process) the same backend
is built from the same settings, so they share the cache with the workers.

Within one web request a result read once is kept in `flask.g`: the same frame asked for twice
in a request is unpickled once.
"""

from __future__ import annotations

import hashlib
import logging
import pickle
from collections.abc import Callable
from functools import lru_cache
from pathlib import Path
from typing import Any

from flask import Flask, current_app, g, has_app_context, has_request_context
from flask_caching import Cache
from flask_caching.backends.base import BaseCache

from loftet.config import cache_dir, database_url, redis_url
from loftet.datastate import data_version

log = logging.getLogger(__name__)

THRESHOLD = 5000
"""Most entries the filesystem cache keeps before it prunes."""
TIMEOUT_S = 24 * 3600
"""Entries live a day at most; a new data version makes them unreachable at once."""
KEY_PREFIX = "loftet:"

cache = Cache()


def cache_config() -> dict[str, Any]:
    """Flask-Caching settings from the environment."""
    common = {"CACHE_DEFAULT_TIMEOUT": TIMEOUT_S, "CACHE_KEY_PREFIX": KEY_PREFIX}
    url = redis_url()
    if url:
        return common | {"CACHE_TYPE": "RedisCache", "CACHE_REDIS_URL": url}
    return common | {
        "CACHE_TYPE": "FileSystemCache",
        "CACHE_THRESHOLD": THRESHOLD,
        "CACHE_DIR": str(cache_dir() / "queries"),
    }


def init_app(server: Flask) -> None:
    """Attach the cache to the web app's Flask server."""
    cache.init_app(server, config=cache_config())


@lru_cache(maxsize=4)
def _standalone(config_items: tuple) -> BaseCache:
    """The backend for `config` without a Flask app (one client object per process)."""
    config = dict(config_items)
    app = Flask("loftet-cache")
    standalone = Cache(app, config=config)
    with app.app_context():
        return standalone.cache


def backend() -> BaseCache:
    """The shared backend: the web app's, or the same one built from the settings."""
    if has_app_context() and cache in current_app.extensions.get("cache", {}):
        return cache.cache
    return _standalone(tuple(sorted(cache_config().items())))


@lru_cache(maxsize=1)
def code_version() -> str:
    """A hash of the `loftet` package's Python source and the Plotly and Dash versions: cached
    figures and frames built by an older release are never served by a newer one."""
    import dash
    import plotly

    digest = hashlib.sha256(f"{plotly.__version__} {dash.__version__}".encode())
    package = Path(__file__).resolve().parent
    for path in sorted(package.rglob("*.py")):
        digest.update(str(path.relative_to(package)).encode())
        digest.update(path.read_bytes())
    return digest.hexdigest()[:16]


def key_for(*parts: object) -> str:
    """A short key for `parts` (the database, data version and code version are added)."""
    raw = pickle.dumps((database_url(), data_version(), code_version(), parts), protocol=4)
    return hashlib.sha256(raw).hexdigest()


def per_request(key: str, compute: Callable[[], Any]) -> Any:
    """`compute()`, remembered for the rest of the web request (computed each call outside
    requests)."""
    if not has_request_context():
        return compute()
    memo = g.setdefault("loftet_memo", {})
    if key not in memo:
        memo[key] = compute()
    return memo[key]


def cached(key: str, compute: Callable[[], Any]) -> Any:
    """The cached value for `key`, computed (and stored) on a miss.

    A backend that fails (full disk, Redis down) is logged and bypassed: the page still works,
    only slower.
    """
    memo = g.setdefault("loftet_frames", {}) if has_request_context() else None
    if memo is not None and key in memo:
        return memo[key]
    store = backend()
    try:
        value = store.get(key)
    except Exception:  # noqa: BLE001 — a broken cache must not break the page
        log.warning("cache read failed", exc_info=True)
        value = None
    if value is None:
        value = compute()
        try:
            store.set(key, value)
        except Exception:  # noqa: BLE001
            log.warning("cache write failed", exc_info=True)
    if memo is not None:
        memo[key] = value
    return value


def clear() -> None:
    """Forget every cached result (benchmarks, tests)."""
    backend().clear()
