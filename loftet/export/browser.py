"""The browser that draws export images: kaleido 1.x on the system Chromium (`BROWSER_PATH`,
else `chromium` on PATH; it never downloads one). One browser is kept warm for the life of the
process (`session()` scopes it for batch jobs). Geo maps read their (empty) base topology from
`assets/topojson/` and MathJax is off, so drawing needs no network.
"""

from __future__ import annotations

import asyncio
import logging
import os
import shutil
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import kaleido
import plotly.graph_objects as go
import plotly.io as pio

from loftet.config import ROOT
from loftet.export.fonts import use_bundled_fonts
from loftet.export.presets import REPORT

log = logging.getLogger(__name__)

TOPOJSON_DIR = ROOT / "assets" / "topojson"
RENDER_TIMEOUT_S = 60
START_TIMEOUT_S = 60


class ExportError(RuntimeError):
    """An image could not be made (no browser, render failed or timed out)."""


def browser_path() -> str | None:
    """The Chromium kaleido drives: `BROWSER_PATH`, else `chromium` on PATH."""
    for candidate in (
        os.environ.get("BROWSER_PATH"),
        shutil.which("chromium"),
        shutil.which("chromium-browser"),
        "/usr/bin/chromium",
    ):
        if candidate and Path(candidate).is_file() and os.access(candidate, os.X_OK):
            return candidate
    return None


def topojson_url() -> str:
    """The local folder (file URL) plotly.js reads geo base maps from."""
    return TOPOJSON_DIR.resolve().as_uri() + "/"


def configure_offline() -> None:
    """Point Plotly's exports at local files: no CDN for geo topology or MathJax."""
    pio.defaults.topojson = topojson_url()
    pio.defaults.mathjax = None
    use_bundled_fonts()


class _Browser:
    """One Chromium under kaleido, on its own event-loop thread, and how many renders use it."""

    def __init__(self, path: str) -> None:
        self.loop = asyncio.new_event_loop()
        self.thread = threading.Thread(target=self.loop.run_forever, name="kaleido", daemon=True)
        self.thread.start()
        self.users = 0
        self.retired = False

        async def open_browser() -> kaleido.Kaleido:
            browser = kaleido.Kaleido(n=1, timeout=RENDER_TIMEOUT_S, mathjax=False, path=path)
            await browser.open()
            return browser

        try:
            self.kaleido = asyncio.run_coroutine_threadsafe(open_browser(), self.loop).result(
                START_TIMEOUT_S
            )
        except Exception as exc:
            self.loop.call_soon_threadsafe(self.loop.stop)
            raise ExportError("Kunne ikke starte Chromium for eksport.") from exc

    def close(self) -> None:
        """Close the browser and stop its loop (never raises)."""
        try:
            asyncio.run_coroutine_threadsafe(self.kaleido.close(), self.loop).result(15)
        except Exception:  # noqa: BLE001 — closing a broken browser must not raise
            log.warning("kaleido did not close cleanly", exc_info=True)
        self.loop.call_soon_threadsafe(self.loop.stop)
        self.thread.join(5)


class KaleidoSession:
    """The process's export browser: one warm Chromium shared by every render in the process.

    Kaleido's own sync server (`kaleido.start_sync_server`) shares one result queue between
    callers and waits without a timeout; the web app renders from several threads, so each
    render is submitted to the browser's loop and waits on its own future, with a timeout.

    A failed render retires the browser it used: new renders start a fresh one, while renders
    already running on the old one finish undisturbed; the old browser closes when its last
    render is done (reference counted). So one timeout never fails anyone else's export.
    A forked child (a background job) starts with no browser of its own.
    """

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._current: _Browser | None = None

    @property
    def running(self) -> bool:
        return self._current is not None

    def start(self) -> None:
        """Open the browser (once; later calls do nothing)."""
        with self._lock:
            self._open_locked()

    def _open_locked(self) -> _Browser:
        if self._current is None:
            path = browser_path()
            if path is None:
                raise ExportError(
                    "Fant ingen Chromium: installer pakken «chromium» eller sett BROWSER_PATH."
                )
            configure_offline()
            self._current = _Browser(path)
        return self._current

    def _release(self, browser: _Browser, *, retire: bool) -> None:
        with self._lock:
            browser.users -= 1
            if retire:
                browser.retired = True
                if self._current is browser:
                    self._current = None
            close_now = browser.retired and browser.users <= 0
        if close_now:
            browser.close()

    def stop(self) -> None:
        """Retire the current browser; it closes now, or when its last render ends."""
        with self._lock:
            browser, self._current = self._current, None
            if browser is None:
                return
            browser.retired = True
            close_now = browser.users <= 0
        if close_now:
            browser.close()

    def forget(self) -> None:
        """Drop the browser without closing it (in a forked child, whose copy of the parent's
        browser thread does not run)."""
        self._lock = threading.Lock()
        self._current = None

    def render(self, figure: go.Figure | dict, fmt: str, scale: float = 1.0) -> bytes:
        """The figure as `fmt` bytes, at its layout width and height times `scale`."""
        fig_dict = figure.to_dict() if isinstance(figure, go.Figure) else figure
        layout = fig_dict.get("layout", {})
        opts = {
            "format": fmt,
            "width": layout.get("width", REPORT.width_px),
            "height": layout.get("height", REPORT.height_px),
            "scale": scale,
        }
        with self._lock:
            browser = self._open_locked()
            browser.users += 1
        failed = True
        try:
            future = asyncio.run_coroutine_threadsafe(
                browser.kaleido.calc_fig(fig_dict, opts=opts, topojson=pio.defaults.topojson),
                browser.loop,
            )
            try:
                content = future.result(RENDER_TIMEOUT_S + 10)
            except Exception as exc:
                future.cancel()
                raise ExportError(
                    f"Eksport til {fmt.upper()} feilet eller tok for lang tid."
                ) from exc
            failed = False
            return content
        finally:
            self._release(browser, retire=failed)


SESSION = KaleidoSession()
"""The process's one export browser, started on first use."""
os.register_at_fork(after_in_child=SESSION.forget)


@contextmanager
def session() -> Iterator[KaleidoSession]:
    """Keep the browser warm for a batch; stop it afterwards if this call started it."""
    started_here = not SESSION.running
    SESSION.start()
    try:
        yield SESSION
    finally:
        if started_here:
            SESSION.stop()
