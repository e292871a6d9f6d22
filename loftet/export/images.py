"""Print-ready chart images: PNG (300 dpi), SVG and PDF, drawn on the server with kaleido.

The layout of a file (title, view, source, demo mark, size for its content and preset) is
`loftet.export.layout`; this module draws it and writes PNG metadata.

Kaleido 1.x drives the system Chromium (`BROWSER_PATH`, else `chromium` on PATH); it never
downloads a browser. One browser is kept warm for the life of the process (`session()` scopes
it for batch jobs). Geo maps read their (empty) base topology from `assets/topojson/`, and
MathJax is off, so an export needs no network.
"""

from __future__ import annotations

import asyncio
import logging
import os
import shutil
import struct
import threading
import time
import zlib
from collections.abc import Iterator, Mapping
from contextlib import contextmanager
from pathlib import Path

import kaleido
import plotly.graph_objects as go
import plotly.io as pio

from loftet.charts import get_chart, render
from loftet.config import ROOT
from loftet.export import IMAGE_FORMATS
from loftet.export.fonts import use_bundled_fonts
from loftet.export.layout import (  # noqa: F401 — the print layout, re-exported for callers
    HEIGHT_PX,
    PNG_SCALE,
    WIDTH_PX,
    chart_print_figure,
    chart_texts,
    footer_text,
    header_text,
    print_figure,
    print_height_px,
)
from loftet.export.presets import PRINT_DPI, REPORT, Preset, get_preset  # noqa: F401
from loftet.filters import Filters

log = logging.getLogger(__name__)

TOPOJSON_DIR = ROOT / "assets" / "topojson"
RENDER_TIMEOUT_S = 60
START_TIMEOUT_S = 60

PNG_SIGNATURE = b"\x89PNG\r\n\x1a\n"


class ExportError(RuntimeError):
    """An image could not be made (no browser, render failed or timed out)."""


# --- PNG metadata ---------------------------------------------------------------------


def _chunks(png: bytes) -> Iterator[tuple[bytes, bytes, bytes]]:
    """(type, data, whole chunk) of every chunk after the signature."""
    if not png.startswith(PNG_SIGNATURE):
        raise ValueError("not a PNG file")
    pos = len(PNG_SIGNATURE)
    while pos < len(png):
        (length,) = struct.unpack(">I", png[pos : pos + 4])
        kind = png[pos + 4 : pos + 8]
        end = pos + 12 + length
        yield kind, png[pos + 8 : pos + 8 + length], png[pos:end]
        pos = end


def _chunk(kind: bytes, data: bytes) -> bytes:
    return (
        struct.pack(">I", len(data))
        + kind
        + data
        + struct.pack(">I", zlib.crc32(kind + data) & 0xFFFFFFFF)
    )


def with_dpi(png: bytes, dpi: float) -> bytes:
    """`png` with a pHYs chunk declaring `dpi` (any earlier pHYs chunk replaced)."""
    per_metre = round(dpi / 0.0254)
    phys = _chunk(b"pHYs", struct.pack(">IIB", per_metre, per_metre, 1))
    out = [PNG_SIGNATURE]
    for kind, _data, whole in _chunks(png):
        if kind == b"pHYs":
            continue
        out.append(whole)
        if kind == b"IHDR":
            out.append(phys)
    return b"".join(out)


def with_text(png: bytes, texts: Mapping[str, str]) -> bytes:
    """`png` with UTF-8 text chunks (iTXt: `Title`, `Description`, `Source`, …) before the
    image data, so file browsers and image tools show what the figure is."""
    chunks = b"".join(
        _chunk(b"iTXt", key.encode("latin-1") + b"\0\0\0no\0\0" + value.encode("utf-8"))
        for key, value in texts.items()
        if value
    )
    out = [PNG_SIGNATURE]
    for kind, _data, whole in _chunks(png):
        if kind == b"IDAT" and chunks:
            out.append(chunks)
            chunks = b""
        out.append(whole)
    return b"".join(out)


def png_text(png: bytes) -> dict[str, str]:
    """The iTXt and tEXt texts of a PNG, by keyword."""
    texts = {}
    for kind, data, _whole in _chunks(png):
        if kind == b"tEXt":
            key, _, value = data.partition(b"\0")
            texts[key.decode("latin-1")] = value.decode("latin-1")
        elif kind == b"iTXt":
            key, _, rest = data.partition(b"\0")
            _language, _, rest = rest[2:].partition(b"\0")
            _translated, _, value = rest.partition(b"\0")
            texts[key.decode("latin-1")] = value.decode("utf-8")
    return texts


def png_info(png: bytes) -> dict[str, float | None]:
    """Width and height in pixels and the declared dpi (None without pHYs) of a PNG."""
    info: dict[str, float | None] = {"width": None, "height": None, "dpi": None}
    for kind, data, _whole in _chunks(png):
        if kind == b"IHDR":
            info["width"], info["height"] = struct.unpack(">II", data[:8])
        elif kind == b"pHYs":
            x, _y, unit = struct.unpack(">IIB", data)
            info["dpi"] = x * 0.0254 if unit == 1 else None
        elif kind == b"IDAT":
            break
    return info


# --- The browser ------------------------------------------------------------------------


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
            "width": layout.get("width", WIDTH_PX),
            "height": layout.get("height", HEIGHT_PX),
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


def figure_bytes(
    figure: go.Figure, fmt: str, texts: Mapping[str, str] | None = None, preset: Preset = REPORT
) -> bytes:
    """A print figure (from `print_figure`) as PNG (300 dpi), SVG or PDF bytes.

    `texts` (e.g. from `chart_texts`) are written into a PNG's metadata.
    """
    if fmt not in IMAGE_FORMATS:
        raise ValueError(f"unknown image format {fmt!r}")
    if fmt == "png":
        png = with_dpi(SESSION.render(figure, "png", preset.png_scale), preset.dpi)
        return with_text(png, texts) if texts else png
    return SESSION.render(figure, fmt)


def export_figure(
    chart_id: str,
    filters: Filters,
    options: Mapping[str, str] | None,
    fmt: str,
    preset: str | None = None,
) -> bytes:
    """One chart as a print-ready PNG, SVG or PDF for `filters` and `options`, at the size
    `preset` names (`rapport` by default, `bred`, `lysbilde`)."""
    options = dict(options or {})
    chart = get_chart(chart_id)
    size = get_preset(preset)
    started = time.perf_counter()
    _frame, figure = render(chart_id, filters, options)
    content = figure_bytes(
        chart_print_figure(chart, figure, filters, options, size),
        fmt,
        chart_texts(chart, filters, options),
        size,
    )
    log.info("exported %s as %s in %.2f s", chart_id, fmt, time.perf_counter() - started)
    return content
