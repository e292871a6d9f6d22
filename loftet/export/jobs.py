"""Background jobs for slow exports (the report pack): a thread per job, progress in memory.

A page starts a job, keeps its id in a `dcc.Store` and polls `get_job` with a `dcc.Interval`.
Jobs live in this process only: with several gunicorn workers the poll may reach another
worker, so run the app with one worker (threads are fine) or move this registry to a shared
store. Finished jobs are forgotten after `KEEP_SECONDS`.
"""

from __future__ import annotations

import logging
import threading
import time
import uuid
from collections.abc import Callable
from dataclasses import dataclass, replace

log = logging.getLogger(__name__)

KEEP_SECONDS = 3600
MAX_JOBS = 20
"""Most jobs kept at once; the oldest finished ones go first."""
WAITING, RUNNING, DONE, FAILED = "venter", "kjører", "ferdig", "feilet"

Progress = Callable[[int, int, str], None]


@dataclass(frozen=True)
class Job:
    """A snapshot of one job (safe to read from any thread)."""

    id: str
    filename: str
    status: str = WAITING
    done: int = 0
    total: int = 0
    message: str = "Venter …"
    error: str = ""
    result: bytes | None = None
    created: float = 0.0
    finished: float | None = None

    @property
    def percent(self) -> int:
        """Share of steps done, 0–100 (100 once finished)."""
        if self.status == DONE:
            return 100
        return int(100 * self.done / self.total) if self.total else 0

    @property
    def active(self) -> bool:
        return self.status in (WAITING, RUNNING)


_JOBS: dict[str, Job] = {}
_LOCK = threading.Lock()


def _update(job_id: str, **changes: object) -> None:
    with _LOCK:
        if job_id in _JOBS:
            _JOBS[job_id] = replace(_JOBS[job_id], **changes)


def _prune(now: float) -> None:
    """Forget old finished jobs (call with the lock held)."""
    for job_id, job in list(_JOBS.items()):
        if not job.active and job.finished and now - job.finished > KEEP_SECONDS:
            del _JOBS[job_id]
    finished = sorted((j for j in _JOBS.values() if not j.active), key=lambda j: j.created)
    while len(_JOBS) > MAX_JOBS and finished:
        del _JOBS[finished.pop(0).id]


def start_job(work: Callable[[Progress], bytes], filename: str) -> str:
    """Run `work(progress)` in a thread; returns the job id to poll with `get_job`."""
    now = time.time()
    job = Job(id=uuid.uuid4().hex, filename=filename, created=now)
    with _LOCK:
        _prune(now)
        _JOBS[job.id] = job

    def progress(done: int, total: int, message: str) -> None:
        _update(job.id, status=RUNNING, done=done, total=total, message=message)

    def run() -> None:
        _update(job.id, status=RUNNING, message="Starter …")
        try:
            result = work(progress)
        except Exception as exc:  # noqa: BLE001 — reported to the user through the job
            log.exception("job %s failed", job.id)
            _update(job.id, status=FAILED, error=str(exc) or type(exc).__name__,
                    message="Noe gikk galt", finished=time.time())
        else:
            _update(job.id, status=DONE, result=result, message="Ferdig",
                    finished=time.time())

    threading.Thread(target=run, name=f"job-{job.id[:8]}", daemon=True).start()
    return job.id


def get_job(job_id: str | None) -> Job | None:
    """The job's current state; None for an unknown (or forgotten) id."""
    if not job_id:
        return None
    with _LOCK:
        return _JOBS.get(job_id)


def wait(job_id: str, timeout: float = 300.0) -> Job | None:
    """Block until the job is finished or `timeout` passes (for scripts and tests)."""
    deadline = time.time() + timeout
    while time.time() < deadline:
        job = get_job(job_id)
        if job is None or not job.active:
            return job
        time.sleep(0.1)
    return get_job(job_id)
