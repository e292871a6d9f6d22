"""Load test: simulated users replay a recorded browser session against the production server.

Starts the production command (gunicorn with `gunicorn.conf.py`, loopback only) on the
configured database, replays `bench/session.json` (recorded by `bench/record_session.py`: each
page view's layout and dependency requests and its callbacks, with the browser's own request
bodies) with `--users` simulated users for `--seconds`, and prints throughput, latency
percentiles for page views and callbacks, errors, and the server's memory at start and end.

A page view is what a browser does when a page opens: the page itself, `_dash-layout` and
`_dash-dependencies`, the page router's callback, then the page's callbacks, up to
`PARALLEL` at a time (as a browser does over its connections). Users pause `THINK_S` between
views. Asserts nothing: a benchmark prints figures.

    .venv/bin/python bench/load_test.py                 # 30 users, 60 s, 2 workers
    .venv/bin/python bench/load_test.py --users 5 --workers 1
"""

from __future__ import annotations

import argparse
import contextlib
import json
import os
import random
import socket
import statistics
import subprocess
import sys
import threading
import time
import urllib.error
import urllib.request
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path

import psutil

ROOT = Path(__file__).resolve().parent.parent
SESSION = Path(__file__).resolve().parent / "session.json"
PARALLEL = 4
THINK_S = (0.5, 1.5)
TIMEOUT_S = 120
SEED = 2020


@dataclass
class Results:
    """Latencies (seconds) and errors, shared by the user threads."""

    views: list[float] = field(default_factory=list)
    callbacks: list[float] = field(default_factory=list)
    requests: int = 0
    errors: list[str] = field(default_factory=list)
    lock: threading.Lock = field(default_factory=threading.Lock)

    def add(self, kind: str, seconds: float) -> None:
        with self.lock:
            getattr(self, kind).append(seconds)

    def request(self, error: str | None = None) -> None:
        with self.lock:
            self.requests += 1
            if error:
                self.errors.append(error)


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def start_server(workers: int, threads: int, log_path: Path) -> tuple[subprocess.Popen, str]:
    """The production command on a free loopback port; returns the process and base URL."""
    port = _free_port()
    env = os.environ | {
        "HOST": "127.0.0.1",
        "PORT": str(port),
        "WEB_CONCURRENCY": str(workers),
        "WEB_THREADS": str(threads),
        "LOG_LEVEL": "warning",
    }
    process = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "gunicorn",
            "-c",
            "gunicorn.conf.py",
            "--access-logfile",
            "/dev/null",
            "app:server",
        ],
        cwd=ROOT,
        env=env,
        stdout=log_path.open("w"),
        stderr=subprocess.STDOUT,
    )
    base = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline:
        try:
            with urllib.request.urlopen(base + "/helse", timeout=5) as response:
                if response.status == 200:
                    return process, base
        except (OSError, urllib.error.HTTPError):
            time.sleep(0.5)
    process.terminate()
    raise RuntimeError(f"the server did not start; see {log_path}")


def server_memory_mb(process: subprocess.Popen) -> float:
    """Resident memory of the gunicorn master and all its workers (and their children)."""
    main = psutil.Process(process.pid)
    total = 0
    for proc in [main, *main.children(recursive=True)]:
        with contextlib.suppress(psutil.NoSuchProcess):
            total += proc.memory_info().rss
    return total / 1e6


def call(base: str, request: dict, results: Results) -> float:
    """One request; its latency. Errors (status ≥ 400 or no answer) are recorded."""
    started = time.perf_counter()
    data = None
    headers = {}
    if request["method"] == "POST":
        data = json.dumps(request["body"]).encode()
        headers["Content-Type"] = "application/json"
    try:
        req = urllib.request.Request(
            base + request["path"], data=data, headers=headers, method=request["method"]
        )
        with urllib.request.urlopen(req, timeout=TIMEOUT_S) as response:
            response.read()
        results.request()
    except urllib.error.HTTPError as error:
        reason = error.read().decode(errors="replace")[:80]
        results.request(f"{error.code} {request['path'].split('?')[0]}: {reason}")
    except OSError as error:
        results.request(f"{type(error).__name__} {request['path']}")
    return time.perf_counter() - started


def page_view(base: str, view: dict, pool: ThreadPoolExecutor, results: Results) -> None:
    """Open one page as a browser does; records the view's and each callback's latency."""
    started = time.perf_counter()
    call(base, {"method": "GET", "path": view["path"]}, results)
    requests = view["requests"]
    first_posts = [r for r in requests if r["method"] == "GET"]
    posts = [r for r in requests if r["method"] == "POST"]
    for request in first_posts + posts[:1]:
        seconds = call(base, request, results)
        if request["method"] == "POST":
            results.add("callbacks", seconds)
    for seconds in pool.map(lambda r: call(base, r, results), posts[1:]):
        results.add("callbacks", seconds)
    results.add("views", time.perf_counter() - started)


def user(base: str, views: list[dict], stop_at: float, number: int, results: Results) -> None:
    """One simulated user: the session's views in order from a random start, until time."""
    rng = random.Random(SEED + number)
    index = rng.randrange(len(views))
    with ThreadPoolExecutor(PARALLEL) as pool:
        while time.monotonic() < stop_at:
            page_view(base, views[index % len(views)], pool, results)
            index += 1
            time.sleep(rng.uniform(*THINK_S))


def percentiles(values: list[float]) -> tuple[float, float, float]:
    """p50, p95, p99 in milliseconds."""
    if len(values) < 2:
        value = 1000 * (values[0] if values else 0.0)
        return value, value, value
    cuts = statistics.quantiles(values, n=100, method="inclusive")
    return 1000 * cuts[49], 1000 * cuts[94], 1000 * cuts[98]


def report(results: Results, seconds: float, memory: tuple[float, float], args) -> None:
    print(
        f"\nLasttest: {args.users} brukere i {seconds:.0f} s mot gunicorn "
        f"({args.workers} prosesser × {args.threads} tråder), {os.cpu_count()} kjerner"
    )
    print(f"{'':<14}{'antall':>8}{'p50 ms':>9}{'p95 ms':>9}{'p99 ms':>9}")
    for label, values in (("sidevisninger", results.views), ("callbacks", results.callbacks)):
        p50, p95, p99 = percentiles(values)
        print(f"{label:<14}{len(values):>8}{p50:>9.0f}{p95:>9.0f}{p99:>9.0f}")
    print(
        f"Forespørsler: {results.requests} ({results.requests / seconds:.1f} per sekund), "
        f"sidevisninger {len(results.views) / seconds:.2f} per sekund"
    )
    print(
        f"Feil: {len(results.errors)}"
        + (f" (f.eks. {results.errors[:3]})" if results.errors else "")
    )
    print(f"Serverminne (alle prosesser): start {memory[0]:.0f} MB, slutt {memory[1]:.0f} MB")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--users", type=int, default=30)
    parser.add_argument("--seconds", type=float, default=60.0)
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--threads", type=int, default=4)
    args = parser.parse_args()
    views = json.loads(SESSION.read_text())["views"]
    log_path = Path(os.environ.get("TMPDIR", "/tmp")) / "loftet-loadtest-server.log"
    process, base = start_server(args.workers, args.threads, log_path)
    try:
        warm = Results()
        with ThreadPoolExecutor(PARALLEL) as pool:
            for view in views:
                page_view(base, view, pool, warm)
        memory_start = server_memory_mb(process)
        results = Results()
        started = time.monotonic()
        users = [
            threading.Thread(target=user, args=(base, views, started + args.seconds, n, results))
            for n in range(args.users)
        ]
        for thread in users:
            thread.start()
        for thread in users:
            thread.join()
        elapsed = time.monotonic() - started
        report(results, elapsed, (memory_start, server_memory_mb(process)), args)
        if warm.errors:
            print(f"Feil under oppvarming: {warm.errors[:3]}")
    finally:
        process.terminate()
        process.wait(30)


if __name__ == "__main__":
    main()
