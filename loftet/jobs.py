"""The manager for Dash background callbacks (the report pack).

By default a `DiskcacheManager` on `cache_dir()/jobs`: each job runs in its own process, and its
progress and result live in a disk cache every worker on the machine reads, so a poll that
reaches another gunicorn worker finds the job, and cancelling kills the job's process wherever
it runs. With `REDIS_URL` set, a `CeleryManager` with Redis as broker and result store: jobs
then run in Celery workers (`celery -A app:celery_app worker`), on this machine or others.
"""

from __future__ import annotations

from functools import lru_cache

from dash import CeleryManager, DiskcacheManager

from loftet.config import cache_dir, redis_url

JOB_EXPIRE_S = 3600
"""A finished job's result is kept this long if nobody fetches it."""


@lru_cache(maxsize=1)
def celery_app():
    """The Celery app for `REDIS_URL` (None without it)."""
    url = redis_url()
    if not url:
        return None
    from celery import Celery

    return Celery("loftet", broker=url, backend=url)


def background_manager() -> DiskcacheManager | CeleryManager:
    """The background-callback manager for the configured environment."""
    app = celery_app()
    if app is not None:
        return CeleryManager(app, expire=JOB_EXPIRE_S)
    import diskcache

    folder = cache_dir() / "jobs"
    folder.mkdir(parents=True, exist_ok=True)
    return DiskcacheManager(diskcache.Cache(str(folder)), expire=JOB_EXPIRE_S)
