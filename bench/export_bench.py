"""Export benchmark: seconds per chart and format on the demo database (or DATABASE_URL).

Starts one kaleido browser (timed), then for every registered chart: the query and figure
(`render`, data cache cleared first), the print layout, PNG (300 dpi), SVG and PDF with the
browser warm, and CSV and XLSX. Ends with one full report pack for a county. Kommune charts
use `--kommune` (default 4601 Bergen).

    .venv/bin/python bench/export_bench.py [--fylke 46] [--aar 2026] [--no-pack]
"""

from __future__ import annotations

import argparse
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from loftet.charts import all_charts, render, table_for_download  # noqa: E402
from loftet.export.browser import SESSION  # noqa: E402
from loftet.export.images import figure_bytes  # noqa: E402
from loftet.export.layout import chart_print_figure, chart_texts  # noqa: E402
from loftet.export.pack import build_report_pack, pack_charts  # noqa: E402
from loftet.export.tables import table_file  # noqa: E402
from loftet.filters import Filters  # noqa: E402
from loftet.queries.base import clear_cache  # noqa: E402

FORMATS = ("png", "svg", "pdf", "csv", "xlsx")


def timed(function, *args):
    start = time.perf_counter()
    result = function(*args)
    return result, time.perf_counter() - start


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--fylke", default=None, help="fylkesnummer; tomt = hele landet")
    parser.add_argument("--aar", type=int, default=None)
    parser.add_argument("--kommune", default="4601")
    parser.add_argument("--no-pack", action="store_true")
    args = parser.parse_args()
    filters = (
        Filters(fylke=args.fylke) if args.aar is None else Filters(fylke=args.fylke, aar=args.aar)
    )

    _, start_s = timed(SESSION.start)
    print(f"Chromium (kaleido) start: {start_s:.2f} s\n")
    header = f"{'chart':34} {'query':>6} {'layout':>6} " + " ".join(f"{f:>6}" for f in FORMATS)
    print(header + "    kB png/svg/pdf")
    print("-" * (len(header) + 19))
    per_format: dict[str, list[float]] = {fmt: [] for fmt in FORMATS}
    first = True
    for chart in all_charts():
        options = {"kommune": args.kommune} if chart.page == "kommune" else {}
        clear_cache()
        (frame, figure), query_s = timed(render, chart.id, filters, options)
        printable, layout_s = timed(chart_print_figure, chart, figure, filters, options)
        texts = chart_texts(chart, filters, options)
        times, sizes = {}, {}
        for fmt in ("png", "svg", "pdf"):
            content, times[fmt] = timed(figure_bytes, printable, fmt, texts)
            sizes[fmt] = len(content) / 1000
        table = table_for_download(chart, frame)
        for fmt in ("csv", "xlsx"):
            _, times[fmt] = timed(table_file, chart.id, table, filters, options, fmt)
        for fmt in FORMATS:
            if not first or fmt not in ("png",):
                per_format[fmt].append(times[fmt])
        first = False
        print(
            f"{chart.id:34} {query_s:6.2f} {layout_s:6.2f} "
            + " ".join(f"{times[f]:6.2f}" for f in FORMATS)
            + f"    {sizes['png']:.0f}/{sizes['svg']:.0f}/{sizes['pdf']:.0f}"
        )
    print("\nmedian seconds per file with a warm browser (first PNG left out: page warm-up):")
    print(
        "  " + "  ".join(f"{fmt} {statistics.median(v):.2f}" for fmt, v in per_format.items() if v)
    )
    if not args.no_pack:
        steps = []
        clear_cache()
        data, pack_s = timed(
            build_report_pack, filters, lambda done, total, message: steps.append(done)
        )
        print(
            f"\nreport pack ({len(pack_charts())} charts × PNG+SVG+CSV+XLSX, "
            f"{filters.county_name}, {filters.aar}): {pack_s:.1f} s, "
            f"{len(data) / 1e6:.1f} MB, {len(steps)} progress updates"
        )
    SESSION.stop()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
