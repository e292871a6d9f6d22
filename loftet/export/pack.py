"""The report pack: every chart of the catalogue for one county (or the nation) and year in
one ZIP, as PNG and SVG, with its numbers as CSV and XLSX and a table of contents.

`build_report_pack` needs no Dash: call it from a script, a test or a background job. Charts
that need one municipality (the `kommune` page) are left out. A chart that fails is listed in
`innhold.txt` under «Ikke med» instead of stopping the pack.
"""

from __future__ import annotations

import io
import logging
import time
import zipfile
from collections.abc import Callable
from dataclasses import dataclass, field

from loftet.charts import PAGE_MODULES, Chart, all_charts, render, table_for_download
from loftet.charts.view import default_options
from loftet.export import (
    DEMO_MARK,
    DEMO_NOTICE,
    data_date_text,
    file_name,
    file_stem,
    is_demo,
    source_text,
)
from loftet.export.browser import session
from loftet.export.images import figure_bytes
from loftet.export.layout import chart_print_figure, chart_texts
from loftet.export.tables import labelled, table_file
from loftet.filters import Filters

log = logging.getLogger(__name__)

SKIP_PAGES = ("kommune",)
"""Pages whose charts need a chosen municipality."""
PACK_IMAGE_FORMATS = ("png", "svg", "pdf")
PACK_TABLE_FORMATS = ("csv", "xlsx")
IMAGE_FOLDER = "figurer"
DATA_FOLDER = "data"
CONTENTS = "innhold.txt"
STEPS_PER_CHART = 1 + len(PACK_IMAGE_FORMATS) + 1
"""Query, each image, the data files."""

Progress = Callable[[int, int, str], None]
"""`progress(done, total, message)`: called before each step and once at the end."""


@dataclass
class PackEntry:
    """One chart in the pack: its files, or why it is missing."""

    chart: Chart
    files: list[str] = field(default_factory=list)
    error: str = ""


def pack_charts() -> list[Chart]:
    """Every registered chart that renders for a county or the nation alone."""
    order = {page: index for index, page in enumerate(PAGE_MODULES)}
    charts = [chart for chart in all_charts() if chart.page not in SKIP_PAGES]
    return sorted(charts, key=lambda chart: order.get(chart.page, len(order)))


def pack_name(filters: Filters) -> str:
    """`loftet_rapportpakke_<fylke-or-norge>_<år>.zip`."""
    return f"{file_stem('rapportpakke', filters)}.zip"


def pack_filters(filters: Filters) -> Filters:
    """The pack's filters: the chosen county, year and structure; every sector and owner."""
    return Filters(aar=filters.aar, fra=filters.fra, fylke=filters.fylke, struktur=filters.struktur)


def contents_text(filters: Filters, entries: list[PackEntry], demo: bool) -> str:
    """`innhold.txt`: what the pack holds, chart by chart, with filters and sources."""
    lines = [
        "Løftet-monitor – rapportpakke",
        "",
        f"Utvalg: {filters.describe()}",
        f"{data_date_text()}.",
        "",
    ]
    if demo:
        lines += [f"{DEMO_MARK}.", DEMO_NOTICE, ""]
    lines += [
        "Figurene er 16 cm brede og minst 9 cm høye (høyere når innholdet trenger det): "
        "PNG i 300 dpi, SVG og PDF (vektor). Tallene bak hver figur ligger som CSV "
        "(semikolon, desimalkomma, UTF-8) og Excel.",
        "",
    ]
    for number, entry in enumerate((e for e in entries if not e.error), start=1):
        lines.append(f"{number}. {entry.chart.title}")
        lines += [f"   {name}" for name in entry.files]
        lines += [f"   {source_text(entry.chart)}", ""]
    missing = [e for e in entries if e.error]
    if missing:
        lines.append("Ikke med (feil da pakken ble laget):")
        lines += [f"- {e.chart.title}: {e.error}" for e in missing]
        lines.append("")
    return "\r\n".join(lines)


@dataclass(frozen=True)
class PackResult:
    """A finished pack: the ZIP, and the charts left out (title, reason)."""

    content: bytes
    charts: int
    skipped: tuple[tuple[str, str], ...] = ()


def build_report_pack(filters: Filters, progress: Progress | None = None) -> bytes:
    """The ZIP's bytes for `filters` (see `build_pack`)."""
    return build_pack(filters, progress).content


def build_pack(filters: Filters, progress: Progress | None = None) -> PackResult:
    """The ZIP for `filters` (county or nation, year, structure), and what it left out.

    Args:
        filters: only `aar`, `fra`, `fylke` and `struktur` are used.
        progress: called as `progress(done, total, message)` while the pack is built.

    Returns:
        The ZIP file (`figurer/*.png|svg`, `data/*.csv|xlsx` and `innhold.txt`) and the
        charts that failed, which `innhold.txt` also lists under «Ikke med».
    """
    filters = pack_filters(filters)
    charts = pack_charts()
    total = len(charts) * STEPS_PER_CHART + 1
    done = 0
    demo = is_demo()

    def step(message: str) -> None:
        if progress is not None:
            progress(done, total, message)

    started = time.perf_counter()
    entries: list[PackEntry] = []
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive, session():
        for index, chart in enumerate(charts, start=1):
            entry = PackEntry(chart)
            entries.append(entry)
            files: dict[str, bytes] = {}
            try:
                step(f"Henter tall: {chart.title}")
                options = default_options(chart)
                frame, figure = render(chart.id, filters, options)
                done += 1
                printable = chart_print_figure(chart, figure, filters, options)
                texts = chart_texts(chart, filters, options)
                for fmt in PACK_IMAGE_FORMATS:
                    step(f"Lager {fmt.upper()}: {chart.title}")
                    files[f"{IMAGE_FOLDER}/{file_name(chart.id, filters, fmt)}"] = figure_bytes(
                        printable, fmt, texts
                    )
                    done += 1
                step(f"Lager tabeller: {chart.title}")
                table = labelled(table_for_download(chart, frame), chart)
                for fmt in PACK_TABLE_FORMATS:
                    files[f"{DATA_FOLDER}/{file_name(chart.id, filters, fmt)}"] = table_file(
                        chart.id, table, filters, options, fmt
                    )
            except Exception as exc:  # noqa: BLE001 — one broken chart must not sink the pack
                log.exception("report pack: %s failed", chart.id)
                entry.error = str(exc).splitlines()[0] if str(exc) else type(exc).__name__
                files = {}
            for name, content in files.items():
                archive.writestr(name, content)
                entry.files.append(name)
            done = index * STEPS_PER_CHART
        step("Skriver innholdsliste")
        archive.writestr(CONTENTS, contents_text(filters, entries, demo).encode("utf-8"))
        done = total
    step("Ferdig")
    log.info(
        "report pack %s: %d charts in %.1f s",
        pack_name(filters),
        len(charts),
        time.perf_counter() - started,
    )
    skipped = tuple((e.chart.title, e.error) for e in entries if e.error)
    return PackResult(buffer.getvalue(), len(charts), skipped)
