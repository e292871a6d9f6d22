"""Production server settings: `gunicorn app:server` (see `make serve` and the README).

Several worker processes with a few threads each. Workers share nothing in memory: query
results live in the shared cache and report packs in the background-job store (both under
`LOFTET_CACHE_DIR`, or Redis with `REDIS_URL`). Every setting can be overridden with
gunicorn's own flags or `GUNICORN_CMD_ARGS`.
"""

import os

bind = f"{os.environ.get('HOST', '127.0.0.1')}:{os.environ.get('PORT', '8050')}"
workers = int(os.environ.get("WEB_CONCURRENCY", "2"))
threads = int(os.environ.get("WEB_THREADS", "4"))
worker_class = "gthread"
timeout = 120
"""A callback slower than this is a bug; an image export takes a few seconds."""
graceful_timeout = 30
keepalive = 5
max_requests = 2000
max_requests_jitter = 200
"""Workers are replaced now and then, so memory stays flat over weeks."""
limit_request_line = 4096
limit_request_fields = 100
limit_request_field_size = 8190
accesslog = "-"
errorlog = "-"
loglevel = os.environ.get("LOG_LEVEL", "info")
proc_name = "loftet"


def when_ready(server) -> None:
    """Fill the shared cache once, before the first request (no work at import)."""
    from loftet.warm import warm

    try:
        warm()
    except Exception:  # noqa: BLE001 — a failed warm-up must not stop the server
        server.log.exception("cache warm-up failed")
