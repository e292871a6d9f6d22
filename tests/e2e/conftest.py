"""End-to-end fixtures: the app served by the production command (gunicorn, two workers, see
`gunicorn.conf.py`) on the demo database, and headless Chromium (Debian's `chromium`) driven
by Playwright. With two workers, consecutive requests of one page view reach different
processes, so these tests also prove that nothing lives in one worker's memory."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
import urllib.request
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
CHROMIUM = os.environ.get("CHROMIUM_PATH", "/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
    "--disable-quic",
]
START_TIMEOUT_S = 60


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def _wait_until_up(url: str, process: subprocess.Popen) -> None:
    deadline = time.monotonic() + START_TIMEOUT_S
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise RuntimeError(f"app exited with {process.returncode}")
        try:
            urllib.request.urlopen(url, timeout=2)
            return
        except OSError:
            time.sleep(0.3)
    raise TimeoutError(f"app did not answer on {url}")


WORKERS = 2


@contextmanager
def production_server(database_url: str, log_path: Path) -> Iterator[str]:
    """The app under gunicorn with `WORKERS` workers on a free loopback port; yields its base
    URL. Its log goes to a file: a pipe nobody reads would fill up and stall the server."""
    port = _free_port()
    env = os.environ | {
        "DATABASE_URL": database_url,
        "HOST": "127.0.0.1",
        "PORT": str(port),
        "WEB_CONCURRENCY": str(WORKERS),
    }
    log = log_path.open("w")
    process = subprocess.Popen(
        [sys.executable, "-m", "gunicorn", "-c", "gunicorn.conf.py", "app:server"],
        cwd=ROOT,
        env=env,
        stdout=log,
        stderr=subprocess.STDOUT,
    )
    url = f"http://127.0.0.1:{port}"
    try:
        _wait_until_up(url + "/", process)
        yield url
    finally:
        process.terminate()
        process.wait(timeout=30)
        log.close()


@pytest.fixture(scope="session")
def app_url(demo_db_url: str, tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """Base URL of the dashboard served on the demo database by the production command."""
    with production_server(demo_db_url, tmp_path_factory.mktemp("app") / "app.log") as url:
        yield url


@pytest.fixture(scope="session")
def browser():
    """One headless Chromium for the session."""
    from playwright.sync_api import sync_playwright

    from loftet.export.fonts import use_bundled_fonts

    use_bundled_fonts()  # the same fonts as the image export, for measuring exported SVGs
    if not Path(CHROMIUM).exists():
        pytest.fail(f"{CHROMIUM} is missing: run scripts/install_system_packages.sh")
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=CHROMIUM, headless=True, args=CHROMIUM_ARGS
        )
        yield browser
        browser.close()


@pytest.fixture
def page(browser):
    """A fresh page that records console errors and failed requests in `page.problems`."""
    yield from guarded_page(browser)


@pytest.fixture
def page_without_csp(browser):
    """`page`, with the app's Content-Security-Policy bypassed: for tests that inject their
    own checking script (axe-core) or wait on JavaScript conditions."""
    yield from guarded_page(browser, bypass_csp=True)


def guarded_page(browser, **context_options):
    """A page in a new context that records problems and refuses requests off this machine."""
    context = browser.new_context(
        viewport={"width": 1600, "height": 1000}, locale="nb-NO", **context_options
    )
    page = context.new_page()
    page.problems = []

    def offline_guard(route) -> None:
        url = route.request.url
        if url.startswith(("http://127.0.0.1", "data:", "blob:")):
            route.continue_()
        else:
            page.problems.append(f"external request: {url}")
            route.abort()

    context.route("**/*", offline_guard)
    page.on("console", lambda m: m.type == "error" and page.problems.append(m.text))
    page.on("pageerror", lambda e: page.problems.append(str(e)))
    page.on("requestfailed", lambda r: page.problems.append(f"request failed: {r.url}"))
    yield page
    context.close()
