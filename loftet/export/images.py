"""Print-ready chart images: PNG (300 dpi), SVG and PDF, drawn on the server with kaleido.

A file is one report figure, 16 × 9 cm: the chart's title and a line saying which filters made
it on top, the source with the data date (and the demo notice) at the bottom, the chart in the
`loftet_print` template in between. Title and footer are legend titles anchored to the page
(`xref/yref="container"`): Plotly then moves the plot area clear of them, whatever the tick
labels or legends of the chart need, so texts never overlap the plot.

Kaleido 1.x drives the system Chromium (`BROWSER_PATH`, else `chromium` on PATH); it never
downloads a browser. One browser is kept warm for the life of the process (`session()` scopes
it for batch jobs). Geo maps read their (empty) base topology from `assets/topojson/`, and
MathJax is off, so an export needs no network.
"""

from __future__ import annotations

import asyncio
import html
import logging
import os
import shutil
import struct
import textwrap
import threading
import time
import zlib
from collections.abc import Iterator, Mapping
from contextlib import contextmanager
from pathlib import Path

import kaleido
import plotly.graph_objects as go
import plotly.io as pio

from loftet.charts import Chart, get_chart, render
from loftet.config import ROOT
from loftet.export import DEMO_MARK, IMAGE_FORMATS, is_demo, source_text, view_text
from loftet.filters import Filters
from loftet.theme import HIGHLIGHT, TEXT

log = logging.getLogger(__name__)

WIDTH_CM = 16.0
HEIGHT_CM = 9.0
CSS_DPI = 96
"""Plotly lays out in CSS pixels: 96 per inch."""
PRINT_DPI = 300
WIDTH_PX = round(WIDTH_CM / 2.54 * CSS_DPI)
"""605 layout pixels = 16 cm."""
HEIGHT_PX = round(HEIGHT_CM / 2.54 * CSS_DPI)
"""340 layout pixels = 9 cm."""
PNG_SCALE = PRINT_DPI / CSS_DPI
"""PNG at 300 dpi: 605 × 3.125 ≈ 1890 pixels wide."""
PRINT_TEMPLATE = "loftet_print"

EDGE_PX = 10
"""White space between the page edge and the header and footer."""
TITLE_SIZE = 14
SUBTITLE_SIZE = 10
FOOTER_SIZE = 9
TEXT_WIDTH_PX = WIDTH_PX - 2 * EDGE_PX - 60
"""Room for header and footer lines (less the empty legend entry beside them)."""

EXTRA_ROW_PX = 90
"""Extra height per stacked subplot row beyond two."""
LEGEND_ROW_PX = 19
"""Height of one vertical legend entry at the print font size."""

TOPOJSON_DIR = ROOT / "assets" / "topojson"
RENDER_TIMEOUT_S = 60
START_TIMEOUT_S = 60

_NOT_IN_LEGEND_BY_DEFAULT = frozenset({
    "heatmap", "contour", "histogram2d", "histogram2dcontour", "choropleth", "choroplethmap",
    "choroplethmapbox", "densitymap", "densitymapbox", "image", "table", "sankey", "parcoords",
    "parcats", "indicator", "surface", "mesh3d", "volume", "isosurface", "cone", "streamtube",
    "carpet", "contourcarpet", "treemap", "icicle", "sunburst"})
"""Trace types whose `showlegend` is false unless set (plotly.js defaults)."""
PNG_SIGNATURE = b"\x89PNG\r\n\x1a\n"


class ExportError(RuntimeError):
    """An image could not be made (no browser, render failed or timed out)."""


# --- The print layout -------------------------------------------------------------------

def _wrap(text: str, size_px: float, width_px: float = TEXT_WIDTH_PX,
          bold: bool = False) -> list[str]:
    """`text` in lines that fit `width_px` at font size `size_px` (escaped for Plotly)."""
    per_char = size_px * (0.62 if bold else 0.55)
    lines = textwrap.wrap(text, width=max(20, int(width_px / per_char)),
                          break_long_words=False, break_on_hyphens=False) or [""]
    return [html.escape(line, quote=False) for line in lines]


def header_text(title: str, subtitle: str) -> str:
    """The chart title (bold) and the filter line under it, as Plotly rich text."""
    lines = [f"<b>{line}</b>" for line in _wrap(title, TITLE_SIZE, bold=True)]
    lines += [f"<span style='font-size:{SUBTITLE_SIZE}px'>{line}</span>"
              for line in _wrap(subtitle, SUBTITLE_SIZE)]
    return "<br>".join(lines)


def footer_text(source: str, demo: bool) -> str:
    """The source line(s) with the data date, and the demo notice when `demo`."""
    lines = _wrap(source, FOOTER_SIZE)
    if demo:
        lines.append(f"<span style='color:{HIGHLIGHT}'><b>{html.escape(DEMO_MARK)}</b></span>")
    return "<br>".join(lines)


def _text_height(text: str, size_px: float) -> float:
    """About how tall Plotly draws rich `text` (1.3 line spacing)."""
    return (text.count("<br>") + 1) * size_px * 1.3


def _in_legend(trace: go.Figure) -> bool:
    """Whether `trace` would get a legend entry."""
    if trace.visible is False:
        return False
    shown = trace.showlegend if "showlegend" in trace else False
    return bool(shown) if shown is not None else trace.type not in _NOT_IN_LEGEND_BY_DEFAULT


def _legend_shown(figure: go.Figure) -> bool:
    """Whether Plotly would draw the figure's legend (its own default rule)."""
    entries = [_in_legend(trace) for trace in figure.data]
    if figure.layout.showlegend is not None:
        return bool(figure.layout.showlegend) and any(entries)
    return sum(entries) >= 2 or any(t.type in ("pie", "funnelarea") for t in figure.data)


def _free_legend_ids(figure: go.Figure, count: int) -> list[str]:
    """`count` legend ids (`legend3`, …) that neither traces nor layout use."""
    used = {str(getattr(t, "legend", None) or "legend") for t in figure.data}
    used |= {key for key in figure.layout.to_plotly_json() if key.startswith("legend")}
    numbers = [int(key[6:] or 1) for key in used if key[6:].isdigit() or key == "legend"]
    start = max(numbers, default=1) + 1
    return [f"legend{n}" for n in range(start, start + count)]


def _placeholder(figure: go.Figure, legend: str) -> go.Figure | None:
    """An invisible trace whose (empty) entry makes `legend` draw, on the figure's own subplot
    so it adds no axes; None for figures without a subplot we know."""
    common = {"name": "", "legend": legend, "showlegend": True, "hoverinfo": "skip",
              "mode": "lines", "line": {"width": 0, "color": "rgba(0,0,0,0)"}}
    for trace in figure.data:
        if "xaxis" in trace and "yaxis" in trace:
            return go.Scatter(x=[None], y=[None], xaxis=trace.xaxis or "x",
                              yaxis=trace.yaxis or "y", **common)
        if "geo" in trace:
            return go.Scattergeo(lon=[None], lat=[None], geo=trace.geo or "geo", **common)
        if trace.type in ("choroplethmap", "scattermap", "densitymap"):
            return go.Scattermap(lon=[None], lat=[None], subplot=trace.subplot or "map",
                                 **common)
    if not figure.data:
        return go.Scatter(x=[None], y=[None], **common)
    return None


def _page_legend(text: str, size: int, top: bool, height_px: int) -> dict:
    """A legend holding only a title, pinned to the top or bottom left of the page."""
    return {
        "title": {"text": text, "side": "left", "font": {"size": size, "color": TEXT}},
        "orientation": "h", "xref": "container", "x": EDGE_PX / WIDTH_PX, "xanchor": "left",
        "yref": "container", "y": 1 - EDGE_PX / height_px if top else EDGE_PX / height_px,
        "yanchor": "top" if top else "bottom", "bgcolor": "rgba(0,0,0,0)", "borderwidth": 0,
        "font": {"size": FOOTER_SIZE}, "itemclick": False, "itemdoubleclick": False,
    }


def _legend_entries(figure: go.Figure) -> int:
    """How many entries the main legend draws (one per legend group)."""
    groups = set()
    count = 0
    for trace in figure.data:
        if not _in_legend(trace) or (getattr(trace, "legend", None) or "legend") != "legend":
            continue
        group = getattr(trace, "legendgroup", None)
        if group:
            if group in groups:
                continue
            groups.add(group)
        count += 1
    return count


def stacked_rows(figure: go.Figure) -> int:
    """How many plot areas are stacked vertically (subplot rows)."""
    domains = set()
    for axis in figure.select_yaxes():
        if axis.overlaying or axis.domain is None:
            continue
        domains.add(tuple(round(v, 3) for v in axis.domain))
    return max(len(domains), 1)


def print_height_px(figure: go.Figure) -> int:
    """9 cm, taller for a figure of more than two stacked subplot rows (still fits A4)."""
    return HEIGHT_PX + max(0, stacked_rows(figure) - 2) * EXTRA_ROW_PX


def _legend_too_tall(fig: go.Figure, head_px: float, foot_px: float, height_px: int) -> bool:
    """A vertical legend with more entries than the page has room for."""
    plot_px = height_px - head_px - foot_px - 2 * EDGE_PX - 60
    return (fig.layout.legend.orientation == "v"
            and _legend_entries(fig) * LEGEND_ROW_PX + 20 > plot_px)


def _legend_rows(fig: go.Figure) -> int:
    """Rows a horizontal legend at the print font needs across the page."""
    names = [str(t.name or "") for t in fig.data if _in_legend(t)]
    widest = max((len(name) for name in names), default=10)
    per_row = max(1, int(TEXT_WIDTH_PX // (40 + widest * FOOTER_SIZE * 0.6)))
    return -(-_legend_entries(fig) // per_row)


def _fit_main_legend(fig: go.Figure, head_px: float, foot_px: float, height_px: int) -> None:
    """Keep the chart's own legend clear of header and footer, and whole: paper does not
    scroll, so a vertical legend too long for the page goes on top, in rows."""
    if not _legend_shown(fig):
        return
    legend = fig.layout.legend
    if legend.yref == "container":
        low = (legend.y if legend.y is not None else 1) < 0.5
        if low:
            fig.update_layout(legend={"y": (EDGE_PX + foot_px + 6) / height_px,
                                      "yanchor": "bottom"})
        else:
            fig.update_layout(legend={"y": 1 - (EDGE_PX + head_px + 6) / height_px,
                                      "yanchor": "top"})
        return
    if _legend_too_tall(fig, head_px, foot_px, height_px):
        fig.update_layout(
            height=height_px + _legend_rows(fig) * LEGEND_ROW_PX + 10,
            legend={"orientation": "h", "x": 0, "xanchor": "left", "y": 1.02,
                    "yanchor": "bottom", "xref": "paper", "yref": "paper",
                    "font": {"size": FOOTER_SIZE}, "itemwidth": 30, "title": {"side": "left"}})


def print_figure(figure: go.Figure, *, title: str, subtitle: str, source: str,
                 demo: bool) -> go.Figure:
    """A copy of `figure` laid out as a 16 × 9 cm report figure.

    Args:
        figure: the chart as the app shows it (left unchanged).
        title: the chart's title, drawn bold at the top.
        subtitle: what made this view (filters and options), under the title.
        source: source and data date, at the bottom.
        demo: add the "DEMODATA – ikke offisielle tall" notice at the bottom.

    Returns:
        A new figure in the `loftet_print` template, sized in CSS pixels (605 × 340).
    """
    fig = go.Figure(figure)
    height = print_height_px(fig)
    fig.update_layout(template=PRINT_TEMPLATE, width=WIDTH_PX, height=height,
                      autosize=False, title_text="", margin_t=EDGE_PX, margin_b=EDGE_PX)
    head = header_text(title, subtitle)
    foot = footer_text(source, demo)
    _fit_main_legend(fig, _text_height(head, TITLE_SIZE), _text_height(foot, FOOTER_SIZE),
                     height)
    header_id, footer_id = _free_legend_ids(fig, 2)
    placeholders = [_placeholder(fig, header_id), _placeholder(fig, footer_id)]
    if None in placeholders:
        return _annotated(fig, head, foot)
    if not _legend_shown(fig):
        for trace in fig.data:
            if "showlegend" in trace:
                trace.showlegend = False
    fig.add_traces(placeholders)
    height = fig.layout.height
    fig.update_layout({"showlegend": True,
                       header_id: _page_legend(head, TITLE_SIZE, True, height),
                       footer_id: _page_legend(foot, FOOTER_SIZE, False, height)})
    return fig


def _annotated(fig: go.Figure, head: str, foot: str) -> go.Figure:
    """Fallback for figures without cartesian, geo or map subplots: header and footer as
    annotations in fixed margins."""
    head_lines, foot_lines = head.count("<br>") + 1, foot.count("<br>") + 1
    top = EDGE_PX + int(head_lines * TITLE_SIZE * 1.4) + 10
    bottom = EDGE_PX + int(foot_lines * FOOTER_SIZE * 1.4) + 10
    fig.update_layout(margin={"t": top, "b": bottom, "l": EDGE_PX, "r": EDGE_PX})
    fig.add_annotation(text=head, xref="paper", yref="paper", x=0, y=1, xanchor="left",
                       yanchor="top", yshift=top - EDGE_PX, showarrow=False,
                       align="left", font={"size": TITLE_SIZE})
    fig.add_annotation(text=foot, xref="paper", yref="paper", x=0, y=0, xanchor="left",
                       yanchor="top", yshift=-10, showarrow=False, align="left",
                       font={"size": FOOTER_SIZE})
    return fig


def chart_texts(chart: Chart, filters: Filters, options: Mapping[str, str]) -> dict[str, str]:
    """What a figure file says about itself (PNG metadata): title, view, source, notice."""
    texts = {"Title": chart.title, "Description": view_text(chart, filters, options),
             "Source": source_text(chart), "Software": "Løftet-monitor"}
    if is_demo():
        texts["Disclaimer"] = DEMO_MARK
    return texts


def chart_print_figure(chart: Chart, figure: go.Figure, filters: Filters,
                       options: Mapping[str, str]) -> go.Figure:
    """`print_figure` with the chart's title, the view's description, source and demo flag."""
    return print_figure(figure, title=chart.title, subtitle=view_text(chart, filters, options),
                        source=source_text(chart), demo=is_demo())


# --- PNG metadata ---------------------------------------------------------------------

def _chunks(png: bytes) -> Iterator[tuple[bytes, bytes, bytes]]:
    """(type, data, whole chunk) of every chunk after the signature."""
    if not png.startswith(PNG_SIGNATURE):
        raise ValueError("not a PNG file")
    pos = len(PNG_SIGNATURE)
    while pos < len(png):
        (length,) = struct.unpack(">I", png[pos:pos + 4])
        kind = png[pos + 4:pos + 8]
        end = pos + 12 + length
        yield kind, png[pos + 8:pos + 8 + length], png[pos:end]
        pos = end


def _chunk(kind: bytes, data: bytes) -> bytes:
    return (struct.pack(">I", len(data)) + kind + data
            + struct.pack(">I", zlib.crc32(kind + data) & 0xFFFFFFFF))


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
        for key, value in texts.items() if value)
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
    for candidate in (os.environ.get("BROWSER_PATH"), shutil.which("chromium"),
                      shutil.which("chromium-browser"), "/usr/bin/chromium"):
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


class _Browser:
    """One Chromium under kaleido, on its own event-loop thread, and how many renders use it."""

    def __init__(self, path: str) -> None:
        self.loop = asyncio.new_event_loop()
        self.thread = threading.Thread(target=self.loop.run_forever, name="kaleido",
                                       daemon=True)
        self.thread.start()
        self.users = 0
        self.retired = False

        async def open_browser() -> kaleido.Kaleido:
            browser = kaleido.Kaleido(n=1, timeout=RENDER_TIMEOUT_S, mathjax=False, path=path)
            await browser.open()
            return browser

        try:
            self.kaleido = asyncio.run_coroutine_threadsafe(
                open_browser(), self.loop).result(START_TIMEOUT_S)
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
                raise ExportError("Fant ingen Chromium: installer pakken «chromium» "
                                  "eller sett BROWSER_PATH.")
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
        opts = {"format": fmt, "width": layout.get("width", WIDTH_PX),
                "height": layout.get("height", HEIGHT_PX), "scale": scale}
        with self._lock:
            browser = self._open_locked()
            browser.users += 1
        failed = True
        try:
            future = asyncio.run_coroutine_threadsafe(
                browser.kaleido.calc_fig(fig_dict, opts=opts, topojson=pio.defaults.topojson),
                browser.loop)
            try:
                content = future.result(RENDER_TIMEOUT_S + 10)
            except Exception as exc:
                future.cancel()
                raise ExportError(
                    f"Eksport til {fmt.upper()} feilet eller tok for lang tid.") from exc
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


def figure_bytes(figure: go.Figure, fmt: str, texts: Mapping[str, str] | None = None
                 ) -> bytes:
    """A print figure (from `print_figure`) as PNG (300 dpi), SVG or PDF bytes.

    `texts` (e.g. from `chart_texts`) are written into a PNG's metadata.
    """
    if fmt not in IMAGE_FORMATS:
        raise ValueError(f"unknown image format {fmt!r}")
    if fmt == "png":
        png = with_dpi(SESSION.render(figure, "png", PNG_SCALE), PRINT_DPI)
        return with_text(png, texts) if texts else png
    return SESSION.render(figure, fmt)


def export_figure(chart_id: str, filters: Filters, options: Mapping[str, str] | None,
                  fmt: str) -> bytes:
    """One chart as a print-ready PNG, SVG or PDF for `filters` and `options`."""
    options = dict(options or {})
    chart = get_chart(chart_id)
    started = time.perf_counter()
    _frame, figure = render(chart_id, filters, options)
    content = figure_bytes(chart_print_figure(chart, figure, filters, options), fmt,
                           chart_texts(chart, filters, options))
    log.info("exported %s as %s in %.2f s", chart_id, fmt, time.perf_counter() - started)
    return content
